//! Relevance: whether a reply is about this customer. A reply that names
//! things from another customer's case (the product, people, pains and
//! objections of another shipped scenario that this scenario never
//! mentions) more than things of this one is off-topic: pasted, not said to
//! this customer. Also the term matching the scorer shares (a term of the
//! scenario found in a reply).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::scenario::{Scenario, TradeableKind, shipped_scenarios};

/// A reply as compared for "said before": a hash of its letters and
/// digits, lowercase, so punctuation and spacing do not make it new; `None`
/// when it has none. Read a character at a time: Han, which has no case,
/// and CJK punctuation skip the Unicode tables.
pub fn said_key(text: &str) -> Option<u64> {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut any = false;
    let mut add = |c: u32| {
        h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
        any = true;
    };
    for c in text.chars() {
        if c.is_ascii() {
            let key = KEY_BYTES[c as usize];
            if key != 0 {
                add(u32::from(key));
            }
        } else if crate::analysis::text::is_han(c) {
            add(u32::from(c));
        } else if matches!(c, '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}')
        {
            // general, CJK and fullwidth punctuation
        } else if c.is_alphanumeric() {
            c.to_lowercase().for_each(|l| add(u32::from(l)));
        }
    }
    any.then_some(h)
}

/// Each ASCII byte as [`said_key`] hashes it: a letter lower-cased, a
/// digit as it is, anything else 0 (left out). One lookup per byte.
static KEY_BYTES: [u8; 128] = key_bytes();

const fn key_bytes() -> [u8; 128] {
    let mut t = [0; 128];
    let mut b: u8 = 0;
    while b < 128 {
        if b.is_ascii_alphanumeric() {
            t[b as usize] = b.to_ascii_lowercase();
        }
        b += 1;
    }
    t
}

/// Whether `text` (lowercase) holds `term` (lowercase): for Latin terms as
/// whole words, for Chinese anywhere.
pub(super) fn has_term(text: &str, term: &str) -> bool {
    if term.is_empty() {
        return false;
    }
    let word = |c: char| c.is_ascii_alphanumeric();
    let bounded_start = term.chars().next().is_some_and(word);
    let bounded_end = term.chars().next_back().is_some_and(word);
    let mut from = 0;
    while let Some(i) = text[from..].find(term) {
        let start = from + i;
        let end = start + term.len();
        let before_ok = !bounded_start || !text[..start].chars().next_back().is_some_and(word);
        let after_ok = !bounded_end || !text[end..].chars().next().is_some_and(word);
        if before_ok && after_ok {
            return true;
        }
        from = start + term.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// The terms of `terms` that `text` (lowercase) holds.
pub(super) fn found<'a>(text: &str, terms: &'a [String]) -> Vec<&'a str> {
    terms
        .iter()
        .filter(|t| has_term(text, t))
        .map(String::as_str)
        .collect()
}

fn is_zh(s: &Scenario) -> bool {
    s.language.starts_with("zh")
}

/// Terms that show a reply is about one customer's case: names (its
/// people, company, product, features, add-ons and, in English, words
/// written with a capital inside a sentence) and topics (its pains and the
/// words of its objections).
fn specific_terms(s: &Scenario) -> (Vec<String>, Vec<String>) {
    let p = &s.persona;
    let mut names: Vec<String> = vec![p.name.clone(), p.company.clone(), s.product.name.clone()];
    for f in &s.product.features {
        names.push(f.name.clone());
        names.extend(f.aliases.iter().cloned());
    }
    for t in s
        .product
        .tradeables
        .iter()
        .filter(|t| t.kind != TradeableKind::Discount)
    {
        names.push(t.name.clone());
        names.extend(t.aliases.iter().cloned());
    }
    let mut topics: Vec<String> = Vec::new();
    for pain in &p.pains {
        topics.extend(pain.terms.iter().cloned());
    }
    for o in &s.objections {
        topics.extend(o.terms.iter().cloned());
    }
    if !is_zh(s) {
        for text in texts(s) {
            names.extend(proper_nouns(text));
        }
        // a person's first or last name on its own
        names.extend(
            p.name
                .split_whitespace()
                .filter(|w| w.len() >= 4)
                .map(str::to_string),
        );
    }
    (normal(names), normal(topics))
}

