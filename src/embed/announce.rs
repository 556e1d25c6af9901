//! What a live refresh tells screen-reader users: one polite sentence when
//! the featured country's medal count changes ("Azerbaijan: new bronze
//! medal, 3 bronze now"), and the local time of the last good update.

use crate::components::i18n::{fill, tr_in, Lang, Msg};
use crate::components::intl::format_count;
use crate::data::model::{Dataset, MedalKind, Tally};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function format_time(lang, ms) {
  const d = new Date(ms);
  try {
    return new Intl.DateTimeFormat(lang || undefined, { hour: '2-digit', minute: '2-digit' }).format(d);
  } catch (_) {
    // A malformed lang tag makes Intl throw: fall back to the browser's locale.
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(d);
  }
}
"#)]
extern "C" {
    fn format_time(lang: &str, ms: f64) -> String;
}

/// `ms` (epoch milliseconds) as local `HH:MM` in `lang`'s convention.
pub fn time_of_day(lang: &str, ms: f64) -> String {
    format_time(lang, ms)
}

/// The featured country's tally: its table row when the table is valid,
/// else its medals counted.
pub fn featured_tally(data: &Dataset) -> Option<Tally> {
    if let Some(row) = data.country_row() {
        return Some(row.tally);
    }
    let medals = data.medals.valid()?;
    let mut t = Tally::default();
    for m in medals {
        t.add(m.medal);
    }
    Some(t)
}

/// The sentence announcing, in `lang`, the change from `before` to `after`
/// ("Azerbaijan: new bronze medal, 3 bronze now"), or `None` when the
/// featured country's counts did not change. Each changed colour is one
/// whole part (one new medal, several, or a correction), so no template
/// depends on a plural form of the new total.
pub fn change_message(lang: Lang, country: &str, before: Tally, after: Tally) -> Option<String> {
    let code = lang.code();
    let parts: Vec<String> = MedalKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let (b, a) = (before.get(kind), after.get(kind));
            let (one, many, fixed) = match kind {
                MedalKind::Gold => (Msg::NewGold, Msg::NewGoldMany, Msg::GoldCorrected),
                MedalKind::Silver => (Msg::NewSilver, Msg::NewSilverMany, Msg::SilverCorrected),
                MedalKind::Bronze => (Msg::NewBronze, Msg::NewBronzeMany, Msg::BronzeCorrected),
            };
            let n = format_count(a, code);
            let msg = match a.cmp(&b) {
                std::cmp::Ordering::Equal => return None,
                std::cmp::Ordering::Greater if a - b == 1 => one,
                std::cmp::Ordering::Greater => many,
                std::cmp::Ordering::Less => fixed,
            };
            let added = format_count(a.saturating_sub(b), code);
            Some(fill(tr_in(lang, msg), &[("n", &n), ("added", &added)]))
        })
        .collect();
    if parts.is_empty() {
        None
    } else {
        let changes = parts.join("; ");
        Some(fill(
            tr_in(lang, Msg::AnnounceChange),
            &[("country", country), ("changes", &changes)],
        ))
    }
}
