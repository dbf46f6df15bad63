//! The fuzzy rule for names, places and short titles: a term's letters in order, but only
//! where they read as what a person typed, never scattered through a long name. A term
//! matches a (folded) field when it is
//!
//! - a substring of it (`roussy`, `ussy`);
//! - or a near-contiguous run that starts a word, with at most [`MAX_GAPS`] gaps of at
//!   most [`MAX_GAP_CHARS`] chars each, after at least [`MIN_RUN_BEFORE_GAP`] matched
//!   chars (`bergnie` for "bergonie": a letter left out);
//! - or runs that each start a word: an acronym's single letters (`vhio`), or runs whose
//!   first has three chars or more (`leonber`, `gusrou`), where a later run of one char
//!   can only be the last: so `bergonei` does not find "bergonie early … innovation" through
//!   a lone `e` and `i`, nor `leon` "laboratoire en oncologie".
//!
//! Each rule keeps every prefix of a match a match, which the index's narrowing as a
//! person types relies on. The score is the match's quality only; [`super::matcher`]
//! adds the field's weight.

use std::cell::RefCell;

use super::find::is_word_start;

const MATCH: i64 = 16;
const WORD_START_BONUS: i64 = 8;
const FIRST_CHAR_MULTIPLIER: i64 = 2;
const CONSECUTIVE_BONUS: i64 = 4;
const GAP_PENALTY: i64 = 3;
/// A substring beats any scattered match of the same term.
const SUBSTRING_BONUS: i64 = 12;
/// The field starts with the term, or is the term.
const PREFIX_BONUS: i64 = 16;
const EQUAL_BONUS: i64 = 32;

/// How many chars one gap in a near-contiguous run may skip.
pub(crate) const MAX_GAP_CHARS: usize = 2;
/// How many chars a near-contiguous run must have matched before its first gap: fewer
/// is too little to go on (`prpa` is not "prepa…").
pub(crate) const MIN_RUN_BEFORE_GAP: usize = 3;
/// How many gaps a near-contiguous run may have.
pub(crate) const MAX_GAPS: usize = 2;

/// The most a term of `length` chars can score.
pub(crate) fn ceiling(length: usize) -> i64 {
    let length = i64::try_from(length).unwrap_or(i64::MAX / 64);
    MATCH * length
        + WORD_START_BONUS * FIRST_CHAR_MULTIPLIER
        + CONSECUTIVE_BONUS * length
        + SUBSTRING_BONUS
        + PREFIX_BONUS
        + EQUAL_BONUS
}

/// The quality of `pattern` in `text` (both folded), or None when it does not match;
/// with `positions`, the matched char indices are pushed there.
pub(crate) fn score(text: &str, pattern: &str, positions: Option<&mut Vec<usize>>) -> Option<i64> {
    if pattern.is_empty() {
        return None;
    }
    if let Some(score) = substring(text, pattern) {
        let (start, quality) = score;
        if let Some(positions) = positions {
            let first = text[..start].chars().count();
            positions.extend(first..first + pattern.chars().count());
        }
        return Some(quality);
    }
    if !could_match(text, pattern) {
        return None;
    }
    let mut chars = pattern.chars();
    if let (Some(first), Some(second), None) = (chars.next(), chars.next(), chars.next()) {
        return two_initials(text, first, second, positions);
    }
    SCRATCH.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        // Positions need the whole table to trace back; a score, two rows of it.
        scratch.load(text, pattern, positions.is_none());
        // Most texts that get this far do not match: bit-parallel runs of both rules
        // say so at a fraction of the programmes' cost, which then only score matches.
        if scratch.pattern.len() <= 64 && !scratch.may_match() {
            return None;
        }
        let found = scratch
            .gapped()
            .into_iter()
            .chain(scratch.word_runs())
            .max_by_key(|(quality, _)| *quality)?;
        if let Some(positions) = positions {
            positions.extend(found.1.iter().copied());
        }
        Some(found.0)
    })
}

