//! Complete simulated negotiations per second on one core (the ideal bot,
//! whose replies go through the real analyzer), by the clock and per
//! second of the thread's CPU time, and loading plus validating every
//! shipped scenario. Run: `cargo bench --bench session`.

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
        // one game first: the analyzer, the fact topics and the relevance
        // terms are built on first use, once per scenario, not per game
        black_box(
            bots::play(&p, Kind::Ideal, Difficulty::Normal, games)
                .turns()
                .len(),
        );
        let cpu = thread_cpu_seconds();
        let start = Instant::now();
        for seed in 0..games {
            black_box(
                bots::play(&p, Kind::Ideal, Difficulty::Normal, seed)
                    .turns()
                    .len(),
            );
        }
        let per_second = games as f64 / start.elapsed().as_secs_f64();
        // on a busy machine the thread waits for a core: its CPU time is
        // what one core spent
        let per_cpu = match (cpu, thread_cpu_seconds()) {
            (Some(a), Some(b)) if b > a => {
                format!(", {:.0} per CPU-second", games as f64 / (b - a))
            }
            _ => String::new(),
        };
        println!(
            "{id}: {per_second:.0} complete negotiations per second (ideal bot, one thread{per_cpu})"
        );
    }
    divan::main();
}

/// This thread's CPU time, where the platform says it.
fn thread_cpu_seconds() -> Option<f64> {
    #[cfg(unix)]
    {
        let mut t = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `t` is a valid timespec for the call to fill in
        let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
        ok.then_some(t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9)
    }
    #[cfg(not(unix))]
    {
        None
    }
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
