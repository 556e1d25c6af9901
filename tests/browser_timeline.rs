//! Browser tests of the hosted-events timeline (issue 5): order, selection by
//! mouse and keyboard, deep links with two widgets, sparse data, 1,000
//! events, and that keys elsewhere on the page are left alone.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Object, Reflect};
use medal_summary::components::i18n::{tr, Msg};
use medal_summary::components::timeline::{Timeline, TimelineProps};
use medal_summary::data::model::{Date, EventCategory, HostedEvent};
use medal_summary::timeline_geom::{hash_get, hash_key, hash_set};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::{AppHandle, NodeRef};

wasm_bindgen_test_configure!(run_in_browser);

const DATA: &str = include_str!("../www/data/aze-paris2024.json");
const CSS: &str = include_str!("../www/timeline.css");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn default_events() -> Vec<HostedEvent> {
    let report = medal_summary::embed::parse(DATA);
    report
        .dataset
        .expect("sample data validates")
        .hosted
        .valid()
        .expect("hosted section is valid")
        .clone()
}

fn event(id: &str, name: &str, start: &str, end: &str, category: EventCategory) -> HostedEvent {
    let start = Date::parse(start).unwrap();
    HostedEvent {
        id: id.into(),
        name: name.into(),
        year: start.year,
        city: "Baku".into(),
        start,
        end: Date::parse(end).unwrap(),
        category,
        nations: None,
        athletes: None,
        sports: None,
        events: None,
        host_result: None,
        summary: None,
        url: None,
    }
}

/// Puts the timeline's stylesheet in the document once (the embed puts it
/// in the shadow root; layout tests need it here).
fn ensure_css() {
    let doc = document();
    if doc.get_element_by_id("tl-test-css").is_none() {
        let style = doc.create_element("style").unwrap();
        style.set_id("tl-test-css");
        style.set_text_content(Some(CSS));
        doc.head().unwrap().append_child(&style).unwrap();
    }
}

