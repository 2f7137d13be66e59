//! Title: pick a scenario, difficulty, mode and seed. Broken scenario files
//! are listed with their error; the rest stay playable.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::text::{EditableText, EditableTextFilter};

use super::despawn_roots;
use crate::game::action::ScreenActions;
use crate::game::state::{Prefs, Setup};
use crate::game::theme::{self, size, space};
use crate::game::typing::{caret, editable};
use crate::game::widgets::{
    ActionButton, BaseColour, InView, Selected, button, column, heading, label, main_area, panel,
    panel_node, paragraph, primary_button, row, screen_root, spread_row,
};
use crate::game::{Action, Catalog, DataDir, Entry, Game, GameView, Mode, Reloaded, Screen, Ui};
use crate::record::Input;
use crate::scenario::Difficulty;
use crate::session::Prepared;
use crate::session::journal::Interrupted as Unfinished;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Drafts>()
        .init_resource::<Interrupted>()
        .add_systems(
            OnEnter(Screen::Title),
            (read_journal, first_in_language, spawn).chain(),
        )
        .add_systems(OnExit(Screen::Title), release_journal)
        .add_systems(
            Update,
            (
                keys,
                (apply, toggle_language),
                rebuild.run_if(
                    resource_changed::<Setup>
                        .or_else(resource_changed::<Ui>)
                        .or_else(resource_changed::<Prefs>)
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
#[derive(SystemParam)]
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
struct Interrupted(Option<(Unfinished, Prepared)>);

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
    let ready: Vec<Prepared> = catalog
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

/// The first time the title shows, a scenario in the interface language
/// is selected.
fn first_in_language(
    mut done: Local<bool>,
    mut setup: ResMut<Setup>,
    catalog: Res<Catalog>,
    ui: Res<Ui>,
    prefs: Res<Prefs>,
) {
    if !*done {
        *done = true;
        select_in_language(&catalog, &mut setup, &ui, &prefs);
    }
}

/// Leaving the title without resuming sets the session aside: kept on
/// disk, offered again next time.
fn release_journal(mut interrupted: ResMut<Interrupted>) {
    interrupted.0 = None;
}

/// A choice, the language or the catalog changed: the title is drawn again,
/// keeping what is typed in its fields.
fn rebuild(
    mut commands: Commands,
    roots: Query<Entity, With<TitleRoot>>,
    fields: Query<(&EditableText, &Field)>,
    mut drafts: ResMut<Drafts>,
    data: TitleData,
) {
    keep_drafts(fields.iter(), &mut drafts);
    despawn_roots(&mut commands, &roots);
    spawn_ui(&mut commands, &data, &drafts);
}

fn spawn(mut commands: Commands, data: TitleData, drafts: Res<Drafts>) {
    spawn_ui(&mut commands, &data, &drafts);
}

fn spawn_ui(commands: &mut Commands, data: &TitleData, drafts: &Drafts) {
    let ui = &*data.ui;
    let root = commands
        .spawn((
            Name::new("Title screen"),
            TitleRoot,
            DespawnOnExit(Screen::Title),
            screen_root(),
        ))
        .id();
    header(commands, root, ui);
    if let Some((it, prepared)) = &data.interrupted.0 {
        interrupted_banner(commands, root, it, prepared, ui);
    }
    let body = commands.spawn((main_area(space::L), ChildOf(root))).id();
    scenario_list(commands, body, data);
    settings_panel(commands, body, data, drafts);
    commands.spawn((
        paragraph(ui.t("ui.title_keys"), size::SMALL, ui.p.muted),
        ChildOf(root),
    ));
}

/// The name and tagline, and the Progress and language buttons.
fn header(commands: &mut Commands, root: Entity, ui: &Ui) {
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
            button(ui.p, ui.t("ui.scoring_title"), Action::ShowScoring),
            button(ui.p, ui.t("ui.progress"), Action::ShowProgress),
            button(ui.p, ui.t("ui.language_button"), Action::ToggleLanguage),
        ],
    ));
}

