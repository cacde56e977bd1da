//! Wire datelines: "GOMA, Congo (AP) —", "KHARTOUM (Reuters) -",
//! "MOGADISHU, Somalia, Jan. 4 (Xinhua) --", "Kabul, Afghanistan —", "NEW DELHI:".
//!
//! A dateline is a place (one name, then optional ", Region" parts), an optional date, an
//! optional agency in parentheses, and a dash. The shape alone is ambiguous with ordinary
//! openings ("On Friday - …", "NATO - …"), so the scanner is strict:
//! - the first place name is ALL CAPS ("GOMA", "SAN FRANCISCO") or Title Case ("Kabul");
//! - a Title Case place needs a region or an agency: a bare "Kabul —" could be any phrase;
//! - a bare ALL CAPS place (no region, date or agency) must not be a furniture word
//!   ("BREAKING") or a common organisation acronym ("NATO", "UN");
//! - the first word must not be a function word, weekday or month ("On", "The", "Friday");
//! - a plain hyphen only counts with a space before it, so "PORT-AU-PRINCE" stays a name;
//! - a colon ("NEW DELHI:") only counts after an ALL CAPS place.
//!
//! Only the first `SCAN_LIMIT` (240) bytes are read, so a huge text costs nothing extra.

use sitrep_core::{Dateline, Span};

/// Datelines are short; nothing past this many bytes is looked at.
const SCAN_LIMIT: usize = 240;
/// Words in one place part ("DAR ES SALAAM", "Democratic Republic of the Congo").
const MAX_PART_WORDS: usize = 6;
/// Parts after the first ("SPRINGFIELD, Ill., United States").
const MAX_REGIONS: usize = 3;
const MAX_AGENCY_BYTES: usize = 60;
/// Words in a place given with nothing else (no region, date or agency).
const MAX_BARE_WORDS: usize = 3;

