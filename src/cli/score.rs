//! `counteroffer score TRANSCRIPT.json`: re-score a saved session and check
//! that the stored scorecard is the one its turns earn.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::diagnostic::shown;
use crate::i18n::Locale;
use crate::lang::Lang;
use crate::scoring::debrief::{debrief, render_text};
use crate::scoring::scorecard::Scorecard;
use crate::session::Prepared;
use crate::session::transcript::{Check, Transcript, check, replay};

pub fn run(
    path: &Path,
    json: bool,
    scenario: Option<&str>,
    extra: &[std::path::PathBuf],
    out: &mut impl Write,
    err: &mut impl Write,
) -> ExitCode {
    let fail = |err: &mut dyn Write, message: String| {
        let _ = writeln!(err, "{}: error: {message}", path.display());
        ExitCode::from(2)
    };
    let transcript = match super::report::read_transcript(path) {
        Ok(t) => t,
        Err(e) => return fail(err, e),
    };
    let found = super::report::scenario_for(&transcript, scenario, extra);
    let prepared = match found.and_then(Prepared::new) {
        Ok(p) => p,
        Err(e) => return fail(err, e),
    };
    let checked = check(&prepared, &transcript);
    if let Check::SameUnderNewHash { recorded, now, .. } = &checked {
        let _ = writeln!(
            err,
            "{}: warning: the scenario's fingerprint is {now}, not the recorded {recorded}, but a replay gives exactly the recorded session; it is scored on the scenario as it is now",
            path.display()
        );
    }
    match checked {
        Check::Matches(card) | Check::SameUnderNewHash { card, .. } => {
            let text = card_text(&card, json, &prepared, &transcript);
            let _ = if json {
                writeln!(out, "{text}")
            } else {
                writeln!(out, "{text}\n{}", locale(&transcript).text("score.matches"))
            };
            ExitCode::SUCCESS
        }
        Check::RubricChanged {
            recorded,
            recomputed,
        } => {
            let _ = writeln!(
                out,
                "{}",
                card_text(&recomputed, json, &prepared, &transcript)
            );
            let _ = writeln!(
                err,
                "{}: note: scored under rubric {recorded} (overall {:.1}); re-scored under rubric {} from a replay of the inputs (overall {:.1})",
                path.display(),
                transcript.scorecard.overall,
                recomputed.rubric,
                recomputed.overall
            );
            ExitCode::SUCCESS
        }
        Check::ScenarioChanged { recorded, now } => {
            let _ = writeln!(
                err,
                "{}: error: scenario \"{}\" has changed since this transcript was recorded (content {recorded}, now {now}) and a replay differs; its scores cannot be verified\n  help: score it with the scenario file it was played on: --scenario PATH",
                path.display(),
                shown(&transcript.scenario_id, 64)
            );
            ExitCode::FAILURE
        }
        Check::Tampered { recomputed, reason } => {
            let _ = writeln!(
                err,
                "{}: error: the transcript does not match a replay: {reason}; recorded overall {:.1}, recomputed {:.1}\n  help: the transcript was edited after the session; ask for the file Counteroffer saved",
                path.display(),
                transcript.scorecard.overall,
                recomputed.overall
            );
            ExitCode::FAILURE
        }
    }
}

/// The transcript's language.
fn locale(transcript: &Transcript) -> &'static Locale {
    Locale::builtin(Lang::from_code(&transcript.language).unwrap_or_default())
}

/// A scorecard as JSON, or as text with its debrief from a replay.
fn card_text(card: &Scorecard, json: bool, prepared: &Prepared, transcript: &Transcript) -> String {
    if json {
        return serde_json::to_string_pretty(card).expect("scorecards serialize");
    }
    let locale = locale(transcript);
    let session = replay(prepared, transcript);
    let d = debrief(&prepared.scenario, session.turns(), card, locale);
    render_text(card, &d, locale)
}
