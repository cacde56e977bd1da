//! [`TokenView`]: tokens with their lowercased text, for the small left-to-right scanners
//! of the date, casualty and similar stages. Indices past either end read as "" / None, so
//! scanners can look ahead and behind without bounds checks.

use sitrep_core::{Doc, Token, TokenKind};

/// A read-only view of a run of tokens and the lowercased text they point into.
#[derive(Clone, Copy)]
pub struct TokenView<'a> {
    pub lower: &'a str,
    pub toks: &'a [Token],
}

impl<'a> TokenView<'a> {
    /// All tokens of a document.
    #[inline]
    pub fn new(doc: &'a Doc) -> Self {
        TokenView { lower: &doc.lower, toks: &doc.tokens }
    }
    /// Lowercased text of token `i`, or "" past the end.
    #[inline]
    pub fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.lower[t.span.start..t.span.end])
    }
    /// First byte, byte length and last byte of token `i` ((0, 0, 0) past the end): enough
    /// for gates that reject most tokens without slicing the text.
    #[inline]
    pub fn shape(&self, i: usize) -> (u8, usize, u8) {
        self.toks.get(i).map_or((0, 0, 0), |t| {
            let b = self.lower.as_bytes();
            let first = b.get(t.span.start).copied().unwrap_or(0);
            let last = b.get(t.span.end.wrapping_sub(1)).copied().unwrap_or(0);
            (first, t.span.end - t.span.start, last)
        })
    }
    /// Like `w`, for an index that may have gone below zero.
    #[inline]
    pub fn wi(&self, i: isize) -> &'a str {
        if i < 0 {
            ""
        } else {
            self.w(i as usize)
        }
    }
    /// Token `i` starts with a capital letter.
    #[inline]
    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }
    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    /// Tokens `i` and `i + 1` touch (no space between).
    #[inline]
    pub fn adjacent(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lowercase_and_tolerates_out_of_range() {
        let doc = crate::prepare("Troops SHELLED the town-hall.");
        let v = TokenView::new(&doc);
        assert_eq!(v.w(1), "shelled");
        assert!(v.cap(0) && !v.cap(2));
        assert_eq!(v.w(99), "");
        assert_eq!(v.wi(-1), "");
        assert_eq!(v.kind(99), None);
        assert!(!v.adjacent(0));
        assert!(v.adjacent(3), "the final full stop touches the word before it");
    }
}
