//! `counteroffer report TRANSCRIPT.json --format md|json|html [-o FILE]` and
//! `counteroffer summarize FILES_OR_DIRS... [-o FILE] [--format csv|md]`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::diagnostic::shown;
use crate::record::Outcome;
use crate::report::{Format, Report, date};
use crate::scenario::Scenario;
use crate::scoring::scorecard::Dimension;
use crate::session::Prepared;
use crate::session::transcript::{Check, Transcript, check};
use crate::storage::{ReadError, cap, read_bounded, size, write_atomic};

/// Reads and parses one transcript, with a bound (a FIFO, a device or a
/// file over 16 MiB is refused unread) and a message that says what to do.
pub fn read_transcript(path: &Path) -> Result<Transcript, String> {
    let bytes = read_bounded(path, cap::TRANSCRIPT).map_err(|e| match e {
        ReadError::TooLarge { cap } => format!(
            "the file is larger than {}, the most a transcript may be; it is not read\n  help: give a transcript Counteroffer saved (a few KiB to a few hundred KiB)",
            size(cap)
        ),
        other => format!("{other}\n  help: {}", other.help()),
    })?;
    let src = String::from_utf8(bytes).map_err(|e| {
        format!(
            "the file is not UTF-8 (bad byte at offset {})\n  help: give the .json transcript Counteroffer saved, unedited",
            e.utf8_error().valid_up_to()
        )
    })?;
    Transcript::from_json(&src).map_err(|e| {
        format!("{e}\n  help: give the .json transcript Counteroffer saved (or `report --format json` wrote)")
    })
}

/// The scenario a transcript was played on: the `--scenario` file or id
/// when given (its id must be the transcript's), else the shipped (or
/// `--scenarios`) scenario with the transcript's id. The id is never
/// opened as a path.
pub fn scenario_for(
    t: &Transcript,
    spec: Option<&str>,
    extra: &[PathBuf],
) -> Result<Scenario, String> {
    match spec {
        Some(spec) => {
            let (s, _) = crate::scenario::find_scenario_in(spec, extra)?;
            if s.id != t.scenario_id {
                return Err(format!(
                    "the transcript was played on scenario \"{}\", but --scenario gives \"{}\"\n  help: give the scenario file it was played on",
                    shown(&t.scenario_id, 80),
                    s.id
                ));
            }
            Ok(s)
        }
        None if extra.is_empty() => crate::scenario::find_shipped(&t.scenario_id),
        None => crate::scenario::all_scenarios(extra)
            .into_iter()
            .find(|s| s.id == t.scenario_id)
            .ok_or_else(|| {
                format!(
                    "no scenario has the id \"{}\", shipped or in the --scenarios given\n  help: give the scenario file it was played on with --scenario PATH",
                    shown(&t.scenario_id, 80)
                )
            }),
    }
}

