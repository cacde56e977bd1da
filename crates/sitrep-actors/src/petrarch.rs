//! Import of PETRARCH / Phoenix actor and agent dictionaries, so users with existing
//! dictionaries keep them.
//!
//! Actors: a root line `NAME_WITH_UNDERSCORES [CODE]` (code optional), `+SYNONYM` lines,
//! and tab- or space-indented `[CODE]` / `[CODE YYMMDD-YYMMDD]` / `[CODE <YYMMDD]` /
//! `[CODE >YYMMDD]` lines; several bracketed codes may follow a name on one line. A root
//! without codes shares the codes of the entry that follows it, as in PETRARCH.
//! Agents: `NOUN {PLURAL} [~ROLE]` or `[ROLE~]`, with `!MACRO! = A, B` substitution sets.
//! Comments start with `#` (a line) or ` #` / `;` (rest of a line).

use crate::dict::{plural_of, ActorDictionary, CodeSpec, DatedCode, Entry, EntryKind};
use crate::{sector, DictError};
use jiff::civil::Date;
use std::collections::HashMap;

/// Words that make an imported multi-word name an organisation rather than a person.
const ORG_WORDS: &[&str] = &[
    "ARMY",
    "FORCE",
    "FORCES",
    "PARTY",
    "FRONT",
    "MOVEMENT",
    "COUNCIL",
    "COURT",
    "MINISTRY",
    "UNION",
    "COMMITTEE",
    "ORGANIZATION",
    "ORGANISATION",
    "ASSOCIATION",
    "GROUP",
    "BRIGADE",
    "BRIGADES",
    "AGENCY",
    "COMMISSION",
    "BANK",
    "FUND",
    "LEAGUE",
    "ALLIANCE",
    "GOVERNMENT",
    "POLICE",
    "CORPS",
    "NATIONS",
    "INSTITUTE",
    "FEDERATION",
    "OFFICE",
    "DEPARTMENT",
    "SERVICE",
    "AUTHORITY",
    "ASSEMBLY",
    "PARLIAMENT",
    "CONGRESS",
    "SENATE",
    "COMPANY",
    "CORPORATION",
];

/// Turn an underscore-joined PETRARCH phrase into text form. Names are lowercased and
/// matched with [`crate::dict::CaseRule::AnyUpper`] (some capital in the match, so
/// "al-Qaeda" and "Ban Ki-moon" match but "chad" does not); short all-caps words (a lone
/// word of at most three letters, or a word without a vowel or with dots) stay capitals
/// so acronyms like "UN" or "US" never match ordinary words.
fn phrase_text(raw: &str) -> String {
    let words: Vec<&str> = raw.split(['_', ' ']).filter(|w| !w.is_empty()).collect();
    let single = words.len() == 1;
    let mut out = Vec::with_capacity(words.len());
    for w in &words {
        let lower = w.to_lowercase();
        let has_vowel = lower.chars().any(|c| "aeiouy".contains(c));
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if (single && letters <= 3) || !has_vowel || w.contains('.') {
            out.push(w.to_string());
        } else {
            out.push(lower);
        }
    }
    out.join(" ")
}

/// PETRARCH dates: YYMMDD (two-digit years below 20 are 20xx, as in PETRARCH) or YYYYMMDD.
fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i16 = s[..2].parse().ok()?;
            (if yy < 20 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    let m: i8 = rest[..2].parse().ok()?;
    let d: i8 = rest[2..4].parse().ok()?;
    Date::new(y, m, d).ok()
}

enum Code {
    Default(String),
    Dated(DatedCode),
}

