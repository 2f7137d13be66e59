//! Title: pick a scenario, difficulty, mode and seed. Broken scenario files
//! are listed with their error; the rest stay playable.

use bevy::prelude::*;
use bevy::text::{EditableText, EditableTextFilter};

use super::theme::{self, size, space};
use super::widgets::{
    ActionButton, BaseColour, Selected, button, column, heading, label, main_area, panel,
    panel_node, paragraph, primary_button, row, screen_root, spread_row,
};
use super::{
    Action, Catalog, DataDir, Entry, Game, Mode, Prefs, Reloaded, Screen, Setup, Ui,
};
use crate::scenario::{Difficulty, ObjectionKind};

pub fn plugin(app: &mut App) {
    app.init_resource::<Drafts>()
        .init_resource::<Interrupted>()
        .add_systems(OnEnter(Screen::Title), (read_journal, spawn).chain())
        .add_systems(OnExit(Screen::Title), release_journal)
        .add_systems(
            Update,
            (
                keys,
                apply,
                rebuild.run_if(
                    resource_changed::<Setup>
                        .or_else(resource_changed::<Ui>)
                        .or_else(resource_changed::<Catalog>),
                ),
            )
                .chain()
                .run_if(in_state(Screen::Title)),
        );
}

#[derive(Component)]
struct TitleRoot;

/// What the title screen is drawn from.
#[derive(bevy::ecs::system::SystemParam)]
struct TitleData<'w> {
    catalog: Res<'w, Catalog>,
    setup: Res<'w, Setup>,
    ui: Res<'w, Ui>,
    prefs: Res<'w, Prefs>,
    interrupted: Res<'w, Interrupted>,
}

/// The newest interrupted session whose scenario is in the catalog, read
/// each time the title opens rather than on every redraw; claimed (locked)
/// while the title shows it.
#[derive(Resource, Default)]
struct Interrupted(Option<(crate::session::journal::Interrupted, crate::session::Prepared)>);

fn read_journal(
    mut interrupted: ResMut<Interrupted>,
    game: Option<ResMut<Game>>,
    catalog: Res<Catalog>,
    data: Res<DataDir>,
) {
    // a session left for the title is interrupted: its journal stays on
    // disk, released, and is offered below like any other
    if let Some(mut game) = game {
        game.journal = None;
    }
    interrupted.0 = None;
    let Some(dir) = data.0.as_deref() else {
        return;
    };
    let ready: Vec<crate::session::Prepared> = catalog
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::Ready(p) => Some(p.clone()),
            Entry::Broken { .. } => None,
        })
        .collect();
    // the others (and any that cannot be resumed here) stay where they are
    let (found, _damaged) = crate::session::journal::interrupted(dir);
    interrupted.0 = found
        .into_iter()
        .find_map(|it| it.scenario(&ready).ok().map(|p| (it, p)));
}

/// Leaving the title without resuming sets the session aside: kept on
/// disk, offered again next time.
fn release_journal(mut interrupted: ResMut<Interrupted>) {
    interrupted.0 = None;
}

fn rebuild(
    mut commands: Commands,
    roots: Query<Entity, With<TitleRoot>>,
    fields: Query<(&EditableText, &Field)>,
    mut drafts: ResMut<Drafts>,
    data: TitleData,
) {
    keep_drafts(fields.iter(), &mut drafts);
    for e in &roots {
        commands.entity(e).despawn();
    }
    spawn_ui(&mut commands, &data, &drafts);
}

fn spawn(mut commands: Commands, data: TitleData, drafts: Res<Drafts>) {
    spawn_ui(&mut commands, &data, &drafts);
}

pub fn kind_name(ui: &Ui, kind: ObjectionKind) -> String {
    ui.t(&format!("ui.kind.{}", kind.name()))
}

