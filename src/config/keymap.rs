//! The one table of commands: which keys do what, in which context, and how each is
//! described. The help overlay, the status line's hints and the settings file are all drawn
//! from it, so they never disagree with what the keys do.

use std::collections::BTreeMap;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a person asks the explorer to do. A command's stable name, which the settings file
/// rebinds it by (`filter = ["/", "f"]`), is its action's: lower case, words joined by `-`.
/// Never rename one (the `serialize` attributes keep the names settings files out there use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
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
    #[strum(serialize = "filter")]
    StartFilter,
    FilterInput(char),
    FilterBackspace,
    #[strum(serialize = "filter-delete-word")]
    FilterClearWord,
    FilterAccept,
    /// Move the selection while the filter line has the keyboard.
    FilterDown,
    FilterUp,
    /// Take the filter's spelling suggestion.
    #[strum(serialize = "filter-suggestion")]
    TakeSuggestion,
    /// The focused list's next order.
    #[strum(serialize = "sort")]
    CycleOrder,
    Contacts,
    #[strum(serialize = "copy")]
    CopyMenu,
    Copy(char),
    #[strum(serialize = "mouse")]
    ToggleMouse,
    Help,
    Escape,
    Quit,
    ForceQuit,
    #[strum(serialize = "show-all")]
    ClearNarrowing,
    /// Show the world map in place of Details, or hide it.
    #[strum(serialize = "map")]
    ToggleMap,
    /// Zoom the map to Europe and back.
    #[strum(serialize = "zoom")]
    ToggleZoom,
    /// Everyone named in the releases, with their roles over time.
    People,
    /// Write the selected contact's vCard to a file.
    #[strum(serialize = "export-vcard")]
    ExportContact,
    /// Open the selected record's web link in the system browser.
    OpenLink,
    /// Open the release of the selected fact at its passage, or of the record at its top.
    #[strum(serialize = "source")]
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
    /// Whether it changes the filter's text, whose search the explorer runs once for a
    /// burst of them.
    pub(crate) fn edits_filter(self) -> bool {
        matches!(
            self,
            Action::FilterInput(_) | Action::FilterBackspace | Action::FilterClearWord
        )
    }

    /// The name the settings file gives the command doing it.
    pub(crate) fn name(self) -> &'static str {
        self.into()
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

/// A key as the settings file writes it (`"ctrl-d"`), read once where it enters: from
/// text with [`FromStr`], from a settings file with serde.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct Key {
    pub(crate) code: KeyCode,
    pub(crate) modifiers: KeyModifiers,
}

impl Key {
    const fn plain(code: KeyCode) -> Key {
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
}

/// One command's binding: its action, default keys, what it does, where it applies, and the
/// word the status line shows for it, if it is offered as a hint. Help and hints write the keys from the
/// [`Keymap`] in force (see [`Key::label`]), so a rebound key shows as rebound.
#[derive(Debug)]
pub struct Binding {
    pub(crate) action: Action,
    /// The default keys.
    pub keys: &'static [Key],
    /// The word the status line shows beside the key, when it is offered as a hint.
    pub hint: Option<&'static str>,
    pub description: &'static str,
    pub(crate) contexts: &'static [Context],
}

impl Binding {
    /// The stable name the settings file rebinds it by: its action's.
    pub fn name(&self) -> &'static str {
        self.action.name()
    }

    /// Why `key` cannot be one of its keys, if it cannot: a plain character given to a
    /// command that works while typing (the filter line) would stop that character being
    /// typed.
    pub(crate) fn refuses(&self, key: &Key) -> Option<String> {
        let plain = matches!(key.code, KeyCode::Char(_))
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let typing = self
            .contexts
            .iter()
            .find(|context| TYPING_CONTEXTS.contains(context))?;
        plain.then(|| {
            format!(
                "`{}` could no longer be typed in the {} line: `{}` works there; expected a key name or a ctrl- or alt- key ({KEY_SYNTAX})",
                key.to_config(),
                context_name(*typing),
                self.name()
            )
        })
    }
}

/// A default key of the table: a character (`'k'`), a key code (`Up`), or `(ctrl 'u')`.
macro_rules! default_key {
    ((ctrl $character:literal)) => {
        Key::ctrl($character)
    };
    ($character:literal) => {
        Key::plain(KeyCode::Char($character))
    };
    ($code:ident) => {
        Key::plain(KeyCode::$code)
    };
}

