//! Rule script text → compile and apply, in the sandbox. Any text must end
//! in a rule set or diagnostics (never a panic or a hang: the limits stop
//! it), and the engine must still load the shipped rules afterwards.
#![no_main]

use dxplan::defaults;
use dxplan::rules::{RulesEngine, Script};
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;

thread_local! {
    static ENGINE: RefCell<RulesEngine> = RefCell::new(RulesEngine::new());
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(script) = Script::new("2026.rhai", &text) else {
        return;
    };
    ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        if let Err(errors) = e.load(&[script]) {
            assert!(!errors.is_empty());
            assert!(errors
                .iter()
                .all(|d| !d.message.vi.is_empty() && !d.message.en.is_empty()));
        }
        assert!(
            e.load(&defaults::scripts()).is_ok(),
            "engine unusable after a script"
        );
    });
});
