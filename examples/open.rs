//! `open [PATH]`: what opening the explorer costs, phase by phase, without a terminal:
//! loading and validating the dataset (the embedded one without PATH), building the
//! explorer's state (search index and lists), and drawing the first frame at 120×40 on
//! ratatui's test backend; then the process's peak resident memory (VmHWM), which
//! `/usr/bin/time -f %M` also reports, and its resident memory (VmRSS) after loading and
//! after building the explorer's state. Used for BENCHMARKS.md.

use std::path::PathBuf;
use std::time::Instant;

use accords::dataset::Dataset;
use accords::tui::app::App;
use accords::tui::theme::Theme;
use accords::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A line of `/proc/self/status`: `VmHWM` is the peak resident memory so far, `VmRSS`
/// the resident memory now.
fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with(field))
                .map(|line| line[field.len()..].trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn peak_memory() -> String {
    status("VmHWM:")
}

fn main() {
    let path = std::env::args().nth(1).map(PathBuf::from);
    let start = Instant::now();
    let dataset = match Dataset::open(path.as_deref()) {
        Ok(dataset) => dataset,
        Err(error) => {
            eprintln!("open: {error:?}");
            std::process::exit(1);
        }
    };
    let loaded = start.elapsed();
    let announcements = dataset.announcements.len();
    let after_load = peak_memory();
    let resident_after_load = status("VmRSS:");
    let app = App::new(dataset, Theme::monochrome(), 120, 40);
    let built = start.elapsed();
    let resident_with_explorer = status("VmRSS:");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test backend");
    terminal
        .draw(|frame| view::draw(&app, frame))
        .expect("drawing to a test backend");
    let drawn = start.elapsed();
    println!(
        "{announcements} announcements: load+validate {loaded:.3?} (peak {after_load}, resident after {resident_after_load}), explorer state {:.3?} (resident after {resident_with_explorer}), first frame {:.3?}, total {drawn:.3?}, peak memory {}",
        built - loaded,
        drawn - built,
        peak_memory()
    );
}
