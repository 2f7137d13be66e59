//! Complete simulated negotiations per second on one core (the ideal bot,
//! whose replies go through the real analyzer), and loading plus validating
//! every shipped scenario. Run: `cargo bench --bench session`.

use std::path::PathBuf;
use std::time::Instant;

use counteroffer::scenario::{Difficulty, load_paths};
use counteroffer::session::Prepared;
use counteroffer::session::bots::{self, Kind};
use divan::{Bencher, black_box};

fn main() {
    for id in ["hengda-packaging-en", "hengda-packaging-zh"] {
        let p = prepared(id);
        let games = 2000;
        let start = Instant::now();
        for seed in 0..games {
            black_box(
                bots::play(&p, Kind::Ideal, Difficulty::Normal, seed)
                    .turns()
                    .len(),
            );
        }
        let per_second = games as f64 / start.elapsed().as_secs_f64();
        println!("{id}: {per_second:.0} complete negotiations per second (ideal bot, one thread)");
    }
    divan::main();
}

fn scenario_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

fn prepared(id: &str) -> Prepared {
    let s = load_paths(&[scenario_dir()])
        .into_iter()
        .filter_map(|l| l.scenario)
        .find(|s| s.id == id)
        .expect("shipped scenario");
    Prepared::new(s).expect("lexicon")
}

#[divan::bench(args = ["hengda-packaging-en", "hengda-packaging-zh"])]
fn negotiation(b: Bencher, id: &str) {
    let p = prepared(id);
    let mut seed = 0;
    b.bench_local(|| {
        seed += 1;
        bots::play(&p, Kind::Ideal, Difficulty::Normal, seed)
            .turns()
            .len()
    });
}

#[divan::bench]
fn load_and_validate_all_scenarios() -> usize {
    load_paths(&[scenario_dir()]).len()
}
