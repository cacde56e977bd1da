//! Modality and time frame of a trigger from the words before it in its clause:
//! negated ("did not attack", "no clashes"), future ("will", "would", "plans to"),
//! hypothetical ("if …", "could"), claimed ("allegedly", inside a quotation for material
//! acts), and, for statements about actions, the statement's kind ("refused to" negates,
//! "threatened to" makes future). Background sentences ("Last year, …", "since 2019", "had
//! seized") are marked with a `frame:` rule id for the dater and the merger.

use crate::analysis::{Boundary, Sent};
use crate::coder::Cand;
use crate::embed;
use crate::inflect::Form;
use crate::lexicon::Complement;
use crate::words;
use sitrep_core::{Doc, Modality, TokenKind};

fn is_material(code: &str) -> bool {
    matches!(code.get(..2), Some("06" | "07" | "08" | "14" | "15" | "16" | "17" | "18" | "19" | "20"))
}

pub(crate) fn assign(s: &Sent, cands: &mut [Cand], ci: usize) {
    let c = &cands[ci];
    if let Some(g) = c.governor {
        let m = match cands[g].complement {
            Some(Complement::Intent | Complement::Request | Complement::Threaten | Complement::Order) => Modality::Future,
            Some(Complement::Reject | Complement::Deny) => Modality::Negated,
            Some(Complement::Accuse | Complement::Claim) => Modality::Claimed,
            None => Modality::Asserted,
        };
        let rule = format!("modality:governed:{}", cands[g].rules[0]);
        let c = &mut cands[ci];
        c.modality = m;
        c.rules.push(rule);
        return;
    }
    let clause = s.clause_of(c.hit.start);
    let (m, rule, marker) = scan(s, c, clause.start);
    let mut m = m;
    let mut rule = rule;
    if m == Modality::Asserted || m == Modality::Future {
        if clause.kind == Boundary::Condition || in_condition(s, clause.start) {
            m = Modality::Hypothetical;
            rule = "modality:if";
        }
    }
    // "a day before the president *heads* to Beijing": a present tense after "before"
    // reports what is still to come
    if m == Modality::Asserted
        && !c.nominal
        && matches!(c.hit.form, Form::Base | Form::ThirdPerson)
        && clause.kind == Boundary::Subord
        && matches!(s.words[clause.start], "before" | "until" | "once")
    {
        m = Modality::Future;
        rule = "modality:before-present";
    }
    if m == Modality::Asserted && is_charge(s, c) {
        m = Modality::Claimed;
        rule = "modality:charge";
    }
    if m == Modality::Asserted && s.quote[c.hit.start] && is_material(&c.code) {
        m = Modality::Claimed;
        rule = "modality:quoted";
    }
    let sentence_has_if = s.flags.iter().any(|f| f & words::CONDITION != 0);
    let c = &mut cands[ci];
    c.modality = m;
    // what the speaker says now about this action: "will release" is an intent, "will
    // withdraw unless…" a threat, "will not accept" a refusal, "must release" a demand
    c.statement = match (m, rule, marker) {
        (_, _, None) => None,
        // a conditional promise of a cooperative act stays an offer ("will send aid if it is
        // attacked"); only a hostile act held over someone is a threat
        (Modality::Future, _, Some(k)) => embed::future_statement(&c.code).map(|kind| (kind, k)),
        // "may halt mediation if cooperation founders", "would strike if…": a hostile act
        // made conditional on the other side is a threat now; a conditional cooperative act
        // ("would meet the mediator if…") an offer
        (Modality::Hypothetical, "modality:may" | "modality:would-if", Some(k)) if sentence_has_if => {
            embed::future_statement(&c.code).map(|kind| (kind, k))
        }
        // "will not release", "will not accept (refugees)": a refusal now
        (Modality::Negated, _, Some(k)) if embed::future_statement(&c.code) == Some(Complement::Intent) || c.code.starts_with("03") => {
            Some((Complement::Reject, k))
        }
        (Modality::Hypothetical, "modality:obligation", Some(k)) => Some((Complement::Request, k)),
        _ => None,
    };
    if m != Modality::Asserted || rule == "modality:protest-purpose" {
        c.rules.push(rule.into());
    }
}

