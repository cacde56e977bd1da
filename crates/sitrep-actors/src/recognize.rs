//! The `actors` stage: dictionary matches are assembled into actor phrases (compositions,
//! named actors, appositions), then resolved (coreference) and completed (country
//! inference from the article's focus).

mod acronym;
mod refer;

use crate::dict::{Entry, EntryKind};
use crate::matcher::{Compiled, Hit};
use crate::sector::{compose, default_inter, is_armed_non_state, is_international};
use sitrep_core::{ActorKind, ActorMention, Doc, Span};

/// Determiners and quantifiers that open an actor phrase and belong to its span.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "some", "several", "many", "few", "all", "both", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "fifty",
    "hundred", "thousand", "its", "their", "his", "her", "other", "more", "most", "another", "at",
    "least", "about", "around", "nearly", "almost", "over", "than", "up", "to",
];

/// Quantity nouns of "hundreds of protesters".
const QUANTITY_NOUNS: &[&str] = &[
    "hundreds",
    "thousands",
    "dozens",
    "scores",
    "tens",
    "millions",
    "dozen",
    "group",
    "number",
    "members",
    "member",
];

/// Adjectives that may stand inside an actor phrase without changing who it is.
const FILLERS: &[&str] = &[
    "armed",
    "unidentified",
    "unknown",
    "suspected",
    "alleged",
    "local",
    "former",
    "senior",
    "top",
    "foreign",
    "rival",
    "allied",
    "regional",
    "federal",
    "national",
    "interim",
    "transitional",
    "paramilitary",
    "elite",
    "heavily",
    "so-called",
    "main",
    "new",
    "young",
    "female",
    "male",
    "retired",
    "exiled",
    "ousted",
    "deposed",
    "embattled",
    "disgraced",
    "imprisoned",
    "nationalist",
    "veteran",
    "longtime",
    "current",
    "jailed",
    "detained",
    "wounded",
    "injured",
    "dead",
    "ethnic",
    "islamic",
    "state-run",
    "state-owned",
    "hardline",
    "radical",
    "ruling",
    "displaced",
    "internally",
    "fellow",
    "international",
    "western",
    "arab",
    "muslim",
    "christian",
    "kurdish",
    "shiite",
    "shia",
    "sunni",
    "tribal",
    "deputy",
    "acting",
    "outgoing",
    "incoming",
    "newly",
    "elected",
    "appointed",
    "powerful",
    "prominent",
    "leading",
    "influential",
    "notorious",
    "defence",
    "chief",
    "unnamed",
    "anonymous",
    "masked",
    "angry",
    "peaceful",
    "striking",
    "innocent",
    "unarmed",
    "civil",
    "high-ranking",
    "high",
    "ranking",
    "junior",
    "military-backed",
    "assistant",
    "special",
    "joint",
    "textile",
    "presidential",
    "royal",
    "provincial",
    "district",
    "county",
    "state",
    "municipal",
    "independent",
    "secular",
    "opposing",
    "warring",
    "loyalist",
    "breakaway",
    "splinter",
    "jihadi",
    "ordinary",
    "fleeing",
    "stranded",
    "hungry",
    "ex",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Nouns that an agent word before them only modifies: "military exercises", "police
/// custody", "government spending" name things or activities, not the agent. Agent heads
/// ("military officials") are handled as modifiers already. Event nouns whose modifier is
/// their agent ("rebel attacks", "police raids") are not here.
const THING_NOUNS: &[&str] = &[
    "exercise", "exercises", "drill", "drills", "aid", "assistance", "action", "actions",
    "operation", "operations", "intervention", "campaign", "hardware", "equipment",
    "budget", "budgets", "spending", "zone", "zones", "parade", "training", "cooperation",
    "ties", "presence", "deployment", "deployments", "build-up", "buildup", "option",
    "options", "solution", "pressure", "power", "might", "strength", "capability",
    "capabilities", "threat", "threats", "rule", "coup", "custody", "uniform", "uniforms",
    "tribunal", "court", "courts", "activity", "activities", "reform", "reforms", "policy",
    "policies", "doctrine", "strategy", "technology", "expenditure", "contract",
    "contracts", "sales", "support", "help", "funding", "service", "escort", "escorts",
    "protection", "pay", "salaries", "salary",
];

/// Nouns after which "criminal" is the adjective of law, not a criminal: "a criminal
/// investigation", "criminal charges".
const LEGAL_NOUNS: &[&str] = &[
    "investigation", "investigations", "probe", "case", "cases", "charge", "charges",
    "proceedings", "inquiry", "complaint", "complaints", "court", "courts", "code", "law",
    "laws", "record", "records", "trial", "liability", "negligence", "conviction",
    "convictions", "justice", "offence", "offences", "offense", "offenses", "prosecution",
    "responsibility", "referral", "lawsuit", "act", "acts",
];

/// Facilities, positions and vehicles that stand for the agent who holds them: "an army
/// camp", "rebel positions", "police vehicles" are the army, the rebels, the police.
const OWNED_NOUNS: &[&str] = &[
    "base", "bases", "camp", "camps", "installation", "installations", "facility",
    "facilities", "site", "sites", "post", "posts", "station", "stations", "headquarters",
    "target", "targets", "position", "positions", "compound", "compounds", "outpost",
    "outposts", "stronghold", "strongholds", "hideout", "hideouts", "vehicle", "vehicles",
    "convoy", "convoys", "jet", "jets", "plane", "planes", "aircraft", "helicopter",
    "helicopters", "boat", "boats", "patrol", "patrols", "unit", "units", "checkpoint",
    "checkpoints", "barracks", "garrison", "garrisons",
];

/// Symbols and gatherings named after a body, country or person: "European Union flags",
/// "a NATO summit", "Putin portraits". Waving a flag or meeting at a summit does nothing to
/// the holder, so the name before them is no actor. Things that stand for their holder
/// (bases, vehicles, positions: [`OWNED_NOUNS`]) and its statements ("a Kremlin
/// statement" is the Kremlin speaking) are not here.
const SYMBOL_EVENT_NOUNS: &[&str] = &[
    "flag", "flags", "banner", "banners", "emblem", "emblems", "logo", "logos", "insignia",
    "anthem", "portrait", "portraits", "poster", "posters", "symbol", "symbols", "colours",
    "colors", "summit", "summits", "conference", "congress", "anniversary", "ceremony",
    "ceremonies", "jubilee",
];

/// Words after a hyphen that make "X-held", "X-backed" a description, not actor X.
const HYPHEN_SKIP: &[&str] = &[
    "proclaimed",
    "styled",
    "called",
    "declared",
    "backed",
    "linked",
    "allied",
    "aligned",
    "affiliated",
    "based",
    "sponsored",
    "supported",
    "trained",
    "funded",
    "year",
    "born",
    "held",
    "occupied",
    "controlled",
    "run",
    "owned",
    "dominated",
    "friendly",
    "inspired",
    "bound",
    "made",
];

/// Determiner words that belong to a phrase only before a number ("at least 20").
const BEFORE_NUMBER: &[&str] = &[
    "at", "least", "about", "around", "nearly", "almost", "over", "more", "than", "up", "to",
];

/// Nouns for what a government sends or exerts: a national capital after "<noun> from" stands
/// for its government ("pressure from Washington"), not for where something came from.
/// Words as often said of crowds or places ("protests from Nairobi", "threats from the
/// north") are left out.
const SENT_BY_GOVERNMENTS: &[&str] = &[
    "pressure", "criticism", "condemnation", "proposal", "proposals", "request", "requests", "demand",
    "demands", "offer", "offers", "warning", "warnings", "ultimatum", "objection", "objections",
    "complaint", "complaints", "invitation", "assurances", "guarantees", "backing", "opposition",
    "sanctions", "recognition", "envoy", "envoys", "delegation", "delegations", "message",
];

/// Prepositions after which a capitalised name is more likely a place than an actor.
const PLACE_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "to",
    "into",
    "across",
    "outside",
    "inside",
    "around",
    "towards",
    "toward",
    "through",
    "throughout",
    "via",
    "within",
    "off",
    "onto",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "city",
    "town",
    "village",
    "province",
    "region",
    "district",
    "state",
    "of",
];

/// Lowercase words allowed inside a personal or organisation name.
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "de", "da", "di", "van", "von", "der", "du", "la", "le",
    "ould", "ag", "wa",
];

/// Joining words inside organisation names ("Department of Health and Human Services").
const NAME_JOINERS: &[&str] = &["of", "for", "the", "and"];

/// Capitalised words that open sentences or name things that are not actors.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "after",
    "before",
    "when",
    "while",
    "as",
    "also",
    "however",
    "meanwhile",
    "earlier",
    "later",
    "according",
    "there",
    "here",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "if",
    "since",
    "during",
    "for",
    "from",
    "with",
    "without",
    "by",
    "to",
    "of",
    "so",
    "yet",
    "still",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "on",
    "one",
    "two",
    "three",
    "some",
    "many",
    "most",
    "more",
    "several",
    "no",
    "not",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "all",
    "both",
    "each",
    "every",
    "such",
    "other",
    "another",
    "despite",
    "although",
    "though",
    "because",
    "amid",
    "following",
    "under",
    "over",
    "about",
    "around",
    "against",
    "between",
    "among",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "god",
    "allah",
    "islam",
    "christmas",
    "ramadan",
    "eid",
    "easter",
    "covid",
    "covid-19",
    "internet",
    "twitter",
    "facebook",
    "telegram",
    "whatsapp",
    "reuters",
    "afp",
    "ap",
    "bbc",
    "cnn",
    "xinhua",
    "tass",
    "al jazeera",
    "aljazeera",
    "read",
    "photo",
    "video",
    "watch",
    "click",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "lord",
    "north",
    "south",
    "east",
    "west",
    "breaking",
    "update",
    "exclusive",
    "analysis",
    "opinion",
    "editorial",
    "police",
    "army",
    "asked",
    "speaking",
    "unlike",
    "like",
    "once",
    "even",
    "only",
    "just",
    "instead",
    "thus",
    "therefore",
    "indeed",
    "nevertheless",
    "accordingly",
    "nearly",
    "almost",
    "about",
    "some",
    "any",
    "overall",
    "separately",
    "elsewhere",
    "first",
    "second",
    "third",
    "hundreds",
    "thousands",
    "dozens",
    "prime",
    "minister",
];

/// Weekdays, which follow names in news ("Prime Minister Kenji Sato Tuesday said")
/// and never continue one.
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Abbreviated months, which open dates ("Nov. 3") and are not names.
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Last words that make a capitalised name a place ("Golan Heights", "Rift Valley").
const PLACE_WORDS: &[&str] = &[
    "heights", "valley", "strip", "mountains", "mountain", "hills", "sea", "gulf", "river",
    "island", "islands", "peninsula", "desert", "delta", "basin", "corridor", "plateau",
    "coast", "lake", "bay", "straits", "strait", "canal", "square", "street", "road",
    "avenue", "airport", "stadium", "camp", "crossing", "county", "province", "region",
    "governorate", "prefecture", "oblast", "city", "town", "village", "district",
];

/// Regions, continents and disputed territories that the news names like actors but
/// that are places ("fighting in Karabakh", "Darfur"), missing from the gazetteer's
/// administrative names.
const REGION_NAMES: &[&str] = &[
    "Africa", "Europe", "Asia", "Latin America", "South America", "North America",
    "Middle East", "Near East", "Far East", "Horn of Africa", "Sahel", "Maghreb",
    "Balkans", "Caucasus", "Golan", "Karabakh", "Nagorno-Karabakh", "Nagorno Karabakh",
    "Ossetia", "South Ossetia", "Abkhazia", "Transnistria", "Darfur", "Kordofan",
    "Donbas", "Donbass", "Crimea", "Kashmir", "Kurdistan", "Pacific", "Atlantic",
    "Arctic", "Antarctica", "Scandinavia", "Siberia", "Patagonia", "Sinai", "Levant",
    "West Bank", "Gaza Strip", "Persian Gulf", "Line of Control", "Line of Actual Control",
];

/// All capitals and at least two letters: "UNHCR", "MDC" (never a sentence-opening word).
fn is_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && text.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase())
}

/// Words that, anywhere in a capitalised name without a dictionary entry, say it names a
/// body and not a person ("Common Cause", "Citizens for Open Courts", "Save the Rivers"):
/// abstract and collective nouns and the adjectives of campaigns, which personal names
/// almost never contain. Surnames that are also ordinary words ("Young", "Cross",
/// "Green", "Justice") are left out.
const ORG_NAME_WORDS: &[&str] = &[
    "accountability", "action", "advocacy", "aid", "alternative", "amnesty", "cause", "children",
    "citizens", "civic", "civil", "common", "democracy", "democratic", "development", "doctors",
    "freedom", "friends", "future", "global", "human", "humanitarian", "initiative",
    "international", "liberation", "media", "national", "people", "peoples", "popular", "project",
    "reform", "relief", "rescue", "revolutionary", "rights", "save", "society", "solidarity",
    "transparency", "unity", "watch", "without",
];

/// Last words that make a capitalised name an organisation, with the sector they give.
const ORG_HEADS: &[(&str, Option<&str>)] = &[
    ("army", Some("MIL")),
    ("forces", Some("MIL")),
    ("force", Some("MIL")),
    ("brigade", Some("MIL")),
    ("brigades", Some("MIL")),
    ("corps", Some("MIL")),
    ("navy", Some("MIL")),
    ("guard", Some("MIL")),
    ("guards", Some("MIL")),
    ("command", Some("MIL")),
    ("police", Some("COP")),
    ("court", Some("JUD")),
    ("tribunal", Some("JUD")),
    ("party", Some("PTY")),
    ("ministry", Some("GOV")),
    ("department", Some("GOV")),
    ("government", Some("GOV")),
    ("administration", Some("GOV")),
    ("office", Some("GOV")),
    ("authority", Some("GOV")),
    ("agency", Some("GOV")),
    ("commission", Some("GOV")),
    ("council", Some("GOV")),
    ("parliament", Some("LEG")),
    ("assembly", Some("LEG")),
    ("congress", Some("LEG")),
    ("senate", Some("LEG")),
    ("front", None),
    ("movement", None),
    ("union", None),
    ("committee", None),
    ("organization", None),
    ("organisation", None),
    ("association", None),
    ("group", None),
    ("alliance", None),
    ("league", None),
    ("coalition", None),
    ("federation", None),
    ("institute", None),
    ("foundation", None),
    ("network", None),
    ("observatory", Some("NGO")),
    ("company", Some("BUS")),
    ("corporation", Some("BUS")),
    ("inc", Some("BUS")),
    ("inc.", Some("BUS")),
    ("corp", Some("BUS")),
    ("corp.", Some("BUS")),
    ("ltd", Some("BUS")),
    ("bank", Some("BUS")),
    ("exchange", Some("BUS")),
    ("holdings", Some("BUS")),
    ("airways", Some("BUS")),
    ("motors", Some("BUS")),
    ("industries", Some("BUS")),
    ("enterprises", Some("BUS")),
    ("healthcare", Some("BUS")),
    ("pharmaceuticals", Some("BUS")),
    ("petroleum", Some("BUS")),
    ("telecom", Some("BUS")),
    ("telecommunications", Some("BUS")),
    ("technologies", Some("BUS")),
    ("energy", Some("BUS")),
    ("mining", Some("BUS")),
    ("logistics", Some("BUS")),
    ("securities", Some("BUS")),
    ("insurance", Some("BUS")),
    ("radio", Some("MED")),
    ("daily", Some("MED")),
    ("tribune", Some("MED")),
    ("herald", Some("MED")),
    ("gazette", Some("MED")),
    ("journal", Some("MED")),
    ("telegraph", Some("MED")),
    ("press", Some("MED")),
    ("school", Some("EDU")),
    ("college", Some("EDU")),
    ("hospital", Some("HLH")),
    ("airlines", Some("BUS")),
    ("church", Some("REL")),
    ("university", Some("EDU")),
    ("service", Some("GOV")),
    ("services", Some("GOV")),
    ("bureau", Some("GOV")),
    ("times", Some("MED")),
    ("post", Some("MED")),
    ("news", Some("MED")),
    ("television", Some("MED")),
    ("tv", Some("MED")),
];

/// One word of a sentence: tokens split at hyphens and possessive endings so that
/// "Sudan's" and "pro-government" expose their parts.
#[derive(Debug, Clone, Copy)]
struct W {
    span: Span,
    cap: bool,
    alpha: bool,
}

/// A candidate mention before coreference and inference.
#[derive(Debug, Clone)]
struct Cand {
    m: ActorMention,
    plural: bool,
    person: bool,
    /// Pronoun ("he", "they") to resolve; dropped when nothing fits.
    pronoun: Option<Pronoun>,
    /// "the group": resolve if something fits, else keep as an agent.
    anaphoric: bool,
    /// Apposition: index (in the document's candidate list) of the mention this one
    /// describes.
    appos_of: Option<usize>,
    /// Whether the country came from the phrase itself (not inferred).
    explicit_country: bool,
    /// The phrase is built on a named organisation: no country is inferred.
    on_org: bool,
    /// See [`Np::poss`].
    poss: Option<Possessive>,
    /// See [`Np::host`].
    host: Option<String>,
    /// The head is a role word ("spokesman", "leader") that takes its owner's sector.
    weak_head: bool,
    /// "the two countries", "both sides": a pair named earlier to resolve; whether the
    /// phrase stays (as parsed) when no pair is found.
    pair: Option<(refer::PairKind, bool)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Pronoun {
    Singular,
    Plural,
}

/// A possessive pronoun before an actor phrase: "its"/"their" point to a country,
/// organisation or group; "his"/"her" to a person.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Possessive {
    Its,
    Their,
    His,
}

/// What a parsed phrase is built on: a country or an organisation (or a person) whose
/// code the head's role is appended to.
#[derive(Debug, Clone, Default)]
struct Base {
    code: String,
    country: Option<String>,
    sector: Option<String>,
    inter: Option<u8>,
    name: String,
    is_org: bool,
    rule: String,
    /// Words the base was named with.
    at: (usize, usize),
}

/// A parsed phrase.
#[derive(Debug, Clone)]
struct Np {
    start: usize,
    end: usize,
    head: (usize, usize),
    kind: ActorKind,
    name: String,
    code: String,
    country: Option<String>,
    sector: Option<String>,
    inter: Option<u8>,
    rules: Vec<String>,
    plural: bool,
    person: bool,
    anaphoric: bool,
    /// A bare agent with only a determiner ("the group"), eligible for coreference.
    bare: bool,
    /// Extra mentions from a conjunction of adjectives ("US and British activists").
    split: Vec<Np>,
    /// Opened by a possessive pronoun ("its ambassador", "their leader"): whose it is
    /// is resolved against earlier mentions.
    poss: Option<Possessive>,
    /// A post abroad with its host named ("ambassador to France"): the host's country,
    /// which is never the actor's own.
    host: Option<String>,
}

struct Parser<'a> {
    doc: &'a Doc,
    c: &'a Compiled,
    /// Place names, to tell a capitalised place from a capitalised actor.
    gaz: &'a sitrep_places::Gazetteer,
    w: Vec<W>,
    /// For each word that starts a dictionary match: (end word, pattern id).
    at: Vec<Option<(usize, usize)>>,
    sent: usize,
    date: Option<jiff::civil::Date>,
    /// "Name Of Body (NOB)" definitions in the sentence.
    defs: Vec<acronym::AcronymDef>,
    /// The sentence is in capitals or title case (a headline): capitals say nothing about
    /// names.
    shouting: bool,
}

