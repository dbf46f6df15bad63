//! The Contacts and People overlays: one list of cards, each a first line that takes the
//! selection and the filter's highlights, then its fields.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::super::app::{App, Cards};
use super::super::card_text;
use super::super::keymap::Action;
use super::{block, row_line};

pub(crate) fn draw(app: &App, frame: &mut Frame, area: Rect, cards: Cards) {
    let list = app.cards(cards);
    let (head, fields, nothing): (fn(_, _) -> _, fn(_, _, _, _) -> _, _) = match cards {
        Cards::Contacts => (
            card_text::contact_head,
            card_text::contact_fields,
            "no contact matches",
        ),
        Cards::People => (
            card_text::person_head,
            card_text::person_fields,
            "nobody matches",
        ),
    };
    let title = match cards {
        Cards::Contacts => format!(
            "Contacts {} ({} shows, {} copies, {} returns)",
            list.len(),
            app.keymap.label_of(Action::Open),
            app.keymap.label_of(Action::CopyMenu),
            app.keymap.label_of(Action::Escape)
        ),
        Cards::People => format!(
            "People {} ({} shows, {} returns)",
            list.len(),
            app.keymap.label_of(Action::Open),
            app.keymap.label_of(Action::Escape)
        ),
    };
    frame.render_widget(Clear, area);
    let inner_width = area.width.saturating_sub(2) as usize;
    let card_lines = app.card_lines(cards);
    let shown = (area.height.saturating_sub(2) as usize / card_lines).max(1);
    let cursor = list.cursor();
    let mut lines = Vec::new();
    for (position, &index) in list
        .rows()
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(shown)
    {
        lines.push(row_line(
            app,
            &head(&app.dataset, index),
            position == cursor.selected,
            false,
            inner_width,
        ));
        let fields: Vec<Line> = fields(&app.dataset, &app.theme, index, inner_width);
        let padding = card_lines.saturating_sub(fields.len() + 1);
        lines.extend(fields);
        lines.extend(std::iter::repeat_n(Line::default(), padding));
    }
    if list.is_empty() {
        lines.push(Line::styled(format!("  {nothing}"), app.theme.muted));
    }
    frame.render_widget(Paragraph::new(lines).block(block(app, &title, true)), area);
}
