//! Checks that need the whole dataset: ids, references between records, calendar dates,
//! and the shape of emails, country and language codes. Each problem names the field by
//! its path; `locate` then finds its line and column, so every diagnostic has a position.
//! Parsing and per-value limits are `load`'s and `guard`'s.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use rayon::prelude::*;

use super::date::PartialDate;
use super::diagnostic::Diagnostic;
use super::locate::{FieldPath, locate};
use super::model::{Announcement, Contact, Institution, InstitutionKind, Person};
use super::parsed::ParsedFile;
use super::records::{Counts, Kind, MAX_RECORDS, Record, walk};

struct Pending {
    file: usize,
    path: FieldPath,
    message: String,
    /// For a reference to no record: the id and the kind it should name, to suggest near
    /// ids once every problem is known (see [`MAX_SUGGESTIONS`]).
    unknown: Option<(String, Kind)>,
}

/// How many unknown references get a "did you mean" in one run. Each suggestion compares
/// the id with every id of its kind; a dataset with thousands of dangling references would
/// otherwise take time in the square of its size, and nobody reads past the first screens.
pub(crate) const MAX_SUGGESTIONS: usize = 100;
/// How many ids all the suggestions of one run may compare, together: with a million
/// institutions, only the first two unknown references get one.
pub(crate) const MAX_COMPARISONS: usize = 2_000_000;

/// The path of the id of `record`, within its file: spelled out only for a problem, so
/// that where each id is defined is kept as a compact [`Record`].
fn id_path(record: Record) -> FieldPath {
    let root = FieldPath::default();
    match record {
        Record::Announcement(index) => root.key("announcements").index(index).key("id"),
        Record::Event(index, event) => root
            .key("announcements")
            .index(index)
            .key("events")
            .index(event)
            .key("id"),
        Record::Institution(index) => root.key("institutions").index(index).key("id"),
        Record::Person(index) => root.key("people").index(index).key("id"),
        Record::Contact(index) => root.key("contacts").index(index).key("id"),
    }
}

struct Definition {
    kind: Kind,
    file: usize,
    record: Record,
}

/// Every problem in the parsed files, placed at its line and column, in file order.
/// Ids are defined in file order first (the first definition of an id wins), then each
/// file's fields and references are checked in parallel against them. Paths are built
/// only for problems, never for the ids and references that are fine.
///
/// With `some_file_failed` (a file of the dataset could not be parsed), a reference to an
/// id no parsed file defines is not reported: the file that failed may define it, and the
/// problem with that file is what to fix first.
pub(crate) fn problems(files: &[ParsedFile], some_file_failed: bool) -> Vec<Diagnostic> {
    let (definitions, mut pending) = define_ids(files);
    let checked: Vec<Vec<Pending>> = files
        .par_iter()
        .enumerate()
        .map(|(file, parsed)| {
            let mut checker = Checker {
                definitions: &definitions,
                file,
                pending: Vec::new(),
                report_unknown_ids: !some_file_failed,
            };
            checker.check_file(parsed);
            checker.pending
        })
        .collect();
    pending.extend(checked.into_iter().flatten());
    // The limit counts the records of the four lists; events are part of announcements.
    let counts = Counts::of_files(files);
    let records = counts.total() - counts.events;
    if records > MAX_RECORDS
        && let Some(last) = files.len().checked_sub(1)
    {
        pending.push(Pending {
            file: last,
            path: FieldPath::default(),
            message: format!(
                "the dataset holds {records} records, more than the limit of {MAX_RECORDS}"
            ),
            unknown: None,
        });
    }
    suggest(&definitions, &mut pending);
    drop(definitions);
    place(files, pending)
}

type Definitions<'a> = HashMap<&'a str, Definition>;

fn define_ids(files: &[ParsedFile]) -> (Definitions<'_>, Vec<Pending>) {
    let mut definitions: Definitions = HashMap::with_capacity(Counts::of_files(files).total());
    let mut pending = Vec::new();
    for (file, parsed) in files.iter().enumerate() {
        let content = &parsed.content;
        let records = walk(
            &content.announcements,
            &content.institutions,
            &content.people,
            &content.contacts,
        );
        for walked in records {
            define_one(
                &mut definitions,
                &mut pending,
                files,
                file,
                walked.record,
                walked.id,
                walked.record.kind(),
            );
        }
    }
    (definitions, pending)
}

