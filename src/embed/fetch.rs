//! Loading a dataset: `fetch` with a timeout and conditional requests, then
//! `JSON.parse` and validation. Every way this can go wrong becomes a
//! [`Failure`] with a kind, the URL and a sentence a newsroom can act on;
//! nothing here panics, whatever the server sends.

use crate::data::json::{format_number, Json};
use crate::data::model::Dataset;
use crate::data::validate::{validate, Problem, Report, Severity, MAX_BYTES};
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

    /// The headline shown in the widget.
    pub fn title(self) -> &'static str {
        match self {
            FailKind::Network => "Could not reach the medal data",
            FailKind::Timeout => "The medal data took too long to arrive",
            FailKind::Http => "The server could not send the medal data",
            FailKind::NotJson => "The medal data is not readable",
            FailKind::Invalid => "The medal data has errors",
            FailKind::NoData => "No medal data given",
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
    /// One sentence saying what failed.
    pub summary: String,
    /// Problems for the event detail (never empty).
    pub problems: Vec<Problem>,
}

impl Failure {
    /// A failure whose only problem is `summary` at the document root.
    pub fn new(kind: FailKind, url: Option<String>, summary: String) -> Failure {
        let problems = vec![Problem {
            severity: Severity::Error,
            path: "$".into(),
            message: summary.clone(),
        }];
        Failure {
            kind,
            url,
            summary,
            problems,
        }
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

/// The absolute form of `src` against the document's base URL (for messages
/// and same-origin checks); `src` itself when it cannot be resolved.
pub fn absolute_url(src: &str) -> String {
    Request::new_with_str(src)
        .map(|r| r.url())
        .unwrap_or_else(|_| src.to_string())
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
    let fail = |kind, summary: String| Failure::new(kind, Some(url.to_string()), summary);
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_cache(RequestCache::NoCache);
    init.set_signal(Some(signal));
    let request = Request::new_with_str_and_init(url, &init).map_err(|e| {
        fail(
            FailKind::Network,
            format!("{url} is not a usable URL ({})", js_message(&e)),
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
    let aborted = |e: JsValue, what: &str| {
        if timed_out.get() {
            fail(
                FailKind::Timeout,
                format!("{url} did not answer within {} seconds.", TIMEOUT_MS / 1000),
            )
        } else {
            fail(
                FailKind::Network,
                format!(
                    "{what} {url} failed ({}): the network is down, or the server does not allow this page to read it (CORS).",
                    js_message(&e)
                ),
            )
        }
    };
    let window = web_sys::window()
        .ok_or_else(|| fail(FailKind::Network, "No window to fetch from.".into()))?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|e| aborted(e, "Loading"))?
        .dyn_into()
        .map_err(|_| {
            fail(
                FailKind::Network,
                format!("Loading {url} gave no response."),
            )
        })?;
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
        return Err(fail(
            FailKind::Http,
            format!("The server answered {status} {reason} for {url}."),
        ));
    }
    let rh = response.headers();
    let validators = Validators {
        etag: rh.get("ETag").ok().flatten(),
        last_modified: rh.get("Last-Modified").ok().flatten(),
    };
    let body = response.text().map_err(|e| aborted(e, "Reading"))?;
    let text = JsFuture::from(body)
        .await
        .map_err(|e| aborted(e, "Reading"))?
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

/// Parses JSON text with the browser's `JSON.parse` and validates it.
pub fn parse(text: &str) -> Report {
    match to_json(text) {
        Ok(doc) => validate(&doc),
        Err(message) => Report {
            dataset: None,
            problems: vec![Problem {
                severity: Severity::Error,
                path: "$".into(),
                message,
            }],
        },
    }
}

fn to_json(text: &str) -> Result<Json, String> {
    if text.len() > MAX_BYTES {
        return Err(format!(
            "expected at most {MAX_BYTES} bytes, found {}",
            text.len()
        ));
    }
    let value =
        js_sys::JSON::parse(text).map_err(|e| format!("not valid JSON: {}", js_message(&e)))?;
    serde_wasm_bindgen::from_value::<Json>(value).map_err(|e| format!("not valid JSON: {e}"))
}

/// Turns text (fetched or inline) into a dataset, or the failure to show.
pub fn load_text(text: &str, url: Option<&str>) -> Result<Loaded, Failure> {
    let from = url.map(|u| format!(" from {u}")).unwrap_or_default();
    let json = match to_json(text) {
        Ok(j) => j,
        Err(message) => {
            let hint = if text.trim_start().starts_with('<') {
                " (it looks like an HTML page, not JSON)"
            } else if text.trim().is_empty() {
                " (it is empty)"
            } else {
                ""
            };
            return Err(Failure::new(
                FailKind::NotJson,
                url.map(str::to_string),
                format!("The data{from} is {message}{hint}."),
            ));
        }
    };
    report_to_result(validate(&json), url)
}

/// Turns a JS object (the `data` property) into a dataset, or the failure.
pub fn load_value(value: &JsValue) -> Result<Loaded, Failure> {
    match serde_wasm_bindgen::from_value::<Json>(value.clone()) {
        Ok(json) => report_to_result(validate(&json), None),
        Err(e) => Err(Failure::new(
            FailKind::Invalid,
            None,
            format!("The data property is not plain JSON data: {e}."),
        )),
    }
}

fn report_to_result(report: Report, url: Option<&str>) -> Result<Loaded, Failure> {
    match report.dataset {
        Some(d) => Ok((d, report.problems)),
        None => {
            let n = report.errors().count();
            let from = url.map(|u| format!(" from {u}")).unwrap_or_default();
            let summary = format!(
                "The data{from} cannot be shown: {} error{} (first: {}).",
                format_number(n as f64),
                if n == 1 { "" } else { "s" },
                report
                    .errors()
                    .next()
                    .map(|p| p.to_string())
                    .unwrap_or_default()
            );
            Err(Failure {
                kind: FailKind::Invalid,
                url: url.map(str::to_string),
                summary,
                problems: report.problems,
            })
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
