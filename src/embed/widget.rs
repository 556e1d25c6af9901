//! The root component of one `<medal-summary>`: owns the load state
//! (loading, ready, failed), the fetch in flight, the refresh timer and the
//! visibility listener, and renders [`App`] once data is ready.
//!
//! Everything that can outlive a render is held in a guard from
//! [`super::resources`], so destroying the component (the element's removal)
//! aborts the fetch, clears the timer and removes the listener.

use super::announce::{change_message, featured_tally, time_of_day};
use super::element::{next_task, when_parsed};
use super::fetch::{
    self, absolute_url, fingerprint, load_text, load_value, FailKind, Failure, Fetched, Loaded,
    Reason, Validators, TIMEOUT_MS,
};
use super::resources::{Inflight, Listener, Timeout, WidgetToken};
use crate::components::i18n::{fill, resolve_lang, tr_in, Lang, Msg as Text};
use crate::components::intl::format_count;
use crate::components::App;
use crate::data::model::Dataset;
use crate::data::num::parse_decimal;
use crate::data::rank::RankBy;
use crate::data::validate::{Problem, Severity};
use js_sys::{Array, Function, Object, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, CustomEvent, CustomEventInit, HtmlElement};
use yew::prelude::*;

/// Shortest refresh interval honoured, in seconds (shorter values clamp to it).
pub const MIN_REFRESH_S: u32 = 10;
/// Longest refresh interval, in seconds (a day).
pub const MAX_REFRESH_S: u32 = 86_400;

/// Properties of [`Widget`]: the element it lives in. Attributes are read
/// from the host itself whenever they change.
#[derive(Properties, Clone, PartialEq)]
pub struct WidgetProps {
    /// The `<medal-summary>` element.
    pub host: HtmlElement,
    /// The number the page gave the element when it started, unique on the
    /// page; names the widget when the element has no `id`.
    pub id: u32,
    /// The shadow root holds a prerendered snapshot (kept by the mount).
    pub prerendered: bool,
}

/// The attributes that matter, as last read from the host.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attrs {
    /// `src`, trimmed; empty when absent.
    pub src: String,
    /// The widget's language: the `lang` attribute, else the page's
    /// `<html lang>`, else English (see [`resolve_lang`]).
    pub lang: Lang,
    /// `view` (initial tab).
    pub view: String,
    /// `ranking`.
    pub ranking: RankBy,
    /// `refresh` in seconds, clamped; `None` when off.
    pub refresh: Option<u32>,
    /// `height`: a CSS length or a number of pixels.
    pub height: Option<String>,
}

/// The `refresh` attribute in seconds: off when absent, not a number or not
/// positive; otherwise clamped to [`MIN_REFRESH_S`]..=[`MAX_REFRESH_S`].
pub fn parse_refresh(value: Option<&str>) -> Option<u32> {
    let s = parse_decimal(value?.trim())?;
    if !s.is_finite() || s <= 0.0 {
        return None;
    }
    Some((s.ceil() as u32).clamp(MIN_REFRESH_S, MAX_REFRESH_S))
}

/// The `height` attribute as a CSS length: a bare number is pixels, a
/// number with a plain unit is kept; anything else is ignored.
pub fn parse_height(value: Option<&str>) -> Option<String> {
    let v = value?.trim();
    let n = v.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &v[n.len()..];
    let num = parse_decimal(n)?;
    if !num.is_finite() || num <= 0.0 {
        return None;
    }
    match unit {
        "" => Some(format!("{n}px")),
        "px" | "rem" | "em" | "vh" | "svh" | "dvh" => Some(v.to_string()),
        _ => None,
    }
}

impl Attrs {
    /// Reads the attributes of `host`.
    pub fn read(host: &HtmlElement) -> Attrs {
        let get = |name: &str| host.get_attribute(name);
        Attrs {
            src: get("src").map(|s| s.trim().to_string()).unwrap_or_default(),
            lang: resolve_lang(&get("lang").unwrap_or_default(), &page_lang()),
            view: get("view")
                .map(|s| s.trim().to_string())
                .unwrap_or_default(),
            ranking: get("ranking")
                .and_then(|s| RankBy::parse(s.trim()))
                .unwrap_or_default(),
            refresh: parse_refresh(get("refresh").as_deref()),
            height: parse_height(get("height").as_deref()),
        }
    }
}

