//! The explorer's state driven by keys, with no terminal: filter, focus, following links,
//! back and forward, narrowing, contacts and copying.

mod support;

use accords::dataset::Record;
use accords::tui::app::{App, Input, Overlay, Pane};
use accords::tui::keymap::Context;
use accords::tui::rows::TimelineRow;

use support::keys::{explorer, type_keys};

fn institution(app: &App, id: &str) -> Record {
    Record::Institution(app.dataset().institution_index(id).expect("institution"))
}

fn announcement_ids(app: &App) -> Vec<&str> {
    app.timeline()
        .rows()
        .iter()
        .filter_map(|row| match row {
            TimelineRow::Announcement(index) => {
                Some(app.dataset().announcements[*index].id.as_str())
            }
            TimelineRow::Event(..) => None,
        })
        .collect()
}

fn institution_ids(app: &App) -> Vec<&str> {
    app.institutions()
        .rows()
        .iter()
        .map(|&index| app.dataset().institutions[index].id.as_str())
        .collect()
}

#[test]
fn starts_on_the_first_announcement_in_date_order() {
    let app = explorer(120, 40);
    assert_eq!(app.focus(), Pane::Timeline);
    assert_eq!(
        announcement_ids(&app),
        [
            "bergonie-2019",
            "leon-berard-2020",
            "paris-saclay-cancer-cluster-2021",
            "dana-farber-servier-2022",
            "amgen-partners-of-choice-2023"
        ]
    );
    assert_eq!(app.details().record, Some(Record::Announcement(0)));
    assert_eq!(app.institutions().rows().len(), 25);
}

#[test]
fn the_filter_narrows_every_pane_live_and_esc_clears_it() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/leon");
    assert_eq!(app.context(), Context::Filter);
    type_keys(&mut app, " berard");
    assert_eq!(announcement_ids(&app), ["leon-berard-2020"]);
    assert_eq!(institution_ids(&app), ["centre-leon-berard"]);
    type_keys(&mut app, "<enter>");
    assert_eq!(app.context(), Context::Main);
    assert_eq!(app.filter(), "leon berard");
    type_keys(&mut app, "<esc>");
    assert_eq!(app.filter(), "");
    assert_eq!(announcement_ids(&app).len(), 5);

    // Esc on the filter line clears it too.
    type_keys(&mut app, "/bergonie<esc>");
    assert_eq!((app.filter(), app.context()), ("", Context::Main));
}

#[test]
fn filtering_folds_accents_and_case_both_ways() {
    for (query, expected) in [
        ("bergonie", "institut-bergonie"),
        ("BÉRARD", "centre-leon-berard"),
        ("hebron", "vall-dhebron"),
    ] {
        let mut app = explorer(120, 40);
        type_keys(&mut app, &format!("/{query}<enter>"));
        assert!(
            institution_ids(&app).contains(&expected),
            "{query}: {:?}",
            institution_ids(&app)
        );
    }
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/FRANÇOIS<enter>");
    assert_eq!(
        announcement_ids(&app),
        ["bergonie-2019"],
        "Mahon speaks in the Bergonié release"
    );
}

#[test]
fn fzf_syntax_and_qualifiers_work_in_the_filter() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/country:us year:2023<enter>");
    assert_eq!(announcement_ids(&app), ["amgen-partners-of-choice-2023"]);
    assert!(institution_ids(&app).contains(&"memorial-sloan-kettering"));
    assert!(!institution_ids(&app).contains(&"gustave-roussy"));

    let mut app = explorer(120, 40);
    type_keys(&mut app, "/partner:amgen<enter>");
    assert_eq!(announcement_ids(&app), ["amgen-partners-of-choice-2023"]);

    let mut app = explorer(120, 40);
    type_keys(&mut app, "/bergonie | servier<enter>");
    assert_eq!(
        announcement_ids(&app).len(),
        2,
        "{:?}",
        announcement_ids(&app)
    );

    let mut app = explorer(120, 40);
    type_keys(&mut app, "/!gustave<enter>");
    assert!(!institution_ids(&app).contains(&"gustave-roussy"));
    assert!(institution_ids(&app).contains(&"sanofi"));
}

#[test]
fn tab_and_numbers_move_the_focus() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "<tab>");
    assert_eq!(app.focus(), Pane::Institutions);
    type_keys(&mut app, "<tab>");
    assert_eq!(app.focus(), Pane::Details);
    type_keys(&mut app, "<tab>");
    assert_eq!(app.focus(), Pane::Timeline);
    type_keys(&mut app, "<s-tab>");
    assert_eq!(app.focus(), Pane::Details);
    type_keys(&mut app, "2");
    assert_eq!(app.focus(), Pane::Institutions);
    type_keys(&mut app, "1");
    assert_eq!(app.focus(), Pane::Timeline);
}

