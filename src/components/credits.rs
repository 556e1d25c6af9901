//! Credits under the views: when the data was last updated and the sources
//! it cites, as the dataset gives them (`as_of`, `sources`). A reader can
//! check every figure against where it came from, as a news graphic should
//! let them.

use super::i18n::{trf, Msg};
use super::intl::{format_count, format_date};
use super::Shared;
use crate::data::model::{split_as_of, Dataset};
use yew::prelude::*;

/// Properties of [`Credits`].
#[derive(Properties, PartialEq)]
pub struct CreditsProps {
    /// The shown data.
    pub data: Shared<Dataset>,
    /// Language tag (as given to the widget).
    pub lang: AttrValue,
}

/// A validated `as_of` as a reader reads it: "August 19, 2024", or with its
/// time "August 19, 2024, 14:05 UTC+04:00" (the data's own zone; `Z` is
/// UTC; a time without a zone is shown without one).
pub fn as_of_text(as_of: &str, lang: &str) -> Option<String> {
    let (date, time, zone) = split_as_of(as_of)?;
    let mut out = format_date(date, lang);
    if let Some(t) = time {
        out.push_str(", ");
        out.push_str(t);
        if let Some(z) = zone {
            out.push_str(" UTC");
            if z != "Z" {
                out.push_str(z);
            }
        }
    }
    Some(out)
}

/// The data's date and its sources (links only for the `http(s)` addresses
/// validation let through), folded into a disclosure so that seven long
/// citations do not push the view out of the widget's frame. Nothing at all
/// when the data gives neither.
#[function_component(Credits)]
pub fn credits(props: &CreditsProps) -> Html {
    let l = props.lang.as_str();
    let d = &props.data;
    let as_of = d.as_of.as_deref().and_then(|a| as_of_text(a, l));
    if as_of.is_none() && d.sources.is_empty() {
        return html! {};
    }
    let count = format_count(u32::try_from(d.sources.len()).unwrap_or(u32::MAX), l);
    html! {
        <div class="ms-credits">
            if let Some(a) = as_of {
                <p class="ms-asof">{ trf(l, Msg::AsOf, &[("date", &a)]) }</p>
            }
            if !d.sources.is_empty() {
                <details class="ms-sources">
                    <summary>{ trf(l, Msg::Sources, &[("n", &count)]) }</summary>
                    <ul>
                        { for d.sources.iter().map(|s| html! {
                            <li>
                                if let Some(u) = &s.url {
                                    <a href={u.clone()} rel="noopener noreferrer" target="_blank">{ s.label.clone() }</a>
                                } else {
                                    { s.label.clone() }
                                }
                            </li>
                        }) }
                    </ul>
                </details>
            }
        </div>
    }
}
