//! Word lists the recogniser consults, and the per-sentence word scanner. The lists are
//! sitrep's own; each says why it exists.

use crate::normalize;

/// Prepositions that put the next name in the role of a location ("in Goma", "near Samarra").
pub const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "into",
    "from",
    "to",
    "toward",
    "towards",
    "across",
    "around",
    "throughout",
    "through",
    "within",
    "via",
    "off",
    "along",
    "on",
    "over",
    "nearby",
    "beyond",
    "en",
    "entered",
    "reached",
    "besieged",
    "stormed",
    "captured",
    "shelled",
    "bombed",
];

/// Nouns in "the town of X" / "X province": they say X is a place and of what sort.
pub const PLACE_NOUNS_CITY: &[&str] = &[
    "town",
    "city",
    "village",
    "capital",
    "port",
    "suburb",
    "suburbs",
    "outskirts",
    "neighbourhood",
    "neighborhood",
    "enclave",
    "camp",
    "hamlet",
    "settlement",
    "township",
    "locality",
    "commune",
    "market",
    "towns",
    "villages",
    "cities",
];
pub const PLACE_NOUNS_REGION: &[&str] = &[
    "district",
    "province",
    "region",
    "state",
    "governorate",
    "county",
    "area",
    "municipality",
    "prefecture",
    "department",
    "zone",
    "valley",
    "peninsula",
    "island",
    "islands",
    "territory",
    "provinces",
    "regions",
    "states",
    "districts",
    "oblast",
    "division",
    "countryside",
];

/// Nouns for a part of a town or area: "the Shujaiya district of Gaza" names a place known
/// only through its parent.
pub const PART_NOUNS: &[&str] = &[
    "district",
    "neighbourhood",
    "neighborhood",
    "quarter",
    "suburb",
    "area",
    "sector",
    "camp",
    "borough",
    "section",
    "ward",
];

/// Direction words that, before a country or region, name a part of it ("northern Mali").
pub const DIRECTIONS: &[(&str, f32, f32)] = &[
    // (word, share of the way to the northern edge, share to the eastern edge); -1..1
    ("north", 0.5, 0.0),
    ("northern", 0.5, 0.0),
    ("south", -0.5, 0.0),
    ("southern", -0.5, 0.0),
    ("east", 0.0, 0.5),
    ("eastern", 0.0, 0.5),
    ("west", 0.0, -0.5),
    ("western", 0.0, -0.5),
    ("northeast", 0.5, 0.5),
    ("northeastern", 0.5, 0.5),
    ("northwest", 0.5, -0.5),
    ("northwestern", 0.5, -0.5),
    ("southeast", -0.5, 0.5),
    ("southeastern", -0.5, 0.5),
    ("southwest", -0.5, -0.5),
    ("southwestern", -0.5, -0.5),
    ("central", 0.0, 0.0),
];

/// Titles and roles that precede a person's name, not a place ("President Jordan", "Gen. Paris").
pub const PERSON_TITLES: &[&str] = &[
    "president",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "gen",
    "general",
    "col",
    "colonel",
    "capt",
    "captain",
    "lt",
    "lieutenant",
    "sgt",
    "sergeant",
    "maj",
    "sheikh",
    "shaikh",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "senator",
    "sen",
    "rep",
    "judge",
    "cardinal",
    "bishop",
    "imam",
    "ayatollah",
    "commander",
    "secretary",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "lord",
    "sir",
    "minister",
    "premier",
    "chancellor",
    "mullah",
    "emir",
    "sultan",
    "brig",
    "brigadier",
    "marshal",
    "admiral",
    "adm",
    "sultan",
    "pastor",
    "father",
    "rev",
    "reverend",
    "professor",
    "prof",
    "mp",
    "deputy",
    "leader",
    "chairman",
    "chief",
    "warlord",
];

/// Capitalised nouns that may follow a place name without making it part of another name
/// ("Goma Airport", "Kirkuk Police", "Herat Province").
pub const PLACE_FOLLOWERS: &[&str] = &[
    "airport",
    "province",
    "governorate",
    "district",
    "region",
    "state",
    "city",
    "port",
    "stadium",
    "mosque",
    "bridge",
    "camp",
    "hospital",
    "prison",
    "jail",
    "market",
    "square",
    "road",
    "highway",
    "street",
    "police",
    "governor",
    "mayor",
    "council",
    "station",
    "base",
    "airbase",
    "river",
    "valley",
    "border",
    "crossing",
    "checkpoint",
    "refinery",
    "dam",
    "hotel",
    "church",
    "palace",
    "barracks",
    "university",
    "county",
    "municipality",
    "area",
    "town",
    "village",
    "strip",
    "prefecture",
    "department",
    "oblast",
    "island",
    "islands",
    "peninsula",
    "metropolitan",
    "residents",
    "authorities",
    "officials",
    "province's",
    "governorate's",
];

