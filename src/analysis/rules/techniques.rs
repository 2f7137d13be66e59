//! Negotiation techniques and the negatives (pressure, arguing, …).

use super::Ctx;
use crate::analysis::builder::Builder;
use crate::analysis::patterns::{Cue, Hit};
use crate::analysis::tags::{Negative, Technique};

/// Techniques other than diagnosing a delay (see `laer::explore`).
pub(crate) fn techniques(ctx: &Ctx, b: &mut Builder) {
    let pressure = ctx
        .any_stated(|c| c == Cue::Negative(Negative::Pressure))
        .next()
        .is_some();
    for h in &ctx.hits {
        let (t, counted) = match h.cue {
            Cue::Technique(t) => (t, false),
            Cue::CountedTechnique(t) => (t, true),
            _ => continue,
        };
        if counts(ctx, h, t, counted, pressure) {
            b.tag_technique(t, *h);
        }
    }
}

/// Whether technique hit `h` counts; `counted` phrases need a figure in
/// their sentence.
fn counts(ctx: &Ctx, h: &Hit, t: Technique, counted: bool, pressure: bool) -> bool {
    // a trial or the cost of a pain can be asked about; a deadline
    // can sit in the "if you order this month" clause
    let exploring = matches!(t, Technique::Trial | Technique::PainAmplification);
    let in_condition = t == Technique::LimitedTimeOffer;
    let s = ctx.sentence_of(h);
    let in_question = s.is_some_and(|s| s.question);
    if !(ctx.stated(h) || exploring || (in_condition && !in_question)) {
        return false;
    }
    // the number must be outside the phrase ("一家" is no figure)
    let figure = s.is_some_and(|s| {
        ctx.numbers_in(s.start, s.end)
            .iter()
            .any(|n| n.end <= h.start || n.start >= h.end)
    });
    if counted && !figure {
        return false;
    }
    match t {
        Technique::DiagnoseDelay => false, // only inside questions
        Technique::LimitedTimeOffer => !pressure,
        // comparing needs our side or the customer's too, not only the rival's name
        Technique::CompetitorComparison => ctx
            .any(|c| {
                matches!(
                    c,
                    Cue::Ours
                        | Cue::Feature(_)
                        | Cue::GenericFeature
                        | Cue::Addressee
                        | Cue::Contrast
                        | Cue::Advantage
                )
            })
            .next()
            .is_some(),
        // "alerts are included in every plan" describes the product;
        // value is added by giving something beyond it
        Technique::ValueAdded => {
            !in_question
                && s.is_none_or(|s| {
                    !ctx.sentence_has(s, |c| matches!(c, Cue::Feature(_)))
                        || ctx.sentence_has(s, |c| matches!(c, Cue::Tradeable(_)))
                })
        }
        _ => true,
    }
}

/// Negatives count wherever they are said, except an exaggeration said back
/// to the customer ("...a studio will never touch"). Sarcasm is heard as
/// arguing; `stuffed` is the span of keyword stuffing, if any.
pub(crate) fn negatives(ctx: &Ctx, stuffed: Option<(usize, usize)>, b: &mut Builder) {
    if let Some((start, end)) = stuffed {
        b.tag_negative_span(Negative::KeywordStuffing, start, end);
    }
    if let Some(h) = ctx.any(|c| c == Cue::Sarcasm).next() {
        b.tag_negative(Negative::Arguing, h);
    }
    for h in &ctx.hits {
        let Cue::Negative(n) = h.cue else { continue };
        let restating = ctx
            .sentence_of(h)
            .is_some_and(|s| ctx.sentence_has(s, |c| c == Cue::Listen));
        if !(n == Negative::Exaggeration && restating) {
            b.tag_negative(n, *h);
        }
    }
}
