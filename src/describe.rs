//! One description of each kind of record: a walk over its facts that emits headings,
//! fields, items, paragraphs, facts and links (with their targets) into a [`Sink`].
//! `show`'s text (`output::text`), the explorer's Details (`tui::details`) and the copy
//! menu (`tui::copy`) are three sinks of this one walk, so a field added here appears in
//! all of them unless a sink deliberately skips it. What a sink does with each piece
//! (wrapping, styles, selection, what is worth copying) is the sink's business.

use crate::dataset::provenance::PassageKind;
use crate::dataset::{Dataset, Record};

/// A passage of the dataset's provenance: its announcement and its place in
/// `Provenance::passages` of that announcement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassageSpot {
    pub(crate) announcement: usize,
    pub(crate) index: usize,
}

/// The passage of a fact of `announcement`, by kind and words, if it was located.
pub fn passage_spot(
    dataset: &Dataset,
    announcement: usize,
    kind: PassageKind,
    words: Option<&str>,
) -> Option<PassageSpot> {
    let words = words?;
    dataset
        .provenance()
        .passages(announcement)
        .iter()
        .position(|passage| passage.kind == kind && passage.text.as_str() == words)
        .map(|index| PassageSpot {
            announcement,
            index,
        })
}

/// How a paragraph reads: plain text, a muted aside, or a warning (a statement that
/// changed between releases).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Plain,
    Muted,
    Warning,
}

/// What receives a record's description, piece by piece, in reading order.
pub(crate) trait Sink {
    /// The record's name or title, first.
    fn title(&mut self, text: &str);
    /// A second title (an English title), under the first.
    fn subtitle(&mut self, text: &str);
    /// A space between groups of fields.
    fn gap(&mut self);
    fn heading(&mut self, text: &str);
    /// A labelled value; empty values are skipped by the walk.
    fn field(&mut self, label: &str, value: &str);
    /// A phone or email of a press contact, with the releases that give it (`2023, 2020`).
    fn channel(&mut self, label: &str, value: &str, releases: &str);
    fn item(&mut self, text: &str);
    fn paragraph(&mut self, text: &str, tone: Tone);
    /// A statement of the record shown, located at its passage in its release.
    fn fact(&mut self, text: &str, passage: Option<PassageSpot>);
    /// A line that leads to another record (and, for a partner or role, is a fact too).
    fn link(&mut self, text: &str, target: Record, passage: Option<PassageSpot>);
    /// A web address of the record shown, `position` in [`urls_of`] it.
    fn url(&mut self, label: &str, url: &str, position: usize);
    /// A quote of an announcement: the words, then who says them. A sink that copies
    /// quotes whole overrides this; the others see a fact, links and a paragraph.
    fn quote(
        &mut self,
        dataset: &Dataset,
        announcement: usize,
        quote: &crate::dataset::model::Quote,
        passage: Option<PassageSpot>,
    ) {
        let _ = announcement;
        self.fact(&format!("“{}”", quote.text), passage);
        for speaker in &quote.speakers {
            let name = dataset
                .person(&speaker.person)
                .map_or(speaker.person.as_str(), |person| person.name.as_str());
            match dataset.record(&speaker.person) {
                Some(target @ Record::Person(_)) => {
                    self.link(&format!("{name}, {}", speaker.role), target, None);
                }
                _ => self.item(&format!("{name}, {}", speaker.role)),
            }
        }
        if let Some(attribution) = &quote.attribution {
            self.paragraph(&format!("({attribution})"), Tone::Muted);
        }
        self.gap();
    }
}

/// The web addresses a record's description gives, in its order: an announcement's
/// links, an institution's website.
pub fn urls_of(dataset: &Dataset, record: Record) -> Vec<(&str, &str)> {
    match record {
        Record::Announcement(index) => dataset.announcements[index]
            .links
            .iter()
            .map(|link| (link.label.as_str(), link.url.as_str()))
            .collect(),
        Record::Institution(index) => dataset.institutions[index]
            .website
            .iter()
            .map(|website| ("website", website.as_str()))
            .collect(),
        _ => Vec::new(),
    }
}

