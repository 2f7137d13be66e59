//! Pick mode's options for the price talk, when no objection (and so no
//! authored option) is on the table: accept the customer's counter, counter
//! on a condition with a smaller step, hold the price and add value, or
//! walk away. Made from the scenario's concession ladder (list price down to
//! the floor) and its tradeables, in the scenario's language (the texts are
//! `pick.price.*` in `assets/i18n`), and only from what the session holds,
//! so a transcript's picks replay to the same texts.

use std::borrow::Cow;

use super::Session;
use crate::i18n::{Locale, money};
use crate::record::Event;
use crate::scenario::TradeableKind;

/// What an option does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Take the customer's last counter.
    Accept,
    /// Come down a smaller step than last time, on a condition.
    Counter,
    /// Keep the price and give a tradeable in exchange for agreeing.
    HoldAndAdd,
    /// End the talk without a deal.
    WalkAway,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PriceOption {
    pub kind: Move,
    pub text: String,
    /// The price the option names, if any.
    pub price: Option<f64>,
}

/// The first step down the ladder, as a share of the room between the list
/// price and the floor; each later step is this share of the one before
/// (so the steps shrink, and together reach about 90% of the room).
const FIRST_STEP: f64 = 0.3;
const SHRINK: f64 = 2.0 / 3.0;

/// The price options, best first (accept, counter, hold, walk away); only
/// those that make sense now: no acceptance without a counter at or above
/// the floor, no counter once at the floor, no add-on once all are given.
pub fn price_options(session: &Session) -> Vec<PriceOption> {
    let s = session.scenario();
    let p = &s.product;
    let locale = Locale::builtin(s.lang());
    let offers = player_offers(session);
    let mine = offers.last().copied().unwrap_or(p.list_price);
    let theirs = session.persona_price();
    let price_text = |amount: f64| money(amount, &p.currency);
    // variants take turns, so a class sees a different condition each time
    let variant = session.turns().len();
    let mut out = Vec::new();

    // whole units, as said; rounded down so that it is the customer's price
    if let Some(theirs) = theirs.map(f64::floor).filter(|&t| t >= p.floor && t < mine) {
        out.push(PriceOption {
            kind: Move::Accept,
            text: pick(
                locale,
                "pick.price.accept",
                &price_text(theirs),
                "",
                variant,
            ),
            price: Some(theirs),
        });
    }
    let lower = theirs.filter(|&t| t >= p.floor).unwrap_or(p.floor);
    if let Some(next) = next_step(&offers, p.list_price, p.floor, lower) {
        out.push(PriceOption {
            kind: Move::Counter,
            text: pick(locale, "pick.price.counter", &price_text(next), "", variant),
            price: Some(next),
        });
    }
    let given = given(session);
    // something added to the deal first (it reads as a gift), then a longer
    // service period; the best value for its cost among them
    let addon = p
        .tradeables
        .iter()
        .filter(|t| t.kind != TradeableKind::Discount && !given.contains(&t.id.as_str()))
        .max_by(|a, b| {
            let gift = |t: &crate::scenario::Tradeable| t.kind == TradeableKind::AddOn;
            let ratio = |t: &crate::scenario::Tradeable| t.value / t.cost.max(1.0);
            gift(a).cmp(&gift(b)).then(ratio(a).total_cmp(&ratio(b)))
        });
    if let Some(addon) = addon {
        let name = match s.lang() {
            crate::lang::Lang::En => with_article(&addon.name),
            crate::lang::Lang::ZhCn => addon.name.clone(),
        };
        out.push(PriceOption {
            kind: Move::HoldAndAdd,
            text: pick(locale, "pick.price.hold", &price_text(mine), &name, variant),
            price: Some(mine),
        });
    }
    out.push(PriceOption {
        kind: Move::WalkAway,
        text: pick(locale, "pick.price.walk_away", "", "", variant),
        price: None,
    });
    out
}

/// Whether the options on offer are the price talk's: no objection with
/// authored options on the table, and the talk not over.
pub fn in_play(session: &Session) -> bool {
    session.outcome().is_none()
        && session
            .current_objection()
            .is_none_or(|o| o.options.is_empty())
}

/// The texts of the options on offer in the price talk (none when it is not
/// in play), for `Session::options`.
pub fn texts(session: &Session) -> Vec<Cow<'static, str>> {
    if !in_play(session) {
        return Vec::new();
    }
    price_options(session)
        .into_iter()
        .map(|o| Cow::Owned(o.text))
        .collect()
}

