//! Parses the command line, loads the dataset, runs the command, and turns the outcome
//! into output and an exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use accords::cli::{Cli, Command};
use accords::commands::{self, Outcome, exit};
use accords::dataset::Dataset;

fn explore(dataset: Dataset, cli: &Cli) -> Outcome {
    use std::io::IsTerminal;
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
    };
    match accords::tui::run(dataset, &options) {
        Ok(()) => Outcome::default(),
        Err(error) => Outcome {
            stderr: format!("accords: terminal error: {error}\n"),
            code: exit::ERROR,
            ..Outcome::default()
        },
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Some(Command::Check { path }) => commands::check(path.as_deref().or(cli.data.as_deref())),
        command => match Dataset::open(cli.data.as_deref()) {
            Err(error) => Outcome {
                stdout: String::new(),
                stderr: commands::describe_load_error(&error),
                code: exit::ERROR,
            },
            Ok(dataset) => match command {
                Some(command) => commands::run(&dataset, command),
                None => explore(dataset, &cli),
            },
        },
    };
    // A closed pipe (`accords list … | head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.code)
}
