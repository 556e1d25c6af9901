//! medal-summary: a country's Olympic medal story as an embeddable widget.
//!
//! `data` is the pure core (native and wasm); the browser-only parts
//! (`components`, `embed`) are compiled for `wasm32` only.

pub mod chart;
pub mod data;
pub mod timeline_geom;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

// Talc instead of Rust's default dlmalloc: 3.1 KB gzip less wasm, the same
// first paint and sorts within the benchmark's noise; it keeps about 6% more
// wasm memory on a 10,000-row table (README, "Size").
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
