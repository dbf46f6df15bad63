//! Broken datasets: each must give exit code 1 from `check` (2 from other commands) and a
//! message naming the file, the line, the column and the problem; never a panic or a hang.
//! The large hostile files are generated here, at test time, never committed.

mod support;

use std::fmt::Write as _;

use support::{accords, fixture};

/// (fixture, line, column, words the message must contain)
const BROKEN: &[(&str, usize, usize, &str)] = &[
    ("unknown-field.yaml", 5, 5, "unknown field `titel`"),
    (
        "wrong-type.yaml",
        11,
        15,
        "announcements[0].partners: wrong type: string \"alpha\", expected a sequence",
    ),
    (
        "bad-enum.yaml",
        38,
        11,
        "unknown variant `hospitale`, expected one of",
    ),
    (
        "duplicate-id.yaml",
        36,
        9,
        "duplicate id `alpha`, already used by an institution",
    ),
    (
        "dangling-reference.yaml",
        14,
        22,
        "no institution has the id `betta`; did you mean `beta`?",
    ),
    (
        "wrong-kind-reference.yaml",
        18,
        21,
        "`alpha` is an institution; expected a person id",
    ),
    (
        "impossible-date.yaml",
        4,
        11,
        "`2023-02-29` is not a calendar date",
    ),
    (
        "bad-event-date.yaml",
        27,
        15,
        "date span `2025/2024` ends before it starts",
    ),
    (
        "bad-email.yaml",
        24,
        18,
        "`bob.alpha.example.org` is not an email address",
    ),
    ("bad-country.yaml", 40, 14, "`Korea` is not a country code"),
    ("bad-id.yaml", 36, 9, "`Beta Centre` is not a valid id"),
    (
        "bad-language.yaml",
        7,
        15,
        "`english` is not a language code",
    ),
    ("bad-coordinates.yaml", 36, 18, "is not on Earth"),
    ("missing-field.yaml", 3, 5, "missing field `summary`"),
    ("syntax-error.yaml", 9, 9, "YAML syntax error"),
    ("bad-indentation.yaml", 39, 11, "YAML syntax error"),
    ("tab-indentation.yaml", 39, 1, "found a tab"),
    ("two-documents.yaml", 30, 1, "a second YAML document"),
    ("top-level-list.yaml", 1, 1, "a dataset file is one mapping"),
    ("empty.yaml", 1, 1, "empty file"),
    ("not-utf8.yaml", 37, 12, "not UTF-8 text: byte 0xE9"),
    ("binary.yaml", 1, 1, "not UTF-8 text: byte 0x89"),
];

