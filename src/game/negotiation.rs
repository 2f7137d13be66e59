//! Negotiation: the customer's latest line is the hero; around it the
//! persona, the meters, the dialogue log with tag chips, the concession
//! ladder and the reply box (or the options in pick mode).

use bevy::input::keyboard::KeyboardInput;
use bevy::input_focus::{FocusedInput, InputFocus};
use bevy::prelude::*;
use bevy::text::{EditableText, TextEdit};

use super::theme::{self, size, space};
use super::widgets::{
    ActionButton, BaseColour, bar, button, chip, column, label, main_area, max_scroll, panel,
    panel_node, paragraph, row, screen_root, spread_row,
};
use super::{Action, DataDir, Game, Mode, Screen, Setup, Ui};
use crate::analysis::{Analysis, Offer};
use crate::i18n::money;
use crate::scoring::chart::price_points;
use crate::session::Session;
use crate::session::describe::hint;

pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Negotiation), (spawn, refresh).chain())
        .add_systems(
            Update,
            (
                keys,
                apply,
                refresh.run_if(resource_exists_and_changed::<Game>),
                finish_when_over,
                stick_to_bottom,
            )
                .chain()
                .run_if(in_state(Screen::Negotiation)),
        );
}

/// The areas refilled whenever the game changes.
#[derive(Component, Clone, Copy, PartialEq)]
enum Area {
    Meters,
    Persona,
    Latest,
    Log,
    Ladder,
    Options,
    Hint,
}

#[derive(Component)]
struct ReplyBox;

