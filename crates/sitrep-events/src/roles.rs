//! Source and target without a parser, TABARI-style but clause-aware:
//! - active verb: source = the actor heading the clause before the trigger (not one inside a
//!   prepositional phrase such as "loyal to X" or "on behalf of X"), target = the first actor
//!   after it in the clause;
//! - passive ("were attacked by X", "civilians killed by X"): roles swap, the agent follows "by";
//! - a clause without its own subject borrows the previous clause's ("attacked the town and
//!   killed ten", "the president, who…, condemned");
//! - statements about actions: "urged X to withdraw" → X withdraws; "agreed to release" → the
//!   speaker releases;
//! - nouns: a modifier actor ("Israeli strikes", "U.S.-led strikes", "a Taliban attack"), "by X",
//!   "between X and Y", the subject of a light verb ("launched an offensive"), "on/against X".

use crate::analysis::{Boundary, Clause, Sent};
use crate::coder::Cand;
use crate::inflect::Form;
use crate::lexicon::Complement;
use crate::words;
use sitrep_core::{Event, TokenKind};

/// The clause a trigger in clause `idx` finds its subject in: the clause itself, reaching
/// back over boundaries that split a subject noun phrase rather than the sentence:
/// - a boundary inside an actor mention ("The UN Mission in Libya *(UNSMIL)* condemned",
///   "The United *States* and Paraguay agreed", where "states" looks like a reporting verb);
/// - "and" after a clause that is only a noun phrase ("Kuwait *and* its allies agreed").
pub(crate) fn subject_clause(s: &Sent, mut idx: usize) -> (usize, Clause) {
    let mut clause = s.clauses[idx];
    clause.end = clause_end(s, idx);
    while idx > 0 && clause.start > 0 {
        let prev = s.clauses[idx - 1];
        let b = clause.start - 1;
        let inside_actor = |k: usize| s.actor_at[k] >= 0 && (k + 1 < s.len() && s.actor_at[k + 1] == s.actor_at[k] || k > 0 && s.actor_at[k - 1] == s.actor_at[k]);
        let split_actor = match clause.kind {
            Boundary::Report => s.has(b, words::REPORT) && s.actor_at[b] >= 0 || b > 0 && s.words[b] == "that" && s.actor_at[b - 1] >= 0 && s.has(b - 1, words::REPORT),
            Boundary::Punct | Boundary::Quote => inside_actor(b) || b > 0 && s.words[b] == ")" && inside_actor(b - 1),
            _ => false,
        };
        let noun_phrase_and = clause.kind == Boundary::Coord && matches!(s.words[b], "and" | "&") && b > prev.start && starts_with_actor_only(s, prev.start, b);
        // a clause word inside a mention ("The *WHO* is providing", "the World Health
        // Organization (*WHO*) said") or the adverb "once again" ("is *once* again sending")
        // opens no clause
        let straddles = clause.start < s.len() && s.actor_at[clause.start] >= 0 && s.actor_at[b] == s.actor_at[clause.start];
        let once_again = clause.kind == Boundary::Subord && s.words.get(clause.start) == Some(&"once") && matches!(s.words.get(clause.start + 1).copied(), Some("again" | "more"));
        // a short bracket after a mention ("Mayor Ola Rind *(R)* greets the envoy", "the premier (left)")
        let bracket_aside = clause.kind == Boundary::Punct && match s.words[b] {
            ")" => (b.saturating_sub(5)..b).rev().find(|&k| s.words[k] == "(").is_some_and(|open| open > 0 && s.actor_at[open - 1] >= 0),
            "(" => b > 0 && s.actor_at[b - 1] >= 0 && (b + 1..(b + 6).min(s.len())).any(|k| s.words[k] == ")"),
            _ => false,
        };
        if !(split_actor || noun_phrase_and || straddles || once_again || bracket_aside) {
            break;
        }
        idx -= 1;
        clause = Clause { start: prev.start, end: clause.end, kind: prev.kind };
    }
    (idx, clause)
}

/// The end of clause `idx`, past boundaries that fall inside an actor mention ("brought a
/// suit at the United *States* Court of Claims against X", where "states" looks like a
/// reporting verb): a mention never ends a clause.
pub(crate) fn clause_end(s: &Sent, idx: usize) -> usize {
    let mut end = s.clauses[idx].end;
    for next in &s.clauses[idx + 1..] {
        let st = next.start;
        if st == 0 || st >= s.len() || s.actor_at[st] < 0 || s.actor_at[st - 1] != s.actor_at[st] {
            break;
        }
        end = next.end;
    }
    end
}

/// Whether a clause starts with a participle or past form ("shooting residents", "invited
/// Modi"): a subjectless continuation of the clause before it.
fn opens_with_verb(s: &Sent, clause: Clause) -> bool {
    let w = s.words.get(clause.start).copied().unwrap_or("");
    clause.start < s.len()
        && s.actor_at[clause.start] < 0
        && !s.has(clause.start, words::DET | words::PRONOUN | words::PREP)
        && !s.has(clause.start, words::ADJ)
        && w.len() > 4
        // a sentence-initial "-ed" word modifies the subject ("Suspected militants")
        && (w.ends_with("ing") || w.ends_with("ed") && clause.start > 0)
}

/// Whether tokens `from..to` are an actor mention with at most determiners before it: the
/// first half of a coordinated subject.
fn starts_with_actor_only(s: &Sent, from: usize, to: usize) -> bool {
    let mut j = from;
    while j < to && s.has(j, words::DET) && s.actor_at[j] < 0 {
        j += 1;
    }
    if j >= to || !s.starts_actor_at(j) {
        return false;
    }
    let a = s.actor_at[j];
    (j..to).all(|k| s.actor_at[k] == a)
}

/// Whether the actor at `a` is a clause head rather than inside a prepositional phrase.
fn is_subject(s: &Sent, a: usize, clause: Clause) -> bool {
    let start = s.actors[a].start;
    let mut j = start;
    // skip determiners and modifiers before the actor
    while j > clause.start && s.has(j - 1, words::DET | words::ADJ) {
        j -= 1;
    }
    if j == clause.start || j == 0 {
        return true;
    }
    let prev = s.words[j - 1];
    if s.has(j - 1, words::PREP) && !s.has(j - 1, words::SUBORD) || prev == "according" {
        return false;
    }
    // the object of an earlier verb in the clause is not its subject: "X told Y", handled by
    // taking the *first* subject-like actor
    true
}