fn split_token(text: &str, span: Span, out: &mut Vec<W>) {
    let s = span.of(text);
    let mut body_end = span.end;
    let mut poss: Option<Span> = None;
    for suffix in ["'s", "’s", "'S", "’S"] {
        if s.len() > suffix.len() + 1 && s.ends_with(suffix) {
            body_end = span.end - suffix.len();
            poss = Some(Span::new(body_end, span.end));
            break;
        }
    }
    if poss.is_none() && s.len() > 2 && (s.ends_with("s'") || s.ends_with("s’")) {
        let q = if s.ends_with('\'') { 1 } else { 3 };
        body_end = span.end - q;
        poss = Some(Span::new(body_end, span.end));
    }
    let body = &text[span.start..body_end];
    let mut part_start = span.start;
    let push = |a: usize, b: usize, out: &mut Vec<W>| {
        if a < b {
            let first = text[a..b].chars().next().unwrap();
            out.push(W {
                span: Span::new(a, b),
                cap: first.is_uppercase(),
                alpha: first.is_alphabetic(),
            });
        }
    };
    for (i, ch) in body.char_indices() {
        if ch == '-' && i > 0 && i + 1 < body.len() {
            let at = span.start + i;
            push(part_start, at, out);
            push(at, at + 1, out);
            part_start = at + 1;
        }
    }
    push(part_start, body_end, out);
    if let Some(p) = poss {
        push(p.start, p.end, out);
    }
}

/// How many capitalised words one end of a "from X to Y" range may have ("from Port Sudan").
const RANGE_NAME_WORDS: usize = 3;

/// Short words a title-case headline leaves in lower case ("Rebels Seize Town in the
/// North"). Any other lower-case word shows the sentence is written normally.
const HEADLINE_LOWER: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with",
    "from", "as", "into", "over", "after", "amid", "vs", "via", "off", "up", "per", "is",
    "are", "s",
];

