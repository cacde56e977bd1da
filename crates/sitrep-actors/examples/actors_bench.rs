//! Time the actors stage on the lines of a file: `actors_bench FILE`.
use sitrep_actors::{ActorDictionary, ActorRecognizer};
use sitrep_core::Stage;

fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let t0 = std::time::Instant::now();
    let rec = ActorRecognizer::new(ActorDictionary::embedded());
    println!("load+compile {:?}", t0.elapsed());
    let docs: Vec<_> = lines.iter().map(|l| sitrep_text::prepare(l)).collect();
    let t1 = std::time::Instant::now();
    let t_prep = t1.elapsed();
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let mut mentions = 0;
    let t2 = std::time::Instant::now();
    for mut d in docs {
        rec.run(&mut d);
        mentions += d.actors.len();
    }
    let dt = t2.elapsed();
    println!(
        "{sentences} sentences, {mentions} mentions, actors stage {:?} ({:.0} sentences/s) {:?}",
        dt,
        sentences as f64 / dt.as_secs_f64(),
        t_prep
    );
}
