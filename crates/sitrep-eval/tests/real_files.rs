//! The readers and the whole evaluation on the real gold files in `../shared/ref`, read at
//! test time (never copied into the repo). When the folder is absent the tests say so and
//! pass: the unit tests cover the formats on samples written for them.

use sitrep_eval::{default_path, evaluate, petrarch, plover, plv, GoldSet};
use sitrep_pipeline::Pipeline;
use std::path::PathBuf;
use std::sync::OnceLock;

fn ref_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/ref")
}

/// The gold file's text, or None (with a message) when it is not on this machine.
fn gold_text(set: GoldSet) -> Option<(String, String)> {
    let path = default_path(set, &ref_root());
    match std::fs::read_to_string(&path) {
        Ok(t) => Some((t, path.display().to_string())),
        Err(e) => {
            eprintln!("skipping: {} not readable ({e})", path.display());
            None
        }
    }
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::embedded)
}

#[test]
fn plover_file_reads_every_event_record() {
    let Some((text, origin)) = gold_text(GoldSet::Plover) else {
        return;
    };
    let g = plover::read(&text, &origin).unwrap();
    assert_eq!(g.items.len(), 322);
    assert_eq!(g.skipped.values().sum::<usize>(), 1, "{:?}", g.skipped);
    assert_eq!(g.items.iter().filter(|i| i.dead.is_some()).count(), 15);
    assert_eq!(g.items.iter().filter(|i| i.injured.is_some()).count(), 3);
    assert_eq!(g.items.iter().filter(|i| i.place.is_some()).count(), 48);
    assert!(g
        .items
        .iter()
        .all(|i| !i.kind.is_empty() && !i.text.is_empty()));
    // Every gold type is a PLOVER 0.8 type after mapping.
    const TYPES: [&str; 16] = [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ];
    for i in &g.items {
        assert!(TYPES.contains(&i.kind.as_str()), "{}: {}", i.id, i.kind);
    }
}

#[test]
fn plv_file_reads_every_sentence_with_spans() {
    let Some((text, origin)) = gold_text(GoldSet::Plv) else {
        return;
    };
    let g = plv::read(&text, &origin).unwrap();
    assert_eq!(g.items.len(), 1050);
    assert!(g.skipped.is_empty(), "{:?}", g.skipped);
    assert!(
        g.notes.is_empty(),
        "every marked sentence reduces to its sentence: {:?}",
        g.notes
    );
    for i in &g.items {
        for s in i.source.iter().chain(&i.target) {
            assert!(
                i.sentence.get(s.start..s.end).is_some(),
                "{}: span {s:?} off char boundary",
                i.id
            );
        }
    }
    let with_source = g.items.iter().filter(|i| !i.source.is_empty()).count();
    let with_target = g.items.iter().filter(|i| !i.target.is_empty()).count();
    assert_eq!((with_source, with_target), (1046, 1030));
}

#[test]
fn petrarch_file_reads_every_sentence_and_coding() {
    let Some((text, origin)) = gold_text(GoldSet::Petrarch) else {
        return;
    };
    let g = petrarch::read(&text, &origin).unwrap();
    // 78 sentences; one (abc12_3) has an empty <Text> and is skipped. The file's 93
    // <EventCoding> lines are 80 codings plus 13 `noevents` markers.
    assert_eq!(g.items.len(), 77, "skipped: {:?}", g.skipped);
    assert_eq!(g.skipped.get("empty <Text>"), Some(&1), "{:?}", g.skipped);
    assert_eq!(g.items.iter().map(|i| i.codings.len()).sum::<usize>(), 79);
    assert_eq!(g.items.iter().filter(|i| i.codings.is_empty()).count(), 12);
    assert!(g
        .items
        .iter()
        .all(|i| !i.text.contains('\n') && !i.text.contains("<")));
    assert!(g.items.iter().all(|i| i.date.is_some()), "{:?}", g.notes);
}

#[test]
fn every_set_evaluates_end_to_end() {
    for set in GoldSet::ALL {
        let path = default_path(set, &ref_root());
        if !path.exists() {
            eprintln!("skipping {set}: {} not found", path.display());
            continue;
        }
        let report = evaluate(set, &path, pipeline()).unwrap();
        assert!(report.items > 50, "{set}: {} items", report.items);
        // Sentences that have gold events are the event field's support.
        let noevents = match set {
            GoldSet::Petrarch => {
                let text = std::fs::read_to_string(&path).unwrap();
                petrarch::read(&text, "x")
                    .unwrap()
                    .items
                    .iter()
                    .filter(|i| i.codings.is_empty())
                    .count()
            }
            _ => 0,
        };
        let event = report.field("event").expect("event field");
        assert_eq!(event.support, report.items - noevents, "{set}");
        assert_eq!(
            report.records,
            report.metrics["events_per_sentence"]
                .mul_add(report.items as f64, 0.0)
                .round() as usize
        );
        let table = report.to_table();
        assert!(table.contains("precision"), "{table}");
        let json = serde_json::to_string(&report).unwrap();
        assert!(json.contains("\"fields\""));
        eprintln!("{table}");
    }
}
