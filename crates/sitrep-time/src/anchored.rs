//! Anchored relative dates: phrases that count from another date in the story rather than
//! from publication ("a day later", "the next morning", "two days after the raid", "that
//! night", "the previous week"). This module only recognises them; `recognize` picks each
//! one's anchor among the dates before it and resolves it with [`crate::resolve::from_anchor`].
//!
//! Like the rest of the crate, every matcher is a `match` on lowercased token text.

use crate::recognize::{explicit, is_name, relative, Found, View};
use crate::resolve::Expr;
use crate::words::{day_part, small_number, weekday};
use sitrep_core::{DatePrecision, TokenKind};

/// What an anchored phrase counts from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Anchor {
    /// Not anchored: resolved against the publication date.
    Publication,
    /// "a day later", "the next day", "that night", "two days after that": the nearest
    /// date before it in the story, whatever that date was resolved from.
    Preceding,
    /// "two days after the raid": an earlier event named by a noun. `head` is the token of
    /// the noun ("raid") when one was found, used to look for the sentence that reported it.
    /// `proper` when the phrase starts with a capitalised word ("after Christmas", "after
    /// Musa's arrest"): a name, whose date the story may never give.
    ///
    /// `other` when the phrase marks the event as another one than the story's ("after a
    /// similar raid", "after another attack"): then the sentence's subject is the story's own
    /// event ("The attack came two days after a similar raid"), and it keeps the story's date.
    Event { head: Option<usize>, proper: bool, other: bool },
    /// "two days after the 3 March raid", "a day after Sunday's attack": the date inside the
    /// phrase, resolved against publication like any other.
    Inline(Expr),
    /// "days later", "a few weeks later": no count, so no date; the mention is kept
    /// unresolved so the sentence does not borrow its neighbour's date either.
    Vague,
}

/// The calendar unit a period word names ("morning" is a day).
fn period(word: &str) -> Option<DatePrecision> {
    Some(match word {
        "day" | "morning" | "afternoon" | "evening" | "night" | "overnight" => DatePrecision::Day,
        "week" => DatePrecision::Week,
        "month" => DatePrecision::Month,
        "year" => DatePrecision::Year,
        _ => return None,
    })
}

/// Plural and singular unit words after a count ("two days", "a week"). The one list both
/// [`count_unit`] and the token gate ([`UNIT_SHAPES`]) are built from, so the gate cannot
/// drop a unit the matcher knows.
const UNITS: &[(&str, Unit)] = &[
    ("day", Unit::Cal(DatePrecision::Day)),
    ("days", Unit::Cal(DatePrecision::Day)),
    ("week", Unit::Cal(DatePrecision::Week)),
    ("weeks", Unit::Cal(DatePrecision::Week)),
    ("month", Unit::Cal(DatePrecision::Month)),
    ("months", Unit::Cal(DatePrecision::Month)),
    ("year", Unit::Cal(DatePrecision::Year)),
    ("years", Unit::Cal(DatePrecision::Year)),
    ("hour", Unit::Hours),
    ("hours", Unit::Hours),
    ("minute", Unit::Minutes),
    ("minutes", Unit::Minutes),
    ("moments", Unit::Minutes),
];

/// Quantity words that stand before a unit word ("a couple of days", "a few weeks").
const QUANTITY_WORDS: &[&str] = &["couple", "few"];

/// The words every fixed form starts with; [`anchored_at`] dispatches on exactly these.
const START_WORDS: &[&str] = &["the", "that", "later", "earlier"];

/// Plural or singular unit word after a count ("two days", "a week"). Runs only past the
/// gate, on a dozen entries.
fn count_unit(word: &str) -> Option<Unit> {
    UNITS.iter().find(|(w, _)| *w == word).map(|&(_, u)| u)
}

#[derive(Clone, Copy)]
enum Unit {
    Cal(DatePrecision),
    Hours,
    Minutes,
}

/// Words before a count that make it a duration or a look forward from now, not a point
/// counted from the story: "for two days after", "within days", "the first three days
/// after", "in two days".
fn duration_lead(word: &str) -> bool {
    matches!(
        word,
        "for"
            | "within"
            | "in"
            | "over"
            | "during"
            | "throughout"
            | "first"
            | "last"
            | "past"
            | "next"
            | "the"
            | "those"
            | "these"
            | "few"
            | "several"
            | "many"
            | "of"
            | "since"
            | "until"
            | "till"
    )
}

/// Words that end the noun phrase after "after"/"before": "after the raid on Goma".
fn phrase_stop(word: &str) -> bool {
    matches!(
        word,
        "on" | "in"
            | "at"
            | "by"
            | "of"
            | "near"
            | "against"
            | "outside"
            | "which"
            | "who"
            | "that"
            | "and"
            | "when"
            | "where"
            | "as"
            | "with"
            | "to"
            | "from"
            | "said"
            | "says"
            | "had"
            | "has"
            | "have"
            | "was"
            | "were"
            | "is"
            | "are"
            | "been"
            | "began"
            | "started"
    )
}

