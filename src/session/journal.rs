//! The session in progress, saved after every turn (`journal.json` in the
//! data directory, written atomically), so a crash or a kill loses at most
//! the reply being typed. On the next start the player can resume it or
//! have it scored as it stands.

use std::path::{Path, PathBuf};

use crate::session::transcript::{Transcript, replay};
use crate::session::{Prepared, Session};
use crate::i18n::Locale;
use crate::storage::write_atomic;

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("journal.json")
}

/// Saves the session as it stands.
pub fn save(path: &Path, session: &Session) -> std::io::Result<()> {
    write_atomic(path, Transcript::from_session(session).to_json().as_bytes())
}

/// The interrupted session, if one was left behind; an unreadable journal
/// is reported, not trusted.
pub fn load(path: &Path) -> Option<Result<Transcript, String>> {
    let src = match crate::storage::read_text_bounded(path, crate::storage::cap::TRANSCRIPT) {
        Ok(src) => src,
        Err(e) if e.is_not_found() => return None,
        Err(e) => return Some(Err(format!("{}: {e}", path.display()))),
    };
    Some(Transcript::from_json(&src).map_err(|e| format!("{}: {e}", path.display())))
}

/// Saves the journal after a turn; the notice to show when that failed.
pub fn save_turn(path: Option<&Path>, session: &Session, locale: &Locale) -> Option<String> {
    let e = save(path?, session).err()?;
    Some(locale.fill("play.not_journaled", &[("error", &e.to_string())]))
}

pub fn clear(path: &Path) {
    let _ = std::fs::remove_file(path);
}

/// Rebuilds the interrupted session from its inputs, ready to go on.
pub fn resume(prepared: &Prepared, t: &Transcript) -> Session {
    replay(prepared, t)
}
