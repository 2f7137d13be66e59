//! Offers: prices and discounts, then the scenario's tradeables.

use std::cell::OnceCell;

use super::Ctx;
use crate::analysis::analyzer::{MIN_NAME_PAIRS, Offer};
use crate::analysis::builder::Builder;
use crate::analysis::offers::CONNECTIVE;
use crate::analysis::paraphrase::han_pairs;
use crate::analysis::patterns::{Cue, Hit};
use crate::analysis::tags::Technique;
use crate::analysis::text::Sentence;
use crate::scenario::TradeableKind;

/// The widest span a reworded name may cover (its words in one phrase).
const REWORDED_SPAN: usize = 48;

/// Tradeable `i` said in other words: every stem of one of its names in one
/// of `sentences`, close together ("split the payment across two financial
/// years" for "split payment").
fn reworded(ctx: &Ctx, sentences: &[Sentence], i: usize) -> Vec<Hit> {
    let Some(names) = ctx.scenario.and_then(|s| s.tradeable_stems.get(i)) else {
        return Vec::new();
    };
    if names.is_empty() {
        return Vec::new();
    }
    let said = ctx.stems();
    let mut found = Vec::new();
    for s in sentences {
        let first = said.partition_point(|w| w.1 < s.start);
        let words = &said[first..first + said[first..].partition_point(|w| w.2 <= s.end)];
        for stems in names {
            let spans: Option<Vec<(usize, usize)>> = stems
                .iter()
                .map(|k| words.iter().find(|w| w.0 == *k).map(|w| (w.1, w.2)))
                .collect();
            let Some(spans) = spans else { continue };
            if let Some(h) = close_together(&spans, REWORDED_SPAN, i) {
                found.push(h);
                break;
            }
        }
    }
    found
}

/// A hit for tradeable `i` over `spans` (the pieces of one of its names),
/// when they lie within `widest` bytes.
fn close_together(spans: &[(usize, usize)], widest: usize, i: usize) -> Option<Hit> {
    let start = spans.iter().map(|w| w.0).min()?;
    let end = spans.iter().map(|w| w.1).max()?;
    (end - start <= widest).then_some(Hit {
        cue: Cue::Tradeable(i),
        start,
        end,
    })
}

/// Per offering sentence, its Han character pairs that are in some
/// tradeable's name, with their spans.
type NamePairs = Vec<Vec<(u64, usize, usize)>>;

/// The widest span a Chinese name said in other words may cover: sixty
/// bytes, twenty Han characters.
const REWORDED_HAN_SPAN: usize = 60;

/// The most pairs a name has that counts as short.
const SHORT_NAME_PAIRS: usize = 5;

/// Tradeable `i` said in other words in Chinese: most of the character
/// pairs of one of its names (three at least, and three in five, or all
/// but one of a short name's) close together in one of `sentences`
/// ("钱分两个财年付" for "分两个财年付款", "老患者资料免费给您导进来" for
/// "免费导入老患者资料").
fn reworded_han(
    ctx: &Ctx,
    sentences: &[Sentence],
    pairs: &OnceCell<NamePairs>,
    i: usize,
) -> Vec<Hit> {
    let Some((names, any)) = ctx
        .scenario
        .and_then(|s| Some((s.tradeable_pairs.get(i)?, &s.any_tradeable_pair)))
    else {
        return Vec::new();
    };
    if names.is_empty() {
        return Vec::new();
    }
    // the pairs of each offering sentence that are in some name, read once
    // for all the tradeables
    let pairs = pairs.get_or_init(|| {
        sentences
            .iter()
            .map(|s| {
                let mut said = han_pairs(&ctx.text[s.start..s.end], |k| any.contains(&k));
                for p in &mut said {
                    (p.1, p.2) = (p.1 + s.start, p.2 + s.start);
                }
                said
            })
            .collect()
    });
    let mut found = Vec::new();
    for said in pairs {
        for name in names {
            // the first place each of the name's pairs is said
            let spans: Vec<(usize, usize)> = name
                .iter()
                .filter_map(|k| said.iter().find(|p| p.0 == *k).map(|p| (p.1, p.2)))
                .collect();
            // a short name needs all its pairs but one: any four of its
            // characters in a row would be three in five ("两年免费" of
            // "两年免费维保")
            let need = if name.len() <= SHORT_NAME_PAIRS {
                name.len() - 1
            } else {
                (name.len() * 3).div_ceil(5)
            };
            if spans.len() < need.max(MIN_NAME_PAIRS) {
                continue;
            }
            if let Some(h) = close_together(&spans, REWORDED_HAN_SPAN, i) {
                found.push(h);
                break;
            }
        }
    }
    found
}

