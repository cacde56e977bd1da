//! Calendar arithmetic: turning a recognised expression into a date against the
//! publication date. Kept apart from recognition so every convention is in one place.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use sitrep_core::DatePrecision;

/// Which way a relative expression points from the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// "on Friday", "in February": the latest one on or before publication.
    Latest,
    /// "last Friday", "last February": the latest one strictly before publication's own.
    Previous,
    /// "next Friday", "next month".
    Next,
    /// "this February": the one in the publication year.
    This,
    /// "will meet on Friday", "talks are due to resume in March": the first one on or after
    /// publication (a future clause looks forward, not back).
    Upcoming,
}

/// A recognised date expression before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expr {
    /// Fully specified: "16 May 2014", "2014-05-16".
    Full { y: i16, m: i8, d: i8 },
    /// Year-less day: "May 16", "the 3rd of March".
    MonthDay { m: i8, d: i8 },
    /// "May 2014".
    MonthYear { y: i16, m: i8 },
    /// "in February", "last July".
    Month { m: i8, dir: Direction },
    /// "in 2019".
    Year { y: i16 },
    /// "on Friday", "last Friday".
    Weekday { wd: Weekday, dir: Direction },
    /// "yesterday" (-1), "today" (0), "last night" (-1).
    RelDay(i64),
    /// "this week" (0), "last week" (-1).
    RelWeek(i64),
    /// "this month" (0), "last month" (-1).
    RelMonth(i64),
    /// "this year" (0), "last year" (-1).
    RelYear(i64),
    /// "last weekend": the Saturday before publication.
    LastWeekend,
    /// "three days ago": a count of units back from publication.
    Ago { n: i64, unit: DatePrecision },
    /// "on the 12th": a day of the month with neither month nor year, the latest such day
    /// on or before publication.
    DayOfMonth { d: i8 },
    /// A date that names a well-known event ("9/11"): resolved, but flagged.
    Named { y: i16, m: i8, d: i8 },
    /// A count of units from another date in the story, not from publication: "two days
    /// later" (+2 days), "the previous week" (-1 week), "that night" (0 days). Resolved by
    /// [`from_anchor`] once the anchor is known.
    Anchored { n: i64, unit: DatePrecision },
    /// "the following Monday" (`forward`), "the previous Monday": the first such weekday
    /// strictly after (before) another date in the story.
    AnchoredWeekday { wd: Weekday, forward: bool },
}

impl Expr {
    /// Whether resolution needs the publication date.
    pub fn is_relative(&self) -> bool {
        !matches!(self, Expr::Full { .. } | Expr::MonthYear { .. } | Expr::Year { .. } | Expr::Named { .. })
    }

    pub fn precision(&self) -> DatePrecision {
        match self {
            Expr::Full { .. }
            | Expr::MonthDay { .. }
            | Expr::DayOfMonth { .. }
            | Expr::Weekday { .. }
            | Expr::RelDay(_)
            | Expr::Named { .. }
            | Expr::AnchoredWeekday { .. } => DatePrecision::Day,
            Expr::RelWeek(_) | Expr::LastWeekend => DatePrecision::Week,
            Expr::MonthYear { .. } | Expr::Month { .. } | Expr::RelMonth(_) => DatePrecision::Month,
            Expr::Year { .. } | Expr::RelYear(_) => DatePrecision::Year,
            Expr::Ago { unit, .. } | Expr::Anchored { unit, .. } => *unit,
        }
    }
}

/// The outcome of resolving one expression: the date (first day of the period for coarser
/// precisions) and, when a convention was applied, the rule id that says which.
pub struct Resolved {
    pub date: Option<Date>,
    pub note: Option<&'static str>,
}

fn month_start(y: i16, m: i8) -> Option<Date> {
    Date::new(y, m, 1).ok()
}

fn shift_months(d: Date, months: i64) -> Option<Date> {
    d.first_of_month().checked_add(months.months()).ok()
}

