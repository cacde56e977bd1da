//! WARC (and, through the caller's gzip layer, WARC.gz as Common Crawl CC-NEWS writes it).
//!
//! `response` records carrying an HTTP response (and `resource` records carrying a document)
//! become articles when the payload is HTML. Request, metadata, warcinfo and revisit records
//! are bookkeeping and are skipped. A record that cannot be an article (non-HTML, HTTP error
//! status, no main text) is rejected with its record number. A truncated or corrupt stream
//! yields everything read up to the break, then one rejection that says where it broke.

use crate::html::{decode_html, extract_html};
use crate::{published_fields, Sink};
use std::cell::Cell;
use std::io::{self, BufRead, Read};
use std::rc::Rc;
use warc::{WarcHeader, WarcReader};

pub(crate) fn read(reader: &mut dyn BufRead, origin: &str, sink: &mut Sink) {
    let progress = Rc::new(Progress::default());
    let counted = Counted {
        inner: reader,
        progress: Rc::clone(&progress),
    };
    let mut records = WarcReader::new(counted).iter_raw_records();
    let mut number = 0usize;
    loop {
        let start = progress.consumed.get();
        progress.nonblank.set(false);
        match records.next() {
            None => {
                if progress.nonblank.get() && number == 0 && !progress.starts_like_warc() {
                    sink.reject(&format!("{origin} record 1"), NOT_WARC.to_string());
                } else if progress.nonblank.get() {
                    let reason = format!(
                        "truncated: the input ends inside the header of record {} (at byte {start} of the \
                         uncompressed stream); {number} records were read before it",
                        number + 1
                    );
                    sink.reject(&format!("{origin} record {}", number + 1), reason);
                }
                break;
            }
            Some(Ok((headers, body))) => {
                number += 1;
                let record_origin = format!("{origin} record {number}");
                match handle_record(&headers.headers, &body, sink) {
                    Ok(()) => {}
                    Err(Problem::NotAnArticle(reason)) => sink.skip(&record_origin, reason),
                    Err(Problem::Bad(reason)) => sink.reject(&record_origin, reason),
                }
            }
            Some(Err(warc::Error::ParseHeaders(e))) if is_blank_parse_error(&e) => {
                // A stray blank line between records: harmless padding.
                continue;
            }
            Some(Err(e)) => {
                let reason = break_reason(&e, number, start);
                sink.reject(&format!("{origin} record {}", number + 1), reason);
                break;
            }
        }
    }
}

fn is_blank_parse_error(e: &nom::Err<(Vec<u8>, nom::error::ErrorKind)>) -> bool {
    match e {
        nom::Err::Error((input, _)) | nom::Err::Failure((input, _)) => {
            input.iter().all(u8::is_ascii_whitespace)
        }
        nom::Err::Incomplete(_) => false,
    }
}

const NOT_WARC: &str = "not a WARC file: it does not start with a WARC/1.x record header \
    (ARC files and other archive formats are not supported)";

/// Why reading stopped: the record number that broke, and where.
fn break_reason(e: &warc::Error, complete: usize, start: u64) -> String {
    let at = format!(
        "record {} starts at byte {start} of the uncompressed stream",
        complete + 1
    );
    let before = format!("{complete} records were read before it");
    match e {
        warc::Error::UnexpectedEOB => {
            format!("truncated: the input ends inside a record body ({at}); {before}")
        }
        warc::Error::ReadOverflow => {
            format!("corrupt: the record body does not end where its Content-Length says ({at}); {before}")
        }
        warc::Error::ParseHeaders(_) if complete == 0 && start == 0 => NOT_WARC.to_string(),
        warc::Error::ParseHeaders(_) => {
            format!("corrupt: not a valid WARC record header ({at}); {before}")
        }
        warc::Error::ReadData(io) => match io.kind() {
            io::ErrorKind::UnexpectedEof => {
                format!("truncated: the compressed data ends early ({at}); {before}")
            }
            io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
                format!("corrupt compressed data: {io} ({at}); {before}")
            }
            _ => format!("read error: {io} ({at}); {before}"),
        },
        other => format!("corrupt: {other} ({at}); {before}"),
    }
}

type Headers = std::collections::HashMap<WarcHeader, Vec<u8>>;

fn header(h: &Headers, name: WarcHeader) -> Option<&str> {
    h.get(&name)
        .and_then(|v| std::str::from_utf8(v).ok())
        .map(str::trim)
}

/// Why a response record gave no article.
enum Problem {
    /// Well formed, but not an article page (non-HTML payload, non-2xx status).
    NotAnArticle(String),
    /// Should have been an article and could not be read.
    Bad(String),
}

