//! The baseline for `scripts/perf.sh`: a bare Bevy app built with exactly
//! the project's features, one window and one line of text, idling the way
//! the game does. It prints the same first-frame marker as `--perf`.

use bevy::prelude::*;
use bevy::winit::WinitSettings;

fn main() {
    App::new()
        .add_plugins(DefaultPlugins)
        .insert_resource(WinitSettings::desktop_app())
        .add_systems(Startup, setup)
        .add_systems(Update, mark_first_frame)
        .run();
}

fn setup(mut commands: Commands) {
    commands.spawn(Camera2d);
    commands.spawn((
        Text::new("Counteroffer baseline"),
        TextFont::from_font_size(FontSize::Px(32.0)),
    ));
}

/// The second update is the first one whose frame has been presented.
fn mark_first_frame(mut frames: Local<u32>) {
    *frames += 1;
    if *frames == 2 {
        eprintln!("perf: first frame");
    }
}
