//! The analyzer: one reply in, tagged moves with evidence out.
//!
//! All phrases (lexicon plus the scenario's features, tradeables and pains)
//! go into one Aho-Corasick automaton, so a reply is scanned once. The hits
//! are then read per sentence with a few rules that mirror the course: a
//! question explores, a benefit must touch a pain of this customer, an offer
//! is a number that looks like a price, and so on.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

use super::lexicon::Lexicon;
use super::numbers::{self, Number};
use super::tags::{Fab, Laer, Negative, Technique};
use crate::scenario::{Scenario, TradeableKind};

/// What a phrase in the automaton signals.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cue {
    Listen,
    Acknowledge,
    OpenWord,
    Probe,
    QuestionEnding,
    GenericFeature,
    Advantage,
    Benefit,
    Technique(Technique),
    /// A technique phrase marked `#` in the lexicon: it counts only in a
    /// sentence with a number ("a month" in "83 dollars a month").
    CountedTechnique(Technique),
    Negative(Negative),
    Conditional,
    Close,
    Offer,
    Give,
    Discount,
    Currency(usize),
    NotPriceUnit,
    Feature(usize),
    Tradeable(usize),
    Pain(usize),
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    cue: Cue,
    start: usize,
    end: usize,
}

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

impl Offer {
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
struct ScenarioTerms {
    feature_ids: Vec<String>,
    tradeables: Vec<(String, TradeableKind)>,
    pain_ids: Vec<String>,
    /// Content words of each feature's advantage, for paraphrases of it.
    advantage_keys: Vec<Vec<u64>>,
    /// Content keys of what the customer says and cares about (objection
    /// lines and terms, pains, hidden facts), for paraphrase checks.
    concern_keys: HashSet<u64>,
    list_price: f64,
    currency: String,
}

pub struct Analyzer {
    lexicon: Lexicon,
    matcher: AhoCorasick,
    cues: Vec<Vec<Cue>>,
    /// Whether each pattern must sit at Latin word boundaries.
    bounded: Vec<bool>,
    stopwords: Stopwords,
    scenario: Option<ScenarioTerms>,
}

#[derive(Default)]
struct PatternSet {
    patterns: Vec<String>,
    cues: Vec<Vec<Cue>>,
    index: HashMap<String, usize>,
}

impl PatternSet {
    fn add(&mut self, phrase: &str, cue: Cue) {
        let phrase = phrase.trim().to_ascii_lowercase();
        if phrase.is_empty() {
            return;
        }
        // curly apostrophes are as common as straight ones in typed text
        let variants = if phrase.contains('\'') {
            vec![phrase.replace('\'', "\u{2019}"), phrase]
        } else {
            vec![phrase]
        };
        for p in variants {
            match self.index.get(&p) {
                Some(&i) => {
                    if !self.cues[i].contains(&cue) {
                        self.cues[i].push(cue);
                    }
                }
                None => {
                    self.index.insert(p.clone(), self.patterns.len());
                    self.patterns.push(p);
                    self.cues.push(vec![cue]);
                }
            }
        }
    }

    fn add_all(&mut self, phrases: &[String], cue: Cue) {
        for p in phrases {
            self.add(p, cue);
        }
    }

