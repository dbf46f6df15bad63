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

use std::sync::Arc;

use crate::background::{Job, Signal};
use crate::dataset::{Dataset, Record};
use crate::search::fields::{FieldClass, WEIGHT_STEP};
use crate::search::index::{Hit, SearchIndex};
use crate::search::matcher::Prepared;
use crate::search::query::Query;
use crate::search::suggest::{self, Suggestion};

/// What the lists are made from: the parts of the explorer's state they read, as
/// handles to the shared data, so that the background worker ([`ListsJob`]) can hold
/// them while the explorer goes on.
#[derive(Clone)]
pub struct ListInputs {
    pub dataset: Arc<Dataset>,
    pub index: Arc<SearchIndex>,
    pub query: Query,
    pub narrowed: Option<usize>,
    pub orders: ListOrders,
}

/// The order the Timeline's announcements are listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimelineSort {
    #[default]
    OldestFirst,
    NewestFirst,
    /// Best match first (as `search` ranks); date order without a filter.
    BestMatch,
}

/// The order Institutions are listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InstitutionSort {
    #[default]
    Name,
    /// Country code, then name.
    Country,
    /// Most announcements first, then name.
    Announcements,
    /// Best match first (as `search` ranks); name order without a filter.
    BestMatch,
}

impl TimelineSort {
    pub fn next(self) -> Self {
        match self {
            TimelineSort::OldestFirst => TimelineSort::NewestFirst,
            TimelineSort::NewestFirst => TimelineSort::BestMatch,
            TimelineSort::BestMatch => TimelineSort::OldestFirst,
        }
    }

    /// How a pane title says it.
    pub fn label(self) -> &'static str {
        match self {
            TimelineSort::OldestFirst => "oldest first",
            TimelineSort::NewestFirst => "newest first",
            TimelineSort::BestMatch => "best match",
        }
    }
}

impl InstitutionSort {
    pub fn next(self) -> Self {
        match self {
            InstitutionSort::Name => InstitutionSort::Country,
            InstitutionSort::Country => InstitutionSort::Announcements,
            InstitutionSort::Announcements => InstitutionSort::BestMatch,
            InstitutionSort::BestMatch => InstitutionSort::Name,
        }
    }

    /// How a pane title says it.
    pub fn label(self) -> &'static str {
        match self {
            InstitutionSort::Name => "by name",
            InstitutionSort::Country => "by country",
            InstitutionSort::Announcements => "by announcements",
            InstitutionSort::BestMatch => "best match",
        }
    }
}

/// Each list's order, as `S` cycles them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListOrders {
    pub timeline: TimelineSort,
    pub institutions: InstitutionSort,
}

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
    /// Announcements and their events, each with its hit.
    fn timeline<'a>(&'a self, from: &'a ListInputs) -> impl Iterator<Item = (Record, Hit)> + 'a {
        self.hits[..self.institutions]
            .iter()
            .map(|hit| (from.index.entries[hit.entry].record, *hit))
    }

    fn institutions(&self) -> &[Hit] {
        &self.hits[self.institutions..self.people]
    }

    fn people(&self) -> &[Hit] {
        &self.hits[self.people..self.contacts]
    }

    fn contacts(&self) -> &[Hit] {
        &self.hits[self.contacts..]
    }
}

