//! The windowed game: how it was started, the window, the font, the camera
//! and `run`. Everything else is in [`plugin`](super::plugin), which the
//! headless tests use without a window.

use std::path::PathBuf;
use std::time::Duration;

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy::winit::{UpdateMode, WinitSettings};

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

/// Hot reload while idle: once a second a thread compares the scenario
/// files' modification times (nothing else) and wakes the game when one
/// changed; the game then checks and reloads them (`catalog`).
fn watch_scenario_files(
    catalog: Res<Catalog>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) {
    let Some(proxy) = proxy else {
        return;
    };
    let paths: Vec<PathBuf> = catalog.sources.iter().map(|(p, _)| p.clone()).collect();
    if paths.is_empty() {
        return;
    }
    let proxy = (**proxy).clone();
    let stamp = |p: &PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let _ = std::thread::Builder::new()
        .name("scenario watcher".into())
        .spawn(move || {
            let mut seen: Vec<_> = paths.iter().map(stamp).collect();
            loop {
                std::thread::sleep(Duration::from_secs(1));
                let now: Vec<_> = paths.iter().map(stamp).collect();
                if now != seen {
                    seen = now;
                    // the game has quit when this fails
                    if proxy
                        .send_event(bevy::winit::WinitUserEvent::WakeUp)
                        .is_err()
                    {
                        return;
                    }
                }
            }
        });
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
        // waiting for the player costs no CPU: the game draws only for
        // input or a redraw it asks for; it does not wake on a timer (the
        // default wakes every 5 s and draws a frame, which under a software
        // renderer at 1920x1080 was 2-3% of a core), and scenario files
        // are watched by a thread that wakes it only when one changed
        None => {
            app.insert_resource(WinitSettings {
                focused_mode: UpdateMode::reactive(Duration::MAX),
                unfocused_mode: UpdateMode::reactive_low_power(Duration::MAX),
            })
            .add_systems(Startup, watch_scenario_files);
        }
    }
    if opts.perf {
        app.add_systems(Update, perf_walk.run_if(not(in_state(Screen::Loading))));
    }
    app.add_plugins(super::plugin);
    app.run()
}
