//! Attaching casualty figures to events.
//!
//! Policy:
//! - Only events where deaths make sense take figures: material conflict (CAMEO roots 18,
//!   19, 20) first, then violent protest / riot (145), repression (17x), other protest
//!   (14x).
//! - Each figure goes to exactly one event: in its own sentence the best-ranked eligible
//!   event (the one whose trigger the phrase contains, else by the ranking above, then the
//!   nearest trigger); with none there, the nearest eligible event up to two sentences back
//!   (`cas.attach.prev_sentence`), the usual shape of "Rebels attacked X. Twelve people
//!   were killed." A figure is never copied to a second event, so two coded events of one
//!   occurrence cannot double its dead; the merge stage unites them.
//! - Several figures of one kind on one event: figures of the same sentence add up ("killed
//!   three soldiers. ... and two civilians died" in one sentence are separate victims),
//!   except a part of another (`cas.subset`, "including three children"), which is dropped
//!   when a whole is present; figures from different sentences do not add, the highest wins
//!   (`cas.combine.max`), because later sentences restate or update the toll ("the death
//!   toll rose to 40").

use sitrep_core::{CasualtyKind, CasualtyMention, Doc, Event, Fatalities, Qualifier};

/// Rank of an event as a home for casualty figures; None when deaths make no sense for it.
fn rank(e: &Event) -> Option<u8> {
    match e.cameo_root() {
        "18" | "19" | "20" => Some(0),
        "14" if e.cameo.starts_with("145") => Some(1),
        "17" => Some(2),
        "14" => Some(3),
        _ => None,
    }
}

/// Event indices grouped by sentence, so a mention looks only at its own sentence's events
/// (a linear scan of all events per mention is quadratic on very long texts).
struct BySentence {
    /// (sentence, event index), sorted.
    pairs: Vec<(usize, usize)>,
}

impl BySentence {
    fn new(events: &[Event]) -> Self {
        let mut pairs: Vec<(usize, usize)> = events.iter().enumerate().map(|(i, e)| (e.sentence, i)).collect();
        pairs.sort_unstable();
        BySentence { pairs }
    }
    fn events_in<'a>(&'a self, events: &'a [Event], sentence: usize) -> impl Iterator<Item = (usize, &'a Event)> + 'a {
        let lo = self.pairs.partition_point(|p| p.0 < sentence);
        self.pairs[lo..].iter().take_while(move |p| p.0 == sentence).map(move |p| (p.1, &events[p.1]))
    }
}

/// The event index a mention goes to, and the rule that says why.
fn home(doc: &Doc, index: &BySentence, m: &CasualtyMention) -> Option<(usize, &'static str)> {
    let same = index
        .events_in(&doc.events, m.sentence)
        .filter_map(|(i, e)| rank(e).map(|r| (i, e, r)))
        .min_by_key(|(_, e, r)| {
            let inside = !m.span.overlaps(e.trigger);
            let dist = if e.trigger.start >= m.span.end {
                e.trigger.start - m.span.end
            } else {
                m.span.start.saturating_sub(e.trigger.end)
            };
            (inside, *r, dist)
        });
    if let Some((i, _, _)) = same {
        return Some((i, "cas.attach.same_sentence"));
    }
    // A sentence with its own (non-violent) event keeps its figure to itself.
    if index.events_in(&doc.events, m.sentence).next().is_some() {
        return None;
    }
    for back in 1..=2 {
        let Some(s) = m.sentence.checked_sub(back) else { break };
        let prev = index
            .events_in(&doc.events, s)
            .filter_map(|(i, e)| rank(e).map(|r| (i, e, r)))
            .min_by_key(|(_, e, r)| (*r, std::cmp::Reverse(e.trigger.start)));
        if let Some((i, _, _)) = prev {
            return Some((i, "cas.attach.prev_sentence"));
        }
    }
    None
}

/// One kind's figure for one event, combined from its mentions.
#[derive(Debug, Clone, Copy, Default)]
struct Combined {
    count: Option<u32>,
    qualifier: Option<Qualifier>,
    low: Option<u32>,
    high: Option<u32>,
}

fn combine(mentions: &[&CasualtyMention]) -> (Combined, bool) {
    // Per sentence: sum, dropping subsets when a whole is present.
    let mut per_sentence: Vec<Combined> = Vec::new();
    let mut sentences: Vec<usize> = mentions.iter().map(|m| m.sentence).collect();
    sentences.dedup();
    for s in &sentences {
        let here: Vec<&&CasualtyMention> = mentions.iter().filter(|m| m.sentence == *s).collect();
        let wholes: Vec<&&CasualtyMention> =
            here.iter().copied().filter(|m| !m.rules.iter().any(|r| r == "cas.subset")).collect();
        let used = if wholes.is_empty() { here } else { wholes };
        let mut c = Combined::default();
        for m in &used {
            c.count = Some(c.count.unwrap_or(0).saturating_add(m.count));
            c.qualifier = Some(match (c.qualifier, m.qualifier) {
                (None, q) => q,
                (Some(Qualifier::Exact), q) => q,
                (Some(q), _) => q,
            });
        }
        if used.len() == 1 {
            c.low = used[0].low;
            c.high = used[0].high;
        }
        per_sentence.push(c);
    }
    let several = per_sentence.len() > 1;
    let best = per_sentence.into_iter().max_by_key(|c| c.count).unwrap_or_default();
    (best, several)
}

