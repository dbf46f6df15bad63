//! Acting on what is selected in Details: a press contact listed in a release or under its
//! institution, and the web addresses Details shows, each a selectable line.

mod support;

use accords::dataset::Record;
use accords::tui::app::{App, Effect, Overlay};
use accords::tui::details::{self, LinkSpot};

use support::keys::{explorer, type_keys};

/// The line selected in Details, as drawn at the app's size.
fn selected(app: &App) -> Option<LinkSpot> {
    let layout = accords::tui::layout::layout(app.width(), app.height());
    let content = app.details_content(layout.details.width.saturating_sub(2));
    content.links.get(app.details().link).copied()
}

/// Moves the Details selection down until `wanted` holds of the selected line.
fn select_in_details(app: &mut App, wanted: impl Fn(&LinkSpot) -> bool) {
    type_keys(app, "3");
    for _ in 0..80 {
        if selected(app).is_some_and(|link| wanted(&link)) {
            return;
        }
        type_keys(app, "<down>");
    }
    panic!("no such line in Details of {:?}", app.details().record);
}

/// Every line of Details as text.
fn details_text(app: &App) -> String {
    let layout = accords::tui::layout::layout(app.width(), app.height());
    app.details_content(layout.details.width.saturating_sub(2))
        .lines
        .iter()
        .map(|line| line.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn y_and_e_act_on_the_press_contact_selected_in_a_release() {
    let mut app = explorer(120, 40);
    assert!(app.select_id("amgen-partners-of-choice-2023"));
    let claire = app
        .dataset()
        .record("claire-parisel")
        .expect("Claire Parisel");
    select_in_details(&mut app, |link| link.target == claire);
    type_keys(&mut app, "y");
    let Some(Overlay::Copy { items }) = app.overlays().last() else {
        panic!("no copy menu: {:?}", app.overlays());
    };
    let texts: Vec<&str> = items.iter().map(|item| item.text.as_str()).collect();
    // Her 2023 address (the release's own) before her 2020 one.
    assert_eq!(
        &texts[..2],
        ["presse@gustaveroussy.fr", "claire.parisel@gustaveroussy.fr"]
    );
    assert!(texts.contains(&"01 42 11 50 59"));
    assert!(items[0].label.contains("2023"), "{:?}", items[0].label);
    type_keys(&mut app, "<esc>e");
    let Some(Effect::Export { stem, .. }) = app.take_effect() else {
        panic!("no export: {:?}", app.effect());
    };
    assert_eq!(stem, "claire-parisel");
}

#[test]
fn an_institution_lists_its_press_contacts_and_y_acts_on_the_selected_one() {
    let mut app = explorer(120, 40);
    assert!(app.select_id("centre-leon-berard"));
    let text = details_text(&app);
    assert!(text.contains("Press contacts"), "{text}");
    assert!(text.contains("Nathalie Blanc"), "{text}");
    assert!(
        text.contains("nathalie.blanc@lyon.unicancer.fr (2020)"),
        "{text}"
    );
    let blanc = app
        .dataset()
        .record("nathalie-blanc")
        .expect("Nathalie Blanc");
    select_in_details(&mut app, |link| link.target == blanc);
    type_keys(&mut app, "y");
    let Some(Overlay::Copy { items }) = app.overlays().last() else {
        panic!("no copy menu: {:?}", app.overlays());
    };
    assert_eq!(items[0].text, "nathalie.blanc@lyon.unicancer.fr");
}

#[test]
fn every_web_address_in_details_is_a_selectable_link_that_o_and_y_act_on() {
    use accords::tui::app::Effect;
    let mut app = explorer(120, 40);
    assert!(app.select_id("leon-berard-2020"));
    let record = app.details().record.expect("a record");
    let urls: Vec<String> = details::urls_of(app.dataset(), record)
        .into_iter()
        .map(|(_, url)| url.to_owned())
        .collect();
    assert!(urls.len() >= 2, "{urls:?}");
    // The second address, not the first: o and y follow the selection.
    let second = urls[1].clone();
    select_in_details(&mut app, |link| link.url == Some(1));
    type_keys(&mut app, "o");
    assert_eq!(
        app.take_effect(),
        Some(Effect::Open {
            url: second.clone()
        })
    );
    type_keys(&mut app, "y");
    let Some(Overlay::Copy { items }) = app.overlays().last() else {
        panic!("no copy menu: {:?}", app.overlays());
    };
    assert_eq!(items[0].text, second);
    // The links' count in Details' title counts the addresses.
    let layout = accords::tui::layout::layout(app.width(), app.height());
    let content = app.details_content(layout.details.width.saturating_sub(2));
    assert_eq!(
        content
            .links
            .iter()
            .filter(|link| link.url.is_some())
            .count(),
        urls.len()
    );

    // An institution's website too.
    let mut app = explorer(120, 40);
    assert!(app.select_id("gustave-roussy"));
    select_in_details(&mut app, |link| link.url.is_some());
    type_keys(&mut app, "<enter>");
    assert_eq!(
        app.take_effect(),
        Some(Effect::Open {
            url: "https://www.gustaveroussy.fr".to_owned()
        })
    );
    assert_eq!(
        app.details().record,
        Some(Record::Institution(
            app.dataset().institution_index("gustave-roussy").unwrap()
        ))
    );
}
