//! Turning records into what the command line prints: aligned tables, JSON documents and
//! plain text. Every string from the dataset goes through `sanitize` on its way to a
//! table or text; JSON escapes control characters itself.

pub mod json;
pub mod table;
pub mod text;
