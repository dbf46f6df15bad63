//! Parses the command line, runs the command, and decides what its result means: the text
//! on stderr and the exit code, as the README's table gives them.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::process::ExitCode;

use clap::Parser;

use accords::cli::{Cli, Command};
use accords::commands::{self, CommandError, Printed};
use accords::config::ConfigError;
use accords::dataset::{Dataset, Diagnostic, LoadError};
use accords::output::{emit, source};
use accords::sanitize::sanitize;
use accords::threads;

#[global_allocator]
static ALLOCATOR: accords::Allocator = accords::Allocator;

/// Exit codes, as the README's table gives them.
mod exit {
    pub const OK: u8 = 0;
    /// Nothing matched, an unknown id, or (for `check`) problems found.
    pub const NOTHING: u8 = 1;
    /// Usage error, or a dataset missing, unreadable or invalid.
    pub const ERROR: u8 = 2;
}

/// What to write where, and the exit code.
#[derive(Debug, Default)]
struct Outcome {
    stdout: String,
    stderr: String,
    code: u8,
}

fn failure(stderr: String) -> Outcome {
    Outcome {
        stderr,
        code: exit::ERROR,
        ..Outcome::default()
    }
}

/// A command's result: what it printed (with, when it found nothing, the reason on stderr
/// and exit 1), or its error.
fn outcome(result: Result<Printed, CommandError>) -> Outcome {
    match result {
        Ok(Printed { stdout, nothing }) => match nothing {
            None => Outcome {
                stdout,
                stderr: String::new(),
                code: exit::OK,
            },
            Some(nothing) => Outcome {
                stdout,
                stderr: message(&nothing),
                code: exit::NOTHING,
            },
        },
        Err(error) => Outcome {
            stdout: String::new(),
            stderr: describe(&error),
            code: code(&error),
        },
    }
}

fn code(error: &CommandError) -> u8 {
    match error {
        CommandError::Problems { .. }
        | CommandError::NotAnAnnouncement { .. }
        | CommandError::UnknownId { .. }
        | CommandError::NoSource => exit::NOTHING,
        CommandError::Load(_)
        | CommandError::Settings(_)
        | CommandError::VcardIsForContacts(_)
        | CommandError::Manual(_) => exit::ERROR,
    }
}

/// One line on stderr; the text may hold a dataset's or the command line's words, shown
/// as the terminal should see them.
fn message(what: &dyn std::fmt::Display) -> String {
    format!("accords: {}\n", sanitize(&what.to_string()))
}

fn describe(error: &CommandError) -> String {
    match error {
        CommandError::Load(error) => describe_load_error(error),
        CommandError::Problems { problems } => describe_problems(problems, "in the dataset"),
        CommandError::Settings(error) => describe_settings_error(error),
        other => message(other),
    }
}

fn describe_load_error(error: &LoadError) -> String {
    match error {
        LoadError::Invalid { problems } => describe_problems(problems, "in the dataset"),
        LoadError::Unreadable { .. } => message(error),
    }
}

fn describe_settings_error(error: &ConfigError) -> String {
    match error {
        ConfigError::Invalid { problems } => describe_problems(
            problems,
            "in the settings file; `accords config --default` prints a valid one",
        ),
        ConfigError::Unreadable { .. } => message(error),
    }
}

/// One line per problem, then how many there are and where (`in the dataset`).
fn describe_problems(problems: &[Diagnostic], place: &str) -> String {
    let mut out = String::new();
    for problem in problems {
        let _ = writeln!(out, "{}", sanitize(&problem.to_string()));
    }
    let plural = if problems.len() == 1 { "" } else { "s" };
    let _ = writeln!(out, "accords: {} problem{plural} {place}", problems.len());
    out
}

