//! Export: the medal table and the medallists as CSV downloads, and the
//! embed code of the current view copied to the clipboard.
//!
//! The CSV and embed-code builders are pure string functions (no `web-sys`);
//! only [`download`], [`copy_text`] and the [`Actions`] bar touch the page.

use super::app::View;
use super::i18n::{tr, Msg};
use super::table::{build_rows, RowData};
use super::Shared;
use crate::data::model::{Dataset, Medal};
use crate::data::rank::{Placing, RankBy};
use std::borrow::Cow;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlTextAreaElement, Url};
use yew::prelude::*;

/// The byte-order mark every CSV starts with, so spreadsheet programs read
/// the file as UTF-8.
pub const BOM: char = '\u{feff}';

/// One CSV field (RFC 4180): quoted when it holds a comma, a double quote,
/// CR or LF, with its double quotes doubled; otherwise as is.
///
/// A field that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`:
/// spreadsheet programs would otherwise run it as a formula (OWASP's CSV
/// injection advice), and team or athlete names come from data feeds.
pub fn csv_field(s: &str) -> Cow<'_, str> {
    let s: Cow<'_, str> = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    };
    if s.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        s
    }
}

/// One CSV record: quoted fields joined by commas, ended by CRLF.
pub fn csv_record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields
        .iter()
        .map(|f| csv_field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

/// A whole CSV file: BOM, header record, then the records.
pub fn csv_document<S: AsRef<str>>(header: &[&str], records: &[Vec<S>]) -> String {
    let mut out = String::new();
    out.push(BOM);
    out.push_str(&csv_record(header));
    for r in records {
        out.push_str(&csv_record(r));
    }
    out
}

/// The medal table as shown under the current ranking: rank label as shown
/// (`=30` for a shared rank, empty when unranked), code, name and counts.
pub fn table_csv(rows: &[Rc<RowData>]) -> String {
    let records: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let t = r.tally;
            // The rank as a number and the tie apart: "=30" in a cell is a
            // formula to a spreadsheet, and a number sorts.
            let (rank, tied) = match (r.ranked, r.label.strip_prefix('=')) {
                (false, _) => (String::new(), ""),
                (true, Some(n)) => (n.to_string(), "yes"),
                (true, None) => (r.label.clone(), "no"),
            };
            vec![
                rank,
                tied.to_string(),
                r.code.clone(),
                r.name.clone(),
                t.gold.to_string(),
                t.silver.to_string(),
                t.bronze.to_string(),
                t.total().to_string(),
            ]
        })
        .collect();
    csv_document(
        &[
            "rank", "tied", "code", "name", "gold", "silver", "bronze", "total",
        ],
        &records,
    )
}

/// The medallists: colour (`gold`…), athletes joined with `"; "`, sport,
/// event and the ISO date.
pub fn medalists_csv(medals: &[Medal]) -> String {
    let records: Vec<Vec<String>> = medals
        .iter()
        .map(|m| {
            vec![
                m.medal.as_str().to_string(),
                m.athletes.join("; "),
                m.sport.clone(),
                m.event.clone(),
                m.date.to_string(),
            ]
        })
        .collect();
    csv_document(&["medal", "athletes", "sport", "event", "date"], &records)
}

/// `s` escaped for a double-quoted HTML attribute value.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// The code that shows this view on another page: the `<medal-summary>` tag
/// (`src` omitted when empty, then `lang`, `view` and `ranking`), preceded,
/// when the loader's URL is known, by the stylesheet that reserves its box
/// and the loader itself, both next to `loader`. Every value is
/// HTML-escaped.
pub fn embed_code(
    src: &str,
    lang: &str,
    view: &str,
    ranking: RankBy,
    loader: Option<&str>,
) -> String {
    let mut out = String::new();
    if let Some(js) = loader {
        // Beside the loader: the last '/' of its path, not of a query or
        // fragment that may hold one.
        let path = &js[..js.find(['?', '#']).unwrap_or(js.len())];
        let css = match path.rfind('/') {
            Some(i) => format!("{}embed.css", &path[..=i]),
            None => "embed.css".to_string(),
        };
        out.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"{}\">\n<script type=\"module\" src=\"{}\"></script>\n",
            escape_attr(&css),
            escape_attr(js)
        ));
    }
    out.push_str("<medal-summary");
    if !src.is_empty() {
        out.push_str(&format!(" src=\"{}\"", escape_attr(src)));
    }
    out.push_str(&format!(
        " lang=\"{}\" view=\"{}\" ranking=\"{}\"></medal-summary>",
        escape_attr(lang),
        escape_attr(view),
        escape_attr(ranking.as_str())
    ));
    out
}

/// The URL `embed.js` ran from (it records it, `www/embed.js`), if it is an
/// http(s) URL: the widget may have been started another way.
pub fn loader_url() -> Option<String> {
    let key = js_sys::Symbol::for_("medal-summary.loader-url");
    let url = js_sys::Reflect::get(&js_sys::global(), &key)
        .ok()?
        .as_string()?;
    (url.starts_with("https://") || url.starts_with("http://")).then_some(url)
}

