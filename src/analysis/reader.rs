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

use std::sync::OnceLock;

use super::analyzer::{Analysis, Evidence};
use super::table::{Keys, Table};
use super::tags::Laer;
use super::text::{Sentence, is_han, trim_span};
use crate::fingerprint::{FNV_START, fnv_step, fnv1a};

const TABLE: &str = include_str!("../../assets/reader.tsv");

/// Clause ends for the reader (full-width forms are folded to these first):
/// a `matches!`, which compiles to a bit test, not a scan of a list.
fn is_boundary(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '!' | '?' | ';' | ':' | '\u{3002}' | '\u{3001}' | '\u{2026}' | '\n'
    )
}

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
    weights: Table<Weights>,
    /// One bit per key's top bits: most word pairs of a reply are not in
    /// the table, and this answers that from a few kilobytes.
    present: Vec<u64>,
}

/// Top bits of a key that pick its bit in `Reader::present`.
const PRESENT_BITS: u32 = 17;

fn present_bit(key: u64) -> (usize, u64) {
    let i = (key >> (64 - PRESENT_BITS)) as usize;
    (i / 64, 1 << (i % 64))
}

/// One token of the reply and where it sits, so a feature can quote it.
#[derive(Clone, Copy)]
struct Token {
    /// FNV of the token's folded text.
    hash: u64,
    /// Range in the reply.
    span: (usize, usize),
    clause: usize,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// A Latin word and its folded length in bytes.
    Word(usize),
    Han,
    Question,
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
            // a line a weight at most
            weights: Table::with_room(table.lines().count()),
            present: vec![0; (1 << PRESENT_BITS) / 64],
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
                _ => {
                    let key = key_of(feature);
                    let (word, bit) = present_bit(key);
                    reader.present[word] |= bit;
                    reader.weights.entry(key)[i] = value;
                }
            }
        }
        Ok(reader)
    }

    fn weights_of(&self, key: u64) -> Option<&Weights> {
        let (word, bit) = present_bit(key);
        if self.present[word] & bit == 0 {
            return None;
        }
        self.weights.get(key)
    }

    /// Adds to `a` the LAER steps the rules missed in `text`, answering
    /// `context`, each only where `may_add` allows it for the sentence the
    /// reader read.
    pub(crate) fn revise(
        &self,
        a: &mut Analysis,
        text: &str,
        context: Option<&str>,
        sentences: &[Sentence],
        may_add: impl Fn(Laer, Sentence) -> bool,
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
            let Some(read) = strongest(&features, i).map(|s| sentence_around(text, sentences, s))
            else {
                continue;
            };
            if !may_add(laer, read) {
                continue;
            }
            let (start, end) = (read.start, read.end);
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
        .filter_map(|f| Some((f.span?, f.weights[i], f.key)))
        .filter(|(_, w, _)| *w > 0.0)
        .max_by(|x, y| x.1.total_cmp(&y.1).then(x.2.cmp(&y.2)))
        .map(|(span, _, _)| span)
}

/// The sentence holding `span`, trimmed: the reader judged the sentence, so
/// the evidence quotes it whole, not the one word that weighed most.
fn sentence_around(text: &str, sentences: &[Sentence], span: (usize, usize)) -> Sentence {
    let i = sentences.partition_point(|s| s.start <= span.0);
    let sentence = i
        .checked_sub(1)
        .map(|i| sentences[i])
        .filter(|s| span.1 <= s.end)
        .unwrap_or(Sentence {
            start: span.0,
            end: span.1,
            question: false,
            tagged: false,
        });
    let (start, end) = trim_span(text, sentence.start, sentence.end);
    Sentence {
        start,
        end,
        ..sentence
    }
}

/// The character at byte `at` of `text`, folded, and its length in bytes:
/// ASCII, most of an English reply, without decoding.
#[inline(always)]
fn folded_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        return (char::from(b.to_ascii_lowercase()), 1);
    }
    let raw = text[at..].chars().next().unwrap_or(' ');
    (fold(raw), raw.len_utf8())
}

