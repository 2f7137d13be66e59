//! Every phrase the analyzer looks for (lexicon plus the scenario's
//! features, tradeables and pains) in one Aho-Corasick automaton, so a
//! reply is scanned once.

use std::collections::{BTreeMap, HashMap};

use aho_corasick::automaton::Automaton;
use aho_corasick::automaton::StateID;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

use super::expand::expand;
use super::lexicon::Lexicon;
use super::tags::{Negative, Technique};
use super::text::is_han;
use crate::scenario::Scenario;

/// What a phrase in the automaton signals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cue {
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
    /// A Han clause join: where a Chinese condition's promise starts
    /// when no comma parts them ("送", "我就").
    HanJoin,
    Close,
    Offer,
    Give,
    Discount,
    Currency(usize),
    NotPriceUnit,
    Feature(usize),
    Tradeable(usize),
    Pain(usize),
    Negator,
    Sarcasm,
    Contrast,
    SmallTalk,
    Proposal,
    Commitment,
    Gift,
    Summary,
    Receipt,
    Addressee,
    Rubric,
    Naming,
    FigureContext,
    Ours,
    Trouble,
    Theirs,
    /// Hides every shorter cue inside it ("另一家" holds "一家").
    Mask,
}

/// One cue found in a reply, with its byte span.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub(crate) cue: Cue,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

#[derive(Default)]
struct PatternSet {
    patterns: Vec<String>,
    cues: Vec<Vec<Cue>>,
    index: HashMap<String, usize>,
    slots: BTreeMap<String, Vec<String>>,
}

impl PatternSet {
    /// Adds every phrase `pattern` stands for (see `expand`); a pattern
    /// that does not expand (a scenario term with a stray bracket) counts
    /// as written.
    fn add(&mut self, pattern: &str, cue: Cue) {
        let phrases = expand(pattern, &self.slots).unwrap_or_else(|_| vec![pattern.to_string()]);
        for phrase in phrases {
            self.add_phrase(&phrase, cue);
        }
    }

