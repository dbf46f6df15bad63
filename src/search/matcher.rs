//! Deciding whether a record matches a parsed [`Query`], how well, and
//! which characters to highlight. This module owns the per-field rules
//! (fuzzy subsequence on short fields, word prefixes on long prose, facet
//! values) and the scores; it leaves parsing to [`super::query`], folding
//! to [`crate::fold`](mod@crate::fold), and ranking, caching and threading to its callers.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fields::{ClassRule, FieldClass, WEIGHT_STEP};
use super::query::{Facet, Query, Term, TermKind};
use super::{find, fuzzy, tight};
use crate::fold::{CharSet, Folded};

#[cfg(test)]
/// A record prepared for searching: every text folded once, up front.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Document {
    /// Names: matched as [`FieldClass::Name`] is.
    pub(crate) short: Vec<Folded>,
    /// Summaries, objectives, quotes: matched as [`FieldClass::Prose`] is, by whole
    /// words or word prefixes, since a scattered subsequence of prose matches anything.
    pub(crate) long: Vec<Folded>,
    /// Values that `name:value` qualifiers search, e.g. (Country, "fr").
    pub(crate) facets: Vec<(Facet, Folded)>,
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

/// A line's or facet value's hit scores at least this.
const SHORT_BASE: i64 = 100;
const CHAR_SCORE: i64 = 16;
const WORD_START_BONUS: i64 = 8;

/// How a field is searched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FieldKind {
    /// A line as fzf filters it: the term's chars in order, anywhere.
    Line,
    /// A record's field, matched and weighed as its class says (see [`super::fields`]).
    Class(FieldClass),
    Facet(Facet),
}

/// What a term has to find in one field.
enum Rule {
    Subsequence,
    Tight,
    WordPrefix,
    Digits,
    Substring,
    Bounded,
    Prefix,
    Suffix,
    Equal,
}

