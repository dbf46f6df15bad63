//! What every list is made from, held apart from the explorer so that the background
//! worker can make the lists on its own thread.

use std::sync::Arc;

use super::orders::ListOrders;
use crate::dataset::Dataset;
use crate::search::index::SearchIndex;
use crate::search::query::Query;

/// What the lists are made from: the parts of the explorer's state they read, as
/// handles to the shared data, so that the background worker
/// ([`ListsJob`](super::ListsJob)) can hold them while the explorer goes on.
#[derive(Clone)]
pub struct ListInputs {
    pub(crate) dataset: Arc<Dataset>,
    pub(crate) index: Arc<SearchIndex>,
    pub(crate) query: Query,
    pub(crate) narrowed: Option<usize>,
    pub(crate) orders: ListOrders,
}
