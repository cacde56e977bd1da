//! Measure place finding on the PLOVER gold records that carry `eventLoc`.
//!
//! `cargo run --release -p sitrep-places --example plover_places [PATH]`; PATH defaults to
//! `../shared/ref/plover/PLOVER_GSR_CAMEO.txt` from the repository. Each record's text is read
//! by the `locate` stage, an event is placed on the gold trigger (`eventText`), and the
//! `locate_events` stage picks its place. A place "names right" when its text or name equals
//! the gold name, or one contains the other ("town of Rafah" / "Rafah").
use sitrep_core::{Event, Span, Stage};
use sitrep_places::{normalize::normalize, EventLocator, Gazetteer, PlaceRecognizer};
use std::sync::Arc;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        format!(
            "{}/../../../shared/ref/plover/PLOVER_GSR_CAMEO.txt",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read PLOVER file")).unwrap();
    let t = Instant::now();
    let gaz = Arc::new(Gazetteer::embedded());
    let load = t.elapsed();
    let rec = PlaceRecognizer::new(gaz.clone());
    let loc = EventLocator::default();
    let verbose = std::env::var("VERBOSE").is_ok();

    let (mut n, mut located, mut named, mut cc_total, mut cc_right) = (0, 0, 0, 0, 0);
    let mut texts = Vec::new();
    for r in data.as_array().unwrap() {
        let Some(text) = r["text"].as_str() else {
            continue;
        };
        texts.push(text.to_string());
        let Some(gold) = r["eventLoc"]["name"].as_str() else {
            continue;
        };
        n += 1;
        let mut doc = sitrep_text::prepare(text);
        rec.run(&mut doc);
        let trig = r["eventText"]
            .as_str()
            .unwrap_or("")
            .split_whitespace()
            .next()
            .unwrap_or("");
        let at = doc.lower.find(&trig.to_ascii_lowercase()).unwrap_or(0);
        let si = doc.sentence_at(at).unwrap_or(0);
        doc.events
            .push(Event::new(si, Span::new(at, at + trig.len()), "000"));
        loc.run(&mut doc);
        let e = &doc.events[0];
        let got = e.location.map(|i| &doc.places[i]);
        let ok_name = got.is_some_and(|p| {
            let (g, t, nm) = (
                normalize(gold),
                normalize(doc.slice(p.span)),
                normalize(&p.name),
            );
            [t, nm].iter().any(|x| {
                !x.is_empty() && (*x == g || g.contains(x.as_str()) || x.contains(g.as_str()))
            })
        });
        located += got.is_some() as usize;
        named += ok_name as usize;
        if let Some(cc) = r["eventLoc"]["country code"].as_str() {
            cc_total += 1;
            let want = gaz
                .alpha3([cc.as_bytes()[0], cc.as_bytes()[1]])
                .unwrap_or("");
            cc_right += got.is_some_and(|p| p.country.as_deref() == Some(want)) as usize;
        }
        if verbose || !ok_name {
            println!(
                "{} gold={gold:?} got={:?} rule={:?}\n   {text}",
                if ok_name { "ok " } else { "BAD" },
                got.map(|p| (doc.slice(p.span), &p.name, &p.country, p.precision)),
                e.rules.last()
            );
        }
    }
    println!("records with eventLoc: {n}");
    println!(
        "event place found:     {located} ({:.1}%)",
        100.0 * located as f64 / n as f64
    );
    println!(
        "named right:           {named} ({:.1}%)",
        100.0 * named as f64 / n as f64
    );
    println!("country right:         {cc_right}/{cc_total} (records with a gold country code)");

    // Cost: the locate stage over every record text, repeated.
    let docs: Vec<_> = texts.iter().map(|t| sitrep_text::prepare(t)).collect();
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let rounds = 20;
    let t = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            let mut d = d.clone();
            rec.run(&mut d);
        }
    }
    let el = t.elapsed();
    println!(
        "gazetteer load: {load:?}; {} places, {} keys, {} bytes",
        gaz.len(),
        gaz.key_count(),
        gaz.byte_size()
    );
    println!(
        "locate stage: {:.1} µs/sentence ({:.0} sentences/s, one core; includes cloning the doc)",
        el.as_secs_f64() * 1e6 / (rounds * sentences) as f64,
        (rounds * sentences) as f64 / el.as_secs_f64()
    );
}
