//! `sitrep gazetteer import`: build a fuller index from a GeoNames dump.
//!
//! Reads `allCountries.txt` or `citiesNNN.txt` (tab-separated: geonameid, name, asciiname,
//! alternatenames, latitude, longitude, feature class, feature code, country code, cc2,
//! admin1, admin2, admin3, admin4, population, elevation, dem, timezone, modification date)
//! and optionally `alternateNamesV2.txt` (alternateNameId, geonameid, isolanguage, name,
//! isPreferredName, isShortName, isColloquial, isHistoric, from, to). Countries, demonyms and
//! sitrep's English country names come from the embedded index, so an imported index reads
//! "Malian" and "DRC" the same way.

use crate::format::{self, Builder, CountryIn, PlaceIn};
use crate::gazetteer::{Gazetteer, GazetteerError, PlaceKind};
use crate::normalize::{self, admin_short_forms, without_arabic_article, ARABIC_NAME_COUNTRIES};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

/// What an import read and wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportStats {
    /// Lines read from the main dump.
    pub lines: usize,
    /// Places kept (populated places, administrative divisions, some areas and sites).
    pub places: usize,
    /// Lines skipped: other feature classes or unreadable lines.
    pub skipped: usize,
    /// Alternate names indexed (from the main dump's column and alternateNamesV2).
    pub alternate_names: usize,
    pub countries: usize,
    /// Distinct name keys in the written index.
    pub keys: usize,
    pub bytes: usize,
}

impl std::fmt::Display for ImportStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} places kept of {} lines ({} skipped), {} alternate names, {} countries, {} name keys, {} bytes",
            self.places, self.lines, self.skipped, self.alternate_names, self.countries, self.keys, self.bytes
        )
    }
}

/// Feature codes kept besides classes P (populated places) and A (administrative divisions):
/// areas, islands, and sites that conflict reports name.
const EXTRA_FEATURES: &[&str] = &[
    "L.RGN", "L.AREA", "L.OAS", "L.PRK", "L.MILB", "L.PEN", "T.ISL", "T.ISLS", "T.PEN", "T.VAL",
    "T.DSRT", "T.MT", "T.PASS", "S.AIRP", "S.AIRF", "S.AIRB", "S.CMPRF", "S.CMP", "S.PRN", "S.BDG",
    "S.PS", "S.DAM", "S.OILR", "S.MSQE", "S.HSP", "S.PRT", "S.MKT", "S.BDG", "S.UNIV", "S.STDM",
    "S.INSM", "S.CSTL", "S.PAL", "S.RUIN", "H.LK", "H.STM", "H.BAY", "H.STRT", "H.CNL",
];

fn err(msg: String) -> GazetteerError {
    GazetteerError::new(msg)
}

