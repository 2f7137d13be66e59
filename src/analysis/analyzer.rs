//! The analyzer: one reply in, tagged moves with evidence out.
//!
//! The reply is scanned once for every phrase (`patterns`), split into
//! sentences and numbers, and read for offers (`offers`); the `rules` then
//! tag it, each rule in its own function.

use serde::{Deserialize, Serialize};

use super::builder::Builder;
use super::lexicon::Lexicon;
use super::paraphrase::{KeySet, Stopwords, content_keys, is_han_key, word_stems};
use super::patterns::Patterns;
use super::reader::Reader;
use super::rules::{self, Ctx};
use super::tags::{Fab, Laer, Negative, Technique};
use super::text::WordIndex;
use crate::scenario::{Scenario, TradeableKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Open,
    Closed,
}

/// One offer in a reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Offer {
    Price {
        amount: f64,
        currency: Option<String>,
        conditional: bool,
    },
    DiscountPercent {
        percent: f64,
        conditional: bool,
    },
    DiscountAmount {
        amount: f64,
        conditional: bool,
    },
    Tradeable {
        id: String,
        conditional: bool,
    },
}

impl QuestionKind {
    /// The name in `analyze --jsonl`.
    pub fn name(self) -> &'static str {
        match self {
            QuestionKind::Open => "open",
            QuestionKind::Closed => "closed",
        }
    }
}

impl Offer {
    /// The `kind` in `analyze --jsonl`.
    pub fn kind(&self) -> &'static str {
        match self {
            Offer::Price { .. } => "price",
            Offer::DiscountPercent { .. } => "discount_percent",
            Offer::DiscountAmount { .. } => "discount_amount",
            Offer::Tradeable { .. } => "tradeable",
        }
    }

    pub fn conditional(&self) -> bool {
        match self {
            Offer::Price { conditional, .. }
            | Offer::DiscountPercent { conditional, .. }
            | Offer::DiscountAmount { conditional, .. }
            | Offer::Tradeable { conditional, .. } => *conditional,
        }
    }
}

/// The words that earned a tag: byte offsets into the reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub tag: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub laer: Vec<Laer>,
    pub question: Option<QuestionKind>,
    pub fab: Vec<Fab>,
    pub techniques: Vec<Technique>,
    pub negatives: Vec<Negative>,
    pub offers: Vec<Offer>,
    pub evidence: Vec<Evidence>,
    /// Persona pain ids the reply touches (scenario only).
    pub pains: Vec<String>,
    /// Product feature ids the reply names (scenario only).
    pub features: Vec<String>,
    /// The reply proposes to close ("shall we sign?"); not part of the
    /// `--jsonl` contract.
    #[serde(skip)]
    pub closing: bool,
}

impl Analysis {
    pub fn has_laer(&self, step: Laer) -> bool {
        self.laer.contains(&step)
    }
}

/// The scenario facts the analyzer needs, copied out so it owns no borrows.
pub(crate) struct ScenarioTerms {
    pub(crate) feature_ids: Vec<String>,
    pub(crate) tradeables: Vec<(String, TradeableKind)>,
    /// Per tradeable, the word stems of each of its Latin names of two
    /// words or more, to find it said in another order or form ("split the
    /// payment" for "split payment", "price locked" for "lock the price").
    pub(crate) tradeable_stems: Vec<Vec<Vec<u64>>>,
    /// Per tradeable, the Han character pairs of each Chinese name of three
    /// pairs or more, for names said in other words ("付款分成两个财年").
    pub(crate) tradeable_pairs: Vec<Vec<Vec<u64>>>,
    /// All of those pairs, so a reply's other pairs are skipped at once.
    pub(crate) any_tradeable_pair: KeySet,
    /// All of those stems, so a reply's other words are skipped at once.
    pub(crate) any_tradeable_stem: KeySet,
    pub(crate) pain_ids: Vec<String>,
    /// Content words of each feature's advantage, for paraphrases of it.
    pub(crate) advantage_keys: Vec<Vec<u64>>,
    /// Content keys of what the customer says and cares about (objection
    /// lines and terms, pains, hidden facts), for paraphrase checks.
    pub(crate) concern_keys: KeySet,
    pub(crate) list_price: f64,
    pub(crate) currency: String,
    /// Figures the customer says in this scenario (a rival's price, their
    /// budget, their fallback): said back, they are no offer.
    pub(crate) customer_figures: Vec<f64>,
}

/// Lexicon word lists indexed once (see [`WordIndex`]) for the lookups
/// made per reply.
pub(crate) struct LexiconWords {
    /// `clause_joins` by first byte (`offers::condition_clauses`).
    pub(crate) joins: WordIndex,
    /// `tag_questions` by last byte.
    pub(crate) tags: WordIndex,
    /// `not_price_before` by last byte.
    pub(crate) not_price_before: WordIndex,
}

impl LexiconWords {
    fn new(l: &Lexicon) -> LexiconWords {
        LexiconWords {
            joins: WordIndex::by_first(&l.clause_joins),
            tags: WordIndex::by_last(&l.tag_questions),
            not_price_before: WordIndex::by_last(&l.not_price_before),
        }
    }
}

pub struct Analyzer {
    pub(crate) lexicon: Lexicon,
    pub(crate) patterns: Patterns,
    pub(crate) stopwords: Stopwords,
    pub(crate) words: LexiconWords,
    pub(crate) scenario: Option<ScenarioTerms>,
    /// The learned second reader of LAER steps; none for the rules alone.
    reader: Option<&'static Reader>,
}

