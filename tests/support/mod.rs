//! Running the built `accords` binary as a script would, for the tests in `tests/`.
#![allow(dead_code)]

pub mod keys;
pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run of the binary printed, and how it exited.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// A directory with no `accords/config.toml` in it, given as `XDG_CONFIG_HOME` so that a
/// settings file of the person running the tests changes nothing.
pub const NO_SETTINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/no-settings");

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs `accords` with these arguments, with no terminal and a fixed width. A run that has
/// not ended after `HANG` is killed and fails the test: that is a hang, not slowness.
pub fn accords(args: &[&str]) -> Run {
    accords_with_env(args, &[])
}

/// Like [`accords`], with these environment variables set over its defaults
/// (`COLUMNS=80`, say, becomes `COLUMNS=60`).
pub fn accords_with_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    const HANG: Duration = Duration::from_secs(120);
    let mut command = Command::new(env!("CARGO_BIN_EXE_accords"));
    command
        .args(args)
        .env("COLUMNS", "80")
        .env_remove("NO_COLOR")
        .env("XDG_CONFIG_HOME", NO_SETTINGS);
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the accords binary runs");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("waiting works").is_some() {
            break;
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            panic!("accords {args:?} hung for {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let output = child.wait_with_output().expect("output is collected");
    Run {
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        code: output
            .status
            .code()
            .expect("exited, not killed by a signal"),
    }
}

/// A small dataset with Korean names, for width and matching tests.
pub fn korean_dataset() -> accords::dataset::Dataset {
    accords::dataset::Dataset::load(&fixture("good/korean.yaml"))
        .expect("the Korean fixture is valid")
}
