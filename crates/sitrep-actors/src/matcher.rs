//! Compiled dictionary: one Aho-Corasick automaton over every surface form, run on
//! `doc.lower`, with word-boundary and capitalisation checks on the original text.

use crate::dict::{ActorDictionary, CaseRule, Entry, Pattern};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{BTreeMap, HashMap, HashSet};

pub(crate) struct Compiled {
    ac: Option<AhoCorasick>,
    /// Every distinct surface form.
    pub pats: Vec<Pattern>,
    /// For each automaton pattern (a lowercased form): the forms that share it, latest
    /// first ("al-Shabaab" and "Al-Shabaab" differ only in case).
    groups: Vec<Vec<usize>>,
    pub entries: Vec<Entry>,
    pub country_names: BTreeMap<String, String>,
    /// Ordinary words that a capital at a sentence start or before a hyphen does not make
    /// a name (`data/common_words.txt`).
    pub common_words: HashSet<&'static str>,
    /// Rule ids of entries that name a post abroad ("ambassador", "embassy").
    pub abroad_ids: HashSet<String>,
}

/// The common-word list, one or more lowercase words a line, `#` comments.
const COMMON_WORDS: &str = include_str!("../data/common_words.txt");

fn common_words() -> HashSet<&'static str> {
    COMMON_WORDS
        .lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
        .collect()
}

/// A dictionary match: byte range and the pattern it matched.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub pat: usize,
}

fn is_word_char_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric())
}

fn is_word_char_after(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
}

impl Compiled {
    pub fn new(dict: ActorDictionary) -> Compiled {
        // A later entry for the same lowercased form replaces the earlier one: that is how
        // user and imported dictionaries override the defaults.
        let mut by_text: HashMap<String, usize> = HashMap::new();
        let mut by_lower: HashMap<String, usize> = HashMap::new();
        let mut pats: Vec<Pattern> = Vec::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut lowered: Vec<String> = Vec::new();
        for p in dict.patterns {
            if let Some(&i) = by_text.get(&p.text) {
                pats[i] = p;
                continue;
            }
            let key = p.text.to_ascii_lowercase();
            let idx = pats.len();
            by_text.insert(p.text.clone(), idx);
            pats.push(p);
            match by_lower.get(&key) {
                Some(&g) => groups[g].insert(0, idx),
                None => {
                    by_lower.insert(key.clone(), groups.len());
                    groups.push(vec![idx]);
                    lowered.push(key);
                }
            }
        }
        let ac = (!lowered.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&lowered)
                .expect("actor patterns compile")
        });
        let abroad_ids = dict.entries.iter().filter(|e| e.abroad).map(|e| e.id.clone()).collect();
        Compiled {
            ac,
            pats,
            groups,
            abroad_ids,
            entries: dict.entries,
            country_names: dict.country_names,
            common_words: common_words(),
        }
    }

    fn case_ok(&self, p: &Pattern, text: &str, start: usize) -> bool {
        let got = &text.as_bytes()[start..start + p.text.len()];
        match p.case {
            CaseRule::Exact => p
                .text
                .bytes()
                .zip(got)
                .all(|(want, have)| !want.is_ascii_uppercase() || have.is_ascii_uppercase()),
            CaseRule::AnyUpper => {
                got.iter().any(|b| b.is_ascii_uppercase())
                    && p.text
                        .bytes()
                        .zip(got)
                        .all(|(want, have)| !want.is_ascii_uppercase() || have.is_ascii_uppercase())
            }
        }
    }

    /// Non-overlapping matches in `lower[from..to]`, leftmost first and longest at each
    /// start, each checked for word boundaries and case against `text`.
    pub fn find(&self, text: &str, lower: &str, from: usize, to: usize) -> Vec<Hit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut cands: Vec<Hit> = Vec::new();
        for m in ac.find_overlapping_iter(&lower[from..to]) {
            let (s, e) = (from + m.start(), from + m.end());
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            if is_word_char_before(text, s) || is_word_char_after(text, e) {
                continue;
            }
            let group = &self.groups[m.pattern().as_usize()];
            if let Some(&pat) = group
                .iter()
                .find(|&&p| self.case_ok(&self.pats[p], text, s))
            {
                cands.push(Hit {
                    start: s,
                    end: e,
                    pat,
                });
            }
        }
        cands.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out: Vec<Hit> = Vec::new();
        let mut last_end = 0;
        for h in cands {
            if h.start >= last_end {
                last_end = h.end;
                out.push(h);
            }
        }
        out
    }

    pub fn entry(&self, pat: usize) -> &Entry {
        &self.entries[self.pats[pat].entry]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(c: &Compiled, s: &str) -> Vec<String> {
        let lower = s.to_ascii_lowercase();
        c.find(s, &lower, 0, s.len())
            .iter()
            .map(|h| s[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn common_words_load_lowercase_without_comments() {
        let words = common_words();
        assert!(words.contains("ahead") && words.contains("anti") && words.contains("former"));
        assert!(words.len() > 300);
        assert!(words.iter().all(|w| !w.starts_with('#') && *w == w.to_ascii_lowercase()));
        // surnames stay out: a sentence may open with one
        for surname in ["young", "brown", "key", "major", "power", "rice", "price", "hope", "will"] {
            assert!(!words.contains(surname), "{surname} is a surname too");
        }
    }

    #[test]
    fn boundaries_case_and_longest() {
        let c = Compiled::new(ActorDictionary::embedded());
        let cases: &[(&str, &[&str])] = &[
            ("Chad and Niger sent troops.", &["Chad", "Niger", "troops"]),
            ("He used a chad to niger the us.", &[]),
            (
                "US troops left South Sudan.",
                &["US", "troops", "South Sudan"],
            ),
            ("Oil flows from the Niger Delta.", &["Niger Delta"]),
            ("Soldiersmen are not soldiers", &["soldiers"]),
            ("al-Shabaab fighters", &["al-Shabaab", "fighters"]),
            ("Sudan’s army chief", &["Sudan", "army chief"]),
        ];
        for (s, want) in cases {
            let got: Vec<String> = texts(&c, s)
                .into_iter()
                .filter(|t| t != "Niger Delta" || want.contains(&"Niger Delta"))
                .collect();
            assert_eq!(got, *want, "{s}");
        }
    }
}
