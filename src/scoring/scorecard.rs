//! The scorecard: six dimensions, each 0-100, built only from items that
//! name the turn, the player's words, the rule and the points. It is a pure
//! function of the scenario, the tier and the turns, so a transcript can be
//! re-scored and checked.
//!
//! A dimension with nothing to judge (no reply yet, no price talked about)
//! is not assessed: it is listed as such and its weight goes to the others.
//! A lie, a smear of a competitor or a false promise caps the overall score
//! at the pass mark.

use serde::{Deserialize, Serialize};

use super::relevance::{Relevance, said_key};
use super::rubric::{Kind, PASS_MARK, RUBRIC_VERSION, Rule};
use super::{concessions, fab, laer};
use crate::analysis::tags::{Negative, Technique};
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

    /// Share of the overall score, in percent, when every dimension is
    /// assessed (see [`Scorecard::weight`]).
    pub fn weight(self) -> f64 {
        match self {
            Dimension::Laer => 25.0,
            Dimension::Fab => 20.0,
            Dimension::Concessions => 20.0,
            Dimension::Outcome => 15.0,
            Dimension::Relationship => 10.0,
            Dimension::Ethics => 10.0,
        }
    }
}

/// One reason for points given or taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub dimension: Dimension,
    /// The player's turn (0 for the whole session).
    pub turn: u32,
    /// The player's words that earned it (empty for the whole session).
    pub quote: String,
    /// The rule applied; its text is in the locale files.
    pub rule: Rule,
    pub points: f64,
    /// The objection it belongs to, for per-objection dimensions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objection: Option<String>,
}

fn rubric_1() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// The rubric version the scorecard was given under.
    #[serde(default = "rubric_1")]
    pub rubric: u32,
    pub overall: f64,
    /// The assessed dimensions and their scores.
    pub dimensions: Vec<(Dimension, f64)>,
    /// Dimensions with nothing to judge: left out of the overall score.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_assessed: Vec<Dimension>,
    /// The cap an ethics breach put on the overall score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capped_at: Option<f64>,
    pub items: Vec<Item>,
}

impl Scorecard {
    /// A per-objection dimension's score for one objection (0-100), or
    /// None when it has no items (the objection was not judged).
    pub fn objection_score(&self, d: Dimension, objection: &str) -> Option<f64> {
        total(&self.items, d, Some(objection)).map(|p| p.clamp(0.0, 100.0))
    }

    /// The dimension's score, or 0 when it was not assessed.
    pub fn get(&self, d: Dimension) -> f64 {
        self.score(d).unwrap_or(0.0)
    }

    /// The dimension's score, or None when it was not assessed.
    pub fn score(&self, d: Dimension) -> Option<f64> {
        self.dimensions
            .iter()
            .find(|(x, _)| *x == d)
            .map(|(_, s)| *s)
    }

    /// The share of the overall score the dimension carried here, in
    /// percent: its weight, with the weight of dimensions not assessed
    /// spread over the assessed ones.
    pub fn weight(&self, d: Dimension) -> f64 {
        let assessed: f64 = self.dimensions.iter().map(|(x, _)| x.weight()).sum();
        if self.score(d).is_none() || assessed == 0.0 {
            0.0
        } else {
            d.weight() * 100.0 / assessed
        }
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

pub(super) struct Items(pub(super) Vec<Item>);

impl Items {
    pub(super) fn add(
        &mut self,
        turn: &Turn,
        quote: &str,
        rule: Rule,
        points: f64,
        objection: Option<&str>,
    ) {
        self.0.push(Item {
            dimension: rule.dimension(),
            turn: turn.number,
            quote: quote.to_string(),
            rule,
            points,
            objection: objection.map(str::to_string),
        });
    }

    pub(super) fn whole(&mut self, rule: Rule, points: f64) {
        self.0.push(Item {
            dimension: rule.dimension(),
            turn: 0,
            quote: String::new(),
            rule,
            points,
            objection: None,
        });
    }

    fn sum(&self, d: Dimension, objection: Option<&str>) -> Option<f64> {
        total(&self.0, d, objection)
    }
}

/// The sentence holding the words that earned `tag`, or the whole reply:
/// a quote a player recognises, not a lone keyword.
pub(super) fn quote<'a>(turn: &'a Turn, tag: &str) -> &'a str {
    let text = turn.text.as_str();
    let Some(e) = turn.analysis.evidence.iter().find(|e| {
        e.tag == tag
            && e.start <= e.end
            && text.is_char_boundary(e.start)
            && text.is_char_boundary(e.end)
    }) else {
        return text;
    };
    sentence_around(text, e.start, e.end)
}

