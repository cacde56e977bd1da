//! Scores sitrep against gold event data: the PLOVER gold records, the PLV sentences and
//! the PETRARCH-2 validation XML (see `../shared/ref/README.md`).
//!
//! Every gold sentence becomes an [`Article`] (its id, its text, `published` from the gold
//! date when there is one) and is coded by the [`Pipeline`] it is given, with that
//! pipeline's options (by default only asserted events are output). The records are then
//! compared with the gold per field. `docs/evaluation.md` says the same in prose.
//!
//! # Counting
//! Each field counts true positives (TP), false positives (FP) and false negatives (FN);
//! precision = TP/(TP+FP), recall = TP/(TP+FN), F1 their harmonic mean, support = TP+FN
//! (gold values). A zero denominator gives 0.0. Two kinds of comparison are used:
//! - **single value** (one gold value against one predicted value): match → TP; both
//!   present but different → FP and FN; gold only → FN; prediction only → FP. Where the
//!   gold's silence cannot be trusted, predictions without a gold value are not counted.
//! - **multiset** (all gold events of a sentence against all records): each gold value is
//!   matched by at most one equal prediction; TP = multiset intersection, FP = unmatched
//!   predictions, FN = unmatched gold values.
//!
//! The **main event** of a sentence is its record with the highest confidence (first in
//! text order on a tie). The **aligned record** is the most confident record whose type
//! agrees with the gold type, else the main event: actors, figures and places are read
//! from it, so they are judged on the event the gold describes whenever sitrep found it.
//! Casualty figures and places fall back to the first other record of the sentence that
//! carries one, because sitrep may attach them to a sibling event of the same sentence.
//!
//! # PLOVER gold records (`plover/PLOVER_GSR_CAMEO.txt`, a JSON array)
//! One item per record; `DOCUMENT` records and records without text are skipped. The gold
//! file follows PLOVER 0.5; its types are mapped to PLOVER 0.8, which sitrep outputs:
//! FIGHT → ASSAULT, DISAPPROVE and INVESTIGATE → ACCUSE, DEMAND → REQUEST.
//! - `event`: the sentence has at least one record (every record is an event: no FP).
//! - `type`: single value, the main event's PLOVER type vs the gold type; only records
//!   with a PLOVER type take part (CAMEO 01/02 statements and appeals have none). Its
//!   recall is `type_accuracy`; `type_any` is the share of items where any record has the
//!   gold type.
//! - `mode`, `context`: scored only where the gold has one; `context` matches when the
//!   aligned record's context list contains the gold context.
//! - `source`, `target`: the aligned record's actor1/actor2 primary code (three letters:
//!   country, IGO, NGO …; see [`score::pred_primary`]) must equal one of the gold actors'
//!   codes (compound actors list several). Non-ISO gold codes are mapped (JAP → JPN,
//!   ITL → ITA). A gold target of "" or a non-list is no target.
//! - `dead`, `injured`: exact figure (`killed` / `injured`) vs the gold `dead` / `injured`.
//!   The gold lists non-null fields only, so a figure where the gold has none is an FP.
//! - `location`: scored only where the gold has `eventLoc` (the gold marks places only
//!   sometimes): names agree when one's words contain the other's ([`score::place_name_matches`]).
//!   `location_25km`: where a gold point is known (from [`EvalOptions::geocode`]) and sitrep
//!   gives coordinates, within 25 km is a TP; no point from sitrep is an FN.
//! - The gold `date` fields are all the placeholder 2000-01-01, so dates are not scored;
//!   the placeholder is still the articles' publication date.
//!
//! # PLV sentences (`plv/PLV_train.tsv`, tab-separated with a header)
//! Columns used: `sentence_id`, `sentence`, `marked_sentence`, `source`, `target`,
//! `gold_root`. PLV's labels follow an older PLOVER in which YIELD covers CONCEDE and
//! RETREAT, so sitrep's CONCEDE and RETREAT are read as YIELD.
//! - `event`: the sentence has at least one record (`coded_any` is its recall).
//! - `root`: single value, the main typed event's type vs `gold_root`; `root_accuracy` is its
//!   recall (correct main events / sentences); `root_any` the share with any record right.
//! - `source`, `target`: the aligned record's actor1/actor2 span must overlap (share at
//!   least one byte with) a gold span. Gold spans come from the `<s>…</s>` / `<t>…</t>`
//!   marks (every marked occurrence counts); if the marked sentence does not reduce to the
//!   sentence, from the occurrences of the `source`/`target` text. A gold actor that is not
//!   in the sentence (the placeholders "An actor", "a recipient" for implicit roles) is not
//!   scored either way.
//!
//! # PETRARCH-2 gold XML (`petrarch2/validation/PETR2_GSR_validation.xml`)
//! One item per `<Sentence>`; its `<EventCoding>` lines are the gold events, or none with
//! `noevents="True"`. The `<Text>` is whitespace-normalised; `<Parse>` is ignored.
//! - `event`: sentence level. Gold events and a record → TP; gold events, no record → FN;
//!   `noevents` and a record → FP. `noevents_clean` is the share of `noevents` sentences
//!   with no record.
//! - `root`, `code`: multiset of CAMEO roots (two digits) / full codes per sentence.
//!   `root_recall` is the root recall; `extra_events_per_sentence` the root FPs (records
//!   matching no gold root) divided by the sentences.
//! - `source`, `target`: multiset of full actor codes (the unknown-country filler `---`
//!   removed: `---REB` ≡ `REB`; a gold `---` target means none; an actor with an empty
//!   code is no prediction). `source_country`,
//!   `target_country`: the same on the three-letter primary part (`USAGOV` → `USA`,
//!   `---REB` → `---`).
//! - `triple_exact`: multiset of (source, target, full code); `triple_root_country`: of
//!   (source primary, target primary, root).
//!
//! Per-label rows (`labels`) break `type` / `root` down by gold label.