/// Resolve `expr` against the publication date `published`.
///
/// Conventions (each is an analyst's default reading of wire copy):
/// - a year-less date that would fall after publication belongs to the previous year;
/// - a weekday means the latest such day on or before publication, so "on Friday" in a story
///   published on a Friday is that same Friday (wire stories are written the day of the event);
///   "last Friday" on a Friday means a week earlier;
/// - a bare month means the latest such month on or before the publication month;
/// - week precision starts on Monday (ISO).
pub fn resolve(expr: Expr, published: Option<Date>) -> Resolved {
    let plain = |date: Option<Date>| Resolved { date, note: None };
    match expr {
        Expr::Full { y, m, d } | Expr::Named { y, m, d } => return plain(Date::new(y, m, d).ok()),
        Expr::MonthYear { y, m } => return plain(month_start(y, m)),
        Expr::Year { y } => return plain(Date::new(y, 1, 1).ok()),
        _ => {}
    }
    let Some(p) = published else {
        return Resolved { date: None, note: Some("date.unanchored") };
    };
    match expr {
        Expr::MonthDay { m, d } => {
            let this_year = Date::new(p.year(), m, d).ok();
            match this_year {
                Some(date) if date <= p => plain(Some(date)),
                _ => Resolved { date: Date::new(p.year() - 1, m, d).ok(), note: Some("date.yearless_previous_year") },
            }
        }
        Expr::DayOfMonth { d } => {
            // This month when the day has come, else the month before (or the one before
            // that, for a 31st after a 30-day month).
            let date = (0..3)
                .filter_map(|back| shift_months(p, -back))
                .filter_map(|first| Date::new(first.year(), first.month(), d).ok())
                .find(|date| *date <= p);
            let note = date.filter(|date| date.month() != p.month()).map(|_| "date.day_of_month_previous_month");
            Resolved { date, note }
        }
        Expr::Month { m, dir } => {
            let y = match dir {
                Direction::Latest => {
                    if m <= p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    }
                }
                Direction::Previous => {
                    if m < p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    }
                }
                Direction::Next => {
                    if m > p.month() {
                        p.year()
                    } else {
                        p.year() + 1
                    }
                }
                Direction::This => p.year(),
                Direction::Upcoming => {
                    if m >= p.month() {
                        p.year()
                    } else {
                        p.year() + 1
                    }
                }
            };
            plain(month_start(y, m))
        }
        Expr::Weekday { wd, dir } => {
            let back = i64::from(wd.until(p.weekday()));
            let offset = match dir {
                Direction::Latest | Direction::This => -back,
                Direction::Previous => {
                    if back == 0 {
                        -7
                    } else {
                        -back
                    }
                }
                Direction::Next => {
                    let fwd = i64::from(p.weekday().until(wd));
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                Direction::Upcoming => i64::from(p.weekday().until(wd)),
            };
            plain(p.checked_add(offset.days()).ok())
        }
        Expr::RelDay(n) => plain(p.checked_add(n.days()).ok()),
        Expr::RelWeek(n) => {
            let monday = p.checked_sub(i64::from(p.weekday().to_monday_zero_offset()).days()).ok();
            plain(monday.and_then(|d| d.checked_add((7 * n).days()).ok()))
        }
        Expr::LastWeekend => {
            let back = i64::from(Weekday::Saturday.until(p.weekday()));
            let back = if back == 0 { 7 } else { back };
            plain(p.checked_sub(back.days()).ok())
        }
        Expr::RelMonth(n) => plain(shift_months(p, n)),
        Expr::RelYear(n) => plain(Date::new(p.year() + n as i16, 1, 1).ok()),
        Expr::Ago { n, unit } => plain(match unit {
            DatePrecision::Day => p.checked_sub(n.days()).ok(),
            DatePrecision::Week => {
                let d = p.checked_sub((7 * n).days()).ok();
                d.and_then(|d| d.checked_sub(i64::from(d.weekday().to_monday_zero_offset()).days()).ok())
            }
            DatePrecision::Month => shift_months(p, -n),
            DatePrecision::Year => Date::new(p.year() - n as i16, 1, 1).ok(),
        }),
        // Needs a date from the story, not the publication date: see `from_anchor`.
        Expr::Anchored { .. } | Expr::AnchoredWeekday { .. } => Resolved { date: None, note: Some("date.anchor.none") },
        Expr::Full { .. } | Expr::Named { .. } | Expr::MonthYear { .. } | Expr::Year { .. } => {
            unreachable!()
        }
    }
}

/// Orders precisions from finest to coarsest (`DatePrecision` has no `Ord`).
fn rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Year => 3,
    }
}

