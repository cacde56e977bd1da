//! The CLI contract: output formats, the run summary, exit codes and bad input.

use crate::{repo_root, scratch, sitrep, stderr, stdout};
use serde_json::Value;

const REPORT: &str = "Rebels attacked an army base near the town on Friday, killing three soldiers, the army said.\n";

#[test]
fn example_article_codes_to_schema_records() {
    let out = sitrep()
        .args(["code", "--published", "2024-05-17"])
        .arg(repo_root().join("examples/sake-clashes.txt"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let records: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!records.is_empty(), "no events for the README example");
    for r in &records {
        assert_eq!(r["schema"], "sitrep.event/1");
        let span = &r["evidence"]["trigger_span"];
        let sentence_span = &r["evidence"]["sentence_span"];
        assert!(span[0].as_u64() >= sentence_span[0].as_u64() && span[1].as_u64() <= sentence_span[1].as_u64());
    }
    assert!(stderr(&out).contains("1 coded"), "{}", stderr(&out));
}

#[test]
fn records_are_valid_against_the_documented_schema_fields() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(repo_root().join("docs/event-schema.json")).unwrap()).unwrap();
    let required: Vec<&str> = schema["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let dir = scratch("schema");
    let input = dir.join("a.txt");
    std::fs::write(&input, REPORT).unwrap();
    let out = sitrep().arg("code").arg(&input).args(["--published", "2024-05-17"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let first = stdout(&out).lines().next().map(|l| serde_json::from_str::<Value>(l).unwrap()).expect("an event");
    let obj = first.as_object().unwrap();
    for k in &required {
        assert!(obj.contains_key(*k), "record lacks required field {k}");
    }
    for k in obj.keys() {
        assert!(schema["properties"].get(k).is_some(), "field {k} is not documented in docs/event-schema.json");
    }
}

#[test]
fn csv_output_has_header_and_rows() {
    let dir = scratch("csv");
    let input = dir.join("a.txt");
    std::fs::write(&input, REPORT).unwrap();
    let out = sitrep().arg("code").arg(&input).args(["--format", "csv"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("event_id,article_id,"));
    assert!(lines.next().is_some(), "no CSV rows");
}

#[test]
fn explain_reports_stages_on_stderr() {
    let dir = scratch("explain");
    let input = dir.join("a.txt");
    std::fs::write(&input, REPORT).unwrap();
    let out = sitrep().arg("code").arg(&input).arg("--explain").output().unwrap();
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.contains("[segment]") && err.contains("[event]"), "{err}");
    assert!(err.contains("rules="), "{err}");
}

#[test]
fn bad_inputs_are_rejected_with_reasons_and_the_rest_is_coded() {
    let dir = scratch("bad");
    std::fs::write(dir.join("good.txt"), REPORT).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(
        dir.join("mixed.jsonl"),
        format!("{{\"id\":\"j1\",\"text\":{}}}\nnot json\n{{\"id\":\"j3\"}}\n", serde_json::to_string(REPORT).unwrap()),
    )
    .unwrap();
    let out = sitrep().arg("code").arg(&dir).arg("--summary-json").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "rejections must give exit code 1: {}", stderr(&out));
    let summary: Value = serde_json::from_str(stderr(&out).lines().last().unwrap()).unwrap();
    assert_eq!(summary["coded"], 2, "{summary}");
    assert_eq!(summary["rejected"], 4, "{summary}");
    assert_eq!(
        summary["records"].as_u64().unwrap(),
        summary["coded"].as_u64().unwrap() + summary["empty"].as_u64().unwrap() + summary["rejected"].as_u64().unwrap()
    );
    let ids: Vec<String> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["article_id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.contains(&"j1".to_string()));
}

#[test]
fn missing_input_is_a_clear_error() {
    let out = sitrep().args(["code", "/nonexistent/sitrep-input.txt"]).output().unwrap();
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("/nonexistent/sitrep-input.txt"), "{}", stderr(&out));
}

#[test]
fn bad_published_flag_is_a_usage_error() {
    let out = sitrep().args(["code", "--published", "someday"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--published"));
}

#[test]
fn stdin_is_read_when_no_input_is_given() {
    use std::io::Write;
    let mut child = sitrep()
        .args(["code", "--published", "2024-05-17"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(REPORT.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).is_empty());
}

#[test]
fn stages_lists_the_pipeline_in_order() {
    let out = sitrep().arg("stages").output().unwrap();
    let text = stdout(&out);
    let names: Vec<&str> = text.lines().map(|l| l.split_whitespace().next().unwrap()).collect();
    assert_eq!(names.first(), Some(&"clean"));
    assert_eq!(names.last(), Some(&"merge"));
    assert!(names.contains(&"code_events"));
}

/// Several articles in one JSON Lines file, for tests that need more than one record.
fn multi_article_jsonl(dir: &std::path::Path) -> std::path::PathBuf {
    let bodies = [
        "Rebels attacked an army base near Gao on Friday, killing three soldiers, the army said.",
        "Police arrested 40 protesters in Nairobi on Tuesday after clashes near parliament.",
        "Sudan recalled its ambassador to Chad on Monday, the foreign ministry said.",
        "An air strike killed six civilians in the village on Sunday, residents said. The strike hit a market.",
        "The minister met his Ethiopian counterpart in Addis Ababa to discuss the border dispute.",
    ];
    let path = dir.join("many.jsonl");
    let mut lines = String::new();
    for round in 0..20 {
        for (i, b) in bodies.iter().enumerate() {
            lines.push_str(&serde_json::json!({"id": format!("a{round}-{i}"), "text": b, "published": "2024-05-17"}).to_string());
            lines.push('\n');
        }
    }
    std::fs::write(&path, lines).unwrap();
    path
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let dir = scratch("threads");
    let input = multi_article_jsonl(&dir);
    let one = sitrep().arg("code").arg(&input).args(["-j", "1"]).output().unwrap();
    let many = sitrep().arg("code").arg(&input).args(["-j", "4"]).output().unwrap();
    assert!(one.status.success() && many.status.success());
    assert!(!stdout(&one).is_empty());
    assert_eq!(stdout(&one), stdout(&many), "records or their order depend on the thread count");
    let again = sitrep().arg("code").arg(&input).args(["-j", "1"]).output().unwrap();
    assert_eq!(stdout(&one), stdout(&again), "two runs over the same input differ");
}

#[test]
fn timings_add_a_line_per_stage_to_the_summary() {
    let dir = scratch("timings");
    let input = multi_article_jsonl(&dir);
    let out = sitrep().arg("code").arg(&input).arg("--timings").output().unwrap();
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.contains("stage code_events") && err.contains("µs/sentence"), "{err}");
}

#[test]
fn user_dictionary_adds_actors_and_bad_entries_name_file_and_line() {
    let dir = scratch("dict");
    let input = dir.join("a.txt");
    std::fs::write(&input, "Fighters of the Zanubia Front attacked a police post on Friday, killing two officers.\n").unwrap();
    let dict = dir.join("mine.toml");
    std::fs::write(
        &dict,
        "[[actor]]\ncode = \"NGAREB\"\nname = \"Zanubia Front\"\naliases = [\"the Zanubia Front\"]\ncountry = \"NGA\"\nsector = \"REB\"\n",
    )
    .unwrap();
    let out = sitrep().arg("code").arg(&input).arg("--dict").arg(&dict).args(["--published", "2024-05-17"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let records: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(
        records.iter().any(|r| r["actor1"]["code"] == "NGAREB"),
        "the user dictionary's actor was not used: {records:?}"
    );

    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[agents]\ntroops = \"MIL\"\nfighters = { inter = 2 }\n").unwrap();
    let out = sitrep().arg("code").arg(&input).arg("--dict").arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("bad.toml") && err.contains(":3"), "error must name the file and line: {err}");
}

#[test]
fn petrarch_dictionaries_load_from_the_reference_data() {
    let dicts = repo_root().join("../shared/ref/petrarch2/dictionaries");
    if !dicts.exists() {
        eprintln!("skipped: {} not present", dicts.display());
        return;
    }
    let dir = scratch("petrarch");
    let input = dir.join("a.txt");
    std::fs::write(&input, "Israeli troops raided a refugee camp in the West Bank on Monday, killing two Palestinians.\n").unwrap();
    let out = sitrep()
        .arg("code")
        .arg(&input)
        .arg("--petrarch-actors")
        .arg(dicts.join("Phoenix.Countries.actors.txt"))
        .arg("--petrarch-agents")
        .arg(dicts.join("Phoenix.agents.txt"))
        .arg("--petrarch-verbs")
        .arg(dicts.join("CAMEO.2.0.txt"))
        .args(["--published", "2024-05-17"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let records: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(records.iter().any(|r| r["cameo_root"].as_str().is_some_and(|c| c == "18" || c == "19")), "{records:?}");
}

#[test]
fn html_pages_are_read_with_their_metadata() {
    let dir = scratch("html");
    let page = r#"<!doctype html><html lang="en"><head><title>Clashes near Gao</title>
<meta property="article:published_time" content="2024-05-17T09:30:00Z">
<meta property="og:site_name" content="Example Daily"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Clashes near Gao</h1>
<p>Rebels attacked an army base near Gao on Friday, killing three soldiers and wounding five others, the army said in a statement on Saturday.</p>
<p>The attack was the third on the base this month, according to local officials who asked not to be named.</p>
</article><footer>Copyright Example Daily</footer></body></html>"#;
    let input = dir.join("page.html");
    std::fs::write(&input, page).unwrap();
    let out = sitrep().arg("code").arg(&input).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let first: Value = serde_json::from_str(stdout(&out).lines().next().expect("an event")).unwrap();
    assert_eq!(first["published"], "2024-05-17");
    assert_eq!(first["source_name"], "Example Daily");
    assert_eq!(first["date"], "2024-05-17", "Friday before a Friday publication is that day");
}

#[test]
fn gazetteer_import_builds_an_index_that_code_can_use() {
    let dir = scratch("gazetteer");
    // A tiny dump in GeoNames' tab-separated layout (19 columns), with an invented town.
    let rows = [
        ["9000001", "Kelbora", "Kelbora", "Kelbura", "4.2500", "31.6000", "P", "PPL", "SS", "", "07", "", "", "", "12000", "", "480", "Africa/Juba", "2024-01-01"],
        ["9000002", "Juba", "Juba", "", "4.8594", "31.5713", "P", "PPLC", "SS", "", "07", "", "", "", "300000", "", "550", "Africa/Juba", "2024-01-01"],
    ];
    let dump: String = rows.iter().map(|r| r.join("\t") + "\n").collect();
    let dump_path = dir.join("cities.txt");
    std::fs::write(&dump_path, dump).unwrap();
    let index = dir.join("gaz.idx");
    let out = sitrep().args(["gazetteer", "import"]).arg(&dump_path).arg("--out").arg(&index).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(index.exists());

    let input = dir.join("a.txt");
    std::fs::write(&input, "Gunmen attacked the market in Kelbora on Friday, killing four traders, officials said.\n").unwrap();
    let out = sitrep().arg("code").arg(&input).arg("--gazetteer").arg(&index).args(["--published", "2024-05-17"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let records: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(
        records.iter().any(|r| r["location"]["name"] == "Kelbora" && r["location"]["geonames_id"] == 9000001),
        "{records:?}"
    );

    let missing = sitrep().args(["code", "--gazetteer", "/nonexistent/gaz.idx"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("/nonexistent/gaz.idx"));
}
