//! Text stages: [`Cleaner`] marks page furniture, [`Segmenter`] splits the kept blocks into
//! sentences and tokens, [`detect_dateline`] finds a wire dateline. None of them rewrites
//! the text: everything they produce is a span into `Article::text`.

pub mod clean;
pub mod dateline;
pub mod segment;
pub mod tokenize;

pub use clean::Cleaner;
pub use dateline::detect_dateline;
pub use segment::Segmenter;
pub use tokenize::tokenize;

/// Build a `Doc` for `text` and run the cleaner and segmenter on it: the usual first steps,
/// handy for other stages' tests.
pub fn prepare(text: &str) -> sitrep_core::Doc {
    use sitrep_core::Stage;
    let mut doc = sitrep_core::Doc::new(sitrep_core::Article::new("test", text));
    Cleaner::new().run(&mut doc);
    Segmenter::new().run(&mut doc);
    doc
}
