//! Attribution: the reporting source of each event.
//!
//! A sentence's reporting phrase is found by token scans around a reporting verb (said,
//! told, reported, announced, claimed, stated, added, confirmed) or "according to". Its
//! source (the subject of the verb, the phrase after "according to", or the name after an
//! inverted "said") becomes `Event::attribution` for the events of that sentence, and for
//! the events of earlier sentences inside a quotation the phrase closes. Rule ids:
//! - `attr.according_to`: "…, according to officials";
//! - `attr.subject_after`: "…, the state news agency, citing hospital sources, said";
//! - `attr.subject_first`: the sentence opens with the source ("Police said on Tuesday
//!   that …");
//! - `attr.inverted`: "…,” said a spokesman for the army.";
//! - `attr.quote`: the event sits in an earlier sentence of the quotation;
//! - `attr.source_not_reporter`: the event's source actor was the reporter, replaced by the
//!   actor of the reported clause ("police said rebels attacked": rebels did it), except in
//!   a statement the coder built from the report (rule `synth:*`: "the mayor said the
//!   militia must disarm" is the mayor's demand, aimed at the militia).
//!
//! - `attr.pronoun`: "…, he added": the pronoun stands for the source named in a report of the
//!   same or one of the two sentences before; with no such report it names nobody and is
//!   not recorded.

use sitrep_core::{Doc, Layer, Span, Stage, TokenKind};

/// Pipeline stage `attribute`: fills `Event::attribution`. Stateless: word lists are
/// `match` tables.
#[derive(Debug, Default)]
pub struct Attributor {}

impl Stage for Attributor {
    fn name(&self) -> &'static str {
        "attribute"
    }
    /// Reads actors too: a reporter that the coder took for the event's source is replaced.
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Actors, Layer::Events]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::EventAttribution]
    }
    fn run(&self, doc: &mut Doc) {
        attribute(doc);
    }
}

/// A reporting phrase: the source's span, the reporting word's span, and the text it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub source: Span,
    /// The reporting verb, or "according to".
    pub cue: Span,
    /// Byte range the report covers: its sentence, extended back to an opening quote.
    pub scope: Span,
    pub rule: &'static str,
}

fn reporting_verb(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "say" | "told" | "tells" | "reported" | "reports" | "announced" | "claimed" | "claims"
            | "stated" | "added" | "confirmed" | "confirms" | "insisted" | "alleged" | "warned" | "noted"
            | "explained" | "wrote" | "tweeted" | "posted"
    )
}

/// Verbs that are reporting only when no object follows ("claimed responsibility" and
/// "announced a ceasefire" are events, not reports).
fn needs_bare(w: &str) -> bool {
    matches!(w, "reported" | "reports" | "announced" | "claimed" | "claims" | "confirmed" | "confirms" | "alleged" | "posted" | "warned" | "noted")
}

fn time_word(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "yesterday" | "today"
            | "tonight" | "overnight" | "earlier" | "later" | "late" | "early" | "on" | "last" | "night" | "morning"
            | "afternoon" | "evening" | "this" | "week" | "separately" | "also"
    )
}

/// Rule of a report whose subject is a pronoun standing for the source named just before.
const PRONOUN_RULE: &str = "attr.pronoun";

/// How many sentences back the source a pronoun stands for may be named.
const PRONOUN_REACH: usize = 2;

/// Pronouns that stand for a named speaker ("he added", "it said in a statement").
fn personal_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "it" | "they")
}

fn pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i" | "you" | "who" | "which" | "that" | "this" | "one")
}

/// Words that end a subject phrase scanned backwards.
fn subject_stop(w: &str) -> bool {
    matches!(
        w,
        "and" | "but" | "while" | "as" | "when" | "after" | "before" | "because" | "although" | "though" | "that"
            | "which" | "whom" | "where" | "so" | "if" | "than" | "since"
    ) || reporting_verb(w)
}

/// Words around a verb that do not change its role ("also said", "later told").
fn adverb(w: &str) -> bool {
    matches!(w, "also" | "later" | "earlier" | "separately" | "has" | "have" | "had" | "reportedly" | "further" | "previously" | "then")
}

fn quote(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "«" | "»")
}

struct Sent<'a> {
    doc: &'a Doc,
    lo: usize,
    hi: usize,
}

