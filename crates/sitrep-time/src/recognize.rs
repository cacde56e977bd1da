//! Date expressions found by a left-to-right scan over the tokens. Each matcher looks at a
//! few tokens of lowercased text; nothing is compiled or allocated per sentence apart from
//! the output mentions.
//!
//! The scan runs over the whole token stream rather than sentence by sentence, so a date
//! the segmenter split at an abbreviation's dot ("Jan. | 6") is still read as one.

use crate::anchored::stem;
use crate::anchored::{anchored, Anchor};
use crate::dater::is_report_date;
use crate::resolve::{cap_at_published, from_anchor, resolve, weekday_offset, Direction, Expr};
use crate::words::{day_part, month, month_lead, name_head, small_number, weekday, year_lead};
use sitrep_core::{DateMention, DatePrecision, Doc, Span, TokenKind};

/// Tokens with their lowercased text (all reads are `#[inline]` across crates).
pub(crate) type View<'a> = sitrep_text::TokenView<'a>;

/// A day of month written as "16", "16th", "3rd", "1st".
pub(crate) fn day_number(v: &View, i: usize) -> Option<i8> {
    if v.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let w = v.w(i);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let d: i8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year in a plausible news range.
fn year_number(v: &View, i: usize) -> Option<i16> {
    if v.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let w = v.w(i);
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = w.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// A month word at `i` (capitalised, as English writes months). Abbreviations must be
/// followed by a dot or a day number so "Mar" in a name is not read as March. Returns the
/// month and the index after the month (past an abbreviation's dot).
fn month_at(v: &View, i: usize) -> Option<(i8, usize)> {
    if !v.cap(i) {
        return None;
    }
    let (m, abbrev) = month(v.w(i))?;
    if abbrev {
        if v.w(i + 1) == "." && v.adjacent(i) {
            return Some((m, i + 2));
        }
        day_number(v, i + 1)?;
    }
    Some((m, i + 1))
}

/// After a day number: an optional ", 2014" or " 2014". Returns the year and the next index.
fn year_after(v: &View, i: usize) -> Option<(i16, usize)> {
    if v.w(i) == "," {
        return year_number(v, i + 1).map(|y| (y, i + 2));
    }
    if v.w(i) == "of" {
        return year_number(v, i + 1).map(|y| (y, i + 2));
    }
    year_number(v, i).map(|y| (y, i + 1))
}

/// One match: token range `[start, end)`, the expression, and its rule id.
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub rule: &'static str,
    /// Where the date counts from: publication for most forms, another date in the story
    /// for [`Expr::Anchored`].
    pub anchor: Anchor,
}

pub(crate) fn found(start: usize, end: usize, expr: Expr, rule: &'static str) -> Option<Found> {
    Some(Found { start, end, expr, rule, anchor: Anchor::Publication })
}

/// Explicit calendar forms starting at `i`.
pub(crate) fn explicit(v: &View, i: usize) -> Option<Found> {
    // 2014-05-16
    if let Some(y) = year_number(v, i) {
        if v.w(i + 1) == "-" && v.adjacent(i) && v.adjacent(i + 1) && v.adjacent(i + 2) && v.w(i + 3) == "-" {
            let m: Option<i8> = v.w(i + 2).parse().ok().filter(|m| (1..=12).contains(m) && v.w(i + 2).len() == 2);
            let d: Option<i8> = v.w(i + 4).parse().ok().filter(|_| v.w(i + 4).len() == 2 && v.adjacent(i + 3));
            if let (Some(m), Some(d)) = (m, d) {
                return found(i, i + 5, Expr::Full { y, m, d }, "date.iso");
            }
        }
    }
    // May 16 / May 16, 2014 / Jan. 6 / May 16-18 / May 2014 / May of 2014
    if let Some((m, after)) = month_at(v, i) {
        if let Some(d) = day_number(v, after) {
            let mut end = after + 1;
            let mut rule = "date.month_day";
            // a span of days "May 16-18": the first day dates the start.
            if v.w(end) == "-" && day_number(v, end + 1).is_some() {
                end += 2;
                rule = "date.month_day_range";
            }
            if let Some((y, e)) = year_after(v, end) {
                return found(
                    i,
                    e,
                    Expr::Full { y, m, d },
                    if rule == "date.month_day" { "date.month_day_year" } else { rule },
                );
            }
            return found(i, end, Expr::MonthDay { m, d }, rule);
        }
        if let Some((y, e)) = year_after(v, after).filter(|_| v.w(after) != ",") {
            return found(i, e, Expr::MonthYear { y, m }, "date.month_year");
        }
    }
    // "on the 12th": an ordinal day with no month, as wire copy writes a date in the current
    // or last month. Only before a clause break or a linking word, so "on the 12th floor"
    // and "on the 3rd anniversary" stay ordinals.
    if v.w(i) == "the" && i > 0 && v.w(i - 1) == "on" {
        if let Some(d) = day_number(v, i + 1).filter(|_| v.w(i + 1).ends_with(|c: char| c.is_ascii_alphabetic())) {
            let next = v.w(i + 2);
            let ends_phrase = v.kind(i + 2).is_none_or(|k| k == TokenKind::Punct)
                || matches!(
                    next,
                    "and" | "when" | "as" | "after" | "before" | "in" | "at" | "near" | "while" | "but" | "killing"
                        | "during"
                );
            if ends_phrase && next != "of" {
                return found(i, i + 2, Expr::DayOfMonth { d }, "date.day_of_month");
            }
        }
    }
    // 16 May 2014 / 16th May / the 3rd of March
    if let Some(d) = day_number(v, i) {
        let of = usize::from(v.w(i + 1) == "of");
        if let Some((m, after)) = month_at(v, i + 1 + of) {
            let start = if of == 1 && v.w(i.wrapping_sub(1)) == "the" { i - 1 } else { i };
            if let Some(y) = year_number(v, after) {
                return found(start, after + 1, Expr::Full { y, m, d }, "date.day_month_year");
            }
            return found(start, after, Expr::MonthDay { m, d }, "date.day_month");
        }
    }
    None
}

/// Named dates that stand for a well-known event. Kept tiny on purpose: only forms that
/// are unambiguous in news copy.
fn named(v: &View, i: usize) -> Option<Found> {
    if v.kind(i) != Some(TokenKind::Number) || v.w(i + 1) != "/" || !v.adjacent(i) || !v.adjacent(i + 1) {
        return None;
    }
    let (y, m, d) = match (v.w(i), v.w(i + 2)) {
        ("9", "11") => (2001, 9, 11),
        ("7", "7") => (2005, 7, 7),
        ("26", "11") => (2008, 11, 26),
        _ => return None,
    };
    // "9/11/2001" and the like are plain numeric dates, not the name.
    if v.w(i + 3) == "/" {
        return None;
    }
    found(i, i + 3, Expr::Named { y, m, d }, "date.named_event")
}

/// How far back (in tokens) a future marker may stand from the date it governs.
const FUTURE_WINDOW: usize = 10;

/// Whether the clause before token `i` looks forward: "will meet on Friday", "talks are due to
/// resume on Monday", "the vote is scheduled for March", "said it would respond on Friday".
/// The scan stops at sentence and clause punctuation so a future verb elsewhere does not count.
pub(crate) fn future_clause(v: &View, i: usize) -> bool {
    let lo = i.saturating_sub(FUTURE_WINDOW);
    for j in (lo..i).rev() {
        match v.w(j) {
            "." | ";" | "!" | "?" | ":" | "," => return false,
            // a past or perfect verb nearer the date governs it: "would reopen the terminals
            // it had closed in August"
            "had" | "was" | "were" | "did" => return false,
            "has" | "have" if !matches!(v.w(j.wrapping_sub(1)), "will" | "would" | "shall" | "'ll" | "to") => return false,
            "will" | "shall" | "'ll" | "would" | "upcoming" | "scheduled" | "slated" => return true,
            "due" | "expected" | "set" | "plans" | "plan" | "planned" | "planning" | "intends" | "aims"
                if matches!(v.w(j + 1), "to" | "for") =>
            {
                return true
            }
            _ => {}
        }
    }
    false
}

/// Relative forms: weekdays, "yesterday", "last week", "in February", "in 2019", "ago".
pub(crate) fn relative(v: &View, i: usize) -> Option<Found> {
    let w = v.w(i);
    let next = v.w(i + 1);
    let dir_of = |word: &str| match word {
        "last" | "past" => Some(Direction::Previous),
        "next" | "coming" => Some(Direction::Next),
        "this" => Some(Direction::This),
        _ => None,
    };
    // Weekdays, optionally "last"/"next" before and "night" etc. after.
    let (wd_at, dir) = match dir_of(w) {
        Some(d) if weekday(next).is_some() && v.cap(i + 1) => (i + 1, d),
        _ => (i, Direction::Latest),
    };
    if let Some(wd) = weekday(v.w(wd_at)).filter(|_| v.cap(wd_at)) {
        // "Friday, May 16": the explicit date carries the meaning; cover both.
        if v.w(wd_at + 1) == "," {
            if let Some(f) = explicit(v, wd_at + 2) {
                return found(i, f.end, f.expr, f.rule);
            }
        }
        let end = if day_part(v.w(wd_at + 1)) { wd_at + 2 } else { wd_at + 1 };
        let dir = if dir == Direction::This { Direction::Latest } else { dir };
        if dir == Direction::Latest && future_clause(v, i) {
            return found(i, end, Expr::Weekday { wd, dir: Direction::Upcoming }, "date.weekday.upcoming");
        }
        return found(i, end, Expr::Weekday { wd, dir }, "date.weekday");
    }
    match w {
        "yesterday" => return found(i, i + 1, Expr::RelDay(-1), "date.yesterday"),
        "today" | "tonight" => return found(i, i + 1, Expr::RelDay(0), "date.today"),
        "the" if next == "day" && v.w(i + 2) == "before" && v.w(i + 3) == "yesterday" => {
            return found(i, i + 4, Expr::RelDay(-2), "date.day_before_yesterday")
        }
        "earlier" | "later" if next == "this" => {
            // "earlier this week/month/year": same period as "this ..."
            return relative(v, i + 1).map(|f| Found { start: i, ..f });
        }
        _ => {}
    }
    if let Some(dir) = dir_of(w) {
        let n = match dir {
            Direction::Previous => -1,
            Direction::Next => 1,
            _ => 0,
        };
        match next {
            "night" if dir == Direction::Previous => return found(i, i + 2, Expr::RelDay(-1), "date.last_night"),
            "morning" | "afternoon" | "evening" if dir == Direction::This => {
                return found(i, i + 2, Expr::RelDay(0), "date.today")
            }
            "week" => return found(i, i + 2, Expr::RelWeek(n), "date.rel_week"),
            "weekend" if dir == Direction::Previous => return found(i, i + 2, Expr::LastWeekend, "date.last_weekend"),
            "month" => return found(i, i + 2, Expr::RelMonth(n), "date.rel_month"),
            "year" => return found(i, i + 2, Expr::RelYear(n), "date.rel_year"),
            _ => {}
        }
        if let Some((m, after)) = month_at(v, i + 1) {
            if day_number(v, after).is_none() {
                return found(i, after, Expr::Month { m, dir }, "date.month");
            }
        }
    }
    // "in February", "early May", "mid-March", "since 2019", "in early 2019"
    if month_lead(w) {
        let mut j = i + 1;
        if matches!(v.w(j), "early" | "late" | "mid") {
            j += 1;
        }
        if v.w(j) == "-" && v.adjacent(j - 1) {
            j += 1;
        }
        if let Some((m, after)) = month_at(v, j) {
            if day_number(v, after).is_none() && year_after(v, after).is_none() {
                if future_clause(v, i) {
                    return found(i + 1, after, Expr::Month { m, dir: Direction::Upcoming }, "date.month.upcoming");
                }
                return found(i + 1, after, Expr::Month { m, dir: Direction::Latest }, "date.month");
            }
        }
        if let Some(y) = year_number(v, j).filter(|_| year_lead(w)) {
            // "in 2019 people", "in 2019's vote" are still years; "in 2019-20" too.
            return found(i + 1, j + 1, Expr::Year { y }, "date.year");
        }
    }
    // "mid-March" is one token.
    if let Some(rest) = w.strip_prefix("mid-") {
        if let Some((m, false)) = month(rest) {
            if year_number(v, i + 1).is_none() {
                return found(i, i + 1, Expr::Month { m, dir: Direction::Latest }, "date.month");
            }
        }
    }
    // "three days ago", "a week ago"
    let count = small_number(w).or_else(|| {
        (v.kind(i) == Some(TokenKind::Number)).then(|| w.parse::<i64>().ok()).flatten().filter(|n| *n < 1000)
    });
    if let Some(n) = count {
        let unit = match next {
            "day" | "days" => Some(DatePrecision::Day),
            "week" | "weeks" => Some(DatePrecision::Week),
            "month" | "months" => Some(DatePrecision::Month),
            "year" | "years" => Some(DatePrecision::Year),
            _ => None,
        };
        if let Some(unit) = unit {
            if v.w(i + 2) == "ago" {
                return found(i, i + 3, Expr::Ago { n, unit }, "date.ago");
            }
        }
    }
    None
}

/// Whether the explicit date `f` is part of a proper name: "the March 23 Movement",
/// "6th of October City". A following name head word decides it; so does a capitalised
/// word after a date introduced by "the" ("the 14 March Alliance" style names).
pub(crate) fn is_name(v: &View, f: &Found) -> bool {
    let next = v.w(f.end);
    if name_head(next) {
        return true;
    }
    let prev_the = f.start > 0 && v.w(f.start - 1) == "the";
    prev_the
        && v.cap(f.end)
        && v.kind(f.end) == Some(TokenKind::Word)
        && month(next).is_none()
        && weekday(next).is_none()
}

/// Recognise every date expression in `doc` and resolve it.
pub fn recognize(doc: &Doc) -> Vec<DateMention> {
    recognize_with_anchors(doc).0
}

/// What is known about each mention already found, for choosing anchors.
struct Seen {
    /// Dates the report ("police said on Tuesday"): an anchor of last resort.
    report: bool,
    /// Itself counted from another date.
    anchored: bool,
    /// Can anchor at all: resolved, not a named event ("9/11"), not the start of a span
    /// ("since 2019").
    usable: bool,
    /// Off the story's main line: counted backwards ("two weeks before the offensive", "the
    /// previous day"), or counted from such a date. See [`resolve_anchored`].
    flashback: bool,
}

/// Like [`recognize`], also returning for each mention the index of the mention it was
/// counted from (anchored forms only), for the `--explain` trace.
pub(crate) fn recognize_with_anchors(doc: &Doc) -> (Vec<DateMention>, Vec<Option<usize>>) {
    let v = View::new(doc);
    let published = doc.article.published;
    let mut out: Vec<DateMention> = Vec::new();
    let mut seen: Vec<Seen> = Vec::new();
    let mut anchors: Vec<Option<usize>> = Vec::new();
    let mut i = 0;
    while i < v.toks.len() {
        // No form starts at punctuation: skip it before trying four matchers.
        if v.kind(i) == Some(TokenKind::Punct) {
            i += 1;
            continue;
        }
        let hit = explicit(&v, i).or_else(|| named(&v, i)).or_else(|| anchored(&v, i)).or_else(|| relative(&v, i));
        let Some(f) = hit else {
            i += 1;
            continue;
        };
        let explicit_form = matches!(f.expr, Expr::Full { .. } | Expr::MonthDay { .. });
        if explicit_form && is_name(&v, &f) {
            // A date inside a name is a name: skip past the name head as well.
            i = f.end + 1;
            continue;
        }
        let span = Span::new(v.toks[f.start].span.start, v.toks[f.end - 1].span.end);
        let mut rules = vec![f.rule.to_string()];
        let (date, precision, anchor) = match f.expr {
            Expr::Anchored { .. } | Expr::AnchoredWeekday { .. } => {
                resolve_anchored(doc, &v, &f, &out, &seen, &mut rules)
            }
            _ => {
                let resolved = resolve(f.expr, published);
                if let Some(note) = resolved.note {
                    rules.push(note.to_string());
                }
                (resolved.date, f.expr.precision(), None)
            }
        };
        let since = f.start > 0 && v.w(f.start - 1) == "since";
        if since {
            rules.push("date.since".to_string());
            if compares_since(&v, f.start - 1) {
                rules.push("date.since_comparison".to_string());
            }
        }
        let sentence = doc.sentence_at(span.start).unwrap_or(0);
        let flashback = backward(f.expr) || anchor.is_some_and(|k| seen[k].flashback);
        seen.push(Seen {
            report: is_report_date(doc, span.start),
            anchored: matches!(f.expr, Expr::Anchored { .. } | Expr::AnchoredWeekday { .. }),
            usable: date.is_some() && !since && f.rule != "date.named_event",
            flashback,
        });
        anchors.push(anchor);
        out.push(DateMention { span, sentence, date, precision, rules });
        i = f.end;
    }
    (out, anchors)
}

/// "the deadliest raid since 2002", "the first strike on the city since March": the date
/// bounds a comparison with the past and says nothing about when the event itself happened.
/// Looks back from "since" at `since_at` over up to eight words of the same clause.
fn compares_since(v: &View, since_at: usize) -> bool {
    (1..=8).map_while(|back| since_at.checked_sub(back)).take_while(|&j| v.kind(j) != Some(TokenKind::Punct)).any(|j| {
        // "the most serious since" compares; "at most 40 families since June" caps a count
        (v.w(j) == "most" && (j == 0 || v.w(j - 1) != "at"))
            || matches!(
                v.w(j),
                "first" | "only" | "worst" | "deadliest" | "bloodiest" | "biggest" | "largest" | "heaviest"
                    | "highest" | "lowest" | "fiercest" | "strongest" | "longest" | "greatest" | "fewest"
                    | "closest" | "farthest" | "furthest" | "sharpest" | "latest"
            )
    })
}

/// An anchored form that counts backwards from its anchor: "a day earlier", "the previous
/// week", "two weeks before the offensive", "the preceding Friday".
fn backward(expr: Expr) -> bool {
    match expr {
        Expr::Anchored { n, .. } => n < 0,
        Expr::AnchoredWeekday { forward, .. } => !forward,
        _ => false,
    }
}

/// How many sentences back an anchored phrase may find its anchor.
pub(crate) const ANCHOR_WINDOW: usize = 30;

/// Pick the anchor of an anchored phrase among the mentions before it and count from it.
/// Pushes the anchor rule (`date.anchor.*`) and any adjustment onto `rules`.
///
/// - `date.anchor.preceding_date`: "a day later", "the next day": the nearest date before
///   it, so a chain of "a day later ... two days later" walks forward through the story.
///   A form that counts forward or stays put ("a day later", "the next day", "that night")
///   skips dates on a flashback, those counted backwards ("Two weeks before the offensive,
///   rebels massed ...") or from one, and takes the nearest date on the story's main line:
///   a writer steps back for background and then resumes the account, so "A day later,
///   protesters marched" continues the story, not the aside. Only when the story gives no
///   main-line date does it count from the flashback (`date.anchor.skipped_flashback` marks
///   the cases where one was skipped). Backward forms may chain onto a flashback ("the
///   previous day" after "a week before the vote" goes further back).
/// - `date.anchor.named_event`: "two days after the raid": the nearest earlier date whose
///   sentence uses the noun's stem ("raid" ~ "raided").
/// - `date.anchor.fixed_date`: the same when no sentence uses the noun: the nearest date
///   not itself counted from another, since the event a story names this way is usually
///   its main, explicitly dated one. Only for day and week offsets after a common noun:
///   "months after the war began" or "days before Christmas" count from times the story
///   does not give, so those stay unresolved (`date.anchor.none`).
/// - `date.anchor.inline_date`: "two days after the 3 March raid".
/// - `date.anchor.report_date`: only a report date ("police said on Tuesday") came before.
/// - `date.anchor.none`: nothing to count from; the mention stays unresolved, so the event
///   falls back to the publication date as before. "The following Monday" alone keeps its
///   old reading from publication instead (`date.anchor.publication`).
#[allow(clippy::too_many_arguments)]
fn resolve_anchored(
    doc: &Doc,
    v: &View,
    f: &Found,
    out: &[DateMention],
    seen: &[Seen],
    rules: &mut Vec<String>,
) -> (Option<jiff::civil::Date>, DatePrecision, Option<usize>) {
    let unit = f.expr.precision();
    let sentence = doc.sentence_at(v.toks[f.start].span.start);
    // Anchors are looked for only this many sentences back: a story counts from a date it
    // gave recently, and the bound keeps long documents linear.
    let lo = sentence.map_or(0, |s| out.partition_point(|m| m.sentence + ANCHOR_WINDOW < s));
    let nearest = |want: &dyn Fn(usize) -> bool| -> Option<usize> {
        (lo..out.len()).rev().find(|&k| seen[k].usable && !seen[k].report && want(k))
    };
    let (anchor_date, anchor_prec, anchor_idx, rule) = match f.anchor {
        Anchor::Vague => return (None, unit, None),
        Anchor::Publication => return (None, unit, None),
        Anchor::Inline(expr) => {
            let r = resolve(expr, doc.article.published);
            match r.date {
                Some(d) => (d, expr.precision(), None, "date.anchor.inline_date"),
                None => {
                    rules.push("date.anchor.none".to_string());
                    return (None, unit, None);
                }
            }
        }
        Anchor::Preceding | Anchor::Event { .. } => {
            // Any usable date, report dates included: the last resort.
            let report = |want: &dyn Fn(usize) -> bool| {
                (lo..out.len()).rev().find(|&k| seen[k].usable && want(k)).map(|k| (k, "date.anchor.report_date"))
            };
            let picked = match f.anchor {
                Anchor::Event { head, proper, other } => {
                    // "rebels attacked on Monday, two days after the raid": a date right
                    // before the phrase is the time the phrase restates, not the raid's.
                    let apposition = |k: usize| {
                        let after_mention = v.toks.partition_point(|t| t.span.start < out[k].span.end);
                        Some(out[k].sentence) == sentence && f.start.saturating_sub(after_mention) <= 2
                    };
                    let by_noun = head.map(|h| stem(v.w(h))).filter(|s| s.len() >= 4).and_then(|s| {
                        nearest(&|k| !apposition(k) && sentence_has_stem(doc, v, out[k].sentence, s, f.start))
                    });
                    // Without a sentence that reports it, the named event is taken to be
                    // the story's own only for short offsets after a common noun: "months
                    // after the war began", "days before Christmas" name other times.
                    let guess = !proper && matches!(unit, DatePrecision::Day | DatePrecision::Week);
                    if other {
                        // "The attack came two days after a similar raid": the offset dates
                        // the other raid; the sentence's own event is the story's, dated as such.
                        let own = nearest(&|k| !seen[k].anchored && !apposition(k));
                        if let Some(k) = own.filter(|_| guess) {
                            rules.push("date.anchor.other_event".to_string());
                            return (out[k].date, out[k].precision, Some(k));
                        }
                    }
                    by_noun.map(|k| (k, "date.anchor.named_event")).or_else(|| {
                        guess
                            .then(|| {
                                nearest(&|k| !seen[k].anchored && !apposition(k))
                                    .map(|k| (k, "date.anchor.fixed_date"))
                                    .or_else(|| report(&|k| !apposition(k)))
                            })
                            .flatten()
                    })
                }
                _ => {
                    let any = nearest(&|_| true);
                    let main_line = if backward(f.expr) { any } else { nearest(&|k| !seen[k].flashback) };
                    if main_line.is_some() && main_line != any {
                        rules.push("date.anchor.skipped_flashback".to_string());
                    }
                    main_line.or(any).map(|k| (k, "date.anchor.preceding_date")).or_else(|| report(&|_| true))
                }
            };
            match picked {
                Some((k, rule)) => (out[k].date.expect("usable anchors are resolved"), out[k].precision, Some(k), rule),
                None => {
                    rules.push("date.anchor.none".to_string());
                    // "the following Monday" with nothing before it reads as it did
                    // before anchoring existed: "next Monday" from publication.
                    if let Expr::AnchoredWeekday { wd, forward } = f.expr {
                        let dir = if forward { Direction::Next } else { Direction::Previous };
                        let date = resolve(Expr::Weekday { wd, dir }, doc.article.published).date;
                        if date.is_some() {
                            rules.push("date.anchor.publication".to_string());
                        }
                        return (date, unit, None);
                    }
                    return (None, unit, None);
                }
            }
        }
    };
    rules.push(rule.to_string());
    let n = match f.expr {
        Expr::AnchoredWeekday { wd, forward } => weekday_offset(anchor_date.weekday(), wd, forward),
        Expr::Anchored { n, .. } => n,
        _ => 0,
    };
    let (date, prec, coarse) = from_anchor(anchor_date, anchor_prec, n, unit);
    if coarse {
        rules.push("date.anchored.coarse_anchor".to_string());
    }
    let mut date = date;
    if let (Some(d), Some(p)) = (date, doc.article.published) {
        if !future_clause(v, f.start) {
            if let Some(capped) = cap_at_published(d, prec, p) {
                date = Some(capped);
                rules.push("date.anchored.capped_at_published".to_string());
            }
        }
    }
    (date, prec, anchor_idx)
}

/// Whether sentence `s` has, before token `before` (the phrase itself, which names the
/// noun), a word starting with `stem`.
fn sentence_has_stem(doc: &Doc, v: &View, s: usize, stem: &str, before: usize) -> bool {
    let Some(sent) = doc.sentences.get(s) else {
        return false;
    };
    (sent.tokens.start..sent.tokens.end.min(before))
        .any(|t| v.kind(t) == Some(TokenKind::Word) && v.w(t).starts_with(stem))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, Date};

    fn dates(text: &str, published: Option<Date>) -> Vec<(String, Option<Date>, DatePrecision, Vec<String>)> {
        let mut doc = sitrep_text::prepare(text);
        doc.article.published = published;
        recognize(&doc).into_iter().map(|m| (doc.slice(m.span).to_string(), m.date, m.precision, m.rules)).collect()
    }

    /// One expected date per sentence: (sentence, text of the mention, date, precision).
    #[test]
    fn forms_against_a_friday_publication() {
        use DatePrecision::*;
        // Friday 15 March 2024.
        let p = Some(date(2024, 3, 15));
        let cases: &[(&str, &str, Option<Date>, DatePrecision)] = &[
            ("Rebels stormed the town on May 16.", "May 16", Some(date(2023, 5, 16)), Day),
            ("Rebels stormed the town on March 2.", "March 2", Some(date(2024, 3, 2)), Day),
            ("The vote was held on 16 May 2014 in the capital.", "16 May 2014", Some(date(2014, 5, 16)), Day),
            ("The vote was held on May 16, 2014 in the capital.", "May 16, 2014", Some(date(2014, 5, 16)), Day),
            ("The ceasefire began on 2014-05-16 at dawn.", "2014-05-16", Some(date(2014, 5, 16)), Day),
            ("Talks stalled on the 3rd of March after a walkout.", "the 3rd of March", Some(date(2024, 3, 3)), Day),
            ("Fighting flared again on 12th February near the border.", "12th February", Some(date(2024, 2, 12)), Day),
            // an ordinal day alone: this month once the day has come, else the month before
            ("Soldiers stormed the camp on the 9th, killing two.", "the 9th", Some(date(2024, 3, 9)), Day),
            ("Soldiers stormed the camp on the 20th.", "the 20th", Some(date(2024, 2, 20)), Day),
            ("Soldiers stormed the camp on the 30th and left.", "the 30th", Some(date(2024, 1, 30)), Day),
            ("Gunmen attacked the convoy on Friday.", "Friday", Some(date(2024, 3, 15)), Day),
            ("Gunmen attacked the convoy on Tuesday night.", "Tuesday night", Some(date(2024, 3, 12)), Day),
            ("Gunmen attacked the convoy last Friday.", "last Friday", Some(date(2024, 3, 8)), Day),
            ("Gunmen attacked the convoy on Saturday.", "Saturday", Some(date(2024, 3, 9)), Day),
            ("Troops shelled the village yesterday.", "yesterday", Some(date(2024, 3, 14)), Day),
            ("Troops are shelling the village today.", "today", Some(date(2024, 3, 15)), Day),
            ("Troops shelled the village last night.", "last night", Some(date(2024, 3, 14)), Day),
            (
                "Troops shelled the village the day before yesterday.",
                "the day before yesterday",
                Some(date(2024, 3, 13)),
                Day,
            ),
            ("Protests spread last week.", "last week", Some(date(2024, 3, 4)), Week),
            ("Protests spread this week.", "this week", Some(date(2024, 3, 11)), Week),
            ("Protests spread earlier this week.", "earlier this week", Some(date(2024, 3, 11)), Week),
            ("Protests spread last weekend.", "last weekend", Some(date(2024, 3, 9)), Week),
            ("Protests spread earlier this month.", "earlier this month", Some(date(2024, 3, 1)), Month),
            ("Protests spread last month.", "last month", Some(date(2024, 2, 1)), Month),
            ("Protests spread in February.", "February", Some(date(2024, 2, 1)), Month),
            ("Protests spread in July.", "July", Some(date(2023, 7, 1)), Month),
            ("Protests spread in mid-July.", "mid-July", Some(date(2023, 7, 1)), Month),
            ("Protests spread last March.", "last March", Some(date(2023, 3, 1)), Month),
            ("Protests spread in May 2019.", "May 2019", Some(date(2019, 5, 1)), Month),
            ("Protests spread last year.", "last year", Some(date(2023, 1, 1)), Year),
            ("Protests spread earlier this year.", "earlier this year", Some(date(2024, 1, 1)), Year),
            ("The group has held the town since 2019.", "2019", Some(date(2019, 1, 1)), Year),
            ("The group seized the town in early 2019.", "early 2019", Some(date(2019, 1, 1)), Year),
            ("The group seized the town three days ago.", "three days ago", Some(date(2024, 3, 12)), Day),
            ("The group seized the town two years ago.", "two years ago", Some(date(2022, 1, 1)), Year),
            ("Police dispersed them on Thursday, March 14.", "Thursday, March 14", Some(date(2024, 3, 14)), Day),
            ("Talks will resume on Tuesday in Doha.", "Tuesday", Some(date(2024, 3, 19)), Day),
            ("The two leaders are due to meet on Friday.", "Friday", Some(date(2024, 3, 15)), Day),
            ("The minister said he would travel to Juba on Monday.", "Monday", Some(date(2024, 3, 18)), Day),
            ("The vote is scheduled to take place in February.", "February", Some(date(2025, 2, 1)), Month),
            ("Elections will be held in July.", "July", Some(date(2024, 7, 1)), Month),
            ("The army said it would reopen the road it had closed in July.", "July", Some(date(2023, 7, 1)), Month),
            ("They will free the men who were seized in July.", "July", Some(date(2023, 7, 1)), Month),
            ("The mission will have ended by July.", "July", Some(date(2024, 7, 1)), Month),
            (
                "The army, which will withdraw later, shelled the town on Tuesday.",
                "Tuesday",
                Some(date(2024, 3, 12)),
                Day,
            ),
        ];
        for (text, want_text, want_date, want_prec) in cases {
            let got = dates(text, p);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, *want_text, "{text}");
            assert_eq!(got[0].1, *want_date, "{text}");
            assert_eq!(got[0].2, *want_prec, "{text}");
        }
    }

    #[test]
    fn ordinals_that_are_not_days() {
        let p = Some(date(2024, 3, 15));
        for text in ["Gunmen fired from a window on the 12th floor.", "Crowds gathered on the 3rd anniversary of the coup."] {
            assert_eq!(dates(text, p), vec![], "{text}");
        }
    }

    #[test]
    fn since_in_a_comparison_is_marked() {
        let p = Some(date(2024, 3, 15));
        // (text, whether the "since" date bounds a comparison)
        let cases: &[(&str, bool)] = &[
            ("It was the bloodiest day in the valley since 2011.", true),
            ("It was the first strike on the port since March.", true),
            ("Turnout was the lowest it has been since 1998.", true),
            ("It was the most intense shelling since 2014.", true),
            // "at most" caps a count, it does not compare ("most" alone would)
            ("Officials say at most 40 families have returned since June.", false),
            ("The militia has held the pass since 2017.", false),
        ];
        for &(text, comparison) in cases {
            let got = dates(text, p);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!(got[0].3.contains(&"date.since".to_string()), "{text}");
            assert_eq!(got[0].3.contains(&"date.since_comparison".to_string()), comparison, "{text}");
        }
    }

    #[test]
    fn abbreviated_month_survives_the_sentence_split() {
        let got = dates("On Jan. 6, protesters marched on the palace.", Some(date(2024, 3, 15)));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Jan. 6");
        assert_eq!(got[0].1, Some(date(2024, 1, 6)));
        let got = dates("Troops withdrew on Sept. 30.", Some(date(2024, 3, 15)));
        assert_eq!(got[0].1, Some(date(2023, 9, 30)));
    }

    #[test]
    fn dates_inside_names_are_names() {
        let p = Some(date(2024, 3, 15));
        let cases: &[&str] = &[
            "Fighters of the March 23 Movement took the hill.",
            "A blast hit a market in 6th of October City.",
            "Crowds gathered to mark the January 25 revolution.",
            "Members of the 14 March Alliance walked out.",
        ];
        for text in cases {
            let got = dates(text, p);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
        // An event noun after the date does not make it a name.
        let got = dates("Investigators reopened the case of the May 16 attacks.", p);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, Some(date(2023, 5, 16)));
    }

    #[test]
    fn named_event_dates_are_flagged() {
        let got = dates("Security was tightened before the anniversary of the 9/11 attacks.", Some(date(2024, 3, 15)));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, Some(date(2001, 9, 11)));
        assert!(got[0].3.contains(&"date.named_event".to_string()));
    }

    #[test]
    fn words_that_only_look_like_dates() {
        let p = Some(date(2024, 3, 15));
        let cases: &[&str] = &[
            "May God protect the displaced, the bishop said.",
            "Officials said the talks may resume.",
            "Some 2019 families fled the district.",
            "The march drew thousands.",
            "Mar Elias camp was quiet.",
            "He served 12 years in prison.",
        ];
        for text in cases {
            let got = dates(text, p);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn without_publication_only_absolute_dates_resolve() {
        let got = dates("Rebels attacked on Friday. The vote was on 16 May 2014. They left in 2019.", None);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].1, None);
        assert!(got[0].3.contains(&"date.unanchored".to_string()));
        assert_eq!(got[1].1, Some(date(2014, 5, 16)));
        assert_eq!(got[2].1, Some(date(2019, 1, 1)));
    }

    #[test]
    fn yearless_date_after_publication_is_last_years() {
        let got = dates("The siege began on December 20.", Some(date(2024, 1, 10)));
        assert_eq!(got[0].1, Some(date(2023, 12, 20)));
        assert!(got[0].3.contains(&"date.yearless_previous_year".to_string()));
    }

    #[test]
    fn since_is_marked() {
        let got = dates("The group has held the town since March.", Some(date(2024, 3, 15)));
        assert!(got[0].3.contains(&"date.since".to_string()));
    }
}
