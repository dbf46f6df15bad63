//! Finds where a value stands in a YAML file, by its path (`announcements[2].partners[0]`).
//! serde_yaml keeps no positions once a file is deserialised, so checks made afterwards
//! (duplicate ids, dangling references, impossible dates) name a path, and this module
//! walks the file's event stream once more to turn each path into a line and a column.
//! It runs only for files that have problems, so a valid dataset pays nothing for it.

use std::collections::{HashMap, HashSet};
use std::fmt;

use yaml_rust2::parser::{Event, Parser};

/// One step of a path into a document: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Step {
    Key(&'static str),
    Index(usize),
}

/// A path from a document's root to a value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct FieldPath(pub Vec<Step>);

impl FieldPath {
    pub(crate) fn key(&self, key: &'static str) -> FieldPath {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key));
        FieldPath(steps)
    }

    pub(crate) fn index(&self, index: usize) -> FieldPath {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        FieldPath(steps)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (position, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(key) if position == 0 => write!(formatter, "{key}")?,
                Step::Key(key) => write!(formatter, ".{key}")?,
                Step::Index(index) => write!(formatter, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Where each path's value starts (1-based line and column); a path not found in the file
/// (the file changed, or the value is absent) is left out.
pub(crate) fn locate(text: &str, paths: &[&FieldPath]) -> HashMap<FieldPath, (usize, usize)> {
    let wanted: HashSet<&FieldPath> = paths.iter().copied().collect();
    // Every key a wanted path names, by depth: looked up for each key of the file, so
    // thousands of problems cost no more per key than one.
    let mut keys: HashMap<(usize, &str), &'static str> = HashMap::new();
    for path in &wanted {
        for (depth, step) in path.0.iter().enumerate() {
            if let Step::Key(name) = step {
                keys.insert((depth, name), name);
            }
        }
    }
    let mut found = HashMap::new();
    let mut parser = Parser::new_from_str(text);
    let mut frames: Vec<Frame> = Vec::new();
    let mut current = FieldPath::default();
    while let Ok((event, marker)) = parser.next_token() {
        let step = match &event {
            Event::Scalar(..)
            | Event::Alias(_)
            | Event::MappingStart(..)
            | Event::SequenceStart(..) => {
                match frames.last_mut() {
                    None => None,
                    Some(Frame {
                        state: State::Item(next),
                        ..
                    }) => {
                        *next += 1;
                        Some(Step::Index(*next - 1))
                    }
                    Some(Frame {
                        state: state @ State::Value(_),
                        ..
                    }) => {
                        let State::Value(key) = std::mem::replace(state, State::Key) else {
                            unreachable!("matched as a value just above")
                        };
                        Some(Step::Key(intern(&keys, current.0.len(), &key)))
                    }
                    Some(Frame {
                        state: state @ State::Key,
                        ..
                    }) => {
                        if let Event::Scalar(key, ..) = &event {
                            *state = State::Value(key.clone());
                            continue;
                        }
                        // An alias or a complex key: its value will match no wanted path.
                        *state = State::Value(String::new());
                        if matches!(event, Event::Alias(_)) {
                            continue;
                        }
                        Some(Step::Key(""))
                    }
                }
            }
            _ => None,
        };
        let pushed = step.is_some();
        if let Some(step) = step {
            current.0.push(step);
            if wanted.contains(&current) {
                found
                    .entry(current.clone())
                    .or_insert((marker.line(), marker.col() + 1));
            }
        }
        match event {
            Event::MappingStart(..) => frames.push(Frame {
                state: State::Key,
                pushed,
            }),
            Event::SequenceStart(..) => frames.push(Frame {
                state: State::Item(0),
                pushed,
            }),
            Event::MappingEnd | Event::SequenceEnd
                if frames.pop().is_some_and(|frame| frame.pushed) =>
            {
                current.0.pop();
            }
            Event::Scalar(..) | Event::Alias(_) if pushed => {
                current.0.pop();
            }
            Event::StreamEnd => break,
            _ => {}
        }
        if found.len() == wanted.len() {
            break;
        }
    }
    found
}

/// An open container, and whether entering it added a step to the current path.
struct Frame {
    state: State,
    pushed: bool,
}

enum State {
    /// A mapping waiting for a key.
    Key,
    /// A mapping whose next node is the value of this key.
    Value(String),
    /// A sequence, with the index of its next item.
    Item(usize),
}

/// Paths name keys with `&'static str`; a key read from the file is matched to the wanted
/// key spelled the same at that depth, or to "" when no wanted path names it.
fn intern(keys: &HashMap<(usize, &str), &'static str>, depth: usize, key: &str) -> &'static str {
    keys.get(&(depth, key)).copied().unwrap_or("")
}

/// A better position than serde_yaml's for the errors it places at the start of the
/// enclosing record rather than at their cause: a duplicated field or key is placed at the
/// second occurrence, a tab in indentation at the tab. Any other error keeps `at`.
pub(crate) fn refine(text: &str, message: &str, at: (usize, usize)) -> (usize, usize) {
    if message.contains("duplicate field") || message.contains("duplicate key") {
        duplicate_key(text, at).unwrap_or(at)
    } else if message.contains("found a tab") {
        tab_from_line(text, at.0).unwrap_or(at)
    } else {
        at
    }
}

/// The first key written twice in a mapping that starts at or after `from`.
fn duplicate_key(text: &str, from: (usize, usize)) -> Option<(usize, usize)> {
    enum Open {
        Mapping {
            watched: bool,
            key_next: bool,
            keys: HashSet<String>,
        },
        Sequence,
    }
    let mut parser = Parser::new_from_str(text);
    let mut open: Vec<Open> = Vec::new();
    while let Ok((event, marker)) = parser.next_token() {
        let position = (marker.line(), marker.col() + 1);
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::Alias(_)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
        );
        if is_node
            && let Some(Open::Mapping {
                watched,
                key_next,
                keys,
            }) = open.last_mut()
        {
            let is_key = std::mem::replace(key_next, !*key_next);
            if is_key
                && *watched
                && let Event::Scalar(key, ..) = &event
                && !keys.insert(key.clone())
            {
                return Some(position);
            }
        }
        match event {
            Event::MappingStart(..) => open.push(Open::Mapping {
                watched: position >= from,
                key_next: true,
                keys: HashSet::new(),
            }),
            Event::SequenceStart(..) => open.push(Open::Sequence),
            Event::MappingEnd | Event::SequenceEnd => {
                open.pop();
            }
            Event::StreamEnd => break,
            _ => {}
        }
    }
    None
}

/// The first tab at or after the start of `line` (1-based), as a line and a column.
fn tab_from_line(text: &str, line: usize) -> Option<(usize, usize)> {
    text.split('\n')
        .enumerate()
        .skip(line.saturating_sub(1))
        .find_map(|(index, content)| {
            let column = content.chars().position(|character| character == '\t')?;
            Some((index + 1, column + 1))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
announcements:
  - id: first
    partners:
      - institution: a
      - institution: b
  - id: second
    partners: [{institution: c}]
";

    #[test]
    fn finds_values_by_path() {
        let root = FieldPath::default().key("announcements");
        let second_id = root.index(1).key("id");
        let dangling = root.index(0).key("partners").index(1).key("institution");
        let flow = root.index(1).key("partners").index(0).key("institution");
        let found = locate(TEXT, &[&second_id, &dangling, &flow]);
        assert_eq!(found.get(&second_id), Some(&(6, 9)));
        assert_eq!(found.get(&dangling), Some(&(5, 22)));
        assert_eq!(found.get(&flow), Some(&(7, 30)));
    }

    #[test]
    fn displays_paths_as_serde_yaml_does() {
        let path = FieldPath::default()
            .key("people")
            .index(3)
            .key("roles")
            .index(0);
        assert_eq!(path.to_string(), "people[3].roles[0]");
    }

    #[test]
    fn leaves_out_paths_that_are_not_there() {
        let missing = FieldPath::default().key("institutions").index(9);
        assert!(locate(TEXT, &[&missing]).is_empty());
    }
}
