//! Casualty phrases: a casualty word (killed, died, dead, wounded, death toll, bodies, lost
//! their lives) and the figure that goes with it, found by short token scans around the
//! word. Rule ids name the pattern:
//! - `cas.object`: active verb with the figure after it ("killing at least nine people");
//! - `cas.subject`: passive or intransitive with the figure before it ("three soldiers
//!   were killed", "one person died", "12 dead");
//! - `cas.singular`: no figure, one person named ("a soldier was killed", "killed the
//!   deputy chief"): counts 1;
//! - `cas.sum`: figures joined by "and" for one verb ("killed three soldiers and two
//!   civilians"), summed;
//! - `cas.toll` (+ `cas.toll_update` when it rose): "the death toll rose to 40";
//! - `cas.bodies`, `cas.lives`: "40 bodies were found", "claimed the lives of 12";
//! - `cas.none`: "no one was hurt" counts 0; with `cas.no_casualties`, "no casualties were
//!   reported" counts 0 killed and 0 injured;
//! - `cas.lost`: a force's own dead ("killed five militants and lost two soldiers"), only
//!   with a word for people, so "lost two seats" is not read;
//! - `cas.subset`: the figure is a part of another ("including three children").

use crate::numbers::{figure_at, quantity, Figure, View};
use sitrep_core::{CasualtyKind, CasualtyMention, Doc, Qualifier, Span, TokenKind};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// Takes an object when active, a subject when passive: killed, wounded.
    Transitive,
    /// Only a subject: died, dead, perished, deaths.
    Intransitive,
    /// A verb that kills only with "to death" / "dead": stabbed, hacked, shot.
    DeathVerb,
    Toll,
    Bodies,
    Lives,
}

fn classify(w: &str) -> Option<(CasualtyKind, Class)> {
    use CasualtyKind::*;
    use Class::*;
    Some(match w {
        "killed" | "killing" | "kill" | "kills" | "murdered" | "murdering" | "executed" | "executing" | "slaughtered"
        | "massacred" | "massacring" | "beheaded" | "lynched" | "assassinated" | "gunned" => (Killed, Transitive),
        "wounded" | "wounding" | "injured" | "injuring" | "injure" | "injures" | "hurt" | "hurting" | "maimed" => {
            (Injured, Transitive)
        }
        "died" | "dead" | "perished" | "deaths" | "fatalities" | "slain" | "drowned" => (Killed, Intransitive),
        "injuries" => (Injured, Intransitive),
        "stabbed" | "beaten" | "beat" | "hacked" | "burned" | "burnt" | "stoned" | "clubbed" | "tortured" | "bludgeoned"
        | "shot" | "shooting" | "hacking" | "stabbing" | "beating" => (Killed, DeathVerb),
        "toll" => (Killed, Toll),
        "bodies" | "corpses" => (Killed, Bodies),
        "lives" => (Killed, Lives),
        _ => return None,
    })
}

/// Auxiliaries and adverbs between a subject and its passive verb ("have reportedly been").
fn aux(w: &str) -> bool {
    matches!(
        w,
        "was" | "were" | "been" | "be" | "being" | "is" | "are" | "have" | "has" | "had" | "got" | "get" | "reportedly"
            | "also" | "later" | "all" | "allegedly" | "subsequently" | "since" | "now" | "already" | "both" | "each"
            | "immediately" | "confirmed" | "believed" | "feared" | "to" | "apparently" | "reported"
            | "initially" | "eventually" | "either" | "seriously" | "critically" | "badly" | "slightly" | "fatally"
            | "mortally" | "lightly"
    )
}

/// Prepositions that end an object noun phrase ("killed 12 people in Goma"); "of" does not
/// ("killed two of the attackers").
fn preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "at" | "on" | "by" | "with" | "from" | "near" | "to" | "during" | "for" | "over" | "into" | "across"
            | "outside" | "inside" | "under" | "along" | "around" | "through" | "throughout" | "between" | "against"
    )
}

/// Time words that end a noun phrase ("killing 19 soldiers Sunday").
fn time_word(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "yesterday" | "today"
            | "overnight" | "tonight" | "last" | "earlier" | "later"
    )
}

fn be_form(w: &str) -> bool {
    matches!(w, "was" | "were" | "been" | "be" | "being" | "is" | "are" | "got" | "get" | "gets")
}

