//! Loading a dataset: `fetch` with a timeout and conditional requests, then
//! parsing (`data::json`) and validation. Every way this can go wrong becomes a
//! [`Failure`] with a kind, the URL and a sentence a newsroom can act on;
//! nothing here panics, whatever the server sends.

use crate::components::i18n::{fill, tr_in, Lang, Msg};
use crate::components::intl::format_count;
use crate::data::json::{Json, MAX_DEPTH};
use crate::data::model::Dataset;
use crate::data::validate::{read_json, validate, validate_text, Problem, Report, Severity};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Request, RequestCache, RequestInit, Response};

/// How long a request (headers and body) may take before it is abandoned.
pub const TIMEOUT_MS: u32 = 8_000;

/// What went wrong, as reported in the error event's `detail.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailKind {
    /// The request failed: offline, DNS, refused, or blocked by CORS.
    Network,
    /// No complete answer within [`TIMEOUT_MS`].
    Timeout,
    /// The server answered with an HTTP error status.
    Http,
    /// The body is not JSON (an HTML error page, a truncated file, …).
    NotJson,
    /// JSON, but not a usable medal-summary document.
    Invalid,
    /// The element has neither `src`, inline JSON nor a `data` property.
    NoData,
}

impl FailKind {
    /// The spelling used in `detail.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            FailKind::Network => "network",
            FailKind::Timeout => "timeout",
            FailKind::Http => "http",
            FailKind::NotJson => "not-json",
            FailKind::Invalid => "invalid",
            FailKind::NoData => "no-data",
        }
    }

    /// The headline shown in the widget, in `lang`.
    pub fn title(self, lang: Lang) -> &'static str {
        tr_in(
            lang,
            match self {
                FailKind::Network => Msg::ErrTitleNetwork,
                FailKind::Timeout => Msg::ErrTitleTimeout,
                FailKind::Http => Msg::ErrTitleHttp,
                FailKind::NotJson => Msg::ErrTitleNotJson,
                FailKind::Invalid => Msg::ErrTitleInvalid,
                FailKind::NoData => Msg::ErrTitleNoData,
            },
        )
    }
}

/// What a failure says, kept as data so the widget can say it in its own
/// language ([`Reason::text`]). `detail` and `first` are technical strings
/// (browser messages, JSON paths) shown as they are.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The URL cannot be requested.
    BadUrl {
        /// The browser's message.
        detail: String,
    },
    /// The browser cannot fetch at all.
    NoFetch,
    /// No answer within [`TIMEOUT_MS`].
    Timeout,
    /// The request or the body's download failed.
    Network {
        /// The browser's message.
        detail: String,
    },
    /// `fetch` resolved with something that is not a `Response`.
    NoResponse,
    /// An HTTP error status.
    Http {
        /// Code and reason phrase ("404 Not Found").
        status: String,
    },
    /// The text is not JSON.
    NotJson {
        /// What the parser said.
        detail: String,
        /// A sentence guessing why: [`Msg::HintHtml`] or [`Msg::HintEmpty`].
        hint: Option<Msg>,
    },
    /// JSON that cannot be shown.
    Invalid {
        /// Number of errors.
        count: usize,
        /// The first error, as "path: message".
        first: String,
    },
    /// The `data` property is not plain JSON data.
    NotPlain {
        /// What the conversion said.
        detail: String,
    },
    /// Neither `src`, inline JSON nor a `data` property.
    NoData,
    /// A refresh brought data with errors (the old data stays).
    UpdateInvalid {
        /// Number of errors.
        count: usize,
    },
    /// The data is shown with some parts marked invalid.
    Partial {
        /// Number of errors.
        count: usize,
        /// The first error, as "path: message".
        first: String,
    },
}

