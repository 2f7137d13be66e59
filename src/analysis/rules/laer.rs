//! LAER: listen, acknowledge, explore, respond.

use super::{Ctx, scope};
use crate::analysis::analyzer::QuestionKind;
use crate::analysis::builder::Builder;
use crate::analysis::offers::CONNECTIVE;
use crate::analysis::paraphrase::{KeySet, content_keys, is_han_key};
use crate::analysis::patterns::{Cue, Hit};
use crate::analysis::tags::{Fab, Laer, Negative, Technique};
use crate::analysis::text::{Sentence, blank, is_han, is_punct, starts_with_ci, trim_span};

/// Listen: a restating frame ("so what you're saying") that reflects the
/// customer's concern. A paraphrase may reflect the customer's last line or
/// any concern they hold in this scenario; with neither known, the frame
/// counts.
pub(crate) fn listen(ctx: &Ctx, b: &mut Builder) {
    let listens: Vec<Hit> = ctx.any(|c| c == Cue::Listen).collect();
    // "And you think 24k is expensive? Come on." sets up an argument
    let rebutted = !listens.is_empty() && ctx.any(rebuts).next().is_some();
    for h in listens {
        let sentence = ctx.sentence_of(&h);
        let rhetorical = |s: Sentence| s.question && rebutted;
        if sentence.is_some_and(|s| asks_openly(ctx, s) || rhetorical(s)) {
            continue;
        }
        // the customer's own figure said back is their words too; a frame
        // that leads into our own plan pitches ("Sounds like you need our
        // studio plan")
        let says_back = match sentence {
            Some(s) => {
                (reflects_keys(ctx, ctx.keys_of(s)) || says_their_figure(ctx, s.start, s.end))
                    && !leads_to_us(ctx, &h, s)
            }
            None => reflects(ctx, ctx.text),
        };
        // a restating frame that opens a statement says the customer's
        // objection back in the player's own words when what it restates
        // is a problem ("So you're saying you can't wait that long", "您的
        // 意思是，我们根本没把您的事当回事"): a negation after the frame and
        // before any "but". Not when it argues or names something nobody
        // raised ("So what you're saying is you like golf.")
        let reframed = sentence.is_some_and(|s| {
            let within = ctx.hits_in(s.start, s.end);
            let turn = within
                .iter()
                .find(|o| o.cue == Cue::Contrast && o.start >= h.end)
                .map_or(s.end, |o| o.start);
            blank(&ctx.text[s.start..h.start])
                && !s.question
                && within.iter().any(|o| {
                    o.cue == Cue::Negator
                        && o.start >= h.end
                        && o.end <= turn
                        && negates(ctx.text, o)
                })
                && !within.iter().any(|o| rebuts(o.cue))
        });
        let restated = || !rebutted && sentence.is_some_and(|s| put_in_own_words(ctx, &h, s));
        if says_back || reframed || restated() {
            b.tag_laer(Laer::Listen, h);
            return;
        }
    }
    let restated = |s: &Sentence| echoes(ctx, *s) || restates_with_check(ctx, *s);
    let span = match ctx.sentences.iter().copied().find(restated) {
        Some(s) => Some(trim_span(ctx.text, s.start, s.end)),
        None => echo_lead(ctx)
            .or_else(|| received_then_said_back(ctx))
            .or_else(|| said_back_then_acknowledged(ctx))
            .or_else(|| explained_acknowledgement(ctx)),
    };
    if let Some((start, end)) = span {
        b.evidence_span("listen", start, end);
        b.add_laer(Laer::Listen);
    }
}

/// Words that put the customer (or the people they speak for) in a clause.
const THEIR_SIDE: [&str; 15] = [
    "you", "your", "you're", "youre", "you've", "you'd", "u", "ur", "they", "their", "them", "she",
    "her", "he", "his",
];
const THEIR_PRONOUNS_HAN: [char; 4] = ['您', '你', '她', '他'];

/// Frames that quote the customer rather than put them in other words.
const QUOTING_FRAMES: [&str; 8] = [
    "said",
    "told",
    "mentioned",
    "说过",
    "您说",
    "你说",
    "提到",
    "提过",
];

/// The most bytes before a restating frame in its sentence (a word of
/// receipt), and the most a restatement after it runs to.
const FRAME_LEAD: usize = 24;
const RESTATEMENT: usize = 240;

/// The least a restatement after a frame says: Latin words, or Han characters.
const RESTATED_WORDS: usize = 3;
const RESTATED_FRAME_HAN: usize = 4;

