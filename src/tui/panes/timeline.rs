//! The Timeline pane: announcements and their events, in the order chosen.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::super::app::{App, Pane};
use super::super::details::event_label;
use super::super::rows::{TimelineRow, TimelineSort};
use super::{draw_list, spread};

pub(crate) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let announcements = app.timeline_announcements();
    let title = match app.narrowed {
        Some(institution) => format!(
            "Timeline {announcements} of {}",
            crate::sanitize::sanitize(&app.dataset.institutions[institution].name)
        ),
        None => format!("Timeline {announcements}"),
    };
    // The default order (oldest first) goes without saying; another is named.
    let title = match app.orders.timeline {
        TimelineSort::OldestFirst => title,
        order => format!("{title} · {}", order.label()),
    };
    let row = |row: &TimelineRow, inner_width: usize| {
        let text = match *row {
            TimelineRow::Announcement(index) => {
                let announcement = &app.dataset.announcements[index];
                let partners = if inner_width >= 56 {
                    format!("{} partners", announcement.partners.len())
                } else {
                    format!("({})", announcement.partners.len())
                };
                spread(
                    &format!("{} {}", announcement.date, announcement.short_title),
                    &partners,
                    inner_width.saturating_sub(3),
                )
            }
            TimelineRow::Event(announcement, event) => {
                format!("  └ {}", event_label(&app.dataset, announcement, event))
            }
        };
        (text, false)
    };
    draw_list(
        app,
        frame,
        area,
        Pane::Timeline,
        &title,
        &app.timeline,
        "no announcement matches",
        row,
        |row: &TimelineRow| row.record(),
    );
}