impl<'a> Parser<'a> {
    fn lw(&self, i: usize) -> &'a str {
        self.w
            .get(i)
            .map(|w| w.span.of(&self.doc.lower))
            .unwrap_or("")
    }
    /// A sentence in capitals or title case (a headline), where capitals say nothing about
    /// names: mostly capitalised words and no lower-case word but the short ones title
    /// case keeps small. "Mary Wanjiru joined Common Cause in May." has five capitals in
    /// seven words, but "joined" shows it is an ordinary sentence full of names.
    fn looks_like_headline(&self) -> bool {
        let caps = self.w.iter().filter(|w| w.alpha && w.cap).count();
        let alphas = self.w.iter().filter(|w| w.alpha).count();
        alphas > 4
            && caps * 10 > alphas * 7
            && !(0..self.w.len()).any(|k| {
                let w = self.w[k];
                w.alpha && !w.cap && !HEADLINE_LOWER.contains(&self.lw(k))
            })
    }
    /// A lower-case participle that may also describe ("detained", "jailed", "wounded").
    fn participle_filler(&self, k: usize) -> bool {
        let w = self.lw(k);
        w.ends_with("ed") && self.w.get(k).is_some_and(|w| w.alpha && !w.cap) && FILLERS.contains(&w)
    }
    fn hit(&self, i: usize) -> Option<(usize, &'a Entry, usize)> {
        let (end, pat) = self.at.get(i).copied().flatten()?;
        Some((end, self.c.entry(pat), pat))
    }
    fn kind(&self, i: usize) -> Option<EntryKind> {
        self.hit(i).map(|(_, e, _)| e.kind)
    }
    fn is_poss(&self, i: usize) -> bool {
        matches!(self.lw(i), "'s" | "’s" | "'" | "’")
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.w[a].span.start, self.w[b - 1].span.end)
    }
    fn text(&self, a: usize, b: usize) -> &'a str {
        self.span(a, b).of(&self.doc.article.text)
    }
    /// Whether word `i` opens the sentence (or a quotation or parenthesis inside it), where
    /// a capital says nothing about names.
    fn opens(&self, i: usize) -> bool {
        i == 0 || matches!(self.lw(i - 1), "\"" | "“" | "(" | "'" | "‘")
    }
    fn is_agentish(&self, i: usize) -> bool {
        matches!(
            self.kind(i),
            Some(EntryKind::Agent) | Some(EntryKind::Title)
        )
    }
    fn resolve_code(&self, e: &Entry) -> Option<String> {
        e.code.resolve(self.date).map(str::to_string)
    }
    fn entry_sector(&self, e: &Entry, code: &str) -> Option<String> {
        if e.sector.is_some() {
            return e.sector.clone();
        }
        // imported actors: the role follows the country (or IGO/NGO) prefix
        let rest = if e.country.is_some() {
            code.get(3..6)
        } else {
            code.get(..3)
        };
        rest.filter(|s| crate::sector::is_sector(s))
            .map(str::to_string)
    }

    /// Whether words `a..b` name a national capital (not its demonym).
    fn is_capital_name(&self, a: usize, b: usize) -> bool {
        self.gaz.lookup(self.text(a, b)).any(|c| !c.demonym && self.gaz.place(c.place).is_capital())
    }
    /// The capitalised words right after a "to" at word `to`: the far end of a "from X to Y"
    /// range. Up to [`RANGE_NAME_WORDS`] words.
    fn range_end_after(&self, to: usize) -> Option<(usize, usize)> {
        if self.lw(to) != "to" {
            return None;
        }
        let a = to + 1;
        let b = (a..self.w.len().min(a + RANGE_NAME_WORDS)).take_while(|&k| self.w[k].alpha && self.w[k].cap).last()? + 1;
        Some((a, b))
    }
    /// The capitalised words between a "from" and the "to" at word `to`: the near end of a
    /// "from X to Y" range. Up to [`RANGE_NAME_WORDS`] words.
    fn range_start_before(&self, to: usize) -> Option<(usize, usize)> {
        let a = (to.saturating_sub(RANGE_NAME_WORDS)..to).rev().take_while(|&k| self.w[k].alpha && self.w[k].cap).last()?;
        (a > 0 && self.lw(a - 1) == "from").then_some((a, to))
    }

    /// A capitalised name starting at `i`: capitalised words, hyphen joins and name
    /// particles ("Abdel Fattah al-Burhan"). Returns the end word, or `i` when none.
    fn name_seq(&self, i: usize, joiners: bool) -> usize {
        let mut j = i;
        let mut end = i;
        let mut joined = false;
        while j < self.w.len() {
            let w = self.w[j];
            let lw = self.lw(j);
            if w.alpha
                && w.cap
                && !(j > i && WEEKDAYS.contains(&lw))
                && !matches!(
                    self.kind(j),
                    Some(EntryKind::Agent)
                        | Some(EntryKind::Title)
                        | Some(EntryKind::Country)
                        | Some(EntryKind::Adjective)
                        | Some(EntryKind::Stop)
                )
            {
                j += 1;
                end = j;
            } else if w.alpha
                && w.cap
                && j > i
                && self.kind(j) == Some(EntryKind::Agent)
                && end == j
            {
                // "Supreme Court", "Interior Ministry" as part of a longer name
                let (e, _, _) = self.hit(j).unwrap();
                j = e;
                end = j;
            } else if lw == "-"
                && end == j
                && j > i
                && self.w.get(j + 1).is_some_and(|n| n.alpha)
                && self.w[j - 1].span.end == w.span.start
            {
                j += 1;
            } else if w.alpha
                && !w.cap
                && j > i + 1
                && end == j - 1
                && self.lw(j - 1) == "-"
                && self.w[j - 1].span.end == w.span.start
                && lw.len() <= 5
                && !HYPHEN_SKIP.contains(&lw)
                && !self.c.common_words.contains(lw)
                && !matches!(lw, "led" | "era" | "style" | "like" | "type" | "wide" | "long" | "free")
            {
                // "Lee Nak-yon", "Kim Jong-un": a lowercase syllable after a hyphen is
                // part of an East Asian given name
                j += 1;
                end = j;
            } else if lw == "."
                && end == j
                && j > i
                && self.w[j - 1].span.len() == 1
                && self.w[j - 1].cap
                && self.w[j - 1].span.end == w.span.start
                && self.w.get(j + 1).is_some_and(|n| n.cap && n.alpha)
            {
                // "George W. Bush": a middle initial
                j += 1;
            } else if NAME_PARTICLES.contains(&lw)
                && self.lw(j + 1) == "-"
                && self.w.get(j + 2).is_some_and(|n| n.cap && n.alpha)
            {
                j += 3;
                end = j;
            } else if NAME_PARTICLES.contains(&lw)
                && self.w.get(j + 1).is_some_and(|n| n.cap && n.alpha)
            {
                j += 1;
            } else if joiners
                && end == j
                && j > i
                && NAME_JOINERS.contains(&lw)
                && (lw != "and" || joined)
                && self.w.get(j + 1).is_some_and(|n| n.cap && n.alpha)
            {
                joined |= lw != "and";
                j += 1;
            } else {
                break;
            }
        }
        end
    }

    /// The determiner run at `i` ("the", "at least 20", "hundreds of the"). Returns its end.
    fn determiners(&self, i: usize) -> usize {
        let mut j = i;
        let mut first_quant: Option<usize> = None;
        let mut number = false;
        loop {
            let lw = self.lw(j);
            if j >= self.w.len() || self.hit(j).is_some() {
                break;
            }
            let num = self.w[j]
                .span
                .of(&self.doc.article.text)
                .starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    lw,
                    "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "eleven"
                        | "twelve"
                        | "twenty"
                        | "fifty"
                        | "hundred"
                        | "thousand"
                );
            number |= num;
            if BEFORE_NUMBER.contains(&lw) && !number {
                first_quant.get_or_insert(j);
            }
            if num
                && self.lw(j + 1) == "-"
                && matches!(self.lw(j + 2), "year" | "month" | "week" | "day")
                && self.lw(j + 3) == "-"
                && self.lw(j + 4) == "old"
            {
                // "a 35-year-old inmate": the age belongs to the phrase
                j += 5;
            } else if DETERMINERS.contains(&lw) || num {
                j += 1;
            } else if QUANTITY_NOUNS.contains(&lw) && self.lw(j + 1) == "of" {
                j += 2;
            } else {
                break;
            }
        }
        match first_quant {
            Some(q) if !number => q,
            _ => j,
        }
    }

    /// Skip a filler at `j` ("armed", "pro-government", "Iran-backed"); returns the next
    /// word, or `None` when `j` is not a filler.
    fn filler(&self, j: usize) -> Option<usize> {
        let lw = self.lw(j);
        if matches!(lw, "pro" | "anti" | "non") && self.lw(j + 1) == "-" {
            let k = j + 2;
            // "anti-riot police": an agent phrase after the prefix with nothing agentish
            // after it is the head itself; "pro-government forces" skips "government"
            let next = match self.hit(k) {
                Some((e, ent, _))
                    if matches!(ent.kind, EntryKind::Agent)
                        && self.text(k, e).contains(' ')
                        && !self.np_head_follows(e) =>
                {
                    k
                }
                Some((e, _, _)) => e,
                None => k + 1,
            };
            return Some(next);
        }
        if self.lw(j + 1) == "-" && HYPHEN_SKIP.contains(&self.lw(j + 2)) {
            let mut k = j + 3;
            if self.lw(j + 2) == "year" && self.lw(k) == "-" {
                k += 2; // "7-year-old"
            }
            return Some(k);
        }
        // "Former U.S. President ...": a filler capitalised to open the sentence is still one
        if FILLERS.contains(&lw) && (!self.w[j].cap || self.opens(j))
            || (FILLERS.contains(&lw) && j + 1 < self.w.len() && self.is_agentish(j + 1))
        {
            return Some(j + 1);
        }
        None
    }

    /// Parse an actor phrase starting at word `i`; a name defined with its acronym in
    /// parentheses is one organisation, the parenthesis included.
    fn np(&self, i: usize, depth: u8) -> Option<Np> {
        if !self.defs.is_empty() {
            if let Some(d) = self.defs.iter().find(|d| d.start == i) {
                return Some(self.post(self.acronym_np(d), depth));
            }
            let mut np = self.np_inner(i, depth)?;
            if let Some(d) = self.defs.iter().find(|d| d.open == np.end && np.start <= d.start) {
                np.end = d.close + 1;
                np.rules.push("rule:acronym-org".into());
            }
            return Some(np);
        }
        self.np_inner(i, depth)
    }

    fn np_inner(&self, i: usize, depth: u8) -> Option<Np> {
        if i >= self.w.len() || depth > 2 {
            return None;
        }
        let start = i;
        let j0 = self.determiners(i);
        let det = j0 > i;
        let mut j = j0;
        let mut countries: Vec<(String, usize, usize, String)> = Vec::new(); // iso, a, b, rule
        let mut base: Option<Base> = None;
        let mut mods: Vec<String> = Vec::new();
        let mut led_by: Option<String> = None;
        let mut rules: Vec<String> = Vec::new();
        let mut had_mod = false;
        // the phrase names an organisation or person after a country's possessive
        let mut owned_name = false;

        // modifiers
        loop {
            if j >= self.w.len() {
                break;
            }
            if let Some((end, e, _)) = self.hit(j) {
                if self.lw(end) == "-"
                    && HYPHEN_SKIP.contains(&self.lw(end + 1))
                    && e.kind != EntryKind::Stop
                {
                    // "a Moscow-based bank", "a UK-based group": the seat gives the
                    // country; other hyphen words ("Iran-backed") only describe
                    let seat = self.lw(end + 1) == "based"
                        && matches!(
                            e.kind,
                            EntryKind::Country | EntryKind::City | EntryKind::Adjective
                        )
                        && e.country.is_some()
                        && self.np_head_follows(end + 2);
                    if seat {
                        countries.push((
                            e.country.clone().unwrap_or_default(),
                            j,
                            end,
                            e.id.clone(),
                        ));
                        rules.push("rule:x-based".into());
                        had_mod = true;
                    }
                    j = end + 2;
                    continue;
                }
                match e.kind {
                    EntryKind::Adjective => {
                        // "Saudi-led": the leader, not a member
                        if self.lw(end) == "-" && self.lw(end + 1) == "led" {
                            led_by = e.country.clone();
                            rules.push(e.id.clone());
                            j = end + 2;
                            had_mod = true;
                            continue;
                        }
                        if self.lw(end) == "-" {
                            if let Some(k) = self.filler(j) {
                                j = k;
                                continue;
                            }
                        }
                        countries.push((
                            e.country.clone().unwrap_or_default(),
                            j,
                            end,
                            e.id.clone(),
                        ));
                        j = end;
                        had_mod = true;
                        // conjunction of adjectives: "US and British activists"
                        if matches!(self.lw(j), "and" | "," | "or")
                            && self.kind(j + 1) == Some(EntryKind::Adjective)
                        {
                            j += 1;
                        }
                        continue;
                    }
                    EntryKind::Country
                    | EntryKind::City
                    | EntryKind::Organization
                    | EntryKind::Person => {
                        let led = self.lw(end) == "-" && self.lw(end + 1) == "led";
                        if led {
                            led_by = e.country.clone();
                            rules.push(e.id.clone());
                            j = end + 2;
                            had_mod = true;
                            continue;
                        }
                        if self.lw(end) == "-" {
                            if let Some(k) = self.filler(j) {
                                j = k;
                                continue;
                            }
                        }
                        let poss = self.is_poss(end);
                        let after = if poss { end + 1 } else { end };
                        // "the Khartoum government", "Mosul police": a city before an
                        // agent names whose agent it is
                        let attributive = !poss
                            && self.np_head_follows(after)
                            && !(e.kind == EntryKind::City && self.place_named_org_end(after).is_some());
                        if (poss && self.np_head_follows(after)) || attributive {
                            if base.is_none() {
                                base = self.base_of(e, j, end);
                            }
                            j = after;
                            had_mod = true;
                            continue;
                        }
                        // "Egypt's Muslim Brotherhood", "Saudi Arabia's King Salman": the
                        // named body or person owned by the country is the actor
                        if poss
                            && (matches!(e.kind, EntryKind::Country | EntryKind::City)
                                || (e.kind == EntryKind::Person
                                    && self.kind(after) == Some(EntryKind::Organization)))
                            && countries.is_empty()
                            && base.is_none()
                            && matches!(
                                self.kind(after),
                                Some(EntryKind::Organization) | Some(EntryKind::Person)
                            )
                        {
                            rules.push("rule:possessive-named-actor".into());
                            owned_name = true;
                            j = after;
                        }
                        break;
                    }
                    EntryKind::Agent | EntryKind::Title => {
                        // "Police detained activists", "Soldiers jailed protesters": a
                        // participle after a word that can head a phrase is the verb, so
                        // the agent is the head here, not a modifier of "activists"
                        let verb_next = !e.modifier && self.participle_filler(end);
                        if (e.modifier || (self.np_head_follows(end) && !verb_next))
                            && !self.is_poss(end)
                            && end < self.w.len()
                        {
                            if let Some(s) = &e.sector {
                                mods.push(s.clone());
                            }
                            rules.push(e.id.clone());
                            j = end;
                            had_mod = true;
                            continue;
                        }
                        break;
                    }
                    EntryKind::People | EntryKind::Stop => break,
                }
            }
            // "Police detained activists": after an agent word that can head a phrase, a
            // participle is the verb, not a filler
            let verb_after_agent = !mods.is_empty() && self.lw(j).ends_with("ed") && !self.w[j].cap;
            if let Some(k) = self.filler(j).filter(|_| !verb_after_agent) {
                if k > j && (self.np_head_follows(k) || self.hit(k).is_some()) {
                    j = k;
                    continue;
                }
            }
            // a portfolio before a title: "Water and Forestry Minister Ana Folau"
            if self.w[j].cap && self.w[j].alpha && self.hit(j).is_none() {
                let mut k = j;
                while k < self.w.len() && k < j + 6 {
                    let w = self.w[k];
                    let portfolio_word =
                        w.cap && w.alpha && self.hit(k).is_none() && !NOT_NAMES.contains(&self.lw(k));
                    let joiner = k > j
                        && matches!(self.lw(k), "and" | "&")
                        && self.w.get(k + 1).is_some_and(|n| n.cap && n.alpha);
                    if !(portfolio_word || joiner) {
                        break;
                    }
                    k += 1;
                }
                if k > j
                    && self.kind(k) == Some(EntryKind::Title)
                    && self.hit(k).is_some_and(|(_, e, _)| e.sector.as_deref() == Some("GOV"))
                    && !self.is_poss(k - 1)
                {
                    rules.push("rule:portfolio-title".into());
                    j = k;
                    continue;
                }
            }
            // unknown capitalised words before a role word: "Afghan National Army"
            if self.w[j].cap && self.w[j].alpha && (had_mod || det) {
                let k = self.name_seq(j, false);
                if k > j && self.is_agentish(k) {
                    j = k;
                    continue;
                }
            }
            break;
        }

        // head
        let (hend, head_entry, hpat) = match self.hit(j) {
            Some(h) => (h.0, Some(h.1), Some(h.2)),
            None => (j, None, None),
        };
        // "waving European Union flags", "the NATO summit": a name before a symbol or a
        // gathering only says whose it is
        if head_entry.is_some_and(|e| {
            matches!(
                e.kind,
                EntryKind::Organization | EntryKind::Person | EntryKind::Country | EntryKind::City
            )
        }) && countries.is_empty()
            && base.is_none()
            && self.w.get(hend).is_some_and(|w| w.alpha && !w.cap)
            && SYMBOL_EVENT_NOUNS.contains(&self.lw(hend))
        {
            return None;
        }
        let mut np = match head_entry.map(|e| e.kind) {
            Some(EntryKind::Agent) | Some(EntryKind::Title) => {
                let e = head_entry.unwrap();
                if e.modifier {
                    return self.fallback(start, j, det, countries, base, rules);
                }
                // "military exercises", "police custody": the agent word only modifies a
                // thing; the owner named before it ("Russia's") is still an actor
                let legal_adjective = self.lw(hend - 1).starts_with("criminal")
                    && LEGAL_NOUNS.contains(&self.lw(hend));
                if e.kind == EntryKind::Agent
                    && self.w.get(hend).is_some_and(|w| w.alpha && !w.cap)
                    && (THING_NOUNS.contains(&self.lw(hend)) || legal_adjective)
                {
                    return match base {
                        Some(b) => Some(self.base_np(start, &b, rules)),
                        None => self.fallback(start, j, det, countries, None, rules),
                    };
                }
                let plural = self.c.pats[hpat.unwrap()].plural;
                let mut np = self.agent_np(
                    start,
                    j,
                    hend,
                    e,
                    &countries,
                    base.as_ref(),
                    &mods,
                    plural,
                    rules.clone(),
                );
                np.bare = det && !had_mod && countries.is_empty() && base.is_none();
                // "an army camp", "rebel positions": the facility stands for its holder
                if e.kind == EntryKind::Agent
                    && self.w.get(hend).is_some_and(|w| w.alpha && !w.cap)
                    && OWNED_NOUNS.contains(&self.lw(hend))
                {
                    np.end = hend + 1;
                    np.bare = false;
                    np.rules.push("rule:owned-facility".into());
                    return Some(self.post(np, depth));
                }
                // more titles, then a name: "army chief Gen. Abdel Fattah al-Burhan"
                let mut k = hend;
                while let Some((e2, t, _)) = self.hit(k) {
                    if t.kind != EntryKind::Title {
                        break;
                    }
                    np.rules.push(t.id.clone());
                    k = e2;
                }
                let may_name = e.kind == EntryKind::Title || e.person || k > hend;
                let nend = if may_name && !plural {
                    self.name_seq(k, false)
                } else {
                    k
                };
                let org_named = nend > k
                    && j == start
                    && e.kind == EntryKind::Title
                    && ORG_HEADS.iter().any(|(h, s)| *h == self.lw(nend - 1) && s.is_some());
                if org_named {
                    // "General Motors", "Royal Air Force": a title opening an organisation's
                    // name is part of it
                    let mut rules = vec!["rule:proper-name".to_string()];
                    rules.push("rule:title-opens-org".into());
                    let mut org = self.proper_np(start, j, nend, None, rules);
                    org.kind = ActorKind::Organization;
                    org.person = false;
                    return Some(self.post(org, depth));
                }
                if nend > k && self.w[k].cap {
                    np.kind = ActorKind::Person;
                    np.name = self.text(k, nend).to_string();
                    np.head = (k, nend);
                    np.end = nend;
                    np.person = true;
                    np.bare = false;
                    np.rules.push("rule:title-name".into());
                    self.title_on_dict_person(&mut np, k, nend);
                } else if e.anaphoric || e.weak {
                    // "the armed group Ansar Dine", "the rebel group known as M23"
                    let mut k2 = k;
                    let known = matches!(self.lw(k), "known" | "called" | "named" | "dubbed");
                    if known {
                        k2 = if self.lw(k + 1) == "as" { k + 2 } else { k + 1 };
                    }
                    if let Some((oe, org, _)) =
                        self.hit(k2).filter(|h| h.1.kind == EntryKind::Organization)
                    {
                        if let Some(code) = self.resolve_code(org) {
                            np.sector = self.entry_sector(org, &code).or(np.sector);
                            np.code = code;
                            np.country = org.country.clone();
                            np.inter = org
                                .inter
                                .or_else(|| np.sector.as_deref().and_then(default_inter));
                            np.name = org.name.clone();
                            np.kind = ActorKind::Organization;
                            np.head = (k2, oe);
                            np.end = oe;
                            np.bare = false;
                            np.rules.push(org.id.clone());
                            np.rules.push("rule:group-named".into());
                        }
                    } else if self.w.get(k2).is_some_and(|w| w.cap && w.alpha)
                        && (known || !e.person)
                        && !self.shouting
                    {
                        let ne = self.name_seq(k2, true);
                        if ne > k2 {
                            np.kind = ActorKind::Organization;
                            np.name = self.text(k2, ne).to_string();
                            np.head = (k2, ne);
                            np.end = ne;
                            np.bare = false;
                            np.rules.push("rule:group-named".into());
                        }
                    }
                }
                np
            }
            Some(EntryKind::Organization) | Some(EntryKind::Person)
                if (countries.is_empty() && base.is_none()) || owned_name =>
            {
                let e = head_entry.unwrap();
                // "a summit in Brussels": a seat standing for an organisation is a place
                // after a preposition of place
                let prev = if start > 0 { self.lw(start - 1) } else { "" };
                if e.kind == EntryKind::Organization
                    && j == start
                    && PLACE_PREPS.contains(&prev)
                    && self.is_gazetteer_place(self.text(j, hend))
                {
                    return None;
                }
                let b = self.base_of(e, j, hend)?;
                let mut rules = rules;
                rules.push(e.id.clone());
                Np {
                    start,
                    end: hend,
                    head: (j, hend),
                    kind: if e.kind == EntryKind::Person {
                        ActorKind::Person
                    } else {
                        ActorKind::Organization
                    },
                    name: b.name.clone(),
                    code: b.code.clone(),
                    country: b.country.clone(),
                    sector: b.sector.clone(),
                    inter: b.inter,
                    rules,
                    plural: false,
                    person: e.kind == EntryKind::Person,
                    anaphoric: false,
                    bare: false,
                    split: Vec::new(),
                    poss: None,
                    host: None,
                }
            }
            Some(EntryKind::Country) | Some(EntryKind::People) | Some(EntryKind::City)
                if countries.is_empty() && base.is_none() && mods.is_empty() =>
            {
                let e = head_entry.unwrap();
                // "the Tokyo Stock Exchange", "a Copenhagen City Court": a body named after
                // its seat is an organisation of that country
                if e.kind != EntryKind::People {
                    if let Some(ne) = self.place_named_org_end(hend) {
                        if let Some(iso) = e.country.clone() {
                            let mut rules = rules;
                            rules.push(e.id.clone());
                            rules.push("rule:place-named-org".into());
                            let mut np = self.proper_np(start, j, ne, Some(iso), rules);
                            np.kind = ActorKind::Organization;
                            np.person = false;
                            return Some(self.post(np, depth));
                        }
                    }
                }
                let city = e.kind == EntryKind::City;
                let dateline = j == 0 && matches!(self.lw(hend), "," | "(" | "-" | "—");
                let prev = if j > 0 { self.lw(j - 1) } else { "" };
                let capital = city && self.is_capital_name(j, hend);
                // "an ultimatum to Damascus", "a visit to Washington": a national capital
                // after "to" is the government addressed or visited; the far end of a range
                // ("marched from Mombasa to Nairobi") is a place, unless both ends are
                // capitals ("a message from Kyiv to Moscow": sender and addressee)
                let to_capital = capital
                    && prev == "to"
                    && !det
                    && !self.is_poss(hend)
                    && self.range_start_before(j - 1).is_none_or(|(a, b)| self.is_capital_name(a, b));
                // "pressure from Washington", "a proposal from Kyiv": after a word for something
                // only a government sends, a capital after "from" is its government, but not
                // the near end of a range ("complaints from Nairobi to Kisumu")
                let from_capital = capital
                    && prev == "from"
                    && j >= 2
                    && SENT_BY_GOVERNMENTS.contains(&self.lw(j - 2))
                    && !det
                    && !self.is_poss(hend)
                    && self.range_end_after(hend).is_none_or(|(a, b)| self.is_capital_name(a, b));
                let to_capital = to_capital || from_capital;
                // "the Darfur region", "Kandahar province": a place named with its kind
                let place_named = prev == "the" || PLACE_WORDS.contains(&self.lw(hend)) || self.lw(hend) == "area";
                if city
                    && !to_capital
                    && (self.is_poss(hend) || dateline || PLACE_PREPS.contains(&prev) || det || place_named)
                {
                    // "in Kigali": a place, not an actor (the places stage handles it)
                    return None;
                }
                let mut code = self.resolve_code(e)?;
                let mut rules = rules;
                rules.push(e.id.clone());
                if city {
                    // "Washington said", "Kigali accused Kinshasa": the government seated there
                    rules.push("rule:capital-metonymy".into());
                    if from_capital {
                        rules.push("rule:capital-after-from".into());
                    } else if to_capital {
                        rules.push("rule:capital-after-to".into());
                    }
                    if capital && code.len() == 3 {
                        code = compose(&code, "GOV");
                    }
                }
                let people = e.kind == EntryKind::People;
                let country = e
                    .country
                    .clone()
                    .or_else(|| code.get(..3).map(str::to_string));
                let sector = self
                    .entry_sector(e, &code)
                    .filter(|_| e.kind != EntryKind::Country || code.len() > 3);
                Np {
                    start,
                    end: hend,
                    head: (j, hend),
                    kind: ActorKind::Country,
                    name: self
                        .c
                        .country_names
                        .get(country.as_deref().unwrap_or(""))
                        .cloned()
                        .unwrap_or_else(|| e.name.clone()),
                    inter: if people {
                        Some(7)
                    } else {
                        sector.as_deref().and_then(default_inter).or(Some(1))
                    },
                    sector,
                    code,
                    country,
                    rules,
                    plural: people,
                    person: false,
                    anaphoric: false,
                    bare: false,
                    split: Vec::new(),
                    poss: None,
                    host: None,
                }
            }
            None if base.is_none() && mods.is_empty() && self.plural_states_head(j, start).is_some() => {
                // "Nearly 70 countries", "some European nations", "dozens of states": a
                // group of states acting together; CAMEO has no code for an unnamed set
                let h = self.plural_states_head(j, start).unwrap();
                let mut rules = rules;
                let (code, country) = match countries.first() {
                    Some((iso, _, _, r)) if countries.len() == 1 => {
                        rules.push(r.clone());
                        (iso.clone(), Some(iso.clone()))
                    }
                    _ => (String::new(), None),
                };
                rules.push("rule:plural-states".into());
                Np {
                    start,
                    end: h + 1,
                    head: (h, h + 1),
                    kind: ActorKind::Agent,
                    name: self.text(j, h + 1).to_string(),
                    code,
                    country,
                    sector: None,
                    inter: Some(1),
                    rules,
                    plural: true,
                    person: false,
                    anaphoric: false,
                    bare: false,
                    split: Vec::new(),
                    poss: None,
                    host: None,
                }
            }
            _ => {
                // a capitalised name after a country adjective: "Russian Vladimir Putin"
                if !countries.is_empty()
                    && base.is_none()
                    && mods.is_empty()
                    && self.w.get(j).is_some_and(|w| w.cap && w.alpha)
                {
                    let ne = self.name_seq(j, true);
                    if ne > j + 1 {
                        let (iso, _, _, rule) = countries.last().cloned().unwrap();
                        let mut rules = rules;
                        rules.push(rule);
                        rules.push("rule:proper-name".into());
                        let np = self.proper_np(start, j, ne, Some(iso), rules);
                        return Some(self.post(np, depth));
                    }
                }
                return self.fallback(start, j, det, countries, base, rules);
            }
        };
        // "its ambassador", "their leaders": the owner is resolved in `finish`
        if np.kind == ActorKind::Agent
            && np.country.is_none()
            && base.is_none()
            && countries.is_empty()
        {
            np.poss = (start..j0).find_map(|k| match self.lw(k) {
                "its" => Some(Possessive::Its),
                "their" => Some(Possessive::Their),
                "his" | "her" => Some(Possessive::His),
                _ => None,
            });
        }
        if let Some(iso) = led_by {
            if np.country.is_none() {
                np.country = Some(iso.clone());
                np.code = compose(&iso, &np.code);
                np.rules.push("rule:x-led".into());
            }
        }
        Some(self.post(np, depth))
    }

    /// The word index of "countries"/"nations"/"states" heading a phrase at `j`, directly
    /// or after one capitalised regional adjective ("European countries"), when something
    /// (a determiner, number or adjective) opens the phrase before it.
    fn plural_states_head(&self, j: usize, start: usize) -> Option<usize> {
        let is_head = |k: usize| {
            matches!(self.lw(k), "countries" | "nations" | "states")
                && self.w.get(k).is_some_and(|w| !w.cap)
        };
        if is_head(j) && j > start {
            return Some(j);
        }
        let adjective = self.w.get(j).is_some_and(|w| w.cap && w.alpha)
            && self.hit(j).is_none()
            && !NOT_NAMES.contains(&self.lw(j));
        (adjective && is_head(j + 1)).then_some(j + 1)
    }

    /// The end of a capitalised name at `k` that ends in an organisation word ("Stock
    /// Exchange", "City Court", "State Police Command"), for bodies named after a place.
    fn place_named_org_end(&self, k: usize) -> Option<usize> {
        if !self.w.get(k).is_some_and(|w| w.cap && w.alpha) || self.hit(k).is_some_and(|(_, e, _)| e.kind != EntryKind::Agent) {
            return None;
        }
        let ne = self.name_seq(k, true);
        (ne > k + usize::from(self.hit(k).is_some()) && ORG_HEADS.iter().any(|(h, _)| *h == self.lw(ne - 1))).then_some(ne)
    }

    /// Whether an agent or title head follows at `k`, possibly after fillers and further
    /// modifiers ("Sudan's paramilitary forces").
    fn np_head_follows(&self, k: usize) -> bool {
        let mut k = k;
        for _ in 0..4 {
            if k >= self.w.len() {
                return false;
            }
            if let Some((end, e, _)) = self.hit(k) {
                return match e.kind {
                    EntryKind::Agent | EntryKind::Title => true,
                    EntryKind::Adjective | EntryKind::Organization => self.np_head_follows(end),
                    _ => false,
                };
            }
            match self.filler(k) {
                Some(n) if n > k => k = n,
                _ => {
                    if self.w[k].cap && self.w[k].alpha {
                        let e = self.name_seq(k, false);
                        return e > k && self.is_agentish(e);
                    }
                    return false;
                }
            }
        }
        false
    }

    /// What a country, city, organisation or dictionary person contributes as a base.
    fn base_of(&self, e: &Entry, a: usize, b: usize) -> Option<Base> {
        let code = self.resolve_code(e)?;
        let sector = self.entry_sector(e, &code);
        // the code in force decides: a Portuguese diplomat serving as UN chief is the UN
        let code_country = code
            .get(..3)
            .filter(|c| self.c.country_names.contains_key(*c))
            .map(str::to_string);
        let country = match (&code_country, e.country.as_ref()) {
            (Some(c), _) => Some(c.clone()),
            (None, _) if code.starts_with("IGO") => None,
            (None, c) => c.cloned(),
        };
        let is_org = matches!(e.kind, EntryKind::Organization | EntryKind::Person);
        let name = if is_org {
            e.name.clone()
        } else {
            self.c
                .country_names
                .get(country.as_deref().unwrap_or(""))
                .cloned()
                .unwrap_or_else(|| self.text(a, b).to_string())
        };
        Some(Base {
            inter: e
                .inter
                .or_else(|| sector.as_deref().and_then(default_inter)),
            code,
            country,
            sector,
            name,
            is_org,
            rule: e.id.clone(),
            at: (a, b),
        })
    }

    /// The base of a phrase alone ("Russia's" of "Russia's military exercises").
    fn base_np(&self, start: usize, b: &Base, mut rules: Vec<String>) -> Np {
        rules.push(b.rule.clone());
        let start = if start < b.at.0 { start } else { b.at.0 };
        Np {
            start,
            end: b.at.1,
            head: b.at,
            kind: if b.is_org {
                ActorKind::Organization
            } else {
                ActorKind::Country
            },
            name: b.name.clone(),
            code: b.code.clone(),
            country: b.country.clone(),
            sector: b.sector.clone(),
            inter: b.inter.or(Some(1)),
            rules,
            plural: false,
            person: false,
            anaphoric: false,
            bare: false,
            split: Vec::new(),
            poss: None,
            host: None,
        }
    }

    /// Build an agent- or title-headed phrase: role from the head and its modifiers, code
    /// from the base (organisation or country) plus that role.
    #[allow(clippy::too_many_arguments)]
    fn agent_np(
        &self,
        start: usize,
        j: usize,
        hend: usize,
        e: &Entry,
        countries: &[(String, usize, usize, String)],
        base: Option<&Base>,
        mods: &[String],
        plural: bool,
        mut rules: Vec<String>,
    ) -> Np {
        let head_sector = e.sector.clone();
        let last_mod = mods.last().cloned();
        let mut sector = head_sector.clone();
        // "Boko Haram gunmen" are Boko Haram: an armed head on an armed group adds nothing
        let same_family = |b: &Base| {
            b.sector.as_deref().is_some_and(is_armed_non_state)
                && head_sector.as_deref().is_some_and(is_armed_non_state)
        };
        let weak = e.weak || base.is_some_and(|b| b.is_org && same_family(b));
        if weak {
            if let Some(b) = base.filter(|b| b.is_org) {
                sector = b.sector.clone();
            } else if let Some(m) = &last_mod {
                sector = Some(m.clone());
            }
        } else if let (Some(m), Some(h)) = (&last_mod, &head_sector) {
            if matches!(h.as_str(), "MIL" | "COP" | "UAF") && (is_armed_non_state(m) || m == "OPP")
            {
                sector = Some(m.clone());
            }
        }
        let same = sector == head_sector;
        let role: String = if same {
            self.resolve_code(e).unwrap_or_default()
        } else {
            sector.clone().unwrap_or_default()
        };
        let mut inter = if same {
            e.inter
                .or_else(|| sector.as_deref().and_then(default_inter))
        } else {
            sector.as_deref().and_then(default_inter)
        };
        rules.push(e.id.clone());
        let head_text = self.text(j, hend).to_ascii_lowercase();
        let mut split = Vec::new();
        let (code, country, name) = match (base, countries.last()) {
            (Some(b), _) => {
                rules.push(b.rule.clone());
                let weak_on_org = b.is_org && weak;
                if weak_on_org {
                    inter = b.inter;
                }
                let code = if weak_on_org {
                    b.code.clone()
                } else if e.prefix {
                    format!("{role}{}", b.code)
                } else {
                    compose(&b.code, &role)
                };
                (code, b.country.clone(), format!("{} {}", b.name, head_text))
            }
            (None, Some((iso, ..))) => {
                for (k, (iso2, a, b, r)) in countries.iter().enumerate() {
                    rules.push(r.clone());
                    if k + 1 < countries.len() {
                        // "US and British activists": the shared head gives each its role
                        let name = self.c.country_names.get(iso2).cloned().unwrap_or_default();
                        split.push(Np {
                            start: if k == 0 { start } else { *a },
                            end: *b,
                            head: (*a, *b),
                            kind: ActorKind::Agent,
                            name: format!("{name} {head_text}"),
                            code: if e.prefix {
                                format!("{role}{iso2}")
                            } else {
                                compose(iso2, &role)
                            },
                            country: Some(iso2.clone()),
                            sector: sector.clone(),
                            inter,
                            rules: vec![
                                r.clone(),
                                e.id.clone(),
                                "rule:conjunction-shared-head".into(),
                            ],
                            plural,
                            person: false,
                            anaphoric: false,
                            bare: false,
                            split: Vec::new(),
                            poss: None,
                            host: None,
                        });
                    }
                }
                let name = self.c.country_names.get(iso).cloned().unwrap_or_default();
                let code = if e.prefix {
                    format!("{role}{iso}")
                } else {
                    compose(iso, &role)
                };
                (code, Some(iso.clone()), format!("{name} {head_text}"))
            }
            (None, None) => (role.clone(), None, head_text.clone()),
        };
        let first_own = if split.is_empty() {
            start
        } else {
            countries.last().map(|c| c.1).unwrap_or(start)
        };
        Np {
            start: first_own,
            end: hend,
            head: (j, hend),
            kind: ActorKind::Agent,
            name,
            code,
            country,
            sector,
            inter,
            rules,
            plural,
            person: e.person && !plural,
            anaphoric: e.anaphoric,
            bare: false,
            split,
            poss: None,
            host: None,
        }
    }

    /// No head: what the modifiers alone name ("a Sudanese", "Sudan's" before a noun
    /// that is not an actor), or nothing.
    fn fallback(
        &self,
        start: usize,
        j: usize,
        det: bool,
        countries: Vec<(String, usize, usize, String)>,
        base: Option<Base>,
        mut rules: Vec<String>,
    ) -> Option<Np> {
        let _ = det;
        if let Some((iso, a, b, r)) = countries.first().cloned() {
            if countries.len() > 1 || j != b {
                // "Sudanese and Chadian" before a non-actor noun: not an actor phrase
                if self.w.get(j).is_some_and(|w| w.alpha) && !self.w[j].cap {
                    return None;
                }
            }
            rules.push(r);
            let _ = a;
            return Some(Np {
                start,
                end: b,
                head: (a, b),
                kind: ActorKind::Country,
                name: self.c.country_names.get(&iso).cloned().unwrap_or_default(),
                code: iso.clone(),
                country: Some(iso),
                sector: None,
                inter: Some(1),
                rules,
                plural: false,
                person: false,
                anaphoric: false,
                bare: false,
                split: Vec::new(),
                poss: None,
                host: None,
            });
        }
        let _ = base;
        None
    }

    /// `rule:proper-name`: a capitalised name with no dictionary entry, unless the cues
    /// say it is something else. `Err((next word, reason))` when it is not an actor; the
    /// whole rejected name is skipped so that its tail ("Heights" of "Golan Heights")
    /// is not taken for a name of its own.
    fn name_fallback(&self, i: usize) -> Result<Np, (usize, &'static str)> {
        let w = self.w[i];
        let lw = self.lw(i);
        // "New York Stock Exchange" hidden by a stop phrase: its tail is no name either
        if let Some((end, e, _)) = self.hit(i) {
            if e.kind == EntryKind::Stop {
                return Err((end, "a stop phrase"));
            }
        }
        // "North Atlantic Council": a compass word opening an organisation's name
        let compass_org = matches!(lw, "north" | "south" | "east" | "west") && {
            let e = self.name_seq(i, true);
            e > i + 1 && ORG_HEADS.iter().any(|(h, _)| *h == self.lw(e - 1))
        };
        // a dictionary phrase the phrase parser declined ("Tel Aviv" after "in") is skipped
        // whole, so its tail ("Aviv") is not taken for a name
        if let Some((end, _, _)) = self.hit(i) {
            return Err((end.max(i + 1), "not a name"));
        }
        if !(w.cap && w.alpha) || (NOT_NAMES.contains(&lw) && !compass_org) {
            return Err((i + 1, "not a name"));
        }
        let e = self.name_seq(i, true);
        if e <= i {
            return Err((i + 1, "not a name"));
        }
        let last = self.lw(e - 1);
        let org_head = ORG_HEADS.iter().any(|(w, _)| *w == last);
        let prev = if i > 0 { self.lw(i - 1) } else { "" };
        let prev2 = if prev == "the" && i > 1 {
            self.lw(i - 2)
        } else {
            prev
        };
        let words: Vec<usize> = (i..e).filter(|&k| self.w[k].alpha).collect();
        let text = self.text(i, e);
        // "asylum to Julian Assange": after "to"/"from" a full name that is no known
        // place is a person
        let person_after_to = matches!(prev, "to" | "from")
            && words.len() >= 2
            && !PLACE_WORDS.contains(&last)
            && !self.is_gazetteer_place(text);
        if (PLACE_PREPS.contains(&prev) || PLACE_PREPS.contains(&prev2))
            && !org_head
            && !person_after_to
        {
            return Err((e, "after a preposition of place"));
        }
        // "the Anti-Terror law", "Pro-Western": a prefixed compound describes, unless an
        // organisation word ends it ("Anti-Corruption Commission")
        if !org_head
            && self.lw(i + 1) == "-"
            && matches!(lw, "anti" | "pro" | "non" | "counter" | "self" | "cross" | "post" | "pre" | "multi" | "semi" | "ultra" | "inter" | "sub" | "super" | "mid")
        {
            return Err((e, "a prefixed compound"));
        }
        // "Angry Vladimir Putin warns ...": an ordinary adjective opening the sentence is
        // not the first word of the known person after it ("General Motors" stays whole)
        if e > i + 1
            && self.opens(i)
            && self.c.common_words.contains(lw)
            && self.kind(i + 1) == Some(EntryKind::Person)
        {
            return Err((i + 1, "a common word"));
        }
        if (i..e).all(|k| !self.w[k].alpha || NOT_NAMES.contains(&self.lw(k))) {
            return Err((e, "common capitalised words"));
        }
        let next_lower = self
            .w
            .get(e)
            .is_some_and(|n| n.alpha && !n.cap && self.lw(e) != "-");
        if words.len() == 1 {
            let one = self.lw(words[0]);
            if one.len() == 1 {
                return Err((e, "a single letter"));
            }
            if MONTH_ABBREVIATIONS.contains(&one.trim_end_matches('.')) {
                return Err((e, "a month"));
            }
            // "Kurdish fighters", "African leaders": an adjective, not an actor
            let adjective = ["ish", "ese", "ian", "ean", "ite"]
                .iter()
                .any(|suf| one.len() > suf.len() + 2 && one.ends_with(suf));
            if next_lower && (adjective || self.is_agentish(e)) && !is_acronym(text) {
                return Err((e, "an adjective before a noun"));
            }
            // "Imprisoned activists ...": an ordinary word capitalised to open the sentence
            let opens = self.opens(i);
            // "Ahead of the summit, ...", "the Anti-corruption summit": a common English
            // word capitalised to open the sentence or a hyphenated compound
            let before_hyphen = self.lw(e) == "-"
                && self.w.get(e + 1).is_some_and(|n| n.alpha && !n.cap);
            if (opens || before_hyphen) && self.c.common_words.contains(one) {
                return Err((e, "a common word"));
            }
            let common = ["ed", "ing", "ly", "ive", "ous", "ful", "less", "ment", "tion", "ness"]
                .iter()
                .any(|suf| one.len() > suf.len() + 2 && one.ends_with(suf));
            if opens && next_lower && common && !is_acronym(text) {
                return Err((e, "a common word opening the sentence"));
            }
        }
        if !org_head {
            if PLACE_WORDS.contains(&last) {
                return Err((e, "a place name (place word)"));
            }
            if REGION_NAMES.iter().any(|r| r.eq_ignore_ascii_case(text)) {
                return Err((e, "a place name (region)"));
            }
            if !is_acronym(text) && self.is_gazetteer_place(text) {
                return Err((e, "a place name (gazetteer)"));
            }
        }
        let start = if i > 0 && prev == "the" { i - 1 } else { i };
        let mut np = self.proper_np(start, i, e, None, vec!["rule:proper-name".into()]);
        if start < i && np.kind == ActorKind::Person {
            // "the White Helmets", "the World Economic Forum": a determiner makes it a body
            np.kind = ActorKind::Organization;
            np.person = false;
        }
        Ok(np)
    }

    /// Whether the gazetteer knows the name as a country, a region or a major city.
    fn is_gazetteer_place(&self, name: &str) -> bool {
        self.gaz.lookup(name).any(|c| {
            let p = self.gaz.place(c.place);
            !c.demonym
                && (matches!(
                    p.kind,
                    sitrep_places::PlaceKind::Country | sitrep_places::PlaceKind::Region
                ) || p.is_major()
                    || p.is_capital())
        })
    }

    /// A capitalised name with no dictionary entry.
    fn proper_np(
        &self,
        start: usize,
        a: usize,
        b: usize,
        country: Option<String>,
        rules: Vec<String>,
    ) -> Np {
        let last = self.lw(b - 1);
        // the head is the last word ("National Security Council"), or the word before
        // "of"/"for"/"on" that opens the name ("Department of Transportation", "Office for
        // Civil Rights")
        let org = ORG_HEADS.iter().find(|(w, _)| *w == last).or_else(|| {
            (a..b.saturating_sub(2))
                .find(|&k| matches!(self.lw(k + 1), "of" | "for" | "on"))
                .and_then(|k| ORG_HEADS.iter().find(|(w, _)| *w == self.lw(k)))
        });
        let words = (a..b).filter(|&k| self.w[k].alpha).count();
        let body_words = (a..b).any(|k| ORG_NAME_WORDS.contains(&self.lw(k)));
        let kind = if org.is_some() || words == 1 || body_words {
            ActorKind::Organization
        } else {
            ActorKind::Person
        };
        // "Moro Islamic Liberation Front": a liberation front or army is a rebel group, a
        // liberation movement a party (see `acronym::liberation_sector`)
        let liberation = (a..b).any(|k| self.lw(k) == "liberation");
        let sector = org
            .and_then(|(h, s)| {
                liberation
                    .then(|| acronym::liberation_sector(h))
                    .flatten()
                    .or(*s)
            })
            .map(str::to_string);
        let code = match (&country, &sector) {
            (Some(c), Some(s)) => compose(c, s),
            (Some(c), None) => c.clone(),
            (None, Some(s)) => s.clone(),
            (None, None) => String::new(),
        };
        Np {
            start,
            end: b,
            head: (a, b),
            kind,
            name: self.text(a, b).to_string(),
            code,
            country,
            inter: sector.as_deref().and_then(default_inter),
            sector,
            rules,
            plural: false,
            person: kind == ActorKind::Person,
            anaphoric: false,
            bare: false,
            split: Vec::new(),
            poss: None,
            host: None,
        }
    }

    /// Post-modifiers of a head: "loyal to X", "of X", "for X", "from X", "in X".
    fn post(&self, mut np: Np, depth: u8) -> Np {
        let k = np.end;
        // "ambassador to France", "the embassy in Kabul", "envoy for Sudan": the place
        // after a post abroad is the host; it stays a mention of its own
        if np.kind == ActorKind::Agent
            && matches!(self.lw(k), "to" | "in" | "for" | "at")
            && self.hit(np.head.0).is_some_and(|(_, e, _)| e.abroad)
        {
            let x_at = k + 1 + usize::from(self.lw(k + 1) == "the");
            let host = match self.hit(x_at) {
                Some((_, e, _)) if matches!(e.kind, EntryKind::Country | EntryKind::City) => {
                    e.country.clone()
                }
                _ => None,
            };
            if let Some(iso) = host {
                np.host = Some(iso);
                np.rules.push("rule:post-abroad-host".into());
            }
            return np;
        }
        let agentish = np.kind == ActorKind::Agent
            || (np.kind == ActorKind::Person && np.head.0 > np.start && np.code.len() <= 3);
        if !agentish || np.kind == ActorKind::Country {
            return np;
        }
        let (rule, x_at) = match (self.lw(k), self.lw(k + 1)) {
            ("loyal", "to") => ("rule:troops-loyal-to", k + 2),
            ("allied", "to" | "with") => ("rule:troops-loyal-to", k + 2),
            ("of", _) => ("rule:of-actor", k + 1),
            ("for", _) => ("rule:role-for-actor", k + 1),
            ("from", _) => ("rule:agent-from-country", k + 1),
            ("in", _) => ("rule:agent-in-country", k + 1),
            _ => return np,
        };
        if np.kind == ActorKind::Person && rule != "rule:of-actor" && rule != "rule:role-for-actor"
        {
            return np;
        }
        let Some(x) = self.np(x_at, depth + 1) else {
            // "residents of Gao": a city gives the country
            if let Some((e, ent, _)) = self.hit(x_at + usize::from(self.lw(x_at) == "the")) {
                if ent.kind == EntryKind::City
                    && matches!(
                        rule,
                        "rule:of-actor" | "rule:agent-from-country" | "rule:agent-in-country"
                    )
                    && np.country.is_none()
                {
                    if let Some(iso) = ent.country.clone() {
                        np.code = compose(&iso, &np.code);
                        np.country = Some(iso);
                        np.rules.push(ent.id.clone());
                        np.rules.push(rule.into());
                        np.end = e;
                    }
                }
            }
            return np;
        };
        let place_rule = matches!(rule, "rule:agent-from-country" | "rule:agent-in-country");
        if place_rule && (x.kind != ActorKind::Country || np.country.is_some()) {
            return np;
        }
        // "villagers in Niger state": a region of another country named like this one
        if place_rule && matches!(self.lw(x.end), "state" | "province" | "governorate" | "oblast" | "department") {
            return np;
        }
        if rule == "rule:role-for-actor" && !self.head_is_weak(&np) {
            return np;
        }
        if x.code.is_empty() && x.country.is_none() && x.sector.is_none() {
            return np;
        }
        // combine: the phrase X names whose troops / spokesman / president this is
        let weak = self.head_is_weak(&np);
        let x_is_org = x.kind == ActorKind::Organization
            || (x.kind == ActorKind::Agent
                && x.country.is_none()
                && x.sector.as_deref().is_some_and(is_armed_non_state));
        if weak && (x_is_org || rule == "rule:role-for-actor") {
            np.code = x.code.clone();
            np.sector = x.sector.clone();
            np.inter = x.inter;
            np.country = x.country.clone();
        } else if x_is_org
            && np.sector.as_deref().is_some_and(is_armed_non_state)
            && x.sector.as_deref().is_some_and(is_armed_non_state)
        {
            // "militants loyal to al-Qaeda" are al-Qaeda: an armed role adds nothing to an
            // armed group
            np.code = x.code.clone();
            np.sector = x.sector.clone();
            np.inter = x.inter;
            np.country = x.country.clone();
        } else if x_is_org {
            let role = np.sector.clone().unwrap_or_default();
            np.code = compose(&x.code, &role);
            np.country = x.country.clone();
        } else if let Some(iso) = x.country.clone() {
            if np.country.is_none() {
                np.code = compose(&iso, &np.code);
                np.country = Some(iso);
            }
        } else if weak {
            np.code = x.code.clone();
            np.sector = x.sector.clone();
            np.inter = x.inter;
        }
        np.name = format!(
            "{} {} {}",
            np.name,
            self.text(k, x_at).to_ascii_lowercase(),
            x.name
        );
        np.rules.push(rule.into());
        np.rules.extend(x.rules.iter().cloned());
        np.end = x.end;
        np.bare = false;
        np
    }

    /// `rule:title-dict-person`: a title before a person the dictionary knows ("Lt. Gen.
    /// Abdel Fattah al-Burhan", "President Obama"). The dictionary's code and country
    /// (resolved for the article's date) win over the title's: the title only says what
    /// the person does, the entry says for whom. The title's sector is added where the
    /// entry's code has none ("SDN" + "MIL").
    fn title_on_dict_person(&self, np: &mut Np, from: usize, to: usize) {
        let Some((pat_end, person)) = (from..to).find_map(|x| {
            self.hit(x)
                .filter(|h| h.1.kind == EntryKind::Person && h.0 <= to)
                .map(|h| (h.0, h.1))
        }) else {
            return;
        };
        let Some(b) = self.base_of(person, from, pat_end) else {
            return;
        };
        let title_sector = np.sector.clone();
        // undated article: a current title ("President Obama", not "former President
        // Obama") picks the term of that office over the out-of-office code
        let former = (np.start..from).any(|x| matches!(self.lw(x), "former" | "ex" | "late"));
        if let (None, false, Some(ts), crate::dict::CodeSpec::Dated { dated, .. }) =
            (self.date, former, &title_sector, &person.code)
        {
            if let Some(term) = dated.iter().rev().find(|d| d.code.ends_with(ts.as_str())) {
                if term.code != b.code {
                    let mut b = b.clone();
                    b.code = term.code.clone();
                    b.sector = Some(ts.clone());
                    b.inter = default_inter(ts);
                    np.rules.push("rule:title-implies-office".into());
                    return self.apply_title_person(np, b, title_sector);
                }
            }
        }
        self.apply_title_person(np, b, title_sector);
    }

    fn apply_title_person(&self, np: &mut Np, b: Base, title_sector: Option<String>) {
        np.code = match (&b.sector, &title_sector) {
            (None, Some(s)) if b.code.len() == 3 => compose(&b.code, s),
            _ => b.code.clone(),
        };
        np.country = b.country.clone();
        np.sector = b.sector.clone().or(title_sector);
        np.inter = b
            .inter
            .or_else(|| np.sector.as_deref().and_then(default_inter));
        np.name = b.name.clone();
        np.rules.push(b.rule.clone());
        np.rules.push("rule:title-dict-person".into());
    }

    fn head_is_weak(&self, np: &Np) -> bool {
        // a head is weak if its entry is; look it up again from the head span start
        let mut k = np.head.0;
        if np.kind == ActorKind::Person {
            // the title before the name
            k = np.start;
            while k < np.head.0 && !self.is_agentish(k) {
                k += 1;
            }
        }
        self.hit(k).is_some_and(|(_, e, _)| e.weak)
    }
}

