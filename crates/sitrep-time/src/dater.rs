//! Which date each event gets.
//!
//! Order of preference, each recorded as a rule id on the event:
//! 1. `date.own_sentence`: a resolved date mention in the event's own sentence, the one
//!    nearest the trigger, counting clause punctuation as extra distance so a date in a
//!    relative clause ("rebels, who seized it last year, attacked it on Monday") loses to the
//!    one in the trigger's clause. Background sentences therefore keep their own time.
//! 2. `date.prev_sentence`: no date of its own in the sentence (a report date does not
//!    count), and the sentence right before it has an event dated from its own text, or
//!    itself so dated from the sentence before it: follow-up sentences ("They also burned
//!    houses. The army said its troops came under fire.") continue that account. A day
//!    carries at most [`FOLLOW_UP_REACH`] sentences (one when the sentence has a report
//!    date), a week or month ("late last month") only to the next sentence and not past a
//!    report date; never a year, and never from a report date, so background does not leak
//!    forward.
//! 3. `date.report_date`: only a date that dates the report ("police said on Tuesday"): it
//!    bounds the event from above and is closer than the publication date.
//! 4. `date.published`: the publication date stands in; `date.unknown` when there is none.
//!
//! Dates that name a well-known event ("the 9/11 attacks") are never used: the sentence
//! mentions that event, it rarely reports it.

use crate::words::reporting_verb;
use sitrep_core::event::EventDate;
use sitrep_core::{DatePrecision, Doc, TokenKind};

/// How many sentences a day date carries forward through consecutive follow-up sentences.
const FOLLOW_UP_REACH: usize = 2;

#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    Own,
    Report,
    Previous,
    Published,
    Unknown,
}

impl How {
    fn rule(self) -> &'static str {
        match self {
            How::Own => "date.own_sentence",
            How::Report => "date.report_date",
            How::Previous => "date.prev_sentence",
            How::Published => "date.published",
            How::Unknown => "date.unknown",
        }
    }
}

fn token_at(doc: &Doc, byte: usize) -> usize {
    doc.tokens.partition_point(|t| t.span.start < byte)
}

/// A date right after a reporting verb ("said on Tuesday", "told reporters Tuesday",
/// "said in a statement on Tuesday") dates the report.
pub(crate) fn is_report_date(doc: &Doc, mention_start: usize) -> bool {
    let ti = token_at(doc, mention_start);
    for back in 1..=5 {
        let Some(j) = ti.checked_sub(back) else { break };
        let t = doc.tokens[j];
        if t.kind == TokenKind::Punct {
            return false;
        }
        if reporting_verb(&doc.lower[t.span.start..t.span.end]) {
            return true;
        }
    }
    false
}

/// Distance in tokens between the trigger and a mention, with clause punctuation crossed
/// counted extra.
fn clause_distance(doc: &Doc, trigger_start: usize, mention_start: usize, mention_end: usize) -> usize {
    let (a, b) = if mention_start < trigger_start {
        (token_at(doc, mention_end), token_at(doc, trigger_start))
    } else {
        (token_at(doc, trigger_start), token_at(doc, mention_start))
    };
    let mut cost = b.saturating_sub(a);
    for t in &doc.tokens[a.min(b)..b.max(a)] {
        if t.kind == TokenKind::Punct {
            cost += match &doc.article.text[t.span.start..t.span.end] {
                ";" | "—" | "–" | "(" | ")" => 12,
                "," | ":" => 6,
                _ => 0,
            };
        }
    }
    cost
}

/// Where the events of the previous sentence (or later) begin in `chosen`, which is in
/// sentence order: the follow-up rule only ever carries from the sentence right before, so
/// looking further back would cost time on long documents (all events per event) and find
/// nothing.
fn recent_start(chosen: &[(usize, How, Option<DatePrecision>, usize)], sentence: usize) -> usize {
    chosen.partition_point(|&(s, ..)| s + 1 < sentence)
}