/// Parse the inside of one bracket: `CODE`, `CODE a-b`, `CODE <a`, `CODE >a`.
fn parse_code(inner: &str) -> Result<Code, String> {
    let mut parts = inner.split_whitespace();
    let code = parts.next().ok_or("empty code")?.to_string();
    let rest: String = parts.collect::<Vec<_>>().join("");
    if rest.is_empty() {
        return Ok(Code::Default(code));
    }
    let bad = || format!("date restriction `{rest}` could not be read");
    if let Some(d) = rest.strip_prefix('<') {
        return Ok(Code::Dated(DatedCode {
            code,
            from: None,
            to: Some(parse_date(d).ok_or_else(bad)?),
        }));
    }
    if let Some(d) = rest.strip_prefix('>') {
        return Ok(Code::Dated(DatedCode {
            code,
            from: Some(parse_date(d).ok_or_else(bad)?),
            to: None,
        }));
    }
    let (a, b) = rest.split_once('-').ok_or_else(bad)?;
    let (from, to) = (
        parse_date(a).ok_or_else(bad)?,
        parse_date(b).ok_or_else(bad)?,
    );
    if to < from {
        return Err(format!("end date before start date in `{rest}`"));
    }
    Ok(Code::Dated(DatedCode {
        code,
        from: Some(from),
        to: Some(to),
    }))
}

/// Strip comments: `#` at the start, ` #` or `;` later in the line.
fn strip_comment(line: &str) -> &str {
    let mut end = line.len();
    if let Some(i) = line.find(" #") {
        end = end.min(i);
    }
    if let Some(i) = line.find('#') {
        // "[ELI]# IGOrulers.txt": a hash right after a code also starts a comment
        if i == 0 || line[..i].ends_with(']') {
            end = end.min(i);
        }
    }
    if let Some(i) = line.find(';') {
        end = end.min(i);
    }
    &line[..end]
}

struct Pending {
    root: Option<String>,
    names: Vec<String>,
    defaults: Vec<String>,
    dated: Vec<DatedCode>,
    line: usize,
}

impl ActorDictionary {
    /// Merge a PETRARCH/Phoenix actor dictionary (`NAME [CODE]`, date-bounded codes).
    /// Returns the number of entries added. Malformed date restrictions are skipped, as
    /// PETRARCH does, and listed in [`ActorDictionary::warnings`].
    pub fn merge_petrarch_actors(&mut self, text: &str, origin: &str) -> Result<usize, DictError> {
        let before = self.entries.len();
        let mut cur: Option<Pending> = None;
        let mut waiting: Vec<String> = Vec::new(); // roots without codes, waiting for the next codes
        let mut warn = Vec::new();

        for (ln, raw) in text.lines().enumerate() {
            let line_no = ln + 1;
            if raw.starts_with('#') || raw.starts_with("<!") || raw.trim().is_empty() {
                continue;
            }
            if raw.contains("---STOP---") {
                break;
            }
            let line = strip_comment(raw);
            if line.trim().is_empty() {
                continue;
            }
            let indented = line.starts_with('\t') || line.starts_with(' ');
            let (name_part, code_part) = match line.find('[') {
                Some(i) => (&line[..i], &line[i..]),
                None => (line, ""),
            };
            let mut codes = Vec::new();
            for chunk in code_part.split('[').skip(1) {
                let inner = chunk.split(']').next().unwrap_or("");
                match parse_code(inner) {
                    Ok(c) => codes.push(c),
                    Err(m) => warn.push(DictError {
                        origin: origin.to_string(),
                        line: line_no,
                        message: m,
                    }),
                }
            }
            let apply = |p: &mut Pending, codes: Vec<Code>| {
                for c in codes {
                    match c {
                        Code::Default(c) => p.defaults.push(c),
                        Code::Dated(d) => p.dated.push(d),
                    }
                }
            };
            if indented && name_part.trim().is_empty() {
                // code line for the current entry
                let p = cur.get_or_insert_with(|| Pending {
                    root: None,
                    names: Vec::new(),
                    defaults: Vec::new(),
                    dated: Vec::new(),
                    line: line_no,
                });
                p.names.append(&mut waiting);
                apply(p, codes);
            } else if let Some(syn) = name_part.trim_start().strip_prefix('+') {
                let name = phrase_text(syn.trim());
                match cur.as_mut() {
                    Some(p) => p.names.push(name),
                    None => waiting.push(name),
                }
                if let Some(p) = cur.as_mut() {
                    apply(p, codes);
                }
            } else {
                let name = phrase_text(name_part.trim());
                if name.is_empty() {
                    continue;
                }
                let has_codes = cur
                    .as_ref()
                    .is_some_and(|p| !p.defaults.is_empty() || !p.dated.is_empty());
                if has_codes {
                    self.flush_petrarch(cur.take().unwrap(), origin);
                } else if let Some(p) = cur.take() {
                    waiting.extend(p.names);
                }
                let mut p = Pending {
                    root: Some(name.clone()),
                    names: std::mem::take(&mut waiting),
                    defaults: Vec::new(),
                    dated: Vec::new(),
                    line: line_no,
                };
                p.names.push(name);
                apply(&mut p, codes);
                cur = Some(p);
            }
        }
        if let Some(p) = cur {
            if !p.defaults.is_empty() || !p.dated.is_empty() {
                self.flush_petrarch(p, origin);
            }
        }
        self.warnings.extend(warn);
        Ok(self.entries.len() - before)
    }

