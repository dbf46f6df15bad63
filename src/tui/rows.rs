//! What each list shows, derived from the dataset, the filter and the narrowing: the
//! Timeline's announcements with their events nested, the Institutions, the Contacts.
//! With a filter, rows are ranked as `search` ranks them; without, in dataset order.
//!
//! A keystroke recomputes every list, so nothing here parses a date, counts characters
//! or hashes per record: [`TimelineOrder`] holds what is fixed per dataset, and the
//! filter's hits, which come in entry order, are split by kind where each kind starts,
//! found by binary search, without copying the Timeline's.

use std::sync::Arc;

use rayon::prelude::*;

use crate::background::{Job, Signal};
use crate::dataset::{Dataset, PartialDate, Record};
use crate::search::index::{Hit, SearchIndex};
use crate::search::query::Query;

/// What the lists are made from: the parts of the explorer's state they read, as
/// handles to the shared data, so that the background worker ([`ListsJob`]) can hold
/// them while the explorer goes on.
#[derive(Clone)]
pub struct Sources {
    pub dataset: Arc<Dataset>,
    pub index: Arc<SearchIndex>,
    pub timeline_order: Arc<TimelineOrder>,
    pub query: Query,
    pub narrowed: Option<usize>,
}

/// The lists of one query, made on the background worker's thread: the search, which
/// a newer query stops, then the ranking.
pub struct ListsJob(pub Sources);

impl Job for ListsJob {
    /// The lists, and the query and narrowing they are for.
    type Output = (Lists, Query, Option<usize>);

    fn run(&self, signal: &Signal) -> Option<Self::Output> {
        let sources = &self.0;
        sources
            .index
            .matching_unless(&sources.query, || signal.stopped())?;
        // Superseded, the search was finished for the newer query to narrow; the lists
        // would be thrown away.
        if signal.superseded() {
            return None;
        }
        Some((lists(sources), sources.query.clone(), sources.narrowed))
    }

    fn same_as(&self, other: &Self) -> bool {
        let (this, other) = (&self.0, &other.0);
        Arc::ptr_eq(&this.index, &other.index)
            && this.query == other.query
            && this.narrowed == other.narrowed
    }

    /// A query one more character narrows searches only what this one found, once it
    /// is found: finishing this search is cheaper than starting that one from further
    /// back. Any other edit makes this search useless to it.
    fn worth_finishing_for(&self, newer: &Self) -> bool {
        Arc::ptr_eq(&self.0.index, &newer.0.index) && newer.0.query.grows_from(&self.0.query)
    }
}

/// A Timeline row: an announcement, or one of its events nested under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineRow {
    Announcement(usize),
    Event(usize, usize),
}

impl TimelineRow {
    pub fn record(self) -> Record {
        match self {
            TimelineRow::Announcement(index) => Record::Announcement(index),
            TimelineRow::Event(announcement, event) => Record::Event(announcement, event),
        }
    }
}

/// What the Timeline's order needs of each announcement, computed once per dataset.
#[derive(Debug, Default)]
pub struct TimelineOrder {
    /// Each announcement's events, in date order (undated ones first, as `None` sorts).
    events_by_date: Vec<Vec<usize>>,
    /// Each announcement's short title length in chars: the ranking's second key.
    title_chars: Vec<u32>,
}

impl TimelineOrder {
    pub fn of(dataset: &Dataset) -> TimelineOrder {
        let events_by_date = dataset
            .announcements
            .par_iter()
            .map(|announcement| {
                let events = &announcement.events;
                let mut order: Vec<usize> = (0..events.len()).collect();
                order.sort_by_key(|&event| {
                    PartialDate::parse(&events[event].date)
                        .map(PartialDate::sort_key)
                        .ok()
                });
                order
            })
            .collect();
        let title_chars = dataset
            .announcements
            .par_iter()
            .map(|announcement| {
                u32::try_from(announcement.short_title.chars().count()).unwrap_or(u32::MAX)
            })
            .collect();
        TimelineOrder {
            events_by_date,
            title_chars,
        }
    }
}

/// The filter's hits, split by kind and still in entry order: ranges of the index's
/// hits, which come in entry order, where every announcement and its events come first,
/// then the institutions, the people and the contacts (see `SearchIndex::entries`).
struct Split {
    hits: Arc<Vec<Hit>>,
    institutions: usize,
    people: usize,
    contacts: usize,
}

