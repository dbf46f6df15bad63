//! The Details pane's content for the record shown: lines already wrapped to the pane's
//! width, and where each link (partner, announcement, person, contact) stands, so moving
//! between links, scrolling to follow them and clicking them all agree. Every fact that
//! names words of its release (quote, figure, event, claim, partner, role, press listing)
//! is selectable the same way, and knows its passage, which `s` opens. What is shown
//! comes from the one description of each record (`crate::describe`); this is its sink
//! for the explorer: wrapping, styles, the selection and the filter's highlights.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::dataset::{Dataset, Record};
pub use crate::describe::{PassageSpot, passage_spot, urls_of};
use crate::describe::{Sink, Tone};
use crate::sanitize::{sanitize, sanitize_multiline};

use crate::search::matcher::Matcher;
use crate::search::query::Query;

use super::theme::{SELECTION_SYMBOL, Theme};

/// A link in Details: the line it is drawn on and the record it leads to. A fact's line
/// also names its passage; one that leads nowhere else leads to the record shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkSpot {
    pub line: usize,
    pub target: Record,
    pub(crate) passage: Option<PassageSpot>,
    /// A web address of the record shown, as its place in [`urls_of`] that record.
    pub url: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Content {
    pub lines: Vec<Line<'static>>,
    pub links: Vec<LinkSpot>,
}

struct Builder<'a> {
    content: Content,
    width: usize,
    theme: &'a Theme,
    /// The link to draw as selected, when Details has the focus.
    selected_link: Option<usize>,
    /// The record shown: where a fact's line leads, when it leads nowhere else.
    record: Option<Record>,
    /// The filter, whose terms are highlighted where they match, as in the lists.
    filter: Option<(&'a Matcher, &'a Query)>,
}