/// The first day of the period of `prec` that contains `d` (weeks start on Monday).
pub fn period_start(d: Date, prec: DatePrecision) -> Option<Date> {
    match prec {
        DatePrecision::Day => Some(d),
        DatePrecision::Week => d.checked_sub(i64::from(d.weekday().to_monday_zero_offset()).days()).ok(),
        DatePrecision::Month => Some(d.first_of_month()),
        DatePrecision::Year => Date::new(d.year(), 1, 1).ok(),
    }
}

/// An anchored date: `n` units of `unit` from `anchor` (known to `anchor_prec`).
///
/// The result is never more precise than either the offset or the anchor: "a day later"
/// after "in 2019" is only known to the year (the third value is then true), and "the
/// following week" is a week whatever the anchor. Coarser results are given as the first
/// day of their period, like every other date.
pub fn from_anchor(
    anchor: Date,
    anchor_prec: DatePrecision,
    n: i64,
    unit: DatePrecision,
) -> (Option<Date>, DatePrecision, bool) {
    let shifted = match unit {
        DatePrecision::Day => anchor.checked_add(n.days()).ok(),
        DatePrecision::Week => anchor.checked_add((7 * n).days()).ok(),
        DatePrecision::Month => shift_months(anchor, n),
        DatePrecision::Year => i16::try_from(i64::from(anchor.year()) + n).ok().and_then(|y| Date::new(y, 1, 1).ok()),
    };
    let coarse = rank(anchor_prec) > rank(unit);
    let prec = if coarse { anchor_prec } else { unit };
    (shifted.and_then(|d| period_start(d, prec)), prec, coarse)
}

/// Days from `from` to the first `wd` strictly after it (`forward`) or strictly before it.
pub fn weekday_offset(from: Weekday, wd: Weekday, forward: bool) -> i64 {
    let days = if forward { from.until(wd) } else { wd.until(from) };
    let days = if days == 0 { 7 } else { i64::from(days) };
    if forward {
        days
    } else {
        -days
    }
}

