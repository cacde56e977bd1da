//! Plain text: the whole input is one article body.

use crate::{content_id, read_all, Sink};
use sitrep_core::Article;
use std::io::BufRead;

pub(crate) fn read(reader: &mut dyn BufRead, origin: &str, sink: &mut Sink) {
    let bytes = match read_all(reader) {
        Ok(b) => b,
        Err(reason) => return sink.reject(origin, reason),
    };
    match decode_text(&bytes) {
        Ok(text) => {
            let id = content_id(&[text.as_bytes()]);
            sink.article(Article::new(id, text));
        }
        Err(reason) => sink.reject(origin, reason),
    }
}

/// The bytes as article text, or why they are not text. A UTF-8 byte-order mark is dropped
/// (it is an encoding marker, not content).
pub(crate) fn decode_text(bytes: &[u8]) -> Result<String, String> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err("UTF-16 text is not supported; convert it to UTF-8".to_string());
    }
    if let Some(pos) = crate::binary_marker(bytes) {
        return Err(format!("binary file (NUL byte at byte {pos})"));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let offset = bytes.len() - body.len();
    let text = std::str::from_utf8(body)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to() + offset))?;
    if text.trim().is_empty() {
        return Err("empty file".to_string());
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::decode_text;

    #[test]
    fn decode_cases() {
        let cases: &[(&[u8], Result<&str, &str>)] = &[
            (
                b"Troops withdrew from the town.",
                Ok("Troops withdrew from the town."),
            ),
            (b"\xEF\xBB\xBFBOM first.", Ok("BOM first.")),
            (b"", Err("empty file")),
            (b" \n\t\r\n", Err("empty file")),
            (b"abc\x00def", Err("binary file (NUL byte at byte 3)")),
            (b"caf\xe9 ouvert", Err("invalid UTF-8 at byte 3")),
            (b"\xEF\xBB\xBFcaf\xe9", Err("invalid UTF-8 at byte 6")),
            (
                b"\xFF\xFEa\x00",
                Err("UTF-16 text is not supported; convert it to UTF-8"),
            ),
        ];
        for (input, want) in cases {
            let got = decode_text(input);
            assert_eq!(
                got.as_deref().map_err(String::as_str),
                *want,
                "input {input:?}"
            );
        }
    }
}
