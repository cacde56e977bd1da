//! Readers: turn files, directories and streams into [`Article`]s.
//!
//! Every input unit either becomes an [`Item::Article`] or an [`Item::Rejected`] that names
//! where it came from and what was wrong, so nothing is dropped silently. Only failures to
//! open the path the caller named are errors ([`IngestError`]); everything found while
//! reading (a bad JSON line, a binary file in a directory, a truncated WARC) is a rejection
//! and reading goes on.
//!
//! Items are emitted as they are read: JSON Lines and WARC inputs may be gigabytes.
//! Gzip-compressed input of any format is decompressed transparently (`.jsonl.gz`,
//! `.warc.gz`, multi-member gzip as Common Crawl writes it).

mod date;
mod html;
mod jsonl;
mod text;
mod warc;

use sitrep_core::Article;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub use date::parse_published;
pub use html::extract_html;

/// How to read an input. `Auto` decides per file from its extension and first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    #[default]
    Auto,
    Text,
    Jsonl,
    Html,
    Warc,
}

impl InputFormat {
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Auto => "auto",
            InputFormat::Text => "text",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Html => "html",
            InputFormat::Warc => "warc",
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one of auto, text, jsonl, html, warc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown input format {:?} (expected auto, text, jsonl, html or warc)",
            self.0
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for InputFormat {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(InputFormat::Auto),
            "text" | "txt" => Ok(InputFormat::Text),
            "jsonl" | "ndjson" | "json" => Ok(InputFormat::Jsonl),
            "html" | "htm" => Ok(InputFormat::Html),
            "warc" => Ok(InputFormat::Warc),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

/// Values that replace what the input says, for every article of one read call
/// (the CLI's `--published`, `--source`, `--url`, `--title`).
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
}

/// An input unit that did not become an article, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// Where it came from: "dir/a.jsonl:17", "cc.warc.gz record 4", "notes.txt".
    pub origin: String,
    pub reason: String,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

/// One thing read. Not boxed: each item is moved once, to the caller, and articles are the
/// common case.
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)]
pub enum Item {
    Article(Article),
    /// Input that should have been an article and could not be used (bad bytes, bad JSON,
    /// a page with no main text, a truncated archive).
    Rejected(Rejection),
    /// Input that is well formed but is not an article: a WARC response that is not an HTML
    /// page or not a 2xx answer (redirects, robots.txt, images, PDFs). Counted, not an error.
    Skipped(Rejection),
}

/// Why a read could not start: the named path cannot be opened, or an override is invalid.
/// Problems inside the input are reported as [`Rejection`]s instead.
#[derive(Debug)]
pub struct IngestError {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    Io { path: PathBuf, source: io::Error },
    BadOverride { flag: &'static str, value: String },
}

impl IngestError {
    fn io(path: &Path, source: io::Error) -> Self {
        IngestError {
            kind: ErrorKind::Io {
                path: path.to_path_buf(),
                source,
            },
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Io { path, source } => {
                let what = match source.kind() {
                    io::ErrorKind::NotFound => "no such file or directory".to_string(),
                    io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    _ => source.to_string(),
                };
                write!(f, "cannot read {}: {what}", path.display())
            }
            ErrorKind::BadOverride { flag, value } => write!(
                f,
                "invalid {flag} value {value:?}: expected a date such as 2024-05-16, \
                 2024-05-16T10:30:00Z, \"May 16, 2024\" or \"16 May 2024\""
            ),
        }
    }
}

impl std::error::Error for IngestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io { source, .. } => Some(source),
            ErrorKind::BadOverride { .. } => None,
        }
    }
}

/// Read a file, or every non-hidden file under a directory (recursively, in sorted order).
/// Files inside a directory that cannot be opened become rejections; only the path itself
/// failing is an error.
pub fn read_path(
    path: &Path,
    format: InputFormat,
    overrides: &Overrides,
    emit: &mut dyn FnMut(Item),
) -> Result<(), IngestError> {
    let mut sink = Sink::new(overrides, emit)?;
    let meta = fs::metadata(path).map_err(|e| IngestError::io(path, e))?;
    if meta.is_dir() {
        let mut visited = Vec::new();
        // Listing the top directory must work; deeper failures are rejections.
        let entries = list_dir(path).map_err(|e| IngestError::io(path, e))?;
        if let Ok(canon) = fs::canonicalize(path) {
            visited.push(canon);
        }
        for entry in entries {
            walk(&entry, format, &mut sink, &mut visited);
        }
        Ok(())
    } else {
        let file = fs::File::open(path).map_err(|e| IngestError::io(path, e))?;
        read_stream(
            Box::new(file),
            Some(path),
            &path.display().to_string(),
            format,
            &mut sink,
        );
        Ok(())
    }
}

