//! The game headless: no window, no GPU. Actions stand in for clicks and
//! keys (every input becomes one), and the texts on screen are read back.

use bevy::input::InputPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use counteroffer::game::{self, Action, Catalog, Entry, Game, GameView, Mode, Screen};
use counteroffer::i18n::money;
use counteroffer::record::Outcome;

fn app() -> App {
    app_with(Catalog::load(&[]), None)
}

/// A headless game over `catalog`, keeping its files in `data` (or nowhere).
fn app_with(catalog: Catalog, data: Option<std::path::PathBuf>) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin))
        .insert_resource(catalog)
        .insert_resource(game::DataDir(data))
        .add_plugins(game::plugin);
    app.update();
    app.update();
    app
}

fn send(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        app.world_mut().write_message(a);
        app.update();
    }
    app.update();
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

/// Every text on screen, in no particular order.
fn texts(app: &mut App) -> Vec<String> {
    let mut q = app.world_mut().query::<&Text>();
    q.iter(app.world()).map(|t| t.0.clone()).collect()
}

fn index_of(app: &App, id: &str) -> usize {
    app.world()
        .resource::<Catalog>()
        .find(id)
        .expect("shipped scenario")
        .0
}

#[test]
fn a_whole_typed_session_goes_from_title_to_a_debrief_that_shows_its_scores() {
    let mut app = app();
    assert_eq!(screen(&app), Screen::Title);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "Let's talk in the spring"),
        "the title lists the scenarios"
    );

    let i = index_of(&app, "hengda-packaging-en");
    send(
        &mut app,
        [Action::SelectScenario(i), Action::SetSeed(4), Action::Start],
    );
    assert_eq!(screen(&app), Screen::Briefing);
    assert!(texts(&mut app).iter().any(|t| t.contains("floor $41,500")));

    send(&mut app, [Action::Begin]);
    assert_eq!(screen(&app), Screen::Negotiation);
    let opening = app.world().resource::<Game>().session.opening()[0].clone();
    assert!(
        texts(&mut app).contains(&opening),
        "the customer's first line is shown"
    );

    send(
        &mut app,
        [Action::Send(
            "So the concern is the price compared with Vendor B. I understand. What does a night-shift stoppage cost you today, and what budget do you have approved?"
                .into(),
        )],
    );
    let shown = texts(&mut app);
    let last = app.world().resource::<Game>().session.turns()[0]
        .persona
        .clone();
    for line in &last {
        assert!(shown.contains(line), "persona line {line:?} not on screen");
    }
    // tag chips show from the start while practising, and carry their word
    assert!(
        texts(&mut app).iter().any(|t| t == "LISTEN"),
        "tag chips carry their word"
    );
    send(&mut app, [Action::ToggleTags]);
    assert!(
        !texts(&mut app).iter().any(|t| t == "LISTEN"),
        "F2 hides them"
    );
    send(&mut app, [Action::Hint]);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("Next on this concern: "))
    );

    send(
        &mut app,
        [
            Action::Send("Our predictive maintenance sensors warn you two weeks before a breakdown, so your night shift stops losing hours. Over eight years the difference works out at about 83 dollars a month.".into()),
            Action::Send("Yantai Carton runs two sizes too; after switching, their changeovers dropped from 45 to 8 minutes.".into()),
            Action::Send("If you sign this week, I can do 46,000.".into()),
            Action::Send("Of course. What needs to happen on your side before a decision, and who signs off?".into()),
            Action::Send("If you sign this week, I can do 45,000.".into()),
        ],
    );
    // the customer's acceptance stays on screen, then the player moves on
    assert_eq!(screen(&app), Screen::Negotiation);
    let accepted = app
        .world()
        .resource::<Game>()
        .session
        .turns()
        .last()
        .unwrap()
        .persona
        .clone();
    let shown = texts(&mut app);
    for line in &accepted {
        assert!(shown.contains(line), "the acceptance {line:?} is shown");
    }
    assert!(shown.iter().any(|t| t == "See your debrief"));
    send(&mut app, [Action::SeeDebrief]);
    assert_eq!(screen(&app), Screen::Debrief);
    let game = app.world().resource::<Game>();
    let card = game.session.scorecard();
    let Some(Outcome::Deal { price, .. }) = game.session.outcome().cloned() else {
        panic!("expected a deal, got {:?}", game.session.outcome());
    };
    let shown = texts(&mut app);
    assert!(
        shown.contains(&format!("{:.0}", card.overall)),
        "overall {} not shown",
        card.overall
    );
    for (_, value) in &card.dimensions {
        assert!(
            shown.contains(&format!("{value:.0}")),
            "dimension score {value} not shown"
        );
    }
    assert!(
        shown
            .iter()
            .any(|t| t.contains(&format!("Deal at {}", money(price, "USD"))))
    );
    assert!(shown.iter().any(|t| t == "What went well"));

    send(&mut app, [Action::RetrySame]);
    assert_eq!(screen(&app), Screen::Negotiation);
    assert!(app.world().resource::<Game>().session.turns().is_empty());
    send(&mut app, [Action::Pause, Action::QuitToTitle]);
    assert_eq!(screen(&app), Screen::Title);
}

#[test]
fn pick_mode_in_chinese_shows_options_and_chinese_interface_text() {
    let mut app = app();
    let i = index_of(&app, "deren-dental-zh");
    send(
        &mut app,
        [
            Action::ToggleLanguage,
            Action::SelectScenario(i),
            Action::SetMode(Mode::Pick),
            Action::Start,
        ],
    );
    assert!(
        texts(&mut app).iter().any(|t| t == "开始谈判"),
        "the interface is in Chinese"
    );
    send(&mut app, [Action::Begin]);
    let options: Vec<String> = app
        .world()
        .resource::<Game>()
        .session
        .options()
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert!(!options.is_empty());
    let shown = texts(&mut app);
    for o in &options {
        assert!(shown.contains(o), "option {o:?} not shown");
    }
    send(&mut app, [Action::Pick(1)]);
    let game = app.world().resource::<Game>();
    assert_eq!(game.session.turns()[0].text, options[0]);
    assert!(
        texts(&mut app).iter().any(|t| t == "倾听" || t == "探索"),
        "chips show Chinese tag words"
    );
    send(&mut app, [Action::Pause, Action::Finish]);
    assert_eq!(screen(&app), Screen::Debrief);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "做得好的地方" || t == "需要改进的地方")
    );
}