/// A term of two chars that is no substring can only be two initials (`gr` for
/// "Gustave Roussy"): the second keystroke of every query asks this of nearly every
/// field, so it is answered without the programmes, with the score they give.
fn two_initials(
    text: &str,
    first: char,
    second: char,
    positions: Option<&mut Vec<usize>>,
) -> Option<i64> {
    let starts = || {
        text.char_indices()
            .enumerate()
            .filter(|&(_, (byte, _))| is_word_start(text, byte))
    };
    // The earliest first initial scores best (a prefix bonus at the start); any second
    // initial after it, not next to it, scores the same.
    let (first_at, _) = starts().find(|&(_, (_, character))| character == first)?;
    let (second_at, _) =
        starts().find(|&(at, (_, character))| at > first_at + 1 && character == second)?;
    if let Some(positions) = positions {
        positions.extend([first_at, second_at]);
    }
    Some(first_quality(first_at) + MATCH + WORD_START_BONUS - GAP_PENALTY)
}

/// What both scattered rules need, checked cheaply before either runs: the pattern's
/// first char at a word start, and the rest after it in order.
fn could_match(text: &str, pattern: &str) -> bool {
    let mut wanted = pattern.chars();
    let Some(first) = wanted.next() else {
        return false;
    };
    let Some(start) = text
        .char_indices()
        .find(|&(index, character)| character == first && is_word_start(text, index))
        .map(|(index, character)| index + character.len_utf8())
    else {
        return false;
    };
    let mut rest = text[start..].chars();
    wanted.all(|character| rest.any(|found| found == character))
}

/// The best occurrence of `pattern` as a substring (one at a word start if any), as its
/// byte start and quality.
fn substring(text: &str, pattern: &str) -> Option<(usize, i64)> {
    let mut first = None;
    let mut from = 0;
    while let Some(found) = memchr::memmem::find(&text.as_bytes()[from..], pattern.as_bytes()) {
        let start = from + found;
        if is_word_start(text, start) {
            first = Some((start, true));
            break;
        }
        first.get_or_insert((start, false));
        from = start + pattern.chars().next().map_or(1, char::len_utf8);
        if from > text.len() {
            break;
        }
    }
    let (start, at_word_start) = first?;
    let length = i64::try_from(pattern.chars().count()).unwrap_or(i64::MAX / 64);
    let mut quality = MATCH * length + CONSECUTIVE_BONUS * (length - 1) + SUBSTRING_BONUS;
    if at_word_start {
        quality += WORD_START_BONUS * FIRST_CHAR_MULTIPLIER;
    }
    if start == 0 {
        quality += PREFIX_BONUS;
        if text.len() == pattern.len() {
            quality += EQUAL_BONUS;
        }
    }
    Some((start, quality))
}

/// The quality [`score`] gives a term of one char that occurs in the text: first in it
/// (and the whole of it), or else at a word start, or else only inside words. What the
/// index's one-letter lookup stores.
pub(crate) fn one_char_quality(first: bool, whole: bool, at_word_start: bool) -> i64 {
    let mut quality = MATCH + SUBSTRING_BONUS;
    if first || at_word_start {
        quality += WORD_START_BONUS * FIRST_CHAR_MULTIPLIER;
    }
    if first {
        quality += PREFIX_BONUS;
        if whole {
            quality += EQUAL_BONUS;
        }
    }
    quality
}

/// The quality a term of one char gets in `text` at the best of its occurrences.
#[cfg(test)]
fn one_char(text: &str, character: char) -> Option<i64> {
    let mut buffer = [0; 4];
    substring(text, character.encode_utf8(&mut buffer)).map(|(_, quality)| quality)
}

