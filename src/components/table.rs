//! The full medal table: sortable columns (APG sortable table), a search
//! box, the gold-first / total switch and a control that brings the featured
//! row into view, inside the table's box and the widget's frame.
//!
//! Built for large tables: rows are `Rc`s made once per ranking, sorting and
//! filtering reorder those same `Rc`s, and each row is a component whose
//! props compare by pointer first, so a sort or a keystroke re-renders no
//! unchanged row.

use super::i18n::{tr, trf, Msg};
use super::intl::{self, collation_ranks, fold, format_count};
use super::medals::{kind_msg, mark};
use super::Shared;
use crate::data::model::{Dataset, MedalKind, Tally};
use crate::data::order::sorted_indices;
use crate::data::rank::{Placing, RankBy};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;
use yew::virtual_dom::Key;

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Col {
    /// Rank (the ranking's order).
    Rank,
    /// Team name, in the language's collation.
    Name,
    /// A medal colour.
    Medal(MedalKind),
    /// Total medals.
    Total,
}

impl Col {
    /// The direction a first click sorts in: best first for counts, A–Z and
    /// 1–n otherwise.
    pub fn default_dir(self) -> Dir {
        match self {
            Col::Rank | Col::Name => Dir::Asc,
            Col::Medal(_) | Col::Total => Dir::Desc,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Col::Rank => "rank",
            Col::Name => "name",
            Col::Medal(k) => k.as_str(),
            Col::Total => "total",
        }
    }
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dir {
    /// Smallest first.
    Asc,
    /// Largest first.
    Desc,
}

impl Dir {
    fn aria(self) -> &'static str {
        match self {
            Dir::Asc => "ascending",
            Dir::Desc => "descending",
        }
    }
}

/// One row as shown, built once per ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowData {
    /// IOC code.
    pub code: String,
    /// The row's list key, the code, made once: a render of the 206-row
    /// table then allocates no key.
    pub key: Key,
    /// Team name.
    pub name: String,
    /// Medal counts.
    pub tally: Tally,
    /// Rank label ("=30"; empty when unranked).
    pub label: String,
    /// Whether the team takes a rank.
    pub ranked: bool,
    /// Position in the ranking's order (the rank sort and every tie-break).
    pub order: usize,
    /// Folded name for search.
    pub search: String,
}

/// Rows in ranking order.
pub fn build_rows(data: &Dataset, placings: &[Placing]) -> Vec<Rc<RowData>> {
    let Some(rows) = data.table.valid() else {
        return Vec::new();
    };
    placings
        .iter()
        .enumerate()
        .map(|(order, p)| {
            let r = &rows[p.row];
            Rc::new(RowData {
                code: r.code.clone(),
                key: Key::from(r.code.as_str()),
                name: r.name.clone(),
                tally: r.tally,
                label: p.label(),
                ranked: p.rank.is_some(),
                order,
                search: fold(&r.name),
            })
        })
        .collect()
}

/// Whether a row matches a folded query: its code starts with it, or a word
/// of its name does ("cro" finds Croatia, not Micronesia).
pub fn matches(row: &RowData, q: &str) -> bool {
    if q.is_empty() {
        return true;
    }
    // Codes are validated as three ASCII capitals: no Unicode case tables.
    let code = row.code.as_bytes();
    if code.len() >= q.len() && code[..q.len()].eq_ignore_ascii_case(q.as_bytes()) {
        return true;
    }
    row.search
        .match_indices(q)
        .any(|(i, _)| i == 0 || row.search[..i].chars().next_back().is_some_and(separates))
}

/// Whether `c` ends a word in a folded name: anything but a letter or a
/// digit, as `!char::is_alphanumeric` decides for ASCII, Latin-1 and the
/// General Punctuation block; any other character counts as a letter
/// (names in any script). Unicode's alphabetic and numeric tables cost
/// the wasm build 1.9 KB gzip for this one test.
pub fn separates(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_alphanumeric();
    }
    matches!(c, '\u{80}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{206f}')
        && !matches!(
            c,
            '\u{aa}' | '\u{b2}' | '\u{b3}' | '\u{b5}' | '\u{b9}' | '\u{ba}' | '\u{bc}'..='\u{be}'
        )
}