/// Words that are never read as places, whatever precedes them: month names (added from
/// `sitrep_text::words`, see `never_places`), and names of groups, agencies and peoples that
/// GeoNames also lists as some village.
pub const NEVER_PLACES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "taliban",
    "xinhua",
    "reuters",
    "uighur",
    "uyghur",
    "kurd",
    "kurds",
    "pashtun",
    "tamil",
    "hutu",
    "tutsi",
    "fulani",
    "houthi",
    "houthis",
    "hezbollah",
    "hamas",
    "supreme",
    "vice",
    "ramadan",
    "christmas",
    "easter",
];

/// Lowercase particles of Arabic, Dutch, German and Romance personal names ("bin Salman").
pub const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "abu", "umm", "van", "von", "der", "da", "dos", "del", "al",
];

/// Function words that may follow a place name without joining it to a longer name.
pub const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "but",
];

/// Capitalised words that are also the names of some town or area but, in English news,
/// are almost always something else: accepted as places only with a locative cue.
pub const COMMON_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "against",
    "ago",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "during",
    "each",
    "even",
    "every",
    "few",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "many",
    "may",
    "me",
    "meanwhile",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "never",
    "new",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "per",
    "same",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    // days, months, seasons
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "spring",
    "summer",
    "autumn",
    "winter",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    // directions and position words
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "upper",
    "lower",
    "middle",
    "centre",
    "center",
    "nord",
    "sud",
    "est",
    "ouest",
    "top",
    "bottom",
    "front",
    "border",
    "coast",
    // roles, institutions, news words
    "police",
    "army",
    "military",
    "government",
    "union",
    "unity",
    "justice",
    "security",
    "peace",
    "independence",
    "liberty",
    "freedom",
    "victory",
    "progress",
    "hope",
    "salvation",
    "friendship",
    "democracy",
    "republic",
    "congress",
    "parliament",
    "assembly",
    "council",
    "court",
    "party",
    "president",
    "minister",
    "general",
    "governor",
    "mayor",
    "chief",
    "king",
    "queen",
    "prince",
    "commander",
    "officer",
    "officers",
    "soldiers",
    "troops",
    "forces",
    "rebels",
    "militants",
    "fighters",
    "people",
    "residents",
    "witnesses",
    "officials",
    "sources",
    "reports",
    "report",
    "news",
    "agency",
    "press",
    "media",
    "radio",
    "television",
    "times",
    "post",
    "herald",
    "daily",
    "world",
    "international",
    "national",
    "state",
    "states",
    "federal",
    "national",
    "royal",
    "democratic",
    "popular",
    "liberation",
    "front",
    "movement",
    "alliance",
    "coalition",
    "league",
    "association",
    "organisation",
    "organization",
    "committee",
    "commission",
    "office",
    "ministry",
    "department",
    "bureau",
    "service",
    "services",
    "guard",
    "guards",
    "brigade",
    "battalion",
    "division",
    "corps",
    "command",
    "mission",
    "force",
    "task",
    "operation",
    "operations",
    "islamic",
    "christian",
    "muslim",
    "jewish",
    "catholic",
    "orthodox",
    "sunni",
    "shia",
    "shiite",
    "allah",
    "god",
    "church",
    "mosque",
    "temple",
    "school",
    "university",
    "college",
    "hospital",
    "airport",
    "station",
    "market",
    "bridge",
    "road",
    "street",
    "square",
    "camp",
    "base",
    "port",
    "city",
    "town",
    "village",
    "district",
    "province",
    "region",
    "area",
    "zone",
    "county",
    // ordinary words that are also GeoNames places somewhere
    "mobile",
    "reading",
    "split",
    "nice",
    "bath",
    "orange",
    "ocean",
    "paradise",
    "buffalo",
    "eagle",
    "commerce",
    "opportunity",
    "energy",
    "oil",
    "gas",
    "gold",
    "silver",
    "diamond",
    "iron",
    "coal",
    "salt",
    "sugar",
    "cotton",
    "lakes",
    "lake",
    "rivers",
    "river",
    "delta",
    "plateau",
    "bay",
    "valley",
    "mountain",
    "mountains",
    "hill",
    "hills",
    "island",
    "islands",
    "sea",
    "gulf",
    "cape",
    "point",
    "rock",
    "sandy",
    "green",
    "white",
    "black",
    "red",
    "blue",
    "brown",
    "gray",
    "grey",
    "young",
    "little",
    "big",
    "long",
    "short",
    "high",
    "low",
    "good",
    "best",
    "great",
    "grand",
    "fair",
    "fairfield",
    "lincoln",
    "franklin",
    "washington",
    "clinton",
    "jackson",
    "madison",
    "monroe",
    "hamilton",
    "marion",
    "trump",
    "obama",
    "bush",
    "biden",
    "carter",
    "kennedy",
    "independent",
    "liberal",
    "conservative",
    "labour",
    "labor",
    "socialist",
    "communist",
    "western",
    "eastern",
    "christmas",
    "easter",
    "ramadan",
    "eid",
    "day",
    "week",
    "month",
    "year",
    "morning",
    "evening",
    "night",
    "afternoon",
    "noon",
    "midnight",
    "dawn",
    "early",
    "late",
    "human",
    "rights",
    "watch",
    "amnesty",
    "red",
    "cross",
    "crescent",
    "aid",
    "relief",
    "food",
    "program",
    "programme",
    "fund",
    "bank",
    "trade",
    "market",
    "markets",
    "stock",
    "exchange",
    "africa",
    "asia",
    "europe",
    "america",
    "americas",
    "god",
    "mercy",
    "victoria",
    "darwin",
    "hope",
    "charity",
    "industry",
    "colony",
    "sun",
    "moon",
    "star",
    "fort",
    "accord",
    "concord",
    "harmony",
    "patriot",
    "change",
    "reserve",
    "save",
    "side",
    "line",
    "gaming",
    "hall",
    "wells",
    "ford",
    "smith",
    "roberts",
    "morris",
    "hammond",
    "julian",
    "kim",
    "hassan",
    "salman",
    "mandela",
    "nixon",
    "theresa",
    "sanchez",
    "molina",
    "justice",
    "yale",
];

