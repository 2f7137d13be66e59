//! The objection script: which objections are raised, explored and
//! resolved, and when the next one comes up.

use std::sync::Arc;

use super::tuning::TUNING;
use super::{Persona, Response};
use crate::analysis::tags::{Fab, Laer, Negative, Technique};
use crate::analysis::{Analysis, Offer};
use crate::record::Event;
use crate::scenario::{Resolution, Trigger};

/// Where an objection stands.
#[derive(Debug, Clone)]
pub(super) struct ObjectionState {
    pub index: usize,
    explored: bool,
    resolved: bool,
}

/// The objections raised so far, in order.
#[derive(Debug, Default)]
pub(super) struct Script {
    raised: Vec<ObjectionState>,
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

impl Persona {
    /// Tracks exploring and resolving the objection on the table.
    pub(super) fn work_objection(&mut self, a: &Analysis, said: &mut Response) {
        let Some(pos) = self.script.raised.iter().rposition(|o| !o.resolved) else {
            return;
        };
        let scenario = Arc::clone(&self.scenario);
        let objection = &scenario.objections[self.script.raised[pos].index];
        let state = &mut self.script.raised[pos];
        if a.has_laer(Laer::Respond) && !a.has_laer(Laer::Explore) && !state.explored {
            self.meters.patience -= TUNING.premature_patience_cost;
            said.events.push(Event::Premature {
                objection: objection.id.clone(),
            });
        }
        if a.has_laer(Laer::Explore) {
            state.explored = true;
        }
        let bad = a.negatives.iter().any(|n| {
            matches!(
                n,
                Negative::Arguing | Negative::Pressure | Negative::Exaggeration
            )
        });
        let answers = objection.resolved_by.iter().any(|r| resolves(r, a));
        let believed = self.meters.trust >= TUNING.belief_trust && !bad;
        if answers && believed {
            self.script.raised[pos].resolved = true;
            self.meters.value = (self.meters.value + TUNING.resolved_value).min(1.0);
            let line = self.pick_line(&objection.reactions.resolved);
            said.say(
                line,
                Some(Event::Resolved {
                    objection: objection.id.clone(),
                }),
            );
            return;
        }
        let good = a.has_laer(Laer::Listen)
            || a.has_laer(Laer::Acknowledge)
            || a.has_laer(Laer::Explore)
            || a.fab.contains(&Fab::Benefit);
        if bad || !(good || !a.offers.is_empty() || a.closing) {
            let line = self.pick_line(&objection.reactions.bad);
            said.say(line, None);
        } else if good {
            let line = self.pick_line(&objection.reactions.good);
            said.say(line, None);
        }
    }

    /// The ids of the objections the player has resolved so far.
    pub(super) fn resolved_ids(&self) -> Vec<String> {
        self.script
            .raised
            .iter()
            .filter(|o| o.resolved)
            .map(|o| self.scenario.objections[o.index].id.clone())
            .collect()
    }

    /// Raises the objections whose trigger has come: at the start, after a
    /// turn count, or after another objection was resolved.
    pub(super) fn raise_due(&mut self, turn: u32, said: &mut Response) {
        let resolved = self.resolved_ids();
        self.raise_where(said, |trigger| match trigger {
            Trigger::AtStart => turn == 0,
            Trigger::AfterTurn(n) => turn >= *n,
            Trigger::AfterResolved(id) => resolved.contains(id),
            Trigger::AfterOffer => false,
        });
    }

    /// Raises every objection not raised yet whose trigger `due` accepts.
    pub(super) fn raise_where(&mut self, said: &mut Response, due: impl Fn(&Trigger) -> bool) {
        let scenario = Arc::clone(&self.scenario);
        for (index, objection) in scenario.objections.iter().enumerate() {
            if self.script.is_raised(index) || !due(&objection.trigger) {
                continue;
            }
            self.script.raised.push(ObjectionState {
                index,
                explored: false,
                resolved: false,
            });
            let line = self.pick_line(&objection.lines);
            said.say(
                line,
                Some(Event::Raised {
                    objection: objection.id.clone(),
                }),
            );
        }
    }
}

/// Whether the reply takes one of the objection's resolution routes.
fn resolves(r: &Resolution, a: &Analysis) -> bool {
    match r {
        // amplifying a pain only sets up the answer; it resolves
        // nothing until the same reply also responds with a solution
        Resolution::Technique(name) => {
            a.techniques.iter().any(|t| t.name() == name)
                && (name != Technique::PainAmplification.name() || a.has_laer(Laer::Respond))
        }
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
    }
}
