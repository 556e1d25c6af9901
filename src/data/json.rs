//! A small JSON value tree and the parser that builds it from text, on both
//! platforms (a page's `data` object is copied into it by
//! `embed::fetch::from_js`). Validation walks this tree, so the command and
//! the widget report identical problems with identical JSON paths.

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
            Json::String(s) => format!("a string ({})", quoted(s)),
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

/// Parses JSON text (RFC 8259) into a [`Json`] tree: the one parser of the
/// native command and the widget, so both give the same tree (duplicate keys
/// included, which `JSON.parse` would silently collapse) and the same
/// messages. In the wasm it also replaces `JSON.parse` plus a walk that
/// crossed into JavaScript for every value: the start-up's parse task took
/// 17–19 ms for the demo dataset, most of it in that walk.
///
/// The error names what was expected and what was found, with the line and
/// column (in characters, from 1). A leading byte-order mark is skipped.
///
/// Numbers that are not integers of up to 16 characters go to `float`,
/// which receives a lexeme of JSON's number grammar: `str::parse` natively
/// ([`std_float`]), the browser's own `parseFloat` in the wasm, where Rust's float
/// parser would add 17 KB gzip for the decimals no dataset field takes.
pub fn parse_with(text: &str, float: fn(&str) -> f64) -> Result<Json, String> {
    let mut p = Parser {
        text,
        at: usize::from(text.starts_with('\u{feff}')) * '\u{feff}'.len_utf8(),
        float,
    };
    let value = p.value(0).map_err(|e| p.error(e))?;
    p.space();
    match p.peek() {
        None => Ok(value),
        Some(_) => Err(p.error(Expected::End)),
    }
}

/// Rust's own float parser, for [`parse_with`] natively.
#[cfg(not(target_arch = "wasm32"))]
pub fn std_float(lexeme: &str) -> f64 {
    // The grammar was checked, so the lexeme always parses.
    lexeme.parse().unwrap_or(f64::NAN)
}

/// What a parse error expected at its position.
#[derive(Clone, Copy)]
enum Expected {
    Value,
    End,
    /// `,` or the closing bracket of an array.
    ArrayNext,
    /// `,` or `}`.
    ObjectNext,
    Key,
    Colon,
    Digit,
    Hex,
    Escape,
    /// A character of a string (not a raw control character).
    StringChar,
    /// `true`, `false` or `null`, spelled out.
    Literal(&'static str),
    Deep,
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    float: fn(&str) -> f64,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.at += usize::from(hit);
        hit
    }

