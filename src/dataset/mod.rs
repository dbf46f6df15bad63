//! The dataset: records loaded from YAML, validated, then held immutable with the lookups
//! every view needs (ids, an institution's announcements, partners and people, a contact's
//! listings). Nothing here knows about terminals or output formats.

pub(crate) mod date;
pub(crate) mod diagnostic;
/// Which files a dataset is made of, shared with `build.rs`.
pub(crate) mod files;
pub(crate) mod guard;
pub(crate) mod history;
pub mod load;
pub(crate) mod locate;
pub(crate) mod model;
pub(crate) mod parsed;
pub mod provenance;
pub(crate) mod read;
pub(crate) mod records;
pub(crate) mod text;
pub(crate) mod validate;

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

pub(crate) use date::PartialDate;
pub use diagnostic::{Diagnostic, LoadError};
pub(crate) use model::{Announcement, Contact, Event, Institution, Person, PressListing, Text};
pub use records::{Counts, Kind, MAX_RECORDS, Record, Walked, walk};

use parsed::ParsedFile;
use provenance::{Provenance, SourceTexts};

/// A validated dataset. Announcements are in date order; institutions, people and
/// contacts in alphabetical order of name, so lists read the same whatever the files.
#[derive(Debug)]
pub struct Dataset {
    pub announcements: Vec<Announcement>,
    pub institutions: Vec<Institution>,
    pub people: Vec<Person>,
    pub contacts: Vec<Contact>,
    ids: HashMap<Id, Record>,
    /// Per institution: the announcements it is a partner in, in date order.
    partnered: Vec<Vec<usize>>,
    /// Per institution: the announcements that mention it without it being a partner.
    mentioned: Vec<Vec<usize>>,
    /// Per contact: the announcements listing it, with the listing's index.
    listings: Vec<Vec<(usize, usize)>>,
    /// The release texts and where each fact stands in them.
    provenance: Provenance,
}

impl Dataset {
    /// The dataset built into the binary.
    pub fn embedded() -> Result<Dataset, LoadError> {
        let (files, problems) = load::embedded_files();
        Dataset::from_files(files, problems, &SourceTexts::Embedded)
    }

    /// A YAML file, or a directory of them.
    pub fn load(path: &Path) -> Result<Dataset, LoadError> {
        let (files, problems) = load::files_at(path)?;
        Dataset::from_files(files, problems, &SourceTexts::beside(path))
    }

    /// The embedded dataset, or the one at `path` when given.
    pub fn open(path: Option<&Path>) -> Result<Dataset, LoadError> {
        match path {
            Some(path) => Dataset::load(path),
            None => Dataset::embedded(),
        }
    }

    /// Loads and validates the embedded dataset, or the one at `path`, exactly as [`open`]
    /// does, and counts its records; the order and lookups a [`Dataset`] holds are not
    /// built, since nothing reads them.
    ///
    /// [`open`]: Dataset::open
    pub(crate) fn check(path: Option<&Path>) -> Result<Counts, LoadError> {
        let (files, problems) = match path {
            Some(path) => load::files_at(path)?,
            None => load::embedded_files(),
        };
        let texts = path.map_or(SourceTexts::Embedded, SourceTexts::beside);
        let files = validated(files, problems, &texts)?;
        let counts = Counts::of_files(&files);
        // Freeing millions of values takes a while in a large dataset; the answer need not
        // wait for it, and the process may well exit before it ends. Where no thread can
        // be created, the closure is dropped, and the files with it, here.
        let _ = std::thread::Builder::new().spawn(move || drop(files));
        Ok(counts)
    }

    /// A dataset with no records: what the explorer holds, with --watch, until the files
    /// on disk first load.
    pub(crate) fn empty() -> Dataset {
        Dataset::index(Vec::new(), Vec::new(), Vec::new(), Vec::new())
    }

    fn from_files(
        files: Vec<ParsedFile>,
        problems: Vec<Diagnostic>,
        texts: &SourceTexts,
    ) -> Result<Dataset, LoadError> {
        let files = validated(files, problems, texts)?;
        // Sized once: growing by doubling would hold two copies of the largest list.
        let counts = Counts::of_files(&files);
        let mut announcements = Vec::with_capacity(counts.announcements);
        let mut institutions = Vec::with_capacity(counts.institutions);
        let mut people = Vec::with_capacity(counts.people);
        let mut contacts = Vec::with_capacity(counts.contacts);
        for file in files {
            announcements.extend(file.content.announcements);
            institutions.extend(file.content.institutions);
            people.extend(file.content.people);
            contacts.extend(file.content.contacts);
        }
        // Ids are unique, so every key is and unstable sorts give one order.
        announcements.par_sort_unstable_by(|a, b| (&a.date, &a.id).cmp(&(&b.date, &b.id)));
        institutions.par_sort_by_cached_key(|institution| {
            (sort_name(&institution.name), institution.id.clone())
        });
        people.par_sort_by_cached_key(|person| (sort_name(&person.name), person.id.clone()));
        contacts.par_sort_by_cached_key(|contact| (sort_name(&contact.name), contact.id.clone()));
        let mut dataset = Dataset::index(announcements, institutions, people, contacts);
        dataset.provenance = Provenance::locate(&dataset.announcements, &dataset.people, texts);
        Ok(dataset)
    }