impl Reason {
    /// The sentence(s) for a reader of `lang`; `url` is the address
    /// requested, when the data came from `src`.
    pub fn text(&self, lang: Lang, url: Option<&str>) -> String {
        let u = url.unwrap_or_default();
        let code = lang.code();
        let t = |msg, args: &[(&str, &str)]| fill(tr_in(lang, msg), args);
        let count = |n: usize| format_count(u32::try_from(n).unwrap_or(u32::MAX), code);
        match self {
            Reason::BadUrl { detail } => t(Msg::ErrBadUrl, &[("url", u), ("detail", detail)]),
            Reason::NoFetch => t(Msg::ErrNoFetch, &[]),
            Reason::Timeout => t(
                Msg::ErrTimeout,
                &[
                    ("url", u),
                    ("seconds", &format_count(TIMEOUT_MS / 1000, code)),
                ],
            ),
            Reason::Network { detail } => t(Msg::ErrNetwork, &[("url", u), ("detail", detail)]),
            Reason::NoResponse => t(Msg::ErrNoResponse, &[("url", u)]),
            Reason::Http { status } => t(Msg::ErrHttp, &[("status", status), ("url", u)]),
            Reason::NotJson { detail, hint } => {
                let main = match url {
                    Some(u) => t(Msg::ErrNotJson, &[("url", u), ("detail", detail)]),
                    None => t(Msg::ErrNotJsonInline, &[("detail", detail)]),
                };
                match hint {
                    Some(h) => format!("{main} {}", tr_in(lang, *h)),
                    None => main,
                }
            }
            Reason::Invalid { count: n, first } => {
                let n = count(*n);
                match url {
                    Some(u) => t(Msg::ErrInvalid, &[("url", u), ("n", &n), ("first", first)]),
                    None => t(Msg::ErrInvalidHere, &[("n", &n), ("first", first)]),
                }
            }
            Reason::NotPlain { detail } => t(Msg::ErrNotPlain, &[("detail", detail)]),
            Reason::NoData => t(Msg::ErrNoData, &[]),
            Reason::UpdateInvalid { count: n } => t(Msg::ErrUpdateInvalid, &[("n", &count(*n))]),
            Reason::Partial { count: n, first } => {
                t(Msg::EmbedPartial, &[("n", &count(*n)), ("first", first)])
            }
        }
    }
}

/// A failed load: why, where, and the problems to list.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The category of the failure.
    pub kind: FailKind,
    /// The absolute URL requested, when the data came from `src`.
    pub url: Option<String>,
    /// What failed, to be said in the widget's language.
    pub reason: Reason,
    /// [`Self::reason`] in English, for the error event's `detail.message`.
    pub summary: String,
    /// Problems for the event detail (never empty).
    pub problems: Vec<Problem>,
}

impl Failure {
    /// A failure whose only problem is its English summary at the document root.
    pub fn new(kind: FailKind, url: Option<String>, reason: Reason) -> Failure {
        Failure::with_problems(kind, url, reason, Vec::new())
    }

    /// A failure with its `problems` (when empty: the English summary at
    /// the document root).
    pub fn with_problems(
        kind: FailKind,
        url: Option<String>,
        reason: Reason,
        problems: Vec<Problem>,
    ) -> Failure {
        let summary = reason.text(Lang::En, url.as_deref());
        if !problems.is_empty() {
            return Failure {
                kind,
                url,
                reason,
                summary,
                problems,
            };
        }
        let problems = vec![Problem {
            severity: Severity::Error,
            path: "$".into(),
            message: summary.clone(),
        }];
        Failure {
            kind,
            url,
            reason,
            summary,
            problems,
        }
    }

    /// The reader-facing sentence(s) in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.reason.text(lang, self.url.as_deref())
    }
}

/// The validators of the last good response, sent back on refresh.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Validators {
    /// `ETag` of the last 200.
    pub etag: Option<String>,
    /// `Last-Modified` of the last 200.
    pub last_modified: Option<String>,
}

/// A successful HTTP exchange.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched {
    /// 304: what we have is current.
    NotModified,
    /// 200 with its body and validators.
    Body {
        /// The response text.
        text: String,
        /// The validators to send next time.
        validators: Validators,
    },
}

/// A usable dataset with its non-fatal problems.
pub type Loaded = (Dataset, Vec<Problem>);

