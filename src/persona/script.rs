//! The objection script: which objections are raised, explored and
//! resolved, and when the next one comes up; and the customer's reaction
//! to each reply, chosen from what the reply did.

use std::sync::Arc;

use super::facts::Found;
use super::lines::Fills;
use super::tuning::TUNING;
use super::{Persona, Response};
use crate::analysis::tags::{Fab, Laer, Negative, Technique};
use crate::analysis::{Analysis, Offer};
use crate::record::Event;
use crate::scenario::{Resolution, Route, Trigger};

/// Where an objection stands.
#[derive(Debug, Clone)]
pub(super) struct ObjectionState {
    pub index: usize,
    explored: bool,
    resolved: bool,
}

/// The objections raised so far, in order, and those due but held back:
/// a customer brings up one new concern a turn, not a list.
#[derive(Debug, Default)]
pub(super) struct Script {
    raised: Vec<ObjectionState>,
    waiting: Vec<usize>,
}

impl Script {
    /// The latest objection raised and not resolved.
    pub fn current(&self) -> Option<&ObjectionState> {
        self.raised.iter().rev().find(|o| !o.resolved)
    }

    fn is_raised(&self, index: usize) -> bool {
        self.raised.iter().any(|o| o.index == index)
    }
}

/// What the reply did, as the customer reacts to it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Reaction {
    /// Nothing to react to here (an offer or a close: the price talk answers).
    Nothing,
    /// It resolved objection `index` by `route`.
    Resolved { index: usize, route: Route },
    /// A move the course penalises.
    Negative(Negative),
    /// It took a route but the customer does not believe it yet, or (hard)
    /// it put figures in a claim that no customer case backs.
    Doubt,
    /// It asked about the concern.
    Asked,
    /// It restated or acknowledged the concern.
    Heard,
    /// Another useful move on the concern.
    Good,
    /// It missed the concern.
    Bad,
    /// It was about another customer's case, not this one.
    OffTopic,
    /// It was said word for word before.
    Repeated,
}

