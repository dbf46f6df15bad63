//! The command-line contract: subcommands, options and formats. Scripts and tests rely on
//! these names; `main` parses them and `commands` carries them out.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "accords",
    version,
    about = "Explore oncology partnership announcements in the terminal",
    long_about = "Explore oncology partnership announcements in the terminal.\n\n\
        With no command, opens the explorer on the embedded dataset (or --data PATH).\n\
        Queries are accent- and case-insensitive and use fzf's extended syntax:\n\
        'exact ^prefix suffix$ !not a | b, and country: year: kind: partner: qualifiers.",
    after_help = "Exit codes: 0 results printed (check: valid); 1 nothing matched, unknown id \
        (check: problems found); 2 usage error, or dataset missing, unreadable or invalid."
)]
pub struct Cli {
    /// A dataset to use instead of the embedded one: a YAML file or a directory of them.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// Start the explorer with this filter.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,

    /// Start the explorer on this record (any id).
    #[arg(long, value_name = "ID")]
    pub select: Option<String>,

    /// The explorer's colours; overrides NO_COLOR and the settings file.
    #[arg(long, value_enum, value_name = "NAME")]
    pub theme: Option<crate::config::ThemeName>,

    /// A settings file to read instead of ~/.config/accords/config.toml
    /// ($XDG_CONFIG_HOME/accords/config.toml); see `accords config --default`.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// With --data: reload the explorer when a dataset file changes, keeping the selection,
    /// and show problems in a panel instead of quitting. The files are only read.
    #[arg(long, requires = "data")]
    pub watch: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every record of one kind.
    List {
        #[arg(value_enum)]
        kind: ListKind,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Show everything known about one announcement, institution, person, contact or event.
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Print an announcement's release text with every passage the dataset quotes marked
    /// (bold and underlined on a terminal, `>>` and `<<` around it otherwise).
    Source {
        /// The announcement's id (`accords list announcements`).
        id: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// The press contacts, filtered by name, organisation, institution or announcement.
    Contacts {
        /// Words of the query; several words need no quotes.
        #[arg(num_args = 0..)]
        query: Vec<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Search every kind of record, best match first.
    Search {
        /// Words of the query; several words need no quotes.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Validate a dataset (the embedded one, --data, or PATH) and list every problem.
    Check {
        /// A YAML file or a directory of them.
        path: Option<PathBuf>,
    },
    /// Print the explorer's settings as a settings file: those in force, or the defaults.
    Config {
        /// Print the default settings, every command of the explorer with its default keys.
        #[arg(long)]
        default: bool,
    },
    /// Print a shell completion script (e.g. `accords completions bash > accords.bash`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) generated from these options (`accords man | man -l -`).
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListKind {
    Announcements,
    Institutions,
    People,
    Contacts,
    Events,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns that fit the terminal's width.
    Table,
    /// The JSON shapes the README promises.
    Json,
    /// RFC 4180 CSV: a header row, then one row per record, never cut.
    Csv,
    /// vCard 4.0 (RFC 6350), one card per contact; for contacts only.
    Vcard,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
}
