//! Carrying out the command line's subcommands against a dataset. Each gives an
//! [`Outcome`] (what to print where, and the exit code) so `main` stays a thin shell and
//! tests can run commands without a process.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

use crate::cli::{Command, ListFormat, ListKind, ShowFormat};
use crate::dataset::{Dataset, Kind, LoadError, Record};
use crate::output::table::{Table, output_width};
use crate::output::{json, text};
use crate::sanitize::sanitize;
use crate::search::index::SearchIndex;

/// Exit codes, as the README's table gives them.
pub mod exit {
    pub const OK: u8 = 0;
    /// Nothing matched, an unknown id, or (for `check`) problems found.
    pub const NOTHING: u8 = 1;
    /// Usage error, or a dataset missing, unreadable or invalid.
    pub const ERROR: u8 = 2;
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: u8,
}

impl Outcome {
    fn printed(stdout: String, found: bool) -> Outcome {
        Outcome {
            stdout,
            stderr: String::new(),
            code: if found { exit::OK } else { exit::NOTHING },
        }
    }
}

/// Describes a dataset that failed to load: every diagnostic, then a summary.
pub fn describe_load_error(error: &LoadError) -> String {
    match error {
        LoadError::Unreadable { .. } => format!("accords: {}\n", sanitize(&error.to_string())),
        LoadError::Invalid { problems } => {
            let mut out = String::new();
            for problem in problems {
                let _ = writeln!(out, "{}", sanitize(&problem.to_string()));
            }
            let plural = if problems.len() == 1 { "" } else { "s" };
            let _ = writeln!(
                out,
                "accords: {} problem{plural} in the dataset",
                problems.len()
            );
            out
        }
    }
}

/// `check [PATH]`: 0 valid, 1 problems found, 2 path missing or unreadable.
pub fn check(path: Option<&Path>) -> Outcome {
    match Dataset::open(path) {
        Ok(dataset) => {
            let events: usize = dataset
                .announcements
                .iter()
                .map(|announcement| announcement.events.len())
                .sum();
            let name = path.map_or_else(
                || "the embedded dataset".to_owned(),
                |path| path.display().to_string(),
            );
            Outcome {
                stdout: format!(
                    "{}: valid: {} announcements, {} institutions, {} people, {} contacts, {} events\n",
                    sanitize(&name),
                    dataset.announcements.len(),
                    dataset.institutions.len(),
                    dataset.people.len(),
                    dataset.contacts.len(),
                    events
                ),
                ..Outcome::default()
            }
        }
        Err(error) => Outcome {
            stdout: String::new(),
            stderr: describe_load_error(&error),
            code: match error {
                LoadError::Unreadable { .. } => exit::ERROR,
                LoadError::Invalid { .. } => exit::NOTHING,
            },
        },
    }
}

/// Every command but `check`, on a loaded dataset.
pub fn run(dataset: &Dataset, command: &Command) -> Outcome {
    match command {
        Command::List { kind, format } => list(dataset, *kind, *format),
        Command::Show { id, format } => show(dataset, id, *format),
        Command::Contacts { query, format } => contacts(dataset, &query.join(" "), *format),
        Command::Search { query, format } => search(dataset, &query.join(" "), *format),
        Command::Check { path } => check(path.as_deref()),
    }
}

fn records_of(dataset: &Dataset, kind: ListKind) -> Vec<Record> {
    match kind {
        ListKind::Announcements => (0..dataset.announcements.len())
            .map(Record::Announcement)
            .collect(),
        ListKind::Institutions => (0..dataset.institutions.len())
            .map(Record::Institution)
            .collect(),
        ListKind::People => (0..dataset.people.len()).map(Record::Person).collect(),
        ListKind::Contacts => (0..dataset.contacts.len()).map(Record::Contact).collect(),
        ListKind::Events => {
            let mut events: Vec<(usize, usize)> = Vec::new();
            for (announcement, item) in dataset.announcements.iter().enumerate() {
                for event in 0..item.events.len() {
                    events.push((announcement, event));
                }
            }
            events.sort_by_key(|&(announcement, event)| {
                crate::dataset::PartialDate::parse(
                    &dataset.announcements[announcement].events[event].date,
                )
                .map(|date| date.sort_key())
                .ok()
            });
            events
                .into_iter()
                .map(|(announcement, event)| Record::Event(announcement, event))
                .collect()
        }
    }
}

