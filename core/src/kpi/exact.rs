//! Exact rational numbers for KPI values and targets.
//!
//! Targets sit on boundaries: 13/20 must meet "≥ 65 %" and 2/3 must miss
//! "≥ 66.67 %". Binary floating point cannot promise that, so every value the
//! engine compares is an [`Exact`]: a fraction of two `i128`, always reduced,
//! denominator positive. Decimal text (`"66.67"`) is read exactly; a JSON
//! float is read from its shortest decimal form (the `0.1` a person typed, not
//! the binary approximation). Comparison uses continued fractions and cannot
//! overflow; sums and products are checked. Rounding happens only when a value
//! is shown ([`Exact::to_decimal`]).
//!
//! ```
//! use dxplan::kpi::Exact;
//! let rate = Exact::ratio(13, 20).unwrap().times_100().unwrap();
//! assert_eq!(rate, Exact::parse("65").unwrap());
//! let two_thirds = Exact::ratio(2, 3).unwrap().times_100().unwrap();
//! assert!(two_thirds < Exact::parse("66.67").unwrap());
//! assert_eq!(two_thirds.to_decimal(2), "66.67");
//! ```

use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// An exact rational number.
///
/// ```
/// use dxplan::kpi::Exact;
/// assert_eq!(Exact::parse("0.5").unwrap(), Exact::ratio(1, 2).unwrap());
/// assert_eq!(Exact::ratio(4, 8).unwrap().to_string(), "1/2");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Exact {
    num: i128,
    den: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Most significant digits accepted in decimal text (keeps every value well
/// inside `i128`).
const MAX_DIGITS: usize = 30;

impl Exact {
    /// Zero.
    pub const ZERO: Exact = Exact { num: 0, den: 1 };
    /// One hundred.
    pub const HUNDRED: Exact = Exact { num: 100, den: 1 };

    /// An integer.
    ///
    /// ```
    /// assert_eq!(dxplan::kpi::Exact::int(20).to_decimal(0), "20");
    /// ```
    pub fn int(n: i64) -> Exact {
        Exact {
            num: i128::from(n),
            den: 1,
        }
    }

    /// `num / den`, reduced; `None` when `den` is zero.
    ///
    /// ```
    /// assert!(dxplan::kpi::Exact::ratio(1, 0).is_none());
    /// ```
    pub fn ratio(num: i128, den: i128) -> Option<Exact> {
        if den == 1 {
            return Some(Exact { num, den });
        }
        if den == 0 {
            return None;
        }
        let g = gcd(num, den).max(1);
        let (mut n, mut d) = (num / g, den / g);
        if d < 0 {
            n = n.checked_neg()?;
            d = d.checked_neg()?;
        }
        Some(Exact { num: n, den: d })
    }

    /// Reads decimal text: optional sign, digits, optional fraction
    /// (`"65"`, `"-1.5"`, `"66.67"`, `".5"`). No exponent, no thousands
    /// separators; a decimal comma (`"66,67"`) is accepted as Vietnamese input.
    ///
    /// ```
    /// use dxplan::kpi::Exact;
    /// assert_eq!(Exact::parse("66,67"), Exact::parse("66.67"));
    /// assert!(Exact::parse("1e3").is_none());
    /// assert!(Exact::parse("NaN").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Exact> {
        let s = text.trim();
        let (neg, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let body = body.replacen(',', ".", 1);
        let (int_part, frac_part) = match body.split_once('.') {
            Some((i, f)) => (i.to_string(), f.to_string()),
            None => (body.clone(), String::new()),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return None;
        }
        if !int_part.bytes().all(|b| b.is_ascii_digit())
            || !frac_part.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let digits = format!("{int_part}{frac_part}");
        let significant = digits.trim_start_matches('0');
        if significant.len() > MAX_DIGITS || frac_part.len() > MAX_DIGITS {
            return None;
        }
        let num: i128 = if significant.is_empty() {
            0
        } else {
            significant.parse().ok()?
        };
        let den = 10i128.checked_pow(u32::try_from(frac_part.len()).ok()?)?;
        Exact::ratio(if neg { -num } else { num }, den)
    }

    /// Reads a number as people write it in a Vietnamese form, the one reader
    /// of every number that arrives as text (form fields, KPI inputs, the
    /// form adapter, the command line): a dot groups thousands and a comma
    /// marks the decimals (`"1.234.567"`, `"97,5"`, `"1.234.567,5"`); spaces
    /// may group thousands too (`"1 234 567"`). Text that is not written so is
    /// read as a plain decimal (`"97.5"`, `"66.67"`), as [`Exact::parse`] reads
    /// it. `"1.234"` — a dot followed by exactly three digits — is one
    /// thousand two hundred thirty-four, as Vietnamese writing means it
    /// (DESIGN.md, "How are numbers typed as text read?").
    ///
    /// ```
    /// use dxplan::kpi::Exact;
    /// assert_eq!(Exact::read("1.234.567"), Some(Exact::int(1_234_567)));
    /// assert_eq!(Exact::read("97,5"), Exact::parse("97.5"));
    /// assert_eq!(Exact::read("1.234.567,25"), Exact::parse("1234567.25"));
    /// assert_eq!(Exact::read("1 234 567"), Some(Exact::int(1_234_567)));
    /// assert_eq!(Exact::read("1.234"), Some(Exact::int(1234)));
    /// assert_eq!(Exact::read("66.67"), Exact::parse("66.67"));
    /// assert_eq!(Exact::read("0.125"), Exact::parse("0.125")); // no thousands start with 0
    /// assert_eq!(Exact::read("1.23.4"), None);
    /// assert_eq!(Exact::read("+-5"), None);
    /// assert_eq!(Exact::read("1,234,567"), None); // English grouping is not Vietnamese writing
    /// ```
    pub fn read(text: &str) -> Option<Exact> {
        Exact::read_plain(text)
    }

    /// Reads an amount of money as people write it: [`Exact::read`], with
    /// the currency after it or not (`"1.500.000 đồng"`, `"1.500.000đ"`,
    /// `"1.500.000 ₫"`, `"1.500.000 VNĐ"`).
    ///
    /// ```
    /// use dxplan::kpi::Exact;
    /// assert_eq!(Exact::read_amount("1.500.000 đồng"), Some(Exact::int(1_500_000)));
    /// assert_eq!(Exact::read_amount("1.500.000đ"), Some(Exact::int(1_500_000)));
    /// assert_eq!(Exact::read_amount("250.000 VNĐ"), Some(Exact::int(250_000)));
    /// assert_eq!(Exact::read_amount("2 triệu"), None); // words are not figures
    /// assert_eq!(Exact::read("1.500.000 đồng"), None);  // only amounts carry a currency
    /// ```
    pub fn read_amount(text: &str) -> Option<Exact> {
        let t = text.trim();
        let body = ["đồng", "Đồng", "VNĐ", "VND", "vnđ", "vnd", "đ", "₫"]
            .iter()
            .find_map(|c| t.strip_suffix(c))
            .unwrap_or(t);
        Exact::read_plain(body)
    }

    fn read_plain(text: &str) -> Option<Exact> {
        let t = text.trim();
        let (sign, body) = match t.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", t.strip_prefix('+').unwrap_or(t)),
        };
        if body.starts_with(['+', '-']) {
            return None;
        }
        let (int, frac) = match body.split_once(',') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        let grouped = |sep: char| {
            let mut groups = int.split(sep);
            let first = groups.next().unwrap_or("");
            int.contains(sep)
                && (1..=3).contains(&first.len())
                && !first.starts_with('0')
                && first.bytes().all(|b| b.is_ascii_digit())
                && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        };
        let digits = if grouped('.') {
            int.replace('.', "")
        } else if grouped(' ') || grouped('\u{a0}') || grouped('\u{202f}') {
            int.replace([' ', '\u{a0}', '\u{202f}'], "")
        } else if frac.is_some() && int.contains('.') {
            // "1.23,4": dots that do not group thousands, with a decimal comma.
            return None;
        } else {
            int.to_string()
        };
        match frac {
            Some(f) => Exact::parse(&format!("{sign}{digits}.{f}")),
            None => Exact::parse(&format!("{sign}{digits}")),
        }
    }

    /// The exact value of a finite float's shortest decimal form; `None` for
    /// NaN and infinities.
    ///
    /// ```
    /// use dxplan::kpi::Exact;
    /// assert_eq!(Exact::from_f64(0.1), Exact::parse("0.1"));
    /// assert_eq!(Exact::from_f64(f64::NAN), None);
    /// ```
    pub fn from_f64(x: f64) -> Option<Exact> {
        if !x.is_finite() {
            return None;
        }
        Exact::parse(&format!("{x}"))
    }

    /// Numerator (reduced).
    pub fn numerator(self) -> i128 {
        self.num
    }

    /// Denominator (reduced, positive).
    pub fn denominator(self) -> i128 {
        self.den
    }

    /// Whether the value is a whole number.
    ///
    /// ```
    /// assert!(!dxplan::kpi::Exact::parse("2.5").unwrap().is_integer());
    /// ```
    pub fn is_integer(self) -> bool {
        self.den == 1
    }

    /// Sum, `None` on overflow.
    ///
    /// ```
    /// use dxplan::kpi::Exact;
    /// let s = Exact::parse("0.1").unwrap().checked_add(Exact::parse("0.2").unwrap()).unwrap();
    /// assert_eq!(s, Exact::parse("0.3").unwrap());
    /// ```
    pub fn checked_add(self, other: Exact) -> Option<Exact> {
        if self.den == 1 && other.den == 1 {
            // Whole numbers (counts, money): no gcd needed.
            return Some(Exact {
                num: self.num.checked_add(other.num)?,
                den: 1,
            });
        }
        let g = gcd(self.den, other.den).max(1);
        let l = self.den / g;
        let r = other.den / g;
        let num = self
            .num
            .checked_mul(r)?
            .checked_add(other.num.checked_mul(l)?)?;
        let den = self.den.checked_mul(r)?;
        Exact::ratio(num, den)
    }

    /// Difference, `None` on overflow.
    pub fn checked_sub(self, other: Exact) -> Option<Exact> {
        self.checked_add(Exact {
            num: other.num.checked_neg()?,
            den: other.den,
        })
    }

    /// Product, `None` on overflow.
    pub fn checked_mul(self, other: Exact) -> Option<Exact> {
        let g1 = gcd(self.num, other.den).max(1);
        let g2 = gcd(other.num, self.den).max(1);
        let num = (self.num / g1).checked_mul(other.num / g2)?;
        let den = (self.den / g2).checked_mul(other.den / g1)?;
        Exact::ratio(num, den)
    }

    /// Quotient, `None` on overflow or division by zero.
    pub fn checked_div(self, other: Exact) -> Option<Exact> {
        if other.num == 0 {
            return None;
        }
        self.checked_mul(Exact {
            num: other.den,
            den: other.num,
        })
        .and_then(|e| Exact::ratio(e.num, e.den))
    }

    /// The value × 100 (a fraction as a percentage).
    pub fn times_100(self) -> Option<Exact> {
        self.checked_mul(Exact::HUNDRED)
    }

    /// Decimal text with `places` digits after the point, rounded half away
    /// from zero. For display only.
    ///
    /// ```
    /// use dxplan::kpi::Exact;
    /// assert_eq!(Exact::ratio(1, 8).unwrap().to_decimal(2), "0.13");
    /// assert_eq!(Exact::ratio(-1, 8).unwrap().to_decimal(2), "-0.13");
    /// assert_eq!(Exact::int(65).to_decimal(2), "65.00");
    /// ```
    pub fn to_decimal(self, places: u32) -> String {
        let neg = self.num < 0;
        let n = self.num.unsigned_abs();
        let d = self.den.unsigned_abs();
        let scale = 10u128.saturating_pow(places);
        let whole = n / d;
        let rem = n % d;
        // Fraction digits, rounded half up on the magnitude.
        let scaled = rem.saturating_mul(scale);
        let mut frac = scaled / d;
        let frac_rem = scaled % d;
        let mut whole = whole;
        if frac_rem.saturating_mul(2) >= d {
            frac += 1;
            if frac == scale {
                frac = 0;
                whole += 1;
            }
        }
        let sign = if neg && (whole != 0 || frac != 0) {
            "-"
        } else {
            ""
        };
        if places == 0 {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{frac:0width$}", width = places as usize)
        }
    }

    /// Display text for people: at most 2 decimals, trailing zeros dropped,
    /// decimal comma in Vietnamese.
    ///
    /// ```
    /// use dxplan::kpi::Exact;
    /// let v = Exact::ratio(200, 3).unwrap();
    /// assert_eq!(v.display().vi, "66,67");
    /// assert_eq!(v.display().en, "66.67");
    /// assert_eq!(Exact::int(80).display().en, "80");
    /// ```
    pub fn display(self) -> crate::Text {
        self.trimmed(2)
    }

    /// Like [`Exact::display`] with the thousands grouped, for amounts of
    /// money: `1.500.000,5` in Vietnamese, `1,500,000.5` in English.
    ///
    /// ```
    /// let v = dxplan::kpi::Exact::parse("150000000").unwrap();
    /// assert_eq!(v.display_grouped().vi, "150.000.000");
    /// assert_eq!(v.display_grouped().en, "150,000,000");
    /// ```
    pub fn display_grouped(self) -> crate::Text {
        let plain = self.trimmed(2).en;
        let (sign, rest) = match plain.strip_prefix('-') {
            Some(r) => ("-", r),
            None => ("", plain.as_str()),
        };
        let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
        let group = |sep: char| {
            let mut out = String::new();
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    out.push(sep);
                }
                out.push(c);
            }
            out
        };
        let join = |g: String, dec: char| {
            if frac.is_empty() {
                format!("{sign}{g}")
            } else {
                format!("{sign}{g}{dec}{frac}")
            }
        };
        crate::Text::new(join(group('.'), ','), join(group(','), '.'))
    }

    /// `places` decimals, trailing zeros dropped, decimal comma in Vietnamese.
    fn trimmed(self, places: u32) -> crate::Text {
        let mut s = self.to_decimal(places);
        if s.contains('.') {
            while s.ends_with('0') {
                s.pop();
            }
            if s.ends_with('.') {
                s.pop();
            }
        }
        crate::Text::new(s.replace('.', ","), s)
    }

    /// Like [`Exact::display`], with as many decimals as needed (up to 6) for
    /// the text to differ from `other`'s when the values differ.
    ///
    /// ```
    /// use dxplan::kpi::Exact;
    /// let v = Exact::ratio(52, 365).unwrap().checked_mul(Exact::int(7)).unwrap(); // 0.99726…
    /// assert_eq!(v.display().en, "1");
    /// assert_eq!(v.display_distinct_from(Exact::int(1)).en, "0.997");
    /// assert_eq!(Exact::int(65).display_distinct_from(Exact::int(65)).en, "65");
    /// ```
    pub fn display_distinct_from(self, other: Exact) -> crate::Text {
        let mut places = 2;
        while places < 6 && self != other && self.to_decimal(places) == other.to_decimal(places) {
            places += 1;
        }
        self.trimmed(places)
    }
}

