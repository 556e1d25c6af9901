//! Browser tests of the `<medal-summary>` element itself: real elements
//! created in the page, driven through attributes, the `data` property and
//! `refreshNow()`, observed through the DOM, the events and the live
//! resource counters. No network: data is inline or set as a property (the
//! fetch paths are covered end to end in tests/e2e/embed.test.mjs).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use medal_summary::components::export::embed_code;
use medal_summary::components::i18n::{tr, trf, Lang, Msg};
use medal_summary::data::model::Tally;
use medal_summary::data::rank::RankBy;
use medal_summary::embed::{self, announce, widget};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const DEFAULT: &str = include_str!("../www/data/aze-paris2024.json");
const MINIMAL: &str = include_str!("../www/data/minimal.json");

#[wasm_bindgen(inline_js = r#"
export function next_event(el, types) {
  return new Promise((resolve) => {
    const on = (e) => { for (const t of types) el.removeEventListener(t, on); resolve(e); };
    for (const t of types) el.addEventListener(t, on);
  });
}
export function add_bronze(text) {
  const doc = JSON.parse(text);
  doc.medals.push({ medal: 'bronze', athletes: ['Test Athlete'], sport: 'Judo', event: 'Test event', date: '2024-08-11' });
  const row = doc.table.find((r) => r.code === 'AZE');
  row.bronze += 1; row.total += 1;
  // The given ranks would disagree with the new computed ones.
  for (const r of doc.table) delete r.rank;
  return JSON.stringify(doc);
}
export function call_refresh(el) { return el.refreshNow(); }
export function microtask() { return Promise.resolve(); }
export function set_html_unsafe(el, html) { el.setHTMLUnsafe(html); }
// Resolves with whether `el` is within a screen of the viewport, from an
// observer made after the element's own: its first report comes after the
// element's has been handled (observers are notified in creation order).
export function near_viewport(el) {
  return new Promise((resolve) => {
    const io = new IntersectionObserver((entries) => { io.disconnect(); resolve(entries[0].isIntersecting); }, { rootMargin: '100% 0px' });
    io.observe(el);
  });
}
export function next_frame() { return new Promise((r) => requestAnimationFrame(() => r())); }
export function spacer() {
  const d = document.createElement('div');
  d.style.height = `${4 * innerHeight}px`;
  return d;
}
"#)]
extern "C" {
    fn next_event(el: &Element, types: Array) -> js_sys::Promise;
    fn add_bronze(text: &str) -> String;
    fn call_refresh(el: &Element) -> js_sys::Promise;
    fn microtask() -> js_sys::Promise;
    fn set_html_unsafe(el: &Element, html: &str);
    fn near_viewport(el: &Element) -> js_sys::Promise;
    fn spacer() -> Element;
    fn next_frame() -> js_sys::Promise;
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A new, not yet attached `<medal-summary>` with inline JSON `text`.
fn element(text: Option<&str>, attrs: &[(&str, &str)]) -> HtmlElement {
    embed::start();
    let el: HtmlElement = document()
        .create_element("medal-summary")
        .unwrap()
        .dyn_into()
        .unwrap();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    if let Some(text) = text {
        let script = document().create_element("script").unwrap();
        script.set_attribute("type", "application/json").unwrap();
        script.set_text_content(Some(text));
        el.append_child(&script).unwrap();
    }
    el
}

fn types(list: &[&str]) -> Array {
    list.iter().map(|t| JsValue::from_str(t)).collect()
}

/// Attaches `el` to the page and waits for its first load or error event.
async fn mount(el: &HtmlElement) -> CustomEvent {
    let ev = next_event(el, types(&["medal-summary-load", "medal-summary-error"]));
    document().body().unwrap().append_child(el).unwrap();
    let ev = JsFuture::from(ev).await.unwrap();
    yew::scheduler::flush().await;
    ev.dyn_into().unwrap()
}

/// Removes a widget from the page and lets its teardown run.
async fn remove(el: &Element) {
    el.remove();
    settle().await;
}

async fn settle() {
    // Removal is noticed in a microtask, then the destroy is scheduled.
    JsFuture::from(microtask()).await.unwrap();
    yew::scheduler::flush().await;
}

fn shadow(el: &Element) -> ShadowRoot {
    el.shadow_root().expect("an open shadow root")
}

fn q(el: &Element, sel: &str) -> Element {
    shadow(el)
        .query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {sel}"))
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default().trim().to_string()
}

fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |v, k| {
        Reflect::get(&v, &JsValue::from_str(k)).unwrap()
    })
}

fn state(el: &Element) -> String {
    el.get_attribute("data-ms-state").unwrap_or_default()
}

/// Sets the page's `<html lang>` and puts the old value back when dropped
/// (also when an assertion fails, so later tests see the page unchanged).
struct PageLang(Option<String>);

impl PageLang {
    fn set(lang: &str) -> PageLang {
        let root = document().document_element().unwrap();
        let old = root.get_attribute("lang");
        root.set_attribute("lang", lang).unwrap();
        PageLang(old)
    }
}

impl Drop for PageLang {
    fn drop(&mut self) {
        let root = document().document_element().unwrap();
        let _ = match &self.0 {
            Some(v) => root.set_attribute("lang", v),
            None => root.remove_attribute("lang"),
        };
    }
}

/// The label of the tab of `view`.
fn tab_label(el: &Element, view: &str) -> String {
    text(&q(el, &format!("[role=tab][data-view={view}]")))
}

#[wasm_bindgen_test]
async fn inline_data_renders_and_fires_load() {
    let el = element(Some(DEFAULT), &[]);
    let ev = mount(&el).await;
    assert_eq!(ev.type_(), "medal-summary-load");
    assert!(ev.bubbles() && ev.composed());
    let detail = ev.detail();
    assert_eq!(
        get(&detail, &["country"]).as_string().as_deref(),
        Some("AZE")
    );
    assert_eq!(
        get(&detail, &["source"]).as_string().as_deref(),
        Some("inline")
    );
    assert!(Array::is_array(&get(&detail, &["warnings"])));
    assert_eq!(state(&el), "ready");
    assert_eq!(text(&q(&el, ".ms-country")), "Azerbaijan");
    remove(&el).await;
}