/// Build an index from a GeoNames dump (and, optionally, its alternate names) and write it
/// to `out` for `Gazetteer::load` / `--gazetteer`.
pub fn import_geonames(
    main: &Path,
    alternate_names: Option<&Path>,
    out: &Path,
) -> Result<ImportStats, GazetteerError> {
    let embedded = Gazetteer::embedded();
    let mut b = Builder::default();
    let mut stats = ImportStats::default();

    // Countries and their names from the embedded index.
    let mut country_place: HashMap<[u8; 2], u32> = HashMap::new();
    for c in embedded.countries() {
        let p = embedded.place(c.place);
        let idx = b.add_place(PlaceIn {
            name: p.name.to_string(),
            admin1: String::new(),
            cc: p.cc,
            lat: p.lat.unwrap_or(0.0),
            lon: p.lon.unwrap_or(0.0),
            kind: format::KIND_COUNTRY,
            flags: 0,
            population: p.population,
            geonames_id: 0,
        });
        let a3 = c.alpha3.as_bytes();
        b.countries.push(CountryIn {
            alpha2: c.alpha2,
            alpha3: [a3[0], a3[1], a3[2]],
            place: idx,
            bbox: c.bbox,
        });
        country_place.insert(c.alpha2, idx);
    }
    stats.countries = b.countries.len();

    // Main dump.
    let file = std::fs::File::open(main)
        .map_err(|e| err(format!("cannot open {}: {e}", main.display())))?;
    let mut by_gid: HashMap<u32, u32> = HashMap::new();
    // (cc, admin1 code) → admin1 name, filled from ADM1 rows.
    let mut admin1_names: HashMap<([u8; 2], String), String> = HashMap::new();
    let mut admin1_code_of: Vec<String> = Vec::new();
    for (ln, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| err(format!("{} line {}: {e}", main.display(), ln + 1)))?;
        stats.lines += 1;
        if line.starts_with('#') || line.trim().is_empty() {
            stats.skipped += 1;
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 15 {
            stats.skipped += 1;
            continue;
        }
        let (Ok(gid), Ok(lat), Ok(lon)) = (
            f[0].parse::<u32>(),
            f[4].parse::<f32>(),
            f[5].parse::<f32>(),
        ) else {
            stats.skipped += 1;
            continue;
        };
        let class = f[6];
        let code = f[7];
        let feature = format!("{class}.{code}");
        let cc = cc_bytes(f[8]);
        let population: u32 = f[14].parse::<u64>().unwrap_or(0).min(u32::MAX as u64) as u32;
        let kind = match (class, code) {
            ("A", c) if c.starts_with("PCL") => PlaceKind::Country,
            ("A", _) => PlaceKind::Region,
            ("P", _) => PlaceKind::City,
            _ if EXTRA_FEATURES.contains(&feature.as_str()) => match class {
                "S" => PlaceKind::Point,
                _ => PlaceKind::Region,
            },
            _ => {
                stats.skipped += 1;
                continue;
            }
        };
        if kind == PlaceKind::Country {
            // Keep the embedded country (names, demonyms, extent); take GeoNames' id and count.
            if let Some(&idx) = country_place.get(&cc) {
                let p = &mut b.places[idx as usize];
                if p.geonames_id == 0
                    && matches!(code, "PCLI" | "PCLIX" | "PCLD" | "PCLF" | "PCLS" | "PCL")
                {
                    p.geonames_id = gid;
                    p.population = p.population.max(population);
                    by_gid.insert(gid, idx);
                }
                continue;
            }
        }
        if code == "ADM1" {
            admin1_names.insert((cc, f[10].to_string()), f[1].to_string());
        }
        let flags = match code {
            "PPLC" => format::FLAG_CAPITAL,
            "PPLA" | "PPLA2" => format::FLAG_ADMIN_SEAT,
            _ => 0,
        };
        let idx = b.add_place(PlaceIn {
            name: f[1].to_string(),
            admin1: String::new(),
            cc,
            lat,
            lon,
            kind: match kind {
                PlaceKind::Country => format::KIND_COUNTRY,
                PlaceKind::Region => format::KIND_REGION,
                PlaceKind::City => format::KIND_CITY,
                PlaceKind::Point => format::KIND_POINT,
            },
            flags,
            population,
            geonames_id: gid,
        });
        admin1_code_of.resize(idx as usize + 1, String::new());
        admin1_code_of[idx as usize] = f[10].to_string();
        by_gid.insert(gid, idx);
        stats.places += 1;
        let admin = kind == PlaceKind::Region;
        index(&mut b, f[1], cc, idx, admin);
        if f[2] != f[1] {
            index(&mut b, f[2], cc, idx, admin);
        }
        for alt in f[3].split(',').filter(|a| usable_alternate(a)) {
            index(&mut b, alt, cc, idx, false);
            stats.alternate_names += 1;
        }
    }
    for (i, code) in admin1_code_of.iter().enumerate() {
        if code.is_empty() {
            continue;
        }
        let cc = b.places[i].cc;
        if let Some(name) = admin1_names.get(&(cc, code.clone())) {
            b.places[i].admin1 = name.clone();
        }
    }

    // Alternate names: English, unlabelled and abbreviations; not links, codes or postcodes.
    if let Some(path) = alternate_names {
        let file = std::fs::File::open(path)
            .map_err(|e| err(format!("cannot open {}: {e}", path.display())))?;
        for (ln, line) in BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| err(format!("{} line {}: {e}", path.display(), ln + 1)))?;
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 4 {
                continue;
            }
            let Ok(gid) = f[1].parse::<u32>() else {
                continue;
            };
            let Some(&idx) = by_gid.get(&gid) else {
                continue;
            };
            if !matches!(f[2], "" | "en" | "abbr") || !usable_alternate(f[3]) {
                continue;
            }
            let colloquial = f.get(6) == Some(&"1");
            if colloquial {
                continue;
            }
            let cc = b.places[idx as usize].cc;
            index(&mut b, f[3], cc, idx, false);
            stats.alternate_names += 1;
        }
    }

    // sitrep's country names and demonyms, as in the embedded index.
    copy_country_keys(&embedded, &mut b, &country_place);

    let blob = b.write();
    stats.keys = format::Layout::open(&blob).map(|l| l.n_keys).unwrap_or(0);
    stats.bytes = blob.len();
    let tmp = out.with_extension("tmp");
    let mut f = std::fs::File::create(&tmp)
        .map_err(|e| err(format!("cannot create {}: {e}", tmp.display())))?;
    f.write_all(&blob)
        .map_err(|e| err(format!("cannot write {}: {e}", tmp.display())))?;
    drop(f);
    std::fs::rename(&tmp, out).map_err(|e| {
        err(format!(
            "cannot move {} to {}: {e}",
            tmp.display(),
            out.display()
        ))
    })?;
    Ok(stats)
}

