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

/// A note in the conversation, not a line anyone said: a hidden fact
/// came out, an offer is being checked before it binds, a price went to
/// whoever signs. Smaller, in the accent colour, set off by a bar.
#[derive(Component, Clone, Copy, Default)]
pub struct Note;

/// A [`Note`] at `rem`.
pub(super) fn note(p: &Palette, text: impl Into<String>, rem: f32) -> impl Bundle {
    (
        Note,
        Node {
            max_width: percent(100),
            border: UiRect::left(px(3)),
            padding: UiRect::left(px(space::S)),
            margin: UiRect::left(px(space::M)),
            ..default()
        },
        BorderColor::all(p.accent),
        children![paragraph(text, rem, p.accent)],
    )
}

/// Marks what must always be wholly in view: the customer's latest line,
/// the highlighted option, the selected scenario, the main button. The
/// layout tests check it; scrolling panels bring it into view.
#[derive(Component, Clone, Copy, Default)]
pub struct InView;

/// A panel that scrolls, and whether there is more above or below what it
/// shows; its top and bottom edges light up when there is (the cue).
#[derive(Component, Clone, Copy, Default, Debug)]
pub struct ScrollCue {
    pub above: bool,
    pub below: bool,
}

impl ScrollCue {
    /// Whether the panel shows that it scrolls.
    pub fn shown(&self) -> bool {
        self.above || self.below
    }
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

/// A panel that may scroll, and its cue so far.
type ScrollingPanel<'a> = (
    Entity,
    &'a mut Node,
    &'a ComputedNode,
    &'a ScrollPosition,
    Option<&'a mut ScrollCue>,
    Option<&'a mut BorderColor>,
);

/// The edge a scroll cue lights, in px.
const CUE_EDGE: f32 = 3.0;

/// Every panel that scrolls shows it: its top edge lights up when there is
/// more above, its bottom edge when there is more below.
pub(super) fn show_scroll_cues(
    mut commands: Commands,
    mut panels: Query<ScrollingPanel>,
    ui: Res<Ui>,
) {
    for (e, mut node, computed, scroll, cue, border) in &mut panels {
        if node.overflow.y != OverflowAxis::Scroll {
            continue;
        }
        let max = max_scroll(computed);
        let now = ScrollCue {
            above: scroll.0.y > 1.0,
            below: max > 1.0 && scroll.0.y < max - 1.0,
        };
        if node.border.top == Val::ZERO && node.border.bottom == Val::ZERO {
            node.border.top = px(CUE_EDGE);
            node.border.bottom = px(CUE_EDGE);
            // Bevy's furthest scroll leaves the edges out: room for them
            if node.padding.bottom == Val::ZERO {
                node.padding.bottom = px(2.0 * CUE_EDGE);
            }
        }
        let colour = |on: bool| if on { ui.p.accent } else { Color::NONE };
        match (cue, border) {
            (Some(mut cue), Some(mut border)) => {
                if cue.above != now.above || cue.below != now.below {
                    *cue = now;
                    border.top = colour(now.above);
                    border.bottom = colour(now.below);
                }
            }
            // (the panel may be despawned by a redraw this frame)
            _ => {
                commands.entity(e).try_insert((
                    now,
                    BorderColor {
                        top: colour(now.above),
                        bottom: colour(now.below),
                        ..BorderColor::DEFAULT
                    },
                ));
            }
        }
    }
}

/// What must be in view is brought into view: the panel that scrolls
/// around it scrolls just enough.
pub(super) fn bring_into_view(
    wanted: Query<(Entity, &ComputedNode, &UiGlobalTransform), With<InView>>,
    parents: Query<&ChildOf>,
    mut panels: Query<(
        &Node,
        &ComputedNode,
        &UiGlobalTransform,
        &mut ScrollPosition,
    )>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    for (e, node, t) in &wanted {
        if node.size.y < 1.0 {
            continue;
        }
        let Some(panel) = parents.iter_ancestors(e).find(|a| {
            panels
                .get(*a)
                .is_ok_and(|p| p.0.overflow.y == OverflowAxis::Scroll)
        }) else {
            continue;
        };
        let Ok((_, pc, pt, mut scroll)) = panels.get_mut(panel) else {
            continue;
        };
        // in physical pixels: the item and the panel's inner box
        let item_top = t.translation.y - node.size.y / 2.0;
        let item_bottom = t.translation.y + node.size.y / 2.0;
        // (the content box is relative to the panel's centre)
        let inner = pc.content_box();
        let top = pt.translation.y + inner.min.y;
        let bottom = pt.translation.y + inner.max.y;
        let k = pc.inverse_scale_factor;
        let delta = if item_top < top {
            item_top - top
        } else if item_bottom > bottom && node.size.y <= inner.height() {
            item_bottom - bottom
        } else {
            0.0
        };
        let to = (scroll.0.y + delta * k).clamp(0.0, max_scroll(pc));
        // only a real move asks for another frame (never a loop)
        if delta.abs() > 0.5 && (to - scroll.0.y).abs() > 0.5 {
            scroll.0.y = to;
            redraw.write(bevy::window::RequestRedraw);
        }
    }
}

/// Text that shrinks, a step at a time down to `min` rem, while the panel
/// it is in has more than it can show: the latest line is never cut.
#[derive(Component, Clone, Copy)]
pub(super) struct Shrinks {
    pub(super) min: f32,
}

/// One step smaller for each shrinking text in an overflowing panel (the
/// next layout shows whether that was enough).
pub(super) fn shrink_to_fit(
    panels: Query<(&Node, &ComputedNode, &Children)>,
    mut texts: Query<(&Shrinks, &mut TextFont)>,
    children: Query<&Children>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    for (node, computed, kids) in &panels {
        if node.overflow.y != OverflowAxis::Scroll || max_scroll(computed) < 1.0 {
            continue;
        }
        let mut shrunk = false;
        let all = kids
            .iter()
            .flat_map(|k| std::iter::once(k).chain(children.iter_descendants(k)));
        for k in all {
            if let Ok((s, mut font)) = texts.get_mut(k)
                && let FontSize::Rem(r) = font.font_size
                && r > s.min
            {
                font.font_size = FontSize::Rem((r * 0.9).max(s.min));
                shrunk = true;
            }
        }
        if shrunk {
            redraw.write(bevy::window::RequestRedraw);
        }
    }
}