    fn value(&mut self, depth: usize) -> Result<Json, Expected> {
        self.space();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            _ => Err(Expected::Value),
        }
    }

    fn literal(&mut self, word: &'static str, v: Json) -> Result<Json, Expected> {
        for &b in word.as_bytes() {
            if !self.eat(b) {
                return Err(Expected::Literal(word));
            }
        }
        Ok(v)
    }

    /// Steps into an array or object (the opening bracket under the
    /// cursor), refusing one level too deep; true when it closes at once.
    fn open(&mut self, depth: usize, close: u8) -> Result<bool, Expected> {
        if depth >= MAX_DEPTH {
            return Err(Expected::Deep);
        }
        self.at += 1;
        self.space();
        Ok(self.eat(close))
    }

    /// After an item: true at the closing bracket, false after a comma.
    fn closes(&mut self, close: u8, or: Expected) -> Result<bool, Expected> {
        self.space();
        if self.eat(close) {
            return Ok(true);
        }
        if self.eat(b',') {
            return Ok(false);
        }
        Err(or)
    }

    fn array(&mut self, depth: usize) -> Result<Json, Expected> {
        let mut out = Vec::new();
        let mut done = self.open(depth, b']')?;
        while !done {
            out.push(self.value(depth + 1)?);
            done = self.closes(b']', Expected::ArrayNext)?;
        }
        Ok(Json::Array(out))
    }

    fn object(&mut self, depth: usize) -> Result<Json, Expected> {
        let mut out = Vec::new();
        let mut done = self.open(depth, b'}')?;
        while !done {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(Expected::Key);
            }
            let key = self.string()?;
            self.space();
            if !self.eat(b':') {
                return Err(Expected::Colon);
            }
            out.push((key, self.value(depth + 1)?));
            done = self.closes(b'}', Expected::ObjectNext)?;
        }
        Ok(Json::Object(out))
    }

    /// A string, the opening quote under the cursor.
    fn string(&mut self) -> Result<String, Expected> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control
            // character in one go: the text is already valid UTF-8.
            let Some(run) = self.text.as_bytes()[self.at..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            else {
                // Cut off inside the string: the error is at the end.
                self.at = self.text.len();
                return Err(Expected::StringChar);
            };
            out.push_str(&self.text[self.at..self.at + run]);
            self.at += run;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                _ => return Err(Expected::StringChar),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Expected> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let hi = self.hex4()?;
                let c = if (0xd800..0xdc00).contains(&hi) && self.text[self.at..].starts_with("\\u")
                {
                    // A surrogate pair; a lone half becomes U+FFFD, as a
                    // JavaScript string does when it reaches Rust.
                    let back = self.at;
                    self.at += 2;
                    let lo = self.hex4()?;
                    if (0xdc00..0xe000).contains(&lo) {
                        char::from_u32(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00))
                    } else {
                        self.at = back;
                        None
                    }
                } else {
                    char::from_u32(hi)
                };
                out.push(c.unwrap_or('\u{fffd}'));
                return Ok(());
            }
            _ => return Err(Expected::Escape),
        };
        self.at += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Expected> {
        let mut n = 0;
        for _ in 0..4 {
            let d = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or(Expected::Hex)?;
            n = n * 16 + d;
            self.at += 1;
        }
        Ok(n)
    }

    fn digits(&mut self) -> Result<(), Expected> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(Expected::Digit);
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        Ok(())
    }

    fn number(&mut self) -> Result<Json, Expected> {
        let start = self.at;
        self.eat(b'-');
        if !self.eat(b'0') {
            self.digits()?;
        }
        let mut integer = true;
        if self.eat(b'.') {
            integer = false;
            self.digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            integer = false;
            self.at += 1;
            let _ = self.eat(b'+') || self.eat(b'-');
            self.digits()?;
        }
        let lexeme = &self.text[start..self.at];
        // Counts and years: exact as an integer, without the float parser.
        // (`-0` is left to `float`: as an integer it would lose its sign.)
        if integer && lexeme.len() <= 16 && lexeme != "-0" {
            if let Ok(n) = lexeme.parse::<i64>() {
                return Ok(Json::Number(n as f64));
            }
        }
        Ok(Json::Number((self.float)(lexeme)))
    }

    /// The message for `e` at the cursor: what was expected, what was found,
    /// where.
    fn error(&self, e: Expected) -> String {
        let expected = match e {
            Expected::Value => "a value (an object, array, string, number, true, false or null)",
            Expected::End => "the end of the text after the value",
            Expected::ArrayNext => "',' or ']' after an array item",
            Expected::ObjectNext => "',' or '}' after an object member",
            Expected::Key => "a member name in double quotes",
            Expected::Colon => "':' after a member name",
            Expected::Digit => "a digit",
            Expected::Hex => "four hexadecimal digits after \\u",
            Expected::Escape => "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u)",
            Expected::StringChar => {
                "the closing '\"' of the string (a line break or control character must be escaped)"
            }
            Expected::Literal(w) => w,
            Expected::Deep => {
                return format!("nested deeper than {MAX_DEPTH} levels, {}", self.place())
            }
        };
        let next = self.text[self.at..].chars().next();
        // A value after a comma is only wanted in an array, a member name
        // only in an object: `[1,}` is a wrong bracket, not a stray comma.
        if matches!(
            (e, next),
            (Expected::Value, Some(']')) | (Expected::Key, Some('}'))
        ) && self.text[..self.at].trim_end().ends_with(',')
        {
            return format!(
                "expected no comma before '{}' (a trailing comma is not JSON), {}",
                next.unwrap_or(' '),
                self.place()
            );
        }
        let found = match next {
            None => "the end of the text".to_string(),
            // Named by code point when they would not show: a no-break
            // space would read as a plain one, which is valid here.
            Some(c)
                if c.is_control()
                    || (c.is_whitespace() && c != ' ')
                    || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}') =>
            {
                format!("U+{:04X}", u32::from(c))
            }
            Some(c) => format!("'{c}'"),
        };
        format!("expected {expected}, found {found}, {}", self.place())
    }

    fn place(&self) -> String {
        // A byte-order mark is no column in an editor.
        let before = &self.text[..self.at];
        let before = before.strip_prefix('\u{feff}').unwrap_or(before);
        // Lines end as editors end them: LF, CRLF (one break) or a lone CR.
        let bytes = before.as_bytes();
        let (mut line, mut start) = (1, 0);
        for (i, &b) in bytes.iter().enumerate() {
            let next = bytes.get(i + 1).or(self.text.as_bytes().get(self.at));
            if b == b'\n' || (b == b'\r' && next != Some(&b'\n')) {
                line += 1;
                start = i + 1;
            }
        }
        let column = before[start..].chars().count() + 1;
        format!("at line {line}, column {column}")
    }
}