/// A gerund naming what someone is only accused of ("*accused* the guards *of beating*
/// inmates", "*charged with* smuggling arms", "*acquitted of* ordering the killing"): an
/// allegation, not an event this sentence reports. A verdict ("found guilty of murdering",
/// "convicted of attacking") or a suspicion behind an arrest is coded as the act in the
/// PLOVER/PLV data, so those stay asserted.
fn is_charge(s: &Sent, c: &Cand) -> bool {
    const CHARGE_VERBS: &[&str] = &[
        "accused", "accuses", "accusing", "accuse", "charged", "charging", "indicted", "prosecuted", "blamed", "blames",
        "blaming", "blame", "acquitted", "cleared", "innocent", "denied", "denies", "deny", "denying",
    ];
    if c.nominal || c.hit.form != Form::Gerund || c.hit.start < 2 {
        return false;
    }
    let prep = s.words[c.hit.start - 1];
    if !matches!(prep, "of" | "for" | "with") {
        return false;
    }
    // the accusing verb sits a few words back: right before the preposition, or before the
    // accused party ("accused the coast guard of towing")
    let from = c.hit.start.saturating_sub(8);
    (from..c.hit.start - 1).rev().any(|k| CHARGE_VERBS.contains(&s.words[k]))
}

/// A clause inside an "if" clause that runs on after a comma-free stretch, or a main clause
/// whose sentence opened with "if" and has not reached the consequence yet.
fn in_condition(s: &Sent, clause_start: usize) -> bool {
    // the clause right after an "if" clause opened by a conjunction continues the condition
    let ci = s.clause[clause_start.min(s.len().saturating_sub(1))] as usize;
    ci > 0 && s.clauses[ci].kind == Boundary::Coord && s.clauses[ci - 1].kind == Boundary::Condition
}

/// Look back from the trigger to the clause start for modal, negation and hearsay words.
fn scan(s: &Sent, c: &Cand, clause_start: usize) -> (Modality, &'static str, Option<usize>) {
    let mut j = c.hit.start;
    let mut steps = 0;
    let sentence_has_if = s.flags.iter().any(|f| f & words::CONDITION != 0);
    let mut negated = false;
    let mut result = (Modality::Asserted, "", None);
    while j > clause_start && steps < 6 {
        j -= 1;
        steps += 1;
        // a name is not a modal ("Theresa May has held talks")
        if s.kinds[j] != TokenKind::Word || s.actor_at[j] >= 0 || s.cap[j] && j > 0 && !s.headline {
            break;
        }
        let w = s.words[j];
        let f = s.flags[j];
        if f & words::NEG != 0 {
            let breaker = s.words.get(j + 1).is_some_and(|n| words::is_negation_breaker(n));
            let noun_only = w == "no" || w == "without";
            if !breaker && (!noun_only || c.nominal || w == "without") {
                negated = true;
            }
        }
        if f & words::FUTURE != 0 && result.0 == Modality::Asserted {
            result = if w.starts_with("would") && sentence_has_if {
                (Modality::Hypothetical, "modality:would-if", Some(j))
            } else {
                (Modality::Future, "modality:future", Some(j))
            };
        } else if f & words::MAYBE != 0 && result.0 == Modality::Asserted {
            result = if matches!(w, "must" | "should") {
                (Modality::Hypothetical, "modality:obligation", Some(j))
            } else {
                (Modality::Hypothetical, "modality:may", Some(j))
            };
        } else if f & words::HEARSAY != 0 && result.0 == Modality::Asserted {
            result = (Modality::Claimed, "modality:hearsay", None);
        } else if w == "to" && result.0 == Modality::Asserted && j > clause_start {
            let p = s.words[j - 1];
            let pf = s.flags[j - 1];
            if pf & words::INTEND != 0 {
                result = (Modality::Future, "modality:intend", Some(j - 1));
            } else if pf & words::EXPECT != 0 || pf & words::BE != 0 {
                result = (Modality::Future, "modality:expected", None);
            } else if matches!(p, "failed" | "fail" | "fails" | "yet") {
                negated = true;
            } else if matches!(p, "have" | "has" | "had" | "need" | "needs") {
                result = (Modality::Hypothetical, "modality:obligation", Some(j - 1));
            } else if !matches!(
                p,
                "tried" | "tries" | "try" | "trying" | "attempted" | "attempt" | "attempts" | "attempting" | "managed" | "began" | "begin"
                    | "begins" | "started" | "start" | "starts" | "continued" | "continue" | "continues" | "resumed" | "moved"
                    | "used" | "helped" | "help" | "helps" | "went" | "proceeded" | "vowed" | "threatened" | "agreed"
            ) && (s.kinds[j - 1] == TokenKind::Word || p == ")")
            {
                // a purpose ("sent troops to *retake* the town"): intended, not yet done
                result = (Modality::Future, "modality:purpose", None);
                if c.code.starts_with("14") && !s.flags[..j].iter().any(|f| f & (words::FUTURE | words::MAYBE | words::INTEND | words::NEG | words::CONDITION | words::HEARSAY) != 0) {
                    // "shunned work *to protest*", "marched to the square to protest": the act
                    // that was done is itself the protest, so the protest happened
                    result = (Modality::Asserted, "modality:protest-purpose", None);
                }
            }
            // any other "X to": stop, the words before belong to another verb
            break;
        }
        // "will *launch* an offensive", "plans to *hold* talks": a light verb carries the
        // event noun's tense and mood
        // …and so does it for a gerund or plural right after it ("would resume *fighting*",
        // "will resume *attacks*"), which is its object whatever entry matched it
        if (c.nominal || j + 1 == c.hit.start && matches!(c.hit.form, Form::Gerund | Form::ThirdPerson)) && is_light_verb(w) {
            continue;
        }
        if f & (words::ADVERB | words::NEG | words::FUTURE | words::MAYBE | words::BE | words::HAVE | words::DET | words::ADJ | words::HEARSAY) == 0 {
            // a content word: the trigger's own auxiliaries are behind us
            break;
        }
    }
    if negated {
        let marker = if result.0 == Modality::Future { result.2 } else { None };
        return (Modality::Negated, "modality:negated", marker);
    }
    result
}