fn reset_hash() {
    let w = web_sys::window().unwrap();
    let l = w.location();
    let url = format!("{}{}", l.pathname().unwrap(), l.search().unwrap());
    w.history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

fn set_hash(h: &str) {
    let w = web_sys::window().unwrap();
    w.history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(h))
        .unwrap();
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

struct Mounted {
    root: Element,
    handle: Option<AppHandle<Timeline>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

async fn mount(events: Vec<HostedEvent>, instance: &str, lang: &str, width_px: u32) -> Mounted {
    ensure_css();
    let root = document().create_element("div").unwrap();
    root.set_attribute("style", &format!("width:{width_px}px"))
        .unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    // No container: the first render measures and a second draws, the way
    // a timeline whose panel is hidden at its first render is drawn (the
    // app's own case, a panel in the page, is in browser_views.rs).
    let props = TimelineProps {
        events: Rc::new(events),
        lang: lang.to_string().into(),
        instance: instance.to_string().into(),
        container: NodeRef::default(),
    };
    let handle = yew::Renderer::<Timeline>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Mounted {
        root,
        handle: Some(handle),
    }
}

fn all(root: &Element, sel: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

fn markers(root: &Element) -> Vec<HtmlElement> {
    all(root, "button.ms-tl-marker")
}

fn label(b: &HtmlElement) -> String {
    b.query_selector(".ms-tl-label")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

fn text(root: &Element, sel: &str) -> String {
    root.query_selector(sel)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

fn tabbable(root: &Element) -> Vec<usize> {
    markers(root)
        .iter()
        .enumerate()
        .filter(|(_, b)| b.get_attribute("tabindex").as_deref() == Some("0"))
        .map(|(i, _)| i)
        .collect()
}

fn pressed(root: &Element) -> Vec<usize> {
    markers(root)
        .iter()
        .enumerate()
        .filter(|(_, b)| b.get_attribute("aria-pressed").as_deref() == Some("true"))
        .map(|(i, _)| i)
        .collect()
}

/// Dispatches a bubbling, cancelable keydown; returns whether it was prevented.
fn keydown(target: &Element, key: &str) -> bool {
    let init = Object::new();
    Reflect::set(&init, &"key".into(), &key.into()).unwrap();
    Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    Reflect::set(&init, &"cancelable".into(), &true.into()).unwrap();
    let ctor: Function = Reflect::get(&js_sys::global(), &"KeyboardEvent".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let ev: web_sys::Event = Reflect::construct(&ctor, &Array::of2(&"keydown".into(), &init))
        .unwrap()
        .dyn_into()
        .unwrap();
    !target.dispatch_event(&ev).unwrap()
}

fn active_element() -> Option<Element> {
    document().active_element()
}

fn intl_range(lang: &str, start: &str, end: &str) -> String {
    let ctor: Function = Reflect::get(
        &Reflect::get(&js_sys::global(), &"Intl".into()).unwrap(),
        &"DateTimeFormat".into(),
    )
    .unwrap()
    .dyn_into()
    .unwrap();
    let o = Object::new();
    for (k, v) in [
        ("year", "numeric"),
        ("month", "long"),
        ("day", "numeric"),
        ("timeZone", "UTC"),
    ] {
        Reflect::set(&o, &k.into(), &v.into()).unwrap();
    }
    let f = Reflect::construct(&ctor, &Array::of2(&lang.into(), &o)).unwrap();
    let ms = |s: &str| {
        js_sys::Date::new(&JsValue::from_f64(
            Date::parse(s).unwrap().days_since_epoch() as f64 * 86_400_000.0,
        ))
    };
    let fr: Function = Reflect::get(&f, &"formatRange".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    fr.call2(&f, &ms(start), &ms(end))
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
async fn default_events_in_date_order_first_selected() {
    reset_hash();
    let data = default_events();
    let mut by_date = data.clone();
    by_date.sort_by_key(|e| (e.start, e.end));
    let m = mount(data, "", "", 800).await;
    console_log!(
        "DEBUG {}",
        m.root.inner_html().chars().take(1500).collect::<String>()
    );
    let names: Vec<String> = markers(&m.root).iter().map(label).collect();
    let want: Vec<String> = by_date.iter().map(|e| e.name.clone()).collect();
    assert_eq!(names, want);
    // The three Baku multi-sport Games, in order and clearly apart.
    let multi: Vec<HtmlElement> = all(&m.root, ".ms-tl-multi button.ms-tl-marker");
    let multi_names: Vec<String> = multi.iter().map(label).collect();
    assert_eq!(
        multi_names,
        [
            "2015 European Games",
            "2017 Islamic Solidarity Games",
            "2019 European Youth Olympic Summer Festival"
        ]
    );
    let xs: Vec<f64> = multi
        .iter()
        .map(|b| {
            b.query_selector(".ms-tl-shape")
                .unwrap()
                .unwrap()
                .get_bounding_client_rect()
                .left()
        })
        .collect();
    assert!(xs.windows(2).all(|w| w[1] - w[0] > 60.0), "{xs:?}");
    // Other events differ by class (shape) and say so in their accessible text.
    let others = all(&m.root, ".ms-tl-other button.ms-tl-marker");
    assert_eq!(others.len(), 5);
    assert!(others
        .iter()
        .all(|b| b.text_content().unwrap().contains("other event")));
    // Year ticks.
    let ticks: Vec<String> = all(&m.root, ".ms-tl-tick")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert!(
        ticks.contains(&"2015".to_string()) && ticks.contains(&"2019".to_string()),
        "{ticks:?}"
    );
    // First in date order is selected and is the one tab stop.
    assert_eq!(pressed(&m.root), vec![0]);
    assert_eq!(tabbable(&m.root), vec![0]);
    assert_eq!(text(&m.root, ".ms-tl-details h3"), "2015 European Games");
    assert_eq!(hash(), "", "mounting writes nothing to the URL");
}

#[wasm_bindgen_test]
async fn click_selects_and_formats_with_intl() {
    reset_hash();
    let m = mount(default_events(), "", "", 800).await;
    let b = markers(&m.root)
        .into_iter()
        .find(|b| label(b) == "2015 European Games")
        .unwrap();
    let isg = markers(&m.root)
        .into_iter()
        .find(|b| label(b) == "2017 Islamic Solidarity Games")
        .unwrap();
    isg.click();
    yew::scheduler::flush().await;
    assert_eq!(
        text(&m.root, ".ms-tl-details h3"),
        "2017 Islamic Solidarity Games"
    );
    let when = text(&m.root, ".ms-tl-details time");
    assert_eq!(when, intl_range("en", "2017-05-12", "2017-05-22"));
    assert!(when.contains("May") && when.contains("2017"), "{when}");
    assert_eq!(isg.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(isg.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(pressed(&m.root).len(), 1);
    b.click();
    yew::scheduler::flush().await;
    let details = text(&m.root, ".ms-tl-details");
    assert!(details.contains("5,898"), "Intl number: {details}");
    assert!(details.contains("2nd in the medal table"));
    let link = m.root.query_selector(".ms-tl-details a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://en.wikipedia.org/wiki/2015_European_Games")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(
        hash_get(&hash(), &hash_key("")).as_deref(),
        Some("baku-2015-european-games")
    );
    reset_hash();
}

#[wasm_bindgen_test]
async fn dates_follow_the_widget_language() {
    reset_hash();
    let m = mount(default_events(), "fr", "fr", 800).await;
    let when = text(&m.root, ".ms-tl-details time");
    assert_eq!(when, intl_range("fr", "2015-06-12", "2015-06-28"));
    assert!(when.contains("juin"), "{when}");
    let single = markers(&m.root)
        .into_iter()
        .find(|b| label(b).starts_with("2016 European Grand Prix"))
        .unwrap();
    single.click();
    yew::scheduler::flush().await;
    let when = text(&m.root, ".ms-tl-details time");
    assert!(
        when.contains("19") && when.contains("juin") && !when.contains('–'),
        "{when}"
    );
    reset_hash();
}

#[wasm_bindgen_test]
async fn arrows_home_end_move_roving_focus() {
    reset_hash();
    let m = mount(default_events(), "k", "", 800).await;
    let ms = markers(&m.root);
    let n = ms.len();
    ms[0].focus().unwrap();
    assert!(keydown(&ms[0], "ArrowRight"), "handled keys are consumed");
    yew::scheduler::flush().await;
    assert_eq!(
        active_element().as_ref(),
        Some(ms[1].unchecked_ref::<Element>())
    );
    assert_eq!(tabbable(&m.root), vec![1]);
    assert_eq!(pressed(&m.root), vec![0], "moving focus does not select");
    keydown(&ms[1], "ArrowDown");
    yew::scheduler::flush().await;
    assert_eq!(tabbable(&m.root), vec![2]);
    keydown(&ms[2], "ArrowUp");
    keydown(&ms[1], "ArrowLeft");
    yew::scheduler::flush().await;
    assert_eq!(tabbable(&m.root), vec![0]);
    keydown(&ms[0], "ArrowLeft");
    yew::scheduler::flush().await;
    assert_eq!(tabbable(&m.root), vec![0], "no wrap at the start");
    keydown(&ms[0], "End");
    yew::scheduler::flush().await;
    assert_eq!(
        active_element().as_ref(),
        Some(ms[n - 1].unchecked_ref::<Element>())
    );
    assert_eq!(tabbable(&m.root), vec![n - 1]);
    keydown(&ms[n - 1], "ArrowRight");
    yew::scheduler::flush().await;
    assert_eq!(tabbable(&m.root), vec![n - 1], "no wrap at the end");
    keydown(&ms[n - 1], "Home");
    yew::scheduler::flush().await;
    assert_eq!(
        active_element().as_ref(),
        Some(ms[0].unchecked_ref::<Element>())
    );
    // Enter/Space on a button is the browser's own click (a synthetic keydown
    // does not activate), so selecting from the keyboard is a click on the
    // focused marker.
    keydown(&ms[0], "End");
    yew::scheduler::flush().await;
    assert!(!keydown(&ms[n - 1], "a"), "other keys pass through");
    let focused: HtmlElement = active_element().unwrap().dyn_into().unwrap();
    focused.click();
    yew::scheduler::flush().await;
    assert_eq!(pressed(&m.root), vec![n - 1]);
    assert_eq!(text(&m.root, ".ms-tl-details h3"), label(&ms[n - 1]));
    assert!(ms[n - 1].matches(":focus").unwrap());
    reset_hash();
}

#[wasm_bindgen_test]
async fn keys_outside_the_widget_do_nothing() {
    reset_hash();
    let a = mount(default_events(), "a", "", 800).await;
    let b = mount(default_events(), "b", "", 800).await;
    let input: HtmlInputElement = document()
        .create_element("input")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&input).unwrap();
    input.focus().unwrap();
    for key in ["ArrowRight", "ArrowLeft", "Home", "End", "ArrowDown"] {
        assert!(!keydown(&input, key), "{key} in an input is not prevented");
    }
    yew::scheduler::flush().await;
    assert_eq!(
        active_element().as_ref(),
        Some(input.unchecked_ref::<Element>())
    );
    assert_eq!(tabbable(&a.root), vec![0]);
    assert_eq!(tabbable(&b.root), vec![0]);
    // Keys in one widget leave the other alone.
    let ma = markers(&a.root);
    ma[0].focus().unwrap();
    keydown(&ma[0], "End");
    yew::scheduler::flush().await;
    assert_eq!(tabbable(&a.root), vec![ma.len() - 1]);
    assert_eq!(tabbable(&b.root), vec![0]);
    input.remove();
}

#[wasm_bindgen_test]
async fn filter_shows_one_category() {
    reset_hash();
    let m = mount(default_events(), "f", "", 800).await;
    let radios: Vec<HtmlInputElement> = all(&m.root, "input[type=radio]")
        .into_iter()
        .map(|e| e.dyn_into().unwrap())
        .collect();
    assert_eq!(radios.len(), 3);
    assert!(radios[0].checked());
    assert!(radios.iter().all(|r| r.name() == radios[0].name()));
    radios[1].click();
    yew::scheduler::flush().await;
    assert_eq!(markers(&m.root).len(), 3);
    assert!(
        all(&m.root, ".ms-tl-other").len() <= 1,
        "only the legend's diamond remains"
    );
    radios[2].click();
    yew::scheduler::flush().await;
    assert_eq!(markers(&m.root).len(), 5);
    assert_eq!(tabbable(&m.root).len(), 1);
    // The selection follows to a visible event.
    assert_eq!(pressed(&m.root), vec![0]);
    radios[0].click();
    yew::scheduler::flush().await;
    assert_eq!(markers(&m.root).len(), 8);
    // A choice hidden by the filter comes back with "All".
    let isg = markers(&m.root)
        .into_iter()
        .position(|b| label(&b) == "2017 Islamic Solidarity Games")
        .unwrap();
    markers(&m.root)[isg].click();
    yew::scheduler::flush().await;
    radios[2].click();
    yew::scheduler::flush().await;
    assert_eq!(pressed(&m.root), vec![0]);
    assert_eq!(
        text(&m.root, ".ms-tl-details h3"),
        label(&markers(&m.root)[0])
    );
    radios[0].click();
    yew::scheduler::flush().await;
    assert_eq!(pressed(&m.root), vec![isg]);
    reset_hash();
}

#[wasm_bindgen_test]
async fn two_widgets_keep_separate_hash_keys() {
    reset_hash();
    set_hash("#page=top");
    let ids: Vec<String> = {
        let mut e = default_events();
        e.sort_by_key(|e| (e.start, e.end));
        e.into_iter().map(|e| e.id).collect()
    };
    {
        let a = mount(default_events(), "a", "", 800).await;
        let b = mount(default_events(), "b", "", 800).await;
        markers(&a.root)[2].click();
        yew::scheduler::flush().await;
        let h = hash();
        assert_eq!(
            hash_get(&h, "ms-a-event").as_deref(),
            Some(ids[2].as_str()),
            "{h}"
        );
        assert_eq!(hash_get(&h, "ms-b-event"), None, "{h}");
        assert_eq!(hash_get(&h, "page").as_deref(), Some("top"));
        assert_eq!(pressed(&b.root), vec![0], "the other widget is untouched");
        markers(&b.root)[4].click();
        yew::scheduler::flush().await;
        let h = hash();
        assert_eq!(
            hash_get(&h, "ms-a-event").as_deref(),
            Some(ids[2].as_str()),
            "{h}"
        );
        assert_eq!(
            hash_get(&h, "ms-b-event").as_deref(),
            Some(ids[4].as_str()),
            "{h}"
        );
        assert!(h.starts_with("#page=top&"), "{h}");
    }
    // A fresh page load with that hash restores each widget.
    let a = mount(default_events(), "a", "", 800).await;
    let b = mount(default_events(), "b", "", 800).await;
    assert_eq!(pressed(&a.root), vec![2]);
    assert_eq!(pressed(&b.root), vec![4]);
    assert_eq!(tabbable(&a.root), vec![2]);
    assert_eq!(
        text(&b.root, ".ms-tl-details h3"),
        label(&markers(&b.root)[4])
    );
    // Ids become unique DOM ids per instance.
    assert_ne!(markers(&a.root)[0].id(), markers(&b.root)[0].id());
    reset_hash();
}

#[wasm_bindgen_test]
async fn odd_ids_round_trip_through_the_hash() {
    reset_hash();
    let odd = "a b&c=d#é/🏅";
    let events = vec![
        event(
            "plain",
            "First",
            "2015-01-01",
            "2015-01-02",
            EventCategory::MultiSport,
        ),
        event(
            odd,
            "Odd one",
            "2016-01-01",
            "2016-01-01",
            EventCategory::Other,
        ),
    ];
    set_hash(&hash_set("#x=1", &hash_key("w 1"), Some(odd)));
    let m = mount(events.clone(), "w 1", "", 800).await;
    assert_eq!(text(&m.root, ".ms-tl-details h3"), "Odd one");
    markers(&m.root)[0].click();
    yew::scheduler::flush().await;
    assert_eq!(
        hash_get(&hash(), &hash_key("w 1")).as_deref(),
        Some("plain")
    );
    markers(&m.root)[1].click();
    yew::scheduler::flush().await;
    assert_eq!(hash_get(&hash(), &hash_key("w 1")).as_deref(), Some(odd));
    assert_eq!(hash_get(&hash(), "x").as_deref(), Some("1"));
    // An unknown id in the hash falls back to the first event.
    set_hash("#ms-w-event=nope");
    let m2 = mount(events, "w", "", 800).await;
    assert_eq!(pressed(&m2.root), vec![0]);
    reset_hash();
}

#[wasm_bindgen_test]
async fn required_fields_only_and_text_never_html() {
    reset_hash();
    let mut bare = event(
        "bare",
        "<b>Bare</b> & Cup",
        "2020-02-02",
        "2020-02-02",
        EventCategory::Other,
    );
    bare.url = Some("javascript:alert(1)".into());
    let m = mount(vec![bare], "", "", 800).await;
    let details = m.root.query_selector(".ms-tl-details").unwrap().unwrap();
    let t = details.text_content().unwrap();
    assert!(
        !t.contains("undefined") && !t.contains("None") && !t.contains("null"),
        "{t}"
    );
    assert_eq!(text(&m.root, ".ms-tl-details h3"), "<b>Bare</b> & Cup");
    assert!(
        m.root.query_selector("b").unwrap().is_none(),
        "names are text, not markup"
    );
    assert!(details.query_selector("dl").unwrap().is_none());
    assert!(
        details.query_selector("a").unwrap().is_none(),
        "unsafe link dropped"
    );
    for el in all(&m.root, "dt, dd, h3, .ms-tl-label, .ms-tl-meta, time") {
        assert!(
            !el.text_content().unwrap().trim().is_empty(),
            "{}",
            el.outer_html()
        );
    }
    assert!(t.contains("2020"), "{t}");
    assert_eq!(markers(&m.root).len(), 1);
}

/// The timeline's own strings follow its `lang`: filter labels, legend,
/// details labels, source link and the accessible names.
#[wasm_bindgen_test]
async fn text_follows_the_widget_language() {
    reset_hash();
    let m = mount(default_events(), "fr-ui", "fr", 800).await;
    let fr = |msg| tr("fr", msg);
    assert_eq!(text(&m.root, ".ms-tl-title"), fr(Msg::TlTitle));
    assert_eq!(
        text(&m.root, ".ms-tl-filter legend"),
        fr(Msg::TlFilterLabel)
    );
    let options: Vec<String> = all(&m.root, ".ms-tl-filter-option")
        .iter()
        .map(|l| l.text_content().unwrap().trim().to_string())
        .collect();
    assert_eq!(
        options,
        [
            format!("{} (8)", fr(Msg::TlFilterAll)),
            format!("{} (3)", fr(Msg::TlMultiSport)),
            format!("{} (5)", fr(Msg::TlOther)),
        ]
    );
    // One word checked by hand, so a wrong table entry fails too.
    assert!(options[0].starts_with("Tous"), "{options:?}");
    let legend = text(&m.root, ".ms-tl-legend");
    assert!(legend.contains(fr(Msg::TlMultiSport)), "{legend}");
    assert!(legend.contains(fr(Msg::TlOther)), "{legend}");
    // The first event (2015 European Games) has every fact.
    let labels: Vec<String> = all(&m.root, ".ms-tl-facts dt")
        .iter()
        .map(|d| d.text_content().unwrap())
        .collect();
    let want: Vec<&str> = [
        Msg::TlNations,
        Msg::TlAthletes,
        Msg::TlSports,
        Msg::TlMedalEvents,
    ]
    .into_iter()
    .map(fr)
    .collect();
    assert_eq!(labels, want);
    assert!(labels.contains(&"Athlètes".to_string()), "{labels:?}");
    assert_eq!(text(&m.root, ".ms-tl-result strong"), fr(Msg::TlHostResult));
    assert_eq!(text(&m.root, ".ms-tl-source a"), fr(Msg::TlSource));
    let axis = m.root.query_selector(".ms-tl-axis").unwrap().unwrap();
    assert_eq!(
        axis.get_attribute("aria-label").unwrap(),
        fr(Msg::TlAxisYears)
            .replace("{from}", "2015")
            .replace("{to}", "2021")
    );
    let list = m.root.query_selector(".ms-tl-list").unwrap().unwrap();
    assert_eq!(
        list.get_attribute("aria-label").as_deref(),
        Some(fr(Msg::TlListLabel))
    );
    let others = all(&m.root, ".ms-tl-other button.ms-tl-marker");
    assert!(others
        .iter()
        .all(|b| b.text_content().unwrap().contains(fr(Msg::TlKindOther))));
    // No English UI text left (the event data itself stays as given).
    let all_text = m.root.text_content().unwrap();
    for english in [
        "Athletes",
        "Host result",
        "Other events",
        "Multi-sport",
        "Hosted",
    ] {
        assert!(!all_text.contains(english), "{english} in {all_text}");
    }
    reset_hash();
}

#[wasm_bindgen_test]
async fn narrow_widget_is_vertical_wide_is_horizontal() {
    reset_hash();
    let wide = mount(default_events(), "w", "", 800).await;
    let narrow = mount(default_events(), "n", "", 360).await;
    let rects = |root: &Element| -> Vec<web_sys::DomRect> {
        all(root, ".ms-tl-shape")
            .into_iter()
            .filter(|s| s.closest("button").unwrap().is_some())
            .map(|s| s.get_bounding_client_rect())
            .collect()
    };
    let w = rects(&wide.root);
    assert!(
        w.windows(2).all(|p| p[1].left() >= p[0].left()),
        "horizontal: left grows with date"
    );
    assert!(w.last().unwrap().left() - w[0].left() > 300.0);
    let n = rects(&narrow.root);
    assert!(
        n.windows(2).all(|p| p[1].top() > p[0].top()),
        "vertical: top grows with date"
    );
    assert!(
        n.iter().all(|r| (r.left() - n[0].left()).abs() < 1.0),
        "vertical: one column"
    );
    // Every label is drawn in the vertical layout, inside the widget.
    for l in all(&narrow.root, ".ms-tl-label") {
        let r = l.get_bounding_client_rect();
        assert!(
            r.width() > 1.0 && r.right() <= narrow.root.get_bounding_client_rect().right() + 0.5
        );
    }
    // Labels on the horizontal axis never overlap.
    let labels: Vec<web_sys::DomRect> = all(&wide.root, ".ms-tl-item:not(.ms-tl-nolabel) button")
        .iter()
        .map(|b| b.get_bounding_client_rect())
        .collect();
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            let apart = a.right() <= b.left()
                || b.right() <= a.left()
                || a.bottom() <= b.top()
                || b.bottom() <= a.top();
            assert!(apart, "overlap");
        }
    }
}

#[wasm_bindgen_test]
async fn thousand_events_render_and_respond() {
    reset_hash();
    let mut seed = 12345u64;
    let events: Vec<HostedEvent> = (0..1000)
        .map(|i| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let day = (seed >> 33) % (25 * 365);
            let d = Date::parse("2000-01-01").unwrap().days_since_epoch() + day as i64;
            let date = date_from_days(d);
            let cat = if i % 3 == 0 {
                EventCategory::MultiSport
            } else {
                EventCategory::Other
            };
            event(
                &format!("e{i}"),
                &format!("Event number {i}"),
                &date,
                &date,
                cat,
            )
        })
        .collect();
    let last = events
        .iter()
        .max_by_key(|e| (e.start, e.end, e.id.clone()))
        .unwrap()
        .id
        .clone();
    set_hash(&hash_set("", &hash_key("big"), Some(&last)));
    let t0 = js_sys::Date::now();
    let m = mount(events, "big", "", 800).await;
    let t1 = js_sys::Date::now();
    assert_eq!(pressed(&m.root), vec![999]);
    let axis = m.root.query_selector(".ms-tl-axis").unwrap().unwrap();
    assert!(
        axis.scroll_left() > 1000,
        "restored selection scrolled into view"
    );
    assert!(axis.scroll_width() > axis.client_width());
    let ms = markers(&m.root);
    assert_eq!(ms.len(), 1000);
    assert_eq!(tabbable(&m.root).len(), 1);
    ms[0].focus().unwrap();
    keydown(&ms[0], "End");
    yew::scheduler::flush().await;
    assert_eq!(tabbable(&m.root), vec![999]);
    let t2 = js_sys::Date::now();
    ms[500].click();
    yew::scheduler::flush().await;
    let t3 = js_sys::Date::now();
    assert_eq!(pressed(&m.root), vec![500]);
    console_log!(
        "timeline 1,000 events: mount+flush {:.0} ms, select+flush {:.0} ms",
        t1 - t0,
        t3 - t2
    );
    reset_hash();
}

#[wasm_bindgen_test]
async fn hashchange_from_outside_selects() {
    reset_hash();
    let m = mount(default_events(), "h", "", 800).await;
    assert_eq!(pressed(&m.root), vec![0]);
    // Wait for the event itself (no sleeping): a promise resolved by the
    // first hashchange, registered before ours fires.
    let fired = js_sys::Promise::new(&mut |resolve, _| {
        let opts = Object::new();
        Reflect::set(&opts, &"once".into(), &true.into()).unwrap();
        let add: Function = Reflect::get(&web_sys::window().unwrap(), &"addEventListener".into())
            .unwrap()
            .dyn_into()
            .unwrap();
        add.call3(
            &web_sys::window().unwrap(),
            &"hashchange".into(),
            &resolve,
            &opts,
        )
        .unwrap();
    });
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(&hash_set("", &hash_key("h"), Some("baku-2019-eyof")))
        .unwrap();
    wasm_bindgen_futures::JsFuture::from(fired).await.unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        text(&m.root, ".ms-tl-details h3"),
        "2019 European Youth Olympic Summer Festival"
    );
    assert_eq!(pressed(&m.root).len(), 1);
    reset_hash();
}

#[wasm_bindgen_test]
async fn focus_ring_is_drawn() {
    reset_hash();
    let m = mount(default_events(), "r", "", 800).await;
    let b = &markers(&m.root)[1];
    // `focusVisible: true` asks for the ring a keyboard user would get.
    let opts = Object::new();
    Reflect::set(&opts, &"focusVisible".into(), &true.into()).unwrap();
    let focus: Function = Reflect::get(b, &"focus".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    focus.call1(b, &opts).unwrap();
    if b.matches(":focus-visible").unwrap() {
        let w = web_sys::window().unwrap();
        let gcs: Function = Reflect::get(&w, &"getComputedStyle".into())
            .unwrap()
            .dyn_into()
            .unwrap();
        let style = gcs.call1(&w, b).unwrap();
        let prop = |name: &str| {
            Reflect::get(&style, &name.into())
                .unwrap()
                .as_string()
                .unwrap()
        };
        assert_eq!(prop("outlineStyle"), "solid");
        assert_eq!(prop("outlineWidth"), "3px");
    } else {
        console_log!("focus_ring_is_drawn: browser did not apply :focus-visible; skipped");
    }
}

fn date_from_days(z: i64) -> String {
    // Hinnant's civil_from_days, to build dates for the big test.
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// How many `[data-ms-style]` elements under `root` do not have those
/// custom properties in the CSSOM (after the microtask that copies them).
async fn unplaced(root: &Element) -> usize {
    // The MutationObserver that copies them runs in a microtask queued by
    // the render, before this promise's.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL))
        .await
        .unwrap();
    all(root, "[data-ms-style]")
        .iter()
        .filter(|e| {
            let decl = e.get_attribute("data-ms-style").unwrap();
            decl.split(';').any(|pair| {
                let (name, value) = pair.split_once(':').unwrap();
                e.style().get_property_value(name.trim()).unwrap() != value.trim()
            })
        })
        .count()
}

#[wasm_bindgen_test]
async fn markers_are_placed_again_after_the_events_go_and_come_back() {
    reset_hash();
    let mut m = mount(default_events(), "gone", "", 800).await;
    let props = |events: Vec<HostedEvent>| TimelineProps {
        events: Rc::new(events),
        lang: "".into(),
        instance: "gone".into(),
        container: NodeRef::default(),
    };
    let placed = |root: &Element| {
        root.query_selector(".ms-tl[data-ms-placed]")
            .unwrap()
            .is_some()
    };
    let n = default_events().len();
    assert_eq!(markers(&m.root).len(), n);
    assert!(placed(&m.root));
    assert_eq!(unplaced(&m.root).await, 0);
    // A refresh with no events, then with them again and one more.
    m.handle.as_mut().unwrap().update(props(Vec::new()));
    yew::scheduler::flush().await;
    assert_eq!(markers(&m.root).len(), 0);
    let mut more = default_events();
    more.push(event(
        "x",
        "Extra",
        "2016-05-01",
        "2016-05-02",
        EventCategory::Other,
    ));
    let others = more
        .iter()
        .filter(|e| e.category == EventCategory::Other)
        .count();
    m.handle.as_mut().unwrap().update(props(more));
    yew::scheduler::flush().await;
    assert_eq!(markers(&m.root).len(), n + 1);
    assert!(placed(&m.root));
    assert_eq!(unplaced(&m.root).await, 0);
    // A filter moves them all: placed again, by the observer.
    let other = m
        .root
        .query_selector("input[type=radio][value=other]")
        .unwrap();
    other.unwrap().dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!(markers(&m.root).len(), others);
    assert_eq!(unplaced(&m.root).await, 0);
    reset_hash();
}
