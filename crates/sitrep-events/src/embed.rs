//! CAMEO codes for statements about other actions. CAMEO indexes intent (03), demand (10),
//! rejection (12) and threat (13) by the action concerned: "agreed to release" is 0353,
//! "demanded the release" 1053, "refused to release" 1243, "threatened to attack" 1384.
//! These tables follow the CAMEO 1.1b3 manual.

use crate::lexicon::Complement;

/// The code of a governing statement of kind `kind`, given the code `governed` of the action
/// it concerns. Returns `None` when CAMEO has no finer code for that combination.
pub fn embed(kind: Complement, governed: &str) -> Option<String> {
    embed_static(kind, governed).map(str::to_string).or_else(|| match (kind, governed.get(..2)?) {
        // an order to arrest, investigate, attack… is the authority acting
        (Complement::Order, "09" | "15" | "16" | "17" | "18" | "19" | "20") => Some(governed.to_string()),
        _ => None,
    })
}

fn embed_static(kind: Complement, governed: &str) -> Option<&'static str> {
    let root = governed.get(..2)?;
    let c = governed;
    Some(match kind {
        Complement::Intent => match root {
            "06" => match c {
                "061" => "0311",
                "062" => "0312",
                "063" => "0313",
                "064" => "0314",
                _ => "031",
            },
            "05" => "032",
            "07" => match c {
                "071" => "0331",
                "072" => "0332",
                "073" => "0333",
                "074" => "0334",
                _ => "033",
            },
            "08" => match c {
                "081" | "0811" | "0812" => "0351",
                "082" => "0352",
                "084" | "0841" | "0842" => "0353",
                "085" => "0354",
                "086" | "0861" | "0862" | "0863" => "0355",
                "087" | "0871" | "0872" | "0873" | "0874" => "0356",
                _ => "035",
            },
            "04" => match c {
                "045" => "039",
                _ => "036",
            },
            _ => return None,
        },
        Complement::Request => match root {
            "06" => "101",
            "05" => "102",
            "07" => match c {
                "071" => "1031",
                "072" => "1032",
                "073" => "1033",
                "074" => "1034",
                _ => "103",
            },
            "08" => match c {
                "081" | "0811" | "0812" => "1051",
                "082" => "1052",
                "084" | "0841" | "0842" => "1053",
                "085" => "1054",
                "086" | "0861" | "0862" | "0863" => "1055",
                "087" | "0871" | "0872" | "0873" | "0874" => "1056",
                "083" | "0831" | "0832" | "0833" | "0834" => "104",
                _ => "105",
            },
            "04" => match c {
                "045" => "108",
                _ => "106",
            },
            "09" => "101",
            _ => return None,
        },
        Complement::Reject => match root {
            "06" => "121",
            "07" => "122",
            "08" => match c {
                "081" | "0811" | "0812" => "1241",
                "082" => "1242",
                "084" | "0841" | "0842" => "1243",
                "085" => "1244",
                "086" | "0861" | "0862" | "0863" => "1245",
                "087" | "0871" | "0872" | "0873" | "0874" => "1246",
                "083" | "0831" | "0832" | "0833" | "0834" => "123",
                _ => "124",
            },
            "04" => match c {
                "045" => "126",
                _ => "125",
            },
            _ => return None,
        },
        Complement::Threaten => match root {
            "16" => match c {
                "161" => "1313",
                "162" | "1621" | "1622" | "1623" => "1311",
                "163" => "1312",
                "164" => "134",
                "165" => "135",
                "166" | "1661" | "1662" | "1663" => "136",
                _ => "131",
            },
            "17" => match c {
                "1721" => "1321",
                "1722" => "1322",
                "1723" => "1323",
                "1724" => "1324",
                "175" => "137",
                "191" => "1381",
                _ => "132",
            },
            "14" => "133",
            "15" => "138",
            "18" => "1383",
            "19" => match c {
                "191" => "1381",
                "192" => "1382",
                _ => "1384",
            },
            "20" => match c {
                "204" | "2041" | "2042" => "1385",
                _ => "1383",
            },
            _ => return None,
        },
        Complement::Accuse => match root {
            "18" | "19" | "15" => "1123",
            "20" => "1124",
            _ => return None,
        },
        Complement::Order => match root {
            "09" | "15" | "16" | "17" | "18" | "19" | "20" => return None,
            _ => return embed_static(Complement::Request, governed),
        },
        Complement::Claim | Complement::Deny => return None,
    })
}

/// Whether a code is the unspecified code of its family ("030", "100", "1120"…), which a
/// complement may make finer. Specific codes chosen by the lexicon are kept.
pub fn is_generic(code: &str) -> bool {
    matches!(code, "030" | "020" | "100" | "120" | "130" | "112" | "131" | "138")
}

/// Which complement a *future* material action implies for the speaker's own statement:
/// cooperative actions become intent (03x), conflictual ones a threat (13x).
pub fn future_statement(code: &str) -> Option<Complement> {
    match code.get(..2)? {
        "04" | "05" | "06" | "07" | "08" => Some(Complement::Intent),
        "14" | "15" | "16" | "17" | "18" | "19" | "20" => Some(Complement::Threaten),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_about_actions_get_cameo_subcodes() {
        let table = [
            (Complement::Intent, "0841", Some("0353")),
            (Complement::Intent, "040", Some("036")),
            (Complement::Intent, "046", Some("036")),
            (Complement::Intent, "073", Some("0333")),
            (Complement::Request, "0871", Some("1056")),
            (Complement::Request, "0841", Some("1053")),
            (Complement::Request, "046", Some("106")),
            (Complement::Reject, "0841", Some("1243")),
            (Complement::Reject, "046", Some("125")),
            (Complement::Threaten, "190", Some("1384")),
            (Complement::Threaten, "163", Some("1312")),
            (Complement::Threaten, "161", Some("1313")),
            (Complement::Threaten, "141", Some("133")),
            (Complement::Accuse, "190", Some("1123")),
            (Complement::Intent, "190", None),
            (Complement::Claim, "183", None),
            (Complement::Order, "173", Some("173")),
            (Complement::Order, "0841", Some("1053")),
        ];
        for (kind, governed, want) in table {
            assert_eq!(embed(kind, governed).as_deref(), want, "{kind:?} {governed}");
        }
    }

    #[test]
    fn future_actions_split_by_cooperation() {
        assert_eq!(future_statement("0841"), Some(Complement::Intent));
        assert_eq!(future_statement("190"), Some(Complement::Threaten));
        assert_eq!(future_statement("111"), None);
    }
}