/// A restating frame that opens a statement (at most a word of receipt
/// before it) and goes on to say the customer's problem in the player's own
/// words, with none of theirs ("Sounds like you felt hurried and then were
/// left with the pain", "也就是说报完您自己还得掏5300左右"): it names them
/// and a trouble or a negation, and neither pitches, offers nor turns with
/// a "but".
fn put_in_own_words(ctx: &Ctx, h: &Hit, s: Sentence) -> bool {
    if s.question || ctx.sarcastic() || h.start - s.start > FRAME_LEAD {
        return false;
    }
    // "明白，也就是说…", "OK so it sounds like…": receipts and one word more
    let lead_hits = ctx.hits_in(s.start, h.start);
    let receipt_only = lead_hits.iter().all(|o| {
        o.end <= h.start && matches!(o.cue, Cue::Receipt | Cue::Acknowledge | Cue::Summary)
    });
    // "You said you'd pay on time…" quotes them to hold them to it
    let frame = ctx.text[h.start..h.end].to_ascii_lowercase();
    if QUOTING_FRAMES.iter().any(|w| frame.contains(w)) {
        return false;
    }
    let mut lead = ctx.text[s.start..h.start].to_string();
    for o in lead_hits {
        lead = lead.replacen(&ctx.text[o.start..o.end], "", 1);
    }
    let lead_words = lead
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    if !receipt_only || lead_words > 1 || lead.chars().any(is_han) {
        return false;
    }
    // what is said back, within a restatement's length
    let limit = s.end.min(ctx.text.floor_char_boundary(h.end + RESTATEMENT));
    let said = &ctx.text[h.end..limit];
    let after = ctx.hits_in(h.end, limit);
    // "…your budget is tight, but you drove here in a Tesla" sets up a turn
    let turns_or_pitches = after.iter().any(|o| {
        matches!(
            o.cue,
            Cue::Contrast
                | Cue::Feature(_)
                | Cue::Offer
                | Cue::GenericFeature
                | Cue::Ours
                | Cue::Rubric
        )
    });
    // "So what you're saying is you like golf." names no problem of theirs
    let trouble = after
        .iter()
        .any(|o| o.cue == Cue::Trouble || (o.cue == Cue::Negator && negates(ctx.text, o)));
    let han = said.chars().filter(|c| is_han(*c)).count();
    // the frame may name them itself ("So you're worried about…")
    let framed = &ctx.text[h.start..limit];
    let theirs = framed.chars().any(|c| THEIR_PRONOUNS_HAN.contains(&c))
        || latin_words(framed).any(|w| THEIR_SIDE.iter().any(|t| w.eq_ignore_ascii_case(t)));
    let long_enough = latin_words(said).count() >= RESTATED_WORDS || han >= RESTATED_FRAME_HAN;
    // their worry about us ("you're worried we'll be late again") is theirs;
    // our pitch is not
    !turns_or_pitches && trouble && theirs && long_enough
}

/// Whether the clause after frame `h` pitches our side: "our plan", a
/// feature or an offer (their worry about us, "we'll be late again", is
/// theirs).
fn leads_to_us(ctx: &Ctx, h: &Hit, s: Sentence) -> bool {
    let end = ctx.clause_marks.end(h.end).min(s.end);
    ctx.hits_in(h.end, end).iter().any(|o| match o.cue {
        Cue::Ours | Cue::Feature(_) | Cue::GenericFeature => true,
        // "at" and "for" frame a figure, not a pitch
        Cue::Offer => o.end - o.start > CONNECTIVE,
        _ => false,
    })
}

/// Whether negator hit `o` negates: 不错, 不过, 不然, 不管, 不少, 不如 and
/// 没问题 are words of their own.
fn negates(text: &str, o: &Hit) -> bool {
    let after = &text[o.end..];
    match &text[o.start..o.end] {
        "不" => !after.starts_with(['错', '过', '然', '管', '少', '如', '仅', '但', '久']),
        "没" | "没有" => !after.starts_with("问题") && !after.starts_with("关系"),
        _ => true,
    }
}

/// An argument, a push or a boast: what a rhetorical restatement sets up.
fn rebuts(c: Cue) -> bool {
    matches!(
        c,
        Cue::Negative(Negative::Arguing | Negative::Pressure | Negative::Exaggeration)
    )
}

/// The longest opening fragment that can be an echo, in Latin words.
const LEAD_WORDS: usize = 7;

/// A reply that opens with a short fragment saying the customer's own
/// figure or words back and goes on: the span of that fragment, when it is
/// received ("Twenty percent, yeah that stings", "14k, noted.", "Two sizes,
/// got it."), not argued with ("Bigger plant? It's literally the smallest…")
/// nor turned with a "but" ("Cheaper up front, yes. But…"). A figure the
/// player offers is their own, not the customer's. Not in Chinese, where a
/// short first clause is how most sentences start ("您说下季度再说，…")
/// and, in the replies people wrote, mostly sets up an answer.
fn echo_lead(ctx: &Ctx) -> Option<(usize, usize)> {
    let first = echo_opening(ctx)?;
    let end = ctx.clause_marks.end(first.start).min(first.end);
    let (start, end) = trim_span(ctx.text, first.start, end);
    let lead = &ctx.text[start..end];
    let short = !lead.chars().any(is_han) && lead.split_whitespace().count() <= LEAD_WORDS;
    let more = !blank(&ctx.text[end..]);
    // "Thanks for sharing the 44 figure, …" thanks, it does not echo
    let thanks = ctx
        .hits_in(start, end)
        .iter()
        .any(|h| h.cue == Cue::Acknowledge);
    if start >= end || !short || !more || thanks || ctx.offered_in(first) {
        return None;
    }
    let theirs = says_their_figure(ctx, start, end) || shares_word(ctx, lead);
    (theirs && received(ctx, first, end)).then_some((start, end))
}

