//! Coded events as the pipeline holds them: indices into the `Doc`'s mention layers plus
//! the codebook values. [`crate::EventRecord`] is the flattened, self-contained output form.

use crate::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    #[default]
    Asserted,
    Negated,
    Future,
    Hypothetical,
    Claimed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    AtLeast,
    AtMost,
    About,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Plover {
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
    pub context: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Acled {
    pub event_type: String,
    pub sub_event_type: String,
    pub disorder_type: String,
}

/// Killed and injured figures attached to an event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Fatalities {
    pub killed: Option<u32>,
    pub killed_qualifier: Option<Qualifier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub killed_low: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub killed_high: Option<u32>,
    pub injured: Option<u32>,
    pub injured_qualifier: Option<Qualifier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub injured_low: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub injured_high: Option<u32>,
    /// The casualty phrases, joined with " | ".
    pub text: String,
}

/// Where an event's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventDate {
    /// Index into `Doc::dates`.
    Mention(usize),
    /// No date in the text: the publication date stands in (precision "day").
    Published,
    #[default]
    Unknown,
}

/// One coded event inside a `Doc`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Index of the sentence with the trigger.
    pub sentence: usize,
    /// The word or phrase that triggered the event ("shelled", "air strike").
    pub trigger: Span,
    /// Fine CAMEO event code ("190", "1823").
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Plover,
    pub acled: Option<Acled>,
    /// Indices into `Doc::actors`.
    pub source: Option<usize>,
    pub target: Option<usize>,
    pub modality: Modality,
    /// Who the text says reported it.
    pub attribution: Option<String>,
    /// Index into `Doc::places`.
    pub location: Option<usize>,
    pub date: EventDate,
    pub fatalities: Option<Fatalities>,
    /// Further sentences that report the same occurrence (filled by the merge stage).
    pub also_in: Vec<usize>,
    pub rules: Vec<String>,
    pub confidence: f32,
}

impl Event {
    /// A new asserted event with codebook fields left for the coder to fill.
    pub fn new(sentence: usize, trigger: Span, cameo: impl Into<String>) -> Self {
        Event {
            sentence,
            trigger,
            cameo: cameo.into(),
            quad_class: 0,
            goldstein: 0.0,
            plover: Plover::default(),
            acled: None,
            source: None,
            target: None,
            modality: Modality::Asserted,
            attribution: None,
            location: None,
            date: EventDate::Unknown,
            fatalities: None,
            also_in: Vec::new(),
            rules: Vec::new(),
            confidence: 0.5,
        }
    }
    /// The CAMEO root: the first two digits.
    pub fn cameo_root(&self) -> &str {
        self.cameo.get(..2).unwrap_or(&self.cameo)
    }
}
