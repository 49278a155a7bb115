//! What a rule script runs in: the parts of Rhai it sees, the limits, and
//! the work meter.
//!
//! Rhai counts one operation per statement or expression, but some built-in
//! functions do work proportional to their arguments in that one operation
//! (`a.contains(x)` compares every item; `a == b` every pair). The meter
//! charges that work to the same budget as the operations: such functions
//! are replaced by versions that add the items they touch, and the budget is
//! checked on every operation. What no function can charge (copying a value
//! on assignment) is bounded by small size limits, so that no single
//! operation costs more than a few microseconds. A load and each custom
//! check have their own budget ([`limits::OPERATIONS`],
//! [`limits::CHECK_OPERATIONS`]).
//!
//! A report is given to custom checks as a read-only [`View`] of its JSON,
//! which costs nothing to copy, however large the report.

use rhai::{Array, Dynamic, Engine, EvalAltResult, ImmutableString, Map, Position, INT};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Sandbox limits (documented in `rules/README.md`).
pub mod limits {
    /// Work one script run may do while loading: operations plus the items
    /// touched by built-in functions (an infinite loop stops here).
    pub const OPERATIONS: u64 = 100_000;
    /// Work one custom check may do on one validation (a validation runs as
    /// the user types).
    pub const CHECK_OPERATIONS: u64 = 20_000;
    /// Nested function calls (runaway recursion stops here).
    pub const CALL_LEVELS: usize = 32;
    /// Expression nesting at the top level and inside functions.
    pub const EXPR_DEPTH: (usize, usize) = (64, 32);
    /// Bytes in one string.
    pub const STRING_SIZE: usize = 10_000;
    /// Items in one array a script builds (nested arrays count together).
    pub const ARRAY_SIZE: usize = 256;
    /// Entries in one object map a script builds (nested maps count together).
    pub const MAP_SIZE: usize = 128;
    /// Nesting of arrays and maps a script builds.
    pub const DATA_DEPTH: usize = 32;
    /// Variables alive at once.
    pub const VARIABLES: usize = 256;
    /// Functions one script may define.
    pub const FUNCTIONS: usize = 256;
}

/// What a run has spent beyond Rhai's own operation count, and what it may
/// spend in all.
#[derive(Debug)]
pub(crate) struct Meter {
    extra: Cell<u64>,
    budget: Cell<u64>,
}

/// What a script writer is told about the work meter (Vietnamese, English).
pub(crate) const METERED: (&str, &str) = (
    "mỗi phần tử mà contains, index_of, ==, sort xem qua cũng tính là một phép tính, \
     và mỗi lần dùng một mảng hay bảng thì cứ bốn phần tử tính là một phép tính",
    "every item that contains, index_of, ==, sort look at counts as an operation too, \
     and so does every four items of an array or map each time it is used",
);

/// The items of an array or map variable that cost one unit each time the
/// variable is used (a copy of one item costs a tenth of an operation).
const ITEMS_PER_UNIT: usize = 4;

/// The token a run is terminated with when its budget is spent.
const SPENT: &str = "dxplan:budget";

impl Meter {
    fn new() -> Rc<Meter> {
        Rc::new(Meter {
            extra: Cell::new(0),
            budget: Cell::new(limits::OPERATIONS),
        })
    }

    /// Starts a run that may do `budget` work.
    pub(crate) fn start(&self, budget: u64) {
        self.extra.set(0);
        self.budget.set(budget);
    }

    fn charge(&self, items: usize) {
        self.extra
            .set(self.extra.get().saturating_add(items as u64));
    }

    fn over(&self, ops: u64) -> bool {
        ops.saturating_add(self.extra.get()) > self.budget.get()
    }
}

/// Whether a run-time error is the meter stopping a run.
pub(crate) fn is_spent(e: &EvalAltResult) -> bool {
    matches!(e, EvalAltResult::ErrorTerminated(t, _)
        if t.clone().into_immutable_string().is_ok_and(|s| s == SPENT))
}