    fn flush_petrarch(&mut self, p: Pending, origin: &str) {
        let Some(root) = p.root.clone().or_else(|| p.names.first().cloned()) else {
            return;
        };
        let code = if p.dated.is_empty() {
            CodeSpec::Fixed(p.defaults.last().cloned().unwrap_or_default())
        } else {
            CodeSpec::Dated {
                default: p.defaults.last().cloned(),
                dated: p.dated,
            }
        };
        let any_code = code.resolve(None).unwrap_or("").to_string();
        let country = any_code
            .get(..3)
            .filter(|c| self.country_names.contains_key(*c))
            .map(str::to_string);
        let upper = root.to_uppercase();
        let words: Vec<&str> = upper.split(' ').collect();
        let kind = if any_code.len() == 3 && country.is_some() {
            EntryKind::Country
        } else if words.len() >= 2
            && words.len() <= 4
            && !words.iter().any(|w| ORG_WORDS.contains(w))
            && !any_code.starts_with("IGO")
            && !any_code.starts_with("NGO")
        {
            EntryKind::Person
        } else {
            EntryKind::Organization
        };
        let entry = Entry {
            id: format!("petrarch:{origin}:{}", p.line),
            kind,
            name: root,
            code,
            prefix: false,
            country,
            sector: None, // derived from the resolved code at match time
            inter: None,
            weak: false,
            modifier: false,
            anaphoric: false,
            person: kind == EntryKind::Person,
            abroad: false,
        };
        self.push_with_case(
            entry,
            p.names.into_iter().map(|n| (n, false)),
            crate::dict::CaseRule::AnyUpper,
        );
    }

