//! Raw KPI inputs as a unit reports them, read leniently and checked strictly.
//!
//! A value may arrive as a JSON number, a numeric string (`"65,5"` from a
//! Vietnamese form field) or a boolean. Reading never fails on a value: a
//! wrong type is kept as [`RawValue`] so that validation can say exactly which
//! field is wrong and why, instead of rejecting the whole document.
//!
//! ```
//! use dxplan::kpi::UnitInput;
//! let json = r#"{ "unit": "phuong-a", "level": "commune", "period": "2025",
//!                 "values": { "dossiers_full_online": 13, "dossiers_total": "20" } }"#;
//! let input: UnitInput = serde_json::from_str(json).unwrap();
//! assert_eq!(input.values.len(), 2);
//! ```

use super::{AdminLevel, Exact};
use crate::calendar::period::Period;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The largest JSON number read exactly: 2⁵³ − 1, JavaScript's
/// `Number.MAX_SAFE_INTEGER` (9.007.199.254.740.991). Native and
/// WebAssembly read the same: a larger JSON number is refused rather than
/// silently rounded on one side only; as a string of digits it is exact.
pub const MAX_EXACT_NUMBER: u64 = (1 << 53) - 1;

/// A value as received, before validation.
///
/// ```
/// use dxplan::kpi::input::RawValue;
/// let v: RawValue = serde_json::from_str("0.1").unwrap();
/// assert_eq!(v, RawValue::Number(dxplan::kpi::Exact::parse("0.1").unwrap()));
/// let t: RawValue = serde_json::from_str("\"mười\"").unwrap();
/// assert_eq!(t, RawValue::Text("mười".into()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawValue {
    /// A number (or a string that reads as one), exact.
    Number(Exact),
    /// A boolean.
    Bool(bool),
    /// A string that is not a number.
    Text(String),
    /// `null`.
    Null,
    /// A number that is not finite (NaN, ±Infinity; possible from JavaScript).
    NotFinite,
    /// A JSON number beyond ±[`MAX_EXACT_NUMBER`], which JSON numbers do not
    /// hold exactly (a JavaScript page would already have rounded it): sent
    /// as a string of digits it is read exactly.
    TooLarge,
    /// A JSON number with more decimals than exact arithmetic keeps (30),
    /// such as `1e-30`.
    TooPrecise,
    /// An array or object.
    Structured(&'static str),
}

impl RawValue {
    /// What kind of value it is, for messages.
    pub fn describe(&self) -> &'static str {
        match self {
            RawValue::Number(_) => "number",
            RawValue::Bool(_) => "boolean",
            RawValue::Text(_) => "string",
            RawValue::Null => "null",
            RawValue::NotFinite => "non-finite number",
            RawValue::TooLarge => "number too large to be exact",
            RawValue::TooPrecise => "number with too many decimals",
            RawValue::Structured(k) => k,
        }
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, a numeric string or a boolean")
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawValue, E> {
        Ok(RawValue::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawValue, E> {
        Ok(if v.unsigned_abs() > MAX_EXACT_NUMBER {
            RawValue::TooLarge
        } else {
            RawValue::Number(Exact::int(v))
        })
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawValue, E> {
        Ok(if v > MAX_EXACT_NUMBER {
            RawValue::TooLarge
        } else {
            RawValue::Number(Exact::int(v as i64))
        })
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawValue, E> {
        Ok(if !v.is_finite() {
            RawValue::NotFinite
        } else if v.abs() > MAX_EXACT_NUMBER as f64 {
            RawValue::TooLarge
        } else {
            match Exact::from_f64(v) {
                Some(e) => RawValue::Number(e),
                None => RawValue::TooPrecise,
            }
        })
    }
    fn visit_str<E>(self, v: &str) -> Result<RawValue, E> {
        Ok(match Exact::read(v) {
            Some(e) => RawValue::Number(e),
            None => RawValue::Text(v.to_string()),
        })
    }
    fn visit_unit<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_none<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
        d.deserialize_any(RawVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(RawValue::Structured("array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(RawValue::Structured("object"))
    }
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawValue, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

impl Serialize for RawValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            RawValue::Number(e) => e.serialize(s),
            RawValue::Bool(b) => s.serialize_bool(*b),
            RawValue::Text(t) => s.serialize_str(t),
            RawValue::Null
            | RawValue::NotFinite
            | RawValue::TooLarge
            | RawValue::TooPrecise
            | RawValue::Structured(_) => s.serialize_none(),
        }
    }
}

/// A validated input value.
///
/// ```
/// let v = dxplan::kpi::InputValue::Number(dxplan::kpi::Exact::int(3));
/// assert!(matches!(v, dxplan::kpi::InputValue::Number(_)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum InputValue {
    /// A number, exact.
    Number(Exact),
    /// Yes / no.
    Bool(bool),
}

/// One unit's inputs for one period.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct UnitInput {
    /// Unit id or name.
    pub unit: String,
    /// Administrative level of the unit.
    pub level: AdminLevel,
    /// Period reported on.
    pub period: Period,
    /// Raw values by input id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, RawValue>,
}

/// Several units' inputs to roll up to the next level.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ConsolidationInput {
    /// The consolidating body (e.g. the city).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Level of the consolidated result (e.g. `city`).
    pub level: AdminLevel,
    /// Period reported on; every unit must report the same period.
    pub period: Period,
    /// Units expected to report; those absent from `units` are listed as missing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expected_units: Vec<String>,
    /// The units' inputs.
    pub units: Vec<UnitInput>,
}
