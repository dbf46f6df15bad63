//! Which fields of each kind of record are searched, and as what: the one place to read
//! (and change) when the schema changes. A field's [`FieldClass`] says how a term may
//! match it and how much a hit there weighs; the engine ([`super::index`]) and the
//! per-rule matching ([`super::matcher`], [`super::tight`]) know nothing of records.

use std::collections::HashMap;

use crate::dataset::model::Profile;
use crate::dataset::{Dataset, Record};

use super::query::Facet;

/// What a field is to its record, which decides how a term matches it and how much a hit
/// there counts. Ordered from the heaviest to the lightest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum FieldClass {
    /// The record's own names: name, other names, a person's or contact's name.
    Name,
    /// Where the record is: city, country, an announcement's dateline, an event's place.
    Place,
    /// A short title: an announcement's `short_title`, an event's title, and every
    /// record's id.
    Title,
    /// A date (`2023-10-16`, `2023/2024`).
    Date,
    /// An email address: by prefix of the address or of its parts.
    Email,
    /// A phone number: by its digits.
    Phone,
    /// The name of another record held by this one: an announcement's partners, a
    /// person's institutions, a contact's organisation, a quote's speaker.
    Reference,
    /// A value from a fixed list or a slug: a kind, a partner role, a claim's topic.
    Enumeration,
    /// Sentences: summaries, objectives, quotes, role titles, long titles, profiles.
    Prose,
}

/// How a plain (fuzzy) term matches a field of a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ClassRule {
    /// Letters in order, but only close together or at word starts (see `tight`):
    /// a prefix, an acronym, a run with a gap or two.
    Tight,
    /// At the start of a word.
    WordPrefix,
    /// Within the digits, whatever separates them.
    Digits,
    /// At the start of the field.
    Prefix,
}

/// A field's score is its class's weight times this, plus the match's quality (below
/// this): a hit in a heavier field always outranks one in a lighter field.
pub(crate) const WEIGHT_STEP: i64 = 1000;

impl FieldClass {
    pub(crate) const ALL: [FieldClass; 9] = [
        FieldClass::Name,
        FieldClass::Place,
        FieldClass::Title,
        FieldClass::Date,
        FieldClass::Email,
        FieldClass::Phone,
        FieldClass::Reference,
        FieldClass::Enumeration,
        FieldClass::Prose,
    ];

    pub(crate) fn rule(self) -> ClassRule {
        match self {
            FieldClass::Name | FieldClass::Place | FieldClass::Title | FieldClass::Reference => {
                ClassRule::Tight
            }
            FieldClass::Email | FieldClass::Enumeration | FieldClass::Prose => {
                ClassRule::WordPrefix
            }
            FieldClass::Phone => ClassRule::Digits,
            FieldClass::Date => ClassRule::Prefix,
        }
    }

    /// How much a hit in this class counts, before its quality: own names, then places,
    /// then short titles, then dates and contact details, then references to other
    /// records, then enumerations, then prose.
    pub(crate) fn weight(self) -> i64 {
        match self {
            FieldClass::Name => 7,
            FieldClass::Place => 6,
            FieldClass::Title => 5,
            FieldClass::Date | FieldClass::Email | FieldClass::Phone => 4,
            FieldClass::Reference => 3,
            FieldClass::Enumeration => 2,
            FieldClass::Prose => 1,
        }
    }

    /// Whether the index keeps this class with the prose-like fields (summarised by the
    /// pairs their words begin with), which a hit in any other field makes needless to
    /// read: every such class weighs less than all the others. Emails match by words
    /// too, but are few and short, and weigh more than references.
    pub(crate) fn by_words(self) -> bool {
        matches!(self, FieldClass::Enumeration | FieldClass::Prose)
    }

    #[cfg(test)]
    pub(crate) fn to_bits(self) -> u8 {
        self as u8
    }

    #[cfg(test)]
    pub(crate) fn from_bits(bits: u8) -> FieldClass {
        FieldClass::ALL
            .get(usize::from(bits))
            .copied()
            .unwrap_or(FieldClass::Prose)
    }
}