/// Find a wire dateline at the start of `text` (after leading whitespace). The span covers
/// the dateline through its dash or colon, in `text`'s offsets.
pub fn detect_dateline(text: &str) -> Option<Dateline> {
    let lead = text.len() - text.trim_start().len();
    let mut limit = (lead + SCAN_LIMIT).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let s = &text[..limit];
    let mut sc = Scanner { s, i: lead };

    let first = sc.place_part()?;
    let the_hague = is_the_hague(first.first_word, text[lead..first.end].split(' ').nth(1).unwrap_or(""));
    if (is_stop_word(first.first_word) && !the_hague) || first.has_function_word {
        return None;
    }
    let mut place_end = first.end;
    let mut regions = 0;
    let mut has_date = false;
    loop {
        let save = sc.i;
        if !sc.eat_str(",") {
            break;
        }
        sc.skip_spaces();
        if sc.date() {
            has_date = true;
            break;
        }
        match sc.place_part() {
            Some(part) if regions < MAX_REGIONS && !part.has_function_word => {
                regions += 1;
                place_end = part.end;
            }
            _ => {
                sc.i = save;
                break;
            }
        }
    }
    let before_agency = sc.i;
    sc.skip_spaces();
    let agency = sc.agency();
    if agency.is_none() {
        sc.i = before_agency;
    }
    let before_dash = sc.i;
    let had_space = sc.skip_spaces();
    let dash = match sc.dash(had_space || agency.is_some(), first.all_caps) {
        Some(d) => d,
        // "Lima, June 21 (IANS) Farmers ...": a wire agency after a dated or regional
        // dateline ends it without a dash when a capitalised sentence follows
        None if agency.is_some_and(|a| a.starts_with(char::is_uppercase))
            && (has_date || regions > 0)
            && had_space
            && sc.peek().is_some_and(char::is_uppercase) =>
        {
            sc.i = before_dash;
            Dash::None
        }
        None => return None,
    };
    let dateline_end = sc.i;
    // The dash must end the dateline: whitespace, end of text, or (for em/en dashes with no
    // spaces, "KABUL—Taliban") a letter.
    match sc.peek() {
        None => {}
        Some(c) if c.is_whitespace() => {}
        Some(c) if dash == Dash::Long && c.is_alphanumeric() && first.all_caps => {}
        Some(_) => return None,
    }

    let bare = regions == 0 && !has_date && agency.is_none();
    if !first.all_caps && regions == 0 && agency.is_none() {
        return None;
    }
    if bare && first.words == 1 && is_caps_non_place(first.first_word) {
        return None;
    }
    // A bare name is short ("SAN FRANCISCO", "DAR ES SALAAM"); longer caps runs are
    // headings or shouted text.
    if bare && first.words > MAX_BARE_WORDS {
        return None;
    }
    if bare && dash == Dash::Colon && first.words == 1 && first.first_word.len() < 3 {
        return None;
    }
    Some(Dateline {
        place: text[lead..place_end].to_string(),
        agency: agency.map(|a| a.to_string()),
        span: Span::new(lead, dateline_end),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dash {
    /// "—", "–", "―"
    Long,
    /// "-", "--", "_"
    Short,
    /// ":"
    Colon,
    /// Nothing: the agency ends the dateline.
    None,
}

struct Part<'a> {
    end: usize,
    words: usize,
    all_caps: bool,
    first_word: &'a str,
    /// A capitalised function word inside ("MEMBERS OF THE COMMISSION"): a phrase, not a name.
    has_function_word: bool,
}

struct Scanner<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<char> {
        self.s[self.i..].chars().next()
    }

    fn eat_str(&mut self, p: &str) -> bool {
        if self.s[self.i..].starts_with(p) {
            self.i += p.len();
            true
        } else {
            false
        }
    }

    /// Skip spaces and tabs (not newlines: a dateline is on one line). True if any.
    fn skip_spaces(&mut self) -> bool {
        let start = self.i;
        while let Some(c) = self.peek() {
            if c == ' ' || c == '\t' || c == '\u{a0}' {
                self.i += c.len_utf8();
            } else {
                break;
            }
        }
        self.i > start
    }

    /// One word of a place name: letters with inner apostrophes, hyphens and dots, and an
    /// optional final dot for abbreviations ("Ill.", "ST."). Returns the word.
    fn word(&mut self) -> Option<&'a str> {
        let start = self.i;
        let first = self.peek()?;
        if !first.is_alphabetic() {
            return None;
        }
        self.i += first.len_utf8();
        while let Some(c) = self.peek() {
            if c.is_alphabetic() {
                self.i += c.len_utf8();
            } else if matches!(c, '\'' | '’' | '-' | '.') {
                let after = self.i + c.len_utf8();
                let next = self.s[after..].chars().next();
                if next.is_some_and(|n| n.is_alphabetic()) {
                    self.i = after;
                } else if c == '.' {
                    self.i = after;
                    break;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        Some(&self.s[start..self.i])
    }

    /// A place part: capitalised words separated by single spaces, with lowercase
    /// connectors ("of", "de", "al") allowed between them.
    fn place_part(&mut self) -> Option<Part<'a>> {
        let start = self.i;
        let first_word = self.word()?;
        if !starts_upper(first_word) {
            self.i = start;
            return None;
        }
        let mut all_caps = is_all_caps(first_word);
        let mut words = 1;
        let mut end = self.i;
        let mut has_function_word = false;
        let mut prev_word = first_word;
        loop {
            let save = self.i;
            if !self.eat_str(" ") {
                break;
            }
            let Some(w) = self.word() else {
                self.i = save;
                break;
            };
            if starts_upper(w) && words < MAX_PART_WORDS {
                if is_function_word(w) && !is_the_hague(prev_word, w) {
                    has_function_word = true;
                }
                prev_word = w;
                // Mixed styles inside one part ("GOMA Congo") are not a place name.
                if is_all_caps(w) != all_caps && !(all_caps && w.len() == 1) {
                    if all_caps {
                        // "KABUL Taliban fighters..." is text after a caps word, not a name.
                        self.i = save;
                        break;
                    }
                    all_caps = false;
                }
                words += 1;
                end = self.i;
            } else if is_connector(w) && words < MAX_PART_WORDS {
                // Up to two connectors ("of the") must be followed by a capitalised word.
                let mut joined = false;
                let mut connectors = 1;
                loop {
                    if !self.eat_str(" ") {
                        break;
                    }
                    let Some(w2) = self.word() else { break };
                    if starts_upper(w2) {
                        joined = true;
                        break;
                    }
                    connectors += 1;
                    if !is_connector(w2) || connectors > 2 {
                        break;
                    }
                }
                if !joined {
                    self.i = save;
                    break;
                }
                words += connectors + 1;
                end = self.i;
            } else {
                self.i = save;
                break;
            }
        }
        self.i = end;
        Some(Part { end, words, all_caps, first_word, has_function_word })
    }

    /// "May 3", "Jan. 4", "Sept 12, 2024", "3 May", "3 JAN 90". Restores the position when
    /// it does not match.
    fn date(&mut self) -> bool {
        let start = self.i;
        if self.month() {
            self.skip_spaces();
            if self.digits(1, 2) {
                self.year_suffix();
                return true;
            }
        } else if self.digits(1, 2) && self.skip_spaces() && self.month() {
            let save = self.i;
            if !(self.skip_spaces() && self.digits(2, 4)) {
                self.i = save;
            }
            return true;
        }
        self.i = start;
        false
    }

    fn year_suffix(&mut self) {
        let save = self.i;
        let _ = self.eat_str(",");
        if !(self.skip_spaces() && self.digits(4, 4)) {
            self.i = save;
        }
    }

    fn month(&mut self) -> bool {
        let start = self.i;
        let Some(w) = self.word() else { return false };
        let lw = w.trim_end_matches('.').to_ascii_lowercase();
        if MONTHS.contains(&lw.as_str()) && starts_upper(w) {
            true
        } else {
            self.i = start;
            false
        }
    }

    fn digits(&mut self, min: usize, max: usize) -> bool {
        let start = self.i;
        let n = self.s[self.i..].bytes().take_while(u8::is_ascii_digit).count();
        if n >= min && n <= max {
            self.i += n;
            true
        } else {
            self.i = start;
            false
        }
    }

    /// "(AP)", "(Reuters)", "(RADIO CADENA NACIONAL)". Returns the name.
    fn agency(&mut self) -> Option<&'a str> {
        let start = self.i;
        if !self.eat_str("(") {
            return None;
        }
        let rest = &self.s[self.i..];
        let close = rest.find(')')?;
        let name = rest[..close].trim();
        let ok = close <= MAX_AGENCY_BYTES
            && name.chars().next().is_some_and(|c| c.is_alphabetic())
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '&' | '-' | '\'' | ',' | '/'));
        if !ok {
            self.i = start;
            return None;
        }
        self.i += close + 1;
        Some(name)
    }

    /// Whether the hyphens at the position ("--", "-") are followed by whitespace: after an
    /// ALL CAPS place, "BUENOS AIRES-- Dock" and "KABUL- Police" are datelines typed without
    /// the space, while a hyphen with a letter after it joins a name ("PORT-AU-PRINCE").
    fn unspaced_dash_ends_line_start(&self) -> bool {
        let rest = &self.s[self.i..];
        let hyphens = rest.bytes().take_while(|&b| b == b'-' || b == b'_').count();
        hyphens >= 1 && rest[hyphens..].starts_with([' ', '\t', '\u{a0}'])
    }

    /// The dash that ends a dateline. A short hyphen needs a space (or agency) before it,
    /// except after an ALL CAPS place when whitespace follows it.
    fn dash(&mut self, spaced: bool, all_caps: bool) -> Option<Dash> {
        let c = self.peek()?;
        match c {
            '—' | '–' | '―' => {
                self.i += c.len_utf8();
                Some(Dash::Long)
            }
            '-' | '_' if spaced || (all_caps && self.unspaced_dash_ends_line_start()) => {
                while self.peek() == Some(c) {
                    self.i += 1;
                }
                Some(Dash::Short)
            }
            ':' if all_caps => {
                self.i += 1;
                Some(Dash::Colon)
            }
            _ => None,
        }
    }
}

