//! The price talk: the player's offers move their price, tradeables add
//! value, and the customer answers as a buyer (`buyer`). It tells an
//! acceptable price from an open concern, checks an offer far below its own
//! position before it binds, takes the player's word for its own counter
//! ("OK, deal", "就按您说的"), and takes what its role cannot sign alone to
//! whoever can.

use std::sync::Arc;

use super::buyer::{Answer, Buyer};
use super::facts::Found;
use super::lines::builtin;
use super::tuning::{TUNING, accept_trust, signs_alone};
use super::{Persona, Response};
use crate::analysis::tags::Negative;
use crate::analysis::{Analysis, Offer};
use crate::record::{Event, Outcome};
use crate::scenario::{FactKind, ObjectionKind, PersonaParams, Scenario, TradeableKind, Trigger};

/// Both sides' positions on price.
pub(super) struct PriceTalk {
    pub buyer: Buyer,
    /// The player's current price; the list price until they offer.
    price: f64,
    /// Whether a price is on the table (either side named one).
    pub offered: bool,
    /// Whether the customer has named a price of its own.
    named: bool,
    /// The lowest price the customer has countered with: the player going
    /// back to it is no slip, whatever the customer has said since.
    lowest_counter: Option<f64>,
    player_offered: bool,
    /// Tradeables the player has given, by id.
    given: Vec<String>,
    /// A price far below the customer's position, said back to the player
    /// to check it, with the player's price before it; it binds unless the
    /// next reply corrects it.
    checking: Option<(f64, f64)>,
    /// A price the customer has taken to whoever signs; the answer comes
    /// with the next reply.
    referred: Option<f64>,
    /// The player's first price raised a concern instead of an answer
    /// (whether it moved, what its trades were worth); the customer answers
    /// that price once no concern is open.
    unanswered: Option<(bool, f64)>,
}

impl PriceTalk {
    pub fn new(scenario: &Scenario, params: &PersonaParams) -> PriceTalk {
        PriceTalk {
            buyer: Buyer::new(
                params.budget,
                params.walk_away,
                params.anchor,
                params.price_sensitivity,
                scenario.lang(),
            ),
            price: scenario.product.list_price,
            offered: false,
            named: false,
            lowest_counter: None,
            player_offered: false,
            given: Vec::new(),
            checking: None,
            referred: None,
            unanswered: None,
        }
    }

    pub fn customer_price(&self) -> Option<f64> {
        self.named.then_some(self.buyer.position)
    }

    /// Whether the player's price is one the customer could pay now.
    pub fn acceptable(&self, value: f64) -> bool {
        self.price <= self.buyer.limit(value).max(self.buyer.position)
    }
}

impl Persona {
    /// Every objection settled: the customer names its price.
    pub(super) fn open_price_talk(&mut self, said: &mut Response) {
        self.talk.offered = true;
        let position = self.talk.buyer.position;
        self.counter(position, said);
    }

    fn counter(&mut self, price: f64, said: &mut Response) {
        self.talk.named = true;
        self.talk.lowest_counter = Some(self.talk.lowest_counter.map_or(price, |l| l.min(price)));
        let spoken = self.spoken(price);
        let line = self.voice_line("counter", &[("price", Some(&spoken))]);
        said.say(line, Some(Event::Countered { price }));
    }

