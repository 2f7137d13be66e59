//! `counteroffer play --text`: a whole negotiation in the terminal. It reads
//! standard input line by line, so a script can play it.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::diagnostic::shown;
use crate::i18n::{Locale, money};
use crate::scenario::Difficulty;
use crate::scoring::debrief::{debrief, render_text};
use crate::session::MAX_REPLY_CHARS;
use crate::session::describe::{self, hint, outcome_line};
use crate::session::journal::{Interrupted, Journal};
use crate::session::transcript::Transcript;
use crate::session::{Prepared, Session, random_seed};
use crate::storage::{Line, data_dir, read_line_bounded, size, write_atomic, write_new};

pub struct Options {
    pub scenario: Option<String>,
    /// Folders or files of scenarios besides the shipped ones.
    pub scenarios: Vec<PathBuf>,
    pub difficulty: Difficulty,
    pub seed: Option<u64>,
    /// Where to save the transcript; the data directory when left out.
    pub out: Option<PathBuf>,
    pub student: Option<String>,
}

/// The longest input line read, in bytes: a reply at the character cap in
/// any script fits. A longer line is read past, never held whole.
const MAX_LINE_BYTES: usize = 64 << 10;

/// Standard input, line by line, with a bound; a line that is not UTF-8 or
/// is too long is reported, and play goes on.
pub struct Lines<R> {
    reader: R,
    number: usize,
}

pub enum Read {
    Line(String),
    /// A line that could not be used, and the message saying why.
    Bad(String),
    End,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R) -> Self {
        Lines { reader, number: 0 }
    }

    pub fn next(&mut self, locale: &Locale) -> Read {
        self.number += 1;
        let line = self.number.to_string();
        match read_line_bounded(&mut self.reader, MAX_LINE_BYTES) {
            Ok(None) | Err(_) => Read::End,
            Ok(Some(Line::TooLong)) => Read::Bad(locale.fill(
                "play.long_line",
                &[
                    ("line", &line),
                    ("size", &size(MAX_LINE_BYTES as u64)),
                    ("chars", &MAX_REPLY_CHARS.to_string()),
                ],
            )),
            Ok(Some(Line::Bytes(bytes))) => match String::from_utf8(bytes) {
                Ok(text) => Read::Line(text),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    Read::Bad(locale.fill(
                        "play.bad_line",
                        &[
                            ("line", &line),
                            ("byte", &format!("{:02X}", e.as_bytes()[at])),
                            ("offset", &at.to_string()),
                        ],
                    ))
                }
            },
        }
    }
}

/// The scenarios an interrupted session may have been played on: the
/// shipped ones, those the options add, and the one they name.
fn candidates(opts: &Options) -> Vec<Prepared> {
    let mut all = crate::scenario::all_scenarios(&opts.scenarios);
    if let Some((s, _)) = opts
        .scenario
        .as_deref()
        .and_then(|spec| crate::scenario::find_scenario_in(spec, &opts.scenarios).ok())
    {
        all.push(s);
    }
    all.into_iter()
        .filter_map(|s| Prepared::new(s).ok())
        .collect()
}

/// How a session found at start goes on.
struct Resumed {
    session: Session,
    journal: Journal,
    score_now: bool,
}

