//! The holes found by the attack on the released binary (issue 18): each
//! test here failed before its fix.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use counteroffer::scenario::{Difficulty, shipped_scenarios};
use counteroffer::session::bots::{self, Kind};
use counteroffer::session::transcript::Transcript;
use counteroffer::session::Prepared;

const BIN: &str = env!("CARGO_BIN_EXE_counteroffer");

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("co-reliab-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn prepared(id: &str) -> Prepared {
    let s = shipped_scenarios()
        .into_iter()
        .find(|s| s.id == id)
        .expect("shipped scenario");
    Prepared::new(s).unwrap()
}

fn mkfifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

/// What one run of the binary gave.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    /// Peak resident memory of the child, in KiB.
    pub max_rss_kib: i64,
}

/// Runs the binary with `args` and `stdin`, killing it after `limit`; the
/// peak memory is the child's own (wait4), not the test process's.
#[allow(clippy::zombie_processes)] // reaped by wait4 below
pub fn run_bounded(args: &[&str], stdin: &[u8], data: Option<&Path>, limit: Duration) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = data {
        cmd.env("COUNTEROFFER_DATA_DIR", d);
    }
    let start = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let pid = child.id() as libc::pid_t;
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let mut status = 0;
    // SAFETY: a plain rusage struct, filled in by wait4.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let mut killed = false;
    loop {
        // SAFETY: waits only for our own child, by pid.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            break;
        }
        assert!(r == 0, "wait4 failed");
        if start.elapsed() > limit && !killed {
            let _ = child.kill();
            killed = true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let elapsed = start.elapsed();
    let _ = writer.join();
    let stdout = String::from_utf8_lossy(&reader.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned();
    let code = (!killed && libc::WIFEXITED(status)).then(|| libc::WEXITSTATUS(status));
    Run {
        code,
        stdout,
        stderr,
        elapsed,
        max_rss_kib: usage.ru_maxrss,
    }
}

// ---- 1. bounded reads -------------------------------------------------

#[test]
fn check_refuses_a_device_a_fifo_and_a_link_to_a_device_at_once_in_little_memory() {
    let dir = temp_dir("devices");
    let fifo = dir.join("pipe.ron");
    mkfifo(&fifo);
    let link = dir.join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let cases = [
        ("/dev/zero".to_string(), "is a character device, not a regular file"),
        (fifo.display().to_string(), "is a FIFO (named pipe), not a regular file"),
        (link.display().to_string(), "is a character device, not a regular file"),
    ];
    for (path, message) in &cases {
        let run = run_bounded(&["check", path], b"", None, Duration::from_secs(10));
        assert_eq!(run.code, Some(1), "{path}: {run:?}");
        assert!(
            run.stderr
                .contains(&format!("{path}: error: {message}; it is not read\n  help: ")),
            "{path}: {}",
            run.stderr
        );
        assert!(run.elapsed < Duration::from_secs(1), "{path}: {run:?}");
        assert!(run.max_rss_kib < 50 * 1024, "{path}: {run:?}");
        eprintln!(
            "check {path}: {:.3} s, {} KiB peak",
            run.elapsed.as_secs_f64(),
            run.max_rss_kib
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_folder_holding_a_fifo_or_a_looping_link_reports_them() {
    let dir = temp_dir("odd-folder");
    mkfifo(&dir.join("pipe.ron"));
    std::os::unix::fs::symlink(dir.join("loop.ron"), dir.join("loop.ron")).unwrap();
    let run = run_bounded(
        &["check", dir.to_str().unwrap()],
        b"",
        None,
        Duration::from_secs(10),
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("loop.ron: error: is a link that leads in a loop; it is not read"), "{}", run.stderr);
    assert!(run.stderr.contains("pipe.ron: error: is a FIFO"), "{}", run.stderr);
    assert!(run.stdout.contains("0 scenarios valid, 2 invalid"), "{}", run.stdout);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_lexicon_folder_linking_to_a_device_or_out_of_the_folder_is_refused() {
    let dir = temp_dir("lexicon-links");
    let lexicon = dir.join("lexicon");
    std::fs::create_dir_all(&lexicon).unwrap();
    std::os::unix::fs::symlink("/dev/zero", lexicon.join("en.ron")).unwrap();
    std::fs::copy("assets/lexicon/zh-CN.ron", dir.join("outside.ron")).unwrap();
    std::os::unix::fs::symlink(dir.join("outside.ron"), lexicon.join("zh-CN.ron")).unwrap();
    let run = run_bounded(
        &["check", lexicon.to_str().unwrap()],
        b"",
        None,
        Duration::from_secs(10),
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr.contains("en.ron: error: is a link to /dev/zero outside the lexicon folder; it is not read\n  help: copy the lexicon into the folder"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("zh-CN.ron: error: is a link to ") && run.stderr.contains("outside.ron outside the lexicon folder"),
        "{}",
        run.stderr
    );
    // the analyzer's loader refuses them the same way
    let e = counteroffer::analysis::lexicon::load(&lexicon, "zh-CN").unwrap_err();
    assert!(e[0].to_string().contains("outside the lexicon folder"), "{}", e[0]);
    // a language is a name, never a path
    let e = counteroffer::analysis::lexicon::load(&lexicon, "../outside").unwrap_err();
    assert!(e[0].to_string().contains("is not a language name"), "{}", e[0]);
    std::fs::remove_dir_all(dir).unwrap();
}

/// A finished transcript of a shipped scenario.
fn good_transcript() -> Transcript {
    let p = prepared("reilly-training-en");
    Transcript::from_session(&bots::play(&p, Kind::Ideal, Difficulty::Normal, 3))
}

#[test]
fn summarize_finishes_over_hostile_transcripts_and_lists_the_good_rows() {
    let dir = temp_dir("hostile-class");
    let good = good_transcript();
    std::fs::write(dir.join("a-good.json"), good.to_json()).unwrap();
    let mut zero = good.clone();
    zero.scenario_id = "/dev/zero".into();
    std::fs::write(dir.join("b-zero.json"), zero.to_json()).unwrap();
    let mut fifo_id = good.clone();
    let fifo = dir.join("pipe.ron");
    mkfifo(&fifo);
    fifo_id.scenario_id = fifo.display().to_string();
    std::fs::write(dir.join("c-fifo-id.json"), fifo_id.to_json()).unwrap();
    mkfifo(&dir.join("d-fifo.json"));
    std::os::unix::fs::symlink("/dev/zero", dir.join("e-zero-link.json")).unwrap();
    std::fs::write(dir.join("f-good.json"), good.to_json()).unwrap();

    let run = run_bounded(
        &["summarize", dir.to_str().unwrap()],
        b"",
        None,
        Duration::from_secs(20),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.elapsed < Duration::from_secs(10), "{run:?}");
    let rows: Vec<&str> = run.stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{}", run.stdout);
    assert!(rows.iter().all(|r| r.ends_with("\"ok\"")), "{}", run.stdout);
    assert!(
        run.stderr.contains("b-zero.json: skipped: no shipped scenario has the id \"/dev/zero\""),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("c-fifo-id.json: skipped: no shipped scenario"), "{}", run.stderr);
    assert!(run.stderr.contains("d-fifo.json: skipped: is a FIFO"), "{}", run.stderr);
    assert!(
        run.stderr.contains("e-zero-link.json: skipped: is a character device"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("2 reports summarized, 4 skipped"), "{}", run.stderr);

    // score and report refuse the id as a path too
    for cmd in ["score", "report"] {
        let run = run_bounded(
            &[cmd, dir.join("b-zero.json").to_str().unwrap()],
            b"",
            None,
            Duration::from_secs(10),
        );
        assert_eq!(run.code, Some(2), "{cmd}: {run:?}");
        assert!(run.stderr.contains("no shipped scenario has the id \"/dev/zero\"\n  help: "), "{cmd}: {}", run.stderr);
    }
    // --scenario must be the scenario the transcript names
    let run = run_bounded(
        &[
            "score",
            dir.join("a-good.json").to_str().unwrap(),
            "--scenario",
            "hengda-packaging-en",
        ],
        b"",
        None,
        Duration::from_secs(10),
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.contains("played on scenario \"reilly-training-en\", but --scenario gives \"hengda-packaging-en\""),
        "{}",
        run.stderr
    );
    std::fs::remove_dir_all(dir).unwrap();
}

// ---- 2. no quadratic blow-ups -----------------------------------------

/// The median of `runs` timings of `f`.
fn median_time(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// How much longer `f(2n)` takes than `f(n)`: medians of several runs,
/// measured up to three times so one noisy moment cannot fail the test.
fn doubling_ratio(n: usize, f: impl Fn(usize)) -> f64 {
    f(n); // warm up (lazy tables, page faults)
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let one = median_time(7, || f(n));
        let two = median_time(7, || f(2 * n));
        let ratio = two.as_secs_f64() / one.as_secs_f64().max(1e-9);
        eprintln!("n = {n}: {one:?}; 2n: {two:?}; ratio {ratio:.2}");
        best = best.min(ratio);
        if best <= 2.5 {
            break;
        }
    }
    best
}

/// The minimal scenario with a pain id and a reference to it, both `n`
/// characters long and one letter apart: the did-you-mean's worst case.
fn long_ids(n: usize) -> String {
    let src = std::fs::read_to_string("tests/broken/minimal-valid.ron").unwrap();
    let defined = format!("slow{}", "x".repeat(n));
    let used = format!("slow{}y", "x".repeat(n - 1));
    src.replace("relieves: [\"slow\"]", &format!("relieves: [\"{used}\"]"))
        .replace("pains: [(id: \"slow\"", &format!("pains: [(id: \"{defined}\""))
}

#[test]
fn doubling_an_ids_length_at_most_about_doubles_the_check_time() {
    let n = 150_000;
    let sources = [long_ids(n), long_ids(2 * n)];
    let loaded = counteroffer::scenario::parse_str(&sources[0], "long.ron");
    let message = loaded.diagnostics[0].to_string();
    assert!(
        message.contains("characters long; ids may be at most 64") && message.len() < 400,
        "{message}"
    );
    let ratio = doubling_ratio(n, |len| {
        let src = if len == n { &sources[0] } else { &sources[1] };
        let loaded = counteroffer::scenario::parse_str(src, "long.ron");
        assert!(loaded.scenario.is_none());
    });
    assert!(ratio <= 2.5, "doubling the id length took {ratio:.2}x the time");
}

/// A reply of about `chars` characters: offers, questions and features,
/// like a long real one.
fn long_reply(chars: usize) -> String {
    let unit = "I understand the concern about price. What does a stoppage cost you? \
                If you sign for two years, I can do 45,000 with training included, \
                so your night shift stops losing hours. ";
    unit.repeat(chars / unit.len() + 1).chars().take(chars).collect()
}

/// `analyze --jsonl` on one line holding a reply of `chars` characters.
fn analyze_line(chars: usize) -> String {
    use counteroffer::cli::analyze::{self, Options};
    let line = serde_json::json!({ "text": long_reply(chars), "lang": "en" }).to_string() + "\n";
    let opts = Options {
        lang: None,
        scenario: Some("hengda-packaging-en".into()),
        context: None,
        jsonl: true,
        text: None,
    };
    let mut out = Vec::new();
    let _ = analyze::run(opts, line.as_bytes(), &mut out, &mut Vec::new());
    String::from_utf8(out).unwrap()
}

#[test]
fn doubling_a_reply_at_the_capped_size_at_most_about_doubles_the_time() {
    use counteroffer::session::MAX_REPLY_CHARS;
    // at the cap it is analysed; at twice the cap it is refused
    assert!(analyze_line(MAX_REPLY_CHARS).contains("\"laer\""));
    assert!(analyze_line(2 * MAX_REPLY_CHARS).contains("replies may be at most 10000"));
    let ratio = doubling_ratio(MAX_REPLY_CHARS, |chars| {
        analyze_line(chars);
    });
    assert!(ratio <= 2.5, "doubling the reply length took {ratio:.2}x the time");
    // and a megabyte line is answered at once, not after 94 s
    let start = Instant::now();
    assert!(analyze_line(1 << 20).contains("\"error\""));
    assert!(start.elapsed() < Duration::from_secs(2), "{:?}", start.elapsed());
}

/// The analyzer itself below the cap: today it grows faster than linearly
/// (3.3 to 4.3 times per doubling from 5,000 to 10,000 characters, 16 to
/// 33 ms at 10,000 in a debug build). src/analysis/ is being rewritten
/// elsewhere; this test is for that rewrite: `cargo test --test it
/// analyzer_time -- --ignored`.
#[test]
#[ignore = "the analyzer is superlinear below the cap; for the src/analysis/ rewrite"]
fn analyzer_time_doubles_at_most_with_the_reply_length_below_the_cap() {
    use counteroffer::session::MAX_REPLY_CHARS;
    let p = prepared("hengda-packaging-en");
    let replies = [long_reply(MAX_REPLY_CHARS / 2), long_reply(MAX_REPLY_CHARS)];
    let context = "The price is too high compared with Vendor B.";
    let ratio = doubling_ratio(MAX_REPLY_CHARS / 2, |len| {
        let text = if len == MAX_REPLY_CHARS / 2 { &replies[0] } else { &replies[1] };
        let a = p.analyzer().analyze(text, Some(context));
        assert!(!a.evidence.is_empty());
    });
    assert!(ratio <= 2.5, "doubling the reply length took {ratio:.2}x the time");
}

#[test]
fn analyze_refuses_overlong_lines_and_texts_and_a_path_as_a_language() {
    let dir = temp_dir("analyze-caps");
    std::fs::create_dir_all(dir.join("notes")).unwrap();
    std::fs::write(dir.join("notes/secret.ron"), "TOP_SECRET_TOKEN").unwrap();
    let over = "a".repeat(10_001);
    let huge = "b".repeat(300 << 10);
    let input = format!(
        "{{\"text\": \"{over}\"}}\n{{\"text\": \"{huge}\"}}\n{{\"text\": \"x\", \"lang\": \"{}/notes/secret\"}}\n{{\"text\": \"ok\", \"context\": \"{over}\"}}\n{{\"text\": \"I understand.\"}}\n",
        dir.display()
    );
    let run = run_bounded(&["analyze", "--jsonl"], input.as_bytes(), None, Duration::from_secs(20));
    assert_eq!(run.code, Some(0), "{run:?}");
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "{}", run.stdout);
    let error = |i: usize| lines[i]["error"].as_str().unwrap_or_default().to_string();
    assert_eq!(
        error(0),
        "line 1: the text is 10001 characters; replies may be at most 10000"
    );
    assert_eq!(
        error(1),
        "line 2: the line is longer than 256 KiB; replies may be at most 10000 characters"
    );
    assert!(error(2).starts_with("line 3: unsupported language \""), "{}", error(2));
    assert!(!run.stdout.contains("TOP_SECRET"), "{}", run.stdout);
    assert_eq!(
        error(3),
        "line 4: the context is 10001 characters; replies may be at most 10000"
    );
    assert_eq!(lines[4]["lang"], "en", "{}", run.stdout);

    let run = run_bounded(&["analyze", &over], b"", None, Duration::from_secs(20));
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.starts_with("error: the reply is 10001 characters; replies may be at most 10000\n  help: "),
        "{}",
        run.stderr
    );
    std::fs::remove_dir_all(dir).unwrap();
}
