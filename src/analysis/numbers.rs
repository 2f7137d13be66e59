//! Numbers in replies: ASCII digits ("9,500", "9.5k", "44 grand", "1.2万"),
//! English number words with a scale ("forty-four thousand") and Chinese
//! numerals ("一万二", "两千", "九五折"). One left-to-right scan; each number
//! keeps its byte span so offers can carry evidence.

/// A number found in text, before deciding whether it is a price.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Written with a thousands separator, decimal point or magnitude suffix.
    pub digits: usize,
    pub chinese: bool,
    /// Written with a magnitude ("9.5k", "1.2万", "两千"): usually money.
    pub scaled: bool,
}

const CN_DIGITS: &[(char, u32)] = &[
    ('零', 0),
    ('〇', 0),
    ('一', 1),
    ('二', 2),
    ('两', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('七', 7),
    ('八', 8),
    ('九', 9),
];

fn cn_digit(c: char) -> Option<u32> {
    CN_DIGITS.iter().find(|(d, _)| *d == c).map(|(_, v)| *v)
}

fn cn_unit(c: char) -> Option<f64> {
    match c {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1000.0),
        '万' => Some(10_000.0),
        '亿' => Some(100_000_000.0),
        _ => None,
    }
}

/// All numbers in `text`, in order.
pub fn scan(text: &str) -> Vec<Number> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let word_start = !text[..i].ends_with(|p: char| p.is_ascii_alphanumeric());
        if c.is_ascii_alphabetic()
            && word_start
            && let Some(n) = english_number(text, i)
        {
            i = n.end;
            out.push(n);
            continue;
        }
        if c.is_ascii_alphabetic() {
            // model numbers such as "PK560" are names, not amounts
            i += text[i..]
                .bytes()
                .take_while(u8::is_ascii_alphanumeric)
                .count();
            continue;
        }
        let found = if c.is_ascii_digit() {
            ascii_number(text, i)
        } else if cn_digit(c).is_some()
            || (c == '十' && !text[..i].ends_with(|p: char| cn_digit(p).is_some()))
        {
            chinese_number(text, i)
        } else {
            None
        };
        match found {
            Some(n) => {
                i = n.end;
                out.push(n);
            }
            None => i += c.len_utf8(),
        }
    }
    out
}

fn ascii_number(text: &str, start: usize) -> Option<Number> {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut raw = String::new();
    let mut digits = 0;
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_digit() {
            raw.push(b as char);
            digits += 1;
            end += 1;
        } else if (b == b',' || b == b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            // "9,500" groups thousands; "9.5" is a decimal; "1,2" is not a number pair we read
            let group = bytes[end + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if b == b',' && group != 3 {
                break;
            }
            if b == b'.' {
                raw.push('.');
            }
            end += 1;
        } else {
            break;
        }
    }
    let mut value: f64 = raw.parse().ok()?;
    // magnitude suffix: "9.5k", "1.2万", "3千", "2m"; "78 万" with a space too
    if text[end..].starts_with(' ')
        && text[end + 1..]
            .chars()
            .next()
            .and_then(cn_unit)
            .is_some_and(|u| u >= 1000.0)
    {
        end += 1;
    }
    let rest = &text[end..];
    let suffix = rest.chars().next();
    let after_suffix = rest.chars().nth(1);
    let multiplier = match suffix {
        Some('k' | 'K') if !after_suffix.is_some_and(|c| c.is_ascii_alphabetic()) => Some(1000.0),
        Some('m' | 'M') if !after_suffix.is_some_and(|c| c.is_ascii_alphabetic()) => {
            Some(1_000_000.0)
        }
        Some(c) => cn_unit(c).filter(|u| *u >= 1000.0),
        None => None,
    };
    if let Some(m) = multiplier {
        value *= m;
        end += suffix.map_or(0, char::len_utf8);
        if suffix.is_some_and(|c| cn_unit(c).is_some()) {
            let (more, len) = trailing_digit(&text[end..], m);
            value += more;
            end += len;
        }
    }
    // "44 grand", "45 thousand", "45 K", "1.2 million"
    let (word_scale, word_len) = if multiplier.is_none() {
        scale_word(&text[end..])
    } else {
        (None, 0)
    };
    if let Some(m) = word_scale {
        value *= m;
        end += word_len;
    }
    let multiplier = multiplier.or(word_scale);
    Some(Number {
        start,
        end,
        value,
        digits,
        chinese: false,
        scaled: multiplier.is_some(),
    })
}

