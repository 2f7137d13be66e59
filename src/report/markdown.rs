//! The Markdown report, for handing in.

use std::fmt::Write;

use super::{Report, Writer, compose, entity};
use crate::record::Turn;
use crate::scoring::debrief::Point;

/// Makes text literal in Markdown: HTML is escaped (many renderers pass it
/// through) and Markdown punctuation is backslashed; line breaks become
/// spaces so a reply cannot start a heading or a list.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(e) = entity(c, false) {
            out.push_str(e);
            continue;
        }
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '!'
            | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

pub fn render(r: &Report) -> String {
    compose(r, Markdown::default())
}

#[derive(Default)]
struct Markdown {
    out: String,
}

impl Markdown {
    /// A line the customer said, as a quote.
    fn customer(&mut self, r: &Report, line: &str) {
        let name = escape(&r.scenario.persona.name);
        let _ = writeln!(self.out, "> **{name}:** {}\n", escape(line));
    }
}

impl Writer for Markdown {
    fn head(&mut self, r: &Report) {
        let l = r.locale;
        let out = &mut self.out;
        let _ = writeln!(
            out,
            "# {}: {}\n",
            l.text("report.title"),
            escape(&r.scenario.title)
        );
        let who =
            r.t.student
                .as_deref()
                .map(escape)
                .unwrap_or_else(|| "-".into());
        let _ = writeln!(out, "{}\n", r.meta(&who));
        let _ = writeln!(out, "**{}**\n", escape(&r.outcome()));
    }

    fn scores(&mut self, r: &Report) {
        let l = r.locale;
        let card = &r.t.scorecard;
        let out = &mut self.out;
        let _ = writeln!(out, "## {}\n", l.text("report.scores"));
        let _ = writeln!(
            out,
            "| {} | {} |\n|---|---:|",
            l.text("report.dimension"),
            l.text("report.score")
        );
        let _ = writeln!(
            out,
            "| **{}** | **{:.0}** |",
            l.text("ui.overall"),
            card.overall
        );
        for (d, v) in &card.dimensions {
            let _ = writeln!(
                out,
                "| {} | {v:.0} |",
                l.text(&format!("dimension.{}", d.name()))
            );
        }
        for d in &card.not_assessed {
            let _ = writeln!(
                out,
                "| {} | {} |",
                l.text(&format!("dimension.{}", d.name())),
                escape(l.text("debrief.not_assessed"))
            );
        }
        out.push('\n');
        if let Some(cap) = card.capped_at {
            let capped = l.fill("debrief.capped", &[("cap", &format!("{cap:.0}"))]);
            let _ = writeln!(out, "{}\n", escape(&capped));
        }
        let rubric = l.fill("debrief.rubric", &[("version", &card.rubric.to_string())]);
        let _ = writeln!(out, "{}", escape(&rubric));
    }

    fn teams(&mut self, r: &Report) {
        let l = r.locale;
        let out = &mut self.out;
        let _ = writeln!(out, "\n### {}\n", l.text("ui.team_scores"));
        let _ = writeln!(
            out,
            "| {} | {} |\n|---|---:|",
            l.text("report.team"),
            l.text("ui.overall")
        );
        for (team, card) in &r.teams {
            let _ = writeln!(out, "| {} | {:.0} |", escape(team), card.overall);
        }
    }

    fn debrief(&mut self, r: &Report, key: &str, points: &[Point]) {
        let l = r.locale;
        let out = &mut self.out;
        let _ = writeln!(out, "\n## {}\n", l.text(key));
        for p in points {
            let _ = writeln!(out, "- {}", escape(&p.text));
            if !p.quote.is_empty() {
                let said = l.fill("debrief.you_said", &[("quote", &escape(&p.quote))]);
                let _ = writeln!(out, "  - {said}");
            }
            if let Some(b) = &p.better {
                let _ = writeln!(
                    out,
                    "  - {}",
                    l.fill("debrief.try", &[("answer", &escape(b))])
                );
            }
        }
    }

    fn transcript(&mut self, r: &Report) {
        let _ = writeln!(self.out, "\n## {}\n", r.locale.text("ui.transcript"));
    }

    fn opening(&mut self, r: &Report, line: &str) {
        self.customer(r, line);
    }

    fn turn(&mut self, r: &Report, turn: &Turn) {
        let _ = writeln!(
            self.out,
            "**{}. {}:** {}\n",
            turn.number,
            escape(&r.speaker(turn)),
            escape(&turn.text)
        );
        // tags as code spans, which a backtick would end
        let chips: Vec<String> = r
            .tags(turn)
            .into_iter()
            .map(|(_, w)| format!("`{}`", w.replace('`', "'")))
            .collect();
        if !chips.is_empty() {
            let _ = writeln!(self.out, "{}\n", chips.join(" "));
        }
        for line in &turn.persona {
            self.customer(r, line);
        }
    }

    fn finish(self) -> String {
        self.out
    }
}
