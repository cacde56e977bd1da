//! Small closed word lists: months, weekdays, name heads. Matched on lowercased token text
//! with `match`, which compiles to a jump table: nothing is built at run time.

use jiff::civil::Weekday;

/// Month number for a full month name or a news abbreviation ("sept", "jan").
/// `abbrev` is true for the short forms, which need stronger context to count as a month.
pub fn month(word: &str) -> Option<(i8, bool)> {
    sitrep_text::words::month(word).map(|(m, short)| (m as i8, short))
}

pub fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// Parts of the day that may follow a weekday or "last"/"this" ("Friday night").
pub fn day_part(word: &str) -> bool {
    matches!(word, "night" | "morning" | "afternoon" | "evening" | "midday" | "noon" | "overnight")
}

/// Small cardinal words used in "two days ago" ("a"/"an" count as one).
pub fn small_number(word: &str) -> Option<i64> {
    match word {
        "a" | "an" => Some(1),
        _ => sitrep_text::words::unit_number(word).filter(|n| (1..=12).contains(n)).map(i64::from),
    }
}

/// Words that, right after a date, make the date part of a proper name: "the March 23
/// Movement", "6th of October City", "the January 25 Revolution". Matched lowercased, so
/// "the January 25 revolution" is a name too. Event nouns such as "attack(s)" are *not*
/// here: "the May 16 attacks" dates the attacks.
pub fn name_head(word: &str) -> bool {
    matches!(
        word,
        "movement"
            | "movements"
            | "city"
            | "bridge"
            | "street"
            | "square"
            | "avenue"
            | "road"
            | "alliance"
            | "coalition"
            | "brigade"
            | "brigades"
            | "battalion"
            | "revolution"
            | "uprising"
            | "university"
            | "stadium"
            | "hospital"
            | "party"
            | "front"
            | "group"
            | "accord"
            | "accords"
            | "agreement"
            | "declaration"
            | "district"
            | "camp"
            | "martyrs"
            | "youth"
            | "forces"
            | "corps"
            | "club"
            | "school"
            | "airport"
            | "mosque"
            | "church"
            | "institute"
    )
}

/// Prepositions and modifiers that let a bare month name ("in May", "the end of May")
/// stand as a date. Without one, a capitalised "May" is too often the modal verb.
pub fn month_lead(word: &str) -> bool {
    year_lead(word) || matches!(word, "of" | "and" | "to" | "by" | "or")
}

/// The stricter set for a bare year ("in 2019", "since 2019"): after "of", "to" or "by" a
/// four-digit number is too often a count ("a total of 2000", "rose to 1900").
pub fn year_lead(word: &str) -> bool {
    matches!(
        word,
        "in" | "since"
            | "during"
            | "until"
            | "till"
            | "through"
            | "throughout"
            | "from"
            | "early"
            | "late"
            | "mid"
            | "before"
            | "after"
            | "between"
    )
}

/// Verbs that introduce a report rather than the reported event: a date right after one of
/// them ("police said on Tuesday") dates the report.
pub fn reporting_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "told"
            | "reported"
            | "announced"
            | "stated"
            | "added"
            | "confirmed"
            | "claimed"
            | "statement"
            | "reports"
            | "announcement"
    )
}
