//! Transcripts: a finished session as versioned JSON, enough to replay it
//! and check its scorecard.

use serde::{Deserialize, Serialize};

use super::{Prepared, Session};
use crate::fingerprint::fnv1a;
use crate::record::{Input, Outcome, Turn};
use crate::scenario::{Difficulty, Scenario};
use crate::scoring::rubric::RUBRIC_VERSION;
use crate::scoring::scorecard::Scorecard;

/// Bumped whenever a field changes meaning. Schema 2 records the rubric
/// version in the scorecard (`scorecard.rubric`) and may mark dimensions
/// not assessed; schema 1 transcripts (rubric 1) are still read, and are
/// re-scored under the current rubric rather than checked against it.
pub const SCHEMA: u32 = 2;

/// The oldest schema this version reads.
pub const OLDEST_SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transcript {
    pub schema: u32,
    pub app_version: String,
    pub scenario_id: String,
    pub scenario_hash: String,
    pub language: String,
    pub difficulty: Difficulty,
    pub seed: u64,
    /// Student or team name, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub student: Option<String>,
    /// The teams taking turns in classroom play, in their order (each
    /// turn names its own team; this keeps the ones yet to answer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<String>,
    /// Seconds since the Unix epoch when the session ended.
    #[serde(default)]
    pub finished_at: u64,
    pub opening: Vec<String>,
    pub turns: Vec<Turn>,
    pub outcome: Option<Outcome>,
    pub scorecard: Scorecard,
}

/// FNV-1a over the scenario's JSON form: changes with any content change,
/// stays put when only comments or layout of the RON file change.
pub fn content_hash(scenario: &Scenario) -> String {
    let json = serde_json::to_string(scenario).expect("scenarios serialize");
    format!("{:016x}", fnv1a(json.bytes()))
}

impl Transcript {
    pub fn from_session(session: &Session) -> Transcript {
        let s = session.scenario();
        Transcript {
            schema: SCHEMA,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            scenario_id: s.id.clone(),
            scenario_hash: session.prepared.hash.clone(),
            language: s.language.clone(),
            difficulty: session.difficulty,
            seed: session.seed,
            student: None,
            teams: Vec::new(),
            finished_at: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            opening: session.opening().to_vec(),
            turns: session.turns().to_vec(),
            outcome: session.outcome().cloned(),
            scorecard: session.scorecard(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("transcripts serialize")
    }

    pub fn from_json(src: &str) -> Result<Transcript, String> {
        // editors on Windows save UTF-8 with a byte order mark
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        #[derive(Deserialize)]
        struct Version {
            schema: Option<u32>,
        }
        let version: Version =
            serde_json::from_str(src).map_err(|e| format!("not a Counteroffer transcript: {e}"))?;
        match version.schema {
            Some(v) if (OLDEST_SCHEMA..=SCHEMA).contains(&v) => {}
            Some(other) => {
                return Err(format!(
                    "transcript schema {other} is not supported (this version reads schemas {OLDEST_SCHEMA} to {SCHEMA}); it was written by a newer Counteroffer"
                ));
            }
            None => return Err("not a Counteroffer transcript: no \"schema\" field".into()),
        }
        serde_json::from_str(src).map_err(|e| format!("the transcript is damaged: {e}"))
    }
}

/// What re-scoring a transcript found.
#[derive(Debug, PartialEq)]
pub enum Check {
    /// Replaying the inputs gives the same turns and the same scorecard.
    Matches(Scorecard),
    /// The scenario's fingerprint is not the one recorded, yet a replay on
    /// it gives exactly the recorded opening, turns, outcome and scorecard:
    /// the same content as far as the session went (a reformatted file, or
    /// only the fingerprint edited). The scores are the replay's.
    SameUnderNewHash {
        card: Scorecard,
        recorded: String,
        now: String,
    },
    /// The fingerprint differs and so does a replay: the scenario changed
    /// since (or the transcript was edited); nothing in it can be trusted.
    ScenarioChanged { recorded: String, now: String },
    /// Scored under another rubric version: re-scored from a replay of the
    /// inputs under this one (the stored analysis and scorecard came from
    /// another version and are not compared).
    RubricChanged {
        recorded: u32,
        recomputed: Scorecard,
    },
    /// The stored turns or scorecard differ from a replay: edited by hand.
    Tampered {
        recomputed: Scorecard,
        reason: String,
    },
}

/// Replays the transcript's inputs through a fresh session with the same
/// seed and compares everything a replay gives: the opening, every turn,
/// the outcome and the scorecard.
pub fn check(prepared: &Prepared, t: &Transcript) -> Check {
    let session = replay(prepared, t);
    let recomputed = session.scorecard();
    // scored under another rubric: re-scored under this one, not compared
    if t.scorecard.rubric != RUBRIC_VERSION && prepared.hash == t.scenario_hash {
        return Check::RubricChanged {
            recorded: t.scorecard.rubric,
            recomputed,
        };
    }
    let reason = differences(prepared, &session, &recomputed, t);
    if prepared.hash != t.scenario_hash {
        return match reason {
            None => Check::SameUnderNewHash {
                card: recomputed,
                recorded: t.scenario_hash.clone(),
                now: prepared.hash.clone(),
            },
            Some(_) => Check::ScenarioChanged {
                recorded: t.scenario_hash.clone(),
                now: prepared.hash.clone(),
            },
        };
    }
    match reason {
        Some(reason) => Check::Tampered { recomputed, reason },
        None => Check::Matches(recomputed),
    }
}

/// The first way the transcript differs from its replay, if any.
fn differences(
    prepared: &Prepared,
    session: &Session,
    recomputed: &Scorecard,
    t: &Transcript,
) -> Option<String> {
    if t.language != prepared.scenario.language {
        return Some(format!(
            "the language differs from the scenario's (\"{}\")",
            prepared.scenario.language
        ));
    }
    if session.opening() != t.opening.as_slice() {
        return Some("the customer's opening differs from a replay".to_string());
    }
    // compared as stored, so fields a transcript does not keep are ignored
    let stored = |turns: &[Turn]| -> Vec<serde_json::Value> {
        turns
            .iter()
            .map(|t| serde_json::to_value(t).expect("turns serialize"))
            .collect()
    };
    let (replayed, recorded) = (stored(session.turns()), stored(&t.turns));
    if replayed != recorded {
        let at = replayed
            .iter()
            .zip(&recorded)
            .position(|(a, b)| a != b)
            .map_or(replayed.len().min(recorded.len()) + 1, |i| i + 1);
        Some(format!(
            "turn {at} differs from a replay of the player's inputs"
        ))
    } else if session.outcome() != t.outcome.as_ref() {
        Some("the outcome differs from a replay".to_string())
    } else if *recomputed != t.scorecard {
        Some("the scorecard differs from a re-score of the turns".to_string())
    } else {
        None
    }
}

/// A session rebuilt from a transcript's inputs.
pub fn replay(prepared: &Prepared, t: &Transcript) -> Session {
    let mut session = Session::start(prepared, t.difficulty, t.seed);
    for turn in &t.turns {
        session.set_next_team(turn.team.clone());
        let _ = match &turn.input {
            Input::Text(text) => session.reply(text).map(|_| ()),
            Input::Pick(n) => session.pick(*n).map(|_| ()),
        };
    }
    if matches!(t.outcome, Some(Outcome::Ended { .. })) {
        session.end();
    }
    session
}
