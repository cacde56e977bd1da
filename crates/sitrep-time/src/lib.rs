//! Dates: expressions resolved against the publication date; event dating.

/// Pipeline stage `date`.
#[derive(Debug, Default)]
pub struct DateRecognizer {}

impl sitrep_core::Stage for DateRecognizer {
    fn name(&self) -> &'static str {
        "date"
    }
    fn requires(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Sentences]
    }
    fn assigns(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Dates]
    }
    fn run(&self, _doc: &mut sitrep_core::Doc) {}
}

/// Pipeline stage `date_events`.
#[derive(Debug, Default)]
pub struct EventDater {}

impl sitrep_core::Stage for EventDater {
    fn name(&self) -> &'static str {
        "date_events"
    }
    fn requires(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Events, sitrep_core::Layer::Dates]
    }
    fn assigns(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::EventDates]
    }
    fn run(&self, _doc: &mut sitrep_core::Doc) {}
}
