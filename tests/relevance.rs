//! The relevance suite: queries judged from the seed releases (`tests/relevance.yaml`),
//! run against the embedded dataset as `accords search` runs them. It prints the share of
//! right first hits and of satisfied constraints, and fails below 100 %.

use accords::dataset::Dataset;
use accords::search::index::SearchIndex;
use accords::search::parse;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Judgment {
    query: String,
    reader: String,
    first: Option<String>,
    #[serde(default)]
    top: Vec<String>,
    k: Option<usize>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    none: bool,
}

const DEFAULT_K: usize = 5;

#[test]
fn judged_queries_get_what_a_reader_expects() {
    let judgments: Vec<Judgment> =
        serde_yaml::from_str(include_str!("relevance.yaml")).expect("relevance.yaml parses");
    assert!(
        judgments.len() >= 50,
        "only {} judged queries",
        judgments.len()
    );
    let dataset = Dataset::embedded().expect("the embedded dataset loads");
    let index = SearchIndex::build(&dataset);
    let (mut firsts, mut right_firsts, mut constraints, mut satisfied) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for judgment in &judgments {
        assert!(
            !judgment.reader.trim().is_empty(),
            "{}: no reason",
            judgment.query
        );
        for id in judgment
            .first
            .iter()
            .chain(&judgment.top)
            .chain(&judgment.absent)
        {
            assert!(
                dataset.record(id).is_some(),
                "{}: `{id}` is no record of the dataset",
                judgment.query
            );
        }
        let hits = index.search_parsed(&parse(&judgment.query), |_| true);
        let ids: Vec<&str> = hits
            .iter()
            .map(|hit| dataset.record_id(index.entries[hit.entry].record))
            .collect();
        let mut check = |ok: bool, what: String| {
            constraints += 1;
            if ok {
                satisfied += 1;
            } else {
                failures.push(format!("`{}`: {what}; got {ids:?}", judgment.query));
            }
        };
        if let Some(first) = &judgment.first {
            firsts += 1;
            let ok = ids.first() == Some(&first.as_str());
            right_firsts += usize::from(ok);
            check(ok, format!("`{first}` should come first"));
        }
        let k = judgment.k.unwrap_or(DEFAULT_K);
        for id in &judgment.top {
            let within = ids.iter().take(k).any(|hit| hit == id);
            check(within, format!("`{id}` should be within the first {k}"));
        }
        for id in &judgment.absent {
            check(
                !ids.contains(&id.as_str()),
                format!("`{id}` should not match"),
            );
        }
        if judgment.none {
            check(ids.is_empty(), "nothing should match".to_owned());
        }
    }
    let share = |part: usize, whole: usize| 100.0 * part as f64 / whole.max(1) as f64;
    println!(
        "relevance: {} queries; right first hits {right_firsts}/{firsts} ({:.1} %); \
         constraints satisfied {satisfied}/{constraints} ({:.1} %)",
        judgments.len(),
        share(right_firsts, firsts),
        share(satisfied, constraints),
    );
    assert!(
        failures.is_empty(),
        "{} of {constraints} constraints failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
