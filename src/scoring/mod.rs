//! Scoring: the scorecard, the debrief and chart helpers. Reads the records
//! a session leaves behind (`crate::record`) and the scenario, never the
//! session itself, so a transcript can be re-scored on its own.

pub mod chart;
pub mod debrief;
pub mod rubric;
pub mod scorecard;
