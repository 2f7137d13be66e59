//! The session engine, bots, transcripts and the play/simulate/score
//! commands.

use std::io::Write;
use std::process::{Command, Stdio};

use counteroffer::cli::simulate::simulate;
use counteroffer::i18n::Locale;
use counteroffer::lang::Lang;
use counteroffer::record::{Event, Outcome};
use counteroffer::scenario::Difficulty;
use counteroffer::scenario::shipped_scenarios;
use counteroffer::scoring::rubric::Rule;
use counteroffer::scoring::scorecard::Dimension;
use counteroffer::session::bots::{self, Kind};
use counteroffer::session::transcript::{Check, Transcript, check};
use counteroffer::session::{Prepared, Session, SessionError};

fn prepared(id: &str) -> Prepared {
    let s = shipped_scenarios()
        .into_iter()
        .find(|s| s.id == id)
        .expect("shipped scenario");
    Prepared::new(s).unwrap()
}

#[test]
fn ideal_play_beats_every_other_bot_on_every_scenario_and_tier() {
    for scenario in shipped_scenarios() {
        let p = Prepared::new(scenario).unwrap();
        for tier in Difficulty::ALL {
            let games = 12;
            let ideal = simulate(&p, Kind::Ideal, tier, games, 100);
            for other in [Kind::Conceder, Kind::Stonewall, Kind::Random] {
                let o = simulate(&p, other, tier, games, 100);
                assert!(
                    ideal.mean_overall >= o.mean_overall + 25.0,
                    "{} {}: ideal {} vs {} {}",
                    p.scenario.id,
                    tier.name(),
                    ideal.mean_overall,
                    other.name(),
                    o.mean_overall
                );
            }
            if tier == Difficulty::Normal {
                assert!(
                    ideal.deals_above_floor * 10 >= games * 8,
                    "{}: ideal closed above the floor in {}/{games}",
                    p.scenario.id,
                    ideal.deals_above_floor
                );
            }
            let conceder = simulate(&p, Kind::Conceder, tier, games, 100);
            let concessions = conceder
                .mean_dimensions
                .iter()
                .find(|(d, _)| *d == Dimension::Concessions)
                .unwrap()
                .1;
            assert!(
                concessions <= 30.0,
                "{}: conceder's concessions {concessions}",
                p.scenario.id
            );
        }
    }
}

