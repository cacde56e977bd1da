//! Page-furniture removal: split the text into blocks (lines) and drop those that are
//! boilerplate rather than report.

use sitrep_core::{Doc, Layer, Span, Stage};

/// Marks furniture lines as dropped and keeps the rest as `Doc::blocks`.
#[derive(Debug, Default, Clone)]
pub struct Cleaner {}

impl Cleaner {
    pub fn new() -> Self {
        Cleaner {}
    }
}

impl Stage for Cleaner {
    fn name(&self) -> &'static str {
        "clean"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Blocks]
    }
    fn run(&self, doc: &mut Doc) {
        let text = doc.article.text.as_str();
        let mut blocks = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let end = start + line.len();
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let lead = line.len() - line.trim_start().len();
                let s = start + lead;
                blocks.push(Span::new(s, s + trimmed.len()));
            }
            start = end;
        }
        doc.blocks = blocks;
    }
}
