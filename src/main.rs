//! Parses the command line, loads the dataset, runs the command, and turns the outcome
//! into output and an exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use accords::cli::{Cli, Command};
use accords::commands::{self, Outcome, exit};
use accords::dataset::Dataset;

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
                None => Outcome {
                    stdout:
                        "accords: the explorer is not built yet; try `accords list announcements`\n"
                            .to_owned(),
                    ..Outcome::default()
                },
            },
        },
    };
    // A closed pipe (`accords list … | head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.code)
}