fn spawn_ui(commands: &mut Commands, data: &TitleData, drafts: &Drafts) {
    let TitleData {
        catalog,
        setup,
        ui,
        prefs,
        interrupted,
    } = data;
    let root = commands
        .spawn((TitleRoot, DespawnOnExit(Screen::Title), screen_root()))
        .id();
    // header
    let header = commands.spawn((spread_row(space::M), ChildOf(root))).id();
    commands.spawn((
        column(space::XS),
        ChildOf(header),
        children![
            label("Counteroffer", size::HERO, ui.p.text),
            label(ui.t("ui.tagline"), size::BODY, ui.p.muted),
        ],
    ));
    commands.spawn((
        row(space::S),
        ChildOf(header),
        children![
            button(ui.p, ui.t("ui.progress"), Action::ShowProgress),
            button(ui.p, ui.t("ui.language_button"), Action::ToggleLanguage),
        ],
    ));

    if let Some((it, prepared)) = &interrupted.0 {
        let t = &it.transcript;
        let title = prepared.scenario.title.clone();
        commands.spawn((
            panel(
                ui.p,
                Node {
                    flex_direction: FlexDirection::Row,
                    align_items: AlignItems::Center,
                    column_gap: px(space::M),
                    ..panel_node()
                },
            ),
            ChildOf(root),
            children![
                label(
                    ui.fill(
                        "ui.interrupted",
                        &[("title", &title), ("turns", &t.turns.len().to_string())]
                    ),
                    size::BODY,
                    ui.p.warn
                ),
                primary_button(ui.p, ui.t("ui.resume_session"), Action::ResumeJournal),
                button(ui.p, ui.t("ui.score_session"), Action::ScoreJournal),
            ],
        ));
    }
    let body = commands.spawn((main_area(space::L), ChildOf(root))).id();

    // scenario list
    let list = commands
        .spawn((
            panel(
                ui.p,
                Node {
                    flex_grow: 1.0,
                    flex_basis: px(0),
                    height: percent(100),
                    overflow: Overflow::scroll_y(),
                    ..panel_node()
                },
            ),
            ChildOf(body),
        ))
        .id();
    commands.spawn((heading(ui.p, ui.t("ui.scenarios")), ChildOf(list)));
    for (i, entry) in catalog.entries.iter().enumerate() {
        let card = commands
            .spawn((
                Button,
                ActionButton(Action::SelectScenario(i)),
                BaseColour(ui.p.raised),
                Node {
                    flex_direction: FlexDirection::Column,
                    padding: UiRect::all(px(space::S)),
                    row_gap: px(2),
                    border: UiRect::all(px(if i == setup.scenario { 3.0 } else { 1.0 })),
                    border_radius: BorderRadius::all(px(theme::RADIUS)),
                    flex_shrink: 0.0,
                    ..default()
                },
                BorderColor::all(if i == setup.scenario {
                    ui.p.accent
                } else {
                    ui.p.border
                }),
                BackgroundColor(ui.p.raised),
                ChildOf(list),
            ))
            .id();
        if i == setup.scenario {
            commands.entity(card).insert(Selected);
        }
        match entry {
            Entry::Ready(p) => {
                let s = &p.scenario;
                let lead = s
                    .opening()
                    .map_or_else(String::new, |o| kind_name(ui, o.kind));
                commands.spawn((heading(ui.p, &s.title), ChildOf(card)));
                commands.spawn((
                    label(
                        ui.fill(
                            "ui.scenario_line",
                            &[
                                ("industry", &s.industry),
                                ("language", &ui.t(&format!("ui.language.{}", s.language))),
                                ("lead", &lead),
                            ],
                        ),
                        size::SMALL,
                        ui.p.muted,
                    ),
                    ChildOf(card),
                ));
            }
            Entry::Broken { path, message } => {
                commands.spawn((
                    label(
                        ui.fill("ui.broken", &[("path", path)]),
                        size::BODY,
                        ui.p.bad,
                    ),
                    ChildOf(card),
                ));
                commands.spawn((paragraph(message, size::SMALL, ui.p.muted), ChildOf(card)));
            }
        }
    }

    // settings
    let settings = commands
        .spawn((
            panel(
                ui.p,
                Node {
                    width: px(400),
                    overflow: Overflow::scroll_y(),
                    ..panel_node()
                },
            ),
            ChildOf(body),
        ))
        .id();
    commands.spawn((heading(ui.p, ui.t("ui.difficulty")), ChildOf(settings)));
    let tiers = commands.spawn((row(space::S), ChildOf(settings))).id();
    for d in Difficulty::ALL {
        let b = commands
            .spawn((
                button(
                    ui.p,
                    ui.t(&format!("difficulty.{}", d.name())),
                    Action::SetDifficulty(d),
                ),
                ChildOf(tiers),
            ))
            .id();
        if d == setup.difficulty {
            commands.entity(b).insert(Selected);
        }
    }
    commands.spawn((heading(ui.p, ui.t("ui.mode")), ChildOf(settings)));
    let modes = commands.spawn((row(space::S), ChildOf(settings))).id();
    for (m, key) in [(Mode::Type, "ui.mode_type"), (Mode::Pick, "ui.mode_pick")] {
        let b = commands
            .spawn((button(ui.p, ui.t(key), Action::SetMode(m)), ChildOf(modes)))
            .id();
        if m == setup.mode {
            commands.entity(b).insert(Selected);
        }
    }
    commands.spawn((heading(ui.p, ui.t("ui.seed")), ChildOf(settings)));
    // what the player typed, else the seed in use
    let seed_text = if drafts.seed.is_empty() {
        setup.seed.to_string()
    } else {
        drafts.seed.clone()
    };
    commands.spawn((
        row(space::S),
        ChildOf(settings),
        children![
            (
                text_field(ui, Field::Seed, &seed_text, Some(9)),
                EditableTextFilter::new(|c| c.is_ascii_digit()),
            ),
            button(ui.p, ui.t("ui.new_seed"), Action::NewSeed),
        ],
    ));
    commands.spawn((
        paragraph(ui.t("ui.seed_help"), size::SMALL, ui.p.muted),
        ChildOf(settings),
    ));
    commands.spawn((heading(ui.p, ui.t("ui.teams")), ChildOf(settings)));
    commands.spawn((
        text_field(ui, Field::Teams, &drafts.teams, Some(160)),
        ChildOf(settings),
    ));
    commands.spawn((
        paragraph(ui.t("ui.teams_help"), size::SMALL, ui.p.muted),
        ChildOf(settings),
    ));
    if let Some(n) = &prefs.notice {
        commands.spawn((paragraph(n, size::SMALL, ui.p.warn), ChildOf(settings)));
    }
    match &catalog.notice {
        Some(Reloaded::Ok(path)) => {
            commands.spawn((
                paragraph(
                    ui.fill("ui.reloaded", &[("path", path)]),
                    size::SMALL,
                    ui.p.good,
                ),
                ChildOf(settings),
            ));
        }
        Some(Reloaded::KeptLastGood { path, error }) => {
            commands.spawn((
                paragraph(
                    ui.fill("ui.reload_kept", &[("path", path), ("error", error)]),
                    size::SMALL,
                    ui.p.warn,
                ),
                ChildOf(settings),
            ));
        }
        None => {}
    }
    commands.spawn((
        Node {
            flex_grow: 1.0,
            ..default()
        },
        ChildOf(settings),
    ));
    let playable = catalog.ready(setup.scenario).is_some();
    if playable {
        commands.spawn((
            primary_button(ui.p, ui.t("ui.start"), Action::Start),
            ChildOf(settings),
        ));
    } else {
        commands.spawn((
            paragraph(ui.t("ui.pick_playable"), size::BODY, ui.p.warn),
            ChildOf(settings),
        ));
    }
    commands.spawn((
        paragraph(ui.t("ui.title_keys"), size::SMALL, ui.p.muted),
        ChildOf(root),
    ));
}

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    setup: Res<Setup>,
    catalog: Res<Catalog>,
    mut actions: MessageWriter<Action>,
) {
    let n = catalog.entries.len();
    if n == 0 {
        return;
    }
    if keys.just_pressed(KeyCode::ArrowDown) {
        actions.write(Action::SelectScenario((setup.scenario + 1) % n));
    }
    if keys.just_pressed(KeyCode::ArrowUp) {
        actions.write(Action::SelectScenario((setup.scenario + n - 1) % n));
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::PageDown]) {
        actions.write(Action::Start);
    }
}

