//! Carrying out the command line's subcommands. Each gives what it prints ([`Printed`]) or
//! why it could not ([`CommandError`]); the binary decides what that means on stderr and
//! as an exit code, and tests run commands without a process.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

use crate::cli::{ListFormat, ListKind, ShowFormat};
use crate::config::{ConfigError, ThemeName};
use crate::dataset::{Dataset, Diagnostic, Kind, LoadError, Record};
use crate::output::table::{Table, output_width};
use crate::output::{csv, json, source, text, vcard};
use crate::sanitize::sanitize;
use crate::search::index::SearchIndex;

/// What a command writes on standard output, and whether it found what was asked.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Printed {
    pub stdout: String,
    /// Why nothing was found, when nothing was. What was printed (a header, JSON's `[]`)
    /// is still written.
    pub nothing: Option<Nothing>,
}

impl Printed {
    fn found(stdout: String) -> Printed {
        Printed {
            stdout,
            nothing: None,
        }
    }

    fn unless_empty(stdout: String, found: bool, nothing: impl FnOnce() -> Nothing) -> Printed {
        Printed {
            stdout,
            nothing: (!found).then(nothing),
        }
    }
}

/// Why a command found nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Nothing {
    #[error("the dataset has no {0}")]
    Empty(&'static str),
    /// With the closest word of the dataset to a term that matches nothing, if there is one.
    #[error("no {what} matches `{query}`{}", suggestion.as_ref().map(|word| format!("; did you mean `{word}`?")).unwrap_or_default())]
    NoMatch {
        what: &'static str,
        query: String,
        suggestion: Option<String>,
    },
}

/// Why a command could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    /// The dataset is missing, unreadable or invalid.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// `check` read the dataset and found these problems.
    #[error("{} problem(s) in the dataset", problems.len())]
    Problems { problems: Vec<Diagnostic> },
    #[error(transparent)]
    Settings(#[from] ConfigError),
    /// `--format vcard` asked of anything but contacts.
    #[error(
        "--format vcard is only for contacts, not {0}; use `accords contacts [QUERY] --format vcard` or `accords list contacts --format vcard`"
    )]
    VcardIsForContacts(&'static str),
    #[error("`{id}` is {} {}; `source` takes an announcement id (`accords list announcements`)", article(*kind), kind.as_str())]
    NotAnAnnouncement { id: String, kind: Kind },
    /// An id that names no record, with the nearest ids.
    #[error("no record has the id `{id}`{}", unknown_id_hint(suggestions))]
    UnknownId {
        id: String,
        suggestions: Vec<String>,
    },
    #[error("no source text in this dataset (it has no sources/ folder beside its YAML files)")]
    NoSource,
    #[error("could not write the manual page: {0}")]
    Manual(std::io::Error),
}

fn article(kind: Kind) -> &'static str {
    match kind {
        Kind::Institution | Kind::Announcement | Kind::Event => "an",
        Kind::Person | Kind::Contact => "a",
    }
}

fn unknown_id_hint(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::from("; `accords search QUERY` finds records by name")
    } else {
        let suggestions: Vec<&str> = suggestions.iter().map(String::as_str).collect();
        format!(
            "; did you mean {}?",
            crate::dataset::validate::quote_list(&suggestions)
        )
    }
}

/// Nothing matches `query`, with the closest word of the dataset to a term that matches
/// nothing, if there is one.
fn nothing_matches(index: &SearchIndex, what: &'static str, query: &str) -> Nothing {
    Nothing::NoMatch {
        what,
        query: query.to_owned(),
        suggestion: crate::search::suggest::suggest(index, &crate::search::parse(query))
            .map(|suggestion| suggestion.word.to_string()),
    }
}

/// `check [PATH]`: the dataset's counts when it is valid.
pub fn check(path: Option<&Path>) -> Result<Printed, CommandError> {
    match Dataset::check(path) {
        Ok(counts) => {
            let name = path.map_or_else(
                || "the embedded dataset".to_owned(),
                |path| path.display().to_string(),
            );
            Ok(Printed::found(format!(
                "{}: valid: {} announcements, {} institutions, {} people, {} contacts, {} events\n",
                sanitize(&name),
                counts.announcements,
                counts.institutions,
                counts.people,
                counts.contacts,
                counts.events
            )))
        }
        Err(LoadError::Invalid { problems }) => Err(CommandError::Problems { problems }),
        Err(error) => Err(error.into()),
    }
}

/// `config [--default]`: the default settings file, or the settings in force written as
/// one (which reads back as them).
pub fn config(
    explicit: Option<&Path>,
    command_line_theme: Option<ThemeName>,
    default: bool,
) -> Result<Printed, CommandError> {
    if default {
        return Ok(Printed::found(crate::config::default_file()));
    }
    let settings = crate::config::settings(explicit, command_line_theme)?;
    Ok(Printed::found(crate::config::in_force_file(&settings)))
}