    /// Applies the reply's offers to the player's price and answers it.
    pub(super) fn negotiate(&mut self, turn: u32, a: &Analysis, said: &mut Response) {
        let mut before = self.talk.price;
        let offered_before = self.talk.player_offered;
        let (mut priced, conditional, traded) = self.take_offers(a, said);
        let position = self.talk.buyer.position;
        // "OK, deal" / "就按您说的": the player takes the customer's counter
        let agreed =
            a.closing && self.talk.named && (!priced || (self.talk.price - position).abs() < 0.5);
        if agreed && !priced {
            self.talk.price = position;
            priced = true;
        }
        if a.negatives.contains(&Negative::RevealBottomLine) {
            self.talk.buyer.known_floor = Some(self.talk.price.min(before));
        }
        if priced {
            said.events.push(Event::Offered {
                price: self.talk.price,
                conditional: conditional && !agreed,
            });
        }
        if let Some((slip, earlier)) = self.talk.checking.take() {
            if !(priced && self.talk.price > slip + 0.5) {
                // not corrected: the figure stands
                let price = self.talk.price.min(slip);
                self.agree(price, turn, said);
                return;
            }
            // corrected: the slip never happened
            before = earlier;
        }
        if let Some(referred) = self.talk.referred.take() {
            self.approval_answer(referred.min(self.talk.price), turn, said);
            return;
        }
        if !(priced || a.closing || (self.talk.offered && !a.offers.is_empty())) {
            return;
        }
        self.talk.unanswered = None;
        self.talk.offered = true;
        let price = self.talk.price;
        let bargain = price <= self.talk.buyer.opening && self.meters.trust >= self.belief_trust();
        // the first price raises what waits for one, unless the customer
        // takes it as a bargain there and then; a price it could pay raises
        // no complaint about the price ("Twenty-four grand…" right after
        // the seller offered 21,500)
        // far below what it asked for itself: a slip? it checks (below)
        let its_own = self.talk.lowest_counter.is_some_and(|l| price >= l - 0.5);
        let slip =
            priced && !agreed && !its_own && price < position * (1.0 - TUNING.buyer.surprise_below);
        if priced && !self.talk.player_offered && !bargain && !slip {
            self.talk.player_offered = true;
            let payable = self.talk.acceptable(self.meters.value);
            let scenario = Arc::clone(&self.scenario);
            let raised = said.events.len();
            self.raise_indices(said, |i| {
                let o = &scenario.objections[i];
                matches!(o.trigger, Trigger::AfterOffer)
                    && !(payable && o.kind == ObjectionKind::Price)
            });
            // the concern is the answer for now: a counter beside it would
            // talk price and stall in one breath
            if said.events[raised..]
                .iter()
                .any(|e| matches!(e, Event::Raised { .. }))
            {
                self.talk.unanswered = Some((price < before, traded));
                return;
            }
        }
        if slip {
            self.talk.checking = Some((price, before));
            let exact = crate::i18n::money(price, &self.scenario.product.currency);
            let line = self.voice_line("confirm", &[("price", Some(&exact))]);
            said.say(line, Some(Event::Checked { price }));
            return;
        }
        // a big cut from the player's own last price, for nothing, says
        // there is more room ("That came down fast."): the customer holds
        let cut = before - price;
        let fast =
            offered_before && cut >= self.scenario.product.list_price * TUNING.buyer.fast_cut;
        if fast
            && priced
            && !conditional
            && traded <= 0.0
            && !agreed
            && !bargain
            && !self.talk.acceptable(self.meters.value)
            && self.talk.buyer.final_price.is_none()
        {
            let spoken = self.spoken(price);
            let line = self.voice_line("fast_cut", &[("price", Some(&spoken))]);
            said.say(line, None);
            return;
        }
        self.answer_price(bargain, price < before, traded, turn, said);
    }

    /// Asked for its number once it has named one, with nothing said about
    /// price this turn and no fact told in answer, the customer says it
    /// again ("What's your number?" got the next objection instead).
    pub(super) fn restate_position(&mut self, said: &mut Response) {
        if !self.asked_number || !self.talk.named || said.revealed() || self.outcome.is_some() {
            return;
        }
        let spoken = self.spoken(self.talk.buyer.position);
        let line = self.voice_line("counter", &[("price", Some(&spoken))]);
        said.say(line, None);
    }

    /// The concern the player's first price raised is settled and none is
    /// open: the customer answers the price that has waited since.
    pub(super) fn answer_waiting_price(&mut self, turn: u32, said: &mut Response) {
        if self.current_objection().is_some() {
            return;
        }
        if let Some((moved, traded)) = self.talk.unanswered.take() {
            self.answer_price(false, moved, traded, turn, said);
        }
    }

    fn answer_price(
        &mut self,
        bargain: bool,
        moved: bool,
        traded: f64,
        turn: u32,
        said: &mut Response,
    ) {
        let ready = bargain
            || (self.current_objection().is_none()
                && self.meters.trust >= accept_trust(self.difficulty));
        let (price, value) = (self.talk.price, self.meters.value);
        let answer = self
            .talk
            .buyer
            .answer(price, moved, ready, value, traded, &mut self.rng);
        self.say_answer(answer, turn, said);
    }

    /// Says what the buyer decided about the price.
    fn say_answer(&mut self, answer: Answer, turn: u32, said: &mut Response) {
        match answer {
            Answer::Accept(price) => self.agree(price, turn, said),
            Answer::NotYet(price) => self.workable(price, said),
            Answer::Counter(price) => self.counter(price, said),
            Answer::Insist(_) => {
                let line = self.voice_line("insist", &[]);
                said.say(line, None);
                let sensitive = self.params.price_sensitivity >= TUNING.buyer.sensitive;
                if self.talk.buyer.pushes >= if sensitive { 1 } else { 2 } {
                    self.name_batna(said);
                }
            }
            Answer::FinalCall(price) => {
                self.talk.named = true;
                let spoken = self.spoken(price);
                let line = self.voice_line("final_call", &[("price", Some(&spoken))]);
                said.say(line, Some(Event::FinalCall { price }));
                self.name_batna(said);
            }
            Answer::WalkAway => self.walk_away(turn, said),
        }
    }