/// The first clause-heading actor in `clause` before token `before`.
fn subject_in(s: &Sent, clause: Clause, before: usize) -> Option<usize> {
    // "…, beating *residents* and burning…": after an opening verb come objects, and a verb
    // coordinated with it shares its subject ("demanding *Hanoi* stop jailing…" keeps Hanoi)
    if opens_with_verb(s, clause) && (clause.start..before).any(|k| s.has(k, words::COORD)) {
        return None;
    }
    s.actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.start >= clause.start && a.head < before && a.start < before)
        .map(|(i, _)| i)
        .find(|&i| is_subject(s, i, clause) && !harmed(s, i))
}

/// Whether the actor at `a` is the object of a harm verb ("lost *four soldiers*", "killed
/// *20 rebels*"): the dead and wounded are never who did the act that harmed them.
pub(crate) fn harmed(s: &Sent, a: usize) -> bool {
    let mut j = s.actors[a].start;
    while j > 0 && (s.has(j - 1, words::DET | words::ADJ) || s.kinds[j - 1] == TokenKind::Number) {
        j -= 1;
    }
    j > 0
        && matches!(
            s.words[j - 1],
            "lost" | "lose" | "loses" | "losing" | "killed" | "kill" | "kills" | "killing" | "wounded" | "wounding" | "wounds" | "injured"
                | "injuring" | "injures" | "slew" | "slain" | "massacred" | "executed" | "buried"
        )
}

/// The subject a clause without its own borrows from the clauses before it.
fn inherited_subject(s: &Sent, clause_idx: usize) -> Option<usize> {
    let mut c = clause_idx;
    for _ in 0..4 {
        if c == 0 {
            return None;
        }
        let kind = s.clauses[c].kind;
        // "praised Chile *as a close friend* and invited…": a role phrase after "as" has no
        // subject of its own; the subject lies before it
        let as_phrase = kind == Boundary::Subord && c != clause_idx && s.words[s.clauses[c].start] == "as" && s.has(s.clauses[c].start + 1, words::DET | words::ADJ);
        if !(matches!(kind, Boundary::Comma | Boundary::Coord | Boundary::Rel | Boundary::Report | Boundary::Quote) || as_phrase) {
            return None;
        }
        let prev = s.clauses[c - 1];
        if kind == Boundary::Rel {
            // "the militia, which …": the actor right before the relative pronoun; "the
            // shelling, which destroyed…" has a non-actor antecedent, so no subject
            // ("a clerk at the embassy in Colombo, who…" keeps the clerk: between the actor
            // and the pronoun only prepositions, determiners, names and punctuation)
            let rel = s.clauses[c].start;
            let a = s.actors.iter().rposition(|a| a.end <= rel && a.start >= prev.start)?;
            let names_only = (s.actors[a].end..rel).all(|k| s.has(k, words::PREP | words::DET) || s.cap[k] || s.kinds[k] != TokenKind::Word || s.actor_at[k] >= 0);
            return names_only.then_some(a);
        }
        // "stormed the village, *shooting residents* and setting fire…": a clause that opens
        // with a verb has an object, not a subject; the subject lies before it
        if opens_with_verb(s, prev) {
            c -= 1;
            continue;
        }
        if let Some(a) = subject_in(s, prev, prev.end) {
            // "Anna Berg, *a curator* at the museum, praised": an apposition renames the
            // actor named before its comma
            if kind == Boundary::Comma && prev.kind == Boundary::Comma && c >= 2 {
                let before = s.clauses[c - 2];
                let named = (before.start..prev.start).rev().find(|&k| s.actor_at[k] >= 0).map(|k| s.actor_at[k] as usize);
                let comma_after = named.is_some_and(|n| s.actors[n].end + 1 == prev.start && s.words[s.actors[n].end] == ",");
                let renames = s.actors[a].start <= prev.start + 1 && s.has(prev.start, words::DET);
                if comma_after && renames {
                    return named;
                }
            }
            return Some(a);
        }
        c -= 1;
    }
    None
}

/// The first actor in `from..to`, skipping agents ("by X"), attributions ("according to X")
/// and actors that only modify another ("loyal to X", "backed by X").
fn object_in(s: &Sent, from: usize, to: usize) -> Option<usize> {
    // a country where the event happened is the target only when nothing else is: news
    // coders take "sent aid to refugees in Norland" as aid to Norland, but "raided a hamlet in
    // Belmark, killing three farmers" as an attack on the civilians (see `fold_casualties`)
    let mut setting = None;
    let mut own = None;
    let found = s.actors.iter().enumerate().find_map(|(i, a)| {
        if a.start < from || a.start >= to {
            return None;
        }
        let mut j = a.start;
        while j > from && s.has(j - 1, words::DET | words::ADJ) {
            j -= 1;
        }
        let prev = if j > 0 { s.words[j - 1] } else { "" };
        let prev2 = if j > 1 { s.words[j - 2] } else { "" };
        let skip = prev == "by" || prev2 == "according" || s.has(j.wrapping_sub(2), words::MODIFIER_LINK) && matches!(prev, "to" | "by" | "with");
        if !skip && locative(s, i, prev) {
            setting = setting.or(Some(i));
            return None;
        }
        // "withdrew *its troops* from X", "sent *their forces* to X": the subject's own
        // people are what it acts with; the other party, if named, is the target
        if !skip && matches!(s.words[a.start], "its" | "their") {
            own = own.or(Some(i));
            return None;
        }
        (!skip).then_some(i)
    });
    found.or(own).or(setting)
}