/// Walks `record`'s description into `sink`.
pub(crate) fn describe(dataset: &Dataset, record: Record, sink: &mut dyn Sink) {
    match record {
        Record::Announcement(index) => announcement(dataset, index, sink),
        Record::Institution(index) => institution(dataset, index, sink),
        Record::Person(index) => person(dataset, index, sink),
        Record::Contact(index) => contact(dataset, index, sink),
        Record::Event(announcement, item) => event(dataset, announcement, item, sink),
    }
}

fn field(sink: &mut dyn Sink, label: &str, value: &str) {
    if !value.is_empty() {
        sink.field(label, value);
    }
}

/// What one release lists for a press contact, under the line that names the release or
/// the contact.
/// A press listing as a link (to its contact, or to its release), at its passage in the
/// release, followed by the heading, phones and emails the release gives with it.
fn listing_link(
    sink: &mut dyn Sink,
    dataset: &Dataset,
    announcement: usize,
    listing: &crate::dataset::model::PressListing,
    label: &str,
    target: Record,
) {
    let words = listing.passage.as_deref();
    let passage = passage_spot(dataset, announcement, PassageKind::Listing, words);
    sink.link(label, target, passage);
    listing_fields(sink, listing);
}

fn listing_fields(sink: &mut dyn Sink, listing: &crate::dataset::model::PressListing) {
    optional(sink, "  heading", listing.heading.as_ref());
    for phone in &listing.phones {
        field(sink, "  phone", phone);
    }
    for email in &listing.emails {
        field(sink, "  email", email);
    }
}

fn optional(sink: &mut dyn Sink, label: &str, value: Option<&crate::dataset::model::Text>) {
    if let Some(value) = value {
        field(sink, label, value);
    }
}

fn joined(values: &[crate::dataset::model::Text], separator: &str) -> String {
    values
        .iter()
        .map(|value| value.as_str())
        .collect::<Vec<_>>()
        .join(separator)
}

/// Where facts not found in the seed texts come from, one field each.
fn sources(sink: &mut dyn Sink, sources: &crate::dataset::model::FieldSources) {
    if sources.is_empty() {
        return;
    }
    sink.heading("Sources beyond the seed text");
    for (field_name, source) in sources {
        field(sink, field_name, source);
    }
}

/// A contact's phones and emails, each with the releases that give it, latest first.
fn channels(dataset: &Dataset, contact: usize, sink: &mut dyn Sink, indent: &str) {
    for phone in dataset.channels_of(contact, false) {
        sink.channel(
            &format!("{indent}phone"),
            phone.value,
            &phone.years(dataset),
        );
    }
    for email in dataset.channels_of(contact, true) {
        sink.channel(
            &format!("{indent}email"),
            email.value,
            &email.years(dataset),
        );
    }
}

/// An event as an announcement lists it: when, what, where, whether it was held.
pub(crate) fn event_line(event: &crate::dataset::Event) -> String {
    let mut line = format!("{} {}", event.when(), event.title);
    if let Some(place) = &event.place {
        line.push_str(&format!(", {place}"));
    }
    if let Some(status) = event_status(event) {
        line.push_str(&format!(" ({status})"));
    }
    line
}

fn event_status(event: &crate::dataset::Event) -> Option<&'static str> {
    event.status.map(|status| {
        if status == crate::dataset::model::EventStatus::Held {
            "held"
        } else {
            "planned"
        }
    })
}

