//! The object noun phrase as a target. Many events act on something no dictionary names: a
//! school bus is struck, an investigation is opened into a person the actor list does not
//! know, a party rejects the election results. When roles find no actor in the object
//! position, the noun phrase there (the direct object of the trigger verb, or the phrase
//! after the preposition the trigger takes: "an attack *on*", "a lawsuit *against*", "an
//! investigation *into*") becomes the target, as an `ActorKind::Phrase` mention with no
//! actor code, so the record still says what the event acted on. The same goes for the
//! plain subject of a passive ("*the convoy* was attacked", "a clinic *that* was hit"), the
//! target of an aside ("staged a raid, *targeting* …"), and what an event noun heading a
//! violent verb was aimed at ("an attack *on a compound* killed 20"). A place right after
//! the phrase ("targets *in Jericho*") is part of it and lends it its country.
//!
//! A small chunker finds the phrase: determiners, numbers, modifiers, nouns, names, a
//! possessive and up to two "of" links; it stops at verbs, clause words, other
//! prepositions, punctuation, time words and other actor mentions. No parser.

use crate::analysis::Sent;
use crate::coder::Cand;
use crate::words;
use sitrep_core::{ActorKind, ActorMention, Doc, Event, Span, TokenKind};

/// A noun phrase chosen as an event's target, in token positions of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Np {
    pub start: usize,
    /// Exclusive.
    pub end: usize,
    /// The head noun: the last content word before an "of" link or the end.
    pub head: usize,
}

/// A phrase target waiting to become an actor mention once the sentence loop is done.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PhraseTarget {
    /// Index of the event in the coder's output.
    pub event: usize,
    pub sentence: usize,
    pub span: Span,
    pub head: Span,
    /// The country of a place the phrase names ("the enclave of Dar Salim"), if any.
    pub country: Option<String>,
    /// An existing actor mention (index into `Doc::actors`) found in the object position,
    /// which roles passed over: the target directly, no new mention.
    pub actor: Option<usize>,
    /// The rule id the event records.
    pub rule: &'static str,
}

/// How a family of event codes takes its object: whether a verb's direct object is what it
/// acts on, the prepositions that must follow the trigger directly ("an attack *on*"), those
/// that do so only after a noun ("the bombardment *of*", "a complaint *to*"), and those that
/// may come a few words later ("brought a suit in a county court *against*").
struct Takes {
    direct: bool,
    adjacent: &'static [&'static str],
    after_noun: &'static [&'static str],
    reach: &'static [&'static str],
}

/// The object-taking pattern of `code`, or `None` for codes whose object is not what they
/// act on (statements, appeals, intentions, mobilisation, which `territory` handles).
fn takes(code: &str) -> Option<Takes> {
    let t = |direct, adjacent, after_noun, reach| Some(Takes { direct, adjacent, after_noun, reach });
    match code.get(..2)? {
        // violating a ceasefire acts on the other party, not on the ceasefire
        "19" if code.starts_with("196") => t(false, &["on", "against"], &[], &[]),
        // violence: "shelled the enclave", "an attack on a school bus", "fired at a convoy"
        "18" | "19" | "20" => t(true, &["on", "against", "at", "upon", "into", "targeting"], &["of"], &["against", "targeting"]),
        // coercion: "seized the tanker", "a crackdown on dissent", "the arrest of"
        "17" => t(true, &["on", "against"], &["of"], &["against"]),
        // investigations: "investigated the mayor", "a probe into", "an investigation of"
        "09" => t(true, &["into", "on"], &["of"], &["into", "against"]),
        // accusations and criticism: "condemned the attacks", "a lawsuit against", "a
        // complaint to the council"
        "11" => t(true, &["against", "on"], &["of", "to", "with"], &["against"]),
        // rejection: "rejected the results", "the rejection of"
        "12" => t(true, &[], &["of"], &[]),
        // threats: "threatened the tree", "threats against"
        "13" => t(true, &["against"], &["to"], &["against"]),
        // protest: "boycotted the vote", "protesting the law", "a protest against"
        "14" => t(true, &["against"], &[], &["against"]),
        // sanctions and cut ties: "sanctions on", "severed ties with"
        "16" => t(false, &["on", "against", "with", "to"], &[], &["against", "on", "from"]),
        // praise and support (what is signed is an agreement, not a party)
        "05" => t(!code.starts_with("057"), &["for", "with", "to"], &[], &[]),
        // a visit, a hosting or a call acts on whom or where it reaches: "visited the flooded
        // province", "received the delegation", "phoned the envoy" (a hosted summit is the
        // meeting itself, see `MEETING_HEADS`)
        "04" if matches!(code, "041" | "042" | "043") => t(true, &["with"], &["of"], &["with"]),
        // meetings: "talks with", "a meeting of the council"; what is held is the meeting itself
        "04" => t(false, &["with"], &["of"], &["with"]),
        // cooperation: "shared evidence with"
        "06" => t(false, &["with"], &[], &["with"]),
        // aid goes to someone, the direct object is the gift
        // ("aid *for* refugees"; a "for" further on names a purpose: "aid for projects")
        "07" => t(false, &["to", "for"], &[], &["to"]),
        // demands made *of* someone: "demanded an apology from the minister"
        "10" => t(false, &[], &[], &["from"]),
        // releasing people ("freed the hostages"), returning things to someone
        "08" if code.starts_with("0841") => t(true, &[], &[], &[]),
        "08" if code.starts_with("0842") => t(false, &["to"], &[], &["to"]),
        // withdrawing forces from a place (a ceasefire's territory is `territory`'s)
        "08" if code.starts_with("087") && !code.starts_with("0871") => t(false, &["from"], &[], &["from"]),
        _ => None,
    }
}

/// Codes whose object, when the text names its author ("a proposal *by* X", "a request
/// *from* X", "a ban *by* the UN", "protests against violations *by* X", "welcomed the
/// decision *by* X"), is aimed at that author: rejections, accusations, protests and praise.
fn aimed_at_author(code: &str) -> bool {
    matches!(code.get(..2), Some("05" | "11" | "12" | "14"))
}

/// Codes whose destination may sit past a comma aside ("returned the artifacts, including a
/// fresco, to Italy"): aid and returns.
fn reaches_past_asides(code: &str) -> bool {
    code.starts_with("07") || code.starts_with("0842")
}

/// Words that do not open a noun phrase an event acts on: clause openers and pronouns.
const NOT_OPENERS: &[&str] = &[
    "that", "whether", "how", "what", "why", "to", "itself", "themselves", "himself", "herself", "each", "one", "ways", "way", "there", "here", "it",
    "him", "them", "us", "me", "you", "anyone", "everyone", "someone", "nothing", "anything", "something", "all", "both", "other", "others",
];

/// Words of time: "attacked the town *on Tuesday*", "met *last week*". They neither open nor
/// continue an object phrase.
const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july",
    "august", "september", "october", "november", "december", "today", "yesterday", "tonight", "tomorrow", "weekend", "morning", "afternoon",
    "evening", "night", "overnight", "last", "next", "week", "weeks", "month", "months", "year", "years", "day", "days", "hours", "minutes", "time",
    "times", "ago", "earlier", "later", "dawn", "midnight", "noon",
];

/// Numbers in words: a count alone ("killed *five*") is a casualty figure, not a phrase.
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozen", "dozens", "scores", "hundreds",
    "thousands", "several", "many", "some", "few", "more", "least", "most",
];

