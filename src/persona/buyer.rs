//! The persona's side of the price talk, as a buyer. Modelled on the
//! rule-based bargainer of Stanford's CoCoA (CraigslistBargain): it anchors
//! below its target, concedes only when pushed repeatedly, when the seller
//! concedes, or now and then at random; each step gives away the smaller of
//! a fifth of the remaining gap and half the distance to the seller's price;
//! at its limit it makes a final call.

use rand::Rng;
use rand::rngs::StdRng;

use super::tuning::{TUNING, price_step};
use crate::lang::Lang;

/// What the persona does with the seller's price.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer {
    Accept(f64),
    /// The price would do, but something else is not settled yet.
    NotYet(f64),
    /// It moves to a new position.
    Counter(f64),
    /// It stays where it is: the seller's price is still too high.
    Insist(f64),
    /// Its last word: it will not go higher.
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
    /// 0-1: how much price moves this persona.
    pub sensitivity: f64,
    /// Its prices are rounded the way people talk in this language.
    pub lang: Lang,
    /// Set when the seller lets slip the floor: the persona will not pay more.
    pub known_floor: Option<f64>,
    /// Its final call, once made: it never pays more unless the seller
    /// trades something for it.
    pub final_price: Option<f64>,
    /// Seller replies in a row that did not move on price.
    pub pushes: u32,
}

impl Buyer {
    pub fn new(budget: f64, walk_away: f64, anchor: f64, sensitivity: f64, lang: Lang) -> Buyer {
        let raw = budget * (1.0 - anchor);
        let step = price_step(raw, lang);
        let opening = ((raw / step).round() * step).min(budget);
        Buyer {
            position: opening,
            opening,
            budget,
            walk_away,
            sensitivity: sensitivity.clamp(0.0, 1.0),
            lang,
            known_floor: None,
            final_price: None,
            pushes: 0,
        }
    }

    /// The most the persona pays now: its budget, stretched toward its
    /// walk-away price as perceived value grows (less for a price-sensitive
    /// buyer); its final call once made.
    pub fn limit(&self, value: f64) -> f64 {
        if let Some(f) = self.final_price {
            return f;
        }
        self.stretched(value)
    }

    fn stretched(&self, value: f64) -> f64 {
        let cut = 1.0 - self.sensitivity * TUNING.buyer.sensitivity_stretch_cut;
        let stretched = self.budget + (self.walk_away - self.budget) * value.clamp(0.0, 1.0) * cut;
        self.known_floor.map_or(stretched, |f| stretched.min(f))
    }

    /// `amount` rounded down to a price people say, never below its position.
    pub fn said_below(&self, amount: f64) -> f64 {
        let step = price_step(amount, self.lang);
        ((amount / step + 1e-9).floor() * step).max(self.position)
    }

    /// Takes `price`, or (not `ready`) says it would do: then that price is
    /// where the persona stands, so "deal at that" means it, not an older,
    /// lower counter.
    fn agree(&mut self, price: f64, ready: bool) -> Answer {
        if ready {
            return Answer::Accept(price);
        }
        self.position = self.position.max(price);
        Answer::NotYet(price)
    }

    /// Answers a seller's price. `moved` says whether the seller came down
    /// since their last price; `ready` whether objections and trust allow a
    /// deal at all; `traded` what the seller gave this reply is worth to
    /// the persona.
    pub fn answer(
        &mut self,
        price: f64,
        moved: bool,
        ready: bool,
        value: f64,
        traded: f64,
        rng: &mut StdRng,
    ) -> Answer {
        if let Some(last) = self.final_price {
            // a final call is final: only a trade buys more, up to what the
            // trade is worth to it and never past its walk-away price
            let bought = (last + traded).min(self.walk_away);
            return if price <= last + 0.5 || (traded > 0.0 && price <= bought + 0.5) {
                self.agree(price, ready)
            } else {
                Answer::WalkAway
            };
        }
        let limit = self.limit(value);
        if price <= limit.max(self.position) {
            return self.agree(price, ready);
        }
        let t = &TUNING.buyer;
        self.pushes = if moved { 0 } else { self.pushes + 1 };
        let concede = moved
            || self.pushes > t.pushes_before_conceding
            || rng.random_bool(t.random_concession);
        let top = self.said_below(limit);
        let before = self.position;
        if concede {
            let gap = limit - self.position;
            let share = t.step_share * (1.0 - self.sensitivity * t.sensitivity_step_cut);
            let step = (gap * share).min((price - self.position) / 2.0).max(0.0);
            let raw = self.position + step;
            let unit = price_step(raw, self.lang);
            let mut next = (raw / unit).round() * unit;
            if next <= self.position && step > 0.0 {
                next = self.position + unit;
            }
            self.position = next.min(top).max(self.position);
        }
        let unit = price_step(limit, self.lang);
        if top - self.position < (limit * t.final_call_margin).max(unit)
            || self.pushes > t.pushes_before_final_call
        {
            self.position = top;
            self.final_price = Some(top);
            return Answer::FinalCall(top);
        }
        if self.position > before {
            Answer::Counter(self.position)
        } else {
            Answer::Insist(self.position)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn concedes_in_shrinking_steps_then_makes_a_final_call() {
        let mut b = Buyer::new(44_000.0, 46_000.0, 0.2, 0.0, Lang::En);
        let mut rng = StdRng::seed_from_u64(1);
        let mut last = b.position;
        let mut steps = Vec::new();
        for i in 0..30 {
            match b.answer(48_000.0 - i as f64 * 100.0, true, true, 0.0, 0.0, &mut rng) {
                Answer::Counter(p) => {
                    assert_eq!(p % 500.0, 0.0, "{p} is not a round figure");
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
        assert_eq!(b.final_price, Some(44_000.0));
        // final: more value does not buy a higher price, a trade may
        assert_eq!(
            b.answer(44_500.0, true, true, 1.0, 0.0, &mut rng),
            Answer::WalkAway
        );
        let mut c = b.clone();
        assert_eq!(
            c.answer(44_500.0, true, true, 1.0, 2_000.0, &mut rng),
            Answer::Accept(44_500.0)
        );
    }

    #[test]
    fn accepts_within_its_limit_only_when_ready() {
        let mut b = Buyer::new(44_000.0, 46_000.0, 0.2, 0.0, Lang::En);
        let mut rng = StdRng::seed_from_u64(1);
        let mut low_value = b.clone();
        assert!(matches!(
            low_value.answer(45_000.0, true, true, 0.0, 0.0, &mut rng),
            Answer::Counter(_)
        ));
        assert_eq!(
            b.answer(45_000.0, true, false, 1.0, 0.0, &mut rng),
            Answer::NotYet(45_000.0)
        );
        // said to be workable, it is where the buyer stands now
        assert_eq!(b.position, 45_000.0);
        assert_eq!(
            b.answer(45_000.0, true, true, 1.0, 0.0, &mut rng),
            Answer::Accept(45_000.0)
        );
    }

    #[test]
    fn counters_are_round_figures_in_each_language() {
        let b = Buyer::new(37_112.0 / 0.8, 50_000.0, 0.2, 0.0, Lang::En);
        assert_eq!(b.opening, 37_000.0);
        let b = Buyer::new(37_112.0 / 0.8, 50_000.0, 0.2, 0.0, Lang::ZhCn);
        assert_eq!(b.opening, 37_000.0);
        let b = Buyer::new(723_562.0 / 0.8, 950_000.0, 0.2, 0.0, Lang::ZhCn);
        assert_eq!(b.opening, 720_000.0);
    }
}
