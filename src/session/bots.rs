//! Text-producing players for `simulate` and balance tests. Their replies go
//! through the real analyzer, so a bot scores only what its words earn. The
//! ideal bot speaks the scenario's own authored replies and model answers,
//! never the scorer's cue words; the other bots' phrases live in the
//! locale files under `bot.*`.

use std::collections::VecDeque;
use std::sync::OnceLock;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::Session;
use crate::analysis::tags::Negative;
use crate::i18n::{Locale, money};
use crate::lang::Lang;
use crate::scenario::{Objection, ReplyOption, Scenario};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// Plays like a trained seller: says the scenario's authored good
    /// replies and model answers (a different mix each game), then
    /// concedes in shrinking conditional steps.
    Ideal,
    /// Plays like an average seller: acknowledges and asks, lists features
    /// without tying them to the customer, gives unconditional discounts.
    Mediocre,
    /// Games the scorer: strings rubric words together and pastes model
    /// answers written for other customers.
    Stuffer,
    /// Gives large unconditional discounts at once.
    Conceder,
    /// Never concedes and argues.
    Stonewall,
    /// Says random things from all of the above.
    Random,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Ideal,
        Kind::Mediocre,
        Kind::Stuffer,
        Kind::Conceder,
        Kind::Stonewall,
        Kind::Random,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Ideal => "ideal",
            Kind::Mediocre => "mediocre",
            Kind::Stuffer => "stuffer",
            Kind::Conceder => "conceder",
            Kind::Stonewall => "stonewall",
            Kind::Random => "random",
        }
    }
}

pub struct Bot {
    kind: Kind,
    locale: &'static Locale,
    rng: StdRng,
    /// The objection now on the table, and what is still to be said on it.
    plan: (String, VecDeque<String>),
    concessions: usize,
    /// Whether the trade of value before the first price step was made.
    traded: bool,
    turns: usize,
    /// Authored replies already said: a person does not repeat them.
    said: Vec<String>,
}

/// Whether an authored option is one a trained seller would say: no move
/// the course penalises, no price cut without a condition.
fn sound(tags: &[String]) -> bool {
    let has = |t: &str| tags.iter().any(|x| x == t);
    let unconditional_offer = has("offer") && !has("conditional_offer");
    let penalised = tags.iter().any(|t| Negative::from_name(t).is_some());
    !tags.is_empty() && !penalised && !unconditional_offer
}

/// Every shipped scenario, loaded once (the stuffer pastes from them).
fn shipped() -> &'static [Scenario] {
    static SHIPPED: OnceLock<Vec<Scenario>> = OnceLock::new();
    SHIPPED.get_or_init(crate::scenario::shipped_scenarios)
}

impl Bot {
    pub fn new(kind: Kind, lang: Lang, seed: u64) -> Bot {
        Bot {
            kind,
            locale: Locale::builtin(lang),
            rng: StdRng::seed_from_u64(seed ^ 0x05ee_db07),
            plan: (String::new(), VecDeque::new()),
            concessions: 0,
            traded: false,
            turns: 0,
            said: Vec::new(),
        }
    }

    /// The bot's next reply to the session as it stands.
    pub fn reply(&mut self, session: &Session) -> String {
        self.turns += 1;
        match self.kind {
            Kind::Ideal => self.ideal(session),
            Kind::Mediocre => self.mediocre(session),
            Kind::Stuffer => self.stuffer(session),
            Kind::Conceder => self.conceder(session),
            Kind::Stonewall => self.say("bot.stonewall", &[]),
            Kind::Random => self.random(session),
        }
    }

