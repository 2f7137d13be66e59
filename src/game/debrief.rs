//! Debrief: the scores with bars, the concession ladder chart, the sandwich
//! feedback and the transcript with tags.

use bevy::prelude::*;

use super::negotiation::{Dialogue, dialogue};
use super::theme::{size, space};
use super::widgets::{
    bar, button, column, heading, label, max_scroll, panel, panel_node, paragraph, primary_button,
    row, screen_root, spread_row,
};
use super::{Action, DataDir, Game, Screen, Setup, Ui};
use crate::history;
use crate::i18n::money;
use crate::report::{Format, Report};
use crate::scoring::debrief::{Point, debrief};
use crate::scoring::scorecard::{Scorecard, by_team};
use crate::session::transcript::Transcript;
use crate::scoring::chart::{price_points, price_span};
use crate::session::{Session, random_seed};
use crate::session::describe::outcome_line;
use crate::storage::{write_atomic, write_new};

pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Debrief), (record_history, spawn).chain())
        .add_systems(
            Update,
            (
                keys,
                apply,
                scroll_feedback,
                rebuild.run_if(resource_exists_and_changed::<Game>),
            )
                .chain()
                .run_if(in_state(Screen::Debrief)),
        );
}

#[derive(Component)]
struct DebriefRoot;

/// The feedback panel that Space/PageDown and PageUp scroll.
#[derive(Component)]
struct Feedback;

fn rebuild(
    mut commands: Commands,
    roots: Query<Entity, With<DebriefRoot>>,
    game: Res<Game>,
    ui: Res<Ui>,
) {
    for e in &roots {
        commands.entity(e).despawn();
    }
    spawn(commands, game, ui);
}

fn scroll_feedback(
    mut actions: MessageReader<Action>,
    mut panels: Query<(&mut ScrollPosition, &ComputedNode), With<Feedback>>,
) {
    for action in actions.read() {
        let step = match action {
            Action::Advance => 300.0,
            Action::Retreat => -300.0,
            _ => continue,
        };
        for (mut scroll, node) in &mut panels {
            scroll.0.y = (scroll.0.y + step).clamp(0.0, max_scroll(node));
        }
    }
}

/// Shows where an export went, or why it failed.
#[derive(Component)]
struct ExportNotice;

/// The overall score, as shown (tests read it back).
#[derive(Component)]
pub struct OverallScore;

fn spawn(mut commands: Commands, game: Res<Game>, ui: Res<Ui>) {
    let session = &game.session;
    let s = session.scenario();
    let card = session.scorecard();
    let feedback = debrief(s, session.turns(), &card, ui.locale);
    let root = commands
        .spawn((DebriefRoot, DespawnOnExit(Screen::Debrief), screen_root()))
        .id();

    let outcome = outcome_line(session.outcome(), &s.product.currency, ui.locale);
    commands.spawn((
        spread_row(space::M),
        ChildOf(root),
        children![(
            column(space::XS),
            children![
                label(ui.t("ui.debrief"), size::TITLE, ui.p.text),
                label(format!("{} · {outcome}", s.title), size::BODY, ui.p.muted),
            ],
        )],
    ));

    // scores, chart and feedback scroll together, so large type never
    // pushes the buttons off the window
    let body = commands
        .spawn((
            Node {
                flex_grow: 1.0,
                flex_basis: px(0),
                min_height: px(0),
                overflow: Overflow::scroll_y(),
                ..column(space::M)
            },
            Feedback,
            ScrollPosition::default(),
            ChildOf(root),
        ))
        .id();
    let top = commands
        .spawn((
            Node {
                align_items: AlignItems::Stretch,
                flex_shrink: 0.0,
                ..row(space::M)
            },
            ChildOf(body),
        ))
        .id();
    if game.scores_hidden {
        commands.spawn((
            panel(
                ui.p,
                Node {
                    width: px(460),
                    justify_content: JustifyContent::Center,
                    ..panel_node()
                },
            ),
            ChildOf(top),
            children![label(ui.t("ui.scores_hidden"), size::LEAD, ui.p.muted)],
        ));
    } else {
        scores(&mut commands, top, &card, &ui);
    }
    chart(&mut commands, top, session, &ui);

    let below = commands
        .spawn((
            panel(
                ui.p,
                Node {
                    flex_shrink: 0.0,
                    ..panel_node()
                },
            ),
            ChildOf(body),
        ))
        .id();
    if !game.scores_hidden {
        teams(&mut commands, below, session, &ui);
    }
    let colours = [ui.p.good, ui.p.warn, ui.p.accent];
    for ((key, points), colour) in feedback.sections().into_iter().zip(colours) {
        section(&mut commands, below, &ui.t(key), points, colour, &ui);
    }
    transcript(&mut commands, below, session, &ui);

    let notice = commands
        .spawn((ExportNotice, row(space::S), ChildOf(root)))
        .id();
    if let Some(n) = &game.notice {
        commands.spawn((paragraph(n, size::BODY, ui.p.warn), ChildOf(notice)));
    }
    commands.spawn((
        spread_row(space::M),
        ChildOf(root),
        children![
            button(ui.p, ui.t("ui.title_button"), Action::QuitToTitle),
            (
                row(space::M),
                children![
                    button(ui.p, ui.t("ui.export"), Action::Export),
                    button(ui.p, ui.t("ui.retry_new"), Action::RetryNew),
                    primary_button(ui.p, ui.t("ui.retry_same"), Action::RetrySame),
                ],
            ),
        ],
    ));
    commands.spawn((
        paragraph(ui.t("ui.debrief_keys"), size::SMALL, ui.p.muted),
        ChildOf(root),
    ));
}

