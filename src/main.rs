use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use counteroffer::cli;
use counteroffer::lang::Lang;
use counteroffer::report::Format;
use counteroffer::scenario::Difficulty;
use counteroffer::session::bots::Kind;

/// Counteroffer: practise handling price, fit and delay objections.
#[derive(Parser)]
#[command(name = "counteroffer", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Add a folder (or file) of scenarios to the shipped ones (repeatable;
    /// the game and every subcommand that takes a scenario).
    #[arg(long, global = true)]
    scenarios: Vec<PathBuf>,
    /// Interface language of the game window.
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// Window size, e.g. 1920x1080.
    #[arg(long, value_parser = parse_size)]
    window: Option<(u32, u32)>,
    /// Classroom projector mode: large type, high contrast (F5 in the game).
    #[arg(long)]
    projector: bool,
    /// Print when the first frame is shown, then wait in a negotiation (perf.sh).
    #[arg(long, hide = true)]
    perf: bool,
    /// Visit every screen, save a PNG of each into DIR, and quit.
    #[arg(long, value_name = "DIR")]
    demo: Option<PathBuf>,
}

fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("\"{s}\" is not a size like 1280x720"))?;
    let num = |v: &str| {
        v.trim()
            .parse::<u32>()
            .map_err(|_| format!("\"{s}\" is not a size like 1280x720"))
    };
    Ok((num(w)?, num(h)?))
}

#[derive(Subcommand)]
enum Command {
    /// Validate scenario files or folders (default: the shipped scenarios).
    Check(CheckArgs),
    /// Tag a reply with LAER, FAB, techniques, negatives and offers.
    Analyze(AnalyzeArgs),
    /// Play a negotiation in the terminal (replies from standard input).
    Play(PlayArgs),
    /// Play many games with a bot and report outcome rates and mean scores.
    Simulate(SimulateArgs),
    /// Write a report of a saved session: Markdown, JSON or HTML.
    Report(ReportArgs),
    /// One row per submitted report (CSV or Markdown), flagging tampered ones.
    Summarize(SummarizeArgs),
    /// Print the scoring rubric: every rule, its points and each dimension's weight.
    Rubric(RubricArgs),
    /// Re-score a saved transcript and check it against a replay.
    Score(ScoreArgs),
}

impl Command {
    /// Runs the subcommand on the standard streams; `extra` holds the
    /// `--scenarios` folders given before or after it.
    fn run(self, extra: Vec<PathBuf>) -> ExitCode {
        match self {
            Command::Check(a) => a.run(extra),
            Command::Analyze(a) => a.run(extra),
            Command::Play(a) => a.run(extra),
            Command::Simulate(a) => a.run(extra),
            Command::Report(a) => a.run(&extra),
            Command::Summarize(a) => a.run(&extra),
            Command::Rubric(a) => cli::rubric::run(a.lang, &mut std::io::stdout()),
            Command::Score(a) => a.run(&extra),
        }
    }
}

// The arguments of each subcommand, and how each hands them to `cli`. The
// subcommand's help is the doc comment on its `Command` variant.

#[derive(Args)]
struct CheckArgs {
    /// Files or folders of .ron scenarios.
    paths: Vec<PathBuf>,
}

impl CheckArgs {
    fn run(mut self, extra: Vec<PathBuf>) -> ExitCode {
        // `check --scenarios DIR` checks that folder too
        self.paths.extend(extra);
        cli::check::run(self.paths, &mut std::io::stdout(), &mut std::io::stderr())
    }
}

#[derive(Args)]
struct AnalyzeArgs {
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
    /// The rules alone, without the learned reader (what
    /// scripts/train_reader.py trains it on).
    #[arg(long)]
    no_reader: bool,
}

impl AnalyzeArgs {
    fn run(self, extra: Vec<PathBuf>) -> ExitCode {
        let opts = cli::analyze::Options {
            lang: self.lang,
            scenario: self.scenario,
            scenarios: extra,
            context: self.context,
            jsonl: self.jsonl,
            text: self.text,
            rules_only: self.no_reader,
        };
        cli::analyze::run(
            opts,
            std::io::stdin().lock(),
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )
    }
}

