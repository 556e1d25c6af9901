//! Browser tests of the medal views: real components mounted into the page,
//! driven through DOM events, checked on the DOM. Expectations are computed
//! from the data file where possible, so a wrong widget cannot agree with
//! itself.
#![cfg(target_arch = "wasm32")]

use medal_summary::components::AppProps;
use medal_summary::data::model::{Dataset, TableRow, Tally};
use medal_summary::data::validate::Problem;
use medal_summary::embed::parse;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

mod common;
use common::{click, mount, q, qa, text};

wasm_bindgen_test_configure!(run_in_browser);

const DEFAULT: &str = include_str!("../www/data/aze-paris2024.json");

/// The default data's JSON, as a JS object to edit.
fn json() -> JsValue {
    js_sys::JSON::parse(DEFAULT).unwrap()
}

fn load(doc: &JsValue) -> (Dataset, Vec<Problem>) {
    let text = String::from(js_sys::JSON::stringify(doc).unwrap());
    let report = parse(&text);
    (report.dataset.expect("dataset"), report.problems)
}

fn props(data: Dataset, problems: Vec<Problem>) -> AppProps {
    AppProps {
        data: Rc::new(data),
        problems: Rc::new(problems),
        lang: "".into(),
        view: "".into(),
        ranking: Default::default(),
        instance: "".into(),
        src: "".into(),
    }
}

fn default_props() -> AppProps {
    let (d, p) = load(&json());
    props(d, p)
}

/// Dispatches a bubbling event built by the page's own constructor, e.g.
/// `new KeyboardEvent("keydown", {key, bubbles: true})`.
async fn fire(el: &Element, ctor: &str, kind: &str, init: &[(&str, JsValue)]) {
    let c: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &ctor.into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"bubbles".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&o, &"cancelable".into(), &true.into()).unwrap();
    for (k, v) in init {
        js_sys::Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    let args = js_sys::Array::of2(&kind.into(), &o);
    let ev: web_sys::Event = js_sys::Reflect::construct(&c, &args)
        .unwrap()
        .dyn_into()
        .unwrap();
    el.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
}

async fn key(el: &Element, k: &str) {
    fire(el, "KeyboardEvent", "keydown", &[("key", k.into())]).await;
}

async fn type_into(input: &Element, value: &str) {
    input
        .dyn_ref::<HtmlInputElement>()
        .unwrap()
        .set_value(value);
    fire(input, "InputEvent", "input", &[]).await;
}

async fn open_tab(root: &Element, view: &str) -> Element {
    click(&q(root, &format!("[role=tab][data-view={view}]"))).await;
    q(root, &format!("[role=tabpanel][data-view={view}]"))
}

fn row_codes(root: &Element) -> Vec<String> {
    qa(root, ".ms-table-view tbody tr")
        .iter()
        .map(|r| r.get_attribute("data-code").unwrap())
        .collect()
}

fn rank_cell(root: &Element, code: &str) -> String {
    text(&q(root, &format!("tr[data-code={code}] td:first-child")))
}

/// Ranked rows of the default data, as plain tuples, for independent expectations.
fn table_rows() -> Vec<TableRow> {
    let (d, _) = load(&json());
    d.table.valid().unwrap().clone()
}

/// Rank by an explicit key, computed here without the crate's ranking code:
/// 1 + the number of ranked rows with a strictly better key.
fn expected_rank(rows: &[TableRow], code: &str, key: impl Fn(&Tally) -> [u32; 4]) -> (u32, usize) {
    let me = rows.iter().find(|r| r.code == code).unwrap();
    let k = key(&me.tally);
    let better = rows
        .iter()
        .filter(|r| r.ranked && key(&r.tally) > k)
        .count();
    let same = rows
        .iter()
        .filter(|r| r.ranked && key(&r.tally) == k)
        .count();
    (better as u32 + 1, same)
}

fn gold_key(t: &Tally) -> [u32; 4] {
    [t.gold, t.silver, t.bronze, 0]
}

fn total_key(t: &Tally) -> [u32; 4] {
    [t.total(), t.gold, t.silver, t.bronze]
}

// ---------------------------------------------------------------- card

#[wasm_bindgen_test]
async fn card_shows_the_default_numbers_and_rank() {
    let root = mount(default_props()).await;
    assert_eq!(text(&q(&root, ".ms-country")), "Azerbaijan");
    assert_eq!(text(&q(&root, ".ms-games")), "Paris 2024");
    let count = |c: &str| text(&q(&root, &format!(".ms-tally .ms-{c} .ms-count")));
    assert_eq!(
        [
            count("gold"),
            count("silver"),
            count("bronze"),
            count("total")
        ],
        ["2", "2", "3", "7"]
    );
    // The colour is never the only cue: each count has its name and letter.
    assert_eq!(text(&q(&root, ".ms-tally .ms-gold .ms-label")), "Gold");
    assert_eq!(text(&q(&root, ".ms-tally .ms-bronze .ms-mark")), "B");
    assert_eq!(text(&q(&root, ".ms-rank-badge")), "=30");
    assert_eq!(
        text(&q(&root, ".ms-rank-text")),
        "30th of 91, shared with Croatia"
    );
}

