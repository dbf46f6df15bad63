//! Limits checked on a file's YAML event stream before anything is built from it.
//! serde_yaml collects every event of a document before deserialising (up to 89 bytes of
//! memory per byte of file, see `data/README.md`), and slows to a crawl on deep nesting (200,000 levels took
//! minutes here), so hostile shapes are refused first, by a streaming pass that stops at the
//! first limit crossed: nesting, aliases and what they expand to, text length, list length,
//! records per file, and a top level that is not a mapping of the four sections (so a
//! file of unknown keys is refused at its first line, not after serde_yaml has buffered it
//! whole). Cross-record checks are left to `validate`.
//!
//! ## The pre-scan
//!
//! The streaming pass ([`check`]) costs a good share of serde_yaml's own CPU, too much to
//! run on every file. [`records_within_limits`] is a byte-level pre-scan, far cheaper (see
//! BENCHMARKS.md), that proves a file cannot cross a limit; `load` runs the full pass
//! only when the pre-scan cannot prove it, or when serde_yaml then fails (so a syntax
//! error is still reported by the full pass, with the same message and position it would
//! have had alone). The pre-scan reads the file line by line, outside comments and
//! double-quoted scalars, and gives up at anything it does not follow:
//!
//! - No aliases and no anchors: it gives up at any `&` or `*`, so the alias limits cannot be
//!   reached. It also gives up at `!` (tags), `|` and `>` (block scalars), `'`, `?`, `%`,
//!   `@`, a backquote or a tab outside quotes, and at a carriage return not followed by a
//!   line feed, another control character, a byte-order mark or a Unicode line break
//!   (U+0085, U+2028, U+2029) anywhere.
//! - Quotes are only followed where a node starts: at the start of a line or after its
//!   `- ` and `: ` indicators, after a `: ` value indicator, and after `[`, `{` or a `,` inside
//!   a flow collection that started at a node. A `"` anywhere else, or one not closed on its
//!   line (including a `\` line continuation), makes it give up. A `[` or `{` not at a node
//!   start, a `]` or `}` with no open flow collection, or a line that ends inside a flow
//!   collection, makes it give up too. So what it skips is always a quoted scalar and the
//!   flow brackets it counts are real. The one exception is a plain scalar's continuation
//!   line that starts with `"`: its text is taken for a quoted scalar. If that text hides a
//!   `: `, the multi-line scalar is an implicit key, which is a syntax error for both
//!   parsers; serde_yaml then fails and the full pass reports it.
//! - The top level: every line that starts at column 0 is blank, a comment, or one of the
//!   four sections as a plain key (`announcements:`); anything else (another key, a `- `
//!   or a `---`) makes it give up, so the full pass refuses an unknown section.
//! - Lists: a block list's items are the `- ` indicators at its column, until a line
//!   starts at a smaller column or at the same column with anything else; a flow
//!   collection's items are at most its line's brackets and commas. The file passes only
//!   when no list can hold more than [`MAX_LIST_ITEMS`] items and the sections' lists (the
//!   outermost after each section's key) no more than [`MAX_FILE_RECORDS`] records.
//! - Nesting: a block collection nested in another starts at a greater column, except a
//!   sequence that is a mapping's value, which may share the mapping's column. So block
//!   collections nest at most 2 × (C + 1) deep, where C is the greatest column at which one
//!   can start: the first non-space byte of a line after its `- ` and `: ` prefixes. Flow
//!   collections add at most 2 × F + 1 levels, where F is the deepest bracket nesting on a
//!   line (each bracket can hold a single-pair mapping). The file passes only when
//!   2 × (C + 1) + 2 × F + 1 is at most [`MAX_DEPTH`].
//! - Text length: a scalar's value is never longer than the source it is written in
//!   (escapes and line folding only shorten it). A quoted scalar is on one line, and block
//!   scalars give up, so only a plain scalar can span lines; its continuation lines cannot
//!   hold a `: ` indicator (the scalar would be a multi-line key: a syntax error). So every
//!   scalar lies within a run of lines that starts at a line with a `: ` indicator and stops
//!   before the next one. The file passes only when no run is longer than
//!   [`MAX_TEXT_BYTES`].
//!
//! What the pre-scan cannot see is a document that yaml-rust2 refuses as a syntax error but
//! libyaml (serde_yaml's parser) accepts; within the subset of YAML it passes (no anchors,
//! tags, block scalars, single quotes, tabs or multi-line quoted or flow nodes) the two
//! parsers agree on every file the tests and the synthetic datasets hold.

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::Marker;

