//! Scoring: the rubric, the scorecard, the debrief and chart helpers. Reads
//! the records a session leaves behind (`crate::record`) and the scenario,
//! never the session itself, so a transcript can be re-scored on its own.

pub mod chart;
mod concessions;
pub mod debrief;
mod fab;
mod laer;
pub mod relevance;
pub mod rubric;
pub mod scorecard;