#[wasm_bindgen_test]
async fn card_rank_follows_the_total_ranking() {
    let mut p = default_props();
    p.ranking = medal_summary::data::rank::RankBy::Total;
    let root = mount(p).await;
    let rows = table_rows();
    let (r, same) = expected_rank(&rows, "AZE", total_key);
    let want = if same > 1 {
        format!("={r}")
    } else {
        r.to_string()
    };
    assert_eq!(text(&q(&root, ".ms-rank-badge")), want);
    assert!(text(&q(&root, ".ms-rank-text")).contains(" of 91"));
}

#[wasm_bindgen_test]
async fn breakdown_chart_has_a_bar_per_sport_and_a_text_alternative() {
    let root = mount(default_props()).await;
    let (d, _) = load(&json());
    let sports: HashSet<&str> = d
        .medals
        .valid()
        .unwrap()
        .iter()
        .map(|m| m.sport.as_str())
        .collect();
    let svg = q(&root, ".ms-breakdown svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    for attr in ["aria-labelledby", "aria-describedby"] {
        let id = svg.get_attribute(attr).unwrap();
        assert!(
            !text(&q(&root, &format!("[id='{id}']"))).is_empty(),
            "{attr}"
        );
    }
    assert_eq!(qa(&svg, ".ms-bar").len(), 1 + sports.len());
    let alt = text(&q(&root, ".ms-breakdown .ms-sr-only"));
    assert!(
        alt.contains("All sports: 2 gold, 2 silver, and 3 bronze (7 in total)"),
        "{alt}"
    );
    assert!(alt.contains("Judo: 2 gold (2 in total)"), "{alt}");
    // Segment widths are proportional: the all-sports bar is 7 medals wide,
    // Judo's 2.
    let width = |sel: &str| -> f64 {
        qa(&svg, sel)
            .iter()
            .map(|r| r.get_attribute("width").unwrap().parse::<f64>().unwrap())
            .sum()
    };
    let all = width(".ms-bar-all rect");
    let bars = qa(&svg, ".ms-bar");
    let judo: f64 = qa(&bars[1], "rect")
        .iter()
        .map(|r| r.get_attribute("width").unwrap().parse::<f64>().unwrap())
        .sum();
    assert!((all / judo - 3.5).abs() < 0.01, "{all} vs {judo}");
}

// ---------------------------------------------------------------- tabs

#[wasm_bindgen_test]
async fn tabs_follow_the_apg_keyboard_pattern() {
    let root = mount(default_props()).await;
    let tabs = qa(&root, "[role=tab]");
    let views: Vec<String> = tabs
        .iter()
        .map(|t| t.get_attribute("data-view").unwrap())
        .collect();
    assert_eq!(views, ["card", "medalists", "table", "history", "timeline"]);
    let doc = web_sys::window().unwrap().document().unwrap();
    let state = || -> (String, String) {
        let sel = qa(&root, "[role=tab][aria-selected=true]");
        assert_eq!(sel.len(), 1);
        let roving: Vec<Element> = qa(&root, "[role=tab][tabindex='0']");
        assert_eq!(roving.len(), 1);
        assert_eq!(roving[0], sel[0]);
        let panel_id = sel[0].get_attribute("aria-controls").unwrap();
        let panel = q(&root, &format!("[id='{panel_id}']"));
        assert_eq!(panel.get_attribute("role").as_deref(), Some("tabpanel"));
        assert!(!panel.has_attribute("hidden"));
        assert_eq!(panel.get_attribute("aria-labelledby"), Some(sel[0].id()));
        assert_eq!(qa(&root, "[role=tabpanel]:not([hidden])").len(), 1);
        let active = doc.active_element().map(|e| e.id()).unwrap_or_default();
        (sel[0].get_attribute("data-view").unwrap(), active)
    };
    tabs[0].dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    let (v, _) = state();
    assert_eq!(v, "card");
    let list = q(&root, "[role=tablist]");
    for (k, want) in [
        ("ArrowLeft", "timeline"),
        ("ArrowRight", "card"),
        ("ArrowRight", "medalists"),
        ("End", "timeline"),
        ("Home", "card"),
        ("ArrowRight", "medalists"),
        ("ArrowRight", "table"),
        ("ArrowLeft", "medalists"),
    ] {
        let focused = doc.active_element().unwrap();
        assert!(list.contains(Some(&focused)), "focus left the tab list");
        key(&focused, k).await;
        let (v, active) = state();
        assert_eq!(v, want, "after {k}");
        assert_eq!(
            active,
            q(&root, &format!("[role=tab][data-view={want}]")).id(),
            "focus after {k}"
        );
    }
    // Other keys are left alone.
    key(&doc.active_element().unwrap(), "a").await;
    assert_eq!(state().0, "medalists");
}

