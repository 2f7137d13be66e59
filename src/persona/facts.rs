//! Hidden facts (budget, BATNA, the real reason for a delay) that the
//! customer reveals when asked well or when trust allows.

use std::sync::Arc;

use super::{Persona, Response};
use crate::analysis::{Analysis, QuestionKind};
use crate::record::Event;
use crate::scenario::Reveal;

impl Persona {
    pub(super) fn reveal_facts(&mut self, a: &Analysis, text: &str, said: &mut Response) {
        let lower = text.to_lowercase();
        let mentions = |terms: &[String]| terms.iter().any(|t| lower.contains(&t.to_lowercase()));
        let resolved = self.resolved_ids();
        let scenario = Arc::clone(&self.scenario);
        for (i, fact) in scenario.persona.hidden.iter().enumerate() {
            if self.revealed.contains(&i) {
                continue;
            }
            let due = match &fact.reveal {
                Reveal::OpenQuestion { terms } => {
                    a.question == Some(QuestionKind::Open) && mentions(terms)
                }
                Reveal::Question { terms } => a.question.is_some() && mentions(terms),
                Reveal::TrustAtLeast(t) => self.meters.trust >= *t,
                Reveal::Resolved(id) => resolved.contains(id),
            };
            if due {
                self.revealed.push(i);
                said.say(
                    fact.text.clone(),
                    Some(Event::Revealed {
                        fact: fact.id.clone(),
                    }),
                );
            }
        }
    }
}
