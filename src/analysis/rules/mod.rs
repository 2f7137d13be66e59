//! The rules that turn a reply's hits into tags, one function per rule,
//! all reading one [`Ctx`]. They mirror the course: a question explores, a
//! benefit must touch a pain of this customer, an offer is a number that
//! looks like a price, and so on.

mod fab;
mod laer;
mod scope;
mod stuffing;
mod techniques;
mod tradeables;

pub(crate) use fab::fab;
pub(crate) use laer::{acknowledge, explore, listen, respond};
pub(crate) use techniques::{negatives, techniques};
pub(crate) use stuffing::stuffing;
pub(crate) use tradeables::offers;

use super::analyzer::{Analyzer, ScenarioTerms};
use super::lexicon::Lexicon;
use super::numbers::{self, Number};
use super::offers::{self as found, Spanned};
use super::paraphrase::Stopwords;
use super::patterns::{Cue, Hit};
use super::tags::{Negative, Technique};
use super::text::{Sentence, mark_unpunctuated_questions, sentences};

/// One reply as every rule sees it.
pub(crate) struct Ctx<'a> {
    pub(crate) text: &'a str,
    /// The customer's last line, when known.
    context: Option<&'a str>,
    pub(crate) lexicon: &'a Lexicon,
    pub(crate) scenario: Option<&'a ScenarioTerms>,
    stopwords: &'a Stopwords,
    pub(crate) hits: Vec<Hit>,
    pub(crate) sentences: Vec<Sentence>,
    pub(crate) numbers: Vec<Number>,
    /// Spans from a conditional cue to the end of its clause ("if you sign
    /// a service contract,"): what the customer gives, not what is offered.
    clauses: Vec<(usize, usize)>,
    /// Prices and discounts, each with the span of the words that make it.
    offers: Vec<Spanned>,
    /// Where content does not answer the concern (see [`Ctx::stated`]).
    muted: Vec<(usize, usize)>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(analyzer: &'a Analyzer, text: &'a str, context: Option<&'a str>) -> Self {
        let lexicon = &analyzer.lexicon;
        let hits = scope::drop_negated(text, analyzer.patterns.hits(text));
        let mut sentences = sentences(text);
        mark_unpunctuated_questions(text, &mut sentences, &lexicon.question_starts);
        let clauses = found::condition_clauses(text, &hits, lexicon);
        let mut ctx = Ctx {
            text,
            context,
            lexicon,
            scenario: analyzer.scenario.as_ref(),
            stopwords: &analyzer.stopwords,
            hits,
            sentences,
            numbers: numbers::scan(text),
            clauses,
            offers: Vec::new(),
            muted: Vec::new(),
        };
        // both read the context built so far
        ctx.offers = found::offers(&ctx);
        ctx.muted = ctx.muted_spans();
        ctx
    }

    /// Content only answers the concern where the player is stating it:
    /// not inside a question, a paraphrase, an argument or an exaggeration,
    /// nor inside the "if you..." clause that names the customer's side.
    fn muted_spans(&self) -> Vec<(usize, usize)> {
        self.sentences
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
            .chain(self.clauses.iter().copied())
            .collect()
    }

    /// The hits whose cue passes `cue`, in order.
    pub(crate) fn any(&self, cue: impl Fn(Cue) -> bool) -> impl Iterator<Item = Hit> {
        self.hits.iter().filter(move |h| cue(h.cue)).copied()
    }

    /// Whether the player states `h` rather than asking, restating or
    /// arguing it, or naming it as a condition.
    pub(crate) fn stated(&self, h: &Hit) -> bool {
        !covers(&self.muted, h.start)
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
        self.any(cue).filter(move |h| s.contains(h.start))
    }

    pub(crate) fn sentence_has(&self, s: Sentence, cue: impl Fn(Cue) -> bool) -> bool {
        self.in_sentence(s, cue).next().is_some()
    }

    /// The sentence where `h` starts.
    pub(crate) fn sentence_of(&self, h: &Hit) -> Option<Sentence> {
        self.sentences.iter().find(|s| s.contains(h.start)).copied()
    }

    /// Whether `h` lies within a longer hit whose cue passes `cue`: "if I
    /// understand you" holds "I understand".
    fn inside(&self, h: &Hit, cue: impl Fn(Cue) -> bool) -> bool {
        self.any(cue)
            .any(|o| o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start)
    }

    /// Whether `h` sits in an "if you..." clause.
    pub(crate) fn in_condition(&self, h: &Hit) -> bool {
        covers(&self.clauses, h.start)
    }

    fn pressure_or_arguing(&self, s: Sentence) -> bool {
        self.sentence_has(s, |c| {
            matches!(c, Cue::Negative(Negative::Pressure | Negative::Arguing))
        })
    }

    /// The reply proposes to close ("shall we sign?").
    pub(crate) fn closing(&self) -> bool {
        self.any(|c| c == Cue::Close).next().is_some()
    }
}

/// Whether byte offset `at` falls in any of `spans`.
fn covers(spans: &[(usize, usize)], at: usize) -> bool {
    spans.iter().any(|(start, end)| at >= *start && at < *end)
}
