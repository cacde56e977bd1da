//! Loader for PETRARCH's CAMEO verb dictionary (`CAMEO.2.0.txt`).
//!
//! The format, as this loader reads it:
//! - `&NAME` starts a synonym set; following `+WORD` lines are its members (`_` joins words).
//! - `--- NAME [code] ---` starts a verb block; `[---]` means the block has no default code.
//! - Inside a block, a line `WORD [code] {FORMS}` (or `+MULTI_WORD {+FORMS}`) is a verb;
//!   without `{…}` its regular forms are generated, `{}` means "this form only".
//! - `- PRE * POST [code] # comment` is a pattern for every verb of the block: the words of
//!   `PRE` must occur before the verb and those of `POST` after it, in order; `{A B}` is a
//!   phrase, `(P X)` a prepositional phrase (read as its words in order), `&SET` any member.
//!   `[a:b]` codes take the first non-empty part; `[---]` suppresses the event.
//!   Role markers (`$`, `+`, `^`, `%`) are ignored: roles come from sitrep's own rules.

use crate::inflect::Form;
use crate::lexicon::{Alternatives, Entry, Lexicon, LexiconError, Refinement, Side};
use std::collections::HashMap;

fn word_list(s: &str) -> Vec<Box<str>> {
    s.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase().into_boxed_str())
        .collect()
}

fn parse_code(s: &str) -> Option<String> {
    // "[190]", "[042:043]", "[:173]", "[---]", "[180]---"
    let inner = s.trim().trim_start_matches('[');
    let inner = &inner[..inner.find(']').unwrap_or(inner.len())];
    inner
        .split(':')
        .map(str::trim)
        .find(|p| !p.is_empty())
        .filter(|p| p.bytes().all(|b| b.is_ascii_digit()) && (2..=4).contains(&p.len()))
        .map(str::to_string)
}

struct Block {
    entry: u32,
    default: Option<String>,
}