fn announcement(dataset: &Dataset, index: usize, sink: &mut dyn Sink) {
    let announcement = &dataset.announcements[index];
    sink.title(&announcement.title);
    if let Some(title) = &announcement.title_en {
        sink.subtitle(title);
    }
    for line in &announcement.standfirst {
        sink.item(line);
    }
    sink.gap();
    field(sink, "date", &announcement.date);
    optional(sink, "written", announcement.date_as_written.as_ref());
    field(sink, "dateline", &joined(&announcement.dateline, " / "));
    field(sink, "kind", &announcement.kind);
    optional(sink, "duration", announcement.duration.as_ref());
    field(sink, "language", &announcement.language);
    field(sink, "id", &announcement.id);
    sink.heading(&format!("Partners ({})", announcement.partners.len()));
    for partner in &announcement.partners {
        let Some(institution) = dataset.institution_index(&partner.institution) else {
            continue;
        };
        let mut text = format!(
            "{} — {}",
            dataset.institutions[institution].name,
            partner.role.as_str()
        );
        if let Some(note) = &partner.note {
            text.push_str(&format!(": {note}"));
        }
        let passage = passage_spot(
            dataset,
            index,
            PassageKind::Partner,
            partner.passage.as_deref(),
        );
        sink.link(&text, Record::Institution(institution), passage);
    }
    if !announcement.mentions.is_empty() {
        sink.heading("Mentioned");
        for mention in &announcement.mentions {
            let Some(institution) = dataset.institution_index(&mention.institution) else {
                continue;
            };
            let mut text = dataset.institutions[institution].name.to_string();
            if let Some(context) = &mention.context {
                text.push_str(&format!(": {context}"));
            }
            sink.link(&text, Record::Institution(institution), None);
        }
    }
    sink.heading("Summary");
    sink.paragraph(&announcement.summary, Tone::Plain);
    if !announcement.objectives.is_empty() {
        sink.heading("Objectives");
        for objective in &announcement.objectives {
            sink.item(objective);
        }
    }
    if !announcement.figures.is_empty() {
        sink.heading("Figures");
        for figure in &announcement.figures {
            let passage = passage_spot(
                dataset,
                index,
                PassageKind::Figure,
                Some(&figure.as_written),
            );
            sink.fact(
                &format!("{} — {}", figure.as_written, figure.counts),
                passage,
            );
        }
    }
    if !announcement.events.is_empty() {
        sink.heading("Events");
        for (position, event) in announcement.events.iter().enumerate() {
            let words = event.as_written.as_deref().or(event.passage.as_deref());
            let passage = passage_spot(dataset, index, PassageKind::Event, words);
            sink.link(&event_line(event), Record::Event(index, position), passage);
        }
    }
    if !announcement.quotes.is_empty() {
        sink.heading("Quotes");
        for quote in &announcement.quotes {
            let passage = passage_spot(dataset, index, PassageKind::Quote, Some(&quote.text));
            sink.quote(dataset, index, quote, passage);
        }
    }
    if !announcement.press_contacts.is_empty() {
        sink.heading("Press contacts");
        for listing in &announcement.press_contacts {
            let Some(Record::Contact(contact)) = dataset.record(&listing.contact) else {
                continue;
            };
            let item = &dataset.contacts[contact];
            let label = format!("{} ({})", item.name, item.organization);
            listing_link(
                sink,
                dataset,
                index,
                listing,
                &label,
                Record::Contact(contact),
            );
        }
    }
    if !announcement.profiles.is_empty() {
        sink.heading("Profiles");
        for profile in &announcement.profiles {
            let about = profile
                .about
                .as_deref()
                .map_or(String::new(), |about| format!(" ({about})"));
            let text = format!(
                "{}{about} — {}",
                dataset.institution_name(&profile.institution),
                profile.context
            );
            match dataset.institution_index(&profile.institution) {
                Some(institution) => sink.link(&text, Record::Institution(institution), None),
                None => sink.item(&text),
            }
            sink.paragraph(&profile.text, Tone::Plain);
            field(sink, "handles", &joined(&profile.handles, " "));
            sink.gap();
        }
    }
    if !announcement.links.is_empty() {
        sink.heading("Links");
        for (position, link) in announcement.links.iter().enumerate() {
            sink.url(&link.label, &link.url, position);
        }
    }
    sink.heading("Source");
    field(sink, "seed", &announcement.source);
    for (field_name, source) in &announcement.sources {
        field(sink, field_name, source);
    }
}