fn define_one<'a>(
    definitions: &mut Definitions<'a>,
    pending: &mut Vec<Pending>,
    files: &[ParsedFile],
    file: usize,
    record: Record,
    id: &'a str,
    kind: Kind,
) {
    if !is_slug(id) {
        let path = id_path(record);
        pending.push(Pending {
            file,
            message: format!("{path}: `{id}` is not a valid id; expected lowercase ASCII letters, digits and hyphens, like `gustave-roussy`"),
            path,
            unknown: None,
        });
    }
    match definitions.entry(id) {
        Entry::Occupied(first) => {
            let first = first.get();
            let path = id_path(record);
            let message = format!(
                "{path}: duplicate id `{id}`, already used by {} {} at {} in {}; ids must be unique across every kind of record",
                first.kind.article(),
                first.kind.as_str(),
                id_path(first.record),
                files[first.file].name
            );
            pending.push(Pending {
                file,
                path,
                message,
                unknown: None,
            });
        }
        Entry::Vacant(entry) => {
            entry.insert(Definition { kind, file, record });
        }
    }
}

/// One file's checks, against every id of the dataset.
struct Checker<'a> {
    definitions: &'a Definitions<'a>,
    file: usize,
    pending: Vec<Pending>,
    /// False when a file failed to parse, which may define the ids not found.
    report_unknown_ids: bool,
}

