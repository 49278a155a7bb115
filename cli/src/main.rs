//! The `dxplan` binary: reads the arguments and the clock, runs, prints.

use chrono::{Duration, Utc};
use std::io::Write;

fn main() {
    // "Today" is the civil date in Vietnam (UTC+7); the engine itself never reads a clock.
    let today = (Utc::now() + Duration::hours(7)).date_naive();
    let out = dxplan_cli::run(std::env::args_os(), today);
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(out.stdout.as_bytes());
    let _ = std::io::stderr().write_all(out.stderr.as_bytes());
    std::process::exit(out.code);
}
