//! The customer: its meters (trust, patience, perceived value), the
//! objection script, the hidden facts it reveals and its side of the price
//! talk. It hears one analysed reply at a time and answers with lines and
//! events; how strongly it reacts is in `tuning`. Deterministic for a seed.

mod buyer;
mod facts;
mod meters;
mod price_talk;
mod script;
pub mod tuning;

use std::sync::Arc;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::analysis::Analysis;
use crate::i18n::money;
use crate::record::{Event, Meters, Outcome};
use crate::scenario::{Difficulty, Objection, PersonaParams, Scenario};
use price_talk::PriceTalk;
use script::Script;
use tuning::TUNING;

/// What the customer says in answer to one reply, and what happened.
#[derive(Debug, Default)]
pub struct Response {
    pub lines: Vec<String>,
    pub events: Vec<Event>,
}

impl Response {
    fn say(&mut self, line: String, event: Option<Event>) {
        self.lines.push(line);
        self.events.extend(event);
    }
}

pub struct Persona {
    scenario: Arc<Scenario>,
    difficulty: Difficulty,
    pub params: PersonaParams,
    rng: StdRng,
    meters: Meters,
    script: Script,
    /// Hidden facts revealed so far, by index.
    revealed: Vec<usize>,
    talk: PriceTalk,
    outcome: Option<Outcome>,
}

impl Persona {
    /// The customer before the first reply, and what it opens with.
    pub fn start(
        scenario: Arc<Scenario>,
        difficulty: Difficulty,
        seed: u64,
    ) -> (Persona, Response) {
        let params = scenario.params(difficulty);
        let mut persona = Persona {
            rng: StdRng::seed_from_u64(seed),
            meters: Meters {
                trust: params.trust,
                patience: f64::from(params.patience),
                value: 0.0,
            },
            script: Script::default(),
            revealed: Vec::new(),
            talk: PriceTalk::new(&scenario, &params),
            outcome: None,
            difficulty,
            params,
            scenario,
        };
        let mut opening = Response::default();
        persona.raise_due(0, &mut opening);
        (persona, opening)
    }

    pub fn meters(&self) -> Meters {
        self.meters
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    /// Ends the talk where it stands (the player stopped).
    pub fn end(&mut self, turn: u32) {
        if self.outcome.is_none() {
            self.outcome = Some(Outcome::Ended { turn });
        }
    }

    /// The customer's current counter, once it has named one.
    pub fn price(&self) -> Option<f64> {
        self.talk.customer_price()
    }

    /// Hidden facts revealed so far, by id.
    pub fn revealed(&self) -> Vec<&str> {
        self.revealed
            .iter()
            .map(|&i| self.scenario.persona.hidden[i].id.as_str())
            .collect()
    }

    /// The objection on the table: the latest one raised and not resolved.
    pub fn current_objection(&self) -> Option<&Objection> {
        self.script
            .current()
            .map(|o| &self.scenario.objections[o.index])
    }

    /// Hears reply number `turn` and answers it.
    pub fn hear(&mut self, turn: u32, a: &Analysis, text: &str) -> Response {
        let mut said = Response::default();
        meters::move_meters(&mut self.meters, a, self.params.scepticism);
        self.work_objection(a, &mut said);
        self.reveal_facts(a, text, &mut said);
        self.negotiate(turn, a, &mut said);
        if self.outcome.is_none() {
            self.raise_due(turn, &mut said);
            if turn >= self.scenario.max_turns
                || self.meters.patience <= 0.0
                || self.meters.trust <= TUNING.walk_trust
            {
                self.walk_away(turn, &mut said);
            } else if self.current_objection().is_none() && !self.talk.offered {
                self.open_price_talk(&mut said);
            }
        }
        if said.lines.is_empty() {
            let scenario = Arc::clone(&self.scenario);
            let line = self.pick_line(&scenario.persona.voice.insist);
            said.say(line, None);
        }
        said
    }

    fn money(&self, amount: f64) -> String {
        money(amount, &self.scenario.product.currency)
    }

    fn pick_line(&mut self, lines: &[String]) -> String {
        if lines.is_empty() {
            return String::new();
        }
        lines[self.rng.random_range(0..lines.len())].clone()
    }

    fn walk_away(&mut self, turn: u32, said: &mut Response) {
        let scenario = Arc::clone(&self.scenario);
        let line = self.pick_line(&scenario.persona.voice.walk_away);
        said.say(line, Some(Event::WalkAway));
        self.outcome = Some(Outcome::WalkAway { turn });
    }
}
