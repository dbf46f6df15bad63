//! Hostile resources: files built at test time to make loading run forever or take all
//! memory, each run in a child process with an address-space ceiling (`setrlimit` in
//! `pre_exec`) and a timeout, so a regression fails here instead of exhausting the machine.
//! Each case asserts the exit code and the message with its position. Times are printed
//! (`cargo test --test bounds -- --nocapture`), never asserted: the timeout only turns a
//! hang into a failure.
#![cfg(unix)]

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The address space each run may take. The cases took from 633 MB to 24 GB;
/// checking the embedded dataset needs far less than this.
const CEILING: u64 = 512 * 1024 * 1024;
/// A run still going after this is a hang.
const HANG: Duration = Duration::from_secs(60);
/// A directory with no settings file in it, so the tester's own settings change nothing.
const NO_SETTINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/no-settings");

struct Run {
    stderr: String,
    stdout: String,
    code: i32,
}

/// Runs `accords` under the ceiling, feeding `stdin` if given, and kills it past [`HANG`].
fn bounded(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_accords"));
    command
        .args(args)
        .env("XDG_CONFIG_HOME", NO_SETTINGS)
        .env("COLUMNS", "80")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe, and the closure allocates nothing.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: CEILING as libc::rlim_t,
                rlim_max: CEILING as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let started = Instant::now();
    let mut child = command.spawn().expect("the accords binary runs");
    if let Some(bytes) = stdin {
        let mut input = child.stdin.take().expect("stdin is piped");
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = input.write_all(&bytes);
        });
    }
    // Read as it comes: thousands of diagnostics would fill a pipe and stall the child.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("stdout is piped")));
    let stderr = drain(Box::new(child.stderr.take().expect("stderr is piped")));
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting works") {
            break status;
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("accords {args:?} hung for {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let elapsed = started.elapsed();
    let run = Run {
        stdout: stdout.join().expect("stdout read"),
        stderr: stderr.join().expect("stderr read"),
        code: status.code().unwrap_or_else(|| {
            panic!("accords {args:?} was killed ({status}), under a ceiling of {CEILING} bytes")
        }),
    };
    println!("accords {args:?}: exit {} in {elapsed:.2?}", run.code);
    run
}

/// Asserts one line of stderr starts with `prefix` and holds `words`.
fn says(run: &Run, prefix: &str, words: &str) {
    assert!(
        run.stderr
            .lines()
            .any(|line| line.starts_with(prefix) && line.contains(words)),
        "wanted `{prefix}…{words}…` in:\n{}",
        &run.stderr[..run.stderr.len().min(4000)]
    );
}

fn text(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// The small valid dataset the bad fixtures vary.
fn minimal() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/good/minimal.yaml"
    ))
    .expect("the minimal fixture")
}

fn make_fifo(path: &Path) {
    let name = std::ffi::CString::new(text(path)).expect("no NUL");
    // SAFETY: a valid C string; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0, "mkfifo");
}

