//! Exports for other programs: vCard 4.0 cards of the press contacts, CSV of every list,
//! shell completions and the manual page. vCards are read back with a strict checker of
//! RFC 6350's syntax (below), CSV with the `csv` crate.

mod support;

use std::collections::HashMap;

use accords::dataset::Dataset;
use serde_json::Value;

use support::{accords, fixture};

// ---------------------------------------------------------------------------------------
// A strict vCard reader: it fails the test on anything RFC 6350 does not allow.

/// One content line, unfolded: `NAME[;PARAM=VALUE]*:VALUE`, the value still escaped.
#[derive(Debug, Clone)]
struct Property {
    name: String,
    params: Vec<(String, String)>,
    raw: String,
}

impl Property {
    /// The value as text, unescaped (RFC 6350 §3.4).
    fn text(&self) -> String {
        let components = split_unescaped(&self.raw, ';');
        assert_eq!(
            components.len(),
            1,
            "{}: a text value with an unescaped `;`: {}",
            self.name,
            self.raw
        );
        unescape(&components[0])
    }

    /// The value's components (`N`, `ORG`), each unescaped.
    fn components(&self) -> Vec<String> {
        split_unescaped(&self.raw, ';')
            .iter()
            .map(|component| unescape(component))
            .collect()
    }

    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

#[derive(Debug)]
struct Card {
    properties: Vec<Property>,
    /// Physical lines per property, to see folding.
    physical_lines: Vec<usize>,
}

impl Card {
    fn all(&self, name: &str) -> Vec<&Property> {
        self.properties
            .iter()
            .filter(|property| property.name == name)
            .collect()
    }

    fn one(&self, name: &str) -> &Property {
        let found = self.all(name);
        assert_eq!(
            found.len(),
            1,
            "exactly one {name} in {:#?}",
            self.properties
        );
        found[0]
    }

    fn texts(&self, name: &str) -> Vec<String> {
        self.all(name).into_iter().map(Property::text).collect()
    }

    fn lines_of(&self, name: &str) -> usize {
        let index = self
            .properties
            .iter()
            .position(|property| property.name == name)
            .unwrap_or_else(|| panic!("no {name}"));
        self.physical_lines[index]
    }
}

/// Splits on `separator` where it is not escaped by a backslash.
fn split_unescaped(raw: &str, separator: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut characters = raw.chars();
    while let Some(character) = characters.next() {
        if character == '\\' {
            let next = characters.next().expect("a backslash escapes something");
            let part = parts.last_mut().unwrap();
            part.push('\\');
            part.push(next);
        } else if character == separator {
            parts.push(String::new());
        } else {
            parts.last_mut().unwrap().push(character);
        }
    }
    parts
}

fn unescape(raw: &str) -> String {
    let mut out = String::new();
    let mut characters = raw.chars();
    while let Some(character) = characters.next() {
        match character {
            '\\' => match characters.next() {
                Some('\\') => out.push('\\'),
                Some(',') => out.push(','),
                Some(';') => out.push(';'),
                Some('n' | 'N') => out.push('\n'),
                other => panic!("`\\{other:?}` is not an RFC 6350 escape in {raw:?}"),
            },
            ',' => panic!("an unescaped comma in the text value {raw:?}"),
            character => out.push(character),
        }
    }
    out
}

fn is_name(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
}

/// Reads every card of a vCard stream, checking the syntax line by line.
fn read_cards(text: &str) -> Vec<Card> {
    assert!(!text.is_empty(), "no cards");
    assert!(text.ends_with("\r\n"), "the last line ends with CRLF");
    let bytes = text.as_bytes();
    for (at, byte) in bytes.iter().enumerate() {
        if *byte == b'\n' {
            assert!(
                at > 0 && bytes[at - 1] == b'\r',
                "a LF without CR at byte {at}"
            );
        }
        if *byte == b'\r' {
            assert_eq!(
                bytes.get(at + 1),
                Some(&b'\n'),
                "a CR without LF at byte {at}"
            );
        }
    }
    // Unfold: a line starting with a space continues the one before.
    let mut logical: Vec<(String, usize)> = Vec::new();
    for line in text[..text.len() - 2].split("\r\n") {
        assert!(
            line.len() <= 75,
            "a line of {} octets (over 75): {line:?}",
            line.len()
        );
        if let Some(rest) = line.strip_prefix(' ') {
            let (previous, count) = logical.last_mut().expect("a continuation follows a line");
            previous.push_str(rest);
            *count += 1;
        } else {
            assert!(!line.starts_with('\t'), "folding uses one space, not a tab");
            logical.push((line.to_owned(), 1));
        }
    }
    let mut cards = Vec::new();
    let mut current: Option<Card> = None;
    for (line, count) in logical {
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "a control character in {line:?}"
        );
        let colon = line
            .find(':')
            .unwrap_or_else(|| panic!("no `:` in {line:?}"));
        let (head, value) = (&line[..colon], &line[colon + 1..]);
        let mut parts = head.split(';');
        let name = parts.next().unwrap().to_ascii_uppercase();
        assert!(is_name(&name), "a bad property name in {line:?}");
        let params: Vec<(String, String)> = parts
            .map(|param| {
                let (key, value) = param
                    .split_once('=')
                    .unwrap_or_else(|| panic!("a parameter without `=` in {line:?}"));
                assert!(is_name(key), "a bad parameter name in {line:?}");
                assert!(
                    !value.is_empty() && !value.contains('"'),
                    "a bad parameter value in {line:?}"
                );
                (key.to_ascii_uppercase(), value.to_owned())
            })
            .collect();
        let property = Property {
            name: name.clone(),
            params,
            raw: value.to_owned(),
        };
        match name.as_str() {
            "BEGIN" => {
                assert_eq!(value, "VCARD");
                assert!(current.is_none(), "BEGIN inside a card");
                current = Some(Card {
                    properties: Vec::new(),
                    physical_lines: Vec::new(),
                });
            }
            "END" => {
                assert_eq!(value, "VCARD");
                let card = current.take().expect("END closes a card");
                assert_eq!(
                    card.properties
                        .first()
                        .map(|p| (p.name.as_str(), p.raw.as_str())),
                    Some(("VERSION", "4.0")),
                    "VERSION:4.0 right after BEGIN"
                );
                cards.push(card);
            }
            _ => {
                let card = current.as_mut().expect("a property inside a card");
                card.properties.push(property);
                card.physical_lines.push(count);
            }
        }
    }
    assert!(current.is_none(), "a card without END");
    cards
}

