//! The trigger lexicon: words and phrases mapped to CAMEO codes, with refinements that pick a
//! finer code from the words around the trigger. Two sources build the same structure:
//! sitrep's own TOML ([`Lexicon::embedded`]) and PETRARCH's verb dictionary
//! ([`Lexicon::from_petrarch_verbs`], in `petrarch.rs`).

use crate::inflect::{self, Form};
use serde::Deserialize;
use std::collections::HashMap;

/// Errors loading a lexicon: which file, which line (0 when unknown), what is wrong.
#[derive(Debug)]
pub struct LexiconError {
    pub origin: String,
    pub line: usize,
    pub message: String,
}
impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.origin, self.line, self.message)
    }
}
impl std::error::Error for LexiconError {}

/// What a trigger that governs another trigger does to it ("agreed to *release*",
/// "threatened to *attack*", "denied *attacking*"). Derived from the CAMEO root of the
/// governing trigger, so PETRARCH's dictionary gets the same behaviour as ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Complement {
    /// 03x: the governed action is intended (future).
    Intent,
    /// 02x/10x: the governed action is asked of the target.
    Request,
    /// 12x: the governed action is refused (negated).
    Reject,
    /// 13x: the governed action is threatened (future).
    Threaten,
    /// 112x: the governed action is alleged (claimed).
    Accuse,
    /// 015: responsibility claimed for the governed action.
    Claim,
    /// 016 / "deny": the governed action is denied (negated).
    Deny,
    /// "ordered the arrest of", "ordered troops to withdraw": an authority's order. Coercive
    /// and investigative actions are coded as the authority's own act; others as a demand.
    Order,
}

impl Complement {
    /// The complement behaviour a code implies, if any.
    pub fn for_code(code: &str) -> Option<Complement> {
        let root = code.get(..2)?;
        Some(match root {
            "03" => Complement::Intent,
            "02" | "10" => Complement::Request,
            "12" => Complement::Reject,
            "13" => Complement::Threaten,
            "11" if code.starts_with("112") => Complement::Accuse,
            "01" if code == "015" => Complement::Claim,
            "01" if code == "016" => Complement::Deny,
            _ => return None,
        })
    }
}

/// One alternative set in a refinement pattern: any of these word sequences.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternatives(pub Vec<Vec<Box<str>>>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The words follow the trigger in its clause (object, complement, prepositional phrase).
    After,
    /// The words precede the trigger in its clause (subject side).
    Before,
}

/// A finer (or suppressed) code when words appear around the trigger, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Refinement {
    pub id: String,
    pub side: Side,
    pub elems: Vec<Alternatives>,
    /// `None` suppresses the event ("attack dog", "killed in a car crash").
    pub code: Option<String>,
    /// The words must be the verb's object: no preposition may come between the trigger and
    /// them ("seized *the port*" is occupation, "seized cocaine *at* the port" is not).
    pub object: bool,
}

/// A trigger entry: everything its surface forms share.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Rule id recorded in `Event::rules` ("lex:attack", "petrarch:KILL").
    pub id: String,
    /// Default code; `None` means "only when a refinement matches".
    pub code: Option<String>,
    /// A noun or noun phrase ("air strike") rather than a verb.
    pub nominal: bool,
    pub refine: Vec<Refinement>,
    /// When non-empty, the words right after the trigger must start with one of these.
    pub next: Vec<Vec<Box<str>>>,
    /// The words right after the trigger must not start with any of these ("strike *a deal*").
    pub not_next: Vec<Vec<Box<str>>>,
    /// The words right before the trigger must not end with any of these ("*heart* attack").
    pub not_prev: Vec<Vec<Box<str>>>,
    /// When non-empty, the words right before the trigger must end with one of these and
    /// the trigger must be a participle: a passive auxiliary ("*was* blown up over").
    pub prev: Vec<Vec<Box<str>>>,
    /// Help given to someone only when an actor gives it and the helped party is not merely
    /// enabled to act ("the storm helped the rebels *advance*"): see the coder.
    pub aid_to_actor: bool,
    /// An actor must follow the trigger, perhaps after a determiner ("helped *the
    /// refugees*", "wants *Putin* to…"): the verb reads as done to someone only then.
    pub object_actor: bool,
    /// Reports harm ("killed", "wounded") rather than an act of its own: folds into another
    /// violent trigger of the same sentence.
    pub casualty: bool,
    /// Explicit complement behaviour; defaults to [`Complement::for_code`].
    pub complement: Option<Complement>,
    /// The subject receives and the actor after "from" gives ("received weapons from X"):
    /// roles swap against the usual subject-acts reading.
    pub recipient: bool,
    /// For a statement verb that accuses only when it concerns a hostile act ("claimed that
    /// rebels had attacked"): the code when it concerns anything else ("claimed that the
    /// talks went well").
    pub neutral_code: Option<String>,
}

