//! The world map drawn in place of Details (`w`): every institution the filter keeps at its
//! coordinates, the selected one standing out with its name, and the partners of the
//! selected announcement joined to the first of them. `z` zooms to Europe and back.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as Segment, Map, MapResolution};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::dataset::Record;
use crate::sanitize::sanitize;

use super::app::{App, MapZoom, Pane};
use super::keymap::Action;
use super::rows::TimelineRow;
use super::theme::Theme;

/// The most partners' links and the most institution marks one frame draws: a frame's
/// cost stays bounded whatever the dataset holds, and beyond this the map is a blot anyway.
/// The title says when some are left out.
pub const MAX_LINKS: usize = 500;
pub const MAX_MARKS: usize = 2_000;

/// Below this the map's shapes cannot be told apart.
pub const MIN_WIDTH: u16 = 32;
pub const MIN_HEIGHT: u16 = 10;

/// (longitude, latitude) bounds of each zoom.
fn bounds(zoom: MapZoom) -> ([f64; 2], [f64; 2]) {
    match zoom {
        MapZoom::World => ([-180.0, 180.0], [-60.0, 85.0]),
        MapZoom::Europe => ([-12.0, 32.0], [35.0, 62.0]),
    }
}

/// The institution the map singles out: the one shown in Details, else the one selected in
/// Institutions.
fn selected_institution(app: &App) -> Option<usize> {
    match app.details.record {
        Some(Record::Institution(index)) => Some(index),
        _ => app
            .institutions
            .get(app.institutions_cursor.selected)
            .copied()
            .filter(|_| app.focus == Pane::Institutions),
    }
}

/// The partners of the announcement selected in the Timeline.
fn joined_partners(app: &App) -> Vec<usize> {
    let announcement = match app.timeline.get(app.timeline_cursor.selected) {
        Some(TimelineRow::Announcement(index) | TimelineRow::Event(index, _)) => *index,
        None => return Vec::new(),
    };
    app.dataset.announcements[announcement]
        .partners
        .iter()
        .filter_map(|partner| app.dataset.institution_index(&partner.institution))
        .collect()
}

/// Colour for a role, or none at all in the monochrome theme.
fn tint(theme: &Theme, color: Color) -> Color {
    if *theme == Theme::monochrome() {
        Color::Reset
    } else {
        color
    }
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect, zoom: MapZoom, focused: bool) {
    let style = if focused {
        app.theme.border_focused
    } else {
        app.theme.border
    };
    let (zoom_key, map_key) = (
        app.keymap.label_of(Action::ToggleZoom),
        app.keymap.label_of(Action::ToggleMap),
    );
    let title = match zoom {
        MapZoom::World => format!("Map — world ({zoom_key}: Europe, {map_key}: hide)"),
        MapZoom::Europe => format!("Map — Europe ({zoom_key}: world, {map_key}: hide)"),
    };
    let located = |index: usize| {
        app.dataset.institutions[index]
            .coordinates
            .map(|point| (point.lon, point.lat))
    };
    let shown: Vec<(f64, f64)> = app
        .institutions
        .iter()
        .filter_map(|&index| located(index))
        .collect();
    let partners: Vec<(f64, f64)> = joined_partners(app)
        .into_iter()
        .filter_map(located)
        .collect();
    let left_out = (shown.len() > MAX_MARKS || partners.len() > MAX_LINKS + 1).then(|| {
        format!(
            "{} of {} places, {} of {} links drawn",
            shown.len().min(MAX_MARKS),
            shown.len(),
            partners.len().saturating_sub(1).min(MAX_LINKS),
            partners.len().saturating_sub(1)
        )
    });
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(title.as_str(), style));
    if let Some(left_out) = &left_out {
        block = block.title_bottom(Span::styled(left_out.as_str(), style));
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let message =
            format!("terminal too small for a readable map (need {MIN_WIDTH}×{MIN_HEIGHT} here)");
        frame.render_widget(
            Paragraph::new(message)
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    let (x_bounds, y_bounds) = bounds(zoom);
    let theme = app.theme;
    let selected =
        selected_institution(app).and_then(|index| located(index).map(|point| (index, point)));
    let canvas = Canvas::default()
        .block(block)
        .marker(Marker::Braille)
        .x_bounds(x_bounds)
        .y_bounds(y_bounds)
        .paint(move |context| {
            context.draw(&Map {
                resolution: MapResolution::High,
                color: tint(&theme, Color::DarkGray),
            });
            context.layer();
            // A star from the first partner (the release's lead, as curated) to each other
            // one: linear in the partners, where joining every pair was quadratic (8,000
            // partners, 32 million lines), and capped.
            if let Some((hub, others)) = partners.split_first() {
                for to in others.iter().take(MAX_LINKS) {
                    context.draw(&Segment::new(
                        hub.0,
                        hub.1,
                        to.0,
                        to.1,
                        tint(&theme, Color::Green),
                    ));
                }
            }
            context.layer();
            // Printed symbols, not canvas points, so institutions stand apart from the
            // coastlines even without colour.
            for point in shown.iter().take(MAX_MARKS) {
                context.print(point.0, point.1, Line::styled("+", theme.key));
            }
            for point in partners.iter().take(MAX_MARKS) {
                context.print(point.0, point.1, Line::styled("●", theme.marked));
            }
            if let Some((index, point)) = selected {
                let name = sanitize(&app.dataset.institutions[index].name).into_owned();
                context.print(
                    point.0,
                    point.1,
                    Line::from(vec![
                        Span::styled("◉ ", theme.selection),
                        Span::styled(name, theme.selection),
                    ]),
                );
            }
        });
    frame.render_widget(canvas, area);
}
