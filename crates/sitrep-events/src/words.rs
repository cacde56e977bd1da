//! Closed-class words that mark clause boundaries, voice, modality and time frame. Without
//! a parser these carry the syntax: "who" opens a relative clause, "was … by" is passive,
//! "did not" negates, "threatened to" governs what follows.

use rustc_hash::FxHashMap;

pub const DET: u32 = 1;
pub const PREP: u32 = 1 << 1;
pub const BE: u32 = 1 << 2;
pub const HAVE: u32 = 1 << 3;
pub const FUTURE: u32 = 1 << 4;
pub const MAYBE: u32 = 1 << 5;
pub const NEG: u32 = 1 << 6;
pub const SUBORD: u32 = 1 << 7;
pub const REL: u32 = 1 << 8;
pub const COORD: u32 = 1 << 9;
pub const REPORT: u32 = 1 << 10;
/// "plans to", "intends to": the speaker's own intention.
pub const INTEND: u32 = 1 << 11;
/// "expected to", "scheduled to": the reporter's expectation.
pub const EXPECT: u32 = 1 << 12;
pub const HEARSAY: u32 = 1 << 13;
pub const CONDITION: u32 = 1 << 14;
pub const PRONOUN: u32 = 1 << 15;
pub const ADVERB: u32 = 1 << 16;
/// Verbs that make a following event noun the event ("launched an offensive").
pub const LIGHT: u32 = 1 << 17;
pub const PAST_TIME: u32 = 1 << 18;
/// Modifier words between a determiner and an event noun ("a deadly attack").
pub const ADJ: u32 = 1 << 19;
/// "loyal to", "backed by": the following actor modifies the preceding one.
pub const MODIFIER_LINK: u32 = 1 << 20;
/// Finite verbs that do not end in "-ed" (irregular pasts, "do"): with the "-ed" suffix they
/// tell a second clause ("and the army fled") from a second noun ("and medicine").
pub const VERB: u32 = 1 << 21;

const TABLE: &[(u32, &str)] = &[
    (DET, "a an the this that these those its their his her our my your some several another any each every both no"),
    (PREP, "of in on at by with from to for against into onto over under after before during near between among amid amidst across through toward towards about around along outside inside via upon within without behind beside off per"),
    (BE, "is are was were be been being am 's"),
    (HAVE, "has have had having"),
    (FUTURE, "will would shall 'll wo won't wouldn't"),
    (MAYBE, "could might may can should must"),
    (NEG, "not never no n't didn't don't doesn't won't wouldn't can't cannot couldn't isn't aren't wasn't weren't hasn't haven't hadn't neither nor without didn’t don’t doesn’t won’t wouldn’t can’t couldn’t isn’t aren’t wasn’t weren’t hasn’t haven’t hadn’t"),
    (SUBORD, "after before when while as because since although though whereas unless until once whenever whereby"),
    (CONDITION, "if unless"),
    (REL, "who which whom whose where"),
    (COORD, "and but or"),
    (REPORT, "said says say saying told tells tell announced announces announce reported reports report added adds stated states noted notes explained confirmed confirms confirm according quoted wrote writes tweeted posted declared"),
    (INTEND, "plans plan planned planning intends intend intended intending ready prepared willing aims aim aimed aiming going decided decides decide seeks seek seeking sought wants want wanted hopes hope hoped hoping determined eager"),
    (EXPECT, "expected scheduled due likely set poised slated about"),
    (HEARSAY, "allegedly reportedly purportedly apparently supposedly suspected alleged purported"),
    (PRONOUN, "he she it they we i you him them us who"),
    (ADVERB, "also later then reportedly allegedly earlier again further already recently jointly briefly repeatedly swiftly immediately subsequently finally formally officially publicly strongly sharply firmly effectively partially partly fully heavily openly unilaterally jointly still yet just now previously once"),
    (LIGHT, "launched launch launches launching carried carry carries carrying conducted conduct conducts conducting staged stage stages staging mounted mount mounts mounting held hold holds holding began begin begins beginning begun started start starts starting continued continue continues continuing resumed resume resumes resuming waged wage wages waging unleashed unleash led lead leads leading organized organised organize organise organizes organises joined join joins joining initiated initiate initiates made make makes making took take takes taking"),
    (PAST_TIME, "last previously formerly earlier ago since"),
    (ADJ, "new fresh deadly heavy major large small brief renewed fierce violent bloody suspected alleged apparent failed suicide massive separate latest first second third fatal rare daily nightly overnight current existing ongoing night-time nighttime partial total temporary indefinite strict tougher dusk-to-dawn"),
    (MODIFIER_LINK, "loyal allied affiliated linked backed supported belonging"),
    (VERB, "do does did fled went came took gave sent met made told said left led fought shot struck began brought kept bought sold won lost ran fell rose drew threw broke stole stood sat found thought became knew saw spoke wrote drove flew overran overthrew withdrew undertook upheld swore blew hid paid sought caught felt heard sank slew spent swept tore understood got gets goes comes takes gives sends makes says tells"),
];

/// Whether the word at hand is likely a finite verb: an auxiliary, modal, reporting verb,
/// a listed irregular form, or a regular past ("-ed").
pub fn is_finite_verb(flags: u32, w: &str) -> bool {
    flags & (BE | HAVE | FUTURE | MAYBE | REPORT | VERB) != 0 || w.len() >= 5 && w.ends_with("ed")
}

/// Word → flags, built once.
#[derive(Debug)]
pub struct WordClasses {
    map: FxHashMap<&'static str, u32>,
}

impl Default for WordClasses {
    fn default() -> Self {
        let mut map: FxHashMap<&'static str, u32> = FxHashMap::default();
        for (flag, words) in TABLE {
            for w in words.split_whitespace() {
                *map.entry(w).or_default() |= flag;
            }
        }
        WordClasses { map }
    }
}

impl WordClasses {
    #[inline]
    pub fn of(&self, lower_word: &str) -> u32 {
        self.map.get(lower_word).copied().unwrap_or(0)
    }
}

/// Words that end a negated or modal reach: a negation before these does not apply to a
/// later trigger ("not only", "no sooner").
pub fn is_negation_breaker(w: &str) -> bool {
    matches!(w, "only" | "sooner" | "longer" | "doubt" | "matter")
}

/// A day named on its own, as news reports place it right after a verb ("said Tuesday",
/// "announced today").
pub fn is_day_word(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "today" | "yesterday" | "tonight")
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn classes_combine() {
        let w = WordClasses::default();
        assert!(w.of("won't") & NEG != 0 && w.of("won't") & FUTURE != 0);
        assert!(w.of("who") & REL != 0 && w.of("who") & PRONOUN != 0);
        assert_eq!(w.of("troops"), 0);
        assert!(w.of("unless") & CONDITION != 0);
    }
}

