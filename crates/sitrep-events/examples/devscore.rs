//! Score the event coder on the dev sets in `../shared/ref` (read at run time, never copied):
//!
//! ```text
//! cargo run --release -p sitrep-events --example devscore [-- --errors plv|plover|petrarch] [--lexicon petrarch]
//! ```
//!
//! - PLV (`plv/PLV_train.tsv`): root type of the main event (the most confident one,
//!   asserted first) against `gold_root`; PLV's YIELD covers PLOVER's CONCEDE and RETREAT.
//! - PLOVER gold records (`plover/PLOVER_GSR_CAMEO.txt`): PLOVER type of the main event; the
//!   records use older type names (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT), mapped to 0.8's.
//! - PETRARCH gold XML (`petrarch2/validation/PETR2_GSR_validation.xml`): share of gold
//!   CAMEO roots found among the sentence's asserted events, and asserted events whose root
//!   is not in the gold, per sentence.
//! - Throughput of the `code_events` stage alone on the PLV sentences.

use sitrep_actors::ActorRecognizer;
use sitrep_core::{Doc, Event, Modality, Stage};
use sitrep_events::{Deduplicator, EventCoder, Lexicon};
use std::collections::BTreeMap;
use std::time::Instant;

const REF: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/ref");

struct Coders {
    actors: ActorRecognizer,
    events: EventCoder,
    merge: Deduplicator,
}

impl Coders {
    fn code(&self, text: &str) -> Doc {
        let mut doc = sitrep_text::prepare(text);
        self.actors.run(&mut doc);
        self.events.run(&mut doc);
        self.merge.run(&mut doc);
        doc
    }
}

fn main_event(doc: &Doc) -> Option<&Event> {
    doc.events.iter().enumerate().max_by(|(ia, a), (ib, b)| {
        let ka = (a.modality == Modality::Asserted, a.confidence);
        let kb = (b.modality == Modality::Asserted, b.confidence);
        ka.partial_cmp(&kb).unwrap().then(ib.cmp(ia))
    }).map(|(_, e)| e)
}

fn plover_type(code: &str) -> String {
    sitrep_codebook::plover(code).map(|p| p.kind).unwrap_or_else(|| "-".into())
}

fn plv_label(code: &str) -> String {
    sitrep_codebook::plover_to_plv_label(&plover_type(code)).to_string()
}

fn plv(c: &Coders, errors: bool) -> f64 {
    let path = format!("{REF}/plv/PLV_train.tsv");
    let text = std::fs::read_to_string(&path).expect("PLV file");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (cs, cg) = (col("sentence"), col("gold_root"));
    let (mut n, mut right, mut coded) = (0, 0, 0);
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() <= cg {
            continue;
        }
        let (sentence, gold) = (f[cs], f[cg]);
        let doc = c.code(sentence);
        let main = main_event(&doc);
        let got = main.map(|e| plv_label(&e.cameo)).unwrap_or_else(|| "NONE".into());
        n += 1;
        coded += main.is_some() as usize;
        if got == gold {
            right += 1;
        } else {
            *confusion.entry((gold.to_string(), got.clone())).or_default() += 1;
            if errors {
                let detail = main.map(|e| format!("{} `{}`", e.cameo, doc.slice(e.trigger))).unwrap_or_default();
                println!("PLV gold={gold} got={got} {detail} | {sentence}");
            }
        }
    }
    let acc = right as f64 / n as f64;
    println!("PLV: root type accuracy {acc:.3} ({right}/{n}); coded anything {:.3}", coded as f64 / n as f64);
    let mut conf: Vec<_> = confusion.into_iter().collect();
    conf.sort_by(|a, b| b.1.cmp(&a.1));
    let top: Vec<String> = conf.iter().take(12).map(|((g, p), k)| format!("{g}->{p}:{k}")).collect();
    println!("  top confusions: {}", top.join(", "));
    acc
}

