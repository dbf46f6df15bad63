//! `search`, `contacts` and `list` when nothing is found: exit 1 and one line on stderr
//! saying so (with a spelling suggestion when a term is a near miss), while JSON still
//! prints `[]` for scripts; and the ranking a reader expects, through the binary.

mod support;

use support::accords;

#[test]
fn nothing_matched_exits_1_with_a_message() {
    let run = accords(&["search", "zzz"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "accords: no record matches `zzz`\n");

    let run = accords(&["search", "bergonei", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.trim(), "[]");
    assert_eq!(
        run.stderr,
        "accords: no record matches `bergonei`; did you mean `bergonie`?\n"
    );

    let run = accords(&["contacts", "nobody"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "accords: no contact matches `nobody`\n");
}

#[test]
fn listing_an_empty_kind_exits_1_with_a_message() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let path = directory.path().join("institutions-only.yaml");
    std::fs::write(
        &path,
        "institutions:\n  - id: alpha\n    name: Alpha Institute\n    kind: cancer-centre\n    city: Paris\n    country: FR\n",
    )
    .expect("write");
    let data = path.to_str().expect("a UTF-8 path");
    let run = accords(&["--data", data, "list", "people", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.trim(), "[]");
    assert_eq!(run.stderr, "accords: the dataset has no people\n");
    let run = accords(&["--data", data, "list", "institutions"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn a_found_search_says_nothing_on_stderr_and_ranks_the_institution_first() {
    // A reader of the 2022 release knows Harvard Medical School as an institution, and
    // Toni Choueiri as a professor there: the institution comes first.
    let run = accords(&["search", "harvard", "--format", "csv"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let ids: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').nth(1))
        .collect();
    assert_eq!(ids.first(), Some(&"harvard-medical-school"));
    assert!(ids.contains(&"toni-choueiri"));
}