/// `completions SHELL`: a completion script for the shell, generated from the clap
/// definition, so it always knows every subcommand, option and value.
pub fn completions(shell: clap_complete::Shell) -> Printed {
    use clap::CommandFactory;
    let mut command = crate::cli::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "accords", &mut script);
    Printed::found(String::from_utf8_lossy(&script).into_owned())
}

/// `man`: the manual page in roff, generated from the clap definition.
pub fn man() -> Result<Printed, CommandError> {
    manual_page()
        .map(Printed::found)
        .map_err(CommandError::Manual)
}

/// One page for the whole program: clap_mangen's page for `accords`, whose SUBCOMMANDS
/// section would point to a page per subcommand (`accords-list(1)`), with a COMMANDS
/// section (before EXTRA, the exit codes) holding those pages' description, synopsis and
/// options instead.
fn manual_page() -> std::io::Result<String> {
    use clap::CommandFactory;
    let mut command = crate::cli::Cli::command();
    command.build();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page)?;
    let mut page = String::from_utf8_lossy(&page).into_owned();
    for subcommand in command.get_subcommands() {
        let name = subcommand.get_name();
        page = page.replace(
            &format!("accords\\-{name}(1)"),
            &format!("\\fBaccords {name}\\fR"),
        );
    }
    let mut commands = String::from(".SH COMMANDS\n");
    for subcommand in command
        .get_subcommands()
        .filter(|subcommand| subcommand.get_name() != "help")
    {
        let man = clap_mangen::Man::new(subcommand.clone());
        let mut parts = Vec::new();
        man.render_description_section(&mut parts)?;
        parts.extend_from_slice(b".PP\n");
        man.render_synopsis_section(&mut parts)?;
        man.render_options_section(&mut parts)?;
        let _ = writeln!(commands, ".SS \"accords {}\"", subcommand.get_name());
        // Each part starts with roff's apostrophe preamble (defined once, at the top of the
        // page) and its own section heading; the subsection heading above replaces both.
        for line in String::from_utf8_lossy(&parts).lines() {
            if line.starts_with(".SH ")
                || line.starts_with(".ie \\n(.g")
                || line.starts_with(".el .ds Aq")
            {
                continue;
            }
            commands.push_str(line);
            commands.push('\n');
        }
    }
    let at = [".SH EXTRA\n", ".SH VERSION\n"]
        .iter()
        .find_map(|heading| page.find(heading))
        .unwrap_or(page.len());
    page.insert_str(at, &commands);
    Ok(page)
}

/// The contacts among these records, as indexes, in the records' order.
fn contact_indexes(records: &[Record]) -> Vec<usize> {
    records
        .iter()
        .filter_map(|record| match record {
            Record::Contact(index) => Some(*index),
            _ => None,
        })
        .collect()
}

fn records_of(dataset: &Dataset, kind: ListKind) -> Vec<Record> {
    let wanted = match kind {
        ListKind::Announcements => Kind::Announcement,
        ListKind::Institutions => Kind::Institution,
        ListKind::People => Kind::Person,
        ListKind::Contacts => Kind::Contact,
        ListKind::Events => Kind::Event,
    };
    let mut records: Vec<Record> = dataset
        .records()
        .map(|walked| walked.record)
        .filter(|record| record.kind() == wanted)
        .collect();
    if kind == ListKind::Events {
        // Events walk in announcement order; the list reads in the events' own date order.
        records.sort_by_key(|record| match *record {
            Record::Event(announcement, event) => dataset.announcements[announcement].events[event]
                .date
                .sort_key(),
            _ => None,
        });
    }
    records
}

/// `list KIND`: every record of one kind.
pub fn list(
    dataset: &Dataset,
    kind: ListKind,
    format: ListFormat,
) -> Result<Printed, CommandError> {
    let records = records_of(dataset, kind);
    let stdout = match format {
        ListFormat::Json => json_list(dataset, &records),
        ListFormat::Table => {
            let table = match kind {
                ListKind::Contacts => contacts_table(dataset, &records),
                ListKind::Events => events_table(dataset, &records, output_width()),
                _ => records_table(dataset, kind, &records),
            };
            render(&table)
        }
        ListFormat::Csv => records_csv(dataset, kind, &records),
        ListFormat::Vcard => match kind {
            ListKind::Contacts => vcard::cards(dataset, &contact_indexes(&records)),
            _ => return Err(CommandError::VcardIsForContacts(kind_name(kind))),
        },
    };
    Ok(Printed::unless_empty(stdout, !records.is_empty(), || {
        Nothing::Empty(kind_name(kind))
    }))
}

