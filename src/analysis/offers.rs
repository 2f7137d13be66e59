//! Offers in a reply: which numbers are prices or discounts, with the span
//! of the words that make each one.

use super::analyzer::Offer;
use super::lexicon::Lexicon;
use super::numbers::{self, Number};
use super::patterns::{Cue, Hit};
use super::rules::Ctx;
use super::tags::{Negative, Technique};
use super::text::{Clauses, Sentence, WordIndex, is_punct, starts_with_ci};

/// An offer with the byte span of the words that make it.
pub(crate) type Spanned = (Offer, usize, usize);

/// The reply's prices and discounts, in order.
pub(crate) fn offers(ctx: &Ctx) -> Vec<Spanned> {
    let mut out = Vec::new();
    for &s in ctx.sentences.iter().filter(|s| offered_in(ctx, **s)) {
        let at = InSentence {
            ctx,
            s,
            conditional: ctx.conditional(s),
        };
        at.zhe_discounts(&mut out);
        out.extend(
            ctx.numbers_in(s.start, s.end)
                .iter()
                .filter_map(|n| at.number(n)),
        );
        out.extend(at.framed_words().iter().filter_map(|n| at.number(n)));
    }
    // in reading order, so lookups by position are binary searches
    out.sort_by_key(|o| o.1);
    out
}

/// Whether figures in `s` can be offers: a figure said back to the
/// customer, argued about, granted ("two thousand is real money") or from
/// another customer's case is not offered.
fn offered_in(ctx: &Ctx, s: Sentence) -> bool {
    // "if you let us use the clinic as a case" names no case
    let has = |cue: &dyn Fn(Cue) -> bool| ctx.in_sentence(s, cue).any(|h| !ctx.in_condition(&h));
    let not_an_offer = has(&|c| {
        matches!(
            c,
            Cue::Listen
                | Cue::Negative(Negative::Arguing)
                | Cue::Technique(Technique::CaseEvidence)
                | Cue::CountedTechnique(Technique::CaseEvidence)
        )
    });
    let only_acknowledges = has(&|c| c == Cue::Acknowledge) && !has(&|c| c == Cue::Offer);
    !not_an_offer && !only_acknowledges
}

/// Reading the figures of one sentence.
struct InSentence<'c, 'a> {
    ctx: &'c Ctx<'a>,
    s: Sentence,
    conditional: bool,
}

impl InSentence<'_, '_> {
    /// A figure said in words right after an offer phrase ("make it
    /// twelve", "would you take ten for it?"): one the number scan leaves
    /// alone, as "two" or "ten" alone is mostly a count.
    fn framed_words(&self) -> Vec<Number> {
        let (ctx, s) = (self.ctx, self.s);
        ctx.hits_in(s.start, s.end)
            .iter()
            .filter(|h| h.cue == Cue::Offer && strong_frame(h, false) && h.end < s.end)
            .filter_map(|h| {
                let at = s.end - ctx.text[h.end..s.end].trim_start().len();
                let n = numbers::words_at(ctx.text, at)?;
                let scanned = !ctx.numbers_in(at, n.end).is_empty();
                (!scanned && n.end <= s.end).then_some(n)
            })
            .collect()
    }

    /// Chinese discounts: "打九折", "九五折", "8.5折". "折" is notation, like
    /// the numerals, and `numbers::zhe_discount` reads what comes before it.
    fn zhe_discounts(&self, out: &mut Vec<Spanned>) {
        let (text, s) = (self.ctx.text, self.s);
        for (i, _) in text[s.start..s.end].match_indices('折') {
            let at = s.start + i;
            if self
                .ctx
                .lexicon
                .not_zhe
                .iter()
                .any(|w| text[at..].starts_with(w.as_str()))
            {
                continue;
            }
            if let Some((from, percent)) = numbers::zhe_discount(&text[s.start..at]) {
                out.push((
                    Offer::DiscountPercent {
                        percent,
                        conditional: self.conditional,
                    },
                    s.start + from,
                    at + '折'.len_utf8(),
                ));
            }
        }
    }