/// The page's language: `document.documentElement.lang` (`""` when unset).
pub fn page_lang() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .map(|e| e.lang())
        .unwrap_or_default()
}

/// Where the data comes from, in order of precedence.
#[derive(Debug, Clone, PartialEq)]
enum Source {
    /// Not decided yet (the document is still being parsed).
    Pending,
    /// The `data` property.
    Property(JsValue),
    /// The `src` attribute, resolved to an absolute URL.
    Url(String),
    /// A `<script type="application/json">` child.
    Inline,
    /// Nothing given.
    None,
}

impl Source {
    fn name(&self) -> &'static str {
        match self {
            Source::Property(_) => "data",
            Source::Url(_) => "src",
            Source::Inline => "inline",
            Source::Pending | Source::None => "none",
        }
    }
}

/// The load state.
pub enum Load {
    /// Nothing shown yet.
    Loading,
    /// Data shown.
    Ready {
        /// The dataset.
        data: Rc<Dataset>,
        /// Its non-fatal problems (warnings, invalid sections).
        problems: Rc<Vec<Problem>>,
        /// When the data was last confirmed current (epoch ms).
        updated: f64,
        /// The last refresh failed: the data shown is from `updated`.
        stale: Option<Failure>,
    },
    /// Nothing usable: the failure is shown with a Retry button.
    Failed(Failure),
}

impl Load {
    fn state(&self) -> &'static str {
        match self {
            Load::Loading => "loading",
            Load::Ready { .. } => "ready",
            Load::Failed(_) => "error",
        }
    }
}

/// Messages of [`Widget`].
pub enum Msg {
    /// The document is parsed: pick the source and load.
    Start,
    /// An observed attribute changed (which one does not matter: see
    /// `attributes_changed`).
    Attributes,
    /// The `data` property was set.
    SetData(JsValue),
    /// `refreshNow()` (with the promise's resolver) or the Retry button.
    Reload(Option<Function>),
    /// A request finished.
    Fetched {
        /// Which request (older ones are ignored).
        seq: u32,
        /// What it gave.
        result: Result<Fetched, Failure>,
    },
    /// Data parsed and validated in an earlier task, to be shown now.
    Parsed {
        /// Which load (older ones are ignored).
        seq: u32,
        /// The data, or why there is none.
        result: Result<Loaded, Failure>,
        /// The response's validators and fingerprint, kept once it is shown.
        body: Option<(Validators, u64)>,
    },
    /// The refresh timer fired.
    Tick,
    /// `visibilitychange` on the document.
    Visibility,
}

/// One widget: see the module documentation.
pub struct Widget {
    attrs: Attrs,
    source: Source,
    load: Load,
    /// Validators and body fingerprint of the last good response.
    validators: Validators,
    body: Option<u64>,
    seq: u32,
    inflight: Option<Inflight>,
    timer: Option<Timeout>,
    visibility: Option<Listener>,
    /// A refresh came due while the page was hidden.
    due: bool,
    announcement: String,
    waiters: Vec<Function>,
    /// A prerendered snapshot is on screen (until there is data to show).
    prerendered: bool,
    /// The load under way is for a new source (`data`, `src`) while other
    /// data is on screen: it replaces that data, or fails beside it.
    replacing: bool,
    /// Names the timeline's link in the page address (`#ms-<id>-event=…`):
    /// the element's `id` as it was when the widget started, so a shared
    /// link still opens its event after widgets are added above it; without
    /// one, the number the page gave the widget when it started.
    instance: AttrValue,
    _token: WidgetToken,
}

impl Component for Widget {
    type Message = Msg;
    type Properties = WidgetProps;

