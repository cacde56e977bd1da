use crate::Doc;
use serde::Serialize;

/// The annotation layers of a [`Doc`]. Stages declare which they need and which they fill,
/// so the pipeline can check the order it is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Layer {
    Blocks,
    Sentences,
    Actors,
    Places,
    Dates,
    Casualties,
    Events,
    EventPlaces,
    EventDates,
    EventCasualties,
    EventAttribution,
    Merged,
}

/// A named pipeline stage. Stages are built once (dictionaries compiled, matchers built)
/// and then run on many documents, from many threads.
pub trait Stage: Send + Sync {
    fn name(&self) -> &'static str;
    fn requires(&self) -> &'static [Layer];
    fn assigns(&self) -> &'static [Layer];
    fn run(&self, doc: &mut Doc);
}

/// What happened to one input record. Every record ends as exactly one of these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", content = "reason", rename_all = "snake_case")]
pub enum Outcome {
    /// At least one event was written.
    Coded,
    /// Read fine, but nothing was coded; the reason says why.
    Empty(String),
    /// Could not be read or used; the reason says why.
    Rejected(String),
}
