//! Helpers shared by this crate's tests: one embedded coder, and docs with hand-built actor
//! mentions so the tests do not depend on the actor recognizer.

use crate::{EventCoder, Lexicon};
use sitrep_core::{ActorKind, ActorMention, Doc, Span};
use std::sync::OnceLock;

/// The coder with the embedded lexicon, built once for all tests.
pub(crate) fn coder() -> &'static EventCoder {
    static C: OnceLock<EventCoder> = OnceLock::new();
    C.get_or_init(|| EventCoder::new(Lexicon::embedded()))
}

/// An actor mention of `kind` over `span`, named by its phrase.
pub(crate) fn mention(span: Span, sentence: usize, kind: ActorKind, phrase: &str, code: &str, sector: Option<String>) -> ActorMention {
    ActorMention {
        span,
        head: span,
        sentence,
        kind,
        name: phrase.to_string(),
        code: code.to_string(),
        country: None,
        sector,
        acled_inter: None,
        refers_to: None,
        rules: vec![],
    }
}

/// Adds a mention for each `(phrase, code, kind)` of `actors` to `doc`, found in `text` in
/// order of appearance. With `sector_from_code`, a code longer than three letters gives its
/// tail as the sector ("SDNMIL" → "MIL").
pub(crate) fn add_actors<'a>(doc: &mut Doc, text: &str, actors: impl IntoIterator<Item = (&'a str, &'a str, ActorKind)>, sector_from_code: bool) {
    let mut from = 0;
    for (phrase, code, kind) in actors {
        let at = text[from..].find(phrase).unwrap_or_else(|| panic!("`{phrase}` not in `{text}`")) + from;
        let span = Span::new(at, at + phrase.len());
        from = span.end;
        let sentence = doc.sentence_at(at).expect("actor inside a sentence");
        let sector = (sector_from_code && code.len() > 3).then(|| code[3..].to_string());
        doc.actors.push(mention(span, sentence, kind, phrase, code, sector));
    }
}