impl From<String> for Problem {
    fn from(reason: String) -> Self {
        Problem::Bad(reason)
    }
}

/// `Ok(())` when the record was emitted as an article or is not meant to be one.
fn handle_record(h: &Headers, body: &[u8], sink: &mut Sink) -> Result<(), Problem> {
    let kind = header(h, WarcHeader::WarcType)
        .unwrap_or("")
        .to_ascii_lowercase();
    if kind != "response" && kind != "resource" {
        return Ok(()); // warcinfo, request, metadata, revisit, conversion, continuation
    }
    let block_type = header(h, WarcHeader::ContentType)
        .unwrap_or("")
        .to_ascii_lowercase();
    // A response record's block is an HTTP message; some writers omit the WARC Content-Type
    // that says so, so a block that starts with an HTTP status line is read as one too.
    let is_http = block_type.starts_with("application/http")
        || (kind == "response" && block_type.is_empty() && body.starts_with(b"HTTP/"));
    let (content_type, payload) = if is_http {
        let http = HttpResponse::parse(body)?;
        if !(200..300).contains(&http.status) {
            return Err(Problem::NotAnArticle(format!(
                "HTTP status {} (not a page with content)",
                http.status
            )));
        }
        let payload = http.decoded_payload(body)?;
        (http.content_type.map(str::to_string), payload)
    } else {
        let ct = (!block_type.is_empty()).then(|| block_type.clone());
        (ct, std::borrow::Cow::Borrowed(body))
    };
    let content_type =
        content_type.or_else(|| header(h, WarcHeader::IdentifiedPayloadType).map(str::to_string));
    let mime = content_type.as_deref().map(|c| {
        c.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    });
    match mime.as_deref() {
        Some("text/html" | "application/xhtml+xml") => {}
        None | Some("") if crate::looks_like_html(crate::skip_bom_and_space(&payload)) => {}
        None | Some("") => {
            return Err(Problem::NotAnArticle(
                "not HTML: no content type, and the payload does not look like HTML".into(),
            ))
        }
        Some(other) => return Err(Problem::NotAnArticle(format!("not HTML: content type {other}"))),
    }
    if payload.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::Bad("empty HTTP payload".to_string()));
    }
    let charset = content_type.as_deref().and_then(charset_param);
    let (html, decoding) = decode_html(&payload, charset);
    let target = header(h, WarcHeader::TargetURI).filter(|u| !u.is_empty());
    let mut a = extract_html(&html, target)?;
    if let Some(note) = decoding {
        a.extra.insert("decoding".into(), note.into());
    }
    if a.published.is_none() {
        if let Some(date) = header(h, WarcHeader::Date) {
            if let (Some(d), raw) = published_fields(date) {
                a.published = Some(d);
                a.published_raw = raw;
                a.extra.insert("published_from".into(), "warc-date".into());
            }
        }
    }
    if let Some(id) = header(h, WarcHeader::RecordID) {
        a.extra.insert("warc_record_id".into(), id.into());
    }
    if let Some(why) = header(h, WarcHeader::Truncated) {
        // The crawler cut the payload (size or time limit): the text may end early.
        a.extra.insert("warc_truncated".into(), why.into());
    }
    sink.article(a);
    Ok(())
}

/// `charset` parameter of a Content-Type value.
fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']))
    })
}

/// The parts of an HTTP response head that decide how to read its payload.
struct HttpResponse<'b> {
    status: u16,
    content_type: Option<&'b str>,
    content_encoding: Option<&'b str>,
    chunked: bool,
    payload_start: usize,
}

impl<'b> HttpResponse<'b> {
    fn parse(block: &'b [u8]) -> Result<Self, String> {
        let (head_len, sep_len) = match crate::find_ci(block, b"\r\n\r\n") {
            Some(i) => (i, 4),
            None => match crate::find_ci(block, b"\n\n") {
                Some(i) => (i, 2),
                None => return Err("malformed HTTP response: no end of headers".to_string()),
            },
        };
        let head = std::str::from_utf8(&block[..head_len])
            .map_err(|_| "malformed HTTP response: headers are not text".to_string())?;
        let mut lines = head.lines();
        let status_line = lines.next().unwrap_or("");
        let mut parts = status_line.split_ascii_whitespace();
        let version = parts.next().unwrap_or("");
        let status = parts.next().and_then(|s| s.parse::<u16>().ok());
        let status = match (version.starts_with("HTTP/"), status) {
            (true, Some(s)) => s,
            _ => {
                return Err(format!(
                    "malformed HTTP status line {:?}",
                    truncate(status_line, 60)
                ))
            }
        };
        let mut r = HttpResponse {
            status,
            content_type: None,
            content_encoding: None,
            chunked: false,
            payload_start: head_len + sep_len,
        };
        for line in lines {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let (name, value) = (name.trim(), value.trim());
            if name.eq_ignore_ascii_case("content-type") && r.content_type.is_none() {
                r.content_type = Some(value);
            } else if name.eq_ignore_ascii_case("content-encoding") {
                r.content_encoding = Some(value);
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                r.chunked = value.to_ascii_lowercase().contains("chunked");
            }
        }
        Ok(r)
    }

