//! Keyword stuffing: the rubric's words listed instead of the moves they
//! name ("Feature: sensors. Benefit: downtime. ROI, case study, trial."), or
//! the same acknowledgement said over and over. A trainer gives such a
//! reply nothing, so the analyzer tags it and no other rule credits it.

use super::Ctx;
use crate::analysis::patterns::{Cue, Hit};
use crate::analysis::text::{Clauses, is_alnum, is_han, is_punct};

/// Labels ("Feature:") that make a reply a rubric recital.
const LABELS: usize = 2;
/// Bare rubric items ("ROI", "case study", "投资回报") in a list.
const BARE_ITEMS: usize = 3;
/// Rubric words that, covering this share of a reply's letters, make it a
/// recital ("feature benefit advantage roi trial case study").
const RUBRIC_SHARE: f64 = 0.3;
const RUBRIC_WORDS: usize = 3;

/// A list of fragments ("投资回报 节能保证 客户案例 分期付款 延保") is a
/// recital when this many of its pieces are verbless fragments, making up
/// this share of them, and at least `LIST_RUBRIC` pieces name the rubric.
const LIST_FRAGMENTS: usize = 4;
const LIST_SHARE: f64 = 0.75;
const LIST_RUBRIC: usize = 2;
/// A fragment: at most this many Han characters, or Latin words.
const FRAGMENT_HAN: usize = 4;
const FRAGMENT_WORDS: usize = 2;

/// Bare acknowledgements ("I hear you. Fair point. Great question.") in one
/// reply that make a stack rather than a reply.
const STACKED_ACKNOWLEDGEMENTS: usize = 3;

/// The longest word people double for emphasis ("理解理解", "对对").
const DOUBLED: usize = 2;

/// The span of the stuffed words, when the reply is stuffed.
pub(crate) fn stuffing(ctx: &Ctx) -> Option<(usize, usize)> {
    let text = ctx.text;
    let rubric: Vec<Hit> = outermost(ctx.any(|c| c == Cue::Rubric).collect());
    let labels: Vec<&Hit> = rubric
        .iter()
        .filter(|h| labels_what_follows(&text[h.end..]))
        .collect();
    let marks = &ctx.clause_marks;
    let bare: Vec<&Hit> = rubric
        .iter()
        .filter(|h| bare_item(text, marks, h))
        .collect();
    let dense = rubric.len() >= RUBRIC_WORDS
        && letters(rubric.iter().map(|h| &text[h.start..h.end])) as f64
            >= RUBRIC_SHARE * letters([text]) as f64;
    let acks = outermost(ctx.any(|c| c == Cue::Acknowledge).collect());
    // clauses, not hits: "明白明白" is one clause said twice
    let clauses_where = |keep: &dyn Fn(&Hit) -> bool| {
        let mut starts: Vec<usize> = acks
            .iter()
            .filter(|h| keep(h))
            .map(|h| marks.start(h.start))
            .collect();
        starts.dedup();
        starts.len()
    };
    // a stack: clauses of nothing but acknowledgements ("I hear you. Fair
    // point. Great question."), or the same acknowledgement said again
    // across clauses it is most of. Three acknowledging clauses that each
    // say something ("理解，五万多确实不是小数目，换我也得掂量") are no stack
    // a short word doubled in one clause ("理解理解", "明白明白") is
    // emphasis, not repetition
    let said_again = acks.iter().enumerate().any(|(i, a)| {
        let word = &text[a.start..a.end];
        acks[i + 1..].iter().any(|b| {
            (marks.start(b.start) != marks.start(a.start) || letters([word]) > DOUBLED)
                && word.eq_ignore_ascii_case(&text[b.start..b.end])
        })
    });
    let stacked = clauses_where(&|h| acknowledgement_only(text, marks, &acks, h))
        >= STACKED_ACKNOWLEDGEMENTS
        || (said_again
            && clauses_where(&|h| bare_item(text, marks, h)) >= STACKED_ACKNOWLEDGEMENTS);
    // "Let me use pain amplification here", "我用一下决策树诊断法"
    let named = rubric.iter().any(|r| {
        ctx.any(|c| c == Cue::Naming)
            .any(|n| n.end <= r.start && marks.start(r.start) <= n.start)
    });
    let recital = labels.len() >= LABELS
        || (!labels.is_empty() && labels.len() + bare_unlabelled(&bare, &labels) >= LABELS)
        || bare.len() >= BARE_ITEMS
        || dense
        || named
        || fragment_list(ctx, &rubric);
    let involved: Vec<&Hit> = if recital || repeated(text, &rubric, 2) {
        rubric.iter().collect()
    } else if repeated(text, &acks, 3) || stacked {
        acks.iter().collect()
    } else {
        return None;
    };
    let start = involved.iter().map(|h| h.start).min()?;
    let end = involved.iter().map(|h| h.end).max()?;
    Some((start, end))
}

/// Bare rubric items that are not labels themselves ("Cost breakdown:" is
/// both).
fn bare_unlabelled(bare: &[&Hit], labels: &[&Hit]) -> usize {
    bare.iter()
        .filter(|b| !labels.iter().any(|l| l.start == b.start))
        .count()
}

