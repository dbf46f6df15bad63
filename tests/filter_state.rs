//! The filter as a person uses it, driven by keys with no terminal: panes keep their own
//! order, the cursor lands on the best hit without narrowing the Timeline, ↓/↑ move it
//! while typing, Tab takes a spelling suggestion, `S` cycles a list's order, and counts
//! count what the open list shows.

mod support;

use accords::dataset::Record;
use accords::tui::app::{App, Pane};
use accords::tui::keymap::Context;
use accords::tui::rows::{InstitutionSort, TimelineRow, TimelineSort};

use support::keys::{explorer, type_keys};

fn announcement_dates(app: &App) -> Vec<&str> {
    app.timeline()
        .rows()
        .iter()
        .filter_map(|row| match row {
            TimelineRow::Announcement(index) => {
                Some(app.dataset().announcements[*index].date.as_str())
            }
            TimelineRow::Event(..) => None,
        })
        .collect()
}

fn selected_record(app: &App) -> Option<Record> {
    match app.focus() {
        Pane::Timeline => app
            .timeline()
            .rows()
            .get(app.timeline().cursor().selected)
            .map(|row| row.record()),
        Pane::Institutions => app
            .institutions()
            .rows()
            .get(app.institutions().cursor().selected)
            .map(|&index| Record::Institution(index)),
        Pane::Details => None,
    }
}

fn record(app: &App, id: &str) -> Record {
    app.dataset().record(id).expect("a record of the dataset")
}

#[test]
fn a_filter_keeps_the_timeline_in_date_order_and_institutions_by_name() {
    let mut app = explorer(120, 40);
    // Two releases have partners in the United States (2022 and 2023); a reader expects
    // them oldest first, as the Timeline lists them unfiltered.
    type_keys(&mut app, "/country:us<enter>");
    let dates = announcement_dates(&app);
    assert!(dates.len() >= 2, "{dates:?}");
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted);
    // Events stay nested under their release.
    for (position, row) in app.timeline().rows().iter().enumerate() {
        if let TimelineRow::Event(announcement, _) = row {
            let owner = app.timeline().rows()[..position]
                .iter()
                .rev()
                .find_map(|row| match row {
                    TimelineRow::Announcement(index) => Some(*index),
                    TimelineRow::Event(..) => None,
                });
            assert_eq!(owner, Some(*announcement));
        }
    }
    let names: Vec<String> = app
        .institutions()
        .rows()
        .iter()
        .map(|&index| app.dataset().institutions[index].name.to_lowercase())
        .collect();
    assert!(names.len() >= 4, "{names:?}");
    // The dataset lists institutions by name; a filter keeps that order.
    let mut in_order = app.institutions().rows().to_vec();
    in_order.sort_unstable();
    assert_eq!(app.institutions().rows(), in_order);
}

#[test]
fn the_cursor_lands_on_the_best_hit_as_you_type_without_narrowing() {
    let mut app = explorer(120, 40);
    // The release matches `summit` only in its prose; its first summit is an event
    // titled so, and the best hit.
    type_keys(&mut app, "/summit");
    assert_eq!(app.context(), Context::Filter);
    assert_ne!(
        app.timeline().cursor().selected,
        0,
        "the release row stays above it"
    );
    assert_eq!(
        selected_record(&app),
        Some(record(&app, "amgen-partners-of-choice-2023-first-summit"))
    );
    assert_eq!(app.details().record, selected_record(&app));

    // In Institutions, the best hit is selected and the Timeline is not narrowed to it.
    let mut app = explorer(120, 40);
    type_keys(&mut app, "2x");
    assert_eq!((app.focus(), app.narrowed()), (Pane::Institutions, None));
    type_keys(&mut app, "/harvard");
    assert_eq!(
        selected_record(&app),
        Some(record(&app, "harvard-medical-school"))
    );
    assert_eq!(app.narrowed(), None);
    // The 2022 release names Harvard (Toni Choueiri's chair): the Timeline still shows
    // it, not only the best hit's announcements.
    assert!(announcement_dates(&app).contains(&"2022-06-07"));
}

#[test]
fn down_and_up_move_the_selection_while_typing() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/summit");
    let landed = app.timeline().cursor().selected;
    type_keys(&mut app, "<down>");
    assert_eq!(app.context(), Context::Filter);
    assert_eq!(app.filter(), "summit");
    assert_eq!(app.timeline().cursor().selected, landed + 1);
    type_keys(&mut app, "<c-p><c-p>");
    assert_eq!(app.timeline().cursor().selected, landed - 1);
    type_keys(&mut app, "<c-n>");
    assert_eq!(app.timeline().cursor().selected, landed);
    // `j` and `k` are typed, not moves.
    type_keys(&mut app, "j");
    assert_eq!(app.filter(), "summitj");
}