    /// Every record, in [`walk`]'s order.
    pub(crate) fn records(&self) -> impl Iterator<Item = Walked<'_>> {
        walk(
            &self.announcements,
            &self.institutions,
            &self.people,
            &self.contacts,
        )
    }

    /// The release texts and every fact's passage in them.
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }

    fn index(
        announcements: Vec<Announcement>,
        institutions: Vec<Institution>,
        people: Vec<Person>,
        contacts: Vec<Contact>,
    ) -> Dataset {
        let counts = Counts::of(&announcements, &institutions, &people, &contacts);
        let mut ids = HashMap::with_capacity(counts.total());
        for walked in walk(&announcements, &institutions, &people, &contacts) {
            ids.insert(Id(walked.id.clone()), walked.record);
        }
        let mut partnered = vec![Vec::new(); institutions.len()];
        let mut mentioned = vec![Vec::new(); institutions.len()];
        let mut listings = vec![Vec::new(); contacts.len()];
        for (index, announcement) in announcements.iter().enumerate() {
            for partner in &announcement.partners {
                if let Some(Record::Institution(institution)) =
                    ids.get(partner.institution.as_str())
                {
                    push_once(&mut partnered[*institution], index);
                }
            }
            for mention in &announcement.mentions {
                if let Some(Record::Institution(institution)) =
                    ids.get(mention.institution.as_str())
                {
                    push_once(&mut mentioned[*institution], index);
                }
            }
            for (listing, item) in announcement.press_contacts.iter().enumerate() {
                if let Some(Record::Contact(contact)) = ids.get(item.contact.as_str()) {
                    listings[*contact].push((index, listing));
                }
            }
        }
        for (institution, mentions) in mentioned.iter_mut().enumerate() {
            mentions.retain(|announcement| !partnered[institution].contains(announcement));
        }
        Dataset {
            announcements,
            institutions,
            people,
            contacts,
            ids,
            partnered,
            mentioned,
            listings,
            provenance: Provenance::default(),
        }
    }

    /// The record an id names, of any kind.
    pub fn record(&self, id: &str) -> Option<Record> {
        self.ids.get(id).copied()
    }

    /// The id of any record.
    pub fn record_id(&self, record: Record) -> &str {
        match record {
            Record::Announcement(index) => &self.announcements[index].id,
            Record::Institution(index) => &self.institutions[index].id,
            Record::Person(index) => &self.people[index].id,
            Record::Contact(index) => &self.contacts[index].id,
            Record::Event(announcement, event) => {
                &self.announcements[announcement].events[event].id
            }
        }
    }

    /// Every id, for suggestions.
    pub(crate) fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.keys().map(|id| id.0.as_str())
    }

    /// The ids nearest to an unknown one, closest first.
    pub(crate) fn closest_ids(&self, id: &str, count: usize) -> Vec<&str> {
        validate::closest(id, self.ids(), count)
    }

    pub fn institution_index(&self, id: &str) -> Option<usize> {
        match self.record(id)? {
            Record::Institution(index) => Some(index),
            _ => None,
        }
    }

    pub fn institution(&self, id: &str) -> Option<&Institution> {
        self.institution_index(id)
            .map(|index| &self.institutions[index])
    }

    pub fn announcement(&self, id: &str) -> Option<&Announcement> {
        match self.record(id)? {
            Record::Announcement(index) => Some(&self.announcements[index]),
            _ => None,
        }
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        match self.record(id)? {
            Record::Person(index) => Some(&self.people[index]),
            _ => None,
        }
    }

    pub(crate) fn contact(&self, id: &str) -> Option<&Contact> {
        match self.record(id)? {
            Record::Contact(index) => Some(&self.contacts[index]),
            _ => None,
        }
    }

    /// An institution's name, or the id itself for an id that names none.
    pub(crate) fn institution_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.institution(id)
            .map_or(id, |institution| institution.name.as_str())
    }

    /// The announcements an institution is a partner in, in date order.
    pub fn partnered_in(&self, institution: usize) -> &[usize] {
        &self.partnered[institution]
    }

    /// The announcements that mention an institution it is not a partner in.
    pub fn mentioned_in(&self, institution: usize) -> &[usize] {
        &self.mentioned[institution]
    }

    /// Every announcement an institution appears in, as partner or mention, in date order.
    pub(crate) fn announcements_of(&self, institution: usize) -> Vec<usize> {
        let mut all: Vec<usize> = self.partnered[institution]
            .iter()
            .chain(&self.mentioned[institution])
            .copied()
            .collect();
        all.sort_unstable();
        all
    }

    /// The institutions that signed with this one, and in how many announcements,
    /// most frequent first, then by name.
    pub(crate) fn co_partners(&self, institution: usize) -> Vec<(usize, usize)> {
        let id = self.institutions[institution].id.as_str();
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for &announcement in &self.partnered[institution] {
            for partner in &self.announcements[announcement].partners {
                if partner.institution.as_str() == id {
                    continue;
                }
                if let Some(other) = self.institution_index(&partner.institution) {
                    *counts.entry(other).or_default() += 1;
                }
            }
        }
        let mut pairs: Vec<(usize, usize)> = counts.into_iter().collect();
        pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        pairs
    }

    /// The people with a role at an institution, in name order.
    pub(crate) fn people_of(&self, institution: usize) -> Vec<usize> {
        let id = self.institutions[institution].id.as_str();
        (0..self.people.len())
            .filter(|&person| {
                self.people[person]
                    .roles
                    .iter()
                    .any(|role| role.institution.as_deref() == Some(id))
            })
            .collect()
    }

    /// Where a contact is listed: (announcement index, the listing), in date order.
    pub fn listings_of(&self, contact: usize) -> impl Iterator<Item = (usize, &PressListing)> {
        self.listings[contact]
            .iter()
            .map(|&(announcement, listing)| {
                (
                    announcement,
                    &self.announcements[announcement].press_contacts[listing],
                )
            })
    }

    /// Every phone listed for a contact across releases, as written, first seen first.
    pub fn phones_of(&self, contact: usize) -> Vec<&str> {
        let mut phones: Vec<&str> = Vec::new();
        for (_, listing) in self.listings_of(contact) {
            for phone in &listing.phones {
                if !phones.contains(&phone.as_str()) {
                    phones.push(phone);
                }
            }
        }
        phones
    }

    /// Every email listed for a contact across releases, first seen first.
    pub fn emails_of(&self, contact: usize) -> Vec<&str> {
        let mut emails: Vec<&str> = Vec::new();
        for (_, listing) in self.listings_of(contact) {
            for email in &listing.emails {
                if !emails.contains(&email.as_str()) {
                    emails.push(email);
                }
            }
        }
        emails
    }

    /// A contact's phones (or emails, with `emails`), each with the releases that list it,
    /// latest release first; the value whose latest release is newest comes first, and
    /// values a release lists together keep the release's order. This is the order people
    /// read and copy them in: the newest a release gave is the likeliest to answer.
    pub(crate) fn channels_of(&self, contact: usize, emails: bool) -> Vec<Channel<'_>> {
        let mut channels: Vec<Channel<'_>> = Vec::new();
        for (announcement, listing) in self.listings_of(contact) {
            let values = if emails {
                &listing.emails
            } else {
                &listing.phones
            };
            for value in values {
                match channels
                    .iter_mut()
                    .find(|channel| channel.value == value.as_str())
                {
                    Some(channel) => push_once(&mut channel.releases, announcement),
                    None => channels.push(Channel {
                        value,
                        releases: vec![announcement],
                    }),
                }
            }
        }
        let newest_first = |announcement: &usize| {
            std::cmp::Reverse(self.announcements[*announcement].date.as_str())
        };
        for channel in &mut channels {
            channel.releases.sort_by_key(newest_first);
        }
        channels.sort_by_key(|channel| channel.releases.first().map(newest_first));
        channels
    }

    /// The press contacts who represent an institution, in the dataset's order.
    pub(crate) fn contacts_of(&self, institution: usize) -> Vec<usize> {
        let id = self.institutions[institution].id.as_str();
        (0..self.contacts.len())
            .filter(|&contact| self.contacts[contact].represents.as_str() == id)
            .collect()
    }

    /// The announcements a contact is listed in, in date order.
    pub fn contact_announcements(&self, contact: usize) -> Vec<usize> {
        let mut announcements: Vec<usize> = Vec::new();
        for (announcement, _) in self.listings_of(contact) {
            push_once(&mut announcements, announcement);
        }
        announcements
    }

    /// What each release states about an institution ("About …" paragraphs, banners), with
    /// the announcement that states it, in date order.
    pub fn profiles_of<'a>(
        &'a self,
        institution: &'a str,
    ) -> impl Iterator<Item = (&'a Announcement, &'a model::Profile)> + 'a {
        self.announcements.iter().flat_map(move |announcement| {
            announcement
                .profiles
                .iter()
                .filter(move |profile| profile.institution.as_str() == institution)
                .map(move |profile| (announcement, profile))
        })
    }

    /// The announcements a person speaks in (quoted), in date order.
    pub(crate) fn quoted_in(&self, person: &str) -> Vec<usize> {
        (0..self.announcements.len())
            .filter(|&index| {
                self.announcements[index].quotes.iter().any(|quote| {
                    quote
                        .speakers
                        .iter()
                        .any(|speaker| speaker.person.as_str() == person)
                })
            })
            .collect()
    }
}