/// A sandboxed Rhai engine: the language core, arithmetic, logic, strings,
/// arrays and maps — nothing that reaches the outside world (no print
/// target, no clock, no files, no `eval`) — with the limits and the meter.
pub(crate) fn engine() -> (Engine, Rc<Meter>) {
    use rhai::packages::{
        BasicArrayPackage, BasicMapPackage, CorePackage, LogicPackage, MoreStringPackage, Package,
    };
    let mut engine = Engine::new_raw();
    engine.register_global_module(CorePackage::new().as_shared_module());
    engine.register_global_module(LogicPackage::new().as_shared_module());
    engine.register_global_module(MoreStringPackage::new().as_shared_module());
    engine.register_global_module(BasicArrayPackage::new().as_shared_module());
    engine.register_global_module(BasicMapPackage::new().as_shared_module());
    engine.on_print(|_| {});
    engine.on_debug(|_, _, _| {});
    engine.disable_symbol("eval");
    engine.set_strict_variables(true);
    // A backstop: the meter stops a run first.
    engine.set_max_operations(limits::OPERATIONS.max(limits::CHECK_OPERATIONS) + 1);
    engine.set_max_call_levels(limits::CALL_LEVELS);
    engine.set_max_expr_depths(limits::EXPR_DEPTH.0, limits::EXPR_DEPTH.1);
    engine.set_max_string_size(limits::STRING_SIZE);
    engine.set_max_array_size(limits::ARRAY_SIZE);
    engine.set_max_map_size(limits::MAP_SIZE);
    engine.set_max_variables(limits::VARIABLES);
    engine.set_max_functions(limits::FUNCTIONS);
    let meter = Meter::new();
    let m = Rc::clone(&meter);
    engine.on_progress(move |ops| m.over(ops).then(|| Dynamic::from(SPENT)));
    // Rhai checks a map's size when a function returns it, not when
    // `m[k] = v` or `m.k = v` adds an entry: a map grown that way is refused
    // the next time its variable is used, before copying it can cost much.
    // Looking a variable over, and the copy that `let b = a` or passing it
    // makes, is work in proportion to its items: charged, one unit per
    // [`ITEMS_PER_UNIT`] items, so a loop that copies a 250-item array stops
    // after a few thousand copies rather than a hundred thousand.
    // (`on_var` is marked volatile in Rhai 1.27; the version is pinned.)
    let m = Rc::clone(&meter);
    #[allow(deprecated)]
    engine.on_var(move |name, _, ctx| {
        match ctx
            .scope()
            .get(name)
            .map_or(Ok(0), |v| measure(v, limits::MAP_SIZE))
        {
            Ok(items) => {
                m.charge(items / ITEMS_PER_UNIT);
                Ok(None)
            }
            Err(what) => Err(Box::new(EvalAltResult::ErrorDataTooLarge(
                what.into(),
                Position::NONE,
            ))),
        }
    });
    charged(&mut engine, &meter);
    View::register(&mut engine);
    (engine, meter)
}