impl<'a> Sent<'a> {
    fn w(&self, i: usize) -> &'a str {
        if i < self.lo || i >= self.hi {
            return "";
        }
        let t = self.doc.tokens[i];
        &self.doc.lower[t.span.start..t.span.end]
    }
    fn punct(&self, i: usize) -> bool {
        i >= self.lo && i < self.hi && self.doc.tokens[i].kind == TokenKind::Punct && !matches!(self.w(i), "-" | "'" | "’" | ".")
            || (i >= self.lo && i < self.hi && self.w(i) == "." && i + 1 == self.hi)
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.doc.tokens[a].span.start, self.doc.tokens[b - 1].span.end)
    }

    /// "according to X": X up to the clause end.
    fn according_to(&self, i: usize) -> Option<(Span, Span)> {
        if self.w(i) != "according" || self.w(i + 1) != "to" {
            return None;
        }
        let start = i + 2;
        let mut end = start;
        while end < self.hi && end < start + 16 && !self.punct(end) && !matches!(self.w(end), "that" | "which" | "who") {
            // "and" ends the phrase unless it joins a name ("the Agency for Development and
            // Cooperation").
            if self.w(end) == "and" && !self.doc.tokens.get(end + 1).is_some_and(|t| t.cap) {
                break;
            }
            end += 1;
        }
        (end > start && !pronoun(self.w(start))).then(|| (self.span(start, end), self.span(i, i + 2)))
    }

    /// Whether the verb at `v` is followed only by what a report may carry: nothing, a
    /// time, "in a statement", a hearer ("told reporters"), or "that".
    fn bare_after(&self, v: usize) -> bool {
        let mut k = v + 1;
        if matches!(self.w(v), "told" | "tells") {
            // the hearer: "told Reuters", "told reporters in Kabul"
            let mut n = 0;
            while k < self.hi && !self.punct(k) && !time_word(self.w(k)) && self.w(k) != "that" && n < 5 {
                k += 1;
                n += 1;
            }
        }
        let mut guard = 0;
        loop {
            guard += 1;
            if guard > 12 {
                return false;
            }
            let w = self.w(k);
            if k >= self.hi || self.punct(k) || w == "that" || quote(w) {
                return true;
            }
            if time_word(w) || matches!(w, "in" | "a" | "an" | "statement" | "report" | "interview" | "briefing" | "news" | "conference" | "press") {
                k += 1;
                continue;
            }
            // "on March 3" style dates
            if self.doc.tokens[k].kind == TokenKind::Number {
                k += 1;
                continue;
            }
            return false;
        }
    }

    /// The subject phrase ending right before `v` (after adverbs), skipping a ", citing X,"
    /// aside. Returns token range.
    fn subject_before(&self, v: usize) -> Option<(usize, usize)> {
        let mut end = v;
        while end > self.lo && adverb(self.w(end - 1)) {
            end -= 1;
        }
        // ", citing hospital sources, said" / ", quoting witnesses, said"
        if end > self.lo && self.w(end - 1) == "," {
            let mut k = end - 1;
            while k > self.lo && self.w(k - 1) != "," && k + 12 > end {
                k -= 1;
            }
            if k > self.lo && self.w(k - 1) == "," && matches!(self.w(k), "citing" | "quoting" | "referring") {
                end = k - 1;
            } else {
                return None;
            }
        }
        let mut start = end;
        while start > self.lo && start + 12 > end {
            let w = self.w(start - 1);
            if self.punct(start - 1) || quote(w) || subject_stop(w) {
                break;
            }
            // "near Kidal Sunday officials on both sides said": a capitalised time
            // word ends the subject.
            if time_word(w) && self.doc.tokens[start - 1].cap {
                break;
            }
            start -= 1;
        }
        if start == end || start + 12 <= end {
            return None;
        }
        // A lone pronoun is returned too: the caller decides whether it stands for a source.
        Some((start, end))
    }

    /// Reports in this sentence.
    fn reports(&self) -> Vec<(Span, Span, &'static str)> {
        let mut out = Vec::new();
        for i in self.lo..self.hi {
            if let Some((src, cue)) = self.according_to(i) {
                out.push((src, cue, "attr.according_to"));
                continue;
            }
            let w = self.w(i);
            if !reporting_verb(w) {
                continue;
            }
            let cue = self.span(i, i + 1);
            let prev = if i > self.lo { self.w(i - 1) } else { "" };
            // Inverted: "…,” said a spokesman for the army."
            if i > self.lo && (prev == "," || quote(prev)) && matches!(w, "said" | "says" | "added" | "told") {
                let start = i + 1;
                let mut end = start;
                while end < self.hi && end < start + 12 && !self.punct(end) && !time_word(self.w(end)) {
                    end += 1;
                }
                if end > start {
                    if !pronoun(self.w(start)) {
                        out.push((self.span(start, end), cue, "attr.inverted"));
                    }
                    continue;
                }
            }
            let bare = self.bare_after(i);
            if needs_bare(w) && !bare {
                continue;
            }
            let Some((s, e)) = self.subject_before(i) else { continue };
            if pronoun(self.w(s)) && e - s == 1 {
                // "…, he added": the speaker named just before; resolved in `find_reports`.
                if personal_pronoun(self.w(s)) && (bare || s == self.lo || (self.punct(s - 1) && self.w(s - 1) == ",")) {
                    out.push((self.span(s, e), cue, PRONOUN_RULE));
                }
                continue;
            }
            // A subject with a finite verb in it is a clause, not a source ("in what is").
            if (s..e).any(|k| matches!(self.w(k), "is" | "was" | "are" | "were" | "will" | "would" | "has" | "have" | "had")) {
                continue;
            }
            // Not at the end of its clause, the verb must open the sentence ("Police said
            // rebels attacked"), possibly after an introductory phrase and a comma.
            let opens = s == self.lo || (self.punct(s - 1) && self.w(s - 1) == ",");
            if !bare && !opens {
                continue;
            }
            let rule = if s == self.lo { "attr.subject_first" } else { "attr.subject_after" };
            out.push((self.span(s, e), cue, rule));
        }
        out
    }
}