#[wasm_bindgen_test]
async fn two_widgets_never_share_an_id() {
    let mut a = default_props();
    a.instance = "w1".into();
    let mut b = default_props();
    b.instance = "w2".into();
    let ra = mount(a).await;
    let rb = mount(b).await;
    // Visit every panel so all views are in the DOM.
    for root in [&ra, &rb] {
        for v in ["medalists", "table", "history", "timeline", "card"] {
            open_tab(root, v).await;
        }
    }
    let mut seen = HashSet::new();
    for root in [&ra, &rb] {
        for el in qa(root, "[id]") {
            assert!(seen.insert(el.id()), "duplicate id {}", el.id());
        }
        // Every id reference points at something in the same widget.
        for attr in [
            "aria-controls",
            "aria-labelledby",
            "aria-describedby",
            "for",
        ] {
            for el in qa(root, &format!("[{attr}]")) {
                for id in el.get_attribute(attr).unwrap().split_whitespace() {
                    assert!(
                        root.query_selector(&format!("[id='{id}']"))
                            .unwrap()
                            .is_some(),
                        "{attr}={id}"
                    );
                }
            }
        }
    }
}

#[wasm_bindgen_test]
async fn initial_view_comes_from_props() {
    let mut p = default_props();
    p.view = "history".into();
    let root = mount(p).await;
    let sel = q(&root, "[role=tab][aria-selected=true]");
    assert_eq!(sel.get_attribute("data-view").as_deref(), Some("history"));
    assert!(root.query_selector(".ms-history").unwrap().is_some());
}

// ---------------------------------------------------------------- medal table

#[wasm_bindgen_test]
async fn table_lists_every_row_with_ain_last_and_unranked() {
    let root = mount(default_props()).await;
    open_tab(&root, "table").await;
    let codes = row_codes(&root);
    let rows = table_rows();
    assert_eq!(codes.len(), rows.len());
    let unique: HashSet<&String> = codes.iter().collect();
    assert_eq!(unique.len(), codes.len());
    assert_eq!(codes.last().map(String::as_str), Some("AIN"));
    assert_eq!(rank_cell(&root, "AIN"), "unranked");
    // Gold-first ties: Azerbaijan and Croatia share 30th.
    assert_eq!(rank_cell(&root, "AZE"), "=30");
    assert_eq!(rank_cell(&root, "CRO"), "=30");
    let featured = qa(&root, "tr.ms-featured");
    assert_eq!(featured.len(), 1);
    assert_eq!(
        featured[0].get_attribute("data-code").as_deref(),
        Some("AZE")
    );
    assert!(text(&featured[0]).contains("(featured)"));
    // Every ranked row's label agrees with an independent computation.
    for r in rows.iter().filter(|r| r.ranked) {
        let (rank, same) = expected_rank(&rows, &r.code, gold_key);
        let want = if same > 1 {
            format!("={rank}")
        } else {
            rank.to_string()
        };
        assert_eq!(rank_cell(&root, &r.code), want, "{}", r.code);
    }
}

#[wasm_bindgen_test]
async fn table_sorts_every_column_both_ways() {
    let root = mount(default_props()).await;
    open_tab(&root, "table").await;
    let rows = table_rows();
    // Ranking order (gold first), which breaks ties in every column.
    let mut order: Vec<&TableRow> = rows.iter().collect();
    order.sort_by(|a, b| {
        b.ranked
            .cmp(&a.ranked)
            .then(gold_key(&b.tally).cmp(&gold_key(&a.tally)))
            .then(a.code.cmp(&b.code))
    });
    let first_by = |f: &dyn Fn(&TableRow) -> u32, desc: bool| -> String {
        let best = order
            .iter()
            .map(|r| f(r))
            .fold(if desc { 0 } else { u32::MAX }, |m, v| {
                if desc {
                    m.max(v)
                } else {
                    m.min(v)
                }
            });
        order.iter().find(|r| f(r) == best).unwrap().code.clone()
    };
    let locale_first = |desc: bool| -> String {
        let mut names: Vec<&TableRow> = rows.iter().collect();
        names.sort_by(|a, b| {
            let c = js_sys::JsString::from(a.name.as_str()).locale_compare(
                &b.name,
                &js_sys::Array::of1(&"en".into()),
                &js_sys::Object::new(),
            );
            let o = c.cmp(&0);
            if desc {
                o.reverse()
            } else {
                o
            }
        });
        names[0].code.clone()
    };
    type Getter = fn(&TableRow) -> u32;
    let cols: [(&str, Option<Getter>); 5] = [
        ("gold", Some(|r| r.tally.gold)),
        ("silver", Some(|r| r.tally.silver)),
        ("bronze", Some(|r| r.tally.bronze)),
        ("total", Some(|r| r.tally.total())),
        ("name", None),
    ];
    let check_sort = |col: &str, dir: &str| {
        let sorted = qa(&root, ".ms-table-view th[aria-sort]");
        assert_eq!(sorted.len(), 1, "aria-sort on one column only");
        assert_eq!(sorted[0].get_attribute("data-col").as_deref(), Some(col));
        assert_eq!(
            sorted[0].get_attribute("aria-sort").as_deref(),
            Some(dir),
            "{col}"
        );
    };
    check_sort("rank", "ascending");
    for (col, get) in cols {
        let btn = q(&root, &format!(".ms-table-view th[data-col={col}] button"));
        click(&btn).await;
        let (first_dir, second_dir) = if get.is_some() {
            ("descending", "ascending")
        } else {
            ("ascending", "descending")
        };
        check_sort(col, first_dir);
        let want = match get {
            Some(f) => first_by(&f, true),
            None => locale_first(false),
        };
        assert_eq!(row_codes(&root)[0], want, "{col} {first_dir}");
        click(&btn).await;
        check_sort(col, second_dir);
        let want = match get {
            Some(f) => first_by(&f, false),
            None => locale_first(true),
        };
        assert_eq!(row_codes(&root)[0], want, "{col} {second_dir}");
    }
    // Rank, descending: the worst-ranked team first, unranked still last.
    let rank_btn = q(&root, ".ms-table-view th[data-col=rank] button");
    click(&rank_btn).await;
    check_sort("rank", "ascending");
    assert_eq!(row_codes(&root)[0], order[0].code);
    click(&rank_btn).await;
    check_sort("rank", "descending");
    let codes = row_codes(&root);
    let worst = rows
        .iter()
        .filter(|r| r.ranked)
        .map(|r| expected_rank(&rows, &r.code, gold_key).0)
        .max()
        .unwrap();
    assert_eq!(
        rank_cell(&root, &codes[0]).trim_start_matches('='),
        worst.to_string()
    );
    assert_eq!(codes.last().map(String::as_str), Some("AIN"));
}