/// Registers, over the packages' versions, the built-in functions whose
/// work grows with their arguments, charging the items they touch.
fn charged(engine: &mut Engine, meter: &Rc<Meter>) {
    let m = Rc::clone(meter);
    engine.register_fn("contains", move |a: &mut Array, x: Dynamic| {
        position(&m, a, &x, 0).is_some()
    });
    let m = Rc::clone(meter);
    engine.register_fn("index_of", move |a: &mut Array, x: Dynamic| -> INT {
        position(&m, a, &x, 0).map_or(-1, |i| i as INT)
    });
    let m = Rc::clone(meter);
    engine.register_fn(
        "index_of",
        move |a: &mut Array, x: Dynamic, start: INT| -> INT {
            let from = if start < 0 {
                a.len().saturating_sub(start.unsigned_abs() as usize)
            } else {
                start as usize
            };
            position(&m, a, &x, from).map_or(-1, |i| i as INT)
        },
    );
    let m = Rc::clone(meter);
    engine.register_fn("==", move |a: &mut Array, b: Array| arrays(&m, a, &b));
    let m = Rc::clone(meter);
    engine.register_fn("!=", move |a: &mut Array, b: Array| !arrays(&m, a, &b));
    let m = Rc::clone(meter);
    engine.register_fn("==", move |a: &mut Map, b: Map| maps(&m, a, &b));
    let m = Rc::clone(meter);
    engine.register_fn("!=", move |a: &mut Map, b: Map| !maps(&m, a, &b));
    let m = Rc::clone(meter);
    engine.register_fn("dedup", move |a: &mut Array| {
        m.charge(a.len());
        a.dedup_by(|x, y| same(x, y));
    });
    let m = Rc::clone(meter);
    engine.register_fn("sort", move |a: &mut Array| sort(&m, a, false));
    let m = Rc::clone(meter);
    engine.register_fn("sort_desc", move |a: &mut Array| sort(&m, a, true));
}

/// What [`too_large`] reports for data nested deeper than
/// [`limits::DATA_DEPTH`] (Rhai's own reports name the kind of value).
pub(crate) const NESTING: &str = "nesting";

/// The items of `v`'s arrays and maps at every level (what looking it over
/// costs), or what is wrong with it: more than `limit` map entries in all,
/// or nesting deeper than [`limits::DATA_DEPTH`].
fn measure(v: &Dynamic, limit: usize) -> Result<usize, &'static str> {
    #[derive(Default)]
    struct Count {
        entries: usize,
        items: usize,
    }
    fn walk(v: &Dynamic, n: &mut Count, limit: usize, depth: usize) -> Result<(), &'static str> {
        if depth > limits::DATA_DEPTH {
            return Err(NESTING);
        }
        if let Some(m) = v.read_lock::<Map>() {
            n.entries += m.len();
            n.items += m.len();
            if n.entries > limit {
                return Err("Size of object map");
            }
            return m
                .values()
                .filter(|x| x.is_map() || x.is_array())
                .try_for_each(|x| walk(x, n, limit, depth + 1));
        }
        if let Some(a) = v.read_lock::<Array>() {
            n.items += a.len();
            return a
                .iter()
                .filter(|x| x.is_map() || x.is_array())
                .try_for_each(|x| walk(x, n, limit, depth + 1));
        }
        Ok(())
    }
    if !v.is_map() && !v.is_array() {
        return Ok(0);
    }
    let mut n = Count::default();
    walk(v, &mut n, limit, 0)?;
    Ok(n.items)
}

fn position(m: &Meter, a: &[Dynamic], x: &Dynamic, from: usize) -> Option<usize> {
    let found = a.iter().skip(from).position(|y| equal(m, y, x));
    m.charge(found.map_or(a.len().saturating_sub(from), |i| i + 1));
    found.map(|i| i + from)
}

/// Equality of script values, charging one unit per value compared.
fn equal(m: &Meter, a: &Dynamic, b: &Dynamic) -> bool {
    m.charge(1);
    if let (Some(x), Some(y)) = (a.read_lock::<Array>(), b.read_lock::<Array>()) {
        return arrays(m, &x, &y);
    }
    if let (Some(x), Some(y)) = (a.read_lock::<Map>(), b.read_lock::<Map>()) {
        return maps(m, &x, &y);
    }
    same(a, b)
}

fn arrays(m: &Meter, x: &[Dynamic], y: &[Dynamic]) -> bool {
    x.len() == y.len() && x.iter().zip(y).all(|(p, q)| equal(m, p, q))
}

fn maps(m: &Meter, x: &Map, y: &Map) -> bool {
    x.len() == y.len()
        && x.iter()
            .all(|(k, p)| y.get(k).is_some_and(|q| equal(m, p, q)))
}

