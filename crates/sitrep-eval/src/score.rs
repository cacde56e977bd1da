//! Counting machinery shared by the three gold sets: true/false positive tallies, the
//! per-field score, and the comparisons (main event, actor codes, place names, distance)
//! whose definitions the crate documentation spells out.

use serde::Serialize;
use sitrep_core::{EventRecord, RecordActor, RecordLocation};
use std::collections::BTreeMap;

/// True positives, false positives and false negatives for one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// Compare one gold value with one predicted value; either may be absent.
    ///
    /// Both present and matching: TP. Both present, not matching: FP and FN (a wrong answer
    /// is both a false claim and a miss). Gold only: FN. Prediction only: FP. Callers that
    /// cannot trust the gold's silence skip the call when gold is absent.
    pub fn compare<G, P>(
        &mut self,
        gold: Option<G>,
        pred: Option<P>,
        matches: impl FnOnce(&G, &P) -> bool,
    ) {
        match (gold, pred) {
            (Some(g), Some(p)) => {
                if matches(&g, &p) {
                    self.tp += 1;
                } else {
                    self.fp += 1;
                    self.fn_ += 1;
                }
            }
            (Some(_), None) => self.fn_ += 1,
            (None, Some(_)) => self.fp += 1,
            (None, None) => {}
        }
    }

    /// Multiset agreement: every gold value may be matched by at most one equal prediction.
    /// TP = size of the multiset intersection, FP = unmatched predictions, FN = unmatched gold.
    pub fn add_multiset<K: Ord + Clone>(&mut self, gold: &[K], pred: &[K]) {
        let tp = multiset_intersection(gold, pred);
        self.tp += tp;
        self.fp += pred.len() - tp;
        self.fn_ += gold.len() - tp;
    }

    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// Size of the multiset intersection of two lists.
pub fn multiset_intersection<K: Ord + Clone>(a: &[K], b: &[K]) -> usize {
    let mut left: BTreeMap<&K, usize> = BTreeMap::new();
    for k in a {
        *left.entry(k).or_default() += 1;
    }
    let mut n = 0;
    for k in b {
        if let Some(c) = left.get_mut(k) {
            if *c > 0 {
                *c -= 1;
                n += 1;
            }
        }
    }
    n
}

/// Precision, recall and F1 of one field. A ratio whose denominator is zero is reported as
/// 0.0 (JSON has no NaN); `support` (the number of gold values) tells such rows apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldScore {
    pub field: String,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Gold values of this field: tp + fn.
    pub support: usize,
}

impl FieldScore {
    pub fn new(field: impl Into<String>, c: Counts) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(c.tp, c.tp + c.fp);
        let recall = ratio(c.tp, c.tp + c.fn_);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        FieldScore {
            field: field.into(),
            tp: c.tp,
            fp: c.fp,
            fn_: c.fn_,
            precision,
            recall,
            f1,
            support: c.tp + c.fn_,
        }
    }
}

/// Per-label tallies (e.g. one row per PLOVER type), kept in label order.
#[derive(Debug, Default)]
pub struct LabelTally(BTreeMap<String, Counts>);

impl LabelTally {
    /// One single-label decision: `gold` is the true label, `pred` sitrep's (if any).
    pub fn decide(&mut self, gold: &str, pred: Option<&str>) {
        match pred {
            Some(p) if p == gold => self.0.entry(gold.to_string()).or_default().tp += 1,
            Some(p) => {
                self.0.entry(gold.to_string()).or_default().fn_ += 1;
                self.0.entry(p.to_string()).or_default().fp += 1;
            }
            None => self.0.entry(gold.to_string()).or_default().fn_ += 1,
        }
    }

    /// Multiset decisions for one sentence.
    pub fn multiset(&mut self, gold: &[String], pred: &[String]) {
        let mut keys: Vec<&String> = gold.iter().chain(pred.iter()).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            let g = gold.iter().filter(|x| *x == k).count();
            let p = pred.iter().filter(|x| *x == k).count();
            let tp = g.min(p);
            let c = self.0.entry(k.clone()).or_default();
            c.tp += tp;
            c.fp += p - tp;
            c.fn_ += g - tp;
        }
    }

    pub fn into_scores(self, prefix: &str) -> Vec<FieldScore> {
        self.0
            .into_iter()
            .map(|(k, c)| FieldScore::new(format!("{prefix}{k}"), c))
            .collect()
    }
}

/// The sentence's main event: the record with the highest confidence; on a tie, the first
/// in text order (the order the pipeline returns them in).
pub fn main_event(records: &[EventRecord]) -> Option<&EventRecord> {
    best(records.iter())
}

