//! Checks sitrep's CAMEO → PLOVER table against the PLOVER project's 2021 conversion table
//! (`../shared/ref/plover/CAMEO2PLOVER-2021.txt`, read at test time; skipped when absent).
//! Every difference must be listed below with its reason, and every listed difference must
//! still be a difference, so this list is the complete record of where sitrep departs.

use std::collections::{BTreeMap, BTreeSet};

use sitrep_codebook::{all_codes, plover};

const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/ref/plover/CAMEO2PLOVER-2021.txt"
);

/// Context names in the 2021 table that the same year's manual no longer lists; sitrep
/// uses the manual's names.
const CONTEXT_RENAMES: &[(&str, &str, &str)] = &[
    ("humanitarian", "human_security", "the manual's contexts have no 'humanitarian'; aid, food and access fall under human_security"),
    ("democracy", "pro_democracy", "the manual's context is named pro_democracy"),
];

/// Field-level departures: (code, field, reason). `field` is "type", "mode" or "context".
const DIFFERENCES: &[(&str, &str, &str)] = &[
    ("0842", "mode", "'return' is commented out of the manual's RETREAT modes; no mode fits returning property"),
    ("085", "mode", "the table itself notes 'ease is no longer a mode'"),
    ("105", "mode", "demanding that the target give way is the manual's 'yield' mode, as for 1051-1056"),
    ("124", "mode", "refusing to give way is 'yield' (the manual: release, easing sanctions or curfews)"),
    ("1241", "mode", "refusing to ease sanctions is 'yield', like 1243-1246"),
    ("1242", "mode", "refusing to ease up on dissent is 'yield', like 1243-1246"),
    ("132", "mode", "'ban' is not a THREATEN mode; the manual's 'restrict' covers banning political activity"),
    ("1321", "mode", "'political' is not a THREATEN mode; restricting freedoms is 'restrict'"),
    ("1321", "context", "threatened limits on speech are the manual's rights_freedoms context"),
    ("1322", "mode", "'ban' is not a THREATEN mode; the manual's 'restrict' covers banning parties"),
    ("163", "type", "the manual codes international sanctions as SANCTION 'discontinue'; the table's COERCE conflicts with it"),
    ("163", "mode", "SANCTION 'discontinue' per the manual"),
    ("163", "context", "sanctions, boycotts and embargoes are economic measures"),
    ("1712", "mode", "'seize' is wrong for destruction; the manual's ASSAULT mode is 'destroy'"),
    ("1722", "mode", "'ban' is not a COERCE mode; the manual's 'restrict' includes banning from political life"),
    ("175", "mode", "'pro_autocracy' is a context, not an ASSAULT mode; no mode is implied"),
    ("175", "context", "violent repression is the manual's 'repression' context, not 'military' (usually police)"),
    ("183", "mode", "183 is any non-military bombing; 'suicide-attack' belongs to 1831 only, the rest is 'explosives'"),
    ("185", "mode", "'assassinate' is not in the manual; attempted assassinations are 'targeted'"),
    ("186", "mode", "'assassinate' is not in the manual; assassinations are 'targeted'"),
    ("195", "mode", "aerial weapons are the manual's 'aerial' mode, not 'heavy-weapons'"),
    ("200", "mode", "'massacre' is commented out of the manual; no specific mode is implied"),
    ("201", "mode", "'cleansing' is commented out of the manual; no specific mode is implied"),
    ("202", "mode", "'massacre' is commented out; the manual's 'targeted' covers mass killings of defenceless people"),
    ("203", "mode", "'cleansing' is commented out of the manual; no specific mode is implied"),
];

/// Codes sitrep maps that the table leaves out: (code prefix, reason).
const EXTENSIONS: &[(&str, &str)] = &[
    ("016", "the manual suggests denials may be REJECT; sitrep codes them so"),
    ("018", "condolences and sympathy are diplomatic SUPPORT"),
    ("019", "voicing agreement with a position is SUPPORT"),
    ("02", "PLOVER drops CAMEO appeals, but its REQUEST covers all requests, so sitrep keeps them as REQUEST with the modes of the matching 10x demand"),
    ("176", "cyber attacks are the manual's COERCE 'cyber' mode and context; not a CAMEO 1.1b3 code"),
];