/// A phone or email of a press contact and the releases that list it, latest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Channel<'a> {
    pub(crate) value: &'a str,
    pub(crate) releases: Vec<usize>,
}

impl Channel<'_> {
    /// The value and the years of the releases that give it, latest first:
    /// `presse@gustaveroussy.fr (2023)`. A release's year names it among a contact's
    /// listings, which every view lists beside.
    pub(crate) fn with_releases(&self, dataset: &Dataset) -> String {
        format!("{} ({})", self.value, self.years(dataset))
    }

    /// The years of the releases that give the value, latest first: `2023, 2020`.
    pub(crate) fn years(&self, dataset: &Dataset) -> String {
        let years: Vec<&str> = self
            .releases
            .iter()
            .map(|&announcement| dataset.announcements[announcement].date.year_text())
            .collect();
        years.join(", ")
    }
}

/// A record's id as a key of `Dataset::ids`: the record's own text, shared rather than
/// copied, and looked up by `&str` (its hash and equality are the text's).
#[derive(Debug, PartialEq, Eq, Hash)]
struct Id(Text);

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

/// The parsed files when they and the records across them are valid, or every problem
/// found, in order.
fn validated(
    files: Vec<ParsedFile>,
    mut problems: Vec<Diagnostic>,
    texts: &SourceTexts,
) -> Result<Vec<ParsedFile>, LoadError> {
    let some_file_failed = !problems.is_empty();
    problems.extend(validate::problems(&files, some_file_failed));
    problems.extend(provenance::problems(&files, texts));
    if !problems.is_empty() {
        problems.sort();
        return Err(LoadError::Invalid { problems });
    }
    let total: usize = files
        .iter()
        .map(|file| {
            file.content.announcements.len()
                + file.content.institutions.len()
                + file.content.people.len()
                + file.content.contacts.len()
        })
        .sum();
    if total == 0 {
        let file = files
            .first()
            .map_or_else(String::new, |file| file.name.clone());
        return Err(LoadError::Invalid {
            problems: vec![Diagnostic {
                file,
                line: 1,
                column: 1,
                message: "the dataset holds no records; expected announcements, institutions, people or contacts".to_owned(),
            }],
        });
    }
    Ok(files)
}