    /// The payload with transfer and content encodings undone. Archives such as Common Crawl
    /// usually store it decoded (renaming the headers), but not every crawler does.
    fn decoded_payload(&self, block: &'b [u8]) -> Result<std::borrow::Cow<'b, [u8]>, String> {
        use std::borrow::Cow;
        let raw = &block[self.payload_start.min(block.len())..];
        let mut payload: Cow<[u8]> = Cow::Borrowed(raw);
        if self.chunked {
            if let Some(joined) = dechunk(raw) {
                payload = Cow::Owned(joined);
            }
        }
        let encoding = self
            .content_encoding
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let mut out = Vec::new();
        let result = match encoding.as_str() {
            "" | "identity" => return Ok(payload),
            "gzip" | "x-gzip" => {
                flate2::read::MultiGzDecoder::new(&payload[..]).read_to_end(&mut out)
            }
            "deflate" => flate2::read::ZlibDecoder::new(&payload[..])
                .read_to_end(&mut out)
                .or_else(|_| {
                    out.clear();
                    flate2::read::DeflateDecoder::new(&payload[..]).read_to_end(&mut out)
                }),
            other => return Err(format!("unsupported content encoding {other}")),
        };
        match result {
            Ok(_) => Ok(Cow::Owned(out)),
            // Already decoded by the crawler despite the header: use the bytes as they are.
            Err(_) if !payload.starts_with(&[0x1f, 0x8b]) => Ok(payload),
            Err(e) => Err(format!("cannot decode {encoding} content: {e}")),
        }
    }
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Undo HTTP/1.1 chunked transfer encoding; `None` when the bytes are not chunked after all.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = data.iter().position(|&b| b == b'\n')?;
        let size_field = std::str::from_utf8(&data[..line_end]).ok()?.trim();
        let size_hex = size_field.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        data = &data[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        if data.len() < size {
            out.extend_from_slice(data); // cut short: keep what arrived
            return Some(out);
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size..];
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
        if data.is_empty() {
            return Some(out);
        }
    }
}

/// How far the WARC parser has read: bytes consumed, and whether any of them since the last
/// reset was not whitespace (to tell a truncated header from trailing padding).
#[derive(Default)]
struct Progress {
    consumed: Cell<u64>,
    nonblank: Cell<bool>,
    /// The first bytes of the stream, to tell "not a WARC" from "WARC cut short".
    first: std::cell::RefCell<Vec<u8>>,
}

impl Progress {
    fn starts_like_warc(&self) -> bool {
        let first = self.first.borrow();
        let n = first.len().min(5);
        first[..n] == b"WARC/"[..n] && n > 0
    }

    fn saw(&self, bytes: &[u8]) {
        let mut first = self.first.borrow_mut();
        if first.len() < 8 {
            let take = (8 - first.len()).min(bytes.len());
            first.extend_from_slice(&bytes[..take]);
        }
        if !self.nonblank.get() && bytes.iter().any(|b| !b.is_ascii_whitespace()) {
            self.nonblank.set(true);
        }
    }
}

struct Counted<'r> {
    inner: &'r mut dyn BufRead,
    progress: Rc<Progress>,
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.note(&buf[..n]);
        Ok(n)
    }
}

impl BufRead for Counted<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        // The bytes being consumed are the front of the current buffer; looking at them
        // again does no I/O because the buffer is not empty.
        if amt > 0 {
            if let Ok(buf) = self.inner.fill_buf() {
                self.progress.saw(&buf[..amt.min(buf.len())]);
            }
        }
        self.progress
            .consumed
            .set(self.progress.consumed.get() + amt as u64);
        self.inner.consume(amt);
    }
}

impl Counted<'_> {
    fn note(&self, bytes: &[u8]) {
        self.progress
            .consumed
            .set(self.progress.consumed.get() + bytes.len() as u64);
        self.progress.saw(bytes);
    }
}
