//! Reading scenario files: size and encoding checks, RON parsing with
//! located errors, then semantic validation. A bad file never stops the
//! others in a folder from loading.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;

use super::schema::Scenario;
use super::validate::validate;
use crate::diagnostic::{Diagnostic, did_you_mean, line_col, shown};
use crate::storage::{ReadError, cap, link_leaves, read_bounded, size};

/// Scenario files larger than this are refused unread.
pub const MAX_FILE_BYTES: u64 = cap::SCENARIO;
const RECURSION_LIMIT: usize = 64;

/// The outcome of loading one file: the scenario when it has no errors, and
/// every diagnostic (warnings included) either way.
#[derive(Debug)]
pub struct Loaded {
    pub path: String,
    pub scenario: Option<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    fn failed(path: &str, diagnostic: Diagnostic) -> Self {
        Loaded {
            path: path.to_string(),
            scenario: None,
            diagnostics: vec![diagnostic],
        }
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// Loads one file from disk, with a bound: a FIFO, a device or a file
/// over 1 MiB is refused unread.
pub fn load_file(path: &Path) -> Loaded {
    let label = path.display().to_string();
    match read_bounded(path, MAX_FILE_BYTES) {
        Ok(bytes) => parse_bytes(&bytes, &label),
        Err(e) => Loaded::failed(&label, read_error(&label, &e)),
    }
}

/// A file that could not be read, as a diagnostic on the whole file.
fn read_error(label: &str, e: &ReadError) -> Diagnostic {
    let d = Diagnostic::error(label, (0, 0), e.to_string());
    match e {
        ReadError::TooLarge { .. } => Diagnostic::error(
            label,
            (0, 0),
            format!(
                "the file is larger than {}, the most a scenario file may be; it is not read",
                size(MAX_FILE_BYTES)
            ),
        )
        .with_help("split it or remove the bulk; a scenario is a few dozen KiB"),
        ReadError::NotRegular(_) => d.with_help("give a scenario file (.ron) saved on disk"),
        other => d.with_help(other.help()),
    }
}

/// Checks the encoding, then parses and validates.
pub fn parse_bytes(bytes: &[u8], path: &str) -> Loaded {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let d = Diagnostic::error(
            path,
            (0, 0),
            format!(
                "the text is {} bytes; scenario files may be at most 1 MiB",
                bytes.len()
            ),
        )
        .with_help("split it or remove the bulk; a scenario is a few dozen KiB");
        return Loaded::failed(path, d);
    }
    match std::str::from_utf8(bytes) {
        Ok(src) => parse_str(src, path),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let d = Diagnostic::error(
                path,
                line_col(valid, valid.len()),
                format!(
                    "the file is not UTF-8 (bad byte 0x{:02X})",
                    bytes[e.valid_up_to()]
                ),
            )
            .with_help("save the file as UTF-8 in your editor");
            Loaded::failed(path, d)
        }
    }
}

/// Parses and validates scenario text; `path` labels the diagnostics.
pub fn parse_str(src: &str, path: &str) -> Loaded {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    // classic Mac line ends (a lone CR): lines as the author sees them
    let unix;
    let src = if has_lone_cr(src) {
        unix = src.replace("\r\n", "\n").replace('\r', "\n");
        unix.as_str()
    } else {
        src
    };
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT);
    match options.from_str::<Scenario>(src) {
        Ok(scenario) => {
            let mut diagnostics = validate(&scenario, src, path);
            diagnostics.sort_by_key(|d| (d.severity, d.line, d.col));
            let ok = !diagnostics.iter().any(Diagnostic::is_error);
            Loaded {
                path: path.to_string(),
                scenario: ok.then_some(scenario),
                diagnostics,
            }
        }
        Err(e) => Loaded::failed(path, parse_error(path, src, &e)),
    }
}

/// Whether a CR ends a line on its own somewhere.
fn has_lone_cr(src: &str) -> bool {
    let bytes = src.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
}