use super::text::MAX_TEXT_BYTES;

/// How deep mappings and sequences may nest. The schema needs six levels.
pub(crate) const MAX_DEPTH: usize = 64;
/// How many aliases one file may use. The dataset needs none.
pub(crate) const MAX_ALIASES: usize = 10_000;
/// How many nodes aliases may stand for once expanded, across the whole dataset.
pub(crate) const MAX_ALIAS_NODES: usize = 1_000_000;
/// How many bytes of text aliases may stand for once expanded, across the whole dataset:
/// an alias is copied when deserialised, so this bounds what aliases add to memory.
pub(crate) const MAX_ALIAS_BYTES: usize = 16 * 1024 * 1024;
/// The most items one list may hold: as many as a dataset may hold records.
pub(crate) const MAX_LIST_ITEMS: usize = 1_000_000;
/// The most records (items of the four sections) one file may hold; the dataset's own
/// limit, `records::MAX_RECORDS`, is the same.
pub(crate) const MAX_FILE_RECORDS: usize = 1_000_000;
/// The sections a dataset file may have, in the order serde names them.
const SECTIONS: [&str; 4] = ["announcements", "institutions", "people", "contacts"];

/// A limit crossed, or a syntax error, at a position (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) message: String,
}

impl Refusal {
    fn at(marker: Marker, message: String) -> Self {
        Refusal {
            line: marker.line(),
            column: marker.col() + 1,
            message,
        }
    }
}

/// One alias of a file: where it is, and what it expands to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AliasUse {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) nodes: usize,
    pub(crate) bytes: usize,
}

/// What aliases may still expand to. One budget is charged for every file of a dataset,
/// in file order, so four files of aliases cannot each take what one may.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AliasBudget {
    nodes: usize,
    bytes: usize,
}

impl Default for AliasBudget {
    fn default() -> Self {
        AliasBudget {
            nodes: MAX_ALIAS_NODES,
            bytes: MAX_ALIAS_BYTES,
        }
    }
}

impl AliasBudget {
    /// Takes what `alias` expands to from the budget, or refuses it at its position.
    pub(crate) fn charge(&mut self, alias: &AliasUse) -> Result<(), Refusal> {
        let refuse = |message: String| Refusal {
            line: alias.line,
            column: alias.column,
            message,
        };
        self.nodes = self.nodes.checked_sub(alias.nodes).ok_or_else(|| {
            refuse(format!(
                "aliases expand to more than {MAX_ALIAS_NODES} nodes across the dataset (an alias bomb?)"
            ))
        })?;
        self.bytes = self.bytes.checked_sub(alias.bytes).ok_or_else(|| {
            refuse(format!(
                "aliases expand to more than {MAX_ALIAS_BYTES} bytes of text across the dataset (an alias bomb?)"
            ))
        })?;
        Ok(())
    }
}

/// What [`check`] found in a file within the limits: its aliases, in file order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Usage {
    pub(crate) aliases: Vec<AliasUse>,
    /// The records (items of the four sections) the file holds.
    pub(crate) records: usize,
}

/// A collection open while walking the events.
enum Open {
    /// A mapping, whether its next node is a key, and its anchor and the expanded
    /// node and byte counts when it opened.
    Mapping {
        key_next: bool,
        anchor: usize,
        nodes: usize,
        bytes: usize,
    },
    /// A sequence, how many items it holds so far, and the same.
    Sequence {
        items: usize,
        anchor: usize,
        nodes: usize,
        bytes: usize,
    },
}

