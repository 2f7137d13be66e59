//! Content keys for telling whether a reply says something again in other
//! words: the customer's concern (listen) or a feature's advantage.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use super::text::{ALPHA, BYTES, DIGIT, is_alnum, is_han};
use crate::fingerprint::{FNV_START, fnv_step, fnv1a};

/// A set of content keys. The keys are hashes already (or packed
/// character pairs), so the set mixes their bits once instead of running
/// `std`'s keyed SipHash over them on every lookup.
pub(crate) type KeySet = HashSet<u64, BuildHasherDefault<KeyHasher>>;

/// The hasher of [`KeySet`]: one multiply and a fold of the high bits
/// into the low ones (the table indexes by the low bits).
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // only u64 keys are stored; any other input still hashes
        for &b in bytes {
            self.write_u64(self.0 ^ u64::from(b));
        }
    }

    fn write_u64(&mut self, key: u64) {
        let x = (self.0 ^ key).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = x ^ (x >> 32);
    }
}

/// Stopwords as content keys, so checking a key is one set lookup.
pub(crate) struct Stopwords {
    keys: KeySet,
}

impl Stopwords {
    pub(crate) fn new(words: &[String]) -> Stopwords {
        let mut keys = KeySet::default();
        for w in words {
            keys.insert(word_key(w));
            let chars: Vec<char> = w.chars().collect();
            keys.extend(chars.windows(2).map(|p| pair_key(p[0], p[1])));
        }
        Stopwords { keys }
    }
}

/// Latin keys and Han keys never collide: Han pairs set the top bit.
const HAN_BIT: u64 = 1 << 63;

/// FNV-1a of an ASCII-lowercased word.
fn word_key(word: &str) -> u64 {
    fnv1a(word.bytes().map(|b| b.to_ascii_lowercase())) & !HAN_BIT
}

/// [`word_key`] of the first `limit` characters of `word` and of all of
/// it, in one pass.
fn stem_and_word_keys(word: &str, limit: usize) -> (u64, u64) {
    let mut h = FNV_START;
    let mut stem = None;
    for (i, b) in word.bytes().enumerate() {
        if i == limit {
            stem = Some(h);
        }
        h = fnv_step(h, b.to_ascii_lowercase());
    }
    (stem.unwrap_or(h) & !HAN_BIT, h & !HAN_BIT)
}

/// `word` without a plural "s" ("desks", "jams", "quotes"); "ss", "us",
/// "is" and "'s" endings, and words of three letters or fewer, are kept.
fn singular(word: &str) -> &str {
    let b = word.as_bytes();
    let n = b.len();
    let plural = n >= 4
        && b[n - 1].eq_ignore_ascii_case(&b's')
        && !matches!(b[n - 2].to_ascii_lowercase(), b's' | b'u' | b'i' | b'\'');
    if plural { &word[..n - 1] } else { word }
}

fn pair_key(a: char, b: char) -> u64 {
    HAN_BIT | (u64::from(a as u32) << 21) | u64::from(b as u32)
}

/// Content keys for paraphrase overlap: Latin words of four or more letters
/// cut to five-letter stems, words with digits whole, and pairs of adjacent
/// Han characters; stopwords left out. Hashed, so comparing is cheap.
pub(crate) fn content_keys(text: &str, stop: &Stopwords) -> Vec<u64> {
    let mut keys = Vec::new();
    let mut pairs = Vec::new();
    // the Han character before, and where it ends
    let mut prev: Option<(char, usize)> = None;
    ascii_words(
        text,
        |b| matches!(b, b'\'' | b'-'),
        |start, end| {
            let word = &text[start..end];
            // a short word without digits is no key: neither hashed nor
            // looked up
            let long = word.len() >= 4;
            if !long && !word.bytes().any(|b| b.is_ascii_digit()) {
                return;
            }
            // a plural says the same thing back ("two desks", "the desk")
            let base = singular(word);
            let (stem, whole) = stem_and_word_keys(base, 5);
            let key = if long { stem } else { whole };
            let whole = if base.len() == word.len() {
                whole
            } else {
                word_key(word)
            };
            if !stop.keys.contains(&whole) {
                keys.push(key);
            }
        },
        |at, c| {
            if !is_han(c) {
                return;
            }
            if let Some((p, _)) = prev.filter(|p| p.1 == at) {
                let key = pair_key(p, c);
                if !stop.keys.contains(&key) {
                    pairs.push(key);
                }
            }
            prev = Some((c, at + c.len_utf8()));
        },
    );
    keys.append(&mut pairs);
    keys
}

