//! One negotiation: the persona raises objections from the scenario, the
//! player replies, and each reply moves the persona's meters, the objection
//! script and the price talk. Deterministic for a given seed.
//!
//! ```no_run
//! # use counteroffer::session::{Prepared, Session};
//! # use counteroffer::scenario::Difficulty;
//! # fn demo(scenario: counteroffer::scenario::Scenario) {
//! let prepared = Prepared::new(scenario).unwrap();
//! let mut session = Session::start(&prepared, Difficulty::Normal, 7);
//! let turn = session.reply("I understand. What does a stoppage cost you?").unwrap();
//! println!("{}", turn.persona.join(" "));
//! # }
//! ```

pub mod bots;
pub mod debrief;
pub mod negotiation;
pub mod score;
pub mod transcript;

use std::sync::{Arc, OnceLock};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::analysis::lexicon::{builtin, has_builtin};
use crate::analysis::tags::{Fab, Laer, Negative, Technique};
use crate::analysis::{Analysis, Analyzer, Offer, QuestionKind};
use crate::i18n::money;
use crate::scenario::{
    Difficulty, PersonaParams, Resolution, Reveal, Scenario, TradeableKind, Trigger,
};
use negotiation::{Answer, Buyer};

/// Replies longer than this are refused, not analysed slowly.
pub const MAX_REPLY_CHARS: usize = 10_000;

/// A scenario with its analyzer, shared by many sessions. The analyzer is
/// built on first use (a few milliseconds each), so listing scenarios at
/// start-up costs nothing.
#[derive(Clone)]
pub struct Prepared {
    pub scenario: Arc<Scenario>,
    analyzer: Arc<OnceLock<Analyzer>>,
    /// Fingerprint of the scenario's content, stored in transcripts.
    pub hash: String,
}

impl Prepared {
    pub fn new(scenario: Scenario) -> Result<Prepared, String> {
        if !has_builtin(&scenario.language) {
            return Err(format!("no lexicon for language \"{}\"", scenario.language));
        }
        Ok(Prepared {
            hash: transcript::content_hash(&scenario),
            scenario: Arc::new(scenario),
            analyzer: Arc::new(OnceLock::new()),
        })
    }

    pub fn analyzer(&self) -> &Analyzer {
        self.analyzer.get_or_init(|| {
            let lexicon = builtin(&self.scenario.language).expect("checked in Prepared::new");
            Analyzer::new(lexicon, Some(&self.scenario))
        })
    }
}

/// How the player produced a reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    Text(String),
    /// An authored option of the objection on the table, by position.
    Pick(usize),
}

/// The persona's state of mind, each 0-1 except patience (replies left).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Meters {
    pub trust: f64,
    pub patience: f64,
    /// How much the customer believes the product is worth the price.
    pub value: f64,
}

/// Something that happened in a turn, for the log, the debrief and the UI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    Raised {
        objection: String,
    },
    Resolved {
        objection: String,
    },
    Premature {
        objection: String,
    },
    Revealed {
        fact: String,
    },
    /// The player's price after this reply's offers.
    Offered {
        price: f64,
        conditional: bool,
    },
    Gave {
        tradeable: String,
        conditional: bool,
    },
    Countered {
        price: f64,
    },
    FinalCall {
        price: f64,
    },
    Deal {
        price: f64,
    },
    WalkAway,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    pub number: u32,
    /// The team that gave this reply, in classroom team play.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    pub input: Input,
    /// What the player said (the option's text when picked).
    pub text: String,
    pub analysis: Analysis,
    /// The objection on the table when the player replied.
    pub objection: Option<String>,
    /// What the persona says back, in order.
    pub persona: Vec<String>,
    pub events: Vec<Event>,
    pub meters: Meters,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    Deal {
        price: f64,
        turn: u32,
    },
    WalkAway {
        turn: u32,
    },
    /// The player stopped (`/quit`) or the turns ran out.
    Ended {
        turn: u32,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum SessionError {
    Over,
    Empty,
    TooLong(usize),
    NoSuchOption { picked: usize, available: usize },
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionError::Over => write!(f, "the negotiation is over; start a new one"),
            SessionError::Empty => write!(f, "the reply is empty; type what you would say"),
            SessionError::TooLong(n) => write!(
                f,
                "the reply is {n} characters; replies may be at most {MAX_REPLY_CHARS}"
            ),
            SessionError::NoSuchOption { picked, available } => {
                write!(f, "there is no option {picked}; pick 1 to {available}")
            }
        }
    }
}

