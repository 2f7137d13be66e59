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

/// Where the labels of horizontal lines go so that none overlaps another
/// or leaves the plot: `lines` are the lines' heights from the top (0-100,
/// percent of the plot), `height` a label's height in the same units. Each
/// label sits just above its line (below it when there is no room above),
/// and labels that would overlap are pushed apart, then back inside the
/// plot. Returns each label's top, in the order of `lines`.
pub fn label_tops(lines: &[f64], height: f64) -> Vec<f64> {
    let n = lines.len();
    if n == 0 {
        return Vec::new();
    }
    // more labels than fit: spread them evenly (they touch but never overlap)
    let height = height.min(100.0 / n as f64);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| lines[a].total_cmp(&lines[b]));
    let mut tops = vec![0.0; n];
    for &i in &order {
        let above = lines[i] - height;
        tops[i] = if above >= 0.0 { above } else { lines[i] };
    }
    // top to bottom: each label below the one before
    let mut floor = 0.0_f64;
    for &i in &order {
        tops[i] = tops[i].max(floor);
        floor = tops[i] + height;
    }
    // bottom to top: back inside the plot
    let mut ceiling = 100.0_f64;
    for &i in order.iter().rev() {
        tops[i] = tops[i].min(ceiling - height);
        ceiling = tops[i];
    }
    tops
}

#[cfg(test)]
mod tests {
    use super::label_tops;

    fn check(lines: &[f64], height: f64) {
        let tops = label_tops(lines, height);
        let h = height.min(100.0 / lines.len() as f64);
        for (i, a) in tops.iter().enumerate() {
            assert!(*a >= -1e-9 && a + h <= 100.0 + 1e-9, "{lines:?}: {tops:?}");
            for b in &tops[i + 1..] {
                assert!((a - b).abs() >= h - 1e-9, "{lines:?} overlap: {tops:?}");
            }
        }
    }

    #[test]
    fn labels_never_overlap_and_stay_in_the_plot() {
        // list at the very top, budget and floor a hair apart
        check(&[1.0, 80.0, 81.0], 10.0);
        assert_eq!(label_tops(&[50.0], 10.0), vec![40.0]);
        // a label with no room above its line goes below it
        assert_eq!(label_tops(&[2.0], 10.0), vec![2.0]);
        // many at once, every order and spacing (a simple generator)
        let mut x: u64 = 7;
        for _ in 0..2000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let n = 1 + (x >> 60) as usize % 6;
            let lines: Vec<f64> = (0..n)
                .map(|k| ((x >> (k * 9)) % 1001) as f64 / 10.0)
                .collect();
            let height = 3.0 + ((x >> 50) % 30) as f64;
            check(&lines, height);
        }
    }
}
