//! Every label, button, panel and bar is made here, one way.

use bevy::prelude::*;

use super::theme::{self, Palette, size, space};
use super::{Action, Ui};

/// A text label at a size of the type scale.
pub(super) fn label(text: impl Into<String>, rem: f32, colour: Color) -> impl Bundle {
    (
        Text::new(text),
        TextFont::from_font_size(FontSize::Rem(rem)),
        TextColor(colour),
    )
}

/// A section heading: lead size in the text colour.
pub(super) fn heading(p: &Palette, text: impl Into<String>) -> impl Bundle {
    label(text, size::LEAD, p.text)
}

/// A label that wraps within its parent's width.
pub(super) fn paragraph(text: impl Into<String>, rem: f32, colour: Color) -> impl Bundle {
    (
        label(text, rem, colour),
        Node {
            max_width: percent(100),
            ..default()
        },
    )
}

/// A button that sends `action` when pressed.
#[derive(Component, Clone)]
pub(super) struct ActionButton(pub(super) Action);

/// Marks the selected choice in a group (difficulty, mode, scenario).
#[derive(Component)]
pub(super) struct Selected;

/// The colour a button returns to when the pointer leaves it.
#[derive(Component)]
pub(super) struct BaseColour(pub(super) Color);

fn styled_button(
    p: &Palette,
    text: impl Into<String>,
    action: Action,
    fill: Color,
    edge: Color,
) -> impl Bundle {
    (
        Button,
        ActionButton(action),
        BaseColour(fill),
        Node {
            padding: UiRect::axes(px(space::M), px(space::S)),
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(theme::RADIUS)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        },
        BorderColor::all(edge),
        BackgroundColor(fill),
        children![label(text, size::BODY, p.text)],
    )
}

pub(super) fn button(p: &Palette, text: impl Into<String>, action: Action) -> impl Bundle {
    styled_button(p, text, action, p.raised, p.border)
}

/// The main call to action on a screen.
pub(super) fn primary_button(p: &Palette, text: impl Into<String>, action: Action) -> impl Bundle {
    styled_button(p, text, action, p.selected, p.accent)
}

/// The layout of a panel: a padded, rounded column.
pub(super) fn panel_node() -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        padding: UiRect::all(px(space::M)),
        row_gap: px(space::S),
        border_radius: BorderRadius::all(px(theme::RADIUS)),
        ..default()
    }
}

/// A panel with the given layout (start from `panel_node()`).
pub(super) fn panel(p: &Palette, node: Node) -> impl Bundle {
    (node, BackgroundColor(p.panel))
}

/// The full-window root of a screen.
pub(super) fn screen_root() -> Node {
    Node {
        width: percent(100),
        height: percent(100),
        flex_direction: FlexDirection::Column,
        padding: UiRect::all(px(space::L)),
        row_gap: px(space::M),
        ..default()
    }
}

/// A horizontal bar filled to `share` (0-1).
pub(super) fn bar(p: &Palette, share: f32, colour: Color, width: Val) -> impl Bundle {
    (
        Node {
            width,
            height: px(10),
            border_radius: BorderRadius::all(px(5)),
            ..default()
        },
        BackgroundColor(p.raised),
        children![(
            Node {
                width: percent(share.clamp(0.0, 1.0) * 100.0),
                height: percent(100),
                border_radius: BorderRadius::all(px(5)),
                ..default()
            },
            BackgroundColor(colour),
        )],
    )
}

/// A tag chip: its word always shows; colour only supports it.
pub(super) fn chip(p: &Palette, word: impl Into<String>, colour: Color) -> impl Bundle {
    (
        Node {
            padding: UiRect::axes(px(space::S), px(2)),
            border_radius: BorderRadius::all(px(4)),
            ..default()
        },
        BackgroundColor(colour),
        children![label(word, size::SMALL, p.text)],
    )
}

/// A row of children with a gap.
pub(super) fn row(gap: f32) -> Node {
    Node {
        flex_direction: FlexDirection::Row,
        column_gap: px(gap),
        align_items: AlignItems::Center,
        flex_wrap: FlexWrap::Wrap,
        ..default()
    }
}

/// The part of a screen that takes the height left over: its children
/// stretch to it and scroll inside it, so large type reflows instead of
/// pushing the footer off the window.
pub(super) fn main_area(gap: f32) -> Node {
    Node {
        flex_grow: 1.0,
        flex_basis: px(0),
        min_height: px(0),
        align_items: AlignItems::Stretch,
        flex_wrap: FlexWrap::NoWrap,
        ..row(gap)
    }
}

/// A row whose children spread to both ends (header, button bar).
pub(super) fn spread_row(gap: f32) -> Node {
    Node {
        justify_content: JustifyContent::SpaceBetween,
        ..row(gap)
    }
}

/// A column of children with a gap.
pub(super) fn column(gap: f32) -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        row_gap: px(gap),
        ..default()
    }
}

/// What a button is, and what pressing or hovering it changes.
type ButtonState<'a> = (
    &'a Interaction,
    &'a ActionButton,
    &'a BaseColour,
    &'a mut BackgroundColor,
    Has<Selected>,
);

/// Sends the button's action on press and shows hover and selection.
pub(super) fn press_buttons(
    mut buttons: Query<ButtonState, Changed<Interaction>>,
    mut actions: MessageWriter<Action>,
    ui: Res<Ui>,
) {
    let p = ui.p;
    for (interaction, button, base, mut bg, selected) in &mut buttons {
        match interaction {
            Interaction::Pressed => {
                actions.write(button.0.clone());
            }
            Interaction::Hovered => bg.0 = p.hover,
            Interaction::None => bg.0 = if selected { p.selected } else { base.0 },
        }
    }
}

/// Selected choices are filled with the accent.
pub(super) fn show_selection(mut added: Query<&mut BackgroundColor, Added<Selected>>, ui: Res<Ui>) {
    let p = ui.p;
    for mut bg in &mut added {
        bg.0 = p.selected;
    }
}

/// How far a scrolling node can scroll down, in logical pixels.
pub(super) fn max_scroll(node: &ComputedNode) -> f32 {
    ((node.content_size.y - node.size.y) * node.inverse_scale_factor).max(0.0)
}

/// The mouse wheel scrolls the scrollable panel under the pointer.
pub(super) fn scroll_with_wheel(
    mut wheel: MessageReader<bevy::input::mouse::MouseWheel>,
    windows: Query<&Window>,
    mut panels: Query<(
        &Node,
        &ComputedNode,
        &UiGlobalTransform,
        &mut ScrollPosition,
    )>,
) {
    let Some(cursor) = windows.iter().find_map(Window::physical_cursor_position) else {
        wheel.clear();
        return;
    };
    for event in wheel.read() {
        let lines = match event.unit {
            bevy::input::mouse::MouseScrollUnit::Line => event.y * 40.0,
            bevy::input::mouse::MouseScrollUnit::Pixel => event.y,
        };
        for (node, computed, transform, mut scroll) in &mut panels {
            if node.overflow.y != OverflowAxis::Scroll {
                continue;
            }
            let centre = transform.translation;
            let half = computed.size / 2.0;
            let inside = (cursor - centre).abs().cmple(half).all();
            if inside {
                scroll.0.y = (scroll.0.y - lines).clamp(0.0, max_scroll(computed));
            }
        }
    }
}
