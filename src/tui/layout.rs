//! Where each pane stands: computed from the terminal size alone, so the state (paging,
//! mouse hits) and the drawing use the same rectangles.

use ratatui::layout::{Constraint, Direction, Layout as RatatuiLayout, Rect};

/// Below this size the panes cannot show anything useful.
pub(crate) const MIN_WIDTH: u16 = 50;
pub(crate) const MIN_HEIGHT: u16 = 12;
/// The timeline chart's height: its marks, axis and year labels, and borders.
pub(crate) const CHART_HEIGHT: u16 = 5;
/// From this width the three panes stand side by side.
pub(crate) const WIDE: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The timeline chart above the Timeline, when there is room for both.
    pub chart: Option<Rect>,
    pub timeline: Rect,
    pub institutions: Rect,
    pub details: Rect,
    pub(crate) status: Rect,
    pub overlay: Rect,
    pub(crate) too_small: bool,
}

pub fn layout(width: u16, height: u16) -> Layout {
    let area = Rect::new(0, 0, width, height);
    let too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
    let [main, status] = RatatuiLayout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Min(1), Constraint::Length(1)])
        .areas(area);
    // Wide: the two lists stacked in a left column over half the width, so a Timeline
    // title keeps 30 characters or more and the lists use the height they would leave
    // empty side by side; Details on the right. Narrower: the lists side by side over
    // Details, the Timeline taking two thirds for the same reason.
    let (chart, timeline, institutions, details) = if width >= WIDE {
        let [lists, details] = RatatuiLayout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Percentage(52), Constraint::Percentage(48)])
            .areas(main);
        let (chart, lists) = if lists.height >= CHART_HEIGHT + 20 {
            let [chart, lists] = RatatuiLayout::default()
                .direction(Direction::Vertical)
                .constraints([Constraint::Length(CHART_HEIGHT), Constraint::Min(1)])
                .areas(lists);
            (Some(chart), lists)
        } else {
            (None, lists)
        };
        let [timeline, institutions] = RatatuiLayout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Percentage(50), Constraint::Percentage(50)])
            .areas(lists);
        (chart, timeline, institutions, details)
    } else {
        let [top, details] = RatatuiLayout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Percentage(45), Constraint::Percentage(55)])
            .areas(main);
        let [timeline, institutions] = RatatuiLayout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Percentage(66), Constraint::Percentage(34)])
            .areas(top);
        let (chart, timeline) = if timeline.height >= CHART_HEIGHT + 10 {
            let [chart, timeline] = RatatuiLayout::default()
                .direction(Direction::Vertical)
                .constraints([Constraint::Length(CHART_HEIGHT), Constraint::Min(1)])
                .areas(timeline);
            (Some(chart), timeline)
        } else {
            (None, timeline)
        };
        (chart, timeline, institutions, details)
    };
    let overlay = centered(main, 90, 85);
    Layout {
        chart,
        timeline,
        institutions,
        details,
        status,
        overlay,
        too_small,
    }
}

fn centered(area: Rect, width_percent: u16, height_percent: u16) -> Rect {
    // In u32: 90% of a width over 728 columns overflows u16.
    let width = (u32::from(area.width) * u32::from(width_percent) / 100) as u16;
    let height = (u32::from(area.height) * u32::from(height_percent) / 100) as u16;
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// Lines each contact takes in the Contacts overlay, at least: who, phones, emails,
/// releases.
pub(crate) const CONTACT_LINES: usize = 4;

/// Lines each person takes in the People overlay: name, roles over time, releases.
pub(crate) const PERSON_LINES: usize = 3;
