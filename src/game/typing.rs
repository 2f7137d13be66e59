//! Typing as in any text field: every key in order with the modifiers held
//! at the time, a caret that always shows, selection, select-all and the
//! clipboard.
//!
//! Why keys were lost: Bevy's text field reads Shift and Ctrl from
//! `ButtonInput<Key>`, which holds the state after *all* of a frame's key
//! events, and applies it to each of them. When keys come fast (40-150 ms
//! apart under a software renderer, several land in one frame) a space
//! followed by Shift+P is read as Shift+Space, which the field ignores
//! ("so Priya" became "soPriya"); Ctrl pressed and released around an "a"
//! in one frame typed "a" instead of selecting all. [`split_key_batches`]
//! hands the frame's key events on in batches in which every modifier
//! change comes before the keys it applies to, holding the rest for the
//! next frame (which it asks for), so the state read is the state each key
//! was pressed with.

use std::collections::VecDeque;
use std::time::Duration;

use bevy::ecs::message::MessageCursor;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::text::{EditableText, TextCursorStyle};

use super::theme::Palette;

/// Key events held for a later frame, oldest first.
#[derive(Resource, Default)]
pub(super) struct HeldKeys(VecDeque<KeyboardInput>);

fn is_modifier(key: &Key) -> bool {
    matches!(
        key,
        Key::Shift | Key::Control | Key::Alt | Key::AltGraph | Key::Super | Key::Meta
    )
}

/// How many of `keys` go into this frame: up to the first modifier change
/// that follows a key press (so all the presses in the batch see the
/// modifiers as they were pressed).
pub(super) fn batch_len<'a>(keys: impl IntoIterator<Item = &'a KeyboardInput>) -> usize {
    let mut pressed = false;
    let mut n = 0;
    for k in keys {
        if is_modifier(&k.logical_key) {
            if pressed {
                return n;
            }
        } else if k.state.is_pressed() {
            pressed = true;
        }
        n += 1;
    }
    n
}

/// Runs before Bevy turns key events into key state (`InputSystems`): the
/// frame's new key events, after any held from before, go on in order; only
/// the first batch this frame.
pub(super) fn split_key_batches(
    mut messages: ResMut<Messages<KeyboardInput>>,
    mut cursor: Local<MessageCursor<KeyboardInput>>,
    mut held: ResMut<HeldKeys>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    let fresh: Vec<KeyboardInput> = cursor.read(&messages).cloned().collect();
    if held.0.is_empty() && batch_len(&fresh) == fresh.len() {
        return; // the common case: nothing to hold, nothing touched
    }
    held.0.extend(fresh);
    let n = batch_len(&held.0);
    let batch: Vec<KeyboardInput> = held.0.drain(..n).collect();
    // this frame's events are replaced by the batch; older ones were read
    // by every reader last frame
    messages.drain().for_each(drop);
    messages.write_batch(batch);
    cursor.clear(&messages);
    if !held.0.is_empty() {
        redraw.write(bevy::window::RequestRedraw);
    }
}

/// A caret in the text colour that stays on (a blink needs a frame every
/// half second, which an idle game does not draw), and selections in the
/// selection colour.
pub(super) fn caret(p: &Palette) -> TextCursorStyle {
    TextCursorStyle {
        color: p.text,
        selection_color: p.selected,
        unfocused_selection_color: p.hover,
        selected_text_color: Some(p.text),
    }
}

/// An editable text with the caret that never blinks off.
pub(super) fn editable(text: &str, max_characters: Option<usize>) -> EditableText {
    let base = if text.is_empty() {
        EditableText::default()
    } else {
        EditableText::new(text)
    };
    EditableText {
        max_characters,
        // the caret shows for the first half of the period
        cursor_blink_period: Duration::from_secs(60 * 60 * 24 * 365),
        ..base
    }
}