impl crate::ActorRecognizer {
    pub(crate) fn recognize(&self, doc: &mut Doc) {
        let c = &self.compiled;
        let text = doc.article.text.as_str();
        let date = doc.article.published;
        let mut cands: Vec<Cand> = Vec::new();
        let mut notes: Vec<(Span, &'static str)> = Vec::new();
        let mut hits_all: Vec<Hit> = Vec::new();
        let mut acronyms: Vec<acronym::AcronymActor> = Vec::new();
        for (si, sent) in doc.sentences.iter().enumerate() {
            let mut w = Vec::new();
            for t in doc.tokens[sent.tokens.clone()].iter() {
                split_token(text, t.span, &mut w);
            }
            if w.is_empty() {
                continue;
            }
            let hits = c.find(text, &doc.lower, sent.span.start, sent.span.end);
            let mut at = vec![None; w.len()];
            for h in &hits {
                let a = w.partition_point(|x| x.span.start < h.start);
                let b = w.partition_point(|x| x.span.end <= h.end);
                if a < w.len() && w[a].span.start == h.start && b > a && w[b - 1].span.end == h.end
                {
                    at[a] = Some((b, h.pat));
                }
            }
            hits_all.extend(hits);
            let mut p = Parser {
                doc,
                c,
                gaz: &self.places,
                w,
                at,
                sent: si,
                date,
                defs: Vec::new(),
                shouting: false,
            };
            p.shouting = p.looks_like_headline();
            if doc.sentences[si].span.of(text).contains('(') {
                p.defs = p.acronym_defs();
            }
            self.parse_sentence(&p, &mut cands, &mut notes, &mut acronyms);
        }
        let _ = hits_all;
        for (span, why) in notes {
            doc.trace("actors", Some(span), || format!("name skipped: {why}"));
        }
        self.finish(doc, cands);
    }

    /// Parse one sentence into candidates; `notes` collects, under --explain, the
    /// capitalised names rejected as actors and why.
    fn parse_sentence(
        &self,
        p: &Parser,
        out: &mut Vec<Cand>,
        notes: &mut Vec<(Span, &'static str)>,
        acronyms: &mut Vec<acronym::AcronymActor>,
    ) {
        let n = p.w.len();
        let shouting = p.shouting;
        let mut i = 0;
        let sent_first = out.len();
        // where the last phrase ended: a participle right after it is its verb
        let mut last_end = usize::MAX;
        while i < n {
            let lw = p.lw(i);
            if i == last_end && p.participle_filler(i) {
                i += 1;
                continue;
            }
            // pronouns
            let pron = match lw {
                "he" | "him" | "she" => Some(Pronoun::Singular),
                "they" | "them" => Some(Pronoun::Plural),
                _ => None,
            };
            if let Some(pr) = pron {
                let span = p.w[i].span;
                out.push(Cand {
                    m: mention(
                        span,
                        span,
                        p.sent,
                        ActorKind::Reference,
                        lw.to_string(),
                        String::new(),
                        None,
                        None,
                        None,
                        vec![format!("coref:pronoun:{lw}")],
                    ),
                    plural: pr == Pronoun::Plural,
                    person: pr == Pronoun::Singular,
                    pronoun: Some(pr),
                    anaphoric: false,
                    appos_of: None,
                    explicit_country: false,
                    on_org: false,
                    poss: None,
                    host: None,
                    weak_head: false,
                    pair: None,
                });
                i += 1;
                continue;
            }
            // "the two countries", "both sides": resolved against earlier pairs in `finish`
            if let Some((end, kind)) = refer::pair_at(p, i) {
                let np = p.np(i, 0).filter(|np| np.end == end && np.split.is_empty());
                let mut c = match &np {
                    Some(np) => self.cand(p, np),
                    None => {
                        let span = p.span(i, end);
                        let mut c = self.cand(p, &p.proper_np(i, i, end, None, Vec::new()));
                        c.m.kind = ActorKind::Agent;
                        c.m.head = p.span(end - 1, end);
                        c.m.name = p.lw(end - 1).to_string();
                        c.m.span = span;
                        c
                    }
                };
                c.pair = Some((kind, np.is_some()));
                out.push(c);
                i = end;
                continue;
            }
            let parsed = match p.np(i, 0) {
                Some(np) => Some(np),
                None if shouting => None,
                None => match p.name_fallback(i) {
                    Ok(np) => Some(np),
                    Err((skip, why)) => {
                        if p.doc.explain && why != "not a name" {
                            notes.push((p.span(i, skip.max(i + 1)), why));
                        }
                        i = skip.max(i + 1);
                        continue;
                    }
                },
            };
            let Some(np) = parsed else {
                i += 1;
                continue;
            };
            // possessive: "Sudan's army chief" is handled in the phrase; here "X's" before
            // a non-actor noun ends X.
            let mut next = np.end.max(i + 1);
            last_end = np.end;
            let idx_before = out.len();
            for s in &np.split {
                out.push(self.cand(p, s));
            }
            let main = out.len();
            out.push(self.cand(p, &np));
            self.acronym_register_or_resolve(p, &np, &mut out[main], acronyms);
            // appositions: "Col. Ahmed Musa, a spokesman for the army," /
            // "the Palestinian president, Mahmoud Abbas"
            if p.lw(next) == "," && np.split.is_empty() {
                if let Some(b) = p.np(next + 1, 0).or_else(|| {
                    let k = next + 1;
                    let w = p.w.get(k)?;
                    if !(w.cap && w.alpha) || p.hit(k).is_some() || NOT_NAMES.contains(&p.lw(k)) {
                        return None;
                    }
                    let e = p.name_seq(k, false);
                    (e > k + 1).then(|| p.proper_np(k, k, e, None, vec!["rule:proper-name".into()]))
                }) {
                    let closes = matches!(
                        p.lw(b.end),
                        "," | "." | "" | "said" | "says" | "told" | ";" | ")" | "—" | "-"
                    );
                    let a_named = matches!(np.kind, ActorKind::Person | ActorKind::Organization)
                        && np.head.0 >= np.start;
                    let b_named = matches!(b.kind, ActorKind::Person | ActorKind::Organization)
                        && b.rules.iter().any(|r| r == "rule:proper-name");
                    let a_role = np.kind == ActorKind::Agent && !np.plural;
                    let b_role = matches!(b.kind, ActorKind::Agent)
                        || (b.kind == ActorKind::Person
                            && b.rules.iter().any(|r| r == "rule:title-name"));
                    // "Julian Assange, his lawyer said": a possessed role is someone
                    // else related to A, not A described again
                    let possessed = matches!(p.lw(b.start), "his" | "her" | "their" | "its");
                    // "... reform of the UN Security Council, officials said": a role
                    // before the reporting verb at the end of a clause is who reports,
                    // not a description of the name before the comma
                    let reporting = np.start > 0
                        && matches!(p.lw(b.end), "said" | "says" | "told" | "added" | "reported");
                    if closes && a_named && b_role && b.split.is_empty() && !possessed && !reporting {
                        // B describes A: A takes B's code when it has none of its own
                        let mut bc = self.cand(p, &b);
                        bc.appos_of = Some(main);
                        let a = &mut out[main];
                        if a.m.country.is_none()
                            || a.m.code.is_empty()
                            || a.m.code.len() == 3 && a.m.sector.is_some()
                        {
                            a.m.code = bc.m.code.clone();
                            a.m.country = bc.m.country.clone();
                            a.m.sector = bc.m.sector.clone();
                            a.m.acled_inter = bc.m.acled_inter;
                            a.explicit_country = bc.explicit_country;
                            a.m.rules.push("rule:apposition".into());
                        }
                        out.push(bc);
                        next = b.end;
                    } else if closes && a_role && b_named {
                        let mut bc = self.cand(p, &b);
                        bc.m.code = out[main].m.code.clone();
                        bc.m.country = out[main].m.country.clone();
                        bc.m.sector = out[main].m.sector.clone();
                        bc.m.acled_inter = out[main].m.acled_inter;
                        bc.explicit_country = out[main].explicit_country;
                        bc.m.kind = ActorKind::Person;
                        bc.m.rules.push("rule:apposition".into());
                        bc.person = true;
                        out.push(bc);
                        next = b.end;
                    }
                }
            }
            let _ = idx_before;
            i = next;
        }
        out[sent_first..].sort_by_key(|c| c.m.span.start);
    }

    /// A phrase that defines an acronym registers it; a later bare acronym that the
    /// dictionary does not know ("UNSMIC said") takes what it was defined as.
    fn acronym_register_or_resolve(
        &self,
        p: &Parser,
        np: &Np,
        c: &mut Cand,
        acronyms: &mut Vec<acronym::AcronymActor>,
    ) {
        if let Some(d) = p.defs.iter().find(|d| d.close + 1 == np.end && np.rules.iter().any(|r| r == "rule:acronym-org")) {
            acronyms.push(acronym::AcronymActor {
                text: d.text.clone(),
                kind: c.m.kind,
                name: c.m.name.clone(),
                code: c.m.code.clone(),
                country: c.m.country.clone(),
                sector: c.m.sector.clone(),
                inter: c.m.acled_inter,
            });
            let _ = &d.letters;
            return;
        }
        if acronyms.is_empty() || !c.m.code.is_empty() || np.end != np.head.1 {
            return;
        }
        let head = p.text(np.head.0, np.head.1);
        if let Some(a) = acronyms.iter().rev().find(|a| a.text == head) {
            c.m.kind = a.kind;
            c.m.name = a.name.clone();
            c.m.code = a.code.clone();
            c.m.country = a.country.clone();
            c.m.sector = a.sector.clone();
            c.m.acled_inter = a.inter;
            c.explicit_country = a.country.is_some();
            c.person = false;
            c.m.rules.push("rule:acronym-of".into());
        }
    }

    fn cand(&self, p: &Parser, np: &Np) -> Cand {
        let span = p.span(np.start, np.end);
        let head = p.span(np.head.0, np.head.1.max(np.head.0 + 1));
        Cand {
            m: mention(
                span,
                head,
                p.sent,
                np.kind,
                np.name.clone(),
                np.code.clone(),
                np.country.clone(),
                np.sector.clone(),
                np.inter,
                np.rules.clone(),
            ),
            plural: np.plural,
            person: np.person,
            pronoun: None,
            anaphoric: np.bare && np.anaphoric && p.lw(np.start) == "the",
            appos_of: None,
            explicit_country: np.country.is_some(),
            // built on a named organisation ("UN troops"): its code already says who
            poss: np.poss,
            host: np.host.clone(),
            weak_head: np.kind == ActorKind::Agent && p.head_is_weak(np),
            pair: None,
            on_org: np
                .rules
                .iter()
                .any(|r| r.contains(":actors:") || r.starts_with("petrarch:")),
        }
    }

    /// Focus, coreference and country inference over the whole document.
    fn finish(&self, doc: &mut Doc, mut cands: Vec<Cand>) {
        cands.sort_by_key(|c| (c.m.sentence, c.m.span.start));

        // focus country: dateline, else the most-mentioned country
        if doc.focus.country.is_none() {
            let mut found: Option<(String, String)> = None;
            if let Some(dl) = &doc.article.dateline {
                let lower = dl.place.to_ascii_lowercase();
                let hits = self.compiled.find(&dl.place, &lower, 0, lower.len());
                // the last name in "GOMA, Congo" is the country
                for h in hits.iter().rev() {
                    let e = self.compiled.entry(h.pat);
                    if let Some(iso) = &e.country {
                        found = Some((iso.clone(), "actors:dateline-country".into()));
                        break;
                    }
                }
            }
            if found.is_none() {
                // iso, weight, first; a country named as where things happen ("in Mali",
                // "militants in Mali") weighs double: the story is set there
                let mut counts: Vec<(String, usize, usize)> = Vec::new();
                for (k, c) in cands.iter().enumerate() {
                    // "Niger state", "Mexico state": a name before a word for a first-level
                    // unit may be a region of another country; it is no evidence of the focus
                    if followed_by_unit_noun(doc.lower.as_str(), c.m.span.end) {
                        continue;
                    }
                    if let (Some(iso), true) = (&c.m.country, c.explicit_country) {
                        let w = 1 + usize::from(is_setting(doc.text(), &c.m));
                        match counts.iter_mut().find(|x| &x.0 == iso) {
                            Some(x) => x.1 += w,
                            None => counts.push((iso.clone(), w, k)),
                        }
                    }
                }
                counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
                if let Some((iso, _, _)) = counts.first() {
                    found = Some((iso.clone(), "actors:most-mentioned-country".into()));
                }
            }
            if let Some((iso, rule)) = found {
                doc.focus.country = Some(iso);
                doc.focus.rules.push(rule);
            }
        }
        let focus = doc.focus.country.clone();
        // a dateline says where the story is filed: strong evidence for unqualified actors;
        // a most-mentioned country can be no more than the counterpart's nationality
        let focus_from_dateline = doc.focus.rules.iter().any(|r| r == "actors:dateline-country");
        let evidence = SentenceCountries::collect(doc.text(), &cands);

        let mut out: Vec<ActorMention> = Vec::with_capacity(cands.len());
        let mut meta: Vec<(bool, bool)> = Vec::with_capacity(cands.len()); // plural, person
        let mut final_idx: Vec<Option<usize>> = vec![None; cands.len()];
        let mut surnames = refer::Surnames::default();
        let mut pair_firsts = refer::PairFirsts::default();
        for (ci, mut c) in cands.into_iter().enumerate() {
            if let Some((kind, keep)) = c.pair {
                match refer::resolve_pair(&out, &mut pair_firsts, kind, c.m.sentence, c.m.span.start) {
                    Some(pair) => {
                        refer::apply_pair(&mut c, kind, &pair, &out, &self.compiled.country_names)
                    }
                    None if !keep => continue,
                    None => {}
                }
            } else if let Some(t) = refer::surname_antecedent(&surnames, &c) {
                // "Okafor said" after "activist John Okafor": the same person
                let t_m = out[t].clone();
                c.m.kind = ActorKind::Reference;
                c.m.refers_to = Some(t);
                c.m.code = t_m.code;
                c.m.country = t_m.country;
                c.m.sector = t_m.sector;
                c.m.acled_inter = t_m.acled_inter;
                c.m.name = t_m.name;
                c.person = true;
                c.m.rules.push("coref:surname".into());
            }
            if let Some(a) = c.appos_of.and_then(|a| final_idx.get(a).copied().flatten()) {
                c.m.kind = ActorKind::Reference;
                c.m.refers_to = Some(a);
                c.m.rules.push("coref:apposition".into());
            } else if c.pronoun.is_some() || c.anaphoric {
                let ante = find_antecedent(&out, &meta, &c);
                match ante {
                    Some(a) => {
                        let target = out[a].refers_to.unwrap_or(a);
                        let t = out[target].clone();
                        c.m.kind = ActorKind::Reference;
                        c.m.refers_to = Some(target);
                        c.m.code = t.code;
                        c.m.country = t.country;
                        c.m.sector = t.sector;
                        c.m.acled_inter = t.acled_inter;
                        c.m.name = t.name;
                        c.m.rules.push(if c.pronoun.is_some() {
                            "coref:last-compatible".into()
                        } else {
                            "coref:definite-description".into()
                        });
                    }
                    None if c.pronoun.is_some() => continue,
                    None => {}
                }
            }
            // "his counterpart" holds the same post in another state: the owner says
            // nothing of its country
            let counterpart = c.m.rules.iter().any(|r| r.ends_with(":counterpart"));
            if let (Some(poss), false) = (c.poss, counterpart) {
                if let Some(owner) = find_possessor(&out, &meta, &c, poss) {
                    let o = out[owner].refers_to.map(|t| &out[t]).unwrap_or(&out[owner]);
                    apply_owner(&mut c.m, o, poss, c.weak_head);
                    c.explicit_country = c.m.country.is_some();
                }
            }
            let host_is_focus = c.host.is_some() && c.host == focus;
            // a possessed phrase already has its owner ("its envoy" after a UN mission)
            let owned = c.m.rules.iter().any(|r| r.starts_with("coref:possessive"));
            // peacekeepers serve abroad: unnamed, they are no force of the country the
            // story is set in, but external forces (ACLED 8)
            let peacekeepers = c.m.kind == ActorKind::Agent
                && c.m.country.is_none()
                && !c.on_org
                && c.m.name.starts_with("peacekeep");
            if peacekeepers {
                c.m.acled_inter = Some(8);
                c.m.rules.push("infer:peacekeepers-external".into());
            }
            if c.m.kind == ActorKind::Agent
                && c.m.country.is_none()
                && !c.on_org
                && !host_is_focus
                && !owned
                && !peacekeepers
            {
                if let (Some(iso), Some(sec)) = (&focus, c.m.sector.clone()) {
                    if !is_international(&sec) {
                        let abroad = c.m.rules.iter().any(|r| self.compiled.abroad_ids.contains(r));
                        let who = Who { m: &c.m, plural: c.plural, abroad, sector: &sec };
                        match evidence.judge(doc.text(), &who, iso, focus_from_dateline) {
                            Verdict::Focus => {
                                c.m.code = compose(iso, &c.m.code);
                                c.m.country = Some(iso.clone());
                                c.m.rules.push("infer:focus-country".into());
                            }
                            Verdict::Setting(set) => {
                                c.m.code = compose(&set, &c.m.code);
                                c.m.country = Some(set);
                                c.m.rules.push("infer:setting-country".into());
                            }
                            Verdict::Withhold(rule) => c.m.rules.push(rule.into()),
                        }
                    }
                }
            }
            external_force(&mut c.m, focus.as_deref());
            if c.m.kind == ActorKind::Person
                && c.m.country.is_none()
                && !c.on_org
                && c.m.rules.iter().any(|r| r == "rule:title-name")
                && c.m.sector.as_deref().is_some_and(|s| !is_international(s))
            {
                let sector = c.m.sector.clone().unwrap_or_default();
                let who = Who { m: &c.m, plural: c.plural, abroad: false, sector: &sector };
                let verdict = focus
                    .as_deref()
                    .map(|f| evidence.judge(doc.text(), &who, f, focus_from_dateline));
                infer_title_country(doc.text(), &out, &mut c.m, focus.as_deref(), verdict);
            }
            doc.trace("actors", Some(c.m.span), || {
                format!(
                    "{:?} {} [{}] {}",
                    c.m.kind,
                    c.m.name,
                    c.m.code,
                    c.m.rules.join(" ")
                )
            });
            final_idx[ci] = Some(out.len());
            meta.push((c.plural, c.person));
            out.push(c.m);
            surnames.add(&out, out.len() - 1);
        }
        doc.actors = out;
    }
}

/// ACLED interaction 8 (External/Other forces): the forces of an intergovernmental body
/// ("UN peacekeepers", "NATO troops") always; a state's military or police when the state
/// is not the article's focus country ("French troops" in a story set in Mali).
fn external_force(m: &mut ActorMention, focus: Option<&str>) {
    if m.kind == ActorKind::Reference || m.acled_inter == Some(8) {
        return;
    }
    let force = matches!(m.sector.as_deref(), Some("MIL" | "COP"));
    let rule = if m.code.starts_with("IGO") && (force || m.code.ends_with("MIL")) {
        "infer:igo-force"
    } else if force
        && m.kind != ActorKind::Person
        && focus.is_some()
        && m.country.is_some()
        && m.country.as_deref() != focus
    {
        "infer:foreign-force"
    } else {
        return;
    };
    m.acled_inter = Some(8);
    m.rules.push(rule.into());
}

/// The unqualified actor whose country is being judged.
struct Who<'a> {
    m: &'a ActorMention,
    plural: bool,
    /// An envoy or embassy ("ambassador", "embassy"): it serves abroad.
    abroad: bool,
    sector: &'a str,
}

/// Sectors of private people and bodies.
fn is_civilian(sector: &str) -> bool {
    matches!(sector, "CVL" | "BUS" | "REF" | "EDU" | "HLH" | "REL" | "MED" | "LAB" | "AGR")
}

/// What the other mentions of a sentence say about an unqualified actor's country.
#[derive(Debug, Clone, PartialEq)]
enum Verdict {
    /// Nothing against the focus country.
    Focus,
    /// The sentence is set in one other country, and the actor is of the kind found where
    /// things happen (gunmen, rebels, villagers): "gunmen killed farmers in Benue" filed
    /// from Paris.
    Setting(String),
    /// Conflicting evidence: leave the country unset (the rule id says why).
    Withhold(&'static str),
}

/// One mention whose country comes from its own words.
struct Evidence {
    sentence: usize,
    span: Span,
    iso: String,
    /// Names where things happen ("in Mali", "protesters in Dhaka"), not a party.
    setting: bool,
    /// A state's official, envoy or leader ("two French diplomats", "the Afghan
    /// ambassador", "South African leader F.W. de Klerk").
    state_official: bool,
    /// A country named as a party ("accused Rwanda", "China's assistance").
    country: bool,
    /// Private people or bodies named by nationality ("forty Ethiopian migrants", "an
    /// Iranian tanker"): a nationality on them mostly marks them as foreigners.
    civilian: bool,
}

/// Per sentence, the countries its mentions carry from their own words.
struct SentenceCountries {
    items: Vec<Evidence>,
}

impl SentenceCountries {
    fn collect(text: &str, cands: &[Cand]) -> Self {
        let items = cands
            .iter()
            .filter(|c| c.explicit_country && c.pronoun.is_none())
            .filter_map(|c| {
                Some(Evidence {
                    sentence: c.m.sentence,
                    span: c.m.span,
                    iso: c.m.country.clone()?,
                    setting: is_setting(text, &c.m),
                    state_official: matches!(c.m.kind, ActorKind::Agent | ActorKind::Person)
                        && c.m.sector.as_deref() == Some("GOV"),
                    country: c.m.kind == ActorKind::Country,
                    civilian: c.m.kind == ActorKind::Agent
                        && c.m.sector.as_deref().is_some_and(is_civilian),
                })
            })
            .collect();
        SentenceCountries { items }
    }

