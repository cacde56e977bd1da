//! Tokens for the matchers downstream.
//!
//! Conventions other stages rely on:
//! - A trailing possessive `'s` / `’s` is its own token: "Sudan's army" gives `Sudan`, `'s`,
//!   `army`, so a dictionary entry "Sudan" matches the owner. Contractions ending in `'s`
//!   ("it's") split the same way, as in Penn Treebank tokenization. Other inner apostrophes
//!   stay inside the word ("don't", "N'Djamena", "Ma'arib").
//! - Hyphenated words stay whole ("Goma-based", "al-Shabaab", "F-16", "U.S.-led").
//! - Initialisms keep their dots, the last one included ("U.S.", "a.m.", "e.g."), because
//!   that dot belongs to the word; a dot after any other word is a separate `Punct` token and
//!   the segmenter decides whether it ends a sentence.
//! - Numbers keep inner separators followed by a digit ("1,200", "3.5", "10:30") and glued
//!   unit letters ("12th", "5km").
//! - Runs of dots ("..."), of `!`/`?` ("?!") and of two or more hyphens ("--") are one `Punct`
//!   token, so a lone "." token always means a period.
//! - Whitespace, control characters, zero-width characters and U+FFFD are skipped: they
//!   carry no meaning and arrive with scraped or mis-decoded pages.

use sitrep_core::{Span, Token, TokenKind};

/// Split `text[span]` into tokens, appending to `out`. Offsets are into `text`.
/// Linear in the span's length.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let end = span.end.min(text.len());
    let mut i = span.start;
    while i < end {
        let c = char_at(text, i);
        let w = c.len_utf8();
        if is_skippable(c) {
            i += w;
            continue;
        }
        let start = i;
        let (stop, kind) = if is_apostrophe(c)
            && possessive_len(text, i, end).is_some()
            && out.last().is_some_and(|t| t.span.end == i && t.kind == TokenKind::Word)
        {
            (i + possessive_len(text, i, end).unwrap_or(w), TokenKind::Word)
        } else if c.is_alphabetic() {
            (scan_word(text, i, end), TokenKind::Word)
        } else if c.is_ascii_digit() || (c == '.' && starts_decimal(text, i, end, out.last())) {
            (scan_number(text, i, end), TokenKind::Number)
        } else if is_punct(c) {
            (scan_punct_run(text, i, end, c), TokenKind::Punct)
        } else {
            (i + w, TokenKind::Symbol)
        };
        out.push(Token { span: Span::new(start, stop), kind, cap: c.is_uppercase() });
        i = stop;
    }
}

fn char_at(text: &str, i: usize) -> char {
    // `i` is always a char boundary: it only advances by whole chars.
    text[i..].chars().next().unwrap_or('\u{0}')
}

fn next_char(text: &str, i: usize, end: usize) -> Option<char> {
    if i < end {
        text[i..end].chars().next()
    } else {
        None
    }
}

/// Characters that separate tokens without being one.
fn is_skippable(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{FFFD}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Characters that may join two parts of one word when a letter or digit follows:
/// apostrophes, hyphens (ASCII, Unicode hyphen, non-breaking hyphen), the soft hyphen and dots.
fn is_word_joiner(c: char) -> bool {
    is_apostrophe(c) || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{00AD}' | '.')
}

/// Combining marks (decomposed accents) continue the word they sit on.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}')
}

pub(crate) fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '«' | '»' | '¡' | '¿' | '·' | '§' | '¶')
}

/// Length of a possessive `'s` at `i` (apostrophe, then s/S, then no letter or digit).
fn possessive_len(text: &str, i: usize, end: usize) -> Option<usize> {
    let a = char_at(text, i);
    let after_a = i + a.len_utf8();
    let s = next_char(text, after_a, end)?;
    if s != 's' && s != 'S' {
        return None;
    }
    match next_char(text, after_a + 1, end) {
        Some(n) if n.is_alphanumeric() => None,
        _ => Some(a.len_utf8() + 1),
    }
}

