//! The world map drawn in place of Details (`w`): every institution the filter keeps at its
//! coordinates, the selected one standing out with its name, and the partners of the
//! selected announcement joined to the first of them and named. `z` zooms to Europe and
//! back. The map keeps the world's proportions whatever the pane's shape (letterboxed, not
//! stretched); a partner's name that would cover another becomes a number, named in a
//! legend under the map.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as Segment, Map, MapResolution};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::dataset::Record;
use crate::sanitize::sanitize;

use super::app::{App, MapZoom, Pane};
use super::keymap::Action;
use super::rows::TimelineRow;

/// The most partners' links and the most institution marks one frame draws: a frame's
/// cost stays bounded whatever the dataset holds, and beyond this the map is a blot anyway.
/// The title says when some are left out.
pub(crate) const MAX_LINKS: usize = 500;
pub(crate) const MAX_MARKS: usize = 2_000;

/// Below this the map's shapes cannot be told apart.
pub(crate) const MIN_WIDTH: u16 = 32;
pub(crate) const MIN_HEIGHT: u16 = 10;

/// (longitude, latitude) bounds of each zoom.
fn bounds(zoom: MapZoom) -> ([f64; 2], [f64; 2]) {
    match zoom {
        MapZoom::World => ([-180.0, 180.0], [-60.0, 85.0]),
        MapZoom::Europe => ([-12.0, 32.0], [35.0, 62.0]),
    }
}

/// How much narrower a degree of longitude is than one of latitude in the middle of the
/// view: 1 for the world (drawn equirectangular), less for Europe.
fn longitude_scale(zoom: MapZoom) -> f64 {
    match zoom {
        MapZoom::World => 1.0,
        MapZoom::Europe => 48.5_f64.to_radians().cos(),
    }
}

/// The largest part of `inner`, centred, in which the map keeps its proportions: a cell is
/// about twice as tall as it is wide.
pub(crate) fn letterbox(inner: Rect, zoom: MapZoom) -> Rect {
    let ([west, east], [south, north]) = bounds(zoom);
    let aspect = (east - west) * longitude_scale(zoom) / (north - south);
    let wanted_width = (f64::from(inner.height) * 2.0 * aspect).round() as u16;
    if wanted_width <= inner.width {
        let x = inner.x + (inner.width - wanted_width) / 2;
        Rect::new(x, inner.y, wanted_width.max(1), inner.height)
    } else {
        let wanted_height = ((f64::from(inner.width) / aspect / 2.0).round() as u16).max(1);
        let y = inner.y + (inner.height - wanted_height.min(inner.height)) / 2;
        Rect::new(inner.x, y, inner.width, wanted_height.min(inner.height))
    }
}

/// The cell a point is drawn in on a map laid out in `area`, as ratatui's canvas places it.
fn cell_of(area: Rect, zoom: MapZoom, (lon, lat): (f64, f64)) -> Option<(u16, u16)> {
    let ([west, east], [south, north]) = bounds(zoom);
    if !(west..=east).contains(&lon) || !(south..=north).contains(&lat) {
        return None;
    }
    let column = ((lon - west) * f64::from(area.width.saturating_sub(1)) / (east - west)) as u16;
    let row = ((north - lat) * f64::from(area.height.saturating_sub(1)) / (north - south)) as u16;
    Some((area.x + column, area.y + row))
}

/// Where the partners' names go: beside each mark when the name fits there without
/// covering another name or mark, else a number beside it and the name in the legend.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Labels {
    /// (column, row, text) of each label drawn on the map.
    pub(crate) placed: Vec<(u16, u16, String)>,
    /// The legend's entries: `1 Asan Medical Center`.
    pub(crate) legend: Vec<String>,
}

