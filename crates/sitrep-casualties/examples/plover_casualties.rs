//! Measures the counter on the PLOVER gold records that carry `dead` / `injured`:
//! `cargo run -p sitrep-casualties --example plover_casualties [path]`. The path defaults to
//! the shared reference copy; the data is read, never copied into the repository.

use sitrep_core::CasualtyKind;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/ref/plover/PLOVER_GSR_CAMEO.txt".to_string());
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let records: Vec<serde_json::Value> = serde_json::from_str(&raw).expect("JSON array");
    let (mut total, mut dead_ok, mut inj_ok, mut spurious) = (0, 0, 0, 0);
    for r in &records {
        let dead = r.get("dead").and_then(|v| v.as_u64().or_else(|| v.as_str().and_then(|s| s.parse().ok())));
        let injured = r.get("injured").and_then(|v| v.as_u64().or_else(|| v.as_str().and_then(|s| s.parse().ok())));
        if dead.is_none() && injured.is_none() {
            let text = r["text"].as_str().unwrap_or_default();
            let doc = sitrep_text::prepare(text);
            let found = sitrep_casualties::count(&doc);
            if found.iter().any(|m| m.count > 0) {
                spurious += 1;
                println!("EXTRA {:?}: {text}", found.iter().map(|m| doc.slice(m.span)).collect::<Vec<_>>());
            }
            continue;
        }
        total += 1;
        let text = r["text"].as_str().unwrap_or_default();
        let doc = sitrep_text::prepare(text);
        let found = sitrep_casualties::count(&doc);
        let sum = |k: CasualtyKind| {
            let v: Vec<u64> = found.iter().filter(|m| m.kind == k).map(|m| u64::from(m.count)).collect();
            (!v.is_empty()).then(|| v.iter().sum::<u64>())
        };
        let (d, i) = (sum(CasualtyKind::Killed), sum(CasualtyKind::Injured));
        dead_ok += usize::from(d == dead);
        inj_ok += usize::from(i == injured);
        if d != dead || i != injured {
            println!("MISS gold dead {dead:?} injured {injured:?}, got {d:?} {i:?}: {text}");
        }
    }
    println!("{total} records with casualties: dead agree {dead_ok}/{total}, injured agree {inj_ok}/{total}");
    println!("{spurious} records without gold casualties got a figure (gold leaves many true figures out)");
}