#[test]
fn a_broken_scenario_is_listed_with_its_error_and_cannot_be_started() {
    let dir = std::env::temp_dir().join(format!("co-game-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bad.ron"), "Scenario(id: \"oops\",").unwrap();
    let mut app = app_with(Catalog::load(std::slice::from_ref(&dir)), None);
    let broken = app
        .world()
        .resource::<Catalog>()
        .entries
        .iter()
        .position(|e| matches!(e, Entry::Broken { .. }))
        .expect("the broken file is listed");
    assert!(
        texts(&mut app).iter().any(|t| t.contains("bad.ron")),
        "its path is shown"
    );
    send(&mut app, [Action::SelectScenario(broken), Action::Start]);
    assert_eq!(
        screen(&app),
        Screen::Title,
        "a broken scenario does not start"
    );
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.contains("cannot be loaded"))
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn classroom_play_projector_teams_and_presenter_keys() {
    use counteroffer::game::{Presenter, Ui};
    let mut app = app();
    let i = index_of(&app, "hengda-packaging-en");
    send(
        &mut app,
        [
            Action::ToggleProjector,
            Action::SelectScenario(i),
            Action::SetSeed(4),
            Action::SetMode(Mode::Pick),
            Action::SetTeams(vec!["Red".into(), "Blue".into()]),
            Action::Start,
            Action::Begin,
        ],
    );
    let ui = *app.world().resource::<Ui>();
    assert!(ui.projector, "F5 switched projector mode on");
    assert_eq!(screen(&app), Screen::Negotiation);
    assert!(texts(&mut app).iter().any(|t| t == "Answering: Red"));

    // the presenter moves through the options and picks the highlighted one
    send(&mut app, [Action::Advance, Action::Advance]);
    assert_eq!(app.world().resource::<GameView>().highlight, Some(1));
    send(&mut app, [Action::Pick(1), Action::Pick(3)]);
    let teams: Vec<Option<String>> = app
        .world()
        .resource::<Game>()
        .session
        .turns()
        .iter()
        .map(|t| t.team.clone())
        .collect();
    assert_eq!(teams, [Some("Red".to_string()), Some("Blue".to_string())]);
    assert!(
        texts(&mut app).iter().any(|t| t == "Answering: Red"),
        "the turn rotates back"
    );

    // hide scores: the meters go, a notice says how to bring them back
    send(&mut app, [Action::ToggleScores]);
    let shown = texts(&mut app);
    assert!(shown.iter().any(|t| t == "Scores hidden (H to show)"));
    assert!(!shown.iter().any(|t| t == "Trust"));
    send(&mut app, [Action::ToggleScores]);

    // reveal: every hidden fact, and the last reply's evidence and points
    send(&mut app, [Action::ToggleReveal]);
    let shown = texts(&mut app);
    let game = app.world().resource::<Game>();
    for fact in &game.session.scenario().persona.hidden {
        assert!(
            shown.iter().any(|t| t.contains(&fact.text)),
            "hidden fact {} not revealed",
            fact.id
        );
    }
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with('+') || t.starts_with('-')),
        "points of the last reply"
    );
    send(&mut app, [Action::ToggleReveal, Action::ToggleBlank]);
    assert!(app.world().resource::<Presenter>().blank);
    send(
        &mut app,
        [Action::ToggleBlank, Action::Pause, Action::Finish],
    );

    assert_eq!(screen(&app), Screen::Debrief);
    let shown = texts(&mut app);
    assert!(shown.iter().any(|t| t == "Scores by team"), "{shown:?}");
    // ranked: "1. Red: ..." and "2. Blue: ..." in some order
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with("1. Red: ") || t.starts_with("1. Blue: "))
            && shown
                .iter()
                .any(|t| t.starts_with("2. Red: ") || t.starts_with("2. Blue: "))
    );
}

