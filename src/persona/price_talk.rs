//! The price talk: the player's offers move their price, tradeables add
//! value, and the customer answers as a buyer (`buyer`).

use std::sync::Arc;

use super::buyer::{Answer, Buyer};
use super::tuning::{TUNING, accept_trust};
use super::{Persona, Response};
use crate::analysis::tags::Negative;
use crate::analysis::{Analysis, Offer};
use crate::record::{Event, Outcome};
use crate::scenario::{PersonaParams, Scenario, TradeableKind, Trigger};

/// Both sides' positions on price.
pub(super) struct PriceTalk {
    buyer: Buyer,
    /// The player's current price; the list price until they offer.
    price: f64,
    /// Whether a price is on the table (either side named one).
    pub offered: bool,
    player_offered: bool,
    /// Tradeables the player has given, by id.
    given: Vec<String>,
}

impl PriceTalk {
    pub fn new(scenario: &Scenario, params: &PersonaParams) -> PriceTalk {
        PriceTalk {
            buyer: Buyer::new(params.budget, params.walk_away, params.anchor),
            price: scenario.product.list_price,
            offered: false,
            player_offered: false,
            given: Vec::new(),
        }
    }

    pub fn customer_price(&self) -> Option<f64> {
        self.offered.then_some(self.buyer.position)
    }
}

impl Persona {
    /// Every objection settled: the customer names its price.
    pub(super) fn open_price_talk(&mut self, said: &mut Response) {
        self.talk.offered = true;
        let scenario = Arc::clone(&self.scenario);
        let position = self.talk.buyer.position;
        let line = self.pick_line(&scenario.persona.voice.counter);
        said.say(
            line.replace("{price}", &self.money(position)),
            Some(Event::Countered { price: position }),
        );
    }

    /// Applies the reply's offers to the player's price and answers it.
    pub(super) fn negotiate(&mut self, turn: u32, a: &Analysis, said: &mut Response) {
        let before = self.talk.price;
        let (priced, conditional) = self.take_offers(a, said);
        if a.negatives.contains(&Negative::RevealBottomLine) {
            self.talk.buyer.known_floor = Some(self.talk.price.min(before));
        }
        if priced {
            said.events.push(Event::Offered {
                price: self.talk.price,
                conditional,
            });
        }
        if !(priced || a.closing || (self.talk.offered && !a.offers.is_empty())) {
            return;
        }
        self.talk.offered = true;
        if priced && !self.talk.player_offered {
            self.talk.player_offered = true;
            self.raise_where(said, |t| matches!(t, Trigger::AfterOffer));
        }
        let price = self.talk.price;
        let bargain = price <= self.talk.buyer.opening && self.meters.trust >= TUNING.belief_trust;
        let ready = bargain
            || (self.current_objection().is_none()
                && self.meters.trust >= accept_trust(self.difficulty));
        let moved = price < before;
        let value = self.meters.value;
        let scenario = Arc::clone(&self.scenario);
        let voice = &scenario.persona.voice;
        let answer = self
            .talk
            .buyer
            .answer(price, moved, ready, value, &mut self.rng);
        match answer {
            Answer::Accept(price) => {
                let line = self.pick_line(&voice.accept);
                said.say(
                    line.replace("{price}", &self.money(price)),
                    Some(Event::Deal { price }),
                );
                self.outcome = Some(Outcome::Deal { price, turn });
            }
            Answer::NotYet => {
                let line = self.pick_line(&voice.insist);
                said.say(line, None);
            }
            Answer::Counter(price) => {
                let line = self.pick_line(&voice.counter);
                said.say(
                    line.replace("{price}", &self.money(price)),
                    Some(Event::Countered { price }),
                );
            }
            Answer::FinalCall(price) => {
                let line = self.pick_line(&voice.final_call);
                said.say(
                    line.replace("{price}", &self.money(price)),
                    Some(Event::FinalCall { price }),
                );
            }
            Answer::WalkAway => self.walk_away(turn, said),
        }
    }

    /// Moves the player's price by the reply's price offers and records the
    /// tradeables given. Returns whether a price was named, and whether on a
    /// condition.
    fn take_offers(&mut self, a: &Analysis, said: &mut Response) -> (bool, bool) {
        let list = self.scenario.product.list_price;
        let mut priced = false;
        let mut conditional = false;
        for offer in &a.offers {
            let price = match offer {
                Offer::Price { amount, .. } => Some(*amount),
                Offer::DiscountPercent { percent, .. } => Some(list * (1.0 - percent / 100.0)),
                Offer::DiscountAmount { amount, .. } => Some(self.talk.price - amount),
                Offer::Tradeable { .. } => None,
            };
            if let Some(p) = price {
                self.talk.price = p;
                priced = true;
                conditional |= offer.conditional();
            }
            if let Offer::Tradeable { id, conditional: c } = offer
                && !self.talk.given.contains(id)
            {
                self.talk.given.push(id.clone());
                let worth = self
                    .scenario
                    .product
                    .tradeables
                    .iter()
                    .find(|t| &t.id == id)
                    .filter(|t| t.kind != TradeableKind::Discount)
                    .map_or(0.0, |t| t.value / list);
                self.meters.value =
                    (self.meters.value + worth * TUNING.tradeable_value_factor).min(1.0);
                said.events.push(Event::Gave {
                    tradeable: id.clone(),
                    conditional: *c,
                });
            }
        }
        (priced, conditional)
    }
}
