//! Finds where a value sits in a RON source, so that semantic errors found on
//! the parsed data can still point at a line and column.
//!
//! serde throws spans away, so we walk the text instead: a path of steps, each
//! searched for after the previous one. If a step is not found the position of
//! the last one found is used, which still lands near the problem.

use crate::diagnostic::line_col;

#[derive(Debug, Clone, Copy)]
pub enum Step<'s> {
    /// A field name followed by `:`.
    Field(&'s str),
    /// An `id: "value"` definition.
    Id(&'s str),
    /// A string literal with exactly this content.
    Quoted(&'s str),
    /// Any text, such as an enum variant name.
    Text(&'s str),
}

pub struct Locator<'a> {
    src: &'a str,
}

impl<'a> Locator<'a> {
    pub fn new(src: &'a str) -> Self {
        Locator { src }
    }

    pub fn at(&self, steps: &[Step]) -> (usize, usize) {
        let mut cursor = 0;
        let mut found = None;
        for step in steps {
            match self.find(*step, cursor) {
                Some((start, end)) => {
                    found = Some(start);
                    cursor = end;
                }
                None => break,
            }
        }
        found.map_or((1, 1), |offset| line_col(self.src, offset))
    }

    fn find(&self, step: Step, from: usize) -> Option<(usize, usize)> {
        match step {
            Step::Field(name) => self.find_field(name, from),
            Step::Quoted(value) => {
                let needle = format!("\"{value}\"");
                let start = from + self.src[from..].find(&needle)?;
                Some((start, start + needle.len()))
            }
            Step::Text(text) => {
                let start = from + self.src[from..].find(text)?;
                Some((start, start + text.len()))
            }
            Step::Id(value) => {
                let needle = format!("\"{value}\"");
                let mut cursor = from;
                loop {
                    let (start, end) = self.find_field("id", cursor)?;
                    let rest = self.src[end..].trim_start();
                    if rest.starts_with(&needle) {
                        return Some((start, end));
                    }
                    cursor = end;
                }
            }
        }
    }

    /// `name` as a whole identifier followed by optional spaces and `:`.
    fn find_field(&self, name: &str, from: usize) -> Option<(usize, usize)> {
        let bytes = self.src.as_bytes();
        let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let mut cursor = from;
        while let Some(pos) = self.src[cursor..].find(name) {
            let start = cursor + pos;
            let end = start + name.len();
            let before_ok = start == 0 || !is_ident(bytes[start - 1]);
            let after = self.src[end..].trim_start_matches([' ', '\t']);
            if before_ok && after.starts_with(':') && !after.starts_with("::") {
                return Some((start, self.src.len() - after.len() + 1));
            }
            cursor = end;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_a_path_of_steps() {
        let src = "(\n  a: (id: \"x\"),\n  b: (id: \"y\", f: [\"x\"]),\n)";
        let loc = Locator::new(src);
        assert_eq!(loc.at(&[Step::Id("y")]), (3, 7));
        assert_eq!(loc.at(&[Step::Id("y"), Step::Quoted("x")]), (3, 20));
        assert_eq!(loc.at(&[Step::Field("b"), Step::Field("f")]), (3, 16));
        // a missing step keeps the last position found
        assert_eq!(loc.at(&[Step::Field("b"), Step::Field("zz")]), (3, 3));
    }
}