/// The actor after "by"/"from" inside the noun phrase that follows a verb ending at `from`
/// ("a motion *by* X", "every offer made *by* X", "a request *from* X"): the author of what
/// the verb acts on. The phrase must be short and hold no verb of its own, clause word or
/// other actor.
fn maker_in_object(s: &Sent, from: usize, to: usize) -> Option<usize> {
    let limit = to.min(from + 7).min(s.len());
    let mut k = from;
    while k < limit {
        let w = s.words[k];
        if w == "by" || w == "from" {
            break;
        }
        let authored = matches!(w, "made" | "filed" | "proposed" | "lodged" | "submitted" | "put" | "forward" | "issued" | "tabled" | "brought");
        // "proposals *for* a truce by X", "a motion *of* no confidence by X": what the
        // thing is for or of belongs to the phrase
        let linking = matches!(w, "for" | "of") && k > from;
        if !s.is_word(k) || s.actor_at[k] >= 0 || !authored && !linking && s.has(k, words::PREP | words::VERB | words::BE | words::HAVE | words::COORD | words::REL | words::SUBORD | words::PRONOUN | words::REPORT) {
            return None;
        }
        k += 1;
    }
    // at least a noun between the verb and "by": "rejected by X" is a passive
    if k >= limit || k == from || s.has(k - 1, words::DET) {
        return None;
    }
    let mut j = k + 1;
    while j < to && !s.starts_actor_at(j) && s.has(j, words::DET | words::ADJ) {
        j += 1;
    }
    if j >= to || !s.starts_actor_at(j) {
        return None;
    }
    let a = s.actor_at[j] as usize;
    Some(possessed_by(s, a, to).unwrap_or(a))
}

/// The mention that actor `a` owns, when a possessive joins them: "Zoran Djindjic*'s*
/// opposition coalition" is the coalition, not the man.
fn possessed_by(s: &Sent, a: usize, to: usize) -> Option<usize> {
    let e = s.actors[a].end;
    if e + 1 >= to || !matches!(s.words[e], "'s" | "’s" | "'") {
        return None;
    }
    let mut j = e + 1;
    while j < to && !s.starts_actor_at(j) && s.has(j, words::ADJ) {
        j += 1;
    }
    (j < to && s.starts_actor_at(j)).then(|| s.actor_at[j] as usize)
}

/// Codes of giving: aid (07x) and promises of it (033x).
fn gives(code: &str) -> bool {
    code.starts_with("07") || code.starts_with("033") || code == "0842"
}

/// Codes of acts done together, where "X and Y" as subject means X with Y: agreeing,
/// meeting, cooperating, signing, establishing or upgrading relations, and intentions to do so.
fn symmetric(code: &str) -> bool {
    matches!(code.get(..2), Some("03" | "04" | "06")) && !code.starts_with("033") || code == "057" || code == "054"
}

/// Whether candidate `c` is an act done together: a symmetric code, or a failure to agree
/// ("X and Y failed to reach agreement"), which is mutual whatever its code.
fn mutual(s: &Sent, c: &Cand) -> bool {
    symmetric(&c.code)
        || c.code.starts_with("12") && s.words[c.hit.start..c.hit.end].iter().any(|w| matches!(*w, "agree" | "agreement"))
        || reciprocal(s, c)
}

/// Weapon nouns: what is fired or launched, never the target of the violence.
pub(crate) const WEAPONS: &[&str] = &[
    "drone", "drones", "missile", "missiles", "rocket", "rockets", "shell", "shells", "bomb", "bombs", "grenade",
    "grenades", "mortar", "mortars", "projectile", "projectiles", "munitions", "artillery",
];
/// Attack nouns whose "by" names the attacker ("repelled an attack by insurgents").
pub(crate) const ATTACKS: &[&str] = &["attack", "attacks", "assault", "assaults", "offensive", "raid", "raids", "incursion", "incursions", "ambush", "advance"];

/// The real target behind the object of a violent verb: what a weapon was fired *at*
/// ("launched drones *at* power plants"), or who made the attack that was repelled
/// ("repelled an attack *by* insurgents"). A weapon is never the target itself.
fn violent_object(s: &Sent, t: usize, end: usize) -> Option<usize> {
    let a = s.actors[t];
    let last = s.words[a.end - 1];
    if WEAPONS.contains(&last) {
        return marked_object(s, a.end, end, &["at", "on", "against", "toward", "towards", "into"]);
    }
    if ATTACKS.contains(&last) && s.words.get(a.end) == Some(&"by") {
        return marked_object(s, a.end, end, &["by"]).or(Some(t));
    }
    Some(t)
}

/// Whether a harm noun is what someone found ("investigators *found* a mass grave", "the
/// coast guard *recovered* 78 bodies"): the finder did not do the killing.
fn found_as_object(s: &Sent, c: &Cand) -> bool {
    const FIND: &[&str] = &[
        "found", "find", "finds", "finding", "discovered", "discover", "discovers", "discovering", "uncovered",
        "uncover", "uncovers", "unearthed", "unearth", "exhumed", "exhume", "exhuming", "recovered", "recover",
        "recovering", "retrieved", "retrieve", "located", "identified", "excavated", "excavating",
    ];
    let from = c.hit.start.saturating_sub(6).max(s.clauses[s.clause[c.hit.start] as usize].start);
    (from..c.hit.start).any(|k| FIND.contains(&s.words[k]))
}

/// A verb whose joint subject are the two sides ("troops and rebels *clashed*", "the two
/// armies *traded fire*", "Norland and Belmark *swapped* prisoners"); "fight off" and "beat
/// back" have one side only.
fn reciprocal(s: &Sent, c: &Cand) -> bool {
    const STEMS: &[&str] = &["fight", "fought", "clash", "battl", "skirmish", "exchang", "trad", "swap"];
    let words = &s.words[c.hit.start..c.hit.end];
    !c.nominal
        && (c.code.starts_with("19") || c.code.starts_with("0841"))
        && words.first().is_some_and(|w| STEMS.iter().any(|st| w.starts_with(st)))
        && !words.iter().any(|w| matches!(*w, "off" | "back" | "up"))
}

/// The first actor in `from..to` introduced by one of `marks` ("to", "against"), skipping
/// determiners and modifiers.
fn marked_object(s: &Sent, from: usize, to: usize, marks: &[&str]) -> Option<usize> {
    s.actors.iter().position(|a| {
        if a.start < from || a.start >= to {
            return false;
        }
        let mut j = a.start;
        while j > from && s.has(j - 1, words::DET | words::ADJ) {
            j -= 1;
        }
        j > from && marks.contains(&s.words[j - 1])
    })
}