impl Checker<'_> {
    fn problem(&mut self, path: FieldPath, message: String) {
        self.pending.push(Pending {
            file: self.file,
            path,
            message,
            unknown: None,
        });
    }

    fn reference(&mut self, at: impl FnOnce() -> FieldPath, id: &str, expected: Kind) {
        match self.definitions.get(id) {
            Some(definition) if definition.kind == expected => {}
            Some(definition) => {
                let path = at();
                let message = format!(
                    "{path}: `{id}` is {} {}; expected {} {} id",
                    definition.kind.article(),
                    definition.kind.as_str(),
                    expected.article(),
                    expected.as_str()
                );
                self.problem(path, message);
            }
            None if !self.report_unknown_ids => {}
            None => {
                let path = at();
                let message = format!("{path}: no {} has the id `{id}`", expected.as_str());
                self.pending.push(Pending {
                    file: self.file,
                    path,
                    message,
                    unknown: Some((id.to_owned(), expected)),
                });
            }
        }
    }

    fn check_file(&mut self, parsed: &ParsedFile) {
        for (index, announcement) in parsed.content.announcements.iter().enumerate() {
            self.check_announcement(
                &|| FieldPath::default().key("announcements").index(index),
                announcement,
            );
        }
        for (index, institution) in parsed.content.institutions.iter().enumerate() {
            self.check_institution(
                &|| FieldPath::default().key("institutions").index(index),
                institution,
            );
        }
        for (index, person) in parsed.content.people.iter().enumerate() {
            self.check_person(&|| FieldPath::default().key("people").index(index), person);
        }
        for (index, contact) in parsed.content.contacts.iter().enumerate() {
            self.check_contact(
                &|| FieldPath::default().key("contacts").index(index),
                contact,
            );
        }
    }

    fn required(&mut self, at: impl FnOnce() -> FieldPath, value: &str) {
        if value.trim().is_empty() {
            let path = at();
            let message = format!("{path}: is empty; expected text");
            self.problem(path, message);
        }
    }

    fn check_announcement(&mut self, path: &dyn Fn() -> FieldPath, announcement: &Announcement) {
        match announcement.date.parsed() {
            Some(PartialDate::Day(..)) => {}
            Some(_) => {
                let at = path().key("date");
                let message = format!(
                    "{at}: `{}` is not a full date; an announcement's date is YYYY-MM-DD",
                    announcement.date
                );
                self.problem(at, message);
            }
            None => {
                let reason = announcement.date.problem().unwrap_or_default();
                let at = path().key("date");
                let message = format!("{at}: {reason}");
                self.problem(at, message);
            }
        }
        self.required(|| path().key("title"), &announcement.title);
        self.required(|| path().key("short_title"), &announcement.short_title);
        self.required(|| path().key("summary"), &announcement.summary);
        self.required(|| path().key("source"), &announcement.source);
        if !is_language_code(&announcement.language) {
            let at = path().key("language");
            let message = format!(
                "{at}: `{}` is not a language code; expected two lowercase letters (ISO 639-1), like `en` or `fr`",
                announcement.language
            );
            self.problem(at, message);
        }
        if announcement.partners.is_empty() {
            let at = path().key("partners");
            let message = format!("{at}: no partners; expected at least one institution");
            self.problem(at, message);
        }
        for (index, partner) in announcement.partners.iter().enumerate() {
            self.reference(
                || path().key("partners").index(index).key("institution"),
                &partner.institution,
                Kind::Institution,
            );
        }
        for (index, mention) in announcement.mentions.iter().enumerate() {
            self.reference(
                || path().key("mentions").index(index).key("institution"),
                &mention.institution,
                Kind::Institution,
            );
        }
        for (index, profile) in announcement.profiles.iter().enumerate() {
            self.reference(
                || path().key("profiles").index(index).key("institution"),
                &profile.institution,
                Kind::Institution,
            );
        }
        for (index, quote) in announcement.quotes.iter().enumerate() {
            let quote_path = || path().key("quotes").index(index);
            if quote.speakers.is_empty() {
                let at = quote_path().key("speakers");
                let message = format!("{at}: no speakers; expected at least one person");
                self.problem(at, message);
            }
            for (speaker_index, speaker) in quote.speakers.iter().enumerate() {
                self.reference(
                    || {
                        quote_path()
                            .key("speakers")
                            .index(speaker_index)
                            .key("person")
                    },
                    &speaker.person,
                    Kind::Person,
                );
            }
            self.required(|| quote_path().key("text"), &quote.text);
        }
        for (index, listing) in announcement.press_contacts.iter().enumerate() {
            let listing_path = || path().key("press_contacts").index(index);
            self.reference(
                || listing_path().key("contact"),
                &listing.contact,
                Kind::Contact,
            );
            for (email_index, email) in listing.emails.iter().enumerate() {
                if !is_email(email) {
                    let at = listing_path().key("emails").index(email_index);
                    let message = format!(
                        "{at}: `{email}` is not an email address; expected name@domain.tld"
                    );
                    self.problem(at, message);
                }
            }
        }
        for (index, event) in announcement.events.iter().enumerate() {
            if let Some(reason) = event.date.problem() {
                let at = path().key("events").index(index).key("date");
                let message = format!("{at}: {reason}");
                self.problem(at, message);
            }
        }
        for (index, link) in announcement.links.iter().enumerate() {
            self.required(|| path().key("links").index(index).key("url"), &link.url);
        }
    }

    fn check_institution(&mut self, path: &dyn Fn() -> FieldPath, institution: &Institution) {
        self.required(|| path().key("name"), &institution.name);
        // A network may have no seat its release states; anything else has a city.
        if institution.city.trim().is_empty() && institution.kind != InstitutionKind::Network {
            let at = path();
            let message = format!(
                "{at}: `{}` has no city; expected `city:`, in English (only a network may leave it out)",
                institution.id
            );
            self.problem(at, message);
        }
        if !is_country_code(&institution.country) {
            let at = path().key("country");
            let message = format!(
                "{at}: `{}` is not a country code; expected two uppercase letters (ISO 3166-1 alpha-2), like `FR` or `US`",
                institution.country
            );
            self.problem(at, message);
        }
        if let Some(coordinates) = institution.coordinates {
            let valid = (-90.0..=90.0).contains(&coordinates.lat)
                && (-180.0..=180.0).contains(&coordinates.lon);
            if !valid {
                let at = path().key("coordinates");
                let message = format!(
                    "{at}: ({}, {}) is not on Earth; expected lat from -90 to 90 and lon from -180 to 180",
                    coordinates.lat, coordinates.lon
                );
                self.problem(at, message);
            }
        }
        if let Some(parent) = &institution.parent {
            self.reference(|| path().key("parent"), parent, Kind::Institution);
        }
    }

    fn check_person(&mut self, path: &dyn Fn() -> FieldPath, person: &Person) {
        self.required(|| path().key("name"), &person.name);
        for (index, role) in person.roles.iter().enumerate() {
            let role_path = || path().key("roles").index(index);
            self.reference(
                || role_path().key("announcement"),
                &role.announcement,
                Kind::Announcement,
            );
            if let Some(institution) = &role.institution {
                self.reference(
                    || role_path().key("institution"),
                    institution,
                    Kind::Institution,
                );
            }
        }
    }

    fn check_contact(&mut self, path: &dyn Fn() -> FieldPath, contact: &Contact) {
        self.required(|| path().key("name"), &contact.name);
        self.reference(
            || path().key("represents"),
            &contact.represents,
            Kind::Institution,
        );
    }
}

/// Places problems found by other checks (`provenance`'s), each `(file, path, message)`.
pub(crate) fn place_problems(
    files: &[ParsedFile],
    problems: Vec<(usize, FieldPath, String)>,
) -> Vec<Diagnostic> {
    if problems.is_empty() {
        return Vec::new();
    }
    let pending = problems
        .into_iter()
        .map(|(file, path, message)| Pending {
            file,
            path,
            message,
            unknown: None,
        })
        .collect();
    place(files, pending)
}

