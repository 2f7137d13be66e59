//! LAER per concern over the whole conversation, as a trainer watching the
//! call judges it.
//!
//! A concern is one of the customer's objections. It exists from the moment
//! the customer voices it or the player uncovers a hidden fact behind it,
//! and it is judged once the player has had a reply to answer it. Each step
//! counts once per concern:
//! - listen and acknowledge count in replies to the concern (the one on the
//!   table, or one that uses its words); done only after responding, they
//!   earn half;
//! - explore counts wherever it happens: a question about the concern
//!   before the customer raises it is preparation, and a question that
//!   uncovers a hidden fact explores the concern the fact belongs to;
//! - respond counts fully when it takes a route that answers this kind of
//!   objection (or the customer accepts it), half otherwise; responding
//!   before any exploring is premature.
//!
//! Stuffed, off-topic and repeated replies earn nothing and cost points;
//! so does arguing.

use super::relevance::{found, has_term};
use super::rubric::Rule;
use super::scorecard::{Items, Reading, Session, quote};
use crate::analysis::tags::{Fab, Laer, Negative, Technique};
use crate::analysis::{Offer, QuestionKind};
use crate::record::Event;
use crate::scenario::{
    FactKind, HiddenFact, Objection, ObjectionKind, Resolution, Reveal, Scenario,
};

/// One objection over the session.
pub(super) struct Concern<'s> {
    pub objection: &'s Objection,
    /// The reply after which the customer voiced it (0: the opening line).
    pub raised: Option<u32>,
    /// Its words, lowercase: a reply that uses them is about it.
    terms: Vec<String>,
    /// Words a question about it uses: its own and those that draw out its
    /// hidden facts.
    explore_terms: Vec<String>,
    /// The hidden facts behind it, by id.
    facts: Vec<&'s str>,
}

/// The objections a hidden fact lies behind: the budget and the
/// alternative behind price, the reason for a delay and who decides
/// behind delay, any other fact behind the objections its words belong to
/// (the opening objection when none).
pub(super) fn fact_concerns<'s>(s: &'s Scenario, fact: &HiddenFact) -> Vec<&'s Objection> {
    let of_kind = |k: ObjectionKind| -> Vec<&Objection> {
        s.objections.iter().filter(|o| o.kind == k).collect()
    };
    let by_kind = match fact.kind {
        FactKind::Budget | FactKind::Batna => of_kind(ObjectionKind::Price),
        FactKind::DelayReason | FactKind::DecisionMaker => of_kind(ObjectionKind::Delay),
        FactKind::Other => Vec::new(),
    };
    if !by_kind.is_empty() {
        return by_kind;
    }
    let text = fact.text.to_lowercase();
    let words: Vec<String> = reveal_terms(fact)
        .into_iter()
        .chain(std::iter::once(text))
        .collect();
    let touches = |o: &Objection| {
        let pains = o.resolved_by.iter().flat_map(|r| match r {
            Resolution::Benefit { pains } => pains.clone(),
            _ => Vec::new(),
        });
        let mut terms: Vec<String> = o.terms.iter().map(|t| t.to_lowercase()).collect();
        for id in pains {
            if let Some(p) = s.persona.pains.iter().find(|p| p.id == id) {
                terms.extend(p.terms.iter().map(|t| t.to_lowercase()));
            }
        }
        words.iter().any(|w| terms.iter().any(|t| has_term(w, t)))
    };
    let found: Vec<&Objection> = s.objections.iter().filter(|o| touches(o)).collect();
    if found.is_empty() {
        s.opening().into_iter().collect()
    } else {
        found
    }
}

fn reveal_terms(fact: &HiddenFact) -> Vec<String> {
    match &fact.reveal {
        Reveal::OpenQuestion { terms } | Reveal::Question { terms } => {
            terms.iter().map(|t| t.to_lowercase()).collect()
        }
        _ => Vec::new(),
    }
}