    fn add_phrase(&mut self, phrase: &str, cue: Cue) {
        let phrase = phrase.trim().to_ascii_lowercase();
        if phrase.is_empty() {
            return;
        }
        // curly apostrophes are as common as straight ones in typed text,
        // and chat drops them ("thats rough", "youre right"); a phrase of
        // one word keeps its apostrophe ("we're" is not "were")
        let variants = if phrase.contains('\'') {
            let mut v = vec![phrase.replace('\'', "\u{2019}")];
            if phrase.contains(' ') {
                v.push(phrase.replace('\'', ""));
            }
            v.push(phrase);
            v
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

    fn add_lexicon(&mut self, l: &Lexicon, generic_features: bool) {
        self.add_all(&l.listen, Cue::Listen);
        self.add_all(&l.acknowledge, Cue::Acknowledge);
        self.add_all(&l.open_question, Cue::OpenWord);
        self.add_all(&l.probe, Cue::Probe);
        self.add_all(&l.question_endings, Cue::QuestionEnding);
        if generic_features {
            self.add_all(&l.feature, Cue::GenericFeature);
        }
        self.add_all(&l.advantage, Cue::Advantage);
        self.add_all(&l.benefit, Cue::Benefit);
        for (t, phrases) in &l.techniques {
            for p in phrases {
                match p.strip_prefix('#') {
                    Some(counted) => self.add(counted, Cue::CountedTechnique(*t)),
                    None => self.add(p, Cue::Technique(*t)),
                }
            }
        }
        for (n, phrases) in &l.negatives {
            self.add_all(phrases, Cue::Negative(*n));
        }
        self.add_all(&l.conditional, Cue::Conditional);
        for join in l.clause_joins.iter().filter(|w| w.starts_with(is_han)) {
            self.add(join, Cue::HanJoin);
        }
        self.add_all(&l.close, Cue::Close);
        self.add_all(&l.offer, Cue::Offer);
        self.add_all(&l.give, Cue::Give);
        self.add_all(&l.discount, Cue::Discount);
        self.add_all(&l.not_price_units, Cue::NotPriceUnit);
        for (i, (marker, _)) in l.currency.iter().enumerate() {
            self.add(marker, Cue::Currency(i));
        }
        for (list, cue) in [
            (&l.negators, Cue::Negator),
            (&l.sarcasm, Cue::Sarcasm),
            (&l.contrast, Cue::Contrast),
            (&l.small_talk, Cue::SmallTalk),
            (&l.proposal, Cue::Proposal),
            (&l.commitments, Cue::Commitment),
            (&l.gifts, Cue::Gift),
            (&l.summary, Cue::Summary),
            (&l.receipts, Cue::Receipt),
            (&l.addressee, Cue::Addressee),
            (&l.rubric, Cue::Rubric),
            (&l.naming, Cue::Naming),
            (&l.figure_context, Cue::FigureContext),
            (&l.ours, Cue::Ours),
            (&l.theirs, Cue::Theirs),
            (&l.masks, Cue::Mask),
            (&l.troubles, Cue::Trouble),
        ] {
            self.add_all(list, cue);
        }
    }

    fn add_scenario(&mut self, s: &Scenario) {
        for (i, f) in s.product.features.iter().enumerate() {
            let names = [f.name.clone(), f.id.replace('_', " ")];
            self.add_names(&names, Cue::Feature(i));
            self.add_names(&f.aliases, Cue::Feature(i));
        }
        for (i, t) in s.product.tradeables.iter().enumerate() {
            self.add_names(std::slice::from_ref(&t.name), Cue::Tradeable(i));
            self.add_names(&t.aliases, Cue::Tradeable(i));
        }
        for (i, p) in s.persona.pains.iter().enumerate() {
            self.add_names(&p.terms, Cue::Pain(i));
        }
    }
}

/// The automaton and what each of its patterns signals.
pub(crate) struct Patterns {
    /// Walked a byte at a time by `hits`: every match, overlapping ones
    /// too, without the per-match cost of a search iterator.
    matcher: DFA,
    start: StateID,
    cues: Vec<Vec<Cue>>,
    /// Whether each pattern must sit at a Latin word boundary at its start
    /// and at its end: only an edge that is a letter or digit needs one
    /// ("; ours" may follow "cases").
    bounded: Vec<(bool, bool)>,
}

impl Patterns {
    pub(crate) fn new(lexicon: &Lexicon, scenario: Option<&Scenario>) -> Patterns {
        let mut set = PatternSet {
            slots: lexicon.slots.clone(),
            ..PatternSet::default()
        };
        // generic feature phrasing stands in only when no scenario names features
        set.add_lexicon(lexicon, scenario.is_none());
        if let Some(s) = scenario {
            set.add_scenario(s);
        }
        let bounded = set
            .patterns
            .iter()
            .map(|p| {
                (
                    p.starts_with(|c: char| c.is_ascii_alphanumeric()),
                    p.ends_with(|c: char| c.is_ascii_alphanumeric()),
                )
            })
            .collect();
        // every pattern is lower case (`add_phrase`) and `hits` lower-cases
        // each byte it reads: a case-sensitive automaton has half the
        // transitions to follow per byte
        let matcher = DFA::builder()
            .match_kind(MatchKind::Standard)
            .build(&set.patterns)
            .expect("lexicon phrases form a valid automaton");
        let start = matcher
            .start_state(Anchored::No)
            .expect("an automaton built unanchored starts unanchored");
        Patterns {
            matcher,
            start,
            cues: set.cues,
            bounded,
        }
    }

    /// Every cue in `text`, ordered by span.
    pub(crate) fn hits(&self, text: &str) -> Vec<Hit> {
        let bytes = text.as_bytes();
        let word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
        // a reply has a cue every few words: room for them at once, kept
        // under a kilobyte (larger requests take malloc's slow path)
        let mut hits = Vec::with_capacity((16 + text.len() / 8).min(30));
        let m = &self.matcher;
        let mut sid = self.start;
        for (at, &b) in bytes.iter().enumerate() {
            // ASCII lower case keeps every byte offset
            sid = m.next_state(Anchored::No, sid, b.to_ascii_lowercase());
            if !m.is_special(sid) || !m.is_match(sid) {
                continue;
            }
            let end = at + 1;
            for i in 0..m.match_len(sid) {
                let p = m.match_pattern(sid, i);
                let start = end - m.pattern_len(p);
                let p = p.as_usize();
                let (at_start, at_end) = self.bounded[p];
                if (at_start && start > 0 && word(start - 1)) || (at_end && word(end)) {
                    continue;
                }
                // a byte automaton may match inside a multi-byte character
                if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                    continue;
                }
                hits.extend(self.cues[p].iter().map(|&cue| Hit { cue, start, end }));
            }
        }
        hits.sort_by_key(|h| (h.start, h.end));
        let masks: Vec<(usize, usize, bool)> = hits
            .iter()
            .filter_map(|h| match h.cue {
                Cue::Mask => Some((h.start, h.end, true)),
                Cue::Feature(_) | Cue::Tradeable(_) => Some((h.start, h.end, false)),
                _ => None,
            })
            .collect();
        if !masks.is_empty() {
            hits.retain(|h| {
                // a name of the product or of a tradeable hides only what
                // would misread it: "client" in "client-viewer seats" is
                // no client story; its offer words still offer
                let described = matches!(
                    h.cue,
                    Cue::Technique(_) | Cue::CountedTechnique(_) | Cue::Theirs | Cue::FigureContext
                );
                h.cue == Cue::Mask
                    || !masks.iter().any(|&(s, e, all)| {
                        (all || described) && s <= h.start && h.end <= e && e - s > h.end - h.start
                    })
            });
        }
        hits
    }
}
