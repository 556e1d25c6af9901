//! Browser tests of translations, locale formatting and export: the views in
//! English, French, Azerbaijani and Russian, the language fallback chain,
//! the CSV files and the embed code. Locale-dependent expectations (dates)
//! are computed with the browser's own `Intl`, never hard-coded.
#![cfg(target_arch = "wasm32")]

use medal_summary::components::export::{
    csv_field, embed_code, escape_attr, medalists_csv, table_csv, BOM,
};
use medal_summary::components::i18n::{
    az_ordinal_suffix, en, lookup, ordinal_in, resolve_lang, tr, Lang, Msg,
};
use medal_summary::components::intl::{
    format_date, format_date_range, format_list, format_number, ordinal,
};
use medal_summary::components::table::RowData;
use medal_summary::components::AppProps;
use medal_summary::data::model::{Date, Medal, MedalKind, Tally};
use medal_summary::data::rank::RankBy;
use medal_summary::embed::parse;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlTextAreaElement};

mod common;
use common::{click, mount, q, qa, text};

wasm_bindgen_test_configure!(run_in_browser);

const DEFAULT: &str = include_str!("../www/data/aze-paris2024.json");

fn props(lang: &str, view: &str, ranking: RankBy, src: &str) -> AppProps {
    let report = parse(DEFAULT);
    AppProps {
        data: Rc::new(report.dataset.expect("dataset")),
        problems: Rc::new(report.problems),
        lang: lang.to_string().into(),
        view: view.to_string().into(),
        ranking,
        instance: "".into(),
        src: src.to_string().into(),
    }
}

async fn open_tab(root: &Element, view: &str) -> Element {
    click(&q(root, &format!("[role=tab][data-view={view}]"))).await;
    q(root, &format!("[role=tabpanel][data-view={view}]"))
}

/// Lets promise callbacks and the tasks they wake run, then renders; stops
/// as soon as `done` holds. Yields to the microtask queue only (no timers).
async fn settle(done: impl Fn() -> bool) {
    for _ in 0..20 {
        if done() {
            return;
        }
        JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL))
            .await
            .unwrap();
        yew::scheduler::flush().await;
    }
}

/// Runs a snippet of page script (test stubs).
fn run(js: &str) {
    js_sys::Function::new_no_args(js)
        .call0(&JsValue::NULL)
        .unwrap();
}

fn global(name: &str) -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &name.into()).unwrap()
}

// ---- pure language logic ----------------------------------------------

/// What the browser's own `Intl` gives: `new Intl.<kind>(lang, options).format(value)`.
fn intl(kind: &str, lang: &str, options: &str, value: &JsValue) -> String {
    let f = js_sys::Function::new_with_args(
        "kind, lang, value",
        &format!("return new Intl[kind](lang, {options}).format(value);"),
    );
    f.call3(&JsValue::NULL, &kind.into(), &lang.into(), value)
        .unwrap()
        .as_string()
        .unwrap()
}

/// CLDR's Azerbaijani grouping ("5.898"), for a browser with no
/// Azerbaijani number data (Chromium groups the English way).
fn az_grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[wasm_bindgen_test]
fn numbers_are_what_intl_gives_with_or_without_it() {
    // Whole numbers in the widget's languages skip `Intl`
    // (components::intl::format_number); everything else goes through it.
    let mut values: Vec<f64> = (0..1000).map(f64::from).collect();
    values.extend((1000..200_000).step_by(97).map(f64::from));
    values.extend([
        1000.0,
        9999.0,
        10_000.0,
        100_000.0,
        999_999.0,
        1_000_000.0,
        12_345_678.0,
        f64::from(u32::MAX),
        9_007_199_254_740_991.0,
        9_007_199_254_740_992.0,
        1e21,
        999.5,
        1234.5,
        0.25,
        -1.0,
        -0.0,
        -5898.0,
    ]);
    let az_has_data = intl("NumberFormat", "az", "{}", &JsValue::from_f64(1000.0)) == "1.000";
    for lang in ["en", "fr", "az", "ru", "de", "ar-EG"] {
        for &n in &values {
            let own_az = lang == "az"
                && !az_has_data
                && (1000.0..9_007_199_254_740_992.0).contains(&n)
                && n.fract() == 0.0;
            let want = if own_az {
                az_grouped(n as u64)
            } else {
                intl("NumberFormat", lang, "{}", &JsValue::from_f64(n))
            };
            assert_eq!(format_number(n, lang), want, "{n} in {lang:?}");
        }
    }
    // `""` is English.
    assert_eq!(format_number(7.0, ""), "7");
    assert_eq!(format_number(1234.0, ""), "1,234");
    // Azerbaijani groups with a full stop in every browser.
    assert_eq!(format_number(5898.0, "az"), "5.898");
}

