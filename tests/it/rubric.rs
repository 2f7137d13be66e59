//! The rubric is visible and pinned: `counteroffer rubric` in both
//! languages, the rubric version in transcripts and reports, and older
//! transcripts still read.

use std::process::Command;

use counteroffer::report::{Format, Report};
use counteroffer::scenario::{Difficulty, shipped_scenarios};
use counteroffer::scoring::rubric::{RUBRIC_VERSION, Rule};
use counteroffer::scoring::scorecard::Dimension;
use counteroffer::session::Prepared;
use counteroffer::session::bots::{self, Kind};
use counteroffer::session::transcript::{Check, SCHEMA, Transcript, check};

fn prepared(id: &str) -> Prepared {
    Prepared::new(
        shipped_scenarios()
            .into_iter()
            .find(|s| s.id == id)
            .unwrap(),
    )
    .unwrap()
}

#[test]
fn the_rubric_command_prints_every_rule_points_and_weights_in_both_languages() {
    for (lang, weight_word) in [("en", "LAER"), ("zh-CN", "倾听-认同-探索-回应")] {
        let out = Command::new(env!("CARGO_BIN_EXE_counteroffer"))
            .args(["rubric", "--lang", lang])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(&format!("{RUBRIC_VERSION}")), "{text}");
        assert!(text.contains(weight_word) && text.contains("25%"), "{text}");
        for rule in Rule::current() {
            let line = text
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("{} ", rule.id())))
                .unwrap_or_else(|| panic!("{lang}: no line for {rule}"));
            assert!(
                !line.contains("rule."),
                "{lang}: {rule} has no text: {line}"
            );
        }
        assert!(
            !text.contains("conc.start"),
            "retired rules are not printed"
        );
        assert!(text.contains("60"), "the cap is stated");
    }
}

#[test]
fn transcripts_and_reports_record_the_rubric_version() {
    let p = prepared("hengda-packaging-en");
    let s = bots::play(&p, Kind::Ideal, Difficulty::Normal, 4);
    let t = Transcript::from_session(&s);
    assert_eq!(t.schema, SCHEMA);
    assert_eq!(t.scorecard.rubric, RUBRIC_VERSION);
    let json = t.to_json();
    assert!(json.contains(&format!("\"rubric\": {RUBRIC_VERSION}")));
    let r = Report::new(&t, &p.scenario);
    assert!(
        r.render(Format::Markdown)
            .contains(&format!("rubric v{RUBRIC_VERSION}"))
    );
    assert!(
        r.render(Format::Html)
            .contains(&format!("rubric v{RUBRIC_VERSION}"))
    );
    assert_eq!(
        check(&p, &Transcript::from_json(&json).unwrap()),
        Check::Matches(s.scorecard())
    );
}

#[test]
fn a_dimension_not_assessed_is_reported_as_such() {
    let p = prepared("deren-dental-zh");
    let mut s = counteroffer::session::Session::start(&p, Difficulty::Normal, 1);
    s.reply("张院长您好，我理解您的顾虑。").unwrap();
    s.end();
    let t = Transcript::from_session(&s);
    assert!(t.scorecard.not_assessed.contains(&Dimension::Concessions));
    assert!(t.scorecard.score(Dimension::Concessions).is_none());
    let md = Report::new(&t, &p.scenario).render(Format::Markdown);
    assert!(md.contains("未评估"), "{md}");
}

