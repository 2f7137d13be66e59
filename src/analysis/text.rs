//! Sentences, clauses and character tests shared by the analyzer's rules.

/// A sentence's byte span; `question` when it asks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sentence {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) question: bool,
    /// It ends with a tag question ("…, right?", "对吧？"); see
    /// [`mark_tag_questions`].
    pub(crate) tagged: bool,
}

impl Sentence {
    /// Whether byte offset `at` falls in the sentence.
    pub(crate) fn contains(&self, at: usize) -> bool {
        at >= self.start && at < self.end
    }
}

/// What a byte may be, for the analyzer's byte scans: one table lookup
/// instead of several comparisons per byte.
pub(crate) const ALPHA: u8 = 1;
pub(crate) const DIGIT: u8 = 2;
/// May start a sentence end (`sentences`): ASCII marks, or the first
/// byte of a full-width one.
const SENTENCE_MARK: u8 = 4;
/// May start a clause mark (`clause_mark`).
const CLAUSE_MARK: u8 = 8;

pub(crate) static BYTES: [u8; 256] = byte_table();

const fn byte_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let mut f = 0;
        if b.is_ascii_alphabetic() {
            f |= ALPHA;
        }
        if b.is_ascii_digit() {
            f |= DIGIT;
        }
        if matches!(b, b'?' | b'!' | b';' | b'\n' | b'.' | 0xEF | 0xE3) {
            f |= SENTENCE_MARK;
        }
        if matches!(
            b,
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\n' | 0xE3 | 0xEF
        ) {
            f |= CLAUSE_MARK;
        }
        t[i] = f;
        i += 1;
    }
    t
}

pub(crate) fn is_punct(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | '!'
                | '?'
                | '。'
                | '！'
                | '？'
                | '，'
                | ','
                | '…'
                | '~'
                | '～'
                | '"'
                | '”'
                | '）'
                | ')'
        )
}

/// Splits at sentence ends (ASCII and full-width) and line breaks; a full
/// stop between digits ("9.5") or after a single letter ("a.m.", "U.S.")
/// does not end a sentence.
pub(crate) fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let ascii = |i: usize| bytes.get(i).copied().filter(u8::is_ascii);
    // a byte scan: every mark is ASCII or one of the full-width marks
    // below, and only ASCII letters and digits matter around a full stop
    for (i, &b) in bytes.iter().enumerate() {
        if BYTES[b as usize] & SENTENCE_MARK == 0 {
            continue;
        }
        let (ends, question) = match b {
            b'?' => (true, true),
            b'!' | b';' | b'\n' => (true, false),
            b'.' => {
                let before = i.checked_sub(1).and_then(ascii);
                let next_digit = ascii(i + 1).is_some_and(|n| n.is_ascii_digit());
                let decimal = before.is_some_and(|p| p.is_ascii_digit()) && next_digit;
                // "a.m.", "e.g.", "U.S.": a single letter before the stop,
                // lower case or run into the next letter; "Vendor B. What…"
                // ends a sentence
                let run_on = ascii(i + 1).is_some_and(|n| n.is_ascii_alphabetic());
                let initial = before
                    .is_some_and(|p| p.is_ascii_lowercase() || (p.is_ascii_uppercase() && run_on))
                    && i.checked_sub(2)
                        .and_then(ascii)
                        .is_none_or(|p| !p.is_ascii_alphabetic());
                (!(decimal || initial), false)
            }
            // ？ ！ ；
            0xEF => match bytes.get(i + 1..i + 3) {
                Some([0xBC, 0x9F]) => (true, true),
                Some([0xBC, 0x81 | 0x9B]) => (true, false),
                _ => (false, false),
            },
            // 。
            0xE3 => (bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]), false),
            _ => (false, false),
        };
        if ends {
            let end = i + if b.is_ascii() { 1 } else { 3 };
            if !text[start..end].trim().is_empty() {
                out.push(Sentence {
                    start,
                    end,
                    question,
                    tagged: false,
                });
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(Sentence {
            start,
            end: text.len(),
            question: false,
            tagged: false,
        });
    }
    out
}

