//! `counteroffer play --text`: a whole negotiation in the terminal. It reads
//! standard input line by line, so a script can play it.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::i18n::{Locale, money};
use crate::record::Event;
use crate::scenario::Difficulty;
use crate::scoring::debrief::{debrief, render_text};
use crate::session::describe::{hint, outcome_line};
use crate::session::transcript::Transcript;
use crate::session::{Prepared, Session, random_seed};
use crate::storage::{data_dir, write_atomic};

pub struct Options {
    pub scenario: Option<String>,
    pub difficulty: Difficulty,
    pub seed: Option<u64>,
    /// Where to save the transcript; the data directory when left out.
    pub out: Option<PathBuf>,
    pub student: Option<String>,
}

/// An interrupted session found at start: resumed, scored as it stood, or
/// set aside, as the player answers.
fn interrupted(
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    journal: &std::path::Path,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Option<(Session, bool)> {
    let t = match crate::session::journal::load(journal)? {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(
                err,
                "warning: ignoring an unreadable unfinished session: {e}"
            );
            crate::session::journal::clear(journal);
            return None;
        }
    };
    let prepared = crate::scenario::find_scenario(&t.scenario_id)
        .and_then(Prepared::new)
        .ok()?;
    let locale = Locale::builtin(prepared.scenario.lang());
    let _ = writeln!(
        out,
        "{}",
        locale.fill(
            "play.interrupted",
            &[
                ("title", &prepared.scenario.title),
                ("turns", &t.turns.len().to_string())
            ]
        )
    );
    let _ = write!(out, "> ");
    let _ = out.flush();
    let answer = lines.next().and_then(Result::ok).unwrap_or_default();
    match answer.trim() {
        "/resume" => Some((crate::session::journal::resume(&prepared, &t), false)),
        "/score" => Some((crate::session::journal::resume(&prepared, &t), true)),
        _ => {
            crate::session::journal::clear(journal);
            None
        }
    }
}

