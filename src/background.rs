//! Work on a thread of its own, the newest asked for, so that typing never waits for
//! it: the explorer asks a [`Worker`] for the lists of each query typed and keeps
//! drawing; a query typed before the last one's lists were made stops that work (see
//! [`SearchIndex::matching_unless`](crate::search::index::SearchIndex::matching_unless)),
//! unless the newer query narrows it, in which case its search is finished first.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

/// What the worker wants of the job it runs: to go on, to finish only what serves the
/// newer job asked for, or to stop. Set by [`Worker::ask`]; looked at by the job.
#[derive(Default)]
pub struct Signal(AtomicU8);

const GO_ON: u8 = 0;
const SUPERSEDED: u8 = 1;
const STOP: u8 = 2;

impl Signal {
    /// The job should give up at once: its work is of no use any more.
    pub(crate) fn stopped(&self) -> bool {
        self.0.load(Ordering::Relaxed) == STOP
    }

    /// A newer job was asked for: the output will be thrown away, and only work that
    /// serves the newer job (see [`Job::worth_finishing_for`]) is worth doing.
    pub(crate) fn superseded(&self) -> bool {
        self.0.load(Ordering::Relaxed) != GO_ON
    }

    fn set(&self, to: u8) {
        self.0.fetch_max(to, Ordering::Relaxed);
    }

    /// Back to going on, unless already told to stop; true when it goes on.
    fn resume(&self) -> bool {
        let _ = self
            .0
            .compare_exchange(SUPERSEDED, GO_ON, Ordering::Relaxed, Ordering::Relaxed);
        !self.superseded()
    }
}

/// Work a [`Worker`] can do, and stop.
pub trait Job: Send + Sync + 'static {
    type Output: Send + 'static;

    /// Does the work; `None` once `signal` says so, which it should look at often.
    fn run(&self, signal: &Signal) -> Option<Self::Output>;

    /// Whether it is the same work as `other`, which asking for again does not restart.
    fn same_as(&self, other: &Self) -> bool;

    /// Whether, when `newer` is asked for while this job runs, part of this job is worth
    /// finishing first because `newer` builds on it (the search of a query that one
    /// more typed character narrows). It then runs on, [`Signal::superseded`].
    fn worth_finishing_for(&self, _newer: &Self) -> bool {
        false
    }
}

struct State<J: Job> {
    /// Asked for and not yet taken up by the thread.
    waiting: Option<J>,
    /// The job the thread is running, or ran last, with its signal.
    current: Option<(Arc<J>, Arc<Signal>)>,
    /// The newest job asked for has not finished.
    pending: bool,
    /// What the newest job gave, until taken.
    output: Option<J::Output>,
    quit: bool,
}

struct Shared<J: Job> {
    state: Mutex<State<J>>,
    /// Signalled when a job is asked for, and when one finishes.
    changed: Condvar,
}

impl<J: Job> Shared<J> {
    fn lock(&self) -> MutexGuard<'_, State<J>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A thread that runs one job at a time: the newest asked for.
pub struct Worker<J: Job> {
    shared: Arc<Shared<J>>,
    thread: Option<JoinHandle<()>>,
}

impl<J: Job> Worker<J> {
    pub fn start() -> std::io::Result<Worker<J>> {
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                waiting: None,
                current: None,
                pending: false,
                output: None,
                quit: false,
            }),
            changed: Condvar::new(),
        });
        let thread = std::thread::Builder::new()
            .name("background".to_owned())
            .spawn({
                let shared = Arc::clone(&shared);
                move || run(&shared)
            })?;
        Ok(Worker {
            shared,
            thread: Some(thread),
        })
    }

    /// Asks for `job`, to run once the job under way is done. That one goes on if it is
    /// the same work, is told it is superseded if it is worth finishing for `job`, and
    /// is stopped otherwise. A job asked for and not yet started is dropped for `job`.
    pub(crate) fn ask(&self, job: J) {
        let mut state = self.shared.lock();
        if let Some((current, signal)) = &state.current {
            // The same work again (a character typed, then taken back): the job under way
            // goes on as if nothing had been asked in between, unless it was stopped.
            if current.same_as(&job) && (state.waiting.is_none() || signal.resume()) {
                state.waiting = None;
                return;
            }
            signal.set(if current.worth_finishing_for(&job) {
                SUPERSEDED
            } else {
                STOP
            });
        }
        state.waiting = Some(job);
        state.pending = true;
        state.output = None;
        self.shared.changed.notify_all();
    }

    /// Whether the newest job asked for is still running or waiting.
    pub(crate) fn busy(&self) -> bool {
        self.shared.lock().pending
    }

    /// Waits up to `timeout` for the newest job to finish; true when it has.
    pub fn wait(&self, timeout: Duration) -> bool {
        let state = self.shared.lock();
        let (state, _) = self
            .shared
            .changed
            .wait_timeout_while(state, timeout, |state| state.pending)
            .unwrap_or_else(PoisonError::into_inner);
        !state.pending
    }

    /// What the newest job gave, once: `None` while it runs, and after it was taken.
    pub(crate) fn take(&self) -> Option<J::Output> {
        self.shared.lock().output.take()
    }
}