#[test]
fn finished_sessions_go_into_history_export_reports_and_show_on_progress() {
    let dir = std::env::temp_dir().join(format!("co-game-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = app_with(Catalog::load(&[]), Some(dir.clone()));
    send(&mut app, [Action::ShowProgress]);
    assert_eq!(screen(&app), Screen::Progress);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("No finished sessions yet"))
    );
    send(&mut app, [Action::Back]);

    let i = index_of(&app, "reilly-training-en");
    send(
        &mut app,
        [Action::SelectScenario(i), Action::Start, Action::Begin],
    );
    send(
        &mut app,
        [
            Action::Send("I understand. What would be different in the spring, and who else needs to approve this?".into()),
            Action::Pause,
            Action::Finish,
        ],
    );
    assert_eq!(screen(&app), Screen::Debrief);
    let (entries, _) = counteroffer::history::read(&dir.join("history.jsonl"));
    assert_eq!(
        entries.len(),
        1,
        "the finished session is in the history once"
    );
    send(&mut app, [Action::ToggleScores, Action::ToggleScores]); // redraws must not record twice
    assert_eq!(
        counteroffer::history::read(&dir.join("history.jsonl"))
            .0
            .len(),
        1
    );

    send(&mut app, [Action::Export]);
    let reports: Vec<String> = std::fs::read_dir(dir.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for ext in [".json", ".md", ".html"] {
        assert!(
            reports.iter().any(|r| r.ends_with(ext)),
            "{ext} exported: {reports:?}"
        );
    }
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("Report saved:"))
    );

    // a second export of the same session keeps the first
    send(&mut app, [Action::Export]);
    assert_eq!(std::fs::read_dir(dir.join("reports")).unwrap().count(), 6);

    // a torn line (a session cut off while it was saved) is skipped, and
    // the Progress screen says so
    let mut torn = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.join("history.jsonl"))
        .unwrap();
    std::io::Write::write_all(&mut torn, b"{\"scenario_id\": \"reil").unwrap();
    drop(torn);
    send(&mut app, [Action::QuitToTitle, Action::ShowProgress]);
    let shown = texts(&mut app);
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with("Skipped 1 damaged line in ")
                && t.contains("history.jsonl (a session cut off")),
        "{shown:?}"
    );
    assert!(
        shown.iter().any(|t| t == "Sessions practised: 1"),
        "{shown:?}"
    );
    assert!(
        shown.iter().any(|t| t.contains("Let's talk in the spring")),
        "best per scenario"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unfinished_session_can_be_resumed_or_scored_from_the_title() {
    let dir = std::env::temp_dir().join(format!("co-game-journal-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = app_with(Catalog::load(&[]), Some(dir.clone()));
    let i = index_of(&app, "haiyue-hvac-zh");
    send(
        &mut app,
        [Action::SelectScenario(i), Action::Start, Action::Begin],
    );
    send(
        &mut app,
        [Action::Send(
            "我理解。除了预算，这个项目还需要走哪些审批？".into(),
        )],
    );
    let reply = app.world().resource::<Game>().session.turns()[0]
        .persona
        .clone();
    send(&mut app, [Action::Pause, Action::QuitToTitle]);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("Unfinished session: 明年再说吧 (1 turn)"))
    );

    send(&mut app, [Action::ResumeJournal]);
    assert_eq!(screen(&app), Screen::Negotiation);
    let game = app.world().resource::<Game>();
    assert_eq!(game.session.turns().len(), 1);
    assert_eq!(
        game.session.turns()[0].persona,
        reply,
        "the same customer answers the same way"
    );

    send(
        &mut app,
        [Action::Pause, Action::QuitToTitle, Action::ScoreJournal],
    );
    assert_eq!(screen(&app), Screen::Debrief);
    assert!(
        counteroffer::session::journal::interrupted(&dir)
            .0
            .is_empty(),
        "scored: the journal is gone"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_session_left_for_a_new_one_is_kept_and_offered_again() {
    let dir = std::env::temp_dir().join(format!("co-game-aside-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = app_with(Catalog::load(&[]), Some(dir.clone()));
    let i = index_of(&app, "hengda-packaging-en");
    let start = [Action::SelectScenario(i), Action::Start, Action::Begin];
    send(&mut app, start.clone());
    send(
        &mut app,
        [Action::Send(
            "I understand. What budget do you have approved?".into(),
        )],
    );
    send(&mut app, [Action::Pause, Action::QuitToTitle]);
    // a new session instead of resuming: the first is set aside, not lost
    send(&mut app, start.clone());
    send(
        &mut app,
        [Action::Send("What does a stoppage cost you?".into())],
    );
    let journals = |dir: &std::path::Path| {
        std::fs::read_dir(counteroffer::session::journal::dir(dir))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "json")
            })
            .count()
    };
    assert_eq!(journals(&dir), 2, "both sessions have their own journal");
    send(&mut app, [Action::Pause, Action::Finish]);
    assert_eq!(screen(&app), Screen::Debrief);
    assert_eq!(
        journals(&dir),
        1,
        "the finished one's journal goes, the other stays"
    );
    send(&mut app, [Action::QuitToTitle]);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("Unfinished session: The case packer that costs more (1 turn)")),
        "offered again"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unwritable_data_folder_gives_a_message_and_the_game_goes_on() {
    // a plain file where the data folder should be: nothing can be created in it
    let blocker = std::env::temp_dir().join(format!("co-game-ro-{}", std::process::id()));
    std::fs::write(&blocker, "not a folder").unwrap();
    let mut app = app_with(Catalog::load(&[]), Some(blocker.join("data")));
    let i = index_of(&app, "brightwater-saas-en");
    send(
        &mut app,
        [Action::SelectScenario(i), Action::Start, Action::Begin],
    );
    send(
        &mut app,
        [Action::Send(
            "I hear you. How do you track hours today?".into(),
        )],
    );
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("(This turn could not be saved for recovery"))
    );
    send(
        &mut app,
        [
            Action::Send("What happens at month end?".into()),
            Action::Pause,
            Action::Finish,
        ],
    );
    assert_eq!(screen(&app), Screen::Debrief, "the game goes on");
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("Not added to your practice history"))
    );
    send(&mut app, [Action::Export]);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("Could not save the transcript"))
    );
    std::fs::remove_file(&blocker).unwrap();
}