/// Every objection of the scenario with when it was voiced.
pub(super) fn concerns<'s>(s: &Session<'s>) -> Vec<Concern<'s>> {
    let scenario = s.scenario;
    scenario
        .objections
        .iter()
        .map(|o| {
            let opening = scenario.opening().is_some_and(|x| x.id == o.id);
            let raised = if opening {
                Some(0)
            } else {
                s.events().find_map(|(r, e)| match e {
                    Event::Raised { objection } if *objection == o.id => Some(r.number()),
                    _ => None,
                })
            };
            let terms: Vec<String> = o.terms.iter().map(|t| t.to_lowercase()).collect();
            let behind: Vec<&HiddenFact> = scenario
                .persona
                .hidden
                .iter()
                .filter(|h| fact_concerns(scenario, h).iter().any(|c| c.id == o.id))
                .collect();
            let mut explore_terms = terms.clone();
            explore_terms.extend(behind.iter().flat_map(|h| reveal_terms(h)));
            Concern {
                objection: o,
                raised,
                terms,
                explore_terms,
                facts: behind.iter().map(|h| h.id.as_str()).collect(),
            }
        })
        .collect()
}

impl Concern<'_> {
    fn id(&self) -> &str {
        &self.objection.id
    }

    /// The concern had been voiced before reply `r`.
    fn open_before(&self, r: &Reading) -> bool {
        self.raised.is_some_and(|n| n < r.number())
    }

    /// Reply `r` answers this concern: it was on the table, or voiced and
    /// named by the reply.
    fn addressed_by(&self, r: &Reading) -> bool {
        self.open_before(r)
            && (r.turn.objection.as_deref() == Some(self.id())
                || !found(&r.turn.text.to_lowercase(), &self.terms).is_empty())
    }

    /// Reply `r` explores this concern, and how: uncovering one of its
    /// facts, or asking about it (before or after it was voiced).
    fn explored_by(&self, r: &Reading) -> Option<(Rule, f64)> {
        let a = &r.turn.analysis;
        if a.question.is_some() && r.revealed.iter().any(|f| self.facts.contains(f)) {
            return Some((Rule::LaerExploreUncovered, 30.0));
        }
        if !a.has_laer(Laer::Explore) {
            return None;
        }
        let about = self.addressed_by(r)
            || !found(&r.turn.text.to_lowercase(), &self.explore_terms).is_empty();
        if !about {
            return None;
        }
        Some(match a.question {
            Some(QuestionKind::Open) => (Rule::LaerExploreOpen, 30.0),
            _ => (Rule::LaerExploreClosed, 15.0),
        })
    }

    /// Reply `r` answers this concern the way its kind of objection asks
    /// for: one of its resolution routes, honestly, or the customer took it.
    fn fitting(&self, r: &Reading) -> bool {
        if r.turn
            .events
            .iter()
            .any(|e| matches!(e, Event::Resolved { objection } if objection == self.id()))
        {
            return true;
        }
        let a = &r.turn.analysis;
        let honest = !a.negatives.iter().any(|n| {
            matches!(
                n,
                Negative::Arguing | Negative::Exaggeration | Negative::Pressure
            )
        });
        honest
            && self.objection.resolved_by.iter().any(|route| match route {
                Resolution::Technique(name) => a
                    .techniques
                    .iter()
                    .any(|t| t.name() == name && *t != Technique::PainAmplification),
                Resolution::Benefit { pains } => {
                    a.fab.contains(&Fab::Benefit) && a.pains.iter().any(|p| pains.contains(p))
                }
                Resolution::PriceAtMost(max) => a.offers.iter().any(|o| match o {
                    Offer::Price { amount, .. } => amount <= max,
                    _ => false,
                }),
                Resolution::Tradeable(id) => a
                    .offers
                    .iter()
                    .any(|o| matches!(o, Offer::Tradeable { id: t, .. } if t == id)),
            })
    }
}

/// Where in a reply the answer starts: its first feature, technique that
/// answers or offer.
fn respond_at(r: &Reading) -> Option<usize> {
    r.turn
        .analysis
        .evidence
        .iter()
        .filter(|e| {
            matches!(
                e.tag.as_str(),
                "feature" | "advantage" | "benefit" | "offer" | "conditional_offer"
            ) || Technique::from_name(&e.tag).is_some_and(|t| {
                !matches!(t, Technique::DiagnoseDelay | Technique::PainAmplification)
            })
        })
        .map(|e| e.start)
        .min()
}

fn step_at(r: &Reading, step: Laer) -> Option<usize> {
    r.turn
        .analysis
        .evidence
        .iter()
        .filter(|e| e.tag == step.name())
        .map(|e| e.start)
        .min()
}

