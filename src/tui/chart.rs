//! The timeline chart above the Timeline: one horizontal axis across the dataset's years,
//! each announcement (`●`) and event (`◆`, or a bar for a span of years) marked at its
//! date, and the row selected in the Timeline standing out.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::dataset::PartialDate;

use super::app::App;
use super::rows::TimelineRow;

/// A date as a fraction of years, so dates of every precision share one axis.
fn position(date: PartialDate) -> (f64, f64) {
    match date {
        PartialDate::Year(year) => (f64::from(year), f64::from(year) + 1.0),
        PartialDate::Month(year, month) => {
            let start = f64::from(year) + f64::from(month - 1) / 12.0;
            (start, start + 1.0 / 12.0)
        }
        PartialDate::Day(year, month, day) => {
            let start = f64::from(year) + f64::from(month - 1) / 12.0 + f64::from(day - 1) / 365.0;
            (start, start)
        }
        PartialDate::Span(start, end) => (f64::from(start), f64::from(end) + 1.0),
    }
}

/// Every dated row: (row, start, end, is an announcement).
fn marks(app: &App) -> Vec<(TimelineRow, f64, f64, bool)> {
    let mut marks = Vec::new();
    for (index, announcement) in app.dataset.announcements.iter().enumerate() {
        if let Ok(date) = PartialDate::parse(&announcement.date) {
            let (start, end) = position(date);
            marks.push((TimelineRow::Announcement(index), start, end, true));
        }
        for (event, item) in announcement.events.iter().enumerate() {
            if let Ok(date) = PartialDate::parse(&item.date) {
                let (start, end) = position(date);
                marks.push((TimelineRow::Event(index, event), start, end, false));
            }
        }
    }
    marks
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let marks = marks(app);
    let inner = area.width.saturating_sub(2) as usize;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border)
        .title("Timeline chart");
    if marks.is_empty() || inner < 10 {
        frame.render_widget(block, area);
        return;
    }
    let first = marks
        .iter()
        .map(|mark| mark.1)
        .fold(f64::INFINITY, f64::min)
        .floor();
    let last = marks
        .iter()
        .map(|mark| mark.2)
        .fold(f64::NEG_INFINITY, f64::max)
        .ceil()
        .max(first + 1.0);
    let column = |at: f64| -> usize {
        (((at - first) / (last - first)) * (inner - 1) as f64)
            .round()
            .clamp(0.0, (inner - 1) as f64) as usize
    };

    // The axis: a tick and a label for each year that fits.
    let mut axis: Vec<char> = vec!['─'; inner];
    let mut labels: Vec<char> = vec![' '; inner];
    let mut free_from = 0;
    for year in first as i32..last as i32 {
        let at = column(f64::from(year));
        axis[at] = '┬';
        let label: Vec<char> = year.to_string().chars().collect();
        if at >= free_from && at + label.len() <= inner {
            labels[at..at + label.len()].copy_from_slice(&label);
            free_from = at + label.len() + 1;
        }
    }
    // The marks, the selected one last so it stays visible.
    let selected = app.timeline.get(app.timeline_cursor.selected).copied();
    let mut cells: Vec<(char, bool)> = vec![(' ', false); inner];
    for (row, start, end, announcement) in &marks {
        let (from, to) = (column(*start), column(*end));
        if !announcement && to > from + 1 {
            for cell in cells.iter_mut().take(to).skip(from) {
                if cell.0 == ' ' {
                    *cell = ('─', false);
                }
            }
        }
        let symbol = if *announcement { '●' } else { '◆' };
        if !cells[from].1 && cells[from].0 != '●' {
            cells[from] = (symbol, false);
        }
        if Some(*row) == selected {
            cells[from] = ('▼', true);
        }
    }
    let marks_line = Line::from(
        cells
            .into_iter()
            .map(|(symbol, selected)| {
                let style = if selected {
                    app.theme.selection
                } else if symbol == '●' {
                    app.theme.marked
                } else {
                    app.theme.muted
                };
                Span::styled(symbol.to_string(), style)
            })
            .collect::<Vec<_>>(),
    );
    let lines = vec![
        marks_line,
        Line::styled(axis.into_iter().collect::<String>(), app.theme.muted),
        Line::raw(labels.into_iter().collect::<String>()),
    ];
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