/// End of the word starting at `start`.
fn scan_word(text: &str, start: usize, end: usize) -> usize {
    let first = char_at(text, start);
    let mut i = start + first.len_utf8();
    // Letters in the current part (the text since the last joiner) and whether its last
    // letter is lower case.
    let mut part_len = 1usize;
    let mut part_lower_end = first.is_lowercase();
    // Whether the previous part was a single letter followed by a dot ("U." in "U.S").
    let mut prev_single_dotted = false;
    while i < end {
        let d = char_at(text, i);
        if d.is_alphanumeric() || is_combining(d) {
            part_len += 1;
            part_lower_end = d.is_lowercase() || d.is_ascii_digit() || (is_combining(d) && part_lower_end);
            i += d.len_utf8();
            continue;
        }
        if !is_word_joiner(d) {
            break;
        }
        if is_apostrophe(d) && possessive_len(text, i, end).is_some() {
            break;
        }
        let after = i + d.len_utf8();
        match next_char(text, after, end) {
            Some(n) if n.is_alphanumeric() => {
                // "killed.The": a sentence whose next one follows without a space. A dot
                // between a lower-case ending and a capitalised word ("Trump.Black") is
                // punctuation; "Amazon.com", "Ph.D" and "U.S" stay whole.
                if d == '.' && part_len >= 2 && part_lower_end && n.is_uppercase() {
                    let n2 = next_char(text, after + n.len_utf8(), end);
                    if n2.is_some_and(|c| c.is_lowercase()) {
                        break;
                    }
                }
                prev_single_dotted = d == '.' && part_len == 1;
                part_len = 0;
                part_lower_end = false;
                i = after;
            }
            _ if d == '.' && part_len == 1 && prev_single_dotted => {
                // The final dot of an initialism ("U.S." / "a.m." / "PANAMANIAN-U.S."); a
                // hyphenated word may continue after it ("U.S.-led").
                i = after;
                if next_char(text, i, end) == Some('-')
                    && next_char(text, i + 1, end).is_some_and(|n| n.is_alphanumeric())
                {
                    i += 1;
                    part_len = 0;
                    prev_single_dotted = false;
                    continue;
                }
                break;
            }
            _ => break,
        }
    }
    i
}

/// ".45 caliber": a dot right before a digit, with nothing glued before it.
fn starts_decimal(text: &str, i: usize, end: usize, prev: Option<&Token>) -> bool {
    next_char(text, i + 1, end).is_some_and(|n| n.is_ascii_digit())
        && !prev.is_some_and(|p| p.span.end == i && p.kind != TokenKind::Punct)
}