/// The absolute form of `src` against the document's base URL
/// (`new URL(src, document.baseURI)`), for requests, messages, same-origin
/// checks and the embed code; `src` itself when it cannot be resolved.
pub fn absolute_url(src: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    let url = match &base {
        Some(b) => web_sys::Url::new_with_base(src, b),
        None => web_sys::Url::new(src),
    };
    url.map(|u| u.href()).unwrap_or_else(|_| src.to_string())
}

fn same_origin(url: &str) -> bool {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok());
    match origin {
        Some(o) => url == o || url.starts_with(&format!("{o}/")),
        None => false,
    }
}

/// GETs `url`. Conditional headers go only to the page's own origin: on
/// another origin they would force a CORS preflight many data hosts refuse,
/// and `cache: 'no-cache'` already makes the browser revalidate there.
pub async fn get(
    url: &str,
    validators: &Validators,
    signal: &AbortSignal,
    timed_out: Rc<Cell<bool>>,
) -> Result<Fetched, Failure> {
    let fail = |kind, reason: Reason| Failure::new(kind, Some(url.to_string()), reason);
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_cache(RequestCache::NoCache);
    init.set_signal(Some(signal));
    let request = Request::new_with_str_and_init(url, &init).map_err(|e| {
        fail(
            FailKind::Network,
            Reason::BadUrl {
                detail: js_message(&e),
            },
        )
    })?;
    let headers = request.headers();
    let _ = headers.set("Accept", "application/json");
    if same_origin(url) {
        if let Some(etag) = &validators.etag {
            let _ = headers.set("If-None-Match", etag);
        }
        if let Some(lm) = &validators.last_modified {
            let _ = headers.set("If-Modified-Since", lm);
        }
    }
    let aborted = |e: JsValue| {
        if timed_out.get() {
            fail(FailKind::Timeout, Reason::Timeout)
        } else {
            fail(
                FailKind::Network,
                Reason::Network {
                    detail: js_message(&e),
                },
            )
        }
    };
    let window = web_sys::window().ok_or_else(|| fail(FailKind::Network, Reason::NoFetch))?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(aborted)?
        .dyn_into()
        .map_err(|_| fail(FailKind::Network, Reason::NoResponse))?;
    let status = response.status();
    if status == 304 {
        return Ok(Fetched::NotModified);
    }
    if !response.ok() {
        let text = response.status_text();
        let reason = if text.is_empty() {
            http_reason(status)
        } else {
            text
        };
        let status = format!("{status} {reason}").trim_end().to_string();
        return Err(fail(FailKind::Http, Reason::Http { status }));
    }
    let rh = response.headers();
    let validators = Validators {
        etag: rh.get("ETag").ok().flatten(),
        last_modified: rh.get("Last-Modified").ok().flatten(),
    };
    let body = response.text().map_err(aborted)?;
    let text = JsFuture::from(body)
        .await
        .map_err(aborted)?
        .as_string()
        .unwrap_or_default();
    Ok(Fetched::Body { text, validators })
}

fn http_reason(status: u16) -> String {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
    .to_string()
}

/// The `message` of a JS error, else its string form.
pub fn js_message(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| "unknown error".into())
}

/// Parses JSON text and validates it.
pub fn parse(text: &str) -> Report {
    validate_text(text, js_sys::parse_float, NOT_JSON)
}

/// How the widget says text is not JSON (the command says "invalid JSON").
const NOT_JSON: &str = "not valid JSON";

fn to_json(text: &str) -> Result<Json, String> {
    read_json(text, js_sys::parse_float, NOT_JSON)
}

/// Copies a page's `data` object into a [`Json`] tree. A walk with `js_sys` instead of serde-wasm-bindgen: the serde
/// machinery and the float printer its errors pull in cost more wasm than
/// this whole function. Anything JSON cannot hold (functions, symbols,
/// BigInts, class instances such as `Date` or `Map`) is refused with its
/// path under `path`, and depth is capped so a cyclic object ends in an
/// error, not a hang.
pub fn from_js(v: &JsValue, path: &str, depth: usize) -> Result<Json, String> {
    let plain = js_sys::Object::get_prototype_of(&js_sys::Object::new());
    walk(v, depth, &plain).map_err(|(at, msg)| format!("{path}{at}: {msg}"))
}

