//! What each list shows, derived from the dataset, the filter and the narrowing: the
//! Timeline's announcements with their events nested, the Institutions, the Contacts.
//! A filter keeps rows and never reorders them: each list stays in its own order (the
//! Timeline by date, Institutions by name, or what [`ListOrders`] asks), and the
//! best-scoring row of each is told apart, for the cursor to land on.
//!
//! A keystroke recomputes every list, so nothing here parses a date, counts characters
//! or hashes per record: dates are ordered by the values the dataset parsed once, and the
//! filter's hits, which come in entry order, are split by kind where each kind starts,
//! found by binary search, without copying the Timeline's.

mod hits;
mod inputs;
mod institutions;
mod job;
mod lists;
mod orders;
mod related;
mod timeline;

pub(crate) use inputs::ListInputs;
pub use job::ListsJob;
pub(crate) use lists::{Lists, lists};
pub use orders::{InstitutionSort, ListOrders, TimelineSort};
pub(crate) use related::Related;
pub use timeline::{TimelineRow, timeline, timeline_without_narrowing};
