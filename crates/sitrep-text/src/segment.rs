//! Sentence segmentation over the cleaner's blocks.
//!
//! Own rules over our own tokens rather than the `sentencex` crate. `sentencex` 0.1.33 was
//! evaluated: it gives byte offsets and is fast (about 2 million sentences/s on wire-style
//! text) and handles most news abbreviations, but (1) it needs Rust 1.91 / edition 2024
//! while this workspace promises 1.85, (2) it pulls `clap`, `strum` and `regex` into a
//! library, (3) its boundaries would have to be mapped back onto our token indices in a
//! second pass, and (4) news-specific decisions — "U.S." before a capitalised name,
//! headline lines, a hard token cap for run-on text — need hooks it does not offer. The
//! rules below make one left-to-right pass over the tokens the segmenter needs anyway, so
//! segmentation costs little beyond tokenizing.
//!
//! A candidate end is ".", "!", "?", an ellipsis, or an initialism ending in a dot ("U.S.").
//! Closing quotes and brackets right after it belong to the sentence. Whether the candidate
//! ends the sentence depends on the word before it and the token after it:
//! - titles ("Gen.", "Lt.", "Dr.", "St.") never end a sentence;
//! - "No.", "Art." and month abbreviations ("Jan.") do not when a number follows;
//! - a single capital ("John F. Kennedy") does not after a capitalised word or another initial;
//! - a small list number at the start of a block ("1. Rebels …") does not;
//! - initialisms ("U.S.", "p.m.") end a sentence only when a typical sentence opener follows
//!   ("The", "He", "But"), because "U.S. Army" and "U.N. envoy" are far more common;
//! - otherwise a period ends the sentence unless a lower-case word or ",;:" follows.
//!
//! A block that ends without final punctuation ends a sentence there; when that sentence is
//! the whole block and short, it is marked as a headline.

use crate::tokenize::tokenize;
use sitrep_core::{Doc, Layer, Sentence, Span, Stage, Token, TokenKind};

/// Run-on text (a 1 MB line without punctuation, a table) is cut into sentences of at most
/// this many tokens so that every later stage stays linear.
pub const MAX_SENTENCE_TOKENS: usize = 200;
/// When cutting at the cap, look back this far for a ";", "," or dash to cut after.
const CAP_LOOKBACK: usize = 60;
/// A block without final punctuation is a headline only if it is at most this long.
pub const MAX_HEADLINE_TOKENS: usize = 30;

/// Splits kept blocks into sentences and fills `Doc::tokens`.
#[derive(Debug, Default, Clone)]
pub struct Segmenter {}

impl Segmenter {
    pub fn new() -> Self {
        Segmenter {}
    }
}

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Blocks]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }
    fn run(&self, doc: &mut Doc) {
        let text = doc.article.text.as_str();
        let lower = doc.lower.as_str();
        let kept_bytes: usize = doc.blocks.iter().map(|b| b.len()).sum();
        let mut tokens = Vec::with_capacity(kept_bytes / 5 + 1);
        let mut sentences = Vec::with_capacity(kept_bytes / 100 + 1);
        let mut capped = 0usize;
        for (bi, block) in doc.blocks.iter().enumerate() {
            let first = tokens.len();
            tokenize(text, *block, &mut tokens);
            capped += split_block(text, lower, &tokens, first, bi, &mut sentences);
        }
        doc.tokens = tokens;
        doc.sentences = sentences;
        if capped > 0 {
            doc.trace("segment", None, || {
                format!("{capped} over-long sentence(s) cut at the {MAX_SENTENCE_TOKENS}-token cap")
            });
        }
        let (n, headlines) = (doc.sentences.len(), doc.sentences.iter().filter(|s| s.headline).count());
        doc.trace("segment", None, || format!("{n} sentences, {headlines} headline(s)"));
    }
}

