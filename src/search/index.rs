//! The search index: every record of a dataset as a folded [`Document`], built once at
//! load, and the ranking rule shared by the CLI's `search` and `contacts` and the explorer's
//! filter. Which fields of a record are searched, and how, is decided here only.

use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;

use crate::dataset::{Dataset, Kind, Record};

use super::fold::{FoldCache, Folded, fold};
use super::matcher::{Document, LetterScores, Matcher, Prepared};
use super::query::{Facet, Query, parse};

/// Fields up to this many characters are matched fuzzily, as fzf matches a line; longer
/// ones (titles written as sentences, summaries, quotes) only by words and word prefixes,
/// because almost any short query is a subsequence of a paragraph.
pub const SHORT_FIELD_CHARS: usize = 48;

/// One searchable record.
#[derive(Debug)]
pub struct Entry {
    pub record: Record,
    /// What a result list shows for it.
    pub label: String,
    pub document: Document,
}

/// A record that matched, with its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`SearchIndex::entries`].
    pub entry: usize,
    pub score: i64,
}

pub struct SearchIndex {
    /// Every announcement followed by its events, in dataset order, then the
    /// institutions, the people and the contacts. The explorer's Timeline relies on an
    /// announcement's events following it (see `tui::rows`).
    pub entries: Vec<Entry>,
    matcher: Matcher,
    /// Each entry's label length in chars, the ranking's second key.
    label_chars: Vec<u32>,
    /// Each entry's one-letter term scores: a query's first keystroke matches nearly
    /// every entry, and these score it without reading the entries' text.
    letters: Vec<LetterScores>,
    /// The last query searched and every entry it matched, in entry order: the same
    /// query again (another pane's list) costs no scan, and a query that grows from it
    /// (one more character typed) scans only these.
    last: Mutex<Option<(Query, Arc<Vec<Hit>>)>>,
}

/// Entries scored per parallel task: enough to make the hand-off between threads cheap.
const PARALLEL_CHUNK: usize = 2048;

impl SearchIndex {
    pub fn build(dataset: &Dataset) -> SearchIndex {
        let records = (0..dataset.announcements.len())
            .into_par_iter()
            .flat_map_iter(|index| {
                let events = dataset.announcements[index].events.len();
                std::iter::once(announcement_entry(dataset, index))
                    .chain((0..events).map(move |event| event_entry(dataset, index, event)))
            })
            .chain(
                (0..dataset.institutions.len())
                    .into_par_iter()
                    .map(|index| institution_entry(dataset, index)),
            )
            .chain(
                (0..dataset.people.len())
                    .into_par_iter()
                    .map(|index| person_entry(dataset, index)),
            )
            .chain(
                (0..dataset.contacts.len())
                    .into_par_iter()
                    .map(|index| contact_entry(dataset, index)),
            );
        let entries: Vec<Entry> = records.collect();
        // The folds shared while building are held by the documents now.
        rayon::broadcast(|_| FOLDS.with(|cache| cache.borrow_mut().clear()));
        FOLDS.with(|cache| cache.borrow_mut().clear());
        let label_chars = entries
            .iter()
            .map(|entry| u32::try_from(entry.label.chars().count()).unwrap_or(u32::MAX))
            .collect();
        let letters = entries
            .par_iter()
            .with_min_len(PARALLEL_CHUNK)
            .map(|entry| LetterScores::of(&entry.document))
            .collect();
        SearchIndex {
            entries,
            matcher: Matcher::default(),
            label_chars,
            letters,
            last: Mutex::new(None),
        }
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The entries of the given kinds that match `query`, ranked: score, then shorter
    /// label, then dataset order.
    pub fn search(&self, query: &str, kinds: &[Kind]) -> Vec<Hit> {
        let query = parse(query);
        self.search_parsed(&query, |entry| kinds.contains(&entry.record.kind()))
    }

    /// Like [`search`](Self::search), over the entries `wanted` keeps.
    pub fn search_parsed(&self, query: &Query, wanted: impl Fn(&Entry) -> bool) -> Vec<Hit> {
        let mut hits: Vec<Hit> = self
            .matches(query)
            .iter()
            .filter(|hit| wanted(&self.entries[hit.entry]))
            .copied()
            .collect();
        self.rank(&mut hits);
        hits
    }

    /// Every entry `query` matches, in entry order and unranked, for a caller that splits
    /// them (the explorer's lists) and ranks only the part it shows. An empty query
    /// matches every entry, with score 0.
    pub fn matching(&self, query: &Query) -> Arc<Vec<Hit>> {
        self.matches(query)
    }

    /// Every entry `query` matches, in entry order: remembered from the last call when
    /// it was the same query, narrowed from it when the query grew from it, otherwise
    /// scored afresh; in parallel either way.
    fn matches(&self, query: &Query) -> Arc<Vec<Hit>> {
        let last = self
            .last
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let prepared = Prepared::new(query);
        let score = |entry: usize| {
            self.matcher
                .score_with_letters(
                    &prepared,
                    &self.entries[entry].document,
                    &self.letters[entry],
                )
                .map(|score| Hit { entry, score })
        };
        let hits = match last {
            Some((previous, hits)) if previous == *query => return hits,
            Some((previous, hits)) if query.grows_from(&previous) => hits
                .par_iter()
                .with_min_len(PARALLEL_CHUNK)
                .filter_map(|hit| score(hit.entry))
                .collect(),
            _ if query.is_empty() => (0..self.entries.len())
                .map(|entry| Hit { entry, score: 0 })
                .collect(),
            _ => (0..self.entries.len())
                .into_par_iter()
                .with_min_len(PARALLEL_CHUNK)
                .filter_map(score)
                .collect(),
        };
        let hits = Arc::new(hits);
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) =
            Some((query.clone(), Arc::clone(&hits)));
        hits
    }

