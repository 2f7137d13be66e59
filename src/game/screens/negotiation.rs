//! Negotiation: the customer's latest line is the hero; around it the
//! persona, the meters, the dialogue log with tag chips, the concession
//! ladder and the reply box (or the options in pick mode). Esc opens the
//! pause menu (the [`Menu::Pause`] sub-state; the overlay draws it).

mod panels;

use bevy::ecs::system::SystemParam;
use bevy::input::keyboard::KeyboardInput;
use bevy::input_focus::{FocusedInput, InputFocus};
use bevy::prelude::*;
use bevy::text::{EditableText, TextEdit};

use self::panels::{Area, Shown, fill, refill};
use super::despawn_roots;
use crate::game::action::ScreenActions;
use crate::game::theme::{self, size, space};
use crate::game::typing::{caret, editable};
use crate::game::widgets::{
    InView, button, column, label, main_area, max_scroll, panel, panel_node, row, screen_root,
    spread_row,
};
use crate::game::{Action, DataDir, Game, GameView, Menu, Mode, Screen, Ui};
use crate::session::Session;
use crate::session::describe::hint;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Negotiation), spawn)
        // a refused reply or a hint is about this screen only
        .add_systems(
            OnExit(Screen::Negotiation),
            |view: Option<ResMut<GameView>>| {
                if let Some(mut view) = view {
                    view.notice = None;
                    view.hint = None;
                }
            },
        )
        .add_systems(
            Update,
            (
                keys,
                apply,
                redraw.run_if(resource_changed::<Ui>),
                (
                    refill::meters_area.run_if(game_or_view_changed),
                    refill::persona_area.run_if(resource_exists_and_changed::<Game>),
                    refill::latest_area.run_if(game_or_view_changed),
                    refill::log_area.run_if(game_or_view_changed),
                    refill::ladder_area.run_if(resource_exists_and_changed::<Game>),
                    refill::options_area.run_if(game_or_view_changed),
                    refill::notes_area.run_if(game_or_view_changed),
                    refill::keys_area.run_if(game_or_view_changed),
                ),
                stick_to_bottom,
            )
                .chain()
                .run_if(in_state(Screen::Negotiation)),
        );
}

fn game_or_view_changed(game: Option<Res<Game>>, view: Option<Res<GameView>>) -> bool {
    game.is_some_and(|g| g.is_changed()) || view.is_some_and(|v| v.is_changed())
}

#[derive(Component)]
struct NegotiationRoot;

#[derive(Component)]
struct ReplyBox;

/// The log shows its newest line once the layout has measured it: the
/// count is the frames left to keep scrolling (layout runs after Update).
#[derive(Component)]
struct StickToBottom(u8);

fn spawn(mut commands: Commands, shown: Shown, focus: Option<ResMut<InputFocus>>) {
    let reply = draw(&mut commands, &shown, "");
    if let (Some(mut focus), Some(reply)) = (focus, reply) {
        *focus = InputFocus::from_entity(reply);
    }
}

/// The language or projector mode changed: the screen is drawn again in
/// place, keeping what is typed in the reply box and its focus.
fn redraw(
    mut commands: Commands,
    roots: Query<Entity, With<NegotiationRoot>>,
    boxes: Query<&EditableText, With<ReplyBox>>,
    shown: Shown,
    focus: Option<ResMut<InputFocus>>,
) {
    let draft = boxes.iter().next().map(|b| b.value().to_string());
    if !despawn_roots(&mut commands, &roots) {
        return;
    }
    let draft = draft.unwrap_or_default();
    let reply = draw(&mut commands, &shown, &draft);
    if let (Some(mut focus), Some(reply)) = (focus, reply) {
        *focus = InputFocus::from_entity(reply);
    }
}

/// The whole screen, its areas filled; returns the reply box, if any.
fn draw(commands: &mut Commands, shown: &Shown, draft: &str) -> Option<Entity> {
    let ui = &*shown.ui;
    let mode = shown.game.mode;
    let root = commands
        .spawn((
            Name::new("Negotiation screen"),
            NegotiationRoot,
            DespawnOnExit(Screen::Negotiation),
            Node {
                row_gap: px(space::S),
                padding: UiRect::all(px(space::M)),
                ..screen_root()
            },
        ))
        .id();
    let mut areas = vec![top_bar(commands, root, &shown.game.session, ui)];
    areas.extend(conversation(commands, root, ui));
    areas.push(ladder_panel(commands, root, ui));
    let notes = (Name::new("Hint and notice"), Area::Notes, row(space::S));
    areas.push((commands.spawn((notes, ChildOf(root))).id(), Area::Notes));
    let reply = match mode {
        Mode::Type => Some(reply_row(commands, root, ui, draft)),
        Mode::Pick => {
            areas.push(options_column(commands, root));
            None
        }
    };
    let keys = (
        Name::new("Keys"),
        Area::Keys,
        Node {
            align_items: AlignItems::Center,
            column_gap: px(space::M),
            ..default()
        },
    );
    areas.push((commands.spawn((keys, ChildOf(root))).id(), Area::Keys));
    for (entity, area) in areas {
        fill(commands, entity, area, shown);
    }
    reply
}

