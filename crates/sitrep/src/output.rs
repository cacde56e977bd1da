//! Record writers: JSON Lines (the `sitrep.event/1` objects as they are) and CSV (flattened).

use crate::OutputFormat;
use anyhow::Result;
use sitrep_core::{EventRecord, RecordActor};
use std::io::Write;

/// CSV columns, in order. Nested fields are flattened with `_`; lists are joined with `;`.
pub const CSV_COLUMNS: &[&str] = &[
    "event_id", "article_id", "source_name", "url", "published", "date", "date_precision", "date_text",
    "cameo", "cameo_root", "quad_class", "goldstein", "plover_type", "plover_mode", "plover_context",
    "acled_event_type", "acled_sub_event_type", "acled_disorder_type",
    "actor1_text", "actor1_name", "actor1_code", "actor1_country", "actor1_sector", "actor1_acled_inter",
    "actor2_text", "actor2_name", "actor2_code", "actor2_country", "actor2_sector", "actor2_acled_inter",
    "location_text", "location_name", "location_country", "location_admin1", "latitude", "longitude",
    "location_precision", "geonames_id", "killed", "killed_qualifier", "injured", "injured_qualifier",
    "modality", "attribution", "sentence", "trigger", "rules", "confidence",
];

pub struct RecordWriter {
    inner: Inner,
}

enum Inner {
    Jsonl(Box<dyn Write + Send>),
    Csv(csv::Writer<Box<dyn Write + Send>>),
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

fn json_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn actor_cols(a: &Option<RecordActor>) -> [String; 6] {
    match a {
        Some(a) => [a.text.clone(), a.name.clone(), opt(&a.code), opt(&a.country), opt(&a.sector), opt(&a.acled_inter)],
        None => Default::default(),
    }
}

pub fn csv_row(r: &EventRecord) -> Vec<String> {
    let mut row = vec![
        r.event_id.clone(), r.article_id.clone(), opt(&r.source_name), opt(&r.url), opt(&r.published),
        opt(&r.date), opt(&r.date_precision), opt(&r.date_text), r.cameo.clone(), r.cameo_root.clone(),
        r.quad_class.to_string(), r.goldstein.to_string(), r.plover.kind.clone(), opt(&r.plover.mode),
        r.plover.context.join(";"),
        r.acled.as_ref().map(|a| a.event_type.clone()).unwrap_or_default(),
        r.acled.as_ref().map(|a| a.sub_event_type.clone()).unwrap_or_default(),
        r.acled.as_ref().map(|a| a.disorder_type.clone()).unwrap_or_default(),
    ];
    row.extend(actor_cols(&r.actor1));
    row.extend(actor_cols(&r.actor2));
    match &r.location {
        Some(l) => row.extend([
            l.text.clone(), l.name.clone(), opt(&l.country), opt(&l.admin1), opt(&l.lat), opt(&l.lon),
            json_name(&l.precision), opt(&l.geonames_id),
        ]),
        None => row.extend(std::iter::repeat_n(String::new(), 8)),
    }
    match &r.fatalities {
        Some(f) => row.extend([
            opt(&f.killed), f.killed_qualifier.map(|q| json_name(&q)).unwrap_or_default(),
            opt(&f.injured), f.injured_qualifier.map(|q| json_name(&q)).unwrap_or_default(),
        ]),
        None => row.extend(std::iter::repeat_n(String::new(), 4)),
    }
    row.extend([
        json_name(&r.modality), opt(&r.attribution), r.evidence.sentence.clone(), r.evidence.trigger.clone(),
        r.evidence.rules.join(";"), r.confidence.to_string(),
    ]);
    row
}

impl RecordWriter {
    pub fn new(sink: Box<dyn Write + Send>, format: OutputFormat) -> Result<Self> {
        let inner = match format {
            OutputFormat::Jsonl => Inner::Jsonl(sink),
            OutputFormat::Csv => {
                let mut w = csv::Writer::from_writer(sink);
                w.write_record(CSV_COLUMNS)?;
                Inner::Csv(w)
            }
        };
        Ok(RecordWriter { inner })
    }

    pub fn write(&mut self, r: &EventRecord) -> Result<()> {
        match &mut self.inner {
            Inner::Jsonl(w) => {
                serde_json::to_writer(&mut *w, r)?;
                w.write_all(b"\n")?;
            }
            Inner::Csv(w) => w.write_record(csv_row(r))?,
        }
        Ok(())
    }

    pub fn finish(self) -> Result<()> {
        match self.inner {
            Inner::Jsonl(mut w) => w.flush()?,
            Inner::Csv(mut w) => w.flush()?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn csv_row_matches_header() {
        let r: EventRecord = serde_json::from_value(serde_json::json!({
            "schema": "sitrep.event/1", "event_id": "1", "article_id": "a", "source_name": null, "url": null,
            "published": null, "date": null, "date_precision": null, "date_text": null, "cameo": "190",
            "cameo_root": "19", "quad_class": 4, "goldstein": -10.0,
            "plover": {"type": "ASSAULT", "mode": null, "context": []}, "acled": null,
            "actor1": null, "actor2": null, "location": null, "fatalities": null, "modality": "asserted",
            "attribution": null, "evidence": {"sentence": "s", "sentence_span": [0, 1], "trigger": "t",
            "trigger_span": [0, 1], "rules": ["a", "b"]}, "confidence": 0.5
        }))
        .unwrap();
        let row = csv_row(&r);
        assert_eq!(row.len(), CSV_COLUMNS.len());
        assert_eq!(row[CSV_COLUMNS.iter().position(|c| *c == "rules").unwrap()], "a;b");
        assert_eq!(row[CSV_COLUMNS.iter().position(|c| *c == "modality").unwrap()], "asserted");
    }
}
