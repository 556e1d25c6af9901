//! Numbers, dates, lists, ordinals and collation in the widget's language,
//! through the browser's `Intl`, so no locale data ships in the wasm.
//!
//! A language tag comes from a page attribute and may be malformed; `Intl`
//! constructors throw on such a tag, so every tag is first checked with a
//! catching `Intl.getCanonicalLocales` and falls back to English. Formatters
//! are cached per tag: building one is far slower than using it, and the
//! medal table formats thousands of cells.

use super::i18n::{ordinal_in, Lang};
use crate::data::model::Date;
use js_sys::{Array, Function, Intl, Object, Reflect};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = getCanonicalLocales, catch)]
    fn canonical_locales(tag: &str) -> Result<Array, JsValue>;
}

/// The tag to hand to `Intl`: the canonical form of `lang`, English when
/// `lang` is empty or malformed.
pub fn resolve_lang(lang: &str) -> String {
    let lang = lang.trim();
    if lang.is_empty() {
        return "en".into();
    }
    canonical_locales(lang)
        .ok()
        .and_then(|a| a.get(0).as_string())
        .unwrap_or_else(|| "en".into())
}

fn locales(lang: &str) -> Array {
    Array::of1(&JsValue::from_str(&resolve_lang(lang)))
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

#[derive(Default)]
struct Cache {
    number: HashMap<String, Function>,
    date: HashMap<String, Intl::DateTimeFormat>,
    list: HashMap<String, Intl::ListFormat>,
    collator: HashMap<String, Function>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// `n` with the language's digits and grouping ("1,234" in English).
pub fn format_number(n: f64, lang: &str) -> String {
    let f = CACHE.with(|c| {
        c.borrow_mut()
            .number
            .entry(lang.to_string())
            .or_insert_with(|| Intl::NumberFormat::new(&locales(lang), &Object::new()).format())
            .clone()
    });
    f.call1(&JsValue::NULL, &JsValue::from_f64(n))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| n.to_string())
}

/// A whole count, formatted; the common case of [`format_number`].
pub fn format_count(n: u32, lang: &str) -> String {
    format_number(f64::from(n), lang)
}

fn date_format(lang: &str) -> Intl::DateTimeFormat {
    CACHE.with(|c| {
        c.borrow_mut()
            .date
            .entry(lang.to_string())
            .or_insert_with(|| {
                // UTC both ways: a calendar date must not shift with the reader's zone.
                let o = options(&[
                    ("year", "numeric"),
                    ("month", "long"),
                    ("day", "numeric"),
                    ("timeZone", "UTC"),
                ]);
                Intl::DateTimeFormat::new(&locales(lang), &o)
            })
            .clone()
    })
}

fn js_date(d: Date) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(
        d.days_since_epoch() as f64 * 86_400_000.0,
    ))
}

/// A calendar date in the language's long form ("29 July 2024", "July 29, 2024").
pub fn format_date(d: Date, lang: &str) -> String {
    date_format(lang)
        .format()
        .call1(&JsValue::NULL, &js_date(d))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| d.to_string())
}

/// A date range as compactly as the language allows ("12–28 June 2015").
pub fn format_date_range(start: Date, end: Date, lang: &str) -> String {
    date_format(lang)
        .format_range(&js_date(start), &js_date(end))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{} – {}", format_date(start, lang), format_date(end, lang)))
}

/// The ordinal of `n` in the widget's language ("30th", "30e", "30-cu",
/// "30-е"), digits through `Intl`; see [`super::i18n::ordinal_in`].
pub fn ordinal(n: u32, lang: &str) -> String {
    let l = Lang::from_tag(&resolve_lang(lang)).unwrap_or_default();
    ordinal_in(l, n, &format_count(n, lang))
}

/// Items joined as a list in the language ("A, B and C").
pub fn format_list(items: &[&str], lang: &str) -> String {
    let f = CACHE.with(|c| {
        c.borrow_mut()
            .list
            .entry(lang.to_string())
            .or_insert_with(|| {
                Intl::ListFormat::new(
                    &locales(lang),
                    &options(&[("type", "conjunction"), ("style", "long")]),
                )
            })
            .clone()
    });
    let arr: Array = items.iter().map(|s| JsValue::from_str(s)).collect();
    String::from(f.format(&arr))
}

/// Compares two names as the language sorts them (accents next to their
/// base letter, case ignored).
pub fn collate(a: &str, b: &str, lang: &str) -> Ordering {
    let f = CACHE.with(|c| {
        c.borrow_mut()
            .collator
            .entry(lang.to_string())
            .or_insert_with(|| {
                Intl::Collator::new(&locales(lang), &options(&[("sensitivity", "base")])).compare()
            })
            .clone()
    });
    let r = f
        .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    r.partial_cmp(&0.0).unwrap_or(Ordering::Equal)
}

/// `s` lower-cased with accents removed, for search matching
/// ("Côte d'Ivoire" → "cote d'ivoire").
pub fn fold(s: &str) -> String {
    let js = js_sys::JsString::from(s);
    let decomposed = js.normalize("NFD");
    let lower = String::from(decomposed.to_lower_case());
    // Combining diacritical marks block: what NFD split off the letters.
    lower
        .chars()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .collect()
}