fn scores(commands: &mut Commands, parent: Entity, card: &Scorecard, ui: &Ui) {
    let p = commands
        .spawn((
            panel(
                ui.p,
                Node {
                    width: px(460),
                    ..panel_node()
                },
            ),
            ChildOf(parent),
        ))
        .id();
    commands.spawn((
        row(space::M),
        ChildOf(p),
        children![
            (
                OverallScore,
                label(
                    format!("{:.0}", card.overall),
                    size::HERO * 1.6,
                    ui.p.accent
                )
            ),
            heading(ui.p, ui.t("ui.overall")),
        ],
    ));
    for (d, value) in &card.dimensions {
        let share = (*value / 100.0) as f32;
        commands.spawn((
            spread_row(space::S),
            ChildOf(p),
            children![
                (
                    Node {
                        width: px(220),
                        ..default()
                    },
                    children![label(
                        ui.t(&format!("dimension.{}", d.name())),
                        size::BODY,
                        ui.p.text
                    )]
                ),
                bar(ui.p, share, ui.p.meter(share), px(140)),
                label(format!("{value:.0}"), size::BODY, ui.p.text),
            ],
        ));
    }
}

/// Prices by turn: your offers, the customer's, the floor and the
/// customer's budget drawn as lines.
fn chart(commands: &mut Commands, parent: Entity, session: &Session, ui: &Ui) {
    let product = &session.scenario().product;
    let budget = session.params().budget;
    let (yours, theirs) = price_points(session.turns());
    let (low, high) = price_span(session.turns(), session.scenario(), budget);
    let turns = session.turns().len().max(1) as f32;
    let y = |price: f64| ((1.0 - (price - low) / (high - low)).clamp(0.0, 1.0) * 100.0) as f32;
    let x = |turn: u32| (turn as f32 - 0.5) / turns * 100.0;
    let cur = &product.currency;

    let p = commands
        .spawn((
            panel(
                ui.p,
                Node {
                    flex_grow: 1.0,
                    ..panel_node()
                },
            ),
            ChildOf(parent),
        ))
        .id();
    commands.spawn((
        label(ui.t("ui.ladder_chart"), size::BODY, ui.p.text),
        ChildOf(p),
    ));
    let plot = commands
        .spawn((
            Node {
                width: percent(100),
                height: px(220),
                border: UiRect::left(px(1)).with_bottom(px(1)),
                ..default()
            },
            BorderColor::all(ui.p.border),
            ChildOf(p),
        ))
        .id();
    for (price, key, colour) in [
        (product.list_price, "ui.list_price", ui.p.muted),
        (budget, "ui.their_budget", ui.p.good),
        (product.floor, "ui.floor", ui.p.warn),
    ] {
        commands.spawn((
            Node {
                position_type: PositionType::Absolute,
                top: percent(y(price)),
                width: percent(100),
                height: px(1),
                ..default()
            },
            BackgroundColor(colour),
            ChildOf(plot),
            children![(
                Node {
                    position_type: PositionType::Absolute,
                    left: px(4),
                    bottom: px(2),
                    ..default()
                },
                children![label(
                    ui.fill(key, &[("price", &money(price, cur))]),
                    size::SMALL,
                    colour
                )],
            )],
        ));
    }
    // theirs first, so yours stay visible where both named a price
    for (points, colour) in [(&theirs, ui.p.good), (&yours, ui.p.accent)] {
        for (turn, price) in points {
            commands.spawn((
                Node {
                    position_type: PositionType::Absolute,
                    left: percent(x(*turn)),
                    top: percent(y(*price)),
                    width: px(12),
                    height: px(12),
                    margin: UiRect::new(px(-6), px(0), px(-6), px(0)),
                    border_radius: BorderRadius::MAX,
                    ..default()
                },
                BackgroundColor(colour),
                ChildOf(plot),
            ));
        }
    }
    commands.spawn((
        row(space::M),
        ChildOf(p),
        children![
            label(
                format!("● {}", ui.t("ui.your_offers")),
                size::SMALL,
                ui.p.accent
            ),
            label(
                format!("● {}", ui.t("ui.their_offers")),
                size::SMALL,
                ui.p.good
            ),
            label(ui.t("ui.turns_axis"), size::SMALL, ui.p.muted),
        ],
    ));
}

