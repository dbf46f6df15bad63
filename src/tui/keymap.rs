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
    /// Move the selection while the filter line has the keyboard.
    FilterDown,
    FilterUp,
    /// Take the filter's spelling suggestion.
    TakeSuggestion,
    /// The focused list's next order.
    CycleOrder,
    Contacts,
    CopyMenu,
    Copy(char),
    ToggleMouse,
    Help,
    Escape,
    Quit,
    ForceQuit,
    ClearNarrowing,
    /// Show the world map in place of Details, or hide it.
    ToggleMap,
    /// Zoom the map to Europe and back.
    ToggleZoom,
    /// Everyone named in the releases, with their roles over time.
    People,
    /// Write the selected contact's vCard to a file.
    ExportContact,
    /// Open the selected record's web link in the system browser.
    OpenLink,
    /// Open the release of the selected fact at its passage, or of the record at its top.
    ShowSource,
    /// In the release: the next or previous passage of the record.
    NextPassage,
    PreviousPassage,
    /// In the release: scroll a line.
    ScrollDown,
    ScrollUp,
    /// Give the terminal back and stop, as Ctrl-Z does in a shell; `fg` resumes.
    Suspend,
    /// Label the links Details shows with letters (`f`), as browsers' keyboard modes do.
    LinkHints,
    /// A letter of a link's label, while links wear labels.
    HintInput(char),
}

impl Action {
    /// Whether it changes the filter's text, whose search [`App::settle`] runs once
    /// for a burst of them.
    ///
    /// [`App::settle`]: super::app::App::settle
    pub fn edits_filter(self) -> bool {
        matches!(
            self,
            Action::FilterInput(_) | Action::FilterBackspace | Action::FilterClearWord
        )
    }
}

/// Where the keyboard is: decides which commands apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Main,
    Filter,
    Contacts,
    People,
    CopyMenu,
    Help,
    /// The release text of an announcement (`s`).
    Source,
    /// Details' links wear labels (`f`): letters type a label.
    Hints,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// One command: its name, its default keys, what it does, where it applies, and the word
/// the status line shows for it, if it is offered as a hint. Help and hints write the keys
/// from the [`Keymap`] in force (see [`Key::label`]), so a rebound key shows as rebound.
#[derive(Debug)]
pub struct Command {
    /// The stable name the settings file rebinds it by (`filter = ["/", "f"]`): lower case,
    /// words joined by `-`. Never rename one: settings files out there use it.
    pub name: &'static str,
    /// The default keys.
    pub keys: &'static [Key],
    pub action: Action,
    pub description: &'static str,
    pub contexts: &'static [Context],
    /// The word the status line shows beside the key, when it is offered as a hint.
    pub hint: Option<&'static str>,
}

use Context::{
    Contacts as InContacts, CopyMenu as InCopy, Filter as InFilter, Help as InHelp,
    Hints as InHints, Main, People as InPeople, Source as InSource,
};