/// Prices named so far, by turn: the player's and the customer's (a deal
/// counts for both).
pub fn price_points(turns: &[Turn]) -> (Vec<(u32, f64)>, Vec<(u32, f64)>) {
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

/// Where an objection stands.
#[derive(Debug, Clone)]
struct ObjectionState {
    index: usize,
    explored: bool,
    resolved: bool,
}

pub struct Session {
    pub prepared: Prepared,
    pub difficulty: Difficulty,
    pub seed: u64,
    pub params: PersonaParams,
    rng: StdRng,
    meters: Meters,
    raised: Vec<ObjectionState>,
    revealed: Vec<usize>,
    buyer: Buyer,
    /// The player's current price; the list price until they offer.
    price: f64,
    /// Whether a price is on the table (either side named one).
    offered: bool,
    player_offered: bool,
    given: Vec<String>,
    opening: Vec<String>,
    turns: Vec<Turn>,
    inputs: Vec<Input>,
    outcome: Option<Outcome>,
    /// Who gives the next reply, when teams take turns.
    next_team: Option<String>,
}

/// Trust the persona needs before it signs, per tier.
fn accept_trust(d: Difficulty) -> f64 {
    match d {
        Difficulty::Easy => 0.3,
        Difficulty::Normal => 0.4,
        Difficulty::Hard => 0.5,
    }
}

impl Session {
    /// Starts a session; the persona speaks first.
    pub fn start(prepared: &Prepared, difficulty: Difficulty, seed: u64) -> Session {
        let s = &prepared.scenario;
        let params = s.params(difficulty);
        let mut session = Session {
            prepared: prepared.clone(),
            difficulty,
            seed,
            rng: StdRng::seed_from_u64(seed),
            meters: Meters {
                trust: params.trust,
                patience: f64::from(params.patience),
                value: 0.0,
            },
            raised: Vec::new(),
            revealed: Vec::new(),
            buyer: Buyer::new(params.budget, params.walk_away, params.anchor),
            price: s.product.list_price,
            offered: false,
            player_offered: false,
            given: Vec::new(),
            opening: Vec::new(),
            turns: Vec::new(),
            inputs: Vec::new(),
            outcome: None,
            next_team: None,
            params,
        };
        let mut opening = Vec::new();
        let mut events = Vec::new();
        session.raise_due(0, &mut opening, &mut events);
        session.opening = opening;
        session
    }

    /// Convenience for one-off use: prepares the scenario itself.
    pub fn new(scenario: &Scenario, difficulty: Difficulty, seed: u64) -> Result<Session, String> {
        Ok(Session::start(
            &Prepared::new(scenario.clone())?,
            difficulty,
            seed,
        ))
    }

    pub fn scenario(&self) -> &Scenario {
        &self.prepared.scenario
    }

    /// What the persona said before the first reply.
    pub fn opening(&self) -> &[String] {
        &self.opening
    }

    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }

    pub fn inputs(&self) -> &[Input] {
        &self.inputs
    }

    pub fn meters(&self) -> Meters {
        self.meters
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    /// The player's current asking price.
    pub fn price(&self) -> f64 {
        self.price
    }

    /// The persona's current counter, once it has named one.
    pub fn persona_price(&self) -> Option<f64> {
        self.offered.then_some(self.buyer.position)
    }

    /// Hidden facts revealed so far, by id.
    pub fn revealed(&self) -> Vec<&str> {
        self.revealed
            .iter()
            .map(|&i| self.scenario().persona.hidden[i].id.as_str())
            .collect()
    }

    /// The objection on the table: the latest one raised and not resolved.
    pub fn current_objection(&self) -> Option<&crate::scenario::Objection> {
        self.raised
            .iter()
            .rev()
            .find(|o| !o.resolved)
            .map(|o| &self.scenario().objections[o.index])
    }

    /// The authored reply options for the objection on the table.
    pub fn options(&self) -> Vec<&str> {
        self.current_objection()
            .map(|o| o.options.iter().map(|r| r.text.as_str()).collect())
            .unwrap_or_default()
    }

    /// The LAER steps the player has not yet taken on the current objection,
    /// in course order: what `/hint` and the hint key show.
    pub fn missing_steps(&self) -> Vec<Laer> {
        let Some(current) = self.current_objection() else {
            return Vec::new();
        };
        let done: Vec<Laer> = self
            .turns
            .iter()
            .filter(|t| t.objection.as_deref() == Some(current.id.as_str()))
            .flat_map(|t| t.analysis.laer.iter().copied())
            .collect();
        Laer::ALL
            .iter()
            .copied()
            .filter(|l| !done.contains(l))
            .collect()
    }

    /// Attributes the next reply to a team (classroom play).
    pub fn set_next_team(&mut self, team: Option<String>) {
        self.next_team = team;
    }

    pub fn reply(&mut self, text: &str) -> Result<&Turn, SessionError> {
        self.take(Input::Text(text.to_string()), text.to_string())
    }

    /// Picks authored option `n` (1-based, as shown to the player).
    pub fn pick(&mut self, n: usize) -> Result<&Turn, SessionError> {
        let options = self.options();
        let text = n
            .checked_sub(1)
            .and_then(|i| options.get(i))
            .map(|t| t.to_string())
            .ok_or(SessionError::NoSuchOption {
                picked: n,
                available: options.len(),
            })?;
        self.take(Input::Pick(n), text)
    }

    /// The player stops; the session is scored as it stands.
    pub fn end(&mut self) {
        if self.outcome.is_none() {
            self.outcome = Some(Outcome::Ended {
                turn: self.turns.len() as u32,
            });
        }
    }

    fn take(&mut self, input: Input, text: String) -> Result<&Turn, SessionError> {
        if self.outcome.is_some() {
            return Err(SessionError::Over);
        }
        let chars = text.chars().count();
        if chars > MAX_REPLY_CHARS {
            return Err(SessionError::TooLong(chars));
        }
        if text.trim().is_empty() {
            return Err(SessionError::Empty);
        }
        let number = self.turns.len() as u32 + 1;
        let context = self
            .turns
            .last()
            .and_then(|t| t.persona.last())
            .or(self.opening.last())
            .cloned();
        let analysis = self.prepared.analyzer().analyze(&text, context.as_deref());
        let objection = self.current_objection().map(|o| o.id.clone());
        let mut persona = Vec::new();
        let mut events = Vec::new();

        self.move_meters(&analysis);
        self.work_objection(&analysis, &mut persona, &mut events);
        self.reveal_facts(&analysis, &text, &mut persona, &mut events);
        self.negotiate(&analysis, &mut persona, &mut events);
        if self.outcome.is_none() {
            self.raise_due(number, &mut persona, &mut events);
            if number >= self.scenario().max_turns
                || self.meters.patience <= 0.0
                || self.meters.trust <= 0.05
            {
                self.walk_away(number, &mut persona, &mut events);
            } else if self.current_objection().is_none() && !self.offered {
                // every objection settled: the persona opens the price talk
                self.offered = true;
                let scenario = Arc::clone(&self.prepared.scenario);
                let line = self.pick_line(&scenario.persona.voice.counter);
                persona.push(line.replace("{price}", &self.money(self.buyer.position)));
                events.push(Event::Countered {
                    price: self.buyer.position,
                });
            }
        }
        if persona.is_empty() {
            let scenario = Arc::clone(&self.prepared.scenario);
            persona.push(self.pick_line(&scenario.persona.voice.insist));
        }
        self.inputs.push(input.clone());
        self.turns.push(Turn {
            number,
            team: self.next_team.clone(),
            input,
            text,
            analysis,
            objection,
            persona,
            events,
            meters: self.meters,
        });
        Ok(self.turns.last().expect("just pushed"))
    }

    fn money(&self, amount: f64) -> String {
        money(amount, &self.scenario().product.currency)
    }

    fn pick_line(&mut self, lines: &[String]) -> String {
        if lines.is_empty() {
            return String::new();
        }
        lines[self.rng.random_range(0..lines.len())].clone()
    }

    /// Trust, patience and perceived value follow the reply's tags.
    fn move_meters(&mut self, a: &Analysis) {
        let scepticism = self.params.scepticism;
        let m = &mut self.meters;
        let mut trust = 0.0;
        if a.has_laer(Laer::Listen) {
            trust += 0.06;
        }
        if a.has_laer(Laer::Acknowledge) {
            trust += 0.05;
        }
        match a.question {
            Some(QuestionKind::Open) => trust += 0.05,
            Some(QuestionKind::Closed) => trust += 0.02,
            None => {}
        }
        let mut value = 0.0;
        if a.fab.contains(&Fab::Benefit) {
            value += 0.2;
            trust += 0.03;
        } else if a.fab.contains(&Fab::Advantage) {
            value += 0.08;
        } else if a.fab.contains(&Fab::Feature) {
            value += 0.03;
        }
        if a.techniques.contains(&Technique::CaseEvidence) {
            value += 0.05 + 0.1 * scepticism;
        }
        for n in &a.negatives {
            match n {
                Negative::Arguing => {
                    trust -= 0.15;
                    m.patience -= 1.0;
                }
                Negative::Pressure => {
                    trust -= 0.1;
                    m.patience -= 1.0;
                }
                Negative::Exaggeration => trust -= 0.1 * (0.5 + scepticism),
                Negative::RevealBottomLine => {}
            }
        }
        let said_something = !a.laer.is_empty() || !a.offers.is_empty() || a.closing;
        if !said_something && a.negatives.is_empty() {
            m.patience -= 1.0; // nothing the customer can use
        }
        m.trust = (m.trust + trust).clamp(0.0, 1.0);
        m.value = (m.value + value).clamp(0.0, 1.0);
    }

    /// Tracks exploring and resolving the objection on the table.
    fn work_objection(&mut self, a: &Analysis, persona: &mut Vec<String>, events: &mut Vec<Event>) {
        let Some(pos) = self.raised.iter().rposition(|o| !o.resolved) else {
            return;
        };
        let scenario = Arc::clone(&self.prepared.scenario);
        let objection = &scenario.objections[self.raised[pos].index];
        if a.has_laer(Laer::Respond) && !a.has_laer(Laer::Explore) && !self.raised[pos].explored {
            self.meters.patience -= 0.5;
            events.push(Event::Premature {
                objection: objection.id.clone(),
            });
        }
        if a.has_laer(Laer::Explore) {
            self.raised[pos].explored = true;
        }
        let bad = a.negatives.iter().any(|n| {
            matches!(
                n,
                Negative::Arguing | Negative::Pressure | Negative::Exaggeration
            )
        });
        let answers = objection.resolved_by.iter().any(|r| self.resolves(r, a));
        let believed = self.meters.trust >= 0.2 && !bad;
        if answers && believed {
            self.raised[pos].resolved = true;
            self.meters.value = (self.meters.value + 0.1).min(1.0);
            persona.push(self.pick_line(&objection.reactions.resolved));
            events.push(Event::Resolved {
                objection: objection.id.clone(),
            });
            return;
        }
        let good = a.has_laer(Laer::Listen)
            || a.has_laer(Laer::Acknowledge)
            || a.has_laer(Laer::Explore)
            || a.fab.contains(&Fab::Benefit);
        if bad || !(good || !a.offers.is_empty() || a.closing) {
            persona.push(self.pick_line(&objection.reactions.bad));
        } else if good {
            persona.push(self.pick_line(&objection.reactions.good));
        }
    }

    fn resolves(&self, r: &Resolution, a: &Analysis) -> bool {
        match r {
            // amplifying a pain only sets up the answer; it resolves
            // nothing until the same reply also responds with a solution
            Resolution::Technique(name) => {
                a.techniques.iter().any(|t| t.name() == name)
                    && (name != Technique::PainAmplification.name() || a.has_laer(Laer::Respond))
            }
            Resolution::Benefit { pains } => {
                a.fab.contains(&Fab::Benefit) && a.pains.iter().any(|p| pains.contains(p))
            }
            Resolution::PriceAtMost(max) => a.offers.iter().any(|o| match o {
                Offer::Price { amount, .. } => amount <= max,
                _ => false,
            }),
            Resolution::Tradeable(id) => a
                .offers
                .iter()
                .any(|o| matches!(o, Offer::Tradeable { id: t, .. } if t == id)),
        }
    }

    fn reveal_facts(
        &mut self,
        a: &Analysis,
        text: &str,
        persona: &mut Vec<String>,
        events: &mut Vec<Event>,
    ) {
        let lower = text.to_lowercase();
        let mentions = |terms: &[String]| terms.iter().any(|t| lower.contains(&t.to_lowercase()));
        let resolved = self.resolved_ids();
        let scenario = self.prepared.scenario.clone();
        for (i, fact) in scenario.persona.hidden.iter().enumerate() {
            if self.revealed.contains(&i) {
                continue;
            }
            let due = match &fact.reveal {
                Reveal::OpenQuestion { terms } => {
                    a.question == Some(QuestionKind::Open) && mentions(terms)
                }
                Reveal::Question { terms } => a.question.is_some() && mentions(terms),
                Reveal::TrustAtLeast(t) => self.meters.trust >= *t,
                Reveal::Resolved(id) => resolved.contains(id),
            };
            if due {
                self.revealed.push(i);
                persona.push(fact.text.clone());
                events.push(Event::Revealed {
                    fact: fact.id.clone(),
                });
            }
        }
    }

    /// Applies the reply's offers to the player's price and lets the
    /// persona answer it.
    fn negotiate(&mut self, a: &Analysis, persona: &mut Vec<String>, events: &mut Vec<Event>) {
        let before = self.price;
        let mut priced = false;
        let mut conditional = false;
        let list = self.scenario().product.list_price;
        for offer in &a.offers {
            let price = match offer {
                Offer::Price { amount, .. } => Some(*amount),
                Offer::DiscountPercent { percent, .. } => Some(list * (1.0 - percent / 100.0)),
                Offer::DiscountAmount { amount, .. } => Some(self.price - amount),
                Offer::Tradeable { .. } => None,
            };
            if let Some(p) = price {
                self.price = p;
                priced = true;
                conditional |= offer.conditional();
            }
            if let Offer::Tradeable { id, conditional: c } = offer
                && !self.given.contains(id)
            {
                self.given.push(id.clone());
                let worth = self
                    .scenario()
                    .product
                    .tradeables
                    .iter()
                    .find(|t| &t.id == id)
                    .filter(|t| t.kind != TradeableKind::Discount)
                    .map_or(0.0, |t| t.value / list);
                self.meters.value = (self.meters.value + worth * 5.0).min(1.0);
                events.push(Event::Gave {
                    tradeable: id.clone(),
                    conditional: *c,
                });
            }
        }
        if a.negatives.contains(&Negative::RevealBottomLine) {
            let floor = self.price.min(before);
            self.buyer.known_floor = Some(floor);
        }
        if priced {
            events.push(Event::Offered {
                price: self.price,
                conditional,
            });
        }
        if !(priced || a.closing || (self.offered && !a.offers.is_empty())) {
            return;
        }
        self.offered = true;
        let number = self.turns.len() as u32 + 1;
        if priced && !self.player_offered {
            self.player_offered = true;
            self.raise_where(persona, events, |t| matches!(t, Trigger::AfterOffer));
        }
        let bargain = self.price <= self.buyer.opening && self.meters.trust >= 0.2;
        let ready = bargain
            || (self.current_objection().is_none()
                && self.meters.trust >= accept_trust(self.difficulty));
        let moved = self.price < before;
        let value = self.meters.value;
        let scenario = Arc::clone(&self.prepared.scenario);
        let voice = &scenario.persona.voice;
        match self
            .buyer
            .answer(self.price, moved, ready, value, &mut self.rng)
        {
            Answer::Accept(price) => {
                persona.push(
                    self.pick_line(&voice.accept)
                        .replace("{price}", &self.money(price)),
                );
                events.push(Event::Deal { price });
                self.outcome = Some(Outcome::Deal {
                    price,
                    turn: number,
                });
            }
            Answer::NotYet => persona.push(self.pick_line(&voice.insist)),
            Answer::Counter(price) => {
                persona.push(
                    self.pick_line(&voice.counter)
                        .replace("{price}", &self.money(price)),
                );
                events.push(Event::Countered { price });
            }
            Answer::FinalCall(price) => {
                persona.push(
                    self.pick_line(&voice.final_call)
                        .replace("{price}", &self.money(price)),
                );
                events.push(Event::FinalCall { price });
            }
            Answer::WalkAway => self.walk_away(number, persona, events),
        }
    }

    fn walk_away(&mut self, turn: u32, persona: &mut Vec<String>, events: &mut Vec<Event>) {
        let scenario = Arc::clone(&self.prepared.scenario);
        persona.push(self.pick_line(&scenario.persona.voice.walk_away));
        events.push(Event::WalkAway);
        self.outcome = Some(Outcome::WalkAway { turn });
    }

    fn raise(&mut self, index: usize, persona: &mut Vec<String>, events: &mut Vec<Event>) {
        let scenario = Arc::clone(&self.prepared.scenario);
        let objection = &scenario.objections[index];
        self.raised.push(ObjectionState {
            index,
            explored: false,
            resolved: false,
        });
        persona.push(self.pick_line(&objection.lines));
        events.push(Event::Raised {
            objection: objection.id.clone(),
        });
    }

    /// The ids of the objections the player has resolved so far.
    fn resolved_ids(&self) -> Vec<String> {
        self.raised
            .iter()
            .filter(|o| o.resolved)
            .map(|o| self.scenario().objections[o.index].id.clone())
            .collect()
    }

    fn is_raised(&self, index: usize) -> bool {
        self.raised.iter().any(|o| o.index == index)
    }

    /// Raises the objections whose trigger has come: at the start, after a
    /// turn count, or after another objection was resolved.
    fn raise_due(&mut self, turn: u32, persona: &mut Vec<String>, events: &mut Vec<Event>) {
        let resolved = self.resolved_ids();
        self.raise_where(persona, events, |trigger| match trigger {
            Trigger::AtStart => turn == 0,
            Trigger::AfterTurn(n) => turn >= *n,
            Trigger::AfterResolved(id) => resolved.contains(id),
            Trigger::AfterOffer => false,
        });
    }

    /// Raises every objection not raised yet whose trigger `due` accepts.
    fn raise_where(
        &mut self,
        persona: &mut Vec<String>,
        events: &mut Vec<Event>,
        due: impl Fn(&Trigger) -> bool,
    ) {
        let ready: Vec<usize> = self
            .scenario()
            .objections
            .iter()
            .enumerate()
            .filter(|(i, o)| !self.is_raised(*i) && due(&o.trigger))
            .map(|(i, _)| i)
            .collect();
        for i in ready {
            self.raise(i, persona, events);
        }
    }
}
