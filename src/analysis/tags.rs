//! The analyzer's vocabulary of tags. The names are part of the CLI and
//! scenario contract (`--jsonl` output, `resolved_by`, reply option tags).

use serde::{Deserialize, Serialize};

macro_rules! named_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn from_name(name: &str) -> Option<Self> {
                match name { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

named_enum!(
    /// The four LAER steps, in the order the course teaches them.
    Laer {
        Listen => "listen",
        Acknowledge => "acknowledge",
        Explore => "explore",
        Respond => "respond",
    }
);

named_enum!(
    /// Feature, advantage, benefit.
    Fab {
        Feature => "feature",
        Advantage => "advantage",
        Benefit => "benefit",
    }
);

named_enum!(
    /// Objection-handling techniques named by the course.
    Technique {
        CostBreakdown => "cost_breakdown",
        CompetitorComparison => "competitor_comparison",
        ValueAdded => "value_added",
        PainAmplification => "pain_amplification",
        SolutionMatching => "solution_matching",
        CaseEvidence => "case_evidence",
        DiagnoseDelay => "diagnose_delay",
        LimitedTimeOffer => "limited_time_offer",
        Trial => "trial",
    }
);

named_enum!(
    /// Moves the course penalises.
    Negative {
        Arguing => "arguing",
        Pressure => "pressure",
        Exaggeration => "exaggeration",
        RevealBottomLine => "reveal_bottom_line",
        KeywordStuffing => "keyword_stuffing",
    }
);

/// Tags about offers, which reply options may also expect.
pub const OFFER_TAGS: &[&str] = &["offer", "conditional_offer"];

/// Whether `name` is a tag the analyzer can produce.
pub fn is_known_tag(name: &str) -> bool {
    Laer::from_name(name).is_some()
        || Fab::from_name(name).is_some()
        || Technique::from_name(name).is_some()
        || Negative::from_name(name).is_some()
        || OFFER_TAGS.contains(&name)
}

/// Every tag name, for "expected one of" messages.
pub fn all_tag_names() -> Vec<&'static str> {
    Laer::ALL
        .iter()
        .map(|t| t.name())
        .chain(Fab::ALL.iter().map(|t| t.name()))
        .chain(Technique::ALL.iter().map(|t| t.name()))
        .chain(Negative::ALL.iter().map(|t| t.name()))
        .chain(OFFER_TAGS.iter().copied())
        .collect()
}
