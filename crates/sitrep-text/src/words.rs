//! Closed English word lists that several stages read: month names and cardinal number
//! words. One copy here so the date reader, the casualty counter and the input readers agree.
//! All functions take lowercased words and are plain `match`es: nothing is built at run time.

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
];

/// News abbreviations of month names, with their month numbers ("sep" and "sept" both).
pub const MONTH_ABBREVIATIONS: [(&str, u8); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Every word `month` accepts: full names and abbreviations.
pub fn month_words() -> impl Iterator<Item = &'static str> {
    MONTHS.iter().copied().chain(MONTH_ABBREVIATIONS.iter().map(|(w, _)| *w))
}

/// Month number (1-12) for a full month name or a news abbreviation ("jan", "sept"), and
/// whether it was the short form (short forms need stronger context to count as a month).
pub fn month(word: &str) -> Option<(u8, bool)> {
    if let Some(i) = MONTHS.iter().position(|m| *m == word) {
        return Some((i as u8 + 1, false));
    }
    MONTH_ABBREVIATIONS.iter().find(|(w, _)| *w == word).map(|(_, m)| (*m, true))
}

/// "zero" … "nineteen".
pub fn unit_number(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

/// "twenty" … "ninety".
pub fn tens_number(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// A number written as one word below a hundred: "seven", "twenty", "twenty-three".
pub fn cardinal_word(w: &str) -> Option<u32> {
    if let Some(v) = unit_number(w).or_else(|| tens_number(w)) {
        return Some(v);
    }
    let (t, u) = w.split_once('-')?;
    Some(tens_number(t)? + unit_number(u).filter(|u| (1..=9).contains(u))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_full_and_short() {
        assert_eq!(month("january"), Some((1, false)));
        assert_eq!(month("sept"), Some((9, true)));
        assert_eq!(month("sep"), Some((9, true)));
        assert_eq!(month("may"), Some((5, false)));
        assert_eq!(month("janu"), None);
    }

    #[test]
    fn cardinals() {
        for (w, n) in [("zero", Some(0)), ("twelve", Some(12)), ("forty", Some(40)), ("twenty-three", Some(23)), ("twenty-zero", None), ("hundred", None)] {
            assert_eq!(cardinal_word(w), n, "{w}");
        }
    }
}
