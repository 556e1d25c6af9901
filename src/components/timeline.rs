//! The hosted-events timeline (issue 5): a date-scaled axis of event markers
//! with a details panel.
//!
//! Unlike page-wide timeline scripts it listens for keys only on its own
//! list (two widgets and the page's inputs never fight over arrow keys),
//! keeps a roving tabindex with a visible focus ring, turns vertical by a
//! container query on its own width, and keeps its selection in the URL hash
//! under a key of its own instance. Geometry lives in
//! [`crate::timeline_geom`] so it is tested natively; styles live in
//! `www/timeline.css`.

use crate::components::i18n::{tr, trf, Msg};
use crate::components::intl::{format_count, format_date, format_date_range};
use crate::components::{id_prefix, Shared};
use crate::data::model::{EventCategory, HostedEvent};
use crate::data::num::fixed;
use crate::data::order;
use crate::timeline_geom::{
    hash_get, hash_key, hash_set, is_safe_url, layout, Layout, LayoutInput,
};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// Properties of [`Timeline`].
#[derive(Properties, Clone, PartialEq)]
pub struct TimelineProps {
    /// The events to show, in any order.
    pub events: Rc<Vec<HostedEvent>>,
    /// BCP-47 language tag for the text, dates and numbers; `""` means English.
    #[prop_or_default]
    pub lang: AttrValue,
    /// Unique per widget on the page; prefixes DOM ids and the URL-hash key.
    #[prop_or_default]
    pub instance: AttrValue,
    /// The element the timeline renders into, when it is in the page before
    /// the timeline's first render (the app's panel): the axis is then
    /// measured before that render, which draws the markers at once (see
    /// [`Early`]). Without it the first render measures and a second draws.
    #[prop_or_default]
    pub container: NodeRef,
}

/// Which events the axis shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    MultiSport,
    Other,
}

impl Filter {
    const ALL: [Filter; 3] = [Filter::All, Filter::MultiSport, Filter::Other];

    fn admits(self, c: EventCategory) -> bool {
        match self {
            Filter::All => true,
            Filter::MultiSport => c == EventCategory::MultiSport,
            Filter::Other => c == EventCategory::Other,
        }
    }

    fn value(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::MultiSport => "multi-sport",
            Filter::Other => "other",
        }
    }

    fn label(self) -> Msg {
        match self {
            Filter::All => Msg::TlFilterAll,
            Filter::MultiSport => Msg::TlMultiSport,
            Filter::Other => Msg::TlOther,
        }
    }
}

/// The memoised geometry of one (events, filter) pair.
struct Geometry {
    /// Indices into the events, in date order, of the events the filter admits.
    visible: Vec<usize>,
    /// Layout of `visible` (its `index` fields point into `visible`).
    layout: Layout,
}

