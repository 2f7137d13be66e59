//! Command-line subcommands: thin wrappers over the library.

pub mod analyze;
pub mod check;

use std::path::PathBuf;

/// Where shipped data lives: `name` in the working directory, beside the
/// executable, or in the source tree the binary was built from.
pub fn data_dir(name: &str) -> PathBuf {
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

/// Playing without a subcommand. The game window is built in `game` (issue
/// "The Bevy game"); until it lands this says so plainly and points at what
/// works today.
pub fn play() -> std::process::ExitCode {
    eprintln!(
        "The Counteroffer game window is not built yet.\n\
         Today you can validate scenarios: counteroffer check [PATH...]\n\
         See README.md for what works."
    );
    std::process::ExitCode::FAILURE
}
