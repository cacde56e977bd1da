//! Places as targets. Some acts are done to a territory rather than to a named party: a
//! curfew or state of emergency is imposed *in* a province, troops are deployed *to* a
//! country or put on alert *in* a city, a town is shelled or besieged, sanctions fall *on* a
//! country. When such an event has no actor target, the place in its object position (after
//! the trigger, introduced by a preposition the trigger family takes, or as the direct
//! object of a verb) stands in as the target, so the record says what was acted on.

use crate::analysis::{Boundary, Sent};
use crate::coder::Cand;
use crate::words;
use sitrep_core::{ActorKind, ActorMention, Doc};

/// The territory in the object position of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Territory {
    /// A country actor mention (index into `Sent::actors`) that roles passed over as the
    /// setting ("imposed martial law in Norland").
    Actor(usize),
    /// A place mention with no actor over it (index into `Doc::places`).
    Place(usize),
}

/// Codes whose territory is what they act on even when a person is named later in the
/// clause ("a curfew across the delta towns after three protesters were shot"): curfews,
/// states of emergency, blockades, occupations.
pub(crate) fn territorial(code: &str) -> bool {
    ["1723", "1724", "191", "192"].iter().any(|p| code.starts_with(p))
}

/// The prepositions that introduce the territory acted on, for codes whose target is
/// naturally a territory; `None` for every other code.
fn marks(code: &str) -> Option<&'static [&'static str]> {
    // curfew (1723), state of emergency or martial law (1724)
    if code.starts_with("1723") || code.starts_with("1724") {
        return Some(&["in", "on", "over", "across", "throughout", "of"]);
    }
    // a ceasefire or truce (087x), or an agreement to one (0356), holds in a territory
    if code.starts_with("087") || code.starts_with("0356") {
        return Some(&["in", "across", "throughout", "over", "for"]);
    }
    // blockade (191), occupation (192)
    if code.starts_with("191") || code.starts_with("192") {
        return Some(&["of", "on", "around", "in", "over", "against"]);
    }
    // mobilisation and shows of force (15x), peacekeepers (074): where the forces go or stand
    if code.starts_with("15") || code.starts_with("074") {
        return Some(&["to", "into", "in", "near", "on"]);
    }
    // aid goes to the country it is sent to or given in ("humanitarian assistance in Iraq")
    if code.starts_with("07") {
        return Some(&["to", "into", "in", "for"]);
    }
    // violence against a town: "shelled", "an attack on" — not "in", which names the setting
    // of an attack on people ("a bomb in Kabul killed…")
    if matches!(code.get(..2), Some("18" | "19" | "20")) {
        return Some(&["on", "against", "into", "at"]);
    }
    // a visit (042) reaches a place: "arrived in Amman", "visited Kabul", "a trip to Delhi"
    if code.starts_with("042") {
        return Some(&["to", "in", "at"]);
    }
    // reducing relations and sanctions (16x): "sanctions on", "cut aid to"
    if code.starts_with("16") {
        return Some(&["on", "against", "with", "to"]);
    }
    None
}

/// Nouns naming a part of a territory: "in *parts of* Norland", "on *the outskirts of*
/// Aleppo". The walk back from a place steps over them to find the preposition.
const PART_NOUNS: &[&str] = &[
    "part", "parts", "area", "areas", "city", "town", "village", "province", "region", "district", "outskirts", "capital",
    "streets", "state", "county", "much", "most", "all", "whole", "rest", "north", "south", "east", "west", "centre", "center",
];

/// The word that introduces the phrase ending in the place starting at token `p`, walking
/// back over determiners, modifiers ("rebel-held eastern"), numbers and "parts of" chains:
/// its index, or `None` when the walk meets something else (a verb, an actor, punctuation).
fn introducer(s: &Sent, p: usize, floor: usize) -> Option<usize> {
    let mut j = p;
    let mut free = 3;
    while j > floor {
        let k = j - 1;
        let w = s.words[k];
        if s.actor_at[k] >= 0 {
            return None;
        }
        if s.has(k, words::PREP) {
            // "parts of": keep walking over the part noun
            if w == "of" && k > floor && PART_NOUNS.contains(&s.words[k - 1]) {
                j = k - 1;
                continue;
            }
            return Some(k);
        }
        if !s.is_word(k) {
            return None;
        }
        let modifier = s.has(k, words::DET | words::ADJ) || s.kinds[k] == sitrep_core::TokenKind::Number;
        if !modifier {
            // a lowercase modifier such as "rebel-held" or "northern"; not verbs or clause words
            if free == 0 || s.has(k, words::VERB | words::BE | words::HAVE | words::COORD | words::REL | words::SUBORD | words::PRONOUN) || w.ends_with("ed") && !w.contains('-') {
                return None;
            }
            free -= 1;
        }
        j = k;
    }
    Some(usize::MAX)
}