#[wasm_bindgen_test]
fn lists_are_what_intl_gives_with_or_without_it() {
    let names = [
        "Judo",
        "Côte d'Ivoire",
        "Azərbaycan",
        "Хорватия",
        "Team A, B",
    ];
    let supported = js_sys::Function::new_with_args(
        "lang",
        "return Intl.ListFormat.supportedLocalesOf([lang]).length > 0;",
    );
    for lang in ["en", "fr", "az", "ru", "de"] {
        let has_data = supported
            .call1(&JsValue::NULL, &lang.into())
            .unwrap()
            .is_truthy();
        for k in 0..=names.len() {
            let items = &names[..k];
            let got = format_list(items, lang);
            if has_data {
                let arr: js_sys::Array = items.iter().map(|s| JsValue::from_str(s)).collect();
                let want = intl(
                    "ListFormat",
                    lang,
                    "{ type: 'conjunction', style: 'long' }",
                    &arr,
                );
                assert_eq!(got, want, "{k} items in {lang}");
            } else {
                // Chromium ships no Azerbaijani list data and would join in
                // English ("A and B"); the widget keeps CLDR's Azerbaijani.
                assert_eq!(lang, "az", "only Azerbaijani may lack list data");
                let want = match k {
                    0 => String::new(),
                    1 => names[0].to_string(),
                    _ => format!("{} və {}", items[..k - 1].join(", "), items[k - 1]),
                };
                assert_eq!(got, want, "{k} items in {lang}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn ordinals_in_all_languages() {
    let cases: [(u32, [&str; 4]); 6] = [
        (1, ["1st", "1er", "1-ci", "1-е"]),
        (2, ["2nd", "2e", "2-ci", "2-е"]),
        (3, ["3rd", "3e", "3-cü", "3-е"]),
        (30, ["30th", "30e", "30-cu", "30-е"]),
        (40, ["40th", "40e", "40-cı", "40-е"]),
        (91, ["91st", "91e", "91-ci", "91-е"]),
    ];
    for (n, want) in cases {
        for (lang, w) in Lang::ALL.into_iter().zip(want) {
            assert_eq!(ordinal_in(lang, n, &n.to_string()), w, "{n} in {lang:?}");
            // Through Intl, with the language's digits (all plain here).
            assert_eq!(ordinal(n, lang.code()), w, "Intl {n} in {lang:?}");
        }
    }
    for (n, w) in [
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (111, "111th"),
        (22, "22nd"),
        (103, "103rd"),
    ] {
        assert_eq!(ordinal_in(Lang::En, n, &n.to_string()), w);
    }
    assert_eq!(ordinal(1, "fr-CA"), "1er");
}

#[wasm_bindgen_test]
fn azerbaijani_vowel_harmony() {
    let table = [
        (1, "ci"),
        (2, "ci"),
        (3, "cü"),
        (4, "cü"),
        (5, "ci"),
        (6, "cı"),
        (7, "ci"),
        (8, "ci"),
        (9, "cu"),
        (10, "cu"),
        (20, "ci"),
        (30, "cu"),
        (40, "cı"),
        (50, "ci"),
        (60, "cı"),
        (70, "ci"),
        (80, "ci"),
        (90, "cı"),
        (100, "cü"),
        (1000, "ci"),
        (1_000_000, "cu"),
        // The last non-zero spoken word decides.
        (91, "ci"),
        (96, "cı"),
        (203, "cü"),
        (2010, "cu"),
        (340, "cı"),
        (1100, "cü"),
    ];
    for (n, s) in table {
        assert_eq!(az_ordinal_suffix(n), s, "{n}");
    }
}

#[wasm_bindgen_test]
fn resolve_lang_fallback_chain() {
    assert_eq!(resolve_lang("fr", "ru"), Lang::Fr);
    assert_eq!(resolve_lang("fr-CA", ""), Lang::Fr);
    assert_eq!(resolve_lang("AZ-latn-AZ", ""), Lang::Az);
    assert_eq!(resolve_lang("ru_RU", ""), Lang::Ru);
    assert_eq!(resolve_lang("", "ru"), Lang::Ru);
    assert_eq!(resolve_lang("  ", "az-AZ"), Lang::Az);
    assert_eq!(resolve_lang("", ""), Lang::En);
    assert_eq!(resolve_lang("de", "fr"), Lang::En);
    assert_eq!(resolve_lang("", "zh-Hans"), Lang::En);
    assert_eq!(resolve_lang("fra", ""), Lang::En);
    assert_eq!(resolve_lang("en-GB", "fr"), Lang::En);
}

#[wasm_bindgen_test]
fn missing_translation_falls_back_to_english() {
    // The rank placeholder is language-neutral and deliberately untranslated.
    assert_eq!(lookup(Lang::Fr, Msg::RankUnknown), None);
    assert_eq!(tr("fr", Msg::RankUnknown), en(Msg::RankUnknown));
    assert_eq!(tr("ru", Msg::RankUnknown), "–");
    // Unsupported and empty tags read English.
    assert_eq!(tr("de", Msg::TabTable), "Medal table");
    assert_eq!(tr("", Msg::TabTable), "Medal table");
    assert_eq!(tr("fr-BE", Msg::TabTable), "Tableau des médailles");
    assert_eq!(tr("az", Msg::Gold), "Qızıl");
    assert_eq!(tr("ru", Msg::Gold), "Золото");
}

// ---- the views in each language ----------------------------------------

const LANGS: [(&str, &str, &str); 4] = [
    ("en", "Azerbaijan", "30th of 91, shared with Croatia"),
    ("fr", "Azerbaïdjan", "30e sur 91, à égalité avec Croatia"),
    (
        "az",
        "Azərbaycan",
        "91 komandadan 30-cu; bu yeri bölüşənlər: Croatia",
    ),
    (
        "ru",
        "Азербайджан",
        "30-е место из 91; то же место: Croatia",
    ),
];

#[wasm_bindgen_test]
async fn card_in_each_language() {
    for (lang, name, sentence) in LANGS {
        let root = mount(props(lang, "", RankBy::Gold, "")).await;
        assert_eq!(text(&q(&root, ".ms-country")), name, "{lang}");
        assert_eq!(text(&q(&root, ".ms-rank-text")), sentence, "{lang}");
        assert_eq!(
            q(&root, ".ms-widget").get_attribute("lang").as_deref(),
            Some(lang)
        );
        let tab = text(&q(&root, "[role=tab][data-view=card]"));
        assert_eq!(tab, tr(lang, Msg::TabCard));
        let labels: Vec<String> = qa(&root, ".ms-tally .ms-label").iter().map(text).collect();
        let want: Vec<&str> = [Msg::Gold, Msg::Silver, Msg::Bronze, Msg::Total]
            .iter()
            .map(|&m| tr(lang, m))
            .collect();
        assert_eq!(labels, want, "{lang}");
        assert_eq!(
            text(&q(&root, ".ms-rank-basis")),
            tr(lang, Msg::RankedByGold)
        );
        // No English left behind on a translated card (beyond names and data).
        if lang != "en" {
            let all = text(&q(&root, ".ms-card"));
            assert!(
                !all.contains("Gold") && !all.contains("Ranked"),
                "{lang}: {all}"
            );
        }
    }
}

#[wasm_bindgen_test]
async fn table_in_each_language() {
    let captions = [
        ("en", "Medal table, Paris 2024", "Rank", "Team"),
        ("fr", "Tableau des médailles, Paris 2024", "Rang", "Équipe"),
        ("az", "Medal cədvəli, Paris 2024", "Yer", "Komanda"),
        ("ru", "Медальный зачёт, Paris 2024", "Место", "Команда"),
    ];
    for (lang, caption, col_rank, col_name) in captions {
        let root = mount(props(lang, "table", RankBy::Gold, "")).await;
        let panel = q(&root, "[role=tabpanel][data-view=table]");
        assert_eq!(text(&q(&panel, "caption")), caption);
        assert_eq!(
            text(&q(&panel, "th[data-col=rank] .ms-sort"))
                .trim_end_matches('▲')
                .trim(),
            col_rank
        );
        assert!(
            text(&q(&panel, "th[data-col=name]")).starts_with(col_name),
            "{lang}"
        );
        let n = qa(&panel, "tbody tr").len();
        let shown = text(&q(&panel, ".ms-shown"));
        let want = match lang {
            "en" => format!("{n} of {n} teams shown"),
            "fr" => format!("Équipes affichées\u{a0}: {n} sur {n}"),
            "az" => format!("{n} komandadan {n} göstərilir"),
            _ => format!("Показано команд: {n} из {n}"),
        };
        assert_eq!(shown, want);
        // One team found: every language's sentence still reads right.
        let input = q(&panel, "input[type=search]");
        search(&input, "aze").await;
        assert_eq!(qa(&panel, "tbody tr").len(), 1);
        let want_one = match lang {
            "en" => format!("1 of {n} teams shown"),
            "fr" => format!("Équipes affichées\u{a0}: 1 sur {n}"),
            "az" => format!("{n} komandadan 1 göstərilir"),
            _ => format!("Показано команд: 1 из {n}"),
        };
        assert_eq!(text(&q(&panel, ".ms-shown")), want_one);
        search(&input, "").await;
        let featured = q(&panel, "tr.ms-featured");
        assert_eq!(text(&q(&featured, "td:first-child")), "=30");
        assert!(text(&q(&panel, ".ms-show")).contains("Azerbaijan") || lang != "en");
        // Medal letters drawn on the headers are the language's.
        assert_eq!(
            text(&q(&panel, "th .ms-mark-gold")),
            tr(lang, Msg::GoldLetter)
        );
    }
}

/// Types `value` into the search box `input`, as a reader does, and lets
/// the widget render.
async fn search(input: &Element, value: &str) {
    input
        .dyn_ref::<web_sys::HtmlInputElement>()
        .unwrap()
        .set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

/// Whether this browser's `Intl` lacks Azerbaijani dates (Chromium writes
/// 29 July 2024 as "2024 M07 29"); the widget then writes them itself.
fn browser_lacks_az_dates() -> bool {
    let month = js_sys::Function::new_no_args(
        "return new Intl.DateTimeFormat('az', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 6, 29));",
    )
    .call0(&JsValue::NULL)
    .unwrap()
    .as_string()
    .unwrap();
    month != "iyul"
}

/// Azerbaijani month names, from CLDR, for expectations where the browser
/// has none.
const AZ_MONTHS: [&str; 12] = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
    "noyabr", "dekabr",
];

/// The browser's own long date (or range, with `end`) in `lang`.
fn intl_date(lang: &str, start: Date, end: Option<Date>) -> String {
    let f = js_sys::Function::new_with_args(
        "lang, a, b",
        "const f = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }); return b === undefined ? f.format(a) : f.formatRange(a, b);",
    );
    let ms = |x: Date| JsValue::from_f64(x.days_since_epoch() as f64 * 86_400_000.0);
    let b = end.map_or(JsValue::UNDEFINED, ms);
    f.call3(&JsValue::NULL, &lang.into(), &ms(start), &b)
        .unwrap()
        .as_string()
        .unwrap()
}

/// The calendar date `days` days after 1970-01-01, read by the browser.
fn date_from_days(days: i64) -> Date {
    let d = js_sys::Date::new(&JsValue::from_f64(days as f64 * 86_400_000.0));
    Date {
        year: d.get_utc_full_year() as u16,
        month: d.get_utc_month() as u8 + 1,
        day: d.get_utc_date() as u8,
    }
}

#[wasm_bindgen_test]
fn dates_are_what_intl_gives_with_or_without_it() {
    // The widget writes long dates and ranges itself in its four languages
    // (components::intl::format_date): every day of 2015 and of the leap year
    // 2016, and ranges of every kind CLDR tells apart (one day, within a
    // month, across months, across years), against the browser's `Intl`.
    let first = Date {
        year: 2015,
        month: 1,
        day: 1,
    }
    .days_since_epoch();
    // 2015 and the leap year 2016.
    let days: Vec<Date> = (first..first + 731).map(date_from_days).collect();
    assert_eq!(days.last(), Date::parse("2016-12-31").as_ref());
    assert!(days.contains(&Date::parse("2016-02-29").unwrap()));
    let mut ranges = Vec::new();
    for start in (first..first + 800).step_by(11) {
        for len in [0, 1, 5, 16, 27, 40, 200, 400] {
            ranges.push((date_from_days(start), date_from_days(start + len)));
        }
    }
    let lacks_az = browser_lacks_az_dates();
    for lang in ["en", "fr", "ru", "az"] {
        if lang == "az" && lacks_az {
            continue;
        }
        for &d in &days {
            assert_eq!(
                format_date(d, lang),
                intl_date(lang, d, None),
                "{d} in {lang}"
            );
        }
        for &(a, b) in &ranges {
            assert_eq!(
                format_date_range(a, b, lang),
                intl_date(lang, a, Some(b)),
                "{a}..{b} in {lang}"
            );
        }
    }
    // `""` is English.
    assert_eq!(
        format_date(Date::parse("2024-07-29").unwrap(), ""),
        "July 29, 2024"
    );
    // Other tags are the browser's.
    for lang in ["de", "en-GB"] {
        let (a, b) = (
            Date::parse("2015-06-12").unwrap(),
            Date::parse("2015-06-28").unwrap(),
        );
        assert_eq!(format_date(a, lang), intl_date(lang, a, None), "{lang}");
        assert_eq!(
            format_date_range(a, b, lang),
            intl_date(lang, a, Some(b)),
            "{lang}"
        );
    }
}

#[wasm_bindgen_test]
fn azerbaijani_dates_name_the_month_in_every_browser() {
    let d = |s: &str| Date::parse(s).unwrap();
    // CLDR's Azerbaijani, as Firefox writes it.
    let cases = [
        ("2015-06-12", "2015-06-28", "12 – 28 iyun 2015"),
        ("2015-06-12", "2015-07-03", "12 iyun – 3 iyul 2015"),
        ("2015-12-30", "2016-01-02", "30 dekabr 2015 – 2 yanvar 2016"),
        ("2017-05-12", "2017-05-12", "12 may 2017"),
    ];
    for (a, b, want) in cases {
        assert_eq!(format_date_range(d(a), d(b), "az"), want);
    }
    assert_eq!(format_date(d("2024-07-29"), "az"), "29 iyul 2024");
    for (m, name) in AZ_MONTHS.iter().enumerate() {
        let date = Date {
            year: 2024,
            month: m as u8 + 1,
            day: 1,
        };
        assert_eq!(format_date(date, "az"), format!("1 {name} 2024"));
    }
    if !browser_lacks_az_dates() {
        // Where the browser has Azerbaijani, the same as its own.
        for (a, b, _) in cases {
            assert_eq!(
                format_date_range(d(a), d(b), "az"),
                intl_date("az", d(a), Some(d(b)))
            );
        }
    }
}

#[wasm_bindgen_test]
async fn medalist_dates_follow_the_language() {
    for (lang, _, _) in LANGS {
        let root = mount(props(lang, "medalists", RankBy::Gold, "")).await;
        let panel = q(&root, "[role=tabpanel][data-view=medalists]");
        let time = q(&panel, ".ms-date");
        let iso = time.get_attribute("datetime").unwrap();
        let parts: Vec<u32> = iso.split('-').map(|p| p.parse().unwrap()).collect();
        let o = js_sys::Object::new();
        for (k, v) in [
            ("year", "numeric"),
            ("month", "long"),
            ("day", "numeric"),
            ("timeZone", "UTC"),
        ] {
            js_sys::Reflect::set(&o, &k.into(), &v.into()).unwrap();
        }
        let f = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&lang.into()), &o);
        let ms = js_sys::Date::utc(f64::from(parts[0]), f64::from(parts[1] - 1))
            + f64::from(parts[2] - 1) * 86_400_000.0;
        let want = if lang == "az" && browser_lacks_az_dates() {
            let month = AZ_MONTHS[parts[1] as usize - 1];
            format!("{} {month} {}", parts[2], parts[0])
        } else {
            f.format()
                .call1(&JsValue::NULL, &js_sys::Date::new(&ms.into()))
                .unwrap()
                .as_string()
                .unwrap()
        };
        assert_eq!(text(&time), want, "{lang}");
        assert_eq!(
            text(&q(&panel, ".ms-filter button")),
            tr(lang, Msg::AllMedals)
        );
    }
}

#[wasm_bindgen_test]
async fn timeline_in_each_language() {
    let athletes = [
        ("en", "Athletes"),
        ("fr", "Athlètes"),
        ("az", "İdmançılar"),
        ("ru", "Спортсмены"),
    ];
    for (lang, word) in athletes {
        let root = mount(props(lang, "timeline", RankBy::Gold, "")).await;
        let panel = q(&root, "[role=tabpanel][data-view=timeline]");
        assert_eq!(text(&q(&panel, ".ms-tl-title")), tr(lang, Msg::TlTitle));
        assert_eq!(
            text(&q(&panel, ".ms-tl-filter legend")),
            tr(lang, Msg::TlFilterLabel)
        );
        let options: Vec<String> = qa(&panel, ".ms-tl-filter-option")
            .iter()
            .map(text)
            .collect();
        let want: Vec<String> = [Msg::TlFilterAll, Msg::TlMultiSport, Msg::TlOther]
            .iter()
            .zip([8, 3, 5])
            .map(|(&m, n)| format!("{} ({n})", tr(lang, m)))
            .collect();
        assert_eq!(options, want, "{lang}");
        let labels: Vec<String> = qa(&panel, ".ms-tl-facts dt").iter().map(text).collect();
        assert_eq!(labels[1], word, "{lang}");
        assert_eq!(text(&q(&panel, ".ms-tl-source a")), tr(lang, Msg::TlSource));
        if lang != "en" {
            let all = text(&panel);
            assert!(
                !all.contains("Athletes") && !all.contains("Host result"),
                "{lang}: {all}"
            );
        }
    }
}

// ---- export -------------------------------------------------------------

fn row(label: &str, code: &str, name: &str, t: (u32, u32, u32), ranked: bool) -> Rc<RowData> {
    Rc::new(RowData {
        code: code.into(),
        key: code.into(),
        name: name.into(),
        tally: Tally {
            gold: t.0,
            silver: t.1,
            bronze: t.2,
        },
        label: label.into(),
        ranked,
        order: 0,
        search: String::new(),
    })
}

#[wasm_bindgen_test]
fn csv_quoting() {
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_field("cr\r"), "\"cr\r\"");
    assert_eq!(csv_field(""), "");
    assert_eq!(csv_field("Azərbaycan"), "Azərbaycan");
    // Spreadsheet formulas are defused, and still quoted when they must be.
    assert_eq!(csv_field("=1+1"), "'=1+1");
    assert_eq!(csv_field("+44"), "'+44");
    assert_eq!(csv_field("-5"), "'-5");
    assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(
        csv_field("=HYPERLINK(\"x\",\"y\")"),
        "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
    );
    assert_eq!(csv_field("a=b"), "a=b");
}

#[wasm_bindgen_test]
fn table_csv_exact() {
    let rows = vec![
        row("1", "USA", "United States", (40, 44, 42), true),
        row("=2", "KOR", "Korea, \"South\"", (13, 9, 10), true),
        row("=2", "AZE", "Azərbaycan", (2, 2, 3), true),
        row("", "AIN", "Individual Neutral Athletes", (1, 3, 1), false),
    ];
    let csv = table_csv(&rows);
    assert_eq!(csv.chars().next(), Some(BOM));
    assert_eq!(
        csv,
        "\u{feff}rank,tied,code,name,gold,silver,bronze,total\r\n\
         1,no,USA,United States,40,44,42,126\r\n\
         2,yes,KOR,\"Korea, \"\"South\"\"\",13,9,10,32\r\n\
         2,yes,AZE,Azərbaycan,2,2,3,7\r\n\
         ,,AIN,Individual Neutral Athletes,1,3,1,5\r\n"
    );
}

#[wasm_bindgen_test]
fn medalists_csv_exact() {
    let medals = vec![
        Medal {
            medal: MedalKind::Gold,
            athletes: vec!["Hidayat Heydarov".into()],
            sport: "Judo".into(),
            event: "Men -73 kg".into(),
            date: Date::parse("2024-07-29").unwrap(),
        },
        Medal {
            medal: MedalKind::Bronze,
            athletes: vec!["A, B".into(), "C \"D\"".into()],
            sport: "Taekwondo".into(),
            event: "Mixed\nteam".into(),
            date: Date::parse("2024-08-09").unwrap(),
        },
    ];
    assert_eq!(
        medalists_csv(&medals),
        "\u{feff}medal,athletes,sport,event,date\r\n\
         gold,Hidayat Heydarov,Judo,Men -73 kg,2024-07-29\r\n\
         bronze,\"A, B; C \"\"D\"\"\",Taekwondo,\"Mixed\nteam\",2024-08-09\r\n"
    );
}

/// Parses `html` as markup (inert, in a template) and returns the
/// `<medal-summary>` element's attributes.
fn parse_tag(html: &str) -> Vec<(String, String)> {
    let doc = web_sys::window().unwrap().document().unwrap();
    let t = doc.create_element("template").unwrap();
    t.set_inner_html(html);
    let content: web_sys::Node = js_sys::Reflect::get(&t, &"content".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let el: Element = content.first_child().unwrap().dyn_into().unwrap();
    assert_eq!(el.local_name(), "medal-summary");
    assert!(content.first_child().unwrap().next_sibling().is_none());
    let names = el.get_attribute_names();
    (0..names.length())
        .map(|i| {
            let n = names.get(i).as_string().unwrap();
            let v = el.get_attribute(&n).unwrap();
            (n, v)
        })
        .collect()
}

#[wasm_bindgen_test]
fn embed_code_round_trips() {
    let src = "https://example.org/d.json?a=1&b=\"2\"&c=<x>'";
    let code = embed_code(src, "fr", "table", RankBy::Total, None);
    assert_eq!(
        code,
        "<medal-summary src=\"https://example.org/d.json?a=1&amp;b=&quot;2&quot;&amp;c=&lt;x&gt;&#39;\" \
         lang=\"fr\" view=\"table\" ranking=\"total\"></medal-summary>"
    );
    let attrs = parse_tag(&code);
    let want: Vec<(String, String)> = [
        ("src", src),
        ("lang", "fr"),
        ("view", "table"),
        ("ranking", "total"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(attrs, want);
    // Without a known src the attribute is left out.
    assert_eq!(
        embed_code("", "az", "card", RankBy::Gold, None),
        "<medal-summary lang=\"az\" view=\"card\" ranking=\"gold\"></medal-summary>"
    );
    // A '/' in the loader's query or fragment is not its folder.
    assert!(embed_code(
        "",
        "en",
        "card",
        RankBy::Gold,
        Some("https://c.example/ms/embed.js?v=a/b#x/y")
    )
    .starts_with("<link rel=\"stylesheet\" href=\"https://c.example/ms/embed.css\">"));
    // With the loader's URL: its stylesheet and itself first, from beside it.
    assert_eq!(
        embed_code(
            "https://example.org/d.json",
            "en",
            "card",
            RankBy::Gold,
            Some("https://cdn.example.org/ms/embed.js?v=2&x=\"")
        ),
        "<link rel=\"stylesheet\" href=\"https://cdn.example.org/ms/embed.css\">\n\
         <script type=\"module\" src=\"https://cdn.example.org/ms/embed.js?v=2&amp;x=&quot;\"></script>\n\
         <medal-summary src=\"https://example.org/d.json\" lang=\"en\" view=\"card\" ranking=\"gold\"></medal-summary>"
    );
    assert_eq!(escape_attr("a\"b&c"), "a&quot;b&amp;c");
}

#[wasm_bindgen_test]
async fn copy_embed_code_of_current_view() {
    run(
        "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: \
         { writeText(t) { window.__copied = t; return Promise.resolve(); } } });",
    );
    // As embed.js records where it runs from.
    run("globalThis[Symbol.for('medal-summary.loader-url')] = 'https://cdn.example.org/ms/embed.js';");
    let root = mount(props("ru", "card", RankBy::Gold, "data/aze.json")).await;
    // Change the view and the ranking: the code follows what is shown.
    let panel = open_tab(&root, "table").await;
    click(&q(&panel, "input[type=radio][value=total]")).await;
    let button = q(&root, ".ms-actions [data-action=embed]");
    assert_eq!(text(&button), tr("ru", Msg::CopyEmbed));
    click(&button).await;
    let status = q(&root, ".ms-action-status");
    settle(|| !text(&status).is_empty()).await;
    let want = embed_code(
        "data/aze.json",
        "ru",
        "table",
        RankBy::Total,
        Some("https://cdn.example.org/ms/embed.js"),
    );
    run("delete globalThis[Symbol.for('medal-summary.loader-url')];");
    assert_eq!(
        global("__copied").as_string().as_deref(),
        Some(want.as_str())
    );
    assert!(want.starts_with(
        "<link rel=\"stylesheet\" href=\"https://cdn.example.org/ms/embed.css\">\n\
         <script type=\"module\" src=\"https://cdn.example.org/ms/embed.js\"></script>\n"
    ));
    let want = want.lines().last().unwrap().to_string();
    assert_eq!(text(&status), tr("ru", Msg::EmbedCopied));
    let attrs = parse_tag(&want);
    assert!(attrs.contains(&("view".into(), "table".into())));
    assert!(attrs.contains(&("ranking".into(), "total".into())));
    assert!(attrs.contains(&("lang".into(), "ru".into())));
}

#[wasm_bindgen_test]
async fn copy_embed_code_falls_back_to_a_selected_box() {
    run("Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });");
    run("delete globalThis[Symbol.for('medal-summary.loader-url')];");
    let root = mount(props("fr", "medalists", RankBy::Gold, "")).await;
    click(&q(&root, ".ms-actions [data-action=embed]")).await;
    let area: HtmlTextAreaElement = q(&root, ".ms-embed-code").dyn_into().unwrap();
    assert_eq!(
        area.value(),
        embed_code("", "fr", "medalists", RankBy::Gold, None)
    );
    assert!(area.read_only());
    let doc = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        doc.active_element().as_ref(),
        Some(area.unchecked_ref::<Element>())
    );
    assert_eq!(area.selection_start().unwrap(), Some(0));
    assert_eq!(
        area.selection_end().unwrap(),
        Some(area.value().encode_utf16().count() as u32)
    );
    // No src known: the reader is told.
    assert_eq!(
        text(&q(&root, ".ms-embed-nosrc")),
        tr("fr", Msg::EmbedNoSrc)
    );
}

#[wasm_bindgen_test]
async fn download_csv_of_the_table() {
    run("window.__blob = null; window.__dl = null; \
         URL.createObjectURL = b => { window.__blob = b; return 'blob:stub'; }; \
         URL.revokeObjectURL = u => { window.__revoked = u; }; \
         HTMLAnchorElement.prototype.click = function () { window.__dl = this.download; };");
    let root = mount(props("az", "table", RankBy::Gold, "")).await;
    let button = q(&root, ".ms-actions [data-action=csv-table]");
    assert_eq!(text(&button), tr("az", Msg::DownloadTableCsv));
    assert!(root
        .query_selector(".ms-actions [data-action=csv-medalists]")
        .unwrap()
        .is_none());
    click(&button).await;
    assert_eq!(
        global("__dl").as_string().as_deref(),
        Some("aze-medal-table.csv")
    );
    let blob: web_sys::Blob = global("__blob").dyn_into().unwrap();
    assert_eq!(blob.type_(), "text/csv;charset=utf-8");
    let buf = JsFuture::from(blob.array_buffer()).await.unwrap();
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let csv = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "rank,tied,code,name,gold,silver,bronze,total");
    assert!(lines.contains(&"30,yes,AZE,Azerbaijan,2,2,3,7"), "{csv}");
    assert!(lines.contains(&"30,yes,CRO,Croatia,2,2,3,7"));
    assert!(
        lines.contains(&"1,no,USA,United States,40,44,42,126"),
        "{csv}"
    );
    // No cell a spreadsheet would read as a formula.
    assert!(
        lines
            .iter()
            .all(|l| !l.split(',').any(|c| c.starts_with('='))),
        "{csv}"
    );
}

#[wasm_bindgen_test]
async fn printing_mounts_the_card_and_the_table() {
    let root = mount(props("fr", "medalists", RankBy::Gold, "")).await;
    assert!(root
        .query_selector("[data-view=table] table")
        .unwrap()
        .is_none());
    let ev = web_sys::Event::new("beforeprint").unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
    let table = q(&root, "[role=tabpanel][data-view=table]");
    assert!(table.has_attribute("hidden"), "still hidden on screen");
    assert!(qa(&table, "tbody tr").len() > 90);
    assert!(root
        .query_selector("[data-view=card] .ms-card")
        .unwrap()
        .is_some());
}

/// A 60-character name and long labels wrap inside a narrow widget instead
/// of widening it.
#[wasm_bindgen_test]
async fn long_names_wrap() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let style = doc.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../www/widget.css")));
    doc.head().unwrap().append_child(&style).unwrap();
    let long = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochia";
    assert_eq!(long.chars().count(), 60);
    let report = parse(&with_country_name(long));
    let mut p = props("ru", "", RankBy::Gold, "");
    p.data = Rc::new(report.dataset.expect("dataset"));
    let root = mount(p).await;
    root.set_attribute("style", "width: 16rem").unwrap();
    let widget = q(&root, ".ms-widget");
    let w = root.client_width();
    assert!(
        widget.scroll_width() <= w,
        "widget {} > {w}",
        widget.scroll_width()
    );
    let h2 = q(&root, ".ms-country");
    assert!(h2.scroll_width() <= h2.client_width() + 1);
    // The tab strip wraps the long Russian/French tab names too.
    let tabs = q(&root, ".ms-tabs");
    assert!(tabs.scroll_width() <= tabs.client_width() + 1);
    style.remove();
}

/// The default data with the featured country renamed (every language).
fn with_country_name(name: &str) -> String {
    let v = js_sys::JSON::parse(DEFAULT).unwrap();
    let c = js_sys::Reflect::get(&v, &"country".into()).unwrap();
    js_sys::Reflect::set(&c, &"name".into(), &name.into()).unwrap();
    js_sys::Reflect::set(&c, &"names".into(), &js_sys::Object::new()).unwrap();
    String::from(js_sys::JSON::stringify(&v).unwrap())
}

/// The `{placeholder}` names of a template, sorted.
fn placeholders(t: &str) -> Vec<&str> {
    let mut out: Vec<&str> = t
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(k, _)| k))
        .collect();
    out.sort_unstable();
    out
}

