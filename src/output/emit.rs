//! Writing a command's outcome to stdout and stderr, and the exit code that follows. Output
//! that could not be written is an error (exit 2, with a message on stderr): a full disk or
//! a closed stdout must not pass for success. A closed pipe (`accords list … | head`) is
//! the reader having what it wanted, and stays silent with the command's own code.

use std::io::{self, Write};

use crate::commands::{Outcome, exit};

/// Writes `outcome` and returns the exit code. `stdout_closed`: standard output was not
/// open when the program started (`>&-`), so nothing written to it goes anywhere.
pub fn emit(
    outcome: &Outcome,
    stdout_closed: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> u8 {
    let written = if stdout_closed && !outcome.stdout.is_empty() {
        Err(io::Error::other("standard output is closed"))
    } else {
        out.write_all(outcome.stdout.as_bytes())
            .and_then(|()| out.flush())
    };
    let _ = err.write_all(outcome.stderr.as_bytes());
    match written {
        Ok(()) => outcome.code,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => outcome.code,
        Err(error) => {
            let _ = writeln!(err, "accords: could not write the output: {error}");
            let _ = err.flush();
            exit::ERROR
        }
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

    fn printed(code: u8) -> Outcome {
        Outcome {
            stdout: "results\n".to_owned(),
            stderr: String::new(),
            code,
        }
    }

    #[test]
    fn a_full_disk_is_an_error_with_a_message() {
        let mut err = Vec::new();
        let code = emit(
            &printed(exit::OK),
            false,
            &mut Failing(io::ErrorKind::StorageFull),
            &mut err,
        );
        assert_eq!(code, exit::ERROR);
        let message = String::from_utf8(err).expect("UTF-8");
        assert!(
            message.starts_with("accords: could not write the output: "),
            "{message}"
        );
    }

    #[test]
    fn a_closed_pipe_keeps_the_code_and_says_nothing() {
        let mut err = Vec::new();
        for code in [exit::OK, exit::NOTHING] {
            let kept = emit(
                &printed(code),
                false,
                &mut Failing(io::ErrorKind::BrokenPipe),
                &mut err,
            );
            assert_eq!(kept, code);
        }
        assert!(err.is_empty());
    }

    #[test]
    fn a_closed_stdout_is_an_error_only_when_there_is_output() {
        let mut err = Vec::new();
        assert_eq!(
            emit(&printed(exit::OK), true, &mut Vec::new(), &mut err),
            exit::ERROR
        );
        assert!(String::from_utf8_lossy(&err).contains("standard output is closed"));
        let silent = Outcome::default();
        assert_eq!(
            emit(&silent, true, &mut Vec::new(), &mut Vec::new()),
            exit::OK
        );
    }
}