    /// An unqualified agent or titled person would take the focus country. What speaks
    /// against it, each with its own rule id:
    /// - the sentence is set in exactly one other country and the actor is of the kind
    ///   found where things happen (armed groups, civilians): it takes the setting's
    ///   country (`infer:setting-country`: "gunmen killed farmers in Benue" filed from
    ///   Paris);
    /// - with the focus only the most-mentioned country (a dateline is evidence of its
    ///   own), the actor deals in its clause with a party of that country
    ///   (`infer:no-country:…`): the country is then left unset rather than guessed.
    ///   - a single government actor ("the government", "President Mitterrand"; groups of
    ///     "leaders" are often domestic) with another state's official ("expelled two
    ///     French diplomats", "welcomed South African leader de Klerk"), or, unnamed, with
    ///     a country or private people it acts on ("accused Rwanda", "deported forty
    ///     Ethiopian migrants");
    ///   - unnamed forces or armed groups with private people named by nationality, in
    ///     either order ("gunmen kidnapped two Chinese engineers"); soldiers and police
    ///     next to another state's forces are left alone ("police stopped Turkish troops"
    ///     is mostly one state's);
    ///   - an ambassador or embassy with anyone of that country after it.
    fn judge(&self, text: &str, who: &Who, focus: &str, from_dateline: bool) -> Verdict {
        let (m, plural, sector) = (who.m, who.plural, who.sector);
        // items are in sentence order: only this sentence's are looked at
        let lo = self.items.partition_point(|x| x.sentence < m.sentence);
        let hi = self.items.partition_point(|x| x.sentence <= m.sentence);
        let same = || self.items[lo..hi].iter().filter(move |x| !x.span.overlaps(m.span));
        let local_kind = is_armed_non_state(sector) || matches!(sector, "CVL" | "AGR" | "REF");
        let mut settings = same().filter(|x| x.setting).map(|x| x.iso.as_str());
        if let Some(first) = settings.next() {
            if local_kind && first != focus && settings.all(|s| s == first) {
                return Verdict::Setting(first.to_string());
            }
        }
        // an unnamed agent ("the government", "the minister") also yields to a country or
        // private people it acts on, named after it ("accused Rwanda"; in "Sri Lanka
        // opened an embassy" the country comes first and owns the agent); domestic rivals
        // (rebels, opposition) never count
        let unnamed = m.kind == ActorKind::Agent;
        let counterpart = |civilians: bool| {
            same().any(|x| {
                // countries and private people count when acted on, named after the agent
                // ("Exiled Burmese monks rallied outside the embassy" is at their own)
                let after = x.span.start >= m.span.end;
                let acted_on_country = unnamed && x.country && after;
                !x.setting
                    && (x.state_official || acted_on_country || (civilians && x.civilian && after))
                    && x.iso == focus
                    && self.same_clause(text, m.span, x.span)
            })
        };
        if from_dateline {
            return Verdict::Focus;
        }
        if sector == "GOV" && !plural && counterpart(unnamed) {
            return Verdict::Withhold("infer:no-country:focus-is-counterpart");
        }
        // an ambassador or embassy serves abroad: whoever of the focus country it deals
        // with ("the ambassador met Ugandan opposition leader Bobi Wine") is its host's
        // (only parties after it: "Ghana opened an embassy in Lima" owns it, and exiles
        // who "protested outside the embassy" are mostly at their own state's)
        let dealt_with = |x: &Evidence| {
            !x.setting
                && x.span.start >= m.span.end
                && x.iso == focus
                && self.same_clause(text, m.span, x.span)
        };
        if who.abroad && same().any(dealt_with) {
            return Verdict::Withhold("infer:no-country:post-abroad-meets-focus");
        }
        // unnamed forces and armed groups dealing with foreign civilians, in either order
        // ("gunmen kidnapped two Chinese engineers", "the navy seized an Iranian tanker",
        // "a Malaysian airliner was downed by rebels", "exiled Iranians clashed with police")
        let force = is_armed_non_state(sector) || matches!(sector, "MIL" | "COP");
        if force && unnamed && same().any(|x| {
            !x.setting
                && x.civilian
                && x.iso == focus
                && self.same_clause(text, m.span, x.span)
        }) {
            return Verdict::Withhold("infer:no-country:focus-is-counterpart");
        }
        Verdict::Focus
    }

