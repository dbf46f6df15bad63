//! Limits checked on a file's YAML event stream before anything is built from it.
//! serde_yaml collects every event of a document before deserialising, and slows to a crawl
//! on deep nesting (200,000 levels took minutes here), so hostile shapes are refused first,
//! by a streaming pass that stops at the first limit crossed. Cross-record checks are left
//! to `validate`.

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::Marker;

use super::model::MAX_TEXT_BYTES;

/// How deep mappings and sequences may nest. The schema needs six levels.
pub const MAX_DEPTH: usize = 64;
/// How many aliases one file may use. The dataset needs none.
pub const MAX_ALIASES: usize = 10_000;
/// How many nodes aliases may stand for once expanded, across one file.
pub const MAX_ALIAS_EXPANSION: usize = 1_000_000;

/// A limit crossed, or a syntax error, at a position (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub line: usize,
    pub column: usize,
    pub message: String,
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

/// Walks the events of `text` and refuses it at the first limit crossed or syntax error.
pub fn check(text: &str) -> Result<(), Refusal> {
    let mut parser = Parser::new_from_str(text);
    let mut depth = 0usize;
    let mut aliases = 0usize;
    let mut expanded = 0usize;
    // For each open container: its anchor id and the expanded node count when it opened,
    // so an anchor's size is known when it closes and each alias to it can be charged.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut anchor_sizes: Vec<usize> = Vec::new();
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
        match event {
            Event::StreamEnd => return Ok(()),
            Event::MappingStart(anchor, _) | Event::SequenceStart(anchor, _) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Refusal::at(
                        marker,
                        format!("nesting deeper than the limit of {MAX_DEPTH} levels"),
                    ));
                }
                expanded += 1;
                open.push((anchor, expanded));
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.saturating_sub(1);
                if let Some((anchor, start)) = open.pop() {
                    record_anchor(&mut anchor_sizes, anchor, expanded - start + 1);
                }
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
                expanded += 1;
                record_anchor(&mut anchor_sizes, anchor, 1);
            }
            Event::Alias(anchor) => {
                aliases += 1;
                if aliases > MAX_ALIASES {
                    return Err(Refusal::at(
                        marker,
                        format!("more than {MAX_ALIASES} aliases in one file"),
                    ));
                }
                expanded += anchor_sizes.get(anchor).copied().unwrap_or(1);
                if expanded > MAX_ALIAS_EXPANSION {
                    return Err(Refusal::at(
                        marker,
                        format!(
                            "aliases expand to more than {MAX_ALIAS_EXPANSION} nodes (an alias bomb?)"
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
}

fn record_anchor(anchor_sizes: &mut Vec<usize>, anchor: usize, size: usize) {
    if anchor == 0 {
        return;
    }
    if anchor_sizes.len() <= anchor {
        anchor_sizes.resize(anchor + 1, 0);
    }
    anchor_sizes[anchor] = size;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_documents() {
        assert_eq!(check("a: [1, 2, {b: c}]\n"), Ok(()));
        assert_eq!(check(""), Ok(()));
    }

    #[test]
    fn refuses_deep_nesting_at_its_position() {
        let deep = format!("a: {}{}", "[".repeat(200_000), "]".repeat(200_000));
        let refusal = check(&deep).unwrap_err();
        assert!(refusal.message.contains("nesting deeper"), "{refusal:?}");
        assert_eq!(refusal.line, 1);
    }

    #[test]
    fn refuses_an_alias_bomb() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for level in 1..10 {
            let previous = format!("*a{}", level - 1);
            let items = [previous.as_str(); 9].join(", ");
            text.push_str(&format!("a{level}: &a{level} [{items}]\n"));
        }
        let refusal = check(&text).unwrap_err();
        assert!(refusal.message.contains("alias bomb"), "{refusal:?}");
    }

    #[test]
    fn refuses_an_oversized_scalar() {
        let text = format!("a: {}\n", "x".repeat(MAX_TEXT_BYTES + 1));
        let refusal = check(&text).unwrap_err();
        assert!(refusal.message.contains("longer than the limit"));
        assert_eq!((refusal.line, refusal.column), (1, 4));
    }

    #[test]
    fn reports_syntax_errors_with_a_position() {
        let refusal = check("a: [1, 2\nb: c\n").unwrap_err();
        assert!(
            refusal.message.starts_with("YAML syntax error"),
            "{refusal:?}"
        );
    }
}