#[derive(Args)]
struct PlayArgs {
    /// Play in the terminal; the game window is the default without a subcommand.
    #[arg(long, required = true)]
    text: bool,
    /// Scenario id or file (default: the first shipped scenario).
    #[arg(long)]
    scenario: Option<String>,
    #[arg(long, value_enum, default_value_t = Tier::Normal)]
    difficulty: Tier,
    /// Seed for the persona's choices; the same seed replays the same customer.
    #[arg(long)]
    seed: Option<u64>,
    /// Where to save the transcript (default: the data directory).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Student or team name to record in the transcript.
    #[arg(long)]
    student: Option<String>,
}

impl PlayArgs {
    fn run(self, extra: Vec<PathBuf>) -> ExitCode {
        let opts = cli::play::Options {
            scenario: self.scenario,
            scenarios: extra,
            difficulty: self.difficulty.into(),
            seed: self.seed,
            out: self.out,
            student: self.student,
        };
        cli::play::run(
            opts,
            std::io::stdin().lock(),
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )
    }
}

#[derive(Args)]
struct SimulateArgs {
    /// Scenario id or file, or "all".
    #[arg(long, default_value = "all")]
    scenario: String,
    #[arg(long, value_enum)]
    bot: Kind,
    #[arg(long, default_value_t = 100)]
    games: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, value_enum, default_value_t = Tier::Normal)]
    difficulty: Tier,
    /// One JSON object per scenario instead of a table.
    #[arg(long)]
    json: bool,
}

impl SimulateArgs {
    fn run(self, extra: Vec<PathBuf>) -> ExitCode {
        let opts = cli::simulate::Options {
            scenario: self.scenario,
            scenarios: extra,
            bot: self.bot,
            games: self.games,
            seed: self.seed,
            difficulty: self.difficulty.into(),
            json: self.json,
        };
        cli::simulate::run(opts, &mut std::io::stdout(), &mut std::io::stderr())
    }
}

#[derive(Args)]
struct ReportArgs {
    transcript: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The scenario file it was played on, when not a shipped one.
    #[arg(long)]
    scenario: Option<String>,
}

impl ReportArgs {
    fn run(self, extra: &[PathBuf]) -> ExitCode {
        cli::report::report(
            &self.transcript,
            self.format,
            self.output.as_deref(),
            self.scenario.as_deref(),
            extra,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )
    }
}

#[derive(Args)]
struct SummarizeArgs {
    /// Report files or folders of them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_parser = ["csv", "md"], default_value = "csv")]
    format: String,
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The scenario file the reports were played on, when not a shipped one.
    #[arg(long)]
    scenario: Option<String>,
}

impl SummarizeArgs {
    fn run(self, extra: &[PathBuf]) -> ExitCode {
        cli::report::summarize(
            &self.paths,
            &self.format,
            self.output.as_deref(),
            self.scenario.as_deref(),
            extra,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )
    }
}

#[derive(Args)]
struct RubricArgs {
    /// Language of the rule texts.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    lang: Lang,
}

#[derive(Args)]
struct ScoreArgs {
    transcript: PathBuf,
    /// Print the scorecard as JSON.
    #[arg(long)]
    json: bool,
    /// The scenario file it was played on, when not a shipped one.
    #[arg(long)]
    scenario: Option<String>,
}

impl ScoreArgs {
    fn run(self, extra: &[PathBuf]) -> ExitCode {
        cli::score::run(
            &self.transcript,
            self.json,
            self.scenario.as_deref(),
            extra,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Tier {
    Easy,
    Normal,
    Hard,
}

impl From<Tier> for Difficulty {
    fn from(t: Tier) -> Difficulty {
        match t {
            Tier::Easy => Difficulty::Easy,
            Tier::Normal => Difficulty::Normal,
            Tier::Hard => Difficulty::Hard,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => command.run(cli.scenarios),
        None => run_game(cli),
    }
}

#[cfg(feature = "game")]
fn run_game(cli: Cli) -> ExitCode {
    use counteroffer::game;
    let (width, height) = cli.window.unwrap_or((1280, 720));
    let exit = game::run(game::GameOptions {
        scenarios: cli.scenarios,
        demo: cli.demo,
        width,
        height,
        lang: cli.lang,
        projector: cli.projector,
        perf: cli.perf,
    });
    if exit.is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// A build without the `game` feature has only the subcommands.
#[cfg(not(feature = "game"))]
fn run_game(_cli: Cli) -> ExitCode {
    eprintln!(
        "error: this build has no game window (built without the `game` feature)\n\
         help: run a subcommand (see --help), or build with default features"
    );
    ExitCode::from(2)
}
