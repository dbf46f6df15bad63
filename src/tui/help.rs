//! The help overlay's content: every command of the table with its keys in force, the
//! filter's syntax, and a legend of the symbols the screens draw. `/` in help filters it
//! (accent- and case-insensitive, every word must appear), and scrolling stops at its last
//! line.

use ratatui::text::{Line, Span};

use crate::fold::fold_str;

use super::keymap::Keymap;
use super::theme::Theme;

/// What each symbol drawn on the screens means, for the legend at the end of help.
pub(crate) const SYMBOLS: &[(&str, &str)] = &[
    ("▶", "the selected row or link"),
    ("→", "a link in Details: Enter or f follows it"),
    ("·", "a fact of the release in Details: s shows its passage"),
    (
        "●",
        "a partner of the selected announcement (Institutions, map); an announcement (chart)",
    ),
    ("◆", "an event on the timeline chart (a bar for a span)"),
    ("▼", "the Timeline's selected row on the chart"),
    (
        "✱",
        "a value changed since the release before (history of statements)",
    ),
    ("+", "an institution on the map"),
    ("◉", "the selected institution on the map"),
    (
        "›",
        "the trail of followed links, on Details' bottom border",
    ),
];

/// One line of help: its section, what is in the left column and what is in the right.
struct Entry {
    section: &'static str,
    left: String,
    right: String,
}

fn entries(keymap: &Keymap) -> Vec<Entry> {
    let mut entries: Vec<Entry> = keymap
        .commands()
        .filter(|(_, label)| !label.is_empty())
        .map(|(command, label)| Entry {
            section: "Keys",
            left: label,
            right: command.description.to_owned(),
        })
        .collect();
    for (syntax, meaning) in [
        ("word", "fuzzy on names, words and prefixes on long text"),
        ("'word", "exact"),
        ("^word / word$", "prefix / suffix"),
        ("!word", "exclude"),
        ("a | b", "either"),
        (
            "country:us year:2023",
            "qualifiers: country year kind partner city role lang",
        ),
    ] {
        entries.push(Entry {
            section: "Filter syntax (fzf)",
            left: syntax.to_owned(),
            right: meaning.to_owned(),
        });
    }
    for (symbol, meaning) in SYMBOLS {
        entries.push(Entry {
            section: "Symbols",
            left: (*symbol).to_owned(),
            right: (*meaning).to_owned(),
        });
    }
    entries
}

/// Help's lines, kept to those whose words contain every word of `filter` (each section's
/// heading stays over its lines that are kept).
pub fn lines(keymap: &Keymap, theme: &Theme, filter: &str) -> Vec<Line<'static>> {
    let words: Vec<String> = fold_str(filter)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let mut lines = Vec::new();
    let mut section = "";
    for entry in entries(keymap) {
        let text = fold_str(&format!("{} {}", entry.left, entry.right));
        if !words.iter().all(|word| text.contains(word.as_str())) {
            continue;
        }
        if entry.section != section {
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(entry.section, theme.heading));
            section = entry.section;
            if section == "Keys" {
                lines.push(Line::default());
            }
        }
        let width = match entry.section {
            "Keys" => 10,
            "Symbols" => 3,
            _ => 22,
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<width$}", entry.left), theme.key),
            Span::raw(entry.right),
        ]));
    }
    if lines.is_empty() {
        lines.push(Line::styled(
            format!(
                "nothing in help matches `{}`",
                crate::sanitize::sanitize(filter)
            ),
            theme.muted,
        ));
    }
    lines
}

/// How far help scrolls: to where its last line is the last one shown.
pub(crate) fn last_scroll(keymap: &Keymap, theme: &Theme, filter: &str, height: usize) -> usize {
    lines(keymap, theme, filter).len().saturating_sub(height)
}
