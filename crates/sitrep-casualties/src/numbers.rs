//! Figures as news copy writes them: digits ("1,200"), words ("twenty-three", "a dozen",
//! "two hundred and fifty"), vague plurals ("dozens") and the hedges around them
//! ("at least", "up to", "between 10 and 15").
//!
//! ## Vague quantities
//! A vague plural counts as the smallest figure it plainly implies, with qualifier
//! `at_least`, following ACLED's practice for "tens" (10), "dozens" (12) and "hundreds"
//! (100): scores → 20, thousands → 1000; "several", "a few" and "a handful" → 3. "Many" and
//! "a number of" carry no figure and are not counted.

use sitrep_core::{Qualifier, TokenKind};

/// Tokens with their lowercased text (shared with other scanners).
pub(crate) type View<'a> = sitrep_text::TokenView<'a>;

/// A parsed figure: tokens `[start, end)`, value, and whether it was a vague word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quantity {
    pub start: usize,
    pub end: usize,
    pub value: u32,
    pub vague: bool,
}

/// "seven", "twenty", "twenty-three".
fn small_word(w: &str) -> Option<u32> {
    sitrep_text::words::cardinal_word(w)
}

fn vague_word(w: &str) -> Option<u32> {
    Some(match w {
        "tens" => 10,
        "dozens" => 12,
        "scores" => 20,
        "hundreds" => 100,
        "thousands" => 1000,
        "several" => 3,
        _ => return None,
    })
}

/// A figure starting at token `i`, if any.
pub(crate) fn quantity(v: &View, i: usize) -> Option<Quantity> {
    let w = v.w(i);
    if v.kind(i) == Some(TokenKind::Number) {
        // "23-year-old", "16th", "1990s", "3.5": not head counts.
        if !w.bytes().all(|b| b.is_ascii_digit() || b == b',') {
            return None;
        }
        // "23-year-old", "9/11", "5:30", "40%"; but "10-15" is a range.
        let range_dash = v.w(i + 1) == "-" && v.kind(i + 2) == Some(TokenKind::Number);
        if v.adjacent(i) && matches!(v.w(i + 1), "-" | "/" | ":" | "%") && !range_dash {
            return None;
        }
        let mut value: u64 = w.bytes().filter(u8::is_ascii_digit).fold(0u64, |acc, b| acc.saturating_mul(10) + u64::from(b - b'0'));
        let mut end = i + 1;
        match v.w(end) {
            "thousand" => {
                value *= 1000;
                end += 1;
            }
            "million" => {
                value *= 1_000_000;
                end += 1;
            }
            _ => {}
        }
        return Some(Quantity { start: i, end, value: value.min(u64::from(u32::MAX)) as u32, vague: false });
    }
    if let Some(value) = vague_word(w) {
        let end = if v.w(i + 1) == "of" { i + 2 } else { i + 1 };
        return Some(Quantity { start: i, end, value, vague: true });
    }
    match (w, v.w(i + 1)) {
        ("a", "dozen") => return Some(Quantity { start: i, end: i + 2, value: 12, vague: false }),
        ("a", "few") | ("a", "handful") => {
            let end = if v.w(i + 2) == "of" { i + 3 } else { i + 2 };
            return Some(Quantity { start: i, end, value: 3, vague: true });
        }
        ("a", "hundred") => return Some(Quantity { start: i, end: i + 2, value: 100, vague: false }),
        ("a", "thousand") => return Some(Quantity { start: i, end: i + 2, value: 1000, vague: false }),
        _ => {}
    }
    // Word numbers: "two", "twenty-three", "two hundred and fifty", "two dozen".
    let first = small_word(w)?;
    let mut total: u32 = 0;
    let mut current = first;
    let mut end = i + 1;
    loop {
        match v.w(end) {
            "dozen" => {
                current *= 12;
                end += 1;
            }
            "hundred" => {
                current *= 100;
                end += 1;
                if v.w(end) == "and" {
                    if let Some(n) = small_word(v.w(end + 1)) {
                        current += n;
                        end += 2;
                    }
                } else if let Some(n) = small_word(v.w(end)) {
                    current += n;
                    end += 1;
                }
            }
            "thousand" => {
                total += current * 1000;
                current = 0;
                end += 1;
                if let Some(n) = small_word(v.w(end)) {
                    current = n;
                    end += 1;
                    continue;
                }
            }
            _ => break,
        }
    }
    Some(Quantity { start: i, end, value: total + current, vague: false })
}