/// Whether actor `a` directly follows the verb ending at `verb_end` (only determiners and
/// modifiers between): a direct object, not a prepositional one.
fn is_direct_object(s: &Sent, a: usize, verb_end: usize) -> bool {
    let mut j = s.actors[a].start;
    while j > verb_end && (s.has(j - 1, words::DET | words::ADJ) || s.kinds[j - 1] == TokenKind::Number) {
        j -= 1;
    }
    j == verb_end
}

/// The second member of a coordinated subject ("Canada *and Costa Rica* agreed"), when it
/// ends before the trigger.
fn co_subject(s: &Sent, a: usize, trigger: usize) -> Option<usize> {
    let end = s.actors[a].end;
    if end >= trigger || !matches!(s.words[end], "and" | "&") {
        return None;
    }
    let mut j = end + 1;
    while j < trigger && s.has(j, words::DET) {
        j += 1;
    }
    // "Norland and its *old coalition* allies": plain modifier words before the second actor
    let mut free = 3;
    while j < trigger && free > 0 && s.actor_at[j] < 0 && s.is_word(j) && !s.has(j, words::PREP | words::VERB | words::BE | words::HAVE | words::FUTURE | words::MAYBE | words::REL | words::COORD | words::SUBORD | words::PRONOUN | words::REPORT) {
        j += 1;
        free -= 1;
    }
    let b = s.actor_at.get(j).copied().filter(|&b| b >= 0)? as usize;
    (b != a && s.actors[b].end <= trigger && s.actors[b].idx != s.actors[a].idx).then_some(b)
}

/// Codes of sending forces: deployments (074) and mobilisation (15).
pub(crate) fn deploys(code: &str) -> bool {
    code.starts_with("074") || code.starts_with("15")
}

/// Whether the country mention starting at token `start` follows "in" (after modifiers,
/// not before token `from`): "arrested *in* Rwanda", "captivity *in* Libya".
fn is_setting_at(s: &Sent, start: usize, from: usize) -> bool {
    let mut j = start;
    while j > from && s.has(j - 1, words::DET | words::ADJ) {
        j -= 1;
    }
    j > from && s.words[j - 1] == "in"
}

/// Whether actor `a` is a country named as the setting ("in northern Burkina Faso").
pub(crate) fn is_setting(s: &Sent, a: usize) -> bool {
    let mut j = s.actors[a].start;
    while j > 0 && s.has(j - 1, words::DET | words::ADJ) {
        j -= 1;
    }
    j > 0 && locative(s, a, s.words[j - 1])
}

/// A country after a preposition of place ("a village in northern Burkina Faso", "fighting
/// near Syria"): the setting of the event, not a participant.
pub(crate) fn locative(s: &Sent, a: usize, prev: &str) -> bool {
    s.actors[a].country && matches!(prev, "in" | "near" | "inside" | "across" | "throughout" | "within" | "outside" | "around")
}

/// The agent of a passive: the actor after "by" in `from..to`.
fn agent_in(s: &Sent, from: usize, to: usize) -> Option<usize> {
    s.actors.iter().position(|a| {
        if a.start < from || a.start >= to {
            return false;
        }
        let mut j = a.start;
        while j > from && s.has(j - 1, words::DET | words::ADJ) {
            j -= 1;
        }
        j > 0 && s.words[j - 1] == "by"
    })
}

/// The side named on the attack a passive harm happened in ("was killed *in an Israeli
/// strike*", "died *during a rebel raid*"): the attacker, when no "by" agent is given.
fn attack_maker(s: &Sent, from: usize, to: usize) -> Option<usize> {
    const HEADS: &[&str] = &[
        "strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "raid", "raids", "bombardment", "shelling",
        "bombing", "offensive", "assault", "ambush",
    ];
    s.actors.iter().position(|a| {
        if a.start < from || a.start >= to {
            return false;
        }
        let mut j = a.start;
        while j > from && s.has(j - 1, words::DET | words::ADJ) {
            j -= 1;
        }
        let introduced = j > 0 && matches!(s.words[j - 1], "in" | "during");
        // the attack noun right after the actor, or after one modifier ("air", "drone")
        let heads = (a.end..to.min(a.end + 2)).any(|k| HEADS.contains(&s.words[k]));
        introduced && heads
    })
}

fn is_passive(s: &Sent, c: &Cand, clause: Clause) -> bool {
    if c.nominal || !matches!(c.hit.form, Form::PastOrParticiple | Form::Participle) {
        return false;
    }
    let mut j = c.hit.start;
    let mut steps = 0;
    while j > clause.start && steps < 4 {
        j -= 1;
        steps += 1;
        let w = s.words[j];
        if s.has(j, words::BE) || matches!(w, "got" | "get" | "gets" | "getting") {
            return true;
        }
        if !(s.has(j, words::ADVERB | words::NEG | words::HAVE) || w == "been") {
            break;
        }
    }
    // reduced passive: "civilians killed by militiamen"; a charge needs no agent to be
    // passive: "officials accused of abuses", "a mayor charged with fraud" (an active
    // accusation names the accused before "of": "France accused Rwanda of…")
    let next = s.words.get(c.hit.end).copied();
    let charge = c.hit.end == c.hit.start + 1 && matches!(next, Some("of" | "with")) && matches!(c.code.get(..2), Some("11" | "17"));
    if (next == Some("by") || charge) && c.hit.start > 0 && s.actor_at[c.hit.start - 1] >= 0 {
        return true;
    }
    // "after talks *mediated by* Qatar": a participle after a plain noun, with no subject
    // before it in its clause and an agent after "by"
    next == Some("by")
        && c.hit.start > clause.start
        && s.actor_at[c.hit.start - 1] < 0
        && !s.has(c.hit.start - 1, words::PRONOUN | words::DET | words::BE | words::HAVE | words::ADVERB | words::NEG)
        && subject_in(s, clause, c.hit.start).is_none()
        && agent_in(s, c.hit.end, clause.end).is_some()
}

