//! How people move in the explorer, one state test per rule: moving the focus changes
//! nothing you read; following a link keeps you reading in Details while the lists'
//! selections follow; back and forward restore the whole view; link hints follow links in
//! at most three keys.

mod support;

use accords::dataset::Record;
use accords::tui::app::{App, Input, Pane};
use accords::tui::hints;
use accords::tui::keymap::Context;

use support::keys::{explorer, parse_keys, type_keys};

fn institution(app: &App, id: &str) -> Record {
    Record::Institution(app.dataset().institution_index(id).expect("institution"))
}

fn record(app: &App, id: &str) -> Record {
    app.dataset().record(id).expect("a record")
}

fn details_width(app: &App) -> u16 {
    accords::tui::layout::layout(app.width(), app.height())
        .details
        .width
        .saturating_sub(2)
}

/// Which link of Details leads to `target`.
fn link_to(app: &App, target: Record) -> usize {
    app.details_content(details_width(app))
        .links
        .iter()
        .position(|link| link.target == target)
        .unwrap_or_else(|| panic!("no link to {target:?}"))
}

/// The label link hints give the link to `target`, if it is in view.
fn label_of(app: &App, target: Record) -> Option<String> {
    let content = app.details_content(details_width(app));
    app.hint_targets()
        .into_iter()
        .find(|hint| content.links[hint.link].target == target)
        .map(|hint| hint.label)
}

fn selected_institution(app: &App) -> &str {
    &app.dataset().institutions[app.institutions().rows()[app.institutions().cursor().selected]].id
}

fn selected_timeline(app: &App) -> Record {
    app.timeline().rows()[app.timeline().cursor().selected].record()
}

#[test]
fn moving_the_focus_changes_nothing_you_read() {
    let mut app = explorer(120, 40);
    let bergonie = record(&app, "bergonie-2019");
    assert_eq!(app.details().record, Some(bergonie));
    // Institutions' cursor sits on its first row, Amgen: passing through must not show it.
    assert_eq!(selected_institution(&app), "amgen");
    for keys in [
        "<tab>", "<tab>", "<tab>", "<s-tab>", "2", "3", "1", "<right>", "<right>", "<left>",
    ] {
        type_keys(&mut app, keys);
        assert_eq!(app.details().record, Some(bergonie), "after {keys}");
        assert_eq!(app.narrowed(), None, "after {keys}");
        assert_eq!(
            app.timeline().rows().len(),
            explorer(120, 40).timeline().len()
        );
    }
    assert_eq!(
        app.focus(),
        Pane::Institutions,
        "← and → move between panes"
    );
    // Moving the cursor in Institutions does change them.
    type_keys(&mut app, "j");
    assert_eq!(selected_institution(&app), "amgen-partners-of-choice");
    assert_eq!(
        app.details().record,
        Some(institution(&app, "amgen-partners-of-choice"))
    );
    assert_eq!(
        app.narrowed(),
        app.dataset().institution_index("amgen-partners-of-choice")
    );
}

#[test]
fn following_a_link_keeps_the_focus_in_details_and_the_lists_follow() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "3j");
    assert_eq!(app.details().link, 1);
    // The Bergonié release's second link is its second partner.
    type_keys(&mut app, "<enter>");
    let bergonie = institution(&app, "institut-bergonie");
    assert_eq!(app.details().record, Some(bergonie));
    assert_eq!(app.focus(), Pane::Details);
    assert_eq!(
        app.details().link,
        0,
        "the link cursor starts on the first link"
    );
    assert_eq!(selected_institution(&app), "institut-bergonie");
    assert_eq!(
        app.narrowed(),
        app.dataset().institution_index("institut-bergonie")
    );

    // From the institution to one of its announcements: the Timeline's selection follows.
    let release = record(&app, "bergonie-2019");
    let link = link_to(&app, release);
    type_keys(&mut app, "g");
    for _ in 0..link {
        type_keys(&mut app, "j");
    }
    type_keys(&mut app, "<enter>");
    assert_eq!(app.details().record, Some(release));
    assert_eq!(app.focus(), Pane::Details);
    assert_eq!(selected_timeline(&app), release);
}

