//! One integration-test binary (links once); modules by area.

mod analyzer;
mod check_cli;
mod fuzz;
mod layering;
#[cfg(feature = "game")]
mod game;
mod reports;
mod scenarios;
#[cfg(unix)]
mod reliability;
mod session;
mod understanding;
