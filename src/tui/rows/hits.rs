//! The filter's hits split by kind, found by binary search where each kind starts, and a
//! kind's hits read as its list's rows.

use std::sync::Arc;

use super::inputs::ListInputs;
use crate::dataset::Record;
use crate::search::index::Hit;

/// The filter's hits, split by kind and still in entry order: ranges of the index's
/// hits, which come in entry order, where every announcement and its events come first,
/// then the institutions, the people and the contacts (see `SearchIndex::entries`).
pub(super) struct Split {
    pub(super) hits: Arc<Vec<Hit>>,
    institutions: usize,
    people: usize,
    contacts: usize,
}

impl Split {
    /// Announcements and their events, each with its hit.
    pub(super) fn timeline<'a>(
        &'a self,
        from: &'a ListInputs,
    ) -> impl Iterator<Item = (Record, Hit)> + 'a {
        self.hits[..self.institutions]
            .iter()
            .map(|hit| (from.index.entries[hit.entry].record, *hit))
    }

    pub(super) fn institutions(&self) -> &[Hit] {
        &self.hits[self.institutions..self.people]
    }

    pub(super) fn people(&self) -> &[Hit] {
        &self.hits[self.people..self.contacts]
    }

    pub(super) fn contacts(&self) -> &[Hit] {
        &self.hits[self.contacts..]
    }
}

/// Every record the filter keeps, split by kind; None when there is no filter. The
/// index remembers its last search, so every list of one keystroke shares one scan.
pub(super) fn split(from: &ListInputs) -> Option<Split> {
    if from.query.is_empty() {
        return None;
    }
    let hits = from.index.matching(&from.query);
    let order = |hit: &Hit| match from.index.entries[hit.entry].record {
        Record::Announcement(_) | Record::Event(..) => 0,
        Record::Institution(_) => 1,
        Record::Person(_) => 2,
        Record::Contact(_) => 3,
    };
    let start = |kind| hits.partition_point(|hit| order(hit) < kind);
    Some(Split {
        institutions: start(1),
        people: start(2),
        contacts: start(3),
        hits,
    })
}

/// A kind's hits as its list's rows, in the list's own order (the dataset's, which is
/// by name), and the row of the best hit.
pub(super) fn in_own_order(
    from: &ListInputs,
    hits: &[Hit],
    index_of: fn(Record) -> Option<usize>,
) -> (Vec<usize>, Option<usize>) {
    let mut best: Option<(usize, Hit)> = None;
    let mut rows = Vec::with_capacity(hits.len());
    for hit in hits {
        if let Some(row) = index_of(from.index.entries[hit.entry].record) {
            if best.is_none_or(|(_, top)| from.index.rank_key(hit) < from.index.rank_key(&top)) {
                best = Some((rows.len(), *hit));
            }
            rows.push(row);
        }
    }
    (rows, best.map(|(row, _)| row))
}

pub(super) fn institution_of(record: Record) -> Option<usize> {
    match record {
        Record::Institution(index) => Some(index),
        _ => None,
    }
}

pub(super) fn contact_of(record: Record) -> Option<usize> {
    match record {
        Record::Contact(index) => Some(index),
        _ => None,
    }
}

pub(super) fn person_of(record: Record) -> Option<usize> {
    match record {
        Record::Person(index) => Some(index),
        _ => None,
    }
}