/// The territory in the object position of candidate `c`, for the codes where one can be
/// the target, whether it is a destination ("to", "into"), and its first token.
pub(crate) fn object_territory(s: &Sent, c: &Cand) -> Option<(Territory, bool, usize)> {
    let marks = marks(&c.code)?;
    if c.passive {
        return None;
    }
    let clause_idx = s.clause[c.hit.start] as usize;
    let clause = s.clauses[clause_idx];
    // an aside set off by commas ("230 troops, including engineers, to Liberia") does not
    // end the phrase a destination belongs to
    let mut extended_end = clause.end;
    for next in s.clauses.iter().skip(clause_idx + 1).take(2) {
        if next.kind != Boundary::Comma {
            break;
        }
        extended_end = next.end;
    }
    let n = s.len();
    let mut p = c.hit.end;
    while p < extended_end.min(n) {
        let beyond = p >= clause.end;
        // a country actor over the place is the target itself; a place under another actor
        // mention belongs to that actor ("Kabul police")
        let found = if s.starts_actor_at(p) && s.actors[s.actor_at[p] as usize].country {
            Some(Territory::Actor(s.actor_at[p] as usize))
        } else if let Some(&(pi, _, pend)) = s.places.iter().find(|&&(_, st, _)| st == p) {
            let covered = (p..pend).any(|k| s.actor_at[k] >= 0);
            (!covered).then_some(Territory::Place(pi))
        } else {
            None
        };
        if let Some(t) = found {
            match introducer(s, p, c.hit.end) {
                // the direct object of a verb: "occupied Crimea", "shelled Aleppo"
                // …or of a noun trigger ending in its preposition: "invasion of Lebanon"
                Some(usize::MAX) if (!c.nominal || ends_in_preposition(s, c)) && !beyond => return Some((t, false, p)),
                Some(k) if k != usize::MAX && marks.contains(&s.words[k]) => {
                    // past a comma aside only a destination reaches back to the trigger
                    let destination = matches!(s.words[k], "to" | "into");
                    if !beyond || destination {
                        return Some((t, destination, p));
                    }
                }
                _ => {}
            }
        }
        p += 1;
    }
    None
}

/// Whether a multi-word trigger ends in a preposition ("invasion of", "trip to").
fn ends_in_preposition(s: &Sent, c: &Cand) -> bool {
    c.hit.end > c.hit.start + 1 && s.has(c.hit.end - 1, words::PREP)
}

/// Turn place mentions chosen as targets into actor mentions: `pending` holds `(event index,
/// place index)` pairs for `events`.
pub(crate) fn place_actors(doc: &mut Doc, events: &mut [sitrep_core::Event], pending: &[(usize, usize)]) {
    if pending.is_empty() {
        return;
    }
    let mut made: Vec<(ActorMention, Vec<usize>)> = Vec::new();
    let mut of_place: Vec<usize> = Vec::new(); // place index of each entry in `made`
    for &(ev, pi) in pending {
        let Some(place) = doc.places.get(pi) else { continue };
        let Some(country) = place.country.clone() else { continue };
        if events.get(ev).is_none_or(|e| e.target.is_some()) {
            continue;
        }
        let owners = with_statement(events, ev);
        if let Some(k) = of_place.iter().position(|&p| p == pi) {
            made[k].1.extend(owners);
            continue;
        }
        of_place.push(pi);
        made.push((
            ActorMention {
                span: place.span,
                head: place.span,
                sentence: place.sentence,
                kind: ActorKind::Country,
                name: place.name.clone(),
                code: country.clone(),
                country: Some(country),
                sector: None,
                acled_inter: None,
                refers_to: None,
                rules: vec!["role:place-as-target".to_string()],
            },
            owners,
        ));
    }
    insert_actors(doc, events, made);
}

/// Event `ev` and, when the coder synthesised a statement from the same trigger just before
/// it ("will extend" before "curfew"), that statement too if it has no target: both act on
/// the same object.
pub(crate) fn with_statement(events: &[sitrep_core::Event], ev: usize) -> Vec<usize> {
    let mut owners = vec![ev];
    if ev > 0 && ev < events.len() {
        let (prev, e) = (&events[ev - 1], &events[ev]);
        if prev.sentence == e.sentence && prev.target.is_none() && prev.trigger.end == e.trigger.end && prev.rules.iter().any(|r| r.starts_with("synth:")) {
            owners.push(ev - 1);
        }
    }
    owners
}