/// Read one stream (e.g. stdin). `origin` names it in rejections and line numbers.
pub fn read_reader(
    reader: &mut dyn Read,
    origin: &str,
    format: InputFormat,
    overrides: &Overrides,
    emit: &mut dyn FnMut(Item),
) -> Result<(), IngestError> {
    let mut sink = Sink::new(overrides, emit)?;
    read_stream(Box::new(reader), None, origin, format, &mut sink);
    Ok(())
}

/// Decide the format from the file name and the first bytes. Never returns `Auto`.
///
/// A known extension wins (`.txt`/`.text`/`.md`, `.jsonl`/`.ndjson`/`.json`, `.html`/`.htm`,
/// `.warc`/`.arc`, each optionally followed by `.gz`). Otherwise the content decides:
/// gzip data is taken to be a WARC (Common Crawl's layout), "WARC/1." a WARC, a leading `{`
/// (or `[{`, a JSON array of objects) JSON Lines, a leading HTML tag HTML, anything else
/// plain text.
pub fn detect_format(path: Option<&Path>, head: &[u8]) -> InputFormat {
    if let Some(f) = path.and_then(format_from_extension) {
        return f;
    }
    let head = skip_bom_and_space(head);
    if is_gzip(head) || head.starts_with(b"WARC/1.") || head.starts_with(b"WARC/0.") {
        return InputFormat::Warc;
    }
    if head.starts_with(b"{")
        || (head.starts_with(b"[") && skip_bom_and_space(&head[1..]).starts_with(b"{"))
    {
        return InputFormat::Jsonl;
    }
    if looks_like_html(head) {
        return InputFormat::Html;
    }
    InputFormat::Text
}

fn format_from_extension(path: &Path) -> Option<InputFormat> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.')?.1;
    match ext {
        "txt" | "text" | "md" => Some(InputFormat::Text),
        "jsonl" | "ndjson" | "json" => Some(InputFormat::Jsonl),
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "warc" | "arc" => Some(InputFormat::Warc),
        _ => None,
    }
}

fn skip_bom_and_space(head: &[u8]) -> &[u8] {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    &head[start..]
}

fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

fn looks_like_html(head: &[u8]) -> bool {
    const OPENERS: [&[u8]; 6] = [
        b"<!doctype",
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<?xml",
    ];
    let n = head.len().min(16);
    let lower: Vec<u8> = head[..n].to_ascii_lowercase();
    OPENERS.iter().any(|o| lower.starts_with(o))
        || (lower.starts_with(b"<!--") && contains_ci(head, b"<html"))
}

/// ASCII case-insensitive substring search (for sniffing markup in raw bytes).
pub(crate) fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    find_ci(hay, needle).is_some()
}

pub(crate) fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The first `limit` bytes of a stream (fewer if it ends), and a reader yielding the whole
/// stream again from the start. A read error is not returned here but replayed after the
/// bytes that were read, so the format reader reports it where it happened (a gzip member
/// cut short near the start still yields the records before it).
fn peek<'a>(mut reader: Box<dyn Read + 'a>, limit: usize) -> (Vec<u8>, Box<dyn Read + 'a>) {
    let mut head = Vec::with_capacity(limit);
    let result = (&mut reader).take(limit as u64).read_to_end(&mut head);
    let replay = io::Cursor::new(head.clone());
    match result {
        Ok(_) => (head, Box::new(replay.chain(reader))),
        Err(e) => (head, Box::new(replay.chain(FailOnce(Some(e))))),
    }
}

/// A reader whose first read fails with the stored error; afterwards it is at end.
struct FailOnce(Option<io::Error>);

