//! The windowed game: how it was started, the window, the font, the camera
//! and `run`. Everything else is in [`plugin`](super::plugin), which the
//! headless tests use without a window.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy::winit::WinitSettings;

use super::state::Prefs;
use super::{Action, Catalog, DataDir, DemoPlugin, Screen, Ui, theme};
use crate::lang::Lang;
use crate::settings::Settings;

/// How the game was started.
#[derive(Debug, Clone, Default)]
pub struct GameOptions {
    /// Folders or files of scenarios besides the shipped ones.
    pub scenarios: Vec<PathBuf>,
    /// Run the screenshot tour and save PNGs here, then quit.
    pub demo: Option<PathBuf>,
    pub width: u32,
    pub height: u32,
    /// Interface language; overrides the saved setting.
    pub lang: Option<Lang>,
    /// Start in projector mode.
    pub projector: bool,
    /// Print when the title screen's first frame is shown, then open a
    /// negotiation and wait there (for `scripts/perf.sh`).
    pub perf: bool,
}

/// The embedded font covers Latin and CJK; it replaces the default font
/// so every text in the game can show both.
const FONT: &[u8] = include_bytes!("../../assets/fonts/wqy-microhei.ttc");

pub(super) fn install_font(mut fonts: ResMut<Assets<Font>>) {
    let _ = fonts.insert(&Handle::default(), Font::from_bytes(FONT.to_vec()));
}

/// Layouts are designed at 1280x720; larger windows scale everything by
/// one factor, so nothing is laid out twice and nothing overlaps.
pub(super) fn fit_to_window(windows: Query<&Window, Changed<Window>>, mut scale: ResMut<UiScale>) {
    if let Some(w) = windows.iter().next() {
        let factor = (w.height() / theme::DESIGN_HEIGHT).clamp(0.5, 4.0);
        if (scale.0 - factor).abs() > 0.01 {
            scale.0 = factor;
        }
    }
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn((Name::new("Camera"), Camera2d));
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

/// The saved settings, except that the tour always looks the same.
fn load_prefs(opts: &GameOptions) -> Prefs {
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
    if opts.demo.is_some() {
        prefs.settings = Settings {
            language: Lang::En,
            ..Settings::default()
        };
        prefs.path = None;
    }
    prefs
}

/// Opens the game window.
pub fn run(opts: GameOptions) -> AppExit {
    let prefs = load_prefs(&opts);
    let language = opts.lang.unwrap_or(prefs.settings.language);
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
    .insert_resource(Ui::new(language, projector))
    .insert_resource(prefs)
    // the tour keeps its history in a scratch folder, so its Progress
    // screen has something to show and the player's own stays untouched
    .insert_resource(DataDir(match &opts.demo {
        Some(_) => {
            Some(std::env::temp_dir().join(format!("counteroffer-tour-{}", std::process::id())))
        }
        None => crate::storage::data_dir(),
    }))
    .add_systems(Startup, spawn_camera)
    .add_plugins(super::look);
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
    app.add_plugins(super::plugin);
    app.run()
}
