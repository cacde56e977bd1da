//! The `locate_events` stage: which place an event happened in.
//!
//! The place in the event's own clause comes first, then any place in the sentence, then the
//! place read for an event in one of the few sentences before (a story goes on about the same
//! scene: "Rebels attacked a village north of Beni. A policeman was killed."), then the
//! article's main place. Falling back to the article's main place is an inference, not a
//! reading, so the place is copied with its precision lowered one step (city → region,
//! region → country) and the rule ids say which step was taken.

use crate::words::{self, CLAUSE_OPENERS};
use sitrep_core::{Doc, Layer, PlaceMention, PlacePrecision, Span, Stage};
use std::collections::HashSet;

const STAGE: &str = "locate_events";
/// How many sentences back an event's place still carries over to a placeless event. Further
/// on, a story has usually moved to reactions and background, where the main place is safer.
const CARRY_SENTENCES: usize = 3;

/// Pipeline stage `locate_events`.
#[derive(Debug)]
pub struct EventLocator {
    openers: HashSet<u64>,
}

impl Default for EventLocator {
    fn default() -> Self {
        EventLocator {
            openers: words::hashes(CLAUSE_OPENERS),
        }
    }
}

impl EventLocator {
    /// The clause around `trigger`: bounded by ; : — – and by commas that open a new clause
    /// ("…, while …", "…, police said").
    fn clause(&self, text: &str, sentence: Span, trigger: Span) -> Span {
        let s = &text[sentence.start..sentence.end];
        let mut bounds: Vec<usize> = Vec::new();
        for (i, c) in s.char_indices() {
            let at = sentence.start + i;
            match c {
                ';' | ':' | '—' | '–' | '(' | ')' => bounds.push(at),
                ',' => {
                    let rest = s[i + 1..].trim_start();
                    let word: String = rest
                        .chars()
                        .take_while(|c| c.is_alphabetic())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    if self.openers.contains(&crate::normalize::key_hash(&word)) {
                        bounds.push(at);
                    }
                }
                _ => {}
            }
        }
        let start = bounds
            .iter()
            .rev()
            .find(|&&b| b < trigger.start)
            .map(|b| b + 1)
            .unwrap_or(sentence.start);
        let end = bounds
            .iter()
            .find(|&&b| b >= trigger.end)
            .copied()
            .unwrap_or(sentence.end);
        Span::new(start, end.max(start))
    }

