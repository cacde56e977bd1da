use crate::Span;
use serde::Serialize;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or dots ("al-Burhan", "U.S.").
    Word,
    /// Digits, possibly with separators ("1,200", "3.5").
    Number,
    /// Sentence or clause punctuation and quotes.
    Punct,
    /// Anything else (symbols, emoji).
    Symbol,
}

/// A token: a span plus cheap flags so matchers need not re-inspect the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// First character is uppercase.
    pub cap: bool,
}

/// A sentence: its span and the range of its tokens in `Doc::tokens`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
    /// Index of the block (paragraph / line group) the sentence came from.
    pub block: usize,
    /// A line without final punctuation that reads as a headline or subhead.
    pub headline: bool,
}
