//! Numbers, dates, lists, ordinals and collation in the widget's language.
//! In the widget's own four languages it writes whole numbers, long dates,
//! date ranges and conjunction lists itself, because a page's first `Intl`
//! formatter costs the browser's locale-data load (35-110 ms on the main
//! thread in a fresh Chromium here) and those formats are small and fixed.
//! Browser tests hold each of them to what `Intl` gives, in Chromium and
//! Firefox; where Chromium has no Azerbaijani data at all, to CLDR's.
//! Everything else (other tags, decimals, negatives, collation) goes to the
//! browser's `Intl`, so no other locale data ships in the wasm.
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
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = getCanonicalLocales, catch)]
    fn canonical_locales(tag: &str) -> Result<Array, JsValue>;
}

#[wasm_bindgen(
    inline_js = "export function sort_indices(idx, names, cmp) { return idx.sort((a, b) => cmp(names[a], names[b]) || a - b); }"
)]
extern "C" {
    fn sort_indices(idx: &Array, names: &Array, compare: &Function) -> Array;
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

/// Formatters by language tag. A page uses one or two tags, so a list
/// searched in order is as fast as a hash map and far smaller in the wasm.
struct PerLang<T>(Vec<(String, T)>);

impl<T: Clone> PerLang<T> {
    fn get(&mut self, lang: &str, make: impl FnOnce() -> T) -> T {
        if let Some((_, v)) = self.0.iter().find(|(k, _)| k == lang) {
            return v.clone();
        }
        let v = make();
        self.0.push((lang.to_string(), v.clone()));
        v
    }
}

impl<T> Default for PerLang<T> {
    fn default() -> Self {
        PerLang(Vec::new())
    }
}

#[derive(Default)]
struct Cache {
    number: PerLang<Function>,
    date: PerLang<Intl::DateTimeFormat>,
    list: PerLang<Intl::ListFormat>,
    collator: PerLang<Function>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// The widget's own language for one of its language codes (`""` is
/// English), `None` for any other tag: for these four, the formats below
/// that `Intl` would give for whole numbers, long dates, date ranges and
/// lists are known.
fn own_lang(lang: &str) -> Option<Lang> {
    if lang.is_empty() {
        return Some(Lang::En);
    }
    Lang::ALL.into_iter().find(|l| l.code() == lang)
}

/// `n` with the language's digits and grouping ("1,234" in English).
///
/// A page's first `Intl` formatter, of whatever kind, makes the browser load
/// its locale data: 35-110 ms on the main thread in a fresh Chromium here.
/// The widget only shows whole counts, and in its four languages those are
/// ASCII digits grouped in threes with one fixed separator (checked against
/// `Intl` in tests/browser_i18n.rs, and that no formatter is built in
/// tests/browser_startup.rs), so its start-up never pays for that load.
pub fn format_number(n: f64, lang: &str) -> String {
    let whole = n.is_sign_positive() && n.fract() == 0.0;
    if let Some(l) = own_lang(lang) {
        // Below 2^53 every whole f64 is exact as an integer.
        if whole && n < 9_007_199_254_740_992.0 {
            return grouped(n as u64, group_separator(l));
        }
    }
    let f = CACHE.with(|c| {
        c.borrow_mut().number.get(lang, || {
            Intl::NumberFormat::new(&locales(lang), &Object::new()).format()
        })
    });
    f.call1(&JsValue::NULL, &JsValue::from_f64(n))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| crate::data::num::fixed(n, 3))
}

/// CLDR's grouping separator: Azerbaijani groups with a full stop ("5.898"),
/// French with a narrow no-break space, Russian with a no-break space. Every
/// one of the four groups from 1,000 up.
fn group_separator(l: Lang) -> char {
    match l {
        Lang::En => ',',
        Lang::Fr => '\u{202f}',
        Lang::Az => '.',
        Lang::Ru => '\u{a0}',
    }
}

/// `n`'s digits in groups of three from the right.
fn grouped(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A whole count, formatted; the common case of [`format_number`].
pub fn format_count(n: u32, lang: &str) -> String {
    format_number(f64::from(n), lang)
}

fn date_format(lang: &str) -> Intl::DateTimeFormat {
    CACHE.with(|c| {
        c.borrow_mut().date.get(lang, || {
            // UTC both ways: a calendar date must not shift with the reader's zone.
            let o = options(&[
                ("year", "numeric"),
                ("month", "long"),
                ("day", "numeric"),
                ("timeZone", "UTC"),
            ]);
            Intl::DateTimeFormat::new(&locales(lang), &o)
        })
    })
}

fn js_date(d: Date) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(
        d.days_since_epoch() as f64 * 86_400_000.0,
    ))
}