/// Latin content words of four letters or more with their byte spans, keyed
/// by their first four letters so a word and its inflections meet ("lock",
/// "locked"; "split", "splitting"); stopwords left out, and so is any stem
/// `wanted` turns down (checked first: it is cheaper than the stopwords).
pub(crate) fn word_stems(
    text: &str,
    stop: &Stopwords,
    wanted: impl Fn(u64) -> bool,
) -> Vec<(u64, usize, usize)> {
    let mut out = Vec::new();
    let word = |start: usize, end: usize| {
        if end - start < 4 {
            return;
        }
        let (stem, whole) = stem_and_word_keys(&text[start..end], 4);
        if wanted(stem) && !stop.keys.contains(&whole) {
            out.push((stem, start, end));
        }
    };
    ascii_words(text, |b| b == b'\'', word, |_, _| {});
    out
}

/// Hands `word` the span of every word of `text` written in ASCII alone: a
/// word is a run of letters and digits (any script) and the bytes `joins`
/// takes (a test per byte, not a search of a list),
/// and a word holding a letter of another script is passed over. Hands
/// `other` every character that is not ASCII, with its offset. Read byte by
/// byte: an English reply is decoded nowhere, a Chinese one once.
fn ascii_words(
    text: &str,
    joins: impl Fn(u8) -> bool,
    mut word: impl FnMut(usize, usize),
    mut other: impl FnMut(usize, char),
) {
    let bytes = text.as_bytes();
    let (mut start, mut ascii, mut at) = (0, true, 0);
    while at < bytes.len() {
        let b = bytes[at];
        let (in_word, len) = if b.is_ascii() {
            (BYTES[usize::from(b)] & (ALPHA | DIGIT) != 0 || joins(b), 1)
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            other(at, c);
            (is_alnum(c), c.len_utf8())
        };
        if !in_word {
            if at > start && ascii {
                word(start, at);
            }
            (start, ascii) = (at + len, true);
        } else if !b.is_ascii() {
            ascii = false;
        }
        at += len;
    }
    if at > start && ascii {
        word(start, at);
    }
}

/// Every pair of adjacent Han characters in `text` whose key (as in
/// [`content_keys`]) `wanted` takes, with its byte span.
pub(crate) fn han_pairs(text: &str, wanted: impl Fn(u64) -> bool) -> Vec<(u64, usize, usize)> {
    let mut out = Vec::new();
    let mut prev: Option<(char, usize)> = None;
    for (at, c) in text.char_indices() {
        if !is_han(c) {
            prev = None;
            continue;
        }
        if let Some((p, start)) = prev {
            let key = pair_key(p, c);
            if wanted(key) {
                out.push((key, start, at + c.len_utf8()));
            }
        }
        prev = Some((c, at));
    }
    out
}

/// Whether a content key stands for a pair of Han characters.
pub(crate) fn is_han_key(key: u64) -> bool {
    key & HAN_BIT != 0
}

/// Whether `around` shares enough content with an advantage's keys to state
/// it in other words: two words, or four character pairs in Chinese.
pub(crate) fn restates(around: &str, advantage: &[u64], stop: &Stopwords) -> bool {
    let shared: KeySet = content_keys(around, stop)
        .into_iter()
        .filter(|k| advantage.contains(k))
        .collect();
    let han = shared.iter().filter(|k| *k & HAN_BIT != 0).count();
    shared.len() - han >= 2 || han >= 4
}