fn rule(kind: TermKind, field: FieldKind) -> Rule {
    match (kind, field) {
        (TermKind::Fuzzy, FieldKind::Line) => Rule::Subsequence,
        (TermKind::Fuzzy, FieldKind::Class(class)) => match class.rule() {
            ClassRule::Tight => Rule::Tight,
            ClassRule::WordPrefix => Rule::WordPrefix,
            ClassRule::Digits => Rule::Digits,
            ClassRule::Prefix => Rule::Prefix,
        },
        // Codes and years read left to right: `year:202` means the 2020s,
        // where a subsequence would also take `year:22` to mean 2012.
        (TermKind::Fuzzy, FieldKind::Facet(Facet::Country | Facet::Year | Facet::Language)) => {
            Rule::Prefix
        }
        // Kinds, roles and names as qualifier values: by words, as enumerations are.
        (TermKind::Fuzzy, FieldKind::Facet(_)) => Rule::WordPrefix,
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

    #[cfg(test)]
    /// None when the query rejects the document, else a score (higher is
    /// better): the sum over groups of each group's best term. Facet terms
    /// look only at that facet's values; other terms at every short and
    /// long field, scoring the best field.
    pub(crate) fn score(&self, query: &Query, document: &Document) -> Option<i64> {
        self.score_prepared(&Prepared::new(query), document)
    }

    #[cfg(test)]
    /// [`Matcher::score`] with the query's char sets computed once, for
    /// scoring many documents.
    pub(crate) fn score_prepared(&self, query: &Prepared<'_>, document: &Document) -> Option<i64> {
        score_fields(query, document)
    }

    #[cfg(test)]
    /// Scores one line as fzf would filter it: a single short field, with
    /// any facet qualifier read as its bare value. Parse the query with
    /// [`super::query::parse_plain`] to get fzf's hits.
    pub(crate) fn line_score(&self, query: &Query, line: &Folded) -> Option<i64> {
        query_score(query, |term| {
            let score = field_score(term, CharSet::of(&term.text), line, FieldKind::Line);
            if term.negated {
                score.is_none().then_some(0)
            } else {
                score
            }
        })
    }

    /// Scores one line as fzf would filter it, for a line folded with
    /// [`crate::fold::fold_str`] and a query prepared once for every line:
    /// what filtering many lines needs, with nothing allocated per line.
    pub fn folded_line_score(&self, query: &Prepared<'_>, folded_line: &str) -> Option<i64> {
        query.score(|term| {
            let score = text_score(term.term, folded_line, FieldKind::Line, None);
            if term.term.negated {
                score.is_none().then_some(0)
            } else {
                score
            }
        })
    }

    /// Original char indices of a name or short title matched by the query's positive,
    /// unqualified terms. Meant for visible rows only.
    pub fn highlights(&self, query: &Query, field: &Folded) -> Vec<usize> {
        self.highlight(query, field, FieldKind::Class(FieldClass::Name))
    }

    /// Like [`Matcher::highlights`], for a field of `class`.
    pub(crate) fn class_highlights(
        &self,
        query: &Query,
        class: FieldClass,
        field: &Folded,
    ) -> Vec<usize> {
        self.highlight(query, field, FieldKind::Class(class))
    }

    #[cfg(test)]
    /// Like [`Matcher::highlights`], for a line as fzf matches it.
    pub(crate) fn line_highlights(&self, query: &Query, field: &Folded) -> Vec<usize> {
        self.highlight(query, field, FieldKind::Line)
    }

    #[cfg(test)]
    /// Like [`Matcher::highlights`], for one value of `facet`, by the
    /// query's positive terms qualified with that facet.
    pub(crate) fn facet_highlights(
        &self,
        query: &Query,
        facet: Facet,
        value: &Folded,
    ) -> Vec<usize> {
        self.highlight(query, value, FieldKind::Facet(facet))
    }

    fn highlight(&self, query: &Query, field: &Folded, kind: FieldKind) -> Vec<usize> {
        let wanted_facet = match kind {
            FieldKind::Facet(facet) => Some(facet),
            FieldKind::Line | FieldKind::Class(_) => None,
        };
        let mut positions = Vec::new();
        for term in query.groups.iter().flat_map(|group| &group.terms) {
            if !term.negated
                && term.facet == wanted_facet
                && field.char_set().contains_all(CharSet::of(&term.text))
            {
                text_score(
                    term,
                    field.as_str(),
                    kind,
                    Some((&self.fuzzy, &mut positions)),
                );
            }
        }
        field.original_indices(&positions)
    }
}

/// A record's fields as scoring reads them: a `Document`'s own, or an
/// index entry's values shared with other entries (see `super::index`),
/// where each distinct value is scored once per term.
pub(crate) trait Fields {
    fn short_count(&self) -> usize;
    fn long_count(&self) -> usize;
    fn facet_count(&self) -> usize;
    /// Which facet the facet value at `index` belongs to.
    fn facet_kind(&self, index: usize) -> Facet;
    /// What `field_score` gives `term` in the field at `at`.
    fn score(&self, term: PreparedTerm<'_>, at: FieldAt) -> Option<i64>;
    /// The record's [`LetterScores`], when it has them.
    fn letters(&self) -> Option<&LetterScores> {
        None
    }
    /// Every char the short fields hold between them, when known: a term needing a
    /// char outside it is in none of them, and they need not be asked.
    fn short_set(&self) -> Option<CharSet> {
        None
    }
    /// Like [`Fields::short_set`], for the long fields.
    fn long_set(&self) -> Option<CharSet> {
        None
    }
}

/// A field of a record, by kind and position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FieldAt {
    Short(usize),
    Long(usize),
    Facet(usize),
}

#[cfg(test)]
impl Fields for Document {
    fn short_count(&self) -> usize {
        self.short.len()
    }
    fn long_count(&self) -> usize {
        self.long.len()
    }
    fn facet_count(&self) -> usize {
        self.facets.len()
    }
    fn facet_kind(&self, index: usize) -> Facet {
        self.facets[index].0
    }
    fn score(&self, term: PreparedTerm<'_>, at: FieldAt) -> Option<i64> {
        let (field, kind) = match at {
            FieldAt::Short(index) => (&self.short[index], FieldKind::Class(FieldClass::Name)),
            FieldAt::Long(index) => (&self.long[index], FieldKind::Class(FieldClass::Prose)),
            FieldAt::Facet(index) => {
                let (facet, value) = &self.facets[index];
                (value, FieldKind::Facet(*facet))
            }
        };
        field_score(term.term, term.set, field, kind)
    }
}

#[cfg(test)]
/// None when the query rejects the record, else its score: the sum over groups of each
/// group's best term. A facet term looks only at that facet's values; any other term
/// at the short fields, and at the long ones when no short field holds it.
pub(crate) fn score_fields(query: &Prepared<'_>, fields: &impl Fields) -> Option<i64> {
    score_within(query, fields, 0, FieldMask::ALL).map(|(score, _)| score)
}

/// Which of a record's short and long fields may hold a term: bit `i % 64` of the low
/// half for short field `i`, of the high half for long field `i`. A record with more
/// than 64 fields of a kind shares bits between them, so that a bit may stand for a
/// field that did not match, never the reverse: a press contact's releases run to 200
/// long fields, and a mask that gave up past the 64th had them all read on every
/// keystroke.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FieldMask(u128);

impl FieldMask {
    pub(crate) const ALL: FieldMask = FieldMask(u128::MAX);
    pub(crate) const NONE: FieldMask = FieldMask(0);
    const LONGS: u128 = (u64::MAX as u128) << 64;

    fn bit(index: usize, long: bool) -> u128 {
        1 << (index % 64 + if long { 64 } else { 0 })
    }

    fn may_hold_short(self, index: usize) -> bool {
        self.0 & Self::bit(index, false) != 0
    }

    fn may_hold_long(self, index: usize) -> bool {
        self.0 & Self::bit(index, true) != 0
    }

    fn add_short(&mut self, index: usize) {
        self.0 |= Self::bit(index, false);
    }

    fn add_long(&mut self, index: usize) {
        self.0 |= Self::bit(index, true);
    }

    /// Adds the short fields from `from` up to `count`.
    fn add_shorts(&mut self, from: usize, count: usize) {
        for index in from..count.min(from + 64) {
            self.add_short(index);
        }
    }

    fn add_longs(&mut self) {
        self.0 |= Self::LONGS;
    }
}

/// `score_fields`, for a query that grew from one whose hit this record was: the
/// positive unqualified terms of the first `narrowed_groups` groups only look at the
/// fields `within` marks, the fields that earlier query's such terms may have matched.
/// That is safe because each of those terms narrows an earlier term
/// ([`Query::grows_from`](super::query::Query::grows_from)), so it matches no field
/// the earlier one did not. Also returns the fields this query's positive unqualified
/// terms may match, for the next keystroke.
pub(crate) fn score_within(
    query: &Prepared<'_>,
    fields: &impl Fields,
    narrowed_groups: usize,
    within: FieldMask,
) -> Option<(i64, FieldMask)> {
    let mut matched = FieldMask::NONE;
    let score = query.score(|term| match term.term.facet {
        Some(facet) => judge(
            term.term.negated,
            (0..fields.facet_count())
                .filter(|&index| fields.facet_kind(index) == facet)
                .map(|index| fields.score(term, FieldAt::Facet(index))),
        ),
        None => {
            if let (Some(letters), Some(letter)) = (fields.letters(), plain_letter(term.term)) {
                // Which fields hold the letter is not known: any may.
                matched = FieldMask::ALL;
                return letters.score(letter);
            }
            let may_hold = |set: Option<CharSet>| set.is_none_or(|set| set.contains_all(term.set));
            let shorts = if may_hold(fields.short_set()) {
                fields.short_count()
            } else {
                0
            };
            let longs = if may_hold(fields.long_set()) {
                fields.long_count()
            } else {
                0
            };
            if term.term.negated {
                let short = (0..shorts).map(|index| fields.score(term, FieldAt::Short(index)));
                let long = (0..longs).map(|index| fields.score(term, FieldAt::Long(index)));
                return judge(true, short.chain(long));
            }
            let within = if term.group < narrowed_groups {
                within
            } else {
                FieldMask::ALL
            };
            let short = best_short(term, fields, shorts, within, &mut matched);
            if short.is_some_and(|score| score >= word_fields_ceiling()) {
                matched.add_longs();
                return short;
            }
            let long = (0..longs)
                .filter(|&index| within.may_hold_long(index))
                .filter_map(|index| {
                    let score = fields.score(term, FieldAt::Long(index))?;
                    matched.add_long(index);
                    Some(score)
                })
                .max();
            short.max(long)
        }
    });
    score.map(|score| (score, matched))
}

/// A positive term's best score among `scores`; a negated term scores 0 when none
/// matched and rejects otherwise, like fzf's `!`. Scores are asked for lazily.
fn judge(negated: bool, mut scores: impl Iterator<Item = Option<i64>>) -> Option<i64> {
    if negated {
        return (!scores.any(|score| score.is_some())).then_some(0);
    }
    scores.flatten().max()
}

/// A positive term's best score over the first `count` short fields that `within`
/// marks, adding those it matched to `matched`. Once a field scores the most any short
/// field can, the rest cannot do better and are not scored (a one-letter query usually
/// finds it at the first word start); as they, and the long fields, are then not
/// looked at, they are all added.
fn best_short(
    term: PreparedTerm<'_>,
    fields: &impl Fields,
    count: usize,
    within: FieldMask,
    matched: &mut FieldMask,
) -> Option<i64> {
    let ceiling = short_ceiling(term.term);
    let mut best = None;
    for index in (0..count).filter(|&index| within.may_hold_short(index)) {
        if let Some(score) = fields.score(term, FieldAt::Short(index)) {
            matched.add_short(index);
            if score >= ceiling {
                matched.add_shorts(index + 1, count);
                matched.add_longs();
                return Some(score);
            }
            best = best.max(Some(score));
        }
    }
    best
}

/// Whether `term` must begin a word to match a field of `kind`, so that
/// [`find::WordStarts`] can rule the field out.
pub(crate) fn needs_word_start(term: &Term, kind: FieldKind) -> bool {
    matches!(rule(term.kind, kind), Rule::WordPrefix)
}

#[cfg(test)]
/// The score of a positive `term` in one folded field of `kind`, whatever the term's
/// negation: the caller decides what a hit means. `set` is the term's [`CharSet`].
pub(crate) fn field_score(
    term: &Term,
    set: CharSet,
    field: &Folded,
    kind: FieldKind,
) -> Option<i64> {
    value_score(term, set, field.char_set(), || field.as_str(), kind)
}

/// `field_score` for folded text stored apart from its [`CharSet`]: the text is
/// only read when the set may hold the term.
pub(crate) fn value_score<'t>(
    term: &Term,
    set: CharSet,
    text_set: CharSet,
    text: impl FnOnce() -> &'t str,
    kind: FieldKind,
) -> Option<i64> {
    if !text_set.contains_all(set) {
        return None;
    }
    text_score(term, text(), kind, None)
}

