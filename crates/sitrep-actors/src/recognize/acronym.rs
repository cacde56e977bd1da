//! Organisations introduced with their acronym: "The UN Support Mission in Chad
//! (UNSMIC)", "the Department of Roads and Public Works (RPW)". The capitalised name
//! whose initials spell the acronym in parentheses is one organisation, whatever the
//! dictionary knows of its parts; the acronym is then registered so that a later bare
//! "UNSMIC" is the same actor.

use super::{Np, Parser, ORG_HEADS};
use crate::dict::EntryKind;
use crate::sector::{compose, default_inter, is_international};
use sitrep_core::ActorKind;

/// An acronym definition found in a sentence, in word indices.
#[derive(Debug, Clone)]
pub(super) struct AcronymDef {
    /// First word of the phrase (a leading "the" included).
    pub start: usize,
    /// First word of the name itself.
    pub name_start: usize,
    /// The "(" word.
    pub open: usize,
    /// The ")" word.
    pub close: usize,
    /// The acronym's letters ("UNDA-IE" → "UNDAIE").
    pub letters: String,
    /// The acronym as written.
    pub text: String,
}

/// What a registered acronym stands for.
#[derive(Debug, Clone)]
pub(super) struct AcronymActor {
    pub text: String,
    pub kind: ActorKind,
    pub name: String,
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub inter: Option<u8>,
}

/// Lowercase words that may stand inside an organisation's name; they may or may not give
/// a letter to its acronym ("Upper Nile Defence Army in Exile", "UNDA-IE").
const INNER: &[&str] = &[
    "of", "for", "and", "in", "on", "de", "la", "du", "des", "al", "el", "&",
];

/// Name heads that the generic table lacks and that say what an acronym-named body is.
const EXTRA_HEADS: &[(&str, Option<&str>)] = &[
    ("mission", None),
    ("center", None),
    ("centre", None),
    ("board", Some("GOV")),
    ("directorate", Some("GOV")),
    ("secretariat", Some("GOV")),
    ("unit", None),
    ("division", Some("MIL")),
    ("battalion", Some("MIL")),
    ("regiment", Some("MIL")),
    ("militia", Some("UAF")),
];

/// The sector a "Liberation" name gets from its head word, when the dictionary does not
/// know the body (a known acronym or name returns before this is asked). A liberation army,
/// front or force names itself as fighting a state: a rebel group ("Ogaden National
/// Liberation Front"), even where the bare head would say a state's army. A liberation
/// movement or party is a political party: many such movements became governing or
/// opposition parties ("Sudan People's Liberation Movement"), and a party that also fields
/// an army names the army separately. Other heads ("Organisation", "Council") say nothing
/// beyond what the head itself gives.
pub(super) fn liberation_sector(head: &str) -> Option<&'static str> {
    match head {
        "army" | "front" | "forces" | "force" | "brigade" | "brigades" | "militia" => Some("REB"),
        "movement" | "party" => Some("PTY"),
        _ => None,
    }
}

/// Whether `words` (each a name word, `None` for a lowercase inner word that may give its
/// first letter) can spell `letters` exactly: every capitalised word gives its initial, or
/// all its letters if it is itself an acronym ("UN Support Mission" → "UNSM").
fn spells(words: &[(&str, bool)], letters: &[u8]) -> bool {
    let Some(((w, inner), rest)) = words.split_first() else {
        return letters.is_empty();
    };
    let first = w.bytes().next().map(|b| b.to_ascii_uppercase());
    if *inner {
        return spells(rest, letters)
            || (first.is_some()
                && letters.first().copied() == first
                && spells(rest, &letters[1..]));
    }
    if letters.is_empty() {
        return false;
    }
    let all_caps = w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase());
    if all_caps && letters.starts_with(w.as_bytes()) && spells(rest, &letters[w.len()..]) {
        return true;
    }
    first == Some(letters[0]) && spells(rest, &letters[1..])
}

fn state_sector(s: Option<&str>) -> bool {
    matches!(s, Some("GOV" | "MIL" | "COP" | "JUD" | "LEG"))
}

impl<'a> Parser<'a> {
    /// Every "Name Of Body (NOB)" in the sentence. Cheap when there is no parenthesis.
    pub(super) fn acronym_defs(&self) -> Vec<AcronymDef> {
        let mut out = Vec::new();
        for k in 1..self.w.len() {
            if self.lw(k) != "(" {
                continue;
            }
            // the acronym: all-caps parts joined by "-" or "/", then ")"
            let mut c = k + 1;
            let mut letters = String::new();
            while c < self.w.len() && c <= k + 5 {
                let t = self.w[c].span.of(&self.doc.article.text);
                if t == ")" {
                    break;
                }
                if matches!(t, "-" | "/") {
                    c += 1;
                    continue;
                }
                if !t
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                {
                    letters.clear();
                    break;
                }
                letters.extend(t.chars().filter(|ch| ch.is_ascii_uppercase()));
                c += 1;
            }
            if letters.len() < 2 || self.lw(c) != ")" {
                continue;
            }
            if let Some((name_start, start)) = self.acronym_name(k, letters.as_bytes()) {
                out.push(AcronymDef {
                    start,
                    name_start,
                    open: k,
                    close: c,
                    text: self.text(k + 1, c).to_string(),
                    letters,
                });
            }
        }
        out
    }

