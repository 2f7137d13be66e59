//! Overlays over any screen: F1 help with every key, the Esc pause menu
//! (drawn while the [`Menu::Pause`] sub-state holds), and the presenter's
//! reveal panel and blank screen.

use bevy::prelude::*;

use super::state::HelpOpen;
use super::theme::{size, space};
use super::widgets::{
    InView, Selected, button, column, label, panel, panel_node, paragraph, primary_button, row,
};
use super::{Action, Game, Menu, Presenter, Screen, Ui};
use crate::record::Turn;
use crate::session::Session;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PauseChoice>()
        .add_systems(
            Update,
            show_help.run_if(resource_changed::<HelpOpen>.or_else(resource_changed::<Ui>)),
        )
        .add_systems(
            OnEnter(Menu::Pause),
            (|mut choice: ResMut<PauseChoice>| choice.0 = 0, show_pause).chain(),
        )
        .add_systems(
            Update,
            (
                pause_keys,
                redraw_pause
                    .run_if(resource_changed::<Ui>.or_else(resource_changed::<PauseChoice>)),
            )
                .chain()
                .run_if(in_state(Menu::Pause)),
        )
        .add_systems(
            OnEnter(Screen::Title),
            |mut presenter: ResMut<Presenter>| *presenter = Presenter::default(),
        )
        .add_systems(
            Update,
            (
                toggle_presenter,
                show_blank.run_if(resource_changed::<Presenter>),
                show_reveal.run_if(
                    resource_changed::<Presenter>
                        .or_else(resource_exists_and_changed::<Game>)
                        .or_else(resource_changed::<Ui>),
                ),
            )
                .chain(),
        );
}

#[derive(Component)]
struct HelpOverlay;

#[derive(Component)]
struct PauseOverlay;

pub(super) fn toggle_help(mut actions: MessageReader<Action>, mut open: ResMut<HelpOpen>) {
    for action in actions.read() {
        if *action == Action::Help {
            open.0 = !open.0;
        }
    }
}

/// The pause menu's entries, in order.
const PAUSE_ENTRIES: [(&str, Action); 4] = [
    ("ui.resume", Action::Resume),
    ("ui.finish", Action::Finish),
    ("ui.restart", Action::Restart),
    ("ui.quit_to_title", Action::QuitToTitle),
];

/// The pause menu entry the keys are on.
#[derive(Resource, Default)]
pub(super) struct PauseChoice(usize);

/// Up/Down (and a clicker's PageUp/PageDown, Space, Tab) move through the
/// pause menu; Enter chooses.
fn pause_keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut choice: ResMut<PauseChoice>,
    mut actions: MessageWriter<Action>,
) {
    let n = PAUSE_ENTRIES.len();
    if keys.any_just_pressed([
        KeyCode::ArrowDown,
        KeyCode::PageDown,
        KeyCode::Space,
        KeyCode::Tab,
    ]) {
        choice.0 = (choice.0 + 1) % n;
    }
    if keys.any_just_pressed([KeyCode::ArrowUp, KeyCode::PageUp]) {
        choice.0 = (choice.0 + n - 1) % n;
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        actions.write(PAUSE_ENTRIES[choice.0].1.clone());
    }
}

/// A dimmed full-window layer with a centred panel.
fn layer(commands: &mut Commands, ui: &Ui, marker: impl Bundle) -> Entity {
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
    let p = layer(&mut commands, &ui, (Name::new("Help"), HelpOverlay));
    commands.spawn((
        label(ui.t("ui.help_title"), size::TITLE, ui.p.text),
        ChildOf(p),
    ));
    for line in ui.t("ui.help_keys").lines() {
        commands.spawn((label(line, size::BODY, ui.p.text), ChildOf(p)));
    }
    commands.spawn((
        row(space::S),
        ChildOf(p),
        children![
            primary_button(ui.p, ui.t("ui.close"), Action::Help),
            button(ui.p, ui.t("ui.scoring_title"), Action::ShowScoring),
            button(ui.p, ui.t("ui.walkthrough"), Action::WalkNext),
        ],
    ));
}

fn show_pause(mut commands: Commands, ui: Res<Ui>, choice: Res<PauseChoice>) {
    pause_menu(&mut commands, &ui, choice.0);
}

/// The language, the palette or the chosen entry changed while paused.
fn redraw_pause(
    mut commands: Commands,
    existing: Query<Entity, With<PauseOverlay>>,
    ui: Res<Ui>,
    choice: Res<PauseChoice>,
) {
    for e in &existing {
        commands.entity(e).despawn();
    }
    pause_menu(&mut commands, &ui, choice.0);
}

