//! Golden tests: wire-style articles we wrote (tests/golden/NN-name.txt) run through
//! `sitrep code`, checked against hand-written expectations (NN-name.expect.json).
//!
//! An article file starts with `key: value` header lines (published, source) and a `---`
//! line; the body is what sitrep reads. An expectation lists events that must appear
//! (each field given must match one and the same record), events that must not appear
//! (`forbid`), and an upper bound on the number of records (`max_events`).

use crate::{repo_root, scratch, sitrep, stderr, stdout};
use serde_json::Value;
use std::path::Path;

struct Golden {
    name: String,
    published: Option<String>,
    source: Option<String>,
    body: String,
    expect: Value,
}

fn load(path: &Path) -> Golden {
    let raw = std::fs::read_to_string(path).unwrap();
    let (head, body) = raw.split_once("\n---\n").expect("golden article needs a '---' line after its header");
    let field = |k: &str| {
        head.lines().find_map(|l| l.strip_prefix(&format!("{k}: ")).map(|v| v.trim().to_string()))
    };
    let expect_path = path.with_extension("expect.json");
    let expect: Value = serde_json::from_str(&std::fs::read_to_string(&expect_path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
    Golden {
        name: path.file_stem().unwrap().to_string_lossy().into_owned(),
        published: field("published"),
        source: field("source"),
        body: body.to_string(),
        expect,
    }
}

fn run(g: &Golden, all_modalities: bool) -> Vec<Value> {
    let dir = scratch(&format!("golden-{}-{}", g.name, all_modalities));
    let input = dir.join(format!("{}.txt", g.name));
    std::fs::write(&input, &g.body).unwrap();
    let mut cmd = sitrep();
    cmd.arg("code").arg(&input);
    if let Some(p) = &g.published {
        cmd.args(["--published", p]);
    }
    if let Some(s) = &g.source {
        cmd.args(["--source", s]);
    }
    if all_modalities {
        cmd.arg("--all-modalities");
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}: sitrep failed: {}", g.name, stderr(&out));
    stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// The value of an expectation key in a record, as JSON.
fn field(r: &Value, key: &str) -> Value {
    let path: &[&str] = match key {
        "cameo" => &["cameo"],
        "cameo_root" => &["cameo_root"],
        "plover_type" => &["plover", "type"],
        "acled_event_type" => &["acled", "event_type"],
        "acled_sub_event_type" => &["acled", "sub_event_type"],
        "actor1_text" => &["actor1", "text"],
        "actor1_code" => &["actor1", "code"],
        "actor1_country" => &["actor1", "country"],
        "actor1_sector" => &["actor1", "sector"],
        "actor2_text" => &["actor2", "text"],
        "actor2_code" => &["actor2", "code"],
        "actor2_country" => &["actor2", "country"],
        "actor2_sector" => &["actor2", "sector"],
        "location_name" => &["location", "name"],
        "location_country" => &["location", "country"],
        "date" => &["date"],
        "date_precision" => &["date_precision"],
        "killed" => &["fatalities", "killed"],
        "killed_qualifier" => &["fatalities", "killed_qualifier"],
        "injured" => &["fatalities", "injured"],
        "injured_qualifier" => &["fatalities", "injured_qualifier"],
        "modality" => &["modality"],
        "trigger" => &["evidence", "trigger"],
        other => panic!("unknown expectation key {other}"),
    };
    let mut v = r;
    for p in path {
        v = &v[*p];
    }
    v.clone()
}

fn matches(r: &Value, want: &serde_json::Map<String, Value>) -> Result<(), String> {
    for (k, w) in want {
        match k.as_str() {
            "all_modalities" => continue,
            "attribution_contains" => {
                let a = r["attribution"].as_str().unwrap_or("").to_lowercase();
                if !a.contains(&w.as_str().unwrap().to_lowercase()) {
                    return Err(format!("attribution {:?} lacks {w}", r["attribution"]));
                }
            }
            "also_in_min" => {
                let n = r["evidence"]["also_in"].as_array().map_or(0, |a| a.len()) as u64;
                if n < w.as_u64().unwrap() {
                    return Err(format!("also_in has {n} sentence(s), want at least {w}"));
                }
            }
            _ => {
                let got = field(r, k);
                if &got != w {
                    return Err(format!("{k}: got {got}, want {w}"));
                }
            }
        }
    }
    Ok(())
}

fn check(g: &Golden) -> Vec<String> {
    let mut problems = Vec::new();
    let asserted = run(g, false);
    let all = run(g, true);
    for want in g.expect["events"].as_array().unwrap() {
        let want = want.as_object().unwrap();
        let pool = if want.get("all_modalities") == Some(&Value::Bool(true)) { &all } else { &asserted };
        if !pool.iter().any(|r| matches(r, want).is_ok()) {
            let closest: Vec<String> = pool.iter().map(|r| matches(r, want).unwrap_err()).collect();
            problems.push(format!("{}: no record matches {}; per record: {closest:?}", g.name, Value::Object(want.clone())));
        }
    }
    for bad in g.expect["forbid"].as_array().into_iter().flatten() {
        let bad = bad.as_object().unwrap();
        if let Some(r) = asserted.iter().find(|r| matches(r, bad).is_ok()) {
            problems.push(format!("{}: forbidden record present: {}", g.name, r["evidence"]["sentence"]));
        }
    }
    if let Some(max) = g.expect["max_events"].as_u64() {
        if asserted.len() as u64 > max {
            problems.push(format!("{}: {} records, at most {max} expected", g.name, asserted.len()));
        }
    }
    if let Some(spec) = g.expect["max_events_with"].as_object() {
        let max = spec["max"].as_u64().unwrap();
        let mut filter = spec.clone();
        filter.remove("max");
        let n = asserted.iter().filter(|r| matches(r, &filter).is_ok()).count() as u64;
        if n > max {
            problems.push(format!("{}: {n} records match {}, at most {max} expected", g.name, Value::Object(filter)));
        }
    }
    problems
}

#[test]
fn golden_articles() {
    let dir = repo_root().join("tests/golden");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "expected at least 10 golden articles in {}", dir.display());
    let problems: Vec<String> = paths.iter().flat_map(|p| check(&load(p))).collect();
    assert!(problems.is_empty(), "{} golden problem(s):\n{}", problems.len(), problems.join("\n"));
}