/// Words after a participle that show it is passive ("killed in", "killed by", "killed,").
fn passive_next(w: &str) -> bool {
    matches!(
        w,
        "in" | "by" | "on" | "at" | "during" | "when" | "as" | "after" | "while" | "near" | "following" | "overnight"
            | "yesterday" | "today" | "and" | "or" | "since" | "so" | "last" | "this" | "outside" | "inside" | "across"
            | "from" | "with" | "before" | "early" | "late" | "there" | "too" | "instantly" | "immediately"
            | "earlier" | "later" | "",
    )
}

/// Words that end a noun phrase when scanning around a figure.
fn np_stop(w: &str) -> bool {
    matches!(
        w,
        "and" | "or" | "but" | "that" | "which" | "who" | "whom" | "whose" | "when" | "where" | "while" | "after"
            | "before" | "since" | "as" | "than" | "said" | "says" | "say" | "told" | "according" | "including"
            | "among" | "were" | "was" | "are" | "is" | "have" | "has" | "had" | "been" | "be" | "if" | "because"
    ) || classify(w).is_some()
}

/// Units that make a figure a time or distance, not people ("two days", "5 km").
fn unit(w: &str) -> bool {
    matches!(
        w,
        "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years" | "hour" | "hours" | "minute"
            | "minutes" | "km" | "kilometres" | "kilometers" | "miles" | "metres" | "meters" | "percent" | "per"
            | "times" | "am" | "pm" | "a.m." | "p.m." | "o'clock" | "points" | "votes" | "seats"
    )
}

fn month_word(w: &str) -> bool {
    sitrep_text::words::month(w).is_some()
}

/// Singular nouns for one person: "a soldier was killed" counts one.
fn person_noun(w: &str) -> bool {
    matches!(
        w,
        "person" | "man" | "woman" | "child" | "boy" | "girl" | "baby" | "infant" | "toddler" | "teenager" | "youth"
            | "soldier" | "officer" | "policeman" | "policewoman" | "police officer" | "civilian" | "journalist"
            | "reporter" | "photographer" | "cameraman" | "commander" | "leader" | "chief" | "militant" | "fighter"
            | "rebel" | "insurgent" | "guerrilla" | "protester" | "protestor" | "demonstrator" | "student" | "worker"
            | "farmer" | "herder" | "teacher" | "doctor" | "nurse" | "prisoner" | "detainee" | "inmate" | "guard"
            | "driver" | "passenger" | "resident" | "villager" | "trooper" | "serviceman" | "servicemember"
            | "marine" | "sergeant" | "colonel" | "general" | "captain" | "lieutenant" | "major" | "official"
            | "politician" | "lawmaker" | "legislator" | "mayor" | "governor" | "minister" | "cleric" | "imam"
            | "priest" | "pastor" | "monk" | "bomber" | "gunman" | "attacker" | "assailant" | "suspect" | "pilot"
            | "peacekeeper" | "activist" | "member" | "father" | "mother" | "son" | "daughter" | "brother"
            | "sister" | "husband" | "wife" | "pedestrian" | "bystander" | "shopkeeper" | "trader" | "merchant"
            | "militiaman" | "paramilitary" | "contractor" | "diplomat" | "ambassador" | "judge" | "candidate"
            | "spokesman" | "spokeswoman" | "deputy" | "head" | "employee" | "volunteer" | "medic" | "paramedic"
            | "citizen" | "national" | "refugee" | "migrant" | "pilgrim" | "worshipper" | "fisherman" | "miner"
            | "agent" | "informant" | "hostage" | "kidnapper" | "jihadist" | "extremist" | "settler" | "private"
            | "corporal" | "policemen" | "constable" | "inspector" | "warlord" | "chieftain" | "elder"
            | "councillor" | "councilor" | "councilman" | "councilwoman" | "chairman" | "businessman"
            | "businesswoman" | "lawyer" | "prosecutor" | "magistrate" | "senator" | "headman" | "vendor"
            | "herdsman" | "tribesman" | "cadet" | "recruit" | "ranger" | "watchman" | "motorist" | "tourist"
            | "nun" | "bishop" | "teen" | "schoolboy" | "schoolgirl" | "pensioner" | "grandmother"
            | "grandfather" | "uncle" | "nephew" | "niece" | "cousin" | "relative" | "administrator"
    )
}

/// A person noun phrase in `[from, to)`: determiner-led, one singular person noun, nothing
/// that ends a phrase. Returns true for "the deputy chief", "a Palestinian prisoner".
fn singular_person(v: &View, from: usize, to: usize) -> bool {
    let mut saw = false;
    for k in from..to {
        let w = v.w(k);
        if v.kind(k) == Some(TokenKind::Punct) && w != "-" && w != "'s" && w != "'" {
            return false;
        }
        if np_stop(w) || matches!(w, "in" | "at" | "on" | "by" | "with" | "from") {
            return false;
        }
        if person_noun(w) {
            saw = true;
        }
    }
    saw
}

