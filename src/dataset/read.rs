//! Reading text files, for the dataset and the settings alike: one bounded reader, one
//! way of saying why a file cannot be read, and one way of placing a byte offset as a line
//! and a column.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::diagnostic::LoadError;

/// Reads a whole file, but never more than `limit` bytes whatever its metadata says (a
/// device's length is 0), and only a regular file: a FIFO, a device or a socket is refused
/// without a read that could block or never end. Standard input given as `/dev/stdin` is
/// read too, bounded the same way. Links are followed.
pub(crate) fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let cannot_read = |error: std::io::Error| {
        LoadError::unreadable(path, describe_io_error(&error, "cannot read"))
    };
    let too_large = |size: u64| {
        LoadError::unreadable(
            path,
            format!("file of {size} bytes is larger than the limit of {limit} bytes"),
        )
    };
    let mut bytes = Vec::new();
    if is_standard_input(path) {
        std::io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(cannot_read)?;
        if bytes.len() as u64 > limit {
            return Err(LoadError::unreadable(
                path,
                format!("more than the limit of {limit} bytes"),
            ));
        }
        return Ok(bytes);
    }
    // Looked at before opening, since opening a FIFO for reading waits for a writer; and
    // opened without blocking, then looked at again, since the path may have changed
    // in between.
    let metadata = fs::metadata(path).map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(not_regular(path, metadata.file_type()));
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(cannot_read)?;
    let metadata = file.metadata().map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(not_regular(path, metadata.file_type()));
    }
    if metadata.len() > limit {
        return Err(too_large(metadata.len()));
    }
    // The length is only a hint: the file may grow while it is read.
    bytes.reserve_exact(
        usize::try_from(metadata.len())
            .unwrap_or(0)
            .saturating_add(1),
    );
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::unreadable(
            path,
            format!("grew past the limit of {limit} bytes while being read"),
        ));
    }
    Ok(bytes)
}

/// The refusal of something that is not a regular file, saying what it is.
pub(crate) fn not_regular(path: &Path, kind: fs::FileType) -> LoadError {
    let what = if kind.is_dir() {
        "a directory"
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                "a FIFO (named pipe)"
            } else if kind.is_char_device() {
                "a character device"
            } else if kind.is_block_device() {
                "a block device"
            } else if kind.is_socket() {
                "a socket"
            } else {
                "neither a file nor a directory"
            }
        }
        #[cfg(not(unix))]
        {
            "neither a file nor a directory"
        }
    };
    LoadError::unreadable(
        path,
        format!(
            "is {what}, not a regular file; expected a file (or /dev/stdin for standard input)"
        ),
    )
}

/// Whether `path` names standard input, which is read when given explicitly although it
/// is not a regular file (a pipe, a terminal).
pub(crate) fn is_standard_input(path: &Path) -> bool {
    cfg!(unix)
        && [
            Path::new("/dev/stdin"),
            Path::new("/dev/fd/0"),
            Path::new("/proc/self/fd/0"),
        ]
        .contains(&path)
}

/// An I/O error as a reason after a path: `not_found` names a missing file in the reader's
/// own words.
pub(crate) fn describe_io_error(error: &std::io::Error, not_found: &str) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => not_found.to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    Lines::of(text).line_column(offset)
}

/// Where a text's lines start and how many characters precede every [`Lines::STRIDE`]
/// bytes, found in one pass, so that each of thousands of diagnostics is placed without
/// reading the text from its start again.
pub(crate) struct Lines<'a> {
    text: &'a [u8],
    starts: Vec<usize>,
    characters: Vec<usize>,
}

impl<'a> Lines<'a> {
    const STRIDE: usize = 4096;

    pub(crate) fn of(text: &'a str) -> Lines<'a> {
        let bytes = text.as_bytes();
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', bytes).map(|at| at + 1))
            .collect();
        let mut characters = vec![0];
        for chunk in bytes.chunks(Self::STRIDE) {
            let before = characters.last().copied().unwrap_or(0);
            characters.push(before + count_characters(chunk));
        }
        Lines {
            text: bytes,
            starts,
            characters,
        }
    }

    /// How many characters precede byte `offset` (a byte inside a character counts that
    /// character).
    fn characters_before(&self, offset: usize) -> usize {
        let block = offset / Self::STRIDE;
        self.characters[block] + count_characters(&self.text[block * Self::STRIDE..offset])
    }

    pub(crate) fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        // Not inside a character: a column counts whole characters.
        while offset > 0 && offset < self.text.len() && self.text[offset] & 0xC0 == 0x80 {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let column = if offset - start <= Self::STRIDE {
            count_characters(&self.text[start..offset]) + 1
        } else {
            self.characters_before(offset) - self.characters_before(start) + 1
        };
        (line, column)
    }
}

/// The characters starting in `bytes`: every byte but UTF-8 continuation bytes.
fn count_characters(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&byte| byte & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_up_to_the_limit_and_no_further() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let path = directory.path().join("ten.txt");
        fs::write(&path, "0123456789").expect("written");
        assert_eq!(read_bounded(&path, 10).expect("read"), b"0123456789");
        let refused = read_bounded(&path, 9).unwrap_err().to_string();
        assert!(
            refused.ends_with("file of 10 bytes is larger than the limit of 9 bytes"),
            "{refused}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_device_and_a_directory_without_reading_them() {
        let refused = read_bounded(Path::new("/dev/zero"), 1 << 20)
            .unwrap_err()
            .to_string();
        assert!(
            refused.starts_with("/dev/zero: is a character device, not a regular file"),
            "{refused}"
        );
        let directory = tempfile::tempdir().expect("a temporary directory");
        let refused = read_bounded(directory.path(), 1 << 20)
            .unwrap_err()
            .to_string();
        assert!(
            refused.contains("is a directory, not a regular file"),
            "{refused}"
        );
    }

    #[test]
    fn places_an_offset_in_characters_on_its_line() {
        let text = "ab\nçé x\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        // `ç` and `é` are two bytes each: `x` is the fourth character of line 2.
        assert_eq!(line_column(text, 8), (2, 4));
        assert_eq!(line_column(text, text.len()), (3, 1));
    }
}
