//! The rules that turn a reply's hits into tags, one function per rule,
//! all reading one [`Ctx`]. They mirror the course: a question explores, a
//! benefit must touch a pain of this customer, an offer is a number that
//! looks like a price, and so on.

use std::cell::{Cell, OnceCell};

mod fab;
mod laer;
mod scope;
mod stuffing;
mod techniques;
mod tradeables;

pub(crate) use fab::fab;
pub(crate) use laer::{acknowledge, explore, listen, may_explore, may_listen, respond};
pub(crate) use stuffing::stuffing;
pub(crate) use techniques::{negatives, techniques};
pub(crate) use tradeables::offers;

use super::analyzer::{Analyzer, LexiconWords, ScenarioTerms};
use super::lexicon::Lexicon;
use super::numbers::{self, Number};
use super::offers::{self as found, Spanned};
use super::paraphrase::{KeySet, Stopwords, content_keys, word_stems};
use super::patterns::{Cue, Hit};
use super::tags::{Negative, Technique};
use super::text::{
    Clauses, Sentence, blank, is_han, mark_tag_questions, mark_unpunctuated_questions, sentences,
};

/// The smallest figure that can be a sum of money on its own (below it,
/// a count or a term: "两年", "3 seats"), unless written with a magnitude.
const MIN_SUM: f64 = 100.0;

/// One reply as every rule sees it.
pub(crate) struct Ctx<'a> {
    pub(crate) text: &'a str,
    /// The customer's last line, when known.
    context: Option<&'a str>,
    pub(crate) lexicon: &'a Lexicon,
    /// The lexicon's word lists indexed for per-reply lookups.
    pub(crate) words: &'a LexiconWords,
    pub(crate) scenario: Option<&'a ScenarioTerms>,
    pub(crate) stopwords: &'a Stopwords,
    pub(crate) hits: Vec<Hit>,
    pub(crate) sentences: Vec<Sentence>,
    pub(crate) numbers: Vec<Number>,
    /// The clause punctuation, for the clause around any offset.
    pub(crate) clause_marks: Clauses,
    /// Spans from a conditional cue to the end of its clause ("if you sign
    /// a service contract,"): what the customer gives, not what is offered.
    clauses: Spans,
    /// Prices and discounts, each with the span of the words that make it.
    offers: Vec<Spanned>,
    /// Where content does not answer the concern (see [`Ctx::stated`]).
    muted: Spans,
    /// Content keys of the customer's last line (empty when unknown).
    context_keys: OnceCell<KeySet>,
    /// Figures in the customer's last line.
    context_figures: OnceCell<Vec<f64>>,
    /// Stems of the reply's words that name a tradeable, with their spans.
    stems: OnceCell<Vec<(u64, usize, usize)>>,
    /// Content keys of each sentence, worked out when a rule first asks.
    sentence_keys: Vec<OnceCell<Vec<u64>>>,
    /// The longest hit, so a search for hits around a point stays local.
    longest_hit: usize,
    /// The range `hits_in` was last asked for and the hits it found (as
    /// `(from, to, first, last)`): the rules ask of one sentence many times
    /// in a row, and a repeat skips both binary searches.
    last_hits_in: Cell<(usize, usize, usize, usize)>,
    /// Whether anything in the reply is sarcastic ("yeah right", "呵呵"):
    /// asked once per cue or sentence, so found once.
    sarcastic: bool,
}

/// Byte spans, sorted and merged, so a lookup is a binary search: the
/// analyzer stays linear in the length of the reply.
#[derive(Default)]
pub(crate) struct Spans(Vec<(usize, usize)>);

