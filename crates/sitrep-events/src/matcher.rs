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

    /// [`Matcher::each_longest_at`] among surfaces of at most `max_len` words: when every
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
            }
        }
    }
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
}