/// The prices and discounts found in the reply (see `offers::offers`), then
/// (unless `tradeables` is false, for a recital) each tradeable other than a discount that the player states in a
/// sentence that gives or offers it, or a question that offers it ("how
/// about 14,500 with onboarding?"). A term the customer signs in return
/// ("if you sign the three-year contract") is their side of the trade.
pub(crate) fn offers(ctx: &Ctx, tradeables: bool, b: &mut Builder) {
    for (offer, start, end) in &ctx.offers {
        b.evidence_span("offer", *start, *end);
        b.offer(offer.clone());
    }
    if !tradeables {
        return;
    }
    if ctx.scenario.is_none() {
        gift(ctx, b);
        return;
    }
    // a tradeable is offered only in a sentence that gives, offers or
    // proposes, or that names a price: most replies have none, and their
    // words need no reading for reworded names
    let offering: Vec<Sentence> = ctx
        .sentences
        .iter()
        .filter(|s| {
            ctx.offered_in(**s)
                || ctx.sentence_has(**s, |c| matches!(c, Cue::Give | Cue::Offer | Cue::Proposal))
        })
        .copied()
        .collect();
    if offering.is_empty() {
        return;
    }
    let pairs = OnceCell::new();
    for (i, (id, kind)) in ctx
        .scenario
        .iter()
        .flat_map(|s| s.tradeables.iter().enumerate())
    {
        if *kind == TradeableKind::Discount {
            continue;
        }
        let Some(h) = ctx
            .any(|c| c == Cue::Tradeable(i))
            // said in other words: looked for only when it is not named
            .chain(std::iter::once_with(|| reworded(ctx, &offering, i)).flatten())
            .chain(std::iter::once_with(|| reworded_han(ctx, &offering, &pairs, i)).flatten())
            .find(|h| {
                ctx.sentence_of(h).is_some_and(|s| {
                    let offers = ctx.sentence_has(s, |c| matches!(c, Cue::Give | Cue::Offer));
                    let proposes = ctx.sentence_has(s, |c| matches!(c, Cue::Offer | Cue::Proposal));
                    let asked = s.question && proposes && !ctx.in_condition(h);
                    // named beside a price on offer ("32万，延保两年，一口价？")
                    // it is part of that offer
                    let priced = ctx.offered_in(s) && !ctx.in_condition(h);
                    (offers && ctx.stated(h)) || asked || priced || given_in_clause(ctx, s, h)
                })
            })
        else {
            continue;
        };
        let conditional = ctx.sentence_of(&h).is_some_and(|s| ctx.conditional(s));
        b.evidence("offer", h);
        b.offer_once(Offer::Tradeable {
            id: id.clone(),
            conditional,
        });
        if *kind == TradeableKind::AddOn {
            b.tag_technique(Technique::ValueAdded, h);
        }
    }
}

/// Without a scenario no tradeable has a name: something stated as given
/// away ("I'll throw in the footstool", "dessert's on the house", "再送您一
/// 份甜品") is an extra on offer, unless it is the customer's side of a
/// condition, refused, or someone else's ("They threw in delivery"). A
/// proposal put as a question offers it too ("What if I throw in
/// delivery?"); a question about a gift does not ("Did they throw it in
/// for free?").
fn gift(ctx: &Ctx, b: &mut Builder) {
    let given = ctx.any(|c| c == Cue::Gift).find_map(|h| {
        let s = ctx.sentence_of(&h)?;
        // "we don't throw in the lamp" gives nothing; "they threw it in"
        // is not our gift
        let not_ours = ctx
            .hits_in(ctx.clause_marks.start(h.start), h.start)
            .iter()
            .any(|n| matches!(n.cue, Cue::Negator | Cue::Theirs));
        let proposes = || {
            s.question
                && ctx.hits_in(s.start, s.end).iter().any(|o| {
                    o.cue == Cue::Proposal || (o.cue == Cue::Offer && o.end - o.start > CONNECTIVE)
                })
        };
        (!not_ours && !ctx.in_condition(&h) && (ctx.stated(&h) || proposes())).then_some((h, s))
    });
    if let Some((h, s)) = given {
        b.evidence("offer", h);
        b.offer_once(Offer::Tradeable {
            id: "extra".into(),
            conditional: ctx.conditional(s),
        });
    }
}

/// Whether tradeable hit `h` is given in a clause of its own in statement
/// `s`, after the sentence opened by restating or asking the customer's
/// view ("您觉得还不够，我可以再送首年备件包。"): a gift word before it in
/// its clause, no restating frame, negation or condition there.
fn given_in_clause(ctx: &Ctx, s: Sentence, h: &Hit) -> bool {
    if s.question || ctx.in_condition(h) {
        return false;
    }
    let clause = ctx.hits_in(ctx.clause_marks.start(h.start), ctx.clause_marks.end(h.end));
    let gives = clause
        .iter()
        .any(|g| g.cue == Cue::Give && g.start < h.start);
    // "we don't include X" gives nothing
    gives
        && !clause
            .iter()
            .any(|g| matches!(g.cue, Cue::Listen | Cue::Negator))
}