/// Heads that name no thing acted on: "discussed *ways* to…", "for *the first time*".
const EMPTY_HEADS: &[&str] = &[
    // a charge or report names what is said, not whom: "an investigation into claims that…"
    "claims", "claim", "allegations", "allegation", "reports", "report", "accusations", "charges", "suspicion", "comment", "comments", "rein",
    // idioms and placeholders: "gave him free *rein*", "took *note*", "played a *part*"
    "note", "heed", "way", "ways", "lot", "number", "kind", "sort", "part", "end", "need", "possibility", "idea", "fact", "importance", "matter", "place",
];

/// Heads of a gathering: what is hosted or attended is the meeting itself, not a party to
/// it ("hosted *the summit*").
const MEETING_HEADS: &[&str] = &[
    "summit", "summits", "meeting", "meetings", "talks", "conference", "conferences", "forum", "session", "sessions", "ceremony", "event", "events",
    "gathering", "dinner", "reception", "games", "olympics", "tournament", "festival", "visit", "visits", "round",
];

/// Verbs that follow "to" as an infinitive ("aid *to help* people"), not as a recipient.
const INFINITIVES: &[&str] = &[
    "help", "support", "assist", "fight", "build", "rebuild", "provide", "improve", "combat", "ensure", "boost", "strengthen", "protect", "meet",
    "address", "tackle", "pay", "buy", "fund", "finance", "cover", "feed", "restore", "reduce", "prevent", "bring", "keep", "allow", "enable",
    "integrate", "avoid", "stop", "end", "resolve", "promote", "save", "treat", "train", "secure", "create", "develop", "expand", "replace",
];

/// Whether the word at `k`, right after "to", reads as an infinitive verb rather than the
/// start of a recipient: a listed verb, or a bare lowercase singular word followed by what a
/// verb takes ("to destroy *Norland's* reactor", "to participate *in*"). A recipient without a
/// determiner is mostly plural ("to refugees").
fn infinitive_at(s: &Sent, k: usize) -> bool {
    let w = s.words[k];
    if INFINITIVES.contains(&w) {
        return true;
    }
    let bare = s.is_word(k) && !s.cap[k] && !s.has(k, words::DET | words::ADJ) && !w.ends_with('s') && !w.contains('-');
    let next_takes = k + 1 >= s.len() || s.has(k + 1, words::DET | words::PREP | words::PRONOUN) || s.starts_actor_at(k + 1) || !s.is_word(k + 1);
    bare && next_takes
}

/// "-ing" words that are nouns even after another noun ("a wedding *building*", "a car
/// *bombing*"): they continue a phrase rather than start a participle clause.
const ING_NOUNS: &[&str] = &[
    "building", "buildings", "meeting", "wedding", "bombing", "housing", "funding", "ruling", "spending", "gathering", "uprising", "crossing",
    "shooting", "shelling", "killing", "killings", "briefing", "hearing", "training", "offering", "setting", "holding", "clothing", "lodging", "hiring", "pricing",
];

/// Flags that end a noun phrase.
const STOPS: u32 = words::PREP
    | words::VERB
    | words::BE
    | words::HAVE
    | words::FUTURE
    | words::MAYBE
    | words::NEG
    | words::SUBORD
    | words::REL
    | words::COORD
    | words::CONDITION
    | words::REPORT
    | words::ADVERB;

/// The noun phrase starting at token `from`, ending before `limit`.
pub(crate) fn chunk(s: &Sent, from: usize, limit: usize) -> Option<Np> {
    let n = limit.min(s.len());
    if from >= n || !matches!(s.kinds[from], TokenKind::Word | TokenKind::Number) {
        return None;
    }
    let first = s.words[from];
    let pronoun = s.has(from, words::PRONOUN) && !s.has(from, words::DET);
    let infinitive = from > 0 && s.words[from - 1] == "to" && infinitive_at(s, from);
    if pronoun || infinitive || NOT_OPENERS.contains(&first) || TIME_WORDS.contains(&first) || s.has(from, STOPS) && !s.has(from, words::DET) {
        return None;
    }
    let max_end = n.min(from + 10);
    let (mut k, mut end, mut head, mut content) = (from, from, None::<usize>, 0usize);
    let mut links = 0;
    let mut after_of = false;
    while k < max_end {
        let w = s.words[k];
        let possessive = matches!(w, "'s" | "’s" | "'");
        if possessive && content > 0 {
            // "Marek's death": the possessor modifies what follows
            k += 1;
            end = k;
            continue;
        }
        if !matches!(s.kinds[k], TokenKind::Word | TokenKind::Number) {
            break;
        }
        if s.actor_at[k] >= 0 {
            // another mention ends the phrase; at its start there is no phrase of our own
            if content == 0 {
                return None;
            }
            break;
        }
        if w == "of" && content > 0 && links < 2 && !after_of {
            // "the suburbs of Dar Salim": follow the link unless an actor, a pronoun
            // or a non-word comes next
            let next = k + 1;
            let ok = next < max_end && matches!(s.kinds[next], TokenKind::Word | TokenKind::Number) && s.actor_at[next] < 0 && !s.has(next, words::PRONOUN | words::PREP);
            if !ok {
                break;
            }
            links += 1;
            after_of = true;
            k += 1;
            continue;
        }
        let det = s.has(k, words::DET);
        if det && (content > 0 && !after_of) {
            break;
        }
        // "the April elections": a month after a determiner modifies; elsewhere a time
        // word ends the phrase ("shelled the town Friday")
        if TIME_WORDS.contains(&w) && !det && !(content == 0 && k > from && s.has(k - 1, words::DET)) {
            break;
        }
        if s.has(k, STOPS) && !det {
            break;
        }
        if s.has(k, words::PRONOUN) && !det {
            break;
        }
        // "condemned the attacks *strongly*": a manner adverb after the phrase
        if content > 0 && w.len() > 4 && w.ends_with("ly") && !s.cap[k] && !matches!(w, "family" | "assembly" | "rally" | "supply" | "monopoly" | "anomaly") {
            break;
        }
        let prev_modifier = k > from && (s.has(k - 1, words::DET | words::ADJ) || s.kinds[k - 1] == TokenKind::Number || s.words[k - 1] == "of");
        let participle = w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")) && !w.contains('-') && !ING_NOUNS.contains(&w);
        if participle && !(k == from || prev_modifier) {
            // "the areas *devastated* by", "a bus *carrying*": a participle clause begins
            break;
        }
        after_of = false;
        if !det && s.kinds[k] == TokenKind::Word && !NUMBER_WORDS.contains(&w) {
            content += 1;
            if links == 0 {
                head = Some(k);
            }
        }
        k += 1;
        end = k;
    }
    // a dangling "of" or possessive is not part of the phrase
    while end > from && matches!(s.words[end - 1], "of" | "'s" | "’s" | "'") {
        end -= 1;
    }
    let head = head?;
    let hw = s.words[head];
    // a phrase headed by a participle is a clause ("battles *raged*")
    if hw.len() > 4 && hw.ends_with("ed") && !hw.contains('-') {
        return None;
    }
    if content == 0 || end <= head || EMPTY_HEADS.contains(&s.words[head]) || TIME_WORDS.contains(&s.words[head]) {
        return None;
    }
    Some(Np { start: from, end, head })
}

/// Whether the trigger of `c` ends like a noun ("an *attack*", "filed a *lawsuit*"), so an
/// "of" after it links its object.
fn nounish(s: &Sent, c: &Cand) -> bool {
    c.nominal || c.hit.end - c.hit.start > 1 && !s.has(c.hit.end - 1, words::PREP) && s.kinds[c.hit.end - 1] == TokenKind::Word
}