/// The Han characters a clause about the customer's side runs to after a
/// receipt.
const THEIR_SIDE_HAN: usize = 4;
/// What in such a clause asks or advises them instead ("您再考虑考虑").
const ASKS_OF_THEM: [&str; 14] = [
    "放心", "您看", "你看", "稍等", "您先", "你先", "请您", "请你", "您别", "你别", "要不", "可以",
    "考虑", "商量",
];
/// Chinese words of receipt that say the point was understood.
const UNDERSTOOD: [&str; 6] = ["明白", "懂", "理解", "了解", "清楚", "听出来"];

/// The customer's Han character pairs a clause after a receipt must say.
const AFTER_RECEIPT_HAN_PAIRS: usize = 2;
/// English words of receipt that only take in what was said.
const PLAIN_RECEIPTS: [&str; 7] = [
    "got it",
    "gotcha",
    "noted",
    "understood",
    "ok",
    "okay",
    "i see",
];

/// The customer's Latin words an English clause after a receipt must say.
const AFTER_RECEIPT_WORDS: usize = 2;

/// A reply that opens with a word of receipt alone and then says the
/// customer's point back in the next clause ("明白，嫂子管账那肯定得她拍板",
/// "Understood, the money's there in April, not now."): the span of that
/// clause. Not a question, an offer or a product pitch, and not set up for
/// an argument.
fn received_then_said_back(ctx: &Ctx) -> Option<(usize, usize)> {
    let first = echo_opening(ctx)?;
    let lead_end = ctx.clause_marks.end(first.start);
    let lead = ctx.hits_in(first.start, lead_end);
    let alone = |h: &&Hit| {
        matches!(h.cue, Cue::Receipt | Cue::Acknowledge)
            && first.start <= h.start
            && h.end <= lead_end
            && ctx.text[first.start..h.start].trim().is_empty()
            && ctx.text[h.end..lead_end].trim().is_empty()
    };
    let only_receipt = lead.iter().any(|h| alone(&h));
    // in English an acknowledgement goes on to name what it acknowledges
    // ("Totally get it, busy quarters are brutal."): only a plain receipt
    // leads to a restatement ("Got it, …"); "sure", "right" or "great" as often agree and go on
    // to the player's own point
    let bare_receipt = lead.iter().any(|h| {
        alone(&h)
            && h.cue == Cue::Receipt
            && PLAIN_RECEIPTS
                .iter()
                .any(|r| ctx.text[h.start..h.end].eq_ignore_ascii_case(r))
    });
    if !only_receipt || lead_end >= first.end {
        return None;
    }
    // the clause after the mark that ends the receipt's
    let next = ctx.clause_marks.start(lead_end + 1);
    let end = ctx.clause_marks.end(next).min(first.end);
    let (start, end) = trim_span(ctx.text, next, end);
    let said = ctx.text.get(start..end)?;
    if first.question || ctx.offered_in(first) || said.is_empty() {
        return None;
    }
    let pitches_or_turns = ctx.hits_in(start, end).iter().any(|h| {
        matches!(
            h.cue,
            Cue::Feature(_) | Cue::Offer | Cue::GenericFeature | Cue::Contrast
        )
    });
    // "资料我留下" promises, it does not say back
    let promises = speaks_for_us(said);
    let (han, words) = their_keys(ctx, content_keys(said, ctx.stopwords).iter());
    // "Got it, 300's the ceiling.": their figure, or two of their words,
    // said back in English
    let latin = !said.chars().any(is_han)
        && bare_receipt
        && (words >= AFTER_RECEIPT_WORDS || says_their_figure(ctx, start, end));
    // "明白，功能您认可，卡在钱上": their side put in the player's words,
    // with them as its subject and one of their words, nothing asked of
    // them ("您放心", "您再考虑考虑"), after a word that says the point was
    // understood ("明白", "我理解"), not one that agrees ("行", "好的"), and
    // not validating it instead
    let understood = lead.iter().any(|h| {
        alone(&h)
            && UNDERSTOOD
                .iter()
                .any(|w| ctx.text[h.start..h.end].contains(w))
    });
    let validates = ctx
        .hits_in(start, end)
        .iter()
        .any(|h| h.cue == Cue::Acknowledge);
    let their_side = understood
        && !validates
        && han >= 1
        && said.chars().filter(|c| is_han(*c)).count() >= THEIR_SIDE_HAN
        && (said.contains('您') || said.contains('你'))
        && !ASKS_OF_THEM.iter().any(|w| said.contains(w));
    let says_back = !promises && (latin || han >= AFTER_RECEIPT_HAN_PAIRS || their_side);
    (says_back && !pitches_or_turns).then_some((start, end))
}

/// What may open the clause of an acknowledgement that looks back at the
/// clauses before it ("…，这确实窝火", "…，这个我特别能理解", "…, that's rough").
const LOOKS_BACK: [&str; 6] = ["这", "那", "that", "which", "it's", "this"];

/// Words that give a reason: what holds them explains, it restates nothing.
const EXPLAINS: [&str; 2] = ["因为", "由于"];

/// The Han characters a restatement before an acknowledgement runs to.
const RESTATED_HAN: usize = 8;