/// The explorer: settings first (a wrong settings file exits 2 with its problems), then the
/// dataset. With --watch, a dataset that is read but invalid opens on its problems and waits
/// for a fix; one that cannot be read at all is still an error.
fn explore(cli: &Cli) -> Outcome {
    // The explorer needs threads (input, search, signals); rayon's pool is started here, so
    // that a process limit is a message, not a panic.
    if let Err(error) = rayon::ThreadPoolBuilder::new().build_global() {
        return failure(format!(
            "accords: the explorer could not start its threads ({error}); the command line works with one: see `accords --help`\n"
        ));
    }
    // A terminal that cannot move the cursor or clear the screen would show the explorer's
    // drawing as a stream of escape sequences.
    if std::env::var_os("TERM").is_some_and(|term| term == "dumb") {
        return failure(
            "accords: the explorer needs a terminal that can draw, and TERM is `dumb`; on this one, use the command line: `accords --help` (list, show, contacts, search, check)\n".to_owned(),
        );
    }
    let settings = match accords::config::settings(cli.config.as_deref(), cli.theme) {
        Ok(settings) => settings,
        Err(error) => return failure(describe_settings_error(&error)),
    };
    let loaded = match Dataset::open(cli.data.as_deref()) {
        Ok(dataset) => Ok(dataset),
        Err(error @ LoadError::Invalid { .. }) if cli.watch => Err(error),
        Err(error) => return failure(describe_load_error(&error)),
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return failure(
            "accords: the explorer needs a terminal; for scripts, see `accords --help` (list, show, contacts, search, check)\n".to_owned(),
        );
    }
    let options = accords::tui::Options {
        query: cli.query.clone(),
        select: cli.select.clone(),
        settings,
        watch: if cli.watch { cli.data.clone() } else { None },
    };
    match accords::tui::run(loaded, &options) {
        Ok(()) => Outcome {
            code: exit::OK,
            ..Outcome::default()
        },
        Err(error) => failure(format!("accords: terminal error: {error}\n")),
    }
}

/// A command on the dataset (the embedded one, or --data).
fn on_dataset(
    cli: &Cli,
    command: impl FnOnce(&Dataset) -> Result<Printed, CommandError> + Send,
) -> Outcome {
    threads::run(|| {
        outcome(
            Dataset::open(cli.data.as_deref())
                .map_err(CommandError::from)
                .and_then(|dataset| command(&dataset)),
        )
    })
}

fn main() -> ExitCode {
    let stdout_closed = emit::stdout_closed();
    let cli = Cli::parse();
    let outcome = match &cli.command {
        None => explore(&cli),
        Some(Command::List { kind, format }) => {
            on_dataset(&cli, |dataset| commands::list(dataset, *kind, *format))
        }
        Some(Command::Show { id, format }) => {
            on_dataset(&cli, |dataset| commands::show(dataset, id, *format))
        }
        Some(Command::Source { id, format }) => {
            let marking = if std::io::stdout().is_terminal() {
                source::Marking::Styled
            } else {
                source::Marking::Plain
            };
            on_dataset(&cli, |dataset| {
                commands::release_source(dataset, id, *format, marking)
            })
        }
        Some(Command::Contacts { query, format }) => on_dataset(&cli, |dataset| {
            commands::contacts(dataset, &query.join(" "), *format)
        }),
        Some(Command::Search { query, format }) => on_dataset(&cli, |dataset| {
            commands::search(dataset, &query.join(" "), *format)
        }),
        Some(Command::Check { path }) => {
            threads::run(|| outcome(commands::check(path.as_deref().or(cli.data.as_deref()))))
        }
        Some(Command::Config { default }) => {
            outcome(commands::config(cli.config.as_deref(), cli.theme, *default))
        }
        // Generated from the clap definition alone: no dataset is loaded for them.
        Some(Command::Completions { shell }) => outcome(Ok(commands::completions(*shell))),
        Some(Command::Man) => outcome(commands::man()),
    };
    let mut stderr = std::io::stderr().lock();
    let written = emit::emit(
        &outcome.stdout,
        &outcome.stderr,
        stdout_closed,
        &mut std::io::stdout().lock(),
        &mut stderr,
    );
    ExitCode::from(match written {
        Ok(()) => outcome.code,
        Err(error) => {
            let _ = writeln!(stderr, "accords: could not write the output: {error}");
            let _ = stderr.flush();
            exit::ERROR
        }
    })
}

/// Looks at standard output in a constructor, before Rust's runtime replaces a closed one
/// with `/dev/null` (see [`emit::look_at_stdout`]).
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static LOOK_AT_STDOUT: extern "C" fn() = look_at_stdout;

#[cfg(target_os = "linux")]
extern "C" fn look_at_stdout() {
    emit::look_at_stdout();
}