pub const COMMANDS: &[Command] = &[
    Command {
        name: "up",
        keys: &[key(KeyCode::Up), char_key('k')],
        action: Action::Up,
        description: "move up (in Details: previous link)",
        contexts: &[Main, InContacts, InPeople, InHelp],
        hint: None,
    },
    Command {
        name: "down",
        keys: &[key(KeyCode::Down), char_key('j')],
        action: Action::Down,
        description: "move down (in Details: next link)",
        contexts: &[Main, InContacts, InPeople, InHelp],
        hint: Some("move"),
    },
    Command {
        name: "top",
        keys: &[char_key('g'), key(KeyCode::Home)],
        action: Action::Top,
        description: "first row",
        contexts: &[Main, InContacts, InPeople, InHelp, InSource],
        hint: None,
    },
    Command {
        name: "bottom",
        keys: &[char_key('G'), key(KeyCode::End)],
        action: Action::Bottom,
        description: "last row",
        contexts: &[Main, InContacts, InPeople, InHelp, InSource],
        hint: None,
    },
    Command {
        name: "page-up",
        keys: &[key(KeyCode::PageUp)],
        action: Action::PageUp,
        description: "page up",
        contexts: &[Main, InContacts, InPeople, InHelp, InSource, InHints],
        hint: None,
    },
    Command {
        name: "page-down",
        keys: &[key(KeyCode::PageDown)],
        action: Action::PageDown,
        description: "page down",
        contexts: &[Main, InContacts, InPeople, InHelp, InSource, InHints],
        hint: None,
    },
    Command {
        name: "half-page-up",
        keys: &[ctrl('u')],
        action: Action::HalfPageUp,
        description: "half a page up",
        contexts: &[Main, InContacts, InPeople, InHelp, InSource, InHints],
        hint: None,
    },
    Command {
        name: "half-page-down",
        keys: &[ctrl('d')],
        action: Action::HalfPageDown,
        description: "half a page down",
        contexts: &[Main, InContacts, InPeople, InHelp, InSource, InHints],
        hint: None,
    },
    Command {
        name: "next-pane",
        keys: &[key(KeyCode::Tab), key(KeyCode::Right)],
        action: Action::NextPane,
        description: "next pane",
        contexts: &[Main],
        hint: Some("pane"),
    },
    Command {
        name: "previous-pane",
        keys: &[key(KeyCode::BackTab), key(KeyCode::Left)],
        action: Action::PreviousPane,
        description: "previous pane",
        contexts: &[Main],
        hint: None,
    },
    Command {
        name: "focus-timeline",
        keys: &[char_key('1')],
        action: Action::FocusTimeline,
        description: "focus Timeline",
        contexts: &[Main],
        hint: None,
    },
    Command {
        name: "focus-institutions",
        keys: &[char_key('2')],
        action: Action::FocusInstitutions,
        description: "focus Institutions",
        contexts: &[Main],
        hint: None,
    },
    Command {
        name: "focus-details",
        keys: &[char_key('3')],
        action: Action::FocusDetails,
        description: "focus Details",
        contexts: &[Main],
        hint: None,
    },
    Command {
        name: "open",
        keys: &[key(KeyCode::Enter)],
        action: Action::Open,
        description: "follow the link / open in Details",
        contexts: &[Main, InContacts, InPeople],
        hint: Some("open"),
    },
    Command {
        name: "link-hints",
        keys: &[char_key('f')],
        action: Action::LinkHints,
        description: "label Details' links; type a label to follow it",
        contexts: &[Main],
        hint: Some("follow"),
    },
    Command {
        name: "back",
        keys: &[char_key('[')],
        action: Action::Back,
        description: "back through followed links",
        contexts: &[Main],
        hint: Some("back"),
    },
    Command {
        name: "forward",
        keys: &[char_key(']')],
        action: Action::Forward,
        description: "forward through followed links",
        contexts: &[Main],
        hint: None,
    },
    Command {
        name: "filter",
        keys: &[char_key('/')],
        action: Action::StartFilter,
        description: "filter (fzf syntax)",
        contexts: &[Main, InContacts, InPeople, InHelp],
        hint: Some("filter"),
    },
    Command {
        name: "filter-accept",
        keys: &[key(KeyCode::Enter)],
        action: Action::FilterAccept,
        description: "keep the filter",
        contexts: &[InFilter],
        hint: Some("keep"),
    },
    Command {
        name: "filter-down",
        keys: &[key(KeyCode::Down), ctrl('n')],
        action: Action::FilterDown,
        description: "move the selection down while typing",
        contexts: &[InFilter],
        hint: None,
    },
    Command {
        name: "filter-up",
        keys: &[key(KeyCode::Up), ctrl('p')],
        action: Action::FilterUp,
        description: "move the selection up while typing",
        contexts: &[InFilter],
        hint: None,
    },
    Command {
        name: "filter-suggestion",
        keys: &[key(KeyCode::Tab)],
        action: Action::TakeSuggestion,
        description: "take the suggested spelling",
        contexts: &[InFilter],
        hint: None,
    },
    Command {
        name: "filter-backspace",
        keys: &[key(KeyCode::Backspace)],
        action: Action::FilterBackspace,
        description: "delete a character",
        contexts: &[InFilter],
        hint: None,
    },
    Command {
        name: "filter-delete-word",
        keys: &[ctrl('w')],
        action: Action::FilterClearWord,
        description: "delete a word",
        contexts: &[InFilter],
        hint: None,
    },
    Command {
        name: "sort",
        keys: &[char_key('S')],
        action: Action::CycleOrder,
        description: "cycle the focused list's order",
        contexts: &[Main],
        hint: None,
    },
    Command {
        name: "contacts",
        keys: &[char_key('c')],
        action: Action::Contacts,
        description: "press contacts",
        contexts: &[Main],
        hint: Some("contacts"),
    },
    Command {
        name: "people",
        keys: &[char_key('p')],
        action: Action::People,
        description: "people and their roles over time",
        contexts: &[Main],
        hint: None,
    },
    Command {
        name: "export-vcard",
        keys: &[char_key('e')],
        action: Action::ExportContact,
        description: "write the selected contact's vCard to a file",
        contexts: &[Main, InContacts],
        hint: None,
    },
    Command {
        name: "open-link",
        keys: &[char_key('o')],
        action: Action::OpenLink,
        description: "open the selected record's web link in the browser",
        contexts: &[Main, InContacts, InPeople],
        hint: None,
    },
    Command {
        name: "source",
        keys: &[char_key('s')],
        action: Action::ShowSource,
        description: "the release: at the selected fact's passage, or at its top",
        contexts: &[Main],
        hint: None,
    },
    Command {
        name: "next-passage",
        keys: &[char_key('n')],
        action: Action::NextPassage,
        description: "in the release: next passage of the record",
        contexts: &[InSource],
        hint: Some("next"),
    },
    Command {
        name: "previous-passage",
        keys: &[char_key('N')],
        action: Action::PreviousPassage,
        description: "in the release: previous passage of the record",
        contexts: &[InSource],
        hint: Some("previous"),
    },
    Command {
        name: "scroll-down",
        keys: &[key(KeyCode::Down), char_key('j')],
        action: Action::ScrollDown,
        description: "in the release: scroll down a line",
        contexts: &[InSource],
        hint: Some("scroll"),
    },
    Command {
        name: "scroll-up",
        keys: &[key(KeyCode::Up), char_key('k')],
        action: Action::ScrollUp,
        description: "in the release: scroll up a line",
        contexts: &[InSource],
        hint: None,
    },
    Command {
        name: "map",
        keys: &[char_key('w')],
        action: Action::ToggleMap,
        description: "world map in place of Details (again: hide)",
        contexts: &[Main],
        hint: None,
    },
    Command {
        name: "zoom",
        keys: &[char_key('z')],
        action: Action::ToggleZoom,
        description: "zoom the map to Europe and back",
        contexts: &[Main],
        hint: None,
    },
    Command {
        name: "copy",
        keys: &[char_key('y')],
        action: Action::CopyMenu,
        description: "copy…",
        contexts: &[Main, InContacts, InPeople],
        hint: Some("copy"),
    },
    Command {
        name: "show-all",
        keys: &[char_key('x')],
        action: Action::ClearNarrowing,
        description: "show every announcement again",
        contexts: &[Main],
        hint: None,
    },
    Command {
        name: "mouse",
        keys: &[char_key('m')],
        action: Action::ToggleMouse,
        description: "toggle mouse capture (for text selection)",
        contexts: &[Main, InContacts, InPeople],
        hint: None,
    },
    Command {
        name: "help",
        keys: &[char_key('?')],
        action: Action::Help,
        description: "help",
        contexts: &[Main, InContacts, InPeople],
        hint: Some("help"),
    },
    Command {
        name: "escape",
        keys: &[key(KeyCode::Esc)],
        action: Action::Escape,
        description: "close / clear the filter / clear narrowing",
        contexts: &[
            Main, InFilter, InContacts, InPeople, InCopy, InHelp, InSource, InHints,
        ],
        hint: Some("back out"),
    },
    Command {
        name: "quit",
        keys: &[char_key('q')],
        action: Action::Quit,
        description: "close the overlay; quit",
        contexts: &[Main, InContacts, InPeople, InCopy, InHelp, InSource],
        hint: Some("quit"),
    },
    Command {
        name: "suspend",
        keys: &[ctrl('z')],
        action: Action::Suspend,
        description: "suspend to the shell (fg resumes)",
        contexts: &[
            Main, InFilter, InContacts, InPeople, InCopy, InHelp, InSource,
        ],
        hint: None,
    },
    Command {
        name: "force-quit",
        keys: &[ctrl('c')],
        action: Action::ForceQuit,
        description: "quit from anywhere",
        contexts: &[
            Main, InFilter, InContacts, InPeople, InCopy, InHelp, InSource, InHints,
        ],
        hint: None,
    },
];

