//! End-to-end tests of the readers through the public entry points, on fixtures built here.

use super::*;
use std::io::Write;

fn collect_path(path: &Path, format: InputFormat, o: &Overrides) -> Result<Vec<Item>, IngestError> {
    let mut items = Vec::new();
    read_path(path, format, o, &mut |i| items.push(i))?;
    Ok(items)
}

fn collect_bytes(bytes: &[u8], origin: &str, format: InputFormat) -> Vec<Item> {
    let mut items = Vec::new();
    read_reader(
        &mut &bytes[..],
        origin,
        format,
        &Overrides::default(),
        &mut |i| items.push(i),
    )
    .unwrap();
    items
}

fn articles(items: &[Item]) -> Vec<&Article> {
    items
        .iter()
        .filter_map(|i| {
            if let Item::Article(a) = i {
                Some(a)
            } else {
                None
            }
        })
        .collect()
}

/// Records that were well formed but not articles.
fn skips(items: &[Item]) -> Vec<&Rejection> {
    items
        .iter()
        .filter_map(|i| if let Item::Skipped(r) = i { Some(r) } else { None })
        .collect()
}

fn rejections(items: &[Item]) -> Vec<&Rejection> {
    items
        .iter()
        .filter_map(|i| {
            if let Item::Rejected(r) = i {
                Some(r)
            } else {
                None
            }
        })
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

const STORY_HTML: &str = "<!doctype html><html lang=\"en\"><head><title>Flooding displaces thousands</title>\
    <meta property=\"og:site_name\" content=\"River Post\"></head><body><header>Menu Login Subscribe</header><article>\
    <p>Heavy rains caused the river to burst its banks overnight, forcing thousands of residents from their homes in \
    the low-lying districts of the city, officials said on Sunday.</p><p>Rescue teams used boats to reach families \
    stranded on rooftops. The regional governor said two people had drowned and several were missing.</p>\
    <p>Aid agencies warned that clean water supplies were running short in the shelters set up in schools and \
    churches across the affected area, and asked for donations of blankets and food.</p></article></body></html>";

/// One WARC record with the given type, extra headers and block.
fn warc_record(kind: &str, extra_headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    write!(
        out,
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{}>\r\n",
        kind.len() * 1000 + block.len()
    )
    .unwrap();
    for (k, v) in extra_headers {
        write!(out, "{k}: {v}\r\n").unwrap();
    }
    write!(out, "Content-Length: {}\r\n\r\n", block.len()).unwrap();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http_response(status: &str, headers: &[(&str, &str)], payload: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n").into_bytes();
    for (k, v) in headers {
        write!(out, "{k}: {v}\r\n").unwrap();
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(payload);
    out
}

fn response(uri: &str, date: &str, http: Vec<u8>) -> Vec<u8> {
    warc_record(
        "response",
        &[
            ("WARC-Target-URI", uri),
            ("WARC-Date", date),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        &http,
    )
}

/// A small CC-NEWS-like archive: warcinfo, request, HTML response, PDF response, metadata,
/// 404 response, second HTML response. Returned as the list of records.
fn sample_warc_records() -> Vec<Vec<u8>> {
    let html = http_response(
        "200 OK",
        &[("Content-Type", "text/html; charset=utf-8")],
        STORY_HTML.as_bytes(),
    );
    let second = STORY_HTML
        .replace("River Post", "Valley Times")
        .replace("two people", "three people");
    vec![
        warc_record(
            "warcinfo",
            &[("Content-Type", "application/warc-fields")],
            b"software: test\r\n",
        ),
        warc_record(
            "request",
            &[("WARC-Target-URI", "https://riverpost.example/flood")],
            b"GET /flood HTTP/1.1\r\n\r\n",
        ),
        response(
            "https://riverpost.example/flood",
            "2024-06-02T05:10:00Z",
            html,
        ),
        response(
            "https://riverpost.example/report.pdf",
            "2024-06-02T05:11:00Z",
            http_response(
                "200 OK",
                &[("Content-Type", "application/pdf")],
                b"%PDF-1.4 ...",
            ),
        ),
        warc_record(
            "metadata",
            &[("WARC-Target-URI", "https://riverpost.example/flood")],
            b"fetchTimeMs: 120\r\n",
        ),
        response(
            "https://riverpost.example/gone",
            "2024-06-02T05:12:00Z",
            http_response(
                "404 Not Found",
                &[("Content-Type", "text/html")],
                b"<html><body>gone</body></html>",
            ),
        ),
        response(
            "https://valleytimes.example/flood",
            "2024-06-02T05:13:00Z",
            http_response(
                "200 OK",
                &[("Content-Type", "text/html")],
                second.as_bytes(),
            ),
        ),
    ]
}

#[test]
fn format_names_round_trip() {
    for f in [
        InputFormat::Auto,
        InputFormat::Text,
        InputFormat::Jsonl,
        InputFormat::Html,
        InputFormat::Warc,
    ] {
        assert_eq!(f.to_string().parse::<InputFormat>(), Ok(f));
    }
    assert_eq!("NDJSON".parse::<InputFormat>(), Ok(InputFormat::Jsonl));
    let err = "pdf".parse::<InputFormat>().unwrap_err().to_string();
    assert!(err.contains("\"pdf\"") && err.contains("jsonl"), "{err}");
}

#[test]
fn format_detection() {
    let cases: &[(Option<&str>, &[u8], InputFormat)] = &[
        (Some("a.txt"), b"{\"text\":1}", InputFormat::Text),
        (Some("notes.md"), b"# x", InputFormat::Text),
        (Some("a.JSONL"), b"", InputFormat::Jsonl),
        (Some("a.ndjson.gz"), &[0x1f, 0x8b], InputFormat::Jsonl),
        (Some("dump.json"), b"[", InputFormat::Jsonl),
        (Some("page.htm"), b"hello", InputFormat::Html),
        (
            Some("CC-NEWS-2024.warc.gz"),
            &[0x1f, 0x8b],
            InputFormat::Warc,
        ),
        (Some("old.arc"), b"filedesc://", InputFormat::Warc),
        (Some("blob.gz"), &[0x1f, 0x8b, 8], InputFormat::Warc),
        (Some("noext"), b"WARC/1.1\r\n", InputFormat::Warc),
        (None, b"\xEF\xBB\xBF  {\"text\": \"a\"}", InputFormat::Jsonl),
        (None, b"\n<!DOCTYPE html><html>", InputFormat::Html),
        (None, b"<HTML><body>", InputFormat::Html),
        (None, b"<!-- saved --><html>", InputFormat::Html),
        (
            None,
            b"KYIV, Ukraine (AP) \xE2\x80\x94 ...",
            InputFormat::Text,
        ),
        (None, b"<b>bold</b> claims", InputFormat::Text),
        (None, b"[\n  {\"text\": \"a\"}]", InputFormat::Jsonl),
        (None, b"[Updated] Troops moved", InputFormat::Text),
        (None, b"", InputFormat::Text),
    ];
    for (path, head, want) in cases {
        assert_eq!(
            detect_format(path.map(Path::new), head),
            *want,
            "path {path:?} head {head:?}"
        );
    }
}

#[test]
fn text_files_and_their_failures() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::write(
        &good,
        "Militants attacked a checkpoint near the border on Monday.\n",
    )
    .unwrap();
    let items = collect_path(&good, InputFormat::Auto, &Overrides::default()).unwrap();
    let a = articles(&items);
    assert_eq!(a.len(), 1);
    assert_eq!(
        a[0].text,
        "Militants attacked a checkpoint near the border on Monday.\n"
    );
    assert_eq!(a[0].id, content_id(&[a[0].text.as_bytes()]));
    assert_eq!(a[0].id.len(), 16);

    for (name, bytes, reason) in [
        ("empty.txt", &b""[..], "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary file (NUL byte at byte 8)",
        ),
        (
            "latin1.txt",
            b"Le pr\xe9sident a parl\xe9.",
            "invalid UTF-8 at byte 5",
        ),
    ] {
        let p = dir.path().join(name);
        fs::write(&p, bytes).unwrap();
        let items = collect_path(&p, InputFormat::Auto, &Overrides::default()).unwrap();
        let r = rejections(&items);
        assert_eq!(r.len(), 1, "{name}: {items:?}");
        assert_eq!(r[0].reason, reason, "{name}");
        assert_eq!(r[0].origin, p.display().to_string());
    }
}

#[test]
fn jsonl_bad_lines_are_rejected_and_the_rest_read() {
    let input = concat!(
        "{\"id\": \"a1\", \"text\": \"Rebels shelled the airport.\", \"published\": \"2024-01-05\"}\n",
        "\n",
        "this is not json\n",
        "[1, 2, 3]\n",
        "{\"title\": \"No body here\"}\n",
        "   \r\n",
        "{\"id\": 7, \"text\": \"Talks resumed in Geneva.\", \"source\": \"Wire\", \"topic\": \"diplomacy\"}\r\n",
        "{\"text\": \"unterminated\n",
        "{\"text\": \"Last line without newline.\"}",
    );
    let items = collect_bytes(input.as_bytes(), "feed.jsonl", InputFormat::Auto);
    let a = articles(&items);
    assert_eq!(
        a.iter().map(|a| a.id.as_str()).collect::<Vec<_>>()[..2],
        ["a1", "7"]
    );
    assert_eq!(a.len(), 3);
    assert_eq!(a[1].source_name.as_deref(), Some("Wire"));
    assert_eq!(a[1].extra["topic"], "diplomacy");
    assert_eq!(a[2].id, content_id(&[b"Last line without newline."]));
    let r = rejections(&items);
    let origins: Vec<&str> = r.iter().map(|r| r.origin.as_str()).collect();
    assert_eq!(
        origins,
        [
            "feed.jsonl:3",
            "feed.jsonl:4",
            "feed.jsonl:5",
            "feed.jsonl:8"
        ]
    );
    assert!(r[0].reason.starts_with("not valid JSON"), "{}", r[0].reason);
    assert_eq!(r[1].reason, "expected a JSON object, found an array");
    assert_eq!(r[2].reason, "no \"text\" field (fields present: title)");
    assert!(
        r[3].reason.contains("incomplete JSON") || r[3].reason.contains("not valid JSON"),
        "{}",
        r[3].reason
    );
}

#[test]
fn jsonl_line_numbers_count_leading_blank_lines() {
    let items = collect_bytes(
        b"\xEF\xBB\xBF\n\r\n  \n{\"text\": 1}\n{\"text\": \"ok\"}",
        "f.jsonl",
        InputFormat::Jsonl,
    );
    assert_eq!(rejections(&items)[0].origin, "f.jsonl:4");
    assert_eq!(articles(&items).len(), 1);
}

#[test]
fn jsonl_invalid_utf8_line_and_gzip_stream() {
    let mut input = b"{\"text\": \"caf\xe9\"}\n".to_vec();
    input.extend_from_slice(b"{\"text\": \"Ceasefire holds.\"}\n");
    let items = collect_bytes(&gzip(&input), "<stdin>", InputFormat::Auto);
    let r = rejections(&items);
    assert_eq!(r.len(), 1, "{items:?}");
    assert_eq!(r[0].origin, "<stdin>:1");
    assert_eq!(r[0].reason, "invalid UTF-8 at byte 13 of the line");
    assert_eq!(articles(&items)[0].text, "Ceasefire holds.");
}

#[test]
fn binary_input_is_one_rejection_whatever_the_format() {
    let mut blob = b"\x00\x01\x02 header\n".to_vec();
    blob.extend(std::iter::repeat_n(b"\x00garbage\n".to_vec(), 50).flatten());
    for format in [InputFormat::Text, InputFormat::Jsonl, InputFormat::Html] {
        let items = collect_bytes(&blob, "blob", format);
        let r = rejections(&items);
        assert_eq!(items.len(), 1, "{format}: {items:?}");
        assert_eq!(r[0].reason, "binary file (NUL byte at byte 0)", "{format}");
    }
    let utf16 = b"\xFF\xFE{\x00\"\x00";
    let items = collect_bytes(utf16, "u16.jsonl", InputFormat::Jsonl);
    assert_eq!(
        rejections(&items)[0].reason,
        "UTF-16 text is not supported; convert it to UTF-8"
    );
}

#[test]
fn json_array_file() {
    let input = br#" [ {"id": "x", "text": "Army retook the village."}, {"title": "t"} ] "#;
    let items = collect_bytes(input, "dump.json", InputFormat::Jsonl);
    assert_eq!(articles(&items).len(), 1);
    let r = rejections(&items);
    assert_eq!(
        (r[0].origin.as_str(), r[0].reason.as_str()),
        ("dump.json[1]", "no \"text\" field (fields present: title)")
    );
}

#[test]
fn html_files() {
    let items = collect_bytes(STORY_HTML.as_bytes(), "flood.html", InputFormat::Auto);
    let a = articles(&items);
    assert_eq!(a.len(), 1, "{items:?}");
    assert!(
        a[0].text.starts_with("Heavy rains caused the river"),
        "{:?}",
        a[0].text
    );
    assert!(!a[0].text.contains("Subscribe"));
    assert_eq!(a[0].source_name.as_deref(), Some("River Post"));
    assert_eq!(a[0].language.as_deref(), Some("en"));

    for (input, reason) in [
        (
            "<html><head><title>Empty</title></head></html>",
            "no main text found",
        ),
        (
            "<!DOCTYPE html><html><head></head><body></body></html>",
            "no main text found",
        ),
        ("   ", "empty file"),
    ] {
        let items = collect_bytes(input.as_bytes(), "x.html", InputFormat::Html);
        let r = rejections(&items);
        assert_eq!(r.len(), 1, "{input}: {items:?}");
        assert_eq!(
            (r[0].origin.as_str(), r[0].reason.as_str()),
            ("x.html", reason)
        );
    }
}

#[test]
fn warc_records_become_articles_or_rejections() {
    let bytes: Vec<u8> = sample_warc_records().concat();
    let items = collect_bytes(&bytes, "cc.warc", InputFormat::Auto);
    let a = articles(&items);
    assert_eq!(a.len(), 2, "{items:?}");
    assert_eq!(a[0].url.as_deref(), Some("https://riverpost.example/flood"));
    assert_eq!(a[0].source_name.as_deref(), Some("River Post"));
    assert_eq!(
        a[0].published.map(|d| d.to_string()).as_deref(),
        Some("2024-06-02")
    );
    assert_eq!(a[0].published_raw.as_deref(), Some("2024-06-02T05:10:00Z"));
    assert_eq!(a[0].extra["published_from"], "warc-date");
    assert!(a[0].extra["warc_record_id"]
        .as_str()
        .unwrap()
        .starts_with("<urn:uuid:"));
    assert_eq!(a[1].source_name.as_deref(), Some("Valley Times"));
    assert_ne!(a[0].id, a[1].id);
    assert!(rejections(&items).is_empty(), "{items:?}");
    let r = skips(&items);
    let got: Vec<(&str, &str)> = r
        .iter()
        .map(|r| (r.origin.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("cc.warc record 4", "not HTML: content type application/pdf"),
            (
                "cc.warc record 6",
                "HTTP status 404 (not a page with content)"
            ),
        ]
    );
}

#[test]
fn warc_gz_multi_member_and_truncation() {
    let records = sample_warc_records();
    // Common Crawl compresses each record as its own gzip member.
    let members: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("CC-NEWS-test.warc.gz");
    fs::write(&path, &members).unwrap();
    let items = collect_path(&path, InputFormat::Auto, &Overrides::default()).unwrap();
    assert_eq!(articles(&items).len(), 2);
    assert_eq!(skips(&items).len(), 2);
    assert!(rejections(&items).is_empty());

    // Cut the compressed file in the middle of the last member.
    let cut = members.len() - gzip(&records[6]).len() / 2;
    fs::write(&path, &members[..cut]).unwrap();
    let items = collect_path(&path, InputFormat::Auto, &Overrides::default()).unwrap();
    assert_eq!(articles(&items).len(), 1, "{items:?}");
    assert_eq!(skips(&items).len(), 2, "{items:?}");
    let r = rejections(&items);
    assert_eq!(r.len(), 1, "{r:?}");
    let last = r.last().unwrap();
    assert_eq!(last.origin, format!("{} record 7", path.display()));
    assert!(last.reason.starts_with("truncated"), "{}", last.reason);
    assert!(
        last.reason.contains("6 records were read before it"),
        "{}",
        last.reason
    );
}

#[test]
fn warc_truncated_inside_body_and_header() {
    let records = sample_warc_records();
    let whole: Vec<u8> = records.concat();
    let up_to_5: usize = records[..5].iter().map(Vec::len).sum();

    // Inside the body of record 6.
    let items = collect_bytes(
        &whole[..up_to_5 + records[5].len() - 20],
        "cut.warc",
        InputFormat::Warc,
    );
    let r = rejections(&items);
    let last = r.last().unwrap();
    assert_eq!(last.origin, "cut.warc record 6");
    assert!(
        last.reason.contains("ends inside a record body"),
        "{}",
        last.reason
    );
    assert!(
        last.reason.contains(&format!("starts at byte {up_to_5}")),
        "{}",
        last.reason
    );
    assert_eq!(articles(&items).len(), 1);

    // Inside the header block of record 6.
    let items = collect_bytes(&whole[..up_to_5 + 30], "cut.warc", InputFormat::Warc);
    let last = rejections(&items).last().copied().cloned().unwrap();
    assert_eq!(last.origin, "cut.warc record 6");
    assert!(
        last.reason.contains("inside the header of record 6"),
        "{}",
        last.reason
    );

    // Garbage where record 3 should start.
    let mut corrupt = records[..2].concat();
    corrupt.extend_from_slice(b"<html>this is not a WARC record</html>\r\n\r\n");
    corrupt.extend_from_slice(&records[2]);
    let items = collect_bytes(&corrupt, "bad.warc", InputFormat::Warc);
    let r = rejections(&items);
    assert_eq!(r.len(), 1, "{items:?}");
    assert_eq!(r[0].origin, "bad.warc record 3");
    assert!(
        r[0].reason
            .starts_with("corrupt: not a valid WARC record header"),
        "{}",
        r[0].reason
    );

    // Not a WARC at all.
    let items = collect_bytes(
        b"filedesc://IA-001.arc 0.0.0.0 20240101000000 text/plain 76\n",
        "old.arc",
        InputFormat::Warc,
    );
    let r = rejections(&items);
    assert_eq!(r.len(), 1);
    assert!(
        r[0].reason.starts_with("not a WARC file"),
        "{}",
        r[0].reason
    );

    // Blank padding between records is tolerated.
    let padded = [records[2].clone(), b"\r\n".to_vec(), records[6].clone()].concat();
    let items = collect_bytes(&padded, "padded.warc", InputFormat::Warc);
    assert_eq!(articles(&items).len(), 2, "{items:?}");
    assert!(rejections(&items).is_empty(), "{items:?}");
}

#[test]
fn warc_record_kinds() {
    let no_type = http_response("200 OK", &[("Server", "x")], STORY_HTML.as_bytes());
    let no_type_text = http_response("200 OK", &[], b"plain words, no markup");
    let bytes = [
        warc_record(
            "resource",
            &[
                ("WARC-Target-URI", "file:///saved/flood.html"),
                ("Content-Type", "text/html"),
            ],
            STORY_HTML.as_bytes(),
        ),
        warc_record(
            "revisit",
            &[("WARC-Target-URI", "https://a.example/1")],
            b"HTTP/1.1 304 Not Modified\r\n\r\n",
        ),
        warc_record(
            "response",
            &[
                ("WARC-Target-URI", "https://a.example/2"),
                ("Content-Type", "application/http; msgtype=response"),
                ("WARC-Truncated", "length"),
            ],
            &no_type,
        ),
        response("https://a.example/3", "2024-06-03T00:00:00Z", no_type_text),
        response(
            "https://a.example/4",
            "2024-06-03T00:00:00Z",
            b"garbage without headers".to_vec(),
        ),
    ]
    .concat();
    let items = collect_bytes(&bytes, "kinds.warc", InputFormat::Warc);
    let a = articles(&items);
    assert_eq!(a.len(), 2, "{items:?}");
    assert_eq!(a[0].url.as_deref(), Some("file:///saved/flood.html"));
    assert_eq!(a[0].published, None, "no date anywhere");
    assert_eq!(a[1].extra["warc_truncated"], "length");
    let s: Vec<(String, String)> = skips(&items).iter().map(|r| (r.origin.clone(), r.reason.clone())).collect();
    assert_eq!(
        s,
        [(
            "kinds.warc record 4".to_string(),
            "not HTML: no content type, and the payload does not look like HTML".to_string()
        )]
    );
    let r: Vec<(String, String)> = rejections(&items)
        .iter()
        .map(|r| (r.origin.clone(), r.reason.clone()))
        .collect();
    assert_eq!(
        r,
        [
            (
                "kinds.warc record 5".into(),
                "malformed HTTP response: no end of headers".into()
            ),
        ]
    );
}

#[test]
fn warc_payload_encodings() {
    // Chunked transfer encoding over a gzip content encoding, as a crawler might store it raw.
    let gz = gzip(STORY_HTML.as_bytes());
    let mut chunked = Vec::new();
    for part in gz.chunks(100) {
        write!(chunked, "{:x}\r\n", part.len()).unwrap();
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let http = http_response(
        "200 OK",
        &[
            ("Content-Type", "text/html"),
            ("Content-Encoding", "gzip"),
            ("Transfer-Encoding", "chunked"),
        ],
        &chunked,
    );
    let latin = STORY_HTML.replace("officials said", "the préfet said");
    let (latin_bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&latin);
    let http_latin = http_response(
        "200 OK",
        &[("Content-Type", "text/html; charset=ISO-8859-1")],
        &latin_bytes,
    );
    let brotli = http_response(
        "200 OK",
        &[("Content-Type", "text/html"), ("Content-Encoding", "br")],
        b"\x0b\x02",
    );
    let bytes = [
        response("https://a.example/1", "2024-06-03T00:00:00Z", http),
        response("https://a.example/2", "2024-06-03T00:00:00Z", http_latin),
        response("https://a.example/3", "2024-06-03T00:00:00Z", brotli),
    ]
    .concat();
    let items = collect_bytes(&bytes, "enc.warc", InputFormat::Warc);
    let a = articles(&items);
    assert_eq!(a.len(), 2, "{items:?}");
    assert!(a[0].text.starts_with("Heavy rains"), "{:?}", a[0].text);
    assert!(a[1].text.contains("the préfet said"), "{:?}", a[1].text);
    assert_eq!(a[1].extra["decoding"], "windows-1252");
    let r = rejections(&items);
    assert_eq!(
        (r[0].origin.as_str(), r[0].reason.as_str()),
        ("enc.warc record 3", "unsupported content encoding br")
    );
}

#[test]
fn directories_recurse_sorted_skip_hidden_and_keep_going() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("b/nested")).unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::write(root.join(".git/config"), "[core]").unwrap();
    fs::write(root.join(".hidden.txt"), "Should never be read.").unwrap();
    fs::write(root.join("a.txt"), "First report.").unwrap();
    fs::write(
        root.join("b/nested/c.jsonl"),
        "{\"id\": \"c1\", \"text\": \"Third report.\"}\nnot json\n",
    )
    .unwrap();
    fs::write(root.join("b/b.html"), STORY_HTML).unwrap();
    fs::write(root.join("b/empty.txt"), "").unwrap();
    fs::write(root.join("z.warc.gz"), gzip(&sample_warc_records()[2])).unwrap();
    fs::write(root.join("photo.jpg"), b"\xff\xd8\xff\xe0\x00\x10JFIF").unwrap();

    let items = collect_path(root, InputFormat::Auto, &Overrides::default()).unwrap();
    let summary: Vec<String> = items
        .iter()
        .map(|i| match i {
            Item::Article(a) => format!("article {}", a.text.lines().next().unwrap_or("")),
            Item::Rejected(r) => format!(
                "rejected {}",
                r.origin.strip_prefix(&root.display().to_string()).unwrap()
            ),
            Item::Skipped(r) => format!(
                "skipped {}",
                r.origin.strip_prefix(&root.display().to_string()).unwrap()
            ),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "article First report.".to_string(),
            "article Heavy rains caused the river to burst its banks overnight, forcing thousands of residents from their homes in the low-lying districts of the city, officials said on Sunday.".into(),
            "rejected /b/empty.txt".into(),
            "article Third report.".into(),
            "rejected /b/nested/c.jsonl:2".into(),
            "rejected /photo.jpg".into(),
            "article Heavy rains caused the river to burst its banks overnight, forcing thousands of residents from their homes in the low-lying districts of the city, officials said on Sunday.".into(),
        ]
    );
    let photo = rejections(&items)
        .into_iter()
        .find(|r| r.origin.ends_with("photo.jpg"))
        .unwrap();
    assert!(photo.reason.starts_with("binary file"), "{}", photo.reason);
}

#[test]
fn overrides_apply_to_every_article() {
    let o = Overrides {
        published: Some("2024-02-29T18:00:00+01:00".into()),
        source: Some("Desk".into()),
        url: Some("https://desk.example/x".into()),
        title: Some("Given title".into()),
    };
    let input = b"{\"text\": \"One.\", \"published\": \"2020-01-01\", \"title\": \"t1\"}\n{\"text\": \"Two.\"}\n";
    let mut items = Vec::new();
    read_reader(
        &mut &input[..],
        "<stdin>",
        InputFormat::Jsonl,
        &o,
        &mut |i| items.push(i),
    )
    .unwrap();
    let a = articles(&items);
    assert_eq!(a.len(), 2);
    for art in a {
        assert_eq!(
            art.published.map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            art.published_raw.as_deref(),
            Some("2024-02-29T18:00:00+01:00")
        );
        assert_eq!(art.extra["published_from"], "override");
        assert_eq!(art.source_name.as_deref(), Some("Desk"));
        assert_eq!(art.url.as_deref(), Some("https://desk.example/x"));
        assert_eq!(art.title.as_deref(), Some("Given title"));
    }
    let plain = Overrides {
        published: Some("May 16, 2024".into()),
        ..Default::default()
    };
    let mut items = Vec::new();
    read_reader(
        &mut &b"Some text."[..],
        "<stdin>",
        InputFormat::Text,
        &plain,
        &mut |i| items.push(i),
    )
    .unwrap();
    assert_eq!(articles(&items)[0].published_raw, None);
}

#[test]
fn errors_name_the_path() {
    let bad = Overrides {
        published: Some("next Tuesday".into()),
        ..Default::default()
    };
    let mut n = 0;
    let err = read_reader(
        &mut &b"x"[..],
        "<stdin>",
        InputFormat::Text,
        &bad,
        &mut |_| n += 1,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("invalid --published value \"next Tuesday\""),
        "{err}"
    );
    assert_eq!(n, 0, "nothing is read with a bad override");

    let missing = Path::new("/definitely/not/here.jsonl");
    let err = collect_path(missing, InputFormat::Auto, &Overrides::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot read /definitely/not/here.jsonl: no such file or directory"
    );
    assert!(std::error::Error::source(&err).is_some());
}

/// A news page of realistic size (navigation, sidebars, ~40 paragraphs, scripts), for timing.
fn heavy_page(i: usize) -> String {
    let mut s = String::from("<!doctype html><html lang=\"en\"><head><title>Report</title>");
    s.push_str("<meta property=\"article:published_time\" content=\"2024-06-01T10:00:00Z\">");
    s.push_str(&"<script>window.dataLayer = window.dataLayer || []; function track(e){ return e; }</script>".repeat(20));
    s.push_str("</head><body><nav><ul>");
    for n in 0..120 {
        s.push_str(&format!(
            "<li><a href=\"/section/{n}\">Section {n}</a></li>"
        ));
    }
    s.push_str("</ul></nav><main><article><h1>Report</h1>");
    for p in 0..40 {
        s.push_str(&format!(
            "<p>Paragraph {p} of story {i}: officials in the northern province said that armed men had \
             attacked a convoy on the main highway, and that the army had sent reinforcements to the area \
             while negotiations with local elders continued through the afternoon.</p>"
        ));
    }
    s.push_str("</article><aside>");
    for n in 0..60 {
        s.push_str(&format!(
            "<div class=\"promo\"><a href=\"/story/{n}\">Related story number {n}</a></div>"
        ));
    }
    s.push_str("</aside></main><footer>Contact | Privacy | Terms</footer></body></html>");
    s
}

/// Timing check for HTML extraction; run with
/// `cargo test -p sitrep-ingest --release -- --ignored --nocapture extraction_speed`.
#[test]
#[ignore]
fn extraction_speed() {
    let pages: Vec<String> = (0..200).map(heavy_page).collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let t = std::time::Instant::now();
    for p in &pages {
        let a = extract_html(p, None).unwrap();
        assert!(a.text.contains("Paragraph 39"), "{}", &a.text[..200]);
        assert!(!a.text.contains("Related story"));
    }
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "{} pages ({:.1} KiB each) in {secs:.2}s: {:.0} pages/s, {:.1} MiB/s",
        pages.len(),
        bytes as f64 / pages.len() as f64 / 1024.0,
        pages.len() as f64 / secs,
        bytes as f64 / secs / 1048576.0
    );
}

/// A wire story laid out the way news sites do: menus, share bar, byline, figure, ad slot,
/// related links, sidebar and footer around the body.
#[test]
fn news_page_keeps_story_drops_furniture() {
    let html = r##"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Rebels seize town in eastern Congo - World News | Example Wire</title>
<meta property="og:title" content="Rebels seize town in eastern Congo">
<meta property="og:site_name" content="Example Wire">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Rebels seize town in eastern Congo","datePublished":"2024-02-10T09:14:00Z","publisher":{"@type":"Organization","name":"Example Wire"}}</script>
</head><body>
<header class="site-header"><div class="logo">Example Wire</div><ul class="menu"><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></header>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<main><article class="story">
<h1>Rebels seize town in eastern Congo</h1>
<div class="byline">By Jane Doe and John Roe<br><time datetime="2024-02-10T09:14:00Z">Updated 9:14 AM GMT, February 10, 2024</time></div>
<figure><img src="a.jpg"><figcaption>Displaced families walk along a road near the town. (AP Photo)</figcaption></figure>
<div class="story-body">
<p>GOMA, Congo (AP) — Rebels seized a strategic town in eastern Congo on Friday after days of heavy fighting with the army, residents and local officials said.</p>
<div class="ad">Advertisement</div>
<p>The fighters entered the town early in the morning, forcing thousands of people to flee toward the provincial capital. At least 15 civilians were killed, according to a local civil society group.</p>
<p>"We heard gunfire all night," said one resident, who asked not to be named for fear of reprisals.</p>
<div class="related"><h3>Read more</h3><ul><li><a href="/x">Congo army launches offensive</a></li><li><a href="/y">UN warns of crisis</a></li></ul></div>
<p>The army said it was regrouping and would retake the town. The United Nations peacekeeping mission said it was monitoring the situation closely.</p>
</div></article>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/1">Story one</a></li><li><a href="/2">Story two</a></li></ol></aside>
</main><footer>© 2024 Example Wire. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>"##;
    let a = extract_html(html, Some("https://examplewire.example/congo-town")).unwrap();
    assert!(
        a.text.starts_with("GOMA, Congo (AP) — Rebels seized"),
        "{:?}",
        a.text
    );
    assert!(
        a.text.ends_with("monitoring the situation closely."),
        "{:?}",
        a.text
    );
    assert!(
        a.text.contains("\n\n\"We heard gunfire all night,\""),
        "{:?}",
        a.text
    );
    for furniture in [
        "Share on",
        "Home",
        "Most read",
        "Congo army launches",
        "Privacy",
        "All rights",
        "Jane Doe",
    ] {
        assert!(!a.text.contains(furniture), "{furniture:?} in {:?}", a.text);
    }
    assert_eq!(
        a.title.as_deref(),
        Some("Rebels seize town in eastern Congo")
    );
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2024-02-10")
    );
    assert_eq!(a.extra["published_from"], "json-ld");
    assert_eq!(a.source_name.as_deref(), Some("Example Wire"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://examplewire.example/congo-town")
    );
}

/// Regression: a response record whose writer left out the WARC `Content-Type:
/// application/http` header still holds an HTTP message; it must be parsed as one.
#[test]
fn warc_response_without_block_content_type_is_read_as_http() {
    let http = http_response("200 OK", &[("Content-Type", "text/html; charset=utf-8")], STORY_HTML.as_bytes());
    let record = warc_record(
        "response",
        &[("WARC-Target-URI", "https://riverpost.example/flood"), ("WARC-Date", "2024-06-02T05:10:00Z")],
        &http,
    );
    let items = collect_bytes(&record, "bare.warc", InputFormat::Auto);
    let a = articles(&items);
    assert_eq!(a.len(), 1, "{items:?}");
    assert!(a[0].text.contains("Rescue teams used boats"));
    assert!(!a[0].text.contains("HTTP/1.1"));
}