#[wasm_bindgen_test]
fn every_translation_keeps_the_placeholders() {
    let mut seen = std::collections::HashSet::new();
    for &m in Msg::ALL {
        assert!(seen.insert(m), "{m:?} listed twice");
        let want = placeholders(en(m));
        for lang in Lang::ALL {
            let t = tr(lang.code(), m);
            assert!(!t.is_empty(), "{m:?} empty in {lang:?}");
            assert_eq!(placeholders(t), want, "{m:?} in {lang:?}: {t}");
        }
    }
    // Only the deliberately neutral entries fall back.
    for lang in [Lang::Fr, Lang::Az, Lang::Ru] {
        let missing: Vec<Msg> = Msg::ALL
            .iter()
            .copied()
            .filter(|&m| lookup(lang, m).is_none())
            .collect();
        assert_eq!(missing, vec![Msg::RankUnknown], "{lang:?}");
    }
}

#[wasm_bindgen_test]
fn collation_ranks_follow_the_language() {
    use medal_summary::components::intl::collation_ranks;
    // Accents sort next to their base letter, case is ignored, and equal
    // names keep their input order.
    let names = [
        "Zambie",
        "Égypte",
        "estonie",
        "Côte d'Ivoire",
        "Croatie",
        "Cote d'Ivoire",
        "Égypte",
    ];
    let ranks = collation_ranks(&names, "fr");
    let mut by_rank: Vec<(u32, &str)> = ranks.iter().copied().zip(names).collect();
    by_rank.sort();
    let order: Vec<&str> = by_rank.iter().map(|&(_, n)| n).collect();
    assert_eq!(
        order,
        [
            "Côte d'Ivoire",
            "Cote d'Ivoire",
            "Croatie",
            "Égypte",
            "Égypte",
            "estonie",
            "Zambie"
        ]
    );
    // Every position is used once.
    let mut seen = ranks.clone();
    seen.sort_unstable();
    assert_eq!(seen, (0..names.len() as u32).collect::<Vec<_>>());
    // Another language's collator is used as given (this browser's ICU data
    // may not carry Azerbaijani's own alphabet order, so only the shape is
    // checked here).
    let mut az = collation_ranks(&["Şəki", "Sumqayıt", "Çin", "Cənubi Afrika"], "az");
    az.sort_unstable();
    assert_eq!(az, [0, 1, 2, 3]);
    assert_eq!(collation_ranks(&[], "en"), Vec::<u32>::new());
}

