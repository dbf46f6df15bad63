//! Settings: the explorer's theme and keys, from an optional TOML file, the environment and
//! the command line.
//!
//! # Precedence
//!
//! This is the one place it is decided, in [`resolve`]; highest first:
//!
//! 1. **the command line**: `--theme dark|light|monochrome` (and `--config PATH` says which
//!    file to read);
//! 2. **the environment**: `NO_COLOR` with any non-empty value forces `monochrome`;
//! 3. **the settings file**: `theme = "…"` and the `[keys]` table;
//! 4. **the defaults**: `dark`, and the keys of the command table ([`keymap::BINDINGS`]).
//!
//! Keys are set only by the file; a command the file rebinds has exactly the keys listed
//! there (its defaults are dropped), every other command keeps its defaults, except that a
//! key the file gives leaves the defaults of any other command that works in one of the same
//! places: user bindings win, so a key that becomes a default later never breaks a file.
//!
//! # The file
//!
//! `--config PATH` when given (then a missing file is an error); otherwise
//! `$XDG_CONFIG_HOME/accords/config.toml`, else `$HOME/.config/accords/config.toml` (on
//! Windows `%APPDATA%\accords\config.toml`), and no file there simply means the defaults.
//! `accords config --default` prints a commented file with every command and its default
//! keys, generated from the command table.
//!
//! ```toml
//! theme = "light"
//!
//! [keys]
//! filter = ["/", "f"]
//! quit = ["q", "ctrl-q"]
//! ```
//!
//! A file that is wrong gives one `FILE:LINE:COLUMN: message` per problem, as a dataset does:
//! TOML syntax, unknown fields, a theme that does not exist, an unknown command, a key that
//! cannot be read, and a key the file gives to two commands that work in one place. Only the explorer and
//! `accords config` read settings.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use strum::VariantArray as _;
use toml::Spanned;

use crate::dataset::Diagnostic;
use crate::dataset::read::{Lines, describe_io_error, line_column, read_bounded};
use crate::sanitize::sanitize;

pub mod keymap;
mod theme;

use keymap::{BINDINGS, Binding, KEY_SYNTAX, Key, KeyError, Keymap, context_name};
pub(crate) use theme::ThemeName;

/// A settings file larger than this is refused: a real one is a few lines.
pub(crate) const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The settings in force.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub(crate) theme: ThemeName,
    /// Where the theme came from, for `accords config`.
    pub(crate) theme_source: Source,
    pub keymap: Keymap,
    /// The settings file that was read, if any.
    pub file: Option<PathBuf>,
}

/// Which of the four sources a setting came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Source {
    CommandLine,
    Environment,
    File,
    #[default]
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(match self {
            Source::CommandLine => "the command line (--theme)",
            Source::Environment => "the environment (NO_COLOR)",
            Source::File => "the settings file",
            Source::Default => "the default",
        })
    }
}

/// A settings file, read and checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSettings {
    pub(crate) path: PathBuf,
    pub(crate) theme: Option<ThemeName>,
    /// The commands the file rebinds, by name, with their new keys, in file order.
    pub(crate) keys: Vec<(&'static str, Vec<Key>)>,
}

/// Applies the precedence above: command line, then environment, then file, then defaults.
/// `no_color` is whether `NO_COLOR` holds a non-empty value. The file's bindings were checked
/// when it was read ([`parse`]), so they are applied as they are.
pub fn resolve(
    command_line_theme: Option<ThemeName>,
    no_color: bool,
    file: Option<&FileSettings>,
) -> Settings {
    let (theme, theme_source) = if let Some(theme) = command_line_theme {
        (theme, Source::CommandLine)
    } else if no_color {
        (ThemeName::Monochrome, Source::Environment)
    } else if let Some(theme) = file.and_then(|file| file.theme) {
        (theme, Source::File)
    } else {
        (ThemeName::default(), Source::Default)
    };
    let keymap = Keymap::with_bindings(file.map_or(&[][..], |file| &file.keys));
    Settings {
        theme,
        theme_source,
        keymap,
        file: file.map(|file| file.path.clone()),
    }
}