impl<J: Job> Drop for Worker<J> {
    fn drop(&mut self) {
        {
            let mut state = self.shared.lock();
            state.quit = true;
            if let Some((_, signal)) = &state.current {
                signal.set(STOP);
            }
        }
        self.shared.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run<J: Job>(shared: &Shared<J>) {
    let mut state = shared.lock();
    loop {
        if state.quit {
            return;
        }
        let Some(job) = state.waiting.take() else {
            state = shared
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
            continue;
        };
        let job = Arc::new(job);
        let signal = Arc::new(Signal::default());
        state.current = Some((Arc::clone(&job), Arc::clone(&signal)));
        drop(state);
        // A job that panicked (a bug) counts as finished with nothing, so that nobody
        // waits for it forever: whoever wanted its output then does the work and meets
        // the bug.
        let output = std::panic::catch_unwind(AssertUnwindSafe(|| job.run(&signal)));
        state = shared.lock();
        // A job superseded by a newer one leaves that one to say when it is done.
        if state.waiting.is_none() {
            match output {
                Ok(Some(output)) => {
                    state.output = Some(output);
                    state.pending = false;
                }
                Ok(None) if !signal.superseded() => state.pending = false,
                Err(_) => state.pending = false,
                Ok(None) => {}
            }
            if !state.pending {
                shared.changed.notify_all();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::search::index::{Hit, SearchIndex};
    use crate::search::query::{Query, parse};
    use std::sync::atomic::AtomicBool;

    /// A search of the index, as the explorer's lists start with.
    struct Search(Arc<SearchIndex>, Query);

    impl Job for Search {
        type Output = Arc<Vec<Hit>>;
        fn run(&self, signal: &Signal) -> Option<Self::Output> {
            self.0.matching_unless(&self.1, || signal.stopped())
        }
        fn same_as(&self, other: &Self) -> bool {
            Arc::ptr_eq(&self.0, &other.0) && self.1 == other.1
        }
    }

    fn index() -> Arc<SearchIndex> {
        Arc::new(SearchIndex::build(&Dataset::embedded().expect("embedded")))
    }

    #[test]
    fn the_newest_job_gives_its_output_once() {
        let index = index();
        let worker = Worker::start().expect("a thread");
        for typed in ["g", "gu", "gus", "gustave"] {
            worker.ask(Search(Arc::clone(&index), parse(typed)));
        }
        assert!(worker.wait(Duration::from_secs(30)));
        assert!(!worker.busy());
        let query = parse("gustave");
        assert!(index.remembers(&query));
        let given = worker.take().expect("the newest search's hits");
        let fresh = SearchIndex::build(&Dataset::embedded().expect("embedded")).matching(&query);
        assert!(!fresh.is_empty());
        assert_eq!(*given, *fresh);
        assert!(worker.take().is_none(), "given once");
    }

    #[test]
    fn a_stopped_search_gives_nothing_and_is_not_remembered() {
        let index = index();
        let query = parse("amgen");
        assert!(index.matching_unless(&query, || true).is_none());
        assert!(!index.remembers(&query));
        let hits = index.matching(&query);
        assert!(!hits.is_empty());
        assert!(index.remembers(&query));
    }

    /// Runs until stopped, counting its runs; the same work as another of its number.
    struct Endless(Arc<std::sync::atomic::AtomicUsize>, u32);

    impl Job for Endless {
        type Output = ();
        fn run(&self, signal: &Signal) -> Option<()> {
            self.0.fetch_add(1, Ordering::SeqCst);
            while !signal.stopped() {
                std::thread::sleep(Duration::from_millis(1));
            }
            None
        }
        fn same_as(&self, other: &Self) -> bool {
            self.1 == other.1
        }
    }

    #[test]
    fn a_newer_job_stops_the_one_under_way_and_the_same_work_does_not_restart() {
        let runs = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let worker = Worker::start().expect("a thread");
        let runs_reach = |count: usize| {
            let deadline = std::time::Instant::now() + Duration::from_secs(30);
            while runs.load(Ordering::SeqCst) < count && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(1));
            }
            runs.load(Ordering::SeqCst)
        };
        worker.ask(Endless(Arc::clone(&runs), 1));
        assert_eq!(runs_reach(1), 1);
        // The same work again: the run under way goes on.
        worker.ask(Endless(Arc::clone(&runs), 1));
        assert!(!worker.wait(Duration::from_millis(50)));
        assert_eq!(runs.load(Ordering::SeqCst), 1);
        // Other work: the run under way stops, and the new one starts.
        worker.ask(Endless(Arc::clone(&runs), 2));
        assert_eq!(runs_reach(2), 2);
        assert!(worker.busy());
        // Dropping the worker stops the endless job and joins its thread.
        drop(worker);
    }

    /// Runs until its gate opens or it is stopped, then says how it ended: worth
    /// finishing for the job numbered one more, as a search is for the query one
    /// character longer.
    struct Step {
        number: u32,
        gate: Arc<AtomicBool>,
        log: Arc<Mutex<Vec<(u32, &'static str)>>>,
    }

    impl Job for Step {
        type Output = u32;
        fn run(&self, signal: &Signal) -> Option<u32> {
            while !self.gate.load(Ordering::SeqCst) {
                if signal.stopped() {
                    self.log.lock().unwrap().push((self.number, "stopped"));
                    return None;
                }
                std::thread::sleep(Duration::from_millis(1));
            }
            let superseded = signal.superseded();
            let ended = if superseded {
                "finished, superseded"
            } else {
                "finished"
            };
            self.log.lock().unwrap().push((self.number, ended));
            (!superseded).then_some(self.number)
        }
        fn same_as(&self, other: &Self) -> bool {
            self.number == other.number
        }
        fn worth_finishing_for(&self, newer: &Self) -> bool {
            newer.number == self.number + 1
        }
    }

    /// Steps sharing one log, each with its own gate.
    struct Steps {
        log: Arc<Mutex<Vec<(u32, &'static str)>>>,
        gates: Mutex<Vec<(u32, Arc<AtomicBool>)>>,
    }

    impl Steps {
        fn new() -> Steps {
            Steps {
                log: Arc::new(Mutex::new(Vec::new())),
                gates: Mutex::new(Vec::new()),
            }
        }

        fn step(&self, number: u32) -> Step {
            let gate = Arc::new(AtomicBool::new(false));
            self.gates.lock().unwrap().push((number, Arc::clone(&gate)));
            Step {
                number,
                gate,
                log: Arc::clone(&self.log),
            }
        }

        fn open(&self, number: u32) {
            for (gated, gate) in self.gates.lock().unwrap().iter() {
                if *gated == number {
                    gate.store(true, Ordering::SeqCst);
                }
            }
        }

        fn log(&self) -> Vec<(u32, &'static str)> {
            self.log.lock().unwrap().clone()
        }
    }

    /// Waits until `worker` runs the step numbered `number`, with nothing waiting.
    fn running(worker: &Worker<Step>, number: u32) {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while std::time::Instant::now() < deadline {
            let state = worker.shared.lock();
            if state.waiting.is_none()
                && state
                    .current
                    .as_ref()
                    .is_some_and(|(job, _)| job.number == number)
            {
                return;
            }
            drop(state);
            std::thread::sleep(Duration::from_millis(1));
        }
        panic!("step {number} never ran");
    }

    #[test]
    fn a_job_the_newer_builds_on_finishes_and_any_other_stops() {
        let steps = Steps::new();
        let worker: Worker<Step> = Worker::start().expect("a thread");
        worker.ask(steps.step(1));
        running(&worker, 1);
        // 2 builds on 1: 1 finishes first, its output thrown away.
        worker.ask(steps.step(2));
        steps.open(1);
        running(&worker, 2);
        // 9 does not build on 2: 2 stops.
        worker.ask(steps.step(9));
        steps.open(9);
        assert!(worker.wait(Duration::from_secs(30)));
        assert_eq!(worker.take(), Some(9));
        assert_eq!(
            steps.log(),
            [(1, "finished, superseded"), (2, "stopped"), (9, "finished")]
        );
    }

    #[test]
    fn asking_again_for_the_job_under_way_takes_back_what_was_asked_in_between() {
        let steps = Steps::new();
        let worker: Worker<Step> = Worker::start().expect("a thread");
        worker.ask(steps.step(1));
        running(&worker, 1);
        // A character typed, then taken back, while 1 runs.
        worker.ask(steps.step(2));
        worker.ask(steps.step(1));
        steps.open(1);
        assert!(worker.wait(Duration::from_secs(30)));
        assert_eq!(worker.take(), Some(1));
        assert_eq!(steps.log(), [(1, "finished")]);
    }

    #[test]
    fn a_worker_asked_nothing_is_not_busy() {
        let worker: Worker<Search> = Worker::start().expect("a thread");
        assert!(!worker.busy());
        assert!(worker.wait(Duration::MAX));
        assert!(worker.take().is_none());
    }
}
