//! Reply analysis: one player reply in, tagged moves with evidence out.

pub mod tags;
