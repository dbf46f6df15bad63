//! `accords`: a terminal explorer of oncology partnership announcements.
//!
//! Data flows one way: YAML files → [`dataset`] (validated, immutable) → [`search`] index
//! (folded once) → the command line's [`commands`] or the explorer → [`output`] or screen.

#![forbid(unsafe_code)]
// The documentation is for the maintainers (`cargo doc --document-private-items`): a public
// item may point to the crate-private one that does the work.
#![allow(rustdoc::private_intra_doc_links)]

/// The allocator of the `accords` binary, and of the benchmarks and examples that measure
/// it: `#[global_allocator] static ALLOCATOR: accords::Allocator = accords::Allocator;`.
/// Loading allocates and frees a few values per YAML scalar (libyaml's tokens, serde_yaml's
/// events, the records' texts), millions in a large dataset, and mimalloc spends fewer
/// instructions on that than glibc's allocator. Transparent huge pages stay off, as zeroing
/// pages costs more than the allocator saves (BENCHMARKS.md has both figures). It is not set
/// here, so that a program using the library (`examples/open` counts allocations) can
/// choose its own.
pub use mimalloc::MiMalloc as Allocator;

pub mod background;
pub mod cli;
pub mod commands;
pub mod config;
pub mod dataset;
pub(crate) mod describe;
pub mod fold;
pub mod output;
pub mod sanitize;
pub mod search;
pub mod threads;
pub mod tui;