/// Adds "did you mean" to the first [`MAX_SUGGESTIONS`] references to no record, in the
/// order the problems are found, so the same ones get it on every run.
fn suggest(definitions: &Definitions, pending: &mut [Pending]) {
    if !pending.iter().any(|problem| problem.unknown.is_some()) {
        return;
    }
    let mut of_kind: HashMap<&'static str, usize> = HashMap::new();
    for definition in definitions.values() {
        *of_kind.entry(definition.kind.as_str()).or_default() += 1;
    }
    let mut comparisons = 0usize;
    let unknown: Vec<&mut Pending> = pending
        .iter_mut()
        .filter(|problem| problem.unknown.is_some())
        .take(MAX_SUGGESTIONS)
        .take_while(|problem| {
            let kind = problem.unknown.as_ref().map(|(_, kind)| kind.as_str());
            comparisons += kind
                .and_then(|kind| of_kind.get(kind))
                .copied()
                .unwrap_or(0);
            comparisons <= MAX_COMPARISONS
        })
        .collect();
    unknown.into_par_iter().for_each(|problem| {
        let Some((id, kind)) = &problem.unknown else {
            return;
        };
        let candidates = definitions
            .iter()
            .filter(|(_, definition)| definition.kind == *kind)
            .map(|(candidate, _)| *candidate);
        let suggestions = closest(id, candidates, 3);
        if !suggestions.is_empty() {
            problem.message = format!(
                "{}; did you mean {}?",
                problem.message,
                quote_list(&suggestions)
            );
        }
    });
}

/// Turns pending problems into diagnostics, reading each file with problems once more.
fn place(files: &[ParsedFile], pending: Vec<Pending>) -> Vec<Diagnostic> {
    let mut by_file: Vec<Vec<Pending>> = (0..files.len()).map(|_| Vec::new()).collect();
    for problem in pending {
        by_file[problem.file].push(problem);
    }
    let mut diagnostics = Vec::new();
    for (file, problems) in by_file.into_iter().enumerate() {
        if problems.is_empty() {
            continue;
        }
        let text = files[file].text().unwrap_or_default();
        let paths: Vec<&FieldPath> = problems.iter().map(|problem| &problem.path).collect();
        let positions = locate(&text, &paths);
        for problem in &problems {
            let (line, column) = positions.get(&problem.path).copied().unwrap_or((1, 1));
            diagnostics.push(Diagnostic {
                file: files[file].name.clone(),
                line,
                column,
                message: problem.message.clone(),
            });
        }
    }
    diagnostics.sort();
    diagnostics
}

/// Lowercase ASCII letters, digits and single inner hyphens.
pub(crate) fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|byte| byte.is_ascii_uppercase())
}

fn is_language_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|byte| byte.is_ascii_lowercase())
}

fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let well_formed = |part: &str| {
        !part.is_empty()
            && !part.starts_with('.')
            && !part.ends_with('.')
            && !part.contains("..")
            && part.chars().all(|character| {
                !character.is_whitespace() && !character.is_control() && character != '@'
            })
    };
    well_formed(local) && well_formed(domain) && domain.contains('.')
}

/// The candidates nearest to `wanted` by edit distance, closest first, at most `count`.
pub(crate) fn closest<'a>(
    wanted: &str,
    candidates: impl Iterator<Item = &'a str>,
    count: usize,
) -> Vec<&'a str> {
    let length = wanted.chars().count();
    let limit = (length / 3).max(2);
    let mut scored: Vec<(usize, &str)> = candidates
        .filter_map(|candidate| {
            let contains = candidate.contains(wanted) || wanted.contains(candidate);
            // Lengths further apart than the limit cannot be within it: the distance is
            // computed only for candidates that might be.
            let near = candidate.chars().count().abs_diff(length) <= limit;
            if !near && !contains {
                return None;
            }
            let distance = strsim::levenshtein(wanted, candidate);
            (distance <= limit || contains).then_some((distance, candidate))
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(count)
        .map(|(_, candidate)| candidate)
        .collect()
}

pub(crate) fn quote_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("`{item}`")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("gustave-roussy"));
        assert!(is_slug("amgen-2023"));
        assert!(!is_slug("Gustave-Roussy"));
        assert!(!is_slug("léon"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug(""));
    }

    #[test]
    fn emails() {
        assert!(is_email("claire.parisel@gustaveroussy.fr"));
        assert!(is_email("nathalie.blanc@lyon.unicancer.fr"));
        assert!(!is_email("claire.parisel.gustaveroussy.fr"));
        assert!(!is_email("a b@c.fr"));
        assert!(!is_email("a@localhost"));
        assert!(!is_email("a@@b.fr"));
    }

    #[test]
    fn suggests_near_ids() {
        let ids = ["gustave-roussy", "institut-bergonie", "amgen"];
        assert_eq!(
            closest("gustave-rousy", ids.into_iter(), 3),
            vec!["gustave-roussy"]
        );
        assert_eq!(
            closest("bergonie", ids.into_iter(), 3),
            vec!["institut-bergonie"]
        );
        assert!(closest("zzzzzz", ids.into_iter(), 3).is_empty());
    }
}