/// Where the quotation that closes in sentence `si` opened, if in an earlier sentence.
fn quote_opening(doc: &Doc, si: usize) -> Option<usize> {
    let s = &doc.sentences[si];
    let toks = &doc.tokens[s.tokens.clone()];
    let is_q = |t: &sitrep_core::Token| matches!(t.span.of(&doc.article.text), "\"" | "“" | "”");
    let count = toks.iter().filter(|t| is_q(t)).count();
    let first_close = toks.iter().position(|t| t.span.of(&doc.article.text) == "”");
    let first_open = toks.iter().position(|t| t.span.of(&doc.article.text) == "“");
    let closes_early = match (first_close, first_open) {
        (Some(c), Some(o)) => c < o,
        (Some(_), None) => true,
        (None, _) => count % 2 == 1,
    };
    if !closes_early {
        return None;
    }
    let mut k = si;
    while k > 0 && si - k < 6 {
        k -= 1;
        let st = &doc.sentences[k];
        if doc.tokens[st.tokens.clone()].iter().any(is_q) {
            return Some(k);
        }
    }
    None
}

/// Every reporting phrase of `doc`.
/// A pronoun source ("he said") becomes the source named in the latest report of the same or
/// the previous [`PRONOUN_REACH`] sentences; with none there it is dropped, as it names nobody.
pub fn find_reports(doc: &Doc) -> Vec<Report> {
    let mut out = Vec::new();
    // (sentence, source) of the latest report with a named source.
    let mut named: Option<(usize, Span)> = None;
    for (si, s) in doc.sentences.iter().enumerate() {
        let view = Sent { doc, lo: s.tokens.start, hi: s.tokens.end };
        for (source, cue, rule) in view.reports() {
            let source = if rule == PRONOUN_RULE {
                match named.filter(|(ns, _)| si - ns <= PRONOUN_REACH) {
                    Some((_, antecedent)) => antecedent,
                    None => continue,
                }
            } else {
                named = Some((si, source));
                source
            };
            let mut scope = s.span;
            if let Some(open) = quote_opening(doc, si) {
                scope = doc.sentences[open].span.cover(scope);
            }
            out.push(Report { source, cue, scope, rule });
        }
    }
    out
}

/// How many reports before an event's trigger are considered for it.
const REPORT_WINDOW: usize = 32;

