//! Regular English inflection for trigger lemmas, so the lexicon lists a verb once
//! ("attack") and matches "attacks", "attacked", "attacking". Irregular forms come from the
//! lexicon's `[irregular]` table.

/// The grammatical form a surface string was generated as. Roles and modality use it:
/// a past participle after "was" is passive, an "-ing" form after "the" is a noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    Base,
    ThirdPerson,
    Past,
    /// Past or past participle (regular verbs share one form).
    PastOrParticiple,
    Participle,
    Gerund,
    Noun,
    NounPlural,
}

/// Two-or-more-syllable verbs with final stress, which double their last consonant
/// ("expelled", "patrolled"). One-syllable verbs are detected by rule.
const FINAL_STRESS: &[&str] = &[
    "abet", "acquit", "admit", "commit", "compel", "confer", "control", "deter", "embed", "equip",
    "expel", "occur", "omit", "patrol", "prefer", "propel", "rebel", "refer", "regret", "repel",
    "submit", "transfer", "unplug", "outwit", "forbid", "permit", "remit", "rebut", "annul",
    // British-style doubling that news wires use for these
    "kidnap", "worship",
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Count vowel groups as a cheap syllable estimate.
fn vowel_groups(w: &[u8]) -> usize {
    let mut n = 0;
    let mut prev = false;
    for &c in w {
        let v = is_vowel(c) || c == b'y' && n > 0;
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    n
}

/// Whether the final consonant doubles before -ed/-ing ("ban" → "banned").
fn doubles(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < 3 {
        return false;
    }
    let (c1, v, c2) = (b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]);
    let cvc = !is_vowel(c1) && is_vowel(v) && !is_vowel(c2) && !matches!(c2, b'w' | b'x' | b'y');
    cvc && (vowel_groups(b) == 1 || FINAL_STRESS.contains(&w))
}

pub fn third_person(w: &str) -> String {
    let b = w.as_bytes();
    if w.ends_with('s') || w.ends_with('x') || w.ends_with('z') || w.ends_with("ch") || w.ends_with("sh") {
        format!("{w}es")
    } else if w.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ies", &w[..w.len() - 1])
    } else if w.ends_with('o') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

pub fn past(w: &str) -> String {
    let b = w.as_bytes();
    if w.ends_with('e') {
        format!("{w}d")
    } else if w.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ied", &w[..w.len() - 1])
    } else if doubles(w) {
        format!("{w}{}ed", &w[w.len() - 1..])
    } else {
        format!("{w}ed")
    }
}

pub fn gerund(w: &str) -> String {
    if w.ends_with("ie") {
        format!("{}ying", &w[..w.len() - 2])
    } else if w.ends_with('e') && !w.ends_with("ee") && !w.ends_with("ye") && !w.ends_with("oe") && w.len() > 2 {
        format!("{}ing", &w[..w.len() - 1])
    } else if doubles(w) {
        format!("{w}{}ing", &w[w.len() - 1..])
    } else {
        format!("{w}ing")
    }
}

/// Plural of a noun's last word ("clash" → "clashes", "militia" → "militias").
pub fn plural(w: &str) -> String {
    third_person(w)
}

/// Every surface form of a verb lemma with its grammatical form. `irregular` holds the
/// lemma's listed past and participle forms, when it has any.
pub fn verb_forms(lemma: &str, irregular: Option<&[String]>) -> Vec<(String, Form)> {
    let mut out = vec![(lemma.to_string(), Form::Base), (third_person(lemma), Form::ThirdPerson), (gerund(lemma), Form::Gerund)];
    match irregular {
        Some(forms) if !forms.is_empty() => {
            // first listed form is the simple past, the second (if any) the participle
            let past = &forms[0];
            let part = forms.get(1).unwrap_or(past);
            if past == part {
                out.push((past.clone(), Form::PastOrParticiple));
            } else {
                out.push((past.clone(), Form::Past));
                out.push((part.clone(), Form::Participle));
            }
            for extra in forms.iter().skip(2) {
                out.push((extra.clone(), Form::PastOrParticiple));
            }
        }
        _ => {
            out.push((past(lemma), Form::PastOrParticiple));
            // British spelling doubles a final l after one vowel: "cancelled", "labelling"
            let b = lemma.as_bytes();
            if b.len() > 3 && lemma.ends_with('l') && is_vowel(b[b.len() - 2]) && !is_vowel(b[b.len() - 3]) && !doubles(lemma) {
                out.push((format!("{lemma}led"), Form::PastOrParticiple));
                out.push((format!("{lemma}ling"), Form::Gerund));
            }
        }
    }
    // "cut", "hit", "set": keep the past reading, which allows the passive and needs no subject
    out.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

impl PartialOrd for Form {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Form {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (*self as u8).cmp(&(*other as u8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_spelling_rules() {
        let table = [
            ("attack", "attacks", "attacked", "attacking"),
            ("seize", "seizes", "seized", "seizing"),
            ("ban", "bans", "banned", "banning"),
            ("stab", "stabs", "stabbed", "stabbing"),
            ("deny", "denies", "denied", "denying"),
            ("clash", "clashes", "clashed", "clashing"),
            ("veto", "vetoes", "vetoed", "vetoing"),
            ("die", "dies", "died", "dying"),
            ("expel", "expels", "expelled", "expelling"),
            ("target", "targets", "targeted", "targeting"),
            ("free", "frees", "freed", "freeing"),
            ("destroy", "destroys", "destroyed", "destroying"),
            ("shell", "shells", "shelled", "shelling"),
            ("visit", "visits", "visited", "visiting"),
            ("patrol", "patrols", "patrolled", "patrolling"),
            ("kidnap", "kidnaps", "kidnapped", "kidnapping"),
        ];
        for (lemma, s, ed, ing) in table {
            assert_eq!(third_person(lemma), s, "{lemma}");
            assert_eq!(past(lemma), ed, "{lemma}");
            assert_eq!(gerund(lemma), ing, "{lemma}");
        }
    }

    #[test]
    fn irregular_forms_replace_regular_past() {
        let forms = verb_forms("take", Some(&["took".into(), "taken".into()]));
        let words: Vec<&str> = forms.iter().map(|f| f.0.as_str()).collect();
        assert!(words.contains(&"took") && words.contains(&"taken") && words.contains(&"taking"));
        assert!(!words.contains(&"taked"));
    }
}
