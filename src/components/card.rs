//! The country card: who, which Games, the medal counts and the rank.

use super::breakdown::Breakdown;
use super::i18n::{tr, trf, Msg};
use super::intl::{format_count, format_list, ordinal};
use super::medals::{kind_msg, mark};
use super::problems::InvalidNotice;
use super::Shared;
use crate::chart::tally_of;
use crate::data::model::{Dataset, MedalKind, Section, Tally};
use crate::data::rank::{placing_of, ranked_count, shared_with, Placing, RankBy};
use crate::data::validate::Problem;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Card`].
#[derive(Properties, Clone, PartialEq)]
pub struct CardProps {
    /// The dataset.
    pub data: Shared<Dataset>,
    /// The table ranked by `ranking` (empty without a valid table).
    pub placings: Shared<Vec<Placing>>,
    /// The ranking the placings follow.
    pub ranking: RankBy,
    /// Validation problems (for an invalid `games` section).
    pub problems: Rc<Vec<Problem>>,
    /// Language tag.
    pub lang: AttrValue,
    /// DOM id prefix.
    pub ns: AttrValue,
}

/// What the card says about the rank.
enum RankInfo {
    /// No valid table, or the country is not in it: say nothing.
    None,
    /// In the table but not ranked (e.g. neutral athletes).
    Unranked,
    /// Ranked: badge text and sentence.
    Ranked {
        badge: String,
        sentence: String,
        tied: bool,
        rank: u32,
    },
}

fn rank_info(data: &Dataset, placings: &[Placing], lang: &str) -> RankInfo {
    let Some(rows) = data.table.valid() else {
        return RankInfo::None;
    };
    let Some(p) = placing_of(rows, placings, &data.country.code) else {
        return RankInfo::None;
    };
    let Some(rank) = p.rank else {
        return RankInfo::Unranked;
    };
    let others = shared_with(rows, placings, &p);
    let names: Vec<&str> = others.iter().map(|r| r.name.as_str()).collect();
    let count = format_count(ranked_count(rows) as u32, lang);
    let ord = ordinal(rank, lang);
    let sentence = if names.is_empty() {
        trf(lang, Msg::RankOf, &[("rank", &ord), ("count", &count)])
    } else {
        let list = format_list(&names, lang);
        trf(
            lang,
            Msg::RankOfShared,
            &[("rank", &ord), ("count", &count), ("names", &list)],
        )
    };
    RankInfo::Ranked {
        badge: p.label(),
        sentence,
        tied: p.tied,
        rank,
    }
}

/// The counts the card shows: the table row when a valid table has the
/// country, else the medals list (a team medal counted once).
pub fn card_tally(data: &Dataset) -> Option<Tally> {
    data.country_row()
        .map(|r| r.tally)
        .or_else(|| data.medals.valid().map(|m| tally_of(m)))
}

/// The country card.
#[function_component(Card)]
pub fn card(props: &CardProps) -> Html {
    let lang = props.lang.as_str();
    let data = &*props.data;
    let name = data.country.name_in(lang);
    let title_id = format!("{}-card-title", props.ns);
    let tally = card_tally(data);
    let rank = rank_info(data, &props.placings, lang);
    let basis = tr(
        lang,
        match props.ranking {
            RankBy::Gold => Msg::RankedByGold,
            RankBy::Total => Msg::RankedByTotal,
        },
    );
    html! {
        <section class="ms-card" aria-labelledby={title_id.clone()}>
            <header class="ms-card-head">
                <h2 class="ms-country" id={title_id}>{ name }</h2>
                if let Some(g) = data.games.valid() {
                    <p class="ms-games">{ &g.name }</p>
                }
            </header>
            if matches!(data.games, Section::Invalid) {
                <InvalidNotice problems={props.problems.clone()} section="games" lang={props.lang.clone()} />
            }
            if let Some(t) = tally {
                <ul class="ms-tally" aria-label={tr(lang, Msg::MedalCounts)}>
                    { for MedalKind::ALL.iter().map(|&k| html! {
                        <li key={k.as_str()} class={classes!("ms-medal", format!("ms-{}", k.as_str()))}>
                            { mark(k, lang) }
                            <span class="ms-count">{ format_count(t.get(k), lang) }</span>
                            <span class="ms-label">{ tr(lang, kind_msg(k)) }</span>
                        </li>
                    }) }
                    <li key="total" class="ms-medal ms-total">
                        <span class="ms-mark ms-mark-total" aria-hidden="true">{ "Σ" }</span>
                        <span class="ms-count">{ format_count(t.total(), lang) }</span>
                        <span class="ms-label">{ tr(lang, Msg::Total) }</span>
                    </li>
                </ul>
            }
            { match rank {
                RankInfo::None => html! {},
                RankInfo::Unranked => html! {
                    <p class="ms-rank"><span class="ms-rank-text">{ tr(lang, Msg::NotRanked) }</span></p>
                },
                RankInfo::Ranked { badge, sentence, tied, rank } => {
                    let badge_label = trf(
                        lang,
                        if tied { Msg::RankBadgeTied } else { Msg::RankBadge },
                        &[("rank", &format_count(rank, lang))],
                    );
                    html! {
                        <p class="ms-rank">
                            <span class="ms-rank-badge" role="img" aria-label={badge_label}>{ badge }</span>
                            <span class="ms-rank-text">{ sentence }</span>
                            <span class="ms-rank-basis">{ basis }</span>
                        </p>
                    }
                }
            } }
            if let Some(medals) = data.medals.valid() {
                if !medals.is_empty() {
                    <Breakdown data={props.data.clone()} lang={props.lang.clone()} ns={props.ns.clone()} />
                }
            }
        </section>
    }
}
