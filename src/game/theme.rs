//! One palette and one type scale for every screen. Sizes are in rem so a
//! single `RemSize` scales all text (projector mode builds on this).

use bevy::prelude::*;

/// Every colour the game uses. Two palettes: a calm dark one for screens
/// and a high-contrast one for projectors (every text/background pair at
/// least 7:1, WCAG AAA; a test checks both against their targets).
#[derive(Debug)]
pub(super) struct Palette {
    pub background: Color,
    pub panel: Color,
    pub raised: Color,
    pub hover: Color,
    pub border: Color,
    pub text: Color,
    pub muted: Color,
    pub accent: Color,
    /// Fill of selected choices and primary buttons (text sits on it).
    pub selected: Color,
    pub good: Color,
    pub warn: Color,
    pub bad: Color,
    pub overlay: Color,
    /// Chip fills, with `text` on them.
    pub laer: Color,
    pub fab: Color,
    pub technique: Color,
    pub negative: Color,
    pub offer: Color,
}

// 0.318 is a colour channel, not 1/π
#[allow(clippy::approx_constant)]
pub(super) const DARK: Palette = Palette {
    background: Color::srgb(0.071, 0.086, 0.110),
    panel: Color::srgb(0.110, 0.133, 0.169),
    raised: Color::srgb(0.149, 0.176, 0.220),
    hover: Color::srgb(0.215, 0.255, 0.318),
    border: Color::srgb(0.300, 0.345, 0.410),
    text: Color::srgb(0.929, 0.945, 0.961),
    muted: Color::srgb(0.690, 0.737, 0.788),
    accent: Color::srgb(0.380, 0.737, 1.0),
    selected: Color::srgb(0.106, 0.337, 0.561),
    good: Color::srgb(0.420, 0.820, 0.590),
    warn: Color::srgb(0.960, 0.740, 0.360),
    bad: Color::srgb(1.0, 0.600, 0.600),
    overlay: Color::srgba(0.0, 0.0, 0.0, 0.72),
    laer: Color::srgb(0.090, 0.275, 0.498),
    fab: Color::srgb(0.067, 0.329, 0.208),
    technique: Color::srgb(0.314, 0.180, 0.502),
    negative: Color::srgb(0.545, 0.118, 0.118),
    offer: Color::srgb(0.431, 0.290, 0.039),
};

#[allow(clippy::approx_constant)]
pub(super) const HIGH_CONTRAST: Palette = Palette {
    background: Color::srgb(0.0, 0.0, 0.0),
    panel: Color::srgb(0.039, 0.039, 0.039),
    raised: Color::srgb(0.086, 0.086, 0.086),
    hover: Color::srgb(0.160, 0.160, 0.160),
    border: Color::srgb(1.0, 1.0, 1.0),
    text: Color::srgb(1.0, 1.0, 1.0),
    muted: Color::srgb(0.878, 0.878, 0.878),
    accent: Color::srgb(0.451, 0.839, 1.0),
    selected: Color::srgb(0.0, 0.200, 0.400),
    good: Color::srgb(0.471, 1.0, 0.620),
    warn: Color::srgb(1.0, 0.855, 0.341),
    bad: Color::srgb(1.0, 0.660, 0.660),
    overlay: Color::srgba(0.0, 0.0, 0.0, 0.85),
    laer: Color::srgb(0.0, 0.173, 0.400),
    fab: Color::srgb(0.0, 0.255, 0.102),
    technique: Color::srgb(0.216, 0.063, 0.380),
    negative: Color::srgb(0.420, 0.0, 0.0),
    offer: Color::srgb(0.318, 0.200, 0.0),
};

impl Palette {
    /// Meter colour: good when healthy, warning, bad when low.
    pub fn meter(&self, share: f32) -> Color {
        if share >= 0.6 {
            self.good
        } else if share >= 0.3 {
            self.warn
        } else {
            self.bad
        }
    }

    /// The text colours and the backgrounds they appear on (the contrast
    /// test checks each pair).
    #[cfg(test)]
    fn text_pairs(&self) -> Vec<(&'static str, Color, &'static str, Color)> {
        let texts = [
            ("text", self.text),
            ("muted", self.muted),
            ("accent", self.accent),
            ("good", self.good),
            ("warn", self.warn),
            ("bad", self.bad),
        ];
        let grounds = [
            ("background", self.background),
            ("panel", self.panel),
            ("raised", self.raised),
            ("hover", self.hover),
        ];
        let mut pairs: Vec<_> = texts
            .iter()
            .flat_map(|&(t, tc)| grounds.iter().map(move |&(g, gc)| (t, tc, g, gc)))
            .collect();
        for (g, gc) in [
            ("selected", self.selected),
            ("laer", self.laer),
            ("fab", self.fab),
            ("technique", self.technique),
            ("negative", self.negative),
            ("offer", self.offer),
        ] {
            pairs.push(("text", self.text, g, gc));
        }
        pairs
    }
}

/// WCAG contrast ratio between two opaque colours, 1 to 21.
#[cfg(test)]
fn contrast(a: Color, b: Color) -> f32 {
    fn luminance(c: Color) -> f32 {
        let l = c.to_linear();
        0.2126 * l.red + 0.7152 * l.green + 0.0722 * l.blue
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Layouts are designed at this window height and scaled from it.
pub(super) const DESIGN_HEIGHT: f32 = 720.0;
/// Pixels per rem at the design height: screens, and projectors.
pub(super) const SCREEN_REM: f32 = 20.0;
pub(super) const PROJECTOR_REM: f32 = 30.0;

/// The type scale, in rem (1 rem = `RemSize`, 20 px by default).
pub(super) mod size {
    pub const SMALL: f32 = 0.8;
    pub const BODY: f32 = 1.0;
    pub const LEAD: f32 = 1.25;
    pub const TITLE: f32 = 1.6;
    pub const HERO: f32 = 2.2;
}

/// The spacing scale, in px.
pub(super) mod space {
    pub const XS: f32 = 4.0;
    pub const S: f32 = 8.0;
    pub const M: f32 = 16.0;
    pub const L: f32 = 24.0;
}

pub(super) const RADIUS: f32 = 8.0;

#[cfg(test)]
mod tests {
    use super::*;

    fn check(p: &Palette, at_least: f32) {
        let low: Vec<String> = p
            .text_pairs()
            .into_iter()
            .map(|(t, tc, g, gc)| (t, g, contrast(tc, gc)))
            .filter(|(_, _, c)| *c < at_least)
            .map(|(t, g, c)| format!("{t} on {g}: {c:.2}"))
            .collect();
        assert!(low.is_empty(), "below {at_least}:1: {low:?}");
    }

    #[test]
    fn projector_text_is_at_least_a_thirtieth_of_the_window() {
        // text px = rem size x rem x (window height / design height)
        let smallest_share = size::SMALL * PROJECTOR_REM / DESIGN_HEIGHT;
        assert!(smallest_share >= 1.0 / 30.0 - 1e-6, "{smallest_share}");
        // checked when it compiles: both are constants
        const {
            assert!(
                size::SMALL * SCREEN_REM >= 16.0,
                "screen text stays readable"
            )
        };
    }

    #[test]
    fn the_projector_palette_meets_aaa_and_the_screen_palette_aa() {
        check(&HIGH_CONTRAST, 7.0);
        check(&DARK, 4.5);
        assert!((contrast(Color::WHITE, Color::BLACK) - 21.0).abs() < 0.01);
    }
}
