//! The JSON shapes scripts rely on. Field names here are a contract (see the README):
//! more may be added, none renamed. Each function gives one record as a JSON value.

use serde_json::{Value, json};

use crate::dataset::{Dataset, Record};

pub(crate) fn announcement(dataset: &Dataset, index: usize) -> Value {
    let announcement = &dataset.announcements[index];
    json!({
        "id": announcement.id,
        "date": announcement.date,
        "title": announcement.title,
        "title_en": announcement.title_en,
        "short_title": announcement.short_title,
        "language": announcement.language,
        "kind": announcement.kind,
        "duration": announcement.duration,
        "dateline": announcement.dateline,
        "partners": announcement.partners.iter().map(|partner| partner.institution.as_str()).collect::<Vec<_>>(),
        "partner_roles": announcement.partners.iter().map(|partner| json!({
            "institution": partner.institution,
            "role": partner.role.as_str(),
        })).collect::<Vec<_>>(),
        "events": announcement.events.iter().map(|event| event.id.as_str()).collect::<Vec<_>>(),
        "source": announcement.source,
    })
}

pub(crate) fn institution(dataset: &Dataset, index: usize) -> Value {
    let institution = &dataset.institutions[index];
    let ids = |announcements: &[usize]| -> Vec<&str> {
        announcements
            .iter()
            .map(|&announcement| dataset.announcements[announcement].id.as_str())
            .collect()
    };
    json!({
        "id": institution.id,
        "name": institution.name,
        "other_names": institution.other_names,
        "kind": institution.kind.as_str(),
        // A network whose release states no seat has no city.
        "city": (!institution.city.is_empty()).then_some(&institution.city),
        "country": institution.country,
        "coordinates": institution.coordinates,
        "website": institution.website,
        "announcements": ids(&dataset.announcements_of(index)),
        "partner_in": ids(dataset.partnered_in(index)),
        "mentioned_in": ids(dataset.mentioned_in(index)),
    })
}

pub(crate) fn person(dataset: &Dataset, index: usize) -> Value {
    let person = &dataset.people[index];
    json!({
        "id": person.id,
        "name": person.name,
        "honorific": person.honorific,
        "roles": person.roles.iter().map(|role| json!({
            "title": role.title,
            "title_en": role.title_en,
            "institution": role.institution,
            "announcement": role.announcement,
        })).collect::<Vec<_>>(),
    })
}

pub(crate) fn contact(dataset: &Dataset, index: usize) -> Value {
    let contact = &dataset.contacts[index];
    let announcements: Vec<&str> = dataset
        .contact_announcements(index)
        .into_iter()
        .map(|announcement| dataset.announcements[announcement].id.as_str())
        .collect();
    json!({
        "id": contact.id,
        "name": contact.name,
        "organization": contact.organization,
        "represents": contact.represents,
        "phones": dataset.phones_of(index),
        "emails": dataset.emails_of(index),
        "announcements": announcements,
        "listings": dataset.listings_of(index).map(|(announcement, listing)| json!({
            "announcement": dataset.announcements[announcement].id,
            "heading": listing.heading,
            "phones": listing.phones,
            "emails": listing.emails,
        })).collect::<Vec<_>>(),
    })
}

pub(crate) fn event(dataset: &Dataset, announcement: usize, event: usize) -> Value {
    let parent = &dataset.announcements[announcement];
    let item = &parent.events[event];
    json!({
        "id": item.id,
        "date": item.date,
        "qualifier": item.qualifier.map(|qualifier| qualifier.as_str()),
        "status": item.status,
        "title": item.title,
        "place": item.place,
        "announcement": parent.id,
    })
}

/// The summary shape of any record, as `list` prints it.
pub(crate) fn record(dataset: &Dataset, record: Record) -> Value {
    match record {
        Record::Announcement(index) => announcement(dataset, index),
        Record::Institution(index) => institution(dataset, index),
        Record::Person(index) => person(dataset, index),
        Record::Contact(index) => contact(dataset, index),
        Record::Event(announcement, item) => event(dataset, announcement, item),
    }
}

