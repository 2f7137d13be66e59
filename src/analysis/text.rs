//! Sentences, clauses and character tests shared by the analyzer's rules.

/// A sentence's byte span; `question` when it asks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sentence {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) question: bool,
}

impl Sentence {
    /// Whether byte offset `at` falls in the sentence.
    pub(crate) fn contains(&self, at: usize) -> bool {
        at >= self.start && at < self.end
    }
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
/// stop between digits ("9.5") or after a single letter ("a.m.") does not
/// end a sentence.
pub(crate) fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let ends = match c {
            '?' | '？' | '!' | '！' | '。' | ';' | '；' | '\n' => true,
            '.' => {
                let prev = |back: usize| k.checked_sub(back).map(|j| chars[j].1);
                let next_digit = chars.get(k + 1).is_some_and(|(_, n)| n.is_ascii_digit());
                let decimal = prev(1).is_some_and(|p| p.is_ascii_digit()) && next_digit;
                // "a.m.", "e.g.": a single letter before the stop
                let initial = prev(1).is_some_and(|p| p.is_ascii_alphabetic())
                    && prev(2).is_none_or(|p| !p.is_ascii_alphabetic());
                !(decimal || initial)
            }
            _ => false,
        };
        if ends {
            let end = i + c.len_utf8();
            if !text[start..end].trim().is_empty() {
                out.push(Sentence {
                    start,
                    end,
                    question: matches!(c, '?' | '？'),
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

/// Whether `c` at byte `i` ends a clause: sentence and clause punctuation,
/// but not a decimal point or thousands separator between digits ("81.7",
/// "48,000").
fn ends_clause(text: &str, i: usize, c: char) -> bool {
    let digit_before = text[..i].ends_with(|p: char| p.is_ascii_digit());
    let digit_after = text[i + c.len_utf8()..].starts_with(|n: char| n.is_ascii_digit());
    match c {
        '.' | ',' => !(digit_before && digit_after),
        '，' | '、' | ';' | '；' | ':' | '：' | '。' | '!' | '！' | '?' | '？' | '\n' => {
            true
        }
        _ => false,
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
        let marks = text
            .char_indices()
            .filter(|&(i, c)| ends_clause(text, i, c))
            .map(|(i, c)| (i, i + c.len_utf8()))
            .collect();
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
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead, end - trail)
}

/// Whether `s` ends with `word` (ASCII case ignored), not inside a longer
/// Latin word ("over" ends "is over", not "turnover").
pub(crate) fn ends_with_word(s: &str, word: &str) -> bool {
    let Some(at) = s.len().checked_sub(word.len()) else {
        return false;
    };
    s.is_char_boundary(at)
        && s[at..].eq_ignore_ascii_case(word)
        && !(word.starts_with(|c: char| c.is_ascii_alphanumeric())
            && s[..at].ends_with(|c: char| c.is_ascii_alphanumeric()))
}

pub(crate) fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}
