//! Progress: the trend of each dimension over recent sessions, the best
//! score per scenario, the objection type handled worst and a scenario to
//! practise next.

use bevy::prelude::*;

use super::despawn_roots;
use crate::game::action::ScreenActions;
use crate::game::state::Setup;
use crate::game::theme::{size, space};
use crate::game::widgets::{
    button, column, heading, label, main_area, panel, panel_node, paragraph, primary_button, row,
    screen_root, spread_row,
};
use crate::game::{Action, Catalog, DataDir, Entry, Screen, Ui};
use crate::history::{self, Progress};
use crate::scenario::Scenario;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Progress), spawn)
        .add_systems(
            Update,
            (keys, apply, redraw.run_if(resource_changed::<Ui>))
                .chain()
                .run_if(in_state(Screen::Progress)),
        );
}

#[derive(Component)]
struct ProgressRoot;

fn playable(catalog: &Catalog) -> Vec<&Scenario> {
    catalog
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::Ready(p) => Some(&*p.scenario),
            Entry::Broken { .. } => None,
        })
        .collect()
}

fn spawn(mut commands: Commands, catalog: Res<Catalog>, data: Res<DataDir>, ui: Res<Ui>) {
    draw(&mut commands, &catalog, &data, &ui);
}

/// The language or projector mode changed: drawn again in place.
fn redraw(
    mut commands: Commands,
    roots: Query<Entity, With<ProgressRoot>>,
    catalog: Res<Catalog>,
    data: Res<DataDir>,
    ui: Res<Ui>,
) {
    if despawn_roots(&mut commands, &roots) {
        draw(&mut commands, &catalog, &data, &ui);
    }
}

fn draw(commands: &mut Commands, catalog: &Catalog, data: &DataDir, ui: &Ui) {
    // damaged lines (a torn write) are skipped, and said so
    let (entries, notice) = match data.history().map(|p| (history::read_checked(&p), p)) {
        Some((Ok((entries, 0)), _)) => (entries, None),
        Some((Ok((entries, skipped)), p)) => (
            entries,
            Some(ui.fill(
                "ui.history_skipped",
                &[
                    ("lines", &ui.locale.count("count.damaged_lines", skipped)),
                    ("path", &p.display().to_string()),
                ],
            )),
        ),
        Some((Err(e), _)) => (
            Vec::new(),
            Some(ui.fill("ui.history_unreadable", &[("error", &e)])),
        ),
        None => (Vec::new(), None),
    };
    // recommend in the player's language
    let mine: Vec<&Scenario> = playable(catalog)
        .into_iter()
        .filter(|s| s.lang() == ui.lang)
        .collect();
    let progress = history::progress(&entries, &mine);
    let root = commands
        .spawn((
            Name::new("Progress screen"),
            ProgressRoot,
            DespawnOnExit(Screen::Progress),
            screen_root(),
        ))
        .id();
    commands.spawn((
        column(space::XS),
        ChildOf(root),
        children![
            label(ui.t("ui.progress_title"), size::HERO, ui.p.text),
            label(
                ui.fill(
                    "ui.progress_sessions",
                    &[("sessions", &progress.sessions.to_string())]
                ),
                size::BODY,
                ui.p.muted
            ),
        ],
    ));
    if let Some(notice) = notice {
        commands.spawn((paragraph(notice, size::BODY, ui.p.warn), ChildOf(root)));
    }
    let body = commands
        .spawn((
            Node {
                flex_direction: FlexDirection::Column,
                overflow: Overflow::scroll_y(),
                ..main_area(space::M)
            },
            ChildOf(root),
        ))
        .id();
    if progress.sessions == 0 {
        commands.spawn((
            paragraph(ui.t("ui.progress_empty"), size::LEAD, ui.p.text),
            ChildOf(body),
        ));
    } else {
        trend(commands, body, &progress, ui);
        summary(commands, body, &progress, catalog, ui);
    }
    commands.spawn((
        spread_row(space::M),
        ChildOf(root),
        children![button(ui.p, ui.t("ui.back"), Action::Back)],
    ));
}

