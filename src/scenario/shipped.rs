//! The scenarios that ship with Counteroffer, and finding one by id or path.

use std::path::{Path, PathBuf};

use crate::diagnostic::shown;

use super::{Loaded, Scenario, builtin_scenarios, load_file, load_paths};

/// Where shipped data lives: `name` in the working directory, beside the
/// executable, or in the source tree the binary was built from.
pub fn shipped_dir(name: &str) -> PathBuf {
    let candidates = [
        Some(PathBuf::from(name)),
        std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|d| d.join(name))),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name)),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.is_dir())
        .unwrap_or_else(|| PathBuf::from(name))
}

/// The shipped scenarios: the `scenarios/` folder when one is found, else
/// the copies built into the binary.
pub fn load_shipped() -> Vec<Loaded> {
    let dir = shipped_dir("scenarios");
    if dir.is_dir() {
        load_paths(&[dir])
    } else {
        builtin_scenarios()
    }
}

/// A scenario by file path or by the id of a shipped one.
pub fn find_scenario(spec: &str) -> Result<Scenario, String> {
    let path = Path::new(spec);
    // a dangling or looping link is a path too, reported by the loader
    let loaded = if std::fs::symlink_metadata(path).is_ok() {
        load_file(path)
    } else {
        load_shipped()
            .into_iter()
            .find(|l| l.scenario.as_ref().is_some_and(|s| s.id == spec))
            .ok_or_else(|| {
                format!(
                    "no scenario with id or path \"{}\"\n  help: `counteroffer check` lists the scenario ids",
                    shown(spec, 80)
                )
            })?
    };
    let problems: Vec<String> = loaded.errors().map(ToString::to_string).collect();
    loaded
        .scenario
        .ok_or_else(|| format!("the scenario does not load:\n{}", problems.join("\n")))
}

/// A scenario by file path, or by id among the shipped ones and those in
/// `extra` (the `--scenarios` folders and files); with the file it came
/// from when it is not a shipped one.
pub fn find_scenario_in(
    spec: &str,
    extra: &[PathBuf],
) -> Result<(Scenario, Option<PathBuf>), String> {
    let path = Path::new(spec);
    if extra.is_empty() || std::fs::symlink_metadata(path).is_ok() {
        let from_file = std::fs::symlink_metadata(path).is_ok();
        return find_scenario(spec).map(|s| (s, from_file.then(|| path.to_path_buf())));
    }
    if let Ok(s) = find_shipped(spec) {
        return Ok((s, None));
    }
    let loaded = load_paths(extra);
    match loaded
        .into_iter()
        .find(|l| l.scenario.as_ref().is_some_and(|s| s.id == spec))
    {
        Some(l) => Ok((
            l.scenario.expect("found by id"),
            Some(PathBuf::from(l.path)),
        )),
        None => Err(format!(
            "no scenario with id or path \"{}\" (shipped or in {})\n  help: `counteroffer check {}` lists their ids",
            shown(spec, 80),
            extra
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            extra
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(" "),
        )),
    }
}

/// Every scenario that loads: the shipped ones and those in `extra`.
pub fn all_scenarios(extra: &[PathBuf]) -> Vec<Scenario> {
    let mut all = shipped_scenarios();
    if !extra.is_empty() {
        all.extend(load_paths(extra).into_iter().filter_map(|l| l.scenario));
    }
    all
}

/// A shipped scenario by id only: an id read from a file (a transcript, a
/// journal) names a scenario and is never opened as a path.
pub fn find_shipped(id: &str) -> Result<Scenario, String> {
    shipped_scenarios()
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| {
            format!(
                "no shipped scenario has the id \"{}\"\n  help: give the scenario file it was played on with --scenario PATH",
                shown(id, 80)
            )
        })
}

/// Every shipped scenario that loads, sorted by id.
pub fn shipped_scenarios() -> Vec<Scenario> {
    let mut all: Vec<Scenario> = load_shipped()
        .into_iter()
        .filter_map(|l| l.scenario)
        .collect();
    all.sort_by(|a, b| a.id.cmp(&b.id));
    all
}