/// What fills an object position: an actor mention roles passed over, or a noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// Index into `Sent::actors`.
    Actor(usize),
    Phrase(Np),
}

/// The actor starting at token `p` after determiners and modifiers ("against *visiting*
/// Crown Prince X", "the *former* minister"), if any.
fn actor_from(s: &Sent, mut p: usize, limit: usize) -> Option<usize> {
    let mut free = 2;
    while p < limit && !s.starts_actor_at(p) {
        let w = s.words[p];
        let modifier = s.is_word(p) && !s.cap[p] && (w.ends_with("ing") || w.ends_with("ed") || matches!(w, "former" | "top" | "senior" | "then"));
        if s.has(p, words::DET | words::ADJ) {
            p += 1;
        } else if modifier && free > 0 && !s.has(p, STOPS) {
            free -= 1;
            p += 1;
        } else {
            break;
        }
    }
    (p < limit && s.starts_actor_at(p)).then(|| s.actor_at[p] as usize)
}

/// What fills the object position starting at token `p`: an actor mention there, else the
/// noun phrase; for codes aimed at an author, the author named right after the phrase.
fn filler(s: &Sent, code: &str, p: usize, limit: usize) -> Option<Found> {
    if let Some(a) = actor_from(s, p, limit) {
        return Some(Found::Actor(a));
    }
    if code.starts_with("09") {
        if let Some(a) = accused_in_charge(s, p, limit) {
            return Some(Found::Actor(a));
        }
    }
    let np = chunk(s, p, limit)?;
    if aimed_at_author(code) && np.end + 1 < limit && matches!(s.words[np.end], "by" | "from") {
        if let Some(a) = actor_from(s, np.end + 1, limit) {
            return Some(Found::Actor(a));
        }
    }
    Some(Found::Phrase(np))
}

/// The end of the span an object of `c` may occupy: its clause, and for destinations the
/// comma asides after it.
fn object_limit(s: &Sent, c: &Cand) -> usize {
    let ci = s.clause[c.hit.start] as usize;
    let mut end = crate::roles::clause_end(s, ci);
    if reaches_past_asides(&c.code) {
        for next in s.clauses.iter().skip(ci + 1).take(4) {
            // "the painting, stolen *in 1981*, to the town hall"
            if !matches!(next.kind, crate::analysis::Boundary::Comma | crate::analysis::Boundary::Subord) {
                break;
            }
            end = next.end;
        }
    }
    end.max(c.hit.end)
}

/// The object of candidate `c` (with code `code`) and whether it is the verb's direct object
/// (rather than introduced by a preposition).
fn object_of(s: &Sent, c: &Cand, code: &str) -> Option<(Found, bool)> {
    object_here(s, c, code).or_else(|| aimed_after_comma(s, c, code).map(|f| (f, false)))
}

/// Adverbs that may open an aside naming what violence was aimed at ("…, *mainly* on
/// military targets").
const FOCUS_ADVERBS: &[&str] = &["mainly", "mostly", "primarily", "chiefly", "largely", "apparently", "reportedly", "allegedly", "deliberately", "all"];

/// What a violent act with no object of its own was aimed at, named in the comma clause
/// right after it: "staged a raid, *targeting* militia leaders in the hills", "has mounted
/// many attacks, mostly *on* police posts".
fn aimed_after_comma(s: &Sent, c: &Cand, code: &str) -> Option<Found> {
    if c.passive || !matches!(code.get(..2), Some("18" | "19" | "20")) {
        return None;
    }
    let ci = s.clause[c.hit.start] as usize;
    let next = s.clauses.get(ci + 1).filter(|cl| cl.kind == crate::analysis::Boundary::Comma)?;
    // nothing but the trigger's own phrase between it and the comma
    if (c.hit.end..next.start).any(|k| s.is_word(k) && words::is_finite_verb(s.flags[k], s.words[k])) {
        return None;
    }
    let mut p = next.start;
    while p < next.end && FOCUS_ADVERBS.contains(&s.words[p]) {
        p += 1;
    }
    let w = *s.words.get(p)?;
    let from = match w {
        "targeting" | "targetting" | "on" | "against" => p + 1,
        "aimed" | "directed" if s.words.get(p + 1) == Some(&"at") => p + 2,
        _ => return None,
    };
    filler(s, code, from, next.end)
}

/// Words for a charge: an investigation into *claims that X* did something is one into X.
const CHARGE_WORDS: &[&str] = &["claims", "claim", "allegations", "allegation", "accusations", "accusation", "reports", "suspicion", "suspicions"];

/// The accused in "an investigation into claims *that three wardens* beat prisoners": the
/// actor heading the that-clause after a charge word at `p`.
fn accused_in_charge(s: &Sent, p: usize, limit: usize) -> Option<usize> {
    let mut j = p;
    while j < limit && s.has(j, words::DET | words::ADJ) {
        j += 1;
    }
    if j + 2 >= s.len() || j >= limit || !CHARGE_WORDS.contains(&s.words[j]) || s.words[j + 1] != "that" {
        return None;
    }
    // the that-clause is a clause of its own
    let that_end = s.clauses[s.clause[j + 2] as usize].end;
    actor_from(s, j + 2, that_end)
}

