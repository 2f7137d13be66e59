//! The scorecard: six dimensions, each 0-100, built only from items that
//! name the turn, the player's words, the rule and the points. It is a pure
//! function of the scenario, the tier and the turns, so a transcript can be
//! re-scored and checked.

use serde::{Deserialize, Serialize};

use super::rubric::Rule;
use crate::analysis::QuestionKind;
use crate::analysis::tags::{Fab, Laer, Negative};
use crate::record::{Event, Outcome, Turn};
use crate::scenario::{Difficulty, Scenario};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Laer,
    Fab,
    Concessions,
    Outcome,
    Relationship,
    Ethics,
}

impl Dimension {
    pub const ALL: [Dimension; 6] = [
        Dimension::Laer,
        Dimension::Fab,
        Dimension::Concessions,
        Dimension::Outcome,
        Dimension::Relationship,
        Dimension::Ethics,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Dimension::Laer => "laer",
            Dimension::Fab => "fab",
            Dimension::Concessions => "concessions",
            Dimension::Outcome => "outcome",
            Dimension::Relationship => "relationship",
            Dimension::Ethics => "ethics",
        }
    }

    /// Share of the overall score, in percent.
    pub fn weight(self) -> f64 {
        match self {
            Dimension::Laer => 25.0,
            Dimension::Fab => 20.0,
            Dimension::Concessions => 20.0,
            Dimension::Outcome => 20.0,
            Dimension::Relationship => 10.0,
            Dimension::Ethics => 5.0,
        }
    }
}

/// One reason for points given or taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub dimension: Dimension,
    /// The player's turn (0 for the whole session).
    pub turn: u32,
    /// The player's words that earned it (empty for a missing step).
    pub quote: String,
    /// The rule applied; its text is in the locale files.
    pub rule: Rule,
    pub points: f64,
    /// The objection it belongs to, for per-objection dimensions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objection: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub overall: f64,
    pub dimensions: Vec<(Dimension, f64)>,
    pub items: Vec<Item>,
}

impl Scorecard {
    /// A per-objection dimension's score for one objection (0-100), or
    /// None when it has no items (the objection never came up).
    pub fn objection_score(&self, d: Dimension, objection: &str) -> Option<f64> {
        total(&self.items, d, Some(objection)).map(|p| p.clamp(0.0, 100.0))
    }

    pub fn get(&self, d: Dimension) -> f64 {
        self.dimensions
            .iter()
            .find(|(x, _)| *x == d)
            .map_or(0.0, |(_, s)| *s)
    }
}

/// The points of dimension `d` (for one objection, or all), or None when
/// there is no item to add up.
fn total(items: &[Item], d: Dimension, objection: Option<&str>) -> Option<f64> {
    let mut points = items
        .iter()
        .filter(|i| {
            i.dimension == d && (objection.is_none() || i.objection.as_deref() == objection)
        })
        .map(|i| i.points)
        .peekable();
    points.peek()?;
    Some(points.sum())
}

struct Items(Vec<Item>);

impl Items {
    fn add(
        &mut self,
        dimension: Dimension,
        turn: &Turn,
        quote: &str,
        rule: Rule,
        points: f64,
        objection: Option<&str>,
    ) {
        self.0.push(Item {
            dimension,
            turn: turn.number,
            quote: quote.to_string(),
            rule,
            points,
            objection: objection.map(str::to_string),
        });
    }

    fn whole(&mut self, dimension: Dimension, rule: Rule, points: f64) {
        self.0.push(Item {
            dimension,
            turn: 0,
            quote: String::new(),
            rule,
            points,
            objection: None,
        });
    }

    fn sum(&self, d: Dimension, objection: Option<&str>) -> f64 {
        total(&self.0, d, objection).unwrap_or(0.0)
    }
}

/// The sentence holding the words that earned `tag`, or the whole reply:
/// a quote a player recognises, not a lone keyword.
fn quote<'a>(turn: &'a Turn, tag: &str) -> &'a str {
    let text = turn.text.as_str();
    let Some(e) = turn.analysis.evidence.iter().find(|e| {
        e.tag == tag
            && e.start <= e.end
            && text.is_char_boundary(e.start)
            && text.is_char_boundary(e.end)
    }) else {
        return text;
    };
    // a decimal point ("81.7万") ends no sentence
    let ends_at = |i: usize, c: char| match c {
        '.' => {
            !(text[..i].ends_with(|p: char| p.is_ascii_digit())
                && text[i + 1..].starts_with(|n: char| n.is_ascii_digit()))
        }
        '!' | '?' | ';' | '\n' | '。' | '！' | '？' | '；' => true,
        _ => false,
    };
    let start = text[..e.start]
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_at(i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[e.end..]
        .char_indices()
        .find(|&(i, c)| ends_at(e.end + i, c))
        .map_or(text.len(), |(i, c)| e.end + i + c.len_utf8());
    text[start..end].trim()
}

