//! `show` as plain text: the sink of the one description of each record
//! (`crate::describe`) that writes sections, paragraphs wrapped to the output width, and
//! each link with the id `show` takes. Dataset strings are sanitised as they are written.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::dataset::{Dataset, Record};
use crate::describe::{PassageSpot, Sink, Tone};
use crate::sanitize::{sanitize, sanitize_multiline};

struct Writer<'a> {
    out: String,
    width: usize,
    dataset: &'a Dataset,
    /// The record shown: a link to it is a fact, and needs no id.
    record: Record,
}

impl Writer<'_> {
    fn heading(&mut self, text: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        let _ = writeln!(self.out, "{}", sanitize(text));
    }

    fn field(&mut self, label: &str, value: &str) {
        if value.is_empty() {
            return;
        }
        let indent = 16;
        let prefix = format!("  {label:<width$} ", width = indent - 3);
        self.wrapped(&prefix, &" ".repeat(indent), value);
    }

    fn item(&mut self, value: &str) {
        self.wrapped("  - ", "    ", value);
    }

    fn paragraph(&mut self, value: &str) {
        self.wrapped("  ", "  ", value);
    }

    /// Writes `value` wrapped to the width: the first line after `first`, the others after
    /// `rest`. A line feed in the value starts a new line and a blank line a new paragraph,
    /// as in the release; other control characters stay visible placeholders.
    fn wrapped(&mut self, first: &str, rest: &str, value: &str) {
        let clean = sanitize_multiline(value);
        let mut started = false;
        let mut blank = false;
        for source_line in clean.split('\n') {
            if source_line.trim().is_empty() {
                // One empty line between paragraphs, however many the value has.
                blank = started;
                continue;
            }
            if blank {
                self.out.push('\n');
                blank = false;
            }
            self.words(if started { rest } else { first }, rest, source_line);
            started = true;
        }
        if !started {
            let _ = writeln!(self.out, "{}", first.trim_end());
        }
    }

    fn words(&mut self, first: &str, rest: &str, text: &str) {
        let mut line = first.to_owned();
        let mut empty = true;
        for word in text.split_whitespace() {
            if !empty && line.width() + 1 + word.width() > self.width {
                let _ = writeln!(self.out, "{}", line.trim_end());
                line = rest.to_owned();
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        let _ = writeln!(self.out, "{}", line.trim_end());
    }
}

pub fn show(dataset: &Dataset, record: Record, width: usize) -> String {
    let mut writer = Writer {
        out: String::new(),
        width: width.max(40),
        dataset,
        record,
    };
    crate::describe::describe(dataset, record, &mut writer);
    writer.out
}

impl Sink for Writer<'_> {
    /// A title wraps at the output's width like any paragraph, without an indent.
    fn title(&mut self, text: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        Writer::wrapped(self, "", "", text);
    }

    fn subtitle(&mut self, text: &str) {
        Writer::paragraph(self, &format!("({text})"));
    }

    /// Text output spaces its sections by headings alone.
    fn gap(&mut self) {}

    fn heading(&mut self, text: &str) {
        Writer::heading(self, text);
    }

    fn field(&mut self, label: &str, value: &str) {
        Writer::field(self, label, value);
    }

    fn channel(&mut self, label: &str, value: &str, releases: &str) {
        Writer::field(self, label, &format!("{value} ({releases})"));
    }

    fn item(&mut self, text: &str) {
        Writer::item(self, text);
    }

    fn paragraph(&mut self, text: &str, _tone: Tone) {
        Writer::paragraph(self, text);
    }

    fn fact(&mut self, text: &str, _passage: Option<PassageSpot>) {
        Writer::item(self, text);
    }

    /// A link names its target's id, which `show` takes.
    fn link(&mut self, text: &str, target: Record, _passage: Option<PassageSpot>) {
        if target == self.record {
            return Writer::item(self, text);
        }
        let id = self.dataset.record_id(target);
        Writer::item(self, &format!("{text} ({id})"));
    }

    fn url(&mut self, label: &str, url: &str, _position: usize) {
        Writer::item(self, &format!("{label}: {url}"));
    }
}
