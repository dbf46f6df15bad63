//! The one place dataset text passes through before it reaches a terminal. A dataset may
//! come from anyone, and a terminal obeys the control sequences it is sent (titles, screen
//! clears, clipboard writes), so control characters and bidirectional overrides are made
//! visible instead of being sent raw. JSON output escapes them its own way and skips this.

use std::borrow::Cow;

/// The text with every control character shown as a visible placeholder: C0 controls as
/// their Unicode control pictures (ESC → ␛), DEL as ␡, and C1 controls and bidirectional
/// formatting characters as `<U+XXXX>`. Text without them is returned as is.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_placeholder) {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len() + 8);
    for character in text.chars() {
        push_visible(&mut clean, character);
    }
    Cow::Owned(clean)
}

/// Like [`sanitize`], but keeps line breaks, for multi-line text shown as paragraphs.
pub(crate) fn sanitize_multiline(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|character| character != '\n' && needs_placeholder(character))
    {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len() + 8);
    for character in text.chars() {
        if character == '\n' {
            clean.push('\n');
        } else {
            push_visible(&mut clean, character);
        }
    }
    Cow::Owned(clean)
}

/// Control characters, bidirectional formatting characters, and the invisible zero-width
/// ones: what a terminal may act on, or what would make two different texts look the same
/// (`al\u{200D}pha` beside `alpha`).
pub(crate) fn needs_placeholder(character: char) -> bool {
    character.is_control() || is_bidi_control(character) || is_zero_width(character)
}

fn is_zero_width(character: char) -> bool {
    matches!(
        character,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Text for the clipboard (OSC 52): C0 and C1 controls and bidirectional overrides removed,
/// tab and line feed kept. A paste is read by whatever program has the terminal, so an ESC
/// copied raw could end a shell's bracketed paste early (`ESC[201~`) and let the line after
/// it run as a command. Removed, not made visible: the text copied is meant to be used as
/// it is, as CSV and vCard also drop them. Zero-width characters stay, since joiners are
/// part of some scripts' and emoji's spelling.
pub(crate) fn for_clipboard(text: &str) -> Cow<'_, str> {
    let removed = |character: char| {
        (character.is_control() && !matches!(character, '\t' | '\n')) || is_bidi_control(character)
    };
    if !text.chars().any(removed) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|&character| !removed(character))
            .collect(),
    )
}

fn is_bidi_control(character: char) -> bool {
    matches!(character, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn push_visible(clean: &mut String, character: char) {
    match character {
        '\u{0}'..='\u{1F}' => {
            let picture = char::from_u32(0x2400 + character as u32).unwrap_or('\u{FFFD}');
            clean.push(picture);
        }
        '\u{7F}' => clean.push('\u{2421}'),
        character if needs_placeholder(character) => {
            clean.push_str(&format!("<U+{:04X}>", character as u32));
        }
        character => clean.push(character),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_ordinary_text_untouched() {
        assert!(matches!(
            sanitize("Centre Léon Bérard 서울"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn shows_escape_sequences_as_placeholders() {
        let hostile = "Evil\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}31mRED\u{202e}";
        let clean = sanitize(hostile);
        assert_eq!(clean, "Evil␛]0;PWNED␇␛[2J<U+009B>31mRED<U+202E>");
        assert!(!clean.chars().any(|character| character.is_control()));
    }

    #[test]
    fn zero_width_characters_are_shown() {
        assert_eq!(
            sanitize("al\u{200D}pha al\u{200B}pha \u{2060}x\u{FEFF}"),
            "al<U+200D>pha al<U+200B>pha <U+2060>x<U+FEFF>"
        );
    }

    #[test]
    fn the_clipboard_gets_no_control_but_tab_and_line_feed() {
        let hostile = "Title\u{1b}[201~\necho PWNED\r\u{7}\u{9b}\u{202e}\tend\u{200D}";
        assert_eq!(
            for_clipboard(hostile),
            "Title[201~\necho PWNED\tend\u{200D}"
        );
        assert!(matches!(for_clipboard("Léon\tBérard\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn multiline_keeps_newlines_only() {
        assert_eq!(sanitize_multiline("a\nb\rc\td"), "a\nb␍c␉d");
    }
}