#[test]
fn a_schema_1_transcript_is_read_and_re_scored_under_this_rubric() {
    let p = prepared("reilly-training-en");
    let s = bots::play(&p, Kind::Ideal, Difficulty::Normal, 2);
    let t = Transcript::from_session(&s);
    // what rubric 1 wrote: no rubric field, concessions starting at 100
    let mut v: serde_json::Value = serde_json::from_str(&t.to_json()).unwrap();
    v["schema"] = 1.into();
    let card = v["scorecard"].as_object_mut().unwrap();
    card.remove("rubric");
    card.remove("not_assessed");
    card.remove("capped_at");
    card["overall"] = 91.0.into();
    card["items"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"dimension": "concessions", "turn": 0, "quote": "", "rule": "conc.start", "points": 100.0}));
    let old = Transcript::from_json(&v.to_string()).expect("schema 1 still reads");
    assert_eq!(old.scorecard.rubric, 1);
    match check(&p, &old) {
        Check::RubricChanged {
            recorded,
            recomputed,
        } => {
            assert_eq!(recorded, 1);
            assert_eq!(recomputed, s.scorecard());
        }
        other => panic!("{other:?}"),
    }
    // a report of it still renders, retired rules and all
    let md = Report::new(&old, &p.scenario).render(Format::Markdown);
    assert!(md.contains("rubric v1"), "{md}");

    let dir = std::env::temp_dir().join(format!("co-rubric-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("old.json");
    std::fs::write(&path, v.to_string()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_counteroffer"))
        .arg("score")
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("scored under rubric 1")
            && stderr.contains(&format!("re-scored under rubric {RUBRIC_VERSION}")),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).unwrap();

    assert!(
        Transcript::from_json("{\"schema\": 3}")
            .unwrap_err()
            .contains("schemas 1 to 2")
    );
}

fn items_of(
    card: &counteroffer::scoring::scorecard::Scorecard,
    objection: &str,
) -> Vec<(Rule, u32)> {
    card.items
        .iter()
        .filter(|i| i.objection.as_deref() == Some(objection))
        .map(|i| (i.rule, i.turn))
        .collect()
}

#[test]
fn exploring_a_worry_before_it_is_raised_counts_for_it() {
    let p = prepared("hengda-packaging-en");
    let mut s = counteroffer::session::Session::start(&p, Difficulty::Normal, 1);
    for reply in [
        "I understand, eight thousand is real money. Before we compare, how does the approval process work on your side, and when does the committee decide?",
        "Spread over eight years that difference is about 83 dollars a month, and the predictive sensors warn you two weeks before a breakdown, so your night shift keeps running.",
        "Yantai Carton runs two sizes too; after switching, their changeovers dropped from 45 to 8 minutes and they freed one operator per shift.",
        "If you sign this week, I can do 46,000.",
        "If the order is in before the committee meets, I can include operator training for both shifts.",
    ] {
        if s.outcome().is_none() {
            s.reply(reply).unwrap();
        }
    }
    s.end();
    let raised_at = s
        .turns()
        .iter()
        .find(|t| t.events.iter().any(|e| matches!(e, counteroffer::record::Event::Raised { objection } if objection == "delay-1")))
        .map(|t| t.number)
        .expect("the delay is raised after the offer");
    let card = s.scorecard();
    let delay = items_of(&card, "delay-1");
    assert!(
        delay.iter().any(
            |(r, t)| matches!(r, Rule::LaerExploreUncovered | Rule::LaerExploreOpen)
                && *t < raised_at
        ),
        "{delay:?}"
    );
    assert!(
        !delay.iter().any(|(r, _)| *r == Rule::LaerPremature),
        "{delay:?}"
    );
}

#[test]
fn acknowledging_only_after_answering_earns_less_and_the_debrief_says_so() {
    let p = prepared("hengda-packaging-en");
    let mut s = counteroffer::session::Session::start(&p, Difficulty::Normal, 1);
    s.reply("Spread over eight years that difference is about 83 dollars a month.")
        .unwrap();
    s.reply("I understand, eight thousand over Vendor B is real money.")
        .unwrap();
    s.end();
    let card = s.scorecard();
    let price = items_of(&card, "price-1");
    assert!(price.contains(&(Rule::LaerAcknowledgeLate, 2)), "{price:?}");
    assert!(price.contains(&(Rule::LaerPremature, 1)), "{price:?}");
    let d = counteroffer::scoring::debrief::debrief(
        &p.scenario,
        s.turns(),
        &card,
        counteroffer::i18n::Locale::builtin(counteroffer::lang::Lang::En),
    );
    assert!(
        d.improve
            .iter()
            .any(|i| i.rule == Some(Rule::LaerAcknowledgeLate)),
        "{d:#?}"
    );
    assert!(
        !d.well
            .iter()
            .any(|i| i.rule == Some(Rule::LaerAcknowledgeLate))
    );
}

#[test]
fn holding_the_price_without_trading_against_a_real_budget_gap_is_not_perfect() {
    let p = prepared("hengda-packaging-en");
    let mut s = counteroffer::session::Session::start(&p, Difficulty::Normal, 1);
    for _ in 0..6 {
        if s.outcome().is_some() {
            break;
        }
        s.reply("I understand. The price is 48,000.").unwrap();
    }
    s.end();
    let card = s.scorecard();
    let rules: Vec<Rule> = card
        .items
        .iter()
        .filter(|i| i.dimension == Dimension::Concessions)
        .map(|i| i.rule)
        .collect();
    assert!(rules.contains(&Rule::ConcNoMovement), "{rules:?}");
    assert!(card.get(Dimension::Concessions) <= 25.0, "{card:?}");
}