fn determiner(word: &str) -> bool {
    matches!(word, "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "this" | "these" | "those" | "'s")
}

/// What follows "after"/"before" at `k`: the anchor and the index the phrase ends at, or
/// `None` when the words there are not something a date can count from ("the day before
/// yesterday" is a publication-relative form of its own).
fn target(v: &View, k: usize) -> Option<(Anchor, usize)> {
    let w = v.w(k);
    if w.is_empty() || v.kind(k) == Some(TokenKind::Punct) {
        return Some((Anchor::Preceding, k));
    }
    match w {
        "yesterday" | "tomorrow" | "today" | "tonight" => return None,
        "that" | "which" | "this" if v.w(k + 1).is_empty() || v.kind(k + 1) == Some(TokenKind::Punct) => {
            return Some((Anchor::Preceding, k + 1))
        }
        _ => {}
    }
    // A date inside the phrase: "after the 3 March raid", "after Sunday's attack".
    for j in k..k + 4 {
        if v.kind(j) == Some(TokenKind::Punct) {
            break;
        }
        if let Some(f) = explicit(v, j).or_else(|| relative(v, j)) {
            if f.anchor == Anchor::Publication && !is_name(v, &f) {
                return Some((Anchor::Inline(f.expr), f.end));
            }
        }
    }
    // Otherwise the head noun: the last content word before a stop, at most four words in.
    // A determiner after a content word starts a new phrase ("after Moscow blocked a
    // vote"): stop there too.
    let mut head = None;
    let mut proper = false;
    for j in k..k + 4 {
        let w = v.w(j);
        if w.is_empty() || v.kind(j) != Some(TokenKind::Word) || phrase_stop(w) {
            break;
        }
        if determiner(w) {
            if head.is_some() {
                break;
            }
            continue;
        }
        if head.is_none() {
            proper = v.cap(j);
        }
        head = Some(j);
    }
    let end = head.map_or(k, |h| h + 1);
    let other = v.w(k) == "another"
        || (matches!(v.w(k), "a" | "an")
            && (k + 1..end).any(|j| matches!(v.w(j), "similar" | "earlier" | "previous" | "separate" | "second")));
    Some((Anchor::Event { head, proper, other }, end))
}

fn hit(start: usize, end: usize, n: i64, unit: DatePrecision, rule: &'static str, anchor: Anchor) -> Option<Found> {
    Some(Found { start, end, expr: Expr::Anchored { n, unit }, rule, anchor })
}

/// "two days later", "a week earlier", "three days after the raid", "hours later", "days
/// later", "a couple of days later", "48 hours later". Only called past the gate in
/// [`anchored`].
#[inline(never)]
fn counted(v: &View, i: usize) -> Option<Found> {
    let w = v.w(i);
    let prev = v.wi(i as isize - 1);
    // (count, index of the unit word); a count of None is vague.
    let (count, unit_at) = if let Some(n) = small_number(w) {
        if w == "a" && v.w(i + 1) == "couple" && v.w(i + 2) == "of" {
            (Some(2), i + 3)
        } else if w == "a" && v.w(i + 1) == "few" {
            (None, i + 2)
        } else {
            (Some(n), i + 1)
        }
    } else if v.kind(i) == Some(TokenKind::Number) && w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 3 {
        (w.parse::<i64>().ok(), i + 1)
    } else if matches!(w, "several" | "few" | "some" | "many") {
        (None, i + 1)
    } else if w.ends_with('s') && count_unit(w).is_some() {
        // a bare plural: "days later", "hours after the blast" (not the tail of a count)
        if v.kind(i.wrapping_sub(1)) == Some(TokenKind::Number)
            || small_number(prev).is_some()
            || matches!(prev, "some" | "few" | "several" | "many" | "couple")
        {
            return None;
        }
        (None, i)
    } else {
        return None;
    };
    if duration_lead(prev) {
        return None;
    }
    let unit = count_unit(v.w(unit_at))?;
    let dir_at = unit_at + 1;
    let (sign, anchor, end, rule_dir): (i64, Anchor, usize, &'static str) = match v.w(dir_at) {
        "later" | "afterwards" | "afterward" => (1, Anchor::Preceding, dir_at + 1, "later"),
        "earlier" => (-1, Anchor::Preceding, dir_at + 1, "earlier"),
        "after" | "before" => {
            let (anchor, end) = target(v, dir_at + 1)?;
            let sign = if v.w(dir_at) == "after" { 1 } else { -1 };
            let dir = match (sign, anchor) {
                (1, Anchor::Preceding) => "later",
                (_, Anchor::Preceding) => "earlier",
                (1, _) => "after",
                _ => "before",
            };
            (sign, anchor, end, dir)
        }
        _ => return None,
    };
    let rule = |dir: &str| match dir {
        "later" => "date.anchored.later",
        "earlier" => "date.anchored.earlier",
        "after" => "date.anchored.after",
        _ => "date.anchored.before",
    };
    match (unit, count) {
        // Hours and minutes stay on the anchor's day unless the count reaches whole days.
        (Unit::Hours, Some(n)) if n >= 24 => hit(i, end, sign * (n / 24), DatePrecision::Day, rule(rule_dir), anchor),
        (Unit::Hours | Unit::Minutes, _) => hit(i, end, 0, DatePrecision::Day, "date.anchored.same_day", anchor),
        (Unit::Cal(u), Some(n)) => hit(i, end, sign * n, u, rule(rule_dir), anchor),
        // No count: nothing to resolve, whatever the phrase counts from.
        (Unit::Cal(u), None) => hit(i, end, 0, u, "date.anchored.vague", Anchor::Vague),
    }
}

/// "the next day", "the following week", "the previous night", "the same day", "the day
/// after (the vote)", "the week before", "the following Monday".
#[inline(never)]
fn the_forms(v: &View, i: usize) -> Option<Found> {
    let next = v.w(i + 1);
    // "in the next week", "over the next month": a look forward from publication, which
    // the publication-relative "next week" rule reads.
    if next == "next" && matches!(v.wi(i as isize - 1), "in" | "over" | "within" | "for" | "during" | "throughout") {
        return None;
    }
    match next {
        "next" | "following" | "previous" | "preceding" if v.cap(i + 2) && weekday(v.w(i + 2)).is_some() => {
            let wd = weekday(v.w(i + 2))?;
            let forward = matches!(next, "next" | "following");
            let rule = if forward { "date.anchored.next_weekday" } else { "date.anchored.previous_weekday" };
            let end = if day_part(v.w(i + 3)) { i + 4 } else { i + 3 };
            Some(Found { start: i, end, expr: Expr::AnchoredWeekday { wd, forward }, rule, anchor: Anchor::Preceding })
        }
        "next" | "following" | "previous" | "preceding" | "same" => {
            let unit = period(v.w(i + 2))?;
            let (n, rule) = match next {
                "next" | "following" => (1, "date.anchored.next"),
                "previous" | "preceding" => (-1, "date.anchored.previous"),
                _ => (0, same_rule(unit)),
            };
            hit(i, i + 3, n, unit, rule, Anchor::Preceding)
        }
        _ => {
            let unit = period(next)?;
            let sign = match v.w(i + 2) {
                "after" => 1,
                "before" => -1,
                _ => return None,
            };
            let (anchor, end) = target(v, i + 3)?;
            let rule = match (sign, anchor) {
                (1, Anchor::Preceding) => "date.anchored.next",
                (_, Anchor::Preceding) => "date.anchored.previous",
                (1, _) => "date.anchored.after",
                _ => "date.anchored.before",
            };
            hit(i, end.max(i + 3), sign, unit, rule, anchor)
        }
    }
}

fn same_rule(unit: DatePrecision) -> &'static str {
    if unit == DatePrecision::Day {
        "date.anchored.same_day"
    } else {
        "date.anchored.same_period"
    }
}

