//! The debrief in the sandwich form the course teaches: what went well,
//! what to improve (the player's own words, then a better alternative from
//! the scenario's model answers), and what to keep doing.

use serde::{Deserialize, Serialize};

use super::rubric::Rule;
use super::scorecard::{Dimension, Item, Scorecard};
use crate::i18n::Locale;
use crate::record::Turn;
use crate::scenario::Scenario;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub turn: u32,
    /// What the rule says, in the scenario's language.
    pub text: String,
    /// The player's words, or empty for something they did not do.
    pub quote: String,
    /// A model answer to try instead (improvements only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub better: Option<String>,
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

fn is_skill(item: &Item) -> bool {
    matches!(
        item.dimension,
        Dimension::Laer | Dimension::Fab | Dimension::Concessions | Dimension::Ethics
    ) && item.turn > 0
}

pub fn debrief(scenario: &Scenario, turns: &[Turn], card: &Scorecard, locale: &Locale) -> Debrief {
    let rule_text = |item: &Item| locale.text(&item.rule.text_key()).to_string();
    let model_answer = |objection: Option<&str>| {
        objection
            .and_then(|id| scenario.objections.iter().find(|o| o.id == id))
            .and_then(|o| o.model_answers.first().cloned())
    };
    let point = |item: &Item| Point {
        turn: item.turn,
        text: rule_text(item),
        quote: item.quote.clone(),
        better: None,
    };

    let mut gains: Vec<&Item> = card
        .items
        .iter()
        .filter(|i| is_skill(i) && i.points > 0.0)
        .collect();
    gains.sort_by(|a, b| b.points.total_cmp(&a.points).then(a.turn.cmp(&b.turn)));
    let mut seen = Vec::new();
    let mut distinct = |items: Vec<&Item>| -> Vec<Point> {
        items
            .into_iter()
            .filter(|i| {
                let new = !seen.contains(&i.rule);
                seen.push(i.rule);
                new
            })
            .map(point)
            .collect()
    };
    let mut well = distinct(gains.clone());
    let keep = well.split_off(well.len().min(2));

    // mistakes first (most points lost), then steps never taken
    let mut losses: Vec<&Item> = card
        .items
        .iter()
        .filter(|i| i.points < 0.0 && i.turn > 0)
        .collect();
    losses.sort_by(|a, b| a.points.total_cmp(&b.points).then(a.turn.cmp(&b.turn)));
    let missing = card
        .items
        .iter()
        .filter(|i| i.points == 0.0 && i.rule.is_missing());
    let mut improve = Vec::new();
    let mut rules_seen: Vec<Rule> = Vec::new();
    // one model answer per objection is enough; repeating it adds nothing
    let mut answered: Vec<Option<String>> = Vec::new();
    for item in losses.into_iter().chain(missing) {
        if improve.len() == 3 || rules_seen.contains(&item.rule) {
            continue;
        }
        rules_seen.push(item.rule);
        let objection = item.objection.clone().or_else(|| {
            turns
                .iter()
                .find(|t| t.number == item.turn)
                .and_then(|t| t.objection.clone())
        });
        // a step never taken is shown against what the player said instead
        let quote = if item.quote.is_empty() {
            turns
                .iter()
                .find(|t| t.objection == objection)
                .map(|t| t.text.clone())
                .unwrap_or_default()
        } else {
            item.quote.clone()
        };
        improve.push(Point {
            turn: item.turn,
            text: rule_text(item),
            quote,
            better: if answered.contains(&objection) {
                None
            } else {
                answered.push(objection.clone());
                model_answer(objection.as_deref())
            },
        });
    }
    Debrief {
        well,
        improve,
        keep: keep.into_iter().take(2).collect(),
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
    for (d, s) in &card.dimensions {
        let bar = "#".repeat((s / 5.0).round() as usize);
        out.push_str(&format!(
            "  {:<14} {:>5.0}  {bar}\n",
            locale.text(&format!("dimension.{}", d.name())),
            s
        ));
    }
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
