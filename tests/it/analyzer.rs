//! The reply analyzer: the CLI contract, offers from the examples,
//! robustness, and precision/recall on the labelled set in tests/labelled/.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use counteroffer::analysis::lexicon::builtin;
use counteroffer::analysis::{Analysis, Analyzer, Offer, QuestionKind};
use counteroffer::scenario::{Scenario, load_paths};
use proptest::prelude::*;
use serde::Deserialize;

pub(crate) fn scenarios() -> BTreeMap<String, Scenario> {
    load_paths(&[PathBuf::from("scenarios")])
        .into_iter()
        .filter_map(|l| l.scenario)
        .map(|s| (s.id.clone(), s))
        .collect()
}

fn plain(lang: &str) -> Analyzer {
    Analyzer::new(builtin(lang).expect("builtin lexicon"), None)
}

fn offers(lang: &str, text: &str) -> Vec<Offer> {
    plain(lang).analyze(text, None).offers
}

/// Whether any offer in `a` is one `what` looks for.
fn offers_any(a: &Analysis, what: impl Fn(&Offer) -> bool) -> bool {
    a.offers.iter().any(what)
}

fn price(amount: f64, currency: Option<&str>, conditional: bool) -> Offer {
    Offer::Price {
        amount,
        currency: currency.map(String::from),
        conditional,
    }
}

#[test]
fn reads_the_price_forms_named_in_the_brief() {
    assert_eq!(
        offers("en", "I can do $9,500."),
        vec![price(9500.0, Some("USD"), false)]
    );
    assert_eq!(
        offers("en", "Let's say 9.5k."),
        vec![price(9500.0, None, false)]
    );
    assert_eq!(
        offers("en", "How about 8000?"),
        vec![price(8000.0, None, false)]
    );
    assert_eq!(
        offers("zh-CN", "¥12,000可以吗"),
        vec![price(12000.0, Some("CNY"), false)]
    );
    assert_eq!(
        offers("zh-CN", "1.2万吧"),
        vec![price(12000.0, None, false)]
    );
    assert_eq!(
        offers("zh-CN", "一万二怎么样"),
        vec![price(12000.0, None, false)]
    );
    assert_eq!(
        offers("zh-CN", "8000元"),
        vec![price(8000.0, Some("CNY"), false)]
    );
}

#[test]
fn reads_discounts_and_conditions() {
    assert_eq!(
        offers("en", "I can take 10% off."),
        vec![Offer::DiscountPercent {
            percent: 10.0,
            conditional: false
        }]
    );
    assert_eq!(
        offers("zh-CN", "给您打九折"),
        vec![Offer::DiscountPercent {
            percent: 10.0,
            conditional: false
        }]
    );
    assert_eq!(
        offers("zh-CN", "九五折"),
        vec![Offer::DiscountPercent {
            percent: 5.0,
            conditional: false
        }]
    );
    assert_eq!(
        offers("zh-CN", "优惠两千"),
        vec![Offer::DiscountAmount {
            amount: 2000.0,
            conditional: false
        }]
    );
    assert_eq!(
        offers("en", "If you sign for two years, I can do 9,000."),
        vec![price(9000.0, None, true)]
    );
    assert_eq!(
        offers("zh-CN", "如果您签两年，我们可以打九折。"),
        vec![Offer::DiscountPercent {
            percent: 10.0,
            conditional: true
        }]
    );
}

#[test]
fn numbers_that_are_not_prices_are_not_offers() {
    for text in [
        "We've been doing this since 2015.",
        "It covers 40 seats for 3 years.",
        "Call me on 5551234567.",
        "Electricity use drops by 30% compared with pneumatic packers.",
        "The depot is 30 km away and the engineer arrives in 4 hours.",
        "我们有120名员工，两班倒。",
        "换型从45分钟降到8分钟。",
        "按八年折算。",
    ] {
        assert!(
            offers(if text.is_ascii() { "en" } else { "zh-CN" }, text).is_empty(),
            "{text}"
        );
    }
}

#[test]
fn a_figure_after_one_of_the_customers_pains_is_its_cost_not_an_offer() {
    // found by playing: "小二十万" was read as a price of ¥200,000 and
    // "少收一万多" as ¥10,000 off; the customer checked each figure and the
    // next reply bound it
    let all = scenarios();
    for (lang, id, text) in [
        (
            "zh-CN",
            "hengda-packaging-zh",
            "这么算一年光停机就小二十万。",
        ),
        (
            "en",
            "hengda-packaging-en",
            "Jams on the night shift run to 27,000 a year.",
        ),
    ] {
        let a = Analyzer::new(builtin(lang).unwrap(), all.get(id));
        assert!(a.analyze(text, None).offers.is_empty(), "{text}");
    }
    // a pain term after the figure, a pain term that is an offer word, and
    // an offer framed between the pain and the figure all still offer
    let a = Analyzer::new(builtin("en").unwrap(), all.get("reilly-training-en"));
    for text in [
        "10% off if you confirm before Christmas.",
        "Discounting aside, I can give 10% off.",
    ] {
        let r = a.analyze(text, None);
        assert!(
            offers_any(&r, |o| matches!(o, Offer::DiscountPercent { .. })),
            "{text}: {r:?}"
        );
    }
    let a = Analyzer::new(builtin("en").unwrap(), all.get("hengda-packaging-en"));
    let r = a.analyze("To stop the jams I can do 44,000.", None);
    assert!(
        offers_any(
            &r,
            |o| matches!(o, Offer::Price { amount, .. } if *amount == 44_000.0)
        ),
        "{r:?}"
    );
}

#[test]
fn scenario_tradeables_become_offers_and_features_are_named() {
    let all = scenarios();
    let a = Analyzer::new(builtin("en").unwrap(), all.get("hengda-packaging-en"));
    let r = a.analyze(
        "If you order before the 15th, I can include operator training and the extended warranty.",
        None,
    );
    let ids: Vec<_> = r
        .offers
        .iter()
        .filter_map(|o| {
            if let Offer::Tradeable { id, conditional } = o {
                assert!(conditional);
                Some(id.as_str())
            } else {
                None
            }
        })
        .collect();
    assert_eq!(ids, vec!["extended_warranty", "operator_training"]);
    let r = a.analyze(
        "The tool-free changeover takes 8 minutes instead of 45.",
        None,
    );
    assert_eq!(r.features, vec!["quick_changeover"]);
}