#[test]
fn moving_in_institutions_narrows_the_timeline_until_esc() {
    let mut app = explorer(120, 40);
    let dana = app
        .institutions()
        .rows()
        .iter()
        .position(|&index| app.dataset().institutions[index].id == "dana-farber")
        .unwrap();
    type_keys(&mut app, "2");
    for _ in 0..dana {
        type_keys(&mut app, "j");
    }
    assert_eq!(app.details().record, Some(institution(&app, "dana-farber")));
    assert_eq!(
        app.narrowed(),
        app.dataset().institution_index("dana-farber")
    );
    assert_eq!(
        announcement_ids(&app),
        ["dana-farber-servier-2022", "amgen-partners-of-choice-2023"]
    );
    type_keys(&mut app, "<esc>");
    assert_eq!(app.narrowed(), None);
    assert_eq!(announcement_ids(&app).len(), 5);
}

#[test]
fn walk_from_partner_to_partner_and_retrace_the_path() {
    // Gustave Roussy → Dana-Farber → Amgen → Asan, by keyboard alone, then back and forward.
    let mut app = explorer(120, 40);
    assert!(app.select_id("gustave-roussy"));
    let path = ["dana-farber", "amgen", "asan-medical-center"];
    for target in path {
        type_keys(&mut app, "3");
        let wanted = institution(&app, target);
        let content = app.details_content(40);
        let position = content
            .links
            .iter()
            .position(|link| link.target == wanted)
            .unwrap_or_else(|| panic!("no link to {target}"));
        type_keys(&mut app, "g");
        for _ in 0..position {
            type_keys(&mut app, "j");
        }
        type_keys(&mut app, "<enter>");
        assert_eq!(app.details().record, Some(wanted), "following to {target}");
        // Following keeps you reading: the focus stays in Details.
        assert_eq!(app.focus(), Pane::Details);
    }
    type_keys(&mut app, "[");
    assert_eq!(app.details().record, Some(institution(&app, "amgen")));
    type_keys(&mut app, "[");
    assert_eq!(app.details().record, Some(institution(&app, "dana-farber")));
    type_keys(&mut app, "[");
    assert_eq!(
        app.details().record,
        Some(institution(&app, "gustave-roussy"))
    );
    type_keys(&mut app, "[");
    assert_eq!(
        app.details().record,
        Some(institution(&app, "gustave-roussy"))
    );
    assert_eq!(app.status(), Some("no earlier step"));
    type_keys(&mut app, "]]");
    assert_eq!(app.details().record, Some(institution(&app, "amgen")));
}

#[test]
fn following_an_announcement_partner_selects_the_institution() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "3<enter>");
    // The first link of the Bergonié release is its first partner.
    assert_eq!(
        app.details().record,
        Some(institution(&app, "gustave-roussy"))
    );
    assert_eq!(
        app.dataset().institutions[app.institutions().rows()[app.institutions().cursor().selected]]
            .id,
        "gustave-roussy"
    );
    type_keys(&mut app, "[");
    assert_eq!(app.details().record, Some(Record::Announcement(0)));
    // Back restores the focus the link was followed from.
    assert_eq!(app.focus(), Pane::Details);
}

#[test]
fn contacts_open_filter_and_close_back_where_you_were() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "jj");
    let before = app.details().record;
    type_keys(&mut app, "c");
    assert_eq!(
        app.overlays().last(),
        Some(&Overlay::Cards(accords::tui::app::Cards::Contacts))
    );
    assert_eq!(app.contacts().rows().len(), 4);
    type_keys(&mut app, "/blanc<enter>");
    assert_eq!(app.contacts().rows().len(), 1);
    assert_eq!(
        app.dataset().contacts[app.contacts().rows()[0]].name,
        "Nathalie Blanc"
    );
    type_keys(&mut app, "<esc>");
    assert!(app.overlays().is_empty(), "Esc closes the overlay first");
    assert_eq!(app.details().record, before);
    type_keys(&mut app, "c<enter>");
    assert!(matches!(app.details().record, Some(Record::Contact(_))));
    assert_eq!(app.focus(), Pane::Details);
}

