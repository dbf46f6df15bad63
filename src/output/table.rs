//! Aligned plain-text tables that fit a width (80 columns unless told otherwise). When a
//! table is too wide, its widest text column gives way first and its cells wrap onto the
//! next lines: nothing a script or a person copies is shortened. Kept columns (ids, dates,
//! phones, emails) are never narrowed or broken, even if the table must then be wider
//! than asked. Widths are display widths, so accents, Korean and other wide characters
//! line up.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::sanitize::sanitize;

/// The width tables fit when stdout is not a terminal and `COLUMNS` is not set.
pub(crate) const DEFAULT_WIDTH: usize = 80;

pub(crate) struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    /// Columns never narrowed: ids, which `show` needs whole, phones and emails.
    kept: Vec<usize>,
}

/// Spaces between columns.
const GAP: usize = 2;
/// The narrowest a wrapping column gets.
const NARROWEST: usize = 6;

impl Table {
    pub(crate) fn new(headers: Vec<&'static str>) -> Table {
        Table {
            headers,
            rows: Vec::new(),
            kept: Vec::new(),
        }
    }

    /// Keeps these columns whole: other columns wrap instead.
    pub(crate) fn keeping(mut self, columns: &[usize]) -> Table {
        self.kept = columns.to_vec();
        self
    }

    pub(crate) fn row(&mut self, cells: Vec<String>) {
        self.rows.push(
            cells
                .into_iter()
                .map(|cell| sanitize(&cell).into_owned())
                .collect(),
        );
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// True when the table fits `width` with no wrapping column narrower than `narrowest`
    /// (or its widest cell, if less).
    pub(crate) fn fits(&self, width: usize, narrowest: usize) -> bool {
        let widths = self.natural_widths();
        let needed: usize = widths
            .iter()
            .enumerate()
            .map(|(column, &natural)| {
                if self.kept.contains(&column) {
                    natural
                } else {
                    natural.min(narrowest)
                }
            })
            .sum();
        needed + GAP * widths.len().saturating_sub(1) <= width
    }

    /// Each column's width when nothing wraps: its widest cell or its header.
    fn natural_widths(&self) -> Vec<usize> {
        let columns = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|header| header.width()).collect();
        for row in &self.rows {
            for (column, cell) in row.iter().enumerate().take(columns) {
                widths[column] = widths[column].max(cell.width());
            }
        }
        widths
    }

    /// The table as lines no wider than `width` when its kept columns and the narrowest
    /// wrapping ones fit; wider otherwise, since nothing is cut.
    pub(crate) fn render(&self, width: usize) -> String {
        let columns = self.headers.len();
        let mut widths = self.natural_widths();
        let available = width.saturating_sub(GAP * columns.saturating_sub(1));
        // Narrow the widest wrapping column one cell at a time until the table fits.
        while widths.iter().sum::<usize>() > available {
            let Some((widest, _)) = widths
                .iter()
                .enumerate()
                .filter(|(column, width)| !self.kept.contains(column) && **width > NARROWEST)
                .max_by_key(|(_, width)| **width)
            else {
                break;
            };
            widths[widest] -= 1;
        }
        let mut out = String::new();
        let header: Vec<String> = self
            .headers
            .iter()
            .map(|header| header.to_string())
            .collect();
        push_row(&mut out, &header, &widths);
        for row in &self.rows {
            push_row(&mut out, row, &widths);
        }
        out
    }
}