/// A sentence typed without a question mark still asks when it opens
/// with a question word and ends without a full stop ("how much did
/// you spend last year").
pub(crate) fn mark_unpunctuated_questions(
    text: &str,
    sentences: &mut [Sentence],
    question_starts: &[String],
) {
    for s in sentences {
        let body = text[s.start..s.end].trim();
        let ends_flat = body.ends_with(['.', '!', '。', '！']);
        if s.question || ends_flat {
            continue;
        }
        s.question = question_starts.iter().any(|w| {
            starts_with_ci(body, w)
                && !body[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        });
    }
}

/// Marks the sentences that end with a tag question ("…, right?"), once
/// per reply: the LAER rules ask it of every sentence several times.
pub(crate) fn mark_tag_questions(text: &str, sentences: &mut [Sentence], tags: &WordIndex) {
    for s in sentences {
        s.tagged = tags.ends(text[s.start..s.end].trim());
    }
}

/// The length of the clause-ending mark at byte `i`, if one is there:
/// sentence and clause punctuation, but not a decimal point or thousands
/// separator between digits ("81.7", "48,000"). A byte scan: the marks
/// are ASCII or full-width.
fn clause_mark(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes[i] {
        b'.' | b',' => {
            let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
            let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            (!(digit_before && digit_after)).then_some(1)
        }
        b';' | b':' | b'!' | b'?' | b'\n' => Some(1),
        // ， ； ： ！ ？
        0xEF => matches!(
            bytes.get(i + 1..i + 3),
            Some([0xBC, 0x8C | 0x9B | 0x9A | 0x81 | 0x9F])
        )
        .then_some(3),
        // 、 。
        0xE3 => matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x81 | 0x82])).then_some(3),
        _ => None,
    }
}

/// The clause punctuation of a text, found once so that finding the
/// clause around any offset is a binary search, not a scan.
pub(crate) struct Clauses {
    /// Each clause-ending character's start and end.
    marks: Vec<(usize, usize)>,
    len: usize,
}

impl Clauses {
    pub(crate) fn new(text: &str) -> Clauses {
        let bytes = text.as_bytes();
        let mut marks = Vec::with_capacity(8 + bytes.len() / 32);
        for (i, &b) in bytes.iter().enumerate() {
            // only a few bytes can start a mark
            if BYTES[b as usize] & CLAUSE_MARK != 0
                && let Some(len) = clause_mark(bytes, i)
            {
                marks.push((i, i + len));
            }
        }
        Clauses {
            marks,
            len: text.len(),
        }
    }

    /// Where the clause holding byte `at` starts.
    pub(crate) fn start(&self, at: usize) -> usize {
        let i = self.marks.partition_point(|m| m.0 < at);
        i.checked_sub(1).map_or(0, |i| self.marks[i].1)
    }

    /// Where the clause holding byte `at` ends (at its punctuation).
    pub(crate) fn end(&self, at: usize) -> usize {
        let i = self.marks.partition_point(|m| m.0 < at);
        self.marks.get(i).map_or(self.len, |m| m.0)
    }
}

pub(crate) fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    // trimmed from the front first, so blank text gives an empty span
    // rather than one that ends before it starts
    let s = &text[start..end];
    let rest = s.trim_start();
    let lead = s.len() - rest.len();
    let trail = rest.len() - rest.trim_end().len();
    (start + lead, end - trail)
}

/// Lexicon words grouped by their first or last byte (ASCII lower case),
/// built once per analyzer: a lookup per reply tries only the words that
/// can match at that byte, not the whole list. The lexicon check refuses
/// empty words, so none is left out that could match.
pub(crate) struct WordIndex([Vec<Box<str>>; 256]);