fn list(dataset: &Dataset, kind: ListKind, format: ListFormat) -> Outcome {
    let records = records_of(dataset, kind);
    let found = !records.is_empty();
    match format {
        ListFormat::Json => Outcome::printed(json_list(dataset, &records), found),
        ListFormat::Table => {
            let table = match kind {
                ListKind::Contacts => contacts_table(dataset, &records),
                _ => records_table(dataset, kind, &records),
            };
            Outcome::printed(render(&table), found)
        }
    }
}

fn json_list(dataset: &Dataset, records: &[Record]) -> String {
    let values: Vec<Value> = records
        .iter()
        .map(|&record| json::record(dataset, record))
        .collect();
    json::to_string(&Value::Array(values))
}

fn render(table: &Table) -> String {
    if table.is_empty() {
        String::new()
    } else {
        table.render(output_width())
    }
}

fn records_table(dataset: &Dataset, kind: ListKind, records: &[Record]) -> Table {
    let mut table = match kind {
        ListKind::Announcements => {
            Table::new(vec!["DATE", "ID", "TITLE", "PARTNERS"]).keeping(&[0, 1])
        }
        ListKind::Institutions => Table::new(vec!["ID", "NAME", "CITY", "CC", "ANN"]).keeping(&[0]),
        ListKind::People => Table::new(vec!["ID", "NAME", "LATEST ROLE"]).keeping(&[0, 1]),
        ListKind::Events => Table::new(vec!["DATE", "TITLE", "ANNOUNCEMENT"]).keeping(&[0, 2]),
        ListKind::Contacts => unreachable!("contacts have their own table"),
    };
    for &record in records {
        table.row(record_cells(dataset, record));
    }
    table
}

fn record_cells(dataset: &Dataset, record: Record) -> Vec<String> {
    match record {
        Record::Announcement(index) => {
            let announcement = &dataset.announcements[index];
            vec![
                announcement.date.to_string(),
                announcement.id.to_string(),
                announcement.short_title.to_string(),
                announcement.partners.len().to_string(),
            ]
        }
        Record::Institution(index) => {
            let institution = &dataset.institutions[index];
            vec![
                institution.id.to_string(),
                institution.name.to_string(),
                institution.city.to_string(),
                institution.country.to_string(),
                dataset.announcements_of(index).len().to_string(),
            ]
        }
        Record::Person(index) => {
            let person = &dataset.people[index];
            let latest = person.roles.last().map_or(String::new(), |role| {
                let title = role.title_en.as_deref().unwrap_or(&role.title);
                match &role.institution {
                    Some(institution) => {
                        format!("{title}, {}", dataset.institution_name(institution))
                    }
                    None => title.to_owned(),
                }
            });
            vec![person.id.to_string(), person.name.to_string(), latest]
        }
        Record::Contact(index) => {
            let contact = &dataset.contacts[index];
            vec![
                contact.name.to_string(),
                contact.organization.to_string(),
                dataset.phones_of(index).join(", "),
                dataset.emails_of(index).join(", "),
            ]
        }
        Record::Event(announcement, event) => {
            let parent = &dataset.announcements[announcement];
            let item = &parent.events[event];
            let date = match item.qualifier {
                Some(qualifier) => format!("{} {}", qualifier.as_str(), item.date),
                None => item.date.to_string(),
            };
            vec![date, item.title.to_string(), parent.id.to_string()]
        }
    }
}