/// A scale word after a number and one space: its multiplier and the
/// bytes it takes, space included.
fn scale_word(rest: &str) -> (Option<f64>, usize) {
    let Some(after) = rest.strip_prefix(' ') else {
        return (None, 0);
    };
    let word: String = after
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let scale = match word.to_ascii_lowercase().as_str() {
        "thousand" | "grand" | "k" => Some(1000.0),
        "million" | "mil" => Some(1_000_000.0),
        _ => None,
    };
    match scale {
        Some(s) => (Some(s), 1 + word.len()),
        None => (None, 0),
    }
}

const EN_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Reads number words with a scale, as people say prices: "forty-four
/// thousand", "forty four grand", "twelve hundred". Without a scale word
/// ("two weeks", "one customer") it reads nothing.
fn english_number(text: &str, start: usize) -> Option<Number> {
    let (mut total, mut section, mut scaled) = (0.0, 0.0, false);
    let mut end = start;
    let mut at = start;
    loop {
        let word: String = text[at..]
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        let lower = word.to_ascii_lowercase();
        match lower.as_str() {
            "hundred" if section > 0.0 => {
                section *= 100.0;
                scaled = true;
            }
            "thousand" | "grand" if section > 0.0 => {
                total += section * 1000.0;
                section = 0.0;
                scaled = true;
            }
            "million" if section > 0.0 => {
                total += section * 1_000_000.0;
                section = 0.0;
                scaled = true;
            }
            "and" if section > 0.0 || total > 0.0 => {}
            w => match EN_WORDS.iter().find(|(name, _)| *name == w) {
                Some((_, v)) => section += v,
                None => break,
            },
        }
        if lower != "and" {
            end = at + word.len();
        }
        at += word.len();
        match text[at..].chars().next() {
            Some(' ' | '-') => at += 1,
            _ => break,
        }
    }
    scaled.then_some(Number {
        start,
        end,
        value: total + section,
        digits: 0,
        chinese: false,
        scaled: true,
    })
}

/// "29万5" is 295,000 and "29万5千" too: one digit after a Chinese unit
/// counts one step below it, or in the unit that follows it. Returns the
/// value to add and the bytes read.
fn trailing_digit(rest: &str, unit: f64) -> (f64, usize) {
    let mut chars = rest.chars();
    let Some(d) = chars.next().and_then(|c| c.to_digit(10)) else {
        return (0.0, 0);
    };
    match chars.next() {
        Some(c) if c.is_ascii_digit() || c == '.' => (0.0, 0),
        Some(c) if cn_unit(c).is_some_and(|u| u < unit) => {
            (f64::from(d) * cn_unit(c).unwrap_or(0.0), 1 + c.len_utf8())
        }
        _ => (f64::from(d) * unit / 10.0, 1),
    }
}

/// Reads "一万二千", "一万二" (colloquial 12,000), "两千五" (2,500), "三十".
fn chinese_number(text: &str, start: usize) -> Option<Number> {
    let mut total = 0.0;
    let mut section = 0.0;
    let mut digit: Option<f64> = None;
    let mut last_unit = 1.0;
    let mut end = start;
    let mut count = 0;
    for (offset, c) in text[start..].char_indices() {
        if let Some(d) = cn_digit(c) {
            if digit.is_some() {
                break; // "九五" reads as two digits: let the caller handle it
            }
            digit = Some(d as f64);
        } else if let Some(unit) = cn_unit(c) {
            let d = digit.take().unwrap_or(if unit == 10.0 { 1.0 } else { 0.0 });
            if unit >= 10_000.0 {
                total = (total + section + d) * unit;
                section = 0.0;
            } else {
                section += d * unit;
            }
            last_unit = unit;
        } else {
            break;
        }
        end = start + offset + c.len_utf8();
        count += 1;
    }
    if count == 0 || (count == 1 && digit.is_some() && cn_unit_char_before(text, start)) {
        return None;
    }
    // a trailing bare digit is one step below the last unit: 一万二 = 12,000
    if let Some(d) = digit {
        section += if count > 1 && last_unit > 1.0 {
            d * last_unit / 10.0
        } else {
            d
        };
    }
    let value = total + section;
    Some(Number {
        start,
        end,
        value,
        digits: count,
        chinese: true,
        scaled: last_unit >= 1000.0,
    })
}