/// The sentence around bytes `start..end` of `text`.
pub(super) fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    // a decimal point ("81.7万") ends no sentence
    let ends_at = |i: usize, c: char| match c {
        '.' => {
            !(text[..i].ends_with(|p: char| p.is_ascii_digit())
                && text[i + 1..].starts_with(|n: char| n.is_ascii_digit()))
        }
        '!' | '?' | ';' | '\n' | '。' | '！' | '？' | '；' => true,
        _ => false,
    };
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_at(i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..]
        .char_indices()
        .find(|&(i, c)| ends_at(end + i, c))
        .map_or(text.len(), |(i, c)| end + i + c.len_utf8());
    text[from..to].trim()
}

/// What the scorer knows about one reply before any rule is applied.
pub(super) struct Reading<'t> {
    pub turn: &'t Turn,
    /// Given by the player (or team) being scored.
    pub mine: bool,
    /// The analyzer found rubric words instead of moves.
    pub stuffed: bool,
    /// The words of another customer's case it names, when it is about
    /// that case rather than this one.
    pub off_topic: Option<Vec<String>>,
    /// The same reply as an earlier one, word for word.
    pub repeated: bool,
    /// Hidden facts the customer revealed in answer.
    pub revealed: Vec<&'t str>,
    /// Everything the customer had said before this reply, lowercase.
    pub heard: String,
}

impl Reading<'_> {
    /// Earns moves: the player's own, neither stuffed nor off-topic.
    pub fn valid(&self) -> bool {
        self.mine && !self.stuffed && self.off_topic.is_none() && !self.repeated
    }

    pub fn number(&self) -> u32 {
        self.turn.number
    }

    pub fn has_negative(&self, n: Negative) -> bool {
        self.turn.analysis.negatives.contains(&n)
    }
}

/// Everything the rules read: the scenario, the replies and the session's
/// course of events.
pub(super) struct Session<'a> {
    pub scenario: &'a Scenario,
    pub difficulty: Difficulty,
    pub readings: Vec<Reading<'a>>,
    pub outcome: Option<&'a Outcome>,
    /// The customer's trust at the end.
    pub trust: f64,
}

impl<'a> Session<'a> {
    fn new(
        scenario: &'a Scenario,
        difficulty: Difficulty,
        opening: &[String],
        turns: &'a [Turn],
        mine: impl Fn(&Turn) -> bool,
        outcome: Option<&'a Outcome>,
    ) -> Session<'a> {
        let relevance = Relevance::new(scenario);
        let mut heard = opening.join("\n").to_lowercase();
        if heard.is_empty() {
            // transcripts keep the opening; a bare list of turns does not
            if let Some(o) = scenario.opening() {
                heard = o.lines.join("\n").to_lowercase();
            }
        }
        let mut said: Vec<u64> = Vec::new();
        let mut readings = Vec::with_capacity(turns.len());
        for t in turns {
            let normal = said_key(&t.text);
            let mine = mine(t);
            let repeated = mine && normal.is_some_and(|k| said.contains(&k));
            if mine {
                said.extend(normal);
            }
            readings.push(Reading {
                turn: t,
                mine,
                stuffed: t.analysis.negatives.contains(&Negative::KeywordStuffing),
                off_topic: relevance.off_topic(&t.text, 0),
                repeated,
                revealed: t
                    .events
                    .iter()
                    .filter_map(|e| match e {
                        Event::Revealed { fact } => Some(fact.as_str()),
                        _ => None,
                    })
                    .collect(),
                heard: heard.clone(),
            });
            for line in &t.persona {
                heard.push('\n');
                heard.push_str(&line.to_lowercase());
            }
        }
        Session {
            scenario,
            difficulty,
            readings,
            outcome,
            trust: turns.last().map_or(0.0, |t| t.meters.trust),
        }
    }

    /// The player's replies.
    pub fn mine(&self) -> impl Iterator<Item = &Reading<'a>> {
        self.readings.iter().filter(|r| r.mine)
    }

    /// Every event of the session, with the reply it followed.
    pub fn events(&self) -> impl Iterator<Item = (&Reading<'a>, &'a Event)> {
        self.readings
            .iter()
            .flat_map(|r| r.turn.events.iter().map(move |e| (r, e)))
    }

    /// The number of the last reply (0 before any).
    pub fn last_turn(&self) -> u32 {
        self.readings.last().map_or(0, Reading::number)
    }
}

