//! Publication dates as they appear in feeds, meta tags, WARC headers and command lines.
//!
//! The date kept is the calendar date *as written*: "2024-05-16T23:30:00-05:00" is May 16,
//! not May 17 UTC, because relative dates in the body ("yesterday") are relative to the
//! publisher's local day. Ambiguous all-numeric forms ("05/06/2024") are refused rather
//! than guessed.

use jiff::civil::Date;

/// Parse a publication date. Accepts `YYYY-MM-DD` (also with `/` or `.`), RFC 3339 and
/// other ISO 8601 timestamps, RFC 2822 ("Thu, 16 May 2024 10:30:00 +0000"), "May 16, 2024",
/// "16 May 2024", compact `YYYYMMDD[hhmmss]`, Unix epoch seconds or milliseconds, and
/// unambiguous day/month orders such as "16/05/2024". Returns `None` for anything else.
pub fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return parse_all_digits(s);
    }
    if let Some(d) = parse_iso_prefix(s) {
        return Some(d);
    }
    parse_words(s)
}

/// Whether a date string also carries a time of day, so the raw value is worth keeping.
pub(crate) fn has_time_part(s: &str) -> bool {
    let b = s.trim().as_bytes();
    if !b.is_empty() && b.iter().all(u8::is_ascii_digit) {
        // Epoch seconds/milliseconds or YYYYMMDDhhmmss.
        return b.len() > 8;
    }
    if b.windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit())
    {
        return true;
    }
    // ISO 8601 basic format: 20240516T1030
    b.len() > 10 && b[..8].iter().all(u8::is_ascii_digit) && b[8] == b'T' && b[9].is_ascii_digit()
}

/// Years outside this range are almost certainly a misparse, not a news date.
const YEARS: std::ops::RangeInclusive<i16> = 1800..=2200;

fn ymd(y: i64, m: i64, d: i64) -> Option<Date> {
    let y = i16::try_from(y).ok().filter(|y| YEARS.contains(y))?;
    let m = i8::try_from(m).ok()?;
    let d = i8::try_from(d).ok()?;
    Date::new(y, m, d).ok()
}

fn parse_all_digits(s: &str) -> Option<Date> {
    let n: i64 = s.parse().ok()?;
    match s.len() {
        8 => ymd(n / 10_000, n / 100 % 100, n % 100),
        14 => {
            let day = n / 1_000_000;
            ymd(day / 10_000, day / 100 % 100, day % 100)
        }
        9 | 10 => from_epoch_seconds(n),
        12 | 13 => from_epoch_seconds(n / 1000),
        _ => None,
    }
}

