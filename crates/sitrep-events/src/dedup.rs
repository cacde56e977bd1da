//! The `merge` stage: one occurrence, one event. A report names its main event in the lead
//! and again further down ("The attack on the market…"); those mentions become one record
//! with every evidence sentence in `also_in`.
//!
//! Two events merge when they have the same CAMEO root and modality, sit in different
//! sentences, nothing about them conflicts (actor codes, place, date, killed count: equal or
//! missing on one side), and at least one of those facts, or the trigger word, agrees
//! positively. Different roots never merge, nor do different codes of one root unless one
//! refines the other ("183" and "1833") or one mention refers back to the other ("the
//! fighting"): "rebels attacked the town" and "rebels took the airport" are two acts. The
//! earlier event is kept, with its own date and evidence (and the finer of two nested codes):
//! a merged mention only adds what the kept one lacks.

use sitrep_core::event::EventDate;
use sitrep_core::{Doc, Event, Layer, Stage};

/// Pipeline stage `merge`.
#[derive(Debug, Default)]
pub struct Deduplicator {}

impl Deduplicator {
    pub fn new() -> Self {
        Deduplicator {}
    }
}

/// Equal, one side missing, or in conflict.
#[derive(PartialEq)]
enum Agree {
    Same,
    Unknown,
    Conflict,
}

fn cmp<T: PartialEq>(a: Option<T>, b: Option<T>) -> Agree {
    match (a, b) {
        (Some(x), Some(y)) if x == y => Agree::Same,
        (Some(_), Some(_)) => Agree::Conflict,
        _ => Agree::Unknown,
    }
}

fn actor_code(doc: &Doc, i: Option<usize>) -> Option<&str> {
    i.and_then(|i| doc.actors.get(i)).map(|a| a.code.as_str()).filter(|c| !c.is_empty())
}

/// Whether two event places can be the same occurrence's. Places conflict only when they
/// name different countries, or are both towns or points (or both regions) with different
/// names; a region and a town, a country and anything inside it, or a missing place agree
/// ("southern Lebanon" and "Aitaroun"). Equal names agree positively.
fn place_agree(doc: &Doc, first: &Event, later: &Event) -> Agree {
    use sitrep_core::PlacePrecision as P;
    // a place borrowed from the article's main place is no evidence about this event
    let own = |e: &Event| e.location.filter(|_| !e.rules.iter().any(|r| r == "locate.article_main"));
    let (Some(a), Some(b)) = (own(first).and_then(|i| doc.places.get(i)), own(later).and_then(|i| doc.places.get(i))) else {
        return Agree::Unknown;
    };
    if a.name == b.name {
        return Agree::Same;
    }
    if let (Some(x), Some(y)) = (&a.country, &b.country) {
        if x != y {
            return Agree::Conflict;
        }
    }
    // a place without a province is a whole country (or an unplaced region): it contains
    // the other
    if a.admin1.is_none() || b.admin1.is_none() {
        return Agree::Unknown;
    }
    let local = |p: P| matches!(p, P::Point | P::City);
    let same_level = local(a.precision) && local(b.precision) || a.precision == P::Region && b.precision == P::Region;
    if same_level && !(a.admin1.is_some() && a.admin1 == b.admin1 && a.precision != b.precision) {
        return Agree::Conflict;
    }
    Agree::Unknown
}

/// The resolved date of an event, when it has one from the text.
fn date_of(doc: &Doc, d: EventDate) -> Option<String> {
    match d {
        EventDate::Mention(i) => doc.dates.get(i).and_then(|m| m.date).map(|d| d.to_string()),
        _ => None,
    }
}

fn trigger_word(doc: &Doc, e: &Event) -> String {
    let t = &doc.lower[e.trigger.start..e.trigger.end];
    // compare stems so "attack" and "attacks" agree
    t.trim_end_matches('s').trim_end_matches("ing").trim_end_matches("ed").to_string()
}

/// The target's code, unless the target is only the country where it happened: "in Mali"
/// and "five civilians" can be the same attack's.
fn weak_target<'d>(doc: &'d Doc, e: &Event) -> Option<&'d str> {
    if e.rules.iter().any(|r| r == "role:setting-target") {
        return None;
    }
    actor_code(doc, e.target)
}