/// The object of `c` where it stands: right after the trigger, after the preposition the
/// trigger takes, or a few words on.
fn object_here(s: &Sent, c: &Cand, code: &str) -> Option<(Found, bool)> {
    // a passive's object is its subject; only where a thing goes stays after it ("was
    // returned by officials *to* the museum")
    if c.passive && !reaches_past_asides(code) {
        return passive_subject(s, c, code).map(|np| (Found::Phrase(np), true));
    }
    // a statement the speaker makes about its own act ("will not lift the blockade") carries
    // the statement's code
    let stated = c.statement.and_then(|(kind, _)| crate::embed::embed(kind, code));
    if let Some(f) = special_object(s, c, stated.as_deref().unwrap_or(code)) {
        return Some((f, false));
    }
    let takes = takes(code)?;
    let limit = object_limit(s, c);
    let noun = nounish(s, c);
    let marks = |w: &str| takes.adjacent.contains(&w) || noun && takes.after_noun.contains(&w);
    let last = s.words[c.hit.end - 1];
    // a phrase trigger may end in its preposition ("fired on", "cracked down on")
    if c.hit.end - c.hit.start > 1 && takes.adjacent.contains(&last) {
        return filler(s, code, c.hit.end, limit).map(|f| (f, false));
    }
    // "marched *peacefully* through…": a manner adverb is no object
    let mut p = c.hit.end;
    while p < limit && (s.has(p, words::ADVERB) || s.words[p].len() > 4 && s.words[p].ends_with("ly") && s.actor_at[p] < 0) {
        p += 1;
    }
    // "an attack by militants on the town": step over the agent
    if noun && p + 1 < limit && s.words[p] == "by" && s.starts_actor_at(p + 1) {
        let a = s.actor_at[p + 1];
        p += 1;
        while p < limit && s.actor_at[p] == a {
            p += 1;
        }
    }
    if p >= limit {
        return None;
    }
    // "allegations *of* treason" name the charge, not the accused
    let charge = noun && {
        let w = s.words[c.hit.end - 1];
        ["alleg", "accus", "charg", "claim", "suspic"].iter().any(|p| w.starts_with(p))
    };
    if marks(s.words[p]) && !(charge && s.words[p] == "of") {
        return filler(s, code, p + 1, limit).map(|f| (f, false));
    }
    let single_verb = !c.nominal && c.hit.end - c.hit.start == 1;
    // what is seized is taken *from* someone: "confiscated weapons from armed groups"
    if code.starts_with("171") {
        let stop = limit.min(c.hit.end + 8);
        if let Some(k) = (c.hit.end..stop).find(|&k| s.words[k] == "from") {
            if let Some(f) = filler(s, code, k + 1, limit) {
                return Some((f, false));
            }
        }
    }
    // "violated a ban *by* the UN", "rejected an offer *from* X": the author of what the
    // phrase trigger names
    if !c.nominal && c.hit.end - c.hit.start > 1 && aimed_at_author(code) && matches!(s.words[p], "by" | "from") {
        if let Some(a) = actor_from(s, p + 1, limit) {
            return Some((Found::Actor(a), false));
        }
    }
    if takes.direct && single_verb && p == c.hit.end && !c.passive {
        let hosted_meeting = |f: &Found| matches!(f, Found::Phrase(np) if code.starts_with("04") && MEETING_HEADS.contains(&s.words[np.head]));
        if let Some(f) = filler(s, code, p, limit).filter(|f| !hosted_meeting(f)) {
            // the author of what is acted on ("the decision *by* X") is named, not the object
            if let Found::Actor(a) = f {
                if actor_from(s, p, limit) != Some(a) {
                    return Some((f, false));
                }
            }
            // "fired rockets *at* the town", "dropped bombs *on* a market": what is thrown
            // is not what is hit
            let throws = matches!(s.words[c.hit.start], "fired" | "fires" | "fire" | "firing" | "dropped" | "drops" | "dropping" | "launched" | "launches" | "launching" | "hurled" | "threw" | "throwing" | "lobbed");
            let (f_end, f_head) = match f {
                Found::Actor(a) => (s.actors[a].end, s.words[s.actors[a].end - 1]),
                Found::Phrase(np) => (np.end, s.words[np.head]),
            };
            let violent = matches!(code.get(..2), Some("18" | "19"));
            // a weapon is never what is hit, even when named like a force ("dozens of drones")
            let thrown = matches!(f, Found::Phrase(_)) && throws || violent && crate::roles::WEAPONS.contains(&f_head);
            if thrown && f_end < limit && matches!(s.words[f_end], "at" | "on" | "into" | "toward" | "towards" | "against") {
                if let Some(g) = filler(s, code, f_end + 1, limit) {
                    return Some((g, false));
                }
            }
            // "repelled an attack *by* insurgents": the attackers are the other side
            if violent && crate::roles::ATTACKS.contains(&f_head) && f_end + 1 < limit && s.words[f_end] == "by" {
                if let Some(a) = actor_from(s, f_end + 1, limit) {
                    return Some((Found::Actor(a), false));
                }
            }
            return Some((f, true));
        }
    }
    // a preposition a few words on: "brought a suit in a county court against the mayor"
    if takes.reach.is_empty() {
        return None;
    }
    let stop = limit.min(c.hit.end + if reaches_past_asides(code) { 24 } else { 12 });
    let mut k = c.hit.end;
    while k < stop {
        let aside = s.words[k] == "," && reaches_past_asides(code);
        let in_actor = s.actor_at[k] >= 0;
        if s.kinds[k] == TokenKind::Punct && !aside || !in_actor && k > c.hit.end && words::is_finite_verb(s.flags[k], s.words[k]) && !s.has(k - 1, words::DET | words::ADJ | words::PREP) {
            return None;
        }
        // the party after "from" presses or gives to a recipient entry's subject ("under
        // pressure from X", lexicon `role = "recipient"`): it is the source, never the object
        if takes.reach.contains(&s.words[k]) && !(c.recipient && s.words[k] == "from") {
            return filler(s, code, k + 1, limit).map(|f| (f, false));
        }
        k += 1;
    }
    None
}

/// The subject of a passive trigger when it is a plain noun phrase ("*the convoy* was
/// attacked", "*two houses* were demolished by settlers"): what the act was done to. Only for
/// codes whose direct object is what they act on, and only when the phrase fills the whole
/// stretch from the clause start to the auxiliary, so a clause opener, a relative pronoun or
/// a preposition before it ("that was shelled", "three of them were held") leaves it alone.
fn passive_subject(s: &Sent, c: &Cand, code: &str) -> Option<Np> {
    if c.nominal || !takes(code)?.direct {
        return None;
    }
    let (_, clause) = crate::roles::subject_clause(s, s.clause[c.hit.start] as usize);
    let mut aux = c.hit.start;
    while aux > clause.start && (s.has(aux - 1, words::BE | words::HAVE | words::NEG | words::ADVERB | words::MAYBE | words::FUTURE) || matches!(s.words[aux - 1], "been" | "being" | "got" | "get" | "gets")) {
        aux -= 1;
    }
    // a reduced passive ("houses demolished by") has no auxiliary: its subject would be an
    // actor, which roles already took
    if aux == c.hit.start {
        return None;
    }
    let mut from = clause.start;
    while from < aux && (!s.is_word(from) || s.has(from, words::COORD)) {
        from += 1;
    }
    // "a hospital *that was* hit", "the village, *which was* shelled": the phrase the
    // relative pronoun stands for
    if from + 1 == aux && matches!(s.words[from], "that" | "which") {
        return antecedent(s, from);
    }
    let np = chunk(s, from, aux)?;
    let meeting = code.starts_with("04") && MEETING_HEADS.contains(&s.words[np.head]);
    // "two houses *in the old quarter* were demolished", "a missionary *from Calgary* was
    // arrested": a phrase of place or origin may follow, as a noun phrase or a mention
    let placed = || {
        np.end + 1 < aux
            && matches!(s.words[np.end], "in" | "at" | "near" | "outside" | "inside" | "from")
            && (chunk(s, np.end + 1, aux).is_some_and(|p| p.end == aux) || s.starts_actor_at(np.end + 1) && s.actors[s.actor_at[np.end + 1] as usize].end == aux)
    };
    ((np.end == aux || placed()) && !meeting).then_some(np)
}

/// The noun phrase right before the relative pronoun at token `rel` (a comma between
/// allowed), when it is no actor mention: walk back over plain words to the determiner or
/// clause word that opens it, and keep it only if it chunks whole.
fn antecedent(s: &Sent, rel: usize) -> Option<Np> {
    let mut end = rel;
    if end > 0 && s.words[end - 1] == "," {
        end -= 1;
    }
    let mut from = end;
    while from > 0 && end - from < 6 {
        let k = from - 1;
        if !s.is_word(k) || s.actor_at[k] >= 0 || s.has(k, STOPS | words::PRONOUN) && !s.has(k, words::DET) {
            break;
        }
        from = k;
        if s.has(k, words::DET) {
            break;
        }
    }
    if from == end {
        return None;
    }
    chunk(s, from, end).filter(|np| np.end == end)
}