/// Whether `NO_COLOR` asks for no colour: set, and not empty (<https://no-color.org>).
pub(crate) fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

/// The settings in force for this process: reads the file (`explicit`, or the usual place)
/// and the environment, and resolves them with the command line's theme.
pub fn settings(
    explicit: Option<&Path>,
    command_line_theme: Option<ThemeName>,
) -> Result<Settings, ConfigError> {
    let file = load(explicit)?;
    Ok(resolve(
        command_line_theme,
        no_color_requested(),
        file.as_ref(),
    ))
}

/// Where the settings file is looked for when `--config` is not given.
pub(crate) fn default_path() -> Option<PathBuf> {
    let non_empty = |name| std::env::var_os(name).filter(|value| !value.is_empty());
    let base = if cfg!(windows) {
        non_empty("APPDATA").map(PathBuf::from)
    } else {
        non_empty("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|path| path.is_absolute())
            .or_else(|| non_empty("HOME").map(|home| PathBuf::from(home).join(".config")))
    };
    base.map(|base| base.join("accords").join("config.toml"))
}

/// Why the settings could not be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The file given with `--config` is missing, or a settings file cannot be read.
    #[error("settings file {}: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },
    /// The file was read and is wrong; every problem found, in file order.
    #[error("{} problem(s) in the settings file", problems.len())]
    Invalid { problems: Vec<Diagnostic> },
}

/// Reads the settings file: `explicit` if given (missing is an error), else the one at
/// [`default_path`] if there is one (missing is fine: `Ok(None)`).
pub(crate) fn load(explicit: Option<&Path>) -> Result<Option<FileSettings>, ConfigError> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match default_path() {
            Some(path) if path.exists() => path,
            _ => return Ok(None),
        },
    };
    let unreadable = |reason: String| ConfigError::Unreadable {
        path: path.clone(),
        reason,
    };
    let metadata = std::fs::metadata(&path)
        .map_err(|error| unreadable(describe_io_error(&error, "no such file")))?;
    if metadata.is_dir() {
        return Err(unreadable(
            "is a directory; expected a TOML file".to_owned(),
        ));
    }
    // Bounded whatever the metadata says, and never a FIFO or a device: `--config
    // /dev/zero` would otherwise be read until memory runs out.
    let bytes = read_bounded(&path, MAX_FILE_BYTES).map_err(|error| {
        unreadable(match error {
            crate::dataset::LoadError::Unreadable { reason, .. } => reason,
            other => other.to_string(),
        })
    })?;
    let name = path.display().to_string();
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&error.as_bytes()[..at]).into_owned();
            let (line, column) = line_column(&valid, at);
            return Err(ConfigError::Invalid {
                problems: vec![Diagnostic {
                    file: name,
                    line,
                    column,
                    message: "not UTF-8 text; expected a TOML file in UTF-8".to_owned(),
                }],
            });
        }
    };
    parse(&name, &text)
        .map(|mut settings| {
            settings.path = path.clone();
            Some(settings)
        })
        .map_err(|problems| ConfigError::Invalid { problems })
}

/// The file as TOML describes it; spans are byte ranges, turned into lines and columns.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileContent {
    theme: Option<Spanned<ThemeName>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<KeyList>>,
}

/// `"j"` or `["j", "down"]`: each key with where it is written, when TOML says. Keys are
/// kept as text here, not read as [`Key`]s, so that every key that cannot be read is
/// reported with its place rather than the first alone (serde stops at its first error);
/// and a string-or-list needs its own visitor, as TOML's spans do not survive
/// `#[serde(untagged)]`.
#[derive(Debug)]
struct KeyList(Vec<(String, Option<Range<usize>>)>);

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<KeyList, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = KeyList;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a key or a list of keys, like \"j\" or [\"j\", \"down\"]")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<KeyList, E> {
                Ok(KeyList(vec![(key.to_owned(), None)]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut sequence: A) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = sequence.next_element::<Spanned<String>>()? {
                    let span = key.span();
                    keys.push((key.into_inner(), Some(span)));
                }
                Ok(KeyList(keys))
            }
        }
        deserializer.deserialize_any(ListVisitor)
    }
}

