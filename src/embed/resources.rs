//! Counted browser resources: timers, event listeners, in-flight fetches and
//! mounted widgets. Each is owned by a guard whose `Drop` releases it, so a
//! destroyed widget cannot leave a timer ticking or a listener attached, and
//! the live counters let tests prove it (they must return to zero once every
//! element is removed).

use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, Event, EventTarget};

thread_local! {
    static LIVE: Cell<u32> = const { Cell::new(0) };
    static WIDGETS: Cell<u32> = const { Cell::new(0) };
}

/// Timers, listeners and fetches currently held by widgets on the page.
pub fn live_resources() -> u32 {
    LIVE.with(Cell::get)
}

/// Widget components currently alive (mounted and not yet destroyed).
pub fn live_widgets() -> u32 {
    WIDGETS.with(Cell::get)
}

/// One unit of [`live_resources`], released on drop.
#[derive(Debug)]
pub struct Tracked(());

impl Tracked {
    /// Counts one more live resource.
    pub fn new() -> Self {
        LIVE.with(|c| c.set(c.get().saturating_add(1)));
        Tracked(())
    }
}

impl Default for Tracked {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        LIVE.with(|c| c.set(c.get().saturating_sub(1)));
    }
}

/// One unit of [`live_widgets`], held by each widget component.
#[derive(Debug)]
pub struct WidgetToken(());

impl WidgetToken {
    /// Counts one more live widget.
    pub fn new() -> Self {
        WIDGETS.with(|c| c.set(c.get().saturating_add(1)));
        WidgetToken(())
    }
}

impl Default for WidgetToken {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for WidgetToken {
    fn drop(&mut self) {
        WIDGETS.with(|c| c.set(c.get().saturating_sub(1)));
    }
}

/// A one-shot `setTimeout`, cleared when dropped.
pub struct Timeout {
    id: Option<i32>,
    _closure: Closure<dyn FnMut()>,
    _tracked: Tracked,
}

impl Timeout {
    /// Calls `f` once after `ms` milliseconds; `None` if there is no window.
    pub fn new(ms: u32, f: impl FnOnce() + 'static) -> Option<Timeout> {
        let window = web_sys::window()?;
        let closure = Closure::once(f);
        let ms = i32::try_from(ms).unwrap_or(i32::MAX);
        let id = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                closure.as_ref().unchecked_ref(),
                ms,
            )
            .ok()?;
        Some(Timeout {
            id: Some(id),
            _closure: closure,
            _tracked: Tracked::new(),
        })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let (Some(id), Some(w)) = (self.id.take(), web_sys::window()) {
            w.clear_timeout_with_handle(id);
        }
    }
}

/// An event listener, removed when dropped.
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
    _tracked: Tracked,
}

impl Listener {
    /// Listens for `kind` events on `target`.
    pub fn new(
        target: &EventTarget,
        kind: &'static str,
        f: impl FnMut(Event) + 'static,
    ) -> Option<Listener> {
        let closure = Closure::<dyn FnMut(Event)>::new(f);
        target
            .add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())
            .ok()?;
        Some(Listener {
            target: target.clone(),
            kind,
            closure,
            _tracked: Tracked::new(),
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// A fetch in flight: its abort controller and its timeout. Dropping it
/// aborts the request (a newer request, the widget's removal) and clears the
/// timer.
pub struct Inflight {
    controller: AbortController,
    _timeout: Option<Timeout>,
    _tracked: Tracked,
}

impl Inflight {
    /// Wraps a controller whose request must be aborted after `timeout_ms`;
    /// `on_timeout` runs just before that abort.
    pub fn new(
        controller: AbortController,
        timeout_ms: u32,
        on_timeout: impl FnOnce() + 'static,
    ) -> Inflight {
        let c = controller.clone();
        let timeout = Timeout::new(timeout_ms, move || {
            on_timeout();
            c.abort();
        });
        Inflight {
            controller,
            _timeout: timeout,
            _tracked: Tracked::new(),
        }
    }
}

impl Drop for Inflight {
    fn drop(&mut self) {
        // Aborting a finished request is a no-op, so this is always safe.
        self.controller.abort();
    }
}
