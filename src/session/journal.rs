//! The session in progress, saved after every turn so a crash or a kill
//! loses at most the reply being typed. Each session has a journal of its
//! own in `journals/` in the data directory (written atomically), locked
//! while its process runs, so two processes on one data folder never
//! overwrite or delete each other's. On the next start the player can
//! resume an interrupted one, have it scored as it stands, discard it, or
//! set it aside: then it stays where it is and is offered again.
//!
//! A journal is a transcript, plus the path of the scenario file when the
//! session was not played on a shipped scenario, so it can be found again.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::i18n::Locale;
use crate::session::transcript::{Transcript, replay};
use crate::session::{Prepared, Session};
use crate::storage::{cap, read_text_bounded, write_atomic};

/// The folder of journals in a data directory.
pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("journals")
}

/// Where versions before per-session journals kept the one journal; still
/// read, so an upgrade loses nothing.
fn legacy(data_dir: &Path) -> PathBuf {
    data_dir.join("journal.json")
}

fn lock_path(journal: &Path) -> PathBuf {
    let mut name = journal.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    journal.with_file_name(name)
}

/// Takes the lock beside `journal`; `None` when another process holds it
/// (its session is live) or the lock cannot be made.
fn take_lock(journal: &Path) -> Option<File> {
    let path = lock_path(journal);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).ok()?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .ok()?;
    file.try_lock().ok()?;
    Some(file)
}

/// One session's journal, held (locked) by this process.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    /// Held while this process owns the journal; the OS releases it if the
    /// process dies, which is what marks a journal as interrupted.
    _lock: Option<File>,
    scenario_path: Option<String>,
    /// Who is playing: kept in every save, so a resumed session knows its
    /// student and all its teams, not only those that answered.
    student: Option<String>,
    teams: Vec<String>,
}

impl Journal {
    /// The student's name and the teams, saved with every turn.
    pub fn set_players(&mut self, student: Option<String>, teams: Vec<String>) {
        self.student = student;
        self.teams = teams;
    }

    /// A new journal for a session just started: a file name no other
    /// session has (scenario, seed, time, process, count), locked.
    /// `scenario_path` is the scenario file when it is not a shipped one.
    pub fn create(data_dir: &Path, session: &Session, scenario_path: Option<&Path>) -> Journal {
        static COUNT: AtomicU32 = AtomicU32::new(0);
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let name = format!(
            "{}-{}-{now}-{}-{}.json",
            session.scenario().id,
            session.seed,
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        );
        let path = dir(data_dir).join(name);
        Journal {
            _lock: take_lock(&path),
            path,
            scenario_path: scenario_path
                .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()))
                .map(|p| p.display().to_string()),
            student: None,
            teams: Vec::new(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves the session as it stands.
    pub fn save(&self, session: &Session) -> std::io::Result<()> {
        let mut t = Transcript::from_session(session);
        t.student = self.student.clone();
        t.teams = self.teams.clone();
        let mut value = serde_json::to_value(&t).expect("transcripts serialize");
        if let (Some(p), Some(map)) = (&self.scenario_path, value.as_object_mut()) {
            map.insert("scenario_path".into(), p.clone().into());
        }
        let text = serde_json::to_string_pretty(&value).expect("transcripts serialize");
        write_atomic(&self.path, text.as_bytes())
    }

    /// Saves the journal after a turn; the notice to show when that failed.
    pub fn save_turn(&self, session: &Session, locale: &Locale) -> Option<String> {
        let e = self.save(session).err()?;
        Some(locale.fill("play.not_journaled", &[("error", &e.to_string())]))
    }

    /// The session is finished (or discarded): its journal goes.
    pub fn finish(self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = std::fs::remove_file(lock_path(&self.path));
    }
}

/// Saves the journal after a turn when there is one; the notice to show
/// when that failed.
pub fn save_turn(journal: Option<&Journal>, session: &Session, locale: &Locale) -> Option<String> {
    journal?.save_turn(session, locale)
}

/// A session a process left unfinished, claimed (locked) by this one until
/// it is resumed, scored, discarded or set aside.
#[derive(Debug)]
pub struct Interrupted {
    pub transcript: Transcript,
    /// The scenario file it was played on, when not a shipped scenario.
    pub scenario_path: Option<String>,
    journal: Journal,
}

impl Interrupted {
    /// Where it is kept.
    pub fn path(&self) -> &Path {
        &self.journal.path
    }

    /// Goes on with it: later turns are saved to the same journal.
    pub fn into_journal(self) -> Journal {
        self.journal
    }