/// Everything known about a record, as `show --format json` prints it: the record as
/// curated, plus what other records say about it.
pub(crate) fn detail(dataset: &Dataset, record: Record) -> Value {
    let mut value = match record {
        Record::Announcement(index) => {
            serde_json::to_value(&dataset.announcements[index]).unwrap_or(Value::Null)
        }
        Record::Institution(index) => {
            let mut value =
                serde_json::to_value(&dataset.institutions[index]).unwrap_or(Value::Null);
            let summary = institution(dataset, index);
            merge(&mut value, summary);
            value["partners"] = dataset
                .co_partners(index)
                .into_iter()
                .map(|(partner, times)| json!({"institution": dataset.institutions[partner].id, "times": times}))
                .collect();
            value["people"] = dataset
                .people_of(index)
                .into_iter()
                .map(|person| Value::from(dataset.people[person].id.as_str()))
                .collect();
            value["profiles"] = profiles_of(dataset, &dataset.institutions[index].id);
            value["history"] = history_of(dataset, index);
            value
        }
        Record::Person(index) => {
            let mut value = serde_json::to_value(&dataset.people[index]).unwrap_or(Value::Null);
            let quoted: Vec<&str> = dataset
                .quoted_in(&dataset.people[index].id)
                .into_iter()
                .map(|announcement| dataset.announcements[announcement].id.as_str())
                .collect();
            value["quoted_in"] = json!(quoted);
            value
        }
        Record::Contact(index) => contact(dataset, index),
        Record::Event(announcement, item) => {
            let mut value = serde_json::to_value(&dataset.announcements[announcement].events[item])
                .unwrap_or(Value::Null);
            value["announcement"] = json!(dataset.announcements[announcement].id);
            value
        }
    };
    // `kind` is the record's own field (an agreement's kind, an institution's kind).
    value["record"] = json!(record.kind().as_str());
    value
}

/// The institution's chains of statements, each with the name it is about, if any.
fn history_of(dataset: &Dataset, institution: usize) -> Value {
    dataset
        .claim_history(institution)
        .into_iter()
        .map(|topic| {
            json!({
                "topic": topic.topic,
                "about": topic.about,
                "entries": topic.entries.iter().map(|entry| json!({
                    "announcement": dataset.announcements[entry.announcement].id,
                    "value": entry.value,
                    "as_written": entry.as_written,
                    "context": entry.context,
                    "source": entry.source,
                    "undated": entry.undated,
                    "changed": entry.changed,
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn profiles_of(dataset: &Dataset, institution: &str) -> Value {
    dataset
        .profiles_of(institution)
        .map(|(announcement, profile)| {
            let mut value = serde_json::to_value(profile).unwrap_or(Value::Null);
            value["announcement"] = json!(announcement.id);
            value["date"] = json!(announcement.date);
            value
        })
        .collect()
}

fn merge(target: &mut Value, extra: Value) {
    if let (Value::Object(target), Value::Object(extra)) = (target, extra) {
        for (key, value) in extra {
            target.entry(key).or_insert(value);
        }
    }
}

/// Pretty JSON followed by a newline. serde_json escapes only U+0000–U+001F; C1 controls
/// and bidirectional overrides, which some terminals act on, are escaped here too, so JSON
/// printed to a terminal is as safe as a table.
pub(crate) fn to_string(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".to_owned());
    let mut safe = String::with_capacity(text.len() + 1);
    for character in text.chars() {
        // serde_json has escaped C0 already, and outside strings pretty JSON holds only
        // ASCII punctuation and whitespace, so what is left can only be inside a string.
        if u32::from(character) >= 0x7F && crate::sanitize::needs_placeholder(character) {
            safe.push_str(&format!("\\u{:04x}", character as u32));
        } else {
            safe.push(character);
        }
    }
    safe.push('\n');
    safe
}
