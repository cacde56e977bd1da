//! Score the embedded pipeline on the gold sets without the CLI, e.g. while a stage is
//! being tuned:
//!
//! ```text
//! cargo run --release -p sitrep-eval --example eval               # all three sets
//! cargo run --release -p sitrep-eval --example eval -- plv --json
//! ```
//!
//! The gold files are read from `SITREP_REF` or else `../shared/ref` next to the repo.

use sitrep_eval::{default_path, evaluate, GoldSet};
use sitrep_pipeline::Pipeline;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let sets: Result<Vec<GoldSet>, _> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(|a| a.parse())
        .collect();
    let sets = match sets {
        Ok(s) if s.is_empty() => GoldSet::ALL.to_vec(),
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let root = std::env::var_os("SITREP_REF")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/ref"));
    let pipeline = Pipeline::embedded();
    let mut failed = false;
    for set in sets {
        match evaluate(set, &default_path(set, &root), &pipeline) {
            Ok(r) if json => println!("{}", serde_json::to_string(&r).expect("report serialises")),
            Ok(r) => println!("{}", r.to_table()),
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
