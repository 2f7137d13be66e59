//! For a newcomer: the first-run walkthrough (a few pages over the title,
//! skippable, remembered in settings) and the "How scoring works" page
//! (every rule of the rubric, by dimension and weight, in the interface
//! language). Both are modal, like help: while one is open its keys go to
//! it and no other key reaches the screen behind.

use bevy::prelude::*;

use super::state::{HelpOpen, Prefs};
use super::theme::{size, space};
use super::widgets::{button, label, panel, panel_node, paragraph, primary_button, row};
use super::{Action, Screen, Ui};
use crate::scoring::rubric::Rule;
use crate::scoring::scorecard::Dimension;

/// How many pages the walkthrough has (`walk.<n>.title`, `walk.<n>.body`).
pub(super) const WALK_PAGES: usize = 4;

/// The walkthrough page on show, if any.
#[derive(Resource, Default)]
pub(super) struct Walkthrough(pub(super) Option<usize>);

/// The scoring page is open.
#[derive(Resource, Default)]
pub(super) struct ScoringOpen(pub(super) bool);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Walkthrough>()
        .init_resource::<ScoringOpen>()
        .add_systems(
            PreUpdate,
            modal_keys
                .after(bevy::input::InputSystems)
                .run_if(resource_exists::<ButtonInput<KeyCode>>),
        )
        .add_systems(OnEnter(Screen::Title), start_on_first_run)
        .add_systems(OnExit(Screen::Title), seen_when_left)
        .add_systems(
            Update,
            (
                apply,
                show_walkthrough
                    .run_if(resource_changed::<Walkthrough>.or_else(resource_changed::<Ui>)),
                show_scoring
                    .run_if(resource_changed::<ScoringOpen>.or_else(resource_changed::<Ui>)),
            )
                .chain(),
        );
}

/// The first time the title shows (and until it is finished or skipped),
/// the walkthrough opens.
fn start_on_first_run(prefs: Res<Prefs>, mut walk: ResMut<Walkthrough>, mut once: Local<bool>) {
    if !*once && !prefs.settings.walkthrough_done {
        walk.0 = Some(0);
    }
    *once = true;
}

/// Leaving the title (Start, Progress) counts as having seen it.
fn seen_when_left(mut walk: ResMut<Walkthrough>, mut prefs: ResMut<Prefs>) {
    if walk.0.take().is_some() {
        done(&mut prefs);
    }
}

fn done(prefs: &mut Prefs) {
    if !prefs.settings.walkthrough_done {
        prefs.settings.walkthrough_done = true;
        prefs.save();
    }
}

fn apply(
    mut actions: MessageReader<Action>,
    mut walk: ResMut<Walkthrough>,
    mut scoring: ResMut<ScoringOpen>,
    mut prefs: ResMut<Prefs>,
) {
    for action in actions.read() {
        match action {
            Action::ShowScoring => scoring.0 = !scoring.0,
            // closed, Next opens it from the start (help's button)
            Action::WalkNext => {
                walk.0 = match walk.0 {
                    None => Some(0),
                    Some(p) if p + 1 < WALK_PAGES => Some(p + 1),
                    Some(_) => {
                        done(&mut prefs);
                        None
                    }
                }
            }
            Action::WalkBack => {
                if let Some(p) = walk.0 {
                    walk.0 = Some(p.saturating_sub(1));
                }
            }
            Action::WalkSkip => {
                let was_open = walk.0.take().is_some();
                if was_open {
                    done(&mut prefs);
                }
            }
            _ => {}
        }
    }
}

/// Keys while an overlay is open: Esc closes help, then the scoring page,
/// then skips the walkthrough; Enter/Space/PageDown/Right turn the
/// walkthrough's pages, PageUp/Left go back. Nothing else reaches the
/// screen (F1, F5 and F11 still work).
fn modal_keys(
    help: Option<ResMut<HelpOpen>>,
    mut scoring: ResMut<ScoringOpen>,
    walk: Res<Walkthrough>,
    mut keys: ResMut<ButtonInput<KeyCode>>,
    mut actions: MessageWriter<Action>,
) {
    let Some(mut help) = help else {
        return;
    };
    if !(help.0 || scoring.0 || walk.0.is_some()) {
        return;
    }
    let esc = keys.just_pressed(KeyCode::Escape);
    let next = keys.any_just_pressed([
        KeyCode::Enter,
        KeyCode::NumpadEnter,
        KeyCode::Space,
        KeyCode::PageDown,
        KeyCode::ArrowRight,
    ]);
    let back = keys.any_just_pressed([KeyCode::PageUp, KeyCode::ArrowLeft]);
    if help.0 {
        if esc {
            help.0 = false;
        }
    } else if scoring.0 {
        if esc || next {
            scoring.0 = false;
        }
    } else if esc {
        actions.write(Action::WalkSkip);
    } else if next {
        actions.write(Action::WalkNext);
    } else if back {
        actions.write(Action::WalkBack);
    }
    let global = [KeyCode::F1, KeyCode::F5, KeyCode::F11];
    let pressed: Vec<KeyCode> = keys
        .get_just_pressed()
        .copied()
        .filter(|k| !global.contains(k))
        .collect();
    for k in pressed {
        keys.clear_just_pressed(k);
    }
}

