//! The rubric: every rule the scorecard applies, by id. An item's text is
//! `rule.<id>` in the locale files (a test checks both languages have every
//! rule), and its dimension is fixed here, so a rule cannot be misspelt or
//! scored under the wrong heading.

use serde::{Deserialize, Serialize};

use super::scorecard::Dimension;

macro_rules! rules {
    ($($variant:ident => $id:literal, $dim:ident,)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Rule {
            $(#[serde(rename = $id)] $variant,)+
        }

        impl Rule {
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),+];

            /// The rule's id, as stored in transcripts (`laer.premature`).
            pub fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id),+ }
            }

            pub fn dimension(self) -> Dimension {
                match self { $(Rule::$variant => Dimension::$dim),+ }
            }
        }
    };
}

rules! {
    LaerAcknowledge => "laer.acknowledge", Laer,
    LaerArguing => "laer.arguing", Laer,
    LaerExploreClosed => "laer.explore_closed", Laer,
    LaerExploreOpen => "laer.explore_open", Laer,
    LaerListen => "laer.listen", Laer,
    LaerMissingAcknowledge => "laer.missing_acknowledge", Laer,
    LaerMissingExplore => "laer.missing_explore", Laer,
    LaerMissingListen => "laer.missing_listen", Laer,
    LaerMissingRespond => "laer.missing_respond", Laer,
    LaerPremature => "laer.premature", Laer,
    LaerRespond => "laer.respond", Laer,
    FabAdvantage => "fab.advantage", Fab,
    FabBenefit => "fab.benefit", Fab,
    FabFeature => "fab.feature", Fab,
    FabMissing => "fab.missing", Fab,
    FabMissingBenefit => "fab.missing_benefit", Fab,
    ConcBelowFloor => "conc.below_floor", Concessions,
    ConcBigStep => "conc.big_step", Concessions,
    ConcFirstPush => "conc.first_push", Concessions,
    ConcNotStepped => "conc.not_stepped", Concessions,
    ConcPriceNotTradeables => "conc.price_not_tradeables", Concessions,
    ConcRevealed => "conc.revealed", Concessions,
    ConcStart => "conc.start", Concessions,
    ConcUnconditional => "conc.unconditional", Concessions,
    ConcUnconditionalGift => "conc.unconditional_gift", Concessions,
    OutcomeBelowFloor => "outcome.below_floor", Outcome,
    OutcomeDeal => "outcome.deal", Outcome,
    OutcomeNoDeal => "outcome.no_deal", Outcome,
    OutcomeWalkAway => "outcome.walk_away", Outcome,
    RelationshipPressureDeal => "relationship.pressure_deal", Relationship,
    RelationshipTrust => "relationship.trust", Relationship,
    EthicsArguing => "ethics.arguing", Ethics,
    EthicsExaggeration => "ethics.exaggeration", Ethics,
    EthicsPressure => "ethics.pressure", Ethics,
    EthicsStart => "ethics.start", Ethics,
}

impl Rule {
    /// The key of the rule's text in the locale files.
    pub fn text_key(self) -> String {
        format!("rule.{}", self.id())
    }

    /// A step the player never took (0 points, named so the debrief can
    /// say what was missing).
    pub fn is_missing(self) -> bool {
        self.id().contains(".missing")
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}