/// The byte offset of a parser position (1-based line, character column).
fn offset_of(src: &str, pos: &ron::error::Position) -> usize {
    let line_start = src
        .split_inclusive('\n')
        .take(pos.line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        .min(src.len());
    let rest = &src[line_start..];
    line_start
        + rest
            .char_indices()
            .nth(pos.col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

fn parse_error(path: &str, src: &str, e: &ron::error::SpannedError) -> Diagnostic {
    use ron::error::Error as E;
    let at = (e.span.start.line, e.span.start.col);
    let suggest =
        |found: &str, expected: &[&str]| match did_you_mean(found, expected.iter().copied()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("write one of: {}", expected.join(", ")),
        };
    let within = |outer: &Option<String>| {
        outer
            .as_ref()
            .map(|o| format!(" in `{o}`"))
            .unwrap_or_default()
    };
    let (message, help) = match &e.code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            format!("unknown field `{}`{}", shown(found, 64), within(outer)),
            Some(suggest(found, expected)),
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            format!("unknown variant `{}`{}", shown(found, 64), within(outer)),
            Some(suggest(found, expected)),
        ),
        E::MissingStructField { field, outer } => (
            format!("missing field `{field}`{}", within(outer)),
            Some(format!(
                "add `{field}: ...`; docs/authoring.md describes every field"
            )),
        ),
        E::DuplicateStructField { field, outer } => (
            format!("field `{field}` appears twice{}", within(outer)),
            Some("keep one of them".into()),
        ),
        E::ExpectedComma if decimal_at(src, &e.span.start) => (
            "expected a whole number, found a decimal point".to_string(),
            Some("this field takes a whole number such as 60, without a decimal point".into()),
        ),
        E::ExceededRecursionLimit => (
            format!("brackets are nested more than {RECURSION_LIMIT} levels deep"),
            Some("scenario files are only a few levels deep; remove the extra brackets".into()),
        ),
        _ if only_blank_after(src, &e.span.end) => (
            format!(
                "the file ends too early ({})",
                lowercase_first(&e.code.to_string())
            ),
            Some("the file looks truncated: look for a missing `)`, `]` or `\"` at the end".into()),
        ),
        other => {
            let help = match other {
                E::ExpectedComma => Some(
                    "separate entries with `,`; if the line above has text, check that its closing `\"` is there",
                ),
                E::ExpectedFloat | E::ExpectedInteger => {
                    Some("write a number without quotes, e.g. 1000.0")
                }
                E::ExpectedString => Some("text goes in double quotes: \"like this\""),
                E::Utf8Error(_) => Some("save the file as UTF-8 in your editor"),
                _ => Some("compare the text here with the example in docs/authoring.md"),
            };
            (lowercase_first(&other.to_string()), help.map(String::from))
        }
    };
    let d = Diagnostic::error(path, at, message);
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

/// Whether nothing but whitespace follows `pos`: the parser ran out of text.
fn only_blank_after(src: &str, pos: &ron::error::Position) -> bool {
    src[offset_of(src, pos)..].trim().is_empty()
}

/// Whether a decimal part sits at `pos`, right after digits: a number with
/// a decimal point where a whole number was expected (`staff: 60.5`).
fn decimal_at(src: &str, pos: &ron::error::Position) -> bool {
    let at = offset_of(src, pos);
    let (before, after) = src.split_at(at);
    before.ends_with(|c: char| c.is_ascii_digit())
        && after.starts_with('.')
        && after[1..].starts_with(|c: char| c.is_ascii_digit())
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Loads files and folders (their `.ron` files, sorted) and reports scenario
/// ids used by more than one file.
pub fn load_paths(paths: &[PathBuf]) -> Vec<Loaded> {
    // each file with the folder it was found in, if any
    let mut files: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
    let mut results = Vec::new();
    for path in paths {
        if path.is_dir() {
            match ron_files_in(path) {
                Ok(found) => files.extend(found.into_iter().map(|f| (f, Some(path.clone())))),
                Err(e) => results.push(Loaded::failed(
                    &path.display().to_string(),
                    Diagnostic::error(
                        &path.display().to_string(),
                        (0, 0),
                        format!("cannot list the folder: {e}"),
                    ),
                )),
            }
        } else {
            files.push((path.clone(), None));
        }
    }
    results.extend(files.iter().map(|(f, dir)| {
        match dir.as_deref().and_then(|d| link_leaves(f, d)) {
            Some(target) => Loaded::failed(
                &f.display().to_string(),
                Diagnostic::error(
                    &f.display().to_string(),
                    (0, 0),
                    format!(
                        "is a link to {} outside the scenario folder; it is not read",
                        target.display()
                    ),
                )
                .with_help("copy the scenario into the folder instead of linking to it"),
            ),
            None => load_file(f),
        }
    }));
    flag_duplicate_ids(&mut results);
    results
}

fn ron_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        // everything named .ron but a folder: a FIFO, a device or a looping
        // link is reported by the loader, not skipped in silence
        .filter(|p| p.extension().is_some_and(|e| e == "ron") && !p.is_dir())
        .collect();
    files.sort();
    Ok(files)
}

fn flag_duplicate_ids(results: &mut [Loaded]) {
    let mut first_seen: HashMap<String, String> = HashMap::new();
    for loaded in results.iter_mut() {
        let Some(id) = loaded.scenario.as_ref().map(|s| s.id.clone()) else {
            continue;
        };
        if let Some(first) = first_seen.get(&id) {
            loaded.diagnostics.push(
                Diagnostic::error(
                    &loaded.path,
                    (0, 0),
                    format!("scenario id \"{id}\" is already used by {first}"),
                )
                .with_help("give every scenario file its own id"),
            );
            loaded.scenario = None;
        } else {
            first_seen.insert(id, loaded.path.clone());
        }
    }
}

/// The shipped scenarios, built into the binary so a copied executable
/// still has them when no `scenarios/` folder is found.
pub fn builtin_scenarios() -> Vec<Loaded> {
    macro_rules! shipped {
        ($($name:literal),+ $(,)?) => {
            vec![$(parse_str(include_str!(concat!("../../scenarios/", $name)), concat!("(built in) ", $name))),+]
        };
    }
    shipped![
        "brightwater-saas-en.ron",
        "deren-dental-zh.ron",
        "haiyue-hvac-zh.ron",
        "hengda-packaging-en.ron",
        "hengda-packaging-zh.ron",
        "reilly-training-en.ron",
    ]
}