impl Lexicon {
    /// PETRARCH's CAMEO verb dictionary format (`CAMEO.2.0.txt`), as an alternative lexicon.
    pub fn from_petrarch_verbs(text: &str, origin: &str) -> Result<Self, LexiconError> {
        let mut lex = Lexicon { origin: origin.into(), ..Default::default() };
        let mut sets: HashMap<String, Vec<Vec<Box<str>>>> = HashMap::new();
        let mut current_set: Option<String> = None;
        let mut block: Option<Block> = None;
        // verbs with their own code get their own entry, sharing the block's patterns
        let mut block_members: Vec<u32> = Vec::new();
        let no_irregular = HashMap::new();
        let mut saw_block = false;

        for (lineno, raw) in text.lines().enumerate() {
            let line_no = lineno + 1;
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |m: &str| LexiconError { origin: origin.into(), line: line_no, message: m.into() };
            if let Some(name) = line.strip_prefix('&') {
                if block.is_none() {
                    let name = name.split_whitespace().next().unwrap_or("").trim_end_matches('_').to_string();
                    sets.entry(name.clone()).or_default();
                    current_set = Some(name);
                    continue;
                }
            }
            if line.starts_with("---") {
                let rest = line.trim_start_matches('-').trim();
                let open = rest.find('[').ok_or_else(|| err("verb block header without [code]"))?;
                let name = rest[..open].trim();
                if name.is_empty() {
                    return Err(err("verb block header without a name"));
                }
                let default = parse_code(&rest[open..]);
                saw_block = true;
                current_set = None;
                let entry = lex.entries.len() as u32;
                lex.entries.push(Entry {
                    id: format!("petrarch:{name}"),
                    code: default.clone(),
                    nominal: false,
                    refine: Vec::new(),
                    next: Vec::new(),
                    not_next: Vec::new(),
                    not_prev: Vec::new(),
                    prev: Vec::new(),
                    aid_to_actor: false,
                    casualty: false,
                    recipient: false,
                    object_actor: false,
                    neutral_code: None,
                    complement: None,
                });
                block = Some(Block { entry, default });
                block_members = vec![entry];
                continue;
            }
            if let Some(set) = &current_set {
                if let Some(member) = line.strip_prefix('+') {
                    let w = word_list(member.split_whitespace().next().unwrap_or(""));
                    if !w.is_empty() {
                        sets.get_mut(set).unwrap().push(w);
                    }
                    continue;
                }
            }
            let Some(b) = &block else {
                // header comments, stray lines before the first block: PETRARCH ignores them too
                continue;
            };
            if let Some(pattern) = line.strip_prefix('-') {
                let Some(star) = pattern.find('*') else { continue };
                let close = pattern.rfind('[');
                let (body, code_part) = match close {
                    Some(i) if i > star => (&pattern[..i], &pattern[i..]),
                    _ => (pattern, ""),
                };
                let code = if code_part.is_empty() { b.default.clone() } else { parse_code(code_part) };
                let before = parse_elems(&body[..star], &sets);
                let after = parse_elems(&body[star + 1..], &sets);
                let n = lex.entries[b.entry as usize].refine.len() + 1;
                let id = format!("{}/p{}", lex.entries[b.entry as usize].id, n);
                // a pattern with words on both sides becomes two conditions that must hold;
                // represent it as the after-part with the before-part checked first
                let mut add = |side: Side, elems: Vec<Alternatives>| {
                    if elems.is_empty() {
                        return;
                    }
                    for &m in &block_members {
                        lex.entries[m as usize].refine.push(Refinement { id: id.clone(), side, elems: elems.clone(), code: code.clone(), object: false });
                    }
                };
                match (before.is_empty(), after.is_empty()) {
                    (true, true) => {}
                    (false, true) => add(Side::Before, before),
                    (true, false) => add(Side::After, after),
                    // both sides: the more specific side decides (PETRARCH needs both; we
                    // keep the object side, which carries the meaning in nearly every entry)
                    (false, false) => add(Side::After, after),
                }
                continue;
            }
            // a verb line: WORD [code] {FORMS}
            let (main, forms) = match (line.find('{'), line.find('}')) {
                (Some(o), Some(c)) if c > o => (format!("{} {}", &line[..o], &line[c + 1..]), Some(&line[o + 1..c])),
                _ => (line.to_string(), None),
            };
            let mut parts = main.split_whitespace();
            let Some(word) = parts.next() else { continue };
            let own_code = main.find('[').and_then(|i| parse_code(&main[i..]));
            let multi = word.starts_with('+');
            let w = word_list(word.trim_start_matches('+'));
            if w.is_empty() {
                continue;
            }
            let entry = match own_code {
                Some(c) if Some(&c) != b.default.as_ref() => {
                    let mut e = lex.entries[b.entry as usize].clone();
                    e.id = format!("{}:{}", e.id, w.join("_").to_ascii_uppercase());
                    e.code = Some(c);
                    let i = lex.entries.len() as u32;
                    lex.entries.push(e);
                    block_members.push(i);
                    i
                }
                _ => b.entry,
            };
            match forms {
                Some(f) => {
                    lex.add_surface(entry, w.clone(), Form::Base);
                    for form in f.split_whitespace() {
                        let fw = word_list(form.trim_start_matches('+'));
                        if !fw.is_empty() {
                            lex.add_surface(entry, fw, Form::PastOrParticiple);
                        }
                    }
                }
                None if multi => {
                    lex.add_verb(entry, &w.join(" "), &no_irregular);
                }
                None => lex.add_verb(entry, &w[0], &no_irregular),
            }
        }
        if !saw_block {
            return Err(LexiconError { origin: origin.into(), line: 0, message: "no verb block (`--- NAME [code] ---`) found".into() });
        }
        // entries that can never fire (no default code, no patterns) are dropped from matching
        let dead: Vec<bool> = lex.entries.iter().map(|e| e.code.is_none() && e.refine.iter().all(|r| r.code.is_none())).collect();
        lex.surfaces.retain(|s| !dead[s.entry as usize]);
        Ok(lex)
    }
}

/// Parse one side of a pattern into ordered alternative sets.
fn parse_elems(s: &str, sets: &HashMap<String, Vec<Vec<Box<str>>>>) -> Vec<Alternatives> {
    let mut out = Vec::new();
    let cleaned: String = s.chars().map(|c| if matches!(c, '(' | ')') { ' ' } else { c }).collect();
    let mut phrase: Option<Vec<Box<str>>> = None;
    for tok in cleaned.split_whitespace() {
        if let Some(p) = phrase.as_mut() {
            let t = tok.trim_end_matches('}');
            push_token(t, sets, p, &mut out, true);
            if tok.ends_with('}') {
                let p = phrase.take().unwrap();
                if !p.is_empty() {
                    out.push(Alternatives(vec![p]));
                }
            }
            continue;
        }
        if let Some(t) = tok.strip_prefix('{') {
            let mut p = Vec::new();
            let inner = t.trim_end_matches('}');
            push_token(inner, sets, &mut p, &mut out, true);
            if t.ends_with('}') {
                if !p.is_empty() {
                    out.push(Alternatives(vec![p]));
                }
            } else {
                phrase = Some(p);
            }
            continue;
        }
        let mut dummy = Vec::new();
        push_token(tok, sets, &mut dummy, &mut out, false);
    }
    out
}

