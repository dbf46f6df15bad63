//! Drawing: a pure function of the app's state. Each pane draws itself (see `panes`);
//! this lays them out and stacks the overlays.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::app::{App, Overlay, Pane};
use super::keymap::Action;
use super::layout::{MIN_HEIGHT, MIN_WIDTH, layout};
use super::panes::{self, block};

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let layout = layout(area.width, area.height);
    if layout.too_small {
        let message = format!("terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT})");
        frame.render_widget(
            Paragraph::new(message).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    if let Some(chart) = layout.chart {
        super::chart::draw(&app.chart_view(), frame, chart);
    }
    panes::timeline::draw(app, frame, layout.timeline);
    panes::institutions::draw(app, frame, layout.institutions);
    match app.map {
        Some(zoom) => {
            super::map::draw(app, frame, layout.details, zoom, app.focus == Pane::Details)
        }
        None => panes::details::draw(app, frame, layout.details),
    }
    panes::status::draw(app, frame, layout.status);
    super::errors_panel::draw(app, frame);
    for overlay in &app.overlays {
        match overlay {
            Overlay::Help { scroll, .. } => panes::help::draw(app, frame, layout.overlay, *scroll),
            Overlay::Cards(cards) => panes::cards::draw(app, frame, layout.overlay, *cards),
            Overlay::Source(source) => {
                super::source_view::draw(&app.dataset, &app.theme, source, frame, layout.overlay)
            }
            Overlay::Copy { items } => {
                let lines: Vec<Line> = items
                    .iter()
                    .map(|item| {
                        Line::from(vec![
                            Span::styled(format!(" {} ", item.key), app.theme.key),
                            Span::raw(crate::sanitize::sanitize(&item.label).into_owned()),
                        ])
                    })
                    .collect();
                let width = (lines.iter().map(Line::width).max().unwrap_or(10) as u16 + 4)
                    .min(layout.overlay.width);
                let height = (lines.len() as u16 + 2).min(layout.overlay.height);
                let box_area = Rect::new(
                    layout.overlay.x + (layout.overlay.width - width) / 2,
                    layout.overlay.y + (layout.overlay.height - height) / 2,
                    width,
                    height,
                );
                frame.render_widget(Clear, box_area);
                frame.render_widget(
                    Paragraph::new(lines).block(block(
                        app,
                        &format!(
                            "Copy (key, {} to close)",
                            app.keymap.label_of(Action::Escape)
                        ),
                        true,
                    )),
                    box_area,
                );
            }
        }
    }
}
