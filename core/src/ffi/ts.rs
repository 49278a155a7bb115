//! TypeScript declarations of every type that crosses the JSON boundary,
//! derived from the Rust types by ts-rs (with its serde compatibility: a
//! field serde leaves out when empty is optional, `?:`, in TypeScript), and
//! collected from the operation table, so that the package's declarations say
//! what the engine really writes and reads.

use std::any::TypeId;
use std::collections::HashSet;
use ts_rs::{Config, TypeVisitor, TS};

/// How a parameter or an answer names its TypeScript type (and declares it).
pub type TypeOf = fn(&mut Declarations) -> String;

/// The declarations needed so far, each once.
pub struct Declarations {
    cfg: Config,
    seen: HashSet<TypeId>,
    decls: Vec<(String, String)>,
}

impl Default for Declarations {
    fn default() -> Self {
        Declarations {
            // JSON numbers: the engine writes no integer beyond 2^53.
            cfg: Config::new().with_large_int("number"),
            seen: HashSet::new(),
            decls: Vec::new(),
        }
    }
}

struct Visit<'a>(&'a mut Declarations);

impl TypeVisitor for Visit<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        self.0.add::<T>();
    }
}

impl Declarations {
    /// Adds `T`'s declaration (when it has one) and its dependencies'.
    pub fn add<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        // A name is declared once (serde_json's `Value` and `Map` are both `JsonValue`).
        let name = T::output_path().map(|_| T::ident(&self.cfg));
        if let Some(name) = name.filter(|n| !self.decls.iter().any(|(d, _)| d == n)) {
            let docs = T::docs().map(|d| without_examples(&d)).unwrap_or_default();
            let decl = without_examples(&T::decl(&self.cfg));
            self.decls.push((name, format!("{docs}export {decl}")));
        }
        T::visit_dependencies(&mut Visit(self));
        // `Vec<T>`, `Option<T>`: their parameter is a type to declare too.
        T::visit_generics(&mut Visit(self));
    }

    /// The TypeScript name of `T`.
    pub fn name<T: TS + 'static + ?Sized>(&self) -> String {
        T::name(&self.cfg)
    }

    /// Every declaration, by name.
    pub fn render(&self) -> String {
        let mut decls = self.decls.clone();
        decls.sort_by(|a, b| a.0.cmp(&b.0));
        decls
            .into_iter()
            .map(|(_, d)| d)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Doc comments without their Rust examples (```…``` blocks), which say
/// nothing to a TypeScript reader, and without empty lines.
fn without_examples(text: &str) -> String {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        let content = line.trim_start().trim_start_matches('*').trim();
        if content.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code || line.trim().is_empty() {
            continue;
        }
        out.push(line);
    }
    // A comment that only held an example is left as `/**` + ` */`.
    let joined = out.join("\n");
    let joined = joined.replace("\n *\n */", "\n */").replace("/**\n */", "");
    if joined.is_empty() {
        joined
    } else {
        format!("{}\n", joined.trim_end())
    }
}

/// `T` as a parameter or answer type (declared on the way).
pub fn of<T: TS + 'static + ?Sized>(d: &mut Declarations) -> String {
    d.add::<T>();
    d.name::<T>()
}

/// What a constructor answers: the package's `Engine` class.
pub fn engine(_: &mut Declarations) -> String {
    "Engine".to_string()
}

/// What an opener answers: the package's `ReportSession` class.
pub fn session(_: &mut Declarations) -> String {
    "ReportSession".to_string()
}

/// `impl TS for $t` as the declaration of `$json`, the struct its
/// `Serialize` writes (the TypeScript follows the JSON, not the Rust fields).
macro_rules! declared_as {
    ($t:ty => $json:ty) => {
        impl ts_rs::TS for $t {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn docs() -> Option<String> {
                <$json as ts_rs::TS>::docs()
            }
            fn ident(cfg: &ts_rs::Config) -> String {
                <$json as ts_rs::TS>::ident(cfg)
            }
            fn name(cfg: &ts_rs::Config) -> String {
                <$json as ts_rs::TS>::name(cfg)
            }
            fn inline(cfg: &ts_rs::Config) -> String {
                <$json as ts_rs::TS>::inline(cfg)
            }
            fn decl(cfg: &ts_rs::Config) -> String {
                <$json as ts_rs::TS>::decl(cfg)
            }
            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                <$json as ts_rs::TS>::decl_concrete(cfg)
            }
            fn visit_dependencies(v: &mut impl ts_rs::TypeVisitor) {
                <$json as ts_rs::TS>::visit_dependencies(v)
            }
            fn output_path() -> Option<std::path::PathBuf> {
                <$json as ts_rs::TS>::output_path()
            }
        }
    };
}

declared_as!(crate::kpi::AppliedTarget => crate::kpi::eval::AppliedTargetJson<'static>);
declared_as!(crate::kpi::KpiResult => crate::kpi::eval::KpiResultJson<'static>);

/// `impl TS for $t` as a named alias of a TypeScript type written out:
/// for types whose JSON is a string or a number of their own form.
macro_rules! alias {
    ($t:ty, $name:literal, $doc:literal, $ts:expr) => {
        impl ts_rs::TS for $t {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn docs() -> Option<String> {
                Some(format!("/** {} */", $doc))
            }
            fn name(_: &ts_rs::Config) -> String {
                $name.to_string()
            }
            fn inline(_: &ts_rs::Config) -> String {
                $ts
            }
            fn decl(_: &ts_rs::Config) -> String {
                format!("type {} = {};", $name, $ts)
            }
            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                <Self as ts_rs::TS>::decl(cfg)
            }
            fn output_path() -> Option<std::path::PathBuf> {
                Some(std::path::PathBuf::from(concat!($name, ".ts")))
            }
        }
    };
}

alias!(
    crate::kpi::Exact,
    "Exact",
    "An exact number as text: `\"65\"`, `\"97.5\"` or a fraction `\"33125/348\"`.",
    "string".to_string()
);
alias!(
    crate::calendar::period::Period,
    "Period",
    "A period: `2025-Q3`, `2025-H1`, `2025`, `2025-09` or `START..END`.",
    "string".to_string()
);
alias!(
    crate::kpi::input::RawValue,
    "InputValue",
    "A KPI input as sent: a number, a numeric text (`\"65,5\"`), yes/no, or nothing.",
    "number | string | boolean | null".to_string()
);
alias!(
    crate::diagnostic::Code,
    "Code",
    "A stable diagnostic code (docs/diagnostics.md).",
    crate::diagnostic::Code::ALL
        .iter()
        .map(|c| format!("\"{}\"", c.as_str()))
        .collect::<Vec<_>>()
        .join(" | ")
);
