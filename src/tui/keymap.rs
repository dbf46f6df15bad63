//! The one table of commands: which keys do what, in which context, and how each is
//! described. The help overlay and the status line's hints are both drawn from it, so they
//! never disagree with what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a person asks the explorer to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    NextPane,
    PreviousPane,
    FocusTimeline,
    FocusInstitutions,
    FocusDetails,
    /// Follow the selected link in Details, or open the selected row in Details.
    Open,
    Back,
    Forward,
    StartFilter,
    FilterInput(char),
    FilterBackspace,
    FilterClearWord,
    FilterAccept,
    Contacts,
    CopyMenu,
    Copy(char),
    ToggleMouse,
    Help,
    Escape,
    Quit,
    ForceQuit,
    ClearNarrowing,
}

/// Where the keyboard is: decides which commands apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Main,
    Filter,
    Contacts,
    CopyMenu,
    Help,
}

#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ctrl(character: char) -> Key {
    Key {
        code: KeyCode::Char(character),
        modifiers: KeyModifiers::CONTROL,
    }
}

const fn char_key(character: char) -> Key {
    key(KeyCode::Char(character))
}

/// One command: its keys, what it does, where it applies, and the word the status line
/// shows for it, if it is offered as a hint.
pub struct Command {
    pub keys: &'static [Key],
    /// How the keys are written in help and hints.
    pub label: &'static str,
    pub action: Action,
    pub description: &'static str,
    pub contexts: &'static [Context],
    /// The word the status line shows beside the key, when it is offered as a hint.
    pub hint: Option<&'static str>,
}

use Context::{
    Contacts as InContacts, CopyMenu as InCopy, Filter as InFilter, Help as InHelp, Main,
};

pub const COMMANDS: &[Command] = &[
    Command {
        keys: &[key(KeyCode::Up), char_key('k')],
        label: "↑/k",
        action: Action::Up,
        description: "move up (in Details: previous link)",
        contexts: &[Main, InContacts, InHelp],
        hint: None,
    },
    Command {
        keys: &[key(KeyCode::Down), char_key('j')],
        label: "↓/j",
        action: Action::Down,
        description: "move down (in Details: next link)",
        contexts: &[Main, InContacts, InHelp],
        hint: Some("move"),
    },
    Command {
        keys: &[char_key('g'), key(KeyCode::Home)],
        label: "g/Home",
        action: Action::Top,
        description: "first row",
        contexts: &[Main, InContacts, InHelp],
        hint: None,
    },
    Command {
        keys: &[char_key('G'), key(KeyCode::End)],
        label: "G/End",
        action: Action::Bottom,
        description: "last row",
        contexts: &[Main, InContacts, InHelp],
        hint: None,
    },
    Command {
        keys: &[key(KeyCode::PageUp)],
        label: "PgUp",
        action: Action::PageUp,
        description: "page up",
        contexts: &[Main, InContacts, InHelp],
        hint: None,
    },
    Command {
        keys: &[key(KeyCode::PageDown)],
        label: "PgDn",
        action: Action::PageDown,
        description: "page down",
        contexts: &[Main, InContacts, InHelp],
        hint: None,
    },
    Command {
        keys: &[ctrl('u')],
        label: "Ctrl-u",
        action: Action::HalfPageUp,
        description: "half a page up",
        contexts: &[Main, InContacts, InHelp],
        hint: None,
    },
    Command {
        keys: &[ctrl('d')],
        label: "Ctrl-d",
        action: Action::HalfPageDown,
        description: "half a page down",
        contexts: &[Main, InContacts, InHelp],
        hint: None,
    },
    Command {
        keys: &[key(KeyCode::Tab)],
        label: "Tab",
        action: Action::NextPane,
        description: "next pane",
        contexts: &[Main],
        hint: Some("pane"),
    },
    Command {
        keys: &[key(KeyCode::BackTab)],
        label: "S-Tab",
        action: Action::PreviousPane,
        description: "previous pane",
        contexts: &[Main],
        hint: None,
    },
    Command {
        keys: &[char_key('1')],
        label: "1",
        action: Action::FocusTimeline,
        description: "focus Timeline",
        contexts: &[Main],
        hint: None,
    },
    Command {
        keys: &[char_key('2')],
        label: "2",
        action: Action::FocusInstitutions,
        description: "focus Institutions",
        contexts: &[Main],
        hint: None,
    },
    Command {
        keys: &[char_key('3')],
        label: "3",
        action: Action::FocusDetails,
        description: "focus Details",
        contexts: &[Main],
        hint: None,
    },
    Command {
        keys: &[key(KeyCode::Enter)],
        label: "Enter",
        action: Action::Open,
        description: "follow the link / open in Details",
        contexts: &[Main, InContacts],
        hint: Some("open"),
    },
    Command {
        keys: &[char_key('[')],
        label: "[",
        action: Action::Back,
        description: "back through followed links",
        contexts: &[Main],
        hint: Some("back"),
    },
    Command {
        keys: &[char_key(']')],
        label: "]",
        action: Action::Forward,
        description: "forward through followed links",
        contexts: &[Main],
        hint: None,
    },
    Command {
        keys: &[char_key('/')],
        label: "/",
        action: Action::StartFilter,
        description: "filter (fzf syntax)",
        contexts: &[Main, InContacts],
        hint: Some("filter"),
    },
    Command {
        keys: &[key(KeyCode::Enter)],
        label: "Enter",
        action: Action::FilterAccept,
        description: "keep the filter",
        contexts: &[InFilter],
        hint: Some("keep"),
    },
    Command {
        keys: &[key(KeyCode::Backspace)],
        label: "Bksp",
        action: Action::FilterBackspace,
        description: "delete a character",
        contexts: &[InFilter],
        hint: None,
    },
    Command {
        keys: &[ctrl('w')],
        label: "Ctrl-w",
        action: Action::FilterClearWord,
        description: "delete a word",
        contexts: &[InFilter],
        hint: None,
    },
    Command {
        keys: &[char_key('c')],
        label: "c",
        action: Action::Contacts,
        description: "press contacts",
        contexts: &[Main],
        hint: Some("contacts"),
    },
    Command {
        keys: &[char_key('y')],
        label: "y",
        action: Action::CopyMenu,
        description: "copy…",
        contexts: &[Main, InContacts],
        hint: Some("copy"),
    },
    Command {
        keys: &[char_key('x')],
        label: "x",
        action: Action::ClearNarrowing,
        description: "show every announcement again",
        contexts: &[Main],
        hint: None,
    },
    Command {
        keys: &[char_key('m')],
        label: "m",
        action: Action::ToggleMouse,
        description: "toggle mouse capture (for text selection)",
        contexts: &[Main, InContacts],
        hint: None,
    },
    Command {
        keys: &[char_key('?')],
        label: "?",
        action: Action::Help,
        description: "help",
        contexts: &[Main, InContacts],
        hint: Some("help"),
    },
    Command {
        keys: &[key(KeyCode::Esc)],
        label: "Esc",
        action: Action::Escape,
        description: "close / clear the filter / clear narrowing",
        contexts: &[Main, InFilter, InContacts, InCopy, InHelp],
        hint: Some("back out"),
    },
    Command {
        keys: &[char_key('q')],
        label: "q",
        action: Action::Quit,
        description: "close the overlay; quit",
        contexts: &[Main, InContacts, InCopy, InHelp],
        hint: Some("quit"),
    },
    Command {
        keys: &[ctrl('c')],
        label: "Ctrl-c",
        action: Action::ForceQuit,
        description: "quit from anywhere",
        contexts: &[Main, InFilter, InContacts, InCopy, InHelp],
        hint: None,
    },
];

