//! PETRARCH-2 validation records (`PETR2_GSR_validation.xml`).
//!
//! The file looks like XML but is not well-formed: `<Sentence …/>` is often self-closed and
//! still followed by a `</Sentence>`, and banner lines starting with `#` sit between
//! elements. A strict XML parser rejects it, so this module scans for the three things it
//! needs instead, which is short and tolerant of both quirks:
//! - `<Sentence id= date= evaluate=>` starts a record, which runs to the next `<Sentence`;
//! - `<EventCoding sourcecode= targetcode= eventcode=/>` (or `noevents="True"`) in it;
//! - `<Text>…</Text>`, whose whitespace (the file wraps lines) is collapsed to single spaces.
//!
//! `<Parse>…</Parse>` blocks and `<!-- … -->` comments are removed first, and `#` lines
//! outside `<Text>`. The five predefined XML entities and numeric character references are
//! decoded in text and attribute values. Scoring definitions are in the crate docs.

use crate::score::{self, note, Counts, FieldScore, LabelTally, Reasons};
use crate::{parse_gold_date, EvalError, GoldFile, GoldItem, Scores};
use sitrep_core::{Article, EventRecord};

/// One gold coding: CAMEO event code and source/target actor codes as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coding {
    pub event: String,
    pub source: String,
    pub target: String,
}

/// One validation sentence; `codings` is empty for `noevents`.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub date: Option<jiff::civil::Date>,
    pub text: String,
    pub codings: Vec<Coding>,
}

impl GoldItem for Item {
    fn article(&self) -> Article {
        let mut a = Article::new(self.id.clone(), self.text.clone());
        a.published = self.date;
        a
    }
    fn gold_events(&self) -> usize {
        self.codings.len()
    }
}

/// Read the validation file. Fails when it holds no `<Sentence>` or none is usable.
pub fn read(text: &str, origin: &str) -> Result<GoldFile<Item>, EvalError> {
    let clean = strip_noise(text);
    let mut gold = GoldFile::default();
    let starts: Vec<usize> = sentence_starts(&clean);
    if starts.is_empty() {
        return Err(EvalError::new(origin, "no <Sentence> records found"));
    }
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(clean.len());
        match sentence_record(&clean[start..end], k, &mut gold.notes) {
            Ok(Some(item)) => gold.items.push(item),
            Ok(None) => note(&mut gold.skipped, "evaluate=\"false\""),
            Err(reason) => note(&mut gold.skipped, reason),
        }
    }
    if gold.items.is_empty() {
        return Err(EvalError::new(
            origin,
            format!(
                "none of the {} <Sentence> records is usable (skipped: {:?})",
                starts.len(),
                gold.skipped
            ),
        ));
    }
    Ok(gold)
}

