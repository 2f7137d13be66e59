//! The debrief in the sandwich form the course teaches: what went well,
//! what to improve (the player's own words, then a better alternative from
//! the scenario's model answers), and what to keep doing. It only says what
//! the scorecard says:
//! - "went well" quotes replies that earned points and lost none;
//! - every "improve" item quotes the reply that made the mistake (or that
//!   answered without the missing step), and its "try instead" is a model
//!   answer of this scenario marked as showing the fix for that mistake,
//!   or nothing;
//! - "keep doing" names strengths: how the player traded, the facts their
//!   questions uncovered, and other moves done well.

use std::cell::OnceCell;

use serde::{Deserialize, Serialize};

use super::relevance::{Relevance, said_key};
use super::rubric::{Kind, Rule};
use super::scorecard::{Dimension, Item, Scorecard};
use crate::i18n::Locale;
use crate::record::Turn;
use crate::scenario::{ModelAnswer, Objection, Scenario};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub turn: u32,
    /// What the rule says, in the scenario's language.
    pub text: String,
    /// The player's words, or empty for the whole session.
    pub quote: String,
    /// A model answer to try instead (improvements only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub better: Option<String>,
    /// The rule behind the point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    pub well: Vec<Point>,
    pub improve: Vec<Point>,
    pub keep: Vec<Point>,
}

impl Debrief {
    /// The three parts in the sandwich's order, each with its heading's
    /// locale key.
    pub fn sections(&self) -> [(&'static str, &[Point]); 3] {
        [
            ("debrief.well", &self.well),
            ("debrief.improve", &self.improve),
            ("debrief.keep", &self.keep),
        ]
    }
}

const WELL: usize = 3;
const IMPROVE: usize = 4;
const KEEP: usize = 3;

/// Strengths a trainer names as habits to keep, before other moves done well.
const HABITS: &[Rule] = &[
    Rule::ConcConditional,
    Rule::ConcStepped,
    Rule::ConcHeldPrice,
    Rule::ConcTradedValue,
    Rule::LaerExploreUncovered,
    Rule::ConcKeptFloor,
];

/// The model answer of this scenario that shows how to fix `rule`: one of
/// the objection's own first, then one of another objection of the same
/// kind, then any; none whose `said_key` is in `avoid`. None when no answer
/// is marked as showing it.
pub fn better_answer<'s>(
    scenario: &'s Scenario,
    rule: Rule,
    objection: Option<&str>,
    avoid: &[u64],
) -> Option<&'s ModelAnswer> {
    let lesson = rule.lesson()?;
    let own = objection.and_then(|id| scenario.objections.iter().find(|o| o.id == id));
    let new = |m: &ModelAnswer| said_key(m.text()).is_none_or(|k| !avoid.contains(&k));
    let shows = |o: &'s Objection| {
        o.model_answers.iter().find(move |m| {
            new(m)
                && (m.demonstrates(lesson)
                    // every model answer is about this customer
                    || (lesson == "relevance" && own.is_some_and(|x| x.id == o.id)))
        })
    };
    let same_kind = own.map(|x| x.kind);
    own.and_then(shows)
        .or_else(|| {
            scenario
                .objections
                .iter()
                .filter(|o| Some(o.kind) == same_kind)
                .find_map(shows)
        })
        .or_else(|| scenario.objections.iter().find_map(shows))
}

/// The debrief of a scored session, from its scorecard's items.
pub fn debrief(scenario: &Scenario, turns: &[Turn], card: &Scorecard, locale: &Locale) -> Debrief {
    let writer = Writer::new(scenario, turns, card, locale);
    // what went well: moments, most points first
    let moments = moments(card, &writer);
    let mut used: Vec<Rule> = Vec::new();
    let well = pick(moments.iter().copied(), WELL, &mut used, &writer);
    // keep doing: habits first, then other moves done well
    let habits = HABITS.iter().filter_map(|rule| {
        card.items
            .iter()
            .find(|i| writer.praised(i) && i.rule == *rule)
    });
    let keep = pick(
        habits.chain(moments.iter().copied()),
        KEEP,
        &mut used,
        &writer,
    );
    Debrief {
        well,
        improve: improve(card, &writer),
        keep,
    }
}