/// Full-width ASCII to ASCII, then ASCII lower case.
fn fold(c: char) -> char {
    let c = match u32::from(c) {
        n @ 0xFF01..=0xFF5E => char::from_u32(n - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// A Latin word being read, hashed as it goes: its folded text is
/// lower case with each digit run as `0`, without apostrophes at either end
/// (quotes, not part of the word).
struct Word {
    start: usize,
    end: usize,
    hash: u64,
    len: usize,
    /// Apostrophes read since the last letter or digit: inside the word only
    /// if another letter or digit follows.
    quotes: usize,
    in_digits: bool,
}

impl Word {
    fn new(start: usize) -> Word {
        Word {
            start,
            end: start,
            hash: FNV_START,
            len: 0,
            quotes: 0,
            in_digits: false,
        }
    }

    fn push(&mut self, c: char, end: usize) {
        self.end = end;
        if c == '\'' {
            // leading apostrophes are dropped; later ones wait
            self.quotes += usize::from(self.len > 0);
            return;
        }
        for _ in 0..std::mem::take(&mut self.quotes) {
            self.add(b'\'');
        }
        if c.is_ascii_digit() {
            if !self.in_digits {
                self.add(b'0');
            }
            self.in_digits = true;
        } else {
            self.add(c as u8);
        }
    }

    fn token(&self, clause: usize) -> Token {
        Token {
            hash: self.hash,
            span: (self.start, self.end),
            clause,
            kind: Kind::Word(self.len),
        }
    }

    fn add(&mut self, b: u8) {
        self.hash = fnv_step(self.hash, b);
        self.len += 1;
        self.in_digits = false;
    }
}

/// Hands `f` the tokens of `text` (Latin words, Han characters, `?`) in
/// order, grouped in clauses, each with the hash of its folded text: a
/// stream, so neither the reply nor the customer's line needs a list.
fn each_token(text: &str, mut f: impl FnMut(Token)) {
    let mut clause = 0;
    let mut clause_len = 0;
    let mut word: Option<Word> = None;
    let mut at = 0;
    while at < text.len() {
        let (c, len) = folded_at(text, at);
        let (start, end) = (at, at + len);
        at = end;
        if c.is_ascii_alphanumeric() || c == '\'' {
            word.get_or_insert_with(|| Word::new(start)).push(c, end);
            continue;
        }
        if let Some(w) = word.take().filter(|w| w.len > 0) {
            f(w.token(clause));
            clause_len += 1;
        }
        let single = |kind| {
            let mut buf = [0; 4];
            let hash = c.encode_utf8(&mut buf).bytes().fold(FNV_START, fnv_step);
            Token {
                hash,
                span: (start, end),
                clause,
                kind,
            }
        };
        if is_han(c) {
            f(single(Kind::Han));
            clause_len += 1;
        } else if is_boundary(c) {
            if c == '?' {
                f(single(Kind::Question));
                clause_len += 1;
            }
            if clause_len > 0 {
                clause += 1;
                clause_len = 0;
            }
        }
    }
    if let Some(w) = word.filter(|w| w.len > 0) {
        f(w.token(clause));
    }
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
    // two features a token (its clause start or its pair with the token
    // before, and itself); a token and its separator take about four bytes
    let mut out = Vec::with_capacity(text.len() / 2 + 16);
    let mut weigh = |key: u64, span: Option<(usize, usize)>| {
        if let Some(&weights) = reader.weights_of(key) {
            out.push(Feature { key, span, weights });
        }
    };
    let mut units = Units::with_capacity(text);
    let mut prev: Option<Token> = None;
    each_token(text, |t| {
        // the token before, when in the same clause
        let before = prev.filter(|p| p.clause == t.clause);
        match before {
            Some(p) => weigh(mix(mix(BIGRAM, p.hash), t.hash), Some((p.span.0, t.span.1))),
            None => weigh(mix(CLAUSE_START, t.hash), Some(t.span)),
        }
        weigh(mix(UNIGRAM, t.hash), Some(t.span));
        units.add(before, t);
        prev = Some(t);
    });
    weigh(overlap(units, context), None);
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
    once_each(out)
}

/// A feature counts once, quoted where it first appears: features arrive
/// in reading order, so the first of each key is kept. Ties between equally
/// weighed features are broken by key (see `strongest`), so the order kept
/// here does not matter.
fn once_each(mut features: Vec<Feature>) -> Vec<Feature> {
    let mut seen = Keys::with_room(features.len());
    features.retain(|f| seen.insert(f.key));
    features
}

/// What overlap compares: Latin words of four letters or more, and pairs
/// of Han characters in a clause.
struct Units(Vec<u64>);

impl Units {
    /// Adds what token `t` brings, `before` being the token before it in
    /// its clause.
    fn add(&mut self, before: Option<Token>, t: Token) {
        match (t.kind, before) {
            (Kind::Word(len), _) if len >= 4 => self.0.push(t.hash),
            (Kind::Han, Some(p)) if p.kind == Kind::Han => self.0.push(mix(p.hash, t.hash)),
            _ => {}
        }
    }

    /// Room for the units of `text`: a Han character (three bytes) adds
    /// one at most, a word four letters long or more one.
    fn with_capacity(text: &str) -> Units {
        Units(Vec::with_capacity(text.len() / 3 + 1))
    }

    fn of(text: &str) -> Units {
        let mut units = Units::with_capacity(text);
        let mut prev: Option<Token> = None;
        each_token(text, |t| {
            units.add(prev.filter(|p| p.clause == t.clause), t);
            prev = Some(t);
        });
        units
    }
}

/// How much the reply (its `units`) shares with the customer's line,
/// bucketed (the feature `ov:N`, or `ov:none` without a line): each shared
/// unit counts once, and counting stops at the top bucket.
fn overlap(units: Units, context: Option<&str>) -> u64 {
    const TOP: u8 = 4;
    let Some(context) = context else {
        return fnv1a("ov:none".bytes());
    };
    let units_theirs = Units::of(context).0;
    let mut theirs = Keys::with_room(units_theirs.len());
    for k in units_theirs {
        theirs.insert(k);
    }
    let mut shared = 0;
    for k in &units.0 {
        if shared == TOP {
            break;
        }
        // taken out once counted, so a unit said twice counts once
        shared += u8::from(theirs.take(*k));
    }
    fnv1a(b"ov:".iter().chain(&[b'0' + shared]).copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::sentences;

    fn tokens(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        each_token(text, |t| out.push(t));
        out
    }

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
        let text = "So, 8,000 ＯＫ？您好 don't 'quoted' 12a3";
        let toks = tokens(text);
        let hashes: Vec<u64> = toks.iter().map(|t| t.hash).collect();
        let words = [
            "so", "0", "0", "ok", "?", "您", "好", "don't", "quoted", "0a0",
        ];
        assert_eq!(hashes, words.map(word_hash));
        let quoted: Vec<&str> = toks.iter().map(|t| &text[t.span.0..t.span.1]).collect();
        assert_eq!(
            quoted,
            [
                "So", "8", "000", "ＯＫ", "？", "您", "好", "don't", "'quoted'", "12a3"
            ]
        );
        let clauses: Vec<usize> = toks.iter().map(|t| t.clause).collect();
        assert_eq!(clauses, [0, 1, 2, 2, 2, 3, 3, 3, 3, 3]);
        assert!(toks[8].kind == Kind::Word(6) && toks[5].kind == Kind::Han);
    }

    #[test]
    fn evidence_is_the_whole_sentence() {
        let text = "Fine. So it's the timing, right? Yes";
        let at = text.find("timing").unwrap();
        let s = sentence_around(text, &sentences(text), (at, at + 6));
        assert_eq!(&text[s.start..s.end], "So it's the timing, right?");
        let zh = "好的。您是担心价格。";
        let at = zh.find("价格").unwrap();
        let s = sentence_around(zh, &sentences(zh), (at, at + 6));
        assert_eq!(&zh[s.start..s.end], "您是担心价格。");
    }

    #[test]
    fn a_bad_table_line_is_reported_with_its_number() {
        let err = Reader::parse("# c\nlisten\tbias\tx\n").err().unwrap();
        assert!(err.contains("reader.tsv:2"), "{err}");
    }
}
