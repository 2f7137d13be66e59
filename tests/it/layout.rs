//! Layout computed headless: Bevy's UI layout (taffy) and text measuring
//! with the game's own font, in a window of a given size, without
//! rendering. Every screen must fit 1280x720 and 1920x1080, in projector
//! mode and not, in both languages: no text cut by the window or by a panel
//! that does not scroll, the elements a class must read always in view,
//! and every panel that scrolls showing that it does.

use bevy::input::InputPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::window::WindowResolution;
use counteroffer::game::{self, Action, Catalog, ChartLabel, Game, InView, Mode, Plot, ScrollCue};

fn layout_app(width: u32, height: u32) -> App {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        InputPlugin,
        bevy::window::WindowPlugin {
            primary_window: Some(Window {
                resolution: WindowResolution::new(width, height).with_scale_factor_override(1.0),
                ..default()
            }),
            ..default()
        },
    ))
    .add_plugins((
        bevy::asset::AssetPlugin::default(),
        bevy::image::ImagePlugin::default(),
        bevy::image::TextureAtlasPlugin,
        bevy::mesh::MeshPlugin,
        bevy::transform::TransformPlugin,
        bevy::camera::CameraPlugin,
        bevy::render::camera::CameraPlugin,
        bevy::text::TextPlugin,
    ))
    .add_plugins((
        bevy::a11y::AccessibilityPlugin,
        bevy::input_focus::InputFocusPlugin,
        bevy::picking::DefaultPickingPlugins,
        bevy::ui::UiPlugin,
    ))
    // what the window backend and the renderer provide in the game
    .init_resource::<bevy::input::touch::Touches>()
    .init_resource::<bevy::render::texture::ManualTextureViews>()
    .insert_resource(Catalog::load(&[]))
    .insert_resource(game::DataDir(None))
    .add_plugins((game::plugin, game::look));
    app.world_mut().spawn(Camera2d);
    settle(&mut app);
    app
}

/// Enough frames for the state changes, the layout and the scrolling that
/// follows it.
fn settle(app: &mut App) {
    for _ in 0..6 {
        app.update();
    }
}

fn send(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        app.world_mut().write_message(a);
        app.update();
    }
    settle(app);
}

fn index_of(app: &App, id: &str) -> usize {
    app.world()
        .resource::<Catalog>()
        .find(id)
        .expect("shipped")
        .0
}

/// A node's rectangle in physical pixels.
fn rect(node: &ComputedNode, t: &UiGlobalTransform) -> Rect {
    Rect::from_center_size(t.translation, node.size)
}

/// The nearest ancestor (or the node itself) that scrolls on y.
fn scroller(world: &World, mut e: Entity) -> Option<Entity> {
    loop {
        if world
            .get::<Node>(e)
            .is_some_and(|n| n.overflow.y == OverflowAxis::Scroll)
        {
            return Some(e);
        }
        e = world.get::<ChildOf>(e)?.parent();
    }
}

fn name_of(world: &World, e: Entity) -> String {
    let mut path = Vec::new();
    let mut at = Some(e);
    while let Some(x) = at {
        if let Some(n) = world.get::<Name>(x) {
            path.push(n.to_string());
        }
        at = world.get::<ChildOf>(x).map(ChildOf::parent);
    }
    path.reverse();
    path.join(" / ")
}

/// What does not fit on the screen as it is now.
fn misfits(app: &mut App) -> Vec<String> {
    let world = app.world_mut();
    let window = {
        let mut q = world.query::<&Window>();
        let w = q.single(world).unwrap();
        Rect::new(
            0.0,
            0.0,
            w.physical_width() as f32,
            w.physical_height() as f32,
        )
    };
    let mut out = Vec::new();
    let inside = |inner: Rect, outer: Rect, y: bool| {
        let tol = 1.5;
        inner.min.x >= outer.min.x - tol
            && inner.max.x <= outer.max.x + tol
            && (!y || (inner.min.y >= outer.min.y - tol && inner.max.y <= outer.max.y + tol))
    };
    // text: never cut, except scrolled out of a panel that scrolls
    let mut texts = world.query::<(
        Entity,
        &Text,
        &ComputedNode,
        &UiGlobalTransform,
        Option<&CalculatedClip>,
        &InheritedVisibility,
    )>();
    for (e, text, node, t, clip, vis) in texts.iter(world) {
        if !vis.get() || node.size == Vec2::ZERO || text.0.trim().is_empty() {
            continue;
        }
        let r = rect(node, t);
        let scrolls = scroller(world, e).is_some();
        let area = clip.map_or(window, |c| c.clip.intersect(window));
        if !inside(r, area, !scrolls) || !inside(r, window, !scrolls) {
            out.push(format!(
                "text cut: {:?} at {r:?}, visible area {area:?} ({})",
                text.0.chars().take(40).collect::<String>(),
                name_of(world, e)
            ));
        }
    }
    // what must be seen: wholly in view
    let mut must = world.query_filtered::<(
        Entity,
        &ComputedNode,
        &UiGlobalTransform,
        Option<&CalculatedClip>,
        &InheritedVisibility,
    ), With<InView>>();
    for (e, node, t, clip, vis) in must.iter(world) {
        let r = rect(node, t);
        let area = clip.map_or(window, |c| c.clip.intersect(window));
        if !vis.get() || node.size.y < 1.0 || !inside(r, area, true) {
            out.push(format!(
                "not in view: {} at {r:?}, visible area {area:?}",
                name_of(world, e)
            ));
        }
    }
    // a panel with more than it shows says so
    let mut scrolling = world.query::<(Entity, &Node, &ComputedNode, &InheritedVisibility)>();
    let overflowing: Vec<Entity> = scrolling
        .iter(world)
        .filter(|(_, n, c, v)| {
            v.get() && n.overflow.y == OverflowAxis::Scroll && c.content_size.y > c.size.y + 2.0
        })
        .map(|(e, ..)| e)
        .collect();
    for e in overflowing {
        if world.get::<ScrollCue>(e).is_none_or(|c| !c.shown()) {
            out.push(format!("scrolls without a cue: {}", name_of(world, e)));
        }
    }
    // the price chart's labels
    let mut plots = world.query_filtered::<(), With<Plot>>();
    if plots.iter(world).next().is_some() {
        out.extend(chart_misfits(app));
    }
    out
}

