//! Numbers in replies: ASCII digits ("9,500", "9.5k", "44 grand", "1.2万"),
//! English number words with a scale ("forty-four thousand") and Chinese
//! numerals ("一万二", "两千", "九五折"). One left-to-right scan; each number
//! keeps its byte span so offers can carry evidence.

use super::text::{ALPHA, BYTES, DIGIT, starts_with_ci};

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

fn cn_digit(c: char) -> Option<u32> {
    // a jump table: this runs on every Han character of a reply
    match c {
        '零' | '〇' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
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
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // spaces and ASCII punctuation start no number: the common case
        if b.is_ascii() && !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        if b.is_ascii_alphabetic() {
            // the word's letters, then its letters and digits, in plain
            // index loops over the byte table
            let mut letters = i;
            while letters < bytes.len() && BYTES[bytes[letters] as usize] & ALPHA != 0 {
                letters += 1;
            }
            let mut end = letters;
            while end < bytes.len() && BYTES[bytes[end] as usize] & (ALPHA | DIGIT) != 0 {
                end += 1;
            }
            let word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
            if word_start
                && opens_number(&text[i..letters])
                && let Some(n) = english_number(text, i).or_else(|| spoken_number(text, i))
            {
                i = n.end;
                out.push(n);
                continue;
            }
            // model numbers such as "PK560" are names, not amounts
            i = end;
            continue;
        }
        let found = if b.is_ascii_digit() {
            ascii_number(text, i)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if cn_digit(c).is_some()
                || (c == '十' && !text[..i].ends_with(|p: char| cn_digit(p).is_some()))
            {
                chinese_number(text, i)
            } else {
                // not a numeral: step over the whole character
                i += c.len_utf8();
                continue;
            }
        };
        match found {
            Some(n) => {
                i = n.end;
                out.push(n);
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
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
    let word = ascii_word(after);
    let is = |w: &str| word.eq_ignore_ascii_case(w);
    let scale = if is("thousand") || is("grand") || is("k") {
        Some(1000.0)
    } else if is("million") || is("mil") {
        Some(1_000_000.0)
    } else {
        None
    };
    match scale {
        Some(s) => (Some(s), 1 + word.len()),
        None => (None, 0),
    }
}

/// The run of ASCII letters at the start of `s`.
fn ascii_word(s: &str) -> &str {
    let len = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    &s[..len]
}

/// The English number words, as a list: `word_value` reads the same words
/// (a test holds them equal).
#[cfg(test)]
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

/// Whether `word` (ASCII letters) is a number word, the only kind of word
/// `english_number` reads first: most words of a reply are passed over
/// with a look at their length and first letter.
fn opens_number(word: &str) -> bool {
    let first = word.as_bytes().first().map(u8::to_ascii_lowercase);
    if !(3..=9).contains(&word.len())
        || !matches!(first, Some(b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n'))
    {
        return false;
    }
    let mut buf = [0u8; LONGEST_WORD];
    lowered(word, &mut buf).is_some_and(|w| word_value(w).is_some())
}

/// The longest word `english_number` reads ("seventeen").
const LONGEST_WORD: usize = 9;

/// `word` lower-cased into `buf`, when it fits: no number word is longer.
fn lowered<'b>(word: &str, buf: &'b mut [u8; LONGEST_WORD]) -> Option<&'b [u8]> {
    if word.len() > LONGEST_WORD {
        return None;
    }
    for (d, b) in buf.iter_mut().zip(word.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    Some(&buf[..word.len()])
}

/// The value of a lower-case number word of `EN_WORDS`, matched as one
/// `match` (a jump on the length, then a few comparisons) rather than by
/// walking the list: every English word of a reply is looked up.
fn word_value(lower: &[u8]) -> Option<f64> {
    let v = match lower {
        b"zero" => 0.0,
        b"one" => 1.0,
        b"two" => 2.0,
        b"three" => 3.0,
        b"four" => 4.0,
        b"five" => 5.0,
        b"six" => 6.0,
        b"seven" => 7.0,
        b"eight" => 8.0,
        b"nine" => 9.0,
        b"ten" => 10.0,
        b"eleven" => 11.0,
        b"twelve" => 12.0,
        b"thirteen" => 13.0,
        b"fourteen" => 14.0,
        b"fifteen" => 15.0,
        b"sixteen" => 16.0,
        b"seventeen" => 17.0,
        b"eighteen" => 18.0,
        b"nineteen" => 19.0,
        b"twenty" => 20.0,
        b"thirty" => 30.0,
        b"forty" => 40.0,
        b"fifty" => 50.0,
        b"sixty" => 60.0,
        b"seventy" => 70.0,
        b"eighty" => 80.0,
        b"ninety" => 90.0,
        _ => return None,
    };
    Some(v)
}

/// Reads number words with a scale, as people say prices: "forty-four
/// thousand", "forty four grand", "twelve hundred". Without a scale word
/// ("two weeks", "one customer") it reads nothing.
fn english_number(text: &str, start: usize) -> Option<Number> {
    number_words(text, start).filter(|n| n.scaled)
}

/// Number words at byte `at` of `text`, with or without a scale ("twelve",
/// "forty-five", "four grand"): for a caller that knows a figure stands
/// there ("make it twelve"), as [`scan`] does not read "twelve" alone.
pub fn words_at(text: &str, at: usize) -> Option<Number> {
    number_words(text, at).filter(|n| n.value >= 1.0)
}

fn number_words(text: &str, start: usize) -> Option<Number> {
    let (mut total, mut section, mut scaled) = (0.0, 0.0, false);
    let mut end = start;
    let mut at = start;
    loop {
        let word = ascii_word(&text[at..]);
        // lower-cased into a small buffer once
        let mut buf = [0u8; LONGEST_WORD];
        let Some(lower) = lowered(word, &mut buf) else {
            break;
        };
        let and = lower == b"and";
        match lower {
            b"hundred" if section > 0.0 => {
                section *= 100.0;
                scaled = true;
            }
            b"thousand" | b"grand" if section > 0.0 => {
                total += section * 1000.0;
                section = 0.0;
                scaled = true;
            }
            b"million" if section > 0.0 => {
                total += section * 1_000_000.0;
                section = 0.0;
                scaled = true;
            }
            b"and" if section > 0.0 || total > 0.0 => {}
            w => match word_value(w) {
                Some(v) => section += v,
                None => break,
            },
        }
        if !and {
            end = at + word.len();
        }
        at += word.len();
        match text.as_bytes().get(at) {
            Some(b' ' | b'-') => at += 1,
            _ => break,
        }
    }
    (end > start).then_some(Number {
        start,
        end,
        value: total + section,
        digits: 0,
        chinese: false,
        scaled,
    })
}

/// The number word at byte `at` of `text` (any case) and its end.
fn number_word(text: &str, at: usize) -> Option<(f64, usize)> {
    let word = ascii_word(text.get(at..)?);
    let mut buf = [0u8; LONGEST_WORD];
    word_value(lowered(word, &mut buf)?).map(|v| (v, at + word.len()))
}

/// The byte after a space or hyphen at `at`, where words of one number
/// join.
fn joined(text: &str, at: usize) -> Option<usize> {
    matches!(text.as_bytes().get(at), Some(b' ' | b'-')).then_some(at + 1)
}

/// Prices as people say them without the thousands: "forty-six five"
/// (46,500), "fifteen-two" (15,200), "twenty and a half" (20,500); and a
/// hyphenated number by itself ("forty-four"), unscaled, which an offer
/// frame may read in thousands (see `offers`), or a percentage ("ten
/// percent"). "Twenty five" is 25, and a lone "fifteen" or "two" reads
/// nothing ("two weeks", "fifteen people").
fn spoken_number(text: &str, start: usize) -> Option<Number> {
    let (first, mut end) = number_word(text, start)?;
    let mut whole = first;
    let mut hyphenated = false;
    // "forty-six", "forty six"
    if first >= 20.0
        && let Some((unit, e)) = joined(text, end).and_then(|at| number_word(text, at))
        && (1.0..=9.0).contains(&unit)
    {
        hyphenated = text.as_bytes()[end] == b'-';
        whole += unit;
        end = e;
    }
    let number = |value: f64, end: usize, scaled: bool| Number {
        start,
        end,
        value,
        digits: 0,
        chinese: false,
        scaled,
    };
    // "ten percent", "fifteen per cent": a percentage said in words
    let rest = text[end..].trim_start_matches(' ');
    if ["percent", "per cent", "%"]
        .iter()
        .any(|p| starts_with_ci(rest, p))
    {
        return Some(number(whole, end, false));
    }
    if whole < 11.0 {
        return None;
    }
    // "… five": hundreds of the thousand
    if let Some((hundreds, e)) = joined(text, end).and_then(|at| number_word(text, at))
        && (1.0..=9.0).contains(&hundreds)
        && (whole < 20.0 || whole % 10.0 != 0.0)
    {
        return Some(number(whole * 1000.0 + hundreds * 100.0, e, true));
    }
    let half = " and a half";
    if starts_with_ci(&text[end..], half) {
        return Some(number(whole * 1000.0 + 500.0, end + half.len(), true));
    }
    hyphenated.then(|| number(whole, end, false))
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
    fn reads_prices_said_without_the_thousands() {
        assert_eq!(values("forty-six five, final"), [46_500.0]);
        assert_eq!(values("I moved to fifteen-two"), [15_200.0]);
        assert_eq!(values("Sixteen eight a year"), [16_800.0]);
        assert_eq!(values("twenty and a half"), [20_500.0]);
        assert_eq!(values("so forty-four"), [44.0]);
        assert_eq!(
            values("ten percent off, twenty-five per cent"),
            [10.0, 25.0]
        );
        // a number of things, not a price
        assert!(values("twenty five people, two weeks, fifteen seats").is_empty());
        assert!(values("forty five").is_empty());
    }

    #[test]
    fn number_words_are_looked_up_by_their_list() {
        for (w, v) in EN_WORDS {
            assert_eq!(word_value(w.as_bytes()), Some(*v), "{w}");
        }
        for (w, _) in EN_WORDS {
            assert!(opens_number(w) && opens_number(&w.to_uppercase()), "{w}");
        }
        assert!(!opens_number("hundred") && !opens_number("the") && !opens_number("on"));
        assert_eq!(word_value(b"hundred"), None);
        assert_eq!(word_value(b"the"), None);
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