/// Split the tokens `tokens[first..]` of block `bi` into sentences. Returns how many times a
/// sentence was cut at the token cap.
fn split_block(
    text: &str,
    lower: &str,
    tokens: &[Token],
    first: usize,
    bi: usize,
    out: &mut Vec<Sentence>,
) -> usize {
    let n = tokens.len();
    let mut start = first;
    let mut i = first;
    let mut capped = 0;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize, headline: bool| {
        out.push(Sentence {
            span: Span::new(tokens[s].span.start, tokens[e - 1].span.end),
            tokens: s..e,
            block: bi,
            headline,
        });
    };
    while i < n {
        if let Some(last) = boundary_at(text, lower, tokens, i, start, first) {
            push(out, start, last + 1, false);
            start = last + 1;
            i = last + 1;
            continue;
        }
        if i + 1 - start >= MAX_SENTENCE_TOKENS {
            let cut = cap_cut(text, tokens, start, i);
            push(out, start, cut + 1, false);
            capped += 1;
            start = cut + 1;
            i = cut + 1;
            continue;
        }
        i += 1;
    }
    if start < n {
        let whole_block = start == first;
        let headline = whole_block
            && n - start <= MAX_HEADLINE_TOKENS
            && !ends_with_punct(text, &tokens[start..n])
            && !ends_with_function_word(lower, tokens[n - 1]);
        push(out, start, n, headline);
    }
    capped
}

/// Where to cut a sentence that reached the cap at token `i`: after the last clause
/// punctuation in the look-back window, else at `i`.
fn cap_cut(text: &str, tokens: &[Token], start: usize, i: usize) -> usize {
    let floor = i.saturating_sub(CAP_LOOKBACK).max(start + 1);
    (floor..i)
        .rev()
        .find(|&k| tokens[k].kind == TokenKind::Punct && matches!(tokens[k].span.of(text), ";" | "," | "—" | "–" | "--" | ":"))
        .unwrap_or(i)
}

/// If token `i` ends a sentence, the index of the sentence's last token (closing quotes and
/// brackets included).
fn boundary_at(text: &str, lower: &str, tokens: &[Token], i: usize, start: usize, block_first: usize) -> Option<usize> {
    let t = tokens[i];
    let s = t.span.of(text);
    let kind = match t.kind {
        TokenKind::Punct if s == "." => End::Period,
        TokenKind::Punct if s.starts_with(['!', '?']) => End::Strong,
        TokenKind::Punct if s == "…" || s.starts_with("..") => End::Ellipsis,
        TokenKind::Word if s.len() > 2 && s.ends_with('.') => End::Initialism,
        _ => return None,
    };
    let mut last = i;
    while last + 1 < tokens.len() && is_closer(text, tokens[last + 1]) && tokens[last + 1].span.start == tokens[last].span.end {
        last += 1;
    }
    let Some(&next) = tokens.get(last + 1) else {
        return Some(last);
    };
    let opens = next_opens_sentence(text, tokens, last + 1);
    let ends = match kind {
        End::Strong => opens != Opening::No,
        End::Ellipsis => opens == Opening::Capital,
        End::Initialism => {
            let w = &lower[t.span.start..t.span.end];
            !matches!(w, "e.g." | "i.e." | "cf." | "viz.") && is_sentence_starter(text, lower, tokens, last + 1)
        }
        End::Period => {
            if opens == Opening::No {
                false
            } else if i > start && tokens[i - 1].span.end == t.span.start {
                let prev = tokens[i - 1];
                let w = &lower[prev.span.start..prev.span.end];
                // "No. 2", "Jan. 4", "plate No. A-3037"
                let number_follows = next.kind == TokenKind::Number
                    || (next.kind == TokenKind::Word && next.span.of(text).bytes().any(|b| b.is_ascii_digit()));
                if is_company_or_suffix(w) {
                    // "Acme Inc. CEO …" goes on; "Acme Inc. The company …" ends.
                    return is_sentence_starter(text, lower, tokens, last + 1).then_some(last);
                }
                !(is_title(w)
                    || (number_follows && (is_number_abbrev(w) || is_month_abbrev(w)))
                    || is_never_final(w)
                    || is_name_initial(text, tokens, i - 1, start)
                    || (prev.kind == TokenKind::Number && i - 1 == block_first && prev.span.len() <= 2))
            } else {
                true
            }
        }
    };
    ends.then_some(last)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Period,
    Strong,
    Ellipsis,
    Initialism,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// A capitalised word, possibly after an opening quote or bracket.
    Capital,
    /// A number, symbol or dash: could start a sentence.
    Other,
    /// A lower-case word or ",;:" etc.: the sentence goes on.
    No,
}