fn place_labels(
    area: Rect,
    zoom: MapZoom,
    partners: &[(String, (f64, f64))],
    taken: &[(u16, u16, u16)],
) -> Labels {
    let cells: Vec<Option<(u16, u16)>> = partners
        .iter()
        .map(|(_, point)| cell_of(area, zoom, *point))
        .collect();
    // Every mark's cell is taken, as is the selected institution's name.
    let mut occupied: Vec<(u16, u16, u16)> = cells
        .iter()
        .flatten()
        .map(|&(column, row)| (row, column, column + 1))
        .collect();
    occupied.extend_from_slice(taken);
    let free = |occupied: &[(u16, u16, u16)], row: u16, from: u16, to: u16| {
        to <= area.x + area.width
            && occupied
                .iter()
                .all(|&(taken_row, start, end)| taken_row != row || to <= start || from >= end)
    };
    let mut labels = Labels::default();
    for ((name, _), cell) in partners.iter().zip(&cells) {
        let Some((column, row)) = *cell else {
            continue;
        };
        let text = format!(" {name}");
        let width = text.chars().count() as u16;
        if free(&occupied, row, column + 1, column + 1 + width) {
            occupied.push((row, column + 1, column + 1 + width));
            labels.placed.push((column + 1, row, text));
            continue;
        }
        let number = (labels.legend.len() + 1).to_string();
        let width = number.len() as u16;
        labels.legend.push(format!("{number} {name}"));
        // The number beside the mark, or on it when even that is taken.
        let at = if free(&occupied, row, column + 1, column + 1 + width) {
            column + 1
        } else {
            column
        };
        occupied.push((row, at, at + width));
        labels.placed.push((at, row, number));
    }
    labels
}

/// The legend's entries packed into lines of `width` cells.
fn legend_lines(legend: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for entry in legend {
        let entry = crate::output::table::fit(entry, width);
        match lines.last_mut() {
            Some(line) if line.chars().count() + 3 + entry.chars().count() <= width => {
                line.push_str(" · ");
                line.push_str(&entry);
            }
            _ => lines.push(entry),
        }
    }
    lines
}

/// The institution the map singles out: the one shown in Details, else the one selected in
/// Institutions.
fn selected_institution(app: &App) -> Option<usize> {
    match app.details.record {
        Some(Record::Institution(index)) => Some(index),
        _ => app
            .institutions
            .selected()
            .filter(|_| app.focus == Pane::Institutions),
    }
}

/// The partners of the announcement selected in the Timeline.
fn joined_partners(app: &App) -> Vec<usize> {
    let announcement = match app.timeline.selected() {
        Some(TimelineRow::Announcement(index) | TimelineRow::Event(index, _)) => index,
        None => return Vec::new(),
    };
    app.dataset.announcements[announcement]
        .partners
        .iter()
        .filter_map(|partner| app.dataset.institution_index(&partner.institution))
        .collect()
}

/// The most partners of one release named on the map.
const MAX_NAMED: usize = 64;