    /// Scenario terms are written in the singular; players say
    /// "changeovers" as often as "changeover".
    fn add_names(&mut self, names: &[String], cue: Cue) {
        for n in names {
            self.add(n, cue);
            if n.ends_with(|c: char| c.is_ascii_alphabetic()) && !n.ends_with(['s', 'S']) {
                self.add(&format!("{n}s"), cue);
            }
        }
    }
}

impl Analyzer {
    pub fn new(lexicon: Lexicon, scenario: Option<&Scenario>) -> Analyzer {
        let mut set = PatternSet::default();
        let l = &lexicon;
        set.add_all(&l.listen, Cue::Listen);
        set.add_all(&l.acknowledge, Cue::Acknowledge);
        set.add_all(&l.open_question, Cue::OpenWord);
        set.add_all(&l.probe, Cue::Probe);
        set.add_all(&l.question_endings, Cue::QuestionEnding);
        // generic feature phrasing stands in only when no scenario names features
        if scenario.is_none() {
            set.add_all(&l.feature, Cue::GenericFeature);
        }
        set.add_all(&l.advantage, Cue::Advantage);
        set.add_all(&l.benefit, Cue::Benefit);
        for (t, phrases) in &l.techniques {
            for p in phrases {
                match p.strip_prefix('#') {
                    Some(counted) => set.add(counted, Cue::CountedTechnique(*t)),
                    None => set.add(p, Cue::Technique(*t)),
                }
            }
        }
        for (n, phrases) in &l.negatives {
            set.add_all(phrases, Cue::Negative(*n));
        }
        set.add_all(&l.conditional, Cue::Conditional);
        set.add_all(&l.close, Cue::Close);
        set.add_all(&l.offer, Cue::Offer);
        set.add_all(&l.give, Cue::Give);
        set.add_all(&l.discount, Cue::Discount);
        set.add_all(&l.not_price_units, Cue::NotPriceUnit);
        for (i, (marker, _)) in l.currency.iter().enumerate() {
            set.add(marker, Cue::Currency(i));
        }
        let stopwords = Stopwords::new(&l.stopwords);
        let scenario = scenario.map(|s| {
            for (i, f) in s.product.features.iter().enumerate() {
                let names = [f.name.clone(), f.id.replace('_', " ")];
                set.add_names(&names, Cue::Feature(i));
                set.add_names(&f.aliases, Cue::Feature(i));
            }
            for (i, t) in s.product.tradeables.iter().enumerate() {
                set.add_names(std::slice::from_ref(&t.name), Cue::Tradeable(i));
                set.add_names(&t.aliases, Cue::Tradeable(i));
            }
            for (i, p) in s.persona.pains.iter().enumerate() {
                set.add_names(&p.terms, Cue::Pain(i));
            }
            ScenarioTerms {
                feature_ids: s.product.features.iter().map(|f| f.id.clone()).collect(),
                tradeables: s
                    .product
                    .tradeables
                    .iter()
                    .map(|t| (t.id.clone(), t.kind))
                    .collect(),
                pain_ids: s.persona.pains.iter().map(|p| p.id.clone()).collect(),
                advantage_keys: s
                    .product
                    .features
                    .iter()
                    .map(|f| content_keys(&f.advantage, &stopwords))
                    .collect(),
                concern_keys: s
                    .objections
                    .iter()
                    .flat_map(|o| o.terms.iter().chain(&o.lines))
                    .chain(s.persona.pains.iter().flat_map(|p| &p.terms))
                    .chain(s.persona.hidden.iter().map(|h| &h.text))
                    .flat_map(|t| content_keys(t, &stopwords))
                    .collect(),
                list_price: s.product.list_price,
                currency: s.product.currency.clone(),
            }
        });
        let bounded = set
            .patterns
            .iter()
            .map(|p| {
                p.starts_with(|c: char| c.is_ascii_alphanumeric())
                    || p.ends_with(|c: char| c.is_ascii_alphanumeric())
            })
            .collect();
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&set.patterns)
            .expect("lexicon phrases form a valid automaton");
        Analyzer {
            lexicon,
            matcher,
            cues: set.cues,
            bounded,
            stopwords,
            scenario,
        }
    }

