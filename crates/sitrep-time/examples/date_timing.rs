//! Times the `date` stage on a text file, one document per blank-line-separated block:
//! `cargo run --release -p sitrep-time --example date_timing -- FILE`.
use sitrep_core::Stage;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: date_timing FILE");
    let text = std::fs::read_to_string(path).expect("readable file");
    let docs: Vec<_> = text
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .map(|b| {
            let mut d = sitrep_text::prepare(b);
            d.article.published = Some(jiff::civil::date(2024, 3, 10));
            d
        })
        .collect();
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let stage = sitrep_time::DateRecognizer::default();
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..30 {
        let mut work = docs.clone();
        let t = Instant::now();
        for d in &mut work {
            stage.run(d);
        }
        best = best.min(t.elapsed().as_secs_f64());
        found = work.iter().map(|d| d.dates.len()).sum();
    }
    println!(
        "{} docs, {sentences} sentences, {found} dates: best {:.3} µs/sentence",
        docs.len(),
        best * 1e6 / sentences as f64
    );
}