/// Resume, finish and be scored, restart, or quit to the title, the
/// `chosen` one highlighted. It goes when the menu closes or the
/// negotiation ends.
fn pause_menu(commands: &mut Commands, ui: &Ui, chosen: usize) {
    let marker = (
        Name::new("Pause menu"),
        PauseOverlay,
        DespawnOnExit(Menu::Pause),
    );
    let p = layer(commands, ui, marker);
    commands.spawn((label(ui.t("ui.paused"), size::TITLE, ui.p.text), ChildOf(p)));
    let list = commands.spawn((column(space::S), ChildOf(p))).id();
    for (i, (key, action)) in PAUSE_ENTRIES.iter().enumerate() {
        let b = commands
            .spawn((button(ui.p, ui.t(key), action.clone()), ChildOf(list)))
            .id();
        if i == chosen {
            commands
                .entity(b)
                .insert((Selected, InView, BorderColor::all(ui.p.accent)));
        }
    }
    commands.spawn((
        label(ui.t("ui.pause_keys"), size::SMALL, ui.p.muted),
        ChildOf(p),
    ));
}

#[derive(Component)]
struct RevealOverlay;

#[derive(Component)]
struct BlankOverlay;

/// R and B: flip the presenter overlays.
pub(super) fn toggle_presenter(
    mut actions: MessageReader<Action>,
    mut presenter: ResMut<Presenter>,
) {
    for action in actions.read() {
        match action {
            Action::ToggleReveal => presenter.reveal = !presenter.reveal,
            Action::ToggleBlank => presenter.blank = !presenter.blank,
            _ => {}
        }
    }
}

/// The blanked screen: nothing but black, until B again.
fn show_blank(
    mut commands: Commands,
    presenter: Res<Presenter>,
    existing: Query<Entity, With<BlankOverlay>>,
) {
    for e in &existing {
        commands.entity(e).despawn();
    }
    if presenter.blank {
        commands.spawn((
            Name::new("Blank screen"),
            BlankOverlay,
            Node {
                position_type: PositionType::Absolute,
                width: percent(100),
                height: percent(100),
                ..default()
            },
            BackgroundColor(Color::BLACK),
            GlobalZIndex(30),
        ));
    }
}

/// The reveal panel: the customer's hidden facts, and for the last reply
/// each tag with the words that earned it and each scored point.
fn show_reveal(
    mut commands: Commands,
    presenter: Res<Presenter>,
    game: Option<Res<Game>>,
    existing: Query<Entity, With<RevealOverlay>>,
    ui: Res<Ui>,
) {
    for e in &existing {
        commands.entity(e).despawn();
    }
    let (true, Some(game)) = (presenter.reveal, game) else {
        return;
    };
    let session = &game.session;
    let p = layer(
        &mut commands,
        &ui,
        (Name::new("Reveal panel"), RevealOverlay),
    );
    commands.entity(p).insert(Node {
        max_width: percent(90),
        max_height: percent(90),
        overflow: Overflow::scroll_y(),
        ..panel_node()
    });
    commands.spawn((label(ui.t("ui.reveal"), size::TITLE, ui.p.text), ChildOf(p)));
    hidden_facts(&mut commands, p, session, &ui);
    if let Some(turn) = session.turns().last() {
        last_reply(&mut commands, p, session, turn, &ui);
    }
}

/// Every hidden fact, and whether the customer has revealed it.
fn hidden_facts(commands: &mut Commands, p: Entity, session: &Session, ui: &Ui) {
    commands.spawn((
        label(ui.t("ui.hidden_facts"), size::LEAD, ui.p.accent),
        ChildOf(p),
    ));
    let revealed = session.revealed();
    for fact in &session.scenario().persona.hidden {
        let state = if revealed.contains(&fact.id.as_str()) {
            "ui.fact_revealed"
        } else {
            "ui.fact_hidden"
        };
        commands.spawn((
            paragraph(
                format!("• {} ({})", fact.text, ui.t(state)),
                size::SMALL,
                ui.p.text,
            ),
            ChildOf(p),
        ));
    }
}

/// The last reply, each tag with the words that earned it, and each point
/// it scored.
fn last_reply(commands: &mut Commands, p: Entity, session: &Session, turn: &Turn, ui: &Ui) {
    commands.spawn((
        label(ui.t("ui.last_reply"), size::LEAD, ui.p.accent),
        ChildOf(p),
    ));
    commands.spawn((paragraph(&turn.text, size::SMALL, ui.p.text), ChildOf(p)));
    for e in &turn.analysis.evidence {
        commands.spawn((
            paragraph(
                ui.fill(
                    "ui.evidence_line",
                    &[
                        ("tag", &ui.t(&format!("tag.{}", e.tag))),
                        ("words", &e.text),
                    ],
                ),
                size::SMALL,
                ui.p.muted,
            ),
            ChildOf(p),
        ));
    }
    for item in session
        .scorecard()
        .items
        .iter()
        .filter(|i| i.turn == turn.number)
    {
        commands.spawn((
            paragraph(
                format!("{:+.0}  {}", item.points, ui.t(&item.rule.text_key())),
                size::SMALL,
                if item.points < 0.0 {
                    ui.p.bad
                } else {
                    ui.p.good
                },
            ),
            ChildOf(p),
        ));
    }
}
