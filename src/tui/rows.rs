//! What each list shows, derived from the dataset, the filter and the narrowing: the
//! Timeline's announcements with their events nested, the Institutions, the Contacts.
//! With a filter, rows are ranked as `search` ranks them; without, in dataset order.

use std::collections::HashMap;

use crate::dataset::{PartialDate, Record};

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

/// Every record the filter keeps, with its score; None when there is no filter.
fn scores(app: &App) -> Option<HashMap<Record, i64>> {
    if app.query.is_empty() {
        return None;
    }
    let hits = app.index.search_parsed(&app.query, |_| true);
    Some(
        hits.into_iter()
            .map(|hit| (app.index.entries[hit.entry].record, hit.score))
            .collect(),
    )
}

fn events_in_date_order(app: &App, announcement: usize) -> Vec<usize> {
    let events = &app.dataset.announcements[announcement].events;
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&event| {
        PartialDate::parse(&events[event].date)
            .map(PartialDate::sort_key)
            .ok()
    });
    order
}

pub fn timeline(app: &App) -> Vec<TimelineRow> {
    let candidates: Vec<usize> = match app.narrowed {
        Some(institution) => app.dataset.announcements_of(institution),
        None => (0..app.dataset.announcements.len()).collect(),
    };
    timeline_of(app, candidates)
}

/// The Timeline's rows as if nothing were narrowed: what the filter alone keeps.
pub fn timeline_without_narrowing(app: &App) -> Vec<TimelineRow> {
    timeline_of(app, (0..app.dataset.announcements.len()).collect())
}

fn timeline_of(app: &App, candidates: Vec<usize>) -> Vec<TimelineRow> {
    let mut rows = Vec::new();
    let Some(scores) = scores(app) else {
        for announcement in candidates {
            rows.push(TimelineRow::Announcement(announcement));
            for event in events_in_date_order(app, announcement) {
                rows.push(TimelineRow::Event(announcement, event));
            }
        }
        return rows;
    };
    let mut ranked: Vec<(i64, usize, usize)> = candidates
        .into_iter()
        .filter_map(|announcement| {
            let own = scores.get(&Record::Announcement(announcement)).copied();
            let events = (0..app.dataset.announcements[announcement].events.len())
                .filter_map(|event| scores.get(&Record::Event(announcement, event)).copied());
            let best = own.into_iter().chain(events).max()?;
            let label = app.dataset.announcements[announcement]
                .short_title
                .chars()
                .count();
            Some((best, label, announcement))
        })
        .collect();
    ranked.sort_by_key(|&(score, label, announcement)| {
        (std::cmp::Reverse(score), label, announcement)
    });
    for (_, _, announcement) in ranked {
        rows.push(TimelineRow::Announcement(announcement));
        for event in events_in_date_order(app, announcement) {
            if scores.contains_key(&Record::Event(announcement, event)) {
                rows.push(TimelineRow::Event(announcement, event));
            }
        }
    }
    rows
}

fn ranked_of_kind(app: &App, wanted: fn(Record) -> Option<usize>, all: usize) -> Vec<usize> {
    if app.query.is_empty() {
        return (0..all).collect();
    }
    app.index
        .search_parsed(&app.query, |entry| wanted(entry.record).is_some())
        .into_iter()
        .filter_map(|hit| wanted(app.index.entries[hit.entry].record))
        .collect()
}

pub fn institutions(app: &App) -> Vec<usize> {
    let wanted = |record| match record {
        Record::Institution(index) => Some(index),
        _ => None,
    };
    ranked_of_kind(app, wanted, app.dataset.institutions.len())
}

pub fn contacts(app: &App) -> Vec<usize> {
    let wanted = |record| match record {
        Record::Contact(index) => Some(index),
        _ => None,
    };
    ranked_of_kind(app, wanted, app.dataset.contacts.len())
}

pub fn people(app: &App) -> Vec<usize> {
    let wanted = |record| match record {
        Record::Person(index) => Some(index),
        _ => None,
    };
    ranked_of_kind(app, wanted, app.dataset.people.len())
}