fn kind_name(kind: ListKind) -> &'static str {
    match kind {
        ListKind::Announcements => "announcements",
        ListKind::Institutions => "institutions",
        ListKind::People => "people",
        ListKind::Contacts => "contacts",
        ListKind::Events => "events",
    }
}

/// The columns of each kind's table, as CSV headers: the same columns, named for scripts.
/// `partners` and `announcements` are counts, as in the table.
fn csv_headers(kind: ListKind) -> &'static [&'static str] {
    match kind {
        ListKind::Announcements => &["date", "id", "title", "partners"],
        ListKind::Institutions => &["id", "name", "city", "country", "announcements"],
        ListKind::People => &["id", "name", "latest_role"],
        ListKind::Contacts => &["name", "organization", "phones", "emails"],
        // `id` came last, after scripts had read the first three: appended, never inserted.
        ListKind::Events => &["date", "title", "announcement", "id"],
    }
}

fn records_csv(dataset: &Dataset, kind: ListKind, records: &[Record]) -> String {
    csv::document(
        csv_headers(kind),
        records
            .iter()
            .map(|&record| record_cells(dataset, record, csv::LIST_SEPARATOR)),
    )
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

/// Events with their ids whole. An event's id is long (its announcement's, then a slug), so
/// where the columns leave a title fewer than 24 cells, each event takes three lines instead:
/// its id, its title wrapped, its announcement.
fn events_table(dataset: &Dataset, records: &[Record], width: usize) -> Table {
    let columns = records_table(dataset, ListKind::Events, records);
    if columns.fits(width, 24) {
        return columns;
    }
    let mut table = Table::new(vec!["DATE", "ID / TITLE / ANNOUNCEMENT"]).keeping(&[0]);
    for &record in records {
        let cells = record_cells(dataset, record, ", ");
        let [date, title, announcement, id] = <[String; 4]>::try_from(cells)
            .unwrap_or_else(|_| unreachable!("an event has four cells"));
        table.row(vec![date, id]);
        table.row(vec![String::new(), format!("  {title}")]);
        table.row(vec![String::new(), format!("  in {announcement}")]);
    }
    table
}

fn records_table(dataset: &Dataset, kind: ListKind, records: &[Record]) -> Table {
    let mut table = match kind {
        ListKind::Announcements => {
            Table::new(vec!["DATE", "ID", "TITLE", "PARTNERS"]).keeping(&[0, 1, 3])
        }
        ListKind::Institutions => {
            Table::new(vec!["ID", "NAME", "CITY", "CC", "ANN"]).keeping(&[0, 3, 4])
        }
        ListKind::People => Table::new(vec!["ID", "NAME", "LATEST ROLE"]).keeping(&[0]),
        ListKind::Events => {
            Table::new(vec!["DATE", "TITLE", "ANNOUNCEMENT", "ID"]).keeping(&[0, 2, 3])
        }
        ListKind::Contacts => unreachable!("contacts have their own table"),
    };
    for &record in records {
        table.row(record_cells(dataset, record, ", "));
    }
    table
}

/// A record's cells, as its kind's table and CSV show them; `join` joins lists in a cell.
fn record_cells(dataset: &Dataset, record: Record, join: &str) -> Vec<String> {
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
                dataset.phones_of(index).join(join),
                dataset.emails_of(index).join(join),
            ]
        }
        Record::Event(announcement, event) => {
            let parent = &dataset.announcements[announcement];
            let item = &parent.events[event];
            vec![
                item.when(),
                item.title.to_string(),
                parent.id.to_string(),
                item.id.to_string(),
            ]
        }
    }
}

/// One contact over several lines, so every phone and email is whole: the name, then the
/// organisation under it, beside one phone or email a line with the years of the releases
/// that give it, latest first.
fn contacts_table(dataset: &Dataset, records: &[Record]) -> Table {
    let mut table =
        Table::new(vec!["NAME / ORGANIZATION", "PHONE / EMAIL", "FROM"]).keeping(&[1, 2]);
    for &record in records {
        let Record::Contact(index) = record else {
            continue;
        };
        let contact = &dataset.contacts[index];
        let channels: Vec<_> = dataset
            .channels_of(index, false)
            .into_iter()
            .chain(dataset.channels_of(index, true))
            .collect();
        let lines = channels.len().max(2);
        for line in 0..lines {
            let who = match line {
                0 => contact.name.to_string(),
                1 => format!("  {}", contact.organization),
                _ => String::new(),
            };
            let (value, from) = channels.get(line).map_or_else(Default::default, |channel| {
                (channel.value.to_owned(), channel.years(dataset))
            });
            table.row(vec![who, value, from]);
        }
    }
    table
}

