//! DOM helpers shared by the browser test files: mount the app into a fresh
//! element, query it, click and let Yew render.
// Each test crate includes this module and uses a different subset of it.
#![allow(dead_code)]

use medal_summary::components::{App, AppProps};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Mounts `App` with `p` in a new element appended to the body and waits for it to render.
pub async fn mount(p: AppProps) -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    let handle = yew::Renderer::<App>::with_root_and_props(div.clone(), p).render();
    // The app lives for the rest of the test page.
    std::mem::forget(handle);
    yew::scheduler::flush().await;
    div
}

/// The first element under `root` matching `sel`; panics naming the selector.
pub fn q(root: &Element, sel: &str) -> Element {
    root.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {sel}"))
}

/// Every element under `root` matching `sel`.
pub fn qa(root: &Element, sel: &str) -> Vec<Element> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap())
        .collect()
}

/// The trimmed text content of `el`.
pub fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default().trim().to_string()
}

/// Clicks `el` and waits for Yew to render the result.
pub async fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}
