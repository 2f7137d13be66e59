//! Command-line subcommands: thin wrappers over the library.

pub mod analyze;
pub mod check;
pub mod play;
pub mod report;
pub mod rubric;
pub mod score;
pub mod simulate;