/// A past-tense account cannot run past its own publication: an anchored date that lands
/// after it (the anchor was late in the story, or the offset overshoots) is capped to the
/// publication's period. Returns the capped date, or `None` when no cap applied.
pub fn cap_at_published(date: Date, prec: DatePrecision, published: Date) -> Option<Date> {
    let latest = period_start(published, prec)?;
    (date > latest).then_some(latest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn conventions() {
        // 2024-03-15 is a Friday.
        let p = Some(date(2024, 3, 15));
        let cases: &[(Expr, Option<Date>)] = &[
            (Expr::Weekday { wd: Weekday::Friday, dir: Direction::Latest }, Some(date(2024, 3, 15))),
            (Expr::Weekday { wd: Weekday::Friday, dir: Direction::Previous }, Some(date(2024, 3, 8))),
            (Expr::Weekday { wd: Weekday::Saturday, dir: Direction::Latest }, Some(date(2024, 3, 9))),
            (Expr::Weekday { wd: Weekday::Thursday, dir: Direction::Latest }, Some(date(2024, 3, 14))),
            (Expr::Weekday { wd: Weekday::Monday, dir: Direction::Next }, Some(date(2024, 3, 18))),
            (Expr::MonthDay { m: 3, d: 15 }, Some(date(2024, 3, 15))),
            (Expr::MonthDay { m: 3, d: 16 }, Some(date(2023, 3, 16))),
            (Expr::MonthDay { m: 12, d: 30 }, Some(date(2023, 12, 30))),
            (Expr::Month { m: 3, dir: Direction::Latest }, Some(date(2024, 3, 1))),
            (Expr::Month { m: 3, dir: Direction::Previous }, Some(date(2023, 3, 1))),
            (Expr::Month { m: 7, dir: Direction::Latest }, Some(date(2023, 7, 1))),
            (Expr::Month { m: 2, dir: Direction::Previous }, Some(date(2024, 2, 1))),
            (Expr::RelDay(-1), Some(date(2024, 3, 14))),
            (Expr::RelWeek(0), Some(date(2024, 3, 11))),
            (Expr::RelWeek(-1), Some(date(2024, 3, 4))),
            (Expr::LastWeekend, Some(date(2024, 3, 9))),
            (Expr::RelMonth(-1), Some(date(2024, 2, 1))),
            (Expr::RelMonth(-3), Some(date(2023, 12, 1))),
            (Expr::RelYear(-1), Some(date(2023, 1, 1))),
            (Expr::Ago { n: 3, unit: DatePrecision::Day }, Some(date(2024, 3, 12))),
            (Expr::Ago { n: 2, unit: DatePrecision::Week }, Some(date(2024, 2, 26))),
            (Expr::Full { y: 2014, m: 5, d: 16 }, Some(date(2014, 5, 16))),
            (Expr::Full { y: 2014, m: 2, d: 30 }, None),
        ];
        for (expr, want) in cases {
            assert_eq!(resolve(*expr, p).date, *want, "{expr:?}");
        }
    }

    #[test]
    fn offsets_from_an_anchor() {
        use DatePrecision::*;
        // 2024-03-03 is a Sunday.
        let a = date(2024, 3, 3);
        // (anchor precision, count, unit) -> (date, precision, coarse)
        type Case = (DatePrecision, i64, DatePrecision, Option<Date>, DatePrecision, bool);
        let cases: &[Case] = &[
            (Day, 1, Day, Some(date(2024, 3, 4)), Day, false),
            (Day, -1, Day, Some(date(2024, 3, 2)), Day, false),
            (Day, 0, Day, Some(a), Day, false),
            (Day, 30, Day, Some(date(2024, 4, 2)), Day, false),
            // the next week starts on the Monday after the anchor's week
            (Day, 1, Week, Some(date(2024, 3, 4)), Week, false),
            (Day, -1, Week, Some(date(2024, 2, 19)), Week, false),
            (Day, 1, Month, Some(date(2024, 4, 1)), Month, false),
            (Day, -2, Month, Some(date(2024, 1, 1)), Month, false),
            (Day, 1, Year, Some(date(2025, 1, 1)), Year, false),
            // a coarse anchor keeps the result coarse
            (Month, 1, Day, Some(date(2024, 3, 1)), Month, true),
            (Year, 2, Week, Some(date(2024, 1, 1)), Year, true),
        ];
        for &(aprec, n, unit, want, want_prec, want_coarse) in cases {
            let (got, prec, coarse) = from_anchor(a, aprec, n, unit);
            assert_eq!((got, prec, coarse), (want, want_prec, want_coarse), "{aprec:?} {n} {unit:?}");
        }
    }

    #[test]
    fn weekday_offsets_are_strict() {
        use Weekday::*;
        assert_eq!(weekday_offset(Sunday, Monday, true), 1);
        assert_eq!(weekday_offset(Monday, Monday, true), 7);
        assert_eq!(weekday_offset(Monday, Sunday, true), 6);
        assert_eq!(weekday_offset(Monday, Sunday, false), -1);
        assert_eq!(weekday_offset(Monday, Monday, false), -7);
        assert_eq!(weekday_offset(Sunday, Monday, false), -6);
    }

    #[test]
    fn capped_at_the_publication_period() {
        let p = date(2024, 3, 10); // a Sunday
        assert_eq!(cap_at_published(date(2024, 3, 11), DatePrecision::Day, p), Some(p));
        assert_eq!(cap_at_published(date(2024, 3, 10), DatePrecision::Day, p), None);
        assert_eq!(cap_at_published(date(2024, 3, 11), DatePrecision::Week, p), Some(date(2024, 3, 4)));
        assert_eq!(cap_at_published(date(2024, 3, 4), DatePrecision::Week, p), None);
        assert_eq!(cap_at_published(date(2024, 4, 1), DatePrecision::Month, p), Some(date(2024, 3, 1)));
    }

    #[test]
    fn relative_needs_anchor_absolute_does_not() {
        assert_eq!(resolve(Expr::RelDay(-1), None).date, None);
        assert_eq!(resolve(Expr::MonthDay { m: 5, d: 16 }, None).note, Some("date.unanchored"));
        assert_eq!(resolve(Expr::Year { y: 2019 }, None).date, Some(date(2019, 1, 1)));
        assert_eq!(resolve(Expr::MonthYear { y: 2019, m: 2 }, None).date, Some(date(2019, 2, 1)));
    }

    #[test]
    fn leap_day_without_a_year_rolls_back_to_a_valid_one_or_none() {
        // Feb 29 published in 2024 after the day: this year's exists.
        assert_eq!(resolve(Expr::MonthDay { m: 2, d: 29 }, Some(date(2024, 3, 1))).date, Some(date(2024, 2, 29)));
        // Published before Feb 29 2024: 2023 has no Feb 29.
        assert_eq!(resolve(Expr::MonthDay { m: 2, d: 29 }, Some(date(2024, 2, 1))).date, None);
    }
}
