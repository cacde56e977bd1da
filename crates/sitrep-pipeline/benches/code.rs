//! Throughput of the whole `code` path (every stage, then record flattening) on a synthetic
//! wire-style corpus generated below: 200 articles of 10 sentences each, built from
//! templates with varied actors, places, figures and dates, plus page furniture lines.
//!
//! ```text
//! cargo bench -p sitrep-pipeline --bench code                      # criterion
//! SITREP_BENCH_QUICK=1 cargo bench -p sitrep-pipeline --bench code # one quick figure
//! ```
//!
//! Criterion reports `code/sentences` in sentences/s and `code/articles` in articles/s
//! (`Throughput::Elements`), and `build/embedded` times `Pipeline::embedded()` (dictionary
//! and gazetteer load), which the coding groups build once, outside the timed loop.

use criterion::{BenchmarkId, Criterion, Throughput};
use sitrep_core::Article;
use sitrep_pipeline::Pipeline;
use std::hint::black_box;
use std::time::{Duration, Instant};

const ARTICLES: usize = 200;
const SENTENCES_PER_ARTICLE: usize = 10;

/// A generated article and the number of sentences written into it (furniture excluded).
struct Sample {
    article: Article,
    sentences: usize,
}

mod corpus {
    //! Deterministic generator: a small xorshift picks template slots, so every run codes
    //! the same text. Names of people are invented; places and countries are real so the
    //! gazetteer and country dictionaries have work to do.

