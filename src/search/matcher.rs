//! Deciding whether a record matches a parsed [`Query`], how well, and
//! which characters to highlight. This module owns the per-field rules
//! (fuzzy subsequence on short fields, word prefixes on long prose, facet
//! values) and the scores; it leaves parsing to [`super::query`], folding
//! to [`super::fold`](mod@super::fold), and ranking, caching and threading to its callers.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{CharSet, Folded};
use super::query::{Facet, Query, Term, TermKind};
use super::{find, fuzzy};

/// A record prepared for searching: every text folded once, up front.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Names, titles, ids, places: matched fuzzily, like fzf on a line.
    pub short: Vec<Folded>,
    /// Summaries, objectives, quotes: matched by whole words or word
    /// prefixes, since a scattered subsequence of prose matches anything.
    pub long: Vec<Folded>,
    /// Values that `name:value` qualifiers search, e.g. (Country, "fr").
    pub facets: Vec<(Facet, Folded)>,
}

/// Scores records against queries. Scoring allocates nothing; the skim
/// matcher it holds (with scratch buffers per thread) only finds highlight
/// positions. Keep one and share it: it is `Send + Sync`.
pub struct Matcher {
    fuzzy: SkimMatcherV2,
}

impl Default for Matcher {
    fn default() -> Self {
        Self::new()
    }
}

/// Any short-field or facet hit scores at least this, and any long-field
/// hit less (at most `LONG_BASE + LONG_LENGTH_CAP + WORD_START_BONUS`), so
/// names and titles rank before mentions in prose, and long fields need no
/// look once a short field matched.
const SHORT_BASE: i64 = 100;
const LONG_BASE: i64 = 10;
const LONG_LENGTH_CAP: i64 = 40;
const CHAR_SCORE: i64 = 16;
const WORD_START_BONUS: i64 = 8;

/// How a field is searched.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Short,
    Long,
    Facet(Facet),
}

/// What a term has to find in one field.
enum Rule {
    Subsequence,
    WordPrefix,
    Substring,
    Bounded,
    Prefix,
    Suffix,
    Equal,
}

fn rule(kind: TermKind, field: Field) -> Rule {
    match (kind, field) {
        (TermKind::Fuzzy, Field::Long) => Rule::WordPrefix,
        // Codes and years read left to right: `year:202` means the 2020s,
        // where a subsequence would also take `year:22` to mean 2012.
        (TermKind::Fuzzy, Field::Facet(Facet::Country | Facet::Year | Facet::Language)) => {
            Rule::Prefix
        }
        (TermKind::Fuzzy, _) => Rule::Subsequence,
        (TermKind::Exact, _) => Rule::Substring,
        (TermKind::ExactBoundary, _) => Rule::Bounded,
        (TermKind::Prefix, _) => Rule::Prefix,
        (TermKind::Suffix, _) => Rule::Suffix,
        (TermKind::Equal, _) => Rule::Equal,
    }
}

