//! sitrep's document model.
//!
//! A [`Doc`] owns one [`Article`] and every annotation the pipeline stages add to it.
//! Every annotation is a [`Span`]: a byte range into `article.text` exactly as it was read
//! (for HTML, the extracted text). No stage rewrites the text or shifts a span; cleaning
//! marks page furniture as spans to skip instead of deleting it, so the "cleaned text" maps
//! back to the original by identity.
//!
//! This crate does no I/O and knows nothing about dictionaries, gazetteers or file formats.

pub mod article;
pub mod doc;
pub mod event;
pub mod mention;
pub mod record;
pub mod span;
pub mod stage;
pub mod token;

pub use article::{Article, Dateline};
pub use doc::{Doc, Focus, TraceEntry};
pub use event::{Acled, Event, Fatalities, Modality, Plover, Qualifier};
pub use mention::{
    ActorKind, ActorMention, CasualtyKind, CasualtyMention, DateMention, DatePrecision,
    PlaceMention, PlacePrecision,
};
pub use record::{EventRecord, RecordActor, RecordEvidence, RecordFatalities, RecordLocation, SCHEMA};
pub use span::Span;
pub use stage::{Layer, Outcome, Stage};
pub use token::{Sentence, Token, TokenKind};
