//! Shallow analysis of one sentence: lowercase words with their closed-class flags, quotation
//! state, actor positions, and clauses from punctuation and function words. Buffers are
//! reused from sentence to sentence.

use crate::words::{self, WordClasses};
use sitrep_core::{ActorKind, Doc, Span, TokenKind};

/// How a clause was opened. Roles use it to decide whether a clause without its own subject
/// borrows the previous clause's ("attacked the town and *killed* ten").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boundary {
    Start,
    /// ";", ":", dashes, brackets.
    Punct,
    Comma,
    /// "and", "or", "but".
    Coord,
    /// "after", "when", "because"…
    Subord,
    /// "if", "unless".
    Condition,
    /// "who", "which", "where".
    Rel,
    /// Right after a reporting verb ("police said | gunmen attacked").
    Report,
    Quote,
}

#[derive(Debug, Clone, Copy)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub kind: Boundary,
}

/// An actor mention located in the sentence's tokens.
#[derive(Debug, Clone, Copy)]
pub struct ActorPos {
    /// Index in `Doc::actors` to use for roles (a pronoun resolved to its antecedent).
    pub idx: usize,
    pub start: usize,
    /// Exclusive.
    pub end: usize,
    pub head: usize,
    /// A country named as such ("Burkina Faso"): after "in", "near"… it is where the event
    /// happened, not who it happened to.
    pub country: bool,
}

#[derive(Debug, Default)]
pub struct Sent<'d> {
    pub index: usize,
    pub words: Vec<&'d str>,
    pub flags: Vec<u32>,
    pub spans: Vec<Span>,
    pub kinds: Vec<TokenKind>,
    pub cap: Vec<bool>,
    pub quote: Vec<bool>,
    pub clause: Vec<u16>,
    pub clauses: Vec<Clause>,
    pub actors: Vec<ActorPos>,
    /// For each token, the index into `actors` covering it, or -1.
    pub actor_at: Vec<i32>,
    /// Place mentions in the sentence: (index in `Doc::places`, first token, end token).
    pub places: Vec<(usize, usize, usize)>,
    pub headline: bool,
}

