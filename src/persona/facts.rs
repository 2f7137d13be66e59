//! Hidden facts (budget, BATNA, the real reason for a delay) that the
//! customer reveals when asked about them and trust allows, or when trust
//! or a resolved objection brings them out. One fact per reply at most:
//! the one the question is most about.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::tuning::{TUNING, reveal_trust};
use super::{Persona, Response};
use crate::analysis::tags::Negative;
use crate::analysis::{Analysis, QuestionKind};
use crate::record::Event;
use crate::scenario::{
    FactKind, ObjectionKind, QUESTION_WORDS, Reveal, Scenario, is_question_word,
};

/// Each hidden fact's topic terms in one automaton, so that a question is
/// read once for all of them: trimmed, question words left out, English
/// matched without regard to case. Built once per scenario.
#[derive(Debug)]
pub struct Topics {
    matcher: Option<AhoCorasick>,
    /// Per pattern: the fact it belongs to, its length in characters,
    /// whether it asks for the customer's number (`persona.budget_topic`)
    /// and whether it is a budget's term, which asks about money ("花多少")
    /// only when no count or time follows (see `counts`).
    terms: Vec<Term>,
    /// English terms of several words, by pattern, in their words: said
    /// with a few words between them they are still the term ("signing
    /// this off" for "sign off").
    split: Vec<(usize, Vec<String>)>,
    /// Per fact, the words it brings into the talk (see `introduced`).
    pub introduced: Vec<Vec<String>>,
    /// Each authored line that uses such a word, by where it is stored
    /// (the key `lines::Said` knows lines by), with the word.
    pub naming: Vec<(usize, String)>,
}

/// One topic term of a hidden fact (see `Topics::terms`).
#[derive(Debug, Clone, Copy)]
struct Term {
    fact: usize,
    chars: usize,
    number: bool,
    money: bool,
}

/// The most words that may stand between two words of a term.
const TERM_GAP: usize = 2;