/// Reads a settings file's text, naming it `name` in diagnostics. Every problem found is
/// given, in file order; a TOML syntax or type error stops at the first.
pub fn parse(name: &str, text: &str) -> Result<FileSettings, Vec<Diagnostic>> {
    let lines = Lines::of(text);
    let at = |span: &Range<usize>, message: String| {
        let (line, column) = lines.line_column(span.start);
        Diagnostic {
            file: name.to_owned(),
            line,
            column,
            message,
        }
    };
    let content: FileContent = toml::from_str(text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        vec![at(&span, explain(error.message()))]
    })?;

    let mut problems = Vec::new();
    let mut keys: Vec<(&'static str, Vec<Key>)> = Vec::new();
    // Where each rebound key is written, for conflicts found once everything is bound.
    let mut written: Vec<(&'static str, Key, Range<usize>)> = Vec::new();
    let mut entries: Vec<_> = content.keys.into_iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    for (command_name, list) in entries {
        let name_span = command_name.span();
        let list_span = list.span();
        let Some(command) = keymap::binding_named(command_name.get_ref()) else {
            problems.push(at(&name_span, unknown_command(command_name.get_ref())));
            continue;
        };
        let list = list.into_inner().0;
        if list.is_empty() {
            problems.push(at(
                &list_span,
                format!(
                    "`{}` is given no key; expected at least one, like {}",
                    command.name(),
                    written_keys(command.keys)
                ),
            ));
            continue;
        }
        let mut bound = Vec::new();
        for (text_key, span) in list {
            let span = span.unwrap_or_else(|| list_span.clone());
            match text_key.parse::<Key>() {
                Ok(key) => {
                    if let Some(problem) = command.refuses(&key) {
                        problems.push(at(&span, problem));
                        continue;
                    }
                    if !bound.contains(&key) {
                        bound.push(key);
                        written.push((command.name(), key, span));
                    }
                }
                Err(KeyError::Unknown(text)) => problems.push(at(
                    &span,
                    format!(
                        "`{text}` is not a key for `{}`; expected {KEY_SYNTAX}",
                        command.name()
                    ),
                )),
                Err(error) => problems.push(at(&span, error.to_string())),
            }
        }
        keys.push((command.name(), bound));
    }

    // Conflicts among the keys the file gives: a key it gives takes the place of another
    // command's default key ([`Keymap::with_bindings`]), so only two keys of the file clash.
    let given: Vec<(&str, Key)> = written.iter().map(|(name, key, _)| (*name, *key)).collect();
    let keymap = Keymap::with_bindings(&keys);
    problems.extend(
        keymap
            .clashes(&given)
            .into_iter()
            .map(|clash| at(&written[clash.given].2, clash.message)),
    );
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(problems);
    }
    let theme = content.theme.map(Spanned::into_inner);
    Ok(FileSettings {
        path: PathBuf::from(name),
        theme,
        keys,
    })
}

/// TOML's messages, which already say what was expected, on one line.
fn explain(message: &str) -> String {
    message
        .trim_end()
        .replace('\n', " ")
        .replace("invalid type: ", "wrong type: ")
}

fn unknown_command(name: &str) -> String {
    let names: Vec<&str> = BINDINGS.iter().map(Binding::name).collect();
    let closest = crate::dataset::validate::closest(name, names.iter().copied(), 1);
    let suggestion = closest
        .first()
        .map(|close| format!("did you mean `{close}`? "))
        .unwrap_or_default();
    format!(
        "unknown command `{name}`; {suggestion}expected one of: {}",
        names.join(", ")
    )
}