/// Whether a rubric word heads what follows as a label ("Benefit:",
/// "痛点放大法：", "cost breakdown method:").
fn labels_what_follows(rest: &str) -> bool {
    let rest = rest.trim_start();
    let rest = ["法", "method", "technique"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    rest.trim_start().starts_with([':', '：'])
}

/// Whether the reply is a list of fragments strung with commas or spaces,
/// naming the rubric, with no figure in it (a list of what a price
/// includes is an offer, not a recital).
fn fragment_list(ctx: &Ctx, rubric: &[Hit]) -> bool {
    if rubric.len() < LIST_RUBRIC || !ctx.numbers.is_empty() {
        return false;
    }
    let text = ctx.text;
    let pieces = list_pieces(text);
    let fragment = |&(start, end): &(usize, usize)| {
        let p = &text[start..end];
        let han = p.chars().filter(|c| is_han(*c)).count();
        if han > 0 {
            han <= FRAGMENT_HAN
        } else {
            p.split_whitespace().count() <= FRAGMENT_WORDS
        }
    };
    let fragments: Vec<&(usize, usize)> = pieces.iter().filter(|p| fragment(p)).collect();
    let naming = fragments
        .iter()
        .filter(|(start, end)| rubric.iter().any(|h| h.start >= *start && h.end <= *end))
        .count();
    fragments.len() >= LIST_FRAGMENTS
        && fragments.len() as f64 >= LIST_SHARE * pieces.len() as f64
        && naming >= LIST_RUBRIC
}

/// The pieces of a list: text between punctuation (list commas and colons
/// too), and between Han
/// characters also between spaces ("投资回报 客户案例"), trimmed.
fn list_pieces(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let han_around = |i: usize| {
        let before = chars[..i].iter().rev().find(|(_, c)| !c.is_whitespace());
        let after = chars[i + 1..].iter().find(|(_, c)| !c.is_whitespace());
        before.is_some_and(|(_, c)| is_han(*c)) && after.is_some_and(|(_, c)| is_han(*c))
    };
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, &(at, c)) in chars.iter().enumerate() {
        let splits = if c.is_whitespace() {
            han_around(i)
        } else {
            is_punct(c)
                || matches!(
                    c,
                    '、' | '；' | ';' | ':' | '：' | '/' | '|' | '→' | '>' | '＞'
                )
        };
        if splits {
            pieces.push((start, at));
            start = at + c.len_utf8();
        }
    }
    pieces.push((start, text.len()));
    pieces
        .into_iter()
        .filter_map(|(s, e)| {
            let piece = &text[s..e];
            let trimmed = piece.trim_matches(is_punct);
            let lead = piece.len() - piece.trim_start_matches(is_punct).len();
            (!trimmed.is_empty()).then_some((s + lead, s + lead + trimmed.len()))
        })
        .collect()
}

/// The same cue `times` times in a row with only punctuation between
/// ("ROI ROI"; "I understand. I understand. I understand."). Twice is
/// how people stress a word ("理解理解", "明白明白"), so acknowledgements
/// need three.
fn repeated(text: &str, hits: &[Hit], times: usize) -> bool {
    hits.windows(times).any(|w| {
        w.windows(2).all(|p| {
            p[0].end <= p[1].start
                && text[p[0].end..p[1].start].trim_matches(is_punct).is_empty()
                && text[p[0].start..p[0].end].eq_ignore_ascii_case(&text[p[1].start..p[1].end])
        })
    })
}

fn letters<'s>(texts: impl IntoIterator<Item = &'s str>) -> usize {
    texts
        .into_iter()
        .flat_map(str::chars)
        .filter(|c| is_alnum(*c))
        .count()
}

/// The hits left when each overlap keeps its longest hit, in order:
/// "换成我也会这么想" is one acknowledgement, not two.
fn outermost(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| (std::cmp::Reverse(h.end - h.start), h.start));
    let mut kept: Vec<Hit> = Vec::new();
    for h in hits {
        if !kept.iter().any(|k| h.start < k.end && k.start < h.end) {
            kept.push(h);
        }
    }
    kept.sort_by_key(|h| h.start);
    kept
}

/// Whether the acknowledgements in `h`'s clause are nearly all of it ("I
/// hear you.", "理解理解，").
fn acknowledgement_only(text: &str, marks: &Clauses, acks: &[Hit], h: &Hit) -> bool {
    let (start, end) = (marks.start(h.start), marks.end(h.end));
    let said = letters(
        acks.iter()
            .filter(|a| a.start >= start && a.end <= end)
            .map(|a| &text[a.start..a.end]),
    );
    said * 4 >= letters([&text[start..end]]) * 3
}

/// Whether rubric word `h` is most of its clause: "ROI," or "案例、", not
/// "the trial runs for a month".
fn bare_item(text: &str, marks: &Clauses, h: &Hit) -> bool {
    let start = marks.start(h.start);
    let end = marks.end(h.end);
    let clause = letters([&text[start..end]]);
    let word = letters([&text[h.start..h.end]]);
    let han = text[start..end].chars().any(is_han);
    let words = text[start..end].split_whitespace().count();
    word * 2 >= clause && (han || words <= 4)
}
