//! How strongly the customer reacts, in one table. Each scenario sets its
//! persona's traits (patience, trust, scepticism, anchor, budget,
//! walk-away) and their per-tier changes in its own file; the numbers here
//! are the engine's, the same for every scenario, so balancing is done in
//! one place instead of in literals across the persona.

use crate::scenario::Difficulty;

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
    pub buyer: BuyerTuning,
}

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
    premature_patience_cost: 0.5,
    belief_trust: 0.2,
    resolved_value: 0.1,
    tradeable_value_factor: 5.0,
    walk_trust: 0.05,
    buyer: BuyerTuning {
        random_concession: 0.2,
        pushes_before_conceding: 2,
        pushes_before_final_call: 4,
        step_share: 0.2,
        final_call_margin: 0.01,
    },
};

/// Trust the customer needs before it signs, per tier.
pub fn accept_trust(d: Difficulty) -> f64 {
    match d {
        Difficulty::Easy => 0.3,
        Difficulty::Normal => 0.4,
        Difficulty::Hard => 0.5,
    }
}
