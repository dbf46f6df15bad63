//! Reading a dataset: the one embedded at build time, a YAML file, or a directory of them.
//! Each file is read whole, checked against the limits of `guard`, then deserialised by
//! serde_yaml; problems become diagnostics naming the file, line and column. Nothing here
//! ever writes to a dataset. Cross-record checks are `validate`'s.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::diagnostic::{Diagnostic, LoadError};
use super::guard;
use super::model::{self, DatasetFile};

/// The largest file accepted, far above the 100,000-announcement benchmark dataset.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;
/// How deep a dataset directory may nest; it also stops symbolic-link loops.
const MAX_DIRECTORY_DEPTH: usize = 16;

/// The dataset in `data/`, built into the binary.
pub const EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded_dataset.rs"));

/// Where a file's text can be had again, to place diagnostics found after parsing.
#[derive(Debug, Clone)]
pub enum Origin {
    Embedded(&'static str),
    Disk(PathBuf),
}

/// One parsed file of a dataset.
#[derive(Debug)]
pub struct ParsedFile {
    /// The name diagnostics use.
    pub name: String,
    pub origin: Origin,
    pub content: DatasetFile,
}

impl ParsedFile {
    /// The file's text, read again: only needed when a problem must be placed in it.
    pub fn text(&self) -> Option<String> {
        match &self.origin {
            Origin::Embedded(text) => Some((*text).to_owned()),
            Origin::Disk(path) => fs::read(path)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok()),
        }
    }
}

