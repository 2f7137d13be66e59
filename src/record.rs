//! What a turn leaves behind: the records that the session writes and that
//! scoring, reports, history and the game read. Plain data, serialised into
//! transcripts and journals.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;

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
