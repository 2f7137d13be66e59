//! Hidden facts (budget, BATNA, the real reason for a delay) that the
//! customer reveals when asked about them and trust allows, or when trust
//! or a resolved objection brings them out. One fact per reply at most:
//! the one the question is most about.

use std::sync::Arc;

use super::tuning::{TUNING, reveal_trust};
use super::{Persona, Response};
use crate::analysis::tags::Negative;
use crate::analysis::{Analysis, QuestionKind};
use crate::record::Event;
use crate::scenario::{FactKind, ObjectionKind, QUESTION_WORDS, Reveal, is_question_word};

/// The fact a reply brings out, if any.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Found {
    Nothing,
    /// Told, by index.
    Tell(usize),
    /// Brought out by trust or a resolved objection rather than asked
    /// for: said after the price talk, unless the talk has ended.
    Volunteer(usize),
    /// Asked about before trust allows: the customer declines.
    Deflect(usize),
}

impl Persona {
    /// The one fact this reply brings out: the fact a question sentence is
    /// most about (by its topic terms, question words aside), told if trust
    /// allows; else the first fact that trust or a resolved objection has
    /// made due.
    pub(super) fn find_fact(&mut self, a: &Analysis, text: &str) -> Found {
        let scenario = Arc::clone(&self.scenario);
        let facts = &scenario.persona.hidden;
        let asked = self.asked_about(a, text);
        if let Some(i) = asked {
            let fact = &facts[i];
            let need = fact.trust.unwrap_or_else(|| reveal_trust(fact.kind))
                + self.tier.reveal_trust_shift;
            return if self.meters.trust + 1e-9 >= need {
                Found::Tell(i)
            } else if self.deflected.contains(&i) {
                // said once; asking again at the same trust gets the answer
                // the objection gives
                Found::Nothing
            } else {
                Found::Deflect(i)
            };
        }
        let resolved = self.resolved_ids();
        facts
            .iter()
            .enumerate()
            .find(|(i, f)| {
                !self.revealed.contains(i)
                    && match &f.reveal {
                        Reveal::TrustAtLeast(t) => self.meters.trust >= *t,
                        Reveal::Resolved(id) => resolved.contains(id),
                        _ => false,
                    }
            })
            .map_or(Found::Nothing, |(i, _)| Found::Volunteer(i))
    }

    /// Says a found fact (or declines to), with its event.
    pub(super) fn tell(&mut self, found: Found, said: &mut Response) {
        match found {
            Found::Nothing => {}
            Found::Tell(i) | Found::Volunteer(i) => {
                let fact = &self.scenario.persona.hidden[i];
                self.revealed.push(i);
                said.say(
                    fact.text.clone(),
                    Some(Event::Revealed {
                        fact: fact.id.clone(),
                    }),
                );
            }
            Found::Deflect(i) => {
                self.deflected.push(i);
                let id = self.scenario.persona.hidden[i].id.clone();
                let line = self.voice_line("deflect", &[]);
                said.say(line, Some(Event::Deflected { fact: id }));
            }
        }
    }

    /// The unrevealed fact the reply's questions are most about.
    fn asked_about(&self, a: &Analysis, text: &str) -> Option<usize> {
        let question = a.question?;
        if a.negatives.contains(&Negative::KeywordStuffing) {
            return None;
        }
        let asked: Vec<String> = question_sentences(text)
            .into_iter()
            .map(str::to_lowercase)
            .filter(|s| question_words(s) < TUNING.question_word_salad)
            .collect();
        if asked.is_empty() {
            return None;
        }
        let on_table = self.current_objection().map(|o| o.kind);
        let mut best: Option<(usize, usize)> = None;
        for (i, fact) in self.scenario.persona.hidden.iter().enumerate() {
            if self.revealed.contains(&i) {
                continue;
            }
            let terms = match &fact.reveal {
                Reveal::OpenQuestion { terms } if question == QuestionKind::Open => terms,
                Reveal::Question { terms } => terms,
                _ => continue,
            };
            // how much of the question is about this topic: the length of
            // the topic words it uses, plus a little when the fact belongs
            // to the objection on the table
            let mut score: usize = terms
                .iter()
                .filter(|t| !is_question_word(t))
                .map(|t| t.trim().to_lowercase())
                .filter(|t| !t.is_empty() && asked.iter().any(|s| mentions(s, t)))
                .map(|t| t.chars().count())
                .sum();
            if score == 0 {
                continue;
            }
            if fits(fact.kind, on_table) {
                score += 2;
            }
            if best.is_none_or(|(_, b)| score > b) {
                best = Some((i, score));
            }
        }
        best.map(|(i, _)| i)
    }
}

