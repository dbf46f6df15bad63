//! Problems found in a dataset, each tied to a file, a line and a column, and the errors
//! that stop loading altogether. The library only describes them; `main` decides how they
//! are printed and which exit code follows.

use std::fmt;
use std::path::PathBuf;

/// One problem in one file: shown as `FILE:LINE:COLUMN: message`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Why a dataset could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path given does not exist or cannot be read: nothing to check.
    #[error("{}: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },
    /// The dataset was read and found wrong; every problem found is listed.
    #[error("{} problem(s) in the dataset", problems.len())]
    Invalid { problems: Vec<Diagnostic> },
}

impl LoadError {
    pub(crate) fn unreadable(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        LoadError::Unreadable {
            path: path.into(),
            reason: reason.into(),
        }
    }
}