    fn create(ctx: &Context<Self>) -> Self {
        let attrs = Attrs::read(&ctx.props().host);
        ctx.link().send_future(async move {
            let _ = JsFuture::from(when_parsed()).await;
            let _ = JsFuture::from(next_task()).await;
            Msg::Start
        });
        let w = Widget {
            attrs,
            source: Source::Pending,
            load: Load::Loading,
            validators: Validators::default(),
            body: None,
            seq: 0,
            inflight: None,
            timer: None,
            visibility: None,
            due: false,
            announcement: String::new(),
            waiters: Vec::new(),
            prerendered: ctx.props().prerendered,
            instance: match ctx.props().host.id() {
                id if id.is_empty() => AttrValue::from(format!("ms{}", ctx.props().id)),
                id => AttrValue::from(id),
            },
            replacing: false,
            _token: WidgetToken::new(),
        };
        w.apply_height(ctx);
        w.publish_state(ctx);
        w
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Start => {
                if self.source == Source::Pending {
                    self.source = self.pick_source(ctx);
                    self.load(ctx, false);
                }
                true
            }
            Msg::Attributes => self.attributes_changed(ctx),
            Msg::SetData(value) => {
                if self.source == Source::Pending {
                    // `Start` will find it on the element.
                    return false;
                }
                self.source = if value.is_undefined() || value.is_null() {
                    self.pick_source(ctx)
                } else {
                    Source::Property(value)
                };
                let skeleton = self.start_new_source();
                self.load(ctx, false);
                // With no data on screen, only a request shows the skeleton:
                // data at hand is shown in the next task. With data on
                // screen, render: a failure already known (nothing left to
                // load) shows its note now.
                !skeleton || matches!(self.source, Source::Url(_))
            }
            Msg::Reload(waiter) => {
                self.waiters.extend(waiter);
                if self.source == Source::Pending {
                    return false;
                }
                if matches!(self.load, Load::Failed(_)) {
                    self.load = Load::Loading;
                    self.publish_state(ctx);
                }
                self.load(ctx, true);
                true
            }
            Msg::Fetched { seq, result } => {
                if seq != self.seq {
                    return false;
                }
                self.inflight = None;
                self.fetched(ctx, result);
                true
            }
            Msg::Parsed { seq, result, body } => {
                if seq != self.seq {
                    return false;
                }
                // The response's validators only once its data is shown: a
                // rejected update must not make the next request a 304.
                if self.finish(ctx, result) {
                    if let Some((validators, print)) = body {
                        self.validators = validators;
                        self.body = Some(print);
                    }
                }
                true
            }
            Msg::Tick => {
                self.timer = None;
                if document_hidden() {
                    // Polling a tab nobody looks at wastes the reader's data.
                    self.due = true;
                    false
                } else {
                    self.load(ctx, true);
                    true
                }
            }
            Msg::Visibility => {
                if self.due && !document_hidden() {
                    self.due = false;
                    self.load(ctx, true);
                    return true;
                }
                false
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let live = html! {
            <div class="ms-sr-only" aria-live="polite" aria-atomic="true">{ self.announcement.clone() }</div>
        };
        let lang = self.attrs.lang;
        let body = match &self.load {
            Load::Loading => html! {
                <div class="ms-embed-skeleton" aria-busy="true">
                    <span class="ms-sr-only">{ tr_in(lang, Text::EmbedLoading) }</span>
                    <span class="ms-sk-tabs"></span>
                    <span class="ms-sk-title"></span>
                    <span class="ms-sk-tally"></span>
                    <span class="ms-sk-chart"></span>
                </div>
            },
            Load::Failed(f) => self.view_failure(ctx, f),
            Load::Ready {
                data,
                problems,
                updated,
                stale,
            } => {
                let a = &self.attrs;
                let retry = ctx.link().callback(|_: MouseEvent| Msg::Reload(None));
                let stale_note = stale.as_ref().map(|f| {
                    let time = time_of_day(lang.code(), *updated);
                    // What went wrong, where: the first error's JSON path and
                    // what was expected there, for whoever fixes the data.
                    let first = f.problems.iter().find(|p| p.severity == Severity::Error);
                    html! {
                        <p class="ms-embed-note ms-embed-stale">
                            <span>{ fill(tr_in(lang, Text::EmbedStale), &[("time", &time)]) }</span>
                            if f.kind != FailKind::NoData {
                                <button type="button" class="ms-embed-retry" onclick={retry}>{ tr_in(lang, Text::EmbedRetry) }</button>
                            }
                            <span class="ms-embed-detail">
                                { f.text(lang) }
                                if let Some(p) = first { { " " }<code>{ p.to_string() }</code> }
                            </span>
                        </p>
                    }
                });
                let errors: Vec<&Problem> = problems
                    .iter()
                    .filter(|p| p.severity == Severity::Error)
                    .collect();
                let partial = errors.first().map(|first| {
                    let reason = Reason::Partial {
                        count: errors.len(),
                        first: first.to_string(),
                    };
                    html! {
                        <p class="ms-embed-note ms-embed-partial">{ reason.text(lang, None) }</p>
                    }
                });
                let src = if a.src.is_empty() {
                    AttrValue::default()
                } else {
                    AttrValue::from(absolute_url(&a.src))
                };
                html! {
                    <>
                        { for stale_note }
                        { for partial }
                        <App data={data.clone()} problems={problems.clone()}
                            lang={AttrValue::Static(lang.code())} view={AttrValue::from(a.view.clone())}
                            ranking={a.ranking} instance={self.instance.clone()}
                            src={src} />
                    </>
                }
            }
        };
        html! { <>{ live }{ body }</> }
    }

    fn rendered(&mut self, ctx: &Context<Self>, _first_render: bool) {
        if !self.prerendered {
            return;
        }
        let host = &ctx.props().host;
        match self.load {
            Load::Ready { .. } => {
                self.prerendered = false;
                super::reveal(host);
            }
            // The snapshot is the last good data there is: it stays, with the
            // failure and its Retry over its foot.
            Load::Failed(_) => super::beside_snapshot(host, true),
            Load::Loading => super::beside_snapshot(host, false),
        }
    }

    fn destroy(&mut self, _ctx: &Context<Self>) {
        // Guards drop with the component; only pending promises need an answer.
        self.resolve_waiters("removed");
    }
}

fn document_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.hidden())
        .unwrap_or(false)
}

