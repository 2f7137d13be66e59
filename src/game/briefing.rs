//! Briefing: who the customer is, what you sell, your price, your floor and
//! what you can trade, before the first word.

use bevy::prelude::*;

use super::theme::{size, space};
use super::widgets::{
    button, column, heading, label, main_area, panel, panel_node, paragraph, primary_button, row,
    screen_root, spread_row,
};
use super::{Action, Catalog, Game, Screen, Setup, Ui};
use crate::i18n::money;
use crate::session::Session;

pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Briefing), spawn)
        .add_systems(
            Update,
            (keys, apply).chain().run_if(in_state(Screen::Briefing)),
        );
}

fn spawn(mut commands: Commands, catalog: Res<Catalog>, setup: Res<Setup>, ui: Res<Ui>) {
    let Some(p) = catalog.ready(setup.scenario) else {
        return;
    };
    let s = &p.scenario;
    let product = &s.product;
    let persona = &s.persona;
    let root = commands
        .spawn((DespawnOnExit(Screen::Briefing), screen_root()))
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

    let customer = commands
        .spawn((
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

    let offer = commands
        .spawn((
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
    commands.spawn((
        row(space::L),
        ChildOf(offer),
        children![
            label(
                ui.fill(
                    "ui.list_price",
                    &[("price", &money(product.list_price, &product.currency))]
                ),
                size::LEAD,
                ui.p.text
            ),
            label(
                ui.fill(
                    "ui.floor",
                    &[("price", &money(product.floor, &product.currency))]
                ),
                size::LEAD,
                ui.p.warn
            ),
        ],
    ));
    commands.spawn((heading(ui.p, ui.t("ui.features")), ChildOf(offer)));
    for f in &product.features {
        commands.spawn((
            paragraph(
                ui.fill(
                    "ui.feature_line",
                    &[("name", &f.name), ("advantage", &f.advantage)],
                ),
                size::BODY,
                ui.p.text,
            ),
            ChildOf(offer),
        ));
    }
    commands.spawn((heading(ui.p, ui.t("ui.tradeables")), ChildOf(offer)));
    for t in &product.tradeables {
        commands.spawn((
            paragraph(
                ui.fill(
                    "ui.tradeable_line",
                    &[
                        ("name", &t.name),
                        ("cost", &money(t.cost, &product.currency)),
                        ("value", &money(t.value, &product.currency)),
                    ],
                ),
                size::BODY,
                ui.p.text,
            ),
            ChildOf(offer),
        ));
    }
    commands.spawn((
        spread_row(space::M),
        ChildOf(root),
        children![
            button(ui.p, ui.t("ui.back"), Action::Back),
            primary_button(ui.p, ui.t("ui.begin"), Action::Begin),
        ],
    ));
    commands.spawn((
        paragraph(ui.t("ui.briefing_keys"), size::SMALL, ui.p.muted),
        ChildOf(root),
    ));
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
    mut actions: MessageReader<Action>,
    catalog: Res<Catalog>,
    setup: Res<Setup>,
    mut next: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        match action {
            Action::Back => next.set(Screen::Title),
            Action::Begin => {
                if let Some(p) = catalog.ready(setup.scenario) {
                    commands.insert_resource(Game::new(
                        Session::start(p, setup.difficulty, setup.seed),
                        &setup,
                    ));
                    next.set(Screen::Negotiation);
                }
            }
            _ => {}
        }
    }
}
