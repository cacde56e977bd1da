//! PLV sentences: tab-separated values with a header row (`PLV_train.tsv`).
//!
//! Columns read by name (their order does not matter): `sentence` and `gold_root`
//! (required), `sentence_id`, `marked_sentence`, `source`, `target`. Fields are split on
//! tabs; a field wrapped in double quotes is unquoted (`""` → `"`). Quoted fields spanning
//! lines are not supported: the file has none, and a row with the wrong number of columns
//! is skipped with a reason rather than misread. Scoring definitions are in the crate docs.

use crate::score::{aligned, main_typed_event, note, Counts, FieldScore, LabelTally, Reasons};
use crate::{EvalError, GoldFile, GoldItem, Scores};
use sitrep_core::{Article, EventRecord, Span};

/// One PLV sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub sentence: String,
    /// The gold root type in PLV's labels (YIELD for CONCEDE and RETREAT).
    pub root: String,
    /// Byte spans of the source in `sentence`; empty when the gold source is implicit.
    pub source: Vec<Span>,
    pub target: Vec<Span>,
}

impl GoldItem for Item {
    fn article(&self) -> Article {
        Article::new(self.id.clone(), self.sentence.clone())
    }
    fn gold_events(&self) -> usize {
        1
    }
}

/// sitrep's PLOVER 0.8 type in PLV's labels: CONCEDE and RETREAT are PLV's YIELD.
pub fn plv_label(kind: &str) -> String {
    let k = kind.trim().to_ascii_uppercase();
    match k.as_str() {
        "CONCEDE" | "RETREAT" => "YIELD".into(),
        _ => k,
    }
}

fn unquote(field: &str) -> String {
    let f = field.trim_end_matches('\r');
    match f.strip_prefix('"').and_then(|x| x.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => f.to_string(),
    }
}

/// Read the TSV. Fails when the header lacks a required column or no row is usable.
pub fn read(text: &str, origin: &str) -> Result<GoldFile<Item>, EvalError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err(EvalError::new(origin, "empty file (expected a header row)"));
    };
    let header: Vec<String> = header
        .split('\t')
        .map(|h| unquote(h).trim().to_string())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    let need = |name: &str| {
        col(name).ok_or_else(|| {
            EvalError::new(
                origin,
                format!(
                    "header has no `{name}` column (columns: {})",
                    header.join(", ")
                ),
            )
        })
    };
    let (c_sentence, c_root) = (need("sentence")?, need("gold_root")?);
    let (c_id, c_marked, c_source, c_target) = (
        col("sentence_id"),
        col("marked_sentence"),
        col("source"),
        col("target"),
    );

    let mut gold = GoldFile::default();
    for (line_no, line) in lines {
        let fields: Vec<String> = line.split('\t').map(unquote).collect();
        if fields.len() != header.len() {
            note(
                &mut gold.skipped,
                format!(
                    "row has a different number of columns than the header ({} columns)",
                    header.len()
                ),
            );
            continue;
        }
        let get = |c: Option<usize>| c.map(|c| fields[c].trim()).filter(|s| !s.is_empty());
        let Some(sentence) = get(Some(c_sentence)) else {
            note(&mut gold.skipped, "empty sentence");
            continue;
        };
        let Some(root) = get(Some(c_root)) else {
            note(&mut gold.skipped, "no gold_root");
            continue;
        };
        // Spans index the sentence as given (untrimmed), which is the article text.
        let sentence_raw = &fields[c_sentence];
        let sentence = if sentence_raw.len() == sentence.len() {
            sentence_raw.as_str()
        } else {
            sentence
        };
        let marks = get(c_marked).and_then(|m| marked_spans(m, sentence));
        let (source, target) = match marks {
            Some(m) => m,
            None => {
                if get(c_marked).is_some() {
                    note(&mut gold.notes, "marked_sentence does not reduce to the sentence; spans found from the source/target text");
                }
                (
                    find_all(sentence, get(c_source)),
                    find_all(sentence, get(c_target)),
                )
            }
        };
        gold.items.push(Item {
            id: get(c_id)
                .map(str::to_string)
                .unwrap_or_else(|| format!("line-{}", line_no + 1)),
            sentence: sentence.to_string(),
            root: root.to_ascii_uppercase(),
            source,
            target,
        });
    }
    if gold.items.is_empty() {
        return Err(EvalError::new(
            origin,
            format!("no usable rows (skipped: {:?})", gold.skipped),
        ));
    }
    Ok(gold)
}