fn geometry(events: &[HostedEvent], filter: Filter, avail_px: f64) -> Geometry {
    let mut visible: Vec<usize> = (0..events.len())
        .filter(|&i| filter.admits(events[i].category))
        .collect();
    order::sort_by(&mut visible, &mut |&a, &b| {
        let (x, y) = (&events[a], &events[b]);
        (x.start, x.end, &x.id).cmp(&(y.start, y.end, &y.id))
    });
    let input: Vec<LayoutInput> = visible
        .iter()
        .map(|&i| LayoutInput {
            day: events[i].start.days_since_epoch(),
            label_chars: events[i].name.chars().count(),
        })
        .collect();
    Geometry {
        layout: layout(&input, avail_px),
        visible,
    }
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn current_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Writes `key=id` into the hash in place: replaceState, so selecting does
/// not scroll the page to an anchor nor add a history entry per click.
fn write_hash(key: &str, id: &str) {
    let Some(w) = window() else { return };
    let old = current_hash();
    let new = hash_set(&old, key, Some(id));
    if new == old {
        return;
    }
    let location = w.location();
    let url = if new.is_empty() {
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        new
    };
    if let Ok(history) = w.history() {
        // Keep whatever state the page's own router stored.
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

/// What the timeline sets up before its first render, from the element it
/// renders into: the axis' width, and the observer that copies the
/// markers' positions into the CSSOM. With both, the first render draws the
/// markers and they are placed in its own task: Yew yields to the browser
/// after 16 ms of work (a slow phone's first render takes more), and when
/// the markers came only with a second render, after the measuring effect,
/// the first frames showed the timeline unplaced (hidden) and the second
/// render cost a task of its own.
struct Early {
    /// The axis' width in 16 px steps, as the measuring effect rounds it.
    width: u32,
    /// The `MutationObserver` and its callback.
    styler: Observer,
}

/// The hook that holds it is dropped with the component: unmounted, the
/// timeline stops observing its panel.
impl Drop for Early {
    fn drop(&mut self) {
        let _ = call0(&self.styler.0, "disconnect");
    }
}

/// The options of the observers that copy positions: markers, ticks and the
/// track added or re-rendered anywhere below.
fn styler_options() -> JsValue {
    let options = js_sys::Object::new();
    for (key, value) in [
        ("subtree", JsValue::TRUE),
        ("childList", JsValue::TRUE),
        (
            "attributeFilter",
            js_sys::Array::of1(&"data-ms-style".into()).into(),
        ),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value);
    }
    options.into()
}

/// [`Early`] for `container`: the width of a stand-in axis, a bare
/// `.ms-tl > .ms-tl-axis` put in the container for the measurement and taken
/// out again, so the stylesheet sizes it as it will size the real one (the
/// same classes, the same container query); `None` where there is no width
/// to measure (a hidden panel: `display: none`). The panel is measured empty,
/// and the view drawn into it may then overflow the widget's frame: its
/// width is the same only because the frame keeps a classic scrollbar's room
/// whether or not it scrolls (`scrollbar-gutter` on `.ms-root`,
/// `shadow.css`), so a browser without `scrollbar-gutter` gets no early
/// measurement. The narrow layout's list may scroll in its own box, and be
/// measured again 15 px narrower, but there the track keeps its base width
/// whatever the axis' ([`crate::timeline_geom::BASE_AXIS_PX`]): the same
/// geometry, nothing drawn anew.
fn early(container: &Element) -> Option<Early> {
    if !css_supports("scrollbar-gutter", "stable") {
        return None;
    }
    let doc = container.owner_document()?;
    let section = doc.create_element("section").ok()?;
    section.set_class_name("ms-tl");
    let axis = doc.create_element("div").ok()?;
    axis.set_class_name("ms-tl-axis");
    section.append_child(&axis).ok()?;
    container.append_child(&section).ok()?;
    let width = axis.client_width().max(0) as u32;
    let _ = container.remove_child(&section);
    if width == 0 {
        return None;
    }
    let styler = observe(
        "MutationObserver",
        container,
        &styler_options(),
        |records| apply_records(&records),
    )?;
    Some(Early {
        width: width / 16 * 16,
        styler,
    })
}

/// An observer and the callback it calls, which must live as long as it.
type Observer = (JsValue, Closure<dyn Fn(JsValue)>);

/// `CSS.supports(property, value)`; `false` where `CSS` is missing.
fn css_supports(property: &str, value: &str) -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"CSS".into())
        .ok()
        .and_then(|css| {
            let f: js_sys::Function = js_sys::Reflect::get(&css, &"supports".into())
                .ok()?
                .dyn_into()
                .ok()?;
            f.call2(&css, &property.into(), &value.into()).ok()
        })
        .is_some_and(|v| v.is_truthy())
}

fn call0(obj: &JsValue, method: &str) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(obj, &method.into())?.dyn_into()?;
    f.call0(obj)
}

/// `new <kind>(callback).observe(el, options)`, for `ResizeObserver` and
/// `MutationObserver`. Through `Reflect`, so the crate needs no extra
/// web-sys features; `None` where the observer is missing (a missing
/// ResizeObserver leaves the layout at its first measurement). Disconnect
/// the returned observer when done.
fn observe(
    kind: &str,
    el: &Element,
    options: &JsValue,
    callback: impl Fn(JsValue) + 'static,
) -> Option<Observer> {
    let ctor: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &kind.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let callback = Closure::<dyn Fn(JsValue)>::new(callback);
    let observer =
        js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(callback.as_ref())).ok()?;
    let observe: js_sys::Function = js_sys::Reflect::get(&observer, &"observe".into())
        .ok()?
        .dyn_into()
        .ok()?;
    observe.call2(&observer, el, options).ok()?;
    Some((observer, callback))
}

/// The position of the marker button an event inside the list came from.
fn marker_of(e: &Event) -> Option<usize> {
    let target: Element = e.target()?.dyn_into().ok()?;
    let button = target.closest("button[data-idx]").ok()??;
    button.get_attribute("data-idx")?.parse().ok()
}

