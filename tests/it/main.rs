//! One integration-test binary (links once); modules by area.

mod analyzer;
mod check_cli;
mod scenarios;
mod session;