    /// Tags one reply. `context` is the customer's last line, when known.
    pub fn analyze(&self, text: &str, context: Option<&str>) -> Analysis {
        let hits = self.hits(text);
        let sentences = self.mark_unpunctuated_questions(text, sentences(text));
        let numbers = numbers::scan(text);
        let offers = self.offers(text, &sentences, &numbers, &hits);
        let mut b = Builder::new(text);
        let mut explore_kind = None;

        let in_sentence = |s: &Sentence, cue: &dyn Fn(Cue) -> bool| {
            hits.iter()
                .filter(|h| h.start >= s.start && h.start < s.end && cue(h.cue))
                .copied()
                .collect::<Vec<_>>()
        };
        let any = |cue: &dyn Fn(Cue) -> bool| {
            hits.iter()
                .filter(|h| cue(h.cue))
                .copied()
                .collect::<Vec<_>>()
        };
        let pressure_or_arguing = |s: &Sentence| {
            !in_sentence(s, &|c| {
                matches!(c, Cue::Negative(Negative::Pressure | Negative::Arguing))
            })
            .is_empty()
        };

        // Listen: restating frame that reflects the customer's concern.
        // a paraphrase may reflect the customer's last line or any concern
        // they hold in this scenario; with neither known, the frame counts
        let listens = any(&|c| c == Cue::Listen);
        let said: HashSet<u64> = match (listens.is_empty(), context) {
            (false, Some(c)) => content_keys(c, &self.stopwords).into_iter().collect(),
            _ => HashSet::new(),
        };
        let concerns = self.scenario.as_ref().map(|s| &s.concern_keys);
        let known = context.is_some() || concerns.is_some();
        for h in listens {
            let sentence = sentences
                .iter()
                .find(|s| h.start >= s.start && h.start < s.end)
                .map_or(text, |s| &text[s.start..s.end]);
            let reflects = content_keys(sentence, &self.stopwords)
                .iter()
                .any(|k| said.contains(k) || concerns.is_some_and(|c| c.contains(k)));
            if !known || reflects {
                b.tag_laer(Laer::Listen, h);
                break;
            }
        }
        // "if I understand you" restates; it does not also acknowledge
        let inside = |h: &Hit, cue: Cue| {
            hits.iter().any(|o| {
                o.cue == cue
                    && o.start <= h.start
                    && o.end >= h.end
                    && o.end - o.start > h.end - h.start
            })
        };
        if let Some(h) = any(&|c| c == Cue::Acknowledge)
            .into_iter()
            .find(|h| !inside(h, Cue::Listen))
        {
            b.tag_laer(Laer::Acknowledge, h);
        }

        // Explore: a question or probe that is not an offer or a push.
        for s in &sentences {
            let probes = in_sentence(s, &|c| c == Cue::Probe);
            // "…都没有。" is a statement; a question word at the end asks only
            // when no full stop closes the sentence
            let closed = text[s.start..s.end]
                .trim_end()
                .ends_with(['。', '！', '.', '!']);
            let ending = closed
                || !in_sentence(s, &|c| c == Cue::QuestionEnding)
                    .iter()
                    .any(|h| text[h.end..s.end].trim_matches(is_punct).is_empty());
            let is_question = s.question || !probes.is_empty() || !ending;
            let restates = !in_sentence(s, &|c| c == Cue::Listen).is_empty();
            if !is_question
                || restates
                || pressure_or_arguing(s)
                || offers
                    .iter()
                    .any(|(_, start, _)| *start >= s.start && *start < s.end)
            {
                continue;
            }
            let open = !in_sentence(s, &|c| c == Cue::OpenWord).is_empty() || !probes.is_empty();
            let kind = if open {
                QuestionKind::Open
            } else {
                QuestionKind::Closed
            };
            explore_kind = match (explore_kind, kind) {
                (Some(QuestionKind::Open), _) | (_, QuestionKind::Open) => Some(QuestionKind::Open),
                _ => Some(QuestionKind::Closed),
            };
            let (start, end) = trim_span(text, s.start, s.end);
            b.evidence_span("explore", start, end);
            b.add_laer(Laer::Explore);
            // diagnosing a delay is a question about what holds the decision,
            // not one that proposes a trial
            let proposes = !in_sentence(s, &|c| c == Cue::Technique(Technique::Trial)).is_empty();
            if let Some(h) = in_sentence(s, &|c| c == Cue::Technique(Technique::DiagnoseDelay))
                .first()
                .filter(|_| !proposes)
            {
                b.tag_technique(Technique::DiagnoseDelay, *h);
            }
        }

        // Content only answers the concern where the player is stating it:
        // not inside a question, a paraphrase, an argument or an exaggeration,
        // nor inside the "if you..." clause that names the customer's side.
        let muted: Vec<(usize, usize)> = sentences
            .iter()
            .filter(|s| {
                s.question
                    || !in_sentence(s, &|c| {
                        // amplifying the pain describes the problem, not the product
                        matches!(
                            c,
                            Cue::Listen
                                | Cue::Negative(Negative::Arguing | Negative::Exaggeration)
                                | Cue::Technique(Technique::PainAmplification)
                        )
                    })
                    .is_empty()
            })
            .map(|s| (s.start, s.end))
            .chain(self.condition_clauses(text, &hits))
            .collect();
        let stated = |h: &Hit| !muted.iter().any(|(s, e)| h.start >= *s && h.start < *e);
        let any = |cue: &dyn Fn(Cue) -> bool| {
            hits.iter()
                .filter(|h| cue(h.cue) && stated(h))
                .copied()
                .collect::<Vec<_>>()
        };

        // FAB.
        // "an extra month of coaching" names a tradeable, and "预约本" (the
        // paper book) a pain, not the coaching or booking feature
        let features: Vec<Hit> = any(&|c| matches!(c, Cue::Feature(_)))
            .into_iter()
            .filter(|h| {
                !hits.iter().any(|o| {
                    matches!(o.cue, Cue::Tradeable(_) | Cue::Pain(_))
                        && o.start <= h.start
                        && o.end >= h.end
                        && o.end - o.start > h.end - h.start
                })
            })
            .collect();
        let generic: Vec<Hit> = any(&|c| c == Cue::GenericFeature);
        if let Some(h) = features.first().or(generic.first()) {
            b.tag_fab(Fab::Feature, *h);
        }
        for h in &features {
            if let (Cue::Feature(i), Some(s)) = (h.cue, &self.scenario) {
                push_unique(&mut b.features, &s.feature_ids[i]);
            }
        }
        let pains: Vec<Hit> = any(&|c| matches!(c, Cue::Pain(_)));
        for h in &pains {
            if let (Cue::Pain(i), Some(s)) = (h.cue, &self.scenario) {
                b.touch_pain(&s.pain_ids[i]);
            }
        }
        let listen_spans: Vec<(usize, usize)> = any(&|c| c == Cue::Listen)
            .iter()
            .map(|h| (h.start, h.end))
            .collect();
        let benefit_frames: Vec<Hit> = any(&|c| c == Cue::Benefit)
            .into_iter()
            .filter(|h| !listen_spans.iter().any(|(s, e)| h.start < *e && h.end > *s))
            .filter(|h| {
                // a threat ("don't wait, you'll lose more") is no benefit
                sentences
                    .iter()
                    .find(|s| h.start >= s.start && h.start < s.end)
                    .is_none_or(|s| !s.question && !pressure_or_arguing(s))
            })
            .collect();
        let mut downgraded = false;
        for frame in &benefit_frames {
            let s = sentences
                .iter()
                .find(|s| frame.start >= s.start && frame.start < s.end)
                .copied()
                .unwrap_or(Sentence {
                    start: 0,
                    end: text.len(),
                    question: false,
                });
            let touches = match &self.scenario {
                Some(_) => in_sentence(&s, &|c| matches!(c, Cue::Pain(_)))
                    .first()
                    .copied(),
                None => in_sentence(&s, &|c| c == Cue::Advantage).first().copied(),
            };
            match touches {
                Some(p) => {
                    b.tag_fab(Fab::Benefit, *frame);
                    b.evidence("benefit", p);
                    break;
                }
                None => downgraded = true,
            }
        }
        let has_feature = !features.is_empty() || !generic.is_empty();
        // "cut your power bill" is the benefit frame, not a second advantage
        let frames: Vec<Hit> = any(&|c| c == Cue::Benefit);
        let advantage_word = any(&|c| c == Cue::Advantage)
            .into_iter()
            .find(|h| has_feature && !frames.iter().any(|f| f.start <= h.end && f.end >= h.start));
        if let Some(h) =
            advantage_word.or_else(|| self.restated_advantage(text, &sentences, &features))
        {
            b.tag_fab(Fab::Advantage, h);
        } else if downgraded && !b.fab.contains(&Fab::Benefit) && has_feature {
            b.tag_fab(Fab::Advantage, benefit_frames[0]);
        }

        // Techniques.
        let sentence_of = |h: &Hit| {
            sentences
                .iter()
                .find(|s| h.start >= s.start && h.start < s.end)
                .copied()
        };
        let pressure = !any(&|c| c == Cue::Negative(Negative::Pressure)).is_empty();
        for h in &hits {
            let (t, counted) = match h.cue {
                Cue::Technique(t) => (t, false),
                Cue::CountedTechnique(t) => (t, true),
                _ => continue,
            };
            // a trial or the cost of a pain can be asked about; a deadline
            // can sit in the "if you order this month" clause
            let exploring = matches!(t, Technique::Trial | Technique::PainAmplification);
            let in_condition = t == Technique::LimitedTimeOffer;
            let s = sentence_of(h);
            let in_question = s.is_some_and(|s| s.question);
            if !(stated(h) || exploring || (in_condition && !in_question)) {
                continue;
            }
            // the number must be outside the phrase ("一家" is no figure)
            let figure = s.is_some_and(|s| {
                numbers.iter().any(|n| {
                    n.start >= s.start && n.start < s.end && (n.end <= h.start || n.start >= h.end)
                })
            });
            if counted && !figure {
                continue;
            }
            let ok = match t {
                Technique::DiagnoseDelay => false, // only inside questions, above
                Technique::LimitedTimeOffer => !pressure,
                // "alerts are included in every plan" describes the product;
                // value is added by giving something beyond it
                Technique::ValueAdded => {
                    !in_question
                        && s.is_none_or(|s| {
                            in_sentence(&s, &|c| matches!(c, Cue::Feature(_))).is_empty()
                                || !in_sentence(&s, &|c| matches!(c, Cue::Tradeable(_))).is_empty()
                        })
                }
                _ => true,
            };
            if ok {
                b.tag_technique(t, *h);
            }
        }
        for h in &hits {
            let Cue::Negative(n) = h.cue else { continue };
            // "...a studio will never touch", said back to the customer
            let restating =
                sentence_of(h).is_some_and(|s| !in_sentence(&s, &|c| c == Cue::Listen).is_empty());
            if !(n == Negative::Exaggeration && restating) {
                b.tag_negative(n, *h);
            }
        }

        // Offers.
        for (offer, start, end) in offers {
            b.evidence_span("offer", start, end);
            b.offer(offer);
        }
        for (i, (id, kind)) in self
            .scenario
            .iter()
            .flat_map(|s| s.tradeables.iter().enumerate())
        {
            if *kind == TradeableKind::Discount {
                continue;
            }
            let Some(h) = any(&|c| c == Cue::Tradeable(i)).into_iter().find(|h| {
                sentence_of(h).is_some_and(|s| {
                    !s.question
                        && !in_sentence(&s, &|c| matches!(c, Cue::Give | Cue::Offer)).is_empty()
                })
            }) else {
                continue;
            };
            let conditional = sentence_of(&h)
                .is_some_and(|s| !in_sentence(&s, &|c| c == Cue::Conditional).is_empty());
            b.evidence("offer", h);
            b.offer_once(Offer::Tradeable {
                id: id.clone(),
                conditional,
            });
            if *kind == TradeableKind::AddOn {
                b.tag_technique(Technique::ValueAdded, h);
            }
        }

        // Respond: the reply answers the concern.
        let responds = !b.fab.is_empty()
            || b.techniques
                .iter()
                .any(|t| !matches!(t, Technique::DiagnoseDelay | Technique::PainAmplification))
            || !b.offers.is_empty();
        if responds {
            b.add_laer(Laer::Respond);
        }
        let closing = hits.iter().any(|h| h.cue == Cue::Close);
        b.finish(explore_kind, closing)
    }