pub fn run(
    opts: Options,
    input: impl BufRead,
    out: &mut impl Write,
    err: &mut impl Write,
) -> ExitCode {
    let journal = data_dir().map(|d| crate::session::journal::path(&d));
    let mut lines = input.lines();
    let resumed = journal
        .as_deref()
        .and_then(|j| interrupted(&mut lines, j, out, err));
    let (mut session, score_now) = match resumed {
        Some(resumed) => resumed,
        None => match new_session(&opts) {
            Ok(session) => (session, false),
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let locale = Locale::builtin(session.scenario().lang());
    let _ = brief(&session, locale, out);
    if score_now {
        session.end();
    }
    play_lines(&mut session, &mut lines, locale, journal.as_deref(), out);
    finish(
        &session,
        locale,
        opts.out,
        opts.student,
        journal.as_deref(),
        out,
    )
}

/// A session on the scenario the options name (else the first shipped one).
fn new_session(opts: &Options) -> Result<Session, String> {
    let scenario = match opts.scenario.as_deref() {
        Some(spec) => crate::scenario::find_scenario(spec),
        None => crate::scenario::shipped_scenarios()
            .into_iter()
            .next()
            .ok_or_else(|| {
                "no scenarios found\n  help: run from the project folder or give --scenario PATH"
                    .to_string()
            }),
    };
    let prepared = scenario.and_then(Prepared::new)?;
    let seed = opts.seed.unwrap_or_else(random_seed);
    Ok(Session::start(&prepared, opts.difficulty, seed))
}

/// Reads replies until the session ends or the input does, saving the
/// journal after every turn.
fn play_lines(
    session: &mut Session,
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    locale: &Locale,
    journal: Option<&std::path::Path>,
    out: &mut impl Write,
) {
    while session.outcome().is_none() {
        let _ = write!(out, "> ");
        let _ = out.flush();
        let Some(Ok(line)) = lines.next() else {
            session.end(); // end of input: score what was played
            break;
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line == "/quit" {
            session.end();
            break;
        }
        if line == "/hint" {
            let _ = writeln!(out, "{}", hint(session, locale));
            continue;
        }
        let result = match line.parse::<usize>() {
            Ok(n) if !session.options().is_empty() && n <= 9 => session.pick(n).map(|_| ()),
            _ => session.reply(line).map(|_| ()),
        };
        match result {
            Ok(()) => {
                let _ = show_turn(session, locale, out);
                if let Some(notice) = crate::session::journal::save_turn(journal, session, locale) {
                    let _ = writeln!(out, "{notice}");
                }
            }
            Err(e) => {
                let _ = writeln!(
                    out,
                    "{}",
                    locale.fill("play.error", &[("error", &e.to_string())])
                );
            }
        }
    }
}

fn brief(session: &Session, locale: &Locale, out: &mut impl Write) -> std::io::Result<()> {
    let s = session.scenario();
    let p = &s.product;
    writeln!(
        out,
        "{}\n",
        locale.fill(
            "play.title",
            &[
                ("title", &s.title),
                (
                    "difficulty",
                    locale.text(&format!("difficulty.{}", session.difficulty.name()))
                ),
                ("seed", &session.seed.to_string()),
            ]
        )
    )?;
    writeln!(out, "{}\n{}\n", locale.text("play.briefing"), s.briefing)?;
    writeln!(
        out,
        "{}",
        locale.fill(
            "play.price_line",
            &[
                ("list", &money(p.list_price, &p.currency)),
                ("floor", &money(p.floor, &p.currency))
            ]
        )
    )?;
    writeln!(out, "{}", locale.text("play.tradeables"))?;
    for t in &p.tradeables {
        writeln!(out, "  - {}", t.name)?;
    }
    writeln!(out, "\n{}\n", locale.text("play.help"))?;
    for line in session.opening() {
        writeln!(out, "{}: {line}", s.persona.name)?;
    }
    show_options(session, locale, out)
}

fn show_turn(session: &Session, locale: &Locale, out: &mut impl Write) -> std::io::Result<()> {
    let s = session.scenario();
    let turn = session.turns().last().expect("a turn was just taken");
    for line in &turn.persona {
        writeln!(out, "{}: {line}", s.persona.name)?;
    }
    for event in &turn.events {
        let note = match event {
            Event::Revealed { fact } => locale.fill("play.revealed", &[("fact", fact)]),
            Event::Checked { price } => locale.fill(
                "play.event.checked",
                &[("price", &money(*price, &s.product.currency))],
            ),
            Event::Referred { price } => locale.fill(
                "play.event.referred",
                &[("price", &money(*price, &s.product.currency))],
            ),
            _ => continue,
        };
        writeln!(out, "{note}")?;
    }
    let m = session.meters();
    writeln!(
        out,
        "{}",
        locale.fill(
            "play.meters",
            &[
                ("trust", &format!("{:.0}%", m.trust * 100.0)),
                ("patience", &format!("{:.1}", m.patience.max(0.0))),
            ]
        )
    )?;
    if session.outcome().is_none() {
        show_options(session, locale, out)?;
    }
    Ok(())
}

fn show_options(session: &Session, locale: &Locale, out: &mut impl Write) -> std::io::Result<()> {
    let options = session.options();
    if options.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", locale.text("play.options"))?;
    for (i, o) in options.iter().enumerate() {
        writeln!(out, "  {}. {o}", i + 1)?;
    }
    Ok(())
}

fn finish(
    session: &Session,
    locale: &Locale,
    path: Option<PathBuf>,
    student: Option<String>,
    journal: Option<&std::path::Path>,
    out: &mut impl Write,
) -> ExitCode {
    if let Some(j) = journal {
        crate::session::journal::clear(j);
    }
    let s = session.scenario();
    let outcome = outcome_line(session.outcome(), &s.product.currency, locale);
    let card = session.scorecard();
    let d = debrief(s, session.turns(), &card, locale);
    let _ = writeln!(out, "\n{outcome}\n\n{}", render_text(&card, &d, locale));

    let mut transcript = Transcript::from_session(session);
    transcript.student = student;
    let path = path.or_else(|| {
        data_dir().map(|d| {
            d.join("transcripts").join(format!(
                "{}-{}-{}.json",
                transcript.scenario_id, transcript.seed, transcript.finished_at
            ))
        })
    });
    let saved = path
        .ok_or_else(|| "no data directory on this system".to_string())
        .and_then(|p| {
            write_atomic(&p, transcript.to_json().as_bytes())
                .map(|()| p)
                .map_err(|e| e.to_string())
        });
    let _ = match saved {
        Ok(p) => writeln!(
            out,
            "{}",
            locale.fill("play.saved", &[("path", &p.display().to_string())])
        ),
        Err(e) => writeln!(out, "{}", locale.fill("play.not_saved", &[("error", &e)])),
    };
    ExitCode::SUCCESS
}
