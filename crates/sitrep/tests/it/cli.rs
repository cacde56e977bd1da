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