pub(crate) fn draw(app: &App, frame: &mut Frame, area: Rect, zoom: MapZoom, focused: bool) {
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
        .rows()
        .iter()
        .filter_map(|&index| located(index))
        .collect();
    let selected =
        selected_institution(app).and_then(|index| located(index).map(|point| (index, point)));
    // Names are laid out against each other: only the first partners are named, so a
    // release of thousands costs a frame no more than one of a few dozen.
    let named: Vec<(String, (f64, f64))> = joined_partners(app)
        .into_iter()
        .take(MAX_NAMED)
        .filter(|&index| selected.map(|(chosen, _)| chosen) != Some(index))
        .filter_map(|index| {
            let name = sanitize(&app.dataset.institutions[index].name).into_owned();
            located(index).map(|point| (name, point))
        })
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
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let selected_name = selected.map(|(index, point)| {
        (
            sanitize(&app.dataset.institutions[index].name).into_owned(),
            point,
        )
    });
    // The labels, laid out once on the whole pane to learn how many legend lines the
    // collisions need, then again on what is left above the legend.
    let layout_labels = |map: Rect| {
        let taken: Vec<(u16, u16, u16)> = selected_name
            .iter()
            .filter_map(|(name, point)| {
                let (column, row) = cell_of(map, zoom, *point)?;
                Some((row, column, column + 2 + name.chars().count() as u16))
            })
            .collect();
        place_labels(map, zoom, &named, &taken)
    };
    let first = layout_labels(letterbox(inner, zoom));
    let reserved = legend_lines(&first.legend, inner.width as usize)
        .len()
        .min(inner.height.saturating_sub(MIN_HEIGHT - 2) as usize) as u16;
    let above = Rect::new(inner.x, inner.y, inner.width, inner.height - reserved);
    let mut map = letterbox(above, zoom);
    // The map and its legend, together, centred in the pane.
    map.y = inner.y + (inner.height - map.height - reserved) / 2;
    let labels = layout_labels(map);
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds(x_bounds)
        .y_bounds(y_bounds)
        .paint(move |context| {
            context.draw(&Map {
                resolution: MapResolution::High,
                color: theme.coastline,
            });
            context.layer();
            // A star from the first partner (the release's lead, as curated) to each other
            // one: linear in the partners, where joining every pair would be quadratic, and
            // capped.
            if let Some((hub, others)) = partners.split_first() {
                for to in others.iter().take(MAX_LINKS) {
                    context.draw(&Segment::new(hub.0, hub.1, to.0, to.1, theme.partner_line));
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
            if let Some((name, point)) = &selected_name {
                context.print(
                    point.0,
                    point.1,
                    Line::from(vec![
                        Span::styled("◉ ", theme.selection),
                        Span::styled(name.clone(), theme.selection),
                    ]),
                );
            }
        });
    frame.render_widget(canvas, map);
    for (column, row, text) in labels.placed {
        let width = (text.chars().count() as u16).min((map.x + map.width).saturating_sub(column));
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.marked)),
            Rect::new(column, row, width, 1),
        );
    }
    let legend = legend_lines(&labels.legend, inner.width as usize);
    for (offset, line) in legend.into_iter().take(reserved as usize).enumerate() {
        frame.render_widget(
            Paragraph::new(Span::styled(line, theme.marked)),
            Rect::new(inner.x, map.bottom() + offset as u16, inner.width, 1),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_keeps_its_proportions_in_a_wide_or_a_tall_pane() {
        for inner in [Rect::new(0, 0, 200, 20), Rect::new(0, 0, 40, 40)] {
            for zoom in [MapZoom::World, MapZoom::Europe] {
                let map = letterbox(inner, zoom);
                let ([west, east], [south, north]) = bounds(zoom);
                let wanted = (east - west) * longitude_scale(zoom) / (north - south);
                let drawn = f64::from(map.width) / (f64::from(map.height) * 2.0);
                assert!(
                    (drawn - wanted).abs() / wanted < 0.1,
                    "{inner:?} {zoom:?}: {drawn} for {wanted}"
                );
                assert!(map.x >= inner.x && map.right() <= inner.right());
                assert!(map.y >= inner.y && map.bottom() <= inner.bottom());
                // Centred: the margins on either side differ by a cell at most.
                let (left, right) = (map.x - inner.x, inner.right() - map.right());
                let (top, bottom) = (map.y - inner.y, inner.bottom() - map.bottom());
                assert!(left.abs_diff(right) <= 1 && top.abs_diff(bottom) <= 1);
            }
        }
    }

    #[test]
    fn names_that_would_collide_become_numbers_with_a_legend() {
        let area = Rect::new(0, 0, 60, 20);
        let partners = vec![
            ("Far West".to_owned(), (-150.0, 0.0)),
            ("Paris".to_owned(), (2.3, 48.8)),
            ("Villejuif".to_owned(), (2.4, 48.8)),
        ];
        let labels = place_labels(area, MapZoom::World, &partners, &[]);
        assert!(labels.placed.iter().any(|(_, _, text)| text == " Far West"));
        assert!(labels.placed.iter().any(|(_, _, text)| text == " Paris"));
        assert_eq!(labels.legend, ["1 Villejuif"]);
        assert!(labels.placed.iter().any(|(_, _, text)| text == "1"));
    }
}
