//! HTML pages: main text by `dom_smoothie` (a port of Mozilla's Readability), metadata from
//! the usual meta tags, JSON-LD and `<time>` elements read with `dom_query` (the DOM crate
//! dom_smoothie itself is built on, so the page is parsed once).

use crate::{content_id, published_fields, read_all, Sink};
use dom_query::Document;
use encoding_rs::Encoding;
use serde_json::Value;
use sitrep_core::Article;
use std::borrow::Cow;
use std::io::BufRead;

pub(crate) fn read(reader: &mut dyn BufRead, origin: &str, sink: &mut Sink) {
    let bytes = match read_all(reader) {
        Ok(b) => b,
        Err(reason) => return sink.reject(origin, reason),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return sink.reject(origin, "empty file".to_string());
    }
    if let Some(pos) = crate::binary_marker(&bytes) {
        return sink.reject(origin, format!("binary file (NUL byte at byte {pos})"));
    }
    let (html, encoding_note) = decode_html(&bytes, None);
    match extract_html(&html, None) {
        Ok(mut a) => {
            if let Some(note) = encoding_note {
                a.extra.insert("decoding".into(), note.into());
            }
            sink.article(a)
        }
        Err(reason) => sink.reject(origin, reason),
    }
}

/// Extract one article from an HTML page. `page_url` is where the page was fetched from
/// (a WARC's target URI): it becomes the url, with a different canonical link kept in
/// `extra["canonical_url"]`; without it the canonical link or og:url is the url. Returns the
/// reason when the page has no main text. The id is a content hash of the url and the text.
pub fn extract_html(html: &str, page_url: Option<&str>) -> Result<Article, String> {
    // One malformed page must not end a multi-gigabyte run, whatever the extractor does.
    let guarded = std::panic::catch_unwind(|| extract_unguarded(html, page_url));
    guarded.unwrap_or_else(|_| Err("HTML extraction failed (the extractor panicked)".to_string()))
}

/// Pages with more elements than this are refused rather than scored: they are not articles
/// (listings, data dumps), and scoring time grows with the element count.
const MAX_ELEMENTS: usize = 100_000;

/// Deeper nesting than this is refused before parsing: the extractor's time grows with the
/// square of the depth (tens of seconds for a few thousand nested elements), and real
/// article pages stay far below it.
const MAX_DEPTH: usize = 512;