    fn say(&mut self, key: &str, args: &[(&str, &str)]) -> String {
        // a key may hold several variants separated by " | "
        let text = self.locale.fill(key, args);
        let n = text.matches(" | ").count() + 1;
        let k = self.rng.random_range(0..n);
        text.split(" | ").nth(k).unwrap_or_default().to_string()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.rng.random_range(0..items.len())])
    }

    /// What a trained seller says on one objection, in order: either an
    /// authored opener (restate, acknowledge, ask) and then an authored
    /// answer, or a model answer that does it all; then the other answers.
    fn plan_for(&mut self, o: &Objection) -> VecDeque<String> {
        let has = |r: &ReplyOption, t: &str| r.tags.iter().any(|x| x == t);
        let openers: Vec<&str> = o
            .options
            .iter()
            .filter(|r| sound(&r.tags) && !has(r, "respond"))
            .filter(|r| {
                ["listen", "acknowledge", "explore"]
                    .iter()
                    .any(|t| has(r, t))
            })
            .map(|r| r.text.as_str())
            .collect();
        let mut answers: Vec<&str> = o
            .options
            .iter()
            .filter(|r| sound(&r.tags) && has(r, "respond"))
            .map(|r| r.text.as_str())
            .collect();
        let full: Vec<&str> = o
            .model_answers
            .iter()
            .filter(|m| {
                ["acknowledge", "explore", "respond"]
                    .iter()
                    .all(|t| m.demonstrates(t))
            })
            .map(|m| m.text())
            .collect();
        // a different order of answers each game
        for i in (1..answers.len()).rev() {
            answers.swap(i, self.rng.random_range(0..=i));
        }
        let mut plan = VecDeque::new();
        let opener = self.pick(&openers).copied();
        match (opener, self.pick(&full).copied()) {
            (Some(open), Some(model)) => {
                if self.rng.random_bool(0.5) {
                    plan.push_back(open);
                } else {
                    plan.push_back(model);
                }
            }
            (Some(open), None) => plan.push_back(open),
            (None, Some(model)) => plan.push_back(model),
            (None, None) => {}
        }
        plan.extend(answers);
        plan.extend(
            full.iter()
                .filter(|m| !plan.contains(m))
                .copied()
                .collect::<Vec<_>>(),
        );
        plan.into_iter().map(str::to_string).collect()
    }

    fn ideal(&mut self, session: &Session) -> String {
        let Some(objection) = session.current_objection() else {
            return self.concede_in_steps(session);
        };
        if self.plan.0 != objection.id {
            let plan = self.plan_for(objection);
            self.plan = (objection.id.clone(), plan);
        }
        while let Some(reply) = self.plan.1.pop_front() {
            if !self.said.contains(&reply) {
                self.said.push(reply.clone());
                return reply;
            }
        }
        // everything authored said: keep trading
        self.concede_in_steps(session)
    }

    /// A trade of value first (a model answer marked as a concession), then
    /// conditional price steps of 35%, 20%, 10% and 5% of the room above
    /// the floor; meets the customer as soon as their price reaches the
    /// next step (and never below the floor).
    fn concede_in_steps(&mut self, session: &Session) -> String {
        const STEPS: [f64; 4] = [0.35, 0.55, 0.65, 0.70];
        let s = session.scenario();
        let p = &s.product;
        if !self.traded {
            self.traded = true;
            let trades: Vec<&str> = s
                .objections
                .iter()
                .flat_map(|o| &o.model_answers)
                .filter(|m| m.demonstrates("concession"))
                .map(|m| m.text())
                .filter(|t| !self.said.iter().any(|s| s == t))
                .collect();
            if let Some(trade) = self.pick(&trades) {
                let trade = trade.to_string();
                self.said.push(trade.clone());
                return trade;
            }
        }
        let room = p.list_price - p.floor;
        let next = STEPS
            .get(self.concessions)
            .map(|share| p.list_price - room * share);
        match (next, session.persona_price()) {
            (_, Some(theirs)) if theirs >= p.floor && next.is_none_or(|mine| theirs >= mine) => {
                self.say("bot.ideal.close", &[("price", &money(theirs, &p.currency))])
            }
            (Some(mine), _) => {
                self.concessions += 1;
                self.say("bot.ideal.concede", &[("price", &money(mine, &p.currency))])
            }
            (None, _) => {
                // at the limit: hold it, in other words each time
                self.concessions += 1;
                let last = money(p.list_price - room * STEPS[STEPS.len() - 1], &p.currency);
                let key = if self.concessions.is_multiple_of(2) {
                    "bot.ideal.close"
                } else {
                    "bot.ideal.hold"
                };
                self.say(key, &[("price", &last)])
            }
        }
    }

    /// An average seller: a polite acknowledgement and a question, then
    /// the feature list, then round unconditional discounts.
    fn mediocre(&mut self, session: &Session) -> String {
        let s = session.scenario();
        let p = &s.product;
        if let Some(objection) = session.current_objection() {
            if self.plan.0 != objection.id {
                self.plan = (objection.id.clone(), VecDeque::new());
                return self.say("bot.mediocre.ask", &[]);
            }
            if self.plan.1.is_empty() {
                // said once per objection
                self.plan.1.push_back(String::new());
                let names: Vec<&str> = p.features.iter().map(|f| f.name.as_str()).collect();
                let list = names.join(self.locale.text("bot.mediocre.and"));
                return self.say("bot.mediocre.features", &[("features", &list)]);
            }
        }
        // round steps of 8% of the list price, never below the floor
        let theirs = session.persona_price();
        let mine = (p.list_price * (1.0 - 0.08 * (self.concessions + 1) as f64)).max(p.floor);
        match theirs {
            Some(t) if t >= p.floor && t >= mine => {
                self.say("bot.mediocre.close", &[("price", &money(t, &p.currency))])
            }
            _ => {
                self.concessions += 1;
                self.say(
                    "bot.mediocre.concede",
                    &[("price", &money(mine, &p.currency))],
                )
            }
        }
    }

    /// Rubric words, and model answers pasted from other customers' cases.
    fn stuffer(&mut self, session: &Session) -> String {
        let s = session.scenario();
        if self.turns.is_multiple_of(2) {
            let pasted: Vec<&str> = shipped()
                .iter()
                .filter(|o| o.id != s.id && o.language == s.language)
                .flat_map(|o| &o.objections)
                .flat_map(|o| &o.model_answers)
                .map(|m| m.text())
                .collect();
            if let Some(text) = self.pick(&pasted) {
                return text.to_string();
            }
        }
        if self.turns > 6 {
            let p = &s.product;
            let price = money(p.list_price - (p.list_price - p.floor) * 0.5, &p.currency);
            return self.say("bot.stuffer.close", &[("price", &price)]);
        }
        self.say("bot.stuffer", &[])
    }

    fn conceder(&mut self, session: &Session) -> String {
        let p = &session.scenario().product;
        self.concessions += 1;
        let price = p.list_price * (1.0 - 0.12 * self.concessions as f64);
        self.say("bot.conceder", &[("price", &money(price, &p.currency))])
    }

    fn random(&mut self, session: &Session) -> String {
        let p = &session.scenario().product;
        let price = self.rng.random_range(p.floor * 0.9..p.list_price);
        let pain = main_pain(session.scenario());
        self.say(
            "bot.random",
            &[("price", &money(price, &p.currency)), ("pain", &pain)],
        )
    }
}

/// A word for the persona's first pain, to ask about it.
fn main_pain(s: &Scenario) -> String {
    s.persona
        .pains
        .first()
        .and_then(|p| p.terms.first())
        .cloned()
        .unwrap_or_default()
}

/// Plays one whole game; returns the finished session.
pub fn play(
    prepared: &super::Prepared,
    kind: Kind,
    difficulty: crate::scenario::Difficulty,
    seed: u64,
) -> Session {
    let mut session = Session::start(prepared, difficulty, seed);
    let mut bot = Bot::new(kind, prepared.scenario.lang(), seed);
    while session.outcome().is_none() {
        let text = bot.reply(&session);
        if session.reply(&text).is_err() {
            session.end();
        }
    }
    session
}
