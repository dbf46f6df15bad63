//! Searching the dataset as a person types: fzf's query syntax, accent-
//! and case-insensitive, over records whose fields are folded once when
//! loaded. This module only wires the parts together: [`crate::fold`](mod@crate::fold)
//! decides which characters are equal, [`query`] parses what was typed, [`matcher`]
//! scores records and finds highlights, `find` locates text within a
//! field, `fuzzy` scores subsequence hits cheaply (fzf's rule, for lines), `tight` the
//! stricter rule for names, and [`fields`] says which fields of each record are searched
//! and as what. Drawing is left to the rest of the program.

pub(crate) mod fields;
mod find;
mod fuzzy;
pub mod index;
pub mod matcher;
pub mod query;
pub(crate) mod suggest;
mod tight;
pub(crate) mod values;

pub use query::{Facet, Group, Query, Term, TermKind, parse, parse_plain};
