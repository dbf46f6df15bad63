//! TEMPORARY placeholder until the search engine lands.
pub mod fold;
pub mod index;
pub mod matcher;
pub mod query;
