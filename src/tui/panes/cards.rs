//! The Contacts and People overlays: one list of cards, each a first line that takes the
//! selection and the filter's highlights, then its fields.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::super::app::{App, ListCursor};
use super::super::card_text;
use super::super::keymap::Action;
use super::super::layout::{PERSON_LINES, layout};
use super::{block, row_line};

/// What sets one card list apart from the other.
struct Cards<'a> {
    title: String,
    rows: &'a [usize],
    cursor: ListCursor,
    /// Lines each card takes, so cards keep one height for paging.
    card_lines: usize,
    nothing: &'static str,
    head: fn(&crate::dataset::Dataset, usize) -> String,
    fields: fn(
        &crate::dataset::Dataset,
        &super::super::theme::Theme,
        usize,
        usize,
    ) -> Vec<Line<'static>>,
}

fn draw_cards(app: &App, frame: &mut Frame, area: Rect, cards: Cards) {
    frame.render_widget(Clear, area);
    let inner_width = area.width.saturating_sub(2) as usize;
    let shown = (area.height.saturating_sub(2) as usize / cards.card_lines).max(1);
    let mut lines = Vec::new();
    for (position, &index) in cards
        .rows
        .iter()
        .enumerate()
        .skip(cards.cursor.offset)
        .take(shown)
    {
        lines.push(row_line(
            app,
            &(cards.head)(&app.dataset, index),
            position == cards.cursor.selected,
            false,
            inner_width,
        ));
        let fields = (cards.fields)(&app.dataset, &app.theme, index, inner_width);
        let padding = cards.card_lines.saturating_sub(fields.len() + 1);
        lines.extend(fields);
        lines.extend(std::iter::repeat_n(Line::default(), padding));
    }
    if cards.rows.is_empty() {
        lines.push(Line::styled(
            format!("  {}", cards.nothing),
            app.theme.muted,
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(block(app, &cards.title, true)),
        area,
    );
}

pub fn draw_contacts(app: &App, frame: &mut Frame, area: Rect) {
    // As tall as paging takes them, which is at the app's size.
    let inner_width = layout(app.width, app.height)
        .overlay
        .width
        .saturating_sub(2) as usize;
    let card_lines = card_text::contact_lines(&app.dataset, &app.theme, &app.contacts, inner_width);
    let title = format!(
        "Contacts {} ({} shows, {} copies, {} returns)",
        app.contacts.len(),
        app.keymap.label_of(Action::Open),
        app.keymap.label_of(Action::CopyMenu),
        app.keymap.label_of(Action::Escape)
    );
    let cards = Cards {
        title,
        rows: &app.contacts,
        cursor: app.contacts_cursor,
        card_lines,
        nothing: "no contact matches",
        head: card_text::contact_head,
        fields: card_text::contact_fields,
    };
    draw_cards(app, frame, area, cards);
}

pub fn draw_people(app: &App, frame: &mut Frame, area: Rect) {
    let title = format!(
        "People {} ({} shows, {} returns)",
        app.people.len(),
        app.keymap.label_of(Action::Open),
        app.keymap.label_of(Action::Escape)
    );
    let cards = Cards {
        title,
        rows: &app.people,
        cursor: app.people_cursor,
        card_lines: PERSON_LINES,
        nothing: "nobody matches",
        head: card_text::person_head,
        fields: card_text::person_fields,
    };
    draw_cards(app, frame, area, cards);
}