/// What is typed in the title's fields, kept across redraws of the title
/// (a redraw makes new fields).
#[derive(Resource, Default)]
pub struct Drafts {
    pub teams: String,
    pub seed: String,
}

/// Which draft a text field edits.
#[derive(Component, Clone, Copy, PartialEq)]
pub enum Field {
    Teams,
    Seed,
}

/// Copies what is typed in the fields into the drafts.
fn keep_drafts<'a>(
    fields: impl Iterator<Item = (&'a EditableText, &'a Field)>,
    drafts: &mut Drafts,
) {
    for (text, field) in fields {
        let value = text.value().to_string();
        match field {
            Field::Teams => drafts.teams = value,
            Field::Seed => drafts.seed = value,
        }
    }
}

/// A one-line text field on the title screen.
fn text_field(ui: &Ui, field: Field, text: &str, max: Option<usize>) -> impl Bundle {
    (
        field,
        EditableText {
            max_characters: max,
            ..EditableText::new(text)
        },
        TextFont::from_font_size(FontSize::Rem(size::BODY)),
        TextColor(ui.p.text),
        Node {
            flex_grow: 1.0,
            padding: UiRect::all(px(space::XS)),
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(4)),
            ..default()
        },
        BorderColor::all(ui.p.border),
        BackgroundColor(ui.p.raised),
    )
}

