//! The second reader: a small learned table that reads a reply the way the
//! labelled replies taught it, for the LAER steps the rules miss in people's
//! own wording (a paraphrase without "so what you're saying", a question
//! that is small talk).
//!
//! It is a logistic score per step over the reply's words (English word
//! 1-3-grams, Chinese character 1-3-grams, the first word of each clause),
//! how much the reply shares with the customer's line, and the tags the
//! rules found. `assets/reader.tsv` holds the weights; `scripts/train_reader.py`
//! writes it from `tests/labelled` and `tests/dev` (never `tests/blind`), and
//! this file extracts exactly the features that script does.
//!
//! The rules stay first: the reader adds a step the rules missed when its
//! score is positive, quoting the words that weighed most, and drops a rule's
//! step only when it is confident the rules misread (a score under the
//! step's veto). A stuffed reply never reaches it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::analyzer::{Analysis, Evidence};
use super::tags::Laer;
use super::text::is_han;
use crate::fingerprint::fnv1a;

const TABLE: &str = include_str!("../../assets/reader.tsv");

/// Clause ends for the reader (full-width forms are folded to these first).
const BOUNDARY: &[char] = &['.', ',', '!', '?', ';', ':', '\u{3002}', '\u{3001}', '\u{2026}', '\n'];

/// Per step: the intercept, and the score under which a rule's tag is
/// dropped (none: the reader only adds).
struct Step {
    laer: Laer,
    bias: f32,
    veto: Option<f32>,
}

pub(crate) struct Reader {
    steps: Vec<Step>,
    /// Feature hash to one weight per step (same order as `steps`).
    weights: HashMap<u64, Vec<f32>, BuildHasherDefault<KeyHasher>>,
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

/// A feature present in the reply: its key and the reply bytes it covers
/// (none for the overlap and rule features, which quote nothing).
struct Feature {
    key: u64,
    span: Option<(usize, usize)>,
}

impl Reader {
    /// The table shipped with the program.
    pub(crate) fn shipped() -> &'static Reader {
        static READER: OnceLock<Reader> = OnceLock::new();
        READER.get_or_init(|| Reader::parse(TABLE).expect("assets/reader.tsv is well-formed (checked by a test)"))
    }