const MONTHS: &[&str] = &[
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
    "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
    "november", "dec", "december",
];

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Every letter upper case, at least two letters ("GOMA", "N'DJAMENA", "PORT-AU-PRINCE").
fn is_all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// Lower-case words that may sit inside a place name.
fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "the" | "de" | "del" | "la" | "le" | "el" | "al" | "es" | "du" | "da" | "do" | "and" | "upon" | "on" | "sur")
}

/// Function words that do not occur inside a place name written in capitals or title case
/// ("of" does: "PORT OF SPAIN").
fn is_function_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "the" | "a" | "an" | "and" | "to" | "for" | "with" | "is" | "are" | "was" | "were" | "by"
            | "at" | "on" | "in" | "we" | "they" | "he" | "she" | "it" | "not" | "that" | "this"
            | "will" | "has" | "have" | "said" | "says"
    )
}

/// "THE HAGUE" / "The Hague": the one common dateline that opens with "The".
fn is_the_hague(first: &str, second: &str) -> bool {
    first.eq_ignore_ascii_case("the") && second.trim_end_matches(',').eq_ignore_ascii_case("hague")
}

/// Words that open ordinary sentences and headlines, never a dateline place.
fn is_stop_word(w: &str) -> bool {
    let lw = w.trim_end_matches('.').to_ascii_lowercase();
    matches!(
        lw.as_str(),
        "the" | "a" | "an" | "on" | "in" | "at" | "by" | "for" | "from" | "to" | "of" | "and"
            | "but" | "or" | "as" | "when" | "after" | "before" | "since" | "while" | "during"
            | "if" | "this" | "that" | "these" | "those" | "there" | "here" | "he" | "she" | "it"
            | "they" | "we" | "i" | "you" | "his" | "her" | "their" | "our" | "its" | "meanwhile"
            | "however" | "also" | "earlier" | "later" | "today" | "yesterday" | "tonight"
            | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            | "mr" | "mrs" | "ms" | "dr" | "gen" | "col" | "lt" | "maj" | "capt" | "sgt" | "president"
            | "minister" | "officials" | "police" | "update" | "updated" | "breaking" | "watch"
            | "live" | "exclusive" | "opinion" | "analysis" | "editorial" | "photos" | "video"
            | "note" | "correction" | "editor" | "editors" | "warning" | "advisory" | "attention"
            | "subject" | "summary" | "question" | "answer" | "text" | "report" | "source"
            | "background" | "clarification" | "context" | "quote" | "transcript" | "caption"
            | "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine"
            | "ten" | "several" | "many" | "some" | "all" | "dear" | "esteemed"
    ) || MONTHS.contains(&lw.as_str())
}

