//! Turning records into what the command line prints: aligned tables, JSON documents,
//! plain text, CSV and vCards. Every string from the dataset goes through `sanitize` on its
//! way to a table or text; JSON escapes control characters itself; CSV and vCard, data
//! formats for files, keep text as written but drop the control characters that could
//! break their structure or drive a terminal (see each module).

pub(crate) mod csv;
pub mod emit;
pub(crate) mod json;
pub mod source;
pub(crate) mod table;
pub mod text;
pub mod vcard;
