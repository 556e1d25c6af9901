//! A small JSON value tree: `serde_json` fills it in the native command, a
//! `js_sys` walk over `JSON.parse` output fills it in the browser
//! (`embed::fetch::from_js`). Validation walks this tree, so both platforms
//! report identical problems with identical JSON paths.

/// Deepest nesting accepted; the contract needs 4, so anything deeper is hostile.
pub const MAX_DEPTH: usize = 32;

/// A parsed JSON value. Objects keep their key order (and duplicates, which
/// validation reports).
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// Any number, as a double (what `JSON.parse` gives too).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, key order kept.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// A short description of the value for messages: `a string ("abc")`,
    /// `-3`, `an array`, … Long strings are cut so a message stays one line.
    pub fn describe(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => b.to_string(),
            Json::Number(n) => format_number(*n),
            Json::String(s) => {
                let cut: String = s.chars().take(40).collect();
                let more = if s.chars().count() > 40 { "…" } else { "" };
                format!("a string ({:?}{more})", cut)
            }
            Json::Array(a) => format!("an array of {}", a.len()),
            Json::Object(_) => "an object".into(),
        }
    }
}

/// Formats a JSON number the way a reader wrote it (`3`, `2.5`, `-3`).
/// Beyond ±10^15, or closer to 0 than 10^-9, the message says so in words
/// rather than shipping the general float printer in the wasm.
pub fn format_number(n: f64) -> String {
    if n.is_nan() {
        return "not a number".into();
    }
    if n.abs() >= 1e15 {
        return if n > 0.0 {
            "a number above 10^15"
        } else {
            "a number below -10^15"
        }
        .into();
    }
    if n.fract() == 0.0 {
        return format!("{}", n as i64);
    }
    // Nine decimals would overflow the fixed-point i64 above 10^9.
    let places = if n.abs() < 1e9 { 9 } else { 3 };
    match super::num::fixed(n, places) {
        s if s == "0" && n != 0.0 => "a number within 10^-9 of 0".into(),
        s => s,
    }
}

/// The serde bridge, native only: the browser walks `JSON.parse` output with
/// `js_sys` instead (`embed::fetch::from_js`), which keeps serde out of the wasm.
#[cfg(not(target_arch = "wasm32"))]
mod serde_impl {
    use super::{Json, MAX_DEPTH};
    use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    impl<'de> Deserialize<'de> for Json {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
            d.deserialize_any(JsonVisitor { depth: 0 })
        }
    }

    struct JsonVisitor {
        depth: usize,
    }

    struct Nested(usize);

    impl<'de> de::DeserializeSeed<'de> for Nested {
        type Value = Json;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
            d.deserialize_any(JsonVisitor { depth: self.0 })
        }
    }

    impl<'de> Visitor<'de> for JsonVisitor {
        type Value = Json;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_unit<E>(self) -> Result<Json, E> {
            Ok(Json::Null)
        }
        fn visit_none<E>(self) -> Result<Json, E> {
            Ok(Json::Null)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
            Ok(Json::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
            Ok(Json::Number(v as f64))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
            Ok(Json::Number(v as f64))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
            Ok(Json::Number(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Json, E> {
            Ok(Json::String(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Json, E> {
            Ok(Json::String(v))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
            if self.depth >= MAX_DEPTH {
                return Err(de::Error::custom(format_args!(
                    "nested deeper than {MAX_DEPTH} levels"
                )));
            }
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
            while let Some(v) = seq.next_element_seed(Nested(self.depth + 1))? {
                out.push(v);
            }
            Ok(Json::Array(out))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
            if self.depth >= MAX_DEPTH {
                return Err(de::Error::custom(format_args!(
                    "nested deeper than {MAX_DEPTH} levels"
                )));
            }
            let mut out = Vec::new();
            while let Some(k) = map.next_key::<String>()? {
                let v = map.next_value_seed(Nested(self.depth + 1))?;
                out.push((k, v));
            }
            Ok(Json::Object(out))
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn parses_through_serde_json() {
        let v: Json = serde_json::from_str(r#"{"a":[1,2.5,"x",null,true],"b":{}}"#).unwrap();
        assert_eq!(v.get("a").unwrap().describe(), "an array of 5");
        assert_eq!(v.get("b"), Some(&Json::Object(vec![])));
        assert_eq!(Json::Number(-3.0).describe(), "-3");
        assert_eq!(Json::Number(2.5).describe(), "2.5");
        assert_eq!(Json::Number(-0.125).describe(), "-0.125");
        assert_eq!(Json::Number(1e20).describe(), "a number above 10^15");
        assert_eq!(Json::Number(-1e300).describe(), "a number below -10^15");
        assert_eq!(Json::Number(1e-12).describe(), "a number within 10^-9 of 0");
        assert_eq!(
            Json::Number(123_456_789_012_345.0).describe(),
            "123456789012345"
        );
    }

    #[test]
    fn refuses_deep_nesting() {
        let deep = "[".repeat(40) + &"]".repeat(40);
        let err = serde_json::from_str::<Json>(&deep).unwrap_err().to_string();
        assert!(err.contains("nested deeper than 32 levels"), "{err}");
    }
}