/// The main event among records that have a PLOVER type. CAMEO statements and appeals
/// (01, 02) have none ("dropped" in PLOVER), so they cannot be a sentence's PLOVER reading.
pub fn main_typed_event(records: &[EventRecord]) -> Option<&EventRecord> {
    best(records.iter().filter(|r| !r.plover.kind.trim().is_empty()))
}

/// The record to read argument fields (actors, figures, place) from: the most confident
/// record whose type agrees with the gold type, else the main event. Argument fields are
/// thus judged on the event the gold describes whenever sitrep found it.
pub fn aligned(
    records: &[EventRecord],
    agrees: impl Fn(&EventRecord) -> bool,
) -> Option<&EventRecord> {
    best(records.iter().filter(|r| agrees(r))).or_else(|| main_event(records))
}

fn best<'a>(records: impl Iterator<Item = &'a EventRecord>) -> Option<&'a EventRecord> {
    let mut best: Option<&EventRecord> = None;
    for r in records {
        if best.is_none_or(|b| r.confidence > b.confidence) {
            best = Some(r);
        }
    }
    best
}

/// A field of the sentence's reading: the aligned record's value, else the first record in
/// the sentence that carries one (casualty figures and places may sit on a sibling event).
pub fn sentence_value<'a, T>(
    records: &'a [EventRecord],
    aligned: Option<&'a EventRecord>,
    get: impl Fn(&'a EventRecord) -> Option<T>,
) -> Option<T> {
    aligned
        .and_then(&get)
        .or_else(|| records.iter().find_map(get))
}

/// A CAMEO actor code with the "unknown country" filler removed: "---REB" → "REB",
/// "---" → "". Gold sets write a country-less actor as "---ROLE"; sitrep may write just
/// the role.
pub fn full_code(code: &str) -> String {
    code.trim().trim_start_matches("---").to_ascii_uppercase()
}

/// The three-letter primary part of a gold actor code: a country ("USA"), a transnational
/// prefix ("IGO", "NGO", "IMG"), or "---" when the country is unknown. Non-ISO codes that
/// the PLOVER gold uses are mapped to ISO alpha-3 ("JAP" → "JPN", "ITL" → "ITA").
pub fn gold_primary(code: &str) -> String {
    let code = code.trim().to_ascii_uppercase();
    let p: String = code.chars().take(3).collect();
    match p.as_str() {
        "JAP" => "JPN".into(),
        "ITL" => "ITA".into(),
        _ => p,
    }
}

/// The primary part of a predicted actor: "---" when sitrep wrote the unknown-country filler
/// or a bare role code without a country ("REB" with sector "REB" and no country); otherwise
/// the first three letters of its code, falling back to its country. None when sitrep gave
/// the actor neither a code nor a country: there is nothing to compare.
pub fn pred_primary(actor: &RecordActor) -> Option<String> {
    let code = actor.code.as_deref().unwrap_or("").trim().to_ascii_uppercase();
    if code.starts_with("---") {
        return Some("---".into());
    }
    let bare_role = actor.country.is_none()
        && code.len() == 3
        && actor
            .sector
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case(&code));
    if bare_role {
        return Some("---".into());
    }
    if code.len() >= 3 {
        Some(code.chars().take(3).collect())
    } else {
        actor.country.clone()
    }
}

/// Words of a place name, lowercased, punctuation dropped, a leading "the" removed.
fn name_words(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    let mut words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.first().is_some_and(|w| w == "the") {
        words.remove(0);
    }
    words
}

fn contains_words(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && needle.len() <= hay.len()
        && hay.windows(needle.len()).any(|w| w == needle)
}

/// Place-name agreement: the gold name and sitrep's place (its text in the article or its
/// canonical name) agree when, as word sequences, one contains the other. Gold names carry
/// descriptors a gazetteer name lacks ("province of Herat" vs "Herat"), and sitrep's text
/// may carry them where the gold does not.
pub fn place_name_matches(gold: &str, pred: &RecordLocation) -> bool {
    let g = name_words(gold);
    [pred.text.as_str(), pred.name.as_str()].iter().any(|p| {
        let p = name_words(p);
        contains_words(&g, &p) || contains_words(&p, &g)
    })
}

/// Great-circle distance in kilometres (haversine, mean Earth radius 6,371 km).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Within this distance a predicted point counts as the gold place.
pub const LOCATION_KM: f64 = 25.0;

/// Counts of reasons (skipped records, excluded fields), kept sorted for stable output.
pub type Reasons = BTreeMap<String, usize>;

pub fn note(reasons: &mut Reasons, reason: impl Into<String>) {
    *reasons.entry(reason.into()).or_default() += 1;
}