#[test]
fn an_edited_scenario_is_reloaded_and_a_broken_edit_keeps_the_last_good_version() {
    use counteroffer::game::Reloaded;
    use std::time::{Duration, SystemTime};
    let dir = std::env::temp_dir().join(format!("co-game-reload-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("mine.ron");
    let good = std::fs::read_to_string("tests/broken/minimal-valid.ron").unwrap();
    std::fs::write(&file, &good).unwrap();
    let touch = |secs: u64| {
        let f = std::fs::File::options().write(true).open(&file).unwrap();
        f.set_modified(SystemTime::now() + Duration::from_secs(secs))
            .unwrap();
    };
    let mut app = app_with(Catalog::load(std::slice::from_ref(&dir)), None);
    let title_of = |app: &App| {
        let c = app.world().resource::<Catalog>();
        let i = c.sources.iter().position(|(p, _)| p == &file).unwrap();
        c.ready(i).map(|p| p.scenario.title.clone())
    };
    let original = title_of(&app).expect("the file loads");

    std::fs::write(
        &file,
        good.replacen("objections: [", "objections: [ oops", 1),
    )
    .unwrap();
    touch(10);
    send(&mut app, [Action::ReloadScenarios]);
    assert_eq!(
        title_of(&app),
        Some(original.clone()),
        "the last good version stays"
    );
    assert!(matches!(
        app.world().resource::<Catalog>().notice,
        Some(Reloaded::KeptLastGood { .. })
    ));
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.contains("has errors after the edit"))
    );

    std::fs::write(&file, good.replacen(&original, "Edited while running", 1)).unwrap();
    touch(20);
    send(&mut app, [Action::ReloadScenarios]);
    assert_eq!(title_of(&app).as_deref(), Some("Edited while running"));
    assert!(texts(&mut app).iter().any(|t| t == "Edited while running"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_typed_seed_is_used_when_the_session_starts() {
    use bevy::text::EditableText;
    use counteroffer::game::Field;
    let mut app = app();
    let i = index_of(&app, "hengda-packaging-zh");
    send(&mut app, [Action::SelectScenario(i)]);
    // what typing does to the seed field's text
    let mut fields = app.world_mut().query::<(&mut EditableText, &Field)>();
    for (mut text, field) in fields.iter_mut(app.world_mut()) {
        if *field == Field::Seed {
            text.editor_mut().set_text("4242");
        }
    }
    send(&mut app, [Action::Start, Action::Begin]);
    assert_eq!(app.world().resource::<Game>().session.seed, 4242);
    assert!(
        texts(&mut app).iter().any(|t| t.contains("4242")),
        "the seed is shown"
    );
}

#[test]
fn projector_mode_redraws_in_place_keeping_the_draft_and_the_pause_menu() {
    use bevy::text::EditableText;
    use counteroffer::game::{Menu, Ui};
    let mut app = app();
    let i = index_of(&app, "hengda-packaging-en");
    send(
        &mut app,
        [Action::SelectScenario(i), Action::Start, Action::Begin],
    );
    let mut boxes = app.world_mut().query::<&mut EditableText>();
    for mut text in boxes.iter_mut(app.world_mut()) {
        text.editor_mut().set_text("Half a thought");
    }
    send(&mut app, [Action::Pause, Action::ToggleProjector]);
    assert!(app.world().resource::<Ui>().projector);
    assert_eq!(screen(&app), Screen::Negotiation);
    let menu = |app: &App| *app.world().resource::<State<Menu>>().get();
    assert_eq!(menu(&app), Menu::Pause, "still paused");
    let shown = texts(&mut app);
    assert!(shown.iter().any(|t| t == "Paused"), "the pause menu stays");
    let opening = app.world().resource::<Game>().session.opening()[0].clone();
    assert!(shown.contains(&opening), "the screen is drawn again");
    let mut boxes = app.world_mut().query::<&EditableText>();
    let drafts: Vec<String> = boxes
        .iter(app.world())
        .map(|t| t.value().to_string())
        .collect();
    assert_eq!(drafts, ["Half a thought"], "one reply box, the draft kept");

    send(&mut app, [Action::Resume]);
    assert_eq!(menu(&app), Menu::None);
    assert!(!texts(&mut app).iter().any(|t| t == "Paused"));
    send(&mut app, [Action::SubmitReply]);
    assert_eq!(
        app.world().resource::<Game>().session.turns()[0].text,
        "Half a thought"
    );
}

/// A game that types: Bevy's text field, focus and a window that the key
/// events come from, as in the real game.
fn typing_app() -> (App, Entity) {
    use bevy::input_focus::InputDispatchPlugin;
    use bevy::ui_widgets::EditableTextInputPlugin;
    use bevy::window::PrimaryWindow;
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        InputPlugin,
        bevy::asset::AssetPlugin::default(),
        bevy::text::TextPlugin,
        bevy::input_focus::InputFocusPlugin,
        InputDispatchPlugin,
        EditableTextInputPlugin,
    ))
    // what the window and UI plugins would otherwise provide
    .init_resource::<UiScale>()
    .add_message::<bevy::window::Ime>()
    .add_message::<bevy::picking::events::Pointer<bevy::picking::events::Release>>()
    // the text field's font, so that selections have a layout to work on
    .add_systems(
        PostUpdate,
        bevy::ui::widget::update_editable_text_styles
            .after(bevy::text::load_font_assets_into_font_collection)
            .before(bevy::text::EditableTextSystems),
    )
    .insert_resource(Catalog::load(&[]))
    .insert_resource(game::DataDir(None))
    .add_plugins(game::plugin);
    let window = app
        .world_mut()
        .spawn((bevy::window::Window::default(), PrimaryWindow))
        .id();
    app.update();
    app.update();
    (app, window)
}

/// One key going down or up, as winit reports it.
fn key(
    window: Entity,
    code: KeyCode,
    logical: bevy::input::keyboard::Key,
    down: bool,
) -> bevy::input::keyboard::KeyboardInput {
    use bevy::input::ButtonState;
    use bevy::input::keyboard::Key;
    let text = match (&logical, down) {
        (Key::Character(c), true) => Some(c.clone()),
        (Key::Space, true) => Some(" ".into()),
        _ => None,
    };
    bevy::input::keyboard::KeyboardInput {
        key_code: code,
        logical_key: logical,
        state: if down {
            ButtonState::Pressed
        } else {
            ButtonState::Released
        },
        text,
        repeat: false,
        window,
    }
}

/// The key events for typing `s` (capitals with Shift), or for `mods` + a
/// letter when `chord` is given.
fn keystrokes(window: Entity, s: &str) -> Vec<bevy::input::keyboard::KeyboardInput> {
    use bevy::input::keyboard::Key;
    let mut out = Vec::new();
    for c in s.chars() {
        let (code, logical) = match c {
            ' ' => (KeyCode::Space, Key::Space),
            _ => (KeyCode::KeyA, Key::Character(c.to_string().into())),
        };
        let shift = c.is_uppercase();
        if shift {
            out.push(key(window, KeyCode::ShiftLeft, Key::Shift, true));
        }
        out.push(key(window, code, logical.clone(), true));
        out.push(key(window, code, logical, false));
        if shift {
            out.push(key(window, KeyCode::ShiftLeft, Key::Shift, false));
        }
    }
    out
}

/// Ctrl + `letter`, pressed and let go quickly (within one frame).
fn ctrl(window: Entity, letter: &str, code: KeyCode) -> Vec<bevy::input::keyboard::KeyboardInput> {
    use bevy::input::keyboard::Key;
    let l = Key::Character(letter.into());
    vec![
        key(window, KeyCode::ControlLeft, Key::Control, true),
        key(window, code, l.clone(), true),
        key(window, code, l, false),
        key(window, KeyCode::ControlLeft, Key::Control, false),
    ]
}

/// Sends `keys`, `per_frame` of them in each frame (keys 40-150 ms apart
/// under a software renderer land several to a frame), then lets the game
/// catch up.
fn fast_by(app: &mut App, keys: Vec<bevy::input::keyboard::KeyboardInput>, per_frame: usize) {
    for frame in keys.chunks(per_frame) {
        for k in frame {
            app.world_mut().write_message(k.clone());
        }
        app.update();
    }
    for _ in 0..40 {
        app.update();
    }
}

/// Sends `keys` all in one frame.
fn fast(app: &mut App, keys: Vec<bevy::input::keyboard::KeyboardInput>) {
    let n = keys.len().max(1);
    fast_by(app, keys, n);
}

fn reply_box(app: &mut App) -> String {
    use bevy::text::EditableText;
    let mut q = app.world_mut().query::<&EditableText>();
    let values: Vec<String> = q.iter(app.world()).map(|t| t.value().to_string()).collect();
    assert_eq!(values.len(), 1, "one text field on screen");
    values[0].clone()
}

#[test]
fn fast_typing_keeps_every_space_and_ctrl_keys_edit_instead_of_typing() {
    use bevy::input::keyboard::Key;
    let (mut app, window) = typing_app();
    let i = index_of(&app, "hengda-packaging-en");
    send(
        &mut app,
        [Action::SelectScenario(i), Action::Start, Action::Begin],
    );
    assert_eq!(screen(&app), Screen::Negotiation);

    // a sentence typed fast, two to seven key events to a frame: a frame
    // may end with Shift down for the capital after a space
    let typed = "so Priya, I can do that. What about Red team, Blue team";
    for per_frame in 2..=7 {
        fast_by(&mut app, keystrokes(window, typed), per_frame);
        assert_eq!(reply_box(&mut app), typed, "{per_frame} key events a frame");
        let mut clear = ctrl(window, "a", KeyCode::KeyA);
        clear.push(key(window, KeyCode::Delete, Key::Delete, true));
        fast_by(&mut app, clear, 1);
    }
    fast(&mut app, keystrokes(window, typed));
    assert_eq!(reply_box(&mut app), typed, "all in one frame");

    // Ctrl+A selects all (no "a"), Backspace deletes the selection
    let mut keys = ctrl(window, "a", KeyCode::KeyA);
    keys.push(key(window, KeyCode::Backspace, Key::Backspace, true));
    keys.push(key(window, KeyCode::Backspace, Key::Backspace, false));
    fast(&mut app, keys);
    assert_eq!(reply_box(&mut app), "", "select all + Backspace clears");

    // Ctrl+H hides the scores and types nothing
    fast(&mut app, keystrokes(window, "Hi"));
    fast(&mut app, ctrl(window, "h", KeyCode::KeyH));
    assert_eq!(reply_box(&mut app), "Hi");
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("Scores hidden")),
        "Ctrl+H hid the scores"
    );

    // copy and paste: all of it copied, then pasted after itself (where
    // there is an OS clipboard; without one, nothing is typed either)
    let clipboard = app
        .world_mut()
        .resource_mut::<bevy::clipboard::Clipboard>()
        .set_text("probe")
        .is_ok();
    let mut keys = ctrl(window, "a", KeyCode::KeyA);
    keys.extend(ctrl(window, "c", KeyCode::KeyC));
    keys.push(key(window, KeyCode::End, Key::End, true));
    keys.push(key(window, KeyCode::End, Key::End, false));
    keys.extend(ctrl(window, "v", KeyCode::KeyV));
    fast(&mut app, keys);
    assert_eq!(reply_box(&mut app), if clipboard { "HiHi" } else { "Hi" });
}

