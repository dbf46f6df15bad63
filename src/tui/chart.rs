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
    /// The marks line as the state keeps it (see [`ChartMarks`]).
    pub(crate) marks: &'a ChartMarks,
    /// The rows the Timeline lists.
    pub(crate) timeline: &'a [TimelineRow],
    /// Whether the filter or the narrowing leaves rows out: then only `timeline`'s rows
    /// are marked, and otherwise every dated row of the dataset.
    pub(crate) filtered: bool,
    /// The row selected in the Timeline.
    pub(crate) selected: Option<TimelineRow>,
    pub(crate) theme: &'a Theme,
}

/// The marks line without the selection, kept with the explorer's state and laid out
/// again only when the rows it marks or the chart's width change: laying it out reads the
/// date of every row marked, every dated row of the dataset when nothing is filtered,
/// which is too slow to repeat in each frame of a large dataset (BENCHMARKS.md).
#[derive(Debug, Default)]
pub(crate) struct ChartMarks {
    /// The chart's inner width the line was laid out for; 0 before the first.
    inner: usize,
    /// The rows marked, when a filter or the narrowing chose them; None for every row.
    rows: Option<Vec<TimelineRow>>,
    cells: Vec<(char, bool)>,
}

impl ChartMarks {
    /// Lays the line out again if the rows to mark or the width differ from the last time.
    /// The dataset's own rows are taken as unchanged: a new dataset starts a new
    /// `ChartMarks`.
    pub(crate) fn update(
        &mut self,
        dataset: &Dataset,
        axis: ChartAxis,
        timeline: &[TimelineRow],
        filtered: bool,
        inner: usize,
    ) {
        let same_rows = match (&self.rows, filtered) {
            (None, false) => true,
            (Some(rows), true) => rows.as_slice() == timeline,
            _ => false,
        };
        if self.inner == inner && same_rows && !self.cells.is_empty() {
            return;
        }
        self.cells = axis
            .column(inner)
            .map(|column| marks_line(dataset, timeline, filtered, inner, column))
            .unwrap_or_default();
        self.rows = filtered.then(|| timeline.to_vec());
        self.inner = inner;
    }

    /// The kept line, when it was laid out for this width.
    fn line(&self, inner: usize) -> Option<&[(char, bool)]> {
        (self.inner == inner && self.cells.len() == inner).then_some(self.cells.as_slice())
    }
}

impl ChartAxis {
    /// Where a position on the axis falls among `inner` cells; None when the dataset has
    /// no dates or the chart is too narrow to draw.
    fn column(self, inner: usize) -> Option<impl Fn(f64) -> usize> {
        let (first, last) = self.years.filter(|_| inner >= 10)?;
        Some(move |at: f64| -> usize {
            (((at - first) / (last - first)) * (inner - 1) as f64)
                .round()
                .clamp(0.0, (inner - 1) as f64) as usize
        })
    }
}

/// The marks line at `inner` cells wide, without the selection.
fn marks_line(
    dataset: &Dataset,
    timeline: &[TimelineRow],
    filtered: bool,
    inner: usize,
    column: impl Fn(f64) -> usize,
) -> Vec<(char, bool)> {
    let mut cells: Vec<(char, bool)> = vec![(' ', false); inner];
    let mut mark = |row: TimelineRow| {
        let Some((start, end)) = placed(dataset, row) else {
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
    if filtered {
        timeline.iter().copied().for_each(mark);
    } else {
        for (index, announcement) in dataset.announcements.iter().enumerate() {
            mark(TimelineRow::Announcement(index));
            (0..announcement.events.len()).for_each(|event| mark(TimelineRow::Event(index, event)));
        }
    }
    cells
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
    let (Some((first, last)), Some(column)) = (chart.axis.years, chart.axis.column(inner)) else {
        frame.render_widget(block, area);
        return;
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
    let mut cells = match chart.marks.line(inner) {
        Some(kept) => kept.to_vec(),
        // Drawn at another size than the state was told of: laid out for this frame only.
        None => marks_line(
            chart.dataset,
            chart.timeline,
            chart.filtered,
            inner,
            &column,
        ),
    };
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