#[cfg(test)]
pub(crate) mod testing {
    //! Builders for records in scoring tests: only the fields scoring reads are set.
    use sitrep_core::*;

    pub fn record(cameo: &str, plover: &str, confidence: f32) -> EventRecord {
        EventRecord {
            schema: SCHEMA.into(),
            event_id: String::new(),
            article_id: "t".into(),
            source_name: None,
            url: None,
            published: None,
            date: None,
            date_precision: None,
            date_text: None,
            cameo: cameo.into(),
            cameo_root: cameo.get(..2).unwrap_or(cameo).into(),
            quad_class: 0,
            goldstein: 0.0,
            plover: Plover {
                kind: plover.into(),
                mode: None,
                context: Vec::new(),
            },
            acled: None,
            actor1: None,
            actor2: None,
            location: None,
            fatalities: None,
            modality: Modality::Asserted,
            attribution: None,
            evidence: RecordEvidence {
                sentence: String::new(),
                sentence_span: Span::new(0, 0),
                trigger: String::new(),
                trigger_span: Span::new(0, 0),
                also_in: Vec::new(),
                rules: Vec::new(),
            },
            confidence,
        }
    }

    pub fn actor(
        code: &str,
        country: Option<&str>,
        sector: Option<&str>,
        span: (usize, usize),
    ) -> RecordActor {
        RecordActor {
            text: String::new(),
            name: String::new(),
            code: Some(code.to_string()).filter(|c| !c.is_empty()),
            country: country.map(Into::into),
            sector: sector.map(Into::into),
            acled_inter: None,
            span: Span::new(span.0, span.1),
        }
    }

    pub fn place(text: &str, name: &str, coords: Option<(f64, f64)>) -> RecordLocation {
        RecordLocation {
            text: text.into(),
            name: name.into(),
            country: None,
            admin1: None,
            lat: coords.map(|c| c.0),
            lon: coords.map(|c| c.1),
            precision: PlacePrecision::City,
            geonames_id: None,
            span: Span::new(0, 0),
        }
    }

