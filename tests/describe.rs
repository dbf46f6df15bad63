//! The one description of each record, through each of its sinks: `show`'s text, the
//! explorer's Details and the copy menu. A fixture fills every field of every kind of
//! record with a value found nowhere else, so a field one sink forgets is caught here.

mod support;

use accords::dataset::{Dataset, Record};
use accords::tui::app::App;
use accords::tui::theme::Theme;

fn full() -> Dataset {
    Dataset::load(&support::fixture("good/full.yaml")).expect("the full fixture is valid")
}

/// Every field of each record, by a value the fixture gives it and nothing else.
const FIELDS: &[(&str, &[&str])] = &[
    (
        "full-2024",
        &[
            "Fulltitle Alpha and Beta join forces",
            "Englishtitle in translation",
            "Standfirstline about the deal",
            "2024-03-01",
            "first of March twenty-four",
            "Datelinetown",
            "kindvalue agreement",
            "durationvalue five years",
            "full-2024",
            "Summarytext of the agreement.",
            "Objectivetext one",
            "figurewritten forty-two",
            "countsvalue patients",
            "Eventtitle kick-off",
            "Eventplace hall",
            "partnernote about Alpha",
            "Beta Centre",
            "mentioncontext for Gamma",
            "Quotetext we are glad.",
            "speakerrole of Alpha",
            "attributionvalue said Ada",
            "Listingheading press office",
            "01 23 45 67 89",
            "bob@alpha.example.org",
            "Profilecontext about Alpha",
            "Profiletext Alpha is a centre.",
            "@handlevalue",
            "Linklabel site",
            "https://linkurl.example.org/",
            "sourcefile.txt",
            "announcementsource of the duration",
        ],
    ),
    (
        "alpha",
        &[
            "Alpha Institute",
            "Othername Alpha",
            "cancer-centre",
            "Alphacity",
            "48.79",
            "https://websiteurl.example.org",
            "Addressvalue 1 rue",
            "09 87 65 43 21",
            "institutionsource of the address",
            "Shorttitle Alpha–Beta",
            "roletitle directrice",
            "Bob Press",
            "bob@alpha.example.org (2024)",
            "Profiletext Alpha is a centre.",
        ],
    ),
    ("beta", &["Beta Centre", "Seoul", "Alpha Institute"]),
    (
        "ada-lovelace",
        &[
            "Ada Lovelace",
            "Honorificvalue",
            "roletitle directrice",
            "roletitle-english director",
            "Alpha Institute",
            "Shorttitle Alpha–Beta",
            "personsource of the honorific",
        ],
    ),
    (
        "bob-press",
        &[
            "Bob Press",
            "Organizationvalue office",
            "Alpha Institute",
            "01 23 45 67 89 (2024)",
            "bob@alpha.example.org (2024)",
            "Listingheading press office",
            "Shorttitle Alpha–Beta",
            "contactsource of the organisation",
        ],
    ),
    (
        "full-2024-kickoff",
        &[
            "Eventtitle kick-off",
            "by 2024-06",
            "Eventplace hall",
            "planned",
            "eventwritten by June",
            "Shorttitle Alpha–Beta",
            "eventsource of the place",
        ],
    ),
];

/// Text with its line breaks and runs of spaces made single spaces, so a value wrapped
/// over two lines is still found.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn details_text(id: &str) -> String {
    let mut app = App::new(full(), Theme::monochrome(), 200, 60);
    assert!(app.select_id(id), "no record {id}");
    let content = app.details_content(200);
    content
        .lines
        .iter()
        .map(|line| line.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn show_text_shows_every_field_of_every_kind() {
    let dataset = full();
    for (id, values) in FIELDS {
        let record = dataset.record(id).expect("a record");
        let text = flat(&accords::output::text::show(&dataset, record, 200));
        for value in *values {
            assert!(text.contains(value), "show {id} lacks {value:?}:\n{text}");
        }
    }
}

#[test]
fn details_show_every_field_of_every_kind() {
    for (id, values) in FIELDS {
        let text = flat(&details_text(id));
        for value in *values {
            assert!(
                text.contains(value),
                "Details of {id} lack {value:?}:\n{text}"
            );
        }
    }
}

/// The copy menu keeps, of each kind, what a person pastes elsewhere.
#[test]
fn the_copy_menu_offers_what_is_pasted_of_every_kind() {
    let dataset = full();
    let wanted: &[(&str, &[&str])] = &[
        (
            "full-2024",
            &[
                "Fulltitle Alpha and Beta join forces",
                "Englishtitle in translation",
                "2024-03-01",
                "https://linkurl.example.org/",
                "full-2024",
            ],
        ),
        (
            "alpha",
            &["Alpha Institute", "https://websiteurl.example.org", "alpha"],
        ),
        ("ada-lovelace", &["Ada Lovelace", "ada-lovelace"]),
        ("bob-press", &["bob@alpha.example.org", "01 23 45 67 89"]),
        ("full-2024-kickoff", &["Eventtitle kick-off", "by 2024-06"]),
    ];
    for (id, values) in wanted {
        let record: Record = dataset.record(id).expect("a record");
        let items = accords::tui::copy::copy_items(&dataset, record);
        let texts: Vec<&str> = items.iter().map(|item| item.text.as_str()).collect();
        for value in *values {
            assert!(
                texts.contains(value),
                "copying {id} lacks {value:?}: {texts:?}"
            );
        }
    }
    // A quote is copied whole, with who says it and where.
    let items = accords::tui::copy::copy_items(&dataset, dataset.record("full-2024").unwrap());
    assert!(items.iter().any(|item| item.text
        == "“Quotetext we are glad.” — Ada Lovelace, speakerrole of Alpha (Shorttitle Alpha–Beta, 2024-03-01)"));
    // The card of a contact holds every phone and email.
    let items = accords::tui::copy::copy_items(&dataset, dataset.record("bob-press").unwrap());
    let card = items.last().expect("a card");
    assert_eq!(
        card.text,
        "Bob Press\nOrganizationvalue office\ntel: 01 23 45 67 89\nemail: bob@alpha.example.org\n"
    );
}