impl Widget {
    fn pick_source(&self, ctx: &Context<Self>) -> Source {
        let host = &ctx.props().host;
        let prop = Reflect::get(host, &JsValue::from_str("data")).unwrap_or(JsValue::UNDEFINED);
        if !prop.is_undefined() && !prop.is_null() {
            Source::Property(prop)
        } else if !self.attrs.src.is_empty() {
            Source::Url(absolute_url(&self.attrs.src))
        } else if inline_text(host).is_some() {
            Source::Inline
        } else {
            Source::None
        }
    }

    /// Re-reads the attributes and acts on every one that changed. Each
    /// change sends a message, handled after the page's script has run, so
    /// by then the host may hold several new values: acting only on the one
    /// the message names lost the others (`height` then `view` set in one
    /// go: the view was read, and dropped, with the height).
    fn attributes_changed(&mut self, ctx: &Context<Self>) -> bool {
        let old = std::mem::replace(&mut self.attrs, Attrs::read(&ctx.props().host));
        let new = &self.attrs;
        // `src` too: the embed code the widget offers quotes it.
        let render = (old.lang, &old.view, old.ranking, &old.src)
            != (new.lang, &new.view, new.ranking, &new.src);
        if old.height != new.height {
            self.apply_height(ctx);
        }
        let reload = old.src != self.attrs.src
            && !matches!(self.source, Source::Pending | Source::Property(_));
        if reload {
            self.source = self.pick_source(ctx);
            self.start_new_source();
            // Plans the next refresh too, once it has settled.
            self.load(ctx, false);
        } else if old.refresh != self.attrs.refresh {
            self.schedule(ctx);
        }
        render
    }

    /// Before loading a new source: data on screen stays there until the new
    /// source's data replaces it, and stays for good if that fails (the
    /// failure is shown beside it, as a failed refresh's is); with none, the
    /// skeleton shows. `true` when it is the skeleton.
    fn start_new_source(&mut self) -> bool {
        // The old source's validators would have a server confirm, with a
        // 304, data that is not its own.
        self.validators = Validators::default();
        self.body = None;
        self.replacing = matches!(self.load, Load::Ready { .. });
        if !self.replacing {
            self.load = Load::Loading;
        }
        !self.replacing
    }