/// Scores a finished (or stopped) session.
pub fn score(
    scenario: &Scenario,
    difficulty: Difficulty,
    turns: &[Turn],
    outcome: Option<&Outcome>,
) -> Scorecard {
    let s = Session::new(scenario, difficulty, &[], turns, |_| true, outcome);
    score_session(&s)
}

fn score_session(s: &Session) -> Scorecard {
    let mut items = Items(Vec::new());
    let judged = laer::items(&mut items, s);
    let any_reply = s.mine().next().is_some();
    let mut assessed: Vec<Dimension> = vec![Dimension::Outcome];
    if any_reply {
        fab::items(&mut items, s);
        assessed.extend([Dimension::Fab, Dimension::Relationship, Dimension::Ethics]);
        relationship_items(&mut items, s);
        ethics_items(&mut items, s);
        if concessions::items(&mut items, s, &judged) {
            assessed.push(Dimension::Concessions);
        }
    }
    if !judged.is_empty() {
        assessed.push(Dimension::Laer);
    }
    outcome_items(&mut items, s);

    let dimensions: Vec<(Dimension, f64)> = Dimension::ALL
        .iter()
        .filter(|d| assessed.contains(d))
        .map(|&d| {
            let score = match d {
                // the mean over the concerns judged
                Dimension::Laer => {
                    judged
                        .iter()
                        .map(|id| items.sum(d, Some(id)).unwrap_or(0.0).clamp(0.0, 100.0))
                        .sum::<f64>()
                        / judged.len() as f64
                }
                _ => items.sum(d, None).unwrap_or(0.0),
            };
            (d, round1(score.clamp(0.0, 100.0)))
        })
        .collect();
    let not_assessed = Dimension::ALL
        .iter()
        .copied()
        .filter(|d| !assessed.contains(d))
        .collect();
    let weights: f64 = dimensions.iter().map(|(d, _)| d.weight()).sum();
    let weighted = dimensions.iter().map(|(d, v)| v * d.weight()).sum::<f64>() / weights;
    let capped_at = items
        .0
        .iter()
        .any(|i| i.rule.kind() == Kind::Cap)
        .then_some(PASS_MARK);
    let overall = round1(capped_at.map_or(weighted, |cap| weighted.min(cap)));
    Scorecard {
        rubric: RUBRIC_VERSION,
        overall,
        dimensions,
        not_assessed,
        capped_at,
        items: items.0,
    }
}

