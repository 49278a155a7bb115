//! Rule script text → compile and apply onto the shipped rule set, in the
//! sandbox, on one engine for the whole process (as a rule editor or the
//! service keeps one). Any text must end in a rule set or diagnostics with
//! both messages, within the memory and time budget (never a panic, a hang
//! or a heap that grows); the engine must still load the shipped rules
//! afterwards (asserted every 512th input: reloading them costs more than
//! the input itself).
#![no_main]

use dxplan::defaults;
use dxplan::rules::{RulesEngine, Script};
use dxplan_fuzz::{within_budget, Counting};
use libfuzzer_sys::fuzz_target;
use std::cell::{Cell, RefCell};

#[global_allocator]
static ALLOC: Counting = Counting;

thread_local! {
    static ENGINE: RefCell<RulesEngine> = RefCell::new(RulesEngine::new());
    static INPUTS: Cell<u64> = const { Cell::new(0) };
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(script) = Script::new("2026.rhai", &text) else {
        return;
    };
    ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        let base = defaults::rules().clone();
        let loaded = within_budget("loading the script", || e.load_onto(base, &[script]));
        if let Err(errors) = loaded {
            assert!(!errors.is_empty());
            assert!(errors
                .iter()
                .all(|d| !d.message.vi.is_empty() && !d.message.en.is_empty()));
        }
        let n = INPUTS.with(|c| {
            c.set(c.get() + 1);
            c.get()
        });
        if n % 512 == 1 {
            assert!(
                e.load(&defaults::scripts()).is_ok(),
                "engine unusable after a script"
            );
        }
    });
});