    /// The offer number `n` makes, if any.
    fn number(&self, n: &Number) -> Option<Spanned> {
        let (ctx, text, s) = (self.ctx, self.ctx.text, self.s);
        let l = ctx.lexicon;
        let fraction = l
            .fraction_after
            .iter()
            .any(|w| text[n.end..].starts_with(w.as_str()));
        if part_of_zhe(&text[n.end..]) || fraction {
            return None; // a discount read above, or "一半" (half)
        }
        // "over 500,000", "从15%", "能省六十万": a threshold, a starting
        // point or a saving, not an offer
        // every check below reads "46" in "close at 46" as 46,000
        let shorthand = self.thousands_dropped(n);
        let n = shorthand.as_ref().unwrap_or(n);
        let lead = text[s.start..n.start].trim_end();
        // "底价就是29.5万", "I can do about 45k": a bottom line or offer frame
        // earlier in the figure's clause outweighs the "就是" or "about"
        let clause = ctx.clause_marks.start(n.start);
        let framed_lead = ctx
            .hits_in(clause, n.start)
            .iter()
            .any(|h| h.end <= n.start && strong_frame(h, false));
        if !framed_lead && (ctx.words.not_price_before.ends(lead) || approximate(&text[n.end..])) {
            return None;
        }
        if self.described(n) || self.standing_price(n) || self.said_back(n) {
            return None;
        }
        let after = &text[n.end..s.end];
        let after_trim = after.trim_start();
        let gap_after = n.end + (after.len() - after_trim.len());
        let window_before = n.start.saturating_sub(16).max(s.start);
        if l.percent.iter().any(|w| starts_with_ci(after_trim, w)) {
            return self.percent(n, window_before, (gap_after + 16).min(s.end));
        }
        let currency = currency_near(ctx, n, s);
        // a unit right after the figure, unless a longer offer or closing
        // phrase starts there ("110成交" is no tenths: "成" is)
        let after_hits = ctx.hits_in(gap_after, gap_after + 1);
        let unit_after = after_hits.iter().any(|u| {
            u.cue == Cue::NotPriceUnit
                && !after_hits
                    .iter()
                    .any(|h| h.end > u.end && matches!(h.cue, Cue::Offer | Cue::Close))
        });
        if unit_after && currency.is_none() {
            return None;
        }
        if is_year(text, n, l) || is_phone(text, n) || is_ordinal(text, n) || n.value < 1.0 {
            return None;
        }
        let plausible = ctx
            .scenario
            .is_some_and(|sc| n.value >= sc.list_price * 0.3 && n.value <= sc.list_price * 1.5);
        // "83 dollars a month" breaks a cost down; "15,500 a year" for
        // a yearly subscription is the price itself
        if per_period_follows(&text[n.end..s.end], l) && !plausible && !framed_lead {
            return None;
        }
        // "500 off", "500 dollars off"
        let past_currency = skip_currency_word(after_trim, l);
        let off_after = l
            .discount_after
            .iter()
            .any(|w| starts_with_ci(past_currency, w));
        if self.discount_before(n) || off_after {
            let amount = Offer::DiscountAmount {
                amount: n.value,
                conditional: self.conditional,
            };
            return Some((amount, n.start, n.end));
        }
        self.price(n, window_before, currency, plausible)
    }

    /// "44 and it's yours", "I can close at 46.5": in a deal of tens of
    /// thousands a seller drops the thousands, and an offer frame in the
    /// sentence says which number is the price. The figure in thousands,
    /// when it fits this product's price.
    fn thousands_dropped(&self, n: &Number) -> Option<Number> {
        let list = self.ctx.scenario?.list_price;
        let thousands = n.value * 1000.0;
        let fits = list >= 10_000.0 && thousands >= list * 0.5 && thousands <= list * 1.2;
        // a frame of more than a connective ("at", "for" frame any figure)
        let framed = self
            .ctx
            .hits_in(self.s.start, self.s.end)
            .iter()
            .any(|h| strong_frame(h, false));
        // "12.50 a head" is money with its cents, not thousands
        let cents = self.ctx.text[n.start..n.end]
            .split_once('.')
            .is_some_and(|(_, d)| d.len() == 2);
        let after = self.ctx.text[n.end..].trim_start();
        let percent = self
            .ctx
            .lexicon
            .percent
            .iter()
            .any(|w| starts_with_ci(after, w));
        let bare = !n.chinese && !n.scaled && !cents && !percent && n.value < 1000.0;
        (fits && framed && bare).then(|| Number {
            value: thousands,
            scaled: true,
            ..n.clone()
        })
    }