/// The session left unfinished: resume it, or score it as it stands.
fn interrupted_banner(
    commands: &mut Commands,
    root: Entity,
    it: &Unfinished,
    prepared: &Prepared,
    ui: &Ui,
) {
    let t = &it.transcript;
    let title = prepared.scenario.title.clone();
    commands.spawn((
        Name::new("Unfinished session"),
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
                    &[
                        ("title", &title),
                        ("turns", &ui.locale.count("count.turns", t.turns.len()))
                    ]
                ),
                size::BODY,
                ui.p.warn
            ),
            primary_button(ui.p, ui.t("ui.resume_session"), Action::ResumeJournal),
            button(ui.p, ui.t("ui.score_session"), Action::ScoreJournal),
        ],
    ));
}

/// The scenarios in the interface language (or all): a card to select
/// each, or its error; a button shows the other languages' too.
fn scenario_list(commands: &mut Commands, body: Entity, data: &TitleData) {
    let (catalog, setup, ui) = (&*data.catalog, &*data.setup, &*data.ui);
    let list = commands
        .spawn((
            Name::new("Scenario list"),
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
    let filter = if data.prefs.settings.all_languages {
        "ui.only_my_language"
    } else {
        "ui.all_languages"
    };
    commands.spawn((
        Node {
            flex_shrink: 0.0,
            ..spread_row(space::S)
        },
        ChildOf(list),
        children![
            heading(ui.p, ui.t("ui.scenarios")),
            button(ui.p, ui.t(filter), Action::ToggleAllLanguages),
        ],
    ));
    for i in listed(catalog, setup, ui, &data.prefs) {
        let entry = &catalog.entries[i];
        scenario_card(commands, list, i, entry, i == setup.scenario, ui);
    }
}

fn scenario_card(
    commands: &mut Commands,
    list: Entity,
    i: usize,
    entry: &Entry,
    selected: bool,
    ui: &Ui,
) {
    let card = commands
        .spawn((
            Button,
            ActionButton(Action::SelectScenario(i)),
            BaseColour(ui.p.raised),
            Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(space::S)),
                row_gap: px(2),
                border: UiRect::all(px(if selected { 3.0 } else { 1.0 })),
                border_radius: BorderRadius::all(px(theme::RADIUS)),
                flex_shrink: 0.0,
                ..default()
            },
            BorderColor::all(if selected { ui.p.accent } else { ui.p.border }),
            BackgroundColor(ui.p.raised),
            ChildOf(list),
        ))
        .id();
    if selected {
        commands.entity(card).insert((Selected, InView));
    }
    match entry {
        Entry::Ready(p) => {
            let s = &p.scenario;
            let lead = s
                .opening()
                .map_or_else(String::new, |o| ui.kind_name(o.kind));
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

/// Name, difficulty, mode, seed and teams, and notices, in a part that
/// scrolls; the Start button under it, always in view.
fn settings_panel(commands: &mut Commands, body: Entity, data: &TitleData, drafts: &Drafts) {
    let (ui, setup) = (&*data.ui, &*data.setup);
    let outer = commands
        .spawn((
            Name::new("Settings"),
            panel(
                ui.p,
                Node {
                    width: px(if ui.projector { 480.0 } else { 400.0 }),
                    ..panel_node()
                },
            ),
            ChildOf(body),
        ))
        .id();
    let settings = commands
        .spawn((
            Name::new("Choices"),
            Node {
                flex_grow: 1.0,
                flex_basis: px(0),
                min_height: px(0),
                overflow: Overflow::scroll_y(),
                ..column(space::S)
            },
            ChildOf(outer),
        ))
        .id();
    commands.spawn((heading(ui.p, ui.t("ui.student")), ChildOf(settings)));
    let name = drafts
        .student
        .clone()
        .unwrap_or_else(|| data.prefs.settings.student.clone());
    commands.spawn((
        text_field(ui, Field::Student, &name, Some(60)),
        ChildOf(settings),
    ));
    commands.spawn((heading(ui.p, ui.t("ui.difficulty")), ChildOf(settings)));
    let tiers = Difficulty::ALL.map(|d| {
        let text = ui.t(&format!("difficulty.{}", d.name()));
        (text, Action::SetDifficulty(d), d == setup.difficulty)
    });
    choices(commands, settings, ui, tiers);
    commands.spawn((heading(ui.p, ui.t("ui.mode")), ChildOf(settings)));
    let modes = [(Mode::Type, "ui.mode_type"), (Mode::Pick, "ui.mode_pick")]
        .map(|(m, key)| (ui.t(key), Action::SetMode(m), m == setup.mode));
    choices(commands, settings, ui, modes);
    seed_and_teams(commands, settings, ui, setup, drafts);
    notices(commands, settings, data);
    if data.catalog.ready(setup.scenario).is_some() {
        commands.spawn((
            primary_button(ui.p, ui.t("ui.start"), Action::Start),
            InView,
            ChildOf(outer),
        ));
    } else {
        commands.spawn((
            paragraph(ui.t("ui.pick_playable"), size::BODY, ui.p.warn),
            ChildOf(outer),
        ));
    }
}

/// A row of buttons, one of them selected.
fn choices(
    commands: &mut Commands,
    parent: Entity,
    ui: &Ui,
    options: impl IntoIterator<Item = (String, Action, bool)>,
) {
    let row_ = commands.spawn((row(space::S), ChildOf(parent))).id();
    for (text, action, selected) in options {
        let b = commands
            .spawn((button(ui.p, text, action), ChildOf(row_)))
            .id();
        if selected {
            commands.entity(b).insert(Selected);
        }
    }
}

/// The seed field (what the player typed, else the seed in use) and the
/// team names field, each with its help line.
fn seed_and_teams(
    commands: &mut Commands,
    settings: Entity,
    ui: &Ui,
    setup: &Setup,
    drafts: &Drafts,
) {
    commands.spawn((heading(ui.p, ui.t("ui.seed")), ChildOf(settings)));
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
}

/// Settings that could not be loaded or saved, and what the last scenario
/// reload did.
fn notices(commands: &mut Commands, settings: Entity, data: &TitleData) {
    let ui = &*data.ui;
    if let Some(n) = &data.prefs.notice {
        commands.spawn((paragraph(n, size::SMALL, ui.p.warn), ChildOf(settings)));
    }
    let reloaded = match &data.catalog.notice {
        Some(Reloaded::Ok(path)) => (ui.fill("ui.reloaded", &[("path", path)]), ui.p.good),
        Some(Reloaded::KeptLastGood { path, error }) => (
            ui.fill("ui.reload_kept", &[("path", path), ("error", error)]),
            ui.p.warn,
        ),
        None => return,
    };
    commands.spawn((
        paragraph(reloaded.0, size::SMALL, reloaded.1),
        ChildOf(settings),
    ));
}

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    setup: Res<Setup>,
    catalog: Res<Catalog>,
    ui: Res<Ui>,
    prefs: Res<Prefs>,
    mut actions: MessageWriter<Action>,
) {
    // Up and Down go through the scenarios listed, in their order
    let shown = listed(&catalog, &setup, &ui, &prefs);
    let n = shown.len();
    if n > 0 {
        let at = shown.iter().position(|&i| i == setup.scenario).unwrap_or(0);
        if keys.just_pressed(KeyCode::ArrowDown) {
            actions.write(Action::SelectScenario(shown[(at + 1) % n]));
        }
        if keys.just_pressed(KeyCode::ArrowUp) {
            actions.write(Action::SelectScenario(shown[(at + n - 1) % n]));
        }
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::PageDown]) {
        actions.write(Action::Start);
    }
}

/// Whether a catalog entry is in the interface language (broken files are
/// always listed, with their error).
fn in_language(entry: &Entry, ui: &Ui) -> bool {
    match entry {
        Entry::Ready(p) => p.scenario.lang() == ui.lang,
        Entry::Broken { .. } => true,
    }
}

/// The catalog entries the title lists, by index: those in the interface
/// language (or all, when the player asked), and always the one selected.
fn listed(catalog: &Catalog, setup: &Setup, ui: &Ui, prefs: &Prefs) -> Vec<usize> {
    catalog
        .entries
        .iter()
        .enumerate()
        .filter(|(i, e)| prefs.settings.all_languages || in_language(e, ui) || *i == setup.scenario)
        .map(|(i, _)| i)
        .collect()
}

/// After the language or the filter changed: the selection moves to the
/// first scenario listed in the language, if it is not in it.
fn select_in_language(catalog: &Catalog, setup: &mut Setup, ui: &Ui, prefs: &Prefs) {
    let fits = |i: usize| {
        prefs.settings.all_languages || catalog.entries.get(i).is_some_and(|e| in_language(e, ui))
    };
    if !fits(setup.scenario)
        && let Some(first) = (0..catalog.entries.len())
            .find(|&i| matches!(catalog.entries[i], Entry::Ready(_)) && fits(i))
    {
        setup.scenario = first;
    }
}

/// What is typed in the title's fields, kept across redraws of the title
/// (a redraw makes new fields).
#[derive(Resource, Default)]
struct Drafts {
    teams: String,
    seed: String,
    /// The name as typed; `None` until typed (the saved name shows).
    student: Option<String>,
}

/// Which draft a text field edits.
#[derive(Component, Clone, Copy, PartialEq)]
pub enum Field {
    Teams,
    Seed,
    Student,
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
            Field::Student => drafts.student = Some(value),
        }
    }
}

