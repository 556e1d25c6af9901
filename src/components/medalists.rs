//! The medallists view: every medal of the featured country, grouped by
//! sport, filterable by colour.

use super::i18n::{tr, trf, Msg};
use super::intl::{format_count, format_date, format_list};
use super::medals::{kind_msg, mark};
use super::Shared;
use crate::chart::by_sport;
use crate::data::model::{Dataset, Medal, MedalKind};
use yew::prelude::*;

/// Properties of [`Medalists`].
#[derive(Properties, Clone, PartialEq)]
pub struct MedalistsProps {
    /// The dataset (its valid `medals` are listed).
    pub data: Shared<Dataset>,
    /// Language tag.
    pub lang: AttrValue,
    /// DOM id prefix.
    pub ns: AttrValue,
}

/// A medal's list key: event plus athletes is unique per medal even in
/// combat sports, where one event gives two bronzes.
pub fn medal_key(m: &Medal) -> String {
    format!("{}|{}|{}", m.event, m.athletes.join("|"), m.medal.as_str())
}

/// The medallists view.
#[function_component(Medalists)]
pub fn medalists(props: &MedalistsProps) -> Html {
    let lang = props.lang.as_str();
    let filter = use_state(|| None::<MedalKind>);
    let medals = props.data.medals.valid().map(Vec::as_slice).unwrap_or(&[]);
    let shown: Vec<&Medal> = medals
        .iter()
        .filter(|m| filter.is_none_or(|k| m.medal == k))
        .collect();
    // Same sport order as the breakdown chart, so both views read alike.
    let sports = by_sport(medals);
    let choices: [(Option<MedalKind>, &str); 4] = [
        (None, tr(lang, Msg::AllMedals)),
        (Some(MedalKind::Gold), tr(lang, Msg::Gold)),
        (Some(MedalKind::Silver), tr(lang, Msg::Silver)),
        (Some(MedalKind::Bronze), tr(lang, Msg::Bronze)),
    ];
    html! {
        <section class="ms-medalists">
            // Sport headings are h3: this keeps the outline whole when the card's h2 is hidden.
            <h2 class="ms-sr-only">{ tr(lang, Msg::TabMedalists) }</h2>
            <div class="ms-filter" role="group" aria-label={tr(lang, Msg::FilterByMedal)}>
                { for choices.iter().map(|(k, label)| {
                    let pressed = *filter == *k;
                    let onclick = {
                        let filter = filter.clone();
                        let k = *k;
                        Callback::from(move |_: MouseEvent| filter.set(k))
                    };
                    html! {
                        <button key={k.map_or("all", MedalKind::as_str)} type="button"
                            class={classes!("ms-chip", k.map(|k| format!("ms-chip-{}", k.as_str())))}
                            aria-pressed={if pressed { "true" } else { "false" }} {onclick}>
                            if let Some(k) = k { { mark(*k, lang) } }
                            { *label }
                        </button>
                    }
                }) }
            </div>
            <p class="ms-shown" role="status">
                { trf(lang, Msg::ShowingN, &[("n", &format_count(shown.len() as u32, lang))]) }
            </p>
            <div class="ms-sports">
                if shown.is_empty() {
                    <p class="ms-empty">{ tr(lang, Msg::NoMedalsOfKind) }</p>
                }
                { for sports.iter().filter_map(|s| {
                    let items: Vec<&&Medal> = shown.iter().filter(|m| m.sport == s.sport).collect();
                    (!items.is_empty()).then(|| html! {
                        <section key={s.sport.clone()} class="ms-sport">
                            <h3 class="ms-sport-name">{ &s.sport }</h3>
                            <ul class="ms-medal-list">
                                { for items.iter().map(|m| medal_item(m, lang)) }
                            </ul>
                        </section>
                    })
                }) }
            </div>
        </section>
    }
}

fn medal_item(m: &Medal, lang: &str) -> Html {
    let names: Vec<&str> = m.athletes.iter().map(String::as_str).collect();
    html! {
        <li key={medal_key(m)} class={classes!("ms-medalist", format!("ms-{}", m.medal.as_str()))}>
            { mark(m.medal, lang) }
            <span class="ms-medalist-kind">{ tr(lang, kind_msg(m.medal)) }</span>
            <span class="ms-athletes">{ format_list(&names, lang) }</span>
            <span class="ms-event">{ &m.event }</span>
            <time class="ms-date" datetime={m.date.to_string()}>{ format_date(m.date, lang) }</time>
        </li>
    }
}