impl Matcher {
    pub fn new() -> Self {
        Matcher {
            fuzzy: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// None when the query rejects the document, else a score (higher is
    /// better): the sum over groups of each group's best term. Facet terms
    /// look only at that facet's values; other terms at every short and
    /// long field, scoring the best field.
    pub fn score(&self, query: &Query, document: &Document) -> Option<i64> {
        self.score_prepared(&Prepared::new(query), document)
    }

    /// [`Matcher::score`] with the query's char sets computed once, for
    /// scoring many documents.
    pub fn score_prepared(&self, query: &Prepared<'_>, document: &Document) -> Option<i64> {
        self.score_document(query, document, None)
    }

    /// [`Matcher::score_prepared`] with the document's [`LetterScores`]: a
    /// one-letter term is looked up there instead of scanning the fields.
    pub fn score_with_letters(
        &self,
        query: &Prepared<'_>,
        document: &Document,
        letters: &LetterScores,
    ) -> Option<i64> {
        self.score_document(query, document, Some(letters))
    }

    fn score_document(
        &self,
        query: &Prepared<'_>,
        document: &Document,
        letters: Option<&LetterScores>,
    ) -> Option<i64> {
        query.score(|term, set| match term.facet {
            Some(facet) => self.judge(
                term,
                set,
                document
                    .facets
                    .iter()
                    .filter(|(value_facet, _)| *value_facet == facet)
                    .map(|(_, value)| (value, Field::Facet(facet))),
            ),
            None => {
                if let (Some(letters), Some(letter)) = (letters, plain_letter(term)) {
                    return letters.score(letter);
                }
                let long = document.long.iter().map(|field| (field, Field::Long));
                if term.negated {
                    let short = document.short.iter().map(|field| (field, Field::Short));
                    self.judge(term, set, short.chain(long))
                } else {
                    self.judge_short(term, set, &document.short)
                        .or_else(|| self.judge(term, set, long))
                }
            }
        })
    }

    /// Scores one line as fzf would filter it: a single short field, with
    /// any facet qualifier read as its bare value. Parse the query with
    /// [`super::query::parse_plain`] to get fzf's hits.
    pub fn line_score(&self, query: &Query, line: &Folded) -> Option<i64> {
        query_score(query, |term| {
            let set = CharSet::of(&term.text);
            self.judge(term, set, std::iter::once((line, Field::Short)))
        })
    }

    /// Like [`Matcher::line_score`], for a line folded with
    /// [`super::fold::fold_str`] and a query prepared once for every line:
    /// what filtering many lines needs, with nothing allocated per line.
    pub fn folded_line_score(&self, query: &Prepared<'_>, folded_line: &str) -> Option<i64> {
        query.score(|term, _| {
            let score = self.text_score(term, folded_line, Field::Short, None);
            if term.negated {
                score.is_none().then_some(0)
            } else {
                score
            }
        })
    }

    /// Original char indices of a short field (or a line) matched by the
    /// query's positive, unqualified terms. Meant for visible rows only.
    pub fn highlights(&self, query: &Query, field: &Folded) -> Vec<usize> {
        self.highlight(query, field, Field::Short)
    }

    /// Like [`Matcher::highlights`], for a long field: only word-prefix and
    /// exact hits, never a subsequence scattered through prose.
    pub fn long_highlights(&self, query: &Query, field: &Folded) -> Vec<usize> {
        self.highlight(query, field, Field::Long)
    }

    /// Like [`Matcher::highlights`], for one value of `facet`, by the
    /// query's positive terms qualified with that facet.
    pub fn facet_highlights(&self, query: &Query, facet: Facet, value: &Folded) -> Vec<usize> {
        self.highlight(query, value, Field::Facet(facet))
    }

    fn highlight(&self, query: &Query, field: &Folded, kind: Field) -> Vec<usize> {
        let wanted_facet = match kind {
            Field::Facet(facet) => Some(facet),
            Field::Short | Field::Long => None,
        };
        let mut positions = Vec::new();
        for term in query.groups.iter().flat_map(|group| &group.terms) {
            if !term.negated && term.facet == wanted_facet {
                let set = CharSet::of(&term.text);
                self.field_score(term, set, field, kind, Some(&mut positions));
            }
        }
        field.original_indices(&positions)
    }

    /// A positive term's best score over `fields`; a negated term scores 0
    /// when no field matches it and rejects otherwise, like fzf's `!`.
    fn judge<'a>(
        &self,
        term: &Term,
        set: CharSet,
        mut fields: impl Iterator<Item = (&'a Folded, Field)>,
    ) -> Option<i64> {
        if term.negated {
            let found = fields
                .any(|(field, kind)| self.field_score(term, set, field, kind, None).is_some());
            return (!found).then_some(0);
        }
        fields
            .filter_map(|(field, kind)| self.field_score(term, set, field, kind, None))
            .max()
    }

    /// A positive term's best score over short fields. Once a field scores
    /// the most any short field can, the rest cannot do better and are not
    /// scored: a one-letter query usually finds it at the first word start.
    fn judge_short(&self, term: &Term, set: CharSet, fields: &[Folded]) -> Option<i64> {
        let ceiling = short_ceiling(term);
        let mut best = None;
        for field in fields {
            if let Some(score) = self.field_score(term, set, field, Field::Short, None) {
                if score >= ceiling {
                    return Some(score);
                }
                best = best.max(Some(score));
            }
        }
        best
    }

    /// The score of `term` in one field, pushing the matched folded char
    /// indices to `positions` when asked.
    fn field_score(
        &self,
        term: &Term,
        set: CharSet,
        field: &Folded,
        kind: Field,
        positions: Option<&mut Vec<usize>>,
    ) -> Option<i64> {
        if !field.char_set().contains_all(set) {
            return None;
        }
        self.text_score(term, field.as_str(), kind, positions)
    }

    /// [`Matcher::field_score`] without the char-set check, on folded text.
    fn text_score(
        &self,
        term: &Term,
        text: &str,
        kind: Field,
        positions: Option<&mut Vec<usize>>,
    ) -> Option<i64> {
        let pattern = term.text.as_str();
        let (range, bonus) = match rule(term.kind, kind) {
            Rule::Subsequence => {
                let score = self.subsequence_score(text, pattern, positions)?;
                let prefix_bonus = match kind {
                    Field::Facet(_) if text.starts_with(pattern) => CHAR_SCORE,
                    _ => 0,
                };
                return Some(SHORT_BASE + score.max(0) + prefix_bonus);
            }
            Rule::WordPrefix => (find::word_prefix(text, pattern)?, WORD_START_BONUS),
            Rule::Substring => {
                let (range, at_word_start) = find::substring(text, pattern)?;
                (range, if at_word_start { WORD_START_BONUS } else { 0 })
            }
            Rule::Bounded => (find::bounded(text, pattern)?, 2 * WORD_START_BONUS),
            Rule::Prefix => (find::prefix(text, pattern)?, 2 * WORD_START_BONUS),
            Rule::Suffix => (find::suffix(text, pattern)?, WORD_START_BONUS),
            Rule::Equal => (find::equal(text, pattern)?, 4 * WORD_START_BONUS),
        };
        if let Some(positions) = positions {
            find::push_char_indices(text, range, positions);
        }
        let length = i64::try_from(pattern.chars().count()).unwrap_or(i64::MAX);
        Some(exact_score(kind, length, bonus))
    }

    fn subsequence_score(
        &self,
        text: &str,
        pattern: &str,
        positions: Option<&mut Vec<usize>>,
    ) -> Option<i64> {
        match positions {
            // Skim's full alignment allocates, which visible rows can afford.
            Some(positions) => {
                let (score, indices) = self.fuzzy.fuzzy_indices(text, pattern)?;
                positions.extend(indices);
                Some(score)
            }
            None => fuzzy::score(text, pattern),
        }
    }
}

/// The score of a non-fuzzy hit of `length` chars in a field of `kind`.
fn exact_score(kind: Field, length: i64, bonus: i64) -> i64 {
    match kind {
        Field::Long => LONG_BASE + length.min(LONG_LENGTH_CAP) + bonus / 2,
        Field::Short | Field::Facet(_) => SHORT_BASE + CHAR_SCORE.saturating_mul(length) + bonus,
    }
}

/// The letter (or digit) a positive, unqualified fuzzy term consists of, as an index
/// into [`LetterScores`]: the first keystroke of most queries, which matches nearly
/// every record.
fn plain_letter(term: &Term) -> Option<usize> {
    if term.kind != TermKind::Fuzzy || term.negated || term.facet.is_some() {
        return None;
    }
    match term.text.as_bytes() {
        [byte] => letter_index(char::from(*byte)),
        _ => None,
    }
}

/// How many letters and digits [`LetterScores`] covers, and which, by index.
const LETTERS: usize = 36;
const LETTER_CHARS: [char; LETTERS] = {
    let mut chars = ['\0'; LETTERS];
    let mut index = 0;
    while index < 26 {
        chars[index] = (b'a' + index as u8) as char;
        index += 1;
    }
    while index < LETTERS {
        chars[index] = (b'0' + (index - 26) as u8) as char;
        index += 1;
    }
    chars
};

fn letter_index(character: char) -> Option<usize> {
    match character {
        'a'..='z' => Some(usize::from(character as u8 - b'a')),
        '0'..='9' => Some(26 + usize::from(character as u8 - b'0')),
        _ => None,
    }
}

/// Calls `visit` with each ASCII letter or digit of folded `text`, its index and the
/// char before it. Bytes, not chars, are walked: an ASCII byte is always a whole char,
/// and the text of a whole index is read this way once, at build.
fn for_each_letter(text: &str, mut visit: impl FnMut(usize, Option<char>, char)) {
    let bytes = text.as_bytes();
    for (index, &byte) in bytes.iter().enumerate() {
        let character = char::from(byte);
        let Some(letter) = letter_index(character) else {
            continue;
        };
        let previous = match index.checked_sub(1).map(|before| bytes[before]) {
            None => None,
            Some(before) if before.is_ascii() => Some(char::from(before)),
            Some(_) => text[..index].chars().next_back(),
        };
        visit(letter, previous, character);
    }
}

/// What each one-letter (or one-digit) term scores in one document, worked out once
/// when the index is built. Such a term matches nearly every record, and scoring it
/// from the fields reads every field's text, scattered over memory: a lookup reads
/// none. The scores are those [`Matcher::score_prepared`] gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LetterScores {
    /// Per letter, the best subsequence score of the letter over the short fields, as
    /// [`fuzzy::score`] gives it; 0 when no short field holds it.
    short: [u8; LETTERS],
    /// Per letter, a bit set when a long field has a word starting with it.
    long_word_starts: u64,
}

impl LetterScores {
    /// Reads each short field once, and a long field only for letters no short field
    /// holds.
    pub fn of(document: &Document) -> Self {
        let mut scores = LetterScores {
            short: [0; LETTERS],
            long_word_starts: 0,
        };
        for field in &document.short {
            // A one-char pattern's window is its first occurrence in the field.
            let mut seen = 0_u64;
            for_each_letter(field.as_str(), |letter, previous, character| {
                if seen & (1 << letter) == 0 {
                    seen |= 1 << letter;
                    let score = fuzzy::one_char_score(previous, character);
                    let score = u8::try_from(score.max(0)).unwrap_or(u8::MAX);
                    scores.short[letter] = scores.short[letter].max(score);
                }
            });
        }
        // Long fields count only for letters no short field holds: most records' names
        // and titles hold most letters, and their prose need not be read at all.
        let mut wanted: u64 = (0..LETTERS)
            .filter(|&letter| scores.short[letter] == 0)
            .fold(0, |mask, letter| mask | 1 << letter);
        for field in &document.long {
            let set = field.char_set();
            if !LETTER_CHARS.iter().enumerate().any(|(letter, &character)| {
                wanted & (1 << letter) != 0 && set.may_contain(character)
            }) {
                continue;
            }
            for_each_letter(field.as_str(), |letter, previous, _| {
                if wanted & (1 << letter) != 0
                    && previous.is_none_or(|previous| !previous.is_alphanumeric())
                {
                    scores.long_word_starts |= 1 << letter;
                    wanted &= !(1 << letter);
                }
            });
        }
        scores
    }