/// The hosted-events timeline.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let events = Shared(props.events.clone());
    let lang = props.lang.to_string();
    let prefix = format!("{}-tl", id_prefix(&props.instance));
    let key = hash_key(&props.instance);

    let filter = use_state_eq(|| Filter::All);
    // The id the reader (or the hash) chose; resolved against the data below.
    let chosen = {
        let key = key.clone();
        use_state_eq(move || hash_get(&current_hash(), &key))
    };
    // The marker holding tabindex=0, when it is not the selected one.
    let active = use_state_eq(|| None::<String>);
    // The axis' own width, in 16px steps so a resize relayouts only when it matters.
    // `None` until measured: a first render with no early measurement
    // draws no markers, since they would be laid out for a guessed width and
    // redrawn at once (costly with 1,000 events); the measuring effect
    // follows it (see `.ms-unplaced`).
    let early = {
        let container = props.container.clone();
        use_memo((), move |_| {
            container.cast::<Element>().and_then(|c| early(&c))
        })
    };
    let avail = {
        let width = early.as_ref().as_ref().map(|e| e.width);
        use_state_eq(move || width)
    };
    let geom = use_memo(
        (events.clone(), *filter, *avail),
        |(events, filter, avail)| geometry(events, *filter, f64::from(avail.unwrap_or(0))),
    );
    let axis_ref = use_node_ref();
    {
        let (axis_ref, avail, early) = (axis_ref.clone(), avail.clone(), early.clone());
        // Again when the axis appears: a refresh may bring the first events
        // to a timeline that was mounted empty (no axis to measure then).
        use_effect_with(events.is_empty(), move |_| {
            let forget = avail.clone();
            let measure =
                move |el: &Element| avail.set(Some(el.client_width().max(0) as u32 / 16 * 16));
            let el = axis_ref.cast::<Element>();
            // Positions are CSS custom properties set through the CSSOM, not
            // a `style` attribute: a page whose CSP has no 'unsafe-inline' in
            // style-src blocks style attributes but not CSSOM writes. They are
            // copied from `data-ms-style` by a MutationObserver, whose
            // callback runs in the same task as the render that wrote them,
            // before any frame: an effect runs later whenever Yew yields to
            // the browser between a render and its effects (it does after
            // 16 ms of work, which a slow phone's first render takes), and
            // that frame would show the markers unplaced.
            // The early observer, where there is one, watches all of this.
            let styler = el.as_ref().filter(|_| early.is_none()).and_then(|el| {
                apply_custom_properties(el);
                observe("MutationObserver", el, &styler_options(), |records| {
                    apply_records(&records)
                })
            });
            // Measured now (after a first render drawn at the early width,
            // the same width, so nothing more is drawn): the re-render with
            // the real layout follows in the same scheduler run, unless Yew
            // yields to the browser first (see `.ms-unplaced`); the
            // ResizeObserver follows later changes
            // (resizes, a tab shown). With no axis (no events), the width
            // is forgotten: an axis that comes back is measured again
            // before its markers are drawn, so they never precede the
            // observer that places them.
            match &el {
                Some(el) => measure(el),
                None => forget.set(None),
            }
            let sizer = el.and_then(|el| {
                let target = el.clone();
                observe("ResizeObserver", &target, &JsValue::UNDEFINED, move |_| {
                    measure(&el)
                })
            });
            move || {
                for (o, _) in [styler, sizer].into_iter().flatten() {
                    let _ = call0(&o, "disconnect");
                }
            }
        });
    }

    let id_at = {
        let (events, geom) = (events.clone(), geom.clone());
        move |pos: usize| -> Option<String> {
            let i = *geom.visible.get(geom.layout.items.get(pos)?.index)?;
            Some(events[i].id.clone())
        }
    };
    let pos_of = |id: &str| -> Option<usize> {
        geom.layout
            .items
            .iter()
            .position(|p| events[geom.visible[p.index]].id == id)
    };
    // The chosen event if the filter shows it, else the first shown: a
    // filter never leaves the panel describing an event missing from the axis,
    // and switching back to "All" brings the choice back.
    let selected_pos = chosen
        .as_deref()
        .and_then(pos_of)
        .or_else(|| (!geom.layout.items.is_empty()).then_some(0));
    let selected: Option<usize> = selected_pos.map(|p| geom.visible[geom.layout.items[p].index]);
    let n = geom.layout.items.len();
    let active_pos = active
        .as_deref()
        .and_then(pos_of)
        .or(selected_pos)
        .unwrap_or(0)
        .min(n.saturating_sub(1));

    // A link opened elsewhere, or the back button over an earlier hash, may
    // change our key while mounted.
    {
        let (chosen, active, key, events) =
            (chosen.clone(), active.clone(), key.clone(), events.clone());
        use_effect_with((key, events), move |(key, events)| {
            let (key, events) = (key.clone(), events.clone());
            let listener = Closure::<dyn Fn()>::new(move || {
                if let Some(id) = hash_get(&current_hash(), &key) {
                    if events.iter().any(|e| e.id == id) {
                        chosen.set(Some(id));
                        active.set(None);
                    }
                }
            });
            let w = window();
            if let Some(w) = &w {
                let _ = w.add_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = w {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    // Bring a restored selection into view inside the axis, without moving
    // the page, once the markers are first drawn.
    {
        let axis_ref = axis_ref.clone();
        let x = selected_pos.map(|p| geom.layout.items[p].x);
        use_effect_with(avail.is_some(), move |_| {
            if let (Some(axis), Some(x)) = (axis_ref.cast::<Element>(), x) {
                // The track's width first: its MutationObserver copies it
                // only once this render's effects are done.
                if let Ok(Some(track)) = axis.query_selector(".ms-tl-track") {
                    apply_style(&track);
                }
                let left = x - f64::from(axis.client_width()) / 2.0;
                if left > 0.0 {
                    axis.set_scroll_left(left as i32);
                }
            }
        });
    }

    let onkeydown = {
        let (active, id_at) = (active.clone(), id_at.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.alt_key() || e.ctrl_key() || e.meta_key() || n == 0 {
                return;
            }
            let Some(pos) = marker_of(&e) else {
                return;
            };
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (pos + 1).min(n - 1),
                "ArrowLeft" | "ArrowUp" => pos.saturating_sub(1),
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            // Only keys we handle are consumed; the page keeps every other.
            e.prevent_default();
            let list = e
                .current_target()
                .and_then(|t| t.dyn_into::<Element>().ok());
            let target = list.and_then(|l| {
                l.query_selector(&format!("button[data-idx=\"{next}\"]"))
                    .ok()
                    .flatten()
            });
            if let Some(b) = target.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
                let _ = b.focus();
            }
            active.set(id_at(next));
        })
    };
    let onclick = {
        let (chosen, active, key) = (chosen.clone(), active.clone(), key.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(pos) = marker_of(&e) else {
                return;
            };
            if let Some(id) = id_at(pos) {
                write_hash(&key, &id);
                active.set(Some(id.clone()));
                chosen.set(Some(id));
            }
        })
    };

    let title_id = format!("{prefix}-title");
    let details_id = format!("{prefix}-details");
    if events.is_empty() {
        return html! {
            <section class="ms-tl" aria-labelledby={title_id.clone()}>
                <h2 class="ms-tl-title" id={title_id}>{ tr(&lang, Msg::TlTitle) }</h2>
                <p class="ms-tl-empty">{ tr(&lang, Msg::TlEmpty) }</p>
            </section>
        };
    }

    let count = |f: Filter| events.iter().filter(|e| f.admits(e.category)).count();
    let filters = Filter::ALL.iter().map(|&f| {
        let onchange = {
            let filter = filter.clone();
            Callback::from(move |_: Event| filter.set(f))
        };
        html! {
            <label key={f.value()} class="ms-tl-filter-option">
                <input type="radio" name={format!("{prefix}-filter")} value={f.value()}
                    checked={*filter == f} {onchange} />
                { trf(&lang, Msg::TlFilterOption, &[
                    ("filter", tr(&lang, f.label())),
                    ("n", &format_count(count(f) as u32, &lang)),
                ]) }
            </label>
        }
    });

    let l = &geom.layout;
    let pct = |x: f64| format!("{}%", fixed(x / l.width * 100.0, 4));
    let first_year = geom.visible.first().map(|&i| events[i].year);
    let last_year = geom.visible.last().map(|&i| events[i].year);
    let axis_name = match (first_year, last_year) {
        (Some(a), Some(b)) if a != b => trf(
            &lang,
            Msg::TlAxisYears,
            &[("from", &a.to_string()), ("to", &b.to_string())],
        ),
        (Some(a), _) => trf(&lang, Msg::TlAxisYear, &[("year", &a.to_string())]),
        _ => tr(&lang, Msg::TlAxis).to_string(),
    };

    let markers = l.items.iter().enumerate().map(|(pos, p)| {
        let e = &events[geom.visible[p.index]];
        let multi = e.category == EventCategory::MultiSport;
        let is_selected = Some(pos) == selected_pos;
        let class = classes!(
            "ms-tl-item",
            if multi { "ms-tl-multi" } else { "ms-tl-other" },
            p.label_px.is_none().then_some("ms-tl-nolabel"),
            p.label_before.then_some("ms-tl-before"),
            is_selected.then_some("ms-tl-selected"),
        );
        let style = format!(
            "--x:{};--lane:{};--lw:{}px",
            pct(p.x),
            p.lane,
            fixed(p.label_px.unwrap_or(0.0), 2)
        );
        let kind = tr(
            &lang,
            if multi {
                Msg::TlKindMulti
            } else {
                Msg::TlKindOther
            },
        );
        let meta = trf(
            &lang,
            Msg::TlMarkerMeta,
            &[("city", &e.city), ("year", &e.year.to_string())],
        );
        html! {
            <li key={e.id.clone()} {class} data-ms-style={style}>
                <button type="button" class="ms-tl-marker" id={format!("{prefix}-m{pos}")}
                    data-idx={pos.to_string()}
                    // Mouse users see an unlabelled marker's name on hover.
                    title={p.label_px.is_none().then(|| e.name.clone())}
                    tabindex={if pos == active_pos { "0" } else { "-1" }}
                    aria-pressed={if is_selected { "true" } else { "false" }}
                    aria-controls={details_id.clone()}>
                    <span class="ms-tl-shape" aria-hidden="true"></span>
                    <span class="ms-tl-text">
                        <span class="ms-tl-label">{ &e.name }</span>
                        <span class="ms-tl-meta">{ meta }</span>
                        <span class="ms-tl-sr">{ format!(", {kind}") }</span>
                    </span>
                </button>
            </li>
        }
    });
    // A year label that would run off the track's end is left out.
    let ticks = l.ticks.iter().filter(|t| t.x + 36.0 <= l.width).map(|t| {
        html! { <span key={t.year} class="ms-tl-tick" data-ms-style={format!("--x:{}", pct(t.x))}>{ t.year }</span> }
    });

    let details = selected.map(|i| details(&events[i], &lang, &prefix));
    let legend_multi = if count(Filter::MultiSport) > 0 {
        ""
    } else {
        "ms-tl-hidden"
    };

    html! {
        // Placed once measured: until then the panel and what is under it
        // are hidden (`.ms-unplaced` in widget.css), or all below the axis
        // would jump down when the markers arrive (a layout shift).
        <section class="ms-tl ms-unplaced" data-ms-placed={avail.is_some().then_some("")} id={prefix.clone()} aria-labelledby={title_id.clone()}>
            <h2 class="ms-tl-title" id={title_id}>{ tr(&lang, Msg::TlTitle) }</h2>
            <div class="ms-tl-bar">
                <fieldset class="ms-tl-filter">
                    <legend>{ tr(&lang, Msg::TlFilterLabel) }</legend>
                    { for filters }
                </fieldset>
                <p class="ms-tl-legend">
                    <span class={classes!("ms-tl-legend-item", "ms-tl-multi", legend_multi)}>
                        <span class="ms-tl-shape" aria-hidden="true"></span>{ tr(&lang, Msg::TlMultiSport) }
                    </span>
                    <span class="ms-tl-legend-item ms-tl-other">
                        <span class="ms-tl-shape" aria-hidden="true"></span>{ tr(&lang, Msg::TlOther) }
                    </span>
                </p>
            </div>
            <div class="ms-tl-axis" role="region" aria-label={axis_name} ref={axis_ref}>
                if avail.is_none() {
                } else if n == 0 {
                    <p class="ms-tl-empty">{ tr(&lang, Msg::TlNoneOfKind) }</p>
                } else {
                    <div class="ms-tl-track" data-ms-style={format!("--w:{}px;--lanes:{}", fixed(l.width, 2), l.lanes)}>
                        <div class="ms-tl-ticks" aria-hidden="true">{ for ticks }</div>
                        <ol class="ms-tl-list" aria-label={tr(&lang, Msg::TlListLabel)} {onkeydown} {onclick}>
                            { for markers }
                        </ol>
                    </div>
                }
            </div>
            { details.unwrap_or_default() }
        </section>
    }
}

/// The details panel; every string from data goes in as a text node.
fn details(e: &HostedEvent, lang: &str, prefix: &str) -> Html {
    let dates = if e.start == e.end {
        format_date(e.start, lang)
    } else {
        format_date_range(e.start, e.end, lang)
    };
    let facts = [
        ("nations", Msg::TlNations, e.nations),
        ("athletes", Msg::TlAthletes, e.athletes),
        ("sports", Msg::TlSports, e.sports),
        ("events", Msg::TlMedalEvents, e.events),
    ];
    let facts: Vec<Html> = facts
        .iter()
        .filter_map(|&(key, label, v)| {
            v.map(|v| {
                html! {
                    <div {key} class="ms-tl-fact" data-fact={key}>
                        <dt>{ tr(lang, label) }</dt><dd>{ format_count(v, lang) }</dd>
                    </div>
                }
            })
        })
        .collect();
    let heading = format!("{prefix}-details-title");
    // Checked again here: the model promises http(s), but a link is the one
    // place where a broken promise would become script.
    let url = e.url.as_deref().filter(|u| is_safe_url(u));
    html! {
        <div class="ms-tl-details" id={format!("{prefix}-details")} role="region"
            aria-labelledby={heading.clone()} aria-live="polite">
            <h3 id={heading}>{ &e.name }</h3>
            <p class="ms-tl-when">
                <span class="ms-tl-city">{ &e.city }</span>{ " · " }
                <time datetime={e.start.to_string()}>{ dates }</time>
            </p>
            if !facts.is_empty() {
                <dl class="ms-tl-facts">{ facts }</dl>
            }
            if let Some(r) = e.host_result.as_deref().filter(|s| !s.trim().is_empty()) {
                <p class="ms-tl-result"><strong>{ tr(lang, Msg::TlHostResult) }</strong>{ " " }{ r }</p>
            }
            if let Some(s) = e.summary.as_deref().filter(|s| !s.trim().is_empty()) {
                <p class="ms-tl-summary">{ s }</p>
            }
            if let Some(u) = url {
                <p class="ms-tl-source">
                    <a href={u.to_string()} rel="noopener noreferrer" target="_blank">{ tr(lang, Msg::TlSource) }</a>
                </p>
            }
        </div>
    }
}

/// Copies each `data-ms-style="--a:1;--b:2px"` under `root` into the
/// element's inline style through the CSSOM.
fn apply_custom_properties(root: &web_sys::Element) {
    let Ok(list) = root.query_selector_all("[data-ms-style]") else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            apply_style(&el);
        }
    }
}

