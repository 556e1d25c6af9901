//! medal-summary: a country's Olympic medal story as an embeddable widget.
//!
//! `data` is the pure core (native and wasm); the browser-only parts
//! (`components`, `embed`) are compiled for `wasm32` only.

pub mod chart;
pub mod data;
pub mod timeline_geom;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