fn vcards(args: &[&str]) -> Vec<Card> {
    let run = accords(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    assert_eq!(run.stderr, "");
    read_cards(&run.stdout)
}

fn by_name(cards: &[Card]) -> HashMap<String, &Card> {
    cards
        .iter()
        .map(|card| (card.one("FN").text(), card))
        .collect()
}

fn release_line(dataset: &Dataset, id: &str) -> (String, String) {
    let announcement = dataset.announcement(id).expect("the release exists");
    (
        announcement.date.to_string(),
        announcement.title.to_string(),
    )
}

// ---------------------------------------------------------------------------------------
// vCard

#[test]
fn vcards_of_the_four_press_contacts_read_back_field_by_field() {
    let dataset = Dataset::embedded().expect("the embedded dataset loads");
    let cards = vcards(&["contacts", "--format", "vcard"]);
    assert_eq!(cards.len(), 4);
    let cards = by_name(&cards);
    let leon_berard = release_line(&dataset, "leon-berard-2020");
    let amgen = release_line(&dataset, "amgen-partners-of-choice-2023");

    let claire = cards["Claire Parisel"];
    assert_eq!(
        claire.one("N").components(),
        ["Parisel", "Claire", "", "", ""]
    );
    assert_eq!(claire.one("ORG").components(), ["Gustave Roussy"]);
    assert_eq!(claire.texts("TEL"), ["01 42 11 50 59", "06 17 66 00 26"]);
    for tel in claire.all("TEL") {
        assert_eq!(tel.param("VALUE"), Some("text"));
        assert_eq!(tel.param("TYPE"), Some("voice"));
    }
    assert_eq!(
        claire.texts("EMAIL"),
        ["claire.parisel@gustaveroussy.fr", "presse@gustaveroussy.fr"]
    );
    let note = claire.one("NOTE").text();
    for (date, title) in [&leon_berard, &amgen] {
        assert!(note.contains(&format!("{date} {title}")), "{note}");
    }
    assert!(claire.all("TITLE").is_empty(), "no TITLE is known");

    let nathalie = cards["Nathalie Blanc"];
    assert_eq!(
        nathalie.one("N").components(),
        ["Blanc", "Nathalie", "", "", ""]
    );
    assert_eq!(nathalie.one("ORG").text(), "Centre Léon Bérard");
    assert_eq!(nathalie.texts("TEL"), ["06 77 94 38 36"]);
    assert_eq!(
        nathalie.texts("EMAIL"),
        ["nathalie.blanc@lyon.unicancer.fr"]
    );
    let note = nathalie.one("NOTE").text();
    assert!(
        note.contains(&format!("{} {}", leon_berard.0, leon_berard.1)),
        "{note}"
    );
    assert!(!note.contains(&amgen.0), "{note}");

    let valentine = cards["Valentine Martin"];
    assert_eq!(
        valentine.one("N").components(),
        ["Martin", "Valentine", "", "", ""]
    );
    assert_eq!(valentine.one("ORG").text(), "Agence PRPA");
    assert_eq!(valentine.texts("TEL"), ["06 32 29 43 82"]);
    assert_eq!(valentine.texts("EMAIL"), ["valentine.martin@prpa.fr"]);
    assert!(valentine.one("NOTE").text().contains("Amgen"));

    let charlotte = cards["Charlotte Scordia-Warembourg"];
    assert_eq!(
        charlotte.one("N").components(),
        ["Scordia-Warembourg", "Charlotte", "", "", ""]
    );
    assert_eq!(charlotte.one("ORG").text(), "Amgen France");
    assert_eq!(charlotte.texts("TEL"), ["06 25 15 17 96"]);
    assert_eq!(charlotte.texts("EMAIL"), ["cwarembo@amgen.com"]);
    let note = charlotte.one("NOTE").text();
    assert!(note.contains(&format!("{} {}", amgen.0, amgen.1)), "{note}");
    // The long NOTE is folded over several lines, and unfolding gave back the title whole.
    assert!(charlotte.lines_of("NOTE") > 2, "the NOTE is folded");

    // Every card has a UID derived from its contact's id, all different.
    let mut uids: Vec<String> = Vec::new();
    for (name, card) in &cards {
        let uid = card.one("UID").text();
        let id = dataset
            .contacts
            .iter()
            .find(|contact| contact.name == name.as_str())
            .map(|contact| contact.id.to_string())
            .unwrap();
        assert!(uid.contains(&id), "{uid} is not derived from {id}");
        assert!(!uids.contains(&uid));
        uids.push(uid);
    }
}

#[test]
fn vcards_come_in_the_order_contacts_ranks_them() {
    let names = |args: &[&str]| -> Vec<String> {
        vcards(args)
            .iter()
            .map(|card| card.one("FN").text())
            .collect()
    };
    let json_names = |args: &[&str]| -> Vec<String> {
        let run = accords(args);
        let value: Value = serde_json::from_str(&run.stdout).unwrap();
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|contact| contact["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names(&["contacts", "leon", "berard", "--format", "vcard"]),
        json_names(&["contacts", "leon", "berard", "--format", "json"])
    );
    assert_eq!(
        names(&["contacts", "leon", "berard", "--format", "vcard"])[0],
        "Nathalie Blanc"
    );
    assert_eq!(
        names(&["list", "contacts", "--format", "vcard"]),
        json_names(&["list", "contacts", "--format", "json"])
    );
}

#[test]
fn the_library_card_is_the_one_the_command_line_prints() {
    let dataset = Dataset::embedded().unwrap();
    let index = dataset
        .contacts
        .iter()
        .position(|contact| contact.id == "claire-parisel")
        .unwrap();
    let card = accords::output::vcard::contact_card(&dataset, index);
    let run = accords(&["contacts", "parisel", "--format", "vcard"]);
    assert_eq!(run.stdout, card);
    let all =
        accords::output::vcard::cards(&dataset, &(0..dataset.contacts.len()).collect::<Vec<_>>());
    assert_eq!(read_cards(&all).len(), 4);
}

#[test]
fn vcard_is_a_usage_error_for_anything_but_contacts() {
    for args in [
        &["list", "announcements", "--format", "vcard"][..],
        &["list", "institutions", "--format", "vcard"][..],
        &["list", "people", "--format", "vcard"][..],
        &["list", "events", "--format", "vcard"][..],
        &["search", "amgen", "--format", "vcard"][..],
    ] {
        let run = accords(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(
            run.stderr.contains("--format vcard is only for contacts"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let run = accords(&["contacts", "zzzzqqq", "--format", "vcard"]);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
}

#[test]
fn control_characters_cannot_break_a_card_or_reach_the_terminal() {
    let hostile = fixture("hostile/escapes.yaml");
    let cards = vcards(&[
        "--data",
        hostile.to_str().unwrap(),
        "contacts",
        "--format",
        "vcard",
    ]);
    assert_eq!(cards.len(), 1);
    // ESC, BEL and the rest are dropped; the printable rest of the name stays as written.
    assert_eq!(cards[0].one("FN").text(), "Bob ]2;PWNEDPress");

    // Line breaks and the characters RFC 6350 escapes, in a generated dataset.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tricky.yaml");
    let minimal = std::fs::read_to_string(fixture("good/minimal.yaml")).unwrap();
    let tricky = minimal
        .replace(
            "    name: Bob Press",
            "    name: \"Bob \\\\ Press, Jr.; né\\nVerlaine\\r\\nTwo\\tTab\"",
        )
        .replace(
            "    organization: Alpha Institute",
            "    organization: \"Alpha; Institute, Ltd\"",
        );
    std::fs::write(&path, tricky).unwrap();
    let cards = vcards(&[
        "--data",
        path.to_str().unwrap(),
        "contacts",
        "--format",
        "vcard",
    ]);
    assert_eq!(
        cards[0].one("FN").text(),
        "Bob \\ Press, Jr.; né\nVerlaine\nTwo\tTab"
    );
    assert_eq!(cards[0].one("ORG").components(), ["Alpha; Institute, Ltd"]);
}

// ---------------------------------------------------------------------------------------
// CSV

struct Csv {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    raw: String,
}

fn csv(args: &[&str]) -> Csv {
    let run = accords(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    assert!(run.stdout.ends_with("\r\n"), "{args:?}: rows end with CRLF");
    parse_csv(&run.stdout)
}

fn parse_csv(text: &str) -> Csv {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|record| {
            record
                .expect("a well-formed row")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect();
    Csv {
        headers,
        rows,
        raw: text.to_owned(),
    }
}

fn json_array(args: &[&str]) -> Vec<Value> {
    let run = accords(args);
    serde_json::from_str::<Value>(&run.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn csv_of_every_list_kind_has_its_header_and_every_row() {
    for (kind, headers, count) in [
        ("announcements", &["date", "id", "title", "partners"][..], 5),
        (
            "institutions",
            &["id", "name", "city", "country", "announcements"][..],
            25,
        ),
        ("people", &["id", "name", "latest_role"][..], 11),
        (
            "contacts",
            &["name", "organization", "phones", "emails"][..],
            4,
        ),
        ("events", &["date", "title", "announcement", "id"][..], 11),
    ] {
        let table = csv(&["list", kind, "--format", "csv"]);
        assert_eq!(table.headers, headers, "{kind}");
        assert_eq!(table.rows.len(), count, "{kind}");
        assert!(!table.raw.contains('…'), "{kind}: nothing is cut");
    }

    // An event's id, appended last, is the id `show` takes, in the order JSON lists them.
    let events = csv(&["list", "events", "--format", "csv"]);
    let json_events = json_array(&["list", "events", "--format", "json"]);
    let csv_ids: Vec<&str> = events.rows.iter().map(|row| row[3].as_str()).collect();
    let json_ids: Vec<&str> = json_events
        .iter()
        .map(|event| event["id"].as_str().unwrap())
        .collect();
    assert_eq!(csv_ids, json_ids);

    // The same records in the same order as JSON, never cut.
    let announcements = csv(&["list", "announcements", "--format", "csv"]);
    let json = json_array(&["list", "announcements", "--format", "json"]);
    for (row, value) in announcements.rows.iter().zip(&json) {
        assert_eq!(row[0], value["date"].as_str().unwrap());
        assert_eq!(row[1], value["id"].as_str().unwrap());
        assert_eq!(row[2], value["short_title"].as_str().unwrap());
        assert_eq!(
            row[3],
            value["partners"].as_array().unwrap().len().to_string()
        );
    }
    let institutions = csv(&["list", "institutions", "--format", "csv"]);
    let gustave = institutions
        .rows
        .iter()
        .find(|row| row[0] == "gustave-roussy")
        .unwrap();
    assert_eq!(gustave[1..], ["Gustave Roussy", "Villejuif", "FR", "5"]);

    let contacts = csv(&["list", "contacts", "--format", "csv"]);
    let claire = contacts
        .rows
        .iter()
        .find(|row| row[0] == "Claire Parisel")
        .unwrap();
    assert_eq!(
        claire[1..],
        [
            "Gustave Roussy",
            "01 42 11 50 59; 06 17 66 00 26",
            "claire.parisel@gustaveroussy.fr; presse@gustaveroussy.fr"
        ]
    );
}

#[test]
fn csv_quotes_a_comma_and_the_value_round_trips() {
    let events = csv(&["list", "events", "--format", "csv"]);
    let title =
        "First APoC scientific summit, a two-day meeting that officially launched the network";
    assert!(
        events.rows.iter().any(|row| row[1] == title),
        "{:?}",
        events.rows
    );
    assert!(
        events.raw.contains(&format!("\"{title}\"")),
        "{}",
        events.raw
    );
}

#[test]
fn csv_doubles_quotes_and_keeps_line_breaks_inside_a_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quotes.yaml");
    let minimal = std::fs::read_to_string(fixture("good/minimal.yaml")).unwrap();
    let quoted = minimal
        .replace(
            "    short_title: Alpha–Beta",
            "    short_title: 'Alpha, \"Beta\" & Co'",
        )
        .replace(
            "        title: Kick-off meeting",
            "        title: \"Kick-off\\nmeeting; day one\"",
        );
    std::fs::write(&path, quoted).unwrap();
    let data = path.to_str().unwrap();
    let announcements = csv(&["--data", data, "list", "announcements", "--format", "csv"]);
    assert_eq!(announcements.rows[0][2], "Alpha, \"Beta\" & Co");
    assert!(
        announcements.raw.contains("\"Alpha, \"\"Beta\"\" & Co\""),
        "{}",
        announcements.raw
    );
    let events = csv(&["--data", data, "list", "events", "--format", "csv"]);
    assert_eq!(events.rows[0][1], "Kick-off\nmeeting; day one");
}

#[test]
fn csv_of_contacts_and_search() {
    let contacts = csv(&["contacts", "parisel", "--format", "csv"]);
    assert_eq!(
        contacts.headers,
        ["name", "organization", "phones", "emails"]
    );
    assert_eq!(contacts.rows.len(), 1);
    assert_eq!(contacts.rows[0][0], "Claire Parisel");

    let search = csv(&["search", "bergonie", "--format", "csv"]);
    assert_eq!(search.headers, ["kind", "id", "label", "score"]);
    let json = json_array(&["search", "bergonie", "--format", "json"]);
    assert_eq!(search.rows.len(), json.len());
    for (row, value) in search.rows.iter().zip(&json) {
        assert_eq!(row[0], value["kind"].as_str().unwrap());
        assert_eq!(row[1], value["id"].as_str().unwrap());
        assert_eq!(row[2], value["label"].as_str().unwrap());
        assert_eq!(row[3], value["score"].to_string());
    }

    // Nothing matched: exit 1, and still the header, as JSON still prints `[]`.
    let run = accords(&["contacts", "zzzzqqq", "--format", "csv"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "name,organization,phones,emails\r\n");
}

#[test]
fn csv_drops_terminal_control_characters() {
    let hostile = fixture("hostile/escapes.yaml");
    let data = hostile.to_str().unwrap();
    for kind in [
        "announcements",
        "institutions",
        "people",
        "contacts",
        "events",
    ] {
        let run = accords(&["--data", data, "list", kind, "--format", "csv"]);
        assert_eq!(run.code, 0, "{kind}");
        assert!(
            !run.stdout
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\r' | '\n')),
            "{kind}: {:?}",
            run.stdout
        );
    }
    let events = csv(&["--data", data, "list", "events", "--format", "csv"]);
    assert_eq!(events.rows[0][1], "Kick-off [31mREDTEXT meeting");
}

// ---------------------------------------------------------------------------------------
// Completions and the manual page

#[test]
fn completions_for_bash_zsh_and_fish() {
    let run = accords(&["completions", "bash"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for word in ["list", "contacts", "completions", "vcard", "csv"] {
        assert!(run.stdout.contains(word), "bash completion lacks {word}");
    }
    for shell in ["zsh", "fish"] {
        let run = accords(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains("contacts"), "{shell}");
    }
    assert_eq!(accords(&["completions", "tcsh"]).code, 2);
}

#[test]
fn the_manual_page_is_roff() {
    let run = accords(&["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with('.'), "{}", run.stdout);
    // clap_mangen opens with two lines defining the apostrophe string; then the header.
    let header = run
        .stdout
        .lines()
        .find(|line| !line.starts_with(".ie ") && !line.starts_with(".el "))
        .unwrap();
    assert!(header.starts_with(".TH accords 1"), "{header}");
    for word in ["list", "contacts", "completions", "vcard"] {
        assert!(run.stdout.contains(word), "the page lacks {word}");
    }
}

#[test]
fn completions_and_the_manual_need_no_dataset() {
    let missing = "/nonexistent/accords-data";
    assert_eq!(accords(&["--data", missing, "man"]).code, 0);
    assert_eq!(accords(&["--data", missing, "completions", "bash"]).code, 0);
}
