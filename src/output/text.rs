//! `show` as plain text: every fact about one record, in sections, paragraphs wrapped to
//! the output width. Dataset strings are sanitised as they are written.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::dataset::{Dataset, Record};
use crate::sanitize::{sanitize, sanitize_multiline};

struct Writer {
    out: String,
    width: usize,
}

impl Writer {
    fn heading(&mut self, text: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        let _ = writeln!(self.out, "{}", sanitize(text));
    }

    fn field(&mut self, label: &str, value: &str) {
        if value.is_empty() {
            return;
        }
        let indent = 16;
        let prefix = format!("  {label:<width$} ", width = indent - 3);
        self.wrapped(&prefix, &" ".repeat(indent), value);
    }

    fn item(&mut self, value: &str) {
        self.wrapped("  - ", "    ", value);
    }

    fn paragraph(&mut self, value: &str) {
        self.wrapped("  ", "  ", value);
    }

    /// Writes `value` wrapped to the width: the first line after `first`, the others after
    /// `rest`. A line feed in the value starts a new line and a blank line a new paragraph,
    /// as in the release; other control characters stay visible placeholders.
    fn wrapped(&mut self, first: &str, rest: &str, value: &str) {
        let clean = sanitize_multiline(value);
        let mut started = false;
        let mut blank = false;
        for source_line in clean.split('\n') {
            if source_line.trim().is_empty() {
                // One empty line between paragraphs, however many the value has.
                blank = started;
                continue;
            }
            if blank {
                self.out.push('\n');
                blank = false;
            }
            self.words(if started { rest } else { first }, rest, source_line);
            started = true;
        }
        if !started {
            let _ = writeln!(self.out, "{}", first.trim_end());
        }
    }