/// `field_score` without the char-set check, on folded text; with a skim matcher
/// and a buffer, it also pushes the matched folded char indices there.
fn text_score(
    term: &Term,
    text: &str,
    kind: FieldKind,
    positions: Option<(&SkimMatcherV2, &mut Vec<usize>)>,
) -> Option<i64> {
    let pattern = term.text.as_str();
    let (range, bonus) = match rule(term.kind, kind) {
        Rule::Subsequence => {
            let score = match positions {
                // Skim's full alignment allocates, which visible rows can afford.
                Some((skim, positions)) => {
                    let (score, indices) = skim.fuzzy_indices(text, pattern)?;
                    positions.extend(indices);
                    score
                }
                None => fuzzy::score(text, pattern)?,
            };
            return Some(SHORT_BASE + score.max(0));
        }
        Rule::Tight => {
            let quality = tight::score(text, pattern, positions.map(|(_, positions)| positions))?;
            return Some(weighed(kind, quality));
        }
        Rule::Digits => {
            let (range, at_start) = find::digits(text, pattern)?;
            if let Some((_, positions)) = positions {
                find::push_digit_indices(text, range.clone(), positions);
            }
            let length = i64::try_from(range.len()).unwrap_or(i64::MAX);
            let bonus = if at_start { WORD_START_BONUS } else { 0 };
            return Some(weighed(kind, quality(length, bonus)));
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
    if let Some((_, positions)) = positions {
        find::push_char_indices(text, range, positions);
    }
    let length = i64::try_from(pattern.chars().count()).unwrap_or(i64::MAX);
    Some(weighed(kind, quality(length, bonus)))
}

/// The quality of a non-fuzzy hit of `length` chars.
fn quality(length: i64, bonus: i64) -> i64 {
    CHAR_SCORE.saturating_mul(length).saturating_add(bonus)
}

/// A hit's score from its quality: a record's field weighs its class, so that a hit in a
/// heavier class always outranks one in a lighter class; a line or facet value scores
/// its quality alone, above a base.
fn weighed(kind: FieldKind, quality: i64) -> i64 {
    match kind {
        FieldKind::Class(class) => class.weight() * WEIGHT_STEP + quality.clamp(1, WEIGHT_STEP - 1),
        FieldKind::Line | FieldKind::Facet(_) => SHORT_BASE + quality.max(0),
    }
}

/// The letter (or digit) a positive, unqualified fuzzy term consists of, as an index
/// into [`LetterScores`]: the first keystroke of most queries, which matches nearly
/// every record.
pub(crate) fn plain_letter(term: &Term) -> Option<usize> {
    if term.kind != TermKind::Fuzzy || term.negated || term.facet.is_some() {
        return None;
    }
    match term.text.as_bytes() {
        [byte] => letter_index(char::from(*byte)),
        _ => None,
    }
}

/// How many letters and digits [`LetterScores`] covers.
const LETTERS: usize = 36;

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
fn for_each_letter(text: &str, mut visit: impl FnMut(usize, usize, Option<char>, char)) {
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
        visit(letter, index, previous, character);
    }
}

/// What each one-letter (or one-digit) term scores in one document, worked out once
/// when the index is built. Such a term matches nearly every record, and scoring it
/// from the fields reads every field's text, scattered over memory: a lookup reads
/// none. The scores are those `Matcher::score_prepared` (the tests' reference) gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LetterScores {
    /// Per letter, the best score of the letter over the fields; 0 when none holds it.
    best: [u16; LETTERS],
}

