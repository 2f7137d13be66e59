//! The persona's side of the price talk, as a buyer. Modelled on the
//! rule-based bargainer of Stanford's CoCoA (CraigslistBargain): it anchors
//! below its target, concedes only when pushed repeatedly, when the seller
//! concedes, or now and then at random; each step gives away the smaller of
//! a fifth of the remaining gap and half the distance to the seller's price;
//! at its limit it makes a final call.

use rand::Rng;
use rand::rngs::StdRng;

use super::tuning::TUNING;

/// What the persona does with the seller's price.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer {
    Accept(f64),
    /// The price would do, but something else is not settled yet.
    NotYet,
    Counter(f64),
    FinalCall(f64),
    WalkAway,
}

#[derive(Debug, Clone)]
pub struct Buyer {
    /// What the persona currently says it will pay.
    pub position: f64,
    /// Where it opened: a price this low is a bargain it takes whatever
    /// else is still open.
    pub opening: f64,
    /// Its approved budget and the most it will ever pay.
    pub budget: f64,
    pub walk_away: f64,
    /// Set when the seller lets slip the floor: the persona will not pay more.
    pub known_floor: Option<f64>,
    pub final_called: bool,
    /// Seller replies in a row that did not move on price.
    pushes: u32,
}

impl Buyer {
    pub fn new(budget: f64, walk_away: f64, anchor: f64) -> Buyer {
        Buyer {
            position: budget * (1.0 - anchor),
            opening: budget * (1.0 - anchor),
            budget,
            walk_away,
            known_floor: None,
            final_called: false,
            pushes: 0,
        }
    }

    /// The most the persona pays now: its budget, stretched toward its
    /// walk-away price as perceived value grows.
    pub fn limit(&self, value: f64) -> f64 {
        let stretched = self.budget + (self.walk_away - self.budget) * value.clamp(0.0, 1.0);
        self.known_floor.map_or(stretched, |f| stretched.min(f))
    }

    /// Answers a seller's price. `moved` says whether the seller came down
    /// since their last price; `ready` whether objections and trust allow a
    /// deal at all.
    pub fn answer(
        &mut self,
        price: f64,
        moved: bool,
        ready: bool,
        value: f64,
        rng: &mut StdRng,
    ) -> Answer {
        let limit = self.limit(value);
        if price <= limit.max(self.position) {
            return if ready {
                Answer::Accept(price)
            } else {
                Answer::NotYet
            };
        }
        if self.final_called {
            return Answer::WalkAway;
        }
        let t = &TUNING.buyer;
        self.pushes = if moved { 0 } else { self.pushes + 1 };
        let concede = moved
            || self.pushes > t.pushes_before_conceding
            || rng.random_bool(t.random_concession);
        if concede {
            let gap = limit - self.position;
            let step = (gap * t.step_share)
                .min((price - self.position) / 2.0)
                .max(0.0);
            self.position = (self.position + step).min(limit);
        }
        if limit - self.position < (limit * t.final_call_margin).max(1.0)
            || self.pushes > t.pushes_before_final_call
        {
            self.position = limit;
            self.final_called = true;
            return Answer::FinalCall(limit);
        }
        Answer::Counter(self.position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn concedes_in_shrinking_steps_then_makes_a_final_call() {
        let mut b = Buyer::new(44_000.0, 46_000.0, 0.2);
        let mut rng = StdRng::seed_from_u64(1);
        let mut last = b.position;
        let mut steps = Vec::new();
        for i in 0..30 {
            match b.answer(48_000.0 - i as f64 * 100.0, true, true, 0.0, &mut rng) {
                Answer::Counter(p) => {
                    steps.push(p - last);
                    last = p;
                }
                Answer::FinalCall(p) => {
                    assert_eq!(p, 44_000.0);
                    break;
                }
                other => panic!("unexpected {other:?}"),
            }
        }
        assert!(steps.windows(2).all(|w| w[1] <= w[0] + 1e-9), "{steps:?}");
        assert!(b.final_called);
        assert_eq!(
            b.answer(44_500.0, true, true, 0.0, &mut rng),
            Answer::WalkAway
        );
    }

    #[test]
    fn accepts_within_its_limit_only_when_ready() {
        let mut b = Buyer::new(44_000.0, 46_000.0, 0.2);
        let mut rng = StdRng::seed_from_u64(1);
        assert_eq!(
            b.answer(45_000.0, true, false, 1.0, &mut rng),
            Answer::NotYet
        );
        assert_eq!(
            b.answer(45_000.0, true, true, 1.0, &mut rng),
            Answer::Accept(45_000.0)
        );
        assert!(matches!(
            b.answer(45_000.0, true, true, 0.0, &mut rng),
            Answer::Counter(_)
        ));
    }
}