/// A timeline's link in the page address is named by its element's id, so
/// it does not depend on how many widgets come before it.
#[wasm_bindgen_test]
async fn the_timeline_link_in_the_address_is_named_by_the_element_id() {
    let window = web_sys::window().unwrap();
    let location = window.location();
    let before = location.hash().unwrap();
    location.set_hash("ms-second-event=baku-2019-eyof").unwrap();
    let first = element(Some(DEFAULT), &[("view", "timeline")]);
    let second = element(Some(DEFAULT), &[("view", "timeline"), ("id", "second")]);
    mount(&first).await;
    mount(&second).await;
    let shown = |el: &Element| text(&q(el, ".ms-tl-details h3"));
    let (second_shows, first_shows) = (shown(&second), shown(&first));
    // A choice made in the widget goes into the address under the same name.
    if let Ok(Some(marker)) = shadow(&second).query_selector("button[data-idx='0']") {
        marker.unchecked_into::<HtmlElement>().click();
    }
    yew::scheduler::flush().await;
    let written = location.hash().unwrap();
    // The page's address as it was, whatever the outcome, for later tests.
    location.set_hash(&before).unwrap();
    remove(&first).await;
    remove(&second).await;
    assert_eq!(second_shows, "2019 European Youth Olympic Summer Festival");
    assert_eq!(
        first_shows, "2015 European Games",
        "another widget's link is not this one's"
    );
    assert_eq!(written, "#ms-second-event=baku-2015-european-games");
}

/// The view of the widget's selected tab.
fn selected(el: &Element) -> String {
    q(el, "[role=tab][aria-selected=true]")
        .get_attribute("data-view")
        .unwrap_or_default()
}

/// Attributes set one after another by a page's script all take effect:
/// the widget handles each change after the script, when the host already
/// holds the later values too. (It acted only on the attribute a change
/// named, having read them all: a `height` or `theme` set first swallowed
/// the `view` and `lang` set after it.)
#[wasm_bindgen_test]
async fn attributes_set_together_all_take_effect() {
    let el = element(Some(DEFAULT), &[("view", "card")]);
    mount(&el).await;
    let height = |el: &HtmlElement| el.style().get_property_value("--ms-height").unwrap();

    el.set_attribute("height", "400").unwrap();
    el.set_attribute("view", "table").unwrap();
    el.set_attribute("lang", "fr").unwrap();
    yew::scheduler::flush().await;
    assert_eq!(selected(&el), "table");
    assert_eq!(
        q(&el, ".ms-widget").get_attribute("lang").as_deref(),
        Some("fr")
    );
    assert_eq!(height(&el), "400px");

    el.set_attribute("theme", "dark").unwrap();
    el.set_attribute("view", "history").unwrap();
    el.set_attribute("height", "500").unwrap();
    yew::scheduler::flush().await;
    assert_eq!(selected(&el), "history");
    assert_eq!(height(&el), "500px");

    el.set_attribute("refresh", "600").unwrap();
    el.set_attribute("view", "card").unwrap();
    yew::scheduler::flush().await;
    assert_eq!(selected(&el), "card");
    let gold = text(&q(&el, ".ms-rank-basis"));
    el.set_attribute("height", "450").unwrap();
    el.set_attribute("ranking", "total").unwrap();
    yew::scheduler::flush().await;
    assert_eq!(height(&el), "450px");
    assert_ne!(
        text(&q(&el, ".ms-rank-basis")),
        gold,
        "the ranking set with the height must change the card's rank basis"
    );
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn attribute_changes_take_effect() {
    let el = element(Some(DEFAULT), &[("view", "card")]);
    mount(&el).await;
    assert_eq!(selected(&el), "card");

    el.set_attribute("lang", "fr").unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&q(&el, ".ms-country")), "Azerbaïdjan");
    assert_eq!(
        q(&el, ".ms-widget").get_attribute("lang").as_deref(),
        Some("fr")
    );

    el.set_attribute("view", "table").unwrap();
    yew::scheduler::flush().await;
    assert_eq!(selected(&el), "table");

    el.set_attribute("view", "card").unwrap();
    yew::scheduler::flush().await;
    let gold = text(&q(&el, ".ms-rank-basis"));
    el.set_attribute("ranking", "total").unwrap();
    yew::scheduler::flush().await;
    let total = text(&q(&el, ".ms-rank-basis"));
    assert_ne!(
        gold, total,
        "the ranking attribute must change the card's rank basis"
    );

    // The theme is the host attribute the shadow styles match on.
    el.set_attribute("theme", "dark").unwrap();
    let bg = web_sys::window()
        .unwrap()
        .get_computed_style(&q(&el, ".ms-root"))
        .unwrap()
        .unwrap()
        .get_property_value("background-color")
        .unwrap();
    assert_eq!(bg, "rgb(20, 23, 28)");
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn data_property_loads_an_object() {
    let el = element(None, &[]);
    let first = mount(&el).await;
    // Neither src, inline JSON nor data: a clear error, not a blank box.
    assert_eq!(first.type_(), "medal-summary-error");
    assert_eq!(
        get(&first.detail(), &["kind"]).as_string().as_deref(),
        Some("no-data")
    );
    assert_eq!(state(&el), "error");

    let doc = default_named("Azerbaijan (property)");
    let loaded = next_event(&el, types(&["medal-summary-load"]));
    Reflect::set(&el, &"data".into(), &doc).unwrap();
    let ev: CustomEvent = JsFuture::from(loaded).await.unwrap().dyn_into().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        get(&ev.detail(), &["source"]).as_string().as_deref(),
        Some("data")
    );
    assert_eq!(state(&el), "ready");
    assert_eq!(text(&q(&el, ".ms-country")), "Azerbaijan (property)");
    // The getter returns what was set.
    assert!(Reflect::get(&el, &"data".into()).unwrap() == doc);
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn errors_carry_problems_and_instances_are_independent() {
    let bad = DEFAULT.replacen("\"version\": 1", "\"version\": 2", 1);
    assert_ne!(bad, DEFAULT, "the fixture must change the version");
    let broken = element(Some(&bad), &[]);
    let good = element(Some(DEFAULT), &[]);
    let not_json = element(Some("{\"version\": 1, "), &[]);
    let (e1, e2, e3) = (
        next_event(
            &broken,
            types(&["medal-summary-load", "medal-summary-error"]),
        ),
        next_event(&good, types(&["medal-summary-load", "medal-summary-error"])),
        next_event(
            &not_json,
            types(&["medal-summary-load", "medal-summary-error"]),
        ),
    );
    let body = document().body().unwrap();
    body.append_child(&broken).unwrap();
    body.append_child(&good).unwrap();
    body.append_child(&not_json).unwrap();
    let e1: CustomEvent = JsFuture::from(e1).await.unwrap().dyn_into().unwrap();
    let e2: CustomEvent = JsFuture::from(e2).await.unwrap().dyn_into().unwrap();
    let e3: CustomEvent = JsFuture::from(e3).await.unwrap().dyn_into().unwrap();
    yew::scheduler::flush().await;

    assert_eq!(e1.type_(), "medal-summary-error");
    assert_eq!(
        get(&e1.detail(), &["kind"]).as_string().as_deref(),
        Some("invalid")
    );
    let problems: Array = get(&e1.detail(), &["problems"]).dyn_into().unwrap();
    let first = problems.get(0);
    assert_eq!(
        get(&first, &["path"]).as_string().as_deref(),
        Some("version")
    );
    assert_eq!(
        get(&first, &["severity"]).as_string().as_deref(),
        Some("error")
    );
    assert!(get(&first, &["message"])
        .as_string()
        .unwrap()
        .contains("unsupported version"));
    assert_eq!(state(&broken), "error");
    let shown = text(&q(&broken, ".ms-embed-error"));
    assert!(shown.contains("version: unsupported version"), "{shown}");
    assert!(shadow(&broken)
        .query_selector(".ms-embed-retry")
        .unwrap()
        .is_some());

    assert_eq!(e3.type_(), "medal-summary-error");
    assert_eq!(
        get(&e3.detail(), &["kind"]).as_string().as_deref(),
        Some("not-json")
    );
    assert!(text(&q(&not_json, ".ms-embed-error")).contains("not valid JSON"));

    assert_eq!(e2.type_(), "medal-summary-load");
    assert_eq!(state(&good), "ready");
    assert_eq!(text(&q(&good, ".ms-country")), "Azerbaijan");
    // DOM ids are per instance: no duplicates across the widgets.
    let a = q(&good, "[role=tab]").id();
    let b = element(Some(DEFAULT), &[]);
    mount(&b).await;
    assert_ne!(a, q(&b, "[role=tab]").id());

    for el in [&broken, &good, &not_json, &b] {
        el.remove();
    }
    settle().await;
}