pub fn report(
    path: &Path,
    format: Format,
    out_path: Option<&Path>,
    scenario: Option<&str>,
    extra: &[PathBuf],
    out: &mut impl Write,
    err: &mut impl Write,
) -> ExitCode {
    let result = read_transcript(path).and_then(|t| {
        let s = scenario_for(&t, scenario, extra)?;
        Ok(Report::new(&t, &s).render(format))
    });
    let text = match result {
        Ok(text) => text,
        Err(e) => {
            let _ = writeln!(err, "{}: error: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    match out_path {
        Some(p) => match write_atomic(p, text.as_bytes()) {
            Ok(()) => {
                let _ = writeln!(out, "wrote {}", p.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                let _ = writeln!(
                    err,
                    "{}: error: cannot write the report: {e}\n  help: check that the folder exists and can be written, or leave out -o to print the report",
                    p.display()
                );
                ExitCode::FAILURE
            }
        },
        None => {
            let _ = out.write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
    }
}

/// One row of the class summary.
struct Row {
    file: String,
    student: String,
    scenario: String,
    difficulty: String,
    outcome: String,
    price: String,
    scores: Vec<String>,
    date: String,
    status: String,
}

fn json_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|f| f.extension().is_some_and(|e| e == "json"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    files
}

/// Scenarios for a class summary, prepared once each.
struct Scenarios<'a> {
    spec: Option<&'a str>,
    extra: &'a [PathBuf],
    prepared: Vec<Prepared>,
}

impl Scenarios<'_> {
    fn for_transcript(&mut self, t: &Transcript) -> Result<Prepared, String> {
        if let Some(p) = self
            .prepared
            .iter()
            .find(|p| p.scenario.id == t.scenario_id)
        {
            return Ok(p.clone());
        }
        let p = Prepared::new(scenario_for(t, self.spec, self.extra)?)?;
        self.prepared.push(p.clone());
        Ok(p)
    }
}

/// Checks one submission: a row, or the reason it was skipped. Scores are
/// shown only when a replay confirms them.
fn summarize_one(path: &Path, scenarios: &mut Scenarios) -> Result<Row, String> {
    let t = read_transcript(path)?;
    let prepared = scenarios.for_transcript(&t)?;
    // each dimension's score, "-" where it was not assessed, and the rubric
    let shown_scores = |card: &crate::scoring::scorecard::Scorecard| -> Vec<String> {
        std::iter::once(format!("{:.0}", card.overall))
            .chain(Dimension::ALL.iter().map(|d| {
                card.score(*d)
                    .map_or("-".to_string(), |v| format!("{v:.0}"))
            }))
            .chain(std::iter::once(card.rubric.to_string()))
            .collect()
    };
    let blank = || vec![String::new(); Dimension::ALL.len() + 2];
    let (status, scores) = match check(&prepared, &t) {
        Check::Matches(_) => ("ok".to_string(), shown_scores(&t.scorecard)),
        // an older rubric's scores are replaced by a re-score under this one
        Check::RubricChanged {
            recorded,
            recomputed,
        } => (
            format!("re-scored: rubric {recorded} -> {}", recomputed.rubric),
            shown_scores(&recomputed),
        ),
        Check::SameUnderNewHash { card, .. } => (
            "ok (the scenario's fingerprint differs, but a replay gives exactly this session)"
                .to_string(),
            shown_scores(&card),
        ),
        Check::ScenarioChanged { .. } => (
            format!(
                "UNVERIFIED: the scenario has changed since (or the transcript was edited) and a replay differs; claimed overall {:.0} not shown; summarize with --scenario FILE it was played on",
                t.scorecard.overall
            ),
            blank(),
        ),
        Check::Tampered { reason, .. } => {
            (format!("TAMPERED: {reason}"), shown_scores(&t.scorecard))
        }
    };
    let (outcome, price) = match &t.outcome {
        Some(Outcome::Deal { price, .. }) => ("deal", format!("{price:.0}")),
        Some(Outcome::WalkAway { .. }) => ("walk-away", String::new()),
        _ => ("no deal", String::new()),
    };
    Ok(Row {
        file: path.display().to_string(),
        student: t.student.clone().unwrap_or_default(),
        scenario: t.scenario_id.clone(),
        difficulty: t.difficulty.name().to_string(),
        outcome: outcome.to_string(),
        price,
        scores,
        date: date(t.finished_at),
        status,
    })
}

/// A CSV cell: quoted, and defused when a spreadsheet could read it as a
/// formula: a leading `=`, `+`, `-` or `@` (or their full-width forms),
/// also after leading spaces, newlines or other control characters, and
/// any leading tab or line break. It then shows as text.
pub fn csv_cell(text: &str) -> String {
    const FORMULA: &[char] = &[
        '=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    ];
    let first = text
        .trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
        .chars()
        .next();
    let risky = first.is_some_and(|c| FORMULA.contains(&c)) || text.starts_with(['\t', '\r', '\n']);
    let text = printable(text);
    let defused = if risky { format!("'{text}") } else { text };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

/// Control characters (terminal escape sequences among them) never reach
/// the terminal or the spreadsheet raw: a cell is one line of text.
fn printable(text: &str) -> String {
    shown(text, usize::MAX)
}

fn md_cell(text: &str) -> String {
    crate::report::markdown_escape(&printable(text))
}

/// The summary table, as Markdown or as CSV.
fn table(rows: &[Row], markdown: bool) -> String {
    let header: Vec<String> = [
        "file",
        "student",
        "scenario",
        "difficulty",
        "outcome",
        "final price",
        "overall",
    ]
    .iter()
    .map(|s| s.to_string())
    // "outcome score" and the like: the deal column is "outcome"
    .chain(Dimension::ALL.iter().map(|d| format!("{} score", d.name())))
    .chain([
        "rubric".to_string(),
        "date".to_string(),
        "status".to_string(),
    ])
    .collect();
    let cells = |r: &Row| -> Vec<String> {
        [
            &r.file,
            &r.student,
            &r.scenario,
            &r.difficulty,
            &r.outcome,
            &r.price,
        ]
        .into_iter()
        .cloned()
        .chain(r.scores.iter().cloned())
        .chain([r.date.clone(), r.status.clone()])
        .collect()
    };
    if markdown {
        let mut s = format!(
            "| {} |\n|{}|\n",
            header.join(" | "),
            "---|".repeat(header.len())
        );
        for r in rows {
            let line: Vec<String> = cells(r).iter().map(|c| md_cell(c)).collect();
            s.push_str(&format!("| {} |\n", line.join(" | ")));
        }
        s
    } else {
        let mut s = header
            .iter()
            .map(|h| csv_cell(h))
            .collect::<Vec<_>>()
            .join(",")
            + "\n";
        for r in rows {
            s.push_str(
                &(cells(r)
                    .iter()
                    .map(|c| csv_cell(c))
                    .collect::<Vec<_>>()
                    .join(",")
                    + "\n"),
            );
        }
        s
    }
}

pub fn summarize(
    paths: &[PathBuf],
    format: &str,
    out_path: Option<&Path>,
    scenario: Option<&str>,
    extra: &[PathBuf],
    out: &mut impl Write,
    err: &mut impl Write,
) -> ExitCode {
    let files = json_files(paths);
    let mut scenarios = Scenarios {
        spec: scenario,
        extra,
        prepared: Vec::new(),
    };
    if files.is_empty() {
        let _ = writeln!(
            err,
            "error: no .json reports found\n  help: give report files or folders holding them"
        );
        return ExitCode::from(2);
    }
    let mut rows = Vec::new();
    let mut skipped = 0;
    for f in &files {
        match summarize_one(f, &mut scenarios) {
            Ok(row) => rows.push(row),
            Err(e) => {
                skipped += 1;
                let _ = writeln!(err, "{}: skipped: {e}", printable(&f.display().to_string()));
            }
        }
    }
    let text = table(&rows, format == "md");
    let tampered = rows
        .iter()
        .filter(|r| r.status.starts_with("TAMPERED"))
        .count();
    let unverified = rows
        .iter()
        .filter(|r| r.status.starts_with("UNVERIFIED"))
        .count();
    let written = match out_path {
        Some(p) => write_atomic(p, text.as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", p.display())),
        None => out.write_all(text.as_bytes()).map_err(|e| e.to_string()),
    };
    if let Err(e) = written {
        let _ = writeln!(
            err,
            "error: {e}\n  help: check that the folder exists and can be written, or leave out -o to print the summary"
        );
        return ExitCode::FAILURE;
    }
    let _ = writeln!(
        err,
        "{} reports summarized, {skipped} skipped, {tampered} flagged as tampered, {unverified} unverified",
        rows.len()
    );
    ExitCode::SUCCESS
}