/// Walks the events of `text` and refuses it at the first limit crossed or syntax error:
/// nesting, aliases (charged to a budget of their own, as if the file were the whole
/// dataset), text length, list length, records, and an unknown section or a top level that
/// is not a mapping, so that nothing serde_yaml would refuse only after buffering every
/// event of the file gets that far.
pub(crate) fn check(text: &str) -> Result<Usage, Refusal> {
    let mut parser = Parser::new_from_str(text);
    let mut open: Vec<Open> = Vec::new();
    let mut usage = Usage::default();
    let mut budget = AliasBudget::default();
    let mut records = 0usize;
    // Every node and byte of text the file stands for, aliases expanded, so an anchor's
    // size is known when it closes and each alias to it can be charged.
    let mut nodes = 0usize;
    let mut bytes = 0usize;
    let mut anchor_sizes: Vec<(usize, usize)> = Vec::new();
    loop {
        let (event, marker) = match parser.next_token() {
            Ok(next) => next,
            Err(error) => {
                // The scanner has a nesting limit of its own, met before ours in flow style.
                let message = if error.info().contains("recursion limit") {
                    format!("nesting deeper than the limit of {MAX_DEPTH} levels")
                } else {
                    format!("YAML syntax error: {}", error.info())
                };
                return Err(Refusal::at(*error.marker(), message));
            }
        };
        let starts_node = matches!(
            event,
            Event::MappingStart(..)
                | Event::SequenceStart(..)
                | Event::Scalar(..)
                | Event::Alias(_)
        );
        if starts_node {
            place_node(&mut open, &mut records, &event, marker)?;
        }
        match event {
            Event::StreamEnd => {
                usage.records = records;
                return Ok(usage);
            }
            Event::MappingStart(anchor, _) | Event::SequenceStart(anchor, _) => {
                if open.len() >= MAX_DEPTH {
                    return Err(Refusal::at(
                        marker,
                        format!("nesting deeper than the limit of {MAX_DEPTH} levels"),
                    ));
                }
                if open.is_empty() && matches!(event, Event::SequenceStart(..)) {
                    return Err(Refusal::at(
                        marker,
                        format!("wrong type: sequence; {SHAPE}"),
                    ));
                }
                nodes = nodes.saturating_add(1);
                open.push(if matches!(event, Event::MappingStart(..)) {
                    Open::Mapping {
                        key_next: true,
                        anchor,
                        nodes,
                        bytes,
                    }
                } else {
                    Open::Sequence {
                        items: 0,
                        anchor,
                        nodes,
                        bytes,
                    }
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let (anchor, start_nodes, start_bytes) = match open.pop() {
                    Some(Open::Mapping {
                        anchor,
                        nodes,
                        bytes,
                        ..
                    })
                    | Some(Open::Sequence {
                        anchor,
                        nodes,
                        bytes,
                        ..
                    }) => (anchor, nodes, bytes),
                    None => (0, nodes, bytes),
                };
                record_anchor(
                    &mut anchor_sizes,
                    anchor,
                    (nodes - start_nodes + 1, bytes - start_bytes),
                );
            }
            Event::Scalar(value, _, anchor, _) => {
                if value.len() > MAX_TEXT_BYTES {
                    return Err(Refusal::at(
                        marker,
                        format!(
                            "text of {} bytes is longer than the limit of {MAX_TEXT_BYTES} bytes",
                            value.len()
                        ),
                    ));
                }
                nodes = nodes.saturating_add(1);
                bytes = bytes.saturating_add(value.len());
                record_anchor(&mut anchor_sizes, anchor, (1, value.len()));
            }
            Event::Alias(anchor) => {
                if usage.aliases.len() >= MAX_ALIASES {
                    return Err(Refusal::at(
                        marker,
                        format!("more than {MAX_ALIASES} aliases in one file"),
                    ));
                }
                let (anchor_nodes, anchor_bytes) =
                    anchor_sizes.get(anchor).copied().unwrap_or((1, 0));
                let alias = AliasUse {
                    line: marker.line(),
                    column: marker.col() + 1,
                    nodes: anchor_nodes,
                    bytes: anchor_bytes,
                };
                budget.charge(&alias)?;
                usage.aliases.push(alias);
                nodes = nodes.saturating_add(anchor_nodes);
                bytes = bytes.saturating_add(anchor_bytes);
            }
            _ => {}
        }
    }
}

/// What a dataset file is, for the refusals that say so (as `load` words serde's).
pub(crate) const SHAPE: &str =
    "a dataset file is one mapping with `announcements`, `institutions`, `people` or `contacts`";

/// Counts a node into the collection it is in: an item of a list (refused past
/// [`MAX_LIST_ITEMS`], and counted as a record in a section), or a key or value of a
/// mapping (a key of the top-level mapping must name a section).
fn place_node(
    open: &mut [Open],
    records: &mut usize,
    event: &Event,
    marker: Marker,
) -> Result<(), Refusal> {
    let depth = open.len();
    match open.last_mut() {
        Some(Open::Sequence { items, .. }) => {
            *items += 1;
            if *items > MAX_LIST_ITEMS {
                return Err(Refusal::at(
                    marker,
                    format!("a list of more than {MAX_LIST_ITEMS} items"),
                ));
            }
            if depth == 2 {
                *records += 1;
                if *records > MAX_FILE_RECORDS {
                    return Err(Refusal::at(
                        marker,
                        format!("more than {MAX_FILE_RECORDS} records in one file"),
                    ));
                }
            }
        }
        Some(Open::Mapping { key_next, .. }) => {
            let is_key = std::mem::replace(key_next, !*key_next);
            if is_key
                && depth == 1
                && let Event::Scalar(name, ..) = event
                && !SECTIONS.contains(&name.as_str())
            {
                let expected = SECTIONS.map(|section| format!("`{section}`")).join(", ");
                return Err(Refusal::at(
                    marker,
                    format!("unknown field `{name}`, expected one of {expected}"),
                ));
            }
        }
        None => {}
    }
    Ok(())
}

/// Whether `text` provably stays within every limit [`check`] enforces, read at byte level
/// (see the module's documentation): `None` means only "not proven", run [`check`]. When
/// proven, at most how many records the file holds (flow lists counted by the items they
/// may hold): what the dataset's record limit is charged.
pub(crate) fn records_within_limits(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // Most blocks hold no byte that needs a look, nor any other non-ASCII or control byte
    // but a tab or line feed; that test is one the compiler vectorises, so such blocks
    // are passed over in a few instructions.
    const BLOCK: usize = 32;
    let mut start = 0;
    while start < bytes.len() {
        let end = bytes.len().min(start + BLOCK);
        let block = &bytes[start..end];
        let plain = block.len() == BLOCK
            && !block.iter().fold(false, |any, &byte| {
                any | ((byte < 0x20 && byte != b'\t' && byte != b'\n') || byte >= 0x7F)
            });
        if !plain {
            for at in start..end {
                if NEEDS_A_LOOK[usize::from(bytes[at])] && refused_at(bytes, at) {
                    return None;
                }
            }
        }
        start = end;
    }
    let mut deepest_column = 0usize;
    let mut deepest_flow = 0usize;
    let mut lists = BlockLists::default();
    let mut run = 0usize;
    let mut longest_run = 0usize;
    // memchr finds line breaks and closing quotes with less work per call than `str`'s
    // searches: lines and quoted scalars are short, and there are hundreds of thousands.
    let mut line_start = 0;
    loop {
        let line_end =
            memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |at| line_start + at);
        let line = &text[line_start..line_end];
        let length = line.len() + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if !(line.is_empty() || line.starts_with([' ', '#']) || names_a_section(line)) {
            return None;
        }
        let (column, flow, indicator, flow_items) = scan_line(line)?;
        if !lists.add_line(line, flow_items) {
            return None;
        }
        deepest_column = deepest_column.max(column);
        deepest_flow = deepest_flow.max(flow);
        run = if indicator { length } else { run + length };
        longest_run = longest_run.max(run);
        if line_end == bytes.len() {
            break;
        }
        line_start = line_end + 1;
    }
    let deepest_nesting = 2 * (deepest_column + 1) + 2 * deepest_flow + 1;
    (deepest_nesting <= MAX_DEPTH && longest_run <= MAX_TEXT_BYTES).then_some(lists.records)
}

/// The block lists open at a line, for the pre-scan: each by the column of its `- `
/// indicators, with how many items it holds so far, outermost first; and how many records
/// the sections hold so far.
#[derive(Default)]
struct BlockLists {
    open: Vec<(usize, usize)>,
    records: usize,
}

impl BlockLists {
    /// Counts the items a line starts, given how many its flow collections may hold;
    /// `false` when a list or the records could pass their limit.
    ///
    /// A block list's items are the `- ` indicators at its column; a line whose content
    /// starts at a smaller column, or at the same column with anything but `- `, ends it
    /// (or is a syntax error). The outermost list after a section's key is that section's
    /// list, whose items are records. Flow collections are on one line.
    fn add_line(&mut self, line: &str, flow_items: usize) -> bool {
        let bytes = line.as_bytes();
        let mut at = bytes.iter().take_while(|&&byte| byte == b' ').count();
        if at == bytes.len() || bytes[at] == b'#' {
            return true;
        }
        if at == 0 {
            // A section's key: it may hold its list in flow style on the same line.
            self.open.clear();
            self.records += flow_items;
            return flow_items <= MAX_LIST_ITEMS && self.records <= MAX_FILE_RECORDS;
        }
        let is_dash = |at: usize| {
            bytes.get(at) == Some(&b'-') && matches!(bytes.get(at + 1), None | Some(b' '))
        };
        let starts_with_dash = is_dash(at);
        self.open
            .retain(|&(column, _)| column < at || (column == at && starts_with_dash));
        while is_dash(at) {
            match self.open.last_mut() {
                Some((column, items)) if *column == at => *items += 1,
                _ => self.open.push((at, 1)),
            }
            let outermost = self.open.len() == 1;
            if outermost {
                self.records += 1;
            }
            if self
                .open
                .last()
                .is_some_and(|&(_, items)| items > MAX_LIST_ITEMS)
            {
                return false;
            }
            at += 1;
            while bytes.get(at) == Some(&b' ') {
                at += 1;
            }
        }
        flow_items <= MAX_LIST_ITEMS && self.records <= MAX_FILE_RECORDS
    }
}

/// Whether a line at the top level starts with one of the sections as a plain key.
fn names_a_section(line: &str) -> bool {
    SECTIONS.iter().any(|section| {
        line.strip_prefix(section)
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

/// Whether the byte at `at`, one [`NEEDS_A_LOOK`] marks, makes the pre-scan give up.
fn refused_at(bytes: &[u8], at: usize) -> bool {
    let next = |offset: usize| bytes.get(at + offset).copied();
    match bytes[at] {
        b'\r' => next(1) != Some(b'\n'),
        // U+0085
        0xC2 => next(1) == Some(0x85),
        // U+2028, U+2029
        0xE2 => next(1) == Some(0x80) && matches!(next(2), Some(0xA8 | 0xA9)),
        // U+FEFF
        0xEF => next(1) == Some(0xBB) && next(2) == Some(0xBF),
        _ => true,
    }
}

/// One line, without its line break: the column where its content starts after `- ` and
/// `: ` prefixes, its deepest flow nesting, whether it holds a `: ` indicator, and at least
/// how many items its flow collections hold (each bracket and each comma in one counts);
/// `None` when the pre-scan gives up.
fn scan_line(text: &str) -> Option<(usize, usize, bool, usize)> {
    let line = text.as_bytes();
    let followed_by_space = |at: usize| at + 1 == line.len() || line[at + 1] == b' ';
    let mut at = 0;
    while at < line.len() && line[at] == b' ' {
        at += 1;
    }
    let mut items = 0usize;
    while at < line.len() && matches!(line[at], b'-' | b':') && followed_by_space(at) {
        at += 1;
        while at < line.len() && line[at] == b' ' {
            at += 1;
        }
    }
    let column = at;
    let mut node_start = true;
    let mut flow = 0usize;
    let mut deepest_flow = 0usize;
    let mut indicator = false;
    while at < line.len() {
        let byte = line[at];
        if byte == b' ' {
            at += 1;
            continue;
        }
        let starts_node = std::mem::replace(&mut node_start, false);
        match byte {
            b'"' => {
                if !starts_node {
                    return None;
                }
                at += 1;
                loop {
                    let close = at + memchr::memchr(b'"', &line[at..])?;
                    let backslashes = line[at..close]
                        .iter()
                        .rev()
                        .take_while(|&&byte| byte == b'\\')
                        .count();
                    if backslashes % 2 == 0 {
                        at = close;
                        break;
                    }
                    at = close + 1;
                }
            }
            b'#' if at == 0 || line[at - 1] == b' ' => break,
            b'[' | b'{' => {
                if !starts_node {
                    return None;
                }
                flow += 1;
                items += 1;
                deepest_flow = deepest_flow.max(flow);
                node_start = true;
            }
            b']' | b'}' => flow = flow.checked_sub(1)?,
            b',' => {
                node_start = flow > 0;
                items += 1;
            }
            b':' if followed_by_space(at) => {
                indicator = true;
                node_start = true;
            }
            b'&' | b'*' | b'!' | b'|' | b'>' | b'\'' | b'?' | b'%' | b'@' | b'`' | b'\t'
            | b'\r' => return None,
            _ => {
                // The plain bytes after this one change nothing either: pass them at once.
                while at + 1 < line.len() && PLAIN[usize::from(line[at + 1])] {
                    at += 1;
                }
            }
        }
        at += 1;
    }
    (flow == 0).then_some((column, deepest_flow, indicator, items))
}

/// The bytes [`records_within_limits`] looks at twice: control characters other than tab and line
/// feed, a carriage return, DEL, and the lead bytes of U+0085, U+2028, U+2029 and U+FEFF.
const NEEDS_A_LOOK: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte < 0x20 && byte != b'\t' as usize && byte != b'\n' as usize)
            || matches!(byte, 0x7F | 0xC2 | 0xE2 | 0xEF);
        byte += 1;
    }
    table
};

/// The bytes [`scan_line`] does nothing for but note that a node has started: all but a
/// space and the bytes it matches on.
const PLAIN: [bool; 256] = {
    let mut table = [true; 256];
    let special = b" \"#[]{},:&*!|>'?%@`\t\r";
    let mut index = 0;
    while index < special.len() {
        table[special[index] as usize] = false;
        index += 1;
    }
    table
};

fn record_anchor(anchor_sizes: &mut Vec<(usize, usize)>, anchor: usize, size: (usize, usize)) {
    if anchor == 0 {
        return;
    }
    if anchor_sizes.len() <= anchor {
        anchor_sizes.resize(anchor + 1, (0, 0));
    }
    anchor_sizes[anchor] = size;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_documents() {
        let three = Usage {
            records: 3,
            ..Usage::default()
        };
        assert_eq!(check("people: [1, 2, {b: c}]\n"), Ok(three));
        // The pre-scan's count is an upper bound: a flow mapping's comma counts too.
        assert_eq!(records_within_limits("people: [1, 2, {b: c}]\n"), Some(4));
        assert_eq!(records_within_limits("people: [1, 2, 3]\n"), Some(3));
        assert_eq!(check(""), Ok(Usage::default()));
    }

    #[test]
    fn refuses_deep_nesting_at_its_position() {
        let deep = format!("people: {}{}", "[".repeat(200_000), "]".repeat(200_000));
        let refusal = check(&deep).unwrap_err();
        assert!(refusal.message.contains("nesting deeper"), "{refusal:?}");
        assert_eq!(refusal.line, 1);
    }

    #[test]
    fn refuses_an_alias_bomb() {
        let mut text = String::from("people:\n  - &a0 [x, x, x, x, x, x, x, x, x]\n");
        for level in 1..10 {
            let previous = format!("*a{}", level - 1);
            let items = [previous.as_str(); 9].join(", ");
            text.push_str(&format!("  - &a{level} [{items}]\n"));
        }
        let refusal = check(&text).unwrap_err();
        assert!(refusal.message.contains("alias bomb"), "{refusal:?}");
    }

    #[test]
    fn an_alias_costs_the_bytes_of_text_it_stands_for() {
        // 300 aliases of 64 KiB are 19.2 MiB of text, over the 16 MiB budget: the alias
        // that crosses it is the 257th, on line 2 + 257.
        let mut text = format!("people:\n  - &big {}\n", "x".repeat(MAX_TEXT_BYTES));
        for _ in 0..300 {
            text.push_str("  - *big\n");
        }
        let refusal = check(&text).unwrap_err();
        assert!(refusal.message.contains("bytes of text"), "{refusal:?}");
        assert_eq!((refusal.line, refusal.column), (2 + 257, 5));
    }

    #[test]
    fn the_budget_is_shared_by_every_file_it_charges() {
        let text = format!("people:\n  - &big {}\n  - *big\n", "x".repeat(60_000));
        let usage = check(&text).unwrap();
        assert_eq!(
            usage.aliases,
            vec![AliasUse {
                line: 3,
                column: 5,
                nodes: 1,
                bytes: 60_000
            }]
        );
        let mut budget = AliasBudget::default();
        let files = MAX_ALIAS_BYTES / 60_000;
        for _ in 0..files {
            budget.charge(&usage.aliases[0]).unwrap();
        }
        let refusal = budget.charge(&usage.aliases[0]).unwrap_err();
        assert_eq!((refusal.line, refusal.column), (3, 5));
    }

    #[test]
    fn refuses_an_unknown_section_and_a_top_level_list_at_once() {
        let refusal = check("announcement:\n  - id: a\n").unwrap_err();
        assert_eq!((refusal.line, refusal.column), (1, 1));
        assert!(
            refusal.message.starts_with("unknown field `announcement`"),
            "{refusal:?}"
        );
        let refusal = check("people: []\nnotes: x\n").unwrap_err();
        assert_eq!((refusal.line, refusal.column), (2, 1));
        let refusal = check("- id: a\n").unwrap_err();
        assert!(
            refusal.message.starts_with("wrong type: sequence"),
            "{refusal:?}"
        );
    }

    #[test]
    fn refuses_a_list_longer_than_the_limit_at_the_first_item_past_it() {
        let text = format!("people: [{}]\n", "a,".repeat(MAX_LIST_ITEMS + 1));
        let refusal = check(&text).unwrap_err();
        assert!(
            refusal.message.contains("a list of more than"),
            "{refusal:?}"
        );
        assert_eq!((refusal.line, refusal.column), (1, 10 + 2 * MAX_LIST_ITEMS));
        assert!(records_within_limits(&text).is_none());
    }

    #[test]
    fn refuses_an_oversized_scalar() {
        let text = format!("people: {}\n", "x".repeat(MAX_TEXT_BYTES + 1));
        let refusal = check(&text).unwrap_err();
        assert!(refusal.message.contains("longer than the limit"));
        assert_eq!((refusal.line, refusal.column), (1, 9));
    }

    #[test]
    fn the_pre_scan_proves_ordinary_files() {
        let text = "# comment: & * ' |\nannouncements:\n  - id: a-1\n    title: \"Qu'il & *x [ # |\"\n    dateline: [\"Paris\", \"Köln\"]\n    coordinates: { lat: 1.5, lon: -2 }\n    objectives:\n      - \"one\"\n      - two, three\npeople: []\n";
        assert!(records_within_limits(text).is_some());
        assert!(records_within_limits(&text.replace('\n', "\r\n")).is_some());
    }

    #[test]
    fn the_pre_scan_gives_up_on_what_it_cannot_prove() {
        let deep = format!("people: {}{}\n", "[".repeat(40), "]".repeat(40));
        let indented = format!("people:\n{}b: c\n", " ".repeat(40));
        let long = format!("people: \"{}\"\n", "x".repeat(MAX_TEXT_BYTES));
        let plain = format!("people: b\n{}", "  c\n".repeat(MAX_TEXT_BYTES / 4));
        let many = format!("people:\n{}", "  - a\n".repeat(MAX_LIST_ITEMS + 1));
        for text in [
            "people: &x [1]\ncontacts: *x\n",
            "people: !tag b\n",
            "people: |\n  b\n",
            "people: 'b'\n",
            "people: \"b\n  c\"\n",
            "people: [b,\n  c]\n",
            "x, \"k: &a [b] #\"\n",
            "x[, \"k: &a [b] #\"]\n",
            "people:\tb\n",
            "people: b\rc: d\n",
            "people: b\u{2028}c: d\n",
            "peoples: []\n",
            "\"people\": []\n",
            "- people\n",
            "---\npeople: []\n",
            deep.as_str(),
            indented.as_str(),
            long.as_str(),
            plain.as_str(),
            many.as_str(),
        ] {
            assert!(records_within_limits(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn the_pre_scan_counts_each_list_and_the_records_of_the_sections() {
        // Each item holds a `: `, so no run of lines could be one long plain scalar.
        let half = "  - id: a\n".repeat(MAX_FILE_RECORDS / 2 + 1);
        let one_section = format!("people:\n{half}");
        assert!(records_within_limits(&one_section).is_some());
        // Many short lists add up to more items than one list may hold, and are fine.
        let short_lists = format!(
            "people:\n{}",
            "  - roles:\n      - a: 1\n      - b: 2\n".repeat(MAX_LIST_ITEMS / 4)
        );
        assert!(records_within_limits(&short_lists).is_some());
        // Two sections under the limit each are over it together.
        let two_sections = format!("people:\n{half}contacts:\n{half}");
        assert!(records_within_limits(&two_sections).is_none());
        // A list nested in a record, longer than the limit.
        let nested = format!(
            "people:\n  - roles:\n{}",
            "      - a: 1\n".repeat(MAX_LIST_ITEMS + 1)
        );
        assert!(records_within_limits(&nested).is_none());
    }

    #[test]
    fn reports_syntax_errors_with_a_position() {
        let refusal = check("people: [1, 2\ncontacts: c\n").unwrap_err();
        assert!(
            refusal.message.starts_with("YAML syntax error"),
            "{refusal:?}"
        );
    }
}
