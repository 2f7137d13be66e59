//! The rubric: every rule the scorecard applies, by id, with its dimension,
//! its points and what kind of rule it is. An item's text is `rule.<id>` in
//! the locale files (a test checks both languages have every rule), and its
//! dimension is fixed here, so a rule cannot be misspelt or scored under the
//! wrong heading. `counteroffer rubric` prints this table.
//!
//! The rubric is versioned: every scorecard records [`RUBRIC_VERSION`], so
//! a score can be audited against the rules it was given under.

use serde::{Deserialize, Serialize};

use super::scorecard::Dimension;
use crate::i18n::Locale;

/// Bumped whenever a rule, its points, a weight or the cap changes.
/// Version 1 (scorecards without a `rubric` field) scored LAER and FAB per
/// objection while it was open and started concessions and ethics at 100.
/// Version 2 praised a player who conceded down to the floor itself for
/// keeping the bottom line.
pub const RUBRIC_VERSION: u32 = 3;

/// A lie, a smear of a competitor or a false promise caps the overall score
/// here (the pass mark), whatever the deal.
pub const PASS_MARK: f64 = 60.0;

/// What a rule does to its dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Points earned for a move done well.
    Gain,
    /// Some points, but less than the move done right (late, closed, generic):
    /// the debrief lists it under "what to improve".
    Partial,
    /// Points taken for a mistake.
    Penalty,
    /// A step never taken: 0 points, named so the debrief can say so.
    Missing,
    /// The score a dimension starts from once there is something to judge.
    Base,
    /// The dimension's score is measured, not added up (outcome, trust).
    Measure,
    /// Caps the overall score.
    Cap,
    /// No longer applied; kept so that older transcripts still read.
    Retired,
}

/// A rule's points as the rubric shows them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Points {
    /// Once per concern (LAER) or per session.
    Once(f64),
    /// Each time it happens.
    Each(f64),
    /// Between these, depending on the measure.
    Range(f64, f64),
    /// The overall score is at most this.
    CapAt(f64),
}

macro_rules! rules {
    ($($variant:ident => $id:literal, $dim:ident, $kind:ident, $points:expr;)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Rule {
            $(#[serde(rename = $id)] $variant,)+
        }

        impl Rule {
            /// Every rule, retired ones included (their texts stay, so old
            /// transcripts still render).
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),+];

            /// The rule's id, as stored in transcripts (`laer.premature`).
            pub fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id),+ }
            }

            pub fn dimension(self) -> Dimension {
                match self { $(Rule::$variant => Dimension::$dim),+ }
            }

            pub fn kind(self) -> Kind {
                match self { $(Rule::$variant => Kind::$kind),+ }
            }

            pub fn points(self) -> Points {
                use Points::*;
                match self { $(Rule::$variant => $points),+ }
            }
        }
    };
}

