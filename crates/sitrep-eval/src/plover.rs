//! PLOVER gold records: a JSON array of event objects (`PLOVER_GSR_CAMEO.txt`).
//!
//! Fields read: `id`, `event`, `text`, `date`, `mode`, `context`, `source` / `target`
//! (arrays of `{actorText, code, sector}`; the file also has "" and other strings there,
//! read as "no actor"), `dead`, `injured` (numbers as strings) and `eventLoc`
//! (`{name, "country code"}`). Scoring definitions are in the crate docs.

use crate::score::{
    self, aligned, main_typed_event, note, sentence_value, Counts, FieldScore, LabelTally, Reasons,
};
use crate::{parse_gold_date, EvalError, EvalOptions, GoldFile, GoldItem, Scores};
use serde_json::Value;
use sitrep_core::{Article, EventRecord};

/// One gold actor.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldActor {
    pub text: String,
    pub code: String,
    pub sector: Option<String>,
}

/// A gold event location: a name, sometimes an ISO alpha-2 country code.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldPlace {
    pub name: String,
    pub country: Option<String>,
}

/// One PLOVER gold record.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub text: String,
    pub date: Option<jiff::civil::Date>,
    /// The PLOVER 0.8 type (gold 0.5 names mapped, see [`modern_type`]).
    pub kind: String,
    /// The type as written in the gold file.
    pub gold_kind: String,
    pub mode: Option<String>,
    pub context: Option<String>,
    pub sources: Vec<GoldActor>,
    pub targets: Vec<GoldActor>,
    pub dead: Option<u32>,
    pub injured: Option<u32>,
    pub place: Option<GoldPlace>,
}

impl GoldItem for Item {
    fn article(&self) -> Article {
        let mut a = Article::new(self.id.clone(), self.text.clone());
        a.published = self.date;
        a
    }
    fn gold_events(&self) -> usize {
        1
    }
}

/// PLOVER 0.5 type names (the gold file's) to PLOVER 0.8 (sitrep's). In 0.8 FIGHT merged
/// into ASSAULT, DISAPPROVE and INVESTIGATE into ACCUSE, and DEMAND became REQUEST.
pub fn modern_type(kind: &str) -> String {
    let k = kind.trim().to_ascii_uppercase();
    match k.as_str() {
        "FIGHT" => "ASSAULT".into(),
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE".into(),
        "DEMAND" => "REQUEST".into(),
        _ => k,
    }
}

/// Read the gold file. Fails only when the text is not a JSON array or yields no item.
pub fn read(text: &str, origin: &str) -> Result<GoldFile<Item>, EvalError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| EvalError::new(origin, format!("not valid JSON: {e}")))?;
    let Value::Array(records) = value else {
        return Err(EvalError::new(origin, "expected a JSON array of records"));
    };
    let mut gold = GoldFile::default();
    for (i, rec) in records.iter().enumerate() {
        match item(rec, i, &mut gold.notes) {
            Ok(it) => gold.items.push(it),
            Err(reason) => note(&mut gold.skipped, reason),
        }
    }
    if gold.items.is_empty() {
        return Err(EvalError::new(
            origin,
            format!(
                "no scorable records among {} (skipped: {:?})",
                records.len(),
                gold.skipped
            ),
        ));
    }
    Ok(gold)
}

fn str_field<'a>(rec: &'a Value, key: &str) -> Option<&'a str> {
    rec.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn item(rec: &Value, index: usize, notes: &mut Reasons) -> Result<Item, String> {
    if !rec.is_object() {
        return Err("record is not a JSON object".into());
    }
    let gold_kind = str_field(rec, "event").ok_or("record without `event`")?;
    if gold_kind.eq_ignore_ascii_case("DOCUMENT") {
        return Err("DOCUMENT record (file documentation)".into());
    }
    let text = str_field(rec, "text").ok_or("record without `text`")?;
    let id = str_field(rec, "id")
        .map(str::to_string)
        .unwrap_or_else(|| format!("record-{index}"));
    let date = str_field(rec, "date").and_then(|d| {
        let parsed = parse_gold_date(d);
        if parsed.is_none() {
            note(
                notes,
                "date: unreadable gold date, article has no publication date",
            );
        }
        parsed
    });
    let mut figure = |key: &str| {
        let raw = str_field(rec, key)?;
        let n = raw.parse::<u32>().ok();
        if n.is_none() {
            note(
                notes,
                format!("{key}: gold value is not a number, not scored"),
            );
        }
        n
    };
    let dead = figure("dead");
    let injured = figure("injured");
    let place = rec.get("eventLoc").and_then(|l| {
        let name = str_field(l, "name")?;
        Some(GoldPlace {
            name: name.to_string(),
            country: str_field(l, "country code").map(str::to_string),
        })
    });
    Ok(Item {
        id,
        text: text.to_string(),
        date,
        kind: modern_type(gold_kind),
        gold_kind: gold_kind.to_string(),
        mode: str_field(rec, "mode").map(str::to_string),
        context: str_field(rec, "context").map(str::to_string),
        sources: actors(rec.get("source"), "source", notes),
        targets: actors(rec.get("target"), "target", notes),
        dead,
        injured,
        place,
    })
}

