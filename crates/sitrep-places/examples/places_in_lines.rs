//! Print the places found in each line of a text file (or stdin): a quick way to read what
//! the `locate` stage does on real sentences. `cargo run -p sitrep-places --example
//! places_in_lines -- FILE`
use sitrep_core::Stage;
use sitrep_places::PlaceRecognizer;
use std::io::Read;

fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(p) => text = std::fs::read_to_string(p).expect("read file"),
        None => {
            std::io::stdin()
                .read_to_string(&mut text)
                .expect("read stdin");
        }
    }
    let rec = PlaceRecognizer::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut doc = sitrep_text::prepare(line);
        rec.run(&mut doc);
        let found: Vec<String> = doc
            .places
            .iter()
            .map(|p| {
                format!(
                    "[{}→{} {} {:?}]",
                    doc.slice(p.span),
                    p.name,
                    p.country.as_deref().unwrap_or("-"),
                    p.precision
                )
            })
            .collect();
        println!("{}\n    {}", line, found.join(" "));
    }
}