    /// The name before the "(" at `open` that the acronym spells: (first name word, first
    /// phrase word with a leading "the").
    fn acronym_name(&self, open: usize, letters: &[u8]) -> Option<(usize, usize)> {
        // the capitalised run before the parenthesis
        let mut run_start = open;
        let mut k = open;
        while k > 0 && open - k < 14 {
            let j = k - 1;
            let w = self.w[j];
            let lw = self.lw(j);
            let cap_word = w.alpha && w.cap;
            let joined = (INNER.contains(&lw)
                || lw == "-"
                || lw == "the"
                || self.is_poss(j)
                || (w.alpha && !w.cap && self.lw(j.saturating_sub(1)) == "-"))
                && run_start < open;
            if cap_word {
                run_start = j;
            } else if !joined {
                break;
            }
            k = j;
        }
        if run_start >= open {
            return None;
        }
        let words: Vec<(usize, &str, bool)> = (run_start..open)
            .filter(|&j| !self.is_poss(j) && self.lw(j) != "-")
            .map(|j| {
                let t = self.w[j].span.of(&self.doc.article.text);
                (j, t, !(self.w[j].alpha && self.w[j].cap))
            })
            .collect();
        // the longest name ending at the parenthesis that spells the acronym
        let at = (0..words.len()).find(|&s| {
            !words[s].2 && {
                let ws: Vec<(&str, bool)> = words[s..].iter().map(|x| (x.1, x.2)).collect();
                spells(&ws, letters)
            }
        })?;
        let mut name_start = words[at].0;
        // "the Department of [Roads and Public Works] (RPW)": the body's full name
        if at > 0 && matches!(self.lw(name_start - 1), "of" | "for") && !words[0].2 {
            name_start = words[0].0;
        }
        let mut start = if name_start > 0 && self.lw(name_start - 1) == "the" {
            name_start - 1
        } else {
            name_start
        };
        // "Chad's Council of National Recovery (CNR)": the owning country is part of it
        if start == name_start && name_start >= 2 && self.is_poss(name_start - 1) {
            if let Some(k) = (name_start.saturating_sub(5)..name_start - 1).find(|&k| {
                self.hit(k).is_some_and(|(end, e, _)| {
                    end == name_start - 1 && matches!(e.kind, EntryKind::Country | EntryKind::City)
                })
            }) {
                start = if k > 0 && self.lw(k - 1) == "the" {
                    k - 1
                } else {
                    k
                };
            }
        }
        Some((name_start, start))
    }

