//! Shipped scenarios load cleanly; every broken file gives its expected
//! message (snapshots in tests/broken/*.expected).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use counteroffer::scenario::{
    Loaded, ObjectionKind, load_file, load_paths, parse_bytes, parse_str,
};

fn shipped() -> Vec<Loaded> {
    load_paths(&[PathBuf::from("scenarios")])
}

fn render(loaded: &Loaded) -> String {
    loaded
        .diagnostics
        .iter()
        .map(|d| format!("{d}\n"))
        .collect()
}

#[test]
fn every_shipped_scenario_loads_without_errors_or_warnings() {
    let all = shipped();
    assert!(
        all.len() >= 6,
        "expected six scenarios, found {}",
        all.len()
    );
    for loaded in &all {
        assert!(
            loaded.scenario.is_some() && loaded.diagnostics.is_empty(),
            "{}:\n{}",
            loaded.path,
            render(loaded)
        );
    }
}

#[test]
fn shipped_scenarios_cover_both_languages_industries_and_openings() {
    let all: Vec<_> = shipped().into_iter().filter_map(|l| l.scenario).collect();
    let count = |lang: &str| all.iter().filter(|s| s.language == lang).count();
    assert!(count("en") >= 3 && count("zh-CN") >= 3);
    let industries: HashSet<_> = all.iter().map(|s| s.industry.as_str()).collect();
    assert!(industries.len() >= 5, "industries: {industries:?}");
    let openings: HashSet<ObjectionKind> = all
        .iter()
        .map(|s| s.opening().expect("validated").kind)
        .collect();
    assert_eq!(
        openings.len(),
        3,
        "the scenarios should lead with price, fit and delay between them"
    );
    for s in &all {
        assert!(
            s.option_count() >= 6,
            "{} has only {} reply options",
            s.id,
            s.option_count()
        );
    }
}

#[test]
fn broken_files_give_their_expected_messages() {
    let dir = Path::new("tests/broken");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .filter(|p| !p.ends_with("minimal-valid.ron"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 15,
        "the broken corpus has only {} files",
        files.len()
    );
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut mismatches = Vec::new();
    for file in &files {
        let loaded = load_file(file);
        assert!(
            loaded.scenario.is_none(),
            "{} should not load",
            file.display()
        );
        let actual = render(&loaded);
        let expected_path = file.with_extension("expected");
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            mismatches.push(format!(
                "{}\n--- expected\n{expected}--- actual\n{actual}",
                file.display()
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{}\n(run with UPDATE_SNAPSHOTS=1 to accept)",
        mismatches.join("\n")
    );
}

#[test]
fn the_minimal_scenario_loads_with_crlf_and_a_bom() {
    let src = std::fs::read_to_string("tests/broken/minimal-valid.ron").unwrap();
    assert!(parse_str(&src, "minimal").scenario.is_some());
    let windows = format!("\u{feff}{}", src.replace('\n', "\r\n"));
    let loaded = parse_str(&windows, "minimal-crlf");
    assert!(loaded.scenario.is_some(), "{}", render(&loaded));
}

#[test]
fn crlf_files_report_the_same_positions() {
    let src = std::fs::read_to_string("tests/broken/dangling-pain.ron").unwrap();
    let unix = render(&parse_str(&src, "f"));
    let windows = render(&parse_str(&src.replace('\n', "\r\n"), "f"));
    assert_eq!(unix, windows);
}

#[test]
fn a_two_mebibyte_file_is_refused_unparsed() {
    let mut big = std::fs::read("tests/broken/minimal-valid.ron").unwrap();
    big.resize(2 << 20, b' ');
    let loaded = parse_bytes(&big, "big.ron");
    assert!(loaded.scenario.is_none());
    assert!(
        render(&loaded).contains("at most 1 MiB"),
        "{}",
        render(&loaded)
    );

    let dir = std::env::temp_dir().join(format!("counteroffer-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.ron");
    std::fs::write(&path, &big).unwrap();
    let loaded = load_file(&path);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        render(&loaded).contains("larger than 1 MiB"),
        "{}",
        render(&loaded)
    );
}

#[test]
fn a_bad_file_does_not_stop_the_good_ones_in_a_folder() {
    let all = load_paths(&[PathBuf::from("tests/broken")]);
    let good: Vec<_> = all.iter().filter_map(|l| l.scenario.as_ref()).collect();
    assert_eq!(good.len(), 1);
    assert_eq!(good[0].id, "minimal");
    assert!(all.len() >= 16);
}

#[test]
fn duplicate_scenario_ids_across_files_are_reported() {
    let file = PathBuf::from("tests/broken/minimal-valid.ron");
    let all = load_paths(&[file.clone(), file]);
    assert!(all[0].scenario.is_some());
    assert!(all[1].scenario.is_none());
    assert!(
        render(&all[1])
            .contains("scenario id \"minimal\" is already used by tests/broken/minimal-valid.ron")
    );
}

#[test]
fn the_built_in_copies_are_the_shipped_files() {
    let mut on_disk: Vec<String> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    on_disk.sort();
    let built_in = counteroffer::scenario::builtin_scenarios();
    let names: Vec<String> = built_in
        .iter()
        .map(|l| l.path.trim_start_matches("(built in) ").to_string())
        .collect();
    assert_eq!(
        names, on_disk,
        "add new scenario files to builtin_scenarios()"
    );
    assert!(
        built_in
            .iter()
            .all(|l| l.scenario.is_some() && l.diagnostics.is_empty())
    );
}

#[test]
fn a_link_leading_out_of_the_scenario_folder_is_refused() {
    let root = std::env::temp_dir().join(format!("co-links-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let folder = root.join("scenarios");
    std::fs::create_dir_all(&folder).unwrap();
    let outside = root.join("elsewhere.ron");
    std::fs::copy("tests/broken/minimal-valid.ron", &outside).unwrap();
    std::fs::copy(
        "tests/broken/minimal-valid.ron",
        folder.join("inside-original.ron"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, folder.join("link-out.ron")).unwrap();
    let results = load_paths(std::slice::from_ref(&folder));
    let link = results
        .iter()
        .find(|l| l.path.ends_with("link-out.ron"))
        .unwrap();
    assert!(link.scenario.is_none());
    let message = link.diagnostics[0].to_string();
    assert!(
        message.contains("is a link to") && message.contains("outside the scenario folder"),
        "{message}"
    );
    assert!(
        results
            .iter()
            .any(|l| l.path.ends_with("inside-original.ron") && l.scenario.is_some())
    );
    // the checker reports it like any other bad file
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_counteroffer"))
        .arg("check")
        .arg(&folder)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("outside the scenario folder"));
    std::fs::remove_dir_all(&root).unwrap();
}
