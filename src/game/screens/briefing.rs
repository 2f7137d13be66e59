//! Briefing: who the customer is, what you sell, your price, your floor and
//! what you can trade, before the first word.

use bevy::prelude::*;

use super::despawn_roots;
use crate::game::action::ScreenActions;
use crate::game::state::Setup;
use crate::game::theme::{size, space};
use crate::game::widgets::{
    button, column, heading, label, main_area, panel, panel_node, paragraph, primary_button, row,
    screen_root, spread_row,
};
use crate::game::{Action, Catalog, Game, GameView, Screen, Ui};
use crate::i18n::money;
use crate::scenario::{Product, Scenario};
use crate::session::Session;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Briefing), spawn)
        .add_systems(
            Update,
            (keys, apply, redraw.run_if(resource_changed::<Ui>))
                .chain()
                .run_if(in_state(Screen::Briefing)),
        );
}

#[derive(Component)]
struct BriefingRoot;

fn spawn(mut commands: Commands, catalog: Res<Catalog>, setup: Res<Setup>, ui: Res<Ui>) {
    draw(&mut commands, &catalog, &setup, &ui);
}

/// The language or projector mode changed: drawn again in place.
fn redraw(
    mut commands: Commands,
    roots: Query<Entity, With<BriefingRoot>>,
    catalog: Res<Catalog>,
    setup: Res<Setup>,
    ui: Res<Ui>,
) {
    if despawn_roots(&mut commands, &roots) {
        draw(&mut commands, &catalog, &setup, &ui);
    }
}

fn draw(commands: &mut Commands, catalog: &Catalog, setup: &Setup, ui: &Ui) {
    let Some(p) = catalog.ready(setup.scenario) else {
        return;
    };
    let s = &p.scenario;
    let root = commands
        .spawn((
            Name::new("Briefing screen"),
            BriefingRoot,
            DespawnOnExit(Screen::Briefing),
            screen_root(),
        ))
        .id();
    commands.spawn((
        column(space::XS),
        ChildOf(root),
        children![
            label(&s.title, size::HERO, ui.p.text),
            label(
                format!(
                    "{} · {} · {}",
                    s.industry,
                    ui.t(&format!("difficulty.{}", setup.difficulty.name())),
                    ui.fill("ui.seed_value", &[("seed", &setup.seed.to_string())])
                ),
                size::BODY,
                ui.p.muted
            ),
        ],
    ));
    let body = commands.spawn((main_area(space::L), ChildOf(root))).id();
    customer_panel(commands, body, s, ui);
    offer_panel(commands, body, &s.product, ui);
    commands.spawn((
        spread_row(space::M),
        ChildOf(root),
        children![
            button(ui.p, ui.t("ui.back"), Action::Back),
            // the rubric before the first reply, so a class knows what counts
            button(ui.p, ui.t("ui.scoring_title"), Action::ShowScoring),
            primary_button(ui.p, ui.t("ui.begin"), Action::Begin),
        ],
    ));
    commands.spawn((
        paragraph(ui.t("ui.briefing_keys"), size::SMALL, ui.p.muted),
        ChildOf(root),
    ));
}

/// The customer: name, role, company, staff, and the briefing text.
fn customer_panel(commands: &mut Commands, body: Entity, s: &Scenario, ui: &Ui) {
    let persona = &s.persona;
    let customer = commands
        .spawn((
            Name::new("Customer"),
            panel(
                ui.p,
                Node {
                    width: px(380),
                    ..panel_column()
                },
            ),
            ChildOf(body),
        ))
        .id();
    commands.spawn((
        label(ui.t("ui.customer"), size::SMALL, ui.p.muted),
        ChildOf(customer),
    ));
    commands.spawn((
        label(&persona.name, size::TITLE, ui.p.text),
        ChildOf(customer),
    ));
    commands.spawn((
        paragraph(
            ui.fill(
                "ui.persona_line",
                &[("title", &persona.title), ("company", &persona.company)],
            ),
            size::BODY,
            ui.p.text,
        ),
        ChildOf(customer),
    ));
    commands.spawn((
        label(
            ui.fill("ui.staff", &[("staff", &persona.staff.to_string())]),
            size::SMALL,
            ui.p.muted,
        ),
        ChildOf(customer),
    ));
    commands.spawn((
        heading(ui.p, ui.t("ui.briefing_heading")),
        ChildOf(customer),
    ));
    commands.spawn((
        paragraph(&s.briefing, size::BODY, ui.p.text),
        ChildOf(customer),
    ));
}

/// What you sell: list price and floor, features, what you can trade.
fn offer_panel(commands: &mut Commands, body: Entity, product: &Product, ui: &Ui) {
    let offer = commands
        .spawn((
            Name::new("Your offer"),
            panel(
                ui.p,
                Node {
                    flex_grow: 1.0,
                    ..panel_column()
                },
            ),
            ChildOf(body),
        ))
        .id();
    commands.spawn((
        label(ui.t("ui.your_product"), size::SMALL, ui.p.muted),
        ChildOf(offer),
    ));
    commands.spawn((label(&product.name, size::TITLE, ui.p.text), ChildOf(offer)));
    let price =
        |key: &str, amount: f64| ui.fill(key, &[("price", &money(amount, &product.currency))]);
    commands.spawn((
        row(space::L),
        ChildOf(offer),
        children![
            label(
                price("ui.list_price", product.list_price),
                size::LEAD,
                ui.p.text
            ),
            label(price("ui.floor", product.floor), size::LEAD, ui.p.warn),
        ],
    ));
    commands.spawn((heading(ui.p, ui.t("ui.features")), ChildOf(offer)));
    for f in &product.features {
        let line = ui.fill(
            "ui.feature_line",
            &[("name", &f.name), ("advantage", &f.advantage)],
        );
        commands.spawn((paragraph(line, size::BODY, ui.p.text), ChildOf(offer)));
    }
    commands.spawn((heading(ui.p, ui.t("ui.tradeables")), ChildOf(offer)));
    for t in &product.tradeables {
        let line = ui.fill(
            "ui.tradeable_line",
            &[
                ("name", &t.name),
                ("cost", &money(t.cost, &product.currency)),
                ("value", &money(t.value, &product.currency)),
            ],
        );
        commands.spawn((paragraph(line, size::BODY, ui.p.text), ChildOf(offer)));
    }
}

fn panel_column() -> Node {
    Node {
        overflow: Overflow::scroll_y(),
        ..panel_node()
    }
}

fn keys(keys: Res<ButtonInput<KeyCode>>, mut actions: MessageWriter<Action>) {
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::Space, KeyCode::PageDown]) {
        actions.write(Action::Begin);
    }
    if keys.just_pressed(KeyCode::PageUp) {
        actions.write(Action::Back);
    }
    if keys.just_pressed(KeyCode::Escape) {
        actions.write(Action::Back);
    }
}

fn apply(
    mut commands: Commands,
    mut actions: ScreenActions,
    catalog: Res<Catalog>,
    setup: Res<Setup>,
    ui: Res<Ui>,
    mut next: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        match action {
            Action::Back => next.set(Screen::Title),
            Action::Begin => {
                if let Some(p) = catalog.ready(setup.scenario) {
                    let session = Session::start(p, setup.difficulty, setup.seed);
                    commands.insert_resource(Game::new(session, &setup));
                    commands.insert_resource(GameView::new(setup.mode, ui.projector));
                    next.set(Screen::Negotiation);
                }
            }
            _ => {}
        }
    }
}
