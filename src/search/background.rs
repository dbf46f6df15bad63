//! Searching on a thread of its own, so that typing never waits for a search: the
//! explorer hands each new query to a [`Searcher`] and keeps drawing; a query typed
//! before the last one finished stops it (see [`SearchIndex::matching_unless`]). A
//! finished search is remembered by the index, so the explorer then reads its hits
//! with [`SearchIndex::matching`] at no cost.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use super::index::SearchIndex;
use super::query::Query;

/// One search asked for: on which index, for what.
struct Request {
    index: Arc<SearchIndex>,
    query: Query,
    stop: Arc<AtomicBool>,
}

#[derive(Default)]
struct State {
    /// Asked for and not yet taken up by the thread.
    waiting: Option<Request>,
    /// The search the thread is running, or ran last.
    current: Option<(Arc<SearchIndex>, Query, Arc<AtomicBool>)>,
    /// The newest search asked for has not finished.
    pending: bool,
    quit: bool,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    /// Signalled when a search is asked for, and when one finishes.
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A thread that runs one search at a time, the newest asked for.
pub struct Searcher {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Searcher {
    pub fn start() -> std::io::Result<Searcher> {
        let shared = Arc::new(Shared::default());
        let thread = std::thread::Builder::new()
            .name("search".to_owned())
            .spawn({
                let shared = Arc::clone(&shared);
                move || run(&shared)
            })?;
        Ok(Searcher {
            shared,
            thread: Some(thread),
        })
    }

    /// Searches `index` for `query`, stopping the search under way unless it is that
    /// very one.
    pub fn search(&self, index: &Arc<SearchIndex>, query: &Query) {
        let mut state = self.shared.lock();
        if let Some((current, asked, stop)) = &state.current {
            if state.waiting.is_none() && Arc::ptr_eq(current, index) && asked == query {
                return;
            }
            stop.store(true, Ordering::Relaxed);
        }
        state.waiting = Some(Request {
            index: Arc::clone(index),
            query: query.clone(),
            stop: Arc::new(AtomicBool::new(false)),
        });
        state.pending = true;
        self.shared.changed.notify_all();
    }

    /// Whether the newest search asked for is still running or waiting.
    pub fn busy(&self) -> bool {
        self.shared.lock().pending
    }

    /// Waits up to `timeout` for the newest search to finish; true when it has.
    pub fn wait(&self, timeout: Duration) -> bool {
        let state = self.shared.lock();
        let (state, _) = self
            .shared
            .changed
            .wait_timeout_while(state, timeout, |state| state.pending)
            .unwrap_or_else(PoisonError::into_inner);
        !state.pending
    }
}

impl Drop for Searcher {
    fn drop(&mut self) {
        {
            let mut state = self.shared.lock();
            state.quit = true;
            if let Some((_, _, stop)) = &state.current {
                stop.store(true, Ordering::Relaxed);
            }
        }
        self.shared.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(shared: &Shared) {
    let mut state = shared.lock();
    loop {
        if state.quit {
            return;
        }
        let Some(request) = state.waiting.take() else {
            state = shared
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
            continue;
        };
        state.current = Some((
            Arc::clone(&request.index),
            request.query.clone(),
            Arc::clone(&request.stop),
        ));
        drop(state);
        // A search that panicked (a bug) counts as done, so that nobody waits for it
        // forever: whoever wanted its hits then searches for them and meets the bug.
        let done = std::panic::catch_unwind(AssertUnwindSafe(|| {
            request
                .index
                .matching_unless(&request.query, &request.stop)
                .is_some()
        }))
        .unwrap_or(true);
        state = shared.lock();
        // A search stopped for a newer one leaves that one to say when it is done.
        if done && state.waiting.is_none() {
            state.pending = false;
            shared.changed.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::search::query::parse;

    fn index() -> Arc<SearchIndex> {
        Arc::new(SearchIndex::build(&Dataset::embedded().expect("embedded")))
    }

    #[test]
    fn the_newest_search_is_remembered_by_the_index() {
        let index = index();
        let searcher = Searcher::start().expect("a thread");
        for typed in ["g", "gu", "gus", "gustave"] {
            searcher.search(&index, &parse(typed));
        }
        assert!(searcher.wait(Duration::from_secs(30)));
        assert!(!searcher.busy());
        let query = parse("gustave");
        assert!(index.remembers(&query));
        let remembered = index.matching(&query);
        let fresh = SearchIndex::build(&Dataset::embedded().expect("embedded")).matching(&query);
        assert!(!fresh.is_empty());
        assert_eq!(*remembered, *fresh);
        // The remembered hits themselves, not a new search: the same allocation.
        assert!(Arc::ptr_eq(&remembered, &index.matching(&query)));
    }

    #[test]
    fn a_stopped_search_gives_nothing_and_is_not_remembered() {
        let index = index();
        let stop = AtomicBool::new(true);
        let query = parse("amgen");
        assert!(index.matching_unless(&query, &stop).is_none());
        assert!(!index.remembers(&query));
        let hits = index.matching(&query);
        assert!(!hits.is_empty());
        assert!(index.remembers(&query));
    }

    #[test]
    fn a_searcher_asked_nothing_is_not_busy() {
        let searcher = Searcher::start().expect("a thread");
        assert!(!searcher.busy());
        assert!(searcher.wait(Duration::MAX));
    }

    #[test]
    fn asking_again_for_the_search_under_way_does_not_restart_it() {
        let index = index();
        let searcher = Searcher::start().expect("a thread");
        searcher.search(&index, &parse("roussy"));
        assert!(searcher.wait(Duration::from_secs(30)));
        searcher.search(&index, &parse("roussy"));
        assert!(!searcher.busy());
    }
}