/// `s` in double quotes for a message, cut after 40 characters (`…`), with
/// quotes, backslashes and characters that would not show escaped as Rust
/// writes them (`\n`, `\u{200b}`). Written out rather than `{:?}`, whose
/// Unicode tables the wasm build would carry only for this.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(160) + 4);
    out.push('"');
    for c in s.chars().take(40) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if invisible(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out.push('"');
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// Control characters, and the spaces and format characters that hide in
/// pasted text: no-break and other spaces than U+0020, soft hyphen,
/// zero-width characters, direction marks, embeddings and isolates, word
/// joiners, variation selectors, the BOM, tags. Everything `{:?}` escapes
/// that a dataset's strings are likely to hold; marks that combine are
/// written as they are.
fn invisible(c: char) -> bool {
    matches!(c,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{a0}' | '\u{ad}' | '\u{61c}' | '\u{180e}'
        | '\u{2000}'..='\u{200f}' | '\u{2028}'..='\u{202f}' | '\u{205f}'..='\u{206f}'
        | '\u{3000}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}'
        | '\u{e0000}'..='\u{e007f}')
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    use proptest::prelude::*;

    #[test]
    fn quoted_strings_show_what_is_invisible_and_are_cut() {
        assert_eq!(quoted("abc"), "\"abc\"");
        assert_eq!(quoted("a\"b\\c\nd\te\r"), r#""a\"b\\c\nd\te\r""#);
        assert_eq!(
            quoted("x\u{200b}y\u{feff}\u{1}\u{7f}"),
            r#""x\u{200b}y\u{feff}\u{1}\u{7f}""#
        );
        assert_eq!(quoted("Azərbaycan — Баку"), "\"Azərbaycan — Баку\"");
        let long = "é".repeat(41);
        assert_eq!(quoted(&long), format!("\"{}\"…", "é".repeat(40)));
        assert_eq!(quoted(&"é".repeat(40)), format!("\"{}\"", "é".repeat(40)));
        // Where nothing needs escaping beyond these, it is what `{:?}` writes.
        for s in ["", "a\"b", "tab\there", "x\u{200b}", "\u{0}\u{1f}"] {
            assert_eq!(quoted(s), format!("{s:?}"));
        }
        // Each character it escapes, `{:?}` escapes the same way.
        let mut escaped = 0;
        for c in ('\0'..='\u{3000}')
            .chain('\u{fe00}'..='\u{ffff}')
            .chain('\u{e0000}'..='\u{e007f}')
        {
            if invisible(c) {
                let s = c.to_string();
                assert_eq!(quoted(&s), format!("{s:?}"), "U+{:04X}", u32::from(c));
                escaped += 1;
            }
        }
        assert!(escaped > 200, "{escaped}");
        assert_eq!(quoted("gold\u{a0}"), r#""gold\u{a0}""#);
    }

    fn parse(text: &str) -> Result<Json, String> {
        parse_with(text, std_float)
    }

    #[test]
    fn parses_values_and_keeps_key_order_and_duplicates() {
        let v = parse("\u{feff} {\"a\":[1,2.5,\"x\\u00e9\\ud83e\\udd47\\n\",null,true,false],\"b\":{},\"a\":-0.125e1}\r\n").unwrap();
        assert_eq!(v.get("a").unwrap().describe(), "an array of 6");
        let Json::Array(a) = v.get("a").unwrap() else {
            panic!()
        };
        assert_eq!(a[2], Json::String("xé🥇\n".into()));
        let Json::Object(m) = &v else { panic!() };
        let keys: Vec<&str> = m.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "b", "a"]);
        assert_eq!(m[2].1, Json::Number(-1.25));
        assert_eq!(
            parse("\"\\ud800x\"").unwrap(),
            Json::String("\u{fffd}x".into())
        );
        assert_eq!(
            parse("12345678901234567").unwrap(),
            Json::Number(12345678901234567.0)
        );
        // Signed zero kept, as JSON.parse keeps it.
        let Json::Number(z) = parse("-0").unwrap() else {
            panic!()
        };
        assert!(z == 0.0 && z.is_sign_negative());
    }

    #[test]
    fn describes_numbers_as_written() {
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
    fn errors_say_what_was_expected_what_was_found_and_where() {
        let cases = [
            ("[1,]", "expected no comma before ']' (a trailing comma is not JSON), at line 1, column 4"),
            ("{\"a\": 1,}", "expected no comma before '}' (a trailing comma is not JSON), at line 1, column 9"),
            ("{,}", "expected a member name in double quotes, found ',', at line 1, column 2"),
            ("[1 2]", "expected ',' or ']' after an array item, found '2', at line 1, column 4"),
            ("{\n  \"a\" 1}", "expected ':' after a member name, found '1', at line 2, column 7"),
            ("{\r\n  \"a\" 1}", "expected ':' after a member name, found '1', at line 2, column 7"),
            ("{\r  \"a\" 1}", "expected ':' after a member name, found '1', at line 2, column 7"),
            ("[\r\r\n\n 1 2]", "expected ',' or ']' after an array item, found '2', at line 4, column 4"),
            ("\"a\r\n", "expected the closing '\"' of the string (a line break or control character must be escaped), found U+000D, at line 1, column 3"),
            ("{\"a\": tru}", "expected true, found '}', at line 1, column 10"),
            ("[01]", "expected ',' or ']' after an array item, found '1', at line 1, column 3"),
            ("[1.]", "expected a digit, found ']', at line 1, column 4"),
            ("\"é\ty\"", "expected the closing '\"' of the string (a line break or control character must be escaped), found U+0009, at line 1, column 3"),
            ("\"\\x\"", "expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u), found 'x', at line 1, column 3"),
            ("{\"a\": [1, 2", "expected ',' or ']' after an array item, found the end of the text, at line 1, column 12"),
            ("", "expected a value (an object, array, string, number, true, false or null), found the end of the text, at line 1, column 1"),
            ("<!doctype html>", "expected a value (an object, array, string, number, true, false or null), found '<', at line 1, column 1"),
            ("{} x", "expected the end of the text after the value, found 'x', at line 1, column 4"),
            ("\"abc", "expected the closing '\"' of the string (a line break or control character must be escaped), found the end of the text, at line 1, column 5"),
            ("{\"a\": \"x\\u0041bc", "expected the closing '\"' of the string (a line break or control character must be escaped), found the end of the text, at line 1, column 17"),
            ("[1,}", "expected a value (an object, array, string, number, true, false or null), found '}', at line 1, column 4"),
            ("{\"a\":1,]", "expected a member name in double quotes, found ']', at line 1, column 8"),
            ("\u{a0}1", "expected a value (an object, array, string, number, true, false or null), found U+00A0, at line 1, column 1"),
            ("\u{feff}x", "expected a value (an object, array, string, number, true, false or null), found 'x', at line 1, column 1"),
            ("NaN", "expected a value (an object, array, string, number, true, false or null), found 'N', at line 1, column 1"),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text).unwrap_err(), want, "{text:?}");
        }
    }

    #[test]
    fn refuses_deep_nesting() {
        let ok = "[".repeat(32) + &"]".repeat(32);
        assert!(parse(&ok).is_ok());
        let deep = "[".repeat(40) + &"]".repeat(40);
        assert_eq!(
            parse(&deep).unwrap_err(),
            "nested deeper than 32 levels, at line 1, column 33"
        );
    }

    fn from_serde(v: &serde_json::Value) -> Json {
        use serde_json::Value as V;
        match v {
            V::Null => Json::Null,
            V::Bool(b) => Json::Bool(*b),
            V::Number(n) => Json::Number(n.as_f64().unwrap()),
            V::String(s) => Json::String(s.clone()),
            V::Array(a) => Json::Array(a.iter().map(from_serde).collect()),
            V::Object(m) => {
                Json::Object(m.iter().map(|(k, v)| (k.clone(), from_serde(v))).collect())
            }
        }
    }

    /// Short strings, so an edit at a random place mostly hits structure.
    fn short() -> impl Strategy<Value = String> {
        "[a-zé🥇\"\\\\/\n ]{0,4}"
    }

    fn any_value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value as V;
        let leaf = prop_oneof![
            Just(V::Null),
            any::<bool>().prop_map(V::Bool),
            any::<i64>().prop_map(V::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(V::from),
            short().prop_map(V::String),
            any::<String>().prop_map(V::String),
        ];
        leaf.prop_recursive(6, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(V::Array),
                prop::collection::vec((short(), inner), 0..6)
                    .prop_map(|kv| V::Object(kv.into_iter().collect())),
            ]
        })
    }

    /// `j` as serde_json's map holds it: members sorted by name, the last
    /// of duplicates kept.
    fn sorted(j: Json) -> Json {
        match j {
            Json::Array(a) => Json::Array(a.into_iter().map(sorted).collect()),
            Json::Object(m) => {
                let mut map = std::collections::BTreeMap::new();
                for (k, v) in m {
                    map.insert(k, sorted(v));
                }
                Json::Object(map.into_iter().collect())
            }
            other => other,
        }
    }

    /// Our parser and serde_json agree on `text`: both refuse it, or both
    /// read the same tree. serde_json alone refuses numbers beyond f64 and
    /// lone surrogate escapes, which `JSON.parse` (and so we) accept.
    fn agree(text: &str) -> Result<(), TestCaseError> {
        let ours = parse(text);
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(v) => prop_assert_eq!(sorted(ours.unwrap()), from_serde(&v)),
            Err(e)
                if e.to_string().contains("out of range")
                    || e.to_string().contains("surrogate") => {}
            Err(e) => prop_assert!(ours.is_err(), "{:?} accepted, serde_json: {}", text, e),
        }
        Ok(())
    }

    proptest! {
        /// Whatever serde_json writes, compact or pretty, parses to the same tree.
        #[test]
        fn reads_what_serde_json_writes(v in any_value()) {
            let want = from_serde(&v);
            prop_assert_eq!(parse(&serde_json::to_string(&v).unwrap()).unwrap(), want.clone());
            prop_assert_eq!(parse(&serde_json::to_string_pretty(&v).unwrap()).unwrap(), want);
        }

        /// Valid JSON with one character inserted, removed or replaced:
        /// accepted exactly when serde_json accepts it, as the same tree.
        #[test]
        fn one_edit_away_agrees_with_serde_json(
            v in any_value(),
            at in any::<prop::sample::Index>(),
            edit in 0..3u8,
            c in prop::sample::select(vec!['[', ']', '{', '}', '"', ',', ':', ' ', '0', '1', '.', 'e', '-', '+', 't', 'n', '\\', '\n', '\u{1}']),
        ) {
            let mut chars: Vec<char> = serde_json::to_string(&v).unwrap().chars().collect();
            let i = at.index(chars.len() + 1);
            match edit {
                0 => chars.insert(i, c),
                1 if i < chars.len() => { chars.remove(i); }
                _ if i < chars.len() => chars[i] = c,
                _ => chars.push(c),
            }
            let text: String = chars.into_iter().collect();
            agree(&text)?;
        }

        /// Accepts exactly what serde_json accepts, over near-JSON noise
        /// (no `d`, so no surrogate escapes, which serde_json refuses alone).
        #[test]
        fn accepts_what_serde_json_accepts(text in "[\\[\\]{}\",: \n\t0-9.eE+\\-truefalsn\\\\/bu\u{1}é]{0,24}") {
            agree(&text)?;
        }
    }
}
