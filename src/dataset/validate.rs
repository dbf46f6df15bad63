//! Checks that need the whole dataset: ids, references between records, calendar dates,
//! and the shape of emails, country and language codes. Each problem names the field by
//! its path; `locate` then finds its line and column, so every diagnostic has a position.
//! Parsing and per-value limits are `load`'s and `guard`'s.

use std::collections::HashMap;

use super::date::PartialDate;
use super::diagnostic::Diagnostic;
use super::load::ParsedFile;
use super::locate::{Path, locate};
use super::model::{Announcement, Contact, Institution, Person};

/// The most records a dataset may hold, across every kind.
pub const MAX_RECORDS: usize = 1_000_000;

/// The kinds of record an id can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Announcement,
    Institution,
    Person,
    Contact,
    Event,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Announcement => "announcement",
            Kind::Institution => "institution",
            Kind::Person => "person",
            Kind::Contact => "contact",
            Kind::Event => "event",
        }
    }

    fn article(self) -> &'static str {
        match self {
            Kind::Announcement | Kind::Institution | Kind::Event => "an",
            Kind::Person | Kind::Contact => "a",
        }
    }
}

struct Pending {
    file: usize,
    path: Path,
    message: String,
}

struct Definition {
    kind: Kind,
    file: usize,
    path: Path,
}

/// Every problem in the parsed files, placed at its line and column, in file order.
pub fn problems(files: &[ParsedFile]) -> Vec<Diagnostic> {
    let mut checker = Checker::default();
    checker.define_ids(files);
    for (file, parsed) in files.iter().enumerate() {
        checker.check_file(file, parsed);
    }
    let records: usize = files
        .iter()
        .map(|parsed| {
            let content = &parsed.content;
            content.announcements.len()
                + content.institutions.len()
                + content.people.len()
                + content.contacts.len()
        })
        .sum();
    if records > MAX_RECORDS
        && let Some(last) = files.len().checked_sub(1)
    {
        checker.pending.push(Pending {
            file: last,
            path: Path::default(),
            message: format!(
                "the dataset holds {records} records, more than the limit of {MAX_RECORDS}"
            ),
        });
    }
    place(files, checker.pending)
}

#[derive(Default)]
struct Checker {
    definitions: HashMap<String, Definition>,
    pending: Vec<Pending>,
}

impl Checker {
    fn problem(&mut self, file: usize, path: Path, message: String) {
        self.pending.push(Pending {
            file,
            path,
            message,
        });
    }

    fn define_ids(&mut self, files: &[ParsedFile]) {
        for (file, parsed) in files.iter().enumerate() {
            let content = &parsed.content;
            let root = Path::default();
            for (index, announcement) in content.announcements.iter().enumerate() {
                let path = root.key("announcements").index(index);
                self.define(
                    file,
                    path.key("id"),
                    &announcement.id,
                    Kind::Announcement,
                    files,
                );
                for (event_index, event) in announcement.events.iter().enumerate() {
                    let event_path = path.key("events").index(event_index).key("id");
                    self.define(file, event_path, &event.id, Kind::Event, files);
                }
            }
            for (index, institution) in content.institutions.iter().enumerate() {
                let path = root.key("institutions").index(index).key("id");
                self.define(file, path, &institution.id, Kind::Institution, files);
            }
            for (index, person) in content.people.iter().enumerate() {
                let path = root.key("people").index(index).key("id");
                self.define(file, path, &person.id, Kind::Person, files);
            }
            for (index, contact) in content.contacts.iter().enumerate() {
                let path = root.key("contacts").index(index).key("id");
                self.define(file, path, &contact.id, Kind::Contact, files);
            }
        }
    }

    fn define(&mut self, file: usize, path: Path, id: &str, kind: Kind, files: &[ParsedFile]) {
        if !is_slug(id) {
            self.problem(
                file,
                path.clone(),
                format!("{path}: `{id}` is not a valid id; expected lowercase ASCII letters, digits and hyphens, like `gustave-roussy`"),
            );
        }
        if let Some(first) = self.definitions.get(id) {
            let message = format!(
                "{path}: duplicate id `{id}`, already used by {} {} at {} in {}; ids must be unique across every kind of record",
                first.kind.article(),
                first.kind.as_str(),
                first.path,
                files[first.file].name
            );
            self.problem(file, path, message);
            return;
        }
        self.definitions
            .insert(id.to_owned(), Definition { kind, file, path });
    }

