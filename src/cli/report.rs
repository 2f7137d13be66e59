//! `counteroffer report TRANSCRIPT.json --format md|json|html [-o FILE]` and
//! `counteroffer summarize FILES_OR_DIRS... [-o FILE] [--format csv|md]`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::report::{Format, Report, date};
use crate::scenario::Scenario;
use crate::record::Outcome;
use crate::session::Prepared;
use crate::scoring::scorecard::Dimension;
use crate::session::transcript::{Check, Transcript, check};
use crate::storage::write_atomic;

/// Transcripts larger than this are refused unread.
const MAX_TRANSCRIPT_BYTES: u64 = 16 << 20;

/// Reads and parses one transcript, with a message that names the file.
pub fn read_transcript(path: &Path) -> Result<Transcript, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read the file: {e}"))?;
    if meta.len() > MAX_TRANSCRIPT_BYTES {
        return Err(format!(
            "the file is {} bytes; transcripts may be at most 16 MiB",
            meta.len()
        ));
    }
    let src = std::fs::read_to_string(path).map_err(|e| format!("cannot read the file: {e}"))?;
    Transcript::from_json(&src)
}

/// The scenario a transcript was played on: `--scenario` or a shipped one.
fn scenario_for(t: &Transcript, spec: Option<&str>) -> Result<Scenario, String> {
    crate::scenario::find_scenario(spec.unwrap_or(&t.scenario_id))
}

pub fn report(
    path: &Path,
    format: Format,
    out_path: Option<&Path>,
    scenario: Option<&str>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> ExitCode {
    let result = read_transcript(path).and_then(|t| {
        let s = scenario_for(&t, scenario)?;
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
                let _ = writeln!(err, "{}: error: cannot write the report: {e}", p.display());
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

/// Checks one submission: a row, or the reason it was skipped.
fn summarize_one(path: &Path, scenario: Option<&str>) -> Result<Row, String> {
    let t = read_transcript(path)?;
    let s = scenario_for(&t, scenario)?;
    let prepared = Prepared::new(s)?;
    // an older rubric's scores are replaced by a re-score under this one
    let mut card = t.scorecard.clone();
    let status = match check(&prepared, &t) {
        Check::Matches(_) => "ok".to_string(),
        Check::RubricChanged { recorded, recomputed } => {
            card = recomputed;
            format!("re-scored: rubric {recorded} -> {}", card.rubric)
        }
        Check::ScenarioChanged { .. } => "scenario changed since; not re-scored".to_string(),
        Check::Tampered { reason, .. } => format!("TAMPERED: {reason}"),
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
        scores: std::iter::once(format!("{:.0}", card.overall))
            .chain(
                Dimension::ALL
                    .iter()
                    .map(|d| card.score(*d).map_or("-".to_string(), |v| format!("{v:.0}"))),
            )
            .chain(std::iter::once(card.rubric.to_string()))
            .collect(),
        date: date(t.finished_at),
        status,
    })
}

/// A CSV cell: quoted, and a leading `=`, `+`, `-` or `@` defused so a
/// spreadsheet shows it as text instead of running it as a formula.
pub fn csv_cell(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

fn md_cell(text: &str) -> String {
    crate::report::markdown_escape(text)
}

pub fn summarize(
    paths: &[PathBuf],
    format: &str,
    out_path: Option<&Path>,
    scenario: Option<&str>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> ExitCode {
    let files = json_files(paths);
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
        match summarize_one(f, scenario) {
            Ok(row) => rows.push(row),
            Err(e) => {
                skipped += 1;
                let _ = writeln!(err, "{}: skipped: {e}", f.display());
            }
        }
    }
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
    .chain(Dimension::ALL.iter().map(|d| d.name().to_string()))
    .chain(["rubric".to_string(), "date".to_string(), "status".to_string()])
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
    let text = if format == "md" {
        let mut s = format!(
            "| {} |\n|{}|\n",
            header.join(" | "),
            "---|".repeat(header.len())
        );
        for r in &rows {
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
        for r in &rows {
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
    };
    let tampered = rows
        .iter()
        .filter(|r| r.status.starts_with("TAMPERED"))
        .count();
    let written = match out_path {
        Some(p) => write_atomic(p, text.as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", p.display())),
        None => out.write_all(text.as_bytes()).map_err(|e| e.to_string()),
    };
    if let Err(e) = written {
        let _ = writeln!(err, "error: {e}");
        return ExitCode::FAILURE;
    }
    let _ = writeln!(
        err,
        "{} reports summarized, {skipped} skipped, {tampered} flagged as tampered",
        rows.len()
    );
    ExitCode::SUCCESS
}
