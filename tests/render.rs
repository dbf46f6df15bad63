//! What the explorer draws, on ratatui's TestBackend: character snapshots of the main
//! screens at 120×40, 80×24 and 60×20, and separate assertions on styles (snapshots hold
//! characters only).

mod support;

use accords::tui::app::{App, Input};
use accords::tui::theme::{SELECTION_SYMBOL, Theme};
use accords::tui::view::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use support::keys::{explorer, type_keys};

fn render(app: &App) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.width(), app.height())).expect("a test terminal");
    terminal.draw(|frame| draw(app, frame)).expect("drawn");
    terminal.backend().buffer().clone()
}

/// The screen's characters, one line per row, trailing spaces trimmed.
fn text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            // A wide character covers the next cell too.
            x += (unicode_width::UnicodeWidthStr::width(symbol) as u16).max(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn screen(width: u16, height: u16, keys: &str) -> (App, Buffer) {
    let mut app = explorer(width, height);
    type_keys(&mut app, keys);
    let buffer = render(&app);
    (app, buffer)
}

#[test]
fn main_screen_at_three_sizes() {
    for (width, height) in [(120, 40), (80, 24), (60, 20)] {
        let (_, buffer) = screen(width, height, "");
        insta::assert_snapshot!(format!("main_{width}x{height}"), text(&buffer));
    }
}

#[test]
fn filtered_screen_at_three_sizes() {
    for (width, height) in [(120, 40), (80, 24), (60, 20)] {
        let (_, buffer) = screen(width, height, "/berard");
        insta::assert_snapshot!(format!("filter_berard_{width}x{height}"), text(&buffer));
    }
}

#[test]
fn institution_details_contacts_and_help() {
    let (_, buffer) = screen(120, 40, "2<down><down><down><down><down><down>");
    insta::assert_snapshot!("institution_gustave_roussy_120x40", text(&buffer));
    let (_, buffer) = screen(120, 40, "c");
    insta::assert_snapshot!("contacts_120x40", text(&buffer));
    let (_, buffer) = screen(80, 24, "c");
    insta::assert_snapshot!("contacts_80x24", text(&buffer));
    let (_, buffer) = screen(80, 24, "?");
    insta::assert_snapshot!("help_80x24", text(&buffer));
    let (_, buffer) = screen(80, 24, "cy");
    insta::assert_snapshot!("copy_menu_80x24", text(&buffer));
}

#[test]
fn a_terminal_too_small_says_so_and_nothing_panics_at_any_size() {
    let (_, buffer) = screen(40, 10, "");
    assert!(
        text(&buffer).contains("terminal too small (need 50×12)"),
        "{}",
        text(&buffer)
    );
    let mut app = explorer(120, 40);
    for width in [
        1, 2, 3, 10, 30, 49, 50, 51, 59, 60, 61, 79, 80, 99, 100, 101, 130,
    ] {
        for height in [1, 2, 5, 11, 12, 13, 24, 41] {
            app.handle(Input::Resize { width, height });
            type_keys(&mut app, "<esc><esc><esc>");
            type_keys(&mut app, "/dana<enter>3jj");
            render(&app);
            type_keys(&mut app, "c");
            render(&app);
            type_keys(&mut app, "?");
            render(&app);
        }
    }
}

#[test]
fn the_selection_is_reversed_and_marked_with_a_symbol() {
    let (app, buffer) = screen(120, 40, "");
    let layout = accords::tui::layout::layout(app.width(), app.height());
    let row = layout.timeline.y + 1;
    let x = layout.timeline.x + 1;
    assert_eq!(
        buffer[(x, row)].symbol(),
        SELECTION_SYMBOL.chars().next().unwrap().to_string()
    );
    for offset in 0..20 {
        assert!(
            buffer[(x + offset, row)]
                .modifier
                .contains(Modifier::REVERSED),
            "cell {offset} of the selected row"
        );
    }
    assert!(
        !buffer[(x + 3, row + 1)]
            .modifier
            .contains(Modifier::REVERSED),
        "the next row is not selected"
    );
}

#[test]
fn matched_characters_are_highlighted_on_the_original_text() {
    // `leon` matches "Léon" in "Centre Léon Bérard": the é is highlighted, the C is not.
    let (app, buffer) = screen(120, 40, "/leon");
    let layout = accords::tui::layout::layout(app.width(), app.height());
    let row = layout.institutions.y + 1;
    let cells: Vec<(String, bool)> = (layout.institutions.x + 1
        ..layout.institutions.x + layout.institutions.width - 1)
        .map(|x| {
            let cell = &buffer[(x, row)];
            (
                cell.symbol().to_owned(),
                cell.modifier.contains(Modifier::UNDERLINED),
            )
        })
        .collect();
    let line: String = cells.iter().map(|(symbol, _)| symbol.as_str()).collect();
    let start = cells
        .iter()
        .position(|(symbol, _)| symbol == "C")
        .expect("Centre");
    assert!(line.contains("Centre Léon Bérard"), "{line}");
    let highlighted: String = cells
        .iter()
        .filter(|(_, underlined)| *underlined)
        .map(|(symbol, _)| symbol.as_str())
        .collect();
    assert_eq!(highlighted, "Léon");
    assert!(!cells[start].1, "C is not part of the match");
}

#[test]
fn monochrome_draws_no_colour_but_keeps_selection_and_matches_visible() {
    let mut app = App::new(
        accords::dataset::Dataset::embedded().unwrap(),
        Theme::monochrome(),
        120,
        40,
    );
    type_keys(&mut app, "/gustave");
    let buffer = render(&app);
    let mut reversed = 0;
    let mut underlined = 0;
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset, "no foreground colour under NO_COLOR");
        assert_eq!(cell.bg, Color::Reset, "no background colour under NO_COLOR");
        reversed += usize::from(cell.modifier.contains(Modifier::REVERSED));
        underlined += usize::from(cell.modifier.contains(Modifier::UNDERLINED));
    }
    assert!(
        reversed > 10 && underlined >= 7,
        "reversed {reversed}, underlined {underlined}"
    );
}