impl Persona {
    /// Tracks exploring and resolving the objection on the table and says
    /// what the reply did. Premature responding costs patience here.
    pub(super) fn work_objection(&mut self, a: &Analysis, text: &str) -> (Reaction, Vec<Event>) {
        let mut events = Vec::new();
        let negative = [
            Negative::KeywordStuffing,
            Negative::Arguing,
            Negative::Pressure,
            Negative::Exaggeration,
        ]
        .into_iter()
        .find(|n| a.negatives.contains(n));
        let Some(pos) = self.script.raised.iter().rposition(|o| !o.resolved) else {
            return (
                negative.map_or(Reaction::Nothing, Reaction::Negative),
                events,
            );
        };
        let scenario = Arc::clone(&self.scenario);
        let index = self.script.raised[pos].index;
        let objection = &scenario.objections[index];
        let state = &mut self.script.raised[pos];
        if a.has_laer(Laer::Respond) && !a.has_laer(Laer::Explore) && !state.explored {
            self.meters.patience -= TUNING.premature_patience_cost * self.tier.patience_cost;
            events.push(Event::Premature {
                objection: objection.id.clone(),
            });
        }
        if a.has_laer(Laer::Explore) {
            state.explored = true;
        }
        let bad = matches!(
            negative,
            Some(Negative::Arguing | Negative::Pressure | Negative::Exaggeration)
        );
        let routes_of = |i: usize| -> Vec<Route> {
            scenario.objections[i]
                .resolved_by
                .iter()
                .filter_map(|r| route_taken(r, a))
                .collect()
        };
        let mut taken = routes_of(index);
        let (mut pos, mut index, mut objection) = (pos, index, objection);
        if taken.is_empty() {
            // the reply may answer an objection raised earlier and still
            // open under the latest one: the customer hears that too
            let earlier = self.script.raised[..pos]
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, o)| !o.resolved)
                .map(|(p, o)| (p, o.index, routes_of(o.index)))
                .find(|(_, _, r)| !r.is_empty());
            if let Some((p, i, r)) = earlier {
                (pos, index, objection, taken) = (p, i, &scenario.objections[i], r);
            }
        }
        let believed = self.meters.trust >= self.belief_trust() && !bad;
        if let Some(n) = negative {
            return (Reaction::Negative(n), events);
        }
        if !taken.is_empty() && believed {
            self.script.raised[pos].resolved = true;
            self.meters.value = (self.meters.value + TUNING.resolved_value).min(1.0);
            // the route with lines of its own, else the first taken
            let route = taken
                .iter()
                .find(|t| objection.reactions.routes.iter().any(|r| &r.when == *t))
                .unwrap_or(&taken[0])
                .clone();
            return (Reaction::Resolved { index, route }, events);
        }
        if !taken.is_empty() {
            return (Reaction::Doubt, events);
        }
        (self.plain_reaction(a, text), events)
    }

    /// How a reply that takes no route and breaks no rule lands: a
    /// question, listening, a useful move (doubted when a demanding
    /// customer hears figures without backing), an offer, or nothing of use.
    fn plain_reaction(&self, a: &Analysis, text: &str) -> Reaction {
        if a.question.is_some() {
            Reaction::Asked
        } else if a.has_laer(Laer::Listen) || a.has_laer(Laer::Acknowledge) {
            Reaction::Heard
        } else if !a.fab.is_empty() || !a.techniques.is_empty() {
            if self.tier.demands_proof && unbacked_figures(a, text) {
                Reaction::Doubt
            } else {
                Reaction::Good
            }
        } else if !a.offers.is_empty() || a.closing {
            Reaction::Nothing
        } else {
            Reaction::Bad
        }
    }

    /// The trust below which the customer believes no answer.
    pub(super) fn belief_trust(&self) -> f64 {
        self.tier.belief_trust + TUNING.belief_per_scepticism * self.params.scepticism
    }

    /// Says the reaction, then the fact the reply asked for (or the
    /// refusal to tell it): a question answered by a fact gets the fact.
    pub(super) fn react(
        &mut self,
        (reaction, events): (Reaction, Vec<Event>),
        fact: Found,
        a: &Analysis,
        said: &mut Response,
    ) {
        said.events.extend(events);
        let scenario = Arc::clone(&self.scenario);
        let feature = a
            .features
            .iter()
            .find_map(|id| scenario.product.features.iter().find(|f| &f.id == id))
            .map(|f| f.name.as_str());
        let fills = [("feature", feature)];
        let on_table = self.current_objection().map(|o| {
            scenario
                .objections
                .iter()
                .position(|x| x.id == o.id)
                .expect("objection of this scenario")
        });
        let answered = matches!(fact, Found::Tell(_) | Found::Deflect(_));
        let line = match &reaction {
            Reaction::Nothing => None,
            Reaction::Resolved { index, route } => {
                self.say_resolved(*index, route, &fills, said);
                None
            }
            Reaction::Negative(n) => {
                let kind = match n {
                    Negative::KeywordStuffing => "stuffed",
                    Negative::Arguing => "argued",
                    Negative::Pressure => "pushed",
                    _ => "doubted",
                };
                Some(self.voice_line(kind, &[]))
            }
            Reaction::Doubt => Some(self.voice_line("proof", &[])),
            Reaction::OffTopic => Some(self.voice_line("off_topic", &[])),
            Reaction::Repeated => Some(self.voice_line("repeated", &[])),
            // the fact is the answer
            Reaction::Asked if answered => None,
            Reaction::Asked => self.table_line(on_table, "asked", &fills),
            Reaction::Heard => self.table_line(on_table, "heard", &fills),
            Reaction::Good => self.table_line(on_table, "good", &fills),
            Reaction::Bad => self.table_line(on_table, "bad", &fills),
        };
        if let Some(line) = line {
            said.say(line, None);
        }
        if let Found::Volunteer(_) = fact {
            self.volunteered = Some(fact);
        } else {
            self.tell(fact, said);
        }
        if reaction == Reaction::Negative(Negative::Pressure) {
            self.name_batna(said);
        }
        if self.tier.hints
            && matches!(
                reaction,
                Reaction::Bad | Reaction::Negative(_) | Reaction::OffTopic | Reaction::Repeated
            )
        {
            let line = self.voice_line("hint", &[]);
            said.say(line, None);
        }
    }

    /// The objection's line for the route the reply took, else one of its
    /// `resolved` lines; said with the event that marks it resolved.
    fn say_resolved(&mut self, index: usize, route: &Route, fills: Fills, said: &mut Response) {
        let scenario = Arc::clone(&self.scenario);
        let objection = &scenario.objections[index];
        let r = &objection.reactions;
        let own = r
            .routes
            .iter()
            .find(|x| &x.when == route)
            .map_or(&[][..], |x| x.say.as_slice());
        let line = match self.said.pick(&mut self.rng, own, fills, &["feature"]) {
            Some(line) => line,
            None => self.pick_or_builtin(&r.resolved, "resolved", fills, &["feature"]),
        };
        said.say(
            line,
            Some(Event::Resolved {
                objection: objection.id.clone(),
            }),
        );
    }

    /// A `kind` reaction of the objection on the table (`asked` and `heard`
    /// fall back on its `good` lines), or none when no objection is.
    fn table_line(&mut self, on_table: Option<usize>, kind: &str, fills: Fills) -> Option<String> {
        let scenario = Arc::clone(&self.scenario);
        let r = &scenario.objections[on_table?].reactions;
        let lines = match kind {
            "asked" if !r.asked.is_empty() => &r.asked,
            "heard" if !r.heard.is_empty() => &r.heard,
            "bad" => &r.bad,
            _ => &r.good,
        };
        Some(self.pick_or_builtin(lines, kind, fills, &["feature"]))
    }

    /// Whether the objection `id` has been resolved.
    pub(super) fn is_resolved(&self, id: &str) -> bool {
        self.script
            .raised
            .iter()
            .any(|o| o.resolved && self.scenario.objections[o.index].id == id)
    }

    /// Raises the objections whose trigger has come: at the start, after a
    /// turn count, or after another objection was resolved.
    pub(super) fn raise_due(&mut self, turn: u32, said: &mut Response) {
        let due: Vec<bool> = self
            .scenario
            .objections
            .iter()
            .map(|o| match &o.trigger {
                Trigger::AtStart => turn == 0,
                Trigger::AfterTurn(n) => turn >= *n,
                Trigger::AfterResolved(id) => self.is_resolved(id),
                Trigger::AfterOffer => false,
            })
            .collect();
        self.raise_indices(said, |i| due[i]);
    }

    /// Raises the first objection not raised yet that `due` accepts or that
    /// waits from an earlier turn, unless this turn raised one already; any
    /// other due objection waits for a later turn.
    pub(super) fn raise_indices(&mut self, said: &mut Response, due: impl Fn(usize) -> bool) {
        let scenario = Arc::clone(&self.scenario);
        let mut raised_now = said
            .events
            .iter()
            .any(|e| matches!(e, Event::Raised { .. }));
        for (index, objection) in scenario.objections.iter().enumerate() {
            let waits = self.script.waiting.contains(&index);
            if self.script.is_raised(index) || !(due(index) || waits) {
                continue;
            }
            if raised_now {
                if !waits {
                    self.script.waiting.push(index);
                }
                continue;
            }
            raised_now = true;
            self.script.waiting.retain(|i| *i != index);
            self.script.raised.push(ObjectionState {
                index,
                explored: false,
                resolved: false,
            });
            let line = self.pick_or_builtin(&objection.lines, "lines", &[], &[]);
            said.say(
                line,
                Some(Event::Raised {
                    objection: objection.id.clone(),
                }),
            );
        }
    }
}

