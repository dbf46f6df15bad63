//! The search index: every record of a dataset as a list of fields, built once at load,
//! and the ranking rule shared by the CLI's `search` and `contacts` and the explorer's
//! filter. Which fields of a record are searched, and how, is decided here only.
//!
//! A field refers to a distinct folded text ([`super::values`]), so a query scores a
//! text that many records hold once per term: the score is kept in a [`Memo`] the next
//! keystroke reuses for the terms it did not change.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;

use crate::dataset::model::Text;
use crate::dataset::{Dataset, Kind, Record};

use super::find::WordStarts;
use super::fold::{CharSet, Folded, fold};
use super::matcher::{
    FieldAt, FieldKind, FieldMask, Fields, LetterScores, Matcher, Prepared, PreparedTerm,
    needs_word_start, plain_letter, score_within, value_score,
};
use super::query::{Facet, Query, Term, parse};
use super::values::{FacetInterner, FacetValues, Interner, ValueId, Values};

/// Fields up to this many characters are matched fuzzily, as fzf matches a line; longer
/// ones (titles written as sentences, summaries, quotes) only by words and word prefixes,
/// because almost any short query is a subsequence of a paragraph.
pub const SHORT_FIELD_CHARS: usize = 48;

/// One searchable record.
#[derive(Debug)]
pub struct Entry {
    pub record: Record,
    /// What a result list shows for it: the record's own text, shared.
    pub label: Text,
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
    short: Values,
    long: Values,
    facets: FacetValues,
    /// Every entry's short fields then long fields, entry after entry, where its
    /// [`Head`] says: what a keystroke reads, so it is laid out to be read in order.
    fields: Vec<FieldRef>,
    /// Every entry's facet value ids, likewise.
    facet_ids: Vec<ValueId>,
    heads: Vec<Head>,
    /// How many short and long values more than one entry holds: they alone are
    /// memoised.
    shared: usize,
    /// Each entry's label length in chars, the ranking's second key.
    label_chars: Vec<u32>,
    /// Each entry's one-letter term scores: a query's first keystroke matches nearly
    /// every entry, and these score it without reading the entries' text.
    letters: Vec<LetterScores>,
    /// The last query searched, every entry it matched in entry order, and its terms'
    /// memos: the same query again (another pane's list) costs no scan, a query that
    /// grows from it (one more character typed) scans only these entries, and a term it
    /// shares with it scores no value twice.
    last: Mutex<Option<Last>>,
}

/// One field of an entry, in 16 bytes: a summary of its text, its value in its
/// [`Values`], and its memo slot when other entries hold the same value. A field is
/// judged by its summary before anything else is read, and a value only this entry
/// holds is scored without a memo, which would only cost another read. The summary of a
/// short field is the chars it holds ([`CharSet`]); of a long field, the chars it holds
/// coarsely ([`CharSet::coarse`]) and the pairs its words begin with ([`WordStarts`]), as
/// prose holds most chars but a term typed in the explorer has to begin one of its words.
#[derive(Clone, Copy, Debug)]
struct FieldRef {
    summary: u64,
    value: ValueId,
    slot: u32,
}

/// A long field's summary: its words' beginnings and its coarse chars, in one word.
fn long_summary_of(starts: WordStarts, set: CharSet) -> u64 {
    u64::from(starts.bits()) << 32 | u64::from(set.coarse())
}

/// [`long_summary_of`] taken apart again.
fn long_summary(summary: u64) -> (WordStarts, u32) {
    let starts = u32::try_from(summary >> 32).unwrap_or(u32::MAX);
    let chars = u32::try_from(summary & u64::from(u32::MAX)).unwrap_or(u32::MAX);
    (WordStarts::from_bits(starts), chars)
}

/// The slot of a value held by one entry only.
const UNSHARED: u32 = u32::MAX;

/// Where an entry's fields are: short ones in `fields[short..long]`, long ones in
/// `fields[long..end]`, facet ids in `facet_ids[facets..facets_end]`; and every char
/// its short fields, then its long fields, hold between them.
#[derive(Clone, Copy, Debug)]
struct Head {
    short: usize,
    long: usize,
    end: usize,
    facets: usize,
    facets_end: usize,
    sets: [CharSet; 2],
}

#[derive(Clone)]
struct Last {
    query: Query,
    hits: Arc<Vec<Hit>>,
    /// For each hit, the fields its positive unqualified terms may have matched: the
    /// only ones the next keystroke's narrowed terms need to look at.
    matched: Arc<Vec<FieldMask>>,
    memos: Vec<(Term, Arc<Memo>)>,
}

