//! PLOVER (2021 manual, draft 0.8): the 16 event types, their quad categories and modes,
//! the general contexts, and the CAMEO → PLOVER mapping from the embedded table.

use sitrep_core::Plover;

/// One PLOVER event type with the modes the manual allows for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PloverType {
    pub name: &'static str,
    /// The manual's quad category: 1 verbal cooperation, 2 material cooperation,
    /// 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Allowed `mode` values; empty where the manual defines none.
    pub modes: &'static [&'static str],
}

const REQUEST_REJECT_MODES: &[&str] = &["assist", "change", "yield", "meet"];

/// All 16 PLOVER types, in the manual's order.
pub const PLOVER_TYPES: [PloverType; 16] = [
    PloverType {
        name: "AGREE",
        quad_class: 1,
        modes: &[],
    },
    PloverType {
        name: "CONSULT",
        quad_class: 1,
        modes: &["visit", "third-party", "multilateral", "phone"],
    },
    PloverType {
        name: "SUPPORT",
        quad_class: 1,
        modes: &[],
    },
    PloverType {
        name: "CONCEDE",
        quad_class: 1,
        modes: &[],
    },
    PloverType {
        name: "COOPERATE",
        quad_class: 2,
        modes: &[],
    },
    PloverType {
        name: "AID",
        quad_class: 2,
        modes: &[],
    },
    PloverType {
        name: "RETREAT",
        quad_class: 2,
        modes: &[
            "withdraw",
            "release",
            "disarm",
            "ceasefire",
            "access",
            "resign",
        ],
    },
    PloverType {
        name: "REQUEST",
        quad_class: 3,
        modes: REQUEST_REJECT_MODES,
    },
    PloverType {
        name: "ACCUSE",
        quad_class: 3,
        modes: &["disapprove", "investigate", "allege"],
    },
    PloverType {
        name: "REJECT",
        quad_class: 3,
        modes: REQUEST_REJECT_MODES,
    },
    PloverType {
        name: "THREATEN",
        quad_class: 3,
        modes: &[
            "restrict",
            "arrest",
            "relations",
            "expel",
            "territory",
            "violence",
        ],
    },
    PloverType {
        name: "PROTEST",
        quad_class: 4,
        modes: &[
            "demo",
            "riot",
            "strike",
            "hunger",
            "boycott",
            "obstruct",
            "vandalize",
        ],
    },
    PloverType {
        name: "SANCTION",
        quad_class: 4,
        modes: &["convict", "expel", "withdraw", "discontinue"],
    },
    PloverType {
        name: "MOBILIZE",
        quad_class: 4,
        modes: &["troops", "weapons", "police", "militia"],
    },
    PloverType {
        name: "COERCE",
        quad_class: 4,
        modes: &[
            "seize",
            "restrict",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        ],
    },
    PloverType {
        name: "ASSAULT",
        quad_class: 4,
        modes: &[
            "abduct",
            "beat",
            "torture",
            "sexual",
            "targeted",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "unconventional",
        ],
    },
];

/// The manual's general contexts, usable with any type.
pub const PLOVER_CONTEXTS: &[&str] = &[
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
];

/// All PLOVER types.
pub fn plover_types() -> &'static [PloverType] {
    &PLOVER_TYPES
}

/// Look up a PLOVER type by name (upper case, as in the manual).
pub fn plover_type(name: &str) -> Option<&'static PloverType> {
    PLOVER_TYPES.iter().find(|t| t.name == name)
}

/// The PLOVER type, mode and context for a CAMEO code.
///
/// `None` for unknown codes and for the CAMEO 01 statements PLOVER drops (comments,
/// claims of responsibility, symbolic acts). sitrep keeps three 01 codes that carry an
/// event ("016" deny → REJECT, "018" condolences and "019" accord → SUPPORT) and codes
/// the CAMEO 02 appeals as REQUEST, since PLOVER's REQUEST covers all requests.
pub fn plover(code: &str) -> Option<Plover> {
    let row = crate::table::row(code)?;
    let kind = row.plover_type?;
    Some(Plover {
        kind: kind.to_string(),
        mode: row.plover_mode.map(str::to_string),
        context: row.plover_context.iter().map(|c| c.to_string()).collect(),
    })
}

/// The PLOVER mapping of a CAMEO code without allocating: type, mode and contexts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PloverEntry {
    pub kind: &'static str,
    pub mode: Option<&'static str>,
    pub context: &'static [&'static str],
}

/// [`plover`] as borrowed static strings, for hot paths that only compare or count.
pub fn plover_entry(code: &str) -> Option<PloverEntry> {
    let row = crate::table::row(code)?;
    Some(PloverEntry {
        kind: row.plover_type?,
        mode: row.plover_mode,
        context: &row.plover_context,
    })
}