/// Compares a/b with c/d (b, d > 0) without overflow, by continued fractions.
fn cmp_fraction(mut a: i128, mut b: i128, mut c: i128, mut d: i128) -> Ordering {
    let mut flipped = false;
    loop {
        let (q1, r1) = (a.div_euclid(b), a.rem_euclid(b));
        let (q2, r2) = (c.div_euclid(d), c.rem_euclid(d));
        let ord = q1.cmp(&q2);
        if ord != Ordering::Equal {
            return if flipped { ord.reverse() } else { ord };
        }
        match (r1 == 0, r2 == 0) {
            (true, true) => return Ordering::Equal,
            (true, false) => {
                return if flipped {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (false, true) => {
                return if flipped {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
            (false, false) => {
                // r1/b vs r2/d  ⇔  d/r2 vs b/r1 (both positive), reversed.
                (a, b, c, d) = (b, r1, d, r2);
                flipped = !flipped;
            }
        }
    }
}

impl Ord for Exact {
    fn cmp(&self, other: &Self) -> Ordering {
        if self.den == other.den {
            // Same denominator (always the case for whole numbers): compare numerators.
            return self.num.cmp(&other.num);
        }
        cmp_fraction(self.num, self.den, other.num, other.den)
    }
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

impl Serialize for Exact {
    /// Serialised as its exact text: `"65"` or `"200/3"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Exact {
    /// Read from its exact text (`"65"`, `"200/3"`), as it is written.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Exact, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        let exact = match text.split_once('/') {
            None => Exact::parse(&text),
            Some((n, m)) => match (n.parse::<i128>(), m.parse::<i128>()) {
                (Ok(n), Ok(m)) => Exact::ratio(n, m),
                _ => None,
            },
        };
        exact.ok_or_else(|| serde::de::Error::custom(format!("not an exact number: {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(s: &str) -> Exact {
        Exact::parse(s).unwrap()
    }

    #[test]
    fn boundary_cases_from_the_issue() {
        // 13/20 is exactly 65 %; 2/3 does not reach 66.67 %.
        let r = Exact::ratio(13, 20).unwrap().times_100().unwrap();
        assert_eq!(r.cmp(&e("65")), Ordering::Equal);
        let r = Exact::ratio(2, 3).unwrap().times_100().unwrap();
        assert_eq!(r.cmp(&e("66.67")), Ordering::Less);
        assert_eq!(r.cmp(&e("66.66")), Ordering::Greater);
    }

    #[test]
    fn comparison_never_overflows() {
        let big = Exact::ratio(i128::MAX - 1, i128::MAX).unwrap();
        let bigger = Exact::ratio(i128::MAX - 2, i128::MAX - 1).unwrap();
        assert_eq!(big.cmp(&bigger), Ordering::Greater);
        assert_eq!(
            Exact::ratio(-1, 3)
                .unwrap()
                .cmp(&Exact::ratio(-1, 2).unwrap()),
            Ordering::Greater
        );
    }

    #[test]
    fn parse_rejects_non_numbers() {
        for bad in ["", "-", ".", "1.2.3", "1e5", "abc", "1 000", "inf", "--1"] {
            assert!(Exact::parse(bad).is_none(), "{bad}");
        }
        assert!(Exact::parse(&"9".repeat(31)).is_none());
        assert_eq!(e("-0.50"), Exact::ratio(-1, 2).unwrap());
        assert_eq!(e("007"), Exact::int(7));
    }

    #[test]
    fn overflow_is_reported_not_wrapped() {
        let huge = Exact::ratio(i128::MAX / 2, 1).unwrap();
        assert!(huge.checked_add(huge).is_some());
        assert!(huge.checked_add(huge).unwrap().checked_add(huge).is_none());
        assert!(huge.times_100().is_none());
    }
}
