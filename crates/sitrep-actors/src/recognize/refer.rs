//! References that name no actor of their own but point back at ones named before:
//! "the two countries", "both sides", "the two leaders" stand for a pair named earlier;
//! a bare "Okafor" after "activist John Okafor" is that person again.

use super::{Cand, Parser};
use sitrep_core::{ActorKind, ActorMention};
use std::collections::{BTreeMap, HashMap};

/// What a pair phrase counts: states, leaders, or any two parties.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum PairKind {
    /// "the two countries", "both nations": two states; the code is the first state's.
    States,
    /// "the two governments", "both capitals": two states' governments.
    Governments,
    /// "the two leaders", "both presidents": two persons.
    Leaders,
    /// "the two sides", "both parties", "the two rivals": any two coded actors.
    Sides,
}

/// Adjectives that may stand between "the two" and the head: "the two warring sides".
const PAIR_ADJECTIVES: &[&str] = &["warring", "rival", "neighbouring", "neighboring", "feuding"];

fn pair_head(word: &str) -> Option<PairKind> {
    Some(match word {
        "countries" | "nations" | "states" | "neighbours" | "neighbors" => PairKind::States,
        "governments" | "capitals" => PairKind::Governments,
        "leaders" | "presidents" | "premiers" => PairKind::Leaders,
        "sides" | "parties" | "rivals" | "foes" | "adversaries" | "enemies" | "camps" => {
            PairKind::Sides
        }
        _ => return None,
    })
}

/// "the two countries", "both sides", "the two warring parties" starting at word `i`:
/// its end and what it counts. "both sides of the border" and "on both sides" name
/// places, not parties.
pub(super) fn pair_at(p: &Parser, i: usize) -> Option<(usize, PairKind)> {
    let mut k = match (p.lw(i), p.lw(i + 1)) {
        ("the", "two") => i + 2,
        ("both", _) => i + 1,
        _ => return None,
    };
    if PAIR_ADJECTIVES.contains(&p.lw(k)) {
        k += 1;
    }
    let kind = pair_head(p.lw(k))?;
    let end = k + 1;
    let prev = if i > 0 { p.lw(i - 1) } else { "" };
    if p.lw(end) == "of" || matches!(prev, "on" | "of" | "from") || p.is_poss(k) {
        return None;
    }
    Some((end, kind))
}

/// Where each pair key (see [`pair_key`]) first occurs among the mentions output so far, per
/// pair kind: the sort key that puts the one the article named first in front. Filled
/// lazily, only for kinds a pair phrase asks about, and only over mentions added since
/// the last ask, so a long document with many pair phrases stays linear.
#[derive(Default)]
pub(super) struct PairFirsts {
    /// Per kind (indexed by [`PairKind::slot`]): how many mentions of `out` are indexed
    /// and the first index of each key among them.
    kinds: [(usize, HashMap<String, usize>); 4],
}

impl PairKind {
    fn slot(self) -> usize {
        match self {
            PairKind::States => 0,
            PairKind::Governments => 1,
            PairKind::Leaders => 2,
            PairKind::Sides => 3,
        }
    }
}

impl PairFirsts {
    /// Index the mentions added to `out` since the last call for `kind`. Mentions are
    /// never changed once output, so their keys stay valid.
    fn catch_up(&mut self, out: &[ActorMention], kind: PairKind) -> &HashMap<String, usize> {
        let (done, firsts) = &mut self.kinds[kind.slot()];
        for (idx, m) in out.iter().enumerate().skip(*done) {
            if let Some(key) = pair_key(out, m, kind) {
                firsts.entry(key).or_insert(idx);
            }
        }
        *done = out.len();
        firsts
    }
}

/// The two actors a pair phrase in sentence `sent`, starting at byte `start`, stands for:
/// the first two distinct fitting mentions of the nearest sentence (this one before the
/// phrase, else up to three back) that has two. Returns their indices in `out` (resolved
/// through references) and the key that told them apart (ISO code, name or actor code).
pub(super) fn resolve_pair(
    out: &[ActorMention],
    firsts: &mut PairFirsts,
    kind: PairKind,
    sent: usize,
    start: usize,
) -> Option<[(usize, String); 2]> {
    let mut k = out.len();
    for s in (sent.saturating_sub(3)..=sent).rev() {
        let mut found: Vec<(usize, String)> = Vec::new();
        // mentions of sentence `s`, in text order, before the phrase
        while k > 0 && out[k - 1].sentence >= s {
            k -= 1;
        }
        for (idx, m) in out.iter().enumerate().skip(k) {
            if m.sentence != s || (s == sent && m.span.start >= start) {
                continue;
            }
            let t_idx = m.refers_to.unwrap_or(idx);
            let Some(key) = pair_key(out, m, kind) else { continue };
            if !found.iter().any(|(_, k2)| *k2 == key) {
                found.push((t_idx, key));
            }
        }
        if found.len() >= 2 {
            found.truncate(2);
            // the one the article named first leads: "Modi hosted Lula ... Lula praised
            // Modi ... the two leaders" is Modi and Lula (a key first seen after its own
            // mention sorts by that mention)
            let firsts = firsts.catch_up(out, kind);
            found.sort_by_key(|(idx, key)| firsts.get(key).map_or(*idx, |&first| first.min(*idx)));
            let b = found.swap_remove(1);
            let a = found.swap_remove(0);
            return Some([a, b]);
        }
    }
    None
}