#[test]
fn the_copy_menu_sends_the_chosen_field_to_the_clipboard() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "c/parisel<enter>y");
    let Some(Overlay::Copy { items }) = app.overlays().last() else {
        panic!("no copy menu: {:?}", app.overlays());
    };
    let email = items
        .iter()
        .find(|item| item.text == "claire.parisel@gustaveroussy.fr")
        .expect("email choice")
        .key;
    let phone = items
        .iter()
        .find(|item| item.text == "06 17 66 00 26")
        .expect("phone choice")
        .key;
    assert!(
        items
            .iter()
            .any(|item| item.text.contains("Claire Parisel\nGustave Roussy\n"))
    );
    type_keys(&mut app, &email.to_string());
    assert_eq!(app.clipboard(), Some("claire.parisel@gustaveroussy.fr"));
    assert!(
        app.status()
            .unwrap_or("")
            .starts_with("sent to terminal clipboard")
    );
    assert_eq!(
        app.overlays().last(),
        Some(&Overlay::Cards(accords::tui::app::Cards::Contacts)),
        "the copy menu closed, contacts stay"
    );
    type_keys(&mut app, &format!("y{phone}"));
    assert_eq!(app.clipboard(), Some("06 17 66 00 26"));

    // An announcement offers its title, date and quotes.
    let mut app = explorer(120, 40);
    type_keys(&mut app, "y");
    let Some(Overlay::Copy { items }) = app.overlays().last() else {
        panic!()
    };
    // Written from the 2019 Bergonié release: its title, its date, the four quotes in the
    // order the release gives them (each speaker named under their words), and the id.
    let labels: Vec<&str> = items.iter().map(|item| item.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "title",
            "date 2019-02-12",
            "quote by François-Xavier Mahon",
            "quote by Alexander Eggermont",
            "quote by Antoine Italiano",
            "quote by Christophe Massard",
            "id bergonie-2019",
        ]
    );
    assert_eq!(
        items[0].text,
        "Gustave Roussy and the Institut Bergonié, partners for early phase trials and \
         therapeutic innovation in oncology"
    );
    assert_eq!(items[1].text, "2019-02-12");
    for (item, (opening, speaker)) in items[2..6].iter().zip([
        (
            "“On behalf of the Institut Bergonié, I am particularly proud",
            "François-Xavier Mahon",
        ),
        (
            "“This collaboration between our two institutes is patient-focused",
            "Alexander Eggermont",
        ),
        (
            "“I am glad to announce our latest partnership with Gustave Roussy.",
            "Antoine Italiano",
        ),
        (
            "“The agreement between Institut Bergonié and Gustave Roussy allows us",
            "Christophe Massard",
        ),
    ]) {
        assert!(item.text.starts_with(opening), "{}", item.text);
        assert!(
            item.text.contains(&format!("” — {speaker}")),
            "{}",
            item.text
        );
        assert!(item.text.ends_with(", 2019-02-12)"), "{}", item.text);
    }
    assert_eq!(items[6].text, "bergonie-2019");
    type_keys(&mut app, "<esc>");
    assert!(app.overlays().is_empty());
    assert_eq!(app.clipboard(), None);
}

#[test]
fn q_closes_overlays_before_quitting_and_ctrl_c_quits_from_anywhere() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "?c");
    assert_eq!(
        app.overlays().len(),
        1,
        "keys other than help's are ignored under help"
    );
    type_keys(&mut app, "q");
    assert!(app.overlays().is_empty() && !app.quitting());
    type_keys(&mut app, "q");
    assert!(app.quitting());
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/abc<c-c>");
    assert!(app.quitting());
}

#[test]
fn query_and_select_start_options() {
    let mut app = explorer(120, 40);
    app.set_filter("amgen");
    assert_eq!(announcement_ids(&app), ["amgen-partners-of-choice-2023"]);
    let mut app = explorer(120, 40);
    assert!(app.select_id("jean-charles-soria"));
    assert!(matches!(app.details().record, Some(Record::Person(_))));
    assert!(!app.select_id("no-such-id"));
}

#[test]
fn resizing_keeps_the_filter_and_overlays() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/dana");
    app.handle(Input::Resize {
        width: 60,
        height: 20,
    });
    app.handle(Input::Resize {
        width: 1,
        height: 1,
    });
    app.handle(Input::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(app.filter(), "dana");
    assert_eq!(app.context(), Context::Filter);
    type_keys(&mut app, "<enter>c");
    app.handle(Input::Resize {
        width: 100,
        height: 30,
    });
    assert_eq!(
        app.overlays().last(),
        Some(&Overlay::Cards(accords::tui::app::Cards::Contacts))
    );
}

#[test]
fn mouse_clicks_select_rows_and_follow_links() {
    let mut app = explorer(120, 40);
    let layout = accords::tui::layout::layout(120, 40);
    // The second row of Institutions.
    app.handle(Input::Click {
        column: layout.institutions.x + 3,
        row: layout.institutions.y + 2,
    });
    assert_eq!(app.focus(), Pane::Institutions);
    assert_eq!(app.institutions().cursor().selected, 1);
    // A link in Details is followed on click.
    let content = app.details_content(layout.details.width - 2);
    let link = content.links[0];
    app.handle(Input::Click {
        column: layout.details.x + 3,
        row: layout.details.y + 1 + link.line as u16,
    });
    assert_eq!(app.details().record, Some(link.target));
    // The wheel scrolls the list under the pointer.
    let mut app = explorer(120, 40);
    app.handle(Input::Scroll {
        column: layout.timeline.x + 3,
        row: layout.timeline.y + 3,
        delta: 3,
    });
    assert_eq!(app.timeline().cursor().selected, 3);
}