/// A reply that opens by saying the customer's situation back and then
/// acknowledges it ("维修预算被紧急修理吃光，等于钱花了，线还照样停，这确实
/// 窝火。", "被数据导不出来折腾了半年，换谁都会怕再来一次"): the span before
/// the acknowledgement's clause, when it is a statement about their side
/// (no "I" or "we", no product, offer, "but" or reason) in their words or
/// figures, and no "but" follows the acknowledgement.
fn said_back_then_acknowledged(ctx: &Ctx) -> Option<(usize, usize)> {
    let first = echo_opening(ctx)?;
    if first.question || ctx.offered_in(first) {
        return None;
    }
    let within = ctx.hits_in(first.start, first.end);
    let ack = within.iter().find(|h| {
        let clause = ctx.clause_marks.start(h.start);
        let lead = ctx.text[clause..h.start].trim();
        h.cue == Cue::Acknowledge
            && clause > first.start
            && (lead.is_empty() || LOOKS_BACK.iter().any(|w| starts_with_ci(lead, w)))
            && scope::acknowledges(ctx, h)
    })?;
    let before = &ctx.text[first.start..ctx.clause_marks.start(ack.start)];
    let before = before.trim_end_matches(|c: char| is_punct(c) || c.is_whitespace());
    let (start, end) = trim_span(ctx.text, first.start, first.start + before.len());
    let said = &ctx.text[start..end];
    let pitches = ctx.hits_in(start, end).iter().any(|o| {
        matches!(
            o.cue,
            Cue::Feature(_)
                | Cue::Offer
                | Cue::GenericFeature
                | Cue::Ours
                | Cue::Rubric
                | Cue::Contrast
                | Cue::Acknowledge
        )
    });
    // "交期慢是因为进口件要排产，这个换谁都会" explains our side
    let explains = EXPLAINS.iter().any(|w| said.contains(w))
        || said
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.eq_ignore_ascii_case("because"));
    // a restatement, not a two-word echo ("折腾半年，换谁都怕"): several
    // of the customer's words, or their figure
    let (han, words) = their_keys(ctx, content_keys(said, ctx.stopwords).iter());
    // in Chinese a figure said back is how most answers start ("差将近二十万，
    // 搁谁都要问"); in English it counts with one of their words
    let theirs = if said.chars().any(is_han) {
        han >= AFTER_RECEIPT_HAN_PAIRS
            && said.chars().filter(|c| is_han(*c)).count() >= RESTATED_HAN
    } else {
        words >= AFTER_RECEIPT_WORDS || (words == 1 && says_their_figure(ctx, start, end))
    };
    // "They're not MBA types, I get it, but…" sets up a turn
    let turns = within
        .iter()
        .any(|o| o.cue == Cue::Contrast && o.start >= ack.end);
    (!pitches && !explains && !turns && !speaks_for_us(said) && theirs).then_some((start, end))
}

/// How far an acknowledgement may run on before the colon that opens what
/// it acknowledges ("您的难处我非常理解：…"), in characters.
const TO_COLON: usize = 12;

/// An acknowledgement that a colon opens into the customer's situation,
/// said back ("您的顾虑我们非常理解：贵诊所规模不大，担心系统过重、用不起来。"):
/// the span after the colon, when it is a statement about their side, not
/// ours (no "I" or "we", no product, no offer).
fn explained_acknowledgement(ctx: &Ctx) -> Option<(usize, usize)> {
    ctx.context?;
    ctx.any(|c| c == Cue::Acknowledge).find_map(|h| {
        let s = ctx.sentence_of(&h)?;
        if s.question || ctx.offered_in(s) || !scope::acknowledges(ctx, &h) {
            return None;
        }
        let (at, colon) = ctx.text[h.end..s.end]
            .char_indices()
            .take(TO_COLON + 1)
            .find(|(_, c)| matches!(c, ':' | '：'))?;
        // "不过施工窗口值得考虑：…", "考虑是应该的，我就提一句：…" lead to
        // the player's own point
        let colon_at = h.end + at;
        let turns = ctx
            .hits_in(s.start, colon_at)
            .iter()
            .any(|o| o.cue == Cue::Contrast);
        if turns || speaks_for_us(&ctx.text[h.end..colon_at]) {
            return None;
        }
        let (start, end) = trim_span(ctx.text, colon_at + colon.len_utf8(), s.end);
        let said = &ctx.text[start..end];
        let pitches = ctx.hits_in(start, end).iter().any(|o| {
            matches!(
                o.cue,
                Cue::Feature(_) | Cue::Offer | Cue::GenericFeature | Cue::Ours | Cue::Rubric
            )
        });
        (!blank(said) && !pitches && !speaks_for_us(said)).then_some((start, end))
    })
}

/// English words that speak for the player's side.
const OURS: [&str; 12] = [
    "i", "i'll", "i'm", "i'd", "i've", "we", "we'll", "we're", "we'd", "we've", "our", "us",
];

/// How many of `keys` the customer's last line holds: pairs of Han
/// characters, and Latin words.
fn their_keys<'k>(ctx: &Ctx, keys: impl Iterator<Item = &'k u64>) -> (usize, usize) {
    let line = ctx.context_keys();
    keys.filter(|k| line.contains(k)).fold((0, 0), |(h, w), k| {
        if is_han_key(*k) {
            (h + 1, w)
        } else {
            (h, w + 1)
        }
    })
}

