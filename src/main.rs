use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use counteroffer::cli;

/// Counteroffer: practise handling price, fit and delay objections.
#[derive(Parser)]
#[command(name = "counteroffer", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate scenario files or folders (default: the shipped scenarios).
    Check {
        /// Files or folders of .ron scenarios.
        paths: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { paths }) => {
            cli::check::run(paths, &mut std::io::stdout(), &mut std::io::stderr())
        }
        None => cli::play(),
    }
}
