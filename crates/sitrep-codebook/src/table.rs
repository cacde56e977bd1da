//! The embedded CAMEO table (`data/cameo.tsv`): one row per event code with its Goldstein
//! value, PLOVER type/mode/context and sitrep's own short description. Parsed once, on
//! first use, into a static; lookups after that are a hash probe.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::CodebookError;

const CAMEO_TSV: &str = include_str!("../data/cameo.tsv");

/// One parsed row of the CAMEO table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub code: &'static str,
    pub goldstein: f32,
    pub plover_type: Option<&'static str>,
    pub plover_mode: Option<&'static str>,
    pub plover_context: Vec<&'static str>,
    /// `true` for CAMEO 1.1b3 codes, `false` for sitrep extensions.
    pub standard: bool,
    pub description: &'static str,
}

pub(crate) struct Table {
    pub rows: Vec<Row>,
    pub index: HashMap<&'static str, usize>,
}

pub(crate) static TABLE: LazyLock<Table> = LazyLock::new(|| {
    // The table is compiled in and checked by unit tests, so a failure here is a build defect.
    let rows = parse(CAMEO_TSV).unwrap_or_else(|e| panic!("embedded data/cameo.tsv: {e}"));
    let index = rows.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
    Table { rows, index }
});

pub(crate) fn row(code: &str) -> Option<&'static Row> {
    let table: &'static Table = &TABLE;
    table.index.get(code.trim()).map(|&i| &table.rows[i])
}

fn dash_none(field: &'static str) -> Option<&'static str> {
    (field != "-" && !field.is_empty()).then_some(field)
}

/// Parse the TSV format described in the header of `data/cameo.tsv`.
pub(crate) fn parse(text: &'static str) -> Result<Vec<Row>, CodebookError> {
    let mut rows: Vec<Row> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| CodebookError::new(line_no, message);
        let fields: Vec<&'static str> = line.split('\t').collect();
        let [code, goldstein, kind, mode, context, origin, description] = fields[..] else {
            return Err(err(format!(
                "expected 7 tab-separated fields, found {}",
                fields.len()
            )));
        };
        if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(format!("bad CAMEO code {code:?}")));
        }
        let root: u8 = code[..2]
            .parse()
            .map_err(|_| err(format!("bad root in {code:?}")))?;
        if !(1..=20).contains(&root) {
            return Err(err(format!("CAMEO root {root} outside 01-20")));
        }
        if let Some(prev) = seen.insert(code, line_no) {
            return Err(err(format!("code {code} already defined on line {prev}")));
        }
        let goldstein: f32 = goldstein
            .parse()
            .map_err(|_| err(format!("bad Goldstein value {goldstein:?}")))?;
        if !(-10.0..=10.0).contains(&goldstein) {
            return Err(err(format!("Goldstein value {goldstein} outside -10..10")));
        }
        let plover_type = dash_none(kind);
        if let Some(t) = plover_type {
            if crate::plover::plover_type(t).is_none() {
                return Err(err(format!("unknown PLOVER type {t:?}")));
            }
        }
        let plover_mode = dash_none(mode);
        if plover_mode.is_some() && plover_type.is_none() {
            return Err(err("PLOVER mode without a PLOVER type".into()));
        }
        let plover_context: Vec<&'static str> = match dash_none(context) {
            None => Vec::new(),
            Some(c) => c
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect(),
        };
        let standard = match origin {
            "cameo" => true,
            "sitrep" => false,
            other => {
                return Err(err(format!(
                    "origin must be cameo or sitrep, not {other:?}"
                )))
            }
        };
        if description.trim().is_empty() {
            return Err(err("empty description".into()));
        }
        rows.push(Row {
            code,
            goldstein,
            plover_type,
            plover_mode,
            plover_context,
            standard,
            description: description.trim(),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_parses() {
        assert!(TABLE.rows.len() > 300, "only {} rows", TABLE.rows.len());
    }

    #[test]
    fn malformed_rows_are_rejected_with_line_numbers() {
        let cases: &[(&'static str, &str)] = &[
            ("190\t-10.0\tASSAULT\t-\tmilitary\tcameo\n", "expected 7"),
            (
                "19x\t-10.0\tASSAULT\t-\t-\tcameo\tFight\n",
                "bad CAMEO code",
            ),
            ("21\t-10.0\tASSAULT\t-\t-\tcameo\tFight\n", "outside 01-20"),
            ("190\tlots\tASSAULT\t-\t-\tcameo\tFight\n", "bad Goldstein"),
            ("190\t-11\tASSAULT\t-\t-\tcameo\tFight\n", "outside -10..10"),
            (
                "190\t-10\tFIGHT\t-\t-\tcameo\tFight\n",
                "unknown PLOVER type",
            ),
            ("190\t-10\t-\tfirearms\t-\tcameo\tFight\n", "mode without"),
            ("190\t-10\tASSAULT\t-\t-\tgdelt\tFight\n", "origin"),
            ("190\t-10\tASSAULT\t-\t-\tcameo\t \n", "empty description"),
            (
                "# c\n190\t-10\tASSAULT\t-\t-\tcameo\tA\n190\t-10\tASSAULT\t-\t-\tcameo\tB\n",
                "line 2",
            ),
        ];
        for (text, want) in cases {
            let e = parse(text).expect_err(text).to_string();
            assert!(e.contains(want), "{text:?}: {e:?} lacks {want:?}");
        }
    }

    #[test]
    fn dash_and_multi_context_fields() {
        let rows = parse("094\t-2.0\tACCUSE\tinvestigate\tmilitary; legal\tcameo\tX\n").unwrap();
        assert_eq!(rows[0].plover_context, vec!["military", "legal"]);
        let rows = parse("010\t0.0\t-\t-\t-\tcameo\tX\n").unwrap();
        assert_eq!((rows[0].plover_type, rows[0].plover_mode), (None, None));
        assert!(rows[0].plover_context.is_empty());
    }
}
