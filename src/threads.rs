//! The thread pool the command line's work runs on. Where no thread can be created (a
//! process limit reached), the work runs on the calling thread alone instead of rayon
//! panicking: slower, but the same results.

use rayon::{ThreadPool, ThreadPoolBuildError, ThreadPoolBuilder};

/// A pool of one thread per core, or, when `build` fails, one that uses the calling thread
/// alone and creates none.
pub(crate) fn pool_or_one(
    build: impl FnOnce() -> Result<ThreadPool, ThreadPoolBuildError>,
) -> Result<ThreadPool, ThreadPoolBuildError> {
    build().or_else(|_| {
        ThreadPoolBuilder::new()
            .num_threads(1)
            .use_current_thread()
            .build()
    })
}

/// Runs `work` on [`pool_or_one`]'s pool; on the calling thread as is if even that fails.
pub fn run<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    match pool_or_one(|| ThreadPoolBuilder::new().build()) {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rayon::prelude::*;

    #[test]
    fn no_thread_to_spare_means_one_thread_and_the_same_result() {
        let pool = pool_or_one(|| {
            ThreadPoolBuilder::new()
                .num_threads(4)
                .spawn_handler(|_| Err(std::io::Error::other("no more threads")))
                .build()
        })
        .expect("a pool on the calling thread");
        assert_eq!(pool.current_num_threads(), 1);
        let total: u64 = pool.install(|| (1..=1000u64).into_par_iter().sum());
        assert_eq!(total, 500_500);
    }
}
