//! The JavaScript half of `<medal-summary>`: a custom element class that only
//! forwards its lifecycle to Rust (connect, disconnect, attribute changes,
//! the `data` property, `refreshNow()`). Custom element classes cannot be
//! written in Rust, so this shim is kept as small as possible; all state and
//! all decisions live in [`super::widget::Widget`], except when to start:
//! a `loading="lazy"` element is only handed to Rust once it comes near the
//! viewport (an `IntersectionObserver` here, like an iframe's lazy loading),
//! and is named for screen readers meanwhile.

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen(inline_js = r#"
const OBSERVED = ['src', 'lang', 'view', 'ranking', 'theme', 'refresh', 'height', 'loading'];
// Reflected as properties too (`lang` already is, on every HTMLElement).
const REFLECTED = ['src', 'view', 'ranking', 'theme', 'refresh', 'loading'];
// How near the viewport a `loading="lazy"` widget must come before it loads:
// one screen ahead, time enough to load and render while the reader scrolls
// there. www/embed.js waits by the same margin before fetching the wasm.
const NEAR = '100% 0px';

/** Whether `el` waits until it is near the viewport (`loading="lazy"`, as an iframe's). */
function is_lazy(el) {
  return (el.getAttribute('loading') || '').trim().toLowerCase() === 'lazy'
    && typeof IntersectionObserver === 'function';
}
let parsed = null;

export function when_parsed() {
  // Before DOMContentLoaded a connected element may not have its inline
  // <script type="application/json"> child yet.
  if (!parsed) {
    parsed = document.readyState !== 'loading'
      ? Promise.resolve()
      : new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
  }
  return parsed;
}

// A task of its own for each widget's first load and render: the page
// stays responsive between them (one long task per widget, not one for all).
export function next_task() {
  if (globalThis.scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
    ch.port2.postMessage(0);
  });
}

export function define_element(connected, disconnected, attribute, data, refresh, style, waiting_label) {
  if (customElements.get('medal-summary')) return false;
  let next = 1;
  const mount = (el) => { el._msId = next++; connected(el, el._msId); };
  // A lazy widget that waits is otherwise an empty box to assistive
  // technology: nothing a screen reader's cursor can land on (and so
  // nothing that brings it into view, where it would load). Until it
  // mounts it is a busy region named "Loading medal data…" in its
  // language, through ElementInternals (the host's own attributes stay the
  // page's). A prerendered snapshot speaks for itself.
  const label = (el, on) => {
    if (typeof el.attachInternals !== 'function') return;
    try {
      const i = (el._msInternals ??= el.attachInternals());
      i.role = on ? 'region' : null;
      i.ariaLabel = on ? waiting_label(el.getAttribute('lang') || '') : null;
      i.ariaBusy = on ? 'true' : null;
    } catch (_) {
      // Not expected (internals are not disabled, and taken once); where
      // ElementInternals has no ARIA properties the writes above are inert.
    }
  };
  // One observer for every lazy widget still waiting.
  let near = null;
  const wait = (el) => {
    el._msWaiting = true;
    // A host put back after a removal keeps its (emptied) shadow root.
    if (!el.shadowRoot?.querySelector('[data-ms-prerendered]')) label(el, true);
    near ??= new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) wake(e.target);
    }, { rootMargin: NEAR });
    near.observe(el);
  };
  const wake = (el) => {
    if (!el._msWaiting) return;
    el._msWaiting = false;
    if (el._msInternals) label(el, false);
    near.unobserve(el);
    if (el.isConnected && !el._msId) mount(el);
  };
  class MedalSummaryElement extends HTMLElement {
    static get observedAttributes() { return OBSERVED; }
    /** The shadow root's styles, as written (scripts/prerender.mjs inlines them). */
    static get styleText() { return style; }
    connectedCallback() {
      // Properties set before the element was defined sit on the instance
      // and would hide the class's accessors: move them through them.
      for (const p of ['data', ...REFLECTED]) {
        if (Object.prototype.hasOwnProperty.call(this, p)) { const v = this[p]; delete this[p]; this[p] = v; }
      }
      if (this._msId || this._msWaiting) return;
      if (is_lazy(this)) wait(this); else mount(this);
    }
    disconnectedCallback() {
      // A move within the page re-connects at once: only a real removal unmounts.
      queueMicrotask(() => {
        if (this.isConnected) return;
        if (this._msWaiting) {
          this._msWaiting = false;
          near.unobserve(this);
          if (this._msInternals) label(this, false);
        }
        if (this._msId) { const id = this._msId; this._msId = 0; disconnected(id); }
      });
    }
    attributeChangedCallback(name, old, value) {
      if (name === 'loading') { if (!is_lazy(this)) wake(this); return; }
      if (name === 'lang' && this._msWaiting && this._msInternals?.role) label(this, true);
      if (this._msId && old !== value) attribute(this._msId);
    }
    get data() { return this._msData; }
    set data(value) {
      this._msData = value;
      if (this._msId) data(this._msId, value);
    }
    /** Re-reads the data now; resolves with the new `data-ms-state`. */
    refreshNow() {
      // An explicit request: a lazy widget still waiting loads now.
      wake(this);
      return this._msId ? refresh(this._msId) : Promise.resolve(this.getAttribute('data-ms-state') || 'loading');
    }
  }
  for (const name of REFLECTED) {
    Object.defineProperty(MedalSummaryElement.prototype, name, {
      configurable: true,
      get() { return this.getAttribute(name) ?? ''; },
      set(v) { if (v == null) this.removeAttribute(name); else this.setAttribute(name, String(v)); },
    });
  }
  customElements.define('medal-summary', MedalSummaryElement);
  return true;
}
"#)]
extern "C" {
    /// Resolves once the document is parsed (at once if it already is).
    pub fn when_parsed() -> js_sys::Promise;

    /// Resolves in a later task of the event loop (`scheduler.yield()`
    /// where there is one: it keeps the page's task priority).
    pub fn next_task() -> js_sys::Promise;

    /// Defines the element class; `false` if `medal-summary` was already defined.
    #[wasm_bindgen(catch)]
    pub fn define_element(
        connected: &Closure<dyn Fn(HtmlElement, u32)>,
        disconnected: &Closure<dyn Fn(u32)>,
        attribute: &Closure<dyn Fn(u32)>,
        data: &Closure<dyn Fn(u32, JsValue)>,
        refresh: &Closure<dyn Fn(u32) -> js_sys::Promise>,
        style: &str,
        waiting_label: &Closure<dyn Fn(String) -> String>,
    ) -> Result<bool, JsValue>;
}