/// The concern a reply's mistakes are charged to: the one on the table,
/// else the latest one voiced before it.
fn home<'c, 's>(
    concerns: &'c [Concern<'s>],
    judged: &[&str],
    r: &Reading,
) -> Option<&'c Concern<'s>> {
    let on_table = r
        .turn
        .objection
        .as_deref()
        .and_then(|id| concerns.iter().find(|c| c.id() == id));
    on_table
        .or_else(|| {
            concerns
                .iter()
                .filter(|c| c.open_before(r))
                .max_by_key(|c| c.raised)
        })
        .filter(|c| judged.contains(&c.id()))
}

/// Adds the LAER items; returns the ids of the concerns judged, whose mean
/// is the LAER score.
pub(super) fn items(items: &mut Items, s: &Session) -> Vec<String> {
    let concerns = concerns(s);
    // judged once the player had a reply after it was voiced
    let last = s.last_turn();
    let judged: Vec<&str> = concerns
        .iter()
        .filter(|c| c.raised.is_some_and(|n| n < last))
        .map(Concern::id)
        .collect();
    for c in concerns.iter().filter(|c| judged.contains(&c.id())) {
        concern_items(items, s, c);
    }
    // mistakes, charged to the concern they were made on
    for r in s.mine() {
        let Some(c) = home(&concerns, &judged, r) else {
            continue;
        };
        let o = Some(c.id());
        let t = r.turn;
        if r.stuffed {
            items.add(
                t,
                quote(t, "keyword_stuffing"),
                Rule::LaerStuffing,
                -15.0,
                o,
            );
        } else if r.off_topic.is_some() {
            // the debrief names the other case's words
            items.add(t, &t.text, Rule::LaerOffTopic, -15.0, o);
        } else if r.repeated {
            items.add(t, &t.text, Rule::LaerRepeated, -5.0, o);
        }
        if r.has_negative(Negative::Arguing) {
            items.add(t, quote(t, "arguing"), Rule::LaerArguing, -10.0, o);
        }
    }
    judged.iter().map(|id| id.to_string()).collect()
}

/// The items of one judged concern: each LAER step once, and answering
/// before exploring.
fn concern_items(items: &mut Items, s: &Session, c: &Concern) {
    let o = Some(c.id());
    let replies = Replies::new(s, c);
    for rules in EARLY_STEPS {
        early_step(items, &replies, &rules, o);
    }
    explore_item(items, &replies, o);
    respond_item(items, c, &replies, o);
    if let Some(r) = replies.first_respond()
        && replies
            .explores
            .first()
            .is_none_or(|e| e.0.number() > r.number())
    {
        items.add(r.turn, &r.turn.text, Rule::LaerPremature, -10.0, o);
    }
}

/// The player's replies that bear on one concern.
struct Replies<'r> {
    /// Replies to it.
    window: Vec<&'r Reading<'r>>,
    /// Of those, the ones that earn moves.
    valid: Vec<&'r Reading<'r>>,
    /// Valid replies that answer it: a respond step, or it was resolved.
    responds: Vec<&'r Reading<'r>>,
    /// Valid replies anywhere that explore it, with the rule and points
    /// each earns.
    explores: Vec<(&'r Reading<'r>, Rule, f64)>,
}

impl<'r> Replies<'r> {
    fn new(s: &'r Session, c: &Concern) -> Self {
        let window: Vec<&Reading> = s.mine().filter(|r| c.addressed_by(r)).collect();
        let valid: Vec<&Reading> = window.iter().copied().filter(|r| r.valid()).collect();
        let responds = valid
            .iter()
            .copied()
            .filter(|r| {
                r.turn.analysis.has_laer(Laer::Respond)
                    || r.turn
                        .events
                        .iter()
                        .any(|e| matches!(e, Event::Resolved { objection } if objection == c.id()))
            })
            .collect();
        let explores = s
            .mine()
            .filter(|r| r.valid())
            .filter_map(|r| c.explored_by(r).map(|(rule, p)| (r, rule, p)))
            .collect();
        Replies {
            window,
            valid,
            responds,
            explores,
        }
    }

    fn first_respond(&self) -> Option<&'r Reading<'r>> {
        self.responds.first().copied()
    }
}

