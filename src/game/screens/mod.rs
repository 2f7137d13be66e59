//! The five screens, one plugin each (after bevy_new_2d). Each screen is
//! spawned under one named root that despawns when the screen is left, and
//! draws itself again in place when what it shows changes, including `Ui`
//! (language, projector mode): no screen is re-entered to force a redraw.

mod briefing;
mod debrief;
mod dialogue;
mod negotiation;
mod progress;
mod title;

use bevy::prelude::*;

pub use debrief::{ChartLabel, Plot};
pub use title::Field;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        title::plugin,
        briefing::plugin,
        negotiation::plugin,
        debrief::plugin,
        progress::plugin,
    ));
}

/// Despawns every root marked `R` (the screen on show, if it is this one).
/// Returns whether there was one, i.e. whether the screen is on show.
fn despawn_roots<R: Component>(commands: &mut Commands, roots: &Query<Entity, With<R>>) -> bool {
    let mut shown = false;
    for e in roots {
        commands.entity(e).despawn();
        shown = true;
    }
    shown
}
