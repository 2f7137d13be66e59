//! The analyzer's vocabulary for one language, read from
//! `assets/lexicon/<lang>.ron` so instructors can extend it without Rust.
//! Phrases match case-insensitively (ASCII) and, for Latin text, only at word
//! boundaries.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

use super::tags::{Negative, Technique};
use crate::diagnostic::{Diagnostic, line_col};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub language: String,
    /// Framing that restates the customer's concern ("so what you're saying").
    pub listen: Vec<String>,
    /// Validation of the customer's feeling ("that's a fair concern").
    pub acknowledge: Vec<String>,
    /// Words that make a question open ("what", "how", "为什么").
    pub open_question: Vec<String>,
    /// Probes that explore without a question mark ("tell me about", "想了解").
    pub probe: Vec<String>,
    /// Sentence endings that make a question without a question mark ("吗").
    pub question_endings: Vec<String>,
    /// Openings that make a question of a sentence typed without a question
    /// mark or full stop ("how much did you spend").
    pub question_starts: Vec<String>,
    /// Generic feature phrasing used when no scenario names the features.
    pub feature: Vec<String>,
    /// What a feature does better ("faster", "instead of", "减少").
    pub advantage: Vec<String>,
    /// Outcome framing for the customer ("so your", "这样您").
    pub benefit: Vec<String>,
    pub techniques: BTreeMap<Technique, Vec<String>>,
    pub negatives: BTreeMap<Negative, Vec<String>>,
    /// Makes an offer conditional ("if you", "如果您").
    pub conditional: Vec<String>,
    /// Proposes to close the deal ("shall we sign", "那我们就签吧").
    pub close: Vec<String>,
    /// Signals an offer ("how about", "I can do", "我们可以").
    pub offer: Vec<String>,
    /// Signals that a tradeable is being given ("include", "free", "送").
    pub give: Vec<String>,
    /// Words next to a percentage that make it a discount ("off", "discount").
    pub discount: Vec<String>,
    /// Currency markers and the ISO code each stands for.
    pub currency: Vec<(String, String)>,
    /// Units after a number that make it something other than a price.
    pub not_price_units: Vec<String>,
    /// Words just before a number that make it something other than an
    /// offer: thresholds ("over"), starting points ("from"), savings ("save").
    pub not_price_before: Vec<String>,
    /// Words after a number (past any currency word) that make it a cost per
    /// period or head rather than a price ("83 dollars a month", "每天").
    pub per_period: Vec<String>,
    /// Currency words read past between a number and the word after it
    /// ("500 dollars off"). The first that fits is skipped, so a longer word
    /// goes before its prefix ("dollars", then "dollar").
    pub currency_words: Vec<String>,
    /// Words after a number that make it a percentage ("%", "percent").
    pub percent: Vec<String>,
    /// Words after an amount that make it a discount ("500 off"). As
    /// `discount` words they do not mark the number after them.
    pub discount_after: Vec<String>,
    /// Words that may stand between a `discount` word and its amount
    /// ("discount of 500", "优惠了两千"); matched as written.
    pub discount_links: Vec<String>,
    /// Text just before a four-digit number from 1900 to 2100 that makes it
    /// a year ("since 2019"); matched as written, also as the end of a
    /// longer word.
    pub year_before: Vec<String>,
    /// Text just after a number that makes it a year ("2019年").
    pub year_after: Vec<String>,
    /// Text just after a number that makes it a share, not an amount ("一半").
    pub fraction_after: Vec<String>,
    /// Words starting with "折" that are not a discount rate ("折扣").
    pub not_zhe: Vec<String>,
    /// Words that end an "if you…" clause and start the promise ("order
    /// before the 30th and we'll include…"); matched between spaces.
    pub clause_joins: Vec<String>,
    /// Words ignored when comparing a paraphrase with the customer's line.
    pub stopwords: Vec<String>,
    /// Named word sets that any phrase may use as `{name}` or `{name?}`
    /// (see `expand`).
    pub slots: BTreeMap<String, Vec<String>>,
    /// Negation ("not", "don't", "不"): a listen, acknowledge or probe cue
    /// shortly after one in the same clause does not count.
    pub negators: Vec<String>,
    /// Sarcasm ("yeah right", "呵呵"): nothing in the reply acknowledges, and
    /// the customer hears it as arguing.
    pub sarcasm: Vec<String>,
    /// Contrast ("but", "但是"): what follows counts against what came before.
    pub contrast: Vec<String>,
    /// Small talk ("how are you", "最近忙吗"): a question that does not
    /// explore the customer's situation.
    pub small_talk: Vec<String>,
    /// Proposals put as questions ("would it help if I…", "要不要我…"):
    /// they offer something rather than explore.
    pub proposal: Vec<String>,
    /// What a condition asks the customer to commit ("sign", "the
    /// two-year term", "下单", "合同"): a condition naming one in the
    /// sentence after an offer ("For that I'd need the two-year term.",
    /// "前提是您得签两年。") makes the offer conditional.
    pub commitments: Vec<String>,
    /// Words that give something away for nothing ("throw in", "on the
    /// house", "送", "免费"): read without a scenario, where no named
    /// tradeable says what an extra is, a stated gift is a tradeable offer.
    #[serde(default)]
    pub gifts: Vec<String>,
    /// Checks that close a restatement ("right?", "对吧？"); read as written
    /// at the end of a sentence.
    pub tag_questions: Vec<String>,
    /// Openers that sum up ("so", "basically", "说白了"): a sentence opening
    /// with one that says the customer's words back restates them.
    pub summary: Vec<String>,
    /// Words that receive what the customer said ("got it", "noted",
    /// "明白"): after a fragment of the customer's words they make it a
    /// restatement ("Two sizes, got it.").
    #[serde(default)]
    pub receipts: Vec<String>,
    /// Words addressing the customer ("you", "您"): a sentence that says
    /// the customer's own words back to them restates their concern.
    pub addressee: Vec<String>,
    /// The rubric's own words ("feature:", "ROI", "成本拆分"): listed bare
    /// they are keyword stuffing, not the move they name.
    pub rubric: Vec<String>,
    /// Announcing a move instead of making it ("let me use", "我用一下"):
    /// followed by a rubric word in its clause, the reply is a recital.
    pub naming: Vec<String>,
    /// Words that make a figure in their clause describe something (a cost,
    /// a loss, a gap, a competitor's price, a result) rather than offer it.
    pub figure_context: Vec<String>,
    /// First-person words ("our", "我们的"): praise after them is of our own
    /// offer, not acknowledgement of the customer.
    pub ours: Vec<String>,
    /// Words pointing at someone else's product ("their", "隔壁"): a feature
    /// named after them in the same clause is not ours.
    pub theirs: Vec<String>,
    /// Phrases that hide every shorter cue inside them ("另一家" holds "一家").
    pub masks: Vec<String>,
    /// Words of a problem or a burden ("stuck", "hurt", "害怕", "耗掉"): a
    /// restating frame followed by the customer's side in the player's own
    /// words says their problem back when it names one.
    #[serde(default)]
    pub troubles: Vec<String>,
}

