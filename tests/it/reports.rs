//! Reports, history and the class summary.

use std::path::{Path, PathBuf};
use std::process::Command;

use counteroffer::history::{self, Entry};
use counteroffer::report::{Format, Report};
use counteroffer::scenario::shipped_scenarios;
use counteroffer::scenario::{Difficulty, ObjectionKind, Scenario};
use counteroffer::session::bots::{self, Kind};
use counteroffer::session::transcript::Transcript;
use counteroffer::session::{Prepared, Session};

fn scenario(id: &str) -> Scenario {
    shipped_scenarios()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap()
}

/// A session with hostile player text in it.
fn hostile_transcript(id: &str) -> Transcript {
    let p = Prepared::new(scenario(id)).unwrap();
    let mut s = Session::start(&p, Difficulty::Normal, 4);
    s.reply("I understand. <script>alert(1)</script> | **bold** # heading")
        .unwrap();
    s.reply("So the concern is the price. What budget do you have approved?")
        .unwrap();
    s.end();
    let mut t = Transcript::from_session(&s);
    t.student = Some("=HYPERLINK(\"http://x\") <img src=x>".into());
    t
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("co-reports-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn each_format_renders_and_json_round_trips() {
    for id in ["hengda-packaging-en", "deren-dental-zh"] {
        let t = hostile_transcript(id);
        let s = scenario(id);
        let r = Report::new(&t, &s);

        let md = r.render(Format::Markdown);
        let heading = if id.ends_with("zh") {
            "# 谈判练习报告"
        } else {
            "# Negotiation practice report"
        };
        assert!(md.starts_with(heading), "{md}");
        assert!(md.contains("|---|---:|"), "score table");
        assert!(md.contains(&format!("{:.0}", t.scorecard.overall)));
        assert!(
            md.contains("&lt;script&gt;") && !md.contains("<script>"),
            "player text escaped in Markdown"
        );
        assert!(md.contains("\\*\\*bold\\*\\*") && md.contains("\\# heading"));

        let json = r.render(Format::Json);
        assert_eq!(
            Transcript::from_json(&json).unwrap(),
            t,
            "the JSON report is the transcript"
        );

        let html = r.render(Format::Html);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(
            html.contains("<svg") && html.contains("<polyline")
                || html.contains("<circle")
                || html.contains("<rect")
        );
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "player text appears as text"
        );
        assert!(!html.contains("<script"), "no script element at all");
        assert!(!html.contains("<img"), "student name escaped");
        assert!(
            !html.contains("src=\"") && !html.contains("href=\"") && !html.contains("@import"),
            "self-contained"
        );
        assert!(html.contains("@page { size: A4"));
    }
}