/// What a class votes for: an option that explores until the objection is
/// explored, then one that responds, never a mistake; in the price talk,
/// the customer's counter once it is offered, else a smaller step.
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
    let o = s.current_objection().expect("an objection");
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

#[test]
fn pick_mode_in_chinese_talks_price_by_options_to_a_deal_and_errors_speak_chinese() {
    let mut app = app();
    let i = index_of(&app, "hengda-packaging-zh");
    send(
        &mut app,
        [
            Action::ToggleLanguage,
            Action::SelectScenario(i),
            Action::SetMode(Mode::Pick),
            Action::SetSeed(4),
            Action::Start,
            Action::Begin,
        ],
    );
    // vote through the objections until the customer names a price
    for _ in 0..20 {
        let game = app.world().resource::<Game>();
        if counteroffer::session::price_options::in_play(&game.session) {
            break;
        }
        let n = class_pick(game);
        send(&mut app, [Action::Pick(n)]);
    }
    let game = app.world().resource::<Game>();
    assert!(
        game.session.persona_price().is_some(),
        "the customer named a price"
    );
    let options: Vec<String> = game
        .session
        .options()
        .iter()
        .map(|o| o.to_string())
        .collect();
    assert!(options.len() >= 3, "{options:?}");
    let shown = texts(&mut app);
    for o in &options {
        assert!(shown.contains(o), "price option {o:?} not shown");
    }
    assert!(
        options.iter().any(|o| o.contains("如果")),
        "a conditional counter"
    );

    // a wrong number: told in Chinese, and gone by the debrief
    send(&mut app, [Action::Pick(9)]);
    let notice = format!("未发送：没有第 9 个选项，请选 1 到 {}", options.len());
    assert!(texts(&mut app).contains(&notice), "{:?}", texts(&mut app));
    send(&mut app, [Action::Pause, Action::Finish]);
    assert_eq!(screen(&app), Screen::Debrief);
    assert!(
        !texts(&mut app).iter().any(|t| t.contains("未发送")),
        "the notice stayed"
    );

    // the same session again, voted through to a deal
    send(&mut app, [Action::RetrySame]);
    for _ in 0..30 {
        if app.world().resource::<Game>().session.outcome().is_some() {
            // the customer's answer stays until the class moves on
            assert!(texts(&mut app).iter().any(|t| t == "查看复盘"));
            send(&mut app, [Action::SeeDebrief]);
            break;
        }
        let n = class_pick(app.world().resource::<Game>());
        send(&mut app, [Action::Pick(n)]);
    }
    assert_eq!(screen(&app), Screen::Debrief);
    let game = app.world().resource::<Game>();
    assert!(
        matches!(game.session.outcome(), Some(Outcome::Deal { .. })),
        "{:?}",
        game.session.outcome()
    );
}

