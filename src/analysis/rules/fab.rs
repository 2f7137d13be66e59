//! FAB: feature, advantage, benefit; plus the scenario's features and pains
//! the reply names.

use super::Ctx;
use crate::analysis::builder::Builder;
use crate::analysis::paraphrase::restates;
use crate::analysis::patterns::{Cue, Hit};
use crate::analysis::tags::Fab;
use crate::analysis::text::Sentence;

pub(crate) fn fab(ctx: &Ctx, b: &mut Builder) {
    let features = named_features(ctx);
    let generic: Vec<Hit> = ctx.any_stated(|c| c == Cue::GenericFeature).collect();
    if let Some(h) = features.first().or(generic.first()) {
        b.tag_fab(Fab::Feature, *h);
    }
    if let Some(s) = ctx.scenario {
        for h in &features {
            if let Cue::Feature(i) = h.cue {
                b.name_feature(&s.feature_ids[i]);
            }
        }
        for h in ctx.any_stated(|c| matches!(c, Cue::Pain(_))) {
            if let Cue::Pain(i) = h.cue {
                b.touch_pain(&s.pain_ids[i]);
            }
        }
    }
    let untouched = benefit(ctx, b);
    let has_feature = !features.is_empty() || !generic.is_empty();
    advantage(ctx, b, &features, has_feature, untouched);
}

/// The scenario's features the player states. "an extra month of coaching"
/// names a tradeable, and "预约本" (the paper book) a pain, not the coaching
/// or booking feature.
fn named_features(ctx: &Ctx) -> Vec<Hit> {
    ctx.any_stated(|c| matches!(c, Cue::Feature(_)))
        .filter(|h| !ctx.inside(h, |c| matches!(c, Cue::Tradeable(_) | Cue::Pain(_))))
        .collect()
}

/// Benefit: an outcome frame ("so your…") with a pain of this customer in
/// its sentence, or an advantage word when there is no scenario. Returns the
/// first frame when none touches anything: it may still state an advantage.
fn benefit(ctx: &Ctx, b: &mut Builder) -> Option<Hit> {
    let listens: Vec<Hit> = ctx.any_stated(|c| c == Cue::Listen).collect();
    let frames: Vec<Hit> = ctx
        .any_stated(|c| c == Cue::Benefit)
        .filter(|h| !listens.iter().any(|l| h.start < l.end && h.end > l.start))
        .filter(|h| {
            // a threat ("don't wait, you'll lose more") is no benefit
            ctx.sentence_of(h)
                .is_none_or(|s| !s.question && !ctx.pressure_or_arguing(s))
        })
        .collect();
    for frame in &frames {
        let s = ctx.sentence_of(frame).unwrap_or(Sentence {
            start: 0,
            end: ctx.text.len(),
            question: false,
            tagged: false,
        });
        let touches = match ctx.scenario {
            Some(_) => ctx.in_sentence(s, |c| matches!(c, Cue::Pain(_))).next(),
            None => ctx.in_sentence(s, |c| c == Cue::Advantage).next(),
        };
        if let Some(p) = touches {
            b.tag_fab(Fab::Benefit, *frame);
            b.evidence("benefit", p);
            return None;
        }
    }
    frames.first().copied()
}

/// Advantage: what a named feature does better, in an advantage word or in
/// other words; failing that, a benefit frame that touched no pain.
fn advantage(
    ctx: &Ctx,
    b: &mut Builder,
    features: &[Hit],
    has_feature: bool,
    untouched: Option<Hit>,
) {
    // "cut your power bill" is the benefit frame, not a second advantage
    let frames: Vec<Hit> = ctx.any_stated(|c| c == Cue::Benefit).collect();
    let word = ctx
        .any_stated(|c| c == Cue::Advantage)
        .find(|h| has_feature && !frames.iter().any(|f| f.start <= h.end && f.end >= h.start));
    if let Some(h) = word.or_else(|| restated_advantage(ctx, features)) {
        b.tag_fab(Fab::Advantage, h);
    } else if let Some(frame) = untouched.filter(|_| has_feature) {
        b.tag_fab(Fab::Advantage, frame);
    }
}

/// A sentence naming a feature that shares content words (outside the
/// feature's own name) with the scenario's description of that feature's
/// advantage ("runs one day a month") states the advantage in other words.
fn restated_advantage(ctx: &Ctx, features: &[Hit]) -> Option<Hit> {
    let scenario = ctx.scenario?;
    features.iter().find_map(|h| {
        let Cue::Feature(i) = h.cue else { return None };
        let s = ctx.sentence_of(h)?;
        let around = format!(
            "{} {}",
            &ctx.text[s.start..h.start],
            &ctx.text[h.end..s.end]
        );
        restates(&around, &scenario.advantage_keys[i], ctx.stopwords).then_some(*h)
    })
}
