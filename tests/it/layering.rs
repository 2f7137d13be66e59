//! The shape of the crate: Bevy stays in `src/game/`, the command line does
//! not lean on the game, scoring reads records (never the session), and the
//! scenario format knows nothing of what plays it.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// Files under `src/<under>` (or all of `src/` but `src/game/`) whose code
/// names any of `forbidden`.
fn offenders(under: Option<&str>, forbidden: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let root = under.map_or(src.clone(), |u| src.join(u));
    let files = if root.is_dir() {
        rust_files(&root)
    } else {
        vec![root.with_extension("rs")]
    };
    files
        .into_iter()
        .filter(|f| under.is_some() || !f.starts_with(src.join("game")))
        .filter(|f| f.file_name().is_some_and(|n| n != "main.rs") || under.is_some())
        .filter_map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            forbidden
                .iter()
                .find(|w| code.contains(*w))
                .map(|w| format!("{} names {w}", f.display()))
        })
        .collect()
}

#[test]
fn bevy_and_the_game_stay_inside_src_game() {
    let found = offenders(None, &["bevy::", "use bevy", "crate::game"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_command_line_does_not_use_the_game() {
    let found = offenders(Some("cli"), &["crate::game", "bevy"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn scoring_reads_records_not_the_session() {
    let found = offenders(Some("scoring"), &["crate::session", "crate::persona"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_scenario_format_knows_nothing_of_what_plays_it() {
    let found = offenders(
        Some("scenario"),
        &[
            "crate::session",
            "crate::persona",
            "crate::scoring",
            "crate::cli",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
}