/// Month names as long dates use them (CLDR's format-wide names; genitive in
/// Russian: "29 июля").
fn month_name(l: Lang, month: u8) -> &'static str {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const AZ: [&str; 12] = [
        "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr",
        "oktyabr", "noyabr", "dekabr",
    ];
    const RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    let names = match l {
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::Az => &AZ,
        Lang::Ru => &RU,
    };
    names[usize::from(month.clamp(1, 12)) - 1]
}

/// What follows the year: Russian writes "2024 г.".
fn year_suffix(l: Lang) -> &'static str {
    if l == Lang::Ru {
        " г."
    } else {
        ""
    }
}

/// CLDR's long date, "yMMMMd": "July 29, 2024", "29 juillet 2024",
/// "29 iyul 2024", "29 июля 2024 г.".
fn own_date(l: Lang, d: Date) -> String {
    let m = month_name(l, d.month);
    if l == Lang::En {
        format!("{m} {}, {}", d.day, d.year)
    } else {
        format!("{} {m} {}{}", d.day, d.year, year_suffix(l))
    }
}

/// CLDR's interval formats for the long date: the month and year written
/// once where both ends share them ("June 12 – 28, 2015", "12–28 juin 2015",
/// "12 – 28 iyun 2015", "12–28 июня 2015 г."), the year once where only it is
/// shared, and two whole dates otherwise.
fn own_range(l: Lang, a: Date, b: Date) -> String {
    if a == b {
        return own_date(l, a);
    }
    let (ma, mb, y) = (month_name(l, a.month), month_name(l, b.month), a.year);
    let suffix = year_suffix(l);
    if a.year != b.year {
        format!("{} – {}", own_date(l, a), own_date(l, b))
    } else if a.month != b.month {
        match l {
            Lang::En => format!("{ma} {} – {mb} {}, {y}", a.day, b.day),
            _ => format!("{} {ma} – {} {mb} {y}{suffix}", a.day, b.day),
        }
    } else {
        match l {
            Lang::En => format!("{ma} {} – {}, {y}", a.day, b.day),
            Lang::Az => format!("{} – {} {ma} {y}", a.day, b.day),
            Lang::Fr | Lang::Ru => format!("{}–{} {ma} {y}{suffix}", a.day, b.day),
        }
    }
}

/// A calendar date in the language's long form ("29 July 2024", "July 29, 2024").
pub fn format_date(d: Date, lang: &str) -> String {
    if let Some(l) = own_lang(lang) {
        return own_date(l, d);
    }
    date_format(lang)
        .format()
        .call1(&JsValue::NULL, &js_date(d))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| d.to_string())
}

/// A date range as compactly as the language allows ("12–28 June 2015").
pub fn format_date_range(start: Date, end: Date, lang: &str) -> String {
    if let Some(l) = own_lang(lang) {
        return own_range(l, start, end);
    }
    date_format(lang)
        .format_range(&js_date(start), &js_date(end))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{} – {}", format_date(start, lang), format_date(end, lang)))
}