fn section(
    commands: &mut Commands,
    parent: Entity,
    heading: &str,
    points: &[Point],
    colour: Color,
    ui: &Ui,
) {
    if points.is_empty() {
        return;
    }
    commands.spawn((label(heading, size::LEAD, colour), ChildOf(parent)));
    for p in points {
        let item = commands
            .spawn((
                Node {
                    padding: UiRect::left(px(space::M)),
                    ..column(2.0)
                },
                ChildOf(parent),
            ))
            .id();
        commands.spawn((paragraph(&p.text, size::BODY, ui.p.text), ChildOf(item)));
        if !p.quote.is_empty() {
            commands.spawn((
                paragraph(
                    ui.fill("debrief.you_said", &[("quote", &p.quote)]),
                    size::SMALL,
                    ui.p.muted,
                ),
                ChildOf(item),
            ));
        }
        if let Some(b) = &p.better {
            commands.spawn((
                paragraph(
                    ui.fill("debrief.try", &[("answer", b)]),
                    size::SMALL,
                    ui.p.good,
                ),
                ChildOf(item),
            ));
        }
    }
}

fn transcript(commands: &mut Commands, parent: Entity, session: &Session, ui: &Ui) {
    commands.spawn((heading(ui.p, ui.t("ui.transcript")), ChildOf(parent)));
    let how = Dialogue {
        text_size: size::SMALL,
        numbered: true,
        chips: true,
    };
    dialogue(commands, parent, session, ui, how);
}

fn keys(keys: Res<ButtonInput<KeyCode>>, mut actions: MessageWriter<Action>) {
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    let pressed = |k: KeyCode| keys.just_pressed(k);
    let action = if ctrl && pressed(KeyCode::KeyE) {
        Action::Export
    } else if pressed(KeyCode::Enter) {
        Action::RetrySame
    } else if pressed(KeyCode::KeyN) {
        Action::RetryNew
    } else if pressed(KeyCode::Escape) {
        Action::QuitToTitle
    } else if pressed(KeyCode::KeyH) {
        Action::ToggleScores
    } else if pressed(KeyCode::KeyR) {
        Action::ToggleReveal
    } else if pressed(KeyCode::KeyB) {
        Action::ToggleBlank
    } else if keys.any_just_pressed([KeyCode::Space, KeyCode::PageDown]) {
        Action::Advance
    } else if pressed(KeyCode::PageUp) {
        Action::Retreat
    } else {
        return;
    };
    actions.write(action);
}

