//! Counteroffer: a negotiation role-play simulator for sales training.
//!
//! Everything here except `game` is plain Rust without Bevy: the scenario
//! format, the reply analyzer, the persona and session engine, scoring.

pub mod analysis;
pub mod cli;
pub mod diagnostic;
pub mod fingerprint;
#[cfg(feature = "game")]
pub mod game;
pub mod history;
pub mod i18n;
pub mod lang;
pub mod persona;
pub mod record;
pub mod report;
pub mod scenario;
pub mod scoring;
pub mod session;
pub mod settings;
pub mod storage;

/// Every binary, test and bench that links the library allocates with
/// mimalloc: the analyzer and the persona make many small, short-lived
/// allocations per reply.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