/// Every sentence of a scenario a reply could borrow from.
fn texts(s: &Scenario) -> impl Iterator<Item = &String> {
    let p = &s.persona;
    std::iter::once(&s.briefing)
        .chain(std::iter::once(&p.batna))
        .chain(p.hidden.iter().map(|h| &h.text))
        .chain(s.objections.iter().flat_map(|o| {
            o.lines
                .iter()
                .chain(o.options.iter().map(|r| &r.text))
                .chain(o.model_answers.iter().map(|m| match m {
                    crate::scenario::ModelAnswer::Text(t) => t,
                    crate::scenario::ModelAnswer::Tagged(a) => &a.text,
                }))
        }))
}

fn normal(terms: Vec<String>) -> Vec<String> {
    let mut terms: Vec<String> = terms
        .into_iter()
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    terms.sort();
    terms.dedup();
    terms
}

/// Names written with capitals inside a sentence ("Priya", "Vendor B",
/// "Harbourside", "ERP"): runs of capitalised words, three letters or more.
fn proper_nouns(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, out: &mut Vec<String>| {
        if run
            .iter()
            .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
            .sum::<usize>()
            >= 3
        {
            out.push(run.join(" "));
        }
        run.clear();
    };
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        // possessives of names: "Priya's"
        let word = word.trim_end_matches("'s").trim_end_matches("’s");
        let capital = word.chars().next().is_some_and(char::is_uppercase)
            && !word.starts_with("I'")
            && !word.starts_with("I’")
            && word != "I";
        if capital && !sentence_start {
            run.push(word.to_string());
        } else {
            flush(&mut run, &mut out);
        }
        let ends_clause = raw.ends_with([',', ';', ')', '"', '.', '?', '!', ':']);
        if ends_clause {
            flush(&mut run, &mut out);
        }
        sentence_start = raw.ends_with(['.', '?', '!', ':']) || raw.ends_with(".\"");
    }
    flush(&mut run, &mut out);
    out
}

fn shipped() -> &'static [Scenario] {
    static SHIPPED: OnceLock<Vec<Scenario>> = OnceLock::new();
    SHIPPED.get_or_init(shipped_scenarios)
}

/// What counts as this customer's case and what as another's.
pub(crate) struct Relevance {
    /// Terms of this case that no other case uses.
    own: Vec<String>,
    /// Names and topics of other cases that this case never uses.
    foreign_names: Vec<String>,
    foreign_topics: Vec<String>,
    /// Every term above in one automaton, so that a reply is read once
    /// (the customer checks every reply as it hears it).
    terms: Terms,
}

/// Which lists a term of [`Relevance`] is on.
const OWN: u8 = 1;
const NAME: u8 = 2;
const TOPIC: u8 = 4;

/// The terms of [`Relevance`] in one automaton, each with its lists.
struct Terms {
    matcher: Option<AhoCorasick>,
    /// Per pattern: the term and the lists it is on.
    terms: Vec<(String, u8)>,
}

