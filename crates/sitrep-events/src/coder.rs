//! The `code_events` stage: triggers → events with code, roles, modality and time frame.
//!
//! Per sentence: find triggers (longest match), decide verb or noun reading, link statements
//! to the actions they concern ("agreed to *release*"), fold nouns into the verb they belong
//! to ("killed in an *air strike*"), assign source and target (roles.rs), modality
//! (modality.rs), and emit one `Event` per remaining trigger.

use crate::analysis::{Boundary, Sent};
use crate::embed::{self, embed};
use crate::inflect::Form;
use crate::lexicon::{Alternatives, Complement, Lexicon, Side};
use crate::matcher::{Hit, Matcher};
use crate::modality;
use crate::roles;
use crate::words::{self, WordClasses};
use sitrep_core::{Doc, Event, Layer, Modality, Span, Stage};

/// Pipeline stage `code_events`.
#[derive(Debug, Default)]
pub struct EventCoder {
    pub(crate) lex: Lexicon,
    matcher: Matcher,
    pub(crate) wc: WordClasses,
}

/// A trigger being coded.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub hit: Hit,
    pub nominal: bool,
    pub code: String,
    pub rules: Vec<String>,
    /// This trigger is the action a statement concerns: index of the statement.
    pub governor: Option<usize>,
    /// This statement concerns that action.
    pub governed: Option<usize>,
    pub complement: Option<Complement>,
    pub emit: bool,
    pub passive: bool,
    /// Indices into `Sent::actors`.
    pub source: Option<usize>,
    pub target: Option<usize>,
    /// Source/target copied from an earlier event (doc actor indices).
    pub inherited: Option<(Option<usize>, Option<usize>)>,
    pub modality: Modality,
    /// The statement the speaker makes about this action now ("will release": intent;
    /// "must release": demand; "will not accept": refusal), with its marker token.
    pub statement: Option<(Complement, usize)>,
    pub refined: bool,
    /// A verb whose subject is a definite event noun ("*The strike* hit a house"): the
    /// position of that noun, whose determiner makes the verb continue an earlier event.
    pub event_subject: Option<usize>,
    /// The subject receives what the actor after "from" gives (lexicon `role = "recipient"`).
    pub recipient: bool,
    /// An attack that someone claimed (the claim verb's token): "claimed *the bombing*",
    /// "claimed responsibility for the attack, which *killed* five". The attack happened and
    /// stays an event of its own; only who did it is claimed, by the 015 event.
    pub claimed_by: Option<usize>,
}