/// Writes debrief points from scorecard items, in the scenario's language.
struct Writer<'a> {
    scenario: &'a Scenario,
    turns: &'a [Turn],
    locale: &'a Locale,
    /// Replies that lost points anywhere: they are praised nowhere.
    lost: Vec<u32>,
    /// Built only when an off-topic reply needs its words named.
    relevance: OnceCell<Relevance>,
}

impl<'a> Writer<'a> {
    fn new(
        scenario: &'a Scenario,
        turns: &'a [Turn],
        card: &Scorecard,
        locale: &'a Locale,
    ) -> Self {
        let lost = card
            .items
            .iter()
            .filter(|i| i.points < 0.0 && i.turn > 0)
            .map(|i| i.turn)
            .collect();
        Writer {
            scenario,
            turns,
            locale,
            lost,
            relevance: OnceCell::new(),
        }
    }

    fn turn(&self, number: u32) -> Option<&'a Turn> {
        self.turns.iter().find(|t| t.number == number)
    }

    /// Earned points, is a gain, and its reply lost none.
    fn praised(&self, i: &Item) -> bool {
        i.points > 0.0
            && i.rule.kind() == Kind::Gain
            && (i.turn == 0 || !self.lost.contains(&i.turn))
    }

    /// What the rule says, its blanks filled in.
    fn text(&self, item: &Item) -> String {
        let key = item.rule.text_key();
        match item.rule {
            Rule::EthicsCap => self.locale.fill(
                &key,
                &[("cap", &format!("{:.0}", super::rubric::PASS_MARK))],
            ),
            Rule::LaerOffTopic | Rule::RelationshipOffTopic => {
                let words = self.off_topic_words(item.turn);
                let comma = if self.scenario.lang() == crate::lang::Lang::ZhCn {
                    "、"
                } else {
                    ", "
                };
                self.locale.fill(&key, &[("words", &words.join(comma))])
            }
            _ => self.locale.text(&key).to_string(),
        }
    }

    /// The words of another customer's case that a reply named.
    fn off_topic_words(&self, turn: u32) -> Vec<String> {
        self.turn(turn)
            .and_then(|t| {
                self.relevance
                    .get_or_init(|| Relevance::new(self.scenario))
                    .off_topic(&t.text, 0)
            })
            .unwrap_or_default()
    }

    fn point(&self, item: &Item) -> Point {
        Point {
            turn: item.turn,
            text: self.text(item),
            quote: item.quote.clone(),
            better: None,
            rule: Some(item.rule),
        }
    }
}

/// LAER and FAB moves praised in a reply, most points first.
fn moments<'c>(card: &'c Scorecard, writer: &Writer) -> Vec<&'c Item> {
    let mut moments: Vec<&Item> = card
        .items
        .iter()
        .filter(|i| writer.praised(i))
        .filter(|i| i.turn > 0 && matches!(i.dimension, Dimension::Laer | Dimension::Fab))
        .collect();
    moments.sort_by(|a, b| b.points.total_cmp(&a.points).then(a.turn.cmp(&b.turn)));
    moments
}

/// Up to `max` points from `items` in order, one per rule, skipping the
/// rules in `used` (the sections share it, so no rule is named twice).
fn pick<'c>(
    items: impl Iterator<Item = &'c Item>,
    max: usize,
    used: &mut Vec<Rule>,
    writer: &Writer,
) -> Vec<Point> {
    let mut picked = Vec::new();
    for i in items {
        if picked.len() == max || used.contains(&i.rule) {
            continue;
        }
        used.push(i.rule);
        picked.push(writer.point(i));
    }
    picked
}

/// What to improve: mistakes (most points lost first), then moves done
/// only partly, then steps never taken; each against the reply at fault,
/// with a model answer to try instead, each model answer shown once.
fn improve(card: &Scorecard, writer: &Writer) -> Vec<Point> {
    let mut faults: Vec<&Item> = card
        .items
        .iter()
        .filter(|i| {
            i.turn > 0
                && matches!(
                    i.rule.kind(),
                    Kind::Penalty | Kind::Partial | Kind::Missing | Kind::Cap
                )
        })
        .collect();
    faults.sort_by(|a, b| {
        fault_order(a)
            .cmp(&fault_order(b))
            .then(a.points.total_cmp(&b.points))
            .then(a.turn.cmp(&b.turn))
    });
    let mut improve = Vec::new();
    let mut rules_seen: Vec<Rule> = Vec::new();
    // what the player said is no "instead", and each answer is shown once
    let mut avoid: Vec<u64> = writer
        .turns
        .iter()
        .filter_map(|t| said_key(&t.text))
        .collect();
    for item in faults {
        if improve.len() == IMPROVE || rules_seen.contains(&item.rule) {
            continue;
        }
        let Some(turn) = writer.turn(item.turn) else {
            continue;
        };
        rules_seen.push(item.rule);
        let objection = item.objection.as_deref().or(turn.objection.as_deref());
        let better =
            better_answer(writer.scenario, item.rule, objection, &avoid).map(ModelAnswer::text);
        avoid.extend(better.and_then(said_key));
        let quote = if item.quote.is_empty() {
            turn.text.clone()
        } else {
            item.quote.clone()
        };
        improve.push(Point {
            quote,
            better: better.map(str::to_string),
            ..writer.point(item)
        });
    }
    improve
}