#[test]
fn wide_characters_never_overflow_a_pane() {
    let dataset = support::korean_dataset();
    let mut app = App::new(dataset, Theme::monochrome(), 80, 24);
    type_keys(&mut app, "2");
    let buffer = render(&app);
    let screen = text(&buffer);
    assert!(screen.contains("서울아산병원"), "{screen}");
    // Every row keeps its right border where the pane ends.
    let layout = accords::tui::layout::layout(80, 24);
    for y in layout.institutions.y + 1..layout.institutions.y + layout.institutions.height - 1 {
        let right = layout.institutions.x + layout.institutions.width - 1;
        assert_eq!(buffer[(right, y)].symbol(), "│", "row {y}: {screen}");
    }
    type_keys(&mut app, "/아산<enter>");
    assert_eq!(app.institutions().rows().len(), 1);
}

#[test]
fn map_timeline_chart_people_and_history_at_120x40() {
    // The map in place of Details, the world and then Europe, on the Amgen network's
    // partners (selected in the Timeline).
    let (_, buffer) = screen(120, 40, "Gw");
    insta::assert_snapshot!("map_world_120x40", text(&buffer));
    let (_, buffer) = screen(120, 40, "2<down><down><down><down><down><down>wz");
    insta::assert_snapshot!("map_europe_gustave_roussy_120x40", text(&buffer));
    // The timeline chart follows the selection: the Dana-Farber release is marked.
    let (app, buffer) = screen(120, 40, "jjjjjjjjj");
    let layout = accords::tui::layout::layout(app.width(), app.height());
    let chart = layout.chart.expect("a chart at 120x40");
    insta::assert_snapshot!("timeline_chart_dana_farber_120x40", text(&buffer));
    let marks: String = (chart.x..chart.x + chart.width)
        .map(|x| buffer[(x, chart.y + 1)].symbol().to_owned())
        .collect();
    assert_eq!(marks.matches('▼').count(), 1, "{marks}");
    // People over time.
    let (_, buffer) = screen(120, 40, "p");
    insta::assert_snapshot!("people_120x40", text(&buffer));
    // Gustave Roussy's statements release by release.
    let mut app = explorer(120, 40);
    assert!(app.select_id("gustave-roussy"));
    let content = app.details_content(accords::tui::layout::layout(120, 40).details.width - 2);
    let heading = content
        .lines
        .iter()
        .position(|line| line.to_string().starts_with("History of statements"))
        .expect("a history section");
    app.set_details_scroll(heading);
    let buffer = render(&app);
    insta::assert_snapshot!("history_gustave_roussy_120x40", text(&buffer));
}