    /// The price would do; what is still open is not the price. The
    /// customer has named it as one it can pay.
    fn workable(&mut self, price: f64, said: &mut Response) {
        self.talk.named = true;
        let concern = match self.current_objection() {
            Some(o) => o.concern.clone(),
            // nothing open but trust: it is not sure of the seller yet
            None => builtin(self.lang, "trust_concern").first().cloned(),
        };
        let spoken = self.spoken(price);
        // lines that name the concern say more than those that do not
        let line = self.voice_line_preferring(
            "workable",
            &[("price", Some(&spoken)), ("concern", concern.as_deref())],
            &["concern", "price"],
        );
        said.say(line, None);
    }

    /// The customer agrees to `price`, or takes it to whoever signs when
    /// its role cannot sign it alone.
    fn agree(&mut self, price: f64, turn: u32, said: &mut Response) {
        let role = self.scenario.persona.role;
        if !signs_alone(role, price, self.params.budget) {
            self.talk.referred = Some(price);
            let spoken = self.spoken(price);
            let line = self.voice_line("approval", &[("price", Some(&spoken))]);
            said.say(line, Some(Event::Referred { price }));
            return;
        }
        let spoken = self.spoken(price);
        let line = self.voice_line("accept", &[("price", Some(&spoken))]);
        said.say(line, Some(Event::Deal { price }));
        self.outcome = Some(Outcome::Deal { price, turn });
    }

    /// Whoever signs answers a referred price: yes within the budget or
    /// once the value is clear; otherwise the budget is the last word.
    fn approval_answer(&mut self, price: f64, turn: u32, said: &mut Response) {
        if price <= self.params.budget + 0.5 || self.meters.value >= TUNING.buyer.approval_value {
            let spoken = self.spoken(price);
            let line = self.voice_line("accept", &[("price", Some(&spoken))]);
            said.say(line, Some(Event::Deal { price }));
            self.outcome = Some(Outcome::Deal { price, turn });
            return;
        }
        let last = self.talk.buyer.said_below(self.params.budget);
        self.talk.buyer.position = last;
        self.talk.buyer.final_price = Some(last);
        self.talk.named = true;
        let spoken = self.spoken(last);
        let line = self.voice_line("final_call", &[("price", Some(&spoken))]);
        said.say(line, Some(Event::FinalCall { price: last }));
    }

    /// Pushed, the customer names its fallback if it trusts the player
    /// enough: its BATNA fact when the scenario hides one, else a line.
    pub(super) fn name_batna(&mut self, said: &mut Response) {
        if self.named_batna >= TUNING.batna_times || self.meters.trust < TUNING.batna_trust {
            return;
        }
        self.named_batna += 1;
        let hidden = self
            .scenario
            .persona
            .hidden
            .iter()
            .enumerate()
            .position(|(i, f)| f.kind == FactKind::Batna && !self.revealed.contains(&i));
        match hidden {
            Some(i) if !said.revealed() => self.tell(Found::Tell(i), said),
            _ => {
                let scenario = Arc::clone(&self.scenario);
                let spoken = self.spoken(self.talk.buyer.position);
                let line = self.voice_line(
                    "batna",
                    &[
                        ("batna", Some(scenario.persona.batna.as_str())),
                        ("price", Some(&spoken)),
                    ],
                );
                said.say(line, Some(Event::NamedFallback));
            }
        }
    }

    /// Moves the player's price by the reply's price offers and records the
    /// tradeables given. Returns whether a price was named, whether on a
    /// condition, and what the tradeables newly given are worth to the
    /// customer.
    fn take_offers(&mut self, a: &Analysis, said: &mut Response) -> (bool, bool, f64) {
        let list = self.scenario.product.list_price;
        let mut priced = false;
        let mut conditional = false;
        let mut traded = 0.0;
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
                let value = self
                    .scenario
                    .product
                    .tradeables
                    .iter()
                    .find(|t| &t.id == id)
                    .filter(|t| t.kind != TradeableKind::Discount)
                    .map_or(0.0, |t| t.value);
                traded += value;
                let worth = value / list;
                self.meters.value =
                    (self.meters.value + worth * TUNING.tradeable_value_factor).min(1.0);
                said.events.push(Event::Gave {
                    tradeable: id.clone(),
                    conditional: *c,
                });
            }
        }
        (priced, conditional, traded)
    }
}
