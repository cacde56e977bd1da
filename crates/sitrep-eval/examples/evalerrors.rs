//! Per-item mistakes of the whole pipeline on the dev sets, scored as `sitrep eval` scores
//! them (main typed record, aligned record for roles):
//!
//! ```text
//! cargo run --release -p sitrep-eval --example evalerrors -- plv|plover|petrarch
//! SITREP_REF=/path/to/ref cargo run …   # reference data elsewhere than ../shared/ref
//! ```
//!
//! Lines start with a tag to grep: `ROOT` (wrong main type), `SRC` / `TGT` (source /
//! target missed),
//! `MISS`/`EXTRA` (PETRARCH roots).

use sitrep_core::EventRecord;
use sitrep_eval::{petrarch, plover, plv};
use sitrep_pipeline::Pipeline;

/// The reference data: `SITREP_REF`, else `shared/ref` beside the repository.
fn reference_root() -> String {
    std::env::var("SITREP_REF").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/ref").to_string())
}

fn best(records: &[EventRecord], ok: impl Fn(&EventRecord) -> bool) -> Option<&EventRecord> {
    let mut b: Option<&EventRecord> = None;
    for r in records.iter().filter(|r| ok(r)) {
        if b.is_none_or(|x| r.confidence > x.confidence) {
            b = Some(r);
        }
    }
    b
}

fn show(r: &EventRecord) -> String {
    format!(
        "{}[{}] `{}` {}→{}",
        r.cameo,
        r.plover.kind,
        r.evidence.trigger,
        r.actor1.as_ref().map(|a| a.text.as_str()).unwrap_or("-"),
        r.actor2.as_ref().map(|a| a.text.as_str()).unwrap_or("-")
    )
}

fn all(records: &[EventRecord]) -> String {
    records.iter().map(show).collect::<Vec<_>>().join(" | ")
}

fn main() {
    let set = std::env::args().nth(1).unwrap_or_else(|| "plv".into());
    let p = Pipeline::embedded();
    match set.as_str() {
        "plv" => {
            let text = std::fs::read_to_string(format!("{}/plv/PLV_train.tsv", reference_root())).unwrap();
            let gold = plv::read(&text, "plv").unwrap();
            for it in gold.items {
                let coded = p.code(sitrep_core::Article::new(it.id.clone(), it.sentence.clone()));
                let recs = coded.records;
                let cover = coded.doc.actors.iter().find(|a| it.target.iter().any(|s| s.overlaps(a.span))).map(|a| coded.doc.slice(a.span).to_string());
                let main = best(&recs, |r| !r.plover.kind.is_empty());
                let label = main.map(|r| plv::plv_label(&r.plover.kind)).unwrap_or_else(|| "NONE".into());
                if label != it.root {
                    println!("ROOT gold={} got={} [{}] | {}", it.root, label, all(&recs), it.sentence);
                }
                let al = best(&recs, |r| plv::plv_label(&r.plover.kind) == it.root).or(main);
                if !it.source.is_empty() {
                    let got = al.and_then(|r| r.actor1.as_ref());
                    if !got.is_some_and(|a| it.source.iter().any(|s| s.overlaps(a.span))) {
                        let g: Vec<&str> = it.source.iter().map(|s| &it.sentence[s.start..s.end]).collect();
                        let cover = coded.doc.actors.iter().find(|a| it.source.iter().any(|s| s.overlaps(a.span))).map(|a| coded.doc.slice(a.span).to_string());
                        println!("SRC gold={:?} got={} ok_root={} cover={:?} [{}] | {}", g, got.map(|a| a.text.as_str()).unwrap_or("-"), label == it.root, cover, al.map(show).unwrap_or_default(), it.sentence);
                    }
                }
                if !it.target.is_empty() {
                    let got = al.and_then(|r| r.actor2.as_ref());
                    if !got.is_some_and(|a| it.target.iter().any(|s| s.overlaps(a.span))) {
                        let g: Vec<&str> = it.target.iter().map(|s| &it.sentence[s.start..s.end]).collect();
                        println!("TGT gold={:?} got={} ok_root={} cover={:?} [{}] | {}", g, got.map(|a| a.text.as_str()).unwrap_or("-"), label == it.root, cover, al.map(show).unwrap_or_default(), it.sentence);
                    }
                }
            }
        }
        "plover" => {
            let text = std::fs::read_to_string(format!("{}/plover/PLOVER_GSR_CAMEO.txt", reference_root())).unwrap();
            let gold = plover::read(&text, "plover").unwrap();
            for it in gold.items {
                let mut a = sitrep_core::Article::new(it.id.clone(), it.text.clone());
                a.published = it.date;
                let recs = p.code(a).records;
                let main = best(&recs, |r| !r.plover.kind.is_empty());
                let kind = main.map(|r| r.plover.kind.clone()).unwrap_or_else(|| "NONE".into());
                if kind != it.kind {
                    println!("ROOT gold={} got={} [{}] | {}", it.kind, kind, all(&recs), it.text);
                }
            }
        }
        _ => {
            let text = std::fs::read_to_string(format!("{}/petrarch2/validation/PETR2_GSR_validation.xml", reference_root())).unwrap();
            let gold = petrarch::read(&text, "petrarch").unwrap();
            for it in gold.items {
                let mut a = sitrep_core::Article::new(it.id.clone(), it.text.clone());
                a.published = it.date;
                let recs = p.code(a).records;
                let g: Vec<String> = it.codings.iter().map(|c| c.event.clone()).collect();
                let groot: Vec<&str> = g.iter().map(|c| &c[..2.min(c.len())]).collect();
                let miss: Vec<&&str> = groot.iter().filter(|r| !recs.iter().any(|x| x.cameo_root == **r)).collect();
                let extra: Vec<&EventRecord> = recs.iter().filter(|x| !groot.contains(&x.cameo_root.as_str())).collect();
                if !miss.is_empty() {
                    println!("MISS {:?} gold={:?} [{}] | {}", miss, g, all(&recs), it.text);
                }
                if !extra.is_empty() {
                    println!("EXTRA {} gold={:?} [{}] | {}", extra.len(), g, all(&recs), it.text);
                }
            }
        }
    }
}