/// Verbs that only put an event noun into action ("launch an attack", "hold talks").
fn is_light_verb(w: &str) -> bool {
    matches!(
        w,
        "begin" | "start" | "launch" | "carry" | "conduct" | "stage" | "mount" | "hold" | "make" | "impose" | "open" | "resume" | "undertake" | "unleash" | "step"
            // "will *extend* the curfew": the measure continues, in the tense of the verb
            | "extend" | "reimpose" | "prolong" | "tighten" | "intensify" | "escalate"
    )
}

/// Sentence-level background: "Last year, …", "In 2019, …" (before the publication year),
/// "Previously, …". ("… years ago" dates only its own clause: see [`event_frame`].)
pub(crate) fn background(doc: &Doc, s: &Sent) -> Option<&'static str> {
    let n = s.len();
    if n == 0 {
        return None;
    }
    let first = s.words[0];
    if first == "last" && n > 1 && matches!(s.words[1], "year" | "month" | "week" | "spring" | "summer" | "autumn" | "fall" | "winter" | "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october" | "november" | "december") {
        return Some("frame:background:last");
    }
    if matches!(first, "previously" | "formerly" | "historically" | "since") {
        return Some("frame:background:opening");
    }
    if matches!(first, "in" | "by" | "during") && n > 1 && s.kinds[1] == TokenKind::Number {
        if let (Ok(year), Some(published)) = (s.words[1].parse::<i16>(), doc.article.published) {
            if (1900..2100).contains(&year) && year < published.year() {
                return Some("frame:background:year");
            }
        }
    }
    None
}

/// Event-level frame: a trigger inside a "since …" clause, or in the past perfect.
pub(crate) fn event_frame(s: &Sent, c: &Cand) -> Option<&'static str> {
    event_frame_in(s, c, None, false)
}

