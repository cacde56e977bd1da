//! The run summary: every input record is counted as coded, empty or rejected, with reasons.

use sitrep_core::Outcome;
use std::collections::BTreeMap;

/// How many origins to list per rejection reason before summarising the rest.
const EXAMPLES_PER_REASON: usize = 3;

#[derive(Default)]
pub struct Summary {
    /// Records that reached the pipeline (coded + empty).
    pub read: usize,
    pub coded: usize,
    pub empty: usize,
    pub rejected: usize,
    /// Well-formed input that is not an article (WARC redirects, images): counted, no error.
    pub skipped: usize,
    pub skipped_reasons: BTreeMap<String, usize>,
    pub events: usize,
    pub sentences: usize,
    pub empty_reasons: BTreeMap<String, usize>,
    /// reason -> (count, first few origins)
    pub rejected_reasons: BTreeMap<String, (usize, Vec<String>)>,
    pub unreadable: Vec<String>,
    pub load_seconds: f64,
    pub seconds: f64,
    /// Per-stage time summed over articles (filled with `--timings`).
    pub stage_times: Vec<std::time::Duration>,
    pub stage_names: Vec<&'static str>,
}

/// Group reasons that differ only in their numbers ("no event trigger in 3 sentence(s)")
/// under one key, with each number shown as N.
fn reason_key(reason: &str) -> String {
    let mut key = String::with_capacity(reason.len());
    let mut in_number = false;
    for c in reason.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                key.push('N');
            }
            in_number = true;
        } else {
            in_number = false;
            key.push(c);
        }
    }
    key
}

impl Summary {
    pub fn record(&mut self, id: &str, outcome: &Outcome, events: usize, sentences: usize) {
        self.events += events;
        self.sentences += sentences;
        match outcome {
            Outcome::Coded => {
                self.read += 1;
                self.coded += 1;
            }
            Outcome::Empty(reason) => {
                self.read += 1;
                self.empty += 1;
                *self.empty_reasons.entry(reason_key(reason)).or_default() += 1;
            }
            // Counted once, as a rejection, not also as read.
            Outcome::Rejected(reason) => self.reject(id, reason),
        }
    }

    pub fn skip(&mut self, reason: &str) {
        self.skipped += 1;
        *self.skipped_reasons.entry(reason_key(reason)).or_default() += 1;
    }

    pub fn reject(&mut self, origin: &str, reason: &str) {
        self.rejected += 1;
        let e = self.rejected_reasons.entry(reason.to_string()).or_default();
        e.0 += 1;
        if e.1.len() < EXAMPLES_PER_REASON {
            e.1.push(origin.to_string());
        }
    }

    pub fn add_timings(&mut self, t: &[std::time::Duration]) {
        if self.stage_times.len() < t.len() {
            self.stage_times.resize(t.len(), std::time::Duration::ZERO);
        }
        for (a, b) in self.stage_times.iter_mut().zip(t) {
            *a += *b;
        }
    }

    fn timing_rows(&self) -> Vec<(&'static str, f64, f64)> {
        let per = self.sentences.max(1) as f64;
        self.stage_names
            .iter()
            .zip(&self.stage_times)
            .map(|(n, t)| (*n, t.as_secs_f64(), t.as_secs_f64() * 1e6 / per))
            .collect()
    }

    pub fn to_text(&self) -> String {
        let mut s = format!(
            "sitrep: {} records: {} coded, {} empty, {} rejected; {} events from {} sentences in {:.2}s (dictionaries {:.2}s)\n",
            self.read + self.rejected,
            self.coded,
            self.empty,
            self.rejected,
            self.events,
            self.sentences,
            self.seconds,
            self.load_seconds
        );
        for (reason, n) in &self.empty_reasons {
            s.push_str(&format!("  empty    {n:>6}  {reason}\n"));
        }
        if self.skipped > 0 {
            s.push_str(&format!("  skipped {} input record(s) that are not articles:\n", self.skipped));
            for (reason, n) in &self.skipped_reasons {
                s.push_str(&format!("  skipped  {n:>6}  {reason}\n"));
            }
        }
        for (reason, (n, origins)) in &self.rejected_reasons {
            let more = if *n > origins.len() { format!(", +{} more", n - origins.len()) } else { String::new() };
            s.push_str(&format!("  rejected {n:>6}  {reason} ({}{more})\n", origins.join(", ")));
        }
        for p in &self.unreadable {
            s.push_str(&format!("  unreadable input: {p}\n"));
        }
        for (name, secs, us) in self.timing_rows() {
            s.push_str(&format!("  stage {name:<18} {secs:>8.3}s {us:>8.2} µs/sentence (summed over threads)\n"));
        }
        s
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "records": self.read + self.rejected,
            "coded": self.coded,
            "empty": self.empty,
            "rejected": self.rejected,
            "skipped": self.skipped,
            "skipped_reasons": self.skipped_reasons,
            "events": self.events,
            "sentences": self.sentences,
            "empty_reasons": self.empty_reasons,
            "rejected_reasons": self.rejected_reasons.iter().map(|(r, (n, o))| serde_json::json!({"reason": r, "count": n, "examples": o})).collect::<Vec<_>>(),
            "unreadable": self.unreadable,
            "seconds": self.seconds,
            "load_seconds": self.load_seconds,
            "stage_seconds": self.timing_rows().iter().map(|(n, secs, _)| (n.to_string(), *secs)).collect::<BTreeMap<String, f64>>(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn every_record_is_counted_once() {
        let mut s = Summary::default();
        s.record("a", &Outcome::Coded, 2, 5);
        s.record("b", &Outcome::Empty("no event trigger in 3 sentence(s)".into()), 0, 3);
        s.record("c", &Outcome::Empty("no event trigger in 7 sentence(s)".into()), 0, 7);
        s.reject("x.jsonl:4", "not JSON: expected value");
        s.record("d", &Outcome::Rejected("cannot decode".into()), 0, 0);
        s.skip("HTTP status 301 (not a page with content)");
        assert_eq!((s.coded, s.empty, s.rejected, s.skipped), (1, 2, 2, 1));
        assert_eq!(s.empty_reasons.get("no event trigger in N sentence(s)"), Some(&2));
        let t = s.to_text();
        assert!(t.contains("5 records: 1 coded, 2 empty, 2 rejected"), "{t}");
        assert!(t.contains("skipped 1 input record(s) that are not articles"), "{t}");
        assert!(t.contains("x.jsonl:4"));
    }
}