/// "later that day", "earlier that week", "later the same day", "that night", "that same
/// morning". A bare "that day"/"that night" needs a lead that makes it a time phrase (start
/// of a clause, "on", "by", "until", ...) so "said that night raids ..." is not one.
#[inline(never)]
fn that_forms(v: &View, i: usize) -> Option<Found> {
    let w = v.w(i);
    let (start, at) = match w {
        "later" | "earlier" => (i, i + 1),
        "that" => (i, i),
        _ => return None,
    };
    let (unit_at, lead_ok) = match (v.w(at), v.w(at + 1)) {
        ("that" | "the", "same") => (at + 2, true),
        ("that", _) => (at + 1, at > i || time_lead(v, i)),
        _ => return None,
    };
    if !lead_ok {
        return None;
    }
    let unit = period(v.w(unit_at))?;
    hit(start, unit_at + 1, 0, unit, same_rule(unit), Anchor::Preceding)
}

/// Whether the token before `i` lets "that day" stand as a time phrase.
fn time_lead(v: &View, i: usize) -> bool {
    if i == 0 || v.kind(i - 1) == Some(TokenKind::Punct) {
        return true;
    }
    matches!(v.w(i - 1), "on" | "by" | "until" | "till" | "from" | "during" | "of" | "and" | "then")
}

/// For each (first byte, length) of a word the gate must let through, a bit per last byte
/// (both bytes taken modulo 32, so letters are exact and other bytes may only let a word
/// through, never wrongly stop one). Built at compile time: one load per token replaces a
/// chain of string comparisons and hard-to-predict branches.
type Shapes = [[u32; 16]; 32];

