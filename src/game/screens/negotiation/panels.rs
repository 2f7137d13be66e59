//! The negotiation's areas. Each is refilled by its own system when what it
//! shows changes, and each reads only that: the persona and the ladder the
//! session, the hint line only the view state.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::StickToBottom;
use crate::game::screens::dialogue::{Dialogue, dialogue, event_notes, spawn_chips};
use crate::game::theme::{self, size, space};
use crate::game::widgets::{
    ActionButton, BaseColour, InView, Shrinks, bar, button, column, label, paragraph,
    primary_button, row,
};
use crate::game::{Action, Game, GameView, Mode, Ui};
use crate::i18n::money;
use crate::record::Outcome;
use crate::scoring::chart::price_points;
use crate::session::Session;
use crate::session::describe::outcome_line;

/// The areas of the screen that are filled from the game.
#[derive(Component, Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Area {
    Meters,
    Persona,
    Latest,
    Log,
    Ladder,
    Options,
    /// The hint and the notice under the ladder.
    Notes,
    /// The keys for the mode in use.
    Keys,
}

/// What the whole screen is drawn from.
#[derive(SystemParam)]
pub(super) struct Shown<'w> {
    pub(super) game: Res<'w, Game>,
    pub(super) view: Res<'w, GameView>,
    pub(super) ui: Res<'w, Ui>,
}

/// Fills an empty area (the screen is being drawn).
pub(super) fn fill(commands: &mut Commands, entity: Entity, area: Area, shown: &Shown) {
    let (game, view, ui) = (&*shown.game, &*shown.view, &*shown.ui);
    let session = &game.session;
    match area {
        Area::Meters => meters(commands, entity, game, view, ui),
        Area::Persona => persona(commands, entity, session, ui),
        Area::Latest => latest(commands, entity, session, view, ui),
        Area::Log => log(commands, entity, session, view, ui),
        Area::Ladder => ladder(commands, entity, session, ui),
        Area::Options => options(commands, entity, session, view.highlight, ui),
        Area::Notes => notes(commands, entity, session, view, ui),
        Area::Keys => keys(commands, entity, session, view, ui),
    }
}

/// The area's entity, emptied to be filled again.
fn emptied(commands: &mut Commands, areas: &Query<(Entity, &Area)>, which: Area) -> Option<Entity> {
    let (entity, _) = areas.iter().find(|(_, a)| **a == which)?;
    commands.entity(entity).despawn_children();
    Some(entity)
}

/// The systems that refill each area; the plugin runs each when what it
/// reads changed.
pub(super) mod refill {
    use super::*;

    pub(in crate::game::screens) fn meters_area(
        mut commands: Commands,
        areas: Query<(Entity, &Area)>,
        game: Res<Game>,
        view: Res<GameView>,
        ui: Res<Ui>,
    ) {
        if let Some(e) = emptied(&mut commands, &areas, Area::Meters) {
            super::meters(&mut commands, e, &game, &view, &ui);
        }
    }

    pub(in crate::game::screens) fn persona_area(
        mut commands: Commands,
        areas: Query<(Entity, &Area)>,
        game: Res<Game>,
        ui: Res<Ui>,
    ) {
        if let Some(e) = emptied(&mut commands, &areas, Area::Persona) {
            super::persona(&mut commands, e, &game.session, &ui);
        }
    }

    pub(in crate::game::screens) fn latest_area(
        mut commands: Commands,
        areas: Query<(Entity, &Area)>,
        game: Res<Game>,
        view: Res<GameView>,
        ui: Res<Ui>,
    ) {
        if let Some(e) = emptied(&mut commands, &areas, Area::Latest) {
            super::latest(&mut commands, e, &game.session, &view, &ui);
        }
    }