/// One term's score in each shared value, filled in as entries ask for them, by any
/// thread: 0 for not yet scored, 1 for no match, else the score plus 2. A term scores
/// the same value the same way every time, so a race only scores it twice.
struct Memo {
    /// By a short or long value's slot.
    fields: Box<[AtomicU32]>,
    /// By facet value id.
    facets: Box<[AtomicU32]>,
}

impl Memo {
    /// Room for what `term` looks at: facet values for a qualified term, none for a
    /// term of one letter (looked up in [`LetterScores`]), else shared short and long
    /// values.
    fn new(index: &SearchIndex, term: &Term) -> Memo {
        let cells = |count: usize| (0..count).map(|_| AtomicU32::new(0)).collect();
        let (fields, facets) = match term.facet {
            Some(_) => (0, index.facets.values.len()),
            None if plain_letter(term).is_some() => (0, 0),
            None => (index.shared, 0),
        };
        Memo {
            fields: cells(fields),
            facets: cells(facets),
        }
    }

    /// Memos for another query are reused for the same term, negated or not.
    fn serves(earlier: &Term, term: &Term) -> bool {
        earlier.kind == term.kind && earlier.facet == term.facet && earlier.text == term.text
    }
}

/// `score()` through `cell`: computed once, then read.
fn memoised(cell: &AtomicU32, score: impl FnOnce() -> Option<i64>) -> Option<i64> {
    match cell.load(Ordering::Relaxed) {
        0 => {
            let score = score();
            let stored = score.map_or(1, |score| {
                u32::try_from(score.max(0)).unwrap_or(u32::MAX - 2) + 2
            });
            cell.store(stored, Ordering::Relaxed);
            score
        }
        1 => None,
        stored => Some(i64::from(stored - 2)),
    }
}

/// One entry's fields, scored through the query's memos.
struct EntryFields<'a> {
    index: &'a SearchIndex,
    head: &'a Head,
    /// The query's terms and their memos, by slot.
    memos: &'a [(Term, Arc<Memo>)],
    letters: &'a LetterScores,
}

impl Fields for EntryFields<'_> {
    fn short_count(&self) -> usize {
        self.head.long - self.head.short
    }

    fn long_count(&self) -> usize {
        self.head.end - self.head.long
    }

    fn facet_count(&self) -> usize {
        self.head.facets_end - self.head.facets
    }

    fn facet_kind(&self, index: usize) -> Facet {
        let id = self.index.facet_ids[self.head.facets + index];
        self.index.facets.facets[id as usize]
    }

    fn score(&self, term: PreparedTerm<'_>, at: FieldAt) -> Option<i64> {
        let index = self.index;
        let (field, values, kind, set) = match at {
            FieldAt::Short(at) => {
                let field = index.fields[self.head.short + at];
                let set = CharSet::from_bits(field.summary);
                if !set.contains_all(term.set) {
                    return None;
                }
                (field, &index.short, FieldKind::Short, set)
            }
            FieldAt::Long(at) => {
                let field = index.fields[self.head.long + at];
                let (starts, chars) = long_summary(field.summary);
                if !CharSet::coarse_contains_all(chars, term.set.coarse())
                    || (needs_word_start(term.term, FieldKind::Long)
                        && !starts.may_start(&term.term.text))
                {
                    return None;
                }
                (field, &index.long, FieldKind::Long, CharSet::ANY)
            }
            FieldAt::Facet(at) => {
                let id = index.facet_ids[self.head.facets + at];
                let facets = &index.facets;
                let kind = FieldKind::Facet(facets.facets[id as usize]);
                let set = facets.values.set(id);
                let text = || facets.values.text(id);
                return memoised(&self.memos[term.slot].1.facets[id as usize], || {
                    value_score(term.term, term.set, set, text, kind)
                });
            }
        };
        let text = || values.text(field.value);
        let score = || value_score(term.term, term.set, set, text, kind);
        match field.slot {
            UNSHARED => score(),
            slot => memoised(&self.memos[term.slot].1.fields[slot as usize], score),
        }
    }

    fn letters(&self) -> Option<&LetterScores> {
        Some(self.letters)
    }

    fn short_set(&self) -> Option<CharSet> {
        Some(self.head.sets[0])
    }

    fn long_set(&self) -> Option<CharSet> {
        Some(self.head.sets[1])
    }
}