impl<'d> Sent<'d> {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kinds[i] == TokenKind::Word
    }

    pub fn has(&self, i: usize, flag: u32) -> bool {
        i < self.flags.len() && self.flags[i] & flag != 0
    }

    pub fn clause_of(&self, i: usize) -> Clause {
        self.clauses[self.clause[i.min(self.clause.len() - 1)] as usize]
    }

    /// The actor (index into `actors`) that ends right before token `i`, allowing a few
    /// modifier words between ("Israeli *air strikes*", "a Taliban *deadly* attack").
    pub fn actor_ending_before(&self, i: usize, max_gap: usize) -> Option<usize> {
        let mut j = i;
        let mut gap = 0;
        while j > 0 {
            j -= 1;
            let a = self.actor_at[j];
            if a >= 0 {
                return Some(a as usize);
            }
            let w = self.words[j];
            let skippable = self.has(j, words::ADJ) || w == "'s" || w == "’s" || self.kinds[j] == TokenKind::Number;
            if !skippable || gap >= max_gap {
                return None;
            }
            gap += 1;
        }
        None
    }

    /// Fill the analysis for sentence `index` of `doc`.
    pub fn analyse(&mut self, doc: &'d Doc, index: usize, wc: &WordClasses, actors_by_sentence: &[Vec<usize>]) {
        self.index = index;
        self.words.clear();
        self.flags.clear();
        self.spans.clear();
        self.kinds.clear();
        self.cap.clear();
        self.quote.clear();
        self.clause.clear();
        self.clauses.clear();
        self.actors.clear();
        self.actor_at.clear();
        self.places.clear();
        let sentence = &doc.sentences[index];
        self.headline = sentence.headline;
        let toks = doc.sentence_tokens(index);
        let mut in_quote = false;
        for t in toks {
            let w = &doc.lower[t.span.start..t.span.end];
            let is_quote = t.kind == TokenKind::Punct && matches!(w, "\"" | "“" | "”");
            if is_quote {
                in_quote = match w {
                    "“" => true,
                    "”" => false,
                    _ => !in_quote,
                };
            }
            self.words.push(w);
            self.flags.push(if t.kind == TokenKind::Word { wc.of(w) } else { 0 });
            self.spans.push(t.span);
            self.kinds.push(t.kind);
            self.cap.push(t.cap);
            self.quote.push(in_quote && !is_quote);
        }
        // an unclosed quote mark is more likely a stray than a quotation to the end
        if in_quote {
            let last_open = self.quote.iter().rposition(|q| !q).unwrap_or(0);
            for q in &mut self.quote[last_open..] {
                *q = false;
            }
        }
        self.actor_at.resize(self.words.len(), -1);
        if let Some(list) = actors_by_sentence.get(index) {
            for &ai in list {
                let m = &doc.actors[ai];
                let (Some(start), Some(end)) = (self.token_at(m.span.start), self.token_at(m.span.end.saturating_sub(1))) else {
                    continue;
                };
                let head = self.token_at(m.head.start).unwrap_or(start);
                let idx = match (m.kind, m.refers_to) {
                    (ActorKind::Reference, Some(r)) if r < doc.actors.len() => r,
                    _ => ai,
                };
                let pos = self.actors.len() as i32;
                self.actors.push(ActorPos { idx, start, end: end + 1, head, country: m.kind == ActorKind::Country });
                for k in start..=end {
                    if self.actor_at[k] < 0 {
                        self.actor_at[k] = pos;
                    }
                }
            }
            self.actors.sort_by_key(|a| a.start);
            // positions changed by sorting: rebuild the token map
            self.actor_at.iter_mut().for_each(|a| *a = -1);
            for (p, a) in self.actors.iter().enumerate() {
                for k in a.start..a.end {
                    if self.actor_at[k] < 0 {
                        self.actor_at[k] = p as i32;
                    }
                }
            }
        }
        // a title-case line ("U.S. Lifts Travel Ban") reads like a headline whatever its
        // final punctuation
        if !self.headline {
            let (mut words_n, mut caps) = (0, 0);
            for k in 0..self.len() {
                if self.kinds[k] == TokenKind::Word && self.words[k].len() > 3 {
                    words_n += 1;
                    caps += self.cap[k] as usize;
                }
            }
            self.headline = words_n >= 3 && caps * 10 >= words_n * 8;
        }
        self.split_clauses();
    }

    /// Locate the place mentions `list` (indices into `Doc::places`) among the tokens.
    pub fn locate_places(&mut self, doc: &Doc, list: &[usize]) {
        self.places.clear();
        for &pi in list {
            let span = doc.places[pi].span;
            if let (Some(a), Some(b)) = (self.token_at(span.start), self.token_at(span.end.saturating_sub(1))) {
                self.places.push((pi, a, b + 1));
            }
        }
        self.places.sort_by_key(|&(_, a, _)| a);
    }

    /// Index of the token containing byte offset `at`.
    fn token_at(&self, at: usize) -> Option<usize> {
        let i = self.spans.partition_point(|s| s.end <= at);
        (i < self.spans.len() && self.spans[i].start <= at).then_some(i)
    }

    fn starts_actor(&self, i: usize) -> bool {
        i < self.len() && self.actor_at[i] >= 0 && (i == 0 || self.actor_at[i - 1] != self.actor_at[i])
    }

    fn ends_actor(&self, i: usize) -> bool {
        i < self.len() && self.actor_at[i] >= 0 && (i + 1 >= self.len() || self.actor_at[i + 1] != self.actor_at[i])
    }

    /// Whether the conjunction or comma at `i` sits inside a list of actors
    /// ("Hungarian *and* Romanian officials", "Britain, France and Germany").
    fn joins_actors(&self, i: usize) -> bool {
        if i == 0 || !self.ends_actor(i - 1) {
            return false;
        }
        let next = if self.starts_actor(i + 1) {
            i + 1
        } else if self.has(i + 1, words::DET) && self.starts_actor(i + 2) {
            i + 2
        } else {
            return false;
        };
        if self.words[i] != "," {
            return true;
        }
        // a comma lists actors only when the list goes on ("Britain, France and Germany"),
        // not before a new clause ("…the villagers, police said")
        let a = self.actor_at[next];
        let mut end = next;
        while end < self.len() && self.actor_at[end] == a {
            end += 1;
        }
        end < self.len() && (self.words[end] == "," || self.has(end, words::COORD))
    }

    /// Whether the comma at `i` separates items of a noun list after a preposition ("signed
    /// agreements on trade, energy and defence cooperation"): plain words back to the
    /// preposition, plain words and commas ahead to an "and"/"or" that joins noun phrases.
    fn lists_nouns(&self, i: usize) -> bool {
        let plain = |k: usize| {
            self.kinds[k] == TokenKind::Word
                && self.flags[k] & (words::PREP | words::DET | words::PRONOUN | words::REL | words::SUBORD | words::COORD | words::ADVERB | words::NEG) == 0
                && !words::is_finite_verb(self.flags[k], self.words[k])
        };
        // "…on Friday, shooting residents": a day closes a time phrase, and a gerund with its
        // own object opens a participial clause
        if i == 0 || words::is_day_word(self.words[i - 1]) {
            return false;
        }
        let gerund = |k: usize| self.words.get(k).is_some_and(|w| w.len() > 5 && w.ends_with("ing"));
        if gerund(i + 1) && self.words.get(i + 2).is_some_and(|w| !matches!(*w, "," | "and" | "or")) {
            return false;
        }
        let mut k = i;
        let mut steps = 0;
        loop {
            if k == 0 || steps >= 8 {
                return false;
            }
            k -= 1;
            steps += 1;
            if self.kinds[k] == TokenKind::Word && self.flags[k] & words::PREP != 0 {
                if k + 1 == i {
                    return false;
                }
                break;
            }
            if !(plain(k) || self.words[k] == ",") {
                return false;
            }
        }
        let mut k = i + 1;
        while k < self.len() && k <= i + 8 {
            if self.kinds[k] == TokenKind::Word && self.flags[k] & words::COORD != 0 {
                return k > i + 1 && self.words[k] != "but" && self.joins_noun_phrases(k);
            }
            if !(plain(k) || self.words[k] == ",") {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Whether the "and"/"or" at `i` joins two noun phrases ("received food and medicine
    /// from the agency", "a grant and a loan to the city") rather than two clauses: a
    /// nominal word before it, a word or number after it, and no finite verb from there to
    /// the next punctuation or clause word. "Attacked the town and killed ten" still splits.
    fn joins_noun_phrases(&self, i: usize) -> bool {
        let n = self.len();
        if i == 0 || i + 1 >= n || self.kinds[i - 1] != TokenKind::Word && self.kinds[i - 1] != TokenKind::Number {
            return false;
        }
        let before = self.flags[i - 1];
        if before & (words::PREP | words::DET | words::ADVERB | words::NEG | words::PRONOUN | words::SUBORD | words::REL) != 0
            || words::is_finite_verb(before, self.words[i - 1])
        {
            return false;
        }
        if !matches!(self.kinds[i + 1], TokenKind::Word | TokenKind::Number) || self.flags[i + 1] & (words::PRONOUN | words::ADVERB | words::NEG) != 0 {
            return false;
        }
        for k in i + 1..n {
            if self.kinds[k] == TokenKind::Punct {
                break;
            }
            let f = self.flags[k];
            if f & (words::COORD | words::REL | words::SUBORD | words::CONDITION) != 0 {
                break;
            }
            // "for alleged fraud", "the wounded": an "-ed" word after a determiner,
            // preposition or modifier, or a listed modifier itself, is not a verb
            let modifier = f & (words::ADJ | words::HEARSAY) != 0 || self.flags[k - 1] & (words::DET | words::PREP | words::ADJ) != 0;
            if self.kinds[k] == TokenKind::Word && words::is_finite_verb(f, self.words[k]) && !(modifier && f & words::VERB == 0 && f & (words::BE | words::HAVE | words::FUTURE | words::MAYBE | words::REPORT) == 0) {
                return false;
            }
        }
        true
    }

    fn split_clauses(&mut self) {
        let n = self.len();
        let mut starts: Vec<(usize, Boundary)> = vec![(0, Boundary::Start)];
        let mut i = 0;
        while i < n {
            let w = self.words[i];
            let f = self.flags[i];
            let next = i + 1;
            match self.kinds[i] {
                TokenKind::Punct => {
                    let b = match w {
                        "(" | ")" if self.bracketed_acronym(i) => None,
                        ";" | ":" | "—" | "–" | "-" | "(" | ")" | "[" | "]" => Some(Boundary::Punct),
                        // scare quotes around a word or two ("condemned as 'unacceptable'
                        // allegations") do not break the clause
                        "\"" | "“" | "”" | "'" | "‘" | "’" if self.short_quote_mark(i) => None,
                        "\"" | "“" | "”" | "'" | "‘" | "’" => Some(Boundary::Quote),
                        "," if !self.joins_actors(i) && !self.lists_nouns(i) => Some(Boundary::Comma),
                        _ => None,
                    };
                    if let Some(b) = b {
                        starts.push((next, b));
                    }
                }
                TokenKind::Word => {
                    if f & words::COORD != 0 {
                        if w == "but" || !self.joins_actors(i) && !self.joins_noun_phrases(i) {
                            starts.push((next, Boundary::Coord));
                        }
                    } else if f & words::CONDITION != 0 {
                        starts.push((i, Boundary::Condition));
                    } else if f & words::REL != 0 && i > 0 {
                        starts.push((i, Boundary::Rel));
                    } else if f & words::SUBORD != 0 && i > 0 {
                        let is_as = w == "as";
                        if !is_as || self.words[i - 1] == "," || self.has(next, words::PRONOUN) || self.has(next, words::DET) {
                            // "as well as", "such as", "known as" are not clause openers
                            let prev = self.words[i - 1];
                            if !(is_as && matches!(prev, "such" | "known" | "well" | "same" | "so")) {
                                starts.push((i, Boundary::Subord));
                            }
                        }
                    } else if f & words::REPORT != 0 && self.is_reporting_use(i) {
                        let mut after = next;
                        if w == "according" && self.words.get(next) == Some(&"to") {
                            // "according to X" is parenthetical: skip the source too
                            after = next + 1;
                            if after < n && self.actor_at[after] >= 0 {
                                let a = self.actor_at[after];
                                while after < n && self.actor_at[after] == a {
                                    after += 1;
                                }
                            }
                        } else if matches!(w, "told" | "tells" | "tell") && self.starts_actor(next) {
                            let a = self.actor_at[next];
                            while after < n && self.actor_at[after] == a {
                                after += 1;
                            }
                        }
                        if self.words.get(after) == Some(&"that") {
                            after += 1;
                        }
                        starts.push((after, Boundary::Report));
                    } else if w == "that" && i > 0 && self.that_is_relative(i) {
                        starts.push((i, Boundary::Rel));
                    } else if w == "that" && i > 0 && self.words[i - 1] != "," && self.that_opens_clause(i) {
                        starts.push((next, Boundary::Report));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        starts.sort_by_key(|s| s.0);
        // later boundaries at the same position win (the more specific kind)
        let mut merged: Vec<(usize, Boundary)> = Vec::with_capacity(starts.len());
        for s in starts {
            if s.0 > n {
                continue;
            }
            match merged.last_mut() {
                Some(last) if last.0 == s.0 => {
                    if s.1 != Boundary::Comma {
                        last.1 = s.1
                    }
                }
                _ => merged.push(s),
            }
        }
        self.clause.resize(n, 0);
        for (k, &(start, kind)) in merged.iter().enumerate() {
            let end = merged.get(k + 1).map(|m| m.0).unwrap_or(n);
            if start >= end && k + 1 < merged.len() {
                continue;
            }
            let ci = self.clauses.len() as u16;
            self.clauses.push(Clause { start, end, kind });
            for c in &mut self.clause[start..end] {
                *c = ci;
            }
        }
        if self.clauses.is_empty() {
            self.clauses.push(Clause { start: 0, end: n, kind: Boundary::Start });
        }
    }

    /// Whether the quote mark at `i` opens or closes a quotation of at most three words
    /// inside a clause (no punctuation within, words on both sides).
    fn short_quote_mark(&self, i: usize) -> bool {
        let is_mark = |k: usize| self.kinds[k] == TokenKind::Punct && matches!(self.words[k], "\"" | "“" | "”" | "'" | "‘" | "’" | "''" | "``" | "`");
        let n = self.len();
        // the run of marks around `i` ("''" may be two tokens)
        let (mut lo, mut hi) = (i, i);
        while lo > 0 && is_mark(lo - 1) {
            lo -= 1;
        }
        while hi + 1 < n && is_mark(hi + 1) {
            hi += 1;
        }
        let words_then_mark = |range: &mut dyn Iterator<Item = usize>| {
            for (words, k) in range.enumerate() {
                if is_mark(k) {
                    return (1..=3).contains(&words);
                }
                if self.kinds[k] != TokenKind::Word {
                    return false;
                }
            }
            false
        };
        let word_at = |k: usize| k < n && self.kinds[k] == TokenKind::Word;
        let opens = lo > 0 && word_at(lo - 1) && words_then_mark(&mut (hi + 1..n.min(hi + 5)));
        let closes = word_at(hi + 1) && lo > 0 && words_then_mark(&mut (lo.saturating_sub(4)..lo).rev()) && {
            // the opening mark must itself follow a word
            let mut k = lo - 1;
            while k > 0 && !is_mark(k) {
                k -= 1;
            }
            while k > 0 && is_mark(k - 1) {
                k -= 1;
            }
            k > 0 && word_at(k - 1)
        };
        opens || closes
    }

    /// A reporting word used as a reporting verb, not as a noun ("the report") or an
    /// adjective ("the reported attack").
    fn is_reporting_use(&self, i: usize) -> bool {
        let w = self.words[i];
        if i > 0 && self.has(i - 1, words::DET) {
            return false;
        }
        if matches!(w, "report" | "reports" | "reported" | "posted" | "declared" | "confirmed" | "noted" | "added") {
            // only before a clause or at the end: "reported that", ", police reported."
            let next = self.words.get(i + 1).copied().unwrap_or(".");
            // "declared Tuesday that…": a day between the verb and its clause
            let dated_that = words::is_day_word(next) && self.words.get(i + 2) == Some(&"that");
            return dated_that || matches!(next, "that" | "on" | "." | "," | "\"" | "”") || self.starts_actor(i + 1) && !matches!(w, "declared" | "confirmed");
        }
        true
    }

    /// "that" as the subject of a relative clause ("a helicopter *that was* captured",
    /// "a resolution *that aims* to…"): a complementiser is followed by its clause's subject,
    /// never directly by a verb. Not after a reporting verb ("said that was wrong").
    fn that_is_relative(&self, i: usize) -> bool {
        let prev = self.words[i - 1];
        let Some(next) = self.words.get(i + 1).copied() else { return false };
        if self.kinds[i - 1] != TokenKind::Word
            || self.has(i - 1, words::REPORT)
            || words::is_finite_verb(self.flags[i - 1], prev)
            || matches!(prev, "so" | "such" | "now" | "given" | "except")
        {
            return false;
        }
        let nf = self.flags[i + 1];
        nf & (words::BE | words::HAVE | words::FUTURE | words::MAYBE | words::VERB) != 0 && next != "'s"
            || next.len() >= 5 && next.ends_with("ed") && nf & words::ADJ == 0
            // "a resolution that aims to": a verb in -s after a singular noun (after a plural
            // noun the -s word is more often a noun: "the rules that states follow")
            || next.len() > 3 && next.ends_with('s') && !next.ends_with("ss") && !prev.ends_with('s') && nf & (words::DET | words::PRONOUN | words::ADJ) == 0
    }

    /// A bracketed acronym ("The Libyan National Army (LNA) agreed"): part of the name before
    /// it, so its brackets do not end the clause. `i` is the "(" or the ")".
    fn bracketed_acronym(&self, i: usize) -> bool {
        let open = match self.words[i] {
            "(" => i,
            ")" if i >= 2 => i - 2,
            _ => return false,
        };
        let (Some(&a), Some(&close)) = (self.words.get(open + 1), self.words.get(open + 2)) else { return false };
        if close != ")" || self.words[open] != "(" {
            return false;
        }
        // words are lowercased here: a short capitalised token stands for the acronym
        self.cap[open + 1] && (2..=8).contains(&a.len()) && a.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '&'))
    }

    /// "that" as a complementiser after a statement verb ("warned that", "demanded that").
    fn that_opens_clause(&self, i: usize) -> bool {
        let prev = self.words[i - 1];
        prev.ends_with("ed") || prev.ends_with('s') && !self.has(i - 1, words::DET) || matches!(prev, "say" | "warn" | "insist" | "claim" | "deny")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(text: &str) -> Vec<String> {
        let doc = sitrep_text::prepare(text);
        let wc = WordClasses::default();
        let mut s = Sent::default();
        s.analyse(&doc, 0, &wc, &[]);
        s.clauses
            .iter()
            .map(|c| format!("{:?}:{}", c.kind, s.words[c.start..c.end].join(" ")))
            .collect()
    }

    #[test]
    fn clause_boundaries_from_punctuation_and_function_words() {
        let table: &[(&str, &[&str])] = &[
            ("Police said gunmen attacked villagers.", &["Start:police said", "Report:gunmen attacked villagers ."]),
            (
                "Troops withdrew after rebels shelled the base.",
                &["Start:troops withdrew", "Subord:after rebels shelled the base ."],
            ),
            ("If talks fail, the army would attack.", &["Condition:if talks fail ,", "Comma:the army would attack ."]),
            ("The minister warned that sanctions would follow.", &["Start:the minister warned that", "Report:sanctions would follow ."]),
            ("Rebels attacked the town and killed ten people.", &["Start:rebels attacked the town and", "Coord:killed ten people ."]),
            ("Rebels seized the town and the army fled.", &["Start:rebels seized the town and", "Coord:the army fled ."]),
            ("Refugees received food and medicine from the agency.", &["Start:refugees received food and medicine from the agency ."]),
            // a comma inside a noun list after a preposition joins its items
            ("The ministers talked about fishing, tourism and border security.", &["Start:the ministers talked about fishing , tourism and border security ."]),
            ("The envoys met in Accra, Lome and Abuja last month.", &["Start:the envoys met in accra , lome and abuja last month ."]),
            ("Gunmen raided the village on Friday, burning homes and shops.", &["Start:gunmen raided the village on friday ,", "Comma:burning homes and shops ."]),
            ("Crowds marched against the new law on media funding, waving flags and banners.", &["Start:crowds marched against the new law on media funding ,", "Comma:waving flags and banners ."]),
            // …but a comma after a preposition's object that goes on to a clause still splits
            ("Rebels attacked the town on Monday, and troops fled.", &["Start:rebels attacked the town on monday ,", "Comma:and", "Coord:troops fled ."]),
            (
                "The bank will provide a grant and a loan to the city.",
                &["Start:the bank will provide a grant and a loan to the city ."],
            ),
            (
                "Bishops condemned the stabbing and car bombing near a clinic, officials said.",
                &["Start:bishops condemned the stabbing and car bombing near a clinic ,", "Comma:officials said", "Report:."],
            ),
            ("Police arrested two men and they were charged.", &["Start:police arrested two men and", "Coord:they were charged ."]),
            (
                "A court ordered the arrest and detention of the mayor for alleged fraud.",
                &["Start:a court ordered the arrest and detention of the mayor for alleged fraud ."],
            ),
        ];
        for (text, want) in table {
            assert_eq!(clauses(text), *want, "{text}");
        }
    }

    #[test]
    fn quotes_are_marked() {
        let doc = sitrep_text::prepare("\"We will strike back,\" the commander said.");
        let wc = WordClasses::default();
        let mut s = Sent::default();
        s.analyse(&doc, 0, &wc, &[]);
        let strike = s.words.iter().position(|w| *w == "strike").unwrap();
        let said = s.words.iter().position(|w| *w == "said").unwrap();
        assert!(s.quote[strike]);
        assert!(!s.quote[said]);
    }
}