/// Alternate names worth a key: not URLs, codes or non-Latin scripts English text never uses.
fn usable_alternate(a: &str) -> bool {
    let a = a.trim();
    !a.is_empty()
        && a.len() <= 80
        && !a.starts_with("http")
        && !a
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        && a.chars()
            .all(|c| c.is_ascii() || (c as u32) < 0x250 || !c.is_alphabetic())
}

fn index(b: &mut Builder, name: &str, cc: [u8; 2], idx: u32, admin: bool) {
    let key = normalize::normalize(name);
    if key.is_empty() {
        return;
    }
    let arabic = ARABIC_NAME_COUNTRIES.contains(&std::str::from_utf8(&cc).unwrap_or(""));
    let mut keys = vec![key.clone()];
    if admin {
        keys.extend(admin_short_forms(&key));
    }
    for k in keys {
        if arabic {
            if let Some(short) = without_arabic_article(&k) {
                b.add_normalized_key(short.to_string(), idx, false);
            }
        }
        b.add_normalized_key(k, idx, false);
    }
}

/// Every key under which the embedded index lists a country (names, sitrep's English names,
/// demonyms) also leads to the imported country entry.
fn copy_country_keys(embedded: &Gazetteer, b: &mut Builder, country_place: &HashMap<[u8; 2], u32>) {
    let by_place: HashMap<u32, u32> = embedded
        .countries()
        .iter()
        .filter_map(|c| Some((c.place, *country_place.get(&c.alpha2)?)))
        .collect();
    for (hash, cand) in embedded.raw_keys() {
        if let Some(&idx) = by_place.get(&cand.place) {
            b.add_hashed_key(hash, idx, cand.demonym);
        }
    }
}