    pub(in crate::game::screens) fn keys_area(
        mut commands: Commands,
        areas: Query<(Entity, &Area)>,
        game: Res<Game>,
        view: Res<GameView>,
        ui: Res<Ui>,
    ) {
        if let Some(e) = emptied(&mut commands, &areas, Area::Keys) {
            super::keys(&mut commands, e, &game.session, &view, &ui);
        }
    }

    pub(in crate::game::screens) fn log_area(
        mut commands: Commands,
        areas: Query<(Entity, &Area)>,
        game: Res<Game>,
        view: Res<GameView>,
        ui: Res<Ui>,
    ) {
        if let Some(e) = emptied(&mut commands, &areas, Area::Log) {
            super::log(&mut commands, e, &game.session, &view, &ui);
        }
    }

    pub(in crate::game::screens) fn ladder_area(
        mut commands: Commands,
        areas: Query<(Entity, &Area)>,
        game: Res<Game>,
        ui: Res<Ui>,
    ) {
        if let Some(e) = emptied(&mut commands, &areas, Area::Ladder) {
            super::ladder(&mut commands, e, &game.session, &ui);
        }
    }

    pub(in crate::game::screens) fn options_area(
        mut commands: Commands,
        areas: Query<(Entity, &Area)>,
        game: Res<Game>,
        view: Res<GameView>,
        ui: Res<Ui>,
    ) {
        if let Some(e) = emptied(&mut commands, &areas, Area::Options) {
            super::options(&mut commands, e, &game.session, view.highlight, &ui);
        }
    }

    pub(in crate::game::screens) fn notes_area(
        mut commands: Commands,
        areas: Query<(Entity, &Area)>,
        game: Res<Game>,
        view: Res<GameView>,
        ui: Res<Ui>,
    ) {
        if let Some(e) = emptied(&mut commands, &areas, Area::Notes) {
            super::notes(&mut commands, e, &game.session, &view, &ui);
        }
    }
}

