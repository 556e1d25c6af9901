//! The widget's root: the views as tabs (W3C APG tabs pattern, automatic
//! activation). Only sections present in the data get a tab; an invalid
//! section keeps its tab and shows its validation problems there.

use super::card::Card;
use super::credits::Credits;
use super::export::Actions;
use super::history::History;
use super::i18n::{tr, trf, Msg};
use super::medalists::Medalists;
use super::problems::InvalidNotice;
use super::table::MedalTable;
use super::timeline::Timeline;
use super::{id_prefix, Shared};
use crate::data::model::{Dataset, Section};
use crate::data::rank::{rank, RankBy};
use crate::data::validate::Problem;
use crate::embed::resources::Timeout;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// Properties of the root view (the contract with [`crate::embed`]).
#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    /// The validated dataset to show.
    pub data: Rc<Dataset>,
    /// Validation problems; an invalid section shows those under its path.
    #[prop_or_default]
    pub problems: Rc<Vec<Problem>>,
    /// BCP-47 language tag; `""` means English.
    #[prop_or_default]
    pub lang: AttrValue,
    /// The tab to show: `card` | `medalists` | `table` | `history` | `timeline`;
    /// `""` = card. Shown first, and again each time this prop changes; the
    /// reader's tabs change it in between.
    #[prop_or_default]
    pub view: AttrValue,
    /// The ranking, first and each time this prop changes (the table's
    /// switch changes it in between).
    #[prop_or_default]
    pub ranking: RankBy,
    /// Names the widget: prefixes its DOM ids and names its timeline's link
    /// in the page address (the element's `id`, else a number).
    #[prop_or_default]
    pub instance: AttrValue,
    /// The data URL, for the "copy embed code" tag; `""` = unknown (the
    /// tag then has no `src`, and the widget says so).
    #[prop_or_default]
    pub src: AttrValue,
}

/// One of the widget's views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// The country card (always offered).
    Card,
    /// Medallists by sport.
    Medalists,
    /// The full medal table.
    Table,
    /// Medals per Games.
    History,
    /// Hosted events.
    Timeline,
}

impl View {
    /// Every view in tab order.
    pub const ALL: [View; 5] = [
        View::Card,
        View::Medalists,
        View::Table,
        View::History,
        View::Timeline,
    ];

    /// The `view` attribute spelling, also used in DOM ids.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Card => "card",
            View::Medalists => "medalists",
            View::Table => "table",
            View::History => "history",
            View::Timeline => "timeline",
        }
    }

    /// Parses the `view` attribute.
    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == s)
    }

    fn label(self) -> Msg {
        match self {
            View::Card => Msg::TabCard,
            View::Medalists => Msg::TabMedalists,
            View::Table => Msg::TabTable,
            View::History => Msg::TabHistory,
            View::Timeline => Msg::TabTimeline,
        }
    }

    /// Whether `data` has this view's section (valid or invalid).
    pub fn offered(self, data: &Dataset) -> bool {
        match self {
            View::Card => true,
            View::Medalists => data.medals.is_present(),
            View::Table => data.table.is_present(),
            View::History => data.history.is_present(),
            View::Timeline => data.hosted.is_present(),
        }
    }

    /// The section's JSON path, for its validation problems.
    fn section(self) -> &'static str {
        match self {
            View::Card => "country",
            View::Medalists => "medals",
            View::Table => "table",
            View::History => "history",
            View::Timeline => "hosted",
        }
    }

    fn invalid(self, data: &Dataset) -> bool {
        match self {
            View::Card => false,
            View::Medalists => matches!(data.medals, Section::Invalid),
            View::Table => matches!(data.table, Section::Invalid),
            View::History => matches!(data.history, Section::Invalid),
            View::Timeline => matches!(data.hosted, Section::Invalid),
        }
    }
}

/// The tab to land on after `key` from index `i` of `n`, if `key` moves.
pub fn tab_target(key: &str, i: usize, n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    match key {
        "ArrowRight" => Some((i + 1) % n),
        "ArrowLeft" => Some((i + n - 1) % n),
        "Home" => Some(0),
        "End" => Some(n - 1),
        _ => None,
    }
}

