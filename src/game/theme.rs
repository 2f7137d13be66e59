//! One palette and one type scale for every screen. Sizes are in rem so a
//! single `RemSize` scales all text (projector mode builds on this).

use bevy::prelude::*;

use crate::analysis::tags::{Fab, Laer, Negative};

pub const BACKGROUND: Color = Color::srgb(0.071, 0.086, 0.110);
pub const PANEL: Color = Color::srgb(0.110, 0.133, 0.169);
pub const PANEL_RAISED: Color = Color::srgb(0.149, 0.176, 0.220);
pub const BORDER: Color = Color::srgb(0.235, 0.275, 0.333);
pub const TEXT: Color = Color::srgb(0.910, 0.929, 0.949);
pub const MUTED: Color = Color::srgb(0.655, 0.702, 0.757);
pub const ACCENT: Color = Color::srgb(0.310, 0.702, 1.0);
pub const ACCENT_DARK: Color = Color::srgb(0.122, 0.373, 0.600);
pub const GOOD: Color = Color::srgb(0.361, 0.788, 0.541);
pub const WARN: Color = Color::srgb(0.941, 0.706, 0.298);
pub const BAD: Color = Color::srgb(0.941, 0.420, 0.420);
pub const OVERLAY: Color = Color::srgba(0.0, 0.0, 0.0, 0.72);

/// The type scale, in rem (1 rem = `RemSize`, 20 px by default).
pub mod size {
    pub const SMALL: f32 = 0.8;
    pub const BODY: f32 = 1.0;
    pub const LEAD: f32 = 1.25;
    pub const TITLE: f32 = 1.6;
    pub const HERO: f32 = 2.2;
}

/// The spacing scale, in px.
pub mod space {
    pub const XS: f32 = 4.0;
    pub const S: f32 = 8.0;
    pub const M: f32 = 16.0;
    pub const L: f32 = 24.0;
    pub const XL: f32 = 40.0;
}

pub const RADIUS: f32 = 8.0;

/// LAER steps in blues, FAB in greens, negatives in red: the hue supports
/// the word on the chip, never replaces it.
pub fn laer_colour(step: Laer) -> Color {
    match step {
        Laer::Listen => Color::srgb(0.216, 0.467, 0.800),
        Laer::Acknowledge => Color::srgb(0.161, 0.404, 0.694),
        Laer::Explore => Color::srgb(0.122, 0.349, 0.600),
        Laer::Respond => Color::srgb(0.090, 0.290, 0.506),
    }
}

pub fn fab_colour(part: Fab) -> Color {
    match part {
        Fab::Feature => Color::srgb(0.122, 0.471, 0.325),
        Fab::Advantage => Color::srgb(0.098, 0.408, 0.282),
        Fab::Benefit => Color::srgb(0.075, 0.349, 0.243),
    }
}

pub fn negative_colour(_: Negative) -> Color {
    Color::srgb(0.620, 0.180, 0.180)
}

pub const TECHNIQUE: Color = Color::srgb(0.376, 0.259, 0.588);
pub const OFFER: Color = Color::srgb(0.541, 0.380, 0.098);

/// Meter colour: green when healthy, amber, red when low.
pub fn meter_colour(share: f32) -> Color {
    if share >= 0.6 {
        GOOD
    } else if share >= 0.3 {
        WARN
    } else {
        BAD
    }
}
