//! Decimal numbers written and read with integer arithmetic only. The
//! standard library's float formatting and parsing (Grisu/Dragon, Eisel-Lemire)
//! add about 20 KB to the wasm; coordinates, percentages and attribute
//! values need none of their generality.

/// `v` rounded to `places` decimals (at most 9), trailing zeros dropped:
/// `fixed(2.50, 2)` is `"2.5"`, `fixed(-0.001, 2)` is `"0"`. Values whose
/// scaled magnitude does not fit an `i64` (and NaN) print as `"0"`; callers
/// pass screen coordinates and counts, far inside that range.
pub fn fixed(v: f64, places: u32) -> String {
    let places = places.min(9);
    let scale = 10i64.pow(places);
    let scaled = (v * scale as f64).round();
    if !scaled.is_finite() || scaled.abs() >= i64::MAX as f64 {
        return "0".into();
    }
    let n = scaled as i64;
    let (sign, n) = if n < 0 { ("-", -n) } else { ("", n) };
    let (int, mut frac) = (n / scale, n % scale);
    if frac == 0 {
        return format!("{sign}{int}");
    }
    let mut width = places as usize;
    while frac % 10 == 0 {
        frac /= 10;
        width -= 1;
    }
    format!("{sign}{int}.{frac:0width$}")
}

/// A plain decimal (`12`, `-3.5`, `+0.25`, `.5`): optional sign, digits, an
/// optional fraction; no exponent, no `inf`/`NaN`, at least one digit.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if int.len() + frac.len() == 0 || !digits(int) || !digits(frac) {
        return None;
    }
    let mut v = 0f64;
    for b in int.bytes() {
        v = v * 10.0 + f64::from(b - b'0');
    }
    let mut unit = 1f64;
    for b in frac.bytes() {
        unit /= 10.0;
        v += f64::from(b - b'0') * unit;
    }
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_rounds_and_trims() {
        assert_eq!(fixed(0.0, 2), "0");
        assert_eq!(fixed(3.0, 2), "3");
        assert_eq!(fixed(2.5, 2), "2.5");
        assert_eq!(fixed(12.345, 2), "12.35");
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(-1.25, 1), "-1.3");
        assert_eq!(fixed(-0.001, 2), "0");
        assert_eq!(fixed(-0.5, 4), "-0.5");
        assert_eq!(fixed(100.0 / 3.0, 4), "33.3333");
        assert_eq!(fixed(1.0 / 3.0, 20), "0.333333333");
        assert_eq!(fixed(f64::NAN, 2), "0");
        assert_eq!(fixed(1e300, 2), "0");
        assert_eq!(fixed(1234567.0, 0), "1234567");
    }

    #[test]
    fn fixed_matches_std_formatting_of_the_rounded_value() {
        // What the chart code printed before: round to 0.01, then `{}`.
        for i in -20_000..20_000 {
            let v = f64::from(i) * 0.37 / 7.0;
            let r = (v * 100.0).round() / 100.0;
            let want = if r == 0.0 {
                "0".to_string()
            } else {
                format!("{r}")
            };
            assert_eq!(fixed(v, 2), want, "{v}");
        }
    }

    #[test]
    fn parses_plain_decimals_only() {
        assert_eq!(parse_decimal("12"), Some(12.0));
        assert_eq!(parse_decimal("-3.5"), Some(-3.5));
        assert_eq!(parse_decimal("+0.25"), Some(0.25));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("5."), Some(5.0));
        assert_eq!(parse_decimal("007"), Some(7.0));
        for bad in [
            "", "-", ".", "1e3", "inf", "NaN", "1.2.3", "12px", " 1", "--1", "0x10",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }
}
