//! The command line as scripts use it: every subcommand in both formats, exit codes, and
//! the JSON field names the README promises.

mod support;

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use support::{accords, accords_with_env, fixture};

fn json(args: &[&str]) -> Value {
    let run = accords(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|error| panic!("{args:?}: {error}\n{}", run.stdout))
}

fn has_fields(value: &Value, fields: &[&str]) {
    for field in fields {
        assert!(value.get(field).is_some(), "missing `{field}` in {value}");
    }
}

/// The `id` of each result of a JSON list, in its order.
fn ids_of(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("an array: {value}"))
        .iter()
        .map(|result| {
            result["id"]
                .as_str()
                .unwrap_or_else(|| panic!("an id: {result}"))
        })
        .collect()
}

fn fits_80_columns(text: &str) {
    for line in text.lines() {
        assert!(line.width() <= 80, "wider than 80 columns: {line}");
    }
}

#[test]
fn list_announcements_in_both_formats() {
    let run = accords(&["list", "announcements"]);
    assert_eq!(run.code, 0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("DATE"), "{}", run.stdout);
    assert!(
        lines[1].starts_with("2019-02-12  bergonie-2019 "),
        "{}",
        lines[1]
    );
    // A title too long for its column wraps onto the next line rather than being cut:
    // all its words are there, in order.
    assert!(!run.stdout.contains('…'), "{}", run.stdout);
    let words: Vec<&str> = run.stdout.split_whitespace().collect();
    let words = words.join(" ");
    assert!(
        words.contains("Amgen Partners of Choice 9 network"),
        "{}",
        run.stdout
    );
    assert!(words.contains("amgen-partners-of-choice-2023"));
    fits_80_columns(&run.stdout);

    let value = json(&["list", "announcements", "--format", "json"]);
    let announcements = value.as_array().expect("an array");
    assert_eq!(announcements.len(), 5);
    for announcement in announcements {
        has_fields(
            announcement,
            &["id", "date", "title", "language", "partners", "source"],
        );
    }
    assert_eq!(announcements[1]["id"], "leon-berard-2020");
    assert_eq!(announcements[1]["language"], "fr");
    assert_eq!(
        announcements[1]["partners"],
        serde_json::json!(["gustave-roussy", "centre-leon-berard"])
    );
    assert_eq!(announcements[1]["source"], "002_07829199df6ee778.txt");
}

#[test]
fn list_institutions_people_contacts_and_events_in_both_formats() {
    for (kind, count, fields) in [
        (
            "institutions",
            25,
            &["id", "name", "kind", "city", "country", "announcements"][..],
        ),
        ("people", 11, &["id", "name", "roles"][..]),
        (
            "contacts",
            4,
            &[
                "id",
                "name",
                "organization",
                "represents",
                "phones",
                "emails",
                "announcements",
            ][..],
        ),
        ("events", 11, &["id", "date", "title", "announcement"][..]),
    ] {
        let run = accords(&["list", kind]);
        assert_eq!(run.code, 0, "{kind}");
        fits_80_columns(&run.stdout);
        let value = json(&["list", kind, "--format", "json"]);
        let items = value.as_array().expect("an array");
        assert_eq!(items.len(), count, "{kind}");
        for item in items {
            has_fields(item, fields);
        }
    }
    let people = json(&["list", "people", "--format", "json"]);
    let soria = people
        .as_array()
        .unwrap()
        .iter()
        .find(|person| person["id"] == "jean-charles-soria")
        .expect("Soria");
    for role in soria["roles"].as_array().unwrap() {
        has_fields(role, &["title", "institution", "announcement"]);
    }
    let gustave = json(&["show", "gustave-roussy", "--format", "json"]);
    assert_eq!(gustave["country"], "FR");
    assert_eq!(gustave["announcements"].as_array().map(Vec::len), Some(5));
    let events = json(&["list", "events", "--format", "json"]);
    let dates: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|event| event["date"].as_str())
        .collect();
    for date in ["2021/2022", "2022-05-13", "2023-06", "2024"] {
        assert!(dates.contains(&date), "{date} not in {dates:?}");
    }
    let qualified = events
        .as_array()
        .unwrap()
        .iter()
        .find(|event| event["date"] == "2021/2022")
        .unwrap();
    assert_eq!(qualified["qualifier"], "from");
}

