//! The records of a dataset as one list: what names a record, the walk over the record
//! lists in the order every index shares, and how many there are of each kind.

use super::model::{Announcement, Contact, Institution, Person, Text};

/// The most records a dataset may hold, across every kind.
pub const MAX_RECORDS: usize = 1_000_000;

/// The kinds of record an id can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Kind {
    Announcement,
    Institution,
    Person,
    Contact,
    Event,
}

impl Kind {
    pub(crate) fn as_str(self) -> &'static str {
        self.into()
    }

    pub(crate) fn article(self) -> &'static str {
        match self {
            Kind::Announcement | Kind::Institution | Kind::Event => "an",
            Kind::Person | Kind::Contact => "a",
        }
    }
}

/// A record named by its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Record {
    Announcement(usize),
    Institution(usize),
    Person(usize),
    Contact(usize),
    /// An announcement's index, and the event's index within it.
    Event(usize, usize),
}

impl Record {
    pub(crate) fn kind(self) -> Kind {
        match self {
            Record::Announcement(_) => Kind::Announcement,
            Record::Institution(_) => Kind::Institution,
            Record::Person(_) => Kind::Person,
            Record::Contact(_) => Kind::Contact,
            Record::Event(..) => Kind::Event,
        }
    }
}

/// One record met in a walk over the record lists: where it is, its id and the name lists
/// show for it.
#[derive(Debug, Clone, Copy)]
pub struct Walked<'a> {
    pub(crate) record: Record,
    pub(crate) id: &'a Text,
    pub(crate) label: &'a Text,
}

/// Every record of these lists, in the one order all indexes share: each announcement then
/// its events, then institutions, people and contacts. Indexes are within the lists given,
/// so a file's lists give places within that file.
pub fn walk<'a>(
    announcements: &'a [Announcement],
    institutions: &'a [Institution],
    people: &'a [Person],
    contacts: &'a [Contact],
) -> impl Iterator<Item = Walked<'a>> {
    let announcements = announcements
        .iter()
        .enumerate()
        .flat_map(|(index, announcement)| {
            let own = Walked {
                record: Record::Announcement(index),
                id: &announcement.id,
                label: &announcement.short_title,
            };
            let events = announcement
                .events
                .iter()
                .enumerate()
                .map(move |(event, item)| Walked {
                    record: Record::Event(index, event),
                    id: &item.id,
                    label: &item.title,
                });
            std::iter::once(own).chain(events)
        });
    let institutions = institutions
        .iter()
        .enumerate()
        .map(|(index, institution)| Walked {
            record: Record::Institution(index),
            id: &institution.id,
            label: &institution.name,
        });
    let people = people.iter().enumerate().map(|(index, person)| Walked {
        record: Record::Person(index),
        id: &person.id,
        label: &person.name,
    });
    let contacts = contacts.iter().enumerate().map(|(index, contact)| Walked {
        record: Record::Contact(index),
        id: &contact.id,
        label: &contact.name,
    });
    announcements
        .chain(institutions)
        .chain(people)
        .chain(contacts)
}

/// How many records of each kind a valid dataset holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub(crate) announcements: usize,
    pub(crate) institutions: usize,
    pub(crate) people: usize,
    pub(crate) contacts: usize,
    pub(crate) events: usize,
}

impl Counts {
    /// The records in these lists.
    pub(crate) fn of(
        announcements: &[Announcement],
        institutions: &[Institution],
        people: &[Person],
        contacts: &[Contact],
    ) -> Counts {
        Counts {
            announcements: announcements.len(),
            institutions: institutions.len(),
            people: people.len(),
            contacts: contacts.len(),
            events: announcements
                .iter()
                .map(|announcement| announcement.events.len())
                .sum(),
        }
    }

    /// Records of every kind together.
    pub(crate) fn total(self) -> usize {
        self.announcements + self.institutions + self.people + self.contacts + self.events
    }
}