/// Whether `said` speaks for the player's side: "我" (and "我们"), "I",
/// "we", "our", "us".
fn speaks_for_us(said: &str) -> bool {
    said.contains('我') || latin_words(said).any(|w| OURS.iter().any(|o| w.eq_ignore_ascii_case(o)))
}

/// The Latin words of `text`: runs of ASCII letters, digits and apostrophes.
fn latin_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
}

/// The reply's first sentence, where an echo of the customer's line may
/// open it: the line is known and nothing in the reply argues, pushes,
/// boasts or sneers (an echo that sets those up says nothing back).
fn echo_opening(ctx: &Ctx) -> Option<Sentence> {
    ctx.context?;
    if ctx.sarcastic() || ctx.any(rebuts).next().is_some() {
        return None;
    }
    ctx.sentences.first().copied()
}

/// Whether `start..end` holds a figure the customer said ("14k" for their
/// fourteen thousand).
fn says_their_figure(ctx: &Ctx, start: usize, end: usize) -> bool {
    their_figures(ctx, start, end) > 0
}

/// How many different figures the customer said `start..end` says back.
fn their_figures(ctx: &Ctx, start: usize, end: usize) -> usize {
    let theirs = ctx.context_figures();
    let same = |v: f64| {
        theirs
            .iter()
            .any(|t| *t == v || (v < 1000.0 && *t == v * 1000.0))
    };
    let mut said: Vec<f64> = Vec::new();
    for n in ctx.numbers_in(start, end) {
        if n.end <= end && n.value > 0.0 && same(n.value) && !said.contains(&n.value) {
            said.push(n.value);
        }
    }
    said.len()
}

fn shares_word(ctx: &Ctx, words: &str) -> bool {
    content_keys(words, ctx.stopwords)
        .iter()
        .any(|k| ctx.context_keys().contains(k))
}

/// Whether the fragment ending at `end` of sentence `first` is received:
/// a word of receipt opens one of the clauses after it in that sentence or
/// the next sentence's first clause ("…, got it.", "… ok."), or an
/// acknowledgement follows in that sentence ("…, yeah that stings"), or a
/// check ends either sentence ("…, right?"), and no "but" turns right
/// after the receipt.
fn received(ctx: &Ctx, first: Sentence, end: usize) -> bool {
    let next = ctx.sentences.get(1).copied();
    let until = next.map_or(first.end, |n| ctx.clause_marks.end(n.start).min(n.end));
    let opens_clause = |at: usize| blank(&ctx.text[ctx.clause_marks.start(at)..at]);
    let whole = blank(&ctx.text[end..first.end]);
    // "yes. But…": the contrast right after the receipt, before any word
    let turns_after = |h: &Hit| {
        let limit = next.map_or(first.end, |n| n.end);
        ctx.hits_in(h.end, limit)
            .iter()
            .find(|c| c.cue == Cue::Contrast)
            .is_some_and(|c| blank(&ctx.text[h.end..c.start]))
    };
    let receipt = ctx.hits_in(end, until).iter().find(|h| {
        let receives = match h.cue {
            Cue::Receipt => opens_clause(h.start),
            // "600 hours. Ouch.": the fragment is the sentence
            Cue::Acknowledge => (h.start < first.end || whole) && scope::acknowledges(ctx, h),
            _ => false,
        };
        receives && !turns_after(h)
    });
    receipt.is_some() || first.tagged || next.is_some_and(|n| n.tagged)
}

/// A question around a restating frame that asks for the customer's view
/// ("您觉得哪些地方还不放心？", "您觉得厂长会愿意吗？", "do you feel what's
/// missing is…?") or offers alternatives ("您说下个季度再说，是预算要等，
/// 还是…？"): it explores, it restates nothing. The frame's own words
/// ("what you're saying") do not make it ask; a check ("…，对吗？") keeps
/// the restatement.
fn asks_openly(ctx: &Ctx, s: Sentence) -> bool {
    if !s.question || s.tagged {
        return false;
    }
    let frames: Vec<Hit> = ctx.in_sentence(s, |c| c == Cue::Listen).collect();
    let outside = |w: &Hit| !frames.iter().any(|f| f.start <= w.start && w.end <= f.end);
    // a particle asks where it ends the sentence ("…会愿意吗？"), not
    // inside a word ("这么多")
    let ends = |w: &Hit| ctx.text[w.end..s.end].trim_matches(is_punct).is_empty();
    let asks = |w: &Hit| match w.cue {
        Cue::OpenWord => true,
        Cue::QuestionEnding => ends(w),
        _ => false,
    };
    ctx.in_sentence(s, |c| matches!(c, Cue::OpenWord | Cue::QuestionEnding))
        .any(|w| asks(&w) && outside(&w))
        || ctx.text[s.start..s.end].contains("还是")
}

/// Whether `words` say back something of the customer's: their last line or
/// any concern they hold in this scenario. With neither known, anything may.
fn reflects(ctx: &Ctx, words: &str) -> bool {
    reflects_keys(ctx, &content_keys(words, ctx.stopwords))
}

