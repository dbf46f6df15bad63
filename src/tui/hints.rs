//! Link hints (`f`), as browsers' keyboard modes have them: each link Details shows wears a
//! label of one or two letters, and typing a label follows its link. With up to 26 links in
//! view a hop costs two keys (`f` and a letter), else three.

use crate::dataset::Record;

use super::details::LinkSpot;

/// The letters labels are made of, the home row first: the easiest to type come first.
pub(crate) const ALPHABET: &str = "asdfghjklqwertyuiopzxcvbnm";

/// `count` labels, none a prefix of another: single letters while they suffice, else
/// pairs of letters for all (up to 676).
pub fn labels(count: usize) -> Vec<String> {
    let letters: Vec<char> = ALPHABET.chars().collect();
    if count <= letters.len() {
        return letters[..count].iter().map(char::to_string).collect();
    }
    letters
        .iter()
        .flat_map(|first| letters.iter().map(move |second| format!("{first}{second}")))
        .take(count)
        .collect()
}

/// A labelled link: its label, its place in `details::Content::links`, and the row of
/// Details' inside it is drawn on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub label: String,
    pub link: usize,
    pub(crate) row: usize,
}

/// The links in view in Details, top to bottom, with their labels: of `links`, those on
/// the `height` lines from `scroll`. Only lines that lead to another record than `record`,
/// the one shown, count; a fact of the record shown is reached with ↑ ↓.
pub fn targets(
    links: &[LinkSpot],
    record: Option<Record>,
    scroll: usize,
    height: usize,
) -> Vec<Hint> {
    let shown = scroll..scroll + height;
    let links: Vec<(usize, usize)> = links
        .iter()
        .enumerate()
        .filter(|(_, link)| shown.contains(&link.line) && Some(link.target) != record)
        .map(|(index, link)| (index, link.line - scroll))
        .collect();
    labels(links.len())
        .into_iter()
        .zip(links)
        .map(|(label, (link, row))| Hint { label, link, row })
        .collect()
}