#[test]
fn the_map_says_so_when_its_pane_is_too_small() {
    let (_, buffer) = screen(50, 14, "w");
    assert!(
        text(&buffer).contains("terminal too small for a readable map"),
        "{}",
        text(&buffer)
    );
}

/// Filter edits wait for their lists when the run loop searches in the background: the
/// frame in between shows what was typed, the lists of before and `searching…`; the
/// worker's lists then replace them, as if the query had been searched in place.
#[test]
fn lists_waiting_for_the_worker_say_searching_until_they_come() {
    use accords::background::Worker;
    use accords::tui::keymap::Action;
    use accords::tui::rows::ListsJob;
    use std::time::Duration;

    let (mut app, before) = screen(120, 40, "");
    app.update(Action::StartFilter);
    for character in "berard".chars() {
        app.handle(Input::Action(Action::FilterInput(character)));
    }
    assert!(app.searching());
    let waiting = text(&render(&app));
    let status = waiting.lines().last().expect("a status line");
    assert!(status.starts_with("/berard█  searching…"), "{status}");
    // The panes are those of before the edit: every announcement.
    let timeline_title = |screen: &str| {
        screen
            .lines()
            .find_map(|line| line.split('┌').find(|part| part.starts_with("Timeline")))
            .map(|part| part.trim_end_matches(['─', '┐', '│']).to_owned())
    };
    assert_eq!(timeline_title(&waiting), timeline_title(&text(&before)));

    let worker: Worker<ListsJob> = Worker::start().expect("a worker thread");
    app.handle(Input::Search(&worker));
    if app.searching() {
        assert!(worker.wait(Duration::from_secs(30)));
        app.handle(Input::ListsReady(&worker));
    }
    assert!(!app.searching());
    let settled = text(&render(&app));
    let (_, in_place) = screen(120, 40, "/berard");
    assert_eq!(settled, text(&in_place));
    assert!(
        settled
            .lines()
            .last()
            .expect("a status line")
            .contains("matches")
    );
}

/// `s` on a quote in Details opens its release, scrolled to the quote and highlighting it
/// as the selection; the record's other passages are marked as matches.
#[test]
fn the_source_view_shows_a_quote_in_its_release() {
    // Léon Bérard 2020: two partners, one mention, 18 figures, then the directors' quote.
    let keys = format!("/berard<enter>3{}s", "j".repeat(21));
    let (app, buffer) = screen(80, 24, &keys);
    insta::assert_snapshot!("source_quote_leon_berard_80x24", text(&buffer));
    let screen_text = text(&buffer);
    assert!(
        screen_text.contains("2020-12-17 · 002_07829199df6ee778.txt"),
        "the title gives the release's date and file:\n{screen_text}"
    );
    // The quote's cells are drawn as the selection (reversed), and no others are.
    let quote = "Notre rapprochement";
    let row = (0..buffer.area.height)
        .find(|&y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains(quote)
        })
        .expect("the quote is on screen");
    let line: String = (0..buffer.area.width)
        .map(|x| buffer[(x, row)].symbol())
        .collect();
    let column = line.find(quote).expect("on that row");
    let x = line[..column].chars().count() as u16;
    assert!(
        buffer[(x, row)].modifier.contains(Modifier::REVERSED),
        "the quote is highlighted as the current passage"
    );
    assert!(
        !buffer[(x.saturating_sub(3), row)]
            .modifier
            .contains(Modifier::REVERSED)
    );
    // Other passages of the record (the partners' sentence, the figures) are bold.
    let bold = (0..buffer.area.height).any(|y| {
        (0..buffer.area.width).any(|x| {
            let cell = &buffer[(x, y)];
            cell.modifier.contains(Modifier::BOLD) && !cell.modifier.contains(Modifier::REVERSED)
        })
    });
    assert!(bold, "the record's other passages are marked");
    // Esc returns to Details, the quote still selected.
    let mut app = app;
    type_keys(&mut app, "<esc>");
    assert!(app.overlays().is_empty());
    assert_eq!(app.details().link, 21);
}

/// A dataset without release texts opens the view all the same, and says so.
#[test]
fn the_source_view_of_a_dataset_without_texts_says_so() {
    let dataset = accords::dataset::Dataset::load(&support::fixture("good/minimal.yaml"))
        .expect("the minimal dataset loads");
    let mut app = App::new(dataset, Theme::monochrome(), 80, 24);
    type_keys(&mut app, "s");
    let screen_text = text(&render(&app));
    assert!(
        screen_text.contains(accords::tui::source_view::NO_SOURCE_TEXT),
        "{screen_text}"
    );
    type_keys(&mut app, "<esc>");
    assert!(app.overlays().is_empty());
}