/// Set `Event::attribution` from the reporting phrases.
pub fn attribute(doc: &mut Doc) {
    let mut reports = find_reports(doc);
    if reports.is_empty() {
        return;
    }
    // Candidates for an event are the reports whose scope starts at or before its trigger;
    // only the nearest few can win, so each event looks at a bounded window (long texts
    // would otherwise cost events × reports).
    reports.sort_by_key(|r| r.scope.start);
    for ei in 0..doc.events.len() {
        let ev = &doc.events[ei];
        let sent = doc.sentences[ev.sentence].span;
        let trigger = ev.trigger;
        let upto = reports.partition_point(|r| r.scope.start <= trigger.start);
        let best = reports[upto.saturating_sub(REPORT_WINDOW)..upto]
            .iter()
            .filter(|r| r.scope.contains(trigger))
            .filter(|r| !r.cue.overlaps(trigger) && !r.source.overlaps(trigger))
            .min_by_key(|r| {
                let own = !sent.contains(r.cue);
                let d = if r.cue.start >= trigger.end { r.cue.start - trigger.end } else { trigger.start.saturating_sub(r.cue.end) };
                (own, d)
            });
        let Some(r) = best else { continue };
        let text = doc.slice(r.source).trim().to_string();
        let quoted = !sent.contains(r.cue);
        // The reporter is not the actor of what it reports.
        // A statement the coder built from the report itself ("X said Y must…", rule
        // `synth:*`) has the speaker as its source on purpose: keep it.
        let speaker_chosen = ev.rules.iter().any(|r| r.starts_with("synth:"));
        // "The army said it lost four soldiers": a pronoun opening the reported clause is the
        // reporter itself, so the reporter is also the actor.
        let reporter_acts = reported_subject_is_pronoun(&doc.lower, r.cue.end, trigger.start);
        let mut new_source = None;
        if let (Some(src), false, false) = (ev.source, speaker_chosen, reporter_acts) {
            if doc.actors.get(src).is_some_and(|a| r.source.contains(a.span)) {
                // Actors are in text order: look only at this sentence's.
                let lo = doc.actors.partition_point(|a| a.span.start < sent.start);
                let hi = doc.actors.partition_point(|a| a.span.start < sent.end);
                new_source = doc.actors[lo..hi.max(lo)]
                    .iter()
                    .enumerate()
                    .map(|(k, a)| (lo + k, a))
                    .filter(|(_, a)| a.sentence == ev.sentence && a.span.end <= trigger.start && !r.source.overlaps(a.span))
                    .filter(|(_, a)| a.span.start >= r.cue.end || r.cue.start >= trigger.end)
                    // the dead and wounded ("lost four soldiers") are never who acted
                    .filter(|(_, a)| !after_harm_word(&doc.lower, a.span.start))
                    .max_by_key(|(_, a)| a.span.start)
                    .map(|(i, _)| i);
            }
        }
        let rule = r.rule;
        let e = &mut doc.events[ei];
        e.attribution = Some(text);
        e.rules.push(rule.to_string());
        if quoted {
            e.rules.push("attr.quote".to_string());
        }
        if let Some(ns) = new_source {
            if e.target == Some(ns) {
                e.target = None;
            }
            e.source = Some(ns);
            e.rules.push("attr.source_not_reporter".to_string());
        }
        if doc.explain {
            let att = e.attribution.clone().unwrap_or_default();
            doc.trace("attribute", Some(trigger), || format!("{att} by {rule}"));
        }
    }
}

/// Whether the reported clause after the cue ends at `cue_end` opens with a personal pronoun
/// ("said it", "said that they"), before the trigger.
fn reported_subject_is_pronoun(lower: &str, cue_end: usize, trigger_start: usize) -> bool {
    if cue_end >= trigger_start || trigger_start > lower.len() {
        return false;
    }
    let mut words = lower[cue_end..trigger_start].split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty());
    let first = match words.next() {
        Some("that") => words.next(),
        w => w,
    };
    matches!(first, Some("it" | "they" | "we" | "he" | "she"))
}

