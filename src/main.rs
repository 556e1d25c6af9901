//! The one binary: in the browser it starts the widget, natively it is the
//! `medal-summary validate|rank` data-desk command.

#[cfg(target_arch = "wasm32")]
fn main() {
    medal_summary::embed::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(medal_summary::cli::run(&args));
}