/// `reflects`, for words whose content keys are known.
fn reflects_keys(ctx: &Ctx, keys: &[u64]) -> bool {
    let concerns = ctx.scenario.map(|s| &s.concern_keys);
    if ctx.context.is_none() && concerns.is_none() {
        return true;
    }
    keys.iter()
        .any(|k| ctx.context_keys().contains(k) || concerns.is_some_and(|c| c.contains(k)))
}

/// How a Chinese statement tells the player's own story ("我们月底也…").
const OUR_STORY: [&str; 6] = [
    "我们也",
    "我也",
    "我们都",
    "我们这边也",
    "我这边也",
    "咱们也",
];

/// Content words a sentence must share with the customer's line to say it
/// back: Latin words, or pairs of Han characters (smaller units, so more).
const ECHO_WORDS: usize = 3;
const ECHO_HAN_PAIRS: usize = 5;

/// A sentence that says the customer's own point back to them without a
/// restating frame ("So the partners put aside fourteen thousand and that's
/// your number."): it addresses the customer, sums up or is checked with
/// "right?", shares several content words with their last line (or, a
/// Chinese statement, is mostly made of them), and neither offers nor
/// presents the product.
fn echoes(ctx: &Ctx, s: Sentence) -> bool {
    // "您说下个季度再说，是预算要等，还是…？" asks about their words; a
    // check ("…，对吧？") still says them back
    if ctx.context.is_none() || asks_openly(ctx, s) {
        return false;
    }
    // said back: "So you…", "You…", "您…", or a statement checked with "right?"
    let body = ctx.text[s.start..s.end].trim();
    let checked = s.tagged;
    // looked at only when no tag question checks it
    let sums_up = summary_opens(ctx, s);
    let opens = !checked
        && ctx
            .in_sentence(s, |c| c == Cue::Addressee)
            .next()
            .is_some_and(|h| {
                // compared without case (no other character lower-cases
                // to these letters: a test in `text` checks it)
                let before = ctx.text[s.start..h.start].trim();
                before.is_empty()
                    || before.eq_ignore_ascii_case("so")
                    || before == "所以"
                    || before.eq_ignore_ascii_case("so,")
            });
    // a feature the customer named ("the quick changeover sounds nice,
    // but…") is said back, not presented
    let theirs = |h: &Hit| {
        content_keys(&ctx.text[h.start..h.end], ctx.stopwords)
            .iter()
            .any(|k| ctx.context_keys().contains(k))
    };
    let presents = ctx
        .in_sentence(s, |c| {
            matches!(c, Cue::Feature(_) | Cue::Offer | Cue::GenericFeature)
        })
        .any(|h| !(matches!(h.cue, Cue::Feature(_)) && theirs(&h)))
        || ctx.offered_in(s);
    let framed = opens || checked || sums_up;
    // only a Chinese statement may say them back without a frame (below)
    if presents || (!framed && (s.question || !body.chars().any(is_han))) {
        return false;
    }
    let own: KeySet = ctx.keys_of(s).iter().copied().collect();
    let (han, words) = their_keys(ctx, own.iter());
    // the customer's figures said back ("So 30 hours at about 900 an
    // hour…"): one in a sentence that sums up, two in any statement. Not
    // in Chinese, where counts ("两种箱规", "十几个") fill most sentences
    // and working out a cost from the customer's figures answers them
    let english = !body.chars().any(is_han);
    let figures = if english && !s.question {
        their_figures(ctx, s.start, s.end)
    } else {
        0
    };
    if figures >= 2 || (framed && figures >= 1) {
        return true;
    }
    if !framed {
        // no opening says it, but the statement is mostly the customer's
        // own words ("去年电费380万，空调占45%，也就是…"). Chinese only: an
        // English sentence made of the customer's words is as often an
        // answer or an argument built on them
        // "我们月底也盘不清…" tells our own story in their words
        let own_han = own.iter().filter(|k| is_han_key(**k)).count();
        return han >= ECHO_HAN_PAIRS - 1
            && han * MOSTLY_DEN >= own_han * MOSTLY_NUM
            && !OUR_STORY.iter().any(|w| body.contains(w));
    }
    // a summing-up opener says what the sentence does: fewer words will do,
    // and in English one when it sums up the customer's side ("So your
    // plant manager's picturing a jam at 2am…") rather than promising them
    // something ("so your night shift keeps running" is a benefit); "您"
    // opens most Chinese sentences and says nothing back by itself
    let less = usize::from(sums_up && !(opens || checked));
    let their_side = less == 1
        && !s.question
        && !body.chars().any(is_han)
        && ctx.sentence_has(s, |c| c == Cue::Addressee)
        && !ctx.sentence_has(s, |c| matches!(c, Cue::Benefit | Cue::Advantage));
    let less = less + usize::from(their_side);
    words >= ECHO_WORDS - less || han >= ECHO_HAN_PAIRS - 2 * less
}

/// "Mostly" the customer's words: at least this share of the sentence's
/// content keys (as a fraction NUM/DEN).
const MOSTLY_NUM: usize = 2;
const MOSTLY_DEN: usize = 5;

/// A clause that opens a sentence longer than this is part of it, not a
/// lead-in ("好的院长，" before "那就是…").
const LEAD_IN: usize = 16;