    /// A sentence naming a feature that shares content words (outside the
    /// feature's own name) with the scenario's description of
    /// that feature's advantage ("runs one day a month") states the
    /// advantage in other words.
    fn restated_advantage(
        &self,
        text: &str,
        sentences: &[Sentence],
        features: &[Hit],
    ) -> Option<Hit> {
        let scenario = self.scenario.as_ref()?;
        features.iter().find_map(|h| {
            let Cue::Feature(i) = h.cue else { return None };
            let s = sentences
                .iter()
                .find(|s| h.start >= s.start && h.start < s.end)?;
            let theirs = &scenario.advantage_keys[i];
            let around = format!("{} {}", &text[s.start..h.start], &text[h.end..s.end]);
            let shared: HashSet<u64> = content_keys(&around, &self.stopwords)
                .into_iter()
                .filter(|k| theirs.contains(k))
                .collect();
            // two shared words, or four shared character pairs in Chinese
            let han = shared.iter().filter(|k| *k & HAN_BIT != 0).count();
            (shared.len() - han >= 2 || han >= 4).then_some(*h)
        })
    }

    /// A sentence typed without a question mark still asks when it opens
    /// with a question word and ends without a full stop ("how much did
    /// you spend last year").
    fn mark_unpunctuated_questions(
        &self,
        text: &str,
        mut sentences: Vec<Sentence>,
    ) -> Vec<Sentence> {
        for s in &mut sentences {
            let body = text[s.start..s.end].trim();
            let ends_flat = body.ends_with(['.', '!', '。', '！']);
            if s.question || ends_flat {
                continue;
            }
            s.question = self.lexicon.question_starts.iter().any(|w| {
                starts_with_ci(body, w)
                    && !body[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
            });
        }
        sentences
    }

    fn hits(&self, text: &str) -> Vec<Hit> {
        let bytes = text.as_bytes();
        let word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
        let mut hits = Vec::new();
        for m in self.matcher.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            let p = m.pattern().as_usize();
            if self.bounded[p] && ((start > 0 && word(start - 1)) || word(end)) {
                continue;
            }
            // Unicode-aware text may match inside a multi-byte char only if the
            // pattern is ASCII-only; aho-corasick matches bytes, so guard it.
            if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            hits.extend(self.cues[p].iter().map(|&cue| Hit { cue, start, end }));
        }
        hits.sort_by_key(|h| (h.start, h.end));
        hits
    }

