//! Casualties: killed and injured figures, attached to events.
//!
//! [`CasualtyCounter`] reads casualty phrases ("killing at least nine people", "three
//! soldiers were killed", "the death toll rose to 40") into `Doc::casualties` with the
//! figure, its hedge and any range; [`CasualtyAttacher`] gives each figure to one event and
//! fills `Event::fatalities`. The conventions (vague words, summing, rising tolls) are
//! documented in the `numbers` and `attach` modules.

mod attach;
mod counter;
mod numbers;

pub use attach::attach;
pub use counter::count;

use sitrep_core::{Doc, Layer, Stage};

/// Pipeline stage `count_casualties`. Stateless: the word lists are `match` tables.
#[derive(Debug, Default)]
pub struct CasualtyCounter {}

impl Stage for CasualtyCounter {
    fn name(&self) -> &'static str {
        "count_casualties"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Casualties]
    }
    fn run(&self, doc: &mut Doc) {
        doc.casualties = count(doc);
        if doc.explain {
            for i in 0..doc.casualties.len() {
                let m = doc.casualties[i].clone();
                doc.trace("count_casualties", Some(m.span), || {
                    format!("{:?} {} {:?} by {}", m.kind, m.count, m.qualifier, m.rules.join(","))
                });
            }
        }
    }
}

/// Pipeline stage `attach_casualties`.
#[derive(Debug, Default)]
pub struct CasualtyAttacher {}

impl Stage for CasualtyAttacher {
    fn name(&self) -> &'static str {
        "attach_casualties"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Events, Layer::Casualties]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::EventCasualties]
    }
    fn run(&self, doc: &mut Doc) {
        attach(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::{Event, Qualifier, Span};

    #[test]
    fn stages_count_and_attach() {
        let text = "Gunmen attacked a bus, killing at least 12 people.";
        let mut doc = sitrep_text::prepare(text);
        doc.explain = true;
        CasualtyCounter::default().run(&mut doc);
        doc.events.push(Event::new(0, Span::new(7, 15), "190"));
        CasualtyAttacher::default().run(&mut doc);
        let f = doc.events[0].fatalities.clone().expect("figure attached");
        assert_eq!((f.killed, f.killed_qualifier, f.injured), (Some(12), Some(Qualifier::AtLeast), None));
        assert_eq!(f.text, "killing at least 12 people");
        assert!(doc.trace.iter().any(|t| t.stage == "count_casualties"));
    }
}
