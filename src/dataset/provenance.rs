//! Where each fact stands in its release. A dataset may carry the release texts in a
//! `sources/` folder (the embedded one always does); then every fact that holds words of
//! its release — a quote's text, a figure's, an event's or a claim's `as_written`, a
//! partner's, a role's or a press listing's `passage` — is located in the text named by
//! its announcement's `source`, once, at load time. A passage that is not found is a
//! diagnostic at the passage's own position, so provenance cannot rot unnoticed. A dataset
//! without `sources/` (the synthetic benchmark sets) is valid; its passages are not
//! checked and it has no texts to show.
//!
//! Matching ignores how whitespace is laid out (any run of spaces, line breaks or blank
//! lines in the release matches one space in the passage) and is otherwise exact; where
//! the words occur more than once, the first occurrence is meant unless the fact says
//! `occurrence: N`.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::diagnostic::Diagnostic;
use super::locate::FieldPath;
use super::model::{Announcement, Person, Text};
use super::parsed::{MAX_FILE_BYTES, ParsedFile};
use super::validate;

/// The release texts built into the binary, by file name.
pub(crate) const EMBEDDED_SOURCES: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/embedded_sources.rs"));

/// The folder of a dataset directory that holds its release texts.
pub(crate) const SOURCES_FOLDER: &str = "sources";

/// Where a dataset's release texts are, if it has any.
#[derive(Debug, Clone)]
pub(crate) enum SourceTexts {
    /// The texts built into the binary, with the embedded dataset.
    Embedded,
    /// A `sources/` folder beside the dataset's YAML files.
    Folder(PathBuf),
    /// No texts: passages are not checked.
    Absent,
}

impl SourceTexts {
    /// The texts of the dataset at `path`: its `sources/` folder, when it is a directory
    /// that has one.
    pub(crate) fn beside(path: &Path) -> SourceTexts {
        let folder = path.join(SOURCES_FOLDER);
        if path.is_dir() && folder.is_dir() {
            SourceTexts::Folder(folder)
        } else {
            SourceTexts::Absent
        }
    }

    /// The text named `name`, or why it cannot be had; `None` when the dataset has no
    /// texts at all.
    fn read(&self, name: &str) -> Option<Result<Text, String>> {
        match self {
            SourceTexts::Absent => None,
            SourceTexts::Embedded => Some(
                EMBEDDED_SOURCES
                    .iter()
                    .find(|(file, _)| *file == name)
                    .map(|(_, text)| Text::from(*text))
                    .ok_or_else(|| {
                        format!("`{name}` is not among the dataset's release texts in sources/")
                    }),
            ),
            SourceTexts::Folder(folder) => Some(read_text(folder, name)),
        }
    }
}

/// A release text read from a `sources/` folder: a plain file name, UTF-8, not too large.
fn read_text(folder: &Path, name: &str) -> Result<Text, String> {
    let plain = !name.is_empty()
        && !name.contains(['/', '\\'])
        && name != "."
        && name != ".."
        && !name.starts_with('.');
    if !plain {
        return Err(format!(
            "`{name}` is not a file name; expected the name of a file in {}",
            folder.display()
        ));
    }
    let path = folder.join(name);
    if fs::symlink_metadata(&path).is_err() {
        return Err(format!(
            "`{name}` is not in {}; a dataset with a sources folder holds the text of every announcement",
            folder.display()
        ));
    }
    // The same bounded reader as the YAML files: a FIFO or a device named like a release
    // is refused instead of read forever.
    let bytes =
        super::read::read_bounded(&path, MAX_FILE_BYTES).map_err(|error| error.to_string())?;
    String::from_utf8(bytes).map(Text::from).map_err(|error| {
        format!(
            "{} is not UTF-8 text (a bad byte at offset {})",
            path.display(),
            error.utf8_error().valid_up_to()
        )
    })
}

/// What sort of fact a passage backs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum PassageKind {
    Quote,
    Figure,
    Event,
    Claim,
    Partner,
    Role,
    Listing,
}

impl PassageKind {
    pub(crate) fn as_str(self) -> &'static str {
        self.into()
    }
}