/// [`event_frame`], also reading the trigger's own clause for an explicit past ("jailed a
/// year ago", "in the 1994 genocide", "two weeks after rebels kidnapped…") when the
/// publication year is known.
/// With `strict`, the past perfect counts only in subordinate, relative and comma clauses.
pub(crate) fn event_frame_in(s: &Sent, c: &Cand, published_year: Option<i16>, strict: bool) -> Option<&'static str> {
    let clause = s.clause_of(c.hit.start);
    let unit = |w: &str| matches!(w, "years" | "year" | "months" | "month" | "weeks" | "decades" | "decade");
    // "… ago" right after the trigger's phrase, within its clause
    let ago_end = clause.end.min(c.hit.end + 10);
    if (c.hit.end + 1..ago_end).any(|k| s.words[k] == "ago" && unit(s.words[k - 1])) {
        return Some("frame:background:ago");
    }
    // "the 1994 genocide": an event noun dated by an earlier year
    if c.nominal && c.hit.start > 0 && s.kinds[c.hit.start - 1] == TokenKind::Number {
        if let (Ok(y), Some(p)) = (s.words[c.hit.start - 1].parse::<i16>(), published_year) {
            if (1900..p).contains(&y) {
                return Some("frame:background:year");
            }
        }
    }
    // "two weeks after rebels kidnapped…": a clause set well before the main event
    // "…, one day after a jet shot down a helicopter": even a day before, the later report
    // is the news of the sentence
    let short_unit = |w: &str| unit(w) || matches!(w, "day" | "days" | "week");
    if clause.start >= 2 && matches!(s.words[clause.start], "after" | "since") && short_unit(s.words[clause.start - 1]) {
        return Some("frame:background:after");
    }
    if s.words.get(clause.start) == Some(&"since") {
        return Some("frame:background:since");
    }
    if c.hit.start > clause.start && s.words[c.hit.start - 1] == "since" {
        return Some("frame:background:since");
    }
    // "the region has seen repeated attacks … since 2015": a span reaching back to an earlier
    // year is the history of the place, not the news
    // ("since" opens a clause of its own: read on to the next punctuation)
    let end = (c.hit.end..s.len().min(c.hit.end + 12)).find(|&k| matches!(s.words[k], "," | ";" | "." | ":")).unwrap_or(s.len().min(c.hit.end + 12));
    let earlier_year = |k: usize| {
        s.kinds.get(k) == Some(&TokenKind::Number)
            && s.words[k].len() == 4
            && s.words[k].parse::<i16>().is_ok_and(|y| (1900..2100).contains(&y) && published_year.is_none_or(|p| y < p))
    };
    // ... unless the mention ranks today's event against that history: "the deadliest raid
    // on the camp since 2002", "the first such strike since 2019" are about the new event
    // …the superlative or ordinal governs the phrase that "since" closes, so it is read
    // back from the "since" ("killed 12 in *the deadliest attack* since 2019", "shelled the
    // town *for the first time* since 2016"), not from the trigger
    let ranking = |w: &str| {
        matches!(w, "first" | "worst" | "most" | "biggest" | "largest" | "latest")
            || w.len() > 6 && w.ends_with("iest")
            || matches!(w, "heaviest" | "fiercest" | "deadliest" | "bloodiest" | "longest" | "strongest")
    };
    let ranked_before = |at: usize| (at.saturating_sub(4).max(clause.start)..at).any(|k| ranking(s.words[k]));
    let since_year = (c.hit.end..end.saturating_sub(1)).find(|&k| s.words[k] == "since" && earlier_year(k + 1));
    if let Some(since) = since_year {
        if !ranked_before(c.hit.start) && !ranked_before(since) {
            return Some("frame:background:since-year");
        }
    }
    if !c.nominal {
        let lo = c.hit.start.saturating_sub(3).max(clause.start);
        // "the group that has seized…": a relative clause describing someone by what they
        // have done
        let perfect_rel = strict && clause.kind == Boundary::Rel && (lo..c.hit.start).any(|k| matches!(s.words[k], "has" | "have"));
        if perfect_rel || (lo..c.hit.start).any(|k| s.words[k] == "had") {
            // in a main or reported clause the past perfect often *is* the news ("officials
            // said gunmen had stormed…"); only as background when a new event is reported
            // beside it in the sentence
            if !strict || matches!(clause.kind, Boundary::Rel | Boundary::Subord | Boundary::Comma) {
                return Some("frame:past-perfect");
            }
        }
    }
    None
}
