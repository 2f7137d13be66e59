//! The baseline for `scripts/perf.sh`: a bare Bevy app built with exactly
//! the project's features, one window (`WIDTHxHEIGHT` as its argument, else
//! 1280x720) and one line of text, idling as Bevy's desktop apps do (a
//! frame every 5 s). It prints the same first-frame marker as `--perf`.

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy::winit::WinitSettings;

fn main() {
    let (width, height) = std::env::args()
        .nth(1)
        .and_then(|s| {
            let (w, h) = s.split_once('x')?;
            Some((w.parse().ok()?, h.parse().ok()?))
        })
        .unwrap_or((1280, 720));
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                resolution: WindowResolution::new(width, height).with_scale_factor_override(1.0),
                ..default()
            }),
            ..default()
        }))
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