/// One fact's words, located in its release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub kind: PassageKind,
    /// The id of the record the fact is about: the announcement for a quote or a figure,
    /// the event, the partner institution, the institution a claim is about, the person
    /// whose role it is, the contact listed.
    pub(crate) record: Text,
    /// The words as the dataset writes them.
    pub text: Text,
    /// Byte range in the release text.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (in characters) of `start` in the release text.
    pub line: usize,
    pub column: usize,
}

/// A fact that names words of its release, before it is located.
#[derive(Debug, Clone)]
pub(crate) struct Fact<'a> {
    pub(crate) kind: PassageKind,
    pub(crate) record: &'a Text,
    /// The words; `None` for a partner, role or listing that gives no passage.
    pub(crate) words: Option<&'a Text>,
    pub(crate) occurrence: Option<u32>,
    /// Where the words stand in their file, from the record's own path.
    pub(crate) at: FieldPath,
}

/// Every fact of an announcement that should name words of its release, in the order the
/// record lists them; `at` paths start at `root`, the announcement's own path.
pub(crate) fn announcement_facts<'a>(
    announcement: &'a Announcement,
    root: &FieldPath,
) -> Vec<Fact<'a>> {
    let id = &announcement.id;
    let mut facts = Vec::new();
    for (index, partner) in announcement.partners.iter().enumerate() {
        facts.push(Fact {
            kind: PassageKind::Partner,
            record: &partner.institution,
            words: partner.passage.as_ref(),
            occurrence: partner.occurrence,
            at: root.key("partners").index(index).key("passage"),
        });
    }
    for (index, quote) in announcement.quotes.iter().enumerate() {
        facts.push(Fact {
            kind: PassageKind::Quote,
            record: id,
            words: Some(&quote.text),
            occurrence: quote.occurrence,
            at: root.key("quotes").index(index).key("text"),
        });
    }
    for (index, figure) in announcement.figures.iter().enumerate() {
        facts.push(Fact {
            kind: PassageKind::Figure,
            record: id,
            words: Some(&figure.as_written),
            occurrence: figure.occurrence,
            at: root.key("figures").index(index).key("as_written"),
        });
    }
    for (index, event) in announcement.events.iter().enumerate() {
        let (words, key) = match (&event.as_written, &event.passage) {
            (Some(written), _) => (Some(written), "as_written"),
            (None, passage) => (passage.as_ref(), "passage"),
        };
        facts.push(Fact {
            kind: PassageKind::Event,
            record: &event.id,
            words,
            occurrence: event.occurrence,
            at: root.key("events").index(index).key(key),
        });
    }
    for (profile_index, profile) in announcement.profiles.iter().enumerate() {
        for (index, claim) in profile.claims.iter().enumerate() {
            facts.push(Fact {
                kind: PassageKind::Claim,
                record: &profile.institution,
                words: Some(&claim.as_written),
                occurrence: claim.occurrence,
                at: root
                    .key("profiles")
                    .index(profile_index)
                    .key("claims")
                    .index(index)
                    .key("as_written"),
            });
        }
    }
    for (index, listing) in announcement.press_contacts.iter().enumerate() {
        facts.push(Fact {
            kind: PassageKind::Listing,
            record: &listing.contact,
            words: listing.passage.as_ref(),
            occurrence: listing.occurrence,
            at: root.key("press_contacts").index(index).key("passage"),
        });
    }
    facts
}

/// A person's roles as facts, with the announcement each is stated in.
pub(crate) fn role_facts<'a>(person: &'a Person, root: &FieldPath) -> Vec<(&'a Text, Fact<'a>)> {
    person
        .roles
        .iter()
        .enumerate()
        .map(|(index, role)| {
            (
                &role.announcement,
                Fact {
                    kind: PassageKind::Role,
                    record: &person.id,
                    words: role.passage.as_ref(),
                    occurrence: role.occurrence,
                    at: root.key("roles").index(index).key("passage"),
                },
            )
        })
        .collect()
}

/// A release text with its whitespace runs squeezed to one space, and for each byte of
/// the squeezed text the offset of the byte it came from.
struct Squeezed {
    text: String,
    origin: Vec<usize>,
}

impl Squeezed {
    fn new(original: &str) -> Squeezed {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut in_space = false;
        for (offset, character) in original.char_indices() {
            if character.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    origin.push(offset);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            text.push(character);
            origin.extend(offset..offset + character.len_utf8());
        }
        Squeezed { text, origin }
    }

