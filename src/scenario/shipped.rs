//! The scenarios that ship with Counteroffer, and finding one by id or path.

use std::path::{Path, PathBuf};

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
    let loaded = if path.exists() {
        load_file(path)
    } else {
        load_shipped()
            .into_iter()
            .find(|l| l.scenario.as_ref().is_some_and(|s| s.id == spec))
            .ok_or_else(|| format!("no scenario with id or path \"{spec}\"\n  help: `counteroffer check` lists the scenario ids"))?
    };
    let problems: Vec<String> = loaded.errors().map(ToString::to_string).collect();
    loaded
        .scenario
        .ok_or_else(|| format!("the scenario does not load:\n{}", problems.join("\n")))
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