/// Source and target spans from `<s>…</s>` and `<t>…</t>` marks, if the marked sentence
/// minus its marks is exactly `sentence` and the marks are balanced.
fn marked_spans(marked: &str, sentence: &str) -> Option<(Vec<Span>, Vec<Span>)> {
    let mut plain = String::with_capacity(marked.len());
    let (mut source, mut target) = (Vec::new(), Vec::new());
    let (mut open_s, mut open_t): (Option<usize>, Option<usize>) = (None, None);
    let mut rest = marked;
    while let Some(lt) = rest.find('<') {
        plain.push_str(&rest[..lt]);
        let tail = &rest[lt..];
        let tag = ["<s>", "</s>", "<t>", "</t>"]
            .into_iter()
            .find(|t| tail.starts_with(t));
        match tag {
            // A mark opened twice without closing is malformed.
            Some("<s>") if open_s.is_some() => return None,
            Some("<t>") if open_t.is_some() => return None,
            Some("<s>") => open_s = Some(plain.len()),
            Some("<t>") => open_t = Some(plain.len()),
            Some("</s>") => source.push(Span::new(open_s.take()?, plain.len())),
            Some("</t>") => target.push(Span::new(open_t.take()?, plain.len())),
            _ => plain.push('<'),
        }
        rest = &tail[tag.map_or(1, str::len)..];
    }
    plain.push_str(rest);
    (plain == sentence && open_s.is_none() && open_t.is_none()).then_some((source, target))
}

