//! Picking what the customer says: a variant from a list, never one it has
//! already said in this session while an unused one is left, with its
//! placeholders filled. Seeded through the persona's generator, so a replay
//! says the same lines.

use rand::Rng;
use rand::rngs::StdRng;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::i18n::{Locale, money};
use crate::lang::Lang;

/// Values for `{name}` placeholders; `None` means this reply has nothing
/// to put there, so lines that need it are passed over.
pub(super) type Fills<'a> = &'a [(&'a str, Option<&'a str>)];

/// The lines said so far. A line is known by where it is stored: the
/// scenario's lists live as long as the session, and built-in lines are
/// kept for the life of the program, so the key needs no hashing.
#[derive(Debug, Default)]
pub(super) struct Said {
    /// Keys of the lines said in the current round of their list (a
    /// session says a few dozen lines: a list beats a hash set here).
    used: Vec<usize>,
    /// The line said last, not said again at once when a round restarts.
    last: Option<usize>,
    /// Lines that use a word of a fact not told yet (`facts::introduced`),
    /// by key, with the word: they are passed over.
    pub withheld: Vec<(usize, String)>,
}

impl Said {
    /// Nothing said yet; the `withheld` lines wait.
    pub fn withholding(withheld: Vec<(usize, String)>) -> Said {
        Said {
            withheld,
            ..Said::default()
        }
    }

    /// The seller said `text`: a withheld word it uses is known now.
    pub fn heard(&mut self, text: &str) {
        // English names match without regard to case ("priya"), with no
        // lowered copy of the reply
        let said = |(_, w): &(usize, String)| {
            if w.is_ascii() {
                let w = w.as_bytes();
                text.as_bytes()
                    .windows(w.len())
                    .any(|x| x.eq_ignore_ascii_case(w))
            } else {
                text.contains(w.as_str())
            }
        };
        // a word's lines stand together: each word is looked for once
        let mut last: Option<(String, bool)> = None;
        self.withheld.retain(|entry| {
            let found = match &last {
                Some((w, found)) if *w == entry.1 => *found,
                _ => {
                    let found = said(entry);
                    last = Some((entry.1.clone(), found));
                    found
                }
            };
            !found
        });
    }

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
        if lines.is_empty() {
            return None;
        }
        // each line that can be filled: its key, whether it is unused and
        // whether it refers to what the player did; on the stack for the
        // few variants a list has (a line is picked several times a reply)
        let mut stack = [(0usize, false, false); 16];
        let mut heap = Vec::new();
        let room: &mut [(usize, bool, bool)] = if lines.len() <= stack.len() {
            &mut stack[..lines.len()]
        } else {
            heap.resize(lines.len(), (0, false, false));
            &mut heap
        };
        let mut n = 0;
        for (i, l) in lines.iter().enumerate() {
            // most lines have no placeholder at all
            let plain = !l.contains('{');
            let key = l.as_ptr() as usize;
            if (plain || can_fill(l, fills)) && !self.withheld.iter().any(|(k, _)| *k == key) {
                let unused = !self.used.contains(&key);
                let grounded = !plain && prefer.iter().any(|p| uses(l, p));
                room[n] = (i, unused, grounded);
                n += 1;
            }
        }
        let candidates = &mut room[..n];
        if candidates.is_empty() {
            return None;
        }
        if !candidates.iter().any(|c| c.1) {
            // every variant said: start the round again, but not with the
            // line said last
            self.used.retain(|k| {
                !candidates
                    .iter()
                    .any(|c| lines[c.0].as_ptr() as usize == *k)
            });
            let alone = candidates.len() == 1;
            for c in candidates.iter_mut() {
                c.1 = alone || Some(lines[c.0].as_ptr() as usize) != self.last;
            }
        }
        let grounded = candidates.iter().any(|c| c.1 && c.2);
        let pool = candidates.iter().filter(|c| c.1 && (c.2 || !grounded));
        let n = pool.clone().count();
        let (i, _, _) = pool.clone().nth(rng.random_range(0..n)).copied()?;
        let line = &lines[i];
        let key = line.as_ptr() as usize;
        self.used.push(key);
        self.last = Some(key);
        Some(fill(line, fills))
    }
}

/// Whether `line` has the placeholder `{name}`.
fn uses(line: &str, name: &str) -> bool {
    line.match_indices('{').any(|(i, _)| {
        let rest = &line[i + 1..];
        rest.starts_with(name) && rest[name.len()..].starts_with('}')
    })
}

fn can_fill(line: &str, fills: Fills) -> bool {
    placeholders(line).all(|name| fills.iter().any(|(n, v)| *n == name && v.is_some()))
}

/// The `{name}` placeholders in `line`, by a plain byte scan (lines are
/// short; a general searcher per brace costs more than it saves).
fn placeholders(line: &str) -> impl Iterator<Item = &str> {
    let bytes = line.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if bytes[i] == b'{' {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'}' {
                    j += 1;
                }
                if j == bytes.len() {
                    i = j;
                    return None;
                }
                i = j + 1;
                return Some(&line[start..j]);
            }
            i += 1;
        }
        None
    })
}

