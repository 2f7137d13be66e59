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
use crate::record::{Event, Turn};
use crate::scenario::{ObjectionKind, Product, Tradeable};

/// Adds the concession items; false when nothing was said about price, so
/// there is nothing to judge.
pub(super) fn items(items: &mut Items, s: &Session, judged: &[String]) -> bool {
    let price_objection = price_objection_answered(s, judged);
    let revealed: Vec<&Reading> = s
        .mine()
        .filter(|r| r.has_negative(Negative::RevealBottomLine))
        .collect();
    if !price_talked(s, price_objection) && revealed.is_empty() {
        return false;
    }
    let before = items.0.len();
    let product = &s.scenario.product;
    let bounds = Bounds {
        floor: product.floor,
        zone: (product.list_price - product.floor).max(1.0),
        first_push: first_push(s),
    };
    let pushed = price_objection
        || s.events()
            .any(|(_, e)| matches!(e, Event::Countered { .. } | Event::FinalCall { .. }));

    // the mistakes, in the order they were made
    let mut moves = Moves::walk(items, s, &bounds);
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
    let made = moves.steps.len() + moves.gifts.len();
    // conceding all the way down to the floor gave the room away, even
    // without a word about it
    let floor = s.scenario.product.floor;
    let down_to_floor = moves.steps.iter().any(|st| st.to <= floor + 0.5);
    if (pushed || !moves.steps.is_empty())
        && !moves.below_floor
        && !down_to_floor
        && revealed.is_empty()
    {
        items.whole(Rule::ConcKeptFloor, 25.0);
    }
    if moves.below_floor {
        // nothing about a trade below the floor is done well
        moves.steps.clear();
        moves.gifts.clear();
    }
    credit_conditional(items, &moves);
    credit_steps(items, &moves, bounds.zone);
    credit_trades(items, &moves, product);
    if made == 0 && pushed {
        no_movement(items, s, bounds.first_push);
    }
    // a price named and never moved from, with no push: nothing to judge
    items.0.len() > before
}

/// The customer pushed on price with a price objection the player had a
/// reply to answer.
fn price_objection_answered(s: &Session, judged: &[String]) -> bool {
    s.scenario
        .objections
        .iter()
        .any(|o| o.kind == ObjectionKind::Price && judged.contains(&o.id))
}

/// Price was talked about: a price objection answered, or anyone named,
/// offered, gave or agreed something.
fn price_talked(s: &Session, price_objection: bool) -> bool {
    price_objection
        || s.events().any(|(_, e)| {
            matches!(
                e,
                Event::Offered { .. }
                    | Event::Gave { .. }
                    | Event::Countered { .. }
                    | Event::FinalCall { .. }
                    | Event::Deal { .. }
            )
        })
}

/// The index of the reply that met the first push on price: the reply to a
/// price objection, else the reply after the first counter-offer.
fn first_push(s: &Session) -> Option<usize> {
    let price_ids: Vec<&str> = s
        .scenario
        .objections
        .iter()
        .filter(|o| o.kind == ObjectionKind::Price)
        .map(|o| o.id.as_str())
        .collect();
    s.readings
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
        })
}

/// What a price concession is measured against, fixed for the session.
struct Bounds {
    floor: f64,
    /// From the floor to the list price: the room there is to give.
    zone: f64,
    first_push: Option<usize>,
}

/// One step down in price by the player.
struct Step<'r> {
    reply: &'r Reading<'r>,
    /// The price offered.
    to: f64,
    /// How far it came down from the price on the table.
    size: f64,
    conditional: bool,
}

/// One tradeable the player gave.
struct Gift<'r> {
    reply: &'r Reading<'r>,
    tradeable: &'r str,
    conditional: bool,
}

/// The player's moves on price over the session, in the order made.
#[derive(Default)]
struct Moves<'r> {
    steps: Vec<Step<'r>>,
    gifts: Vec<Gift<'r>>,
    /// The player offered or agreed a price below the floor.
    below_floor: bool,
}

