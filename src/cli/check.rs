//! `counteroffer check`: validate scenario files and folders.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::scenario::load_paths;

pub fn run(paths: Vec<PathBuf>, out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let paths = if paths.is_empty() {
        vec![super::data_dir("scenarios")]
    } else {
        paths
    };
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        let _ = writeln!(
            err,
            "error: {} does not exist\n  help: give a scenario file or a folder of .ron files",
            missing.display()
        );
        return ExitCode::from(2);
    }
    let results = load_paths(&paths);
    if results.is_empty() {
        let _ = writeln!(
            err,
            "error: no .ron files found in {}",
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
    if invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