#[test]
fn the_map_toggles_and_zooms() {
    use accords::tui::app::MapZoom;
    let mut app = explorer(120, 40);
    type_keys(&mut app, "z");
    assert_eq!(app.map(), None);
    assert_eq!(app.status(), Some("z zooms the map: press w to show it"));
    type_keys(&mut app, "w");
    assert_eq!(app.map(), Some(MapZoom::World));
    type_keys(&mut app, "z");
    assert_eq!(app.map(), Some(MapZoom::Europe));
    type_keys(&mut app, "zw");
    assert_eq!(app.map(), None);
}

#[test]
fn people_show_roles_over_time_and_lead_to_their_institutions() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "p");
    assert_eq!(
        app.overlays().last(),
        Some(&Overlay::Cards(accords::tui::app::Cards::People))
    );
    assert_eq!(app.people().rows().len(), 11);
    type_keys(&mut app, "/soria<enter>");
    assert_eq!(app.people().rows().len(), 1);
    type_keys(&mut app, "<enter>");
    let soria = app.dataset().record("jean-charles-soria");
    assert_eq!(app.details().record, soria);
    assert!(app.overlays().is_empty());
    assert_eq!(app.filter(), "", "the main screen's filter is back");
    // His roles lead to Gustave Roussy (2020), then Amgen (2023).
    let content = app.details_content(50);
    let targets: Vec<Record> = content.links.iter().map(|link| link.target).collect();
    assert_eq!(targets[0], institution(&app, "gustave-roussy"));
    assert_eq!(targets[1], institution(&app, "amgen"));
    type_keys(&mut app, "j<enter>");
    assert_eq!(app.details().record, Some(institution(&app, "amgen")));
    assert_eq!(app.focus(), Pane::Details);
    assert_eq!(
        app.dataset().institutions[app.institutions().rows()[app.institutions().cursor().selected]]
            .id,
        "amgen",
        "Institutions' selection follows"
    );
    type_keys(&mut app, "[");
    assert_eq!(app.details().record, soria);
}

#[test]
fn e_exports_the_selected_contact_and_o_opens_only_web_links() {
    use accords::tui::app::Effect;
    let mut app = explorer(120, 40);
    type_keys(&mut app, "e");
    assert_eq!(app.effect(), None, "an announcement is no contact");
    assert_eq!(
        app.status(),
        Some("select a press contact to export (c opens Contacts)")
    );
    // The hint names the key in force, not the default one.
    app.set_keymap(accords::tui::keymap::Keymap::with_bindings(&[(
        "contacts",
        vec!["C".parse().expect("a key")],
    )]));
    type_keys(&mut app, "e");
    assert_eq!(
        app.status(),
        Some("select a press contact to export (C opens Contacts)")
    );
    app.set_keymap(accords::tui::keymap::Keymap::default());
    type_keys(&mut app, "c/blanc<enter>e");
    let Some(Effect::Export {
        stem,
        extension,
        contents,
        ..
    }) = app.take_effect()
    else {
        panic!("no export: {:?}", app.effect());
    };
    assert_eq!((stem.as_str(), extension), ("nathalie-blanc", "vcf"));
    assert!(
        contents.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"),
        "{contents}"
    );
    assert!(contents.contains("nathalie.blanc@lyon.unicancer.fr"));

    // The Dana-Farber release links to its conference's site.
    let mut app = explorer(120, 40);
    assert!(app.select_id("dana-farber-servier-2022"));
    type_keys(&mut app, "o");
    assert_eq!(
        app.effect(),
        Some(&Effect::Open {
            url: "https://www.transatlantic-i-o.com/".to_owned()
        })
    );
}

#[test]
fn a_link_that_is_not_http_is_never_opened() {
    let dataset =
        accords::dataset::Dataset::load(&support::fixture("hostile/escapes.yaml")).expect("valid");
    let mut app =
        accords::tui::app::App::new(dataset, accords::tui::theme::Theme::monochrome(), 120, 40);
    type_keys(&mut app, "o");
    assert_eq!(app.effect(), None);
    assert_eq!(
        app.status(),
        Some("only http and https links are opened; this one is not")
    );
    type_keys(&mut app, "y");
    let Some(Overlay::Copy { items }) = app.overlays().last() else {
        panic!("the copy menu opens: {:?}", app.overlays())
    };
    assert!(!items.is_empty());
    assert!(
        items
            .iter()
            .all(|item| !item.text.starts_with("javascript:")),
        "{items:?}"
    );
}
