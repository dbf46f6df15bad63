//! What each list shows, derived from the dataset, the filter and the narrowing: the
//! Timeline's announcements with their events nested, the Institutions, the Contacts.
//! With a filter, rows are ranked as `search` ranks them; without, in dataset order.
//!
//! A keystroke recomputes every list, so nothing here parses a date, counts characters
//! or hashes per record: [`TimelineOrder`] holds what is fixed per dataset, and the
//! filter's hits, which come in entry order, are split by kind in one pass.

use rayon::prelude::*;

use crate::dataset::{Dataset, PartialDate, Record};
use crate::search::index::Hit;

use super::app::App;

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

/// The filter's hits, split by kind and still in entry order.
#[derive(Debug, Default)]
struct Split {
    /// Announcements and their events, each with its score.
    timeline: Vec<(Record, i64)>,
    institutions: Vec<Hit>,
    contacts: Vec<Hit>,
    people: Vec<Hit>,
}

/// Every record the filter keeps, split by kind; None when there is no filter. The
/// index remembers its last search, so every list of one keystroke shares one scan.
fn split(app: &App) -> Option<Split> {
    if app.query.is_empty() {
        return None;
    }
    let hits = app.index.matching(&app.query);
    let mut split = Split::default();
    for &hit in hits.iter() {
        let record = app.index.entries[hit.entry].record;
        match record {
            Record::Announcement(_) | Record::Event(..) => split.timeline.push((record, hit.score)),
            Record::Institution(_) => split.institutions.push(hit),
            Record::Contact(_) => split.contacts.push(hit),
            Record::Person(_) => split.people.push(hit),
        }
    }
    Some(split)
}

fn push_with_events(app: &App, rows: &mut Vec<TimelineRow>, announcement: usize) {
    rows.push(TimelineRow::Announcement(announcement));
    rows.extend(
        app.timeline_order.events_by_date[announcement]
            .iter()
            .map(|&event| TimelineRow::Event(announcement, event)),
    );
}

pub fn timeline(app: &App) -> Vec<TimelineRow> {
    match app.narrowed {
        Some(institution) => {
            let candidates = app.dataset.announcements_of(institution);
            timeline_of(
                app,
                Some(&candidates),
                split(app).map(|split| split.timeline),
            )
        }
        None => timeline_without_narrowing(app),
    }
}

/// The Timeline's rows as if nothing were narrowed: what the filter alone keeps.
pub fn timeline_without_narrowing(app: &App) -> Vec<TimelineRow> {
    timeline_of(app, None, split(app).map(|split| split.timeline))
}

/// The rows of the `candidates` announcements (every one with None, otherwise sorted),
/// ranked by `hits` when there is a filter.
fn timeline_of(
    app: &App,
    candidates: Option<&[usize]>,
    hits: Option<Vec<(Record, i64)>>,
) -> Vec<TimelineRow> {
    let mut rows = Vec::new();
    let Some(hits) = hits else {
        match candidates {
            Some(candidates) => {
                for &announcement in candidates {
                    push_with_events(app, &mut rows, announcement);
                }
            }
            None => {
                for announcement in 0..app.dataset.announcements.len() {
                    push_with_events(app, &mut rows, announcement);
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
    let mut ranked: Vec<(std::cmp::Reverse<i64>, u32, usize, usize, usize)> = Vec::new();
    let mut group: Option<(usize, i64, usize)> = None;
    let mut close = |group: Option<(usize, i64, usize)>, end: usize| {
        if let Some((announcement, best, start)) = group {
            ranked.push((
                std::cmp::Reverse(best),
                app.timeline_order.title_chars[announcement],
                announcement,
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
    // Keys are unique (the announcement is one), so an unstable sort gives one order.
    if ranked.len() > 8192 {
        ranked.par_sort_unstable_by_key(|&(score, label, announcement, ..)| {
            (score, label, announcement)
        });
    } else {
        ranked
            .sort_unstable_by_key(|&(score, label, announcement, ..)| (score, label, announcement));
    }
    for (_, _, announcement, start, end) in ranked {
        rows.push(TimelineRow::Announcement(announcement));
        let matched = &events[start..end];
        for &event in &app.timeline_order.events_by_date[announcement] {
            if matched.contains(&event) {
                rows.push(TimelineRow::Event(announcement, event));
            }
        }
    }
    rows
}

/// A kind's hits as its list's rows, ranked as `search` ranks them.
fn ranked(app: &App, mut hits: Vec<Hit>, index_of: fn(Record) -> Option<usize>) -> Vec<usize> {
    app.index.rank(&mut hits);
    hits.into_iter()
        .filter_map(|hit| index_of(app.index.entries[hit.entry].record))
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

pub fn lists(app: &App) -> Lists {
    let Some(split) = split(app) else {
        return Lists {
            timeline: timeline(app),
            institutions: (0..app.dataset.institutions.len()).collect(),
            contacts: (0..app.dataset.contacts.len()).collect(),
            people: (0..app.dataset.people.len()).collect(),
        };
    };
    let candidates = app
        .narrowed
        .map(|institution| app.dataset.announcements_of(institution));
    Lists {
        timeline: timeline_of(app, candidates.as_deref(), Some(split.timeline)),
        institutions: ranked(app, split.institutions, institution_of),
        contacts: ranked(app, split.contacts, contact_of),
        people: ranked(app, split.people, person_of),
    }
}

pub fn institutions(app: &App) -> Vec<usize> {
    match split(app) {
        Some(split) => ranked(app, split.institutions, institution_of),
        None => (0..app.dataset.institutions.len()).collect(),
    }
}

pub fn contacts(app: &App) -> Vec<usize> {
    match split(app) {
        Some(split) => ranked(app, split.contacts, contact_of),
        None => (0..app.dataset.contacts.len()).collect(),
    }
}

pub fn people(app: &App) -> Vec<usize> {
    match split(app) {
        Some(split) => ranked(app, split.people, person_of),
        None => (0..app.dataset.people.len()).collect(),
    }
}
