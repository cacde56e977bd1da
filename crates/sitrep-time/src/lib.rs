//! Dates: expressions resolved against the publication date; event dating.
//!
//! [`DateRecognizer`] finds explicit ("16 May 2014", "Jan. 6", "2014-05-16") and relative
//! ("on Friday", "yesterday", "last week", "in February", "last year", "three days ago")
//! date expressions and resolves them against `Article::published` with a stated
//! precision. Dates inside names ("the March 23 Movement") are left alone. [`EventDater`]
//! then gives each event the date of its own sentence, or of the sentence it continues, or
//! the publication date, and records which in the event's rules.
//!
//! No crate resolves news-style relative dates well, so these are sitrep's own rules; the
//! conventions are documented on [`resolve::resolve`].

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
        doc.dates = recognize(doc);
        if doc.explain {
            for i in 0..doc.dates.len() {
                let (span, date, prec, rules) = {
                    let m = &doc.dates[i];
                    (m.span, m.date, m.precision, m.rules.join(","))
                };
                doc.trace("date", Some(span), || {
                    let d = date.map_or_else(|| "unresolved".to_string(), |d| d.to_string());
                    format!("{d} ({}) by {rules}", sitrep_core::record::precision_name(prec))
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
}
