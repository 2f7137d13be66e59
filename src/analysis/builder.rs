//! Tags, evidence and offers collected in order, each tag once.

use super::analyzer::{Analysis, Evidence, Offer, QuestionKind};
use super::patterns::Hit;
use super::tags::{Fab, Laer, Negative, Technique};

pub(crate) struct Builder<'t> {
    text: &'t str,
    laer: Vec<Laer>,
    fab: Vec<Fab>,
    techniques: Vec<Technique>,
    negatives: Vec<Negative>,
    offers: Vec<Offer>,
    evidence: Vec<Evidence>,
    pains: Vec<String>,
    features: Vec<String>,
}

/// Adds `item` unless present; true when it was added.
fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) -> bool {
    let new = !list.contains(&item);
    if new {
        list.push(item);
    }
    new
}

fn push_unique(list: &mut Vec<String>, id: &str) {
    if !list.iter().any(|x| x == id) {
        list.push(id.to_string());
    }
}

impl<'t> Builder<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Builder {
            text,
            laer: vec![],
            fab: vec![],
            techniques: vec![],
            negatives: vec![],
            offers: vec![],
            evidence: vec![],
            pains: vec![],
            features: vec![],
        }
    }

    pub(crate) fn evidence_span(&mut self, tag: &str, start: usize, end: usize) {
        self.evidence.push(Evidence {
            tag: tag.to_string(),
            start,
            end,
            text: self.text[start..end].to_string(),
        });
    }

    pub(crate) fn evidence(&mut self, tag: &str, h: Hit) {
        self.evidence_span(tag, h.start, h.end);
    }

    pub(crate) fn add_laer(&mut self, step: Laer) {
        push_new(&mut self.laer, step);
    }

    pub(crate) fn tag_laer(&mut self, step: Laer, h: Hit) {
        if push_new(&mut self.laer, step) {
            self.evidence(step.name(), h);
        }
    }

    pub(crate) fn tag_fab(&mut self, part: Fab, h: Hit) {
        if push_new(&mut self.fab, part) {
            self.evidence(part.name(), h);
        }
    }

    pub(crate) fn tag_technique(&mut self, t: Technique, h: Hit) {
        if push_new(&mut self.techniques, t) {
            self.evidence(t.name(), h);
        }
    }

    pub(crate) fn tag_negative(&mut self, n: Negative, h: Hit) {
        if push_new(&mut self.negatives, n) {
            self.evidence(n.name(), h);
        }
    }

    pub(crate) fn tag_negative_span(&mut self, n: Negative, start: usize, end: usize) {
        if push_new(&mut self.negatives, n) {
            self.evidence_span(n.name(), start, end);
        }
    }

    pub(crate) fn touch_pain(&mut self, id: &str) {
        push_unique(&mut self.pains, id);
    }

    pub(crate) fn name_feature(&mut self, id: &str) {
        push_unique(&mut self.features, id);
    }

    pub(crate) fn offer(&mut self, offer: Offer) {
        self.offers.push(offer);
    }

    pub(crate) fn offer_once(&mut self, offer: Offer) {
        push_new(&mut self.offers, offer);
    }

    pub(crate) fn fab(&self) -> &[Fab] {
        &self.fab
    }

    pub(crate) fn techniques(&self) -> &[Technique] {
        &self.techniques
    }

    pub(crate) fn offers(&self) -> &[Offer] {
        &self.offers
    }

    pub(crate) fn finish(mut self, question: Option<QuestionKind>, closing: bool) -> Analysis {
        self.laer.sort();
        self.fab.sort();
        self.techniques.sort();
        self.negatives.sort();
        self.evidence.sort_by_key(|e| (e.start, e.end));
        Analysis {
            laer: self.laer,
            question,
            fab: self.fab,
            techniques: self.techniques,
            negatives: self.negatives,
            offers: self.offers,
            evidence: self.evidence,
            pains: self.pains,
            features: self.features,
            closing,
        }
    }
}