#[wasm_bindgen_test]
async fn total_ranking_recomputes_ties() {
    let root = mount(default_props()).await;
    open_tab(&root, "table").await;
    click(&q(&root, "input[type=radio][value=total]")).await;
    let rows = table_rows();
    // Check every ranked row, and that at least one tie exists to check.
    let mut ties = 0;
    for r in rows.iter().filter(|r| r.ranked) {
        let (rank, same) = expected_rank(&rows, &r.code, total_key);
        let want = if same > 1 {
            ties += 1;
            format!("={rank}")
        } else {
            rank.to_string()
        };
        assert_eq!(rank_cell(&root, &r.code), want, "{}", r.code);
    }
    assert!(ties > 0, "the default data has ties under total ranking");
    assert_eq!(row_codes(&root).last().map(String::as_str), Some("AIN"));
    // The card follows the switch.
    open_tab(&root, "card").await;
    let (rank, same) = expected_rank(&rows, "AZE", total_key);
    let badge = text(&q(&root, ".ms-rank-badge"));
    assert_eq!(badge.trim_start_matches('='), rank.to_string());
    assert_eq!(badge.starts_with('='), same > 1);
    assert_eq!(text(&q(&root, ".ms-rank-basis")), "Ranked by total medals");
    // And back.
    open_tab(&root, "table").await;
    click(&q(&root, "input[type=radio][value=gold]")).await;
    assert_eq!(rank_cell(&root, "AZE"), "=30");
}

#[wasm_bindgen_test]
async fn search_filters_by_name_or_code() {
    let root = mount(default_props()).await;
    open_tab(&root, "table").await;
    let input = q(&root, ".ms-table-view input[type=search]");
    // Labelled by a real <label for>.
    let label = q(&root, &format!("label[for='{}']", input.id()));
    assert_eq!(text(&label), "Find a team");
    type_into(&input, "cro").await;
    assert_eq!(row_codes(&root), ["CRO"]);
    type_into(&input, "AZE").await;
    assert_eq!(row_codes(&root), ["AZE"]);
    type_into(&input, "neutral").await;
    assert_eq!(row_codes(&root), ["AIN"]);
    type_into(&input, "zzzz").await;
    assert!(row_codes(&root).is_empty());
    assert_eq!(
        text(&q(&root, ".ms-table-view .ms-shown")),
        "No team matches."
    );
    type_into(&input, "").await;
    assert_eq!(row_codes(&root).len(), table_rows().len());
}

#[wasm_bindgen_test]
async fn show_country_scrolls_the_table_box_only() {
    let root = mount(default_props()).await;
    open_tab(&root, "table").await;
    let input = q(&root, ".ms-table-view input[type=search]");
    type_into(&input, "united").await;
    let scroller = q(&root, ".ms-table-view .ms-table-scroll");
    // No stylesheet in this page: give the box a height so it scrolls.
    scroller
        .set_attribute("style", "max-height: 160px; overflow: auto")
        .unwrap();
    let show = q(&root, ".ms-table-view .ms-show");
    assert_eq!(text(&show), "Show Azerbaijan");
    click(&show).await;
    assert_eq!(
        input.dyn_ref::<HtmlInputElement>().unwrap().value(),
        "",
        "search cleared"
    );
    assert!(scroller.scroll_top() > 0, "the box scrolled");
    let row = q(&root, "tr.ms-featured").get_bounding_client_rect();
    let boxr = scroller.get_bounding_client_rect();
    assert!(
        row.top() >= boxr.top() - 1.0 && row.bottom() <= boxr.bottom() + 1.0,
        "row visible"
    );
}

