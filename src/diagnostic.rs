//! Rustc-style messages about a file: `path:line:col: error: message` with an
//! optional `help:` line. Shared by the scenario and lexicon loaders.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    /// 1-based line and column (in characters); 0 when the whole file is meant.
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(path: &str, (line, col): (usize, usize), message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_string(),
            line,
            col,
            severity: Severity::Error,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(path: &str, at: (usize, usize), message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, at, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // file names and messages may quote the file's own text: escape
        // control characters so they never reach the terminal raw
        let path = shown(&self.path, usize::MAX);
        let message = shown(&self.message, usize::MAX);
        if self.line == 0 {
            write!(f, "{path}: {level}: {message}")?;
        } else {
            write!(f, "{path}:{}:{}: {level}: {message}", self.line, self.col)?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", shown(help, usize::MAX))?;
        }
        Ok(())
    }
}

/// 1-based line and character column of a byte offset in `src`.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(src, offset.min(src.len()));
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].trim_end_matches('\r').chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Untrusted text as it may be shown in a message: control characters
/// (terminal escape sequences among them) escaped, and at most `max`
/// characters, the rest replaced by `…`.
pub fn shown(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Names longer than this get no "did you mean": no real id is that long,
/// and comparing long strings costs the product of their lengths.
pub const MAX_SUGGEST_CHARS: usize = 64;

/// Candidates compared for one suggestion, at most: a real list of ids is
/// a few dozen long.
pub const MAX_SUGGEST_CANDIDATES: usize = 500;

/// The closest of `candidates` to `word` by edit distance, if close enough to
/// be a likely typo. The work is bounded: a word or a candidate longer than
/// [`MAX_SUGGEST_CHARS`] is not compared.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if word.chars().nth(MAX_SUGGEST_CHARS).is_some() {
        return None;
    }
    candidates
        .into_iter()
        .take(MAX_SUGGEST_CANDIDATES)
        .filter(|c| c.chars().nth(MAX_SUGGEST_CHARS).is_none())
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| {
            *d <= (c.chars().count() / 3).max(1)
                || (!c.is_empty() && (word.contains(c) || c.contains(word)))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // three rows: two back (for swaps), the previous and the current
    let mut two_back: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(two_back[j - 2] + 1);
            }
            cur[j] = d;
        }
        std::mem::swap(&mut two_back, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_and_ignores_cr() {
        let src = "ab\r\n价格x";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 4), (2, 1));
        assert_eq!(line_col(src, 7), (2, 2));
    }

    #[test]
    fn suggests_near_names() {
        assert_eq!(
            did_you_mean("acknowlege", ["acknowledge", "explore"]),
            Some("acknowledge")
        );
        assert_eq!(did_you_mean("zzz", ["acknowledge", "explore"]), None);
        assert_eq!(did_you_mean("slowness", ["slow", "late"]), Some("slow"));
        assert_eq!(did_you_mean("trems", ["terms"]), Some("terms"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        let long = "a".repeat(100_000);
        assert_eq!(did_you_mean(&long, [long.as_str()]), None);
    }

    #[test]
    fn shown_text_escapes_control_characters_and_is_cut_short() {
        assert_eq!(shown("a\u{1b}[31mb", 80), "a\\u{1b}[31mb");
        assert_eq!(shown("abcdef", 3), "abc…");
    }
}
