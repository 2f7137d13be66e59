//! The conversation as text, shared by the negotiation's log and the
//! debrief's transcript: each line, and each reply's tag chips.

use bevy::prelude::*;

use crate::analysis::{Analysis, Offer};
use crate::game::Ui;
use crate::game::theme::{size, space};
use crate::game::widgets::{chip, note, paragraph, row};
use crate::record::Turn;
use crate::session::Session;
use crate::session::describe::event_note;

/// How the conversation is shown: the live log or the debrief transcript.
pub(super) struct Dialogue {
    pub(super) text_size: f32,
    /// Turn numbers before each reply.
    pub(super) numbered: bool,
    /// Each reply's tag chips.
    pub(super) chips: bool,
}

/// The conversation so far, line by line.
pub(super) fn dialogue(
    commands: &mut Commands,
    parent: Entity,
    session: &Session,
    ui: &Ui,
    how: Dialogue,
) {
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
        event_notes(
            commands,
            parent,
            session,
            turn,
            how.text_size * size::SMALL,
            ui,
        );
    }
}

/// The notes under a turn's lines (as `play --text` shows them), in the
/// interface language.
pub(super) fn event_notes(
    commands: &mut Commands,
    parent: Entity,
    session: &Session,
    turn: &Turn,
    rem: f32,
    ui: &Ui,
) {
    for text in turn
        .events
        .iter()
        .filter_map(|e| event_note(e, session.scenario(), ui.locale))
    {
        commands.spawn((note(ui.p, text, rem), ChildOf(parent)));
    }
}

/// One chip per tag the reply earned, each with its word.
pub(super) fn spawn_chips(commands: &mut Commands, parent: Entity, a: &Analysis, ui: &Ui) {
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
