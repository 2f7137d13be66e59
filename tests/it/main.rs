//! One integration-test binary (links once); modules by area.

mod analyzer;
mod check_cli;
mod fuzz;
#[cfg(feature = "game")]
mod game;
mod layering;
#[cfg(feature = "game")]
mod layout;
#[cfg(unix)]
mod reliability;
mod reports;
mod scenarios;
mod session;
mod understanding;
