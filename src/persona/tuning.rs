//! How strongly the customer reacts, in one table. Each scenario sets its
//! persona's traits (patience, trust, scepticism, anchor, budget,
//! walk-away) and their per-tier changes in its own file; the numbers here
//! are the engine's, the same for every scenario, so balancing is done in
//! one place instead of in literals across the persona.

use crate::lang::Lang;
use crate::scenario::{DecisionRole, Difficulty, FactKind};

/// Meter moves per reply and the thresholds the customer acts on.
/// Trust and value are 0-1; patience counts replies.
pub struct Tuning {
    /// Trust gained by restating the concern (listen).
    pub listen_trust: f64,
    /// Trust gained by validating the customer's feeling (acknowledge).
    pub acknowledge_trust: f64,
    /// Trust gained by an open question, and by a closed one.
    pub open_question_trust: f64,
    pub closed_question_trust: f64,
    /// A benefit tied to a pain: the value the customer sees and the trust
    /// it builds. A bare advantage or feature adds less value and no trust.
    pub benefit_value: f64,
    pub benefit_trust: f64,
    pub advantage_value: f64,
    pub feature_value: f64,
    /// A customer case adds this value, plus more for a sceptical customer.
    pub case_value: f64,
    pub case_value_per_scepticism: f64,
    /// Arguing, pressure and keyword stuffing cost trust and one reply of
    /// patience each.
    pub arguing_trust_cost: f64,
    pub pressure_trust_cost: f64,
    pub stuffing_trust_cost: f64,
    pub push_patience_cost: f64,
    /// Exaggeration costs this much trust times (base + scepticism).
    pub exaggeration_trust_cost: f64,
    pub exaggeration_base: f64,
    /// A reply with nothing the customer can use costs a reply of patience.
    pub empty_reply_patience_cost: f64,
    /// A reply about another customer's case (names, pains or objections
    /// this customer never raised, nothing of its own; the scorer's
    /// `off_topic`) earns nothing and costs this much trust and patience:
    /// the customer hears that it is not being listened to. A recital of
    /// sales words is charged as stuffing instead.
    pub off_topic_trust_cost: f64,
    pub off_topic_patience_cost: f64,
    /// A reply said word for word before (no offer in it: holding a price
    /// is a move) earns nothing again and costs this much trust and
    /// patience: the customer hears a script on repeat.
    pub repeated_trust_cost: f64,
    pub repeated_patience_cost: f64,
    /// Responding to an objection before exploring it costs patience.
    pub premature_patience_cost: f64,
    /// Below this trust the customer believes no answer to an objection,
    /// and takes no bargain.
    pub belief_trust: f64,
    /// Value gained when an objection is resolved.
    pub resolved_value: f64,
    /// A tradeable adds value in proportion to its worth over the list
    /// price, times this.
    pub tradeable_value_factor: f64,
    /// At or below this trust the customer leaves.
    pub walk_trust: f64,
    /// Added to a tier's belief trust per point of scepticism: a sceptical
    /// customer needs more trust before an answer convinces it.
    pub belief_per_scepticism: f64,
    /// Least trust at which a hidden fact is told when asked, per kind
    /// (a scenario may set its own per fact): Budget, Batna, DelayReason,
    /// DecisionMaker, Other.
    pub reveal_trust: [f64; 5],
    /// A question sentence with this many different question words ("what,
    /// why, how, when?") asks about nothing in particular.
    pub question_word_salad: usize,
    /// The customer names its fallback (BATNA) when pushed only at or
    /// above this trust, and at most this many times.
    pub batna_trust: f64,
    pub batna_times: u32,
    pub buyer: BuyerTuning,
}

/// How a difficulty tier changes the way the customer behaves and talks,
/// on top of the numbers each scenario sets per tier.
pub struct TierTuning {
    /// Below this trust (plus `belief_per_scepticism` x scepticism) the
    /// customer believes no answer to an objection, and takes no bargain.
    pub belief_trust: f64,
    /// Trust the customer needs before it signs.
    pub accept_trust: f64,
    /// Added to every hidden fact's trust requirement.
    pub reveal_trust_shift: f64,
    /// Patience costs are multiplied by this.
    pub patience_cost: f64,
    /// Cuts off an English reply longer than this many characters (a
    /// Chinese one at a third of it), costing `interrupt_patience_cost`.
    pub interrupt_chars: Option<usize>,
    /// Challenges figures in claims that no customer case backs.
    pub demands_proof: bool,
    /// After a reply that missed, says what it cares about.
    pub hints: bool,
}

pub const EASY: TierTuning = TierTuning {
    belief_trust: 0.15,
    accept_trust: 0.3,
    reveal_trust_shift: -0.1,
    patience_cost: 0.75,
    interrupt_chars: None,
    demands_proof: false,
    hints: true,
};

pub const NORMAL: TierTuning = TierTuning {
    belief_trust: 0.2,
    accept_trust: 0.4,
    reveal_trust_shift: 0.0,
    patience_cost: 1.0,
    interrupt_chars: None,
    demands_proof: false,
    hints: false,
};

pub const HARD: TierTuning = TierTuning {
    belief_trust: 0.25,
    accept_trust: 0.5,
    reveal_trust_shift: 0.1,
    patience_cost: 1.25,
    interrupt_chars: Some(300),
    demands_proof: true,
    hints: false,
};