#[wasm_bindgen_test]
async fn large_tables_still_sort_and_filter() {
    let (mut d, p) = load(&json());
    let mut rows = Vec::with_capacity(10_000);
    for i in 0..10_000u32 {
        rows.push(TableRow {
            code: format!("T{i:04}"),
            name: format!("Team {i}"),
            tally: Tally {
                gold: i % 50,
                silver: i % 7,
                bronze: i % 11,
            },
            rank: None,
            ranked: true,
        });
    }
    rows.push(
        d.table
            .valid()
            .unwrap()
            .iter()
            .find(|r| r.code == "AZE")
            .unwrap()
            .clone(),
    );
    d.table = medal_summary::data::model::Section::Valid(rows);
    let mut pr = props(d, p);
    pr.view = "table".into();
    let root = mount(pr).await;
    assert_eq!(row_codes(&root).len(), 10_001);
    type_into(&q(&root, ".ms-table-view input[type=search]"), "t0049").await;
    assert_eq!(row_codes(&root), ["T0049"]);
    type_into(&q(&root, ".ms-table-view input[type=search]"), "").await;
    click(&q(&root, ".ms-table-view th[data-col=silver] button")).await;
    let first = row_codes(&root)[0].clone();
    assert_eq!(
        text(&q(
            &root,
            &format!("tr[data-code={first}] td:nth-of-type(4)")
        )),
        "6"
    );
}

// ---------------------------------------------------------------- medallists

#[wasm_bindgen_test]
async fn medalists_group_by_sport_and_filter_by_colour() {
    let root = mount(default_props()).await;
    let panel = open_tab(&root, "medalists").await;
    let (d, _) = load(&json());
    let medals = d.medals.valid().unwrap().clone();
    let items = || qa(&panel, ".ms-medalist");
    assert_eq!(items().len(), medals.len());
    let sports: HashSet<String> = medals.iter().map(|m| m.sport.clone()).collect();
    let headings: Vec<String> = qa(&panel, ".ms-sport-name").iter().map(text).collect();
    assert_eq!(headings.len(), sports.len());
    assert!(headings.iter().all(|h| sports.contains(h)));
    let judo = items()
        .into_iter()
        .find(|li| text(li).contains("Hidayat Heydarov"))
        .unwrap();
    assert_eq!(
        q(&judo, "time").get_attribute("datetime").as_deref(),
        Some("2024-07-29")
    );
    assert_eq!(text(&q(&judo, "time")), "July 29, 2024");
    assert_eq!(text(&q(&judo, ".ms-event")), "Men -73 kg");
    assert_eq!(text(&q(&judo, ".ms-medalist-kind")), "Gold");

    let buttons = qa(&panel, ".ms-filter button");
    assert_eq!(buttons.len(), 4);
    for (i, kind) in [(1, "gold"), (2, "silver"), (3, "bronze"), (0, "")] {
        click(&buttons[i]).await;
        let pressed: Vec<usize> = buttons
            .iter()
            .enumerate()
            .filter(|(_, b)| b.get_attribute("aria-pressed").as_deref() == Some("true"))
            .map(|(j, _)| j)
            .collect();
        assert_eq!(pressed, [i]);
        let want = medals
            .iter()
            .filter(|m| kind.is_empty() || m.medal.as_str() == kind)
            .count();
        assert_eq!(items().len(), want, "{kind}");
        assert!(items().iter().all(|li| kind.is_empty()
            || li
                .get_attribute("class")
                .unwrap_or_default()
                .split_whitespace()
                .any(|c| c == format!("ms-{kind}"))));
        assert_eq!(text(&q(&panel, ".ms-shown")), format!("{want} shown"));
    }
}

// ---------------------------------------------------------------- history

