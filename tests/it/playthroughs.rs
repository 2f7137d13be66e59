//! Whole conversations written by a trainer (tests/playthroughs/*.json)
//! and by a second trainer later (tests/playthroughs/second/*.json),
//! played through the real `Session` and scored. A second set's runs are
//! told apart by `@second` after the scenario id.

use counteroffer::analysis::tags::{Laer, Negative};
use counteroffer::i18n::Locale;
use counteroffer::lang::Lang;
use counteroffer::record::Outcome;
use counteroffer::scenario::{Difficulty, shipped_scenarios};
use counteroffer::scoring::debrief::debrief;
use counteroffer::scoring::relevance::said_key;
use counteroffer::scoring::rubric::{Kind as RuleKind, Rule};
use counteroffer::scoring::scorecard::{Dimension, Scorecard};
use counteroffer::session::bots::{self, Kind};
use counteroffer::session::{Prepared, Session};

#[derive(serde::Deserialize)]
struct File {
    scenario: String,
    players: std::collections::BTreeMap<String, Vec<String>>,
}

fn files() -> Vec<File> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/playthroughs");
    let mut out = Vec::new();
    for (dir, set) in [(root.clone(), ""), (root.join("second"), "@second")] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        for p in paths {
            let mut f: File = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            f.scenario.push_str(set);
            out.push(f);
        }
    }
    out
}

/// The scenario of a run's id, with or without its set.
fn prepared(id: &str) -> Prepared {
    let id = id.split('@').next().unwrap_or(id);
    let s = shipped_scenarios()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap();
    Prepared::new(s).unwrap()
}

fn play(p: &Prepared, replies: &[String], seed: u64) -> Session {
    let mut s = Session::start(p, Difficulty::Normal, seed);
    for r in replies {
        if s.outcome().is_some() {
            break;
        }
        s.reply(r).unwrap();
    }
    s.end();
    s
}

/// The seeds every play-through is played with: the customer's lines and
/// bargaining vary with the seed, the player's replies do not.
const SEEDS: [u64; 3] = [1, 2, 3];

struct Run {
    scenario: String,
    player: String,
    seed: u64,
    session: Session,
    card: Scorecard,
}

fn runs() -> Vec<Run> {
    let mut out = Vec::new();
    for f in files() {
        let p = prepared(&f.scenario);
        for (player, replies) in &f.players {
            for seed in SEEDS {
                let session = play(&p, replies, seed);
                let card = session.scorecard();
                out.push(Run {
                    scenario: f.scenario.clone(),
                    player: player.clone(),
                    seed,
                    session,
                    card,
                });
            }
        }
    }
    out
}

fn find<'a>(runs: &'a [Run], scenario: &str, player: &str, seed: u64) -> &'a Run {
    runs.iter()
        .find(|r| r.scenario == scenario && r.player == player && r.seed == seed)
        .unwrap_or_else(|| panic!("no {player} play-through for {scenario}"))
}

fn scenarios(runs: &[Run]) -> Vec<String> {
    let mut ids: Vec<String> = runs.iter().map(|r| r.scenario.clone()).collect();
    ids.dedup();
    ids
}

#[test]
fn play_throughs_cover_four_scenarios_in_both_languages() {
    let runs = runs();
    let ids = scenarios(&runs);
    assert!(ids.len() >= 4, "{ids:?}");
    assert!(ids.iter().any(|id| id.ends_with("-en")) && ids.iter().any(|id| id.ends_with("-zh")));
    for id in &ids {
        for player in ["expert", "mediocre", "weak", "stuffer", "paster"] {
            find(&runs, id, player, SEEDS[0]);
        }
    }
}

/// Expert > mediocre > weak on overall, LAER and FAB: what is wrong.
fn ranking_problems(runs: &[Run], id: &str, what: &[&str]) -> Vec<String> {
    let mut wrong = Vec::new();
    for seed in SEEDS {
        let [expert, mediocre, weak] =
            ["expert", "mediocre", "weak"].map(|p| &find(runs, id, p, seed).card);
        let score = |c: &Scorecard, d: Option<Dimension>| d.map_or(c.overall, |d| c.get(d));
        for (name, d) in [
            ("overall", None),
            ("LAER", Some(Dimension::Laer)),
            ("FAB", Some(Dimension::Fab)),
        ] {
            if !what.contains(&name) {
                continue;
            }
            let (e, m, w) = (score(expert, d), score(mediocre, d), score(weak, d));
            if !(e > m && m > w) {
                wrong.push(format!(
                    "{id} seed {seed} {name}: expert {e}, mediocre {m}, weak {w}"
                ));
            }
        }
    }
    wrong
}