    /// Loads from the current source. `refreshing` keeps what is shown while
    /// the request runs and, if data is on screen, sends the validators of
    /// its response.
    fn load(&mut self, ctx: &Context<Self>, refreshing: bool) {
        self.timer = None;
        self.due = false;
        // Every load supersedes the ones before it, whatever its source: a
        // request still running is aborted (and must not hold off refresh).
        self.seq = self.seq.wrapping_add(1);
        self.inflight = None;
        match self.source.clone() {
            Source::Pending => {}
            Source::Url(url) => {
                let seq = self.seq;
                let Ok(controller) = AbortController::new() else {
                    let f = Failure::new(FailKind::Network, Some(url), Reason::NoFetch);
                    self.fetched(ctx, Err(f));
                    return;
                };
                let signal = controller.signal();
                let timed_out = Rc::new(Cell::new(false));
                let flag = timed_out.clone();
                // Replacing the previous request aborts it.
                self.inflight = Some(Inflight::new(controller, TIMEOUT_MS, move || {
                    flag.set(true)
                }));
                // Validators only with data on screen: a 304 confirms what is
                // shown, and while a load is under way (say `data = null`
                // then `refreshNow()` in one task) nothing is. (While a new
                // source replaces the data on screen there are none:
                // `start_new_source` dropped the old data's.)
                let validators = if refreshing && matches!(self.load, Load::Ready { .. }) {
                    self.validators.clone()
                } else {
                    Validators::default()
                };
                ctx.link().send_future(async move {
                    let result = fetch::get(&url, &validators, &signal, timed_out).await;
                    Msg::Fetched { seq, result }
                });
            }
            Source::Inline => {
                let text = inline_text(&ctx.props().host).unwrap_or_default();
                let result = Ok(Fetched::Body {
                    text,
                    validators: Validators::default(),
                });
                self.fetched(ctx, result);
            }
            Source::Property(value) => {
                self.body = None;
                let result = load_value(&value);
                self.show_next_task(ctx, result, None);
            }
            Source::None => {
                let f = Failure::new(FailKind::NoData, None, Reason::NoData);
                self.finish(ctx, Err(f));
            }
        }
    }

    fn fetched(&mut self, ctx: &Context<Self>, result: Result<Fetched, Failure>) {
        let url = match &self.source {
            Source::Url(u) => Some(u.clone()),
            _ => None,
        };
        let result = match result {
            Ok(Fetched::NotModified) => {
                self.confirm_current(ctx);
                return;
            }
            Ok(Fetched::Body { text, validators }) => {
                let print = fingerprint(&text);
                if self.body == Some(print) && matches!(self.load, Load::Ready { .. }) {
                    self.validators = validators;
                    self.confirm_current(ctx);
                    return;
                }
                let loaded = load_text(&text, url.as_deref());
                self.show_next_task(ctx, loaded, Some((validators, print)));
                return;
            }
            Err(f) => Err(f),
        };
        self.finish(ctx, result);
    }

    /// Shows freshly parsed data in the next task rather than this one:
    /// parsing and validating a full dataset and rendering it are each tens
    /// of milliseconds on a slow phone, and one task holding both would keep
    /// the page from answering input for their sum (Lighthouse's "total
    /// blocking time" counts every task's time beyond 50 ms).
    fn show_next_task(
        &mut self,
        ctx: &Context<Self>,
        result: Result<Loaded, Failure>,
        body: Option<(Validators, u64)>,
    ) {
        let seq = self.seq;
        ctx.link().send_future(async move {
            let _ = JsFuture::from(next_task()).await;
            Msg::Parsed { seq, result, body }
        });
    }

    /// A 304 or an identical body: the data shown is current.
    fn confirm_current(&mut self, ctx: &Context<Self>) {
        self.replacing = false;
        if let Load::Ready { updated, stale, .. } = &mut self.load {
            *updated = js_sys::Date::now();
            *stale = None;
            self.settled(ctx);
        } else {
            // Nothing on screen to confirm (validators go only with data on
            // screen, so this is a safeguard): ask again for the whole body.
            self.load(ctx, false);
        }
    }