/// What a render changed, from the `MutationRecord`s of the observer that
/// watches for it: the element whose `data-ms-style` changed, and each
/// element added, with those under it. Only those: the early observer
/// watches the whole panel, where a new selection redraws the details (no
/// positions there), and a re-render that moves the markers rewrites each
/// one's attribute anyway.
fn apply_records(records: &JsValue) {
    let get = |v: &JsValue, key: &str| js_sys::Reflect::get(v, &key.into()).ok();
    for record in js_sys::Array::from(records).iter() {
        // One kind per record: a re-render of 1,000 markers is 1,000
        // attribute records, each read once, no empty node list walked.
        if get(&record, "type").and_then(|t| t.as_string()).as_deref() == Some("attributes") {
            if let Some(el) = get(&record, "target").and_then(|t| t.dyn_into::<Element>().ok()) {
                apply_style(&el);
            }
        } else if let Some(added) = get(&record, "addedNodes") {
            for node in js_sys::Array::from(&added).iter() {
                if let Ok(el) = node.dyn_into::<Element>() {
                    apply_style(&el);
                    apply_custom_properties(&el);
                }
            }
        }
    }
}

/// [`apply_custom_properties`] for one element.
fn apply_style(el: &Element) {
    let (Some(el), Some(decl)) = (
        el.dyn_ref::<web_sys::HtmlElement>(),
        el.get_attribute("data-ms-style"),
    ) else {
        return;
    };
    let style = el.style();
    for pair in decl.split(';') {
        if let Some((name, value)) = pair.split_once(':') {
            let _ = style.set_property(name.trim(), value.trim());
        }
    }
}
