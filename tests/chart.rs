//! The timeline chart follows what the Timeline lists (the filter and the narrowing) and
//! carries a one-line legend.

mod support;

use accords::tui::app::App;
use accords::tui::layout::layout;
use accords::tui::view::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use support::keys::{explorer, type_keys};

/// The chart's rows, borders included.
fn chart_rows(app: &App) -> Vec<String> {
    let area = layout(app.width(), app.height())
        .chart
        .expect("a chart at this size");
    let mut terminal =
        Terminal::new(TestBackend::new(app.width(), app.height())).expect("a test terminal");
    terminal.draw(|frame| draw(app, frame)).expect("drawn");
    let buffer = terminal.backend().buffer();
    (area.y..area.y + area.height)
        .map(|y| {
            (area.x..area.x + area.width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect()
        })
        .collect()
}

fn releases_marked(app: &App) -> usize {
    chart_rows(app)[1]
        .chars()
        .filter(|c| matches!(c, '●' | '▼'))
        .count()
}

#[test]
fn the_chart_marks_the_releases_the_timeline_lists() {
    // Five releases, in five different years: five marks, the selected one `▼`.
    let mut app = explorer(120, 40);
    assert_eq!(releases_marked(&app), 5);
    type_keys(&mut app, "/berard<enter>");
    assert_eq!(app.timeline_announcements(), 1);
    assert_eq!(releases_marked(&app), 1, "{:#?}", chart_rows(&app));
    type_keys(&mut app, "<esc>");
    assert_eq!(releases_marked(&app), 5);
    // Narrowed to Dana-Farber: its two releases, 2022 and 2023.
    assert!(app.select_id("dana-farber"));
    assert_eq!(app.timeline_announcements(), 2);
    assert_eq!(releases_marked(&app), 2, "{:#?}", chart_rows(&app));
}

#[test]
fn the_chart_has_a_one_line_legend() {
    let app = explorer(120, 40);
    let rows = chart_rows(&app);
    let bottom = rows.last().expect("a bottom border");
    for words in ["● release", "◆ event", "▼ selected"] {
        assert!(bottom.contains(words), "{bottom}");
    }
}

/// The whole screen's text.
fn screen_text(app: &App) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(app.width(), app.height())).expect("a test terminal");
    terminal.draw(|frame| draw(app, frame)).expect("drawn");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_map_names_every_partner_of_the_selected_release_beside_it_or_in_a_legend() {
    // The 2023 release has nine partners, from California to Seoul.
    for (width, height) in [(120, 40), (200, 60)] {
        let mut app = explorer(width, height);
        assert!(app.select_id("amgen-partners-of-choice-2023"));
        type_keys(&mut app, "w");
        let text = screen_text(&app);
        for name in [
            "Asan Medical Center",
            "Dana-Farber Cancer Institute",
            "Gustave Roussy",
            "Memorial Sloan Kettering Cancer Center",
            "Peter MacCallum Cancer Centre",
            "Princess Margaret Cancer Centre",
            "University Hospital Essen",
            "Vall d'Hebron Institute of Oncology",
        ] {
            let labelled = text.contains(&format!("● {name}"));
            // A legend line: the map pane's part of a screen row, `1 Name · 2 Name`.
            let in_legend = text.lines().any(|line| {
                // The map pane's part: after the last border left of it (`││`, or `┘│`
                // where the pane beside ends on that row).
                let inside = line.trim_end_matches(['│', ' ']);
                let pane = inside.rsplit('│').next().unwrap_or(inside);
                pane.split(" · ").any(|entry| {
                    entry.split_once(' ').is_some_and(|(number, rest)| {
                        number.parse::<usize>().is_ok() && rest == name
                    })
                })
            });
            assert!(labelled || in_legend, "{name} at {width}×{height}:\n{text}");
        }
    }
}

/// The marks line is kept with the state: after a resize and a change of filter it is what
/// an explorer opened at that size with that filter draws.
#[test]
fn the_kept_marks_follow_the_width_and_the_filter() {
    use accords::tui::app::Input;
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/2022<enter>");
    app.handle(Input::Resize {
        width: 160,
        height: 44,
    });
    let mut fresh = explorer(160, 44);
    type_keys(&mut fresh, "/2022<enter>");
    assert_eq!(chart_rows(&app), chart_rows(&fresh));
    // Without the filter the selection stays on its 2022 row: the cells marked are those
    // of an explorer opened without a filter, wherever `▼` stands.
    type_keys(&mut app, "<esc>");
    let unfiltered = explorer(160, 44);
    let marked =
        |app: &App| -> Vec<bool> { chart_rows(app)[1].chars().map(|c| c != ' ').collect() };
    assert_eq!(marked(&app), marked(&unfiltered));
    assert_ne!(
        marked(&fresh),
        marked(&unfiltered),
        "the filter leaves marks out"
    );
}