/// Once laid out, a screen asks for no more frames: an idle game draws
/// nothing (a loop of redraws would burn a core while the class reads).
fn restless(app: &mut App) -> Option<String> {
    for _ in 0..8 {
        app.update();
    }
    let asked: usize = (0..3)
        .map(|_| {
            app.update();
            app.world()
                .resource::<Messages<bevy::window::RequestRedraw>>()
                .iter_current_update_messages()
                .count()
        })
        .sum();
    (asked > 0).then(|| format!("still asks for frames when idle ({asked} in 3 updates)"))
}

/// The price chart's labels: none overlaps another, all inside the plot.
fn chart_misfits(app: &mut App) -> Vec<String> {
    let world = app.world_mut();
    let mut plots = world.query_filtered::<(&ComputedNode, &UiGlobalTransform), With<Plot>>();
    let Some(plot) = plots.iter(world).next().map(|(n, t)| rect(n, t)) else {
        return vec!["no price chart".into()];
    };
    let mut labels = world.query::<(&ChartLabel, &ComputedNode, &UiGlobalTransform)>();
    let boxes: Vec<Rect> = labels.iter(world).map(|(_, n, t)| rect(n, t)).collect();
    let mut out = Vec::new();
    for (i, a) in boxes.iter().enumerate() {
        if a.min.y < plot.min.y - 1.0 || a.max.y > plot.max.y + 1.0 {
            out.push(format!("chart label {a:?} leaves the plot {plot:?}"));
        }
        for b in &boxes[i + 1..] {
            let overlap = a.intersect(*b);
            if overlap.width() > 0.5 && overlap.height() > 0.5 {
                out.push(format!("chart labels {a:?} and {b:?} overlap"));
            }
        }
    }
    if boxes.len() < 3 {
        out.push(format!("{} chart labels, not 3", boxes.len()));
    }
    out
}

/// What a class votes for: explore until explored, then respond, never a
/// mistake; in the price talk the customer's counter, else a smaller step.
fn class_pick(game: &Game) -> usize {
    use counteroffer::session::price_options::{Move, in_play, price_options};
    let s = &game.session;
    if in_play(s) {
        let options = price_options(s);
        return [Move::Accept, Move::Counter, Move::HoldAndAdd]
            .iter()
            .find_map(|m| options.iter().position(|o| o.kind == *m))
            .unwrap_or(0)
            + 1;
    }
    let Some(o) = s.current_objection() else {
        return 1;
    };
    let explored = s
        .turns()
        .iter()
        .filter(|t| t.objection.as_deref() == Some(o.id.as_str()))
        .any(|t| t.analysis.laer.iter().any(|l| l.name() == "explore"));
    let want = if explored { "respond" } else { "explore" };
    let bad = ["arguing", "pressure", "exaggeration", "reveal_bottom_line"];
    o.options
        .iter()
        .position(|r| {
            r.tags.iter().any(|t| t == want) && !r.tags.iter().any(|t| bad.contains(&t.as_str()))
        })
        .unwrap_or(0)
        + 1
}