/// The hedge ending right before token `at`: its qualifier and its first token.
pub(crate) fn hedge_before(v: &View, at: usize) -> Option<(Qualifier, usize)> {
    let a = at as isize;
    let w1 = v.wi(a - 1);
    let w2 = v.wi(a - 2);
    let w3 = v.wi(a - 3);
    let two = |q| Some((q, at - 2));
    let one = |q| Some((q, at - 1));
    match (w3, w2, w1) {
        ("no", "fewer" | "less", "than") => return Some((Qualifier::AtLeast, at - 3)),
        ("no", "more", "than") => return Some((Qualifier::AtMost, at - 3)),
        _ => {}
    }
    match (w2, w1) {
        ("at", "least") | ("more", "than") | ("upwards", "of") | ("in", "excess") => return two(Qualifier::AtLeast),
        ("at", "most") | ("up", "to") | ("fewer", "than") | ("less", "than") => return two(Qualifier::AtMost),
        ("many", "as") if w3 == "as" => return Some((Qualifier::AtMost, at - 3)),
        ("an", "estimated") | ("close", "to") => return two(Qualifier::About),
        _ => {}
    }
    match w1 {
        "over" => one(Qualifier::AtLeast),
        "about" | "around" | "nearly" | "almost" | "approximately" | "roughly" | "some" | "estimated" | "approx" => {
            one(Qualifier::About)
        }
        _ => None,
    }
}

/// A figure with its hedge and any range, as found at a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Figure {
    pub start: usize,
    pub end: usize,
    pub count: u32,
    pub low: Option<u32>,
    pub high: Option<u32>,
    pub qualifier: Qualifier,
}

/// A full figure whose number starts at `i`: picks up a hedge before it and a range
/// after it ("10 to 15", "10-15", "between 10 and 15", "10 or 12").
pub(crate) fn figure_at(v: &View, i: usize) -> Option<Figure> {
    let q = quantity(v, i)?;
    let mut start = q.start;
    let mut qualifier = if q.vague { Qualifier::AtLeast } else { Qualifier::Exact };
    if let Some((h, hs)) = hedge_before(v, q.start) {
        qualifier = h;
        start = hs;
    }
    let mut fig = Figure { start, end: q.end, count: q.value, low: None, high: None, qualifier };
    let between = i > 0 && v.w(i - 1) == "between";
    let joiner = v.w(q.end);
    let range_joiner = match joiner {
        "to" | "-" | "–" | "or" => !q.vague,
        "and" => between,
        _ => false,
    };
    if range_joiner {
        if let Some(q2) = quantity(v, q.end + 1).filter(|q2| q2.value > q.value && !q2.vague) {
            fig.low = Some(q.value);
            fig.high = Some(q2.value);
            fig.end = q2.end;
            fig.count = q.value;
            if qualifier == Qualifier::Exact {
                qualifier = Qualifier::AtLeast;
            }
            fig.qualifier = qualifier;
            if between {
                fig.start = fig.start.min(i - 1);
            }
        }
    }
    Some(fig)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::Span;

    fn view_of(text: &str) -> (String, Vec<sitrep_core::Token>) {
        let mut toks = Vec::new();
        sitrep_text::tokenize(text, Span::new(0, text.len()), &mut toks);
        (text.to_ascii_lowercase(), toks)
    }

    #[test]
    fn figures_table() {
        use Qualifier::*;
        // (phrase, index of the number token, count, qualifier, low, high)
        let cases: &[(&str, usize, u32, Qualifier, Option<u32>, Option<u32>)] = &[
            ("1,200 people", 0, 1200, Exact, None, None),
            ("twelve people", 0, 12, Exact, None, None),
            ("twenty-three people", 0, 23, Exact, None, None),
            ("a dozen people", 0, 12, Exact, None, None),
            ("two dozen people", 0, 24, Exact, None, None),
            ("two hundred and fifty people", 0, 250, Exact, None, None),
            ("three thousand people", 0, 3000, Exact, None, None),
            ("dozens of people", 0, 12, AtLeast, None, None),
            ("scores of people", 0, 20, AtLeast, None, None),
            ("hundreds of people", 0, 100, AtLeast, None, None),
            ("a handful of people", 0, 3, AtLeast, None, None),
            ("at least nine people", 2, 9, AtLeast, None, None),
            ("more than 40 people", 2, 40, AtLeast, None, None),
            ("over 40 people", 1, 40, AtLeast, None, None),
            ("up to 15 people", 2, 15, AtMost, None, None),
            ("as many as 15 people", 3, 15, AtMost, None, None),
            ("about 20 people", 1, 20, About, None, None),
            ("nearly 20 people", 1, 20, About, None, None),
            ("some 20 people", 1, 20, About, None, None),
            ("10 to 15 people", 0, 10, AtLeast, Some(10), Some(15)),
            ("10-15 people", 0, 10, AtLeast, Some(10), Some(15)),
            ("between 10 and 15 people", 1, 10, AtLeast, Some(10), Some(15)),
            ("about 10 to 15 people", 1, 10, About, Some(10), Some(15)),
        ];
        for (text, at, count, q, low, high) in cases {
            let (lower, toks) = view_of(text);
            let v = View { lower: &lower, toks: &toks };
            let f = figure_at(&v, *at).unwrap_or_else(|| panic!("no figure in {text}"));
            assert_eq!((f.count, f.qualifier, f.low, f.high), (*count, *q, *low, *high), "{text}");
            assert_eq!(f.start, 0, "{text}: hedge not covered");
        }
    }

    #[test]
    fn not_head_counts() {
        for text in ["23-year-old man", "16th century", "1990s wars", "3.5 km"] {
            let (lower, toks) = view_of(text);
            let v = View { lower: &lower, toks: &toks };
            assert_eq!(quantity(&v, 0), None, "{text}");
        }
    }
}