    /// Whether nothing between two mentions closes a clause: the counterpart is one the
    /// actor acts on or meets, not a source quoted after a comma ("…, according to the
    /// Pakistani interior secretary").
    fn same_clause(&self, text: &str, a: Span, b: Span) -> bool {
        let (from, to) = if a.end <= b.start { (a.end, b.start) } else { (b.end, a.start) };
        let between = &text[from.min(to)..to.max(from)];
        let quoted = between.as_bytes().windows(12).any(|w| w.eq_ignore_ascii_case(b"according to"));
        !quoted && !between.contains([',', ';', ':', '(', ')', '—', '–'])
    }
}

/// Whether a mention names where the story happens: a country after "in", "inside",
/// "across" or "throughout", or an agent placed by "in <country>".
fn is_setting(text: &str, m: &ActorMention) -> bool {
    if m.rules.iter().any(|r| r == "rule:agent-in-country") {
        return true;
    }
    if m.kind != ActorKind::Country {
        return false;
    }
    let before = text[..m.span.start].trim_end();
    let word = before
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("");
    ["in", "inside", "across", "throughout"]
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
}

/// A titled person with no country of their own ("Foreign Minister Sergei Ivanov",
/// "President Kante"): a country named right before the phrase, with only punctuation
/// between ("In Mali, President Kante said" does not count; "Mali: President Kante"
/// does), else the article's focus country. Office holders are reported mostly by the
/// press of their own country or in stories about it, so the focus is the best guess
/// left; the rule id says which guess was taken.
fn infer_title_country(
    text: &str,
    earlier: &[ActorMention],
    m: &mut ActorMention,
    focus: Option<&str>,
    verdict: Option<Verdict>,
) {
    let adjacent = earlier.iter().rev().take(3).find(|p| {
        p.sentence == m.sentence
            && p.kind == ActorKind::Country
            && p.span.end <= m.span.start
            && text[p.span.end..m.span.start]
                .chars()
                .all(|ch| ch.is_whitespace() || matches!(ch, ':' | '-' | '–' | '—' | '(' | '|'))
    });
    let (iso, rule) = match (adjacent.and_then(|p| p.country.clone()), focus, verdict) {
        (Some(iso), _, _) => (iso, "infer:title-adjacent-country"),
        (None, _, Some(Verdict::Withhold(rule))) => {
            m.rules.push(rule.into());
            return;
        }
        (None, Some(f), _) => (f.to_string(), "infer:title-focus-country"),
        (None, None, _) => return,
    };
    m.code = compose(&iso, &m.code);
    m.country = Some(iso);
    m.rules.push(rule.into());
}

/// The last earlier mention a pronoun or definite description can stand for, within the
/// three preceding sentences.
fn find_antecedent(out: &[ActorMention], meta: &[(bool, bool)], c: &Cand) -> Option<usize> {
    for k in (0..out.len()).rev() {
        let m = &out[k];
        if m.sentence + 3 < c.m.sentence {
            break;
        }
        if m.span.end > c.m.span.start && m.sentence == c.m.sentence {
            continue;
        }
        let (plural, person) = meta[k];
        let target = m.refers_to.map(|t| &out[t]).unwrap_or(m);
        let ok = match c.pronoun {
            // "he", "him", "she": a person or a person-like agent ("the spokesman"), never
            // an organisation or a country, whatever flags a phrase built on one carries
            Some(Pronoun::Singular) => {
                (person || target.kind == ActorKind::Person)
                    && !matches!(target.kind, ActorKind::Organization | ActorKind::Country)
            }
            Some(Pronoun::Plural) => {
                (plural || matches!(target.kind, ActorKind::Organization | ActorKind::Country))
                    && target.kind != ActorKind::Person
            }
            None => {
                // "the group", "the militia", "the ministry": same sector family, not the
                // same bare phrase again
                let want = c.m.sector.as_deref().unwrap_or("");
                let have = target.sector.as_deref().unwrap_or("");
                let family = want == have || (is_armed_non_state(want) && is_armed_non_state(have));
                let named = matches!(target.kind, ActorKind::Organization | ActorKind::Person)
                    || target.country.is_some();
                let weak_group = matches!(
                    c.m.name.as_str(),
                    "group" | "organisation" | "organization" | "movement" | "faction"
                );
                let group_ok = weak_group && target.kind == ActorKind::Organization;
                (family || group_ok) && named && target.kind != ActorKind::Reference
            }
        };
        if ok {
            return Some(k);
        }
    }
    None
}

/// Whose "its"/"their"/"his" phrase this is: the last earlier mention that can own it,
/// in this sentence or the two before. "its"/"their" take a country, an organisation or
/// an agent with a country; "his"/"her" take a person with a code.
fn find_possessor(
    out: &[ActorMention],
    meta: &[(bool, bool)],
    c: &Cand,
    poss: Possessive,
) -> Option<usize> {
    for k in (0..out.len()).rev() {
        let m = &out[k];
        if m.sentence + 2 < c.m.sentence {
            break;
        }
        if m.sentence == c.m.sentence && m.span.end > c.m.span.start {
            continue;
        }
        let target = m.refers_to.map(|t| &out[t]).unwrap_or(m);
        let (plural, person) = meta[k];
        let person = person || target.kind == ActorKind::Person;
        let ok = match poss {
            Possessive::Its => {
                !person
                    && !plural
                    && (matches!(target.kind, ActorKind::Country | ActorKind::Organization)
                        || (target.kind == ActorKind::Agent && target.country.is_some()))
            }
            Possessive::Their => {
                !person
                    && (matches!(target.kind, ActorKind::Country | ActorKind::Organization)
                        || (target.kind == ActorKind::Agent && target.country.is_some()))
            }
            Possessive::His => person && !target.code.is_empty(),
        };
        if ok && !target.code.is_empty() {
            return Some(k);
        }
    }
    None
}

/// Give a possessed phrase its owner: "its ambassador" after "Niger" is NERGOV; "its
/// fighters" or "its spokesman" after Hamas are Hamas; "his ministers" after a
/// president share his country. A role word ("spokesman", "leader") takes its owner's
/// code whole unless the owner is a country.
fn apply_owner(m: &mut ActorMention, owner: &ActorMention, poss: Possessive, weak: bool) {
    // the role only: "counterpart in Muscat" may already carry a country of its own
    let role = m.sector.clone().unwrap_or_else(|| m.code.clone());
    let same_family = owner.sector.as_deref().is_some_and(is_armed_non_state)
        && m.sector.as_deref().is_some_and(is_armed_non_state);
    let owner_is_country = owner.kind == ActorKind::Country && owner.code.len() == 3;
    // an organisation's envoy, official or spokesman acts for the organisation: "the UN
    // mission ... its envoy" is the UN, not a government
    let official_of_org = owner.kind == ActorKind::Organization && m.sector.as_deref() == Some("GOV");
    if (weak || same_family || official_of_org) && !owner_is_country {
        m.code = owner.code.clone();
        m.country = owner.country.clone();
        m.sector = owner.sector.clone();
        m.acled_inter = owner.acled_inter;
    } else if matches!(owner.kind, ActorKind::Organization) {
        m.code = compose(&owner.code, &role);
        m.country = owner.country.clone();
    } else if let Some(iso) = &owner.country {
        m.code = compose(iso, &role);
        m.country = Some(iso.clone());
    } else {
        return;
    }
    m.name = format!("{} {}", owner.name, m.name);
    m.rules.push(
        match poss {
            Possessive::Its => "coref:possessive:its",
            Possessive::Their => "coref:possessive:their",
            Possessive::His => "coref:possessive:his",
        }
        .into(),
    );
}

#[allow(clippy::too_many_arguments)]
fn mention(
    span: Span,
    head: Span,
    sentence: usize,
    kind: ActorKind,
    name: String,
    code: String,
    country: Option<String>,
    sector: Option<String>,
    inter: Option<u8>,
    rules: Vec<String>,
) -> ActorMention {
    ActorMention {
        span,
        head,
        sentence,
        kind,
        name,
        code,
        country,
        sector,
        acled_inter: inter,
        refers_to: None,
        rules,
    }
}

/// Whether the word at `at` (after spaces) is a word for a first-level unit ("state",
/// "province", "governorate", "oblast", "department").
fn followed_by_unit_noun(lower: &str, at: usize) -> bool {
    let rest = lower.get(at..).unwrap_or("");
    if !rest.starts_with(' ') {
        return false;
    }
    let rest = rest.trim_start();
    let word: &str = rest.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    if !matches!(word, "state" | "province" | "governorate" | "oblast" | "department") {
        return false;
    }
    // "Iran state television", "the Israel state department": the unit word modifies what
    // follows; a unit is followed by punctuation or a function word ("in Niger state on Sunday")
    let after = rest[word.len()..].trim_start();
    let next: &str = after.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    next.is_empty()
        || matches!(
            next,
            "on" | "in" | "of" | "at" | "and" | "or" | "for" | "near" | "to" | "after" | "from" | "which" | "that" | "with" | "was"
                | "were" | "has" | "had" | "have" | "is" | "are" | "where" | "when" | "since" | "last" | "this" | "early" | "late"
                | "overnight" | "by" | "while" | "as"
        )
}

#[cfg(test)]
mod tests {
    use crate::{ActorDictionary, ActorRecognizer};
    use sitrep_core::{ActorKind, Doc, Stage};

    fn run(text: &str) -> Doc {
        let rec = ActorRecognizer::new(ActorDictionary::embedded());
        let mut doc = sitrep_text::prepare(text);
        rec.run(&mut doc);
        doc
    }

    /// (phrase as written, code, sector, kind)
    fn found(doc: &Doc) -> Vec<(String, String, Option<String>, ActorKind)> {
        doc.actors
            .iter()
            .map(|m| {
                (
                    doc.slice(m.span).to_string(),
                    m.code.clone(),
                    m.sector.clone(),
                    m.kind,
                )
            })
            .collect()
    }

    fn check(cases: &[(&str, &[(&str, &str)])]) {
        for (text, want) in cases {
            let doc = run(text);
            let got = found(&doc);
            for (phrase, code) in *want {
                assert!(
                    got.iter().any(|(p, c, _, _)| p == phrase && c == code),
                    "{text}\n  want [{phrase}] {code}\n  got {got:?}"
                );
            }
            let mut starts: Vec<usize> = doc.actors.iter().map(|m| m.span.start).collect();
            starts.dedup();
            assert!(
                starts.windows(2).all(|w| w[0] <= w[1]),
                "mentions sorted by start"
            );
        }
    }

    /// Phrases that must not be found as mentions of their own.
    fn check_absent(cases: &[(&str, &[&str])]) {
        for (text, absent) in cases {
            let doc = run(text);
            let got = found(&doc);
            for phrase in *absent {
                assert!(
                    !got.iter().any(|(p, ..)| p == phrase),
                    "{text}\n  [{phrase}] should not be a mention\n  got {got:?}"
                );
            }
        }
    }

    #[test]
    fn common_words_and_prefixes_are_not_names() {
        check_absent(&[
            ("Ahead of the vote, Ruto met the envoys.", &["Ahead"]),
            ("Delegates opened the first Anti-corruption forum in Accra.", &["Anti"]),
            ("Villagers marched against the Anti-Terror bill.", &["the Anti-Terror", "Anti-Terror"]),
            ("Trade between the neighbours collapsed last year.", &["Trade"]),
            ("Reportedly, the convoy turned back at the border.", &["Reportedly"]),
            ("Then the guards fired into the air.", &["Then"]),
            ("Defiant Vladimir Putin vowed to fight on.", &["Defiant Vladimir Putin"]),
        ]);
        check(&[
            // a sentence-opening filler still belongs to its phrase
            (
                "Former Kenyan President Uhuru Kenyatta arrived in Goma.",
                &[("Former Kenyan President Uhuru Kenyatta", "KENELI")],
            ),
            // an organisation word keeps a prefixed name an organisation
            (
                "The Ghana Anti-Corruption Commission charged two officials.",
                &[("The Ghana Anti-Corruption Commission", "GHAGOV")],
            ),
            // surnames stay names at a sentence start
            ("Young said the talks had failed.", &[("Young", "")]),
            // a common word opening an unknown organisation's name stays in it
            ("General Motors cut jobs in Ohio.", &[("General Motors", "BUS")]),
        ]);
    }

    #[test]
    fn acronym_definitions_name_one_organisation() {
        check(&[
            (
                "The UN Support Mission in Chad (UNSMIC) criticised the curfew. UNSMIC urged calm.",
                &[
                    ("The UN Support Mission in Chad (UNSMIC)", "IGOUNO"),
                    ("UNSMIC", "IGOUNO"),
                ],
            ),
            (
                // the dictionary's code for a known acronym wins
                "The UN Mission in South Sudan (UNMISS) sheltered the families.",
                &[("The UN Mission in South Sudan (UNMISS)", "IGOUNOMIL")],
            ),
            (
                "The Sudanese Armed Forces (SAF) shelled the camp, and the SAF denied it.",
                &[("The Sudanese Armed Forces (SAF)", "SDNMIL"), ("the SAF", "SDNMIL")],
            ),
            (
                "Kenya's National Intelligence Service (NIS) warned of attacks.",
                &[("Kenya's National Intelligence Service (NIS)", "KENSPY")],
            ),
            (
                "Aid came from the Department of Foreign Affairs and Trade (DFAT) in Canberra.",
                &[("the Department of Foreign Affairs and Trade (DFAT) in Canberra", "AUSGOV")],
            ),
            (
                "The Oromo Liberation Front (OLF) rejected the offer.",
                &[("The Oromo Liberation Front (OLF)", "REB")],
            ),
            // a liberation army is a rebel group even though "Army" alone says a state's
            (
                "The Chadian National Liberation Army (CNLA) seized a border post.",
                &[("The Chadian National Liberation Army (CNLA)", "TCDREB")],
            ),
            // a liberation movement or party is a party, in power or not
            (
                "The Sudan People's Liberation Movement (SPLM) named a new secretary general.",
                &[("The Sudan People's Liberation Movement (SPLM)", "SDNPTY")],
            ),
            (
                "The Angolan Popular Liberation Party (APLP) boycotted the vote.",
                &[("The Angolan Popular Liberation Party (APLP)", "AGOPTY")],
            ),
            // "Government" decides the sector of a unity government's name
            (
                "In Tripoli, the Government of National Accord (GNA) rejected the truce.",
                &[("the Government of National Accord (GNA)", "GOV")],
            ),
            (
                "The Malian Defence Council (MDC) met on Friday.",
                &[("The Malian Defence Council (MDC)", "MLIGOV")],
            ),
            (
                // a worldwide body is no state's, whatever the story's country
                "In Mali, the International Labour Office (ILO) warned of child labour.",
                &[("the International Labour Office (ILO)", "")],
            ),
        ]);
        // a parenthesis whose letters the name does not spell is no definition
        check_absent(&[(
            "The Kenya Wildlife Service (AP) said rangers were attacked.",
            &["The Kenya Wildlife Service (AP)"],
        )]);
    }

    #[test]
    fn plural_states_possessed_names_and_place_named_bodies() {
        check(&[
            ("More than 40 countries signed the pledge.", &[("More than 40 countries", "")]),
            ("Several African nations recalled their envoys.", &[("Several African nations", "")]),
            ("Dozens of states backed the resolution.", &[("Dozens of states", "")]),
            (
                "Nigeria's Boko Haram released the girls.",
                &[("Nigeria's Boko Haram", "NGAREB")],
            ),
            (
                "The Lagos State Police Command arrested six men.",
                &[("The Lagos State Police Command", "NGAMIL")],
            ),
            (
                "Shares fell on the Nairobi Securities Exchange.",
                &[("the Nairobi Securities Exchange", "KENBUS")],
            ),
            (
                "Regulators fined Kestrel Healthcare and warned Ndovu Motors.",
                &[("Kestrel Healthcare", "BUS"), ("Ndovu Motors", "BUS")],
            ),
        ]);
        check_absent(&[("Trade between countries fell.", &["countries"])]);
    }

    #[test]
    fn names_with_initials_hyphens_and_titles() {
        check(&[
            (
                "U.S. District Judge Amy B. Jackson granted the order.",
                &[("U.S. District Judge Amy B. Jackson", "USAJUD")],
            ),
            (
                "South Korean Foreign Minister Park Jin-woo arrived in Tokyo.",
                &[("South Korean Foreign Minister Park Jin-woo", "KORGOV")],
            ),
            (
                "New Zealand Attorney-General Judith Collins defended the bill.",
                &[("New Zealand Attorney-General Judith Collins", "NZLJUD")],
            ),
            (
                "Police questioned activist Mariam Saleh and journalist Omar Idris.",
                &[("activist Mariam Saleh", "OPP"), ("journalist Omar Idris", "MED")],
            ),
            (
                "Newly elected Prime Minister Ali Hassan Monday named his cabinet.",
                &[("Newly elected Prime Minister Ali Hassan", "GOV")],
            ),
            ("A U.N. committee criticised the law.", &[("A U.N. committee", "IGOUNO")]),
            (
                "Libya's self-proclaimed interim president rejected the plan.",
                &[("Libya's self-proclaimed interim president", "LBYGOV")],
            ),
            ("A criminal was shot and two criminals fled.", &[("A criminal", "CRM"), ("two criminals", "CRM")]),
            (
                "Militants loyal to al-Qaeda attacked the base.",
                &[("Militants loyal to al-Qaeda", "IMGMUSALQ")],
            ),
            (
                "Water and Forestry Minister Ana Folau said Tonga would wait.",
                &[("Water and Forestry Minister Ana Folau", "TONGOV")],
            ),
            (
                "Indonesian anti-riot police fired tear gas.",
                &[("Indonesian anti-riot police", "IDNCOP")],
            ),
        ]);
        check_absent(&[
            ("General Ngo Van Thanh met NGO staff.", &["General Ngo"]),
            ("Six people died in Tel Aviv on Friday.", &["Aviv"]),
            ("Leaders met at a summit in Brussels.", &["Brussels"]),
            ("The FBI opened a criminal inquiry into the contractor.", &["a criminal"]),
            ("Aid reached the Darfur region as Khartoum eased curbs.", &["Darfur"]),
            ("Police sealed off the Jenin area and Kandahar province.", &["the Jenin area", "Jenin", "Kandahar"]),
        ]);
    }