impl<'r> Moves<'r> {
    /// Walks the session's price events in order, adding an item for each
    /// mistake as it is made. Steps are measured from the price on the
    /// table, whoever put it there.
    fn walk(items: &mut Items, s: &'r Session, bounds: &Bounds) -> Moves<'r> {
        let mut moves = Moves::default();
        let mut price = s.scenario.product.list_price;
        let mut last_step: Option<f64> = None;
        for (i, r) in s.readings.iter().enumerate() {
            for e in &r.turn.events {
                match e {
                    Event::Offered {
                        price: p,
                        conditional,
                    } if *p < price => {
                        let size = price - p;
                        if r.mine {
                            let step = Step {
                                reply: r,
                                to: *p,
                                size,
                                conditional: *conditional,
                            };
                            let at_first_push =
                                moves.steps.is_empty() && bounds.first_push == Some(i);
                            moves.concede(items, bounds, step, at_first_push, last_step);
                        }
                        last_step = Some(size);
                        price = *p;
                    }
                    Event::Gave {
                        tradeable,
                        conditional,
                    } if r.mine => moves.give(
                        items,
                        Gift {
                            reply: r,
                            tradeable,
                            conditional: *conditional,
                        },
                    ),
                    Event::Deal { price: p } if r.mine && *p < bounds.floor => {
                        moves.went_below_floor(items, r.turn, &r.turn.text);
                    }
                    _ => {}
                }
            }
        }
        moves
    }

    /// The mistakes in one price concession: moving at the first push,
    /// a step no smaller than the last one, a big step, a step given for
    /// nothing, a price below the floor.
    fn concede(
        &mut self,
        items: &mut Items,
        bounds: &Bounds,
        step: Step<'r>,
        at_first_push: bool,
        last_step: Option<f64>,
    ) {
        let t = step.reply.turn;
        let offer = quote(t, "offer");
        if at_first_push {
            items.add(t, offer, Rule::ConcFirstPush, -20.0, None);
        }
        if let Some(last) = last_step
            && step.size >= last
        {
            items.add(t, offer, Rule::ConcNotStepped, -15.0, None);
        }
        if step.size > bounds.zone * 0.5 {
            items.add(t, offer, Rule::ConcBigStep, -15.0, None);
        }
        if !step.conditional {
            items.add(t, offer, Rule::ConcUnconditional, -10.0, None);
        }
        if step.to < bounds.floor {
            self.went_below_floor(items, t, offer);
        }
        self.steps.push(step);
    }

    /// A tradeable given; given for nothing, it costs a little.
    fn give(&mut self, items: &mut Items, gift: Gift<'r>) {
        if !gift.conditional {
            offer_item(items, gift.reply, Rule::ConcUnconditionalGift, -5.0);
        }
        self.gifts.push(gift);
    }

    /// Going below the floor costs once, however often it happens.
    fn went_below_floor(&mut self, items: &mut Items, turn: &Turn, quote: &str) {
        if !self.below_floor {
            self.below_floor = true;
            items.add(turn, quote, Rule::ConcBelowFloor, -50.0, None);
        }
    }
}

/// An item for a reply, quoting its offer.
fn offer_item(items: &mut Items, r: &Reading, rule: Rule, points: f64) {
    items.add(r.turn, quote(r.turn, "offer"), rule, points, None);
}

/// Every move was a trade: credited at the first move.
fn credit_conditional(items: &mut Items, moves: &Moves) {
    if moves.steps.iter().all(|s| s.conditional) && moves.gifts.iter().all(|g| g.conditional) {
        let first = moves
            .steps
            .iter()
            .map(|s| s.reply)
            .chain(moves.gifts.iter().map(|g| g.reply))
            .min_by_key(|r| r.number());
        if let Some(first) = first {
            offer_item(items, first, Rule::ConcConditional, 25.0);
        }
    }
}

/// The price held while value was traded, one modest step, or steps that
/// shrink toward the limit.
fn credit_steps(items: &mut Items, moves: &Moves, zone: f64) {
    let shrinking = moves.steps.windows(2).all(|w| w[1].size < w[0].size);
    match moves.steps.as_slice() {
        [] => {
            if let Some(g) = moves.gifts.iter().find(|g| g.conditional) {
                offer_item(items, g.reply, Rule::ConcHeldPrice, 25.0);
            }
        }
        [one] if one.size <= zone * 0.35 => {
            offer_item(items, one.reply, Rule::ConcStepped, 25.0);
        }
        [_, .., last] if shrinking => {
            offer_item(items, last.reply, Rule::ConcStepped, 25.0);
        }
        _ => {}
    }
}

/// Traded something cheap to give and valuable to get; or, when such a
/// thing existed, moved on price instead (shown, no points).
fn credit_trades(items: &mut Items, moves: &Moves, product: &Product) {
    let cheap_to_give = |x: &Tradeable| x.value >= 2.0 * x.cost;
    let cheap = |id: &str| {
        product
            .tradeables
            .iter()
            .any(|x| x.id == id && cheap_to_give(x))
    };
    match moves
        .gifts
        .iter()
        .find(|g| g.conditional && cheap(g.tradeable))
    {
        Some(g) => offer_item(items, g.reply, Rule::ConcTradedValue, 25.0),
        None => {
            if let Some(first) = moves.steps.first()
                && product.tradeables.iter().any(cheap_to_give)
            {
                offer_item(items, first.reply, Rule::ConcPriceNotTradeables, 0.0);
            }
        }
    }
}

/// Pushed on price and never moved while the most the customer will pay
/// is below the list price: shown against the first reply to the push, no
/// points.
fn no_movement(items: &mut Items, s: &Session, first_push: Option<usize>) {
    let gap = s.scenario.params(s.difficulty).walk_away < s.scenario.product.list_price;
    if !gap {
        return;
    }
    let after = first_push
        .and_then(|i| s.readings[i..].iter().find(|r| r.mine))
        .or_else(|| s.mine().last());
    match after {
        Some(r) => items.add(r.turn, &r.turn.text, Rule::ConcNoMovement, 0.0, None),
        None => items.whole(Rule::ConcNoMovement, 0.0),
    }
}