    /// Merge a PETRARCH/Phoenix agents dictionary (`NOUN [~ROLE]`, `!MACRO!`). Returns the
    /// number of entries added.
    pub fn merge_petrarch_agents(&mut self, text: &str, origin: &str) -> Result<usize, DictError> {
        let before = self.entries.len();
        let mut macros: HashMap<String, Vec<String>> = HashMap::new();
        for (ln, raw) in text.lines().enumerate() {
            let line_no = ln + 1;
            if raw.starts_with('#') || raw.starts_with("<!") || raw.trim().is_empty() {
                continue;
            }
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            let err = |m: String| DictError {
                origin: origin.to_string(),
                line: line_no,
                message: m,
            };
            if line.starts_with('!') && line.contains('=') && !line.contains('[') {
                let (k, v) = line.split_once('=').unwrap();
                let key = k.trim().trim_matches('!').to_string();
                macros.insert(
                    key,
                    v.split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect(),
                );
                continue;
            }
            let Some(open) = line.find('[') else {
                self.warnings
                    .push(err("agent line without a [code]".into()));
                continue;
            };
            let Some(close) = line[open..].find(']').map(|i| open + i) else {
                self.warnings.push(err("missing `]`".into()));
                continue;
            };
            let code = line[open + 1..close].trim();
            let (role, prefix) = if let Some(r) = code.strip_prefix('~') {
                (r, false)
            } else if let Some(r) = code.strip_suffix('~') {
                (r, true)
            } else {
                self.warnings
                    .push(err(format!("agent code `{code}` has no `~`")));
                continue;
            };
            let mut noun = line[..open].trim().to_string();
            let mut plural: Option<String> = None;
            if let Some(b) = noun.find('{') {
                let Some(e) = noun[b..].find('}').map(|i| b + i) else {
                    self.warnings.push(err("missing `}`".into()));
                    continue;
                };
                plural = Some(noun[b + 1..e].trim().to_string());
                noun = format!("{}{}", &noun[..b], &noun[e + 1..])
                    .trim()
                    .to_string();
            }
            // expand one !MACRO! (no plural is formed for macro forms, as in PETRARCH)
            let mut forms: Vec<(String, bool)> = Vec::new();
            if let Some(a) = noun.find('!') {
                let Some(b) = noun[a + 1..].find('!').map(|i| a + 1 + i) else {
                    self.warnings
                        .push(err("unclosed substitution marker".into()));
                    continue;
                };
                let key = &noun[a + 1..b];
                let Some(subs) = macros.get(key) else {
                    self.warnings
                        .push(err(format!("substitution marker !{key}! is not defined")));
                    continue;
                };
                for s in subs {
                    let f = format!("{}{}{}", &noun[..a], s, &noun[b + 1..]);
                    forms.push((
                        agent_text(&f),
                        s.ends_with("EN") || s.ends_with("IES") || s.ends_with("S"),
                    ));
                }
            } else {
                let singular = agent_text(&noun);
                let pl = match plural {
                    Some(p) if p.is_empty() => String::new(),
                    Some(p) => agent_text(&p),
                    None => plural_of(&singular),
                };
                forms.push((singular, false));
                forms.push((pl, true));
            }
            let sec = role.get(..3).unwrap_or(role).to_string();
            let entry = Entry {
                id: format!("petrarch:{origin}:{line_no}"),
                kind: EntryKind::Agent,
                name: forms[0].0.clone(),
                code: CodeSpec::Fixed(role.to_string()),
                prefix,
                country: None,
                sector: sector::is_sector(&sec).then_some(sec),
                inter: None,
                weak: false,
                modifier: false,
                anaphoric: false,
                person: false,
                abroad: false,
            };
            self.push(entry, forms);
        }
        Ok(self.entries.len() - before)
    }
}

