//! JSON Lines: one article object per line.
//!
//! Fields: `text` (required), `id` (string or number; a content hash when missing),
//! `title`, `published` (string, or a number of epoch seconds/milliseconds), `source` or
//! `source_name` (a string, or an object with a `name` as some news APIs give), `url`,
//! `language`. Every other field is kept in `extra`. A bad line is rejected as "file:line"
//! and the rest of the file is still read. A file whose first character is `[` is read as
//! one JSON array of such objects instead, since that is the other common export shape.

use crate::{content_id, published_fields, read_all, Sink};
use serde_json::{Map, Value};
use sitrep_core::Article;
use std::io::BufRead;

pub(crate) fn read(reader: &mut dyn BufRead, origin: &str, sink: &mut Sink) {
    // One rejection for a binary file, not one per "line" of it.
    if let Ok(head) = reader.fill_buf() {
        if let Some(pos) = crate::binary_marker(head) {
            return sink.reject(origin, format!("binary file (NUL byte at byte {pos})"));
        }
        if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
            return sink.reject(
                origin,
                "UTF-16 text is not supported; convert it to UTF-8".into(),
            );
        }
    }
    // Leading blank lines are consumed here; count them so line numbers stay true.
    let skipped_lines = match first_significant_byte(reader) {
        Ok((Some(b'['), _)) => return read_array(reader, origin, sink),
        Ok((_, lines)) => lines,
        Err(e) => return sink.reject(origin, format!("read error: {e}")),
    };
    let mut line = Vec::new();
    let mut number = skipped_lines;
    loop {
        line.clear();
        number += 1;
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                let where_ = format!("{origin}:{number}");
                sink.reject(
                    &where_,
                    format!("read error, stopped reading this input: {e}"),
                );
                break;
            }
        }
        let bytes = if number == skipped_lines + 1 {
            line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line)
        } else {
            &line
        };
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                sink.reject(
                    &format!("{origin}:{number}"),
                    format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
                );
                continue;
            }
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let where_ = format!("{origin}:{number}");
        match serde_json::from_str::<Value>(text) {
            Ok(value) => emit_object(value, &where_, sink),
            Err(e) => sink.reject(&where_, json_error_reason(&e)),
        }
    }
}

/// Skip leading whitespace and a BOM, up to the first real byte (not consumed). Returns that
/// byte and how many line breaks were skipped.
fn first_significant_byte(reader: &mut dyn BufRead) -> std::io::Result<(Option<u8>, usize)> {
    let mut at_start = true;
    let mut newlines = 0;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok((None, newlines));
        }
        let skip = if at_start && buf.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        at_start = false;
        let blank = buf[skip..].iter().position(|b| !b.is_ascii_whitespace());
        let end = blank.map_or(buf.len(), |i| skip + i);
        newlines += buf[skip..end].iter().filter(|&&b| b == b'\n').count();
        let first = blank.map(|_| buf[end]);
        reader.consume(end);
        if first.is_some() {
            return Ok((first, newlines));
        }
    }
}

fn read_array(reader: &mut dyn BufRead, origin: &str, sink: &mut Sink) {
    let bytes = match read_all(reader) {
        Ok(b) => b,
        Err(reason) => return sink.reject(origin, reason),
    };
    match serde_json::from_slice::<Vec<Value>>(&bytes) {
        Ok(items) => {
            for (i, value) in items.into_iter().enumerate() {
                emit_object(value, &format!("{origin}[{i}]"), sink);
            }
        }
        Err(e) => sink.reject(
            origin,
            format!(
                "not a JSON array of article objects: {}",
                json_error_reason(&e)
            ),
        ),
    }
}

fn json_error_reason(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => format!(
            "incomplete JSON ({e}); JSON Lines needs one whole object per line, \
             pretty-printed objects are not supported"
        ),
        _ => format!("not valid JSON: {e}"),
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn emit_object(value: Value, origin: &str, sink: &mut Sink) {
    match article_from_value(value) {
        Ok(a) => sink.article(a),
        Err(reason) => sink.reject(origin, reason),
    }
}

/// Build an article from one JSON value, or say what is wrong with it.
pub(crate) fn article_from_value(value: Value) -> Result<Article, String> {
    let mut obj = match value {
        Value::Object(o) => o,
        other => {
            return Err(format!(
                "expected a JSON object, found {}",
                type_name(&other)
            ))
        }
    };
    let text = match obj.remove("text") {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::String(_)) => return Err("\"text\" is empty".to_string()),
        Some(other) => {
            return Err(format!(
                "\"text\" is {}, expected a string",
                type_name(&other)
            ))
        }
        None => return Err(missing_text_reason(&obj)),
    };
    let id = match obj.remove("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) => content_id(&[text.as_bytes()]),
        Some(Value::String(_)) => content_id(&[text.as_bytes()]),
        Some(other) => {
            return Err(format!(
                "\"id\" is {}, expected a string or number",
                type_name(&other)
            ))
        }
    };
    let mut a = Article::new(id, text);
    a.title = take_string(&mut obj, "title");
    a.url = take_string(&mut obj, "url");
    a.language = take_string(&mut obj, "language");
    a.source_name =
        take_source(&mut obj, "source_name").or_else(|| take_source(&mut obj, "source"));
    let published = match obj.get("published") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None, // absent, null or an odd type: left in `extra` as given
    };
    if let Some(raw) = published {
        set_published(&mut a, &mut obj, raw);
    }
    a.extra = obj;
    Ok(a)
}

