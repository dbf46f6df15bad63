//! Aligned plain-text tables that fit a width (80 columns unless told otherwise): the
//! widest columns give way first, and a cut cell ends with `…`. Widths are display widths,
//! so accents, Korean and other wide characters line up.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::sanitize::sanitize;

/// The width tables fit when stdout is not a terminal and `COLUMNS` is not set.
pub const DEFAULT_WIDTH: usize = 80;

pub struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    /// Columns cut only when cutting the others is not enough (ids, which `show` needs whole).
    kept: Vec<usize>,
}

impl Table {
    pub fn new(headers: Vec<&'static str>) -> Table {
        Table {
            headers,
            rows: Vec::new(),
            kept: Vec::new(),
        }
    }

    /// Keeps these columns whole as long as other columns can give way.
    pub fn keeping(mut self, columns: &[usize]) -> Table {
        self.kept = columns.to_vec();
        self
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(
            cells
                .into_iter()
                .map(|cell| sanitize(&cell).into_owned())
                .collect(),
        );
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as lines no wider than `width` (when the columns can fit at all).
    pub fn render(&self, width: usize) -> String {
        const GAP: usize = 2;
        let columns = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|header| header.width()).collect();
        for row in &self.rows {
            for (column, cell) in row.iter().enumerate().take(columns) {
                widths[column] = widths[column].max(cell.width());
            }
        }
        let available = width.saturating_sub(GAP * columns.saturating_sub(1));
        // Shrink the widest column one cell at a time until the table fits, kept columns
        // last; no column goes below its header's width or 6 cells.
        for may_cut_kept in [false, true] {
            while widths.iter().sum::<usize>() > available {
                let Some((widest, _)) = widths
                    .iter()
                    .enumerate()
                    .filter(|(column, _)| may_cut_kept || !self.kept.contains(column))
                    .filter(|(column, width)| **width > self.headers[*column].width().max(6))
                    .max_by_key(|(_, width)| **width)
                else {
                    break;
                };
                widths[widest] -= 1;
            }
        }
        let mut out = String::new();
        let header: Vec<String> = self
            .headers
            .iter()
            .map(|header| header.to_string())
            .collect();
        push_line(&mut out, &header, &widths, GAP);
        for row in &self.rows {
            push_line(&mut out, row, &widths, GAP);
        }
        out
    }
}

fn push_line(out: &mut String, cells: &[String], widths: &[usize], gap: usize) {
    let mut line = String::new();
    for (column, width) in widths.iter().enumerate() {
        let cell = cells.get(column).map_or("", String::as_str);
        let cell = fit(cell, *width);
        let last = column + 1 == widths.len();
        line.push_str(&cell);
        if !last {
            line.push_str(&" ".repeat(width - cell.width() + gap));
        }
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// The cell cut to `width` display cells, ending with `…` when cut.
pub fn fit(cell: &str, width: usize) -> String {
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
pub fn output_width() -> usize {
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
    fn fits_the_width_by_cutting_the_widest_column() {
        let mut table = Table::new(vec!["ID", "TITLE"]);
        table.row(vec!["a".into(), "x".repeat(200)]);
        let text = table.render(80);
        assert!(text.lines().all(|line| line.width() <= 80), "{text}");
        assert!(text.contains('…'));
    }

    #[test]
    fn sanitizes_cells() {
        let mut table = Table::new(vec!["TITLE"]);
        table.row(vec!["Evil\u{1b}[2J".into()]);
        assert!(!table.render(80).contains('\u{1b}'));
    }
}
