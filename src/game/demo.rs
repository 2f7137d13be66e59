//! The screenshot tour (`counteroffer --demo DIR`): visits every screen in
//! English and Chinese through the same actions a player sends, saves a PNG
//! of each and quits.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};

use super::{Action, Catalog, Game, Mode, Screen};

pub(super) struct DemoPlugin {
    pub(super) dir: PathBuf,
}

#[derive(Resource)]
struct Tour {
    dir: PathBuf,
    step: usize,
    wait: u32,
    /// Votes cast in the current `Step::Vote`.
    votes: u32,
}

enum Step {
    Do(Action),
    /// Pick as a class would (explore, then respond; in the price talk
    /// take the customer's counter, else a smaller step), this many times,
    /// stopping early where the price talk starts (`true`) or it is over.
    Vote(u32, bool),
    /// Select the scenario with this id on the title screen.
    Select(&'static str),
    Shot(&'static str),
    Exit,
}

/// The tour, leg by leg; each leg starts where the one before it ends.
fn steps() -> Vec<Step> {
    [
        title_screens_en(),
        typed_game_en(),
        pick_game_en(),
        pick_game_zh(),
        classroom_zh(),
        projector_pick_en(),
        projector_typed_en(),
        vec![
            Step::Do(Action::ShowProgress),
            Step::Shot("progress-en"),
            Step::Exit,
        ],
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A reply that restates, acknowledges and explores the price objection of
/// hengda-packaging-en: the typed games open with it.
const EXPLORE_PRICE_EN: &str = "So the concern is the price compared with Vendor B. I understand. What does a night-shift stoppage cost you today, and what budget do you have approved?";

/// The walkthrough on first start, the title screen and the scoring page.
fn title_screens_en() -> Vec<Step> {
    use Step::*;
    vec![
        Do(Action::SetSeed(4)),
        Shot("walkthrough-en"),
        Do(Action::WalkNext),
        Do(Action::WalkNext),
        Shot("walkthrough-offer-en"),
        Do(Action::WalkSkip),
        Shot("title-en"),
        Do(Action::ShowScoring),
        Shot("scoring-en"),
        Do(Action::ShowScoring),
    ]
}

/// A typed game in English to a deal, with the pause menu, the debrief and
/// help; back on the title screen.
fn typed_game_en() -> Vec<Step> {
    use Step::*;
    vec![
        Select("hengda-packaging-en"),
        Do(Action::Start),
        Shot("briefing-en"),
        Do(Action::Begin),
        Do(Action::Send(EXPLORE_PRICE_EN.into())),
        Do(Action::Send(
            "Our predictive maintenance sensors warn you two weeks before a breakdown, so your night shift stops losing hours. Over eight years the difference works out at about 83 dollars a month.".into(),
        )),
        Do(Action::Hint),
        Shot("negotiation-en"),
        Do(Action::Send(
            "Yantai Carton runs two sizes too; after switching, their changeovers dropped from 45 to 8 minutes.".into(),
        )),
        Do(Action::Send("If you sign this week, I can do 46,000.".into())),
        Do(Action::Pause),
        Shot("pause-en"),
        Do(Action::Resume),
        Do(Action::Send("Of course. What needs to happen on your side before a decision, and who signs off?".into())),
        Do(Action::Send("If you sign this week, I can do 45,000.".into())),
        Shot("deal-en"),
        Do(Action::SeeDebrief),
        Shot("debrief-en"),
        Do(Action::Help),
        Shot("help-en"),
        Do(Action::Help),
        Do(Action::QuitToTitle),
    ]
}

/// Pick mode in English, voted through to the price talk and a deal.
fn pick_game_en() -> Vec<Step> {
    use Step::*;
    vec![
        Do(Action::SetMode(Mode::Pick)),
        Do(Action::Start),
        Do(Action::Begin),
        Vote(12, true),
        Shot("negotiation-en-price"),
        Vote(12, false),
        Shot("deal-en-pick"),
        Do(Action::SeeDebrief),
        Do(Action::QuitToTitle),
    ]
}

/// The same in Chinese on another scenario, ending on the scoring page.
fn pick_game_zh() -> Vec<Step> {
    use Step::*;
    vec![
        Do(Action::ToggleLanguage),
        Select("deren-dental-zh"),
        Shot("title-zh"),
        Do(Action::Start),
        Shot("briefing-zh"),
        Do(Action::Begin),
        Do(Action::Pick(1)),
        Shot("negotiation-zh-pick"),
        Vote(12, true),
        Shot("negotiation-zh-price"),
        Vote(12, false),
        Do(Action::SeeDebrief),
        Shot("debrief-zh"),
        Do(Action::ShowScoring),
        Shot("scoring-zh"),
        Do(Action::ShowScoring),
    ]
}

/// A classroom in Chinese: projector mode, two teams taking turns (the
/// presenter advances), the answer revealed, a deal and its debrief.
fn classroom_zh() -> Vec<Step> {
    use Step::*;
    vec![
        Do(Action::QuitToTitle),
        Do(Action::ToggleProjector),
        Do(Action::SetTeams(vec!["红队".into(), "蓝队".into()])),
        Shot("projector-title-zh"),
        Do(Action::WalkNext),
        Shot("projector-walkthrough-zh"),
        Do(Action::WalkSkip),
        Do(Action::Start),
        Shot("projector-briefing-zh"),
        Do(Action::Begin),
        Do(Action::Pick(1)),
        Do(Action::Advance),
        Do(Action::Advance),
        Do(Action::Advance),
        Shot("projector-negotiation-zh"),
        Do(Action::ToggleReveal),
        Shot("projector-reveal-zh"),
        Do(Action::ToggleReveal),
        Vote(12, true),
        Do(Action::Advance),
        Do(Action::Advance),
        Do(Action::Advance),
        Shot("projector-price-zh"),
        Vote(12, false),
        Shot("projector-deal-zh"),
        Do(Action::SeeDebrief),
        Shot("projector-debrief-zh"),
    ]
}

/// On the projector in English without teams: pick mode to the price talk
/// with the tags shown; back on the title screen.
fn projector_pick_en() -> Vec<Step> {
    use Step::*;
    vec![
        Do(Action::QuitToTitle),
        Do(Action::ToggleLanguage),
        Do(Action::SetTeams(Vec::new())),
        Select("hengda-packaging-en"),
        Do(Action::SetMode(Mode::Pick)),
        Do(Action::Start),
        Shot("projector-briefing-en"),
        Do(Action::Begin),
        Vote(12, true),
        Do(Action::Advance),
        Do(Action::Advance),
        Do(Action::Advance),
        Do(Action::Advance),
        Do(Action::ToggleTags),
        Shot("projector-price-en"),
        Do(Action::Pause),
        Do(Action::QuitToTitle),
    ]
}

/// On the projector, a typed reply with the tags and then the scores
/// hidden, finished early for its debrief; ends off the projector.
fn projector_typed_en() -> Vec<Step> {
    use Step::*;
    vec![
        Do(Action::SetMode(Mode::Type)),
        Do(Action::Start),
        Do(Action::Begin),
        Do(Action::Send(EXPLORE_PRICE_EN.into())),
        Do(Action::ToggleTags),
        Shot("projector-negotiation-en"),
        Do(Action::ToggleScores),
        Shot("projector-scores-hidden-en"),
        Do(Action::Pause),
        Do(Action::Finish),
        Shot("projector-debrief-en"),
        Do(Action::ShowScoring),
        Shot("projector-scoring-en"),
        Do(Action::ShowScoring),
        Do(Action::QuitToTitle),
        Do(Action::ToggleProjector),
    ]
}

/// What a class votes for (see `Step::Vote`), or `None` when there is
/// nothing to pick.
fn class_vote(game: &Game) -> Option<usize> {
    use crate::session::price_options::{Move, in_play, price_options};
    let s = &game.session;
    if s.outcome().is_some() {
        return None;
    }
    if in_play(s) {
        let options = price_options(s);
        let n = [Move::Accept, Move::Counter, Move::HoldAndAdd]
            .iter()
            .find_map(|m| options.iter().position(|o| o.kind == *m))
            .unwrap_or(0);
        return Some(n + 1);
    }
    let o = s.current_objection()?;
    let explored = s
        .turns()
        .iter()
        .filter(|t| t.objection.as_deref() == Some(o.id.as_str()))
        .any(|t| t.analysis.laer.iter().any(|l| l.name() == "explore"));
    let want = if explored { "respond" } else { "explore" };
    let bad = ["arguing", "pressure", "exaggeration", "reveal_bottom_line"];
    let n = o
        .options
        .iter()
        .position(|r| {
            r.tags.iter().any(|t| t == want) && !r.tags.iter().any(|t| bad.contains(&t.as_str()))
        })
        .unwrap_or(0);
    Some(n + 1)
}

impl Plugin for DemoPlugin {
    fn build(&self, app: &mut App) {
        std::fs::create_dir_all(&self.dir).ok();
        app.insert_resource(Tour {
            dir: self.dir.clone(),
            step: 0,
            wait: 20,
            votes: 0,
        })
        .add_systems(Update, run.run_if(not(in_state(Screen::Loading))));
    }
}

fn run(
    mut commands: Commands,
    mut tour: ResMut<Tour>,
    catalog: Res<Catalog>,
    game: Option<Res<Game>>,
    mut actions: MessageWriter<Action>,
    mut exit: MessageWriter<AppExit>,
) {
    if tour.wait > 0 {
        tour.wait -= 1;
        return;
    }
    let steps = steps();
    let Some(step) = steps.get(tour.step) else {
        return;
    };
    tour.step += 1;
    // give each action a few frames to lay out before the next
    tour.wait = 6;
    match step {
        Step::Do(action) => {
            actions.write(action.clone());
        }
        Step::Vote(left, to_price) => {
            let game = game.as_deref();
            let at_price = game.is_some_and(|g| crate::session::price_options::in_play(&g.session));
            let pick = game.and_then(class_vote);
            match pick {
                Some(n) if *left > 0 && !(*to_price && at_price) => {
                    actions.write(Action::Pick(n));
                    tour.votes += 1;
                    if tour.votes < *left {
                        tour.step -= 1; // vote again next time
                    } else {
                        tour.votes = 0;
                    }
                }
                _ => tour.votes = 0,
            }
        }
        Step::Select(id) => {
            let i = catalog.find(id).map_or(0, |(i, _)| i);
            actions.write(Action::SelectScenario(i));
        }
        Step::Shot(name) => {
            let path = tour.dir.join(format!("{name}.png"));
            commands
                .spawn(Screenshot::primary_window())
                .observe(save_to_disk(path));
            tour.wait = 20; // saving takes a few frames
        }
        Step::Exit => {
            exit.write(AppExit::Success);
        }
    }
}