/// Assign source and target to candidate `ci`.
pub(crate) fn assign(s: &Sent, cands: &mut [Cand], ci: usize) {
    let c = &cands[ci];
    let (clause_idx, clause) = subject_clause(s, s.clause[c.hit.start] as usize);
    let (mut source, mut target);
    if c.nominal {
        (source, target) = noun_roles(s, c, clause, clause_idx);
        if found_as_object(s, c) {
            source = None;
        }
    } else if is_passive(s, c, clause) {
        cands[ci].passive = true;
        let c = &cands[ci];
        // a reduced passive is about the noun right before it ("a mob lynched *a man* accused
        // of theft"), not the subject of the clause it sits in
        let reduced = c.hit.start > 0 && s.actor_at[c.hit.start - 1] >= 0;
        target = if reduced { Some(s.actor_at[c.hit.start - 1] as usize) } else { subject_in(s, clause, c.hit.start).or_else(|| inherited_subject(s, clause_idx)) };
        source = agent_in(s, c.hit.end, clause.end);
        if source.is_none() && matches!(c.code.get(..2), Some("18" | "19" | "20")) {
            source = attack_maker(s, c.hit.end, clause.end);
        }
        if source.is_none() {
            if deploys(&c.code) {
                // "900 peacekeepers were sent along the corridor": forces sent are the side
                // that sends them; where they go is the target (see `territory`)
                (source, target) = (target, None);
            } else if c.code.starts_with("17") || c.code.starts_with("0841") {
                // "was detained in Belmark", "were freed from captivity in Norland": with
                // no agent named, the state where it happened holds or frees them
                source = s.actors.iter().position(|a| a.start >= c.hit.end && a.start < clause.end && a.country && is_setting_at(s, a.start, c.hit.end));
            }
        }
    } else {
        source = subject_in(s, clause, c.hit.start);
        let end = match c.governed {
            Some(t) => cands[t].hit.start,
            None => clause.end,
        };
        // a phrase trigger may contain its object ("fired on protesters")
        target = object_in(s, c.hit.end, end).or_else(|| object_in(s, c.hit.start + 1, c.hit.end).filter(|&a| s.actors[a].end == c.hit.end));
        // what is given goes *to* someone: the recipient, not the gift ("provided military
        // equipment to Armenia"); a complaint or lawsuit is *against* someone, wherever filed
        // one consults *with* someone about something; one mobilises one's own forces
        // *against* someone
        let (strong, marks): (bool, &[&str]) = if gives(&c.code) {
            (true, &["to", "for"])
        } else if c.code.starts_with("04") {
            (true, &["with"])
        } else if c.code.starts_with("15") {
            (true, &["against", "to"])
        } else {
            (false, &[])
        };
        let marked = marked_object(s, c.hit.end, end, marks).or_else(|| marked_object(s, c.hit.end, end, &["against"]));
        if let Some(m) = marked {
            if target.is_none_or(|t| !is_direct_object(s, t, c.hit.end) || strong) {
                target = Some(m);
            }
        }
        if c.code.starts_with("19") || c.code.starts_with("18") {
            target = target.and_then(|t| violent_object(s, t, end));
        }
        // "Norland and Belmark agreed to…": a joint subject acts with its second member
        // …unless the act names its other party with "with" ("Ann and her aides held talks
        // *with* the king"): the two in the subject are one side
        let with_party = marked_object(s, c.hit.end, end, &["with"]).is_some_and(|m| target == Some(m));
        if mutual(s, c) && c.governor.is_none() && !with_party {
            if let Some(co) = source.and_then(|a| co_subject(s, a, c.hit.start)) {
                target = Some(co);
            }
        }
        // "rejected a motion by X", "declined a request from X", "welcomed the decision by
        // X": who made what is rejected, condemned, protested or praised is the target, when
        // named before any other object
        if matches!(c.code.get(..2), Some("05" | "11" | "12" | "14")) {
            if let Some(m) = maker_in_object(s, c.hit.end, end) {
                if target.is_none_or(|t| s.actors[t].start > s.actors[m].start) {
                    target = Some(m);
                }
            }
        }
        if source.is_none() && c.governor.is_none() {
            source = inherited_subject(s, clause_idx);
        }
        // "received weapons from X": X gives to the subject
        if c.recipient {
            if let Some(giver) = marked_object(s, c.hit.end, end, &["from"]) {
                (source, target) = (Some(giver), source);
            }
        }
    }
    let c = &cands[ci];
    // the action a statement concerns: who is to act?
    if let Some(g) = c.governor {
        let gov = &cands[g];
        let gov_source = gov.source.or_else(|| subject_in(s, s.clauses[s.clause[gov.hit.start] as usize], gov.hit.start));
        let asked = object_in(s, gov.hit.end, c.hit.start);
        let wants_other = matches!(gov.complement, Some(Complement::Request | Complement::Accuse | Complement::Order));
        if source.is_none() || s.clause[gov.hit.start] == s.clause[c.hit.start] {
            source = if wants_other { asked.or(source) } else { gov_source.or(source) };
        }
        if target == source {
            target = None;
        }
        // the statement's target is the one asked, or failing that, the action's target
        if cands[g].target.is_none() {
            cands[g].target = if wants_other { asked.or(target) } else { target };
        }
    }
    if let Some(t) = cands[ci].governed {
        // the governed action may already have roles; the statement keeps its own source
        if cands[ci].target.is_none() && target.is_none() {
            target = cands[t].target;
        }
    }
    // "demanded that the minister resign", "alleged that France had…": what is asked of or
    // charged against someone names them as the subject of the that-clause
    if target.is_none() && !cands[ci].nominal && asks_of_someone(&cands[ci].code) {
        let c = &cands[ci];
        let next = s.clause[c.hit.start] as usize + 1;
        if let Some(cl) = s.clauses.get(next).filter(|cl| cl.kind == Boundary::Report && cl.start <= c.hit.end + 1) {
            target = subject_in(s, *cl, cl.end).filter(|&a| Some(a) != source);
        }
    }
    if target.is_some() && target == source {
        target = None;
    }
    // the dead are never the source of the act that killed them
    if source.is_some_and(|a| harmed(s, a)) && !cands[ci].passive {
        source = None;
    }
    let c = &mut cands[ci];
    c.source = c.source.or(source);
    c.target = c.target.or(target);
}

