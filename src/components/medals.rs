//! Shared bits for showing a medal colour without relying on colour: a
//! shaped mark carrying a letter, the colour's name, and count phrases.

use super::i18n::{tr, trf, Msg};
use super::intl::{format_count, format_list};
use crate::data::model::{MedalKind, Tally};
use yew::prelude::*;

/// The colour's name (`Gold`).
pub fn kind_msg(kind: MedalKind) -> Msg {
    match kind {
        MedalKind::Gold => Msg::Gold,
        MedalKind::Silver => Msg::Silver,
        MedalKind::Bronze => Msg::Bronze,
    }
}

/// The colour's one-letter mark (`G`).
pub fn letter_msg(kind: MedalKind) -> Msg {
    match kind {
        MedalKind::Gold => Msg::GoldLetter,
        MedalKind::Silver => Msg::SilverLetter,
        MedalKind::Bronze => Msg::BronzeLetter,
    }
}

/// The "`{n}` gold" phrase of a colour.
pub fn count_msg(kind: MedalKind) -> Msg {
    match kind {
        MedalKind::Gold => Msg::NGold,
        MedalKind::Silver => Msg::NSilver,
        MedalKind::Bronze => Msg::NBronze,
    }
}

/// A decorative mark: a distinct shape per colour (circle, square,
/// hexagon) with the colour's letter. Hidden from assistive technology
/// because the colour's name is always written next to it.
pub fn mark(kind: MedalKind, lang: &str) -> Html {
    html! {
        <span class={classes!("ms-mark", format!("ms-mark-{}", kind.as_str()))} aria-hidden="true">
            { tr(lang, letter_msg(kind)) }
        </span>
    }
}

/// "2 gold, 2 silver and 3 bronze (7 in total)"-style phrase; colours with
/// no medal are left out unless all are zero.
pub fn counts_phrase(t: &Tally, lang: &str) -> String {
    let parts: Vec<String> = MedalKind::ALL
        .iter()
        .filter(|k| t.get(**k) > 0 || t.total() == 0)
        .map(|&k| trf(lang, count_msg(k), &[("n", &format_count(t.get(k), lang))]))
        .collect();
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    let list = format_list(&refs, lang);
    let total = trf(lang, Msg::NTotal, &[("n", &format_count(t.total(), lang))]);
    format!("{list} ({total})")
}
