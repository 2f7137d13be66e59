//! Keyword stuffing: the rubric's words listed instead of the moves they
//! name ("Feature: sensors. Benefit: downtime. ROI, case study, trial."), or
//! the same acknowledgement said over and over. A trainer gives such a
//! reply nothing, so the analyzer tags it and no other rule credits it.

use super::Ctx;
use crate::analysis::patterns::{Cue, Hit};
use crate::analysis::text::{clause_end, clause_start, is_han, is_punct};

/// Labels ("Feature:") that make a reply a rubric recital.
const LABELS: usize = 2;
/// Bare rubric items ("ROI", "case study", "投资回报") in a list.
const BARE_ITEMS: usize = 3;
/// Bare acknowledgements ("I hear you. Fair point. Great question.") in one
/// reply that make a stack rather than a reply.
const STACKED_ACKNOWLEDGEMENTS: usize = 3;

/// The span of the stuffed words, when the reply is stuffed.
pub(crate) fn stuffing(ctx: &Ctx) -> Option<(usize, usize)> {
    let text = ctx.text;
    let rubric: Vec<Hit> = outermost(ctx.any(|c| c == Cue::Rubric).collect());
    let labels: Vec<&Hit> = rubric
        .iter()
        .filter(|h| text[h.end..].trim_start().starts_with([':', '：']))
        .collect();
    let bare: Vec<&Hit> = rubric.iter().filter(|h| bare_item(text, h)).collect();
    let acks = outermost(ctx.any(|c| c == Cue::Acknowledge).collect());
    let repeated = acks.windows(2).any(|w| {
        w[0].end <= w[1].start
            && text[w[0].end..w[1].start].trim_matches(is_punct).is_empty()
            && text[w[0].start..w[0].end].eq_ignore_ascii_case(&text[w[1].start..w[1].end])
    });
    let stacked = acks.iter().filter(|h| bare_item(text, h)).count() >= STACKED_ACKNOWLEDGEMENTS;
    let involved: Vec<&Hit> = if labels.len() >= LABELS || bare.len() >= BARE_ITEMS {
        labels.into_iter().chain(bare).collect()
    } else if repeated || stacked {
        acks.iter().collect()
    } else {
        return None;
    };
    let start = involved.iter().map(|h| h.start).min()?;
    let end = involved.iter().map(|h| h.end).max()?;
    Some((start, end))
}

/// The hits not inside a longer one, in order.
fn outermost(hits: Vec<Hit>) -> Vec<Hit> {
    hits.iter()
        .filter(|h| {
            !hits.iter().any(|o| {
                o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start
            })
        })
        .copied()
        .collect()
}

/// Whether rubric word `h` is most of its clause: "ROI," or "案例、", not
/// "the trial runs for a month".
fn bare_item(text: &str, h: &Hit) -> bool {
    let start = clause_start(text, h.start);
    let end = clause_end(text, h.end);
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
    let clause = letters(&text[start..end]);
    let word = letters(&text[h.start..h.end]);
    let han = text[start..end].chars().any(is_han);
    let words = text[start..end].split_whitespace().count();
    word * 2 >= clause && (han || words <= 4)
}
