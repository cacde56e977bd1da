//! The sitrep pipeline: named stages run in a fixed order over one [`Doc`] per article,
//! then the events are flattened into `sitrep.event/1` records.
//!
//! ```text
//! clean → segment → actors → locate → date → count_casualties → code_events
//!       → locate_events → date_events → attach_casualties
//!       → attribute → merge → records
//! ```
//!
//! Stages are built once (dictionaries parsed, matchers compiled) and shared by reference,
//! so one `Pipeline` codes articles from many threads.

use sitrep_attribution::Attributor;
use sitrep_actors::{ActorDictionary, ActorRecognizer};
use sitrep_casualties::{CasualtyAttacher, CasualtyCounter};
use sitrep_core::{Article, Doc, EventRecord, Layer, Modality, Outcome, Stage};
use sitrep_events::{Deduplicator, EventCoder, Lexicon};
use sitrep_places::{EventLocator, Gazetteer, PlaceRecognizer};
use sitrep_text::{Cleaner, Segmenter};
use sitrep_time::{DateRecognizer, EventDater};
use std::sync::Arc;

pub use sitrep_actors;
pub use sitrep_core;
pub use sitrep_events;
pub use sitrep_places;

/// sitrep's version, part of every event id.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Options that change what is output, not how text is read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Output negated, future, hypothetical and claimed events too (default: asserted only).
    pub all_modalities: bool,
    /// Record a per-stage trace in `Doc::trace` for `--explain`.
    pub explain: bool,
}

/// Assembles a pipeline from its resources. Everything has an embedded default.
pub struct PipelineBuilder {
    actors: Option<ActorDictionary>,
    lexicon: Option<Lexicon>,
    gazetteer: Option<Arc<Gazetteer>>,
    options: Options,
}

impl PipelineBuilder {
    pub fn actors(mut self, dict: ActorDictionary) -> Self {
        self.actors = Some(dict);
        self
    }
    pub fn lexicon(mut self, lexicon: Lexicon) -> Self {
        self.lexicon = Some(lexicon);
        self
    }
    pub fn gazetteer(mut self, gazetteer: Arc<Gazetteer>) -> Self {
        self.gazetteer = Some(gazetteer);
        self
    }
    pub fn options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }
    pub fn build(self) -> Pipeline {
        let gazetteer = self.gazetteer.unwrap_or_else(|| Arc::new(Gazetteer::embedded()));
        let stages: Vec<Box<dyn Stage>> = vec![
            Box::new(Cleaner::new()),
            Box::new(Segmenter::new()),
            Box::new(ActorRecognizer::with_gazetteer(
                self.actors.unwrap_or_else(ActorDictionary::embedded),
                gazetteer.clone(),
            )),
            Box::new(PlaceRecognizer::new(gazetteer)),
            Box::new(DateRecognizer::default()),
            Box::new(CasualtyCounter::default()),
            Box::new(EventCoder::new(self.lexicon.unwrap_or_else(Lexicon::embedded))),
            Box::new(EventLocator::default()),
            Box::new(EventDater::default()),
            Box::new(CasualtyAttacher::default()),
            Box::new(Attributor::default()),
            Box::new(Deduplicator::default()),
        ];
        Pipeline::from_stages(stages, self.options)
    }
}

/// A built pipeline.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    options: Options,
}

/// The result of coding one article.
pub struct Coded {
    pub doc: Doc,
    pub records: Vec<EventRecord>,
    pub outcome: Outcome,
}