impl Default for LetterScores {
    fn default() -> Self {
        LetterScores { best: [0; LETTERS] }
    }
}

impl LetterScores {
    /// A document's letter scores: the best of its short fields' and its long fields'.
    /// The index combines its values' scores itself; the tests compare through this.
    #[cfg(test)]
    pub(crate) fn of(document: &Document) -> Self {
        let mut scores = LetterScores::default();
        for field in &document.short {
            scores.add(&LetterScores::of_value(field.as_str(), FieldClass::Name));
        }
        for field in &document.long {
            scores.add(&LetterScores::of_value(field.as_str(), FieldClass::Prose));
        }
        scores
    }

    /// The letter scores of one field (folded) of `class`, as [`text_score`] would give
    /// each letter, from one walk through the text.
    pub(crate) fn of_value(text: &str, class: FieldClass) -> Self {
        // Per letter: anywhere, at a word start, first in the text.
        let (mut anywhere, mut word_start, mut first, mut first_shown) = (0_u64, 0_u64, None, None);
        // `^`-like prefixes ignore leading whitespace, as fzf's do.
        let leading = text.len() - text.trim_start().len();
        let mut first_digit = None;
        for_each_letter(text, |letter, index, previous, _| {
            anywhere |= 1 << letter;
            if previous.is_none_or(|previous| !previous.is_alphanumeric()) {
                word_start |= 1 << letter;
            }
            if index == 0 {
                first = Some(letter);
            }
            if index == leading {
                first_shown = Some(letter);
            }
            if letter >= 26 && first_digit.is_none() {
                first_digit = Some(letter);
            }
        });
        let kind = FieldKind::Class(class);
        let mut scores = LetterScores::default();
        for letter in 0..LETTERS {
            let bit = 1_u64 << letter;
            let quality = match class.rule() {
                ClassRule::Tight if anywhere & bit != 0 => Some(tight::one_char_quality(
                    first == Some(letter),
                    text.len() == 1,
                    word_start & bit != 0,
                )),
                ClassRule::WordPrefix if word_start & bit != 0 => {
                    Some(quality(1, WORD_START_BONUS))
                }
                ClassRule::Digits if letter >= 26 && anywhere & bit != 0 => {
                    let at_start = first_digit == Some(letter);
                    Some(quality(1, if at_start { WORD_START_BONUS } else { 0 }))
                }
                ClassRule::Prefix if first_shown == Some(letter) => {
                    Some(quality(1, 2 * WORD_START_BONUS))
                }
                _ => None,
            };
            if let Some(quality) = quality {
                scores.best[letter] = u16::try_from(weighed(kind, quality)).unwrap_or(u16::MAX);
            }
        }
        scores
    }