/// Entries scored per parallel task: enough to make the hand-off between threads cheap.
const PARALLEL_CHUNK: usize = 2048;

impl SearchIndex {
    pub fn build(dataset: &Dataset) -> SearchIndex {
        let mut builder = IndexBuilder::new(dataset);
        for index in 0..dataset.announcements.len() {
            announcement_entry(&mut builder, index);
            for event in 0..dataset.announcements[index].events.len() {
                event_entry(&mut builder, index, event);
            }
        }
        for index in 0..dataset.institutions.len() {
            institution_entry(&mut builder, index);
        }
        for index in 0..dataset.people.len() {
            person_entry(&mut builder, index);
        }
        for index in 0..dataset.contacts.len() {
            contact_entry(&mut builder, index);
        }
        builder.finish()
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
            .matching(query)
            .iter()
            .filter(|hit| wanted(&self.entries[hit.entry]))
            .copied()
            .collect();
        self.rank(&mut hits);
        hits
    }

    /// Every entry `query` matches, in entry order and unranked, for a caller that splits
    /// them (the explorer's lists) and ranks only the part it shows. An empty query
    /// matches every entry, with score 0. Remembered from the last call when it was the
    /// same query, narrowed from it when the query grew from it, otherwise scored
    /// afresh; in parallel either way.
    pub fn matching(&self, query: &Query) -> Arc<Vec<Hit>> {
        self.matching_unless(query, || false)
            .expect("a search that is never stopped finishes")
    }

    /// Whether [`SearchIndex::matching`] would answer `query` from memory, at no cost.
    pub fn remembers(&self, query: &Query) -> bool {
        self.last
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .is_some_and(|last| last.query == *query)
    }

    /// [`SearchIndex::matching`], given up, with `None`, once `stopped()` is true: the
    /// explorer searches in the background and stops a search the next keystroke made
    /// stale. A search given up is not remembered, so the next one starts from the last
    /// that finished.
    pub fn matching_unless(
        &self,
        query: &Query,
        stopped: impl Fn() -> bool + Sync,
    ) -> Option<Arc<Vec<Hit>>> {
        let last = self
            .last
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if let Some(last) = &last
            && last.query == *query
        {
            return Some(Arc::clone(&last.hits));
        }
        let prepared = Prepared::new(query);
        let memos: Vec<(Term, Arc<Memo>)> = prepared
            .terms()
            .map(|term| {
                let reused = last.as_ref().and_then(|last| {
                    last.memos
                        .iter()
                        .find(|(earlier, _)| Memo::serves(earlier, term.term))
                });
                let memo = match reused {
                    Some((_, memo)) => Arc::clone(memo),
                    None => Arc::new(Memo::new(self, term.term)),
                };
                (term.term.clone(), memo)
            })
            .collect();
        let score = |entry: usize, narrowed_groups: usize, within: FieldMask| {
            // A relaxed load per entry: far cheaper than scoring it.
            if stopped() {
                return None;
            }
            let fields = EntryFields {
                index: self,
                head: &self.heads[entry],
                memos: &memos,
                letters: &self.letters[entry],
            };
            score_within(&prepared, &fields, narrowed_groups, within)
                .map(|(score, matched)| (Hit { entry, score }, matched))
        };
        let (hits, matched): (Vec<Hit>, Vec<FieldMask>) = match &last {
            Some(last) if query.grows_from(&last.query) => {
                let narrowed_groups = last.query.groups.len();
                last.hits
                    .par_iter()
                    .zip(last.matched.par_iter())
                    .with_min_len(PARALLEL_CHUNK)
                    .filter_map(|(hit, &within)| score(hit.entry, narrowed_groups, within))
                    .unzip()
            }
            _ if query.is_empty() => (0..self.entries.len())
                .map(|entry| (Hit { entry, score: 0 }, FieldMask::ALL))
                .unzip(),
            _ => (0..self.entries.len())
                .into_par_iter()
                .with_min_len(PARALLEL_CHUNK)
                .filter_map(|entry| score(entry, 0, FieldMask::ALL))
                .unzip(),
        };
        if stopped() {
            return None;
        }
        let hits = Arc::new(hits);
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) = Some(Last {
            query: query.clone(),
            hits: Arc::clone(&hits),
            matched: Arc::new(matched),
            memos,
        });
        Some(hits)
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

/// Where an entry's value ids are while the index is built: short ones from `start`,
/// long ones from `long`, facet ones from `facets` to `end`.
#[derive(Clone, Copy, Debug)]
struct Span {
    start: usize,
    long: usize,
    facets: usize,
    end: usize,
}

/// Builds an index entry by entry, giving each field's text its value id.
struct IndexBuilder<'a> {
    dataset: &'a Dataset,
    short: Interner<'a>,
    long: Interner<'a>,
    facets: FacetInterner<'a>,
    entries: Vec<Entry>,
    fields: Vec<ValueId>,
    spans: Vec<Span>,
    /// The entry being built's ids, by kind.
    current: [Vec<ValueId>; 3],
}

