//! One negotiation: the persona raises objections from the scenario, the
//! player replies, and each reply moves the persona's meters, the objection
//! script and the price talk. Deterministic for a given seed.
//!
//! ```no_run
//! # use counteroffer::session::{Prepared, Session};
//! # use counteroffer::scenario::Difficulty;
//! # fn demo(scenario: counteroffer::scenario::Scenario) {
//! let prepared = Prepared::new(scenario).unwrap();
//! let mut session = Session::start(&prepared, Difficulty::Normal, 7);
//! let turn = session.reply("I understand. What does a stoppage cost you?").unwrap();
//! println!("{}", turn.persona.join(" "));
//! # }
//! ```

pub mod bots;
pub mod describe;
pub mod journal;
pub mod price_options;
pub mod transcript;

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use crate::analysis::lexicon::{builtin, has_builtin};
use crate::analysis::tags::Laer;
use crate::analysis::{Analysis, Analyzer};
use crate::persona::{Heard, Persona, Topics};
use crate::record::{Input, Meters, Outcome, Turn};
use crate::scenario::{Difficulty, Objection, PersonaParams, Scenario};
use crate::scoring::relevance::{Relevance, said_key};
use crate::scoring::scorecard::{Scorecard, score};

/// Replies longer than this are refused, not analysed slowly.
pub const MAX_REPLY_CHARS: usize = 10_000;

/// A scenario with its analyzer, shared by many sessions. The analyzer is
/// built on first use (a few milliseconds each), so listing scenarios at
/// start-up costs nothing.
#[derive(Clone)]
pub struct Prepared {
    pub scenario: Arc<Scenario>,
    analyzer: Arc<OnceLock<Analyzer>>,
    /// What the customer's hidden facts are about, built on first use.
    topics: Arc<OnceLock<Arc<Topics>>>,
    /// What is this customer's case and what another's: the customer
    /// reacts to a reply about another case as the scorer scores it.
    relevance: Arc<OnceLock<Relevance>>,
    /// Fingerprint of the scenario's content, stored in transcripts.
    pub hash: String,
}

impl Prepared {
    pub fn new(scenario: Scenario) -> Result<Prepared, String> {
        if !has_builtin(&scenario.language) {
            return Err(format!(
                "no lexicon for language \"{}\"\n  help: scenarios are in \"en\" or \"zh-CN\"",
                crate::diagnostic::shown(&scenario.language, 40)
            ));
        }
        Ok(Prepared {
            hash: transcript::content_hash(&scenario),
            scenario: Arc::new(scenario),
            analyzer: Arc::new(OnceLock::new()),
            topics: Arc::new(OnceLock::new()),
            relevance: Arc::new(OnceLock::new()),
        })
    }

    /// The topics of the customer's hidden facts, shared by its sessions.
    pub fn topics(&self) -> Arc<Topics> {
        Arc::clone(
            self.topics
                .get_or_init(|| Arc::new(Topics::new(&self.scenario))),
        )
    }

    /// Whether `text` is about another customer's case rather than this
    /// one (the scorer's `off_topic`), with the terms built on first use.
    pub fn off_topic(&self, text: &str) -> bool {
        self.relevance
            .get_or_init(|| Relevance::new(&self.scenario))
            .off_topic(text, 0)
            .is_some()
    }

    pub fn analyzer(&self) -> &Analyzer {
        self.analyzer.get_or_init(|| {
            let lexicon = builtin(&self.scenario.language).expect("checked in Prepared::new");
            Analyzer::new(lexicon, Some(&self.scenario))
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum SessionError {
    Over,
    Empty,
    TooLong(usize),
    NoSuchOption { picked: usize, available: usize },
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionError::Over => write!(f, "the negotiation is over; start a new one"),
            SessionError::Empty => write!(f, "the reply is empty; type what you would say"),
            SessionError::TooLong(n) => write!(
                f,
                "the reply is {n} characters; replies may be at most {MAX_REPLY_CHARS}"
            ),
            SessionError::NoSuchOption { picked, available } => {
                write!(f, "there is no option {picked}; pick 1 to {available}")
            }
        }
    }
}

/// A seed people can read out and type back: five digits.
pub fn random_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    u64::from(nanos % 90_000 + 10_000)
}

/// One negotiation: the turn loop that hands each reply to the analyzer,
/// then to the persona, and keeps the records.
pub struct Session {
    pub prepared: Prepared,
    pub difficulty: Difficulty,
    pub seed: u64,
    persona: Persona,
    opening: Vec<String>,
    turns: Vec<Turn>,
    /// Who gives the next reply, when teams take turns.
    next_team: Option<String>,
    /// Each reply as compared for "said before" (`said_key`).
    said: Vec<u64>,
}

impl Session {
    /// Starts a session; the persona speaks first.
    pub fn start(prepared: &Prepared, difficulty: Difficulty, seed: u64) -> Session {
        let (persona, opening) = Persona::start_with(
            Arc::clone(&prepared.scenario),
            prepared.topics(),
            difficulty,
            seed,
        );
        Session {
            prepared: prepared.clone(),
            difficulty,
            seed,
            persona,
            opening: opening.lines,
            // one allocation for the whole negotiation, not one per doubling
            turns: Vec::with_capacity((prepared.scenario.max_turns as usize).min(64)),
            next_team: None,
            said: Vec::new(),
        }
    }