impl Split {
    /// Announcements and their events, each with its score.
    fn timeline<'a>(&'a self, from: &'a Sources) -> impl Iterator<Item = (Record, i64)> + 'a {
        self.hits[..self.institutions]
            .iter()
            .map(|hit| (from.index.entries[hit.entry].record, hit.score))
    }

    fn institutions(&self) -> Vec<Hit> {
        self.hits[self.institutions..self.people].to_vec()
    }

    fn people(&self) -> Vec<Hit> {
        self.hits[self.people..self.contacts].to_vec()
    }

    fn contacts(&self) -> Vec<Hit> {
        self.hits[self.contacts..].to_vec()
    }
}

/// Every record the filter keeps, split by kind; None when there is no filter. The
/// index remembers its last search, so every list of one keystroke shares one scan.
fn split(from: &Sources) -> Option<Split> {
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

fn push_with_events(from: &Sources, rows: &mut Vec<TimelineRow>, announcement: usize) {
    rows.push(TimelineRow::Announcement(announcement));
    rows.extend(
        from.timeline_order.events_by_date[announcement]
            .iter()
            .map(|&event| TimelineRow::Event(announcement, event)),
    );
}

pub fn timeline(from: &Sources) -> Vec<TimelineRow> {
    match from.narrowed {
        Some(institution) => {
            let candidates = from.dataset.announcements_of(institution);
            timeline_of(
                from,
                Some(&candidates),
                split(from).as_ref().map(|split| split.timeline(from)),
            )
        }
        None => timeline_without_narrowing(from),
    }
}

/// The Timeline's rows as if nothing were narrowed: what the filter alone keeps.
pub fn timeline_without_narrowing(from: &Sources) -> Vec<TimelineRow> {
    timeline_of(
        from,
        None,
        split(from).as_ref().map(|split| split.timeline(from)),
    )
}

/// The rows of the `candidates` announcements (every one with None, otherwise sorted),
/// ranked by `hits` when there is a filter.
fn timeline_of(
    from: &Sources,
    candidates: Option<&[usize]>,
    hits: Option<impl Iterator<Item = (Record, i64)>>,
) -> Vec<TimelineRow> {
    let mut rows = Vec::new();
    let Some(hits) = hits else {
        match candidates {
            Some(candidates) => {
                for &announcement in candidates {
                    push_with_events(from, &mut rows, announcement);
                }
            }
            None => {
                for announcement in 0..from.dataset.announcements.len() {
                    push_with_events(from, &mut rows, announcement);
                }
            }
        }
        return rows;
    };
    let is_candidate = |announcement: usize| {
        candidates.is_none_or(|candidates| candidates.binary_search(&announcement).is_ok())
    };
    // Hits come in entry order, where an announcement's events follow it: one group of
    // consecutive hits per announcement, with its best score and its matched events
    // (a range of `events`).
    let mut events: Vec<usize> = Vec::new();
    // Per announcement with hits: its place in the ranking, as one number that sorts
    // fast (better score first, then shorter title, then dataset order), and the range
    // of `events` its matched events take.
    let mut ranked: Vec<(u128, usize, usize)> = Vec::new();
    let mut group: Option<(usize, i64, usize)> = None;
    let mut close = |group: Option<(usize, i64, usize)>, end: usize| {
        if let Some((announcement, best, start)) = group {
            ranked.push((
                timeline_key(
                    best,
                    from.timeline_order.title_chars[announcement],
                    announcement,
                ),
                start,
                end,
            ));
        }
    };
    for (record, score) in hits {
        let (announcement, event) = match record {
            Record::Announcement(announcement) => (announcement, None),
            Record::Event(announcement, event) => (announcement, Some(event)),
            _ => continue,
        };
        if !is_candidate(announcement) {
            continue;
        }
        match &mut group {
            Some((current, best, _)) if *current == announcement => *best = (*best).max(score),
            _ => {
                close(group, events.len());
                group = Some((announcement, score, events.len()));
            }
        }
        events.extend(event);
    }
    close(group, events.len());
    // Keys are unique (the announcement is part of each), so an unstable sort gives one
    // order.
    if ranked.len() > 8192 {
        ranked.par_sort_unstable_by_key(|&(key, ..)| key);
    } else {
        ranked.sort_unstable_by_key(|&(key, ..)| key);
    }
    rows.reserve(ranked.len() + events.len());
    for (key, start, end) in ranked {
        let announcement = (key & u128::from(u64::MAX)) as usize;
        rows.push(TimelineRow::Announcement(announcement));
        let matched = &events[start..end];
        if matched.is_empty() {
            continue;
        }
        for &event in &from.timeline_order.events_by_date[announcement] {
            if matched.contains(&event) {
                rows.push(TimelineRow::Event(announcement, event));
            }
        }
    }
    rows
}

/// The Timeline's ranking of an announcement with hits, as one sortable number: the
/// score, highest first, then the short title's length in chars, then the announcement's
/// position. Scores are sums of a few terms' scores, far inside 32 bits; one beyond is
/// clamped, which can only make it tie with others of its kind.
fn timeline_key(score: i64, title_chars: u32, announcement: usize) -> u128 {
    let score = u32::try_from(score.clamp(0, i64::from(u32::MAX))).unwrap_or(u32::MAX);
    (u128::from(u32::MAX - score) << 96)
        | (u128::from(title_chars) << 64)
        | u128::from(u64::try_from(announcement).unwrap_or(u64::MAX))
}

/// A kind's hits as its list's rows, ranked as `search` ranks them.
fn ranked(from: &Sources, mut hits: Vec<Hit>, index_of: fn(Record) -> Option<usize>) -> Vec<usize> {
    from.index.rank(&mut hits);
    hits.into_iter()
        .filter_map(|hit| index_of(from.index.entries[hit.entry].record))
        .collect()
}

fn institution_of(record: Record) -> Option<usize> {
    match record {
        Record::Institution(index) => Some(index),
        _ => None,
    }
}

fn contact_of(record: Record) -> Option<usize> {
    match record {
        Record::Contact(index) => Some(index),
        _ => None,
    }
}

fn person_of(record: Record) -> Option<usize> {
    match record {
        Record::Person(index) => Some(index),
        _ => None,
    }
}

/// Every list at once, from one split of the filter's hits.
pub struct Lists {
    pub timeline: Vec<TimelineRow>,
    pub institutions: Vec<usize>,
    pub contacts: Vec<usize>,
    pub people: Vec<usize>,
}

pub fn lists(from: &Sources) -> Lists {
    let Some(split) = split(from) else {
        return Lists {
            timeline: timeline(from),
            institutions: (0..from.dataset.institutions.len()).collect(),
            contacts: (0..from.dataset.contacts.len()).collect(),
            people: (0..from.dataset.people.len()).collect(),
        };
    };
    let candidates = from
        .narrowed
        .map(|institution| from.dataset.announcements_of(institution));
    Lists {
        timeline: timeline_of(from, candidates.as_deref(), Some(split.timeline(from))),
        institutions: ranked(from, split.institutions(), institution_of),
        contacts: ranked(from, split.contacts(), contact_of),
        people: ranked(from, split.people(), person_of),
    }
}

#[cfg(test)]
mod tests {
    use super::timeline_key;

    /// The packed key sorts as (higher score, shorter title, earlier announcement).
    #[test]
    fn timeline_key_sorts_like_the_ranking_it_packs() {
        let cases = [
            (440, 12, 7),
            (440, 12, 3),
            (440, 40, 0),
            (220, 5, 1),
            (0, 0, 2),
            (i64::from(u32::MAX) + 5, 9, 4),
            (100, u32::MAX, usize::MAX >> 1),
        ];
        for &(score, chars, announcement) in &cases {
            for &(other_score, other_chars, other_announcement) in &cases {
                let expected = (
                    std::cmp::Reverse(score.min(i64::from(u32::MAX))),
                    chars,
                    announcement,
                )
                    .cmp(&(
                        std::cmp::Reverse(other_score.min(i64::from(u32::MAX))),
                        other_chars,
                        other_announcement,
                    ));
                let packed = timeline_key(score, chars, announcement).cmp(&timeline_key(
                    other_score,
                    other_chars,
                    other_announcement,
                ));
                assert_eq!(packed, expected, "{score} {chars} {announcement}");
            }
        }
    }
}