/// A linear pre-scan of the markup: the greatest nesting depth of elements that must be
/// closed explicitly, and the number of start tags. Rough on purpose (no parser): void
/// elements, self-closing tags and elements HTML closes implicitly (p, li, td, …) do not
/// nest; script and style bodies, comments and declarations are skipped.
fn rough_shape(html: &str) -> (usize, usize) {
    let b = html.as_bytes();
    let (mut i, mut depth, mut max_depth, mut elements) = (0usize, 0usize, 0usize, 0usize);
    while let Some(off) = memchr_lt(&b[i..]) {
        i += off + 1;
        match b.get(i) {
            Some(b'!') | Some(b'?') => {
                let end = if b[i..].starts_with(b"!--") { find(b, i, b"-->") } else { find(b, i, b">") };
                i = end;
            }
            Some(b'/') => {
                let name = tag_name(b, i + 1);
                if !name.is_empty() && !no_nesting(&name) {
                    depth = depth.saturating_sub(1);
                }
                i = find(b, i, b">");
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let name = tag_name(b, i);
                let end = find(b, i, b">");
                elements += 1;
                let self_closing = end >= 2 && b.get(end - 2) == Some(&b'/');
                if name == "script" || name == "style" {
                    let close = format!("</{name}");
                    i = find_ci(b, end, close.as_bytes());
                    continue;
                }
                if !self_closing && !no_nesting(&name) {
                    depth += 1;
                    max_depth = max_depth.max(depth);
                }
                i = end;
            }
            _ => {}
        }
    }
    (max_depth, elements)
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

/// Index just past the next `pat` at or after `from` (or the end).
fn find(b: &[u8], from: usize, pat: &[u8]) -> usize {
    b[from.min(b.len())..].windows(pat.len()).position(|w| w == pat).map_or(b.len(), |p| from + p + pat.len())
}

fn find_ci(b: &[u8], from: usize, pat: &[u8]) -> usize {
    b[from.min(b.len())..]
        .windows(pat.len())
        .position(|w| w.eq_ignore_ascii_case(pat))
        .map_or(b.len(), |p| from + p + pat.len())
}

fn tag_name(b: &[u8], from: usize) -> String {
    b[from.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase() as char)
        .collect()
}

/// Void elements and elements whose end tag HTML lets authors leave out.
fn no_nesting(name: &str) -> bool {
    matches!(
        name,
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta" | "param" | "source"
            | "track" | "wbr" | "p" | "li" | "td" | "th" | "tr" | "dt" | "dd" | "option" | "thead" | "tbody"
    )
}

fn extract_unguarded(html: &str, page_url: Option<&str>) -> Result<Article, String> {
    let (depth, elements) = rough_shape(html);
    if depth > MAX_DEPTH {
        return Err(format!("page nests elements {depth} deep (limit {MAX_DEPTH}): not an article page"));
    }
    if elements > MAX_ELEMENTS {
        return Err(format!("page has {elements} elements (limit {MAX_ELEMENTS}): not an article page"));
    }
    let doc = Document::from(html);
    let meta = PageMeta::read(&doc);
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::with_document(doc, None, Some(cfg))
        .map_err(|e| format!("HTML extraction failed: {e}"))?;
    let extracted = match readability.parse() {
        Ok(x) => x,
        Err(dom_smoothie::ReadabilityError::GrabFailed) => return Err(NO_TEXT.to_string()),
        Err(e) => return Err(format!("HTML extraction failed: {e}")),
    };
    let text = tidy_text(&extracted.text_content);
    if text.is_empty() {
        return Err(NO_TEXT.to_string());
    }

    let canonical = meta.url();
    let url = page_url.map(str::to_string).or_else(|| canonical.clone());
    let mut a = Article::new(
        content_id(&[url.as_deref().unwrap_or("").as_bytes(), text.as_bytes()]),
        text,
    );
    a.title = Some(collapse_space(&extracted.title)).filter(|t| !t.is_empty());
    a.language = meta
        .lang
        .clone()
        .or(extracted.lang.map(|l| l.trim().to_string()))
        .filter(|l| !l.is_empty());

    let mut candidates = meta.published.clone();
    if let Some(t) = extracted.published_time {
        candidates.push(Candidate {
            raw: t,
            from: "html-meta",
        });
    }
    if let Some((c, date, raw)) = candidates
        .iter()
        .find_map(|c| match published_fields(&c.raw) {
            (Some(d), raw) => Some((c, d, raw)),
            _ => None,
        })
    {
        a.published = Some(date);
        a.published_raw = raw;
        a.extra.insert("published_from".into(), c.from.into());
    }

    a.source_name = meta
        .site_name
        .clone()
        .or(extracted.site_name.map(|s| collapse_space(&s)))
        .filter(|s| !s.is_empty());
    if a.source_name.is_none() {
        if let Some(host) = url.as_deref().and_then(url_host) {
            a.source_name = Some(host.to_string());
            a.extra.insert("source_from".into(), "url-host".into());
        }
    }
    if let (Some(canonical), Some(page)) = (canonical, page_url) {
        if canonical != page {
            a.extra.insert("canonical_url".into(), canonical.into());
        }
    }
    a.url = url;
    Ok(a)
}

const NO_TEXT: &str = "no main text found";

/// One place a publication date may be found, in order of trust.
#[derive(Debug, Clone)]
struct Candidate {
    raw: String,
    from: &'static str,
}

#[derive(Debug, Default)]
struct PageMeta {
    published: Vec<Candidate>,
    canonical: Option<String>,
    og_url: Option<String>,
    site_name: Option<String>,
    lang: Option<String>,
}

/// Meta keys (property, name or itemprop; lowercased) that carry the publication time.
/// The Open Graph article tag is the most widely and carefully filled; `date` alone is
/// last because some sites put the render date there.
const META_PUBLISHED: &[(&str, u8)] = &[
    ("article:published_time", 0),
    ("og:published_time", 0),
    ("og:article:published_time", 0),
    ("datepublished", 2),
    ("pubdate", 3),
    ("publishdate", 3),
    ("publish_date", 3),
    ("publish-date", 3),
    ("dc.date.issued", 3),
    ("dcterms.issued", 3),
    ("dc.date.created", 3),
    ("dcterms.created", 3),
    ("parsely-pub-date", 3),
    ("sailthru.date", 3),
    ("article.published", 3),
    ("originalpublicationdate", 3),
    ("dc.date", 4),
    ("date", 4),
];

impl PageMeta {
    fn read(doc: &Document) -> PageMeta {
        let mut m = PageMeta::default();
        // (priority, order seen, candidate): stable sort keeps document order within a rank.
        let mut ranked: Vec<(u8, usize, Candidate)> = Vec::new();
        let mut push = |rank: u8, raw: &str, from: &'static str| {
            let raw = raw.trim();
            if !raw.is_empty() {
                let n = ranked.len();
                ranked.push((
                    rank,
                    n,
                    Candidate {
                        raw: raw.to_string(),
                        from,
                    },
                ));
            }
        };

        for node in doc.select("meta").nodes() {
            let Some(content) = node.attr("content") else {
                continue;
            };
            for attr in ["property", "name", "itemprop"] {
                let Some(key) = node.attr(attr) else { continue };
                let key = key.trim().to_ascii_lowercase();
                if let Some((_, rank)) = META_PUBLISHED.iter().find(|(k, _)| *k == key) {
                    let from = if key == "datepublished" {
                        "itemprop"
                    } else {
                        "html-meta"
                    };
                    push(*rank, &content, from);
                }
                match key.as_str() {
                    "og:site_name" if m.site_name.is_none() => m.site_name = non_empty(&content),
                    "og:url" if m.og_url.is_none() => m.og_url = non_empty(&content),
                    "og:locale" if m.lang.is_none() => {
                        m.lang = non_empty(&content).map(|l| l.replace('_', "-"));
                    }
                    _ => {}
                }
            }
        }
        // itemprop=datePublished on a non-meta element: <time datetime=…> or its text.
        for node in doc.select("[itemprop]").nodes() {
            let is_prop = node
                .attr("itemprop")
                .is_some_and(|p| p.trim().eq_ignore_ascii_case("datepublished"));
            if !is_prop || node.node_name().is_some_and(|n| &*n == "meta") {
                continue;
            }
            let value = node
                .attr("datetime")
                .or_else(|| node.attr("content"))
                .map(|v| v.to_string());
            push(
                2,
                &value.unwrap_or_else(|| node.text().to_string()),
                "itemprop",
            );
        }
        for node in doc.select("script").nodes() {
            let is_ld = node
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if is_ld {
                if let Some(date) = json_ld_date_published(&node.text()) {
                    push(1, &date, "json-ld");
                }
            }
        }
        // <time datetime>: a <time pubdate> first, any other as the last resort.
        for node in doc.select("time").nodes() {
            if let Some(dt) = node.attr("datetime") {
                push(
                    if node.has_attr("pubdate") { 3 } else { 5 },
                    &dt,
                    "time-element",
                );
            }
        }
        for node in doc.select("link").nodes() {
            let is_canonical = node.attr("rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            });
            if is_canonical && m.canonical.is_none() {
                m.canonical = node.attr("href").and_then(|h| non_empty(&h));
            }
        }
        if let Some(lang) = doc
            .select("html")
            .nodes()
            .first()
            .and_then(|n| n.attr("lang"))
            .and_then(|l| non_empty(&l))
        {
            m.lang = Some(lang);
        }
        ranked.sort_by_key(|(rank, n, _)| (*rank, *n));
        m.published = ranked.into_iter().map(|(_, _, c)| c).collect();
        m
    }

    /// The page's own address: an absolute canonical link, else og:url.
    fn url(&self) -> Option<String> {
        [&self.canonical, &self.og_url]
            .into_iter()
            .flatten()
            .find(|u| is_absolute_http(u))
            .cloned()
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = collapse_space(s);
    (!s.is_empty()).then_some(s)
}

fn collapse_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_absolute_http(u: &str) -> bool {
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// "https://www.example.org/x" → "example.org".
pub(crate) fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// The first `datePublished` string anywhere in a JSON-LD block (including `@graph` lists).
/// Broken JSON-LD is common and simply yields nothing.
fn json_ld_date_published(text: &str) -> Option<String> {
    let value: Value = serde_json::from_str(text.trim()).ok()?;
    fn find(v: &Value, depth: usize) -> Option<String> {
        if depth > 8 {
            return None;
        }
        match v {
            Value::Object(o) => {
                if let Some(Value::String(s)) = o.get("datePublished") {
                    return Some(s.clone());
                }
                o.values().find_map(|v| find(v, depth + 1))
            }
            Value::Array(a) => a.iter().find_map(|v| find(v, depth + 1)),
            _ => None,
        }
    }
    find(&value, 0)
}

/// Trim each line, and keep at most one blank line between paragraphs.
fn tidy_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank_run = 0;
    for line in s.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Decode HTML bytes. The charset comes from, in order: a byte-order mark, the HTTP
/// Content-Type (when read from a WARC), a `<meta charset>` in the first 4 KiB; without
/// any, UTF-8 when the bytes are valid UTF-8, else windows-1252 (the web's legacy default).
/// The second value notes a non-UTF-8 or lossy decoding for `extra["decoding"]`.
pub(crate) fn decode_html<'b>(
    bytes: &'b [u8],
    http_charset: Option<&str>,
) -> (Cow<'b, str>, Option<String>) {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (Some(enc), &bytes[bom_len..]),
        None => {
            let declared = http_charset.and_then(|l| Encoding::for_label(l.trim().as_bytes()));
            let declared = declared.or_else(|| meta_charset(bytes).and_then(Encoding::for_label));
            (declared, bytes)
        }
    };
    // A declaration readable as ASCII cannot be UTF-16 (the HTML spec treats it as UTF-8).
    let had_bom = body.len() < bytes.len();
    let encoding = encoding.map(|e| {
        let utf16 = e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE;
        if utf16 && !had_bom {
            encoding_rs::UTF_8
        } else {
            e
        }
    });
    match encoding.filter(|&e| e != encoding_rs::UTF_8) {
        None => match std::str::from_utf8(body) {
            Ok(s) => (Cow::Borrowed(s), None),
            Err(_) if encoding.is_some() => (
                String::from_utf8_lossy(body),
                Some("utf-8 with invalid bytes replaced".to_string()),
            ),
            Err(_) => {
                let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(body);
                (
                    s,
                    Some("windows-1252 (undeclared, not valid UTF-8)".to_string()),
                )
            }
        },
        Some(enc) => {
            let (s, had_errors) = enc.decode_without_bom_handling(body);
            let note = if had_errors {
                format!("{} with invalid bytes replaced", enc.name())
            } else {
                enc.name().to_string()
            };
            (s, Some(note.to_ascii_lowercase()))
        }
    }
}

/// The charset label from `<meta charset=…>` or `<meta http-equiv content="…; charset=…">`
/// in the first 4 KiB, as raw bytes.
fn meta_charset(bytes: &[u8]) -> Option<&[u8]> {
    let head = &bytes[..bytes.len().min(4096)];
    let mut from = 0;
    while let Some(i) = crate::find_ci(&head[from..], b"charset") {
        let mut j = from + i + b"charset".len();
        from = j;
        while j < head.len() && head[j].is_ascii_whitespace() {
            j += 1;
        }
        if head.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while j < head.len()
            && (head[j].is_ascii_whitespace() || head[j] == b'"' || head[j] == b'\'')
        {
            j += 1;
        }
        let end = head[j..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'>' | b'/'))
            .map_or(head.len(), |e| j + e);
        if end > j {
            return Some(&head[j..end]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rough_shape_counts_nesting_but_not_void_or_implicit_elements() {
        let page = "<html><head><meta charset=utf-8><script>if (a<b && c>d) {}</script></head>\
            <body><div><p>one<p>two<br><img src=x /><!-- <div><div> --><ul><li>a<li>b</ul></div></body></html>";
        let (depth, elements) = rough_shape(page);
        assert_eq!(depth, 4, "html > body > div > ul");
        assert!(elements >= 10);
    }

    /// Regression: thousands of nested elements took minutes in the extractor.
    #[test]
    fn deeply_nested_pages_are_refused_quickly() {
        let html = format!("<html><body>{}<p>text</p>{}</body></html>", "<div>".repeat(20_000), "</div>".repeat(20_000));
        let err = extract_html(&html, None).unwrap_err();
        assert!(err.contains("nests elements"), "refused by the pre-scan, before parsing: {err}");
    }

    const STORY: &str = "<p>Security forces fired tear gas at protesters who had gathered outside the \
        provincial assembly on Tuesday, witnesses said. The crowd had been demanding the release of \
        several detained union leaders.</p>\n<p>At least 12 people were injured in the clashes, \
        according to a local hospital official who spoke on condition of anonymity. The police said \
        officers had acted to prevent damage to public buildings.</p>\n<p>Union representatives said \
        they would continue the protest until the detainees were freed, and called on the provincial \
        government to open talks. No date for negotiations has been set.</p>";

    fn page(head: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Protest turns violent | City Daily</title>{head}</head>\
             <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Protest turns violent</h1>{body}</article>\
             <footer>Copyright City Daily. All rights reserved.</footer></body></html>"
        )
    }

    #[test]
    fn extracts_text_paragraphs_and_metadata() {
        let html = page(
            "<meta property=\"og:site_name\" content=\"City Daily\">\
             <meta property=\"article:published_time\" content=\"2024-04-09T14:02:00+05:00\">\
             <meta name=\"date\" content=\"2024-04-11\">\
             <link rel=\"canonical\" href=\"https://citydaily.example/news/protest\">",
            STORY,
        );
        let a = extract_html(&html, None).unwrap();
        assert!(
            a.text.contains("Security forces fired tear gas"),
            "{}",
            a.text
        );
        assert!(
            a.text.contains("\n\nAt least 12 people were injured"),
            "paragraphs kept apart: {:?}",
            a.text
        );
        assert!(
            !a.text.contains("Copyright"),
            "footer is not main text: {:?}",
            a.text
        );
        assert!(
            !a.text.contains("Home"),
            "nav is not main text: {:?}",
            a.text
        );
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2024-04-09")
        );
        assert_eq!(
            a.published_raw.as_deref(),
            Some("2024-04-09T14:02:00+05:00")
        );
        assert_eq!(a.extra["published_from"], "html-meta");
        assert_eq!(a.source_name.as_deref(), Some("City Daily"));
        assert_eq!(
            a.url.as_deref(),
            Some("https://citydaily.example/news/protest")
        );
        assert_eq!(a.language.as_deref(), Some("en-GB"));
        assert!(
            a.title
                .as_deref()
                .unwrap()
                .contains("Protest turns violent"),
            "{:?}",
            a.title
        );
    }

    #[test]
    fn published_date_sources_in_order_of_trust() {
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","name":"x"},{"@type":"NewsArticle","datePublished":"2023-11-02T06:00:00Z"}]}</script>"#;
        let cases: &[(&str, &str, &str)] = &[
            (ld, "2023-11-02", "json-ld"),
            (
                "<meta name=\"sailthru.date\" content=\"2023-10-30 09:00:00\">",
                "2023-10-30",
                "html-meta",
            ),
            (
                "<meta name=\"DC.date.issued\" content=\"2023-10-29\">",
                "2023-10-29",
                "html-meta",
            ),
            (
                "<meta name=\"parsely-pub-date\" content=\"2023-10-28T00:00:00Z\">",
                "2023-10-28",
                "html-meta",
            ),
            (
                "<meta itemprop=\"datePublished\" content=\"2023-10-27\">",
                "2023-10-27",
                "itemprop",
            ),
            // A vague `date` meta loses to JSON-LD.
            (
                &format!("<meta name=\"date\" content=\"2023-12-25\">{ld}"),
                "2023-11-02",
                "json-ld",
            ),
        ];
        for (head, want, from) in cases {
            let a = extract_html(&page(head, STORY), None).unwrap();
            assert_eq!(
                a.published.map(|d| d.to_string()).as_deref(),
                Some(*want),
                "head {head}"
            );
            assert_eq!(a.extra["published_from"], *from, "head {head}");
        }
        let in_body = format!("<p class=\"byline\">By Staff <time datetime=\"2023-09-14T08:00\">Sept 14</time></p>{STORY}");
        let a = extract_html(&page("", &in_body), None).unwrap();
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2023-09-14")
        );
        assert_eq!(a.extra["published_from"], "time-element");
    }

    #[test]
    fn url_and_source_fallbacks() {
        let a = extract_html(
            &page(
                "<meta property=\"og:url\" content=\"https://www.example.net/a/1\">",
                STORY,
            ),
            None,
        )
        .unwrap();
        assert_eq!(a.url.as_deref(), Some("https://www.example.net/a/1"));
        assert_eq!(a.source_name.as_deref(), Some("example.net"));
        assert_eq!(a.extra["source_from"], "url-host");
        let b = extract_html(
            &page("<link rel=\"canonical\" href=\"/relative/only\">", STORY),
            Some("https://news.example.com/p?id=3"),
        )
        .unwrap();
        assert_eq!(b.url.as_deref(), Some("https://news.example.com/p?id=3"));
        assert_eq!(b.published, None);
        assert!(
            !b.extra.contains_key("canonical_url"),
            "a relative canonical link is not kept"
        );
        let c = extract_html(
            &page(
                "<link rel=\"canonical\" href=\"https://example.net/story\">",
                STORY,
            ),
            Some("https://example.net/story?utm_source=feed"),
        )
        .unwrap();
        assert_eq!(
            c.url.as_deref(),
            Some("https://example.net/story?utm_source=feed")
        );
        assert_eq!(c.extra["canonical_url"], "https://example.net/story");
    }

    #[test]
    fn short_pages_and_bare_fragments_still_give_text() {
        let short = extract_html(
            &page("", "<p>Police arrested three men after the raid.</p>"),
            None,
        )
        .unwrap();
        assert!(
            short
                .text
                .contains("Police arrested three men after the raid."),
            "{:?}",
            short.text
        );
        let bare = extract_html(
            "<p>Gunmen stormed a bank.</p><p>Two guards were hurt.</p>",
            None,
        )
        .unwrap();
        assert_eq!(bare.text, "Gunmen stormed a bank.\n\nTwo guards were hurt.");
    }

    #[test]
    fn pages_without_main_text_are_refused() {
        for html in [
            "<html><head><title>Nothing here</title></head></html>",
            "<html><head><title>t</title></head><body>   </body></html>",
            "<html><body><script>var a = 1;</script></body></html>",
        ] {
            assert_eq!(
                extract_html(html, None).map(|a| a.text),
                Err(NO_TEXT.to_string()),
                "html {html}"
            );
        }
    }

    #[test]
    fn charset_decoding() {
        // "é" in windows-1252 is 0xE9.
        let latin =
            b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9</p></body></html>";
        let (s, note) = decode_html(latin, None);
        assert!(s.contains("Café"), "{s}");
        assert_eq!(note.as_deref(), Some("windows-1252"));
        let undeclared = b"<p>Caf\xe9</p>";
        let (s, note) = decode_html(undeclared, None);
        assert!(s.contains("Café"));
        assert!(note.unwrap().starts_with("windows-1252"));
        let utf8 = "<p>Café</p>".as_bytes();
        assert_eq!(
            decode_html(utf8, None),
            (Cow::Borrowed("<p>Café</p>"), None)
        );
        let (s, note) = decode_html(latin, Some("utf-8"));
        assert!(
            s.contains("Caf\u{FFFD}"),
            "the HTTP header wins over the meta tag: {s}"
        );
        assert!(note.unwrap().contains("replaced"));
        assert_eq!(
            meta_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
            ),
            Some(&b"Shift_JIS"[..])
        );
    }

    #[test]
    fn helpers() {
        assert_eq!(url_host("https://www.example.org/a/b"), Some("example.org"));
        assert_eq!(
            url_host("http://user@news.example.com:8080?x"),
            Some("news.example.com")
        );
        assert_eq!(url_host("not a url"), None);
        assert_eq!(
            tidy_text("  One.  \n\n\n\n  Two.\nThree. \n "),
            "One.\n\nTwo.\nThree."
        );
    }
}