mod error;
pub mod petrarch;
pub mod plover;
pub mod plv;
pub mod score;

pub use error::EvalError;
pub use score::{Counts, FieldScore};

use serde::Serialize;
use sitrep_core::{Article, EventRecord};
use sitrep_pipeline::Pipeline;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Which gold file to score against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GoldSet {
    /// PLOVER gold records: type, mode, actors, dead, injured, location.
    Plover,
    /// PLV sentences: root type and source/target spans.
    Plv,
    /// PETRARCH-2 validation XML: CAMEO codes and actor codes.
    Petrarch,
}

impl GoldSet {
    pub const ALL: [GoldSet; 3] = [GoldSet::Plover, GoldSet::Plv, GoldSet::Petrarch];

    pub fn name(self) -> &'static str {
        match self {
            GoldSet::Plover => "plover",
            GoldSet::Plv => "plv",
            GoldSet::Petrarch => "petrarch",
        }
    }
}

impl std::fmt::Display for GoldSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for GoldSet {
    type Err = EvalError;
    fn from_str(s: &str) -> Result<Self, EvalError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "plover" => Ok(GoldSet::Plover),
            "plv" => Ok(GoldSet::Plv),
            "petrarch" | "petrarch2" => Ok(GoldSet::Petrarch),
            other => Err(EvalError::new(
                "gold set",
                format!("unknown set `{other}` (expected plover, plv or petrarch)"),
            )),
        }
    }
}

/// Where each gold file lives under the reference folder (`../shared/ref` from the repo).
pub fn default_path(set: GoldSet, ref_root: &Path) -> PathBuf {
    match set {
        GoldSet::Plover => ref_root.join("plover").join("PLOVER_GSR_CAMEO.txt"),
        GoldSet::Plv => ref_root.join("plv").join("PLV_train.tsv"),
        GoldSet::Petrarch => ref_root
            .join("petrarch2")
            .join("validation")
            .join("PETR2_GSR_validation.xml"),
    }
}

/// Resolves a gold place name (and the gold's country code, if any) to (lat, lon).
pub type Geocoder = dyn Fn(&str, Option<&str>) -> Option<(f64, f64)> + Sync;

/// A [`Geocoder`] over a gazetteer: a gold place name gets the coordinates of its most
/// populous match (in the gold country, an ISO alpha-3 code, when one is given). Gold files
/// carry names only, so this is what lets "within 25 km" be scored.
pub fn gazetteer_geocoder(
    gazetteer: std::sync::Arc<sitrep_pipeline::sitrep_places::Gazetteer>,
) -> impl Fn(&str, Option<&str>) -> Option<(f64, f64)> + Sync {
    move |name: &str, country: Option<&str>| {
        gazetteer
            .lookup(name)
            .map(|c| gazetteer.place(c.place))
            .filter(|p| country.is_none_or(|want| gazetteer.alpha3(p.cc) == Some(want)))
            .filter_map(|p| Some((p.population, p.lat? as f64, p.lon? as f64)))
            .max_by_key(|(pop, _, _)| *pop)
            .map(|(_, lat, lon)| (lat, lon))
    }
}