/// Scores a finished (or stopped) session.
pub fn score(
    scenario: &Scenario,
    difficulty: Difficulty,
    turns: &[Turn],
    outcome: Option<&Outcome>,
) -> Scorecard {
    score_turns(scenario, difficulty, turns, outcome, final_trust(turns))
}

fn final_trust(turns: &[Turn]) -> f64 {
    turns.last().map_or(0.0, |t| t.meters.trust)
}

fn score_turns(
    scenario: &Scenario,
    difficulty: Difficulty,
    turns: &[Turn],
    outcome: Option<&Outcome>,
    trust: f64,
) -> Scorecard {
    let mut items = Items(Vec::new());
    let raised: Vec<&str> = turns
        .iter()
        .flat_map(|t| &t.events)
        .filter_map(|e| match e {
            Event::Raised { objection } => Some(objection.as_str()),
            _ => None,
        })
        .collect();
    // the opening objection is raised before the first turn
    let mut objections: Vec<&str> = scenario
        .opening()
        .map(|o| o.id.as_str())
        .into_iter()
        .collect();
    for id in raised {
        if !objections.contains(&id) {
            objections.push(id);
        }
    }

    let mut laer_scores = Vec::new();
    let mut fab_scores = Vec::new();
    for id in &objections {
        let episode: Vec<&Turn> = turns
            .iter()
            .filter(|t| t.objection.as_deref() == Some(*id))
            .collect();
        laer_items(&mut items, &episode, id);
        fab_items(&mut items, &episode, id);
        laer_scores.push(items.sum(Dimension::Laer, Some(id)).clamp(0.0, 100.0));
        fab_scores.push(items.sum(Dimension::Fab, Some(id)).clamp(0.0, 100.0));
    }
    concession_items(&mut items, scenario, turns);
    let walk_away = scenario.params(difficulty).walk_away;
    outcome_items(&mut items, scenario, walk_away, turns, outcome, trust);
    ethics_items(&mut items, turns);

    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let dimensions: Vec<(Dimension, f64)> = Dimension::ALL
        .iter()
        .map(|&d| {
            let s = match d {
                Dimension::Laer => mean(&laer_scores),
                Dimension::Fab => mean(&fab_scores),
                _ => items.sum(d, None),
            };
            (d, round1(s.clamp(0.0, 100.0)))
        })
        .collect();
    let overall = round1(dimensions.iter().map(|(d, s)| s * d.weight() / 100.0).sum());
    Scorecard {
        overall,
        dimensions,
        items: items.0,
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// LAER for one objection: each step once, explore before respond.
fn laer_items(items: &mut Items, episode: &[&Turn], id: &str) {
    let first = |step: Laer| episode.iter().find(|t| t.analysis.has_laer(step)).copied();
    let d = Dimension::Laer;
    let o = Some(id);
    match first(Laer::Listen) {
        Some(t) => items.add(d, t, quote(t, "listen"), Rule::LaerListen, 20.0, o),
        None => items.0.push(missing(d, Rule::LaerMissingListen, id)),
    }
    match first(Laer::Acknowledge) {
        Some(t) => items.add(
            d,
            t,
            quote(t, "acknowledge"),
            Rule::LaerAcknowledge,
            20.0,
            o,
        ),
        None => items.0.push(missing(d, Rule::LaerMissingAcknowledge, id)),
    }
    let open = episode
        .iter()
        .find(|t| t.analysis.question == Some(QuestionKind::Open));
    match (open, first(Laer::Explore)) {
        (Some(t), _) => items.add(d, t, quote(t, "explore"), Rule::LaerExploreOpen, 30.0, o),
        (None, Some(t)) => items.add(d, t, quote(t, "explore"), Rule::LaerExploreClosed, 15.0, o),
        (None, None) => items.0.push(missing(d, Rule::LaerMissingExplore, id)),
    }
    match first(Laer::Respond) {
        Some(t) => items.add(d, t, &t.text, Rule::LaerRespond, 30.0, o),
        None => items.0.push(missing(d, Rule::LaerMissingRespond, id)),
    }
    if let Some(t) = episode.iter().find(|t| {
        t.events
            .iter()
            .any(|e| matches!(e, Event::Premature { .. }))
    }) {
        items.add(d, t, &t.text, Rule::LaerPremature, -15.0, o);
    }
    for t in episode {
        if t.analysis.negatives.contains(&Negative::Arguing) {
            items.add(d, t, quote(t, "arguing"), Rule::LaerArguing, -10.0, o);
        }
    }
}

fn missing(dimension: Dimension, rule: Rule, objection: &str) -> Item {
    Item {
        dimension,
        turn: 0,
        quote: String::new(),
        rule,
        points: 0.0,
        objection: Some(objection.to_string()),
    }
}

/// FAB for one objection: the most complete reply counts.
fn fab_items(items: &mut Items, episode: &[&Turn], id: &str) {
    let weight = |t: &Turn| {
        let f = &t.analysis.fab;
        f.contains(&Fab::Feature) as u8 * 30
            + f.contains(&Fab::Advantage) as u8 * 30
            + f.contains(&Fab::Benefit) as u8 * 40
    };
    let Some(best) = episode
        .iter()
        .copied()
        .filter(|t| weight(t) > 0)
        .max_by_key(|t| (weight(t), std::cmp::Reverse(t.number)))
    else {
        items.0.push(missing(Dimension::Fab, Rule::FabMissing, id));
        return;
    };
    let d = Dimension::Fab;
    let f = &best.analysis.fab;
    for (part, tag, rule, points) in [
        (Fab::Feature, "feature", Rule::FabFeature, 30.0),
        (Fab::Advantage, "advantage", Rule::FabAdvantage, 30.0),
        (Fab::Benefit, "benefit", Rule::FabBenefit, 40.0),
    ] {
        if f.contains(&part) {
            items.add(d, best, quote(best, tag), rule, points, Some(id));
        }
    }
    if !f.contains(&Fab::Benefit) {
        items.0.push(missing(d, Rule::FabMissingBenefit, id));
    }
}

fn concession_items(items: &mut Items, scenario: &Scenario, turns: &[Turn]) {
    let d = Dimension::Concessions;
    items.whole(d, Rule::ConcStart, 100.0);
    let product = &scenario.product;
    let zone = (product.list_price - product.floor).max(1.0);
    // the first push: the price objection on the table or a counter-offer
    let price_ids: Vec<&str> = scenario
        .objections
        .iter()
        .filter(|o| o.kind == crate::scenario::ObjectionKind::Price)
        .map(|o| o.id.as_str())
        .collect();
    let first_push = turns
        .iter()
        .position(|t| {
            t.objection
                .as_deref()
                .is_some_and(|o| price_ids.contains(&o))
        })
        .or_else(|| {
            turns
                .iter()
                .position(|t| {
                    t.events
                        .iter()
                        .any(|e| matches!(e, Event::Countered { .. }))
                })
                .map(|i| i + 1)
        });
    let mut price = product.list_price;
    let mut last_step: Option<f64> = None;
    let mut below_floor = false;
    let mut conceded_price = false;
    let mut first_concession_checked = false;
    for (i, t) in turns.iter().enumerate() {
        for e in &t.events {
            match e {
                Event::Offered {
                    price: p,
                    conditional,
                } if *p < price => {
                    let step = price - p;
                    conceded_price = true;
                    if !first_concession_checked {
                        first_concession_checked = true;
                        if first_push == Some(i) {
                            items.add(d, t, quote(t, "offer"), Rule::ConcFirstPush, -20.0, None);
                        }
                    }
                    if let Some(last) = last_step
                        && step >= last
                    {
                        items.add(d, t, quote(t, "offer"), Rule::ConcNotStepped, -15.0, None);
                    }
                    if step > zone * 0.5 {
                        items.add(d, t, quote(t, "offer"), Rule::ConcBigStep, -15.0, None);
                    }
                    if !conditional {
                        items.add(
                            d,
                            t,
                            quote(t, "offer"),
                            Rule::ConcUnconditional,
                            -10.0,
                            None,
                        );
                    }
                    if *p < product.floor && !below_floor {
                        below_floor = true;
                        items.add(d, t, quote(t, "offer"), Rule::ConcBelowFloor, -50.0, None);
                    }
                    last_step = Some(step);
                    price = *p;
                }
                Event::Gave {
                    conditional: false, ..
                } => {
                    items.add(
                        d,
                        t,
                        quote(t, "offer"),
                        Rule::ConcUnconditionalGift,
                        -5.0,
                        None,
                    );
                }
                _ => {}
            }
        }
        if t.analysis.negatives.contains(&Negative::RevealBottomLine) {
            items.add(
                d,
                t,
                quote(t, "reveal_bottom_line"),
                Rule::ConcRevealed,
                -30.0,
                None,
            );
        }
    }
    let gave_cheap = turns.iter().flat_map(|t| &t.events).any(|e| {
        matches!(e, Event::Gave { tradeable, .. } if product.tradeables.iter().any(|x| &x.id == tradeable && x.value >= 2.0 * x.cost))
    });
    let cheap_exists = product.tradeables.iter().any(|x| x.value >= 2.0 * x.cost);
    if conceded_price && cheap_exists && !gave_cheap {
        items.whole(d, Rule::ConcPriceNotTradeables, -10.0);
    }
}

fn outcome_items(
    items: &mut Items,
    scenario: &Scenario,
    walk_away: f64,
    turns: &[Turn],
    outcome: Option<&Outcome>,
    trust: f64,
) {
    let floor = scenario.product.floor;
    match outcome {
        Some(Outcome::Deal { price, turn }) => {
            let t = turns.iter().find(|t| t.number == *turn);
            let (points, rule) = if *price < floor {
                (0.0, Rule::OutcomeBelowFloor)
            } else {
                let share = ((price - floor) / (walk_away - floor).max(1.0)).clamp(0.0, 1.0);
                (40.0 + 60.0 * share, Rule::OutcomeDeal)
            };
            match t {
                Some(t) => items.add(Dimension::Outcome, t, &t.text, rule, round1(points), None),
                None => items.whole(Dimension::Outcome, rule, round1(points)),
            }
            let pressured = turns
                .iter()
                .any(|t| t.analysis.negatives.contains(&Negative::Pressure));
            if pressured {
                items.whole(
                    Dimension::Relationship,
                    Rule::RelationshipPressureDeal,
                    -15.0,
                );
            }
        }
        Some(Outcome::WalkAway { .. }) => {
            items.whole(Dimension::Outcome, Rule::OutcomeWalkAway, 0.0)
        }
        _ => items.whole(Dimension::Outcome, Rule::OutcomeNoDeal, 0.0),
    }
    items.whole(
        Dimension::Relationship,
        Rule::RelationshipTrust,
        round1(trust * 100.0),
    );
}

fn ethics_items(items: &mut Items, turns: &[Turn]) {
    let d = Dimension::Ethics;
    items.whole(d, Rule::EthicsStart, 100.0);
    for t in turns {
        for n in &t.analysis.negatives {
            let (rule, points) = match n {
                Negative::Exaggeration => (Rule::EthicsExaggeration, -25.0),
                Negative::Pressure => (Rule::EthicsPressure, -15.0),
                Negative::Arguing => (Rule::EthicsArguing, -10.0),
                Negative::RevealBottomLine | Negative::KeywordStuffing => continue,
            };
            items.add(d, t, quote(t, n.name()), rule, points, None);
        }
    }
}

/// One scorecard per team, from the turns each team gave (the outcome and
/// the customer's final trust are shared by all teams).
pub fn by_team(
    scenario: &Scenario,
    difficulty: Difficulty,
    turns: &[Turn],
    outcome: Option<&Outcome>,
) -> Vec<(String, Scorecard)> {
    let mut teams: Vec<String> = Vec::new();
    for t in turns {
        if let Some(team) = &t.team
            && !teams.contains(team)
        {
            teams.push(team.clone());
        }
    }
    teams
        .into_iter()
        .map(|team| {
            let own: Vec<Turn> = turns
                .iter()
                .filter(|t| t.team.as_deref() == Some(team.as_str()))
                .cloned()
                .collect();
            // trust is the customer's at the end, not after the team's last turn
            let card = score_turns(scenario, difficulty, &own, outcome, final_trust(turns));
            (team, card)
        })
        .collect()
}