/// What tells the members of a pair apart: the country a mention names (not one guessed
/// from the story's focus), a person's name, or any actor's code.
fn pair_key(out: &[ActorMention], m: &ActorMention, kind: PairKind) -> Option<String> {
    if m.rules.iter().any(|r| r == "rule:pair-antecedents") {
        return None;
    }
    let t = m.refers_to.and_then(|t| out.get(t)).unwrap_or(m);
    match kind {
        PairKind::States | PairKind::Governments => {
            let inferred = m.rules.iter().any(|r| r.starts_with("infer:"));
            t.country.clone().filter(|_| !inferred)
        }
        PairKind::Leaders => (t.kind == ActorKind::Person).then(|| t.name.clone()),
        PairKind::Sides => Some(t.code.clone()).filter(|c| !c.is_empty()),
    }
}

/// Give a pair phrase the first of its two actors' codes, naming both in its rules
/// (`coref:pair:ETH+ERI`). The phrase keeps its own words and kind: it stands for both,
/// which one mention cannot code, so the first named acts for the pair.
pub(super) fn apply_pair(
    c: &mut Cand,
    kind: PairKind,
    pair: &[(usize, String); 2],
    out: &[ActorMention],
    country_names: &BTreeMap<String, String>,
) {
    let first = &out[pair[0].0];
    let name_of = |(idx, key): &(usize, String)| match kind {
        PairKind::States | PairKind::Governments => {
            country_names.get(key).cloned().unwrap_or_else(|| key.clone())
        }
        _ => out[*idx].name.clone(),
    };
    c.m.name = format!("{} and {}", name_of(&pair[0]), name_of(&pair[1]));
    match kind {
        PairKind::States => {
            c.m.code = pair[0].1.clone();
            c.m.country = Some(pair[0].1.clone());
            c.m.sector = None;
            c.m.acled_inter = Some(1);
        }
        PairKind::Governments => {
            c.m.code = crate::sector::compose(&pair[0].1, "GOV");
            c.m.country = Some(pair[0].1.clone());
            c.m.sector = Some("GOV".into());
            c.m.acled_inter = Some(1);
        }
        PairKind::Leaders | PairKind::Sides => {
            c.m.code = first.code.clone();
            c.m.country = first.country.clone();
            c.m.sector = first.sector.clone();
            c.m.acled_inter = first.acled_inter;
        }
    }
    c.m.kind = ActorKind::Agent;
    c.explicit_country = false;
    // its code is complete: no focus country is added to it
    c.on_org = true;
    c.plural = true;
    c.person = false;
    c.anaphoric = false;
    c.m.rules.push("rule:pair-antecedents".into());
    let keys = match kind {
        PairKind::States | PairKind::Governments | PairKind::Sides => {
            format!("{}+{}", pair[0].1, pair[1].1)
        }
        PairKind::Leaders => format!("{}+{}", out[pair[0].0].name, out[pair[1].0].name),
    };
    c.m.rules.push(format!("coref:pair:{keys}"));
}

/// Name words of the persons named so far, for [`surname_antecedent`]: "Okafor" (and
/// "John", which only ever blocks) for "John Okafor", "Hakim" and "al-Hakim" for "Yusuf
/// al-Hakim". A word two different persons share, as surname or given name ("Ahmed Musa"
/// ... "Musa Ibrahim"), points at neither: a lone "Musa" could be either man.
#[derive(Default)]
pub(super) struct Surnames(HashMap<String, NameWord>);

/// Who a name word belongs to so far.
struct NameWord {
    /// The latest mention of the person who carries the word.
    person: usize,
    /// Whether that person carries it as surname (a lone given name is not resolved).
    surname: bool,
    /// Whether a second, different person carries it too.
    shared: bool,
}

/// Two person mentions name the same person: the same name, or the same first and last
/// word ("John Okafor", "John C. Okafor").
fn same_person(a: &ActorMention, b: &ActorMention) -> bool {
    fn ends(n: &str) -> (Option<&str>, Option<&str>) {
        (n.split(' ').next(), n.rsplit(' ').next())
    }
    a.name == b.name || ends(&a.name) == ends(&b.name)
}

impl Surnames {
    /// Register mention `idx` of `out` when it names a person with more than one word.
    pub(super) fn add(&mut self, out: &[ActorMention], idx: usize) {
        let m = &out[idx];
        if m.kind != ActorKind::Person || !m.name.contains(' ') {
            return;
        }
        let (Some(first), Some(last)) = (m.name.split(' ').next(), m.name.rsplit(' ').next()) else {
            return;
        };
        self.register(out, first, idx, false);
        self.register(out, last, idx, true);
        if let Some((_, bare)) = last.rsplit_once('-') {
            if !bare.is_empty() {
                self.register(out, bare, idx, true);
            }
        }
    }

    fn register(&mut self, out: &[ActorMention], word: &str, idx: usize, surname: bool) {
        match self.0.get_mut(word) {
            None => {
                self.0.insert(word.to_string(), NameWord { person: idx, surname, shared: false });
            }
            Some(w) if same_person(&out[w.person], &out[idx]) => {
                w.person = idx;
                w.surname |= surname;
            }
            Some(w) => w.shared = true,
        }
    }

    /// The person whose surname `word` is, unless another person also carries it.
    fn owner(&self, word: &str) -> Option<usize> {
        self.0.get(word).filter(|w| w.surname && !w.shared).map(|w| w.person)
    }
}

/// A lone capitalised word the parser could not place ("Okafor said ...") that is the
/// surname of a person named earlier ("activist John Okafor", "Col. Yusuf al-Hakim" for
/// "Hakim"): the index of that person's mention.
pub(super) fn surname_antecedent(surnames: &Surnames, c: &Cand) -> Option<usize> {
    let m = &c.m;
    let guessed = m.rules.len() == 1 && m.rules[0] == "rule:proper-name";
    if m.kind != ActorKind::Organization || !m.code.is_empty() || !guessed {
        return None;
    }
    if m.name.contains(' ') {
        return None;
    }
    surnames.owner(&m.name)
}