pub(crate) struct Counter<'a> {
    v: View<'a>,
    /// First and one-past-last token of the sentence being scanned.
    lo: usize,
    hi: usize,
}

/// What one anchor produced.
struct Hit {
    start: usize,
    end: usize,
    kind: CasualtyKind,
    fig: Figure,
    rules: Vec<&'static str>,
}

impl<'a> Counter<'a> {
    fn w(&self, i: usize) -> &'a str {
        if i < self.lo || i >= self.hi {
            ""
        } else {
            self.v.w(i)
        }
    }

    fn is_punct(&self, i: usize) -> bool {
        self.v.kind(i) == Some(TokenKind::Punct) && !matches!(self.v.w(i), "-" | "'" | "’")
    }

    /// A figure whose hedge (if any) starts exactly at `j`, its number within three tokens.
    fn figure_from(&self, j: usize) -> Option<Figure> {
        for k in j..(j + 4).min(self.hi) {
            if quantity(&self.v, k).is_some() {
                let f = figure_at(&self.v, k)?;
                return (f.start == j && f.end <= self.hi).then_some(f);
            }
        }
        None
    }

    /// Words of a noun phrase starting at `j` (object side: stops at prepositions but "of").
    fn np_forward(&self, j: usize, max: usize) -> usize {
        let mut k = j;
        while k < self.hi && k < j + max {
            let w = self.w(k);
            if self.is_punct(k) || np_stop(w) || preposition(w) || time_word(w) {
                break;
            }
            k += 1;
        }
        k
    }

    /// Figure(s) after an active verb ending at `e`: "at least nine people", "three
    /// soldiers and two civilians", or one named person.
    fn object(&self, e: usize) -> Option<(usize, Figure, Vec<&'static str>)> {
        let mut rules = vec!["cas.object"];
        if let Some(mut fig) = self.figure_from(e) {
            let q_end = fig.end;
            if unit(self.w(q_end)) {
                return None;
            }
            let mut end = self.np_forward(q_end, 6);
            // "three soldiers and two civilians"
            while matches!(self.w(end), "and" | ",") {
                let Some(next) = self.figure_from(end + 1) else { break };
                if unit(self.w(next.end)) {
                    break;
                }
                fig.count = fig.count.saturating_add(next.count);
                fig.low = None;
                fig.high = None;
                if next.qualifier != Qualifier::Exact && fig.qualifier == Qualifier::Exact {
                    fig.qualifier = next.qualifier;
                }
                if !rules.contains(&"cas.sum") {
                    rules.push("cas.sum");
                }
                end = self.np_forward(next.end, 6);
            }
            fig.end = end;
            return Some((end, fig, rules));
        }
        // "wounded another", "injured another eight"
        if self.w(e) == "another" {
            if let Some(fig) = self.figure_from(e + 1) {
                let end = self.np_forward(fig.end, 6);
                return Some((end, Figure { start: e, end, ..fig }, rules));
            }
            let next = self.w(e + 1);
            if self.is_punct(e + 1) || np_stop(next) || preposition(next) || person_noun(next) || e + 1 >= self.hi {
                let end = if person_noun(next) { e + 2 } else { e + 1 };
                rules[0] = "cas.singular";
                return Some((end, one(e, end), rules));
            }
        }
        if matches!(self.w(e), "a" | "an" | "the" | "his" | "her" | "their" | "its") {
            let end = self.np_forward(e + 1, 5);
            if end > e + 1 && singular_person(&self.v, e + 1, end) {
                rules[0] = "cas.singular";
                return Some((end, one(e, end), rules));
            }
        }
        None
    }

    /// "lost two soldiers", "losing three of its own fighters": a force's own dead. Only with
    /// a word for people in the phrase, so "lost two seats" and "lost 5 km" are not deaths.
    fn lost_people(&self, a: usize) -> Option<Hit> {
        if !matches!(self.w(a), "lost" | "losing" | "lose" | "loses") {
            return None;
        }
        let fig = self.figure_from(a + 1)?;
        let mut end = fig.end;
        // "two of their own fighters", "three of its men"
        if self.w(end) == "of" && matches!(self.w(end + 1), "their" | "its" | "his" | "our") {
            end += 2;
            if self.w(end) == "own" {
                end += 1;
            }
        }
        let np_end = self.np_forward(end, 3);
        let people = (end..np_end).any(|k| {
            matches!(
                self.w(k),
                "soldiers" | "soldier" | "troops" | "fighters" | "fighter" | "men" | "officers" | "officer"
                    | "policemen" | "policeman" | "members" | "militants" | "rebels" | "personnel"
                    | "servicemen" | "commanders" | "guards" | "police" | "own"
            )
        }) || self.w(end - 1) == "own";
        if !people {
            return None;
        }
        Some(Hit { start: a, end: np_end.max(end), kind: CasualtyKind::Killed, fig, rules: vec!["cas.lost"] })
    }

    /// "no casualties", "without casualties", "no immediate casualties" at the noun `a`.
    fn no_casualties(&self, a: usize) -> bool {
        if !matches!(self.w(a), "casualties" | "casualty") || a == self.lo {
            return false;
        }
        let mut j = a - 1;
        if matches!(self.w(j), "immediate" | "reported" | "further" | "other") && j > self.lo {
            j -= 1;
        }
        matches!(self.w(j), "no" | "without")
    }

    /// The figure before a passive or intransitive casualty word at `a`.
    fn subject(&self, a: usize, allow_aux: bool) -> Option<(usize, Figure, Vec<&'static str>)> {
        let mut j = a as isize - 1;
        if allow_aux {
            while j >= self.lo as isize && aux(self.w(j as usize)) {
                j -= 1;
            }
        }
        if j < self.lo as isize {
            return None;
        }
        let mut j = j as usize;
        // "three children who died"
        if matches!(self.w(j), "who" | "that" | "which") && j > self.lo {
            j -= 1;
        }
        // "no one was hurt", "nobody died", "none of the passengers were injured"
        if matches!(self.w(j), "nobody" | "none") || (self.w(j) == "one" && j > self.lo && self.w(j - 1) == "no") {
            let s = if self.w(j) == "one" { j - 1 } else { j };
            let f = Figure { start: s, end: j + 1, count: 0, low: None, high: None, qualifier: Qualifier::Exact };
            return Some((s, f, vec!["cas.none"]));
        }
        let (fig, mut rules) = self.figure_back(j)?;
        let mut fig = fig;
        // "three soldiers and two civilians were killed"
        let mut start = fig.start;
        while start > self.lo + 1 && self.w(start - 1) == "and" {
            let Some((prev, _)) = self.figure_back(start - 2) else { break };
            fig.count = fig.count.saturating_add(prev.count);
            fig.low = None;
            fig.high = None;
            start = prev.start;
            if !rules.contains(&"cas.sum") {
                rules.push("cas.sum");
            }
        }
        fig.start = start;
        if start > self.lo && matches!(self.w(start - 1), "including" | "among") {
            rules.push("cas.subset");
        }
        Some((start, fig, rules))
    }

    /// Scan back from `j` over a noun phrase to its figure.
    fn figure_back(&self, j: usize) -> Option<(Figure, Vec<&'static str>)> {
        let lo = j.saturating_sub(7).max(self.lo);
        let mut k = j as isize;
        while k >= lo as isize {
            let ku = k as usize;
            let w = self.w(ku);
            if let Some(q) = quantity(&self.v, ku).filter(|q| q.end <= j + 1) {
                let prev = if ku > self.lo { self.w(ku - 1) } else { "" };
                let is_date = month_word(prev) || month_word(self.w(q.end)) || (prev == "in" && q.value >= 1900);
                let in_pp = matches!(prev, "in" | "at" | "on" | "from" | "near" | "across" | "of") && !q.vague;
                if !is_date && !in_pp && !unit(self.w(q.end)) {
                    // The high end of a range: read the range from its low end.
                    for back in [2usize, 3] {
                        if ku >= self.lo + back {
                            if let Some(f) = figure_at(&self.v, ku - back).filter(|f| f.end == q.end && f.high.is_some()) {
                                if f.start >= self.lo {
                                    return Some((f, vec!["cas.subject"]));
                                }
                            }
                        }
                    }
                    if let Some(f) = figure_at(&self.v, ku) {
                        if f.start >= self.lo {
                            return Some((f, vec!["cas.subject"]));
                        }
                    }
                }
                if is_date || unit(self.w(q.end)) {
                    return None;
                }
            }
            if matches!(w, "a" | "an" | "the") && singular_person(&self.v, ku + 1, j + 1) {
                return Some((one(ku, j + 1), vec!["cas.singular"]));
            }
            if self.is_punct(ku) || np_stop(w) {
                return None;
            }
            k -= 1;
        }
        None
    }

    /// "the death toll rose to 40", "raising the toll to 40", "the number of dead reached 40".
    fn toll(&self, a: usize) -> Option<(usize, Figure, Vec<&'static str>)> {
        let mut rules = vec!["cas.toll"];
        let before = |n: usize| (1..=n).filter_map(|d| a.checked_sub(d)).map(|k| self.w(k));
        let rising = |w: &str| {
            matches!(
                w,
                "rose" | "risen" | "rise" | "rises" | "climbed" | "climbs" | "increased" | "jumped" | "mounted" | "grew"
                    | "raising" | "raised" | "bringing" | "brought" | "pushing" | "pushed" | "surged" | "soared"
                    | "reached" | "hit" | "climbing" | "rising"
            )
        };
        if before(4).any(rising) {
            rules.push("cas.toll_update");
        }
        let mut k = a + 1;
        while k < self.hi && k <= a + 15 {
            let w = self.w(k);
            if matches!(w, "." | ";") {
                break;
            }
            if rising(w) && !rules.contains(&"cas.toll_update") {
                rules.push("cas.toll_update");
            }
            if matches!(w, "to" | "at" | "of" | "reached" | "hit" | "passed" | "topped" | "exceeded" | "is" | "was" | "stands" | "stood" | "now" | "past" | "rose" | "climbed" | "reaches") {
                if let Some(f) = self.figure_from(k + 1) {
                    if !unit(self.w(f.end)) {
                        return Some((f.end, f, rules));
                    }
                }
            }
            k += 1;
        }
        None
    }

    fn scan_anchor(&self, a: usize) -> Option<Hit> {
        let w = self.w(a);
        let (mut kind, class) = classify(w)?;
        // "killed or wounded 20": the figure mixes both kinds, so it is neither.
        let other_kind = |k: usize| classify(self.w(k)).is_some_and(|(k2, _)| k2 != kind);
        if (self.w(a + 1) == "or" && other_kind(a + 2)) || (a >= self.lo + 2 && self.w(a - 1) == "or" && other_kind(a - 2)) {
            return None;
        }
        // A word that merely starts a quote or name ("Dead Sea") is not a casualty word.
        match class {
            Class::Toll => {
                if a > self.lo && matches!(self.w(a - 1), "injury" | "casualty") {
                    kind = if self.w(a - 1) == "injury" { CasualtyKind::Injured } else { kind };
                }
                let (end, fig, rules) = self.toll(a)?;
                let start = if a > self.lo && matches!(self.w(a - 1), "death" | "injury") { a - 1 } else { a };
                return Some(Hit { start: start.min(fig.start), end, kind, fig, rules });
            }
            Class::Bodies => {
                if matches!(self.w(a + 1), "of") {
                    if let Some(f) = self.figure_from(a + 2) {
                        let end = self.np_forward(f.end, 4);
                        return Some(Hit { start: a, end, kind, fig: f, rules: vec!["cas.bodies"] });
                    }
                }
                let (start, fig, _) = self.subject(a, false)?;
                return Some(Hit { start, end: a + 1, kind, fig, rules: vec!["cas.bodies"] });
            }
            Class::Lives => {
                // "lost their lives": the subject of "lost".
                if a >= self.lo + 2 && self.w(a - 2) == "lost" && matches!(self.w(a - 1), "their" | "his" | "her") {
                    let (start, fig, mut rules) = self.subject(a - 2, true)?;
                    rules.push("cas.lives");
                    return Some(Hit { start, end: a + 1, kind, fig, rules });
                }
                // "claimed the lives of 12 people"
                if self.w(a + 1) == "of" {
                    if let Some(f) = self.figure_from(a + 2) {
                        let end = self.np_forward(f.end, 4);
                        return Some(Hit { start: a, end, kind, fig: f, rules: vec!["cas.lives"] });
                    }
                }
                // "claimed 12 lives"
                let (start, fig, _) = self.subject(a, false)?;
                let verb = if start > self.lo { self.w(start - 1) } else { "" };
                if matches!(verb, "claimed" | "claiming" | "took" | "taking" | "cost" | "costing" | "claim" | "claims") {
                    return Some(Hit { start: start - 1, end: a + 1, kind, fig, rules: vec!["cas.lives"] });
                }
                return None;
            }
            Class::Intransitive => {
                if a > self.lo && self.w(a - 1) == "no" {
                    let f = Figure { start: a - 1, end: a + 1, count: 0, low: None, high: None, qualifier: Qualifier::Exact };
                    return Some(Hit { start: a - 1, end: a + 1, kind, fig: f, rules: vec!["cas.none"] });
                }
                let (start, fig, rules) = self.subject(a, true)?;
                return Some(Hit { start, end: a + 1, kind, fig, rules });
            }
            Class::Transitive | Class::DeathVerb => {}
        }
        // The verb phrase: "killed", "gunned down", "shot dead", "hacked to death",
        // "hacked three villagers to death".
        let mut verb_end = a + 1;
        let mut object_limit = self.hi;
        if w == "gunned" {
            if self.w(a + 1) != "down" {
                return None;
            }
            verb_end = a + 2;
        }
        if class == Class::DeathVerb {
            let mut found = None;
            for k in a + 1..(a + 8).min(self.hi) {
                if self.is_punct(k) {
                    break;
                }
                if self.w(k) == "dead" {
                    found = Some((k, k + 1));
                    break;
                }
                if self.w(k) == "to" && self.w(k + 1) == "death" {
                    found = Some((k, k + 2));
                    break;
                }
            }
            let (k, after) = found?;
            if k == a + 1 {
                verb_end = after;
            } else {
                object_limit = k;
                let (_, mut fig, mut rules) = self.object(a + 1)?;
                if fig.end > object_limit {
                    fig.end = object_limit;
                }
                rules.push("cas.to_death");
                return Some(Hit { start: a, end: after, kind, fig, rules });
            }
        }
        // Passive when the nearest auxiliary is a form of "be" ("were killed", "have been
        // killed"); "have killed" is active.
        let mut b = a;
        while b > self.lo && aux(self.w(b - 1)) && !be_form(self.w(b - 1)) && !matches!(self.w(b - 1), "have" | "has" | "had") {
            b -= 1;
        }
        let prev_aux = b > self.lo && be_form(self.w(b - 1));
        let next = self.w(verb_end);
        let object_follows = self.figure_from(verb_end).is_some();
        let passive =
            prev_aux || (!object_follows && (passive_next(next) || self.is_punct(verb_end) || verb_end >= self.hi));
        if !passive {
            if let Some((end, fig, rules)) = self.object(verb_end) {
                let end = end.min(object_limit);
                return Some(Hit { start: a, end, kind, fig, rules });
            }
            // "12 wounded soldiers": an adjective right after its figure.
            let q = quantity(&self.v, a.checked_sub(1)?)?;
            if q.end == a {
                let f = figure_at(&self.v, q.start)?;
                return Some(Hit { start: f.start, end: a + 1, kind, fig: f, rules: vec!["cas.subject"] });
            }
            return None;
        }
        let (start, fig, rules) = self.subject(a, true)?;
        Some(Hit { start, end: verb_end, kind, fig, rules })
    }
}

