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
}

/// When a hidden fact comes out.
#[derive(Debug, Clone, Serialize, Deserialize)]
// a misspelt field in a struct-like variant is an error, not dropped
#[serde(deny_unknown_fields)]
pub enum Reveal {
    /// The player asks an open question containing one of the terms.
    OpenQuestion { terms: Vec<String> },
    /// The player asks any question containing one of the terms.
    Question { terms: Vec<String> },
    /// The persona's trust reaches this level (0 to 1).
    TrustAtLeast(f64),
    /// The objection with this id has been resolved.
    Resolved(String),
}

/// Lines in the persona's own voice for the price negotiation.
/// `{price}` is replaced with the amount in the product currency.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    pub counter: Vec<String>,
    pub insist: Vec<String>,
    pub accept: Vec<String>,
    pub walk_away: Vec<String>,
    pub final_call: Vec<String>,
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

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reactions {
    pub good: Vec<String>,
    pub bad: Vec<String>,
    /// Said when the objection is resolved.
    pub resolved: Vec<String>,
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
