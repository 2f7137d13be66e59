//! `counteroffer check`: output and exit codes as documented.

use std::process::Command;

fn check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_counteroffer"))
        .arg("check")
        .args(args)
        .output()
        .expect("run counteroffer");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn shipped_scenarios_pass_and_are_listed() {
    let (code, out, err) = check(&[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("ok  ")).count(),
        6,
        "{out}"
    );
    assert!(out.contains("6 scenarios valid, 0 invalid"), "{out}");
}

#[test]
fn a_broken_file_fails_with_a_located_message() {
    let (code, _, err) = check(&["tests/broken/dangling-pain.ron"]);
    assert_eq!(code, 1);
    assert!(err.contains("tests/broken/dangling-pain.ron:15:"), "{err}");
    assert!(err.contains("help: did you mean \"slow\"?"), "{err}");
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let (code, _, err) = check(&["no/such/file.ron"]);
    assert_eq!(code, 2);
    assert!(err.contains("does not exist"), "{err}");
}