fn spawn(
    mut commands: Commands,
    game: Res<Game>,
    setup: Res<Setup>,
    ui: Res<Ui>,
    focus: Option<ResMut<InputFocus>>,
) {
    let s = game.session.scenario();
    let root = commands
        .spawn((
            DespawnOnExit(Screen::Negotiation),
            Node {
                row_gap: px(space::S),
                padding: UiRect::all(px(space::M)),
                ..screen_root()
            },
        ))
        .id();

    // top bar: what is being played, and the meters
    let top = commands.spawn((spread_row(space::M), ChildOf(root))).id();
    commands.spawn((
        label(
            format!(
                "{} · {} · {}",
                s.title,
                ui.t(&format!("difficulty.{}", game.session.difficulty.name())),
                ui.fill("ui.seed_value", &[("seed", &game.session.seed.to_string())])
            ),
            size::BODY,
            ui.p.muted,
        ),
        ChildOf(top),
    ));
    commands.spawn((Area::Meters, row(space::M), ChildOf(top)));

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
    commands.spawn((
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
    ));
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
    // on a projector the room reads the customer's latest line; the log
    // gives way to it (the debrief has the whole transcript)
    commands.spawn((
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
    ));
    commands.spawn((
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
    ));

    commands.spawn((
        Area::Ladder,
        panel(
            ui.p,
            Node {
                padding: UiRect::axes(px(space::M), px(space::XS)),
                ..panel_node()
            },
        ),
        ChildOf(root),
    ));
    commands.spawn((Area::Hint, row(space::S), ChildOf(root)));

    match setup.mode {
        Mode::Type => {
            let reply = commands
                .spawn((
                    ReplyBox,
                    EditableText {
                        max_characters: Some(crate::session::MAX_REPLY_CHARS),
                        visible_lines: Some(3.0),
                        ..default()
                    },
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
            if let Some(mut focus) = focus {
                *focus = InputFocus::from_entity(reply);
            }
        }
        Mode::Pick => {
            commands.spawn((
                Area::Options,
                Node {
                    flex_shrink: 1.0,
                    min_height: px(0),
                    overflow: Overflow::scroll_y(),
                    ..column(space::S)
                },
                ChildOf(root),
            ));
        }
    }
    let keys = match setup.mode {
        Mode::Type => "ui.keys_type",
        Mode::Pick => "ui.keys_pick",
    };
    commands.spawn((
        paragraph(ui.t(keys), size::SMALL, ui.p.muted),
        ChildOf(root),
    ));
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
    setup: Res<Setup>,
    game: Res<Game>,
    mut actions: MessageWriter<Action>,
) {
    if keys.just_pressed(KeyCode::Escape) {
        actions.write(if game.paused {
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
    let letter = |k: KeyCode| keys.just_pressed(k) && (ctrl || setup.mode == Mode::Pick);
    if letter(KeyCode::KeyH) {
        actions.write(Action::ToggleScores);
    }
    if letter(KeyCode::KeyR) {
        actions.write(Action::ToggleReveal);
    }
    if letter(KeyCode::KeyB) {
        actions.write(Action::ToggleBlank);
    }
    if setup.mode == Mode::Pick && !game.paused {
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
            && let Some(i) = game.highlight
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
}

fn apply(
    mut actions: MessageReader<Action>,
    mut game: ResMut<Game>,
    mut boxes: Query<&mut EditableText, With<ReplyBox>>,
    ui: Res<Ui>,
    data: Res<DataDir>,
    mut next: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        if game.paused
            && !matches!(
                action,
                Action::Resume | Action::Restart | Action::QuitToTitle | Action::Finish
            )
        {
            continue;
        }
        // whichever way the reply comes, it is the answering team's
        if matches!(
            action,
            Action::SubmitReply | Action::Send(_) | Action::Pick(_)
        ) {
            let team = game.next_team().cloned();
            game.session.set_next_team(team);
        }
        let result = match action {
            Action::SubmitReply => {
                let Ok(mut text) = boxes.single_mut() else {
                    continue;
                };
                let value = text.value().to_string();
                if value.trim().is_empty() {
                    continue;
                }
                let sent = game.session.reply(&value).map(|_| ());
                if sent.is_ok() {
                    text.clear();
                }
                sent
            }
            Action::Send(text) => game.session.reply(text).map(|_| ()),
            Action::Pick(n) => game.session.pick(*n).map(|_| ()),
            Action::NextTeam => {
                game.team_turn += 1;
                Ok(())
            }
            Action::ToggleScores => {
                game.scores_hidden = !game.scores_hidden;
                Ok(())
            }
            Action::Advance | Action::Retreat => {
                let n = game.session.options().len().min(4);
                if n > 0 {
                    let step = if *action == Action::Advance { 1 } else { n - 1 };
                    game.highlight = Some(game.highlight.map_or(0, |h| (h + step) % n));
                }
                Ok(())
            }
            Action::ToggleTags => {
                game.show_tags = !game.show_tags;
                Ok(())
            }
            Action::Hint => {
                game.hint = Some(hint(&game.session, ui.locale));
                Ok(())
            }
            Action::Pause => {
                game.paused = true;
                Ok(())
            }
            Action::Resume => {
                game.paused = false;
                Ok(())
            }
            Action::Restart => {
                let p = game.session.prepared.clone();
                game.session = Session::start(&p, game.session.difficulty, game.session.seed);
                game.paused = false;
                game.hint = None;
                for mut b in &mut boxes {
                    b.clear();
                }
                Ok(())
            }
            Action::QuitToTitle => {
                next.set(Screen::Title);
                Ok(())
            }
            Action::Finish => {
                game.session.end();
                game.paused = false;
                Ok(())
            }
            _ => Ok(()),
        };
        match result {
            Ok(()) => {
                if matches!(
                    action,
                    Action::SubmitReply | Action::Send(_) | Action::Pick(_)
                ) {
                    game.hint = None;
                    game.notice = None;
                    game.highlight = None;
                    game.team_turn += 1;
                    // the turn survives a crash from here on
                    let g = &mut *game;
                    if g.journal.is_none() {
                        g.journal = data.new_journal(&g.session);
                    }
                    if let Some(notice) = crate::session::journal::save_turn(
                        g.journal.as_ref(),
                        &g.session,
                        ui.locale,
                    ) {
                        g.notice = Some(notice);
                    }
                }
            }
            Err(e) => game.notice = Some(ui.fill("play.error", &[("error", &e.to_string())])),
        }
    }
}

fn finish_when_over(game: Res<Game>, mut next: ResMut<NextState<Screen>>) {
    if game.session.outcome().is_some() {
        next.set(Screen::Debrief);
    }
}

fn refresh(mut commands: Commands, areas: Query<(Entity, &Area)>, game: Res<Game>, ui: Res<Ui>) {
    for (entity, area) in &areas {
        commands.entity(entity).despawn_children();
        match area {
            Area::Meters => meters(&mut commands, entity, &game, &ui),
            Area::Persona => persona(&mut commands, entity, &game.session, &ui),
            Area::Latest => latest(&mut commands, entity, &game.session, &ui),
            Area::Log => {
                let how = Dialogue {
                    text_size: size::BODY,
                    numbered: false,
                    chips: game.show_tags && !game.scores_hidden,
                };
                dialogue(&mut commands, entity, &game.session, &ui, how);
                commands.entity(entity).insert(StickToBottom(2));
            }
            Area::Ladder => ladder(&mut commands, entity, &game.session, &ui),
            Area::Options => options(&mut commands, entity, &game, &ui),
            Area::Hint => {
                if let Some(h) = &game.hint {
                    commands.spawn((label(h, size::BODY, ui.p.warn), ChildOf(entity)));
                }
                if let Some(n) = &game.notice {
                    commands.spawn((label(n, size::BODY, ui.p.bad), ChildOf(entity)));
                }
            }
        }
    }
}

/// The log shows its newest line once the layout has measured it: the
/// count is the frames left to keep scrolling (layout runs after Update).
#[derive(Component)]
struct StickToBottom(u8);

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

fn meters(commands: &mut Commands, parent: Entity, game: &Game, ui: &Ui) {
    if let Some(team) = game.next_team() {
        commands.spawn((
            label(
                ui.fill("ui.answering", &[("team", team)]),
                size::BODY,
                ui.p.accent,
            ),
            ChildOf(parent),
        ));
    }
    if game.scores_hidden {
        commands.spawn((
            label(ui.t("ui.scores_hidden"), size::SMALL, ui.p.muted),
            ChildOf(parent),
        ));
        return;
    }
    let m = game.session.meters();
    let start_patience = f64::from(game.session.params().patience).max(1.0);
    for (key, share, text) in [
        (
            "ui.trust",
            m.trust as f32,
            format!("{:.0}%", m.trust * 100.0),
        ),
        (
            "ui.patience",
            (m.patience / start_patience) as f32,
            format!("{:.1}", m.patience.max(0.0)),
        ),
    ] {
        commands.spawn((
            row(space::S),
            ChildOf(parent),
            children![
                label(ui.t(key), size::SMALL, ui.p.muted),
                bar(ui.p, share, ui.p.meter(share), px(120)),
                label(text, size::SMALL, ui.p.text),
            ],
        ));
    }
}

/// The customer's mood as a word and a colour, from trust.
fn mood(trust: f64, ui: &Ui) -> (&'static str, Color) {
    match trust {
        t if t >= 0.65 => ("ui.mood.warm", ui.p.good),
        t if t >= 0.4 => ("ui.mood.open", ui.p.accent),
        t if t >= 0.2 => ("ui.mood.wary", ui.p.warn),
        _ => ("ui.mood.cold", ui.p.bad),
    }
}

fn persona(commands: &mut Commands, parent: Entity, session: &Session, ui: &Ui) {
    let s = session.scenario();
    let p = &s.persona;
    let (mood_key, colour) = mood(session.meters().trust, ui);
    let initial: String = p.name.chars().next().map(String::from).unwrap_or_default();
    commands.spawn((
        Node {
            align_self: AlignSelf::Center,
            ..column(space::XS)
        },
        ChildOf(parent),
        children![
            (
                Node {
                    width: px(96),
                    height: px(96),
                    align_self: AlignSelf::Center,
                    justify_content: JustifyContent::Center,
                    align_items: AlignItems::Center,
                    border: UiRect::all(px(6)),
                    border_radius: BorderRadius::MAX,
                    ..default()
                },
                BorderColor::all(colour),
                BackgroundColor(ui.p.raised),
                children![label(initial, size::HERO, ui.p.text)],
            ),
            (
                Node {
                    align_self: AlignSelf::Center,
                    ..default()
                },
                children![label(ui.t(mood_key), size::SMALL, colour)]
            ),
        ],
    ));
    commands.spawn((label(&p.name, size::TITLE, ui.p.text), ChildOf(parent)));
    commands.spawn((paragraph(&p.title, size::BODY, ui.p.text), ChildOf(parent)));
    commands.spawn((
        paragraph(&p.company, size::BODY, ui.p.muted),
        ChildOf(parent),
    ));

    commands.spawn((
        label(
            ui.fill("ui.staff", &[("staff", &p.staff.to_string())]),
            size::SMALL,
            ui.p.muted,
        ),
        ChildOf(parent),
    ));
    if let Some(o) = session.current_objection() {
        commands.spawn((
            label(
                ui.fill(
                    "ui.on_the_table",
                    &[("kind", &super::title::kind_name(ui, o.kind))],
                ),
                size::SMALL,
                ui.p.warn,
            ),
            ChildOf(parent),
        ));
    }
    let revealed = session.revealed();
    if !revealed.is_empty() {
        commands.spawn((
            label(ui.t("ui.learned"), size::BODY, ui.p.text),
            ChildOf(parent),
        ));
        for id in revealed {
            if let Some(f) = p.hidden.iter().find(|f| f.id == id) {
                commands.spawn((
                    paragraph(format!("• {}", f.text), size::SMALL, ui.p.text),
                    ChildOf(parent),
                ));
            }
        }
    }
}

fn latest(commands: &mut Commands, parent: Entity, session: &Session, ui: &Ui) {
    let lines = session
        .turns()
        .last()
        .map_or(session.opening(), |t| t.persona.as_slice());
    let name = &session.scenario().persona.name;
    commands.spawn((label(name, size::SMALL, ui.p.muted), ChildOf(parent)));
    for line in lines {
        commands.spawn((paragraph(line, size::TITLE, ui.p.text), ChildOf(parent)));
    }
}

/// How the conversation is shown: the live log or the debrief transcript.
pub struct Dialogue {
    pub text_size: f32,
    /// Turn numbers before each reply.
    pub numbered: bool,
    /// Each reply's tag chips.
    pub chips: bool,
}

/// The conversation so far, line by line.
pub fn dialogue(commands: &mut Commands, parent: Entity, session: &Session, ui: &Ui, how: Dialogue) {
    let name = &session.scenario().persona.name;
    let customer = |commands: &mut Commands, line: &str| {
        commands.spawn((
            paragraph(format!("{name}: {line}"), how.text_size, ui.p.muted),
            ChildOf(parent),
        ));
    };
    for line in session.opening() {
        customer(commands, line);
    }
    for turn in session.turns() {
        let who = turn.team.clone().unwrap_or_else(|| ui.t("ui.you"));
        let said = if how.numbered {
            format!("{} {who}: {}", turn.number, turn.text)
        } else {
            format!("{who}: {}", turn.text)
        };
        commands.spawn((paragraph(said, how.text_size, ui.p.text), ChildOf(parent)));
        if how.chips {
            let chips = commands.spawn((row(space::XS), ChildOf(parent))).id();
            spawn_chips(commands, chips, &turn.analysis, ui);
        }
        for line in &turn.persona {
            customer(commands, line);
        }
    }
}

/// One chip per tag the reply earned, each with its word.
pub fn spawn_chips(commands: &mut Commands, parent: Entity, a: &Analysis, ui: &Ui) {
    let word = |name: &str| ui.t(&format!("tag.{name}"));
    for l in &a.laer {
        commands.spawn((chip(ui.p, word(l.name()), ui.p.laer), ChildOf(parent)));
    }
    for f in &a.fab {
        commands.spawn((chip(ui.p, word(f.name()), ui.p.fab), ChildOf(parent)));
    }
    for t in &a.techniques {
        commands.spawn((chip(ui.p, word(t.name()), ui.p.technique), ChildOf(parent)));
    }
    for n in &a.negatives {
        commands.spawn((
            chip(ui.p, format!("! {}", word(n.name())), ui.p.negative),
            ChildOf(parent),
        ));
    }
    for o in &a.offers {
        let name = match o {
            Offer::Price { .. } => "price",
            Offer::DiscountPercent { .. } | Offer::DiscountAmount { .. } => "discount",
            Offer::Tradeable { .. } => "tradeable",
        };
        let mut text = word(&format!("offer_{name}"));
        if o.conditional() {
            text = format!("{text} · {}", word("conditional"));
        }
        commands.spawn((chip(ui.p, text, ui.p.offer), ChildOf(parent)));
    }
    if a.laer.is_empty()
        && a.fab.is_empty()
        && a.techniques.is_empty()
        && a.negatives.is_empty()
        && a.offers.is_empty()
    {
        commands.spawn((chip(ui.p, word("none"), ui.p.raised), ChildOf(parent)));
    }
}

/// The ladder: a price track from below the floor to the list price, with
/// your offers above it and the customer's below.
fn ladder(commands: &mut Commands, parent: Entity, session: &Session, ui: &Ui) {
    let product = &session.scenario().product;
    let (yours, theirs) = price_points(session.turns());
    let low = theirs
        .iter()
        .chain(&yours)
        .map(|p| p.1)
        .fold(product.floor, f64::min)
        * 0.97;
    let high = product.list_price * 1.01;
    // kept off the very ends so centred labels stay inside the panel
    let at = |price: f64| (((price - low) / (high - low)).clamp(0.0, 1.0) * 88.0 + 6.0) as f32;
    let cur = &product.currency;
    let track = commands
        .spawn((
            Node {
                width: percent(100),
                height: px(52),
                ..default()
            },
            ChildOf(parent),
        ))
        .id();
    commands.spawn((
        label(ui.t("ui.ladder"), size::SMALL, ui.p.muted),
        ChildOf(track),
    ));
    commands.spawn((
        Node {
            position_type: PositionType::Absolute,
            top: px(25),
            width: percent(100),
            height: px(2),
            ..default()
        },
        BackgroundColor(ui.p.border),
        ChildOf(track),
    ));
    let mut mark = |price: f64, text: String, colour: Color, above: bool| {
        commands.spawn((
            // a zero-width anchor: its children centre on the price
            Node {
                position_type: PositionType::Absolute,
                left: percent(at(price)),
                width: px(0),
                top: if above { px(0) } else { px(21) },
                flex_direction: if above {
                    FlexDirection::ColumnReverse
                } else {
                    FlexDirection::Column
                },
                align_items: AlignItems::Center,
                ..default()
            },
            ChildOf(track),
            children![
                (
                    Node {
                        width: px(10),
                        height: px(10),
                        flex_shrink: 0.0,
                        border_radius: BorderRadius::MAX,
                        ..default()
                    },
                    BackgroundColor(colour)
                ),
                (label(text, size::SMALL, colour), TextLayout::no_wrap()),
            ],
        ));
    };
    mark(
        product.floor,
        ui.fill("ui.floor", &[("price", &money(product.floor, cur))]),
        ui.p.warn,
        false,
    );
    mark(
        product.list_price,
        ui.fill(
            "ui.list_price",
            &[("price", &money(product.list_price, cur))],
        ),
        ui.p.muted,
        true,
    );
    if let Some(&(_, p)) = yours.last() {
        mark(
            p,
            ui.fill("ui.you_price", &[("price", &money(p, cur))]),
            ui.p.accent,
            true,
        );
    }
    if let Some(&(_, p)) = theirs.last() {
        mark(
            p,
            ui.fill("ui.them_price", &[("price", &money(p, cur))]),
            ui.p.good,
            false,
        );
    }
}

fn options(commands: &mut Commands, parent: Entity, game: &Game, ui: &Ui) {
    for (i, text) in game.session.options().iter().enumerate().take(4) {
        let edge = if game.highlight == Some(i) {
            ui.p.accent
        } else {
            ui.p.border
        };
        let letter = ["A", "B", "C", "D"][i];
        commands.spawn((
            Button,
            ActionButton(Action::Pick(i + 1)),
            BaseColour(ui.p.raised),
            Node {
                padding: UiRect::all(px(space::S)),
                column_gap: px(space::M),
                align_items: AlignItems::Center,
                border: UiRect::all(px(3)),
                flex_shrink: 0.0,
                border_radius: BorderRadius::all(px(theme::RADIUS)),
                ..default()
            },
            BorderColor::all(edge),
            BackgroundColor(ui.p.raised),
            ChildOf(parent),
            children![
                (
                    label(format!("{letter} · {}", i + 1), size::TITLE, ui.p.accent),
                    TextLayout::no_wrap()
                ),
                (
                    label(*text, size::BODY, ui.p.text),
                    Node {
                        flex_grow: 1.0,
                        flex_shrink: 1.0,
                        flex_basis: px(0),
                        ..default()
                    }
                ),
            ],
        ));
    }
}
