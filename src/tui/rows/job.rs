//! The lists as a job of the background worker, which a newer query stops or supersedes.

use std::sync::Arc;

use super::inputs::ListInputs;
use super::lists::{Lists, lists};
use crate::background::{Job, Signal};
use crate::search::query::Query;

/// The lists of one query, made on the background worker's thread: the search, which
/// a newer query stops, then the ranking.
pub struct ListsJob(pub ListInputs);

impl Job for ListsJob {
    /// The lists, and the query and narrowing they are for.
    type Output = (Lists, Query, Option<usize>);

    fn run(&self, signal: &Signal) -> Option<Self::Output> {
        let inputs = &self.0;
        inputs
            .index
            .matching_unless(&inputs.query, || signal.stopped())?;
        // Superseded, the search was finished for the newer query to narrow; the lists
        // would be thrown away.
        if signal.superseded() {
            return None;
        }
        Some((lists(inputs), inputs.query.clone(), inputs.narrowed))
    }

    fn same_as(&self, other: &Self) -> bool {
        let (this, other) = (&self.0, &other.0);
        Arc::ptr_eq(&this.index, &other.index)
            && this.query == other.query
            && this.narrowed == other.narrowed
            && this.orders == other.orders
    }

    /// A query one more character narrows searches only what this one found, once it
    /// is found: finishing this search is cheaper than starting that one from further
    /// back. Any other edit makes this search useless to it.
    fn worth_finishing_for(&self, newer: &Self) -> bool {
        Arc::ptr_eq(&self.0.index, &newer.0.index) && newer.0.query.grows_from(&self.0.query)
    }
}