/// Where a record's fields go: the index's builder.
pub(crate) trait FieldSink<'a> {
    fn field(&mut self, class: FieldClass, text: &'a str);
    /// A value of the record's own (an announcement's year, an institution's country).
    fn facet(&mut self, facet: Facet, value: &'a str);
    /// A value of a related record's (a partner's country, an institution's years of
    /// announcements): it matches the qualifier, but counts for less than the record's own,
    /// so `year:2019` gives the 2019 release before the institutions in it.
    fn related_facet(&mut self, facet: Facet, value: &'a str);
}

/// The fields of every record of one dataset. Holds what more than one record needs
/// looked up, worked out once.
pub(crate) struct RecordFields<'a> {
    dataset: &'a Dataset,
    /// Each institution's profiles ("About …" paragraphs), by institution id.
    profiles: HashMap<&'a str, Vec<&'a Profile>>,
}

impl<'a> RecordFields<'a> {
    pub(crate) fn new(dataset: &'a Dataset) -> Self {
        let mut profiles: HashMap<&'a str, Vec<&'a Profile>> = HashMap::new();
        for announcement in &dataset.announcements {
            for profile in &announcement.profiles {
                profiles
                    .entry(profile.institution.as_str())
                    .or_default()
                    .push(profile);
            }
        }
        RecordFields { dataset, profiles }
    }

    /// Sends `record`'s fields to `sink`.
    pub(crate) fn of(&self, record: Record, sink: &mut impl FieldSink<'a>) {
        match record {
            Record::Announcement(index) => self.announcement(index, sink),
            Record::Event(announcement, event) => self.event(announcement, event, sink),
            Record::Institution(index) => self.institution(index, sink),
            Record::Person(index) => self.person(index, sink),
            Record::Contact(index) => self.contact(index, sink),
        }
    }

    /// An institution named inside another record: its id and names, as a reference.
    fn reference(&self, id: &'a str, sink: &mut impl FieldSink<'a>) {
        sink.field(FieldClass::Reference, id);
        if let Some(institution) = self.dataset.institution(id) {
            sink.field(FieldClass::Reference, &institution.name);
            for name in &institution.other_names {
                sink.field(FieldClass::Reference, name);
            }
        }
    }

    fn profile(profile: &'a Profile, sink: &mut impl FieldSink<'a>) {
        sink.field(FieldClass::Prose, &profile.text);
        if let Some(about) = &profile.about {
            sink.field(FieldClass::Prose, about);
        }
        for handle in &profile.handles {
            sink.field(FieldClass::Prose, handle);
        }
        for claim in &profile.claims {
            sink.field(FieldClass::Enumeration, &claim.topic);
            sink.field(FieldClass::Prose, &claim.as_written);
            if let Some(source) = &claim.source {
                sink.field(FieldClass::Prose, source);
            }
        }
    }

    fn announcement(&self, index: usize, sink: &mut impl FieldSink<'a>) {
        let dataset = self.dataset;
        let announcement = &dataset.announcements[index];
        // An announcement's id is a slug of its partners' names: a title, not a name of
        // its own, or `leon berard` would find it before the Centre Léon Bérard.
        sink.field(FieldClass::Title, &announcement.id);
        sink.field(FieldClass::Title, &announcement.short_title);
        sink.field(FieldClass::Prose, &announcement.title);
        if let Some(title) = &announcement.title_en {
            sink.field(FieldClass::Prose, title);
        }
        sink.field(FieldClass::Enumeration, &announcement.kind);
        sink.field(FieldClass::Date, &announcement.date);
        sink.field(FieldClass::Prose, &announcement.summary);
        for line in &announcement.standfirst {
            sink.field(FieldClass::Prose, line);
        }
        sink.facet(Facet::Year, announcement.date.year_text());
        sink.facet(Facet::Kind, &announcement.kind);
        sink.facet(Facet::Language, &announcement.language);
        for place in &announcement.dateline {
            sink.field(FieldClass::Place, place);
            sink.facet(Facet::City, place);
        }
        for objective in &announcement.objectives {
            sink.field(FieldClass::Prose, objective);
        }
        for partner in &announcement.partners {
            self.reference(&partner.institution, sink);
            sink.field(FieldClass::Enumeration, partner.role.as_str());
            if let Some(note) = &partner.note {
                sink.field(FieldClass::Prose, note);
            }
            sink.facet(Facet::Partner, &partner.institution);
            sink.facet(Facet::Role, partner.role.as_str());
            if let Some(institution) = dataset.institution(&partner.institution) {
                sink.facet(Facet::Partner, &institution.name);
                sink.related_facet(Facet::Country, &institution.country);
                sink.related_facet(Facet::City, &institution.city);
                for name in &institution.other_names {
                    sink.facet(Facet::Partner, name);
                }
            }
        }
        for mention in &announcement.mentions {
            self.reference(&mention.institution, sink);
        }
        for quote in &announcement.quotes {
            sink.field(FieldClass::Prose, &quote.text);
            for speaker in &quote.speakers {
                sink.field(FieldClass::Prose, &speaker.role);
                if let Some(person) = dataset.person(&speaker.person) {
                    sink.field(FieldClass::Reference, &person.name);
                }
            }
        }
        for listing in &announcement.press_contacts {
            if let Some(contact) = dataset.contact(&listing.contact) {
                sink.field(FieldClass::Reference, &contact.name);
                sink.field(FieldClass::Reference, &contact.organization);
            }
            for email in &listing.emails {
                sink.field(FieldClass::Email, email);
            }
            for phone in &listing.phones {
                sink.field(FieldClass::Phone, phone);
            }
        }
        for event in &announcement.events {
            sink.field(FieldClass::Prose, &event.title);
        }
        for figure in &announcement.figures {
            sink.field(FieldClass::Prose, &figure.counts);
            sink.field(FieldClass::Prose, &figure.as_written);
        }
        for profile in &announcement.profiles {
            Self::profile(profile, sink);
        }
    }

    fn event(&self, announcement: usize, event: usize, sink: &mut impl FieldSink<'a>) {
        let dataset = self.dataset;
        let parent = &dataset.announcements[announcement];
        let item = &parent.events[event];
        sink.field(FieldClass::Title, &item.id);
        sink.field(FieldClass::Title, &item.title);
        sink.field(FieldClass::Date, &item.date);
        if let Some(place) = &item.place {
            sink.field(FieldClass::Place, place);
            sink.facet(Facet::City, place);
        }
        if let Some(as_written) = &item.as_written {
            sink.field(FieldClass::Prose, as_written);
        }
        sink.field(FieldClass::Reference, &parent.short_title);
        sink.facet(Facet::Year, item.date.year_text());
        for partner in &parent.partners {
            sink.related_facet(Facet::Partner, &partner.institution);
            if let Some(institution) = dataset.institution(&partner.institution) {
                sink.related_facet(Facet::Partner, &institution.name);
            }
        }
    }

    fn institution(&self, index: usize, sink: &mut impl FieldSink<'a>) {
        let dataset = self.dataset;
        let institution = &dataset.institutions[index];
        // An id is a slug that may hold another record's name (a department's names its
        // parent), so it counts as a short title, below the record's own names.
        sink.field(FieldClass::Title, &institution.id);
        sink.field(FieldClass::Name, &institution.name);
        for name in &institution.other_names {
            sink.field(FieldClass::Name, name);
        }
        sink.field(FieldClass::Place, &institution.city);
        sink.field(FieldClass::Place, &institution.country);
        sink.field(FieldClass::Enumeration, institution.kind.as_str());
        if let Some(phone) = &institution.phone {
            sink.field(FieldClass::Phone, phone);
        }
        if let Some(parent) = &institution.parent {
            self.reference(parent, sink);
        }
        for profile in self
            .profiles
            .get(institution.id.as_str())
            .into_iter()
            .flatten()
        {
            Self::profile(profile, sink);
        }
        sink.facet(Facet::Country, &institution.country);
        sink.facet(Facet::City, &institution.city);
        sink.facet(Facet::Kind, institution.kind.as_str());
        for announcement in dataset.announcements_of(index) {
            sink.related_facet(
                Facet::Year,
                dataset.announcements[announcement].date.year_text(),
            );
        }
        for partner in facet_co_partners(dataset, index) {
            let partner = &dataset.institutions[partner];
            sink.related_facet(Facet::Partner, &partner.id);
            sink.related_facet(Facet::Partner, &partner.name);
        }
    }

    fn person(&self, index: usize, sink: &mut impl FieldSink<'a>) {
        let dataset = self.dataset;
        let person = &dataset.people[index];
        sink.field(FieldClass::Title, &person.id);
        sink.field(FieldClass::Name, &person.name);
        for role in &person.roles {
            sink.field(FieldClass::Prose, &role.title);
            if let Some(title) = &role.title_en {
                sink.field(FieldClass::Prose, title);
            }
            sink.facet(Facet::Role, &role.title);
            if let Some(id) = &role.institution {
                self.reference(id, sink);
                sink.related_facet(Facet::Partner, id);
            }
            if let Some(announcement) = dataset.announcement(&role.announcement) {
                sink.related_facet(Facet::Year, announcement.date.year_text());
            }
        }
    }

    fn contact(&self, index: usize, sink: &mut impl FieldSink<'a>) {
        let dataset = self.dataset;
        let contact = &dataset.contacts[index];
        sink.field(FieldClass::Title, &contact.id);
        sink.field(FieldClass::Name, &contact.name);
        sink.field(FieldClass::Reference, &contact.organization);
        self.reference(&contact.represents, sink);
        sink.related_facet(Facet::Partner, &contact.represents);
        if let Some(institution) = dataset.institution(&contact.represents) {
            sink.related_facet(Facet::Country, &institution.country);
            sink.related_facet(Facet::City, &institution.city);
        }
        for email in dataset.emails_of(index) {
            sink.field(FieldClass::Email, email);
        }
        for phone in dataset.phones_of(index) {
            sink.field(FieldClass::Phone, phone);
        }
        // The releases listing the contact are further from it than the institution it
        // speaks for: matched by words, below its organisation.
        for announcement in dataset.contact_announcements(index) {
            let announcement = &dataset.announcements[announcement];
            sink.field(FieldClass::Prose, &announcement.short_title);
            sink.field(FieldClass::Prose, &announcement.id);
            sink.field(FieldClass::Prose, &announcement.title);
            sink.related_facet(Facet::Year, announcement.date.year_text());
        }
    }
}

/// Where kinds of record come among hits of equal score: a place or person named before
/// the records that mention it.
pub(crate) fn kind_order(record: Record) -> u8 {
    match record {
        Record::Institution(_) => 0,
        Record::Person(_) => 1,
        Record::Contact(_) => 2,
        Record::Announcement(_) => 3,
        Record::Event(..) => 4,
    }
}

/// The date a record is ranked by among equals: an announcement's or event's; none else.
pub(crate) fn date_of(dataset: &Dataset, record: Record) -> &str {
    match record {
        Record::Announcement(index) => &dataset.announcements[index].date,
        Record::Event(announcement, event) => {
            &dataset.announcements[announcement].events[event].date
        }
        _ => "",
    }
}

/// Releases with more partners than this give their partners no `partner:` facets of each
/// other: every institution of such a release would carry every other one, which is
/// quadratic in the partners (BENCHMARKS.md gives what 8,000 partners cost).
/// The curated releases have at most 9.
pub(crate) const CO_PARTNER_FACETS_UP_TO: usize = 100;

/// The institutions an institution's `partner:` facets name: its co-partners in releases of
/// at most [`CO_PARTNER_FACETS_UP_TO`] partners.
fn facet_co_partners(dataset: &Dataset, index: usize) -> Vec<usize> {
    let releases = dataset.partnered_in(index);
    let small = |&announcement: &usize| {
        dataset.announcements[announcement].partners.len() <= CO_PARTNER_FACETS_UP_TO
    };
    if releases.iter().all(small) {
        return dataset
            .co_partners(index)
            .into_iter()
            .map(|(partner, _)| partner)
            .collect();
    }
    let id = dataset.institutions[index].id.as_str();
    let mut partners: Vec<usize> = releases
        .iter()
        .filter(|announcement| small(announcement))
        .flat_map(|&announcement| &dataset.announcements[announcement].partners)
        .filter(|partner| partner.institution.as_str() != id)
        .filter_map(|partner| dataset.institution_index(&partner.institution))
        .collect();
    partners.sort_unstable();
    partners.dedup();
    partners
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index reads prose-like fields only when no other field of the record matched
    /// as well as they could: that needs every one of them lighter than all the others.
    #[test]
    fn prose_like_classes_weigh_less_than_all_others() {
        let lightest_other = FieldClass::ALL
            .iter()
            .filter(|class| !class.by_words())
            .map(|class| class.weight())
            .min()
            .unwrap();
        for class in FieldClass::ALL.iter().filter(|class| class.by_words()) {
            assert!(class.weight() < lightest_other, "{class:?}");
        }
        for class in FieldClass::ALL {
            assert_eq!(FieldClass::from_bits(class.to_bits()), class);
        }
    }
}
