//! `counteroffer rubric [--lang]`: every rule the scorecard applies, with
//! its points, and every dimension with its weight, in either language.

use std::io::Write;
use std::process::ExitCode;

use crate::i18n::Locale;
use crate::lang::Lang;
use crate::scoring::rubric::{Kind, Points, RUBRIC_VERSION, Rule};
use crate::scoring::scorecard::Dimension;

fn number(x: f64) -> String {
    if x > 0.0 {
        format!("+{x:.0}")
    } else {
        format!("{x:.0}")
    }
}

/// The rule's points as the rubric shows them.
pub fn points_text(rule: Rule, locale: &Locale) -> String {
    match rule.points() {
        Points::Once(p) => locale.fill("rubric.points.once", &[("points", &number(p))]),
        Points::Each(p) => locale.fill("rubric.points.each", &[("points", &number(p))]),
        Points::Range(low, high) => locale.fill(
            "rubric.points.range",
            &[
                ("low", &format!("{low:.0}")),
                ("high", &format!("{high:.0}")),
            ],
        ),
        Points::CapAt(cap) => locale.fill("rubric.points.cap", &[("cap", &format!("{cap:.0}"))]),
    }
}

/// The whole rubric as plain text.
pub fn render(lang: Lang) -> String {
    let l = Locale::builtin(lang);
    let mut out = String::new();
    let version = RUBRIC_VERSION.to_string();
    out.push_str(&l.fill("rubric.title", &[("version", &version)]));
    out.push_str("\n\n");
    out.push_str(l.text("rubric.weights"));
    out.push('\n');
    for d in Dimension::ALL {
        out.push_str(&format!(
            "  {:<24} {:>3.0}%\n",
            l.text(&format!("dimension.{}", d.name())),
            d.weight()
        ));
    }
    out.push('\n');
    for key in [
        "rubric.not_assessed",
        "rubric.laer_note",
        "rubric.fab_note",
        "rubric.concessions_note",
    ] {
        out.push_str(l.text(key));
        out.push('\n');
    }
    let cap = Rule::EthicsCap.stated(l);
    out.push_str(&l.fill("rubric.cap", &[("rule", &cap)]));
    out.push('\n');
    out.push_str(l.text("rubric.model_answers"));
    out.push('\n');
    for d in Dimension::ALL {
        out.push_str(&format!(
            "\n{} ({:.0}%)\n",
            l.text(&format!("dimension.{}", d.name())),
            d.weight()
        ));
        for rule in Rule::current().filter(|r| r.dimension() == d) {
            let text = rule.stated(l);
            let points = match rule.kind() {
                Kind::Missing => "0".to_string(),
                _ => points_text(rule, l),
            };
            out.push_str(&format!("  {:<28} {:>16}  {text}\n", rule.id(), points));
        }
    }
    out
}

pub fn run(lang: Lang, out: &mut impl Write) -> ExitCode {
    match write!(out, "{}", render(lang)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}
