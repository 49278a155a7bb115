//! The engine's operations called by name with JSON text: the one list of
//! operations ([`OPERATIONS`]) that the WebAssembly package exports, that a
//! service receiving JSON calls, and from which the package's TypeScript
//! declarations are generated (feature `ts`).
//!
//! Arguments are a JSON array in the parameters' order; the answer is the
//! result's JSON text, written straight from the Rust value (the same JSON as
//! `dxplan … --json`), or the errors. Every argument is read the same way
//! whoever calls: a misspelt option is refused, not ignored; a number that
//! JSON cannot hold is refused at its place.
//!
//! ```
//! let engine = dxplan::Engine::with_defaults();
//! let out = dxplan::ffi::call(&engine, "checkDay", r#"["02/09/2025"]"#).unwrap();
//! assert!(out.contains(r#""is_working_day":false"#)); // Quốc khánh
//! let err = dxplan::ffi::call(&engine, "checkDay", r#"["31/02/2025"]"#).unwrap_err();
//! assert_eq!(err[0].path.as_deref(), Some("date"));
//! ```

mod args;
mod operations;
#[cfg(feature = "ts")]
pub mod ts;

pub use operations::OPERATIONS;

use crate::diagnostic::{Code, Diagnostic, Text};
use crate::engine::{Engine, Errors, ReportChange, ReportSession};
use args::Args;
use serde::Serialize;

/// What an operation is called on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Receiver {
    /// A method of an engine.
    Engine,
    /// A function that needs no engine.
    Free,
    /// A way to build an engine.
    Constructor,
    /// A method of an engine that opens a [`ReportSession`].
    Opener,
    /// A method of a [`ReportSession`].
    Session,
}

/// One parameter of an operation.
#[derive(Clone, Copy)]
pub struct Param {
    /// Its name (errors in it are at this name).
    pub name: &'static str,
    /// Whether it may be left out (or `null`).
    pub optional: bool,
    /// The problems of this argument are at JSON pointers that start with
    /// the text of argument `i` (the value of `validateField`: at the field's
    /// path); otherwise they start at the argument's root.
    pub pointer_of: Option<usize>,
    /// Its TypeScript type.
    #[cfg(feature = "ts")]
    pub ts: ts::TypeOf,
}

enum Call {
    Engine(fn(&Engine, &Args) -> Result<String, Errors>),
    Free(fn(&Args) -> Result<String, Errors>),
    New(fn(&Args) -> Result<Engine, Errors>),
    Open(fn(&Engine, &Args) -> Result<ReportSession, Errors>),
    Session(fn(&mut ReportSession, &Args) -> Result<String, Errors>),
    /// A session's method answering a [`ReportChange`], which a host may
    /// take as a value instead of JSON text ([`change`]).
    Change(fn(&mut ReportSession, &Args) -> Result<ReportChange, Errors>),
}

/// One operation: its name (as the package exports it), what it is called
/// on, its parameters and what it does.
pub struct Operation {
    /// The name, e.g. `validate`.
    pub name: &'static str,
    /// What it is called on.
    pub receiver: Receiver,
    /// What it does, in one sentence.
    pub doc: &'static str,
    /// Its parameters, in order.
    pub params: &'static [Param],
    /// The TypeScript type of its answer.
    #[cfg(feature = "ts")]
    pub returns: ts::TypeOf,
    call: Call,
}

impl std::fmt::Debug for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Operation")
            .field("name", &self.name)
            .field("receiver", &self.receiver)
            .finish()
    }
}

impl Operation {
    /// Whether the answer is a [`ReportChange`] (the small answer of each
    /// keystroke), which the WebAssembly package passes as JavaScript objects
    /// (serde-wasm-bindgen) rather than JSON text: measured faster for these
    /// answers (BENCHMARKS.md, "the boundary").
    ///
    /// ```
    /// assert!(dxplan::ffi::session_operation("set").unwrap().answers_change());
    /// assert!(!dxplan::ffi::session_operation("validate").unwrap().answers_change());
    /// ```
    pub fn answers_change(&self) -> bool {
        matches!(self.call, Call::Change(_))
    }
}