/// `source ID`: the release of an announcement with its passages marked, or as JSON.
pub fn release_source(
    dataset: &Dataset,
    id: &str,
    format: ShowFormat,
    marking: source::Marking,
) -> Result<Printed, CommandError> {
    let announcement = match dataset.record(id) {
        Some(Record::Announcement(index)) => index,
        Some(record) => {
            return Err(CommandError::NotAnAnnouncement {
                id: id.to_owned(),
                kind: record.kind(),
            });
        }
        None => return Err(unknown_id(dataset, id)),
    };
    let printed = match format {
        ShowFormat::Json => {
            source::json(dataset, announcement).map(|value| json::to_string(&value))
        }
        ShowFormat::Text => source::marked_text(dataset, announcement, marking),
    };
    printed.map(Printed::found).ok_or(CommandError::NoSource)
}

/// An id that names no record, with the nearest ids as suggestions.
fn unknown_id(dataset: &Dataset, id: &str) -> CommandError {
    CommandError::UnknownId {
        id: id.to_owned(),
        suggestions: dataset
            .closest_ids(id, 3)
            .into_iter()
            .map(ToOwned::to_owned)
            .collect(),
    }
}

/// `show ID`: everything known about one record.
pub fn show(dataset: &Dataset, id: &str, format: ShowFormat) -> Result<Printed, CommandError> {
    let record = dataset.record(id).ok_or_else(|| unknown_id(dataset, id))?;
    Ok(Printed::found(match format {
        ShowFormat::Json => json::to_string(&json::detail(dataset, record)),
        ShowFormat::Text => text::show(dataset, record, output_width()),
    }))
}

/// `contacts [QUERY]`: the press contacts the query finds.
pub fn contacts(
    dataset: &Dataset,
    query: &str,
    format: ListFormat,
) -> Result<Printed, CommandError> {
    let index = SearchIndex::build(dataset);
    let records: Vec<Record> = index
        .search(query, &[Kind::Contact])
        .into_iter()
        .map(|hit| index.entries[hit.entry].record)
        .collect();
    let stdout = match format {
        ListFormat::Json => json_list(dataset, &records),
        ListFormat::Table => render(&contacts_table(dataset, &records)),
        ListFormat::Csv => records_csv(dataset, ListKind::Contacts, &records),
        ListFormat::Vcard => vcard::cards(dataset, &contact_indexes(&records)),
    };
    Ok(Printed::unless_empty(stdout, !records.is_empty(), || {
        nothing_matches(&index, "contact", query)
    }))
}

/// `search QUERY`: every kind of record, best match first.
pub fn search(dataset: &Dataset, query: &str, format: ListFormat) -> Result<Printed, CommandError> {
    if format == ListFormat::Vcard {
        return Err(CommandError::VcardIsForContacts("search results"));
    }
    let index = SearchIndex::build(dataset);
    let kinds = [
        Kind::Announcement,
        Kind::Institution,
        Kind::Person,
        Kind::Contact,
        Kind::Event,
    ];
    let hits = index.search(query, &kinds);
    let stdout = match format {
        ListFormat::Json => {
            let values: Vec<Value> = hits
                .iter()
                .map(|hit| {
                    let entry = &index.entries[hit.entry];
                    serde_json::json!({
                        "kind": entry.record.kind().as_str(),
                        "id": dataset.record_id(entry.record),
                        "label": entry.label.as_str(),
                        "score": hit.score,
                    })
                })
                .collect();
            json::to_string(&Value::Array(values))
        }
        ListFormat::Table => {
            let mut table = Table::new(vec!["KIND", "ID", "LABEL", "SCORE"]).keeping(&[0, 1, 3]);
            for hit in &hits {
                let entry = &index.entries[hit.entry];
                table.row(vec![
                    entry.record.kind().as_str().to_owned(),
                    dataset.record_id(entry.record).to_owned(),
                    entry.label.to_string(),
                    hit.score.to_string(),
                ]);
            }
            render(&table)
        }
        ListFormat::Csv => {
            let rows = hits.iter().map(|hit| {
                let entry = &index.entries[hit.entry];
                vec![
                    entry.record.kind().as_str().to_owned(),
                    dataset.record_id(entry.record).to_owned(),
                    entry.label.to_string(),
                    hit.score.to_string(),
                ]
            });
            csv::document(&["kind", "id", "label", "score"], rows)
        }
        ListFormat::Vcard => unreachable!("refused above"),
    };
    Ok(Printed::unless_empty(stdout, !hits.is_empty(), || {
        nothing_matches(&index, "record", query)
    }))
}