/// Whether picking option `n` (1-based) walks away from the price talk.
pub fn walks_away(session: &Session, n: usize) -> bool {
    in_play(session)
        && n.checked_sub(1)
            .and_then(|i| price_options(session).get(i).map(|o| o.kind))
            == Some(Move::WalkAway)
}

/// "the operator training", but "an extra month of coaching" and "five
/// free seats" as they are.
fn with_article(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    let counted = first.chars().next().is_some_and(|c| c.is_ascii_digit())
        || [
            "a", "an", "the", "one", "two", "three", "four", "five", "six", "ten", "free",
        ]
        .contains(&first.as_str());
    if counted {
        name.to_string()
    } else {
        format!("the {name}")
    }
}

/// One variant of `key` (variants are split by " | "), filled in.
fn pick(locale: &Locale, key: &str, price: &str, addon: &str, variant: usize) -> String {
    let text = locale.fill(key, &[("price", price), ("addon", addon)]);
    let variants: Vec<&str> = text.split(" | ").collect();
    variants[variant % variants.len()].to_string()
}

/// The prices the player has named, in order.
fn player_offers(session: &Session) -> Vec<f64> {
    session
        .turns()
        .iter()
        .flat_map(|t| &t.events)
        .filter_map(|e| match e {
            Event::Offered { price, .. } => Some(*price),
            _ => None,
        })
        .collect()
}

/// The tradeables the player has given, by id.
fn given(session: &Session) -> Vec<&str> {
    session
        .turns()
        .iter()
        .flat_map(|t| &t.events)
        .filter_map(|e| match e {
            Event::Gave { tradeable, .. } => Some(tradeable.as_str()),
            _ => None,
        })
        .collect()
}

/// The next price down the ladder: a smaller step than the last (the first a
/// share of the room), rounded to a price people say (none once the step is
/// under one round unit: each step must be smaller), never below `lower`
/// (the floor, or the customer's counter when that is higher: then the
/// counter is the option to take). `None` when there is no room left.
pub fn next_step(offers: &[f64], list: f64, floor: f64, lower: f64) -> Option<f64> {
    let mine = offers.last().copied().unwrap_or(list);
    // the last time the price came down (holding it is no step)
    let last_step = std::iter::once(list)
        .chain(offers.iter().copied())
        .collect::<Vec<f64>>()
        .windows(2)
        .map(|w| w[0] - w[1])
        .rfind(|d| *d > 0.0);
    let step = last_step.map_or((list - floor) * FIRST_STEP, |s| s * SHRINK);
    let unit = round_unit(list);
    if step < unit {
        return None; // steps too small to say: hold, accept or walk away
    }
    let next = ((mine - step) / unit).round() * unit;
    let next = next.max(lower).max(floor);
    if next > mine - unit / 2.0 {
        return None; // at the floor: nothing left to give
    }
    // a counter at the customer's own price is the acceptance, not a step
    (next > lower || lower <= floor).then_some(next)
}

/// Prices are said in round numbers: hundreds for tens of thousands,
/// thousands for hundreds of thousands.
fn round_unit(list: f64) -> f64 {
    let digits = list.max(1.0).log10().floor() as i32;
    10f64.powi((digits - 2).max(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_shrink_and_stop_at_the_floor_or_the_counter() {
        // 48,000 list, 41,500 floor: 6,500 of room, a first step of 1,950
        let step = |offers: &[f64], lower: f64| next_step(offers, 48_000.0, 41_500.0, lower);
        assert_eq!(step(&[], 41_500.0), Some(46_100.0));
        assert_eq!(step(&[46_100.0], 41_500.0), Some(44_800.0));
        assert_eq!(step(&[46_100.0, 44_800.0], 41_500.0), Some(43_900.0));
        // holding the price is no step: the next is smaller than the last real one
        assert_eq!(
            step(&[46_100.0, 44_800.0, 44_800.0], 41_500.0),
            Some(43_900.0)
        );
        // a step under a round unit is not offered (it would be as big as the last)
        assert_eq!(step(&[44_600.0, 44_500.0], 41_500.0), None);
        assert_eq!(step(&[44_800.0, 44_600.0], 41_500.0), Some(44_500.0));
        // the customer offers 44,900: no step down to it, take it instead
        assert_eq!(step(&[46_100.0, 45_200.0], 44_900.0), None);
        // a step that would cross the floor stops at it; at the floor, none
        assert_eq!(step(&[42_500.0, 41_800.0], 41_500.0), Some(41_500.0));
        assert_eq!(step(&[41_500.0], 41_500.0), None);
        assert_eq!(round_unit(340_000.0), 1_000.0);
    }
}