#[wasm_bindgen_test]
async fn history_chart_and_table_show_the_same_numbers() {
    let root = mount(default_props()).await;
    let panel = open_tab(&root, "history").await;
    let (d, _) = load(&json());
    let hist = d.history.valid().unwrap().clone();
    let svg = q(&panel, "svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(qa(&svg, ".ms-column").len(), hist.len());
    let body_rows = qa(&panel, "tbody tr");
    assert_eq!(body_rows.len(), hist.len());
    assert_eq!(qa(&panel, "thead th[scope=col]").len(), 6);
    for e in &hist {
        let k = format!("{}-{}", e.year, e.season.as_str());
        let tr = q(&panel, &format!("tr[data-key='{k}']"));
        let cells: Vec<String> = qa(&tr, "td").iter().map(text).collect();
        assert_eq!(cells[0], e.tally.gold.to_string());
        assert_eq!(cells[1], e.tally.silver.to_string());
        assert_eq!(cells[2], e.tally.bronze.to_string());
        assert_eq!(cells[3], e.tally.total().to_string());
        match e.rank {
            Some(r) => assert!(cells[4].starts_with(&r.to_string()), "{k}: {}", cells[4]),
            None => assert!(cells[4].starts_with('–'), "{k}: {}", cells[4]),
        }
        // The chart column's total label matches.
        let col = q(&svg, &format!(".ms-column[data-key='{k}']"));
        assert_eq!(text(&q(&col, ".ms-bar-total")), e.tally.total().to_string());
        let heights: f64 = qa(&col, "rect")
            .iter()
            .map(|r| r.get_attribute("height").unwrap().parse::<f64>().unwrap())
            .sum();
        assert_eq!(heights > 0.0, e.tally.total() > 0);
    }
    let noted = hist.iter().filter(|e| e.rank_note.is_some()).count();
    assert_eq!(qa(&panel, ".ms-notes li").len(), noted);
    let e2012 = hist.iter().find(|e| e.year == 2012).unwrap();
    let cell = q(&panel, "tr[data-key='2012-summer'] td.ms-col-rank");
    let note_id = cell.get_attribute("aria-describedby").unwrap();
    assert!(text(&q(&panel, &format!("[id='{note_id}']")))
        .contains(e2012.rank_note.as_deref().unwrap()));
    assert_eq!(
        text(&q(&panel, "tr[data-key='2024-summer'] th")),
        "Paris 2024"
    );
}

// ---------------------------------------------------------------- missing and invalid sections

#[wasm_bindgen_test]
async fn no_table_means_no_table_tab_and_no_rank() {
    let doc = json();
    js_sys::Reflect::delete_property(doc.unchecked_ref::<js_sys::Object>(), &"table".into())
        .unwrap();
    let (d, p) = load(&doc);
    let root = mount(props(d, p)).await;
    assert!(root
        .query_selector("[role=tab][data-view=table]")
        .unwrap()
        .is_none());
    assert!(root.query_selector(".ms-rank").unwrap().is_none());
    assert!(root.query_selector(".ms-rank-badge").unwrap().is_none());
    // Counts now come from the medals list.
    assert_eq!(text(&q(&root, ".ms-tally .ms-total .ms-count")), "7");
    assert_eq!(text(&q(&root, ".ms-tally .ms-bronze .ms-count")), "3");
}

#[wasm_bindgen_test]
async fn minimal_data_offers_only_what_it_has() {
    let report = parse(include_str!("../www/data/minimal.json"));
    let root = mount(props(report.dataset.unwrap(), report.problems)).await;
    let views: Vec<String> = qa(&root, "[role=tab]")
        .iter()
        .map(|t| t.get_attribute("data-view").unwrap())
        .collect();
    assert_eq!(views, ["card", "medalists"]);
    assert!(root.query_selector(".ms-rank").unwrap().is_none());
    assert_eq!(text(&q(&root, ".ms-country")), "Azerbaijan");
}

#[wasm_bindgen_test]
async fn without_games_the_card_still_shows_the_country() {
    let doc = json();
    js_sys::Reflect::delete_property(doc.unchecked_ref::<js_sys::Object>(), &"games".into())
        .unwrap();
    let (d, p) = load(&doc);
    let root = mount(props(d, p)).await;
    assert_eq!(text(&q(&root, ".ms-country")), "Azerbaijan");
    assert!(root.query_selector(".ms-games").unwrap().is_none());
    assert_eq!(text(&q(&root, ".ms-rank-badge")), "=30");
}

#[wasm_bindgen_test]
async fn an_invalid_table_keeps_its_tab_and_shows_why() {
    let doc = json();
    let table = js_sys::Reflect::get(&doc, &"table".into()).unwrap();
    let row0 = js_sys::Reflect::get(&table, &0.into()).unwrap();
    js_sys::Reflect::set(&row0, &"gold".into(), &"forty".into()).unwrap();
    let (d, p) = load(&doc);
    assert!(matches!(
        d.table,
        medal_summary::data::model::Section::Invalid
    ));
    let root = mount(props(d, p.clone())).await;
    let tab = q(&root, "[role=tab][data-view=table]");
    let panel = open_tab(&root, "table").await;
    assert_eq!(tab.get_attribute("aria-selected").as_deref(), Some("true"));
    let alert = q(&panel, "[role=alert]");
    let msg = text(&alert);
    let expected: Vec<String> = p
        .iter()
        .filter(|x| x.path.starts_with("table["))
        .map(|x| x.to_string())
        .collect();
    assert!(!expected.is_empty());
    for e in &expected {
        assert!(msg.contains(e.as_str()), "{msg} lacks {e}");
    }
    assert!(msg.contains("table[0].gold"), "{msg}");
    assert!(panel.query_selector("table").unwrap().is_none());
    // No valid table: the card shows no rank.
    open_tab(&root, "card").await;
    assert!(root.query_selector(".ms-rank-badge").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_invalid_medals_list_shows_its_problems_in_place() {
    let doc = json();
    let medals = js_sys::Reflect::get(&doc, &"medals".into()).unwrap();
    let m0 = js_sys::Reflect::get(&medals, &0.into()).unwrap();
    js_sys::Reflect::set(&m0, &"medal".into(), &"platinum".into()).unwrap();
    let (d, p) = load(&doc);
    let root = mount(props(d, p)).await;
    let panel = open_tab(&root, "medalists").await;
    assert!(text(&q(&panel, "[role=alert]")).contains("medals[0].medal"));
    // Table still valid: the card keeps its counts and rank.
    open_tab(&root, "card").await;
    assert_eq!(text(&q(&root, ".ms-rank-badge")), "=30");
}

/// The class of the element each `MutationRecord` in `records` is about.
fn record_targets(records: &JsValue, into: &mut Vec<String>) {
    let records: js_sys::Array = records.clone().unchecked_into();
    for r in records.iter() {
        let target = js_sys::Reflect::get(&r, &"target".into()).unwrap();
        if let Some(el) = target.dyn_ref::<Element>() {
            into.push(el.class_name());
        }
    }
}

/// A timeline shown first draws its markers in its first render, placed:
/// it measures its panel before that render, so no second render adds
/// them (which cost a task more, ~50 ms on a phone's slower CPU, and let
/// frames in between show the timeline unplaced), and their positions are
/// in the CSSOM once the render's microtasks have run. A section drawn
/// twice gets `data-ms-placed` from its second render, after it is in the
/// page, which an observer of that attribute sees; drawn once, it comes in
/// with it.
#[wasm_bindgen_test]
async fn a_timeline_shown_first_draws_its_markers_in_its_first_render() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let changed = Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(JsValue)>::new({
        let changed = changed.clone();
        move |records: JsValue| record_targets(&records, &mut changed.borrow_mut())
    });
    let ctor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"MutationObserver".into())
            .unwrap()
            .unchecked_into();
    let observer =
        js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(callback.as_ref())).unwrap();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"subtree".into(), &true.into()).unwrap();
    js_sys::Reflect::set(
        &options,
        &"attributeFilter".into(),
        &js_sys::Array::of1(&"data-ms-placed".into()),
    )
    .unwrap();
    let call = |name: &str, args: &js_sys::Array| {
        let f: js_sys::Function = js_sys::Reflect::get(&observer, &name.into())
            .unwrap()
            .unchecked_into();
        f.apply(&observer, args).unwrap()
    };
    call("observe", &js_sys::Array::of2(&host, &options));

    let mut p = default_props();
    p.view = "timeline".into();
    let handle =
        yew::Renderer::<medal_summary::components::App>::with_root_and_props(host.clone(), p)
            .render();
    yew::scheduler::flush().await;
    record_targets(
        &call("takeRecords", &js_sys::Array::new()),
        &mut changed.borrow_mut(),
    );
    call("disconnect", &js_sys::Array::new());

    assert_eq!(qa(&host, ".ms-tl-marker").len(), hosted_count());
    assert!(q(&host, ".ms-tl").has_attribute("data-ms-placed"));
    let changed = changed.borrow();
    assert!(
        changed.is_empty(),
        "data-ms-placed set on a section already in the page, by a second render: {changed:?}"
    );
    assert_positions_copied(&host);
    handle.destroy();
    host.remove();
}