/// Search folding (lower case, accents removed) is what the browser's
/// `normalize("NFD")` and `toLowerCase()` give, for every team name in the
/// dataset, every printable ASCII character and some names with accents;
/// ASCII text is folded without a trip to JS, the rest through it.
#[wasm_bindgen_test]
fn search_folding_is_what_the_browser_gives() {
    use medal_summary::components::intl::fold;
    let reference = js_sys::Function::new_with_args(
        "s",
        "return s.normalize('NFD').toLowerCase().replace(/[\\u0300-\\u036f]/g, '');",
    );
    let report = parse(DEFAULT);
    let data = report.dataset.expect("dataset");
    let mut samples: Vec<String> = data
        .table
        .valid()
        .expect("table")
        .iter()
        .map(|r| r.name.clone())
        .collect();
    assert!(samples.len() >= 92);
    samples.push((' '..='~').collect());
    samples.extend(
        [
            "Côte d'Ivoire",
            "TÜRKİYE",
            "Åland",
            "Ελλάδα",
            "Азербайджан",
            "Ǆ",
            "",
        ]
        .map(String::from),
    );
    for s in &samples {
        let want = reference
            .call1(&JsValue::NULL, &JsValue::from_str(s))
            .unwrap()
            .as_string()
            .unwrap();
        assert_eq!(fold(s), want, "{s:?}");
    }
    assert_eq!(fold("Côte d'Ivoire"), "cote d'ivoire");
    assert_eq!(fold("UNITED States"), "united states");
}

