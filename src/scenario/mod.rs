//! Scenario files: the RON schema, loading and validation.

mod load;
mod locate;
mod schema;
mod shipped;
mod validate;

pub use load::{Loaded, builtin_scenarios, load_file, load_paths, parse_bytes, parse_str};
pub use schema::*;
pub use shipped::{
    all_scenarios, find_scenario, find_scenario_in, find_shipped, load_shipped, shipped_dir,
    shipped_scenarios,
};