    /// Leaves it where it is (unlocked), to be offered again; returns where.
    pub fn set_aside(self) -> PathBuf {
        self.journal.path.clone()
    }

    /// Deletes it, as the player asked.
    pub fn discard(self) {
        self.journal.finish();
    }

    /// The scenario it was played on: `candidates` (shipped ones, or those
    /// a `--scenario`/`--scenarios` option gives) searched by id, else the
    /// file it names; the content must be what it was played on.
    pub fn scenario(&self, candidates: &[Prepared]) -> Result<Prepared, String> {
        let t = &self.transcript;
        let by_id = candidates
            .iter()
            .filter(|p| p.scenario.id == t.scenario_id)
            .find(|p| p.hash == t.scenario_hash);
        if let Some(p) = by_id {
            return Ok(p.clone());
        }
        if let Some(path) = &self.scenario_path {
            let loaded = crate::scenario::load_file(Path::new(path));
            let prepared = match loaded.scenario {
                Some(s) => Prepared::new(s)?,
                None => {
                    let why = loaded
                        .errors()
                        .next()
                        .map_or_else(|| "it has errors".to_string(), |d| d.message.clone());
                    return Err(format!("its scenario file {path} does not load: {why}"));
                }
            };
            if prepared.scenario.id != t.scenario_id {
                return Err(format!(
                    "{path} now holds scenario \"{}\", not \"{}\"",
                    prepared.scenario.id,
                    crate::diagnostic::shown(&t.scenario_id, 64)
                ));
            }
            if prepared.hash == t.scenario_hash {
                return Ok(prepared);
            }
            return Err(format!("{path} has changed since the session was played"));
        }
        if candidates.iter().any(|p| p.scenario.id == t.scenario_id) {
            return Err(format!(
                "scenario \"{}\" has changed since the session was played",
                t.scenario_id
            ));
        }
        Err(format!(
            "scenario \"{}\" cannot be found",
            crate::diagnostic::shown(&t.scenario_id, 64)
        ))
    }
}

/// A journal that could not be read; renamed to `.damaged` so it is not
/// offered again, never deleted.
#[derive(Debug)]
pub struct Damaged {
    pub path: PathBuf,
    pub error: String,
}

/// Interrupted sessions in a data directory: journals no live process
/// holds, newest first. Unreadable ones are moved aside and reported.
pub fn interrupted(data_dir: &Path) -> (Vec<Interrupted>, Vec<Damaged>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir(data_dir))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.push(legacy(data_dir));
    let mut found = Vec::new();
    let mut damaged = Vec::new();
    for path in files {
        if std::fs::symlink_metadata(&path).is_err() {
            continue;
        }
        let Some(lock) = take_lock(&path) else {
            continue; // live: another process is playing it
        };
        match read(&path) {
            Ok((transcript, scenario_path)) => found.push(Interrupted {
                journal: Journal {
                    path,
                    _lock: Some(lock),
                    scenario_path: scenario_path.clone(),
                    student: transcript.student.clone(),
                    teams: transcript.teams.clone(),
                },
                transcript,
                scenario_path,
            }),
            Err(_) if !path.exists() => {
                // finished meanwhile: no litter
                let _ = std::fs::remove_file(lock_path(&path));
            }
            Err(error) => {
                let mut aside = path.clone().into_os_string();
                aside.push(".damaged");
                let aside = PathBuf::from(aside);
                let moved = std::fs::rename(&path, &aside).is_ok();
                let _ = std::fs::remove_file(lock_path(&path));
                damaged.push(Damaged {
                    path: if moved { aside } else { path },
                    error,
                });
            }
        }
    }
    found.sort_by(|a, b| {
        (b.transcript.finished_at, b.path()).cmp(&(a.transcript.finished_at, a.path()))
    });
    (found, damaged)
}

/// Reads one journal, with a bound.
fn read(path: &Path) -> Result<(Transcript, Option<String>), String> {
    #[derive(serde::Deserialize)]
    struct Extra {
        scenario_path: Option<String>,
    }
    let src = read_text_bounded(path, cap::TRANSCRIPT).map_err(|e| e.to_string())?;
    let t = Transcript::from_json(&src)?;
    let src = src.strip_prefix('\u{feff}').unwrap_or(&src);
    let extra: Extra = serde_json::from_str(src).map_err(|e| e.to_string())?;
    Ok((t, extra.scenario_path))
}

/// Rebuilds the interrupted session from its inputs, ready to go on.
pub fn resume(prepared: &Prepared, t: &Transcript) -> Session {
    replay(prepared, t)
}
