//! The timeline chart above the Timeline: one horizontal axis across the dataset's years,
//! each announcement (`●`) and event (`◆`, or a bar for a span of years) the Timeline lists
//! marked at its date (so the chart follows the filter and the narrowing), the row selected
//! in the Timeline standing out, and a one-line legend on the bottom border.

use std::sync::{Arc, Mutex, PoisonError};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::dataset::{Dataset, PartialDate};
use crate::search::query::Query;

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

/// One dated row on the chart.
#[derive(Debug, Clone, Copy)]
struct Mark {
    row: TimelineRow,
    start: f64,
    end: f64,
    announcement: bool,
}

/// A marks line: each cell's symbol, and whether it is the selection.
type MarksLine = Arc<Vec<(char, bool)>>;

/// What a marks line was laid out for: the width, and the filter and narrowing that
/// decide which rows the Timeline lists (None: every row).
type MarksKey = (usize, Option<(Query, Option<usize>)>);

/// Every dated row of a dataset and the years they span, computed once per dataset since
/// parsing every date each frame is too slow for a large one (BENCHMARKS.md), and the
/// marks line last drawn, since it changes only with the chart's width.
#[derive(Debug, Default)]
pub struct ChartMarks {
    marks: Vec<Mark>,
    /// Where each announcement's marks (its own, then its events') start in `marks`,
    /// and one more for the end, so the selected row's mark is found without a scan.
    mark_starts: Vec<usize>,
    /// The first year shown and the year after the last, whole years.
    first: f64,
    last: f64,
    /// The marks line without the selection, for the width it was laid out at. A mutex
    /// rather than a `RefCell` keeps `App` shareable between threads.
    cells: Mutex<Option<(MarksKey, MarksLine)>>,
}

impl ChartMarks {
    pub fn of(dataset: &Dataset) -> ChartMarks {
        let mut marks = Vec::new();
        let mut mark_starts = Vec::with_capacity(dataset.announcements.len() + 1);
        for (index, announcement) in dataset.announcements.iter().enumerate() {
            mark_starts.push(marks.len());
            if let Ok(date) = PartialDate::parse(&announcement.date) {
                let (start, end) = position(date);
                marks.push(Mark {
                    row: TimelineRow::Announcement(index),
                    start,
                    end,
                    announcement: true,
                });
            }
            for (event, item) in announcement.events.iter().enumerate() {
                if let Ok(date) = PartialDate::parse(&item.date) {
                    let (start, end) = position(date);
                    marks.push(Mark {
                        row: TimelineRow::Event(index, event),
                        start,
                        end,
                        announcement: false,
                    });
                }
            }
        }
        mark_starts.push(marks.len());
        let first = marks
            .iter()
            .map(|mark| mark.start)
            .fold(f64::INFINITY, f64::min)
            .floor();
        let last = marks
            .iter()
            .map(|mark| mark.end)
            .fold(f64::NEG_INFINITY, f64::max)
            .ceil()
            .max(first + 1.0);
        ChartMarks {
            marks,
            mark_starts,
            first,
            last,
            cells: Mutex::new(None),
        }
    }

    /// A row's mark, among its announcement's few; None when its date does not parse.
    fn mark_of(&self, row: TimelineRow) -> Option<&Mark> {
        let announcement = match row {
            TimelineRow::Announcement(index) | TimelineRow::Event(index, _) => index,
        };
        let (&start, &end) = (
            self.mark_starts.get(announcement)?,
            self.mark_starts.get(announcement + 1)?,
        );
        self.marks[start..end].iter().find(|mark| mark.row == row)
    }

    /// The marks line at `inner` cells wide, without the selection: every mark, or with
    /// `listed`, those of the rows the Timeline lists.
    fn cells(
        &self,
        inner: usize,
        listed: Option<(&[TimelineRow], Query, Option<usize>)>,
        column: impl Fn(f64) -> usize,
    ) -> MarksLine {
        let key: MarksKey = (
            inner,
            listed
                .as_ref()
                .map(|(_, query, narrowed)| (query.clone(), *narrowed)),
        );
        let mut cached = self.cells.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((laid_out, cells)) = cached.as_ref()
            && *laid_out == key
        {
            return Arc::clone(cells);
        }
        let marks: Vec<&Mark> = match &listed {
            None => self.marks.iter().collect(),
            Some((rows, _, _)) => rows.iter().filter_map(|&row| self.mark_of(row)).collect(),
        };
        let mut cells: Vec<(char, bool)> = vec![(' ', false); inner];
        for mark in marks {
            let (from, to) = (column(mark.start), column(mark.end));
            if !mark.announcement && to > from + 1 {
                for cell in cells.iter_mut().take(to).skip(from) {
                    if cell.0 == ' ' {
                        *cell = ('─', false);
                    }
                }
            }
            let symbol = if mark.announcement { '●' } else { '◆' };
            if cells[from].0 != '●' {
                cells[from] = (symbol, false);
            }
        }
        let cells = Arc::new(cells);
        *cached = Some((key, Arc::clone(&cells)));
        cells
    }
}

/// The chart's legend, on its bottom border.
pub const LEGEND: &str = "● release ◆ event ─ span ▼ selected";

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let chart = &app.chart;
    let inner = area.width.saturating_sub(2) as usize;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border)
        .title("Timeline chart")
        .title_bottom(Line::styled(LEGEND, app.theme.muted));
    if chart.marks.is_empty() || inner < 10 {
        frame.render_widget(block, area);
        return;
    }
    let (first, last) = (chart.first, chart.last);
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
    let listed = (!app.query.is_empty() || app.narrowed.is_some())
        .then(|| (app.timeline.rows(), app.query.clone(), app.narrowed));
    let mut cells = chart.cells(inner, listed, column).as_ref().clone();
    if let Some(mark) = app.timeline.selected().and_then(|row| chart.mark_of(row)) {
        cells[column(mark.start)] = ('▼', true);
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