#[test]
fn a_benefit_touching_no_pain_of_this_persona_counts_as_an_advantage() {
    let all = scenarios();
    let a = Analyzer::new(builtin("en").unwrap(), all.get("hengda-packaging-en"));
    let r = a.analyze(
        "Our servo drives come in blue, so your brand colours match.",
        None,
    );
    assert!(
        r.fab
            .contains(&counteroffer::analysis::tags::Fab::Advantage),
        "{r:?}"
    );
    assert!(
        !r.fab.contains(&counteroffer::analysis::tags::Fab::Benefit),
        "{r:?}"
    );
}

#[test]
fn listening_needs_the_customers_words_when_they_are_known() {
    let a = plain("en");
    let context = Some("Your price is twenty percent above Vendor B.");
    assert!(
        a.analyze(
            "So what you're saying is the price is above Vendor B.",
            context
        )
        .has_laer(counteroffer::analysis::tags::Laer::Listen)
    );
    assert!(
        !a.analyze("So what you're saying is you like golf.", context)
            .has_laer(counteroffer::analysis::tags::Laer::Listen)
    );
}

#[test]
fn jsonl_answers_every_line_in_order_and_survives_bad_lines() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_counteroffer"))
        .args(["analyze", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = "{\"text\": \"I understand. What would the budget need to look like?\"}\nnot json\n\u{fe}\u{ff}\n{\"text\": \"打九折怎么样？\", \"context\": \"太贵了\"}\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(
        lines[0]["laer"],
        serde_json::json!(["acknowledge", "explore"])
    );
    assert_eq!(lines[0]["question"], "open");
    assert_eq!(
        lines[0]["evidence"][0],
        serde_json::json!({"tag": "acknowledge", "start": 0, "end": 12, "text": "I understand"})
    );
    assert!(lines[1]["error"].is_string());
    assert!(lines[2]["error"].is_string());
    assert_eq!(lines[3]["lang"], "zh-CN");
    assert_eq!(
        lines[3]["offers"],
        serde_json::json!([{"kind": "discount_percent", "percent": 10.0, "conditional": false}])
    );
}

/// Text as players type it (words, numbers, currency, CJK, emoji, RTL) up to
/// the 10,000-character reply limit, or any characters at all.
fn reply_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("I understand ".to_string()),
        Just("how about $9,500 ".to_string()),
        Just("如果您签两年，我们可以打九五折。".to_string()),
        Just("一万二".to_string()),
        Just("10% off ".to_string()),
        Just("😀🇨🇳 ".to_string()),
        Just("مرحبا שלום ".to_string()),
        "\\PC{0,12}",
        any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        "\\PC{0,300}",
        prop::collection::vec(piece, 0..1200).prop_map(|p| p
            .concat()
            .chars()
            .take(10_000)
            .collect()),
        prop::collection::vec(any::<char>(), 0..10_000).prop_map(String::from_iter),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_text_gives_a_result_with_evidence_on_char_boundaries(text in reply_text(), zh in any::<bool>()) {
        let a = plain(if zh { "zh-CN" } else { "en" });
        let r = a.analyze(&text, Some(&text));
        for e in &r.evidence {
            prop_assert!(e.start <= e.end && e.end <= text.len());
            prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
            prop_assert_eq!(&text[e.start..e.end], e.text.as_str());
        }
    }
}

#[test]
fn long_and_mixed_script_text_does_not_panic() {
    let a = plain("en");
    // the same acknowledgement 800 times is keyword stuffing, not 800 acknowledgements
    let long = "I understand. ".repeat(800);
    let stuffed = a.analyze(&long, None);
    assert!(
        stuffed
            .negatives
            .contains(&counteroffer::analysis::tags::Negative::KeywordStuffing)
    );
    assert!(stuffed.laer.is_empty());
    for text in [
        "",
        "😀😀 $ 9,",
        "مرحبا 9,500 שלום",
        "价格 12,000 元 (USD 1,650)",
        "1,2,3,,,4...5",
        "十十十万万万亿",
        "9.5k.5k",
        "打折折折",
    ] {
        let _ = a.analyze(text, Some(text));
        let _ = plain("zh-CN").analyze(text, None);
    }
}

/// One labelled reply; a missing list means "none expected".
#[derive(Deserialize)]
struct Labelled {
    scenario: String,
    text: String,
    context: Option<String>,
    #[serde(default)]
    laer: Vec<String>,
    question: Option<String>,
    #[serde(default)]
    fab: Vec<String>,
    #[serde(default)]
    techniques: Vec<String>,
    #[serde(default)]
    negatives: Vec<String>,
    /// Offer kinds, plus "conditional" when any offer is.
    #[serde(default)]
    offers: Vec<String>,
}

pub(crate) fn predicted_tags(a: &Analysis) -> BTreeSet<String> {
    let mut tags: BTreeSet<String> = BTreeSet::new();
    tags.extend(a.laer.iter().map(|t| t.name().to_string()));
    tags.extend(a.fab.iter().map(|t| t.name().to_string()));
    tags.extend(a.techniques.iter().map(|t| t.name().to_string()));
    tags.extend(a.negatives.iter().map(|t| t.name().to_string()));
    if let Some(q) = a.question {
        tags.insert(format!(
            "question:{}",
            if q == QuestionKind::Open {
                "open"
            } else {
                "closed"
            }
        ));
    }
    for o in &a.offers {
        let kind = match o {
            Offer::Price { .. } => "price",
            Offer::DiscountPercent { .. } => "discount_percent",
            Offer::DiscountAmount { .. } => "discount_amount",
            Offer::Tradeable { .. } => "tradeable",
        };
        tags.insert(format!("offer:{kind}"));
        if o.conditional() {
            tags.insert("offer:conditional".into());
        }
    }
    tags
}