#[test]
fn experts_beat_mediocre_players_who_beat_weak_ones_on_overall_laer_and_fab() {
    let runs = runs();
    let mut wrong = Vec::new();
    for id in scenarios(&runs) {
        wrong.extend(ranking_problems(&runs, &id, &["overall", "LAER", "FAB"]));
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn stuffers_and_pasters_stay_below_mediocre_players_and_below_half_on_laer() {
    let runs = runs();
    let mut wrong = Vec::new();
    for id in scenarios(&runs) {
        for seed in SEEDS {
            let mediocre = find(&runs, &id, "mediocre", seed).card.overall;
            for player in ["stuffer", "paster"] {
                let card = &find(&runs, &id, player, seed).card;
                if card.overall >= mediocre {
                    wrong.push(format!(
                        "{id} seed {seed}: {player} overall {} >= mediocre {mediocre}",
                        card.overall
                    ));
                }
                if card.get(Dimension::Laer) >= 50.0 {
                    wrong.push(format!(
                        "{id} seed {seed}: {player} LAER {}",
                        card.get(Dimension::Laer)
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn quitting_at_once_scores_near_zero() {
    for scenario in shipped_scenarios() {
        let p = Prepared::new(scenario).unwrap();
        for tier in Difficulty::ALL {
            let mut s = Session::start(&p, tier, 1);
            s.end();
            let card = s.scorecard();
            assert!(
                card.overall < 10.0,
                "{} {}: {card:?}",
                p.scenario.id,
                tier.name()
            );
            for d in [
                Dimension::Fab,
                Dimension::Concessions,
                Dimension::Relationship,
                Dimension::Ethics,
            ] {
                assert!(
                    card.not_assessed.contains(&d),
                    "{}: {d:?} assessed",
                    p.scenario.id
                );
            }
        }
    }
}

/// Expert and mediocre deals below the floor in one scenario.
fn floor_problems(runs: &[Run], id: &str) -> Vec<String> {
    let floor = prepared(id).scenario.product.floor;
    runs.iter()
        .filter(|r| r.scenario == id && (r.player == "expert" || r.player == "mediocre"))
        .filter_map(|r| match r.session.outcome() {
            Some(Outcome::Deal { price, turn }) if *price < floor => Some(format!(
                "{} {} seed {}: deal at {price} below {floor} (turn {turn}: {:?})",
                r.scenario,
                r.player,
                r.seed,
                r.session.turns()[*turn as usize - 1].text
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn no_expert_or_mediocre_run_ends_below_the_floor() {
    let runs = runs();
    let wrong: Vec<String> = scenarios(&runs)
        .iter()
        .flat_map(|id| floor_problems(&runs, id))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Checks one debrief against its scorecard; returns what is wrong.
fn debrief_problems(p: &Prepared, s: &Session, card: &Scorecard, lang: Lang) -> Vec<String> {
    let scenario = &p.scenario;
    let d = debrief(scenario, s.turns(), card, Locale::builtin(lang));
    let mut wrong = Vec::new();
    let turn = |n: u32| s.turns().iter().find(|t| t.number == n);
    let lost = |n: u32| card.items.iter().any(|i| i.turn == n && i.points < 0.0);
    for (section, points) in [("well", &d.well), ("keep", &d.keep)] {
        for point in points {
            let Some(rule) = point.rule else {
                wrong.push(format!("{section}: {:?} names no rule", point.text));
                continue;
            };
            let earned = card.items.iter().any(|i| {
                i.rule == rule
                    && i.turn == point.turn
                    && i.points > 0.0
                    && rule.kind() == RuleKind::Gain
            });
            if !earned {
                wrong.push(format!(
                    "{section}: {rule} at turn {} earned no points",
                    point.turn
                ));
            }
            if point.turn > 0 && lost(point.turn) {
                wrong.push(format!(
                    "{section}: praises turn {} ({rule}), which lost points",
                    point.turn
                ));
            }
            if point.turn > 0 && !turn(point.turn).is_some_and(|t| t.text.contains(&point.quote)) {
                wrong.push(format!(
                    "{section}: {:?} is not what the player said",
                    point.quote
                ));
            }
        }
    }
    for point in &d.improve {
        let Some(rule) = point.rule else {
            wrong.push(format!("improve: {:?} names no rule", point.text));
            continue;
        };
        let Some(t) = turn(point.turn) else {
            wrong.push(format!("improve: {rule} quotes no reply"));
            continue;
        };
        if point.quote.is_empty() || !t.text.contains(&point.quote) {
            wrong.push(format!(
                "improve: {rule} quotes {:?}, not turn {}",
                point.quote, t.number
            ));
        }
        let at_fault = card.items.iter().any(|i| {
            i.rule == rule
                && i.turn == t.number
                && (i.points < 0.0
                    || matches!(
                        rule.kind(),
                        RuleKind::Partial | RuleKind::Missing | RuleKind::Cap
                    ))
        });
        if !at_fault {
            wrong.push(format!(
                "improve: turn {} did not make the mistake {rule}",
                t.number
            ));
        }
        // a step said to be missing is not in the reply quoted for it
        let step = match rule {
            Rule::LaerMissingListen => Some(Laer::Listen),
            Rule::LaerMissingAcknowledge => Some(Laer::Acknowledge),
            Rule::LaerMissingExplore => Some(Laer::Explore),
            Rule::LaerMissingRespond => Some(Laer::Respond),
            _ => None,
        };
        if let Some(step) = step
            && t.analysis.has_laer(step)
            && !t.analysis.negatives.contains(&Negative::KeywordStuffing)
        {
            wrong.push(format!(
                "improve: {rule} quotes turn {}, which has {step:?}",
                t.number
            ));
        }
        if let Some(better) = &point.better {
            let lesson = rule.lesson();
            let fits = scenario.objections.iter().any(|o| {
                o.model_answers.iter().any(|m| {
                    m.text() == better
                        && lesson.is_some_and(|l| m.demonstrates(l) || l == "relevance")
                })
            });
            if !fits {
                wrong.push(format!(
                    "improve: {rule} offers {better:?}, not a model answer showing {lesson:?}"
                ));
            }
            // "try instead" is never what the player already said
            let key = said_key(better);
            if s.turns().iter().any(|t| said_key(&t.text) == key) {
                wrong.push(format!(
                    "improve: {rule} offers the player's own reply {better:?}"
                ));
            }
        }
    }
    wrong
}

#[test]
fn every_debrief_agrees_with_its_scorecard() {
    let mut wrong = Vec::new();
    for r in runs() {
        let p = prepared(&r.scenario);
        let lang = p.scenario.lang();
        for problem in debrief_problems(&p, &r.session, &r.card, lang) {
            wrong.push(format!(
                "{} {} seed {}: {problem}",
                r.scenario, r.player, r.seed
            ));
        }
    }
    // the bots' games too, on every shipped scenario
    for scenario in shipped_scenarios() {
        let p = Prepared::new(scenario).unwrap();
        let lang = p.scenario.lang();
        for kind in Kind::ALL {
            for seed in 0..3 {
                let s = bots::play(&p, kind, Difficulty::Normal, seed);
                let card = s.scorecard();
                for problem in debrief_problems(&p, &s, &card, lang) {
                    wrong.push(format!(
                        "{} bot {} seed {seed}: {problem}",
                        p.scenario.id,
                        kind.name()
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} problems: {wrong:#?}", wrong.len());
}

/// Prints each play-through turn by turn with its tags, items and debrief:
/// `DUMP="hengda-packaging-en expert" cargo test --test it dump -- --ignored --nocapture`.
#[test]
#[ignore = "a tool for reading play-throughs, not a check"]
fn dump() {
    let only = std::env::var("DUMP").unwrap_or_default();
    for f in files() {
        let p = prepared(&f.scenario);
        for (who, replies) in &f.players {
            if !only.is_empty() && !format!("{} {who}", f.scenario).contains(&only) {
                continue;
            }
            let s = play(&p, replies, 1);
            let card = s.scorecard();
            println!("=== {} {who}: {:?}", f.scenario, s.outcome());
            for l in s.opening() {
                println!("  C: {l}");
            }
            for t in s.turns() {
                let a = &t.analysis;
                println!("{}. [{:?}] {}", t.number, t.objection, t.text);
                println!(
                    "   laer {:?} q {:?} fab {:?} tech {:?} neg {:?} offers {:?} pains {:?} feats {:?}",
                    a.laer,
                    a.question,
                    a.fab,
                    a.techniques,
                    a.negatives,
                    a.offers,
                    a.pains,
                    a.features
                );
                let (f, o) = counteroffer::scoring::relevance::explain(&p.scenario, &t.text);
                println!("   foreign {f:?} own {o:?}");
                println!(
                    "   events {:?} trust {:.2} pat {:.1} val {:.2}",
                    t.events, t.meters.trust, t.meters.patience, t.meters.value
                );
                for l in &t.persona {
                    println!("   C: {l}");
                }
            }
            for i in &card.items {
                println!(
                    "   {:>6.1} {:?} t{} {} {:?}",
                    i.points, i.dimension, i.turn, i.rule, i.objection
                );
            }
            println!("   overall {} {:?}", card.overall, card.dimensions);
            let locale = Locale::builtin(p.scenario.lang());
            let d = debrief(&p.scenario, s.turns(), &card, locale);
            println!(
                "{}",
                counteroffer::scoring::debrief::render_text(&card, &d, locale)
            );
        }
    }
}

/// Prints one bot game: `DUMP_BOT="hengda-packaging-en ideal 3"`.
#[test]
#[ignore = "a tool for reading bot games, not a check"]
fn dump_bot() {
    let Ok(spec) = std::env::var("DUMP_BOT") else {
        return;
    };
    let parts: Vec<&str> = spec.split(' ').collect();
    let p = prepared(parts[0]);
    let kind = Kind::ALL
        .into_iter()
        .find(|k| k.name() == parts[1])
        .unwrap();
    let seed: u64 = parts[2].parse().unwrap();
    let s = bots::play(&p, kind, Difficulty::Normal, seed);
    for t in s.turns() {
        println!(
            "{}. [{:?}] {} | {:?} {:?}",
            t.number, t.objection, t.text, t.analysis.laer, t.events
        );
    }
    for i in &s.scorecard().items {
        println!(
            "   {:>6.1} t{} {} {:?}",
            i.points, i.turn, i.rule, i.objection
        );
    }
}

/// Prints the scores of every play-through as a table:
/// `cargo test --test it score_table -- --ignored --nocapture`.
#[test]
#[ignore = "a tool for reporting, not a check"]
fn score_table() {
    println!(
        "| scenario | player | seed | outcome | overall | LAER | FAB | concessions | outcome | relationship | ethics |"
    );
    println!("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for r in runs() {
        let cell = |d: Dimension| {
            r.card
                .score(d)
                .map_or("n/a".to_string(), |v| format!("{v:.1}"))
        };
        let outcome = match r.session.outcome() {
            Some(Outcome::Deal { price, .. }) => format!("deal {price:.0}"),
            Some(Outcome::WalkAway { .. }) => "walked away".to_string(),
            _ => "ended".to_string(),
        };
        println!(
            "| {} | {} | {} | {outcome} | {:.1}{} | {} | {} | {} | {} | {} | {} |",
            r.scenario,
            r.player,
            r.seed,
            r.card.overall,
            if r.card.capped_at.is_some() {
                " (capped)"
            } else {
                ""
            },
            cell(Dimension::Laer),
            cell(Dimension::Fab),
            cell(Dimension::Concessions),
            cell(Dimension::Outcome),
            cell(Dimension::Relationship),
            cell(Dimension::Ethics),
        );
    }
}

/// The ideal bot trades every concession for a commitment ("On a two-year
/// commitment I could go to $14,820.", "如果签两年，我可以做到…"): the
/// scorer reads each of them as conditional, in every shipped scenario.
#[test]
fn the_ideal_bots_traded_concessions_are_never_scored_unconditional() {
    let mut wrong = Vec::new();
    for scenario in shipped_scenarios() {
        let p = Prepared::new(scenario).unwrap();
        for seed in 0..3 {
            let s = bots::play(&p, Kind::Ideal, Difficulty::Normal, seed);
            for i in s.scorecard().items {
                if i.rule == Rule::ConcUnconditional {
                    wrong.push(format!("{} seed {seed}: {:?}", p.scenario.id, i.quote));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