fn normalise_plover(t: &str) -> &str {
    match t {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

fn plover(c: &Coders, errors: bool) -> f64 {
    let path = format!("{REF}/plover/PLOVER_GSR_CAMEO.txt");
    let text = std::fs::read_to_string(&path).expect("PLOVER file");
    let records: Vec<serde_json::Value> = serde_json::from_str(&text).expect("PLOVER JSON");
    let (mut n, mut right) = (0, 0);
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    for r in &records {
        let (Some(ev), Some(sentence)) = (r["event"].as_str(), r["text"].as_str()) else { continue };
        if ev == "DOCUMENT" {
            continue;
        }
        let gold = normalise_plover(ev);
        let doc = c.code(sentence);
        let got = main_event(&doc).map(|e| plover_type(&e.cameo)).unwrap_or_else(|| "NONE".into());
        n += 1;
        if got == gold {
            right += 1;
        } else {
            *confusion.entry((gold.to_string(), got.clone())).or_default() += 1;
            if errors {
                let detail = main_event(&doc).map(|e| format!("{} `{}`", e.cameo, doc.slice(e.trigger))).unwrap_or_default();
                println!("PLOVER gold={gold} got={got} {detail} | {sentence}");
            }
        }
    }
    let acc = right as f64 / n as f64;
    println!("PLOVER gold records: type accuracy {acc:.3} ({right}/{n})");
    let mut conf: Vec<_> = confusion.into_iter().collect();
    conf.sort_by(|a, b| b.1.cmp(&a.1));
    let top: Vec<String> = conf.iter().take(12).map(|((g, p), k)| format!("{g}->{p}:{k}")).collect();
    println!("  top confusions: {}", top.join(", "));
    acc
}

/// `(gold codes, text)` per sentence of the PETRARCH validation XML.
fn petrarch_records(xml: &str) -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let mut codes: Vec<String> = Vec::new();
    let mut in_sentence = false;
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if rest.starts_with("<Sentence ") {
            in_sentence = true;
            codes.clear();
        } else if rest.starts_with("<EventCoding") && in_sentence {
            let end = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..end];
            if let Some(p) = tag.find("eventcode=\"") {
                let v = &tag[p + 11..];
                codes.push(v[..v.find('"').unwrap_or(0)].to_string());
            }
        } else if rest.starts_with("<Text>") && in_sentence {
            let end = rest.find("</Text>").unwrap_or(rest.len());
            let text = rest[6..end].split_whitespace().collect::<Vec<_>>().join(" ");
            out.push((codes.clone(), text));
            in_sentence = false;
        }
        rest = &rest[1..];
    }
    out
}

fn petrarch(c: &Coders, errors: bool) -> (f64, f64) {
    let path = format!("{REF}/petrarch2/validation/PETR2_GSR_validation.xml");
    let xml = std::fs::read_to_string(&path).expect("PETRARCH XML");
    let recs = petrarch_records(&xml);
    let (mut gold_n, mut found, mut extra, mut sentences) = (0, 0, 0, 0);
    for (codes, text) in &recs {
        sentences += 1;
        let doc = c.code(text);
        let asserted: Vec<&Event> = doc.events.iter().filter(|e| e.modality == Modality::Asserted).collect();
        let gold_roots: Vec<&str> = codes.iter().map(|c| &c[..2]).collect();
        for g in &gold_roots {
            gold_n += 1;
            if asserted.iter().any(|e| e.cameo_root() == *g) {
                found += 1;
            } else if errors {
                let got: Vec<String> = doc.events.iter().map(|e| format!("{}:{}:{:?}", e.cameo, doc.slice(e.trigger), e.modality)).collect();
                println!("PETRARCH missed {g} got [{}] | {text}", got.join(", "));
            }
        }
        let ex = asserted.iter().filter(|e| !gold_roots.contains(&e.cameo_root())).count();
        if ex > 0 && errors {
            let got: Vec<String> = asserted.iter().filter(|e| !gold_roots.contains(&e.cameo_root())).map(|e| format!("{}:{}", e.cameo, doc.slice(e.trigger))).collect();
            println!("PETRARCH extra [{}] gold {:?} | {text}", got.join(", "), codes);
        }
        extra += ex;
    }
    let recall = found as f64 / gold_n.max(1) as f64;
    let extra_rate = extra as f64 / sentences.max(1) as f64;
    println!("PETRARCH gold XML: root recall {recall:.3} ({found}/{gold_n}); extra events per sentence {extra_rate:.3} ({extra}/{sentences})");
    (recall, extra_rate)
}

fn throughput(c: &Coders) {
    let path = format!("{REF}/plv/PLV_train.tsv");
    let text = std::fs::read_to_string(&path).expect("PLV file");
    let sentences: Vec<&str> = text.lines().skip(1).filter_map(|l| l.split('\t').nth(2)).collect();
    let docs: Vec<Doc> = sentences
        .iter()
        .map(|s| {
            let mut d = sitrep_text::prepare(s);
            c.actors.run(&mut d);
            d
        })
        .collect();
    let n_sent: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let rounds = 20;
    let t = Instant::now();
    let mut events = 0;
    for _ in 0..rounds {
        for d in &docs {
            let mut d = d.clone();
            c.events.run(&mut d);
            events += d.events.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "code_events throughput: {:.0} sentences/s ({} sentences x {rounds}, {events} events, doc clone included)",
        (n_sent * rounds) as f64 / secs,
        n_sent
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let errors = args.iter().position(|a| a == "--errors").and_then(|i| args.get(i + 1)).cloned().unwrap_or_default();
    let lexicon = if args.windows(2).any(|w| w[0] == "--lexicon" && w[1] == "petrarch") {
        let path = format!("{REF}/petrarch2/dictionaries/CAMEO.2.0.txt");
        let text = std::fs::read_to_string(&path).expect("CAMEO.2.0.txt");
        Lexicon::from_petrarch_verbs(&text, &path).expect("PETRARCH verbs")
    } else {
        Lexicon::embedded()
    };
    let c = Coders { actors: ActorRecognizer::default(), events: EventCoder::new(lexicon), merge: Deduplicator::default() };
    plv(&c, errors == "plv");
    plover(&c, errors == "plover");
    petrarch(&c, errors == "petrarch");
    if args.iter().any(|a| a == "--speed") {
        throughput(&c);
    }
}