    fn reference(&mut self, file: usize, path: Path, id: &str, expected: Kind) {
        match self.definitions.get(id) {
            Some(definition) if definition.kind == expected => {}
            Some(definition) => {
                let message = format!(
                    "{path}: `{id}` is {} {}; expected {} {} id",
                    definition.kind.article(),
                    definition.kind.as_str(),
                    expected.article(),
                    expected.as_str()
                );
                self.problem(file, path, message);
            }
            None => {
                let suggestions = closest(
                    id,
                    self.definitions
                        .iter()
                        .filter(|(_, definition)| definition.kind == expected)
                        .map(|(candidate, _)| candidate.as_str()),
                    3,
                );
                let hint = if suggestions.is_empty() {
                    String::new()
                } else {
                    format!("; did you mean {}?", quote_list(&suggestions))
                };
                let message = format!("{path}: no {} has the id `{id}`{hint}", expected.as_str());
                self.problem(file, path, message);
            }
        }
    }

    fn check_file(&mut self, file: usize, parsed: &ParsedFile) {
        let root = Path::default();
        for (index, announcement) in parsed.content.announcements.iter().enumerate() {
            self.check_announcement(file, root.key("announcements").index(index), announcement);
        }
        for (index, institution) in parsed.content.institutions.iter().enumerate() {
            self.check_institution(file, root.key("institutions").index(index), institution);
        }
        for (index, person) in parsed.content.people.iter().enumerate() {
            self.check_person(file, root.key("people").index(index), person);
        }
        for (index, contact) in parsed.content.contacts.iter().enumerate() {
            self.check_contact(file, root.key("contacts").index(index), contact);
        }
    }

    fn required(&mut self, file: usize, path: Path, value: &str) {
        if value.trim().is_empty() {
            self.problem(
                file,
                path.clone(),
                format!("{path}: is empty; expected text"),
            );
        }
    }

    fn check_announcement(&mut self, file: usize, path: Path, announcement: &Announcement) {
        match PartialDate::parse(&announcement.date) {
            Ok(PartialDate::Day(..)) => {}
            Ok(_) => self.problem(
                file,
                path.key("date"),
                format!(
                    "{}: `{}` is not a full date; an announcement's date is YYYY-MM-DD",
                    path.key("date"),
                    announcement.date
                ),
            ),
            Err(reason) => self.problem(
                file,
                path.key("date"),
                format!("{}: {reason}", path.key("date")),
            ),
        }
        self.required(file, path.key("title"), &announcement.title);
        self.required(file, path.key("short_title"), &announcement.short_title);
        self.required(file, path.key("summary"), &announcement.summary);
        self.required(file, path.key("source"), &announcement.source);
        if !is_language_code(&announcement.language) {
            self.problem(
                file,
                path.key("language"),
                format!(
                    "{}: `{}` is not a language code; expected two lowercase letters (ISO 639-1), like `en` or `fr`",
                    path.key("language"),
                    announcement.language
                ),
            );
        }
        if announcement.partners.is_empty() {
            self.problem(
                file,
                path.key("partners"),
                format!(
                    "{}: no partners; expected at least one institution",
                    path.key("partners")
                ),
            );
        }
        for (index, partner) in announcement.partners.iter().enumerate() {
            let at = path.key("partners").index(index).key("institution");
            self.reference(file, at, &partner.institution, Kind::Institution);
        }
        for (index, mention) in announcement.mentions.iter().enumerate() {
            let at = path.key("mentions").index(index).key("institution");
            self.reference(file, at, &mention.institution, Kind::Institution);
        }
        for (index, profile) in announcement.profiles.iter().enumerate() {
            let at = path.key("profiles").index(index).key("institution");
            self.reference(file, at, &profile.institution, Kind::Institution);
        }
        for (index, quote) in announcement.quotes.iter().enumerate() {
            let quote_path = path.key("quotes").index(index);
            if quote.speakers.is_empty() {
                self.problem(
                    file,
                    quote_path.key("speakers"),
                    format!(
                        "{}: no speakers; expected at least one person",
                        quote_path.key("speakers")
                    ),
                );
            }
            for (speaker_index, speaker) in quote.speakers.iter().enumerate() {
                let at = quote_path
                    .key("speakers")
                    .index(speaker_index)
                    .key("person");
                self.reference(file, at, &speaker.person, Kind::Person);
            }
            self.required(file, quote_path.key("text"), &quote.text);
        }
        for (index, listing) in announcement.press_contacts.iter().enumerate() {
            let listing_path = path.key("press_contacts").index(index);
            self.reference(
                file,
                listing_path.key("contact"),
                &listing.contact,
                Kind::Contact,
            );
            for (email_index, email) in listing.emails.iter().enumerate() {
                if !is_email(email) {
                    let at = listing_path.key("emails").index(email_index);
                    self.problem(
                        file,
                        at.clone(),
                        format!(
                            "{at}: `{email}` is not an email address; expected name@domain.tld"
                        ),
                    );
                }
            }
        }
        for (index, event) in announcement.events.iter().enumerate() {
            let at = path.key("events").index(index).key("date");
            if let Err(reason) = PartialDate::parse(&event.date) {
                self.problem(file, at.clone(), format!("{at}: {reason}"));
            }
        }
        for (index, link) in announcement.links.iter().enumerate() {
            self.required(file, path.key("links").index(index).key("url"), &link.url);
        }
    }

