//! Overlays: F1 help with every key, and the Esc pause menu.

use bevy::prelude::*;

use super::theme::{size, space};
use super::widgets::{button, column, label, panel, panel_node, primary_button};
use super::{Action, Game, HelpOpen, Screen, Ui};

pub fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            show_help.run_if(resource_changed::<HelpOpen>),
            show_pause
                .run_if(in_state(Screen::Negotiation))
                .run_if(resource_exists_and_changed::<Game>),
        ),
    )
    .add_systems(OnExit(Screen::Negotiation), close_pause);
}

#[derive(Component)]
struct HelpOverlay;

#[derive(Component)]
struct PauseOverlay;

pub fn toggle_help(
    mut actions: MessageReader<Action>,
    mut open: ResMut<HelpOpen>,
    keys: Res<ButtonInput<KeyCode>>,
) {
    for action in actions.read() {
        if *action == Action::Help {
            open.0 = !open.0;
        }
    }
    if open.0 && keys.just_pressed(KeyCode::Escape) {
        open.0 = false;
    }
}

/// A dimmed full-window layer with a centred panel.
fn layer(commands: &mut Commands, ui: &Ui, marker: impl Component) -> Entity {
    let layer = commands
        .spawn((
            marker,
            Node {
                position_type: PositionType::Absolute,
                width: percent(100),
                height: percent(100),
                justify_content: JustifyContent::Center,
                align_items: AlignItems::Center,
                ..default()
            },
            BackgroundColor(ui.p.overlay),
            GlobalZIndex(10),
        ))
        .id();
    commands
        .spawn((
            panel(
                ui.p,
                Node {
                    min_width: px(420),
                    padding: UiRect::all(px(space::L)),
                    ..panel_node()
                },
            ),
            ChildOf(layer),
        ))
        .id()
}

fn show_help(
    mut commands: Commands,
    open: Res<HelpOpen>,
    existing: Query<Entity, With<HelpOverlay>>,
    ui: Res<Ui>,
) {
    for e in &existing {
        commands.entity(e).despawn();
    }
    if !open.0 {
        return;
    }
    let p = layer(&mut commands, &ui, HelpOverlay);
    commands.spawn((
        label(ui.t("ui.help_title"), size::TITLE, ui.p.text),
        ChildOf(p),
    ));
    for line in ui.t("ui.help_keys").lines() {
        commands.spawn((label(line, size::BODY, ui.p.text), ChildOf(p)));
    }
    commands.spawn((
        primary_button(ui.p, ui.t("ui.close"), Action::Help),
        ChildOf(p),
    ));
}

fn show_pause(
    mut commands: Commands,
    game: Res<Game>,
    existing: Query<Entity, With<PauseOverlay>>,
    ui: Res<Ui>,
) {
    let shown = !existing.is_empty();
    if shown == game.paused {
        return;
    }
    for e in &existing {
        commands.entity(e).despawn();
    }
    if !game.paused {
        return;
    }
    let p = layer(&mut commands, &ui, PauseOverlay);
    commands.spawn((label(ui.t("ui.paused"), size::TITLE, ui.p.text), ChildOf(p)));
    commands.spawn((
        column(space::S),
        ChildOf(p),
        children![
            primary_button(ui.p, ui.t("ui.resume"), Action::Resume),
            button(ui.p, ui.t("ui.finish"), Action::Finish),
            button(ui.p, ui.t("ui.restart"), Action::Restart),
            button(ui.p, ui.t("ui.quit_to_title"), Action::QuitToTitle),
        ],
    ));
}

fn close_pause(mut commands: Commands, existing: Query<Entity, With<PauseOverlay>>) {
    for e in &existing {
        commands.entity(e).despawn();
    }
}