/// Equality of two plain values (numbers compare by value, `1 == 1.0`).
fn same(a: &Dynamic, b: &Dynamic) -> bool {
    if let Some(x) = number(a) {
        return number(b) == Some(x);
    }
    if a.is_string() && b.is_string() {
        return a.clone().into_immutable_string().ok() == b.clone().into_immutable_string().ok();
    }
    match (a.as_bool(), b.as_bool()) {
        (Ok(x), Ok(y)) => return x == y,
        (Ok(_), _) | (_, Ok(_)) => return false,
        _ => {}
    }
    match (a.as_char(), b.as_char()) {
        (Ok(x), Ok(y)) => return x == y,
        (Ok(_), _) | (_, Ok(_)) => return false,
        _ => {}
    }
    a.is_unit() && b.is_unit()
}

fn number(v: &Dynamic) -> Option<f64> {
    v.as_int().map(|i| i as f64).or_else(|_| v.as_float()).ok()
}

/// The error of sorting an array of mixed kinds.
pub(crate) const MIXED_SORT: &str = "dxplan:mixed_sort";

/// Sorts numbers, texts, characters or booleans (one kind per array).
fn sort(m: &Meter, a: &mut Array, descending: bool) -> Result<(), Box<EvalAltResult>> {
    let n = a.len();
    m.charge(n.saturating_mul(usize::BITS as usize - n.leading_zeros() as usize));
    let kind = |v: &Dynamic| -> u8 {
        if number(v).is_some() {
            0
        } else if v.is_string() {
            1
        } else if v.is_char() {
            2
        } else if v.is_bool() {
            3
        } else {
            4
        }
    };
    let first = a.first().map_or(0, kind);
    if first == 4 || a.iter().any(|v| kind(v) != first) {
        return Err(Box::new(EvalAltResult::ErrorRuntime(
            Dynamic::from(MIXED_SORT),
            Position::NONE,
        )));
    }
    let key = |v: &Dynamic| -> (f64, ImmutableString, char, bool) {
        (
            number(v).unwrap_or(0.0),
            v.clone().into_immutable_string().unwrap_or_default(),
            v.as_char().unwrap_or('\0'),
            v.as_bool().unwrap_or(false),
        )
    };
    a.sort_by(|x, y| {
        let (p, q) = (key(x), key(y));
        let o =
            p.0.total_cmp(&q.0)
                .then_with(|| p.1.cmp(&q.1))
                .then_with(|| p.2.cmp(&q.2))
                .then_with(|| p.3.cmp(&q.3));
        if descending {
            o.reverse()
        } else {
            o
        }
    });
    Ok(())
}

/// A read-only view of a JSON array or object (a report, or part of it) as
/// a custom check sees it: `v.key` or `v["key"]` and `v[i]` (from the end
/// when negative) give a number, a text, a boolean, `()` when absent, or
/// another view; `v.len()`, `v.is_empty()`, `v.contains("key")`, and
/// `for x in v` over an array's items (an object's keys). Copying a view
/// copies no data.
#[derive(Clone, Debug)]
pub(crate) enum View {
    List(Rc<Vec<Item>>),
    Object(Rc<BTreeMap<String, Item>>),
}

/// One value inside a [`View`].
#[derive(Clone, Debug)]
pub(crate) enum Item {
    Plain(Dynamic),
    View(View),
}

/// JSON nesting a view follows (a report parsed from JSON is shallower).
const VIEW_DEPTH: usize = 128;

impl Item {
    fn of(v: &serde_json::Value, depth: usize) -> Item {
        use serde_json::Value;
        let plain = match v {
            Value::Null => Dynamic::UNIT,
            Value::Bool(b) => Dynamic::from(*b),
            Value::Number(n) => match n.as_i64() {
                Some(i) => Dynamic::from(i),
                None => n.as_f64().map_or(Dynamic::UNIT, Dynamic::from),
            },
            Value::String(s) => Dynamic::from(ImmutableString::from(s.as_str())),
            _ if depth >= VIEW_DEPTH => Dynamic::UNIT,
            Value::Array(a) => {
                return Item::View(View::List(Rc::new(
                    a.iter().map(|x| Item::of(x, depth + 1)).collect(),
                )))
            }
            Value::Object(m) => {
                return Item::View(View::Object(Rc::new(
                    m.iter()
                        .map(|(k, x)| (k.clone(), Item::of(x, depth + 1)))
                        .collect(),
                )))
            }
        };
        Item::Plain(plain)
    }

