//! What the game remembers: the screen and its menu (states), the title's
//! choices, the negotiation being played and what the screens show of it,
//! and where settings and files live.

use std::path::PathBuf;

use bevy::prelude::*;

use crate::scenario::Difficulty;
use crate::session::Session;
use crate::settings::Settings;

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Loading,
    Title,
    Briefing,
    Negotiation,
    Debrief,
    Progress,
}

/// A menu over the negotiation: Esc pauses it. It exists only while the
/// negotiation is on screen, and every negotiation starts unpaused.
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(Screen = Screen::Negotiation)]
pub enum Menu {
    #[default]
    None,
    Pause,
}

/// Type replies, or pick from the scenario's authored options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Type,
    Pick,
}

/// The choices on the title screen.
#[derive(Resource, Debug, Clone)]
pub(super) struct Setup {
    pub(super) scenario: usize,
    pub(super) difficulty: Difficulty,
    pub(super) seed: u64,
    pub(super) mode: Mode,
    /// Team names for classroom play; empty for one player.
    pub(super) teams: Vec<String>,
    /// The player's name for transcripts and reports; empty for none.
    pub(super) student: String,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            scenario: 0,
            difficulty: Difficulty::Normal,
            seed: crate::session::random_seed(),
            mode: Mode::Type,
            teams: Vec::new(),
            student: String::new(),
        }
    }
}

/// The negotiation being played: the session and whose turn it is.
#[derive(Resource)]
pub struct Game {
    pub session: Session,
    /// Typed replies or picked options.
    pub(super) mode: Mode,
    /// The student's name, for transcripts and reports.
    pub(super) student: Option<String>,
    pub(super) teams: Vec<String>,
    /// Index into `teams` of who answers next.
    pub(super) team_turn: usize,
    /// Whether this session is already in the practice history.
    pub(super) recorded: bool,
    /// This session's journal, made at its first turn; released (kept on
    /// disk) when the player leaves for the title, finished with it.
    pub(super) journal: Option<crate::session::journal::Journal>,
}

impl Game {
    pub(super) fn new(session: Session, setup: &Setup) -> Game {
        Game {
            session,
            mode: setup.mode,
            student: Some(setup.student.trim().to_string()).filter(|s| !s.is_empty()),
            teams: setup.teams.clone(),
            team_turn: 0,
            recorded: false,
            journal: None,
        }
    }

    /// The session as a transcript, with the student and the teams.
    pub(super) fn transcript(&self) -> crate::session::transcript::Transcript {
        let mut t = crate::session::transcript::Transcript::from_session(&self.session);
        t.student = self.student.clone();
        t.teams = self.teams.clone();
        t
    }

    /// Starts this session's journal at its first turn (when there is a
    /// data directory), with who is playing.
    pub(super) fn open_journal(&mut self, data: &DataDir) {
        if self.journal.is_none() {
            self.journal = data.new_journal(&self.session);
            if let Some(j) = &mut self.journal {
                j.set_players(self.student.clone(), self.teams.clone());
            }
        }
    }

    /// The team that answers next, if teams are playing.
    pub(super) fn next_team(&self) -> Option<&String> {
        (!self.teams.is_empty()).then(|| &self.teams[self.team_turn % self.teams.len()])
    }
}

/// What the negotiation and debrief show of the game besides the session
/// itself; drawing a hint or a highlight reads this, not the session.
#[derive(Resource, Debug, Default)]
pub struct GameView {
    /// Type or pick: which keys the footer and notices name.
    pub(super) mode: Mode,
    /// Each reply's tag chips in the log (F2, T).
    pub(super) show_tags: bool,
    /// The LAER step still missing (F3).
    pub(super) hint: Option<String>,
    /// A line for the player: a refused reply, a turn not saved.
    pub(super) notice: Option<String>,
    /// Scores and meters hidden so a class can guess first (H).
    pub(super) scores_hidden: bool,
    /// The option the presenter has moved to (pick mode, Space/PageDown).
    pub highlight: Option<usize>,
}

impl GameView {
    /// Each reply's tags show from the start (feedback while practising),
    /// except on a projector, where the class guesses first (T shows them).
    pub(super) fn new(mode: Mode, projector: bool) -> GameView {
        GameView {
            mode,
            show_tags: !projector,
            ..GameView::default()
        }
    }
}

/// The saved settings, where they live, and a notice when loading or
/// saving them failed (the game goes on either way).
#[derive(Resource, Default)]
pub(super) struct Prefs {
    pub(super) settings: Settings,
    pub(super) path: Option<PathBuf>,
    pub(super) notice: Option<String>,
}

impl Prefs {
    pub(super) fn save(&mut self) {
        if let Some(path) = &self.path
            && let Err(e) = self.settings.save(path)
        {
            self.notice = Some(format!(
                "{}: cannot save settings ({e}); they last until you quit",
                path.display()
            ));
        }
    }
}

/// Where the game keeps history and exported reports; `None` keeps
/// nothing (headless tests, the screenshot tour).
#[derive(Resource, Default, Clone)]
pub struct DataDir(pub Option<PathBuf>);

impl DataDir {
    pub(super) fn history(&self) -> Option<PathBuf> {
        self.0.as_ref().map(|d| d.join("history.jsonl"))
    }

    /// A new journal for `session`, when there is a data directory.
    pub(super) fn new_journal(
        &self,
        session: &Session,
    ) -> Option<crate::session::journal::Journal> {
        self.0
            .as_deref()
            .map(|d| crate::session::journal::Journal::create(d, session, None))
    }
}

/// Presenter overlays: the reveal panel and the blanked screen.
#[derive(Resource, Default)]
pub struct Presenter {
    pub reveal: bool,
    pub blank: bool,
}

/// F1 help is open.
#[derive(Resource, Default)]
pub(super) struct HelpOpen(pub(super) bool);