    /// Best place among `candidates` for a trigger: finer and cued places first, then nearer.
    fn best(doc: &Doc, candidates: impl Iterator<Item = usize>, trigger: Span) -> Option<usize> {
        candidates
            .map(|i| {
                let p = &doc.places[i];
                let mut s = match p.precision {
                    PlacePrecision::Point | PlacePrecision::City => 3.0,
                    PlacePrecision::Region => 2.0,
                    PlacePrecision::Country => 1.0,
                };
                // A place the text marks as a location ("in X", "the town of X", "northern X")
                // over a name that merely appears ("the Goma militia").
                if p.rules.iter().any(|r| {
                    matches!(
                        r.as_str(),
                        "places.cue.preposition"
                            | "places.cue.place_noun"
                            | "places.cue.direction"
                            | "places.anaphor"
                            | "places.sub_place_of"
                    )
                }) {
                    s += 1.5;
                }
                if p.lat.is_none() {
                    s -= 0.5;
                }
                let gap = if p.span.start >= trigger.end {
                    p.span.start - trigger.end
                } else {
                    trigger.start.saturating_sub(p.span.end)
                };
                s -= gap as f32 / 150.0;
                (i, s)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
    }
}

/// Offices whose holder is named by a place: "the governor of North Lebanon", "the mayor of
/// Goma". The place is the office's jurisdiction, said of the speaker, not where an event
/// happened.
fn office_noun(w: &str) -> bool {
    matches!(
        w,
        "governor" | "mayor" | "president" | "minister" | "ambassador" | "envoy" | "spokesman" | "spokeswoman"
            | "spokesperson" | "commissioner" | "prefect" | "administrator" | "consul" | "senator" | "emir"
            | "king" | "ruler" | "representative" | "deputy" | "chief" | "head" | "mp" | "lawmaker"
            | "legislator" | "archbishop" | "bishop" | "mufti"
    )
}

/// Whether the place at `span` follows "<office> of [the]": a jurisdiction, not a scene.
fn jurisdiction(lower: &str, span: Span) -> bool {
    let before = lower[..span.start].trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before).trim_end();
    let Some(rest) = before.strip_suffix(" of") else {
        return false;
    };
    let word = rest.trim_end().rsplit(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
    office_noun(word)
}

fn lower(p: PlacePrecision) -> PlacePrecision {
    match p {
        PlacePrecision::Point => PlacePrecision::City,
        PlacePrecision::City => PlacePrecision::Region,
        PlacePrecision::Region | PlacePrecision::Country => PlacePrecision::Country,
    }
}

impl Stage for EventLocator {
    fn name(&self) -> &'static str {
        STAGE
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Events, Layer::Places]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::EventPlaces]
    }
    fn run(&self, doc: &mut Doc) {
        // The copy of the main place with lowered precision, made once per article.
        let mut derived: Option<usize> = None;
        let dateline = doc.article.dateline.as_ref().map(|d| d.span);
        // (sentence, place index), sorted: each event looks only at its sentence's places
        // (scanning every place per event is quadratic on very long texts).
        let mut by_sentence: Vec<(usize, usize)> = doc.places.iter().enumerate().map(|(i, p)| (p.sentence, i)).collect();
        by_sentence.sort_unstable();
        // (sentence, place) of the events whose place was read in their own sentence.
        let mut read: Vec<(usize, usize)> = Vec::new();
        for e in 0..doc.events.len() {
            let (si, trigger) = (doc.events[e].sentence, doc.events[e].trigger);
            if si >= doc.sentences.len() {
                continue;
            }
            let sentence = doc.sentences[si].span;
            // The dateline says where the report was filed, not where this event happened.
            let lo = by_sentence.partition_point(|x| x.0 < si);
            let in_sentence: Vec<usize> = by_sentence[lo..]
                .iter()
                .take_while(|x| x.0 == si)
                .map(|x| x.1)
                .filter(|&i| {
                    let p = &doc.places[i];
                    p.sentence == si
                        && sentence.contains(p.span)
                        && !dateline.is_some_and(|d| d.contains(p.span))
                        && !jurisdiction(&doc.lower, p.span)
                })
                .collect();
            let clause = self.clause(doc.text(), sentence, trigger);
            let in_clause = in_sentence
                .iter()
                .copied()
                .filter(|&i| clause.contains(doc.places[i].span));
            let (place, rule) = if let Some(i) = Self::best(doc, in_clause, trigger) {
                (Some(i), "locate.clause")
            } else if let Some(i) = Self::best(doc, in_sentence.iter().copied(), trigger) {
                (Some(i), "locate.sentence")
            } else if let Some(&(_, i)) = read
                .iter()
                .rev()
                .take_while(|(s, _)| *s + CARRY_SENTENCES >= si)
                .filter(|(s, _)| *s < si)
                .max_by_key(|(s, _)| *s)
                .filter(|_| !names_unknown_place(doc.text(), clause))
            {
                (Some(i), "locate.previous_event")
            } else if let Some(main) = doc.focus.place.filter(|&i| i < doc.places.len()) {
                let i = match derived {
                    Some(i) => i,
                    None => {
                        let src = &doc.places[main];
                        let mut m: PlaceMention = src.clone();
                        m.precision = lower(src.precision);
                        m.rules.push("locate.precision_lowered".into());
                        doc.places.push(m);
                        derived = Some(doc.places.len() - 1);
                        doc.places.len() - 1
                    }
                };
                (Some(i), "locate.article_main")
            } else {
                (None, "locate.none")
            };
            if let (Some(i), "locate.clause" | "locate.sentence") = (place, rule) {
                read.push((si, i));
            }
            doc.events[e].location = place;
            doc.events[e].rules.push(rule.to_string());
            if doc.explain {
                let msg = match place {
                    Some(i) => {
                        let p = &doc.places[i];
                        format!(
                            "event at '{}' → {} {:?} ({rule})",
                            &doc.text()[trigger.start..trigger.end],
                            p.name,
                            p.precision
                        )
                    }
                    None => format!(
                        "event at '{}': no place in the clause, sentence or article",
                        &doc.text()[trigger.start..trigger.end]
                    ),
                };
                doc.trace(STAGE, Some(trigger), || msg);
            }
        }
    }
}