    /// Best first: higher score, then shorter label, then dataset order.
    pub fn rank(&self, hits: &mut [Hit]) {
        let key = |hit: &Hit| {
            (
                std::cmp::Reverse(hit.score),
                self.label_chars[hit.entry],
                hit.entry,
            )
        };
        // Keys are unique (the entry is one), so an unstable sort gives one order.
        if hits.len() > 4 * PARALLEL_CHUNK {
            hits.par_sort_unstable_by_key(key);
        } else {
            hits.sort_unstable_by_key(key);
        }
    }
}

thread_local! {
    /// Each thread's folds of short values while an index is built: a name, place or year
    /// that recurs in thousands of documents is then held once (per thread), not folded
    /// into a copy of its own each time. Emptied when the build ends.
    static FOLDS: std::cell::RefCell<FoldCache> =
        std::cell::RefCell::new(FoldCache::new(1 << 17));
}

fn fold_shared(text: &str) -> Folded {
    FOLDS.with(|cache| cache.borrow_mut().fold(text))
}

/// Collects a record's fields, sorting each into short or long by its length.
#[derive(Default)]
struct DocumentBuilder {
    document: Document,
}

impl DocumentBuilder {
    fn text(&mut self, text: &str) -> &mut Self {
        if text.trim().is_empty() {
            return self;
        }
        let folded = fold_shared(text);
        if text.chars().count() <= SHORT_FIELD_CHARS {
            self.document.short.push(folded);
        } else {
            self.document.long.push(folded);
        }
        self
    }

    /// Prose, or a field about a related record: matched by words only, whatever its
    /// length. A description like "researchers among the two centres' employees" holds
    /// `amgen` as a subsequence; and a contact's releases rank below the institution it
    /// speaks for.
    fn prose(&mut self, text: &str) -> &mut Self {
        if !text.trim().is_empty() {
            self.document.long.push(fold_shared(text));
        }
        self
    }

    fn facet(&mut self, facet: Facet, value: &str) -> &mut Self {
        if !value.is_empty() {
            self.document.facets.push((facet, fold_shared(value)));
        }
        self
    }

    fn institution(&mut self, dataset: &Dataset, id: &str) -> &mut Self {
        self.text(id);
        if let Some(institution) = dataset.institution(id) {
            self.text(&institution.name);
            for name in &institution.other_names {
                self.text(name);
            }
        }
        self
    }

    fn build(mut self) -> Document {
        // Millions of fields: growth's spare capacity would be a third of the index.
        self.document.short.shrink_to_fit();
        self.document.long.shrink_to_fit();
        self.document.facets.shrink_to_fit();
        self.document
    }
}

fn year_of(date: &str) -> &str {
    date.get(..4).unwrap_or(date)
}

fn announcement_entry(dataset: &Dataset, index: usize) -> Entry {
    let announcement = &dataset.announcements[index];
    let mut builder = DocumentBuilder::default();
    builder
        .text(&announcement.id)
        .text(&announcement.short_title)
        .text(&announcement.title)
        .text(announcement.title_en.as_deref().unwrap_or(""))
        .text(&announcement.kind)
        .text(&announcement.date)
        .prose(&announcement.summary)
        .facet(Facet::Year, year_of(&announcement.date))
        .facet(Facet::Kind, &announcement.kind)
        .facet(Facet::Language, &announcement.language);
    for place in &announcement.dateline {
        builder.text(place).facet(Facet::City, place);
    }
    for objective in &announcement.objectives {
        builder.prose(objective);
    }
    for partner in &announcement.partners {
        builder
            .institution(dataset, &partner.institution)
            .facet(Facet::Partner, &partner.institution)
            .facet(Facet::Role, partner.role.as_str());
        if let Some(institution) = dataset.institution(&partner.institution) {
            builder
                .facet(Facet::Partner, &institution.name)
                .facet(Facet::Country, &institution.country)
                .facet(Facet::City, &institution.city);
            for name in &institution.other_names {
                builder.facet(Facet::Partner, name);
            }
        }
    }
    for mention in &announcement.mentions {
        builder.institution(dataset, &mention.institution);
    }
    for quote in &announcement.quotes {
        builder.prose(&quote.text);
        for speaker in &quote.speakers {
            builder.prose(&speaker.role);
            if let Some(person) = dataset.person(&speaker.person) {
                builder.text(&person.name);
            }
        }
    }
    for listing in &announcement.press_contacts {
        if let Some(contact) = dataset.contact(&listing.contact) {
            builder.text(&contact.name).text(&contact.organization);
        }
        for email in &listing.emails {
            builder.text(email);
        }
    }
    for event in &announcement.events {
        builder.prose(&event.title);
    }
    for figure in &announcement.figures {
        builder.prose(&figure.counts);
    }
    Entry {
        record: Record::Announcement(index),
        label: announcement.short_title.to_string(),
        document: builder.build(),
    }
}

