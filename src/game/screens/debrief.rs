//! Debrief: the scores with bars, the concession ladder chart, the sandwich
//! feedback and the transcript with tags.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::despawn_roots;
use super::dialogue::{Dialogue, dialogue};
use crate::game::action::ScreenActions;
use crate::game::state::Setup;
use crate::game::theme::{size, space};
use crate::game::widgets::{
    bar, button, column, heading, label, max_scroll, panel, panel_node, paragraph, primary_button,
    row, screen_root, spread_row,
};
use crate::game::{Action, DataDir, Game, GameView, Screen, Ui};
use crate::history;
use crate::i18n::money;
use crate::report::{Format, Report};
use crate::scoring::chart::label_tops;
use crate::scoring::chart::{price_points, price_span};
use crate::scoring::debrief::team_results;
use crate::scoring::debrief::{Point, debrief};
use crate::scoring::scorecard::Scorecard;
use crate::session::describe::outcome_line;
use crate::session::{Session, random_seed};
use crate::storage::{write_atomic, write_new};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Debrief), (record_history, spawn).chain())
        .add_systems(
            Update,
            (
                keys,
                apply,
                scroll_feedback,
                rebuild.run_if(shown_changed),
                separate_chart_labels,
            )
                .chain()
                .run_if(in_state(Screen::Debrief)),
        );
}

/// The session, what is shown of it, or the language or palette changed.
fn shown_changed(game: Option<Res<Game>>, view: Option<Res<GameView>>, ui: Res<Ui>) -> bool {
    game.is_some_and(|g| g.is_changed()) || view.is_some_and(|v| v.is_changed()) || ui.is_changed()
}

#[derive(Component)]
struct DebriefRoot;

/// The feedback panel that Space/PageDown and PageUp scroll.
#[derive(Component)]
struct Feedback;

/// Shows where an export went, or why it failed.
#[derive(Component)]
struct ExportNotice;

/// The overall score, as shown.
#[derive(Component)]
struct OverallScore;

fn spawn(mut commands: Commands, game: Res<Game>, view: Res<GameView>, ui: Res<Ui>) {
    draw(&mut commands, &game, &view, &ui);
}

fn rebuild(
    mut commands: Commands,
    roots: Query<Entity, With<DebriefRoot>>,
    game: Res<Game>,
    view: Res<GameView>,
    ui: Res<Ui>,
) {
    if despawn_roots(&mut commands, &roots) {
        draw(&mut commands, &game, &view, &ui);
    }
}

