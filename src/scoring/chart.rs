//! Helpers for the prices-by-turn chart, shared by the game's debrief and
//! the HTML report.

use crate::record::{Event, Turn};
use crate::scenario::Scenario;

/// Prices by turn number.
pub type Series = Vec<(u32, f64)>;

/// Prices named so far, by turn: the player's and the customer's (a deal
/// counts for both).
pub fn price_points(turns: &[Turn]) -> (Series, Series) {
    let mut yours = Vec::new();
    let mut theirs = Vec::new();
    for t in turns {
        for e in &t.events {
            match e {
                Event::Offered { price, .. } => yours.push((t.number, *price)),
                Event::Countered { price } | Event::FinalCall { price } => {
                    theirs.push((t.number, *price))
                }
                Event::Deal { price } => {
                    yours.push((t.number, *price));
                    theirs.push((t.number, *price));
                }
                _ => {}
            }
        }
    }
    (yours, theirs)
}

/// The price range a prices-by-turn chart spans: every price named, the
/// seller's floor and list price and the customer's budget, with a margin.
pub fn price_span(turns: &[Turn], scenario: &Scenario, budget: f64) -> (f64, f64) {
    let (yours, theirs) = price_points(turns);
    let product = &scenario.product;
    let named = || yours.iter().chain(&theirs).map(|p| p.1);
    let low = named()
        .chain([product.floor, budget])
        .fold(f64::MAX, f64::min);
    let high = named().chain([product.list_price]).fold(f64::MIN, f64::max);
    (low * 0.96, high * 1.02)
}
