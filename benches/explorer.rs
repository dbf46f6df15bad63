//! The explorer's costs at 5 (embedded), 1,000, 10,000 and 100,000 announcements:
//! loading and validating a dataset, one filter keystroke (filter and redraw) while a
//! query is typed character by character, and one full frame.
//!
//! `cargo bench --bench explorer` (add a filter such as `keystroke` to run one group).
//! Datasets come from the generator crate `synth/` (seed 1) and are written once under
//! `target/bench-data/`. Besides Criterion's figures, the keystroke group prints the
//! median, p95 and maximum of single keystrokes to standard error, then the same queries
//! typed at a person's pace with the run loop's background worker (`typing` lines).
//! `ACCORDS_BENCH_SIZES` (e.g. `5,1000`) limits the sizes.

use accords_synth as generator;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use accords::background::Worker;
use accords::dataset::Dataset;
use accords::tui::app::{App, Input};
use accords::tui::keymap::Action;
use accords::tui::rows::ListsJob;
use accords::tui::theme::Theme;
use accords::tui::view;
use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[global_allocator]
static ALLOCATOR: accords::Allocator = accords::Allocator;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
/// Queries typed one character at a time: a fuzzy name that starts with a letter in
/// almost every record, and an accented two-word one.
const QUERIES: [&str; 2] = ["immunotherapy", "müller köln"];

fn sizes() -> Vec<usize> {
    std::env::var("ACCORDS_BENCH_SIZES")
        .ok()
        .map(|sizes| {
            sizes
                .split(',')
                .filter_map(|size| size.trim().parse().ok())
                .collect()
        })
        .unwrap_or_else(|| vec![5, 1_000, 10_000, 100_000])
}

/// The synthetic dataset's directory, written on first use; None for the embedded one.
fn dataset_path(size: usize) -> Option<PathBuf> {
    if size == 5 {
        return None;
    }
    let directory = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench-data")
        .join(format!("synth-{size}"));
    let done = directory.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&directory);
        generator::generate(size, 1)
            .write_directory(&directory)
            .expect("target/ is writable");
        std::fs::write(&done, b"").expect("target/ is writable");
    }
    Some(directory)
}

fn load(size: usize) -> Dataset {
    Dataset::open(dataset_path(size).as_deref()).expect("the synthetic dataset is valid")
}

fn label(size: usize) -> String {
    if size == 5 {
        "5-embedded".to_owned()
    } else {
        size.to_string()
    }
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test backend")
}

fn draw(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|frame| view::draw(app, frame))
        .expect("drawing to a test backend");
}

fn bench_load(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("load");
    group.sampling_mode(SamplingMode::Flat);
    for size in sizes() {
        let path = dataset_path(size);
        if size >= 100_000 {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(30));
        } else {
            group.sample_size(20);
            group.measurement_time(Duration::from_secs(10));
        }
        group.bench_function(BenchmarkId::new("load_validate", label(size)), |bench| {
            bench.iter(|| Dataset::open(path.as_deref()).expect("valid"));
        });
    }
    group.finish();
}

fn bench_first_frame(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("first_frame");
    group.sample_size(20);
    group.bench_function("embedded", |bench| {
        bench.iter(|| {
            let dataset = Dataset::embedded().expect("the embedded dataset is valid");
            let app = App::new(dataset, Theme::monochrome(), WIDTH, HEIGHT);
            let mut terminal = terminal();
            draw(&app, &mut terminal);
        });
    });
    group.finish();
}

/// Clears the filter and opens the filter line again, as Esc then `/` do.
fn reset(app: &mut App) {
    if !app.filter().is_empty() || (*app.mode() == accords::tui::app::Mode::Filter) {
        app.update(Action::Escape);
    }
    app.update(Action::StartFilter);
}

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * fraction).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn bench_keystroke(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("keystroke");
    for size in sizes() {
        let mut app = App::new(load(size), Theme::monochrome(), WIDTH, HEIGHT);
        let mut terminal = terminal();
        for query in QUERIES {
            let characters: Vec<char> = query.chars().collect();
            if size >= 100_000 {
                group.sample_size(10);
            } else {
                group.sample_size(30);
            }
            // One iteration is one keystroke: the whole query is typed and the time is
            // divided by its length.
            let id = BenchmarkId::new(format!("filter_and_draw/{query}"), label(size));
            group.bench_function(id, |bench| {
                bench.iter_custom(|iterations| {
                    let mut total = Duration::ZERO;
                    let mut typed = 0u64;
                    while typed < iterations {
                        reset(&mut app);
                        for &character in &characters {
                            let start = Instant::now();
                            app.update(Action::FilterInput(character));
                            draw(&app, &mut terminal);
                            total += start.elapsed();
                            typed += 1;
                        }
                    }
                    total.mul_f64(iterations as f64 / typed as f64)
                });
            });
            // Single keystrokes, for the median, p95 and worst case.
            let rounds = if size >= 100_000 { 10 } else { 30 };
            let mut filter_only = Vec::new();
            let mut with_draw = Vec::new();
            for _ in 0..rounds {
                reset(&mut app);
                for &character in &characters {
                    let start = Instant::now();
                    app.update(Action::FilterInput(character));
                    let filtered = start.elapsed();
                    draw(&app, &mut terminal);
                    filter_only.push(filtered);
                    with_draw.push(start.elapsed());
                }
            }
            filter_only.sort();
            with_draw.sort();
            eprintln!(
                "keystroke {size:>7} {query:<14} filter: median {:>9.3?} p95 {:>9.3?} max {:>9.3?} | filter+draw: median {:>9.3?} p95 {:>9.3?} max {:>9.3?} ({} keystrokes)",
                percentile(&filter_only, 0.5),
                percentile(&filter_only, 0.95),
                filter_only[filter_only.len() - 1],
                percentile(&with_draw, 0.5),
                percentile(&with_draw, 0.95),
                with_draw[with_draw.len() - 1],
                with_draw.len()
            );
            for interval in TYPING_INTERVALS {
                typing_in_the_background(&mut app, &mut terminal, size, query, interval);
            }
        }
    }
    group.finish();
}

