//! The screenshot tour (`counteroffer --demo DIR`): visits every screen in
//! English and Chinese through the same actions a player sends, saves a PNG
//! of each and quits.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};

use super::{Action, Catalog, Mode, Screen};

pub(super) struct DemoPlugin {
    pub(super) dir: PathBuf,
}

#[derive(Resource)]
struct Tour {
    dir: PathBuf,
    step: usize,
    wait: u32,
}

enum Step {
    Do(Action),
    /// Select the scenario with this id on the title screen.
    Select(&'static str),
    Shot(&'static str),
    Exit,
}

fn steps() -> Vec<Step> {
    use Step::*;
    vec![
        Do(Action::SetSeed(4)),
        Shot("title-en"),
        Select("hengda-packaging-en"),
        Do(Action::Start),
        Shot("briefing-en"),
        Do(Action::Begin),
        Do(Action::Send(
            "So the concern is the price compared with Vendor B. I understand. What does a night-shift stoppage cost you today, and what budget do you have approved?".into(),
        )),
        Do(Action::Send(
            "Our predictive maintenance sensors warn you two weeks before a breakdown, so your night shift stops losing hours. Over eight years the difference works out at about 83 dollars a month.".into(),
        )),
        Do(Action::ToggleTags),
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
        Do(Action::Send("Shall we sign at 45,000?".into())),
        Shot("debrief-en"),
        Do(Action::Help),
        Shot("help-en"),
        Do(Action::Help),
        Do(Action::QuitToTitle),
        Do(Action::ToggleLanguage),
        Select("deren-dental-zh"),
        Do(Action::SetMode(Mode::Pick)),
        Shot("title-zh"),
        Do(Action::Start),
        Shot("briefing-zh"),
        Do(Action::Begin),
        Do(Action::Pick(1)),
        Shot("negotiation-zh-pick"),
        Do(Action::Pick(3)),
        Do(Action::Pick(1)),
        Do(Action::Pick(1)),
                Do(Action::Finish),
        Shot("debrief-zh"),
        // classroom: projector mode, teams, presenter keys
        Do(Action::QuitToTitle),
        Do(Action::ToggleProjector),
        Do(Action::SetTeams(vec!["红队".into(), "蓝队".into()])),
        Shot("projector-title-zh"),
        Do(Action::Start),
        Shot("projector-briefing-zh"),
        Do(Action::Begin),
        Do(Action::Pick(1)),
        Do(Action::Advance),
        Do(Action::Advance),
        Shot("projector-negotiation-zh"),
        Do(Action::ToggleReveal),
        Shot("projector-reveal-zh"),
        Do(Action::ToggleReveal),
        Do(Action::Pick(3)),
        Do(Action::Pause),
        Do(Action::Finish),
        Shot("projector-debrief-zh"),
        Do(Action::QuitToTitle),
        Do(Action::ToggleLanguage),
        Do(Action::SetTeams(Vec::new())),
        Select("hengda-packaging-en"),
        Do(Action::SetMode(Mode::Type)),
        Do(Action::Start),
        Shot("projector-briefing-en"),
        Do(Action::Begin),
        Do(Action::Send(
            "So the concern is the price compared with Vendor B. I understand. What does a night-shift stoppage cost you today, and what budget do you have approved?".into(),
        )),
        Do(Action::ToggleTags),
        Shot("projector-negotiation-en"),
        Do(Action::ToggleScores),
        Shot("projector-scores-hidden-en"),
        Do(Action::Pause),
                Do(Action::Finish),
        Shot("projector-debrief-en"),
        Do(Action::QuitToTitle),
        Do(Action::ToggleProjector),
        Do(Action::ShowProgress),
        Shot("progress-en"),
        Exit,
    ]
}

impl Plugin for DemoPlugin {
    fn build(&self, app: &mut App) {
        std::fs::create_dir_all(&self.dir).ok();
        app.insert_resource(Tour {
            dir: self.dir.clone(),
            step: 0,
            wait: 20,
        })
        .add_systems(Update, run.run_if(not(in_state(Screen::Loading))));
    }
}

fn run(
    mut commands: Commands,
    mut tour: ResMut<Tour>,
    catalog: Res<Catalog>,
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
