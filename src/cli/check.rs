//! `counteroffer check`: validate scenario files and folders, and the
//! analyzer's lexicons (files in a folder named `lexicon`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::analysis::lexicon::Lexicon;
use crate::scenario::load_paths;
use crate::storage::{cap, link_leaves, read_text_bounded};

/// Lexicons live in a folder named `lexicon`; everything else is a scenario.
fn is_lexicon(path: &Path) -> bool {
    let in_lexicon_dir = |p: &Path| p.file_name().is_some_and(|n| n == "lexicon");
    if path.is_dir() {
        in_lexicon_dir(path)
    } else {
        path.parent().is_some_and(in_lexicon_dir)
    }
}

fn lexicon_files(paths: &[PathBuf]) -> Vec<(PathBuf, Option<PathBuf>)> {
    let mut files: Vec<(PathBuf, Option<PathBuf>)> = paths
        .iter()
        .flat_map(|p| {
            if p.is_dir() {
                std::fs::read_dir(p)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|e| e.path())
                    .filter(|f| f.extension().is_some_and(|e| e == "ron") && !f.is_dir())
                    .map(|f| (f, Some(p.clone())))
                    .collect()
            } else {
                vec![(p.clone(), None)]
            }
        })
        .collect();
    files.sort();
    files
}

/// A lexicon's text, read with a bound; a link in a lexicon folder that
/// leads out of it is refused.
fn read_lexicon(file: &Path, dir: Option<&Path>, label: &str) -> Result<String, String> {
    if let Some(target) = dir.and_then(|d| link_leaves(file, d)) {
        return Err(format!(
            "{label}: error: is a link to {} outside the lexicon folder; it is not read\n  help: copy the lexicon into the folder instead of linking to it",
            target.display()
        ));
    }
    read_text_bounded(file, cap::LEXICON)
        .map_err(|e| format!("{label}: error: {e}\n  help: {}", e.help()))
}

/// Validates each lexicon file (a folder's file with the folder it was
/// found in); returns how many are invalid.
fn check_lexicons(
    files: &[(PathBuf, Option<PathBuf>)],
    out: &mut impl Write,
    err: &mut impl Write,
) -> usize {
    let mut invalid = 0;
    for (file, dir) in files {
        let label = file.display().to_string();
        let parsed = read_lexicon(file, dir.as_deref(), &label).and_then(|src| {
            Lexicon::parse(&src, &label).map_err(|ds| {
                ds.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        });
        match parsed {
            Ok(l) => {
                let phrases: usize = l.named_lists().iter().map(|(_, list)| list.len()).sum();
                let _ = writeln!(
                    out,
                    "ok  lexicon {:<16} {phrases} phrases  {label}",
                    l.language
                );
            }
            Err(message) => {
                let _ = writeln!(err, "{message}");
                invalid += 1;
            }
        }
    }
    if !files.is_empty() {
        let _ = writeln!(
            out,
            "{} lexicons valid, {invalid} invalid",
            files.len() - invalid
        );
    }
    invalid
}

pub fn run(paths: Vec<PathBuf>, out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let paths = if paths.is_empty() {
        vec![
            crate::scenario::shipped_dir("scenarios"),
            crate::scenario::shipped_dir("assets/lexicon"),
        ]
    } else {
        paths
    };
    // a dangling or looping link exists as a path; the loader reports it
    if let Some(missing) = paths.iter().find(|p| std::fs::symlink_metadata(p).is_err()) {
        let _ = writeln!(
            err,
            "error: {} does not exist\n  help: give a scenario file or a folder of .ron files",
            missing.display()
        );
        return ExitCode::from(2);
    }
    let (lexicons, scenarios): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| is_lexicon(p));
    let bad_lexicons = check_lexicons(&lexicon_files(&lexicons), out, err);
    if scenarios.is_empty() {
        return if bad_lexicons == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    let paths = scenarios;
    let results = load_paths(&paths);
    if results.is_empty() {
        let _ = writeln!(
            err,
            "error: no .ron files found in {}\n  help: give scenario files (.ron) or folders holding them",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return ExitCode::from(2);
    }
    let mut invalid = 0;
    for loaded in &results {
        for d in &loaded.diagnostics {
            let _ = writeln!(err, "{d}");
        }
        match &loaded.scenario {
            Some(s) => {
                let _ = writeln!(
                    out,
                    "ok  {:<24} {:<6} {} objections, {} options  {}",
                    s.id,
                    s.language,
                    s.objections.len(),
                    s.option_count(),
                    loaded.path
                );
            }
            None => invalid += 1,
        }
    }
    let valid = results.len() - invalid;
    let _ = writeln!(out, "{valid} scenarios valid, {invalid} invalid");
    if invalid + bad_lexicons == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
