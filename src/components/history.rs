//! The country's medals at each Games: a stacked column chart and, below
//! it, the same numbers as a real table with ranks and rank notes.

use super::breakdown::{medal_patterns, segment};
use super::i18n::{tr, trf, Msg};
use super::intl::format_count;
use super::medals::{counts_phrase, kind_msg, mark};
use super::Shared;
use crate::chart::{column_chart, r2, Frame};
use crate::data::model::{Dataset, HistoryEntry, MedalKind, Season};
use crate::data::order;
use yew::prelude::*;

/// Properties of [`History`].
#[derive(Properties, Clone, PartialEq)]
pub struct HistoryProps {
    /// The dataset (its valid `history` is shown).
    pub data: Shared<Dataset>,
    /// Language tag.
    pub lang: AttrValue,
    /// DOM id prefix.
    pub ns: AttrValue,
}

const FRAME: Frame = Frame {
    width: 320.0,
    left: 28.0,
    right: 4.0,
    top: 16.0,
    bottom: 22.0,
};
const HEIGHT: f64 = 200.0;

/// A Games' stable key: year plus season (both seasons can share a year).
pub fn entry_key(e: &HistoryEntry) -> String {
    format!("{}-{}", e.year, e.season.as_str())
}

/// "Atlanta 1996", with the season named for winter Games.
pub fn games_label(e: &HistoryEntry, lang: &str) -> String {
    match e.season {
        Season::Summer => format!("{} {}", e.city, e.year),
        Season::Winter => format!("{} {} ({})", e.city, e.year, tr(lang, Msg::Winter)),
    }
}