/// Codes whose that-clause subject is the one addressed: demands and appeals (02, 10),
/// accusations (112), threats (13).
fn asks_of_someone(code: &str) -> bool {
    matches!(code.get(..2), Some("02" | "10" | "13")) || code.starts_with("112")
}

fn noun_roles(s: &Sent, c: &Cand, clause: Clause, clause_idx: usize) -> (Option<usize>, Option<usize>) {
    let n = s.len();
    // "clashes between X and Y"
    let mut k = c.hit.end;
    while k < n && k < c.hit.end + 3 && s.words[k] != "between" {
        k += 1;
    }
    if k < n && s.words[k] == "between" {
        let first = object_in(s, k + 1, clause.end.max(k + 2));
        if let Some(a) = first {
            // a mediator stands outside the pair it mediates between: the pair is the target
            if mediates(&c.code) {
                if let Some(m) = subject_in(s, clause, c.hit.start).or_else(|| inherited_subject(s, clause_idx)) {
                    return (Some(m), Some(a));
                }
            }
            let second = object_in(s, s.actors[a].end, clause.end.max(s.actors[a].end + 1));
            return (Some(a), second);
        }
    }
    let modifier = s.actor_ending_before(c.hit.start, 2).filter(|&a| {
        // "attack on Israeli troops": a modifier after a preposition belongs to the phrase before
        let st = s.actors[a].start;
        !(st > 0 && s.has(st - 1, words::PREP))
    });
    // "Premier Vasko restated *Norland's* support": a country's possessive names the speaker's
    // own side; the clause subject is who acts
    let modifier = modifier.filter(|&m| {
        let possessive_country = s.actors[m].country && matches!(s.words.get(s.actors[m].end).copied(), Some("'s" | "’s"));
        !(possessive_country && subject_in(s, clause, s.actors[m].start).is_some())
    });
    let by = agent_in(s, c.hit.end, (c.hit.end + 4).min(clause.end.max(c.hit.end)));
    let source = modifier.or(by).or_else(|| {
        // the subject of a light verb ("rebels launched an offensive"); a noun at the head
        // of its clause has no subject of its own
        let head = subject_in(s, clause, c.hit.start);
        head.or_else(|| {
            let at_head = (clause.start..c.hit.start).all(|k| s.has(k, words::DET | words::ADJ) || s.kinds[k] != TokenKind::Word);
            if at_head {
                announcer(s, c, clause_idx)
            } else {
                inherited_subject(s, clause_idx)
            }
        })
    });
    let target = s.actors.iter().enumerate().find_map(|(i, a)| {
        if a.start < c.hit.end || a.start >= clause.end.max(c.hit.end) || Some(i) == source {
            return None;
        }
        let mut j = a.start;
        while j > c.hit.end && s.has(j - 1, words::DET | words::ADJ) {
            j -= 1;
        }
        let prev = s.words[j - 1];
        // "attacks by groups *linked to* al-Qaeda": an actor that only describes another
        let describes = j >= 2 && s.has(j - 2, words::MODIFIER_LINK) && matches!(prev, "to" | "with" | "by");
        (!describes && matches!(prev, "on" | "against" | "at" | "targeting" | "with" | "upon" | "into" | "to" | "toward" | "towards" | "for" | "of")).then_some(i)
    });
    // "Norland and Belmark began joint drills": a joint subject of a mutual
    // act does it with its second member
    let target = target.or_else(|| source.filter(|_| mutual(s, c)).and_then(|a| co_subject(s, a, c.hit.start)));
    (source, target)
}

/// The subject of "announced" or "declared" when the event noun is its object ("Norland
/// announced *a suspension* of loans", "the gendarmerie announced *the arrests* of…"): those verbs
/// open a reported clause in the analysis, but a noun with no verb of its own after it is
/// what was announced, and the announcer did it.
fn announcer(s: &Sent, c: &Cand, clause_idx: usize) -> Option<usize> {
    let clause = s.clauses[clause_idx];
    if clause.kind != Boundary::Report || clause_idx == 0 || clause.start == 0 {
        return None;
    }
    let verb = s.words[clause.start - 1];
    if !matches!(verb, "announced" | "announces" | "announce" | "announcing" | "declared" | "declares" | "declare" | "confirmed" | "confirms") {
        return None;
    }
    // "confirmed the attack *killed* five": the noun heads a clause of its own
    if (c.hit.end..clause.end).any(|k| s.is_word(k) && words::is_finite_verb(s.flags[k], s.words[k]) && !s.has(k - 1, words::DET | words::ADJ | words::PREP)) {
        return None;
    }
    let prev = s.clauses[clause_idx - 1];
    subject_in(s, prev, clause.start - 1).or_else(|| inherited_subject(s, clause_idx - 1))
}

/// Mediation (045, 108): the parties mediated between are the target, not the source.
fn mediates(code: &str) -> bool {
    code.starts_with("045") || code.starts_with("108")
}

/// "The fighting also shut the crossing": a definite event noun with no actors of its own
/// continues the latest earlier event of the same root within three sentences.
pub(crate) fn anaphora(s: &Sent, c: &mut Cand, noun: usize, earlier: &[Event]) {
    if noun == 0 || !matches!(s.words[noun - 1], "the" | "this" | "that" | "these" | "those" | "its" | "their") {
        return;
    }
    let root = &c.code[..2];
    for ev in earlier.iter().rev() {
        if ev.sentence + 3 < s.index {
            break;
        }
        if ev.sentence < s.index && ev.cameo_root() == root && (ev.source.is_some() || ev.target.is_some()) {
            c.inherited = Some((ev.source, ev.target));
            return;
        }
    }
}

