//! Picking what the customer says: a variant from a list, never one it has
//! already said in this session while an unused one is left, with its
//! placeholders filled. Seeded through the persona's generator, so a replay
//! says the same lines.

use std::collections::HashSet;

use rand::Rng;
use rand::rngs::StdRng;

use crate::fingerprint::fnv1a;
use crate::i18n::{Locale, money};
use crate::lang::Lang;

/// Values for `{name}` placeholders; `None` means this reply has nothing
/// to put there, so lines that need it are passed over.
pub(super) type Fills<'a> = &'a [(&'a str, Option<&'a str>)];

/// The lines said so far, by content.
#[derive(Debug, Default)]
pub(super) struct Said {
    used: HashSet<u64>,
    /// The line said last, not said again at once when a round restarts.
    last: Option<u64>,
}

impl Said {
    /// A line from `lines` that can be filled: an unused one when there is
    /// one (preferring lines that use a `prefer`red placeholder, which
    /// refer to what the player did), else any but the last said. `None`
    /// when no line can be filled.
    pub fn pick(
        &mut self,
        rng: &mut StdRng,
        lines: &[String],
        fills: Fills,
        prefer: &[&str],
    ) -> Option<String> {
        let fillable: Vec<&String> = lines.iter().filter(|l| can_fill(l, fills)).collect();
        if fillable.is_empty() {
            return None;
        }
        let key = |l: &str| fnv1a(l.bytes());
        let unused: Vec<&String> = fillable
            .iter()
            .copied()
            .filter(|l| !self.used.contains(&key(l)))
            .collect();
        let pool = if unused.is_empty() {
            // every variant said: start the round again
            for l in &fillable {
                self.used.remove(&key(l));
            }
            let fresh: Vec<&String> = fillable
                .iter()
                .copied()
                .filter(|l| Some(key(l)) != self.last)
                .collect();
            if fresh.is_empty() { fillable } else { fresh }
        } else {
            unused
        };
        let grounded: Vec<&String> = pool
            .iter()
            .copied()
            .filter(|l| prefer.iter().any(|p| l.contains(&format!("{{{p}}}"))))
            .collect();
        let pool = if grounded.is_empty() { pool } else { grounded };
        let line = pool[rng.random_range(0..pool.len())];
        self.used.insert(key(line));
        self.last = Some(key(line));
        Some(fill(line, fills))
    }
}

fn can_fill(line: &str, fills: Fills) -> bool {
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !fills.iter().any(|(n, v)| *n == name && v.is_some()) {
            return false;
        }
        rest = &after[close + 1..];
    }
    true
}

fn fill(line: &str, fills: Fills) -> String {
    let mut out = line.to_string();
    for (name, value) in fills {
        if let Some(v) = value {
            out = out.replace(&format!("{{{name}}}"), v);
        }
    }
    out
}

/// Built-in lines for a voice or reaction kind the scenario left out, in
/// the scenario's language (`persona.<kind>` in the locale, variants
/// separated by " | ").
pub(super) fn builtin(lang: Lang, kind: &str) -> Vec<String> {
    let key = format!("persona.{kind}");
    let locale = Locale::builtin(lang);
    let text = locale.text(&key);
    if text == key {
        return Vec::new();
    }
    text.split(" | ").map(str::to_string).collect()
}

/// An amount as the customer says it: Chinese speakers say round sums in
/// 万 ("3.7万", "72万"); everything else as money.
pub(super) fn spoken(amount: f64, currency: &str, lang: Lang) -> String {
    let whole = amount.round();
    if lang == Lang::ZhCn && whole >= 10_000.0 && (whole % 100.0).abs() < 0.5 {
        let wan = whole / 10_000.0;
        let mut text = format!("{wan:.2}");
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
        return format!("{text}万");
    }
    money(amount, currency)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn no_line_repeats_while_an_unused_one_is_left() {
        let lines: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        let mut said = Said::default();
        let mut rng = StdRng::seed_from_u64(3);
        let mut first: Vec<String> = (0..4)
            .map(|_| said.pick(&mut rng, &lines, &[], &[]).unwrap())
            .collect();
        first.sort();
        assert_eq!(first, lines);
        // a fifth pick starts a new round
        assert!(said.pick(&mut rng, &lines, &[], &[]).is_some());
    }

    #[test]
    fn lines_that_need_a_missing_value_are_passed_over() {
        let lines: Vec<String> = ["{feature}, you said.", "Go on."].map(String::from).to_vec();
        let mut said = Said::default();
        let mut rng = StdRng::seed_from_u64(1);
        let none = [("feature", None)];
        assert_eq!(said.pick(&mut rng, &lines, &none, &[]).unwrap(), "Go on.");
        let some = [("feature", Some("the sensors"))];
        let mut said = Said::default();
        assert_eq!(
            said.pick(&mut rng, &lines, &some, &["feature"]).unwrap(),
            "the sensors, you said."
        );
    }

    #[test]
    fn round_sums_in_chinese_are_said_in_wan() {
        assert_eq!(spoken(37_000.0, "CNY", Lang::ZhCn), "3.7万");
        assert_eq!(spoken(720_000.0, "CNY", Lang::ZhCn), "72万");
        assert_eq!(spoken(16_500.0, "CNY", Lang::ZhCn), "1.65万");
        assert_eq!(spoken(8_000.0, "CNY", Lang::ZhCn), "¥8,000");
        assert_eq!(spoken(37_000.0, "USD", Lang::En), "$37,000");
    }
}
