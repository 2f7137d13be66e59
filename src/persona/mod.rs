//! The customer: its meters (trust, patience, perceived value), the
//! objection script, the hidden facts it reveals and its side of the price
//! talk. It hears one analysed reply at a time and answers with lines and
//! events: a reaction chosen from what the reply did (`script`), at most
//! one fact the reply asked about (`facts`), and its answer on price
//! (`price_talk`, `buyer`). How strongly it reacts is in `tuning`; it never
//! repeats a line while an unused variant is left (`lines`).
//! Deterministic for a seed.

mod buyer;
mod facts;
mod lines;
mod meters;
mod price_talk;
mod script;
pub mod tuning;

use std::sync::Arc;

use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::analysis::Analysis;
use crate::analysis::tags::Negative;
use crate::lang::Lang;
use crate::record::{Event, Meters, Outcome};
use crate::scenario::{Difficulty, Objection, PersonaParams, Scenario};
pub use facts::Topics;
use lines::{Fills, Said};
use price_talk::PriceTalk;
use script::{Reaction, Script};
use tuning::{INTERRUPT_PATIENCE_COST, TUNING, TierTuning};

/// How the session heard a reply besides its tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heard {
    /// Said to this customer, for the first time.
    Fresh,
    /// About another customer's case, not this one (the scorer's
    /// `off_topic`).
    OffTopic,
    /// Said word for word before, with no offer in it.
    Repeated,
}

/// What the customer says in answer to one reply, and what happened.
#[derive(Debug, Default)]
pub struct Response {
    pub lines: Vec<String>,
    pub events: Vec<Event>,
}

impl Response {
    fn say(&mut self, line: String, event: Option<Event>) {
        if !line.is_empty() {
            self.lines.push(line);
        }
        self.events.extend(event);
    }

    fn revealed(&self) -> bool {
        self.events
            .iter()
            .any(|e| matches!(e, Event::Revealed { .. }))
    }
}

pub struct Persona {
    scenario: Arc<Scenario>,
    difficulty: Difficulty,
    tier: &'static TierTuning,
    lang: Lang,
    pub params: PersonaParams,
    rng: StdRng,
    meters: Meters,
    script: Script,
    /// Hidden facts revealed so far, by index.
    revealed: Vec<usize>,
    /// Hidden facts it has refused to tell so far (trust too low), by index.
    deflected: Vec<usize>,
    /// Times it has named its fallback.
    named_batna: u32,
    /// This reply asked for the customer's number ("what's your number?").
    asked_number: bool,
    /// The hidden facts' topics, to tell what a question is about.
    topics: Arc<Topics>,
    /// A fact this reply brought out unasked, said once the price talk
    /// has answered.
    volunteered: Option<facts::Found>,
    talk: PriceTalk,
    said: Said,
    outcome: Option<Outcome>,
}

impl Persona {
    /// The customer before the first reply, and what it opens with.
    pub fn start(
        scenario: Arc<Scenario>,
        difficulty: Difficulty,
        seed: u64,
    ) -> (Persona, Response) {
        let topics = Arc::new(Topics::new(&scenario));
        Persona::start_with(scenario, topics, difficulty, seed)
    }