/// End of the number starting at `i`.
fn scan_number(text: &str, start: usize, end: usize) -> usize {
    let mut i = start + 1;
    while i < end {
        let d = char_at(text, i);
        if d.is_ascii_digit() || d.is_alphabetic() {
            i += d.len_utf8();
        } else if matches!(d, ',' | '.' | ':')
            && next_char(text, i + 1, end).is_some_and(|n| n.is_ascii_digit())
        {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// End of a punctuation token: runs of '.', of '!'/'?', and of two or more '-' are one token.
fn scan_punct_run(text: &str, start: usize, end: usize, c: char) -> usize {
    let mut i = start + c.len_utf8();
    let same_run = |d: char| match c {
        '.' => d == '.',
        '!' | '?' => d == '!' || d == '?',
        '-' => d == '-',
        _ => false,
    };
    while i < end {
        let d = char_at(text, i);
        if !same_run(d) {
            break;
        }
        i += d.len_utf8();
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut v);
        v.iter().map(|t| t.span.of(s)).collect()
    }

    fn kinds(s: &str) -> Vec<TokenKind> {
        let mut v = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut v);
        v.iter().map(|t| t.kind).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("U.S. troops killed 1,200 al-Shabaab fighters.", &["U.S.", "troops", "killed", "1,200", "al-Shabaab", "fighters", "."]),
            ("\"We won't,\" he said", &["\"", "We", "won't", ",", "\"", "he", "said"]),
            ("Goma-based — 3.5 km", &["Goma-based", "—", "3.5", "km"]),
            ("Sudan's army", &["Sudan", "'s", "army"]),
            ("Sudan’s army", &["Sudan", "’s", "army"]),
            ("SUDAN'S ARMY", &["SUDAN", "'S", "ARMY"]),
            ("al-Shabaab's fighters", &["al-Shabaab", "'s", "fighters"]),
            ("the soldiers' barracks", &["the", "soldiers", "'", "barracks"]),
            ("the 's' key", &["the", "'", "s", "'", "key"]),
            ("U.S.-led coalition", &["U.S.-led", "coalition"]),
            ("in the U.S.", &["in", "the", "U.S."]),
            ("at 5 p.m. on Monday", &["at", "5", "p.m.", "on", "Monday"]),
            ("e.g. Goma", &["e.g.", "Goma"]),
            ("John F. Kennedy", &["John", "F", ".", "Kennedy"]),
            ("Lt. Gen. Ali", &["Lt", ".", "Gen", ".", "Ali"]),
            ("F-16 jets and M23 rebels", &["F-16", "jets", "and", "M23", "rebels"]),
            ("the 12th brigade at 10:30", &["the", "12th", "brigade", "at", "10:30"]),
            ("died... Police", &["died", "...", "Police"]),
            ("What?! No", &["What", "?!", "No"]),
            ("Niamey -- the", &["Niamey", "--", "the"]),
            ("N'Djamena and Ma'arib", &["N'Djamena", "and", "Ma'arib"]),
            ("it's over", &["it", "'s", "over"]),
            ("(AP) —", &["(", "AP", ")", "—"]),
            ("$5 or 50%", &["$", "5", "or", "50", "%"]),
            ("PANAMANIAN-U.S. TIES", &["PANAMANIAN-U.S.", "TIES"]),
            ("of Trump.Black's empire", &["of", "Trump", ".", "Black", "'s", "empire"]),
            ("killed.The army", &["killed", ".", "The", "army"]),
            ("Amazon.com and Ph.D holders", &["Amazon.com", "and", "Ph.D", "holders"]),
            ("a .45 caliber pistol (.38)", &["a", ".45", "caliber", "pistol", "(", ".38", ")"]),
            ("Kinshasa’s “Red” zone", &["Kinshasa", "’s", "“", "Red", "”", "zone"]),
        ];
        for (input, want) in cases {
            assert_eq!(&toks(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn kinds_and_caps() {
        assert_eq!(
            kinds("Rebels killed 12 ."),
            vec![TokenKind::Word, TokenKind::Word, TokenKind::Number, TokenKind::Punct]
        );
        let mut v = Vec::new();
        tokenize("Goma city", Span::new(0, 9), &mut v);
        assert!(v[0].cap && !v[1].cap);
        assert_eq!(kinds("© ★"), vec![TokenKind::Symbol, TokenKind::Symbol]);
    }

    #[test]
    fn possessive_needs_a_word_before_it() {
        // A quote opening before an 's' is not a possessive.
        assert_eq!(toks("'s"), vec!["'", "s"]);
    }

    #[test]
    fn respects_span_and_offsets() {
        let s = "xx Sudan's army yy";
        let mut v = Vec::new();
        tokenize(s, Span::new(3, 15), &mut v);
        let got: Vec<_> = v.iter().map(|t| (t.span.start, t.span.end)).collect();
        assert_eq!(got, vec![(3, 8), (8, 10), (11, 15)]);
    }

    #[test]
    fn non_ascii_stays_on_char_boundaries() {
        let s = "Bogotá’s mayor — Ελλάδα, Ουκρανία; 北京 «ville» Café\u{301}";
        let mut v = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut v);
        for t in &v {
            assert!(s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end));
        }
        assert_eq!(v[0].span.of(s), "Bogotá");
        assert_eq!(v[1].span.of(s), "’s");
        assert!(toks(s).contains(&"Café\u{301}"));
    }

    #[test]
    fn skips_garbage() {
        assert!(toks("").is_empty());
        assert!(toks(" \t\r\n \u{200B}\u{FEFF}\u{0}\u{7}").is_empty());
        assert_eq!(toks("a\u{0}b\u{FFFD}c"), vec!["a", "b", "c"]);
        assert_eq!(toks("soft\u{00AD}hyphen"), vec!["soft\u{00AD}hyphen"]);
    }
}