/// Times between two keys in [`typing_in_the_background`]: a fast typist's pace, and
/// keys faster than most searches at 100,000 announcements.
const TYPING_INTERVALS: [Duration; 2] = [Duration::from_millis(50), Duration::from_millis(20)];

/// The query typed at one key per `interval` as the run loop handles keys: the search and
/// the lists are made on the worker's thread, the frame waits for them at most
/// `SEARCH_GRACE`, and they are drawn when they come, unless the next key came first. Prints how long the
/// UI thread was busy per key and per search that finished after the frame (what delays
/// the next key), and how long from a key to its hits drawn; the last key's lists are
/// always waited for, so at a fast pace that figure is mostly the last key's.
fn typing_in_the_background(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    size: usize,
    query: &str,
    interval: Duration,
) {
    let worker: Worker<ListsJob> = Worker::start().expect("a worker thread");
    let rounds = if size >= 100_000 { 10 } else { 30 };
    let mut busy = Vec::new();
    let mut arrivals = Vec::new();
    let mut to_hits = Vec::new();
    let mut overtaken = 0;
    for _ in 0..rounds {
        worker.wait(Duration::MAX);
        app.handle(Input::ListsReady(&worker));
        reset(app);
        let last = query.chars().count() - 1;
        for (position, character) in query.chars().enumerate() {
            let key = Instant::now();
            app.handle(Input::Action(Action::FilterInput(character)));
            app.handle(Input::Search(&worker));
            draw(app, terminal);
            busy.push(key.elapsed());
            // After the last key nothing comes to stop the search: its lists are waited for.
            let next_key = if position == last {
                key + Duration::from_secs(3600)
            } else {
                key + interval
            };
            if app.searching() {
                if worker.wait(next_key.saturating_duration_since(Instant::now())) {
                    let found = Instant::now();
                    app.handle(Input::ListsReady(&worker));
                    draw(app, terminal);
                    arrivals.push(found.elapsed());
                    to_hits.push(key.elapsed());
                } else {
                    overtaken += 1;
                }
            } else {
                to_hits.push(key.elapsed());
            }
            if position != last {
                std::thread::sleep(next_key.saturating_duration_since(Instant::now()));
            }
        }
    }
    worker.wait(Duration::MAX);
    app.handle(Input::ListsReady(&worker));
    busy.sort();
    arrivals.sort();
    to_hits.sort();
    if to_hits.is_empty() {
        eprintln!("typing  {size:>7} {query:<14} every key was overtaken by the next");
        return;
    }
    eprintln!(
        "typing  {size:>7} {query:<14} one key per {interval:?}: UI thread busy per key: median {:>9.3?} p95 {:>9.3?} max {:>9.3?} | per search finished later: {} | key to hits drawn: median {:>9.3?} p95 {:>9.3?} max {:>9.3?} ({} keys, {overtaken} of them overtaken by the next key)",
        percentile(&busy, 0.5),
        percentile(&busy, 0.95),
        busy[busy.len() - 1],
        if arrivals.is_empty() {
            "none".to_owned()
        } else {
            format!(
                "median {:.3?} p95 {:.3?} max {:.3?}",
                percentile(&arrivals, 0.5),
                percentile(&arrivals, 0.95),
                arrivals[arrivals.len() - 1]
            )
        },
        percentile(&to_hits, 0.5),
        percentile(&to_hits, 0.95),
        to_hits[to_hits.len() - 1],
        rounds * query.chars().count(),
    );
}

fn bench_frame(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("frame");
    for size in sizes() {
        let mut app = App::new(load(size), Theme::monochrome(), WIDTH, HEIGHT);
        let mut terminal = terminal();
        group.bench_function(BenchmarkId::new("draw", label(size)), |bench| {
            bench.iter(|| draw(&app, &mut terminal));
        });
        app.set_filter("immuno");
        group.bench_function(BenchmarkId::new("draw_filtered", label(size)), |bench| {
            bench.iter(|| draw(&app, &mut terminal));
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_first_frame,
    bench_frame,
    bench_keystroke,
    bench_load
);
criterion_main!(benches);
