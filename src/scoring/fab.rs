//! FAB wherever it happens: the first feature and the first advantage
//! count, and every benefit on a different pain of this customer (up to
//! three). A feature named in a reply that also touches a pain the customer
//! has voiced, or that was uncovered, and that the feature relieves, is a
//! benefit too. The same benefit again earns nothing, and value claimed in
//! a reply that argues or exaggerates earns nothing.

use super::relevance::has_term;
use super::rubric::Rule;
use super::scorecard::{Items, Reading, Session, quote};
use crate::analysis::tags::{Fab, Negative};

/// Benefits on different pains that earn points: the first and two more.
const BENEFITS: usize = 3;

/// Adds the FAB items.
pub(super) fn items(items: &mut Items, s: &Session) {
    let mut advantage = false;
    let mut benefits: Vec<&str> = Vec::new();
    let mut first_feature: Option<&Reading> = None;
    // value claimed while arguing or exaggerating is not believed
    let honest = |r: &&Reading| {
        !r.has_negative(Negative::Arguing) && !r.has_negative(Negative::Exaggeration)
    };
    for r in s.mine().filter(|r| r.valid()).filter(honest) {
        let a = &r.turn.analysis;
        let t = r.turn;
        if a.fab.contains(&Fab::Feature) && first_feature.is_none() {
            first_feature = Some(r);
            items.add(t, quote(t, "feature"), Rule::FabFeature, 20.0, None);
        }
        if a.fab.contains(&Fab::Advantage) && !advantage {
            advantage = true;
            items.add(t, quote(t, "advantage"), Rule::FabAdvantage, 20.0, None);
        }
        for pain in benefit_pains(s, r) {
            if benefits.len() >= BENEFITS || benefits.contains(&pain) {
                continue;
            }
            let tag = if a.fab.contains(&Fab::Benefit) {
                "benefit"
            } else {
                "feature"
            };
            let (rule, points) = if benefits.is_empty() {
                (Rule::FabBenefit, 30.0)
            } else {
                (Rule::FabBenefitMore, 15.0)
            };
            benefits.push(pain);
            items.add(t, quote(t, tag), rule, points, None);
        }
    }
    if first_feature.is_none() && !advantage && benefits.is_empty() {
        missing_value(items, s);
    } else if benefits.is_empty() {
        match first_feature {
            Some(r) => items.add(
                r.turn,
                quote(r.turn, "feature"),
                Rule::FabMissingBenefit,
                0.0,
                None,
            ),
            None => items.whole(Rule::FabMissingBenefit, 0.0),
        }
    }
}

/// The pains a reply's benefits touch: those of a benefit it states (""
/// for one on no pain in particular), then those its features relieve that
/// the customer has voiced.
fn benefit_pains<'r>(s: &Session, r: &'r Reading) -> Vec<&'r str> {
    let a = &r.turn.analysis;
    let mut pains: Vec<&str> = Vec::new();
    if a.fab.contains(&Fab::Benefit) {
        pains.extend(a.pains.iter().map(String::as_str));
        if a.pains.is_empty() {
            pains.push("");
        }
    }
    for f in &a.features {
        let Some(feature) = s.scenario.product.features.iter().find(|x| &x.id == f) else {
            continue;
        };
        pains.extend(
            a.pains
                .iter()
                .filter(|p| feature.relieves.contains(p) && voiced(s, r, p))
                .map(String::as_str),
        );
    }
    pains
}

/// The customer had said the words of `pain` before reply `r`.
fn voiced(s: &Session, r: &Reading, pain: &str) -> bool {
    s.scenario
        .persona
        .pains
        .iter()
        .find(|p| p.id == pain)
        .is_some_and(|p| {
            p.terms
                .iter()
                .any(|t| has_term(&r.heard, &t.to_lowercase()))
        })
}

/// No feature, advantage or benefit at all: shown against the first
/// answer given without the product's value.
fn missing_value(items: &mut Items, s: &Session) {
    match s.mine().find(|r| {
        r.valid()
            && r.turn
                .analysis
                .has_laer(crate::analysis::tags::Laer::Respond)
    }) {
        Some(r) => items.add(r.turn, &r.turn.text, Rule::FabMissing, 0.0, None),
        None => items.whole(Rule::FabMissing, 0.0),
    }
}