/// Objects some codes take in their own way:
/// - human shields are those held *as* shields ("kept 300 villagers as human shields");
/// - a refusal to end a strike or lift a measure *until* or *unless* someone acts is aimed at
///   that someone ("will not lift the blockade until the governor resigns");
/// - mediation acts on the parties *between* whom it mediates, however far on they are named.
/// - a fronted "Under pressure from X," presses the subject after its comma.
fn special_object(s: &Sent, c: &Cand, code: &str) -> Option<Found> {
    let n = s.len();
    // "used civilians *as* human shields": those held before "as"
    if code.starts_with("184") {
        let mut j = c.hit.start;
        while j > 0 && s.has(j - 1, words::DET | words::ADJ) {
            j -= 1;
        }
        if j >= 2 && s.words[j - 1] == "as" && s.actor_at[j - 2] >= 0 {
            return Some(Found::Actor(s.actor_at[j - 2] as usize));
        }
        return None;
    }
    // "Under pressure from X, *the board* dropped…": a fronted pressure phrase (lexicon
    // `role = "recipient"`) has no subject of its own; the party pressed is the subject
    // after its comma
    if c.recipient && code.starts_with("10") && !(0..c.hit.start).any(|k| s.is_word(k)) {
        let comma = (c.hit.end..n).find(|&k| s.words[k] == ",")?;
        let clause_end = (comma + 1..n).find(|&j| s.kinds[j] == TokenKind::Punct).unwrap_or(n);
        return filler(s, code, comma + 1, clause_end);
    }
    let (words_at, span): (&[&str], usize) = if code.starts_with("124") {
        (&["until", "unless"], 14)
    } else if code.starts_with("045") || code.starts_with("108") {
        (&["between"], 14)
    } else {
        return None;
    };
    let stop = n.min(c.hit.end + span);
    let k = (c.hit.end..stop).find(|&k| words_at.contains(&s.words[k]))?;
    // the first actor of that clause, or the phrase heading it
    let clause_end = (k + 1..n).find(|&j| s.kinds[j] == TokenKind::Punct).unwrap_or(n);
    if let Some(a) = (k + 1..clause_end).find(|&j| s.starts_actor_at(j)).map(|j| s.actor_at[j] as usize) {
        return Some(Found::Actor(a));
    }
    chunk(s, k + 1, clause_end).map(Found::Phrase)
}

/// What the event noun heading a violent verb's clause was aimed at: "an attack *on a
/// government compound* killed 20 troops", "the strike *against the depot* wounded two".
/// The noun's act and the verb's are one event (see `nest_nouns`), and what it struck is
/// its target, the people it hurt its casualties.
fn struck_by_subject_noun(s: &Sent, c: &Cand) -> Option<Found> {
    let noun = c.event_subject?;
    if !matches!(c.code.get(..2), Some("18" | "19" | "20")) {
        return None;
    }
    let stop = c.hit.start.min(noun + 4);
    let k = (noun + 1..stop).take_while(|&k| s.is_word(k) && s.actor_at[k] < 0).find(|&k| matches!(s.words[k], "on" | "against" | "at" | "targeting" | "upon"))?;
    filler(s, &c.code, k + 1, c.hit.start)
}

/// The phrase with the place that locates it ("targets *in Jericho*", "a detention centre
/// *in Texas*", "the Red Crescent office *near Bam*"): what was acted on is that thing there,
/// and the place lends the phrase its country. Only a place mention the gazetteer knows,
/// right after the phrase and before any other mention.
fn with_place(s: &Sent, np: Np) -> Np {
    let Some(&w) = s.words.get(np.end) else { return np };
    if !matches!(w, "in" | "near" | "outside") {
        return np;
    }
    let mut j = np.end + 1;
    while j < s.len() && s.has(j, words::DET | words::ADJ) && s.actor_at[j] < 0 {
        j += 1;
    }
    match s.places.iter().find(|&&(_, st, _)| st == j) {
        Some(&(_, _, en)) if (np.end..en).all(|k| s.actor_at[k] < 0) && s.clause[en - 1] == s.clause[np.start] => Np { end: en, ..np },
        _ => np,
    }
}

/// Whether a found object names a place ("the enclave *of Dar Salim*", "the town of
/// X"): a located site, not a generic thing. A proper name past the phrase's first word
/// counts when the place layer does not know it.
fn names_place(s: &Sent, found: Found) -> bool {
    match found {
        Found::Phrase(np) => s.places.iter().any(|&(_, st, en)| st >= np.start && en <= np.end) || (np.start + 1..np.end).any(|k| s.cap[k] && s.is_word(k)),
        Found::Actor(_) => false,
    }
}

/// Whether target `t` of violent candidate `c` came from a casualty clause folded into it
/// ("…, killing five") and is named after the object that ends at token `object_end`.
fn victims_folded_in(c: &Cand, s: &Sent, t: usize, object_end: usize) -> bool {
    let violent = matches!(c.code.get(..2), Some("18" | "19" | "20"));
    violent && s.actors[t].start >= object_end && c.rules.iter().any(|r| r.starts_with("fold:casualty"))
}

/// Whether actor `a` sits in what is given or returned, between the trigger and the
/// destination starting at token `dest` ("returned an 18th century *Coptic* prayer book to
/// the monastery", "a statue of *a river god* … to its owner"), with no preposition of its own
/// that would make it a party.
fn inside_gift(s: &Sent, c: &Cand, a: usize, dest: usize) -> bool {
    let (st, en) = (s.actors[a].start, s.actors[a].end);
    if st < c.hit.end || en > dest || dest == 0 || !matches!(s.words[dest - 1], "to" | "for") {
        return false;
    }
    let mut j = st;
    while j > c.hit.end && (s.has(j - 1, words::DET | words::ADJ) || s.kinds[j - 1] == TokenKind::Number) {
        j -= 1;
    }
    !(j > c.hit.end && matches!(s.words[j - 1], "to" | "for" | "from" | "with"))
}

/// Whether actor `a` is followed by a second noun phrase, as the first object of "gave *the
/// town* five million dollars": the recipient, not the gift.
fn double_object(s: &Sent, a: usize) -> bool {
    let e = s.actors[a].end;
    e < s.len() && (s.has(e, words::DET) || s.kinds[e] == TokenKind::Number || s.is_word(e) && !s.has(e, STOPS) && !s.has(e, words::PRONOUN))
}

/// Whether actor `a` is the direct object of the trigger of `c` (only determiners, modifiers
/// and numbers between).
fn directly_after(s: &Sent, c: &Cand, a: usize) -> bool {
    let mut j = s.actors[a].start;
    while j > c.hit.end && (s.has(j - 1, words::DET | words::ADJ) || s.kinds[j - 1] == TokenKind::Number) {
        j -= 1;
    }
    j == c.hit.end
}