/// What is being played, and the meters.
fn top_bar(commands: &mut Commands, root: Entity, session: &Session, ui: &Ui) -> (Entity, Area) {
    let top = commands.spawn((spread_row(space::M), ChildOf(root))).id();
    commands.spawn((
        label(
            format!(
                "{} · {} · {}",
                session.scenario().title,
                ui.t(&format!("difficulty.{}", session.difficulty.name())),
                ui.fill("ui.seed_value", &[("seed", &session.seed.to_string())])
            ),
            size::BODY,
            ui.p.muted,
        ),
        ChildOf(top),
    ));
    let meters = commands
        .spawn((
            Name::new("Meters"),
            Area::Meters,
            row(space::M),
            ChildOf(top),
        ))
        .id();
    (meters, Area::Meters)
}

/// The persona on the left; the customer's latest line and the log on the
/// right.
fn conversation(commands: &mut Commands, root: Entity, ui: &Ui) -> [(Entity, Area); 3] {
    let body = commands
        .spawn((
            Node {
                // the conversation keeps a third of the window whatever the options need
                min_height: percent(33),
                ..main_area(space::M)
            },
            ChildOf(root),
        ))
        .id();
    let persona = commands
        .spawn((
            Name::new("Persona"),
            Area::Persona,
            panel(
                ui.p,
                Node {
                    width: px(if ui.projector { 220.0 } else { 280.0 }),
                    overflow: Overflow::scroll_y(),
                    ..panel_node()
                },
            ),
            ChildOf(body),
        ))
        .id();
    let [latest, log] = talk(commands, body, ui);
    [(persona, Area::Persona), latest, log]
}

/// The customer's latest line over the log. On a projector the room reads
/// the latest line; the log gives way to it (the debrief has the whole
/// transcript).
fn talk(commands: &mut Commands, body: Entity, ui: &Ui) -> [(Entity, Area); 2] {
    let talk = commands
        .spawn((
            Node {
                flex_grow: 1.0,
                flex_basis: px(0),
                min_width: px(0),
                min_height: px(0),
                ..column(space::S)
            },
            ChildOf(body),
        ))
        .id();
    let latest = commands
        .spawn((
            Name::new("Latest line"),
            Area::Latest,
            panel(
                ui.p,
                Node {
                    min_height: px(90),
                    flex_grow: if ui.projector { 1.0 } else { 0.0 },
                    overflow: Overflow::scroll_y(),
                    ..panel_node()
                },
            ),
            ChildOf(talk),
        ))
        .id();
    let log = commands
        .spawn((
            Name::new("Dialogue log"),
            Area::Log,
            panel(
                ui.p,
                Node {
                    display: if ui.projector {
                        Display::None
                    } else {
                        Display::Flex
                    },
                    flex_grow: 1.0,
                    flex_basis: px(0),
                    min_height: px(0),
                    overflow: Overflow::scroll_y(),
                    ..panel_node()
                },
            ),
            ScrollPosition::default(),
            StickToBottom(2),
            ChildOf(talk),
        ))
        .id();
    [(latest, Area::Latest), (log, Area::Log)]
}

/// The concession ladder across the window.
fn ladder_panel(commands: &mut Commands, root: Entity, ui: &Ui) -> (Entity, Area) {
    let ladder = commands
        .spawn((
            Name::new("Concession ladder"),
            Area::Ladder,
            panel(
                ui.p,
                Node {
                    padding: UiRect::axes(px(space::M), px(space::XS)),
                    ..panel_node()
                },
            ),
            ChildOf(root),
        ))
        .id();
    (ladder, Area::Ladder)
}

