//! Any operation of the package (dxplan::ffi, what the WebAssembly exports
//! call) with any argument text. The input is `OPERATION\nARGUMENTS`; a
//! first line that names no operation picks one by its hash, so a mutated
//! name still reaches an operation. Every call answers JSON or errors with a
//! code and both messages, none longer than the engine quotes of bad input,
//! within the memory and time budget; the engine still validates the
//! example report afterwards (every 512th input). A session's methods act on
//! one report session kept for the process, as a form keeps one; its whole
//! validation must stay a fresh validation of its report.
#![no_main]

use dxplan::ffi::{self, Receiver, OPERATIONS};
use dxplan_fuzz::{within_budget, Counting};
use libfuzzer_sys::fuzz_target;
use std::cell::{Cell, RefCell};
use std::hash::{Hash, Hasher};

#[global_allocator]
static ALLOC: Counting = Counting;

/// The longest message any error may have: quotes of bad input are cut to a
/// short prefix, so a message never grows with the input.
const LONGEST_MESSAGE: usize = 4_000;

thread_local! {
    /// One engine for the process, as a page keeps one.
    static ENGINE: dxplan::Engine = dxplan::Engine::with_defaults();
    static INPUTS: Cell<u64> = const { Cell::new(0) };
    /// One report session for the process, on the quarterly example.
    static SESSION: RefCell<dxplan::ReportSession> = RefCell::new(ENGINE.with(|e| {
        let report = serde_json::from_str(include_str!("../../examples/reports/valid/quarterly.json"))
            .expect("the example is JSON");
        let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 16).expect("a day");
        e.open_report(report, today).expect("the example opens")
    }));
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (name, args) = text.split_once('\n').unwrap_or((&text, ""));
    let op = ffi::operation(name).unwrap_or_else(|| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        name.hash(&mut h);
        &OPERATIONS[(h.finish() % OPERATIONS.len() as u64) as usize]
    });
    let answer = within_budget(op.name, || match op.receiver {
        Receiver::Constructor => ffi::construct(op.name, args).map(|_| String::new()),
        Receiver::Free => ffi::call_free(op.name, args),
        Receiver::Engine => ENGINE.with(|e| ffi::call(e, op.name, args)),
        Receiver::Opener => ENGINE.with(|e| ffi::open(e, op.name, args))
            .map(|s| ffi::to_json(s.validation())),
        Receiver::Session => SESSION.with(|s| ffi::call_session(&mut s.borrow_mut(), op.name, args)),
    });
    match answer {
        Ok(json) if op.receiver != Receiver::Constructor => {
            assert!(
                serde_json::from_str::<serde_json::Value>(&json).is_ok(),
                "{}: the answer is not JSON",
                op.name
            );
        }
        Ok(_) => {}
        Err(errors) => {
            assert!(
                !errors.is_empty(),
                "{}: an error without a diagnostic",
                op.name
            );
            for d in &errors {
                assert!(!d.message.vi.is_empty() && !d.message.en.is_empty());
                assert!(
                    d.message.vi.chars().count() <= LONGEST_MESSAGE
                        && d.message.en.chars().count() <= LONGEST_MESSAGE,
                    "{}: a message of {} characters quotes too much of the input",
                    op.name,
                    d.message.en.chars().count()
                );
            }
        }
    }
    let n = INPUTS.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    if n % 512 == 1 {
        let v =
            ENGINE.with(|e| ffi::call(e, "validate", r#"[{"kind": "quarterly"}, "10/09/2025"]"#));
        assert!(
            v.is_ok_and(|v| v.contains(r#""valid":false"#)),
            "engine unusable after a call"
        );
        SESSION.with(|s| {
            let s = s.borrow();
            let fresh = ENGINE.with(|e| e.validate(s.report(), s.today()));
            assert!(s.validation() == &fresh, "the session drifted from a fresh validation");
        });
    }
});