const SHORT: usize = 0;
const LONG: usize = 1;
const FACETS: usize = 2;

impl<'a> IndexBuilder<'a> {
    fn new(dataset: &'a Dataset) -> Self {
        IndexBuilder {
            dataset,
            short: Interner::default(),
            long: Interner::default(),
            facets: FacetInterner::default(),
            entries: Vec::new(),
            fields: Vec::new(),
            spans: Vec::new(),
            current: Default::default(),
        }
    }

    /// A field matched by its length: fuzzily when short, by words when long.
    fn text(&mut self, text: &'a str) -> &mut Self {
        if text.trim().is_empty() {
            return self;
        }
        if text.chars().count() <= SHORT_FIELD_CHARS {
            let id = self.short.intern(text);
            self.current[SHORT].push(id);
        } else {
            let id = self.long.intern(text);
            self.current[LONG].push(id);
        }
        self
    }

    /// Prose, or a field about a related record: matched by words only, whatever its
    /// length. A description like "researchers among the two centres' employees" holds
    /// `amgen` as a subsequence; and a contact's releases rank below the institution it
    /// speaks for.
    fn prose(&mut self, text: &'a str) -> &mut Self {
        if !text.trim().is_empty() {
            let id = self.long.intern(text);
            self.current[LONG].push(id);
        }
        self
    }

    fn facet(&mut self, facet: Facet, value: &'a str) -> &mut Self {
        if !value.is_empty() {
            let id = self.facets.intern(facet, value);
            self.current[FACETS].push(id);
        }
        self
    }

    fn institution(&mut self, id: &'a str) -> &mut Self {
        self.text(id);
        if let Some(institution) = self.dataset.institution(id) {
            self.text(&institution.name);
            for name in &institution.other_names {
                self.text(name);
            }
        }
        self
    }

    /// Ends the entry for `record`. A value a record holds twice is kept once: a term
    /// scores a record by its best field, which a repeat cannot change.
    fn entry(&mut self, record: Record, label: &Text) {
        let start = self.fields.len();
        let mut ends = [start; 3];
        for (kind, ids) in self.current.iter_mut().enumerate() {
            ids.sort_unstable();
            ids.dedup();
            self.fields.append(ids);
            ends[kind] = self.fields.len();
        }
        self.spans.push(Span {
            start,
            long: ends[SHORT],
            facets: ends[LONG],
            end: ends[FACETS],
        });
        self.entries.push(Entry {
            record,
            label: label.clone(),
        });
    }

    fn finish(self) -> SearchIndex {
        let short = self.short.into_values();
        let long = self.long.into_values();
        let facets = self.facets.into_values();
        let ids = self.fields;
        let (short_slots, long_slots, shared) =
            memo_slots(&self.spans, &ids, short.len(), long.len());
        let long_starts: Vec<WordStarts> = (0..long.len())
            .into_par_iter()
            .with_min_len(PARALLEL_CHUNK)
            .map(|id| WordStarts::of(long.text(id as ValueId)))
            .collect();
        let field = |slots: &[u32], summary: u64, id: ValueId| FieldRef {
            summary,
            value: id,
            slot: slots[id as usize],
        };
        let union = |values: &Values, ids: &[ValueId]| {
            ids.iter()
                .fold(CharSet::default(), |set, &id| set.union(values.set(id)))
        };
        let field_count = self.spans.iter().map(|span| span.facets - span.start).sum();
        let mut fields = Vec::with_capacity(field_count);
        let mut facet_ids = Vec::new();
        let mut heads = Vec::with_capacity(self.spans.len());
        for span in &self.spans {
            let start = fields.len();
            let short_ids = &ids[span.start..span.long];
            fields.extend(
                short_ids
                    .iter()
                    .map(|&id| field(&short_slots, short.set(id).bits(), id)),
            );
            // Shared values first: their scores are memoised, and when one reaches the
            // most a field can score, the entry's own values are never read.
            fields[start..].sort_by_key(|field| field.slot == UNSHARED);
            let long_start = fields.len();
            let long_ids = &ids[span.long..span.facets];
            fields.extend(long_ids.iter().map(|&id| {
                let summary = long_summary_of(long_starts[id as usize], long.set(id));
                field(&long_slots, summary, id)
            }));
            fields[long_start..].sort_by_key(|field| field.slot == UNSHARED);
            let facet_start = facet_ids.len();
            facet_ids.extend_from_slice(&ids[span.facets..span.end]);
            heads.push(Head {
                short: start,
                long: long_start,
                end: fields.len(),
                facets: facet_start,
                facets_end: facet_ids.len(),
                sets: [union(&short, short_ids), union(&long, long_ids)],
            });
        }
        facet_ids.shrink_to_fit();
        let letters = entry_letters(&self.spans, &ids, &short, &long);
        let label_chars = self
            .entries
            .iter()
            .map(|entry| u32::try_from(entry.label.chars().count()).unwrap_or(u32::MAX))
            .collect();
        let mut entries = self.entries;
        entries.shrink_to_fit();
        SearchIndex {
            entries,
            matcher: Matcher::default(),
            short,
            long,
            facets,
            fields,
            facet_ids,
            heads,
            shared,
            label_chars,
            letters,
            last: Mutex::new(None),
        }
    }
}