fn next_opens_sentence(text: &str, tokens: &[Token], k: usize) -> Opening {
    let t = tokens[k];
    match t.kind {
        TokenKind::Word => {
            if t.cap {
                Opening::Capital
            } else {
                Opening::No
            }
        }
        TokenKind::Number | TokenKind::Symbol => Opening::Other,
        TokenKind::Punct => {
            let s = t.span.of(text);
            if is_opener(s) {
                match tokens.get(k + 1) {
                    Some(n) if n.kind == TokenKind::Word => {
                        if n.cap {
                            Opening::Capital
                        } else {
                            Opening::No
                        }
                    }
                    _ => Opening::Other,
                }
            } else if matches!(s, "," | ";" | ":" | ")" | "]" | "." | "%" | "/" | "?" | "!") {
                Opening::No
            } else {
                Opening::Other
            }
        }
    }
}

/// Whether the token at `k` (after opening quotes) is a word that typically opens a sentence.
fn is_sentence_starter(text: &str, lower: &str, tokens: &[Token], mut k: usize) -> bool {
    while k < tokens.len() && tokens[k].kind == TokenKind::Punct && is_opener(tokens[k].span.of(text)) {
        k += 1;
    }
    let Some(t) = tokens.get(k) else { return true };
    if t.kind != TokenKind::Word || !t.cap {
        return false;
    }
    matches!(
        &lower[t.span.start..t.span.end],
        "the" | "a" | "an" | "he" | "she" | "it" | "they" | "we" | "i" | "you" | "his" | "her"
            | "its" | "their" | "our" | "this" | "that" | "these" | "those" | "there" | "in"
            | "on" | "at" | "but" | "so" | "yet" | "however" | "meanwhile"
            | "after" | "before" | "when" | "while" | "if" | "as" | "since" | "although"
            | "though" | "officials" | "no" | "one" | "some" | "many" | "most" | "several"
            | "both" | "all" | "earlier" | "later" | "last" | "for" | "with" | "during"
            | "according" | "what" | "who" | "why" | "how" | "still" | "also" | "then"
            | "now" | "today" | "yesterday" | "separately" | "elsewhere" | "other"
    )
}

fn is_closer(text: &str, t: Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.span.of(text), "\"" | "'" | "”" | "’" | ")" | "]" | "»" | "›")
}

fn is_opener(s: &str) -> bool {
    matches!(s, "\"" | "'" | "“" | "‘" | "(" | "[" | "«" | "‹")
}

/// Titles before a name: a period after them never ends a sentence.
fn is_title(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs" | "ms" | "dr" | "prof" | "gen" | "gens" | "lt" | "col" | "maj" | "capt" | "cpt"
            | "sgt" | "cpl" | "pvt" | "adm" | "brig" | "cmdr" | "cdr" | "gov" | "sen" | "rep"
            | "rev" | "fr" | "hon" | "pres" | "amb" | "supt" | "insp" | "det" | "st" | "mt"
            | "ft" | "messrs" | "mme" | "sheikh" | "cmdt" | "lieut"
    )
}

/// Abbreviations that stand before a number ("No. 2", "Art. 5").
fn is_number_abbrev(w: &str) -> bool {
    matches!(w, "no" | "nos" | "art" | "arts" | "sec" | "vol" | "p" | "pp" | "para" | "fig" | "ch" | "op" | "ex")
}

fn is_month_abbrev(w: &str) -> bool {
    matches!(w, "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec")
}

/// Abbreviations that may end a sentence but mostly sit inside one before a capitalised
/// word ("Acme Inc. CEO", "Martin Luther King Jr. Day"): treated like initialisms.
fn is_company_or_suffix(w: &str) -> bool {
    matches!(w, "inc" | "corp" | "ltd" | "co" | "plc" | "llc" | "bros" | "jr" | "sr" | "etc" | "al")
}

/// Abbreviations that sit inside a sentence whatever follows.
fn is_never_final(w: &str) -> bool {
    matches!(w, "vs" | "v" | "approx" | "ca" | "cf" | "viz" | "incl" | "esp" | "est" | "dept" | "govt" | "univ" | "assn")
}