    /// "the $8,000 gap", "jams that cost you $900", "Vendor B is 40k", "40%
    /// fewer hours", "一年光停机就小二十万": a figure in a clause that
    /// describes a cost, a loss, a gap, a result, one of this customer's
    /// pains or someone else's price is context, unless the seller frames it
    /// as an offer before it ("I can do…", "the lowest I can go").
    fn described(&self, n: &Number) -> bool {
        let marks = &self.ctx.clause_marks;
        let (start, end) = (marks.start(n.start), marks.end(n.end));
        let hits = self.ctx.hits_in(start, end);
        let frame = |h: &Hit| {
            h.end - h.start > CONNECTIVE && matches!(h.cue, Cue::Offer | Cue::Give | Cue::Discount)
        };
        // words that only say less money changes hands ("少收") frame no
        // offer after a pain: the clinic takes less, nobody gives it
        let only_less = |h: &Hit| {
            hits.iter()
                .any(|d| d.cue == Cue::Discount && d.start == h.start && d.end == h.end)
        };
        // the pain named first, then its figure: its cost ("光爽约就少收一万
        // 多"), unless the seller framed an offer before naming it or
        // between it and the figure ("to stop the jams I can do 40,000"); a
        // pain term that is an offer word itself ("discounting") describes
        // nothing
        let pain_cost = hits.iter().any(|p| {
            matches!(p.cue, Cue::Pain(_))
                && p.end <= n.start
                && !hits
                    .iter()
                    .any(|h| frame(h) && (h.start < p.end || (h.end <= n.start && !only_less(h))))
        });
        let context = hits
            .iter()
            .any(|h| h.end <= end && matches!(h.cue, Cue::FigureContext | Cue::Theirs));
        pain_cost || (context && !self.framed(start, n))
    }

    /// Whether an offer frame stands between byte `from` and figure `n` ("I
    /// can do", "给您", "the lowest I can go") or closes its clause ("14k
    /// and it's yours"). Connectives of one short word ("at", "for", "让")
    /// frame a bare number but do not outweigh context.
    fn framed(&self, from: usize, n: &Number) -> bool {
        let to = self.ctx.clause_marks.end(n.end);
        self.ctx
            .hits_in(from, to)
            .iter()
            .any(|h| (h.end <= n.start || h.start >= n.end) && h.end <= to && strong_frame(h, true))
    }

    /// "the partners put aside fourteen thousand": a figure the customer
    /// said (in their last line or anywhere in this scenario), said back
    /// without an offer frame in its sentence or a condition ("44,000 if you
    /// sign for two years" offers it), restates it.
    fn said_back(&self, n: &Number) -> bool {
        if self.conditional {
            return false;
        }
        let near = |v: f64| (v - n.value).abs() <= n.value.abs() * 0.005;
        // "forty flat" in the customer's line is 40,000 said back in English
        let dropped = |v: f64| !n.chinese && v < 1000.0 && near(v * 1000.0);
        let theirs = self
            .ctx
            .scenario
            .is_some_and(|s| s.customer_figures.iter().any(|v| near(*v)))
            || self
                .ctx
                .context_figures()
                .iter()
                .any(|v| near(*v) || dropped(*v));
        // "一年一万六，我们可以做到": the frame may stand after the figure
        // anywhere in the sentence, but before it only in its clause ("那就
        // 好比了：68 万不保节电" names the rival's price)
        let clause = self.ctx.clause_marks.start(n.start);
        let offered = self
            .ctx
            .hits_in(clause, self.s.end)
            .iter()
            .any(|h| strong_frame(h, true));
        theirs && !offered
    }

    /// "价格还是19,800", "after Friday it's 30k": the list price said again,
    /// or a price above it, is no offer unless framed as one.
    fn standing_price(&self, n: &Number) -> bool {
        let Some(list) = self.ctx.scenario.map(|s| s.list_price) else {
            return false;
        };
        n.value >= list * 0.995 && !self.framed(self.ctx.clause_marks.start(n.start), n)
    }

    /// Percentages are discounts only with a discount word nearby, or an
    /// offer frame right before one that ends its phrase ("I can do 5% if
    /// you take the price lock", not "we can offer 30% faster changeovers").
    fn percent(&self, n: &Number, from: usize, to: usize) -> Option<Spanned> {
        let d = self
            .near(from, to, |c| c == Cue::Discount)
            .or_else(|| self.offered_percent(n, from))
            .filter(|_| (0.0..100.0).contains(&n.value))?;
        let percent = Offer::DiscountPercent {
            percent: n.value,
            conditional: self.conditional,
        };
        Some((percent, n.start.min(d.start), n.end.max(d.end)))
    }

