//! The scenario file format: plain serde types read from RON.
//!
//! Field docs here are the reference for `docs/authoring.md`. Ids are
//! strings so that authors get "unknown id" errors with a location instead of
//! serde's generic enum errors; the validator checks every reference.

use serde::{Deserialize, Serialize};

/// One negotiation scenario: a product, a customer persona and the objection
/// script the persona follows.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable id, lowercase letters, digits and `-`; used in transcripts.
    pub id: String,
    pub title: String,
    /// `"en"` or `"zh-CN"`; every line of the file is in this language.
    pub language: String,
    pub industry: String,
    /// One paragraph the player reads before the negotiation starts.
    pub briefing: String,
    /// Turns before the customer runs out of time regardless of patience.
    pub max_turns: u32,
    #[serde(default)]
    pub difficulty: Tiers,
    pub product: Product,
    pub persona: Persona,
    pub objections: Vec<Objection>,
}

/// Difficulty tiers, each an override of the persona's parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Tiers {
    pub easy: Overrides,
    pub normal: Overrides,
    pub hard: Overrides,
}

/// Any persona parameter a tier may replace; unset fields keep the base value.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Overrides {
    pub patience: Option<u32>,
    pub price_sensitivity: Option<f64>,
    pub scepticism: Option<f64>,
    pub trust: Option<f64>,
    pub anchor: Option<f64>,
    pub budget: Option<f64>,
    pub walk_away: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    pub name: String,
    pub list_price: f64,
    /// ISO 4217 code such as `"USD"` or `"CNY"`.
    pub currency: String,
    /// The seller's bottom line: never shown to the persona, never to go below.
    pub floor: f64,
    pub features: Vec<Feature>,
    #[serde(default)]
    pub tradeables: Vec<Tradeable>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feature {
    pub id: String,
    pub name: String,
    /// Other ways customers and players name this feature.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What the feature does better than the alternative.
    pub advantage: String,
    /// Ids of persona pains this feature can relieve.
    #[serde(default)]
    pub relieves: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TradeableKind {
    /// Money off the list price; `cost` and `value` are per percent.
    Discount,
    /// A longer service or support period.
    ServicePeriod,
    /// Something added to the deal: training, warranty, installation.
    AddOn,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tradeable {
    pub id: String,
    pub kind: TradeableKind,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What giving it costs the seller, in the product currency.
    pub cost: f64,
    /// What it is worth to the customer, in the product currency.
    pub value: f64,
}

/// Where the persona sits in the customer's decision chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionRole {
    Procurement,
    TechnicalLead,
    Owner,
    Finance,
    EndUser,
    Executive,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub name: String,
    pub role: DecisionRole,
    /// Job title as shown on the persona card.
    pub title: String,
    pub company: String,
    pub staff: u32,
    pub traits: Traits,
    pub pains: Vec<Pain>,
    /// The price the persona has approved and hopes to pay.
    pub budget: f64,
    /// The highest price the persona accepts; above it the BATNA wins.
    pub walk_away: f64,
    /// The persona's best alternative, in its own words.
    pub batna: String,
    pub hidden: Vec<HiddenFact>,
    pub voice: Voice,
}

/// Persona parameters; the fractions run from 0 to 1.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Traits {
    /// Replies the persona tolerates that do not move it forward.
    pub patience: u32,
    pub price_sensitivity: f64,
    pub scepticism: f64,
    /// Trust at the start of the conversation.
    pub trust: f64,
    /// How far below its budget the persona opens (0.2 = 20% below).
    pub anchor: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pain {
    pub id: String,
    pub description: String,
    /// Words that show a reply touches this pain.
    pub terms: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FactKind {
    Budget,
    Batna,
    DelayReason,
    DecisionMaker,
    Other,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HiddenFact {
    pub id: String,
    pub kind: FactKind,
    /// What the persona says when the fact comes out.
    pub text: String,
    pub reveal: Reveal,
    /// The least trust (0 to 1) at which the persona tells it when asked;
    /// below it the persona deflects. Unset: the engine's default for the
    /// fact's kind (`persona::tuning`).
    #[serde(default)]
    pub trust: Option<f64>,
}

/// When a hidden fact comes out.
#[derive(Debug, Clone, Serialize, Deserialize)]
// a misspelt field in a struct-like variant is an error, not dropped
#[serde(deny_unknown_fields)]
pub enum Reveal {
    /// The player asks an open question about this topic: a question
    /// sentence that uses one of the terms (whole words; question words
    /// such as "when" or "谁" do not count).
    OpenQuestion { terms: Vec<String> },
    /// The player asks any question about this topic (as above).
    Question { terms: Vec<String> },
    /// The persona's trust reaches this level (0 to 1).
    TrustAtLeast(f64),
    /// The objection with this id has been resolved.
    Resolved(String),
}

/// Lines in the persona's own voice, outside any one objection.
/// `{price}` is replaced with the amount as people in the market say it
/// (rounded; "3.7万" in Chinese). Each list holds variants; the persona
/// does not repeat a line in a session while an unused variant is left.
/// The lists after `final_call` may be left out: built-in lines in the
/// scenario's language stand in (`check` warns).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    /// Names its counter-offer; must hold `{price}`. Not final-sounding.
    pub counter: Vec<String>,
    /// The seller's price is still above what it can pay.
    pub insist: Vec<String>,
    /// Agrees to `{price}`.
    pub accept: Vec<String>,
    pub walk_away: Vec<String>,
    /// Its last word, `{price}`: it will not go higher.
    pub final_call: Vec<String>,
    /// The price `{price}` would do but a concern is still open;
    /// `{concern}` becomes the open objection's `concern`.
    #[serde(default)]
    pub workable: Vec<String>,
    /// Surprise at an offer far below its own position: it checks
    /// `{price}` before it binds.
    #[serde(default)]
    pub confirm: Vec<String>,
    /// Names its fallback (its BATNA) when pushed, if trust allows;
    /// `{batna}` becomes the persona's `batna`.
    #[serde(default)]
    pub batna: Vec<String>,
    /// Its role cannot sign `{price}` alone: it takes it to whoever can.
    #[serde(default)]
    pub approval: Vec<String>,
    /// To pressure ("sign today or lose it").
    #[serde(default)]
    pub pushed: Vec<String>,
    /// To arguing ("you're wrong").
    #[serde(default)]
    pub argued: Vec<String>,
    /// To exaggeration ("the best on the market").
    #[serde(default)]
    pub doubted: Vec<String>,
    /// To a recital of sales words with no move in it.
    #[serde(default)]
    pub stuffed: Vec<String>,
    /// To a reply about another customer's case: people, pains or
    /// objections it never raised ("I'm not sure what that has to do
    /// with us.").
    #[serde(default)]
    pub off_topic: Vec<String>,
    /// To a reply said word for word before ("You asked me that
    /// already.").
    #[serde(default)]
    pub repeated: Vec<String>,
    /// To a price cut far in one step, for nothing and on no condition
    /// ("That came down fast. Then there's more in it."): it holds where
    /// it stands. `{price}` is the player's new price.
    #[serde(default)]
    pub fast_cut: Vec<String>,
    /// Demands proof of a claim it does not believe yet (and, on hard,
    /// of any figure).
    #[serde(default)]
    pub proof: Vec<String>,
    /// Hard tier: cuts off a long speech.
    #[serde(default)]
    pub interrupt: Vec<String>,
    /// Easy tier: after a reply that missed, says what it cares about.
    #[serde(default)]
    pub hint: Vec<String>,
    /// Asked about a hidden fact before trust allows telling it.
    #[serde(default)]
    pub deflect: Vec<String>,
}

impl Voice {
    /// Every list by its field name, in file order.
    pub fn kinds(&self) -> [(&'static str, &Vec<String>); 20] {
        [
            ("counter", &self.counter),
            ("insist", &self.insist),
            ("accept", &self.accept),
            ("walk_away", &self.walk_away),
            ("final_call", &self.final_call),
            ("workable", &self.workable),
            ("confirm", &self.confirm),
            ("batna", &self.batna),
            ("approval", &self.approval),
            ("pushed", &self.pushed),
            ("argued", &self.argued),
            ("doubted", &self.doubted),
            ("stuffed", &self.stuffed),
            ("off_topic", &self.off_topic),
            ("repeated", &self.repeated),
            ("fast_cut", &self.fast_cut),
            ("proof", &self.proof),
            ("interrupt", &self.interrupt),
            ("hint", &self.hint),
            ("deflect", &self.deflect),
        ]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ObjectionKind {
    Price,
    Fit,
    Delay,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
// a misspelt field in a struct-like variant is an error, not dropped
#[serde(deny_unknown_fields)]
pub enum Trigger {
    /// Raised as the customer's opening line.
    AtStart,
    /// Raised once this many player turns have passed.
    AfterTurn(u32),
    /// Raised after the player's first offer.
    AfterOffer,
    /// Raised once the objection with this id is resolved.
    AfterResolved(String),
}

/// One way of resolving an objection; any one listed is enough.
#[derive(Debug, Clone, Serialize, Deserialize)]
// a misspelt field in a struct-like variant is an error, not dropped
#[serde(deny_unknown_fields)]
pub enum Resolution {
    /// A technique from the course, by analyzer name (e.g. `"cost_breakdown"`).
    Technique(String),
    /// A benefit that touches one of these pains.
    Benefit { pains: Vec<String> },
    /// A price offer at or below this amount.
    PriceAtMost(f64),
    /// Offering this tradeable.
    Tradeable(String),
}

impl Resolution {
    /// The reaction routes this resolution opens: one per technique,
    /// tradeable or price, one per pain of a benefit.
    pub fn routes(&self) -> Vec<Route> {
        match self {
            Resolution::Technique(t) => vec![Route::Technique(t.clone())],
            Resolution::Benefit { pains } => pains.iter().cloned().map(Route::Pain).collect(),
            Resolution::PriceAtMost(_) => vec![Route::Price],
            Resolution::Tradeable(t) => vec![Route::Tradeable(t.clone())],
        }
    }
}

/// Words every question has ("when", "谁"): they say that a sentence asks,
/// not what it asks about, so they never make a hidden fact's topic.
pub const QUESTION_WORDS: &[&str] = &[
    "what",
    "why",
    "how",
    "when",
    "who",
    "whom",
    "whose",
    "where",
    "which",
    "谁",
    "什么",
    "为什么",
    "怎么",
    "怎样",
    "怎么样",
    "多少",
    "哪",
    "哪些",
    "哪个",
    "什么时候",
    "几",
    "吗",
    "呢",
];

/// Whether `term` is only a question word (see [`QUESTION_WORDS`]).
pub fn is_question_word(term: &str) -> bool {
    let t = term.trim();
    QUESTION_WORDS.iter().any(|w| w.eq_ignore_ascii_case(t))
}

/// The fewest variants a line kind should have so that the persona does
/// not repeat itself (`check` warns below it).
pub const MIN_VARIANTS: usize = 4;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objection {
    pub id: String,
    pub kind: ObjectionKind,
    pub trigger: Trigger,
    /// Variants of the objection; one is picked at random.
    pub lines: Vec<String>,
    /// Words that show a reply paraphrases this objection.
    pub terms: Vec<String>,
    pub resolved_by: Vec<Resolution>,
    /// What is still open while this objection stands, as a short phrase
    /// the persona fits into `voice.workable` ("how the set-up won't drag
    /// on"): it says the price would do but this is not settled.
    #[serde(default)]
    pub concern: Option<String>,
    pub reactions: Reactions,
    /// Authored replies for pick-a-reply and classroom mode.
    #[serde(default)]
    pub options: Vec<ReplyOption>,
    /// Strong replies the debrief offers as a better alternative: plain
    /// text, or `(text: "...", shows: ["acknowledge", "explore"])` to say
    /// which mistakes it answers.
    pub model_answers: Vec<ModelAnswer>,
}

/// A strong reply, and what it demonstrates: LAER steps, FAB parts and
/// techniques by analyzer name, or `concession` (a stepped, conditional
/// trade), `ethics` (an honest, checkable claim) or `relevance` (about this
/// customer). The debrief offers it as "try instead" only for a mistake it
/// demonstrates the fix for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ModelAnswer {
    /// Plain text: taken to show the four LAER steps on its objection.
    Text(String),
    Tagged(TaggedAnswer),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaggedAnswer {
    pub text: String,
    pub shows: Vec<String>,
}

impl ModelAnswer {
    /// What an answer without `shows` is taken to demonstrate.
    pub const PLAIN_SHOWS: [&'static str; 4] = ["listen", "acknowledge", "explore", "respond"];
    /// Tags beyond the analyzer's that `shows` may hold.
    pub const LESSONS: [&'static str; 3] = ["concession", "ethics", "relevance"];

    pub fn text(&self) -> &str {
        match self {
            ModelAnswer::Text(t) => t,
            ModelAnswer::Tagged(a) => &a.text,
        }
    }

    pub fn shows(&self) -> Vec<&str> {
        match self {
            ModelAnswer::Text(_) => Self::PLAIN_SHOWS.to_vec(),
            ModelAnswer::Tagged(a) => a.shows.iter().map(String::as_str).collect(),
        }
    }

    pub fn demonstrates(&self, tag: &str) -> bool {
        self.shows().contains(&tag)
    }
}

/// The persona's reactions to replies on one objection. Each reply gets
/// the reaction that fits what it did: a question is answered (`asked`),
/// a restatement or acknowledgement confirmed (`heard`), another useful
/// move met with `good`, a reply that misses with `bad`, and the reply that
/// resolves the objection with the lines of the route it took (`routes`),
/// else `resolved`. Lines may say `{feature}` (the feature the reply
/// named); such a line is only used when the reply named one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reactions {
    /// A useful move (a benefit, a feature, a technique) that does not
    /// resolve the objection yet.
    pub good: Vec<String>,
    /// A reply that does not address the objection.
    pub bad: Vec<String>,
    /// The objection is resolved, by a route with no lines of its own.
    pub resolved: Vec<String>,
    /// The player restated or acknowledged the concern. Left out: `good`.
    #[serde(default)]
    pub heard: Vec<String>,
    /// The player asked about the concern and no hidden fact answers the
    /// question: the persona says more about the concern. Left out: `good`.
    #[serde(default)]
    pub asked: Vec<String>,
    /// Lines for resolving the objection by one route of `resolved_by`.
    #[serde(default)]
    pub routes: Vec<RouteReaction>,
}

/// What the persona says when a reply resolves the objection by `when`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteReaction {
    pub when: Route,
    pub say: Vec<String>,
}

/// One resolution route, as reactions name it: a technique of
/// `resolved_by`, one pain of a `Benefit` there, a tradeable there, or
/// the `PriceAtMost` route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Route {
    Technique(String),
    Pain(String),
    Tradeable(String),
    Price,
}

impl Reactions {
    /// The generic lists by field name, in file order.
    pub fn kinds(&self) -> [(&'static str, &Vec<String>); 5] {
        [
            ("good", &self.good),
            ("bad", &self.bad),
            ("resolved", &self.resolved),
            ("heard", &self.heard),
            ("asked", &self.asked),
        ]
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyOption {
    pub text: String,
    /// Tags the author expects this reply to earn (analyzer names).
    pub tags: Vec<String>,
}

impl Scenario {
    /// The scenario's language (checked when loaded; English if unknown).
    pub fn lang(&self) -> crate::lang::Lang {
        crate::lang::Lang::from_code(&self.language).unwrap_or_default()
    }

    /// The objection the customer opens with.
    pub fn opening(&self) -> Option<&Objection> {
        self.objections
            .iter()
            .find(|o| matches!(o.trigger, Trigger::AtStart))
    }

    pub fn option_count(&self) -> usize {
        self.objections.iter().map(|o| o.options.len()).sum()
    }
}

impl ObjectionKind {
    pub fn name(self) -> &'static str {
        match self {
            ObjectionKind::Price => "price",
            ObjectionKind::Fit => "fit",
            ObjectionKind::Delay => "delay",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    Easy,
    #[default]
    Normal,
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Normal, Difficulty::Hard];

    pub fn name(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Normal => "normal",
            Difficulty::Hard => "hard",
        }
    }
}

/// The persona's numbers once a difficulty tier is applied.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonaParams {
    pub patience: u32,
    pub price_sensitivity: f64,
    pub scepticism: f64,
    pub trust: f64,
    pub anchor: f64,
    pub budget: f64,
    pub walk_away: f64,
}

impl Persona {
    /// The persona's parameters before any difficulty tier.
    pub fn base_params(&self) -> PersonaParams {
        let t = &self.traits;
        PersonaParams {
            patience: t.patience,
            price_sensitivity: t.price_sensitivity,
            scepticism: t.scepticism,
            trust: t.trust,
            anchor: t.anchor,
            budget: self.budget,
            walk_away: self.walk_away,
        }
    }
}

impl Overrides {
    pub fn apply(&self, base: PersonaParams) -> PersonaParams {
        PersonaParams {
            patience: self.patience.unwrap_or(base.patience),
            price_sensitivity: self.price_sensitivity.unwrap_or(base.price_sensitivity),
            scepticism: self.scepticism.unwrap_or(base.scepticism),
            trust: self.trust.unwrap_or(base.trust),
            anchor: self.anchor.unwrap_or(base.anchor),
            budget: self.budget.unwrap_or(base.budget),
            walk_away: self.walk_away.unwrap_or(base.walk_away),
        }
    }
}

impl Scenario {
    /// The persona's parameters on a difficulty tier.
    pub fn params(&self, difficulty: Difficulty) -> PersonaParams {
        let tier = match difficulty {
            Difficulty::Easy => &self.difficulty.easy,
            Difficulty::Normal => &self.difficulty.normal,
            Difficulty::Hard => &self.difficulty.hard,
        };
        tier.apply(self.persona.base_params())
    }
}
