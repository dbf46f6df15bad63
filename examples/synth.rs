//! A deterministic synthetic dataset, for benchmarks: announcements from institutions in
//! France, Germany, Spain, English-speaking countries and Korea, with their names, people
//! and press contacts as written (accents, ligatures, ß, Hangul). The same `--seed` and
//! `--announcements` always give the same bytes, and the result passes `accords check`.
//!
//! ```text
//! cargo run --release --example synth -- --announcements 100000 --seed 1 > big.yaml
//! cargo run --release --example synth -- --announcements 100000 --seed 1 --out big/
//! cargo run --release --example synth -- --lines 1000000 --seed 1 > lines.txt
//! ```
//!
//! With `--out DIR` it writes one file per 1,000 announcements under `DIR/announcements/`
//! beside `institutions.yaml`, `people.yaml` and `contacts.yaml`; otherwise one file to
//! standard output. `--lines N` prints N short lines (names, titles, cities) instead, the
//! input of `examples/filter` and `scripts/compare-fzf.sh`.

use accords_synth as generator;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

struct Options {
    announcements: usize,
    seed: u64,
    out: Option<PathBuf>,
    lines: Option<usize>,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        announcements: 1000,
        seed: 1,
        out: None,
        lines: None,
    };
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        let mut value = || arguments.next().ok_or(format!("{argument} needs a value"));
        match argument.as_str() {
            "--announcements" | "-n" => {
                options.announcements = value()?
                    .parse()
                    .map_err(|e| format!("--announcements: {e}"))?
            }
            "--seed" => options.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => options.out = Some(PathBuf::from(value()?)),
            "--lines" => {
                options.lines = Some(value()?.parse().map_err(|e| format!("--lines: {e}"))?)
            }
            "--help" | "-h" => {
                return Err(
                    "usage: synth [--announcements N] [--seed S] [--out DIR] [--lines N]"
                        .to_owned(),
                );
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(options)
}

fn write_single(generated: &generator::Generated) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    generated.write_single(&mut out)?;
    out.flush()
}

fn main() {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("synth: {message}");
            std::process::exit(2);
        }
    };
    if let Some(lines) = options.lines {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        if let Err(error) =
            generator::write_lines(options.seed, lines, &mut out).and_then(|()| out.flush())
        {
            eprintln!("synth: {error}");
            std::process::exit(1);
        }
        return;
    }
    let generated = generator::generate(options.announcements, options.seed);
    let result = match &options.out {
        Some(directory) => generated.write_directory(directory),
        None => write_single(&generated),
    };
    if let Err(error) = result {
        eprintln!("synth: {error}");
        std::process::exit(1);
    }
}
