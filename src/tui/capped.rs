//! A backend that says the terminal is at most [`MAX_WIDTH`]×[`MAX_HEIGHT`] cells, so that
//! a frame's buffers stay bounded however large the terminal claims to be (a 9000×9000
//! terminal would need two buffers of 81 million cells each). What lies beyond is left
//! blank, and the explorer notes that it drew less than the terminal holds.

use ratatui::Frame;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::Style;
use ratatui::widgets::{Clear, Paragraph};

/// The largest area drawn: wider and taller than any screen a person reads.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;

/// The part of a terminal of this size that is drawn.
pub(crate) fn cap(width: u16, height: u16) -> (u16, u16) {
    (width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

/// Says, on the top row's right end, that the terminal is larger than what is drawn.
pub(crate) fn draw_note(frame: &mut Frame, terminal: (u16, u16), style: Style) {
    let area = frame.area();
    let note = format!(
        " terminal larger than drawn: {}×{} of {}×{} ",
        area.width, area.height, terminal.0, terminal.1
    );
    let width = (note.chars().count() as u16).min(area.width);
    let at = Rect::new(area.right() - width, area.y, width, 1.min(area.height));
    frame.render_widget(Clear, at);
    frame.render_widget(Paragraph::new(note).style(style), at);
}

pub(crate) struct Capped<B> {
    inner: B,
}

impl<B> Capped<B> {
    pub(crate) fn new(inner: B) -> Capped<B> {
        Capped { inner }
    }
}

impl<B: Backend> Backend for Capped<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    /// Not asked of the terminal: the explorer always hides the cursor, and a terminal that
    /// never answers the question would cost a two-second wait (ratatui asks on `clear`).
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        let size = self.inner.size()?;
        let (width, height) = cap(size.width, size.height);
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut size = self.inner.window_size()?;
        let (width, height) = cap(size.columns_rows.width, size.columns_rows.height);
        size.columns_rows = Size { width, height };
        Ok(size)
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;

    #[test]
    fn a_huge_terminal_is_drawn_at_the_cap_and_a_small_one_whole() {
        assert_eq!(cap(9000, 9000), (MAX_WIDTH, MAX_HEIGHT));
        assert_eq!(cap(1200, 80), (MAX_WIDTH, 80));
        let small = Capped::new(TestBackend::new(120, 40));
        assert_eq!(
            small.size().expect("a size"),
            Size {
                width: 120,
                height: 40
            }
        );
    }

    #[test]
    fn the_two_buffers_of_a_capped_frame_stay_under_64_mib() {
        let cells = usize::from(MAX_WIDTH) * usize::from(MAX_HEIGHT);
        let bytes = 2 * cells * std::mem::size_of::<Cell>();
        assert!(bytes < 64 << 20, "{bytes} bytes");
    }

    #[test]
    fn the_note_says_how_much_was_drawn() {
        let mut terminal =
            ratatui::Terminal::new(TestBackend::new(80, 3)).expect("a test terminal");
        terminal
            .draw(|frame| draw_note(frame, (9000, 9000), Style::new()))
            .expect("drawn");
        let top: String = (0..80)
            .map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_owned())
            .collect();
        assert!(
            top.ends_with("terminal larger than drawn: 80×3 of 9000×9000 "),
            "{top:?}"
        );
    }
}