    /// [`Persona::start`] with the scenario's topics already built (they
    /// are the same for every session of a scenario).
    pub fn start_with(
        scenario: Arc<Scenario>,
        topics: Arc<Topics>,
        difficulty: Difficulty,
        seed: u64,
    ) -> (Persona, Response) {
        let params = scenario.params(difficulty);
        let lang = scenario.lang();
        let withheld = topics.naming.clone();
        let mut persona = Persona {
            rng: StdRng::seed_from_u64(seed),
            meters: Meters {
                trust: params.trust,
                patience: f64::from(params.patience),
                value: 0.0,
            },
            script: Script::default(),
            revealed: Vec::new(),
            deflected: Vec::new(),
            named_batna: 0,
            asked_number: false,
            topics,
            volunteered: None,
            talk: PriceTalk::new(&scenario, &params),
            said: Said::withholding(withheld),
            outcome: None,
            difficulty,
            tier: tuning::tier(difficulty),
            lang,
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

    /// Hears reply number `turn` and answers it; `heard` says whether the
    /// session found it off-topic or said before.
    pub fn hear(&mut self, turn: u32, a: &Analysis, text: &str, heard: Heard) -> Response {
        let mut said = Response::default();
        self.asked_number = false;
        self.said.heard(text);
        self.interrupt(text, &mut said);
        // a recital of sales words has its own reaction and cost
        let heard = if a.negatives.contains(&Negative::KeywordStuffing) {
            Heard::Fresh
        } else {
            heard
        };
        let patience = self.meters.patience;
        meters::move_meters(&mut self.meters, a, self.params.scepticism, heard);
        // a tier changes how much each slip costs
        self.meters.patience =
            patience - (patience - self.meters.patience) * self.tier.patience_cost;
        // said to someone else, or said already: it works no objection
        // and asks for no fact
        let (reaction, fact) = match heard {
            Heard::Fresh => {
                let reaction = self.work_objection(a, text);
                (reaction, self.find_fact(a, text))
            }
            Heard::OffTopic => ((Reaction::OffTopic, Vec::new()), facts::Found::Nothing),
            Heard::Repeated => ((Reaction::Repeated, Vec::new()), facts::Found::Nothing),
        };
        self.react(reaction, fact, a, &mut said);
        let talk_from = said.lines.len();
        self.negotiate(turn, a, &mut said);
        if let Some(fact) = self.volunteered.take()
            && self.outcome.is_none()
            && !said.revealed()
        {
            self.tell(fact, &mut said);
        }
        if self.outcome.is_none() {
            self.raise_due(turn, &mut said);
            if turn >= self.scenario.max_turns
                || self.meters.patience <= 0.0
                || self.meters.trust <= TUNING.walk_trust
            {
                self.walk_away(turn, &mut said);
            } else if self.current_objection().is_none() && !self.talk.offered {
                self.open_price_talk(&mut said);
            } else {
                self.answer_waiting_price(turn, &mut said);
            }
        }
        // nothing said about price or a new concern since the reaction
        if said.lines.len() == talk_from {
            self.restate_position(&mut said);
        }
        if said.lines.is_empty() {
            self.fill_silence(&mut said);
        }
        said
    }

    /// A hard customer cuts off a long speech.
    fn interrupt(&mut self, text: &str, said: &mut Response) {
        let Some(limit) = self.tier.interrupt_chars else {
            return;
        };
        let limit = match self.lang {
            Lang::ZhCn => limit / 3,
            Lang::En => limit,
        };
        if text.chars().count() > limit {
            self.meters.patience -= INTERRUPT_PATIENCE_COST;
            let line = self.voice_line("interrupt", &[]);
            said.say(line, Some(Event::Interrupted));
        }
    }

    /// A line of the persona's voice of `kind` (built-in lines when the
    /// scenario has none that fit).
    fn voice_line(&mut self, kind: &str, fills: Fills) -> String {
        self.voice_line_preferring(kind, fills, &[])
    }

    /// [`Persona::voice_line`], preferring lines that use the `prefer`red
    /// placeholders.
    fn voice_line_preferring(&mut self, kind: &str, fills: Fills, prefer: &[&str]) -> String {
        let scenario = Arc::clone(&self.scenario);
        let authored = scenario
            .persona
            .voice
            .kinds()
            .into_iter()
            .find(|(name, _)| *name == kind)
            .map(|(_, lines)| lines);
        self.pick_or_builtin(authored.map_or(&[][..], Vec::as_slice), kind, fills, prefer)
    }

    /// A line from `lines`, else from the built-in lines of `kind`.
    fn pick_or_builtin(
        &mut self,
        lines: &[String],
        kind: &str,
        fills: Fills,
        prefer: &[&str],
    ) -> String {
        if let Some(line) = self.said.pick(&mut self.rng, lines, fills, prefer) {
            return line;
        }
        let builtin = lines::builtin(self.lang, kind);
        self.said
            .pick(&mut self.rng, builtin, fills, prefer)
            .unwrap_or_default()
    }

    /// An amount as this customer says it.
    fn spoken(&self, amount: f64) -> String {
        lines::spoken(amount, &self.scenario.product.currency, self.lang)
    }

    /// Nothing else to say: the customer keeps the talk where it is.
    fn fill_silence(&mut self, said: &mut Response) {
        let kind = if self.talk.offered && !self.talk.acceptable(self.meters.value) {
            "insist"
        } else {
            "listening"
        };
        let line = self.voice_line(kind, &[]);
        said.say(line, None);
    }

    fn walk_away(&mut self, turn: u32, said: &mut Response) {
        let line = self.voice_line("walk_away", &[]);
        said.say(line, Some(Event::WalkAway));
        self.outcome = Some(Outcome::WalkAway { turn });
    }
}