    fn check_institution(&mut self, file: usize, path: Path, institution: &Institution) {
        self.required(file, path.key("name"), &institution.name);
        if !is_country_code(&institution.country) {
            self.problem(
                file,
                path.key("country"),
                format!(
                    "{}: `{}` is not a country code; expected two uppercase letters (ISO 3166-1 alpha-2), like `FR` or `US`",
                    path.key("country"),
                    institution.country
                ),
            );
        }
        if let Some(coordinates) = institution.coordinates {
            let valid = (-90.0..=90.0).contains(&coordinates.lat)
                && (-180.0..=180.0).contains(&coordinates.lon);
            if !valid {
                self.problem(
                    file,
                    path.key("coordinates"),
                    format!(
                        "{}: ({}, {}) is not on Earth; expected lat from -90 to 90 and lon from -180 to 180",
                        path.key("coordinates"),
                        coordinates.lat,
                        coordinates.lon
                    ),
                );
            }
        }
        if let Some(parent) = &institution.parent {
            self.reference(file, path.key("parent"), parent, Kind::Institution);
        }
    }

    fn check_person(&mut self, file: usize, path: Path, person: &Person) {
        self.required(file, path.key("name"), &person.name);
        for (index, role) in person.roles.iter().enumerate() {
            let role_path = path.key("roles").index(index);
            self.reference(
                file,
                role_path.key("announcement"),
                &role.announcement,
                Kind::Announcement,
            );
            if let Some(institution) = &role.institution {
                self.reference(
                    file,
                    role_path.key("institution"),
                    institution,
                    Kind::Institution,
                );
            }
        }
    }

    fn check_contact(&mut self, file: usize, path: Path, contact: &Contact) {
        self.required(file, path.key("name"), &contact.name);
        self.reference(
            file,
            path.key("represents"),
            &contact.represents,
            Kind::Institution,
        );
    }
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
        let paths: Vec<&Path> = problems.iter().map(|problem| &problem.path).collect();
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
pub fn is_slug(id: &str) -> bool {
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
pub fn closest<'a>(
    wanted: &str,
    candidates: impl Iterator<Item = &'a str>,
    count: usize,
) -> Vec<&'a str> {
    let limit = (wanted.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = candidates
        .filter_map(|candidate| {
            let distance = edit_distance(wanted, candidate);
            let contains = candidate.contains(wanted) || wanted.contains(candidate);
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

fn edit_distance(left: &str, right: &str) -> usize {
    let right: Vec<char> = right.chars().collect();
    let mut row: Vec<usize> = (0..=right.len()).collect();
    for (i, left_char) in left.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, right_char) in right.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if left_char == *right_char {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[right.len()]
}

pub fn quote_list(items: &[&str]) -> String {
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