impl Spans {
    fn new(mut spans: Vec<(usize, usize)>) -> Spans {
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (start, end) in spans {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        Spans(merged)
    }

    /// Whether byte offset `at` falls in any span.
    fn covers(&self, at: usize) -> bool {
        let i = self.0.partition_point(|s| s.0 <= at);
        i > 0 && at < self.0[i - 1].1
    }
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(analyzer: &'a Analyzer, text: &'a str, context: Option<&'a str>) -> Self {
        let lexicon = &analyzer.lexicon;
        let clause_marks = Clauses::new(text);
        let hits = scope::drop_negated(text, &clause_marks, analyzer.patterns.hits(text));
        let mut sentences = sentences(text);
        mark_unpunctuated_questions(text, &mut sentences, &lexicon.question_starts);
        mark_tag_questions(text, &mut sentences, &analyzer.words.tags);
        let clauses = Spans::new(found::condition_clauses(
            text,
            &hits,
            &analyzer.words.joins,
            &clause_marks,
        ));
        let longest_hit = hits.iter().map(|h| h.end - h.start).max().unwrap_or(0);
        let sarcastic = hits.iter().any(|h| h.cue == Cue::Sarcasm);
        let sentence_keys = sentences.iter().map(|_| OnceCell::new()).collect();
        let mut ctx = Ctx {
            text,
            context,
            lexicon,
            words: &analyzer.words,
            scenario: analyzer.scenario.as_ref(),
            stopwords: &analyzer.stopwords,
            hits,
            sentences,
            numbers: numbers::scan(text),
            clause_marks,
            clauses,
            offers: Vec::new(),
            muted: Spans::default(),
            context_keys: OnceCell::new(),
            context_figures: OnceCell::new(),
            stems: OnceCell::new(),
            sentence_keys,
            longest_hit,
            // an empty range finds no hits
            last_hits_in: Cell::new((0, 0, 0, 0)),
            sarcastic,
        };
        // both read the context built so far
        ctx.offers = found::offers(&ctx);
        ctx.muted = ctx.muted_spans();
        ctx
    }

    /// Content only answers the concern where the player is stating it:
    /// not inside a question, a paraphrase, an argument or an exaggeration,
    /// nor inside the "if you..." clause that names the customer's side.
    fn muted_spans(&self) -> Spans {
        let spans = self
            .sentences
            .iter()
            .filter(|s| {
                s.question
                    || self.sentence_has(**s, |c| {
                        // amplifying the pain describes the problem, not the product
                        matches!(
                            c,
                            Cue::Listen
                                | Cue::Negative(Negative::Arguing | Negative::Exaggeration)
                                | Cue::Technique(Technique::PainAmplification)
                        )
                    })
            })
            .map(|s| (s.start, s.end))
            .chain(self.clauses.0.iter().copied())
            .collect();
        Spans::new(spans)
    }

    /// The hits that start in `from..to`, in order.
    pub(crate) fn hits_in(&self, from: usize, to: usize) -> &[Hit] {
        let (f, t, mut first, mut last) = self.last_hits_in.get();
        if (f, t) != (from, to) {
            first = self.hits.partition_point(|h| h.start < from);
            last = self.hits.partition_point(|h| h.start < to).max(first);
            self.last_hits_in.set((from, to, first, last));
        }
        &self.hits[first..last]
    }

    /// A run of hits, in order, holding every hit that ends at or after
    /// `from` and starts before `to` (and perhaps a few more).
    pub(crate) fn hits_near(&self, from: usize, to: usize) -> &[Hit] {
        self.hits_in(from.saturating_sub(self.longest_hit), to)
    }

    /// The numbers that start in `from..to`, in order.
    pub(crate) fn numbers_in(&self, from: usize, to: usize) -> &[Number] {
        let first = self.numbers.partition_point(|n| n.start < from);
        let last = self.numbers.partition_point(|n| n.start < to);
        &self.numbers[first..last.max(first)]
    }

    /// Whether a price or discount was read in sentence `s`.
    pub(crate) fn offered_in(&self, s: Sentence) -> bool {
        let first = self.offers.partition_point(|o| o.1 < s.start);
        self.offers.get(first).is_some_and(|o| s.contains(o.1))
    }

    /// The hits whose cue passes `cue`, in order.
    pub(crate) fn any(&self, cue: impl Fn(Cue) -> bool) -> impl Iterator<Item = Hit> {
        self.hits.iter().filter(move |h| cue(h.cue)).copied()
    }

    /// Whether the player states `h` rather than asking, restating or
    /// arguing it, or naming it as a condition.
    pub(crate) fn stated(&self, h: &Hit) -> bool {
        !self.muted.covers(h.start)
    }

    /// [`Ctx::any`] limited to what the player states.
    pub(crate) fn any_stated(&self, cue: impl Fn(Cue) -> bool) -> impl Iterator<Item = Hit> {
        self.any(cue).filter(move |h| self.stated(h))
    }

    /// The hits in sentence `s` whose cue passes `cue`, in order.
    pub(crate) fn in_sentence(
        &self,
        s: Sentence,
        cue: impl Fn(Cue) -> bool,
    ) -> impl Iterator<Item = Hit> {
        self.hits_in(s.start, s.end)
            .iter()
            .filter(move |h| cue(h.cue))
            .copied()
    }

    pub(crate) fn sentence_has(&self, s: Sentence, cue: impl Fn(Cue) -> bool) -> bool {
        self.in_sentence(s, cue).next().is_some()
    }

    /// The sentence where `h` starts.
    pub(crate) fn sentence_of(&self, h: &Hit) -> Option<Sentence> {
        let i = self.sentences.partition_point(|s| s.start <= h.start);
        let s = *self.sentences.get(i.checked_sub(1)?)?;
        s.contains(h.start).then_some(s)
    }

    /// Whether `h` lies within a longer hit whose cue passes `cue`: "if I
    /// understand you" holds "I understand".
    fn inside(&self, h: &Hit, cue: impl Fn(Cue) -> bool) -> bool {
        self.hits_in(h.start.saturating_sub(self.longest_hit), h.start + 1)
            .iter()
            .any(|o| {
                cue(o.cue)
                    && o.start <= h.start
                    && o.end >= h.end
                    && o.end - o.start > h.end - h.start
            })
    }

    /// Whether `h` sits in an "if you..." clause (one naming the customer's
    /// side of a trade; see `condition_clauses`).
    pub(crate) fn in_condition(&self, h: &Hit) -> bool {
        self.clauses.covers(h.start)
    }

    /// Whether an offer in sentence `s` depends on something from the
    /// customer: a condition in `s`, or a next sentence that offers nothing
    /// of its own and either holds a condition asking the customer to
    /// commit ("For that I'd need the two-year term.", "可有一条，您得把
    /// 维保合同一块儿签了。") or, in Chinese, opens with one ("…81万。前提是
    /// 材料赶上月底的会。"). Any other English "If…" sentence after an offer
    /// is mostly a new what-if ("If it doesn't land, you've lost half a day").
    pub(crate) fn conditional(&self, s: Sentence) -> bool {
        let is_condition = |c| c == Cue::Conditional;
        if self.sentence_has(s, is_condition) {
            return true;
        }
        let i = self.sentences.partition_point(|x| x.start <= s.start);
        self.sentences.get(i).is_some_and(|n| {
            // "for" and "at" alone are offer cues only beside a figure, and
            // "两年", "3 years" are terms, not sums
            // "Only if we can agree the three-year term.": a gift word
            // inside the condition offers nothing
            let offers = self
                .in_sentence(*n, |c| c == Cue::Give)
                .any(|g| !self.in_condition(&g))
                || self
                    .numbers_in(n.start, n.end)
                    .iter()
                    .any(|x| x.scaled || x.value >= MIN_SUM);
            let mut conditions = self.in_sentence(*n, is_condition).peekable();
            let opens = conditions
                .peek()
                .is_some_and(|c| blank(&self.text[n.start..c.start]))
                && self.text[n.start..n.end].chars().any(is_han);
            // "我们不是要您马上签" asks for nothing
            let asks_commitment = conditions.any(|c| {
                let clause = self.clause_marks.start(c.start)..self.clause_marks.end(c.end);
                let hits = self.hits_in(clause.start, clause.end);
                let negated = hits
                    .iter()
                    .any(|h| h.cue == Cue::Negator && h.start < c.start);
                !negated && hits.iter().any(|h| h.cue == Cue::Commitment)
            });
            !offers && (opens || asks_commitment)
        })
    }

    fn pressure_or_arguing(&self, s: Sentence) -> bool {
        self.sentence_has(s, |c| {
            matches!(c, Cue::Negative(Negative::Pressure | Negative::Arguing))
        })
    }

    /// Content keys of the customer's last line (empty when unknown),
    /// worked out only when a rule asks: most replies never need them.
    pub(crate) fn context_keys(&self) -> &KeySet {
        self.context_keys.get_or_init(|| {
            self.context
                .map(|c| content_keys(c, self.stopwords).into_iter().collect())
                .unwrap_or_default()
        })
    }

    /// Stems of the reply's Latin content words that can name one of the
    /// scenario's tradeables (nothing else asks), with their spans (see
    /// `word_stems`), worked out once, when a rule first asks.
    pub(crate) fn stems(&self) -> &[(u64, usize, usize)] {
        self.stems.get_or_init(|| match self.scenario {
            Some(s) if !s.any_tradeable_stem.is_empty() => {
                word_stems(self.text, self.stopwords, |stem| {
                    s.any_tradeable_stem.contains(&stem)
                })
            }
            _ => Vec::new(),
        })
    }

    /// Content keys of sentence `s` (see `content_keys`), worked out once,
    /// when a rule first asks.
    pub(crate) fn keys_of(&self, s: Sentence) -> &[u64] {
        let i = self.sentences.partition_point(|x| x.start < s.start);
        let (Some(keys), Some(s)) = (self.sentence_keys.get(i), self.sentences.get(i)) else {
            return &[];
        };
        keys.get_or_init(|| content_keys(&self.text[s.start..s.end], self.stopwords))
    }

    /// Figures in the customer's last line.
    pub(crate) fn context_figures(&self) -> &[f64] {
        self.context_figures.get_or_init(|| {
            self.context
                .map(|c| numbers::scan(c).into_iter().map(|n| n.value).collect())
                .unwrap_or_default()
        })
    }

    /// Whether anything in the reply is sarcastic ("yeah right", "呵呵").
    pub(crate) fn sarcastic(&self) -> bool {
        self.sarcastic
    }

    /// The reply proposes to close ("shall we sign?").
    pub(crate) fn closing(&self) -> bool {
        self.any(|c| c == Cue::Close).next().is_some()
    }
}