/// One pattern token: a word, a synset, or a role marker (ignored). Inside a `{…}` phrase a
/// plain word extends the phrase; a synset inside a phrase is flattened to its own element.
fn push_token(tok: &str, sets: &HashMap<String, Vec<Vec<Box<str>>>>, phrase: &mut Vec<Box<str>>, out: &mut Vec<Alternatives>, in_phrase: bool) {
    if tok.is_empty() || matches!(tok, "$" | "+" | "^" | "%" | "*" | "|") {
        return;
    }
    if let Some(name) = tok.strip_prefix('&') {
        let name = name.trim_end_matches('_');
        if let Some(members) = sets.get(name) {
            if in_phrase && !phrase.is_empty() {
                out.push(Alternatives(vec![std::mem::take(phrase)]));
            }
            if !members.is_empty() {
                out.push(Alternatives(members.clone()));
            }
        }
        return;
    }
    let t = tok.trim_start_matches(['$', '+', '^', '%']);
    let w = word_list(t);
    if w.is_empty() {
        return;
    }
    if in_phrase {
        phrase.extend(w);
    } else {
        out.push(Alternatives(vec![w]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
&WEAPON
+GUN
+ROCKET_LAUNCHER

---  KILL   [190]  ---
KILL
SLAY {SLAYS SLAIN SLAYING}
MURDER [1823]
- * (IN {TRAINING ACCIDENT})      [---]   # KILL
- &WEAPON *                        [183]   # KILL
- * (IN CLASH)                     [193]   # KILL

---  ASK   [---]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
QUESTION
- * EXTRADITION                    [0213]  # ASK
";

    #[test]
    fn reads_blocks_forms_codes_and_patterns() {
        let lex = Lexicon::from_petrarch_verbs(SAMPLE, "sample.txt").unwrap();
        let find = |s: &str| lex.surfaces.iter().find(|x| x.words.join(" ") == s).map(|x| &lex.entries[x.entry as usize]);
        assert_eq!(find("killed").unwrap().code.as_deref(), Some("190"));
        assert_eq!(find("slain").unwrap().code.as_deref(), Some("190"));
        assert!(find("slayed").is_none(), "listed forms replace generated ones");
        assert_eq!(find("murdering").unwrap().code.as_deref(), Some("1823"));
        assert_eq!(find("asked for").unwrap().code.as_deref(), Some("020"));
        let kill = find("kill").unwrap();
        assert_eq!(kill.refine.len(), 3);
        assert_eq!(kill.refine[0].code, None);
        assert_eq!(kill.refine[0].elems.len(), 2, "(IN {{TRAINING ACCIDENT}}) is `in` then the phrase");
        assert_eq!(kill.refine[1].side, Side::Before);
        assert_eq!(kill.refine[1].elems[0].0.len(), 2, "synset expanded");
        // QUESTION has no code and the block's pattern gives 0213, so it can fire
        let q = find("question").unwrap();
        assert_eq!(q.code, None);
        assert_eq!(q.refine[0].code.as_deref(), Some("0213"));
    }

    #[test]
    fn rejects_text_without_blocks() {
        let e = Lexicon::from_petrarch_verbs("just some words\n", "x.txt").unwrap_err();
        assert!(e.to_string().contains("no verb block"));
        let e = Lexicon::from_petrarch_verbs("--- KILL ---\n", "x.txt").unwrap_err();
        assert_eq!(e.line, 1);
    }

    #[test]
    fn codes_parse() {
        assert_eq!(parse_code("[042:043]").as_deref(), Some("042"));
        assert_eq!(parse_code("[:173]").as_deref(), Some("173"));
        assert_eq!(parse_code("[---]"), None);
        assert_eq!(parse_code("[180]---").as_deref(), Some("180"));
    }
}
