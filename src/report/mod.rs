//! Reports of one finished session, in the scenario's language: Markdown to
//! hand in, JSON for other tools (the transcript itself, versioned), and a
//! self-contained HTML page with inline CSS and SVG charts. Player text is
//! untrusted and escaped for each format.

mod html;
mod markdown;

pub use html::escape as html_escape;
pub use markdown::escape as markdown_escape;

use crate::i18n::{Locale, money};
use crate::record::Turn;
use crate::scenario::Scenario;
use crate::scoring::debrief::{Debrief, Point, debrief};
use crate::scoring::scorecard::{Scorecard, by_team};
use crate::session::describe::outcome_line;
use crate::session::transcript::Transcript;

/// The HTML entity for a character markup would read, if any; quotes only
/// matter inside attribute values.
fn entity(c: char, quotes: bool) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' if quotes => Some("&quot;"),
        '\'' if quotes => Some("&#39;"),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[value(name = "md", alias = "markdown")]
    Markdown,
    Json,
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Html => "html",
        }
    }
}

/// Everything a report shows, gathered once for every format.
pub struct Report<'a> {
    pub t: &'a Transcript,
    pub scenario: &'a Scenario,
    pub locale: &'static Locale,
    pub debrief: Debrief,
    pub teams: Vec<(String, Scorecard)>,
    pub budget: f64,
}

impl<'a> Report<'a> {
    pub fn new(t: &'a Transcript, scenario: &'a Scenario) -> Report<'a> {
        let locale = Locale::builtin(scenario.lang());
        Report {
            debrief: debrief(scenario, &t.turns, &t.scorecard, locale),
            teams: ranked(by_team(
                scenario,
                t.difficulty,
                &t.turns,
                t.outcome.as_ref(),
            )),
            budget: scenario.params(t.difficulty).budget,
            t,
            scenario,
            locale,
        }
    }

    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Markdown => markdown::render(self),
            Format::Json => self.t.to_json(),
            Format::Html => html::render(self),
        }
    }

    fn money(&self, amount: f64) -> String {
        money(amount, &self.scenario.product.currency)
    }

    fn outcome(&self) -> String {
        outcome_line(
            self.t.outcome.as_ref(),
            &self.scenario.product.currency,
            self.locale,
        )
    }

    fn speaker(&self, turn: &Turn) -> String {
        turn.team
            .clone()
            .unwrap_or_else(|| self.locale.text("ui.you").to_string())
    }

    /// The tags of a reply as (kind, word) in the report's language; the
    /// kind is `laer`, `fab`, `technique` or `negative`.
    fn tags(&self, turn: &Turn) -> Vec<(&'static str, String)> {
        let a = &turn.analysis;
        let word = |name: &str| self.locale.text(&format!("tag.{name}")).to_string();
        a.laer
            .iter()
            .map(|l| ("laer", word(l.name())))
            .chain(a.fab.iter().map(|f| ("fab", word(f.name()))))
            .chain(a.techniques.iter().map(|t| ("technique", word(t.name()))))
            .chain(
                a.negatives
                    .iter()
                    .map(|n| ("negative", format!("! {}", word(n.name())))),
            )
            .collect()
    }

    /// The line under the title: student, date, difficulty and seed; the
    /// caller escapes the student's name for its format.
    fn meta(&self, student: &str) -> String {
        let t = self.t;
        self.locale.fill(
            "report.meta",
            &[
                ("student", student),
                ("date", &date(t.finished_at)),
                (
                    "difficulty",
                    self.locale
                        .text(&format!("difficulty.{}", t.difficulty.name())),
                ),
                ("seed", &t.seed.to_string()),
            ],
        )
    }
}

/// How one format writes each part of a report. [`compose`] puts the parts
/// in order, so the formats show the same things in the same order.
trait Writer {
    /// Title, student, date and outcome.
    fn head(&mut self, r: &Report);
    /// The overall score, each dimension's, and the notes under them.
    fn scores(&mut self, r: &Report);
    /// Each team's overall score (classroom sessions only).
    fn teams(&mut self, r: &Report);
    /// One part of the debrief, under the heading with locale key `key`.
    fn debrief(&mut self, r: &Report, key: &str, points: &[Point]);
    /// The transcript's heading.
    fn transcript(&mut self, r: &Report);
    /// A line the customer opened with.
    fn opening(&mut self, r: &Report, line: &str);
    /// A reply with its tags, and the customer's answer.
    fn turn(&mut self, r: &Report, turn: &Turn);
    /// The whole report.
    fn finish(self) -> String;
}

/// The report in `w`'s format: scores, debrief, then the transcript.
fn compose(r: &Report, mut w: impl Writer) -> String {
    w.head(r);
    w.scores(r);
    if !r.teams.is_empty() {
        w.teams(r);
    }
    for (key, points) in r.debrief.sections() {
        if !points.is_empty() {
            w.debrief(r, key, points);
        }
    }
    w.transcript(r);
    for line in &r.t.opening {
        w.opening(r, line);
    }
    for turn in &r.t.turns {
        w.turn(r, turn);
    }
    w.finish()
}

/// "2026-11-26" for seconds since the Unix epoch (UTC).
pub fn date(secs: u64) -> String {
    // days to civil date, after Howard Hinnant's algorithm
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Teams best first by their own overall (ties keep their playing order).
fn ranked(mut teams: Vec<(String, Scorecard)>) -> Vec<(String, Scorecard)> {
    teams.sort_by(|a, b| b.1.overall.total_cmp(&a.1.overall));
    teams
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_epoch_seconds() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(1_795_717_282), "2026-11-26");
        assert_eq!(date(951_782_400), "2000-02-29");
    }
}