const fn add_shape(mut t: Shapes, word: &str) -> Shapes {
    let w = word.as_bytes();
    t[(w[0] & 31) as usize][w.len()] |= 1 << (w[w.len() - 1] & 31);
    t
}

const fn shape_table(words: &[&str]) -> Shapes {
    let mut t = [[0u32; 16]; 32];
    let mut k = 0;
    while k < words.len() {
        t = add_shape(t, words[k]);
        k += 1;
    }
    t
}

/// Unit and quantity words: [`UNITS`] and [`QUANTITY_WORDS`].
const UNIT_SHAPES: Shapes = {
    let mut t = shape_table(QUANTITY_WORDS);
    let mut k = 0;
    while k < UNITS.len() {
        t = add_shape(t, UNITS[k].0);
        k += 1;
    }
    t
};

/// Words that start the fixed forms: [`START_WORDS`].
const START_SHAPES: Shapes = shape_table(START_WORDS);

#[inline]
fn shape(table: &Shapes, (first, len, last): (u8, usize, u8)) -> bool {
    len < 16 && table[(first & 31) as usize][len] >> (last & 31) & 1 == 1
}

/// An anchored relative date starting at token `i`, if any. A branch-light gate on the
/// shape of this token and the next rejects almost every token before any string is
/// compared: every form starts with "the"/"that"/"later"/"earlier", is followed by a unit
/// word ("two days", "a few weeks") or is one ("days later").
#[inline]
pub(crate) fn anchored(v: &View, i: usize) -> Option<Found> {
    let here = v.shape(i);
    if !(shape(&START_SHAPES, here) | shape(&UNIT_SHAPES, here) | shape(&UNIT_SHAPES, v.shape(i + 1))) {
        return None;
    }
    anchored_at(v, i)
}

#[inline(never)]
fn anchored_at(v: &View, i: usize) -> Option<Found> {
    let w = v.w(i);
    match w {
        "the" => the_forms(v, i),
        _ if START_WORDS.contains(&w) => that_forms(v, i),
        _ if unit_like(v.w(i + 1)) || (w.ends_with('s') && unit_like(w)) => counted(v, i),
        _ => None,
    }
}

/// A unit word of [`count_unit`], or a quantity word before one ("couple", "few").
fn unit_like(w: &str) -> bool {
    count_unit(w).is_some() || QUANTITY_WORDS.contains(&w)
}

/// A crude stem for matching the noun of "after the raid" to the verb that reported it
/// ("raided"): drop a plural "s" and an "-ing".
pub(crate) fn stem(word: &str) -> &str {
    let w = word.strip_suffix('s').filter(|s| !s.ends_with('s')).unwrap_or(word);
    w.strip_suffix("ing").filter(|s| s.len() >= 4).unwrap_or(w)
}

#[cfg(test)]
mod tests {
    use crate::recognize::recognize_with_anchors;
    use jiff::civil::{date, Date};
    use sitrep_core::DatePrecision;

    /// (mention text, date, precision, rules) for every mention in `text`.
    fn dates(text: &str, published: Option<Date>) -> Vec<(String, Option<Date>, DatePrecision, Vec<String>)> {
        let mut doc = sitrep_text::prepare(text);
        doc.article.published = published;
        recognize_with_anchors(&doc)
            .0
            .into_iter()
            .map(|m| (doc.slice(m.span).to_string(), m.date, m.precision, m.rules))
            .collect()
    }

    type Want<'a> = (&'a str, Option<Date>, DatePrecision, &'a str);

    fn check(published: Date, text: &str, want: &[Want]) {
        let got = dates(text, Some(published));
        assert_eq!(got.len(), want.len(), "{text}: {got:?}");
        for (g, (wt, wd, wp, wr)) in got.iter().zip(want) {
            assert_eq!(g.0, *wt, "{text}: {got:?}");
            assert_eq!(g.1, *wd, "{text}: {got:?}");
            assert_eq!(g.2, *wp, "{text}: {got:?}");
            assert!(wr.is_empty() || g.3.iter().any(|r| r == wr), "{text}: want rule {wr}: {got:?}");
        }
    }