/// Whether sentence `s` opens by summing up ("So…", "Basically…",
/// "说白了…"), after at most a short lead-in clause ("OK, so…").
fn summary_opens(ctx: &Ctx, s: Sentence) -> bool {
    ctx.in_sentence(s, |c| c == Cue::Summary)
        .next()
        .is_some_and(|h| {
            let before =
                ctx.text[s.start..h.start].trim_matches(|c: char| is_punct(c) || c.is_whitespace());
            before.is_empty()
                || (before.len() <= LEAD_IN
                    && ctx.clause_marks.start(h.start) >= s.start + before.len())
        })
}

/// A statement said back and checked with "right?"/"对吧？": it opens like a
/// restatement ("So…", "就是说…") or says the customer's own words back.
/// A plain fact check ("you have 40 staff, right?") still explores.
fn restates_with_check(ctx: &Ctx, s: Sentence) -> bool {
    if !s.tagged {
        return false;
    }
    let body = ctx.text[s.start..s.end].trim();
    let opens = starts_with_ci(body, "so ") || starts_with_ci(body, "so,");
    opens || ctx.sentence_has(s, |c| c == Cue::Listen) || echoes(ctx, s)
}

/// Acknowledge: validating the customer's feeling ("that's a fair
/// concern"). "if I understand you" restates; it does not also acknowledge.
pub(crate) fn acknowledge(ctx: &Ctx, b: &mut Builder) {
    if let Some(h) = ctx
        .any(|c| c == Cue::Acknowledge)
        .find(|h| !ctx.inside(h, |c| c == Cue::Listen) && scope::acknowledges(ctx, h))
    {
        b.tag_laer(Laer::Acknowledge, h);
    }
}

/// Explore: a question or probe that is not an offer or a push. Returns
/// the kind of question the reply asks: open when any question is.
pub(crate) fn explore(ctx: &Ctx, b: &mut Builder) -> Option<QuestionKind> {
    let mut asked = None;
    for &s in &ctx.sentences {
        let Some(kind) = question(ctx, s) else {
            continue;
        };
        asked = match (asked, kind) {
            (Some(QuestionKind::Open), _) | (_, QuestionKind::Open) => Some(QuestionKind::Open),
            _ => Some(QuestionKind::Closed),
        };
        let (start, end) = trim_span(ctx.text, s.start, s.end);
        b.evidence_span("explore", start, end);
        b.add_laer(Laer::Explore);
        diagnose_delay(ctx, s, b);
    }
    asked
}

/// The kind of question sentence `s` asks, when it explores.
fn question(ctx: &Ctx, s: Sentence) -> Option<QuestionKind> {
    let text = ctx.text;
    // the sentence's hits, found once for the many cues asked of them
    let within = ctx.hits_in(s.start, s.end);
    let has = |cue: fn(Cue) -> bool| within.iter().any(|h| cue(h.cue));
    let probes = has(|c| c == Cue::Probe);
    // "…都没有。" is a statement; a question word at the end asks only
    // when no full stop closes the sentence
    let closed = text[s.start..s.end]
        .trim_end()
        .ends_with(['。', '！', '.', '!']);
    let ending = closed
        || !within.iter().any(|h| {
            h.cue == Cue::QuestionEnding && text[h.end..s.end].trim_matches(is_punct).is_empty()
        });
    let is_question = s.question || probes || !ending;
    let restates = has(|c| c == Cue::Listen) && !asks_openly(ctx, s);
    // small talk, a proposal or a proposal to close ("就按这个价成交？") asks
    // nothing about the customer
    let small_talk = has(|c| matches!(c, Cue::SmallTalk | Cue::Proposal | Cue::Close));
    // "…, right?" after the customer's own words checks a restatement (a
    // fact check, "you have 40 staff, right?", still explores); a smear
    // put as a question argues
    let checks = restates_with_check(ctx, s);
    // a question that hands over a tradeable ("how about three onboarding
    // sessions?") offers it
    let gives = has(|c| matches!(c, Cue::Tradeable(_)))
        && has(|c| matches!(c, Cue::Offer | Cue::Give | Cue::Proposal));
    let smears = has(|c| c == Cue::Negative(Negative::Exaggeration));
    // a sarcastic reply, or a question next to an argument or a boast ("听谁
    // 说的？那都是外行说的", "凭什么？凭我们是行业龙头"), asks for no answer
    let rhetorical = ctx.sarcastic() || {
        // the sentence and its neighbours, found by binary search
        let i = ctx.sentences.partition_point(|o| o.start < s.start);
        ctx.sentences[i.saturating_sub(1)..(i + 2).min(ctx.sentences.len())]
            .iter()
            .any(|o| {
                ctx.sentence_has(*o, |c| {
                    matches!(c, Cue::Negative(Negative::Arguing | Negative::Exaggeration))
                })
            })
    };
    let open = has(|c| c == Cue::OpenWord) || probes;
    // a yes/no question about nothing the customer has or said ("is that
    // the new warehouse?") is small talk
    let chat = !open && !about_customer(ctx, s);
    if !is_question
        || chat
        || restates
        || small_talk
        || checks
        || gives
        || smears
        || rhetorical
        || asked_back(ctx, s)
        || ctx.pressure_or_arguing(s)
        || ctx.offered_in(s)
    {
        return None;
    }
    Some(if open {
        QuestionKind::Open
    } else {
        QuestionKind::Closed
    })
}