/// One small bar chart per dimension: a bar per recent session.
fn trend(commands: &mut Commands, parent: Entity, progress: &Progress, ui: &Ui) {
    commands.spawn((heading(ui.p, ui.t("ui.trend")), ChildOf(parent)));
    let grid = commands
        .spawn((
            Node {
                flex_shrink: 0.0,
                row_gap: px(space::M),
                ..row(space::M)
            },
            ChildOf(parent),
        ))
        .id();
    for (d, values) in &progress.trend {
        let card = commands
            .spawn((
                panel(
                    ui.p,
                    Node {
                        width: px(280),
                        flex_shrink: 0.0,
                        ..panel_node()
                    },
                ),
                ChildOf(grid),
            ))
            .id();
        let last = values.last().copied().unwrap_or(0.0);
        commands.spawn((
            spread_row(space::S),
            ChildOf(card),
            children![
                label(
                    ui.t(&format!("dimension.{}", d.name())),
                    size::BODY,
                    ui.p.text
                ),
                label(format!("{last:.0}"), size::LEAD, ui.p.accent),
            ],
        ));
        let bars = commands
            .spawn((
                Node {
                    height: px(70),
                    align_items: AlignItems::FlexEnd,
                    column_gap: px(4),
                    ..default()
                },
                ChildOf(card),
            ))
            .id();
        for v in values {
            let share = (*v / 100.0).clamp(0.02, 1.0) as f32;
            commands.spawn((
                Node {
                    width: px(20),
                    height: percent(share * 100.0),
                    ..default()
                },
                BackgroundColor(ui.p.meter(share)),
                ChildOf(bars),
            ));
        }
    }
}

fn summary(
    commands: &mut Commands,
    parent: Entity,
    progress: &Progress,
    catalog: &Catalog,
    ui: &Ui,
) {
    let p = commands
        .spawn((
            panel(
                ui.p,
                Node {
                    flex_shrink: 0.0,
                    ..panel_node()
                },
            ),
            ChildOf(parent),
        ))
        .id();
    let (line, colour) = match progress.weakest {
        Some((kind, score)) => (
            ui.fill(
                "ui.weakest",
                &[
                    ("kind", &ui.kind_name(kind)),
                    ("score", &format!("{score:.0}")),
                ],
            ),
            ui.p.warn,
        ),
        None => (
            ui.fill(
                "ui.no_weak",
                &[("score", &format!("{:.0}", history::WEAK_BELOW))],
            ),
            ui.p.good,
        ),
    };
    commands.spawn((paragraph(line, size::LEAD, colour), ChildOf(p)));
    let suggested = progress
        .suggestion
        .as_deref()
        .and_then(|id| catalog.find(id))
        .map(|(i, p)| (i, p.scenario.title.clone()));
    if let Some((i, title)) = suggested {
        commands.spawn((
            row(space::M),
            ChildOf(p),
            children![
                label(
                    ui.fill("ui.suggest", &[("title", &title)]),
                    size::BODY,
                    ui.p.text
                ),
                primary_button(ui.p, ui.t("ui.practise"), Action::SelectScenario(i)),
            ],
        ));
    }
    commands.spawn((heading(ui.p, ui.t("ui.best")), ChildOf(p)));
    for (_, title, best) in &progress.best {
        commands.spawn((
            label(format!("{best:.0}  {title}"), size::BODY, ui.p.text),
            ChildOf(p),
        ));
    }
}

fn keys(keys: Res<ButtonInput<KeyCode>>, mut actions: MessageWriter<Action>) {
    if keys.any_just_pressed([KeyCode::Escape, KeyCode::PageUp]) {
        actions.write(Action::Back);
    }
}

fn apply(
    mut actions: ScreenActions,
    mut setup: ResMut<Setup>,
    mut next: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        match action {
            Action::Back => next.set(Screen::Title),
            // the suggested scenario, straight to its briefing
            Action::SelectScenario(i) => {
                setup.scenario = *i;
                next.set(Screen::Briefing);
            }
            _ => {}
        }
    }
}