/// The Bergonié release's quote of its director general has a line break in the release:
/// Details starts a new line there, at every size, and shows no `␊`.
#[test]
fn a_quote_with_line_breaks_shows_them_as_new_lines_at_four_sizes() {
    for (width, height) in [(120, 40), (100, 30), (80, 24), (60, 20)] {
        let mut app = explorer(width, height);
        assert!(app.select_id("bergonie-2019"));
        // Details, scrolled down to the Bergonié director's quote.
        type_keys(&mut app, "3");
        let mut buffer = render(&app);
        for _ in 0..60 {
            if text(&buffer).contains("This partnership will lead") {
                break;
            }
            type_keys(&mut app, "<down>");
            buffer = render(&app);
        }
        let screen = text(&buffer);
        assert!(!screen.contains('␊'), "{screen}");
        // The sentence after the break starts a line of its own, under the quote's indent.
        assert!(screen.contains("│  This partnership"), "{screen}");
        insta::assert_snapshot!(format!("quote_line_breaks_{width}x{height}"), screen);
    }
}

/// From 80 to 250 columns, every Timeline row shows at least 30 characters of its
/// announcement's short title (all of it when shorter).
#[test]
fn timeline_titles_keep_thirty_characters_from_80_to_250_columns() {
    let dataset = accords::dataset::Dataset::embedded().expect("the embedded dataset");
    for width in 80..=250 {
        let (_, buffer) = screen(width, 60, "");
        let screen = text(&buffer);
        for announcement in &dataset.announcements {
            let title: Vec<char> = announcement.short_title.chars().collect();
            let wanted: String = title.iter().take(30).collect();
            let start: String = title.iter().take(3).collect();
            let row = screen
                .lines()
                .find(|line| line.contains(&format!("{} {start}", announcement.date)))
                .unwrap_or_else(|| panic!("no Timeline row for {} at {width}", announcement.id));
            assert!(
                row.contains(&format!("{} {wanted}", announcement.date)),
                "at {width} columns the Timeline shows less than 30 characters of {:?}:\n{row}",
                announcement.short_title
            );
        }
    }
}

/// The filter's terms are highlighted in Details too: with `/cooperation`, the word is
/// underlined in the Dana-Farber release's title and kind, and nothing else in Details is.
#[test]
fn filter_terms_are_highlighted_in_details() {
    let (app, buffer) = screen(120, 40, "/cooperation<enter>");
    let layout = accords::tui::layout::layout(app.width(), app.height());
    let details = layout.details;
    let mut highlighted = String::new();
    let mut found = false;
    for y in details.y + 1..details.y + details.height - 1 {
        let mut run = String::new();
        for x in details.x + 1..details.x + details.width - 1 {
            let cell = &buffer[(x, y)];
            // Monochrome draws links underlined, and matches bold and underlined.
            if cell
                .modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED)
            {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                highlighted.push_str(&run);
                highlighted.push(' ');
                run.clear();
            }
        }
        if !run.is_empty() {
            highlighted.push_str(&run);
            highlighted.push(' ');
        }
        found |= text(&buffer).contains("oncology cooperation");
    }
    assert!(found, "Details shows no cooperation:\n{}", text(&buffer));
    let words: Vec<&str> = highlighted.split_whitespace().collect();
    assert!(words.len() >= 2, "{words:?}:\n{}", text(&buffer));
    assert!(
        words
            .iter()
            .all(|word| word.eq_ignore_ascii_case("cooperation")),
        "{words:?}"
    );
}

/// At 80 columns the Contacts overlay wraps a contact's emails under their label rather
/// than cutting them: Claire Parisel's 2020 address is there whole.
#[test]
fn the_contacts_overlay_cuts_no_email_at_80_columns() {
    let (_, buffer) = screen(80, 24, "c<down>");
    let screen = text(&buffer);
    assert!(
        screen.contains("claire.parisel@gustaveroussy.fr (2020)"),
        "{screen}"
    );
    assert!(
        screen.contains("presse@gustaveroussy.fr (2023)"),
        "{screen}"
    );
}