#[wasm_bindgen_test]
async fn partial_data_shows_and_reports_its_errors() {
    let doc = js_sys::JSON::parse(DEFAULT).unwrap();
    let row = get(&doc, &["table", "12"]);
    Reflect::set(&row, &"gold".into(), &JsValue::from(-3)).unwrap();
    let text_doc = String::from(js_sys::JSON::stringify(&doc).unwrap());
    let el = element(Some(&text_doc), &[]);
    let err = next_event(&el, types(&["medal-summary-error"]));
    let load = mount(&el).await;
    assert_eq!(load.type_(), "medal-summary-load");
    let err: CustomEvent = JsFuture::from(err).await.unwrap().dyn_into().unwrap();
    assert_eq!(get(&err.detail(), &["partial"]), JsValue::TRUE);
    let problems: Array = get(&err.detail(), &["problems"]).dyn_into().unwrap();
    assert_eq!(
        get(&problems.get(0), &["path"]).as_string().as_deref(),
        Some("table[12].gold")
    );
    assert_eq!(state(&el), "ready");
    assert!(text(&q(&el, ".ms-embed-partial")).contains("table[12].gold"));
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn refresh_now_announces_a_new_medal_once() {
    let el = element(Some(DEFAULT), &[]);
    mount(&el).await;
    let live = q(&el, "[aria-live=polite]");
    assert_eq!(text(&live), "");
    let script = el.query_selector("script").unwrap().unwrap();
    script.set_text_content(Some(&add_bronze(DEFAULT)));
    let state_after = JsFuture::from(call_refresh(&el)).await.unwrap();
    yew::scheduler::flush().await;
    assert_eq!(state_after.as_string().as_deref(), Some("ready"));
    assert_eq!(text(&live), "Azerbaijan: new bronze medal, 4 bronze now");
    // Unchanged data: nothing new to say, the sentence is not repeated.
    JsFuture::from(call_refresh(&el)).await.unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&live), "Azerbaijan: new bronze medal, 4 bronze now");
    // A broken update keeps the good data and says so.
    script.set_text_content(Some("{ broken"));
    let err = next_event(&el, types(&["medal-summary-error"]));
    JsFuture::from(call_refresh(&el)).await.unwrap();
    let err: CustomEvent = JsFuture::from(err).await.unwrap().dyn_into().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(get(&err.detail(), &["stale"]), JsValue::TRUE);
    assert_eq!(state(&el), "ready");
    assert!(text(&q(&el, ".ms-embed-stale")).starts_with("Could not update, last updated"));
    assert_eq!(text(&q(&el, ".ms-country")), "Azerbaijan");
    remove(&el).await;
}

#[wasm_bindgen_test]
fn change_messages_and_attribute_parsing() {
    let t = |gold, silver, bronze| Tally {
        gold,
        silver,
        bronze,
    };
    let en = Lang::En;
    assert_eq!(
        announce::change_message(en, "Azerbaijan", t(2, 2, 3), t(2, 2, 3)),
        None
    );
    assert_eq!(
        announce::change_message(en, "Azerbaijan", t(2, 2, 2), t(2, 2, 3)).as_deref(),
        Some("Azerbaijan: new bronze medal, 3 bronze now")
    );
    assert_eq!(
        announce::change_message(en, "Azerbaijan", t(2, 2, 3), t(4, 1, 3)).as_deref(),
        Some("Azerbaijan: 2 new gold medals, 4 gold now; silver count corrected to 1")
    );
    // Every language: whole parts, no plural form of the total needed.
    assert_eq!(
        announce::change_message(Lang::Fr, "Azerbaïdjan", t(2, 2, 2), t(2, 2, 3)).as_deref(),
        Some("Azerbaïdjan\u{a0}: nouvelle médaille de bronze, désormais 3 en bronze")
    );
    assert_eq!(
        announce::change_message(Lang::Ru, "Азербайджан", t(2, 2, 3), t(4, 1, 3)).as_deref(),
        Some(
            "Азербайджан: новых золотых медалей: 2, теперь золотых: 4; \
             число серебряных медалей исправлено: 1"
        )
    );
    assert_eq!(
        announce::change_message(Lang::Az, "Azərbaycan", t(2, 2, 3), t(2, 3, 3)).as_deref(),
        Some("Azərbaycan: yeni gümüş medal, indi 3 gümüş")
    );
    assert_eq!(widget::parse_refresh(None), None);
    assert_eq!(widget::parse_refresh(Some("off")), None);
    assert_eq!(widget::parse_refresh(Some("0")), None);
    assert_eq!(widget::parse_refresh(Some("3")), Some(10));
    assert_eq!(widget::parse_refresh(Some("30")), Some(30));
    assert_eq!(widget::parse_refresh(Some("9999999")), Some(86_400));
    assert_eq!(widget::parse_refresh(Some("2.5")), Some(10));
    assert_eq!(widget::parse_refresh(Some("1e9")), None);
    assert_eq!(widget::parse_height(Some("640")).as_deref(), Some("640px"));
    assert_eq!(
        widget::parse_height(Some("40rem")).as_deref(),
        Some("40rem")
    );
    assert_eq!(widget::parse_height(Some("calc(1px)")), None);
    assert_eq!(widget::parse_height(Some("-5")), None);
    // Digits enough to overflow a double are not a length.
    assert_eq!(widget::parse_height(Some(&"9".repeat(400))), None);
}