/// The label the PLV sentence corpus uses for a PLOVER type: it predates the split of
/// YIELD into CONCEDE (verbal) and RETREAT (material), so both become "YIELD".
pub fn plover_to_plv_label(kind: &str) -> &str {
    match kind {
        "CONCEDE" | "RETREAT" => "YIELD",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::TABLE;

    #[test]
    fn table_driven_mappings() {
        type Want = Option<(&'static str, Option<&'static str>, &'static [&'static str])>;
        let cases: &[(&str, Want)] = &[
            ("010", None),
            ("015", None),
            ("016", Some(("REJECT", None, &[]))),
            (
                "0233",
                Some(("REQUEST", Some("assist"), &["human_security"])),
            ),
            ("036", Some(("AGREE", None, &["diplomatic"]))),
            ("042", Some(("CONSULT", Some("visit"), &[]))),
            ("057", Some(("SUPPORT", None, &["diplomatic"]))),
            ("073", Some(("AID", None, &["human_security"]))),
            ("0831", Some(("CONCEDE", None, &["political_institutions"]))),
            ("0871", Some(("RETREAT", Some("ceasefire"), &["military"]))),
            (
                "094",
                Some(("ACCUSE", Some("investigate"), &["military", "legal"])),
            ),
            ("1053", Some(("REQUEST", Some("yield"), &["legal"]))),
            ("125", Some(("REJECT", Some("meet"), &["diplomatic"]))),
            ("1384", Some(("THREATEN", Some("violence"), &["military"]))),
            (
                "1413",
                Some(("PROTEST", Some("demo"), &["rights_freedoms"])),
            ),
            ("154", Some(("MOBILIZE", Some("troops"), &["military"]))),
            (
                "163",
                Some(("SANCTION", Some("discontinue"), &["economic"])),
            ),
            ("173", Some(("COERCE", Some("arrest"), &["legal"]))),
            ("1831", Some(("ASSAULT", Some("suicide-attack"), &[]))),
            ("195", Some(("ASSAULT", Some("aerial"), &["military"]))),
            ("2041", Some(("ASSAULT", Some("unconventional"), &["cbrn"]))),
            ("999", None),
            ("", None),
        ];
        for (code, want) in cases {
            let got = plover(code);
            let got = got.as_ref().map(|p| {
                (
                    p.kind.as_str(),
                    p.mode.as_deref(),
                    p.context.iter().map(String::as_str).collect::<Vec<_>>(),
                )
            });
            let want = want.map(|(k, m, c)| (k, m, c.to_vec()));
            assert_eq!(got, want, "code {code}");
        }
    }

    #[test]
    fn every_plover_type_is_reachable() {
        for t in &PLOVER_TYPES {
            assert!(
                TABLE.rows.iter().any(|r| r.plover_type == Some(t.name)),
                "no CAMEO code maps to {}",
                t.name
            );
        }
    }

    #[test]
    fn modes_and_contexts_are_from_the_manual() {
        for r in &TABLE.rows {
            if let (Some(kind), Some(mode)) = (r.plover_type, r.plover_mode) {
                let t = plover_type(kind).unwrap();
                assert!(
                    t.modes.contains(&mode),
                    "{}: mode {mode} is not a {kind} mode",
                    r.code
                );
            }
            for c in &r.plover_context {
                assert!(
                    PLOVER_CONTEXTS.contains(c),
                    "{}: unknown context {c}",
                    r.code
                );
            }
        }
    }

    #[test]
    fn plover_quad_matches_cameo_quad_except_documented_roots() {
        // PLOVER puts three CAMEO families in a different quad: 02 appeals (verbal
        // cooperation) become REQUEST (verbal conflict); CAMEO's material 08 YIELD splits into
        // CONCEDE (verbal) and RETREAT (material); 14 protests are material conflict in PLOVER.
        // 01 has only a few mapped codes, which follow their PLOVER type.
        let exempt_roots = ["01", "02", "08", "14"];
        for r in &TABLE.rows {
            let Some(kind) = r.plover_type else { continue };
            if exempt_roots.contains(&&r.code[..2]) {
                continue;
            }
            let cameo_quad = crate::quad_class_of(r.code).unwrap();
            assert_eq!(
                plover_type(kind).unwrap().quad_class,
                cameo_quad,
                "{} -> {kind}",
                r.code
            );
        }
    }

    #[test]
    fn entry_agrees_with_owned_form() {
        for code in crate::all_codes() {
            let owned = plover(code);
            let entry = plover_entry(code);
            assert_eq!(owned.is_some(), entry.is_some(), "{code}");
            if let (Some(o), Some(e)) = (owned, entry) {
                assert_eq!(
                    (o.kind.as_str(), o.mode.as_deref()),
                    (e.kind, e.mode),
                    "{code}"
                );
                assert_eq!(
                    o.context,
                    e.context.iter().map(|c| c.to_string()).collect::<Vec<_>>()
                );
            }
        }
    }

    #[test]
    fn plv_labels() {
        assert_eq!(plover_to_plv_label("RETREAT"), "YIELD");
        assert_eq!(plover_to_plv_label("CONCEDE"), "YIELD");
        assert_eq!(plover_to_plv_label("ASSAULT"), "ASSAULT");
    }
}