impl Topics {
    pub fn new(s: &Scenario) -> Topics {
        let mut patterns = Vec::new();
        let mut terms = Vec::new();
        let mut split = Vec::new();
        // asking the customer for its number is asking about its budget,
        // whatever words the author listed ("what would you want to pay?",
        // "您给个数")
        let asked_price = super::lines::builtin(s.lang(), "budget_topic");
        for (i, f) in s.persona.hidden.iter().enumerate() {
            if let Reveal::OpenQuestion { terms: ts } | Reveal::Question { terms: ts } = &f.reveal {
                let more = if f.kind == FactKind::Budget {
                    asked_price
                } else {
                    &[]
                };
                let authored = ts.len();
                for (n, t) in ts.iter().chain(more).map(|t| t.trim()).enumerate() {
                    if !t.is_empty() && !is_question_word(t) {
                        let words: Vec<String> =
                            t.split_whitespace().map(str::to_lowercase).collect();
                        // the built-in phrases are read as written: "what
                        // number" said apart is a count ("what number of
                        // seats")
                        if words.len() > 1 && t.is_ascii() && n < authored {
                            split.push((patterns.len(), words));
                        }
                        patterns.push(t.to_string());
                        terms.push(Term {
                            fact: i,
                            chars: t.chars().count(),
                            number: n >= authored,
                            money: f.kind == FactKind::Budget,
                        });
                    }
                }
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        let lines = persona_lines(s);
        let introduced = introduced(s, &lines);
        // by word, so that a word's lines stand together
        let naming = introduced
            .iter()
            .flatten()
            .flat_map(|w| {
                lines
                    .iter()
                    .filter(|l| l.contains(w.as_str()))
                    .map(|l| (l.as_ptr() as usize, w.clone()))
            })
            .collect();
        Topics {
            matcher,
            terms,
            split,
            introduced,
            naming,
        }
    }

    /// How much `text` is about each fact: the length of the distinct
    /// topic terms it uses, per fact (`facts` long); and whether it asks
    /// for the customer's number.
    fn scores(&self, text: &str, facts: usize) -> (Vec<usize>, bool) {
        let mut score = vec![0; facts];
        let mut asks_number = false;
        let Some(matcher) = &self.matcher else {
            return (score, asks_number);
        };
        let mut seen: Vec<usize> = Vec::new();
        for m in matcher.find_overlapping_iter(text) {
            let p = m.pattern().as_usize();
            if seen.contains(&p) || !whole_word(text, m.start(), m.end()) {
                continue;
            }
            let Term {
                fact,
                chars,
                number,
                money,
            } = self.terms[p];
            // "what number of seats" counts and "花多少时间" asks about
            // time; neither asks for a price
            if money && counts(&text[m.end()..]) {
                continue;
            }
            seen.push(p);
            score[fact] += chars;
            asks_number |= number;
        }
        // a question that names no topic as written is read again for a
        // term said apart (most questions name one, and skip this)
        if score.iter().all(|s| *s == 0) && !self.split.is_empty() {
            let lines: Vec<Vec<&str>> = text.lines().map(|l| ascii_runs(l).collect()).collect();
            for (p, words) in &self.split {
                if lines.iter().any(|line| said_apart(line, words)) {
                    let Term { fact, chars, .. } = self.terms[*p];
                    score[fact] += chars;
                }
            }
        }
        (score, asks_number)
    }
}

/// Whether `after` (the text after a phrase asking for a number) makes it
/// a count or a time, not money: "what number of seats", "花多少时间".
fn counts(after: &str) -> bool {
    let rest = after.trim_start();
    let of = rest.len() >= 3 && rest.as_bytes()[..3].eq_ignore_ascii_case(b"of ");
    of || ["时间", "工夫", "功夫", "精力", "小时", "分钟", "天", "人"]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// Per hidden fact, the words it brings into the talk that the customer
/// says nowhere openly (the title, briefing and objection lines) but some
/// of its lines use: a name ("Priya", "刘总工") or a thing of its story.
/// A line that uses one waits until the fact is told, so the customer does
/// not speak of "Priya" to a seller who has never heard of her. English:
/// capitalised words used mid-sentence in a line (names, not sentence
/// starts); Chinese: three-character runs of Han.
fn introduced(s: &Scenario, lines: &[&str]) -> Vec<Vec<String>> {
    let p = &s.persona;
    let mut public = format!(
        "{}\n{}\n{}\n{}\n{}",
        s.title, s.briefing, p.name, p.title, p.company
    );
    for o in &s.objections {
        for l in &o.lines {
            public.push('\n');
            public.push_str(l);
        }
    }
    p.hidden
        .iter()
        .map(|f| {
            let mut words: Vec<String> = Vec::new();
            for w in candidate_words(&f.text) {
                let used = |l: &&str| {
                    if w.is_ascii() {
                        named_in(l, &w)
                    } else {
                        l.contains(w.as_str())
                    }
                };
                if !public.contains(w.as_str()) && lines.iter().any(used) && !words.contains(&w) {
                    words.push(w);
                }
            }
            words
        })
        .collect()
}

/// The persona's authored lines besides its objections: its voice and
/// its reactions.
fn persona_lines(s: &Scenario) -> Vec<&str> {
    let mut lines: Vec<&str> = Vec::new();
    for (_, ls) in s.persona.voice.kinds() {
        lines.extend(ls.iter().map(String::as_str));
    }
    for o in &s.objections {
        for (_, ls) in o.reactions.kinds() {
            lines.extend(ls.iter().map(String::as_str));
        }
        for r in &o.reactions.routes {
            lines.extend(r.say.iter().map(String::as_str));
        }
    }
    lines
}

/// The words of a fact's text that could be names: capitalised English
/// words of three letters or more (not acronyms such as "CFO", which name
/// roles, nor months and days), and runs of three Han characters with no
/// function character in them (not "是不是", "差不多").
fn candidate_words(text: &str) -> Vec<String> {
    const CALENDAR: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const FUNCTION: &str = "的了是不没个这那有在就也都还很说实话现吗呢吧啊得出么";
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| {
            w.len() >= 3
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().any(|c| c.is_ascii_lowercase())
                && !CALENDAR.contains(w)
        })
        .map(str::to_string)
        .collect();
    let han: Vec<char> = text.chars().collect();
    for run in han.split(|c| !crate::analysis::text::is_han(*c)) {
        out.extend(
            run.windows(3)
                .filter(|w| !w.iter().any(|c| FUNCTION.contains(*c)))
                .map(|w| w.iter().collect::<String>()),
        );
    }
    out
}

/// Whether `line` uses the English word `name` mid-sentence, as a name
/// is used (a capitalised sentence start is no sign of one).
fn named_in(line: &str, name: &str) -> bool {
    line.match_indices(name).any(|(i, _)| {
        let before = line[..i].trim_end();
        let after = line[i + name.len()..].chars().next();
        !before.is_empty()
            && line[..i].ends_with(' ')
            && !before.ends_with(['.', '!', '?', '"'])
            && !after.is_some_and(|c| c.is_ascii_alphabetic())
    })
}

/// Whether `text[start..end]` stands as a word: in alphabetic text, not
/// inside another word (an English ending such as -s or -ing allowed).
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let found = &text[start..end];
    if !found.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return true;
    }
    let word = |c: char| c.is_alphanumeric();
    let before_ok = text[..start].chars().next_back().is_none_or(|c| !word(c));
    let rest = &text[end..];
    let tail_len = rest.find(|c: char| !word(c)).unwrap_or(rest.len());
    before_ok && ENDINGS.contains(&&rest[..tail_len])
}