/// The word a command is offered by in the status line's hints, `_` for none.
macro_rules! hint {
    (_) => {
        None
    };
    ($word:literal) => {
        Some($word)
    };
}

/// The command table, one line per command: action, default keys, hint, description,
/// contexts. The order is the help's and the settings file's.
macro_rules! bindings {
    ($($action:ident, [$($key:tt)*], $hint:tt, $description:literal, [$($context:ident)*];)*) => {
        pub const BINDINGS: &[Binding] = &[$(
            Binding {
                action: Action::$action,
                keys: &[$(default_key!($key)),*],
                hint: hint!($hint),
                description: $description,
                contexts: &[$(Context::$context),*],
            },
        )*];
    };
}

bindings! {
    Up,                [Up 'k'],          _,          "move up (in Details: previous link)", [Main Contacts People Help];
    Down,              [Down 'j'],        "move",     "move down (in Details: next link)", [Main Contacts People Help];
    Top,               ['g' Home],        _,          "first row", [Main Contacts People Help Source];
    Bottom,            ['G' End],         _,          "last row", [Main Contacts People Help Source];
    PageUp,            [PageUp],          _,          "page up", [Main Contacts People Help Source Hints];
    PageDown,          [PageDown],        _,          "page down", [Main Contacts People Help Source Hints];
    HalfPageUp,        [(ctrl 'u')],      _,          "half a page up", [Main Contacts People Help Source Hints];
    HalfPageDown,      [(ctrl 'd')],      _,          "half a page down", [Main Contacts People Help Source Hints];
    NextPane,          [Tab Right],       "pane",     "next pane", [Main];
    PreviousPane,      [BackTab Left],    _,          "previous pane", [Main];
    FocusTimeline,     ['1'],             _,          "focus Timeline", [Main];
    FocusInstitutions, ['2'],             _,          "focus Institutions", [Main];
    FocusDetails,      ['3'],             _,          "focus Details", [Main];
    Open,              [Enter],           "open",     "follow the link / open in Details", [Main Contacts People];
    LinkHints,         ['f'],             "follow",   "label Details' links; type a label to follow it", [Main];
    Back,              ['['],             "back",     "back through followed links", [Main];
    Forward,           [']'],             _,          "forward through followed links", [Main];
    StartFilter,       ['/'],             "filter",   "filter (fzf syntax)", [Main Contacts People Help];
    FilterAccept,      [Enter],           "keep",     "keep the filter", [Filter];
    FilterDown,        [Down (ctrl 'n')], _,          "move the selection down while typing", [Filter];
    FilterUp,          [Up (ctrl 'p')],   _,          "move the selection up while typing", [Filter];
    TakeSuggestion,    [Tab],             _,          "take the suggested spelling", [Filter];
    FilterBackspace,   [Backspace],       _,          "delete a character", [Filter];
    FilterClearWord,   [(ctrl 'w')],      _,          "delete a word", [Filter];
    CycleOrder,        ['S'],             _,          "cycle the focused list's order", [Main];
    Contacts,          ['c'],             "contacts", "press contacts", [Main];
    People,            ['p'],             _,          "people and their roles over time", [Main];
    ExportContact,     ['e'],             _,          "write the selected contact's vCard to a file", [Main Contacts];
    OpenLink,          ['o'],             _,          "open the selected record's web link in the browser", [Main Contacts People];
    ShowSource,        ['s'],             _,          "the release: at the selected fact's passage, or at its top", [Main];
    NextPassage,       ['n'],             "next",     "in the release: next passage of the record", [Source];
    PreviousPassage,   ['N'],             "previous", "in the release: previous passage of the record", [Source];
    ScrollDown,        [Down 'j'],        "scroll",   "in the release: scroll down a line", [Source];
    ScrollUp,          [Up 'k'],          _,          "in the release: scroll up a line", [Source];
    ToggleMap,         ['w'],             _,          "world map in place of Details (again: hide)", [Main];
    ToggleZoom,        ['z'],             _,          "zoom the map to Europe and back", [Main];
    CopyMenu,          ['y'],             "copy",     "copy…", [Main Contacts People];
    ClearNarrowing,    ['x'],             _,          "show every announcement again", [Main];
    ToggleMouse,       ['m'],             _,          "toggle mouse capture (for text selection)", [Main Contacts People];
    Help,              ['?'],             "help",     "help", [Main Contacts People];
    Escape,            [Esc],             "back out", "close / clear the filter / clear narrowing", [Main Filter Contacts People CopyMenu Help Source Hints];
    Quit,              ['q'],             "quit",     "close the overlay; quit", [Main Contacts People CopyMenu Help Source];
    Suspend,           [(ctrl 'z')],      _,          "suspend to the shell (fg resumes)", [Main Filter Contacts People CopyMenu Help Source];
    ForceQuit,         [(ctrl 'c')],      _,          "quit from anywhere", [Main Filter Contacts People CopyMenu Help Source Hints];
}

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
pub(crate) fn binding_named(name: &str) -> Option<&'static Binding> {
    BINDINGS.iter().find(|command| command.name() == name)
}