/// Every `data-ms-style` under `root` is in its element's CSSOM.
fn assert_positions_copied(root: &Element) {
    for el in qa(root, "[data-ms-style]") {
        let decl = el.get_attribute("data-ms-style").unwrap();
        let style = el.dyn_ref::<HtmlElement>().unwrap().style();
        for (name, value) in decl.split(';').filter_map(|pair| pair.split_once(':')) {
            assert_eq!(
                style.get_property_value(name.trim()).unwrap(),
                value.trim(),
                "{decl}"
            );
        }
    }
}

/// Resolves after the microtasks queued before it: a `MutationObserver`'s
/// callback for the changes made so far has run by then.
async fn microtasks() {
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL))
        .await
        .unwrap();
}

/// The observer a timeline drawn in one render sets on its panel copies
/// only what a render changed: a new selection redraws the details (other
/// facts, no link), not the markers, whose positions stay as they are; a
/// filter, which moves them, has them all copied again.
#[wasm_bindgen_test]
async fn a_selection_leaves_the_markers_positions_alone_and_a_filter_moves_them() {
    let mut p = default_props();
    p.view = "timeline".into();
    let host = mount(p).await;
    let first = q(&host, ".ms-tl-item");
    // A stand-in value, overwritten only if every position is copied again.
    let style = first.dyn_ref::<HtmlElement>().unwrap().style();
    style.set_property("--x", "12.5%").unwrap();
    let title = text(&q(&host, ".ms-tl-details h3"));
    let facts = qa(&host, ".ms-tl-fact").len();
    let other = qa(&host, ".ms-tl-marker")
        .into_iter()
        .find(|m| m.get_attribute("aria-pressed").as_deref() == Some("false"))
        .unwrap();
    click(&other).await;
    microtasks().await;
    assert_ne!(text(&q(&host, ".ms-tl-details h3")), title);
    assert_ne!(
        qa(&host, ".ms-tl-fact").len(),
        facts,
        "the test needs details that change shape"
    );
    assert_eq!(style.get_property_value("--x").unwrap(), "12.5%");

    let filters = qa(&host, ".ms-tl-filter input");
    click(&filters[1]).await;
    microtasks().await;
    assert!(qa(&host, ".ms-tl-item").len() < hosted_count());
    assert_positions_copied(&host);
}

/// How many hosted events the default data has.
fn hosted_count() -> usize {
    let hosted = js_sys::Reflect::get(&json(), &"hosted".into()).unwrap();
    js_sys::Array::from(&hosted).length() as usize
}

/// `date` (UTC) as the browser's `Intl` writes a long date in `lang`.
fn intl_long_date(lang: &str, y: u32, m: u32, d: u32) -> String {
    let f = js_sys::Function::new_with_args(
        "lang, y, m, d",
        "return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));",
    );
    let args = js_sys::Array::of4(&lang.into(), &y.into(), &m.into(), &d.into());
    f.apply(&JsValue::NULL, &args).unwrap().as_string().unwrap()
}

fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &k.into()).unwrap()
}

