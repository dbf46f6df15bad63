//! Driving the explorer's state with key sequences written as a person types them,
//! helix-style: `"/berard<enter>3jj<enter>["`. Keys go through the real command table.

use accords::dataset::Dataset;
use accords::tui::app::App;
use accords::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The explorer on the embedded dataset, at a terminal size.
pub fn explorer(width: u16, height: u16) -> App {
    App::new(
        Dataset::embedded().expect("embedded dataset"),
        Theme::monochrome(),
        width,
        height,
    )
}

/// Parses `<enter>`, `<esc>`, `<tab>`, `<s-tab>`, `<bs>`, `<up>`, `<down>`, `<left>`,
/// `<right>`, `<home>`,
/// `<end>`, `<pgup>`, `<pgdn>`, `<c-x>`; any other character is itself.
pub fn parse_keys(sequence: &str) -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    let mut rest = sequence;
    while let Some(character) = rest.chars().next() {
        if character == '<'
            && let Some(end) = rest.find('>')
        {
            let name = &rest[1..end];
            let key = match name {
                "enter" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                "esc" => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                "tab" => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
                "s-tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                "bs" => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
                "up" => KeyEvent::new(KeyCode::Up, KeyModifiers::NONE),
                "down" => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
                "left" => KeyEvent::new(KeyCode::Left, KeyModifiers::NONE),
                "right" => KeyEvent::new(KeyCode::Right, KeyModifiers::NONE),
                "home" => KeyEvent::new(KeyCode::Home, KeyModifiers::NONE),
                "end" => KeyEvent::new(KeyCode::End, KeyModifiers::NONE),
                "pgup" => KeyEvent::new(KeyCode::PageUp, KeyModifiers::NONE),
                "pgdn" => KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE),
                control if control.starts_with("c-") && control.len() == 3 => KeyEvent::new(
                    KeyCode::Char(control.chars().nth(2).expect("a letter")),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key <{other}>"),
            };
            keys.push(key);
            rest = &rest[end + 1..];
        } else {
            let modifiers = if character.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            keys.push(KeyEvent::new(KeyCode::Char(character), modifiers));
            rest = &rest[character.len_utf8()..];
        }
    }
    keys
}

/// Types a key sequence into the explorer, as its run loop would: through the app's keymap.
pub fn type_keys(app: &mut App, sequence: &str) {
    for key in parse_keys(sequence) {
        if let Some(action) = app.keymap().action_for(app.context(), &key) {
            app.update(action);
        }
    }
}
