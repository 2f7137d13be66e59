//! The HTML report: one self-contained file (inline CSS and SVG, no
//! requests), printable on A4.

use std::fmt::Write;

use super::{Report, Writer, compose, entity};
use crate::record::Turn;
use crate::scoring::chart::{price_points, price_span};
use crate::scoring::debrief::Point;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match entity(c, true) {
            Some(e) => out.push_str(e),
            None => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", Arial, sans-serif;
       color: #1a1f26; margin: 0 auto; max-width: 182mm; padding: 8mm 0; line-height: 1.45; font-size: 10.5pt; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #c9d1da; padding-bottom: 1mm; page-break-after: avoid; }
.meta { color: #4a5563; margin: 0 0 2mm; }
.outcome { font-weight: bold; font-size: 12pt; }
.grid { display: flex; gap: 6mm; align-items: flex-start; }
.grid > div { flex: 1; }
.overall { font-size: 30pt; font-weight: bold; color: #145a96; line-height: 1; }
svg text { font-family: inherit; }
ul { margin: 1mm 0; padding-left: 6mm; }
li { margin: 1mm 0; }
.quote { color: #4a5563; }
.better { color: #1d6b3a; }
.turn { margin: 2mm 0; page-break-inside: avoid; }
.you { font-weight: bold; }
.customer { color: #4a5563; margin-left: 4mm; }
.tag { display: inline-block; border-radius: 3px; padding: 0 1.5mm; margin: 0.5mm 1mm 0.5mm 0; font-size: 8.5pt; color: #fff; }
.laer { background: #174a7f; } .fab { background: #11542f; } .technique { background: #502e80; } .negative { background: #8b1e1e; }
table { border-collapse: collapse; }
td, th { padding: 0.6mm 3mm 0.6mm 0; text-align: left; }
"#;

pub fn render(r: &Report) -> String {
    compose(r, Html::default())
}

#[derive(Default)]
struct Html {
    out: String,
}

impl Html {
    /// A line the customer said.
    fn customer(&mut self, r: &Report, line: &str) {
        let name = escape(&r.scenario.persona.name);
        let _ = write!(
            self.out,
            "<div class=\"customer\"><b>{name}:</b> {}</div>",
            escape(line)
        );
    }

    /// A note under the scores.
    fn note(&mut self, text: &str) {
        let _ = writeln!(self.out, "<p class=\"meta\">{}</p>", escape(text));
    }
}

impl Writer for Html {
    fn head(&mut self, r: &Report) {
        let l = r.locale;
        let out = &mut self.out;
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>\n",
            escape(&r.scenario.language),
            escape(&format!("{}: {}", l.text("report.title"), r.scenario.title))
        );
        let _ = writeln!(out, "<h1>{}</h1>", escape(&r.scenario.title));
        let who = r.t.student.as_deref().unwrap_or("-");
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&r.meta(who)));
        let _ = writeln!(out, "<p class=\"outcome\">{}</p>", escape(&r.outcome()));
    }

    /// The scores as bars beside the price chart.
    fn scores(&mut self, r: &Report) {
        let l = r.locale;
        let card = &r.t.scorecard;
        let _ = writeln!(
            self.out,
            "<h2>{}</h2><div class=\"grid\"><div>",
            escape(l.text("report.scores"))
        );
        let _ = writeln!(
            self.out,
            "<div><span class=\"overall\">{:.0}</span> {}</div>",
            card.overall,
            escape(l.text("ui.overall"))
        );
        self.out.push_str(&score_bars(r));
        for d in &card.not_assessed {
            self.note(&format!(
                "{}: {}",
                l.text(&format!("dimension.{}", d.name())),
                l.text("debrief.not_assessed")
            ));
        }
        if let Some(cap) = card.capped_at {
            self.note(&l.fill("debrief.capped", &[("cap", &format!("{cap:.0}"))]));
        }
        self.note(&l.fill("debrief.rubric", &[("version", &card.rubric.to_string())]));
        self.out.push_str("</div><div>");
        self.out.push_str(&ladder_chart(r));
        self.out.push_str("</div></div>\n");
    }

    fn teams(&mut self, r: &Report) {
        let out = &mut self.out;
        let _ = writeln!(
            out,
            "<h2>{}</h2><table>",
            escape(r.locale.text("ui.team_scores"))
        );
        for (team, card) in &r.teams {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td><b>{:.0}</b></td></tr>",
                escape(team),
                card.overall
            );
        }
        out.push_str("</table>\n");
    }

    fn debrief(&mut self, r: &Report, key: &str, points: &[Point]) {
        let l = r.locale;
        let out = &mut self.out;
        let _ = writeln!(out, "<h2>{}</h2><ul>", escape(l.text(key)));
        for p in points {
            let _ = write!(out, "<li>{}", escape(&p.text));
            if !p.quote.is_empty() {
                let said = l.fill("debrief.you_said", &[("quote", &p.quote)]);
                let _ = write!(out, "<br><span class=\"quote\">{}</span>", escape(&said));
            }
            if let Some(b) = &p.better {
                let better = l.fill("debrief.try", &[("answer", b)]);
                let _ = write!(out, "<br><span class=\"better\">{}</span>", escape(&better));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }

    fn transcript(&mut self, r: &Report) {
        let _ = writeln!(
            self.out,
            "<h2>{}</h2>",
            escape(r.locale.text("ui.transcript"))
        );
    }

    fn opening(&mut self, r: &Report, line: &str) {
        self.customer(r, line);
        self.out.push('\n');
    }

    fn turn(&mut self, r: &Report, turn: &Turn) {
        let _ = write!(
            self.out,
            "<div class=\"turn\"><div class=\"you\">{}. {}: <span style=\"font-weight:normal\">{}</span></div><div>",
            turn.number,
            escape(&r.speaker(turn)),
            escape(&turn.text)
        );
        for (kind, word) in r.tags(turn) {
            let _ = write!(
                self.out,
                "<span class=\"tag {kind}\">{}</span>",
                escape(&word)
            );
        }
        self.out.push_str("</div>");
        for line in &turn.persona {
            self.customer(r, line);
        }
        self.out.push_str("</div>\n");
    }

    fn finish(mut self) -> String {
        self.out.push_str("</body></html>\n");
        self.out
    }
}

/// One horizontal bar per dimension, 0-100.
fn score_bars(r: &Report) -> String {
    let l = r.locale;
    let dims = &r.t.scorecard.dimensions;
    let row = 22.0;
    let height = row * dims.len() as f64 + 4.0;
    let mut svg = format!(
        "<svg viewBox=\"0 0 320 {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\">",
        escape(l.text("report.scores"))
    );
    for (i, (d, v)) in dims.iter().enumerate() {
        let y = i as f64 * row + 4.0;
        let colour = if *v >= 60.0 {
            "#2e9a5c"
        } else if *v >= 30.0 {
            "#d08b14"
        } else {
            "#c43c3c"
        };
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"11\">{}</text><rect x=\"120\" y=\"{y}\" width=\"160\" height=\"12\" rx=\"3\" fill=\"#e4e9ef\"/><rect x=\"120\" y=\"{y}\" width=\"{:.1}\" height=\"12\" rx=\"3\" fill=\"{colour}\"/><text x=\"318\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{v:.0}</text>",
            y + 10.0,
            escape(l.text(&format!("dimension.{}", d.name()))),
            1.6 * v.clamp(0.0, 100.0),
            y + 10.0
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Prices by turn, with the list price, the customer's budget and the
/// seller's floor as lines.
fn ladder_chart(r: &Report) -> String {
    let l = r.locale;
    let product = &r.scenario.product;
    let (yours, theirs) = price_points(&r.t.turns);
    let (low, high) = price_span(&r.t.turns, r.scenario, r.budget);
    let turns = r.t.turns.len().max(1) as f64;
    let (w, h, left) = (360.0, 200.0, 8.0);
    let x = |turn: u32| left + (f64::from(turn) - 0.5) / turns * (w - left - 8.0);
    let y = |price: f64| 10.0 + (1.0 - (price - low) / (high - low)) * (h - 30.0);
    let mut svg = format!(
        "<svg viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-label=\"{}\"><text x=\"0\" y=\"8\" font-size=\"10\" fill=\"#4a5563\">{}</text>",
        escape(l.text("ui.ladder_chart")),
        escape(l.text("ui.ladder_chart"))
    );
    for (price, key, colour) in [
        (product.list_price, "ui.list_price", "#7b8794"),
        (r.budget, "ui.their_budget", "#2e9a5c"),
        (product.floor, "ui.floor", "#d08b14"),
    ] {
        let yy = y(price);
        let _ = write!(
            svg,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{yy:.1}\" y2=\"{yy:.1}\" stroke=\"{colour}\" stroke-width=\"1\"/><text x=\"{}\" y=\"{:.1}\" font-size=\"9\" fill=\"{colour}\">{}</text>",
            w - 4.0,
            left + 2.0,
            yy - 2.0,
            escape(&l.fill(key, &[("price", &r.money(price))]))
        );
    }
    for (points, colour) in [(&theirs, "#2e9a5c"), (&yours, "#145a96")] {
        let path: Vec<String> = points
            .iter()
            .map(|(t, p)| format!("{:.1},{:.1}", x(*t), y(*p)))
            .collect();
        if path.len() > 1 {
            let _ = write!(
                svg,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\"/>",
                path.join(" ")
            );
        }
        for (t, p) in points.iter() {
            let _ = write!(
                svg,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"{colour}\"/>",
                x(*t),
                y(*p)
            );
        }
    }
    let _ = write!(
        svg,
        "<text x=\"{left}\" y=\"{}\" font-size=\"9\" fill=\"#145a96\">● {}</text><text x=\"120\" y=\"{}\" font-size=\"9\" fill=\"#2e9a5c\">● {}</text><text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"#4a5563\" text-anchor=\"end\">{}</text></svg>",
        h - 4.0,
        escape(l.text("ui.your_offers")),
        h - 4.0,
        escape(l.text("ui.their_offers")),
        w - 4.0,
        h - 4.0,
        escape(l.text("ui.turns_axis"))
    );
    svg
}