/// Whether the words `said` (of one line) hold the words of a term in
/// order, each perhaps with an ending, with at most `TERM_GAP` other words
/// between two of them.
fn said_apart(said: &[&str], term: &[String]) -> bool {
    let is = |word: &str, t: &str| {
        word.len() >= t.len()
            && word[..t.len()].eq_ignore_ascii_case(t)
            && ENDINGS
                .iter()
                .any(|e| word[t.len()..].eq_ignore_ascii_case(e))
    };
    let Some((first, rest)) = term.split_first() else {
        return false;
    };
    (0..said.len())
        .filter(|&i| is(said[i], first))
        .any(|start| {
            let mut at = start;
            rest.iter().all(|t| {
                let window = at + 1..(at + 2 + TERM_GAP).min(said.len());
                match window.clone().find(|&j| is(said[j], t)) {
                    Some(j) => {
                        at = j;
                        true
                    }
                    None => false,
                }
            })
        })
}

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
        facts
            .iter()
            .enumerate()
            .find(|(i, f)| {
                !self.revealed.contains(i)
                    && match &f.reveal {
                        Reveal::TrustAtLeast(t) => self.meters.trust >= *t,
                        Reveal::Resolved(id) => self.is_resolved(id),
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
                let told = &self.topics.introduced[i];
                self.said.withheld.retain(|(_, w)| !told.contains(w));
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

    /// The unrevealed fact the reply's questions are most about; notes
    /// whether they ask for the customer's number (`hear` clears the note
    /// for each reply).
    fn asked_about(&mut self, a: &Analysis, text: &str) -> Option<usize> {
        let question = a.question?;
        if a.negatives.contains(&Negative::KeywordStuffing) {
            return None;
        }
        // the question sentences that ask about something, one per line
        let mut asked = String::new();
        for sentence in question_sentences(text) {
            // question words are English or Chinese: ASCII case will do
            let lower = if sentence.bytes().any(|b| b.is_ascii_uppercase()) {
                std::borrow::Cow::Owned(sentence.to_ascii_lowercase())
            } else {
                std::borrow::Cow::Borrowed(sentence)
            };
            if question_words(&lower) < TUNING.question_word_salad {
                asked.push_str(sentence);
                asked.push('\n');
            }
        }
        if asked.is_empty() {
            return None;
        }
        let facts = &self.scenario.persona.hidden;
        let (scores, asks_number) = self.topics.scores(&asked, facts.len());
        self.asked_number = asks_number;
        let on_table = self.current_objection().map(|o| o.kind);
        let mut best: Option<(usize, usize)> = None;
        for (i, fact) in facts.iter().enumerate() {
            if self.revealed.contains(&i) {
                continue;
            }
            match &fact.reveal {
                Reveal::OpenQuestion { .. } if question == QuestionKind::Open => {}
                // "您给个数？", "can you give me a number?" ask as openly
                Reveal::OpenQuestion { .. } if asks_number && fact.kind == FactKind::Budget => {}
                Reveal::Question { .. } => {}
                _ => continue,
            }
            // how much of the question is about this topic: the length of
            // the topic words it uses, plus a little when the fact belongs
            // to the objection on the table
            let mut score = scores[i];
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
        (
            FactKind::Budget | FactKind::Batna,
            Some(ObjectionKind::Price)
        ) | (
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
    let bytes = text.as_bytes();
    let mut i = 0;
    // a byte scan: the marks are ASCII, or 。 (E3 80 82) and ！？； (EF BC ..)
    while i < bytes.len() {
        let len = match bytes[i] {
            b'!' | b'?' | b';' | b'\n' => 1,
            // a decimal point ends no sentence
            b'.' => {
                let decimal = i > 0
                    && bytes[i - 1].is_ascii_digit()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if decimal { 0 } else { 1 }
            }
            0xE3 if bytes[i + 1..].starts_with(&[0x80, 0x82]) => 3,
            0xEF if bytes[i + 1..].starts_with(&[0xBC])
                && matches!(bytes.get(i + 2), Some(0x81 | 0x9F | 0x9B)) =>
            {
                3
            }
            _ => 0,
        };
        if len > 0 {
            sentences.push(&text[start..i + len]);
            start = i + len;
            i += len;
        } else {
            i += 1;
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

/// How many different question words a (lower-case) sentence uses; only
/// counted in a list ("what, why, how?"), where a salad of them can be.
fn question_words(s: &str) -> usize {
    if s.matches([',', '，', '、']).nth(1).is_none() {
        return 0;
    }
    let words: Vec<&str> = ascii_runs(s).collect();
    let used: Vec<&str> = QUESTION_WORDS
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "吗" | "呢" | "几"))
        .filter(|w| {
            if w.is_ascii() {
                words.contains(w)
            } else {
                s.contains(*w)
            }
        })
        .collect();
    // "什么时候" holds "什么": count the longer word once
    used.iter()
        .filter(|w| !used.iter().any(|o| o != *w && o.contains(**w)))
        .count()
}

/// Endings an English topic word may take and still be the same word.
const ENDINGS: [&str; 7] = ["", "s", "es", "ed", "d", "ing", "ies"];

/// The runs of ASCII letters and digits in `s`.
fn ascii_runs(s: &str) -> impl Iterator<Item = &str> {
    // split on bytes: every piece is ASCII, so each is a `str` again
    s.as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter_map(|w| std::str::from_utf8(w).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_a_fact_brings_wait_for_it() {
        for sc in crate::scenario::shipped_scenarios() {
            let words = introduced(&sc, &persona_lines(&sc));
            eprintln!("{}: {words:?}", sc.id);
            let all = words.concat();
            let expected: &[&str] = match sc.id.as_str() {
                "brightwater-saas-en" => &["Priya"],
                "reilly-training-en" => &["Graham"],
                "haiyue-hvac-zh" => &["刘总工"],
                _ => &[],
            };
            for e in expected {
                assert!(all.iter().any(|w| w == e), "{}: {all:?}", sc.id);
            }
        }
        // a capitalised sentence start is no name
        assert!(named_in("send it to Priya.", "Priya"));
        assert!(!named_in("Priya signs. Fine.", "Priya"));
        assert!(!named_in("OK. Priya signs.", "Priya"));
        assert!(!named_in("to Priyanka", "Priya"));
    }

    #[test]
    fn a_term_is_a_whole_word() {
        assert!(whole_word("who decides here?", 4, 10));
        assert!(whole_word("when does it stop?", 13, 17));
        assert!(!whole_word("whenever it stops", 0, 4));
        assert!(!whole_word("a cost overrun", 2, 5));
        assert!(whole_word("预算多少？", 0, 6));
        let s = "Who decides on the Budgets?";
        assert!(whole_word(s, 4, 10));
        assert!(whole_word(s, 19, 25));
        assert!(!whole_word("a costly thing", 2, 6));
    }

    #[test]
    fn a_term_of_several_words_may_be_said_apart() {
        let term = ["sign".to_string(), "off".to_string()];
        let apart = |line: &str| said_apart(&ascii_runs(line).collect::<Vec<_>>(), &term);
        assert!(apart("Who else is Signing this off?"));
        assert!(apart("who signs it off"));
        assert!(!apart("who signs the order and the invoice off"));
        assert!(!apart("off we go, who signs?"));
    }

    #[test]
    fn question_sentences_are_the_ones_that_ask() {
        let s = question_sentences("I see. What does a stoppage cost you? It is 3.5 hours.");
        assert_eq!(s, vec![" What does a stoppage cost you?"]);
        assert_eq!(question_sentences("能说说预算吗"), vec!["能说说预算吗"]);
        assert_eq!(
            question_sentences("我理解。预算多少？还有别的事。"),
            vec!["预算多少？"]
        );
        assert_eq!(question_sentences("好的；谁来定？"), vec!["谁来定？"]);
        assert_eq!(question_words("what, why, how, when, who decides?"), 5);
    }
}