    /// Offers with the span of the words that make each one.
    fn offers(
        &self,
        text: &str,
        sentences: &[Sentence],
        numbers: &[Number],
        hits: &[Hit],
    ) -> Vec<(Offer, usize, usize)> {
        let mut out = Vec::new();
        // a figure said back to the customer, argued about, granted ("two
        // thousand is real money") or from another customer's case is not offered
        let clauses = self.condition_clauses(text, hits);
        let offered_in = |s: &Sentence| {
            // "if you let us use the clinic as a case" names no case
            let has = |cue: &dyn Fn(Cue) -> bool| {
                hits.iter().any(|h| {
                    h.start >= s.start
                        && h.start < s.end
                        && cue(h.cue)
                        && !clauses.iter().any(|(a, b)| h.start >= *a && h.start < *b)
                })
            };
            let not_an_offer = has(&|c| {
                matches!(
                    c,
                    Cue::Listen
                        | Cue::Negative(Negative::Arguing)
                        | Cue::Technique(Technique::CaseEvidence)
                        | Cue::CountedTechnique(Technique::CaseEvidence)
                )
            });
            let only_acknowledges = has(&|c| c == Cue::Acknowledge) && !has(&|c| c == Cue::Offer);
            !not_an_offer && !only_acknowledges
        };
        for s in sentences.iter().filter(|s| offered_in(s)) {
            let conditional = hits
                .iter()
                .any(|h| h.cue == Cue::Conditional && h.start >= s.start && h.start < s.end);
            let near = |from: usize, to: usize, pred: &dyn Fn(Cue) -> bool| {
                hits.iter()
                    .find(|h| h.start >= from && h.end <= to && pred(h.cue))
                    .copied()
            };
            // Chinese discounts: "打九折", "九五折", "8.5折"
            for (i, _) in text[s.start..s.end].match_indices('折') {
                let at = s.start + i;
                if text[at..].starts_with("折算") || text[at..].starts_with("折扣") {
                    continue;
                }
                if let Some((from, percent)) = numbers::zhe_discount(&text[s.start..at]) {
                    out.push((
                        Offer::DiscountPercent {
                            percent,
                            conditional,
                        },
                        s.start + from,
                        at + '折'.len_utf8(),
                    ));
                }
            }
            for n in numbers
                .iter()
                .filter(|n| n.start >= s.start && n.start < s.end)
            {
                if part_of_zhe(&text[n.end..]) || text[n.end..].starts_with('半') {
                    continue; // a discount read above, or "一半" (half)
                }
                // "over 500,000", "从15%", "能省六十万": a threshold, a starting
                // point or a saving, not an offer
                let lead = text[s.start..n.start].trim_end();
                if self
                    .lexicon
                    .not_price_before
                    .iter()
                    .any(|w| ends_with_word(lead, w))
                {
                    continue;
                }
                let after = &text[n.end..s.end];
                let after_trim = after.trim_start();
                let gap_after = n.end + (after.len() - after_trim.len());
                let window_after = (gap_after + 16).min(s.end);
                let window_before = n.start.saturating_sub(16).max(s.start);
                // percentages are discounts only with a discount word nearby
                if after_trim.starts_with('%')
                    || after_trim.starts_with('％')
                    || starts_with_ci(after_trim, "percent")
                    || starts_with_ci(after_trim, "per cent")
                {
                    if let Some(d) = near(window_before, window_after, &|c| c == Cue::Discount)
                        .filter(|_| (0.0..100.0).contains(&n.value))
                    {
                        out.push((
                            Offer::DiscountPercent {
                                percent: n.value,
                                conditional,
                            },
                            n.start.min(d.start),
                            n.end.max(d.end),
                        ));
                    }
                    continue;
                }
                let currency = self.currency_near(text, n, hits, s);
                let unit_after = hits
                    .iter()
                    .any(|h| h.cue == Cue::NotPriceUnit && h.start == gap_after);
                if unit_after && currency.is_none() {
                    continue;
                }
                if is_year(text, n) || is_phone(text, n) || n.value < 1.0 {
                    continue;
                }
                let plausible = self.scenario.as_ref().is_some_and(|sc| {
                    n.value >= sc.list_price * 0.3 && n.value <= sc.list_price * 1.5
                });
                // "83 dollars a month" breaks a cost down; "15,500 a year" for
                // a yearly subscription is the price itself
                if per_period_follows(&text[n.end..s.end]) && !plausible {
                    continue;
                }
                // "discount of 500", "优惠两千" before; "500 off" after
                let discount_before = hits.iter().any(|h| {
                    h.cue == Cue::Discount
                        && h.end <= n.start
                        && h.start >= s.start
                        && !text[h.start..h.end].eq_ignore_ascii_case("off")
                        && matches!(text[h.end..n.start].trim(), "" | "of" | "by" | "了")
                });
                let off_after = starts_with_ci(skip_currency_word(after_trim), "off");
                if discount_before || off_after {
                    out.push((
                        Offer::DiscountAmount {
                            amount: n.value,
                            conditional,
                        },
                        n.start,
                        n.end,
                    ));
                    continue;
                }
                // an offer word makes a price only of a number in a price's range
                let in_range = match &self.scenario {
                    Some(sc) => n.value >= sc.list_price * 0.1 && n.value <= sc.list_price * 3.0,
                    None => n.value >= 10.0,
                };
                let cue_before =
                    in_range && near(window_before, n.start, &|c| c == Cue::Offer).is_some();
                let breakdown = hits.iter().any(|h| {
                    matches!(
                        h.cue,
                        Cue::Technique(Technique::CostBreakdown)
                            | Cue::CountedTechnique(Technique::CostBreakdown)
                    ) && h.start >= s.start
                        && h.start < s.end
                });
                if breakdown && !cue_before {
                    continue; // "每天54块", "$83 a month": figures that break a cost down
                }
                // "how did you arrive at 16,000?" asks about a figure; "how
                // about 16,000?" offers it (the offer words decide)
                let in_sentence = |cue: Cue| {
                    hits.iter()
                        .any(|h| h.cue == cue && h.start >= s.start && h.start < s.end)
                };
                if s.question && in_sentence(Cue::OpenWord) && !in_sentence(Cue::Offer) {
                    continue;
                }
                // "五万" is money, but only an offer when it is near this product's price
                let scaled_price = n.scaled
                    && if self.scenario.is_some() {
                        plausible
                    } else {
                        in_range
                    };
                if currency.is_some() || cue_before || scaled_price || (plausible && n.digits >= 3)
                {
                    let currency = currency.or_else(|| {
                        self.scenario
                            .as_ref()
                            .filter(|_| plausible)
                            .map(|sc| sc.currency.clone())
                    });
                    out.push((
                        Offer::Price {
                            amount: n.value,
                            currency,
                            conditional,
                        },
                        n.start,
                        n.end,
                    ));
                }
            }
        }
        out
    }