    /// Shows a load's outcome; `true` when its data is now on screen.
    fn finish(&mut self, ctx: &Context<Self>, result: Result<Loaded, Failure>) -> bool {
        let showing = matches!(self.load, Load::Ready { .. });
        // `replacing` holds until the new source's data is on screen: its
        // retries and refreshes must not act as refreshes of the old data.
        let refreshed = showing && !self.replacing;
        match result {
            Ok((data, problems)) => {
                let errors = problems
                    .iter()
                    .filter(|p| p.severity == Severity::Error)
                    .count();
                let has_errors = errors > 0;
                if showing && has_errors {
                    // A broken update or new source must not replace good data.
                    let f = Failure::with_problems(
                        FailKind::Invalid,
                        self.url(),
                        Reason::UpdateInvalid { count: errors },
                        problems,
                    );
                    self.body = None;
                    self.failed(ctx, f, true);
                    return false;
                }
                self.replacing = false;
                // Announced only as a refresh: a replacement (say, another
                // Games) is not a change in the medal count.
                if let (true, Load::Ready { data: old, .. }) = (refreshed, &self.load) {
                    if old.country.code == data.country.code {
                        if let (Some(b), Some(a)) = (featured_tally(old), featured_tally(&data)) {
                            let lang = self.attrs.lang;
                            let country = data.country.name_in(lang.code());
                            if let Some(m) = change_message(lang, country, b, a) {
                                self.announcement = m;
                            }
                        }
                    }
                }
                let problems = Rc::new(problems);
                let data = Rc::new(data);
                self.load = Load::Ready {
                    data: data.clone(),
                    problems: problems.clone(),
                    updated: js_sys::Date::now(),
                    stale: None,
                };
                self.settled(ctx);
                self.emit_load(ctx, &data, &problems, refreshed);
                if has_errors {
                    let errors: Vec<Problem> = problems
                        .iter()
                        .filter(|p| p.severity == Severity::Error)
                        .cloned()
                        .collect();
                    let reason = Reason::Partial {
                        count: errors.len(),
                        first: errors.first().map(|p| p.to_string()).unwrap_or_default(),
                    };
                    let f = Failure::with_problems(FailKind::Invalid, self.url(), reason, errors);
                    self.emit_error(ctx, &f, false, true);
                }
                true
            }
            Err(f) => {
                self.failed(ctx, f, showing);
                false
            }
        }
    }

    fn failed(&mut self, ctx: &Context<Self>, f: Failure, refreshed: bool) {
        match &mut self.load {
            Load::Ready { stale, .. } => *stale = Some(f.clone()),
            _ => self.load = Load::Failed(f.clone()),
        }
        self.settled(ctx);
        self.emit_error(ctx, &f, refreshed, false);
    }

    /// After every attempt: publish the state, answer `refreshNow()`, plan the next refresh.
    fn settled(&mut self, ctx: &Context<Self>) {
        self.publish_state(ctx);
        let state = self.load.state();
        self.resolve_waiters(state);
        self.schedule(ctx);
    }

    fn resolve_waiters(&mut self, state: &str) {
        for w in self.waiters.drain(..) {
            let _ = w.call1(&JsValue::NULL, &JsValue::from_str(state));
        }
    }

