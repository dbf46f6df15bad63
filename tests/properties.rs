//! Property tests for hostile input: any bytes as a dataset file, YAML-shaped documents
//! with the schema's own keys, and any string as a query. Each must give a result or a
//! clear error, never a panic, and highlights must land on real characters.
//!
//! Case counts are kept small so `cargo test` stays quick; run them longer with
//! `PROPTEST_CASES=10000 cargo test --release --test properties`.

use std::sync::OnceLock;

use accords::dataset::load::parse_bytes;
use accords::dataset::{Dataset, LoadError};
use accords::fold::fold;
use accords::search::index::SearchIndex;
use accords::search::query::parse;
use proptest::prelude::*;

fn config(default_cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(default_cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn dataset() -> &'static (Dataset, SearchIndex) {
    static DATASET: OnceLock<(Dataset, SearchIndex)> = OnceLock::new();
    DATASET.get_or_init(|| {
        let dataset = Dataset::embedded().expect("embedded dataset");
        let index = SearchIndex::build(&dataset);
        (dataset, index)
    })
}

/// Keys the schema knows, and some it does not, so documents reach deep into the model.
const KEYS: &[&str] = &[
    "announcements",
    "institutions",
    "people",
    "contacts",
    "id",
    "date",
    "title",
    "short_title",
    "language",
    "kind",
    "summary",
    "partners",
    "institution",
    "role",
    "source",
    "name",
    "city",
    "country",
    "roles",
    "announcement",
    "organization",
    "represents",
    "events",
    "quotes",
    "speakers",
    "person",
    "text",
    "press_contacts",
    "contact",
    "phones",
    "emails",
    "coordinates",
    "lat",
    "lon",
    "titel",
    "&a",
    "*a",
    "?",
];

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("alpha".to_owned()),
        Just("2024-02-30".to_owned()),
        Just("signatory".to_owned()),
        Just("FR".to_owned()),
        Just("~".to_owned()),
        Just("\"\\e]0;PWNED\\a\"".to_owned()),
        Just("*a".to_owned()),
        Just("&a x".to_owned()),
        "-?[0-9]{1,6}(\\.[0-9]{1,3})?",
        "[a-zé서 \\-:#\\[\\]{}'\"|>]{0,12}",
        any::<String>().prop_map(|text| format!("{text:?}")),
    ]
}

/// A YAML-shaped document: nested mappings and sequences of schema keys and odd scalars.
fn yaml_node() -> impl Strategy<Value = String> {
    let leaf = scalar();
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec((prop::sample::select(KEYS), inner.clone()), 0..6).prop_map(
                |entries| {
                    let body: Vec<String> = entries
                        .into_iter()
                        .map(|(key, value)| format!("{key}: {value}"))
                        .collect();
                    format!("{{{}}}", body.join(", "))
                }
            ),
            prop::collection::vec(inner, 0..6).prop_map(|items| format!("[{}]", items.join(", "))),
        ]
    })
}

fn yaml_document() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(KEYS), yaml_node()), 0..5).prop_map(|entries| {
        entries
            .into_iter()
            .map(|(key, value)| format!("{key}: {value}\n"))
            .collect()
    })
}

fn check_diagnostic(problem: &accords::dataset::Diagnostic) {
    assert!(problem.line >= 1 && problem.column >= 1, "{problem}");
    assert!(!problem.message.is_empty());
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_bytes_give_records_or_a_positioned_error(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Err(problem) = parse_bytes("any.yaml", &bytes) {
            check_diagnostic(&problem);
        }
    }

    #[test]
    fn any_query_filters_and_highlights_within_the_text(query in prop_oneof![
        any::<String>(),
        "[ '^$!|\\\\a-zé서울아산병원\u{301}\u{1F600}:]{0,16}",
        "(country|year|kind|partner|city|role|lang):[a-z0-9'^$!]{0,5}( [|!'^$a-z]{0,4}){0,3}",
    ]) {
        let (dataset, index) = dataset();
        let parsed = parse(&query);
        let hits = index.search_parsed(&parsed, |_| true);
        prop_assert!(hits.len() <= index.entries.len());
        for hit in hits {
            let label = &index.entries[hit.entry].label;
            let count = label.chars().count();
            for position in index.matcher().highlights(&parsed, &fold(label)) {
                prop_assert!(position < count, "{query:?} highlights {position} of {label:?}");
            }
        }
        prop_assert!(!dataset.announcements.is_empty());
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn yaml_shaped_documents_load_or_fail_with_positions(document in yaml_document()) {
        if let Err(problem) = parse_bytes("shaped.yaml", document.as_bytes()) {
            check_diagnostic(&problem);
            return Ok(());
        }
        // Parsed: the whole dataset must then validate or report every problem placed.
        let directory = tempfile::tempdir().expect("a temporary directory");
        let path = directory.path().join("shaped.yaml");
        std::fs::write(&path, &document).expect("write");
        match Dataset::load(&path) {
            Ok(_) => {}
            Err(LoadError::Invalid { problems }) => {
                prop_assert!(!problems.is_empty());
                for problem in &problems {
                    check_diagnostic(problem);
                }
            }
            Err(error) => prop_assert!(false, "unexpected {error}"),
        }
    }
}