    /// Spans from a conditional cue to the end of its clause: "if you sign a
    /// service contract," names what the customer gives, not an offer.
    fn condition_clauses(&self, text: &str, hits: &[Hit]) -> Vec<(usize, usize)> {
        hits.iter()
            .filter(|h| h.cue == Cue::Conditional)
            .map(|h| {
                let rest = &text[h.end..];
                // "order before the 30th and we'll include…": the clause
                // ends at the comma or at the "and" that starts the promise
                let end = [
                    rest.find([',', '，', '、', ';', '；', '.', '。']),
                    rest.find(" and "),
                ]
                .into_iter()
                .flatten()
                .min()
                .map_or(text.len(), |i| h.end + i);
                (h.start, end)
            })
            .collect()
    }

    fn currency_near(&self, text: &str, n: &Number, hits: &[Hit], s: &Sentence) -> Option<String> {
        let before = n.start.saturating_sub(5).max(s.start);
        let after_ws = n.end + (text[n.end..].len() - text[n.end..].trim_start().len());
        hits.iter()
            .find(|h| match h.cue {
                Cue::Currency(_) => {
                    (h.end <= n.start && h.end >= before && text[h.end..n.start].trim().is_empty())
                        || h.start == after_ws
                        || h.start == n.end
                }
                _ => false,
            })
            .and_then(|h| match h.cue {
                Cue::Currency(i) => Some(self.lexicon.currency[i].1.clone()),
                _ => None,
            })
    }
}

