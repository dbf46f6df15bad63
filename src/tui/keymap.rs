//! The keys the explorer answers to are settings: the command table and the keymap in force
//! live in [`crate::config::keymap`], below the explorer, so settings never depend on it.

pub use crate::config::keymap::*;