    fn dynamic(&self) -> Dynamic {
        match self {
            Item::Plain(d) => d.clone(),
            Item::View(v) => Dynamic::from(v.clone()),
        }
    }
}

impl View {
    /// A JSON value as a script sees it: arrays and objects as views.
    pub(crate) fn of(v: &serde_json::Value) -> Dynamic {
        Item::of(v, 0).dynamic()
    }

    /// An object of plain values (numbers, texts, booleans, `()`).
    pub(crate) fn object(entries: impl Iterator<Item = (String, Dynamic)>) -> Dynamic {
        Dynamic::from(View::Object(Rc::new(
            entries.map(|(k, v)| (k, Item::Plain(v))).collect(),
        )))
    }

    fn len(&self) -> INT {
        match self {
            View::List(a) => a.len() as INT,
            View::Object(m) => m.len() as INT,
        }
    }

    fn register(engine: &mut Engine) {
        engine.register_type_with_name::<View>("du_lieu");
        engine.register_indexer_get(|v: &mut View, key: ImmutableString| match v {
            View::Object(m) => m.get(key.as_str()).map_or(Dynamic::UNIT, Item::dynamic),
            View::List(_) => Dynamic::UNIT,
        });
        engine.register_indexer_get(|v: &mut View, i: INT| match v {
            View::List(a) => {
                let i = if i < 0 { i + a.len() as INT } else { i };
                usize::try_from(i)
                    .ok()
                    .and_then(|i| a.get(i))
                    .map_or(Dynamic::UNIT, Item::dynamic)
            }
            View::Object(_) => Dynamic::UNIT,
        });
        engine.register_fn("len", |v: &mut View| v.len());
        engine.register_fn("is_empty", |v: &mut View| v.len() == 0);
        engine.register_fn("contains", |v: &mut View, key: ImmutableString| match v {
            View::Object(m) => m.contains_key(key.as_str()),
            View::List(_) => false,
        });
        engine.register_fn("to_string", |v: &mut View| v.excerpt());
        engine.register_fn("to_debug", |v: &mut View| v.excerpt());
        engine.register_iterator::<View>();
    }

    /// A short text of the value, for messages a check builds.
    fn excerpt(&self) -> String {
        match self {
            View::List(a) => format!("[{} mục / items]", a.len()),
            View::Object(m) => {
                let keys: Vec<&str> = m.keys().map(String::as_str).collect();
                crate::excerpt(&format!("#{{{}}}", keys.join(", "))).into_owned()
            }
        }
    }
}

impl IntoIterator for View {
    type Item = Dynamic;
    type IntoIter = Items;

    fn into_iter(self) -> Items {
        match self {
            View::List(a) => Items::List(a, 0),
            View::Object(m) => Items::Keys(
                m.keys()
                    .map(|k| Dynamic::from(k.clone()))
                    .collect::<Vec<_>>()
                    .into_iter(),
            ),
        }
    }
}

/// The items of a viewed array (the keys of a viewed object), one at a time.
pub(crate) enum Items {
    List(Rc<Vec<Item>>, usize),
    Keys(std::vec::IntoIter<Dynamic>),
}

impl Iterator for Items {
    type Item = Dynamic;

    fn next(&mut self) -> Option<Dynamic> {
        match self {
            Items::List(a, i) => {
                let item = a.get(*i)?;
                *i += 1;
                Some(item.dynamic())
            }
            Items::Keys(keys) => keys.next(),
        }
    }
}