fn apply(
    mut commands: Commands,
    mut actions: MessageReader<Action>,
    mut game: ResMut<Game>,
    mut setup: ResMut<Setup>,
    ui: Res<Ui>,
    notices: Query<Entity, With<ExportNotice>>,
    data: Res<DataDir>,
    mut next: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        match action {
            Action::RetrySame | Action::RetryNew => {
                if *action == Action::RetryNew {
                    setup.seed = random_seed();
                }
                let p = game.session.prepared.clone();
                game.session = Session::start(&p, game.session.difficulty, setup.seed);
                game.hint = None;
                game.notice = None;
                game.recorded = false;
                next.set(Screen::Negotiation);
            }
            Action::QuitToTitle => next.set(Screen::Title),
            Action::ToggleScores => game.scores_hidden = !game.scores_hidden,
            Action::Export => {
                let message = match export(&game.session, &data) {
                    Ok(path) => (ui.fill("ui.exported", &[("path", &path)]), ui.p.good),
                    Err(e) => (ui.fill("play.not_saved", &[("error", &e)]), ui.p.bad),
                };
                for n in &notices {
                    commands.entity(n).despawn_children();
                    commands.spawn((label(message.0.clone(), size::BODY, message.1), ChildOf(n)));
                }
            }
            _ => {}
        }
    }
}

/// Saves the transcript (JSON, the format `counteroffer score` reads).
/// Saves the transcript (JSON, what `counteroffer score` and `summarize`
/// read) and the Markdown and HTML reports beside it; returns the JSON path.
fn export(session: &Session, data: &DataDir) -> Result<String, String> {
    let t = Transcript::from_session(session);
    let dir = data
        .0
        .clone()
        .ok_or("no data directory on this system")?
        .join("reports");
    let report = Report::new(&t, session.scenario());
    // a name of its own (another session may finish in the same second),
    // claimed by the JSON; the Markdown and HTML take the same stem
    let stem = format!("{}-{}-{}", t.scenario_id, t.seed, t.finished_at);
    let json = write_new(&dir, &stem, "json", report.render(Format::Json).as_bytes())
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    let stem = json.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    for format in [Format::Markdown, Format::Html] {
        let path = dir.join(format!("{stem}.{}", format.extension()));
        write_atomic(&path, report.render(format).as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(json.display().to_string())
}

/// Every finished session goes into the practice history, once.
fn record_history(mut game: ResMut<Game>, ui: Res<Ui>, data: Res<DataDir>) {
    if game.recorded {
        return;
    }
    game.recorded = true;
    if let Some(j) = game.journal.take() {
        j.finish();
    }
    let t = Transcript::from_session(&game.session);
    let entry = history::Entry::from_transcript(&t, game.session.scenario());
    let saved = data
        .history()
        .ok_or_else(|| "no data directory on this system".to_string())
        .and_then(|p| history::append(&p, &entry).map_err(|e| format!("{}: {e}", p.display())));
    if let Err(e) = saved {
        game.notice = Some(ui.fill("ui.history_not_saved", &[("error", &e)]));
    }
}

/// One line per team: its overall and each dimension, from its own turns.
fn teams(commands: &mut Commands, parent: Entity, session: &Session, ui: &Ui) {
    let cards = by_team(
        session.scenario(),
        session.difficulty,
        session.turns(),
        session.outcome(),
    );
    if cards.is_empty() {
        return;
    }
    commands.spawn((
        label(ui.t("ui.team_scores"), size::LEAD, ui.p.accent),
        ChildOf(parent),
    ));
    for (team, card) in cards {
        let dims: Vec<String> = card
            .dimensions
            .iter()
            .map(|(d, v)| format!("{} {v:.0}", ui.t(&format!("dimension.{}", d.name()))))
            .collect();
        commands.spawn((
            paragraph(
                ui.fill(
                    "ui.team_line",
                    &[
                        ("team", &team),
                        ("score", &format!("{:.0}", card.overall)),
                        ("dimensions", &dims.join(" · ")),
                    ],
                ),
                size::BODY,
                ui.p.text,
            ),
            ChildOf(parent),
        ));
    }
}
