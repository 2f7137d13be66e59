//! Analyzer v2: every example a trainer found in play (issue "Analyzer v2"),
//! each with the tags it must and must not earn. Paraphrase, negation,
//! contrast, sarcasm, offers only in an offer frame, pressure that is
//! pressure, keyword stuffing, and evidence that quotes whole words.

use std::collections::BTreeMap;

use counteroffer::analysis::lexicon::builtin;
use counteroffer::analysis::{Analysis, Analyzer, Offer};

use super::analyzer::{predicted_tags, scenarios};

fn analyzers() -> BTreeMap<String, Analyzer> {
    let mut all: BTreeMap<String, Analyzer> = scenarios()
        .into_iter()
        .map(|(id, s)| (id, Analyzer::new(builtin(&s.language).unwrap(), Some(&s))))
        .collect();
    for lang in ["en", "zh-CN"] {
        all.insert(
            lang.to_string(),
            Analyzer::new(builtin(lang).unwrap(), None),
        );
    }
    all
}

/// (scenario id or language, reply, tags it must earn, tags it must not).
const CASES: &[(&str, &str, &[&str], &[&str])] = &[
    // prices said the way people bargain
    (
        "hengda-packaging-en",
        "OK, let's call it forty-three and a half.",
        &["offer:price"],
        &[],
    ),
    (
        "reilly-training-en",
        "I could stretch to 21k if we start in January.",
        &["offer:price", "offer:conditional"],
        &[],
    ),
    (
        "haiyue-hvac-zh",
        "我们给您打个九折。",
        &["offer:discount_percent"],
        &["case_evidence"],
    ),
    (
        "haiyue-hvac-zh",
        "实在价就是74万。",
        &["offer:price", "reveal_bottom_line"],
        &[],
    ),
    (
        "haiyue-hvac-zh",
        "我们最低能做到74万，再低公司就不批了。",
        &["offer:price", "reveal_bottom_line"],
        &[],
    ),
    (
        "deren-dental-zh",
        "九折，17820，这个月定就行。",
        &["offer:price", "offer:conditional"],
        &[],
    ),
    (
        "haiyue-hvac-zh",
        "若贵方同意三年维保一起签，我司可将总价调整至80万元。",
        &["offer:price", "offer:conditional"],
        &[],
    ),
    // paraphrase, typed as people type it
    (
        "brightwater-saas-en",
        "thats rough, sorry.",
        &["acknowledge"],
        &[],
    ),
    (
        "brightwater-saas-en",
        "That's on me, I showed you the enterprise tour.",
        &["acknowledge"],
        &[],
    ),
    (
        "reilly-training-en",
        "I won't argue with that, it's a lot for four days.",
        &["acknowledge"],
        &[],
    ),
    (
        "hengda-packaging-zh",
        "换我是您也心疼。",
        &["acknowledge"],
        &[],
    ),
    (
        "deren-dental-zh",
        "免费这点我认，预约它确实能做。",
        &["acknowledge"],
        &[],
    ),
    (
        "haiyue-hvac-zh",
        "王总您问到点子上了。",
        &["acknowledge"],
        &[],
    ),
    (
        "hengda-packaging-en",
        "I definitely understand that.",
        &["acknowledge"],
        &[],
    ),
    (
        "hengda-packaging-en",
        "I absolutely understand.",
        &["acknowledge"],
        &[],
    ),
    (
        "hengda-packaging-en",
        "I'd be asking the same thing in your seat.",
        &["acknowledge"],
        &[],
    ),
    (
        "hengda-packaging-zh",
        "您这个顾虑很实在。",
        &["acknowledge"],
        &[],
    ),
    (
        "deren-dental-zh",
        "换成我也会这么想。",
        &["acknowledge"],
        &[],
    ),
    (
        "brightwater-saas-en",
        "With invoices built from approved timesheets, your office manager gets back the two days a month.",
        &["benefit"],
        &[],
    ),
    // negation, contrast, sarcasm, praise of our own offer
    (
        "hengda-packaging-en",
        "I hear you, but you're wrong.",
        &["arguing"],
        &["acknowledge"],
    ),
    (
        "hengda-packaging-zh",
        "我理解，但是您这个想法不对。",
        &["arguing"],
        &["acknowledge"],
    ),
    (
        "hengda-packaging-zh",
        "呵呵，我当然理解您。",
        &[],
        &["acknowledge"],
    ),
    (
        "hengda-packaging-zh",
        "我不理解您为什么要找乙厂。",
        &[],
        &["acknowledge", "respond", "competitor_comparison"],
    ),
    (
        "hengda-packaging-zh",
        "您说得不对，我们的价格很合理。",
        &["arguing"],
        &["acknowledge"],
    ),
    // numbers that are not offers
    (
        "hengda-packaging-en",
        "Honestly, the $8,000 gap is paid back in a few months.",
        &[],
        &["offer:price"],
    ),
    (
        "hengda-packaging-en",
        "Those jams that cost you $900 an hour add up fast.",
        &[],
        &["offer:price"],
    ),
    (
        "hengda-packaging-en",
        "Vendor B is 40k, sure.",
        &[],
        &["offer:price"],
    ),
    (
        "brightwater-saas-en",
        "Another studio wrote off 40% fewer hours after switching.",
        &[],
        &["offer:discount_percent"],
    ),
    (
        "brightwater-saas-en",
        "They cut their written off hours by 70 percent.",
        &[],
        &["offer:discount_percent"],
    ),
    (
        "brightwater-saas-en",
        "It took 20% off their invoicing time.",
        &[],
        &["offer:discount_percent"],
    ),
    (
        "deren-dental-zh",
        "每个月两万多块白白流掉了。",
        &[],
        &["offer:price"],
    ),
    // offers in an offer frame
    (
        "haiyue-hvac-zh",
        "我可以再让您4.5万。",
        &["offer:discount_amount"],
        &["offer:price"],
    ),
    (
        "en",
        "The lowest I can go is 8,500.",
        &["offer:price", "reveal_bottom_line"],
        &[],
    ),
    (
        "deren-dental-zh",
        "可以给您打九五折，不过需要您这个月下单。",
        &["offer:discount_percent", "offer:conditional"],
        &[],
    ),
    // pressure
    (
        "brightwater-saas-en",
        "How do you handle timesheets right now?",
        &["explore"],
        &["pressure"],
    ),
    (
        "brightwater-saas-en",
        "Makes sense. Who would need to sign it off?",
        &["explore"],
        &["pressure"],
    ),
    (
        "deren-dental-zh",
        "您为什么不今天签呢？",
        &["pressure"],
        &["explore"],
    ),
    ("deren-dental-zh", "今天就定吧。", &["pressure"], &[]),
    ("deren-dental-zh", "不签就没这个价了。", &["pressure"], &[]),
    ("en", "How are you?", &[], &["explore"]),
    // keyword stuffing
    (
        "hengda-packaging-en",
        "I totally understand. Feature: sensors. Advantage: warns early. Benefit: so your night shift, downtime, repairs. Cost breakdown, ROI, case study, trial.",
        &["keyword_stuffing"],
        &[
            "feature",
            "advantage",
            "benefit",
            "cost_breakdown",
            "case_evidence",
            "trial",
        ],
    ),
    (
        "hengda-packaging-zh",
        "成本拆分，全生命周期成本，投资回报，案例，试用",
        &["keyword_stuffing"],
        &["cost_breakdown", "case_evidence", "trial"],
    ),
    // evidence of the right words
    (
        "hengda-packaging-zh",
        "另一家的设备没法跟我们比。",
        &[],
        &["case_evidence"],
    ),
    (
        "reilly-training-en",
        "Half of that work was done for free by your best people.",
        &[],
        &["value_added"],
    ),
    // typed fast: a slip in the word still acknowledges
    (
        "en",
        "ok i understnad, its a lot of money",
        &["acknowledge"],
        &[],
    ),
    (
        "en",
        "Totaly understand where you're coming from.",
        &["acknowledge"],
        &[],
    ),
    (
        "zh-CN",
        "懂您意思，这钱花出去得看得见回头。",
        &["acknowledge"],
        &[],
    ),
    ("zh-CN", "价格高这点我不回避。", &["acknowledge"], &[]),
    // naming the comparison or the pain fair; "正常" as "usual" and praise
    // of information acknowledge nothing
    (
        "en",
        "Fair comparison. Ours covers twelve people.",
        &["acknowledge"],
        &[],
    ),
    ("en", "So the price is what worries you.", &["listen"], &[]),
    (
        "en",
        "That's a painful one, three hundred thousand gone.",
        &["acknowledge"],
        &[],
    ),
    (
        "en",
        "We recognise that the timing is difficult.",
        &["acknowledge"],
        &[],
    ),
    (
        "en",
        "No problem at all, I'll send it today.",
        &[],
        &["acknowledge"],
    ),
    ("zh-CN", "正常保养十年没问题。", &[], &["acknowledge"]),
    (
        "zh-CN",
        "这个数据很关键。一年停几次线？",
        &["explore"],
        &["acknowledge"],
    ),
    ("zh-CN", "这个担心很正常。", &["acknowledge"], &[]),
    // a condition after the offer: in its clause, or the next sentence
    (
        "deren-dental-zh",
        "我最多能到一万七，但得签两年。",
        &["offer:price", "offer:conditional"],
        &[],
    ),
    (
        "haiyue-hvac-zh",
        "我这边可以调到81万。前提是材料赶上这个月底集团的会。",
        &["offer:price", "offer:conditional"],
        &[],
    ),
    // proposals put as questions ask nothing about the customer
    (
        "haiyue-hvac-zh",
        "要不先把明年的立项做起来？",
        &[],
        &["explore"],
    ),
    (
        "haiyue-hvac-zh",
        "为什么选我们？因为我们是全国第一，没有之一。",
        &["exaggeration"],
        &["explore"],
    ),
    (
        "haiyue-hvac-zh",
        "您确定还要等吗？",
        &["pressure"],
        &["explore"],
    ),
    (
        "brightwater-saas-en",
        "Could we get 20 minutes with Priya next week?",
        &[],
        &["explore"],
    ), // everyday talk, read without a scenario: sympathy as people say it,
    // and haggling over a used item
    ("en", "I totally get how you feel.", &["acknowledge"], &[]),
    (
        "en",
        "I can only imagine how hard that is.",
        &["acknowledge"],
        &[],
    ),
    ("en", "I'd be upset too.", &["acknowledge"], &[]),
    (
        "en",
        "Your feelings are completely valid.",
        &["acknowledge"],
        &[],
    ),
    ("en", "That sounds exhausting.", &["acknowledge"], &[]),
    ("en", "I'm so sorry about your dog.", &["acknowledge"], &[]),
    ("en", "Oh no, that's heartbreaking.", &["acknowledge"], &[]),
    (
        "en",
        "I get that you're nervous, but you're overreacting.",
        &["arguing"],
        &["acknowledge"],
    ),
    (
        "zh-CN",
        "辛苦你了，这阵子太不容易了。",
        &["acknowledge"],
        &[],
    ),
    (
        "zh-CN",
        "被当众这么说，你心里肯定很委屈。",
        &["acknowledge"],
        &[],
    ),
    ("zh-CN", "真对不住，给您添麻烦了。", &["acknowledge"], &[]),
    (
        "zh-CN",
        "我理解你难受，但你就是想太多了。",
        &["arguing"],
        &["acknowledge"],
    ),
    ("en", "Would you take 120 for it?", &["offer:price"], &[]),
    ("en", "Any chance you'd accept 40?", &["offer:price"], &[]),
    ("en", "OK 100 and it's yours.", &["offer:price"], &[]),
    ("en", "I was thinking more like $60.", &["offer:price"], &[]),
    (
        "en",
        "The lowest I'd go is 160.",
        &["offer:price", "reveal_bottom_line"],
        &[],
    ),
    (
        "reilly-training-en",
        "Four grand looks like the better deal at first glance.",
        &[],
        &["offer:price"],
    ),
    ("en", "I paid $500 for it new.", &[], &["offer:price"]),
    (
        "en",
        "I've seen it for 90 elsewhere.",
        &[],
        &["offer:price"],
    ),
    ("zh-CN", "80包邮行不？", &["offer:price"], &[]),
    ("zh-CN", "我出90，卖不卖？", &["offer:price"], &[]),
    ("zh-CN", "咱们各退一步，110成交。", &["offer:price"], &[]),
    ("zh-CN", "能不能少20？", &["offer:discount_amount"], &[]),
    (
        "zh-CN",
        "今天定的话，我再让你500。",
        &["offer:discount_amount", "offer:conditional"],
        &["offer:price"],
    ),
    (
        "zh-CN",
        "你自己搬的话，70就行。",
        &["offer:price", "offer:conditional"],
        &[],
    ),
    // small talk, ultimatums and put-downs as questions ask nothing
    ("en", "Any plans for the weekend?", &[], &["explore"]),
    ("en", "Did you see the game last night?", &[], &["explore"]),
    ("en", "Not bad thanks, and you?", &[], &["explore"]),
    (
        "en",
        "What does sign-off look like: you, or just you up to a limit?",
        &["explore"],
        &[],
    ),
    ("zh-CN", "吃了吃了，您呢？", &[], &["explore"]),
    // proposing our own visit or arrangement asks nothing about them
    ("zh-CN", "下周我带工程师过去看看？", &[], &["explore"]),
    (
        "zh-CN",
        "能不能先安排您到客户厂里看看实机？",
        &[],
        &["explore"],
    ),
    ("zh-CN", "好久不见，最近咋样？", &[], &["explore"]),
    ("zh-CN", "过年回家不？", &[], &["explore"]),
    ("zh-CN", "你到底懂不懂车啊？", &["arguing"], &["explore"]),
    ("en", "Cash today. Take it or leave it.", &["pressure"], &[]),
    (
        "en",
        "Last two left. Grab one now or you'll miss out.",
        &["pressure"],
        &[],
    ),
    ("zh-CN", "今天不交钱，名额马上给别人。", &["pressure"], &[]),
    ("zh-CN", "别考虑了，您自己看着办吧。", &["pressure"], &[]),
    // a real deadline on a real offer is no push
    (
        "en",
        "I could do 380 if you take it today.",
        &["offer:price", "offer:conditional"],
        &["pressure"],
    ),
    ("en", "I need a yes or no by tonight.", &["pressure"], &[]),
    (
        "zh-CN",
        "你不要我就卖别人了，现在定不？",
        &["pressure"],
        &["explore"],
    ),
    (
        "en",
        "Amazon has the same one for $72.",
        &[],
        &["offer:price"],
    ),
    (
        "brightwater-saas-en",
        "If I've got you right, the partners worry it'll drag on like the last rollout.",
        &["listen"],
        &[],
    ),
    (
        "hengda-packaging-zh",
        "时机不对，是指要等下个季度停产换机，还是审批的节奏？",
        &["explore"],
        &["arguing"],
    ),
    (
        "hengda-packaging-zh",
        "那个，就是说，我们这个功能很全。",
        &[],
        &["listen"],
    ),
    // a figure said in words is read where an offer phrase holds it
    ("en", "Would you take ten for it?", &["offer:price"], &[]),
    (
        "en",
        "Make it twelve and it's yours.",
        &["offer:price"],
        &[],
    ),
    ("en", "I can do two weeks.", &[], &["offer:price"]),
    (
        "en",
        "Let's say fifteen minutes on a call.",
        &[],
        &["offer:price"],
    ),
    (
        "hengda-packaging-en",
        "I can do forty-four if you sign this month.",
        &["offer:price", "offer:conditional"],
        &[],
    ),
    (
        "zh-CN",
        "两成利润",
        &[],
        &["offer:price", "offer:discount_percent"],
    ),
    // summing the customer up in the player's own words
    (
        "en",
        "So the key thing is getting it to you before Saturday.",
        &["listen"],
        &[],
    ),
    (
        "en",
        "So it's really about transparency, not the cause itself.",
        &["listen"],
        &[],
    ),
    (
        "en",
        "I'll include the spare parts kit, so you're not paying rush prices.",
        &[],
        &["listen"],
    ),
    (
        "zh-CN",
        "听您的口气，东西本身您不排斥，主要是想过了节再定。",
        &["listen"],
        &[],
    ),
    (
        "zh-CN",
        "所以你担心的不是上台，而是导师会当众挑毛病。",
        &["listen"],
        &[],
    ),
    (
        "zh-CN",
        "您说到点子上了，价格确实是大事。",
        &[],
        &["listen"],
    ),
    (
        "en",
        "You are thinking the extra flexibility is cost only.",
        &["listen"],
        &[],
    ),
    ("en", "So you like it, it's the timing.", &["listen"], &[]),
    // haggling shorthand
    ("en", "wud u take 120?", &["offer:price"], &[]),
    ("en", "Look, 90 cash, right now.", &["offer:price"], &[]),
    ("en", "I'd do 4,200.", &["offer:price"], &[]),
    ("en", "Fine, 14k, final offer.", &["offer:price"], &[]),
    (
        "en",
        "Committing 24,000 in the final quarter is hard, I understand.",
        &[],
        &["offer:price"],
    ),
    (
        "en",
        "48 against 40, and you're asking why pay more.",
        &[],
        &["offer:price"],
    ),
    // what the customer must do in return, said as shoppers and sellers say it
    (
        "zh-CN",
        "三年维保合同一起签，再减5000，32万。",
        &["offer:price", "offer:conditional"],
        &[],
    ),
    (
        "zh-CN",
        "两件一起拍给您打九五折",
        &["offer:conditional"],
        &[],
    ),
    ("zh-CN", "我们可以送两年维保。", &[], &["offer:conditional"]),
    // dismissing the customer is arguing: sending them elsewhere, blaming
    // them, calling their worry imaginary
    (
        "en",
        "If it's that cheap elsewhere, feel free to go elsewhere.",
        &["arguing"],
        &[],
    ),
    (
        "en",
        "Honestly you're dreaming at that price.",
        &["arguing"],
        &[],
    ),
    (
        "en",
        "It was in the contract, you signed it yourself.",
        &["arguing"],
        &[],
    ),
    ("zh-CN", "嫌贵就别买，又没人逼你。", &["arguing"], &[]),
    ("zh-CN", "那您找别家呗。", &["arguing"], &[]),
    ("zh-CN", "您这就是想多了，哪有那么复杂。", &["arguing"], &[]),
    // ...but not planning to read more, nor wanting to learn more
    ("en", "Thanks, I'll look it up tonight.", &[], &["arguing"]),
    ("zh-CN", "我想多了解一下您这边的流程。", &[], &["arguing"]),
    ("zh-CN", "您想多了解哪一块？", &["explore"], &["arguing"]),
    // a feeling named as normal and shared is acknowledged
    (
        "en",
        "You're definitely not the only parent feeling that.",
        &["acknowledge"],
        &[],
    ),
    (
        "en",
        "That's a horrible spot to be in before a launch.",
        &["acknowledge"],
        &[],
    ),
    ("zh-CN", "听您这么说挺心疼的。", &["acknowledge"], &[]),
    // everyday prices: a framed monthly price is offered, a bottom line
    // may end in particles, cover and compensation are no price
    (
        "en",
        "If you go annual, I'll bring it down to £250 a month.",
        &["offer:price", "offer:conditional"],
        &[],
    ),
    (
        "zh-CN",
        "800真的是我最低价了。",
        &["offer:price", "reveal_bottom_line"],
        &[],
    ),
    (
        "zh-CN",
        "我们每单都有保险，最高赔两万。",
        &[],
        &["offer:price"],
    ),
    (
        "en",
        "Every move is insured up to $10,000.",
        &[],
        &["offer:price"],
    ),
    // 的话 closes the condition before it: signing two years is what the
    // customer gives, the training what is given
    (
        "deren-dental-zh",
        "签两年的话，上门培训前台和医生也包含在里面。",
        &["offer:tradeable", "offer:conditional"],
        &[],
    ),
    (
        "zh-CN",
        "你能自己搬的话200给你",
        &["offer:price", "offer:conditional"],
        &[],
    ),
    // found in review: a reassurance, a delivery, a sincere question, a
    // self-correction, a past deal, a forecast and a refusal
    (
        "zh-CN",
        "今天不买也没关系，您回去慢慢考虑。",
        &[],
        &["pressure"],
    ),
    (
        "zh-CN",
        "货我们直接送到您仓库，不用您自己提。",
        &[],
        &["offer:tradeable"],
    ),
    (
        "zh-CN",
        "分两期交货，三月一批，六月一批。",
        &[],
        &["offer:tradeable"],
    ),
    (
        "en",
        "What did you expect the first month to look like?",
        &["explore"],
        &["arguing"],
    ),
    (
        "zh-CN",
        "您自己选的款式，我们按您的要求做。",
        &[],
        &["arguing"],
    ),
    (
        "zh-CN",
        "我刚才瞎说了，抱歉，正确的价格是九千。",
        &["offer:price"],
        &["arguing"],
    ),
    ("zh-CN", "上个月那台1500成交的。", &[], &["offer:price"]),
    (
        "en",
        "Switching to LED should bring the bill down to £40 a month.",
        &[],
        &["offer:price"],
    ),
    (
        "zh-CN",
        "再降五百真的太难了，公司不会批。",
        &[],
        &["acknowledge"],
    ),
    // a restating frame, then their side in the player's own words
    (
        "en",
        "Sounds like you were rushed through it and left to deal with the pain.",
        &["listen"],
        &[],
    ),
    (
        "zh-CN",
        "明白，也就是说报销以后您自己还得掏一大半。",
        &["listen"],
        &[],
    ),
    // ...not a frame that leads to our pitch
    (
        "brightwater-saas-en",
        "Sounds like you need our studio plan with the fee budget alerts.",
        &[],
        &["listen"],
    ),
];

