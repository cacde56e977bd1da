//! The compiled trigger matcher: a hash from a surface's first word to its surfaces, longest
//! first. Matching a sentence is one hash probe per word token plus a few comparisons, with
//! no allocation.

use crate::inflect::Form;
use crate::lexicon::Lexicon;
use rustc_hash::FxHashMap;

/// A trigger found in a sentence: token range (indices into the sentence's tokens) and entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: u32,
    pub form: Form,
}

#[derive(Debug, Default)]
pub struct Matcher {
    by_first: FxHashMap<Box<str>, Vec<u32>>,
}

impl Matcher {
    pub fn new(lex: &Lexicon) -> Matcher {
        let mut by_first: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
        for (i, s) in lex.surfaces.iter().enumerate() {
            by_first.entry(s.words[0].clone()).or_default().push(i as u32);
        }
        for list in by_first.values_mut() {
            // longest first; for equal length the earlier entry wins (file order)
            list.sort_by(|&a, &b| {
                let (sa, sb) = (&lex.surfaces[a as usize], &lex.surfaces[b as usize]);
                sb.words.len().cmp(&sa.words.len()).then(a.cmp(&b))
            });
        }
        Matcher { by_first }
    }

    /// The longest surface starting at word `i` of `words`, if any.
    #[cfg(test)]
    pub fn longest_at(&self, lex: &Lexicon, words: &[&str], i: usize) -> Option<Hit> {
        let mut first = None;
        self.each_longest_at(lex, words, i, |h| {
            first.get_or_insert(h);
        });
        first
    }

    /// Every surface of the longest length matching at word `i`, in lexicon order: the same
    /// words may be a verb in one entry and a noun in another; the caller picks by context.
    #[cfg(test)]
    pub fn each_longest_at(&self, lex: &Lexicon, words: &[&str], i: usize, f: impl FnMut(Hit)) {
        self.each_at_most(lex, words, i, usize::MAX, f)
    }

    /// [`Matcher::each_longest_at`] among hits of at most `max_len` tokens: when every
    /// longest reading is rejected in context ("withdrew from the town" is no reduction of
    /// relations), a shorter one may still hold ("withdrew").
    pub fn each_at_most(&self, lex: &Lexicon, words: &[&str], i: usize, max_len: usize, mut f: impl FnMut(Hit)) {
        let Some(list) = self.by_first.get(words[i]) else { return };
        let mut best_len = 0;
        for &si in list {
            let s = &lex.surfaces[si as usize];
            let n = s.words.len();
            if n > max_len {
                continue;
            }
            if n < best_len {
                break;
            }
            if i + n <= words.len() && s.words[1..].iter().zip(&words[i + 1..i + n]).all(|(a, b)| **a == **b) {
                best_len = n;
                f(Hit { start: i, end: i + n, entry: s.entry, form: s.form });
            } else if n >= 2
                && n < max_len
                && i + n < words.len()
                && is_possessive(words[i + 1])
                && !is_possessive(&s.words[1])
                && s.words[1..].iter().zip(&words[i + 2..i + n + 1]).all(|(a, b)| **a == **b)
            {
                // "upgraded *their* diplomatic ties", "met *its* demands": a possessive after
                // the verb of a phrase names whose object it is, not a different act
                best_len = n;
                f(Hit { start: i, end: i + n + 1, entry: s.entry, form: s.form });
            }
        }
    }
}

/// Possessive determiners that may sit between a phrase's verb and its object.
fn is_possessive(w: &str) -> bool {
    matches!(w, "its" | "their" | "his" | "her" | "our")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins() {
        let lex = Lexicon::from_toml(
            "[[verb]]\nid = \"fire\"\nphrases = [\"opened fire on\"]\ncode = \"190\"\n[[verb]]\nid = \"open\"\nlemmas = [\"open\"]\ncode = \"043\"\n",
            "t",
        )
        .unwrap();
        let m = Matcher::new(&lex);
        let words = ["troops", "opened", "fire", "on", "protesters"];
        let hit = m.longest_at(&lex, &words, 1).unwrap();
        assert_eq!((hit.start, hit.end), (1, 4));
        assert_eq!(lex.entries[hit.entry as usize].id, "lex:fire");
        let words = ["they", "opened", "talks"];
        let hit = m.longest_at(&lex, &words, 1).unwrap();
        assert_eq!(lex.entries[hit.entry as usize].id, "lex:open");
        assert!(m.longest_at(&lex, &words, 0).is_none());
    }

    #[test]
    fn possessive_inside_a_phrase() {
        let lex = Lexicon::from_toml(
            "[[verb]]\nid = \"ties\"\nphrases = [\"upgraded diplomatic ties\", \"sever its ties\"]\ncode = \"054\"\n",
            "t",
        )
        .unwrap();
        let m = Matcher::new(&lex);
        for (words, expect) in [
            (&["they", "upgraded", "their", "diplomatic", "ties"][..], Some((1, 5))),
            (&["they", "upgraded", "diplomatic", "ties"][..], Some((1, 4))),
            (&["they", "upgraded", "their", "trade", "ties"][..], None),
            (&["they", "upgraded", "their"][..], None),
            // a phrase that already names the possessive does not take a second one
            (&["sever", "their", "its", "ties"][..], None),
        ] {
            let start = if words[0] == "sever" { 0 } else { 1 };
            assert_eq!(m.longest_at(&lex, words, start).map(|h| (h.start, h.end)), expect, "{words:?}");
        }
        // a caller retrying shorter readings (max_len = tokens of the rejected hit - 1) must
        // not get the same possessive reading back
        let words = ["they", "upgraded", "their", "diplomatic", "ties"];
        let mut again = Vec::new();
        m.each_at_most(&lex, &words, 1, 3, |h| again.push(h));
        assert!(again.is_empty(), "{again:?}");
    }
}
