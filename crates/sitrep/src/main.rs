//! `sitrep`: a thin command-line shell over the sitrep library crates.
//!
//! All coding logic lives in the library crates; this binary parses flags, reads inputs,
//! runs the pipeline on a thread pool, writes records and accounts for every input record.

mod code;
mod explain;
mod output;
mod summary;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "sitrep", version, about = "Turn news reports into coded conflict and political event data")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into events (one JSON object per event per line on stdout).
    Code(CodeArgs),
    /// Score sitrep against gold event data (PLOVER records, PLV sentences, PETRARCH XML).
    Eval(EvalArgs),
    /// Build or inspect gazetteer indexes.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
    /// List the pipeline stages in order, with the layers each requires and assigns.
    Stages,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OutputFormat {
    Jsonl,
    Csv,
}

#[derive(Args)]
pub struct CodeArgs {
    /// Files or directories to read; `-` or nothing reads standard input.
    pub inputs: Vec<PathBuf>,
    /// Input format; `auto` detects it from the extension and content.
    #[arg(long, default_value = "auto")]
    pub input_format: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutputFormat,
    /// Write events to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Explain, per article and stage, what was found and why (written to standard error).
    #[arg(long)]
    pub explain: bool,
    /// Also output negated, future, hypothetical and claimed events (default: asserted only).
    #[arg(long)]
    pub all_modalities: bool,
    /// A sitrep-format (TOML) actor dictionary merged over the defaults. Repeatable.
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
    /// A PETRARCH/Phoenix actor dictionary merged over the defaults. Repeatable.
    #[arg(long = "petrarch-actors", value_name = "FILE")]
    pub petrarch_actors: Vec<PathBuf>,
    /// A PETRARCH/Phoenix agents dictionary merged over the defaults. Repeatable.
    #[arg(long = "petrarch-agents", value_name = "FILE")]
    pub petrarch_agents: Vec<PathBuf>,
    /// Use a PETRARCH CAMEO verb dictionary (e.g. CAMEO.2.0.txt) instead of sitrep's lexicon.
    #[arg(long = "petrarch-verbs", value_name = "FILE")]
    pub petrarch_verbs: Option<PathBuf>,
    /// A gazetteer index built by `sitrep gazetteer import` (default: the embedded one).
    #[arg(long)]
    pub gazetteer: Option<PathBuf>,
    /// Publication date for the input (YYYY-MM-DD or RFC 3339); anchors relative dates.
    #[arg(long)]
    pub published: Option<String>,
    /// Source (outlet) name for the input.
    #[arg(long)]
    pub source: Option<String>,
    /// URL for the input.
    #[arg(long)]
    pub url: Option<String>,
    /// Title for the input.
    #[arg(long)]
    pub title: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long)]
    pub threads: Option<usize>,
    /// Print the run summary as JSON on standard error instead of text.
    #[arg(long)]
    pub summary_json: bool,
    /// Never show a progress bar.
    #[arg(long)]
    pub quiet: bool,
    /// Add per-stage timings (total and per sentence) to the run summary.
    #[arg(long)]
    pub timings: bool,
}

#[derive(Args)]
struct EvalArgs {
    /// Which gold set to score: plover, plv, petrarch, or all.
    #[arg(long, default_value = "all")]
    set: String,
    /// The reference data folder (holding plover/, plv/, petrarch2/); the default is
    /// relative to the current directory, i.e. right for a run from the repository root.
    #[arg(long = "ref", default_value = "../shared/ref")]
    ref_root: PathBuf,
    /// Score this gold file instead of the set's default file (needs a single --set).
    #[arg(long)]
    gold: Option<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Use a PETRARCH CAMEO verb dictionary instead of sitrep's lexicon.
    #[arg(long = "petrarch-verbs", value_name = "FILE")]
    petrarch_verbs: Option<PathBuf>,
    /// Score negated, future, hypothetical and claimed events too.
    #[arg(long)]
    all_modalities: bool,
}

#[derive(Subcommand)]
enum GazetteerCommand {
    /// Build a gazetteer index from a GeoNames dump (allCountries.txt or citiesNNN.txt).
    Import {
        /// The GeoNames main table (tab-separated).
        geonames: PathBuf,
        /// GeoNames alternateNamesV2.txt, for more names per place.
        #[arg(long)]
        alternate_names: Option<PathBuf>,
        /// Where to write the index.
        #[arg(short, long)]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => code::run(args),
        Command::Eval(args) => eval(args),
        Command::Gazetteer(GazetteerCommand::Import { geonames, alternate_names, out }) => {
            gazetteer_import(geonames, alternate_names, out)
        }
        Command::Stages => stages(),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`sitrep code … | head`): stop quietly, as Unix tools do.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sitrep: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<csv::Error>().is_some_and(|ce| matches!(ce.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
    })
}

fn eval(args: EvalArgs) -> Result<ExitCode> {
    use sitrep_eval::GoldSet;
    let sets: Vec<GoldSet> = if args.set == "all" {
        vec![GoldSet::Plover, GoldSet::Plv, GoldSet::Petrarch]
    } else {
        vec![args.set.parse().map_err(|e| anyhow::anyhow!("--set: {e}"))?]
    };
    if args.gold.is_some() && sets.len() != 1 {
        anyhow::bail!("--gold needs a single --set (plover, plv or petrarch)");
    }
    let mut builder = sitrep_pipeline::Pipeline::builder();
    if let Some(path) = &args.petrarch_verbs {
        builder = builder.lexicon(code::load_petrarch_verbs(path)?);
    }
    let gazetteer = std::sync::Arc::new(sitrep_places::Gazetteer::embedded());
    let pipeline = builder
        .gazetteer(gazetteer.clone())
        .options(sitrep_pipeline::Options { all_modalities: args.all_modalities, explain: false })
        .build();
    let geocode = sitrep_eval::gazetteer_geocoder(gazetteer);
    let options = sitrep_eval::EvalOptions { geocode: Some(&geocode) };
    let mut reports = Vec::new();
    for set in sets {
        let path = args.gold.clone().unwrap_or_else(|| sitrep_eval::default_path(set, &args.ref_root));
        let report = sitrep_eval::evaluate_with(set, &path, &pipeline, &options)
            .with_context(|| format!("evaluating against {}", path.display()))?;
        if !args.json {
            println!("{}", report.to_table());
        }
        reports.push(report);
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&reports)?);
    }
    Ok(ExitCode::SUCCESS)
}

fn gazetteer_import(geonames: PathBuf, alternate_names: Option<PathBuf>, out: PathBuf) -> Result<ExitCode> {
    let stats = sitrep_places::import_geonames(&geonames, alternate_names.as_deref(), &out)
        .with_context(|| format!("importing {}", geonames.display()))?;
    eprintln!("sitrep: wrote {}: {stats}", out.display());
    Ok(ExitCode::SUCCESS)
}

fn stages() -> Result<ExitCode> {
    let p = sitrep_pipeline::Pipeline::embedded();
    for (name, requires, assigns) in p.stage_layers() {
        println!("{name:<18} requires {requires:?}  assigns {assigns:?}");
    }
    Ok(ExitCode::SUCCESS)
}
