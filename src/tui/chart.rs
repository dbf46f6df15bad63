//! The timeline chart above the Timeline: one horizontal axis across the dataset's years,
//! each announcement (`●`) and event (`◆`, or a bar for a span of years) the Timeline lists
//! marked at its date (so the chart follows the filter and the narrowing), the row selected
//! in the Timeline standing out, and a one-line legend on the bottom border.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::dataset::{Dataset, PartialDate};

use super::rows::TimelineRow;
use super::theme::Theme;

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

/// Where a row stands on the axis, from the date the dataset parsed; None for a row
/// without a date.
fn placed(dataset: &Dataset, row: TimelineRow) -> Option<(f64, f64)> {
    let date = match row {
        TimelineRow::Announcement(index) => &dataset.announcements.get(index)?.date,
        TimelineRow::Event(index, event) => {
            &dataset.announcements.get(index)?.events.get(event)?.date
        }
    };
    date.parsed().map(position)
}

/// The years the chart's axis spans, whole years: the dataset's, so that the axis stays
/// put while the filter changes which rows are marked, and found once per dataset, since
/// that reads every date.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ChartAxis {
    /// The first year shown and the year after the last; None for a dataset without dates.
    years: Option<(f64, f64)>,
}

impl ChartAxis {
    pub(crate) fn of(dataset: &Dataset) -> ChartAxis {
        let dates = dataset.announcements.iter().flat_map(|announcement| {
            std::iter::once(&announcement.date)
                .chain(announcement.events.iter().map(|event| &event.date))
        });
        let mut years: Option<(f64, f64)> = None;
        for (start, end) in dates.filter_map(|date| date.parsed().map(position)) {
            let (first, last) = years.get_or_insert((start, end));
            *first = first.min(start);
            *last = last.max(end);
        }
        ChartAxis {
            years: years.map(|(first, last)| {
                let first = first.floor();
                (first, last.ceil().max(first + 1.0))
            }),
        }
    }
}

/// What the chart shows in one frame.
pub(crate) struct Chart<'a> {
    pub(crate) dataset: &'a Dataset,
    pub(crate) axis: ChartAxis,
    /// The rows the Timeline lists.
    pub(crate) timeline: &'a [TimelineRow],
    /// Whether the filter or the narrowing leaves rows out: then only `timeline`'s rows
    /// are marked, and otherwise every dated row of the dataset.
    pub(crate) filtered: bool,
    /// The row selected in the Timeline.
    pub(crate) selected: Option<TimelineRow>,
    pub(crate) theme: &'a Theme,
}

impl Chart<'_> {
    /// The marks line at `inner` cells wide, without the selection.
    fn cells(&self, inner: usize, column: impl Fn(f64) -> usize) -> Vec<(char, bool)> {
        let mut cells: Vec<(char, bool)> = vec![(' ', false); inner];
        let mut mark = |row: TimelineRow| {
            let Some((start, end)) = placed(self.dataset, row) else {
                return;
            };
            let announcement = matches!(row, TimelineRow::Announcement(_));
            let (from, to) = (column(start), column(end));
            if !announcement && to > from + 1 {
                for cell in cells.iter_mut().take(to).skip(from) {
                    if cell.0 == ' ' {
                        *cell = ('─', false);
                    }
                }
            }
            let symbol = if announcement { '●' } else { '◆' };
            if cells[from].0 != '●' {
                cells[from] = (symbol, false);
            }
        };
        if self.filtered {
            self.timeline.iter().copied().for_each(mark);
        } else {
            for (index, announcement) in self.dataset.announcements.iter().enumerate() {
                mark(TimelineRow::Announcement(index));
                (0..announcement.events.len())
                    .for_each(|event| mark(TimelineRow::Event(index, event)));
            }
        }
        cells
    }
}

/// The chart's legend, on its bottom border.
pub(crate) const LEGEND: &str = "● release ◆ event ─ span ▼ selected";

pub(crate) fn draw(chart: &Chart<'_>, frame: &mut Frame, area: Rect) {
    let inner = area.width.saturating_sub(2) as usize;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(chart.theme.border)
        .title("Timeline chart")
        .title_bottom(Line::styled(LEGEND, chart.theme.muted));
    let Some((first, last)) = chart.axis.years.filter(|_| inner >= 10) else {
        frame.render_widget(block, area);
        return;
    };
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
    // The marks, then the selected one over them, last, so that nothing can cover it.
    let mut cells = chart.cells(inner, column);
    if let Some((start, _)) = chart.selected.and_then(|row| placed(chart.dataset, row)) {
        cells[column(start)] = ('▼', true);
    }
    let marks_line = Line::from(
        cells
            .into_iter()
            .map(|(symbol, selected)| {
                let style = if selected {
                    chart.theme.selection
                } else if symbol == '●' {
                    chart.theme.marked
                } else {
                    chart.theme.muted
                };
                Span::styled(symbol.to_string(), style)
            })
            .collect::<Vec<_>>(),
    );
    let lines = vec![
        marks_line,
        Line::styled(axis.into_iter().collect::<String>(), chart.theme.muted),
        Line::raw(labels.into_iter().collect::<String>()),
    ];
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
