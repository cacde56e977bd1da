//! Actor recognition and coding: who acts and who is acted on, with CAMEO actor codes,
//! sectors and ACLED interaction codes, and the dictionary entries and rules behind each.
//!
//! * [`ActorDictionary`]: sitrep's own dictionaries (`data/*.toml`, embedded), user
//!   dictionaries in the same TOML format ([`ActorDictionary::merge_user`]), and
//!   PETRARCH/Phoenix actor and agent files ([`ActorDictionary::merge_petrarch_actors`],
//!   [`ActorDictionary::merge_petrarch_agents`]). The format is documented in [`dict`].
//! * [`ActorRecognizer`]: the `actors` pipeline stage. It compiles the dictionary into one
//!   Aho-Corasick automaton once, then per sentence assembles matches into actor phrases
//!   ("Sudan's army chief", "troops loyal to X", "US and British activists"), names
//!   capitalised actors without entries, links appositions and pronouns, sets
//!   `doc.focus.country` and gives unqualified agents that country.

pub mod dict;
mod matcher;
pub mod petrarch;
mod recognize;
pub mod sector;

pub use dict::ActorDictionary;

/// Errors loading a dictionary: which file, which line, what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct DictError {
    pub origin: String,
    pub line: usize,
    pub message: String,
}
impl std::fmt::Display for DictError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.origin, self.line, self.message)
    }
}
impl std::error::Error for DictError {}

/// Pipeline stage `actors`.
pub struct ActorRecognizer {
    compiled: matcher::Compiled,
    /// Place names, consulted only for capitalised names with no actor entry.
    places: std::sync::Arc<sitrep_places::Gazetteer>,
}

impl std::fmt::Debug for ActorRecognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActorRecognizer")
            .field("patterns", &self.compiled.pats.len())
            .finish()
    }
}

impl Default for ActorRecognizer {
    fn default() -> Self {
        ActorRecognizer::new(ActorDictionary::embedded())
    }
}

impl ActorRecognizer {
    /// Compile the dictionary into matchers, once. Uses the embedded gazetteer to tell
    /// place names from actor names.
    pub fn new(dict: ActorDictionary) -> Self {
        Self::with_gazetteer(dict, std::sync::Arc::new(sitrep_places::Gazetteer::embedded()))
    }

    /// As [`ActorRecognizer::new`], consulting `gazetteer` (the same one the locate stage
    /// uses, e.g. an imported GeoNames index) to tell place names from actor names.
    pub fn with_gazetteer(dict: ActorDictionary, gazetteer: std::sync::Arc<sitrep_places::Gazetteer>) -> Self {
        ActorRecognizer { compiled: matcher::Compiled::new(dict), places: gazetteer }
    }
}

impl sitrep_core::Stage for ActorRecognizer {
    fn name(&self) -> &'static str {
        "actors"
    }
    fn requires(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Sentences]
    }
    fn assigns(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Actors]
    }
    fn run(&self, doc: &mut sitrep_core::Doc) {
        self.recognize(doc);
    }
}
