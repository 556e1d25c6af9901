//! The in-place notice for a section whose data failed validation: the
//! section keeps its tab so the data desk sees what to fix where the view
//! would have been.

use super::i18n::{tr, Msg};
use crate::data::validate::Problem;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`InvalidNotice`].
#[derive(Properties, Clone, PartialEq)]
pub struct InvalidNoticeProps {
    /// Every validation problem of the document.
    pub problems: Rc<Vec<Problem>>,
    /// The section's JSON path (`"table"`); only problems at or under it show.
    pub section: AttrValue,
    /// Language tag.
    #[prop_or_default]
    pub lang: AttrValue,
}

/// Same rule as the validator's `Report::problems_under`: `table` matches
/// `table` and `table[3].gold`, not `tables`.
pub fn is_under(path: &str, prefix: &str) -> bool {
    match path.strip_prefix(prefix) {
        Some(rest) => rest.is_empty() || rest.starts_with('.') || rest.starts_with('['),
        None => false,
    }
}

/// A `role=alert` box listing the section's problems as plain text.
#[function_component(InvalidNotice)]
pub fn invalid_notice(props: &InvalidNoticeProps) -> Html {
    let lang = props.lang.as_str();
    let mine: Vec<(usize, &Problem)> = props
        .problems
        .iter()
        .enumerate()
        .filter(|(_, p)| is_under(&p.path, &props.section))
        .collect();
    html! {
        <div class="ms-problems" role="alert">
            <p class="ms-problems-title">{ tr(lang, Msg::InvalidSection) }</p>
            <p>{ tr(lang, Msg::InvalidExplain) }</p>
            <ul>
                // Problems are a fixed, never-reordered list: index plus path is stable.
                { for mine.iter().map(|(i, p)| html! {
                    <li key={format!("{i}:{}", p.path)}>{ p.to_string() }</li>
                }) }
            </ul>
        </div>
    }
}