/// Optional inputs to an evaluation.
#[derive(Default, Clone, Copy)]
pub struct EvalOptions<'a> {
    /// Gives the gold places coordinates so `location_25km` can be scored; the gold files
    /// carry names only. Typically a gazetteer lookup.
    pub geocode: Option<&'a Geocoder>,
}

/// The scores of one evaluation run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub set: GoldSet,
    pub path: String,
    /// Sentences (gold records) scored.
    pub items: usize,
    /// Gold events in the scored items.
    pub gold_events: usize,
    /// Records sitrep output for the scored items.
    pub records: usize,
    /// Gold records not scored, by reason.
    pub skipped: BTreeMap<String, usize>,
    /// Fields left unscored for some items and gold-data quirks, by reason.
    pub notes: BTreeMap<String, usize>,
    pub fields: Vec<FieldScore>,
    /// Set-level figures: accuracies, shares, rates (see the crate docs).
    pub metrics: BTreeMap<String, f64>,
    /// `type` / `root` broken down by label.
    pub labels: Vec<FieldScore>,
}

/// What a set's scorer returns; [`Report`] carries it together with the counts.
#[derive(Debug, Default)]
pub struct Scores {
    pub fields: Vec<FieldScore>,
    pub metrics: BTreeMap<String, f64>,
    pub labels: Vec<FieldScore>,
    pub notes: score::Reasons,
}

/// A gold file after reading: the items to score and what was skipped.
#[derive(Debug)]
pub struct GoldFile<T> {
    pub items: Vec<T>,
    /// Records not turned into items, by reason.
    pub skipped: score::Reasons,
    /// Quirks met while reading (fallbacks taken, values ignored), by reason.
    pub notes: score::Reasons,
}

impl<T> Default for GoldFile<T> {
    fn default() -> Self {
        GoldFile {
            items: Vec::new(),
            skipped: Default::default(),
            notes: Default::default(),
        }
    }
}

/// A gold item that can be coded: it knows its article.
pub trait GoldItem {
    fn article(&self) -> Article;
    fn gold_events(&self) -> usize;
}

/// Score `pipeline` against the gold file at `path`.
pub fn evaluate(set: GoldSet, path: &Path, pipeline: &Pipeline) -> Result<Report, EvalError> {
    evaluate_with(set, path, pipeline, &EvalOptions::default())
}

/// [`evaluate`] with options (a geocoder for gold places).
pub fn evaluate_with(
    set: GoldSet,
    path: &Path,
    pipeline: &Pipeline,
    options: &EvalOptions,
) -> Result<Report, EvalError> {
    let origin = path.display().to_string();
    let text = read_text(path)?;
    match set {
        GoldSet::Plover => {
            let gold = plover::read(&text, &origin)?;
            Ok(finish(set, origin, gold, pipeline, |coded| {
                plover::score(coded, options)
            }))
        }
        GoldSet::Plv => {
            let gold = plv::read(&text, &origin)?;
            Ok(finish(set, origin, gold, pipeline, plv::score))
        }
        GoldSet::Petrarch => {
            let gold = petrarch::read(&text, &origin)?;
            Ok(finish(set, origin, gold, pipeline, petrarch::score))
        }
    }
}

