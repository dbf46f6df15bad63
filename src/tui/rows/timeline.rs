//! The Timeline's rows: announcements in date order, each with its events nested, kept by
//! the filter and the narrowing, with related announcements merged in, in the order asked.

use super::hits::split;
use super::inputs::ListInputs;
use super::orders::TimelineSort;
use crate::dataset::Record;
use crate::search::index::Hit;

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

/// An announcement's row, then the rows of these of its events, nested in the events'
/// date order (ties in the release's order).
fn push_with_events(
    from: &ListInputs,
    rows: &mut Vec<TimelineRow>,
    announcement: usize,
    events: impl Iterator<Item = usize>,
) {
    rows.push(TimelineRow::Announcement(announcement));
    let start = rows.len();
    rows.extend(events.map(|event| TimelineRow::Event(announcement, event)));
    let dated = &from.dataset.announcements[announcement].events;
    rows[start..].sort_unstable_by_key(|row| match *row {
        TimelineRow::Event(_, event) => (dated[event].date.sort_key(), event),
        TimelineRow::Announcement(_) => (None, 0),
    });
}

/// Every event of an announcement, by index.
fn all_events(from: &ListInputs, announcement: usize) -> std::ops::Range<usize> {
    0..from.dataset.announcements[announcement].events.len()
}

pub fn timeline(from: &ListInputs) -> Vec<TimelineRow> {
    match from.narrowed {
        Some(institution) => {
            let candidates = from.dataset.announcements_of(institution);
            timeline_of(
                from,
                Some(&candidates),
                split(from).as_ref().map(|split| split.timeline(from)),
                &[],
            )
            .0
        }
        None => timeline_without_narrowing(from),
    }
}

/// The Timeline's rows as if nothing were narrowed: what the filter alone keeps.
pub fn timeline_without_narrowing(from: &ListInputs) -> Vec<TimelineRow> {
    timeline_of(
        from,
        None,
        split(from).as_ref().map(|split| split.timeline(from)),
        &[],
    )
    .0
}

/// The rows of the `candidates` announcements (every one with None, otherwise sorted):
/// those `hits` keep when there is a filter, in the order `sort` asks.
pub(super) fn timeline_of(
    from: &ListInputs,
    candidates: Option<&[usize]>,
    hits: Option<impl Iterator<Item = (Record, Hit)>>,
    related: &[usize],
) -> (Vec<TimelineRow>, Option<usize>) {
    let mut rows = Vec::new();
    let Some(hits) = hits else {
        match candidates {
            Some(candidates) => {
                for &announcement in candidates {
                    let events = all_events(from, announcement);
                    push_with_events(from, &mut rows, announcement, events);
                }
            }
            None => {
                for announcement in 0..from.dataset.announcements.len() {
                    let events = all_events(from, announcement);
                    push_with_events(from, &mut rows, announcement, events);
                }
            }
        }
        return (sort_timeline(from, rows, &[]), None);
    };
    let is_candidate = |announcement: usize| {
        candidates.is_none_or(|candidates| candidates.binary_search(&announcement).is_ok())
    };
    // Hits come in entry order, where an announcement's events follow it: one group of
    // consecutive hits per announcement, whose matched events are nested under it in
    // date order. Each announcement's best hit is kept for a best-match order, and the
    // best of all for the cursor.
    let mut best: Option<(Record, Hit)> = None;
    let mut group_best: Vec<(usize, Hit)> = Vec::new();
    let mut matched_events: Vec<usize> = Vec::new();
    let mut current: Option<usize> = None;
    let better = |hit: &Hit, than: &Hit| from.index.rank_key(hit) < from.index.rank_key(than);
    let flush = |rows: &mut Vec<TimelineRow>, announcement: usize, matched: &mut Vec<usize>| {
        push_with_events(from, rows, announcement, matched.drain(..));
    };
    for (record, hit) in hits {
        let (announcement, event) = match record {
            Record::Announcement(announcement) => (announcement, None),
            Record::Event(announcement, event) => (announcement, Some(event)),
            _ => continue,
        };
        if !is_candidate(announcement) {
            continue;
        }
        if current != Some(announcement) {
            if let Some(done) = current {
                flush(&mut rows, done, &mut matched_events);
            }
            current = Some(announcement);
            group_best.push((announcement, hit));
        } else if let Some(last) = group_best.last_mut()
            && better(&hit, &last.1)
        {
            last.1 = hit;
        }
        matched_events.extend(event);
        if best.is_none_or(|(_, top)| better(&hit, &top)) {
            best = Some((record, hit));
        }
    }
    if let Some(done) = current {
        flush(&mut rows, done, &mut matched_events);
    }
    let rows = with_related(rows, related);
    let rows = sort_timeline(from, rows, &group_best);
    let best = best.and_then(|(record, _)| rows.iter().position(|row| row.record() == record));
    (rows, best)
}

