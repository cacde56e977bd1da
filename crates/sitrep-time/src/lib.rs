//! Dates: expressions resolved against the publication date; event dating.
//!
//! [`DateRecognizer`] finds explicit ("16 May 2014", "Jan. 6", "2014-05-16") and relative
//! ("on Friday", "yesterday", "last week", "in February", "last year", "three days ago")
//! date expressions and resolves them against `Article::published` with a stated
//! precision. Phrases that count from another date in the story ("a day later", "the
//! following week", "two days after the raid", "that night") are resolved from the nearest
//! fitting date before them, and their rules say which one (`date.anchor.*`; see
//! `anchored.rs` and `recognize::resolve_anchored`). Dates inside names ("the March 23
//! Movement") are left alone. [`EventDater`]
//! then gives each event the date of its own sentence, or of the sentence it continues, or
//! the publication date, and records which in the event's rules.
//!
//! No crate resolves news-style relative dates well, so these are sitrep's own rules; the
//! conventions are documented on [`resolve::resolve`].

mod anchored;
mod dater;
mod recognize;
pub mod resolve;
mod words;

pub use dater::date_events;
pub use recognize::recognize;

use sitrep_core::{Doc, Layer, Stage};

/// Pipeline stage `date`: fills `Doc::dates`. Holds no state: every matcher is a `match`
/// on lowercased token text, so `Default` is free.
#[derive(Debug, Default)]
pub struct DateRecognizer {}

impl Stage for DateRecognizer {
    fn name(&self) -> &'static str {
        "date"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Dates]
    }
    fn run(&self, doc: &mut Doc) {
        let (dates, anchors) = recognize::recognize_with_anchors(doc);
        doc.dates = dates;
        if doc.explain {
            for (i, anchor) in anchors.into_iter().enumerate() {
                let (span, date, prec, rules) = {
                    let m = &doc.dates[i];
                    (m.span, m.date, m.precision, m.rules.join(","))
                };
                // Say which date an anchored phrase counted from, or that it had none.
                let from = match anchor {
                    Some(a) => {
                        let m = &doc.dates[a];
                        let d = m.date.map_or_else(String::new, |d| d.to_string());
                        format!(" from {:?} ({d})", doc.slice(m.span))
                    }
                    None if rules.contains("date.anchor.publication") => {
                        " (no earlier date to count from: read from publication)".to_string()
                    }
                    None if rules.contains("date.anchor.none") => {
                        " (no earlier date to count from, so unresolved: the event keeps its usual fallback)"
                            .to_string()
                    }
                    None => String::new(),
                };
                doc.trace("date", Some(span), || {
                    let d = date.map_or_else(|| "unresolved".to_string(), |d| d.to_string());
                    format!("{d} ({}) by {rules}{from}", sitrep_core::record::precision_name(prec))
                });
            }
        }
    }
}

/// Pipeline stage `date_events`: sets `Event::date` and pushes a `date.*` rule id.
#[derive(Debug, Default)]
pub struct EventDater {}

impl Stage for EventDater {
    fn name(&self) -> &'static str {
        "date_events"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Events, Layer::Dates]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::EventDates]
    }
    fn run(&self, doc: &mut Doc) {
        date_events(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use sitrep_core::event::EventDate;
    use sitrep_core::{Event, Span};

    #[test]
    fn stages_fill_dates_and_event_dates_with_a_trace() {
        let text = "Rebels attacked the base on Monday.";
        let mut doc = sitrep_text::prepare(text);
        doc.article.published = Some(date(2024, 3, 15));
        doc.explain = true;
        DateRecognizer::default().run(&mut doc);
        doc.events.push(Event::new(0, Span::new(7, 15), "190"));
        EventDater::default().run(&mut doc);
        assert_eq!(doc.dates.len(), 1);
        assert_eq!(doc.events[0].date, EventDate::Mention(0));
        assert!(doc.trace.iter().any(|t| t.stage == "date" && t.message.starts_with("2024-03-11")));
        assert!(doc.trace.iter().any(|t| t.stage == "date_events"));
    }

    /// A story told in steps from one explicit date, through both stages: each step counts
    /// from the right date, and the trace says from which.
    #[test]
    fn a_story_dated_in_steps() {
        let text = "Militia fighters stormed a police station in Bunia on 14 June, killing four officers. \
            The next day, the army shelled militia camps north of the town. \
            Three days after the assault, police detained nine men in Bunia. \
            The following week, residents marched in the capital.";
        let mut doc = sitrep_text::prepare(text);
        // Thursday 20 June 2024.
        doc.article.published = Some(date(2024, 6, 20));
        doc.explain = true;
        DateRecognizer::default().run(&mut doc);
        for trigger in ["stormed", "shelled", "detained", "marched"] {
            let at = text.find(trigger).unwrap();
            let s = doc.sentence_at(at).unwrap();
            doc.events.push(Event::new(s, Span::new(at, at + trigger.len()), "190"));
        }
        EventDater::default().run(&mut doc);
        let got: Vec<_> = doc
            .events
            .iter()
            .map(|e| match e.date {
                EventDate::Mention(i) => (doc.dates[i].date, doc.dates[i].precision),
                other => panic!("{other:?}: {:?}", e.rules),
            })
            .collect();
        use sitrep_core::DatePrecision::{Day, Week};
        assert_eq!(
            got,
            vec![
                (Some(date(2024, 6, 14)), Day),
                (Some(date(2024, 6, 15)), Day),
                // "the assault" is no word of the first sentence: the explicit date anchors it
                (Some(date(2024, 6, 17)), Day),
                // the week after 17 June starts after publication: capped to publication's week
                (Some(date(2024, 6, 17)), Week),
            ]
        );
        for e in &doc.events[1..] {
            assert!(e.rules.iter().any(|r| r == "date.anchored"), "{:?}", e.rules);
        }
        assert!(doc.events[0].rules.iter().all(|r| r != "date.anchored"));
        let lines: Vec<&str> = doc.trace.iter().filter(|t| t.stage == "date").map(|t| t.message.as_str()).collect();
        assert!(lines[1].contains("date.anchor.preceding_date from \"14 June\" (2024-06-14)"), "{lines:?}");
        assert!(lines[2].contains("date.anchor.fixed_date from \"14 June\""), "{lines:?}");
        assert!(lines[3].contains("from \"Three days after the assault\" (2024-06-17)"), "{lines:?}");
    }
}
