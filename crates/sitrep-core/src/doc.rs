use crate::{
    ActorMention, Article, CasualtyMention, DateMention, Event, PlaceMention, Sentence, Span, Token,
};
use serde::Serialize;

/// What the article is about, inferred from the dateline and mentions. Stages use it to
/// give unqualified agents a country and to disambiguate places.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Focus {
    /// ISO alpha-3 of the article's main country.
    pub country: Option<String>,
    /// Index into `Doc::places` of the article's main place (often the dateline).
    pub place: Option<usize>,
    /// Why: rule ids.
    pub rules: Vec<String>,
}

/// One line of `--explain` output: what a stage found and why.
#[derive(Debug, Clone, Serialize)]
pub struct TraceEntry {
    pub stage: &'static str,
    pub span: Option<Span>,
    pub message: String,
}

/// An article plus every annotation layer. Stages fill the layers in pipeline order.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Doc {
    pub article: Article,
    /// `article.text` with ASCII letters lowercased. Same byte length and offsets as the
    /// original, so case-insensitive matchers can run on it and report original spans.
    #[serde(skip)]
    pub lower: String,
    /// Text blocks kept after cleaning (paragraphs / lines), in order.
    pub blocks: Vec<Span>,
    /// Page furniture the cleaner dropped, with the rule that dropped it.
    pub dropped: Vec<(Span, String)>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub actors: Vec<ActorMention>,
    pub places: Vec<PlaceMention>,
    pub dates: Vec<DateMention>,
    pub casualties: Vec<CasualtyMention>,
    pub events: Vec<Event>,
    pub focus: Focus,
    /// Filled only when `explain` is set, so the hot path does not format strings.
    pub trace: Vec<TraceEntry>,
    #[serde(skip)]
    pub explain: bool,
}

impl Doc {
    pub fn new(article: Article) -> Self {
        let lower = article.text.to_ascii_lowercase();
        Doc { article, lower, ..Default::default() }
    }

    pub fn text(&self) -> &str {
        &self.article.text
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.of(&self.article.text)
    }

    pub fn sentence_text(&self, sentence: usize) -> &str {
        self.slice(self.sentences[sentence].span)
    }

    /// Tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: usize) -> &[Token] {
        &self.tokens[self.sentences[sentence].tokens.clone()]
    }

    /// Index of the sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }

    /// Record a trace line when explaining. The closure keeps formatting off the hot path.
    pub fn trace(&mut self, stage: &'static str, span: Option<Span>, message: impl FnOnce() -> String) {
        if self.explain {
            self.trace.push(TraceEntry { stage, span, message: message() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn lower_keeps_offsets() {
        let d = Doc::new(Article::new("a", "Café ÉTÉ Troops"));
        assert_eq!(d.lower.len(), d.article.text.len());
        assert_eq!(&d.lower[d.lower.len() - 6..], "troops");
    }
    #[test]
    fn sentence_lookup() {
        let mut d = Doc::new(Article::new("a", "One. Two."));
        d.sentences.push(Sentence { span: Span::new(0, 4), tokens: 0..0, block: 0, headline: false });
        d.sentences.push(Sentence { span: Span::new(5, 9), tokens: 0..0, block: 0, headline: false });
        assert_eq!(d.sentence_at(1), Some(0));
        assert_eq!(d.sentence_at(4), None);
        assert_eq!(d.sentence_at(6), Some(1));
        assert_eq!(d.sentence_at(20), None);
    }
}
