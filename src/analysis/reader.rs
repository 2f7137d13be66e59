//! The second reader: a small learned table that reads a reply the way the
//! labelled replies taught it, for the LAER steps the rules miss in people's
//! own wording (a paraphrase without "so what you're saying", a question
//! that is small talk).
//!
//! It is a logistic score per step over the reply's words (English words and
//! word pairs, Chinese characters and character pairs, the first of each
//! clause),
//! how much the reply shares with the customer's line, and the tags the
//! rules found. `assets/reader.tsv` holds the weights; `scripts/train_reader.py`
//! writes it from `tests/labelled` and `tests/dev` (never `tests/blind`), and
//! this file extracts exactly the features that script does.
//!
//! The rules stay first: the reader only adds a step the rules missed, when
//! its score is positive, quoting the sentence that holds the words that
//! weighed most. A stuffed reply never reaches it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::analyzer::{Analysis, Evidence};
use super::tags::Laer;
use super::text::{Sentence, is_han, trim_span};
use crate::fingerprint::fnv1a;

const TABLE: &str = include_str!("../../assets/reader.tsv");

/// Clause ends for the reader (full-width forms are folded to these first).
const BOUNDARY: &[char] = &[
    '.', ',', '!', '?', ';', ':', '\u{3002}', '\u{3001}', '\u{2026}', '\n',
];

/// Per step: whether the table has it, and its intercept.
#[derive(Default, Clone, Copy)]
struct Step {
    known: bool,
    bias: f32,
}

/// One weight per LAER step, in `Laer::ALL` order.
type Weights = [f32; 4];

pub(crate) struct Reader {
    steps: [Step; 4],
    weights: HashMap<u64, Weights, BuildHasherDefault<KeyHasher>>,
}

/// The keys are FNV hashes already; hashing them again is wasted work.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(bytes.iter().copied());
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// One token of the reply and where it sits, so a feature can quote it.
#[derive(Clone, Copy)]
struct Token {
    /// Range in the reader's folded token text.
    text: (usize, usize),
    /// Range in the reply.
    span: (usize, usize),
    clause: usize,
}

/// A weighed feature present in the reply: its key, its weights and the
/// reply bytes it covers (none for the overlap and rule features, which
/// quote nothing).
struct Feature {
    key: u64,
    span: Option<(usize, usize)>,
    weights: Weights,
}

fn step_index(laer: Laer) -> usize {
    Laer::ALL.iter().position(|l| *l == laer).unwrap_or(0)
}

impl Reader {
    /// The table shipped with the program.
    pub(crate) fn shipped() -> &'static Reader {
        static READER: OnceLock<Reader> = OnceLock::new();
        READER.get_or_init(|| {
            Reader::parse(TABLE).expect("assets/reader.tsv is well-formed (checked by a test)")
        })
    }

    fn parse(table: &str) -> Result<Reader, String> {
        let mut reader = Reader {
            steps: [Step::default(); 4],
            weights: HashMap::default(),
        };
        for (n, line) in table.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = || {
                format!(
                    "assets/reader.tsv:{}: expected step<TAB>feature<TAB>number",
                    n + 1
                )
            };
            let mut cols = line.split('\t');
            let (Some(step), Some(feature), Some(value), None) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(bad());
            };
            let i = step_index(Laer::from_name(step).ok_or_else(bad)?);
            let value: f32 = value.parse().map_err(|_| bad())?;
            reader.steps[i].known = true;
            match feature {
                "bias" => reader.steps[i].bias = value,
                _ => reader.weights.entry(key_of(feature)).or_default()[i] = value,
            }
        }
        Ok(reader)
    }

    /// Adds to `a` the LAER steps the rules missed in `text`, answering
    /// `context`; `listen` only where `says_back` finds that the sentence it
    /// read says back something of the customer's.
    pub(crate) fn revise(
        &self,
        a: &mut Analysis,
        text: &str,
        context: Option<&str>,
        sentences: &[Sentence],
        says_back: impl Fn(&str) -> bool,
    ) {
        let features = features(self, text, context, a);
        let mut scores: Weights = std::array::from_fn(|i| self.steps[i].bias);
        for f in &features {
            for (s, w) in scores.iter_mut().zip(f.weights) {
                *s += w;
            }
        }
        let mut added = false;
        for (i, &laer) in Laer::ALL.iter().enumerate() {
            if !self.steps[i].known || scores[i] <= 0.0 || a.laer.contains(&laer) {
                continue;
            }
            let Some((start, end)) =
                strongest(&features, i).map(|s| sentence_around(text, sentences, s))
            else {
                continue;
            };
            if laer == Laer::Listen && !says_back(&text[start..end]) {
                continue;
            }
            a.laer.push(laer);
            a.evidence.push(Evidence {
                tag: laer.name().to_string(),
                start,
                end,
                text: text[start..end].to_string(),
            });
            added = true;
        }
        if added {
            a.laer.sort();
            a.evidence.sort_by_key(|e| (e.start, e.end));
        }
    }
}