#[wasm_bindgen_test]
async fn a_thousand_mounts_and_removals_leave_nothing_behind() {
    let body = document().body().unwrap();
    let before = embed::mounted_count();
    for batch in 0..20 {
        let els: Vec<HtmlElement> = (0..50)
            .map(|_| element(Some(MINIMAL), &[("refresh", "10")]))
            .collect();
        if batch % 2 == 0 {
            // Removed while still loading (before the document-parsed step).
            for el in &els {
                body.append_child(el).unwrap();
            }
        } else {
            let events: Vec<_> = els
                .iter()
                .map(|el| next_event(el, types(&["medal-summary-load", "medal-summary-error"])))
                .collect();
            for el in &els {
                body.append_child(el).unwrap();
            }
            for ev in events {
                let ev: CustomEvent = JsFuture::from(ev).await.unwrap().dyn_into().unwrap();
                assert_eq!(ev.type_(), "medal-summary-load");
            }
            yew::scheduler::flush().await;
            // Each ready widget holds its refresh timer and visibility listener.
            assert!(
                embed::live_resources() >= 100,
                "{}",
                embed::live_resources()
            );
        }
        for el in &els {
            el.remove();
        }
        settle().await;
    }
    settle().await;
    assert_eq!(embed::live_resources(), 0);
    assert_eq!(embed::live_widgets(), 0);
    assert_eq!(embed::mounted_count(), before);
    assert_eq!(
        document()
            .query_selector_all("medal-summary")
            .unwrap()
            .length(),
        0
    );
}

