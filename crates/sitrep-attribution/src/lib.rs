//! Attribution: the reporting source of each event.

/// Pipeline stage `attribute`: fills `Event::attribution`.
#[derive(Debug, Default)]
pub struct Attributor {}

impl sitrep_core::Stage for Attributor {
    fn name(&self) -> &'static str {
        "attribute"
    }
    fn requires(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Events]
    }
    fn assigns(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::EventAttribution]
    }
    fn run(&self, _doc: &mut sitrep_core::Doc) {}
}