/// Remove comments, `<Parse>` blocks and `#` banner lines outside `<Text>`.
fn strip_noise(text: &str) -> String {
    let no_comments = remove_between(text, "<!--", "-->");
    let no_parse = remove_between(&no_comments, "<Parse>", "</Parse>");
    let mut out = String::with_capacity(no_parse.len());
    let mut in_text = false;
    for line in no_parse.lines() {
        if !in_text && line.trim_start().starts_with('#') {
            continue;
        }
        if let (Some(o), c) = (line.rfind("<Text>"), line.rfind("</Text>")) {
            in_text = c.is_none_or(|c| c < o);
        } else if line.contains("</Text>") {
            in_text = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// `text` with every `open … close` run removed (an unclosed one runs to the end).
fn remove_between(text: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        match rest[i + open.len()..].find(close) {
            Some(j) => rest = &rest[i + open.len() + j + close.len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// Byte offsets of `<Sentence` tags (not `<Sentences>`).
fn sentence_starts(text: &str) -> Vec<usize> {
    text.match_indices("<Sentence")
        .filter(|(i, m)| {
            text[i + m.len()..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
        })
        .map(|(i, _)| i)
        .collect()
}

/// The tag starting at the beginning of `s` (`<Name …>`), without its brackets.
fn tag_body(s: &str) -> Option<&str> {
    let end = s.find('>')?;
    Some(s[1..end].trim_end_matches('/'))
}

/// `name="value"` pairs of a tag body (after its name). Single or double quotes; an
/// unquoted value runs to whitespace.
fn attributes(body: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = body.trim_start();
    // Skip the element name.
    rest = rest.trim_start_matches(|c: char| !c.is_whitespace());
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let Some(eq) = rest.find('=') else { break };
        let name = rest[..eq].trim().to_string();
        rest = rest[eq + 1..].trim_start();
        let value;
        match rest.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let Some(close) = rest[1..].find(q) else {
                    break;
                };
                value = &rest[1..1 + close];
                rest = &rest[close + 2..];
            }
            Some(_) => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                value = &rest[..end];
                rest = &rest[end..];
            }
            None => break,
        }
        out.push((name, decode_entities(value)));
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim())
}

/// Decode `&amp; &lt; &gt; &quot; &apos;` and `&#NN;` / `&#xNN;`; anything else is kept.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semi = rest.find(';').filter(|&j| j <= 10);
        let decoded = semi.and_then(|j| {
            let name = &rest[1..j];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => num.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                }
            };
            ch.map(|c| (c, j))
        });
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// One `<Sentence>` region. `Ok(None)`: marked `evaluate="false"`.
fn sentence_record(
    region: &str,
    index: usize,
    notes: &mut Reasons,
) -> Result<Option<Item>, String> {
    let head = tag_body(region).ok_or("unterminated <Sentence> tag")?;
    let attrs = attributes(head);
    if attr(&attrs, "evaluate").is_some_and(|v| v.eq_ignore_ascii_case("false")) {
        return Ok(None);
    }
    let id = attr(&attrs, "id")
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| format!("sentence-{index}"));
    let date = attr(&attrs, "date").and_then(|d| {
        let parsed = parse_gold_date(d);
        if parsed.is_none() {
            note(
                notes,
                "date: unreadable <Sentence date>, article has no publication date",
            );
        }
        parsed
    });
    let text = match (region.find("<Text>"), region.find("</Text>")) {
        (Some(o), Some(c)) if c > o => decode_entities(&region[o + 6..c]),
        _ => return Err("no <Text>…</Text>".into()),
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err("empty <Text>".into());
    }
    let mut codings = Vec::new();
    let mut noevents = false;
    for (i, _) in region.match_indices("<EventCoding") {
        let Some(body) = tag_body(&region[i..]) else {
            note(notes, "coding: unterminated <EventCoding> tag, ignored");
            continue;
        };
        let a = attributes(body);
        if attr(&a, "noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            noevents = true;
            continue;
        }
        match attr(&a, "eventcode").filter(|c| !c.is_empty()) {
            Some(code) => codings.push(Coding {
                event: code.to_string(),
                source: attr(&a, "sourcecode").unwrap_or_default().to_string(),
                target: attr(&a, "targetcode").unwrap_or_default().to_string(),
            }),
            None => note(notes, "coding: <EventCoding> without eventcode, ignored"),
        }
    }
    if codings.is_empty() && !noevents {
        return Err("no <EventCoding> (neither codes nor noevents)".into());
    }
    if noevents && !codings.is_empty() {
        note(
            notes,
            "coding: sentence has both noevents and codes; codes used",
        );
    }
    Ok(Some(Item {
        id,
        date,
        text,
        codings,
    }))
}

/// The CAMEO root: the first two digits.
fn root(code: &str) -> String {
    code.trim().chars().take(2).collect()
}

