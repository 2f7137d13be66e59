//! What cancels a cue: negation ("I don't understand"), sarcasm ("呵呵，
//! 我当然理解"), an argument in the same sentence or right after a "but"
//! ("I hear you, but you're wrong"), and praise of our own offer ("我们的
//! 价格很合理"), which acknowledges nothing the customer feels.

use super::Ctx;
use crate::analysis::patterns::{Cue, Hit};
use crate::analysis::tags::Negative;
use crate::analysis::text::{Clauses, is_han};

/// How far back a negator reaches: two Latin words or three Han characters
/// between it and the cue ("I don't really understand", "我不太能理解").
const NEGATION_WORDS: usize = 2;
const NEGATION_HAN: usize = 3;

/// Drops listen, acknowledge and probe cues that a negator cancels.
pub(crate) fn drop_negated(text: &str, clauses: &Clauses, hits: Vec<Hit>) -> Vec<Hit> {
    let negators: Vec<Hit> = hits
        .iter()
        .filter(|h| h.cue == Cue::Negator)
        .copied()
        .collect();
    if negators.is_empty() {
        return hits;
    }
    hits.into_iter()
        .filter(|h| {
            if !matches!(h.cue, Cue::Listen | Cue::Acknowledge | Cue::Probe) {
                return true;
            }
            // only the negators in the cue's clause, found by binary search
            let from = clauses.start(h.start);
            let first = negators.partition_point(|n| n.start < from);
            let last = negators.partition_point(|n| n.start < h.start);
            !negators[first..last.max(first)]
                .iter()
                .any(|n| negates(text, n, h))
        })
        .collect()
}

fn negates(text: &str, negator: &Hit, h: &Hit) -> bool {
    if negator.end > h.start {
        return false;
    }
    let between = &text[negator.end..h.start];
    let han = between.chars().filter(|c| is_han(*c)).count();
    let words = between.split_whitespace().count();
    han <= NEGATION_HAN && words <= NEGATION_WORDS
}

/// Whether acknowledgement cue `h` stands: no sarcasm in the reply, no
/// argument in its sentence or in a "but…" sentence right after it, no boast
/// after a "but" in its sentence, and not
/// praise that follows "our" in its clause.
pub(crate) fn acknowledges(ctx: &Ctx, h: &Hit) -> bool {
    if ctx.sarcastic() {
        return false;
    }
    let arguing = |c| c == Cue::Negative(Negative::Arguing);
    if let Some(s) = ctx.sentence_of(h) {
        if ctx.sentence_has(s, arguing) {
            return false;
        }
        // "理解理解，不过…没人比我们强": after a "but", a boast answers the
        // customer's point the way an argument does
        let turn = ctx
            .in_sentence(s, |c| c == Cue::Contrast)
            .find(|c| c.start >= h.end);
        if turn.is_some_and(|c| {
            ctx.hits_in(c.end, s.end)
                .iter()
                .any(|o| o.cue == Cue::Negative(Negative::Exaggeration))
        }) {
            return false;
        }
        let next = ctx.sentences.iter().find(|n| n.start >= s.end);
        let rebuttal = next.is_some_and(|n| {
            let opens = ctx
                .in_sentence(*n, |c| c == Cue::Contrast)
                .next()
                .is_some_and(|c| ctx.text[n.start..c.start].trim().is_empty());
            opens && ctx.sentence_has(*n, arguing)
        });
        if rebuttal {
            return false;
        }
    }
    let clause = ctx.clause_marks.start(h.start);
    !ctx.hits_in(clause, h.start)
        .iter()
        .any(|o| o.cue == Cue::Ours && o.end <= h.start)
}