/// Keys as the file writes them: `["k", "up"]`.
fn written_keys(keys: &[Key]) -> String {
    let keys: Vec<String> = keys
        .iter()
        .map(|key| toml_string(&key.to_config()))
        .collect();
    format!("[{}]", keys.join(", "))
}

/// A TOML basic string. Keys never hold control characters (`Key::parse` refuses them),
/// but may be a bidi override or a zero-width character: those are written as `\uXXXX`, so
/// `accords config` never sends one raw to the terminal, and the file reads back the same.
fn toml_string(text: &str) -> String {
    let mut written = String::from("\"");
    for character in text.chars() {
        match character {
            '\\' => written.push_str("\\\\"),
            '"' => written.push_str("\\\""),
            character if crate::sanitize::needs_placeholder(character) => {
                let _ = write!(written, "\\u{:04X}", character as u32);
            }
            character => written.push(character),
        }
    }
    written.push('"');
    written
}

/// A settings file for `theme` and `keymap`: every command of the table, with what it does
/// and where, and its keys. It reads back as exactly these settings.
pub(crate) fn render(theme: ThemeName, keymap: &Keymap, header: &str) -> String {
    let mut out = String::new();
    for line in header.lines() {
        let _ = writeln!(out, "# {line}");
    }
    let themes: Vec<&str> = ThemeName::VARIANTS
        .iter()
        .map(|theme| theme.as_str())
        .collect();
    let _ = writeln!(out);
    let _ = writeln!(out, "# {}", themes.join(", "));
    let _ = writeln!(out, "theme = {}", toml_string(theme.as_str()));
    let _ = writeln!(out);
    let _ = writeln!(out, "[keys]");
    for line in [
        "One line per command of the explorer: its keys, then what it does and where. A",
        "command listed here has exactly these keys; one left out keeps its defaults.",
        "A key is a character (\"j\", \"G\", \"/\"), a name (enter esc tab backtab up down",
        "left right home end pageup pagedown backspace delete insert space f1…f12), or either",
        "after ctrl- or alt- (\"ctrl-d\", \"alt-x\"). Where: main (the three panes), filter",
        "(typing a filter), or an overlay (contacts, help…).",
    ] {
        let _ = writeln!(out, "# {line}");
    }
    for command in BINDINGS {
        let contexts: Vec<String> = command
            .contexts
            .iter()
            .map(|context| context_name(*context))
            .collect();
        let _ = writeln!(out);
        let _ = writeln!(out, "# {} — {}", command.description, contexts.join(", "));
        let keys = keymap.keys_of(command);
        if keys.is_empty() {
            // Its default keys went to commands the file rebinds; left out, it reads back
            // the same way.
            let _ = writeln!(
                out,
                "# {} = {}  (no key: its default keys are given to other commands)",
                command.name(),
                written_keys(command.keys)
            );
        } else {
            let _ = writeln!(out, "{} = {}", command.name(), written_keys(keys));
        }
    }
    out
}

/// The default settings file: `accords config --default`.
pub(crate) fn default_file() -> String {
    let place = default_path().map_or_else(
        || "the path given with --config".to_owned(),
        |path| path.display().to_string(),
    );
    render(
        ThemeName::default(),
        &Keymap::default(),
        &format!(
            "accords settings, with every default. Save as {place}\n\
             (or anywhere, with --config PATH) and change what you like.\n\
             Precedence: command line (--theme) > environment (NO_COLOR forces monochrome)\n\
             > this file > defaults."
        ),
    )
}

/// The settings in force written as a settings file, which reads back as them, under a
/// header saying where they came from.
pub(crate) fn in_force_file(settings: &Settings) -> String {
    let read = settings.file.as_ref().map_or_else(
        || match default_path() {
            Some(path) => format!(
                "no settings file ({} does not exist)",
                sanitize(&path.display().to_string())
            ),
            None => "no settings file".to_owned(),
        },
        |path| format!("read from {}", sanitize(&path.display().to_string())),
    );
    let header = format!(
        "accords settings in force: {read}.\ntheme from {}.",
        settings.theme_source
    );
    render(settings.theme, &settings.keymap, &header)
}