    /// Each form after an explicit anchor, "on 4 March" (a Monday), published Friday 15 March.
    /// The gate is built from `UNITS`, `QUANTITY_WORDS` and `START_WORDS`; this checks it
    /// against what the matchers do: every word the matchers accept, in any case, passes the
    /// gate, and wherever the full matcher finds a form in a sentence the gated entry point
    /// finds it too. A word added to a matcher but not to the lists fails here.
    #[test]
    fn the_gate_never_rejects_what_the_matchers_accept() {
        use super::{anchored, anchored_at, shape, unit_like, QUANTITY_WORDS, START_SHAPES, START_WORDS, UNITS, UNIT_SHAPES};
        use crate::recognize::View;
        let shape_of = |w: &str| (w.as_bytes()[0], w.len(), w.as_bytes()[w.len() - 1]);
        for w in UNITS.iter().map(|(w, _)| *w).chain(QUANTITY_WORDS.iter().copied()) {
            assert!(unit_like(w), "{w} is listed but the matcher does not read it");
            for form in [w.to_string(), w.to_uppercase(), w[..1].to_uppercase() + &w[1..]] {
                assert!(shape(&UNIT_SHAPES, shape_of(&form)), "{form}");
            }
        }
        for w in START_WORDS {
            assert!(shape(&START_SHAPES, shape_of(w)), "{w}");
        }
        // every form in running text: one sentence per unit and start word
        let mut texts: Vec<String> = UNITS
            .iter()
            .flat_map(|(w, _)| {
                [
                    format!("Gunmen raided the village on 4 March. Two {w} later, soldiers arrived."),
                    format!("Gunmen raided the village on 4 March. {} later, soldiers arrived.", w.to_uppercase()),
                    format!("Gunmen raided the village on 4 March. The {w} after the raid, soldiers arrived."),
                ]
            })
            .collect();
        texts.extend(
            [
                "A couple of days later, soldiers arrived.",
                "A few weeks later, soldiers arrived.",
                "Later that day, soldiers arrived.",
                "Earlier that week, soldiers had left.",
                "That night, soldiers arrived.",
                "The next day, soldiers arrived.",
                "The previous Saturday, soldiers had left.",
                "Soldiers arrived on the same day.",
                "Three days after that, soldiers arrived.",
            ]
            .map(str::to_string),
        );
        let mut found = 0;
        for text in &texts {
            let doc = sitrep_text::prepare(text);
            let v = View::new(&doc);
            for i in 0..doc.tokens.len() {
                let full = anchored_at(&v, i);
                found += usize::from(full.is_some());
                assert_eq!(full.is_some(), anchored(&v, i).is_some(), "{text}: token {i} ({})", v.w(i));
            }
        }
        // at least the counted forms ("Two days later", "DAYS later") and the fixed ones
        assert!(found >= 2 * UNITS.len(), "only {found} forms found: the sentences no longer test the gate");
        // and the gate stops common words
        for w in ["for", "were", "with", "have", "militants", "and"] {
            assert!(!shape(&UNIT_SHAPES, shape_of(w)) && !shape(&START_SHAPES, shape_of(w)), "{w}");
        }
    }

    #[test]
    fn forms_counted_from_an_explicit_date() {
        use DatePrecision::*;
        let p = date(2024, 3, 15);
        let a = "Gunmen raided the village on 4 March.";
        let cases: &[(&str, &str, Date, DatePrecision, &str)] = &[
            ("The next day, soldiers arrived.", "The next day", date(2024, 3, 5), Day, "date.anchored.next"),
            (
                "The following morning, soldiers arrived.",
                "The following morning",
                date(2024, 3, 5),
                Day,
                "date.anchored.next",
            ),
            ("Two days later, soldiers arrived.", "Two days later", date(2024, 3, 6), Day, "date.anchored.later"),
            ("Soldiers arrived 48 hours later.", "48 hours later", date(2024, 3, 6), Day, "date.anchored.later"),
            (
                "A couple of days later, soldiers arrived.",
                "A couple of days later",
                date(2024, 3, 6),
                Day,
                "date.anchored.later",
            ),
            ("A week later, soldiers arrived.", "A week later", date(2024, 3, 11), Week, "date.anchored.later"),
            (
                "The following week, soldiers arrived.",
                "The following week",
                date(2024, 3, 11),
                Week,
                "date.anchored.next",
            ),
            (
                "The week before, soldiers had left.",
                "The week before",
                date(2024, 2, 26),
                Week,
                "date.anchored.previous",
            ),
            (
                "The previous day, soldiers had left.",
                "The previous day",
                date(2024, 3, 3),
                Day,
                "date.anchored.previous",
            ),
            ("The day before, soldiers had left.", "The day before", date(2024, 3, 3), Day, "date.anchored.previous"),
            ("A day earlier, soldiers had left.", "A day earlier", date(2024, 3, 3), Day, "date.anchored.earlier"),
            (
                "The following Friday, soldiers returned.",
                "The following Friday",
                date(2024, 3, 8),
                Day,
                "date.anchored.next_weekday",
            ),
            (
                "The next Monday, soldiers returned.",
                "The next Monday",
                date(2024, 3, 11),
                Day,
                "date.anchored.next_weekday",
            ),
            (
                "The previous Saturday, soldiers had left.",
                "The previous Saturday",
                date(2024, 3, 2),
                Day,
                "date.anchored.previous_weekday",
            ),
            ("Later that day, soldiers arrived.", "Later that day", date(2024, 3, 4), Day, "date.anchored.same_day"),
            ("That night, soldiers arrived.", "That night", date(2024, 3, 4), Day, "date.anchored.same_day"),
            ("Hours later, soldiers arrived.", "Hours later", date(2024, 3, 4), Day, "date.anchored.same_day"),
            ("Soldiers arrived on the same day.", "the same day", date(2024, 3, 4), Day, "date.anchored.same_day"),
            (
                "Later that month, soldiers returned.",
                "Later that month",
                date(2024, 3, 1),
                Month,
                "date.anchored.same_period",
            ),
            (
                "Three days after that, soldiers arrived.",
                "Three days after that",
                date(2024, 3, 7),
                Day,
                "date.anchored.later",
            ),
            (
                "Three days after the raid, soldiers arrived.",
                "Three days after the raid",
                date(2024, 3, 7),
                Day,
                "date.anchor.named_event",
            ),
            (
                "The day after the attack, soldiers arrived.",
                "The day after the attack",
                date(2024, 3, 5),
                Day,
                "date.anchor.fixed_date",
            ),
        ];
        for (second, wt, wd, wp, wr) in cases {
            let text = format!("{a} {second}");
            check(p, &text, &[("4 March", Some(date(2024, 3, 4)), Day, "date.day_month"), (wt, Some(*wd), *wp, wr)]);
        }
    }

