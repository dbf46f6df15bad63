//! The release text of an announcement, in an overlay over the panes: scrolled to a fact's
//! passage and highlighting it, with the other passages of the same record marked, and
//! `n`/`N` moving between them. The state ([`SourceView`]) lives in the app's overlays and
//! changes only through `App::handle`; this module wraps the text to a width, finds the
//! line a passage starts on, and draws.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthChar;

use crate::sanitize::sanitize;

use crate::dataset::Dataset;

use super::theme::Theme;

/// What the source view shows: a release, the passages it highlights (byte ranges in text
/// order), the one `n`/`N` is on, and how far it is scrolled, in wrapped lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceView {
    pub(crate) announcement: usize,
    pub(crate) passages: Vec<(usize, usize)>,
    pub(crate) current: Option<usize>,
    pub(crate) scroll: usize,
}

/// Said in place of a release when the dataset has no `sources/` folder.
pub const NO_SOURCE_TEXT: &str = "no source text in this dataset";

/// The byte ranges of `text` shown on each line at `width` cells: paragraphs split at line
/// breaks, then wrapped after a space where one fits, else cut.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<(usize, usize)> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut offset = 0;
    for paragraph in text.split('\n') {
        let mut start = 0;
        let mut column = 0;
        let mut after_space: Option<usize> = None;
        for (index, character) in paragraph.char_indices() {
            let cells = character.width().unwrap_or(0);
            if column + cells > width && column > 0 {
                let cut = after_space.filter(|cut| *cut > start).unwrap_or(index);
                lines.push((offset + start, offset + cut));
                start = cut;
                column = paragraph[start..index]
                    .chars()
                    .map(|character| character.width().unwrap_or(0))
                    .sum();
                after_space = None;
            }
            if character == ' ' {
                after_space = Some(index + 1);
            }
            column += cells;
        }
        lines.push((offset + start, offset + paragraph.len()));
        offset += paragraph.len() + 1;
    }
    lines
}

/// The wrapped line on which byte `offset` stands.
pub(crate) fn line_of(lines: &[(usize, usize)], offset: usize) -> usize {
    lines
        .iter()
        .position(|&(start, end)| offset >= start && offset < end.max(start + 1))
        .unwrap_or(0)
}

/// The area the view takes and the width of its text.
fn text_width(area: Rect) -> usize {
    area.width.saturating_sub(2).max(1) as usize
}

impl SourceView {
    /// Scrolls so the current passage starts a third of the way down, or stays in view.
    pub(crate) fn scroll_to_current(&mut self, text: &str, area: Rect) {
        let Some(current) = self.current else {
            return;
        };
        let Some(&(start, _)) = self.passages.get(current) else {
            return;
        };
        let lines = wrap(text, text_width(area));
        let height = area.height.saturating_sub(2).max(1) as usize;
        let line = line_of(&lines, start);
        self.scroll = line
            .saturating_sub(height / 3)
            .min(lines.len().saturating_sub(height));
    }

    /// Moves the scroll by `delta` lines, within the text.
    pub(crate) fn scroll_by(&mut self, delta: isize, text: &str, area: Rect) {
        let lines = wrap(text, text_width(area)).len();
        let height = area.height.saturating_sub(2).max(1) as usize;
        let last = lines.saturating_sub(height);
        self.scroll = (self.scroll as isize + delta).clamp(0, last as isize) as usize;
    }

    /// `n` (`step` 1) or `N` (-1): the next or previous passage, round the end.
    pub(crate) fn step(&mut self, step: isize) {
        if self.passages.is_empty() {
            return;
        }
        let count = self.passages.len() as isize;
        self.current = Some(match self.current {
            Some(current) => (current as isize + step).rem_euclid(count) as usize,
            None if step > 0 => 0,
            None => self.passages.len() - 1,
        });
    }
}

/// Draws the view over `area`.
pub(crate) fn draw(
    dataset: &Dataset,
    theme: &Theme,
    view: &SourceView,
    frame: &mut Frame,
    area: Rect,
) {
    frame.render_widget(Clear, area);
    let Some(announcement) = dataset.announcements.get(view.announcement) else {
        return;
    };
    let position = match view.current {
        Some(current) => format!("passage {} of {}", current + 1, view.passages.len()),
        None => format!("{} passages", view.passages.len()),
    };
    // The keys are in the status line's hints; the title names the release.
    let title = format!(
        "{} · {} — {position}",
        announcement.date,
        sanitize(&announcement.source),
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(title, theme.border_focused));
    let Some(text) = dataset.provenance().text(view.announcement) else {
        frame.render_widget(
            Paragraph::new(Line::styled(NO_SOURCE_TEXT, theme.muted)).block(block),
            area,
        );
        return;
    };
    let height = area.height.saturating_sub(2) as usize;
    let lines = wrap(text, text_width(area));
    let current = view.current.and_then(|current| view.passages.get(current));
    let shown: Vec<Line> = lines
        .iter()
        .skip(view.scroll)
        .take(height)
        .map(|&(start, end)| line(theme, text, view, current, start, end))
        .collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

/// One wrapped line, cut where passages start and end: the current one drawn as the
/// selection, the others as matches.
fn line(
    theme: &Theme,
    text: &str,
    view: &SourceView,
    current: Option<&(usize, usize)>,
    start: usize,
    end: usize,
) -> Line<'static> {
    let mut cuts = vec![start, end];
    for &(from, to) in &view.passages {
        for cut in [from, to] {
            if cut > start && cut < end && text.is_char_boundary(cut) {
                cuts.push(cut);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans: Vec<Span<'static>> = cuts
        .windows(2)
        .filter_map(|pair| {
            let piece = text.get(pair[0]..pair[1])?;
            let inside = |range: &(usize, usize)| pair[0] >= range.0 && pair[1] <= range.1;
            let style = if current.is_some_and(inside) {
                theme.selection
            } else if view.passages.iter().any(inside) {
                theme.matched
            } else {
                theme.base
            };
            Some(Span::styled(sanitize(piece).into_owned(), style))
        })
        .collect();
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_after_spaces_and_cuts_words_longer_than_a_line() {
        let text = "one two three\n\nabcdefghij";
        let lines: Vec<&str> = wrap(text, 8)
            .into_iter()
            .map(|(start, end)| &text[start..end])
            .collect();
        assert_eq!(lines, ["one two ", "three", "", "abcdefgh", "ij"]);
        assert_eq!(line_of(&wrap(text, 8), text.find("three").unwrap()), 1);
    }

    #[test]
    fn n_and_shift_n_go_round_the_passages() {
        let mut view = SourceView {
            announcement: 0,
            passages: vec![(0, 1), (5, 6), (9, 10)],
            current: None,
            scroll: 0,
        };
        view.step(-1);
        assert_eq!(view.current, Some(2));
        view.step(1);
        assert_eq!(view.current, Some(0));
        view.step(1);
        assert_eq!(view.current, Some(1));
    }
}