/// Words that end a clause for event location ("…, while …").
pub const CLAUSE_OPENERS: &[&str] = &[
    "and",
    "but",
    "while",
    "whereas",
    "as",
    "after",
    "before",
    "when",
    "which",
    "who",
    "where",
    "although",
    "though",
    "said",
    "says",
    "according",
    "citing",
    "adding",
    "amid",
    "since",
    "because",
    "so",
    "following",
];

/// `NEVER_PLACES` plus every month name and abbreviation ("in March" is a date).
pub fn never_places() -> std::collections::HashSet<u64> {
    hashes_of(NEVER_PLACES.iter().copied().chain(sitrep_text::words::month_words()))
}

/// `COMMON_WORDS` plus the full month names (capitalised, they still are not places).
pub fn common_words() -> std::collections::HashSet<u64> {
    hashes_of(COMMON_WORDS.iter().copied().chain(sitrep_text::words::MONTHS))
}

fn hashes_of<'a>(words: impl Iterator<Item = &'a str>) -> std::collections::HashSet<u64> {
    words.map(|w| normalize::key_hash(&normalize::normalize(w))).collect()
}

pub fn hashes(words: &[&str]) -> std::collections::HashSet<u64> {
    words
        .iter()
        .map(|w| normalize::key_hash(&normalize::normalize(w)))
        .collect()
}

/// How a word is joined to the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joiner {
    /// Spaces only: the two may form one name ("Addis Ababa").
    Space,
    /// A hyphen: "Port-au-Prince", or "Goma-based".
    Hyphen,
    /// The dot of an initialism ("U.S.").
    Dot,
    /// Punctuation or nothing: a name cannot continue.
    Break,
}

/// A word of a sentence with cheap flags.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// Byte range in the article text, without a possessive "'s".
    pub start: usize,
    pub end: usize,
    /// Range of the normalised form in [`Scan::norm`].
    pub n0: usize,
    pub n1: usize,
    /// First letter uppercase.
    pub cap: bool,
    /// Every letter uppercase (and more than one letter).
    pub all_caps: bool,
    /// Ended in "'s".
    pub possessive: bool,
    pub joiner: Joiner,
    /// Text between this word and the previous one (trimmed of spaces) is a comma.
    pub comma_before: bool,
    /// First word of the sentence (after any opening quote or bracket).
    pub initial: bool,
}

/// The words of one sentence, reusing buffers across sentences.
#[derive(Debug, Default)]
pub struct Scan {
    pub words: Vec<Word>,
    pub norm: String,
}

impl Scan {
    pub fn norm(&self, w: usize) -> &str {
        let w = &self.words[w];
        &self.norm[w.n0..w.n1]
    }