/// The operation called `name` (of an engine, free, or a way to build or
/// open one; a session's methods are [`session_operation`]).
///
/// ```
/// let op = dxplan::ffi::operation("validateField").unwrap();
/// assert_eq!(op.params[2].pointer_of, Some(1)); // the value's problems are at the field's path
/// ```
pub fn operation(name: &str) -> Option<&'static Operation> {
    OPERATIONS
        .iter()
        .find(|o| o.name == name && o.receiver != Receiver::Session)
}

/// The method `name` of a report session.
///
/// ```
/// let op = dxplan::ffi::session_operation("set").unwrap();
/// assert_eq!(op.params[1].pointer_of, Some(0)); // the value's problems are at its path
/// ```
pub fn session_operation(name: &str) -> Option<&'static Operation> {
    OPERATIONS
        .iter()
        .find(|o| o.name == name && o.receiver == Receiver::Session)
}

fn unknown(name: &str, receiver: Receiver) -> Errors {
    let what = match receiver {
        Receiver::Constructor => Text::new(
            "một cách tạo bộ máy của gói",
            "a way to build an engine of the package",
        ),
        _ => Text::new("một phép của gói", "an operation of the package"),
    };
    vec![Diagnostic::invalid_input("op", what, name)]
}

/// Calls the operation `op` (of an engine, or free) with `args`, a JSON
/// array as text; the answer as JSON text. Argument errors name the
/// parameter; text over [`crate::MAX_INPUT_BYTES`] or not JSON is refused at
/// `args`.
pub fn call(engine: &Engine, op: &str, args: &str) -> Result<String, Errors> {
    match operation(op).map(|o| (o, &o.call)) {
        Some((o, Call::Engine(f))) => f(engine, &Args::parse(args, o.params)?),
        Some((o, Call::Free(f))) => f(&Args::parse(args, o.params)?),
        _ => Err(unknown(op, Receiver::Engine)),
    }
}

/// Calls a free operation (one that needs no engine).
///
/// ```
/// let out = dxplan::ffi::call_free("version", "[]").unwrap();
/// assert_eq!(out, format!("\"{}\"", env!("CARGO_PKG_VERSION")));
/// ```
pub fn call_free(op: &str, args: &str) -> Result<String, Errors> {
    match operation(op).map(|o| (o, &o.call)) {
        Some((o, Call::Free(f))) => f(&Args::parse(args, o.params)?),
        _ => Err(unknown(op, Receiver::Free)),
    }
}

/// Builds an engine by the constructor `op` (`withDefaults`, `fromScripts`).
///
/// ```
/// let e = dxplan::ffi::construct("withDefaults", "[2024]").unwrap();
/// assert_eq!(e.rules().scripts.len(), 5); // rules/2020.rhai … 2024.rhai
/// ```
pub fn construct(op: &str, args: &str) -> Result<Engine, Errors> {
    match operation(op).map(|o| (o, &o.call)) {
        Some((o, Call::New(f))) => f(&Args::parse(args, o.params)?),
        _ => Err(unknown(op, Receiver::Constructor)),
    }
}

/// Opens a report session by the engine's operation `op` (`openReport`).
///
/// ```
/// let engine = dxplan::Engine::with_defaults();
/// let mut s = dxplan::ffi::open(&engine, "openReport", r#"[{"kind": "quarterly"}, "10/09/2025"]"#).unwrap();
/// let change = dxplan::ffi::call_session(&mut s, "set", r#"["/plan", "city-2025"]"#).unwrap();
/// assert!(change.contains(r#""path":"/plan","diagnostics":[]"#)); // no longer missing
/// ```
pub fn open(engine: &Engine, op: &str, args: &str) -> Result<ReportSession, Errors> {
    match operation(op).map(|o| (o, &o.call)) {
        Some((o, Call::Open(f))) => f(engine, &Args::parse(args, o.params)?),
        _ => Err(unknown(op, Receiver::Opener)),
    }
}

/// Calls the method `op` of a report session; the answer as JSON text.
pub fn call_session(session: &mut ReportSession, op: &str, args: &str) -> Result<String, Errors> {
    match session_operation(op).map(|o| (o, &o.call)) {
        Some((o, Call::Session(f))) => f(session, &Args::parse(args, o.params)?),
        Some((o, Call::Change(f))) => {
            f(session, &Args::parse(args, o.params)?).map(|c| to_json(&c))
        }
        _ => Err(unknown(op, Receiver::Session)),
    }
}

