use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One news report as read by an ingest reader. `text` is the body the spans point into.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Article {
    /// Stable id; becomes every event's `article_id`. Readers fill a content hash when the
    /// input has none.
    pub id: String,
    pub title: Option<String>,
    pub text: String,
    /// Publication date: the anchor for relative dates ("on Friday", "yesterday").
    pub published: Option<Date>,
    /// The publication timestamp as given, when it had a time part.
    pub published_raw: Option<String>,
    pub source_name: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// "GOMA, Congo (AP) —" at the start of the body.
    pub dateline: Option<Dateline>,
    /// Input fields sitrep does not interpret, kept so nothing is lost.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The place and agency of a wire dateline. `span` covers the whole dateline in `text`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place as written, e.g. "GOMA, Congo".
    pub place: String,
    /// e.g. "AP", "Reuters", "AFP".
    pub agency: Option<String>,
    pub span: crate::Span,
}

impl Article {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article { id: id.into(), text: text.into(), ..Default::default() }
    }
}
