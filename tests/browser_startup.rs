//! What the widget's first screen costs the page: in the widget's own
//! languages it must build no `Intl` formatter, whichever view comes first.
//! A page's first one makes the browser load its locale data (35-110 ms on
//! the main thread in a fresh Chromium, measured), and numbers, dates, date
//! ranges and lists are written without it in those languages
//! (components::intl). And the element's own start-up: its stylesheet is
//! parsed in one task and the element defined, and its first widget mounted,
//! in a later one. This is a test binary of its own because
//! the widget caches formatters per language: here nothing has built one yet.
#![cfg(target_arch = "wasm32")]

use medal_summary::components::AppProps;
use medal_summary::embed::parse;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod common;
use common::{mount, q, qa, text};

wasm_bindgen_test_configure!(run_in_browser);

const DEFAULT: &str = include_str!("../www/data/aze-paris2024.json");

/// Replaces each `Intl` constructor by one that counts what it builds in
/// `globalThis.__intlBuilt` and then builds it as before. Wrapped once per
/// page, however many tests call it (a second wrapping would count each
/// construction twice); every call empties the count.
fn count_intl_constructions() {
    eval(
        "globalThis.__intlBuilt = [];
         if (!globalThis.__intlCounted) {
           globalThis.__intlCounted = true;
           for (const k of ['NumberFormat', 'ListFormat', 'DateTimeFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'DisplayNames', 'Segmenter']) {
             const C = Intl[k];
             if (!C) continue;
             Intl[k] = new Proxy(C, { construct(t, args) { globalThis.__intlBuilt.push(k + ' ' + String(args[0])); return Reflect.construct(t, args); } });
           }
         }",
    );
}

fn built() -> Vec<String> {
    let v = js_sys::Reflect::get(&js_sys::global(), &"__intlBuilt".into()).unwrap();
    js_sys::Array::from(&v)
        .iter()
        .map(|x| x.as_string().unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn the_card_builds_no_intl_formatter_in_any_of_its_languages() {
    count_intl_constructions();
    for lang in ["", "fr", "az", "ru"] {
        let root = mount(props(lang, "", lang)).await;
        let card = q(&root, "[role=tabpanel][data-view=card]");
        // The card is all there: the counts, the shared rank and its
        // sentence (an ordinal, a count and a list), the chart.
        let counts: Vec<String> = qa(&card, ".ms-count").iter().map(text).collect();
        assert_eq!(counts, ["2", "2", "3", "7"], "{lang}");
        assert_eq!(text(&q(&card, ".ms-rank-badge")), "=30", "{lang}");
        let sentence = text(&q(&card, ".ms-rank-text"));
        assert!(
            sentence.contains("30") && sentence.contains("91") && sentence.contains("Croatia"),
            "{lang}: {sentence}"
        );
        assert!(!qa(&card, ".ms-chart .ms-bar-total").is_empty(), "{lang}");
    }
    // The counting itself works: a constructor call is seen.
    assert_eq!(built(), Vec::<String>::new());
    let _ = js_sys::Intl::NumberFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    assert_eq!(built().len(), 1);
}

#[wasm_bindgen_test]
async fn no_other_view_builds_an_intl_formatter_either() {
    count_intl_constructions();
    for lang in ["", "fr", "az", "ru"] {
        let view = |view: &str| props(lang, view, &format!("{view}-{lang}"));
        let root = mount(view("timeline")).await;
        let panel = q(&root, "[role=tabpanel][data-view=timeline]");
        // The details of the selected event: its dates as a range and its
        // counts of nations and athletes (5,898 at the 2015 European Games).
        let when = text(&q(&panel, ".ms-tl-when time"));
        assert!(when.contains("201"), "{lang}: {when}");
        let facts: Vec<String> = qa(&panel, ".ms-tl-facts dd").iter().map(text).collect();
        assert!(
            facts
                .iter()
                .any(|f| f.chars().filter(char::is_ascii_digit).count() >= 4),
            "{lang}: {facts:?}"
        );
        let root = mount(view("medalists")).await;
        let panel = q(&root, "[role=tabpanel][data-view=medalists]");
        let day = text(&q(&panel, ".ms-date"));
        assert!(day.contains("2024"), "{lang}: {day}");
        let root = mount(view("history")).await;
        assert!(!qa(&root, "[role=tabpanel][data-view=history] .ms-tick").is_empty());
        let root = mount(view("table")).await;
        assert!(qa(&root, "[role=tabpanel][data-view=table] tbody tr").len() > 90);
    }
    assert_eq!(built(), Vec::<String>::new());
}

/// The first sort by name builds no `Intl.Collator` inside its click (the
/// first one loads collation data, about 21 ms): a pointer over the table,
/// focus coming into it, or scrolling it, has built it already. Mounting the
/// table builds none. German, Spanish and Italian: no other test here sorts
/// in them, so their collators are not cached yet.
#[wasm_bindgen_test]
async fn the_table_builds_its_collator_before_the_first_sort_by_name() {
    let collators = || -> Vec<String> {
        built()
            .into_iter()
            .filter(|b| b.starts_with("Collator"))
            .collect()
    };
    for (lang, event) in [
        ("de", "new PointerEvent('pointerover', { bubbles: true })"),
        ("es", "new FocusEvent('focusin', { bubbles: true })"),
        ("it", "new Event('scroll')"),
    ] {
        count_intl_constructions();
        let root = mount(props(lang, "table", &format!("warm-{lang}"))).await;
        assert_eq!(collators(), Vec::<String>::new(), "{lang}: mounting");
        let button = q(&root, "th[data-col=name] button");
        // A scroll happens on the table's box and does not bubble; the
        // others come from the header's button.
        let target = if event.contains("scroll") {
            q(&root, ".ms-table-scroll")
        } else {
            button.clone()
        };
        let dispatch =
            js_sys::Function::new_with_args("el", &format!("el.dispatchEvent({event});"));
        dispatch.call1(&JsValue::NULL, &target).unwrap();
        assert_eq!(collators(), [format!("Collator {lang}")], "{lang}: {event}");
        // Again: the collator is built once.
        dispatch.call1(&JsValue::NULL, &target).unwrap();
        common::click(&button).await;
        assert_eq!(
            q(&root, "th[data-col=name]")
                .get_attribute("aria-sort")
                .as_deref(),
            Some("ascending"),
            "{lang}"
        );
        assert_eq!(
            collators(),
            [format!("Collator {lang}")],
            "{lang}: the sort"
        );
    }
}

/// The app on the default dataset in `lang`, opened on `view`; `instance`
/// keeps its element ids apart from the other apps on the test page.
fn props(lang: &str, view: &str, instance: &str) -> AppProps {
    let report = parse(DEFAULT);
    AppProps {
        data: Rc::new(report.dataset.expect("dataset")),
        problems: Rc::new(report.problems),
        lang: lang.into(),
        view: view.into(),
        ranking: Default::default(),
        instance: instance.to_string().into(),
        src: "".into(),
    }
}

/// Runs page script and returns its value.
fn eval(js: &str) -> JsValue {
    js_sys::Function::new_no_args(js)
        .call0(&JsValue::NULL)
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_stylesheet_is_parsed_a_task_before_the_element_is_defined() {
    // Counts the stylesheets parsed (nothing in this binary has started the
    // embed yet, so the shared sheet is not built).
    eval(
        "globalThis.__sheets = 0;
         const parse = CSSStyleSheet.prototype.replaceSync;
         CSSStyleSheet.prototype.replaceSync = function (text) { globalThis.__sheets++; return parse.call(this, text); };",
    );
    let sheets = || eval("return globalThis.__sheets;").as_f64().unwrap();
    let defined = || !eval("return customElements.get('medal-summary');").is_undefined();
    assert!(!defined());
    medal_summary::embed::start();
    // Parsed now; defined (and widgets mounted) only in a later task, so
    // the two are not one long task.
    assert_eq!(sheets(), 1.0);
    assert!(!defined());
    let when = js_sys::Promise::from(eval("return customElements.whenDefined('medal-summary');"));
    wasm_bindgen_futures::JsFuture::from(when).await.unwrap();
    assert!(defined());
    // A widget mounted afterwards reuses the parsed sheet.
    let el = eval(
        "const el = document.createElement('medal-summary');
         el.innerHTML = '<script type=application/json>{}</script>';
         document.body.append(el); return el;",
    );
    let el: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(el);
    let root = el.shadow_root().expect("mounted at once");
    assert_eq!(
        js_sys::Array::from(&js_sys::Reflect::get(&root, &"adoptedStyleSheets".into()).unwrap())
            .length(),
        1
    );
    assert_eq!(sheets(), 1.0);
    el.remove();
}