    /// Convenience for one-off use: prepares the scenario itself.
    pub fn new(scenario: &Scenario, difficulty: Difficulty, seed: u64) -> Result<Session, String> {
        Ok(Session::start(
            &Prepared::new(scenario.clone())?,
            difficulty,
            seed,
        ))
    }

    pub fn scenario(&self) -> &Scenario {
        &self.prepared.scenario
    }

    /// The persona's traits for this tier.
    pub fn params(&self) -> &PersonaParams {
        &self.persona.params
    }

    /// What the persona said before the first reply.
    pub fn opening(&self) -> &[String] {
        &self.opening
    }

    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }

    pub fn meters(&self) -> Meters {
        self.persona.meters()
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        self.persona.outcome()
    }

    /// The persona's current counter, once it has named one.
    pub fn persona_price(&self) -> Option<f64> {
        self.persona.price()
    }

    /// Hidden facts revealed so far, by id.
    pub fn revealed(&self) -> Vec<&str> {
        self.persona.revealed()
    }

    /// The objection on the table: the latest one raised and not resolved.
    pub fn current_objection(&self) -> Option<&Objection> {
        self.persona.current_objection()
    }

    /// The authored reply options for the objection on the table, else
    /// the price talk's (`price_options`).
    pub fn options(&self) -> Vec<Cow<'_, str>> {
        match self.current_objection().filter(|o| !o.options.is_empty()) {
            Some(o) => o.options.iter().map(|r| Cow::from(&r.text)).collect(),
            None => price_options::texts(self),
        }
    }

    /// The LAER steps the player has not yet taken on the current objection,
    /// in course order: what `/hint` and the hint key show.
    pub fn missing_steps(&self) -> Vec<Laer> {
        let Some(current) = self.current_objection() else {
            return Vec::new();
        };
        let done: Vec<Laer> = self
            .turns
            .iter()
            .filter(|t| t.objection.as_deref() == Some(current.id.as_str()))
            .flat_map(|t| t.analysis.laer.iter().copied())
            .collect();
        Laer::ALL
            .iter()
            .copied()
            .filter(|l| !done.contains(l))
            .collect()
    }

    /// The scorecard of the session as it stands.
    pub fn scorecard(&self) -> Scorecard {
        score(
            self.scenario(),
            self.difficulty,
            self.turns(),
            self.outcome(),
        )
    }

    /// Attributes the next reply to a team (classroom play).
    pub fn set_next_team(&mut self, team: Option<String>) {
        self.next_team = team;
    }

    pub fn reply(&mut self, text: &str) -> Result<&Turn, SessionError> {
        self.take(Input::Text(text.to_string()), text.to_string())
    }

    /// Picks authored option `n` (1-based, as shown to the player).
    pub fn pick(&mut self, n: usize) -> Result<&Turn, SessionError> {
        let options = self.options();
        let text = n
            .checked_sub(1)
            .and_then(|i| options.get(i))
            .map(|t| t.to_string())
            .ok_or(SessionError::NoSuchOption {
                picked: n,
                available: options.len(),
            })?;
        let walks_away = price_options::walks_away(self, n);
        self.take(Input::Pick(n), text)?;
        if walks_away {
            self.end();
        }
        Ok(self.turns.last().expect("just taken"))
    }

    /// The player stops; the session is scored as it stands.
    pub fn end(&mut self) {
        self.persona.end(self.turns.len() as u32);
    }

    /// Whether this customer hears `text` as off-topic or as said before
    /// (as the scorer judges them; repeating an offer holds a price, which
    /// is a move).
    fn heard(&mut self, text: &str, analysis: &Analysis) -> Heard {
        let key = said_key(text);
        let again = key.is_some_and(|k| self.said.contains(&k));
        self.said.extend(key);
        if self.prepared.off_topic(text) {
            return Heard::OffTopic;
        }
        if again && analysis.offers.is_empty() && !analysis.closing {
            Heard::Repeated
        } else {
            Heard::Fresh
        }
    }

    fn take(&mut self, input: Input, text: String) -> Result<&Turn, SessionError> {
        if self.outcome().is_some() {
            return Err(SessionError::Over);
        }
        let chars = text.chars().count();
        if chars > MAX_REPLY_CHARS {
            return Err(SessionError::TooLong(chars));
        }
        if text.trim().is_empty() {
            return Err(SessionError::Empty);
        }
        let number = self.turns.len() as u32 + 1;
        let context = self
            .turns
            .last()
            .and_then(|t| t.persona.last())
            .or(self.opening.last());
        let analysis = self
            .prepared
            .analyzer()
            .analyze(&text, context.map(String::as_str));
        let objection = self.current_objection().map(|o| o.id.clone());
        let heard = self.heard(&text, &analysis);
        let said = self.persona.hear(number, &analysis, &text, heard);
        self.turns.push(Turn {
            number,
            team: self.next_team.clone(),
            input,
            text,
            analysis,
            objection,
            persona: said.lines,
            events: said.events,
            meters: self.persona.meters(),
        });
        Ok(self.turns.last().expect("just pushed"))
    }
}