/// The Timeline's rows, in date order with events nested, put in the order
/// `from.orders` asks; `best` gives each listed announcement's best hit for the
/// best-match order, which is date order without a filter.
fn sort_timeline(
    from: &ListInputs,
    rows: Vec<TimelineRow>,
    best: &[(usize, Hit)],
) -> Vec<TimelineRow> {
    let sort = from.orders.timeline;
    if sort == TimelineSort::OldestFirst || (sort == TimelineSort::BestMatch && best.is_empty()) {
        return rows;
    }
    // Blocks of an announcement and its nested events, moved whole.
    let mut blocks: Vec<&[TimelineRow]> = rows
        .chunk_by(|_, next| matches!(next, TimelineRow::Event(..)))
        .collect();
    match sort {
        TimelineSort::NewestFirst => blocks.reverse(),
        _ => {
            // `best` is in date order, one per announcement with hits; the others (rows
            // that only concern a match) go last, in date order.
            let key_of = |block: &[TimelineRow]| {
                let TimelineRow::Announcement(announcement) = block[0] else {
                    return (std::cmp::Reverse(i64::MIN), u32::MAX);
                };
                best.binary_search_by_key(&announcement, |(index, _)| *index)
                    .map_or((std::cmp::Reverse(i64::MIN), u32::MAX), |found| {
                        from.index.rank_key(&best[found].1)
                    })
            };
            blocks.sort_by_key(|block| key_of(block));
        }
    }
    blocks.concat()
}

/// `rows` (announcements in date order, events nested) with the `related` announcements
/// (sorted, none of them in `rows`) put in their places, without events.
fn with_related(rows: Vec<TimelineRow>, related: &[usize]) -> Vec<TimelineRow> {
    if related.is_empty() {
        return rows;
    }
    let mut merged = Vec::with_capacity(rows.len() + related.len());
    let mut pending = related.iter().peekable();
    for row in rows {
        if let TimelineRow::Announcement(announcement) = row {
            while let Some(&&earlier) = pending.peek()
                && earlier < announcement
            {
                merged.push(TimelineRow::Announcement(earlier));
                pending.next();
            }
        }
        merged.push(row);
    }
    merged.extend(pending.map(|&announcement| TimelineRow::Announcement(announcement)));
    merged
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::orders::ListOrders;
    use super::*;
    use crate::dataset::Dataset;
    use crate::search::index::SearchIndex;

    /// One release whose events are written latest first, and one institution.
    const EVENTS_OUT_OF_ORDER: &str = r#"announcements:
  - id: cluster-2021
    date: "2021-06-30"
    title: "A cluster"
    short_title: "Cluster"
    language: en
    dateline: ["Paris"]
    kind: "cluster"
    summary: "A cluster is founded."
    partners:
      - institution: saclay
        role: founder
    events:
      - id: cluster-2030
        date: "2030"
        title: "Leaders in oncology"
      - id: cluster-platforms
        date: "2021/2022"
        title: "Platforms open"
      - id: cluster-projects
        date: "2021"
        title: "First projects"
      - id: cluster-council
        date: "2021-06-29"
        title: "Strategic council"
    source: "cluster.txt"
institutions:
  - id: saclay
    name: "Paris Saclay"
    kind: cluster
    city: "Paris"
    country: FR
"#;

    fn inputs(query: &str) -> ListInputs {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let file = directory.path().join("cluster.yaml");
        std::fs::write(&file, EVENTS_OUT_OF_ORDER).expect("written");
        let dataset = Arc::new(Dataset::load(&file).expect("a valid dataset"));
        ListInputs {
            index: Arc::new(SearchIndex::build(&dataset)),
            dataset,
            query: crate::search::query::parse(query),
            narrowed: None,
            orders: ListOrders::default(),
        }
    }

    fn event_ids(inputs: &ListInputs) -> Vec<&str> {
        timeline(inputs)
            .into_iter()
            .filter_map(|row| match row {
                TimelineRow::Event(..) => Some(inputs.dataset.record_id(row.record())),
                TimelineRow::Announcement(_) => None,
            })
            .collect()
    }

    /// Events nest under their release in the order of time, not the order written, with
    /// or without a filter.
    #[test]
    fn events_are_listed_in_the_order_of_their_dates() {
        let all = inputs("");
        assert_eq!(
            event_ids(&all),
            [
                "cluster-council",
                "cluster-projects",
                "cluster-platforms",
                "cluster-2030"
            ]
        );
        let filtered = inputs("'leaders | 'council | 'platforms");
        assert_eq!(
            event_ids(&filtered),
            ["cluster-council", "cluster-platforms", "cluster-2030"]
        );
    }
}
