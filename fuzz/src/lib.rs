//! What every fuzz target shares: a counting allocator and a budget that each
//! input must stay within (issue 15: "a load or validation that would exceed
//! the budgets stops within 2 s on this machine").
//!
//! The budget is checked by the target itself rather than by libFuzzer's
//! `-rss_limit_mb` and `-timeout`, which only catch a process that has already
//! gone far past any limit a page could bear: here the bytes allocated at once
//! during one input and the time one input takes are asserted, so an input
//! that needs 300 MB or 3 s is a finding, saved like a crash.
//!
//! `DXPLAN_FUZZ_MEMORY_MB` and `DXPLAN_FUZZ_SECONDS` change the budget (for a
//! slower machine or a sanitizer that costs more); the defaults are the
//! engine's own: 2 s, and 256 MiB above what the process held before the
//! input (WebAssembly pages start at 16 MiB for the package and the
//! sandbox's limits keep a load far below this).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting the bytes held and their peak.
pub struct Counting;

// SAFETY: every call is forwarded to the system allocator unchanged; only
// counters are updated around it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            grow(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            grow(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        System.dealloc(p, layout);
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        let q = System.realloc(p, layout, size);
        if !q.is_null() {
            CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
            grow(size);
        }
        q
    }
}

fn grow(bytes: usize) {
    let now = CURRENT.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs one input's work `f`, then asserts that it held at most the memory
/// budget above what was held before it, and took at most the time budget.
/// `what` names the work in the failure.
pub fn within_budget<R>(what: &str, f: impl FnOnce() -> R) -> R {
    let memory = env("DXPLAN_FUZZ_MEMORY_MB", 256) as usize * 1024 * 1024;
    let time = Duration::from_secs(env("DXPLAN_FUZZ_SECONDS", 2));
    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let start = Instant::now();
    let r = f();
    let took = start.elapsed();
    let held = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    assert!(
        held <= memory,
        "{what}: held {} MiB at once, over the budget of {} MiB",
        held / (1024 * 1024),
        memory / (1024 * 1024)
    );
    assert!(
        took <= time,
        "{what}: took {took:?}, over the budget of {time:?}"
    );
    r
}