/// A single capital letter used as a name initial: "John F. Kennedy", "J. R. Smith".
fn is_name_initial(text: &str, tokens: &[Token], k: usize, start: usize) -> bool {
    let t = tokens[k];
    let s = t.span.of(text);
    if t.kind != TokenKind::Word || !t.cap || s.chars().count() != 1 {
        return false;
    }
    if k == start {
        return true;
    }
    // After a capitalised word ("John F."), another initial ("J. R."), or in a list of names
    // ("Owen, R. Paxton"). After a lower-case word ("group B.") it ends the sentence.
    // Followed by another initial: "and J. R. Smith".
    let is_initial_at = |j: usize| {
        tokens.get(j).is_some_and(|t| t.kind == TokenKind::Word && t.cap && t.span.of(text).chars().count() == 1)
            && tokens.get(j + 1).is_some_and(|t| t.span.of(text) == ".")
    };
    if is_initial_at(k + 2) {
        return true;
    }
    let p = tokens[k - 1];
    match p.kind {
        TokenKind::Word => p.cap,
        TokenKind::Punct => matches!(p.span.of(text), "." | "," | "(" | "\"" | "“" | "&"),
        _ => false,
    }
}

/// A line that stops on "the", "of", "and" was cut off mid-sentence; headlines do not end so.
fn ends_with_function_word(lower: &str, last: Token) -> bool {
    last.kind == TokenKind::Word
        && matches!(
            &lower[last.span.start..last.span.end],
            "the" | "a" | "an" | "of" | "to" | "in" | "on" | "at" | "for" | "with" | "by" | "from"
                | "and" | "or" | "but" | "that" | "which" | "who" | "whose" | "as" | "than" | "into"
                | "onto" | "about" | "is" | "are" | "was" | "were" | "be" | "been" | "has" | "have"
                | "had" | "should" | "would" | "could" | "will" | "can" | "may" | "must" | "its"
                | "their" | "his" | "her" | "our" | "this" | "these" | "those" | "between" | "after"
                | "before" | "during" | "against" | "over" | "under" | "said" | "says"
        )
}