impl EventCoder {
    pub fn new(lexicon: Lexicon) -> Self {
        let matcher = Matcher::new(&lexicon);
        EventCoder { lex: lexicon, matcher, wc: WordClasses::default() }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Find the triggers of one sentence.
    pub(crate) fn triggers(&self, s: &Sent) -> Vec<Cand> {
        let mut out = Vec::new();
        let n = s.len();
        let mut i = 0;
        while i < n {
            if !s.is_word(i) || s.flags[i] & (words::DET | words::BE | words::PRONOUN) != 0 {
                i += 1;
                continue;
            }
            // a preposition starts only a phrase ("on high alert"), never a one-word trigger
            let prep = s.flags[i] & words::PREP != 0;
            let mut max_len = usize::MAX;
            let mut found = None;
            while found.is_none() {
                let mut hits: [Option<Hit>; 6] = [None; 6];
                let mut k = 0;
                let mut len = 0;
                self.matcher.each_at_most(&self.lex, &s.words, i, max_len, |h| {
                    len = h.end - h.start;
                    if k < hits.len() && !(prep && h.end - h.start < 2) {
                        hits[k] = Some(h);
                        k += 1;
                    }
                });
                if len == 0 {
                    break;
                }
                max_len = len - 1;
                if k == 0 {
                    continue;
                }
                let entry = |h: &Hit| &self.lex.entries[h.entry as usize];
                let is_noun = |h: &Hit| entry(h).nominal;
                let first_verb = hits[..k].iter().flatten().find(|h| !is_noun(h)).copied();
                let noun_ctx = first_verb.map(|h| self.reads_as_noun(s, h)).unwrap_or(true);
                // verb readings in a verb context, noun readings in a noun context; a verb
                // entry never reads as a noun ("the charge", "his vow")
                let order = hits[..k].iter().flatten().copied().filter(|h| is_noun(h) == noun_ctx);
                found = order.into_iter().find_map(|h| self.accept(s, h, noun_ctx, false));
            }
            if let Some(c) = found {
                let end = c.hit.end;
                out.push(c);
                i = end;
                continue;
            }
            i += 1;
        }
        out
    }

    /// With `any_prev`, the entry's `not_prev` exclusions are not applied (an attack noun
    /// named as what was claimed: "claimed *the* bombing").
    fn accept(&self, s: &Sent, hit: Hit, noun_ctx: bool, any_prev: bool) -> Option<Cand> {
        let e = &self.lex.entries[hit.entry as usize];
        let after = &s.words[hit.end..];
        let before = &s.words[..hit.start];
        let starts = |seq: &Vec<Box<str>>| seq.len() <= after.len() && seq.iter().zip(after).all(|(a, b)| **a == **b);
        let ends = |seq: &Vec<Box<str>>| seq.len() <= before.len() && seq.iter().rev().zip(before.iter().rev()).all(|(a, b)| **a == **b);
        // a day word may sit between the trigger and what must follow it ("its demand
        // *today* that…", "under pressure *yesterday* from…")
        let after_day = match after.first() {
            Some(w) if words::is_day_word(w) => &after[1..],
            _ => after,
        };
        let starts_after_day = |seq: &Vec<Box<str>>| seq.len() <= after_day.len() && seq.iter().zip(after_day).all(|(a, b)| **a == **b);
        if !e.next.is_empty() && !e.next.iter().any(|q| starts(q) || starts_after_day(q)) {
            return None;
        }
        // a phrase of three words or more ("carried out attacks") is unambiguous: the
        // exclusions guard its single words ("strike a deal", "hit in the polls")
        let phrase = hit.end - hit.start >= 3;
        if !phrase && e.not_next.iter().any(starts) || !any_prev && e.not_prev.iter().any(ends) {
            return None;
        }
        // `prev` marks a passive: only the participle follows the auxiliary ("was blown
        // up", never "was blowing up")
        if !e.prev.is_empty() && (!e.prev.iter().any(ends) || !matches!(hit.form, Form::PastOrParticiple | Form::Participle)) {
            return None;
        }
        if e.object_actor {
            let mut k = hit.end;
            if k < s.len() && s.has(k, words::DET) && s.actor_at[k] < 0 {
                k += 1;
            }
            if k >= s.len() || s.actor_at[k] < 0 {
                return None;
            }
        }
        // a trigger never starts inside an actor ("the Attack Brigade"); a phrase may run on
        // into one ("recalled *its ambassador*", "fired on *protesters*") when it says more
        // than its first word: roles then look inside it for a missing target
        // …nor in one, unless the actor is a modifier inside an event noun phrase ("*military*
        // exercises", "*police* crackdown"), wrongly read as an actor on its own
        let inner_modifier = e.nominal && {
            let a = s.actor_at[hit.start];
            a >= 0 && s.actors[a as usize].start == hit.start && s.actors[a as usize].end < hit.end
        };
        if !inner_modifier && (s.actor_at[hit.start] >= 0 || hit.end - hit.start < 3 && (hit.start..hit.end).any(|k| s.actor_at[k] >= 0)) {
            return None;
        }
        // a capitalised word inside a name ("Operation Desert Storm", "Freedom Party")
        if !s.headline && hit.start > 0 && s.cap[hit.start] {
            let prev_cap = s.is_word(hit.start - 1) && s.cap[hit.start - 1] && hit.start > 1;
            let next_cap = hit.end < s.len() && s.is_word(hit.end) && s.cap[hit.end];
            if prev_cap || next_cap {
                return None;
            }
        }
        let nominal = e.nominal || noun_ctx;
        let mut code = e.code.clone();
        let mut rules = vec![e.id.clone()];
        let mut refined = false;
        if !e.refine.is_empty() {
            let clause = s.clause_of(hit.start);
            let after_end = clause.end.max(hit.end).min(hit.end + 12);
            // a participle opening its clause ("the bus overturned, *killing* eleven") takes
            // its cause from the clause before it
            let opens_clause = hit.form == Form::Gerund && hit.start <= clause.start + 1;
            let floor = if opens_clause { s.clause_of(clause.start.saturating_sub(2)).start } else { clause.start };
            let before_start = floor.max(hit.start.saturating_sub(8)).min(hit.start);
            let mut best: Option<(usize, usize)> = None;
            for (ri, r) in e.refine.iter().enumerate() {
                // an object refinement reads only up to the first preposition
                let object_end = if r.object { (hit.end..after_end).find(|&k| s.has(k, words::PREP)).unwrap_or(after_end) } else { after_end };
                let window = match r.side {
                    Side::After => &s.words[hit.end..object_end],
                    Side::Before => &s.words[before_start..hit.start],
                };
                if best.is_some_and(|(n, _)| n >= r.elems.len()) {
                    continue;
                }
                if elems_match(window, &r.elems) {
                    best = Some((r.elems.len(), ri));
                }
            }
            if let Some((_, ri)) = best {
                let r = &e.refine[ri];
                code = r.code.clone();
                rules.push(r.id.clone());
                refined = true;
            }
        }
        // "seized Kidal": property is confiscated, a named place is occupied
        if !refined && !nominal && code.as_deref() == Some("1711") && place_object(s, hit.end) {
            code = Some("192".into());
            rules.push("refine:place-object".into());
            refined = true;
        }
        let code = code?;
        if e.aid_to_actor && !self.aid_given(s, hit, refined) {
            return None;
        }
        Some(Cand {
            hit,
            nominal,
            code,
            rules,
            governor: None,
            governed: None,
            complement: None,
            emit: true,
            passive: false,
            source: None,
            target: None,
            inherited: None,
            modality: Modality::Asserted,
            statement: None,
            refined,
            event_subject: None,
            recipient: e.recipient,
            claimed_by: None,
        })
    }

    /// For help verbs (`aid_to_actor`): help is aid only when an actor gives it and the
    /// helped party is not merely enabled to do something. "The storm helped the rebels
    /// advance" has no giver; "the pact would help both sides cut costs" makes possible an
    /// act of the helped party. A refinement naming the aid ("helped the refugees",
    /// "helped them militarily") keeps the aid reading despite a following verb.
    fn aid_given(&self, s: &Sent, hit: Hit, refined: bool) -> bool {
        let clause = s.clause_of(hit.start);
        let infinitive = hit.start > 0 && s.words[hit.start - 1] == "to";
        let from = if infinitive { 0 } else { clause.start };
        // the giver: an actor before the trigger that is not the object of a preposition
        // ("the deal *between* the two states would help…")
        let giver = s.actors.iter().any(|a| {
            if a.start < from || a.end > hit.start {
                return false;
            }
            let mut p = a.start;
            while p > 0 && s.has(p - 1, words::DET) {
                p -= 1;
            }
            p == 0 || !s.has(p - 1, words::PREP | words::COORD)
        });
        if !giver {
            return false;
        }
        if refined {
            return true;
        }
        // the helped party: the actor right after the trigger (checked by `object_actor`)
        let mut k = hit.end;
        if k < s.len() && s.has(k, words::DET) && s.actor_at[k] < 0 {
            k += 1;
        }
        let Some(obj) = s.actor_at.get(k).copied().filter(|&a| a >= 0) else { return true };
        let j = s.actors[obj as usize].end;
        if j >= s.len() || !s.is_word(j) {
            return true;
        }
        let w = s.words[j];
        if w == "to" {
            // "helped the rebels to advance": a verb after "to"; a place or a name after it
            // is where the help took them
            return j + 1 >= s.len() || !s.is_word(j + 1) || s.actor_at[j + 1] >= 0 || s.cap[j + 1] || s.has(j + 1, words::DET);
        }
        let function_word = s.has(
            j,
            words::PREP | words::COORD | words::SUBORD | words::REL | words::DET | words::BE | words::HAVE | words::FUTURE | words::MAYBE | words::ADVERB | words::PAST_TIME | words::REPORT,
        );
        // a bare verb right after the helped party ("helped the rebels advance"); a word
        // with a noun ending is what they were given ("helped the exiles asylum")
        const NOUN_ENDINGS: [&str; 11] = ["ion", "ment", "ness", "ity", "ance", "ence", "ship", "um", "ism", "hood", "ies"];
        let noun_like = NOUN_ENDINGS.iter().any(|n| w.ends_with(n));
        function_word || noun_like || s.cap[j] || w.ends_with("ly") || words::is_day_word(w) || w.ends_with("ed") || s.kinds[j] != sitrep_core::TokenKind::Word
    }

    /// A verb form that reads as a noun in context: "the attack", "two attacks",
    /// "the shelling of", "attacks on".
    fn reads_as_noun(&self, s: &Sent, hit: Hit) -> bool {
        let i = hit.start;
        // a verb phrase opened by a preposition ("under pressure from") is predicative
        if hit.end - hit.start > 1 && s.has(i, words::PREP) {
            return false;
        }
        let next = s.words.get(hit.end).copied().unwrap_or("");
        let prev_flags = if i > 0 { s.flags[i - 1] } else { 0 };
        let after_det = prev_flags & (words::DET | words::ADJ) != 0
            || i > 0 && (s.words[i - 1].ends_with("'s") || s.words[i - 1].ends_with("’s") || s.kinds[i - 1] == sitrep_core::TokenKind::Number);
        match hit.form {
            // "the detained activist": a participle between a determiner and a noun is an adjective
            // …or after a modifier ("new *targeted* sanctions", "two *detained* activists")
            Form::PastOrParticiple | Form::Participle => {
                // "the ambush *that killed*…": a relative "that" before a past form opens a
                // clause, it does not determine an adjective
                let modifier_before = prev_flags & words::DET != 0 && s.words[i - 1] != "that"
                    || prev_flags & words::ADJ != 0
                        && !matches!(s.words[i - 1], "first" | "second" | "third")
                        && i >= 2
                        && (s.has(i - 2, words::DET | words::ADJ) || words::is_finite_verb(s.flags[i - 2], s.words[i - 2]));
                modifier_before && s.words.get(hit.end).is_some_and(|_| !s.has(hit.end, words::PREP))
            }
            // "argued that *scrapping* the quota…": "that" opens a clause, it does not
            // determine the gerund
            // a gerund phrase with its own preposition after another preposition is verbal
            // ("aimed at *pushing for* a ceasefire")
            Form::Gerund if hit.end - hit.start > 1 && prev_flags & words::PREP != 0 && s.has(hit.end - 1, words::PREP) => false,
            Form::Gerund => after_det && s.words[i - 1] != "that" || next == "of" || prev_flags & words::PREP != 0 && next != "the" && !s.starts_actor_at(hit.end),
            Form::Base | Form::ThirdPerson => {
                if after_det {
                    return true;
                }
                // "ordered *patrols*", "condemned *attacks*": an -s form right after a finite
                // verb is its plural object, never a second verb
                if hit.form == Form::ThirdPerson && i > 0 {
                    let (pw, pf) = (s.words[i - 1], prev_flags);
                    if pf & (words::BE | words::HAVE | words::FUTURE | words::MAYBE) == 0 && s.actor_at[i - 1] < 0 && (pf & (words::VERB | words::REPORT) != 0 || pw.len() >= 5 && pw.ends_with("ed")) {
                        return true;
                    }
                }
                if i > 0 && s.words[i - 1] == "to" {
                    // an infinitive ("refused to release"), not "to attacks"
                    return hit.form == Form::ThirdPerson;
                }
                if hit.form == Form::Base && i > 0 {
                    // a bare verb needs a verbal context: a subject, an auxiliary, a
                    // conjunction; after another noun it heads a compound ("heart attack")
                    let p = s.words[i - 1];
                    let verbal = s.actor_at[i - 1] >= 0
                        || prev_flags & (words::PRONOUN | words::FUTURE | words::MAYBE | words::NEG | words::ADVERB | words::COORD | words::REL) != 0
                        || matches!(p, "did" | "do" | "does" | "," | "\"" | "“" | "”" | ":" | "—" | "-")
                        || s.kinds[i - 1] != sitrep_core::TokenKind::Word && p != "'s";
                    if !verbal {
                        return true;
                    }
                }
                if i == 0 || prev_flags & words::PREP != 0 {
                    return i == 0 && s.has(hit.end, words::PREP) || prev_flags & words::PREP != 0;
                }
                // "an Israeli attack on": modifier actor after a determiner
                if s.actor_at[i - 1] >= 0 {
                    let a = s.actors[s.actor_at[i - 1] as usize];
                    // "the Palestinians *reject*", "the rebels *attack*": a plural head is a
                    // subject, not a modifier
                    let last = s.words[a.end - 1];
                    if hit.form == Form::Base && last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("'s") && a.end == i {
                        return false;
                    }
                    // "that" before a name opens a clause ("demanded that Israel *ease*…"), it
                    // does not determine a noun phrase
                    // a verb phrase right after a named actor is its predicate ("the envoy
                    // *had lunch with*")
                    if hit.end - hit.start > 1 && a.end == i {
                        return false;
                    }
                    let det_before = a.start > 0 && s.has(a.start - 1, words::DET) && s.words[a.start - 1] != "that";
                    let determined = det_before || hit.form == Form::Base && s.has(a.start, words::DET) && a.end - a.start > 1;
                    // …a single word: a verb phrase after its subject stays a verb ("the
                    // minister *faces pressure* from")
                    return determined || hit.end - hit.start == 1 && s.has(hit.end, words::PREP) && !matches!(next, "to" | "that");
                }
                false
            }
            _ => false,
        }
    }

    /// Link statements to the actions they concern ("agreed to release", "urged X to
    /// withdraw", "denied attacking", "called for a ceasefire", "warned that it would strike").
    fn link_complements(&self, s: &Sent, cands: &mut [Cand]) {
        for g in 0..cands.len() {
            let kind = {
                let e = &self.lex.entries[cands[g].hit.entry as usize];
                e.complement.or_else(|| Complement::for_code(&cands[g].code))
            };
            let Some(kind) = kind else { continue };
            let Some(t) = (g + 1..cands.len()).next() else { continue };
            // a claimed attack happened: it is not an action the claim only reports
            if cands[t].governor.is_some() || cands[t].claimed_by.is_some() {
                continue;
            }
            let (gh, th) = (cands[g].hit, cands[t].hit);
            if th.start - gh.end > 10 {
                continue;
            }
            let between = gh.end..th.start;
            // no clause punctuation in between, except the boundary of a "that" clause; an
            // acronym in brackets is part of a name ("let the Red Crescent Society (RCS) reach…")
            let crosses = between.clone().any(|k| s.kinds[k] == sitrep_core::TokenKind::Punct && !matches!(s.words[k], "(" | ")"));
            if crosses {
                continue;
            }
            let gc = s.clause[gh.start];
            let tc = s.clause[th.start];
            let same_or_that = gc == tc || (tc == gc + 1 && s.clauses[tc as usize].kind == Boundary::Report);
            if !same_or_that {
                continue;
            }
            let prev = s.words[th.start - 1];
            let prev2 = if th.start >= 2 { s.words[th.start - 2] } else { "" };
            let infinitive = prev == "to" || (prev2 == "to" && s.has(th.start - 1, words::ADVERB));
            // "accused X of (deliberately) targeting", "denied (ever) attacking"
            let mut p = th.start;
            while p > gh.end && (s.has(p - 1, words::ADVERB | words::NEG) || s.words[p - 1].ends_with("ly")) {
                p -= 1;
            }
            let prep = if p > 0 { s.words[p - 1] } else { "" };
            let gerund = th.form == Form::Gerund && (p == gh.end || matches!(prep, "of" | "from" | "for" | "about"));
            let noun_object = cands[t].nominal
                && th.start - gh.end <= 5
                && between.clone().all(|k| s.has(k, words::DET | words::ADJ) || matches!(s.words[k], "for" | "of" | "to" | "on"));
            // "its demand that Israel ease…": a noun's "that" clause opens no boundary; a day
            // word may come first ("its demand today that…")
            let day_then_that = s.words.get(gh.end).is_some_and(|w| words::is_day_word(w)) && s.words.get(gh.end + 1) == Some(&"that");
            let that_clause = gc != tc || s.words.get(gh.end) == Some(&"that") || day_then_that;
            if infinitive || gerund || noun_object || that_clause {
                // vowing or pledging violence is a threat, not an intent to cooperate
                // an offer of troops is help offered ("offered to send troops to help…"), not
                // a threat; vowing or pledging them may be
                let offer = matches!(s.words[gh.start], "offer" | "offers" | "offered" | "offering" | "volunteer" | "volunteers" | "volunteered");
                if kind == Complement::Intent && offer && cands[t].code.starts_with("15") {
                    cands[t].governor = Some(g);
                    cands[g].governed = Some(t);
                    cands[g].complement = Some(kind);
                    cands[g].code = "0332".into();
                    cands[g].rules.push("embed:offer-troops".into());
                    continue;
                }
                let kind = match (kind, embed::future_statement(&cands[t].code)) {
                    (Complement::Intent, Some(Complement::Threaten)) => {
                        if cands[g].code.starts_with("03") {
                            cands[g].code = "130".into();
                        }
                        Complement::Threaten
                    }
                    (k, _) => k,
                };
                cands[t].governor = Some(g);
                cands[g].governed = Some(t);
                cands[g].complement = Some(kind);
                // the action itself says more than words matched around the statement,
                // except for accusations, whose lexicon codes name the charge
                // "ordered the release of…": an order whose object is the act itself is the
                // authority acting, as with arrests; "ordered X to release" stays a demand
                if kind == Complement::Order && noun_object && !infinitive && cands[t].code.starts_with("08") {
                    cands[g].code = cands[t].code.clone();
                    cands[g].rules.push("embed:order".into());
                    continue;
                }
                if embed::is_generic(&cands[g].code) || kind != Complement::Accuse {
                    if let Some(c) = embed(kind, &cands[t].code) {
                        cands[g].code = appeal_or_demand(&cands[g].code, c);
                        cands[g].rules.push(format!("embed:{}", complement_name(kind)));
                    }
                }
            }
        }
    }

    /// "*Reopening* the mine is out of the question": a statement predicated of a gerund subject
    /// ("is out of the question", lexicon entries with a complement after "is") concerns the
    /// act that subject names.
    fn link_subject_gerunds(&self, s: &Sent, cands: &mut [Cand]) {
        for g in 1..cands.len() {
            let e = &self.lex.entries[cands[g].hit.entry as usize];
            let Some(kind) = e.complement else { continue };
            let gh = cands[g].hit;
            let mut b = gh.start;
            // "is plainly out of the question"
            while b > 0 && (s.has(b - 1, words::ADVERB) || s.words[b - 1].ends_with("ly")) {
                b -= 1;
            }
            if !e.nominal || b == 0 || !s.has(b - 1, words::BE) || cands[g].governed.is_some() {
                continue;
            }
            let Some(t) = (0..g).rev().find(|&t| cands[t].hit.form == Form::Gerund && cands[t].governor.is_none()) else { continue };
            if s.clause[cands[t].hit.start] != s.clause[gh.start] || gh.start - cands[t].hit.end > 10 {
                continue;
            }
            cands[t].governor = Some(g);
            cands[g].governed = Some(t);
            cands[g].complement = Some(kind);
            if let Some(c) = embed(kind, &cands[t].code) {
                cands[g].code = c;
                cands[g].rules.push(format!("embed:{}", complement_name(kind)));
            }
        }
    }

    /// "X alleged that Y had shelled the town and killed ten": every act reported inside the
    /// that-clause of an accusation (and the clauses coordinated with it) is the charge, not
    /// an asserted event; the accusation takes its code from the first hostile one. A
    /// statement verb that accuses only about hostile acts ("claimed that") keeps its neutral
    /// code otherwise.
    fn accusation_scope(&self, s: &Sent, cands: &mut [Cand]) {
        for g in 0..cands.len() {
            let e = &self.lex.entries[cands[g].hit.entry as usize];
            let kind = e.complement.or_else(|| Complement::for_code(&cands[g].code));
            if cands[g].nominal || kind != Some(Complement::Accuse) || cands[g].governor.is_some() {
                continue;
            }
            let neutral = e.neutral_code.clone();
            let gc = s.clause[cands[g].hit.start] as usize;
            let opens_that = s.clauses.get(gc + 1).is_some_and(|c| c.kind == Boundary::Report && c.start <= cands[g].hit.end + 1);
            if opens_that {
                // the clauses the charge runs over: coordinated and comma clauses, relative and
                // subordinate ones inside them; a "but" or a new sentence part ends it
                let mut end_tok = s.clauses[gc + 1].end;
                for cl in &s.clauses[gc + 2..] {
                    let but = cl.start > 0 && s.words[cl.start - 1] == "but";
                    if but || !matches!(cl.kind, Boundary::Coord | Boundary::Comma | Boundary::Rel | Boundary::Subord | Boundary::Report) {
                        break;
                    }
                    end_tok = cl.end;
                }
                let in_scope = |t: usize| cands[t].hit.start < end_tok && cands[t].governor.is_none_or(|x| x == g);
                // a claim about nothing hostile is a plain statement: its clause reports as usual
                let hostile_in_scope = (g + 1..cands.len()).any(|t| in_scope(t) && cands[t].code.get(..2).is_some_and(|r| r >= "11"));
                if neutral.is_some() && !hostile_in_scope {
                    cands[g].code = neutral.clone().unwrap_or_default();
                    cands[g].rules.push("accuse:neutral".into());
                    if let Some(t) = cands[g].governed.take() {
                        cands[t].governor = None;
                    }
                    cands[g].complement = None;
                    continue;
                }
                for t in g + 1..cands.len() {
                    if cands[t].hit.start >= end_tok {
                        break;
                    }
                    if cands[t].governor.is_none() {
                        cands[t].governor = Some(g);
                        cands[t].rules.push("scope:accusation".into());
                        if cands[g].governed.is_none() {
                            cands[g].governed = Some(t);
                        }
                    }
                }
                cands[g].complement = Some(Complement::Accuse);
            }
            let hostile = |c: &str| c.get(..2).is_some_and(|r| r >= "11");
            let charge = (g + 1..cands.len()).find(|&t| cands[t].governor == Some(g) && hostile(&cands[t].code));
            match (charge, neutral) {
                (Some(t), _) => {
                    if embed::is_generic(&cands[g].code) {
                        if let Some(c) = embed(Complement::Accuse, &cands[t].code) {
                            cands[g].code = c;
                            cands[g].rules.push("embed:accuse".into());
                        }
                    }
                }
                (None, Some(n)) => {
                    cands[g].code = n;
                    cands[g].rules.push("accuse:neutral".into());
                }
                (None, None) => {}
            }
        }
    }

    /// "Al-Shabaab claimed the bombing, which killed five people", "claimed responsibility for
    /// the attack", "no one has claimed the bombing": the attack claimed happened, so it is an
    /// event of its own (a definite noun included, which elsewhere only refers back), and
    /// so is the act of a relative clause describing it. Marks them with `claimed_by`, adding
    /// the attack noun as a trigger when the lexicon's context rules passed over it.
    fn claimed_acts(&self, s: &Sent, cands: &mut Vec<Cand>) {
        let violent = |c: &str| matches!(c.get(..2), Some("18" | "19" | "20"));
        for i in 0..s.len() {
            let claim_cand = cands.iter().position(|c| c.hit.start == i && matches!(c.rules[0].as_str(), "lex:claim-act" | "lex:claim-responsibility"));
            let mut k = match claim_cand {
                Some(ci) => cands[ci].hit.end,
                None => {
                    let verb = matches!(s.words[i], "claim" | "claims" | "claimed" | "claiming") && s.actor_at[i] < 0 && !(i > 0 && s.has(i - 1, words::DET));
                    if !verb {
                        continue;
                    }
                    let mut k = i + 1;
                    if s.words.get(k).is_some_and(|w| matches!(*w, "responsibility" | "credit")) {
                        k += 1;
                    }
                    if s.words.get(k) == Some(&"for") {
                        k += 1;
                    }
                    k
                }
            };
            let limit = (k + 4).min(s.len());
            while k < limit && (s.has(k, words::DET | words::ADJ) || s.kinds[k] == sitrep_core::TokenKind::Number || matches!(s.words[k], "'s" | "’s")) && s.actor_at[k] < 0 {
                k += 1;
            }
            if k >= s.len() {
                continue;
            }
            let noun_end = if let Some(ci) = cands.iter().position(|c| c.hit.start <= k && k < c.hit.end) {
                if !(cands[ci].nominal && violent(&cands[ci].code)) {
                    continue;
                }
                cands[ci].claimed_by = Some(i);
                cands[ci].rules.push("claim:claimed-act".into());
                cands[ci].hit.end
            } else {
                let mut best: Option<Cand> = None;
                self.matcher.each_at_most(&self.lex, &s.words, k, usize::MAX, |h| {
                    if !self.lex.entries[h.entry as usize].nominal || best.as_ref().is_some_and(|b| b.hit.end >= h.end) {
                        return;
                    }
                    if let Some(c) = self.accept(s, h, true, true).filter(|c| violent(&c.code)) {
                        best = Some(c);
                    }
                });
                let Some(mut c) = best else { continue };
                // a shorter noun reading inside it gives way ("the grenade *attack*")
                let overlaps = |o: &Cand| o.hit.start < c.hit.end && c.hit.start < o.hit.end;
                let inside = |o: &Cand| o.nominal && o.hit.start >= c.hit.start && o.hit.end <= c.hit.end;
                if cands.iter().any(|o| overlaps(o) && !inside(o)) {
                    continue;
                }
                cands.retain(|o| !overlaps(o));
                c.claimed_by = Some(i);
                c.rules.push("claim:claimed-act".into());
                let end = c.hit.end;
                let at = cands.partition_point(|o| o.hit.start < c.hit.start);
                cands.insert(at, c);
                end
            };
            // "…the bombing, which killed five people": the relative clause tells what the
            // claimed attack did
            let mut r = noun_end;
            if s.words.get(r) == Some(&",") {
                r += 1;
            }
            if r < s.len() && matches!(s.words[r], "which" | "that") && s.clause_of(r).kind == Boundary::Rel && s.clause_of(r).start == r {
                let clause = s.clause[r];
                for c in cands.iter_mut().filter(|c| !c.nominal && s.clause[c.hit.start] == clause && violent(&c.code)) {
                    c.claimed_by = Some(i);
                    c.rules.push("claim:claimed-act".into());
                }
            }
        }
    }

    /// "X claimed that it had carried out the attack": a claim about one's own hostile act
    /// claims responsibility (015) rather than accusing anyone.
    fn self_claims(&self, s: &Sent, cands: &mut [Cand]) {
        for g in 0..cands.len() {
            if self.lex.entries[cands[g].hit.entry as usize].neutral_code.is_none() || !cands[g].code.starts_with("11") {
                continue;
            }
            let Some(t) = cands[g].governed else { continue };
            let idx = |a: Option<usize>| a.map(|a| s.actors[a].idx);
            if cands[g].source.is_some() && idx(cands[t].source) == idx(cands[g].source) {
                cands[g].code = "015".into();
                cands[g].target = cands[t].target;
                cands[g].rules.push("accuse:own-act".into());
            }
        }
    }

    /// Fold nouns into the verb of their clause: "killed *in an air strike*" is one event,
    /// refined to the more specific code; "condemned the *attack*" is a statement only.
    fn nest_nouns(&self, s: &Sent, cands: &mut [Cand]) {
        // acts of violence; blockade (191) and occupation (192) are consequences a noun
        // subject can have ("the fighting shut the crossing") without being the same act
        let violent = |c: &str| matches!(c.get(..2), Some("18" | "19" | "20")) && !matches!(c, "191" | "192");
        for ni in 0..cands.len() {
            // …nor a predicate noun about the gerund before it ("lifting the ban is *out of
            // the question*"): the statement is the news
            // …and an attack someone claimed is not folded into the claim
            if !cands[ni].nominal || cands[ni].governor.is_some() || cands[ni].governed.is_some_and(|t| t < ni) || cands[ni].claimed_by.is_some() {
                continue;
            }
            let clause = s.clause[cands[ni].hit.start];
            // a verb earlier in the same clause: the noun is its object or adjunct
            if let Some(vi) = (0..ni).rev().find(|&v| !cands[v].nominal && s.clause[cands[v].hit.start] == clause) {
                cands[ni].emit = false;
                if violent(&cands[vi].code) && violent(&cands[ni].code) && finer(&cands[ni].code, &cands[vi].code) {
                    cands[vi].code = cands[ni].code.clone();
                    let r = format!("refine:noun:{}", cands[ni].rules[0]);
                    cands[vi].rules.push(r);
                }
                continue;
            }
            // a violent verb later in the same clause with the noun as its subject
            if let Some(vi) = (ni + 1..cands.len()).find(|&v| !cands[v].nominal && s.clause[cands[v].hit.start] == clause) {
                let (nc, vc) = (&cands[ni].code, &cands[vi].code);
                if violent(vc) && violent(nc) {
                    cands[ni].emit = false;
                    cands[vi].event_subject = Some(cands[ni].hit.start);
                    if finer(nc, vc) {
                        cands[vi].code = cands[ni].code.clone();
                        let r = format!("refine:subject-noun:{}", cands[ni].rules[0]);
                        cands[vi].rules.push(r);
                    }
                }
            }
        }
        // "an attack *targeting* civilians": a participle right after an event noun tells what
        // the noun's act was against, not a second act
        for pi in 1..cands.len() {
            let h = cands[pi].hit;
            if h.form != Form::Gerund || cands[pi].nominal || cands[pi].governor.is_some() {
                continue;
            }
            let ni = pi - 1;
            let same_root = cands[ni].code.get(..2) == cands[pi].code.get(..2) || violent(&cands[ni].code) && violent(&cands[pi].code);
            // the noun may end a light-verb phrase ("carried out an *attack* targeting")
            let noun_ends = cands[ni].nominal || cands[ni].hit.end - cands[ni].hit.start >= 3;
            if noun_ends && cands[ni].hit.end == h.start && same_root {
                cands[pi].emit = false;
                cands[pi].rules.push("fold:noun-participle".into());
            }
        }
        // "staged demonstrations to demand reforms", "a rally calling for his removal": the
        // demand is what the protest is about, not a second event
        for ri in 0..cands.len() {
            let is_request = matches!(cands[ri].code.get(..2), Some("10"));
            let purpose = cands[ri].hit.form == Form::Gerund || cands[ri].hit.start > 0 && s.words[cands[ri].hit.start - 1] == "to";
            if is_request && purpose && cands[..ri].iter().any(|p| p.emit && p.code.starts_with("14")) {
                cands[ri].emit = false;
                cands[ri].rules.push("fold:protest-demand".into());
            }
        }
        // "a summit on the unrest", "allegations of torture": a noun event whose topic is
        // another event names one event, not two
        for ni in 1..cands.len() {
            if !cands[ni].nominal || !cands[ni].emit || cands[ni].governor.is_some() {
                continue;
            }
            let Some(pi) = (0..ni).rev().find(|&p| cands[p].emit && cands[p].nominal) else { continue };
            let (pe, ns) = (cands[pi].hit.end, cands[ni].hit.start);
            let same_clause = s.clause[cands[pi].hit.start] == s.clause[ns];
            let linked = ns > pe
                && ns - pe <= 6
                && (pe..ns).any(|k| matches!(s.words[k], "on" | "about" | "over" | "into" | "of" | "regarding" | "concerning"))
                && (pe..ns).all(|k| s.is_word(k) || s.kinds[k] == sitrep_core::TokenKind::Number);
            // the topic of talks, statements and inquiries, not of violence ("attacks on
            // villages, killings of civilians" stay separate)
            let talky = matches!(cands[pi].code.get(..2), Some("01" | "02" | "03" | "04" | "05" | "09" | "10" | "11" | "12" | "13"));
            if same_clause && linked && talky {
                cands[ni].emit = false;
                cands[ni].rules.push("nest:topic".into());
            }
        }
        // "sent a platoon to Kuwait … on a peacekeeping mission": the deployment *is* the
        // peacekeeping contribution
        if let Some(pk) = cands.iter().position(|c| c.emit && c.nominal && c.code == "074") {
            if let Some(mi) = cands.iter().position(|c| c.emit && c.code.starts_with("15")) {
                cands[mi].code = "074".into();
                let r = format!("refine:peacekeeping:{}", cands[pk].rules[0]);
                cands[mi].rules.push(r);
                cands[pk].emit = false;
            }
        }
        // "accused Rwanda … by alleging…", "retaliated by shelling the town": a gerund after
        // "by" is the means of the act before it, the same event
        for gi in 1..cands.len() {
            let g = cands[gi].hit;
            let gerund = g.form == Form::Gerund || s.words[g.start].ends_with("ing");
            if !gerund || g.start == 0 || s.words[g.start - 1] != "by" || !cands[gi].emit || cands[gi].governor.is_some() {
                continue;
            }
            let Some(vi) = (0..gi).rev().find(|&v| cands[v].emit && !cands[v].nominal) else { continue };
            cands[gi].emit = false;
            if cands[vi].code.get(..2) == cands[gi].code.get(..2) && finer(&cands[gi].code, &cands[vi].code) {
                cands[vi].code = cands[gi].code.clone();
            }
            let r = format!("fold:means:{}", cands[gi].rules[0]);
            cands[vi].rules.push(r);
        }
        // "asset freezes and travel bans … as well as economic sanctions": a list of nouns
        // of one kind, with no verb event between them, is one announced measure
        for ni in 1..cands.len() {
            if !cands[ni].nominal || !cands[ni].emit || cands[ni].governor.is_some() {
                continue;
            }
            let root = cands[ni].code.get(..2);
            let Some(pi) = (0..ni).rev().find(|&p| cands[p].emit && cands[p].code.get(..2) == root) else { continue };
            let between_verb = cands[pi + 1..ni].iter().any(|c| !c.nominal && c.emit);
            if cands[pi].nominal && !between_verb {
                cands[ni].emit = false;
                let r = format!("fold:list:{}", cands[ni].rules[0]);
                cands[pi].rules.push(r);
            }
        }
        // a noun after "after", "since", "amid"… names a circumstance, not a new event, when
        // the sentence reports something else
        let others = cands.iter().filter(|c| c.emit && !c.nominal).count();
        if others > 0 {
            for c in cands.iter_mut().filter(|c| c.emit && c.nominal && c.governor.is_none()) {
                let mut j = c.hit.start;
                while j > 0 && s.has(j - 1, words::DET | words::ADJ) {
                    j -= 1;
                }
                if j > 0 && matches!(s.words[j - 1], "after" | "since" | "before" | "during" | "following" | "amid" | "amidst" | "despite" | "over" | "about" | "of" | "from") {
                    c.emit = false;
                    c.rules.push("nest:circumstance".into());
                }
            }
        }
    }

    /// "A bomb exploded in the market, *killing* five": harm words report the consequence
    /// of another violent act in the sentence, not an act of their own.
    fn fold_casualties(&self, s: &Sent, cands: &mut [Cand]) {
        let violent = |c: &str| matches!(c.get(..2), Some("18" | "19" | "20"));
        // riots and force against crowds hurt people too ("fired tear gas…, and two were injured")
        let harmful = |c: &str| violent(c) || c.starts_with("145") || c == "175";
        let is_cas = |c: &Cand| self.lex.entries[c.hit.entry as usize].casualty;
        let live = |c: &Cand| c.emit && c.governor.is_none();
        // the act that caused the harm; failing that, the first harm word stands for it
        // ("…, killing twelve and injuring dozens": one event)
        let Some(main) = cands
            .iter()
            .position(|c| live(c) && !is_cas(c) && harmful(&c.code))
            .or_else(|| cands.iter().position(|c| live(c) && is_cas(c) && violent(&c.code)))
        else {
            return;
        };
        for ci in 0..cands.len() {
            if ci == main || !cands[ci].emit || !is_cas(&cands[ci]) || cands[ci].governor.is_some() {
                continue;
            }
            let (code, target, rule) = (cands[ci].code.clone(), cands[ci].target, cands[ci].rules[0].clone());
            cands[ci].emit = false;
            let main_is_setting = cands[main].target.is_some_and(|a| roles::is_setting(s, a));
            let m = &mut cands[main];
            if m.target.is_none() || main_is_setting && target.is_some() {
                m.target = target;
            }
            if violent(&code) && finer(&code, &m.code) {
                m.code = code;
            }
            m.rules.push(format!("fold:casualty:{rule}"));
        }
    }

    /// A sentence reporting something new mentions older events as its background ("released
    /// the mayor, jailed a year ago", "who had been arrested in May", "the 1994 genocide"):
    /// those are not reported here as events. A sentence with nothing but background keeps
    /// them (marked by their `frame:` rule).
    fn fold_background(&self, doc: &Doc, s: &Sent, cands: &mut [Cand]) {
        let year = doc.article.published.map(|d| d.year());
        let mut old = [false; 32];
        let mut any_new = false;
        for (i, c) in cands.iter().enumerate().take(old.len()) {
            if !c.emit {
                continue;
            }
            if c.governor.is_some() || c.claimed_by.is_some() {
                continue;
            }
            old[i] = modality::event_frame_in(s, c, year, true).is_some() || reduced_relative(s, c) || describes_noun(s, c) || frame_noun(s, c);
            // a statement made now about a future act ("announced it will return…") is news
            any_new |= !old[i] && (c.modality == Modality::Asserted || c.statement.is_some());
        }
        if !any_new {
            return;
        }
        for (i, c) in cands.iter_mut().enumerate().take(old.len()) {
            if old[i] {
                c.emit = false;
                c.rules.push("fold:background".into());
            }
        }
    }

    pub(crate) fn code_sentence(&self, doc: &Doc, s: &Sent, out: &mut Vec<Event>, trace: &mut Vec<(Span, String)>, pending: &mut Vec<(usize, usize)>, phrases: &mut Vec<crate::object::PhraseTarget>) {
        let mut cands = self.triggers(s);
        self.claimed_acts(s, &mut cands);
        if cands.is_empty() {
            return;
        }
        self.link_complements(s, &mut cands);
        self.link_subject_gerunds(s, &mut cands);
        self.accusation_scope(s, &mut cands);
        self.nest_nouns(s, &mut cands);
        for c in 0..cands.len() {
            roles::assign(s, &mut cands, c);
        }
        pressed_party(s, &mut cands);
        claimant_not_asserted(&mut cands);
        self.self_claims(s, &mut cands);
        self.fold_casualties(s, &mut cands);
        for c in 0..cands.len() {
            modality::assign(s, &mut cands, c);
        }
        noun_subject_future(s, &mut cands);
        fold_generic_nouns(s, &mut cands);
        fold_describing_links(s, &mut cands);
        fold_one_crowd(&mut cands);
        for c in 0..cands.len() {
            if cands[c].source.is_none() && cands[c].target.is_none() {
                let head = if cands[c].nominal { Some(cands[c].hit.start) } else { cands[c].event_subject };
                if let Some(head) = head {
                    roles::anaphora(s, &mut cands[c], head, out);
                }
            }
        }
        let frame = modality::background(doc, s);
        if frame.is_none() {
            self.fold_background(doc, s, &mut cands);
        }
        let attribution = roles::attribution(doc, s);
        let start = out.len();
        for (ci, c) in cands.iter().enumerate() {
            if !c.emit {
                if doc.explain {
                    trace.push((span_of(s, c.hit), format!("trigger `{}` folded into another event ({})", s.words[c.hit.start..c.hit.end].join(" "), c.rules.join(", "))));
                }
                continue;
            }
            let mut ev = self.event_of(s, c, frame);
            armed_looting(doc, s, c, &mut ev);
            // what a deployment sends is not its target: the place or party it goes to is
            // ("deployed troops to the border town")
            if crate::roles::deploys(&c.code) && !c.passive && c.inherited.is_none() {
                if let Some(t) = c.target.filter(|&t| object_at(s, c.hit.end, s.actors[t].start)) {
                    let clause_end = s.clause_of(c.hit.start).end;
                    let sent_to = (s.actors[t].end..clause_end.min(s.len()))
                        .find(|&k| matches!(s.words[k], "to" | "into" | "towards" | "toward"))
                        .and_then(|k| s.actors.iter().position(|a| object_at(s, k + 1, a.start)));
                    ev.target = sent_to.map(|a| s.actors[a].idx).filter(|&a| Some(a) != ev.source);
                    ev.rules.push("role:deployed-object".into());
                }
            }
            // a territory acted on stands in for a missing target; a destination beats what
            // is sent ("deployed troops to Liberia")
            let mut place_target = None;
            if c.inherited.is_none() {
                if let Some((t, destination, at)) = crate::territory::object_territory(s, c) {
                    let sent_forces = destination && (c.code.starts_with("15") || c.code.starts_with("074"));
                    let earlier = crate::territory::territorial(&c.code) && c.target.is_some_and(|a| s.actors[a].start > at);
                    if ev.target.is_none() || earlier || sent_forces && !c.target.is_some_and(|a| s.actors[a].country || s.actors[a].start > 0 && matches!(s.words[s.actors[a].start - 1], "to" | "into" | "against")) {
                        ev.target = None;
                        match t {
                            crate::territory::Territory::Actor(a) => ev.target = Some(s.actors[a].idx).filter(|&t| Some(t) != ev.source),
                            crate::territory::Territory::Place(p) => place_target = Some(p),
                        }
                        ev.rules.push("role:place-as-target".into());
                    }
                }
            }
            // a noun phrase in the object position stands in for a missing or misplaced target
            let phrase = if place_target.is_none() { crate::object::phrase_target(doc, s, &cands, ci, &ev) } else { None };
            if let Some(p) = &phrase {
                ev.target = p.actor;
                ev.rules.retain(|r| r != "role:setting-target");
                ev.rules.push(p.rule.into());
            }
            if let Some(att) = attribution {
                if !(att.0..att.1).contains(&c.hit.start) {
                    ev.attribution = Some(doc.article.text[s.spans[att.0].start..s.spans[att.1 - 1].end].to_string());
                    ev.rules.push("attribution:reporting-verb".into());
                }
            }
            crate::codes::fill(doc, &mut ev);
            // a future action stated by its actor is a statement of intent or a threat now
            // …but "the deal will allow aid in" states nobody's intent: no actor, no statement
            if c.governor.is_none() && (ev.source.is_some() || kind_needs_no_source(c.statement)) {
                if let Some((kind, marker)) = c.statement {
                    let base = match kind {
                        Complement::Intent => "030",
                        Complement::Threaten => "130",
                        Complement::Reject => "120",
                        _ => "100",
                    };
                    let code = embed(kind, &c.code).unwrap_or_else(|| base.to_string());
                    let trigger = Span::new(s.spans[marker].start, s.spans[c.hit.end - 1].end);
                    let mut st = Event::new(s.index, trigger, code);
                    if kind == Complement::Request {
                        // "X said Y must release…": X demands, of Y
                        st.source = attribution.and_then(|(a, b)| s.actors.iter().find(|x| x.start >= a && x.start < b)).map(|x| x.idx);
                        st.target = ev.source;
                    } else {
                        st.source = ev.source;
                        st.target = ev.target;
                    }
                    st.attribution = ev.attribution.clone();
                    st.rules = vec![format!("synth:{}", complement_name(kind)), c.rules[0].clone()];
                    if let Some(f) = frame {
                        st.rules.push(f.into());
                    }
                    st.confidence = (ev.confidence + 0.1).min(0.95);
                    crate::codes::fill(doc, &mut st);
                    out.push(st);
                }
            }
            out.push(ev);
            if let Some(p) = phrase {
                phrases.push(crate::object::PhraseTarget { event: out.len() - 1, ..p });
            }
            if let Some(p) = place_target {
                pending.push((out.len() - 1, p));
                if doc.explain {
                    trace.push((doc.places[p].span, format!("place `{}` is the target of {}", doc.places[p].name, out[out.len() - 1].cameo)));
                }
            }
        }
        if doc.explain {
            for ev in &out[start..] {
                trace.push((ev.trigger, format!(
                    "{} `{}` {:?} source={:?} target={:?} [{}]",
                    ev.cameo,
                    doc.slice(ev.trigger),
                    ev.modality,
                    ev.source.map(|a| doc.actors[a].name.as_str()),
                    ev.target.map(|a| doc.actors[a].name.as_str()),
                    ev.rules.join(", ")
                )));
            }
        }
    }

    fn event_of(&self, s: &Sent, c: &Cand, frame: Option<&'static str>) -> Event {
        let mut ev = Event::new(s.index, span_of(s, c.hit), c.code.clone());
        ev.rules = c.rules.clone();
        match c.inherited {
            Some((src, tgt)) => {
                ev.source = src;
                ev.target = tgt;
                ev.rules.push("role:anaphora".into());
            }
            None => {
                ev.source = c.source.map(|a| s.actors[a].idx);
                ev.target = c.target.map(|a| s.actors[a].idx);
            }
        }
        if ev.source.is_some() && ev.source == ev.target {
            ev.target = None;
        }
        // "*no group* claimed the killings": an actor denied by "no" takes no part
        if c.inherited.is_none() {
            let denied = |a: Option<usize>| a.is_some_and(|a| s.actors[a].start > 0 && s.words[s.actors[a].start - 1] == "no");
            if denied(c.source) {
                ev.source = None;
                ev.rules.push("role:denied-actor".into());
            }
            if denied(c.target) {
                ev.target = None;
                ev.rules.push("role:denied-actor".into());
            }
        }
        if c.passive {
            ev.rules.push("role:passive".into());
        }
        if c.inherited.is_none() && c.target.is_some_and(|a| roles::is_setting(s, a)) {
            ev.rules.push("role:setting-target".into());
        }
        ev.modality = c.modality;
        if let Some(f) = frame {
            ev.rules.push(f.into());
        } else if let Some(f) = modality::event_frame(s, c) {
            ev.rules.push(f.into());
        }
        ev.confidence = confidence(c, &ev, frame.is_some());
        // the news of a sentence is in its main clause; relative, subordinate and
        // conditional clauses add background to it
        ev.confidence = match s.clause_of(c.hit.start).kind {
            _ if participle_after_noun(s, c) => ev.confidence - 0.15,
            Boundary::Start | Boundary::Report | Boundary::Quote => ev.confidence + 0.04,
            Boundary::Rel | Boundary::Subord | Boundary::Condition => ev.confidence - 0.15,
            // a participial adjunct (", claiming that…") elaborates the main clause: ranked like
            // a subordinate clause
            Boundary::Comma if c.hit.form == Form::Gerund => ev.confidence - 0.15,
            _ => ev.confidence,
        }
        .clamp(0.05, 0.95);
        ev
    }
}

/// A claimed attack is asserted, but who did it is only claimed: the claimant is the source
/// of the 015 claim, never the asserted source of the attack.
fn claimant_not_asserted(cands: &mut [Cand]) {
    for ci in 0..cands.len() {
        let Some(at) = cands[ci].claimed_by else { continue };
        let claimant = cands.iter().find(|c| c.hit.start == at).and_then(|c| c.source);
        if cands[ci].source.is_some() && cands[ci].source == claimant {
            cands[ci].source = None;
            cands[ci].rules.push("role:claimant-not-asserted".into());
        }
    }
}

/// Whether the direct object at token `from` (after a determiner) is a recognised place
/// mention or a country named as such: the thing taken is territory.
fn place_object(s: &Sent, from: usize) -> bool {
    let k = if from < s.len() && s.has(from, words::DET) { from + 1 } else { from };
    s.places.iter().any(|&(_, start, _)| start == k) || s.actor_at.get(k).is_some_and(|&a| a >= 0 && s.actors[a as usize].country && s.actors[a as usize].start == k)
}

/// Whether the actor starting at token `actor_start` begins the phrase at `from`, after
/// determiners, modifiers and numbers: the object of a verb ending at `from`.
fn object_at(s: &Sent, from: usize, actor_start: usize) -> bool {
    let mut k = from;
    while k < actor_start && (s.has(k, words::DET | words::ADJ) || s.kinds[k] == sitrep_core::TokenKind::Number) {
        k += 1;
    }
    k == actor_start
}

/// Looting and ransacking by soldiers, police or an armed group destroys property (1712);
/// by a crowd it is a riot (145, the lexicon's reading).
fn armed_looting(doc: &Doc, s: &Sent, c: &Cand, ev: &mut Event) {
    let w = s.words[c.hit.start];
    let loot = ["loot", "ransack", "plunder", "pillag", "vandali", "torch"].iter().any(|p| w.starts_with(p));
    let armed = |a: usize| doc.actors[a].sector.as_deref().is_some_and(|x| matches!(x, "MIL" | "REB" | "INS" | "UAF" | "COP" | "SPY"));
    if ev.cameo == "145" && loot && ev.source.is_some_and(armed) {
        ev.cameo = "1712".into();
        ev.rules.push("refine:armed-looting".into());
    }
}

/// Statements of intent and threats need someone who intends; appeals and refusals are
/// synthesised as before.
fn kind_needs_no_source(st: Option<(Complement, usize)>) -> bool {
    !matches!(st, Some((Complement::Intent | Complement::Threaten, _)))
}

/// "Talks *will resume* next week", "the truce *is due to* take effect": an event noun that
/// is the subject of a future verb names something still to happen.
fn noun_subject_future(s: &Sent, cands: &mut [Cand]) {
    for c in cands.iter_mut().filter(|c| c.emit && c.nominal && c.governor.is_none() && c.modality == Modality::Asserted) {
        let mut j = c.hit.end;
        if j < s.len() && s.has(j, words::ADVERB) {
            j += 1;
        }
        let w = |k: usize| s.words.get(k).copied().unwrap_or("");
        // only verbs of starting: "the offensive *would end* if…" is under way now
        let starts = |k: usize| {
            matches!(w(k), "begin" | "start" | "resume" | "open" | "convene" | "follow" | "happen" | "occur")
                || matches!((w(k), w(k + 1)), ("take", "place" | "effect") | ("be", "held" | "signed" | "launched" | "imposed") | ("go", "ahead") | ("come", "into") | ("kick", "off") | ("get", "under"))
        };
        let modal = s.has(j, words::FUTURE) && !s.has(j, words::NEG) && starts(j + 1);
        let scheduled = matches!(w(j), "is" | "are") && matches!(w(j + 1), "due" | "set" | "expected" | "scheduled" | "slated" | "planned") && w(j + 2) == "to" && starts(j + 3);
        if j < s.len() && (modal || scheduled) {
            c.modality = Modality::Future;
            c.rules.push("modality:noun-subject-future".into());
        }
    }
}

/// "have carried out *similar* massacres", "*such* attacks are common", "*previous*
/// ceasefires collapsed": an event word compared to the reported one, or set before it,
/// names a kind of event or an older one, not this occurrence. (A word after "similar" is a
/// noun even when the lexicon read it as a verb: "similar massacres".)
fn fold_generic_nouns(s: &Sent, cands: &mut [Cand]) {
    let generic = |w: &str| matches!(w, "similar" | "such" | "previous" | "prior" | "past");
    for c in cands.iter_mut().filter(|c| c.emit && c.governor.is_none()) {
        let mut j = c.hit.start;
        while j > 0 && s.has(j - 1, words::ADJ) && !generic(s.words[j - 1]) {
            j -= 1;
        }
        if j > 0 && generic(s.words[j - 1]) {
            c.emit = false;
            c.rules.push("fold:generic".into());
        }
    }
}

/// "bandits *allied with* the insurgents", "a militia *backed by* Iran": a link word right after
/// an actor describes that actor; it reports no act of its own.
fn fold_describing_links(s: &Sent, cands: &mut [Cand]) {
    for c in cands.iter_mut().filter(|c| c.emit && !c.nominal && c.governor.is_none()) {
        let h = c.hit.start;
        if h == 0 || !s.has(h, words::MODIFIER_LINK) || s.actor_at[h - 1] < 0 || s.actor_at[h] >= 0 || !matches!(s.words.get(h + 1).copied(), Some("to" | "with" | "by")) {
            continue;
        }
        // only an actor inside a prepositional phrase: "The rebels allied with the army"
        // reports an alliance
        let mut j = s.actors[s.actor_at[h - 1] as usize].start;
        while j > 0 && s.has(j - 1, words::DET | words::ADJ) {
            j -= 1;
        }
        if j > 0 && s.has(j - 1, words::PREP) {
            c.emit = false;
            c.rules.push("fold:describes-actor".into());
        }
    }
}

/// "marched through the capital to protest…, chanting slogans", "burned tyres and looted
/// shops": protest and riot verbs of one crowd in one sentence describe one demonstration.
/// The first keeps the event; later ones of the same kind and source fold into it.
fn fold_one_crowd(cands: &mut [Cand]) {
    for i in 1..cands.len() {
        if !cands[i].emit || cands[i].governor.is_some() || cands[i].modality != Modality::Asserted {
            continue;
        }
        let kind = |code: &str| if code.starts_with("145") { 2 } else if code.starts_with("14") { 1 } else { 0 };
        let k = kind(&cands[i].code);
        if k == 0 {
            continue;
        }
        let Some(first) = (0..i).find(|&p| {
            let q = &cands[p];
            q.emit && q.governor.is_none() && q.modality == Modality::Asserted && kind(&q.code) == k && (q.source == cands[i].source || cands[i].source.is_none())
        }) else {
            continue;
        };
        cands[i].emit = false;
        let r = format!("fold:one-crowd:{}", cands[i].rules[0]);
        cands[first].rules.push(r);
        if cands[first].target.is_none() {
            cands[first].target = cands[i].target;
        }
    }
}

/// A participle describing a noun before it, with no auxiliary and a prepositional phrase
/// after ("officials *accused* of…", "a member *jailed* over…", "an agreement *forced* on…"):
/// a reduced relative clause that characterises someone by an earlier act. Only for acts
/// done *to* someone (statements, coercion), whose active use takes a direct object.
/// Pressure received ("under pressure from X", "faces pressure from X to…", lexicon
/// `role = "recipient"`): X presses the party under pressure, and the act X presses for is
/// that party's to take, never X's own ("the minister faces pressure from the army to
/// resign": the minister would resign). A fronted phrase ("Under pressure from X, the
/// board…") has no subject of its own: the pressed party is the subject after its comma.
fn pressed_party(s: &Sent, cands: &mut [Cand]) {
    for g in 0..cands.len() {
        if !cands[g].recipient || !cands[g].code.starts_with("10") {
            continue;
        }
        let h = cands[g].hit;
        let fronted = (0..h.start).all(|k| !s.is_word(k));
        if fronted && cands[g].target.is_none() {
            if let Some(comma) = (h.end..s.len()).find(|&k| s.words[k] == ",") {
                let mut j = comma + 1;
                if j < s.len() && s.has(j, words::DET) && s.actor_at[j] < 0 {
                    j += 1;
                }
                if let Some(a) = s.actor_at.get(j).copied().filter(|&a| a >= 0) {
                    let a = a as usize;
                    if cands[g].source != Some(a) {
                        cands[g].target = Some(a);
                        cands[g].rules.push("role:pressed-party".into());
                    }
                }
            }
        }
        if let Some(t) = cands[g].governed {
            if cands[t].governor == Some(g) {
                cands[t].source = cands[g].target;
                if cands[t].target == cands[t].source {
                    cands[t].target = None;
                }
            }
        }
    }
}

fn reduced_relative(s: &Sent, c: &Cand) -> bool {
    let i = c.hit.start;
    // a passive counts only without its auxiliary ("a man *accused* of theft", not "was
    // accused of"): `after_noun` below rules the auxiliary out
    if c.nominal || c.hit.form != Form::PastOrParticiple || i == 0 || c.governor.is_some() || c.governed.is_some() {
        return false;
    }
    // "weapons seized *last year from*…": a time phrase may come before the preposition
    let mut after = c.hit.end;
    if s.words.get(after).is_some_and(|w| matches!(*w, "last" | "earlier" | "previously" | "recently")) {
        after += 1;
        while after < s.len() && matches!(s.words[after], "year" | "month" | "week" | "spring" | "summer" | "autumn" | "winter" | "this" | "in" | "the") {
            after += 1;
        }
    }
    let next_prep = s.has(after, words::PREP) && !matches!(s.words[after], "by" | "to");
    let after_noun = s.is_word(i - 1) && s.flags[i - 1] & (words::BE | words::HAVE | words::ADVERB | words::NEG | words::PRONOUN | words::REL | words::COORD | words::FUTURE | words::MAYBE) == 0;
    let transitive = matches!(c.code.get(..2), Some("10" | "11" | "12" | "17"));
    next_prep && after_noun && transitive && c.source.is_none_or(|a| s.actors[a].end < i)
}

/// An event noun named as the time of another event ("advised against travel *after the
/// museum shooting*", "*ahead of the summit*, Putin held talks", "the first attack *since the
/// war*", "*in response to* the unrest"): it frames the news, it is not the news. ("during the raid", "amid clashes" tell
/// the setting of what happened in it, and stay.)
fn frame_noun(s: &Sent, c: &Cand) -> bool {
    // "the museum *shooting*": a gerund after a determiner and a modifier names an event too
    if !(c.nominal || c.hit.form == Form::Gerund) || c.governor.is_some() {
        return false;
    }
    let mut k = c.hit.start;
    let mut steps = 0;
    while k > 0 && steps < 5 {
        let w = s.words[k - 1];
        match w {
            "after" | "following" | "since" | "before" => return true,
            "of" => return k >= 2 && matches!(s.words[k - 2], "ahead" | "wake" | "aftermath" | "eve"),
            // "in response to the unrest", "in retaliation for the attack": the cause
            "to" => return k >= 2 && matches!(s.words[k - 2], "prior" | "response" | "reaction"),
            "for" => return k >= 2 && s.words[k - 2] == "retaliation",
            _ => {}
        }
        let modifier = s.kinds[k - 1] == sitrep_core::TokenKind::Number
            || s.actor_at[k - 1] >= 0
            || w.ends_with("'s")
            || s.kinds[k - 1] == sitrep_core::TokenKind::Word && s.flags[k - 1] & !(words::DET | words::ADJ) == 0 && !w.ends_with("ed");
        if !modifier {
            return false;
        }
        k -= 1;
        steps += 1;
    }
    false
}

/// A participle after a noun, with a main verb before it ("demanded the return of property
/// *seized by* the army", "will release two guards *held captive by* them"): a reduced
/// relative clause telling what the noun went through, background to the main verb. Only
/// before an agent ("by"), or before another preposition when the noun is not a named
/// actor ("rebels *attacked* in the night" is a subject and its verb).
fn participle_after_noun(s: &Sent, c: &Cand) -> bool {
    let i = c.hit.start;
    if c.nominal || s.headline || i < 2 || c.governor.is_some() || !matches!(c.hit.form, Form::PastOrParticiple | Form::Past) {
        return false;
    }
    let prev_noun = s.is_word(i - 1)
        && s.flags[i - 1] & (words::BE | words::HAVE | words::ADVERB | words::NEG | words::PRONOUN | words::REL | words::COORD | words::FUTURE | words::MAYBE | words::DET | words::PREP | words::REPORT) == 0
        && !s.words[i - 1].ends_with("ly");
    let Some(next) = s.words.get(c.hit.end).copied() else { return false };
    let agent = next == "by" || next == "from" && c.code.starts_with("17");
    let prep_after_common_noun = s.has(c.hit.end, words::PREP) && !matches!(next, "to" | "that") && s.actor_at[i - 1] < 0;
    let main_verb_before = (0..i - 1).any(|k| s.kinds[k] == sitrep_core::TokenKind::Word && words::is_finite_verb(s.flags[k], s.words[k]));
    prev_noun && (agent || prep_after_common_noun) && main_verb_before
}

/// An act in a relative clause about a noun ("a helicopter *that was captured* last week",
/// "the militia, *which seized* the town in May"): it tells who or what the noun is, beside
/// the news of the main clause.
fn describes_noun(s: &Sent, c: &Cand) -> bool {
    let clause = s.clause_of(c.hit.start);
    clause.kind == Boundary::Rel && !c.nominal && c.governor.is_none() && c.governed.is_none() && matches!(s.words[clause.start], "that" | "which" | "who" | "whom" | "whose")
}

/// CAMEO's appeals (02) mirror its demands (10) code for code ("asked X to release" 0253,
/// "demanded that X release" 1053): a request made by an appeal verb stays an appeal.
fn appeal_or_demand(governor: &str, embedded: String) -> String {
    if governor.starts_with("02") && embedded.starts_with("10") {
        format!("02{}", &embedded[2..])
    } else {
        embedded
    }
}

fn span_of(s: &Sent, hit: Hit) -> Span {
    Span::new(s.spans[hit.start].start, s.spans[hit.end - 1].end)
}

fn complement_name(k: Complement) -> &'static str {
    match k {
        Complement::Intent => "intent",
        Complement::Request => "request",
        Complement::Reject => "reject",
        Complement::Threaten => "threaten",
        Complement::Accuse => "accuse",
        Complement::Claim => "claim",
        Complement::Deny => "deny",
        Complement::Order => "order",
    }
}