/// Rows filtered by `query` and sorted by `col`/`dir`; ties keep ranking
/// order, and under the rank sort unranked teams stay last either way.
pub fn arrange(
    rows: &[Rc<RowData>],
    col: Col,
    dir: Dir,
    query: &str,
    lang: &str,
) -> Vec<Rc<RowData>> {
    let q = fold(query.trim());
    let out: Vec<&Rc<RowData>> = rows.iter().filter(|r| matches(r, &q)).collect();
    let names = if col == Col::Name {
        let names: Vec<&str> = out.iter().map(|r| r.name.as_str()).collect();
        collation_ranks(&names, lang)
    } else {
        Vec::new()
    };
    let sign = if dir == Dir::Desc { -1 } else { 1 };
    // One integer key per row, the ranking order breaking every tie.
    let keyed: Vec<(u8, i64, usize)> = out
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (group, key) = match col {
                // Unranked teams stay last, in their own order, either way.
                Col::Rank if !r.ranked => (1, 0),
                Col::Rank => (0, r.order as i64),
                Col::Name => (0, names.get(i).copied().unwrap_or(0) as i64),
                Col::Medal(k) => (0, i64::from(r.tally.get(k))),
                Col::Total => (0, i64::from(r.tally.total())),
            };
            (group, key * sign, r.order)
        })
        .collect();
    sorted_indices(keyed.len(), &mut |a, b| keyed[a].cmp(&keyed[b]))
        .into_iter()
        .map(|i| Rc::clone(out[i]))
        .collect()
}

/// Properties of [`MedalTable`].
#[derive(Properties, Clone, PartialEq)]
pub struct MedalTableProps {
    /// The dataset (its valid `table` is shown).
    pub data: Shared<Dataset>,
    /// The table ranked by `ranking`.
    pub placings: Shared<Vec<Placing>>,
    /// Current ranking.
    pub ranking: RankBy,
    /// Asks the parent to switch ranking (the card follows it too).
    pub on_ranking: Callback<RankBy>,
    /// Language tag.
    pub lang: AttrValue,
    /// DOM id prefix.
    pub ns: AttrValue,
}

