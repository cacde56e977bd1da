//! Event coding: triggers to CAMEO, PLOVER and ACLED; roles; modality; deduplication.

#[derive(Debug)]
pub struct LexiconError {
    pub origin: String,
    pub line: usize,
    pub message: String,
}
impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.origin, self.line, self.message)
    }
}
impl std::error::Error for LexiconError {}

/// Trigger lexicon: words and phrases to CAMEO codes.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {}

impl Lexicon {
    /// sitrep's own lexicon, compiled into the binary.
    pub fn embedded() -> Self {
        Lexicon {}
    }
    /// PETRARCH's CAMEO verb dictionary format (`CAMEO.2.0.txt`), as an alternative lexicon.
    pub fn from_petrarch_verbs(text: &str, origin: &str) -> Result<Self, LexiconError> {
        let _ = (text, origin);
        Ok(Lexicon {})
    }
}

impl EventCoder {
    pub fn new(lexicon: Lexicon) -> Self {
        let _ = lexicon;
        EventCoder {}
    }
}

/// Pipeline stage `code_events`.
#[derive(Debug, Default)]
pub struct EventCoder {}

impl sitrep_core::Stage for EventCoder {
    fn name(&self) -> &'static str {
        "code_events"
    }
    fn requires(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Sentences, sitrep_core::Layer::Actors]
    }
    fn assigns(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Events]
    }
    fn run(&self, _doc: &mut sitrep_core::Doc) {}
}

/// Pipeline stage `merge`.
#[derive(Debug, Default)]
pub struct Deduplicator {}

impl sitrep_core::Stage for Deduplicator {
    fn name(&self) -> &'static str {
        "merge"
    }
    fn requires(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Events]
    }
    fn assigns(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Merged]
    }
    fn run(&self, _doc: &mut sitrep_core::Doc) {}
}
