//! The Institutions' rows put in the order a person asked for.

use super::hits::institution_of;
use super::inputs::ListInputs;
use super::orders::InstitutionSort;
use crate::search::index::Hit;

/// Institutions in the order `from.orders` asks, `hits` giving the best-match order
/// (name order without a filter); returns where the row at `best` went.
pub(super) fn sort_institutions(
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