    fn parse(table: &str) -> Result<Reader, String> {
        let mut reader = Reader {
            steps: Vec::new(),
            weights: HashMap::default(),
        };
        for (n, line) in table.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = || format!("assets/reader.tsv:{}: expected step<TAB>feature<TAB>number", n + 1);
            let mut cols = line.split('\t');
            let (Some(step), Some(feature), Some(value), None) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(bad());
            };
            let laer = Laer::from_name(step).ok_or_else(bad)?;
            let value: f32 = value.parse().map_err(|_| bad())?;
            let i = match reader.steps.iter().position(|s| s.laer == laer) {
                Some(i) => i,
                None => {
                    reader.steps.push(Step { laer, bias: 0.0, veto: None });
                    reader.steps.len() - 1
                }
            };
            match feature {
                "bias" => reader.steps[i].bias = value,
                "veto" => reader.steps[i].veto = Some(value),
                _ => {
                    let w = reader.weights.entry(fnv1a(feature.bytes())).or_default();
                    w.resize(w.len().max(i + 1), 0.0);
                    w[i] = value;
                }
            }
        }
        Ok(reader)
    }

    /// Revises the rules' LAER steps in `a` for `text`, answering `context`;
    /// it adds `listen` only where the reply `may_listen` (it says back
    /// something of the customer's).
    pub(crate) fn revise(&self, a: &mut Analysis, text: &str, context: Option<&str>, may_listen: bool) {
        let features = features(text, context, a);
        for (i, step) in self.steps.iter().enumerate() {
            let weight = |f: &Feature| self.weights.get(&f.key).and_then(|w| w.get(i)).copied().unwrap_or(0.0);
            let score = step.bias + features.iter().map(weight).sum::<f32>();
            let has = a.laer.contains(&step.laer);
            if !has && score > 0.0 && (step.laer != Laer::Listen || may_listen) {
                // quote the words that weighed most for the step
                let best = features
                    .iter()
                    .filter_map(|f| Some((f.span?, weight(f))))
                    .filter(|(_, w)| *w > 0.0)
                    .max_by(|x, y| x.1.total_cmp(&y.1));
                if let Some(((start, end), _)) = best {
                    a.laer.push(step.laer);
                    a.evidence.push(Evidence {
                        tag: step.laer.name().to_string(),
                        start,
                        end,
                        text: text[start..end].to_string(),
                    });
                }
            } else if has && step.veto.is_some_and(|v| score < v) {
                a.laer.retain(|l| *l != step.laer);
                a.evidence.retain(|e| e.tag != step.laer.name());
                if step.laer == Laer::Explore {
                    a.question = None;
                }
            }
        }
        a.laer.sort();
        a.evidence.sort_by_key(|e| (e.start, e.end));
    }
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
    let push = |out: &mut Vec<Token>, buf: &String, from: usize, span: (usize, usize), clause: usize| {
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
            out.push(Token { text: (from, buf.len()), span: (at, end), clause });
            clause_len += 1;
        } else if BOUNDARY.contains(&c) {
            if c == '?' {
                let from = buf.len();
                buf.push('?');
                out.push(Token { text: (from, buf.len()), span: (at, end), clause });
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

/// Every feature of the reply, each once (the script's feature set).
fn features(text: &str, context: Option<&str>, a: &Analysis) -> Vec<Feature> {
    let mut buf = String::with_capacity(text.len());
    let toks = tokens(text, &mut buf);
    let word = |t: &Token| &buf[t.text.0..t.text.1];
    let mut out = Vec::with_capacity(toks.len() * 3 + 16);
    let key = |prefix: &str, words: &[&Token]| {
        let mut bytes: Vec<u8> = prefix.bytes().collect();
        for (i, t) in words.iter().enumerate() {
            if i > 0 {
                bytes.push(b' ');
            }
            bytes.extend(word(t).bytes());
        }
        fnv1a(bytes)
    };
    for (i, t) in toks.iter().enumerate() {
        let same = |j: usize| toks.get(j).filter(|u| u.clause == t.clause);
        if i == 0 || toks[i - 1].clause != t.clause {
            out.push(Feature { key: key("s:", &[t]), span: Some(t.span) });
        }
        out.push(Feature { key: key("u:", &[t]), span: Some(t.span) });
        if let Some(u) = same(i + 1) {
            out.push(Feature { key: key("b:", &[t, u]), span: Some((t.span.0, u.span.1)) });
            if let Some(v) = same(i + 2) {
                out.push(Feature { key: key("t:", &[t, u, v]), span: Some((t.span.0, v.span.1)) });
            }
        }
    }
    out.push(Feature { key: fnv1a(overlap(&buf, &toks, context).bytes()), span: None });
    for tag in rule_tags(a) {
        out.push(Feature { key: fnv1a("r:".bytes().chain(tag.bytes())), span: None });
    }
    // a feature counts once, quoted where it first appears
    let mut seen = std::collections::HashSet::with_capacity(out.len());
    out.retain(|f| seen.insert(f.key));
    out
}

/// The tags the rules found, named as in `analyze --jsonl`.
fn rule_tags(a: &Analysis) -> Vec<String> {
    let mut tags: Vec<String> = a.laer.iter().map(|t| t.name().to_string()).collect();
    tags.extend(a.fab.iter().map(|t| t.name().to_string()));
    tags.extend(a.techniques.iter().map(|t| t.name().to_string()));
    tags.extend(a.negatives.iter().map(|t| t.name().to_string()));
    if let Some(q) = a.question {
        tags.push(format!("question:{}", q.name()));
    }
    tags.extend(a.offers.iter().map(|o| format!("offer:{}", o.kind())));
    tags
}

/// How much the reply shares with the customer's line, bucketed: Latin
/// words of four letters or more, and pairs of Han characters.
fn overlap(buf: &str, toks: &[Token], context: Option<&str>) -> String {
    let Some(context) = context else {
        return "ov:none".to_string();
    };
    let units = |buf: &str, toks: &[Token]| {
        let mut u = std::collections::HashSet::new();
        for (i, t) in toks.iter().enumerate() {
            let w = &buf[t.text.0..t.text.1];
            if w.len() >= 4 && w.is_ascii() {
                u.insert(w.to_string());
            }
            if let Some(next) = toks.get(i + 1).filter(|n| n.clause == t.clause)
                && w.chars().all(is_han)
                && buf[next.text.0..next.text.1].chars().all(is_han)
            {
                u.insert(buf[t.text.0..next.text.1].to_string());
            }
        }
        u
    };
    let mut cbuf = String::new();
    let ctoks = tokens(context, &mut cbuf);
    let shared = units(buf, toks).intersection(&units(&cbuf, &ctoks)).count();
    format!("ov:{}", shared.min(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_parses_and_covers_every_step() {
        let r = Reader::parse(TABLE).unwrap();
        for laer in Laer::ALL {
            assert!(r.steps.iter().any(|s| s.laer == *laer), "{laer:?} missing");
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
        assert_eq!(quoted, ["So", "8", "000", "ＯＫ", "？", "您", "好", "don't"]);
        let clauses: Vec<usize> = toks.iter().map(|t| t.clause).collect();
        assert_eq!(clauses, [0, 1, 2, 2, 2, 3, 3, 3]);
    }

    #[test]
    fn a_bad_table_line_is_reported_with_its_number() {
        let err = Reader::parse("# c\nlisten\tbias\tx\n").err().unwrap();
        assert!(err.contains("reader.tsv:2"), "{err}");
    }
}