impl Pipeline {
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder { actors: None, lexicon: None, gazetteer: None, options: Options::default() }
    }

    /// The embedded defaults: sitrep's dictionaries, lexicon and gazetteer.
    pub fn embedded() -> Pipeline {
        Pipeline::builder().build()
    }

    /// A pipeline from explicit stages. Panics if a stage needs a layer no earlier stage
    /// assigns: that is a programming error, caught by the first test that builds it.
    pub fn from_stages(stages: Vec<Box<dyn Stage>>, options: Options) -> Pipeline {
        let mut have: Vec<Layer> = Vec::new();
        for s in &stages {
            for need in s.requires() {
                assert!(have.contains(need), "stage `{}` requires {need:?}, which no earlier stage assigns", s.name());
            }
            have.extend_from_slice(s.assigns());
        }
        Pipeline { stages, options }
    }

    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Each stage's name with the layers it requires and assigns, in run order.
    pub fn stage_layers(&self) -> Vec<(&'static str, &'static [Layer], &'static [Layer])> {
        self.stages.iter().map(|s| (s.name(), s.requires(), s.assigns())).collect()
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Run every stage on `doc` in order.
    pub fn annotate(&self, doc: &mut Doc) {
        doc.explain = self.options.explain;
        for stage in &self.stages {
            stage.run(doc);
        }
    }

    /// [`Pipeline::annotate`], adding each stage's wall time to `timings` (one slot per stage,
    /// in `stage_names()` order). For profiling and `--timings`; the plain path stays untimed.
    pub fn annotate_timed(&self, doc: &mut Doc, timings: &mut [std::time::Duration]) {
        assert_eq!(timings.len(), self.stages.len(), "one timing slot per stage");
        doc.explain = self.options.explain;
        for (stage, slot) in self.stages.iter().zip(timings.iter_mut()) {
            let t = std::time::Instant::now();
            stage.run(doc);
            *slot += t.elapsed();
        }
    }

    /// Code one article into records, with an outcome that says why when there are none.
    pub fn code(&self, article: Article) -> Coded {
        self.code_inner(article, None)
    }

    /// [`Pipeline::code`], adding per-stage wall time to `timings` (see `annotate_timed`).
    pub fn code_timed(&self, article: Article, timings: &mut [std::time::Duration]) -> Coded {
        self.code_inner(article, Some(timings))
    }

    fn code_inner(&self, article: Article, timings: Option<&mut [std::time::Duration]>) -> Coded {
        if article.text.trim().is_empty() {
            let doc = Doc::new(article);
            return Coded { doc, records: Vec::new(), outcome: Outcome::Empty("no text".into()) };
        }
        let mut doc = Doc::new(article);
        match timings {
            Some(t) => self.annotate_timed(&mut doc, t),
            None => self.annotate(&mut doc),
        }
        let records: Vec<EventRecord> = doc
            .events
            .iter()
            .filter(|e| self.options.all_modalities || e.modality == Modality::Asserted)
            .map(|e| EventRecord::from_event(&doc, e, VERSION))
            .collect();
        let outcome = if !records.is_empty() {
            Outcome::Coded
        } else if doc.sentences.is_empty() {
            Outcome::Empty("no sentences after cleaning".into())
        } else if !doc.events.is_empty() {
            Outcome::Empty(format!(
                "{} event(s) found, none asserted as fact (use --all-modalities to include them)",
                doc.events.len()
            ))
        } else {
            Outcome::Empty(format!("no event trigger in {} sentence(s)", doc.sentences.len()))
        };
        Coded { doc, records, outcome }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_order_is_consistent() {
        let p = Pipeline::embedded();
        assert_eq!(p.stage_names()[0], "clean");
        assert_eq!(*p.stage_names().last().unwrap(), "merge");
    }

    #[test]
    fn timed_coding_gives_the_same_records_and_fills_every_slot() {
        let p = Pipeline::embedded();
        let text = "Rebels attacked an army base near Gao on Friday, killing three soldiers, the army said.";
        let mut a = Article::new("t", text);
        a.published = Some("2024-05-17".parse().unwrap());
        let plain = p.code(a.clone());
        let mut timings = vec![std::time::Duration::ZERO; p.stage_names().len()];
        let timed = p.code_timed(a, &mut timings);
        assert_eq!(plain.records, timed.records);
        assert!(!plain.records.is_empty());
        assert!(timings.iter().any(|t| !t.is_zero()));
    }

    #[test]
    fn empty_text_is_empty_with_reason() {
        let p = Pipeline::embedded();
        let c = p.code(Article::new("x", "   \n"));
        assert_eq!(c.outcome, Outcome::Empty("no text".into()));
    }

    #[test]
    #[should_panic(expected = "requires")]
    fn misordered_stages_are_caught() {
        let stages: Vec<Box<dyn Stage>> = vec![Box::new(Segmenter::new())];
        Pipeline::from_stages(stages, Options::default());
    }
}