fn scroll_feedback(
    mut actions: ScreenActions,
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

fn draw(commands: &mut Commands, game: &Game, view: &GameView, ui: &Ui) {
    let session = &game.session;
    let s = session.scenario();
    let root = commands
        .spawn((
            Name::new("Debrief screen"),
            DebriefRoot,
            DespawnOnExit(Screen::Debrief),
            screen_root(),
        ))
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
            Name::new("Feedback"),
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
    let card = session.scorecard();
    scores_and_chart(commands, body, session, &card, view.scores_hidden, ui);
    feedback(commands, body, session, &card, view.scores_hidden, ui);
    let notice = commands
        .spawn((ExportNotice, row(space::S), ChildOf(root)))
        .id();
    if let Some(n) = &view.notice {
        commands.spawn((paragraph(n, size::BODY, ui.p.warn), ChildOf(notice)));
    }
    buttons(commands, root, ui);
}

/// The scores (or a note that they are hidden) beside the price chart.
fn scores_and_chart(
    commands: &mut Commands,
    body: Entity,
    session: &Session,
    card: &Scorecard,
    scores_hidden: bool,
    ui: &Ui,
) {
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
    if scores_hidden {
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
        scores(commands, top, card, ui);
    }
    chart(commands, top, session, ui);
}

/// Team scores, the sandwich feedback and the transcript.
fn feedback(
    commands: &mut Commands,
    body: Entity,
    session: &Session,
    card: &Scorecard,
    scores_hidden: bool,
    ui: &Ui,
) {
    let feedback = debrief(session.scenario(), session.turns(), card, ui.locale);
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
    if !scores_hidden {
        teams(commands, below, session, ui);
    }
    let colours = [ui.p.good, ui.p.warn, ui.p.accent];
    for ((key, points), colour) in feedback.sections().into_iter().zip(colours) {
        section(commands, below, &ui.t(key), points, colour, ui);
    }
    transcript(commands, below, session, ui);
}

/// Title, How scoring works, Export, Retry with a new seed, Retry; the keys.
fn buttons(commands: &mut Commands, root: Entity, ui: &Ui) {
    commands.spawn((
        spread_row(space::M),
        ChildOf(root),
        children![
            button(ui.p, ui.t("ui.title_button"), Action::QuitToTitle),
            (
                row(space::M),
                children![
                    button(ui.p, ui.t("ui.scoring_title"), Action::ShowScoring),
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

/// The overall score, large, and one bar per dimension.
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
    let p = commands
        .spawn((
            Name::new("Price chart"),
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
            Plot,
            ChildOf(p),
        ))
        .id();
    plot_prices(commands, plot, session, ui);
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

/// The list price, budget and floor as labelled lines, and a dot per offer.
fn plot_prices(commands: &mut Commands, plot: Entity, session: &Session, ui: &Ui) {
    let product = &session.scenario().product;
    let budget = session.params().budget;
    let (yours, theirs) = price_points(session.turns());
    let (low, high) = price_span(session.turns(), session.scenario(), budget);
    let turns = session.turns().len().max(1) as f32;
    let y = |price: f64| ((1.0 - (price - low) / (high - low)).clamp(0.0, 1.0) * 100.0) as f32;
    let x = |turn: u32| (turn as f32 - 0.5) / turns * 100.0;
    for (price, key, colour) in [
        (product.list_price, "ui.list_price", ui.p.muted),
        (budget, "ui.their_budget", ui.p.good),
        (product.floor, "ui.floor", ui.p.warn),
    ] {
        let text = ui.fill(key, &[("price", &money(price, &product.currency))]);
        price_line(commands, plot, y(price), text, colour);
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
}

/// A horizontal line `top` percent down the plot, and its label at the
/// left, placed apart from the other labels once laid out
/// ([`separate_chart_labels`]).
fn price_line(commands: &mut Commands, plot: Entity, top: f32, text: String, colour: Color) {
    commands.spawn((
        Node {
            position_type: PositionType::Absolute,
            top: percent(top),
            width: percent(100),
            height: px(1),
            ..default()
        },
        BackgroundColor(colour),
        ChildOf(plot),
    ));
    commands.spawn((
        ChartLabel { line: top },
        Node {
            position_type: PositionType::Absolute,
            left: px(4),
            top: percent(top),
            ..default()
        },
        ChildOf(plot),
        children![label(text, size::SMALL, colour)],
    ));
}

/// The price chart's plot area.
#[derive(Component)]
pub struct Plot;

/// A line's label on the price chart, and where its line is (percent of
/// the plot's height from the top).
#[derive(Component)]
pub struct ChartLabel {
    pub line: f32,
}

/// Places the chart's labels, as measured, so that none overlaps another
/// or leaves the plot (`scoring::chart::label_tops`).
pub(super) fn separate_chart_labels(
    plots: Query<(&ComputedNode, &Children), With<Plot>>,
    mut labels: Query<(&ChartLabel, &ComputedNode, &mut Node)>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    for (plot, children) in &plots {
        let k = plot.inverse_scale_factor;
        let plot_h = plot.size.y * k;
        if plot_h < 1.0 {
            continue;
        }
        let placed: Vec<(Entity, f64)> = children
            .iter()
            .filter_map(|c| labels.get(c).ok().map(|(l, _, _)| (c, f64::from(l.line))))
            .collect();
        let height = placed
            .iter()
            .filter_map(|(c, _)| labels.get(*c).ok())
            .map(|(_, n, _)| n.size.y * k)
            .fold(0.0_f32, f32::max);
        let lines: Vec<f64> = placed.iter().map(|p| p.1).collect();
        let tops = label_tops(&lines, f64::from(height / plot_h * 100.0));
        for ((c, _), top) in placed.iter().zip(tops) {
            let want = px(top as f32 * plot_h / 100.0);
            if let Ok((_, _, mut node)) = labels.get_mut(*c)
                && node.top != want
            {
                node.top = want;
                redraw.write(bevy::window::RequestRedraw);
            }
        }
    }
}

/// One part of the sandwich feedback: each point, the quoted words and a
/// better answer.
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

/// Where an export's message goes.
#[derive(SystemParam)]
struct Exporter<'w, 's> {
    commands: Commands<'w, 's>,
    notices: Query<'w, 's, Entity, With<ExportNotice>>,
    data: Res<'w, DataDir>,
    ui: Res<'w, Ui>,
}

impl Exporter<'_, '_> {
    /// Writes the reports and says what was written (with a button to open
    /// the folder), or why nothing was.
    fn export(&mut self, game: &Game) {
        let ui = &*self.ui;
        let (text, colour, written) = match export(game, &self.data) {
            Ok(stem) => (ui.fill("ui.exported", &[("name", &stem)]), ui.p.good, true),
            Err(e) => (ui.fill("play.not_saved", &[("error", &e)]), ui.p.bad, false),
        };
        for n in &self.notices {
            self.commands.entity(n).despawn_children();
            self.commands
                .spawn((label(text.clone(), size::BODY, colour), ChildOf(n)));
            if written {
                self.commands.spawn((
                    button(ui.p, ui.t("ui.open_folder"), Action::OpenReports),
                    ChildOf(n),
                ));
            }
        }
    }

    /// Opens the reports folder in the system's file manager.
    fn open_folder(&mut self) {
        let Some(dir) = self.data.0.as_ref().map(|d| d.join("reports")) else {
            return;
        };
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else if cfg!(windows) {
            "explorer"
        } else {
            "xdg-open"
        };
        let opened = std::process::Command::new(opener)
            .arg(&dir)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        if opened.is_err() {
            let ui = &*self.ui;
            let text = ui.fill("ui.open_failed", &[("path", &dir.display().to_string())]);
            for n in &self.notices {
                self.commands
                    .spawn((paragraph(text.clone(), size::SMALL, ui.p.warn), ChildOf(n)));
            }
        }
    }
}

fn apply(
    mut actions: ScreenActions,
    mut game: ResMut<Game>,
    mut view: ResMut<GameView>,
    mut setup: ResMut<Setup>,
    mut exporter: Exporter,
    mut next: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        match action {
            Action::RetrySame | Action::RetryNew => {
                if *action == Action::RetryNew {
                    setup.seed = random_seed();
                }
                let s = &game.session;
                let session = Session::start(&s.prepared, s.difficulty, setup.seed);
                game.session = session;
                game.recorded = false;
                view.hint = None;
                view.notice = None;
                next.set(Screen::Negotiation);
            }
            Action::QuitToTitle => next.set(Screen::Title),
            Action::ToggleScores => view.scores_hidden = !view.scores_hidden,
            Action::Export => exporter.export(&game),
            Action::OpenReports => exporter.open_folder(),
            _ => {}
        }
    }
}

/// Saves the transcript (JSON, what `counteroffer score` and `summarize`
/// read) and the Markdown and HTML reports beside it; returns the JSON path.
fn export(game: &Game, data: &DataDir) -> Result<String, String> {
    let session = &game.session;
    let t = game.transcript();
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
    let stem = json
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    for format in [Format::Markdown, Format::Html] {
        let path = dir.join(format!("{stem}.{}", format.extension()));
        write_atomic(&path, report.render(format).as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(stem)
}

/// Every finished session goes into the practice history, once.
fn record_history(
    mut game: ResMut<Game>,
    mut view: ResMut<GameView>,
    ui: Res<Ui>,
    data: Res<DataDir>,
) {
    if game.recorded {
        return;
    }
    game.recorded = true;
    if let Some(j) = game.journal.take() {
        j.finish();
    }
    let t = game.transcript();
    let entry = history::Entry::from_transcript(&t, game.session.scenario());
    let saved = data
        .history()
        .ok_or_else(|| "no data directory on this system".to_string())
        .and_then(|p| history::append(&p, &entry).map_err(|e| format!("{}: {e}", p.display())));
    if let Err(e) = saved {
        view.notice = Some(ui.fill("ui.history_not_saved", &[("error", &e)]));
    }
}

/// The teams ranked by their own replies' overall, each with its
/// dimensions, its best move and its costliest mistake in its own words.
fn teams(commands: &mut Commands, parent: Entity, session: &Session, ui: &Ui) {
    let results = team_results(
        session.scenario(),
        session.difficulty,
        session.turns(),
        session.outcome(),
        ui.locale,
    );
    if results.is_empty() {
        return;
    }
    commands.spawn((
        label(ui.t("ui.team_scores"), size::LEAD, ui.p.accent),
        ChildOf(parent),
    ));
    commands.spawn((
        paragraph(ui.t("ui.team_note"), size::SMALL, ui.p.muted),
        ChildOf(parent),
    ));
    for (rank, r) in results.iter().enumerate() {
        let dims: Vec<String> = r
            .card
            .dimensions
            .iter()
            .map(|(d, v)| format!("{} {v:.0}", ui.t(&format!("dimension.{}", d.name()))))
            .collect();
        commands.spawn((
            paragraph(
                ui.fill(
                    "ui.team_line",
                    &[
                        ("rank", &(rank + 1).to_string()),
                        ("team", &r.team),
                        ("score", &format!("{:.0}", r.card.overall)),
                        ("dimensions", &dims.join(" · ")),
                    ],
                ),
                size::BODY,
                ui.p.text,
            ),
            ChildOf(parent),
        ));
        for (key, point, colour) in [
            ("ui.team_strength", &r.strength, ui.p.good),
            ("ui.team_mistake", &r.mistake, ui.p.warn),
        ] {
            if let Some(p) = point {
                let mut line = ui.fill(key, &[("text", &p.text)]);
                if !p.quote.is_empty() {
                    line = format!("{line} “{}”", p.quote);
                }
                commands.spawn((paragraph(line, size::SMALL, colour), ChildOf(parent)));
            }
        }
    }
}
