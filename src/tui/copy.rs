//! The copy menu's choices for a record, lazygit-style: one key per choice. The choices
//! come from the one description of each record (`crate::describe`), of which this is a
//! sink. Only `http` and
//! `https` links are offered, so a hostile `javascript:` or `file:` link is never acted on.

use crate::dataset::{Dataset, Record};
use crate::describe::{PassageSpot, Sink, Tone};
use crate::sanitize::for_clipboard;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyItem {
    pub key: char,
    /// What the status line says was sent.
    pub label: String,
    /// What is sent: the dataset's text without control characters (see
    /// [`for_clipboard`]).
    pub text: String,
}

const KEYS: &str = "123456789abcdefhijklmnoprstuvwxz";

/// True for links that may be copied or opened: `http://` or `https://` and nothing odd.
pub(crate) fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url
            .chars()
            .any(|character| character.is_control() || character.is_whitespace())
}

/// The copy menu with a web address selected in Details: that address first, then the
/// record's other choices. Only an `http` or `https` address is offered.
pub(crate) fn with_link_first(dataset: &Dataset, record: Record, url: &str) -> Vec<CopyItem> {
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
        .map(|((label, text), key)| CopyItem {
            key,
            label,
            text: for_clipboard(&text).into_owned(),
        })
        .collect()
}

/// Each choice's label and the text it copies, in the menu's order.
fn choices_of(dataset: &Dataset, record: Record) -> Vec<(String, String)> {
    let mut sink = Choices {
        record: Some(record),
        ..Choices::default()
    };
    crate::describe::describe(dataset, record, &mut sink);
    sink.into_choices()
}

/// The copy menu's sink of a record's description: it keeps what a person pastes
/// elsewhere (emails, phones, names, dates, web links, quotes, ids) and skips the rest.
#[derive(Default)]
struct Choices {
    record: Option<Record>,
    title: Option<String>,
    subtitle: Option<String>,
    organization: Option<String>,
    emails: Vec<(String, String)>,
    phones: Vec<(String, String)>,
    dates: Vec<(String, String)>,
    links: Vec<(String, String)>,
    quotes: Vec<(String, String)>,
    ids: Vec<(String, String)>,
}

impl Choices {
    fn into_choices(self) -> Vec<(String, String)> {
        let mut choices: Vec<(String, String)> = Vec::new();
        // Emails and phones first, latest release first, as the walk gives them.
        choices.extend(self.emails.iter().cloned());
        choices.extend(self.phones.iter().cloned());
        let is_contact = matches!(self.record, Some(Record::Contact(_)));
        if is_contact {
            let name = self.title.clone().unwrap_or_default();
            let mut whole = format!("{name}\n{}\n", self.organization.unwrap_or_default());
            for (_, phone) in &self.phones {
                whole.push_str(&format!("tel: {phone}\n"));
            }
            for (_, email) in &self.emails {
                whole.push_str(&format!("email: {email}\n"));
            }
            choices.push((format!("contact {name} as text"), whole));
        } else if let Some(title) = self.title {
            let label = match self.record {
                Some(Record::Institution(_) | Record::Person(_)) => format!("name {title}"),
                _ => "title".to_owned(),
            };
            choices.push((label, title));
        }
        if let Some(title) = self.subtitle {
            choices.push(("English title".to_owned(), title));
        }
        choices.extend(self.dates);
        choices.extend(self.links);
        choices.extend(self.quotes);
        if !is_contact {
            choices.extend(self.ids);
        }
        choices
    }
}

impl Sink for Choices {
    fn title(&mut self, text: &str) {
        self.title = Some(text.to_owned());
    }

    fn subtitle(&mut self, text: &str) {
        self.subtitle = Some(text.to_owned());
    }

    fn gap(&mut self) {}

    fn heading(&mut self, _text: &str) {}

    fn field(&mut self, label: &str, value: &str) {
        match label {
            "date" | "when" => self.dates.push((format!("date {value}"), value.to_owned())),
            "id" => self.ids.push((format!("id {value}"), value.to_owned())),
            "org" => self.organization = Some(value.to_owned()),
            _ => {}
        }
    }

    fn channel(&mut self, label: &str, value: &str, releases: &str) {
        let choice = (format!("{label} {value} ({releases})"), value.to_owned());
        match label {
            "email" => self.emails.push(choice),
            "phone" => self.phones.push(choice),
            _ => {}
        }
    }

    fn item(&mut self, _text: &str) {}

    fn paragraph(&mut self, _text: &str, _tone: Tone) {}

    fn fact(&mut self, _text: &str, _passage: Option<PassageSpot>) {}

    fn link(&mut self, _text: &str, _target: Record, _passage: Option<PassageSpot>) {}

    /// Only `http` and `https` addresses are offered.
    fn url(&mut self, label: &str, url: &str, _position: usize) {
        if is_web_link(url) {
            let label = if label == "website" {
                format!("website {url}")
            } else {
                format!("link {label}")
            };
            self.links.push((label, url.to_owned()));
        }
    }

    /// A quote is copied whole, with who says it and where.
    fn quote(
        &mut self,
        dataset: &Dataset,
        announcement: usize,
        quote: &crate::dataset::model::Quote,
        _passage: Option<PassageSpot>,
    ) {
        let announcement = &dataset.announcements[announcement];
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
        self.quotes.push((
            format!(
                "quote by {}",
                first.map_or("?", |person| person.name.as_str())
            ),
            text,
        ));
    }
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