/// A key pressed and let go, frame by frame, as a clicker or keyboard sends it.
fn press(app: &mut App, code: KeyCode) {
    use bevy::input::keyboard::{Key, NativeKey};
    let logical = Key::Unidentified(NativeKey::Unidentified);
    for down in [true, false] {
        app.world_mut()
            .write_message(key(Entity::PLACEHOLDER, code, logical.clone(), down));
        app.update();
    }
    app.update();
}

#[test]
fn a_clicker_runs_the_pause_menu_help_and_tags_by_keys() {
    use counteroffer::game::Menu;
    let menu = |app: &App| *app.world().resource::<State<Menu>>().get();
    let mut app = app();
    let i = index_of(&app, "hengda-packaging-en");
    send(
        &mut app,
        [
            Action::ToggleProjector,
            Action::SelectScenario(i),
            Action::SetMode(Mode::Pick),
            Action::Start,
            Action::Begin,
        ],
    );
    let n = app.world().resource::<Game>().session.options().len();
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with(&format!("1-{n} pick"))),
        "the footer names the keys for {n} options"
    );

    // a pick by key; on a projector the tags wait for T, then show
    press(&mut app, KeyCode::Digit1);
    assert_eq!(app.world().resource::<Game>().session.turns().len(), 1);
    assert!(!texts(&mut app).iter().any(|t| t == "ACKNOWLEDGE"));
    press(&mut app, KeyCode::KeyT);
    assert!(
        texts(&mut app).iter().any(|t| t == "ACKNOWLEDGE"),
        "T shows the last reply's tags on a projector"
    );

    // Esc on help closes help only
    press(&mut app, KeyCode::F1);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("F1  this help"))
    );
    press(&mut app, KeyCode::Escape);
    assert!(
        !texts(&mut app)
            .iter()
            .any(|t| t.starts_with("F1  this help"))
    );
    assert_eq!(menu(&app), Menu::None, "Esc on help did not pause");

    // the pause menu by arrows and Enter: down twice, up once is "End and score"
    press(&mut app, KeyCode::Escape);
    assert_eq!(menu(&app), Menu::Pause);
    for k in [KeyCode::ArrowDown, KeyCode::ArrowDown, KeyCode::ArrowUp] {
        press(&mut app, k);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    assert!(app.world().resource::<Game>().session.outcome().is_some());
}

#[test]
fn type_mode_names_its_own_keys() {
    use bevy::input::keyboard::{Key, NativeKey};
    let mut app = app();
    let i = index_of(&app, "hengda-packaging-en");
    send(
        &mut app,
        [Action::SelectScenario(i), Action::Start, Action::Begin],
    );
    assert!(texts(&mut app).iter().any(|t| t.contains("Ctrl+H/R/B")));
    let ctrl = Key::Unidentified(NativeKey::Unidentified);
    app.world_mut()
        .write_message(key(Entity::PLACEHOLDER, KeyCode::ControlLeft, ctrl, true));
    app.update();
    press(&mut app, KeyCode::KeyH);
    assert!(
        texts(&mut app).contains(&"Scores hidden (Ctrl+H to show)".to_string()),
        "{:?}",
        texts(&mut app)
    );
}

