//! `accords`: a terminal explorer of oncology partnership announcements.
//!
//! Data flows one way: YAML files → [`dataset`] (validated, immutable) → [`search`] index
//! (folded once) → the command line's [`commands`] or the explorer → [`output`] or screen.

pub mod cli;
pub mod commands;
pub mod config;
pub mod dataset;
pub mod output;
pub mod sanitize;
pub mod search;
pub mod tui;
