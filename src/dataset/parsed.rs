//! A dataset file as parsed, before validation: its name, where its text can be read
//! again, and its records.

use std::path::PathBuf;

use super::model::DatasetFile;
use super::read::read_bounded;
use super::records::Counts;

/// The largest file accepted, far above the 100,000-announcement benchmark dataset.
pub(crate) const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Where a file's text can be had again, to place diagnostics found after parsing.
#[derive(Debug, Clone)]
pub(crate) enum Origin {
    Embedded(&'static str),
    Disk(PathBuf),
    /// Standard input, which cannot be read twice: its text is kept.
    Kept(std::sync::Arc<str>),
}

/// One parsed file of a dataset.
#[derive(Debug)]
pub(crate) struct ParsedFile {
    /// The name diagnostics use.
    pub(crate) name: String,
    pub(crate) origin: Origin,
    pub(crate) content: DatasetFile,
}

impl ParsedFile {
    /// The file's text, read again: only needed when a problem must be placed in it.
    pub(crate) fn text(&self) -> Option<String> {
        match &self.origin {
            Origin::Embedded(text) => Some((*text).to_owned()),
            Origin::Disk(path) => read_bounded(path, MAX_FILE_BYTES)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok()),
            Origin::Kept(text) => Some(text.to_string()),
        }
    }
}

impl Counts {
    /// The records across these files.
    pub(crate) fn of_files(files: &[ParsedFile]) -> Counts {
        files.iter().fold(Counts::default(), |sum, file| {
            let content = &file.content;
            let one = Counts::of(
                &content.announcements,
                &content.institutions,
                &content.people,
                &content.contacts,
            );
            Counts {
                announcements: sum.announcements + one.announcements,
                institutions: sum.institutions + one.institutions,
                people: sum.people + one.people,
                contacts: sum.contacts + one.contacts,
                events: sum.events + one.events,
            }
        })
    }
}