#[test]
fn simulate_ranks_ideal_over_mediocre_over_gaming_and_careless_bots_on_every_scenario() {
    let laer = |s: &counteroffer::cli::simulate::Summary| {
        s.mean_dimensions
            .iter()
            .find(|(d, _)| *d == Dimension::Laer)
            .unwrap()
            .1
    };
    let mut wrong = Vec::new();
    for scenario in shipped_scenarios() {
        let p = Prepared::new(scenario).unwrap();
        let games = 12;
        let ideal = simulate(&p, Kind::Ideal, Difficulty::Normal, games, 100);
        let mediocre = simulate(&p, Kind::Mediocre, Difficulty::Normal, games, 100);
        let id = &p.scenario.id;
        if !(ideal.mean_overall > mediocre.mean_overall && laer(&ideal) > laer(&mediocre)) {
            wrong.push(format!(
                "{id}: ideal {} (LAER {}) vs mediocre {} (LAER {})",
                ideal.mean_overall,
                laer(&ideal),
                mediocre.mean_overall,
                laer(&mediocre)
            ));
        }
        for other in [Kind::Stuffer, Kind::Conceder, Kind::Stonewall, Kind::Random] {
            let o = simulate(&p, other, Difficulty::Normal, games, 100);
            if !(mediocre.mean_overall > o.mean_overall && laer(&mediocre) > laer(&o)) {
                wrong.push(format!(
                    "{id}: mediocre {} (LAER {}) vs {} {} (LAER {})",
                    mediocre.mean_overall,
                    laer(&mediocre),
                    other.name(),
                    o.mean_overall,
                    laer(&o)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_ideal_bot_varies_its_replies_with_the_seed() {
    let p = prepared("hengda-packaging-en");
    let games: Vec<Vec<String>> = (0..6)
        .map(|seed| {
            bots::play(&p, Kind::Ideal, Difficulty::Normal, seed)
                .turns()
                .iter()
                .map(|t| t.text.clone())
                .collect()
        })
        .collect();
    let distinct = games.iter().filter(|g| *g != &games[0]).count();
    assert!(distinct >= 3, "{games:#?}");
    // built from the scenario's authored replies, not the scorer's cue words
    let authored: Vec<&str> = p
        .scenario
        .objections
        .iter()
        .flat_map(|o| {
            o.options
                .iter()
                .map(|r| r.text.as_str())
                .chain(o.model_answers.iter().map(|m| m.text()))
        })
        .collect();
    for game in &games {
        let first = &game[0];
        assert!(authored.contains(&first.as_str()), "{first}");
    }
}

#[test]
fn the_same_seed_gives_the_same_game_and_another_seed_may_not() {
    let p = prepared("hengda-packaging-en");
    for kind in Kind::ALL {
        let a = bots::play(&p, kind, Difficulty::Normal, 42);
        let b = bots::play(&p, kind, Difficulty::Normal, 42);
        let json =
            |s: &Session| serde_json::to_string(&(s.turns(), s.outcome(), s.scorecard())).unwrap();
        assert_eq!(json(&a), json(&b), "{}", kind.name());
    }
    let out = |seed: &str| {
        Command::new(env!("CARGO_BIN_EXE_counteroffer"))
            .args([
                "simulate",
                "--scenario",
                "all",
                "--bot",
                "random",
                "--games",
                "5",
                "--json",
                "--seed",
                seed,
            ])
            .output()
            .unwrap()
            .stdout
    };
    let first = out("9");
    assert!(!first.is_empty());
    assert_eq!(
        first,
        out("9"),
        "simulate output must be byte-identical for one seed"
    );
}

#[test]
fn hidden_facts_need_the_right_question() {
    let p = prepared("hengda-packaging-en");
    let mut s = Session::start(&p, Difficulty::Normal, 1);
    let t = s.reply("Is there a budget?").unwrap();
    assert!(
        !t.events
            .iter()
            .any(|e| matches!(e, Event::Revealed { fact } if fact == "budget"))
    );
    let t = s
        .reply("What budget have you got approved for this line?")
        .unwrap();
    assert!(
        t.events
            .iter()
            .any(|e| matches!(e, Event::Revealed { fact } if fact == "budget")),
        "{:?}",
        t.events
    );
    assert!(t.persona.iter().any(|l| l.contains("forty-four thousand")));
    assert_eq!(s.revealed(), ["budget"]);
}

#[test]
fn responding_before_exploring_is_premature_and_the_right_technique_resolves() {
    let p = prepared("hengda-packaging-en");
    let mut s = Session::start(&p, Difficulty::Normal, 1);
    assert_eq!(s.current_objection().unwrap().id, "price-1");
    let t = s
        .reply("Over eight years the difference works out at about 83 dollars a month.")
        .unwrap();
    assert!(t.events.contains(&Event::Premature {
        objection: "price-1".into()
    }));
    assert!(t.events.contains(&Event::Resolved {
        objection: "price-1".into()
    }));
    assert!(t.events.contains(&Event::Raised {
        objection: "fit-1".into()
    }));
    assert_eq!(s.current_objection().unwrap().id, "fit-1");
}

#[test]
fn arguing_costs_trust_and_patience_until_the_customer_walks() {
    let p = prepared("brightwater-saas-en");
    let mut s = Session::start(&p, Difficulty::Normal, 1);
    let start = s.meters();
    s.reply("You're wrong, that's not true.").unwrap();
    assert!(s.meters().trust < start.trust);
    assert!(s.meters().patience < start.patience);
    while s.outcome().is_none() {
        s.reply("You're wrong, that's not true.").unwrap();
    }
    assert!(matches!(s.outcome(), Some(Outcome::WalkAway { .. })));
    assert_eq!(s.reply("hello"), Err(SessionError::Over));
}

#[test]
fn bad_replies_get_clear_errors_not_panics() {
    let p = prepared("deren-dental-zh");
    let mut s = Session::start(&p, Difficulty::Easy, 5);
    assert_eq!(s.reply("   "), Err(SessionError::Empty));
    assert_eq!(
        s.reply(&"价".repeat(10_001)),
        Err(SessionError::TooLong(10_001))
    );
    let n = s.options().len();
    assert!(n > 0);
    assert_eq!(
        s.pick(n + 1),
        Err(SessionError::NoSuchOption {
            picked: n + 1,
            available: n
        })
    );
    assert_eq!(
        s.pick(0),
        Err(SessionError::NoSuchOption {
            picked: 0,
            available: n
        })
    );
    assert!(s.turns().is_empty(), "refused replies take no turn");
    let t = s.pick(1).unwrap();
    assert_eq!(t.text, p.scenario.opening().unwrap().options[0].text);
}

#[test]
fn every_rubric_rule_has_its_text_in_both_languages() {
    for lang in Lang::ALL {
        let locale = Locale::builtin(lang);
        for rule in Rule::ALL {
            let key = rule.text_key();
            assert_ne!(locale.text(&key), key, "{lang}: no text for {rule}");
        }
    }
}

#[test]
fn scorecard_items_explain_every_point() {
    let p = prepared("hengda-packaging-en");
    for kind in Kind::ALL {
        let s = bots::play(&p, kind, Difficulty::Normal, 3);
        let card = s.scorecard();
        for item in &card.items {
            assert_eq!(item.dimension, item.rule.dimension(), "{}", item.rule);
            if item.turn > 0 {
                let turn = &s.turns()[item.turn as usize - 1];
                assert!(
                    turn.text.contains(&item.quote),
                    "{:?} not in {:?}",
                    item.quote,
                    turn.text
                );
            }
        }
        // per-objection dimensions are the mean of their objections' items
        let ethics: f64 = card
            .items
            .iter()
            .filter(|i| i.dimension == Dimension::Ethics)
            .map(|i| i.points)
            .sum();
        assert_eq!(card.get(Dimension::Ethics), ethics.clamp(0.0, 100.0));
        // the weights of the dimensions assessed make up the whole; an
        // ethics breach caps the overall
        let weights: f64 = card.dimensions.iter().map(|(d, _)| card.weight(*d)).sum();
        assert!((weights - 100.0).abs() < 1e-9, "{weights}");
        let weighted: f64 = card
            .dimensions
            .iter()
            .map(|(d, v)| v * card.weight(*d) / 100.0)
            .sum();
        let expected = card.capped_at.map_or(weighted, |cap| weighted.min(cap));
        assert!((card.overall - expected).abs() < 0.06);
    }
}

#[test]
fn transcripts_replay_to_the_same_scorecard_and_catch_edits() {
    let p = prepared("haiyue-hvac-zh");
    let s = bots::play(&p, Kind::Ideal, Difficulty::Hard, 11);
    let t = Transcript::from_session(&s);
    let back = Transcript::from_json(&t.to_json()).unwrap();
    assert_eq!(back, t);
    assert_eq!(check(&p, &back), Check::Matches(s.scorecard()));

    let mut edited = back.clone();
    edited.scorecard.overall = 100.0;
    assert!(matches!(check(&p, &edited), Check::Tampered { .. }));
    let mut edited = back.clone();
    edited.turns[0].text.push('!');
    assert!(
        matches!(check(&p, &edited), Check::Tampered { reason, .. } if reason.contains("turn 1"))
    );

    // a change this session never felt: same replay, the replay's scores
    let mut changed = (*p.scenario).clone();
    changed.product.floor += 1.0;
    let other = Prepared::new(changed).unwrap();
    assert!(matches!(
        check(&other, &back),
        Check::SameUnderNewHash { card, .. } if card == s.scorecard()
    ));
    // a change it did: not verifiable
    let mut changed = (*p.scenario).clone();
    for o in &mut changed.objections {
        o.lines = vec!["Something else entirely.".into()];
    }
    let other = Prepared::new(changed).unwrap();
    assert!(matches!(
        check(&other, &back),
        Check::ScenarioChanged { .. }
    ));
    // the opening is compared too
    let mut edited = back.clone();
    edited.opening[0] = "x".repeat(1 << 20);
    assert!(
        matches!(check(&p, &edited), Check::Tampered { reason, .. } if reason.contains("opening"))
    );

    assert!(
        Transcript::from_json("{\"schema\": 99}")
            .unwrap_err()
            .contains("schema 99")
    );
    assert!(Transcript::from_json("not json").is_err());
}

#[test]
fn locale_files_have_the_same_keys() {
    let en = Locale::builtin(Lang::En);
    for lang in Lang::ALL {
        let l = Locale::builtin(lang);
        assert_eq!(l.language, lang.code());
        let missing: Vec<_> = en.keys().filter(|k| !l.texts.contains_key(*k)).collect();
        let extra: Vec<_> = l.keys().filter(|k| !en.texts.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, extra {extra:?}"
        );
    }
}

fn play_text(
    script: &str,
    data: &std::path::Path,
    args: &[&str],
) -> (String, Option<std::path::PathBuf>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_counteroffer"))
        .args(["play", "--text"])
        .args(args)
        .env("COUNTEROFFER_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let saved = std::fs::read_dir(data.join("transcripts"))
        .ok()
        .and_then(|mut d| d.next())
        .map(|e| e.unwrap().path());
    (String::from_utf8(out.stdout).unwrap(), saved)
}

#[test]
fn a_scripted_terminal_session_reaches_a_deal_and_another_a_walk_away() {
    let root = std::env::temp_dir().join(format!("co-play-{}", std::process::id()));
    let deal_script = "\
So the concern is the price compared with Vendor B. I understand. What does a night-shift stoppage cost you today, and what budget do you have approved?
Our predictive maintenance sensors warn you two weeks before a breakdown, so your night shift stops losing hours. Over eight years the difference works out at about 83 dollars a month.
/hint
2
If you sign this week, I can do 46,000.
Of course. What needs to happen on your side before a decision, and who signs off?
If you sign this week, I can do 45,000.
Shall we sign at 45,000?
If you sign today, I can do 44,500.
Shall we sign at 44,500?
";
    let (out, saved) = play_text(
        deal_script,
        &root.join("deal"),
        &["--scenario", "hengda-packaging-en", "--seed", "4"],
    );
    assert!(out.contains("Deal at $"), "{out}");
    assert!(out.contains("Next on this concern: "), "{out}");
    assert!(out.contains("What went well"), "{out}");
    let saved = saved.expect("transcript saved");
    let score = Command::new(env!("CARGO_BIN_EXE_counteroffer"))
        .args(["score", "--json"])
        .arg(&saved)
        .output()
        .unwrap();
    assert!(
        score.status.success(),
        "{}",
        String::from_utf8_lossy(&score.stderr)
    );

    let walk_script = "You're wrong.\nThat's not true.\nJust sign, take it or leave it.\nYou're wrong.\nNonsense.\nYou're wrong.\nYou're wrong.\nYou're wrong.\n";
    let (out, _) = play_text(
        walk_script,
        &root.join("walk"),
        &["--scenario", "hengda-packaging-en", "--seed", "4"],
    );
    assert!(out.contains("The customer walked away."), "{out}");
    assert!(out.contains("You argued with the customer."), "{out}");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn team_turns_are_attributed_and_scored_per_team() {
    use counteroffer::scoring::scorecard::by_team;
    let p = prepared("hengda-packaging-en");
    let mut s = Session::start(&p, Difficulty::Normal, 2);
    let replies = [
        (
            "Red",
            "So the concern is the price compared with Vendor B. I understand. What does a stoppage cost you?",
        ),
        ("Blue", "Vendor B is junk, you're wrong."),
        (
            "Red",
            "Our predictive maintenance sensors warn you two weeks before a breakdown, so your night shift stops losing hours.",
        ),
    ];
    for (team, text) in replies {
        s.set_next_team(Some(team.to_string()));
        s.reply(text).unwrap();
    }
    let teams: Vec<Option<&str>> = s.turns().iter().map(|t| t.team.as_deref()).collect();
    assert_eq!(teams, [Some("Red"), Some("Blue"), Some("Red")]);
    let cards = by_team(&p.scenario, Difficulty::Normal, s.turns(), s.outcome());
    assert_eq!(
        cards.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
        ["Red", "Blue"]
    );
    let (_, red) = &cards[0];
    let (_, blue) = &cards[1];
    assert!(
        red.items
            .iter()
            .filter(|i| i.turn > 0)
            .all(|i| i.turn == 1 || i.turn == 3),
        "{:?}",
        red.items
    );
    assert!(
        blue.items
            .iter()
            .any(|i| i.rule == Rule::LaerArguing && i.turn == 2)
    );
    assert!(red.get(Dimension::Laer) > blue.get(Dimension::Laer));
    assert!(red.get(Dimension::Ethics) > blue.get(Dimension::Ethics));
    // both share the customer's final trust
    assert_eq!(
        red.get(Dimension::Relationship),
        blue.get(Dimension::Relationship)
    );

    s.end();
    let t = Transcript::from_session(&s);
    assert_eq!(
        check(&p, &Transcript::from_json(&t.to_json()).unwrap()),
        Check::Matches(s.scorecard())
    );
}

/// The journals in a data folder (one per session), read as they are.
pub fn journals(data: &std::path::Path) -> Vec<(std::path::PathBuf, Transcript)> {
    let mut found: Vec<_> = std::fs::read_dir(counteroffer::session::journal::dir(data))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter_map(|p| {
            let t = Transcript::from_json(&std::fs::read_to_string(&p).ok()?).ok()?;
            Some((p, t))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// Waits until the one journal holds `turns` turns.
pub fn journal_turns(data: &std::path::Path, turns: usize) -> Transcript {
    for _ in 0..400 {
        if let [(_, t)] = journals(data).as_slice()
            && t.turns.len() == turns
        {
            return t.clone();
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    panic!("the journal never reached {turns} turns");
}

#[test]
fn a_killed_terminal_session_loses_at_most_the_reply_being_typed() {
    let data = std::env::temp_dir().join(format!("co-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let mut child = Command::new(env!("CARGO_BIN_EXE_counteroffer"))
        .args([
            "play",
            "--text",
            "--scenario",
            "hengda-packaging-en",
            "--seed",
            "4",
        ])
        .env("COUNTEROFFER_DATA_DIR", &data)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "So the concern is the price compared with Vendor B. I understand. What budget do you have approved?").unwrap();
    stdin.flush().unwrap();
    journal_turns(&data, 1);
    writeln!(stdin, "Our predictive maintenance sensors warn you two weeks before a breakdown, so your night shift stops losing hours.").unwrap();
    stdin.flush().unwrap();
    let before = journal_turns(&data, 2);
    write!(stdin, "If you sign this week, I can d").unwrap(); // being typed
    stdin.flush().unwrap();
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(
        journal_turns(&data, 2),
        before,
        "two turns survive the kill"
    );

    let out = Command::new(env!("CARGO_BIN_EXE_counteroffer"))
        .args(["play", "--text", "--out"])
        .arg(data.join("resumed.json"))
        .env("COUNTEROFFER_DATA_DIR", &data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin
                .take()
                .unwrap()
                .write_all(b"/resume\nIf you sign this week, I can do 46,000.\n/quit\n")?;
            c.wait_with_output()
        })
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("An unfinished session of \"The case packer that costs more\" (2 turns)"),
        "{stdout}"
    );
    let resumed =
        Transcript::from_json(&std::fs::read_to_string(data.join("resumed.json")).unwrap())
            .unwrap();
    assert_eq!(resumed.turns.len(), 3);
    assert_eq!(resumed.turns[..2], before.turns[..]);
    assert!(
        journals(&data).is_empty(),
        "a finished session leaves no journal"
    );

    // scored as it stood, the same way
    let p = prepared("hengda-packaging-en");
    let mut s = counteroffer::session::journal::resume(&p, &before);
    assert_eq!(s.turns().len(), 2);
    s.end();
    assert_eq!(
        check(&p, &Transcript::from_session(&s)),
        Check::Matches(s.scorecard())
    );
    std::fs::remove_dir_all(&data).unwrap();
}

/// Plays a session by picking only, `choose` naming the option (1-based)
/// from the price options' moves when the price is talked, or an authored
/// option's number. Returns the session and the kinds picked.
fn pick_only(
    p: &Prepared,
    tier: Difficulty,
    seed: u64,
    authored: usize,
    price: &[counteroffer::session::price_options::Move],
) -> Session {
    use counteroffer::session::price_options::{in_play, price_options};
    let mut s = Session::start(p, tier, seed);
    for _ in 0..60 {
        if s.outcome().is_some() {
            break;
        }
        let options = s.options();
        assert!(
            !options.is_empty(),
            "{} {} seed {seed}: no options after turn {} ({:?})",
            p.scenario.id,
            tier.name(),
            s.turns().len(),
            s.turns().last().map(|t| &t.persona)
        );
        let n = if in_play(&s) {
            let offered = price_options(&s);
            price
                .iter()
                .find_map(|m| offered.iter().position(|o| o.kind == *m))
                .expect("walking away is always offered")
                + 1
        } else if authored == 0 {
            class_vote(&s)
        } else {
            authored.min(options.len())
        };
        s.pick(n).unwrap();
    }
    s
}

/// What a sensible class votes for on an objection: an option that
/// explores until the objection is explored, then one that responds; never
/// one tagged as a mistake, and not one it has said already while another
/// will do.
fn class_vote(s: &Session) -> usize {
    let o = s.current_objection().expect("an objection with options");
    let explored = s
        .turns()
        .iter()
        .filter(|t| t.objection.as_deref() == Some(o.id.as_str()))
        .any(|t| {
            !t.analysis.laer.is_empty() && t.analysis.laer.iter().any(|l| l.name() == "explore")
        });
    let bad = ["arguing", "pressure", "exaggeration", "reveal_bottom_line"];
    let want = if explored { "respond" } else { "explore" };
    let good = |tags: &Vec<String>| !tags.iter().any(|t| bad.contains(&t.as_str()));
    let fresh = |text: &str| !s.turns().iter().any(|t| t.text == text);
    let wanted = |r: &&counteroffer::scenario::ReplyOption| {
        good(&r.tags) && r.tags.iter().any(|t| t == want)
    };
    let pick = |ok: &dyn Fn(&&counteroffer::scenario::ReplyOption) -> bool| {
        o.options.iter().position(|r| ok(&r) && fresh(&r.text))
    };
    pick(&wanted)
        .or_else(|| pick(&|r| good(&r.tags)))
        .or_else(|| o.options.iter().position(|r| wanted(&r)))
        .unwrap_or(0)
        + 1
}

/// Every price option says what it does: the analyzer finds the price it
/// names (on a condition, for a counter), the add-on it gives, and no
/// mistake.
fn check_price_options(s: &Session) {
    use counteroffer::analysis::Offer;
    use counteroffer::session::price_options::{Move, price_options};
    let p = &s.prepared;
    for o in price_options(s) {
        let a = p.analyzer().analyze(&o.text, None);
        assert!(a.negatives.is_empty(), "{:?}: {:?}", o.text, a.negatives);
        let priced = |conditional: bool| {
            a.offers.iter().any(|f| {
                matches!(f, Offer::Price { amount, .. }
                if Some(*amount) == o.price && (!conditional || f.conditional()))
            })
        };
        let ok = match o.kind {
            Move::Accept => priced(false),
            Move::Counter => priced(true),
            // the price it holds may go unread; any price read is that one
            Move::HoldAndAdd => {
                a.offers
                    .iter()
                    .all(|f| !matches!(f, Offer::Price { amount, .. } if Some(*amount) != o.price))
                    && a.offers
                        .iter()
                        .any(|f| matches!(f, Offer::Tradeable { .. }))
            }
            Move::WalkAway => a.offers.is_empty(),
        };
        assert!(
            ok,
            "{}: {:?} does not read as {:?}: {:?}",
            p.scenario.id, o.text, o.kind, a.offers
        );
    }
}

#[test]
fn pick_mode_reaches_a_deal_or_a_walk_away_through_options_alone_in_every_shipped_scenario() {
    use counteroffer::session::price_options::Move::*;
    let policies = [
        vec![Accept, Counter, HoldAndAdd, WalkAway],
        vec![Counter, Accept, HoldAndAdd, WalkAway],
        vec![HoldAndAdd, Counter, Accept, WalkAway],
        vec![WalkAway],
    ];
    for scenario in shipped_scenarios() {
        let p = Prepared::new(scenario).unwrap();
        for tier in Difficulty::ALL {
            for seed in [1, 2] {
                // a class that explores, then responds, and takes the
                // customer's counter once it is above the floor: a deal
                let s = pick_only(&p, tier, seed, 0, &policies[0]);
                assert!(
                    matches!(s.outcome(), Some(Outcome::Deal { price, .. }) if *price >= p.scenario.product.floor),
                    "{} {} seed {seed}: {:?}\n{:#?}",
                    p.scenario.id,
                    tier.name(),
                    s.outcome(),
                    s.turns()
                        .iter()
                        .map(|t| (&t.text, &t.persona, t.meters.trust, t.meters.patience))
                        .collect::<Vec<_>>()
                );
                // any other way of picking ends too, never stuck without options
                for authored in 0..=3 {
                    for policy in &policies {
                        let s = pick_only(&p, tier, seed, authored, policy);
                        match s.outcome() {
                            Some(Outcome::Deal { .. } | Outcome::WalkAway { .. }) => {}
                            // the player walked away: only by picking it
                            Some(Outcome::Ended { .. }) => assert!(policy.contains(&WalkAway)),
                            None => panic!("{} {}: unfinished", p.scenario.id, tier.name()),
                        }
                    }
                }
            }
            // the options along the way read as what they offer
            let mut s = Session::start(&p, tier, 1);
            while s.outcome().is_none() {
                if counteroffer::session::price_options::in_play(&s) {
                    check_price_options(&s);
                    let n = counteroffer::session::price_options::price_options(&s)
                        .iter()
                        .position(|o| o.kind == Counter || o.kind == Accept)
                        .unwrap_or(0);
                    s.pick(n + 1).unwrap();
                } else {
                    let n = class_vote(&s);
                    s.pick(n).unwrap();
                }
            }
        }
    }
}

#[test]
fn picked_price_options_replay_to_the_same_session() {
    use counteroffer::session::transcript::replay;
    let p = prepared("hengda-packaging-zh");
    let s = pick_only(
        &p,
        Difficulty::Normal,
        3,
        0,
        &[counteroffer::session::price_options::Move::Counter],
    );
    assert!(
        s.turns().iter().any(|t| t.objection.is_none()),
        "the price was talked"
    );
    let t = Transcript::from_session(&s);
    let again = replay(&p, &t);
    assert_eq!(again.turns(), s.turns());
    assert_eq!(again.outcome(), s.outcome());
}