    /// The offer frame before percentage `n` when nothing but a linking
    /// word follows the percentage.
    fn offered_percent(&self, n: &Number, from: usize) -> Option<Hit> {
        let (text, l) = (self.ctx.text, self.ctx.lexicon);
        let after = text[n.end..].trim_start();
        let sign = l.percent.iter().find(|w| starts_with_ci(after, w))?;
        let rest = after[sign.len()..].trim_start();
        let next = &rest[..rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len())];
        let ends = next.is_empty() || LINKS.iter().any(|w| next.eq_ignore_ascii_case(w));
        let frame = self
            .ctx
            .hits_in(from, n.start)
            .iter()
            .rev()
            .find(|h| h.cue == Cue::Offer && h.end <= n.start && strong_frame(h, false));
        frame.copied().filter(|_| ends)
    }

    /// "discount of 500", "优惠两千": a discount word before the amount.
    fn discount_before(&self, n: &Number) -> bool {
        let (text, l) = (self.ctx.text, self.ctx.lexicon);
        self.ctx
            .hits
            .iter()
            .filter(|h| h.cue == Cue::Discount && h.end <= n.start && h.start >= self.s.start)
            .any(|h| {
                let word = &text[h.start..h.end];
                let between = text[h.end..n.start].trim();
                !l.discount_after
                    .iter()
                    .any(|w| word.eq_ignore_ascii_case(w))
                    && (between.is_empty() || l.discount_links.iter().any(|w| between == w))
            })
    }

    /// A price: a number with a currency, an offer word before it, or a
    /// size that fits this product's price.
    fn price(
        &self,
        n: &Number,
        window_before: usize,
        currency: Option<String>,
        plausible: bool,
    ) -> Option<Spanned> {
        let (ctx, s) = (self.ctx, self.s);
        // an offer word makes a price only of a number in a price's range
        let in_range = match ctx.scenario {
            Some(sc) => n.value >= sc.list_price * 0.1 && n.value <= sc.list_price * 3.0,
            None => n.value >= 10.0,
        };
        // "the lowest I can go is 8,500", "底价就是29.5万": a bottom line
        // names a price as surely as an offer word does
        let cue_before = in_range
            && self
                .near(window_before, n.start, |c| {
                    matches!(c, Cue::Offer | Cue::Negative(Negative::RevealBottomLine))
                })
                .is_some();
        // "100 and it's yours", "110成交": an offer or closing phrase that
        // ends the figure's clause ("a deal at first glance" goes on, and
        // offers nothing)
        let clause_end = ctx.clause_marks.end(n.end);
        let cue_after = in_range
            && ctx.hits_in(n.end, clause_end).iter().any(|h| {
                h.start >= n.end
                    && (strong_frame(h, false) || h.cue == Cue::Close)
                    && ctx.text.get(h.end..clause_end).is_some_and(closes)
            });
        let breakdown = ctx.sentence_has(s, |c| {
            matches!(
                c,
                Cue::Technique(Technique::CostBreakdown)
                    | Cue::CountedTechnique(Technique::CostBreakdown)
            )
        });
        let framed = cue_before || cue_after;
        if breakdown && !framed && !plausible {
            return None; // "每天54块", "$83 a month": figures that break a cost down
        }
        // "how did you arrive at 16,000?" and "is the forty thousand from
        // Vendor B installed?" ask about a figure; "how about 16,000?"
        // offers it (the offer words decide)
        if s.question
            && ctx.sentence_has(s, |c| matches!(c, Cue::OpenWord | Cue::Theirs))
            && !ctx.sentence_has(s, |c| c == Cue::Offer)
        {
            return None;
        }
        // "五万" is money, but only an offer when it is near this product's price
        let scaled_price = n.scaled
            && if ctx.scenario.is_some() {
                plausible
            } else {
                in_range
            };
        // "这两块" (these two parts), "一天五十四块": money words on a figure
        // far below a price are a count or a cost broken down
        let money = currency.is_some() && in_range;
        if !(money || framed || scaled_price || (plausible && n.digits >= 3)) {
            return None;
        }
        let currency = currency.or_else(|| {
            ctx.scenario
                .filter(|_| plausible)
                .map(|sc| sc.currency.clone())
        });
        let price = Offer::Price {
            amount: n.value,
            currency,
            conditional: self.conditional,
        };
        Some((price, n.start, n.end))
    }

    /// The first hit that ends after byte `from` and by `to` whose cue
    /// passes `cue` (it may start before `from`: "the lowest I'd go is 160").
    fn near(&self, from: usize, to: usize, cue: impl Fn(Cue) -> bool) -> Option<Hit> {
        self.ctx
            .hits_near(from, to)
            .iter()
            .find(|h| h.end > from && h.end <= to && cue(h.cue))
            .copied()
    }
}

