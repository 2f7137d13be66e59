//! Sentences about a session for the player, said the same way by
//! `play --text`, the game and the reports.

use super::Session;
use crate::i18n::{Locale, money};
use crate::record::Outcome;

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

/// The LAER steps still missing on the objection on the table.
pub fn hint(session: &Session, locale: &Locale) -> String {
    let missing: Vec<String> = session
        .missing_steps()
        .iter()
        .map(|l| locale.text(&format!("step.{}", l.name())).to_string())
        .collect();
    if missing.is_empty() {
        locale.text("play.hint_none").to_string()
    } else {
        locale.fill("play.hint", &[("steps", &missing.join(", "))])
    }
}