fn cn_unit_char_before(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| cn_unit(c).is_some())
}

/// A Chinese discount written as a fraction of the price paid: "九折" = 10%
/// off, "九五折" = 5% off, "8.5折" = 15% off. `before` is the text up to "折".
pub fn zhe_discount(before: &str) -> Option<(usize, f64)> {
    let tail: Vec<(usize, char)> = before.char_indices().rev().take(3).collect();
    // ASCII: "9折", "8.5折"
    let ascii_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, _)| i);
    if let Some(s) = ascii_start {
        let paid: f64 = before[s..].parse().ok()?;
        let tenths = if paid >= 10.0 { paid / 10.0 } else { paid };
        return (tenths > 0.0 && tenths < 10.0).then(|| (s, round2(100.0 - tenths * 10.0)));
    }
    // Chinese: "九折" or "九五折"
    let mut digits = Vec::new();
    let mut start = before.len();
    for (i, c) in tail {
        match cn_digit(c) {
            Some(d) if digits.len() < 2 => {
                digits.insert(0, d);
                start = i;
            }
            _ => break,
        }
    }
    let paid_percent = match digits.as_slice() {
        [d] => *d as f64 * 10.0,
        [a, b] => (*a * 10 + *b) as f64,
        _ => return None,
    };
    (paid_percent > 0.0 && paid_percent < 100.0).then(|| (start, round2(100.0 - paid_percent)))
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        scan(text).into_iter().map(|n| n.value).collect()
    }

    #[test]
    fn reads_ascii_forms() {
        assert_eq!(
            values("$9,500 or 9.5k or 8000"),
            vec![9500.0, 9500.0, 8000.0]
        );
        assert_eq!(values("1.2万元"), vec![12000.0]);
        assert_eq!(values("29万5，不能再少"), vec![295000.0]);
        assert_eq!(values("29万5千"), vec![295000.0]);
        assert_eq!(values("3千5百块"), vec![3500.0]);
        assert_eq!(values("29万 5台"), vec![290000.0, 5.0]);
        assert_eq!(values("¥12,000"), vec![12000.0]);
        assert_eq!(values("in 2 years, 40 seats"), vec![2.0, 40.0]);
        assert_eq!(values("PK560 and 1,23"), vec![1.0, 23.0]);
    }

    #[test]
    fn reads_english_scales_and_number_words() {
        assert_eq!(
            values("44 grand, 45 thousand and 1.2 million"),
            [44_000.0, 45_000.0, 1_200_000.0]
        );
        assert_eq!(values("forty-four thousand five hundred"), [44_500.0]);
        assert_eq!(values("forty four grand"), [44_000.0]);
        assert_eq!(values("two weeks and one customer"), Vec::<f64>::new());
        assert_eq!(values("twelve hundred a month"), [1_200.0]);
    }

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(values("一万二"), vec![12000.0]);
        assert_eq!(values("两千"), vec![2000.0]);
        assert_eq!(values("三十一万"), vec![310000.0]);
        assert_eq!(values("两千五"), vec![2500.0]);
        assert_eq!(values("十二"), vec![12.0]);
        assert_eq!(values("一万两千元"), vec![12000.0]);
    }

    #[test]
    fn reads_zhe_discounts() {
        assert_eq!(zhe_discount("打九"), Some((3, 10.0)));
        assert_eq!(zhe_discount("九五"), Some((0, 5.0)));
        assert_eq!(zhe_discount("打8.5"), Some((3, 15.0)));
        assert_eq!(zhe_discount("打"), None);
    }
}