impl Builder<'_> {
    /// A piece of text in `style`, with the characters the filter's terms match also in
    /// the theme's match style. Terms match by words and word prefixes here, as in prose,
    /// so a short term lights whole words rather than scattered letters.
    fn spans(&self, piece: String, style: Style) -> Vec<Span<'static>> {
        let Some((matcher, query)) = self.filter else {
            return vec![Span::styled(piece, style)];
        };
        let folded = crate::fold::fold(&piece);
        let matched =
            matcher.class_highlights(query, crate::search::fields::FieldClass::Prose, &folded);
        if matched.is_empty() {
            return vec![Span::styled(piece, style)];
        }
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut run = String::new();
        let mut run_matched = false;
        for (position, character) in piece.chars().enumerate() {
            let is_matched = matched.binary_search(&position).is_ok();
            if is_matched != run_matched && !run.is_empty() {
                let run_style = if run_matched {
                    style.patch(self.theme.matched)
                } else {
                    style
                };
                spans.push(Span::styled(std::mem::take(&mut run), run_style));
            }
            run_matched = is_matched;
            run.push(character);
        }
        if !run.is_empty() {
            let run_style = if run_matched {
                style.patch(self.theme.matched)
            } else {
                style
            };
            spans.push(Span::styled(run, run_style));
        }
        spans
    }

    fn blank(&mut self) {
        if !self.content.lines.is_empty() {
            self.content.lines.push(Line::default());
        }
    }

    fn heading(&mut self, text: &str) {
        self.blank();
        for piece in wrap(&sanitize(text), self.width) {
            let spans = self.spans(piece, self.theme.heading);
            self.content.lines.push(Line::from(spans));
        }
    }

    fn field(&mut self, label: &str, value: &str) {
        if value.is_empty() {
            return;
        }
        let label = format!("{label:<10} ");
        let indent = label.width();
        for (position, piece) in wrap(
            &sanitize_multiline(value),
            self.width.saturating_sub(indent).max(8),
        )
        .into_iter()
        .enumerate()
        {
            let lead = if position == 0 {
                label.clone()
            } else {
                " ".repeat(indent)
            };
            let mut spans = vec![Span::styled(lead, self.theme.muted)];
            spans.extend(self.spans(piece, Style::new()));
            self.content.lines.push(Line::from(spans));
        }
    }

    fn paragraph(&mut self, text: &str, style: Style) {
        for piece in wrap(&sanitize_multiline(text), self.width) {
            let spans = self.spans(piece, style);
            self.content.lines.push(Line::from(spans));
        }
    }

    fn item(&mut self, text: &str) {
        for (position, piece) in wrap(
            &sanitize_multiline(text),
            self.width.saturating_sub(2).max(8),
        )
        .into_iter()
        .enumerate()
        {
            let lead = if position == 0 { "• " } else { "  " };
            let mut spans = vec![Span::raw(lead)];
            spans.extend(self.spans(piece, Style::new()));
            self.content.lines.push(Line::from(spans));
        }
    }

    /// A fact: its lines, wrapped, selectable like a link that leads to the record shown.
    fn fact(&mut self, text: &str, passage: Option<PassageSpot>) {
        let Some(target) = self.record else {
            return self.item(text);
        };
        self.selectable(text, target, passage, "· ", self.theme.base);
    }

    /// A link that is also a fact, with its passage.
    fn fact_link(&mut self, text: &str, target: Record, passage: Option<PassageSpot>) {
        self.selectable(text, target, passage, "→ ", self.theme.link);
    }

    /// A selectable line, wrapped with a hanging indent so nothing is cut; the selected one
    /// shows the selection symbol.
    fn selectable(
        &mut self,
        text: &str,
        target: Record,
        passage: Option<PassageSpot>,
        lead: &str,
        style: Style,
    ) {
        let number = self.content.links.len();
        let selected = self.selected_link == Some(number);
        let (lead, style) = if selected {
            (SELECTION_SYMBOL, self.theme.selection)
        } else {
            (lead, style)
        };
        let line = self.content.lines.len();
        let width = self.width.saturating_sub(lead.width()).max(8);
        for (position, piece) in wrap(&sanitize_multiline(text), width)
            .into_iter()
            .enumerate()
        {
            let lead = if position == 0 {
                lead.to_owned()
            } else {
                " ".repeat(lead.width())
            };
            let mut spans = vec![Span::styled(lead, style)];
            spans.extend(self.spans(piece, style));
            self.content.lines.push(Line::from(spans));
        }
        self.content.links.push(LinkSpot {
            line,
            target,
            passage,
            url: None,
        });
    }
}

/// What Details shows, apart from its width.
pub(crate) struct Shown<'a> {
    pub(crate) dataset: &'a Dataset,
    pub(crate) theme: &'a Theme,
    pub(crate) record: Option<Record>,
    /// For a row listed because it concerns a match, the record that brought it in, which
    /// the first line names.
    pub(crate) via: Option<Record>,
    /// The link drawn as selected, when Details has the focus.
    pub(crate) selected_link: Option<usize>,
    /// The filter, whose terms are highlighted where they match.
    pub(crate) filter: Option<(&'a Matcher, &'a Query)>,
}

/// The content for the record Details shows, wrapped to `width` cells.
pub(crate) fn content(shown: &Shown, width: u16) -> Content {
    let mut builder = Builder {
        content: Content::default(),
        width: (width as usize).max(8),
        theme: shown.theme,
        selected_link: shown.selected_link,
        record: shown.record,
        filter: shown.filter,
    };
    let dataset = shown.dataset;
    // A row the filter lists because it concerns a match says why it is there.
    if let Some(via) = shown.via {
        let name = match via {
            Record::Institution(index) => dataset.institutions[index].name.as_str(),
            Record::Person(index) => dataset.people[index].name.as_str(),
            _ => "",
        };
        builder.paragraph(&format!("via {name}"), shown.theme.muted);
    }
    match shown.record {
        None => builder.paragraph("Nothing selected.", shown.theme.muted),
        Some(record) => crate::describe::describe(dataset, record, &mut builder),
    }
    builder.content
}