#[test]
fn back_and_forward_restore_record_narrowing_filter_link_scroll_and_focus() {
    let mut app = explorer(120, 40);
    // Narrowed to Dana-Farber, reading its Details on its third link, scrolled.
    let dana = app
        .institutions()
        .rows()
        .iter()
        .position(|&index| app.dataset().institutions[index].id == "dana-farber")
        .expect("Dana-Farber is listed");
    type_keys(&mut app, "2");
    for _ in 0..dana {
        type_keys(&mut app, "j");
    }
    type_keys(&mut app, "3jj");
    app.set_details_scroll(1);
    let before = app.place();
    assert_eq!(
        before.narrowed,
        app.dataset().institution_index("dana-farber")
    );
    assert_eq!((before.details.link, before.focus), (2, Pane::Details));

    // Follow a link to another institution: the narrowing changes with it.
    let amgen_2023 = record(&app, "amgen-partners-of-choice-2023");
    app.set_details_link(link_to(&app, amgen_2023));
    app.set_details_scroll(0);
    let leaving = app.place();
    type_keys(&mut app, "<enter>");
    assert_eq!(app.details().record, Some(amgen_2023));
    let asan = institution(&app, "asan-medical-center");
    app.set_details_link(link_to(&app, asan));
    type_keys(&mut app, "<enter>");
    assert_eq!(app.details().record, Some(asan));
    assert_eq!(
        app.narrowed(),
        app.dataset().institution_index("asan-medical-center")
    );

    type_keys(&mut app, "[");
    assert_eq!(app.details().record, Some(amgen_2023));
    type_keys(&mut app, "[");
    assert_eq!(app.place(), leaving, "back restores the whole view");
    assert_eq!(
        app.narrowed(),
        app.dataset().institution_index("dana-farber")
    );
    assert_eq!(app.focus(), Pane::Details);

    // Forward comes back to Asan as it was left, narrowing included.
    type_keys(&mut app, "]]");
    assert_eq!(app.details().record, Some(asan));
    assert_eq!(
        app.narrowed(),
        app.dataset().institution_index("asan-medical-center")
    );
    assert_eq!(app.focus(), Pane::Details);
}

#[test]
fn back_brings_back_a_filter_that_following_cleared() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/berard<enter>3");
    let release = record(&app, "leon-berard-2020");
    assert_eq!(app.details().record, Some(release));
    // Gustave Roussy is not among the rows `berard` keeps; following to it clears the filter.
    let roussy = institution(&app, "gustave-roussy");
    app.set_details_link(link_to(&app, roussy));
    let leaving = app.place();
    type_keys(&mut app, "<enter>");
    assert_eq!(app.details().record, Some(roussy));
    assert_eq!(app.filter(), "");
    type_keys(&mut app, "[");
    assert_eq!(app.filter(), "berard");
    assert_eq!(app.place(), leaving);
    assert_eq!(app.timeline_announcements(), 1);
}

#[test]
fn link_hints_follow_a_link_in_two_keys_and_esc_cancels_them() {
    let mut app = explorer(120, 40);
    assert!(app.select_id("gustave-roussy"));
    type_keys(&mut app, "f");
    assert_eq!(app.context(), Context::Hints);
    let dana = institution(&app, "dana-farber");
    let label = label_of(&app, dana).expect("Dana-Farber's link is in view");
    type_keys(&mut app, "<esc>");
    assert_eq!(app.context(), Context::Main);
    assert_eq!(
        app.details().record,
        Some(institution(&app, "gustave-roussy"))
    );

    type_keys(&mut app, &format!("f{label}"));
    assert_eq!(app.details().record, Some(dana));
    assert_eq!(app.focus(), Pane::Details);
    assert_eq!(app.context(), Context::Main);
    type_keys(&mut app, "[");
    assert_eq!(
        app.details().record,
        Some(institution(&app, "gustave-roussy"))
    );

    // A label no link wears ends the hints and says so.
    type_keys(&mut app, "f!");
    assert_eq!(app.context(), Context::Main);
    assert_eq!(app.status(), Some("no link labelled `!`"));
}

#[test]
fn labels_are_single_letters_up_to_26_links_then_pairs_none_a_prefix_of_another() {
    assert_eq!(hints::labels(3), ["a", "s", "d"]);
    let many = hints::labels(40);
    assert_eq!(many.len(), 40);
    for (position, label) in many.iter().enumerate() {
        assert_eq!(label.chars().count(), 2);
        assert!(
            many.iter()
                .enumerate()
                .all(|(other, text)| other == position || !text.starts_with(label.as_str())),
            "{label}"
        );
    }
}

