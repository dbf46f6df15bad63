//! Writing a command's output to stdout and stderr. Output that could not be written is an
//! error: a full disk or a closed stdout must not pass for success. A closed pipe
//! (`accords list … | head`) is the reader having what it wanted, and is not.

use std::io::{self, Write};

/// Writes `stdout` and `stderr`; an error when `stdout` could not be written, a closed pipe
/// aside. `stdout_closed`: standard output was not open when the program started (`>&-`),
/// so nothing written to it goes anywhere.
pub fn emit(
    stdout: &str,
    stderr: &str,
    stdout_closed: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<()> {
    let written = if stdout_closed && !stdout.is_empty() {
        Err(io::Error::other("standard output is closed"))
    } else {
        out.write_all(stdout.as_bytes()).and_then(|()| out.flush())
    };
    let _ = err.write_all(stderr.as_bytes());
    match written {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        written => written,
    }
}

/// Whether standard output was closed when the program started (`>&-`).
pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(std::sync::atomic::Ordering::SeqCst)
}

static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Records whether standard output is open, for [`stdout_closed`]. Meant to run before
/// Rust's runtime starts: the runtime opens `/dev/null` in place of a closed standard
/// descriptor, after which writes "succeed" into nothing. The binary calls it from a
/// constructor (`.init_array`), which needs an unsafe attribute the library forbids.
pub fn look_at_stdout() {
    #[cfg(unix)]
    let closed = rustix::io::fcntl_getfd(rustix::stdio::stdout()).is_err();
    #[cfg(not(unix))]
    let closed = false;
    STDOUT_CLOSED.store(closed, std::sync::atomic::Ordering::SeqCst);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails every write with `kind`.
    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_full_disk_is_an_error_and_stderr_is_still_written() {
        let mut err = Vec::new();
        let written = emit(
            "results\n",
            "note\n",
            false,
            &mut Failing(io::ErrorKind::StorageFull),
            &mut err,
        );
        assert_eq!(
            written.map_err(|error| error.kind()),
            Err(io::ErrorKind::StorageFull)
        );
        assert_eq!(err, b"note\n");
    }

    #[test]
    fn a_closed_pipe_is_no_error_and_says_nothing() {
        let mut err = Vec::new();
        let written = emit(
            "results\n",
            "",
            false,
            &mut Failing(io::ErrorKind::BrokenPipe),
            &mut err,
        );
        assert!(written.is_ok());
        assert!(err.is_empty());
    }

    #[test]
    fn a_closed_stdout_is_an_error_only_when_there_is_output() {
        let error = emit("results\n", "", true, &mut Vec::new(), &mut Vec::new())
            .expect_err("the output goes nowhere");
        assert!(error.to_string().contains("standard output is closed"));
        assert!(emit("", "", true, &mut Vec::new(), &mut Vec::new()).is_ok());
    }
}
