//! The breakdown chart: one horizontal stacked bar for all sports, then one
//! per sport, with a text alternative saying the same.

use super::i18n::{tr, trf, Msg};
use super::intl::format_count;
use super::medals::{counts_phrase, letter_msg};
use super::Shared;
use crate::chart::{
    by_sport, fit_label, hbar_chart, label_column, r2, segment_label, tally_of, Frame, Segment,
};
use crate::data::model::{Dataset, MedalKind};
use yew::prelude::*;

/// Properties of [`Breakdown`].
#[derive(Properties, Clone, PartialEq)]
pub struct BreakdownProps {
    /// The dataset (its valid `medals` are drawn).
    pub data: Shared<Dataset>,
    /// Language tag.
    pub lang: AttrValue,
    /// DOM id prefix.
    pub ns: AttrValue,
}

/// Sized for a 320 px phone: the viewBox scales up to the CSS max width.
const FRAME: Frame = Frame {
    width: 320.0,
    left: 92.0,
    right: 24.0,
    top: 4.0,
    bottom: 20.0,
};

/// SVG `<defs>` with one fill per colour: silver hatched, bronze dotted, so
/// the bars differ without colour vision. Ids carry `prefix` because two
/// charts (and two widgets) may share one document or shadow root.
pub fn medal_patterns(prefix: &str) -> Html {
    html! {
        <defs>
            <pattern id={format!("{prefix}-silver")} width="6" height="6"
                patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" class="ms-fill-silver" />
                <line x1="0" y1="0" x2="0" y2="6" class="ms-hatch" />
            </pattern>
            <pattern id={format!("{prefix}-bronze")} width="6" height="6" patternUnits="userSpaceOnUse">
                <rect width="6" height="6" class="ms-fill-bronze" />
                <circle cx="3" cy="3" r="1.2" class="ms-dot" />
            </pattern>
        </defs>
    }
}

/// The fill of a segment of `kind` given the patterns' `prefix`.
pub fn segment_fill(kind: MedalKind, prefix: &str) -> Option<String> {
    match kind {
        MedalKind::Gold => None,
        MedalKind::Silver => Some(format!("url(#{prefix}-silver)")),
        MedalKind::Bronze => Some(format!("url(#{prefix}-bronze)")),
    }
}

/// One segment: its shape plus, when it fits, its letter and count.
pub fn segment(seg: &Segment, prefix: &str, lang: &str) -> Html {
    let label = segment_label(
        tr(lang, letter_msg(seg.kind)),
        &format_count(seg.count, lang),
        seg.width,
        seg.height,
    );
    let (cx, cy) = seg.centre();
    html! {
        <g class={classes!("ms-seg", format!("ms-seg-{}", seg.kind.as_str()))}>
            <rect x={r2(seg.x)} y={r2(seg.y)} width={r2(seg.width)} height={r2(seg.height)}
                fill={segment_fill(seg.kind, prefix)} />
            if let Some(l) = label {
                <text x={r2(cx)} y={r2(cy)} class="ms-seg-label" text-anchor="middle" dominant-baseline="central">{ l }</text>
            }
        </g>
    }
}

/// The breakdown chart.
#[function_component(Breakdown)]
pub fn breakdown(props: &BreakdownProps) -> Html {
    let lang = props.lang.as_str();
    let medals = props.data.medals.valid().map(Vec::as_slice).unwrap_or(&[]);
    let sports = by_sport(medals);
    let mut rows = vec![(tr(lang, Msg::AllSports).to_string(), tally_of(medals))];
    rows.extend(sports.iter().map(|s| (s.sport.clone(), s.tally)));
    // Half the chart at most for the names: the bars keep the other half.
    let labels: Vec<&str> = rows.iter().map(|(l, _)| l.as_str()).collect();
    let frame = Frame {
        left: label_column(&labels, 11.0, FRAME.left, FRAME.width / 2.0),
        ..FRAME
    };
    let chart = hbar_chart(&rows, frame, 26.0, 0.7);
    let base = format!("{}-bd", props.ns);
    let title_id = format!("{base}-title");
    let desc_id = format!("{base}-desc");
    let pat = format!("{base}-pat");
    html! {
        <figure class="ms-figure ms-breakdown">
            <figcaption class="ms-figure-title" id={title_id.clone()}>{ tr(lang, Msg::BreakdownTitle) }</figcaption>
            <svg class="ms-chart" viewBox={format!("0 0 {} {}", r2(chart.width), r2(chart.height))}
                role="img" aria-labelledby={title_id} aria-describedby={desc_id.clone()}>
                { medal_patterns(&pat) }
                <g class="ms-grid" aria-hidden="true">
                    { for chart.ticks.iter().map(|(v, x)| html! {
                        <g key={v.to_string()}>
                            <line x1={r2(*x)} x2={r2(*x)} y1={r2(chart.plot_top)} y2={r2(chart.plot_bottom)} />
                            <text x={r2(*x)} y={r2(chart.plot_bottom + 14.0)} text-anchor="middle" class="ms-tick">
                                { format_count(*v, lang) }
                            </text>
                        </g>
                    }) }
                </g>
                { for chart.bars.iter().enumerate().map(|(i, bar)| html! {
                    // The first bar is the "all sports" total; sport names are unique.
                    <g key={if i == 0 { "\u{0}all".to_string() } else { bar.label.clone() }}
                        class={classes!("ms-bar", (i == 0).then_some("ms-bar-all"))}>
                        <text x={r2(frame.left - 6.0)} y={r2(bar.y + bar.height / 2.0)} text-anchor="end"
                            dominant-baseline="central" class="ms-bar-label">{ fit_label(&bar.label, frame.left - 6.0, 11.0, i == 0) }</text>
                        { for bar.segments.iter().map(|s| html! {
                            <g key={s.kind.as_str()}>{ segment(s, &pat, lang) }</g>
                        }) }
                        <text x={r2(bar.end_x + 4.0)} y={r2(bar.y + bar.height / 2.0)}
                            dominant-baseline="central" class="ms-bar-total">{ format_count(bar.tally.total(), lang) }</text>
                    </g>
                }) }
            </svg>
            <ul class="ms-sr-only" id={desc_id}>
                { for rows.iter().enumerate().map(|(i, (label, t))| html! {
                    <li key={if i == 0 { "\u{0}all".to_string() } else { label.clone() }}>
                        { trf(lang, Msg::SportSummary, &[("sport", label), ("counts", &counts_phrase(t, lang))]) }
                    </li>
                }) }
            </ul>
        </figure>
    }
}