/// One row, over as many lines as its tallest wrapped cell needs.
fn push_row(out: &mut String, cells: &[String], widths: &[usize]) {
    let wrapped: Vec<Vec<String>> = widths
        .iter()
        .enumerate()
        .map(|(column, width)| wrap_cell(cells.get(column).map_or("", String::as_str), *width))
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for line_number in 0..height {
        let mut line = String::new();
        for (column, width) in widths.iter().enumerate() {
            let piece = wrapped[column].get(line_number).map_or("", String::as_str);
            line.push_str(piece);
            if column + 1 < widths.len() {
                line.push_str(&" ".repeat(width.saturating_sub(piece.width()) + GAP));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// A cell over lines of at most `width` cells, broken at spaces, and inside a word only
/// when the word alone is wider. A cell that fits is one line, as it is.
pub(crate) fn wrap_cell(cell: &str, width: usize) -> Vec<String> {
    if cell.width() <= width {
        return vec![cell.to_owned()];
    }
    let width = width.max(1);
    let mut lines = Vec::new();
    // An indented cell (an organisation under its contact) keeps its indent.
    let indent = " ".repeat((cell.len() - cell.trim_start_matches(' ').len()).min(width / 2));
    let mut line = indent.clone();
    for word in cell.split(' ').filter(|word| !word.is_empty()) {
        let fresh = line.trim().is_empty();
        let needed = if fresh {
            line.width() + word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if needed > width && !fresh {
            lines.push(std::mem::replace(&mut line, indent.clone()));
        }
        if !line.trim().is_empty() {
            line.push(' ');
        }
        // A word too long for a line breaks after a hyphen where it has one
        // (Scordia-|Warembourg), else wherever the line ends.
        for piece in word.split_inclusive('-') {
            if !line.trim().is_empty()
                && !line.ends_with(' ')
                && line.width() + piece.width() > width
                && piece.width() <= width
            {
                lines.push(std::mem::replace(&mut line, indent.clone()));
            }
            for character in piece.chars() {
                if !line.trim().is_empty() && line.width() + character.width().unwrap_or(0) > width
                {
                    lines.push(std::mem::replace(&mut line, indent.clone()));
                }
                line.push(character);
            }
        }
    }
    lines.push(line);
    lines
}

/// The cell cut to `width` display cells, ending with `…` when cut.
pub(crate) fn fit(cell: &str, width: usize) -> String {
    if cell.width() <= width {
        return cell.to_owned();
    }
    let mut fitted = String::new();
    let mut used = 0;
    for character in cell.chars() {
        let character_width = character.width().unwrap_or(0);
        if used + character_width + 1 > width {
            break;
        }
        fitted.push(character);
        used += character_width;
    }
    fitted.push('…');
    fitted
}

/// The width to fit: the terminal's when stdout is one, else `COLUMNS`, else 80.
pub(crate) fn output_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((columns, _)) = ratatui::crossterm::terminal::size()
        && columns > 0
    {
        return columns as usize;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.parse().ok())
        .filter(|columns: &usize| *columns >= 20)
        .unwrap_or(DEFAULT_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_columns_by_display_width() {
        let mut table = Table::new(vec!["NAME", "COUNTRY"]);
        table.row(vec!["Centre Léon Bérard".into(), "FR".into()]);
        table.row(vec!["서울아산병원".into(), "KR".into()]);
        let text = table.render(80);
        let lines: Vec<&str> = text.lines().collect();
        let column = |line: &str| {
            line.find("FR")
                .or(line.find("KR"))
                .map(|byte| line[..byte].width())
        };
        assert_eq!(column(lines[1]), column(lines[2]));
        assert_eq!(lines[0], "NAME                COUNTRY");
    }

    #[test]
    fn fits_the_width_by_wrapping_the_widest_column() {
        let mut table = Table::new(vec!["ID", "TITLE"]).keeping(&[0]);
        let title = "a title of many words ".repeat(10);
        table.row(vec!["an-id".into(), title.trim().to_owned()]);
        let text = table.render(40);
        assert!(text.lines().all(|line| line.width() <= 40), "{text}");
        assert!(!text.contains('…'), "{text}");
        // Every word is there, in order, on the title column's lines.
        let words: Vec<&str> = text
            .lines()
            .skip(1)
            .flat_map(|line| line[7..].split_whitespace())
            .collect();
        assert_eq!(words.join(" "), title.trim());
        assert!(text.lines().nth(1).unwrap().starts_with("an-id"));
    }

    #[test]
    fn a_long_word_breaks_after_its_hyphen() {
        assert_eq!(
            wrap_cell("Charlotte Scordia-Warembourg", 14),
            ["Charlotte", "Scordia-", "Warembourg"]
        );
    }

    #[test]
    fn never_narrows_a_kept_column() {
        let mut table = Table::new(vec!["NAME", "EMAIL"]).keeping(&[1]);
        table.row(vec![
            "Claire Parisel".into(),
            "claire.parisel@gustaveroussy.fr".into(),
        ]);
        let text = table.render(30);
        assert!(text.contains("claire.parisel@gustaveroussy.fr"), "{text}");
    }

    #[test]
    fn sanitizes_cells() {
        let mut table = Table::new(vec!["TITLE"]);
        table.row(vec!["Evil\u{1b}[2J".into()]);
        assert!(!table.render(80).contains('\u{1b}'));
    }
}