#[test]
fn a_link_to_dev_zero_is_refused_without_reading_it() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let zero = directory.path().join("zero.yaml");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("linked");
    let run = bounded(&["check", text(directory.path())], None);
    assert_eq!(run.code, 2);
    says(
        &run,
        &format!("accords: {}: ", text(&zero)),
        "is a character device, not a regular file",
    );
    for args in [
        ["--data", "/dev/zero", "list", "people"],
        ["check", "/dev/urandom", "", ""],
    ] {
        let args: Vec<&str> = args.into_iter().filter(|arg| !arg.is_empty()).collect();
        let run = bounded(&args, None);
        assert_eq!(run.code, 2);
        assert!(
            run.stderr.contains("is a character device"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_fifo_is_refused_whether_given_or_found_in_a_directory() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let fifo = directory.path().join("pipe.yaml");
    make_fifo(&fifo);
    // No writer ever opens the FIFO: reading it would block forever.
    let run = bounded(&["check", text(&fifo)], None);
    assert_eq!(run.code, 2);
    says(
        &run,
        &format!("accords: {}: ", text(&fifo)),
        "is a FIFO (named pipe)",
    );
    let run = bounded(&["check", text(directory.path())], None);
    assert_eq!(run.code, 2);
    says(
        &run,
        &format!("accords: {}: ", text(&fifo)),
        "is a FIFO (named pipe)",
    );
    // A command, and the explorer's start, with and without --watch: refused before the
    // terminal is taken.
    for args in [
        vec!["--data", text(&fifo), "list", "people"],
        vec!["--data", text(&fifo)],
        vec!["--data", text(&fifo), "--watch"],
    ] {
        let run = bounded(&args, None);
        assert_eq!(run.code, 2, "{args:?}");
        says(
            &run,
            &format!("accords: {}: ", text(&fifo)),
            "is a FIFO (named pipe)",
        );
    }
}

#[test]
fn a_settings_file_that_never_ends_is_refused() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let run = bounded(&["--config", device, "config"], None);
        assert_eq!(run.code, 2);
        says(
            &run,
            &format!("accords: settings file {device}: "),
            "is a character device, not a regular file",
        );
    }
}

