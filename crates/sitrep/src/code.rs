//! `sitrep code`: read inputs, code them in parallel batches, write records in input order.

use crate::output::RecordWriter;
use crate::summary::Summary;
use crate::CodeArgs;
use anyhow::{Context, Result};
use rayon::prelude::*;
use sitrep_core::Article;
use sitrep_ingest::{InputFormat, Item, Overrides};
use sitrep_pipeline::sitrep_actors::ActorDictionary;
use sitrep_pipeline::sitrep_events::Lexicon;
use sitrep_pipeline::{Options, Pipeline};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Articles coded per parallel batch: large enough to keep the cores busy, small enough
/// that output starts early and memory stays flat on huge inputs.
const BATCH: usize = 256;

pub fn load_petrarch_verbs(path: &Path) -> Result<Lexicon> {
    let text = read_text(path)?;
    Lexicon::from_petrarch_verbs(&text, &path.display().to_string())
        .with_context(|| format!("loading PETRARCH verb dictionary {}", path.display()))
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Build the pipeline from the embedded defaults plus whatever the flags add.
pub fn build_pipeline(args: &CodeArgs) -> Result<Pipeline> {
    let mut dict = ActorDictionary::embedded();
    for path in &args.petrarch_actors {
        dict.merge_petrarch_actors(&read_text(path)?, &path.display().to_string())
            .with_context(|| format!("loading PETRARCH actor dictionary {}", path.display()))?;
    }
    for path in &args.petrarch_agents {
        dict.merge_petrarch_agents(&read_text(path)?, &path.display().to_string())
            .with_context(|| format!("loading PETRARCH agents dictionary {}", path.display()))?;
    }
    for path in &args.dicts {
        dict.merge_user(&read_text(path)?, &path.display().to_string())
            .with_context(|| format!("loading dictionary {}", path.display()))?;
    }
    let mut builder = Pipeline::builder()
        .actors(dict)
        .options(Options { all_modalities: args.all_modalities, explain: args.explain });
    if let Some(path) = &args.petrarch_verbs {
        builder = builder.lexicon(load_petrarch_verbs(path)?);
    }
    if let Some(path) = &args.gazetteer {
        let g = sitrep_pipeline::sitrep_places::Gazetteer::load(path)
            .with_context(|| format!("loading gazetteer {}", path.display()))?;
        builder = builder.gazetteer(Arc::new(g));
    }
    Ok(builder.build())
}

pub fn run(args: CodeArgs) -> Result<ExitCode> {
    let format: InputFormat = args.input_format.parse().map_err(|e| anyhow::anyhow!("--input-format: {e}"))?;
    let overrides = Overrides {
        published: args.published.clone(),
        source: args.source.clone(),
        url: args.url.clone(),
        title: args.title.clone(),
    };
    if let Some(p) = &overrides.published {
        if sitrep_ingest::parse_published(p).is_none() {
            anyhow::bail!("--published: cannot read {p:?} as a date (use YYYY-MM-DD or RFC 3339)");
        }
    }
    let single_input = args.inputs.len() <= 1 && args.inputs.iter().all(|p| !p.is_dir());
    if !single_input
        && (overrides.title.is_some() || overrides.url.is_some() || overrides.published.is_some() || overrides.source.is_some())
    {
        eprintln!("sitrep: note: --published/--source/--url/--title apply to every article read");
    }
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global().ok();
    }

    let started = std::time::Instant::now();
    let pipeline = build_pipeline(&args)?;
    let load_time = started.elapsed();

    let sink: Box<dyn Write + Send> = match &args.output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout())),
    };
    let mut writer = RecordWriter::new(sink, args.format)?;
    let mut summary = Summary::default();
    let progress = Progress::new(!args.quiet && std::io::stderr().is_terminal());

    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    let stage_count = pipeline.stage_names().len();
    let timed = args.timings;
    let flush = |batch: &mut Vec<Article>, summary: &mut Summary, writer: &mut RecordWriter| -> Result<()> {
        let coded: Vec<_> = std::mem::take(batch)
            .into_par_iter()
            .map(|a| {
                if timed {
                    let mut t = vec![std::time::Duration::ZERO; stage_count];
                    let c = pipeline.code_timed(a, &mut t);
                    (c, Some(t))
                } else {
                    (pipeline.code(a), None)
                }
            })
            .collect();
        for (c, t) in coded {
            if let Some(t) = t {
                summary.add_timings(&t);
            }
            if args.explain {
                crate::explain::print(&c);
            }
            for r in &c.records {
                writer.write(r)?;
            }
            summary.record(&c.doc.article.id, &c.outcome, c.records.len(), c.doc.sentences.len());
        }
        progress.update(summary);
        Ok(())
    };

    let inputs: Vec<PathBuf> = if args.inputs.is_empty() { vec![PathBuf::from("-")] } else { args.inputs.clone() };
    let mut unreadable = Vec::new();
    for input in &inputs {
        let mut error: Option<anyhow::Error> = None;
        let mut emit = |item: Item| {
            if error.is_some() {
                return;
            }
            match item {
                Item::Article(a) => {
                    batch.push(a);
                    if batch.len() >= BATCH {
                        if let Err(e) = flush(&mut batch, &mut summary, &mut writer) {
                            error = Some(e);
                        }
                    }
                }
                Item::Rejected(r) => summary.reject(&r.origin, &r.reason),
                Item::Skipped(r) => summary.skip(&r.reason),
            }
        };
        let res = if input.as_os_str() == "-" {
            let stdin = std::io::stdin();
            let mut lock = stdin.lock();
            sitrep_ingest::read_reader(&mut lock, "<stdin>", format, &overrides, &mut emit)
        } else {
            sitrep_ingest::read_path(input, format, &overrides, &mut emit)
        };
        if let Some(e) = error {
            return Err(e); // writing failed (e.g. disk full): nothing sensible left to do
        }
        if let Err(e) = res {
            eprintln!("sitrep: error: {e}");
            unreadable.push(input.clone());
        }
    }
    flush(&mut batch, &mut summary, &mut writer)?;
    writer.finish()?;
    progress.finish();

    summary.load_seconds = load_time.as_secs_f64();
    summary.seconds = started.elapsed().as_secs_f64();
    summary.unreadable = unreadable.iter().map(|p| p.display().to_string()).collect();
    if args.timings {
        summary.stage_names = pipeline.stage_names();
    }
    if args.summary_json {
        eprintln!("{}", serde_json::to_string(&summary.to_json())?);
    } else {
        eprint!("{}", summary.to_text());
    }
    Ok(if summary.unreadable.is_empty() && summary.rejected == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// A one-line progress counter on a terminal; silent otherwise so logs stay clean.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(enabled: bool) -> Self {
        let bar = enabled.then(|| {
            let b = indicatif::ProgressBar::new_spinner();
            b.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            b
        });
        Progress { bar }
    }
    fn update(&self, s: &Summary) {
        if let Some(b) = &self.bar {
            b.set_message(format!(
                "{} articles, {} events, {} rejected",
                s.read, s.events, s.rejected
            ));
            b.tick();
        }
    }
    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