/// [`from_js`]'s recursion. An error carries the path below `v` (`[3].name`),
/// built on the way back up, so a valid document allocates no paths.
fn walk(v: &JsValue, depth: usize, plain: &js_sys::Object) -> Result<Json, (String, String)> {
    if v.is_null() || v.is_undefined() {
        return Ok(Json::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Json::Bool(b));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Json::Number(n));
    }
    if let Some(s) = v.as_string() {
        return Ok(Json::String(s));
    }
    if !v.is_object() {
        let kind = v.js_typeof().as_string().unwrap_or_default();
        return Err((String::new(), format!("a {kind} is not JSON data")));
    }
    if depth >= MAX_DEPTH {
        // An object reached through itself (a script's `a.self = a`) ends
        // here too: text cannot hold a cycle, so the parser never says this.
        return Err((
            String::new(),
            format!("nested deeper than {MAX_DEPTH} levels, or refers back to itself"),
        ));
    }
    // The path step is formatted only on the way back from a failure.
    let under = |at: String, (rest, msg): (String, String)| (at + &rest, msg);
    if js_sys::Array::is_array(v) {
        let arr: &js_sys::Array = v.unchecked_ref();
        let mut out = Vec::with_capacity(arr.length() as usize);
        for (i, item) in arr.iter().enumerate() {
            out.push(walk(&item, depth + 1, plain).map_err(|e| under(format!("[{i}]"), e))?);
        }
        return Ok(Json::Array(out));
    }
    let proto = js_sys::Object::get_prototype_of(v);
    if !(proto.is_null() || proto == *plain) {
        return Err((
            String::new(),
            "an object that is not a plain {…} (a Date, Map, class instance…)".into(),
        ));
    }
    let entries = js_sys::Object::entries(v.unchecked_ref());
    let mut out = Vec::with_capacity(entries.length() as usize);
    for pair in entries.iter() {
        let pair: js_sys::Array = pair.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        let value =
            walk(&pair.get(1), depth + 1, plain).map_err(|e| under(format!(".{key}"), e))?;
        out.push((key, value));
    }
    Ok(Json::Object(out))
}

/// Turns text (fetched or inline) into a dataset, or the failure to show.
pub fn load_text(text: &str, url: Option<&str>) -> Result<Loaded, Failure> {
    let json = match to_json(text) {
        Ok(j) => j,
        Err(detail) => {
            let hint = if text.trim_start().starts_with('<') {
                Some(Msg::HintHtml)
            } else if text.trim().is_empty() {
                Some(Msg::HintEmpty)
            } else {
                None
            };
            return Err(Failure::new(
                FailKind::NotJson,
                url.map(str::to_string),
                Reason::NotJson { detail, hint },
            ));
        }
    };
    report_to_result(validate(&json), url)
}

/// Turns a JS object (the `data` property) into a dataset, or the failure.
pub fn load_value(value: &JsValue) -> Result<Loaded, Failure> {
    match from_js(value, "$", 0) {
        Ok(json) => report_to_result(validate(&json), None),
        Err(detail) => Err(Failure::new(
            FailKind::Invalid,
            None,
            Reason::NotPlain { detail },
        )),
    }
}

fn report_to_result(report: Report, url: Option<&str>) -> Result<Loaded, Failure> {
    match report.dataset {
        Some(d) => Ok((d, report.problems)),
        None => {
            let reason = Reason::Invalid {
                count: report.errors().count(),
                first: report
                    .errors()
                    .next()
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
            };
            Err(Failure::with_problems(
                FailKind::Invalid,
                url.map(str::to_string),
                reason,
                report.problems,
            ))
        }
    }
}

/// A cheap fingerprint of a body, to skip re-rendering an unchanged file
/// without keeping megabytes of text around.
pub fn fingerprint(text: &str) -> u64 {
    // FNV-1a: no dependency, and collisions only cost one skipped update.
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    }) ^ text.len() as u64
}
