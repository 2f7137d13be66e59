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
    let ok_lines = |kind: &str| out.lines().filter(|l| l.starts_with(kind)).count();
    assert_eq!(ok_lines("ok  lexicon "), 2, "{out}");
    assert_eq!(ok_lines("ok  "), 8, "{out}");
    assert!(out.contains("6 scenarios valid, 0 invalid"), "{out}");
    assert!(out.contains("2 lexicons valid, 0 invalid"), "{out}");
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

#[test]
fn lexicons_are_checked_with_located_errors() {
    let dir = std::env::temp_dir().join(format!("co-lexicon-{}", std::process::id()));
    let lexicon_dir = dir.join("lexicon");
    std::fs::create_dir_all(&lexicon_dir).unwrap();
    let shipped = std::fs::read_to_string("assets/lexicon/en.ron").unwrap();

    let empty_phrase = lexicon_dir.join("en.ron");
    std::fs::write(
        &empty_phrase,
        shipped.replacen("listen: [", "listen: [\"\", ", 1),
    )
    .unwrap();
    let (code, _, err) = check(&[empty_phrase.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("`listen` contains an empty phrase"), "{err}");
    let listen_line = shipped
        .lines()
        .position(|l| l.contains("listen: ["))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("en.ron:{listen_line}:")), "{err}");

    std::fs::write(
        &empty_phrase,
        shipped.replacen("listen: [", "listen: 3, old: [", 1),
    )
    .unwrap();
    let (code, _, err) = check(&[lexicon_dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(&format!("en.ron:{listen_line}:")), "{err}");

    let misnamed = lexicon_dir.join("fr.ron");
    std::fs::remove_file(&empty_phrase).unwrap();
    std::fs::write(&misnamed, &shipped).unwrap();
    let (code, _, err) = check(&[misnamed.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("says language \"en\""), "{err}");

    std::fs::write(lexicon_dir.join("en.ron"), &shipped).unwrap();
    std::fs::remove_file(&misnamed).unwrap();
    let (code, out, err) = check(&[lexicon_dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 lexicons valid, 0 invalid"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn word_lists_are_checked_with_located_errors() {
    let dir = std::env::temp_dir().join(format!("co-word-lists-{}", std::process::id()));
    let lexicon_dir = dir.join("lexicon");
    std::fs::create_dir_all(&lexicon_dir).unwrap();
    for lang in ["en", "zh-CN"] {
        let shipped = std::fs::read_to_string(format!("assets/lexicon/{lang}.ron")).unwrap();
        let file = lexicon_dir.join(format!("{lang}.ron"));
        for name in [
            "per_period",
            "currency_words",
            "percent",
            "discount_after",
            "discount_links",
            "year_before",
            "year_after",
            "fraction_after",
            "not_zhe",
            "clause_joins",
        ] {
            let opening = format!("{name}: [");
            std::fs::write(
                &file,
                shipped.replacen(&opening, &format!("{opening}\"\", "), 1),
            )
            .unwrap();
            let (code, _, err) = check(&[file.to_str().unwrap()]);
            assert_eq!(code, 1, "{err}");
            assert!(
                err.contains(&format!("`{name}` contains an empty phrase")),
                "{err}"
            );
            let line = shipped.lines().position(|l| l.contains(&opening)).unwrap() + 1;
            assert!(err.contains(&format!("{lang}.ron:{line}:")), "{err}");
        }
        std::fs::remove_file(&file).unwrap();
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