    fn words(&mut self, first: &str, rest: &str, text: &str) {
        let mut line = first.to_owned();
        let mut empty = true;
        for word in text.split_whitespace() {
            if !empty && line.width() + 1 + word.width() > self.width {
                let _ = writeln!(self.out, "{}", line.trim_end());
                line = rest.to_owned();
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        let _ = writeln!(self.out, "{}", line.trim_end());
    }
}

pub fn show(dataset: &Dataset, record: Record, width: usize) -> String {
    let mut writer = Writer {
        out: String::new(),
        width: width.max(40),
    };
    match record {
        Record::Announcement(index) => announcement(&mut writer, dataset, index),
        Record::Institution(index) => institution(&mut writer, dataset, index),
        Record::Person(index) => person(&mut writer, dataset, index),
        Record::Contact(index) => contact(&mut writer, dataset, index),
        Record::Event(announcement, item) => event(&mut writer, dataset, announcement, item),
    }
    writer.out
}

fn announcement(writer: &mut Writer, dataset: &Dataset, index: usize) {
    let announcement = &dataset.announcements[index];
    writer.heading(&announcement.title);
    if let Some(title) = &announcement.title_en {
        writer.paragraph(&format!("({title})"));
    }
    for line in &announcement.standfirst {
        writer.item(line);
    }
    writer.heading("Announcement");
    writer.field("id", &announcement.id);
    writer.field("date", &announcement.date);
    if let Some(written) = &announcement.date_as_written {
        writer.field("written", written);
    }
    writer.field(
        "dateline",
        &announcement
            .dateline
            .iter()
            .map(|place| place.as_str())
            .collect::<Vec<_>>()
            .join(" / "),
    );
    writer.field("language", &announcement.language);
    writer.field("kind", &announcement.kind);
    writer.field("duration", announcement.duration.as_deref().unwrap_or(""));
    writer.field("source", &announcement.source);
    sources(writer, &announcement.sources);
    writer.heading("Partners");
    for partner in &announcement.partners {
        let mut line = format!(
            "{} ({}) — {}",
            dataset.institution_name(&partner.institution),
            partner.institution,
            partner.role.as_str()
        );
        if let Some(note) = &partner.note {
            let _ = write!(line, ": {note}");
        }
        writer.item(&line);
    }
    if !announcement.mentions.is_empty() {
        writer.heading("Mentioned");
        for mention in &announcement.mentions {
            let mut line = format!(
                "{} ({})",
                dataset.institution_name(&mention.institution),
                mention.institution
            );
            if let Some(context) = &mention.context {
                let _ = write!(line, ": {context}");
            }
            writer.item(&line);
        }
    }
    writer.heading("Summary");
    writer.paragraph(&announcement.summary);
    if !announcement.objectives.is_empty() {
        writer.heading("Objectives");
        for objective in &announcement.objectives {
            writer.item(objective);
        }
    }
    if !announcement.figures.is_empty() {
        writer.heading("Figures");
        for figure in &announcement.figures {
            writer.item(&format!("{} — {}", figure.as_written, figure.counts));
        }
    }
    if !announcement.events.is_empty() {
        writer.heading("Events");
        for event in &announcement.events {
            writer.item(&event_line(event));
        }
    }
    if !announcement.quotes.is_empty() {
        writer.heading("Quotes");
        for quote in &announcement.quotes {
            writer.item(&format!("“{}”", quote.text));
            for speaker in &quote.speakers {
                let name = dataset
                    .person(&speaker.person)
                    .map_or(speaker.person.as_str(), |person| person.name.as_str());
                writer.paragraph(&format!("  — {name}, {}", speaker.role));
            }
            if let Some(attribution) = &quote.attribution {
                writer.paragraph(&format!("  ({attribution})"));
            }
        }
    }
    if !announcement.press_contacts.is_empty() {
        writer.heading("Press contacts");
        for listing in &announcement.press_contacts {
            let contact = dataset.contact(&listing.contact);
            let name = contact.map_or(listing.contact.as_str(), |contact| contact.name.as_str());
            let organization = contact.map_or("", |contact| contact.organization.as_str());
            writer.item(&format!("{name} ({organization})"));
            for phone in &listing.phones {
                writer.field("phone", phone);
            }
            for email in &listing.emails {
                writer.field("email", email);
            }
        }
    }
    if !announcement.profiles.is_empty() {
        writer.heading("Profiles");
        for profile in &announcement.profiles {
            let about = profile
                .about
                .as_deref()
                .map_or(String::new(), |about| format!(" ({about})"));
            writer.item(&format!(
                "{}{about} — {}",
                dataset.institution_name(&profile.institution),
                profile.context
            ));
            writer.paragraph(&profile.text);
            if !profile.handles.is_empty() {
                let handles: Vec<&str> = profile.handles.iter().map(|h| h.as_str()).collect();
                writer.field("handles", &handles.join(" "));
            }
        }
    }
    if !announcement.links.is_empty() {
        writer.heading("Links");
        for link in &announcement.links {
            writer.item(&format!("{}: {}", link.label, link.url));
        }
    }
}

/// An event in an announcement's list: when, what, where, and whether it was held.
fn event_line(event: &crate::dataset::Event) -> String {
    let mut line = format!("{} — {}", event.when(), event.title);
    if let Some(place) = &event.place {
        let _ = write!(line, ", {place}");
    }
    if let Some(status) = event_status(event) {
        let _ = write!(line, " ({status})");
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

fn institution(writer: &mut Writer, dataset: &Dataset, index: usize) {
    let institution = &dataset.institutions[index];
    writer.heading(&institution.name);
    writer.field("id", &institution.id);
    writer.field("kind", institution.kind.as_str());
    let city = if institution.city.is_empty() {
        "seat not stated"
    } else {
        institution.city.as_str()
    };
    writer.field("city", city);
    writer.field("country", &institution.country);
    if let Some(coordinates) = institution.coordinates {
        writer.field(
            "coordinates",
            &format!("{:.2}, {:.2}", coordinates.lat, coordinates.lon),
        );
    }
    writer.field("website", institution.website.as_deref().unwrap_or(""));
    writer.field("address", institution.address.as_deref().unwrap_or(""));
    writer.field("phone", institution.phone.as_deref().unwrap_or(""));
    if let Some(parent) = &institution.parent {
        writer.field("part of", dataset.institution_name(parent));
    }
    if !institution.other_names.is_empty() {
        writer.field(
            "also",
            &institution
                .other_names
                .iter()
                .map(|name| name.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        );
    }
    sources(writer, &institution.sources);
    writer.heading("Announcements");
    for announcement in dataset.announcements_of(index) {
        let item = &dataset.announcements[announcement];
        let role = item
            .partners
            .iter()
            .find(|partner| partner.institution == institution.id)
            .map_or("mentioned", |partner| partner.role.as_str());
        writer.item(&format!(
            "{} {} ({}) — {role}",
            item.date, item.short_title, item.id
        ));
    }
    let partners = dataset.co_partners(index);
    if !partners.is_empty() {
        writer.heading("Partners across releases");
        for (partner, times) in partners {
            let partner = &dataset.institutions[partner];
            let plural = if times == 1 { "" } else { "s" };
            writer.item(&format!(
                "{} ({}) — {times} time{plural}",
                partner.name, partner.id
            ));
        }
    }
    let people = dataset.people_of(index);
    if !people.is_empty() {
        writer.heading("People");
        for person in people {
            let person = &dataset.people[person];
            for role in person
                .roles
                .iter()
                .filter(|role| role.institution.as_deref() == Some(&institution.id))
            {
                let year = dataset
                    .announcement(&role.announcement)
                    .map_or("", |announcement| &announcement.date[..4]);
                writer.item(&format!("{} — {} ({year})", person.name, role.title));
            }
        }
    }
    let contacts = dataset.contacts_of(index);
    if !contacts.is_empty() {
        writer.heading("Press contacts");
        for contact in contacts {
            let item = &dataset.contacts[contact];
            let releases: Vec<String> = dataset
                .contact_announcements(contact)
                .into_iter()
                .rev()
                .map(|announcement| {
                    let announcement = &dataset.announcements[announcement];
                    format!("{} {}", announcement.date, announcement.id)
                })
                .collect();
            writer.item(&format!(
                "{} ({}, {}) — listed in {}",
                item.name,
                item.organization,
                item.id,
                releases.join(", ")
            ));
            channels(writer, dataset, contact);
        }
    }
    let history = dataset.claim_history(index);
    if !history.is_empty() {
        writer.heading(&format!(
            "History of statements ({} = changed since the release before)",
            crate::dataset::history::CHANGED_MARK
        ));
        for topic in &history {
            writer.paragraph(&topic.label());
            for entry in &topic.entries {
                writer.item(&entry.describe(dataset));
            }
        }
    }
    let mut profiles = dataset.profiles_of(&institution.id).peekable();
    if profiles.peek().is_some() {
        writer.heading("Profile statements by release");
        for (announcement, profile) in profiles {
            writer.item(&format!(
                "{} {} — {}",
                announcement.date, announcement.id, profile.context
            ));
            writer.paragraph(&profile.text);
            if !profile.handles.is_empty() {
                let handles: Vec<&str> = profile.handles.iter().map(|h| h.as_str()).collect();
                writer.field("handles", &handles.join(" "));
            }
        }
    }
}

fn person(writer: &mut Writer, dataset: &Dataset, index: usize) {
    let person = &dataset.people[index];
    writer.heading(&person.name);
    writer.field("id", &person.id);
    writer.field("honorific", person.honorific.as_deref().unwrap_or(""));
    writer.heading("Roles by release");
    for role in &person.roles {
        let date = dataset
            .announcement(&role.announcement)
            .map_or("", |announcement| announcement.date.as_str());
        let institution = role.institution.as_deref().map_or(String::new(), |id| {
            format!(", {}", dataset.institution_name(id))
        });
        let english = role
            .title_en
            .as_deref()
            .map_or(String::new(), |title| format!(" ({title})"));
        writer.item(&format!(
            "{date} {}{english}{institution} — {}",
            role.title, role.announcement
        ));
    }
    let quoted = dataset.quoted_in(&person.id);
    if !quoted.is_empty() {
        writer.heading("Quoted in");
        for announcement in quoted {
            let announcement = &dataset.announcements[announcement];
            writer.item(&format!(
                "{} {} ({})",
                announcement.date, announcement.short_title, announcement.id
            ));
        }
    }
}

fn contact(writer: &mut Writer, dataset: &Dataset, index: usize) {
    let contact = &dataset.contacts[index];
    writer.heading(&contact.name);
    writer.field("id", &contact.id);
    writer.field("organization", &contact.organization);
    writer.field("represents", dataset.institution_name(&contact.represents));
    channels(writer, dataset, index);
    writer.heading("Listed in");
    let mut listings: Vec<_> = dataset.listings_of(index).collect();
    listings.reverse();
    for (announcement, listing) in listings {
        let announcement = &dataset.announcements[announcement];
        writer.item(&format!(
            "{} {} ({})",
            announcement.date, announcement.short_title, announcement.id
        ));
        for phone in &listing.phones {
            writer.field("phone", phone);
        }
        for email in &listing.emails {
            writer.field("email", email);
        }
    }
}

/// A contact's phones and emails, each with the years of the releases that give it,
/// latest first.
fn channels(writer: &mut Writer, dataset: &Dataset, contact: usize) {
    for phone in dataset.channels_of(contact, false) {
        writer.field("phone", &phone.with_releases(dataset));
    }
    for email in dataset.channels_of(contact, true) {
        writer.field("email", &email.with_releases(dataset));
    }
}

fn event(writer: &mut Writer, dataset: &Dataset, announcement: usize, item: usize) {
    let parent = &dataset.announcements[announcement];
    let event = &parent.events[item];
    writer.heading(&event.title);
    writer.field("id", &event.id);
    // The heading is the title: "when" says only when, as Details does.
    writer.field("when", &event.when());
    writer.field("place", event.place.as_deref().unwrap_or(""));
    writer.field("status", event_status(event).unwrap_or(""));
    writer.field("written", event.as_written.as_deref().unwrap_or(""));
    writer.field(
        "announcement",
        &format!("{} ({})", parent.short_title, parent.id),
    );
    sources(writer, &event.sources);
}

/// Where facts not found in the seed texts come from, one line per field.
fn sources(writer: &mut Writer, sources: &crate::dataset::model::Sources) {
    if sources.is_empty() {
        return;
    }
    writer.heading("Sources beyond the seed text");
    for (field, source) in sources {
        writer.item(&format!("{field}: {source}"));
    }
}