/// The words that weighed most for step `i`.
fn strongest(features: &[Feature], i: usize) -> Option<(usize, usize)> {
    features
        .iter()
        .filter_map(|f| Some((f.span?, f.weights[i])))
        .filter(|(_, w)| *w > 0.0)
        .max_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(span, _)| span)
}

/// The sentence holding `span`, trimmed: the reader judged the sentence, so
/// the evidence quotes it whole, not the one word that weighed most.
fn sentence_around(text: &str, sentences: &[Sentence], span: (usize, usize)) -> (usize, usize) {
    let i = sentences.partition_point(|s| s.start <= span.0);
    let (start, end) = i
        .checked_sub(1)
        .map(|i| sentences[i])
        .filter(|s| span.1 <= s.end)
        .map_or(span, |s| (s.start, s.end));
    trim_span(text, start, end)
}

/// Full-width ASCII to ASCII, then ASCII lower case.
fn fold(c: char) -> char {
    let c = match u32::from(c) {
        n @ 0xFF01..=0xFF5E => char::from_u32(n - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// The reply as tokens (Latin words with digit runs as `0`, Han characters,
/// `?`) grouped in clauses; `buf` holds their folded text.
fn tokens(text: &str, buf: &mut String) -> Vec<Token> {
    let mut out = Vec::new();
    let mut clause = 0;
    let mut clause_len = 0;
    // the word being read: where it starts in `buf` and in the reply
    let mut word: Option<(usize, usize)> = None;
    let push =
        |out: &mut Vec<Token>, buf: &String, from: usize, span: (usize, usize), clause: usize| {
            // apostrophes at either end are quotes, not part of the word
            let t = &buf[from..];
            let lead = t.len() - t.trim_start_matches('\'').len();
            let trimmed = t.trim_matches('\'').len();
            if trimmed > 0 {
                out.push(Token {
                    text: (from + lead, from + lead + trimmed),
                    span,
                    clause,
                });
            }
        };
    let mut last_end = 0;
    for (at, raw) in text.char_indices() {
        let c = fold(raw);
        let end = at + raw.len_utf8();
        if c.is_ascii_alphanumeric() || c == '\'' {
            let (from, _) = *word.get_or_insert((buf.len(), at));
            if c.is_ascii_digit() {
                if !buf[from..].ends_with('0') {
                    buf.push('0');
                }
            } else {
                buf.push(c);
            }
            last_end = end;
            continue;
        }
        if let Some((from, start)) = word.take() {
            let before = out.len();
            push(&mut out, buf, from, (start, last_end), clause);
            clause_len += out.len() - before;
        }
        if is_han(c) {
            let from = buf.len();
            buf.push(c);
            out.push(Token {
                text: (from, buf.len()),
                span: (at, end),
                clause,
            });
            clause_len += 1;
        } else if BOUNDARY.contains(&c) {
            if c == '?' {
                let from = buf.len();
                buf.push('?');
                out.push(Token {
                    text: (from, buf.len()),
                    span: (at, end),
                    clause,
                });
                clause_len += 1;
            }
            if clause_len > 0 {
                clause += 1;
                clause_len = 0;
            }
        }
    }
    if let Some((from, start)) = word.take() {
        push(&mut out, buf, from, (start, last_end), clause);
    }
    out
}

/// Word features are keyed by combining their words' hashes, so a pair
/// costs one multiplication, not a second pass over its bytes; the table's
/// `u:w`, `s:w` and `b:w1 w2` are keyed the same way when loaded. Other
/// features are the FNV of their name.
const UNIGRAM: u64 = 1;
const CLAUSE_START: u64 = 2;
const BIGRAM: u64 = 3;

fn mix(a: u64, b: u64) -> u64 {
    (a.rotate_left(23) ^ b).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn word_hash(w: &str) -> u64 {
    fnv1a(w.bytes())
}

/// The key of a feature as the table names it.
fn key_of(feature: &str) -> u64 {
    if let Some(w) = feature.strip_prefix("u:") {
        mix(UNIGRAM, word_hash(w))
    } else if let Some(w) = feature.strip_prefix("s:") {
        mix(CLAUSE_START, word_hash(w))
    } else if let Some((a, b)) = feature.strip_prefix("b:").and_then(|p| p.split_once(' ')) {
        mix(mix(BIGRAM, word_hash(a)), word_hash(b))
    } else {
        fnv1a(feature.bytes())
    }
}

/// Every feature of the reply that the table weighs, each once, with its
/// weights (the script's feature set, less the features it never saw).
fn features(reader: &Reader, text: &str, context: Option<&str>, a: &Analysis) -> Vec<Feature> {
    let mut buf = String::with_capacity(text.len());
    let toks = tokens(text, &mut buf);
    let hashes: Vec<u64> = toks
        .iter()
        .map(|t| word_hash(&buf[t.text.0..t.text.1]))
        .collect();
    let mut out = Vec::with_capacity(toks.len());
    let mut weigh = |key: u64, span: Option<(usize, usize)>| {
        if let Some(&weights) = reader.weights.get(&key) {
            out.push(Feature { key, span, weights });
        }
    };
    for (i, t) in toks.iter().enumerate() {
        if i == 0 || toks[i - 1].clause != t.clause {
            weigh(mix(CLAUSE_START, hashes[i]), Some(t.span));
        }
        weigh(mix(UNIGRAM, hashes[i]), Some(t.span));
        if let Some(u) = toks.get(i + 1).filter(|u| u.clause == t.clause) {
            weigh(
                mix(mix(BIGRAM, hashes[i]), hashes[i + 1]),
                Some((t.span.0, u.span.1)),
            );
        }
    }
    weigh(overlap(&buf, &toks, &hashes, context), None);
    let rule = |name: &str| fnv1a("r:".bytes().chain(name.bytes()));
    for key in a
        .laer
        .iter()
        .map(|t| rule(t.name()))
        .chain(a.fab.iter().map(|t| rule(t.name())))
        .chain(a.techniques.iter().map(|t| rule(t.name())))
        .chain(a.negatives.iter().map(|t| rule(t.name())))
        .chain(
            a.question
                .map(|q| fnv1a("r:question:".bytes().chain(q.name().bytes()))),
        )
        .chain(
            a.offers
                .iter()
                .map(|o| fnv1a("r:offer:".bytes().chain(o.kind().bytes()))),
        )
    {
        weigh(key, None);
    }
    // a feature counts once, quoted where it first appears (the sort is stable)
    out.sort_by_key(|f| f.key);
    out.dedup_by_key(|f| f.key);
    out
}

/// How much the reply shares with the customer's line, bucketed (the
/// feature `ov:N`, or `ov:none` without a line): Latin words of four
/// letters or more, and pairs of Han characters.
fn overlap(buf: &str, toks: &[Token], hashes: &[u64], context: Option<&str>) -> u64 {
    let Some(context) = context else {
        return fnv1a("ov:none".bytes());
    };
    let units = |buf: &str, toks: &[Token], hashes: &[u64]| {
        let word = |t: &Token| &buf[t.text.0..t.text.1];
        let han = |t: &Token| word(t).chars().all(is_han);
        let mut u = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            if word(t).len() >= 4 && word(t).is_ascii() {
                u.push(hashes[i]);
            }
            if let Some(next) = toks.get(i + 1).filter(|n| n.clause == t.clause)
                && han(t)
                && han(next)
            {
                u.push(mix(hashes[i], hashes[i + 1]));
            }
        }
        u.sort_unstable();
        u.dedup();
        u
    };
    let mut cbuf = String::with_capacity(context.len());
    let ctoks = tokens(context, &mut cbuf);
    let chashes: Vec<u64> = ctoks
        .iter()
        .map(|t| word_hash(&cbuf[t.text.0..t.text.1]))
        .collect();
    let theirs = units(&cbuf, &ctoks, &chashes);
    let shared = units(buf, toks, hashes)
        .iter()
        .filter(|k| theirs.binary_search(k).is_ok())
        .count();
    let digit = [b'0' + shared.min(4) as u8];
    fnv1a(b"ov:".iter().chain(&digit).copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::sentences;

    #[test]
    fn the_shipped_table_parses_and_covers_every_step() {
        let r = Reader::parse(TABLE).unwrap();
        for laer in Laer::ALL {
            assert!(r.steps[step_index(*laer)].known, "{laer:?} missing");
        }
        assert!(r.weights.len() > 1000, "only {} features", r.weights.len());
    }

    #[test]
    fn tokens_fold_digits_width_and_case_and_keep_their_spans() {
        let text = "So, 8,000 ＯＫ？您好 don't";
        let mut buf = String::new();
        let toks = tokens(text, &mut buf);
        let words: Vec<&str> = toks.iter().map(|t| &buf[t.text.0..t.text.1]).collect();
        assert_eq!(words, ["so", "0", "0", "ok", "?", "您", "好", "don't"]);
        let quoted: Vec<&str> = toks.iter().map(|t| &text[t.span.0..t.span.1]).collect();
        assert_eq!(
            quoted,
            ["So", "8", "000", "ＯＫ", "？", "您", "好", "don't"]
        );
        let clauses: Vec<usize> = toks.iter().map(|t| t.clause).collect();
        assert_eq!(clauses, [0, 1, 2, 2, 2, 3, 3, 3]);
    }

    #[test]
    fn evidence_is_the_whole_sentence() {
        let text = "Fine. So it's the timing, right? Yes";
        let at = text.find("timing").unwrap();
        let (s, e) = sentence_around(text, &sentences(text), (at, at + 6));
        assert_eq!(&text[s..e], "So it's the timing, right?");
        let zh = "好的。您是担心价格。";
        let at = zh.find("价格").unwrap();
        let (s, e) = sentence_around(zh, &sentences(zh), (at, at + 6));
        assert_eq!(&zh[s..e], "您是担心价格。");
    }

    #[test]
    fn a_bad_table_line_is_reported_with_its_number() {
        let err = Reader::parse("# c\nlisten\tbias\tx\n").err().unwrap();
        assert!(err.contains("reader.tsv:2"), "{err}");
    }
}
