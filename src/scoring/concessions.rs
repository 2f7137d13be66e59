//! Concessions, earned by how the player trades once the price is talked
//! about: staying above the floor, trading on conditions, stepping down in
//! shrinking steps (or holding the price and trading value instead) and
//! giving what is cheap to give and valuable to get. Mistakes cost points.
//! The price is talked about once the customer raises a price objection
//! the player has a reply to, or anyone names a price. A player who never
//! moves while the customer's budget cannot reach the price earns only for
//! holding the floor.

use super::rubric::Rule;
use super::scorecard::{Items, Reading, Session, quote};
use crate::analysis::tags::Negative;
use crate::record::Event;
use crate::scenario::ObjectionKind;

/// Adds the concession items; false when nothing was said about price, so
/// there is nothing to judge.
pub(super) fn items(items: &mut Items, s: &Session, judged: &[String]) -> bool {
    let product = &s.scenario.product;
    // the customer pushed on price: a price objection the player had a
    // reply to answer, or a counter-offer
    let price_objection = s
        .scenario
        .objections
        .iter()
        .any(|o| o.kind == ObjectionKind::Price && judged.contains(&o.id));
    let talked = price_objection
        || s.events().any(|(_, e)| {
            matches!(
                e,
                Event::Offered { .. }
                    | Event::Gave { .. }
                    | Event::Countered { .. }
                    | Event::FinalCall { .. }
                    | Event::Deal { .. }
            )
        });
    let revealed: Vec<&Reading> = s
        .mine()
        .filter(|r| r.has_negative(Negative::RevealBottomLine))
        .collect();
    if !talked && revealed.is_empty() {
        return false;
    }
    let before = items.0.len();
    let zone = (product.list_price - product.floor).max(1.0);
    let pushed = price_objection
        || s.events()
            .any(|(_, e)| matches!(e, Event::Countered { .. } | Event::FinalCall { .. }));

    // the first push: a reply to a price objection, or to a counter-offer
    let price_ids: Vec<&str> = s
        .scenario
        .objections
        .iter()
        .filter(|o| o.kind == ObjectionKind::Price)
        .map(|o| o.id.as_str())
        .collect();
    let first_push = s
        .readings
        .iter()
        .position(|r| {
            r.turn
                .objection
                .as_deref()
                .is_some_and(|o| price_ids.contains(&o))
        })
        .or_else(|| {
            s.readings
                .iter()
                .position(|r| {
                    r.turn
                        .events
                        .iter()
                        .any(|e| matches!(e, Event::Countered { .. }))
                })
                .map(|i| i + 1)
        });

    let mut price = product.list_price;
    let mut last_step: Option<f64> = None;
    let mut below_floor = false;
    // (reply, step, conditional) for each price concession; (reply, id,
    // conditional) for each thing given
    let mut steps: Vec<(&Reading, f64, bool)> = Vec::new();
    let mut gifts: Vec<(&Reading, &str, bool)> = Vec::new();
    for (i, r) in s.readings.iter().enumerate() {
        for e in &r.turn.events {
            match e {
                Event::Offered {
                    price: p,
                    conditional,
                } if *p < price => {
                    let step = price - p;
                    if r.mine {
                        let t = r.turn;
                        let offer = quote(t, "offer");
                        if steps.is_empty() && first_push == Some(i) {
                            items.add(t, offer, Rule::ConcFirstPush, -20.0, None);
                        }
                        if let Some(last) = last_step
                            && step >= last
                        {
                            items.add(t, offer, Rule::ConcNotStepped, -15.0, None);
                        }
                        if step > zone * 0.5 {
                            items.add(t, offer, Rule::ConcBigStep, -15.0, None);
                        }
                        if !conditional {
                            items.add(t, offer, Rule::ConcUnconditional, -10.0, None);
                        }
                        if *p < product.floor && !below_floor {
                            below_floor = true;
                            items.add(t, offer, Rule::ConcBelowFloor, -50.0, None);
                        }
                        steps.push((r, step, *conditional));
                    }
                    last_step = Some(step);
                    price = *p;
                }
                Event::Gave {
                    tradeable,
                    conditional,
                } if r.mine => {
                    if !conditional {
                        items.add(
                            r.turn,
                            quote(r.turn, "offer"),
                            Rule::ConcUnconditionalGift,
                            -5.0,
                            None,
                        );
                    }
                    gifts.push((r, tradeable.as_str(), *conditional));
                }
                Event::Deal { price: p } if r.mine && *p < product.floor && !below_floor => {
                    below_floor = true;
                    items.add(r.turn, &r.turn.text, Rule::ConcBelowFloor, -50.0, None);
                }
                _ => {}
            }
        }
    }
    for r in &revealed {
        items.add(
            r.turn,
            quote(r.turn, "reveal_bottom_line"),
            Rule::ConcRevealed,
            -30.0,
            None,
        );
    }

    // what was done well
    let moves = steps.len() + gifts.len();
    if (pushed || !steps.is_empty()) && !below_floor && revealed.is_empty() {
        items.whole(Rule::ConcKeptFloor, 25.0);
    }
    if below_floor {
        // nothing about a trade below the floor is done well
        steps.clear();
        gifts.clear();
    }
    if moves > 0 && !below_floor && steps.iter().all(|s| s.2) && gifts.iter().all(|g| g.2) {
        let first = steps
            .iter()
            .map(|s| s.0)
            .chain(gifts.iter().map(|g| g.0))
            .min_by_key(|r| r.number())
            .expect("a move");
        items.add(
            first.turn,
            quote(first.turn, "offer"),
            Rule::ConcConditional,
            25.0,
            None,
        );
    }
    let shrinking = steps.windows(2).all(|w| w[1].1 < w[0].1);
    match steps.as_slice() {
        [] => {
            if let Some(g) = gifts.iter().find(|g| g.2) {
                items.add(
                    g.0.turn,
                    quote(g.0.turn, "offer"),
                    Rule::ConcHeldPrice,
                    25.0,
                    None,
                );
            }
        }
        [one] if one.1 <= zone * 0.35 => {
            items.add(
                one.0.turn,
                quote(one.0.turn, "offer"),
                Rule::ConcStepped,
                25.0,
                None,
            );
        }
        [_, .., last] if shrinking => {
            items.add(
                last.0.turn,
                quote(last.0.turn, "offer"),
                Rule::ConcStepped,
                25.0,
                None,
            );
        }
        _ => {}
    }
    let cheap = |id: &str| {
        product
            .tradeables
            .iter()
            .any(|x| x.id == id && x.value >= 2.0 * x.cost)
    };
    match gifts.iter().find(|g| g.2 && cheap(g.1)) {
        Some(g) => items.add(
            g.0.turn,
            quote(g.0.turn, "offer"),
            Rule::ConcTradedValue,
            25.0,
            None,
        ),
        None => {
            let cheap_exists = product.tradeables.iter().any(|x| x.value >= 2.0 * x.cost);
            if let Some(first) = steps.first()
                && cheap_exists
            {
                items.add(
                    first.0.turn,
                    quote(first.0.turn, "offer"),
                    Rule::ConcPriceNotTradeables,
                    0.0,
                    None,
                );
            }
        }
    }
    let gap = s.scenario.params(s.difficulty).walk_away < product.list_price;
    if gap && moves == 0 && pushed {
        // shown against the first reply to a push on price
        let after = first_push
            .and_then(|i| s.readings[i..].iter().find(|r| r.mine))
            .or_else(|| s.mine().last());
        match after {
            Some(r) => items.add(r.turn, &r.turn.text, Rule::ConcNoMovement, 0.0, None),
            None => items.whole(Rule::ConcNoMovement, 0.0),
        }
    }
    // a price named and never moved from, with no push: nothing to judge
    items.0.len() > before
}