/// Where a missing `step` is shown: `candidate` when it lacks the step,
/// else the first reply in `order` that lacks it.
fn lacking<'r>(
    step: Laer,
    candidate: Option<&'r Reading<'r>>,
    mut order: impl Iterator<Item = &'r Reading<'r>>,
) -> Option<&'r Reading<'r>> {
    candidate
        .filter(|r| !r.turn.analysis.has_laer(step))
        .or_else(|| order.find(|r| !r.turn.analysis.has_laer(step)))
}

/// A step that belongs before the answer, and its rules.
struct EarlyStep {
    step: Laer,
    on_time: Rule,
    late: Rule,
    missing: Rule,
}

const EARLY_STEPS: [EarlyStep; 2] = [
    EarlyStep {
        step: Laer::Listen,
        on_time: Rule::LaerListen,
        late: Rule::LaerListenLate,
        missing: Rule::LaerMissingListen,
    },
    EarlyStep {
        step: Laer::Acknowledge,
        on_time: Rule::LaerAcknowledge,
        late: Rule::LaerAcknowledgeLate,
        missing: Rule::LaerMissingAcknowledge,
    },
];

/// Listen or acknowledge: full points before the answer, half after it;
/// missing, shown against the reply that answered without it.
fn early_step(items: &mut Items, replies: &Replies, rules: &EarlyStep, o: Option<&str>) {
    let step = rules.step;
    match replies
        .valid
        .iter()
        .find(|r| r.turn.analysis.has_laer(step))
    {
        Some(r) => {
            let late = replies
                .first_respond()
                .is_some_and(|answer| after_answer(r, step, answer));
            let (rule, points) = if late {
                (rules.late, 10.0)
            } else {
                (rules.on_time, 20.0)
            };
            items.add(r.turn, quote(r.turn, step.name()), rule, points, o);
        }
        None => {
            let candidate = replies
                .first_respond()
                .or_else(|| replies.valid.first().copied());
            let at = lacking(step, candidate, replies.window.iter().copied());
            missing_item(items, at, rules.missing, o);
        }
    }
}

/// Reply `r` took `step` after `answer` answered: in a later reply, or
/// later in the same one.
fn after_answer(r: &Reading, step: Laer, answer: &Reading) -> bool {
    r.number() > answer.number()
        || (r.number() == answer.number()
            && matches!((step_at(r, step), respond_at(r)), (Some(x), Some(y)) if x > y))
}

/// Explore: the best question about the concern, wherever it was asked.
fn explore_item(items: &mut Items, replies: &Replies, o: Option<&str>) {
    let best = replies
        .explores
        .iter()
        .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.number().cmp(&a.0.number())));
    match best {
        Some((r, rule, points)) => {
            items.add(r.turn, quote(r.turn, "explore"), *rule, *points, o);
        }
        None => {
            let candidate = replies
                .first_respond()
                .or_else(|| replies.valid.first().copied())
                .or_else(|| replies.window.first().copied());
            let at = lacking(Laer::Explore, candidate, replies.window.iter().copied());
            missing_item(items, at, Rule::LaerMissingExplore, o);
        }
    }
}

/// Respond: the route this objection needs, or half for any answer;
/// missing, shown against the last reply to it.
fn respond_item(items: &mut Items, c: &Concern, replies: &Replies, o: Option<&str>) {
    match (
        replies.responds.iter().find(|r| c.fitting(r)),
        replies.first_respond(),
    ) {
        (Some(r), _) => items.add(r.turn, &r.turn.text, Rule::LaerRespond, 30.0, o),
        (None, Some(r)) => items.add(r.turn, &r.turn.text, Rule::LaerRespondGeneric, 15.0, o),
        (None, None) => {
            let at = lacking(Laer::Respond, None, replies.window.iter().rev().copied());
            missing_item(items, at, Rule::LaerMissingRespond, o);
        }
    }
}

/// A step never taken, shown against the reply where it was missing (or
/// against nothing when the player never replied to the concern).
fn missing_item(items: &mut Items, at: Option<&Reading>, rule: Rule, objection: Option<&str>) {
    match at {
        Some(r) => items.add(r.turn, &r.turn.text, rule, 0.0, objection),
        None => {
            items.whole(rule, 0.0);
            if let Some(last) = items.0.last_mut() {
                last.objection = objection.map(str::to_string);
            }
        }
    }
}