/// "Red, Blue，Green" -> up to six names.
pub fn parse_teams(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .take(6)
        .map(|t| t.chars().take(24).collect())
        .collect()
}

/// The unfinished session from the journal, rebuilt (and ended, to score it).
fn interrupted_game(
    it: crate::session::journal::Interrupted,
    prepared: &crate::session::Prepared,
    setup: &Setup,
    score: bool,
) -> Game {
    let t = &it.transcript;
    let mut session = crate::session::journal::resume(prepared, t);
    if score {
        session.end();
    }
    let mut game = Game::new(session, setup);
    game.teams =
        t.turns
            .iter()
            .filter_map(|turn| turn.team.clone())
            .fold(Vec::new(), |mut v, team| {
                if !v.contains(&team) {
                    v.push(team);
                }
                v
            });
    game.team_turn = t.turns.len();
    game.journal = Some(it.into_journal());
    game
}

fn apply(
    mut commands: Commands,
    mut actions: MessageReader<Action>,
    mut setup: ResMut<Setup>,
    mut ui: ResMut<Ui>,
    mut prefs: ResMut<Prefs>,
    mut drafts: ResMut<Drafts>,
    mut fields: Query<(&mut EditableText, &Field)>,
    mut interrupted: ResMut<Interrupted>,
    catalog: Res<Catalog>,
    mut next: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        match action {
            Action::SelectScenario(i) if *i < catalog.entries.len() => setup.scenario = *i,
            Action::SetDifficulty(d) => setup.difficulty = *d,
            Action::SetMode(m) => setup.mode = *m,
            Action::NewSeed | Action::SetSeed(_) => {
                setup.seed = match action {
                    Action::SetSeed(seed) => *seed,
                    _ => crate::session::random_seed(),
                };
                // the field shows the new seed, not what was typed before
                drafts.seed = setup.seed.to_string();
                for (mut text, field) in &mut fields {
                    if *field == Field::Seed {
                        text.editor_mut().set_text(&drafts.seed);
                    }
                }
            }
            Action::ToggleLanguage => {
                *ui = Ui::new(
                    if ui.locale.language == "en" {
                        "zh-CN"
                    } else {
                        "en"
                    },
                    ui.projector,
                );
                prefs.settings.language = ui.locale.language.clone();
                prefs.save();
            }
            Action::SetTeams(teams) => setup.teams = teams.clone(),
            Action::ShowProgress => next.set(Screen::Progress),
            Action::ResumeJournal | Action::ScoreJournal => {
                if let Some(game) = interrupted.0.take().map(|(it, prepared)| {
                    interrupted_game(it, &prepared, &setup, *action == Action::ScoreJournal)
                }) {
                    let over = game.session.outcome().is_some();
                    commands.insert_resource(game);
                    next.set(if over {
                        Screen::Debrief
                    } else {
                        Screen::Negotiation
                    });
                }
            }
            Action::Start if catalog.ready(setup.scenario).is_some() => {
                keep_drafts(fields.iter(), &mut drafts);
                if !drafts.teams.trim().is_empty() {
                    setup.teams = parse_teams(&drafts.teams);
                }
                if let Ok(seed) = drafts.seed.parse() {
                    setup.seed = seed;
                }
                next.set(Screen::Briefing);
            }
            _ => {}
        }
    }
}
