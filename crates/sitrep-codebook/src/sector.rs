//! CAMEO role (sector) codes: the one list sitrep knows, with the ACLED interaction code
//! each implies by default. The actor dictionaries validate against it and the ACLED
//! decision table classifies the same codes (a test keeps the two in step).

/// (role code, default ACLED interaction code). Interaction codes: 1 State forces, 2 Rebel
/// groups, 3 Political militias, 4 Identity militias, 5 Rioters, 6 Protesters, 7 Civilians,
/// 8 External/Other forces. `None`: the role alone does not decide it (an opposition
/// politician is neither a protester nor a civilian by definition).
pub const SECTORS: &[(&str, Option<u8>)] = &[
    ("GOV", Some(1)),
    ("MIL", Some(1)),
    ("COP", Some(1)),
    ("JUD", Some(1)),
    ("LEG", Some(1)),
    ("SPY", Some(1)),
    ("ELI", None),
    ("REB", Some(2)),
    ("INS", Some(2)),
    ("SEP", Some(2)),
    ("IMG", Some(2)),
    ("UAF", Some(3)),
    ("CRM", Some(3)),
    ("PRM", Some(3)),
    ("OPP", None),
    ("PTY", None),
    ("MED", Some(7)),
    ("JRN", Some(7)),
    ("CVL", Some(7)),
    ("REF", Some(7)),
    ("BUS", Some(7)),
    ("NGO", Some(7)),
    ("NGM", Some(7)),
    ("LAB", Some(7)),
    ("EDU", Some(7)),
    ("HLH", Some(7)),
    ("REL", Some(7)),
    ("AGR", Some(7)),
    ("DEV", Some(7)),
    ("HRI", Some(7)),
    ("ENV", Some(7)),
    ("SOC", Some(7)),
    ("MNC", Some(8)),
    ("IGO", Some(8)),
    ("PKO", Some(8)),
    ("PRO", Some(6)),
];

/// Whether `code` is a role code sitrep knows.
pub fn is_sector(code: &str) -> bool {
    SECTORS.iter().any(|(c, _)| *c == code)
}

/// The ACLED interaction code a role implies when nothing more specific is known.
pub fn default_inter(sector: &str) -> Option<u8> {
    SECTORS.iter().find(|(c, _)| *c == sector).and_then(|(_, i)| *i)
}