/// The behaviour of a tier.
pub fn tier(d: Difficulty) -> &'static TierTuning {
    match d {
        Difficulty::Easy => &EASY,
        Difficulty::Normal => &NORMAL,
        Difficulty::Hard => &HARD,
    }
}

/// Patience a long reply costs when a hard customer cuts it off.
pub const INTERRUPT_PATIENCE_COST: f64 = 0.5;

/// The bargainer's habits (see `buyer`).
pub struct BuyerTuning {
    /// Chance of conceding on a turn when not pushed into it.
    pub random_concession: f64,
    /// Concedes after this many replies in a row that did not move on price.
    pub pushes_before_conceding: u32,
    /// Makes its final call after this many.
    pub pushes_before_final_call: u32,
    /// Each step gives away this share of the gap to its limit (or half the
    /// distance to the seller's price, whichever is less).
    pub step_share: f64,
    /// Within this share of its limit (or 1 unit) the next word is final.
    pub final_call_margin: f64,
    /// Price sensitivity (0-1) shrinks how far perceived value stretches
    /// the budget toward the walk-away price, by up to this share...
    pub sensitivity_stretch_cut: f64,
    /// ...and each concession step by up to this share.
    pub sensitivity_step_cut: f64,
    /// A customer at least this price-sensitive names its fallback after
    /// one reply that does not move on price, others after two.
    pub sensitive: f64,
    /// An offer more than this share below the customer's own position is
    /// a surprise: it checks the figure before it binds.
    pub surprise_below: f64,
    /// A price cut by at least this share of the list price in one reply,
    /// for nothing and on no condition, tells the customer there is more
    /// room: it holds where it stands.
    pub fast_cut: f64,
    /// A customer who cannot sign alone gets a price above its budget
    /// approved when perceived value has reached this.
    pub approval_value: f64,
}

pub const TUNING: Tuning = Tuning {
    listen_trust: 0.06,
    acknowledge_trust: 0.05,
    open_question_trust: 0.05,
    closed_question_trust: 0.02,
    benefit_value: 0.2,
    benefit_trust: 0.03,
    advantage_value: 0.08,
    feature_value: 0.03,
    case_value: 0.05,
    case_value_per_scepticism: 0.1,
    arguing_trust_cost: 0.15,
    pressure_trust_cost: 0.1,
    stuffing_trust_cost: 0.1,
    push_patience_cost: 1.0,
    exaggeration_trust_cost: 0.1,
    exaggeration_base: 0.5,
    empty_reply_patience_cost: 1.0,
    off_topic_trust_cost: 0.1,
    off_topic_patience_cost: 1.0,
    repeated_trust_cost: 0.05,
    repeated_patience_cost: 1.0,
    premature_patience_cost: 0.5,
    belief_trust: 0.2,
    resolved_value: 0.1,
    tradeable_value_factor: 5.0,
    walk_trust: 0.05,
    belief_per_scepticism: 0.1,
    reveal_trust: [0.3, 0.45, 0.3, 0.35, 0.2],
    question_word_salad: 3,
    batna_trust: 0.4,
    batna_times: 1,
    buyer: BuyerTuning {
        random_concession: 0.2,
        pushes_before_conceding: 2,
        pushes_before_final_call: 4,
        step_share: 0.2,
        final_call_margin: 0.01,
        sensitivity_stretch_cut: 0.25,
        sensitivity_step_cut: 0.5,
        sensitive: 0.7,
        surprise_below: 0.1,
        fast_cut: 0.05,
        approval_value: 0.5,
    },
};

/// Trust the customer needs before it signs, per tier.
pub fn accept_trust(d: Difficulty) -> f64 {
    tier(d).accept_trust
}

/// The default least trust to tell a fact of `kind` when asked.
pub fn reveal_trust(kind: FactKind) -> f64 {
    let i = match kind {
        FactKind::Budget => 0,
        FactKind::Batna => 1,
        FactKind::DelayReason => 2,
        FactKind::DecisionMaker => 3,
        FactKind::Other => 4,
    };
    TUNING.reveal_trust[i]
}

/// Whether a persona in `role` agrees to `price` alone. Owners, executives
/// and procurement (mandated to buy within its walk-away price) sign
/// whatever they accept; finance signs up to the approved budget and takes
/// more to whoever approves it; a technical lead or an end user recommends,
/// and someone else signs.
pub fn signs_alone(role: DecisionRole, price: f64, budget: f64) -> bool {
    match role {
        DecisionRole::Owner | DecisionRole::Executive | DecisionRole::Procurement => true,
        DecisionRole::Finance => price <= budget + 0.5,
        DecisionRole::TechnicalLead | DecisionRole::EndUser => false,
    }
}

/// The step a customer's own prices are rounded to: two significant
/// figures as people say them ($37,000; 3.7万; 72万), a half step when the
/// amount starts with 1 ($14,500; 1.65万). English keeps a half step on
/// every scale ($725,000); Chinese talks in whole 万 from 十万 up (72万).
pub fn price_step(amount: f64, lang: Lang) -> f64 {
    if !(amount.is_finite() && amount >= 10.0) {
        return 1.0;
    }
    let digits = amount.log10().floor() as i32 + 1;
    let unit = 10f64.powi(digits - 2);
    let leading_one = amount < 2.0 * 10f64.powi(digits - 1);
    match lang {
        Lang::En if digits >= 4 => unit / 2.0,
        _ if leading_one => unit / 2.0,
        _ => unit,
    }
}
