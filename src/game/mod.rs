//! The Bevy layer: screens, widgets and input. It only draws and routes
//! input; every rule lives in the core (`session`, `analysis`, `scenario`).
//!
//! Input of every kind (buttons, keys, the reply box, the demo script,
//! tests) becomes an [`Action`] message; one system per screen applies them.

mod briefing;
mod catalog;
mod debrief;
mod demo;
mod negotiation;
mod overlay;
mod progress;
pub mod theme;
pub mod title;
pub mod widgets;

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::window::{WindowMode, WindowResolution};
use bevy::winit::WinitSettings;

use crate::i18n::Locale;
use crate::scenario::Difficulty;
use crate::session::Session;
use crate::settings::Settings;

pub use catalog::{Catalog, Entry, Reloaded};
pub use demo::DemoPlugin;

/// How the game was started.
#[derive(Debug, Clone, Default)]
pub struct GameOptions {
    /// Folders or files of scenarios besides the shipped ones.
    pub scenarios: Vec<PathBuf>,
    /// Run the screenshot tour and save PNGs here, then quit.
    pub demo: Option<PathBuf>,
    pub width: u32,
    pub height: u32,
    /// Interface language ("en" or "zh-CN"); overrides the saved setting.
    pub lang: Option<String>,
    /// Start in projector mode.
    pub projector: bool,
    /// Print when the title screen's first frame is shown, then open a
    /// negotiation and wait there (for `scripts/perf.sh`).
    pub perf: bool,
}

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

/// Type replies, or pick from the scenario's authored options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Type,
    Pick,
}

/// Everything a player (or a script, or a test) can ask for.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum Action {
    SelectScenario(usize),
    SetDifficulty(Difficulty),
    SetMode(Mode),
    NewSeed,
    SetSeed(u64),
    ToggleLanguage,
    Start,
    Begin,
    Back,
    /// Send what is in the reply box.
    SubmitReply,
    Send(String),
    Pick(usize),
    ToggleTags,
    Hint,
    Pause,
    Resume,
    Restart,
    QuitToTitle,
    Finish,
    RetrySame,
    RetryNew,
    Export,
    Help,
    Fullscreen,
    /// Large type and the high-contrast palette (F5).
    ToggleProjector,
    /// Text a step larger or smaller (Ctrl+= / Ctrl+-), saved.
    TextScale(i8),
    /// Presenter keys: hide scores and meters (H), reveal panel (R), blank (B).
    ToggleScores,
    ToggleReveal,
    ToggleBlank,
    /// Presenter advance and back (Space/PageDown, PageUp).
    Advance,
    Retreat,
    /// Give the next reply to the next team (F4).
    NextTeam,
    /// Team names for classroom play (the title screen's field).
    SetTeams(Vec<String>),
    ShowProgress,
    /// Go on with the session left unfinished (after a crash or a kill),
    /// or score it as it stands.
    ResumeJournal,
    ScoreJournal,
    /// Look for edited scenario files now (F9; also every second).
    ReloadScenarios,
}

/// The choices on the title screen.
#[derive(Resource, Debug, Clone)]
pub struct Setup {
    pub scenario: usize,
    pub difficulty: Difficulty,
    pub seed: u64,
    pub mode: Mode,
    /// Team names for classroom play; empty for one player.
    pub teams: Vec<String>,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            scenario: 0,
            difficulty: Difficulty::Normal,
            seed: crate::session::random_seed(),
            mode: Mode::Type,
            teams: Vec::new(),
        }
    }
}


/// The negotiation being played, and what the screen shows of it.
#[derive(Resource)]
pub struct Game {
    pub session: Session,
    pub show_tags: bool,
    pub hint: Option<String>,
    pub paused: bool,
    /// A line for the player: a refused reply, a saved export.
    pub notice: Option<String>,
    pub teams: Vec<String>,
    /// Index into `teams` of who answers next.
    pub team_turn: usize,
    /// Scores and meters hidden so a class can guess first.
    pub scores_hidden: bool,
    /// The option the presenter has moved to (pick mode, Space/PageDown).
    pub highlight: Option<usize>,
    /// Whether this session is already in the practice history.
    pub recorded: bool,
    /// This session's journal, made at its first turn; released (kept on
    /// disk) when the player leaves for the title, finished with it.
    pub journal: Option<crate::session::journal::Journal>,
}

impl Game {
    pub fn new(session: Session, setup: &Setup) -> Game {
        Game {
            session,
            show_tags: setup.mode == Mode::Pick,
            hint: None,
            paused: false,
            notice: None,
            teams: setup.teams.clone(),
            team_turn: 0,
            scores_hidden: false,
            highlight: None,
            recorded: false,
            journal: None,
        }
    }

    /// The team that answers next, if teams are playing.
    pub fn next_team(&self) -> Option<&String> {
        (!self.teams.is_empty()).then(|| &self.teams[self.team_turn % self.teams.len()])
    }
}