fn cc_bytes(s: &str) -> [u8; 2] {
    let b = s.as_bytes();
    if b.len() == 2 {
        [b[0], b[1]]
    } else {
        *b"ZZ"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A few lines in GeoNames' dump format, written for this test (the ids are made up).
    const DUMP: &str = "\
9000001\tHyderabad\tHyderabad\tHaidarabad,Hyderabad City\t17.38405\t78.45636\tP\tPPLA\tIN\t\t40\t\t\t\t6809970\t\t536\tAsia/Kolkata\t2024-01-01
9000002\tHyderabad\tHyderabad\tHaidarabad\t25.39242\t68.37366\tP\tPPLA2\tPK\t\t05\t\t\t\t1732693\t\t13\tAsia/Karachi\t2024-01-01
9000003\tSindh\tSindh\tSind\t26.13333\t68.76667\tA\tADM1\tPK\t\t05\t\t\t\t47886051\t\t100\tAsia/Karachi\t2024-01-01
9000004\tTelangana\tTelangana\t\t17.5\t79.0\tA\tADM1\tIN\t\t40\t\t\t\t35193978\t\t500\tAsia/Kolkata\t2024-01-01
9000005\tIslamic Republic of Pakistan\tIslamic Republic of Pakistan\tPakistan\t30\t70\tA\tPCLI\tPK\t\t00\t\t\t\t220892331\t\t900\tAsia/Karachi\t2024-01-01
9000006\tMount Imaginary\tMount Imaginary\t\t30.1\t70.1\tT\tMT\tPK\t\t05\t\t\t\t0\t\t4000\tAsia/Karachi\t2024-01-01
9000007\tKhe Sanh Airstrip\tKhe Sanh Airstrip\t\t16.6\t106.7\tS\tAIRF\tVN\t\t\t\t\t\t0\t\t\t\t2024-01-01
9000008\tSpring Creek\tSpring Creek\t\t40\t-100\tH\tSTM\tUS\t\t\t\t\t\t0\t\t\t\t2024-01-01
this line is not a geonames row
";
    const ALT: &str = "\
1\t9000002\ten\tHyderabad Sindh\t\t\t\t\t\t
2\t9000002\tlink\thttps://en.wikipedia.org/wiki/Hyderabad,_Sindh\t\t\t\t\t\t
3\t9000002\tur\tحیدرآباد\t\t\t\t\t\t
4\t9000003\ten\tSindh Province\t\t\t\t\t\t
";

    #[test]
    fn imports_a_small_dump() {
        let dir = std::env::temp_dir().join(format!("sitrep-places-import-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let main = dir.join("cities.txt");
        let alt = dir.join("alternateNamesV2.txt");
        let out = dir.join("gazetteer.idx");
        std::fs::write(&main, DUMP).unwrap();
        std::fs::write(&alt, ALT).unwrap();
        let stats = import_geonames(&main, Some(&alt), &out).unwrap();
        assert_eq!(stats.lines, 9);
        // two cities, two regions, one airfield; the mountain is kept (T.MT), the stream too
        assert_eq!(stats.places, 7, "{stats:?}");
        assert_eq!(stats.skipped, 1);
        assert!(stats.countries >= 245);

        let g = Gazetteer::load(&out).unwrap();
        let hyd: Vec<_> = g.lookup("Hyderabad").map(|c| g.place(c.place)).collect();
        assert_eq!(hyd.len(), 2);
        let pk = hyd.iter().find(|p| p.cc == *b"PK").unwrap();
        assert_eq!(pk.population, 1_732_693);
        assert_eq!(pk.geonames_id, Some(9_000_002));
        assert_eq!(pk.admin1, "Sindh");
        assert!(pk.is_admin_seat());
        // alternate names: English yes, links and other scripts no
        assert!(g.lookup("Hyderabad Sindh").any(|c| c.place == pk.index));
        assert!(g
            .lookup("Sindh Province")
            .any(|c| g.place(c.place).name == "Sindh"));
        assert_eq!(
            g.lookup("https://en.wikipedia.org/wiki/Hyderabad,_Sindh")
                .count(),
            0
        );
        assert!(g.lookup("Haidarabad").count() >= 2);
        // countries come from the embedded index with their names and demonyms
        let pak = g
            .lookup("Pakistan")
            .map(|c| g.place(c.place))
            .find(|p| p.kind == PlaceKind::Country)
            .unwrap();
        assert_eq!(pak.geonames_id, Some(9_000_005));
        assert!(g.lookup("Pakistani").any(|c| c.demonym));
        assert!(g.lookup("DRC").any(|c| g.place(c.place).cc == *b"CD"));
        let air = g
            .lookup("Khe Sanh Airstrip")
            .map(|c| g.place(c.place))
            .next()
            .unwrap();
        assert_eq!(air.kind, PlaceKind::Point);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn missing_file_is_an_error_that_names_it() {
        let e = import_geonames(
            Path::new("/nonexistent/allCountries.txt"),
            None,
            Path::new("/tmp/x.idx"),
        )
        .unwrap_err();
        assert!(e.to_string().contains("/nonexistent/allCountries.txt"));
    }
}
