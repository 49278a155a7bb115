//! # dxplan-wasm
//!
//! The dxplan engine for web pages and Node, through wasm-bindgen. This crate
//! decides nothing and converts nothing by itself: every operation is one
//! entry of [`dxplan::ffi::OPERATIONS`], called with its arguments as JSON
//! text (written by the engine's own `JSON.stringify`) and answering JSON
//! text (parsed by `JSON.parse`), one boundary crossing each way; only a
//! report session's change, the small answer of each keystroke, is written
//! into JavaScript objects instead (serde-wasm-bindgen, measured faster for
//! it: `RawSession::change`). The
//! package's JavaScript classes and functions and their TypeScript
//! declarations are generated from the same table (`src/bin/dxplan-js.rs`).
//!
//! Every export returns a `Result`, so nothing panics across the boundary and
//! the instance stays usable after any error; an error is the JSON text of
//! its diagnostics, which the package turns into a `DxplanError`. The clock
//! is never read: every "today" comes from the caller.
//!
//! ```
//! // The same operations natively (what the parity tests compare against):
//! let engine = dxplan::ffi::construct("withDefaults", "[]").unwrap();
//! let v = dxplan::ffi::call(&engine, "validate", r#"[{"kind": "quarterly"}, "10/09/2025"]"#).unwrap();
//! assert!(v.contains(r#""valid":false"#));
//! ```

use wasm_bindgen::prelude::*;

fn errors(d: dxplan::Errors) -> String {
    dxplan::ffi::to_json(&d)
}

/// An engine (rules, validator, script engine) held by the package's
/// `Engine` class.
#[wasm_bindgen]
pub struct RawEngine {
    engine: dxplan::Engine,
}

#[wasm_bindgen]
impl RawEngine {
    /// Builds an engine by a constructor of the operation table.
    pub fn construct(op: &str, args: &str) -> Result<RawEngine, String> {
        dxplan::ffi::construct(op, args)
            .map(|engine| RawEngine { engine })
            .map_err(errors)
    }

    /// Calls an operation of the table on this engine.
    pub fn call(&self, op: &str, args: &str) -> Result<String, String> {
        dxplan::ffi::call(&self.engine, op, args).map_err(errors)
    }

    /// Opens a report session by an opener of the operation table.
    pub fn open(&self, op: &str, args: &str) -> Result<RawSession, String> {
        dxplan::ffi::open(&self.engine, op, args)
            .map(|session| RawSession { session })
            .map_err(errors)
    }
}

/// A report being filled in (it keeps its engine), held by the package's
/// `ReportSession` class.
#[wasm_bindgen]
pub struct RawSession {
    session: dxplan::ReportSession,
}

#[wasm_bindgen]
impl RawSession {
    /// Calls a method of the session in the operation table.
    pub fn call(&mut self, op: &str, args: &str) -> Result<String, String> {
        dxplan::ffi::call_session(&mut self.session, op, args).map_err(errors)
    }

    /// Calls a method of the session that answers a change (`set`,
    /// `remove`), answered as JavaScript objects (serde-wasm-bindgen in its
    /// JSON-compatible mode: the same values and keys as the JSON text).
    pub fn change(&mut self, op: &str, args: &str) -> Result<JsValue, String> {
        use serde::Serialize as _;
        let change = dxplan::ffi::change(&mut self.session, op, args).map_err(errors)?;
        change
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| errors(vec![dxplan::ffi::output_error(&e.to_string())]))
    }
}

/// Calls an operation of the table that needs no engine.
#[wasm_bindgen(js_name = callFree)]
pub fn call_free(op: &str, args: &str) -> Result<String, String> {
    dxplan::ffi::call_free(op, args).map_err(errors)
}

/// The error (diagnostics JSON) for an argument the page could not write as
/// JSON: see [`dxplan::ffi::input_error`].
#[wasm_bindgen(js_name = inputError)]
pub fn input_error(kind: &str, name: &str, path: &str, detail: &str) -> String {
    errors(vec![dxplan::ffi::input_error(kind, name, path, detail)])
}
