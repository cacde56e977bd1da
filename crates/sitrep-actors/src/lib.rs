//! Actor recognition and coding.

/// Errors loading a dictionary: which file, which line, what is wrong.
#[derive(Debug)]
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

/// All actor entries: the embedded defaults plus anything merged over them.
#[derive(Debug, Default, Clone)]
pub struct ActorDictionary {}

impl ActorDictionary {
    /// sitrep's own default dictionaries, compiled into the binary.
    pub fn embedded() -> Self {
        ActorDictionary {}
    }
    /// Merge a sitrep-format user dictionary (TOML) over the current entries.
    pub fn merge_user(&mut self, text: &str, origin: &str) -> Result<usize, DictError> {
        let _ = (text, origin);
        Ok(0)
    }
    /// Merge a PETRARCH/Phoenix actor dictionary (`NAME [CODE]`, date-bounded codes).
    pub fn merge_petrarch_actors(&mut self, text: &str, origin: &str) -> Result<usize, DictError> {
        let _ = (text, origin);
        Ok(0)
    }
    /// Merge a PETRARCH/Phoenix agents dictionary (`NOUN [~ROLE]`, `!MACRO!`).
    pub fn merge_petrarch_agents(&mut self, text: &str, origin: &str) -> Result<usize, DictError> {
        let _ = (text, origin);
        Ok(0)
    }
}

impl ActorRecognizer {
    /// Compile the dictionary into matchers, once.
    pub fn new(dict: ActorDictionary) -> Self {
        let _ = dict;
        ActorRecognizer {}
    }
}

/// Pipeline stage `actors`.
#[derive(Debug, Default)]
pub struct ActorRecognizer {}

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
    fn run(&self, _doc: &mut sitrep_core::Doc) {}
}
