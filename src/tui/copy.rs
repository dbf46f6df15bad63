//! The copy menu's choices for a record, lazygit-style: one key per choice. Only `http` and
//! `https` links are offered, so a hostile `javascript:` or `file:` link is never acted on.

use crate::dataset::{Dataset, Record};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyItem {
    pub key: char,
    /// What the status line says was sent.
    pub label: String,
    pub text: String,
}

const KEYS: &str = "123456789abcdefhijklmnoprstuvwxz";

/// True for links that may be copied or opened: `http://` or `https://` and nothing odd.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url
            .chars()
            .any(|character| character.is_control() || character.is_whitespace())
}

/// The copy menu with a web address selected in Details: that address first, then the
/// record's other choices. Only an `http` or `https` address is offered.
pub fn with_link_first(dataset: &Dataset, record: Record, url: &str) -> Vec<CopyItem> {
    let mut choices: Vec<(String, String)> = Vec::new();
    if is_web_link(url) {
        choices.push((format!("link {url}"), url.to_owned()));
    }
    choices.extend(
        choices_of(dataset, record)
            .into_iter()
            .filter(|(_, text)| text != url),
    );
    keyed(choices)
}

pub fn copy_items(dataset: &Dataset, record: Record) -> Vec<CopyItem> {
    keyed(choices_of(dataset, record))
}

fn keyed(choices: Vec<(String, String)>) -> Vec<CopyItem> {
    choices
        .into_iter()
        .zip(KEYS.chars())
        .map(|((label, text), key)| CopyItem { key, label, text })
        .collect()
}

/// Each choice's label and the text it copies.
fn choices_of(dataset: &Dataset, record: Record) -> Vec<(String, String)> {
    let mut choices: Vec<(String, String)> = Vec::new();
    match record {
        Record::Contact(index) => {
            let contact = &dataset.contacts[index];
            // Latest release first: the newest address is the one to try first.
            let emails = dataset.channels_of(index, true);
            let phones = dataset.channels_of(index, false);
            for email in &emails {
                choices.push((
                    format!("email {}", email.with_releases(dataset)),
                    email.value.to_owned(),
                ));
            }
            for phone in &phones {
                choices.push((
                    format!("phone {}", phone.with_releases(dataset)),
                    phone.value.to_owned(),
                ));
            }
            let mut whole = format!("{}\n{}\n", contact.name, contact.organization);
            for phone in &phones {
                whole.push_str(&format!("tel: {}\n", phone.value));
            }
            for email in &emails {
                whole.push_str(&format!("email: {}\n", email.value));
            }
            choices.push((format!("contact {} as text", contact.name), whole));
        }
        Record::Announcement(index) => {
            let announcement = &dataset.announcements[index];
            choices.push(("title".to_owned(), announcement.title.to_string()));
            if let Some(title) = &announcement.title_en {
                choices.push(("English title".to_owned(), title.to_string()));
            }
            choices.push((
                format!("date {}", announcement.date),
                announcement.date.to_string(),
            ));
            for link in announcement
                .links
                .iter()
                .filter(|link| is_web_link(&link.url))
            {
                choices.push((format!("link {}", link.label), link.url.to_string()));
            }
            for quote in &announcement.quotes {
                let speakers: Vec<String> = quote
                    .speakers
                    .iter()
                    .map(|speaker| {
                        let name = dataset
                            .person(&speaker.person)
                            .map_or(speaker.person.as_str(), |person| person.name.as_str());
                        format!("{name}, {}", speaker.role)
                    })
                    .collect();
                let text = format!(
                    "“{}” — {} ({}, {})",
                    quote.text,
                    speakers.join("; "),
                    announcement.short_title,
                    announcement.date
                );
                let first = quote
                    .speakers
                    .first()
                    .and_then(|speaker| dataset.person(&speaker.person));
                choices.push((
                    format!(
                        "quote by {}",
                        first.map_or("?", |person| person.name.as_str())
                    ),
                    text,
                ));
            }
            choices.push((
                format!("id {}", announcement.id),
                announcement.id.to_string(),
            ));
        }
        Record::Institution(index) => {
            let institution = &dataset.institutions[index];
            choices.push((
                format!("name {}", institution.name),
                institution.name.to_string(),
            ));
            if let Some(website) = institution
                .website
                .as_deref()
                .filter(|website| is_web_link(website))
            {
                choices.push((format!("website {website}"), website.to_owned()));
            }
            choices.push((format!("id {}", institution.id), institution.id.to_string()));
        }
        Record::Person(index) => {
            let person = &dataset.people[index];
            choices.push((format!("name {}", person.name), person.name.to_string()));
            choices.push((format!("id {}", person.id), person.id.to_string()));
        }
        Record::Event(announcement, event) => {
            let event = &dataset.announcements[announcement].events[event];
            choices.push(("title".to_owned(), event.title.to_string()));
            choices.push((format!("date {}", event.date), event.date.to_string()));
        }
    }
    choices
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_may_be_acted_on() {
        assert!(is_web_link("https://www.gustaveroussy.fr/"));
        assert!(is_web_link("http://example.org"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("file:///etc/passwd"));
        assert!(!is_web_link("--help"));
        assert!(!is_web_link("https://a.example/\u{1b}]52;c;x\u{7}"));
    }
}