fn expected_tags(l: &Labelled) -> BTreeSet<String> {
    let mut tags: BTreeSet<String> = l
        .laer
        .iter()
        .chain(&l.fab)
        .chain(&l.techniques)
        .chain(&l.negatives)
        .cloned()
        .collect();
    tags.extend(l.question.iter().map(|q| format!("question:{q}")));
    tags.extend(l.offers.iter().map(|o| format!("offer:{o}")));
    tags
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

/// Per-tag precision and recall over both labelled files; prints the table
/// (`cargo test labelled -- --nocapture`) and fails below 0.85.
#[test]
fn labelled_set_precision_and_recall() {
    let all = scenarios();
    let mut analyzers: BTreeMap<String, Analyzer> = BTreeMap::new();
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut total = 0;
    for file in ["tests/labelled/en.jsonl", "tests/labelled/zh-CN.jsonl"] {
        for (n, line) in std::fs::read_to_string(file).unwrap().lines().enumerate() {
            let l: Labelled =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{file}:{}: {e}", n + 1));
            let scenario = all
                .get(&l.scenario)
                .unwrap_or_else(|| panic!("{file}:{}: unknown scenario {}", n + 1, l.scenario));
            let a = analyzers.entry(l.scenario.clone()).or_insert_with(|| {
                Analyzer::new(builtin(&scenario.language).unwrap(), Some(scenario))
            });
            let got = predicted_tags(&a.analyze(&l.text, l.context.as_deref()));
            let want = expected_tags(&l);
            for t in got.union(&want) {
                let c = counts.entry(t.clone()).or_default();
                match (got.contains(t), want.contains(t)) {
                    (true, true) => c.tp += 1,
                    (true, false) => c.fp += 1,
                    _ => c.fn_ += 1,
                }
            }
            if got != want {
                misses.push(format!(
                    "{file}:{}: {}\n    extra {:?} missing {:?}",
                    n + 1,
                    l.text,
                    got.difference(&want).collect::<Vec<_>>(),
                    want.difference(&got).collect::<Vec<_>>()
                ));
            }
            total += 1;
        }
    }
    println!(
        "{total} labelled replies\n{:<28} {:>5} {:>5} {:>5} {:>9} {:>7}",
        "tag", "tp", "fp", "fn", "precision", "recall"
    );
    let mut failing = Vec::new();
    for (tag, c) in &counts {
        let precision = c.tp as f64 / (c.tp + c.fp).max(1) as f64;
        let recall = c.tp as f64 / (c.tp + c.fn_).max(1) as f64;
        println!(
            "{tag:<28} {:>5} {:>5} {:>5} {precision:>9.2} {recall:>7.2}",
            c.tp, c.fp, c.fn_
        );
        if precision < 0.85 || recall < 0.85 {
            failing.push(tag.clone());
        }
    }
    println!(
        "replies not tagged exactly as labelled:\n{}",
        misses.join("\n")
    );
    assert!(
        failing.is_empty(),
        "tags below 0.85 precision or recall: {failing:?}"
    );
}

fn in_scenario(id: &str, text: &str) -> Analysis {
    let s = &scenarios()[id];
    Analyzer::new(builtin(&s.language).expect("builtin lexicon"), Some(s)).analyze(text, None)
}

#[test]
fn bottom_lines_name_their_price_and_chinese_amounts_read_as_people_say_them() {
    use counteroffer::analysis::tags::Negative;
    let a = plain("zh-CN").analyze("跟您说实话，我们最低底价就是29万5，再低就没提成了。", None);
    assert!(a.negatives.contains(&Negative::RevealBottomLine), "{a:?}");
    assert_eq!(a.offers, vec![price(295000.0, None, false)]);
    // "让" straight before an amount concedes that much off; "让到" names the price
    assert_eq!(
        offers("zh-CN", "价格我让三万。"),
        vec![Offer::DiscountAmount {
            amount: 30000.0,
            conditional: false
        }]
    );
    assert_eq!(
        offers("zh-CN", "我最多让到30万。"),
        vec![price(300000.0, None, false)]
    );
    // "X的话" is a condition; "这样的话" ("in that case") is not
    assert!(offers("zh-CN", "您签三年维保合同的话，设备我可以做到31.2万。")[0].conditional());
    assert!(!offers("zh-CN", "这样的话，我给您做到30万。")[0].conditional());
}

#[test]
fn a_condition_asking_for_a_commitment_in_the_next_sentence_makes_the_offer_conditional() {
    let conditional = |lang: &str, text: &str| {
        let found = offers(lang, text);
        assert!(!found.is_empty(), "no offer in {text:?}");
        found.iter().all(Offer::conditional)
    };
    for text in [
        "I can go to 14,600. For that I'd need the two-year term.",
        "I give you 15% off, so 14,280. If sign this month then I confirm for you.",
        "Forty-four thousand for the machine. That's contingent on the three-year service contract.",
        "On a two-year commitment I could go to $14,820.",
        "I can do 44,500. Only if we can agree the three-year term.",
    ] {
        assert!(conditional("en", text), "{text}");
    }
    for text in [
        "再让八百，一万七。前提是您得签两年，不然我没法交差。",
        "最多再让一万七，八十万整。不过恁得答应俺，月底那个会上就报。",
        "价我给您落到三十二万八。可有一条，您得把三年维保合同一块儿签了，成吗？",
    ] {
        assert!(conditional("zh-CN", text), "{text}");
    }
    // a what-if, an invitation or a condition denied asks nothing in return
    for (lang, text) in [
        (
            "en",
            "I can do 14,500. If you have any questions, just let me know.",
        ),
        (
            "en",
            "I can do 14,500. If that works, I'll send the paperwork over.",
        ),
        (
            "zh-CN",
            "我可以给您三十三万。如果您有什么问题，随时联系我。",
        ),
        (
            "zh-CN",
            "我给您做到三十三万。我们不是要您马上签，您先考虑。",
        ),
        (
            "en",
            "I can do 44,500. If you compare what you pay Vendor B, it's cheaper.",
        ),
        (
            "en",
            "I can do 44,500. If you'd like to book a call, just say.",
        ),
        ("en", "I can do 44,500 for the contract."),
    ] {
        assert!(!conditional(lang, text), "{text}");
    }
}

#[test]
fn an_approximate_figure_describes_and_an_offer_frame_still_offers() {
    let cost = in_scenario(
        "hengda-packaging-en",
        "So roughly thirty hours at nine hundred an hour, about 27,000 a year.",
    );
    assert!(cost.offers.is_empty(), "{:?}", cost.offers);
    // "nearly two hundred thousand": the customer asked "you said ¥200,000?"
    for cost in [
        "也就是一年三十个小时，一小时六千多，快二十万了。",
        "一年下来将近二十万。",
    ] {
        let a = in_scenario("hengda-packaging-zh", cost);
        assert!(a.offers.is_empty(), "{cost}: {:?}", a.offers);
    }
    for (id, offer, price) in [
        ("hengda-packaging-en", "How about 45,000?", 45000.0),
        ("hengda-packaging-en", "I can do about 45k.", 45000.0),
        (
            "hengda-packaging-zh",
            "差不多了，我给您做到31万。",
            310000.0,
        ),
    ] {
        let a = in_scenario(id, offer);
        assert!(
            offers_any(
                &a,
                |o| matches!(o, Offer::Price { amount, .. } if *amount == price)
            ),
            "{offer}: {:?}",
            a.offers
        );
    }
}

#[test]
fn what_if_proposes_and_throwing_in_gives() {
    let a = in_scenario(
        "brightwater-saas-en",
        "what if we did 15,800 and threw in the onboarding sessions?",
    );
    assert!(
        offers_any(
            &a,
            |o| matches!(o, Offer::Price { amount, conditional: false, .. } if *amount == 15800.0)
        ),
        "{:?}",
        a.offers
    );
    assert!(
        offers_any(
            &a,
            |o| matches!(o, Offer::Tradeable { id, .. } if id == "guided_onboarding")
        ),
        "{:?}",
        a.offers
    );
}

#[test]
fn questions_that_ask_for_a_view_explore_and_small_talk_or_pushes_do_not() {
    use counteroffer::analysis::tags::{Laer, Negative};
    let zh = plain("zh-CN");
    let a = zh.analyze(
        "如果抛开价格，您觉得乙厂的方案哪些地方还让您不太放心？",
        None,
    );
    assert!(
        a.has_laer(Laer::Explore) && !a.has_laer(Laer::Listen),
        "{a:?}"
    );
    assert_eq!(a.question, Some(QuestionKind::Open));
    let en = plain("en");
    for small_talk in [
        "nice office btw, did you guys just move in?",
        "How's the fleet holding up in this weather?",
    ] {
        assert!(
            !en.analyze(small_talk, None).has_laer(Laer::Explore),
            "{small_talk}"
        );
    }
    for push in [
        "So can we get the PO signed today or not?",
        "Can you really afford to lose another account while you wait?",
    ] {
        let a = en.analyze(push, None);
        assert!(
            a.negatives.contains(&Negative::Pressure) && !a.has_laer(Laer::Explore),
            "{push}: {a:?}"
        );
    }
}

#[test]
fn a_list_of_fragments_naming_the_rubric_is_stuffing_and_lists_no_add_ons() {
    use counteroffer::analysis::tags::Negative;
    for list in [
        "投资回报 节能保证 客户案例 分期付款 延保 免费维保",
        "竞品对比、增值服务、免费培训、延保，这些我们都有。",
    ] {
        let a = in_scenario("haiyue-hvac-zh", list);
        assert_eq!(a.negatives, vec![Negative::KeywordStuffing], "{list}");
        assert!(a.laer.is_empty() && a.offers.is_empty(), "{list}: {a:?}");
    }
    // what a price includes, listed, is an offer's content, not a recital
    let a = in_scenario("haiyue-hvac-zh", "含安装、调试、培训、三年维保，总价80万。");
    assert!(!a.negatives.contains(&Negative::KeywordStuffing), "{a:?}");
}

#[test]
fn the_second_reader_adds_a_paraphrase_in_the_players_own_words_and_quotes_it() {
    use counteroffer::analysis::tags::Laer;
    let s = &scenarios()["brightwater-saas-en"];
    let context = Some(
        "The partners set aside fourteen thousand for project tools this year. That's the number I'm working to.",
    );
    // "Got it, …" before it is a receipt the rules read themselves
    let text = "Right, fourteen thousand is the figure the partners signed off, and that's what you have to work within.";
    let full = Analyzer::new(builtin("en").unwrap(), Some(s));
    let rules = Analyzer::new(builtin("en").unwrap(), Some(s)).rules_only();
    let with = full.analyze(text, context);
    let without = rules.analyze(text, context);
    assert!(!without.has_laer(Laer::Listen), "{without:?}");
    assert!(with.has_laer(Laer::Listen), "{with:?}");
    let quoted = with
        .evidence
        .iter()
        .find(|e| e.tag == "listen")
        .expect("evidence");
    assert_eq!(quoted.text, text, "the sentence it read is quoted whole");
    // never on a reply the rules found stuffed
    let stuffed = full.analyze(
        "Listen, acknowledge, explore, respond. Feature, advantage, benefit. ROI.",
        context,
    );
    assert!(stuffed.laer.is_empty(), "{stuffed:?}");
}

#[test]
fn a_but_followed_by_telling_the_customer_off_or_a_boast_cancels_the_acknowledgement() {
    use counteroffer::analysis::tags::{Laer, Negative};
    let zh = plain("zh-CN");
    let wrong = zh.analyze(
        "我理解，但您这个判断是错的，演示的时候您可能没仔细看。",
        None,
    );
    assert!(
        !wrong.has_laer(Laer::Acknowledge) && wrong.negatives.contains(&Negative::Arguing),
        "{wrong:?}"
    );
    let boast = zh.analyze(
        "理解理解，不过说真的，我们这个牌子在行业里数一数二，没人比我们强。",
        None,
    );
    assert!(
        !boast.has_laer(Laer::Acknowledge) && boast.negatives.contains(&Negative::Exaggeration),
        "{boast:?}"
    );
    // a "but" that moves on to a proposal keeps the acknowledgement
    let fair = zh.analyze("我理解您的顾虑，不过我们可以先试用一个月。", None);
    assert!(fair.has_laer(Laer::Acknowledge), "{fair:?}");
}

#[test]
fn in_a_deal_of_tens_of_thousands_an_offer_may_drop_the_thousands() {
    for (text, amount) in [
        ("44 and it's yours.", 44000.0),
        ("I can close at 46.5 if you sign this week.", 46500.0),
    ] {
        let a = in_scenario("hengda-packaging-en", text);
        assert!(
            offers_any(
                &a,
                |o| matches!(o, Offer::Price { amount: x, .. } if *x == amount)
            ),
            "{text}: {:?}",
            a.offers
        );
    }
    // a percentage stays a percentage
    let a = in_scenario(
        "brightwater-saas-en",
        "I can do 10% off if you sign this week.",
    );
    assert!(
        offers_any(
            &a,
            |o| matches!(o, Offer::DiscountPercent { percent, .. } if *percent == 10.0)
        ),
        "{:?}",
        a.offers
    );
    // no offer frame, or the customer's own figure said back: no price
    for text in [
        "We have 40 staff on two shifts.",
        "Thanks for sharing the 44, I know you didn't have to.",
    ] {
        let a = in_scenario("hengda-packaging-en", text);
        assert!(a.offers.is_empty(), "{text}: {:?}", a.offers);
    }
}

#[test]
fn a_price_said_in_words_without_the_thousands_is_offered() {
    for (id, text, amount) in [
        ("hengda-packaging-en", "forty-three five, final.", 43_500.0),
        (
            "hengda-packaging-en",
            "I can knock two grand off, so forty-six.",
            46_000.0,
        ),
        (
            "brightwater-saas-en",
            "The best I can do now is fourteen-eight, and that needs a two-year term.",
            14_800.0,
        ),
        (
            "reilly-training-en",
            "I can do twenty and a half, but that's as far as it goes.",
            20_500.0,
        ),
        // a product's add-on named in the customer's words is no client story
        (
            "brightwater-saas-en",
            "ok how about 15.5k and i throw in 5 client viewer seats free",
            15_500.0,
        ),
    ] {
        let a = in_scenario(id, text);
        assert!(
            offers_any(
                &a,
                |o| matches!(o, Offer::Price { amount: x, .. } if *x == amount)
            ),
            "{text}: {:?}",
            a.offers
        );
        let case = counteroffer::analysis::tags::Technique::CaseEvidence;
        assert!(!a.techniques.contains(&case), "{text}: {a:?}");
    }
    // a percentage in words, and a condition put as what the offer needs
    let a = in_scenario(
        "brightwater-saas-en",
        "I can take ten percent off the first year if you commit before the end of the month.",
    );
    assert!(
        offers_any(&a, |o| matches!(
            o,
            Offer::DiscountPercent { percent, conditional: true } if *percent == 10.0
        )),
        "{:?}",
        a.offers
    );
    let a = in_scenario(
        "hengda-packaging-en",
        "I can do forty-five two, but that needs the full order confirmed before the 15th.",
    );
    assert!(
        offers_any(&a, |o| matches!(
            o,
            Offer::Price { amount, conditional: true, .. } if *amount == 45_200.0
        )),
        "{:?}",
        a.offers
    );
    // a competitor's gap is "cheaper" in Chinese, not a discount on offer
    let a = with_context(
        "hengda-packaging-zh",
        "乙厂便宜五万多不假，可他们的售后在三小时车程以外。",
        "说实话，你们的价格太高了。乙厂同样干这个活，便宜五万多。",
    );
    assert!(a.offers.is_empty(), "{:?}", a.offers);
    let a = in_scenario("deren-dental-zh", "能给您少两千，一年17800。");
    assert!(
        offers_any(
            &a,
            |o| matches!(o, Offer::DiscountAmount { amount, .. } if *amount == 2000.0)
        ),
        "{:?}",
        a.offers
    );
    // the customer's "forty flat" said back is their figure, and a count of
    // people or weeks in words is no price
    let a = with_context(
        "hengda-packaging-en",
        "Forty thousand, got it, and the engineer is three hours away.",
        "Vendor B is forty flat, but their service engineer is based three hours away.",
    );
    assert!(a.offers.is_empty(), "{:?}", a.offers);
    let a = in_scenario(
        "reilly-training-en",
        "I can run it for twenty five people over two weeks.",
    );
    assert!(a.offers.is_empty(), "{:?}", a.offers);
    // a frame word in an earlier clause ("那就") does not make the rival's
    // price said back an offer (an expert play-through closed at ¥680,000);
    // one after the figure still does
    let a = in_scenario(
        "haiyue-hvac-zh",
        "那就好比了：68 万不保节电，我们 86 万保节电。",
    );
    assert!(a.offers.is_empty(), "{:?}", a.offers);
    let a = in_scenario("haiyue-hvac-zh", "68 万，我们也可以做到。");
    assert!(
        offers_any(
            &a,
            |o| matches!(o, Offer::Price { amount, .. } if *amount == 680_000.0)
        ),
        "{:?}",
        a.offers
    );
}

fn with_context(id: &str, text: &str, context: &str) -> Analysis {
    let s = &scenarios()[id];
    Analyzer::new(builtin(&s.language).expect("builtin lexicon"), Some(s))
        .analyze(text, Some(context))
}

#[test]
fn a_chinese_statement_made_mostly_of_the_customers_words_says_them_back() {
    use counteroffer::analysis::tags::Laer;
    let said = with_context(
        "haiyue-hvac-zh",
        "好的，去年电费380万，空调差不多占了45%，这个数我记下了。",
        "去年电费 380 万，空调差不多占 45%。",
    );
    assert!(said.has_laer(Laer::Listen), "{said:?}");
    // the customer's words as the start of an answer are not a restatement
    let answered = with_context(
        "hengda-packaging-zh",
        "乙厂便宜五万多，可乙厂的机器三年就得大修，我们的十年不用动，售后两小时到场。",
        "说实话，你们的价格太高了。乙厂同样干这个活，便宜五万多。",
    );
    assert!(!answered.has_laer(Laer::Listen), "{answered:?}");
}

#[test]
fn restating_frames_empathy_and_decision_pushes_people_use_are_read() {
    use counteroffer::analysis::tags::{Laer, Negative};
    let en = plain("en");
    for text in [
        "if i get u right, the partners want to weigh in before anything moves",
        "Let me get this right: the budget resets in April and nothing moves before then.",
        "Just so I'm clear, the committee sees it on the 15th?",
    ] {
        assert!(en.analyze(text, None).has_laer(Laer::Listen), "{text}");
    }
    for text in [
        "I'd be a bit wary too after a rollout like that.",
        "That's a real concern for a plant running nights.",
        "Thanks for being straight with me about the budget.",
    ] {
        assert!(en.analyze(text, None).has_laer(Laer::Acknowledge), "{text}");
    }
    let zh = plain("zh-CN");
    for text in [
        "三十多万的设备，多考虑考虑是应该的。",
        "年底预算见底，这种情况太常见了。",
        "您这个顾虑我完全能get到。",
    ] {
        assert!(zh.analyze(text, None).has_laer(Laer::Acknowledge), "{text}");
    }
    let restated = zh.analyze("我捋一下：您是想等明年预算批下来再启动，对吧？", None);
    assert!(
        restated.has_laer(Laer::Listen) && !restated.has_laer(Laer::Explore),
        "{restated:?}"
    );
    // a push for a decision put as a question is pressure; small talk asks
    // nothing about the deal
    let pushed = zh.analyze("您就给句准话，今天签还是不签？", None);
    assert!(
        pushed.negatives.contains(&Negative::Pressure) && !pushed.has_laer(Laer::Explore),
        "{pushed:?}"
    );
    let chat = zh.analyze("王总，中午吃了没？", None);
    assert!(!chat.has_laer(Laer::Explore), "{chat:?}");
}

#[test]
fn saying_the_customers_point_back_listens_without_a_stock_frame() {
    use counteroffer::analysis::tags::Laer;
    let context = "Forty-eight thousand? Vendor B quoted forty. You're twenty percent above them for a box that puts cartons in boxes.";
    // a summing-up opener and the customer's own words
    let a = with_context(
        "hengda-packaging-en",
        "So Vendor B's quote is the benchmark and we look expensive next to it.",
        context,
    );
    assert!(a.has_laer(Laer::Listen), "{a:?}");
    // the customer's own figure echoed before going on
    let a = with_context(
        "hengda-packaging-en",
        "Forty-eight thousand, got it. What did their quote include on service?",
        context,
    );
    assert!(a.has_laer(Laer::Listen), "{a:?}");
    // the player's own price is not an echo, nor is a reply that shares nothing
    for text in [
        "44,000, and I'll add the spare parts kit.",
        "Our engineer is on site within four hours.",
    ] {
        let a = with_context("hengda-packaging-en", text, context);
        assert!(!a.has_laer(Laer::Listen), "{text}: {a:?}");
    }
    let a = with_context(
        "hengda-packaging-zh",
        "说白了，您就是觉得比乙厂贵了五万多，这钱花得值不值心里没底。",
        "你们报33.8万，乙厂才28.5万，贵了五万多。",
    );
    assert!(a.has_laer(Laer::Listen), "{a:?}");
}

#[test]
fn a_yes_no_question_about_nothing_of_the_customers_is_small_talk() {
    use counteroffer::analysis::tags::Laer;
    let context = "Honestly, this looks like a machine for a much bigger plant than ours.";
    for chat in [
        "Is that the new warehouse going up next door? Looks like business is good!",
        "Love the new office by the way, is that a converted warehouse?",
    ] {
        let a = with_context("hengda-packaging-en", chat, context);
        assert!(!a.has_laer(Laer::Explore), "{chat}: {a:?}");
    }
    // a yes/no question about their line still explores
    let a = with_context(
        "hengda-packaging-en",
        "Do you run more than two carton sizes on that line?",
        context,
    );
    assert!(a.has_laer(Laer::Explore), "{a:?}");
}

#[test]
fn a_tradeable_named_beside_a_price_on_offer_is_offered() {
    let a = in_scenario(
        "hengda-packaging-zh",
        "三十二万，延保两年，一口价，您看成不成？",
    );
    assert!(
        offers_any(
            &a,
            |o| matches!(o, Offer::Tradeable { id, .. } if id == "extended_warranty")
        ),
        "{:?}",
        a.offers
    );
}

#[test]
fn stacked_acknowledgements_are_stuffing_but_empathy_that_says_something_is_not() {
    use counteroffer::analysis::tags::{Laer, Negative};
    for (lang, text) in [
        (
            "en",
            "I hear you. Fair point. Great question. Totally understand.",
        ),
        (
            "en",
            "I understand your concern. I understand your concern. I understand your concern.",
        ),
        ("zh-CN", "理解理解。确实确实。您说得对。好问题。"),
    ] {
        let a = plain(lang).analyze(text, None);
        assert!(
            a.negatives.contains(&Negative::KeywordStuffing),
            "{text}: {a:?}"
        );
    }
    // found by playing: three clauses that each acknowledge something
    let a = plain("zh-CN").analyze(
        "理解理解，五万多确实不是小数目，换我也得掂量。乙厂的报价里售后是怎么安排的？",
        None,
    );
    assert!(
        !a.negatives.contains(&Negative::KeywordStuffing) && a.has_laer(Laer::Acknowledge),
        "{a:?}"
    );
}

#[test]
fn naming_a_technique_or_labelling_a_method_is_stuffing() {
    use counteroffer::analysis::tags::Negative;
    for (lang, text) in [
        ("en", "Let me use pain amplification here."),
        ("zh-CN", "我用一下决策树诊断法和限时优惠法。"),
        ("zh-CN", "痛点放大法：电费很高。解决方案匹配：磁悬浮。"),
        ("zh-CN", "决策拖延→决策树→预算周期→限时优惠。"),
    ] {
        let a = plain(lang).analyze(text, None);
        assert!(
            a.negatives.contains(&Negative::KeywordStuffing) && a.laer.is_empty(),
            "{text}: {a:?}"
        );
    }
    // one label before a real argument is how people write notes
    let a = plain("en").analyze(
        "Cost breakdown: 24k / 12 people / 4 days = 500 per person per day.",
        None,
    );
    assert!(!a.negatives.contains(&Negative::KeywordStuffing), "{a:?}");
}

#[test]
fn empathy_in_peoples_own_words_acknowledges() {
    use counteroffer::analysis::tags::Laer;
    for (lang, text) in [
        ("en", "yeah that'd bug me too tbh"),
        (
            "en",
            "Um, yeah, nearly three times the price would make me pause too, honestly.",
        ),
        ("en", "Your plant manager has a point there."),
        (
            "en",
            "Eight grand is real money, and you'd be mad not to ask.",
        ),
        ("zh-CN", "一台装箱机比别家贵快两成，搁谁都得掂量掂量。"),
        ("zh-CN", "您这顾虑在理，谁也不想买台大炮回来打蚊子。"),
        ("zh-CN", "张院长您谨慎是对的。"),
    ] {
        let a = plain(lang).analyze(text, None);
        assert!(a.has_laer(Laer::Acknowledge), "{text}: {a:?}");
    }
}

#[test]
fn a_tradeable_said_in_other_words_or_order_is_found() {
    for (id, text, tradeable) in [
        (
            "reilly-training-en",
            "We could split the payment across two financial years, so most of it sits in next year's budget.",
            "split_payment",
        ),
        (
            "brightwater-saas-en",
            "If you can sign for two years, I'll bring it to 14,200 and keep that price locked.",
            "price_lock",
        ),
        (
            "reilly-training-en",
            "I can add an extra month of coaching at no cost.",
            "extra_coaching",
        ),
        // the seller's own "if we…" proposes; it is not the customer's side
        (
            "reilly-training-en",
            "If we split the payment across both financial years, I can hold 22,000.",
            "split_payment",
        ),
        // "可以" offers what it names
        (
            "haiyue-hvac-zh",
            "施工可以安排在淡季夜间，不影响营业。",
            "off_season_install",
        ),
    ] {
        let a = in_scenario(id, text);
        assert!(
            offers_any(
                &a,
                |o| matches!(o, Offer::Tradeable { id, .. } if id == tradeable)
            ),
            "{text}: {:?}",
            a.offers
        );
    }
    // the words far apart in one long sentence are not the tradeable
    let a = in_scenario(
        "reilly-training-en",
        "I can split the difference with you today, and once the team has worked through every account we will talk about the payment.",
    );
    assert!(
        !offers_any(
            &a,
            |o| matches!(o, Offer::Tradeable { id, .. } if id == "split_payment")
        ),
        "{:?}",
        a.offers
    );
}

#[test]
fn without_a_scenario_something_given_away_is_an_extra_on_offer() {
    let extra = |lang: &str, text: &str| {
        offers(lang, text).iter().find_map(|o| match o {
            Offer::Tradeable { id, conditional } if id == "extra" => Some(*conditional),
            _ => None,
        })
    };
    assert_eq!(
        extra("en", "Sorry about that. Dessert's on the house tonight."),
        Some(false)
    );
    assert_eq!(
        extra(
            "en",
            "If you book with us by Friday, I'll throw in a free late checkout."
        ),
        Some(true)
    );
    assert_eq!(
        extra("zh-CN", "实在对不起，马上给您重新做一份，再送您一份甜品。"),
        Some(false)
    );
    assert_eq!(
        extra("zh-CN", "您要是月底前定下来，香槟塔我们免费送。"),
        Some(true)
    );
    // the customer's side of a condition, a refusal and "that's on me" give nothing
    assert_eq!(extra("en", "If you throw in the lamp, I'll take it."), None);
    assert_eq!(extra("en", "We don't throw in the lamp, sorry."), None);
    assert_eq!(
        extra("en", "Four years without a raise. That's on me."),
        None
    );
    assert_eq!(extra("zh-CN", "要是您送我们一个案例，我们就好说。"), None);
    // everyday sentences that only look like giving, and a question about
    // someone else's gift
    for (lang, text) in [
        ("en", "We'll cover that in the demo."),
        ("en", "I'll do the paperwork tonight."),
        ("en", "You're right, the delay is on us."),
        ("en", "Did they throw in delivery for free?"),
        ("en", "They threw in delivery for free."),
        ("en", "That's the learning curve that comes with it."),
        ("zh-CN", "抱歉，是我们出了差错。"),
        ("zh-CN", "这样就避免了返工。"),
        ("zh-CN", "我们请您月底前签字。"),
        ("zh-CN", "新款是升级版。"),
        ("zh-CN", "明天再送一趟。"),
        ("zh-CN", "我都给您讲过了。"),
    ] {
        assert_eq!(extra(lang, text), None, "{text}");
    }
}

#[test]
fn a_worry_named_and_said_back_is_listening_in_chinese() {
    let a = plain("zh-CN");
    let context = Some("换型多花的钱，对我们这种只有两种箱规的厂来说是白花。");
    for reply in [
        "您的担心是说，换型这块多花的钱，对只有两种箱规的厂来说可能是白花。",
        "所以您担心的其实不是价格，是两种箱规用不上换型。",
    ] {
        assert!(
            a.analyze(reply, context)
                .has_laer(counteroffer::analysis::tags::Laer::Listen),
            "{reply}"
        );
    }
}

#[test]
fn a_restated_problem_in_new_words_is_listening_and_a_plural_is_the_same_word() {
    let en = plain("en");
    let listens = |a: &Analyzer, reply: &str, context: &str| {
        a.analyze(reply, Some(context))
            .has_laer(counteroffer::analysis::tags::Laer::Listen)
    };
    // no word of the customer's, but the problem said back
    assert!(listens(
        &en,
        "So you're saying you can't wait that long for help.",
        "Your engineer is three hours away. If the line stops at night we lose it."
    ));
    assert!(listens(
        &plain("zh-CN"),
        "您的意思是，我们根本没把您的事当回事。",
        "我要去网上曝光你们！"
    ));
    // "desks" says "desk" back
    assert!(listens(
        &en,
        "So you've been bounced between two desks.",
        "Your staff at the other desk told me to come here, and now you're sending me back there."
    ));
    // a frame that argues, a "not" after a "but", or a word that only
    // holds 不 is no restatement
    assert!(!listens(
        &en,
        "So you're saying it's not worth it, and that's just wrong.",
        "I don't see what the extra money buys."
    ));
    assert!(!listens(
        &en,
        "So you're thinking about it, but we can't hold the slot.",
        "I need a week to decide."
    ));
    let zh = plain("zh-CN");
    assert!(!listens(
        &zh,
        "您觉得没问题的话，我们就签。",
        "好吧，下周再约。"
    ));
    assert!(!listens(
        &zh,
        "我们最在意的是质量，价格没法再低。",
        "你们的价格太高了，质量都差不多。"
    ));
}

#[test]
fn a_condition_without_a_comma_ends_where_the_promise_starts() {
    let traded = |id: &str, text: &str, what: &str| {
        in_scenario(id, text)
            .offers
            .iter()
            .any(|o| matches!(o, Offer::Tradeable { id, conditional: true } if id == what))
    };
    assert!(traded(
        "brightwater-saas-en",
        "If you sign the two-year term this week I'll add the guided onboarding at no charge.",
        "guided_onboarding"
    ));
    assert!(traded(
        "brightwater-saas-en",
        "if your partners approve it before Christmas we can throw in the onboarding sessions",
        "guided_onboarding"
    ));
    // Chinese: "you sign two years" is the condition; 加上 gives
    assert!(traded(
        "deren-dental-zh",
        "您签两年，我派人免费上门培训前台。",
        "onsite_training"
    ));
    assert!(traded(
        "haiyue-hvac-zh",
        "您要是下个月签，我们把延保也加上。",
        "extended_warranty"
    ));
    // the join word said twice: the condition ends at the second
    assert!(traded(
        "brightwater-saas-en",
        "If you get the PO in this week you get the guided onboarding at no charge.",
        "guided_onboarding"
    ));
    // "whether you sign two years or one" asks for nothing
    assert!(
        in_scenario(
            "deren-dental-zh",
            "不管您签两年还是一年，我们都免费上门培训。"
        )
        .offers
        .iter()
        .any(
            |o| matches!(o, Offer::Tradeable { id, conditional: false } if id == "onsite_training")
        )
    );
    // 加上的话 prices an add-on rather than giving it
    assert!(
        !in_scenario("haiyue-hvac-zh", "延保加上的话，每年要多两万。")
            .offers
            .iter()
            .any(|o| matches!(o, Offer::Tradeable { .. }))
    );
}

#[test]
fn a_situation_said_back_and_then_acknowledged_is_listening() {
    let listens = |lang: &str, reply: &str, context: &str| {
        plain(lang)
            .analyze(reply, Some(context))
            .has_laer(counteroffer::analysis::tags::Laer::Listen)
    };
    let zh_context = "仓库每到月底就盘不清，加班对账对到半夜，老板还天天催。";
    assert!(listens(
        "zh-CN",
        "月底仓库盘不清，对账对到半夜，老板还催着要，这确实够呛。",
        zh_context
    ));
    let context = "Month-end stock counts never match, so the team reconciles until midnight.";
    assert!(listens(
        "en",
        "Counts that never match and the team reconciling until midnight, that's rough.",
        context
    ));
    // understood, then their side in the player's words
    assert!(listens(
        "zh-CN",
        "明白，您这边管成本，老板管进度，两头都得顾上。",
        "成本我盯着，进度老板天天催，我夹在中间。"
    ));
    // agreeing, advising or asking something of them says nothing back
    for reply in [
        "行，您再考虑考虑。",
        "明白，您再考虑考虑。",
        "明白，您放心，我们月底前交货。",
    ] {
        assert!(
            !listens("zh-CN", reply, "成本我盯着，进度老板天天催，我夹在中间。"),
            "{reply}"
        );
    }
    // a two-word echo is a receipt; a turn after the acknowledgement, a
    // figure alone in Chinese or our own reason is no restatement
    for reply in [
        "对账对到半夜是因为系统要排队，这个换谁都会。",
        "盘不清，换谁都烦。",
        "对账对到半夜，老板还天天催着要结果，这确实够呛，但是我们的系统全行业最好。",
        "月底三十个小时，这确实够呛。",
    ] {
        assert!(!listens("zh-CN", reply, zh_context), "{reply}");
    }
    assert!(!listens(
        "en",
        "The team reconciling until midnight, I get it, but honestly that's on your process.",
        context
    ));
}

#[test]
fn a_commitment_said_before_a_promise_without_an_if_is_a_condition() {
    let conditional_tradeable = |id: &str, text: &str, tradeable: &str| {
        offers_any(
            &in_scenario(id, text),
            |o| matches!(o, Offer::Tradeable { id, conditional: true } if id == tradeable),
        )
    };
    // "You sign…, I'll…" and "Sign today and we'll…" trade like "if you"
    for text in [
        "You sign the order this week, I'll add the spare parts kit.",
        "Sign today and we'll include the spare parts kit.",
        "For orders approved at this committee, we include the spare parts kit.",
    ] {
        assert!(
            conditional_tradeable("hengda-packaging-en", text, "spare_parts_kit"),
            "{text}"
        );
    }
    // a Chinese condition runs into its promise without a comma
    assert!(conditional_tradeable(
        "deren-dental-zh",
        "元月底前签两年送三个月，年后再上线也行。",
        "extra_year"
    ));
    assert!(conditional_tradeable(
        "hengda-packaging-en",
        "For orders signed this month we include the spare parts kit.",
        "spare_parts_kit"
    ));
    // "before you sign", "no pressure to sign" and our own booking ask
    // for nothing in return
    for text in [
        "Before you sign anything, we'll throw in the spare parts kit.",
        "No pressure to sign today, and we'll include the spare parts kit either way.",
        "I'll confirm this week and we'll include the spare parts kit.",
    ] {
        let a = in_scenario("hengda-packaging-en", text);
        assert!(!offers_any(&a, |o| o.conditional()), "{text}");
    }
    // 送审 is no gift: what the customer submits stays their side
    assert!(!offers_any(
        &in_scenario(
            "hengda-packaging-zh",
            "只要您这次送审的是三年维保合同，价格可以再让一点。"
        ),
        |o| matches!(o, Offer::Tradeable { id, .. } if id == "service_contract")
    ));
}

#[test]
fn a_chinese_tradeable_said_in_other_words_is_offered() {
    let offered = |id: &str, text: &str, tradeable: &str| {
        offers_any(
            &in_scenario(id, text),
            |o| matches!(o, Offer::Tradeable { id, .. } if id == tradeable),
        )
    };
    // "分两个财年付款" and "免费导入老患者资料", in other orders and words
    assert!(offered(
        "haiyue-hvac-zh",
        "今年先把合同签了，钱可以分两个财年付，今年付个零头。",
        "installments"
    ));
    assert!(offered(
        "deren-dental-zh",
        "价格不变，老患者资料我们免费给您导进来。",
        "data_migration"
    ));
    // two of the name's pairs are not the name
    assert!(!offered(
        "deren-dental-zh",
        "价格不变，老患者那边我们可以给您安排。",
        "data_migration"
    ));
}
