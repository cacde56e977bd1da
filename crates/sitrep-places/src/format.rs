//! The compact gazetteer index: one byte blob that is either embedded in the binary (built by
//! `build.rs`) or read from a file written by [`crate::import_geonames`]. Lookups read the
//! blob in place, so loading is a header check, not a parse.
//!
//! Layout (all integers little-endian):
//! ```text
//! magic "SITRGAZ1" | n_places u32 | n_keys u32 | n_cands u32 | n_countries u32 | strings_len u32
//! places    n_places    × 28 bytes  lat f32, lon f32, population u32, geonames_id u32,
//!                                   name u32, admin1 u32 (string offsets), cc [u8;2], kind u8, flags u8
//! keys      n_keys      × 16 bytes  hash u64 (FNV-1a of the normalised key), first u32, count u32
//!                                   sorted by hash, for binary search
//! cands     n_cands     ×  4 bytes  place index, high bit set when the key is a demonym
//! countries n_countries × 26 bytes  alpha2 [u8;2], alpha3 [u8;3], pad u8, place u32,
//!                                   min_lat, min_lon, max_lat, max_lon f32
//! strings   strings_len bytes       each: len u16 then UTF-8 bytes
//! ```
//!
//! This file is also compiled into `build.rs` (via `#[path]`), so it uses only `std`.

use std::collections::HashMap;

pub const MAGIC: &[u8; 8] = b"SITRGAZ1";
pub const HEADER_LEN: usize = 8 + 5 * 4;
pub const PLACE_LEN: usize = 28;
pub const KEY_LEN: usize = 16;
pub const COUNTRY_LEN: usize = 26;
/// Set on a candidate when the key is a demonym ("Malian") rather than a name.
pub const DEMONYM_BIT: u32 = 1 << 31;

pub const KIND_COUNTRY: u8 = 0;
pub const KIND_REGION: u8 = 1;
pub const KIND_CITY: u8 = 2;
pub const KIND_POINT: u8 = 3;

/// A national capital.
pub const FLAG_CAPITAL: u8 = 1;
/// The seat of a first- or second-level administrative division.
pub const FLAG_ADMIN_SEAT: u8 = 2;
/// A city sitrep's curated list names as large or often in the news.
pub const FLAG_MAJOR: u8 = 4;
/// Coordinates are a rough centroid (regions built from their towns, ISO subdivisions).
pub const FLAG_ROUGH_COORDS: u8 = 8;
/// No coordinates known.
pub const FLAG_NO_COORDS: u8 = 16;

/// One place as given to the [`Builder`].
#[derive(Debug, Clone, Default)]
pub struct PlaceIn {
    pub name: String,
    pub admin1: String,
    pub cc: [u8; 2],
    pub lat: f32,
    pub lon: f32,
    pub kind: u8,
    pub flags: u8,
    pub population: u32,
    pub geonames_id: u32,
}

/// One country as given to the [`Builder`].
#[derive(Debug, Clone, Default)]
pub struct CountryIn {
    pub alpha2: [u8; 2],
    pub alpha3: [u8; 3],
    pub place: u32,
    /// min_lat, min_lon, max_lat, max_lon
    pub bbox: [f32; 4],
}

/// Collects places, keys and countries, then writes the blob.
#[derive(Debug, Default)]
pub struct Builder {
    pub places: Vec<PlaceIn>,
    pub countries: Vec<CountryIn>,
    /// normalised key → candidates (place index | DEMONYM_BIT)
    pub keys: HashMap<String, Vec<u32>>,
    /// Keys known only by their hash (copied from another index).
    pub hashed_keys: HashMap<u64, Vec<u32>>,
}

impl Builder {
    pub fn add_place(&mut self, p: PlaceIn) -> u32 {
        self.places.push(p);
        (self.places.len() - 1) as u32
    }

    /// Index `place` under the normalised form of `name`. Empty keys and repeats are ignored.
    pub fn add_key(&mut self, name: &str, place: u32, demonym: bool) {
        let key = crate::normalize::normalize(name);
        self.add_normalized_key(key, place, demonym);
    }

    pub fn add_normalized_key(&mut self, key: String, place: u32, demonym: bool) {
        if key.is_empty() {
            return;
        }
        let cand = if demonym { place | DEMONYM_BIT } else { place };
        let list = self.keys.entry(key).or_default();
        if !list.contains(&cand) {
            list.push(cand);
        }
    }

    /// Index `place` under a key known only by its hash.
    pub fn add_hashed_key(&mut self, hash: u64, place: u32, demonym: bool) {
        let cand = if demonym { place | DEMONYM_BIT } else { place };
        let list = self.hashed_keys.entry(hash).or_default();
        if !list.contains(&cand) {
            list.push(cand);
        }
    }

    /// Candidates already indexed under a normalised key.
    pub fn candidates(&self, key: &str) -> &[u32] {
        self.keys.get(key).map(|v| v.as_slice()).unwrap_or(&[])
    }