/// Who answers next, and trust and patience (unless scores are hidden).
fn meters(commands: &mut Commands, parent: Entity, game: &Game, view: &GameView, ui: &Ui) {
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
    if view.scores_hidden {
        let key = match view.mode {
            Mode::Type => "ui.scores_hidden_type",
            Mode::Pick => "ui.scores_hidden",
        };
        commands.spawn((label(ui.t(key), size::SMALL, ui.p.muted), ChildOf(parent)));
        return;
    }
    let s = &game.session;
    let turn =
        (s.turns().len() as u32 + u32::from(s.outcome().is_none())).min(s.scenario().max_turns);
    commands.spawn((
        label(
            ui.fill(
                "ui.turn_of",
                &[
                    ("n", &turn.to_string()),
                    ("max", &s.scenario().max_turns.to_string()),
                ],
            ),
            size::SMALL,
            ui.p.muted,
        ),
        ChildOf(parent),
    ));
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
            ui.locale.count("count.replies", replies_left(m.patience)),
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

/// Patience counts replies, in halves: 5.5 left is 6 more replies before
/// it runs out, 0 is none.
pub(super) fn replies_left(patience: f64) -> usize {
    patience.max(0.0).ceil() as usize
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

/// Who the customer is, how they feel, the objection on the table and
/// what you have learned.
fn persona(commands: &mut Commands, parent: Entity, session: &Session, ui: &Ui) {
    let s = session.scenario();
    let p = &s.persona;
    avatar(commands, parent, session, ui);
    let name_size = if ui.projector {
        size::LEAD
    } else {
        size::TITLE
    };
    commands.spawn((label(&p.name, name_size, ui.p.text), ChildOf(parent)));
    commands.spawn((paragraph(&p.title, size::BODY, ui.p.text), ChildOf(parent)));
    commands.spawn((
        paragraph(&p.company, size::BODY, ui.p.muted),
        ChildOf(parent),
    ));
    if let Some(o) = session.current_objection() {
        commands.spawn((
            paragraph(
                ui.fill("ui.on_the_table", &[("kind", &ui.kind_name(o.kind))]),
                size::SMALL,
                ui.p.warn,
            ),
            ChildOf(parent),
        ));
    }
    // what was learned before the small print: it is what the player uses
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
    commands.spawn((
        paragraph(
            ui.fill("ui.staff", &[("staff", &p.staff.to_string())]),
            size::SMALL,
            ui.p.muted,
        ),
        ChildOf(parent),
    ));
}

/// The customer's latest line: the largest text on the screen. On a
/// projector, where the log gives way to it, the reply it answers and that
/// reply's tags (T) show above it.
fn latest(commands: &mut Commands, parent: Entity, session: &Session, view: &GameView, ui: &Ui) {
    let last = session.turns().last();
    if ui.projector
        && view.show_tags
        && !view.scores_hidden
        && let Some(turn) = last
    {
        // who answered and the tags it earned; the words were just on
        // screen as the option picked (the debrief has the transcript)
        let who = turn.team.clone().unwrap_or_else(|| ui.t("ui.you"));
        let chips = commands.spawn((row(space::XS), ChildOf(parent))).id();
        commands.spawn((
            label(format!("{who}:"), size::SMALL, ui.p.muted),
            ChildOf(chips),
        ));
        spawn_chips(commands, chips, &turn.analysis, ui);
    }
    let lines = last.map_or(session.opening(), |t| t.persona.as_slice());
    let name = &session.scenario().persona.name;
    commands.spawn((label(name, size::SMALL, ui.p.muted), ChildOf(parent)));
    for line in lines {
        commands.spawn((
            paragraph(line, size::TITLE, ui.p.text),
            Shrinks { min: size::BODY },
            InView,
            ChildOf(parent),
        ));
    }
    if let Some(turn) = last {
        event_notes(commands, parent, session, turn, size::BODY, ui);
    }
}

/// The keys for the mode in use: in pick mode as many digits as there are
/// options; in type mode the presenter letters with Ctrl.
fn keys(commands: &mut Commands, parent: Entity, session: &Session, view: &GameView, ui: &Ui) {
    let text = match view.mode {
        Mode::Type => ui.t("ui.keys_type"),
        Mode::Pick => {
            let n = session.options().len().clamp(1, 4);
            ui.fill("ui.keys_pick", &[("n", &n.to_string())])
        }
    };
    commands.spawn((
        Node {
            flex_grow: 1.0,
            flex_basis: px(0),
            ..default()
        },
        ChildOf(parent),
        children![paragraph(text, size::SMALL, ui.p.muted)],
    ));
    if session.outcome().is_none() {
        commands.spawn((
            button(ui.p, ui.t("ui.finish"), Action::Finish),
            ChildOf(parent),
        ));
    }
}

/// The customer's initial in a ring coloured by mood, and the mood's word.
fn avatar(commands: &mut Commands, parent: Entity, session: &Session, ui: &Ui) {
    let name = &session.scenario().persona.name;
    let (mood_key, colour) = mood(session.meters().trust, ui);
    let initial: String = name.chars().next().map(String::from).unwrap_or_default();
    // on a projector the text is large: a smaller ring leaves room for it
    let ring = if ui.projector { 64.0 } else { 96.0 };
    let letter = if ui.projector {
        size::TITLE
    } else {
        size::HERO
    };
    commands.spawn((
        Node {
            align_self: AlignSelf::Center,
            ..column(space::XS)
        },
        ChildOf(parent),
        children![
            (
                Node {
                    width: px(ring),
                    height: px(ring),
                    align_self: AlignSelf::Center,
                    justify_content: JustifyContent::Center,
                    align_items: AlignItems::Center,
                    border: UiRect::all(px(6)),
                    border_radius: BorderRadius::MAX,
                    ..default()
                },
                BorderColor::all(colour),
                BackgroundColor(ui.p.raised),
                children![label(initial, letter, ui.p.text)],
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
}

/// The conversation so far (chips unless hidden), kept scrolled to its end.
fn log(commands: &mut Commands, parent: Entity, session: &Session, view: &GameView, ui: &Ui) {
    let how = Dialogue {
        text_size: size::BODY,
        numbered: false,
        chips: view.show_tags && !view.scores_hidden,
    };
    dialogue(commands, parent, session, ui, how);
    commands.entity(parent).insert(StickToBottom(2));
}

/// The hint (F3) and the notice (a refused reply, a turn not saved); once
/// the negotiation is over, how it ended and the step to the debrief.
fn notes(commands: &mut Commands, parent: Entity, session: &Session, view: &GameView, ui: &Ui) {
    if let Some(outcome) = session.outcome() {
        let currency = &session.scenario().product.currency;
        let line = outcome_line(Some(outcome), currency, ui.locale);
        let colour = match outcome {
            Outcome::Deal { .. } => ui.p.good,
            _ => ui.p.warn,
        };
        commands.spawn((label(line, size::LEAD, colour), ChildOf(parent)));
        commands.spawn((
            primary_button(ui.p, ui.t("ui.see_debrief"), Action::SeeDebrief),
            InView,
            ChildOf(parent),
        ));
        return;
    }
    if let Some(h) = &view.hint {
        commands.spawn((paragraph(h, size::BODY, ui.p.warn), ChildOf(parent)));
    }
    if let Some(n) = &view.notice {
        commands.spawn((paragraph(n, size::BODY, ui.p.bad), ChildOf(parent)));
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
    let text = |key: &str, price: f64| ui.fill(key, &[("price", &money(price, &product.currency))]);
    let track = ladder_track(commands, parent, ui);
    let mut marks = vec![
        (
            product.floor,
            text("ui.floor", product.floor),
            ui.p.warn,
            false,
        ),
        (
            product.list_price,
            text("ui.list_price", product.list_price),
            ui.p.muted,
            true,
        ),
    ];
    if let Some(&(_, p)) = yours.last() {
        marks.push((p, text("ui.you_price", p), ui.p.accent, true));
    }
    if let Some(&(_, p)) = theirs.last() {
        marks.push((p, text("ui.them_price", p), ui.p.good, false));
    }
    for (price, text, colour, above) in marks {
        ladder_mark(commands, track, at(price), text, colour, above);
    }
}

/// The ladder's caption and its line; returns the track the marks sit on.
fn ladder_track(commands: &mut Commands, parent: Entity, ui: &Ui) -> Entity {
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
    track
}

/// A dot and its price at `left` percent, above or below the line.
fn ladder_mark(
    commands: &mut Commands,
    track: Entity,
    left: f32,
    text: String,
    colour: Color,
    above: bool,
) {
    commands.spawn((
        // a zero-width anchor: its children centre on the price
        Node {
            position_type: PositionType::Absolute,
            left: percent(left),
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
}

/// Pick mode: up to four option cards, A-D (keys 1-4).
fn options(
    commands: &mut Commands,
    parent: Entity,
    session: &Session,
    highlight: Option<usize>,
    ui: &Ui,
) {
    // a new set of options starts at the top
    commands.entity(parent).insert(ScrollPosition::default());
    if session.outcome().is_some() {
        return; // nothing left to pick; the notes lead to the debrief
    }
    for (i, text) in session.options().iter().enumerate().take(4) {
        let edge = if highlight == Some(i) {
            ui.p.accent
        } else {
            ui.p.border
        };
        let letter = ["A", "B", "C", "D"][i];
        let mut card = commands.spawn((
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
                    label(text.to_string(), size::BODY, ui.p.text),
                    Node {
                        flex_grow: 1.0,
                        flex_shrink: 1.0,
                        flex_basis: px(0),
                        ..default()
                    }
                ),
            ],
        ));
        if highlight == Some(i) {
            card.insert(InView);
        }
    }
}
