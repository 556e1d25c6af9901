//! The `<medal-summary>` custom element: one tag a newsroom drops into an
//! article. Each element gets an open shadow root holding the widget's
//! styles and a [`widget::Widget`], which finds the data (the `data`
//! property, a `src` URL or an inline `<script type="application/json">`
//! child), validates it and renders the views.
//!
//! Instances are independent: each has its own Yew app, its own state and
//! its own resources, and no input can panic (in release a panic aborts the
//! whole wasm instance, which would take every widget on the page down).
//!
//! Layout: [`element`] is the JS class shim, [`widget`] the state machine,
//! [`fetch`] loading and parsing, [`announce`] refresh announcements,
//! [`resources`] the counted timers/listeners/fetches.

pub mod announce;
pub mod element;
pub mod fetch;
pub mod resources;
pub mod widget;

pub use fetch::{parse, TIMEOUT_MS};
pub use resources::{live_resources, live_widgets};

use crate::components::i18n::{resolve_lang, tr_in, Msg as Text};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use widget::{Msg, Widget, WidgetProps};
use yew::html::Scope;
use yew::AppHandle;

/// Everything the shadow root needs: the embed's isolation and frame rules
/// first, then the views' and the timeline's styles (src/embed/shadow.css,
/// www/widget.css, www/timeline.css without their comments: see build.rs).
pub const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));

thread_local! {
    // A list, not a hash map: a page holds a handful of widgets, and the
    // list costs no hash table code in the wasm.
    static MOUNTED: RefCell<Vec<(u32, AppHandle<Widget>)>> = const { RefCell::new(Vec::new()) };
    /// One constructed stylesheet shared by every shadow root (`None`: unsupported).
    static SHEET: Option<web_sys::CssStyleSheet> = {
        let sheet = web_sys::CssStyleSheet::new().ok();
        sheet.filter(|s| s.replace_sync(STYLE).is_ok())
    };
}

/// Number of `<medal-summary>` elements currently mounted.
pub fn mounted_count() -> usize {
    MOUNTED.with(|m| m.try_borrow().map(|m| m.len()).unwrap_or(0))
}

/// Registers the `<medal-summary>` element (once; later calls do nothing),
/// in a later task than this call: every instance on the page, present or
/// future, then mounts itself. `customElements.whenDefined` tells when.
///
/// The shared stylesheet is parsed now, in the task that started the wasm:
/// parsing it (4-14 ms on the benchmark machine) and mounting the first
/// widget were one task, long enough to count against the page's
/// responsiveness on a slow phone (Lighthouse's Total Blocking Time).
pub fn start() {
    SHEET.with(|_| ());
    wasm_bindgen_futures::spawn_local(async {
        let _ = wasm_bindgen_futures::JsFuture::from(element::next_task()).await;
        define();
    });
}

/// Defines the element, with the callbacks that mount and update widgets.
fn define() {
    let connected = Closure::<dyn Fn(HtmlElement, u32)>::new(|host: HtmlElement, id: u32| {
        if let Err(e) = mount(&host, id) {
            web_sys::console::warn_2(&"medal-summary: could not mount".into(), &e);
        }
    });
    let disconnected = Closure::<dyn Fn(u32)>::new(|id: u32| {
        // Take the handle out first: destroying must not run under the borrow.
        let handle = MOUNTED.with(|m| {
            m.try_borrow_mut().ok().and_then(|mut m| {
                let at = m.iter().position(|(k, _)| *k == id)?;
                Some(m.swap_remove(at).1)
            })
        });
        if let Some(h) = handle {
            h.destroy();
        }
    });
    let attribute = Closure::<dyn Fn(u32)>::new(|id: u32| {
        send(id, Msg::Attributes);
    });
    let data = Closure::<dyn Fn(u32, JsValue)>::new(|id: u32, value: JsValue| {
        send(id, Msg::SetData(value));
    });
    let refresh = Closure::<dyn Fn(u32) -> js_sys::Promise>::new(|id: u32| {
        let mut resolver = None;
        let promise = js_sys::Promise::new(&mut |resolve, _reject| resolver = Some(resolve));
        match scope(id) {
            Some(s) => s.send_message(Msg::Reload(resolver)),
            None => {
                if let Some(r) = resolver {
                    let _ = r.call1(&JsValue::NULL, &"removed".into());
                }
            }
        }
        promise
    });
    // The name a lazy widget has while it waits (see element.rs), in the
    // language the widget itself would pick.
    let waiting_label = Closure::<dyn Fn(String) -> String>::new(|lang: String| {
        tr_in(
            resolve_lang(&lang, &widget::page_lang()),
            Text::EmbedLoading,
        )
        .to_owned()
    });
    match element::define_element(
        &connected,
        &disconnected,
        &attribute,
        &data,
        &refresh,
        STYLE,
        &waiting_label,
    ) {
        Ok(true) => {
            // The element class lives as long as the page: so do its callbacks.
            connected.forget();
            disconnected.forget();
            attribute.forget();
            data.forget();
            refresh.forget();
            waiting_label.forget();
        }
        Ok(false) => {}
        Err(e) => {
            web_sys::console::warn_2(&"medal-summary: could not define the element".into(), &e)
        }
    }
}