/// Whether `later` reports the same occurrence as `first`.
pub fn same_occurrence(doc: &Doc, first: &Event, later: &Event) -> bool {
    if first.cameo_root() != later.cameo_root() || first.modality != later.modality || first.sentence == later.sentence {
        return false;
    }
    // a mention framed as history ("attacks … since 2015") is not today's occurrence
    let history = |e: &Event| e.rules.iter().any(|r| r.starts_with("frame:background"));
    if history(first) != history(later) {
        return false;
    }
    let refers_back = |e: &Event| e.rules.iter().any(|r| r == "role:anaphora");
    let anaphoric = refers_back(later);
    // two different acts of one kind, each reported on its own ("killed when fighters
    // attacked the town" and "said it had taken the airport"), stay two records
    if !codes_nest(&first.cameo, &later.cameo) && !anaphoric && !refers_back(first) {
        return false;
    }
    // A definite reference back ("The fighting forced residents to flee toward Goma") names
    // the earlier occurrence; a place in its clause tells where its consequences played out,
    // so it does not count against the merge.
    let place = if anaphoric { Agree::Unknown } else { place_agree(doc, first, later) };
    let facts = [
        cmp(actor_code(doc, first.source), actor_code(doc, later.source)),
        cmp(weak_target(doc, first), weak_target(doc, later)),
        place,
        cmp(date_of(doc, first.date), date_of(doc, later.date)),
        cmp(first.fatalities.as_ref().and_then(|f| f.killed), later.fatalities.as_ref().and_then(|f| f.killed)),
    ];
    if facts.contains(&Agree::Conflict) {
        return false;
    }
    // cross-assigned roles mean a different direction of the same kind of act
    if let (Some(a), Some(b)) = (actor_code(doc, first.source), actor_code(doc, later.target)) {
        if a == b && actor_code(doc, first.target) != actor_code(doc, later.target) {
            return false;
        }
    }
    facts.contains(&Agree::Same) || anaphoric || trigger_word(doc, first) == trigger_word(doc, later)
}

/// Whether two CAMEO codes can name one act: equal, or one refines the other in the code
/// tree ("183" bombing and "1833" roadside bomb). Siblings ("190" fighting and "192"
/// occupying) are different acts.
fn codes_nest(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Fill in what the kept event lacks from the merged one.
fn absorb(doc: &Doc, keep: &mut Event, other: &Event) {
    keep.also_in.push(other.sentence);
    keep.also_in.extend(other.also_in.iter().copied());
    for r in &other.rules {
        // how the other mention was placed, dated or typed is about that mention
        let about_mention = ["locate.", "date.", "cas.", "acled:", "role:setting-target"].iter().any(|p| r.starts_with(p));
        if !about_mention && !keep.rules.contains(r) {
            keep.rules.push(r.clone());
        }
    }
    keep.source = keep.source.or(other.source);
    // a real target beats the country where it happened
    let setting = |e: &Event| e.rules.iter().any(|r| r == "role:setting-target");
    if other.target.is_some() && setting(keep) && !setting(other) {
        keep.target = other.target;
        keep.rules.retain(|r| r != "role:setting-target");
    }
    // a coded actor beats a phrase no dictionary names ("the convoy" vs "the UN convoy")
    if actor_code(doc, keep.target).is_none() && actor_code(doc, other.target).is_some() {
        keep.target = other.target;
    }
    keep.target = keep.target.or(other.target);
    keep.location = keep.location.or(other.location);
    // a date is borrowed only from a mention of the same code: a back-reference coded
    // differently may carry another act's time
    let same_code = codes_nest(&keep.cameo, &other.cameo);
    // "the bomb exploded" and "a roadside bomb": the finer code of one act wins
    if other.cameo.len() > keep.cameo.len() && other.cameo.starts_with(keep.cameo.as_str()) {
        keep.cameo = other.cameo.clone();
    }
    if same_code && (keep.date == EventDate::Unknown || keep.date == EventDate::Published && matches!(other.date, EventDate::Mention(_))) {
        keep.date = other.date;
    }
    if keep.fatalities.is_none() {
        keep.fatalities = other.fatalities.clone();
    }
    if keep.attribution.is_none() {
        keep.attribution = other.attribution.clone();
    }
    // the kept record's code stays its own: its trigger, sentence and date are the evidence
    // for that code, and a back-reference ("the fighting") names no finer act
    // more evidence, more confidence
    keep.confidence = (keep.confidence.max(other.confidence) + 0.05).min(0.99);
}

impl Stage for Deduplicator {
    fn name(&self) -> &'static str {
        "merge"
    }
    /// Merging compares actors, places, dates and casualty figures, and re-derives the ACLED
    /// type once figures are attached: it runs after every event-level stage.
    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Actors,
            Layer::Events,
            Layer::EventPlaces,
            Layer::EventDates,
            Layer::EventCasualties,
            Layer::EventAttribution,
        ]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Merged]
    }
    fn run(&self, doc: &mut Doc) {
        if doc.events.len() < 2 {
            let mut events = std::mem::take(&mut doc.events);
            for e in &mut events {
                crate::codes::fill(doc, e);
            }
            doc.events = events;
            return;
        }
        let events = std::mem::take(&mut doc.events);
        let mut kept: Vec<Event> = Vec::with_capacity(events.len());
        let mut merges: Vec<(usize, usize)> = Vec::new();
        for ev in events {
            let target = kept.iter().position(|k| same_occurrence(doc, k, &ev));
            match target {
                Some(k) => {
                    merges.push((kept[k].sentence, ev.sentence));
                    absorb(doc, &mut kept[k], &ev);
                }
                None => kept.push(ev),
            }
        }
        for e in &mut kept {
            e.also_in.sort_unstable();
            e.also_in.dedup();
            // casualty figures are attached after coding: the ACLED type may depend on them
            crate::codes::fill(doc, e);
        }
        doc.events = kept;
        for (a, b) in merges {
            doc.trace("merge", None, || format!("event in sentence {b} merged into the one in sentence {a}"));
        }
    }
}