/// Every screen a class sees, in one language, mode and window size; the
/// misfits of each, named by the screen.
fn tour(width: u32, height: u32, projector: bool, zh: bool) -> Vec<String> {
    let mut app = layout_app(width, height);
    let mut out = Vec::new();
    let mut check = |app: &mut App, what: &str| {
        out.extend(misfits(app).into_iter().map(|m| format!("{what}: {m}")));
        out.extend(restless(app).map(|m| format!("{what}: {m}")));
    };
    if projector {
        send(&mut app, [Action::ToggleProjector]);
    }
    if zh {
        send(&mut app, [Action::ToggleLanguage]);
    }
    check(&mut app, "walkthrough");
    send(
        &mut app,
        [Action::WalkNext, Action::WalkNext, Action::WalkNext],
    );
    check(&mut app, "walkthrough, last page");
    send(&mut app, [Action::WalkSkip]);
    let id = if zh {
        "hengda-packaging-zh"
    } else {
        "hengda-packaging-en"
    };
    let i = index_of(&app, id);
    send(
        &mut app,
        [
            Action::SelectScenario(i),
            Action::SetMode(Mode::Pick),
            Action::SetTeams(vec!["Red".into(), "Blue".into()]),
            Action::SetSeed(4),
        ],
    );
    check(&mut app, "title");
    send(&mut app, [Action::ToggleAllLanguages]);
    for j in 0..app.world().resource::<Catalog>().entries.len() {
        send(&mut app, [Action::SelectScenario(j)]);
        check(
            &mut app,
            &format!("title, all languages, scenario {} selected", j + 1),
        );
    }
    send(
        &mut app,
        [Action::ToggleAllLanguages, Action::SelectScenario(i)],
    );
    send(&mut app, [Action::ShowScoring]);
    check(&mut app, "scoring page");
    send(&mut app, [Action::ShowScoring, Action::Start]);
    check(&mut app, "briefing");
    send(&mut app, [Action::Begin]);
    check(&mut app, "negotiation, pick");
    for n in 0..4 {
        send(&mut app, [Action::Advance]);
        check(
            &mut app,
            &format!("negotiation, option {} highlighted", n + 1),
        );
    }
    let n = class_pick(app.world().resource::<Game>());
    send(&mut app, [Action::Pick(n)]);
    check(&mut app, "negotiation, after a pick");
    send(&mut app, [Action::ToggleReveal]);
    check(&mut app, "reveal panel");
    send(&mut app, [Action::ToggleReveal, Action::Help]);
    check(&mut app, "help");
    send(&mut app, [Action::Help, Action::Pause]);
    check(&mut app, "pause menu");
    send(&mut app, [Action::Resume]);
    // voted through to the price talk, then to the deal
    let mut priced = false;
    for _ in 0..20 {
        let game = app.world().resource::<Game>();
        if game.session.outcome().is_some() {
            break;
        }
        if !priced && counteroffer::session::price_options::in_play(&game.session) {
            priced = true;
            check(&mut app, "negotiation, price talk");
            for n in 0..4 {
                send(&mut app, [Action::Advance]);
                check(
                    &mut app,
                    &format!("price talk, option {} highlighted", n + 1),
                );
            }
        }
        let n = class_pick(app.world().resource::<Game>());
        send(&mut app, [Action::Pick(n)]);
    }
    assert!(priced, "the price was talked");
    check(&mut app, "negotiation, the customer's last word");
    send(&mut app, [Action::SeeDebrief]);
    check(&mut app, "debrief");
    send(
        &mut app,
        [
            Action::QuitToTitle,
            Action::SetMode(Mode::Type),
            Action::Start,
            Action::Begin,
        ],
    );
    let line = if zh {
        "我理解，五万多不是小数目。比价之前，能跟我说说现在夜班停线给您造成多大损失吗？"
    } else {
        "I understand, eight thousand is real money. Before we compare, can you tell me what the stoppages on your night shift cost you today?"
    };
    send(
        &mut app,
        [
            Action::Send(line.into()),
            Action::Send(line.into()),
            Action::Hint,
        ],
    );
    check(&mut app, "negotiation, typed");
    send(&mut app, [Action::Pause, Action::Finish]);
    check(&mut app, "debrief, typed");
    send(&mut app, [Action::QuitToTitle, Action::ShowProgress]);
    check(&mut app, "progress");
    out
}

fn fits(width: u32, height: u32) {
    let mut all = Vec::new();
    for projector in [false, true] {
        for zh in [false, true] {
            for m in tour(width, height, projector, zh) {
                let mode = if projector { "projector" } else { "screen" };
                let lang = if zh { "zh-CN" } else { "en" };
                all.push(format!("{width}x{height} {mode} {lang}: {m}"));
            }
        }
    }
    assert!(all.is_empty(), "{} misfits:\n{}", all.len(), all.join("\n"));
}

#[test]
fn every_screen_fits_1280x720_in_both_languages_on_screen_and_projector() {
    fits(1280, 720);
}

#[test]
fn every_screen_fits_1920x1080_in_both_languages_on_screen_and_projector() {
    fits(1920, 1080);
}
