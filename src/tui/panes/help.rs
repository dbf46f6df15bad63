//! The help overlay.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::super::app::App;
use super::super::keymap::Action;
use super::block;

pub(crate) fn draw(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let lines = super::super::help::lines(&app.keymap, &app.theme, &app.filter);
    let lines: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(block(
            app,
            &format!(
                "Help ({} filters, {} or {} closes)",
                app.keymap.label_of(Action::StartFilter),
                app.keymap.label_of(Action::Escape),
                app.keymap.label_of(Action::Quit)
            ),
            true,
        )),
        area,
    );
}