    use super::{Sample, ARTICLES, SENTENCES_PER_ARTICLE};
    use sitrep_core::Article;

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
            xs[(self.next() % xs.len() as u64) as usize]
        }
        fn range(&mut self, lo: u64, hi: u64) -> u64 {
            lo + self.next() % (hi - lo + 1)
        }
    }

    /// (country, adjective, cities)
    const COUNTRIES: &[(&str, &str, &[&str])] = &[
        ("Mali", "Malian", &["Bamako", "Gao", "Timbuktu", "Mopti"]),
        (
            "Nigeria",
            "Nigerian",
            &["Maiduguri", "Abuja", "Kano", "Lagos"],
        ),
        (
            "Sudan",
            "Sudanese",
            &["Khartoum", "El Fasher", "Omdurman", "Nyala"],
        ),
        ("Somalia", "Somali", &["Mogadishu", "Kismayo", "Baidoa"]),
        (
            "Congo",
            "Congolese",
            &["Goma", "Bukavu", "Beni", "Kinshasa"],
        ),
        (
            "Syria",
            "Syrian",
            &["Aleppo", "Idlib", "Deir ez-Zor", "Homs"],
        ),
        ("Yemen", "Yemeni", &["Aden", "Sanaa", "Taiz", "Marib"]),
        ("Afghanistan", "Afghan", &["Kabul", "Kandahar", "Herat"]),
        ("Iraq", "Iraqi", &["Baghdad", "Mosul", "Kirkuk", "Basra"]),
        (
            "Ukraine",
            "Ukrainian",
            &["Kharkiv", "Odesa", "Kyiv", "Zaporizhzhia"],
        ),
        ("Myanmar", "Myanmar", &["Yangon", "Mandalay", "Sittwe"]),
        (
            "Ethiopia",
            "Ethiopian",
            &["Addis Ababa", "Gondar", "Mekele"],
        ),
        (
            "Burkina Faso",
            "Burkinabe",
            &["Ouagadougou", "Djibo", "Kaya"],
        ),
        ("Pakistan", "Pakistani", &["Peshawar", "Quetta", "Karachi"]),
        ("Colombia", "Colombian", &["Cali", "Medellin", "Cucuta"]),
    ];
    const GROUPS: &[&str] = &[
        "Islamist",
        "separatist",
        "rebel",
        "jihadist",
        "ethnic militia",
        "armed opposition",
    ];
    const AGENTS: &[&str] = &[
        "troops",
        "soldiers",
        "police",
        "security forces",
        "militiamen",
        "gunmen",
        "rebels",
    ];
    const OFFICIALS: &[&str] = &[
        "Interior Minister Amina Toure",
        "Col. Ibrahim Sowe, an army spokesman,",
        "Lt. Gen. Yusuf Kamaru",
        "President Daniel Oseni",
        "Foreign Minister Leila Haddan",
        "the regional governor, Musa Ndaye,",
    ];
    const ORGS: &[&str] = &[
        "The United Nations",
        "The African Union",
        "The European Union",
        "The Red Cross",
        "NATO",
        "Doctors Without Borders",
    ];
    const NUM_WORDS: &[&str] = &[
        "two",
        "three",
        "five",
        "seven",
        "nine",
        "twelve",
        "a dozen",
        "dozens of",
    ];
    const DAYS: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const MONTHS: &[&str] = &[
        "January", "March", "May", "June", "August", "October", "November",
    ];
    const AGENCIES: &[&str] = &["AP", "Reuters", "AFP"];
    const FURNITURE: &[&str] = &[
        "Related News",
        "Sign up for our daily briefing newsletter.",
        "Follow us on Twitter and Facebook",
        "Photo: AFP/Getty Images",
    ];
    const BODY: &[&str] = &[
        "{Adj} {agent} clashed with {group} fighters near {city} on {day}, killing at least {n} people, officials said.",
        "An air strike on a crowded market in {city} killed {nw} civilians and wounded {m} others, residents told {agency}.",
        "Hundreds of protesters marched through {city} on {day} to demand the release of detained activists.",
        "Police in {city} arrested {nw} journalists accused of spreading false news, a rights group said.",
        "{Official} condemned the attack and called it a war crime.",
        "{Org} said it was deeply concerned by the rising violence in {country}.",
        "{Country} recalled its ambassador from {country2} after a row over border security.",
        "Gunmen on motorcycles stormed a village outside {city} late on {day}, burning homes and abducting {nw} women.",
        "A car bomb exploded outside a police station in {city} on {month} {d}, wounding {n} officers.",
        "The army said it had repelled an attack on its base in {city} and killed {n} militants.",
        "{Country} and {country2} agreed to hold talks on a ceasefire next week.",
        "Security forces fired tear gas to disperse demonstrators in {city}, witnesses said.",
        "The death toll from {day}'s bombing in {city} rose to {n}, the health ministry said.",
        "Rebels seized control of {city} last month after days of heavy fighting.",
        "The government imposed a curfew in {city} and banned public gatherings until further notice.",
        "{Official} visited {city} on {day} and met community leaders.",
        "{Org} pledged ${n} million in emergency aid for families displaced by the fighting.",
        "No group has claimed responsibility for the attack.",
        "Residents said the town was calm on {day} but most shops remained closed.",
        "The defence ministry denied that its troops had attacked the camp.",
        "The opposition threatened to boycott the elections planned for {month}.",
        "At least {n} people have been killed in clashes between rival militias in northern {country} since {month}.",
        "Militants ambushed a military convoy on the road between {city} and {city2}, killing {nw} soldiers.",
        "{Adj} authorities expelled two foreign aid workers accused of spying.",
        "Drone strikes hit positions held by {group} fighters in the hills east of {city} overnight.",
        "\"We will not be intimidated,\" {Official} told reporters in {city}.",
        "Hospital sources said {nw} of the wounded were children.",
        "The attack was the deadliest in the region since {month} last year.",
    ];
    /// Body templates are drawn without repeats, tracked in a 64-bit mask.
    pub const BODY_TEMPLATES: usize = BODY.len();
    const LEADS: &[&str] = &[
        "{Adj} {agent} killed {n} {group} fighters in an operation near {city} on {day}, the military said.",
        "A suicide bomber blew himself up at a checkpoint in {city} on {day}, killing {n} people and wounding {m}.",
        "Thousands of people protested in {city} on {day} against rising food prices, and police arrested {nw} organisers.",
        "{Country} accused {country2} of backing {group} fighters after an attack in {city} killed {n} soldiers.",
    ];
    const TITLES: &[&str] = &[
        "{n} killed in {city} attack",
        "Protests spread to {city}",
        "{Country} says it repelled rebel assault",
        "Clashes near {city} leave {n} dead",
    ];

    fn fill(rng: &mut Rng, template: &str, home: usize) -> String {
        let (country, adj, cities) = COUNTRIES[home];
        let other =
            (home + 1 + (rng.next() % (COUNTRIES.len() as u64 - 1)) as usize) % COUNTRIES.len();
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("template slot is closed");
            let value = match &rest[open + 1..close] {
                "Adj" => adj.to_string(),
                "agent" => rng.pick(AGENTS).to_string(),
                "group" => rng.pick(GROUPS).to_string(),
                "city" => rng.pick(cities).to_string(),
                "city2" => rng.pick(COUNTRIES[home].2).to_string(),
                "Country" | "country" => country.to_string(),
                "country2" => COUNTRIES[other].0.to_string(),
                "Official" => rng.pick(OFFICIALS).to_string(),
                "Org" => rng.pick(ORGS).to_string(),
                "n" => rng.range(2, 140).to_string(),
                "m" => rng.range(3, 60).to_string(),
                "d" => rng.range(1, 28).to_string(),
                "nw" => rng.pick(NUM_WORDS).to_string(),
                "day" => rng.pick(DAYS).to_string(),
                "month" => rng.pick(MONTHS).to_string(),
                "agency" => rng.pick(AGENCIES).to_string(),
                other => panic!("unknown template slot {{{other}}}"),
            };
            // A slot that opens the sentence takes a capital.
            if out.is_empty() {
                let mut cs = value.chars();
                if let Some(c) = cs.next() {
                    out.extend(c.to_uppercase());
                    out.push_str(cs.as_str());
                }
            } else {
                out.push_str(&value);
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The corpus: `ARTICLES` articles of `SENTENCES_PER_ARTICLE` sentences each.
    pub fn generate() -> Vec<Sample> {
        let mut rng = Rng(0x5eed_1234_abcd_9876);
        (0..ARTICLES)
            .map(|i| {
                let home = (rng.next() % COUNTRIES.len() as u64) as usize;
                let (country, _, cities) = COUNTRIES[home];
                let dateline = format!(
                    "{}, {} ({}) —",
                    rng.pick(cities).to_uppercase(),
                    country,
                    rng.pick(AGENCIES)
                );
                let lead = rng.pick(LEADS);
                let mut text = format!("{dateline} {}", fill(&mut rng, lead, home));
                let mut sentences = 1;
                // No body template twice in one article.
                let mut used: u64 = 0;
                while sentences < SENTENCES_PER_ARTICLE {
                    // Two or three sentences per paragraph, furniture now and then.
                    text.push_str("\n\n");
                    let in_paragraph = (rng.next() % 2 + 2) as usize;
                    for k in 0..in_paragraph.min(SENTENCES_PER_ARTICLE - sentences) {
                        if k > 0 {
                            text.push(' ');
                        }
                        let mut t = (rng.next() % BODY.len() as u64) as usize;
                        while used & (1 << t) != 0 {
                            t = (t + 1) % BODY.len();
                        }
                        used |= 1 << t;
                        text.push_str(&fill(&mut rng, BODY[t], home));
                        sentences += 1;
                    }
                    // One paragraph in five is followed by page furniture.
                    if rng.range(1, 5) == 1 {
                        text.push_str("\n\n");
                        text.push_str(rng.pick(FURNITURE));
                    }
                }
                let title_template = rng.pick(TITLES);
                let title = fill(&mut rng, title_template, home);
                // Built through serde so the bench needs no date crate of its own.
                let article: Article = serde_json::from_value(serde_json::json!({
                    "id": format!("bench-{i:03}"),
                    "title": title,
                    "text": text,
                    "published": format!("2024-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
                    "source_name": "sitrep bench",
                }))
                .expect("generated article is a valid Article");
                Sample { article, sentences }
            })
            .collect()
    }
}

/// The corpus, checked so a bench can never silently measure nothing.
fn corpus() -> (Vec<Sample>, u64) {
    const { assert!(corpus::BODY_TEMPLATES <= 64 && corpus::BODY_TEMPLATES >= SENTENCES_PER_ARTICLE) };
    let samples = corpus::generate();
    assert_eq!(samples.len(), ARTICLES, "article count");
    let sentences: usize = samples.iter().map(|s| s.sentences).sum();
    assert_eq!(
        sentences,
        ARTICLES * SENTENCES_PER_ARTICLE,
        "sentence count"
    );
    assert!(
        samples.iter().all(|s| s.article.text.len() > 400),
        "every article has a body"
    );
    (samples, sentences as u64)
}

/// Code every article once; returns (sentences segmented, records output).
fn code_all(pipeline: &Pipeline, samples: &[Sample]) -> (usize, usize) {
    let mut segmented = 0;
    let mut records = 0;
    for s in samples {
        let coded = pipeline.code(black_box(s.article.clone()));
        segmented += coded.doc.sentences.len();
        records += coded.records.len();
        black_box(&coded);
    }
    (segmented, records)
}

fn report_corpus(pipeline: &Pipeline, samples: &[Sample], sentences: u64) {
    let (segmented, records) = code_all(pipeline, samples);
    eprintln!(
        "corpus: {} articles, {sentences} sentences written, {segmented} segmented, {records} records",
        samples.len()
    );
    if segmented == 0 {
        eprintln!("warning: the segmenter found no sentences; figures measure the stubbed path");
    }
}

fn quick() {
    let t = Instant::now();
    let pipeline = Pipeline::embedded();
    let build = t.elapsed();
    let (samples, sentences) = corpus();
    report_corpus(&pipeline, &samples, sentences);
    // Repeat the corpus until at least two seconds have passed.
    let t = Instant::now();
    let mut passes = 0u32;
    while passes == 0 || t.elapsed() < Duration::from_secs(2) {
        black_box(code_all(&pipeline, &samples));
        passes += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    // One more pass with per-stage timing: where the time goes, per sentence.
    let names = pipeline.stage_names();
    let mut timings = vec![Duration::ZERO; names.len()];
    for s in &samples {
        black_box(pipeline.code_timed(s.article.clone(), &mut timings));
    }
    println!(
        "pipeline build (Pipeline::embedded): {:.1} ms",
        build.as_secs_f64() * 1e3
    );
    println!("per stage (µs per sentence, one pass):");
    for (name, t) in names.iter().zip(&timings) {
        println!("  {name:<18} {:>7.2}", t.as_secs_f64() * 1e6 / sentences as f64);
    }
    println!(
        "code: {:.0} sentences/s, {:.0} articles/s ({passes} passes over {} articles / {sentences} sentences, one thread)",
        sentences as f64 * passes as f64 / secs,
        samples.len() as f64 * passes as f64 / secs,
        samples.len(),
    );
}

fn benches(c: &mut Criterion) {
    let pipeline = Pipeline::embedded();
    let (samples, sentences) = corpus();
    report_corpus(&pipeline, &samples, sentences);

    let mut g = c.benchmark_group("code");
    g.throughput(Throughput::Elements(sentences));
    g.bench_function(BenchmarkId::new("sentences", sentences), |b| {
        b.iter(|| code_all(&pipeline, &samples))
    });
    g.throughput(Throughput::Elements(samples.len() as u64));
    g.bench_function(BenchmarkId::new("articles", samples.len()), |b| {
        b.iter(|| code_all(&pipeline, &samples))
    });
    g.finish();

    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("embedded", |b| b.iter(|| black_box(Pipeline::embedded())));
    g.finish();
}

fn main() {
    if std::env::var_os("SITREP_BENCH_QUICK").is_some() {
        quick();
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}