/// Type mode: the reply box (with `draft` in it) and Send.
fn reply_row(commands: &mut Commands, root: Entity, ui: &Ui, draft: &str) -> Entity {
    let reply = commands
        .spawn((
            Name::new("Reply box"),
            ReplyBox,
            InView,
            EditableText {
                visible_lines: Some(3.0),
                ..editable(draft, Some(crate::session::MAX_REPLY_CHARS))
            },
            caret(ui.p),
            TextFont::from_font_size(FontSize::Rem(size::BODY)),
            TextColor(ui.p.text),
            Node {
                flex_grow: 1.0,
                padding: UiRect::all(px(space::S)),
                border: UiRect::all(px(2)),
                border_radius: BorderRadius::all(px(theme::RADIUS)),
                ..default()
            },
            BorderColor::all(ui.p.accent),
            BackgroundColor(ui.p.panel),
        ))
        .observe(enter_sends)
        .id();
    let input_row = commands.spawn((row(space::S), ChildOf(root))).id();
    commands.entity(reply).insert(ChildOf(input_row));
    commands.spawn((
        button(ui.p, ui.t("ui.send"), Action::SubmitReply),
        ChildOf(input_row),
    ));
    reply
}

/// Pick mode: the column the option cards go in.
fn options_column(commands: &mut Commands, root: Entity) -> (Entity, Area) {
    let options = commands
        .spawn((
            Name::new("Options"),
            Area::Options,
            Node {
                flex_shrink: 1.0,
                min_height: px(0),
                overflow: Overflow::scroll_y(),
                ..column(space::S)
            },
            ChildOf(root),
        ))
        .id();
    (options, Area::Options)
}

/// Enter sends the reply; Shift+Enter starts a new line. While an input
/// method is composing, Enter belongs to it.
fn enter_sends(
    event: On<FocusedInput<KeyboardInput>>,
    mut boxes: Query<&mut EditableText>,
    keys: Res<ButtonInput<KeyCode>>,
    mut actions: MessageWriter<Action>,
) {
    let input = &event.input;
    if input.key_code != KeyCode::Enter || !input.state.is_pressed() {
        return;
    }
    let Ok(mut text) = boxes.get_mut(event.focused_entity) else {
        return;
    };
    if text.is_composing() {
        return;
    }
    if keys.pressed(KeyCode::ShiftLeft) || keys.pressed(KeyCode::ShiftRight) {
        text.queue_edit(TextEdit::Insert("\n".into()));
    } else {
        actions.write(Action::SubmitReply);
    }
}

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    game: Res<Game>,
    view: Res<GameView>,
    menu: Res<State<Menu>>,
    mut actions: MessageWriter<Action>,
) {
    let paused = *menu.get() == Menu::Pause;
    if game.session.outcome().is_some() && !paused {
        if keys.any_just_pressed([
            KeyCode::Enter,
            KeyCode::NumpadEnter,
            KeyCode::Space,
            KeyCode::PageDown,
        ]) {
            actions.write(Action::SeeDebrief);
        }
        return;
    }
    if keys.just_pressed(KeyCode::Escape) {
        actions.write(if paused {
            Action::Resume
        } else {
            Action::Pause
        });
    }
    if keys.just_pressed(KeyCode::F2) {
        actions.write(Action::ToggleTags);
    }
    if keys.just_pressed(KeyCode::F3) {
        actions.write(Action::Hint);
    }
    if keys.just_pressed(KeyCode::F4) {
        actions.write(Action::NextTeam);
    }
    // letters and digits type into the reply box, so there the presenter
    // keys need Ctrl; in pick mode they are plain keys
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    let letter = |k: KeyCode| keys.just_pressed(k) && (ctrl || game.mode == Mode::Pick);
    if letter(KeyCode::KeyH) {
        actions.write(Action::ToggleScores);
    }
    if letter(KeyCode::KeyR) {
        actions.write(Action::ToggleReveal);
    }
    if letter(KeyCode::KeyB) {
        actions.write(Action::ToggleBlank);
    }
    if game.mode == Mode::Pick && !paused {
        pick_keys(&keys, view.highlight, &mut actions);
    }
}

/// Pick mode: T tags, Space/PageDown and PageUp move through the options,
/// Enter picks the highlighted one, 1-4 pick directly.
fn pick_keys(
    keys: &ButtonInput<KeyCode>,
    highlight: Option<usize>,
    actions: &mut MessageWriter<Action>,
) {
    if keys.just_pressed(KeyCode::KeyT) {
        actions.write(Action::ToggleTags);
    }
    if keys.any_just_pressed([KeyCode::Space, KeyCode::PageDown]) {
        actions.write(Action::Advance);
    }
    if keys.just_pressed(KeyCode::PageUp) {
        actions.write(Action::Retreat);
    }
    if keys.just_pressed(KeyCode::Enter)
        && let Some(i) = highlight
    {
        actions.write(Action::Pick(i + 1));
    }
    for (i, k) in [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
    ]
    .into_iter()
    .enumerate()
    {
        if keys.just_pressed(k) {
            actions.write(Action::Pick(i + 1));
        }
    }
}