/// A one-line text field on the title screen.
fn text_field(ui: &Ui, field: Field, text: &str, max: Option<usize>) -> impl Bundle {
    (
        field,
        editable(text, max),
        caret(ui.p),
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
fn parse_teams(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .take(6)
        .map(|t| t.chars().take(24).collect())
        .collect()
}

/// The unfinished session from the journal, rebuilt (and ended, to score it).
fn interrupted_game(it: Unfinished, prepared: &Prepared, setup: &Setup, score: bool) -> Game {
    let t = &it.transcript;
    let mut session = crate::session::journal::resume(prepared, t);
    if score {
        session.end();
    }
    let mut game = Game::new(session, setup);
    // a session played by picking goes on by picking
    if t.turns
        .iter()
        .any(|turn| matches!(turn.input, Input::Pick(_)))
    {
        game.mode = Mode::Pick;
    }
    // its players as saved (older journals: the teams that answered)
    game.student = t.student.clone();
    game.teams = if t.teams.is_empty() {
        t.turns
            .iter()
            .filter_map(|turn| turn.team.clone())
            .fold(Vec::new(), |mut v, team| {
                if !v.contains(&team) {
                    v.push(team);
                }
                v
            })
    } else {
        t.teams.clone()
    };
    // the team after the one that answered last
    game.team_turn = t
        .turns
        .last()
        .and_then(|turn| turn.team.as_ref())
        .and_then(|last| game.teams.iter().position(|team| team == last))
        .map_or(t.turns.len(), |i| i + 1);
    game.journal = Some(it.into_journal());
    game
}

/// What the title's actions change.
#[derive(SystemParam)]
struct Choices<'w, 's> {
    setup: ResMut<'w, Setup>,
    drafts: ResMut<'w, Drafts>,
    fields: Query<'w, 's, (&'static mut EditableText, &'static Field)>,
    catalog: Res<'w, Catalog>,
    ui: Res<'w, Ui>,
    prefs: ResMut<'w, Prefs>,
    next: ResMut<'w, NextState<Screen>>,
}

impl Choices<'_, '_> {
    /// A new seed (or the given one); the field shows it, not what was
    /// typed before.
    fn set_seed(&mut self, seed: Option<u64>) {
        self.setup.seed = seed.unwrap_or_else(crate::session::random_seed);
        self.drafts.seed = self.setup.seed.to_string();
        for (mut text, field) in &mut self.fields {
            if *field == Field::Seed {
                text.editor_mut().set_text(&self.drafts.seed);
            }
        }
    }

    /// The player's name, for this session's reports and remembered.
    fn set_student(&mut self, name: &str) {
        let name = name.trim().to_string();
        self.drafts.student = Some(name.clone());
        for (mut text, field) in &mut self.fields {
            if *field == Field::Student && text.value().to_string() != name {
                text.editor_mut().set_text(&name);
            }
        }
        self.setup.student = name.clone();
        if self.prefs.settings.student != name {
            self.prefs.settings.student = name;
            self.prefs.save();
        }
    }

    /// To the briefing, with the name, the teams and the seed as typed.
    fn start(&mut self) {
        if self.catalog.ready(self.setup.scenario).is_none() {
            return;
        }
        keep_drafts(self.fields.iter(), &mut self.drafts);
        let name = self
            .drafts
            .student
            .clone()
            .unwrap_or_else(|| self.prefs.settings.student.clone());
        self.set_student(&name);
        if !self.drafts.teams.trim().is_empty() {
            self.setup.teams = parse_teams(&self.drafts.teams);
        }
        if let Ok(seed) = self.drafts.seed.parse() {
            self.setup.seed = seed;
        }
        self.next.set(Screen::Briefing);
    }

    /// Go on with the unfinished session, or score it as it stands.
    fn resume(&mut self, commands: &mut Commands, interrupted: &mut Interrupted, score: bool) {
        let Some(game) = interrupted
            .0
            .take()
            .map(|(it, prepared)| interrupted_game(it, &prepared, &self.setup, score))
        else {
            return;
        };
        let over = game.session.outcome().is_some();
        commands.insert_resource(GameView::new(game.mode, self.ui.projector));
        commands.insert_resource(game);
        self.next.set(if over {
            Screen::Debrief
        } else {
            Screen::Negotiation
        });
    }
}

fn apply(
    mut commands: Commands,
    mut actions: ScreenActions,
    mut choices: Choices,
    mut interrupted: ResMut<Interrupted>,
) {
    for action in actions.read() {
        match action {
            Action::SelectScenario(i) if *i < choices.catalog.entries.len() => {
                choices.setup.scenario = *i;
            }
            Action::SetDifficulty(d) => choices.setup.difficulty = *d,
            Action::SetMode(m) => choices.setup.mode = *m,
            Action::NewSeed => choices.set_seed(None),
            Action::SetSeed(seed) => choices.set_seed(Some(*seed)),
            Action::SetTeams(teams) => choices.setup.teams = teams.clone(),
            Action::SetStudent(name) => choices.set_student(name),
            Action::ToggleAllLanguages => {
                let all = !choices.prefs.settings.all_languages;
                choices.prefs.settings.all_languages = all;
                choices.prefs.save();
                let (catalog, ui, prefs) = (&*choices.catalog, &*choices.ui, &*choices.prefs);
                select_in_language(catalog, &mut choices.setup, ui, prefs);
            }
            Action::ShowProgress => choices.next.set(Screen::Progress),
            Action::ResumeJournal | Action::ScoreJournal => {
                let score = *action == Action::ScoreJournal;
                choices.resume(&mut commands, &mut interrupted, score);
            }
            Action::Start => choices.start(),
            _ => {}
        }
    }
}

/// The interface language, saved; the title draws itself again in it,
/// listing that language's scenarios.
fn toggle_language(
    mut actions: ScreenActions,
    mut ui: ResMut<Ui>,
    mut prefs: ResMut<Prefs>,
    mut setup: ResMut<Setup>,
    catalog: Res<Catalog>,
) {
    for action in actions.read() {
        if *action == Action::ToggleLanguage {
            *ui = Ui::new(ui.lang.other(), ui.projector);
            prefs.settings.language = ui.lang;
            prefs.save();
            select_in_language(&catalog, &mut setup, &ui, &prefs);
        }
    }
}