fn matches(binding: &Key, event: &KeyEvent) -> bool {
    // Shift is implied by an upper-case character; only Control and Alt must agree.
    let significant = KeyModifiers::CONTROL | KeyModifiers::ALT;
    binding.code == event.code
        && (binding.modifiers & significant) == (event.modifiers & significant)
}

/// Two keys that a terminal cannot tell apart.
fn same_key(a: &Key, b: &Key) -> bool {
    matches(a, &KeyEvent::new(b.code, b.modifiers))
}

/// A command by its stable name, as the settings file writes it.
pub fn command_named(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|command| command.name == name)
}

/// Every context some command applies in, in table order.
pub fn contexts() -> Vec<Context> {
    let mut all: Vec<Context> = Vec::new();
    for command in COMMANDS {
        for context in command.contexts {
            if !all.contains(context) {
                all.push(*context);
            }
        }
    }
    all
}

/// How a context is named in messages: `main`, `filter`, `contacts`…
pub fn context_name(context: Context) -> String {
    format!("{context:?}").to_lowercase()
}

/// Contexts in which a plain character is text, not a command: binding one there would
/// stop that character being typed.
pub const TYPING_CONTEXTS: &[Context] = &[Context::Filter];

/// The keys in force: the command table's, with the settings file's rebindings. The run
/// loop, the status line's hints and the help overlay all read the same `Keymap`, so what is
/// shown is what the keys do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// Per command of [`COMMANDS`], in table order.
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    /// The command table's own keys.
    fn default() -> Keymap {
        Keymap {
            keys: COMMANDS
                .iter()
                .map(|command| command.keys.to_vec())
                .collect(),
        }
    }
}