/// The history view.
#[function_component(History)]
pub fn history(props: &HistoryProps) -> Html {
    let lang = props.lang.as_str();
    let mut entries: Vec<&HistoryEntry> = props
        .data
        .history
        .valid()
        .map(|h| h.iter().collect())
        .unwrap_or_default();
    order::sort_by(&mut entries, &mut |a, b| {
        (a.year, a.season).cmp(&(b.year, b.season))
    });
    let has_winter = entries.iter().any(|e| e.season == Season::Winter);
    let rows: Vec<(String, crate::data::model::Tally)> = entries
        .iter()
        .map(|e| {
            let label = if has_winter && e.season == Season::Winter {
                format!("{}W", e.year)
            } else {
                e.year.to_string()
            };
            (label, e.tally)
        })
        .collect();
    let chart = column_chart(&rows, FRAME, HEIGHT, 0.6);
    let band = (chart.plot_right - chart.plot_left) / rows.len().max(1) as f64;
    // A year label at the chart's 11 px is ~28 units wide (four digits of a
    // typical sans), 30 with a gap; on crowded axes label every k-th column.
    let every = ((30.0 / band).ceil() as usize).max(1);
    let name = props.data.country.name_in(lang).to_string();
    let base = format!("{}-hist", props.ns);
    let title_id = format!("{base}-title");
    let desc_id = format!("{base}-desc");
    let pat = format!("{base}-pat");
    let noted: Vec<&&HistoryEntry> = entries.iter().filter(|e| e.rank_note.is_some()).collect();
    let note_no = |e: &HistoryEntry| {
        noted
            .iter()
            .position(|n| n.year == e.year && n.season == e.season)
            .map(|i| i + 1)
    };

    html! {
        <section class="ms-history">
            <figure class="ms-figure">
                <figcaption class="ms-figure-title" id={title_id.clone()}>
                    { trf(lang, Msg::HistoryTitle, &[("country", &name)]) }
                </figcaption>
                <svg class="ms-chart ms-chart-history" viewBox={format!("0 0 {} {}", r2(chart.width), r2(chart.height))}
                    role="img" aria-labelledby={title_id} aria-describedby={desc_id.clone()}>
                    { medal_patterns(&pat) }
                    <g class="ms-grid" aria-hidden="true">
                        { for chart.ticks.iter().map(|(v, y)| html! {
                            <g key={v.to_string()}>
                                <line x1={r2(chart.plot_left)} x2={r2(chart.plot_right)} y1={r2(*y)} y2={r2(*y)} />
                                <text x={r2(chart.plot_left - 4.0)} y={r2(*y)} text-anchor="end"
                                    dominant-baseline="central" class="ms-tick">{ format_count(*v, lang) }</text>
                            </g>
                        }) }
                    </g>
                    { for chart.columns.iter().zip(entries.iter()).enumerate().map(|(i, (c, e))| html! {
                        <g key={entry_key(e)} class="ms-column" data-key={entry_key(e)}>
                            { for c.segments.iter().map(|s| html! {
                                <g key={s.kind.as_str()}>{ segment(s, &pat, lang) }</g>
                            }) }
                            <text x={r2(c.centre_x())} y={r2(c.top_y - 4.0)} text-anchor="middle" class="ms-bar-total">
                                { format_count(c.tally.total(), lang) }
                            </text>
                            if i % every == 0 {
                                <text x={r2(c.centre_x())} y={r2(chart.baseline + 14.0)} text-anchor="middle" class="ms-tick">
                                    { &c.label }
                                </text>
                            }
                        </g>
                    }) }
                    <line class="ms-baseline" x1={r2(chart.plot_left)} x2={r2(chart.plot_right)}
                        y1={r2(chart.baseline)} y2={r2(chart.baseline)} />
                </svg>
                <ul class="ms-sr-only" id={desc_id}>
                    { for entries.iter().map(|e| html! {
                        <li key={entry_key(e)}>
                            { trf(lang, Msg::GamesSummary, &[("games", &games_label(e, lang)), ("counts", &counts_phrase(&e.tally, lang))]) }
                        </li>
                    }) }
                </ul>
            </figure>
            <div class="ms-table-scroll ms-history-scroll" tabindex="0" role="region" aria-labelledby={format!("{base}-caption")}>
                <table class="ms-table ms-history-table">
                    <caption id={format!("{base}-caption")}>{ trf(lang, Msg::HistoryCaption, &[("country", &name)]) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ tr(lang, Msg::ColGames) }</th>
                            { for MedalKind::ALL.iter().map(|&k| html! {
                                <th key={k.as_str()} scope="col" class="ms-col-num">{ mark(k, lang) }<span class="ms-col-label">{ tr(lang, kind_msg(k)) }</span></th>
                            }) }
                            <th scope="col" class="ms-col-num">{ tr(lang, Msg::Total) }</th>
                            <th scope="col" class="ms-col-num">{ tr(lang, Msg::ColRank) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for entries.iter().map(|e| {
                            let n = note_no(e);
                            html! {
                                <tr key={entry_key(e)} data-key={entry_key(e)}>
                                    <th scope="row">{ games_label(e, lang) }</th>
                                    { for MedalKind::ALL.iter().map(|&k| html! {
                                        <td key={k.as_str()} class="ms-col-num">{ format_count(e.tally.get(k), lang) }</td>
                                    }) }
                                    <td class="ms-col-num ms-col-total">{ format_count(e.tally.total(), lang) }</td>
                                    <td class="ms-col-num ms-col-rank"
                                        aria-describedby={n.map(|n| format!("{base}-note-{n}"))}>
                                        { e.rank.map(|r| format_count(r, lang)).unwrap_or_else(|| tr(lang, Msg::RankUnknown).to_string()) }
                                        if let Some(n) = n {
                                            <sup class="ms-note-ref">{ format_count(n as u32, lang) }</sup>
                                        }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if !noted.is_empty() {
                <div class="ms-notes">
                    <p class="ms-notes-title">{ tr(lang, Msg::Notes) }</p>
                    <ol>
                        { for noted.iter().enumerate().map(|(i, e)| html! {
                            <li key={entry_key(e)} id={format!("{base}-note-{}", i + 1)} value={(i + 1).to_string()}>
                                { games_label(e, lang) }{ ": " }{ e.rank_note.clone().unwrap_or_default() }
                            </li>
                        }) }
                    </ol>
                </div>
            }
        </section>
    }
}
