//! Text-producing players for `simulate` and balance tests. Their replies go
//! through the real analyzer, so a bot scores only what its words earn. The
//! phrases live in the locale files under `bot.*`.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::Session;
use crate::i18n::{Locale, money};
use crate::lang::Lang;
use crate::scenario::{Resolution, Scenario, TradeableKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// Follows LAER, uses FAB on the persona's pains, concedes in shrinking
    /// conditional steps.
    Ideal,
    /// Gives large unconditional discounts at once.
    Conceder,
    /// Never concedes and argues.
    Stonewall,
    /// Says random things from all of the above.
    Random,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Ideal, Kind::Conceder, Kind::Stonewall, Kind::Random];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Ideal => "ideal",
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
    /// Replies spent on the objection now on the table, and its id.
    on_objection: (String, usize),
    concessions: usize,
}

impl Bot {
    pub fn new(kind: Kind, lang: Lang, seed: u64) -> Bot {
        Bot {
            kind,
            locale: Locale::builtin(lang),
            rng: StdRng::seed_from_u64(seed ^ 0x05ee_db07),
            on_objection: (String::new(), 0),
            concessions: 0,
        }
    }

    /// The bot's next reply to the session as it stands.
    pub fn reply(&mut self, session: &Session) -> String {
        match self.kind {
            Kind::Ideal => self.ideal(session),
            Kind::Conceder => self.conceder(session),
            Kind::Stonewall => self.say("bot.stonewall", &[]),
            Kind::Random => self.random(session),
        }
    }

    fn say(&mut self, key: &str, args: &[(&str, &str)]) -> String {
        // a key may hold several variants separated by " | "
        let text = self.locale.fill(key, args);
        let variants: Vec<&str> = text.split(" | ").collect();
        variants[self.rng.random_range(0..variants.len())].to_string()
    }

    fn ideal(&mut self, session: &Session) -> String {
        let s = session.scenario();
        let Some(objection) = session.current_objection() else {
            return self.concede_in_steps(session);
        };
        if self.on_objection.0 != objection.id {
            self.on_objection = (objection.id.clone(), 0);
        }
        let spent = self.on_objection.1;
        self.on_objection.1 += 1;
        let pain = main_pain(s);
        if spent == 0 {
            // restate the customer's own words: a term of the objection
            // that their last line used
            let said = session
                .turns()
                .last()
                .map_or(session.opening(), |t| t.persona.as_slice())
                .join(" ")
                .to_lowercase();
            let term = objection
                .terms
                .iter()
                .find(|t| said.contains(&t.to_lowercase()))
                .or(objection.terms.first())
                .cloned()
                .unwrap_or_default();
            return self.say("bot.ideal.explore", &[("term", &term), ("pain", &pain)]);
        }
        // respond: FAB on a pain the feature relieves, then the technique
        // the objection asks for (a different one on each later try)
        let fab = self.fab_sentence(
            s,
            objection.resolved_by.iter().find_map(|r| match r {
                Resolution::Benefit { pains } => pains.first().cloned(),
                _ => None,
            }),
        );
        let techniques: Vec<&Resolution> = objection
            .resolved_by
            .iter()
            .filter(|r| !matches!(r, Resolution::Benefit { .. }))
            .collect();
        let technique = techniques
            .get((spent - 1) % techniques.len().max(1))
            .map(|r| self.technique_sentence(s, r))
            .unwrap_or_default();
        format!("{fab} {technique}").trim().to_string()
    }

    fn fab_sentence(&mut self, s: &Scenario, pain_id: Option<String>) -> String {
        let pain = pain_id
            .and_then(|id| s.persona.pains.iter().find(|p| p.id == id))
            .or(s.persona.pains.first());
        let Some(pain) = pain else {
            return String::new();
        };
        let feature = s
            .product
            .features
            .iter()
            .find(|f| f.relieves.contains(&pain.id))
            .or(s.product.features.first());
        let Some(feature) = feature else {
            return String::new();
        };
        self.say(
            "bot.ideal.fab",
            &[
                ("feature", &feature.name),
                ("advantage", &feature.advantage),
                ("pain", pain.terms.first().map_or("", String::as_str)),
            ],
        )
    }

    fn technique_sentence(&mut self, s: &Scenario, r: &Resolution) -> String {
        let addon = s
            .product
            .tradeables
            .iter()
            .filter(|t| t.kind == TradeableKind::AddOn)
            .max_by(|a, b| (a.value / a.cost).total_cmp(&(b.value / b.cost)))
            .map_or(String::new(), |t| t.name.clone());
        let monthly = money(s.product.list_price / 60.0, &s.product.currency);
        let pain = main_pain(s);
        match r {
            Resolution::Technique(name) => self.say(
                &format!("bot.technique.{name}"),
                &[("addon", &addon), ("monthly", &monthly), ("pain", &pain)],
            ),
            Resolution::Tradeable(id) => {
                let name = s
                    .product
                    .tradeables
                    .iter()
                    .find(|t| &t.id == id)
                    .map_or(addon, |t| t.name.clone());
                self.say("bot.technique.value_added", &[("addon", &name)])
            }
            Resolution::PriceAtMost(max) => {
                let price = money(max.max(s.product.floor), &s.product.currency);
                self.say("bot.ideal.concede", &[("price", &price)])
            }
            Resolution::Benefit { .. } => String::new(),
        }
    }

    /// Conditional steps of 35%, 20%, 10% and 5% of the room above the
    /// floor; meets the customer as soon as their price reaches the next
    /// step (and never below the floor).
    fn concede_in_steps(&mut self, session: &Session) -> String {
        const STEPS: [f64; 4] = [0.35, 0.55, 0.65, 0.70];
        let p = &session.scenario().product;
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
                let last = p.list_price - room * STEPS[STEPS.len() - 1];
                self.say("bot.ideal.close", &[("price", &money(last, &p.currency))])
            }
        }
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
