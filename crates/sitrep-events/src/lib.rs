//! Event coding: triggers to CAMEO, PLOVER and ACLED; roles; modality; deduplication.
//!
//! - [`Lexicon`]: trigger words and phrases → CAMEO codes (sitrep's TOML lexicon in
//!   `data/lexicon.toml`, or PETRARCH's `CAMEO.2.0.txt`).
//! - [`EventCoder`]: the `code_events` stage (clauses, roles, modality, time frame).
//! - [`Deduplicator`]: the `merge` stage (one occurrence, one event).

mod analysis;
mod coder;
mod codes;
mod dedup;
pub mod embed;
pub mod inflect;
mod lexicon;
mod matcher;
mod modality;
mod object;
mod petrarch;
mod roles;
mod territory;
mod words;

pub use coder::EventCoder;
pub use codes::quad_class_of_root;
pub use dedup::{same_occurrence, Deduplicator};
pub use lexicon::{Complement, Lexicon, LexiconError};

#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;
