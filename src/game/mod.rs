//! The Bevy layer: screens, widgets and input. It only draws and routes
//! input; every rule lives in the core (`session`, `analysis`, `scenario`).
//!
//! Input of every kind (buttons, keys, the reply box, the demo script,
//! tests) becomes an [`Action`] message; each screen applies the ones it
//! understands. The screens live in `screens/`, one plugin each; what they
//! draw from is in `state` (the session in [`Game`], what is shown of it in
//! [`GameView`], the pause menu as the [`Menu`] sub-state) and `display`
//! ([`Ui`]: language, palette, projector mode).

mod action;
mod catalog;
mod demo;
mod display;
mod guide;
mod overlay;
mod screens;
mod state;
mod theme;
mod typing;
mod widgets;
mod window;

use bevy::prelude::*;

pub use action::Action;
pub use catalog::{Catalog, Entry, Reloaded};
pub use display::Ui;
pub use screens::{ChartLabel, Field, Plot};
pub use state::{DataDir, Game, GameView, Menu, Mode, Presenter, Screen};
pub use widgets::{InView, Note, ScrollCue};
pub use window::{GameOptions, run};

use crate::lang::Lang;
use demo::DemoPlugin;
use state::{HelpOpen, Prefs, Setup};

/// Everything except windowing and rendering, so headless tests can drive
/// whole sessions.
pub fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_sub_state::<Menu>()
        .add_message::<Action>()
        // registered by the window plugin; here too so headless apps run
        .add_message::<bevy::window::RequestRedraw>()
        .init_resource::<Setup>()
        .init_resource::<HelpOpen>()
        .init_resource::<Prefs>()
        .init_resource::<DataDir>()
        .init_resource::<Presenter>()
        .init_resource::<action::ScreenStart>()
        .init_resource::<typing::HeldKeys>()
        .add_message::<bevy::input::keyboard::KeyboardInput>()
        .add_systems(
            PreUpdate,
            typing::split_key_batches.before(bevy::input::InputSystems),
        )
        .add_systems(OnEnter(Screen::Loading), finish_loading)
        // after every screen's systems had their say this frame
        .add_systems(PostUpdate, (wake_for_transition, action::mark_screen_start))
        .add_systems(
            Update,
            (
                widgets::press_buttons,
                widgets::show_selection,
                widgets::scroll_with_wheel,
                widgets::show_scroll_cues,
                widgets::bring_into_view,
                widgets::shrink_to_fit,
                global_keys,
                display::toggle_fullscreen,
                display::toggle_projector,
                catalog::watch_scenarios,
                display::apply_display
                    .run_if(resource_changed::<Ui>.or_else(resource_changed::<Prefs>)),
                overlay::toggle_help,
            ),
        )
        .add_plugins((screens::plugin, overlay::plugin, guide::plugin));
    if !app.world().contains_resource::<Ui>() {
        app.insert_resource(Ui::new(Lang::En, false));
    }
}

/// How the game looks in a window: its font (Latin and CJK) and one UI
/// scale fitted to the window's height. Apart from `plugin` so headless
/// layout tests can compute the real layout.
pub fn look(app: &mut App) {
    app.add_systems(Startup, window::install_font)
        .add_systems(Update, window::fit_to_window);
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

/// A screen or menu change takes effect on the next update, and so may a
/// redraw for a new palette or language; while idling the app would wait
/// for the next input, so it asks for that update itself.
fn wake_for_transition(
    next: Res<NextState<Screen>>,
    next_menu: Res<NextState<Menu>>,
    ui: Res<Ui>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    let screen = !matches!(*next, NextState::Unchanged);
    let menu = !matches!(*next_menu, NextState::Unchanged);
    if screen || menu || ui.is_changed() {
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
