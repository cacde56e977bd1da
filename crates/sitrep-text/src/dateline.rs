use sitrep_core::{Dateline, Span};

/// Find a wire dateline ("GOMA, Congo (AP) —") at the start of `text`.
pub fn detect_dateline(text: &str) -> Option<Dateline> {
    let _ = text;
    let _ = Span::default();
    None
}