/// Spans from a conditional cue to the end of its clause: "if you sign a
/// service contract," names what the customer gives, not an offer.
pub(crate) fn condition_clauses(
    text: &str,
    hits: &[Hit],
    joins: &WordIndex,
    marks: &Clauses,
) -> Vec<(usize, usize)> {
    hits.iter()
        .filter(|h| h.cue == Cue::Conditional && !sellers_side(&text[h.start..]))
        .map(|h| {
            // "签两年的话，…": 的话 closes the condition before it
            if POSTPOSED.contains(&&text[h.start..h.end]) {
                return (marks.start(h.start), h.end);
            }
            // "order before the 30th and we'll include…", "if you commit
            // this month I'll include…": the clause ends at its
            // punctuation or where the promise starts
            let stop = marks.end(h.end);
            // a Chinese condition runs into its promise without a space
            // ("元月底前签两年送三个月", "您签两年我就送…"): a Han join
            // after the condition's first character
            let after_first = h.end + text[h.end..stop].chars().next().map_or(0, char::len_utf8);
            let from = hits.partition_point(|j| j.start < after_first);
            let han = hits[from..]
                .iter()
                .take_while(|j| j.start < stop)
                .find(|j| j.cue == Cue::HanJoin)
                .map(|j| j.start - h.end);
            let join = match (first_join(&text[h.end..stop], joins), han) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            (h.start, join.map_or(stop, |i| h.end + i))
        })
        .collect()
}

/// Condition words that follow what they make a condition.
const POSTPOSED: [&str; 1] = ["的话"];

/// "if we split the payment…", "what if I add…": a condition whose
/// subject is the seller proposes what the seller does; it is no "if
/// you…" clause naming the customer's side.
fn sellers_side(at: &str) -> bool {
    ["if we ", "if we'", "if i ", "if i'"]
        .iter()
        .any(|p| starts_with_ci(at, p))
}

/// Where the first of the Latin `joins` stands as a word of its own in
/// `rest` (a space before and after it, any case; the Han ones are cues),
/// never as its first word ("only if we can agree the term", "if you get
/// the PO in, you get…"): the offset of the space before it. One pass over
/// the spaces, not a search per word.
fn first_join(rest: &str, joins: &WordIndex) -> Option<usize> {
    let b = rest.as_bytes();
    let lead = rest.len() - rest.trim_start().len();
    let first = lead + rest[lead..].find(' ')?;
    (first..b.len()).filter(|&i| b[i] == b' ').find(|&i| {
        let at = &b[i + 1..];
        at.first().is_some_and(|c| {
            joins.at(*c).iter().any(|w| {
                let w = w.as_bytes();
                at.len() > w.len() && at[..w.len()].eq_ignore_ascii_case(w) && at[w.len()] == b' '
            })
        })
    })
}

/// The currency written next to `n`: just before it in the same sentence,
/// or just after it.
fn currency_near(ctx: &Ctx, n: &Number, s: Sentence) -> Option<String> {
    let text = ctx.text;
    let before = n.start.saturating_sub(5).max(s.start);
    let after_ws = n.end + (text[n.end..].len() - text[n.end..].trim_start().len());
    // every hit that can match ends after `before` and starts by `after_ws`
    ctx.hits_near(before, after_ws.max(n.end) + 1)
        .iter()
        .find(|h| match h.cue {
            Cue::Currency(_) => {
                (h.end <= n.start && h.end >= before && text[h.end..n.start].trim().is_empty())
                    || h.start == after_ws
                    || h.start == n.end
            }
            _ => false,
        })
        .and_then(|h| match h.cue {
            Cue::Currency(i) => Some(ctx.lexicon.currency[i].1.clone()),
            _ => None,
        })
}