/// The medal table view.
#[function_component(MedalTable)]
pub fn medal_table(props: &MedalTableProps) -> Html {
    let lang = props.lang.as_str();
    let sort = use_state(|| (Col::Rank, Dir::Asc));
    let query = use_state(String::new);
    let scroll_req = use_state(|| 0u32);
    let scroller = use_node_ref();

    let rows = use_memo((props.data.clone(), props.placings.clone()), |(d, p)| {
        build_rows(d, p)
    });
    let shown = use_memo(
        (
            Shared(rows.clone()),
            *sort,
            (*query).clone(),
            props.lang.clone(),
        ),
        |(rows, (col, dir), q, lang)| arrange(rows, *col, *dir, q, lang),
    );

    let on_sort = use_callback(sort.clone(), |col: Col, sort| {
        let (cur, dir) = **sort;
        let next = if cur == col {
            if dir == Dir::Asc {
                Dir::Desc
            } else {
                Dir::Asc
            }
        } else {
            col.default_dir()
        };
        sort.set((col, next));
    });
    let on_input = use_callback(query.clone(), |e: InputEvent, query| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        {
            query.set(input.value());
        }
    });
    let on_show = use_callback(
        (query.clone(), scroll_req.clone()),
        |_: MouseEvent, (query, req)| {
            // The featured row may be filtered out: clear the search, then scroll
            // once the rows are back (in the effect below).
            query.set(String::new());
            req.set(**req + 1);
        },
    );
    {
        let scroller = scroller.clone();
        use_effect_with(*scroll_req, move |req| {
            if *req > 0 {
                if let Some(el) = scroller.cast::<Element>() {
                    scroll_row_into_box(&el);
                }
            }
        });
    }

    // Chromium leaves a focused control that is only partly inside the box
    // where it is (on a phone, a sort button half past the right edge, its
    // focus ring cut); bring it in. Keyboard focus only: a mouse press also
    // focuses, and scrolling under the pointer would lose the click. Yew
    // delegates events, so the box is found by its ref, not as the event's
    // current target.
    let on_focus_in = use_callback(
        (scroller.clone(), props.lang.clone()),
        |e: FocusEvent, (scroller, lang)| {
            intl::warm_collator(lang);
            if let (Some(el), Some(scroller)) =
                (e.target_dyn_into::<Element>(), scroller.cast::<Element>())
            {
                if el != scroller && el.matches(":focus-visible").unwrap_or(false) {
                    reveal_across(&scroller, &el);
                }
            }
        },
    );

    // The first sort by name would build the collator inside the click
    // (intl::warm_collator); a pointer over the table, focus in it (above),
    // or scrolling it comes before that click and builds it then. On a touch
    // screen the pointer arrives with the tap itself; scrolling the rows
    // first is what comes before it there.
    let on_pointer_over = use_callback(props.lang.clone(), |_: PointerEvent, lang| {
        intl::warm_collator(lang)
    });
    let on_scroll = use_callback(props.lang.clone(), |_: Event, lang| {
        intl::warm_collator(lang)
    });

    let featured = props.data.country.code.clone();
    let country_name = props.data.country.name_in(lang).to_string();
    let has_featured = rows.iter().any(|r| r.code == featured);
    let caption_id = format!("{}-tbl-caption", props.ns);
    let search_id = format!("{}-tbl-search", props.ns);
    let hint_id = format!("{}-tbl-hint", props.ns);
    let caption = match props.data.games.valid() {
        Some(g) => trf(lang, Msg::TableCaption, &[("games", &g.name)]),
        None => tr(lang, Msg::TableCaptionNoGames).to_string(),
    };
    let (col, dir) = *sort;
    let header = |c: Col, label: Html, class: &'static str| {
        let sorted = col == c;
        let onclick = {
            let on_sort = on_sort.clone();
            Callback::from(move |_: MouseEvent| on_sort.emit(c))
        };
        let icon = match (sorted, dir) {
            (true, Dir::Asc) => "▲",
            (true, Dir::Desc) => "▼",
            (false, _) => "↕",
        };
        html! {
            <th scope="col" class={classes!(class, sorted.then_some("ms-sorted"))}
                aria-sort={sorted.then(|| dir.aria())} data-col={c.key()}>
                <button type="button" class="ms-sort" {onclick}>
                    { label }
                    <span class="ms-sort-icon" aria-hidden="true">{ icon }</span>
                </button>
            </th>
        }
    };
    let ranking_radio = |by: RankBy, msg: Msg| {
        let on_ranking = props.on_ranking.clone();
        let onchange = Callback::from(move |_: Event| on_ranking.emit(by));
        html! {
            <label class="ms-radio">
                <input type="radio" name={format!("{}-ranking", props.ns)} value={by.as_str()}
                    checked={props.ranking == by} {onchange} />
                <span>{ tr(lang, msg) }</span>
            </label>
        }
    };
    let medal_label =
        |k: MedalKind| html! { <>{ mark(k, lang) }<span>{ tr(lang, kind_msg(k)) }</span></> };

    html! {
        <section class="ms-table-view">
            <div class="ms-table-tools">
                <div class="ms-search">
                    <label for={search_id.clone()}>{ tr(lang, Msg::SearchLabel) }</label>
                    <input id={search_id} type="search" value={(*query).clone()} oninput={on_input}
                        autocomplete="off" spellcheck="false" aria-describedby={hint_id.clone()} />
                    <span class="ms-hint" id={hint_id}>{ tr(lang, Msg::SearchHint) }</span>
                </div>
                <fieldset class="ms-ranking">
                    <legend>{ tr(lang, Msg::RankingLabel) }</legend>
                    { ranking_radio(RankBy::Gold, Msg::RankingGold) }
                    { ranking_radio(RankBy::Total, Msg::RankingTotal) }
                </fieldset>
                if has_featured {
                    <button type="button" class="ms-show" onclick={on_show}>
                        { trf(lang, Msg::ShowCountry, &[("country", &country_name)]) }
                    </button>
                }
            </div>
            <p class="ms-shown" role="status">
                { if shown.is_empty() {
                    tr(lang, Msg::NoRows).to_string()
                } else {
                    trf(lang, Msg::RowsShown, &[
                        ("n", &format_count(shown.len() as u32, lang)),
                        ("total", &format_count(rows.len() as u32, lang)),
                    ])
                } }
            </p>
            // A scrollable region must be focusable so keyboard users can scroll it.
            <div class="ms-table-scroll" ref={scroller} onfocusin={on_focus_in} onpointerover={on_pointer_over} onscroll={on_scroll} tabindex="0" role="region" aria-labelledby={caption_id.clone()}>
                <table class="ms-table">
                    <caption id={caption_id}>{ caption }</caption>
                    <thead>
                        <tr>
                            { header(Col::Rank, html! { tr(lang, Msg::ColRank) }, "ms-col-rank") }
                            { header(Col::Name, html! { tr(lang, Msg::ColName) }, "ms-col-name") }
                            <th scope="col" class="ms-col-code"><span class="ms-th-label">{ tr(lang, Msg::ColCode) }</span></th>
                            { header(Col::Medal(MedalKind::Gold), medal_label(MedalKind::Gold), "ms-col-num") }
                            { header(Col::Medal(MedalKind::Silver), medal_label(MedalKind::Silver), "ms-col-num") }
                            { header(Col::Medal(MedalKind::Bronze), medal_label(MedalKind::Bronze), "ms-col-num") }
                            { header(Col::Total, html! { tr(lang, Msg::Total) }, "ms-col-num") }
                        </tr>
                    </thead>
                    <tbody>
                        { for shown.iter().map(|r| html! {
                            <Row key={r.key.clone()} row={r.clone()} featured={r.code == featured} lang={props.lang.clone()} />
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Scrolls the featured row into view by moving only the widget's own scroll
/// boxes (never the page, which `scrollIntoView` may do): the table's box,
/// clear of its sticky header, and then the widget's fixed-height frame
/// (`.ms-root`), which on a phone holds the whole table below its fold.
/// Positions are computed, not read back, because both boxes may
/// scroll smoothly.
fn scroll_row_into_box(scroller: &Element) {
    let Ok(Some(row)) = scroller.query_selector("tr.ms-featured") else {
        return;
    };
    let head = scroller
        .query_selector("thead")
        .ok()
        .flatten()
        .map(|h| h.get_bounding_client_rect().height())
        .unwrap_or(0.0);
    let boxr = scroller.get_bounding_client_rect();
    let r = row.get_bounding_client_rect();
    let scroll = f64::from(scroller.scroll_top());
    let top = r.top() - boxr.top() + scroll;
    let bottom = r.bottom() - boxr.top() + scroll;
    let view = f64::from(scroller.client_height());
    let target = if top - head < scroll {
        (top - head).max(0.0)
    } else if bottom > scroll + view {
        (bottom - view).ceil()
    } else {
        scroll
    };
    if target != scroll {
        scroller.set_scroll_top(target as i32);
    }
    // Where the row will be on screen once the table's box has scrolled.
    let moved = target - scroll;
    let (row_top, row_bottom) = (r.top() - moved, r.bottom() - moved);
    let Ok(Some(frame)) = scroller.closest(".ms-root") else {
        return;
    };
    if frame.scroll_height() <= frame.client_height() {
        return;
    }
    let fr = frame.get_bounding_client_rect();
    // A box that is no scroller (the phone's table, widget.css) leaves its
    // header stuck to the frame's top instead, over the rows under it. (A
    // scroller with nothing to scroll keeps its header in itself.)
    let stuck = match web_sys::window().and_then(|w| w.get_computed_style(scroller).ok().flatten())
    {
        Some(s) if s.get_property_value("overflow-y").ok().as_deref() == Some("visible") => head,
        _ => 0.0,
    };
    let frame_top = fr.top() + f64::from(frame.client_top());
    let frame_bottom = frame_top + f64::from(frame.client_height());
    // Under a stuck header the row goes to the frame's top, the part of the
    // frame a phone's screen is likeliest to show: just far enough would
    // leave it at the frame's foot, often below the screen's.
    let by = if stuck > 0.0 {
        row_top - (frame_top + stuck)
    } else {
        nudge(row_top, row_bottom, frame_top, frame_bottom)
    };
    let by = if by > 0.0 { by.ceil() } else { by.floor() };
    if by != 0.0 {
        frame.set_scroll_top(frame.scroll_top() + by as i32);
    }
}

/// How far to scroll a box showing `lo..hi` so that `start..end` is inside
/// it: just far enough, and never so far that `start` leaves.
fn nudge(start: f64, end: f64, lo: f64, hi: f64) -> f64 {
    if end > hi {
        (end - hi).min(start - lo)
    } else if start < lo {
        start - lo
    } else {
        0.0
    }
}

/// Scrolls `scroller` sideways just enough for all of `el` (and its focus
/// ring) to be inside it.
fn reveal_across(scroller: &Element, el: &Element) {
    const RING: f64 = 6.0;
    let b = scroller.get_bounding_client_rect();
    let r = el.get_bounding_client_rect();
    let left = b.left() + f64::from(scroller.client_left());
    let right = left + f64::from(scroller.client_width());
    let by = nudge(r.left() - RING, r.right() + RING, left, right);
    if by.abs() >= 1.0 {
        scroller.set_scroll_left(scroller.scroll_left() + by.round() as i32);
    }
}

/// Properties of [`Row`].
#[derive(Properties, Clone, PartialEq)]
pub struct RowProps {
    /// The row (compared by pointer first: an unchanged row skips rendering).
    pub row: Rc<RowData>,
    /// Whether this is the featured country.
    pub featured: bool,
    /// Language tag.
    pub lang: AttrValue,
}

/// One table row. Its cells carry no class: the stylesheet finds the
/// columns by position (`.ms-table-view tbody`), which saves an attribute a
/// cell, 644 of them, when the table is first shown.
#[function_component(Row)]
pub fn row(props: &RowProps) -> Html {
    let lang = props.lang.as_str();
    let r = &props.row;
    let t = r.tally;
    html! {
        <tr class={classes!(props.featured.then_some("ms-featured"), (!r.ranked).then_some("ms-unranked"))}
            data-code={r.code.clone()}>
            <td>
                if r.ranked {
                    { &r.label }
                } else {
                    <span class="ms-unranked-mark">{ tr(lang, Msg::Unranked) }</span>
                }
            </td>
            <th scope="row">
                if props.featured {
                    <span class="ms-featured-mark" aria-hidden="true">{ "★ " }</span>
                }
                { &r.name }
                if props.featured {
                    <span class="ms-sr-only">{ " " }{ tr(lang, Msg::Featured) }</span>
                }
                // Shown instead of the rank cell's where the rank column is
                // too narrow for the word (widget.css); one of the two is
                // always display: none, so it is read once.
                if !r.ranked {
                    <span class="ms-unranked-name">{ " " }{ tr(lang, Msg::Unranked) }</span>
                }
            </th>
            <td>{ &r.code }</td>
            <td>{ format_count(t.gold, lang) }</td>
            <td>{ format_count(t.silver, lang) }</td>
            <td>{ format_count(t.bronze, lang) }</td>
            <td>{ format_count(t.total(), lang) }</td>
        </tr>
    }
}