/// The saved settings, where they live, and a notice when loading or
/// saving them failed (the game goes on either way).
#[derive(Resource, Default)]
pub struct Prefs {
    pub settings: Settings,
    pub path: Option<PathBuf>,
    pub notice: Option<String>,
}

impl Prefs {
    pub fn save(&mut self) {
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
    pub fn history(&self) -> Option<PathBuf> {
        self.0.as_ref().map(|d| d.join("history.jsonl"))
    }

    /// A new journal for `session`, when there is a data directory.
    pub fn new_journal(&self, session: &Session) -> Option<crate::session::journal::Journal> {
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

/// The interface language, palette and projector mode.
#[derive(Resource, Clone, Copy)]
pub struct Ui {
    pub locale: &'static Locale,
    pub p: &'static theme::Palette,
    pub projector: bool,
}

impl Ui {
    pub fn new(language: &str, projector: bool) -> Ui {
        Ui {
            locale: Locale::builtin(language),
            p: if projector {
                &theme::HIGH_CONTRAST
            } else {
                &theme::DARK
            },
            projector,
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.locale.text(key).to_string()
    }

    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.locale.fill(key, args)
    }
}

/// F1 help is open.
#[derive(Resource, Default)]
pub struct HelpOpen(pub bool);

/// Everything except windowing and rendering, so headless tests can drive
/// whole sessions.
pub fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_message::<Action>()
        // registered by the window plugin; here too so headless apps run
        .add_message::<bevy::window::RequestRedraw>()
        .init_resource::<Setup>()
        .init_resource::<HelpOpen>()
        .init_resource::<Prefs>()
        .init_resource::<DataDir>()
        .init_resource::<Presenter>()
        .add_systems(OnEnter(Screen::Loading), finish_loading)
        // after every screen's systems had their say this frame
        .add_systems(PostUpdate, wake_for_transition)
        .add_systems(
            Update,
            (
                widgets::press_buttons,
                widgets::show_selection,
                widgets::scroll_with_wheel,
                global_keys,
                toggle_fullscreen,
                toggle_projector,
                catalog::watch_scenarios,
                apply_display.run_if(resource_changed::<Ui>.or_else(resource_changed::<Prefs>)),
                overlay::toggle_help,
            ),
        )
        .add_plugins((
            title::plugin,
            briefing::plugin,
            negotiation::plugin,
            debrief::plugin,
            progress::plugin,
            overlay::plugin,
        ));
    if !app.world().contains_resource::<Ui>() {
        app.insert_resource(Ui::new("en", false));
    }
}

/// Scenarios load synchronously (well under a millisecond each); the
/// loading screen exists for the font and the first layout.
fn finish_loading(
    mut commands: Commands,
    catalog: Option<Res<Catalog>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if catalog.is_none() {
        commands.insert_resource(Catalog::load(&[]));
    }
    next.set(Screen::Title);
}

/// A screen change takes effect on the next update; while idling the app
/// would wait for the next input, so it asks for that update itself.
fn wake_for_transition(
    next: Res<NextState<Screen>>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    if !matches!(*next, NextState::Unchanged) {
        redraw.write(bevy::window::RequestRedraw);
    }
}

/// Keys that work on every screen.
fn global_keys(keys: Res<ButtonInput<KeyCode>>, mut actions: MessageWriter<Action>) {
    if keys.just_pressed(KeyCode::F1) {
        actions.write(Action::Help);
    }
    if keys.just_pressed(KeyCode::F11) {
        actions.write(Action::Fullscreen);
    }
    if keys.just_pressed(KeyCode::F5) {
        actions.write(Action::ToggleProjector);
    }
    if keys.just_pressed(KeyCode::F9) {
        actions.write(Action::ReloadScenarios);
    }
    if keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]) {
        if keys.just_pressed(KeyCode::Equal) {
            actions.write(Action::TextScale(1));
        }
        if keys.just_pressed(KeyCode::Minus) {
            actions.write(Action::TextScale(-1));
        }
    }
}

/// F5: projector mode on or off, saved, and the screen drawn again.
fn toggle_projector(
    mut actions: MessageReader<Action>,
    mut ui: ResMut<Ui>,
    mut prefs: ResMut<Prefs>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        match action {
            Action::ToggleProjector => {
                *ui = Ui::new(ui.locale.language.as_str(), !ui.projector);
                prefs.settings.projector = ui.projector;
                prefs.save();
                next.set(*screen.get());
            }
            Action::TextScale(step) => {
                let scale = prefs.settings.text_scale + 0.125 * f32::from(*step);
                prefs.settings.text_scale = scale.clamp(0.75, 2.0);
                prefs.save();
            }
            _ => {}
        }
    }
}