/// Offers `text` as a file download: a Blob, an object URL and a temporary
/// `<a download>` click; the URL is revoked once the click is handled.
pub fn download(filename: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let window = web_sys::window().ok_or("no window")?;
    let doc = window.document().ok_or("no document")?;
    let a: HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.set_hidden(true);
    let body = doc.body().ok_or("no body")?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // Revoking synchronously can cancel the download in some browsers.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 0)?;
    Ok(())
}

/// Starts `navigator.clipboard.writeText(text)`; `None` when the page has
/// no clipboard API (insecure context, old browser).
pub fn copy_text(text: &str) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let nav = js_sys::Reflect::get(&window, &"navigator".into()).ok()?;
    let clip = js_sys::Reflect::get(&nav, &"clipboard".into()).ok()?;
    if clip.is_undefined() || clip.is_null() {
        return None;
    }
    let write: js_sys::Function = js_sys::Reflect::get(&clip, &"writeText".into())
        .ok()?
        .dyn_into()
        .ok()?;
    write
        .call1(&clip, &JsValue::from_str(text))
        .ok()?
        .dyn_into()
        .ok()
}

/// Properties of [`Actions`].
#[derive(Properties, Clone, PartialEq)]
pub struct ActionsProps {
    /// The dataset.
    pub data: Shared<Dataset>,
    /// The table ranked by `ranking`.
    pub placings: Shared<Vec<Placing>>,
    /// The view shown.
    pub view: View,
    /// The ranking in force.
    pub ranking: RankBy,
    /// Language tag (as given to the widget).
    pub lang: AttrValue,
    /// The data URL; empty when unknown.
    pub src: AttrValue,
}

/// Where the last "copy embed code" got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CopyState {
    Idle,
    Copied,
    Manual,
}

/// The share/export bar under the views: CSV download for the table and
/// medallists views, and "copy embed code" for every view.
#[function_component(Actions)]
pub fn actions(props: &ActionsProps) -> Html {
    let lang = props.lang.as_str();
    let state = use_state(|| CopyState::Idle);
    let area = use_node_ref();
    let code_lang = if lang.is_empty() { "en" } else { lang };
    let code = embed_code(
        &props.src,
        code_lang,
        props.view.as_str(),
        props.ranking,
        loader_url().as_deref(),
    );
    let stem = props.data.country.code.to_ascii_lowercase();

    {
        let area = area.clone();
        use_effect_with(*state, move |s| {
            if *s == CopyState::Manual {
                if let Some(t) = area.cast::<HtmlTextAreaElement>() {
                    let _ = t.focus();
                    t.select();
                }
            }
        });
    }

    let on_copy = {
        let state = state.clone();
        let code = code.clone();
        Callback::from(move |_: MouseEvent| match copy_text(&code) {
            Some(p) => {
                let state = state.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let ok = wasm_bindgen_futures::JsFuture::from(p).await.is_ok();
                    state.set(if ok {
                        CopyState::Copied
                    } else {
                        CopyState::Manual
                    });
                });
            }
            None => state.set(CopyState::Manual),
        })
    };

    let csv_button = match props.view {
        View::Table if props.data.table.valid().is_some() => {
            let data = props.data.clone();
            let placings = props.placings.clone();
            let name = format!("{stem}-medal-table.csv");
            let onclick = Callback::from(move |_: MouseEvent| {
                let csv = table_csv(&build_rows(&data, &placings));
                let _ = download(&name, &csv, "text/csv;charset=utf-8");
            });
            html! {
                <button type="button" class="ms-action" data-action="csv-table" {onclick}>
                    { tr(lang, Msg::DownloadTableCsv) }
                </button>
            }
        }
        View::Medalists if props.data.medals.valid().is_some() => {
            let data = props.data.clone();
            let name = format!("{stem}-medalists.csv");
            let onclick = Callback::from(move |_: MouseEvent| {
                let medals = data.medals.valid().map(Vec::as_slice).unwrap_or(&[]);
                let _ = download(&name, &medalists_csv(medals), "text/csv;charset=utf-8");
            });
            html! {
                <button type="button" class="ms-action" data-action="csv-medalists" {onclick}>
                    { tr(lang, Msg::DownloadMedalistsCsv) }
                </button>
            }
        }
        _ => html! {},
    };

    html! {
        <div class="ms-actions" role="group" aria-label={tr(lang, Msg::ActionsLabel)}>
            { csv_button }
            <button type="button" class="ms-action" data-action="embed" onclick={on_copy}>
                { tr(lang, Msg::CopyEmbed) }
            </button>
            <p class="ms-action-status" role="status">
                if *state == CopyState::Copied { { tr(lang, Msg::EmbedCopied) } }
            </p>
            if *state != CopyState::Idle && props.src.is_empty() {
                <p class="ms-hint ms-embed-nosrc">{ tr(lang, Msg::EmbedNoSrc) }</p>
            }
            if *state == CopyState::Manual {
                <label class="ms-embed">
                    <span>{ tr(lang, Msg::EmbedManual) }</span>
                    <textarea ref={area} class="ms-embed-code" readonly=true rows="3"
                        spellcheck="false" value={code} />
                </label>
            }
        </div>
    }
}