impl Terms {
    fn new(lists: [(&[String], u8); 3]) -> Terms {
        let mut terms: Vec<(String, u8)> = Vec::new();
        for (list, flag) in lists {
            for t in list {
                match terms.iter_mut().find(|(x, _)| x == t) {
                    Some((_, flags)) => *flags |= flag,
                    None => terms.push((t.clone(), flag)),
                }
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(terms.iter().map(|(t, _)| t))
            .ok();
        Terms { matcher, terms }
    }

    /// The terms `text` (lowercase) holds, as [`has_term`] finds them (Latin
    /// edges at word boundaries), each once, with their lists; `None` as
    /// soon as one of this case's own terms turns up.
    fn found(&self, text: &str) -> Option<Vec<(&str, u8)>> {
        let mut out: Vec<(&str, u8)> = Vec::new();
        let Some(matcher) = &self.matcher else {
            return Some(out);
        };
        let bytes = text.as_bytes();
        let word = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
        for m in matcher.find_overlapping_iter(text) {
            let (term, flags) = &self.terms[m.pattern().as_usize()];
            let bounded_start = term.starts_with(|c: char| c.is_ascii_alphanumeric());
            let bounded_end = term.ends_with(|c: char| c.is_ascii_alphanumeric());
            if (bounded_start && m.start() > 0 && word(m.start() - 1))
                || (bounded_end && word(m.end()))
            {
                continue;
            }
            if flags & OWN != 0 {
                return None;
            }
            if !out.iter().any(|(t, _)| t == term) {
                out.push((term.as_str(), *flags));
            }
        }
        Some(out)
    }
}

impl Relevance {
    pub(crate) fn new(scenario: &Scenario) -> Relevance {
        Relevance::with_others(scenario, shipped())
    }

    /// `others`: the scenarios whose terms are foreign to this one (those
    /// in another language, and this one itself, are left out).
    pub(super) fn with_others(scenario: &Scenario, others: &[Scenario]) -> Relevance {
        let others: Vec<&Scenario> = others
            .iter()
            .filter(|o| o.id != scenario.id && o.language == scenario.language)
            .collect();
        let whole = |s: &Scenario| serde_json::to_string(s).unwrap_or_default().to_lowercase();
        let text = whole(scenario);
        let other_texts: Vec<String> = others.iter().map(|o| whole(o)).collect();
        let (names, topics) = specific_terms(scenario);
        let mut own: Vec<String> = names
            .into_iter()
            .chain(topics)
            .filter(|t| !other_texts.iter().any(|o| has_term(o, t)))
            .collect();
        own.sort();
        own.dedup();
        let min_chars = if is_zh(scenario) { 2 } else { 4 };
        let foreign = |terms: Vec<String>| -> Vec<String> {
            terms
                .into_iter()
                .filter(|t| t.chars().count() >= min_chars)
                .filter(|t| !has_term(&text, t))
                .collect()
        };
        let mut foreign_names = Vec::new();
        let mut foreign_topics = Vec::new();
        for o in others {
            let (names, topics) = specific_terms(o);
            foreign_names.extend(foreign(names));
            foreign_topics.extend(foreign(topics));
        }
        let foreign_names = normal(foreign_names);
        let foreign_topics = normal(foreign_topics);
        let terms = Terms::new([
            (&own, OWN),
            (&foreign_names, NAME),
            (&foreign_topics, TOPIC),
        ]);
        Relevance {
            own,
            foreign_names,
            foreign_topics,
            terms,
        }
    }

    /// The foreign terms a reply names when it is about another customer
    /// rather than this one: two of that case's terms, or one of its
    /// names, and nothing that only this case has. None when on topic.
    pub(crate) fn off_topic(&self, text: &str, _own_hits: usize) -> Option<Vec<String>> {
        let lower = lowercase(text);
        let found = self.terms.found(&lower)?;
        let names = found.iter().any(|(_, flags)| flags & NAME != 0);
        let mut all: Vec<&str> = found.iter().map(|(t, _)| *t).collect();
        all.sort();
        all.dedup();
        // a longer term holds the shorter ones it contains
        let all: Vec<&str> = all
            .iter()
            .copied()
            .filter(|t| !all.iter().any(|o| o.len() > t.len() && o.contains(*t)))
            .collect();
        (all.len() >= 2 || names).then(|| all.iter().map(|t| t.to_string()).collect())
    }
}

/// `text.to_lowercase()`, faster for the text replies are made of: when
/// every character is ASCII or has no case (CJK ideographs, kana and their
/// punctuation), lowering the ASCII letters is the whole job, without
/// looking each Chinese character up in the case tables.
fn lowercase(text: &str) -> String {
    if text.is_ascii() || caseless_utf8(text.as_bytes()) {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

/// Whether every character of `bytes` (UTF-8) passes
/// [`caseless_or_ascii`], read from the bytes without decoding: ASCII, a
/// three-byte character led by E3..E9 (U+3000..U+9FFF) or by E2 BA..BF
/// (U+2E80..U+2FFF), or a full-width form EF BC..BF other than Ａ-Ｚ (EF
/// BC A1..BA) and the specials from U+FFF0. Anything else answers false
/// (the caller lowers the text the general way).
fn caseless_utf8(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let (Some(&b1), Some(&b2)) = (bytes.get(i + 1), bytes.get(i + 2)) else {
            return false;
        };
        let ok = match b {
            0xE3..=0xE9 => true,
            0xE2 => b1 >= 0xBA,
            0xEF => match b1 {
                0xBC => !(0xA1..=0xBA).contains(&b2),
                0xBD | 0xBE => true,
                0xBF => b2 <= 0xAF,
                _ => false,
            },
            _ => false,
        };
        if !ok {
            return false;
        }
        i += 3;
    }
    true
}

/// The rule `caseless_utf8` reads from bytes, per character (the test
/// holds the two equal): ASCII, or a character with no case mapping: the CJK blocks from the
/// radicals to the unified ideographs, and the full-width forms other
/// than the capital letters Ａ-Ｚ.
#[cfg(test)]
fn caseless_or_ascii(c: char) -> bool {
    c.is_ascii()
        || ('\u{2E80}'..='\u{9FFF}').contains(&c)
        || (('\u{FF00}'..='\u{FFEF}').contains(&c) && !('\u{FF21}'..='\u{FF3A}').contains(&c))
}

/// The foreign and own terms a reply names (for tuning and tests).
#[doc(hidden)]
pub fn explain(scenario: &Scenario, text: &str) -> (Vec<String>, Vec<String>) {
    let r = Relevance::new(scenario);
    let lower = text.to_lowercase();
    (
        found(&lower, &r.foreign_names)
            .iter()
            .chain(found(&lower, &r.foreign_topics).iter())
            .map(|t| t.to_string())
            .collect(),
        found(&lower, &r.own)
            .iter()
            .map(|t| t.to_string())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_match_whole_latin_words_and_any_chinese() {
        assert!(has_term("vendor b is cheaper", "vendor b"));
        assert!(!has_term("vendor bb", "vendor b"));
        assert!(!has_term("priceless", "price"));
        assert!(has_term("the price, please", "price"));
        assert!(has_term("两万块太贵了", "太贵"));
    }

    #[test]
    fn characters_taken_as_caseless_have_no_lower_case() {
        for c in ('\u{80}'..='\u{FFFF}').filter(|c| caseless_or_ascii(*c)) {
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
        }
        let mixed = "PK-560 比乙厂贵两万，ＡＢＣ，ΣΑΣ Straße İ";
        assert_eq!(lowercase(mixed), mixed.to_lowercase());
        let zh = "Vendor B 便宜两万，您的预算多少？";
        assert_eq!(lowercase(zh), zh.to_lowercase());
        // the byte test agrees with the character test on every character
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            assert_eq!(caseless_utf8(s.as_bytes()), caseless_or_ascii(c), "{c:?}");
        }
    }

    #[test]
    fn proper_nouns_skip_sentence_starts() {
        assert_eq!(
            proper_nouns(
                "Priya was burned. The ERP rollout hurt Harbourside's team, said Vendor B. I'll see."
            ),
            ["ERP", "Harbourside", "Vendor B"]
        );
    }
}