    /// Split `text[start..end]` into words.
    pub fn scan(&mut self, text: &str, start: usize, end: usize) {
        self.words.clear();
        self.norm.clear();
        let s = &text[start..end];
        let mut i = 0;
        let mut last_end = 0;
        let mut first = true;
        while i < s.len() {
            let c = s[i..].chars().next().unwrap_or(' ');
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
            let ws = i;
            let mut we = i;
            let mut it = s[i..].char_indices().peekable();
            while let Some((j, d)) = it.next() {
                if d.is_alphanumeric() {
                    we = i + j + d.len_utf8();
                } else if normalize::is_apostrophe(d)
                    && it.peek().is_some_and(|&(_, n)| n.is_alphanumeric())
                {
                    continue;
                } else {
                    break;
                }
            }
            let raw = &s[ws..we];
            let mut wend = we;
            let mut possessive = false;
            for suffix in ["'s", "’s", "'S"] {
                if raw.len() > suffix.len() + 1 && raw.ends_with(suffix) {
                    wend = we - suffix.len();
                    possessive = true;
                    break;
                }
            }
            let between = &s[last_end..ws];
            let comma_before = !first && between.trim() == ",";
            // Join kind of the previous word.
            if let Some(prev) = self.words.last_mut() {
                prev.joiner = if prev.possessive {
                    Joiner::Break
                } else if between.chars().all(|c| c == ' ') && !between.is_empty() {
                    Joiner::Space
                } else if between == "-" || between == "‑" {
                    Joiner::Hyphen
                } else if between == "." && prev.end - prev.start == 1 {
                    Joiner::Dot
                } else {
                    Joiner::Break
                };
            }
            let word = &s[ws..wend];
            let cap = word.chars().next().is_some_and(|c| c.is_uppercase());
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            let all_caps = letters > 1 && word.chars().all(|c| !c.is_lowercase());
            let n0 = self.norm.len();
            normalize::normalize_into(word, &mut self.norm);
            let n1 = self.norm.len();
            let initial = first && between.chars().all(|c| !c.is_alphanumeric());
            self.words.push(Word {
                start: start + ws,
                end: start + wend,
                n0,
                n1,
                cap,
                all_caps,
                possessive,
                joiner: Joiner::Break,
                comma_before,
                initial,
            });
            first = false;
            last_end = we;
            i = we;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_marks_joins_and_possessives() {
        let t = "Goma-based rebels seized Port-au-Prince's port, U.S. officials said in São Paulo.";
        let mut s = Scan::default();
        s.scan(t, 0, t.len());
        let w: Vec<&str> = s.words.iter().map(|w| &t[w.start..w.end]).collect();
        assert_eq!(
            w,
            [
                "Goma",
                "based",
                "rebels",
                "seized",
                "Port",
                "au",
                "Prince",
                "port",
                "U",
                "S",
                "officials",
                "said",
                "in",
                "São",
                "Paulo"
            ]
        );
        assert_eq!(s.words[0].joiner, Joiner::Hyphen);
        assert_eq!(s.words[4].joiner, Joiner::Hyphen);
        assert!(s.words[6].possessive);
        assert_eq!(s.words[6].joiner, Joiner::Break);
        assert!(s.words[8].comma_before);
        assert_eq!(s.words[8].joiner, Joiner::Dot);
        assert_eq!(s.norm(13), "sao");
        assert!(s.words[0].initial && !s.words[1].initial);
    }
}

/// Countries (ISO alpha-2) whose first-level units English news calls by this word: "Niger
/// state" is in Nigeria, "Atlantique department" in Benin, "Donetsk oblast" in Ukraine.
/// `None` for words many countries use ("region", "district").
pub fn unit_countries(noun: &str) -> Option<&'static [&'static str]> {
    Some(match noun {
        "state" | "states" => &["NG", "IN", "US", "SD", "SS", "MX", "BR", "MY", "MM", "AU", "VE", "DE", "AT", "ET", "SO"],
        "province" | "provinces" => &[
            "AF", "PK", "IR", "CN", "CD", "CA", "AR", "ZA", "ZM", "MZ", "TH", "VN", "PH", "ID", "TR", "KR", "CU", "DO",
            "EC", "BI", "RW", "AO", "PG", "NL", "ES", "IT", "BE", "LK", "NP", "LA", "KH", "SA", "DZ", "GA", "CG", "TD",
        ],
        "department" | "departments" => &["FR", "BJ", "CO", "BO", "PY", "UY", "HN", "GT", "SV", "NI", "HT"],
        "governorate" | "governorates" => &["EG", "IQ", "SY", "JO", "YE", "LB", "TN", "OM", "KW", "BH", "PS"],
        "oblast" | "oblasts" => &["UA", "RU", "KZ", "KG", "BY"],
        _ => return None,
    })
}
