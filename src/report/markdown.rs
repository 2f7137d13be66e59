//! The Markdown report, for handing in.

use std::fmt::Write;

use super::{Report, entity};

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
    let l = r.locale;
    let t = r.t;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}: {}\n",
        l.text("report.title"),
        escape(&r.scenario.title)
    );
    let who = t
        .student
        .as_deref()
        .map(escape)
        .unwrap_or_else(|| "-".into());
    let _ = writeln!(out, "{}\n", r.meta(&who));
    let _ = writeln!(out, "**{}**\n", escape(&r.outcome()));

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
        t.scorecard.overall
    );
    for (d, v) in &t.scorecard.dimensions {
        let _ = writeln!(
            out,
            "| {} | {v:.0} |",
            l.text(&format!("dimension.{}", d.name()))
        );
    }
    for d in &t.scorecard.not_assessed {
        let _ = writeln!(
            out,
            "| {} | {} |",
            l.text(&format!("dimension.{}", d.name())),
            escape(l.text("debrief.not_assessed"))
        );
    }
    out.push('\n');
    if let Some(cap) = t.scorecard.capped_at {
        let _ = writeln!(
            out,
            "{}\n",
            escape(&l.fill("debrief.capped", &[("cap", &format!("{cap:.0}"))]))
        );
    }
    let _ = writeln!(
        out,
        "{}",
        escape(&l.fill(
            "debrief.rubric",
            &[("version", &t.scorecard.rubric.to_string())]
        ))
    );
    if !r.teams.is_empty() {
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

    for (key, points) in r.debrief.sections() {
        if points.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## {}\n", l.text(key));
        for p in points {
            let _ = writeln!(out, "- {}", escape(&p.text));
            if !p.quote.is_empty() {
                let _ = writeln!(
                    out,
                    "  - {}",
                    l.fill("debrief.you_said", &[("quote", &escape(&p.quote))])
                );
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

    let _ = writeln!(out, "\n## {}\n", l.text("ui.transcript"));
    let name = escape(&r.scenario.persona.name);
    for line in &t.opening {
        let _ = writeln!(out, "> **{name}:** {}\n", escape(line));
    }
    for turn in &t.turns {
        let _ = writeln!(
            out,
            "**{}. {}:** {}\n",
            turn.number,
            escape(&r.speaker(turn)),
            escape(&turn.text)
        );
        let tags: Vec<String> = r.tags(turn).into_iter().map(|(_, w)| w).collect();
        if !tags.is_empty() {
            let chips: Vec<String> = tags
                .iter()
                .map(|w| format!("`{}`", w.replace('`', "'")))
                .collect();
            let _ = writeln!(out, "{}\n", chips.join(" "));
        }
        for line in &turn.persona {
            let _ = writeln!(out, "> **{name}:** {}\n", escape(line));
        }
    }
    out
}
