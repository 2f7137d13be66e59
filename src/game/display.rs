//! How the game looks as a whole: the interface language and palette
//! ([`Ui`]), projector mode, the text size and full screen.

use bevy::prelude::*;
use bevy::window::WindowMode;

use super::Action;
use super::state::Prefs;
use super::theme::{self, Palette};
use crate::i18n::Locale;
use crate::lang::Lang;
use crate::scenario::ObjectionKind;

/// The interface language, palette and projector mode. Every screen draws
/// from it and draws itself again when it changes.
#[derive(Resource, Clone, Copy)]
pub struct Ui {
    pub lang: Lang,
    pub(super) locale: &'static Locale,
    pub(super) p: &'static Palette,
    pub projector: bool,
}

impl Ui {
    pub fn new(lang: Lang, projector: bool) -> Ui {
        Ui {
            lang,
            locale: Locale::builtin(lang),
            p: if projector {
                &theme::HIGH_CONTRAST
            } else {
                &theme::DARK
            },
            projector,
        }
    }

    pub(super) fn t(&self, key: &str) -> String {
        self.locale.text(key).to_string()
    }

    pub(super) fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.locale.fill(key, args)
    }

    /// "Price", "Timing", ... in the interface language.
    pub(super) fn kind_name(&self, kind: ObjectionKind) -> String {
        self.t(&format!("ui.kind.{}", kind.name()))
    }
}

/// F5: projector mode on or off, saved. Nothing is re-entered: the screen
/// on show sees `Ui` change and draws itself again in the new palette.
/// Ctrl+= and Ctrl+-: the text a step larger or smaller, saved.
pub(super) fn toggle_projector(
    mut actions: MessageReader<Action>,
    mut ui: ResMut<Ui>,
    mut prefs: ResMut<Prefs>,
) {
    for action in actions.read() {
        match action {
            Action::ToggleProjector => {
                *ui = Ui::new(ui.lang, !ui.projector);
                prefs.settings.projector = ui.projector;
                prefs.save();
            }
            Action::TextScale(step) => {
                let scale = prefs.settings.text_scale + 0.125 * f32::from(*step);
                prefs.settings.text_scale = scale.clamp(0.75, 2.0);
                prefs.save();
            }
            _ => {}
        }
    }
}

/// One root text size: projector mode makes the smallest text 1/30 of the
/// window height (0.8 rem x 30 px x height/720), the screen mode 1/45.
pub(super) fn apply_display(
    ui: Res<Ui>,
    prefs: Res<Prefs>,
    rem: Option<ResMut<bevy::text::RemSize>>,
    clear: Option<ResMut<ClearColor>>,
) {
    let base = if ui.projector {
        theme::PROJECTOR_REM
    } else {
        theme::SCREEN_REM
    };
    if let Some(mut rem) = rem {
        rem.0 = base * prefs.settings.text_scale;
    }
    if let Some(mut clear) = clear {
        clear.0 = ui.p.background;
    }
}

/// F11: full screen on or off.
pub(super) fn toggle_fullscreen(
    mut actions: MessageReader<Action>,
    mut windows: Query<&mut Window>,
) {
    for action in actions.read() {
        if *action == Action::Fullscreen {
            for mut w in &mut windows {
                w.mode = match w.mode {
                    WindowMode::Windowed => {
                        WindowMode::BorderlessFullscreen(MonitorSelection::Current)
                    }
                    _ => WindowMode::Windowed,
                };
            }
        }
    }
}
