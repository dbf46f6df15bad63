//! The timeline chart follows what the Timeline lists (the filter and the narrowing) and
//! carries a one-line legend.

mod support;

use accords::tui::app::App;
use accords::tui::view::{draw, layout};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use support::keys::{explorer, type_keys};

/// The chart's rows, borders included.
fn chart_rows(app: &App) -> Vec<String> {
    let area = layout(app.width, app.height)
        .chart
        .expect("a chart at this size");
    let mut terminal =
        Terminal::new(TestBackend::new(app.width, app.height)).expect("a test terminal");
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
