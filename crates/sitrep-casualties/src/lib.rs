//! Casualties: killed and injured figures, attached to events.

/// Pipeline stage `count_casualties`.
#[derive(Debug, Default)]
pub struct CasualtyCounter {}

impl sitrep_core::Stage for CasualtyCounter {
    fn name(&self) -> &'static str {
        "count_casualties"
    }
    fn requires(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Sentences]
    }
    fn assigns(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Casualties]
    }
    fn run(&self, _doc: &mut sitrep_core::Doc) {}
}

/// Pipeline stage `attach_casualties`.
#[derive(Debug, Default)]
pub struct CasualtyAttacher {}

impl sitrep_core::Stage for CasualtyAttacher {
    fn name(&self) -> &'static str {
        "attach_casualties"
    }
    fn requires(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Events, sitrep_core::Layer::Casualties]
    }
    fn assigns(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::EventCasualties]
    }
    fn run(&self, _doc: &mut sitrep_core::Doc) {}
}