/// Two commands that would share a key in one context.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub context: Context,
    pub key: Key,
    pub first: &'static Command,
    pub second: &'static Command,
}

impl Keymap {
    /// The command table's keys with a settings file's: each command listed gets exactly
    /// the keys given, and a key given to one command leaves the default keys of every other
    /// command that works in one of the same places (user bindings win over defaults), so a
    /// new default key never breaks a settings file that worked. Names were checked when the
    /// file was read; an unknown one is skipped.
    pub fn with_bindings(bindings: &[(&str, Vec<Key>)]) -> Keymap {
        let mut keymap = Keymap::default();
        let mut bound = Vec::new();
        for (name, keys) in bindings {
            if let Some(position) = COMMANDS.iter().position(|command| command.name == *name) {
                keymap.keys[position] = keys.clone();
                bound.push(position);
            }
        }
        for &position in &bound {
            let command = &COMMANDS[position];
            for key in keymap.keys[position].clone() {
                for (other, other_command) in COMMANDS.iter().enumerate() {
                    let shares_a_place = other_command
                        .contexts
                        .iter()
                        .any(|context| command.contexts.contains(context));
                    if !bound.contains(&other) && shares_a_place {
                        keymap.keys[other].retain(|default| !same_key(default, &key));
                    }
                }
            }
        }
        keymap
    }

    /// A command's keys in force.
    pub fn keys_of(&self, command: &Command) -> &[Key] {
        COMMANDS
            .iter()
            .position(|entry| entry.name == command.name)
            .map_or(&[], |position| &self.keys[position])
    }

    /// A command's keys as help and hints write them: `↑/k`, `Ctrl-u`, `S-Tab`.
    pub fn label(&self, command: &Command) -> String {
        label(self.keys_of(command))
    }

    /// The keys of the first command that does `action`, as help writes them; for messages
    /// that name a key ("x shows all").
    pub fn label_of(&self, action: Action) -> String {
        COMMANDS
            .iter()
            .find(|command| command.action == action)
            .map_or_else(String::new, |command| self.label(command))
    }