    /// The byte range in the original text of the `occurrence`-th (from 1) appearance of
    /// `words`, or how many times they appear when not that often.
    fn find(&self, words: &str, occurrence: u32) -> Result<(usize, usize), usize> {
        let needle = words.split_whitespace().collect::<Vec<_>>().join(" ");
        if needle.is_empty() {
            return Err(0);
        }
        let wanted = occurrence.max(1) as usize;
        let mut count = 0;
        for (start, _) in self.text.match_indices(&needle) {
            count += 1;
            if count == wanted {
                let end = self.origin[start + needle.len() - 1] + 1;
                return Ok((self.origin[start], end));
            }
        }
        Err(count)
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Why a fact's words were not located, as a diagnostic's message.
fn not_found(at: &FieldPath, source: &str, occurrence: Option<u32>, count: usize) -> String {
    match (occurrence, count) {
        (_, 0) => format!(
            "{at}: not found in its release `{source}`; expected words of the release exactly as written there (any run of spaces or line breaks matches one space)"
        ),
        (Some(occurrence), count) => format!(
            "{at}: `occurrence: {occurrence}` asks for appearance {occurrence} of these words, but its release `{source}` has {count}"
        ),
        (None, _) => format!("{at}: not found in its release `{source}`"),
    }
}

/// Every problem with the dataset's passages and statements' `about` names: a release
/// text that cannot be read, a passage not found where it says, an `about` that is not one
/// of its institution's other names. Passages are checked only when the dataset has texts.
pub(crate) fn problems(files: &[ParsedFile], texts: &SourceTexts) -> Vec<Diagnostic> {
    let mut found: Vec<(usize, FieldPath, String)> = Vec::new();
    // Few statements name an `about`: the institutions' names are gathered only if one does.
    let any_about = files.iter().any(|file| {
        file.content.announcements.iter().any(|announcement| {
            announcement
                .profiles
                .iter()
                .any(|profile| profile.about.is_some())
        })
    });
    let mut other_names: HashMap<&str, &[Text]> = HashMap::new();
    if any_about {
        for file in files {
            for institution in &file.content.institutions {
                other_names.insert(&institution.id, &institution.other_names);
            }
        }
    }
    for (file_index, file) in files.iter().enumerate() {
        for (index, announcement) in file.content.announcements.iter().enumerate() {
            let root = FieldPath::default().key("announcements").index(index);
            for (profile_index, profile) in announcement.profiles.iter().enumerate() {
                let (Some(about), Some(names)) = (
                    &profile.about,
                    other_names.get(profile.institution.as_str()),
                ) else {
                    continue;
                };
                if !names.contains(about) {
                    let at = root.key("profiles").index(profile_index).key("about");
                    let expected = if names.is_empty() {
                        "it has none; add the name to the institution's other_names".to_owned()
                    } else {
                        let names: Vec<&str> = names.iter().map(Text::as_str).collect();
                        format!("expected one of {}", validate::quote_list(&names))
                    };
                    found.push((
                        file_index,
                        at.clone(),
                        format!(
                            "{at}: `{about}` is not one of the other names of `{}`; {expected}",
                            profile.institution
                        ),
                    ));
                }
            }
        }
    }
    if matches!(texts, SourceTexts::Absent) {
        return validate::place_problems(files, found);
    }
    // Each release read once, by name; a name that cannot be read is reported at every
    // announcement naming it.
    let mut releases: Releases = HashMap::new();
    let mut source_of: HashMap<&str, &str> = HashMap::new();
    for file in files {
        for announcement in &file.content.announcements {
            source_of.insert(&announcement.id, &announcement.source);
            releases.entry(&announcement.source).or_insert_with(|| {
                match texts.read(&announcement.source) {
                    Some(Ok(text)) => {
                        let squeezed = Squeezed::new(&text);
                        Ok((text, squeezed))
                    }
                    Some(Err(reason)) => Err(reason),
                    None => Err(String::new()),
                }
            });
        }
    }
    for (file_index, file) in files.iter().enumerate() {
        for (index, announcement) in file.content.announcements.iter().enumerate() {
            let root = FieldPath::default().key("announcements").index(index);
            if let Some(Err(reason)) = releases.get(announcement.source.as_str()) {
                let at = root.key("source");
                found.push((file_index, at.clone(), format!("{at}: {reason}")));
                continue;
            }
            for fact in announcement_facts(announcement, &root) {
                check(
                    &releases,
                    &mut found,
                    file_index,
                    &announcement.source,
                    &fact,
                );
            }
        }
        for (index, person) in file.content.people.iter().enumerate() {
            let root = FieldPath::default().key("people").index(index);
            for (announcement, fact) in role_facts(person, &root) {
                if let Some(source) = source_of.get(announcement.as_str()) {
                    check(&releases, &mut found, file_index, source, &fact);
                }
            }
        }
    }
    validate::place_problems(files, found)
}

type Releases<'a> = HashMap<&'a str, Result<(Text, Squeezed), String>>;

/// Records a problem when a fact's words are not where it says in its release.
fn check(
    releases: &Releases,
    found: &mut Vec<(usize, FieldPath, String)>,
    file_index: usize,
    source: &str,
    fact: &Fact,
) {
    let Some(Ok((_, squeezed))) = releases.get(source) else {
        return;
    };
    let Some(words) = fact.words else {
        return;
    };
    if let Err(count) = squeezed.find(words, fact.occurrence.unwrap_or(1)) {
        found.push((
            file_index,
            fact.at.clone(),
            not_found(&fact.at, source, fact.occurrence, count),
        ));
    }
}

/// The release texts of a loaded dataset and every passage located in them.
#[derive(Debug, Default)]
pub struct Provenance {
    /// Per announcement, its release text; empty when the dataset has no texts.
    texts: Vec<Option<Text>>,
    /// Per announcement, its passages in the order of its facts, then its people's roles.
    passages: Vec<Vec<Passage>>,
}

impl Provenance {
    /// Locates every passage of a validated dataset (`problems` found none missing).
    pub(crate) fn locate(
        announcements: &[Announcement],
        people: &[Person],
        texts: &SourceTexts,
    ) -> Provenance {
        if matches!(texts, SourceTexts::Absent) {
            return Provenance::default();
        }
        let mut provenance = Provenance::default();
        let mut roles: HashMap<&str, Vec<Fact>> = HashMap::new();
        for person in people {
            for (announcement, fact) in role_facts(person, &FieldPath::default()) {
                roles.entry(announcement.as_str()).or_default().push(fact);
            }
        }
        for announcement in announcements {
            let text = texts.read(&announcement.source).and_then(Result::ok);
            let mut passages = Vec::new();
            if let Some(text) = &text {
                let squeezed = Squeezed::new(text);
                let facts = announcement_facts(announcement, &FieldPath::default());
                let own_roles = roles.remove(announcement.id.as_str()).unwrap_or_default();
                for fact in facts.iter().chain(&own_roles) {
                    let Some(words) = fact.words else { continue };
                    if let Ok((start, end)) = squeezed.find(words, fact.occurrence.unwrap_or(1)) {
                        let (line, column) = line_and_column(text, start);
                        passages.push(Passage {
                            kind: fact.kind,
                            record: fact.record.clone(),
                            text: words.clone(),
                            start,
                            end,
                            line,
                            column,
                        });
                    }
                }
            }
            provenance.texts.push(text);
            provenance.passages.push(passages);
        }
        provenance
    }

    /// The release text of an announcement, when the dataset has texts.
    pub fn text(&self, announcement: usize) -> Option<&str> {
        self.texts.get(announcement)?.as_deref()
    }

    /// The located passages of an announcement's release.
    pub fn passages(&self, announcement: usize) -> &[Passage] {
        self.passages.get(announcement).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_match_one_space_and_nothing_else_is_loose() {
        let release = "Gustave Roussy and\n\nInstitut   Bergonié have signed.\nSigned again: Institut Bergonié";
        let squeezed = Squeezed::new(release);
        let (start, end) = squeezed
            .find("Roussy and Institut Bergonié have", 1)
            .expect("found across a blank line and spaces");
        assert_eq!(
            &release[start..end],
            "Roussy and\n\nInstitut   Bergonié have"
        );
        assert_eq!(line_and_column(release, start), (1, 9));
        assert_eq!(squeezed.find("roussy and", 1), Err(0), "case is exact");
        let second = squeezed.find("Institut Bergonié", 2).expect("second");
        assert_eq!(line_and_column(release, second.0), (4, 15));
        assert_eq!(squeezed.find("Institut Bergonié", 3), Err(2));
    }
}
