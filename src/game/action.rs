//! Everything a player (or a script, or a test) can ask for. Buttons, keys,
//! the reply box, the screenshot tour and the tests all send an [`Action`];
//! each screen reads the ones it understands, and only those sent while it
//! is on show ([`ScreenActions`]).

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::{Mode, Screen};
use crate::scenario::Difficulty;

/// Everything a player (or a script, or a test) can ask for.
///
/// One flat enum on purpose: it is one message stream, so actions keep the
/// order they were sent in (a script's `SetMode` then `Start`) and one
/// [`ScreenStart`] mark divides it between screens; and over a dozen
/// actions are read by more than one screen (the presenter keys, scoring,
/// quitting to the title), so an enum per screen would not fit. The
/// variants are grouped by where they are mostly used.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum Action {
    // the title screen
    SelectScenario(usize),
    SetDifficulty(Difficulty),
    SetMode(Mode),
    NewSeed,
    SetSeed(u64),
    ToggleLanguage,
    /// Team names for classroom play (the title screen's field).
    SetTeams(Vec<String>),
    /// The player's name for reports (the title screen's field), saved.
    SetStudent(String),
    /// The title lists scenarios in every language, or only the
    /// interface's (saved).
    ToggleAllLanguages,
    ShowProgress,
    /// Go on with the session left unfinished (after a crash or a kill),
    /// or score it as it stands.
    ResumeJournal,
    ScoreJournal,

    // from screen to screen
    Start,
    Begin,
    Back,
    QuitToTitle,
    /// From the negotiation's last line to the debrief, once it is over.
    SeeDebrief,
    /// The scoring page: every rule of the rubric by dimension.
    ShowScoring,
    /// The first-run walkthrough: next page, previous page, skip.
    WalkNext,
    WalkBack,
    WalkSkip,

    // the negotiation and its pause menu
    /// Send what is in the reply box.
    SubmitReply,
    Send(String),
    Pick(usize),
    ToggleTags,
    Hint,
    Pause,
    Resume,
    Restart,
    Finish,
    /// Give the next reply to the next team (F4).
    NextTeam,

    // the debrief
    RetrySame,
    RetryNew,
    Export,
    /// Opens the folder the reports were exported to.
    OpenReports,

    // presenter keys, in the negotiation and the debrief
    /// Hide scores and meters (H), reveal panel (R), blank (B).
    ToggleScores,
    ToggleReveal,
    ToggleBlank,
    /// Presenter advance and back (Space/PageDown, PageUp).
    Advance,
    Retreat,

    // anywhere
    Help,
    Fullscreen,
    /// Large type and the high-contrast palette (F5).
    ToggleProjector,
    /// Text a step larger or smaller (Ctrl+= / Ctrl+-), saved.
    TextScale(i8),
    /// Look for edited scenario files now (F9; also every second).
    ReloadScenarios,
}

/// Where the actions for the screen on show begin. A screen's systems run
/// only while it is on show and read every action still buffered when they
/// start again, and Bevy keeps messages until a fixed-update tick has run
/// (several fast frames headless): without this mark the debrief could act
/// on an H pressed during the negotiation.
#[derive(Resource, Default)]
pub(super) struct ScreenStart(usize);

/// In the frame a screen change is asked for, marks the actions sent after
/// it as the next screen's (a test or a script may send one before the
/// change has taken effect).
pub(super) fn mark_screen_start(
    mut actions: MessageReader<Action>,
    mut next_id: Local<usize>,
    next: Res<NextState<Screen>>,
    mut start: ResMut<ScreenStart>,
) {
    if let Some((_, id)) = actions.read_with_id().last() {
        *next_id = id.id + 1;
    }
    if !matches!(*next, NextState::Unchanged) {
        start.0 = *next_id;
    }
}

/// The actions meant for the screen on show, for its systems to read.
#[derive(SystemParam)]
pub(super) struct ScreenActions<'w, 's> {
    reader: MessageReader<'w, 's, Action>,
    start: Res<'w, ScreenStart>,
}

impl ScreenActions<'_, '_> {
    pub(super) fn read(&mut self) -> impl Iterator<Item = &Action> + '_ {
        let start = self.start.0;
        self.reader
            .read_with_id()
            .filter(move |(_, id)| id.id >= start)
            .map(|(action, _)| action)
    }
}
