//! The search index: every record of a dataset as a list of fields, built once at load,
//! and the ranking rule shared by the CLI's `search` and `contacts` and the explorer's
//! filter. Which fields of a record are searched, and as what, is [`super::fields`]'s.
//!
//! A field refers to a distinct folded text ([`super::values`]), so a query scores a
//! text that many records hold once per term: the score is kept in a [`Memo`] the next
//! keystroke reuses for the terms it did not change.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use rayon::prelude::*;

use crate::dataset::model::Text;
use crate::dataset::{Dataset, Kind, Record};

use super::fields::{self, FieldClass, FieldSink, RecordFields};
use super::find::WordStarts;
use super::matcher::{
    FieldAt, FieldKind, FieldMask, Fields, LetterScores, Matcher, Prepared, PreparedTerm,
    needs_word_start, plain_letter, score_within, value_score,
};
use super::query::{Facet, Query, Term, parse};
use super::values::{FacetInterner, FacetValues, Interner, ValueId, Values};
use crate::fold::CharSet;

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
    pub(crate) score: i64,
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
    /// Each entry's place among equal scores: by kind, then date, then id.
    tie_order: Vec<u32>,
    /// Each entry's one-letter term scores: a query's first keystroke matches nearly
    /// every entry, and these score it without reading the entries' text.
    letters: Vec<LetterScores>,
    /// The last query searched, every entry it matched in entry order, and its terms'
    /// memos: the same query again (another pane's list) costs no scan, a query that
    /// grows from it (one more character typed) scans only these entries, and a term it
    /// shares with it scores no value twice.
    last: Mutex<Option<Last>>,
    /// See [`SearchIndex::vocabulary`].
    vocabulary: OnceLock<Vec<Box<str>>>,
    /// Each announcement's entry (its events follow it), and where the institutions,
    /// the people and the contacts start: [`SearchIndex::entry_of`].
    announcement_entries: Vec<u32>,
    kind_starts: [usize; 3],
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
    /// The query's terms and their memos, by slot; empty when scoring one entry
    /// alone, which memos would not repay.
    memos: &'a [(Term, Arc<Memo>)],
    letters: &'a LetterScores,
    /// Only the entry's own names and places are looked at.
    names_only: bool,
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
                let class = index.short.class(field.value);
                if self.names_only && !matches!(class, FieldClass::Name | FieldClass::Place) {
                    return None;
                }
                (field, &index.short, FieldKind::Class(class), set)
            }
            FieldAt::Long(_) if self.names_only => return None,
            FieldAt::Long(at) => {
                let field = index.fields[self.head.long + at];
                let (starts, chars) = long_summary(field.summary);
                let kind = FieldKind::Class(index.long.class(field.value));
                if !CharSet::coarse_contains_all(chars, term.set.coarse())
                    || (needs_word_start(term.term, kind) && !starts.may_start(&term.term.text))
                {
                    return None;
                }
                (field, &index.long, kind, CharSet::ANY)
            }
            FieldAt::Facet(at) => {
                let id = index.facet_ids[self.head.facets + at];
                let facets = &index.facets;
                let kind = FieldKind::Facet(facets.facets[id as usize]);
                let set = facets.values.set(id);
                let text = || facets.values.text(id);
                let related = facets.related[id as usize];
                let score = || {
                    let score = value_score(term.term, term.set, set, text, kind)?;
                    Some(if related { score / 2 } else { score })
                };
                return match self.memos.get(term.slot) {
                    Some((_, memo)) => memoised(&memo.facets[id as usize], score),
                    None => score(),
                };
            }
        };
        let text = || values.text(field.value);
        let score = || value_score(term.term, term.set, set, text, kind);
        match (field.slot, self.memos.get(term.slot)) {
            (UNSHARED, _) | (_, None) => score(),
            (slot, Some((_, memo))) => memoised(&memo.fields[slot as usize], score),
        }
    }

    fn letters(&self) -> Option<&LetterScores> {
        (!self.names_only).then_some(self.letters)
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
    /// What scoring one entry reads: all of its fields.
    fn entry_fields<'a>(&'a self, entry: usize, memos: &'a [(Term, Arc<Memo>)]) -> EntryFields<'a> {
        EntryFields {
            index: self,
            head: &self.heads[entry],
            memos,
            letters: &self.letters[entry],
            names_only: false,
        }
    }

    pub fn build(dataset: &Dataset) -> SearchIndex {
        let mut builder = IndexBuilder::new(dataset);
        let fields = RecordFields::new(dataset);
        for walked in dataset.records() {
            fields.of(walked.record, &mut builder);
            builder.entry(walked.record, walked.label);
        }
        builder.finish()
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The entries of the given kinds that match `query`, ranked: score, then kind, date
    /// and id.
    pub(crate) fn search(&self, query: &str, kinds: &[Kind]) -> Vec<Hit> {
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
    pub(crate) fn matching(&self, query: &Query) -> Arc<Vec<Hit>> {
        self.matching_unless(query, || false)
            .expect("a search that is never stopped finishes")
    }

    /// Whether entry `entry` matches `query`; with `names_only`, in its own names and
    /// places alone. Scored without memos, for a few entries at a time (the explorer's
    /// rows that concern a match).
    pub(crate) fn entry_matches(
        &self,
        entry: usize,
        prepared: &Prepared<'_>,
        names_only: bool,
    ) -> bool {
        let fields = EntryFields {
            names_only,
            ..self.entry_fields(entry, &[])
        };
        score_within(prepared, &fields, 0, FieldMask::ALL).is_some()
    }

    /// The entry of a record.
    pub(crate) fn entry_of(&self, record: Record) -> Option<usize> {
        let entry = match record {
            Record::Announcement(index) => *self.announcement_entries.get(index)? as usize,
            Record::Event(announcement, event) => {
                *self.announcement_entries.get(announcement)? as usize + 1 + event
            }
            Record::Institution(index) => self.kind_starts[0] + index,
            Record::Person(index) => self.kind_starts[1] + index,
            Record::Contact(index) => self.kind_starts[2] + index,
        };
        (self.entries.get(entry)?.record == record).then_some(entry)
    }

    /// Whether any entry matches `query`, without touching what the index remembers of
    /// the last search (the explorer's next keystroke narrows from that).
    pub(crate) fn matches_any(&self, query: &Query) -> bool {
        let prepared = Prepared::new(query);
        let memos: Vec<(Term, Arc<Memo>)> = prepared
            .terms()
            .map(|term| (term.term.clone(), Arc::new(Memo::new(self, term.term))))
            .collect();
        (0..self.entries.len())
            .into_par_iter()
            .with_min_len(PARALLEL_CHUNK)
            .any(|entry| {
                let fields = self.entry_fields(entry, &memos);
                score_within(&prepared, &fields, 0, FieldMask::ALL).is_some()
            })
    }

    /// Every distinct word of the searched texts, folded, built the first time a
    /// spelling suggestion is asked for (off the UI thread: see `tui::rows`).
    pub(crate) fn vocabulary(&self) -> &[Box<str>] {
        self.vocabulary.get_or_init(|| {
            let mut words: Vec<Box<str>> = [&self.short, &self.long]
                .iter()
                .flat_map(|values| (0..values.len()).map(|id| values.text(id as ValueId)))
                .flat_map(|text| text.split(|character: char| !character.is_alphanumeric()))
                .filter(|word| word.chars().count() >= 3)
                .map(Box::from)
                .collect();
            words.par_sort_unstable();
            words.dedup();
            words
        })
    }

    /// Whether [`SearchIndex::matching`] would answer `query` from memory, at no cost.
    pub(crate) fn remembers(&self, query: &Query) -> bool {
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
    pub(crate) fn matching_unless(
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
            let fields = self.entry_fields(entry, &memos);
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

    /// What [`SearchIndex::rank`] sorts by, lowest first: for a caller that keeps its
    /// own order and only wants the best hit, or sorts a few.
    pub(crate) fn rank_key(&self, hit: &Hit) -> (std::cmp::Reverse<i64>, u32) {
        (std::cmp::Reverse(hit.score), self.tie_order[hit.entry])
    }

    /// Best first: higher score (the field's weight, then the match's quality), then
    /// kind (an institution or person before the records naming it), date and id.
    pub(crate) fn rank(&self, hits: &mut [Hit]) {
        let key = |hit: &Hit| self.rank_key(hit);
        // Keys are unique (the tie order is), so an unstable sort gives one order.
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

impl<'a> FieldSink<'a> for IndexBuilder<'a> {
    /// A field kept with the word-matched ones or the letter-matched ones, as its class
    /// is matched.
    fn field(&mut self, class: FieldClass, text: &'a str) {
        if text.trim().is_empty() {
            return;
        }
        if class.by_words() {
            let id = self.long.intern(class, text);
            self.current[LONG].push(id);
        } else {
            let id = self.short.intern(class, text);
            self.current[SHORT].push(id);
        }
    }

    fn facet(&mut self, facet: Facet, value: &'a str) {
        if !value.is_empty() {
            let id = self.facets.intern(facet, value, false);
            self.current[FACETS].push(id);
        }
    }

    fn related_facet(&mut self, facet: Facet, value: &'a str) {
        if !value.is_empty() {
            let id = self.facets.intern(facet, value, true);
            self.current[FACETS].push(id);
        }
    }
}

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
        let mut announcement_entries = Vec::new();
        let mut kind_starts = [self.entries.len(); 3];
        for (entry, item) in self.entries.iter().enumerate().rev() {
            match item.record {
                Record::Announcement(_) => {
                    announcement_entries.push(u32::try_from(entry).unwrap_or(u32::MAX));
                }
                Record::Institution(_) => kind_starts[0] = entry,
                Record::Person(_) => kind_starts[1] = entry,
                Record::Contact(_) => kind_starts[2] = entry,
                Record::Event(..) => {}
            }
        }
        announcement_entries.reverse();
        let tie_order = tie_order(self.dataset, &self.entries);
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
            tie_order,
            letters,
            last: Mutex::new(None),
            vocabulary: OnceLock::new(),
            announcement_entries,
            kind_starts,
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
        .map(|id| LetterScores::of_value(short.text(id as ValueId), short.class(id as ValueId)))
        .collect();
    let long_letters: Vec<LetterScores> = (0..long.len())
        .into_par_iter()
        .with_min_len(PARALLEL_CHUNK)
        .map(|id| LetterScores::of_value(long.text(id as ValueId), long.class(id as ValueId)))
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

/// Each entry's place in the order of ties: kind, then date, then id.
fn tie_order(dataset: &Dataset, entries: &[Entry]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.par_sort_by_key(|&entry| {
        let record = entries[entry].record;
        (
            fields::kind_order(record),
            fields::date_of(dataset, record),
            dataset.record_id(record),
        )
    });
    let mut places = vec![0_u32; entries.len()];
    for (place, entry) in order.into_iter().enumerate() {
        places[entry] = u32::try_from(place).unwrap_or(u32::MAX);
    }
    places
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
