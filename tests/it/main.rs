//! One integration-test binary (links once); modules by area.

mod analyzer;
mod check_cli;
mod fuzz;
mod layering;
mod persona;
#[cfg(feature = "game")]
mod game;
mod reports;
mod scenarios;
mod session;
mod understanding;
