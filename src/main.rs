//! Parses the command line, loads the dataset, runs the command, and turns the outcome
//! into output and an exit code.

use std::process::ExitCode;

use clap::Parser;

use accords::cli::{Cli, Command};
use accords::commands::{self, Outcome, exit};
use accords::dataset::{Dataset, LoadError};
use accords::output::emit;
use accords::threads;

#[global_allocator]
static ALLOCATOR: accords::Allocator = accords::Allocator;

fn failure(stderr: String) -> Outcome {
    Outcome {
        stderr,
        code: exit::ERROR,
        ..Outcome::default()
    }
}

/// The explorer: settings first (a wrong settings file exits 2 with its problems), then the
/// dataset. With --watch, a dataset that is read but invalid opens on its problems and waits
/// for a fix; one that cannot be read at all is still an error.
fn explore(cli: &Cli) -> Outcome {
    use std::io::IsTerminal;
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
        Err(error) => return failure(error.describe()),
    };
    let loaded = match Dataset::open(cli.data.as_deref()) {
        Ok(dataset) => Ok(dataset),
        Err(error @ LoadError::Invalid { .. }) if cli.watch => Err(error),
        Err(error) => return failure(commands::describe_load_error(&error)),
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Outcome {
            stderr: "accords: the explorer needs a terminal; for scripts, see `accords --help` (list, show, contacts, search, check)\n".to_owned(),
            code: exit::ERROR,
            ..Outcome::default()
        };
    }
    let options = accords::tui::Options {
        query: cli.query.clone(),
        select: cli.select.clone(),
        settings,
        watch: if cli.watch { cli.data.clone() } else { None },
    };
    match accords::tui::run(loaded, &options) {
        Ok(()) => Outcome::default(),
        Err(error) => Outcome {
            stderr: format!("accords: terminal error: {error}\n"),
            code: exit::ERROR,
            ..Outcome::default()
        },
    }
}

fn main() -> ExitCode {
    let stdout_closed = emit::stdout_closed();
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Some(Command::Check { path }) => {
            threads::run(|| commands::check(path.as_deref().or(cli.data.as_deref())))
        }
        // Generated from the clap definition alone: no dataset is loaded for them.
        Some(Command::Completions { shell }) => commands::completions(*shell),
        Some(Command::Man) => commands::man(),
        Some(Command::Config { default }) => {
            accords::config::command(cli.config.as_deref(), cli.theme, *default)
        }
        None => explore(&cli),
        Some(command) => threads::run(|| match Dataset::open(cli.data.as_deref()) {
            Err(error) => Outcome {
                stdout: String::new(),
                stderr: commands::describe_load_error(&error),
                code: exit::ERROR,
            },
            Ok(dataset) => commands::run(&dataset, command),
        }),
    };
    ExitCode::from(emit::emit(
        &outcome,
        stdout_closed,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    ))
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