/// Calls a method of a report session that answers a change (`set`,
/// `remove`: [`Operation::answers_change`]); the answer as a value, for a host
/// that converts it itself.
///
/// ```
/// let engine = dxplan::Engine::with_defaults();
/// let mut s = dxplan::ffi::open(&engine, "openReport", r#"[{"kind": "quarterly"}, "10/09/2025"]"#).unwrap();
/// let c = dxplan::ffi::change(&mut s, "set", r#"["/plan", "city-2025"]"#).unwrap();
/// assert_eq!(c.diagnostics[0].path.as_deref(), Some("/plan"));
/// assert!(dxplan::ffi::change(&mut s, "validate", "[]").is_err()); // not a change
/// ```
pub fn change(session: &mut ReportSession, op: &str, args: &str) -> Result<ReportChange, Errors> {
    match session_operation(op).map(|o| (o, &o.call)) {
        Some((o, Call::Change(f))) => f(session, &Args::parse(args, o.params)?),
        _ => Err(unknown(op, Receiver::Session)),
    }
}

/// The error for an answer a host could not convert (`detail` what it
/// said): `output.write_failed`.
///
/// ```
/// assert_eq!(dxplan::ffi::output_error("out of memory").code.as_str(), "output.write_failed");
/// ```
pub fn output_error(detail: &str) -> Diagnostic {
    let detail = crate::excerpt(detail);
    Diagnostic::error(
        Code::OutputWriteFailed,
        Text::new(
            format!("Không ghi được kết quả: {detail}"),
            format!("cannot write the result: {detail}"),
        ),
    )
}

/// The JSON text of a value (the engine's types always serialise).
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| {
        // Unreachable for the engine's own types (no maps with non-string
        // keys, no I/O); said as an error rather than a panic.
        serde_json::to_string(&[output_error(&e.to_string())]).unwrap_or_default()
    })
}

/// Why a host could not even write an argument as JSON text, as the
/// diagnostic the engine gives for it: `not_finite` (NaN, ±Infinity at
/// `path`, `detail` the value), `too_large` (`detail` the size in bytes so
/// far), `freed` (an engine used after `free()`; `name` the operation),
/// `session_freed` (a report session used after `free()`) or anything else
/// (a cycle, nesting too deep; `detail` what the host said), for the
/// argument `name`.
///
/// ```
/// let d = dxplan::ffi::input_error("not_finite", "report", "/values/dossiers_total", "NaN");
/// assert_eq!(d.code.as_str(), "input.not_finite");
/// assert_eq!(d.path.as_deref(), Some("/values/dossiers_total"));
/// ```
pub fn input_error(kind: &str, name: &str, path: &str, detail: &str) -> Diagnostic {
    let at = if path.is_empty() { "/" } else { path };
    let detail = &*crate::excerpt(detail);
    match kind {
        "not_finite" => Diagnostic::not_finite(at, detail),
        "too_large" => Diagnostic::too_large(at, detail.parse::<f64>().unwrap_or(0.0) as usize),
        "freed" => Diagnostic::error(
            Code::EngineFreed,
            Text::new(
                format!("Engine đã được giải phóng bằng free(): không gọi được {}", crate::excerpt(name)),
                format!("the engine was freed with free(): {} cannot be called", crate::excerpt(name)),
            ),
        )
        .with_hint(Text::new(
            "Tạo engine mới bằng Engine.withDefaults() hoặc Engine.fromScripts(), hoặc chỉ gọi free() khi không dùng nữa.",
            "Create a new engine with Engine.withDefaults() or Engine.fromScripts(), or call free() only when done with it.",
        )),
        "session_freed" => Diagnostic::error(
            Code::EngineFreed,
            Text::new(
                format!("Phiên báo cáo đã được giải phóng bằng free(): không gọi được {}", crate::excerpt(name)),
                format!("the report session was freed with free(): {} cannot be called", crate::excerpt(name)),
            ),
        )
        .with_hint(Text::new(
            "Mở phiên mới bằng engine.openReport(báo cáo, ngày), hoặc chỉ gọi free() khi không dùng nữa.",
            "Open a new session with engine.openReport(report, today), or call free() only when done with it.",
        )),
        _ => Diagnostic::invalid_input(
            name,
            Text::new(
                "dữ liệu JSON (không vòng lặp, không lồng quá sâu)",
                "JSON data (no cycles, not nested too deeply)",
            ),
            detail,
        ),
    }
}
