//! Spelling suggestions: when a term matches nothing, the closest words of the dataset's
//! own vocabulary, by edit distance on folded text (so accents never count as typos). The
//! explorer's status line and the command line's message both come from here.

use super::index::SearchIndex;
use super::query::{Query, TermKind};

/// A term that matches nothing, and the word it was probably meant to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The term as folded (`bergonei`).
    pub(crate) term: String,
    /// The closest word of the dataset (`bergonie`).
    pub word: String,
}

impl Suggestion {
    /// `filter` with the term replaced by the suggestion: the token whose folded text is
    /// the term, the last such one.
    pub(crate) fn apply(&self, filter: &str) -> String {
        let tokens: Vec<&str> = filter.split(' ').collect();
        let Some(position) = tokens
            .iter()
            .rposition(|token| crate::fold::fold_str(token) == self.term)
        else {
            return filter.to_owned();
        };
        let mut replaced: Vec<&str> = tokens.clone();
        replaced[position] = &self.word;
        replaced.join(" ")
    }
}

/// The most edits a suggestion may be from the term: one for a short term, more as it
/// grows, so that a word is never "corrected" into an unrelated one.
fn allowed_edits(term: &str) -> usize {
    (term.chars().count() / 4).max(1)
}

/// The closest word of `vocabulary` to `term` within [`allowed_edits`], nearest first,
/// then alphabetical.
pub(crate) fn closest<'a>(vocabulary: &'a [Box<str>], term: &str) -> Option<&'a str> {
    let limit = allowed_edits(term);
    let length = term.chars().count();
    vocabulary
        .iter()
        .filter(|word| word.chars().count().abs_diff(length) <= limit)
        .map(|word| (strsim::damerau_levenshtein(term, word), word))
        .filter(|&(distance, word)| distance > 0 && distance <= limit && **word != *term)
        .min()
        .map(|(_, word)| &**word)
}

/// For a query that matches nothing, the first plain term that matches nothing on its
/// own, and the closest word to it; None when there is none (or the query matches).
pub(crate) fn suggest(index: &SearchIndex, query: &Query) -> Option<Suggestion> {
    for group in &query.groups {
        for term in &group.terms {
            if term.negated || term.facet.is_some() || term.kind != TermKind::Fuzzy {
                continue;
            }
            let alone = super::query::parse(&term.text);
            if index.matches_any(&alone) {
                continue;
            }
            let word = closest(index.vocabulary(), &term.text)?;
            return Some(Suggestion {
                term: term.text.clone(),
                word: word.to_owned(),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(words: &[&str]) -> Vec<Box<str>> {
        let mut words: Vec<Box<str>> = words.iter().map(|&word| Box::from(word)).collect();
        words.sort_unstable();
        words
    }

    #[test]
    fn the_nearest_word_within_a_few_edits() {
        let words = vocabulary(&["bergonie", "berard", "amgen", "oncology"]);
        assert_eq!(closest(&words, "bergonei"), Some("bergonie"));
        assert_eq!(closest(&words, "amgne"), Some("amgen"));
        assert_eq!(closest(&words, "xyzzy"), None);
        assert_eq!(
            closest(&words, "amgen"),
            None,
            "a word is no typo of itself"
        );
    }

    #[test]
    fn applying_replaces_the_typed_term() {
        let suggestion = Suggestion {
            term: "bergonei".to_owned(),
            word: "bergonie".to_owned(),
        };
        assert_eq!(suggestion.apply("year:2019 Bergonei"), "year:2019 bergonie");
        assert_eq!(suggestion.apply("other"), "other");
    }

    #[test]
    fn suggests_for_a_term_of_the_embedded_dataset() {
        let dataset = crate::dataset::Dataset::embedded().expect("the embedded dataset loads");
        let index = SearchIndex::build(&dataset);
        let query = super::super::query::parse("bergonei");
        let suggestion = suggest(&index, &query).expect("a suggestion");
        assert_eq!(suggestion.word, "bergonie");
        assert_eq!(
            suggest(&index, &super::super::query::parse("bergonie")),
            None
        );
    }
}