#[test]
fn contacts_answer_who_speaks_for_centre_leon_berard() {
    let run = accords(&["contacts", "leon", "berard"]);
    assert_eq!(run.code, 0);
    let first = run.stdout.lines().nth(1).expect("a contact");
    assert!(first.starts_with("Nathalie Blanc"), "{}", run.stdout);
    assert!(first.contains("06 77 94 38 36") && first.contains("2020"));
    let second = run.stdout.lines().nth(2).expect("a second line");
    assert!(second.contains("Centre Léon Bérard"), "{}", run.stdout);
    assert!(second.contains("nathalie.blanc@lyon.unicancer.fr"));
    fits_80_columns(&run.stdout);

    let value = json(&["contacts", "parisel", "--format", "json"]);
    let claire = &value[0];
    assert_eq!(claire["name"], "Claire Parisel");
    assert_eq!(claire["organization"], "Gustave Roussy");
    assert_eq!(claire["represents"], "gustave-roussy");
    assert_eq!(
        claire["phones"],
        serde_json::json!(["01 42 11 50 59", "06 17 66 00 26"])
    );
    assert_eq!(
        claire["emails"],
        serde_json::json!(["claire.parisel@gustaveroussy.fr", "presse@gustaveroussy.fr"])
    );
    assert_eq!(
        claire["announcements"],
        serde_json::json!(["leon-berard-2020", "amgen-partners-of-choice-2023"])
    );

    let all = json(&["contacts", "--format", "json"]);
    assert_eq!(all.as_array().map(Vec::len), Some(4));
}

#[test]
fn search_ranks_every_kind_best_first() {
    let value = json(&["search", "bergonie", "--format", "json"]);
    let results = value.as_array().expect("an array");
    for result in results {
        has_fields(result, &["kind", "id", "label", "score"]);
        assert!(result["score"].is_i64(), "{result}");
    }
    let scores: Vec<i64> = results
        .iter()
        .map(|result| result["score"].as_i64().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|pair| pair[0] >= pair[1]),
        "{scores:?}"
    );
    let ids = ids_of(&value);
    assert!(
        ids.contains(&"institut-bergonie") && ids.contains(&"bergonie-2019"),
        "{ids:?}"
    );

    // Long text is matched by words, not as a scattered subsequence: `leon berard`
    // narrows to what concerns Centre Léon Bérard.
    let value = json(&["search", "leon berard", "--format", "json"]);
    let ids = ids_of(&value);
    assert!(
        ids.contains(&"centre-leon-berard") && ids.contains(&"leon-berard-2020"),
        "{ids:?}"
    );
    for unrelated in [
        "bergonie-2019",
        "dana-farber-servier-2022",
        "amgen-partners-of-choice-2023",
        "sanofi",
    ] {
        assert!(!ids.contains(&unrelated), "{unrelated} in {ids:?}");
    }

    let run = accords(&["search", "FRANÇOIS"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("francois-xavier-mahon"),
        "{}",
        run.stdout
    );
    fits_80_columns(&run.stdout);

    let value = json(&["search", "country:us", "year:2023", "--format", "json"]);
    let ids = ids_of(&value);
    assert!(
        ids.contains(&"memorial-sloan-kettering") && ids.contains(&"dana-farber"),
        "{ids:?}"
    );
    assert!(!ids.contains(&"gustave-roussy"), "{ids:?}");
}