    /// Every command of the table with its keys as written, in table order: the help.
    pub fn commands(&self) -> impl Iterator<Item = (&'static Command, String)> + '_ {
        COMMANDS
            .iter()
            .map(|command| (command, self.label(command)))
    }

    /// The action a key asks for in a context, if any.
    pub fn action_for(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        let plain = !event
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        // While links wear labels, a letter types a label whatever it is bound to elsewhere,
        // so a settings file that gives a letter to a paging command still works.
        if let (Context::Hints, KeyCode::Char(character), true) = (context, event.code, plain) {
            return Some(Action::HintInput(character));
        }
        let found = COMMANDS
            .iter()
            .zip(&self.keys)
            .filter(|(command, _)| command.contexts.contains(&context))
            .find(|(_, keys)| keys.iter().any(|binding| matches(binding, event)))
            .map(|(command, _)| command.action);
        if found.is_some() {
            return found;
        }
        match (context, event.code) {
            (Context::Filter, KeyCode::Char(character)) if plain => {
                Some(Action::FilterInput(character))
            }
            (Context::CopyMenu, KeyCode::Char(character)) if plain => Some(Action::Copy(character)),
            _ => None,
        }
    }

    /// The commands offered as hints in a context, in table order, with their keys as
    /// written.
    pub fn hints(&self, context: Context) -> impl Iterator<Item = (&'static Command, String)> + '_ {
        COMMANDS
            .iter()
            .filter(move |command| command.hint.is_some() && command.contexts.contains(&context))
            .map(|command| (command, self.label(command)))
    }

    /// Keys that would mean two things in one context, each pair once.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut found = Vec::new();
        for context in contexts() {
            let commands: Vec<(usize, &Command)> = COMMANDS
                .iter()
                .enumerate()
                .filter(|(_, command)| command.contexts.contains(&context))
                .collect();
            for (position, &(first, first_command)) in commands.iter().enumerate() {
                for &(second, second_command) in &commands[position + 1..] {
                    for key in &self.keys[second] {
                        if self.keys[first].iter().any(|other| same_key(other, key)) {
                            found.push(Conflict {
                                context,
                                key: *key,
                                first: first_command,
                                second: second_command,
                            });
                        }
                    }
                }
            }
        }
        found
    }
}

/// Keys as help writes them, joined by `/` (`↑/k`), or by `,` or a space when one of the
/// keys is itself `/` (`f,/`).
pub fn label(keys: &[Key]) -> String {
    let labels: Vec<String> = keys.iter().map(Key::label).collect();
    let separator = ["/", ",", " "]
        .into_iter()
        .find(|separator| !labels.iter().any(|label| label.contains(separator)))
        .unwrap_or(" ");
    labels.join(separator)
}

/// The names of keys that are not one character, as the settings file writes them, with
/// how help shows each.
const NAMED_KEYS: &[(&str, KeyCode, &str)] = &[
    ("enter", KeyCode::Enter, "Enter"),
    ("esc", KeyCode::Esc, "Esc"),
    ("tab", KeyCode::Tab, "Tab"),
    ("backtab", KeyCode::BackTab, "S-Tab"),
    ("up", KeyCode::Up, "↑"),
    ("down", KeyCode::Down, "↓"),
    ("left", KeyCode::Left, "←"),
    ("right", KeyCode::Right, "→"),
    ("home", KeyCode::Home, "Home"),
    ("end", KeyCode::End, "End"),
    ("pageup", KeyCode::PageUp, "PgUp"),
    ("pagedown", KeyCode::PageDown, "PgDn"),
    ("backspace", KeyCode::Backspace, "Bksp"),
    ("delete", KeyCode::Delete, "Del"),
    ("insert", KeyCode::Insert, "Ins"),
    ("space", KeyCode::Char(' '), "Space"),
];

/// What a key may be written as, for messages about one that is not.
pub const KEY_SYNTAX: &str = "a character (\"j\", \"G\", \"/\"), a key name (enter esc tab backtab up down left right home end pageup pagedown backspace delete insert space f1…f12), or either after ctrl- or alt- (\"ctrl-d\", \"alt-x\")";

impl Key {
    /// Reads a key as the settings file writes it: `j`, `G`, `/`, `enter`, `pagedown`,
    /// `f5`, `ctrl-d`, `alt-x`, `ctrl-alt-x`. Names and modifiers ignore case; a single
    /// character is itself (`g` and `G` differ). The error says what was expected.
    pub fn parse(text: &str) -> Result<Key, String> {
        if text.is_empty() {
            return Err(format!("an empty key; expected {KEY_SYNTAX}"));
        }
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (modifier, length) = if lower.starts_with("ctrl-") && rest.len() > 5 {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                (KeyModifiers::ALT, 4)
            } else {
                break;
            };
            modifiers |= modifier;
            rest = &rest[length..];
        }
        let mut characters = rest.chars();
        let code = match (characters.next(), characters.next()) {
            (Some(character), None) if !character.is_control() => {
                if modifiers.contains(KeyModifiers::CONTROL) {
                    // Terminals send Ctrl-Q and Ctrl-q alike.
                    KeyCode::Char(character.to_ascii_lowercase())
                } else {
                    KeyCode::Char(character)
                }
            }
            _ => {
                let lower = rest.to_ascii_lowercase();
                let named = NAMED_KEYS
                    .iter()
                    .find(|(name, _, _)| *name == lower)
                    .map(|(_, code, _)| *code)
                    .or_else(|| match lower.as_str() {
                        "shift-tab" => Some(KeyCode::BackTab),
                        function => function
                            .strip_prefix('f')
                            .and_then(|number| number.parse::<u8>().ok())
                            .filter(|number| (1..=12).contains(number))
                            .map(KeyCode::F),
                    });
                match named {
                    Some(code) => code,
                    None => {
                        return Err(format!("`{text}` is not a key; expected {KEY_SYNTAX}"));
                    }
                }
            }
        };
        Ok(Key { code, modifiers })
    }

