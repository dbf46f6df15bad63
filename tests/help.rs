//! The help overlay: it stops scrolling at its last line, `/` filters it, and it ends with a
//! legend of the symbols the screens draw.

mod support;

use accords::tui::app::{App, Overlay};
use accords::tui::help;
use accords::tui::keymap::Context;
use accords::tui::layout::layout;
use accords::tui::view::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use support::keys::{explorer, type_keys};

fn screen(app: &App) -> String {
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

fn help_scroll(app: &App) -> usize {
    match app.overlays().last() {
        Some(Overlay::Help { scroll, .. }) => *scroll,
        other => panic!("help is not open: {other:?}"),
    }
}

fn help_text(app: &App) -> Vec<String> {
    help::lines(app.keymap(), app.theme(), app.filter())
        .iter()
        .map(|line| line.to_string())
        .collect()
}

#[test]
fn help_stops_scrolling_at_its_last_line() {
    let mut app = explorer(80, 24);
    type_keys(&mut app, "?G");
    let height = layout(80, 24).overlay.height as usize - 2;
    let total = help_text(&app).len();
    assert!(total > height, "help is longer than the overlay at 80×24");
    assert_eq!(help_scroll(&app), total - height);
    // More `j` or page down does not scroll past it.
    type_keys(&mut app, "jjj<pgdn>");
    assert_eq!(help_scroll(&app), total - height);
    // The last line of help is the overlay's last row.
    let last = help_text(&app).last().cloned().expect("a last line");
    let drawn = screen(&app);
    let start: String = last.chars().take(40).collect();
    assert!(drawn.contains(&start), "{drawn}");
    type_keys(&mut app, "g");
    assert_eq!(help_scroll(&app), 0);
}

#[test]
fn help_ends_with_a_legend_of_every_symbol_the_screens_draw() {
    let app = explorer(120, 40);
    let text = help_text(&app);
    let legend = text
        .iter()
        .position(|line| line == "Symbols")
        .expect("a legend");
    for symbol in ["●", "◆", "▼", "✱", "+", "◉", "→"] {
        assert!(
            text[legend..]
                .iter()
                .any(|line| line.trim_start().starts_with(symbol)),
            "{symbol} is explained"
        );
    }
}

#[test]
fn slash_filters_help_and_closing_it_puts_the_main_filter_back() {
    let mut app = explorer(120, 40);
    type_keys(&mut app, "/berard<enter>?");
    assert_eq!(app.filter(), "", "help opens unfiltered");
    type_keys(&mut app, "/map");
    assert_eq!(app.context(), Context::Filter);
    type_keys(&mut app, "<enter>");
    assert_eq!(app.context(), Context::Help);
    let text = help_text(&app);
    assert!(
        text.iter().any(|line| line.contains("world map")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|line| line.contains("+") && line.contains("on the map"))
    );
    assert!(
        !text.iter().any(|line| line.contains("press contacts")),
        "{text:?}"
    );
    // The panes behind keep the main filter's rows.
    assert_eq!(app.timeline_announcements(), 1);
    type_keys(&mut app, "<esc>");
    assert!(app.overlays().is_empty());
    assert_eq!(app.filter(), "berard");
    assert_eq!(app.timeline_announcements(), 1);
}