    /// Arms the refresh timer and the visibility listener when `refresh` is
    /// on and the source can change; drops both otherwise.
    fn schedule(&mut self, ctx: &Context<Self>) {
        let refreshable = matches!(self.source, Source::Url(_) | Source::Inline);
        let Some(secs) = self.attrs.refresh.filter(|_| refreshable) else {
            self.timer = None;
            self.visibility = None;
            self.due = false;
            return;
        };
        if self.visibility.is_none() {
            let cb = ctx.link().callback(|_: ()| Msg::Visibility);
            self.visibility = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| Listener::new(&d, "visibilitychange", move |_| cb.emit(())));
        }
        if self.inflight.is_none() {
            let cb = ctx.link().callback(|_: ()| Msg::Tick);
            self.timer = Timeout::new(secs.saturating_mul(1000), move || cb.emit(()));
        }
    }

    fn url(&self) -> Option<String> {
        match &self.source {
            Source::Url(u) => Some(u.clone()),
            _ => None,
        }
    }

    fn publish_state(&self, ctx: &Context<Self>) {
        let _ = ctx
            .props()
            .host
            .set_attribute("data-ms-state", self.load.state());
    }

    fn apply_height(&self, ctx: &Context<Self>) {
        let style = ctx.props().host.style();
        // CSSOM writes are allowed under a strict style-src, unlike a style attribute.
        let _ = match &self.attrs.height {
            Some(h) => style.set_property("--ms-height", h),
            None => style.remove_property("--ms-height").map(|_| ()),
        };
    }

    fn view_failure(&self, ctx: &Context<Self>, f: &Failure) -> Html {
        let retry = ctx.link().callback(|_: MouseEvent| Msg::Reload(None));
        const SHOWN: usize = 20;
        let listed: Vec<&Problem> = if f.kind == FailKind::Invalid {
            f.problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .take(SHOWN)
                .collect()
        } else {
            Vec::new()
        };
        let more = f
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
            .saturating_sub(SHOWN);
        let lang = self.attrs.lang;
        let more = (more > 0).then(|| {
            let n = format_count(u32::try_from(more).unwrap_or(u32::MAX), lang.code());
            fill(tr_in(lang, Text::EmbedMore), &[("n", &n)])
        });
        html! {
            <div class="ms-embed-error" role="alert">
                <p class="ms-embed-error-title">{ f.kind.title(lang) }</p>
                <p class="ms-embed-error-summary">{ f.text(lang) }</p>
                if let Some(url) = &f.url {
                    <p class="ms-embed-url">{ tr_in(lang, Text::EmbedSource) }{ " " }<code>{ url.clone() }</code></p>
                }
                if !listed.is_empty() {
                    <ul>
                        { for listed.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }
                        if let Some(more) = more { <li>{ more }</li> }
                    </ul>
                }
                if self.prerendered {
                    <p class="ms-embed-snapshot-note">{ tr_in(lang, Text::EmbedSnapshot) }</p>
                }
                if f.kind != FailKind::NoData {
                    <button type="button" class="ms-embed-retry" onclick={retry}>{ tr_in(lang, Text::EmbedRetry) }</button>
                }
            </div>
        }
    }

    fn emit_load(
        &self,
        ctx: &Context<Self>,
        data: &Dataset,
        problems: &[Problem],
        refreshed: bool,
    ) {
        let detail = Object::new();
        set(&detail, "country", &data.country.code.as_str().into());
        set(
            &detail,
            "name",
            &data.country.name_in(self.attrs.lang.code()).into(),
        );
        set(&detail, "warnings", &problems_array(problems));
        set(&detail, "source", &self.source.name().into());
        set(&detail, "refreshed", &refreshed.into());
        if let Some(u) = self.url() {
            set(&detail, "url", &u.into());
        }
        dispatch(&ctx.props().host, "medal-summary-load", &detail);
    }

    fn emit_error(&self, ctx: &Context<Self>, f: &Failure, stale: bool, partial: bool) {
        let detail = Object::new();
        set(&detail, "kind", &f.kind.as_str().into());
        set(&detail, "message", &f.summary.as_str().into());
        set(&detail, "problems", &problems_array(&f.problems));
        set(&detail, "source", &self.source.name().into());
        // stale: good data is still shown; partial: shown, with some parts marked invalid.
        set(&detail, "stale", &stale.into());
        set(&detail, "partial", &partial.into());
        if let Some(u) = &f.url {
            set(&detail, "url", &u.as_str().into());
        }
        dispatch(&ctx.props().host, "medal-summary-error", &detail);
    }
}

fn set(o: &Object, k: &str, v: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(k), v);
}

fn problems_array(problems: &[Problem]) -> Array {
    problems
        .iter()
        .map(|p| {
            let o = Object::new();
            set(&o, "path", &p.path.as_str().into());
            set(&o, "message", &p.message.as_str().into());
            set(&o, "severity", &p.severity.to_string().into());
            JsValue::from(o)
        })
        .collect()
}

fn dispatch(host: &HtmlElement, name: &str, detail: &Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&ev);
    }
}

/// The text of the host's inline `<script type="application/json">` child.
fn inline_text(host: &HtmlElement) -> Option<String> {
    let script = host
        .query_selector(":scope > script[type='application/json']")
        .ok()
        .flatten()?;
    script.text_content()
}