/// Whether actor `a` (index into `Sent::actors`) comes after a preposition that does not make
/// it the trigger's object: not one the code family takes, not an agent or author ("a motion
/// *by* X", "a request *from* X"), not a recipient ("to") or a link ("of"); and whether a
/// verb or participle stands between the trigger and it. Such an actor is a circumstance
/// ("based on his ties *with* X", "*at* the consulate").
fn introduced_by_other_preposition(s: &Sent, c: &Cand, a: usize) -> (bool, bool) {
    let Some(takes) = takes(&c.code) else { return (false, false) };
    let mut j = s.actors[a].start;
    while j > c.hit.end && (s.has(j - 1, words::DET | words::ADJ) || s.kinds[j - 1] == TokenKind::Number) {
        j -= 1;
    }
    if j <= c.hit.end {
        return (false, false);
    }
    let prev = s.words[j - 1];
    let other = s.has(j - 1, words::PREP) && !matches!(prev, "by" | "from" | "to" | "of") && !takes.adjacent.contains(&prev) && !takes.reach.contains(&prev);
    // …and a participle or verb between the object and it shows the preposition belongs to
    // another predicate ("refused talks *with* X" keeps X)
    let verb_between = (c.hit.end..j - 1).any(|k| {
        let w = s.words[k];
        s.is_word(k) && !s.has(k, words::DET | words::ADJ) && (s.has(k, words::VERB) || w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")) && !ING_NOUNS.contains(&w))
    });
    (other, verb_between)
}

/// The object to take as the target of `cands[ci]`, emitted as `ev`: when the event has no
/// target, or its target is a country named as the setting, or an actor further on that the
/// trigger does not take as its object ("an inquiry into Halvorsen based on his ties with
/// *the shipping cartel*"). An actor roles passed over is returned as such; a noun
/// phrase waits in `PhraseTarget` to become a mention.
pub(crate) fn phrase_target(doc: &Doc, s: &Sent, cands: &[Cand], ci: usize, ev: &Event) -> Option<PhraseTarget> {
    let c = &cands[ci];
    if c.inherited.is_some() || ev.rules.iter().any(|r| r == "role:place-as-target") {
        return None;
    }
    // an act someone is asked, ordered or given a deadline to do is aimed at that someone
    if c.governor.is_some_and(|g| matches!(cands[g].code.get(..2), Some("10" | "13" | "17"))) {
        return None;
    }
    // a threat's object is what the threatened violence would hit ("threatened to shell the
    // tree"), an agreement's or intention's what the intended act acts on ("prepared to
    // pull its units out of the strip"); a statement about an event noun ("rejected an
    // extradition request") has the noun phrase as its own object
    let hostile = |code: &str| matches!(code.get(..2), Some("16" | "17" | "18" | "19" | "20"));
    let acting = match c.governed {
        Some(t) if !cands[t].nominal && (c.code.starts_with("13") && hostile(&cands[t].code) || c.code.starts_with("03")) => &cands[t],
        Some(t) if cands[t].nominal => c,
        Some(_) => return None,
        None => c,
    };
    let struck = struck_by_subject_noun(s, c);
    let (found, direct) = match struck {
        Some(f) => (f, false),
        None => object_of(s, acting, &acting.code)?,
    };
    let (start, end) = match found {
        Found::Actor(a) => (s.actors[a].start, s.actors[a].end),
        Found::Phrase(np) => (np.start, np.end),
    };
    if let Found::Actor(a) = found {
        if ev.source == Some(s.actors[a].idx) || ev.target == Some(s.actors[a].idx) {
            return None;
        }
    }
    if let (Some(_), Some(t)) = (ev.target, c.target) {
        let parted_with = ["07", "0842", "161", "166", "0872", "0874", "087"].iter().any(|p| acting.code.starts_with(p)) && !acting.code.starts_with("0871");
        let replace = if crate::roles::is_setting(s, t) {
            // a country named as the setting yields, except for aid, which is given to the
            // country its recipients are in ("aid to refugees in Belmark")
            !acting.code.starts_with("07")
        } else if struck.is_some() || victims_folded_in(c, s, t, end) && names_place(s, found) {
            // "pounded the enclave of Tel Harun, killing five", "an attack on a compound
            // killed 20 troops": what the act struck is its target, the dead and hurt its
            // casualties; a struck thing named only generically ("opened fire at a wedding,
            // killing nine guests") yields to the people
            true
        } else if parted_with && !direct && (directly_after(s, acting, t) && !double_object(s, t) || inside_gift(s, acting, t, start)) {
            // what is given, returned or withdrawn is not whom it goes to or leaves:
            // "returned a painting *to its owner*", "withdrew peacekeepers *from* the border"
            true
        } else {
            // a phrase the trigger's own preposition introduces beats an actor after another
            // preposition ("filed a lawsuit *in* a court *against* X"); a direct object beats
            // one only past a verb
            let (other, verb_between) = introduced_by_other_preposition(s, acting, t);
            other && (!direct || s.actors[t].start >= end && verb_between)
        };
        if !replace {
            return None;
        }
    }
    let np = match found {
        Found::Actor(a) => {
            return Some(PhraseTarget {
                event: usize::MAX,
                sentence: s.index,
                span: Span::new(s.spans[start].start, s.spans[end - 1].end),
                head: s.spans[s.actors[a].head.min(end - 1)],
                country: None,
                actor: Some(s.actors[a].idx),
                rule: "role:object-actor",
            })
        }
        Found::Phrase(np) => with_place(s, np),
    };
    // a place in the phrase lends its country ("the insurgent-held enclave of Dar Salim")
    let country = s.places.iter().find(|&&(_, st, en)| st >= np.start && en <= np.end).and_then(|&(pi, _, _)| doc.places[pi].country.clone());
    Some(PhraseTarget {
        event: usize::MAX,
        sentence: s.index,
        span: Span::new(s.spans[np.start].start, s.spans[np.end - 1].end),
        head: s.spans[np.head],
        country,
        actor: None,
        rule: "role:object-phrase",
    })
}

/// Turn the pending phrase targets into actor mentions and point their events at them. A
/// statement synthesised from the same trigger ("will boycott" before "boycott") shares the
/// target when it has none.
pub(crate) fn phrase_actors(doc: &mut Doc, events: &mut [Event], pending: &[PhraseTarget]) {
    if pending.is_empty() {
        return;
    }
    let mut made: Vec<(ActorMention, Vec<usize>)> = Vec::new();
    for p in pending {
        let Some(ev) = events.get(p.event) else { continue };
        if ev.target.is_some() || p.actor.is_some() {
            continue;
        }
        let owners = crate::territory::with_statement(events, p.event);
        if let Some((_, list)) = made.iter_mut().find(|(m, _)| m.span == p.span) {
            list.extend(owners);
            continue;
        }
        let name = doc.slice(p.span).to_string();
        made.push((
            ActorMention {
                span: p.span,
                head: p.head,
                sentence: p.sentence,
                kind: ActorKind::Phrase,
                name,
                code: p.country.clone().unwrap_or_default(),
                country: p.country.clone(),
                sector: None,
                acled_inter: None,
                refers_to: None,
                rules: vec!["role:object-phrase".to_string()],
            },
            owners,
        ));
    }
    crate::territory::insert_actors(doc, events, made);
}

#[cfg(test)]
mod tests {
    use crate::testkit::{add_actors, coder};
    use sitrep_core::{ActorKind, Doc, Span, Stage};

    /// (sentence, actors as (phrase, code), code prefix, expected target text)
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str, &'a str);
    /// (sentence, first word of the phrase, expected (phrase, head))
    type ChunkCase<'a> = (&'a str, &'a str, Option<(&'a str, &'a str)>);

    /// Code `text` with actor mentions for the given phrases (in order of appearance).
    fn code(text: &str, actors: &[(&str, &str)]) -> Doc {
        let mut doc = sitrep_text::prepare(text);
        add_actors(&mut doc, text, actors.iter().map(|&(p, c)| (p, c, ActorKind::Agent)), false);
        coder().run(&mut doc);
        doc
    }

    /// The target text of the first event whose code starts with `prefix`, "-" for none.
    fn target(doc: &Doc, prefix: &str) -> String {
        let ev = doc.events.iter().find(|e| e.cameo.starts_with(prefix));
        let Some(ev) = ev else { return format!("no {prefix} event in {:?}", doc.events.iter().map(|e| e.cameo.clone()).collect::<Vec<_>>()) };
        ev.target.map(|t| doc.slice(doc.actors[t].span).to_string()).unwrap_or_else(|| "-".into())
    }

    #[test]
    fn object_phrases_become_targets() {
        // (sentence, actors, code prefix, expected target text)
        let table: &[Case] = &[
            ("Army units renewed their attacks on the insurgent-held northern quarter of Dar Salim for a third night.", &[("Army units", "GOVMIL")], "19", "the insurgent-held northern quarter of Dar Salim"),
            ("Jets bombarded the encircled town of Tel Harun on Friday.", &[], "19", "the encircled town of Tel Harun"),
            ("A strike on a crowded minibus killed seven pupils.", &[], "19", "a crowded minibus"),
            ("The gunmen launched an attack on the embassy compound in the capital.", &[("The gunmen", "UAF")], "19", "the embassy compound"),
            ("State auditors opened an inquiry into Mr Varga on suspicion of bribery.", &[("State auditors", "JUD")], "09", "Mr Varga"),
            ("The police opened an investigation of Halvorsen last year.", &[("The police", "COP")], "09", "Halvorsen"),
            ("The tenants' union filed a lawsuit in the county court against Dellamore.", &[("The tenants' union", "LAB")], "11", "Dellamore"),
            ("The council condemned the attacks, which left dozens hurt.", &[("The council", "GOV")], "11", "the attacks"),
            ("The challenger rejected the official vote count on Monday.", &[("The challenger", "OPP")], "12", "the official vote count"),
            ("Two opposition blocs said they would boycott the June municipal polls.", &[("Two opposition blocs", "OPP")], "14", "the June municipal polls"),
            // a manner adverb after the verb is never the object
            ("Hundreds of nurses marched peacefully to the ministry.", &[("nurses", "LAB")], "14", "-"),
        ];
        for (text, actors, prefix, want) in table {
            let doc = code(text, actors);
            assert_eq!(target(&doc, prefix), *want, "{text}");
        }
    }

    #[test]
    fn no_phrase_where_nothing_is_acted_on() {
        // (sentence, actors, code prefix, expected target text)
        let table: &[Case] = &[
            // times, pronouns and clauses are not objects
            ("Rebels attacked on Tuesday.", &[("Rebels", "REB")], "19", "-"),
            ("The army attacked them again.", &[("The army", "MIL")], "19", "-"),
            // the gift is not the recipient
            ("The agency provided food and blankets.", &[("The agency", "NGO")], "07", "-"),
            // an actor already in the object position stays the target
            ("Rebels attacked the army near the border.", &[("Rebels", "REB"), ("the army", "MIL")], "19", "the army"),
            // a passive subject that is no plain noun phrase
            ("It was attacked on Tuesday.", &[], "19", "-"),
            // a hosted or held meeting is no party to it
            ("Norland hosted the regional summit in May.", &[("Norland", "NOR")], "04", "-"),
            ("The regional summit was hosted by Norland.", &[("Norland", "NOR")], "04", "-"),
        ];
        for (text, actors, prefix, want) in table {
            let doc = code(text, actors);
            assert_eq!(target(&doc, prefix), *want, "{text}");
        }
    }

    #[test]
    fn passive_subjects_visits_and_struck_objects() {
        // (sentence, actors, code prefix, expected target text)
        let table: &[Case] = &[
            // a passive's plain subject is what was acted on
            ("The convoy was attacked near the border.", &[], "19", "The convoy"),
            ("Two houses in the old quarter were demolished by settlers on Monday.", &[("settlers", "SET")], "17", "Two houses"),
            ("A missionary from Tarvik was arrested in Belmark for spying.", &[("Tarvik", "TRV"), ("Belmark", "BLM")], "17", "A missionary"),
            ("The ruling was strongly condemned by rights groups.", &[("rights groups", "NGO")], "11", "The ruling"),
            ("In the north, shops were looted overnight.", &[], "14", "shops"),
            // …or the phrase a relative pronoun stands for
            ("Rescuers searched the rubble of a clinic that was hit by an air strike.", &[], "19", "a clinic"),
            ("Residents returned to the old market, which was looted during the riots.", &[], "14", "the old market"),
            // …but a pronoun or a bare count is nothing to name
            ("Three of them were arrested on Monday.", &[], "17", "-"),
            // visits, hosting and calls reach a place or a person
            ("The foreign minister visited the flooded northern province on Sunday.", &[("The foreign minister", "GOV")], "042", "the flooded northern province"),
            ("The premier received the leaders of the striking miners at his office.", &[("The premier", "GOV")], "043", "the leaders of the striking miners"),
            // what a violent act struck is its target even when it also killed people
            ("Jets bombarded the encircled town of Tel Harun, killing at least four people.", &[("at least four people", "CVL")], "19", "the encircled town of Tel Harun"),
            ("A rebel assault on an army depot killed at least 14 guards.", &[("A rebel", "REB"), ("at least 14 guards", "MIL")], "19", "an army depot"),
            // …while the people attacked, or killed with nothing else struck, stay the target
            ("Gunmen attacked the villagers, killing five.", &[("Gunmen", "UAF"), ("the villagers", "CVL")], "19", "the villagers"),
            ("A bombing by the militia killed 40 displaced people.", &[("the militia", "MIL"), ("40 displaced people", "CVL")], "18", "40 displaced people"),
            // what violence was aimed at, named in an aside after it
            ("Navy helicopters carried out a raid overnight, targeting smuggling bosses near the coast.", &[("Navy helicopters", "GOVMIL"), ("smuggling bosses", "CRM")], "19", "smuggling bosses"),
            ("The cell has mounted many attacks, mostly on police posts in the hills.", &[("The cell", "REB")], "19", "police posts"),
            // an investigation into claims that someone did something is one into them
            ("Army inspectors opened a probe into claims that three wardens beat prisoners.", &[("Army inspectors", "COP"), ("three wardens", "SEC"), ("prisoners", "PRI")], "09", "three wardens"),
            // a returned thing goes to its owner, past what describes it
            ("The library returned a rare 18th century Coptic prayer book to the monastery.", &[("The library", "EDU"), ("Coptic", "REL")], "084", "the monastery"),
        ];
        for (text, actors, prefix, want) in table {
            let doc = code(text, actors);
            assert_eq!(target(&doc, prefix), *want, "{text}");
        }
    }

    /// Code `text` with one place mention `(name, country)` and the given actors.
    fn code_with_place(text: &str, place: (&str, &str), actors: &[(&str, &str)]) -> Doc {
        use sitrep_core::{PlaceMention, PlacePrecision};
        let mut doc = sitrep_text::prepare(text);
        let at = text.find(place.0).expect("place in text");
        doc.places.push(PlaceMention {
            span: Span::new(at, at + place.0.len()),
            sentence: doc.sentence_at(at).unwrap(),
            name: place.0.to_string(),
            country: Some(place.1.to_string()),
            admin1: None,
            lat: None,
            lon: None,
            precision: PlacePrecision::City,
            geonames_id: None,
            rules: vec![],
        });
        add_actors(&mut doc, text, actors.iter().map(|&(p, c)| (p, c, ActorKind::Agent)), false);
        coder().run(&mut doc);
        doc
    }

    #[test]
    fn a_place_after_the_phrase_locates_it_and_lends_its_country() {
        // (sentence, place, actors, code prefix, expected target text, expected code)
        let table: &[(&str, (&str, &str), &[(&str, &str)], &str, &str, &str)] = &[
            ("Tanks fired four shells at targets in Tarvik on Monday.", ("Tarvik", "PSE"), &[("Tanks", "MIL")], "19", "targets in Tarvik", "PSE"),
            ("Militants attacked a police station near Tarvik.", ("Tarvik", "PSE"), &[("Militants", "REB")], "19", "a police station near Tarvik", "PSE"),
            // a place that is no part of the object stays out ("in March" is no place)
            ("Militants attacked a police station in March.", ("Tarvik", "PSE"), &[("Militants", "REB")], "19", "a police station", ""),
        ];
        for (text, place, actors, prefix, want, want_code) in table {
            let text = if text.contains(place.0) { text.to_string() } else { format!("{text} Tarvik is calm.") };
            let doc = code_with_place(&text, *place, actors);
            let ev = doc.events.iter().find(|e| e.cameo.starts_with(prefix)).expect("an event");
            let t = &doc.actors[ev.target.expect("a target")];
            assert_eq!((doc.slice(t.span), t.code.as_str()), (*want, *want_code), "{text}");
        }
    }

    #[test]
    fn phrase_targets_are_code_less_mentions_in_span_order() {
        let doc = code("The ministry condemned the bombing of the hospital, officials said.", &[("The ministry", "GOV"), ("officials", "GOV")]);
        let starts: Vec<usize> = doc.actors.iter().map(|a| a.span.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
        let ev = doc.events.iter().find(|e| e.cameo.starts_with("11")).expect("a condemnation");
        assert_eq!(ev.source.map(|s| doc.actors[s].name.as_str()), Some("The ministry"));
        let t = &doc.actors[ev.target.expect("a target")];
        assert_eq!((t.kind, t.code.as_str(), doc.slice(t.head)), (ActorKind::Phrase, "", "bombing"));
        assert_eq!(t.rules, vec!["role:object-phrase".to_string()]);
        assert!(ev.rules.iter().any(|r| r == "role:object-phrase"), "{:?}", ev.rules);
    }

    #[test]
    fn actors_passed_over_in_object_positions() {
        // (sentence, actors, code prefix, expected target text)
        let table: &[Case] = &[
            // the preposition the trigger takes beats an actor after another one
            ("The fishermen's union filed a lawsuit in the Central Court against the dredging firm.", &[("The fishermen's union", "LAB"), ("the Central Court", "JUD"), ("the dredging firm", "BUS")], "11", "the dredging firm"),
            // …also past a mention that holds a clause word ("States")
            ("The growers' cooperative on Friday filed a lawsuit at the United States Court of Claims against Vantor Mills.", &[("The growers' cooperative", "LAB"), ("the United States Court of Claims", "JUD"), ("Vantor Mills", "BUS")], "11", "Vantor Mills"),
            ("Prosecutors opened an investigation of Halvorsen based on his ties with the army.", &[("Prosecutors", "JUD"), ("the army", "MIL")], "09", "Halvorsen"),
            // a refusal until someone acts is aimed at that someone
            ("The fishermen said they will not lift the blockade of the harbour until the governor resigns.", &[("The fishermen", "LAB"), ("the governor", "GOV")], "124", "the governor"),
            // mediation acts on the parties between whom it mediates
            ("The envoy is mediating in the border quarrel between Arland and Belmark.", &[("The envoy", "IGO"), ("Arland", "ARL"), ("Belmark", "BLM")], "045", "Arland"),
            // human shields are the people held as shields
            ("The militia held hundreds of villagers as human shields.", &[("The militia", "MIL"), ("hundreds of villagers", "CVL")], "18", "hundreds of villagers"),
            // what is seized is taken from someone
            ("Police confiscated rifles from the clan militia.", &[("Police", "COP"), ("the clan militia", "MIL")], "17", "the clan militia"),
            // what is fired is not what is hit
            ("Tanks fired four shells at the market square.", &[("Tanks", "MIL")], "19", "the market square"),
            // the author of what is rejected
            ("The court rejected a petition from the opposition party.", &[("The court", "JUD"), ("the opposition party", "OPP")], "12", "the opposition party"),
            // what is withdrawn leaves a place; the forces are not the target
            ("The junta is prepared to withdraw its units from the border strip.", &[("The junta", "GOV"), ("its units", "MIL")], "03", "the border strip"),
            // an intention's target is what the intended act acts on
            ("The junta agreed to release the detained journalists.", &[("The junta", "GOV")], "03", "the detained journalists"),
            // a returned thing goes to someone, past commas around what it is
            ("Curators returned the painting, stolen in 1981, to the town hall.", &[("Curators", "GOV")], "084", "the town hall"),
        ];
        for (text, actors, prefix, want) in table {
            let doc = code(text, actors);
            assert_eq!(target(&doc, prefix), *want, "{text}");
        }
    }

    #[test]
    fn pressure_from_someone_names_who_presses_not_what_is_pressed() {
        // (sentence, actors, expected "source text>target text" of the first demand)
        let table: &[(&str, &[(&str, &str)], &str)] = &[
            // a fronted pressure phrase presses the subject after its comma, actor or not
            ("Under pressure from the regent, the tribunal dropped the charges.", &[("the regent", "GOV"), ("the tribunal", "JUD")], "the regent>the tribunal"),
            ("Under mounting pressure from Norland, the council postponed the vote.", &[("Norland", "NOR")], "Norland>the council"),
            // the one facing pressure from X is pressed by X
            ("The minister faces pressure from the army to resign.", &[("The minister", "GOV"), ("the army", "MIL")], "the army>The minister"),
            ("The governor came under growing pressure from the farmers.", &[("The governor", "GOV"), ("the farmers", "AGR")], "the farmers>The governor"),
        ];
        for (text, actors, want) in table {
            let doc = code(text, actors);
            let ev = doc.events.iter().find(|e| e.cameo.starts_with("10")).unwrap_or_else(|| panic!("no demand in {text}"));
            let name = |i: Option<usize>| i.map(|i| doc.slice(doc.actors[i].span).to_string()).unwrap_or_else(|| "-".into());
            assert_eq!(format!("{}>{}", name(ev.source), name(ev.target)), *want, "{text}: {:?}", ev.rules);
        }
    }

    #[test]
    fn chunker_stops_where_the_phrase_ends() {
        use crate::analysis::Sent;
        use crate::words::WordClasses;
        // (sentence, first word of the phrase, expected phrase, expected head)
        let table: &[ChunkCase] = &[
            ("They shelled the insurgent-held quarter of Dar Salim on Friday.", "the", Some(("the insurgent-held quarter of Dar Salim", "quarter"))),
            ("They struck a bus carrying workers.", "a", Some(("a bus", "bus"))),
            ("They disputed Marek's death at the consulate.", "marek", Some(("Marek's death", "death"))),
            ("They rejected the June municipal polls strongly.", "the", Some(("the June municipal polls", "polls"))),
            ("They attacked on Tuesday.", "tuesday", None),
            ("They condemned it.", "it", None),
            ("They discussed ways to end it.", "ways", None),
            ("They sent aid to help refugees.", "help", None),
            ("Gunmen killed five in the attack.", "five", None),
            ("They killed five villagers.", "five", Some(("five villagers", "villagers"))),
        ];
        let wc = WordClasses::default();
        for (text, first, want) in table {
            let doc = sitrep_text::prepare(text);
            let mut s = Sent::default();
            s.analyse(&doc, 0, &wc, &[]);
            let from = s.words.iter().position(|w| w == first).unwrap_or_else(|| panic!("{first} in {text}"));
            let got = super::chunk(&s, from, s.len()).map(|np| (doc.text()[s.spans[np.start].start..s.spans[np.end - 1].end].to_string(), s.words[np.head].to_string()));
            let want = want.map(|(p, h)| (p.to_string(), h.to_string()));
            assert_eq!(got, want, "{text}");
        }
    }
}
