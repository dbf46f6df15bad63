//! `filter QUERY < lines`: the explorer's search engine on plain lines, with nothing
//! around it, to compare with `fzf -i --filter QUERY`. Each line is one short field,
//! folded as the explorer folds names (case, accents, œ → oe, æ → ae, ß → ss), matched
//! with fzf's query syntax (`'` exact, `^` prefix, `$` suffix, `!` not, `|` or), scored
//! and ranked as the explorer ranks names: best score first, then shorter lines, then
//! input order. Matching lines are printed unchanged; the exit status is 0 when some
//! line matched and 1 otherwise, as with `fzf --filter`. An empty query prints every
//! line in input order, as fzf does.
//!
//! Lines are folded and scored in parallel in blocks, each into one reused buffer, so
//! nothing is allocated per ASCII line.

use std::io::{self, BufWriter, Read, Write};

use accords::fold::fold_into;
use accords::search::matcher::{Matcher, Prepared};
use accords::search::query::parse_plain;
use rayon::prelude::*;

#[global_allocator]
static ALLOCATOR: accords::Allocator = accords::Allocator;

/// Lines per parallel block: large enough to amortise the hand-off between threads.
const BLOCK: usize = 16 * 1024;

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let [query] = arguments.as_slice() else {
        eprintln!("usage: filter QUERY < lines");
        std::process::exit(2);
    };
    let mut input = Vec::new();
    if let Err(error) = io::stdin().lock().read_to_end(&mut input) {
        eprintln!("filter: cannot read standard input: {error}");
        std::process::exit(2);
    }
    let text = String::from_utf8_lossy(&input);
    let mut lines: Vec<&str> = text.split('\n').collect();
    if text.is_empty() || text.ends_with('\n') {
        lines.pop();
    }
    let query = parse_plain(query);
    let matched: Vec<u32> = if query.is_empty() {
        (0..lines.len() as u32).collect()
    } else {
        let matcher = Matcher::new();
        let prepared = Prepared::new(&query);
        let mut hits: Vec<(i64, u32, u32)> = lines
            .par_chunks(BLOCK)
            .enumerate()
            .flat_map_iter(|(block, chunk)| {
                let mut folded = String::new();
                let mut hits = Vec::new();
                for (offset, line) in chunk.iter().enumerate() {
                    folded.clear();
                    fold_into(line, &mut folded);
                    if let Some(score) = matcher.folded_line_score(&prepared, &folded) {
                        let length = if line.is_ascii() {
                            line.len()
                        } else {
                            line.chars().count()
                        };
                        let index = block * BLOCK + offset;
                        hits.push((-score, length as u32, index as u32));
                    }
                }
                hits
            })
            .collect();
        hits.par_sort_unstable();
        hits.into_iter().map(|(_, _, index)| index).collect()
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = matched.iter().try_for_each(|&index| {
        out.write_all(lines[index as usize].as_bytes())?;
        out.write_all(b"\n")
    });
    if let Err(error) = written.and_then(|()| out.flush())
        && error.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("filter: {error}");
        std::process::exit(2);
    }
    std::process::exit(if matched.is_empty() { 1 } else { 0 });
}