/// Tags, evidence and offers collected in order, each tag once.
struct Builder<'t> {
    text: &'t str,
    laer: Vec<Laer>,
    fab: Vec<Fab>,
    techniques: Vec<Technique>,
    negatives: Vec<Negative>,
    offers: Vec<Offer>,
    evidence: Vec<Evidence>,
    pains: Vec<String>,
    features: Vec<String>,
}

/// Adds `item` unless present; true when it was added.
fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) -> bool {
    let new = !list.contains(&item);
    if new {
        list.push(item);
    }
    new
}

fn push_unique(list: &mut Vec<String>, id: &str) {
    if !list.iter().any(|x| x == id) {
        list.push(id.to_string());
    }
}

impl<'t> Builder<'t> {
    fn new(text: &'t str) -> Self {
        Builder {
            text,
            laer: vec![],
            fab: vec![],
            techniques: vec![],
            negatives: vec![],
            offers: vec![],
            evidence: vec![],
            pains: vec![],
            features: vec![],
        }
    }

    fn evidence_span(&mut self, tag: &str, start: usize, end: usize) {
        self.evidence.push(Evidence {
            tag: tag.to_string(),
            start,
            end,
            text: self.text[start..end].to_string(),
        });
    }

    fn evidence(&mut self, tag: &str, h: Hit) {
        self.evidence_span(tag, h.start, h.end);
    }

    fn add_laer(&mut self, step: Laer) {
        push_new(&mut self.laer, step);
    }

    fn tag_laer(&mut self, step: Laer, h: Hit) {
        if push_new(&mut self.laer, step) {
            self.evidence(step.name(), h);
        }
    }

    fn tag_fab(&mut self, part: Fab, h: Hit) {
        if push_new(&mut self.fab, part) {
            self.evidence(part.name(), h);
        }
    }

    fn tag_technique(&mut self, t: Technique, h: Hit) {
        if push_new(&mut self.techniques, t) {
            self.evidence(t.name(), h);
        }
    }

    fn tag_negative(&mut self, n: Negative, h: Hit) {
        if push_new(&mut self.negatives, n) {
            self.evidence(n.name(), h);
        }
    }

    fn touch_pain(&mut self, id: &str) {
        push_unique(&mut self.pains, id);
    }

    fn offer(&mut self, offer: Offer) {
        self.offers.push(offer);
    }

    fn offer_once(&mut self, offer: Offer) {
        push_new(&mut self.offers, offer);
    }

    fn finish(mut self, question: Option<QuestionKind>, closing: bool) -> Analysis {
        self.laer.sort();
        self.fab.sort();
        self.techniques.sort();
        self.negatives.sort();
        self.evidence.sort_by_key(|e| (e.start, e.end));
        Analysis {
            laer: self.laer,
            question,
            fab: self.fab,
            techniques: self.techniques,
            negatives: self.negatives,
            offers: self.offers,
            evidence: self.evidence,
            pains: self.pains,
            features: self.features,
            closing,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Sentence {
    start: usize,
    end: usize,
    question: bool,
}

fn is_punct(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | '!'
                | '?'
                | '。'
                | '！'
                | '？'
                | '，'
                | ','
                | '…'
                | '~'
                | '～'
                | '"'
                | '”'
                | '）'
                | ')'
        )
}

/// Splits at sentence ends (ASCII and full-width) and line breaks; a full
/// stop between digits ("9.5") or after a single letter ("a.m.") does not
/// end a sentence.
fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let ends = match c {
            '?' | '？' | '!' | '！' | '。' | ';' | '；' | '\n' => true,
            '.' => {
                let prev = |back: usize| k.checked_sub(back).map(|j| chars[j].1);
                let next_digit = chars.get(k + 1).is_some_and(|(_, n)| n.is_ascii_digit());
                let decimal = prev(1).is_some_and(|p| p.is_ascii_digit()) && next_digit;
                // "a.m.", "e.g.": a single letter before the stop
                let initial = prev(1).is_some_and(|p| p.is_ascii_alphabetic())
                    && prev(2).is_none_or(|p| !p.is_ascii_alphabetic());
                !(decimal || initial)
            }
            _ => false,
        };
        if ends {
            let end = i + c.len_utf8();
            if !text[start..end].trim().is_empty() {
                out.push(Sentence {
                    start,
                    end,
                    question: matches!(c, '?' | '？'),
                });
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(Sentence {
            start,
            end: text.len(),
            question: false,
        });
    }
    out
}

fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead, end - trail)
}