/// Every occurrence of `needle` in `hay` as byte spans (none for an absent needle).
fn find_all(hay: &str, needle: Option<&str>) -> Vec<Span> {
    let Some(needle) = needle else {
        return Vec::new();
    };
    hay.match_indices(needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

/// Score coded sentences against the PLV labels and spans.
pub fn score(coded: &[(Item, Vec<EventRecord>)]) -> Scores {
    let (mut event, mut root, mut source, mut target) = (
        Counts::default(),
        Counts::default(),
        Counts::default(),
        Counts::default(),
    );
    let mut labels = LabelTally::default();
    let mut root_any = 0usize;
    let mut notes = Reasons::new();
    for (gold, records) in coded {
        if records.is_empty() {
            event.fn_ += 1;
        } else {
            event.tp += 1;
        }
        let main = main_typed_event(records).map(|r| plv_label(&r.plover.kind));
        root.compare(Some(gold.root.as_str()), main.as_deref(), |g, p| g == p);
        labels.decide(&gold.root, main.as_deref());
        if records
            .iter()
            .any(|r| plv_label(&r.plover.kind) == gold.root)
        {
            root_any += 1;
        }
        let rec = aligned(records, |r| plv_label(&r.plover.kind) == gold.root);
        for (spans, counts, pick, role) in [
            (
                &gold.source,
                &mut source,
                rec.and_then(|r| r.actor1.as_ref()),
                "source",
            ),
            (
                &gold.target,
                &mut target,
                rec.and_then(|r| r.actor2.as_ref()),
                "target",
            ),
        ] {
            if spans.is_empty() {
                note(
                    &mut notes,
                    format!("{role}: gold {role} implicit (not in the sentence), not scored"),
                );
                continue;
            }
            counts.compare(Some(spans), pick.map(|a| a.span), |g, p| {
                g.iter().any(|s| s.overlaps(*p))
            });
        }
    }
    let n = coded.len().max(1) as f64;
    let records: usize = coded.iter().map(|(_, r)| r.len()).sum();
    let mut out = Scores {
        notes,
        fields: vec![
            FieldScore::new("event", event),
            FieldScore::new("root", root),
            FieldScore::new("source", source),
            FieldScore::new("target", target),
        ],
        ..Default::default()
    };
    out.metrics
        .insert("root_accuracy".into(), root.tp as f64 / n);
    out.metrics.insert("root_any".into(), root_any as f64 / n);
    out.metrics.insert("coded_any".into(), event.tp as f64 / n);
    out.metrics
        .insert("events_per_sentence".into(), records as f64 / n);
    out.labels = labels.into_scores("root:");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::testing::*;

    const HEADER: &str = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root";

    fn tsv(rows: &[&str]) -> String {
        let mut s = String::from(HEADER);
        for r in rows {
            s.push('\n');
            s.push_str(r);
        }
        s
    }

    #[test]
    fn spans_come_from_marks() {
        let text = tsv(&[
            "0\t7\tLagos police arrested two journalists.\t<s>Lagos police</s> arrested <t>two journalists</t>.\tLagos police\ttwo journalists\tCOERCE",
            "1\t9\tOslo pledged aid to Chad and later to Chad's army.\t<s>Oslo</s> pledged aid to <t>Chad</t> and later to <t>Chad</t>'s army.\tOslo\tChad\tAID",
            "2\t11\tThe strike went on.\tThe strike went on.\tAn actor\ta recipient\tPROTEST",
        ]);
        let g = read(&text, "plv.tsv").unwrap();
        assert_eq!(g.items.len(), 3);
        let a = &g.items[0];
        assert_eq!((a.id.as_str(), a.root.as_str()), ("7", "COERCE"));
        assert_eq!(a.source, vec![Span::new(0, 12)]);
        assert_eq!(a.target[0].of(&a.sentence), "two journalists");
        let b = &g.items[1];
        assert_eq!(b.target.len(), 2);
        assert!(b.target.iter().all(|s| s.of(&b.sentence) == "Chad"));
        let c = &g.items[2];
        assert!(c.source.is_empty() && c.target.is_empty());
        assert!(g.notes.is_empty(), "{:?}", g.notes);
    }

    #[test]
    fn falls_back_to_text_when_marks_disagree() {
        let text = tsv(&[
            "0\t1\tKyiv accused Moscow.\t<s>Kyiv</s> blamed <t>Moscow</t>.\tKyiv\tMoscow\tACCUSE",
        ]);
        let g = read(&text, "plv.tsv").unwrap();
        let it = &g.items[0];
        assert_eq!(it.source, vec![Span::new(0, 4)]);
        assert_eq!(it.target[0].of(&it.sentence), "Moscow");
        assert_eq!(g.notes.values().sum::<usize>(), 1);
        // Unbalanced marks also fall back.
        assert!(marked_spans("<s>Kyiv accused Moscow.", "Kyiv accused Moscow.").is_none());
        assert!(marked_spans("Kyiv</s> accused Moscow.", "Kyiv accused Moscow.").is_none());
        assert!(marked_spans("<s>Kyiv <s>accused</s> Moscow.", "Kyiv accused Moscow.").is_none());
        // A '<' that is not a mark is kept as text.
        let (s, _) = marked_spans("<s>A</s> < B", "A < B").unwrap();
        assert_eq!(s, vec![Span::new(0, 1)]);
    }

    #[test]
    fn bad_rows_are_skipped_and_bad_headers_fail() {
        let text = tsv(&[
            "0\t1\tToo few columns",
            "1\t2\t\t\tx\ty\tAID",
            "2\t3\tAid landed.\tAid landed.\t\t\t",
            "3\t4\t\"Quoted \"\"aid\"\" landed.\"\t\t\t\tAID",
        ]);
        let g = read(&text, "plv.tsv").unwrap();
        assert_eq!(g.items.len(), 1);
        assert_eq!(g.items[0].sentence, "Quoted \"aid\" landed.");
        assert_eq!(g.skipped.get("empty sentence"), Some(&1));
        assert_eq!(g.skipped.get("no gold_root"), Some(&1));
        assert_eq!(g.skipped.values().sum::<usize>(), 3);

        let e = read("id\tsentence\n1\tx", "plv.tsv")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("header has no `gold_root` column (columns: id, sentence)"),
            "{e}"
        );
        let e = read("\n\n", "plv.tsv").unwrap_err().to_string();
        assert!(e.contains("empty file"), "{e}");
        let e = read("sentence\tgold_root\n\tAID", "plv.tsv")
            .unwrap_err()
            .to_string();
        assert!(e.contains("no usable rows"), "{e}");
    }

    #[test]
    fn yield_covers_concede_and_retreat() {
        assert_eq!(plv_label("RETREAT"), "YIELD");
        assert_eq!(plv_label("concede"), "YIELD");
        assert_eq!(plv_label("ASSAULT"), "ASSAULT");
    }

    #[test]
    fn scores_root_and_span_overlap() {
        let text = tsv(&[
            "0\t1\tLagos police arrested two journalists.\t<s>Lagos police</s> arrested <t>two journalists</t>.\tLagos police\ttwo journalists\tCOERCE",
            "1\t2\tThe rebels withdrew from Kidal.\t<s>The rebels</s> withdrew from <t>Kidal</t>.\tThe rebels\tKidal\tYIELD",
            "2\t3\tThe strike went on.\tThe strike went on.\tAn actor\ta recipient\tPROTEST",
            "3\t4\tChad thanked Niger.\t<s>Chad</s> thanked <t>Niger</t>.\tChad\tNiger\tSUPPORT",
        ]);
        let g = read(&text, "plv.tsv").unwrap();
        let mut coerce = record("173", "COERCE", 0.8);
        coerce.actor1 = Some(actor("NGACOP", Some("NGA"), Some("COP"), (6, 12))); // "police"
        coerce.actor2 = Some(actor("NGA", Some("NGA"), None, (0, 5))); // "Lagos": wrong target
        let mut retreat = record("0871", "RETREAT", 0.6);
        retreat.actor1 = Some(actor("REB", None, Some("REB"), (4, 10)));
        let strike = record("143", "PROTEST", 0.5);
        let coded: Vec<(Item, Vec<EventRecord>)> = g
            .items
            .into_iter()
            .zip([vec![coerce], vec![retreat], vec![strike], vec![]])
            .collect();
        let s = score(&coded);
        let f = |n: &str| {
            let x = s.fields.iter().find(|f| f.field == n).unwrap();
            (x.tp, x.fp, x.fn_)
        };
        assert_eq!(f("event"), (3, 0, 1));
        assert_eq!(f("root"), (3, 0, 1));
        assert_eq!(f("source"), (2, 0, 1));
        assert_eq!(f("target"), (0, 1, 3));
        assert!((s.metrics["root_accuracy"] - 0.75).abs() < 1e-9);
        assert!((s.metrics["coded_any"] - 0.75).abs() < 1e-9);
        assert_eq!(
            s.notes
                .get("source: gold source implicit (not in the sentence), not scored"),
            Some(&1)
        );
        assert!(s
            .labels
            .iter()
            .any(|l| l.field == "root:YIELD" && l.tp == 1));
    }
}