/// The reporting phrase of a sentence as a token range ("police said" → "police"), when the
/// sentence has one: the speaker before a reporting verb, or the source after "according to".
pub(crate) fn attribution(doc: &sitrep_core::Doc, s: &Sent) -> Option<(usize, usize)> {
    let _ = doc;
    for (ci, cl) in s.clauses.iter().enumerate() {
        if cl.kind != Boundary::Report || ci == 0 {
            continue;
        }
        // the reporting verb is the last word of the clause before (or before "that"/an addressee)
        let prev = s.clauses[ci - 1];
        let Some(verb) = (prev.start..prev.end).rev().find(|&k| s.has(k, words::REPORT)) else { continue };
        // "states" in "the United States" reports nothing
        if s.actor_at[verb] >= 0 {
            continue;
        }
        if s.words[verb] == "according" {
            let from = verb + 2;
            let to = (from..prev.end).find(|&k| s.kinds[k] != TokenKind::Word).unwrap_or(prev.end);
            return (to > from).then_some((from, to));
        }
        // the speaker: from the clause start to the verb, without leading punctuation
        let mut from = prev.start;
        while from < verb && s.kinds[from] != TokenKind::Word {
            from += 1;
        }
        let to = verb;
        // a long name counts when one mention spans it ("Interior Minister Dr Rashid bin
        // Omar Al Nuaimi said")
        let one_mention = to > from && s.actor_at[from] >= 0 && (from..to).all(|k| s.actor_at[k] == s.actor_at[from]);
        if to > from && (to - from <= 8 || one_mention) && !(from..to).any(|k| s.has(k, words::REPORT)) {
            // "Ann Berg, the former minister, *on Monday* said": a speaker range with no
            // mention is a time or an apposition; the speaker is the subject before it
            if !(from..to).any(|k| s.actor_at[k] >= 0) && prev.kind == Boundary::Comma {
                if let Some(a) = inherited_subject(s, ci - 1) {
                    return Some((s.actors[a].start, s.actors[a].end));
                }
            }
            return Some((from, to));
        }
    }
    // trailing "…, police said." / "…, the ministry said in a statement."
    let n = s.len();
    let last = s.clauses.last()?;
    if last.start > 0 {
        if let Some(verb) = (last.start..n).find(|&k| s.has(k, words::REPORT)) {
            if verb > last.start && verb - last.start <= 8 && s.words[last.start..verb].iter().all(|w| !w.contains(',')) {
                return Some((last.start, verb));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::testkit::{add_actors, coder};
    use sitrep_core::{ActorKind, Doc, Stage};

    /// (sentence, actors as (phrase, code, is a country), code prefix, expected roles)
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str, bool)], &'a str, &'a str);

    /// Code `text` with actor mentions `(phrase, code, is_country)` in order of appearance.
    fn code(text: &str, actors: &[(&str, &str, bool)]) -> Doc {
        let mut doc = sitrep_text::prepare(text);
        let kind = |country: bool| if country { ActorKind::Country } else { ActorKind::Organization };
        add_actors(&mut doc, text, actors.iter().map(|&(p, c, country)| (p, c, kind(country))), false);
        coder().run(&mut doc);
        doc
    }

    /// "source>target" codes of the first event whose code starts with `prefix`.
    fn roles_of(doc: &Doc, prefix: &str) -> String {
        let code = |i: Option<usize>| i.map(|i| doc.actors[i].code.clone()).filter(|c| !c.is_empty()).unwrap_or_else(|| "-".into());
        doc.events
            .iter()
            .find(|e| e.cameo.starts_with(prefix))
            .map(|e| format!("{}>{}", code(e.source), code(e.target)))
            .unwrap_or_else(|| format!("no {prefix} event"))
    }

    #[test]
    fn subjects_split_by_punctuation_or_coordination_stay_whole() {
        // (sentence, actors, code prefix, expected "source>target")
        let table: &[Case] = &[
            // an acronym in brackets inside the subject mention
            ("The Relief Mission in Norland (RMN) on Sunday condemned the shelling of the port.", &[("The Relief Mission in Norland (RMN)", "IGO", false)], "11", "IGO>-"),
            // "states" in a country name is no reporting verb
            ("The United States and Paraguay are restoring diplomatic relations.", &[("The United States", "USA", true), ("Paraguay", "PRY", true)], "054", "USA>PRY"),
            // a coordinated subject with modifiers before its second member
            ("Norland and its old coalition allies agreed to stage naval drills.", &[("Norland", "NOR", true), ("allies", "ALY", false)], "03", "NOR>ALY"),
            // …unless the act names its other party with "with": the pair is one side
            ("The chairwoman and other members of the senate held talks in Belmark City with the sultan.", &[("The chairwoman", "LEG", false), ("other members of the senate", "LEG2", false), ("the sultan", "BLMGOV", false)], "04", "LEG>BLMGOV"),
            ("Norland and Belmark signed a trade pact with Arland.", &[("Norland", "NOR", true), ("Belmark", "BLM", true), ("Arland", "ARL", true)], "0", "NOR>ARL"),
            // a clause word inside a mention, and "once again", split no subject
            ("The WHO is shipping vaccines to Belmark.", &[("The WHO", "IGOWHO", false), ("Belmark", "BLM", true)], "07", "IGOWHO>BLM"),
            ("The World Health Organization (WHO) shipped vaccines to Belmark.", &[("The World Health Organization (WHO)", "IGOWHO", false), ("Belmark", "BLM", true)], "07", "IGOWHO>BLM"),
            ("Premier Lee Han (left) holds talks with Belmark's envoy in Seoul.", &[("Premier Lee Han", "KORGOV", false), ("Belmark's envoy", "BLMGOV", false)], "04", "KORGOV>BLMGOV"),
            ("Putin (R) met Belmark's envoy in Moscow.", &[("Putin", "RUSGOV", false), ("Belmark's envoy", "BLMGOV", false)], "04", "RUSGOV>BLMGOV"),
            ("Norland is once again shipping vaccines to Belmark.", &[("Norland", "NOR", true), ("Belmark", "BLM", true)], "07", "NOR>BLM"),
            // an apposition after the subject renames it
            ("Anna Berg, a curator at the museum, praised the verdict.", &[("Anna Berg", "NGO", false), ("a curator", "EDU", false)], "05", "NGO>-"),
        ];
        for (text, actors, prefix, want) in table {
            let doc = code(text, actors);
            assert_eq!(roles_of(&doc, prefix), *want, "{text}");
        }
    }

    #[test]
    fn the_author_of_what_is_judged_is_the_target() {
        // (sentence, actors, code prefix, expected "source>target")
        let table: &[Case] = &[
            ("The guerrillas rebuffed two proposals for a truce by the junta last month.", &[("The guerrillas", "REB", false), ("the junta", "GOV", false)], "12", "REB>GOV"),
            ("The palace praised the choice by the league to admit two Norlandic clubs.", &[("The palace", "BLMGOV", false), ("the league", "NGO", false), ("two Norlandic clubs", "NORCVL", false)], "05", "BLMGOV>NGO"),
            // the possessor names whose the author is; the author is what it owns
            ("The assembly recognised victories by Ana Novak's opposition coalition in the vote.", &[("The assembly", "LEG", false), ("Ana Novak", "PER", false), ("opposition coalition", "OPP", false)], "05", "LEG>OPP"),
            // a thing acted on that someone else made stays with the verb's object
            ("The court rejected the appeal.", &[("The court", "JUD", false)], "12", "JUD>-"),
        ];
        for (text, actors, prefix, want) in table {
            let doc = code(text, actors);
            assert_eq!(roles_of(&doc, prefix), *want, "{text}");
        }
    }

    #[test]
    fn passives_without_an_agent() {
        // (sentence, actors, code prefix, expected "source>target")
        let table: &[Case] = &[
            // forces sent are the side that sends them
            ("About 900 Norlandic peacekeepers were deployed along the corridor.", &[("About 900 Norlandic peacekeepers", "NORMIL", false)], "074", "NORMIL>-"),
            ("Extra riot police were deployed across the capital.", &[("Extra riot police", "COP", false)], "15", "COP>-"),
            // a state holds or frees those arrested or released on its soil
            ("The photographer Ivo Dank was detained on Thursday in Belmark over his posts.", &[("The photographer Ivo Dank", "JRN", false), ("Belmark", "BLM", true)], "17", "BLM>JRN"),
            ("Two surveyors were freed from captivity in Norland on Friday.", &[("Two surveyors", "BUS", false), ("Norland", "NOR", true)], "0841", "NOR>BUS"),
            // …but an agent after "by" is the source, and the setting stays the setting
            ("The reporter was arrested in Belmark by military police.", &[("The reporter", "JRN", false), ("Belmark", "BLM", true), ("military police", "COP", false)], "17", "COP>JRN"),
        ];
        for (text, actors, prefix, want) in table {
            let doc = code(text, actors);
            assert_eq!(roles_of(&doc, prefix), *want, "{text}");
        }
    }

    #[test]
    fn speakers_of_demands_past_asides_and_long_names() {
        // "X said Y must act": X demands of Y
        let table: &[Case] = &[
            ("Ann Berg, the former finance minister, on Tuesday said the cabinet must free the detained students.", &[("Ann Berg", "OPP", false), ("the former finance minister", "GOV", false), ("the cabinet", "GOV2", false)], "10", "OPP>GOV2"),
            ("Interior Minister Dr Rashid bin Omar bin Faisal Al Nuaimi said the warring clans must provide assistance.", &[("Interior Minister Dr Rashid bin Omar bin Faisal Al Nuaimi", "GOV", false), ("the warring clans", "REB", false)], "10", "GOV>REB"),
        ];
        for (text, actors, prefix, want) in table {
            let doc = code(text, actors);
            assert_eq!(roles_of(&doc, prefix), *want, "{text}");
        }
    }

    #[test]
    fn nouns_announced_or_owned_take_the_clause_subject() {
        // (sentence, actors, code prefix, expected "source>target")
        let table: &[Case] = &[
            // what is announced was done by the announcer
            ("Norland on Friday announced a suspension of loans to Belmark.", &[("Norland", "NOR", true), ("Belmark", "BLM", true)], "16", "NOR>BLM"),
            ("The gendarmerie announced the arrests of 31 traders.", &[("The gendarmerie", "COP", false), ("31 traders", "CVL", false)], "17", "COP>CVL"),
            // …but not a noun that heads a clause of its own
            ("The council announced the negotiations with the rebels had collapsed.", &[("The council", "GOV", false), ("the rebels", "REB", false)], "04", "->REB"),
            // a country's possessive names the speaker's side, not the speaker
            ("Premier Vasko restated Norland's support for the transitional council.", &[("Premier Vasko", "NORGOV", false), ("Norland", "NOR", true), ("the transitional council", "BLMGOV", false)], "05", "NORGOV>BLMGOV"),
        ];
        for (text, actors, prefix, want) in table {
            let doc = code(text, actors);
            assert_eq!(roles_of(&doc, prefix), *want, "{text}");
        }
    }
}