/// The quality of a scattered match's first char, at a word start by the rules.
fn first_quality(position: usize) -> i64 {
    let quality = MATCH + WORD_START_BONUS * FIRST_CHAR_MULTIPLIER;
    if position == 0 {
        quality + PREFIX_BONUS
    } else {
        quality
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Buffers for the two dynamic programmes, kept per thread so scoring allocates only
/// when a longer text than before comes along.
#[derive(Default)]
struct Scratch {
    text: Vec<char>,
    starts: Vec<bool>,
    pattern: Vec<char>,
    /// Best quality per (pattern char, text char, state), with the previous position.
    best: Vec<Option<(i64, usize)>>,
    /// Only two pattern chars' rows are kept: enough for a score, not for positions.
    rolling: bool,
}

/// States of the gapped programme: gaps used so far.
const GAP_STATES: usize = MAX_GAPS + 1;

/// States of the word-runs programme: where the match is in its runs.
const RUN_STATES: usize = 6;
/// In the first run, one char so far.
const FIRST_ONE: usize = 0;
/// In the first run, two chars so far.
const FIRST_TWO: usize = 1;
/// In the first run, three chars or more.
const FIRST_LONG: usize = 2;
/// Jumped after a first run of one char: an acronym, every run one char.
const ACRONYM: usize = 3;
/// Jumped after a long first run; the current run has one char.
const LATER_ONE: usize = 4;
/// Jumped after a long first run; the current run has two chars or more.
const LATER_LONG: usize = 5;

/// The state after one more char of the current run, if it may grow. An acronym's runs
/// may not, so that its letters (`l`, `e`, `o`…) do not end in a run anywhere (`on`).
fn run_continues(state: usize) -> Option<usize> {
    match state {
        FIRST_ONE => Some(FIRST_TWO),
        FIRST_TWO | FIRST_LONG => Some(FIRST_LONG),
        LATER_ONE | LATER_LONG => Some(LATER_LONG),
        _ => None,
    }
}

/// The state after a jump to a word start, if one may be made: any time in an acronym;
/// after a first run of three chars or more (`gusrou`, not `pr` + `pa`), and then
/// never from a lone char between runs.
fn run_jumps(state: usize) -> Option<usize> {
    match state {
        FIRST_ONE | ACRONYM => Some(ACRONYM),
        FIRST_LONG | LATER_LONG => Some(LATER_ONE),
        _ => None,
    }
}

impl Scratch {
    fn load(&mut self, text: &str, pattern: &str, rolling: bool) {
        self.rolling = rolling;
        self.text.clear();
        self.text.extend(text.chars());
        self.starts.clear();
        for (index, _) in text.char_indices() {
            self.starts.push(is_word_start(text, index));
        }
        self.pattern.clear();
        self.pattern.extend(pattern.chars());
    }

    fn reset(&mut self, states: usize) {
        let rows = if self.rolling { 2 } else { self.pattern.len() };
        self.best.clear();
        self.best.resize(rows * self.text.len() * states, None);
    }

    /// Empties the row `char_index` is about to fill, when rows are reused.
    fn clear_row(&mut self, states: usize, char_index: usize) {
        if self.rolling {
            let start = self.at(states, char_index, 0, 0);
            let end = start + self.text.len() * states;
            self.best[start..end].fill(None);
        }
    }

    fn at(&self, states: usize, char_index: usize, position: usize, state: usize) -> usize {
        let row = if self.rolling {
            char_index & 1
        } else {
            char_index
        };
        (row * self.text.len() + position) * states + state
    }

    /// The alignment ending at (last pattern char, `position`, `state`), as char indices.
    fn trace(&self, states: usize, position: usize, state: usize) -> Vec<usize> {
        let mut positions = vec![0; self.pattern.len()];
        let (mut position, mut state) = (position, state);
        for char_index in (0..self.pattern.len()).rev() {
            positions[char_index] = position;
            let Some((_, back)) = self.best[self.at(states, char_index, position, state)] else {
                break;
            };
            // `back` packs the previous position and state.
            position = back / states;
            state = back % states;
        }
        positions
    }

    /// Whether either rule can match, by following every alignment at once as bits
    /// (bit `k`: the pattern's first `k + 1` chars matched, ending here), per state.
    /// Needs a pattern of at most 64 chars.
    fn may_match(&self) -> bool {
        let count = self.pattern.len();
        let last = 1_u64 << (count - 1);
        // Word runs: alignments ending at the previous position, and at any before it.
        let mut runs_here = [0_u64; RUN_STATES];
        let mut runs_before = [0_u64; RUN_STATES];
        // Gapped runs: alignments ending 1, 2 and 3 positions back, per gaps used.
        let mut gapped = [[0_u64; GAP_STATES]; MAX_GAP_CHARS + 1];
        // Gaps may follow only the first MIN_RUN_BEFORE_GAP chars matched.
        let may_gap_after = !((1_u64 << (MIN_RUN_BEFORE_GAP - 1)) - 1);
        for (position, &character) in self.text.iter().enumerate() {
            let equal = self
                .pattern
                .iter()
                .enumerate()
                .filter(|&(_, &wanted)| wanted == character)
                .fold(0_u64, |bits, (index, _)| bits | 1 << index);
            let start = self.starts[position];
            let first = u64::from(start && equal & 1 != 0);
            let mut runs = [0_u64; RUN_STATES];
            runs[FIRST_ONE] = first;
            for state in 0..RUN_STATES {
                if let Some(next) = run_continues(state) {
                    runs[next] |= (runs_here[state] << 1) & equal;
                }
                if start && let Some(next) = run_jumps(state) {
                    runs[next] |= (runs_before[state] << 1) & equal;
                }
            }
            let mut gaps = [0_u64; GAP_STATES];
            gaps[0] = first;
            for (skipped, ends) in gapped.iter().enumerate() {
                for state in 0..GAP_STATES {
                    let from = ends[state];
                    if skipped == 0 {
                        gaps[state] |= (from << 1) & equal;
                    } else if state + 1 < GAP_STATES {
                        gaps[state + 1] |= ((from & may_gap_after) << 1) & equal;
                    }
                }
            }
            if runs.iter().chain(&gaps).any(|bits| bits & last != 0) {
                return true;
            }
            for state in 0..RUN_STATES {
                runs_before[state] |= runs_here[state];
            }
            runs_here = runs;
            gapped.rotate_right(1);
            gapped[0] = gaps;
        }
        false
    }

    /// A run that starts a word, with small gaps after its first two chars.
    fn gapped(&mut self) -> Option<(i64, Vec<usize>)> {
        let (count, length) = (self.pattern.len(), self.text.len());
        if count <= MIN_RUN_BEFORE_GAP {
            return None;
        }
        self.reset(GAP_STATES);
        for position in 0..length {
            if self.starts[position] && self.text[position] == self.pattern[0] {
                let index = self.at(GAP_STATES, 0, position, 0);
                self.best[index] = Some((first_quality(position), 0));
            }
        }
        for char_index in 1..count {
            self.clear_row(GAP_STATES, char_index);
            for position in char_index..length {
                if self.text[position] != self.pattern[char_index] {
                    continue;
                }
                for skipped in 0..=MAX_GAP_CHARS {
                    let Some(previous) = position.checked_sub(skipped + 1) else {
                        break;
                    };
                    if skipped > 0 && char_index < MIN_RUN_BEFORE_GAP {
                        break;
                    }
                    for state in 0..GAP_STATES {
                        let Some((quality, _)) =
                            self.best[self.at(GAP_STATES, char_index - 1, previous, state)]
                        else {
                            continue;
                        };
                        let (next_state, gained) = if skipped == 0 {
                            (state, MATCH + CONSECUTIVE_BONUS)
                        } else {
                            (state + 1, MATCH - GAP_PENALTY * skipped as i64)
                        };
                        if next_state >= GAP_STATES {
                            continue;
                        }
                        let slot = self.at(GAP_STATES, char_index, position, next_state);
                        let candidate = quality + gained;
                        if self.best[slot].is_none_or(|(best, _)| candidate > best) {
                            self.best[slot] = Some((candidate, previous * GAP_STATES + state));
                        }
                    }
                }
            }
        }
        self.finish(GAP_STATES)
    }

    /// Runs that each start a word.
    fn word_runs(&mut self) -> Option<(i64, Vec<usize>)> {
        let (count, length) = (self.pattern.len(), self.text.len());
        self.reset(RUN_STATES);
        for position in 0..length {
            if self.starts[position] && self.text[position] == self.pattern[0] {
                let index = self.at(RUN_STATES, 0, position, FIRST_ONE);
                self.best[index] = Some((first_quality(position), 0));
            }
        }
        for char_index in 1..count {
            self.clear_row(RUN_STATES, char_index);
            // The best of each state before each position but the last, for jumps.
            let mut jump_from: [Option<(i64, usize)>; RUN_STATES] = [None; RUN_STATES];
            for position in 0..length {
                let matches = self.text[position] == self.pattern[char_index];
                if matches && position > 0 {
                    for state in 0..RUN_STATES {
                        let Some((quality, _)) =
                            self.best[self.at(RUN_STATES, char_index - 1, position - 1, state)]
                        else {
                            continue;
                        };
                        let Some(next) = run_continues(state) else {
                            continue;
                        };
                        self.offer(
                            char_index,
                            position,
                            next,
                            quality + MATCH + CONSECUTIVE_BONUS,
                            (position - 1) * RUN_STATES + state,
                        );
                    }
                }
                if matches && self.starts[position] {
                    for (state, from) in jump_from.iter().enumerate() {
                        let (Some((quality, back)), Some(next)) = (*from, run_jumps(state)) else {
                            continue;
                        };
                        self.offer(
                            char_index,
                            position,
                            next,
                            quality + MATCH + WORD_START_BONUS - GAP_PENALTY,
                            back,
                        );
                    }
                }
                if position >= 1 {
                    let earlier = position - 1;
                    for (state, from) in jump_from.iter_mut().enumerate() {
                        if let Some((quality, _)) =
                            self.best[self.at(RUN_STATES, char_index - 1, earlier, state)]
                            && from.is_none_or(|(best, _)| quality > best)
                        {
                            *from = Some((quality, earlier * RUN_STATES + state));
                        }
                    }
                }
            }
        }
        self.finish(RUN_STATES)
    }

    fn offer(
        &mut self,
        char_index: usize,
        position: usize,
        state: usize,
        quality: i64,
        back: usize,
    ) {
        let slot = self.at(RUN_STATES, char_index, position, state);
        if self.best[slot].is_none_or(|(best, _)| quality > best) {
            self.best[slot] = Some((quality, back));
        }
    }

    /// The best complete alignment, as its quality and char positions.
    fn finish(&self, states: usize) -> Option<(i64, Vec<usize>)> {
        let last = self.pattern.len() - 1;
        let mut best: Option<(i64, usize, usize)> = None;
        for position in 0..self.text.len() {
            for state in 0..states {
                if let Some((quality, _)) = self.best[self.at(states, last, position, state)]
                    && best.is_none_or(|(top, ..)| quality > top)
                {
                    best = Some((quality, position, state));
                }
            }
        }
        let (quality, position, state) = best?;
        let positions = if self.rolling {
            Vec::new()
        } else {
            self.trace(states, position, state)
        };
        Some((quality, positions))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(text: &str, pattern: &str) -> bool {
        score(text, pattern, None).is_some()
    }

    #[test]
    fn substrings_prefixes_and_acronyms_match() {
        assert!(finds("gustave roussy", "roussy"));
        assert!(finds("gustave roussy", "ussy"));
        assert!(finds("vall d'hebron institute of oncology", "vhio"));
        assert!(finds("centre leon berard", "clb"));
        assert!(finds("centre leon berard", "leonber"));
        assert!(finds("gustave roussy", "gusrou"));
        assert!(finds("seoul", "seoul"));
    }

    #[test]
    fn a_letter_left_out_still_matches() {
        assert!(finds("institut bergonie", "bergnie"));
        assert!(finds("institut bergonie", "bergoie"));
    }

    #[test]
    fn letters_scattered_across_words_do_not_match() {
        assert!(!finds("memorial sloan kettering cancer center", "soria"));
        assert!(!finds(
            "gustave roussy–bergonie early phase partnership in innovation",
            "bergonei"
        ));
        assert!(!finds("toni choueiri", "macron"));
        assert!(!finds("princess margaret cancer centre", "presse"));
    }

    #[test]
    fn prefixes_of_a_match_match() {
        for (text, pattern) in [
            ("institut bergonie", "bergnie"),
            ("vall d'hebron institute of oncology", "vhio"),
            ("centre leon berard", "leonber"),
            ("gustave roussy", "gusrou"),
        ] {
            for end in 1..=pattern.len() {
                assert!(finds(text, &pattern[..end]), "{text} {}", &pattern[..end]);
            }
        }
    }

    #[test]
    fn tighter_matches_score_higher() {
        let whole = score("harvard medical school", "harvard", None).unwrap();
        let inner = score("the harvard school", "harvard", None).unwrap();
        let acronym = score("harvard medical school", "hms", None).unwrap();
        assert!(whole > inner, "{whole} {inner}");
        assert!(inner > acronym, "{inner} {acronym}");
        assert!(whole <= ceiling(7));
    }

    #[test]
    fn positions_are_the_matched_chars() {
        let mut positions = Vec::new();
        score(
            "vall d'hebron institute of oncology",
            "vhio",
            Some(&mut positions),
        );
        assert_eq!(positions, vec![0, 7, 14, 24]);
        positions.clear();
        score("institut bergonie", "bergnie", Some(&mut positions));
        assert_eq!(positions, vec![9, 10, 11, 12, 14, 15, 16]);
    }

    proptest::proptest! {
        /// The bit-parallel check never rules out what the programmes find.
        #[test]
        fn the_quick_check_agrees_with_the_programmes(
            text in "[abc -]{0,24}",
            pattern in "[abc]{1,6}",
        ) {
            SCRATCH.with(|scratch| {
                let mut scratch = scratch.borrow_mut();
                scratch.load(&text, &pattern, false);
                let found = scratch.gapped().is_some() || scratch.word_runs().is_some();
                proptest::prop_assert_eq!(scratch.may_match(), found, "{} {}", text, pattern);
                Ok(())
            })?;
        }
    }

    proptest::proptest! {
        /// Two initials are scored as the programmes score them.
        #[test]
        fn two_initials_agree_with_the_programmes(
            text in "[abc -]{0,24}",
            pattern in "[abc]{2}",
        ) {
            let mut chars = pattern.chars();
            let (first, second) = (chars.next().unwrap(), chars.next().unwrap());
            let quick = two_initials(&text, first, second, None);
            let full = SCRATCH.with(|scratch| {
                let mut scratch = scratch.borrow_mut();
                scratch.load(&text, &pattern, true);
                scratch.word_runs().map(|(quality, _)| quality)
            });
            if !text.contains(&pattern) {
                proptest::prop_assert_eq!(quick, full, "{} {}", text, pattern);
            }
        }
    }

    #[test]
    fn scores_are_the_same_with_and_without_positions() {
        for (text, pattern) in [
            ("vall d'hebron institute of oncology", "vhio"),
            ("institut bergonie", "bergnie"),
            ("centre leon berard", "leonber"),
            ("leon berard", "lb"),
            ("gustave roussy", "gusrou"),
        ] {
            let mut positions = Vec::new();
            assert_eq!(
                score(text, pattern, None),
                score(text, pattern, Some(&mut positions)),
                "{text} {pattern}"
            );
            assert_eq!(positions.len(), pattern.chars().count());
        }
    }

    #[test]
    fn one_char_agrees_with_score() {
        for text in ["leon berard", "x leon", "abc", "é a"] {
            for character in ['l', 'b', 'a', 'x', 'e'] {
                assert_eq!(
                    one_char(text, character),
                    score(text, &character.to_string(), None),
                    "{text} {character}"
                );
            }
        }
    }
}