/// ALL CAPS words that start lines but are organisations or labels, not places. Checked only
/// for a bare one-word dateline ("NATO — …"), where nothing else says it is a place.
fn is_caps_non_place(w: &str) -> bool {
    matches!(
        w,
        "NATO" | "UN" | "U.N." | "US" | "U.S." | "EU" | "AU" | "UK" | "ISIS" | "ISIL" | "IS"
            | "AP" | "AFP" | "REUTERS" | "UPI" | "BBC" | "CNN" | "ECOWAS" | "IGAD" | "SADC"
            | "ASEAN" | "OPEC" | "WHO" | "UNHCR" | "UNICEF" | "ICRC" | "MSF" | "IMF" | "RSF"
            | "SDF" | "PKK" | "YPG" | "HTS" | "IDF" | "TPLF" | "OCHA" | "IOM" | "WFP" | "ICC"
            | "NEWS" | "FLASH" | "URGENT" | "PHOTO" | "VIDEO" | "AUDIO" | "WATCH" | "LIVE"
            | "BREAKING" | "UPDATE" | "EXCLUSIVE" | "NOTE" | "CORRECTION" | "WARNING" | "ADVISORY"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(s: &str) -> Option<(String, Option<String>, String)> {
        detect_dateline(s).map(|d| (d.place, d.agency, d.span.of(s).to_string()))
    }

    #[test]
    fn finds_wire_datelines() {
        let cases: &[(&str, &str, Option<&str>, &str)] = &[
            ("GOMA, Congo (AP) — Rebels shelled the town.", "GOMA, Congo", Some("AP"), "GOMA, Congo (AP) —"),
            ("KHARTOUM (Reuters) - The army said", "KHARTOUM", Some("Reuters"), "KHARTOUM (Reuters) -"),
            ("BAMAKO, Mali, May 3 (Reuters) - Gunmen", "BAMAKO, Mali", Some("Reuters"), "BAMAKO, Mali, May 3 (Reuters) -"),
            ("Kabul, Afghanistan — A blast", "Kabul, Afghanistan", None, "Kabul, Afghanistan —"),
            ("NAIROBI, Kenya – Police", "NAIROBI, Kenya", None, "NAIROBI, Kenya –"),
            ("SAN FRANCISCO - Protesters", "SAN FRANCISCO", None, "SAN FRANCISCO -"),
            ("MOGADISHU, Somalia, Jan. 4 (Xinhua) -- Militants", "MOGADISHU, Somalia", Some("Xinhua"), "MOGADISHU, Somalia, Jan. 4 (Xinhua) --"),
            ("  WASHINGTON, Jan 4 (Reuters) - ", "WASHINGTON", Some("Reuters"), "WASHINGTON, Jan 4 (Reuters) -"),
            ("PORT-AU-PRINCE, Haiti (AP) — Gangs", "PORT-AU-PRINCE, Haiti", Some("AP"), "PORT-AU-PRINCE, Haiti (AP) —"),
            ("N'DJAMENA, Chad (AFP) - Troops", "N'DJAMENA, Chad", Some("AFP"), "N'DJAMENA, Chad (AFP) -"),
            ("DAR ES SALAAM, Tanzania — Rain", "DAR ES SALAAM, Tanzania", None, "DAR ES SALAAM, Tanzania —"),
            ("KINSHASA, Democratic Republic of the Congo (AP) — X", "KINSHASA, Democratic Republic of the Congo", Some("AP"), "KINSHASA, Democratic Republic of the Congo (AP) —"),
            ("Goma (AFP) - Fighting", "Goma", Some("AFP"), "Goma (AFP) -"),
            ("Bamako, Mali, 3 May (AFP) – Soldiers", "Bamako, Mali", Some("AFP"), "Bamako, Mali, 3 May (AFP) –"),
            ("SAN SALVADOR, 3 JAN 90 (RADIO CADENA NACIONAL) -- THE", "SAN SALVADOR", Some("RADIO CADENA NACIONAL"), "SAN SALVADOR, 3 JAN 90 (RADIO CADENA NACIONAL) --"),
            ("NEW DELHI: The government", "NEW DELHI", None, "NEW DELHI:"),
            ("KABUL—Taliban fighters", "KABUL", None, "KABUL—"),
            ("BOGOTÁ, Colombia (AP) — Rebels", "BOGOTÁ, Colombia", Some("AP"), "BOGOTÁ, Colombia (AP) —"),
            ("UNITED NATIONS (AP) — The council", "UNITED NATIONS", Some("AP"), "UNITED NATIONS (AP) —"),
            ("SPRINGFIELD, Ill. (AP) — A", "SPRINGFIELD, Ill.", Some("AP"), "SPRINGFIELD, Ill. (AP) —"),
            ("THE HAGUE, Netherlands (AP) — Judges", "THE HAGUE, Netherlands", Some("AP"), "THE HAGUE, Netherlands (AP) —"),
            ("PORT OF SPAIN, Trinidad (AP) — A", "PORT OF SPAIN, Trinidad", Some("AP"), "PORT OF SPAIN, Trinidad (AP) —"),
            ("BANDAR SERI BEGAWAN — The", "BANDAR SERI BEGAWAN", None, "BANDAR SERI BEGAWAN —"),
            ("BUENOS AIRES-- Dock workers", "BUENOS AIRES", None, "BUENOS AIRES--"),
            ("KABUL- Police said", "KABUL", None, "KABUL-"),
            ("BEIRUT, Lebanon-- The army", "BEIRUT, Lebanon", None, "BEIRUT, Lebanon--"),
            ("ISLAMABAD (APP): The Foreign Office", "ISLAMABAD", Some("APP"), "ISLAMABAD (APP):"),
            ("TEL AVIV (Reuters)- Israel", "TEL AVIV", Some("Reuters"), "TEL AVIV (Reuters)-"),
            ("Lima, June 21 (IANS) Farmers blocked", "Lima", Some("IANS"), "Lima, June 21 (IANS)"),
            ("United Nations, October 2 (IANS) Aid agencies", "United Nations", Some("IANS"), "United Nations, October 2 (IANS)"),
            ("Kabul, Afghanistan (AP) Gunmen attacked", "Kabul, Afghanistan", Some("AP"), "Kabul, Afghanistan (AP)"),
        ];
        for (input, place, agency, span) in cases {
            let got = dl(input).unwrap_or_else(|| panic!("no dateline in {input:?}"));
            assert_eq!(got.0, *place, "place of {input:?}");
            assert_eq!(got.1.as_deref(), *agency, "agency of {input:?}");
            assert_eq!(got.2, *span, "span of {input:?}");
        }
    }

    #[test]
    fn ignores_ordinary_openings() {
        let cases = [
            "The army said - the attack failed.",
            "On Friday - the day of the vote - rebels attacked.",
            "On Friday, Rebels (AP) — attacked",
            "rebels said - nothing.",
            "goma, congo (ap) — lower case is not a dateline",
            "NATO - the alliance said it would respond.",
            "Rebels attacked Goma - a city in the east - on Friday.",
            "Kabul — the capital — was quiet.",
            "BREAKING: Rebels seize Goma",
            "Rebels kill 12 in Goma",
            "PORT-AU-PRINCE is a city",
            "Tel Aviv-- the city said",
            "NATO-- the alliance said",
            "UN-backed forces attacked",
            "THREE FOREIGN ENGINEERS-- WERE KIDNAPPED",
            "Goma (AFP) Fighting resumed",
            "Officials, Monday (AP) Said nothing",
            "Rebels, May 3 (retired) The army",
            "Kabul, Afghanistan (AP) said the army",
            "Gen. Ali, Army chief (retired) - spoke",
            "Friday, May 3 (Reuters) - ",
            "UPDATE 2-Rebels attack",
            "ESTEEMED MEMBERS OF THE GOVERNMENT COMMISSION: WE WRITE",
            "MEMBERS OF THE COMMISSION: WE WRITE",
            "ATTENTION: ALL UNITS",
            "THREE FOREIGN ENGINEERS -- WERE KIDNAPPED",
            "REBELS ATTACK THE CAPITAL CITY -- ARMY",
            "The Hague is where the court sits - it said",
            "",
            "   ",
            "—",
            "\u{0}\u{1}GOMA (AP) —",
        ];
        for input in cases {
            assert_eq!(dl(input), None, "false dateline in {input:?}");
        }
    }

    #[test]
    fn span_is_relative_to_leading_whitespace() {
        let s = "\n  GOMA (AP) — text";
        let d = detect_dateline(s).unwrap();
        assert_eq!(d.span, Span::new(3, 16));
        assert_eq!(d.span.of(s), "GOMA (AP) —");
    }

    #[test]
    fn long_input_is_cheap_and_safe() {
        let long = "GOMA ".repeat(200_000);
        assert_eq!(detect_dateline(&long), None);
        // A multibyte char right at the scan limit must not panic.
        let s = format!("{}é and more", "A".repeat(SCAN_LIMIT - 1));
        let _ = detect_dateline(&s);
    }
}