    #[test]
    fn countries_adjectives_and_agents() {
        check(&[
            (
                "Sudanese soldiers shelled a market in the morning.",
                &[("Sudanese soldiers", "SDNMIL")],
            ),
            (
                "The Malian army denied the report.",
                &[("The Malian army", "MLIMIL")],
            ),
            (
                "Chad closed its border with Niger.",
                &[("Chad", "TCD"), ("Niger", "NER")],
            ),
            (
                "Two Emiratis and several Malians were freed.",
                &[("Two Emiratis", "ARE"), ("several Malians", "MLI")],
            ),
            (
                "US troops left the base; the UN condemned the raid.",
                &[("US troops", "USAMIL"), ("the UN", "IGOUNO")],
            ),
            (
                "Kenyan police dispersed protesters in Nairobi.",
                &[
                    ("Kenyan police", "KENCOP"),
                    ("protesters in Nairobi", "KENOPP"),
                ],
            ),
            (
                "Kigali accused Kinshasa of backing the militia.",
                &[("Kigali", "RWAGOV"), ("Kinshasa", "CODGOV")],
            ),
        ]);
        // lowercase words that happen to spell a country are not countries
        let doc = run("The chad fell from the ballot and turkey was served.");
        assert!(doc.actors.is_empty(), "{:?}", found(&doc));
    }

    #[test]
    fn named_actors_and_titles() {
        check(&[
            (
                "Col. Ahmed Musa, a spokesman for the army, said the base was safe.",
                &[("Col. Ahmed Musa", "MIL")],
            ),
            (
                "Lt. Gen. Abdel Fattah al-Burhan visited the front.",
                &[("Lt. Gen. Abdel Fattah al-Burhan", "SDNMIL")],
            ),
            (
                "Fighters of the armed group Ansar Dine entered the town.",
                &[("Fighters of the armed group Ansar Dine", "MLIREB")],
            ),
            (
                "The rebel group known as M23 took the hill.",
                &[("The rebel group known as M23", "CODREB")],
            ),
            (
                "The armed group Zarqa Brigade claimed the ambush.",
                &[("The armed group Zarqa Brigade", "UAF")],
            ),
            (
                "Iranian Foreign Minister Hossein Karimi met his counterpart.",
                &[("Iranian Foreign Minister Hossein Karimi", "IRNGOV")],
            ),
            // a counterpart is of another state: a nationality names it, the owner does not
            (
                "The Peruvian defence minister hosted his Chilean counterpart.",
                &[("The Peruvian defence minister", "PERGOV"), ("his Chilean counterpart", "CHLGOV")],
            ),
            (
                "Foreign Minister Amal Haddad of Jordan met her counterpart in Doha.",
                &[("her counterpart in Doha", "QATGOV")],
            ),
            (
                "Al-Shabaab fighters and Boko Haram gunmen were blamed.",
                &[
                    ("Al-Shabaab fighters", "SOMREB"),
                    ("Boko Haram gunmen", "NGAREB"),
                ],
            ),
        ]);
        let doc = run("Lt. Gen. Abdel Fattah al-Burhan visited the front.");
        assert_eq!(doc.actors[0].kind, ActorKind::Person);
        assert_eq!(doc.actors[0].name, "Abdel Fattah al-Burhan");
        assert_eq!(doc.slice(doc.actors[0].head), "Abdel Fattah al-Burhan");
    }

    #[test]
    fn compositions() {
        check(&[
            (
                "Troops loyal to the Sudanese government retook the airport.",
                &[("Troops loyal to the Sudanese government", "SDNMIL")],
            ),
            (
                "Forces of the Ethiopian government entered Mekelle.",
                &[("Forces of the Ethiopian government", "ETHMIL")],
            ),
            (
                "Sudan's army chief flew to Cairo.",
                &[("Sudan's army chief", "SDNMIL")],
            ),
            (
                "Russia's forces pushed west.",
                &[("Russia's forces", "RUSMIL")],
            ),
            (
                "Pro-government militias attacked Malian soldiers.",
                &[
                    ("Malian soldiers", "MLIMIL"),
                    ("Pro-government militias", "MLIUAF"),
                ],
            ),
            ("Army units moved into the city.", &[("Army units", "MIL")]),
            (
                "UN troops and NATO officials met.",
                &[("UN troops", "IGOUNOMIL"), ("NATO officials", "IGOWSTNAT")],
            ),
            (
                "A Saudi-led coalition struck Houthi positions.",
                &[("A Saudi-led coalition", "SAUMIL")],
            ),
            (
                "Rebel forces and government troops clashed.",
                &[("Rebel forces", "REB"), ("government troops", "MIL")],
            ),
        ]);
    }

    #[test]
    fn conjunctions_and_appositions() {
        check(&[
            (
                "US and British activists staged a protest.",
                &[("US", "USAOPP"), ("British activists", "GBROPP")],
            ),
            (
                "Chad and Niger signed a pact.",
                &[("Chad", "TCD"), ("Niger", "NER")],
            ),
            (
                "The Palestinian president, Mahmoud Abbas, left Ramallah.",
                &[("Mahmoud Abbas", "PSEGOV")],
            ),
        ]);
        let doc =
            run("Col. Ahmed Musa, a spokesman for the Nigerian army, said the base was safe.");
        let musa = &doc.actors[0];
        assert_eq!(
            (musa.code.as_str(), musa.country.as_deref()),
            ("NGAMIL", Some("NGA"))
        );
        assert!(musa.rules.iter().any(|r| r == "rule:apposition"));
        let appos = &doc.actors[1];
        assert_eq!(
            (appos.kind, appos.refers_to),
            (ActorKind::Reference, Some(0))
        );
    }

    #[test]
    fn coreference() {
        let cases: &[(&str, &str, &str)] = &[
            // (text, reference phrase, code it resolves to)
            (
                "Gen. Amadou Diallo inspected the troops in Gao. He said the town was calm.",
                "He",
                "MLIMIL",
            ),
            (
                "The rebel group known as M23 seized Goma. The group said it would stay.",
                "The group",
                "CODREB",
            ),
            (
                "Boko Haram fighters raided a village. They burned the market.",
                "They",
                "NGAREB",
            ),
            (
                "Sudan's army chief met envoys. The commander refused a truce.",
                "The commander",
                "SDNMIL",
            ),
        ];
        for (text, phrase, code) in cases {
            let doc = run(text);
            let m = doc
                .actors
                .iter()
                .find(|m| doc.slice(m.span) == *phrase)
                .unwrap_or_else(|| panic!("{text}: no [{phrase}] in {:?}", found(&doc)));
            assert_eq!(m.kind, ActorKind::Reference, "{text}");
            assert_eq!(m.code, *code, "{text}");
            let target = &doc.actors[m.refers_to.unwrap()];
            assert_ne!(target.kind, ActorKind::Reference);
        }
        // a pronoun with nothing to refer to is not an actor
        let doc = run("He said the road was closed.");
        assert!(doc.actors.is_empty(), "{:?}", found(&doc));
    }

    /// "he", "him", "she" stand for a person or a person-like agent; an organisation or a
    /// country before them is skipped, and with nothing else the pronoun is no actor.
    #[test]
    fn personal_pronouns_resolve_only_to_persons() {
        // (text, pronoun, the phrase it stands for or None)
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Common Cause said on Monday that officers had acted unlawfully. Okello said the police had beaten him.",
                "him",
                None,
            ),
            (
                "Clean Rivers Action filed a complaint. She said the judge had ignored it.",
                "She",
                None,
            ),
            ("Kenya closed the border on Friday. He said the talks were over.", "He", None),
            // an envoy is a person-like agent
            ("Kenya recalled its envoy on Friday. He said the talks were over.", "He", Some("its envoy")),
            ("Amnesty International condemned the arrests. He called them arbitrary.", "He", None),
            (
                "Lawyers for Common Cause met Mary Wanjiru on Monday. She said the police had beaten her.",
                "She",
                Some("Mary Wanjiru"),
            ),
            (
                "The ministry spokesman denied the report. He said no shots were fired.",
                "He",
                Some("The ministry spokesman"),
            ),
            (
                "Gen. Amadou Diallo met the Red Cross in Gao. He said aid could pass.",
                "He",
                Some("Gen. Amadou Diallo"),
            ),
        ];
        for (text, pronoun, want) in cases {
            let doc = run(text);
            let m = doc.actors.iter().find(|m| doc.slice(m.span) == *pronoun);
            let got = m.and_then(|m| m.refers_to).map(|t| doc.slice(doc.actors[t].span));
            assert_eq!(got, *want, "{text}: {:?}", found(&doc));
            if let Some(t) = m.and_then(|m| m.refers_to) {
                assert!(
                    !matches!(doc.actors[t].kind, ActorKind::Organization | ActorKind::Country),
                    "{text}: {:?}",
                    found(&doc)
                );
            }
        }
        // a made-up body's name with campaign words is an organisation, not a person
        let doc = run("Common Cause said the police had lied.");
        assert_eq!(doc.actors[0].kind, ActorKind::Organization, "{:?}", found(&doc));
    }

    #[test]
    fn focus_country_and_inference() {
        let doc = run("Malian soldiers patrolled Gao. Police arrested two men near Mopti.");
        assert_eq!(doc.focus.country.as_deref(), Some("MLI"));
        assert!(doc
            .focus
            .rules
            .iter()
            .any(|r| r == "actors:most-mentioned-country"));
        let police = doc
            .actors
            .iter()
            .find(|m| doc.slice(m.span) == "Police")
            .unwrap();
        assert_eq!(police.code, "MLICOP");
        assert!(police.rules.iter().any(|r| r == "infer:focus-country"));
        // international agents keep no country; a focus set earlier is kept
        let rec = ActorRecognizer::new(ActorDictionary::embedded());
        let mut doc = sitrep_text::prepare("Aid workers and troops reached the camp.");
        doc.focus.country = Some("SSD".into());
        rec.run(&mut doc);
        let codes: Vec<&str> = doc.actors.iter().map(|m| m.code.as_str()).collect();
        assert_eq!(codes, ["NGO", "SSDMIL"]);
        // the dateline wins over counting
        let mut doc =
            sitrep_text::prepare("French troops and French officials arrived. Rebels fled.");
        doc.article.dateline = Some(sitrep_core::Dateline {
            place: "BAMAKO, Mali".into(),
            agency: None,
            span: Default::default(),
        });
        rec.run(&mut doc);
        assert_eq!(doc.focus.country.as_deref(), Some("MLI"));
        assert_eq!(doc.actors.last().unwrap().code, "MLIREB");
    }

    #[test]
    fn counterpart_and_setting_evidence_against_the_focus() {
        // (text, dateline, phrase, code, rule on the phrase)
        let cases: &[(&str, Option<&str>, &str, &str, &str)] = &[
            // the only country named is the counterpart's: left unset, and said so
            (
                "The cabinet ordered three Belgian envoys to leave the country.",
                None,
                "The cabinet",
                "GOV",
                "infer:no-country:focus-is-counterpart",
            ),
            (
                "Chancellor Weber received Brazilian President Lula da Silva in Vienna.",
                None,
                "Chancellor Weber",
                "GOV",
                "infer:no-country:focus-is-counterpart",
            ),
            (
                "The ministry accused Burundi of arming the militias.",
                None,
                "The ministry",
                "GOV",
                "infer:no-country:focus-is-counterpart",
            ),
            // a country before the agent owns it; domestic rivals are no counterpart
            ("Ghana opened an embassy in Lima.", None, "an embassy", "GHAGOV", "infer:focus-country"),
            (
                "The government freed forty Congolese rebels.",
                None,
                "The government",
                "CODGOV",
                "infer:focus-country",
            ),
            // a quoted source is no one the agent deals with
            (
                "The minister allowed the march according to a Senegalese official.",
                None,
                "The minister",
                "SENGOV",
                "infer:focus-country",
            ),
            // soldiers and police stay with the focus even next to a foreign force
            (
                "Police stopped Turkish troops at the bridge.",
                None,
                "Police",
                "TURCOP",
                "infer:focus-country",
            ),
            (
                "The government deported sixty Eritrean asylum seekers.",
                None,
                "The government",
                "GOV",
                "infer:no-country:focus-is-counterpart",
            ),
            (
                "Gunmen abducted three Turkish engineers near the dam.",
                None,
                "Gunmen",
                "UAF",
                "infer:no-country:focus-is-counterpart",
            ),
            (
                "The coast guard boarded a Greek tanker.",
                None,
                "The coast guard",
                "MIL",
                "infer:no-country:focus-is-counterpart",
            ),
            (
                "The ambassador met Tanzanian opposition leaders.",
                None,
                "The ambassador",
                "GOV",
                "infer:no-country:post-abroad-meets-focus",
            ),
            (
                "Exiled Burmese monks rallied outside the embassy.",
                None,
                "the embassy",
                "MMRGOV",
                "infer:focus-country",
            ),
            (
                "Exiled Cuban students scuffled with police outside the consulate.",
                None,
                "police",
                "COP",
                "infer:no-country:focus-is-counterpart",
            ),
            // a dateline is evidence of its own
            (
                "The government expelled two Dutch diplomats.",
                Some("THE HAGUE, Netherlands"),
                "The government",
                "NLDGOV",
                "infer:focus-country",
            ),
            // gunmen and villagers belong where the sentence is set, not where it is filed
            (
                "Gunmen raided a village in Kenya at dawn.",
                Some("LONDON, Britain"),
                "Gunmen",
                "KENUAF",
                "infer:setting-country",
            ),
        ];
        let rec = ActorRecognizer::new(ActorDictionary::embedded());
        for (text, dateline, phrase, code, rule) in cases {
            let mut doc = sitrep_text::prepare(text);
            if let Some(place) = dateline {
                doc.article.dateline = Some(sitrep_core::Dateline {
                    place: (*place).into(),
                    agency: None,
                    span: Default::default(),
                });
            }
            rec.run(&mut doc);
            let m = doc
                .actors
                .iter()
                .find(|m| doc.slice(m.span) == *phrase)
                .unwrap_or_else(|| panic!("{text}: no {phrase} in {:?}", doc.actors));
            assert_eq!(m.code, *code, "{text}: {:?}", m.rules);
            assert!(m.rules.iter().any(|r| r == rule), "{text}: {:?}", m.rules);
        }
    }

