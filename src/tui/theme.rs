//! The explorer's one theme, named by role. The selection and matches stay visible without
//! colour (reverse, bold, underline and a highlight symbol), and with `NO_COLOR` no colour is
//! emitted at all.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub selection: Style,
    /// Characters that matched the filter.
    pub matched: Style,
    pub muted: Style,
    pub heading: Style,
    pub warning: Style,
    pub border: Style,
    pub border_focused: Style,
    /// Rows tied to the selection elsewhere (the partners of the selected announcement).
    pub marked: Style,
    /// A link in Details.
    pub link: Style,
    pub status: Style,
    pub key: Style,
}

/// Drawn before a selected row, so the selection shows without any style at all.
pub const SELECTION_SYMBOL: &str = "▶ ";
/// Drawn before a row tied to the selection.
pub const MARK_SYMBOL: &str = "●";

impl Theme {
    pub fn color() -> Theme {
        Theme {
            base: Style::new(),
            selection: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            matched: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            muted: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            marked: Style::new().fg(Color::Green),
            link: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            status: Style::new(),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }

    /// Modifiers only: what `NO_COLOR` asks for.
    pub fn monochrome() -> Theme {
        Theme {
            base: Style::new(),
            selection: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            muted: Style::new().add_modifier(Modifier::DIM),
            heading: Style::new().add_modifier(Modifier::BOLD),
            warning: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new(),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            marked: Style::new().add_modifier(Modifier::BOLD),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            status: Style::new(),
            key: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    /// Monochrome when `NO_COLOR` holds any non-empty value.
    pub fn from_environment() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(value) if !value.is_empty() => Theme::monochrome(),
            _ => Theme::color(),
        }
    }
}