#[derive(Debug, Clone, PartialEq)]
struct Mapping {
    kind: String,
    mode: Option<String>,
    context: BTreeSet<String>,
}

fn parse_reference(text: &str) -> BTreeMap<String, Vec<Mapping>> {
    let mut out: BTreeMap<String, Vec<Mapping>> = BTreeMap::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let Some((code, rest)) = line.split_once(':') else {
            continue;
        };
        let code = code.trim();
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let mut fields = rest.split(',').map(str::trim);
        let kind = fields.next().unwrap_or("").to_string();
        let mode = fields.next().filter(|m| !m.is_empty()).map(str::to_string);
        let context = fields
            .next()
            .unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| {
                CONTEXT_RENAMES
                    .iter()
                    .find(|r| r.0 == c)
                    .map_or(c, |r| r.1)
                    .to_string()
            })
            .collect();
        out.entry(code.to_string()).or_default().push(Mapping {
            kind,
            mode,
            context,
        });
    }
    out
}

fn ours(code: &str) -> Option<Mapping> {
    plover(code).map(|p| Mapping {
        kind: p.kind,
        mode: p.mode,
        context: p.context.into_iter().collect(),
    })
}

#[test]
fn plover_table_agrees_with_reference() {
    let Ok(text) = std::fs::read_to_string(REFERENCE) else {
        eprintln!("skipping: {REFERENCE} not present");
        return;
    };
    let reference = parse_reference(&text);
    assert!(
        reference.len() > 250,
        "parsed only {} codes from the reference",
        reference.len()
    );

    let mut found: BTreeSet<(String, &'static str)> = BTreeSet::new();
    let mut problems = Vec::new();
    for (code, options) in &reference {
        let Some(mine) = ours(code) else {
            problems.push(format!(
                "{code}: reference maps it, sitrep has no PLOVER mapping"
            ));
            continue;
        };
        if code.len() == 2 {
            // Root lines give only a type ("08" is listed as both CONCEDE and RETREAT).
            if !options.iter().any(|o| o.kind == mine.kind) {
                problems.push(format!(
                    "{code}: root type {} not in {options:?}",
                    mine.kind
                ));
            }
            continue;
        }
        // A duplicated code ("175") counts as agreeing when either line agrees.
        let theirs = options.iter().min_by_key(|o| {
            [
                o.kind != mine.kind,
                o.mode != mine.mode,
                o.context != mine.context,
            ]
            .iter()
            .filter(|&&b| b)
            .count()
        });
        let theirs = theirs.unwrap();
        for (field, differs) in [
            ("type", theirs.kind != mine.kind),
            ("mode", theirs.mode != mine.mode),
            ("context", theirs.context != mine.context),
        ] {
            if !differs {
                continue;
            }
            if DIFFERENCES.iter().any(|d| d.0 == code && d.1 == field) {
                found.insert((code.clone(), field));
            } else {
                problems.push(format!(
                    "{code}: unlisted {field} difference: reference {theirs:?}, sitrep {mine:?}"
                ));
            }
        }
    }
    for (code, field, _) in DIFFERENCES {
        if !found.contains(&(code.to_string(), *field)) {
            problems.push(format!(
                "{code}: listed {field} difference no longer differs (or code missing)"
            ));
        }
    }
    for code in all_codes() {
        let unmatched = ours(code).is_some() && !reference.contains_key(code);
        if unmatched
            && !EXTENSIONS
                .iter()
                .any(|(prefix, _)| code.starts_with(prefix))
        {
            problems.push(format!("{code}: sitrep maps it but the reference does not, and it is not a listed extension"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_listed_difference_has_a_reason() {
    for (code, field, reason) in DIFFERENCES {
        assert!(
            ["type", "mode", "context"].contains(field),
            "{code}: bad field {field}"
        );
        assert!(reason.len() > 15, "{code}: give a reason");
    }
    for (prefix, reason) in EXTENSIONS {
        assert!(reason.len() > 15, "{prefix}: give a reason");
    }
}
