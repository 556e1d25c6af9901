//! Yew views. They render a validated [`crate::data::model::Dataset`]; they
//! never parse or fetch (that is [`crate::embed`]'s job).
//!
//! The root [`App`] is a set of tabs (APG tabs pattern); each tab is one
//! view module. Strings live in [`i18n`], locale formatting in [`intl`],
//! chart arithmetic in [`crate::chart`].

pub mod app;
pub mod breakdown;
pub mod card;
pub mod credits;
pub mod export;
pub mod history;
pub mod i18n;
pub mod intl;
pub mod medalists;
pub mod medals;
pub mod problems;
pub mod table;
pub mod timeline;

pub use app::{App, AppProps};

use std::ops::Deref;
use std::rc::Rc;

/// An `Rc` compared by pointer, for props and memo dependencies holding
/// large immutable data: the dataset never changes in place, so "same
/// allocation" is "same data", and a deep compare of a 10,000-row table on
/// every render would cost more than the render it is meant to skip.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

/// The prefix of every DOM id in one widget: the embed's instance id, or
/// `ms` when mounted without one (tests, a single widget).
pub fn id_prefix(instance: &str) -> String {
    let clean: String = instance
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if clean.is_empty() {
        "ms".into()
    } else {
        clean
    }
}