    #[test]
    fn anchors_chains_and_fallbacks() {
        use DatePrecision::*;
        let fri = date(2024, 3, 15);
        let cases: &[(Date, &str, &[Want])] = &[
            // a chain walks forward through the story
            (
                fri,
                "Gunmen raided the village on 4 March. A day later, troops shelled the hills. Two days later, police made arrests.",
                &[
                    ("4 March", Some(date(2024, 3, 4)), Day, ""),
                    ("A day later", Some(date(2024, 3, 5)), Day, "date.anchor.preceding_date"),
                    ("Two days later", Some(date(2024, 3, 7)), Day, "date.anchor.preceding_date"),
                ],
            ),
            // "after the arrests" finds the sentence that reported arrests, though its date was itself counted
            (
                fri,
                "Gunmen raided the village on 4 March. A day later, police arrested two men. Three days after the arrests, crowds marched.",
                &[
                    ("4 March", Some(date(2024, 3, 4)), Day, ""),
                    ("A day later", Some(date(2024, 3, 5)), Day, ""),
                    ("Three days after the arrests", Some(date(2024, 3, 8)), Day, "date.anchor.named_event"),
                ],
            ),
            // a noun no earlier sentence uses counts from the last date that was not itself counted
            (
                fri,
                "Gunmen raided the village on 4 March. A day later, police arrested two men. Three days after the massacre, crowds marched.",
                &[
                    ("4 March", Some(date(2024, 3, 4)), Day, ""),
                    ("A day later", Some(date(2024, 3, 5)), Day, ""),
                    ("Three days after the massacre", Some(date(2024, 3, 7)), Day, "date.anchor.fixed_date"),
                ],
            ),
            // a date inside the phrase is the anchor
            (
                fri,
                "Talks opened on 12 March. Three days after the 1 March bombing, police arrested a suspect.",
                &[
                    ("12 March", Some(date(2024, 3, 12)), Day, ""),
                    ("Three days after the 1 March", Some(date(2024, 3, 4)), Day, "date.anchor.inline_date"),
                ],
            ),
            (
                fri,
                "Police arrested a suspect a day after Sunday's bombing.",
                &[("a day after Sunday", Some(date(2024, 3, 11)), Day, "date.anchor.inline_date")],
            ),
            // weekday and "yesterday" anchors are publication-relative dates like any other
            (
                fri,
                "Gunmen attacked the village on Monday. The next day, troops arrived.",
                &[("Monday", Some(date(2024, 3, 11)), Day, ""), ("The next day", Some(date(2024, 3, 12)), Day, "")],
            ),
            (
                fri,
                "Gunmen attacked the village yesterday. Hours later, troops arrived.",
                &[("yesterday", Some(date(2024, 3, 14)), Day, ""), ("Hours later", Some(date(2024, 3, 14)), Day, "")],
            ),
            // a background frame earlier does not win over the nearer date
            (
                fri,
                "Last year, the group seized the town. On Monday it attacked again. The next day, troops arrived.",
                &[
                    ("Last year", Some(date(2023, 1, 1)), Year, ""),
                    ("Monday", Some(date(2024, 3, 11)), Day, ""),
                    ("The next day", Some(date(2024, 3, 12)), Day, ""),
                ],
            ),
            // a coarse anchor gives a coarse date
            (
                fri,
                "The group seized the town in 2019. A month later, it withdrew.",
                &[
                    ("2019", Some(date(2019, 1, 1)), Year, ""),
                    ("A month later", Some(date(2019, 1, 1)), Year, "date.anchored.coarse_anchor"),
                ],
            ),
            // a report date anchors only when nothing else came before
            (
                fri,
                "Police said on Tuesday that gunmen had attacked the village the previous day.",
                &[
                    ("Tuesday", Some(date(2024, 3, 12)), Day, ""),
                    ("the previous day", Some(date(2024, 3, 11)), Day, "date.anchor.report_date"),
                ],
            ),
            (
                fri,
                "Gunmen attacked the village on Monday, police said on Wednesday. The next day, troops arrived.",
                &[
                    ("Monday", Some(date(2024, 3, 11)), Day, ""),
                    ("Wednesday", Some(date(2024, 3, 13)), Day, ""),
                    ("The next day", Some(date(2024, 3, 12)), Day, "date.anchor.preceding_date"),
                ],
            ),
            // a past account cannot run past publication
            (
                date(2024, 3, 10),
                "Rebels attacked the post on 9 March. Two days later, troops arrived.",
                &[
                    ("9 March", Some(date(2024, 3, 9)), Day, ""),
                    ("Two days later", Some(date(2024, 3, 10)), Day, "date.anchored.capped_at_published"),
                ],
            ),
            // ... but a future clause may, as with "will meet on Friday"
            (
                fri,
                "The two sides will meet on Monday and sign the deal two days later.",
                &[
                    ("Monday", Some(date(2024, 3, 18)), Day, "date.weekday.upcoming"),
                    ("two days later", Some(date(2024, 3, 20)), Day, "date.anchor.preceding_date"),
                ],
            ),
            // names are not anchors
            (
                fri,
                "Fighters of the March 23 Movement attacked the town on 4 March. A day later, they withdrew.",
                &[("4 March", Some(date(2024, 3, 4)), Day, ""), ("A day later", Some(date(2024, 3, 5)), Day, "")],
            ),
            // long offsets and names count from the story only through a sentence that reports them
            (
                fri,
                "Police arrested the leader on 4 January. Two months after his arrest, he was freed.",
                &[
                    ("4 January", Some(date(2024, 1, 4)), Day, ""),
                    ("Two months after his arrest", Some(date(2024, 3, 1)), Month, "date.anchor.named_event"),
                ],
            ),
            (
                fri,
                "Gunmen raided the village on 4 March. Five months after the war began, talks opened.",
                &[
                    ("4 March", Some(date(2024, 3, 4)), Day, ""),
                    ("Five months after the war", None, Month, "date.anchor.none"),
                ],
            ),
            (
                fri,
                "Gunmen raided the village on 4 March. Two days before Christmas, soldiers had left.",
                &[
                    ("4 March", Some(date(2024, 3, 4)), Day, ""),
                    ("Two days before Christmas", None, Day, "date.anchor.none"),
                ],
            ),
            // a date right before "N days after X" is the time the phrase restates
            (
                fri,
                "Rebels attacked the town on Monday, two days after the raid.",
                &[("Monday", Some(date(2024, 3, 11)), Day, ""), ("two days after the raid", None, Day, "date.anchor.none")],
            ),
            (
                fri,
                "Gunmen raided the village on 4 March. Rebels attacked the town on 7 March, three days after the raid.",
                &[
                    ("4 March", Some(date(2024, 3, 4)), Day, ""),
                    ("7 March", Some(date(2024, 3, 7)), Day, ""),
                    ("three days after the raid", Some(date(2024, 3, 7)), Day, "date.anchor.named_event"),
                ],
            ),
            // the phrase after "after" ends where a new noun phrase starts
            (
                fri,
                "Gunmen raided the village on 4 March. A day after the army blocked the road, crowds gathered.",
                &[
                    ("4 March", Some(date(2024, 3, 4)), Day, ""),
                    ("A day after the army blocked", Some(date(2024, 3, 5)), Day, "date.anchor.fixed_date"),
                ],
            ),
            // nothing to count from, or no count: unresolved, and said so
            (fri, "A day later, soldiers arrived.", &[("A day later", None, Day, "date.anchor.none")]),
            (
                fri,
                "The following Monday, soldiers arrived.",
                &[("The following Monday", Some(date(2024, 3, 18)), Day, "date.anchor.publication")],
            ),
            (
                fri,
                "Gunmen raided the village on 4 March. Days later, soldiers arrived.",
                &[("4 March", Some(date(2024, 3, 4)), Day, ""), ("Days later", None, Day, "date.anchored.vague")],
            ),
            (
                fri,
                "Gunmen raided the village on 4 March. A few weeks later, soldiers arrived.",
                &[("4 March", Some(date(2024, 3, 4)), Day, ""), ("A few weeks later", None, Week, "date.anchored.vague")],
            ),
        ];
        for (p, text, want) in cases {
            check(*p, text, want);
        }
    }

