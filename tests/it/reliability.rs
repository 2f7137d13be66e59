//! The holes found by the attack on the released binary (issue 18): each
//! test here failed before its fix.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use counteroffer::scenario::{Difficulty, shipped_scenarios};
use counteroffer::session::Prepared;
use counteroffer::session::bots::{self, Kind};
use counteroffer::session::transcript::Transcript;

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

/// The peak resident memory of a running process's own address space
/// (`VmHWM`), in KiB; `None` when it cannot be read (gone, or no /proc).
fn own_peak_kib(pid: libc::pid_t) -> Option<i64> {
    // before exec the child still shares the spawning test process's
    // memory: only a reading taken once it runs our binary counts
    let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok()?;
    let ours = std::fs::canonicalize(BIN).ok()?;
    if exe != ours {
        return None;
    }
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs the binary with `args` and `stdin`, killing it after `limit`; the
/// peak memory is the child's own, not the test process's. (On Linux the
/// `ru_maxrss` that wait4 reports for a spawned child starts at the
/// spawning process's resident size, so in a test binary that has run many
/// Bevy apps it measured the test binary. The child's own high-water mark
/// is sampled from /proc while it runs, once it runs our binary; a child
/// that ends before a reading reports 0, too quick to have used much.)
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
    let mut own_peak: Option<i64> = None;
    loop {
        // the high-water mark only grows: the last reading before the exit
        // is the peak up to then
        if let Some(k) = own_peak_kib(pid) {
            own_peak = Some(own_peak.map_or(k, |p| p.max(k)));
        }
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
        std::thread::sleep(Duration::from_millis(1));
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
        max_rss_kib: own_peak.unwrap_or(0),
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
        (
            "/dev/zero".to_string(),
            "is a character device, not a regular file",
        ),
        (
            fifo.display().to_string(),
            "is a FIFO (named pipe), not a regular file",
        ),
        (
            link.display().to_string(),
            "is a character device, not a regular file",
        ),
    ];
    // a spawned child's peak memory includes its parent's before exec, and
    // this test process grows as other tests run: compare with a child
    // that reads nothing
    let baseline = run_bounded(&["--version"], b"", None, Duration::from_secs(10)).max_rss_kib;
    for (path, message) in &cases {
        let run = run_bounded(&["check", path], b"", None, Duration::from_secs(10));
        assert_eq!(run.code, Some(1), "{path}: {run:?}");
        assert!(
            run.stderr.contains(&format!(
                "{path}: error: {message}; it is not read\n  help: "
            )),
            "{path}: {}",
            run.stderr
        );
        // a hang or an unbounded read never ends; the bound leaves room for
        // a loaded CI machine (the time is printed below: about 5 ms here)
        assert!(run.elapsed < Duration::from_secs(5), "{path}: {run:?}");
        assert!(
            run.max_rss_kib - baseline < 50 * 1024,
            "{path}: {run:?}, baseline {baseline} KiB"
        );
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
    assert!(
        run.stderr
            .contains("loop.ron: error: is a link that leads in a loop; it is not read"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("pipe.ron: error: is a FIFO"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("0 scenarios valid, 2 invalid"),
        "{}",
        run.stdout
    );
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
        run.stderr.contains("zh-CN.ron: error: is a link to ")
            && run
                .stderr
                .contains("outside.ron outside the lexicon folder"),
        "{}",
        run.stderr
    );
    // the analyzer's loader refuses them the same way
    let e = counteroffer::analysis::lexicon::load(&lexicon, "zh-CN").unwrap_err();
    assert!(
        e[0].to_string().contains("outside the lexicon folder"),
        "{}",
        e[0]
    );
    // a language is a name, never a path
    let e = counteroffer::analysis::lexicon::load(&lexicon, "../outside").unwrap_err();
    assert!(
        e[0].to_string().contains("is not a language name"),
        "{}",
        e[0]
    );
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
        run.stderr
            .contains("b-zero.json: skipped: no shipped scenario has the id \"/dev/zero\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("c-fifo-id.json: skipped: no shipped scenario"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("d-fifo.json: skipped: is a FIFO"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("e-zero-link.json: skipped: is a character device"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("2 reports summarized, 4 skipped"),
        "{}",
        run.stderr
    );

    // score and report refuse the id as a path too
    for cmd in ["score", "report"] {
        let run = run_bounded(
            &[cmd, dir.join("b-zero.json").to_str().unwrap()],
            b"",
            None,
            Duration::from_secs(10),
        );
        assert_eq!(run.code, Some(2), "{cmd}: {run:?}");
        assert!(
            run.stderr
                .contains("no shipped scenario has the id \"/dev/zero\"\n  help: "),
            "{cmd}: {}",
            run.stderr
        );
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
/// measured up to five times so a noisy moment (other tests run beside
/// this one) cannot fail the test.
fn doubling_ratio(n: usize, f: impl Fn(usize)) -> f64 {
    f(n); // warm up (lazy tables, page faults)
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let one = median_time(9, || f(n));
        let two = median_time(9, || f(2 * n));
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
        .replace(
            "pains: [(id: \"slow\"",
            &format!("pains: [(id: \"{defined}\""),
        )
}

#[test]
fn doubling_an_ids_length_at_most_about_doubles_the_check_time() {
    let n = 100_000;
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
    assert!(
        ratio <= 2.5,
        "doubling the id length took {ratio:.2}x the time"
    );
}

/// The minimal scenario with `n` pains and `n` references to pains that
/// do not exist: every reference is looked up and found wanting.
fn many_references(n: usize) -> String {
    let src = std::fs::read_to_string("tests/broken/minimal-valid.ron").unwrap();
    let pains: String = (0..n)
        .map(|i| format!("(id: \"pain-{i}\", description: \"d\", terms: [\"t\"]), "))
        .collect();
    let refs: String = (0..n).map(|i| format!("\"gone-{i}\", ")).collect();
    src.replace("relieves: [\"slow\"]", &format!("relieves: [\"slow\", {refs}]"))
        .replace(
            "pains: [(id: \"slow\", description: \"Orders ship late.\", terms: [\"late\", \"slow\"])]",
            &format!("pains: [(id: \"slow\", description: \"Orders ship late.\", terms: [\"late\", \"slow\"]), {pains}]"),
        )
}

#[test]
fn doubling_the_number_of_references_at_most_about_doubles_the_check_time() {
    let n = 1_000;
    let sources = [many_references(n), many_references(2 * n)];
    let loaded = counteroffer::scenario::parse_str(&sources[1], "many.ron");
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.message.ends_with("more errors not shown")),
        "{:?}",
        loaded.diagnostics.first()
    );
    assert!(loaded.diagnostics.len() <= 101);
    assert!(
        loaded
            .diagnostics
            .iter()
            .all(|d| d.to_string().len() < 1_000),
        "help lines list a few ids, not thousands"
    );
    let ratio = doubling_ratio(n, |count| {
        let src = if count == n { &sources[0] } else { &sources[1] };
        assert!(
            counteroffer::scenario::parse_str(src, "many.ron")
                .scenario
                .is_none()
        );
    });
    assert!(
        ratio <= 2.5,
        "doubling the references took {ratio:.2}x the time"
    );
}

/// A reply of about `chars` characters: offers, questions and features,
/// like a long real one.
fn long_reply(chars: usize) -> String {
    let unit = "I understand the concern about price. What does a stoppage cost you? \
                If you sign for two years, I can do 45,000 with training included, \
                so your night shift stops losing hours. ";
    unit.repeat(chars / unit.len() + 1)
        .chars()
        .take(chars)
        .collect()
}

/// `analyze --jsonl` on one line holding a reply of `chars` characters.
fn analyze_line(chars: usize) -> String {
    use counteroffer::cli::analyze::{self, Options};
    let line = serde_json::json!({ "text": long_reply(chars), "lang": "en" }).to_string() + "\n";
    let opts = Options {
        lang: None,
        scenario: Some("hengda-packaging-en".into()),
        scenarios: Vec::new(),
        context: None,
        jsonl: true,
        text: None,
        rules_only: false,
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
    assert!(
        ratio <= 2.5,
        "doubling the reply length took {ratio:.2}x the time"
    );
    // and a megabyte line is refused at once (it once took 94 s): no
    // slower than analysing a line at the cap, both paying the same
    // start-up, so the bound holds on slow and loaded machines alike
    let capped = median_time(3, || {
        analyze_line(MAX_REPLY_CHARS);
    });
    let megabyte = median_time(3, || {
        assert!(analyze_line(1 << 20).contains("\"error\""));
    });
    assert!(
        megabyte.as_secs_f64() <= 2.0 * capped.as_secs_f64(),
        "a refused megabyte line took {megabyte:?}, a line at the cap {capped:?}"
    );
}

/// The analyzer itself below the cap grows linearly with the reply: its
/// lookups are binary searches over indexes built once per reply.
#[test]
fn analyzer_time_doubles_at_most_with_the_reply_length_below_the_cap() {
    use counteroffer::session::MAX_REPLY_CHARS;
    let p = prepared("hengda-packaging-en");
    let replies = [long_reply(MAX_REPLY_CHARS / 2), long_reply(MAX_REPLY_CHARS)];
    let context = "The price is too high compared with Vendor B.";
    let ratio = doubling_ratio(MAX_REPLY_CHARS / 2, |len| {
        let text = if len == MAX_REPLY_CHARS / 2 {
            &replies[0]
        } else {
            &replies[1]
        };
        let a = p.analyzer().analyze(text, Some(context));
        assert!(!a.evidence.is_empty());
    });
    assert!(
        ratio <= 2.5,
        "doubling the reply length took {ratio:.2}x the time"
    );
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
    let run = run_bounded(
        &["analyze", "--jsonl"],
        input.as_bytes(),
        None,
        Duration::from_secs(20),
    );
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
    assert!(
        error(2).starts_with("line 3: unsupported language \""),
        "{}",
        error(2)
    );
    assert!(!run.stdout.contains("TOP_SECRET"), "{}", run.stdout);
    assert_eq!(
        error(3),
        "line 4: the context is 10001 characters; replies may be at most 10000"
    );
    assert_eq!(lines[4]["lang"], "en", "{}", run.stdout);

    let run = run_bounded(&["analyze", &over], b"", None, Duration::from_secs(20));
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.starts_with(
            "error: the reply is 10001 characters; replies may be at most 10000\n  help: "
        ),
        "{}",
        run.stderr
    );
    std::fs::remove_dir_all(dir).unwrap();
}

// ---- 4. resume that always works --------------------------------------

/// A scenario file outside the shipped folder: a copy of a shipped one
/// under another id.
fn custom_scenario(dir: &Path) -> PathBuf {
    let src = std::fs::read_to_string("scenarios/hengda-packaging-en.ron").unwrap();
    let path = dir.join("my.ron");
    std::fs::write(
        &path,
        src.replacen("id: \"hengda-packaging-en\"", "id: \"my-custom\"", 1),
    )
    .unwrap();
    path
}

const REPLY_1: &str = "So the concern is the price compared with Vendor B. I understand. What budget do you have approved?";
const REPLY_2: &str = "Our predictive maintenance sensors warn you two weeks before a breakdown, so your night shift stops losing hours.";

/// Starts `play --text` with `args`, sends `replies` one by one (each
/// waits for the journal to hold it), then kills it with SIGKILL.
fn play_and_kill(data: &Path, args: &[&str], replies: &[&str]) -> Transcript {
    let mut child = Command::new(BIN)
        .args(["play", "--text"])
        .args(args)
        .env("COUNTEROFFER_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let before = journals(data).len();
    let mut last = None;
    for (i, r) in replies.iter().enumerate() {
        writeln!(stdin, "{r}").unwrap();
        stdin.flush().unwrap();
        last = Some(wait_for_journal(data, before + 1, i + 1));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    last.expect("at least one reply")
}

/// The journals in a data folder, as they are on disk, by name.
fn journals(data: &Path) -> Vec<(PathBuf, Transcript)> {
    let mut found: Vec<_> = std::fs::read_dir(counteroffer::session::journal::dir(data))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter_map(|p| {
            let t = Transcript::from_json(&std::fs::read_to_string(&p).ok()?).ok()?;
            Some((p, t))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// Waits until there are `count` journals and the newest-named one being
/// written holds `turns` turns.
/// `play --text` on the first shipped English scenario with seed 4, its
/// data in `data`, replies from a pipe.
fn play_in(data: &Path) -> std::process::Child {
    Command::new(BIN)
        .args([
            "play",
            "--text",
            "--scenario",
            "hengda-packaging-en",
            "--seed",
            "4",
        ])
        .env("COUNTEROFFER_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap()
}

fn wait_for_journal(data: &Path, count: usize, turns: usize) -> Transcript {
    for _ in 0..400 {
        let all = journals(data);
        if all.len() == count
            && let Some((_, t)) = all.iter().find(|(_, t)| t.turns.len() == turns)
        {
            return t.clone();
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!(
        "no journal reached {turns} turns: {:?}",
        journals(data).len()
    );
}

fn play(data: &Path, args: &[&str], stdin: &str) -> Run {
    let mut all = vec!["play", "--text"];
    all.extend_from_slice(args);
    run_bounded(&all, stdin.as_bytes(), Some(data), Duration::from_secs(60))
}

#[test]
fn a_session_on_a_scenario_given_by_path_resumes_after_a_kill() {
    let root = temp_dir("resume-path");
    let data = root.join("data");
    let file = custom_scenario(&root);
    let file = file.to_str().unwrap();
    let before = play_and_kill(
        &data,
        &["--scenario", file, "--seed", "4"],
        &[REPLY_1, REPLY_2],
    );
    assert_eq!(before.scenario_id, "my-custom");

    // offered and resumed with the same --scenario...
    let out = root.join("resumed.json");
    let run = play(
        &data,
        &["--scenario", file, "--out", out.to_str().unwrap()],
        "/resume\nIf you sign this week, I can do 46,000.\n/quit\n",
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.contains(
            "An unfinished session of \"The case packer that costs more\" (2 turns) was found."
        ),
        "{}",
        run.stdout
    );
    let resumed = Transcript::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(
        resumed.turns.len(),
        3,
        "/resume is not sent to the customer"
    );
    assert_eq!(resumed.turns[..2], before.turns[..]);
    assert!(journals(&data).is_empty(), "finished: the journal is gone");

    // ...and without any option: the journal knows the file
    let before = play_and_kill(&data, &["--scenario", file, "--seed", "5"], &[REPLY_1]);
    let run = play(&data, &["--out", out.to_str().unwrap()], "/resume\n/quit\n");
    assert_eq!(run.code, Some(0), "{run:?}");
    let resumed = Transcript::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(resumed.scenario_id, "my-custom");
    assert_eq!(resumed.turns, before.turns);
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn setting_an_unfinished_session_aside_keeps_it_until_it_is_discarded() {
    let root = temp_dir("set-aside");
    let data = root.join("data");
    let before = play_and_kill(
        &data,
        &["--scenario", "hengda-packaging-en", "--seed", "4"],
        &[REPLY_1],
    );
    let kept = journals(&data);
    assert_eq!(kept.len(), 1);
    let out = root.join("new.json");
    let out = out.to_str().unwrap();
    // an empty answer sets it aside: kept, and said where
    for answer in ["", "What budget do you have?"] {
        let run = play(&data, &["--out", out], &format!("{answer}\n/quit\n"));
        assert_eq!(run.code, Some(0), "{run:?}");
        assert!(
            run.stdout.contains(&format!(
                "Set aside: the unfinished session stays in {} and is offered again next time.",
                kept[0].0.display()
            )),
            "{}",
            run.stdout
        );
        assert_eq!(journals(&data), kept, "set aside, not deleted");
    }
    // /score scores it as it stood
    let run = play(&data, &["--out", out], "/score\n");
    assert_eq!(run.code, Some(0), "{run:?}");
    let scored = Transcript::from_json(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(scored.turns, before.turns);
    assert!(journals(&data).is_empty());
    // /discard deletes, as asked
    play_and_kill(
        &data,
        &["--scenario", "hengda-packaging-en", "--seed", "4"],
        &[REPLY_1],
    );
    let run = play(&data, &["--out", out], "/discard\n/quit\n");
    assert!(
        run.stdout.contains("The unfinished session was deleted."),
        "{}",
        run.stdout
    );
    assert!(journals(&data).is_empty());
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_journal_whose_scenario_is_gone_is_kept_and_said_so() {
    let root = temp_dir("scenario-gone");
    let data = root.join("data");
    let file = custom_scenario(&root);
    play_and_kill(
        &data,
        &["--scenario", file.to_str().unwrap(), "--seed", "4"],
        &[REPLY_1],
    );
    let kept = journals(&data);
    std::fs::remove_file(&file).unwrap();
    let run = play(
        &data,
        &["--scenario", "hengda-packaging-en", "--seed", "4"],
        "/quit\n",
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stderr.contains(&format!(
            "warning: an unfinished session of \"my-custom\" cannot be resumed: its scenario file {} does not load: the file does not exist;",
            std::fs::canonicalize(&root).unwrap().join("my.ron").display()
        )) && run.stderr.contains(&format!("it is kept in {}", kept[0].0.display())),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("help: give the scenario file it was played on with --scenario PATH"),
        "{}",
        run.stderr
    );
    assert_eq!(journals(&data), kept);
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn damaged_fifo_and_hostile_journals_are_moved_aside_or_refused_never_followed() {
    let root = temp_dir("hostile-journals");
    let data = root.join("data");
    let dir = counteroffer::session::journal::dir(&data);
    std::fs::create_dir_all(&dir).unwrap();
    mkfifo(&dir.join("a-fifo.json"));
    std::fs::write(dir.join("b-torn.json"), "{\"schema\": 1, \"scen").unwrap();
    let mut zero = good_transcript();
    zero.scenario_id = "/dev/zero".into();
    std::fs::write(dir.join("c-zero.json"), zero.to_json()).unwrap();
    // a journal naming /dev/zero as its scenario file
    let mut value: serde_json::Value = serde_json::from_str(&good_transcript().to_json()).unwrap();
    value["scenario_id"] = "not-shipped".into();
    value["scenario_path"] = "/dev/zero".into();
    std::fs::write(dir.join("d-zero-path.json"), value.to_string()).unwrap();
    let run = play(
        &data,
        &["--scenario", "hengda-packaging-en", "--seed", "4"],
        "/quit\n",
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.elapsed < Duration::from_secs(20), "{run:?}");
    assert!(
        run.stderr.contains("a-fifo.json.damaged")
            && run.stderr.contains("b-torn.json.damaged")
            && run.stderr.contains("an unfinished session of \"/dev/zero\" cannot be resumed: scenario \"/dev/zero\" cannot be found"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("an unfinished session of \"not-shipped\" cannot be resumed: its scenario file /dev/zero does not load: is a character device"),
        "{}",
        run.stderr
    );
    assert!(dir.join("c-zero.json").exists(), "kept, not deleted");
    std::fs::remove_dir_all(root).unwrap();
}

// ---- 5. a non-UTF-8 line ----------------------------------------------

#[test]
fn a_line_that_is_not_utf8_is_reported_and_play_goes_on() {
    let root = temp_dir("not-utf8");
    let out = root.join("t.json");
    let mut input = b"\xff bad\n".to_vec();
    input.extend_from_slice(b"What budget have you set aside?\n");
    input.extend_from_slice(&vec![b'x'; 100 << 10]);
    input.extend_from_slice(b"\nI understand.\n/quit\n");
    let run = run_bounded(
        &[
            "play",
            "--text",
            "--scenario",
            "hengda-packaging-en",
            "--seed",
            "4",
            "--out",
            out.to_str().unwrap(),
        ],
        &input,
        Some(&root.join("data")),
        Duration::from_secs(60),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.contains("Line 1 is not UTF-8 text (bad byte 0xFF after 0 bytes); it was not sent. Type it again; play goes on."),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Line 3 is longer than 64 KiB; it was not sent."),
        "{}",
        run.stdout
    );
    let t = Transcript::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let texts: Vec<&str> = t.turns.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["What budget have you set aside?", "I understand."]);
    std::fs::remove_dir_all(root).unwrap();
}

// ---- 6. two processes, one data folder ---------------------------------

#[test]
fn a_second_process_never_takes_over_a_live_sessions_journal() {
    let root = temp_dir("two-processes");
    let data = root.join("data");
    let mut a = play_in(&data);
    let mut a_in = a.stdin.take().unwrap();
    writeln!(a_in, "{REPLY_1}").unwrap();
    a_in.flush().unwrap();
    let a_journal = wait_for_journal(&data, 1, 1);

    // B, same scenario and seed, is not offered A's live session and
    // leaves A's journal alone when it finishes
    let run = play(
        &data,
        &["--scenario", "hengda-packaging-en", "--seed", "4"],
        &format!("{REPLY_2}\n/quit\n"),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        !run.stdout.contains("An unfinished session"),
        "{}",
        run.stdout
    );
    let left = journals(&data);
    assert_eq!(left.len(), 1, "B's journal went, A's stays");
    assert_eq!(left[0].1, a_journal);

    // A is killed: now it is interrupted and can be resumed
    a.kill().unwrap();
    a.wait().unwrap();
    let out = root.join("a.json");
    let run = play(&data, &["--out", out.to_str().unwrap()], "/resume\n/quit\n");
    assert!(run.stdout.contains("(1 turn) was found"), "{}", run.stdout);
    let resumed = Transcript::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(resumed.turns, a_journal.turns);
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn concurrent_same_seed_sessions_keep_both_transcripts() {
    let root = temp_dir("same-second");
    let data = root.join("data");
    let pairs = 5;
    for _ in 0..pairs {
        let spawn = || {
            let mut c = play_in(&data);
            c.stdin
                .take()
                .unwrap()
                .write_all(b"I understand.\n/quit\n")
                .unwrap();
            c
        };
        let (mut one, mut two) = (spawn(), spawn());
        assert!(one.wait().unwrap().success());
        assert!(two.wait().unwrap().success());
    }
    let saved: Vec<_> = std::fs::read_dir(data.join("transcripts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(saved.len(), 2 * pairs, "{saved:?}");
    for p in &saved {
        assert!(Transcript::from_json(&std::fs::read_to_string(p).unwrap()).is_ok());
    }
    std::fs::remove_dir_all(root).unwrap();
}

// ---- 7. tamper gaps ----------------------------------------------------

#[test]
fn a_forged_fingerprint_never_makes_edited_scores_trusted() {
    let dir = temp_dir("forged");
    let good = good_transcript();
    let mut forged = good.clone();
    forged.scenario_hash = "0000000000000000".into();
    forged.scorecard.overall = 100.0;
    std::fs::write(dir.join("a-forged.json"), forged.to_json()).unwrap();
    let mut rehashed = good.clone();
    rehashed.scenario_hash = "1111111111111111".into();
    std::fs::write(dir.join("b-rehashed.json"), rehashed.to_json()).unwrap();
    let mut opening = good.clone();
    opening.opening[0] = "junk ".repeat(2 << 20);
    std::fs::write(dir.join("c-opening.json"), opening.to_json()).unwrap();
    // saved by an editor with a byte order mark
    std::fs::write(
        dir.join("d-bom.json"),
        format!("\u{feff}{}", good.to_json()),
    )
    .unwrap();

    let run = run_bounded(
        &["summarize", dir.to_str().unwrap()],
        b"",
        None,
        Duration::from_secs(60),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let rows: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(rows.len(), 5, "{}", run.stdout);
    let row = |name: &str| *rows.iter().find(|r| r.contains(name)).unwrap();
    let forged_row = row("a-forged.json");
    assert!(
        forged_row.contains("\"UNVERIFIED: the scenario has changed since"),
        "{forged_row}"
    );
    assert!(
        !forged_row.contains("\"100\""),
        "the claimed score is not in a score cell: {forged_row}"
    );
    assert!(row("b-rehashed.json").contains(
        "\"ok (the scenario's fingerprint differs, but a replay gives exactly this session)\""
    ));
    assert!(
        row("c-opening.json").contains("TAMPERED: the customer's opening differs from a replay")
    );
    assert!(
        row("d-bom.json").ends_with("\"ok\""),
        "{}",
        row("d-bom.json")
    );
    assert!(
        run.stderr
            .contains("4 reports summarized, 0 skipped, 1 flagged as tampered, 1 unverified"),
        "{}",
        run.stderr
    );

    let run = run_bounded(
        &["score", dir.join("a-forged.json").to_str().unwrap()],
        b"",
        None,
        Duration::from_secs(20),
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr
            .contains("its scores cannot be verified\n  help: "),
        "{}",
        run.stderr
    );
    let run = run_bounded(
        &["score", dir.join("d-bom.json").to_str().unwrap()],
        b"",
        None,
        Duration::from_secs(20),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

// ---- 9. smaller ones ---------------------------------------------------

#[test]
fn every_error_in_the_broken_corpus_says_what_to_do() {
    for entry in std::fs::read_dir("tests/broken").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "expected") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            if l.contains(": error: ") {
                assert!(
                    lines.get(i + 1).is_some_and(|h| h.starts_with("  help: ")),
                    "{}: no help after: {l}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn a_cr_only_file_loads_and_reports_real_lines() {
    let src = std::fs::read_to_string("tests/broken/minimal-valid.ron").unwrap();
    let loaded = counteroffer::scenario::parse_str(&src.replace('\n', "\r"), "mac.ron");
    assert!(loaded.scenario.is_some(), "{:?}", loaded.diagnostics);
}

#[test]
fn play_exits_nonzero_when_the_transcript_cannot_be_saved() {
    let root = temp_dir("not-saved");
    let run = run_bounded(
        &[
            "play",
            "--text",
            "--scenario",
            "hengda-packaging-en",
            "--seed",
            "4",
            "--out",
            "/dev/null/t.json",
        ],
        b"I understand.\n/quit\n",
        Some(&root),
        Duration::from_secs(60),
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr
            .contains("error: the transcript could not be saved"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("\n  help: "), "{}", run.stderr);
    assert_eq!(journals(&root).len(), 1, "the session stays in its journal");
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn scenarios_folders_work_for_play_text_and_the_other_subcommands() {
    let root = temp_dir("scenarios-folder");
    let folder = root.join("mine");
    std::fs::create_dir_all(&folder).unwrap();
    custom_scenario(&folder);
    let out = root.join("t.json");
    let run = play(
        &root.join("data"),
        &[
            "--scenarios",
            folder.to_str().unwrap(),
            "--scenario",
            "my-custom",
            "--seed",
            "4",
            "--out",
            out.to_str().unwrap(),
        ],
        "I understand.\n/quit\n",
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let t = out.to_str().unwrap();
    for args in [
        vec!["score", t, "--scenarios", folder.to_str().unwrap()],
        vec!["report", t, "--scenarios", folder.to_str().unwrap()],
        vec!["summarize", t, "--scenarios", folder.to_str().unwrap()],
        vec![
            "simulate",
            "--bot",
            "ideal",
            "--games",
            "1",
            "--scenario",
            "my-custom",
            "--scenarios",
            folder.to_str().unwrap(),
        ],
        vec![
            "analyze",
            "--scenario",
            "my-custom",
            "--scenarios",
            folder.to_str().unwrap(),
            "I understand.",
        ],
    ] {
        let run = run_bounded(&args, b"", None, Duration::from_secs(60));
        assert_eq!(run.code, Some(0), "{args:?}: {run:?}");
    }
    // without the folder the id is not found, and the transcript's id is
    // never taken for a path
    let run = run_bounded(&["score", t], b"", None, Duration::from_secs(20));
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .contains("no shipped scenario has the id \"my-custom\""),
        "{}",
        run.stderr
    );
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn the_class_csv_has_unique_headers_and_defuses_disguised_formulas() {
    use counteroffer::cli::report::csv_cell;
    for name in [
        "\n=1+1",
        " =1+1",
        "\u{ff1d}1+1",
        "\u{3000}@SUM(A1)",
        "\t-2",
        " +3",
    ] {
        assert!(
            csv_cell(name).starts_with("\"'"),
            "{name:?}: {}",
            csv_cell(name)
        );
    }
    assert_eq!(csv_cell("Ann Lee"), "\"Ann Lee\"");
    assert_eq!(
        csv_cell("Ann\u{1b}[2J"),
        "\"Ann\\u{1b}[2J\"",
        "no raw escape sequence"
    );
    assert_eq!(csv_cell("45000"), "\"45000\"");

    let dir = temp_dir("csv-headers");
    std::fs::write(dir.join("a.json"), good_transcript().to_json()).unwrap();
    let run = run_bounded(
        &["summarize", dir.to_str().unwrap()],
        b"",
        None,
        Duration::from_secs(20),
    );
    let header: Vec<&str> = run.stdout.lines().next().unwrap().split(',').collect();
    let mut unique = header.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), header.len(), "{header:?}");
    assert!(
        header.contains(&"\"outcome\"") && header.contains(&"\"outcome score\""),
        "{header:?}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

// ---- kills at random points --------------------------------------------

/// Sessions killed (SIGKILL) at random points: every journal left behind
/// must read, replay to itself, hold a prefix of the replies sent, and be
/// resumable and scored by the next start. `cargo test` kills 12; the long
/// run kills `KILL_RUNS` (README: at least 100), `KILL_SEED` repeats one.
#[test]
fn sessions_killed_at_random_points_recover_intact() {
    use rand::{Rng, SeedableRng};
    let runs: usize = std::env::var("KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12);
    let seed: u64 = std::env::var("KILL_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let p = prepared("hengda-packaging-en");
    let replies = [
        REPLY_1,
        REPLY_2,
        "Of course. What needs to happen on your side before a decision, and who signs off?",
        "If you sign this week, I can do 46,000.",
        "I understand. If you sign today, I can do 45,500 with training included.",
        "Shall we sign at 45,500?",
    ];
    let root = temp_dir("random-kills");
    let (mut journaled, mut intact, mut before_first, mut finished) = (0, 0, 0, 0);
    for run in 0..runs {
        let data = root.join(format!("run-{run}"));
        let mut child = play_in(&data);
        let mut stdin = child.stdin.take().unwrap();
        let start = Instant::now();
        let kill_at = Duration::from_millis(rng.random_range(0..600));
        let mut sent = 0;
        // replies go in with random pauses; the kill lands wherever it lands:
        // at start-up, mid-analysis, mid-write of the journal
        while start.elapsed() < kill_at {
            if sent < replies.len() && rng.random_bool(0.3) {
                let _ = writeln!(stdin, "{}", replies[sent]);
                let _ = stdin.flush();
                sent += 1;
            }
            std::thread::sleep(Duration::from_millis(rng.random_range(1..30)));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let found = journals(&data);
        let on_disk = std::fs::read_dir(counteroffer::session::journal::dir(&data))
            .map(|d| {
                d.flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                    .count()
            })
            .unwrap_or(0);
        assert_eq!(
            found.len(),
            on_disk,
            "run {run} (KILL_SEED={seed}): a torn journal"
        );
        let Some((_, t)) = found.first() else {
            if data.join("transcripts").exists() {
                finished += 1;
            } else {
                before_first += 1;
            }
            continue;
        };
        journaled += 1;
        let texts: Vec<&str> = t.turns.iter().map(|t| t.text.as_str()).collect();
        assert!(
            texts.len() <= sent && texts[..] == replies[..texts.len()],
            "run {run} (KILL_SEED={seed}): {texts:?}"
        );
        assert_eq!(
            counteroffer::session::transcript::check(&p, t),
            counteroffer::session::transcript::Check::Matches(t.scorecard.clone()),
            "run {run} (KILL_SEED={seed})"
        );
        // the next start resumes it
        let out = data.join("scored.json");
        let next = play(&data, &["--out", out.to_str().unwrap()], "/score\n");
        assert_eq!(next.code, Some(0), "run {run} (KILL_SEED={seed}): {next:?}");
        let scored = Transcript::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
        assert_eq!(scored.turns, t.turns, "run {run} (KILL_SEED={seed})");
        assert!(journals(&data).is_empty());
        intact += 1;
    }
    eprintln!(
        "random kills (KILL_SEED={seed}): {runs} sessions killed; {journaled} had saved a turn, {intact} of them recovered intact; {before_first} were killed before their first turn was saved, {finished} after they had finished"
    );
    assert_eq!(intact, journaled);
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn command_line_errors_say_what_to_do() {
    let dir = temp_dir("cli-help");
    std::fs::write(dir.join("t.json"), good_transcript().to_json()).unwrap();
    let t = dir.join("t.json");
    let t = t.to_str().unwrap();
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    for args in [
        vec!["analyze"],
        vec!["check", empty.to_str().unwrap()],
        vec!["report", t, "-o", "/dev/null/r.md"],
        vec!["summarize", t, "-o", "/dev/null/c.csv"],
        vec!["score", "/dev/zero"],
        vec!["play", "--text", "--scenario", "no-such-id"],
    ] {
        let run = run_bounded(&args, b"", Some(&dir.join("data")), Duration::from_secs(20));
        assert_ne!(run.code, Some(0), "{args:?}: {run:?}");
        assert!(run.stderr.contains("error: "), "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("\n  help: "),
            "{args:?}: {}",
            run.stderr
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}