/// The route of `r` the reply takes, if any.
fn route_taken(r: &Resolution, a: &Analysis) -> Option<Route> {
    match r {
        // amplifying a pain only sets up the answer; it resolves
        // nothing until the same reply also responds with a solution
        Resolution::Technique(name) => (a.techniques.iter().any(|t| t.name() == name)
            && (name != Technique::PainAmplification.name() || a.has_laer(Laer::Respond)))
        .then(|| Route::Technique(name.clone())),
        Resolution::Benefit { pains } if a.fab.contains(&Fab::Benefit) => a
            .pains
            .iter()
            .find(|p| pains.contains(p))
            .map(|p| Route::Pain(p.clone())),
        Resolution::Benefit { .. } => None,
        Resolution::PriceAtMost(max) => a
            .offers
            .iter()
            .any(|o| matches!(o, Offer::Price { amount, .. } if amount <= max))
            .then_some(Route::Price),
        Resolution::Tradeable(id) => a
            .offers
            .iter()
            .any(|o| matches!(o, Offer::Tradeable { id: t, .. } if t == id))
            .then(|| Route::Tradeable(id.clone())),
    }
}

/// A claim (an advantage, a benefit, a cost breakdown) with figures in it
/// and no customer case behind them: what a hard customer challenges.
fn unbacked_figures(a: &Analysis, text: &str) -> bool {
    let claims = a.fab.contains(&Fab::Advantage)
        || a.fab.contains(&Fab::Benefit)
        || a.techniques.contains(&Technique::CostBreakdown);
    claims
        && !a.techniques.contains(&Technique::CaseEvidence)
        && !crate::analysis::numbers::scan(text).is_empty()
}