#[test]
fn every_broken_fixture_is_reported_at_its_line_and_column() {
    let mut failures = String::new();
    for (name, line, column, words) in BROKEN {
        let path = fixture(&format!("bad/{name}"));
        let path = path.to_str().expect("fixture paths are UTF-8");
        let run = accords(&["check", path]);
        let expected = format!("{path}:{line}:{column}: ");
        let reported = run
            .stderr
            .lines()
            .any(|message| message.starts_with(&expected) && message.contains(words));
        if run.code != 1 || !reported || !run.stdout.is_empty() {
            let _ = writeln!(
                failures,
                "{name}: exit {} (expected 1), wanted `{expected}…{words}…` in:\n{}",
                run.code, run.stderr
            );
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn other_commands_refuse_an_invalid_dataset_with_the_same_diagnostics() {
    let path = fixture("bad/dangling-reference.yaml");
    let path = path.to_str().expect("UTF-8");
    for args in [
        vec!["--data", path, "list", "announcements"],
        vec!["--data", path, "show", "alpha"],
        vec!["--data", path, "search", "alpha", "--format", "json"],
    ] {
        let run = accords(&args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(
            run.stdout.is_empty(),
            "{args:?} printed on stdout: {}",
            run.stdout
        );
        assert!(
            run.stderr.contains(&format!("{path}:14:22: ")),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn every_problem_in_a_dataset_is_reported_in_one_run() {
    let path = fixture("bad/many-problems.yaml");
    let run = accords(&["check", path.to_str().expect("UTF-8")]);
    assert_eq!(run.code, 1);
    for words in [
        "`2024-02-30` is not a calendar date",
        "`betta`",
        "`bob-at-alpha` is not an email",
        "`nobody`",
    ] {
        assert!(
            run.stderr.contains(words),
            "missing {words} in {}",
            run.stderr
        );
    }
    assert!(
        run.stderr.contains("4 problems in the dataset"),
        "{}",
        run.stderr
    );
}

#[test]
fn problems_in_several_files_of_a_directory_are_all_reported() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let good = std::fs::read_to_string(fixture("good/minimal.yaml")).expect("fixture");
    std::fs::write(
        directory.path().join("a.yaml"),
        good.replace("country: KR", "country: kr"),
    )
    .expect("write");
    std::fs::write(
        directory.path().join("b.yml"),
        "people:\n  - id: x\n    nom: X\n",
    )
    .expect("write");
    let run = accords(&["check", directory.path().to_str().expect("UTF-8")]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("a.yaml:40:14: institutions[1].country"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("b.yml:3:5: people[0]: unknown field `nom`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_path_or_a_directory_without_yaml_exits_2() {
    let run = accords(&["check", "/nonexistent/accords-dataset.yaml"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "accords: /nonexistent/accords-dataset.yaml: no such file or directory\n"
    );

    let directory = fixture("bad/no-yaml");
    let run = accords(&["check", directory.to_str().expect("UTF-8")]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no .yaml or .yml files in this directory"),
        "{}",
        run.stderr
    );

    let run = accords(&["--data", "/nonexistent/x.yaml", "list", "people"]);
    assert_eq!(run.code, 2);
}

/// Writes a generated hostile file and checks it is refused with a positioned message.
fn refused(name: &str, content: &[u8], line: usize, words: &str) {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let path = directory.path().join(name);
    std::fs::write(&path, content).expect("write");
    let path = path.to_str().expect("UTF-8");
    let run = accords(&["check", path]);
    assert_eq!(run.code, 1, "{name}: {run:?}");
    let prefix = format!("{path}:{line}:");
    assert!(
        run.stderr
            .lines()
            .any(|message| message.starts_with(&prefix) && message.contains(words)),
        "{name}: wanted `{prefix}…{words}` in {}",
        run.stderr
    );
}

#[test]
fn deep_nesting_is_refused_before_it_is_built() {
    let depth = 200_000;
    let flow = format!(
        "announcements: {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    refused(
        "deep-flow.yaml",
        flow.as_bytes(),
        1,
        "nesting deeper than the limit of 64 levels",
    );
    let mappings = format!(
        "announcements: {}1{}\n",
        "{a: ".repeat(depth),
        "}".repeat(depth)
    );
    refused(
        "deep-mappings.yaml",
        mappings.as_bytes(),
        1,
        "nesting deeper than the limit",
    );
    let mut block = String::from("announcements:\n");
    for level in 1..200 {
        let _ = writeln!(block, "{}-", "  ".repeat(level));
    }
    refused(
        "deep-block.yaml",
        block.as_bytes(),
        65,
        "nesting deeper than the limit",
    );
}

#[test]
fn an_alias_bomb_is_refused() {
    // Each level is nine aliases of the one before: the sixth level's first alias takes
    // the nodes aliases stand for past a million, on line 8.
    let mut text = String::from(
        "people:\n  - &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    for level in 1..10 {
        let items = vec![format!("*a{}", level - 1); 9].join(", ");
        let _ = writeln!(text, "  - &a{level} [{items}]");
    }
    refused(
        "alias-bomb.yaml",
        text.as_bytes(),
        8,
        "aliases expand to more than 1000000 nodes",
    );
}

#[test]
fn a_40_megabyte_string_is_refused() {
    let text = format!("announcements:\n  - id: \"{}\"\n", "x".repeat(40_000_000));
    refused(
        "huge-string.yaml",
        text.as_bytes(),
        2,
        "text of 40000000 bytes is longer than the limit of 65536 bytes",
    );
}

#[test]
fn megabytes_of_junk_are_refused() {
    // Deterministic pseudo-random bytes: a xorshift generator, no dependency.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let junk: Vec<u8> = (0..20_000_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    refused("junk.yaml", &junk, 1, "not UTF-8 text");
    refused(
        "letters.yaml",
        "a".repeat(20_000_000).as_bytes(),
        1,
        "longer than the limit",
    );
}

#[test]
fn check_never_writes_to_the_dataset() {
    let path = fixture("bad/many-problems.yaml");
    let before = std::fs::read(&path).expect("fixture");
    let modified = std::fs::metadata(&path)
        .and_then(|metadata| metadata.modified())
        .expect("mtime");
    accords(&["check", path.to_str().expect("UTF-8")]);
    assert_eq!(std::fs::read(&path).expect("fixture"), before);
    assert_eq!(
        std::fs::metadata(&path)
            .and_then(|metadata| metadata.modified())
            .expect("mtime"),
        modified
    );
}

/// A copy of `data/` in a temporary directory, for breaking one thing in it.
fn copy_of_data() -> tempfile::TempDir {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).expect("a directory");
        for entry in std::fs::read_dir(from).expect("listed") {
            let entry = entry.expect("an entry");
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target).expect("copied");
            }
        }
    }
    let directory = tempfile::tempdir().expect("a temporary directory");
    copy(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        directory.path(),
    );
    directory
}

/// A passage edited so that its release no longer says it is reported at the passage's
/// own file, line and column; so is a release text missing from `sources/`.
#[test]
fn a_passage_not_in_its_release_is_reported_where_it_stands() {
    let data = copy_of_data();
    let file = data.path().join("announcements/2019-02-12-bergonie.yaml");
    let yaml = std::fs::read_to_string(&file).expect("read");
    let broken = yaml.replacen(
        "passage: \"Gustave Roussy and Institut Bergonié have signed an agreement\"",
        "passage: \"Gustave Roussy and Institut Bergonié have signed a treaty\"",
        1,
    );
    assert_ne!(broken, yaml);
    std::fs::write(&file, &broken).expect("written");
    let (line, column) = broken
        .lines()
        .enumerate()
        .find_map(|(number, text)| {
            text.find("a treaty")
                .map(|_| (number + 1, text.find("passage:").expect("key") + 10))
        })
        .expect("the broken line");
    let run = accords(&["check", data.path().to_str().expect("UTF-8 path")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let expected = format!(
        "{}:{line}:{column}: announcements[0].partners[0].passage: not found in its release `001_d729fb98eeb34752.txt`",
        file.display()
    );
    assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);

    // Asking for an appearance the release does not have is refused, saying how many it has.
    let second = yaml.replacen(
        "        passage: \"Gustave Roussy and Institut Bergonié have signed an agreement\"\n",
        "        passage: \"Gustave Roussy and Institut Bergonié have signed an agreement\"\n        occurrence: 2\n",
        1,
    );
    assert_ne!(second, yaml);
    std::fs::write(&file, &second).expect("written");
    let run = accords(&["check", data.path().to_str().expect("UTF-8 path")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("`occurrence: 2` asks for appearance 2 of these words, but its release `001_d729fb98eeb34752.txt` has 1"),
        "{}",
        run.stderr
    );

    // Without its release text, a dataset with a sources folder is refused at `source`.
    std::fs::write(&file, &yaml).expect("restored");
    std::fs::remove_file(data.path().join("sources/001_d729fb98eeb34752.txt")).expect("removed");
    let run = accords(&["check", data.path().to_str().expect("UTF-8 path")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("announcements[0].source: `001_d729fb98eeb34752.txt` is not in"),
        "{}",
        run.stderr
    );

    // With no sources folder at all, passages are not checked and the dataset is valid.
    std::fs::remove_dir_all(data.path().join("sources")).expect("removed");
    let run = accords(&["check", data.path().to_str().expect("UTF-8 path")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// `about` names one of the institution's other names, or is refused at its position.
#[test]
fn a_statement_about_an_unknown_other_name_is_refused() {
    let data = copy_of_data();
    let file = data
        .path()
        .join("announcements/2023-10-16-amgen-partners-of-choice.yaml");
    let yaml = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        yaml.replacen("about: \"Amgen France\"", "about: \"Amgen Germany\"", 1),
    )
    .expect("written");
    let run = accords(&["check", data.path().to_str().expect("UTF-8 path")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("about: `Amgen Germany` is not one of the other names of `amgen`; expected one of `Amgen France`"),
        "{}",
        run.stderr
    );
}

/// Only a network may leave out its city (a release may state no seat for it).
#[test]
fn only_a_network_may_have_no_city() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = directory.path().join("seatless.yaml");
    let dataset = "\
institutions:
  - id: a-network
    name: \"A Network\"
    kind: network
    country: US
  - id: a-hospital
    name: \"A Hospital\"
    kind: hospital
    country: FR
";
    std::fs::write(&file, dataset).expect("written");
    let run = accords(&["check", file.to_str().expect("UTF-8 path")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines.len(),
        2,
        "one problem, then the count: {}",
        run.stderr
    );
    assert!(
        lines[0].starts_with(&format!("{}:6:", file.display()))
            && lines[0].contains("`a-hospital` has no city"),
        "{}",
        run.stderr
    );
}

/// The minimal valid dataset with `from` replaced by `to` once, checked: the one
/// diagnostic's `LINE:COLUMN: message`, without the file name.
fn checked_variant(name: &str, from: &str, to: &str) -> String {
    let base = std::fs::read_to_string(fixture("good/minimal.yaml")).expect("fixture");
    assert!(base.contains(from), "{from:?} is in the minimal fixture");
    let directory = tempfile::tempdir().expect("a temporary directory");
    let path = directory.path().join(name);
    std::fs::write(&path, base.replacen(from, to, 1)).expect("write");
    let path = path.to_str().expect("UTF-8");
    let run = accords(&["check", path]);
    assert_eq!(run.code, 1, "{name}: {run:?}");
    let first = run.stderr.lines().next().unwrap_or_default();
    first
        .strip_prefix(&format!("{path}:"))
        .unwrap_or(first)
        .to_owned()
}

#[test]
fn a_key_written_twice_is_reported_at_the_second() {
    // Alpha Institute's `city` is on line 34; with `sources` after `country`, the second
    // `city` key is on line 39, at column 7.
    let message = checked_variant(
        "duplicate-source.yaml",
        "    city: Paris\n    country: FR\n",
        "    city: Paris\n    country: FR\n    sources:\n      city: \"one\"\n      country: \"two\"\n      city: \"three\"\n",
    );
    assert_eq!(
        message,
        "39:7: institutions[0].sources: duplicate key `city` in `sources`; expected each field once, with one source"
    );
    // A second `language` after `summary`, in the announcement that starts on line 3.
    let message = checked_variant(
        "duplicate-field.yaml",
        "    summary: Alpha and Beta agree to work together.\n",
        "    summary: Alpha and Beta agree to work together.\n    language: fr\n",
    );
    assert_eq!(
        message,
        "11:5: announcements[0]: duplicate field `language`"
    );
}

#[test]
fn a_number_that_is_not_finite_is_refused_at_it() {
    for (written, shown) in [(".nan", "NaN"), ("-.inf", "-inf"), (".Inf", "inf")] {
        let message = checked_variant(
            "not-finite.yaml",
            "    source: alpha.txt\n",
            &format!(
                "    source: alpha.txt\n    figures:\n      - number: {written}\n        counts: staff\n        as_written: \"many\"\n"
            ),
        );
        assert_eq!(
            message,
            format!(
                "31:17: announcements[0].figures[0].number: `{shown}` is not a finite number; expected a number like 42 or 1.5"
            )
        );
    }
    let message = checked_variant(
        "not-finite-coordinates.yaml",
        "    city: Paris\n",
        "    city: Paris\n    coordinates: { lat: .nan, lon: 2.35 }\n",
    );
    assert!(
        message.starts_with("35:25: institutions[0].coordinates.lat: `NaN` is not a finite number"),
        "{message}"
    );
}