    pub fn write(&self) -> Vec<u8> {
        let mut strings: Vec<u8> = Vec::new();
        let mut interned: HashMap<&str, u32> = HashMap::new();
        let mut places = Vec::with_capacity(self.places.len() * PLACE_LEN);
        for p in &self.places {
            let name = intern(&mut interned, &mut strings, &p.name);
            let admin1 = intern(&mut interned, &mut strings, &p.admin1);
            places.extend_from_slice(&p.lat.to_le_bytes());
            places.extend_from_slice(&p.lon.to_le_bytes());
            places.extend_from_slice(&p.population.to_le_bytes());
            places.extend_from_slice(&p.geonames_id.to_le_bytes());
            places.extend_from_slice(&name.to_le_bytes());
            places.extend_from_slice(&admin1.to_le_bytes());
            places.extend_from_slice(&p.cc);
            places.push(p.kind);
            places.push(p.flags);
        }
        // Merge keys by hash: a 64-bit collision between two real keys is vanishingly rare,
        // and if it happens both keys simply share candidates.
        let mut by_hash: HashMap<u64, Vec<u32>> = HashMap::with_capacity(self.keys.len());
        for (k, v) in &self.keys {
            let list = by_hash.entry(crate::normalize::key_hash(k)).or_default();
            for c in v {
                if !list.contains(c) {
                    list.push(*c);
                }
            }
        }
        for (h, v) in &self.hashed_keys {
            let list = by_hash.entry(*h).or_default();
            for c in v {
                if !list.contains(c) {
                    list.push(*c);
                }
            }
        }
        let mut hashes: Vec<u64> = by_hash.keys().copied().collect();
        hashes.sort_unstable();
        let mut keys = Vec::with_capacity(hashes.len() * KEY_LEN);
        let mut cands: Vec<u8> = Vec::new();
        let mut n_cands: u32 = 0;
        for h in &hashes {
            let list = &by_hash[h];
            keys.extend_from_slice(&h.to_le_bytes());
            keys.extend_from_slice(&n_cands.to_le_bytes());
            keys.extend_from_slice(&(list.len() as u32).to_le_bytes());
            for c in list {
                cands.extend_from_slice(&c.to_le_bytes());
            }
            n_cands += list.len() as u32;
        }
        let mut countries = Vec::with_capacity(self.countries.len() * COUNTRY_LEN);
        for c in &self.countries {
            countries.extend_from_slice(&c.alpha2);
            countries.extend_from_slice(&c.alpha3);
            countries.push(0);
            countries.extend_from_slice(&c.place.to_le_bytes());
            for f in c.bbox {
                countries.extend_from_slice(&f.to_le_bytes());
            }
        }
        let mut out = Vec::with_capacity(
            HEADER_LEN + places.len() + keys.len() + cands.len() + countries.len() + strings.len(),
        );
        out.extend_from_slice(MAGIC);
        for n in [
            self.places.len() as u32,
            hashes.len() as u32,
            n_cands,
            self.countries.len() as u32,
            strings.len() as u32,
        ] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        out.extend_from_slice(&places);
        out.extend_from_slice(&keys);
        out.extend_from_slice(&cands);
        out.extend_from_slice(&countries);
        out.extend_from_slice(&strings);
        out
    }
}

/// Store `s` once in the string table and return its offset.
fn intern<'a>(interned: &mut HashMap<&'a str, u32>, strings: &mut Vec<u8>, s: &'a str) -> u32 {
    let s = truncate(s, u16::MAX as usize);
    if let Some(&o) = interned.get(s) {
        return o;
    }
    let o = strings.len() as u32;
    strings.extend_from_slice(&(s.len() as u16).to_le_bytes());
    strings.extend_from_slice(s.as_bytes());
    interned.insert(s, o);
    o
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Section offsets of a blob, computed once when it is opened.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub n_places: usize,
    pub n_keys: usize,
    pub n_cands: usize,
    pub n_countries: usize,
    pub places: usize,
    pub keys: usize,
    pub cands: usize,
    pub countries: usize,
    pub strings: usize,
    pub strings_len: usize,
}

#[inline]
pub fn read_u32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

#[inline]
pub fn read_u64(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

#[inline]
pub fn read_f32(b: &[u8], at: usize) -> f32 {
    f32::from_bits(read_u32(b, at))
}

impl Layout {
    /// Check the header and that every section fits. Errors say what is wrong.
    pub fn open(b: &[u8]) -> Result<Layout, String> {
        if b.len() < HEADER_LEN || &b[..8] != MAGIC {
            return Err("not a sitrep gazetteer index (bad magic; rebuild it with `sitrep gazetteer import`)".into());
        }
        let n = |i: usize| read_u32(b, 8 + 4 * i) as usize;
        let (n_places, n_keys, n_cands, n_countries, strings_len) = (n(0), n(1), n(2), n(3), n(4));
        let places = HEADER_LEN;
        let keys = places + n_places * PLACE_LEN;
        let cands = keys + n_keys * KEY_LEN;
        let countries = cands + n_cands * 4;
        let strings = countries + n_countries * COUNTRY_LEN;
        if strings + strings_len != b.len() {
            return Err(format!(
                "gazetteer index is truncated or corrupt: header says {} bytes, file has {}",
                strings + strings_len,
                b.len()
            ));
        }
        Ok(Layout {
            n_places,
            n_keys,
            n_cands,
            n_countries,
            places,
            keys,
            cands,
            countries,
            strings,
            strings_len,
        })
    }

    /// Range into `cands` for a key hash, by binary search over the sorted key table.
    pub fn find(&self, b: &[u8], hash: u64) -> Option<(usize, usize)> {
        let (mut lo, mut hi) = (0usize, self.n_keys);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let at = self.keys + mid * KEY_LEN;
            let h = read_u64(b, at);
            match h.cmp(&hash) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    return Some((read_u32(b, at + 8) as usize, read_u32(b, at + 12) as usize));
                }
            }
        }
        None
    }

    pub fn string<'a>(&self, b: &'a [u8], off: u32) -> &'a str {
        let at = self.strings + off as usize;
        let len = u16::from_le_bytes([b[at], b[at + 1]]) as usize;
        // Written from &str by Builder; a corrupt file yields "" rather than a panic.
        std::str::from_utf8(&b[at + 2..at + 2 + len]).unwrap_or("")
    }
}
