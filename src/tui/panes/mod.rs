//! The panes and overlays, one module each, and what their drawing shares: the bordered
//! block, a list's rows with the filter's matches styled.

pub(crate) mod cards;
pub(crate) mod details;
pub(crate) mod help;
pub(crate) mod institutions;
pub(crate) mod status;
pub(crate) mod timeline;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::fold::fold;

use super::app::{App, Pane, Picker};
use super::theme::{MARK_SYMBOL, SELECTION_SYMBOL};
use crate::dataset::Record;
use crate::output::table::fit;

pub(super) fn block<'a>(app: &App, title: &'a str, focused: bool) -> Block<'a> {
    let style = if focused {
        app.theme.border_focused
    } else {
        app.theme.border
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(title, style))
}

/// One list row: selection symbol, mark, then the text with the matched characters styled.
pub(super) fn row_line(
    app: &App,
    text: &str,
    selected: bool,
    marked: bool,
    width: usize,
) -> Line<'static> {
    let text = crate::sanitize::sanitize(text);
    let highlights = if app.query.is_empty() {
        Vec::new()
    } else {
        app.index.matcher().highlights(&app.query, &fold(&text))
    };
    let lead = if selected { SELECTION_SYMBOL } else { "  " };
    let mark = if marked { MARK_SYMBOL } else { " " };
    let mut spans = vec![Span::raw(lead), Span::styled(mark, app.theme.marked)];
    let budget = width.saturating_sub(lead.width() + 1);
    let shown = fit(&text, budget);
    let mut highlight = highlights.into_iter().peekable();
    for (position, character) in shown.chars().enumerate() {
        while highlight.peek().is_some_and(|&index| index < position) {
            highlight.next();
        }
        let style = if highlight.peek() == Some(&position) {
            app.theme.matched
        } else {
            Style::new()
        };
        spans.push(Span::styled(character.to_string(), style));
    }
    let mut line = Line::from(spans);
    if selected {
        line = line.patch_style(app.theme.selection);
        let used = line.width();
        if used < width {
            line.push_span(Span::styled(" ".repeat(width - used), app.theme.selection));
        }
    }
    line
}

/// `left` cut to leave room for `right`, which ends at `width` cells.
pub(super) fn spread(left: &str, right: &str, width: usize) -> String {
    // Measured once made safe: a placeholder is wider than the character it stands for.
    let (left, right) = (
        crate::sanitize::sanitize(left),
        crate::sanitize::sanitize(right),
    );
    let room = width.saturating_sub(right.width() + 1);
    let left = fit(&left, room);
    let gap = width.saturating_sub(left.width() + right.width()).max(1);
    format!("{left}{}{right}", " ".repeat(gap))
}

/// A bordered list pane: the visible rows from the cursor's offset, the selected one
/// reversed, or a muted line when nothing matches. `row` gives a row's text and whether it
/// is marked, for the pane's inner width; `record` what the row is, which decides whether
/// it only concerns a match.
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_list<T: Copy + PartialEq>(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    pane: Pane,
    title: &str,
    list: &Picker<T>,
    nothing: &str,
    row: impl Fn(&T, usize) -> (String, bool),
    record: impl Fn(&T) -> Record,
) {
    let inner_width = area.width.saturating_sub(2) as usize;
    let height = area.height.saturating_sub(2) as usize;
    let cursor = list.cursor();
    let mut lines: Vec<Line> = list
        .rows()
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(height)
        .map(|(position, item)| {
            let (text, marked) = row(item, inner_width);
            let selected = position == cursor.selected;
            let line = row_line(app, &text, selected, marked, inner_width);
            // A row that only concerns a match is muted, unless selected.
            if !selected && app.related_row(record(item)).is_some() {
                line.patch_style(app.theme.muted)
            } else {
                line
            }
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled(format!("  {nothing}"), app.theme.muted));
    }
    frame.render_widget(
        Paragraph::new(lines).block(block(app, title, app.focus == pane)),
        area,
    );
}