/// What the negotiation's actions change.
#[derive(SystemParam)]
struct Play<'w, 's> {
    game: ResMut<'w, Game>,
    view: ResMut<'w, GameView>,
    reply_box: Query<'w, 's, &'static mut EditableText, With<ReplyBox>>,
    ui: Res<'w, Ui>,
    data: Res<'w, DataDir>,
}

/// While paused only the pause menu's actions count. A pause or resume
/// counts at once for the actions after it in the same frame; the menu
/// state follows on the next.
fn apply(
    mut actions: ScreenActions,
    mut play: Play,
    menu: Res<State<Menu>>,
    mut next_menu: ResMut<NextState<Menu>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let was_paused = *menu.get() == Menu::Pause;
    let mut paused = was_paused;
    for action in actions.read() {
        match action {
            Action::Pause => paused = true,
            Action::Resume => paused = false,
            Action::Restart => {
                play.restart();
                paused = false;
            }
            Action::QuitToTitle => next.set(Screen::Title),
            Action::Finish => {
                play.game.session.end();
                paused = false;
                next.set(Screen::Debrief);
            }
            _ if paused => {}
            // over: the customer's last word is on screen until the player
            // moves on (any send or pick does, like See your debrief)
            Action::SeeDebrief | Action::SubmitReply | Action::Send(_) | Action::Pick(_)
                if play.game.session.outcome().is_some() =>
            {
                next.set(Screen::Debrief);
            }
            Action::SeeDebrief => {}
            Action::SubmitReply | Action::Send(_) | Action::Pick(_) => play.reply(action),
            Action::NextTeam => play.game.team_turn += 1,
            other => play.change_view(other),
        }
    }
    if paused != was_paused {
        next_menu.set(if paused { Menu::Pause } else { Menu::None });
    }
}

impl Play<'_, '_> {
    /// A reply typed, sent or picked: the answering team's, journaled.
    fn reply(&mut self, action: &Action) {
        let team = self.game.next_team().cloned();
        self.game.session.set_next_team(team);
        let sent = match action {
            Action::SubmitReply => {
                let Ok(mut text) = self.reply_box.single_mut() else {
                    return;
                };
                let value = text.value().to_string();
                if value.trim().is_empty() {
                    return;
                }
                let sent = self.game.session.reply(&value).map(|_| ());
                if sent.is_ok() {
                    text.clear();
                }
                sent
            }
            Action::Send(text) => self.game.session.reply(text).map(|_| ()),
            Action::Pick(n) => self.game.session.pick(*n).map(|_| ()),
            _ => return,
        };
        match sent {
            Ok(()) => self.after_turn(),
            Err(e) => {
                let error = crate::session::describe::error(&e, self.ui.locale);
                self.view.notice = Some(self.ui.fill("play.error", &[("error", &error)]));
            }
        }
    }

    /// A turn was played: the hint, notice and highlight go, the next team
    /// answers, and the turn survives a crash from here on.
    fn after_turn(&mut self) {
        self.view.hint = None;
        self.view.notice = None;
        self.view.highlight = None;
        self.game.team_turn += 1;
        let g = &mut *self.game;
        g.open_journal(&self.data);
        if let Some(notice) =
            crate::session::journal::save_turn(g.journal.as_ref(), &g.session, self.ui.locale)
        {
            self.view.notice = Some(notice);
        }
    }

    /// The same scenario, difficulty and seed from the first line.
    fn restart(&mut self) {
        let s = &self.game.session;
        let session = Session::start(&s.prepared, s.difficulty, s.seed);
        self.game.session = session;
        self.view.hint = None;
        for mut b in &mut self.reply_box {
            b.clear();
        }
    }

    /// Tags, hint, hidden scores and the presenter's highlight.
    fn change_view(&mut self, action: &Action) {
        match action {
            Action::ToggleScores => self.view.scores_hidden = !self.view.scores_hidden,
            Action::Advance | Action::Retreat => {
                let n = self.game.session.options().len().min(4);
                if n > 0 {
                    let step = if *action == Action::Advance { 1 } else { n - 1 };
                    let highlight = self.view.highlight.map_or(0, |h| (h + step) % n);
                    self.view.highlight = Some(highlight);
                }
            }
            Action::ToggleTags => self.view.show_tags = !self.view.show_tags,
            Action::Hint => self.view.hint = Some(hint(&self.game.session, self.ui.locale)),
            _ => {}
        }
    }
}

fn stick_to_bottom(
    mut logs: Query<(&mut StickToBottom, &mut ScrollPosition, &ComputedNode)>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    for (mut stick, mut scroll, node) in &mut logs {
        if stick.0 == 0 {
            continue;
        }
        scroll.0.y = max_scroll(node);
        stick.0 -= 1;
        // keep frames coming while idling, until the layout has caught up
        redraw.write(bevy::window::RequestRedraw);
    }
}