    /// The organisation an acronym definition names.
    pub(super) fn acronym_np(&self, d: &AcronymDef) -> Np {
        let mut rules = vec!["rule:acronym-org".to_string()];
        // the acronym itself is a dictionary organisation ("(WHO)")
        if let Some((end, e, _)) = self.hit(d.open + 1) {
            if end == d.close && matches!(e.kind, EntryKind::Organization) {
                if let Some(b) = self.base_of(e, d.open + 1, end) {
                    rules.push(e.id.clone());
                    return self.acronym_finish(
                        d,
                        ActorKind::Organization,
                        b.name,
                        b.code,
                        b.country,
                        b.sector,
                        b.inter,
                        rules,
                    );
                }
            }
        }
        // "Liberation" overrides the head word's sector: compose below instead
        let liberation = (d.name_start..d.open).any(|x| self.lw(x) == "liberation");
        let liberation_head = liberation
            .then(|| liberation_sector(self.lw(d.open.saturating_sub(1))))
            .flatten();
        // the name parses as a whole: "The Libyan National Army"
        if let Some(np) = self.np_inner(d.start, 0) {
            let overridden = liberation_head.is_some_and(|s| np.sector.as_deref() != Some(s));
            if np.end == d.open && np.start == d.start && np.head.1 == d.open && !overridden {
                let mut np = np;
                np.rules.push("rule:acronym-org".into());
                np.end = d.close + 1;
                return np;
            }
        }
        // compose: an organisation named inside ("UN"), a country adjective, a head word
        let mut org: Option<super::Base> = None;
        let mut country: Option<(String, String)> = None;
        let mut j = d.start;
        while j < d.open {
            match self.hit(j) {
                Some((end, e, _)) if end <= d.open => {
                    // an organisation opening the name modifies it ("UN Support Mission");
                    // one further in, or spelled with "of", is only part of its wording
                    // ("National Security Council", "Department of State Services")
                    let modifier =
                        j == d.name_start && !(j..end).any(|x| INNER.contains(&self.lw(x)));
                    match e.kind {
                        EntryKind::Organization if org.is_none() && modifier => {
                            org = self.base_of(e, j, end);
                            rules.push(e.id.clone());
                        }
                        EntryKind::Country | EntryKind::Adjective
                            if country.is_none() && org.is_none() =>
                        {
                            if let Some(iso) = e.country.clone() {
                                country = Some((iso, e.id.clone()));
                            }
                        }
                        _ => {}
                    }
                    j = end;
                }
                _ => j += 1,
            }
        }
        let head = (d.name_start..d.open)
            .rev()
            .filter(|&x| self.w[x].cap)
            .find_map(|x| {
                let lw = self.lw(x);
                ORG_HEADS
                    .iter()
                    .chain(EXTRA_HEADS)
                    .find(|(h, _)| *h == lw)
                    .map(|&(h, s)| (h, s))
            });
        let head_sector = match head {
            Some((h, _)) if liberation && liberation_sector(h).is_some() => liberation_sector(h),
            Some((_, s)) => s,
            None => None,
        }
        .map(str::to_string);
        let name = self.text(d.name_start, d.open).to_string();
        let (kind, code, country_iso, sector, inter) = match (org, country) {
            (Some(b), _) => {
                let code = match &head_sector {
                    Some(s) if !is_international(s) && !b.code.ends_with(s.as_str()) => {
                        compose(&b.code, s)
                    }
                    _ => b.code.clone(),
                };
                (
                    ActorKind::Organization,
                    code,
                    b.country,
                    b.sector.or(head_sector),
                    b.inter,
                )
            }
            (None, Some((iso, rule))) => {
                rules.push(rule);
                let code = match &head_sector {
                    Some(s) => compose(&iso, s),
                    None => iso.clone(),
                };
                let inter = head_sector.as_deref().and_then(default_inter);
                (ActorKind::Organization, code, Some(iso), head_sector, inter)
            }
            (None, None) => {
                let inter = head_sector.as_deref().and_then(default_inter);
                // "The National Security Council (NSC)": a state body of the story's country;
                // "The International Labour Office (ILO)" is no state's
                let worldwide = (d.name_start..d.open)
                    .any(|x| matches!(self.lw(x), "international" | "world" | "global" | "united"));
                let state = !worldwide
                    && head_sector
                        .as_deref()
                        .is_some_and(|s| matches!(s, "GOV" | "MIL" | "COP" | "JUD" | "LEG"));
                let head_sector = if worldwide && state_sector(head_sector.as_deref()) {
                    None
                } else {
                    head_sector
                };
                let kind = if state {
                    ActorKind::Agent
                } else {
                    ActorKind::Organization
                };
                (
                    kind,
                    head_sector.clone().unwrap_or_default(),
                    None,
                    head_sector,
                    inter,
                )
            }
        };
        self.acronym_finish(d, kind, name, code, country_iso, sector, inter, rules)
    }

    #[allow(clippy::too_many_arguments)]
    fn acronym_finish(
        &self,
        d: &AcronymDef,
        kind: ActorKind,
        name: String,
        code: String,
        country: Option<String>,
        sector: Option<String>,
        inter: Option<u8>,
        rules: Vec<String>,
    ) -> Np {
        Np {
            start: d.start,
            end: d.close + 1,
            head: (d.name_start, d.open),
            kind,
            name,
            code,
            country,
            inter: inter.or_else(|| sector.as_deref().and_then(default_inter)),
            sector,
            rules,
            plural: false,
            person: false,
            anaphoric: false,
            bare: false,
            split: Vec::new(),
            poss: None,
            host: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::spells;

    #[test]
    fn initials_spell_acronyms() {
        let w = |s: &'static str| -> Vec<(&'static str, bool)> {
            s.split(' ')
                .map(|x| (x, x.chars().next().is_some_and(|c| c.is_lowercase())))
                .collect()
        };
        let cases: &[(&str, &str, bool)] = &[
            ("UN Support Mission in Chad", "UNSMIC", true),
            ("World Health Organization", "WHO", true),
            ("Roads and Public Works", "RPW", true),
            ("Sudan People Liberation Army in Opposition", "SPLAIO", true),
            ("Government of National Accord", "GNA", true),
            ("Ogaden National Liberation Front", "ONLF", true),
            ("Amnesty International", "AI", true),
            ("National Security Council", "NSC", true),
            ("National Security Council", "NSA", false),
            ("Security Council", "NSC", false),
            ("Libyan National Army", "LNAX", false),
        ];
        for (name, acr, want) in cases {
            assert_eq!(spells(&w(name), acr.as_bytes()), *want, "{name} ({acr})");
        }
    }
}