fn fill(line: &str, fills: Fills) -> String {
    if !line.contains('{') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() + 16);
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            fills
                .iter()
                .find(|(n, _)| *n == name)
                .and_then(|(_, v)| *v)
                .map(|v| (v, close))
        });
        match value {
            Some((v, close)) => {
                // a value that opens a sentence opens with a capital
                let opens = out.trim_end().is_empty() || out.trim_end().ends_with(['.', '!', '?']);
                let mut chars = v.chars();
                match chars.next() {
                    Some(first) if opens && first.is_ascii_lowercase() => {
                        out.push(first.to_ascii_uppercase());
                        out.push_str(chars.as_str());
                    }
                    _ => out.push_str(v),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Built-in lines for a voice or reaction kind the scenario left out, in
/// the scenario's language (`persona.<kind>` in the locale, variants
/// separated by " | "), read once.
pub(super) fn builtin(lang: Lang, kind: &str) -> &'static [String] {
    static LINES: OnceLock<[HashMap<String, Vec<String>>; 2]> = OnceLock::new();
    let tables = LINES.get_or_init(|| {
        [Lang::En, Lang::ZhCn].map(|l| {
            let locale = Locale::builtin(l);
            locale
                .keys()
                .filter_map(|k| k.strip_prefix("persona.").map(|kind| (k, kind)))
                .map(|(k, kind)| {
                    let lines = locale.text(k).split(" | ").map(str::to_string).collect();
                    (kind.to_string(), lines)
                })
                .collect()
        })
    });
    let table = match lang {
        Lang::En => &tables[0],
        Lang::ZhCn => &tables[1],
    };
    table.get(kind).map_or(&[], Vec::as_slice)
}

/// An amount as the customer says it: Chinese speakers say round sums in
/// 万 ("3.7万", "72万"); everything else as money.
pub(super) fn spoken(amount: f64, currency: &str, lang: Lang) -> String {
    let whole = amount.round();
    if lang == Lang::ZhCn && whole >= 10_000.0 && (whole % 100.0).abs() < 0.5 {
        // hundredths of 万, in whole numbers: the same digits as formatting
        // the float with two decimals, without float formatting
        let hundredths = (whole / 100.0) as u64;
        let (wan, cents) = (hundredths / 100, hundredths % 100);
        return match (cents / 10, cents % 10) {
            (0, 0) => format!("{wan}万"),
            (tenths, 0) => format!("{wan}.{tenths}万"),
            _ => format!("{wan}.{cents:02}万"),
        };
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
    fn a_value_that_opens_a_sentence_opens_with_a_capital() {
        let concern = [("concern", Some("how we'd get this past the partners"))];
        assert_eq!(
            fill(
                "At $12,500 price isn't the issue. {concern} is, still.",
                &concern
            ),
            "At $12,500 price isn't the issue. How we'd get this past the partners is, still."
        );
        assert_eq!(
            fill("{concern} is what holds me.", &concern),
            "How we'd get this past the partners is what holds me."
        );
        assert_eq!(
            fill("What I can't see is {concern}.", &concern),
            "What I can't see is how we'd get this past the partners."
        );
        assert_eq!(
            fill("{price}，定了。", &[("price", Some("31万"))]),
            "31万，定了。"
        );
    }

    #[test]
    fn a_line_that_uses_a_withheld_word_waits_until_the_seller_says_it() {
        let lines: Vec<String> = ["Priya signs.", "I sign."].map(String::from).to_vec();
        let mut said = Said::withholding(vec![(lines[0].as_ptr() as usize, "Priya".to_string())]);
        let mut rng = StdRng::seed_from_u64(1);
        for _ in 0..4 {
            assert_eq!(said.pick(&mut rng, &lines, &[], &[]).unwrap(), "I sign.");
        }
        said.heard("does priya sign these?");
        let picked: Vec<String> = (0..2)
            .map(|_| said.pick(&mut rng, &lines, &[], &[]).unwrap())
            .collect();
        assert!(picked.contains(&"Priya signs.".to_string()), "{picked:?}");
    }

    #[test]
    fn lines_that_need_a_missing_value_are_passed_over() {
        let lines: Vec<String> = ["{feature}, you said.", "Go on."]
            .map(String::from)
            .to_vec();
        let mut said = Said::default();
        let mut rng = StdRng::seed_from_u64(1);
        let none = [("feature", None)];
        assert_eq!(said.pick(&mut rng, &lines, &none, &[]).unwrap(), "Go on.");
        let some = [("feature", Some("the sensors"))];
        let mut said = Said::default();
        assert_eq!(
            said.pick(&mut rng, &lines, &some, &["feature"]).unwrap(),
            "The sensors, you said."
        );
    }

    #[test]
    fn round_sums_in_chinese_are_said_in_wan() {
        assert_eq!(spoken(37_000.0, "CNY", Lang::ZhCn), "3.7万");
        assert_eq!(spoken(720_000.0, "CNY", Lang::ZhCn), "72万");
        assert_eq!(spoken(16_500.0, "CNY", Lang::ZhCn), "1.65万");
        assert_eq!(spoken(8_000.0, "CNY", Lang::ZhCn), "¥8,000");
        assert_eq!(spoken(37_000.0, "USD", Lang::En), "$37,000");
        assert_eq!(spoken(10_000.0, "CNY", Lang::ZhCn), "1万");
        assert_eq!(spoken(10_100.0, "CNY", Lang::ZhCn), "1.01万");
        assert_eq!(spoken(1_234_500.0, "CNY", Lang::ZhCn), "123.45万");
        // the digits formatting the float gave, for every round sum up to 10亿
        for hundreds in (100..10_000_000u64).step_by(7) {
            let whole = (hundreds * 100) as f64;
            let mut text = format!("{:.2}", whole / 10_000.0);
            while text.ends_with('0') {
                text.pop();
            }
            if text.ends_with('.') {
                text.pop();
            }
            assert_eq!(spoken(whole, "CNY", Lang::ZhCn), format!("{text}万"));
        }
    }
}