/// Every context some command applies in, in table order.
pub(crate) fn contexts() -> Vec<Context> {
    let mut all: Vec<Context> = Vec::new();
    for command in BINDINGS {
        for context in command.contexts {
            if !all.contains(context) {
                all.push(*context);
            }
        }
    }
    all
}

/// How a context is named in messages: `main`, `filter`, `contacts`…
pub(crate) fn context_name(context: Context) -> String {
    format!("{context:?}").to_lowercase()
}

/// Contexts in which a plain character is text, not a command: binding one there would
/// stop that character being typed.
pub(crate) const TYPING_CONTEXTS: &[Context] = &[Context::Filter];

/// The keys in force: the command table's, with the settings file's rebindings. The run
/// loop, the status line's hints and the help overlay all read the same `Keymap`, so what is
/// shown is what the keys do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// Per command of [`BINDINGS`], in table order.
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    /// The command table's own keys.
    fn default() -> Keymap {
        Keymap {
            keys: BINDINGS
                .iter()
                .map(|command| command.keys.to_vec())
                .collect(),
        }
    }
}

/// Two commands that would share a key in one context.
#[derive(Debug, Clone)]
pub(crate) struct Conflict {
    pub(crate) context: Context,
    pub(crate) key: Key,
    pub(crate) first: &'static Binding,
    pub(crate) second: &'static Binding,
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
            if let Some(position) = BINDINGS.iter().position(|command| command.name() == *name) {
                keymap.keys[position] = keys.clone();
                bound.push(position);
            }
        }
        for &position in &bound {
            let command = &BINDINGS[position];
            for key in keymap.keys[position].clone() {
                for (other, other_command) in BINDINGS.iter().enumerate() {
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
    pub(crate) fn keys_of(&self, command: &Binding) -> &[Key] {
        BINDINGS
            .iter()
            .position(|entry| entry.action == command.action)
            .map_or(&[], |position| &self.keys[position])
    }

    /// A command's keys as help and hints write them: `↑/k`, `Ctrl-u`, `S-Tab`.
    pub(crate) fn label(&self, command: &Binding) -> String {
        label(self.keys_of(command))
    }

    /// The keys of the first command that does `action`, as help writes them; for messages
    /// that name a key ("x shows all").
    pub(crate) fn label_of(&self, action: Action) -> String {
        BINDINGS
            .iter()
            .find(|command| command.action == action)
            .map_or_else(String::new, |command| self.label(command))
    }

    /// Every command of the table with its keys as written, in table order: the help.
    pub fn commands(&self) -> impl Iterator<Item = (&'static Binding, String)> + '_ {
        BINDINGS
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
        let found = BINDINGS
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
    pub fn hints(&self, context: Context) -> impl Iterator<Item = (&'static Binding, String)> + '_ {
        BINDINGS
            .iter()
            .filter(move |command| command.hint.is_some() && command.contexts.contains(&context))
            .map(|command| (command, self.label(command)))
    }

    /// Keys that would mean two things in one context, each pair once.
    pub(crate) fn conflicts(&self) -> Vec<Conflict> {
        let mut found = Vec::new();
        for context in contexts() {
            let commands: Vec<(usize, &Binding)> = BINDINGS
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

/// A key a settings file gives that would mean two commands in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Clash {
    /// Which of the keys given it is, by position.
    pub(crate) given: usize,
    pub(crate) message: String,
}

impl Keymap {
    /// The keys a settings file gives (`given`: each command's name and key, in file order)
    /// that would mean two commands in one context, once per key and other command. A key it
    /// gives takes the place of another command's default key ([`Keymap::with_bindings`]),
    /// so only two keys the file gives can clash.
    pub(crate) fn clashes(&self, given: &[(&str, Key)]) -> Vec<Clash> {
        // (the key given, the two commands) → the key and the contexts they share.
        let mut clashes: BTreeMap<(usize, &str, &str), (Key, Vec<String>)> = BTreeMap::new();
        for conflict in self.conflicts() {
            let place = |name: &str| {
                given
                    .iter()
                    .position(|(command, key)| *command == name && *key == conflict.key)
            };
            let (first, second) = (conflict.first.name(), conflict.second.name());
            let (position, here, other) = match (place(second), place(first)) {
                (Some(position), _) => (position, second, first),
                (None, Some(position)) => (position, first, second),
                // Both keys are defaults; the table's own test forbids that.
                (None, None) => continue,
            };
            clashes
                .entry((position, here, other))
                .or_insert_with(|| (conflict.key, Vec::new()))
                .1
                .push(context_name(conflict.context));
        }
        clashes
            .into_iter()
            .map(|((position, here, other), (key, contexts))| {
                let rebound = given.iter().any(|(command, _)| *command == other);
                let advice = if rebound {
                    "give one of them another key".to_owned()
                } else {
                    format!("choose another key, or rebind `{other}` too")
                };
                Clash {
                    given: position,
                    message: format!(
                        "`{}` would mean both `{here}` and `{other}` (in {}); {advice}",
                        key.to_config(),
                        contexts.join(", ")
                    ),
                }
            })
            .collect()
    }
}

/// Keys as help writes them, joined by `/` (`↑/k`), or by `,` or a space when one of the
/// keys is itself `/` (`f,/`).
pub(crate) fn label(keys: &[Key]) -> String {
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
pub(crate) const KEY_SYNTAX: &str = "a character (\"j\", \"G\", \"/\"), a key name (enter esc tab backtab up down left right home end pageup pagedown backspace delete insert space f1…f12), or either after ctrl- or alt- (\"ctrl-d\", \"alt-x\")";

/// A key that cannot be read; each says what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("an empty key; expected {KEY_SYNTAX}")]
    Empty,
    #[error("`{0}` is not a key; expected {KEY_SYNTAX}")]
    Unknown(String),
}

impl FromStr for Key {
    type Err = KeyError;

    /// Reads a key as the settings file writes it: `j`, `G`, `/`, `enter`, `pagedown`,
    /// `f5`, `ctrl-d`, `alt-x`, `ctrl-alt-x`. Names and modifiers ignore case; a single
    /// character is itself (`g` and `G` differ).
    fn from_str(text: &str) -> Result<Key, KeyError> {
        if text.is_empty() {
            return Err(KeyError::Empty);
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
                    None => return Err(KeyError::Unknown(text.to_owned())),
                }
            }
        };
        Ok(Key { code, modifiers })
    }
}

impl TryFrom<String> for Key {
    type Error = KeyError;

    fn try_from(text: String) -> Result<Key, KeyError> {
        text.parse()
    }
}

impl Key {
    /// How the settings file writes this key; [`FromStr`] reads it back.
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
    pub(crate) fn label(&self) -> String {
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

    fn character(character: char) -> Key {
        Key::plain(KeyCode::Char(character))
    }

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
                    conflict.first.name(),
                    conflict.second.name(),
                    conflict.key.label(),
                    conflict.context
                ))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn every_command_has_a_unique_lower_case_name() {
        for (position, command) in BINDINGS.iter().enumerate() {
            let name = command.name();
            assert!(
                !name.is_empty()
                    && name
                        .chars()
                        .all(|character| character.is_ascii_lowercase() || character == '-'),
                "`{name}` is not a lower-case name"
            );
            assert!(
                BINDINGS[position + 1..]
                    .iter()
                    .all(|other| other.name() != name),
                "two commands are named `{name}`"
            );
        }
    }

    #[test]
    fn command_names_stay_the_ones_settings_files_use() {
        let names: Vec<&str> = BINDINGS.iter().map(Binding::name).collect();
        assert_eq!(
            names.join(" "),
            "up down top bottom page-up page-down half-page-up half-page-down next-pane \
             previous-pane focus-timeline focus-institutions focus-details open link-hints back \
             forward filter filter-accept filter-down filter-up filter-suggestion \
             filter-backspace filter-delete-word sort contacts people export-vcard open-link \
             source next-passage previous-passage scroll-down scroll-up map zoom copy show-all \
             mouse help escape quit suspend force-quit"
        );
    }

    #[test]
    fn keys_deserialize_as_the_settings_file_writes_them() {
        #[derive(serde::Deserialize)]
        struct Keys {
            keys: Vec<Key>,
        }
        let read: Keys =
            toml::from_str("keys = [\"j\", \"ctrl-d\", \"pagedown\"]\n").expect("three keys");
        assert_eq!(
            read.keys,
            [
                character('j'),
                Key::ctrl('d'),
                Key::plain(KeyCode::PageDown)
            ]
        );
        let error = toml::from_str::<Keys>("keys = [\"j\", \"ctrl+\"]\n")
            .err()
            .expect("`ctrl+` is no key");
        assert!(
            error
                .message()
                .starts_with("`ctrl+` is not a key; expected"),
            "{error}"
        );
    }

    #[test]
    fn default_labels_read_as_before() {
        let keymap = Keymap::default();
        let label = |name| keymap.label(binding_named(name).expect("a command"));
        assert_eq!(label("up"), "↑/k");
        assert_eq!(label("top"), "g/Home");
        assert_eq!(label("previous-pane"), "S-Tab/←");
        assert_eq!(label("half-page-down"), "Ctrl-d");
        assert_eq!(label("filter-backspace"), "Bksp");
        assert_eq!(label("page-down"), "PgDn");
    }

    #[test]
    fn keys_read_back_as_written() {
        for command in BINDINGS {
            for key in command.keys {
                assert_eq!(
                    key.to_config().parse::<Key>(),
                    Ok(*key),
                    "{}",
                    key.to_config()
                );
            }
        }
        assert_eq!(
            "Ctrl-Q".parse::<Key>(),
            Ok(Key {
                code: KeyCode::Char('q'),
                modifiers: KeyModifiers::CONTROL
            })
        );
        assert_eq!("-".parse::<Key>(), Ok(character('-')));
        assert_eq!("ctrl--".parse::<Key>(), Ok(Key::ctrl('-')));
        assert_eq!("F5".parse::<Key>(), Ok(Key::plain(KeyCode::F(5))));
        assert_eq!("space".parse::<Key>(), Ok(character(' ')));
        assert_eq!("shift-tab".parse::<Key>(), Ok(Key::plain(KeyCode::BackTab)));
        for wrong in ["ctrl+", "ctrl-", "", "enterr", "f13", "ctrl+q"] {
            let error = wrong.parse::<Key>().expect_err(wrong);
            assert!(error.to_string().contains("expected"), "{error}");
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
        let keymap = Keymap::with_bindings(&[("filter", vec![character('f'), Key::ctrl('f')])]);
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
            .find(|(command, _)| command.name() == "filter")
            .map(|(_, label)| label);
        assert_eq!(hint.as_deref(), Some("f/Ctrl-f"));
        // `f` was link hints' default key: the file's binding wins, in Main where both work.
        let hints = binding_named("link-hints").expect("a command");
        assert!(keymap.keys_of(hints).is_empty());
        let keymap = Keymap::with_bindings(&[("filter", vec![character('f'), character('/')])]);
        assert_eq!(
            keymap.label(binding_named("filter").expect("a command")),
            "f,/"
        );
    }

    #[test]
    fn a_bound_bidi_override_or_zero_width_key_is_shown_visibly() {
        let override_key = "\u{202e}".parse::<Key>().expect("one character is a key");
        assert_eq!(override_key.label(), "<U+202E>");
        let joiner = "\u{200d}".parse::<Key>().expect("one character is a key");
        assert_eq!(joiner.label(), "<U+200D>");
        let keymap = Keymap::with_bindings(&[("quit", vec![override_key])]);
        let hint = keymap
            .hints(Context::Main)
            .find(|(command, _)| command.name() == "quit")
            .map(|(_, label)| label);
        assert_eq!(hint.as_deref(), Some("<U+202E>"));
    }
}