#[test]
fn tab_takes_the_spelling_suggestion() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/bergonei");
    assert!(app.timeline().rows().is_empty() && app.institutions().rows().is_empty());
    let suggestion = app.suggestion().cloned().expect("a suggestion");
    assert_eq!(suggestion.word, "bergonie");
    type_keys(&mut app, "<tab>");
    assert_eq!(app.filter(), "bergonie");
    assert_eq!(app.suggestion(), None);
    assert_eq!(
        selected_record(&app),
        Some(record(&app, "bergonie-2019")),
        "the Timeline's only release, now found"
    );
    let bergonie = app
        .dataset()
        .institution_index("institut-bergonie")
        .unwrap();
    assert!(app.institutions().rows().contains(&bergonie));
}

#[test]
fn shift_s_cycles_the_focused_lists_order() {
    let mut app = explorer(120, 40);
    let oldest_first = announcement_dates(&app)
        .iter()
        .map(|date| date.to_string())
        .collect::<Vec<_>>();
    type_keys(&mut app, "S");
    assert_eq!(app.orders().timeline, TimelineSort::NewestFirst);
    let mut newest_first = oldest_first.clone();
    newest_first.reverse();
    assert_eq!(announcement_dates(&app), newest_first);
    type_keys(&mut app, "SS");
    assert_eq!(app.orders().timeline, TimelineSort::OldestFirst);

    type_keys(&mut app, "2S");
    assert_eq!(app.orders().institutions, InstitutionSort::Country);
    let countries: Vec<&str> = app
        .institutions()
        .rows()
        .iter()
        .map(|&index| app.dataset().institutions[index].country.as_str())
        .collect();
    let mut sorted = countries.clone();
    sorted.sort_unstable();
    assert_eq!(countries, sorted);
}

#[test]
fn counts_count_what_the_open_list_shows() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/parisel<enter>");
    let main = app.match_count();
    assert_eq!(
        main,
        app.timeline_announcements() + app.institutions().rows().len()
    );
    type_keys(&mut app, "<esc>c/parisel<enter>");
    // Claire Parisel is the one press contact of that name.
    assert_eq!(app.contacts().rows().len(), 1);
    assert_eq!(app.match_count(), 1);
}

#[test]
fn rows_that_concern_a_match_are_listed_dimmed_and_say_why() {
    // Asan Medical Center is in Seoul; the 2023 Amgen release names it among its
    // partners: a reader looking for Seoul wants that release too.
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/séoul<enter>");
    let release = record(&app, "amgen-partners-of-choice-2023");
    let asan = record(&app, "asan-medical-center");
    assert!(
        app.timeline()
            .rows()
            .iter()
            .any(|row| row.record() == release)
    );
    assert_eq!(app.related_row(release), Some(asan));
    assert_eq!(app.related_row(asan), None, "a direct match is not dimmed");
    // Only direct matches count.
    assert_eq!(app.match_count(), 1);
    // Details says why the release is listed.
    let row = app
        .timeline()
        .rows()
        .iter()
        .position(|row| row.record() == release)
        .unwrap();
    app.timeline().cursor().selected = row;
    type_keys(&mut app, "<enter>");
    assert_eq!(app.details().record, Some(release));
    let content = app.details_content(60);
    let first: String = content.lines[0]
        .spans
        .iter()
        .map(|span| span.content.as_ref())
        .collect();
    assert_eq!(first, "via Asan Medical Center");

    // Jean-Charles Soria held roles at Gustave Roussy and at Amgen.
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/soria<enter>");
    let soria = record(&app, "jean-charles-soria");
    for id in ["gustave-roussy", "amgen"] {
        let institution = record(&app, id);
        let Record::Institution(index) = institution else {
            unreachable!()
        };
        assert!(app.institutions().rows().contains(&index), "{id}");
        assert_eq!(app.related_row(institution), Some(soria), "{id}");
    }

    // A negation removes what it names, and nothing brings it back; a qualifier alone
    // brings nothing in.
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/séoul !amgen<enter>");
    assert!(
        !app.timeline()
            .rows()
            .iter()
            .any(|row| row.record() == release)
    );
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/country:kr<enter>");
    assert!(app.related().announcements.is_empty() && app.related().institutions.is_empty());
}
