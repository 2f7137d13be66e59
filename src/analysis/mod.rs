//! Reply analysis: one player reply in, tagged moves with evidence out.

mod analyzer;
mod builder;
pub mod expand;
pub mod lexicon;
pub mod numbers;
mod offers;
mod paraphrase;
mod patterns;
mod reader;
mod rules;
mod table;
pub mod tags;
pub(crate) mod text;

pub use analyzer::{Analysis, Analyzer, Evidence, Offer, QuestionKind};
pub use text::is_han;

/// The language of a reply: Chinese when it has any Han character.
pub fn detect_language(text: &str) -> &'static str {
    if text.chars().any(is_han) {
        "zh-CN"
    } else {
        "en"
    }
}