    /// A step back for background does not move the story's clock: forward forms after a
    /// flashback count from the main line; backward forms may go further back.
    #[test]
    fn forward_forms_skip_a_flashback() {
        use DatePrecision::*;
        let p = date(2024, 3, 29);
        let cases: &[(&str, &[Want])] = &[
            (
                "The army launched its offensive on 20 March. Two weeks before the offensive, rebels had mined the roads. A day later, protesters marched in the capital.",
                &[
                    ("20 March", Some(date(2024, 3, 20)), Day, ""),
                    ("Two weeks before the offensive", Some(date(2024, 3, 4)), Week, "date.anchor.named_event"),
                    ("A day later", Some(date(2024, 3, 21)), Day, "date.anchor.skipped_flashback"),
                ],
            ),
            (
                "The army launched its offensive on 20 March. Two weeks before the offensive, rebels had mined the roads. That night, jets struck the hills.",
                &[
                    ("20 March", Some(date(2024, 3, 20)), Day, ""),
                    ("Two weeks before the offensive", Some(date(2024, 3, 4)), Week, ""),
                    ("That night", Some(date(2024, 3, 20)), Day, "date.anchor.skipped_flashback"),
                ],
            ),
            (
                "Voters went to the polls on 17 March. The previous day, the opposition had called a boycott. The next day, counting began.",
                &[
                    ("17 March", Some(date(2024, 3, 17)), Day, ""),
                    ("The previous day", Some(date(2024, 3, 16)), Day, ""),
                    ("The next day", Some(date(2024, 3, 18)), Day, "date.anchor.skipped_flashback"),
                ],
            ),
            // a forward form chained off the main line stays on it
            (
                "Voters went to the polls on 17 March. A day earlier, the opposition had called a boycott. Two days later, results came in. The next day, crowds gathered.",
                &[
                    ("17 March", Some(date(2024, 3, 17)), Day, ""),
                    ("A day earlier", Some(date(2024, 3, 16)), Day, ""),
                    ("Two days later", Some(date(2024, 3, 19)), Day, ""),
                    ("The next day", Some(date(2024, 3, 20)), Day, ""),
                ],
            ),
            // a backward form may step further back from a flashback
            (
                "Voters went to the polls on 17 March. Two days earlier, the opposition had called a boycott. The previous day, its leader had been detained.",
                &[
                    ("17 March", Some(date(2024, 3, 17)), Day, ""),
                    ("Two days earlier", Some(date(2024, 3, 15)), Day, ""),
                    ("The previous day", Some(date(2024, 3, 14)), Day, ""),
                ],
            ),
            // with no main-line date, the flashback is all there is to count from
            (
                "Troops left two days before the 12 March vote. A day later, the border closed.",
                &[
                    ("two days before the 12 March", Some(date(2024, 3, 10)), Day, "date.anchor.inline_date"),
                    ("A day later", Some(date(2024, 3, 11)), Day, "date.anchor.preceding_date"),
                ],
            ),
        ];
        for (text, want) in cases {
            check(p, text, want);
        }
    }