/// The most a question may hold to be the customer's words asked back:
/// Latin words, or Han characters.
const ASKED_BACK_WORDS: usize = 4;
const ASKED_BACK_HAN: usize = 8;

/// A short question of the customer's own words that the reply goes on to
/// answer itself ("Spring? You'll have lost two accounts by then.", "太贵
/// 了？我们这已经是…", "超过50万才要报？那我给您拆成两个合同"): a
/// retort's set-up, not a question for them.
fn asked_back(ctx: &Ctx, s: Sentence) -> bool {
    if !s.question || ctx.sentences.last().is_none_or(|l| l.start == s.start) {
        return false;
    }
    let body = &ctx.text[s.start..s.end];
    let han = body.chars().filter(|c| is_han(*c)).count();
    let short = if han > 0 {
        han <= ASKED_BACK_HAN
    } else {
        body.split_whitespace().count() <= ASKED_BACK_WORDS
    };
    let open = ctx.sentence_has(s, |c| c == Cue::OpenWord);
    short
        && !open
        && ctx
            .keys_of(s)
            .iter()
            .any(|k| ctx.context_keys().contains(k))
}

/// Whether the learned reader may read sentence `s` as listening: it says
/// back something of the customer's, and does not quote their words only
/// to ask about them openly ("您说过完年再说，是等预算，还是…？" explores).
pub(crate) fn may_listen(ctx: &Ctx, s: Sentence) -> bool {
    // `s` is the trimmed sentence the reader quotes, so its keys are worked
    // out here rather than looked up by its start
    let said = &ctx.text[s.start..s.end];
    reflects(ctx, said) && !(asks_openly(ctx, s) && quotes(ctx, said))
}

/// The Han characters, or Latin words, in a row that quote the customer.
const QUOTED_HAN: usize = 4;
const QUOTED_WORDS: usize = 3;

/// Whether `said` repeats a run of the customer's last line word for word.
fn quotes(ctx: &Ctx, said: &str) -> bool {
    let Some(theirs) = ctx.context else {
        return false;
    };
    // runs of Han characters, compared as slices of `said`
    let chars: Vec<(usize, char)> = said.char_indices().collect();
    let han_run = chars.windows(QUOTED_HAN).any(|w| {
        w.iter().all(|(_, c)| is_han(*c)) && {
            let (start, (last, c)) = (w[0].0, w[QUOTED_HAN - 1]);
            theirs.contains(&said[start..last + c.len_utf8()])
        }
    });
    let words = |t| -> Vec<String> { latin_words(t).map(str::to_ascii_lowercase).collect() };
    let theirs_words = words(theirs);
    let word_run = words(said)
        .windows(QUOTED_WORDS)
        .any(|w| theirs_words.windows(QUOTED_WORDS).any(|t| t == w));
    han_run || word_run
}

/// Whether the learned reader may read sentence `s` as exploring: not when
/// it pushes or argues ("您为什么不今天签呢？"), nor when it ends in small
/// talk ("How are you?", "…and how are you?"; not "How are you handling
/// the bills?").
pub(crate) fn may_explore(ctx: &Ctx, s: Sentence) -> bool {
    let ends_in_chat = ctx
        .in_sentence(s, |c| c == Cue::SmallTalk)
        .any(|h| blank(ctx.text.get(h.end..s.end).unwrap_or("")));
    !ends_in_chat && !ctx.pressure_or_arguing(s)
}

/// Whether sentence `s` touches the customer's case: it addresses them
/// ("is anyone besides you…", "贵厂…"), names a pain, feature, tradeable or
/// what holds a decision (budget, timing), or shares a word with their last
/// line or any concern, pain or fact of this scenario. With neither line
/// nor scenario known, anything may.
fn about_customer(ctx: &Ctx, s: Sentence) -> bool {
    if ctx.sentence_has(s, |c| {
        matches!(
            c,
            Cue::Addressee
                | Cue::Pain(_)
                | Cue::Feature(_)
                | Cue::Tradeable(_)
                | Cue::Technique(Technique::DiagnoseDelay)
        )
    }) {
        return true;
    }
    reflects_keys(ctx, ctx.keys_of(s))
}

/// Diagnosing a delay is a question about what holds the decision, not one
/// that proposes a trial.
fn diagnose_delay(ctx: &Ctx, s: Sentence, b: &mut Builder) {
    if ctx.sentence_has(s, |c| c == Cue::Technique(Technique::Trial)) {
        return;
    }
    if let Some(h) = ctx
        .in_sentence(s, |c| c == Cue::Technique(Technique::DiagnoseDelay))
        .next()
    {
        b.tag_technique(Technique::DiagnoseDelay, h);
    }
}

/// Respond: the reply answers the concern with what a feature does for the
/// customer (advantage or benefit), a technique that does more than ask, or
/// an offer. Naming a feature alone answers nothing. Runs after the rules
/// that tag those.
pub(crate) fn respond(b: &mut Builder) {
    let responds = b.fab().iter().any(|f| *f != Fab::Feature)
        || b.techniques()
            .iter()
            .any(|t| !matches!(t, Technique::DiagnoseDelay | Technique::PainAmplification))
        || !b.offers().is_empty();
    if responds {
        b.add_laer(Laer::Respond);
    }
}