fn from_epoch_seconds(secs: i64) -> Option<Date> {
    let days = secs.div_euclid(86_400);
    let epoch = Date::new(1970, 1, 1).ok()?;
    let date = epoch
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()?;
    // Epoch values before 1990 in a news feed are placeholders (0, 1) or unit mistakes.
    (date.year() >= 1990).then_some(date)
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` (one or two digit month/day) at the start,
/// followed by the end, a time (`T`, space) or a zone; also basic `YYYYMMDDThhmm`.
fn parse_iso_prefix(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() >= 9 && b[..8].iter().all(u8::is_ascii_digit) && b[8] == b'T' {
        return parse_all_digits(&s[..8]);
    }
    if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sep = b[4];
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let (month, rest) = leading_number(&s[5..], 2)?;
    let rest = rest.strip_prefix(sep as char)?;
    let (day, rest) = leading_number(rest, 2)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    ymd(s[..4].parse().ok()?, month, day)
}

/// A run of 1..=max_len ASCII digits at the start of `s`, and what follows it.
fn leading_number(s: &str, max_len: usize) -> Option<(i64, &str)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > max_len {
        return None;
    }
    Some((s[..len].parse().ok()?, &s[len..]))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Word(Option<i64>), // a month number when the word names a month
    Num { value: i64, digits: usize },
}

/// Full month name or a news abbreviation ("jan", "sept"), via the shared word list.
fn month_number(word: &str) -> Option<i64> {
    sitrep_text::words::month(word).map(|(m, _)| m as i64)
}

fn is_ordinal_suffix(word: &str) -> bool {
    matches!(word, "st" | "nd" | "rd" | "th")
}

/// Word and number tokens of the first ~40 bytes, lowercased; punctuation separates.
fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut num = String::new();
    let flush = |word: &mut String, num: &mut String, out: &mut Vec<Tok>| {
        if !num.is_empty() {
            if let Ok(value) = num.parse() {
                out.push(Tok::Num {
                    value,
                    digits: num.len(),
                });
            }
            num.clear();
        }
        if !word.is_empty() {
            if !(is_ordinal_suffix(word) && matches!(out.last(), Some(Tok::Num { .. }))) {
                out.push(Tok::Word(month_number(word)));
            }
            word.clear();
        }
    };
    for c in s.chars() {
        if c.is_ascii_digit() {
            if !word.is_empty() {
                flush(&mut word, &mut num, &mut out);
            }
            num.push(c);
        } else if c.is_alphabetic() {
            if !num.is_empty() {
                flush(&mut String::new(), &mut num, &mut out);
            }
            word.extend(c.to_lowercase());
        } else {
            flush(&mut word, &mut num, &mut out);
        }
        if out.len() >= 8 {
            break;
        }
    }
    flush(&mut word, &mut num, &mut out);
    out
}

/// "May 16, 2024", "16 May 2024", "Thursday, 16th May 2024", "2024 May 16", "16/05/2024".
fn parse_words(s: &str) -> Option<Date> {
    let toks = tokens(s);
    // Leading words that are not months: weekdays, "Published", "Updated:".
    let start = toks.iter().position(|t| !matches!(t, Tok::Word(None)))?;
    let t = &toks[start..];
    let year = |t: &Tok| match *t {
        Tok::Num { value, digits: 4 } => Some(value),
        _ => None,
    };
    let day = |t: &Tok| match *t {
        Tok::Num {
            value,
            digits: 1 | 2,
        } => Some(value),
        _ => None,
    };
    let month = |t: &Tok| match *t {
        Tok::Word(m) => m,
        _ => None,
    };
    if t.len() < 3 {
        return None;
    }
    if let (Some(m), Some(d), Some(y)) = (month(&t[0]), day(&t[1]), year(&t[2])) {
        return ymd(y, m, d);
    }
    if let (Some(d), Some(m), Some(y)) = (day(&t[0]), month(&t[1]), year(&t[2])) {
        return ymd(y, m, d);
    }
    if let (Some(y), Some(m), Some(d)) = (year(&t[0]), month(&t[1]), day(&t[2])) {
        return ymd(y, m, d);
    }
    if let (Some(a), Some(b), Some(y)) = (day(&t[0]), day(&t[1]), year(&t[2])) {
        // Numeric day/month order is only accepted when one reading is impossible.
        return match (a > 12, b > 12) {
            (true, false) => ymd(y, b, a),
            (false, true) => ymd(y, a, b),
            _ if a == b => ymd(y, a, b),
            _ => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Option<Date> {
        Some(Date::new(y, m, day).unwrap())
    }

    #[test]
    fn accepted_forms() {
        let cases: &[(&str, Option<Date>)] = &[
            ("2024-05-16", d(2024, 5, 16)),
            ("  2024-05-16\n", d(2024, 5, 16)),
            ("2024-5-6", d(2024, 5, 6)),
            ("2024/05/16", d(2024, 5, 16)),
            ("2024.05.16", d(2024, 5, 16)),
            ("2024-05-16T10:30:00Z", d(2024, 5, 16)),
            ("2024-05-16T23:30:00-05:00", d(2024, 5, 16)),
            ("2024-05-16T10:30:00.123+02:00", d(2024, 5, 16)),
            ("2024-05-16 10:30", d(2024, 5, 16)),
            ("20240516", d(2024, 5, 16)),
            ("20240516103000", d(2024, 5, 16)),
            ("20240516T103000Z", d(2024, 5, 16)),
            ("Thu, 16 May 2024 10:30:00 +0000", d(2024, 5, 16)),
            ("16 May 2024", d(2024, 5, 16)),
            ("16 May, 2024", d(2024, 5, 16)),
            ("May 16, 2024", d(2024, 5, 16)),
            ("May 16 2024 4:05 PM EDT", d(2024, 5, 16)),
            ("Sept. 3, 2023", d(2023, 9, 3)),
            ("Thursday, 16th May 2024", d(2024, 5, 16)),
            ("Published: December 1st, 2023", d(2023, 12, 1)),
            ("2024 May 16", d(2024, 5, 16)),
            ("16/05/2024", d(2024, 5, 16)),
            ("05/16/2024", d(2024, 5, 16)),
            ("16.05.2024", d(2024, 5, 16)),
            ("1715855400", d(2024, 5, 16)),
            ("1715855400000", d(2024, 5, 16)),
        ];
        for (input, want) in cases {
            assert_eq!(parse_published(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn refused_forms() {
        for input in [
            "",
            "   ",
            "yesterday",
            "05/06/2024",   // day/month order unknowable
            "2024-02-30",   // no such day
            "2024-13-01",   // no such month
            "May 2024",     // no day
            "16 Mai 2024",  // not an English month name
            "0",            // epoch placeholder
            "12345",        // not a date
            "0001-01-01",   // placeholder year
            "2024-05-160",  // trailing digits
            "Janu 5, 2024", // truncated month name
        ] {
            assert_eq!(parse_published(input), None, "input {input:?}");
        }
    }

    #[test]
    fn time_part_detection() {
        for (input, want) in [
            ("2024-05-16", false),
            ("May 16, 2024", false),
            ("20240516", false),
            ("2024-05-16T10:30:00Z", true),
            ("Thu, 16 May 2024 10:30:00 +0000", true),
            ("1715855400", true),
            ("20240516T1030", true),
        ] {
            assert_eq!(has_time_part(input), want, "input {input:?}");
        }
    }
}
