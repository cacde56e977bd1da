//! Text stages: [`Cleaner`] marks page furniture, [`Segmenter`] splits the kept blocks into
//! sentences and tokens, [`detect_dateline`] finds a wire dateline. None of them rewrites
//! the text: everything they produce is a span into `Article::text`, on char boundaries.
//!
//! - `clean` (assigns `Blocks`): one block per line, or per paragraph when the text is
//!   hard-wrapped; furniture lines go to `Doc::dropped` with a rule id from [`clean::rule`];
//!   a detected dateline is stored in `Article::dateline` and cut from its block.
//! - `segment` (assigns `Sentences`, fills `Doc::tokens`): see [`segment`] for the rules and
//!   [`mod@tokenize`] for token conventions (a possessive `'s` is its own token).
//!
//! Nothing here can fail on any input, so the crate has no error type.

pub mod clean;
pub mod dateline;
pub mod segment;
pub mod tokenize;
pub mod view;
pub mod words;

pub use clean::Cleaner;
pub use dateline::detect_dateline;
pub use segment::Segmenter;
pub use tokenize::tokenize;
pub use view::TokenView;

/// Build a `Doc` for `text` and run the cleaner and segmenter on it: the usual first steps,
/// handy for other stages' tests.
pub fn prepare(text: &str) -> sitrep_core::Doc {
    use sitrep_core::Stage;
    // Built once: the cleaner compiles its phrase matcher in `new()`.
    static CLEANER: std::sync::OnceLock<Cleaner> = std::sync::OnceLock::new();
    let mut doc = sitrep_core::Doc::new(sitrep_core::Article::new("test", text));
    CLEANER.get_or_init(Cleaner::new).run(&mut doc);
    Segmenter::new().run(&mut doc);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Invariants every prepared document must keep, whatever the input.
    fn check_invariants(text: &str) {
        let doc = prepare(text);
        let on_boundary = |i: usize| text.is_char_boundary(i);
        let mut last_end = 0;
        for b in &doc.blocks {
            assert!(b.start < b.end && on_boundary(b.start) && on_boundary(b.end), "block {b:?} in {text:?}");
            assert!(b.start >= last_end, "blocks overlap in {text:?}");
            last_end = b.end;
        }
        let mut next_token = 0;
        for s in &doc.sentences {
            assert_eq!(s.tokens.start, next_token, "sentences must cover tokens in order: {text:?}");
            assert!(!s.tokens.is_empty());
            next_token = s.tokens.end;
            assert!(doc.blocks[s.block].contains(s.span));
            let t = doc.slice(s.span);
            assert_eq!(t, t.trim(), "sentence not trimmed in {text:?}");
            assert!(s.tokens.len() <= segment::MAX_SENTENCE_TOKENS);
        }
        assert_eq!(next_token, doc.tokens.len());
        let mut prev = 0;
        for t in &doc.tokens {
            assert!(t.span.start < t.span.end && t.span.start >= prev);
            assert!(on_boundary(t.span.start) && on_boundary(t.span.end));
            prev = t.span.end;
        }
        for (d, _) in &doc.dropped {
            assert!(on_boundary(d.start) && on_boundary(d.end));
        }
        if let Some(dl) = &doc.article.dateline {
            assert!(on_boundary(dl.span.start) && on_boundary(dl.span.end));
        }
    }

    #[test]
    fn random_inputs_keep_invariants() {
        // Pieces chosen to hit the tricky paths: abbreviations, quotes, dashes, possessives,
        // initialisms, decimals, line breaks, multibyte letters and control characters.
        const PIECES: &[&str] = &[
            "Gen.", "U.S.", "U.S.-led", " ", " ", " ", "\n", "\r\n", "\n\n", ".", "...", "…", "?!",
            "\"", "“", "”", "'", "’s", "'s", "(", ")", "—", " - ", "--", ":", ",", "GOMA", "Congo",
            "(AP)", "Rebels", "attacked", "the", "base", "12", "3.5", ".45", "a.m.", "F.", "No.",
            "Jan.", "é", "Ж", "北", "\u{0}", "\u{7}", "\u{FEFF}", "\u{200B}", "\u{00AD}", "Photo:",
            "Advertisement", "By", "Inc.", "killed.The", "said", "\t",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3_000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
            check_invariants(&text);
        }
    }

    #[test]
    fn sample_article_end_to_end() {
        let text = "Rebels shell Goma as talks stall\r\n\r\nBy Jane Doe\r\nGOMA, Congo (AP) — M23 rebels shelled the eastern Congolese city of Goma on Friday, killing at least 12 civilians, Lt. Col. Guillaume Ndjike said.\r\n(AP Photo/Moses Sawasawa)\r\nThe U.N. mission said 3.5 million people had fled since Jan. 2023. \"We are overwhelmed,\" an aid worker said.\r\nAdvertisement\r\nRead more: Why the ceasefire failed\r\nCopyright 2024 The Associated Press. All rights reserved.";
        check_invariants(text);
        let doc = prepare(text);
        let dl = doc.article.dateline.as_ref().unwrap();
        assert_eq!((dl.place.as_str(), dl.agency.as_deref()), ("GOMA, Congo", Some("AP")));
        let sentences: Vec<(&str, bool)> =
            (0..doc.sentences.len()).map(|i| (doc.sentence_text(i), doc.sentences[i].headline)).collect();
        assert_eq!(
            sentences,
            vec![
                ("Rebels shell Goma as talks stall", true),
                ("M23 rebels shelled the eastern Congolese city of Goma on Friday, killing at least 12 civilians, Lt. Col. Guillaume Ndjike said.", false),
                ("The U.N. mission said 3.5 million people had fled since Jan. 2023.", false),
                ("\"We are overwhelmed,\" an aid worker said.", false),
            ]
        );
        let rules: Vec<&str> = doc.dropped.iter().map(|(_, r)| r.as_str()).collect();
        assert_eq!(
            rules,
            vec![clean::rule::BYLINE, clean::rule::PHOTO_CREDIT, clean::rule::ADVERT, clean::rule::RELATED, clean::rule::COPYRIGHT]
        );
    }
}