/// The ordinal of `n` in the widget's language ("30th", "30e", "30-cu",
/// "30-е"), digits through `Intl`; see [`super::i18n::ordinal_in`].
pub fn ordinal(n: u32, lang: &str) -> String {
    let l = own_lang(lang)
        .or_else(|| Lang::from_tag(&resolve_lang(lang)))
        .unwrap_or_default();
    ordinal_in(l, n, &format_count(n, lang))
}

/// Items joined as CLDR's long conjunction list in one of the widget's
/// languages: ", " between the items, the language's "and" before the last,
/// and in English a comma before it too, from three items on ("A, B, and C";
/// "A, B et C"; "A, B və C"; "A, B и C").
fn list_in(l: Lang, items: &[&str]) -> String {
    let and = match l {
        Lang::En => "and",
        Lang::Fr => "et",
        Lang::Az => "və",
        Lang::Ru => "и",
    };
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [first, second] => format!("{first} {and} {second}"),
        [init @ .., last] => {
            let serial = if l == Lang::En { "," } else { "" };
            format!("{}{serial} {and} {last}", init.join(", "))
        }
    }
}

/// Items joined as a list in the language ("A, B, and C"); `Intl` for any
/// language but the widget's own (see [`format_number`] for why).
pub fn format_list(items: &[&str], lang: &str) -> String {
    if let Some(l) = own_lang(lang) {
        return list_in(l, items);
    }
    let f = CACHE.with(|c| {
        c.borrow_mut().list.get(lang, || {
            Intl::ListFormat::new(
                &locales(lang),
                &options(&[("type", "conjunction"), ("style", "long")]),
            )
        })
    });
    let arr: Array = items.iter().map(|s| JsValue::from_str(s)).collect();
    String::from(f.format(&arr))
}

/// Each name's position when the list is sorted as the language sorts
/// names (accents next to their base letter, case ignored); equal names keep
/// their input order. One `Array.prototype.sort` with the collator's own
/// `compare` runs entirely in JS: a Rust comparator would cross into JS for
/// every comparison, which made sorting the table by name the slow column.
pub fn collation_ranks(names: &[&str], lang: &str) -> Vec<u32> {
    let compare = collator(lang);
    // Sorting indices keeps duplicates apart; the comparator reads names by
    // index from a JS array, so no call leaves JS during the sort.
    let arr: Array = names.iter().map(|s| JsValue::from_str(s)).collect();
    let idx: Array = (0..names.len()).map(|i| JsValue::from(i as u32)).collect();
    let sorted = sort_indices(&idx, &arr, &compare);
    let mut ranks = vec![0u32; names.len()];
    for (pos, i) in sorted.iter().enumerate() {
        if let Some(slot) = i.as_f64().and_then(|i| ranks.get_mut(i as usize)) {
            *slot = pos as u32;
        }
    }
    ranks
}

/// The language's name comparison (`Intl.Collator`, accents and case
/// ignored), built once per language.
fn collator(lang: &str) -> Function {
    CACHE.with(|c| {
        c.borrow_mut().collator.get(lang, || {
            Intl::Collator::new(&locales(lang), &options(&[("sensitivity", "base")])).compare()
        })
    })
}

/// Builds the language's collator ahead of the first sort by name. The
/// page's first `Intl.Collator` loads the browser's collation data (about
/// 21 ms here, measured), which would otherwise fall into that click; the
/// table calls this when the reader's pointer or focus comes into it, or
/// the reader scrolls it.
pub fn warm_collator(lang: &str) {
    collator(lang);
}

/// `s` lower-cased with accents removed, for search matching
/// ("Côte d'Ivoire" → "cote d'ivoire").
pub fn fold(s: &str) -> String {
    // Most names are ASCII, which has no accents to strip: no trip to JS
    // (the table folds every name when it is first shown).
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let js = js_sys::JsString::from(s);
    let decomposed = js.normalize("NFD");
    let lower = String::from(decomposed.to_lower_case());
    // Combining diacritical marks block: what NFD split off the letters.
    lower
        .chars()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .collect()
}