impl Lexicon {
    /// Parses a lexicon file, reporting problems like `check` does.
    pub fn parse(src: &str, path: &str) -> Result<Lexicon, Vec<Diagnostic>> {
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        let lexicon: Lexicon = ron::Options::default().from_str(src).map_err(|e| {
            vec![
                Diagnostic::error(
                    path,
                    (e.span.start.line, e.span.start.col),
                    e.code.to_string(),
                )
                .with_help("see assets/lexicon/en.ron for the expected shape"),
            ]
        })?;
        let mut problems = Vec::new();
        let whole = (0, 0);
        // Serde keeps no spans; the list's own name in the source is close enough.
        let at = |name: &str| {
            src.find(&format!("{name}:"))
                .map_or(whole, |i| line_col(src, i))
        };
        for (name, list) in lexicon
            .named_lists()
            .into_iter()
            .chain(lexicon.word_lists())
        {
            if list.iter().any(|p| p.trim().is_empty()) {
                problems.push(
                    Diagnostic::error(path, at(name), format!("`{name}` contains an empty phrase"))
                        .with_help("remove the empty string"),
                );
            }
        }
        for (name, list) in lexicon.named_lists() {
            for phrase in list {
                if let Err(e) = super::expand::expand(phrase, &lexicon.slots) {
                    problems.push(
                        Diagnostic::error(path, at(name), format!("`{name}`: \"{phrase}\" {e}"))
                            .with_help(
                                "`[a|b]` is optional, `(a|b)` a choice, `{slot}` a word of `slots`, `<word>` the word or a typo of it",
                            ),
                    );
                }
            }
        }
        let stem = Path::new(path).file_stem().and_then(|s| s.to_str());
        if stem.is_some_and(|stem| stem != lexicon.language) {
            problems.push(
                Diagnostic::error(
                    path,
                    at("language"),
                    format!(
                        "the file says language \"{}\" but is named {}",
                        lexicon.language, path
                    ),
                )
                .with_help("name the file after its language, e.g. zh-CN.ron"),
            );
        }
        for t in Technique::ALL {
            if lexicon.techniques.get(t).is_none_or(Vec::is_empty) {
                problems.push(
                    Diagnostic::error(
                        path,
                        whole,
                        format!("technique `{}` has no phrases", t.name()),
                    )
                    .with_help("every technique needs at least one phrase"),
                );
            }
        }
        if problems.is_empty() {
            Ok(lexicon)
        } else {
            Err(problems)
        }
    }

