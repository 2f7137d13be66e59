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
    /// Tag a reply with LAER, FAB, techniques, negatives and offers.
    Analyze {
        /// Language of the reply; detected from the text when left out.
        #[arg(long, value_parser = ["en", "zh-CN"])]
        lang: Option<String>,
        /// Scenario id or file, for its features, pains and price range.
        #[arg(long)]
        scenario: Option<String>,
        /// The customer's last line, to check a paraphrase against.
        #[arg(long)]
        context: Option<String>,
        /// Read JSON lines {"text", "context", "lang"} from stdin; write one JSON line each.
        #[arg(long, conflicts_with_all = ["context", "text"])]
        jsonl: bool,
        /// The reply to analyze.
        text: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { paths }) => {
            cli::check::run(paths, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Analyze {
            lang,
            scenario,
            context,
            jsonl,
            text,
        }) => {
            let opts = cli::analyze::Options {
                lang,
                scenario,
                context,
                jsonl,
                text,
            };
            cli::analyze::run(
                opts,
                std::io::stdin().lock(),
                &mut std::io::stdout(),
                &mut std::io::stderr(),
            )
        }
        None => cli::play(),
    }
}