impl Read for FailOnce {
    fn read(&mut self, _buf: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

const SNIFF_BYTES: usize = 4096;

fn read_stream(
    reader: Box<dyn Read + '_>,
    path: Option<&Path>,
    origin: &str,
    format: InputFormat,
    sink: &mut Sink,
) {
    let (head, reader) = peek(reader, SNIFF_BYTES);
    let (head, reader, path) = if is_gzip(&head) {
        let decoder: Box<dyn Read + '_> = Box::new(flate2::read::MultiGzDecoder::new(reader));
        let (head, reader) = peek(decoder, SNIFF_BYTES);
        (head, reader, path.map(|p| p.with_extension("")))
    } else {
        (head, reader, path.map(Path::to_path_buf))
    };
    let format = match format {
        InputFormat::Auto => detect_format(path.as_deref(), &head),
        f => f,
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    match format {
        InputFormat::Text | InputFormat::Auto => text::read(&mut reader, origin, sink),
        InputFormat::Jsonl => jsonl::read(&mut reader, origin, sink),
        InputFormat::Html => html::read(&mut reader, origin, sink),
        InputFormat::Warc => warc::read(&mut reader, origin, sink),
    }
}

fn list_dir(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    entries.sort();
    Ok(entries)
}

/// Depth-first over a directory tree. Symlinked directories are followed once each
/// (`visited` holds canonical paths), so a link cycle cannot loop.
fn walk(path: &Path, format: InputFormat, sink: &mut Sink, visited: &mut Vec<PathBuf>) {
    let origin = path.display().to_string();
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return sink.reject(&origin, io_reason(&e)),
    };
    if meta.is_dir() {
        if let Ok(canon) = fs::canonicalize(path) {
            if visited.contains(&canon) {
                return;
            }
            visited.push(canon);
        }
        match list_dir(path) {
            Ok(entries) => entries.iter().for_each(|p| walk(p, format, sink, visited)),
            Err(e) => sink.reject(&origin, io_reason(&e)),
        }
    } else if meta.is_file() {
        match fs::File::open(path) {
            Ok(file) => read_stream(Box::new(file), Some(path), &origin, format, sink),
            Err(e) => sink.reject(&origin, io_reason(&e)),
        }
    } else {
        sink.reject(
            &origin,
            "not a regular file (device, socket or pipe)".to_string(),
        );
    }
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "cannot open: permission denied".to_string(),
        io::ErrorKind::NotFound => "cannot open: no such file (dangling link?)".to_string(),
        _ => format!("cannot open: {e}"),
    }
}

/// Receives what the readers produce: applies the overrides to every article and passes
/// rejections through.
pub(crate) struct Sink<'a> {
    published: Option<(jiff::civil::Date, Option<String>)>,
    overrides: &'a Overrides,
    emit: &'a mut dyn FnMut(Item),
}

impl<'a> Sink<'a> {
    fn new(overrides: &'a Overrides, emit: &'a mut dyn FnMut(Item)) -> Result<Self, IngestError> {
        let published = match overrides.published.as_deref() {
            None => None,
            Some(raw) => match parse_published(raw) {
                Some(date) => Some((date, published_raw_if_timed(raw))),
                None => {
                    let value = raw.to_string();
                    return Err(IngestError {
                        kind: ErrorKind::BadOverride {
                            flag: "--published",
                            value,
                        },
                    });
                }
            },
        };
        Ok(Sink {
            published,
            overrides,
            emit,
        })
    }

    pub(crate) fn article(&mut self, mut a: Article) {
        if let Some((date, raw)) = &self.published {
            a.published = Some(*date);
            a.published_raw = raw.clone();
            a.extra.insert("published_from".into(), "override".into());
        }
        if let Some(s) = &self.overrides.source {
            a.source_name = Some(s.clone());
        }
        if let Some(u) = &self.overrides.url {
            a.url = Some(u.clone());
        }
        if let Some(t) = &self.overrides.title {
            a.title = Some(t.clone());
        }
        (self.emit)(Item::Article(a));
    }

    pub(crate) fn skip(&mut self, origin: &str, reason: String) {
        (self.emit)(Item::Skipped(Rejection {
            origin: origin.to_string(),
            reason,
        }));
    }

    pub(crate) fn reject(&mut self, origin: &str, reason: String) {
        (self.emit)(Item::Rejected(Rejection {
            origin: origin.to_string(),
            reason,
        }));
    }
}

/// `(published, published_raw)` for an article from a raw date string: the raw form is
/// kept only when it says more than the date (a time of day, a zone).
pub(crate) fn published_fields(raw: &str) -> (Option<jiff::civil::Date>, Option<String>) {
    (parse_published(raw), published_raw_if_timed(raw))
}

fn published_raw_if_timed(raw: &str) -> Option<String> {
    date::has_time_part(raw).then(|| raw.trim().to_string())
}

/// `stable_hash` of the parts as 16 hex digits: the id of an input that has none.
pub(crate) fn content_id(parts: &[&[u8]]) -> String {
    format!("{:016x}", sitrep_core::record::stable_hash(parts))
}

/// Where a NUL byte shows the input is binary, not text. UTF-16 (which has NULs in ASCII
/// text) is recognised by its byte-order mark before this is asked.
pub(crate) fn binary_marker(bytes: &[u8]) -> Option<usize> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return None;
    }
    bytes.iter().position(|&b| b == 0)
}

/// Read a whole stream as bytes, turning I/O errors into a rejection reason.
pub(crate) fn read_all(reader: &mut dyn BufRead) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    reader.read_to_end(&mut buf).map_err(|e| match e.kind() {
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof => {
            format!("corrupt or truncated data after {} bytes: {e}", buf.len())
        }
        _ => format!("read error after {} bytes: {e}", buf.len()),
    })?;
    Ok(buf)
}

#[cfg(test)]
mod tests;