fn actors(v: Option<&Value>, role: &str, notes: &mut Reasons) -> Vec<GoldActor> {
    match v {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|a| {
                let code = str_field(a, "code")?;
                Some(GoldActor {
                    text: str_field(a, "actorText").unwrap_or_default().to_string(),
                    code: code.to_string(),
                    sector: str_field(a, "sector").map(str::to_string),
                })
            })
            .collect(),
        Some(Value::String(s)) if !s.trim().is_empty() => {
            note(
                notes,
                format!("{role}: gold value is a string, not an actor list; read as no {role}"),
            );
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Score coded records against the gold records.
pub fn score(coded: &[(Item, Vec<EventRecord>)], options: &EvalOptions) -> Scores {
    let mut event = Counts::default();
    let mut kind = Counts::default();
    let mut mode = Counts::default();
    let mut context = Counts::default();
    let mut source = Counts::default();
    let mut target = Counts::default();
    let mut dead = Counts::default();
    let mut injured = Counts::default();
    let mut location = Counts::default();
    let mut location_km = Counts::default();
    let mut labels = LabelTally::default();
    let mut type_any = 0usize;
    let mut notes = Reasons::new();

    for (gold, records) in coded {
        if records.is_empty() {
            event.fn_ += 1;
        } else {
            event.tp += 1;
        }
        let main = main_typed_event(records).map(|r| r.plover.kind.to_ascii_uppercase());
        kind.compare(Some(gold.kind.as_str()), main.as_deref(), |g, p| g == p);
        labels.decide(&gold.kind, main.as_deref());
        if records
            .iter()
            .any(|r| r.plover.kind.eq_ignore_ascii_case(&gold.kind))
        {
            type_any += 1;
        }

        let rec = aligned(records, |r| r.plover.kind.eq_ignore_ascii_case(&gold.kind));
        if let Some(g) = &gold.mode {
            let p = rec.and_then(|r| r.plover.mode.as_deref());
            mode.compare(Some(g), p, |g, p| g.eq_ignore_ascii_case(p));
        }
        if let Some(g) = &gold.context {
            let p = rec.map(|r| &r.plover.context).filter(|c| !c.is_empty());
            context.compare(Some(g), p, |g, p| {
                p.iter().any(|c| c.eq_ignore_ascii_case(g))
            });
        }
        for (gold_actors, counts, pick, role) in [
            (
                &gold.sources,
                &mut source,
                rec.and_then(|r| r.actor1.as_ref()),
                "source",
            ),
            (
                &gold.targets,
                &mut target,
                rec.and_then(|r| r.actor2.as_ref()),
                "target",
            ),
        ] {
            let codes: Vec<String> = gold_actors
                .iter()
                .map(|a| score::gold_primary(&a.code))
                .collect();
            if codes.is_empty() {
                note(
                    &mut notes,
                    format!("{role}: no gold actor (predictions counted as FP)"),
                );
            }
            let g = (!codes.is_empty()).then_some(codes);
            counts.compare(g, pick.and_then(score::pred_primary), |g, p| g.contains(p));
        }
        let killed = sentence_value(records, rec, |r| {
            r.fatalities.as_ref().and_then(|f| f.killed)
        });
        dead.compare(gold.dead, killed, |g, p| g == p);
        let hurt = sentence_value(records, rec, |r| {
            r.fatalities.as_ref().and_then(|f| f.injured)
        });
        injured.compare(gold.injured, hurt, |g, p| g == p);

        if let Some(place) = &gold.place {
            let pred = sentence_value(records, rec, |r| r.location.as_ref());
            location.compare(Some(place), pred, |g, p| {
                score::place_name_matches(&g.name, p)
            });
            let gold_point = options
                .geocode
                .and_then(|geo| geo(&place.name, place.country.as_deref()));
            match gold_point {
                Some(gp) => {
                    let pp = pred.and_then(|p| Some((p.lat?, p.lon?)));
                    location_km.compare(Some(gp), pp, |g, p| {
                        score::distance_km(*g, *p) <= score::LOCATION_KM
                    });
                }
                None => note(
                    &mut notes,
                    "location_25km: gold place has no coordinates, not scored",
                ),
            }
        }
    }

    let n = coded.len().max(1) as f64;
    let records: usize = coded.iter().map(|(_, r)| r.len()).sum();
    let mut out = Scores {
        notes,
        fields: vec![
            FieldScore::new("event", event),
            FieldScore::new("type", kind),
            FieldScore::new("mode", mode),
            FieldScore::new("context", context),
            FieldScore::new("source", source),
            FieldScore::new("target", target),
            FieldScore::new("dead", dead),
            FieldScore::new("injured", injured),
            FieldScore::new("location", location),
            FieldScore::new("location_25km", location_km),
        ],
        ..Default::default()
    };
    out.metrics
        .insert("type_accuracy".into(), kind.tp as f64 / n);
    out.metrics.insert("type_any".into(), type_any as f64 / n);
    out.metrics.insert("coded_any".into(), event.tp as f64 / n);
    out.metrics
        .insert("events_per_sentence".into(), records as f64 / n);
    out.labels = labels.into_scores("type:");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::testing::*;

    const SAMPLE: &str = r#"[
      {"id": "DOC-1", "event": "DOCUMENT", "eventText": "notes about this file"},
      {"id": "G-1", "event": "FIGHT", "date": "2000-01-01",
       "text": "Rebel fighters shelled the port town of Kisora on Sunday, killing 12 people and wounding 30.",
       "source": [{"actorText": "Rebel fighters", "code": "MLI", "sector": "REB"}],
       "target": [{"actorText": "port town of Kisora", "code": "MLI", "sector": "CVL"}],
       "dead": "12", "injured": "30", "eventLoc": {"name": "town of Kisora", "country code": "ML"}},
      {"id": "G-2", "event": "DISAPPROVE", "date": "2000-01-01", "mode": "disapprove",
       "text": "Norway and Japan condemned the expulsion of the envoys.",
       "source": [{"actorText": "Norway", "code": "NOR"}, {"actorText": "Japan", "code": "JAP"}],
       "target": "", "context": "diplomatic"},
      {"id": "G-3", "event": "AGREE", "source": [{"actorText": "x", "code": "USA"}]},
      {"id": "G-4", "event": "AID", "text": "Aid arrived.", "dead": "many", "target": "aid"}
    ]"#;

    #[test]
    fn reads_records_and_skips_with_reasons() {
        let g = read(SAMPLE, "sample.json").unwrap();
        assert_eq!(g.items.len(), 3);
        assert_eq!(
            g.skipped.get("DOCUMENT record (file documentation)"),
            Some(&1)
        );
        assert_eq!(g.skipped.get("record without `text`"), Some(&1));
        let fight = &g.items[0];
        assert_eq!(
            (fight.kind.as_str(), fight.gold_kind.as_str()),
            ("ASSAULT", "FIGHT")
        );
        assert_eq!((fight.dead, fight.injured), (Some(12), Some(30)));
        assert_eq!(
            fight.place,
            Some(GoldPlace {
                name: "town of Kisora".into(),
                country: Some("ML".into())
            })
        );
        assert_eq!(
            fight.date,
            Some(jiff::civil::Date::new(2000, 1, 1).unwrap())
        );
        assert_eq!(fight.article().published, fight.date);
        let condemn = &g.items[1];
        assert_eq!(condemn.kind, "ACCUSE");
        assert_eq!(condemn.sources.len(), 2);
        assert!(condemn.targets.is_empty());
        assert_eq!(condemn.mode.as_deref(), Some("disapprove"));
        let aid = &g.items[2];
        assert_eq!(aid.dead, None);
        assert_eq!(
            g.notes.get("dead: gold value is not a number, not scored"),
            Some(&1)
        );
        assert!(g
            .notes
            .keys()
            .any(|k| k.starts_with("target: gold value is a string")));
    }

    #[test]
    fn bad_files_fail_with_origin() {
        let e = read("{not json", "p.json").unwrap_err().to_string();
        assert!(e.starts_with("p.json: not valid JSON"), "{e}");
        let e = read("{\"a\": 1}", "p.json").unwrap_err().to_string();
        assert_eq!(e, "p.json: expected a JSON array of records");
        let e = read("[{\"event\": \"DOCUMENT\"}]", "p.json")
            .unwrap_err()
            .to_string();
        assert!(e.contains("no scorable records among 1"), "{e}");
    }

    #[test]
    fn type_names_follow_plover_08() {
        for (old, new) in [
            ("FIGHT", "ASSAULT"),
            ("DISAPPROVE", "ACCUSE"),
            ("INVESTIGATE", "ACCUSE"),
            ("DEMAND", "REQUEST"),
            ("agree", "AGREE"),
        ] {
            assert_eq!(modern_type(old), new);
        }
    }

    fn scored(coded: &[(Item, Vec<EventRecord>)]) -> Scores {
        let geo =
            |name: &str, _cc: Option<&str>| (name == "town of Kisora").then_some((14.0, -4.0));
        score(
            coded,
            &EvalOptions {
                geocode: Some(&geo),
            },
        )
    }

    fn field<'a>(s: &'a Scores, name: &str) -> &'a FieldScore {
        s.fields.iter().find(|f| f.field == name).unwrap()
    }

    #[test]
    fn scores_each_field_on_the_aligned_event() {
        let g = read(SAMPLE, "sample.json").unwrap();
        let mut it = g.items.into_iter();
        let (fight, condemn, aid) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());

        // The fight: a confident but wrong-typed statement plus the right assault, which
        // carries the right actors and figures and a place 10 km from the gold point.
        let statement = record("111", "ACCUSE", 0.9);
        let mut assault = record("190", "ASSAULT", 0.7);
        assault.actor1 = Some(actor("MLIREB", Some("MLI"), Some("REB"), (0, 14)));
        assault.actor2 = Some(actor("MLICVL", Some("MLI"), Some("CVL"), (35, 53)));
        assault.fatalities = Some(killed(Some(12), Some(25)));
        assault.location = Some(place("Kisora", "Kisora", Some((14.09, -4.0))));
        // The condemnation: right type, source Japan, a spurious target.
        let mut accuse = record("111", "ACCUSE", 0.8);
        accuse.actor1 = Some(actor("JPNGOV", Some("JPN"), Some("GOV"), (10, 15)));
        accuse.actor2 = Some(actor("FRA", Some("FRA"), None, (0, 0)));
        accuse.plover.mode = Some("disapprove".into());
        accuse.plover.context = vec!["diplomatic".into()];
        let coded = vec![
            (fight, vec![statement, assault]),
            (condemn, vec![accuse]),
            (aid, vec![]),
        ];
        let s = scored(&coded);

        let counts = |name: &str| {
            let f = field(&s, name);
            (f.tp, f.fp, f.fn_)
        };
        assert_eq!(counts("event"), (2, 0, 1));
        // Main event of the fight is the accusation (highest confidence): wrong type.
        assert_eq!(counts("type"), (1, 1, 2));
        assert_eq!(counts("mode"), (1, 0, 0));
        assert_eq!(counts("context"), (1, 0, 0));
        assert_eq!(counts("source"), (2, 0, 0));
        // The condemnation has no gold target: its predicted target is a false positive.
        assert_eq!(counts("target"), (1, 1, 0));
        assert_eq!(counts("dead"), (1, 0, 0));
        assert_eq!(counts("injured"), (0, 1, 1));
        assert_eq!(counts("location"), (1, 0, 0));
        assert_eq!(counts("location_25km"), (1, 0, 0));
        assert!((s.metrics["type_accuracy"] - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.metrics["type_any"] - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.metrics["events_per_sentence"] - 1.0).abs() < 1e-9);
        let accuse_row = s.labels.iter().find(|l| l.field == "type:ACCUSE").unwrap();
        assert_eq!((accuse_row.tp, accuse_row.fp), (1, 1));
    }

    #[test]
    fn a_far_point_misses_the_25km_radius() {
        let g = read(SAMPLE, "sample.json").unwrap();
        let fight = g.items[0].clone();
        let mut r = record("190", "ASSAULT", 0.7);
        r.location = Some(place("Kisora", "Kisora", Some((14.5, -4.0))));
        let s = scored(&[(fight, vec![r])]);
        let f = field(&s, "location_25km");
        assert_eq!((f.tp, f.fp, f.fn_), (0, 1, 1));
        assert_eq!(field(&s, "location").tp, 1);
    }
}