/// One root text size: projector mode makes the smallest text 1/30 of the
/// window height (0.8 rem x 30 px x height/720), the screen mode 1/45.
fn apply_display(
    ui: Res<Ui>,
    prefs: Res<Prefs>,
    rem: Option<ResMut<bevy::text::RemSize>>,
    clear: Option<ResMut<ClearColor>>,
) {
    let base = if ui.projector {
        theme::PROJECTOR_REM
    } else {
        theme::SCREEN_REM
    };
    if let Some(mut rem) = rem {
        rem.0 = base * prefs.settings.text_scale;
    }
    if let Some(mut clear) = clear {
        clear.0 = ui.p.background;
    }
}

fn toggle_fullscreen(mut actions: MessageReader<Action>, mut windows: Query<&mut Window>) {
    for action in actions.read() {
        if *action == Action::Fullscreen {
            for mut w in &mut windows {
                w.mode = match w.mode {
                    WindowMode::Windowed => {
                        WindowMode::BorderlessFullscreen(MonitorSelection::Current)
                    }
                    _ => WindowMode::Windowed,
                };
            }
        }
    }
}

/// The embedded font covers Latin and CJK; it replaces the default font
/// so every text in the game can show both.
const FONT: &[u8] = include_bytes!("../../assets/fonts/wqy-microhei.ttc");

fn install_font(mut fonts: ResMut<Assets<Font>>) {
    let _ = fonts.insert(&Handle::default(), Font::from_bytes(FONT.to_vec()));
}

/// Layouts are designed at 1280x720; larger windows scale everything by
/// one factor, so nothing is laid out twice and nothing overlaps.
fn fit_to_window(windows: Query<&Window, Changed<Window>>, mut scale: ResMut<UiScale>) {
    if let Some(w) = windows.iter().next() {
        let factor = (w.height() / theme::DESIGN_HEIGHT).clamp(0.5, 4.0);
        if (scale.0 - factor).abs() > 0.01 {
            scale.0 = factor;
        }
    }
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

/// `--perf`: marks the title screen's first presented frame (its second
/// update), then goes to a negotiation and waits there like a player would.
fn perf_walk(
    mut frames: Local<u32>,
    mut ready: Local<bool>,
    screen: Res<State<Screen>>,
    mut actions: MessageWriter<Action>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    if *ready {
        return; // waiting like a player; nothing wakes the app from here
    }
    *frames += 1;
    match screen.get() {
        Screen::Title if *frames == 2 => {
            eprintln!("perf: first frame");
            actions.write(Action::Start);
        }
        Screen::Briefing => {
            actions.write(Action::Begin);
        }
        Screen::Negotiation => {
            eprintln!("perf: negotiation ready");
            *ready = true;
            return;
        }
        _ => {}
    }
    redraw.write(bevy::window::RequestRedraw);
}

/// Opens the game window.
pub fn run(opts: GameOptions) -> AppExit {
    let mut prefs = match crate::settings::path() {
        Some(path) => {
            let loaded = Settings::load(&path);
            Prefs {
                settings: loaded.settings,
                path: Some(path),
                notice: loaded.notice,
            }
        }
        None => Prefs::default(),
    };
    // the tour always looks the same, whatever was saved
    if opts.demo.is_some() {
        prefs.settings = Settings {
            language: "en".into(),
            ..Settings::default()
        };
        prefs.path = None;
    }
    let language = opts
        .lang
        .clone()
        .unwrap_or_else(|| prefs.settings.language.clone());
    let projector = opts.projector || prefs.settings.projector;
    let mut app = App::new();
    let (width, height) = if opts.width > 0 {
        (opts.width, opts.height)
    } else {
        (1280, 720)
    };
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "Counteroffer".into(),
            resolution: WindowResolution::new(width, height).with_scale_factor_override(1.0),
            ..default()
        }),
        ..default()
    }))
    .insert_resource(ClearColor(theme::DARK.background))
    .insert_resource(Catalog::load(&opts.scenarios))
    .insert_resource(Ui::new(&language, projector))
    .insert_resource(prefs)
    // the tour keeps its history in a scratch folder, so its Progress
    // screen has something to show and the player's own stays untouched
    .insert_resource(DataDir(match &opts.demo {
        Some(_) => {
            Some(std::env::temp_dir().join(format!("counteroffer-tour-{}", std::process::id())))
        }
        None => crate::storage::data_dir(),
    }))
    .add_systems(Startup, (install_font, spawn_camera))
    .add_systems(Update, fit_to_window);
    match &opts.demo {
        // the tour must keep rendering without input
        Some(dir) => {
            app.insert_resource(WinitSettings::continuous())
                .add_plugins(DemoPlugin { dir: dir.clone() });
        }
        // waiting for the player costs no CPU
        None => {
            app.insert_resource(WinitSettings::desktop_app());
        }
    }
    if opts.perf {
        app.add_systems(Update, perf_walk.run_if(not(in_state(Screen::Loading))));
    }
    app.add_plugins(plugin);
    app.run()
}