/// One surface string of an entry, split into lowercase words.
#[derive(Debug, Clone, PartialEq)]
pub struct Surface {
    pub words: Vec<Box<str>>,
    pub entry: u32,
    pub form: Form,
}

/// Trigger lexicon: words and phrases to CAMEO codes.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    pub(crate) entries: Vec<Entry>,
    pub(crate) surfaces: Vec<Surface>,
    pub(crate) origin: String,
}

const EMBEDDED: &str = include_str!("../data/lexicon.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlLexicon {
    #[serde(default)]
    irregular: HashMap<String, Vec<String>>,
    #[serde(default)]
    sets: HashMap<String, Vec<String>>,
    #[serde(default)]
    verb: Vec<TomlEntry>,
    #[serde(default)]
    noun: Vec<TomlEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlEntry {
    id: String,
    #[serde(default)]
    lemmas: Vec<String>,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: Vec<String>,
    #[serde(default)]
    not_next: Vec<String>,
    #[serde(default)]
    not_prev: Vec<String>,
    #[serde(default)]
    prev: Vec<String>,
    #[serde(default)]
    object_actor: bool,
    #[serde(default)]
    aid_to_actor: bool,
    #[serde(default)]
    complement: Option<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    neutral_code: Option<String>,
    #[serde(default)]
    refine: Vec<TomlRefine>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlRefine {
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    object: bool,
    code: String,
}

fn words(s: &str) -> Vec<Box<str>> {
    s.split_whitespace().map(|w| w.to_ascii_lowercase().into_boxed_str()).collect()
}

fn code_of(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "none" && s != "---").then(|| s.to_string())
}

/// Expand "a|b c|&set" into alternatives; a single-word alternative also matches its plural.
fn alternatives(spec: &str, sets: &HashMap<String, Vec<String>>, origin: &str) -> Result<Alternatives, LexiconError> {
    let mut alts = Vec::new();
    for part in spec.split('|') {
        let part = part.trim();
        if let Some(name) = part.strip_prefix('&') {
            let set = sets.get(name).ok_or_else(|| LexiconError {
                origin: origin.into(),
                line: 0,
                message: format!("unknown set &{name}"),
            })?;
            for member in set {
                push_alt(&mut alts, member);
            }
        } else if !part.is_empty() {
            push_alt(&mut alts, part);
        }
    }
    Ok(Alternatives(alts))
}

fn push_alt(alts: &mut Vec<Vec<Box<str>>>, phrase: &str) {
    let w = words(phrase);
    if w.is_empty() {
        return;
    }
    if let Some(last) = w.last() {
        if last.len() > 2 && last.chars().all(|c| c.is_ascii_alphabetic()) && !last.ends_with('s') {
            let mut pl = w.clone();
            *pl.last_mut().unwrap() = inflect::plural(last).into_boxed_str();
            alts.push(pl);
        }
    }
    alts.push(w);
}

impl Lexicon {
    /// sitrep's own lexicon, compiled into the binary.
    pub fn embedded() -> Self {
        Lexicon::from_toml(EMBEDDED, "sitrep:lexicon.toml").expect("the embedded lexicon parses (tested)")
    }

    /// A lexicon in sitrep's TOML format (see `data/lexicon.toml` for the layout).
    pub fn from_toml(text: &str, origin: &str) -> Result<Self, LexiconError> {
        let parsed: TomlLexicon = toml::from_str(text).map_err(|e| LexiconError {
            origin: origin.into(),
            line: e.span().map(|s| text[..s.start].lines().count()).unwrap_or(0),
            message: e.message().to_string(),
        })?;
        let mut lex = Lexicon { origin: origin.into(), ..Default::default() };
        for (nominal, list) in [(false, &parsed.verb), (true, &parsed.noun)] {
            for e in list {
                let err = |m: String| LexiconError { origin: origin.into(), line: 0, message: format!("entry {}: {m}", e.id) };
                let mut refine = Vec::new();
                for (i, r) in e.refine.iter().enumerate() {
                    let (side, specs) = match (r.after.is_empty(), r.before.is_empty()) {
                        (false, true) => (Side::After, &r.after),
                        (true, false) => (Side::Before, &r.before),
                        _ => return Err(err("a refinement needs exactly one of `after` or `before`".into())),
                    };
                    let elems = specs.iter().map(|s| alternatives(s, &parsed.sets, origin)).collect::<Result<Vec<_>, _>>()?;
                    if r.object && side != Side::After {
                        return Err(err("`object` applies to `after` refinements only".into()));
                    }
                    refine.push(Refinement { id: format!("lex:{}/{}", e.id, i + 1), side, elems, code: code_of(&r.code), object: r.object });
                }
                let complement = match e.complement.as_deref() {
                    None => None,
                    Some(c) => Some(match c {
                        "intent" => Complement::Intent,
                        "request" => Complement::Request,
                        "reject" => Complement::Reject,
                        "threaten" => Complement::Threaten,
                        "accuse" => Complement::Accuse,
                        "claim" => Complement::Claim,
                        "deny" => Complement::Deny,
                        "order" => Complement::Order,
                        other => return Err(err(format!("unknown complement `{other}`"))),
                    }),
                };
                let (casualty, recipient) = match e.role.as_deref() {
                    None => (false, false),
                    Some("casualty") => (true, false),
                    Some("recipient") => (false, true),
                    Some(other) => return Err(err(format!("unknown role `{other}`"))),
                };
                let neutral_code = e.neutral_code.as_deref().and_then(code_of);
                let code = code_of(&e.code);
                if code.is_none() && refine.is_empty() {
                    return Err(err("no code and no refinement: it could never fire".into()));
                }
                if let Some(c) = &code {
                    if !(3..=4).contains(&c.len()) || !c.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(err(format!("`{c}` is not a CAMEO event code")));
                    }
                }
                let entry = lex.entries.len() as u32;
                lex.entries.push(Entry {
                    id: format!("lex:{}", e.id),
                    code,
                    nominal,
                    refine,
                    next: e.next.iter().map(|w| words(w)).collect(),
                    not_next: e.not_next.iter().map(|w| words(w)).collect(),
                    not_prev: e.not_prev.iter().map(|w| words(w)).collect(),
                    prev: e.prev.iter().map(|w| words(w)).collect(),
                    object_actor: e.object_actor,
                    aid_to_actor: e.aid_to_actor,
                    casualty,
                    complement,
                    recipient,
                    neutral_code,
                });
                if nominal {
                    for p in e.phrases.iter().chain(&e.lemmas) {
                        lex.add_noun(entry, p);
                    }
                } else {
                    for l in &e.lemmas {
                        lex.add_verb(entry, l, &parsed.irregular);
                    }
                    for p in &e.phrases {
                        lex.add_surface(entry, words(p), Form::Base);
                    }
                }
                if lex.surfaces.last().is_none_or(|s| s.entry != entry) {
                    return Err(err("no lemmas or phrases".into()));
                }
            }
        }
        Ok(lex)
    }

    /// Add a verb (possibly multiword: the first word inflects, "open fire on").
    /// A leading manner adverb stays as it is and the verb after it inflects ("sexually
    /// assault" → "sexually assaulted").
    pub(crate) fn add_verb(&mut self, entry: u32, lemma: &str, irregular: &HashMap<String, Vec<String>>) {
        let w = words(lemma);
        let at = if w.len() > 1 && w[0].len() > 4 && w[0].ends_with("ly") { 1 } else { 0 };
        let Some(head) = w.get(at) else { return };
        for (form_word, form) in inflect::verb_forms(head, irregular.get(&**head).map(|v| v.as_slice())) {
            let mut ws = w.clone();
            ws[at] = form_word.into_boxed_str();
            self.add_surface(entry, ws, form);
        }
    }

    /// Add a noun phrase, its plural (last word) and, for two words, the hyphenated and
    /// joined spellings ("air strike", "air-strike", "airstrike").
    pub(crate) fn add_noun(&mut self, entry: u32, phrase: &str) {
        let w = words(phrase);
        if w.is_empty() {
            return;
        }
        let mut variants = vec![w.clone()];
        if w.len() == 2 {
            variants.push(vec![format!("{}-{}", w[0], w[1]).into_boxed_str()]);
        }
        for v in variants {
            let last = v.last().unwrap();
            if !last.ends_with('s') || last.ends_with("ss") {
                let mut pl = v.clone();
                *pl.last_mut().unwrap() = inflect::plural(last).into_boxed_str();
                self.add_surface(entry, pl, Form::NounPlural);
            }
            self.add_surface(entry, v, Form::Noun);
        }
    }

    pub(crate) fn add_surface(&mut self, entry: u32, words: Vec<Box<str>>, form: Form) {
        if words.is_empty() {
            return;
        }
        self.surfaces.push(Surface { words, entry, form });
    }

    /// Number of entries (verb blocks / lemma groups / noun groups).
    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// Number of surface strings the matcher will look for.
    pub fn surface_count(&self) -> usize {
        self.surfaces.len()
    }

    /// Where this lexicon came from.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The distinct CAMEO codes this lexicon can produce (default and refined).
    pub fn codes(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .entries
            .iter()
            .flat_map(|e| e.code.iter().cloned().chain(e.refine.iter().filter_map(|r| r.code.clone())))
            .collect();
        v.sort();
        v.dedup();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses_and_is_large() {
        let lex = Lexicon::embedded();
        assert!(lex.entry_count() > 150, "{}", lex.entry_count());
        assert!(lex.surface_count() > 1500, "{}", lex.surface_count());
    }

    #[test]
    fn embedded_lexicon_covers_every_cameo_root() {
        let codes = Lexicon::embedded().codes();
        for root in 1..=20 {
            let r = format!("{root:02}");
            assert!(codes.iter().any(|c| c.starts_with(&r)), "no trigger for CAMEO root {r}");
        }
    }

    #[test]
    fn bad_toml_reports_origin_and_reason() {
        let cases = [
            ("[[verb]]\nid = \"x\"\nlemmas = [\"hit\"]\ncode = \"19x\"\n", "not a CAMEO event code"),
            ("[[verb]]\nid = \"x\"\nlemmas = [\"hit\"]\n", "could never fire"),
            ("[[verb]]\nid = \"x\"\ncode = \"190\"\n", "no lemmas"),
            ("[[verb]]\nid = \"x\"\nlemmas = [\"hit\"]\ncode = \"190\"\ncomplement = \"maybe\"\n", "unknown complement"),
            ("[[verb]]\nid = \"x\"\nlemmas = [\"hit\"]\ncode = \"190\"\nrefine = [{after = [\"&nope\"], code = \"194\"}]\n", "unknown set"),
            ("[[verb]\n", "invalid"),
        ];
        for (text, want) in cases {
            let err = Lexicon::from_toml(text, "user.toml").unwrap_err();
            assert_eq!(err.origin, "user.toml");
            assert!(err.to_string().contains(want), "{want}: {err}");
        }
    }

    #[test]
    fn nouns_get_plural_and_joined_spellings() {
        let lex = Lexicon::from_toml("[[noun]]\nid = \"a\"\nphrases = [\"air strike\"]\ncode = \"195\"\n", "t").unwrap();
        let s: Vec<String> = lex.surfaces.iter().map(|s| s.words.join(" ")).collect();
        for want in ["air strike", "air strikes", "air-strike", "air-strikes"] {
            assert!(s.contains(&want.to_string()), "{want} in {s:?}");
        }
    }

    #[test]
    fn complement_follows_code_root() {
        let table = [
            ("036", Some(Complement::Intent)),
            ("1056", Some(Complement::Request)),
            ("020", Some(Complement::Request)),
            ("120", Some(Complement::Reject)),
            ("138", Some(Complement::Threaten)),
            ("112", Some(Complement::Accuse)),
            ("111", None),
            ("015", Some(Complement::Claim)),
            ("190", None),
        ];
        for (code, want) in table {
            assert_eq!(Complement::for_code(code), want, "{code}");
        }
    }
}