#[test]
fn the_report_command_writes_each_format() {
    let dir = temp_dir("cmd");
    let t = hostile_transcript("hengda-packaging-en");
    let input = dir.join("t.json");
    std::fs::write(&input, t.to_json()).unwrap();
    for format in ["md", "json", "html"] {
        let out = dir.join(format!("r.{format}"));
        let status = Command::new(env!("CARGO_BIN_EXE_counteroffer"))
            .args(["report", "--format", format, "-o"])
            .arg(&out)
            .arg(&input)
            .status()
            .unwrap();
        assert!(status.success());
        assert!(
            std::fs::metadata(&out).unwrap().len() > 500,
            "{format} report written"
        );
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_counteroffer"))
        .args(["report", "no/such.json"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr)
            .contains("no/such.json: error: the file does not exist")
    );
    std::fs::remove_dir_all(dir).unwrap();
}

fn entry(id: &str, overall: f64, kinds: &[(ObjectionKind, f64)]) -> Entry {
    Entry {
        scenario_id: id.into(),
        title: id.into(),
        difficulty: Difficulty::Normal,
        seed: 1,
        finished_at: 0,
        deal: true,
        price: Some(1.0),
        overall,
        dimensions: vec![(counteroffer::scoring::scorecard::Dimension::Laer, overall)],
        objections: kinds.to_vec(),
    }
}

#[test]
fn history_survives_a_torn_last_line_and_shows_progress() {
    let dir = temp_dir("history");
    let path = dir.join("history.jsonl");
    history::append(
        &path,
        &entry(
            "hengda-packaging-en",
            60.0,
            &[(ObjectionKind::Price, 80.0), (ObjectionKind::Delay, 20.0)],
        ),
    )
    .unwrap();
    history::append(
        &path,
        &entry("hengda-packaging-en", 75.0, &[(ObjectionKind::Delay, 30.0)]),
    )
    .unwrap();
    // a crash in the middle of the third write
    let mut torn = serde_json::to_string(&entry("brightwater-saas-en", 90.0, &[])).unwrap();
    torn.truncate(torn.len() / 2);
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, torn.as_bytes()))
        .unwrap();
    let (entries, skipped) = history::read(&path);
    assert_eq!((entries.len(), skipped), (2, 1));
    // appending after a torn line still gives readable entries
    history::append(
        &path,
        &entry("reilly-training-en", 50.0, &[(ObjectionKind::Fit, 70.0)]),
    )
    .unwrap();
    let (entries, skipped) = history::read(&path);
    assert_eq!(
        (entries.len(), skipped),
        (3, 1),
        "the next entry starts on a fresh line"
    );

    let all = shipped_scenarios();
    let refs: Vec<&Scenario> = all.iter().collect();
    let p = history::progress(&entries, &refs);
    assert_eq!(p.sessions, 3);
    assert_eq!(
        p.best[0],
        (
            "hengda-packaging-en".to_string(),
            "hengda-packaging-en".to_string(),
            75.0
        )
    );
    let (kind, avg) = p.weakest.unwrap();
    assert_eq!(kind, ObjectionKind::Delay);
    assert!((avg - 25.0).abs() < 1e-9);
    let suggested = all
        .iter()
        .find(|s| Some(&s.id) == p.suggestion.as_ref())
        .unwrap();
    assert_eq!(suggested.opening().unwrap().kind, ObjectionKind::Delay);
    assert_eq!(
        history::read(Path::new("/no/such/history.jsonl")),
        (Vec::new(), 0)
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn summarize_lists_good_reports_skips_bad_ones_and_flags_tampering() {
    let dir = temp_dir("summary");
    let p = Prepared::new(scenario("reilly-training-en")).unwrap();
    let good = Transcript::from_session(&bots::play(&p, Kind::Ideal, Difficulty::Normal, 3));
    std::fs::write(dir.join("a-good.json"), good.to_json()).unwrap();
    let mut tampered = good.clone();
    tampered.student = Some("-2+3".into());
    tampered.scorecard.overall = 100.0;
    std::fs::write(dir.join("b-tampered.json"), tampered.to_json()).unwrap();
    std::fs::write(dir.join("c-bad.json"), "{\"not\": \"a report\"}").unwrap();
    std::fs::write(dir.join("notes.txt"), "ignored").unwrap();
    let csv = dir.join("class.csv");
    let out = Command::new(env!("CARGO_BIN_EXE_counteroffer"))
        .arg("summarize")
        .arg(&dir)
        .arg("-o")
        .arg(&csv)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("c-bad.json: skipped: not a Counteroffer transcript"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 reports summarized, 1 skipped, 1 flagged as tampered"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("\"file\",\"student\",\"scenario\""));
    assert!(
        lines[1].contains("\"reilly-training-en\"") && lines[1].ends_with("\"ok\""),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains("TAMPERED"), "{}", lines[2]);
    assert!(
        lines[2].contains("\"'-2+3\""),
        "a formula-looking cell is defused: {}",
        lines[2]
    );

    let md = Command::new(env!("CARGO_BIN_EXE_counteroffer"))
        .args(["summarize", "--format", "md"])
        .arg(dir.join("a-good.json"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&md.stdout).starts_with("| file | student |"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn progress_calls_nothing_weak_at_80_and_suggests_from_the_scenarios_given() {
    let entries = vec![entry(
        "hengda-packaging-en",
        70.0,
        &[(ObjectionKind::Price, 80.0)],
    )];
    let all = shipped_scenarios();
    let english: Vec<&Scenario> = all.iter().filter(|s| s.language == "en").collect();
    let p = history::progress(&entries, &english);
    assert_eq!(p.weakest, None, "a LAER average of 80 is no weak spot");
    let suggested = p.suggestion.expect("something to practise");
    assert!(
        english.iter().any(|s| s.id == suggested),
        "{suggested} is not one of the English scenarios"
    );
    assert_ne!(suggested, "hengda-packaging-en", "one not played yet");
    // below the line it is named, and the suggestion opens with it
    let low = vec![entry(
        "hengda-packaging-en",
        40.0,
        &[(ObjectionKind::Price, 45.0)],
    )];
    let p = history::progress(&low, &english);
    assert_eq!(p.weakest.map(|w| w.0), Some(ObjectionKind::Price));
}