    #[test]
    fn user_dictionary_overrides_and_imported_dates() {
        let mut dict = ActorDictionary::embedded();
        dict.merge_user("[[actor]]\ncode = \"NGAUAF\"\nname = \"Yan Sa Kai\"\ncountry = \"NGA\"\nsector = \"UAF\"\ninter = 4\n", "local.toml").unwrap();
        dict.merge_petrarch_actors(
            "JOHN_DOE_MBEKI_\n\t[ZAFGOV 990614-080924]\n\t[ZAFELI]\n",
            "people.actors",
        )
        .unwrap();
        let rec = ActorRecognizer::new(dict);
        let mut doc =
            sitrep_text::prepare("Yan Sa Kai members attacked herders. John Doe Mbeki spoke.");
        doc.article.published = jiff::civil::Date::new(2004, 3, 1).ok();
        rec.run(&mut doc);
        let got = found(&doc);
        assert!(
            got.iter()
                .any(|(p, c, _, _)| p == "Yan Sa Kai" && c == "NGAUAF"),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|(p, c, _, _)| p == "John Doe Mbeki" && c == "ZAFGOV"),
            "{got:?}"
        );
        assert_eq!(
            doc.actors
                .iter()
                .find(|m| m.code == "NGAUAF")
                .unwrap()
                .acled_inter,
            Some(4)
        );
        doc.article.published = jiff::civil::Date::new(2015, 3, 1).ok();
        doc.actors.clear();
        rec.run(&mut doc);
        assert!(found(&doc)
            .iter()
            .any(|(p, c, _, _)| p == "John Doe Mbeki" && c == "ZAFELI"));
    }

    #[test]
    fn possessives_and_posts_abroad() {
        // (text, phrase, code, rule it must carry)
        let cases: &[(&str, &str, &str, &str)] = &[
            ("Niger recalled its ambassador to France.", "its ambassador", "NERGOV", "coref:possessive:its"),
            ("Hamas said its fighters fired the rockets.", "its fighters", "PSEREB", "coref:possessive:its"),
            ("Hamas said its spokesman was wrong.", "its spokesman", "PSEREB", "coref:possessive:its"),
            ("NATO said its troops would stay.", "its troops", "IGOWSTNATMIL", "coref:possessive:its"),
            ("Kenyan police said the UN mission would stay. Its envoy met the governor.", "Its envoy", "IGOUNO", "coref:possessive:its"),
            ("The Kenyan police said their spokesman was attacked.", "their spokesman", "KENCOP", "coref:possessive:their"),
            ("Chad's ambassador to Sudan was summoned.", "Chad's ambassador", "TCDGOV", "rule:post-abroad-host"),
            ("The U.S. envoy for Sudan arrived.", "The U.S. envoy", "USAGOV", "rule:post-abroad-host"),
        ];
        for (text, phrase, code, rule) in cases {
            let doc = run(text);
            let m = doc
                .actors
                .iter()
                .find(|m| doc.slice(m.span) == *phrase)
                .unwrap_or_else(|| panic!("{text}: no [{phrase}] in {:?}", found(&doc)));
            assert_eq!(m.code, *code, "{text}");
            assert!(m.rules.iter().any(|r| r == rule), "{text}: {:?}", m.rules);
        }
        // the host stays a mention of its own and never lends its country
        let doc = run("Niger recalled its ambassador to France.");
        assert!(found(&doc).iter().any(|(p, c, _, _)| p == "France" && c == "FRA"));
        let doc = run("The ambassador to Mali said the talks failed in Mali.");
        let amb = &doc.actors[0];
        assert_ne!(amb.country.as_deref(), Some("MLI"), "{:?}", found(&doc));
    }

    #[test]
    fn name_fallback_skips_places_dates_and_adjectives() {
        // (text, phrase that must not be an actor)
        let cases: &[(&str, &str)] = &[
            ("The UN withdrew peacekeepers from the Golan Heights.", "Heights"),
            ("Troops were sent to Karabakh after Armenia agreed.", "Karabakh"),
            ("Karabakh remains tense, Armenia said.", "Karabakh"),
            ("Rift Valley residents fled.", "Rift Valley"),
            ("The talks began on Nov. 3 in Geneva.", "Nov"),
            ("Kurdish fighters took the hill.", "Kurdish"),
            ("Imprisoned activists wrote to the court.", "Imprisoned"),
            ("Ilam was quiet, Iranian officials said.", "Ilam"),
        ];
        for (text, phrase) in cases {
            let doc = run(text);
            assert!(
                doc.actors.iter().all(|m| doc.slice(m.span) != *phrase),
                "{text}: [{phrase}] taken for an actor: {:?}",
                found(&doc)
            );
        }
        // names that stay: unknown persons and organisations, full names after "to"
        check(&[
            ("Ecuador granted asylum to Julian Assange.", &[("Julian Assange", "")]),
            ("The MDC rejected the result.", &[("The MDC", "")]),
            ("Tendai Biti said the vote was rigged.", &[("Tendai Biti", "")]),
        ]);
        // --explain says why a name was skipped
        let rec = ActorRecognizer::new(ActorDictionary::embedded());
        let mut doc = sitrep_text::prepare("Karabakh remains tense, Armenia said.");
        doc.explain = true;
        rec.run(&mut doc);
        assert!(doc.trace.iter().any(|t| t.message.contains("name skipped: a place name")));
    }

    #[test]
    fn leaders_capitals_and_protest_codes() {
        let dated = |text: &str, y: i16| {
            let rec = ActorRecognizer::new(ActorDictionary::embedded());
            let mut doc = sitrep_text::prepare(text);
            doc.article.published = jiff::civil::Date::new(y, 6, 1).ok();
            rec.run(&mut doc);
            doc.actors.iter().map(|m| m.code.clone()).collect::<Vec<_>>()
        };
        assert_eq!(dated("Obama met Putin.", 2014), ["USAGOV", "RUSGOV"]);
        assert_eq!(dated("Obama spoke.", 2019), ["USAELI"]);
        assert_eq!(dated("Guterres spoke.", 2020), ["IGOUNO"]);
        check(&[
            ("Washington said the talks failed.", &[("Washington", "USAGOV")]),
            ("Police fired on rioters in Lagos.", &[("rioters in Lagos", "NGACVL")]),
        ]);
        for (text, phrase, inter) in [
            ("Hundreds of Kenyan protesters marched.", "Hundreds of Kenyan protesters", 6),
            ("A mob attacked the station.", "A mob", 5),
            ("Rioters burned cars.", "Rioters", 5),
            ("Demonstrators gathered.", "Demonstrators", 6),
        ] {
            let doc = run(text);
            let m = doc.actors.iter().find(|m| doc.slice(m.span) == phrase).unwrap_or_else(|| panic!("{text}: {:?}", found(&doc)));
            assert_eq!(m.acled_inter, Some(inter), "{text}");
        }
    }

    /// Find the mention written exactly as `phrase`, or fail with what was found.
    fn mention<'d>(doc: &'d Doc, text: &str, phrase: &str) -> &'d sitrep_core::ActorMention {
        doc.actors
            .iter()
            .find(|m| doc.slice(m.span) == phrase)
            .unwrap_or_else(|| panic!("{text}: no [{phrase}] in {:?}", found(doc)))
    }

    #[test]
    fn people_facilities_and_vehicles_as_actors() {
        // (text, phrase, code, rule it must carry or "")
        let cases: &[(&str, &str, &str, &str)] = &[
            ("Guards beat a 35-year-old inmate at the jail.", "a 35-year-old inmate", "CVL", ""),
            ("A five-year-old girl was hurt by a stray bullet.", "A five-year-old girl", "CVL", ""),
            ("Police detained two lecturers in Lagos.", "two lecturers in Lagos", "NGAEDU", "rule:agent-in-country"),
            ("Gunmen raided a police station in Kano.", "a police station in Kano", "NGACOP", ""),
            ("Shells fell on two clinics and a college.", "two clinics", "HLH", ""),
            ("Syrian jets pounded the town.", "Syrian jets", "SYRMIL", ""),
            ("Pirates boarded a cargo ship.", "a cargo ship", "BUS", ""),
            ("Sanctions hit a Moscow-based bank.", "a Moscow-based bank", "RUSBUS", "rule:x-based"),
            ("Troops shelled rebel positions.", "rebel positions", "REB", "rule:owned-facility"),
            ("Militants ambushed police vehicles.", "police vehicles", "COP", "rule:owned-facility"),
            ("Bandits fired on an army patrol.", "an army patrol", "MIL", "rule:owned-facility"),
            ("Gunmen opened fire on a wedding party.", "a wedding party", "CVL", ""),
            ("The jihadists attacked an army camp.", "an army camp", "MIL", "rule:owned-facility"),
            ("Investigators questioned two servicemen.", "two servicemen", "MIL", ""),
            ("Venezuela freed a former presidential candidate.", "a former presidential candidate", "VENPTY", "infer:focus-country"),
            ("The Taliban sent an ultimatum to Washington.", "Washington", "USAGOV", "rule:capital-after-to"),
            ("Under pressure from Washington, the tribunal shelved the case.", "Washington", "USAGOV", "rule:capital-after-from"),
            ("The council weighed a proposal from Kyiv.", "Kyiv", "UKRGOV", "rule:capital-after-from"),
            // capital to capital is sender and addressee, not a stretch of country
            ("A message from Kyiv to Moscow went unanswered.", "Kyiv", "UKRGOV", "rule:capital-after-from"),
            ("A message from Kyiv to Moscow went unanswered.", "Moscow", "RUSGOV", "rule:capital-after-to"),
        ];
        for (text, phrase, code, rule) in cases {
            let doc = run(text);
            let m = mention(&doc, text, phrase);
            assert_eq!(m.code, *code, "{text}");
            assert!(rule.is_empty() || m.rules.iter().any(|r| r == rule), "{text}: {:?}", m.rules);
        }
        // (text, word that must not be, or be inside, any actor)
        let not_actors: &[(&str, &str)] = &[
            ("The think tank criticised the plan.", "tank"),
            ("Fighting spread to Kandahar on Monday.", "Kandahar"),
            // where something came from, not who sent it
            ("The convoy returned from Kabul on Monday.", "Kabul"),
            // "from X to Y" spans a country: both ends are places
            ("Police fired on protests from Nairobi to Kisumu.", "Nairobi"),
            ("Complaints from Nairobi to Kisumu piled up over the levy.", "Nairobi"),
            ("Marchers walked from Mombasa to Nairobi over a week.", "Nairobi"),
            ("The New York Times reported the raid.", "Times"),
        ];
        for (text, word) in not_actors {
            let doc = run(text);
            assert!(
                doc.actors.iter().all(|m| !doc.slice(m.span).contains(word)),
                "{text}: [{word}] became an actor: {:?}",
                found(&doc)
            );
        }
    }

    #[test]
    fn agent_words_modifying_things_are_not_actors() {
        // (text, phrases that must be found, word no mention may contain)
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
        let cases: &[Case] = &[
            ("Russia's military exercises alarmed Kyiv.", &[("Russia", "RUS")], "military"),
            ("Russian military exercises began in the north.", &[("Russian", "RUS")], "military"),
            ("The US cut military aid to the region.", &[("The US", "USA")], "military"),
            ("Police took the men into police custody.", &[("Police", "COP")], "custody"),
        ];
        for (text, want, banned) in cases {
            check(&[(text, want)]);
            let doc = run(text);
            assert!(
                doc.actors.iter().all(|m| !doc.slice(m.span).contains(banned)),
                "{text}: {:?}",
                found(&doc)
            );
        }
        // the same words stay actors where they are the head
        check(&[
            ("The military said it repelled the attack.", &[("The military", "MIL")]),
            ("Army officials denied the report.", &[("Army officials", "MIL")]),
        ]);
    }

    #[test]
    fn titles_before_dictionary_persons_and_title_countries() {
        // (text, phrase, code, rule)
        let cases: &[(&str, &str, &str, &str)] = &[
            ("President Museveni banned the rally.", "President Museveni", "UGAGOV", "rule:title-dict-person"),
            ("Lt. Gen. Abdel Fattah al-Burhan visited the front.", "Lt. Gen. Abdel Fattah al-Burhan", "SDNMIL", "rule:title-dict-person"),
            // no publication date: a current title picks the term of office
            ("President Obama met the king.", "President Obama", "USAGOV", "rule:title-implies-office"),
            ("Former President Obama met the king.", "Former President Obama", "USAELI", "rule:title-dict-person"),
            // titled persons the dictionary does not know
            ("Togo: Interior Minister Kodjo Amevor resigned.", "Interior Minister Kodjo Amevor", "TGOGOV", "infer:title-adjacent-country"),
            ("Interior Minister Kodjo Amevor toured the border in Togo.", "Interior Minister Kodjo Amevor", "TGOGOV", "infer:title-focus-country"),
        ];
        for (text, phrase, code, rule) in cases {
            let doc = run(text);
            let m = mention(&doc, text, phrase);
            assert_eq!(m.code, *code, "{text}");
            assert_eq!(m.kind, ActorKind::Person, "{text}");
            assert!(m.rules.iter().any(|r| r == rule), "{text}: {:?}", m.rules);
        }
        // a dated article: the date decides, not the title
        let rec = ActorRecognizer::new(ActorDictionary::embedded());
        let mut doc = sitrep_text::prepare("President Obama spoke at the summit.");
        doc.article.published = jiff::civil::Date::new(2019, 5, 1).ok();
        rec.run(&mut doc);
        assert_eq!(doc.actors[0].code, "USAELI");
        // an international title gets no country
        let doc = run("Secretary-General Amina Diallo visited Mali.");
        let m = mention(&doc, "", "Secretary-General Amina Diallo");
        assert_eq!(m.country, None);
    }

    #[test]
    fn full_names_after_to_and_from_stay_persons() {
        for (text, phrase) in [
            ("Ecuador granted asylum to Julian Assange, his lawyer said.", "Julian Assange"),
            ("A letter from Julian Assange was read out.", "Julian Assange"),
        ] {
            let doc = run(text);
            let m = mention(&doc, text, phrase);
            assert_eq!(m.kind, ActorKind::Person, "{text}");
            // "his lawyer" is someone else, not a description of Assange
            assert!(!m.rules.iter().any(|r| r == "rule:apposition"), "{text}: {:?}", m.rules);
        }
    }

    #[test]
    fn intergovernmental_and_foreign_forces_are_external() {
        // (text, phrase, ACLED interaction, rule or "")
        let cases: &[(&str, &str, u8, &str)] = &[
            ("NATO troops patrolled the border.", "NATO troops", 8, "infer:igo-force"),
            ("UN peacekeepers were attacked near Gao.", "UN peacekeepers", 8, ""),
            ("French troops killed ten militants in Mali.", "French troops", 8, "infer:foreign-force"),
            ("Russian peacekeepers deployed in Kosovo on Monday.", "Russian peacekeepers", 8, "infer:foreign-force"),
            ("Malian soldiers patrolled Gao in Mali.", "Malian soldiers", 1, ""),
            ("Militias in Mali seized dozens of peacekeepers.", "dozens of peacekeepers", 8, "infer:peacekeepers-external"),
        ];
        for (text, phrase, inter, rule) in cases {
            let doc = run(text);
            let m = mention(&doc, text, phrase);
            assert_eq!(m.acled_inter, Some(*inter), "{text}: {:?}", m.rules);
            assert!(rule.is_empty() || m.rules.iter().any(|r| r == rule), "{text}: {:?}", m.rules);
        }
        // the story is set where things happen: "in Mali" outweighs the first-named country
        let doc = run("French troops killed ten militants in Mali.");
        assert_eq!(doc.focus.country.as_deref(), Some("MLI"));
        // unnamed peacekeepers are not the host country's forces
        let text = "Militias in Mali seized dozens of peacekeepers.";
        let doc = run(text);
        assert_eq!(mention(&doc, text, "dozens of peacekeepers").code, "MIL");
    }

    #[test]
    fn explain_records_rules() {
        let rec = ActorRecognizer::new(ActorDictionary::embedded());
        let mut doc = sitrep_text::prepare("Sudanese soldiers shelled the camp.");
        doc.explain = true;
        rec.run(&mut doc);
        assert!(doc.trace.iter().any(|t| t.stage == "actors"
            && t.message.contains("SDNMIL")
            && t.message.contains("dict:countries:SDN:adj")));
    }

    #[test]
    fn symbols_and_gatherings_do_not_stand_for_their_holder() {
        // (text, word no mention may contain)
        let not_actors: &[(&str, &str)] = &[
            ("Demonstrators hoisted NATO flags outside parliament.", "NATO"),
            ("Marchers waved European Union banners in the square.", "European Union"),
            ("Ministers arrived for the European Union summit on Thursday.", "European Union"),
            ("Supporters held up Putin portraits at the rally.", "Putin"),
            ("Crowds burned Hamas flags in the street.", "Hamas"),
        ];
        for (text, word) in not_actors {
            let doc = run(text);
            assert!(
                doc.actors.iter().all(|m| !doc.slice(m.span).contains(word)),
                "{text}: [{word}] became an actor: {:?}",
                found(&doc)
            );
        }
        // vehicles stand for their holder, a statement is its holder speaking, and the
        // name stays an actor where it heads the phrase
        check(&[
            ("Gunmen ambushed a UN convoy near Bunia.", &[("a UN", "IGOUNO")]),
            ("A Kremlin statement dismissed the report.", &[("A Kremlin", "RUSGOV")]),
            ("NATO said the summit would go ahead.", &[("NATO", "IGOWSTNAT")]),
            ("Protesters waved flags as Hamas fighters withdrew.", &[("Hamas fighters", "PSEREB")]),
        ]);
    }

    #[test]
    fn advocacy_groups_and_watchdogs_are_ngos() {
        check(&[
            ("Press freedom groups denounced the verdict.", &[("Press freedom groups", "NGO")]),
            ("A media watchdog urged the regulator to lift the ban.", &[("A media watchdog", "NGO")]),
            ("Two advocacy groups filed a complaint.", &[("Two advocacy groups", "NGO")]),
            ("Civil society organisations boycotted the talks.", &[("Civil society organisations", "NGO")]),
            ("A human rights organisation documented the abuses.", &[("A human rights organisation", "NGO")]),
        ]);
        check_absent(&[("Press freedom groups denounced the verdict.", &["Press"])]);
    }

    #[test]
    fn pair_phrases_stand_for_the_pair_named_before() {
        // (text, phrase, code, pair rule)
        let cases: &[(&str, &str, &str, &str)] = &[
            ("Kenya and Uganda reopened their border on Monday. The two countries had closed it in March.",
             "The two countries", "KEN", "coref:pair:KEN+UGA"),
            ("Armenia accused Azerbaijan of shelling villages. Both nations deny starting the clashes.",
             "Both nations", "ARM", "coref:pair:ARM+AZE"),
            ("Rwanda and Burundi exchanged envoys, and the two governments agreed to talk.",
             "the two governments", "RWAGOV", "coref:pair:RWA+BDI"),
            ("Police clashed with miners in the valley. Both sides blamed each other.",
             "Both sides", "COP", "coref:pair:COP+LAB"),
            // the sides are the warring pair, not the mediators named after them
            ("Sudan's army and the Rapid Support Forces agreed a truce in talks hosted by Saudi Arabia and the United States. It broke down. Earlier truces between the two warring sides also failed.",
             "the two warring sides", "SDNMIL", "coref:pair:SDNMIL+SDNREB"),
            // the leaders in the order the article introduced them
            ("President Ruto received President Museveni in Nairobi. Museveni thanked Ruto for the visit. The two leaders then met the press.",
             "The two leaders", "KENGOV", "rule:pair-antecedents"),
            // a second pair phrase still orders by the first naming, reached over the
            // mentions output between the two phrases
            ("Ethiopia and Eritrea signed a pact. The two countries opened the border. Weeks later Eritrea accused Ethiopia of massing troops. Both nations recalled their envoys.",
             "Both nations", "ETH", "coref:pair:ETH+ERI"),
        ];
        for (text, phrase, code, rule) in cases {
            let doc = run(text);
            let m = mention(&doc, text, phrase);
            assert_eq!(m.code, *code, "{text}: {:?}", m.rules);
            assert!(m.rules.iter().any(|r| r == rule), "{text}: {:?}", m.rules);
        }
        // no pair to point at: "the two countries" stays an uncoded group of states, "the
        // two sides" is no actor, and "both sides of the border" is a place
        check(&[("The two countries signed a pact.", &[("The two countries", "")])]);
        check_absent(&[
            ("The two sides met in Geneva.", &["The two sides"]),
            ("Chad and Sudan closed the crossing. Troops massed on both sides of the frontier.", &["both sides"]),
        ]);
    }

    #[test]
    fn a_lone_surname_is_the_person_named_before() {
        // (text, surname, phrase of the person it refers to)
        let cases: &[(&str, &str, &str)] = &[
            ("Police detained journalist Amara Diallo in Conakry. Diallo said officers beat him.",
             "Diallo", "journalist Amara Diallo"),
            ("Col. Yusuf al-Hakim led the raid. Hakim said the town was secure.",
             "Hakim", "Col. Yusuf al-Hakim"),
            ("Lawyer Nadia Haddad filed the appeal on Monday. The court rejected it, Haddad told reporters.",
             "Haddad", "Lawyer Nadia Haddad"),
            // the same person named twice is still one person
            ("Senator Grace Wanjiku led the walkout. Grace Wanjiku called the bill unlawful. Wanjiku vowed to fight it.",
             "Wanjiku", "Grace Wanjiku"),
        ];
        for (text, surname, person) in cases {
            let doc = run(text);
            let m = mention(&doc, text, surname);
            assert_eq!(m.kind, ActorKind::Reference, "{text}: {:?}", found(&doc));
            assert!(m.rules.iter().any(|r| r == "coref:surname"), "{text}: {:?}", m.rules);
            let target = &doc.actors[m.refers_to.expect("refers")];
            assert_eq!(doc.slice(target.span), *person, "{text}");
            assert_eq!(m.code, target.code, "{text}");
        }
        // no earlier person of that name: left as it was
        for text in [
            "Diallo said the vote was fair.",
            "Police detained Amara Diallo on Friday. Traore said the arrest was illegal.",
            // two men carry the word, one as surname and one as given name: either may be meant
            "Farmer Ali Bako was stabbed at the market. Police later held Bako Sani, a trader. Bako denied any part in it.",
            // two men with the same surname
            "Soldiers shot Idris Kane at a checkpoint. His cousin Omar Kane was wounded. Kane had no weapon, relatives said.",
        ] {
            let doc = run(text);
            assert!(
                doc.actors.iter().all(|m| !m.rules.iter().any(|r| r == "coref:surname")),
                "{text}: {:?}",
                found(&doc)
            );
        }
    }

    #[test]
    fn participle_after_an_agent_is_its_verb() {
        check(&[
            ("Soldiers jailed protesters.", &[("Soldiers", "MIL"), ("protesters", "OPP")]),
            ("Police detained activists on Sunday.", &[("Police", "COP"), ("activists", "OPP")]),
            ("The detained journalists were freed.", &[("The detained journalists", "MED")]),
        ]);
    }

    #[test]
    fn sentences_full_of_names_are_not_headlines() {
        check(&[
            ("Daniel Mwangi quit Green Belt Alliance in June.",
             &[("Daniel Mwangi", ""), ("Green Belt Alliance", "")]),
        ]);
        let doc = run("Daniel Mwangi quit Green Belt Alliance in June.");
        assert_eq!(mention(&doc, "", "Daniel Mwangi").kind, ActorKind::Person);
        // a title-case headline still says nothing through its capitals
        check_absent(&[
            ("Rebels Seize Town In Northern Mali", &["Rebels Seize Town In Northern"]),
            ("Gunmen Kill Five In Attack On Village", &["Kill Five", "Attack On Village", "Village"]),
        ]);
    }

    #[test]
    fn a_reporting_role_after_a_name_is_no_apposition() {
        let text = "The envoys discussed reform of the United Nations Security Council, officials said.";
        let doc = run(text);
        assert_eq!(mention(&doc, text, "the United Nations Security Council").code, "IGOUNO");
        assert_ne!(mention(&doc, text, "officials").kind, ActorKind::Reference);
    }

    #[test]
    fn unknown_bodies_take_the_sector_of_their_head_word() {
        check(&[
            // the head opens the name before "of"/"for"
            ("The Department of Fisheries suspended the licences.", &[("The Department of Fisheries", "GOV")]),
            ("The Office for Rural Roads denied the report.", &[("The Office for Rural Roads", "GOV")]),
            // a liberation front or army fights a state; a liberation movement is a party
            ("The Azawad National Liberation Front seized two towns.", &[("The Azawad National Liberation Front", "REB")]),
            ("The Popular Liberation Movement won the vote.", &[("The Popular Liberation Movement", "PTY")]),
        ]);
    }

    #[test]
    fn a_region_named_like_a_country_is_no_focus_evidence() {
        // "Niger state" is in Nigeria: it must not make Niger the story's country
        let text = "Bandits raided two villages in Niger state on Sunday. Gunmen also attacked a police post.";
        let doc = run(text);
        let gunmen = mention(&doc, text, "Gunmen");
        assert_ne!(gunmen.country.as_deref(), Some("NER"), "{:?}", gunmen.rules);
        let text = "Gunmen killed ten villagers in Niger state on Sunday.";
        let doc = run(text);
        let villagers = mention(&doc, text, "ten villagers");
        assert_ne!(villagers.country.as_deref(), Some("NER"), "{:?}", villagers.rules);
        // the country itself still counts
        let text = "Bandits raided two villages in Niger on Sunday. Gunmen also attacked a police post.";
        let doc = run(text);
        assert_eq!(mention(&doc, text, "Gunmen").country.as_deref(), Some("NER"));
    }
}