/// Parse `published`; an unparseable value stays in `extra["published"]` so it is not lost.
fn set_published(a: &mut Article, obj: &mut Map<String, Value>, raw: String) {
    let (date, raw_kept) = published_fields(&raw);
    if date.is_some() {
        a.published = date;
        a.published_raw = raw_kept;
        obj.remove("published");
    }
}

/// A string field moved out of `obj`. Non-string values stay in `obj` (and so in `extra`).
fn take_string(obj: &mut Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key) {
        Some(Value::String(s)) => {
            let s = s.trim().to_string();
            obj.remove(key);
            (!s.is_empty()).then_some(s)
        }
        Some(Value::Null) => {
            obj.remove(key);
            None
        }
        _ => None,
    }
}

/// `source` as a string, or as an object carrying a string `name`.
fn take_source(obj: &mut Map<String, Value>, key: &str) -> Option<String> {
    if let Some(Value::Object(inner)) = obj.get(key) {
        let name = inner
            .get("name")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let name = name.map(str::to_string);
        if name.is_some() {
            obj.remove(key); // the other members (ids, urls) describe the same outlet
        }
        return name;
    }
    take_string(obj, key)
}

fn missing_text_reason(obj: &Map<String, Value>) -> String {
    if obj.is_empty() {
        return "no \"text\" field (the object is empty)".to_string();
    }
    let mut names: Vec<&str> = obj.keys().map(String::as_str).take(8).collect();
    names.sort_unstable();
    let more = if obj.len() > names.len() { ", ..." } else { "" };
    format!(
        "no \"text\" field (fields present: {}{more})",
        names.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_are_mapped_and_unknown_ones_kept() {
        let a = article_from_value(json!({
            "id": 42, "title": " Strike on depot ", "text": "Shelling hit a fuel depot.",
            "published": "2024-03-02T08:15:00+03:00", "source_name": "Example Wire",
            "url": "https://example.org/a", "language": "en", "section": "world"
        }))
        .unwrap();
        assert_eq!(a.id, "42");
        assert_eq!(a.title.as_deref(), Some("Strike on depot"));
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2024-03-02")
        );
        assert_eq!(
            a.published_raw.as_deref(),
            Some("2024-03-02T08:15:00+03:00")
        );
        assert_eq!(a.source_name.as_deref(), Some("Example Wire"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.extra.len(), 1);
        assert_eq!(a.extra["section"], "world");
    }

    #[test]
    fn source_object_and_missing_id() {
        let a = article_from_value(json!({
            "text": "Police dispersed a march.", "source": {"id": "x", "name": "City Daily"},
            "published": "2024-03-02"
        }))
        .unwrap();
        assert_eq!(a.source_name.as_deref(), Some("City Daily"));
        assert_eq!(a.id, content_id(&[b"Police dispersed a march."]));
        assert_eq!(a.published_raw, None, "no time part, so no raw copy");
        assert!(
            a.extra.is_empty(),
            "the object source is consumed: {:?}",
            a.extra
        );
    }

    #[test]
    fn unparseable_published_is_kept_in_extra() {
        let a =
            article_from_value(json!({"text": "x y", "published": "sometime last week"})).unwrap();
        assert_eq!(a.published, None);
        assert_eq!(a.extra["published"], "sometime last week");
        let b = article_from_value(json!({"text": "x y", "published": 1715855400})).unwrap();
        assert_eq!(
            b.published.map(|d| d.to_string()).as_deref(),
            Some("2024-05-16")
        );
        assert_eq!(b.published_raw.as_deref(), Some("1715855400"));
    }

    #[test]
    fn bad_objects_are_explained() {
        let cases = [
            (json!([1, 2]), "expected a JSON object, found an array"),
            (json!("text"), "expected a JSON object, found a string"),
            (json!({}), "no \"text\" field (the object is empty)"),
            (
                json!({"body": "a", "headline": "b"}),
                "no \"text\" field (fields present: body, headline)",
            ),
            (
                json!({"text": 5}),
                "\"text\" is a number, expected a string",
            ),
            (json!({"text": "  "}), "\"text\" is empty"),
            (
                json!({"text": "ok", "id": [1]}),
                "\"id\" is an array, expected a string or number",
            ),
        ];
        for (value, want) in cases {
            let got = article_from_value(value.clone()).map(|a| a.id);
            assert_eq!(got, Err(want.to_string()), "value {value}");
        }
    }
}