/// The search's word ends (`table::separates`) are `!char::is_alphanumeric`
/// for ASCII, Latin-1, Latin Extended-A and -B, Greek and Cyrillic letters
/// and General Punctuation, and for every character of every team name
/// folded; a word after punctuation is found, one inside a word is not.
#[wasm_bindgen_test]
fn search_word_ends_are_unicode_word_ends() {
    use medal_summary::components::intl::fold;
    use medal_summary::components::table::separates;
    let ranges = [
        '\0'..='\u{24f}',
        '\u{391}'..='\u{3a9}',
        '\u{3b1}'..='\u{3c9}',
        '\u{400}'..='\u{481}',
        '\u{48a}'..='\u{52f}',
        '\u{2000}'..='\u{206f}',
    ];
    let mut checked = 0;
    for c in ranges.into_iter().flatten() {
        if c == '\u{3a2}' {
            continue; // unassigned
        }
        assert_eq!(
            separates(c),
            !c.is_alphanumeric(),
            "{c:?} U+{:04X}",
            u32::from(c)
        );
        checked += 1;
    }
    assert!(checked > 900);
    let report = parse(DEFAULT);
    let data = report.dataset.expect("dataset");
    for r in data.table.valid().expect("table") {
        for c in fold(&r.name).chars() {
            assert_eq!(separates(c), !c.is_alphanumeric(), "{c:?} in {}", r.name);
        }
    }
}