pub(super) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn outcome_items(items: &mut Items, s: &Session) {
    let floor = s.scenario.product.floor;
    let walk_away = s.scenario.params(s.difficulty).walk_away;
    let at = |turn: u32| s.readings.iter().find(|r| r.number() == turn && r.mine);
    match s.outcome {
        Some(Outcome::Deal { price, turn }) => {
            let (points, rule) = if *price < floor {
                (0.0, Rule::OutcomeBelowFloor)
            } else {
                let share = ((price - floor) / (walk_away - floor).max(1.0)).clamp(0.0, 1.0);
                (40.0 + 60.0 * share, Rule::OutcomeDeal)
            };
            match at(*turn) {
                Some(r) => items.add(r.turn, &r.turn.text, rule, round1(points), None),
                None => items.whole(rule, round1(points)),
            }
        }
        Some(Outcome::WalkAway { .. }) => items.whole(Rule::OutcomeWalkAway, 0.0),
        _ => items.whole(Rule::OutcomeNoDeal, 0.0),
    }
}

fn relationship_items(items: &mut Items, s: &Session) {
    items.whole(Rule::RelationshipTrust, round1(s.trust * 100.0));
    // talking about another customer's business tells this one they are
    // not being listened to
    for r in s.mine().filter(|r| r.off_topic.is_some() && !r.stuffed) {
        items.add(
            r.turn,
            &r.turn.text,
            Rule::RelationshipOffTopic,
            -10.0,
            None,
        );
    }
    if matches!(s.outcome, Some(Outcome::Deal { .. }))
        && let Some(r) = s.mine().find(|r| r.has_negative(Negative::Pressure))
    {
        items.add(
            r.turn,
            quote(r.turn, "pressure"),
            Rule::RelationshipPressureDeal,
            -15.0,
            None,
        );
    }
}

/// Words that name the customer's alternative in this scenario: terms of
/// its objections that its BATNA names ("Vendor B", "乙厂").
fn competitor_terms(scenario: &Scenario) -> Vec<String> {
    let batna = scenario.persona.batna.to_lowercase();
    let zh = scenario.language.starts_with("zh");
    let mut terms: Vec<String> = scenario
        .objections
        .iter()
        .flat_map(|o| &o.terms)
        .map(|t| t.to_lowercase())
        .filter(|t| t.chars().any(char::is_alphabetic) || t.chars().any(crate::analysis::is_han))
        .filter(|t| t.chars().count() >= if zh { 2 } else { 4 })
        .filter(|t| super::relevance::has_term(&batna, t))
        .collect();
    terms.sort();
    terms.dedup();
    terms
}

fn ethics_items(items: &mut Items, s: &Session) {
    items.whole(Rule::EthicsStart, 100.0);
    let rivals = competitor_terms(s.scenario);
    let mut breach = None;
    for r in s.mine() {
        let a = &r.turn.analysis;
        let lower = r.turn.text.to_lowercase();
        let names_rival = a.techniques.contains(&Technique::CompetitorComparison)
            || rivals.iter().any(|t| super::relevance::has_term(&lower, t));
        let mut smeared = false;
        for n in &a.negatives {
            let (rule, points) = match n {
                Negative::Exaggeration | Negative::Arguing if names_rival => {
                    if smeared {
                        continue;
                    }
                    smeared = true;
                    (Rule::EthicsSmear, -25.0)
                }
                Negative::Exaggeration => (Rule::EthicsExaggeration, -25.0),
                Negative::Pressure => (Rule::EthicsPressure, -15.0),
                Negative::Arguing => (Rule::EthicsArguing, -10.0),
                Negative::RevealBottomLine | Negative::KeywordStuffing => continue,
            };
            items.add(r.turn, quote(r.turn, n.name()), rule, points, None);
            if matches!(rule, Rule::EthicsSmear | Rule::EthicsExaggeration) && breach.is_none() {
                breach = Some((r.turn, n.name()));
            }
        }
    }
    if let Some((t, tag)) = breach {
        items.add(t, quote(t, tag), Rule::EthicsCap, 0.0, None);
    }
}

/// One scorecard per team, from the turns each team gave (the course of
/// the talk, the outcome and the customer's final trust are shared by all
/// teams).
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
            let s = Session::new(
                scenario,
                difficulty,
                &[],
                turns,
                |t| t.team.as_deref() == Some(team.as_str()),
                outcome,
            );
            let card = score_session(&s);
            (team, card)
        })
        .collect()
}