#[wasm_bindgen_test]
async fn credits_give_the_datas_date_and_every_source_it_cites() {
    let doc = json();
    let sources = js_sys::Array::from(&get(&doc, "sources"));
    assert!(
        sources.length() >= 5,
        "the test needs the default data's sources"
    );
    let as_of = get(&doc, "as_of").as_string().unwrap();
    let (y, m, d) = (&as_of[..4], &as_of[5..7], &as_of[8..10]);
    let date = intl_long_date(
        "en",
        y.parse().unwrap(),
        m.parse().unwrap(),
        d.parse().unwrap(),
    );
    let root = mount(default_props()).await;

    assert_eq!(
        text(&q(&root, ".ms-credits .ms-asof")),
        format!("Data as of {date}")
    );
    assert_eq!(
        text(&q(&root, ".ms-sources > summary")),
        format!("Sources ({})", sources.length())
    );
    let items = qa(&root, ".ms-sources li");
    assert_eq!(items.len(), sources.length() as usize);
    for (li, s) in items.iter().zip(sources.iter()) {
        assert_eq!(text(li), get(&s, "label").as_string().unwrap());
        match get(&s, "url").as_string() {
            Some(url) => {
                let a = q(li, "a");
                assert_eq!(a.get_attribute("href").as_deref(), Some(url.as_str()));
                assert_eq!(
                    a.get_attribute("rel").as_deref(),
                    Some("noopener noreferrer")
                );
                assert_eq!(a.get_attribute("target").as_deref(), Some("_blank"));
            }
            None => assert!(qa(li, "a").is_empty(), "{}", text(li)),
        }
    }
    // Closed until the reader opens it; no script needed to open it.
    let details = q(&root, ".ms-sources");
    assert!(!details.has_attribute("open"));
    click(&q(&root, ".ms-sources > summary")).await;
    assert!(details.has_attribute("open"));
}

#[wasm_bindgen_test]
async fn credits_keep_the_datas_own_time_and_zone_and_drop_unsafe_links() {
    let doc = json();
    js_sys::Reflect::set(&doc, &"as_of".into(), &"2024-08-19T14:05:30+04:00".into()).unwrap();
    let sources = js_sys::Array::from(&get(&doc, "sources"));
    let n = sources.length();
    js_sys::Reflect::set(
        &sources.get(0),
        &"url".into(),
        &"javascript:alert(1)".into(),
    )
    .unwrap();
    let (data, problems) = load(&doc);
    assert!(
        problems.iter().any(|p| p.path == "sources[0].url"),
        "validation reports the unsafe link"
    );
    let mut p = props(data, problems);
    p.lang = "fr".into();
    let root = mount(p).await;
    let date = intl_long_date("fr", 2024, 8, 19);
    assert_eq!(
        text(&q(&root, ".ms-asof")),
        format!("Données au {date}, 14:05 UTC+04:00")
    );
    assert_eq!(
        text(&q(&root, ".ms-sources > summary")),
        format!("Sources ({})", n - 1)
    );
    assert_eq!(qa(&root, ".ms-sources li").len(), (n - 1) as usize);
    for a in qa(&root, ".ms-sources a") {
        let href = a.get_attribute("href").unwrap();
        assert!(
            href.starts_with("https://") || href.starts_with("http://"),
            "{href}"
        );
    }
}

#[wasm_bindgen_test]
async fn no_credits_when_the_data_gives_no_date_and_no_source() {
    let doc = json();
    js_sys::Reflect::delete_property(&doc.clone().into(), &"as_of".into()).unwrap();
    js_sys::Reflect::delete_property(&doc.clone().into(), &"sources".into()).unwrap();
    let (data, problems) = load(&doc);
    let root = mount(props(data, problems)).await;
    assert!(qa(&root, ".ms-credits").is_empty());
    assert!(
        !qa(&root, ".ms-actions").is_empty(),
        "the rest is still there"
    );
}

#[wasm_bindgen_test]
async fn a_view_picked_from_a_frame_scrolled_past_the_tabs_starts_at_the_tabs() {
    // The widget's scroll frame, as the element gives it: fixed height.
    let frame = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("div")
        .unwrap();
    frame.set_class_name("ms-root");
    frame
        .set_attribute(
            "style",
            "height: 300px; overflow: auto; width: 360px; padding-top: 100px",
        )
        .unwrap();
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap()
        .append_child(&frame)
        .unwrap();
    let mut p = default_props();
    p.view = "table".into();
    let handle =
        yew::Renderer::<medal_summary::components::App>::with_root_and_props(frame.clone(), p)
            .render();
    yew::scheduler::flush().await;
    let tabs = q(&frame, "[role=tablist]");
    let top = |el: &Element| el.get_bounding_client_rect().top();

    // Down the table, tabs out of sight; then another view.
    frame.set_scroll_top(2000);
    assert!(
        top(&tabs) < top(&frame) - 50.0,
        "the test needs the tabs scrolled away"
    );
    click(&q(&frame, "[role=tab][data-view=medalists]")).await;
    assert!(
        (top(&tabs) - top(&frame)).abs() < 1.0,
        "tabs at {} against the frame's {}",
        top(&tabs),
        top(&frame)
    );

    // With the tabs in sight (100 px down the frame), picking a view scrolls nothing.
    frame.set_scroll_top(60);
    let before = frame.scroll_top();
    click(&q(&frame, "[role=tab][data-view=card]")).await;
    assert_eq!(frame.scroll_top(), before);
    handle.destroy();
    frame.remove();
}
