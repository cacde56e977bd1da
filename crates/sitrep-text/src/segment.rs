//! Sentence segmentation over the cleaner's blocks.

use crate::tokenize::tokenize;
use sitrep_core::{Doc, Layer, Sentence, Span, Stage, TokenKind};

#[derive(Debug, Default, Clone)]
pub struct Segmenter {}

impl Segmenter {
    pub fn new() -> Self {
        Segmenter {}
    }
}

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Blocks]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }
    fn run(&self, doc: &mut Doc) {
        let text = doc.article.text.as_str();
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        for (bi, block) in doc.blocks.iter().enumerate() {
            let first = tokens.len();
            tokenize(text, *block, &mut tokens);
            let mut sent_start = first;
            for i in first..tokens.len() {
                let t = tokens[i];
                let is_end = t.kind == TokenKind::Punct && matches!(t.span.of(text), "." | "!" | "?");
                if is_end || i + 1 == tokens.len() {
                    let s = Span::new(tokens[sent_start].span.start, t.span.end);
                    let headline = !is_end;
                    sentences.push(Sentence { span: s, tokens: sent_start..i + 1, block: bi, headline });
                    sent_start = i + 1;
                }
            }
        }
        doc.tokens = tokens;
        doc.sentences = sentences;
    }
}