/// Agent phrases are generic words: lowercase, words joined by spaces.
fn agent_text(raw: &str) -> String {
    raw.split(['_', ' '])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTORS: &str = "# test dictionary written for sitrep\n\
FREEDONIA_  [FRE]\n\
+FREEDONIAN_\n\
+FREEDONIANS\n\
\n\
RUFUS_T_FIREFLY_  # a made-up leader\n\
\t[FREELI 300101-330101]\n\
\t[FREGOV 330101-351231]\n\
\t[FREELI]\n\
\n\
UN_ [IGOUNO]\n\
U.N._\n\
\n\
UN_SECRETARY_GENERAL\n\
+UN_SECY_GEN\n\
\t[IGOUNO]\n\
CHICOLINI_\t[FREGOV 980101-991231] [IGOUNO >20000101]# two codes on one line\n\
BROKEN_DATE_\n\
\t[FREGOV 2004017-20061201]\n\
\t[FRE]\n";

    #[test]
    fn actors_format() {
        let mut d = ActorDictionary::default();
        d.country_names.insert("FRE".into(), "Freedonia".into());
        let n = d.merge_petrarch_actors(ACTORS, "test.actors").unwrap();
        assert_eq!(n, 6);
        let find = |name: &str| {
            let p = d
                .patterns
                .iter()
                .find(|p| p.text == name)
                .unwrap_or_else(|| panic!("no pattern {name}"));
            &d.entries[p.entry]
        };
        assert_eq!(find("freedonians").code, CodeSpec::Fixed("FRE".into()));
        assert_eq!(find("freedonia").kind, EntryKind::Country);
        let firefly = find("rufus T firefly");
        assert_eq!(firefly.kind, EntryKind::Person);
        assert_eq!(
            firefly.code.resolve(Some(Date::new(1934, 5, 1).unwrap())),
            Some("FREGOV")
        );
        assert_eq!(
            firefly.code.resolve(Some(Date::new(1931, 5, 1).unwrap())),
            Some("FREELI")
        );
        assert_eq!(firefly.code.resolve(None), Some("FREELI"));
        // a root without codes shares the codes of the next entry
        assert_eq!(find("U.N.").code.resolve(None), Some("IGOUNO"));
        assert_eq!(find("UN").code.resolve(None), Some("IGOUNO"));
        assert_eq!(find("un secy gen").code.resolve(None), Some("IGOUNO"));
        let chico = find("chicolini");
        assert_eq!(
            chico.code.resolve(Some(Date::new(1999, 1, 1).unwrap())),
            Some("FREGOV")
        );
        assert_eq!(
            chico.code.resolve(Some(Date::new(2010, 1, 1).unwrap())),
            Some("IGOUNO")
        );
        assert_eq!(chico.code.resolve(None), Some("IGOUNO"));
        // the malformed date line is skipped with a warning, the default survives
        assert_eq!(find("broken date").code.resolve(None), Some("FRE"));
        assert_eq!(d.warnings().len(), 1, "{:?}", d.warnings());
        assert_eq!(d.warnings()[0].line, 19);
    }

    #[test]
    fn agents_format() {
        let text = "!PERSON! = MAN, MEN, WOMAN, WOMEN\n\
POLICE {} [~COP] # no plural\n\
CONGRESS!PERSON! [~LEG]\n\
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n\
HUMAN_RIGHTS_BODY  [NGO~]\n\
TROOP [~MIL]\n";
        let mut d = ActorDictionary::default();
        assert_eq!(d.merge_petrarch_agents(text, "test.agents").unwrap(), 5);
        let texts: Vec<&str> = d.patterns.iter().map(|p| p.text.as_str()).collect();
        for t in [
            "police",
            "congressman",
            "congresswomen",
            "attorney general",
            "attorneys general",
            "human rights bodies",
            "troops",
        ] {
            assert!(texts.contains(&t), "missing {t}: {texts:?}");
        }
        assert!(!texts.contains(&"polices"));
        let e = &d.entries[d
            .patterns
            .iter()
            .find(|p| p.text == "attorney general")
            .unwrap()
            .entry];
        assert_eq!(e.code, CodeSpec::Fixed("GOVATG".into()));
        assert_eq!(e.sector.as_deref(), Some("GOV"));
        let ngo = &d.entries[d
            .patterns
            .iter()
            .find(|p| p.text == "human rights body")
            .unwrap()
            .entry];
        assert!(ngo.prefix);
    }

    #[test]
    fn phrase_case() {
        assert_eq!(phrase_text("AFGHANISTAN_"), "afghanistan");
        assert_eq!(phrase_text("UN_"), "UN");
        assert_eq!(phrase_text("BAN_KI-MOON"), "ban ki-moon");
        assert_eq!(
            phrase_text("ISLAMIC_REPUBLIC_OF_AFGHANISTAN"),
            "islamic republic of afghanistan"
        );
        assert_eq!(
            phrase_text("U.N._SECRETARY_GENERAL"),
            "U.N. secretary general"
        );
    }

    /// The real Phoenix dictionaries, read from ../shared/ref at test time.
    #[test]
    fn phoenix_files_import() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/ref/petrarch2/dictionaries");
        if !dir.exists() {
            eprintln!("skipping: {} not found", dir.display());
            return;
        }
        let mut d = ActorDictionary::embedded();
        for f in [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
        ] {
            let text = String::from_utf8_lossy(&std::fs::read(dir.join(f)).unwrap()).into_owned();
            let n = d.merge_petrarch_actors(&text, f).unwrap();
            assert!(n > 100, "{f}: only {n} entries");
        }
        let text = String::from_utf8_lossy(&std::fs::read(dir.join("Phoenix.agents.txt")).unwrap())
            .into_owned();
        assert!(
            d.merge_petrarch_agents(&text, "Phoenix.agents.txt")
                .unwrap()
                > 500
        );
        let code_of = |t: &str| {
            d.patterns.iter().rev().find(|p| p.text == t).map(|p| {
                d.entries[p.entry]
                    .code
                    .resolve(None)
                    .unwrap_or("")
                    .to_string()
            })
        };
        assert_eq!(code_of("afghanistan").as_deref(), Some("AFG"));
        assert_eq!(code_of("boko haram").as_deref(), Some("NGAREB"));
    }
}