/// Add actor mentions made after the actors stage, each the target of the listed `events`
/// that have none yet. New actors are inserted in span order (stages after this one search
/// `Doc::actors` by position), and every actor index in `events`, in `doc.events` and in the
/// actors' `refers_to` is renumbered.
pub(crate) fn insert_actors(doc: &mut Doc, events: &mut [sitrep_core::Event], made: Vec<(ActorMention, Vec<usize>)>) {
    if made.is_empty() {
        return;
    }
    let old_len = doc.actors.len();
    for (actor, owners) in made {
        let a = doc.actors.len();
        doc.actors.push(actor);
        for ev in owners {
            if let Some(e) = events.get_mut(ev) {
                if e.target.is_none() {
                    e.target = Some(a);
                }
            }
        }
    }
    // stable sort by span start; the permutation renumbers every reference
    let mut order: Vec<usize> = (0..doc.actors.len()).collect();
    order.sort_by_key(|&i| (doc.actors[i].span.start, i >= old_len, i));
    let mut new_of = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_of[old] = new;
    }
    let mut slots: Vec<Option<ActorMention>> = std::mem::take(&mut doc.actors).into_iter().map(Some).collect();
    doc.actors = order.iter().map(|&i| slots[i].take().expect("each actor moved once")).collect();
    for a in &mut doc.actors {
        a.refers_to = a.refers_to.map(|r| new_of.get(r).copied().unwrap_or(r));
    }
    let remap = |x: &mut Option<usize>| *x = x.map(|i| new_of.get(i).copied().unwrap_or(i));
    for e in events.iter_mut().chain(doc.events.iter_mut()) {
        remap(&mut e.source);
        remap(&mut e.target);
    }
}

#[cfg(test)]
mod tests {
    use sitrep_core::{ActorKind, Doc, PlaceMention, PlacePrecision, Span, Stage};

    /// (sentence, subject, place as (name, country), code prefix, expected target name)
    type Case<'a> = (&'a str, &'a str, (&'a str, &'a str), &'a str, &'a str);

    /// Code `text` with one subject actor and one place mention (name, country).
    fn code(text: &str, subject: &str, place: (&str, &str)) -> Doc {
        let mut doc = sitrep_text::prepare(text);
        let at = text.find(subject).unwrap();
        let span = Span::new(at, at + subject.len());
        doc.actors.push(crate::testkit::mention(span, 0, ActorKind::Organization, subject, "REB", Some("REB".into())));
        let p = text.find(place.0).unwrap();
        doc.places.push(PlaceMention {
            span: Span::new(p, p + place.0.len()),
            sentence: 0,
            name: place.0.into(),
            country: Some(place.1.into()),
            admin1: None,
            lat: None,
            lon: None,
            precision: PlacePrecision::City,
            geonames_id: None,
            rules: vec![],
        });
        crate::testkit::coder().run(&mut doc);
        doc
    }

    #[test]
    fn a_ceasefire_holds_in_a_territory() {
        // (sentence, subject, place, code prefix, expected target name)
        let table: &[Case] = &[
            ("The rebels declared a unilateral ceasefire in Tarvos on Friday.", "The rebels", ("Tarvos", "SYR"), "087", "Tarvos"),
            ("The rebels agreed to a ceasefire in Tarvos.", "The rebels", ("Tarvos", "SYR"), "0356", "Tarvos"),
        ];
        for (text, subject, place, prefix, want) in table {
            let doc = code(text, subject, *place);
            let ev = doc.events.iter().find(|e| e.cameo.starts_with(prefix)).unwrap_or_else(|| panic!("{text}: {:?}", doc.events.iter().map(|e| e.cameo.clone()).collect::<Vec<_>>()));
            let target = ev.target.map(|t| doc.actors[t].name.as_str()).unwrap_or("-");
            assert_eq!(target, *want, "{text}");
        }
    }

    #[test]
    fn a_visit_or_an_invasion_reaches_a_place() {
        // (sentence, subject, place, code prefix, expected target name)
        let table: &[Case] = &[
            ("The rebel leader arrived in Tarvos on a surprise visit.", "The rebel leader", ("Tarvos", "SYR"), "042", "Tarvos"),
            ("The rebel leader visited Tarvos last week.", "The rebel leader", ("Tarvos", "SYR"), "042", "Tarvos"),
            ("The rebel leader began a trip to Tarvos.", "The rebel leader", ("Tarvos", "SYR"), "042", "Tarvos"),
            ("The rebels mounted an invasion of Tarvos.", "The rebels", ("Tarvos", "SYR"), "19", "Tarvos"),
        ];
        for (text, subject, place, prefix, want) in table {
            let doc = code(text, subject, *place);
            let ev = doc.events.iter().find(|e| e.cameo.starts_with(prefix)).unwrap_or_else(|| panic!("{text}: {:?}", doc.events.iter().map(|e| e.cameo.clone()).collect::<Vec<_>>()));
            let target = ev.target.map(|t| doc.actors[t].name.as_str()).unwrap_or("-");
            assert_eq!(target, *want, "{text}");
        }
    }

    #[test]
    fn a_statement_about_a_curfew_shares_its_territory() {
        let doc = code("The rebels will extend the curfew in Tarvos.", "The rebels", ("Tarvos", "SYR"));
        assert!(doc.events.len() >= 2, "{:?}", doc.events.iter().map(|e| e.cameo.clone()).collect::<Vec<_>>());
        for ev in &doc.events {
            assert_eq!(ev.target.map(|t| doc.actors[t].name.as_str()), Some("Tarvos"), "{} {:?}", ev.cameo, ev.rules);
        }
    }
}