#[test]
fn the_issue_examples_are_understood() {
    let analyzers = analyzers();
    let mut wrong = Vec::new();
    for (id, text, must, must_not) in CASES {
        let a = analyzers[*id].analyze(text, None);
        let tags = predicted_tags(&a);
        let missing: Vec<_> = must.iter().filter(|t| !tags.contains(**t)).collect();
        let extra: Vec<_> = must_not.iter().filter(|t| tags.contains(**t)).collect();
        if !missing.is_empty() || !extra.is_empty() {
            wrong.push(format!(
                "{id}: {text}\n    missing {missing:?}, unwanted {extra:?}, got {tags:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} wrong:\n{}",
        wrong.len(),
        CASES.len(),
        wrong.join("\n")
    );
}

fn analyze(id: &str, text: &str) -> Analysis {
    analyzers()[id].analyze(text, None)
}

#[test]
fn a_discount_amount_is_not_a_price_and_a_bottom_line_is_both() {
    let a = analyze("haiyue-hvac-zh", "我可以再让您4.5万。");
    assert!(
        a.offers
            .iter()
            .any(|o| matches!(o, Offer::DiscountAmount { amount, .. } if *amount == 45_000.0)),
        "{:?}",
        a.offers
    );
    let a = analyze("en", "The lowest I can go is 8,500.");
    assert!(
        a.offers
            .iter()
            .any(|o| matches!(o, Offer::Price { amount, .. } if *amount == 8_500.0)),
        "{:?}",
        a.offers
    );
}

#[test]
fn evidence_quotes_whole_words() {
    let text = "那就九五折，81.7万，您看行吗？";
    let a = analyze("haiyue-hvac-zh", text);
    assert!(
        a.evidence
            .iter()
            .any(|e| e.tag == "offer" && text[e.start..e.end].contains("81.7")),
        "{:?}",
        a.evidence
    );
    for e in &a.evidence {
        let quote = &text[e.start..e.end];
        assert!(
            !quote.ends_with('.') || quote.ends_with("。"),
            "cut quote {quote:?}"
        );
    }
    let text = "So the studio never loses a billable hour again.";
    for e in &analyze("brightwater-saas-en", text).evidence {
        let quote = &text[e.start..e.end];
        assert_ne!(
            quote.to_lowercase(),
            "so the",
            "a benefit needs more than its frame"
        );
    }
}

/// (scenario, the customer's line, reply, tags it must earn, tags it must
/// not): a fragment of the customer's words said back is listening when it
/// is received, and a set-up when the reply goes on to argue, push or
/// answer its own question.
/// (scenario, the customer's line, reply, must, must not).
type Echo = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const ECHOES: &[Echo] = &[
    // a restating frame and the customer's problem in the player's words;
    // not a character of a trouble word inside another word, a turn, or
    // their worry about us
    (
        "hengda-packaging-zh",
        "价格太高了。",
        "也就是说您的卡车明天到。",
        &[],
        &["listen"],
    ),
    (
        "hengda-packaging-en",
        "The price is too high.",
        "You're telling me your budget is too tight, but you drove here in a Tesla.",
        &[],
        &["listen"],
    ),
    (
        "hengda-packaging-en",
        "Last time you were a week late and we had to stop the line.",
        "Sounds like you're worried we'll be late again and you'll have to stop the line.",
        &["listen"],
        &[],
    ),
    (
        "hengda-packaging-en",
        "The last supplier delivered three weeks late.",
        "OK, so it sounds like you got burned when the delivery slipped.",
        &["listen"],
        &[],
    ),
    // the customer's own figures said back, summed up
    (
        "en",
        "Honestly I don't want to go below 150.",
        "so 150's kind of your floor then",
        &["listen"],
        &[],
    ),
    (
        "hengda-packaging-en",
        "I can sign 44 without going to the CFO.",
        "So 44 is what you can sign without going back to the CFO.",
        &["listen"],
        &["offer:price"],
    ),
    (
        "en",
        "My budget is like 300 max.",
        "Got it, 300's the ceiling.",
        &["listen"],
        &[],
    ),
    (
        "en",
        "My budget is like 300 max.",
        "Sure, 300 works for me.",
        &[],
        &["listen"],
    ),
    // the customer's words asked about, with alternatives or a particle,
    // explore; checked with "对吧？" they are said back
    (
        "deren-dental-zh",
        "我再想想吧，过完年再说。",
        "您说过完年再说，是等预算，还是要跟家里商量？",
        &["explore"],
        &["listen"],
    ),
    (
        "hengda-packaging-zh",
        "现在时机不对，下个季度再谈吧。",
        "我们先派工程师带样机来跑一周。您觉得厂长会愿意吗？",
        &["explore"],
        &["listen"],
    ),
    (
        "haiyue-hvac-zh",
        "86 万？另一家报 68 万，差了将近 20 万，我怎么跟集团解释？",
        "差了将近20万，您是担心回头跟集团解释不清为什么选贵的，对吧？",
        &["listen"],
        &["explore"],
    ),
    // a figure given roughly ("十八万多") describes a cost unless framed
    (
        "hengda-packaging-zh",
        "去年夜班因为卡箱停了差不多 30 个小时。",
        "30个钟头，每小时六千多，十八万多啊，都快够半台机器钱了。",
        &[],
        &["offer:price"],
    ),
    (
        "hengda-packaging-zh",
        "34 万？乙厂才报 28.5 万。",
        "我最多能给您31万多一点。",
        &["offer:price"],
        &[],
    ),
    // a proposal put as a question offers the tradeable it names
    (
        "reilly-training-en",
        "The money isn't there until April.",
        "What if we split the payment, a piece now and the rest after April?",
        &["offer:tradeable"],
        &["explore"],
    ),
    // a percentage after an offer frame, ending its phrase, is a discount
    (
        "brightwater-saas-en",
        "Can you do twenty percent?",
        "I can't do that. I can do 5% if you take the two-year price lock.",
        &["offer:discount_percent", "offer:conditional"],
        &[],
    ),
    (
        "hengda-packaging-en",
        "Why would I pay that?",
        "We can offer 30% faster changeovers.",
        &[],
        &["offer:discount_percent"],
    ),
    (
        "hengda-packaging-zh",
        "34 万？乙厂才报 28.5 万。",
        "如贵司签订三年维保合同，我方可另赠两个班组的操作培训。",
        &["offer:tradeable", "offer:conditional"],
        &[],
    ),
    // dates, ranks, the rival's figure asked about and counted things are
    // no prices; "I'll go to 45" is one
    (
        "brightwater-saas-en",
        "For a studio our size, that's expensive.",
        "If you can get me a decision by the 20th, I'll do 12% off the first year.",
        &["offer:discount_percent", "offer:conditional"],
        &["offer:price"],
    ),
    (
        "brightwater-saas-en",
        "Now isn't a good time. We're flat out on a competition.",
        "Sign before 15 December and the onboarding sessions are on us.",
        &[],
        &["offer:price"],
    ),
    (
        "hengda-packaging-en",
        "Vendor B quoted forty.",
        "Is the forty thousand from Vendor B including installation?",
        &["explore"],
        &["offer:price"],
    ),
    (
        "hengda-packaging-en",
        "Vendor B quoted forty.",
        "Forty is below what I can do, but I'll go to 45 if you commit to the service contract.",
        &["offer:price", "offer:conditional"],
        &[],
    ),
    (
        "deren-dental-zh",
        "一年一万九千八，对我们小诊所来说不是小钱。",
        "导入和导出，这两块我都可以写进合同。",
        &[],
        &["offer:price"],
    ),
    // an acknowledgement opened with a colon into the customer's situation
    (
        "deren-dental-zh",
        "我看这套东西是给大机构设计的，不太适合我们。",
        "您的担心我完全理解：诊所就三个人，怕系统太复杂用不起来。您现在预约主要靠什么？",
        &["listen", "acknowledge", "explore"],
        &[],
    ),
    (
        "deren-dental-zh",
        "我看这套东西是给大机构设计的，不太适合我们。",
        "理解，我先说一句：这套系统小诊所用得最多。",
        &["acknowledge"],
        &["listen"],
    ),
    (
        "haiyue-hvac-zh",
        "今年不太合适，明年再议吧。",
        "明年做也可以，不过施工窗口值得考虑：淡季只有冬天。",
        &[],
        &["listen"],
    ),
    (
        "hengda-packaging-en",
        "Eight thousand more than Vendor B. Why would I pay that?",
        "I hear you: eight thousand on top of Vendor B is hard to justify upstairs.",
        &["listen", "acknowledge"],
        &[],
    ),
    // restating frames in the player's own words
    (
        "hengda-packaging-zh",
        "我这边一是钱超了，二是厂长担心以后坏了没人修。",
        "我归纳一下，您这边主要卡在预算和售后两件事。",
        &["listen"],
        &[],
    ),
    (
        "deren-dental-zh",
        "我们就十几个人的小诊所，这系统是不是太大了？",
        "懂您意思，就是怕花了钱用不上。",
        &["listen", "acknowledge"],
        &[],
    ),
    // asking the customer to understand us acknowledges nothing; "不急"
    // is no negation of what follows
    (
        "brightwater-saas-en",
        "For a studio our size, that's expensive.",
        "Please understand, the price is already the lowest we do.",
        &[],
        &["acknowledge"],
    ),
    (
        "haiyue-hvac-zh",
        "86 万超出我们的预期不少。",
        "烦请理解，这个价格已经是整体方案的价格了。",
        &[],
        &["acknowledge"],
    ),
    (
        "haiyue-hvac-zh",
        "这个事不急，等明年预算定下来我再联系你。",
        "不急可以理解。明年预算大概什么时候定？",
        &["acknowledge", "explore"],
        &[],
    ),
    (
        "hengda-packaging-en",
        "The capex committee meets on the 15th. If the paperwork isn't in by then, it slips to next quarter.",
        "The 15th, noted. What does the committee want to see in the pack?",
        &["listen", "explore"],
        &[],
    ),
    (
        "hengda-packaging-en",
        "Forty-eight thousand? Vendor B quoted forty. You're twenty percent above them for a box that puts cartons in boxes.",
        "Twenty percent above them, fair enough. Where would you want the difference to show up?",
        &["listen", "explore"],
        &[],
    ),
    (
        "hengda-packaging-en",
        "The capex committee meets on the 15th. If the paperwork isn't in by then, it slips to next quarter.",
        "Next quarter? By then the night shift will have lost another ten hours to jams.",
        &[],
        &["listen", "explore"],
    ),
    (
        "hengda-packaging-en",
        "Forty-eight thousand? Vendor B quoted forty. You're twenty percent above them for a box that puts cartons in boxes.",
        "Vendor B at forty, sure. But their engineer is three hours away.",
        &[],
        &["listen"],
    ),
    (
        "brightwater-saas-en",
        "Honestly, it looks too big for a studio our size.",
        "Studio your size, right. Honestly, you're wrong about that, it's tiny.",
        &[],
        &["listen"],
    ),
    (
        "deren-dental-zh",
        "两万块够我买半台新的洁牙设备了，太贵了。",
        "两万块太贵？那您算算一年爽约少收多少钱。",
        &[],
        &["explore"],
    ),
    (
        "deren-dental-zh",
        "一年将近两万？隔壁那个免费小程序也能预约啊。",
        "呵呵，免费的您也放心用？",
        &[],
        &["explore", "acknowledge"],
    ),
    (
        "deren-dental-zh",
        "两万块够我买半台新的洁牙设备了，太贵了。",
        "两万块确实不是小数。您现在一个月大概有多少患者爽约？",
        &["explore"],
        &[],
    ),
    // an acknowledgement that names what the customer feels says it back
    (
        "hengda-packaging-en",
        "Let me be straight: your price is too high. Vendor B is eight thousand cheaper for the same job.",
        "I understand you feel the price is too high next to Vendor B. What does their quote include?",
        &["listen", "acknowledge", "explore"],
        &[],
    ),
    (
        "reilly-training-en",
        "Carrow Foods alone was worth three hundred thousand a year to us.",
        "And you think twenty-four grand is expensive? Come on, Pat.",
        &[],
        &["listen"],
    ),
    // a longer echo, and one received in the next sentence
    (
        "reilly-training-en",
        "We can't take people off the road in the busy season.",
        "Nobody off the road in busy season, understood. Which months are worst?",
        &["listen", "explore"],
        &[],
    ),
    (
        "brightwater-saas-en",
        "If I'm honest, we wrote off roughly 600 hours last year because timesheets came in after the invoices went out.",
        "600 hours written off. That hurts. How many of those were never billed at all?",
        &["listen", "acknowledge", "explore"],
        &[],
    ),
    // a receipt, then the customer's point in the player's words; a
    // receipt, then a promise, says nothing back
    (
        "deren-dental-zh",
        "诊所是我和我爱人合开的，花钱的事她管账，她点头才行。",
        "明白，花钱的事得嫂子点头。那我给她单独演示一次？",
        &["listen"],
        &[],
    ),
    (
        "deren-dental-zh",
        "你先把资料留下，我回去研究研究。",
        "好的，资料我留下，您有空看看。",
        &[],
        &["listen"],
    ),
];

#[test]
fn an_echo_is_listening_only_when_received() {
    let analyzers = analyzers();
    let mut wrong = Vec::new();
    for (id, context, text, must, must_not) in ECHOES {
        let tags = predicted_tags(&analyzers[*id].analyze(text, Some(context)));
        let missing: Vec<_> = must.iter().filter(|t| !tags.contains(**t)).collect();
        let extra: Vec<_> = must_not.iter().filter(|t| tags.contains(**t)).collect();
        if !missing.is_empty() || !extra.is_empty() {
            wrong.push(format!(
                "{id}: {text}\n    missing {missing:?}, unwanted {extra:?}, got {tags:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
