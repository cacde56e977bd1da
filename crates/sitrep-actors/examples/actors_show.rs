//! Print the actor mentions sitrep finds in each line of stdin (for eyeballing rules).
use sitrep_actors::{ActorDictionary, ActorRecognizer};
use sitrep_core::Stage;
use std::io::BufRead;

fn main() {
    let rec = ActorRecognizer::new(ActorDictionary::embedded());
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let mut doc = sitrep_text::prepare(&line);
        rec.run(&mut doc);
        println!("{line}");
        for m in &doc.actors {
            println!("   [{}] {:?} code={} country={:?} sector={:?} inter={:?} name={:?} head={:?} ref={:?} rules={:?}", doc.slice(m.span), m.kind, m.code, m.country, m.sector, m.acled_inter, m.name, doc.slice(m.head), m.refers_to, m.rules);
        }
        println!("   focus={:?}", doc.focus.country);
    }
}