    /// How the settings file writes this key; [`Key::parse`] reads it back.
    pub fn to_config(&self) -> String {
        let mut written = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            written.push_str("ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            written.push_str("alt-");
        }
        match NAMED_KEYS.iter().find(|(_, code, _)| *code == self.code) {
            Some((name, _, _)) => written.push_str(name),
            None => match self.code {
                KeyCode::Char(character) => written.push(character),
                KeyCode::F(number) => written.push_str(&format!("f{number}")),
                other => written.push_str(&format!("{other:?}").to_lowercase()),
            },
        }
        written
    }

    /// How help and hints show this key: `↑`, `k`, `Ctrl-u`, `Alt-x`, `S-Tab`, `F5`.
    pub fn label(&self) -> String {
        let mut written = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            written.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            written.push_str("Alt-");
        }
        match NAMED_KEYS.iter().find(|(_, code, _)| *code == self.code) {
            Some((_, _, shown)) => written.push_str(shown),
            None => match self.code {
                // A settings file may bind any character, a bidi override included: shown
                // like dataset text, so it cannot reorder the hints around it.
                KeyCode::Char(character) => {
                    written.push_str(&crate::sanitize::sanitize(&character.to_string()))
                }
                other => written.push_str(&other.to_string()),
            },
        }
        written
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn one_key_means_one_thing_in_each_context() {
        let conflicts = Keymap::default().conflicts();
        assert!(
            conflicts.is_empty(),
            "{}",
            conflicts
                .iter()
                .map(|conflict| format!(
                    "{} and {} share {} in {:?}",
                    conflict.first.name,
                    conflict.second.name,
                    conflict.key.label(),
                    conflict.context
                ))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn every_command_has_a_unique_lower_case_name() {
        for (position, command) in COMMANDS.iter().enumerate() {
            assert!(
                !command.name.is_empty()
                    && command
                        .name
                        .chars()
                        .all(|character| character.is_ascii_lowercase() || character == '-'),
                "`{}` is not a lower-case name",
                command.name
            );
            assert!(
                COMMANDS[position + 1..]
                    .iter()
                    .all(|other| other.name != command.name),
                "two commands are named `{}`",
                command.name
            );
        }
    }

    #[test]
    fn default_labels_read_as_before() {
        let keymap = Keymap::default();
        let label = |name| keymap.label(command_named(name).expect("a command"));
        assert_eq!(label("up"), "↑/k");
        assert_eq!(label("top"), "g/Home");
        assert_eq!(label("previous-pane"), "S-Tab/←");
        assert_eq!(label("half-page-down"), "Ctrl-d");
        assert_eq!(label("filter-backspace"), "Bksp");
        assert_eq!(label("page-down"), "PgDn");
    }

    #[test]
    fn keys_read_back_as_written() {
        for command in COMMANDS {
            for key in command.keys {
                assert_eq!(
                    Key::parse(&key.to_config()),
                    Ok(*key),
                    "{}",
                    key.to_config()
                );
            }
        }
        assert_eq!(
            Key::parse("Ctrl-Q"),
            Ok(Key {
                code: KeyCode::Char('q'),
                modifiers: KeyModifiers::CONTROL
            })
        );
        assert_eq!(Key::parse("-"), Ok(char_key('-')));
        assert_eq!(Key::parse("ctrl--"), Ok(ctrl('-')));
        assert_eq!(Key::parse("F5"), Ok(key(KeyCode::F(5))));
        assert_eq!(Key::parse("space"), Ok(char_key(' ')));
        assert_eq!(Key::parse("shift-tab"), Ok(key(KeyCode::BackTab)));
        for wrong in ["ctrl+", "ctrl-", "", "enterr", "f13", "ctrl+q"] {
            let error = Key::parse(wrong).expect_err(wrong);
            assert!(error.contains("expected"), "{error}");
        }
    }

    #[test]
    fn letters_type_into_the_filter_but_move_in_lists() {
        let keymap = Keymap::default();
        assert_eq!(
            keymap.action_for(Context::Main, &press(KeyCode::Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(
            keymap.action_for(Context::Filter, &press(KeyCode::Char('j'))),
            Some(Action::FilterInput('j'))
        );
        assert_eq!(
            keymap.action_for(Context::Filter, &press(KeyCode::Char('q'))),
            Some(Action::FilterInput('q'))
        );
        let control_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            keymap.action_for(Context::Filter, &control_c),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            keymap.action_for(Context::Main, &control_c),
            Some(Action::ForceQuit)
        );
    }

    #[test]
    fn a_rebound_command_answers_to_its_new_keys_only() {
        let keymap = Keymap::with_bindings(&[("filter", vec![char_key('f'), ctrl('f')])]);
        assert_eq!(
            keymap.action_for(Context::Main, &press(KeyCode::Char('f'))),
            Some(Action::StartFilter)
        );
        assert_eq!(
            keymap.action_for(Context::Main, &press(KeyCode::Char('/'))),
            None
        );
        let hint = keymap
            .hints(Context::Main)
            .find(|(command, _)| command.name == "filter")
            .map(|(_, label)| label);
        assert_eq!(hint.as_deref(), Some("f/Ctrl-f"));
        // `f` was link hints' default key: the file's binding wins, in Main where both work.
        let hints = command_named("link-hints").expect("a command");
        assert!(keymap.keys_of(hints).is_empty());
        let keymap = Keymap::with_bindings(&[("filter", vec![char_key('f'), char_key('/')])]);
        assert_eq!(
            keymap.label(command_named("filter").expect("a command")),
            "f,/"
        );
    }

    #[test]
    fn a_bound_bidi_override_or_zero_width_key_is_shown_visibly() {
        let override_key = Key::parse("\u{202e}").expect("one character is a key");
        assert_eq!(override_key.label(), "<U+202E>");
        let joiner = Key::parse("\u{200d}").expect("one character is a key");
        assert_eq!(joiner.label(), "<U+200D>");
        let keymap = Keymap::with_bindings(&[("quit", vec![override_key])]);
        let hint = keymap
            .hints(Context::Main)
            .find(|(command, _)| command.name == "quit")
            .map(|(_, label)| label);
        assert_eq!(hint.as_deref(), Some("<U+202E>"));
    }
}
