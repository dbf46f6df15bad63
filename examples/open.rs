//! `open [--heap] [PATH]`: what opening the explorer costs, phase by phase, without a terminal:
//! loading and validating the dataset (the embedded one without PATH), building the
//! explorer's state (search index and lists), and drawing the first frame at 120×40 on
//! ratatui's test backend; then the process's peak resident memory (VmHWM), which
//! `/usr/bin/time -f %M` also reports, and its resident memory (VmRSS) after loading and
//! after building the explorer's state. Used for BENCHMARKS.md.

use std::alloc::{GlobalAlloc, Layout};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use accords::Allocator;
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

/// With `--heap`, the binary's allocator ([`Allocator`]) counts the bytes live on the heap and their
/// peak, to tell the dataset's share of memory from the index's and the explorer's:
/// resident memory cannot, as the allocator keeps what was freed. Off by default, as
/// counting costs time on every allocation.
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.load(Ordering::Relaxed) {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        // SAFETY: the caller's guarantees for `layout` are passed on unchanged.
        unsafe { Allocator.alloc(layout) }
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        if COUNTING.load(Ordering::Relaxed) {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        // SAFETY: `pointer` came from `alloc` with this `layout`.
        unsafe { Allocator.dealloc(pointer, layout) }
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if COUNTING.load(Ordering::Relaxed) {
            let live = LIVE.fetch_add(new_size, Ordering::Relaxed) + new_size;
            PEAK.fetch_max(live, Ordering::Relaxed);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { Allocator.realloc(pointer, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Live heap bytes now and at their peak so far, in MB, when counted.
fn heap() -> String {
    if !COUNTING.load(Ordering::Relaxed) {
        return String::new();
    }
    format!(
        ", heap {} MB live, {} MB peak",
        LIVE.load(Ordering::Relaxed) >> 20,
        PEAK.load(Ordering::Relaxed) >> 20
    )
}

fn main() {
    let mut arguments: Vec<String> = std::env::args().skip(1).collect();
    if let Some(position) = arguments.iter().position(|argument| argument == "--heap") {
        arguments.remove(position);
        COUNTING.store(true, Ordering::Relaxed);
    }
    let path = arguments.first().map(PathBuf::from);
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
    let resident_after_load = status("VmRSS:") + &heap();
    let app = App::new(dataset, Theme::monochrome(), 120, 40);
    let built = start.elapsed();
    let resident_with_explorer = status("VmRSS:") + &heap();
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