/// Date every event in `doc`.
pub fn date_events(doc: &mut Doc) {
    let published = doc.article.published.is_some();
    // (sentence, how, precision, sentence the date was read in) of each event dated so far,
    // in sentence order, for the follow-up rule.
    let mut chosen: Vec<(usize, How, Option<DatePrecision>, usize)> = Vec::with_capacity(doc.events.len());
    let mut order: Vec<usize> = (0..doc.events.len()).collect();
    order.sort_by_key(|&e| doc.events[e].sentence);
    let mut results: Vec<(usize, EventDate, How, Option<usize>)> = Vec::with_capacity(order.len());
    // Dates sorted by start: an event looks only at those overlapping its sentence
    // (scanning every date per event is quadratic on very long texts).
    let mut by_start: Vec<usize> = (0..doc.dates.len()).collect();
    by_start.sort_by_key(|&i| doc.dates[i].span.start);
    for &ei in &order {
        let ev = &doc.events[ei];
        let sent = doc.sentences[ev.sentence].span;
        let mut best_own: Option<(usize, usize)> = None;
        let mut best_report: Option<(usize, usize)> = None;
        // a date mention other than a report date: it stops the previous sentence's date
        let mut any_in_sentence = false;
        let mut origin_sentence = ev.sentence;
        // One step back catches a mention that starts before the sentence and runs into it.
        let lo = by_start.partition_point(|&i| doc.dates[i].span.start < sent.start).saturating_sub(1);
        for &di in &by_start[lo..] {
            let d = &doc.dates[di];
            if d.span.start >= sent.end {
                break;
            }
            if !d.span.overlaps(sent) || d.rules.iter().any(|r| r == "date.since_comparison") {
                continue;
            }
            let report = is_report_date(doc, d.span.start);
            any_in_sentence |= !report;
            if d.date.is_none() || d.rules.iter().any(|r| r == "date.named_event") {
                continue;
            }
            let cost = clause_distance(doc, ev.trigger.start, d.span.start, d.span.end);
            let slot = if report { &mut best_report } else { &mut best_own };
            if slot.is_none_or(|(c, _)| cost < c) {
                *slot = Some((cost, di));
            }
        }
        // The account of the sentence before, continued: a day carries up to
        // FOLLOW_UP_REACH sentences, a week or month ("late last month") only to the next one. A
        // report date in this sentence ("…, police said on Saturday") only bounds the
        // event from above, so a day carried from right before wins over it; a month
        // does not (the report may well be about a later step).
        let has_report = best_report.is_some();
        let prev = (best_own.is_none() && !any_in_sentence && ev.sentence > 0)
            .then(|| {
                let from = recent_start(&chosen, ev.sentence);
                chosen[from..].iter().zip(&results[from..]).rev().find(|((s, how, prec, origin), _)| {
                    let reach = ev.sentence - origin;
                    *s + 1 == ev.sentence
                        && matches!(how, How::Own | How::Previous)
                        && match prec {
                            Some(DatePrecision::Day) => reach <= if has_report { 1 } else { FOLLOW_UP_REACH },
                            Some(DatePrecision::Week | DatePrecision::Month) => reach <= 1 && !has_report,
                            _ => false,
                        }
                })
            })
            .flatten();
        let (date, how, mention) = if let Some((_, di)) = best_own {
            (EventDate::Mention(di), How::Own, Some(di))
        } else if let Some(((_, _, _, origin), (_, date, _, m))) = prev {
            origin_sentence = *origin;
            (*date, How::Previous, *m)
        } else if let Some((_, di)) = best_report {
            (EventDate::Mention(di), How::Report, Some(di))
        } else if published {
            (EventDate::Published, How::Published, None)
        } else {
            (EventDate::Unknown, How::Unknown, None)
        };
        chosen.push((ev.sentence, how, mention.map(|m| doc.dates[m].precision), origin_sentence));
        results.push((ei, date, how, mention));
    }
    for (ei, date, how, mention) in results {
        let trigger = doc.events[ei].trigger;
        let e = &mut doc.events[ei];
        e.date = date;
        e.rules.push(how.rule().to_string());
        if let Some(m) = mention {
            if doc.dates[m].rules.iter().any(|r| r == "date.since") {
                e.rules.push("date.since".to_string());
            }
            // The date counts from another one in the story: say so on the event too.
            if doc.dates[m].rules.iter().any(|r| r.starts_with("date.anchored.")) {
                e.rules.push("date.anchored".to_string());
            }
        }
        doc.trace("date_events", Some(trigger), || format!("{} -> {date:?}", how.rule()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::recognize;
    use jiff::civil::{date, Date};
    use sitrep_core::{Event, Span};

    /// Prepare `text`, publish it on Friday 2024-03-15, and add one event per trigger word
    /// (the first occurrence of each at or after the previous trigger).
    fn dated(text: &str, published: Option<Date>, triggers: &[&str]) -> Vec<(Option<Date>, String)> {
        let mut doc = sitrep_text::prepare(text);
        doc.article.published = published;
        doc.dates = recognize(&doc);
        let mut from = 0;
        for trig in triggers {
            let at = from + text[from..].find(trig).expect("trigger in text");
            let span = Span::new(at, at + trig.len());
            let s = doc.sentence_at(at).unwrap();
            doc.events.push(Event::new(s, span, "190"));
            from = at + trig.len();
        }
        date_events(&mut doc);
        doc.events
            .iter()
            .map(|e| {
                let d = match e.date {
                    EventDate::Mention(i) => doc.dates[i].date,
                    EventDate::Published => doc.article.published,
                    EventDate::Unknown => None,
                };
                (d, e.rules.iter().find(|r| *r != "date.since").unwrap().clone())
            })
            .collect()
    }

    #[test]
    fn event_dating_table() {
        let p = Some(date(2024, 3, 15));
        // (text, triggers, (date, rule) per trigger)
        type Case<'a> = (&'a str, &'a [&'a str], &'a [(Date, &'a str)]);
        let cases: &[Case] = &[
            ("Rebels attacked the base on Monday.", &["attacked"], &[(date(2024, 3, 11), "date.own_sentence")]),
            (
                "Rebels, who seized the town last year, attacked the base on Monday.",
                &["seized", "attacked"],
                &[(date(2023, 1, 1), "date.own_sentence"), (date(2024, 3, 11), "date.own_sentence")],
            ),
            (
                "Last year, the group seized the town; on Monday it attacked again.",
                &["seized", "attacked"],
                &[(date(2023, 1, 1), "date.own_sentence"), (date(2024, 3, 11), "date.own_sentence")],
            ),
            (
                "Rebels attacked the base, police said on Wednesday.",
                &["attacked"],
                &[(date(2024, 3, 13), "date.report_date")],
            ),
            (
                "Rebels attacked the base on Monday, police said on Wednesday.",
                &["attacked"],
                &[(date(2024, 3, 11), "date.own_sentence")],
            ),
            (
                "Gunmen raided a village on Sunday. They also burned the market.",
                &["raided", "burned"],
                &[(date(2024, 3, 10), "date.own_sentence"), (date(2024, 3, 10), "date.prev_sentence")],
            ),
            (
                "The group seized the town last year. It has also shelled the airport.",
                &["seized", "shelled"],
                &[(date(2023, 1, 1), "date.own_sentence"), (date(2024, 3, 15), "date.published")],
            ),
            (
                "Gunmen raided a village on Sunday. Officials met. The army later shelled the hills.",
                &["raided", "shelled"],
                &[(date(2024, 3, 10), "date.own_sentence"), (date(2024, 3, 15), "date.published")],
            ),
            ("Soldiers fired on protesters.", &["fired"], &[(date(2024, 3, 15), "date.published")]),
            (
                "Mourners marked the anniversary of the 9/11 attacks.",
                &["marked"],
                &[(date(2024, 3, 15), "date.published")],
            ),
            ("The militia has attacked convoys since 2019.", &["attacked"], &[(date(2019, 1, 1), "date.own_sentence")]),
            // an anchored phrase in the clause dates the event instead of publication
            (
                "Gunmen raided a village on Sunday. Two days later, troops shelled the hills.",
                &["raided", "shelled"],
                &[(date(2024, 3, 10), "date.own_sentence"), (date(2024, 3, 12), "date.own_sentence")],
            ),
            // ... and wins over a report date in the same sentence
            (
                "Gunmen raided a village on Sunday. A day later, troops shelled the hills, officials said on Thursday.",
                &["raided", "shelled"],
                &[(date(2024, 3, 10), "date.own_sentence"), (date(2024, 3, 11), "date.own_sentence")],
            ),
            // a vague "days later" is no date, but it still stops the previous sentence's date
            (
                "Gunmen raided a village on Sunday. Days later, troops shelled the hills.",
                &["raided", "shelled"],
                &[(date(2024, 3, 10), "date.own_sentence"), (date(2024, 3, 15), "date.published")],
            ),
            // a phrase about another, similar event leaves the subject with the story's date
            (
                "Gunmen raided a church on Sunday. The attack came two days after a similar raid nearby.",
                &["raided", "attack"],
                &[(date(2024, 3, 10), "date.own_sentence"), (date(2024, 3, 10), "date.own_sentence")],
            ),
            (
                "Gunmen raided a church on Sunday. Troops arrived two days after the raid.",
                &["raided", "arrived"],
                &[(date(2024, 3, 10), "date.own_sentence"), (date(2024, 3, 12), "date.own_sentence")],
            ),
            // follow-up sentences carry the day on, two sentences at most
            (
                "Gunmen raided a village on Sunday. They burned the market. Troops fired back. Police arrested two men.",
                &["raided", "burned", "fired back", "arrested"],
                &[
                    (date(2024, 3, 10), "date.own_sentence"),
                    (date(2024, 3, 10), "date.prev_sentence"),
                    (date(2024, 3, 10), "date.prev_sentence"),
                    (date(2024, 3, 15), "date.published"),
                ],
            ),
            // a year that bounds a comparison does not date the event; the scene's date carries on
            (
                "Troops raided the camp on Tuesday. It was the deadliest raid there since 2006.",
                &["raided", "raid there"],
                &[(date(2024, 3, 12), "date.own_sentence"), (date(2024, 3, 12), "date.prev_sentence")],
            ),
            // a month carries to the very next sentence only
            (
                "Late last month, gunmen stormed a clinic in the hills. They looted the pharmacy. Nurses fled.",
                &["stormed", "looted", "fled"],
                &[
                    (date(2024, 2, 1), "date.own_sentence"),
                    (date(2024, 2, 1), "date.prev_sentence"),
                    (date(2024, 3, 15), "date.published"),
                ],
            ),
            (
                "Late last week, troops cleared a road in the valley. They dismantled two checkpoints.",
                &["cleared", "dismantled"],
                &[(date(2024, 3, 4), "date.own_sentence"), (date(2024, 3, 4), "date.prev_sentence")],
            ),
            // a year never carries
            (
                "In 2021, the militia seized the mines. It taxed the traders.",
                &["seized", "taxed"],
                &[(date(2021, 1, 1), "date.own_sentence"), (date(2024, 3, 15), "date.published")],
            ),
            // a day carried from right before beats the date of the report
            (
                "Fighters overran an outpost on Sunday. They took six soldiers captive, the army said on Wednesday.",
                &["overran", "took"],
                &[(date(2024, 3, 10), "date.own_sentence"), (date(2024, 3, 10), "date.prev_sentence")],
            ),
            // ... but a month does not: the report may be about a later step
            (
                "Last month, gunmen burned a school. Police detained three men, officials said on Wednesday.",
                &["burned", "detained"],
                &[(date(2024, 2, 1), "date.own_sentence"), (date(2024, 3, 13), "date.report_date")],
            ),
            // "overnight" is no date: the report's day is the best bound
            (
                "Drones hit a fuel depot overnight, the governor said on Thursday.",
                &["hit"],
                &[(date(2024, 3, 14), "date.report_date")],
            ),
            // with nothing to count from, the publication date stands in as before
            ("A day later, troops shelled the hills.", &["shelled"], &[(date(2024, 3, 15), "date.published")]),
        ];
        for (text, triggers, want) in cases {
            let got = dated(text, p, triggers);
            assert_eq!(got.len(), want.len(), "{text}");
            for (g, (wd, wr)) in got.iter().zip(want.iter()) {
                assert_eq!(g.0, Some(*wd), "{text}: {got:?}");
                assert_eq!(g.1, *wr, "{text}: {got:?}");
            }
        }
    }

    #[test]
    fn follow_up_looks_back_one_sentence_only() {
        let chosen: Vec<(usize, How, Option<DatePrecision>, usize)> =
            [0, 0, 1, 5, 6, 6, 9].iter().map(|&s| (s, How::Own, Some(DatePrecision::Day), s)).collect();
        // (sentence of the event being dated, first index worth looking at)
        for (sentence, want) in [(0, 0), (1, 0), (2, 2), (6, 3), (7, 4), (8, 6), (10, 6), (30, 7)] {
            assert_eq!(recent_start(&chosen, sentence), want, "sentence {sentence}");
        }
    }

    #[test]
    fn follow_up_still_carries_after_many_events() {
        // Hundreds of undated events before the dated account must not change how it carries.
        let mut text = "Gunmen fired on a bus. ".repeat(300);
        text.push_str("Gunmen fired on a checkpoint on Wednesday. They also burned a truck. Gunmen fired on a bus.");
        let mut triggers = vec!["fired"; 301];
        triggers.extend(["burned", "fired"]);
        let got = dated(&text, Some(date(2024, 3, 15)), &triggers);
        assert_eq!(got[299], (Some(date(2024, 3, 15)), "date.published".to_string()));
        assert_eq!(got[300], (Some(date(2024, 3, 13)), "date.own_sentence".to_string()));
        assert_eq!(got[301], (Some(date(2024, 3, 13)), "date.prev_sentence".to_string()));
        assert_eq!(got[302], (Some(date(2024, 3, 13)), "date.prev_sentence".to_string()));
    }

    #[test]
    fn since_marks_the_event() {
        let mut doc = sitrep_text::prepare("The militia has attacked convoys since 2019.");
        doc.dates = recognize(&doc);
        doc.events.push(Event::new(0, Span::new(16, 24), "190"));
        date_events(&mut doc);
        assert!(doc.events[0].rules.contains(&"date.since".to_string()));
    }

    #[test]
    fn no_publication_date_means_unknown_unless_absolute() {
        let got = dated(
            "Rebels attacked the base on Monday. Rebels attacked again on 2 May 2014.",
            None,
            &["attacked", "attacked"],
        );
        assert_eq!(got[0], (None, "date.unknown".to_string()));
        assert_eq!(got[1], (Some(date(2014, 5, 2)), "date.own_sentence".to_string()));
    }
}
