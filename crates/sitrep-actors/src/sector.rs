//! Role (sector) helpers for actor coding. The list of role codes and their default ACLED
//! interaction codes lives in `sitrep_codebook::sector`.

pub use sitrep_codebook::sector::{default_inter, is_sector};

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
/// ("SDN" + "MIL" = "SDNMIL", "AFGREB" + "REB" = "AFGREB"), or is an international body
/// of that kind already ("IGOUNO" + "IGO" = "IGOUNO": a UN official is the UN). An
/// international body's envoys and officials are the body itself ("UN envoy" = "IGOUNO"):
/// it has no government of its own.
pub fn compose(base: &str, role: &str) -> String {
    let same_kind = is_international(role) && base.starts_with(role);
    let official_of_body = role == "GOV" && base.len() > 3 && is_international(&base[..3]);
    if role.is_empty() || base.ends_with(role) || same_kind || official_of_body {
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
        assert_eq!(compose("IGOUNO", "IGO"), "IGOUNO");
        assert_eq!(compose("NGOHRIAMN", "NGO"), "NGOHRIAMN");
        assert_eq!(compose("IGOUNO", "GOV"), "IGOUNO");
        assert_eq!(compose("IGOWSTNAT", "GOV"), "IGOWSTNAT");
    }
}
