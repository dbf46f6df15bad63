//! The explorer's themes, styles named by role: `dark` (the default), `light` (for light
//! terminal backgrounds) and `monochrome`. The selection and matches stay visible without
//! colour (reverse, bold, underline and a highlight symbol), and with `NO_COLOR` no colour is
//! emitted at all. Which theme is used is decided in one place: `crate::config::resolve`;
//! settings name it ([`ThemeName`]) and this module gives the name its styles.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub(crate) base: Style,
    pub(crate) selection: Style,
    /// Characters that matched the filter.
    pub(crate) matched: Style,
    pub(crate) muted: Style,
    pub(crate) heading: Style,
    pub(crate) warning: Style,
    pub(crate) border: Style,
    pub(crate) border_focused: Style,
    /// Rows tied to the selection elsewhere (the partners of the selected announcement).
    pub(crate) marked: Style,
    /// A link in Details.
    pub(crate) link: Style,
    pub(crate) status: Style,
    pub(crate) key: Style,
    /// A link hint's label (`f`), drawn over the start of its link.
    pub(crate) hint: Style,
    /// The map's coastlines and the lines between partners: canvas points, which take a
    /// colour rather than a style.
    pub(crate) coastline: Color,
    pub(crate) partner_line: Color,
}

/// Drawn before a selected row, so the selection shows without any style at all.
pub const SELECTION_SYMBOL: &str = "▶ ";
/// Drawn before a row tied to the selection.
pub(crate) const MARK_SYMBOL: &str = "●";

// Settings name a theme without knowing its styles; the explorer turns the name into them.
impl ThemeName {
    pub(crate) fn theme(self) -> Theme {
        match self {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::Monochrome => Theme::monochrome(),
        }
    }
}

impl Theme {
    /// The `dark` theme: colours for a dark background.
    pub(crate) fn dark() -> Theme {
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
            hint: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            coastline: Color::DarkGray,
            partner_line: Color::Green,
        }
    }

    /// The `light` theme: darker colours from the 256-colour palette (whose values, unlike
    /// the first 16, terminals do not remap), readable on a white or cream background.
    /// Yellow and cyan, which wash out on white, are not used.
    pub(crate) fn light() -> Theme {
        const BLUE: Color = Color::Indexed(25); // #005faf
        const MAGENTA: Color = Color::Indexed(127); // #af00af
        const GREEN: Color = Color::Indexed(28); // #008700
        const RED: Color = Color::Indexed(124); // #af0000
        const GREY: Color = Color::Indexed(242); // #6c6c6c
        Theme {
            base: Style::new(),
            selection: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            matched: Style::new()
                .fg(MAGENTA)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            muted: Style::new().fg(GREY),
            heading: Style::new().fg(BLUE).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(RED).add_modifier(Modifier::BOLD),
            border: Style::new().fg(GREY),
            border_focused: Style::new().fg(BLUE).add_modifier(Modifier::BOLD),
            marked: Style::new().fg(GREEN),
            link: Style::new().fg(BLUE).add_modifier(Modifier::UNDERLINED),
            status: Style::new(),
            key: Style::new().fg(BLUE).add_modifier(Modifier::BOLD),
            hint: Style::new()
                .fg(Color::White)
                .bg(MAGENTA)
                .add_modifier(Modifier::BOLD),
            coastline: Color::DarkGray,
            partner_line: Color::Green,
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
            hint: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            coastline: Color::Reset,
            partner_line: Color::Reset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_light_theme_uses_no_colour_that_washes_out_on_white() {
        let theme = Theme::light();
        let washed_out = [
            Color::Yellow,
            Color::LightYellow,
            Color::Cyan,
            Color::LightCyan,
            Color::White,
            Color::Gray,
        ];
        for style in [
            theme.base,
            theme.selection,
            theme.matched,
            theme.muted,
            theme.heading,
            theme.warning,
            theme.border,
            theme.border_focused,
            theme.marked,
            theme.link,
            theme.status,
            theme.key,
        ] {
            assert!(
                style.fg.is_none_or(|colour| !washed_out.contains(&colour)),
                "{style:?}"
            );
        }
    }

    #[test]
    fn each_theme_name_gives_its_theme() {
        assert_eq!(ThemeName::Dark.theme(), Theme::dark());
        assert_eq!(ThemeName::Light.theme(), Theme::light());
        assert_eq!(ThemeName::Monochrome.theme(), Theme::monochrome());
    }
}
