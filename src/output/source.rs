//! `accords source`: a release's text with every passage of the dataset marked, so a
//! reader sees which of its words the dataset states as facts. Passages overlap (a claim
//! inside a figure's words, several partners named by one sentence): what is marked is
//! their union. The text is sanitised line by line like any other dataset text.

use serde_json::{Value, json};

use crate::dataset::Dataset;
use crate::dataset::provenance::Passage;
use crate::sanitize::sanitize;

/// How marked words are set apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marking {
    /// Bold and underlined, for a terminal.
    Styled,
    /// `>>` before and `<<` after, for a pipe or a file.
    Plain,
}

const STYLED_START: &str = "\x1b[1;4m";
const STYLED_END: &str = "\x1b[0m";

/// The byte ranges the passages cover, merged where they overlap or touch, in order.
pub(crate) fn marked_ranges(passages: &[Passage]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = passages
        .iter()
        .map(|passage| (passage.start, passage.end))
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// The release text of `announcement` with its passages marked, or `None` when the
/// dataset has no texts.
pub fn marked_text(dataset: &Dataset, announcement: usize, marking: Marking) -> Option<String> {
    let provenance = dataset.provenance();
    let text = provenance.text(announcement)?;
    let ranges = marked_ranges(provenance.passages(announcement));
    let mut out = String::with_capacity(text.len() + ranges.len() * 8);
    let mut inside = false;
    let mut next = ranges.iter().peekable();
    let mut offset = 0;
    // Line by line, so each line is sanitised alone and a terminal's styling never runs
    // past the end of a line.
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let line_end = offset + body.len();
        let mut cursor = offset;
        if inside && marking == Marking::Styled {
            out.push_str(STYLED_START);
        }
        loop {
            let boundary = if inside {
                next.peek().map(|range| range.1)
            } else {
                next.peek().map(|range| range.0)
            };
            let Some(boundary) = boundary.filter(|boundary| *boundary <= line_end) else {
                break;
            };
            out.push_str(&sanitize(&text[cursor..boundary]));
            cursor = boundary;
            if inside {
                out.push_str(match marking {
                    Marking::Styled => STYLED_END,
                    Marking::Plain => "<<",
                });
                next.next();
            } else {
                out.push_str(match marking {
                    Marking::Styled => STYLED_START,
                    Marking::Plain => ">>",
                });
            }
            inside = !inside;
        }
        out.push_str(&sanitize(&text[cursor..line_end]));
        if inside && marking == Marking::Styled {
            out.push_str(STYLED_END);
        }
        if line.len() > body.len() {
            out.push('\n');
        }
        offset += line.len();
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Some(out)
}

/// The JSON document: the announcement, its file, its text and every passage, in the
/// order they stand in the text, with 1-based line and column.
pub(crate) fn json(dataset: &Dataset, announcement: usize) -> Option<Value> {
    let provenance = dataset.provenance();
    let text = provenance.text(announcement)?;
    let mut passages: Vec<&Passage> = provenance.passages(announcement).iter().collect();
    passages.sort_by_key(|passage| (passage.start, passage.end));
    let item = &dataset.announcements[announcement];
    Some(json!({
        "announcement": item.id,
        "file": item.source,
        "text": text,
        "passages": passages.iter().map(|passage| json!({
            "kind": passage.kind.as_str(),
            "record": passage.record,
            "text": passage.text,
            "line": passage.line,
            "column": passage.column,
        })).collect::<Vec<_>>(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::provenance::PassageKind;

    fn passage(start: usize, end: usize) -> Passage {
        Passage {
            kind: PassageKind::Figure,
            record: "a".into(),
            text: "x".into(),
            start,
            end,
            line: 1,
            column: 1,
        }
    }

    #[test]
    fn overlapping_passages_are_marked_once() {
        let ranges = marked_ranges(&[passage(5, 9), passage(0, 3), passage(2, 6), passage(12, 14)]);
        assert_eq!(ranges, [(0, 9), (12, 14)]);
    }
}
