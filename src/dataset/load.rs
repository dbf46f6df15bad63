//! Reading a dataset: the one embedded at build time, a YAML file, or a directory of them.
//! Each file is read whole through [`read_bounded`], checked against the limits of `guard`,
//! then deserialised by serde_yaml; problems become diagnostics naming the file, line and
//! column. Nothing here ever writes to a dataset. Cross-record checks are `validate`'s.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::diagnostic::{Diagnostic, LoadError};
use super::files::{self, Found, MAX_DIRECTORY_DEPTH, WalkError};
use super::guard::{self, AliasBudget, Usage};
use super::locate;
use super::model::{self, DatasetFile};
use super::parsed::{MAX_FILE_BYTES, Origin, ParsedFile};
use super::read::{self, describe_io_error, is_standard_input, not_regular, read_bounded};
use super::records::MAX_RECORDS;

/// The dataset in `data/`, built into the binary.
pub(crate) const EMBEDDED: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/embedded_dataset.rs"));

/// Parses the embedded dataset's files.
pub(crate) fn embedded_files() -> (Vec<ParsedFile>, Vec<Diagnostic>) {
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
pub(crate) fn files_at(path: &Path) -> Result<(Vec<ParsedFile>, Vec<Diagnostic>), LoadError> {
    let metadata = fs::metadata(path).map_err(|error| {
        LoadError::unreadable(path, describe_io_error(&error, "no such file or directory"))
    })?;
    let paths = if metadata.is_dir() {
        yaml_files(path)?
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
    // Each file's records, counted by the guard, are charged to the dataset's limit before
    // the file is deserialised, so many files each under the limit cannot together make
    // more records than it allows in memory.
    let charged = AtomicUsize::new(0);
    let mut outcomes: Vec<(usize, Counted)> = order
        .into_par_iter()
        .map(|index| (index, paths[index].clone()))
        .map(|(index, file)| (index, read_and_parse(file, &charged)))
        .collect();
    outcomes.sort_unstable_by_key(|(index, _)| *index);
    if charged.load(Ordering::Relaxed) > MAX_RECORDS {
        return Ok((Vec::new(), vec![over_the_record_limit(&outcomes)]));
    }
    let outcomes = outcomes
        .into_iter()
        .map(|(index, (outcome, _))| (index, outcome));
    // Files with aliases are deserialised last, one at a time in path order, each alias
    // charged to one budget for the dataset: what aliases add to memory is then bounded
    // by the budget, however many files hold them, and the alias refused is always the same.
    let mut budget = AliasBudget::default();
    let mut parsed = Vec::new();
    let mut problems = Vec::new();
    for (_, outcome) in outcomes {
        let outcome = match outcome? {
            Loaded::Parsed(outcome) => outcome,
            Loaded::WithAliases(file) => file.deserialise(&mut budget),
        };
        match outcome {
            Ok(file) => parsed.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    forget_shared_text();
    Ok((parsed, problems))
}

/// The `.yaml` and `.yml` files below `directory`, in name order, as
/// [`files::dataset_files`] finds them; anything named like YAML that is neither a regular
/// file nor a directory (a FIFO, a device) is refused without being opened.
pub(crate) fn yaml_files(directory: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let mut found = Vec::new();
    files::dataset_files(directory, &mut |entry| {
        if let Found::File(path) = entry {
            found.push(path.to_path_buf());
        }
    })
    .map_err(|error| match error {
        WalkError::TooDeep(directory) => LoadError::unreadable(
            directory,
            format!("directories nest deeper than {MAX_DIRECTORY_DEPTH} levels"),
        ),
        WalkError::Unlistable(directory, error) => {
            LoadError::unreadable(directory, describe_io_error(&error, "cannot list"))
        }
        WalkError::NotRegular(path, kind) => not_regular(&path, kind),
    })?;
    if found.is_empty() {
        return Err(LoadError::unreadable(
            directory,
            "no .yaml or .yml files in this directory",
        ));
    }
    found.sort();
    Ok(found)
}

/// A file read: parsed already, or holding aliases and waiting for the dataset's budget.
enum Loaded {
    Parsed(Result<ParsedFile, Diagnostic>),
    WithAliases(Pending),
}

/// A file within every limit of its own whose aliases are yet to be charged.
struct Pending {
    name: String,
    origin: Origin,
    bytes: Vec<u8>,
    proven: bool,
    usage: Usage,
}

impl Pending {
    fn deserialise(self, budget: &mut AliasBudget) -> Result<ParsedFile, Diagnostic> {
        let name = self.name;
        for alias in &self.usage.aliases {
            budget.charge(alias).map_err(|refusal| Diagnostic {
                file: name.clone(),
                line: refusal.line,
                column: refusal.column,
                message: refusal.message,
            })?;
        }
        let text = decode(&name, &self.bytes)?;
        let content = deserialise(&name, text, self.proven)?;
        Ok(ParsedFile {
            name,
            origin: self.origin,
            content,
        })
    }
}

/// A file read and parsed, or not read.
type Outcome = Result<Loaded, LoadError>;

/// One file of a dataset, read and guarded, and parsed unless it holds aliases: a
/// diagnostic for a file read but wrong, an error for one that cannot be read.
/// A file's outcome, with its name and record count when the guard counted them.
type Counted = (Outcome, Option<(String, usize)>);

/// The file in path order whose records take the dataset past [`MAX_RECORDS`], as a
/// diagnostic: the same whichever file's thread found the limit crossed first.
fn over_the_record_limit(outcomes: &[(usize, Counted)]) -> Diagnostic {
    let mut total = 0usize;
    let mut last = String::new();
    for (_, (_, counted)) in outcomes {
        let Some((name, records)) = counted else {
            continue;
        };
        total += records;
        last.clone_from(name);
        if total > MAX_RECORDS {
            break;
        }
    }
    Diagnostic {
        file: last,
        line: 1,
        column: 1,
        message: format!(
            "the dataset's files hold more than the limit of {MAX_RECORDS} records ({total} up to this file); no file past the limit is read further"
        ),
    }
}

/// Reads, guards and deserialises one file, charging its records to `charged` first; with
/// the file's name and record count when the guard counted them.
fn read_and_parse(file: PathBuf, charged: &AtomicUsize) -> Counted {
    let name = file.display().to_string();
    let bytes = match read_bounded(&file, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(error) => return (Err(error), None),
    };
    let origin = if is_standard_input(&file) {
        Origin::Kept(String::from_utf8_lossy(&bytes).into())
    } else {
        Origin::Disk(file)
    };
    let guarded = decode(&name, &bytes).and_then(|text| guard_text(&name, text));
    let (proven, mut usage) = match guarded {
        Ok(guarded) => guarded,
        Err(problem) => return (Ok(Loaded::Parsed(Err(problem))), None),
    };
    let mut over =
        charged.fetch_add(usage.records, Ordering::Relaxed) + usage.records > MAX_RECORDS;
    if over && proven {
        // The pre-scan's count is an upper bound (a flow list's commas): count exactly
        // before refusing.
        let exact = decode(&name, &bytes)
            .ok()
            .and_then(|text| guard::check(text).ok())
            .map_or(usage.records, |exact| exact.records);
        charged.fetch_sub(usage.records - exact.min(usage.records), Ordering::Relaxed);
        usage.records = exact.min(usage.records);
        over = charged.load(Ordering::Relaxed) > MAX_RECORDS;
    }
    let counted = Some((name.clone(), usage.records));
    if over {
        // Refused as a whole by `files_at`, which names the file the limit is crossed at.
        let refused = Diagnostic {
            file: name,
            line: 1,
            column: 1,
            message: format!("past the dataset's limit of {MAX_RECORDS} records"),
        };
        return (Ok(Loaded::Parsed(Err(refused))), counted);
    }
    if !usage.aliases.is_empty() {
        let pending = Pending {
            name,
            origin,
            bytes,
            proven,
            usage,
        };
        return (Ok(Loaded::WithAliases(pending)), counted);
    }
    let parsed = decode(&name, &bytes).and_then(|text| deserialise(&name, text, proven));
    drop(bytes);
    let parsed = parsed.map(|content| ParsedFile {
        name,
        origin,
        content,
    });
    (Ok(Loaded::Parsed(parsed)), counted)
}

/// Drops the values kept for sharing equal short texts while parsing, on every thread
/// (see `model::Text`): the records hold what they share.
fn forget_shared_text() {
    rayon::broadcast(|_| model::forget_shared_text());
    model::forget_shared_text();
}

/// UTF-8 text, without a byte-order mark; otherwise a diagnostic at the first bad byte.
fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let (line, column) = read::line_column(valid, valid.len());
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

/// Guards, then deserialises one file's text, its aliases within a budget of their own.
pub(crate) fn parse(name: &str, text: &str) -> Result<DatasetFile, Diagnostic> {
    let (proven, usage) = guard_text(name, text)?;
    let mut budget = AliasBudget::default();
    for alias in &usage.aliases {
        budget
            .charge(alias)
            .map_err(|refusal| positioned(name, refusal))?;
    }
    deserialise(name, text, proven)
}

fn positioned(name: &str, refusal: guard::Refusal) -> Diagnostic {
    Diagnostic {
        file: name.to_owned(),
        line: refusal.line,
        column: refusal.column,
        message: refusal.message,
    }
}

/// A refusal of the guard, placed at its cause (see [`locate::refine`]).
fn refined(name: &str, text: &str, refusal: guard::Refusal) -> Diagnostic {
    let (line, column) = locate::refine(text, &refusal.message, (refusal.line, refusal.column));
    Diagnostic {
        line,
        column,
        ..positioned(name, refusal)
    }
}

/// Refuses an empty file, and any file past a limit of `guard`: whether the pre-scan
/// proved the file within the limits, and otherwise what the full pass found.
fn guard_text(name: &str, text: &str) -> Result<(bool, Usage), Diagnostic> {
    if text.trim().is_empty()
        || text
            .lines()
            .all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'))
    {
        return Err(Diagnostic {
            file: name.to_owned(),
            line: 1,
            column: 1,
            message: "empty file; expected a mapping with `announcements`, `institutions`, `people` or `contacts`".to_owned(),
        });
    }
    // The full guard runs before serde_yaml unless the pre-scan proves the file within the
    // limits; then it runs only if serde_yaml fails, so errors read as they always have.
    if let Some(records) = guard::records_within_limits(text) {
        return Ok((
            true,
            Usage {
                records,
                ..Usage::default()
            },
        ));
    }
    let usage = guard::check(text).map_err(|refusal| refined(name, text, refusal))?;
    Ok((false, usage))
}

/// Deserialises a guarded file's text.
fn deserialise(name: &str, text: &str, proven: bool) -> Result<DatasetFile, Diagnostic> {
    let at = |line, column, message: String| Diagnostic {
        file: name.to_owned(),
        line,
        column,
        message,
    };
    serde_yaml::from_str(text).map_err(|error| {
        if proven && let Err(refusal) = guard::check(text) {
            return refined(name, text, refusal);
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
        let (line, column) = locate::refine(text, &message, (line, column));
        at(line, column, explain(message))
    })
}

/// serde_yaml's messages are precise but terse about the file's expected shape.
fn explain(message: String) -> String {
    use guard::SHAPE;
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

    #[cfg(unix)]
    #[test]
    fn a_file_reached_by_two_links_is_read_once() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        fs::write(directory.path().join("a.yaml"), "people: []\n").expect("written");
        std::os::unix::fs::symlink(
            directory.path().join("a.yaml"),
            directory.path().join("b.yaml"),
        )
        .expect("linked");
        // A link back to the directory itself is a loop, and leads to nothing new.
        std::os::unix::fs::symlink(directory.path(), directory.path().join("again"))
            .expect("linked");
        let found = yaml_files(directory.path()).expect("listed");
        assert_eq!(found, vec![directory.path().join("a.yaml")]);
    }
}