    /// Takes in another field's scores: the best of both, per letter.
    pub(crate) fn add(&mut self, other: &LetterScores) {
        for (mine, theirs) in self.best.iter_mut().zip(&other.best) {
            *mine = (*mine).max(*theirs);
        }
    }

    /// What `Matcher::score_prepared` (the tests' reference) gives a term of this one letter.
    fn score(&self, letter: usize) -> Option<i64> {
        match self.best[letter] {
            0 => None,
            score => Some(i64::from(score)),
        }
    }
}

/// The most a positive, unqualified term can score in a letter-matched field (a
/// record's own name at best), for a caller to stop looking once a field reaches it.
fn short_ceiling(term: &Term) -> i64 {
    let length = term.text.chars().count();
    let top = FieldClass::Name.weight() * WEIGHT_STEP;
    match rule(term.kind, FieldKind::Class(FieldClass::Name)) {
        Rule::Tight => top + tight::ceiling(length).min(WEIGHT_STEP - 1),
        _ => top + WEIGHT_STEP - 1,
    }
}

/// No prose-like field (an enumeration, prose) scores this much: a hit in another
/// field that does makes reading them needless.
fn word_fields_ceiling() -> i64 {
    FieldClass::ALL
        .iter()
        .filter(|class| class.by_words())
        .map(|class| (class.weight() + 1) * WEIGHT_STEP)
        .max()
        .unwrap_or(0)
}