/// Parses the embedded dataset's files.
pub fn embedded_files() -> (Vec<ParsedFile>, Vec<Diagnostic>) {
    let outcomes: Vec<Result<ParsedFile, Diagnostic>> = EMBEDDED
        .par_iter()
        .map(|(name, text)| {
            parse(name, text).map(|content| ParsedFile {
                name: (*name).to_owned(),
                origin: Origin::Embedded(text),
                content,
            })
        })
        .collect();
    forget_shared_text();
    let mut parsed = Vec::new();
    let mut problems = Vec::new();
    for outcome in outcomes {
        match outcome {
            Ok(file) => parsed.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    (parsed, problems)
}

/// Reads and parses a YAML file, or every `.yaml`/`.yml` file below a directory in name
/// order. A path that is missing or unreadable, or a directory without YAML, is an error;
/// a file that is read but wrong is a diagnostic, and the other files are still parsed.
pub fn files_at(path: &Path) -> Result<(Vec<ParsedFile>, Vec<Diagnostic>), LoadError> {
    let metadata = fs::metadata(path).map_err(|error| {
        LoadError::unreadable(path, describe_io_error(&error, "no such file or directory"))
    })?;
    let paths = if metadata.is_dir() {
        let mut found = Vec::new();
        collect_yaml(path, 0, &mut found)?;
        if found.is_empty() {
            return Err(LoadError::unreadable(
                path,
                "no .yaml or .yml files in this directory",
            ));
        }
        found.sort();
        found
    } else {
        vec![path.to_path_buf()]
    };
    // Files are read and parsed in parallel, each text dropped once parsed; results are
    // taken in path order, so the outcome (and the first unreadable file) is the same as
    // reading them one by one. The largest files go first: parsing one holds every event
    // of it for a while, and that costs least before the other files' records are held.
    let sizes: Vec<u64> = paths
        .iter()
        .map(|file| fs::metadata(file).map_or(0, |metadata| metadata.len()))
        .collect();
    let mut order: Vec<usize> = (0..paths.len()).collect();
    order.sort_by_key(|&index| std::cmp::Reverse(sizes[index]));
    let mut outcomes: Vec<(usize, Outcome)> = order
        .into_par_iter()
        .map(|index| (index, paths[index].clone()))
        .map(|(index, file)| (index, read_and_parse(file)))
        .collect();
    forget_shared_text();
    outcomes.sort_unstable_by_key(|(index, _)| *index);
    let mut parsed = Vec::new();
    let mut problems = Vec::new();
    for (_, outcome) in outcomes {
        match outcome? {
            Ok(file) => parsed.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    Ok((parsed, problems))
}

/// A file read and parsed, or not read.
type Outcome = Result<Result<ParsedFile, Diagnostic>, LoadError>;

/// One file of a directory, read and parsed: a diagnostic for a file read but wrong, an
/// error for one that cannot be read.
fn read_and_parse(file: PathBuf) -> Outcome {
    let name = file.display().to_string();
    let bytes = read_bounded(&file)?;
    let parsed = parse_bytes(&name, &bytes);
    drop(bytes);
    Ok(parsed.map(|content| ParsedFile {
        name,
        origin: Origin::Disk(file),
        content,
    }))
}

/// Drops the values kept for sharing equal short texts while parsing, on every thread
/// (see `model::Text`): the records hold what they share.
fn forget_shared_text() {
    rayon::broadcast(|_| model::forget_shared_text());
    model::forget_shared_text();
}

fn collect_yaml(directory: &Path, depth: usize, found: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    if depth > MAX_DIRECTORY_DEPTH {
        return Err(LoadError::unreadable(
            directory,
            format!("directories nest deeper than {MAX_DIRECTORY_DEPTH} levels (a link loop?)"),
        ));
    }
    let entries = fs::read_dir(directory).map_err(|error| {
        LoadError::unreadable(directory, describe_io_error(&error, "cannot list"))
    })?;
    for entry in entries {
        let entry = entry.map_err(|error| {
            LoadError::unreadable(directory, describe_io_error(&error, "cannot list"))
        })?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_yaml(&path, depth + 1, found)?;
        } else if matches!(
            path.extension().and_then(|extension| extension.to_str()),
            Some("yaml" | "yml")
        ) {
            found.push(path);
        }
    }
    Ok(())
}

fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadError> {
    let metadata = fs::metadata(path)
        .map_err(|error| LoadError::unreadable(path, describe_io_error(&error, "cannot read")))?;
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadError::unreadable(
            path,
            format!(
                "file of {} bytes is larger than the limit of {} bytes",
                metadata.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    fs::read(path)
        .map_err(|error| LoadError::unreadable(path, describe_io_error(&error, "cannot read")))
}

fn describe_io_error(error: &std::io::Error, not_found: &str) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => not_found.to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}

/// UTF-8 text, without a byte-order mark; otherwise a diagnostic at the first bad byte.
fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Diagnostic {
            file: name.to_owned(),
            line,
            column,
            message: format!(
                "not UTF-8 text: byte 0x{:02X} at offset {}; expected a YAML file in UTF-8",
                bytes[error.valid_up_to()],
                error.valid_up_to()
            ),
        }
    })
}

/// Decodes, guards and deserialises one file's bytes: any bytes at all give either the
/// file's records or one positioned diagnostic.
pub fn parse_bytes(name: &str, bytes: &[u8]) -> Result<DatasetFile, Diagnostic> {
    decode(name, bytes).and_then(|text| parse(name, text))
}

/// Guards, then deserialises one file's text.
pub fn parse(name: &str, text: &str) -> Result<DatasetFile, Diagnostic> {
    let at = |line, column, message: String| Diagnostic {
        file: name.to_owned(),
        line,
        column,
        message,
    };
    if text.trim().is_empty()
        || text
            .lines()
            .all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'))
    {
        return Err(at(
            1,
            1,
            "empty file; expected a mapping with `announcements`, `institutions`, `people` or `contacts`".to_owned(),
        ));
    }
    // The full guard runs before serde_yaml unless the pre-scan proves the file within the
    // limits; then it runs only if serde_yaml fails, so errors read as they always have.
    let proven = guard::within_limits(text);
    let guard =
        || guard::check(text).map_err(|refusal| at(refusal.line, refusal.column, refusal.message));
    if !proven {
        guard()?;
    }
    serde_yaml::from_str(text).map_err(|error| {
        if proven && let Err(refusal) = guard() {
            return refusal;
        }
        let (line, column) = error
            .location()
            .map(|location| (location.line(), location.column()))
            .or_else(|| second_document(text))
            .unwrap_or((1, 1));
        let message = error.to_string();
        // serde_yaml appends the position it also gives separately.
        let message = match message.rsplit_once(" at line ") {
            Some((head, _)) => head.to_owned(),
            None => message,
        };
        at(line, column, explain(message))
    })
}

/// serde_yaml's messages are precise but terse about the file's expected shape.
fn explain(message: String) -> String {
    const SHAPE: &str = "a dataset file is one mapping with `announcements`, `institutions`, `people` or `contacts`";
    let message = message.replace("invalid type: ", "wrong type: ");
    if let Some((head, _)) = message.split_once(", expected struct DatasetFile") {
        format!("{head}; {SHAPE}")
    } else if message.contains("more than one document") {
        format!("a second YAML document (`---`) starts here; {SHAPE}")
    } else {
        suggest_field(message)
    }
}

/// An unknown field's message with the closest expected field first, as ids and settings
/// keys get: "unknown field `titel`; did you mean `title`? expected one of …".
fn suggest_field(message: String) -> String {
    let Some((head, expected)) = message.split_once(", expected ") else {
        return message;
    };
    let Some(field) = head
        .rsplit_once("unknown field `")
        .and_then(|(_, rest)| rest.strip_suffix('`'))
    else {
        return message;
    };
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    match super::validate::closest(field, names.into_iter(), 1).first() {
        Some(close) => format!("{head}; did you mean `{close}`? expected {expected}"),
        None => message,
    }
}

/// Where a second document starts, for serde_yaml's one error that carries no position.
fn second_document(text: &str) -> Option<(usize, usize)> {
    let mut parser = yaml_rust2::parser::Parser::new_from_str(text);
    let mut documents = 0;
    while let Ok((event, marker)) = parser.next_token() {
        match event {
            yaml_rust2::parser::Event::DocumentStart => {
                documents += 1;
                if documents == 2 {
                    return Some((marker.line(), marker.col() + 1));
                }
            }
            yaml_rust2::parser::Event::StreamEnd => break,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_position_of_a_misspelt_field() {
        let problem = parse("x.yaml", "institutions:\n  - id: a\n    nmae: A\n").unwrap_err();
        assert_eq!((problem.line, problem.column), (3, 5));
        assert!(
            problem.message.contains("unknown field `nmae`"),
            "{problem}"
        );
        assert!(!problem.message.contains("at line"), "{problem}");
        assert!(
            problem.message.contains("did you mean `name`?"),
            "{problem}"
        );
        // A field nothing is close to gets the list alone.
        let problem = parse("x.yaml", "institutions:\n  - id: a\n    zzzzzzzz: A\n").unwrap_err();
        assert!(!problem.message.contains("did you mean"), "{problem}");
        assert!(
            problem.message.contains("expected one of `id`"),
            "{problem}"
        );
    }

    #[test]
    fn refuses_an_empty_file() {
        let problem = parse("empty.yaml", "# nothing\n\n").unwrap_err();
        assert!(problem.message.starts_with("empty file"));
    }

    #[test]
    fn places_the_first_invalid_utf8_byte() {
        let problem = decode("bad.yaml", b"a: b\nc: \xff\n").unwrap_err();
        assert_eq!((problem.line, problem.column), (2, 4));
        assert!(problem.message.contains("0xFF"));
    }
}
