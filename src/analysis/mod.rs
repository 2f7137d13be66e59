//! Reply analysis: one player reply in, tagged moves with evidence out.

mod analyzer;
pub mod lexicon;
pub mod numbers;
pub mod tags;

pub use analyzer::{Analysis, Analyzer, Evidence, Offer, QuestionKind, is_han};

/// The language of a reply: Chinese when it has any Han character.
pub fn detect_language(text: &str) -> &'static str {
    if text.chars().any(is_han) {
        "zh-CN"
    } else {
        "en"
    }
}