fn scope(id: u32) -> Option<Scope<Widget>> {
    MOUNTED.with(|m| {
        m.try_borrow()
            .ok()
            .and_then(|m| m.iter().find(|(k, _)| *k == id).map(|(_, h)| (**h).clone()))
    })
}

fn send(id: u32, msg: Msg) {
    if let Some(s) = scope(id) {
        s.send_message(msg);
    }
}

fn mount(host: &HtmlElement, id: u32) -> Result<(), JsValue> {
    let shadow = match host.shadow_root() {
        Some(s) => s,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    // A re-inserted element keeps its shadow root: start it afresh. A
    // prerendered snapshot (a declarative shadow root written by
    // scripts/prerender.mjs) is the exception: it stays on screen until the
    // widget has something to show in its place (see `reveal`).
    let prerendered = remove_children(&shadow, false)?;
    adopt_styles(&shadow)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let root = document.create_element("div")?;
    root.set_class_name(if prerendered {
        "ms-root ms-pending"
    } else {
        "ms-root"
    });
    shadow.append_child(&root)?;
    let handle = yew::Renderer::<Widget>::with_root_and_props(
        root,
        WidgetProps {
            host: host.clone(),
            id,
            prerendered,
        },
    )
    .render();
    let stale = MOUNTED.with(|m| {
        m.try_borrow_mut()
            .ok()
            .and_then(|mut m| match m.iter_mut().find(|(k, _)| *k == id) {
                Some((_, h)) => Some(std::mem::replace(h, handle)),
                None => {
                    m.push((id, handle));
                    None
                }
            })
    });
    if let Some(h) = stale {
        h.destroy();
    }
    Ok(())
}

/// The attribute marking a prerendered snapshot's nodes in a shadow root.
pub const PRERENDERED: &str = "data-ms-prerendered";
/// The snapshot's root (its other node is its `<style>`).
const SNAPSHOT_ROOT: &str = ".ms-root[data-ms-prerendered]";

/// Removes the children of `shadow` that belong to a prerendered snapshot
/// (`snapshot`) or that do not (`!snapshot`); whether any of the other kind
/// stays.
fn remove_children(shadow: &ShadowRoot, snapshot: bool) -> Result<bool, JsValue> {
    let nodes = shadow.child_nodes();
    let mut kept = false;
    for i in (0..nodes.length()).rev() {
        let Some(node) = nodes.item(i) else { continue };
        let marked = node
            .dyn_ref::<web_sys::Element>()
            .is_some_and(|e| e.has_attribute(PRERENDERED));
        if marked == snapshot {
            shadow.remove_child(&node)?;
        } else {
            kept = true;
        }
    }
    Ok(kept)
}

/// The live root next to a prerendered snapshot (the shadow root's child
/// `.ms-root` without the [`PRERENDERED`] mark).
fn live_root(shadow: &ShadowRoot) -> Option<web_sys::Element> {
    shadow
        .query_selector(".ms-root:not([data-ms-prerendered])")
        .ok()
        .flatten()
}

/// Swaps a prerendered snapshot for the live widget, in the task that
/// rendered the widget's data (or, if a view is still placing itself, the
/// frame it is placed in), so no frame shows neither. Until then the
/// live root has held the loading skeleton, unseen; the data's view never
/// waits behind the snapshot. A reader focused inside the snapshot (on a
/// link or a scroll region: prerender.mjs disables its controls) lands on
/// the element at the same place in the live view.
pub fn reveal(host: &HtmlElement) {
    if let Some(root) = host.shadow_root().as_ref().and_then(live_root) {
        reveal_when_placed(host.clone(), root, 0);
    }
}

/// How many frames [`reveal`] waits at most for a view still placing itself.
const PLACING_FRAMES: u32 = 30;

fn reveal_when_placed(host: HtmlElement, root: web_sys::Element, frames: u32) {
    let Some(shadow) = host.shadow_root() else {
        return;
    };
    // Removed from the page meanwhile (its widget is gone, the snapshot
    // stays for a re-insertion), or another mount's live root by now (it
    // was removed and put back): that one reveals itself.
    if !host.is_connected() || live_root(&shadow).as_ref() != Some(&root) {
        return;
    }
    // A view that lays itself out after measuring (`.ms-unplaced`, see
    // widget.css) would show blank in the snapshot's place: the snapshot
    // stays up until it is placed, a frame or two.
    let placing = root
        .query_selector(".ms-unplaced:not([data-ms-placed])")
        .ok()
        .flatten()
        .is_some();
    if placing && frames < PLACING_FRAMES {
        if let Some(w) = web_sys::window() {
            let (h, r) = (host.clone(), root.clone());
            let next = Closure::once_into_js(move || reveal_when_placed(h, r, frames + 1));
            if w.request_animation_frame(next.unchecked_ref()).is_ok() {
                return;
            }
        }
    }
    let snapshot = shadow.query_selector(SNAPSHOT_ROOT).ok().flatten();
    let focus_path = snapshot.as_ref().and_then(|snap| {
        let active = shadow.active_element()?;
        path_from(snap, &active).map(|p| (p, active.tag_name()))
    });
    let _ = remove_children(&shadow, true);
    root.set_class_name("ms-root");
    let target = focus_path
        .and_then(|(path, tag)| follow(&root, &path).filter(|e| e.tag_name() == tag))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(t) = target {
        let _ = t.focus();
    }
}

/// The element-child positions leading from `root` down to `el`; `None`
/// when `el` is not inside `root`.
fn path_from(root: &web_sys::Element, el: &web_sys::Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut at = el.clone();
    while &at != root {
        let mut i = 0;
        let mut sibling = at.previous_element_sibling();
        while let Some(s) = sibling {
            i += 1;
            sibling = s.previous_element_sibling();
        }
        path.push(i);
        at = at.parent_element()?;
    }
    path.reverse();
    Some(path)
}

/// The element at `path` (see [`path_from`]) under `root`, if there is one.
fn follow(root: &web_sys::Element, path: &[u32]) -> Option<web_sys::Element> {
    let mut at = root.clone();
    for &i in path {
        let mut child = at.first_element_child()?;
        for _ in 0..i {
            child = child.next_element_sibling()?;
        }
        at = child;
    }
    Some(at)
}

/// While a snapshot stays on screen: the live root unseen under it
/// (`failed` false: loading), or its failure panel over the snapshot's foot
/// (`failed`). The snapshot's controls are then disabled, since no code will
/// ever answer them; its text stays readable.
pub fn beside_snapshot(host: &HtmlElement, failed: bool) {
    let Some(shadow) = host.shadow_root() else {
        return;
    };
    let Some(root) = live_root(&shadow) else {
        return;
    };
    root.set_class_name(if failed {
        "ms-root ms-over-snapshot"
    } else {
        "ms-root ms-pending"
    });
    // The panel covers the snapshot's foot: room below its last line (and
    // for focus scrolling) lets all of it scroll out from under the panel.
    let over = if failed {
        format!(
            "{}px",
            root.get_bounding_client_rect().height().ceil() as u32
        )
    } else {
        String::new()
    };
    if let Some(snap) = shadow
        .query_selector(SNAPSHOT_ROOT)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let style = snap.style();
        for p in ["padding-bottom", "scroll-padding-bottom"] {
            let _ = if over.is_empty() {
                style.remove_property(p).map(|_| ())
            } else {
                style.set_property(p, &over)
            };
        }
    }
    if !failed {
        return;
    }
    let Ok(controls) =
        shadow.query_selector_all("[data-ms-prerendered] :is(button, input, select, textarea)")
    else {
        return;
    };
    for i in 0..controls.length() {
        if let Some(e) = controls
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let _ = e.set_attribute("disabled", "");
        }
    }
}

/// Constructable stylesheets are not subject to a page's `style-src` CSP; a
/// `<style>` element is the fallback for browsers without them.
fn adopt_styles(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let adopted = SHEET.with(|s| {
        s.as_ref().map(|sheet| {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(sheet));
        })
    });
    if adopted.is_none() {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let style = document.create_element("style")?;
        style.set_text_content(Some(STYLE));
        shadow.append_child(&style)?;
    }
    Ok(())
}
