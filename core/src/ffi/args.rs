//! Reading the arguments of an operation from JSON text: one array, each
//! element decoded straight into the type its parameter takes.

use super::Param;
use crate::calendar::date::parse_date;
use crate::diagnostic::{Diagnostic, Text, MAX_INPUT_BYTES, MAX_TEXT_ARG_BYTES};
use crate::engine::Errors;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::Value;

/// The arguments of one call, each still JSON text.
pub(crate) struct Args<'a> {
    items: Vec<&'a RawValue>,
    params: &'static [Param],
}

fn bad(name: &str, what: Text, detail: &str) -> Errors {
    vec![Diagnostic::invalid_input(name, what, detail)]
}

fn not_json(detail: &str) -> Errors {
    bad(
        "args",
        Text::new("một mảng JSON các đối số", "a JSON array of arguments"),
        detail,
    )
}

impl<'a> Args<'a> {
    /// `text`, a JSON array of at most `params` arguments: refused over
    /// [`MAX_INPUT_BYTES`] (`input.too_large`, one budget per call), when it
    /// is not JSON or has more arguments than the operation takes
    /// (`input.invalid_json`: a misplaced argument is refused, not ignored),
    /// at `args`.
    /// A string with half a surrogate pair is `input.broken_character` at
    /// its field (see [`crate::json::lone_surrogate`]).
    pub(crate) fn parse(text: &'a str, params: &'static [Param]) -> Result<Args<'a>, Errors> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(vec![Diagnostic::too_large("args", text.len())]);
        }
        let items: Vec<&RawValue> =
            serde_json::from_str(text).map_err(|e| not_json(&e.to_string()))?;
        let args = Args { items, params };
        let params = params.len();
        if args.items.len() > params {
            return Err(bad(
                "args",
                Text::new(
                    format!("tối đa {params} đối số"),
                    format!("at most {params} arguments"),
                ),
                &args.items.len().to_string(),
            ));
        }
        Ok(args)
    }

    /// Where a problem at `inside` (a JSON pointer into argument `i`) is
    /// reported: the argument's own problem at its name; one inside it at
    /// the pointer inside it, under the argument's path when its problems
    /// are placed there (the value of `validateField`: at the field's path).
    fn place(&self, i: usize, inside: &str) -> String {
        let Some(param) = self.params.get(i) else {
            return "args".to_string();
        };
        let prefix = param
            .pointer_of
            .and_then(|j| serde_json::from_str::<String>(self.raw(j)?).ok());
        match (prefix, inside) {
            (Some(p), rest) => format!("{p}{rest}"),
            (None, "") => param.name.to_string(),
            (None, rest) => rest.to_string(),
        }
    }

    /// The error of argument `i`'s text that is not JSON.
    fn not_json_at(&self, i: usize, raw: &str, e: &serde_json::Error) -> Errors {
        match crate::json::lone_surrogate(raw) {
            Some((inside, escape)) => {
                vec![crate::json::broken_character(
                    &self.place(i, &inside),
                    &escape,
                )]
            }
            None => not_json(&e.to_string()),
        }
    }

    fn raw(&self, i: usize) -> Option<&'a str> {
        self.items.get(i).map(|r| r.get()).filter(|r| *r != "null")
    }

    /// Argument `i` as `T`; `None` when absent or null. A value JSON cannot
    /// hold (nested too deeply) is a problem of the whole text (`args`); a
    /// value of the wrong shape is at `name`, `what` saying what it should be.
    pub(crate) fn get<T: DeserializeOwned>(
        &self,
        i: usize,
        name: &str,
        what: Text,
    ) -> Result<Option<T>, Errors> {
        let Some(raw) = self.raw(i) else {
            return Ok(None);
        };
        serde_json::from_str(raw).map(Some).map_err(|e| {
            if e.is_syntax() || e.is_eof() {
                self.not_json_at(i, raw, &e)
            } else {
                bad(name, what, &e.to_string())
            }
        })
    }

    /// A required argument.
    pub(crate) fn req<T: DeserializeOwned>(
        &self,
        i: usize,
        name: &str,
        what: Text,
    ) -> Result<T, Errors> {
        match self.get(i, name, what.clone())? {
            Some(v) => Ok(v),
            None => serde_json::from_str("null").map_err(|e| bad(name, what, &e.to_string())),
        }
    }

    /// An optional argument; absent or null is `T::default()`.
    pub(crate) fn opt<T: DeserializeOwned + Default>(
        &self,
        i: usize,
        name: &str,
        what: Text,
    ) -> Result<T, Errors> {
        Ok(self.get(i, name, what)?.unwrap_or_default())
    }

    /// Any JSON value (a report); absent is `null`.
    pub(crate) fn value(&self, i: usize, name: &str) -> Result<Value, Errors> {
        Ok(self
            .get(i, name, Text::new("dữ liệu JSON", "JSON data"))?
            .unwrap_or(Value::Null))
    }

    /// A text argument, at most [`MAX_TEXT_ARG_BYTES`] long (a date, a
    /// kind, a form path): a longer one is `input.too_large` at `name`
    /// before it is read (issue 15: a 250-million-character path).
    pub(crate) fn text(&self, i: usize, name: &str) -> Result<String, Errors> {
        if let Some(raw) = self.raw(i).filter(|r| r.len() > MAX_TEXT_ARG_BYTES + 2) {
            return Err(vec![Diagnostic::text_too_large(name, raw.len())]);
        }
        match self.raw(i).map(|r| (r, serde_json::from_str::<Value>(r))) {
            Some((_, Ok(Value::String(s)))) => Ok(s),
            Some((raw, Err(e))) => Err(self.not_json_at(i, raw, &e)),
            other => {
                let found = match other {
                    Some((_, Ok(v))) => v.to_string(),
                    _ => "null".to_string(),
                };
                Err(bad(name, Text::new("một chuỗi", "a string"), &found))
            }
        }
    }

    /// An optional text argument.
    pub(crate) fn opt_text(&self, i: usize, name: &str) -> Result<Option<String>, Errors> {
        match self.raw(i) {
            None => Ok(None),
            Some(_) => self.text(i, name).map(Some),
        }
    }

    /// A day, `dd/mm/yyyy` or `yyyy-mm-dd`; its problem is at `name`.
    pub(crate) fn date(&self, i: usize, name: &str) -> Result<NaiveDate, Errors> {
        parse_date(&self.text(i, name)?).map_err(|d| vec![d.at(name)])
    }

    /// A whole number (a count of days). A number without fraction written
    /// beyond the 64-bit range (JavaScript's −9.2e18) is clamped, so that the
    /// engine's own bounds refuse it as they refuse any large count.
    pub(crate) fn whole(&self, i: usize, name: &str) -> Result<i64, Errors> {
        let found = self.raw(i).unwrap_or("null");
        let n: Option<serde_json::Number> = serde_json::from_str(found).ok();
        let whole = n.and_then(|n| {
            n.as_i64().or_else(|| {
                n.as_f64()
                    .filter(|f| f.is_finite() && f.fract() == 0.0)
                    .map(|f| f as i64)
            })
        });
        whole.ok_or_else(|| bad(name, Text::new("một số nguyên", "a whole number"), found))
    }

    /// A year (a whole number; its range is the engine's to check).
    pub(crate) fn year(&self, i: usize, name: &str) -> Result<i32, Errors> {
        let y = self.whole(i, name)?;
        i32::try_from(y).map_err(|_| bad(name, Text::new("một năm", "a year"), &y.to_string()))
    }

    /// An optional year.
    pub(crate) fn opt_year(&self, i: usize, name: &str) -> Result<Option<i32>, Errors> {
        match self.raw(i) {
            None => Ok(None),
            Some(_) => self.year(i, name).map(Some),
        }
    }
}
