//! The Details pane: the record's content, link labels while hinting, and the trail of
//! followed links on the bottom border.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::dataset::Record;

use super::super::app::{App, Pane};
use super::super::details::{self, event_label};
use super::block;

pub(crate) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let content = app.details_content(area.width.saturating_sub(2));
    let height = area.height.saturating_sub(2) as usize;
    let lines: Vec<Line> = content
        .lines
        .into_iter()
        .skip(app.details.scroll)
        .take(height)
        .collect();
    let title = if content.links.is_empty() {
        "Details".to_owned()
    } else {
        format!("Details ({} links)", content.links.len())
    };
    let mut frame_block = block(app, &title, app.focus == Pane::Details);
    // The trail of followed links runs along the bottom border, which has the room.
    if let Some(trail) = trail(app, (area.width as usize).saturating_sub(4)) {
        frame_block = frame_block.title_bottom(Line::from(format!(" {trail} ")));
    }
    frame.render_widget(Paragraph::new(lines).block(frame_block), area);
    if let Some(typed) = app.hinting() {
        // Labels are drawn over the start of their link, at draw time, so the content of
        // Details stays what it is.
        for hint in app.hint_targets() {
            let Some(rest) = hint.label.strip_prefix(typed) else {
                continue;
            };
            let row = area.y + 1 + hint.row as u16;
            if row + 1 >= area.y + area.height || rest.is_empty() {
                continue;
            }
            let label = Rect::new(area.x + 1, row, rest.width() as u16, 1);
            frame.render_widget(
                Paragraph::new(Span::styled(rest.to_owned(), app.theme.hint)),
                label,
            );
        }
    }
}

/// How the trail names a record: short, as breadcrumbs are.
fn crumb(dataset: &crate::dataset::Dataset, record: Record) -> String {
    let text = match record {
        Record::Institution(index) => dataset.institutions[index].name.to_string(),
        Record::Announcement(index) => {
            let announcement = &dataset.announcements[index];
            format!(
                "{} {}",
                announcement.short_title,
                announcement.date.year_text()
            )
        }
        Record::Event(announcement, index) => event_label(dataset, announcement, index),
        Record::Person(index) => dataset.people[index].name.to_string(),
        Record::Contact(index) => dataset.contacts[index].name.to_string(),
    };
    crate::sanitize::sanitize(&text).into_owned()
}

/// The records followed to the one shown, as k9s shows breadcrumbs: `Gustave Roussy ›
/// Dana-Farber… › Asan Medical Center`, within `room` cells. Names but the last are cut
/// to their first words when the whole does not fit, then the oldest are left out.
pub(crate) fn trail(app: &App, room: usize) -> Option<String> {
    const SEPARATOR: &str = " › ";
    let trail = app.trail();
    if trail.len() < 2 || room < 8 {
        return None;
    }
    let mut names: Vec<String> = trail
        .iter()
        .filter_map(|place| place.details.record)
        .map(|record| crumb(&app.dataset, record))
        .collect();
    let width = |names: &[String]| -> usize {
        names.iter().map(|name| name.width()).sum::<usize>()
            + SEPARATOR.width() * names.len().saturating_sub(1)
    };
    // Shorter and shorter names, the last one's twice as long as the others', until the
    // trail fits.
    let full = names.clone();
    for limit in [16, 12, 8] {
        if width(&names) <= room {
            break;
        }
        let last = names.len() - 1;
        for (position, (name, whole)) in names.iter_mut().zip(&full).enumerate() {
            let limit = if position == last { limit * 2 } else { limit };
            *name = first_words(whole, limit);
        }
    }
    let mut dropped = false;
    let prefix = format!("…{SEPARATOR}").width();
    while names.len() > 1 && width(&names) + if dropped { prefix } else { 0 } > room {
        names.remove(0);
        dropped = true;
    }
    let mut text = names.join(SEPARATOR);
    if dropped {
        text = format!("…{SEPARATOR}{text}");
    }
    Some(details::fit(&text, room))
}

/// A name's first words, up to `limit` cells, with `…` when something was left out.
fn first_words(name: &str, limit: usize) -> String {
    if name.width() <= limit {
        return name.to_owned();
    }
    let mut kept = String::new();
    for word in name.split(' ') {
        let next = if kept.is_empty() {
            word.to_owned()
        } else {
            format!("{kept} {word}")
        };
        if next.width() > limit && !kept.is_empty() {
            break;
        }
        kept = next;
    }
    if kept.width() >= limit {
        details::fit(&kept, limit)
    } else {
        format!("{kept}…")
    }
}
