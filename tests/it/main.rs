//! One integration-test binary (links once); modules by area.

mod check_cli;
mod scenarios;