/// Every record the filter keeps, split by kind; None when there is no filter. The
/// index remembers its last search, so every list of one keystroke shares one scan.
fn split(from: &ListInputs) -> Option<Split> {
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
fn timeline_of(
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

/// Rows that concern a match without matching: an announcement whose partner matches by
/// its own name or place, an institution where a person who matches by name held a role.
/// Only a query's free-text groups (plain terms, no qualifier, no `!`) bring rows in;
/// its other groups must still match a row brought in, so a negation's removal stands.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Related {
    /// Announcements (sorted) and, for each, the institution that brought it in.
    pub announcements: Vec<(usize, usize)>,
    /// Institutions (sorted) and, for each, the person that brought it in.
    pub institutions: Vec<(usize, usize)>,
}

fn related(from: &ListInputs, split: &Split, candidates: Option<&[usize]>) -> Related {
    let index = &from.index;
    let dataset = &from.dataset;
    let (free, rest): (Vec<_>, Vec<_>) = from.query.groups.iter().cloned().partition(|group| {
        group
            .terms
            .iter()
            .all(|term| !term.negated && term.facet.is_none())
    });
    if free.is_empty() {
        return Related::default();
    }
    // Matching every free group in a name or place scores at least this: a hit scoring
    // less is no source, and is not looked at again.
    let least = i64::try_from(free.len())
        .unwrap_or(i64::MAX)
        .saturating_mul(FieldClass::Place.weight() * WEIGHT_STEP);
    let (free, rest) = (Query { groups: free }, Query { groups: rest });
    let (free, rest_prepared) = (Prepared::new(&free), Prepared::new(&rest));
    let still_matches = |record: Record| {
        rest.is_empty()
            || index
                .entry_of(record)
                .is_some_and(|entry| index.entry_matches(entry, &rest_prepared, false))
    };
    let mut direct_announcements = vec![false; dataset.announcements.len()];
    for (record, _) in split.timeline(from) {
        if let Record::Announcement(announcement) | Record::Event(announcement, _) = record {
            direct_announcements[announcement] = true;
        }
    }
    let mut direct_institutions = vec![false; dataset.institutions.len()];
    for hit in split.institutions() {
        if let Some(institution) = institution_of(index.entries[hit.entry].record) {
            direct_institutions[institution] = true;
        }
    }
    let is_candidate = |announcement: usize| {
        candidates.is_none_or(|candidates| candidates.binary_search(&announcement).is_ok())
    };
    let mut related = Related::default();
    let mut brought = vec![false; dataset.announcements.len()];
    for hit in split.institutions() {
        let Some(institution) = institution_of(index.entries[hit.entry].record) else {
            continue;
        };
        if hit.score < least || !index.entry_matches(hit.entry, &free, true) {
            continue;
        }
        for &announcement in dataset.partnered_in(institution) {
            if !direct_announcements[announcement]
                && !brought[announcement]
                && is_candidate(announcement)
                && still_matches(Record::Announcement(announcement))
            {
                brought[announcement] = true;
                related.announcements.push((announcement, institution));
            }
        }
    }
    let mut brought = vec![false; dataset.institutions.len()];
    for hit in split.people() {
        let Some(person) = person_of(index.entries[hit.entry].record) else {
            continue;
        };
        if hit.score < least || !index.entry_matches(hit.entry, &free, true) {
            continue;
        }
        for role in &dataset.people[person].roles {
            let Some(institution) = role
                .institution
                .as_deref()
                .and_then(|id| dataset.institution_index(id))
            else {
                continue;
            };
            if !direct_institutions[institution]
                && !brought[institution]
                && still_matches(Record::Institution(institution))
            {
                brought[institution] = true;
                related.institutions.push((institution, person));
            }
        }
    }
    related.announcements.sort_unstable();
    related.institutions.sort_unstable();
    related
}

/// A kind's hits as its list's rows, in the list's own order (the dataset's, which is
/// by name), and the row of the best hit.
fn in_own_order(
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

/// Institutions in the order `from.orders` asks, `hits` giving the best-match order
/// (name order without a filter); returns where the row at `best` went.
fn sort_institutions(
    from: &ListInputs,
    rows: Vec<usize>,
    hits: &[Hit],
    best: Option<usize>,
) -> (Vec<usize>, Option<usize>) {
    let dataset = &from.dataset;
    let best_institution = best.map(|row| rows[row]);
    let mut rows = rows;
    match from.orders.institutions {
        InstitutionSort::Name => return (rows, best),
        InstitutionSort::Country => {
            rows.sort_by(|a, b| {
                let country = |index: usize| dataset.institutions[index].country.as_str();
                country(*a).cmp(country(*b)).then(a.cmp(b))
            });
        }
        InstitutionSort::Announcements => {
            rows.sort_by_key(|&index| {
                let count = dataset.partnered_in(index).len() + dataset.mentioned_in(index).len();
                (std::cmp::Reverse(count), index)
            });
        }
        InstitutionSort::BestMatch if !hits.is_empty() => {
            let mut keyed: Vec<_> = hits
                .iter()
                .filter_map(|hit| {
                    institution_of(from.index.entries[hit.entry].record)
                        .map(|index| (from.index.rank_key(hit), index))
                })
                .collect();
            keyed.sort_unstable();
            let ranked: Vec<usize> = keyed.into_iter().map(|(_, index)| index).collect();
            // Rows that only concern a match come after, in name order.
            let others: Vec<usize> = rows
                .iter()
                .copied()
                .filter(|row| !ranked.contains(row))
                .collect();
            rows = ranked;
            rows.extend(others);
        }
        InstitutionSort::BestMatch => return (rows, best),
    }
    let best =
        best_institution.and_then(|institution| rows.iter().position(|&row| row == institution));
    (rows, best)
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
    /// Each list's best-scoring row, when there is a filter.
    pub best: BestRows,
    /// The rows listed because they concern a match, dimmed.
    pub related: Related,
    /// When the filter matches nothing: a term of it that matches nothing and the
    /// dataset's closest word. Worked out here, off the UI thread, as it reads the
    /// dataset's whole vocabulary.
    pub suggestion: Option<Suggestion>,
}

/// The row of each list that scores best (as `search` ranks): where the cursor goes
/// as a person types.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BestRows {
    pub timeline: Option<usize>,
    pub institutions: Option<usize>,
    pub contacts: Option<usize>,
    pub people: Option<usize>,
}

pub fn lists(from: &ListInputs) -> Lists {
    let Some(split) = split(from) else {
        let (institutions, _) = sort_institutions(
            from,
            (0..from.dataset.institutions.len()).collect(),
            &[],
            None,
        );
        return Lists {
            timeline: timeline(from),
            institutions,
            contacts: (0..from.dataset.contacts.len()).collect(),
            people: (0..from.dataset.people.len()).collect(),
            best: BestRows::default(),
            related: Related::default(),
            suggestion: None,
        };
    };
    let candidates = from
        .narrowed
        .map(|institution| from.dataset.announcements_of(institution));
    let related = related(from, &split, candidates.as_deref());
    let related_announcements: Vec<usize> = related
        .announcements
        .iter()
        .map(|&(announcement, _)| announcement)
        .collect();
    let (timeline, best_timeline) = timeline_of(
        from,
        candidates.as_deref(),
        Some(split.timeline(from)),
        &related_announcements,
    );
    let institution_hits = split.institutions();
    let (institutions, best_institution) = in_own_order(from, institution_hits, institution_of);
    let (institutions, best_institution) = if related.institutions.is_empty() {
        (institutions, best_institution)
    } else {
        // Merged in name order (index order); the best row moves with its institution.
        let best = best_institution.map(|row| institutions[row]);
        let mut merged = institutions;
        merged.extend(
            related
                .institutions
                .iter()
                .map(|&(institution, _)| institution),
        );
        merged.sort_unstable();
        let best_row = best.and_then(|best| merged.binary_search(&best).ok());
        (merged, best_row)
    };
    let (institutions, best_institution) =
        sort_institutions(from, institutions, institution_hits, best_institution);
    let (contacts, best_contact) = in_own_order(from, split.contacts(), contact_of);
    let (people, best_person) = in_own_order(from, split.people(), person_of);
    Lists {
        timeline,
        institutions,
        contacts,
        people,
        best: BestRows {
            timeline: best_timeline,
            institutions: best_institution,
            contacts: best_contact,
            people: best_person,
        },
        related,
        suggestion: split
            .hits
            .is_empty()
            .then(|| suggest::suggest(&from.index, &from.query))
            .flatten(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