#[wasm_bindgen_test]
async fn without_lang_the_page_language_is_used() {
    let _page = PageLang::set("fr");
    let el = element(Some(DEFAULT), &[]);
    mount(&el).await;
    assert_eq!(tab_label(&el, "card"), tr("fr", Msg::TabCard));
    assert_eq!(tab_label(&el, "table"), tr("fr", Msg::TabTable));
    assert_eq!(tab_label(&el, "medalists"), tr("fr", Msg::TabMedalists));
    assert_eq!(
        q(&el, ".ms-widget").get_attribute("lang").as_deref(),
        Some("fr")
    );
    assert_eq!(text(&q(&el, ".ms-country")), "Azerbaïdjan");

    // The live announcement and the stale note follow the same language.
    let script = el.query_selector("script").unwrap().unwrap();
    script.set_text_content(Some(&add_bronze(DEFAULT)));
    JsFuture::from(call_refresh(&el)).await.unwrap();
    yew::scheduler::flush().await;
    let live = q(&el, "[aria-live=polite]");
    let changes = "nouvelle médaille de bronze, désormais 4 en bronze";
    assert_eq!(text(&live), format!("Azerbaïdjan\u{a0}: {changes}"));
    assert_eq!(
        text(&live),
        trf(
            "fr",
            Msg::AnnounceChange,
            &[
                ("country", "Azerbaïdjan"),
                ("changes", &trf("fr", Msg::NewBronze, &[("n", "4")]))
            ]
        )
    );
    script.set_text_content(Some("{ broken"));
    let err = next_event(&el, types(&["medal-summary-error"]));
    JsFuture::from(call_refresh(&el)).await.unwrap();
    let err: CustomEvent = JsFuture::from(err).await.unwrap().dyn_into().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(get(&err.detail(), &["stale"]), JsValue::TRUE);
    // The event stays in English for the page's developers.
    assert!(get(&err.detail(), &["message"])
        .as_string()
        .unwrap()
        .starts_with("The inline data cannot be read: not valid JSON"));
    let note = q(&el, ".ms-embed-stale");
    let prefix = tr("fr", Msg::EmbedStale).split("{time}").next().unwrap();
    assert!(text(&note).starts_with(prefix), "{}", text(&note));
    // The failure itself is on screen, not for screen readers alone.
    let detail = q(&el, ".ms-embed-stale .ms-embed-detail");
    assert!(
        text(&detail).starts_with("Les données intégrées à la page sont illisibles"),
        "{}",
        text(&detail)
    );
    assert!(detail.closest(".ms-sr-only").unwrap().is_none());
    assert_eq!(
        text(&q(&el, ".ms-embed-stale .ms-embed-retry")),
        tr("fr", Msg::EmbedRetry)
    );
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn the_lang_attribute_wins_over_the_page_language() {
    let _page = PageLang::set("fr");
    let el = element(Some(DEFAULT), &[("lang", "ru")]);
    mount(&el).await;
    assert_eq!(tab_label(&el, "card"), tr("ru", Msg::TabCard));
    assert_eq!(tab_label(&el, "table"), tr("ru", Msg::TabTable));
    assert_eq!(
        q(&el, ".ms-widget").get_attribute("lang").as_deref(),
        Some("ru")
    );
    // An unsupported tag gives English, not the page's language.
    el.set_attribute("lang", "de").unwrap();
    yew::scheduler::flush().await;
    assert_eq!(tab_label(&el, "card"), tr("en", Msg::TabCard));
    // Removing the attribute falls back to the page.
    el.remove_attribute("lang").unwrap();
    yew::scheduler::flush().await;
    assert_eq!(tab_label(&el, "card"), tr("fr", Msg::TabCard));
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn the_error_panel_speaks_the_widget_language() {
    let el = element(None, &[("lang", "fr")]);
    let first = mount(&el).await;
    assert_eq!(first.type_(), "medal-summary-error");
    assert_eq!(
        text(&q(&el, ".ms-embed-error-title")),
        tr("fr", Msg::ErrTitleNoData)
    );
    assert_eq!(
        text(&q(&el, ".ms-embed-error-summary")),
        tr("fr", Msg::ErrNoData)
    );
    // The event keeps the English sentence.
    assert_eq!(
        get(&first.detail(), &["message"]).as_string().as_deref(),
        Some(tr("en", Msg::ErrNoData))
    );

    // An invalid object as the data property.
    let doc = js_sys::JSON::parse(DEFAULT).unwrap();
    Reflect::set(&doc, &"version".into(), &JsValue::from(2)).unwrap();
    let failed = next_event(&el, types(&["medal-summary-error"]));
    Reflect::set(&el, &"data".into(), &doc).unwrap();
    let ev: CustomEvent = JsFuture::from(failed).await.unwrap().dyn_into().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        get(&ev.detail(), &["kind"]).as_string().as_deref(),
        Some("invalid")
    );
    assert_eq!(
        text(&q(&el, ".ms-embed-error-title")),
        tr("fr", Msg::ErrTitleInvalid)
    );
    let summary = text(&q(&el, ".ms-embed-error-summary"));
    let want = trf(
        "fr",
        Msg::ErrInvalidHere,
        &[("n", "1"), ("first", "version: unsupported version 2")],
    );
    assert!(
        summary.starts_with(want.split("version:").next().unwrap()),
        "{summary}"
    );
    assert!(
        summary.contains("version: unsupported version"),
        "{summary}"
    );
    assert_eq!(
        text(&q(&el, ".ms-embed-error .ms-embed-retry")),
        tr("fr", Msg::EmbedRetry)
    );
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn the_embed_code_gets_the_absolute_src() {
    // No clipboard: the code is shown in a box that can be read back.
    js_sys::Function::new_no_args(
        "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let el = element(None, &[("src", "data/some file.json"), ("lang", "az")]);
    // The data property wins over src: no request is made.
    let doc = js_sys::JSON::parse(DEFAULT).unwrap();
    Reflect::set(&el, &"data".into(), &doc).unwrap();
    let ev = mount(&el).await;
    assert_eq!(ev.type_(), "medal-summary-load");
    let button = q(&el, ".ms-actions [data-action=embed]");
    assert_eq!(text(&button), tr("az", Msg::CopyEmbed));
    button.unchecked_ref::<HtmlElement>().click();
    yew::scheduler::flush().await;
    let area: web_sys::HtmlTextAreaElement = q(&el, ".ms-embed-code").dyn_into().unwrap();
    let base = document().base_uri().unwrap().unwrap();
    let src = web_sys::Url::new_with_base("data/some file.json", &base)
        .unwrap()
        .href();
    assert!(
        src.starts_with("http") && src.ends_with("/data/some%20file.json"),
        "{src}"
    );
    // Mounted without embed.js here: the tag alone.
    assert_eq!(
        area.value(),
        embed_code(&src, "az", "card", RankBy::Gold, None)
    );
    remove(&el).await;
}

// ---- JSON text and the `data` property into a Json tree ------------------

#[wasm_bindgen_test]
fn js_values_become_the_same_tree_as_json_text() {
    use medal_summary::data::json::Json;
    use medal_summary::embed::fetch::from_js;
    let v =
        js_sys::JSON::parse(r#"{"b":[1,2.5,-3,true,null,"x"],"a":{"2":"two","1":"one"},"":{}}"#)
            .unwrap();
    let j = from_js(&v, "$", 0).unwrap();
    let s = |x: &str| Json::String(x.into());
    assert_eq!(
        j,
        Json::Object(vec![
            // JS orders integer-like keys first, as JSON.parse did.
            (
                "b".into(),
                Json::Array(vec![
                    Json::Number(1.0),
                    Json::Number(2.5),
                    Json::Number(-3.0),
                    Json::Bool(true),
                    Json::Null,
                    s("x"),
                ])
            ),
            (
                "a".into(),
                Json::Object(vec![("1".into(), s("one")), ("2".into(), s("two"))])
            ),
            ("".into(), Json::Object(vec![])),
        ])
    );
    // undefined (a property left unset by a script) reads as null.
    assert_eq!(from_js(&JsValue::UNDEFINED, "$", 0).unwrap(), Json::Null);
}

#[wasm_bindgen_test]
fn non_json_values_are_refused_with_their_path() {
    use medal_summary::embed::fetch::{from_js, load_value};
    let obj: js_sys::Object = js_sys::Object::new();
    let arr = Array::new();
    arr.push(&JsValue::from(1));
    arr.push(&js_sys::Function::new_no_args(""));
    Reflect::set(&obj, &"table".into(), &arr).unwrap();
    let err = from_js(&obj, "$", 0).unwrap_err();
    assert_eq!(err, "$.table[1]: a function is not JSON data");

    Reflect::set(&obj, &"table".into(), &js_sys::Date::new_0()).unwrap();
    let err = from_js(&obj, "$", 0).unwrap_err();
    assert!(
        err.starts_with("$.table: an object that is not a plain"),
        "{err}"
    );

    // A cycle ends at the depth cap instead of recursing forever.
    Reflect::set(&obj, &"self".into(), &obj).unwrap();
    Reflect::delete_property(&obj, &"table".into()).unwrap();
    let err = from_js(&obj, "$", 0).unwrap_err();
    assert!(
        err.ends_with("nested deeper than 32 levels, or refers back to itself"),
        "{err}"
    );
    assert!(err.starts_with("$.self.self."), "{err}");

    // Through the loader: a failure of the Invalid kind naming the path.
    let Err(failure) = load_value(&obj) else {
        panic!("a cyclic object was accepted")
    };
    let text = failure.text(Lang::En);
    assert!(
        text.contains("not plain JSON data") && text.contains("$.self"),
        "{text}"
    );

    // A null prototype is still plain data.
    let bare: js_sys::Object = js_sys::Object::create(&JsValue::NULL.unchecked_into());
    Reflect::set(&bare, &"k".into(), &JsValue::from(2)).unwrap();
    assert!(from_js(&bare, "$", 0).is_ok());
}

#[wasm_bindgen_test]
fn text_is_read_by_the_crates_parser_as_jsonparse_would() {
    use medal_summary::data::json::parse_with;
    use medal_summary::embed::fetch::{from_js, load_text};
    // The same tree as JSON.parse plus the walk, decimals through the
    // browser's parseFloat included.
    let by_js = from_js(&js_sys::JSON::parse(DEFAULT).unwrap(), "$", 0).unwrap();
    assert_eq!(parse_with(DEFAULT, js_sys::parse_float).unwrap(), by_js);
    let odd = r#"[0.1, -2.5e-3, 1E400, 12345678901234567890, "\u00e9\ud83e\udd47"]"#;
    assert_eq!(
        parse_with(odd, js_sys::parse_float).unwrap(),
        from_js(&js_sys::JSON::parse(odd).unwrap(), "$", 0).unwrap()
    );

    // Malformed text: where, and what was expected, in the widget's message.
    let Err(failure) = load_text("{\n  \"version\": 1,\n}", None) else {
        panic!("a trailing comma was accepted")
    };
    let text = failure.text(Lang::En);
    assert!(
        text.contains("not valid JSON: expected no comma before '}'")
            && text.contains("at line 3, column 1"),
        "{text}"
    );

    // A key given twice, which JSON.parse would silently collapse, is
    // reported in the browser as in the command.
    let Err(failure) = load_text(r#"{"version": 1, "version": 1}"#, None) else {
        panic!("a duplicate key was accepted")
    };
    let text = failure.text(Lang::En);
    assert!(
        text.contains("expected the field \"version\" once, found it 2 times"),
        "{text}"
    );
}

/// A shadow root as a prerendered page declares it (scripts/prerender.mjs):
/// a style and a snapshot root, both marked as the snapshot's.
fn with_snapshot(el: &HtmlElement, body: &str) -> ShadowRoot {
    with_snapshot_root(
        el,
        &format!("<div class=\"ms-root\" data-ms-prerendered>{body}</div>"),
    )
}

fn with_snapshot_root(el: &HtmlElement, root_markup: &str) -> ShadowRoot {
    let root = el
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    root.set_inner_html(&format!(
        "<style data-ms-prerendered>.snap {{ color: inherit; }}</style>{root_markup}"
    ));
    root
}

/// This widget's own markup for `data`, marked as a snapshot: what
/// prerender.mjs writes (but with the controls left enabled).
async fn own_snapshot(data: &str) -> String {
    let first = element(Some(data), &[]);
    mount(&first).await;
    let markup = q(&first, ".ms-root").outer_html().replacen(
        "class=\"ms-root\"",
        "class=\"ms-root\" data-ms-prerendered=\"\"",
        1,
    );
    remove(&first).await;
    assert!(markup.contains("data-ms-prerendered"));
    markup
}

fn live_root(root: &ShadowRoot) -> Element {
    root.query_selector(".ms-root:not([data-ms-prerendered])")
        .unwrap()
        .expect("a live root")
}

/// The snapshot is gone and the one live root shows.
fn assert_swapped(root: &ShadowRoot) {
    assert!(root
        .query_selector("[data-ms-prerendered]")
        .unwrap()
        .is_none());
    assert_eq!(root.query_selector_all(".ms-root").unwrap().length(), 1);
    assert_eq!(live_root(root).class_name(), "ms-root");
}

#[wasm_bindgen_test]
async fn a_prerendered_snapshot_stays_until_the_live_view_replaces_it() {
    let markup = own_snapshot(DEFAULT).await;
    let el = element(Some(DEFAULT), &[]);
    let root = with_snapshot_root(&el, &markup);
    let ev = next_event(&el, types(&["medal-summary-load", "medal-summary-error"]));
    document().body().unwrap().append_child(&el).unwrap();
    // Mounted at once, but the data is read in a later task: the snapshot
    // is what shows, the live root waits under it, unseen.
    assert!(root
        .query_selector("[data-ms-prerendered] .ms-country")
        .unwrap()
        .is_some());
    let live = live_root(&root);
    assert_eq!(live.class_name(), "ms-root ms-pending");
    // A reader who tabbed into the snapshot lands on the same control.
    let tab: HtmlElement = root
        .query_selector("[data-ms-prerendered] [role=tab][data-view=table]")
        .unwrap()
        .expect("the snapshot's table tab")
        .dyn_into()
        .unwrap();
    tab.focus().unwrap();
    assert!(root.active_element().is_some_and(|a| &a == tab.as_ref()));

    let ev: CustomEvent = JsFuture::from(ev).await.unwrap().dyn_into().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(ev.type_(), "medal-summary-load");
    assert_swapped(&root);
    assert_eq!(live.class_name(), "ms-root");
    assert_eq!(text(&q(&el, ".ms-country")), "Azerbaijan");
    let focused = root.active_element().expect("focus in the live view");
    assert_eq!(focused.get_attribute("data-view").as_deref(), Some("table"));
    assert_eq!(focused.get_attribute("role").as_deref(), Some("tab"));
    assert!(live.contains(Some(&focused)));
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn a_declarative_shadow_root_from_the_parser_is_taken_over() {
    let markup = own_snapshot(DEFAULT).await;
    embed::start();
    let holder = document().create_element("div").unwrap();
    // Parsed as a prerendered page is: the parser attaches the shadow root.
    set_html_unsafe(
        &holder,
        &format!(
            "<medal-summary><template shadowrootmode=\"open\"><style data-ms-prerendered></style>{markup}</template>\
             <script type=\"application/json\">{DEFAULT}</script></medal-summary>"
        ),
    );
    let el: HtmlElement = holder
        .first_element_child()
        .expect("the parsed element")
        .dyn_into()
        .unwrap();
    let root = el
        .shadow_root()
        .expect("a declarative shadow root, attached by the parser");
    assert!(root
        .query_selector("[data-ms-prerendered] .ms-country")
        .unwrap()
        .is_some());
    let ev = next_event(&el, types(&["medal-summary-load", "medal-summary-error"]));
    document().body().unwrap().append_child(&holder).unwrap();
    assert_eq!(live_root(&root).class_name(), "ms-root ms-pending");
    let ev: CustomEvent = JsFuture::from(ev).await.unwrap().dyn_into().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(ev.type_(), "medal-summary-load");
    assert_swapped(&root);
    assert_eq!(text(&q(&el, ".ms-country")), "Azerbaijan");
    holder.remove();
    settle().await;
}

#[wasm_bindgen_test]
async fn a_snapshot_outlives_a_removal_before_the_swap() {
    let el = element(Some(DEFAULT), &[]);
    let root = with_snapshot(&el, "<p class=\"snap\">Snapshot</p>");
    let body = document().body().unwrap();
    body.append_child(&el).unwrap();
    remove(&el).await;
    // Put back: a new live root, the old one gone, the snapshot kept.
    let ev = next_event(&el, types(&["medal-summary-load", "medal-summary-error"]));
    body.append_child(&el).unwrap();
    assert!(root.query_selector(".snap").unwrap().is_some());
    assert_eq!(
        root.query_selector_all(".ms-root:not([data-ms-prerendered])")
            .unwrap()
            .length(),
        1
    );
    JsFuture::from(ev).await.unwrap();
    yew::scheduler::flush().await;
    assert!(root.query_selector(".snap").unwrap().is_none());
    assert_swapped(&root);
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn a_failed_first_load_keeps_the_snapshot_with_the_error_over_it() {
    let el = element(Some("{\"version\": 1, "), &[]);
    let root = with_snapshot(
        &el,
        "<p class=\"snap\">Snapshot</p><button type=\"button\" class=\"snap-btn\">Medal table</button>",
    );
    let ev = mount(&el).await;
    assert_eq!(ev.type_(), "medal-summary-error");
    assert_eq!(state(&el), "error");
    // The snapshot is the last good data there is: it stays, readable, its
    // dead controls disabled; the failure and Retry sit over its foot.
    assert!(root.query_selector(".snap").unwrap().is_some());
    assert!(q(&el, ".snap-btn").has_attribute("disabled"));
    let live = live_root(&root);
    assert_eq!(live.class_name(), "ms-root ms-over-snapshot");
    assert!(live.query_selector(".ms-embed-error").unwrap().is_some());
    assert!(live.query_selector(".ms-embed-retry").unwrap().is_some());
    assert_eq!(
        text(&q(&el, ".ms-embed-snapshot-note")),
        tr("en", Msg::EmbedSnapshot)
    );

    // Good data at last: the snapshot goes, the live view shows it.
    let ev = next_event(&el, types(&["medal-summary-load", "medal-summary-error"]));
    Reflect::set(
        &el,
        &JsValue::from_str("data"),
        &js_sys::JSON::parse(DEFAULT).unwrap(),
    )
    .unwrap();
    let ev: CustomEvent = JsFuture::from(ev).await.unwrap().dyn_into().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(ev.type_(), "medal-summary-load");
    assert_swapped(&root);
    assert_eq!(live.class_name(), "ms-root");
    assert!(root
        .query_selector(".ms-embed-snapshot-note")
        .unwrap()
        .is_none());
    assert_eq!(text(&q(&el, ".ms-country")), "Azerbaijan");
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn without_a_snapshot_nothing_waits() {
    let el = element(Some(DEFAULT), &[]);
    let ev = next_event(&el, types(&["medal-summary-load", "medal-summary-error"]));
    document().body().unwrap().append_child(&el).unwrap();
    // A plain element's live root is visible from its first render on.
    assert_eq!(q(&el, ".ms-root").class_name(), "ms-root");
    JsFuture::from(ev).await.unwrap();
    yew::scheduler::flush().await;
    assert_eq!(q(&el, ".ms-root").class_name(), "ms-root");
    assert_eq!(
        shadow(&el).query_selector_all(".ms-root").unwrap().length(),
        1
    );
    remove(&el).await;
}

/// A `loading="lazy"` widget placed four screens down the page, and the
/// spacer that puts it there (remove both when done).
async fn far_lazy_widget() -> (HtmlElement, Element) {
    let body = document().body().unwrap();
    let gap = spacer();
    body.append_child(&gap).unwrap();
    let el = element(Some(MINIMAL), &[("loading", "lazy")]);
    body.append_child(&el).unwrap();
    let near = JsFuture::from(near_viewport(&el)).await.unwrap();
    assert_eq!(
        near.as_bool(),
        Some(false),
        "the test page puts it out of reach"
    );
    yew::scheduler::flush().await;
    // Not mounted: no shadow root, no state, no data read.
    assert!(el.shadow_root().is_none());
    assert_eq!(el.get_attribute("data-ms-state"), None);
    (el, gap)
}

async fn remove_far(el: &HtmlElement, gap: &Element) {
    remove(el).await;
    gap.remove();
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
}

#[wasm_bindgen_test]
async fn a_lazy_widget_loads_once_it_nears_the_viewport() {
    let (el, gap) = far_lazy_widget().await;
    assert_eq!(
        Reflect::get(&el, &"loading".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("lazy"),
        "reflected as a property"
    );
    let ev = next_event(&el, types(&["medal-summary-load", "medal-summary-error"]));
    el.scroll_into_view();
    let ev: CustomEvent = JsFuture::from(ev).await.unwrap().dyn_into().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(ev.type_(), "medal-summary-load");
    assert_eq!(state(&el), "ready");
    assert_eq!(text(&q(&el, ".ms-country")), "Azerbaijan");
    remove_far(&el, &gap).await;
}

#[wasm_bindgen_test]
async fn a_waiting_lazy_widget_loads_when_asked_or_made_eager() {
    // refreshNow() is an explicit request: it loads now and resolves with the state.
    let (el, gap) = far_lazy_widget().await;
    let got = JsFuture::from(call_refresh(&el)).await.unwrap();
    assert_eq!(got.as_string().as_deref(), Some("ready"));
    assert_eq!(text(&q(&el, ".ms-country")), "Azerbaijan");
    remove_far(&el, &gap).await;

    // Dropping `loading="lazy"` loads it where it is.
    let (el, gap) = far_lazy_widget().await;
    let ev = next_event(&el, types(&["medal-summary-load", "medal-summary-error"]));
    el.set_attribute("loading", "eager").unwrap();
    JsFuture::from(ev).await.unwrap();
    yew::scheduler::flush().await;
    assert_eq!(state(&el), "ready");
    remove_far(&el, &gap).await;
}

#[wasm_bindgen_test]
async fn a_lazy_widget_removed_while_waiting_waits_again_where_it_is_put() {
    let (el, gap) = far_lazy_widget().await;
    remove(&el).await;
    assert!(el.shadow_root().is_none(), "nothing mounted on removal");
    // Put back far down again: it waits again, unmounted.
    let body = document().body().unwrap();
    body.append_child(&el).unwrap();
    let near = JsFuture::from(near_viewport(&el)).await.unwrap();
    assert_eq!(near.as_bool(), Some(false));
    yew::scheduler::flush().await;
    assert!(
        el.shadow_root().is_none(),
        "still waiting after re-insertion"
    );
    // Moved to the top of the page, in view: it loads there.
    let ev = next_event(&el, types(&["medal-summary-load", "medal-summary-error"]));
    body.insert_before(&el, body.first_child().as_ref())
        .unwrap();
    JsFuture::from(ev).await.unwrap();
    yew::scheduler::flush().await;
    assert_eq!(state(&el), "ready");
    remove_far(&el, &gap).await;
}

/// The default dataset as a JS object, its country renamed `name`.
fn default_named(name: &str) -> JsValue {
    let doc = js_sys::JSON::parse(DEFAULT).unwrap();
    Reflect::set(&get(&doc, &["country"]), &"name".into(), &name.into()).unwrap();
    doc
}

/// Sets the `data` property and waits for the resulting load or error event.
async fn set_data(el: &HtmlElement, doc: &JsValue) -> CustomEvent {
    let ev = next_event(el, types(&["medal-summary-load", "medal-summary-error"]));
    Reflect::set(el, &"data".into(), doc).unwrap();
    let ev = JsFuture::from(ev).await.unwrap().dyn_into().unwrap();
    yew::scheduler::flush().await;
    ev
}

#[wasm_bindgen_test]
async fn new_data_keeps_the_readers_place() {
    let el = element(Some(DEFAULT), &[]);
    mount(&el).await;
    q(&el, "[role=tab][data-view=table]")
        .unchecked_ref::<HtmlElement>()
        .click();
    yew::scheduler::flush().await;
    let panel = q(&el, ".ms-panel[data-view=table]");
    assert!(!panel.has_attribute("hidden"));
    // New figures, not a new widget: the reader stays on the table, in the
    // same views (no skeleton in between would have kept them).
    let doc = default_named("Azerbaijan (new)");
    let ev = set_data(&el, &doc).await;
    assert_eq!(ev.type_(), "medal-summary-load");
    assert_eq!(
        q(&el, "[role=tab][aria-selected=true]")
            .get_attribute("data-view")
            .as_deref(),
        Some("table")
    );
    assert!(
        q(&el, ".ms-panel[data-view=table]") == panel,
        "the table panel is the same element"
    );
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn a_timeline_mounted_empty_draws_and_shows_events_that_arrive_later() {
    let el = element(None, &[("view", "timeline")]);
    let empty = js_sys::JSON::parse(DEFAULT).unwrap();
    Reflect::set(&empty, &"hosted".into(), &Array::new()).unwrap();
    Reflect::set(&el, &"data".into(), &empty).unwrap();
    mount(&el).await;
    assert!(shadow(&el)
        .query_selector(".ms-tl-marker")
        .unwrap()
        .is_none());
    // The same view gets events: it measures its axis, draws the markers and
    // marks itself placed (it stays hidden until then).
    let ev = set_data(&el, &js_sys::JSON::parse(DEFAULT).unwrap()).await;
    assert_eq!(ev.type_(), "medal-summary-load");
    let section = q(&el, ".ms-tl.ms-unplaced");
    let mut frames = 0;
    while !section.has_attribute("data-ms-placed") && frames < 10 {
        JsFuture::from(next_frame()).await.unwrap();
        yew::scheduler::flush().await;
        frames += 1;
    }
    assert!(section.has_attribute("data-ms-placed"), "placed");
    assert!(
        shadow(&el)
            .query_selector_all(".ms-tl-marker")
            .unwrap()
            .length()
            > 0
    );
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn bad_data_or_a_failing_source_leaves_the_last_good_data_on_screen() {
    let el = element(Some(DEFAULT), &[]);
    mount(&el).await;
    assert_eq!(text(&q(&el, ".ms-country")), "Azerbaijan");
    let both = || types(&["medal-summary-load", "medal-summary-error"]);

    // A document of another version, then not a document at all.
    let v2 =
        js_sys::JSON::parse(r#"{"version":2,"country":{"code":"AZE","name":"Other"}}"#).unwrap();
    for (value, path) in [(v2, "version"), (JsValue::from(42), "$")] {
        let ev = set_data(&el, &value).await;
        assert_eq!(ev.type_(), "medal-summary-error");
        assert_eq!(get(&ev.detail(), &["stale"]), JsValue::TRUE, "{path}");
        assert_eq!(state(&el), "ready");
        assert_eq!(text(&q(&el, ".ms-country")), "Azerbaijan", "{path}");
        assert!(shadow(&el)
            .query_selector(".ms-embed-error")
            .unwrap()
            .is_none());
        let detail = text(&q(&el, ".ms-embed-stale .ms-embed-detail"));
        assert!(detail.contains(&format!("{path}: ")), "{path}: {detail}");
    }

    // New good data replaces it, and the note goes.
    let ev = set_data(&el, &default_named("Azerbaijan (new)")).await;
    assert_eq!(ev.type_(), "medal-summary-load");
    assert_eq!(text(&q(&el, ".ms-country")), "Azerbaijan (new)");
    assert!(shadow(&el)
        .query_selector(".ms-embed-stale")
        .unwrap()
        .is_none());

    // A `src` that cannot be requested (the Request constructor refuses a
    // URL with credentials, so no network is involved).
    let ev = next_event(&el, both());
    Reflect::set(&el, &"data".into(), &JsValue::NULL).unwrap();
    el.set_attribute("src", "http://user:pw@127.0.0.1/never.json")
        .unwrap();
    let ev: CustomEvent = JsFuture::from(ev).await.unwrap().dyn_into().unwrap();
    yew::scheduler::flush().await;
    // `data = null` goes back to the inline JSON first, then `src` wins.
    let ev = if ev.type_() == "medal-summary-load" {
        let next = next_event(&el, both());
        JsFuture::from(next)
            .await
            .unwrap()
            .dyn_into::<CustomEvent>()
            .unwrap()
    } else {
        ev
    };
    yew::scheduler::flush().await;
    assert_eq!(ev.type_(), "medal-summary-error");
    assert_eq!(get(&ev.detail(), &["stale"]), JsValue::TRUE);
    assert_eq!(state(&el), "ready");
    assert!(text(&q(&el, ".ms-country")).starts_with("Azerbaijan"));
    assert!(text(&q(&el, ".ms-embed-stale .ms-embed-detail")).contains("never.json"));
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn a_new_ranking_or_view_attribute_keeps_the_readers_place() {
    let el = element(Some(DEFAULT), &[("view", "table")]);
    mount(&el).await;
    let search = q(&el, ".ms-table-view input[type=search]");
    let input: web_sys::HtmlInputElement = search.clone().dyn_into().unwrap();
    input.set_value("aze");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let rows = |el: &Element| {
        shadow(el)
            .query_selector_all(".ms-table-view tbody tr")
            .unwrap()
            .length()
    };
    let found = rows(&el);
    assert!(
        (1..10).contains(&found),
        "the search narrowed the table: {found} rows"
    );
    let checked = |el: &Element| {
        q(el, ".ms-ranking input:checked")
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
            .value()
    };
    assert_eq!(checked(&el), "gold");

    let searched = |el: &Element| {
        q(el, ".ms-table-view input[type=search]")
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
            .value()
    };

    // The ranking changes; the view, its search and its rows stay.
    el.set_attribute("ranking", "total").unwrap();
    yew::scheduler::flush().await;
    assert_eq!(checked(&el), "total");
    assert_eq!(selected(&el), "table");
    assert_eq!(searched(&el), "aze");
    assert_eq!(rows(&el), found);

    // A new view is shown, and the table keeps its search for the reader's return.
    el.set_attribute("view", "card").unwrap();
    yew::scheduler::flush().await;
    assert_eq!(selected(&el), "card");
    q(&el, "[role=tab][data-view=table]")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(searched(&el), "aze");
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn a_replacement_is_not_announced_and_data_null_with_nothing_else_keeps_the_data() {
    // Set through the property, with no src and no inline JSON behind it.
    let el = element(None, &[]);
    mount(&el).await;
    set_data(&el, &default_named("Azerbaijan")).await;
    let live = q(&el, "[aria-live=polite]");
    // Other figures for the same country (say, another Games): shown, not
    // announced as medals won or corrected.
    let other = js_sys::JSON::parse(&add_bronze(DEFAULT)).unwrap();
    let ev = set_data(&el, &other).await;
    assert_eq!(ev.type_(), "medal-summary-load");
    assert_eq!(text(&live), "");

    // Nothing else to load: the data stays, the note says why, and offers
    // no Retry that could not help.
    let ev = set_data(&el, &JsValue::NULL).await;
    assert_eq!(ev.type_(), "medal-summary-error");
    assert_eq!(
        get(&ev.detail(), &["kind"]).as_string().as_deref(),
        Some("no-data")
    );
    assert_eq!(get(&ev.detail(), &["stale"]), JsValue::TRUE);
    assert_eq!(text(&q(&el, ".ms-country")), "Azerbaijan");
    let note = q(&el, ".ms-embed-stale");
    assert!(
        text(&note).starts_with("Could not update"),
        "{}",
        text(&note)
    );
    assert!(note.query_selector(".ms-embed-retry").unwrap().is_none());
    remove(&el).await;
}

#[wasm_bindgen_test]
async fn a_view_asked_for_before_the_data_that_offers_it_is_shown_when_it_comes() {
    // First data without hosted events: no timeline to show.
    let doc = js_sys::JSON::parse(DEFAULT).unwrap();
    Reflect::delete_property(&doc.clone().into(), &"hosted".into()).unwrap();
    let el = element(None, &[]);
    mount(&el).await;
    set_data(&el, &doc).await;
    assert!(shadow(&el)
        .query_selector("[role=tab][data-view=timeline]")
        .unwrap()
        .is_none());
    // The page asks for the timeline, then gives the data that has it.
    let ev = next_event(&el, types(&["medal-summary-load", "medal-summary-error"]));
    el.set_attribute("view", "timeline").unwrap();
    yew::scheduler::flush().await;
    Reflect::set(&el, &"data".into(), &js_sys::JSON::parse(DEFAULT).unwrap()).unwrap();
    JsFuture::from(ev).await.unwrap();
    yew::scheduler::flush().await;
    assert_eq!(selected(&el), "timeline");
    remove(&el).await;
}