/// Whether `clause` names a place the gazetteer does not know: "in", "at" or "near" before a
/// capitalised word ("attacked a market in Rutshuru"). The event happened there, so it must
/// not borrow an earlier event's place; the article's main place, at a lower precision, is
/// the honest fallback.
fn names_unknown_place(text: &str, clause: Span) -> bool {
    let words: Vec<&str> = text[clause.start..clause.end].split_whitespace().collect();
    words.windows(2).any(|w| {
        matches!(w[0], "in" | "at" | "near" | "outside")
            && w[1].starts_with(|c: char| c.is_uppercase())
            && !matches!(w[1].trim_end_matches([',', '.', ';']), "The" | "A" | "An" | "This" | "That" | "January" | "February" | "March" | "April" | "May" | "June" | "July" | "August" | "September" | "October" | "November" | "December" | "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Gazetteer, PlaceRecognizer};
    use sitrep_core::Event;
    use std::sync::Arc;

    fn recognizer() -> &'static PlaceRecognizer {
        static R: std::sync::OnceLock<PlaceRecognizer> = std::sync::OnceLock::new();
        R.get_or_init(|| PlaceRecognizer::new(Arc::new(Gazetteer::embedded())))
    }

    /// Locate an event triggered by the first occurrence of `trigger` in `text`.
    fn locate(text: &str, trigger: &str) -> (Doc, Event) {
        let mut doc = sitrep_text::prepare(text);
        recognizer().run(&mut doc);
        let at = text.find(trigger).unwrap();
        let span = Span::new(at, at + trigger.len());
        let si = doc.sentence_at(at).unwrap();
        doc.events.push(Event::new(si, span, "190"));
        EventLocator::default().run(&mut doc);
        let e = doc.events[0].clone();
        (doc, e)
    }

    #[test]
    fn clause_then_sentence_then_article() {
        // (text, trigger, expected place name, precision, rule)
        let cases: &[(&str, &str, &str, PlacePrecision, &str)] = &[
            (
                "Rebels shelled Bunia on Friday, while talks went on in Kinshasa.",
                "shelled",
                "Bunia",
                PlacePrecision::City,
                "locate.clause",
            ),
            (
                "Talks went on in Kinshasa, while rebels shelled Bunia.",
                "shelled",
                "Bunia",
                PlacePrecision::City,
                "locate.clause",
            ),
            (
                "Two soldiers died when a mine exploded under their truck near the town of Samarra.",
                "exploded",
                "Samarra'",
                PlacePrecision::City,
                "locate.clause",
            ),
            (
                "In Goma, residents said; gunmen later attacked a convoy.",
                "attacked",
                "Goma",
                PlacePrecision::City,
                "locate.sentence",
            ),
            (
                "Fighting broke out in Goma on Monday. Gunmen attacked a convoy.",
                "attacked",
                "Goma",
                PlacePrecision::Region,
                "locate.article_main",
            ),
        ];
        for &(text, trigger, name, precision, rule) in cases {
            let (doc, e) = locate(text, trigger);
            let p = &doc.places[e.location.unwrap_or_else(|| panic!("no place: {text}"))];
            assert_eq!((p.name.as_str(), p.precision), (name, precision), "{text}");
            assert!(e.rules.iter().any(|r| r == rule), "{text}: {:?}", e.rules);
        }
    }

    /// Locate one event per trigger (in text order) and return each event's place and rule.
    fn locate_all(text: &str, dateline: Option<&str>, triggers: &[&str]) -> Vec<(String, String)> {
        let mut doc = sitrep_text::prepare(text);
        if let Some(d) = dateline {
            doc.article.dateline = Some(sitrep_core::Dateline {
                place: d.to_string(),
                agency: None,
                span: Span::new(0, d.len()),
            });
        }
        recognizer().run(&mut doc);
        for t in triggers {
            let at = text.find(t).unwrap();
            let si = doc.sentence_at(at).unwrap();
            doc.events.push(Event::new(si, Span::new(at, at + t.len()), "190"));
        }
        EventLocator::default().run(&mut doc);
        doc.events
            .iter()
            .map(|e| {
                let name = e.location.map(|i| doc.places[i].name.clone()).unwrap_or_default();
                let rule = e.rules.iter().find(|r| r.starts_with("locate.")).cloned().unwrap_or_default();
                (name, rule)
            })
            .collect()
    }

    #[test]
    fn placeless_events_take_the_place_of_the_scene_just_told() {
        // (text, dateline, triggers, expected (place, rule) per trigger)
        let cases: &[(&str, Option<&str>, &[&str], &[(&str, &str)])] = &[
            (
                "KAMPALA, Uganda - Gunmen raided a market in Bunia on Friday. Two traders were shot dead.",
                Some("KAMPALA, Uganda"),
                &["raided", "shot dead"],
                &[("Bunia", "locate.clause"), ("Bunia", "locate.previous_event")],
            ),
            (
                "Soldiers clashed with rebels near Dori. Three soldiers died. The army later sent more troops.",
                None,
                &["clashed", "died", "sent more troops"],
                &[
                    ("Dori", "locate.clause"),
                    ("Dori", "locate.previous_event"),
                    ("Dori", "locate.previous_event"),
                ],
            ),
            (
                // Four sentences on, the story has moved away from the scene: the main place.
                "Rebels shelled Bunia on Friday. Schools stayed shut. Roads were empty. Shops reopened. Aid groups protested.",
                None,
                &["shelled", "protested"],
                &[("Bunia", "locate.clause"), ("Bunia", "locate.article_main")],
            ),
            (
                // the clause names its own place, one the gazetteer lacks: no borrowing
                "Rebels shelled Bunia on Friday. A week earlier they had attacked a school in Kizomvubu.",
                None,
                &["shelled", "attacked"],
                &[("Bunia", "locate.clause"), ("Bunia", "locate.article_main")],
            ),
        ];
        for &(text, dateline, triggers, want) in cases {
            let got = locate_all(text, dateline, triggers);
            let want: Vec<(String, String)> =
                want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_jurisdiction_of_an_office_is_not_the_scene() {
        // (text, triggers, expected (place, rule) per trigger)
        let cases: &[(&str, &[&str], &[(&str, &str)])] = &[
            (
                "Bandits raided a farm in Zurmi. They fled, according to the governor of Zamfara.",
                &["raided", "fled"],
                &[("Zurmi", "locate.clause"), ("Zurmi", "locate.previous_event")],
            ),
            (
                "The mayor of Goma said troops shelled Sake on Monday.",
                &["shelled"],
                &[("Sake", "locate.clause")],
            ),
        ];
        for &(text, triggers, want) in cases {
            let got = locate_all(text, None, triggers);
            let want: Vec<(String, String)> =
                want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            assert_eq!(got, want, "{text}");
        }
        assert!(jurisdiction("the governor of the north province", Span::new(20, 34)));
        assert!(!jurisdiction("in the north of kaduna", Span::new(16, 22)));
    }

    #[test]
    fn finer_place_beats_country_in_the_same_clause() {
        let (doc, e) = locate(
            "Protesters marched in Kirkuk in northern Iraq on Sunday.",
            "marched",
        );
        assert_eq!(doc.places[e.location.unwrap()].name, "Kirkuk");
    }

    #[test]
    fn no_place_anywhere() {
        let (_, e) = locate("Gunmen attacked a convoy.", "attacked");
        assert_eq!(e.location, None);
        assert!(e.rules.iter().any(|r| r == "locate.none"));
    }

    #[test]
    fn clause_bounds() {
        let l = EventLocator::default();
        let t = "Rebels shelled Bunia, while talks went on; nobody said more.";
        let trig = Span::new(7, 14);
        let c = l.clause(t, Span::new(0, t.len()), trig);
        assert_eq!(&t[c.start..c.end], "Rebels shelled Bunia");
    }
}