fn matches(binding: &Key, event: &KeyEvent) -> bool {
    // Shift is implied by an upper-case character; only Control and Alt must agree.
    let significant = KeyModifiers::CONTROL | KeyModifiers::ALT;
    binding.code == event.code
        && (binding.modifiers & significant) == (event.modifiers & significant)
}

/// The action a key asks for in a context, if any.
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    let found = COMMANDS
        .iter()
        .filter(|command| command.contexts.contains(&context))
        .find(|command| command.keys.iter().any(|binding| matches(binding, event)))
        .map(|command| command.action);
    if found.is_some() {
        return found;
    }
    let plain = !event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match (context, event.code) {
        (Context::Filter, KeyCode::Char(character)) if plain => {
            Some(Action::FilterInput(character))
        }
        (Context::CopyMenu, KeyCode::Char(character)) if plain => Some(Action::Copy(character)),
        _ => None,
    }
}

/// The commands offered as hints in a context, in table order.
pub fn hints(context: Context) -> impl Iterator<Item = &'static Command> {
    COMMANDS
        .iter()
        .filter(move |command| command.hint.is_some() && command.contexts.contains(&context))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn one_key_means_one_thing_in_each_context() {
        for context in [
            Context::Main,
            Context::Filter,
            Context::Contacts,
            Context::CopyMenu,
            Context::Help,
        ] {
            let commands: Vec<&Command> = COMMANDS
                .iter()
                .filter(|command| command.contexts.contains(&context))
                .collect();
            for (position, command) in commands.iter().enumerate() {
                for other in &commands[position + 1..] {
                    for binding in command.keys {
                        let event = KeyEvent::new(binding.code, binding.modifiers);
                        assert!(
                            !other
                                .keys
                                .iter()
                                .any(|other_binding| matches(other_binding, &event)),
                            "{} and {} share a key in {context:?}",
                            command.description,
                            other.description
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn letters_type_into_the_filter_but_move_in_lists() {
        assert_eq!(
            action_for(Context::Main, &press(KeyCode::Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(Context::Filter, &press(KeyCode::Char('j'))),
            Some(Action::FilterInput('j'))
        );
        assert_eq!(
            action_for(Context::Filter, &press(KeyCode::Char('q'))),
            Some(Action::FilterInput('q'))
        );
        let control_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(Context::Filter, &control_c),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            action_for(Context::Main, &control_c),
            Some(Action::ForceQuit)
        );
    }
}