rules! {
    // LAER, per concern; each step counts once per concern
    LaerListen => "laer.listen", Laer, Gain, Once(20.0);
    LaerListenLate => "laer.listen_late", Laer, Partial, Once(10.0);
    LaerAcknowledge => "laer.acknowledge", Laer, Gain, Once(20.0);
    LaerAcknowledgeLate => "laer.acknowledge_late", Laer, Partial, Once(10.0);
    LaerExploreOpen => "laer.explore_open", Laer, Gain, Once(30.0);
    LaerExploreUncovered => "laer.explore_uncovered", Laer, Gain, Once(30.0);
    LaerExploreClosed => "laer.explore_closed", Laer, Partial, Once(15.0);
    LaerRespond => "laer.respond", Laer, Gain, Once(30.0);
    LaerRespondGeneric => "laer.respond_generic", Laer, Partial, Once(15.0);
    LaerPremature => "laer.premature", Laer, Penalty, Once(-10.0);
    LaerArguing => "laer.arguing", Laer, Penalty, Each(-10.0);
    LaerStuffing => "laer.stuffing", Laer, Penalty, Each(-15.0);
    LaerOffTopic => "laer.off_topic", Laer, Penalty, Each(-15.0);
    LaerRepeated => "laer.repeated", Laer, Penalty, Each(-5.0);
    LaerMissingListen => "laer.missing_listen", Laer, Missing, Once(0.0);
    LaerMissingAcknowledge => "laer.missing_acknowledge", Laer, Missing, Once(0.0);
    LaerMissingExplore => "laer.missing_explore", Laer, Missing, Once(0.0);
    LaerMissingRespond => "laer.missing_respond", Laer, Missing, Once(0.0);
    // FAB, over the whole conversation
    FabFeature => "fab.feature", Fab, Gain, Once(20.0);
    FabAdvantage => "fab.advantage", Fab, Gain, Once(20.0);
    FabBenefit => "fab.benefit", Fab, Gain, Once(30.0);
    FabBenefitMore => "fab.benefit_more", Fab, Gain, Each(15.0);
    FabMissing => "fab.missing", Fab, Missing, Once(0.0);
    FabMissingBenefit => "fab.missing_benefit", Fab, Missing, Once(0.0);
    // concessions: earned by how you trade, once the price is talked about
    ConcKeptFloor => "conc.kept_floor", Concessions, Gain, Once(25.0);
    ConcConditional => "conc.conditional", Concessions, Gain, Once(25.0);
    ConcStepped => "conc.stepped", Concessions, Gain, Once(25.0);
    ConcHeldPrice => "conc.held_price", Concessions, Gain, Once(25.0);
    ConcTradedValue => "conc.traded_value", Concessions, Gain, Once(25.0);
    ConcFirstPush => "conc.first_push", Concessions, Penalty, Once(-20.0);
    ConcNotStepped => "conc.not_stepped", Concessions, Penalty, Each(-15.0);
    ConcBigStep => "conc.big_step", Concessions, Penalty, Each(-15.0);
    ConcUnconditional => "conc.unconditional", Concessions, Penalty, Each(-10.0);
    ConcUnconditionalGift => "conc.unconditional_gift", Concessions, Penalty, Each(-5.0);
    ConcBelowFloor => "conc.below_floor", Concessions, Penalty, Once(-50.0);
    ConcRevealed => "conc.revealed", Concessions, Penalty, Each(-30.0);
    ConcNoMovement => "conc.no_movement", Concessions, Missing, Once(0.0);
    ConcPriceNotTradeables => "conc.price_not_tradeables", Concessions, Missing, Once(0.0);
    // outcome and relationship are measured
    OutcomeDeal => "outcome.deal", Outcome, Measure, Range(40.0, 100.0);
    OutcomeBelowFloor => "outcome.below_floor", Outcome, Measure, Once(0.0);
    OutcomeWalkAway => "outcome.walk_away", Outcome, Measure, Once(0.0);
    OutcomeNoDeal => "outcome.no_deal", Outcome, Measure, Once(0.0);
    RelationshipTrust => "relationship.trust", Relationship, Measure, Range(0.0, 100.0);
    RelationshipPressureDeal => "relationship.pressure_deal", Relationship, Penalty, Once(-15.0);
    RelationshipOffTopic => "relationship.off_topic", Relationship, Penalty, Each(-10.0);
    // ethics
    EthicsStart => "ethics.start", Ethics, Base, Once(100.0);
    EthicsExaggeration => "ethics.exaggeration", Ethics, Penalty, Each(-25.0);
    EthicsSmear => "ethics.smear", Ethics, Penalty, Each(-25.0);
    EthicsPressure => "ethics.pressure", Ethics, Penalty, Each(-15.0);
    EthicsArguing => "ethics.arguing", Ethics, Penalty, Each(-10.0);
    EthicsCap => "ethics.cap", Ethics, Cap, CapAt(PASS_MARK);
    // rubric 1 only
    ConcStart => "conc.start", Concessions, Retired, Once(100.0);
}

impl Rule {
    /// The key of the rule's text in the locale files.
    pub fn text_key(self) -> String {
        format!("rule.{}", self.id())
    }

    /// A step the player never took (0 points, named so the debrief can
    /// say what was missing).
    pub fn is_missing(self) -> bool {
        self.kind() == Kind::Missing
    }

    /// The rule as the rubric states it in `l`'s language, for a listing
    /// (`counteroffer rubric`, the game's scoring page): the words a debrief
    /// would quote stand as "…".
    pub fn stated(self, l: &Locale) -> String {
        l.fill(
            &self.text_key(),
            &[("words", "…"), ("cap", &format!("{PASS_MARK:.0}"))],
        )
    }

    /// The rules this rubric applies, in the order `counteroffer rubric`
    /// prints them.
    pub fn current() -> impl Iterator<Item = Rule> {
        Rule::ALL
            .iter()
            .copied()
            .filter(|r| r.kind() != Kind::Retired)
    }

    /// What a better answer has to show to fix this mistake, as a tag a
    /// scenario's model answers are marked with (`shows`): a LAER step, a
    /// FAB part, a technique, `concession`, `ethics` or `relevance`.
    pub fn lesson(self) -> Option<&'static str> {
        use Rule::*;
        Some(match self {
            LaerListenLate | LaerMissingListen => "listen",
            LaerAcknowledgeLate | LaerMissingAcknowledge | LaerArguing => "acknowledge",
            LaerExploreClosed | LaerMissingExplore | LaerPremature => "explore",
            LaerRespondGeneric | LaerMissingRespond => "respond",
            LaerStuffing | LaerOffTopic | LaerRepeated | RelationshipOffTopic => "relevance",
            FabMissing | FabMissingBenefit => "benefit",
            ConcFirstPush
            | ConcNotStepped
            | ConcBigStep
            | ConcUnconditional
            | ConcUnconditionalGift
            | ConcBelowFloor
            | ConcRevealed
            | ConcNoMovement
            | ConcPriceNotTradeables => "concession",
            EthicsExaggeration | EthicsSmear | EthicsPressure | EthicsArguing | EthicsCap => {
                "ethics"
            }
            _ => return None,
        })
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}