/// The walk the issue names: Gustave Roussy → Dana-Farber Cancer Institute → the 2023 Amgen
/// Partners of Choice release → Asan Medical Center, by link hints, counting keys.
#[test]
fn the_walk_takes_at_most_three_keys_per_hop() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = explorer(width, height);
        assert!(app.select_id("gustave-roussy"));
        let mut keys = 0;
        for target in [
            "dana-farber",
            "amgen-partners-of-choice-2023",
            "asan-medical-center",
        ] {
            let wanted = record(&app, target);
            type_keys(&mut app, "f");
            let mut hop = 1;
            // While labels show, Ctrl-d scrolls Details half a page: until the link is in view.
            let label = loop {
                if let Some(label) = label_of(&app, wanted) {
                    break label;
                }
                type_keys(&mut app, "<c-d>");
                hop += 1;
                assert!(hop < 20, "{target} never comes into view");
            };
            hop += parse_keys(&label).len();
            assert_eq!(app.context(), Context::Hints);
            type_keys(&mut app, &label);
            assert_eq!(
                app.details().record,
                Some(wanted),
                "{target} at {width}×{height}"
            );
            if (width, height) == (120, 40) {
                assert!(hop <= 3, "{target} took {hop} keys at {width}×{height}");
            }
            println!("{target} at {width}×{height}: {hop} keys");
            keys += hop;
        }
        println!("walk at {width}×{height}: {keys} keys");
        assert_eq!(app.focus(), Pane::Details);
    }
}

/// The status line (the last row) as drawn.
fn status_line(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(
        app.width(),
        app.height(),
    ))
    .expect("a test terminal");
    terminal
        .draw(|frame| accords::tui::view::draw(app, frame))
        .expect("drawn");
    let buffer = terminal.backend().buffer();
    let y = buffer.area.height - 1;
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_owned())
        .collect()
}

#[test]
fn the_status_line_never_loses_help() {
    // At 60 columns on the main screen, and narrowed with a long name at 120 and at 60.
    let app = explorer(60, 20);
    assert!(
        status_line(&app).contains("? help"),
        "{}",
        status_line(&app)
    );
    let long = "dana-farber-boston-childrens";
    for (width, height) in [(120, 40), (60, 20)] {
        let mut app = explorer(width, height);
        assert!(app.select_id(long));
        let line = status_line(&app);
        assert!(line.contains("? help"), "{line}");
        // The name is shortened in its middle, the key that undoes the narrowing kept.
        assert!(line.contains("Dana-Farbe"), "{line}");
        assert!(line.contains("Center (x "), "{line}");
    }
}

#[test]
fn a_confirmation_keeps_its_words_over_a_long_narrowed_name() {
    let mut app = explorer(120, 40);
    assert!(app.select_id("dana-farber-boston-childrens"));
    let confirmation = "sent to terminal clipboard: presse@gustaveroussy.fr";
    app.handle(Input::Report(confirmation.to_owned()));
    let line = status_line(&app);
    assert!(line.contains(confirmation), "{line}");
    assert!(line.contains("? help"), "{line}");
    assert!(line.contains('…'), "the narrowing is shortened: {line}");
}

/// Details' links are kept between inputs rather than made each time: after every kind of
/// change (another record, a filter that lists related rows with a `via` line, Details'
/// own cursor, a resize) the labelled links agree with Details' content made afresh.
#[test]
fn the_links_kept_for_details_agree_with_its_content_made_afresh() {
    let mut app = explorer(120, 40);
    let fresh = |app: &App| {
        let height = accords::tui::layout::layout(app.width(), app.height())
            .details
            .height
            .saturating_sub(2) as usize;
        let details = app.details();
        hints::targets(
            &app.details_content(details_width(app)).links,
            details.record,
            details.scroll,
            height,
        )
    };
    let mut checked = 0;
    for keys in [
        "",
        "jj",
        "2",
        "j",
        "/soria<enter>",
        "3",
        "jjj",
        "<esc>1",
        "<pgdn>",
        "/dana",
        "<bs>",
        "<esc><esc>",
        "/s",
        "<esc><esc>G",
        "/g",
    ] {
        type_keys(&mut app, keys);
        eprintln!(
            "{keys:?} {:?} {:?} {}",
            app.details().record,
            app.focus(),
            app.hint_targets().len()
        );
        assert_eq!(app.hint_targets(), fresh(&app), "after {keys:?}");
        checked += usize::from(!app.hint_targets().is_empty());
    }
    for (width, height) in [(80, 24), (200, 60)] {
        app.handle(Input::Resize { width, height });
        assert_eq!(app.hint_targets(), fresh(&app), "at {width}×{height}");
    }
    assert!(checked > 3, "most steps show links to compare");
}
