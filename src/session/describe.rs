//! Sentences about a session for the player, said the same way by
//! `play --text`, the game and the reports.

use super::{MAX_REPLY_CHARS, Session, SessionError};
use crate::i18n::{Locale, money};
use crate::record::{Event, Outcome};
use crate::scenario::{FactKind, Scenario};

/// How the negotiation ended, in one line.
pub fn outcome_line(outcome: Option<&Outcome>, currency: &str, locale: &Locale) -> String {
    match outcome {
        Some(Outcome::Deal { price, .. }) => {
            locale.fill("outcome.deal", &[("price", &money(*price, currency))])
        }
        Some(Outcome::WalkAway { .. }) => locale.text("outcome.walk_away").to_string(),
        _ => locale.text("outcome.ended").to_string(),
    }
}

/// What an event of a turn means for the player, as a note under the
/// customer's lines (the log of `play --text` and of the game): a hidden
/// fact came out, an offer far below the customer's position is being
/// checked before it binds, or the price went to whoever signs. `None`
/// for events the lines already say.
pub fn event_note(event: &Event, scenario: &Scenario, locale: &Locale) -> Option<String> {
    let currency = &scenario.product.currency;
    Some(match event {
        Event::Revealed { fact } => {
            let kind = scenario
                .persona
                .hidden
                .iter()
                .find(|h| &h.id == fact)
                .map_or(FactKind::Other, |h| h.kind);
            let what = match kind {
                FactKind::Budget => "budget",
                FactKind::Batna => "batna",
                FactKind::DelayReason => "delay_reason",
                FactKind::DecisionMaker => "decision_maker",
                FactKind::Other => "other",
            };
            let key = format!("note.fact.{what}");
            locale.fill("note.revealed", &[("fact", locale.text(&key))])
        }
        Event::Checked { price } => {
            locale.fill("note.checked", &[("price", &money(*price, currency))])
        }
        Event::Referred { price } => {
            locale.fill("note.referred", &[("price", &money(*price, currency))])
        }
        _ => return None,
    })
}

/// The LAER steps still missing on the objection on the table, said as
/// what to do next in plain words (the step's name in brackets is in the
/// help, not needed here).
pub fn hint(session: &Session, locale: &Locale) -> String {
    let missing: Vec<String> = session
        .missing_steps()
        .iter()
        .map(|l| locale.text(&format!("hint.step.{}", l.name())).to_string())
        .collect();
    if missing.is_empty() {
        locale.text("play.hint_none").to_string()
    } else {
        locale.fill(
            "play.hint",
            &[("steps", &missing.join(locale.text("hint.then")))],
        )
    }
}

/// Why a reply was not taken, in the locale's language.
pub fn error(e: &SessionError, locale: &Locale) -> String {
    match e {
        SessionError::Over => locale.text("error.over").to_string(),
        SessionError::Empty => locale.text("error.empty").to_string(),
        SessionError::TooLong(n) => locale.fill(
            "error.too_long",
            &[
                ("chars", &n.to_string()),
                ("max", &MAX_REPLY_CHARS.to_string()),
            ],
        ),
        SessionError::NoSuchOption { available: 0, .. } => {
            locale.text("error.no_options").to_string()
        }
        SessionError::NoSuchOption { picked, available } => locale.fill(
            "error.no_option",
            &[
                ("picked", &picked.to_string()),
                ("available", &available.to_string()),
            ],
        ),
    }
}
