//! Codebooks: CAMEO, PLOVER and ACLED, and the mappings between them.
//! This crate knows nothing about text: it maps codes to codes.
//!
//! * [`cameo`]: every CAMEO 1.1b3 event code (plus three documented extensions) with
//!   sitrep's own description, its Goldstein value and quad class.
//! * [`plover`]: the CAMEO → PLOVER type/mode/context mapping (2021 conversion table, with
//!   the deliberate differences listed in `tests/plover_reference.rs`).
//! * [`acled`] / [`acled_with`]: ACLED event type, sub-event type and disorder type from the
//!   CAMEO code plus what is known about the actors (see the decision table in [`acled`]).
//!
//! The CAMEO and PLOVER data live in `data/cameo.tsv`, embedded at compile time and parsed
//! once on first use.

mod acled;
mod plover;
pub mod sector;
mod table;

pub use acled::{
    acled, acled_decision, acled_with, AcledDecision, AcledHints, AcledSubEvent, ActorSide, Weapon,
    ACLED_SUBTYPES,
};
pub use plover::{
    plover, plover_entry, plover_to_plv_label, plover_type, plover_types, PloverType,
    PLOVER_CONTEXTS, PLOVER_TYPES,
};

/// What sitrep knows about one CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoInfo {
    pub code: &'static str,
    pub description: &'static str,
    pub goldstein: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// `false` for the few codes sitrep adds beyond CAMEO 1.1b3 ("1213", "1214", "176"),
    /// which PETRARCH-style verb dictionaries use.
    pub standard: bool,
}

/// Look up a CAMEO event code ("190", "1823"). Unknown codes give `None`.
pub fn cameo(code: &str) -> Option<CameoInfo> {
    let row = table::row(code)?;
    Some(CameoInfo {
        code: row.code,
        description: row.description,
        goldstein: row.goldstein,
        quad_class: quad_class_of(row.code)?,
        standard: row.standard,
    })
}

/// Whether `code` is a CAMEO event code sitrep knows.
pub fn is_valid_cameo(code: &str) -> bool {
    table::row(code).is_some()
}

/// Every known CAMEO event code, in codebook order (roots before their children).
pub fn all_codes() -> impl Iterator<Item = &'static str> {
    let table: &'static table::Table = &table::TABLE;
    table.rows.iter().map(|r| r.code)
}

/// The closest known code: `code` itself, else its longest known prefix of at least two
/// digits ("1834" → "183"). For callers holding a code from an outside dictionary.
pub fn nearest_known(code: &str) -> Option<&'static str> {
    let code = code.trim();
    (2..=code.len().min(4))
        .rev()
        .find_map(|n| code.get(..n).and_then(|p| table::row(p)).map(|r| r.code))
}

/// Quad class from the two-digit root: 01-05 verbal cooperation (1), 06-08 material
/// cooperation (2), 09-14 verbal conflict (3), 15-20 material conflict (4). 09 (investigate)
/// is counted as verbal conflict, as PLOVER does (ACCUSE), although its GDELT grouping is
/// material cooperation: an investigation is adversarial and its Goldstein value is negative.
pub fn quad_class_of(code: &str) -> Option<u8> {
    let root: u8 = code.get(..2)?.parse().ok()?;
    match root {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=14 => Some(3),
        15..=20 => Some(4),
        _ => None,
    }
}

/// A malformed line in a codebook table.
#[derive(Debug, Clone, PartialEq)]
pub struct CodebookError {
    line: usize,
    message: String,
}

impl CodebookError {
    pub(crate) fn new(line: usize, message: String) -> Self {
        CodebookError { line, message }
    }
}

impl std::fmt::Display for CodebookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for CodebookError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_table_driven() {
        let cases: &[(&str, Option<(f32, u8)>)] = &[
            ("01", Some((0.0, 1))),
            ("010", Some((0.0, 1))),
            ("0214", Some((3.4, 1))),
            ("036", Some((4.0, 1))),
            ("057", Some((8.0, 1))),
            ("06", Some((6.0, 2))),
            ("0874", Some((10.0, 2))),
            ("090", Some((-2.0, 3))),
            ("1056", Some((-5.0, 3))),
            ("1246", Some((-4.0, 3))),
            ("145", Some((-7.5, 3))),
            ("154", Some((-7.2, 4))),
            ("173", Some((-5.0, 4))),
            ("1823", Some((-10.0, 4))),
            ("190", Some((-10.0, 4))),
            ("2042", Some((-10.0, 4))),
            (" 190 ", Some((-10.0, 4))),
            ("21", None),
            ("1834", None),
            ("19a", None),
            ("1", None),
            ("", None),
        ];
        for (code, want) in cases {
            let got = cameo(code).map(|c| (c.goldstein, c.quad_class));
            assert_eq!(got, *want, "code {code:?}");
        }
    }

    #[test]
    fn every_quad_class_is_present() {
        for quad in 1..=4 {
            assert!(
                all_codes().any(|c| cameo(c).unwrap().quad_class == quad),
                "quad {quad}"
            );
        }
    }

    #[test]
    fn goldstein_sign_follows_quad() {
        // CAMEO's own scale puts a few verbal-cooperation codes at or below zero: neutral
        // statements (01x) and appeals for reform or concessions (024x, 025x), which read as
        // pressure. Everything else in quads 1-2 is positive, everything in 3-4 negative.
        let neutral_or_pressure =
            |c: &str| c.starts_with("01") || c.starts_with("024") || c.starts_with("025");
        for code in all_codes() {
            let info = cameo(code).unwrap();
            match info.quad_class {
                1 | 2 if info.goldstein <= 0.0 => {
                    assert!(neutral_or_pressure(code), "{code}: {}", info.goldstein)
                }
                1 | 2 => {}
                _ => assert!(info.goldstein < 0.0, "{code}: {}", info.goldstein),
            }
        }
        // The exemption is narrow: the cooperation quads are positive on average.
        let coop: Vec<f32> = all_codes()
            .map(|c| cameo(c).unwrap())
            .filter(|i| i.quad_class <= 2)
            .map(|i| i.goldstein)
            .collect();
        assert!(coop.iter().sum::<f32>() / coop.len() as f32 > 2.0);
    }

    #[test]
    fn every_root_has_all_children_under_it() {
        // Each 3-digit code has its root, and each 4-digit code its 3-digit parent.
        for code in all_codes() {
            if code.len() > 2 {
                let parent = &code[..code.len() - 1];
                assert!(is_valid_cameo(parent), "{code} has no parent {parent}");
            }
        }
        let roots: Vec<_> = all_codes().filter(|c| c.len() == 2).collect();
        assert_eq!(roots.len(), 20);
    }

    #[test]
    fn extensions_are_marked() {
        let ext: Vec<_> = all_codes()
            .filter(|c| !cameo(c).unwrap().standard)
            .collect();
        assert_eq!(ext, vec!["1213", "1214", "176"]);
    }

    #[test]
    fn nearest_known_falls_back_to_parent() {
        assert_eq!(nearest_known("1834"), Some("183"));
        assert_eq!(nearest_known("190"), Some("190"));
        assert_eq!(nearest_known("99"), None);
        assert_eq!(nearest_known("x"), None);
    }
}
