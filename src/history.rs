//! Practice history: one JSON line per finished session, appended and
//! synced, in `history.jsonl` in the data directory. The reader skips a
//! torn or damaged line instead of failing, so a crash mid-write loses at
//! most that session.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::record::Outcome;
use crate::scenario::{Difficulty, ObjectionKind, Scenario};
use crate::scoring::scorecard::Dimension;
use crate::session::transcript::Transcript;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub scenario_id: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub seed: u64,
    pub finished_at: u64,
    pub deal: bool,
    pub price: Option<f64>,
    pub overall: f64,
    pub dimensions: Vec<(Dimension, f64)>,
    /// LAER points per kind of objection met in the session (0-100).
    pub objections: Vec<(ObjectionKind, f64)>,
}

impl Entry {
    pub fn from_transcript(t: &Transcript, scenario: &Scenario) -> Entry {
        // LAER points per objection met, then their mean per kind
        let met = scenario.objections.iter().filter_map(|o| {
            let laer = t.scorecard.objection_score(Dimension::Laer, &o.id)?;
            Some((o.kind, laer))
        });
        let objections = mean_by_kind(met);
        Entry {
            scenario_id: t.scenario_id.clone(),
            title: scenario.title.clone(),
            difficulty: t.difficulty,
            seed: t.seed,
            finished_at: t.finished_at,
            deal: matches!(t.outcome, Some(Outcome::Deal { .. })),
            price: match t.outcome {
                Some(Outcome::Deal { price, .. }) => Some(price),
                _ => None,
            },
            overall: t.scorecard.overall,
            dimensions: t.scorecard.dimensions.clone(),
            objections,
        }
    }
}

/// Appends one entry as a line and syncs it to disk.
pub fn append(path: &Path, entry: &Entry) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut line = serde_json::to_string(entry).expect("entries serialize");
    line.push('\n');
    // after a torn write the file ends mid-line: start on a fresh one
    let torn = last_byte(path).is_some_and(|c| c != b'\n');
    if torn {
        line.insert(0, '\n');
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    f.write_all(line.as_bytes())?;
    f.sync_all()
}

fn last_byte(path: &Path) -> Option<u8> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = std::fs::File::open(path).ok()?;
    f.seek(SeekFrom::End(-1)).ok()?;
    let mut b = [0u8];
    f.read_exact(&mut b).ok()?;
    Some(b[0])
}

/// Every readable entry, oldest first, and how many lines were skipped.
pub fn read(path: &Path) -> (Vec<Entry>, usize) {
    read_checked(path).unwrap_or_default()
}

/// [`read`], with the reason when the file itself cannot be read (it is
/// not a regular file, or it is larger than 64 MiB); a missing file is an
/// empty history.
pub fn read_checked(path: &Path) -> Result<(Vec<Entry>, usize), String> {
    let bytes = match crate::storage::read_bounded(path, crate::storage::cap::HISTORY) {
        Ok(bytes) => bytes,
        Err(e) if e.is_not_found() => return Ok((Vec::new(), 0)),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut skipped = 0;
    let entries = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| match serde_json::from_str(l) {
            Ok(e) => Some(e),
            Err(_) => {
                skipped += 1;
                None
            }
        })
        .collect();
    Ok((entries, skipped))
}

/// The mean value per objection kind, in kind order.
fn mean_by_kind(
    values: impl IntoIterator<Item = (ObjectionKind, f64)>,
) -> Vec<(ObjectionKind, f64)> {
    let mut sums: BTreeMap<&'static str, (ObjectionKind, f64, u32)> = BTreeMap::new();
    for (kind, v) in values {
        let e = sums.entry(kind.name()).or_insert((kind, 0.0, 0));
        e.1 += v;
        e.2 += 1;
    }
    sums.into_values()
        .map(|(k, sum, n)| (k, sum / f64::from(n)))
        .collect()
}

/// What the Progress screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Per dimension, the scores of the most recent sessions, oldest first
    /// (sessions where it was not assessed are left out).
    pub trend: Vec<(Dimension, Vec<f64>)>,
    /// Best overall per scenario id, with its title.
    pub best: Vec<(String, String, f64)>,
    /// The objection kind with the lowest average LAER score, and that
    /// score; only when it is weak (below [`WEAK_BELOW`]).
    pub weakest: Option<(ObjectionKind, f64)>,
    /// Among the scenarios given (the caller gives those in the player's
    /// language): one that opens with the weakest kind, else any, played
    /// least so far.
    pub suggestion: Option<String>,
    pub sessions: usize,
}

/// How many recent sessions the trend shows.
pub const RECENT: usize = 10;

/// An objection kind handled with a LAER average below this is weak; at or
/// above it, nothing is called weak (a score of 80 is not a weakness).
pub const WEAK_BELOW: f64 = 60.0;

pub fn progress(entries: &[Entry], scenarios: &[&Scenario]) -> Progress {
    let recent = &entries[entries.len().saturating_sub(RECENT)..];
    let trend = Dimension::ALL
        .iter()
        .map(|&d| {
            // a session where the dimension was not assessed adds no point
            let values = recent
                .iter()
                .filter_map(|e| e.dimensions.iter().find(|(x, _)| *x == d).map(|(_, v)| *v))
                .collect();
            (d, values)
        })
        .collect();
    let mut best: BTreeMap<String, (String, f64)> = BTreeMap::new();
    for e in entries {
        let b = best
            .entry(e.scenario_id.clone())
            .or_insert((e.title.clone(), e.overall));
        b.1 = b.1.max(e.overall);
    }
    let weakest = mean_by_kind(entries.iter().flat_map(|e| e.objections.iter().copied()))
        .into_iter()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .filter(|(_, score)| *score < WEAK_BELOW);
    let played = |id: &str| entries.iter().filter(|e| e.scenario_id == id).count();
    let least_played = |kind: Option<ObjectionKind>| {
        scenarios
            .iter()
            .filter(|s| kind.is_none_or(|k| s.opening().is_some_and(|o| o.kind == k)))
            .min_by_key(|s| (played(&s.id), s.id.clone()))
            .map(|s| s.id.clone())
    };
    let suggestion = weakest
        .and_then(|(kind, _)| least_played(Some(kind)))
        .or_else(|| least_played(None));
    Progress {
        trend,
        best: best
            .into_iter()
            .map(|(id, (title, v))| (id, title, v))
            .collect(),
        weakest,
        suggestion,
        sessions: entries.len(),
    }
}