#[derive(Component)]
struct WalkOverlay;

#[derive(Component)]
struct ScoringOverlay;

/// A dimmed full-window layer at `z` with a centred, scrolling panel.
fn layer(commands: &mut Commands, ui: &Ui, z: i32, marker: impl Bundle) -> Entity {
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
            GlobalZIndex(z),
        ))
        .id();
    commands
        .spawn((
            panel(
                ui.p,
                Node {
                    width: percent(70),
                    max_height: percent(90),
                    padding: UiRect::all(px(space::L)),
                    overflow: Overflow::scroll_y(),
                    ..panel_node()
                },
            ),
            ChildOf(layer),
        ))
        .id()
}

fn show_walkthrough(
    mut commands: Commands,
    walk: Res<Walkthrough>,
    existing: Query<Entity, With<WalkOverlay>>,
    ui: Res<Ui>,
) {
    for e in &existing {
        commands.entity(e).despawn();
    }
    let Some(page) = walk.0 else {
        return;
    };
    let p = layer(
        &mut commands,
        &ui,
        14,
        (Name::new("Walkthrough"), WalkOverlay),
    );
    commands.spawn((
        label(
            ui.fill(
                "walk.page",
                &[
                    ("n", &(page + 1).to_string()),
                    ("of", &WALK_PAGES.to_string()),
                ],
            ),
            size::SMALL,
            ui.p.muted,
        ),
        ChildOf(p),
    ));
    commands.spawn((
        label(ui.t(&format!("walk.{page}.title")), size::TITLE, ui.p.text),
        ChildOf(p),
    ));
    for line in ui.t(&format!("walk.{page}.body")).lines() {
        commands.spawn((paragraph(line, size::BODY, ui.p.text), ChildOf(p)));
    }
    let buttons = commands
        .spawn((
            Node {
                flex_shrink: 0.0,
                margin: UiRect::top(px(space::M)),
                ..row(space::S)
            },
            ChildOf(p),
        ))
        .id();
    if page > 0 {
        commands.spawn((
            button(ui.p, ui.t("walk.back"), Action::WalkBack),
            ChildOf(buttons),
        ));
    }
    let last = page + 1 == WALK_PAGES;
    commands.spawn((
        primary_button(
            ui.p,
            ui.t(if last { "walk.done" } else { "walk.next" }),
            Action::WalkNext,
        ),
        ChildOf(buttons),
    ));
    if !last {
        commands.spawn((
            button(ui.p, ui.t("walk.skip"), Action::WalkSkip),
            ChildOf(buttons),
        ));
    }
    commands.spawn((
        button(ui.p, ui.t("ui.scoring_title"), Action::ShowScoring),
        ChildOf(buttons),
    ));
    commands.spawn((
        paragraph(ui.t("walk.keys"), size::SMALL, ui.p.muted),
        ChildOf(p),
    ));
}

/// Every rule of the rubric under its dimension and the dimension's weight
/// in the overall score.
fn show_scoring(
    mut commands: Commands,
    open: Res<ScoringOpen>,
    existing: Query<Entity, With<ScoringOverlay>>,
    ui: Res<Ui>,
) {
    for e in &existing {
        commands.entity(e).despawn();
    }
    if !open.0 {
        return;
    }
    let p = layer(
        &mut commands,
        &ui,
        16,
        (Name::new("How scoring works"), ScoringOverlay),
    );
    commands.spawn((
        label(ui.t("ui.scoring_title"), size::TITLE, ui.p.text),
        ChildOf(p),
    ));
    for line in ui.t("ui.scoring_intro").lines() {
        commands.spawn((paragraph(line, size::BODY, ui.p.text), ChildOf(p)));
    }
    for d in Dimension::ALL {
        commands.spawn((
            label(
                ui.fill(
                    "ui.scoring_dimension",
                    &[
                        ("dimension", &ui.t(&format!("dimension.{}", d.name()))),
                        ("weight", &format!("{:.0}", d.weight())),
                    ],
                ),
                size::LEAD,
                ui.p.accent,
            ),
            ChildOf(p),
        ));
        for rule in Rule::current().filter(|r| r.dimension() == d) {
            commands.spawn((
                paragraph(
                    format!("• {}", rule.stated(ui.locale)),
                    size::SMALL,
                    ui.p.text,
                ),
                ChildOf(p),
            ));
        }
    }
    commands.spawn((
        primary_button(ui.p, ui.t("ui.close"), Action::ShowScoring),
        ChildOf(p),
    ));
}