fn one(start: usize, end: usize) -> Figure {
    Figure { start, end, count: 1, low: None, high: None, qualifier: Qualifier::Exact }
}

/// Every casualty phrase in `doc`.
pub fn count(doc: &Doc) -> Vec<CasualtyMention> {
    let v = View { lower: &doc.lower, toks: &doc.tokens };
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let c = Counter { v: View { lower: v.lower, toks: v.toks }, lo: s.tokens.start, hi: s.tokens.end };
        let mut a = s.tokens.start;
        let mut consumed = s.tokens.start;
        while a < s.tokens.end {
            // "no casualties were reported", "ended without casualties": nobody killed and
            // nobody hurt. "Casualties" with a figure stays unread: it may be either.
            if a >= consumed && c.no_casualties(a) {
                let span = Span::new(doc.tokens[a - 1].span.start, doc.tokens[a].span.end);
                for kind in [CasualtyKind::Killed, CasualtyKind::Injured] {
                    out.push(CasualtyMention {
                        span,
                        sentence: si,
                        kind,
                        count: 0,
                        low: None,
                        high: None,
                        qualifier: Qualifier::Exact,
                        rules: vec!["cas.none".to_string(), "cas.no_casualties".to_string()],
                    });
                }
                consumed = a + 1;
                a += 1;
                continue;
            }
            let Some(hit) = c.scan_anchor(a).or_else(|| c.lost_people(a)) else {
                a += 1;
                continue;
            };
            let start = hit.start.min(hit.fig.start);
            let end = hit.end.max(a + 1);
            if start < consumed {
                // The figure belongs to a phrase already read ("12 dead bodies").
                a += 1;
                continue;
            }
            let span = Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end);
            let mut rules: Vec<String> = hit.rules.iter().map(|r| r.to_string()).collect();
            if hit.fig.qualifier != Qualifier::Exact && hit.fig.low.is_none() && hit.fig.count > 0 {
                if let Some(q) = quantity(&v, hit.fig.start).or_else(|| {
                    (hit.fig.start..hit.fig.end).find_map(|k| quantity(&v, k))
                }) {
                    if q.vague {
                        rules.push("cas.vague".to_string());
                    }
                }
            }
            out.push(CasualtyMention {
                span,
                sentence: si,
                kind: hit.kind,
                count: hit.fig.count,
                low: hit.fig.low,
                high: hit.fig.high,
                qualifier: hit.fig.qualifier,
                rules,
            });
            consumed = end;
            a = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use CasualtyKind::*;
    use Qualifier::*;

    type Want = (CasualtyKind, u32, Qualifier);

    fn got(text: &str) -> Vec<(CasualtyKind, u32, Qualifier, String, Vec<String>)> {
        let doc = sitrep_text::prepare(text);
        count(&doc).into_iter().map(|m| (m.kind, m.count, m.qualifier, doc.slice(m.span).to_string(), m.rules)).collect()
    }

    #[test]
    fn casualty_forms_table() {
        let cases: &[(&str, &[Want])] = &[
            ("Gunmen stormed the market, killing at least nine people.", &[(Killed, 9, AtLeast)]),
            ("Militants killed 23 people in the attack.", &[(Killed, 23, Exact)]),
            ("A pair of bombers detonated their vests and killed 23 people besides themselves.", &[(Killed, 23, Exact)]),
            ("At least three civilians have been killed in a car bombing.", &[(Killed, 3, AtLeast)]),
            ("Three servicemen were killed by a roadside device.", &[(Killed, 3, Exact)]),
            ("One person died in the clashes.", &[(Killed, 1, Exact)]),
            ("A soldier was killed near the checkpoint.", &[(Killed, 1, Exact)]),
            ("A prominent local journalist has been killed in a blast.", &[(Killed, 1, Exact)]),
            ("The militia killed the deputy chief of the district.", &[(Killed, 1, Exact)]),
            ("Troops opened fire, killing one person and arresting 12.", &[(Killed, 1, Exact)]),
            ("A bomb killed one soldier and wounded two others.", &[(Killed, 1, Exact), (Injured, 2, Exact)]),
            ("The raid killed three soldiers and two civilians.", &[(Killed, 5, Exact)]),
            ("Three soldiers and two civilians were killed.", &[(Killed, 5, Exact)]),
            ("The ambush ended, killing at least nine and wounding 30.", &[(Killed, 9, AtLeast), (Injured, 30, Exact)]),
            ("Rebels shelled the town, killing about 20 people.", &[(Killed, 20, About)]),
            ("Fighting killed more than 40 fighters.", &[(Killed, 40, AtLeast)]),
            ("The blast killed up to 15 people.", &[(Killed, 15, AtMost)]),
            ("The blast killed as many as 15 people.", &[(Killed, 15, AtMost)]),
            ("Nearly 200 people were wounded.", &[(Injured, 200, About)]),
            ("The blast killed between 10 and 15 people.", &[(Killed, 10, AtLeast)]),
            ("Officials said 10 to 15 people died.", &[(Killed, 10, AtLeast)]),
            ("Dozens of people were killed in the raid.", &[(Killed, 12, AtLeast)]),
            ("The storm of shelling killed scores of villagers.", &[(Killed, 20, AtLeast)]),
            ("Hundreds were injured in the stampede.", &[(Injured, 100, AtLeast)]),
            ("Twenty-three people were hurt.", &[(Injured, 23, Exact)]),
            ("Twelve people died when the roof fell.", &[(Killed, 12, Exact)]),
            ("A dozen protesters were wounded.", &[(Injured, 12, Exact)]),
            ("A handful of guards were hurt.", &[(Injured, 3, AtLeast)]),
            ("The death toll rose to 40 on Tuesday.", &[(Killed, 40, Exact)]),
            ("Rescuers pulled more bodies out, raising the death toll to at least 52.", &[(Killed, 52, AtLeast)]),
            ("The death toll from Sunday's bombing has climbed to 61.", &[(Killed, 61, Exact)]),
            ("Police found 14 bodies in a ditch.", &[(Killed, 14, Exact)]),
            ("Villagers recovered the bodies of six men.", &[(Killed, 6, Exact)]),
            ("At least 30 people lost their lives in the flooding.", &[(Killed, 30, AtLeast)]),
            ("The attack claimed the lives of 12 soldiers.", &[(Killed, 12, Exact)]),
            ("The fighting has claimed 300 lives.", &[(Killed, 300, Exact)]),
            ("Clashes left 12 dead and 40 injured.", &[(Killed, 12, Exact), (Injured, 40, Exact)]),
            ("12 killed in market blast", &[(Killed, 12, Exact)]),
            ("Police shot dead three protesters.", &[(Killed, 3, Exact)]),
            ("Two herders were hacked to death.", &[(Killed, 2, Exact)]),
            ("The mob hacked two herders to death.", &[(Killed, 2, Exact)]),
            ("Gunmen gunned down four traders.", &[(Killed, 4, Exact)]),
            ("Two men on a motorbike shot dead a village councillor.", &[(Killed, 1, Exact)]),
            ("A prosecutor was killed outside the court.", &[(Killed, 1, Exact)]),
            ("No one was hurt in the blast.", &[(Injured, 0, Exact)]),
            ("There were no deaths.", &[(Killed, 0, Exact)]),
            ("Troops killed 11 insurgents and lost three soldiers.", &[(Killed, 11, Exact), (Killed, 3, Exact)]),
            ("The rebels said they had lost four of their own men.", &[(Killed, 4, Exact)]),
            ("The ruling party lost 12 seats.", &[]),
            ("There were no immediate casualties from the shelling.", &[(Killed, 0, Exact), (Injured, 0, Exact)]),
            ("The rally ended without casualties.", &[(Killed, 0, Exact), (Injured, 0, Exact)]),
            // a figure of "casualties" may be dead, hurt or both: not read
            ("The shelling caused 30 casualties.", &[]),
            ("1,200 people have died since the siege began.", &[(Killed, 1200, Exact)]),
            ("The governor put the number of dead or hurt at 20 people, without a breakdown.", &[]),
            ("Shelling killed one soldier and wounded another.", &[(Killed, 1, Exact), (Injured, 1, Exact)]),
            ("The blaze at the depot killed 19 people and injured another eight.", &[(Killed, 19, Exact), (Injured, 8, Exact)]),
            ("The shelling ended, killing or wounding 50.", &[]),
            ("Drone strikes have killed at least eight commanders.", &[(Killed, 8, AtLeast)]),
            ("Two guards were reportedly killed.", &[(Killed, 2, Exact)]),
        ];
        for (text, want) in cases {
            let g = got(text);
            let simple: Vec<Want> = g.iter().map(|(k, c, q, _, _)| (*k, *c, *q)).collect();
            assert_eq!(simple, *want, "{text}: {g:?}");
        }
    }

    #[test]
    fn not_casualties() {
        let cases: &[&str] = &[
            "A 23-year-old man was arrested.",
            "The talks killed hopes of a deal.",
            "On May 12 soldiers were killed.",
            "Police arrested 12 protesters.",
            "He killed time for two hours.",
            "Officials met for three days.",
            "The wounded were taken to hospital.",
            "The Dead Sea is salty.",
        ];
        for text in cases {
            let g: Vec<_> = got(text).into_iter().filter(|(_, c, _, _, r)| *c > 0 || r.iter().any(|r| r == "cas.none")).collect();
            assert!(g.is_empty(), "{text}: {g:?}");
        }
    }

    #[test]
    fn rules_and_spans() {
        let g = got("Clashes killed three soldiers and two civilians, officials said.");
        assert_eq!(g[0].3, "killed three soldiers and two civilians");
        assert!(g[0].4.contains(&"cas.sum".to_string()));
        let g = got("Forces murdered more than 150 prisoners during the war.");
        assert_eq!(g[0].3, "murdered more than 150 prisoners");
        let g = got("Gunmen attacked a camp, killing 19 soldiers Sunday, the army said.");
        assert_eq!(g[0].3, "killing 19 soldiers");
        let g = got("The death toll rose to 40.");
        assert!(g[0].4.contains(&"cas.toll_update".to_string()), "{g:?}");
        let g = got("At least 10 people were killed, including three children who died in hospital.");
        assert_eq!(g.len(), 2, "{g:?}");
        assert!(g[1].4.contains(&"cas.subset".to_string()), "{g:?}");
        let g = got("Dozens of people were killed.");
        assert!(g[0].4.contains(&"cas.vague".to_string()), "{g:?}");
    }
}