fn institution(dataset: &Dataset, index: usize, sink: &mut dyn Sink) {
    let institution = &dataset.institutions[index];
    sink.title(&institution.name);
    sink.gap();
    field(sink, "kind", institution.kind.as_str());
    let city = if institution.city.is_empty() {
        "seat not stated"
    } else {
        institution.city.as_str()
    };
    field(sink, "city", &format!("{city}, {}", institution.country));
    if let Some(coordinates) = institution.coordinates {
        // Labelled to fit Details' label column, which "coordinates" overruns.
        field(
            sink,
            "lat, lon",
            &format!("{:.2}, {:.2}", coordinates.lat, coordinates.lon),
        );
    }
    optional(sink, "address", institution.address.as_ref());
    optional(sink, "phone", institution.phone.as_ref());
    field(sink, "also", &joined(&institution.other_names, "; "));
    field(sink, "id", &institution.id);
    if let Some(website) = &institution.website {
        sink.url("website", website, 0);
    }
    if let Some(parent) = institution
        .parent
        .as_deref()
        .and_then(|parent| dataset.institution_index(parent))
    {
        sink.heading("Part of");
        sink.link(
            &dataset.institutions[parent].name,
            Record::Institution(parent),
            None,
        );
    }
    sources(sink, &institution.sources);
    let announcements = dataset.announcements_of(index);
    sink.heading(&format!("Announcements ({})", announcements.len()));
    for announcement in announcements {
        let item = &dataset.announcements[announcement];
        let partner = item
            .partners
            .iter()
            .find(|partner| partner.institution == institution.id);
        let role = partner.map_or("mentioned", |partner| partner.role.as_str());
        let passage = partner.and_then(|partner| {
            passage_spot(
                dataset,
                announcement,
                PassageKind::Partner,
                partner.passage.as_deref(),
            )
        });
        sink.link(
            &format!("{} {} — {role}", item.date, item.short_title),
            Record::Announcement(announcement),
            passage,
        );
    }
    let partners = dataset.co_partners(index);
    if !partners.is_empty() {
        sink.heading("Partners across releases");
        for (partner, times) in partners {
            let plural = if times == 1 { "" } else { "s" };
            sink.link(
                &format!(
                    "{} — {times} time{plural}",
                    dataset.institutions[partner].name
                ),
                Record::Institution(partner),
                None,
            );
        }
    }
    let people = dataset.people_of(index);
    if !people.is_empty() {
        sink.heading("People");
        for person in people {
            let item = &dataset.people[person];
            let roles: Vec<String> = item
                .roles
                .iter()
                .filter(|role| role.institution.as_deref() == Some(institution.id.as_str()))
                .map(|role| {
                    let year = dataset
                        .announcement(&role.announcement)
                        .map_or("", |announcement| announcement.date.year_text());
                    format!("{} ({year})", role.title)
                })
                .collect();
            sink.link(
                &format!("{} — {}", item.name, roles.join("; ")),
                Record::Person(person),
                None,
            );
        }
    }
    let contacts = dataset.contacts_of(index);
    if !contacts.is_empty() {
        sink.heading("Press contacts");
        for contact in contacts {
            let item = &dataset.contacts[contact];
            let releases: Vec<String> = dataset
                .contact_announcements(contact)
                .into_iter()
                .rev()
                .map(|announcement| {
                    let announcement = &dataset.announcements[announcement];
                    format!(
                        "{} {}",
                        announcement.date.year_text(),
                        announcement.short_title
                    )
                })
                .collect();
            sink.link(
                &format!(
                    "{} ({}) — listed in {}",
                    item.name,
                    item.organization,
                    releases.join("; ")
                ),
                Record::Contact(contact),
                None,
            );
            channels(dataset, contact, sink, "  ");
        }
    }
    let history = dataset.claim_history(index);
    if !history.is_empty() {
        sink.heading(&format!(
            "History of statements ({} = changed since the release before)",
            crate::dataset::history::CHANGED_MARK
        ));
        for topic in &history {
            let tone = if topic.varies() {
                Tone::Warning
            } else {
                Tone::Muted
            };
            sink.paragraph(&topic.label(), tone);
            for entry in &topic.entries {
                let passage = passage_spot(
                    dataset,
                    entry.announcement,
                    PassageKind::Claim,
                    Some(&entry.as_written),
                );
                sink.fact(&entry.describe(dataset), passage);
            }
        }
    }
    let mut any = false;
    for (announcement, profile) in dataset.profiles_of(&institution.id) {
        if !any {
            sink.heading("Profile statements by release");
            any = true;
        }
        sink.paragraph(
            &format!(
                "{} · {} · {}",
                announcement.date, announcement.short_title, profile.context
            ),
            Tone::Muted,
        );
        sink.paragraph(&profile.text, Tone::Plain);
        field(sink, "handles", &joined(&profile.handles, " "));
        sink.gap();
    }
}