/// Interrupted sessions found at start: the newest that can be resumed is
/// offered (resumed, scored as it stood, discarded or set aside, as the
/// player answers); the others are kept where they are and said so.
fn interrupted<R: BufRead>(
    lines: &mut Lines<R>,
    data: &std::path::Path,
    opts: &Options,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Option<Resumed> {
    let (found, damaged) = crate::session::journal::interrupted(data);
    for d in damaged {
        let _ = writeln!(
            err,
            "warning: an unfinished session could not be read ({}); it is kept in {}\n  help: `counteroffer score {}` says more; delete the file if it is of no use",
            d.error,
            d.path.display(),
            d.path.display()
        );
    }
    if found.is_empty() {
        return None;
    }
    let (it, prepared) = resumable(found, opts, err)?;
    let locale = Locale::builtin(prepared.scenario.lang());
    let _ = writeln!(
        out,
        "{}",
        locale.fill(
            "play.interrupted",
            &[
                ("title", &prepared.scenario.title),
                (
                    "turns",
                    &locale.count("count.turns", it.transcript.turns.len())
                ),
                ("path", &it.path().display().to_string()),
            ]
        )
    );
    let _ = write!(out, "> ");
    let _ = out.flush();
    let answer = match lines.next(locale) {
        Read::Line(l) => l,
        Read::Bad(message) => {
            let _ = writeln!(out, "{message}");
            String::new()
        }
        Read::End => String::new(),
    };
    match answer.trim() {
        "/resume" | "/score" => Some(Resumed {
            session: crate::session::journal::resume(&prepared, &it.transcript),
            score_now: answer.trim() == "/score",
            journal: it.into_journal(),
        }),
        "/discard" => {
            it.discard();
            let _ = writeln!(out, "{}", locale.text("play.discarded"));
            None
        }
        _ => {
            let path = it.set_aside();
            let _ = writeln!(
                out,
                "{}",
                locale.fill("play.set_aside", &[("path", &path.display().to_string())])
            );
            None
        }
    }
}

/// The newest interrupted session whose scenario is at hand, with it; the
/// others are set aside untouched (kept for another time), saying why for
/// those whose scenario cannot be found.
fn resumable(
    found: Vec<Interrupted>,
    opts: &Options,
    err: &mut impl Write,
) -> Option<(Interrupted, Prepared)> {
    let candidates = candidates(opts);
    let mut offered = None;
    for it in found {
        if offered.is_some() {
            it.set_aside();
            continue;
        }
        match it.scenario(&candidates) {
            Ok(prepared) => offered = Some((it, prepared)),
            Err(why) => {
                let _ = writeln!(
                    err,
                    "warning: an unfinished session of \"{}\" cannot be resumed: {why}; it is kept in {}\n  help: give the scenario file it was played on with --scenario PATH to resume it",
                    shown(&it.transcript.scenario_id, 64),
                    it.path().display()
                );
                it.set_aside();
            }
        }
    }
    offered
}

pub fn run(
    opts: Options,
    input: impl BufRead,
    out: &mut impl Write,
    err: &mut impl Write,
) -> ExitCode {
    let data = data_dir();
    let mut lines = Lines::new(input);
    let resumed = data
        .as_deref()
        .and_then(|d| interrupted(&mut lines, d, &opts, out, err));
    let (mut session, journal, score_now) = match resumed {
        Some(r) => (r.session, Some(r.journal), r.score_now),
        None => match new_session(&opts) {
            Ok((session, file)) => {
                let journal = data
                    .as_deref()
                    .map(|d| Journal::create(d, &session, file.as_deref()));
                (session, journal, false)
            }
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
    play_lines(&mut session, &mut lines, locale, journal.as_ref(), out);
    finish(&session, locale, opts.out, opts.student, journal, out, err)
}

/// A session on the scenario the options name (else the first shipped
/// one), with the scenario's file when it is not a shipped one.
fn new_session(opts: &Options) -> Result<(Session, Option<PathBuf>), String> {
    let (scenario, file) = match opts.scenario.as_deref() {
        Some(spec) => crate::scenario::find_scenario_in(spec, &opts.scenarios)?,
        None => crate::scenario::shipped_scenarios()
            .into_iter()
            .next()
            .map(|s| (s, None))
            .ok_or_else(|| {
                "no scenarios found\n  help: run from the project folder or give --scenario PATH"
                    .to_string()
            })?,
    };
    let prepared = Prepared::new(scenario)?;
    let seed = opts.seed.unwrap_or_else(random_seed);
    Ok((Session::start(&prepared, opts.difficulty, seed), file))
}

/// Reads replies until the session ends or the input does, saving the
/// journal after every turn.
fn play_lines<R: BufRead>(
    session: &mut Session,
    lines: &mut Lines<R>,
    locale: &Locale,
    journal: Option<&Journal>,
    out: &mut impl Write,
) {
    while session.outcome().is_none() {
        let _ = write!(out, "> ");
        let _ = out.flush();
        let line = match lines.next(locale) {
            Read::Line(line) => line,
            Read::Bad(message) => {
                let _ = writeln!(out, "{message}");
                continue;
            }
            Read::End => {
                session.end(); // end of input: score what was played
                break;
            }
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
                    locale.fill("play.error", &[("error", &describe::error(&e, locale))])
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
    for note in turn
        .events
        .iter()
        .filter_map(|e| describe::event_note(e, s, locale))
    {
        writeln!(out, "{}", locale.fill("play.note", &[("note", &note)]))?;
    }
    let m = session.meters();
    writeln!(
        out,
        "{}",
        locale.fill(
            "play.meters",
            &[
                ("trust", &format!("{:.0}%", m.trust * 100.0)),
                (
                    "patience",
                    &locale.count("count.replies", m.patience.max(0.0).ceil() as usize)
                ),
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
    journal: Option<Journal>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> ExitCode {
    let s = session.scenario();
    let outcome = outcome_line(session.outcome(), &s.product.currency, locale);
    let card = session.scorecard();
    let d = debrief(s, session.turns(), &card, locale);
    let _ = writeln!(out, "\n{outcome}\n\n{}", render_text(&card, &d, locale));

    let mut transcript = Transcript::from_session(session);
    transcript.student = student;
    let json = transcript.to_json();
    // a name of its own: two sessions finishing in the same second with
    // the same scenario and seed keep both transcripts
    let saved = match (path, data_dir()) {
        (Some(p), _) => write_atomic(&p, json.as_bytes())
            .map(|()| p)
            .map_err(|e| e.to_string()),
        (None, Some(d)) => {
            let stem = format!(
                "{}-{}-{}",
                transcript.scenario_id, transcript.seed, transcript.finished_at
            );
            write_new(&d.join("transcripts"), &stem, "json", json.as_bytes())
                .map_err(|e| e.to_string())
        }
        (None, None) => Err("no data directory on this system".to_string()),
    };
    match saved {
        Ok(p) => {
            let _ = writeln!(
                out,
                "{}",
                locale.fill("play.saved", &[("path", &p.display().to_string())])
            );
            // saved: the journal has done its work
            if let Some(j) = journal {
                j.finish();
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(out, "{}", locale.fill("play.not_saved", &[("error", &e)]));
            let _ = writeln!(
                err,
                "error: the transcript could not be saved: {e}\n  help: free some space or give --out FILE; the session stays in the journal and is offered at the next start"
            );
            ExitCode::FAILURE
        }
    }
}
