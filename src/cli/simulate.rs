//! `counteroffer simulate`: many games with a bot, for balance checks.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use crate::record::Outcome;
use crate::scenario::{Difficulty, Scenario};
use crate::scoring::scorecard::Dimension;
use crate::session::Prepared;
use crate::session::bots::{self, Kind};

pub struct Options {
    /// A scenario id or path, or "all".
    pub scenario: String,
    /// Folders or files of scenarios besides the shipped ones.
    pub scenarios: Vec<std::path::PathBuf>,
    pub bot: Kind,
    pub games: u32,
    pub seed: u64,
    pub difficulty: Difficulty,
    pub json: bool,
}

/// Results of N games on one scenario.
#[derive(Debug, Serialize, PartialEq)]
pub struct Summary {
    pub scenario: String,
    pub bot: &'static str,
    pub difficulty: Difficulty,
    pub games: u32,
    pub deals: u32,
    /// Deals at or above the seller's floor.
    pub deals_above_floor: u32,
    pub walk_aways: u32,
    pub mean_price: Option<f64>,
    pub mean_turns: f64,
    pub mean_overall: f64,
    pub mean_dimensions: Vec<(Dimension, f64)>,
}

/// Plays `games` games with seeds `seed`, `seed + 1`, ...
pub fn simulate(
    prepared: &Prepared,
    bot: Kind,
    difficulty: Difficulty,
    games: u32,
    seed: u64,
) -> Summary {
    let floor = prepared.scenario.product.floor;
    let mut s = Summary {
        scenario: prepared.scenario.id.clone(),
        bot: bot.name(),
        difficulty,
        games,
        deals: 0,
        deals_above_floor: 0,
        walk_aways: 0,
        mean_price: None,
        mean_turns: 0.0,
        mean_overall: 0.0,
        mean_dimensions: Dimension::ALL.iter().map(|&d| (d, 0.0)).collect(),
    };
    let mut price_sum = 0.0;
    for g in 0..games {
        let session = bots::play(prepared, bot, difficulty, seed.wrapping_add(u64::from(g)));
        let card = session.scorecard();
        match session.outcome() {
            Some(Outcome::Deal { price, .. }) => {
                s.deals += 1;
                price_sum += price;
                if *price >= floor {
                    s.deals_above_floor += 1;
                }
            }
            Some(Outcome::WalkAway { .. }) => s.walk_aways += 1,
            _ => {}
        }
        s.mean_turns += session.turns().len() as f64;
        s.mean_overall += card.overall;
        for (d, total) in &mut s.mean_dimensions {
            *total += card.get(*d);
        }
    }
    let n = f64::from(games.max(1));
    let round = |x: f64| (x * 10.0).round() / 10.0;
    s.mean_turns = round(s.mean_turns / n);
    s.mean_overall = round(s.mean_overall / n);
    for (_, total) in &mut s.mean_dimensions {
        *total = round(*total / n);
    }
    s.mean_price = (s.deals > 0).then(|| (price_sum / f64::from(s.deals)).round());
    s
}

pub fn run(opts: Options, out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let scenarios: Vec<Scenario> = if opts.scenario == "all" {
        crate::scenario::all_scenarios(&opts.scenarios)
    } else {
        match crate::scenario::find_scenario_in(&opts.scenario, &opts.scenarios) {
            Ok((s, _)) => vec![s],
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                return ExitCode::from(2);
            }
        }
    };
    for scenario in scenarios {
        let prepared = match Prepared::new(scenario) {
            Ok(p) => p,
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                return ExitCode::from(2);
            }
        };
        let s = simulate(&prepared, opts.bot, opts.difficulty, opts.games, opts.seed);
        let _ = if opts.json {
            writeln!(
                out,
                "{}",
                serde_json::to_string(&s).expect("summaries serialize")
            )
        } else {
            writeln!(out, "{}", table_row(&s))
        };
    }
    ExitCode::SUCCESS
}

fn table_row(s: &Summary) -> String {
    let pct = |n: u32| 100.0 * f64::from(n) / f64::from(s.games.max(1));
    let dims: Vec<String> = s
        .mean_dimensions
        .iter()
        .map(|(d, v)| format!("{} {v:.0}", d.name()))
        .collect();
    format!(
        "{:<22} {:<9} {:<6} {} games: deal {:.0}% (above floor {:.0}%), walk-away {:.0}%, mean price {}, {:.1} turns; overall {:.1} [{}]",
        s.scenario,
        s.bot,
        s.difficulty.name(),
        s.games,
        pct(s.deals),
        pct(s.deals_above_floor),
        pct(s.walk_aways),
        s.mean_price.map_or("-".to_string(), |p| format!("{p:.0}")),
        s.mean_turns,
        s.mean_overall,
        dims.join(", ")
    )
}