/// The fewest Han character pairs a Chinese tradeable name needs to be
/// found said in other words: shorter names are aliases, matched as written.
pub(crate) const MIN_NAME_PAIRS: usize = 3;

/// Per tradeable, what `keys` makes of each of its names (the name and
/// its aliases), where it makes anything.
fn tradeable_names(s: &Scenario, keys: impl Fn(&str) -> Option<Vec<u64>>) -> Vec<Vec<Vec<u64>>> {
    s.product
        .tradeables
        .iter()
        .map(|t| {
            std::iter::once(&t.name)
                .chain(&t.aliases)
                .filter_map(|a| keys(a))
                .collect()
        })
        .collect()
}

impl ScenarioTerms {
    fn new(s: &Scenario, stopwords: &Stopwords) -> ScenarioTerms {
        let tradeable_stems = tradeable_names(s, |a| {
            let stems: Vec<u64> = word_stems(a, stopwords, |_| true)
                .into_iter()
                .map(|w| w.0)
                .collect();
            (stems.len() >= 2).then_some(stems)
        });
        let tradeable_pairs = tradeable_names(s, |a| {
            let mut pairs = content_keys(a, stopwords);
            pairs.retain(|k| is_han_key(*k));
            pairs.sort_unstable();
            pairs.dedup();
            (pairs.len() >= MIN_NAME_PAIRS).then_some(pairs)
        });
        ScenarioTerms {
            any_tradeable_pair: tradeable_pairs
                .iter()
                .flatten()
                .flatten()
                .copied()
                .collect(),
            tradeable_pairs,
            feature_ids: s.product.features.iter().map(|f| f.id.clone()).collect(),
            tradeables: s
                .product
                .tradeables
                .iter()
                .map(|t| (t.id.clone(), t.kind))
                .collect(),
            any_tradeable_stem: tradeable_stems
                .iter()
                .flatten()
                .flatten()
                .copied()
                .collect(),
            tradeable_stems,
            pain_ids: s.persona.pains.iter().map(|p| p.id.clone()).collect(),
            advantage_keys: s
                .product
                .features
                .iter()
                .map(|f| content_keys(&f.advantage, stopwords))
                .collect(),
            concern_keys: s
                .objections
                .iter()
                .flat_map(|o| o.terms.iter().chain(&o.lines))
                .chain(s.persona.pains.iter().flat_map(|p| &p.terms))
                .chain(s.persona.hidden.iter().map(|h| &h.text))
                .flat_map(|t| content_keys(t, stopwords))
                .collect(),
            list_price: s.product.list_price,
            currency: s.product.currency.clone(),
            customer_figures: s
                .objections
                .iter()
                .flat_map(|o| &o.lines)
                .chain(s.persona.hidden.iter().map(|h| &h.text))
                .chain(s.persona.pains.iter().map(|p| &p.description))
                .flat_map(|t| super::numbers::scan(t))
                .map(|n| n.value)
                .collect(),
        }
    }
}

impl Analyzer {
    pub fn new(lexicon: Lexicon, scenario: Option<&Scenario>) -> Analyzer {
        let patterns = Patterns::new(&lexicon, scenario);
        let stopwords = Stopwords::new(&lexicon.stopwords);
        let scenario = scenario.map(|s| ScenarioTerms::new(s, &stopwords));
        Analyzer {
            words: LexiconWords::new(&lexicon),
            lexicon,
            patterns,
            stopwords,
            scenario,
            reader: Some(Reader::shipped()),
        }
    }

    /// The rules alone, without the learned reader: what the reader is
    /// trained on (`analyze --no-reader`).
    pub fn rules_only(mut self) -> Analyzer {
        self.reader = None;
        self
    }

    /// Tags one reply. `context` is the customer's last line, when known.
    pub fn analyze(&self, text: &str, context: Option<&str>) -> Analysis {
        let ctx = Ctx::new(self, text, context);
        let mut b = Builder::new(text);
        // a stuffed reply earns no move, only its offers and its negatives
        let stuffed = rules::stuffing(&ctx);
        let mut question = None;
        if stuffed.is_none() {
            rules::listen(&ctx, &mut b);
            rules::acknowledge(&ctx, &mut b);
            question = rules::explore(&ctx, &mut b);
            rules::fab(&ctx, &mut b);
            rules::techniques(&ctx, &mut b);
        }
        rules::negatives(&ctx, stuffed, &mut b);
        // a recital's figures may still be offers; the add-ons it lists are not
        rules::offers(&ctx, stuffed.is_none(), &mut b);
        if stuffed.is_none() {
            rules::respond(&mut b);
        }
        let mut analysis = b.finish(question, ctx.closing());
        // the reader only adds steps the rules missed: with all four found
        // it has nothing to add
        let missed = Laer::ALL.iter().any(|l| !analysis.has_laer(*l));
        if let Some(reader) = self.reader.filter(|_| stuffed.is_none() && missed) {
            // a paraphrase must say back something of the customer's, and
            // a question the rules found asks nothing (small talk, a push)
            // does not explore
            reader.revise(
                &mut analysis,
                text,
                context,
                &ctx.sentences,
                |laer, s| match laer {
                    Laer::Listen => rules::may_listen(&ctx, s),
                    Laer::Explore => rules::may_explore(&ctx, s),
                    _ => true,
                },
            );
        }
        analysis
    }
}
