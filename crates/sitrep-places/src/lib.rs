//! Places: gazetteer, toponyms, disambiguation, event location.

#[derive(Debug)]
pub struct GazetteerError(pub String);
impl std::fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for GazetteerError {}

/// Place names with coordinates, admin names and population.
#[derive(Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// The embedded default gazetteer (no download).
    pub fn embedded() -> Self {
        Gazetteer {}
    }
    /// Load an index written by `sitrep gazetteer import`.
    pub fn load(path: &std::path::Path) -> Result<Self, GazetteerError> {
        let _ = path;
        Err(GazetteerError("not implemented".into()))
    }
}

impl PlaceRecognizer {
    pub fn new(gazetteer: std::sync::Arc<Gazetteer>) -> Self {
        let _ = gazetteer;
        PlaceRecognizer {}
    }
}

/// Pipeline stage `locate`.
#[derive(Debug, Default)]
pub struct PlaceRecognizer {}

impl sitrep_core::Stage for PlaceRecognizer {
    fn name(&self) -> &'static str {
        "locate"
    }
    fn requires(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Sentences, sitrep_core::Layer::Actors]
    }
    fn assigns(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Places]
    }
    fn run(&self, _doc: &mut sitrep_core::Doc) {}
}

/// Pipeline stage `locate_events`.
#[derive(Debug, Default)]
pub struct EventLocator {}

impl sitrep_core::Stage for EventLocator {
    fn name(&self) -> &'static str {
        "locate_events"
    }
    fn requires(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::Events, sitrep_core::Layer::Places]
    }
    fn assigns(&self) -> &'static [sitrep_core::Layer] {
        &[sitrep_core::Layer::EventPlaces]
    }
    fn run(&self, _doc: &mut sitrep_core::Doc) {}
}