/// Penalties first, then what an ethics breach capped, then partial moves,
/// then missing steps.
fn fault_order(i: &Item) -> u8 {
    match i.rule.kind() {
        Kind::Penalty => 0,
        Kind::Cap => 1,
        Kind::Partial => 2,
        _ => 3,
    }
}

/// One team's part in a classroom session: its scorecard from its own
/// replies, the best thing it did and its costliest mistake.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamResult {
    pub team: String,
    pub card: Scorecard,
    pub strength: Option<Point>,
    pub mistake: Option<Point>,
}

/// The teams ranked by their own overall score, best first (ties keep the
/// order they played in), each with its own strength and mistake.
pub fn team_results(
    scenario: &Scenario,
    difficulty: crate::scenario::Difficulty,
    turns: &[Turn],
    outcome: Option<&crate::record::Outcome>,
    locale: &Locale,
) -> Vec<TeamResult> {
    let mut results: Vec<TeamResult> =
        super::scorecard::by_team(scenario, difficulty, turns, outcome)
            .into_iter()
            .map(|(team, card)| {
                let own: Vec<Turn> = turns
                    .iter()
                    .filter(|t| t.team.as_deref() == Some(team.as_str()))
                    .cloned()
                    .collect();
                let d = debrief(scenario, &own, &card, locale);
                TeamResult {
                    strength: d.well.into_iter().next(),
                    mistake: d.improve.into_iter().find(|p| !p.quote.is_empty()),
                    team,
                    card,
                }
            })
            .collect();
    results.sort_by(|a, b| b.card.overall.total_cmp(&a.card.overall));
    results
}

/// The debrief and scores as plain text, for the terminal.
pub fn render_text(card: &Scorecard, debrief: &Debrief, locale: &Locale) -> String {
    let mut out = String::new();
    out.push_str(&locale.fill(
        "debrief.overall",
        &[("score", &format!("{:.0}", card.overall))],
    ));
    out.push('\n');
    for d in Dimension::ALL {
        let key = format!("dimension.{}", d.name());
        let name = locale.text(&key);
        match card.score(d) {
            Some(s) => {
                let bar = "#".repeat((s / 5.0).round() as usize);
                out.push_str(&format!("  {name:<14} {s:>5.0}  {bar}\n"));
            }
            None if card.not_assessed.contains(&d) => {
                out.push_str(&format!(
                    "  {name:<14} {:>5}  {}\n",
                    "-",
                    locale.text("debrief.not_assessed")
                ));
            }
            None => {}
        }
    }
    if let Some(cap) = card.capped_at {
        out.push_str(&locale.fill("debrief.capped", &[("cap", &format!("{cap:.0}"))]));
        out.push('\n');
    }
    out.push_str(&locale.fill("debrief.rubric", &[("version", &card.rubric.to_string())]));
    out.push('\n');
    let section = |out: &mut String, key: &str, points: &[Point]| {
        if points.is_empty() {
            return;
        }
        out.push('\n');
        out.push_str(locale.text(key));
        out.push('\n');
        for p in points {
            out.push_str(&format!("  - {}", p.text));
            if !p.quote.is_empty() {
                out.push_str(&format!(
                    "\n    {}",
                    locale.fill("debrief.you_said", &[("quote", &p.quote)])
                ));
            }
            if let Some(b) = &p.better {
                out.push_str(&format!(
                    "\n    {}",
                    locale.fill("debrief.try", &[("answer", b)])
                ));
            }
            out.push('\n');
        }
    };
    for (key, points) in debrief.sections() {
        section(&mut out, key, points);
    }
    out
}