#[cfg(test)]
mod clause_tests {
    use crate::analysis::Sent;
    use crate::words::WordClasses;
    use sitrep_core::{ActorKind, Span};

    #[test]
    fn a_mention_never_ends_a_clause() {
        // (sentence, the mention, the word the clause must reach)
        let table: &[(&str, &str, &str)] = &[
            ("The growers' cooperative filed a lawsuit at the United States Court of Claims against Vantor Mills.", "the United States Court of Claims", "vantor"),
            ("Activists said the WHO failed them.", "the WHO", "failed"),
        ];
        let wc = WordClasses::default();
        for (text, mention, reach) in table {
            let mut doc = sitrep_text::prepare(text);
            let at = text.find(mention).unwrap();
            let span = Span::new(at, at + mention.len());
            doc.actors.push(crate::testkit::mention(span, 0, ActorKind::Organization, mention, "X", None));
            let mut s = Sent::default();
            s.analyse(&doc, 0, &wc, &[vec![0]]);
            let first = s.actor_at.iter().position(|&a| a >= 0).unwrap();
            let end = super::clause_end(&s, s.clause[first] as usize);
            let target = s.words.iter().position(|w| w == reach).unwrap();
            assert!(end > target, "{text}: clause of `{mention}` ends at {end}, before `{reach}` ({:?})", s.clauses.iter().map(|c| (c.start, c.end)).collect::<Vec<_>>());
        }
    }
}