    /// What [`Matcher::score_prepared`] gives a term of this one letter.
    fn score(&self, letter: usize) -> Option<i64> {
        match self.short[letter] {
            0 if self.long_word_starts & (1 << letter) != 0 => {
                Some(exact_score(Field::Long, 1, WORD_START_BONUS))
            }
            0 => None,
            score => Some(SHORT_BASE + i64::from(score)),
        }
    }
}

/// The most a positive, unqualified term can score in a short field, as
/// [`Matcher::field_score`] scores it.
fn short_ceiling(term: &Term) -> i64 {
    let length = i64::try_from(term.text.chars().count()).unwrap_or(i64::MAX);
    let exact = SHORT_BASE.saturating_add(CHAR_SCORE.saturating_mul(length));
    match rule(term.kind, Field::Short) {
        Rule::Subsequence => {
            SHORT_BASE.saturating_add(fuzzy::MAX_CHAR_SCORE.saturating_mul(length))
        }
        Rule::WordPrefix => i64::MAX,
        Rule::Substring | Rule::Suffix => exact.saturating_add(WORD_START_BONUS),
        Rule::Bounded | Rule::Prefix => exact.saturating_add(2 * WORD_START_BONUS),
        Rule::Equal => exact.saturating_add(4 * WORD_START_BONUS),
    }
}

/// A query with each term's char set computed once, for scoring many
/// documents ([`Matcher::score_prepared`]) or lines
/// ([`Matcher::folded_line_score`]).
pub struct Prepared<'q> {
    groups: Vec<Vec<(&'q Term, CharSet)>>,
}

impl<'q> Prepared<'q> {
    pub fn new(query: &'q Query) -> Self {
        Prepared {
            groups: query
                .groups
                .iter()
                .map(|group| {
                    group
                        .terms
                        .iter()
                        .map(|term| (term, CharSet::of(&term.text)))
                        .collect()
                })
                .collect(),
        }
    }

    /// All groups must match; each scores its best term.
    fn score(&self, mut term_score: impl FnMut(&Term, CharSet) -> Option<i64>) -> Option<i64> {
        self.groups.iter().try_fold(0_i64, |total, group| {
            let best = group
                .iter()
                .filter_map(|&(term, set)| term_score(term, set))
                .max()?;
            Some(total.saturating_add(best))
        })
    }
}

/// All groups must match; each scores its best term.
fn query_score(query: &Query, mut term_score: impl FnMut(&Term) -> Option<i64>) -> Option<i64> {
    query.groups.iter().try_fold(0_i64, |total, group| {
        let best = group.terms.iter().filter_map(&mut term_score).max()?;
        Some(total.saturating_add(best))
    })
}

#[cfg(test)]
#[path = "matcher_tests.rs"]
mod tests;