#[cfg(test)]
mod tests {
    use super::*;
    use keymap::{Action, Context};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(character: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(character), KeyModifiers::NONE)
    }

    fn file(text: &str) -> FileSettings {
        parse("config.toml", text).unwrap_or_else(|problems| {
            panic!(
                "{}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
    }

    fn problems(text: &str) -> Vec<String> {
        parse("config.toml", text)
            .expect_err("the file is refused")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn the_command_line_beats_the_environment_beats_the_file_beats_the_default() {
        let light = file("theme = \"light\"\n");
        let dark = Some(ThemeName::Dark);
        assert_eq!(
            resolve(dark, true, Some(&light)).theme_source,
            Source::CommandLine
        );
        assert_eq!(resolve(dark, true, Some(&light)).theme, ThemeName::Dark);
        assert_eq!(
            resolve(None, true, Some(&light)).theme,
            ThemeName::Monochrome
        );
        assert_eq!(
            resolve(None, true, Some(&light)).theme_source,
            Source::Environment
        );
        assert_eq!(resolve(None, false, Some(&light)).theme, ThemeName::Light);
        assert_eq!(
            resolve(None, false, Some(&light)).theme_source,
            Source::File
        );
        assert_eq!(resolve(None, false, None).theme, ThemeName::Dark);
        assert_eq!(resolve(None, false, None).theme_source, Source::Default);
        // A file without a theme leaves the default.
        assert_eq!(
            resolve(None, false, Some(&file("[keys]\n"))).theme,
            ThemeName::Dark
        );
    }

    #[test]
    fn a_bidi_override_key_is_written_escaped_and_reads_back() {
        let settings = resolve(None, false, Some(&file("[keys]\nquit = [\"\\u202E\"]\n")));
        let written = render(settings.theme, &settings.keymap, "test");
        assert!(!written.contains('\u{202E}'), "written raw:\n{written}");
        assert!(written.contains("quit = [\"\\u202E\"]"), "{written}");
        let again = resolve(None, false, Some(&file(&written)));
        assert_eq!(again.keymap, settings.keymap);
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        let settings = resolve(None, false, Some(&file("")));
        assert_eq!(settings.keymap, Keymap::default());
        assert_eq!(settings.theme, ThemeName::Dark);
    }

    #[test]
    fn rebinding_changes_what_keys_do_and_what_the_hints_say() {
        let settings = resolve(
            None,
            false,
            Some(&file(
                "[keys]\nfilter = [\"f\", \"ctrl-f\"]\nquit = [\"q\", \"ctrl-q\"]\ndown = \"n\"\n",
            )),
        );
        let keymap = &settings.keymap;
        assert_eq!(
            keymap.action_for(Context::Main, &press('f')),
            Some(Action::StartFilter)
        );
        assert_eq!(keymap.action_for(Context::Main, &press('/')), None);
        assert_eq!(
            keymap.action_for(Context::Main, &press('n')),
            Some(Action::Down)
        );
        assert_eq!(keymap.action_for(Context::Main, &press('j')), None);
        assert_eq!(
            keymap.action_for(
                Context::Main,
                &KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        let hints: Vec<String> = keymap
            .hints(Context::Main)
            .map(|(command, label)| format!("{label} {}", command.hint.unwrap_or_default()))
            .collect();
        assert!(hints.contains(&"f/Ctrl-f filter".to_owned()), "{hints:?}");
        assert!(hints.contains(&"n move".to_owned()), "{hints:?}");
        assert!(hints.contains(&"q/Ctrl-q quit".to_owned()), "{hints:?}");
        // Commands the file leaves out keep their keys.
        assert_eq!(
            keymap.action_for(Context::Main, &press('c')),
            Some(Action::Contacts)
        );
    }

    #[test]
    fn a_toml_syntax_error_is_placed() {
        let found = problems("theme = \"dark\"\n[keys]\nfilter = [\"/\", \n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("config.toml:3:15: unclosed array"),
            "{found:?}"
        );
        let found = problems("theme = dark\n");
        assert!(found[0].starts_with("config.toml:1:9: "), "{found:?}");
    }

    #[test]
    fn an_unknown_field_is_an_error_at_its_line_and_column() {
        let found = problems("# settings\n  colour = \"dark\"\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("config.toml:2:3: unknown field `colour`"),
            "{found:?}"
        );
    }

    #[test]
    fn an_unknown_theme_names_the_themes() {
        let found = problems("theme = \"blue\"\n");
        assert!(found[0].starts_with("config.toml:1:9: "), "{found:?}");
        assert!(
            found[0].contains("`dark`") && found[0].contains("`monochrome`"),
            "{found:?}"
        );
    }

    #[test]
    fn an_unknown_command_names_the_expected_ones() {
        let found = problems("[keys]\nfliter = [\"f\"]\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .starts_with("config.toml:2:1: unknown command `fliter`; did you mean `filter`?"),
            "{found:?}"
        );
        assert!(found[0].contains("force-quit"), "{found:?}");
    }

    #[test]
    fn an_unreadable_key_says_what_a_key_is() {
        let found = problems("[keys]\nquit = [\"q\", \"ctrl+\"]\nhelp = \"\"\n");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with("config.toml:2:14: `ctrl+` is not a key for `quit`; expected"),
            "{found:?}"
        );
        assert!(found[0].contains("ctrl-"), "{found:?}");
        assert!(found[1].starts_with("config.toml:3:8: "), "{found:?}");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let found = problems("# é\n[keys]\nquit = [\"é\", \"ctrl+\"]\n");
        assert!(found[0].starts_with("config.toml:3:14: "), "{found:?}");
    }

    #[test]
    fn a_key_the_file_gives_two_commands_is_refused() {
        let found = problems("[keys]\nfilter = [\"j\"]\ncontacts = [\"j\"]\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("config.toml:3:13: `j` would mean both `contacts` and `filter`"),
            "{found:?}"
        );
        assert!(
            found[0].contains("give one of them another key"),
            "{found:?}"
        );
        // Swapping two commands' keys is fine.
        file("[keys]\ndown = [\"k\"]\nup = [\"j\"]\n");
    }

    #[test]
    fn a_key_the_file_gives_leaves_another_commands_defaults_in_the_same_place() {
        // `j` is `down`'s default; the file's binding wins in main, contacts and people,
        // where both work, and `down` keeps its other default key.
        let settings = resolve(None, false, Some(&file("[keys]\nfilter = [\"j\"]\n")));
        let keymap = &settings.keymap;
        assert_eq!(
            keymap.action_for(Context::Main, &press('j')),
            Some(Action::StartFilter)
        );
        assert_eq!(
            keymap.action_for(Context::Main, &KeyEvent::from(KeyCode::Down)),
            Some(Action::Down)
        );
        let down = keymap::binding_named("down").expect("a command");
        assert_eq!(keymap.label(down), "↓");
        // `accords config` shows the result, and it reads back as itself.
        let rendered = render(settings.theme, keymap, "test");
        assert!(rendered.contains("\ndown = [\"down\"]\n"), "{rendered}");
        assert!(rendered.contains("\nfilter = [\"j\"]\n"), "{rendered}");
        let again = resolve(None, false, Some(&file(&rendered)));
        assert_eq!(&again.keymap, keymap);
        // A command left with no key is written as a comment, which reads back the same.
        let settings = resolve(None, false, Some(&file("[keys]\nfilter = [\"f\"]\n")));
        let rendered = render(settings.theme, &settings.keymap, "test");
        assert!(
            rendered.contains("\n# link-hints = [\"f\"]  (no key"),
            "{rendered}"
        );
        let again = resolve(None, false, Some(&file(&rendered)));
        assert_eq!(again.keymap, settings.keymap);
    }

    #[test]
    fn a_letter_given_to_a_paging_command_still_loads_and_types_labels_in_link_hints() {
        // Paging works while links wear labels, where letters type labels: a file that
        // pages with a letter, valid before link hints existed, stays valid.
        let settings = resolve(
            None,
            false,
            Some(&file("[keys]\nhalf-page-down = [\"d\", \"ctrl-d\"]\n")),
        );
        let keymap = &settings.keymap;
        assert_eq!(
            keymap.action_for(Context::Main, &press('d')),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            keymap.action_for(Context::Hints, &press('d')),
            Some(Action::HintInput('d'))
        );
        assert_eq!(
            keymap.action_for(
                Context::Hints,
                &KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL)
            ),
            Some(Action::HalfPageDown)
        );
    }

    /// The settings file the README shows, as it is written there.
    fn readme_example() -> String {
        let readme = include_str!("../README.md");
        let start = readme
            .find("```toml\ntheme = \"light\"")
            .expect("the README shows a settings file");
        let body = &readme[start + "```toml\n".len()..];
        body[..body.find("```").expect("the example ends")].to_owned()
    }

    #[test]
    fn the_readme_example_still_loads_and_its_keys_work() {
        let example = readme_example();
        let settings = resolve(None, false, Some(&file(&example)));
        let keymap = &settings.keymap;
        assert_eq!(settings.theme, ThemeName::Light);
        for (character, action) in [
            ('f', Action::StartFilter),
            ('/', Action::StartFilter),
            ('n', Action::Down),
            ('q', Action::Quit),
        ] {
            assert_eq!(
                keymap.action_for(Context::Main, &press(character)),
                Some(action),
                "{character}"
            );
        }
    }

    #[test]
    fn a_plain_character_cannot_take_a_key_of_the_filter_line() {
        let found = problems("[keys]\nfilter-accept = [\"a\"]\n");
        assert!(
            found[0].starts_with("config.toml:2:18: `a` could no longer be typed"),
            "{found:?}"
        );
        file("[keys]\nfilter-accept = [\"enter\", \"ctrl-a\"]\n");
    }

    #[test]
    fn an_empty_list_is_refused() {
        let found = problems("[keys]\nquit = []\n");
        assert!(
            found[0].starts_with("config.toml:2:8: `quit` is given no key"),
            "{found:?}"
        );
    }

    #[test]
    fn the_default_file_reads_back_as_the_defaults_and_lists_every_command() {
        let text = default_file();
        let settings = resolve(None, false, Some(&file(&text)));
        assert_eq!(settings.keymap, Keymap::default());
        assert_eq!(settings.theme, ThemeName::Dark);
        for command in BINDINGS {
            assert!(
                text.contains(&format!("\n{} = [", command.name())),
                "`{}` is missing",
                command.name()
            );
        }
    }

    #[test]
    fn rendered_settings_read_back_as_themselves() {
        let original = resolve(
            None,
            false,
            Some(&file(
                "theme = \"light\"\n[keys]\nfilter = [\"f\", \"alt-/\"]\nup = [\"\\\\\", \"up\"]\n",
            )),
        );
        let text = render(original.theme, &original.keymap, "test");
        let again = resolve(None, false, Some(&file(&text)));
        assert_eq!(again.keymap, original.keymap);
        assert_eq!(again.theme, ThemeName::Light);
    }

    #[test]
    fn a_missing_explicit_file_is_an_error_but_no_file_at_all_is_not() {
        let missing = Path::new("/nonexistent/accords/config.toml");
        assert!(matches!(
            load(Some(missing)),
            Err(ConfigError::Unreadable { .. })
        ));
    }
}
