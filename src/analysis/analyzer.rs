//! The analyzer: one reply in, tagged moves with evidence out.
//!
//! All phrases (lexicon plus the scenario's features, tradeables and pains)
//! go into one Aho-Corasick automaton, so a reply is scanned once. The hits
//! are then read per sentence with a few rules that mirror the course: a
//! question explores, a benefit must touch a pain of this customer, an offer
//! is a number that looks like a price, and so on.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::builder::Builder;
use super::lexicon::Lexicon;
use super::numbers::{self, Number};
use super::paraphrase::{Stopwords, content_keys, restates};
use super::patterns::{Cue, Hit, Patterns};
use super::tags::{Fab, Laer, Negative, Technique};
use super::text::{
    Sentence, ends_with_word, is_punct, mark_unpunctuated_questions, sentences, starts_with_ci,
    trim_span,
};
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
    patterns: Patterns,
    stopwords: Stopwords,
    scenario: Option<ScenarioTerms>,
}

impl ScenarioTerms {
    fn new(s: &Scenario, stopwords: &Stopwords) -> ScenarioTerms {
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
        }
    }
}

impl Analyzer {
    pub fn new(lexicon: Lexicon, scenario: Option<&Scenario>) -> Analyzer {
        let patterns = Patterns::new(&lexicon, scenario);
        let stopwords = Stopwords::new(&lexicon.stopwords);
        let scenario = scenario.map(|s| ScenarioTerms::new(s, &stopwords));
        Analyzer {
            lexicon,
            patterns,
            stopwords,
            scenario,
        }
    }

    /// Tags one reply. `context` is the customer's last line, when known.
    pub fn analyze(&self, text: &str, context: Option<&str>) -> Analysis {
        let hits = self.patterns.hits(text);
        let mut sentences = sentences(text);
        mark_unpunctuated_questions(text, &mut sentences, &self.lexicon.question_starts);
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
                b.name_feature(&s.feature_ids[i]);
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
            let around = format!("{} {}", &text[s.start..h.start], &text[h.end..s.end]);
            restates(&around, &scenario.advantage_keys[i], &self.stopwords).then_some(*h)
        })
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