/// Score coded sentences against the gold codings.
pub fn score(coded: &[(Item, Vec<EventRecord>)]) -> Scores {
    let mut event = Counts::default();
    let mut roots = Counts::default();
    let mut codes = Counts::default();
    let mut source = Counts::default();
    let mut target = Counts::default();
    let mut source_country = Counts::default();
    let mut target_country = Counts::default();
    let mut triple = Counts::default();
    let mut triple_loose = Counts::default();
    let mut labels = LabelTally::default();
    let mut noevents = 0usize;
    let mut noevents_clean = 0usize;

    for (gold, records) in coded {
        match (gold.codings.is_empty(), records.is_empty()) {
            (false, false) => event.tp += 1,
            (false, true) => event.fn_ += 1,
            (true, false) => event.fp += 1,
            (true, true) => noevents_clean += 1,
        }
        if gold.codings.is_empty() {
            noevents += 1;
        }
        let g_root: Vec<String> = gold.codings.iter().map(|c| root(&c.event)).collect();
        let p_root: Vec<String> = records.iter().map(|r| root(&r.cameo)).collect();
        roots.add_multiset(&g_root, &p_root);
        labels.multiset(&g_root, &p_root);
        let g_code: Vec<String> = gold
            .codings
            .iter()
            .map(|c| c.event.trim().to_string())
            .collect();
        let p_code: Vec<String> = records.iter().map(|r| r.cameo.trim().to_string()).collect();
        codes.add_multiset(&g_code, &p_code);

        // Actor codes. A gold actor that is only the unknown-country filler is no actor.
        let full = |codes: Vec<String>| {
            codes
                .into_iter()
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
        };
        let g_src = full(
            gold.codings
                .iter()
                .map(|c| score::full_code(&c.source))
                .collect(),
        );
        let g_tgt = full(
            gold.codings
                .iter()
                .map(|c| score::full_code(&c.target))
                .collect(),
        );
        let p_src = full(
            records
                .iter()
                .filter_map(|r| r.actor1.as_ref())
                .map(|a| score::full_code(a.code.as_deref().unwrap_or("")))
                .collect(),
        );
        let p_tgt = full(
            records
                .iter()
                .filter_map(|r| r.actor2.as_ref())
                .map(|a| score::full_code(a.code.as_deref().unwrap_or("")))
                .collect(),
        );
        source.add_multiset(&g_src, &p_src);
        target.add_multiset(&g_tgt, &p_tgt);
        let g_primary =
            |code: &str| (!score::full_code(code).is_empty()).then(|| score::gold_primary(code));
        let g_src_c: Vec<String> = gold
            .codings
            .iter()
            .filter_map(|c| g_primary(&c.source))
            .collect();
        let g_tgt_c: Vec<String> = gold
            .codings
            .iter()
            .filter_map(|c| g_primary(&c.target))
            .collect();
        let p_src_c: Vec<String> = records
            .iter()
            .filter_map(|r| r.actor1.as_ref())
            .filter_map(score::pred_primary)
            .collect();
        let p_tgt_c: Vec<String> = records
            .iter()
            .filter_map(|r| r.actor2.as_ref())
            .filter_map(score::pred_primary)
            .collect();
        source_country.add_multiset(&g_src_c, &p_src_c);
        target_country.add_multiset(&g_tgt_c, &p_tgt_c);

        let g_triple: Vec<(String, String, String)> = gold
            .codings
            .iter()
            .map(|c| {
                (
                    score::full_code(&c.source),
                    score::full_code(&c.target),
                    c.event.trim().to_string(),
                )
            })
            .collect();
        let p_triple: Vec<(String, String, String)> = records
            .iter()
            .map(|r| {
                let code = |a: Option<&sitrep_core::RecordActor>| {
                    a.map(|a| score::full_code(a.code.as_deref().unwrap_or(""))).unwrap_or_default()
                };
                (
                    code(r.actor1.as_ref()),
                    code(r.actor2.as_ref()),
                    r.cameo.trim().to_string(),
                )
            })
            .collect();
        triple.add_multiset(&g_triple, &p_triple);
        let g_loose: Vec<(String, String, String)> = gold
            .codings
            .iter()
            .map(|c| {
                (
                    g_primary(&c.source).unwrap_or_default(),
                    g_primary(&c.target).unwrap_or_default(),
                    root(&c.event),
                )
            })
            .collect();
        let p_loose: Vec<(String, String, String)> = records
            .iter()
            .map(|r| {
                let p = |a: Option<&sitrep_core::RecordActor>| {
                    a.and_then(score::pred_primary).unwrap_or_default()
                };
                (p(r.actor1.as_ref()), p(r.actor2.as_ref()), root(&r.cameo))
            })
            .collect();
        triple_loose.add_multiset(&g_loose, &p_loose);
    }

    let n = coded.len().max(1) as f64;
    let records: usize = coded.iter().map(|(_, r)| r.len()).sum();
    let root_recall = FieldScore::new("root", roots).recall;
    let mut metrics = std::collections::BTreeMap::new();
    metrics.insert("root_recall".into(), root_recall);
    metrics.insert("extra_events_per_sentence".into(), roots.fp as f64 / n);
    metrics.insert("events_per_sentence".into(), records as f64 / n);
    metrics.insert(
        "coded_any".into(),
        coded.iter().filter(|(_, r)| !r.is_empty()).count() as f64 / n,
    );
    if noevents > 0 {
        metrics.insert(
            "noevents_clean".into(),
            noevents_clean as f64 / noevents as f64,
        );
    }
    Scores {
        fields: vec![
            FieldScore::new("event", event),
            FieldScore::new("root", roots),
            FieldScore::new("code", codes),
            FieldScore::new("source", source),
            FieldScore::new("target", target),
            FieldScore::new("source_country", source_country),
            FieldScore::new("target_country", target_country),
            FieldScore::new("triple_exact", triple),
            FieldScore::new("triple_root_country", triple_loose),
        ],
        metrics,
        labels: labels.into_scores("root:"),
        notes: Reasons::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::testing::*;

    const SAMPLE: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<Validation>
######################################
#   banner text with <Sentence id="fake"> inside a comment line
######################################
<Sentences>
<Sentence category="T" date="20150609" id="S_1" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="---REB" targetcode="NGAMIL" />
<EventCoding eventcode="0871" sourcecode="NGAMIL" targetcode="---" />
<Text>
Gunmen attacked an army post near
Maiduguri &amp; the soldiers fell back, officials said.
</Text>
<Parse>
1	Gunmen	gunman	NOUN	NNS	_	2	nsubj	_	_
<Text>not the text</Text>
</Parse></Sentence>

<Sentence category="T" date="121108" id="S_2" evaluate="true">
<!-- a remark with <EventCoding eventcode="999"/> in it -->
<EventCoding noevents="True" />
<Text>
The weather was mild on Tuesday.
</Text>
</Sentence>
<Sentence category="T" date="20150609" id="S_3" evaluate="false"/>
<EventCoding eventcode="040" sourcecode="USA" targetcode="CHN" />
<Text>Skipped on purpose.</Text>
</Sentence>
<Sentence category="T" date="20150609" id="S_4"/>
<EventCoding eventcode="040" sourcecode="USA" targetcode="CHN" />
</Sentence>
<Sentence category="T" date="2015" id='S_5'>
<Text>
# not a comment inside text
</Text>
<EventCoding eventcode="042" sourcecode='USAGOV' targetcode=CHN />
</Sentence>
</Sentences>
</Validation>
"#;

    #[test]
    fn reads_the_lenient_structure() {
        let g = read(SAMPLE, "gold.xml").unwrap();
        let ids: Vec<&str> = g.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["S_1", "S_2", "S_5"]);
        let s1 = &g.items[0];
        assert_eq!(
            s1.text,
            "Gunmen attacked an army post near Maiduguri & the soldiers fell back, officials said."
        );
        assert_eq!(s1.codings.len(), 2);
        assert_eq!(
            s1.codings[0],
            Coding {
                event: "190".into(),
                source: "---REB".into(),
                target: "NGAMIL".into()
            }
        );
        assert_eq!(s1.date, jiff::civil::Date::new(2015, 6, 9).ok());
        let s2 = &g.items[1];
        assert!(s2.codings.is_empty());
        assert_eq!(s2.date, jiff::civil::Date::new(2012, 11, 8).ok());
        let s5 = &g.items[2];
        assert_eq!(s5.text, "# not a comment inside text");
        assert_eq!(s5.codings[0].source, "USAGOV");
        assert_eq!(s5.codings[0].target, "CHN");
        assert_eq!(s5.date, None);
        assert_eq!(g.skipped.get("evaluate=\"false\""), Some(&1));
        assert_eq!(g.skipped.get("no <Text>…</Text>"), Some(&1));
        assert!(g.notes.keys().any(|k| k.starts_with("date: unreadable")));
        assert_eq!(s1.article().published, s1.date);
        assert_eq!(s1.gold_events(), 2);
    }

    #[test]
    fn unusable_files_fail_with_origin() {
        let e = read("<Validation></Validation>", "g.xml")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "g.xml: no <Sentence> records found");
        let e = read("<Sentences><Sentence id=\"a\"/></Sentences>", "g.xml")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("g.xml: none of the 1 <Sentence> records is usable"),
            "{e}"
        );
    }

    #[test]
    fn entities_and_attributes() {
        assert_eq!(
            decode_entities("a &lt;b&gt; &quot;c&quot; &#65;&#x42; &apos; &unknown; &"),
            "a <b> \"c\" AB ' &unknown; &"
        );
        let a = attributes("EventCoding eventcode=\"190\" sourcecode='A B' targetcode=C /");
        assert_eq!(
            a,
            vec![
                ("eventcode".into(), "190".into()),
                ("sourcecode".into(), "A B".into()),
                ("targetcode".into(), "C".into())
            ]
        );
        assert_eq!(remove_between("a<!--x-->b<!--y", "<!--", "-->"), "ab");
    }

    #[test]
    fn scores_codes_actors_and_extra_events() {
        let g = read(SAMPLE, "gold.xml").unwrap();
        let mut it = g.items.into_iter();
        let (s1, s2, s5) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
        // S_1: the attack right (country-less rebels), the retreat coded 0870, plus an extra.
        let mut attack = record("190", "ASSAULT", 0.9);
        attack.actor1 = Some(actor("REB", None, Some("REB"), (0, 6)));
        attack.actor2 = Some(actor("NGAMIL", Some("NGA"), Some("MIL"), (19, 23)));
        let mut retreat = record("0870", "RETREAT", 0.6);
        retreat.actor1 = Some(actor("NGAMIL", Some("NGA"), Some("MIL"), (48, 56)));
        let extra = record("010", "", 0.3);
        // S_2: nothing should be coded, one record is.
        let spurious = record("020", "", 0.4);
        // S_5: right code, actor code with a different role part.
        let mut praise = record("042", "CONSULT", 0.7);
        praise.actor1 = Some(actor("USAMIL", Some("USA"), Some("MIL"), (0, 1)));
        praise.actor2 = Some(actor("CHN", Some("CHN"), None, (2, 3)));
        let coded = vec![
            (s1, vec![attack, retreat, extra]),
            (s2, vec![spurious]),
            (s5, vec![praise]),
        ];
        let s = score(&coded);
        let f = |n: &str| {
            let x = s.fields.iter().find(|f| f.field == n).unwrap();
            (x.tp, x.fp, x.fn_)
        };
        assert_eq!(f("event"), (2, 1, 0));
        assert_eq!(f("root"), (3, 2, 0));
        assert_eq!(f("code"), (2, 3, 1));
        assert_eq!(f("source"), (2, 1, 1));
        assert_eq!(f("target"), (2, 0, 0));
        assert_eq!(f("source_country"), (3, 0, 0));
        assert_eq!(f("triple_exact"), (1, 4, 2));
        assert_eq!(f("triple_root_country"), (3, 2, 0));
        assert!((s.metrics["root_recall"] - 1.0).abs() < 1e-9);
        assert!((s.metrics["extra_events_per_sentence"] - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.metrics["noevents_clean"] - 0.0).abs() < 1e-9);
        assert!(s.labels.iter().any(|l| l.field == "root:08" && l.tp == 1));
    }
}
