//! One integration-test binary (links once); modules by area.

mod analyzer;
mod check_cli;
mod fuzz;
#[cfg(feature = "game")]
mod game;
mod layering;
#[cfg(feature = "game")]
mod layout;
mod persona;
mod playthroughs;
#[cfg(unix)]
mod reliability;
mod reports;
mod rubric;
mod scenarios;
mod session;
mod understanding;