/// A four-digit number that reads as a year ("since 2019", "2019年").
fn is_year(text: &str, n: &Number, l: &Lexicon) -> bool {
    let v = n.value;
    let year_like =
        !n.chinese && v.fract() == 0.0 && (1900.0..=2100.0).contains(&v) && n.end - n.start == 4;
    let before = text[..n.start].trim_end();
    year_like
        && (l.year_before.iter().any(|w| before.ends_with(w.as_str()))
            || l.year_after
                .iter()
                .any(|w| text[n.end..].starts_with(w.as_str())))
}

/// "十八万多", "六千多": a figure given roughly, which describes a cost
/// unless an offer frame says otherwise ("多送一年" gives more).
fn approximate(after: &str) -> bool {
    after.strip_prefix('多').is_some_and(|rest| {
        !['送', '给', '加', '赠', '让', '少']
            .iter()
            .any(|c| rest.starts_with(*c))
    })
}

/// "the 20th", "1st": a day or a rank, never money.
fn is_ordinal(text: &str, n: &Number) -> bool {
    let after = &text.as_bytes()[n.end..];
    let suffix = after.get(..2).is_some_and(|s| {
        ["st", "nd", "rd", "th"]
            .iter()
            .any(|o| s.eq_ignore_ascii_case(o.as_bytes()))
    });
    suffix && after.get(2).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// Long digit runs and numbers with a leading zero are phone numbers or codes.
fn is_phone(text: &str, n: &Number) -> bool {
    let raw = &text[n.start..n.end];
    let leading_zero = raw.len() > 1 && raw.starts_with('0') && !raw.starts_with("0.");
    !n.chinese && (leading_zero || (n.digits >= 7 && n.end - n.start == n.digits))
}

/// Whether the text after a number continues a "九五折" or "8.5折".
fn part_of_zhe(after: &str) -> bool {
    after
        .trim_start_matches(|c: char| {
            c.is_ascii_digit() || c == '.' || "零一二两三四五六七八九".contains(c)
        })
        .starts_with('折')
}

fn per_period_follows(after: &str, l: &Lexicon) -> bool {
    let rest = skip_currency_word(after.trim_start(), l);
    l.per_period.iter().any(|p| starts_with_ci(rest, p))
}

fn skip_currency_word<'s>(s: &'s str, l: &Lexicon) -> &'s str {
    for w in &l.currency_words {
        if starts_with_ci(s, w) {
            return s[w.len()..].trim_start();
        }
    }
    s
}

/// A connective ("at", "for", "让") is this long or shorter: it frames a
/// bare figure but outweighs no context.
pub(crate) const CONNECTIVE: usize = 3;

/// Words that may follow an offered percentage: the offer's phrase ends.
const LINKS: [&str; 10] = [
    "if", "on", "for", "off", "and", "but", "provided", "as", "when", "then",
];

/// Modal particles that may end a clause after an offer word ("380就这个价
///吧"); 了 and 的 only after 价 ("1500真的是我最低价了"), as after a deal
/// word they tell of a past one ("上个月那台1500成交的").
const CLOSING_PARTICLES: [char; 7] = ['啦', '吧', '啊', '呀', '呢', '哈', '嘛'];

/// Whether `rest` of a clause says nothing more: blank, or closing
/// particles alone.
fn closes(rest: &str) -> bool {
    let rest = rest
        .strip_prefix('价')
        .map_or(rest, |r| r.trim_start_matches(['了', '的']));
    rest.chars()
        .all(|c| c.is_whitespace() || is_punct(c) || CLOSING_PARTICLES.contains(&c))
}

/// A frame longer than a connective: an offer phrase or a bottom line, and
/// with `gives`, a phrase that gives ("I can", "给您").
fn strong_frame(h: &Hit, gives: bool) -> bool {
    h.end - h.start > CONNECTIVE
        && match h.cue {
            Cue::Offer | Cue::Negative(Negative::RevealBottomLine) => true,
            Cue::Give => gives,
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use crate::analysis::text::WordIndex;

    #[test]
    fn a_join_is_found_as_a_word_after_the_conditions_first_word() {
        let joins = WordIndex::by_first(&["and", "we can", "i'll"].map(String::from));
        for (rest, at) in [
            (" you order by friday and we add", Some(20)),
            (" you order by friday I'll add", Some(20)),
            (" we can agree the term", None),
            (" you get the PO in, we can add", Some(19)),
            (" you band together", None),
            (" 和 and 和", Some(4)),
            (" you and", None),
            ("", None),
        ] {
            assert_eq!(super::first_join(rest, &joins), at, "{rest:?}");
        }
    }
}