/// Codes a noun may make finer: the unspecified violence codes.
fn is_generic_violence(code: &str) -> bool {
    matches!(code, "180" | "190" | "200" | "1823")
}

/// Whether `candidate` says more than `current`: a child code ("1832" under "183"), or any
/// specific violence code where `current` is unspecified.
fn finer(candidate: &str, current: &str) -> bool {
    candidate != current && (candidate.starts_with(current) || is_generic_violence(current) && !is_generic_violence(candidate))
}

/// Higher with both actors, a specific code and a verb trigger; lower for what the text
/// does not assert.
fn confidence(c: &Cand, ev: &Event, background: bool) -> f32 {
    let mut x: f32 = 0.35;
    if ev.source.is_some() {
        x += 0.2;
    }
    if ev.target.is_some() {
        x += 0.15;
    }
    let specific = ev.cameo.len() == 4 || !ev.cameo.ends_with('0');
    if specific {
        x += 0.1;
    }
    if !c.nominal {
        x += 0.1;
    }
    if c.refined || c.governed.is_some() {
        x += 0.05;
    }
    if ev.modality != Modality::Asserted {
        x -= 0.15;
    }
    if background {
        x -= 0.05;
    }
    x.clamp(0.05, 0.95)
}

/// Whether `elems` occur in `window` in order.
pub(crate) fn elems_match(window: &[&str], elems: &[Alternatives]) -> bool {
    let mut pos = 0;
    for el in elems {
        let mut found = None;
        'search: for p in pos..window.len() {
            for alt in &el.0 {
                if p + alt.len() <= window.len() && alt.iter().zip(&window[p..]).all(|(a, b)| **a == **b) {
                    found = Some(p + alt.len());
                    break 'search;
                }
            }
        }
        match found {
            Some(np) => pos = np,
            None => return false,
        }
    }
    true
}

