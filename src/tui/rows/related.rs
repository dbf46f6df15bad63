//! Rows listed because they concern a match: announcements a matching partner brings in,
//! institutions a matching person brings in.

use super::hits::{Split, institution_of, person_of};
use super::inputs::ListInputs;
use crate::dataset::Record;
use crate::search::fields::{FieldClass, WEIGHT_STEP};
use crate::search::matcher::Prepared;
use crate::search::query::Query;

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

pub(super) fn related(from: &ListInputs, split: &Split, candidates: Option<&[usize]>) -> Related {
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
