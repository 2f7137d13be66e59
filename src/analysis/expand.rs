//! The lexicon's small pattern language: one line stands for many phrases.
//!
//! - `[really|totally]` may be left out or filled with one of its words;
//! - `(that|why)` must be filled with one of its words;
//! - `{intensifier}` is one word of the lexicon's `slots` list of that name,
//!   and `{intensifier?}` may also be left out;
//! - `<understand>` is the word or a slip of a fast typist: one letter
//!   left out or two neighbours swapped ("understnad", "totaly"), never the
//!   first letter. Only for words of six letters or more, where a slip
//!   rarely makes another word.
//!
//! So `i {intensifier?} understand [that|why]` covers "i understand",
//! "i totally understand why" and a dozen more. Spaces are collapsed, so an
//! optional word leaves no double space.

use std::collections::BTreeMap;

/// Patterns may not stand for more phrases than this, so a careless line
/// cannot blow up the automaton.
pub const MAX_EXPANSIONS: usize = 2_000;

/// Every phrase `pattern` stands for, or what is wrong with it.
pub fn expand(pattern: &str, slots: &BTreeMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let mut out = vec![String::new()];
    let mut rest = pattern;
    while !rest.is_empty() {
        let Some(open) = rest.find(['[', '(', '{', '<']) else {
            append(&mut out, &[rest.to_string()]);
            break;
        };
        append(&mut out, &[rest[..open].to_string()]);
        let kind = rest[open..].chars().next().expect("found above");
        let close = match kind {
            '[' => ']',
            '(' => ')',
            '<' => '>',
            _ => '}',
        };
        let body_start = open + 1;
        let Some(len) = rest[body_start..].find(close) else {
            return Err(format!("`{kind}` is never closed with `{close}`"));
        };
        let body = &rest[body_start..body_start + len];
        if body.contains(['[', '(', '{', '<']) {
            return Err(format!("`{kind}…{close}` may not hold another group"));
        }
        let choices = match kind {
            '{' => slot(body, slots)?,
            '<' => slips(body)?,
            _ => body.split('|').map(str::to_string).collect(),
        };
        let optional = kind == '[' || (kind == '{' && body.ends_with('?'));
        let mut choices = choices;
        if optional {
            choices.push(String::new());
        }
        append(&mut out, &choices);
        if out.len() > MAX_EXPANSIONS {
            return Err(format!(
                "stands for more than {MAX_EXPANSIONS} phrases; split it into several lines"
            ));
        }
        rest = &rest[body_start + len + close.len_utf8()..];
    }
    let mut phrases: Vec<String> = out
        .into_iter()
        .map(|p| {
            p.split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect();
    phrases.dedup();
    Ok(phrases)
}

fn slot(body: &str, slots: &BTreeMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let name = body.trim_end_matches('?');
    slots.get(name).cloned().ok_or_else(|| {
        format!(
            "no slot named `{name}`; the lexicon's slots are {}",
            slots
                .keys()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

/// Shortest word `<…>` takes.
const SLIP_MIN: usize = 6;

/// `word` and its slips (see the module's help).
fn slips(word: &str) -> Result<Vec<String>, String> {
    if word.len() < SLIP_MIN || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err(format!(
            "`<{word}>` takes one lower-case Latin word of {SLIP_MIN} letters or more"
        ));
    }
    let b = word.as_bytes();
    let dropped = (1..b.len()).map(|i| [&b[..i], &b[i + 1..]].concat());
    let swapped = (1..b.len() - 1).map(|i| {
        let mut w = b.to_vec();
        w.swap(i, i + 1);
        w
    });
    let mut out: Vec<String> = std::iter::once(b.to_vec())
        .chain(dropped)
        .chain(swapped)
        .map(|w| String::from_utf8(w).expect("ASCII in, ASCII out"))
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}

/// Every phrase so far followed by every choice.
fn append(out: &mut Vec<String>, choices: &[String]) {
    *out = out
        .iter()
        .flat_map(|p| choices.iter().map(move |c| format!("{p}{c}")))
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slots() -> BTreeMap<String, Vec<String>> {
        BTreeMap::from([(
            "intens".to_string(),
            vec!["really".to_string(), "totally".to_string()],
        )])
    }

    #[test]
    fn optional_required_and_named_groups_expand() {
        let got = expand("i {intens?} understand [that|why]", &slots()).unwrap();
        assert_eq!(got.len(), 9);
        assert!(got.contains(&"i understand".to_string()));
        assert!(got.contains(&"i totally understand why".to_string()));
        assert_eq!(
            expand("(我|我们)很理解", &slots()).unwrap(),
            ["我很理解", "我们很理解"]
        );
        assert_eq!(expand("plain words", &slots()).unwrap(), ["plain words"]);
    }

    #[test]
    fn a_slip_group_takes_the_typos_people_make() {
        let got = expand("i <understand>", &slots()).unwrap();
        for typed in [
            "i understand",
            "i understnad",
            "i undrestand",
            "i understan",
            "i uderstand",
        ] {
            assert!(got.contains(&typed.to_string()), "{typed}");
        }
        // the first letter stays, and a word is never lost
        assert!(!got.contains(&"i nderstand".to_string()));
        assert!(!got.contains(&"i nuderstand".to_string()));
        assert!(expand("<get>", &slots()).unwrap_err().contains("6 letters"));
        assert!(expand("<Über>", &slots()).is_err());
    }

    #[test]
    fn broken_patterns_say_what_is_wrong() {
        assert!(
            expand("i [really understand", &slots())
                .unwrap_err()
                .contains("never closed")
        );
        assert!(
            expand("i {nope} understand", &slots())
                .unwrap_err()
                .contains("no slot named `nope`")
        );
        assert!(
            expand("a [b (c|d)]", &slots())
                .unwrap_err()
                .contains("another group")
        );
        let huge = "[a|b|c|d|e|f|g|h|i|j] ".repeat(5);
        assert!(expand(&huge, &slots()).unwrap_err().contains("more than"));
    }
}
