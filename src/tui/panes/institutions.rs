//! The Institutions pane, the partners of the selected announcement marked.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::dataset::Record;

use super::super::app::{App, Pane};
use super::super::rows::{InstitutionSort, TimelineRow};
use super::{draw_list, spread};

pub(crate) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    // The partners of the announcement selected in the Timeline are marked.
    let partners: Vec<&str> = match app.timeline.selected() {
        Some(TimelineRow::Announcement(index) | TimelineRow::Event(index, _))
            if app.focus != Pane::Institutions =>
        {
            app.dataset.announcements[index]
                .partners
                .iter()
                .map(|partner| partner.institution.as_str())
                .collect()
        }
        _ => Vec::new(),
    };
    let title = format!("Institutions {}", app.institutions.len());
    let title = match app.orders.institutions {
        InstitutionSort::Name => title,
        order => format!("{title} · {}", order.label()),
    };
    let row = |&index: &usize, inner_width: usize| {
        let institution = &app.dataset.institutions[index];
        let count = app.dataset.announcements_of(index).len();
        let text = spread(
            &institution.name,
            &format!("{} {count:>2}", institution.country),
            inner_width.saturating_sub(3),
        );
        (text, partners.contains(&institution.id.as_str()))
    };
    draw_list(
        app,
        frame,
        area,
        Pane::Institutions,
        &title,
        &app.institutions,
        "no institution matches",
        row,
        |&institution: &usize| Record::Institution(institution),
    );
}