fn read_text(path: &Path) -> Result<String, EvalError> {
    let origin = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| EvalError::new(&origin, format!("cannot read gold file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        EvalError::new(
            &origin,
            format!(
                "not UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

fn finish<T: GoldItem>(
    set: GoldSet,
    path: String,
    gold: GoldFile<T>,
    pipeline: &Pipeline,
    score: impl FnOnce(&[(T, Vec<EventRecord>)]) -> Scores,
) -> Report {
    let GoldFile {
        items,
        skipped,
        mut notes,
    } = gold;
    let coded: Vec<(T, Vec<EventRecord>)> = items
        .into_iter()
        .map(|item| {
            let records = pipeline.code(item.article()).records;
            (item, records)
        })
        .collect();
    let scores = score(&coded);
    for (k, v) in scores.notes {
        *notes.entry(k).or_default() += v;
    }
    Report {
        set,
        path,
        items: coded.len(),
        gold_events: coded.iter().map(|(i, _)| i.gold_events()).sum(),
        records: coded.iter().map(|(_, r)| r.len()).sum(),
        skipped,
        notes,
        fields: scores.fields,
        metrics: scores.metrics,
        labels: scores.labels,
    }
}

impl Report {
    /// The score of one field, by name.
    pub fn field(&self, name: &str) -> Option<&FieldScore> {
        self.fields.iter().find(|f| f.field == name)
    }

    /// An aligned, human-readable table: fields, then metrics, then per-label rows.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "sitrep eval: {} ({})", self.set, self.path);
        let _ = writeln!(
            out,
            "items {}  gold events {}  records {}  skipped {}",
            self.items,
            self.gold_events,
            self.records,
            self.skipped.values().sum::<usize>()
        );
        for (reason, n) in &self.skipped {
            let _ = writeln!(out, "  skipped {n:>5}  {reason}");
        }
        for (reason, n) in &self.notes {
            let _ = writeln!(out, "  note    {n:>5}  {reason}");
        }
        out.push('\n');
        write_rows(&mut out, "field", &self.fields);
        if !self.metrics.is_empty() {
            out.push('\n');
            let w = self.metrics.keys().map(String::len).max().unwrap_or(0);
            for (k, v) in &self.metrics {
                let _ = writeln!(out, "{k:<w$}  {v:.3}");
            }
        }
        if !self.labels.is_empty() {
            out.push('\n');
            write_rows(&mut out, "label", &self.labels);
        }
        out
    }
}

fn write_rows(out: &mut String, head: &str, rows: &[FieldScore]) {
    let w = rows
        .iter()
        .map(|f| f.field.len())
        .max()
        .unwrap_or(0)
        .max(head.len());
    let _ = writeln!(
        out,
        "{head:<w$}  {:>6} {:>6} {:>6}  {:>9} {:>6} {:>6}  {:>7}",
        "tp", "fp", "fn", "precision", "recall", "f1", "support"
    );
    for f in rows {
        let _ = writeln!(
            out,
            "{:<w$}  {:>6} {:>6} {:>6}  {:>9.3} {:>6.3} {:>6.3}  {:>7}",
            f.field, f.tp, f.fp, f.fn_, f.precision, f.recall, f.f1, f.support
        );
    }
}

/// Parse a gold date: `YYYY-MM-DD`, `YYYYMMDD`, or `YYMMDD` (years 70-99 are 19xx).
pub(crate) fn parse_gold_date(s: &str) -> Option<jiff::civil::Date> {
    let s = s.trim();
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let ok_shape = s.chars().all(|c| c.is_ascii_digit() || c == '-');
    if !ok_shape {
        return None;
    }
    let (y, rest) = match digits.len() {
        8 => (digits[..4].parse::<i16>().ok()?, &digits[4..]),
        6 => {
            let yy: i16 = digits[..2].parse().ok()?;
            (if yy >= 70 { 1900 + yy } else { 2000 + yy }, &digits[2..])
        }
        _ => return None,
    };
    let m: i8 = rest[..2].parse().ok()?;
    let d: i8 = rest[2..4].parse().ok()?;
    jiff::civil::Date::new(y, m, d).ok()
}

#[cfg(test)]
mod tests {

    #[test]
    fn gazetteer_geocoder_prefers_the_gold_country_and_population() {
        let g = std::sync::Arc::new(sitrep_pipeline::sitrep_places::Gazetteer::embedded());
        let geocode = gazetteer_geocoder(g);
        let (lat, lon) = geocode("Mogadishu", None).expect("a capital is in the gazetteer");
        assert!((lat - 2.04).abs() < 0.5 && (lon - 45.34).abs() < 0.5, "{lat},{lon}");
        let (lat, _) = geocode("Hyderabad", Some("PAK")).expect("Hyderabad in Sindh");
        assert!((lat - 25.4).abs() < 0.5, "the Pakistani city, not the Indian one: {lat}");
        assert_eq!(geocode("Nowhere-on-Sea-Xyz", None), None);
    }

    use super::*;

    #[test]
    fn gold_set_names_round_trip() {
        for set in GoldSet::ALL {
            assert_eq!(set.name().parse::<GoldSet>().unwrap(), set);
        }
        assert_eq!("PETRARCH".parse::<GoldSet>().unwrap(), GoldSet::Petrarch);
        let err = "acled".parse::<GoldSet>().unwrap_err().to_string();
        assert!(err.contains("unknown set `acled`"), "{err}");
        assert_eq!(serde_json::to_value(GoldSet::Plv).unwrap(), "plv");
    }

    #[test]
    fn default_paths_point_into_ref() {
        let root = Path::new("/r");
        assert_eq!(
            default_path(GoldSet::Plv, root),
            Path::new("/r/plv/PLV_train.tsv")
        );
        assert_eq!(
            default_path(GoldSet::Plover, root),
            Path::new("/r/plover/PLOVER_GSR_CAMEO.txt")
        );
        assert_eq!(
            default_path(GoldSet::Petrarch, root),
            Path::new("/r/petrarch2/validation/PETR2_GSR_validation.xml")
        );
    }

    #[test]
    fn gold_dates_in_each_form() {
        let d = |y, m, dd| Some(jiff::civil::Date::new(y, m, dd).unwrap());
        assert_eq!(parse_gold_date("2000-01-01"), d(2000, 1, 1));
        assert_eq!(parse_gold_date("20080804"), d(2008, 8, 4));
        assert_eq!(parse_gold_date("121108"), d(2012, 11, 8));
        assert_eq!(parse_gold_date("991231"), d(1999, 12, 31));
        assert_eq!(parse_gold_date("20081340"), None);
        assert_eq!(parse_gold_date("yesterday"), None);
        assert_eq!(parse_gold_date(""), None);
    }

    #[test]
    fn unreadable_file_names_the_path() {
        let p = Pipeline::embedded();
        let err = evaluate(GoldSet::Plv, Path::new("/nonexistent/gold.tsv"), &p)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("/nonexistent/gold.tsv: cannot read gold file"),
            "{err}"
        );
    }

    #[test]
    fn invalid_utf8_is_reported_with_offset() {
        let dir = std::env::temp_dir().join(format!("sitrep-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.tsv");
        std::fs::write(&path, b"sentence\tgold_root\nok\t\xff\n").unwrap();
        let err = evaluate(GoldSet::Plv, &path, &Pipeline::embedded())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("not UTF-8 (invalid byte at offset 22)"),
            "{err}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn table_is_aligned_and_complete() {
        let mut metrics = BTreeMap::new();
        metrics.insert("root_accuracy".to_string(), 0.5);
        let mut skipped = BTreeMap::new();
        skipped.insert("no text".to_string(), 2);
        let r = Report {
            set: GoldSet::Plv,
            path: "x.tsv".into(),
            items: 4,
            gold_events: 4,
            records: 3,
            skipped,
            notes: BTreeMap::new(),
            fields: vec![
                FieldScore::new(
                    "event",
                    Counts {
                        tp: 3,
                        fp: 0,
                        fn_: 1,
                    },
                ),
                FieldScore::new(
                    "source",
                    Counts {
                        tp: 1,
                        fp: 1,
                        fn_: 2,
                    },
                ),
            ],
            metrics,
            labels: vec![FieldScore::new(
                "root:AID",
                Counts {
                    tp: 1,
                    fp: 0,
                    fn_: 0,
                },
            )],
        };
        let t = r.to_table();
        assert!(t.contains("sitrep eval: plv (x.tsv)"), "{t}");
        assert!(t.contains("skipped     2  no text"), "{t}");
        assert!(t.contains("root_accuracy  0.500"), "{t}");
        let rows: Vec<&str> = t
            .lines()
            .filter(|l| l.starts_with("event ") || l.starts_with("source "))
            .collect();
        assert_eq!(rows.len(), 2, "{t}");
        assert_eq!(rows[0].len(), rows[1].len(), "rows are aligned:\n{t}");
        assert!(rows[0].contains("1.000  0.750  0.857"), "{t}");
        assert!(t.contains("root:AID"), "{t}");
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["fields"][1]["fn"], 2);
        assert_eq!(json["set"], "plv");
    }
}