/// Where Details' links stand and how many lines it has: what moving between links,
/// scrolling and clicking need. Kept with Details' cursor and made again only when what
/// decides them changes: the record, the line naming why a related row is listed, the
/// width, or the dataset ([`Outline::forget`]). The selection and the filter's highlights
/// change styles, not lines: every lead is two cells wide.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Outline {
    made_for: Option<(Option<Record>, Option<Record>, u16)>,
    pub(crate) links: Vec<LinkSpot>,
    pub(crate) lines: usize,
}

impl Outline {
    /// Brings the outline up to date with `shown` at `width`.
    pub(crate) fn update(&mut self, shown: &Shown, width: u16) {
        let key = Some((shown.record, shown.via, width));
        if self.made_for != key {
            let content = content(shown, width);
            self.links = content.links;
            self.lines = content.lines.len();
            self.made_for = key;
        }
    }

    /// For another dataset, where the same record and width can read differently.
    pub(crate) fn forget(&mut self) {
        *self = Outline::default();
    }
}

/// An event as the Timeline lists it: when, then what.
pub(crate) fn event_label(dataset: &Dataset, announcement: usize, event: usize) -> String {
    let event = &dataset.announcements[announcement].events[event];
    format!("{} {}", event.when(), event.title)
}

impl Sink for Builder<'_> {
    fn title(&mut self, text: &str) {
        self.paragraph(text, self.theme.heading);
    }

    fn subtitle(&mut self, text: &str) {
        self.paragraph(text, self.theme.muted);
    }

    fn gap(&mut self) {
        self.blank();
    }

    fn heading(&mut self, text: &str) {
        Builder::heading(self, text);
    }

    fn field(&mut self, label: &str, value: &str) {
        Builder::field(self, label, value);
    }

    fn channel(&mut self, label: &str, value: &str, releases: &str) {
        Builder::field(self, label, &format!("{value} ({releases})"));
    }

    fn item(&mut self, text: &str) {
        Builder::item(self, text);
    }

    fn paragraph(&mut self, text: &str, tone: Tone) {
        let style = match tone {
            Tone::Plain => self.theme.base,
            Tone::Muted => self.theme.muted,
            Tone::Warning => self.theme.warning,
        };
        Builder::paragraph(self, text, style);
    }

    fn fact(&mut self, text: &str, passage: Option<PassageSpot>) {
        Builder::fact(self, text, passage);
    }

    fn link(&mut self, text: &str, target: Record, passage: Option<PassageSpot>) {
        self.fact_link(text, target, passage);
    }

    fn url(&mut self, label: &str, url: &str, position: usize) {
        // A web address leads to the record shown; `o`, `y` and Enter act on it.
        let Some(record) = self.record else {
            return Builder::field(self, label, url);
        };
        self.selectable(
            &format!("{label}  {url}"),
            record,
            None,
            "→ ",
            self.theme.link,
        );
        if let Some(link) = self.content.links.last_mut() {
            link.url = Some(position);
        }
    }
}

/// Splits text into lines of at most `width` display cells, at spaces where it can.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        // A blank line parts paragraphs; several in a row part them once.
        if paragraph.trim().is_empty() && lines.last().is_some_and(String::is_empty) {
            continue;
        }
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let needed = if line.is_empty() {
                word.width()
            } else {
                line.width() + 1 + word.width()
            };
            if needed > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            if word.width() > width {
                // A word wider than the pane is cut into pieces.
                for character in word.chars() {
                    if line.width() + character.width().unwrap_or(0) > width {
                        lines.push(std::mem::take(&mut line));
                    }
                    line.push(character);
                }
            } else {
                line.push_str(word);
            }
        }
        lines.push(line);
    }
    lines
}

/// The text cut to `width` cells, ending with `…` when cut.
pub(crate) fn fit(text: &str, width: usize) -> String {
    crate::output::table::fit(text, width)
}
