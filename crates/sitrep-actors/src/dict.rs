//! The actor dictionary: entries, their surface patterns, and sitrep's own TOML format.
//!
//! # Format
//!
//! A dictionary file has up to five sections, all optional; user files use the same
//! format as the embedded defaults (`data/*.toml`) and are merged over them: a pattern
//! that is already known is taken over by the newer entry.
//!
//! ```toml
//! [countries]        # ISO alpha-3 = names, adjectives, demonyms, marker cities
//! SDN = { names = ["Sudan"], adj = ["Sudanese"], people = [], cities = ["Khartoum"] }
//!
//! [agents]           # generic actor words: lowercase singular = sector or table
//! troops = "MIL"
//! militia = { sector = "UAF", inter = 3, anaphoric = true }
//!
//! [titles]           # titles that may precede a name: "Col. Ahmed Musa"
//! "col." = { sector = "MIL", plural = "" }
//!
//! [[actor]]          # named organisations, groups and persons
//! code = "CODREB"
//! name = "M23"
//! aliases = ["March 23 Movement"]
//! country = "COD"
//! sector = "REB"
//!
//! [stop]             # phrases that hide the names inside them
//! phrases = ["Niger Delta"]
//! ```
//!
//! Agent and title values: `sector` (CAMEO role, required), `inter` (ACLED 1-8), `weak`,
//! `modifier`, `anaphoric`, `person`, `plural` (see `data/agents.toml` for what each does).
//! Errors name the file and line and say what is wrong.

use crate::sector;
use crate::DictError;
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// What an entry names, which decides how it combines with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A country or territory name ("Sudan").
    Country,
    /// A country adjective, also a singular demonym ("Sudanese", "Malian").
    Adjective,
    /// A plural (or irregular) demonym ("Malians", "Britons").
    People,
    /// A capital, city or region standing for its country ("Kigali").
    City,
    /// A generic actor word ("troops").
    Agent,
    /// A title that may precede a personal name ("Col.", "President").
    Title,
    /// A named organisation or group ("NATO").
    Organization,
    /// A named person from a dictionary.
    Person,
    /// A phrase that hides the names inside it ("Niger Delta").
    Stop,
}

/// A code limited to a period, as in PETRARCH's `[AFGGOV 791227-861124]`.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// The code of an entry: fixed, or resolved against the article date.
#[derive(Debug, Clone, PartialEq)]
pub enum CodeSpec {
    Fixed(String),
    /// Date-bounded codes plus the unrestricted default, if any.
    Dated {
        default: Option<String>,
        dated: Vec<DatedCode>,
    },
}

impl CodeSpec {
    /// The code in force on `date`. With no date: a period still running (it has a
    /// start and no end), else the default, else the latest-ending code. `None`: the entry has no code then (PETRARCH's null code).
    pub fn resolve(&self, date: Option<Date>) -> Option<&str> {
        match self {
            CodeSpec::Fixed(c) => Some(c),
            CodeSpec::Dated { default, dated } => {
                if let Some(d) = date {
                    let hit = dated
                        .iter()
                        .find(|c| c.from.is_none_or(|f| f <= d) && c.to.is_none_or(|t| d <= t));
                    return hit.map(|c| c.code.as_str()).or(default.as_deref());
                }
                // no date: a period that has begun and not ended is the present one
                if let Some(c) = dated.iter().find(|c| c.from.is_some() && c.to.is_none()) {
                    return Some(&c.code);
                }
                if let Some(c) = default {
                    return Some(c);
                }
                dated
                    .iter()
                    .max_by_key(|c| c.to.unwrap_or(Date::MAX))
                    .map(|c| c.code.as_str())
            }
        }
    }
}

/// One dictionary entry: what it names and how to code it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Rule id recorded on mentions ("dict:countries:SDN", "dict:agents:troops").
    pub id: String,
    pub kind: EntryKind,
    /// Canonical name ("Sudan", "troops", "United Nations").
    pub name: String,
    /// For countries, organisations and persons: the actor code. For agents and titles:
    /// the role appended to a country or organisation code ("MIL", "GOVFRM"), or, with
    /// `prefix`, put before it (PETRARCH's `[NGO~]`).
    pub code: CodeSpec,
    pub prefix: bool,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub inter: Option<u8>,
    pub weak: bool,
    pub modifier: bool,
    pub anaphoric: bool,
    pub person: bool,
    /// The word names a post abroad ("ambassador", "embassy"): a place or country after
    /// "to", "in" or "for" is the host, never the actor's own country.
    pub abroad: bool,
}