    pub fn killed(n: Option<u32>, injured: Option<u32>) -> RecordFatalities {
        RecordFatalities {
            killed: n,
            killed_qualifier: None,
            killed_low: None,
            killed_high: None,
            injured,
            injured_qualifier: None,
            injured_low: None,
            injured_high: None,
            text: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn compare_counts_each_case() {
        let eq = |g: &u32, p: &u32| g == p;
        let cases: &[(Option<u32>, Option<u32>, Counts)] = &[
            (
                Some(3),
                Some(3),
                Counts {
                    tp: 1,
                    fp: 0,
                    fn_: 0,
                },
            ),
            (
                Some(3),
                Some(4),
                Counts {
                    tp: 0,
                    fp: 1,
                    fn_: 1,
                },
            ),
            (
                Some(3),
                None,
                Counts {
                    tp: 0,
                    fp: 0,
                    fn_: 1,
                },
            ),
            (
                None,
                Some(4),
                Counts {
                    tp: 0,
                    fp: 1,
                    fn_: 0,
                },
            ),
            (None, None, Counts::default()),
        ];
        for &(g, p, want) in cases {
            let mut c = Counts::default();
            c.compare(g, p, eq);
            assert_eq!(c, want, "gold {g:?} pred {p:?}");
        }
    }

    #[test]
    fn multiset_matches_each_gold_once() {
        let mut c = Counts::default();
        c.add_multiset(&["19", "19", "04"], &["19", "19", "19", "11"]);
        assert_eq!(
            c,
            Counts {
                tp: 2,
                fp: 2,
                fn_: 1
            }
        );
        assert_eq!(multiset_intersection::<&str>(&[], &["a"]), 0);
    }

    #[test]
    fn field_score_ratios_and_empty_denominators() {
        let s = FieldScore::new(
            "x",
            Counts {
                tp: 3,
                fp: 1,
                fn_: 2,
            },
        );
        assert!((s.precision - 0.75).abs() < 1e-9);
        assert!((s.recall - 0.6).abs() < 1e-9);
        assert!((s.f1 - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-9);
        assert_eq!(s.support, 5);
        let empty = FieldScore::new("y", Counts::default());
        assert_eq!(
            (empty.precision, empty.recall, empty.f1, empty.support),
            (0.0, 0.0, 0.0, 0)
        );
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["fn"], 2);
    }

    #[test]
    fn main_event_prefers_confidence_then_text_order() {
        let rs = vec![
            record("040", "CONSULT", 0.6),
            record("190", "ASSAULT", 0.9),
            record("112", "ACCUSE", 0.9),
        ];
        assert_eq!(main_event(&rs).unwrap().cameo, "190");
        let with_statement = vec![record("010", "", 0.95), record("040", "CONSULT", 0.6)];
        assert_eq!(main_event(&with_statement).unwrap().cameo, "010");
        assert_eq!(main_typed_event(&with_statement).unwrap().cameo, "040");
        assert!(main_event(&[]).is_none());
        let a = aligned(&rs, |r| r.plover.kind == "ACCUSE").unwrap();
        assert_eq!(a.cameo, "112");
        let fallback = aligned(&rs, |r| r.plover.kind == "AID").unwrap();
        assert_eq!(fallback.cameo, "190");
    }

    #[test]
    fn sentence_value_falls_back_to_a_sibling_event() {
        let mut a = record("190", "ASSAULT", 0.9);
        let mut b = record("183", "ASSAULT", 0.5);
        b.fatalities = Some(killed(Some(4), None));
        let rs = vec![a.clone(), b];
        let got = sentence_value(&rs, Some(&rs[0]), |r| {
            r.fatalities.as_ref().and_then(|f| f.killed)
        });
        assert_eq!(got, Some(4));
        a.fatalities = Some(killed(Some(2), None));
        let rs = vec![a, rs[1].clone()];
        let got = sentence_value(&rs, Some(&rs[0]), |r| {
            r.fatalities.as_ref().and_then(|f| f.killed)
        });
        assert_eq!(got, Some(2));
    }

    #[test]
    fn actor_code_parts() {
        assert_eq!(full_code("---REB"), "REB");
        assert_eq!(full_code("---"), "");
        assert_eq!(full_code(" usagov "), "USAGOV");
        assert_eq!(gold_primary("USAGOV"), "USA");
        assert_eq!(gold_primary("---REB"), "---");
        assert_eq!(gold_primary("JAP"), "JPN");
        assert_eq!(gold_primary("IGOUNOMIL"), "IGO");
        // (code, country, sector, expected primary)
        type Case = (
            &'static str,
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
        );
        let cases: &[Case] = &[
            ("SDNMIL", Some("SDN"), Some("MIL"), Some("SDN")),
            ("IGOUNO", None, Some("IGO"), Some("IGO")),
            ("REB", None, Some("REB"), Some("---")),
            ("---MIL", None, Some("MIL"), Some("---")),
            ("USA", Some("USA"), None, Some("USA")),
            ("", Some("FRA"), None, Some("FRA")),
            ("", None, Some("CVL"), None),
        ];
        for &(code, country, sector, want) in cases {
            assert_eq!(
                pred_primary(&actor(code, country, sector, (0, 0))).as_deref(),
                want,
                "{code}"
            );
        }
    }

    #[test]
    fn place_names_match_by_word_containment() {
        let cases: &[(&str, &str, &str, bool)] = &[
            ("province of Herat", "Herat", "Herat", true),
            ("Basra", "the southern city of Basra", "Basra", true),
            ("Beirut", "Beirut", "Bayrut", true),
            ("West Bank", "the West Bank", "West Bank", true),
            ("Samarra", "Baghdad", "Baghdad", false),
            ("Bam", "Bamako", "Bamako", false),
            ("Jericho", "", "", false),
        ];
        for &(gold, text, name, want) in cases {
            assert_eq!(
                place_name_matches(gold, &place(text, name, None)),
                want,
                "{gold} vs {text}"
            );
        }
    }

    #[test]
    fn distances_are_in_kilometres() {
        // Paris to London is about 344 km; a point is 0 km from itself.
        let d = distance_km((48.8566, 2.3522), (51.5074, -0.1278));
        assert!((d - 344.0).abs() < 3.0, "{d}");
        assert!(distance_km((10.0, 10.0), (10.0, 10.0)) < 1e-9);
        // One degree of latitude is about 111 km.
        assert!((distance_km((0.0, 0.0), (1.0, 0.0)) - 111.2).abs() < 0.5);
    }

    #[test]
    fn label_tally_single_and_multiset() {
        let mut t = LabelTally::default();
        t.decide("ASSAULT", Some("ASSAULT"));
        t.decide("ASSAULT", Some("PROTEST"));
        t.decide("AID", None);
        t.multiset(&["19".into(), "19".into()], &["19".into(), "04".into()]);
        let s = t.into_scores("x:");
        let get = |f: &str| s.iter().find(|s| s.field == f).unwrap().clone();
        assert_eq!((get("x:ASSAULT").tp, get("x:ASSAULT").fn_), (1, 1));
        assert_eq!(get("x:PROTEST").fp, 1);
        assert_eq!(get("x:AID").fn_, 1);
        assert_eq!((get("x:19").tp, get("x:19").fn_), (1, 1));
        assert_eq!(get("x:04").fp, 1);
    }
}