/// Whether the word before `at` reports harm done to what follows ("lost", "killed").
fn after_harm_word(lower: &str, at: usize) -> bool {
    let before = lower[..at.min(lower.len())].trim_end();
    let word = before.rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    matches!(word, "lost" | "losing" | "killed" | "killing" | "wounded" | "wounding" | "injured" | "injuring")
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::{ActorKind, ActorMention, Event};

    /// Attribution of an event triggered by the first `trigger` in `text`.
    fn attribution(text: &str, trigger: &str) -> (Option<String>, Vec<String>) {
        let mut doc = sitrep_text::prepare(text);
        let at = text.find(trigger).expect("trigger");
        let s = doc.sentence_at(at).unwrap();
        doc.events.push(Event::new(s, Span::new(at, at + trigger.len()), "190"));
        attribute(&mut doc);
        (doc.events[0].attribution.clone(), doc.events[0].rules.clone())
    }

    #[test]
    fn attribution_table() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("Rebels shelled the town, according to officials.", "shelled", Some("officials")),
            (
                "A detainee died in a cell overnight, according to an autopsy report by a forensic doctor.",
                "died",
                Some("an autopsy report by a forensic doctor"),
            ),
            (
                "Twelve people were killed, the state news agency, citing hospital sources, said.",
                "killed",
                Some("the state news agency"),
            ),
            (
                "Troops stormed the camp, a spokesman for the army told reporters.",
                "stormed",
                Some("a spokesman for the army"),
            ),
            ("A spokesman for the army told Reuters that troops stormed the camp.", "stormed", Some("A spokesman for the army")),
            ("Gunmen attacked a convoy, police said.", "attacked", Some("police")),
            ("Gunmen attacked a convoy, police said on Tuesday.", "attacked", Some("police")),
            ("Police said on Tuesday that gunmen attacked a convoy.", "attacked", Some("Police")),
            ("Police said gunmen attacked a convoy.", "attacked", Some("Police")),
            ("Gunmen attacked a convoy, the UN refugee agency reported.", "attacked", Some("the UN refugee agency")),
            ("Gunmen attacked a convoy, the ministry announced.", "attacked", Some("the ministry")),
            ("Gunmen attacked a convoy, the group claimed.", "attacked", Some("the group")),
            ("Gunmen attacked a convoy, officials stated.", "attacked", Some("officials")),
            ("Gunmen attacked a convoy, the governor added.", "attacked", Some("the governor")),
            ("Gunmen attacked a convoy, said a spokesman for the police.", "attacked", Some("a spokesman for the police")),
            (
                "Fighters ambushed a border patrol near Kidal Sunday officials on both sides said.",
                "ambushed",
                Some("officials on both sides"),
            ),
            (
                "Insurgents shelled Malakal on Sunday, killing about 20 people, aid officials in Addis Ababa said.",
                "shelled",
                Some("aid officials in Addis Ababa"),
            ),
            ("Gunmen attacked a convoy, he said.", "attacked", None),
            // a pronoun stands for the speaker just named
            (
                "A bomb hit the market, a police officer said. Four people were hurt, he added.",
                "hurt",
                Some("a police officer"),
            ),
            (
                "Rebels shelled the base, the army said. It said in a statement that two soldiers died.",
                "died",
                Some("the army"),
            ),
            // ...but not one named three sentences before
            (
                "A bomb hit the market, a police officer said. Shops shut. Roads closed. Four people were hurt, he added.",
                "hurt",
                None,
            ),
            (
                "Medics treated the wounded after gunmen attacked a convoy, according to the Agency for Relief and Development.",
                "attacked",
                Some("the Agency for Relief and Development"),
            ),
            ("Rebels attacked a convoy in what was said to be revenge.", "attacked", None),
            ("Gunmen attacked a convoy on Friday.", "attacked", None),
            ("The group claimed responsibility after gunmen attacked a convoy.", "attacked", None),
            ("The ministry announced a curfew after gunmen attacked a convoy.", "attacked", None),
        ];
        for (text, trig, want) in cases {
            let (got, rules) = attribution(text, trig);
            assert_eq!(got.as_deref(), *want, "{text}: {rules:?}");
            if want.is_some() {
                assert!(rules.iter().any(|r| r.starts_with("attr.")), "{text}: {rules:?}");
            }
        }
    }

    #[test]
    fn quoted_earlier_sentence_gets_the_speaker() {
        let text = "“We stormed the base at dawn. We took the hill,” a rebel commander said.";
        let (got, rules) = attribution(text, "stormed");
        assert_eq!(got.as_deref(), Some("a rebel commander"));
        assert!(rules.contains(&"attr.quote".to_string()));
        // A sentence outside the quotation is not covered.
        let text = "Gunmen stormed the base. “We took the hill,” a rebel commander said.";
        assert_eq!(attribution(text, "stormed").0, None);
    }

    #[test]
    fn reporting_verb_is_not_its_own_attribution() {
        assert_eq!(attribution("Police said gunmen attacked a convoy.", "said").0, None);
    }

    #[test]
    fn reporter_is_not_the_actor() {
        let text = "Police said gunmen attacked a convoy.";
        let mut doc = sitrep_text::prepare(text);
        let actor = |start: usize, end: usize, name: &str| ActorMention {
            span: Span::new(start, end),
            head: Span::new(start, end),
            sentence: 0,
            kind: ActorKind::Agent,
            name: name.to_string(),
            code: String::new(),
            country: None,
            sector: None,
            acled_inter: None,
            refers_to: None,
            rules: vec![],
        };
        doc.actors.push(actor(0, 6, "police"));
        doc.actors.push(actor(12, 18, "gunmen"));
        let mut e = Event::new(0, Span::new(19, 27), "190");
        e.source = Some(0);
        doc.events.push(e);
        attribute(&mut doc);
        assert_eq!(doc.events[0].source, Some(1));
        assert!(doc.events[0].rules.contains(&"attr.source_not_reporter".to_string()));
    }

    #[test]
    fn a_speaker_the_coder_chose_stays_the_source() {
        let text = "The mayor said the militia must disarm.";
        // (rules the event carries, expected source, expected target)
        let table: &[(&[&str], Option<usize>, Option<usize>)] = &[
            // "X said Y must…": the coder's demand is the mayor's, of the militia
            (&["synth:request", "lex:disarm"], Some(0), Some(1)),
            // an event of the reported clause itself is the militia's own
            (&["lex:disarm"], Some(1), None),
        ];
        for (rules, want_source, want_target) in table {
            let mut doc = sitrep_text::prepare(text);
            let actor = |start: usize, end: usize| ActorMention {
                span: Span::new(start, end),
                head: Span::new(start, end),
                sentence: 0,
                kind: ActorKind::Agent,
                name: text[start..end].to_string(),
                code: String::new(),
                country: None,
                sector: None,
                acled_inter: None,
                refers_to: None,
                rules: vec![],
            };
            doc.actors.push(actor(0, 9));
            doc.actors.push(actor(15, 26));
            let at = text.find("must disarm").unwrap();
            let mut e = Event::new(0, Span::new(at, at + "must disarm".len()), "1041");
            e.source = Some(0);
            e.target = Some(1);
            e.rules = rules.iter().map(|r| r.to_string()).collect();
            doc.events.push(e);
            attribute(&mut doc);
            let ev = &doc.events[0];
            assert_eq!(ev.attribution.as_deref(), Some("The mayor"), "{rules:?}");
            assert_eq!((ev.source, ev.target), (*want_source, *want_target), "{rules:?}");
        }
    }

    #[test]
    fn a_reporter_speaking_of_itself_stays_the_source() {
        // (text, actor spans as phrases, trigger, expected source phrase)
        let cases: &[(&str, &[&str], &str, &str)] = &[
            // "said it": the army reports its own act; the dead soldiers did nothing
            ("The army said it lost four soldiers and killed twenty rebels.", &["The army", "four soldiers", "twenty rebels"], "killed", "The army"),
            // "said it and …": the reporter is among those who acted
            ("The army said it and allied militias attacked the rebel camps.", &["The army", "allied militias", "the rebel camps"], "attacked", "The army"),
            // no pronoun: the actor of the reported clause did it
            ("The army said rebels killed four soldiers.", &["The army", "rebels", "four soldiers"], "killed", "rebels"),
        ];
        for (text, phrases, trigger, want) in cases {
            let mut doc = sitrep_text::prepare(text);
            for p in *phrases {
                let at = text.find(p).unwrap();
                doc.actors.push(ActorMention {
                    span: Span::new(at, at + p.len()),
                    head: Span::new(at, at + p.len()),
                    sentence: 0,
                    kind: ActorKind::Agent,
                    name: p.to_string(),
                    code: String::new(),
                    country: None,
                    sector: None,
                    acled_inter: None,
                    refers_to: None,
                    rules: vec![],
                });
            }
            let at = text.find(trigger).unwrap();
            let mut e = Event::new(0, Span::new(at, at + trigger.len()), "190");
            e.source = Some(0);
            doc.events.push(e);
            attribute(&mut doc);
            let src = doc.events[0].source.map(|i| doc.slice(doc.actors[i].span).to_string());
            assert_eq!(src.as_deref(), Some(*want), "{text}");
        }
    }
}