/// One contact over several lines, so every phone and email is shown whole at 80
/// columns: the name, then the organisation under it, beside one phone and email a line.
fn contacts_table(dataset: &Dataset, records: &[Record]) -> Table {
    let mut table = Table::new(vec!["NAME / ORGANIZATION", "PHONE", "EMAIL"]);
    for &record in records {
        let Record::Contact(index) = record else {
            continue;
        };
        let contact = &dataset.contacts[index];
        let phones = dataset.phones_of(index);
        let emails = dataset.emails_of(index);
        let lines = phones.len().max(emails.len()).max(2);
        for line in 0..lines {
            let who = match line {
                0 => contact.name.to_string(),
                1 => format!("  {}", contact.organization),
                _ => String::new(),
            };
            let phone = phones
                .get(line)
                .map_or(String::new(), |phone| (*phone).to_owned());
            let email = emails
                .get(line)
                .map_or(String::new(), |email| (*email).to_owned());
            table.row(vec![who, phone, email]);
        }
    }
    table
}

fn show(dataset: &Dataset, id: &str, format: ShowFormat) -> Outcome {
    let Some(record) = dataset.record(id) else {
        let suggestions = dataset.closest_ids(id, 3);
        let hint = if suggestions.is_empty() {
            String::from("; `accords search QUERY` finds records by name")
        } else {
            format!(
                "; did you mean {}?",
                crate::dataset::validate::quote_list(&suggestions)
            )
        };
        return Outcome {
            stdout: String::new(),
            stderr: format!("accords: no record has the id `{}`{hint}\n", sanitize(id)),
            code: exit::NOTHING,
        };
    };
    let stdout = match format {
        ShowFormat::Json => json::to_string(&json::detail(dataset, record)),
        ShowFormat::Text => text::show(dataset, record, output_width()),
    };
    Outcome::printed(stdout, true)
}

fn contacts(dataset: &Dataset, query: &str, format: ListFormat) -> Outcome {
    let index = SearchIndex::build(dataset);
    let records: Vec<Record> = index
        .search(query, &[Kind::Contact])
        .into_iter()
        .map(|hit| index.entries[hit.entry].record)
        .collect();
    let found = !records.is_empty();
    match format {
        ListFormat::Json => Outcome::printed(json_list(dataset, &records), found),
        ListFormat::Table => Outcome::printed(render(&contacts_table(dataset, &records)), found),
    }
}

fn search(dataset: &Dataset, query: &str, format: ListFormat) -> Outcome {
    let index = SearchIndex::build(dataset);
    let kinds = [
        Kind::Announcement,
        Kind::Institution,
        Kind::Person,
        Kind::Contact,
        Kind::Event,
    ];
    let hits = index.search(query, &kinds);
    let found = !hits.is_empty();
    match format {
        ListFormat::Json => {
            let values: Vec<Value> = hits
                .iter()
                .map(|hit| {
                    let entry = &index.entries[hit.entry];
                    serde_json::json!({
                        "kind": entry.record.kind().as_str(),
                        "id": record_id(dataset, entry.record),
                        "label": entry.label,
                        "score": hit.score,
                    })
                })
                .collect();
            Outcome::printed(json::to_string(&Value::Array(values)), found)
        }
        ListFormat::Table => {
            let mut table = Table::new(vec!["KIND", "ID", "LABEL", "SCORE"]).keeping(&[0, 1, 3]);
            for hit in &hits {
                let entry = &index.entries[hit.entry];
                table.row(vec![
                    entry.record.kind().as_str().to_owned(),
                    record_id(dataset, entry.record).to_owned(),
                    entry.label.clone(),
                    hit.score.to_string(),
                ]);
            }
            Outcome::printed(render(&table), found)
        }
    }
}

/// The id of any record.
pub fn record_id(dataset: &Dataset, record: Record) -> &str {
    match record {
        Record::Announcement(index) => &dataset.announcements[index].id,
        Record::Institution(index) => &dataset.institutions[index].id,
        Record::Person(index) => &dataset.people[index].id,
        Record::Contact(index) => &dataset.contacts[index].id,
        Record::Event(announcement, event) => &dataset.announcements[announcement].events[event].id,
    }
}
