//! The problems panel, for `--watch`: while the dataset on disk does not load, its problems
//! (`FILE:LINE:COLUMN: message`, as `accords check` prints them) are drawn over the bottom
//! of the screen, above the status line, and the last valid dataset stays browsable above
//! them. Saving a fix reloads the dataset and the panel goes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::dataset::LoadError;
use crate::sanitize::sanitize;

use super::app::App;

/// The panel's title: what happened, and what happens next.
pub(crate) fn title(app: &App, problems: usize) -> String {
    let plural = if problems == 1 { "" } else { "s" };
    let shown = if app.dataset.announcements.is_empty() && app.dataset.institutions.is_empty() {
        "nothing to show until it loads"
    } else {
        "showing the last valid dataset"
    };
    format!("Dataset: {problems} problem{plural}; {shown}; save a fix to reload")
}

/// Each problem as one line: where, then what.
fn lines(app: &App, error: &LoadError) -> Vec<Line<'static>> {
    match error {
        LoadError::Invalid { problems } => problems
            .iter()
            .map(|problem| {
                Line::from(vec![
                    Span::styled(
                        sanitize(&format!(
                            "{}:{}:{}:",
                            problem.file, problem.line, problem.column
                        ))
                        .into_owned(),
                        app.theme.warning,
                    ),
                    Span::raw(" "),
                    Span::raw(sanitize(&problem.message).into_owned()),
                ])
            })
            .collect(),
        LoadError::Unreadable { .. } => vec![Line::styled(
            sanitize(&error.to_string()).into_owned(),
            app.theme.warning,
        )],
    }
}

/// Draws the panel when the dataset on disk has problems; nothing otherwise. It takes at
/// most half the rows above the status line; problems that do not fit are counted.
pub(crate) fn draw(app: &App, frame: &mut Frame) {
    let Some(error) = &app.dataset_error else {
        return;
    };
    let screen = frame.area();
    let layout = super::layout::layout(screen.width, screen.height);
    if layout.too_small {
        return;
    }
    let mut lines = lines(app, error);
    let count = lines.len();
    let room = (layout.status.y / 2).max(3);
    let inner = room.saturating_sub(2) as usize;
    // Long messages wrap; count the rows each takes at this width.
    let width = screen.width.saturating_sub(2).max(1) as usize;
    let rows = |line: &Line| line.width().div_ceil(width).max(1);
    let mut used = 0;
    let mut shown = 0;
    for line in &lines {
        if used + rows(line) > inner {
            break;
        }
        used += rows(line);
        shown += 1;
    }
    if shown < count {
        // Room for the note: drop problems until it fits.
        while shown > 0 && used + 1 > inner {
            shown -= 1;
            used -= rows(&lines[shown]);
        }
        lines.truncate(shown);
        lines.push(Line::styled(
            format!(
                "… and {} more (`accords check` lists every one)",
                count - shown
            ),
            app.theme.muted,
        ));
        used += 1;
    }
    let height = (used as u16 + 2).min(room);
    let area = Rect::new(0, layout.status.y - height, screen.width, height);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.warning)
        .title(Span::styled(title(app, count), app.theme.warning));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