    #[test]
    fn anchors_are_looked_for_a_bounded_way_back() {
        let filler = "Residents stayed indoors. ".repeat(crate::recognize::ANCHOR_WINDOW + 5);
        let text = format!("Gunmen raided the village on 4 March. {filler}A day later, soldiers arrived.");
        let got = dates(&text, Some(date(2024, 3, 15)));
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].1, None);
        assert!(got[1].3.contains(&"date.anchor.none".to_string()));
        // within the window it is found
        let text = "Gunmen raided the village on 4 March. Residents stayed indoors. A day later, soldiers arrived.";
        assert_eq!(dates(text, Some(date(2024, 3, 15)))[1].1, Some(date(2024, 3, 5)));
    }

    /// Durations, looks forward from now, and look-alikes are not anchored dates.
    #[test]
    fn not_anchored_dates() {
        let p = Some(date(2024, 3, 15));
        let cases: &[&str] = &[
            "Fighting raged for two days after the attack.",
            "Within days, the town fell.",
            "Officials said that night raids had increased.",
            "Day after day, shells fell on the town.",
            "The death toll later rose to thirty.",
            "The first three days after the storm were the worst.",
            "The two sides met again.",
            "Aid agencies expect more arrivals over the next week.",
        ];
        for text in cases {
            let got = dates(text, p);
            assert!(got.iter().all(|g| !g.3.iter().any(|r| r.starts_with("date.anchor"))), "{text}: {got:?}");
        }
        // the publication-relative forms next to them keep their old readings
        let got = dates("Troops shelled the village the day before yesterday.", p);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].3, vec!["date.day_before_yesterday".to_string()]);
        let got = dates("Aid agencies expect more arrivals over the next week.", p);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].3, vec!["date.rel_week".to_string()]);
    }
}