/// How the case of a match is checked. Matching itself runs on the lowercased text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// Every upper-case letter of the pattern must be upper case in the article
    /// ("US" never matches "us", "Chad" never "chad"); lowercase letters match either.
    Exact,
    /// The match must contain some capital (imported all-caps names: "al-Qaeda").
    AnyUpper,
}

/// A surface form of an entry, matched on the lowercased text.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub text: String,
    pub entry: usize,
    /// The form is a plural ("troops", "Malians").
    pub plural: bool,
    pub case: CaseRule,
}

/// All actor entries: the embedded defaults plus anything merged over them.
#[derive(Debug, Default, Clone)]
pub struct ActorDictionary {
    pub(crate) entries: Vec<Entry>,
    pub(crate) patterns: Vec<Pattern>,
    /// ISO alpha-3 → canonical country name.
    pub(crate) country_names: BTreeMap<String, String>,
    /// Problems skipped while importing PETRARCH files, which contain a few malformed
    /// lines that PETRARCH itself skips with a warning.
    pub(crate) warnings: Vec<DictError>,
}

const EMBEDDED: &[(&str, &str)] = &[
    ("countries.toml", include_str!("../data/countries.toml")),
    ("agents.toml", include_str!("../data/agents.toml")),
    ("actors.toml", include_str!("../data/actors.toml")),
    ("leaders.toml", include_str!("../data/leaders.toml")),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    #[serde(default)]
    countries: BTreeMap<String, Spanned<CountrySpec>>,
    #[serde(default)]
    agents: BTreeMap<String, Spanned<AgentValue>>,
    #[serde(default)]
    titles: BTreeMap<String, Spanned<AgentValue>>,
    #[serde(default)]
    actor: Vec<Spanned<ActorSpec>>,
    #[serde(default)]
    stop: Option<StopSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountrySpec {
    names: Vec<String>,
    #[serde(default)]
    adj: Vec<String>,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    cities: Vec<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum AgentValue {
    Sector(String),
    Full(AgentSpec),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgentSpec {
    sector: String,
    inter: Option<u8>,
    #[serde(default)]
    weak: bool,
    #[serde(default)]
    modifier: bool,
    #[serde(default)]
    anaphoric: bool,
    #[serde(default)]
    person: bool,
    #[serde(default)]
    abroad: bool,
    plural: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorSpec {
    code: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    sector: Option<String>,
    inter: Option<u8>,
    country: Option<String>,
    kind: Option<String>,
    /// Periods with another code: `[code, from, to]`, dates as YYYY-MM-DD, `to` empty
    /// while the period lasts ("USAGOV" for a president in office, `code` otherwise).
    #[serde(default)]
    terms: Vec<(String, String, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StopSpec {
    phrases: Vec<String>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

/// A CAMEO actor code: upper-case letters, digits and '-' in groups of three.
fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len().is_multiple_of(3)
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

fn valid_iso3(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Regular English plural of a lowercase agent word: the last word is inflected
/// ("aid worker" → "aid workers", "gunman" → "gunmen", "party" → "parties").
pub(crate) fn plural_of(word: &str) -> String {
    let (stem, last) = match word.rfind(' ') {
        Some(i) => (&word[..=i], &word[i + 1..]),
        None => ("", word),
    };
    let last_pl = if let Some(s) = last.strip_suffix("man") {
        format!("{s}men")
    } else if last.ends_with('y')
        && !last.ends_with("ay")
        && !last.ends_with("ey")
        && !last.ends_with("oy")
    {
        format!("{}ies", &last[..last.len() - 1])
    } else if last.ends_with("ss")
        || last.ends_with("sh")
        || last.ends_with("ch")
        || last.ends_with('x')
    {
        format!("{last}es")
    } else if last.ends_with('s') || last.ends_with('.') {
        return String::new();
    } else {
        format!("{last}s")
    };
    format!("{stem}{last_pl}")
}

/// Plural demonyms made from an adjective: "Malian" → "Malians", "Emirati" → "Emiratis".
fn people_of(adj: &str) -> Option<String> {
    (adj.ends_with("an") || adj.ends_with('i')).then(|| format!("{adj}s"))
}

impl ActorDictionary {
    /// sitrep's own default dictionaries, compiled into the binary.
    pub fn embedded() -> Self {
        let mut d = ActorDictionary::default();
        for (origin, text) in EMBEDDED {
            // The embedded files are tested; a failure here is a build defect.
            d.merge_toml(text, origin, "dict")
                .unwrap_or_else(|e| panic!("embedded dictionary: {e}"));
        }
        d
    }

    /// Merge a sitrep-format user dictionary (TOML) over the current entries. Returns the
    /// number of entries added.
    pub fn merge_user(&mut self, text: &str, origin: &str) -> Result<usize, DictError> {
        self.merge_toml(text, origin, &format!("user:{origin}"))
    }

    /// Problems skipped while importing PETRARCH dictionaries.
    pub fn warnings(&self) -> &[DictError] {
        &self.warnings
    }

    /// Number of entries and patterns, for reports.
    pub fn len(&self) -> (usize, usize) {
        (self.entries.len(), self.patterns.len())
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(crate) fn push(&mut self, entry: Entry, forms: impl IntoIterator<Item = (String, bool)>) {
        self.push_with_case(entry, forms, CaseRule::Exact)
    }

    pub(crate) fn push_with_case(
        &mut self,
        entry: Entry,
        forms: impl IntoIterator<Item = (String, bool)>,
        case: CaseRule,
    ) {
        let idx = self.entries.len();
        self.entries.push(entry);
        for (text, plural) in forms {
            if text.trim().is_empty() {
                continue;
            }
            if text.contains('\'') {
                self.patterns.push(Pattern {
                    text: text.replace('\'', "\u{2019}"),
                    entry: idx,
                    plural,
                    case,
                });
            }
            self.patterns.push(Pattern {
                text,
                entry: idx,
                plural,
                case,
            });
        }
    }

    fn merge_toml(&mut self, text: &str, origin: &str, prefix: &str) -> Result<usize, DictError> {
        let err = |offset: usize, message: String| DictError {
            origin: origin.to_string(),
            line: line_of(text, offset),
            message,
        };
        let spec: FileSpec = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|s| s.start).unwrap_or(0);
            err(at, e.message().trim().to_string())
        })?;
        let before = self.entries.len();

        for (iso, c) in &spec.countries {
            let at = c.span().start;
            let c = c.get_ref();
            if !valid_iso3(iso) {
                return Err(err(
                    at,
                    format!(
                        "country key `{iso}` is not an ISO alpha-3 code (three capital letters)"
                    ),
                ));
            }
            let Some(name) = c.names.first() else {
                return Err(err(
                    at,
                    format!("country `{iso}` needs at least one name in `names`"),
                ));
            };
            self.country_names.insert(iso.clone(), name.clone());
            let base = |kind, what: &str| Entry {
                id: format!("{prefix}:countries:{iso}{what}"),
                kind,
                name: name.clone(),
                code: CodeSpec::Fixed(iso.clone()),
                prefix: false,
                country: Some(iso.clone()),
                sector: None,
                inter: None,
                weak: false,
                modifier: false,
                anaphoric: false,
                person: false,
                abroad: false,
            };
            self.push(
                base(EntryKind::Country, ""),
                c.names.iter().map(|n| (n.clone(), false)),
            );
            if !c.adj.is_empty() {
                self.push(
                    base(EntryKind::Adjective, ":adj"),
                    c.adj.iter().map(|n| (n.clone(), false)),
                );
            }
            let people: Vec<(String, bool)> = c
                .adj
                .iter()
                .filter_map(|a| people_of(a))
                .chain(c.people.iter().cloned())
                .map(|p| (p, true))
                .collect();
            if !people.is_empty() {
                self.push(base(EntryKind::People, ":people"), people);
            }
            if !c.cities.is_empty() {
                self.push(
                    base(EntryKind::City, ":city"),
                    c.cities.iter().map(|n| (n.clone(), false)),
                );
            }
        }

        for (section, map, kind) in [
            ("agents", &spec.agents, EntryKind::Agent),
            ("titles", &spec.titles, EntryKind::Title),
        ] {
            for (word, v) in map {
                let at = v.span().start;
                let a = match v.get_ref() {
                    AgentValue::Sector(s) => AgentSpec {
                        sector: s.clone(),
                        inter: None,
                        weak: false,
                        modifier: false,
                        anaphoric: false,
                        person: false,
                        abroad: false,
                        plural: None,
                    },
                    AgentValue::Full(a) => AgentSpec {
                        sector: a.sector.clone(),
                        plural: a.plural.clone(),
                        ..*a
                    },
                };
                if word.trim().is_empty() {
                    return Err(err(at, format!("empty {section} key")));
                }
                if !sector::is_sector(&a.sector) {
                    return Err(err(at, format!("{section} `{word}`: unknown sector `{}` (expected a CAMEO role code such as GOV, MIL, REB, CVL)", a.sector)));
                }
                if let Some(i) = a.inter {
                    if !(1..=8).contains(&i) {
                        return Err(err(at, format!("{section} `{word}`: inter must be an ACLED interaction code 1-8, not {i}")));
                    }
                }
                let plural = a
                    .plural
                    .clone()
                    .unwrap_or_else(|| plural_of(&word.to_ascii_lowercase()));
                let entry = Entry {
                    id: format!("{prefix}:{section}:{word}"),
                    kind,
                    name: word.clone(),
                    code: CodeSpec::Fixed(a.sector.clone()),
                    prefix: false,
                    country: None,
                    sector: Some(a.sector.clone()),
                    inter: a.inter,
                    weak: a.weak,
                    modifier: a.modifier,
                    anaphoric: a.anaphoric,
                    person: a.person || kind == EntryKind::Title,
                    abroad: a.abroad,
                };
                // an all-caps key ("NGO") must be written in capitals: "Ngo" is a name
                let acronym = word.chars().any(|c| c.is_ascii_uppercase())
                    && !word.chars().any(|c| c.is_ascii_lowercase());
                let form = if acronym { word.clone() } else { word.to_ascii_lowercase() };
                self.push(entry, [(form, false), (plural, true)]);
            }
        }

        for a in &spec.actor {
            let at = a.span().start;
            let a = a.get_ref();
            if !valid_code(&a.code) {
                return Err(err(at, format!("actor `{}`: code `{}` is not a CAMEO code (capital letters in groups of three)", a.name, a.code)));
            }
            if a.name.trim().is_empty() {
                return Err(err(at, "actor with an empty name".to_string()));
            }
            if let Some(s) = &a.sector {
                if !sector::is_sector(s) {
                    return Err(err(at, format!("actor `{}`: unknown sector `{s}`", a.name)));
                }
            }
            if let Some(c) = &a.country {
                if !valid_iso3(c) {
                    return Err(err(
                        at,
                        format!(
                            "actor `{}`: country `{c}` is not an ISO alpha-3 code",
                            a.name
                        ),
                    ));
                }
            }
            if let Some(i) = a.inter {
                if !(1..=8).contains(&i) {
                    return Err(err(
                        at,
                        format!("actor `{}`: inter must be 1-8, not {i}", a.name),
                    ));
                }
            }
            let kind = match a.kind.as_deref() {
                None | Some("organization") | Some("organisation") => EntryKind::Organization,
                Some("person") => EntryKind::Person,
                Some(k) => {
                    return Err(err(
                        at,
                        format!(
                            "actor `{}`: kind `{k}` is not `organization` or `person`",
                            a.name
                        ),
                    ))
                }
            };
            let mut dated = Vec::new();
            for (code, from, to) in &a.terms {
                if !valid_code(code) {
                    return Err(err(at, format!("actor `{}`: term code `{code}` is not a CAMEO code", a.name)));
                }
                let day = |d: &str| -> Result<Option<Date>, DictError> {
                    if d.trim().is_empty() {
                        return Ok(None);
                    }
                    d.trim().parse::<Date>().map(Some).map_err(|_| {
                        err(at, format!("actor `{}`: term date `{d}` is not YYYY-MM-DD", a.name))
                    })
                };
                dated.push(DatedCode {
                    code: code.clone(),
                    from: day(from)?,
                    to: day(to)?,
                });
            }
            let code = if dated.is_empty() {
                CodeSpec::Fixed(a.code.clone())
            } else {
                CodeSpec::Dated {
                    default: Some(a.code.clone()),
                    dated,
                }
            };
            let entry = Entry {
                id: format!("{prefix}:actors:{}", a.name),
                kind,
                name: a.name.clone(),
                code,
                prefix: false,
                country: a.country.clone(),
                sector: a.sector.clone(),
                inter: a.inter,
                weak: false,
                modifier: false,
                anaphoric: false,
                person: kind == EntryKind::Person,
                abroad: false,
            };
            let forms: Vec<(String, bool)> = std::iter::once(&a.name)
                .chain(&a.aliases)
                .map(|n| (n.clone(), false))
                .collect();
            self.push(entry, forms);
        }

        if let Some(stop) = &spec.stop {
            for p in &stop.phrases {
                let entry = Entry {
                    id: format!("{prefix}:stop:{p}"),
                    kind: EntryKind::Stop,
                    name: p.clone(),
                    code: CodeSpec::Fixed(String::new()),
                    prefix: false,
                    country: None,
                    sector: None,
                    inter: None,
                    weak: false,
                    modifier: false,
                    anaphoric: false,
                    person: false,
                    abroad: false,
                };
                self.push(entry, [(p.clone(), false)]);
            }
        }
        Ok(self.entries.len() - before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_loads_every_section() {
        let d = ActorDictionary::embedded();
        let has = |text: &str| d.patterns.iter().any(|p| p.text == text);
        for form in [
            "Sudan",
            "Sudanese",
            "Malians",
            "Emiratis",
            "Khartoum",
            "troops",
            "soldiers",
            "militias",
            "gunmen",
            "lt. gen.",
            "NATO",
            "al-Shabaab",
            "Niger Delta",
        ] {
            assert!(has(form), "missing pattern {form}");
        }
        assert!(
            d.country_names.len() >= 240,
            "{} countries",
            d.country_names.len()
        );
        assert_eq!(d.country_names["SDN"], "Sudan");
    }

    #[test]
    fn plurals() {
        for (s, p) in [
            ("soldier", "soldiers"),
            ("militia", "militias"),
            ("party", "parties"),
            ("gunman", "gunmen"),
            ("aid worker", "aid workers"),
            ("business", "businesses"),
            ("troops", ""),
            ("day", "days"),
        ] {
            assert_eq!(plural_of(s), p, "{s}");
        }
    }

    #[test]
    fn user_entries_merge_and_errors_name_the_line() {
        let mut d = ActorDictionary::embedded();
        let n = d
            .merge_user("[agents]\nwarlords = { sector = \"UAF\", inter = 3, plural = \"\" }\n\n[[actor]]\ncode = \"NGAUAF\"\nname = \"Yan Sa Kai\"\ncountry = \"NGA\"\nsector = \"UAF\"\n", "mine.toml")
            .unwrap();
        assert_eq!(n, 2);
        assert!(d
            .entries
            .iter()
            .any(|e| e.id == "user:mine.toml:actors:Yan Sa Kai"));

        let cases: &[(&str, usize, &str)] = &[
            ("[agents]\ntroops = \"SOLDIERS\"\n", 2, "unknown sector"),
            (
                "\n\n[[actor]]\ncode = \"bad\"\nname = \"X\"\n",
                3,
                "not a CAMEO code",
            ),
            (
                "[countries]\nSudan = { names = [\"Sudan\"] }\n",
                2,
                "ISO alpha-3",
            ),
            (
                "[agents]\nmilitia = { sector = \"UAF\", inter = 9 }\n",
                2,
                "1-8",
            ),
            ("[agents]\nx = \"MIL\"\ny = = 3\n", 3, ""),
            (
                "[[actor]]\ncode = \"SDNMIL\"\nname = \"Army\"\ncolour = \"red\"\n",
                4,
                "colour",
            ),
        ];
        for (text, line, what) in cases {
            let e = ActorDictionary::default()
                .merge_user(text, "bad.toml")
                .unwrap_err();
            assert_eq!(e.origin, "bad.toml");
            assert_eq!(e.line, *line, "{text:?}: {e}");
            assert!(e.message.contains(what), "{text:?}: {e}");
        }
    }

    #[test]
    fn dated_codes_resolve_against_the_article_date() {
        let d = |s: &str| Some(s.parse::<Date>().unwrap());
        let spec = CodeSpec::Dated {
            default: Some("AFGELI".into()),
            dated: vec![
                DatedCode {
                    code: "AFGGOV".into(),
                    from: d("1979-12-27"),
                    to: d("1986-11-24"),
                },
                DatedCode {
                    code: "AFGREB".into(),
                    from: d("1990-01-01"),
                    to: None,
                },
            ],
        };
        assert_eq!(spec.resolve(d("1980-06-01")), Some("AFGGOV"));
        assert_eq!(spec.resolve(d("1995-06-01")), Some("AFGREB"));
        assert_eq!(spec.resolve(d("1970-06-01")), Some("AFGELI"));
        // no date: the period still running is the present
        assert_eq!(spec.resolve(None), Some("AFGREB"));
        let ended = CodeSpec::Dated {
            default: Some("AFGELI".into()),
            dated: vec![DatedCode {
                code: "AFGGOV".into(),
                from: d("1979-12-27"),
                to: d("1986-11-24"),
            }],
        };
        assert_eq!(ended.resolve(None), Some("AFGELI"));
        let open = CodeSpec::Dated {
            default: None,
            dated: vec![
                DatedCode {
                    code: "USAGOV".into(),
                    from: None,
                    to: d("2005-01-20"),
                },
                DatedCode {
                    code: "IGOUNO".into(),
                    from: d("2005-05-01"),
                    to: None,
                },
            ],
        };
        assert_eq!(open.resolve(None), Some("IGOUNO"));
        assert_eq!(open.resolve(d("2005-03-01")), None);
    }
}