/// Whether a fact of `kind` belongs to an objection of `on`.
fn fits(kind: FactKind, on: Option<ObjectionKind>) -> bool {
    matches!(
        (kind, on),
        (FactKind::Budget | FactKind::Batna, Some(ObjectionKind::Price))
            | (
                FactKind::DelayReason | FactKind::DecisionMaker,
                Some(ObjectionKind::Delay)
            )
    )
}

/// The sentences of `text` that ask something: those ending in a question
/// mark or a question particle, or every sentence when none does (the
/// analyzer found a question without one).
fn question_sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | ';' | '；' | '\n') {
            let end = i + c.len_utf8();
            // a decimal point ends no sentence
            let decimal = c == '.'
                && text[..i].ends_with(|d: char| d.is_ascii_digit())
                && text[end..].starts_with(|d: char| d.is_ascii_digit());
            if !decimal {
                sentences.push(&text[start..end]);
                start = end;
            }
        }
    }
    if start < text.len() {
        sentences.push(&text[start..]);
    }
    let asks = |s: &&str| {
        let t = s.trim_end();
        t.ends_with(['?', '？'])
            || t.trim_end_matches(['。', '.', '!', '！'])
                .ends_with(['吗', '呢', '么'])
    };
    let asking: Vec<&str> = sentences.iter().copied().filter(asks).collect();
    if asking.is_empty() { sentences } else { asking }
}

/// How many different question words a (lower-case) sentence uses.
fn question_words(s: &str) -> usize {
    let used: Vec<&str> = QUESTION_WORDS
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "吗" | "呢" | "几"))
        .filter(|w| mentions(s, w))
        .collect();
    // "什么时候" holds "什么": count the longer word once
    used.iter()
        .filter(|w| !used.iter().any(|o| o != *w && o.contains(**w)))
        .count()
}

/// Whether `s` uses `term`: a whole word (an English ending such as -s,
/// -ed or -ing allowed) in alphabetic text, anywhere in Chinese.
fn mentions(s: &str, term: &str) -> bool {
    if !term.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return s.contains(term);
    }
    let word = |c: char| c.is_alphanumeric();
    s.match_indices(term).any(|(at, _)| {
        let before_ok = s[..at].chars().next_back().is_none_or(|c| !word(c));
        let rest = &s[at + term.len()..];
        let tail: String = rest.chars().take_while(|c| word(*c)).collect();
        before_ok && ["", "s", "es", "ed", "d", "ing", "ies"].contains(&tail.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_is_a_whole_word() {
        assert!(mentions("who decides here?", "decide"));
        assert!(mentions("when does it stop?", "stop"));
        assert!(!mentions("whenever it stops", "when"));
        assert!(!mentions("a cost overrun", "cos"));
        assert!(mentions("预算多少？", "预算"));
    }

    #[test]
    fn question_sentences_are_the_ones_that_ask() {
        let s = question_sentences("I see. What does a stoppage cost you? It is 3.5 hours.");
        assert_eq!(s, vec![" What does a stoppage cost you?"]);
        assert_eq!(question_sentences("能说说预算吗"), vec!["能说说预算吗"]);
        assert_eq!(question_words("what, why, how, when, who decides?"), 5);
    }
}