/// A query with each term's char set computed once, for scoring many
/// records (the search index) or lines ([`Matcher::folded_line_score`]).
pub struct Prepared<'q> {
    groups: Vec<Vec<PreparedTerm<'q>>>,
}

/// One term of a [`Prepared`] query.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PreparedTerm<'q> {
    /// The term's position among the query's terms, counted across groups: what a
    /// scorer keeping something per term indexes by.
    pub(crate) slot: usize,
    /// The position of the term's group in the query.
    pub(crate) group: usize,
    pub(crate) term: &'q Term,
    /// The chars the term needs, for cheap rejection of fields.
    pub(crate) set: CharSet,
}

impl<'q> Prepared<'q> {
    pub fn new(query: &'q Query) -> Self {
        let mut slot = 0;
        Prepared {
            groups: query
                .groups
                .iter()
                .enumerate()
                .map(|(group_index, group)| {
                    group
                        .terms
                        .iter()
                        .map(|term| {
                            slot += 1;
                            PreparedTerm {
                                slot: slot - 1,
                                group: group_index,
                                term,
                                set: CharSet::of(&term.text),
                            }
                        })
                        .collect()
                })
                .collect(),
        }
    }

    /// Every term, in slot order.
    pub(crate) fn terms(&self) -> impl Iterator<Item = PreparedTerm<'q>> + '_ {
        self.groups.iter().flatten().copied()
    }

    /// All groups must match; each scores its best term.
    fn score(&self, mut term_score: impl FnMut(PreparedTerm<'q>) -> Option<i64>) -> Option<i64> {
        self.groups.iter().try_fold(0_i64, |total, group| {
            let best = group.iter().filter_map(|&term| term_score(term)).max()?;
            Some(total.saturating_add(best))
        })
    }
}

#[cfg(test)]
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