/// Each short and long value's memo slot, and how many slots there are: a value more
/// than one entry holds gets one (an entry holds each value once); the rest are scored
/// straight from their text and get [`UNSHARED`].
fn memo_slots(
    spans: &[Span],
    ids: &[ValueId],
    short_values: usize,
    long_values: usize,
) -> (Vec<u32>, Vec<u32>, usize) {
    let mut short_slots = vec![0_u32; short_values];
    let mut long_slots = vec![0_u32; long_values];
    for span in spans {
        for &id in &ids[span.start..span.long] {
            short_slots[id as usize] = short_slots[id as usize].saturating_add(1);
        }
        for &id in &ids[span.long..span.facets] {
            long_slots[id as usize] = long_slots[id as usize].saturating_add(1);
        }
    }
    let mut shared = 0_usize;
    for holders in short_slots.iter_mut().chain(long_slots.iter_mut()) {
        *holders = if *holders > 1 {
            shared += 1;
            // Slots stay below UNSHARED: there are fewer values than that.
            u32::try_from(shared - 1).unwrap_or(UNSHARED)
        } else {
            UNSHARED
        };
    }
    (short_slots, long_slots, shared)
}

/// Each entry's [`LetterScores`]: each distinct value's are worked out once, then
/// combined per entry.
fn entry_letters(
    spans: &[Span],
    ids: &[ValueId],
    short: &Values,
    long: &Values,
) -> Vec<LetterScores> {
    let short_letters: Vec<LetterScores> = (0..short.len())
        .into_par_iter()
        .with_min_len(PARALLEL_CHUNK)
        .map(|id| LetterScores::of_short(short.text(id as ValueId)))
        .collect();
    let long_letters: Vec<LetterScores> = (0..long.len())
        .into_par_iter()
        .with_min_len(PARALLEL_CHUNK)
        .map(|id| LetterScores::of_long(long.text(id as ValueId)))
        .collect();
    spans
        .par_iter()
        .with_min_len(PARALLEL_CHUNK)
        .map(|span| {
            let mut scores = LetterScores::default();
            for &id in &ids[span.start..span.long] {
                scores.add(&short_letters[id as usize]);
            }
            for &id in &ids[span.long..span.facets] {
                scores.add(&long_letters[id as usize]);
            }
            scores
        })
        .collect()
}

fn year_of(date: &str) -> &str {
    date.get(..4).unwrap_or(date)
}

fn announcement_entry(builder: &mut IndexBuilder<'_>, index: usize) {
    let dataset = builder.dataset;
    let announcement = &dataset.announcements[index];
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
            .institution(&partner.institution)
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
        builder.institution(&mention.institution);
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
    builder.entry(Record::Announcement(index), &announcement.short_title);
}

fn event_entry(builder: &mut IndexBuilder<'_>, announcement: usize, event: usize) {
    let dataset = builder.dataset;
    let parent = &dataset.announcements[announcement];
    let item = &parent.events[event];
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
    builder.entry(Record::Event(announcement, event), &item.title);
}