/// Whether the last token (after closers) is punctuation, i.e. the text was not a headline.
fn ends_with_punct(text: &str, toks: &[Token]) -> bool {
    let mut k = toks.len();
    while k > 0 && is_closer(text, toks[k - 1]) {
        k -= 1;
    }
    k > 0 && {
        let t = toks[k - 1];
        (t.kind == TokenKind::Punct && !is_opener(t.span.of(text))) || (t.kind == TokenKind::Word && t.span.of(text).ends_with('.'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prepare;

    fn sents(text: &str) -> Vec<String> {
        let doc = prepare(text);
        (0..doc.sentences.len()).map(|i| doc.sentence_text(i).to_string()).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Lt. Gen. Abdel Fattah al-Burhan met U.S. envoys on Jan. 4 in Khartoum. The talks failed.",
                &["Lt. Gen. Abdel Fattah al-Burhan met U.S. envoys on Jan. 4 in Khartoum.", "The talks failed."],
            ),
            (
                "Col. Musa, Maj. Idris and Capt. Bello met Sgt. Okafor. Dr. Ali and Mrs. Ade spoke.",
                &["Col. Musa, Maj. Idris and Capt. Bello met Sgt. Okafor.", "Dr. Ali and Mrs. Ade spoke."],
            ),
            (
                "Mr. Ruto and Ms. Karua met Sen. Omar, Rep. Lee and Gov. Sakaja in St. Louis near Mt. Kenya.",
                &["Mr. Ruto and Ms. Karua met Sen. Omar, Rep. Lee and Gov. Sakaja in St. Louis near Mt. Kenya."],
            ),
            (
                "The U.N. said 3.5 million people fled. Aid was cut.",
                &["The U.N. said 3.5 million people fled.", "Aid was cut."],
            ),
            (
                "\"We will not retreat.\" The commander spoke at 5 p.m. on Monday. Others agreed.",
                &["\"We will not retreat.\"", "The commander spoke at 5 p.m. on Monday.", "Others agreed."],
            ),
            (
                "John F. Kennedy was shot. The No. 2 commander died... Police arrived.",
                &["John F. Kennedy was shot.", "The No. 2 commander died...", "Police arrived."],
            ),
            (
                "Troops killed 12 people in the U.S. The army denied it.",
                &["Troops killed 12 people in the U.S.", "The army denied it."],
            ),
            (
                "The U.S. Army and U.K. forces joined E.U. monitors.",
                &["The U.S. Army and U.K. forces joined E.U. monitors."],
            ),
            (
                "He said \"they attacked the base.\" Then he left.",
                &["He said \"they attacked the base.\"", "Then he left."],
            ),
            (
                "Acme Inc. and Beta Corp. signed with Gamma Ltd. on Friday, e.g. in Goma, i.e. in the east.",
                &["Acme Inc. and Beta Corp. signed with Gamma Ltd. on Friday, e.g. in Goma, i.e. in the east."],
            ),
            (
                "The case, Sudan vs. Chad, opened on Feb. 3 and Aug. 12, then Sept. 9, Oct. 1, Nov. 30 and Dec. 5.",
                &["The case, Sudan vs. Chad, opened on Feb. 3 and Aug. 12, then Sept. 9, Oct. 1, Nov. 30 and Dec. 5."],
            ),
            (
                "Where are the hostages? Nobody knows! \"Why?\" she asked.",
                &["Where are the hostages?", "Nobody knows!", "\"Why?\" she asked."],
            ),
            (
                "The toll rose to 1,200. 40 more bodies were found.",
                &["The toll rose to 1,200.", "40 more bodies were found."],
            ),
            (
                "He waited… and waited. (The army did not reply.) Rebels fled.",
                &["He waited… and waited.", "(The army did not reply.)", "Rebels fled."],
            ),
            ("1. Rebels attacked the base.", &["1. Rebels attacked the base."]),
            (
                "Acme Inc. CEO Jane Roe resigned. Beta Ltd. The firm denied it.",
                &["Acme Inc. CEO Jane Roe resigned.", "Beta Ltd.", "The firm denied it."],
            ),
            (
                "Those held were John Owen, R. Paxton, P. Glasgow and J. R. Smith. Troops were in group B. The rest fled.",
                &["Those held were John Owen, R. Paxton, P. Glasgow and J. R. Smith.", "Troops were in group B.", "The rest fled."],
            ),
            (
                "A car with plate No. A-3037 was stopped. He fired a .45 pistol.",
                &["A car with plate No. A-3037 was stopped.", "He fired a .45 pistol."],
            ),
            (
                "THE PANAMANIAN-U.S. TALKS FAILED. AN ENTIRE U.S. ARMY COMPANY ARRIVED. THE TROOPS LEFT.",
                &["THE PANAMANIAN-U.S. TALKS FAILED.", "AN ENTIRE U.S. ARMY COMPANY ARRIVED.", "THE TROOPS LEFT."],
            ),
            (
                "The toll rose in the country.The woman was killed.",
                &["The toll rose in the country.", "The woman was killed."],
            ),
            (
                "“We will fight,” he said. ‘Never.’ They left.",
                &["“We will fight,” he said.", "‘Never.’", "They left."],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(&sents(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn headlines_are_marked() {
        let doc = prepare("Rebels seize Goma after days of fighting\nRebels seized the town on Friday.\nThe toll is unclear");
        let got: Vec<(&str, bool)> = (0..doc.sentences.len()).map(|i| (doc.sentence_text(i), doc.sentences[i].headline)).collect();
        assert_eq!(
            got,
            vec![
                ("Rebels seize Goma after days of fighting", true),
                ("Rebels seized the town on Friday.", false),
                ("The toll is unclear", true),
            ]
        );
        // A line cut off after a function word is not a headline, nor is a long one.
        let doc = prepare("Ministers from the three coastal states, who have long argued for\nTroops fled.");
        assert!(!doc.sentences[0].headline);
        let long = "word ".repeat(MAX_HEADLINE_TOKENS + 1);
        assert!(!prepare(&long).sentences[0].headline);
        // A trailing fragment after a full sentence in the same block is not a headline.
        let doc = prepare("Rebels seized the town. More to follow");
        assert!(!doc.sentences[1].headline);
        // A line ending in a colon introduces a quote: not a headline.
        let doc = prepare("The army said in a statement:");
        assert!(!doc.sentences[0].headline);
    }

    #[test]
    fn sentences_are_trimmed_and_tokens_line_up() {
        let text = "  Rebels attacked.   Troops fled.  \r\n\r\n  Aid arrived.\r\n";
        let doc = prepare(text);
        assert_eq!(sents(text), vec!["Rebels attacked.", "Troops fled.", "Aid arrived."]);
        for s in &doc.sentences {
            let toks = &doc.tokens[s.tokens.clone()];
            assert_eq!(toks.first().unwrap().span.start, s.span.start);
            assert_eq!(toks.last().unwrap().span.end, s.span.end);
        }
        assert_eq!(doc.sentences[2].block, 1);
        // Every token belongs to exactly one sentence, in order.
        let mut next = 0;
        for s in &doc.sentences {
            assert_eq!(s.tokens.start, next);
            next = s.tokens.end;
        }
        assert_eq!(next, doc.tokens.len());
    }

    #[test]
    fn datelines_are_not_part_of_sentences() {
        let doc = prepare("MOGADISHU, Somalia, Jan. 4 (Xinhua) -- Militants attacked a base. Five died.");
        assert_eq!(doc.article.dateline.as_ref().unwrap().place, "MOGADISHU, Somalia");
        assert_eq!(doc.sentence_text(0), "Militants attacked a base.");
        assert_eq!(doc.sentence_text(1), "Five died.");
    }

    #[test]
    fn bad_input() {
        for text in ["", "   ", "\n\n\r\n", "\u{0}\u{1}\u{2}", "Advertisement\nShare this article"] {
            let doc = prepare(text);
            assert!(doc.sentences.is_empty(), "{text:?}");
            assert!(doc.tokens.is_empty(), "{text:?}");
        }
        let garbage: String = (0u8..=255).map(|b| b as char).cycle().take(5000).collect();
        let doc = prepare(&garbage);
        for s in &doc.sentences {
            assert!(garbage.is_char_boundary(s.span.start) && garbage.is_char_boundary(s.span.end));
            assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS);
        }
        let non_ascii = "Київ заявив, що ракети влучили в Харків. Жертв немає. Bogotá’s mayor spoke… «Enough.»";
        let doc = prepare(non_ascii);
        assert_eq!(
            sents(non_ascii),
            vec!["Київ заявив, що ракети влучили в Харків.", "Жертв немає.", "Bogotá’s mayor spoke…", "«Enough.»"]
        );
        for t in &doc.tokens {
            assert!(non_ascii.is_char_boundary(t.span.start) && non_ascii.is_char_boundary(t.span.end));
        }
    }

    #[test]
    fn run_on_text_is_cut_at_the_cap_in_linear_time() {
        let line = "rebels attacked the town and ".repeat(36_000); // about 1 MB, no punctuation
        assert!(line.len() > 1_000_000);
        let start = std::time::Instant::now();
        let mut doc = sitrep_core::Doc::new(sitrep_core::Article::new("t", line.as_str()));
        doc.explain = true;
        crate::Cleaner::new().run(&mut doc);
        Segmenter::new().run(&mut doc);
        let took = start.elapsed();
        assert!(doc.sentences.len() >= line.split_whitespace().count() / MAX_SENTENCE_TOKENS);
        assert!(doc.sentences.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS && !s.headline));
        assert!(doc.trace.iter().any(|t| t.message.contains("token cap")));
        // Generous bound for an unoptimised test build on a shared machine; a quadratic
        // algorithm would take minutes.
        assert!(took.as_secs() < 20, "took {took:?}");
    }

    #[test]
    fn cap_prefers_clause_punctuation() {
        let clause = "troops shelled the town, ";
        let text = clause.repeat(100);
        let doc = prepare(&text);
        assert!(doc.sentences.len() > 1);
        assert!(doc.sentence_text(0).ends_with(','));
    }

    /// Throughput on generated wire-style text: `cargo test -p sitrep-text --release -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn throughput() {
        // Numbered so that the cleaner's repeated-line rule does not drop the copies.
        let text: String = (0..5_000)
            .map(|i| format!("Rebels attacked a military base near Goma on Friday, killing at least {i} soldiers, the army said. Lt. Gen. John Smith of the U.S. Army visited the area on Jan. 4 at 3 p.m.\n\"We will respond to attack {i},\" he said. The U.N. mission said 3.5 million people had fled since Aug. 2023.\n"))
            .collect();
        let start = std::time::Instant::now();
        let mut total = 0;
        for _ in 0..5 {
            total += prepare(&text).sentences.len();
        }
        let secs = start.elapsed().as_secs_f64();
        println!("{total} sentences in {secs:.3}s = {:.0} sentences/s (clean + segment)", total as f64 / secs);
    }
}