/// How long the pointer rests on a tab before its view is prepared: longer
/// than a pass over the tab bar, shorter than a reader's pause before a click.
const HOVER_INTENT_MS: u32 = 100;

/// How long keyboard focus rests on a tab before the next view is
/// prepared: longer than a run of arrow presses takes per tab.
const FOCUS_REST_MS: u32 = 300;

/// The tab an event came from, and its view, if it came from a tab.
fn tab_of(target: Option<web_sys::EventTarget>) -> Option<(Element, View)> {
    let tab = target?
        .dyn_into::<Element>()
        .ok()?
        .closest("[role=tab]")
        .ok()??;
    let v = View::parse(&tab.get_attribute("data-view")?)?;
    Some((tab, v))
}

/// The root view.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let lang = props.lang.clone();
    let ns: AttrValue = id_prefix(&props.instance).into();
    let data: Shared<Dataset> = Shared(props.data.clone());
    let views: Vec<View> = View::ALL.into_iter().filter(|v| v.offered(&data)).collect();

    let selected = {
        let initial = View::parse(&props.view)
            .filter(|v| v.offered(&props.data))
            .unwrap_or(View::Card);
        use_state(move || initial)
    };
    // New data may drop the selected section: fall back to the card.
    let current = if views.contains(&*selected) {
        *selected
    } else {
        View::Card
    };
    // Panels visited once stay mounted (hidden) so their search, sort and
    // filter survive switching tabs.
    let visited = use_mut_ref(Vec::<View>::new);
    if !visited.borrow().contains(&current) {
        visited.borrow_mut().push(current);
    }
    let force = use_force_update();
    // Panels mounted ahead of their first showing, on a sign the reader is
    // about to open them (the pointer resting on their tab, a press on it,
    // keyboard focus resting on the tab before it): `data-prep`
    // (widget.css) keeps such a panel laid out, unseen, until it is first
    // shown, so the click only shows it instead of building and laying out
    // the view. Once shown, it is kept like any visited panel. A section a
    // refresh took away is forgotten, so its return builds nothing unasked.
    let preparing = use_mut_ref(Vec::<View>::new);
    let timeline_panel = use_node_ref();
    let tabs_ref = use_node_ref();
    // A view picked while the frame is scrolled past the tabs (the reader
    // went down a long view, then picked another) is shown from its top,
    // tabs in sight, not wherever the old view's scroll left the frame. Not
    // on the first render: a prerendered snapshot's scroll is carried over.
    {
        let tabs_ref = tabs_ref.clone();
        let shown = use_mut_ref(|| current);
        use_effect_with(current, move |now| {
            if std::mem::replace(&mut *shown.borrow_mut(), *now) == *now {
                return;
            }
            let Some(tabs) = tabs_ref.cast::<Element>() else {
                return;
            };
            if let Ok(Some(frame)) = tabs.closest(".ms-root") {
                let gap =
                    tabs.get_bounding_client_rect().top() - frame.get_bounding_client_rect().top();
                if gap < 0.0 {
                    frame.set_scroll_top(frame.scroll_top() + gap.floor() as i32);
                }
            }
        });
    }
    {
        let mut p = preparing.borrow_mut();
        visited
            .borrow_mut()
            .retain(|v| views.contains(v) || !p.contains(v));
        p.retain(|v| *v != current && views.contains(v));
    }
    let prepare = {
        let (visited, preparing, force) = (visited.clone(), preparing.clone(), force.clone());
        move |v: View| {
            if !visited.borrow().contains(&v) {
                visited.borrow_mut().push(v);
                preparing.borrow_mut().push(v);
                force.force_update();
            }
        }
    };
    // The latest sign's timer: a newer sign replaces it (a pointer gone on
    // to another tab, focus moved on), and unmounting drops it, which
    // clears it (counted in `live_resources`).
    let pending = use_mut_ref(|| None::<Timeout>);
    let onmouseover = {
        let (visited, prepare, pending) = (visited.clone(), prepare.clone(), pending.clone());
        use_callback((), move |e: MouseEvent, _| {
            let Some((tab, v)) = tab_of(e.target()) else {
                return;
            };
            if visited.borrow().contains(&v) {
                return;
            }
            let prepare = prepare.clone();
            // Still under the pointer when the time is up: a pointer only
            // passing over the tabs prepares nothing.
            *pending.borrow_mut() = Timeout::new(HOVER_INTENT_MS, move || {
                if tab.matches(":hover").unwrap_or(false) {
                    prepare(v);
                }
            });
        })
    };
    // A press is the surest sign: the click comes when the finger or the
    // button is lifted, most often a frame or more later, by when the view
    // is built and laid out. This is what a touch screen, with no hover,
    // gets.
    let onpointerdown = {
        let prepare = prepare.clone();
        use_callback((), move |e: PointerEvent, _| {
            if e.is_primary() && e.button() == 0 {
                if let Some((_, v)) = tab_of(e.target()) {
                    prepare(v);
                }
            }
        })
    };
    // The keyboard selects as it moves (automatic activation), so there is
    // no sign before the key itself; but keyboard focus resting on a tab
    // prepares the next view, where the right arrow goes. Not for a focus
    // a click gave (`:focus-visible` is the keyboard's).
    let onfocusin = {
        let visited = visited.clone();
        use_callback(views.clone(), move |e: FocusEvent, views| {
            let Some((tab, v)) = tab_of(e.target()) else {
                return;
            };
            let Some(i) = views.iter().position(|x| *x == v) else {
                return;
            };
            let next = views[(i + 1) % views.len()];
            // Built already: no timer, and a pending hover's stays.
            if visited.borrow().contains(&next) {
                return;
            }
            let prepare = prepare.clone();
            *pending.borrow_mut() = Timeout::new(FOCUS_REST_MS, move || {
                if tab.matches(":focus-visible").unwrap_or(false) {
                    prepare(next);
                }
            });
        })
    };
    // Printing shows the card and the table (see the print stylesheet):
    // mount both before the page is laid out for print. Yew renders in a
    // microtask, which runs before the print layout.
    {
        let visited = visited.clone();
        use_effect_with((), move |_| {
            let on_print = Closure::<dyn Fn()>::new(move || {
                let mut v = visited.borrow_mut();
                let before = v.len();
                for p in [View::Card, View::Table] {
                    if !v.contains(&p) {
                        v.push(p);
                    }
                }
                if v.len() != before {
                    force.force_update();
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "beforeprint",
                    on_print.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "beforeprint",
                        on_print.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    let ranking = {
        let initial = props.ranking;
        use_state(move || initial)
    };
    // The element's `view` and `ranking` attributes after the start: a new
    // value takes effect where the reader is, and every view keeps its
    // search, sort and place (the app used to be started afresh for it). A
    // view the data does not offer yet is kept: new data given with it
    // may (until then the card shows).
    {
        let (selected, ranking) = (selected.clone(), ranking.clone());
        let last = use_mut_ref(|| (props.view.clone(), props.ranking));
        use_effect_with((props.view.clone(), props.ranking), move |(view, by)| {
            let (old_view, old_by) = last.replace((view.clone(), *by));
            if old_view != *view {
                if let Some(v) = View::parse(view) {
                    selected.set(v);
                }
            }
            if old_by != *by {
                ranking.set(*by);
            }
        });
    }
    let placings = use_memo((data.clone(), *ranking), |(d, by)| {
        d.table
            .valid()
            .map(|rows| rank(rows, *by))
            .unwrap_or_default()
    });
    let placings: Shared<Vec<_>> = Shared(placings);
    let on_ranking = use_callback(ranking.clone(), |by: RankBy, ranking| ranking.set(by));
    let hosted = use_memo(data.clone(), |d| {
        d.hosted.valid().cloned().unwrap_or_default()
    });

    let onkeydown = {
        let selected = selected.clone();
        let views = views.clone();
        use_callback(
            (views, current),
            move |e: KeyboardEvent, (views, current)| {
                let Some(i) = views.iter().position(|v| v == current) else {
                    return;
                };
                let Some(j) = tab_target(&e.key(), i, views.len()) else {
                    return;
                };
                e.prevent_default();
                selected.set(views[j]);
                // Roving focus: the tabs all exist already, so focus the target now.
                let tabs = e
                    .current_target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|list| list.query_selector_all("[role=tab]").ok());
                if let Some(el) = tabs
                    .and_then(|l| l.item(j as u32))
                    .and_then(|n| n.dyn_into::<HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            },
        )
    };

    let l = lang.as_str();
    let country = props.data.country.name_in(l).to_string();
    let tab_id = |v: View| format!("{ns}-tab-{}", v.as_str());
    let panel_id = |v: View| format!("{ns}-panel-{}", v.as_str());

    let panel = |v: View| -> Html {
        if v.invalid(&data) {
            return html! {
                <InvalidNotice problems={props.problems.clone()} section={v.section()} lang={lang.clone()} />
            };
        }
        match v {
            View::Card => html! {
                <Card data={data.clone()} placings={placings.clone()} ranking={*ranking}
                    problems={props.problems.clone()} lang={lang.clone()} ns={ns.clone()} />
            },
            View::Medalists => html! {
                <Medalists data={data.clone()} lang={lang.clone()} ns={ns.clone()} />
            },
            View::Table => html! {
                <MedalTable data={data.clone()} placings={placings.clone()} ranking={*ranking}
                    on_ranking={on_ranking.clone()} lang={lang.clone()} ns={ns.clone()} />
            },
            View::History => html! {
                <History data={data.clone()} lang={lang.clone()} ns={ns.clone()} />
            },
            View::Timeline => html! {
                <Timeline events={hosted.clone()} lang={lang.clone()} instance={props.instance.clone()}
                    container={timeline_panel.clone()} />
            },
        }
    };

    html! {
        <div class="ms-widget" lang={(!lang.is_empty()).then(|| lang.clone())}>
            <div class="ms-tabs" ref={tabs_ref} role="tablist" aria-label={trf(l, Msg::ViewsLabel, &[("country", &country)])}
                onkeydown={onkeydown} {onmouseover} {onpointerdown} {onfocusin}>
                { for views.iter().map(|&v| {
                    let is = v == current;
                    let label = tr(l, v.label());
                    let onclick = {
                        let selected = selected.clone();
                        Callback::from(move |_: MouseEvent| selected.set(v))
                    };
                    html! {
                        <button key={v.as_str()} type="button" role="tab" id={tab_id(v)}
                            class={classes!("ms-tab", v.invalid(&data).then_some("ms-tab-invalid"))}
                            aria-selected={if is { "true" } else { "false" }}
                            aria-controls={panel_id(v)}
                            tabindex={if is { "0" } else { "-1" }}
                            data-view={v.as_str()} data-label={label} {onclick}>
                            { label }
                        </button>
                    }
                }) }
            </div>
            { for views.iter().map(|&v| {
                let is = v == current;
                let mounted = visited.borrow().contains(&v);
                let prep = !is && preparing.borrow().contains(&v);
                // `inert` with `hidden`: where the stylesheet keeps a hidden
                // panel's layout (`content-visibility: hidden`, widget.css)
                // the panel is still a box, and inert keeps it out of the tab
                // order and the accessibility tree, as `display: none` did.
                // The timeline measures its panel before its first render.
                let panel_ref = if v == View::Timeline { timeline_panel.clone() } else { NodeRef::default() };
                html! {
                    <div key={v.as_str()} ref={panel_ref} role="tabpanel" id={panel_id(v)} aria-labelledby={tab_id(v)}
                        class="ms-panel" data-view={v.as_str()} tabindex="0" hidden={!is} inert={!is}
                        data-prep={prep.then_some("")}>
                        if mounted { { panel(v) } }
                    </div>
                }
            }) }
            <div class="ms-foot">
                <Actions data={data.clone()} placings={placings.clone()} view={current} ranking={*ranking}
                    lang={lang.clone()} src={props.src.clone()} />
                <Credits data={data.clone()} lang={lang.clone()} />
            </div>
        </div>
    }
}