#[test]
fn nothing_matched_exits_1_and_json_still_prints_an_empty_list() {
    let run = accords(&["search", "zzzzqqq"]);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    let run = accords(&["search", "zzzzqqq", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        serde_json::from_str::<Value>(&run.stdout).unwrap(),
        serde_json::json!([])
    );
    let run = accords(&["contacts", "zzzzqqq", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        serde_json::from_str::<Value>(&run.stdout).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn show_prints_any_kind_of_record() {
    let run = accords(&["show", "centre-leon-berard"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.starts_with("Centre Léon Bérard\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Jean-Yves Blay"));
    fits_80_columns(&run.stdout);

    let run = accords(&["show", "leon-berard-2020"]);
    assert!(run.stdout.contains("Nathalie Blanc"));
    assert!(run.stdout.contains("06 77 94 38 36"));

    for (id, kind) in [
        ("amgen-partners-of-choice-2023", "announcement"),
        ("dana-farber", "institution"),
        ("jean-charles-soria", "person"),
        ("claire-parisel", "contact"),
        ("dana-farber-servier-2022-first-conference", "event"),
    ] {
        let value = json(&["show", id, "--format", "json"]);
        assert_eq!(value["id"], id);
        assert_eq!(value["record"], kind);
        let text = accords(&["show", id]);
        assert_eq!(text.code, 0, "{id}");
        // Titles wrap too: the Amgen release's French title and the event's are longer.
        fits_80_columns(&text.stdout);
        insta::assert_snapshot!(format!("show_{kind}"), text.stdout);
    }
}

#[test]
fn show_an_unknown_id_says_so_on_stderr_with_the_closest_ids() {
    let run = accords(&["show", "gustave-rousy"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("no record has the id `gustave-rousy`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("`gustave-roussy`"), "{}", run.stderr);
    let run = accords(&["show", "nothing-like-it-at-all", "--format", "json"]);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
}

#[test]
fn check_the_embedded_and_a_given_dataset() {
    let run = accords(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("valid: 5 announcements"),
        "{}",
        run.stdout
    );
    let good = fixture("good/minimal.yaml");
    let run = accords(&["check", good.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = accords(&[
        "--data",
        good.to_str().unwrap(),
        "list",
        "institutions",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0);
    let value: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value.as_array().map(Vec::len), Some(2));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(accords(&["list", "planets"]).code, 2);
    assert_eq!(accords(&["show"]).code, 2);
    assert_eq!(accords(&["list", "people", "--format", "xml"]).code, 2);
    assert_eq!(accords(&["frobnicate"]).code, 2);
}

#[test]
fn the_explorer_without_a_terminal_says_so_instead_of_hanging() {
    let run = accords(&[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("needs a terminal"), "{}", run.stderr);
}

/// `accords source ID`: the release as written, every passage of the dataset marked, in
/// text (`>>` `<<` when not on a terminal) and in JSON with positions in the file.
#[test]
fn source_prints_the_release_with_its_passages_marked() {
    let release = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/sources/002_07829199df6ee778.txt"),
    )
    .expect("the release text");
    let run = accords(&["source", "leon-berard-2020"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The quote of the two directors, and the press listing, are marked where they stand.
    assert!(run.stdout.contains(
        "« >>Notre rapprochement stratégique permettra de faire rayonner la France en nous situant à terme dans le top 3 mondial de la cancérologie<< »"
    ), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            ">>CENTRE LEON BERARD\n\nNathalie Blanc – Tél. 06 77 94 38 36 – nathalie.blanc@lyon.unicancer.fr<<"
        ),
        "{}",
        run.stdout
    );
    // Without the marks, the text is the release, unchanged.
    let unmarked = run.stdout.replace(">>", "").replace("<<", "");
    assert_eq!(unmarked.trim_end(), release.trim_end());
    // The unsigned partnership is marked too: "initient un partenariat stratégique".
    assert!(run.stdout.contains("initient un partenariat stratégique<<"));

    let value = json(&["source", "leon-berard-2020", "--format", "json"]);
    has_fields(&value, &["announcement", "file", "text", "passages"]);
    assert_eq!(value["announcement"], "leon-berard-2020");
    assert_eq!(value["file"], "002_07829199df6ee778.txt");
    assert_eq!(value["text"].as_str(), Some(release.as_str()));
    let passages = value["passages"].as_array().expect("passages");
    let quote = passages
        .iter()
        .find(|passage| passage["kind"] == "quote")
        .expect("the quote");
    has_fields(quote, &["kind", "record", "text", "line", "column"]);
    assert_eq!(quote["record"], "leon-berard-2020");
    // Line and column are 1-based positions in the file: the quote opens after "« ".
    let line = quote["line"].as_u64().expect("a line") as usize;
    let column = quote["column"].as_u64().expect("a column") as usize;
    let from: String = release
        .lines()
        .nth(line - 1)
        .expect("that line")
        .chars()
        .skip(column - 1)
        .collect();
    assert!(
        from.starts_with("Notre rapprochement stratégique"),
        "{from}"
    );
    let kinds: std::collections::BTreeSet<&str> = passages
        .iter()
        .filter_map(|passage| passage["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        ["claim", "figure", "listing", "partner", "quote", "role"]
            .into_iter()
            .collect()
    );
    let listing = passages
        .iter()
        .find(|passage| passage["kind"] == "listing" && passage["record"] == "nathalie-blanc")
        .expect("Nathalie Blanc's listing");
    let heading = release
        .lines()
        .position(|line| line == "CENTRE LEON BERARD")
        .expect("the heading");
    assert_eq!(listing["line"], heading + 1);
    assert_eq!(listing["column"], 1);

    // On a terminal the passages are bold and underlined instead.
    let dataset = accords::dataset::Dataset::embedded().expect("embedded");
    let index = (0..dataset.announcements.len())
        .find(|&index| dataset.announcements[index].id == "leon-berard-2020")
        .expect("the release");
    let styled = accords::output::source::marked_text(
        &dataset,
        index,
        accords::output::source::Marking::Styled,
    )
    .expect("a text");
    assert!(styled.contains("« \u{1b}[1;4mNotre rapprochement stratégique"));
    assert!(!styled.contains(">>"));

    // Not an announcement, an unknown id, a dataset without texts: each says so.
    let run = accords(&["source", "gustave-roussy"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("`source` takes an announcement id"),
        "{}",
        run.stderr
    );
    let run = accords(&["source", "bergonie-2091"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("did you mean `bergonie-2019`"),
        "{}",
        run.stderr
    );
    let minimal = fixture("good/minimal.yaml");
    let id = json(&[
        "--data",
        minimal.to_str().unwrap(),
        "list",
        "announcements",
        "--format",
        "json",
    ])[0]["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    let run = accords(&["--data", minimal.to_str().unwrap(), "source", &id]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("no source text in this dataset"),
        "{}",
        run.stderr
    );
}

/// `show` and its JSON give what Amgen France states as Amgen France's, in its own chains.
#[test]
fn show_keeps_amgen_frances_statements_under_its_name() {
    let run = accords(&["show", "amgen"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("  Amgen France — staff\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("360"), "{}", run.stdout);
    assert!(run.stdout.contains("handles"), "{}", run.stdout);
    let value = json(&["show", "amgen", "--format", "json"]);
    let staff = value["history"]
        .as_array()
        .expect("a history")
        .iter()
        .find(|topic| topic["topic"] == "staff")
        .expect("staff");
    assert_eq!(staff["about"], "Amgen France");
    assert_eq!(staff["entries"][0]["value"], "360");
    let profile = value["profiles"]
        .as_array()
        .expect("profiles")
        .iter()
        .find(|profile| profile["about"] == "Amgen France")
        .expect("the About text, about Amgen France");
    assert_eq!(
        profile["handles"],
        serde_json::json!(["@AmgenFrance", "#VivonsInnovons", "#WeAreBiotech"])
    );
    // A network whose release states no seat: no city, and Details says so.
    let network = json(&["show", "amgen-partners-of-choice", "--format", "json"]);
    assert_eq!(network["city"], serde_json::Value::Null);
    assert!(
        accords(&["show", "amgen-partners-of-choice"])
            .stdout
            .contains("seat not stated")
    );
}

/// Every phone and email of every contact is printed whole at 60 columns, each on a line
/// with the year of the release that gives it; Claire Parisel's 2023 address comes before
/// her 2020 one.
#[test]
fn contacts_at_60_columns_print_every_email_and_phone_whole() {
    let run = accords_with_env(&["contacts"], &[("COLUMNS", "60")]);
    assert_eq!(run.code, 0);
    assert!(!run.stdout.contains('…'), "{}", run.stdout);
    for (value, year) in [
        ("claire.parisel@gustaveroussy.fr", "2020"),
        ("presse@gustaveroussy.fr", "2023"),
        ("nathalie.blanc@lyon.unicancer.fr", "2020"),
        ("valentine.martin@prpa.fr", "2023"),
        ("cwarembo@amgen.com", "2023"),
        ("06 77 94 38 36", "2020"),
        ("06 25 15 17 96", "2023"),
        ("06 32 29 43 82", "2023"),
        ("01 42 11 50 59", "2023, 2020"),
        ("06 17 66 00 26", "2023, 2020"),
    ] {
        let line = run
            .stdout
            .lines()
            .find(|line| line.contains(value))
            .unwrap_or_else(|| panic!("`{value}` is not whole in:\n{}", run.stdout));
        assert!(line.trim_end().ends_with(year), "{line}");
    }
    let position = |text: &str| run.stdout.find(text).expect("printed");
    assert!(position("presse@gustaveroussy.fr") < position("claire.parisel@gustaveroussy.fr"));
}

/// An institution's `show` lists the press contacts who speak for it, with the releases
/// that list them, and each phone and email with the release that gives it.
#[test]
fn show_of_an_institution_lists_its_press_contacts() {
    let run = accords(&["show", "gustave-roussy"]);
    assert_eq!(run.code, 0);
    let section = run
        .stdout
        .split("\nPress contacts\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no Press contacts section:\n{}", run.stdout));
    let section = section.split("\n\n").next().unwrap_or_default();
    assert!(section.contains("Claire Parisel"), "{section}");
    let words = section.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("2023 Amgen Partners of Choice network"),
        "{section}"
    );
    assert!(
        words.contains("2020 Léon Bérard–Gustave Roussy alliance"),
        "{section}"
    );
    assert!(
        section.contains("presse@gustaveroussy.fr (2023)"),
        "{section}"
    );
    assert!(
        section.contains("claire.parisel@gustaveroussy.fr (2020)"),
        "{section}"
    );
    // Nathalie Blanc speaks for Centre Léon Bérard, not for Gustave Roussy.
    assert!(!section.contains("Nathalie Blanc"), "{section}");
    let berard = accords(&["show", "centre-leon-berard"]);
    assert!(
        berard.stdout.contains("Nathalie Blanc"),
        "{}",
        berard.stdout
    );
}

/// The Paris Saclay release's events read in the order of their time, as its reader
/// would put them: the council of 29 June 2021, then what comes by 2021, from 2021/2022,
/// from 2023/2024, after 2025, in 2030. The table has an id column.
#[test]
fn list_events_reads_in_the_order_of_time_with_ids() {
    let value = json(&["list", "events", "--format", "json"]);
    let saclay: Vec<String> = value
        .as_array()
        .expect("an array")
        .iter()
        .filter(|event| event["announcement"] == "paris-saclay-cancer-cluster-2021")
        .map(|event| match event["qualifier"].as_str() {
            Some(qualifier) => format!("{qualifier} {}", event["date"].as_str().unwrap()),
            None => event["date"].as_str().unwrap().to_owned(),
        })
        .collect();
    assert_eq!(
        saclay,
        [
            "2021-06-29",
            "by 2021",
            "by 2021",
            "from 2021/2022",
            "from 2023/2024",
            "after 2025",
            "in 2030"
        ]
    );
    let wide = accords_with_env(&["list", "events"], &[("COLUMNS", "200")]);
    assert!(
        wide.stdout
            .lines()
            .next()
            .unwrap()
            .trim_end()
            .ends_with("ID")
    );
    assert!(
        wide.stdout
            .contains("paris-saclay-cancer-cluster-2021-strategic-council"),
        "{}",
        wide.stdout
    );
    // At 80 columns each event's id is still whole, on a line of its own.
    let narrow = accords(&["list", "events"]);
    assert!(
        narrow
            .stdout
            .lines()
            .any(|line| line.ends_with("paris-saclay-cancer-cluster-2021-strategic-council")),
        "{}",
        narrow.stdout
    );
    fits_80_columns(&narrow.stdout);
    // An event's `when` line says when, not what: its title is the heading.
    let event = accords(&["show", "paris-saclay-cancer-cluster-2021-first-projects"]);
    let when = event
        .stdout
        .lines()
        .find(|line| line.trim_start().starts_with("when"))
        .expect("a when line");
    assert_eq!(
        when.split_whitespace().collect::<Vec<_>>(),
        ["when", "by", "2021"]
    );
}