#[test]
fn teams_survive_a_resume_and_the_debrief_ranks_them_with_their_own_words() {
    let dir = std::env::temp_dir().join(format!("co-game-teams-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = app_with(Catalog::load(&[]), Some(dir.clone()));
    let i = index_of(&app, "hengda-packaging-en");
    send(
        &mut app,
        [
            Action::SelectScenario(i),
            Action::SetSeed(4),
            Action::SetMode(Mode::Pick),
            Action::SetTeams(vec!["Red".into(), "Blue".into(), "Green".into()]),
            Action::Start,
            Action::Begin,
        ],
    );
    // Red answers, then the session is left and resumed: Blue is next,
    // and Green, who never answered, is still playing
    let n = class_pick(app.world().resource::<Game>());
    send(
        &mut app,
        [Action::Pick(n), Action::Pause, Action::QuitToTitle],
    );
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("Unfinished session: The case packer that costs more (1 turn)")),
        "{:?}",
        texts(&mut app)
    );
    send(&mut app, [Action::ResumeJournal]);
    assert_eq!(screen(&app), Screen::Negotiation);
    assert!(
        texts(&mut app).iter().any(|t| t == "Answering: Blue"),
        "{:?}",
        texts(&mut app)
    );
    // and it is still picked, not typed
    assert!(!app.world().resource::<Game>().session.options().is_empty());
    for _ in 0..4 {
        let n = class_pick(app.world().resource::<Game>());
        send(&mut app, [Action::Pick(n)]);
    }
    let teams: Vec<Option<String>> = app
        .world()
        .resource::<Game>()
        .session
        .turns()
        .iter()
        .map(|t| t.team.clone())
        .collect();
    let names = |v: &[&str]| v.iter().map(|s| Some(s.to_string())).collect::<Vec<_>>();
    assert_eq!(teams, names(&["Red", "Blue", "Green", "Red", "Blue"]));
    send(&mut app, [Action::Pause, Action::Finish]);
    assert_eq!(screen(&app), Screen::Debrief);

    let shown = texts(&mut app);
    let game = app.world().resource::<Game>();
    let results = counteroffer::scoring::debrief::team_results(
        game.session.scenario(),
        game.session.difficulty,
        game.session.turns(),
        game.session.outcome(),
        counteroffer::i18n::Locale::builtin(counteroffer::lang::Lang::En),
    );
    assert_eq!(results.len(), 3);
    assert!(
        results
            .windows(2)
            .all(|w| w[0].card.overall >= w[1].card.overall),
        "ranked"
    );
    for (rank, r) in results.iter().enumerate() {
        let line = format!("{}. {}: {:.0} overall", rank + 1, r.team, r.card.overall);
        assert!(
            shown.iter().any(|t| t.starts_with(&line)),
            "{line} not in {shown:?}"
        );
        // each team's strength quotes its own reply
        if let Some(p) = &r.strength {
            let own: Vec<&str> = game
                .session
                .turns()
                .iter()
                .filter(|t| t.team.as_deref() == Some(r.team.as_str()))
                .map(|t| t.text.as_str())
                .collect();
            assert!(
                own.iter().any(|t| t.contains(&p.quote)),
                "{}: {:?} is not its own",
                r.team,
                p.quote
            );
            assert!(
                shown
                    .iter()
                    .any(|t| t.starts_with("Best: ") && t.contains(&p.quote))
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_student_name_is_asked_remembered_and_put_in_reports() {
    use bevy::text::EditableText;
    use counteroffer::game::Field;
    let dir = std::env::temp_dir().join(format!("co-game-student-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = app_with(Catalog::load(&[]), Some(dir.clone()));
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "Your name (for reports)")
    );
    let i = index_of(&app, "reilly-training-en");
    send(
        &mut app,
        [
            Action::SetStudent("Priya Shah".into()),
            Action::SelectScenario(i),
            Action::Start,
            Action::Begin,
            Action::Send("I understand. What would be different in the spring?".into()),
        ],
    );
    // the journal knows the student before the session ends
    let (found, _) = counteroffer::session::journal::interrupted(&dir);
    assert!(found.is_empty(), "the live session's journal is locked");
    send(&mut app, [Action::Pause, Action::Finish]);
    send(&mut app, [Action::Export]);
    let shown = texts(&mut app);
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with("Report saved: ") && t.ends_with("in the reports folder.")),
        "{shown:?}"
    );
    assert!(shown.iter().any(|t| t == "Open folder"));
    let md = std::fs::read_dir(dir.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .unwrap();
    assert!(std::fs::read_to_string(&md).unwrap().contains("Priya Shah"));

    // remembered: the title shows it again
    send(&mut app, [Action::QuitToTitle]);
    let mut fields = app.world_mut().query::<(&EditableText, &Field)>();
    let name: Vec<String> = fields
        .iter(app.world())
        .filter(|(_, f)| **f == Field::Student)
        .map(|(t, _)| t.value().to_string())
        .collect();
    assert_eq!(name, ["Priya Shah"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_title_lists_scenarios_in_the_interface_language_with_a_toggle_for_all() {
    let mut app = app();
    let titles = |app: &mut App, lang: &str| -> Vec<String> {
        let catalog = app.world().resource::<Catalog>();
        let wanted: Vec<String> = catalog
            .entries
            .iter()
            .filter_map(|e| match e {
                Entry::Ready(p) if p.scenario.language == lang => Some(p.scenario.title.clone()),
                _ => None,
            })
            .collect();
        let shown = texts(app);
        wanted.into_iter().filter(|t| shown.contains(t)).collect()
    };
    assert_eq!(titles(&mut app, "en").len(), 3, "the English ones");
    assert!(titles(&mut app, "zh-CN").is_empty(), "no Chinese ones");
    send(&mut app, [Action::ToggleAllLanguages]);
    assert_eq!(titles(&mut app, "zh-CN").len(), 3, "all languages");
    send(
        &mut app,
        [Action::ToggleAllLanguages, Action::ToggleLanguage],
    );
    assert_eq!(titles(&mut app, "zh-CN").len(), 3);
    assert!(titles(&mut app, "en").is_empty(), "only Chinese in Chinese");
    // and the selection moved to a Chinese scenario
    send(&mut app, [Action::Start]);
    let setup_lang = texts(&mut app).iter().any(|t| t == "开始谈判");
    assert!(setup_lang, "a Chinese scenario's briefing");
}

#[test]
fn progress_recommends_in_the_players_language() {
    let dir = std::env::temp_dir().join(format!("co-game-progress-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = app_with(Catalog::load(&[]), Some(dir.clone()));
    let i = index_of(&app, "reilly-training-en");
    send(
        &mut app,
        [
            Action::SelectScenario(i),
            Action::Start,
            Action::Begin,
            Action::Send("I understand. What would be different in the spring, and who else needs to approve this?".into()),
            Action::Pause,
            Action::Finish,
            Action::QuitToTitle,
            Action::ShowProgress,
        ],
    );
    let shown = texts(&mut app);
    let suggestion = shown
        .iter()
        .find_map(|t| t.strip_prefix("Practise next: "))
        .expect("a suggestion")
        .to_string();
    let catalog = app.world().resource::<Catalog>();
    let lang = catalog.entries.iter().find_map(|e| match e {
        Entry::Ready(p) if p.scenario.title == suggestion => Some(p.scenario.language.clone()),
        _ => None,
    });
    assert_eq!(lang.as_deref(), Some("en"), "{suggestion}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_first_run_walkthrough_shows_once_and_the_scoring_page_lists_the_rubric() {
    use counteroffer::i18n::Locale;
    use counteroffer::lang::Lang;
    use counteroffer::scoring::rubric::Rule;
    let mut app = app();
    let walk_title = |app: &mut App| texts(app).iter().any(|t| t == "Welcome to Counteroffer");
    assert!(
        walk_title(&mut app),
        "the walkthrough opens on the first run"
    );
    // keys turn its pages; Enter does not start a session behind it
    press(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Title);
    assert!(texts(&mut app).iter().any(|t| t == "Type or pick"));
    press(&mut app, KeyCode::ArrowLeft);
    assert!(walk_title(&mut app));
    // Esc skips it, and it stays skipped
    press(&mut app, KeyCode::Escape);
    assert!(!walk_title(&mut app));
    send(&mut app, [Action::ShowProgress, Action::Back]);
    assert!(!walk_title(&mut app), "not shown again");
    // help brings it back on request
    send(&mut app, [Action::WalkNext]);
    assert!(walk_title(&mut app));
    for _ in 0..4 {
        send(&mut app, [Action::WalkNext]);
    }
    assert!(!walk_title(&mut app), "done after the last page");

    // How scoring works: every rule's text from the locale, by dimension
    send(&mut app, [Action::ShowScoring]);
    let shown = texts(&mut app);
    let en = Locale::builtin(Lang::En);
    for rule in Rule::current() {
        let text = rule.stated(en);
        assert!(
            shown.iter().any(|t| t.ends_with(&text)),
            "{rule}: {text:?} not shown"
        );
    }
    assert!(
        !shown.iter().any(|t| t.contains('{')),
        "a placeholder is shown unfilled"
    );
    assert!(shown.iter().any(|t| t == "LAER: 25% of the overall"));
    press(&mut app, KeyCode::Escape);
    assert!(
        !texts(&mut app)
            .iter()
            .any(|t| t == "LAER: 25% of the overall")
    );
    assert_eq!(screen(&app), Screen::Title, "Esc closed the page only");
}

/// The texts of the notes in the log (not lines anyone said), in order.
fn notes(app: &mut App) -> Vec<String> {
    let mut q = app
        .world_mut()
        .query_filtered::<&Children, With<game::Note>>();
    let children: Vec<Entity> = q
        .iter(app.world())
        .flat_map(|c| c.iter().collect::<Vec<_>>())
        .collect();
    children
        .into_iter()
        .filter_map(|e| app.world().get::<Text>(e).map(|t| t.0.clone()))
        .collect()
}

/// Plays `replies` in the game on `id` with `seed`, the interface in
/// Chinese when `zh`.
fn played(id: &str, seed: u64, zh: bool, replies: &[&str]) -> App {
    let mut app = app();
    let i = index_of(&app, id);
    let mut start = Vec::new();
    if zh {
        start.push(Action::ToggleLanguage);
    }
    start.extend([
        Action::SelectScenario(i),
        Action::SetSeed(seed),
        Action::Start,
        Action::Begin,
    ]);
    send(&mut app, start);
    send(
        &mut app,
        replies.iter().map(|r| Action::Send(r.to_string())),
    );
    assert_eq!(screen(&app), Screen::Negotiation);
    app
}

#[test]
fn the_log_shows_a_revealed_fact_a_checked_figure_and_a_referral_as_notes() {
    // a fact comes out: the customer's line, then a note naming the fact
    let mut app = played(
        "hengda-packaging-en",
        3,
        false,
        &["What budget have you got approved for this line?"],
    );
    let turn = app.world().resource::<Game>().session.turns()[0].clone();
    assert!(
        turn.events
            .iter()
            .any(|e| matches!(e, counteroffer::record::Event::Revealed { .. }))
    );
    assert!(texts(&mut app).contains(&turn.persona[0]));
    // in the log and beside the latest line
    let shown = notes(&mut app);
    assert!(
        !shown.is_empty() && shown.iter().all(|n| n == "Fact revealed: their budget"),
        "{shown:?}"
    );

    // a price far below the customer's own: "Just so I'm clear, $8,000?"
    // and a note saying how to correct it
    let setup = [
        "I understand, eight thousand is real money. What do the stoppages on your night shift cost you today?",
        "Our predictive maintenance sensors warn you two weeks before a breakdown, so your night shift keeps running.",
        "Yantai Carton runs two sizes too; after switching, their changeovers dropped from 45 to 8 minutes and they freed one operator per shift.",
        "I can do 8,000.",
    ];
    let mut app = played("hengda-packaging-en", 2, false, &setup);
    let shown = notes(&mut app);
    assert!(
        shown
            .iter()
            .any(|n| n.starts_with("The customer checks your figure: $8,000.")),
        "{shown:?}"
    );

    // a technical lead takes the price to the partners
    let mut app = played(
        "brightwater-saas-en",
        1,
        false,
        &[
            "So you'd be paying for an enterprise tool when you only need to see where the hours go. What happens today when a timesheet comes in late?",
            "Harlow & Finch are 35 people; with invoices drafted straight from approved timesheets they cut write-offs by 70% in the first year, so the hours you work actually get billed.",
            "That's 35 dollars per person per month, less than an hour of billable time.",
            "I see.",
            "Right.",
            "Why not run a free 30-day trial on the Harbourside project itself, so the partners see real numbers before they decide?",
            "If you sign for two years, I can do 14,000.",
        ],
    );
    let shown = notes(&mut app);
    assert!(
        shown.iter().any(|n| n
            == "The customer cannot sign $14,000 alone; the answer comes with your next reply"),
        "{shown:?}"
    );
    // the notes stay in the log as it grows, and the debrief transcript has them
    send(
        &mut app,
        [Action::Send(
            "Thank you, I'll wait for the partners.".into(),
        )],
    );
    assert!(notes(&mut app).iter().any(|n| n.contains("$14,000 alone")));
}

#[test]
fn the_log_notes_are_in_chinese_with_a_chinese_interface() {
    let mut app = played("deren-dental-zh", 3, true, &["您的预算多少？"]);
    let shown = notes(&mut app);
    assert!(
        !shown.is_empty() && shown.iter().all(|n| n == "客户透露了：预算"),
        "{shown:?}"
    );
    let mut app = played(
        "deren-dental-zh",
        2,
        true,
        &[
            "您的意思是怕花钱买了一堆用不上的功能，对吧？我理解。现在每周大概有多少预约没来？",
            "城东的康美口腔也是三台牙椅，用了自动复诊提醒以后，爽约率从 18% 降到 7%，牙椅基本排满了。",
            "算下来每天 54 块，每周少爽约一个患者，就多收四五百块，一个月就回本了。",
            "我们可以做到2000元。",
        ],
    );
    let shown = notes(&mut app);
    assert!(
        shown
            .iter()
            .any(|n| n.starts_with("客户在核对您的报价：¥2,000。")),
        "{shown:?}"
    );
    send(&mut app, [Action::Pause, Action::Finish]);
    assert_eq!(screen(&app), Screen::Debrief);
    let shown = notes(&mut app);
    assert!(
        shown.iter().any(|n| n.starts_with("客户在核对您的报价")),
        "the debrief transcript: {shown:?}"
    );
}
