//! Fuzzing with proptest: nothing untrusted may panic. `cargo test` runs a
//! short budget; `FUZZ_CASES=N` sets the cases per target, e.g. the long run
//!
//!     FUZZ_CASES=10000000 cargo test --release --test it fuzz -- --test-threads=2
//!
//! (the jsonl target counts lines: it sends 50 lines per case).

use std::sync::OnceLock;

use counteroffer::analysis::Analyzer;
use counteroffer::analysis::lexicon::builtin;
use counteroffer::cli::analyze::{self, Options};
use counteroffer::report::{Format, Report};
use counteroffer::scenario::shipped_scenarios;
use counteroffer::scenario::{Difficulty, Scenario, parse_bytes, parse_str};
use counteroffer::session::Prepared;
use counteroffer::session::bots::{self, Kind};
use counteroffer::session::transcript::{Transcript, check};
use proptest::prelude::*;
use proptest::test_runner::Config;

fn cases(per: u32) -> Config {
    let total = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(2_000);
    Config {
        cases: (total / per).max(1),
        failure_persistence: None,
        ..Config::default()
    }
}

struct Fixtures {
    scenarios: Vec<Scenario>,
    analyzers: Vec<Analyzer>,
    sources: Vec<String>,
    prepared: Prepared,
    transcript: String,
}

fn fixtures() -> &'static Fixtures {
    static F: OnceLock<Fixtures> = OnceLock::new();
    F.get_or_init(|| {
        let scenarios = shipped_scenarios();
        let analyzers = scenarios
            .iter()
            .map(|s| Analyzer::new(builtin(&s.language).unwrap(), Some(s)))
            .collect();
        let sources = std::fs::read_dir("scenarios")
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        let prepared = Prepared::new(
            scenarios
                .iter()
                .find(|s| s.id == "hengda-packaging-en")
                .unwrap()
                .clone(),
        )
        .unwrap();
        let transcript =
            Transcript::from_session(&bots::play(&prepared, Kind::Random, Difficulty::Normal, 5))
                .to_json();
        Fixtures {
            scenarios,
            analyzers,
            sources,
            prepared,
            transcript,
        }
    })
}

/// Replaces, deletes or duplicates a few spans: the edits a careless
/// author or a damaged disk makes.
fn mutate(src: &str, edits: &[(usize, usize, u8)]) -> String {
    let mut bytes = src.as_bytes().to_vec();
    const TOKENS: [&str; 12] = [
        "(", ")", "[", "]", "\"", ",", ":", "-1e309", "NaN", "AtStart", "Some(", "é中",
    ];
    for &(at, len, op) in edits {
        if bytes.is_empty() {
            break;
        }
        let at = at % bytes.len();
        let end = (at + len % 40).min(bytes.len());
        match op % 4 {
            0 => {
                bytes.drain(at..end);
            }
            1 => {
                let span = bytes[at..end].to_vec();
                bytes.splice(at..at, span);
            }
            2 => bytes[at] = op,
            _ => {
                let t = TOKENS[op as usize % TOKENS.len()].as_bytes().to_vec();
                bytes.splice(at..at, t);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Inputs fuzzing has broken before, run every time (fuzz runs keep no
/// record of their failures).
#[test]
fn texts_that_once_broke_the_analyzer_are_analyzed() {
    let f = fixtures();
    for text in [" :", " ", "\t\n", " ,x"] {
        for a in &f.analyzers {
            for context in [None, Some(""), Some("twenty percent")] {
                let r = a.analyze(text, context);
                for e in &r.evidence {
                    assert_eq!(&text[e.start..e.end], e.text, "{text:?}");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(cases(1))]

    #[test]
    fn fuzz_analyzer_on_any_text(text in prop_oneof!["\\PC{0,400}", any::<String>()], which in 0usize..6, context in proptest::option::of(any::<String>())) {
        let f = fixtures();
        let a = &f.analyzers[which % f.analyzers.len()];
        let r = a.analyze(&text, context.as_deref());
        for e in &r.evidence {
            prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end) && e.start <= e.end);
            prop_assert_eq!(&text[e.start..e.end], e.text.as_str());
        }
    }

    #[test]
    fn fuzz_scenario_loader_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let loaded = parse_bytes(&bytes, "fuzz.ron");
        if loaded.scenario.is_some() {
            prop_assert!(loaded.errors().next().is_none());
        } else {
            prop_assert!(loaded.errors().next().is_some(), "a refused file says why");
        }
    }

    #[test]
    fn fuzz_scenario_loader_on_damaged_scenarios(which in 0usize..6, edits in proptest::collection::vec((any::<usize>(), any::<usize>(), any::<u8>()), 1..6)) {
        let f = fixtures();
        let src = mutate(&f.sources[which % f.sources.len()], &edits);
        let loaded = parse_str(&src, "damaged.ron");
        for d in &loaded.diagnostics {
            let shown = d.to_string();
            prop_assert!(shown.starts_with("damaged.ron:"), "{}", shown);
        }
                // whatever still validates must still play (one case in 32: building
        // the analyzer costs milliseconds)
        if let Some(s) = loaded.scenario.filter(|_| edits[0].2 % 32 == 0) {
            let p = Prepared::new(s).unwrap();
            let game = bots::play(&p, Kind::Random, Difficulty::Hard, 1);
            prop_assert!(game.outcome().is_some());
        }
    }

    #[test]
    fn fuzz_transcript_reader(edits in proptest::collection::vec((any::<usize>(), any::<usize>(), any::<u8>()), 0..6), junk in proptest::collection::vec(any::<u8>(), 0..200)) {
        let f = fixtures();
        for src in [mutate(&f.transcript, &edits), String::from_utf8_lossy(&junk).into_owned()] {
            if let Ok(t) = Transcript::from_json(&src) {
                let _ = check(&f.prepared, &t);
                let scenario = f.scenarios.iter().find(|s| s.id == "hengda-packaging-en").unwrap();
                let r = Report::new(&t, scenario);
                for format in [Format::Markdown, Format::Json, Format::Html] {
                    let _ = r.render(format);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(cases(50))]

    #[test]
        fn fuzz_jsonl_on_any_bytes(lines in proptest::collection::vec(proptest::collection::vec(any::<u8>().prop_map(|b| if b == b'\n' { b' ' } else { b }), 0..120), 50)) {
        // JSON lines: every line ends with a newline
        let input: Vec<u8> = lines.iter().flat_map(|l| l.iter().copied().chain([b'\n'])).collect();
        let mut out = Vec::new();
        let mut err = Vec::new();
        let opts = Options { lang: None, scenario: None, scenarios: Vec::new(), context: None, jsonl: true, text: None, rules_only: false };
        let _ = analyze::run(opts, &input[..], &mut out, &mut err);
        let text = String::from_utf8(out).expect("the output is UTF-8");
        prop_assert_eq!(text.lines().count(), lines.len(), "one answer per input line");
        for l in text.lines() {
            prop_assert!(serde_json::from_str::<serde_json::Value>(l).is_ok(), "{}", l);
        }
    }
}
