//! Every list of one query made at once, from one split of the filter's hits, with each
//! list's best row and, when nothing matches, a suggestion.

use super::hits::{contact_of, in_own_order, institution_of, person_of, split};
use super::inputs::ListInputs;
use super::institutions::sort_institutions;
use super::related::{Related, related};
use super::timeline::{TimelineRow, timeline, timeline_of};
use crate::search::suggest::{self, Suggestion};

/// Every list at once, from one split of the filter's hits.
pub struct Lists {
    pub(crate) timeline: Vec<TimelineRow>,
    pub(crate) institutions: Vec<usize>,
    pub(crate) contacts: Vec<usize>,
    pub(crate) people: Vec<usize>,
    /// Each list's best-scoring row, when there is a filter.
    pub(crate) best: BestRows,
    /// The rows listed because they concern a match, dimmed.
    pub(crate) related: Related,
    /// When the filter matches nothing: a term of it that matches nothing and the
    /// dataset's closest word. Worked out here, off the UI thread, as it reads the
    /// dataset's whole vocabulary.
    pub(crate) suggestion: Option<Suggestion>,
}

/// The row of each list that scores best (as `search` ranks): where the cursor goes
/// as a person types.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct BestRows {
    pub(crate) timeline: Option<usize>,
    pub(crate) institutions: Option<usize>,
    pub(crate) contacts: Option<usize>,
    pub(crate) people: Option<usize>,
}

pub(crate) fn lists(from: &ListInputs) -> Lists {
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