fn event_entry(dataset: &Dataset, announcement: usize, event: usize) -> Entry {
    let parent = &dataset.announcements[announcement];
    let item = &parent.events[event];
    let mut builder = DocumentBuilder::default();
    builder
        .text(&item.id)
        .text(&item.title)
        .text(&item.date)
        .text(item.place.as_deref().unwrap_or(""))
        .prose(&parent.short_title)
        .facet(Facet::Year, year_of(&item.date))
        .facet(Facet::City, item.place.as_deref().unwrap_or(""));
    for partner in &parent.partners {
        builder.facet(Facet::Partner, &partner.institution);
        if let Some(institution) = dataset.institution(&partner.institution) {
            builder.facet(Facet::Partner, &institution.name);
        }
    }
    Entry {
        record: Record::Event(announcement, event),
        label: item.title.to_string(),
        document: builder.build(),
    }
}

fn institution_entry(dataset: &Dataset, index: usize) -> Entry {
    let institution = &dataset.institutions[index];
    let mut builder = DocumentBuilder::default();
    builder
        .text(&institution.id)
        .text(&institution.name)
        .text(&institution.city)
        .text(&institution.country)
        .text(institution.kind.as_str())
        .facet(Facet::Country, &institution.country)
        .facet(Facet::City, &institution.city)
        .facet(Facet::Kind, institution.kind.as_str());
    for name in &institution.other_names {
        builder.text(name);
    }
    for announcement in dataset.announcements_of(index) {
        builder.facet(
            Facet::Year,
            year_of(&dataset.announcements[announcement].date),
        );
    }
    for (partner, _) in dataset.co_partners(index) {
        let partner = &dataset.institutions[partner];
        builder
            .facet(Facet::Partner, &partner.id)
            .facet(Facet::Partner, &partner.name);
    }
    Entry {
        record: Record::Institution(index),
        label: institution.name.to_string(),
        document: builder.build(),
    }
}

fn person_entry(dataset: &Dataset, index: usize) -> Entry {
    let person = &dataset.people[index];
    let mut builder = DocumentBuilder::default();
    builder.text(&person.id).text(&person.name);
    for role in &person.roles {
        builder
            .text(&role.title)
            .text(role.title_en.as_deref().unwrap_or(""))
            .facet(Facet::Role, &role.title);
        if let Some(id) = &role.institution {
            builder.institution(dataset, id).facet(Facet::Partner, id);
        }
        if let Some(announcement) = dataset.announcement(&role.announcement) {
            builder.facet(Facet::Year, year_of(&announcement.date));
        }
    }
    Entry {
        record: Record::Person(index),
        label: person.name.to_string(),
        document: builder.build(),
    }
}

fn contact_entry(dataset: &Dataset, index: usize) -> Entry {
    let contact = &dataset.contacts[index];
    let mut builder = DocumentBuilder::default();
    builder
        .text(&contact.id)
        .text(&contact.name)
        .text(&contact.organization)
        .institution(dataset, &contact.represents)
        .facet(Facet::Partner, &contact.represents);
    if let Some(institution) = dataset.institution(&contact.represents) {
        builder
            .facet(Facet::Country, &institution.country)
            .facet(Facet::City, &institution.city);
    }
    for email in dataset.emails_of(index) {
        builder.text(email);
    }
    for phone in dataset.phones_of(index) {
        builder.text(phone);
    }
    for announcement in dataset.contact_announcements(index) {
        let announcement = &dataset.announcements[announcement];
        builder
            .prose(&announcement.short_title)
            .prose(&announcement.title)
            .prose(&announcement.id)
            .facet(Facet::Year, year_of(&announcement.date));
    }
    Entry {
        record: Record::Contact(index),
        label: contact.name.to_string(),
        document: builder.build(),
    }
}

/// The folded text of an entry's label, for highlighting list rows.
pub fn folded_label(entry: &Entry) -> Folded {
    fold(&entry.label)
}