#[test]
fn standard_input_given_explicitly_is_still_read_and_placed() {
    let run = bounded(&["check", "/dev/stdin"], Some(minimal().as_bytes()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("valid: 1 announcements"),
        "{}",
        run.stdout
    );
    // A problem found after parsing is placed in the text read once from the pipe.
    let broken = minimal().replace("country: KR", "country: Korea");
    let run = bounded(&["check", "/dev/stdin"], Some(broken.as_bytes()));
    assert_eq!(run.code, 1);
    let line = broken
        .lines()
        .position(|line| line.contains("Korea"))
        .expect("the line")
        + 1;
    says(
        &run,
        &format!("/dev/stdin:{line}:14: "),
        "`Korea` is not a country code",
    );
}

#[test]
fn links_that_fan_out_visit_each_real_directory_once() {
    // Three links from each level to the next, twelve levels: 531,441 paths to one file.
    let directory = tempfile::tempdir().expect("a temporary directory");
    let level = |index: usize| directory.path().join(format!("level-{index}"));
    for index in 0..=12 {
        std::fs::create_dir(level(index)).expect("created");
    }
    for index in 0..12 {
        for link in 0..3 {
            std::os::unix::fs::symlink(level(index + 1), level(index).join(format!("to-{link}")))
                .expect("linked");
        }
    }
    std::fs::write(level(12).join("data.yaml"), minimal()).expect("written");
    let run = bounded(&["check", text(&level(0))], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Read once: read twice, its ids would be duplicates.
    assert!(
        run.stdout
            .contains("valid: 1 announcements, 2 institutions"),
        "{}",
        run.stdout
    );
}

/// A file whose `title` is a 64 KiB anchored scalar and whose dateline holds `aliases`
/// aliases to it: the aliases are on lines 5 onwards.
fn alias_file(aliases: usize) -> String {
    let mut text = format!(
        "announcements:\n  - id: a\n    title: &t {}\n    dateline:\n",
        "x".repeat(64 * 1024)
    );
    for _ in 0..aliases {
        text.push_str("      - *t\n");
    }
    text
}

#[test]
fn an_alias_bomb_is_refused_at_the_alias_past_the_budget() {
    // 9,999 aliases to 64 KiB: 105 KB that stood for 655 MB. 16 MiB of text is 256 such
    // aliases; the 257th, on line 4 + 257, is refused.
    let directory = tempfile::tempdir().expect("a temporary directory");
    let bomb = directory.path().join("bomb.yaml");
    std::fs::write(&bomb, alias_file(9_999)).expect("written");
    let run = bounded(&["check", text(&bomb)], None);
    assert_eq!(run.code, 1);
    says(
        &run,
        &format!("{}:261:9: ", text(&bomb)),
        "aliases expand to more than 16777216 bytes of text across the dataset",
    );
}

#[test]
fn the_alias_budget_is_one_for_the_whole_dataset() {
    // Four files of 100 aliases each, every one within the budget alone: the first two
    // take 200 of the 256, the third is refused at its 57th alias (line 61), the fourth at
    // its first (line 5).
    let directory = tempfile::tempdir().expect("a temporary directory");
    for index in 0..4 {
        std::fs::write(
            directory.path().join(format!("part-{index}.yaml")),
            alias_file(100),
        )
        .expect("written");
    }
    let run = bounded(&["check", text(directory.path())], None);
    assert_eq!(run.code, 1);
    let file = |index: usize| text(directory.path()).to_owned() + &format!("/part-{index}.yaml");
    says(
        &run,
        &format!("{}:61:9: ", file(2)),
        "aliases expand to more than",
    );
    says(
        &run,
        &format!("{}:5:9: ", file(3)),
        "aliases expand to more than",
    );
    for index in [0, 1] {
        assert!(
            !run.stderr
                .lines()
                .any(|line| line.starts_with(&file(index)) && line.contains("aliases")),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn did_you_mean_is_bounded_in_a_dataset_of_dangling_references() {
    // 5,000 contacts whose institution is unknown, against 5,000 institutions: each
    // unknown id is one edit from a real one, so every reference could get a suggestion.
    let count = 5_000;
    let mut yaml = String::from("institutions:\n");
    for index in 0..count {
        let _ = write!(
            yaml,
            "  - id: inst-{index:05}\n    name: I\n    kind: hospital\n    city: X\n    country: FR\n"
        );
    }
    yaml.push_str("contacts:\n");
    for index in 0..count {
        let _ = write!(
            yaml,
            "  - id: c-{index:05}\n    name: C\n    organization: O\n    represents: inst-x{index:05}\n"
        );
    }
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = directory.path().join("dangling.yaml");
    std::fs::write(&file, &yaml).expect("written");
    let run = bounded(&["check", text(&file)], None);
    assert_eq!(run.code, 1);
    let problems: Vec<&str> = run
        .stderr
        .lines()
        .filter(|line| line.contains("no institution has the id"))
        .collect();
    assert_eq!(problems.len(), count);
    // The first contact's `represents` is on line 1 + 5 × 5,000 + 1 + 4.
    assert_eq!(
        problems[0],
        format!(
            "{}:25006:17: contacts[0].represents: no institution has the id `inst-x00000`; did you mean `inst-00000`, `inst-00001` or `inst-00002`?",
            text(&file)
        )
    );
    let suggested = problems
        .iter()
        .filter(|line| line.contains("did you mean"))
        .count();
    assert_eq!(suggested, 100, "suggestions are capped per run");
    assert!(problems[count - 1].ends_with("no institution has the id `inst-x04999`"));
}

#[test]
fn a_file_of_unknown_sections_is_refused_at_its_first_key() {
    // 20 MB of unknown keys: buffered by serde_yaml, about 600 MB, past the ceiling.
    let mut yaml = String::with_capacity(21_000_000);
    for index in 0..1_500_000 {
        let _ = writeln!(yaml, "key-{index}: value");
    }
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = directory.path().join("unknown.yaml");
    std::fs::write(&file, &yaml).expect("written");
    let run = bounded(&["check", text(&file)], None);
    assert_eq!(run.code, 1);
    says(
        &run,
        &format!("{}:1:1: ", text(&file)),
        "unknown field `key-0`, expected one of `announcements`, `institutions`, `people`, `contacts`",
    );
}

#[test]
fn a_list_longer_than_the_limit_is_refused_at_its_first_item_past_it() {
    // A dateline of 1,000,001 one-letter places, as a block list from line 4.
    let mut yaml = String::from("announcements:\n  - id: a\n    dateline:\n");
    yaml.push_str(&"      - a\n".repeat(1_000_001));
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = directory.path().join("long.yaml");
    std::fs::write(&file, &yaml).expect("written");
    let run = bounded(&["check", text(&file)], None);
    assert_eq!(run.code, 1);
    says(
        &run,
        &format!("{}:1000004:9: ", text(&file)),
        "a list of more than 1000000 items",
    );
}

#[test]
fn the_records_of_one_file_are_refused_past_the_limit_before_deserialising() {
    // 500,001 people and 500,000 contacts: the 1,000,001st record is the 500,000th
    // contact, on line 2 at column 12 + 2 × 499,999.
    let yaml = format!(
        "people: [{}a]\ncontacts: [{}a]\n",
        "a,".repeat(500_000),
        "a,".repeat(499_999)
    );
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = directory.path().join("records.yaml");
    std::fs::write(&file, &yaml).expect("written");
    let run = bounded(&["check", text(&file)], None);
    assert_eq!(run.code, 1);
    says(
        &run,
        &format!("{}:2:{}: ", text(&file), 12 + 2 * 499_999),
        "more than 1000000 records in one file",
    );
}

/// Files each under the record limit are charged to one count for the dataset before any
/// is deserialised: the file in path order at which the count passes the limit is named.
#[test]
fn the_records_of_several_files_are_refused_past_the_limit_before_deserialising() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let yaml = format!("people: [{}a]\n", "a,".repeat(400_000));
    for name in ["a.yaml", "b.yaml", "c.yaml"] {
        std::fs::write(directory.path().join(name), &yaml).expect("written");
    }
    let run = bounded(&["check", text(directory.path())], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    says(
        &run,
        &format!("{}:1:1: ", text(&directory.path().join("c.yaml"))),
        "more than the limit of 1000000 records (1200003 up to this file)",
    );
    // Nothing else is said: no file past the limit was deserialised to find more.
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
}

#[test]
fn settings_with_80000_unknown_commands_are_placed_in_one_pass() {
    let mut toml = String::from("[keys]\n");
    for index in 0..80_000 {
        let _ = writeln!(toml, "n{index} = \"x\"");
    }
    assert!(toml.len() <= 1024 * 1024);
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = directory.path().join("config.toml");
    std::fs::write(&file, &toml).expect("written");
    let run = bounded(&["--config", text(&file), "config"], None);
    assert_eq!(run.code, 2);
    let placed = run
        .stderr
        .lines()
        .filter(|line| line.contains("unknown command"))
        .count();
    assert_eq!(placed, 80_000);
    says(
        &run,
        &format!("{}:80001:1: ", text(&file)),
        "unknown command `n79999`",
    );
}

/// A release text in `sources/` is read through the same bounded reader: a FIFO named like a
/// release is refused at the announcement's `source`, and `/dev/zero` linked there is not read.
#[test]
fn a_release_text_that_is_a_fifo_or_a_device_is_refused() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).expect("a folder");
        for entry in std::fs::read_dir(from).expect("listed") {
            let entry = entry.expect("an entry");
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copied");
        }
    };
    for folder in ["announcements", "sources"] {
        copy(&data.join(folder), &directory.path().join(folder));
    }
    for file in ["institutions.yaml", "people.yaml", "contacts.yaml"] {
        std::fs::copy(data.join(file), directory.path().join(file)).expect("copied");
    }
    let release = directory.path().join("sources/001_d729fb98eeb34752.txt");
    std::fs::remove_file(&release).expect("removed");
    make_fifo(&release);
    let run = bounded(&["check", text(directory.path())], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("announcements[0].source: ")
            && run
                .stderr
                .contains("is a FIFO (named pipe), not a regular file"),
        "{}",
        run.stderr
    );
    std::fs::remove_file(&release).expect("removed");
    std::os::unix::fs::symlink("/dev/zero", &release).expect("linked");
    let run = bounded(&["check", text(directory.path())], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("is a character device, not a regular file"),
        "{}",
        run.stderr
    );
}
