//! Interface and feedback text in English and Simplified Chinese, read from
//! `assets/i18n/<lang>.ron` (built into the binary). Texts may hold
//! `{name}` placeholders that `fill` replaces.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::lang::Lang;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locale {
    pub language: String,
    pub texts: BTreeMap<String, String>,
}

impl Locale {
    pub fn parse(src: &str) -> Result<Locale, String> {
        ron::from_str(src.strip_prefix('\u{feff}').unwrap_or(src))
            .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))
    }

    /// The shipped locale for `lang`, parsed once per process.
    pub fn builtin(lang: Lang) -> &'static Locale {
        static EN: OnceLock<Locale> = OnceLock::new();
        static ZH: OnceLock<Locale> = OnceLock::new();
        let (cell, src) = match lang {
            Lang::ZhCn => (&ZH, include_str!("../assets/i18n/zh-CN.ron")),
            Lang::En => (&EN, include_str!("../assets/i18n/en.ron")),
        };
        cell.get_or_init(|| {
            Locale::parse(src).expect("shipped locale files parse (checked by tests)")
        })
    }

    /// The text for `key`, or the key itself so a gap is visible, not blank.
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.texts.get(key).map_or(key, String::as_str)
    }

    /// The text for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut out = self.text(key).to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// A count with its noun, singular or plural: `key.one` for 1, else
    /// `key.other`, with `{n}` filled ("1 turn", "3 turns"; "3 轮").
    pub fn count(&self, key: &str, n: usize) -> String {
        let form = if n == 1 { "one" } else { "other" };
        self.fill(&format!("{key}.{form}"), &[("n", &n.to_string())])
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.texts.keys()
    }
}

/// A money amount as people in this language write it: "USD 41,500",
/// "¥295,000" (whole units; cents never matter in these negotiations).
pub fn money(amount: f64, currency: &str) -> String {
    let whole = amount.round() as i64;
    let digits = whole.abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if whole < 0 { "-" } else { "" };
    match currency {
        "CNY" => format!("{sign}¥{grouped}"),
        "USD" => format!("{sign}${grouped}"),
        other => format!("{sign}{other} {grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(41500.0, "USD"), "$41,500");
        assert_eq!(money(295000.4, "CNY"), "¥295,000");
        assert_eq!(money(999.0, "EUR"), "EUR 999");
    }

    #[test]
    fn counts_are_singular_for_one() {
        let en = Locale::builtin(Lang::En);
        assert_eq!(en.count("count.turns", 1), "1 turn");
        assert_eq!(en.count("count.turns", 2), "2 turns");
        assert_eq!(Locale::builtin(Lang::ZhCn).count("count.turns", 1), "1 轮");
    }

    #[test]
    fn fill_replaces_placeholders() {
        let l = Locale::builtin(Lang::En);
        assert!(
            !l.fill("outcome.deal", &[("price", "$1")])
                .contains("{price}")
        );
    }
}