fn institution_entry(builder: &mut IndexBuilder<'_>, index: usize) {
    let dataset = builder.dataset;
    let institution = &dataset.institutions[index];
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
    for partner in facet_co_partners(dataset, index) {
        let partner = &dataset.institutions[partner];
        builder
            .facet(Facet::Partner, &partner.id)
            .facet(Facet::Partner, &partner.name);
    }
    builder.entry(Record::Institution(index), &institution.name);
}

/// Releases with more partners than this give their partners no `partner:` facets of each
/// other: every institution of such a release would carry every other one, which is
/// quadratic (a release of 8,000 partners made 64 million facets, 30 s and 1.5 GB at start).
/// The curated releases have at most 9.
pub const CO_PARTNER_FACETS_UP_TO: usize = 100;

/// The institutions an institution's `partner:` facets name: its co-partners in releases of
/// at most [`CO_PARTNER_FACETS_UP_TO`] partners.
fn facet_co_partners(dataset: &Dataset, index: usize) -> Vec<usize> {
    let releases = dataset.partnered_in(index);
    let small = |&announcement: &usize| {
        dataset.announcements[announcement].partners.len() <= CO_PARTNER_FACETS_UP_TO
    };
    if releases.iter().all(small) {
        return dataset
            .co_partners(index)
            .into_iter()
            .map(|(partner, _)| partner)
            .collect();
    }
    let id = dataset.institutions[index].id.as_str();
    let mut partners: Vec<usize> = releases
        .iter()
        .filter(|announcement| small(announcement))
        .flat_map(|&announcement| &dataset.announcements[announcement].partners)
        .filter(|partner| partner.institution.as_str() != id)
        .filter_map(|partner| dataset.institution_index(&partner.institution))
        .collect();
    partners.sort_unstable();
    partners.dedup();
    partners
}

fn person_entry(builder: &mut IndexBuilder<'_>, index: usize) {
    let dataset = builder.dataset;
    let person = &dataset.people[index];
    builder.text(&person.id).text(&person.name);
    for role in &person.roles {
        builder
            .text(&role.title)
            .text(role.title_en.as_deref().unwrap_or(""))
            .facet(Facet::Role, &role.title);
        if let Some(id) = &role.institution {
            builder.institution(id).facet(Facet::Partner, id);
        }
        if let Some(announcement) = dataset.announcement(&role.announcement) {
            builder.facet(Facet::Year, year_of(&announcement.date));
        }
    }
    builder.entry(Record::Person(index), &person.name);
}

fn contact_entry(builder: &mut IndexBuilder<'_>, index: usize) {
    let dataset = builder.dataset;
    let contact = &dataset.contacts[index];
    builder
        .text(&contact.id)
        .text(&contact.name)
        .text(&contact.organization)
        .institution(&contact.represents)
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
    builder.entry(Record::Contact(index), &contact.name);
}

/// The folded text of an entry's label, for highlighting list rows.
pub fn folded_label(entry: &Entry) -> Folded {
    fold(&entry.label)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Typing a query character by character narrows the last hits and reuses memos of
    /// unchanged terms; each step must give exactly what a fresh index gives.
    #[test]
    fn typing_gives_what_a_fresh_search_gives() {
        let dataset = Dataset::embedded().expect("the embedded dataset loads");
        let typed = SearchIndex::build(&dataset);
        for query in [
            "gustave roussy",
            "amgen 2023",
            "country:fr lyon",
            "immuno !amgen",
            "'canc | dana",
            "^inst bergo$",
            "immunotherapy villejuif",
            "ro ss | partn",
        ] {
            let mut text = String::new();
            for character in query.chars() {
                text.push(character);
                let parsed = parse(&text);
                let fresh = SearchIndex::build(&dataset);
                assert_eq!(
                    *typed.matching(&parsed),
                    *fresh.matching(&parsed),
                    "query {text:?}"
                );
            }
        }
    }

    #[test]
    fn values_held_by_several_records_are_stored_once() {
        let dataset = Dataset::embedded().expect("the embedded dataset loads");
        let index = SearchIndex::build(&dataset);
        let fields = index.fields.len();
        assert!(
            index.short.len() + index.long.len() < fields,
            "nothing shared"
        );
        assert!(index.shared > 0);
        let slots: Vec<u32> = index
            .fields
            .iter()
            .map(|field| field.slot)
            .filter(|&slot| slot != UNSHARED)
            .collect();
        assert!(slots.iter().all(|&slot| (slot as usize) < index.shared));
    }
}