fn push_once(list: &mut Vec<usize>, value: usize) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// Names sort without regard to case or accents ("Léon" beside "Leon").
fn sort_name(name: &str) -> String {
    crate::fold::fold_str(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded dataset, from the five releases: five announcements, each walked
    /// before its own events, and every walked id naming the record it was walked as.
    #[test]
    fn the_walk_meets_every_record_once_under_its_own_id() {
        let dataset = Dataset::embedded().expect("the embedded dataset loads");
        let walked: Vec<Walked> = dataset.records().collect();
        let counts = Counts::of(
            &dataset.announcements,
            &dataset.institutions,
            &dataset.people,
            &dataset.contacts,
        );
        assert_eq!(walked.len(), counts.total());
        let announcements: Vec<usize> = walked
            .iter()
            .filter_map(|walked| match walked.record {
                Record::Announcement(index) => Some(index),
                _ => None,
            })
            .collect();
        assert_eq!(announcements, vec![0, 1, 2, 3, 4]);
        for (position, one) in walked.iter().enumerate() {
            assert_eq!(dataset.record(one.id.as_str()), Some(one.record));
            if let Record::Event(announcement, _) = one.record {
                let owner = walked[..position]
                    .iter()
                    .rposition(|earlier| matches!(earlier.record, Record::Announcement(_)));
                let owner = owner.map(|at| walked[at].record);
                assert_eq!(owner, Some(Record::Announcement(announcement)));
            }
        }
        let kinds: Vec<Kind> = walked.iter().map(|one| one.record.kind()).collect();
        let first_institution = kinds.iter().position(|kind| *kind == Kind::Institution);
        assert!(
            kinds[..first_institution.expect("institutions are walked")]
                .iter()
                .all(|kind| matches!(kind, Kind::Announcement | Kind::Event)),
            "announcements and their events come first"
        );
    }
}
