//! CAMEO role (sector) codes and the ACLED interaction code each implies by default.

/// Known CAMEO role codes with their default ACLED interaction code (1 State forces,
/// 2 Rebel groups, 3 Political militias, 4 Identity militias, 5 Rioters, 6 Protesters,
/// 7 Civilians, 8 External/Other forces). `None`: the role alone does not decide it
/// (an opposition politician is neither a protester nor a civilian by definition).
const SECTORS: &[(&str, Option<u8>)] = &[
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
    ("UAF", Some(3)),
    ("CRM", Some(3)),
    ("OPP", None),
    ("PTY", None),
    ("MED", Some(7)),
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
    ("MNC", Some(8)),
    ("IGO", Some(8)),
    ("IMG", Some(2)),
    ("PRO", Some(6)),
];

/// Whether `code` is a role code sitrep knows.
pub fn is_sector(code: &str) -> bool {
    SECTORS.iter().any(|(c, _)| *c == code)
}

/// The ACLED interaction code a role implies when the entry does not say otherwise.
pub fn default_inter(sector: &str) -> Option<u8> {
    SECTORS
        .iter()
        .find(|(c, _)| *c == sector)
        .and_then(|(_, i)| *i)
}

/// Sectors of non-state armed actors: "the group" may refer back to any of them, and as
/// modifiers they override a military head ("rebel forces" are rebels).
pub fn is_armed_non_state(sector: &str) -> bool {
    matches!(sector, "REB" | "INS" | "SEP" | "UAF" | "CRM" | "IMG")
}

/// Sectors that stay international: an unqualified "aid worker" is not given the
/// article's country.
pub fn is_international(sector: &str) -> bool {
    matches!(sector, "IGO" | "NGO" | "MNC")
}

/// Append a role to a base code unless the base already ends with it
/// ("SDN" + "MIL" = "SDNMIL", "AFGREB" + "REB" = "AFGREB").
pub fn compose(base: &str, role: &str) -> String {
    if role.is_empty() || base.ends_with(role) {
        base.to_string()
    } else {
        format!("{base}{role}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn table() {
        for (sector, inter) in [
            ("MIL", Some(1)),
            ("REB", Some(2)),
            ("UAF", Some(3)),
            ("CVL", Some(7)),
            ("IGO", Some(8)),
            ("OPP", None),
        ] {
            assert_eq!(default_inter(sector), inter, "{sector}");
            assert!(is_sector(sector));
        }
        assert!(!is_sector("XYZ"));
        assert_eq!(compose("SDN", "MIL"), "SDNMIL");
        assert_eq!(compose("AFGREB", "REB"), "AFGREB");
        assert_eq!(compose("IGOUNO", "MIL"), "IGOUNOMIL");
        assert_eq!(compose("USA", ""), "USA");
    }
}
