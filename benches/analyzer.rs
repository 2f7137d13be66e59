//! Median time to analyze a ~200-byte reply (English, Chinese) next to one
//! plain Aho-Corasick pass over the same text with the same phrases, the
//! floor any phrase-based analyzer pays. Run: `cargo bench --bench analyzer`.
//! Divan reports each on its own; the ratio analyzer/floor is printed first
//! from medians measured the same way, side by side, with the rules alone
//! (no learned second reader) for the reader's share.

use std::path::PathBuf;
use std::time::Instant;

use aho_corasick::AhoCorasick;
use counteroffer::analysis::Analyzer;
use counteroffer::analysis::lexicon::{Lexicon, builtin};
use counteroffer::scenario::{Scenario, load_paths};
use divan::{Bencher, black_box};

const EN: &str = "I understand, that's a fair concern. Over eight years the difference works out at about 83 dollars a month, and the sensors warn you two weeks before a breakdown, so your night shift keeps running. If you order this month, I can include training.";
const ZH: &str = "我理解您的顾虑。按八年折算，差价每个月不到六百块；预测性维护传感器能提前两周预警，这样您的夜班就不会再停线。如果本月下单，我们免费培训。";

fn main() {
    for (lang, id, text) in [
        ("en", "hengda-packaging-en", EN),
        ("zh-CN", "hengda-packaging-zh", ZH),
    ] {
        let (analyzer, floor) = setup(lang, id);
        let (rules, _) = setup(lang, id);
        let rules = rules.rules_only();
        let analyze = median_ns(|| analyzer.analyze(black_box(text), None).evidence.len());
        let alone = median_ns(|| rules.analyze(black_box(text), None).evidence.len());
        let pass = median_ns(|| floor.find_overlapping_iter(black_box(text)).count());
        println!(
            "{lang:<5} {} bytes: analyze {:.2} µs (rules alone {:.2} µs), one Aho-Corasick pass {:.2} µs, ratio {:.1}x",
            text.len(),
            analyze / 1000.0,
            alone / 1000.0,
            pass / 1000.0,
            analyze / pass
        );
    }
    divan::main();
}

/// Median over 51 batches of the mean time per call, in nanoseconds.
fn median_ns(mut f: impl FnMut() -> usize) -> f64 {
    const CALLS: u32 = 2000;
    let mut samples: Vec<f64> = (0..51)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..CALLS {
                black_box(f());
            }
            start.elapsed().as_nanos() as f64 / f64::from(CALLS)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn scenario(id: &str) -> Scenario {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    load_paths(&[dir])
        .into_iter()
        .filter_map(|l| l.scenario)
        .find(|s| s.id == id)
        .expect("shipped scenario")
}

fn setup(lang: &str, id: &str) -> (Analyzer, AhoCorasick) {
    let lexicon = builtin(lang).expect("lexicon");
    let floor = plain_pass(&lexicon);
    (Analyzer::new(lexicon, Some(&scenario(id))), floor)
}

/// The same phrase list in one automaton, searched once: the reference floor.
fn plain_pass(l: &Lexicon) -> AhoCorasick {
    let phrases: Vec<&String> = l
        .named_lists()
        .into_iter()
        .flat_map(|(_, list)| list)
        .collect();
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(phrases)
        .expect("automaton")
}

#[divan::bench]
fn analyze_en(b: Bencher) {
    let (a, _) = setup("en", "hengda-packaging-en");
    b.bench(|| a.analyze(black_box(EN), None));
}

#[divan::bench]
fn analyze_zh(b: Bencher) {
    let (a, _) = setup("zh-CN", "hengda-packaging-zh");
    b.bench(|| a.analyze(black_box(ZH), None));
}

#[divan::bench]
fn floor_en(b: Bencher) {
    let (_, floor) = setup("en", "hengda-packaging-en");
    b.bench(|| floor.find_overlapping_iter(black_box(EN)).count());
}

#[divan::bench]
fn floor_zh(b: Bencher) {
    let (_, floor) = setup("zh-CN", "hengda-packaging-zh");
    b.bench(|| floor.find_overlapping_iter(black_box(ZH)).count());
}