    /// Every phrase list with its name, for validation and benchmarks.
    pub fn named_lists(&self) -> Vec<(&'static str, &Vec<String>)> {
        let mut lists = vec![
            ("listen", &self.listen),
            ("acknowledge", &self.acknowledge),
            ("open_question", &self.open_question),
            ("probe", &self.probe),
            ("question_starts", &self.question_starts),
            ("feature", &self.feature),
            ("advantage", &self.advantage),
            ("benefit", &self.benefit),
            ("conditional", &self.conditional),
            ("close", &self.close),
            ("offer", &self.offer),
            ("give", &self.give),
            ("discount", &self.discount),
            ("not_price_units", &self.not_price_units),
            ("not_price_before", &self.not_price_before),
            ("negators", &self.negators),
            ("sarcasm", &self.sarcasm),
            ("contrast", &self.contrast),
            ("small_talk", &self.small_talk),
            ("proposal", &self.proposal),
            ("commitments", &self.commitments),
            ("gifts", &self.gifts),
            ("summary", &self.summary),
            ("receipts", &self.receipts),
            ("addressee", &self.addressee),
            ("rubric", &self.rubric),
            ("naming", &self.naming),
            ("figure_context", &self.figure_context),
            ("ours", &self.ours),
            ("theirs", &self.theirs),
            ("masks", &self.masks),
            ("troubles", &self.troubles),
        ];
        lists.extend(self.techniques.iter().map(|(t, l)| (t.name(), l)));
        lists.extend(self.negatives.iter().map(|(n, l)| (n.name(), l)));
        lists
    }

    /// The word lists read around numbers and clauses, with their names.
    /// Checked like the phrase lists but kept out of `named_lists`: they are
    /// not matched as phrases, so neither `check`'s phrase count nor the
    /// benchmark's automaton includes them.
    pub fn word_lists(&self) -> Vec<(&'static str, &Vec<String>)> {
        vec![
            ("per_period", &self.per_period),
            ("currency_words", &self.currency_words),
            ("percent", &self.percent),
            ("discount_after", &self.discount_after),
            ("discount_links", &self.discount_links),
            ("year_before", &self.year_before),
            ("year_after", &self.year_after),
            ("fraction_after", &self.fraction_after),
            ("not_zhe", &self.not_zhe),
            ("clause_joins", &self.clause_joins),
            ("tag_questions", &self.tag_questions),
        ]
    }
}

/// The lexicon for `language`: `dir/<language>.ron` when an instructor has
/// one there (so extending it needs no rebuild), else the shipped copy.
pub fn load(dir: &Path, language: &str) -> Result<Lexicon, Vec<Diagnostic>> {
    let path = dir.join(format!("{language}.ron"));
    let label = path.display().to_string();
    let refuse = |message: String, help: &str| {
        vec![Diagnostic::error(&label, (0, 0), message).with_help(help)]
    };
    // a language is a name such as "zh-CN", never a path
    let plain = !language.is_empty()
        && language.len() <= 16
        && language
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !plain {
        return Err(refuse(
            format!(
                "\"{}\" is not a language name",
                crate::diagnostic::shown(language, 40)
            ),
            "the shipped languages are \"en\" and \"zh-CN\"",
        ));
    }
    // like scenario folders: what a lexicon folder holds stays inside it
    if let Some(target) = crate::storage::link_leaves(&path, dir) {
        return Err(refuse(
            format!(
                "is a link to {} outside the lexicon folder; it is not read",
                target.display()
            ),
            "copy the lexicon into the folder instead of linking to it",
        ));
    }
    match crate::storage::read_text_bounded(&path, crate::storage::cap::LEXICON) {
        Ok(src) => Lexicon::parse(&src, &label),
        Err(e) if e.is_not_found() => builtin(language).ok_or_else(|| {
            refuse(
                format!("no lexicon for language \"{language}\""),
                "the shipped languages are \"en\" and \"zh-CN\"",
            )
        }),
        Err(e) => Err(refuse(e.to_string(), e.help())),
    }
}

/// The lexicons shipped in the binary, so analysis works wherever it runs.
/// Parsed once per process.
pub fn builtin(language: &str) -> Option<Lexicon> {
    static EN: OnceLock<Option<Lexicon>> = OnceLock::new();
    static ZH: OnceLock<Option<Lexicon>> = OnceLock::new();
    let (cell, src, path) = match language {
        "en" => (
            &EN,
            include_str!("../../assets/lexicon/en.ron"),
            "assets/lexicon/en.ron",
        ),
        "zh-CN" => (
            &ZH,
            include_str!("../../assets/lexicon/zh-CN.ron"),
            "assets/lexicon/zh-CN.ron",
        ),
        _ => return None,
    };
    cell.get_or_init(|| Lexicon::parse(src, path).ok()).clone()
}

/// Whether a lexicon ships for `language`.
pub fn has_builtin(language: &str) -> bool {
    matches!(language, "en" | "zh-CN")
}
