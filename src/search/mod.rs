//! Searching the dataset as a person types: fzf's query syntax, accent-
//! and case-insensitive, over records whose fields are folded once when
//! loaded. This module only wires the parts together: [`fold`](mod@fold) decides
//! which characters are equal, [`query`] parses what was typed, [`matcher`]
//! scores records and finds highlights, `find` locates text within a
//! field, and `fuzzy` scores subsequence hits cheaply. Building records from the dataset, ranking, caching and drawing
//! are left to the rest of the program.

mod find;
pub mod fold;
mod fuzzy;
pub mod index;
pub mod matcher;
pub mod query;
pub mod values;

pub use fold::{CharSet, Folded, fold, fold_into, fold_str};
pub use matcher::{Document, Matcher, Prepared};
pub use query::{Facet, Group, Query, Term, TermKind, parse, parse_plain};