impl WordIndex {
    fn new(words: &[String], byte: impl Fn(&[u8]) -> Option<&u8>) -> WordIndex {
        let mut index: [Vec<Box<str>>; 256] = std::array::from_fn(|_| Vec::new());
        for w in words {
            if let Some(b) = byte(w.as_bytes()) {
                index[usize::from(b.to_ascii_lowercase())].push(w.as_str().into());
            }
        }
        WordIndex(index)
    }

    /// `words` by their first byte.
    pub(crate) fn by_first(words: &[String]) -> WordIndex {
        WordIndex::new(words, <[u8]>::first)
    }

    /// `words` by their last byte.
    pub(crate) fn by_last(words: &[String]) -> WordIndex {
        WordIndex::new(words, <[u8]>::last)
    }

    /// The words whose indexed byte is `b`, ASCII case ignored.
    pub(crate) fn at(&self, b: u8) -> &[Box<str>] {
        &self.0[usize::from(b.to_ascii_lowercase())]
    }

    /// Whether `s` ends with one of the words as a word (see
    /// [`ends_with_word`]); for an index `by_last`.
    pub(crate) fn ends(&self, s: &str) -> bool {
        s.as_bytes()
            .last()
            .is_some_and(|&b| self.at(b).iter().any(|w| ends_with_word(s, w)))
    }
}

/// Whether `s` ends with `word` (ASCII case ignored), not inside a longer
/// Latin word ("over" ends "is over", not "turnover").
#[inline]
pub(crate) fn ends_with_word(s: &str, word: &str) -> bool {
    let Some(at) = s.len().checked_sub(word.len()) else {
        return false;
    };
    // most words are told apart by their last byte
    if let (Some(a), Some(b)) = (s.as_bytes().last(), word.as_bytes().last())
        && !a.eq_ignore_ascii_case(b)
    {
        return false;
    }
    s.is_char_boundary(at)
        && s[at..].eq_ignore_ascii_case(word)
        && !(word.starts_with(|c: char| c.is_ascii_alphanumeric())
            && s[..at].ends_with(|c: char| c.is_ascii_alphanumeric()))
}

/// Whether `s` holds nothing but punctuation and spaces.
pub(crate) fn blank(s: &str) -> bool {
    s.trim_matches(|c: char| is_punct(c) || c.is_whitespace())
        .is_empty()
}

pub(crate) fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// `c.is_alphanumeric()`, without the Unicode table lookup for ASCII and
/// the unified Han ideographs (a test holds the two equal for every
/// character): the analyzer asks it of every character of a reply.
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        true
    } else {
        c.is_alphanumeric()
    }
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ascii_letters_lower_case_to_s_and_o() {
        // `echoes` compares "so" without case in place of to_lowercase()
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lower: String = c.to_lowercase().collect();
            if ["s", "o", ",", "so", "o,", "so,"].contains(&lower.as_str()) {
                assert!(c.is_ascii(), "{c:?}");
            }
        }
    }

    #[test]
    fn a_full_stop_after_a_rival_ends_a_sentence_but_not_after_an_initialism() {
        let split = |t: &str| -> Vec<String> {
            sentences(t)
                .iter()
                .map(|s| t[s.start..s.end].trim().to_string())
                .collect()
        };
        assert_eq!(
            split("Cheaper than Vendor B. What does their quote include?"),
            ["Cheaper than Vendor B.", "What does their quote include?"]
        );
        assert_eq!(
            split("See you at 9 a.m. on site."),
            ["See you at 9 a.m. on site."]
        );
        assert_eq!(split("It costs 9.5 k."), ["It costs 9.5 k."]);
    }

    #[test]
    fn a_blank_span_trims_to_an_empty_one() {
        assert_eq!(trim_span(" :", 0, 1), (1, 1));
        assert_eq!(trim_span("  a b ", 0, 6), (2, 5));
        let (start, end) = trim_span(" \t ", 0, 3);
        assert!(start <= end);
    }

    #[test]
    fn is_alnum_is_is_alphanumeric() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