/// Whether `s` ends with `word` (ASCII case ignored), not inside a longer
/// Latin word ("over" ends "is over", not "turnover").
fn ends_with_word(s: &str, word: &str) -> bool {
    let Some(at) = s.len().checked_sub(word.len()) else {
        return false;
    };
    s.is_char_boundary(at)
        && s[at..].eq_ignore_ascii_case(word)
        && !(word.starts_with(|c: char| c.is_ascii_alphanumeric())
            && s[..at].ends_with(|c: char| c.is_ascii_alphanumeric()))
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn is_year(text: &str, n: &Number) -> bool {
    let v = n.value;
    let year_like =
        !n.chinese && v.fract() == 0.0 && (1900.0..=2100.0).contains(&v) && n.end - n.start == 4;
    let before = text[..n.start].trim_end();
    year_like
        && (before.ends_with("in")
            || before.ends_with("since")
            || before.ends_with("from")
            || before.ends_with("by")
            || before.ends_with("of")
            || text[n.end..].starts_with('年'))
}

/// Long digit runs and numbers with a leading zero are phone numbers or codes.
fn is_phone(text: &str, n: &Number) -> bool {
    let raw = &text[n.start..n.end];
    let leading_zero = raw.len() > 1 && raw.starts_with('0') && !raw.starts_with("0.");
    !n.chinese && (leading_zero || (n.digits >= 7 && n.end - n.start == n.digits))
}

/// Whether the text after a number continues a "九五折" or "8.5折".
fn part_of_zhe(after: &str) -> bool {
    after
        .trim_start_matches(|c: char| {
            c.is_ascii_digit() || c == '.' || "零一二两三四五六七八九".contains(c)
        })
        .starts_with('折')
}

fn per_period_follows(after: &str) -> bool {
    let rest = skip_currency_word(after.trim_start());
    [
        "a month",
        "per month",
        "a year",
        "per year",
        "a day",
        "per day",
        "per user",
        "per person",
        "per seat",
        "each",
        "every",
        "/month",
        "/user",
        "/mo",
        "a head",
        "per head",
        "每",
        "一天",
        "一个月",
    ]
    .iter()
    .any(|p| starts_with_ci(rest, p))
}

fn skip_currency_word(s: &str) -> &str {
    for w in [
        "dollars", "dollar", "bucks", "usd", "yuan", "rmb", "euros", "pounds", "元", "块钱", "块",
    ] {
        if starts_with_ci(s, w) {
            return s[w.len()..].trim_start();
        }
    }
    s
}

/// Stopwords as content keys, so checking a key is one set lookup.
struct Stopwords {
    keys: HashSet<u64>,
}

impl Stopwords {
    fn new(words: &[String]) -> Stopwords {
        let mut keys = HashSet::new();
        for w in words {
            keys.insert(word_key(&w.to_ascii_lowercase(), usize::MAX));
            let chars: Vec<char> = w.chars().collect();
            keys.extend(chars.windows(2).map(|p| pair_key(p[0], p[1])));
        }
        Stopwords { keys }
    }
}

/// Latin keys and Han keys never collide: Han pairs set the top bit.
const HAN_BIT: u64 = 1 << 63;

/// FNV-1a of the first `limit` characters of an ASCII-lowercased word.
fn word_key(word: &str, limit: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes().take(limit) {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h & !HAN_BIT
}

fn pair_key(a: char, b: char) -> u64 {
    HAN_BIT | (u64::from(a as u32) << 21) | u64::from(b as u32)
}

/// Content keys for paraphrase overlap: Latin words of four or more letters
/// cut to five-letter stems, words with digits whole, and pairs of adjacent
/// Han characters; stopwords left out. Hashed, so comparing is cheap.
fn content_keys(text: &str, stop: &Stopwords) -> Vec<u64> {
    let mut keys = Vec::new();
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')) {
        if !word.is_ascii() || stop.keys.contains(&word_key(word, usize::MAX)) {
            continue;
        }
        if word.len() >= 4 {
            keys.push(word_key(word, 5));
        } else if word.bytes().any(|b| b.is_ascii_digit()) {
            keys.push(word_key(word, usize::MAX));
        }
    }
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let han = is_han(c);
        if let Some(p) = prev.filter(|_| han) {
            let key = pair_key(p, c);
            if !stop.keys.contains(&key) {
                keys.push(key);
            }
        }
        prev = han.then_some(c);
    }
    keys
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}