fn person(dataset: &Dataset, index: usize, sink: &mut dyn Sink) {
    let person = &dataset.people[index];
    sink.title(&person.name);
    sink.gap();
    optional(sink, "honorific", person.honorific.as_ref());
    field(sink, "id", &person.id);
    sink.heading("Roles by release");
    for role in &person.roles {
        let date = dataset
            .announcement(&role.announcement)
            .map_or("", |announcement| announcement.date.as_str());
        let passage = match dataset.record(&role.announcement) {
            Some(Record::Announcement(announcement)) => passage_spot(
                dataset,
                announcement,
                PassageKind::Role,
                role.passage.as_deref(),
            ),
            _ => None,
        };
        let english = role
            .title_en
            .as_deref()
            .map_or(String::new(), |title| format!(" ({title})"));
        match role
            .institution
            .as_deref()
            .and_then(|id| dataset.institution_index(id))
        {
            Some(institution) => sink.link(
                &format!(
                    "{date} {}{english}, {}",
                    role.title, dataset.institutions[institution].name
                ),
                Record::Institution(institution),
                passage,
            ),
            None => sink.fact(&format!("{date} {}{english}", role.title), passage),
        }
    }
    let quoted = dataset.quoted_in(&person.id);
    if !quoted.is_empty() {
        sink.heading("Quoted in");
        for announcement in quoted {
            let item = &dataset.announcements[announcement];
            sink.link(
                &format!("{} {}", item.date, item.short_title),
                Record::Announcement(announcement),
                None,
            );
        }
    }
    sources(sink, &person.sources);
}

fn contact(dataset: &Dataset, index: usize, sink: &mut dyn Sink) {
    let contact = &dataset.contacts[index];
    sink.title(&contact.name);
    sink.gap();
    field(sink, "org", &contact.organization);
    channels(dataset, index, sink, "");
    field(sink, "id", &contact.id);
    if let Some(institution) = dataset.institution_index(&contact.represents) {
        sink.heading("Speaks for");
        sink.link(
            &dataset.institutions[institution].name,
            Record::Institution(institution),
            None,
        );
    }
    sink.heading("Listed in");
    let mut listings: Vec<_> = dataset.listings_of(index).collect();
    listings.reverse();
    for (announcement, listing) in listings {
        let item = &dataset.announcements[announcement];
        let label = format!("{} {}", item.date, item.short_title);
        let target = Record::Announcement(announcement);
        listing_link(sink, dataset, announcement, listing, &label, target);
    }
    sources(sink, &contact.sources);
}

fn event(dataset: &Dataset, announcement: usize, index: usize, sink: &mut dyn Sink) {
    let parent = &dataset.announcements[announcement];
    let event = &parent.events[index];
    sink.title(&event.title);
    sink.gap();
    field(sink, "when", &event.when());
    optional(sink, "place", event.place.as_ref());
    field(sink, "status", event_status(event).unwrap_or(""));
    field(sink, "id", &event.id);
    let words = event.as_written.as_deref().or(event.passage.as_deref());
    if let Some(words) = words {
        sink.heading("In the release");
        let passage = passage_spot(dataset, announcement, PassageKind::Event, Some(words));
        sink.fact(&format!("“{words}”"), passage);
    }
    sink.heading("Announced in");
    sink.link(
        &format!("{} {}", parent.date, parent.short_title),
        Record::Announcement(announcement),
        None,
    );
    sources(sink, &event.sources);
}
