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
        if self.line == 0 {
            write!(f, "{}: {level}: {}", self.path, self.message)?;
        } else {
            write!(
                f,
                "{}:{}:{}: {level}: {}",
                self.path, self.line, self.col, self.message
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
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
        if c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// The closest of `candidates` to `word` by edit distance, if close enough to
/// be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| {
            *d <= (c.chars().count() / 3).max(1)
                || (!c.is_empty() && (word.contains(c) || c.contains(word)))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
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
    }
}