impl Stage for EventCoder {
    fn name(&self) -> &'static str {
        "code_events"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Actors]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Events]
    }
    fn run(&self, doc: &mut Doc) {
        let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
        for (i, a) in doc.actors.iter().enumerate() {
            if let Some(v) = by_sentence.get_mut(a.sentence) {
                v.push(i);
            }
        }
        let mut places_by_sentence: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
        for (i, p) in doc.places.iter().enumerate() {
            if let Some(v) = places_by_sentence.get_mut(p.sentence) {
                v.push(i);
            }
        }
        let mut out: Vec<Event> = Vec::new();
        let mut trace: Vec<(Span, String)> = Vec::new();
        let mut pending: Vec<(usize, usize)> = Vec::new();
        let mut phrases = Vec::new();
        {
            let d: &Doc = doc;
            let mut s = Sent::default();
            for si in 0..d.sentences.len() {
                s.analyse(d, si, &self.wc, &by_sentence);
                s.locate_places(d, &places_by_sentence[si]);
                self.code_sentence(d, &s, &mut out, &mut trace, &mut pending, &mut phrases);
            }
        }
        crate::territory::place_actors(doc, &mut out, &pending);
        crate::object::phrase_actors(doc, &mut out, &phrases);
        for (span, msg) in trace {
            doc.trace("code_events", Some(span), || msg);
        }
        doc.events.extend(out);
    }
}

impl<'d> Sent<'d> {
    pub(crate) fn starts_actor_at(&self, i: usize) -> bool {
        i < self.len() && self.actor_at[i] >= 0 && (i == 0 || self.actor_at[i - 1] != self.actor_at[i])
    }
}