/// Attach every casualty mention of `doc` to at most one event.
pub fn attach(doc: &mut Doc) {
    let index = BySentence::new(&doc.events);
    let mut homes: Vec<(usize, usize, &'static str)> = Vec::new(); // (event, mention, rule)
    for (mi, m) in doc.casualties.iter().enumerate() {
        if let Some((ei, rule)) = home(doc, &index, m) {
            homes.push((ei, mi, rule));
        }
    }
    // Group by event (stable, so mentions stay in text order within an event).
    homes.sort_by_key(|h| h.0);
    let groups: Vec<&[(usize, usize, &'static str)]> = homes.chunk_by(|a, b| a.0 == b.0).collect();
    for group in groups {
        let ei = group[0].0;
        let mine: Vec<&CasualtyMention> = group.iter().map(|h| &doc.casualties[h.1]).collect();
        let killed: Vec<&CasualtyMention> = mine.iter().copied().filter(|m| m.kind == CasualtyKind::Killed).collect();
        let injured: Vec<&CasualtyMention> = mine.iter().copied().filter(|m| m.kind == CasualtyKind::Injured).collect();
        let (k, k_several) = combine(&killed);
        let (w, w_several) = combine(&injured);
        let text = mine.iter().map(|m| doc.slice(m.span)).collect::<Vec<_>>().join(" | ");
        let mut rules: Vec<&'static str> = Vec::new();
        for h in group {
            if !rules.contains(&h.2) {
                rules.push(h.2);
            }
        }
        if k_several || w_several {
            rules.push("cas.combine.max");
        }
        let f = Fatalities {
            killed: k.count,
            killed_qualifier: k.qualifier,
            killed_low: k.low,
            killed_high: k.high,
            injured: w.count,
            injured_qualifier: w.qualifier,
            injured_low: w.low,
            injured_high: w.high,
            text,
        };
        let trigger = doc.events[ei].trigger;
        let e = &mut doc.events[ei];
        e.fatalities = Some(f);
        e.rules.extend(rules.iter().map(|r| r.to_string()));
        doc.trace("attach_casualties", Some(trigger), || {
            format!("killed {:?} injured {:?} by {}", k.count, w.count, rules.join(","))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counter::count;
    use sitrep_core::Span;

    /// Events given as (trigger word, CAMEO code), each found after the previous one.
    fn run(text: &str, events: &[(&str, &str)]) -> Doc {
        let mut doc = sitrep_text::prepare(text);
        doc.casualties = count(&doc);
        let mut from = 0;
        for (trig, code) in events {
            let at = from + text[from..].find(trig).expect("trigger in text");
            let s = doc.sentence_at(at).unwrap();
            doc.events.push(Event::new(s, Span::new(at, at + trig.len()), *code));
            from = at + trig.len();
        }
        attach(&mut doc);
        doc
    }

    fn killed(doc: &Doc, e: usize) -> (Option<u32>, Option<u32>) {
        doc.events[e].fatalities.as_ref().map_or((None, None), |f| (f.killed, f.injured))
    }

    #[test]
    fn attachment_table() {
        // (text, events, expected (killed, injured) per event)
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [(Option<u32>, Option<u32>)]);
        let cases: &[Case] = &[
            (
                "Gunmen attacked a bus, killing 12 and wounding 30.",
                &[("attacked", "190")],
                &[(Some(12), Some(30))],
            ),
            (
                "Rebels attacked the village on Monday. Twelve people were killed, officials said.",
                &[("attacked", "190")],
                &[(Some(12), None)],
            ),
            (
                "The ministers met in Geneva. Twelve people were killed in the north.",
                &[("met", "040")],
                &[(None, None)],
            ),
            (
                "Troops fired on protesters, killing four, and the two sides later met.",
                &[("fired", "180"), ("met", "040")],
                &[(Some(4), None), (None, None)],
            ),
            (
                "Protesters rioted in the capital and three people died.",
                &[("rioted", "145")],
                &[(Some(3), None)],
            ),
            (
                "A blast killed nine people. The death toll later rose to 15.",
                &[("killed", "183")],
                &[(Some(15), None)],
            ),
            (
                "The raid killed three soldiers, and two civilians died in the crossfire.",
                &[("raid", "190")],
                &[(Some(5), None)],
            ),
            (
                "At least 10 people were killed, including three children who died in hospital, after the strike.",
                &[("strike", "195")],
                &[(Some(10), None)],
            ),
            (
                "Militants ambushed a convoy, killing six, while police arrested two suspects.",
                &[("ambushed", "190"), ("arrested", "173")],
                &[(Some(6), None), (None, None)],
            ),
        ];
        for (text, events, want) in cases {
            let doc = run(text, events);
            for (i, w) in want.iter().enumerate() {
                assert_eq!(killed(&doc, i), *w, "{text} event {i}: {:?}", doc.casualties);
            }
        }
    }

    #[test]
    fn one_figure_one_event() {
        // Two violent events in one sentence: the figure goes to the one whose phrase holds
        // the trigger, never to both.
        let doc = run("Gunmen stormed the town and killed 12 villagers.", &[("stormed", "190"), ("killed", "183")]);
        assert_eq!(killed(&doc, 0), (None, None));
        assert_eq!(killed(&doc, 1), (Some(12), None));
        assert!(doc.events[1].rules.contains(&"cas.attach.same_sentence".to_string()));
    }

    #[test]
    fn ranges_and_hedges_reach_the_event() {
        let doc = run("Shelling killed between 10 and 15 people.", &[("Shelling", "195")]);
        let f = doc.events[0].fatalities.clone().unwrap();
        assert_eq!((f.killed, f.killed_low, f.killed_high), (Some(10), Some(10), Some(15)));
        assert_eq!(f.killed_qualifier, Some(Qualifier::AtLeast));
        assert_eq!(f.text, "killed between 10 and 15 people");
    }

    #[test]
    fn previous_sentence_is_marked() {
        let doc = run("Rebels attacked the village. Twelve people were killed.", &[("attacked", "190")]);
        assert!(doc.events[0].rules.contains(&"cas.attach.prev_sentence".to_string()));
    }
}
