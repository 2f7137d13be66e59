//! Trust, patience and perceived value follow the reply's tags.

use super::Heard;
use super::tuning::TUNING;
use crate::analysis::tags::{Fab, Laer, Negative, Technique};
use crate::analysis::{Analysis, QuestionKind};
use crate::record::Meters;

/// A reply `heard` as off-topic (about another customer's case, see
/// `scoring::relevance`) or as said before earns nothing for this
/// customer, and costs trust and patience, as a reply with nothing to use
/// would.
pub(super) fn move_meters(m: &mut Meters, a: &Analysis, scepticism: f64, heard: Heard) {
    let t = &TUNING;
    let mut trust = 0.0;
    if a.has_laer(Laer::Listen) {
        trust += t.listen_trust;
    }
    if a.has_laer(Laer::Acknowledge) {
        trust += t.acknowledge_trust;
    }
    match a.question {
        Some(QuestionKind::Open) => trust += t.open_question_trust,
        Some(QuestionKind::Closed) => trust += t.closed_question_trust,
        None => {}
    }
    let mut value = 0.0;
    if a.fab.contains(&Fab::Benefit) {
        value += t.benefit_value;
        trust += t.benefit_trust;
    } else if a.fab.contains(&Fab::Advantage) {
        value += t.advantage_value;
    } else if a.fab.contains(&Fab::Feature) {
        value += t.feature_value;
    }
    if a.techniques.contains(&Technique::CaseEvidence) {
        value += t.case_value + t.case_value_per_scepticism * scepticism;
    }
    for n in &a.negatives {
        match n {
            Negative::Arguing => {
                trust -= t.arguing_trust_cost;
                m.patience -= t.push_patience_cost;
            }
            Negative::Pressure => {
                trust -= t.pressure_trust_cost;
                m.patience -= t.push_patience_cost;
            }
            Negative::Exaggeration => {
                trust -= t.exaggeration_trust_cost * (t.exaggeration_base + scepticism)
            }
            // a recital of rubric words is not talking to the customer
            Negative::KeywordStuffing => {
                trust -= t.stuffing_trust_cost;
                m.patience -= t.push_patience_cost;
            }
            Negative::RevealBottomLine => {}
        }
    }
    let said_something = !a.laer.is_empty() || !a.offers.is_empty() || a.closing;
    let unheard = match heard {
        Heard::Fresh => None,
        Heard::OffTopic => Some((t.off_topic_trust_cost, t.off_topic_patience_cost)),
        Heard::Repeated => Some((t.repeated_trust_cost, t.repeated_patience_cost)),
    };
    if let Some((trust_cost, patience_cost)) = unheard {
        // said to someone else, or said already: its moves earn nothing
        // here, its slips still cost, and not being listened to costs more
        trust = trust.min(0.0) - trust_cost;
        value = 0.0;
        m.patience -= patience_cost;
    } else if !said_something && a.negatives.is_empty() {
        m.patience -= t.empty_reply_patience_cost; // nothing the customer can use
    }
    m.trust = (m.trust + trust).clamp(0.0, 1.0);
    m.value = (m.value + value).clamp(0.0, 1.0);
}
