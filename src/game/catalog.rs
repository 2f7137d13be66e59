//! The scenario catalog on the title screen: every file, playable or listed
//! with its error, and hot reload of edited files.

use std::path::PathBuf;
use std::time::SystemTime;

use bevy::prelude::*;

use super::Action;
use crate::scenario::load_paths;
use crate::session::Prepared;

/// One scenario file: playable, or listed with its error.
pub enum Entry {
    Ready(Prepared),
    Broken { path: String, message: String },
}

#[derive(Resource, Default)]
pub struct Catalog {
    pub entries: Vec<Entry>,
    /// The file each entry came from, and when it last changed, for reloads.
    pub sources: Vec<(PathBuf, Option<SystemTime>)>,
    /// What the last reload did, for the title screen.
    pub notice: Option<Reloaded>,
}

/// The outcome of reloading an edited scenario file.
#[derive(Debug, Clone, PartialEq)]
pub enum Reloaded {
    Ok(String),
    /// The edit broke the file: the last good version stays in use.
    KeptLastGood {
        path: String,
        error: String,
    },
}

fn entry_from(l: crate::scenario::Loaded) -> Entry {
    let error = l.errors().next().map(ToString::to_string);
    match l.scenario.map(Prepared::new) {
        Some(Ok(p)) => Entry::Ready(p),
        Some(Err(message)) => Entry::Broken {
            path: l.path,
            message,
        },
        None => Entry::Broken {
            path: l.path,
            message: error.unwrap_or_else(|| "cannot be loaded".to_string()),
        },
    }
}

fn modified(path: &std::path::Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl Catalog {
    /// Loads the shipped scenarios and any extra folders or files.
    pub fn load(extra: &[PathBuf]) -> Catalog {
        let mut loaded: Vec<(Entry, PathBuf)> = crate::scenario::load_shipped()
            .into_iter()
            .chain(load_paths(extra))
            .map(|l| {
                let path = PathBuf::from(&l.path);
                (entry_from(l), path)
            })
            .collect();
        // playable first, by id; broken ones after, by path
        loaded.sort_by_key(|(e, _)| match e {
            Entry::Ready(p) => (0, p.scenario.id.clone()),
            Entry::Broken { path, .. } => (1, path.clone()),
        });
        let sources = loaded
            .iter()
            .map(|(_, p)| (p.clone(), modified(p)))
            .collect();
        Catalog {
            entries: loaded.into_iter().map(|(e, _)| e).collect(),
            sources,
            notice: None,
        }
    }

    /// Loads again every file that changed on disk. A file that no longer
    /// validates keeps its last good version in play. Returns whether
    /// anything changed.
    pub(super) fn reload_changed(&mut self) -> bool {
        let mut changed = false;
        for i in 0..self.sources.len() {
            let (path, seen) = &self.sources[i];
            let now = modified(path);
            if now.is_none() || now == *seen {
                continue;
            }
            let path = path.clone();
            self.sources[i].1 = now;
            changed = true;
            let shown = path.display().to_string();
            match (
                entry_from(crate::scenario::load_file(&path)),
                &self.entries[i],
            ) {
                (Entry::Broken { message, .. }, Entry::Ready(_)) => {
                    self.notice = Some(Reloaded::KeptLastGood {
                        path: shown,
                        error: message,
                    });
                }
                (fresh, _) => {
                    self.entries[i] = fresh;
                    self.notice = Some(Reloaded::Ok(shown));
                }
            }
        }
        changed
    }

    /// The playable scenario with this id, and its place in the list.
    pub fn find(&self, id: &str) -> Option<(usize, &Prepared)> {
        self.entries.iter().enumerate().find_map(|(i, e)| match e {
            Entry::Ready(p) if p.scenario.id == id => Some((i, p)),
            _ => None,
        })
    }

    pub fn ready(&self, i: usize) -> Option<&Prepared> {
        match self.entries.get(i) {
            Some(Entry::Ready(p)) => Some(p),
            _ => None,
        }
    }
}

/// Hot reload: edited scenario files are checked again, once a second or on
/// F9; a broken edit keeps the last good version, with a notice.
pub(super) fn watch_scenarios(
    mut actions: MessageReader<Action>,
    time: Res<Time<Real>>,
    mut since: Local<f32>,
    mut catalog: ResMut<Catalog>,
) {
    let asked = actions.read().any(|a| *a == Action::ReloadScenarios);
    *since += time.delta_secs();
    if asked || *since >= 1.0 {
        *since = 0.0;
        // only a real change marks the catalog changed (and redraws)
        if catalog.bypass_change_detection().reload_changed() {
            catalog.set_changed();
        }
    }
}
