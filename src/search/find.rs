//! Where a pattern occurs in one folded text, by each of fzf's non-fuzzy
//! rules and by the word-prefix rule used for long prose. Everything here
//! works on byte ranges of already-folded text and allocates nothing; the
//! fuzzy rule is [`super::fuzzy`]'s, scores are [`super::matcher`]'s, and
//! the way back to original characters is [`crate::fold`](mod@crate::fold)'s.

use std::ops::Range;

/// Byte offsets where `pattern` starts in `text`, overlapping ones
/// included, so a boundary check can see every candidate. memchr's substring
/// search costs little to set up, which matters as most texts are searched
/// once per term and most lack the pattern altogether.
fn occurrences<'a>(text: &'a str, pattern: &'a str) -> impl Iterator<Item = usize> + 'a {
    let step = pattern.chars().next().map_or(1, char::len_utf8);
    let mut from = 0;
    std::iter::from_fn(move || {
        if pattern.is_empty() {
            return None;
        }
        let found = from + memchr::memmem::find(text.as_bytes().get(from..)?, pattern.as_bytes())?;
        // A match of valid UTF-8 starts on a char boundary, and so does the next
        // position looked at, one char of the pattern further.
        from = found + step;
        Some(found)
    })
}

/// Scripts written without spaces: every character may begin a word.
fn is_unspaced(character: char) -> bool {
    matches!(character,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}')
}

/// Whether a word starts at byte `start` (a char boundary of `text`).
pub(crate) fn is_word_start(text: &str, start: usize) -> bool {
    let previous = text[..start].chars().next_back();
    let current = text[start..].chars().next();
    match previous {
        None => true,
        Some(previous) => !previous.is_alphanumeric() || current.is_some_and(is_unspaced),
    }
}

/// Whether a word ends at byte `end` (a char boundary of `text`).
pub(crate) fn is_word_end(text: &str, end: usize) -> bool {
    text[end..]
        .chars()
        .next()
        .is_none_or(|next| !next.is_alphanumeric())
}

/// A substring, preferring an occurrence that starts a word; the flag says
/// whether the chosen one does.
pub(crate) fn substring(text: &str, pattern: &str) -> Option<(Range<usize>, bool)> {
    let mut first = None;
    for start in occurrences(text, pattern) {
        if is_word_start(text, start) {
            return Some((start..start + pattern.len(), true));
        }
        first.get_or_insert(start);
    }
    first.map(|start| (start..start + pattern.len(), false))
}

/// The first occurrence that starts a word (word-prefix matching).
pub(crate) fn word_prefix(text: &str, pattern: &str) -> Option<Range<usize>> {
    occurrences(text, pattern)
        .find(|&start| is_word_start(text, start))
        .map(|start| start..start + pattern.len())
}

/// The first occurrence with a word boundary on both sides, like fzf's
/// `'foo'`.
pub(crate) fn bounded(text: &str, pattern: &str) -> Option<Range<usize>> {
    occurrences(text, pattern)
        .map(|start| start..start + pattern.len())
        .find(|range| {
            let before = text[..range.start].chars().next_back();
            before.is_none_or(|character| !character.is_alphanumeric())
                && is_word_end(text, range.end)
        })
}

/// fzf ignores leading and trailing whitespace of the text for `^` and `$`
/// unless the pattern itself starts or ends with whitespace.
fn trimmed<'a>(text: &'a str, pattern: &str, start: bool, end: bool) -> (&'a str, usize) {
    let mut inner = text;
    let mut offset = 0;
    if start && !pattern.starts_with(char::is_whitespace) {
        inner = inner.trim_start();
        offset = text.len() - inner.len();
    }
    if end && !pattern.ends_with(char::is_whitespace) {
        inner = inner.trim_end();
    }
    (inner, offset)
}

pub(crate) fn prefix(text: &str, pattern: &str) -> Option<Range<usize>> {
    let (inner, start) = trimmed(text, pattern, true, false);
    inner
        .starts_with(pattern)
        .then(|| start..start + pattern.len())
}

pub(crate) fn suffix(text: &str, pattern: &str) -> Option<Range<usize>> {
    let (inner, start) = trimmed(text, pattern, false, true);
    inner
        .ends_with(pattern)
        .then(|| start + inner.len() - pattern.len()..start + inner.len())
}

pub(crate) fn equal(text: &str, pattern: &str) -> Option<Range<usize>> {
    let (inner, start) = trimmed(text, pattern, true, true);
    (inner == pattern).then(|| start..start + pattern.len())
}

/// Which two-char beginnings the words of a folded text have, as 32 bits of a hash: a
/// pattern whose first two chars begin no word of the text has no [`word_prefix`] match
/// in it, and the text need not be searched. A set bit only says a pair may occur.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordStarts(u32);

impl WordStarts {
    pub(crate) fn of(text: &str) -> Self {
        let mut bits = 0;
        let mut previous: Option<char> = None;
        let mut chars = text.chars().peekable();
        while let Some(character) = chars.next() {
            // As `is_word_start` decides, for every char at once.
            let starts = previous
                .is_none_or(|previous| !previous.is_alphanumeric() || is_unspaced(character));
            if let (true, Some(&next)) = (starts, chars.peek()) {
                bits |= pair_bit(character, next);
            }
            previous = Some(character);
        }
        WordStarts(bits)
    }

    /// Whether `pattern` may begin a word of the text: always when it is shorter than
    /// two chars.
    pub(crate) fn may_start(self, pattern: &str) -> bool {
        let mut chars = pattern.chars();
        match (chars.next(), chars.next()) {
            (Some(first), Some(second)) => self.0 & pair_bit(first, second) != 0,
            _ => true,
        }
    }

    pub(crate) fn bits(self) -> u32 {
        self.0
    }

    pub(crate) fn from_bits(bits: u32) -> Self {
        WordStarts(bits)
    }
}

fn pair_bit(first: char, second: char) -> u32 {
    let hash =
        (u32::from(first).wrapping_mul(0x9E37_79B9) ^ u32::from(second)).wrapping_mul(0x85EB_CA6B);
    1 << (hash >> 27)
}

/// Where `pattern`, all digits, occurs among the digits of `text` whatever separates
/// them (`0142` in "01 42 11 50 59"), as a byte range of `text` from the first matched
/// digit to the last; the flag says whether it starts at the text's first digit.
pub(crate) fn digits(text: &str, pattern: &str) -> Option<(Range<usize>, bool)> {
    if pattern.is_empty() || !pattern.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let wanted = pattern.as_bytes();
    let found: Vec<(usize, u8)> = text
        .bytes()
        .enumerate()
        .filter(|(_, byte)| byte.is_ascii_digit())
        .collect();
    let start = found.windows(wanted.len()).position(|window| {
        window
            .iter()
            .map(|&(_, byte)| byte)
            .eq(wanted.iter().copied())
    })?;
    let first = found[start].0;
    let last = found[start + wanted.len() - 1].0;
    Some((first..last + 1, start == 0))
}

/// Pushes the char indices of the digits within a byte range of `text`.
pub(crate) fn push_digit_indices(text: &str, range: Range<usize>, indices: &mut Vec<usize>) {
    let first = text[..range.start].chars().count();
    indices.extend(
        text[range]
            .chars()
            .enumerate()
            .filter(|(_, character)| character.is_ascii_digit())
            .map(|(index, _)| first + index),
    );
}

/// Pushes the char indices covered by a byte range of `text`.
pub(crate) fn push_char_indices(text: &str, range: Range<usize>, indices: &mut Vec<usize>) {
    let first = text[..range.start].chars().count();
    let count = text[range].chars().count();
    indices.extend(first..first + count);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substring_prefers_word_starts() {
        assert_eq!(substring("abc xbc bcd", "bc"), Some((8..10, true)));
        assert_eq!(substring("abcd", "bc"), Some((1..3, false)));
        assert_eq!(substring("abcd", "xy"), None);
    }

    #[test]
    fn word_prefix_needs_a_word_start() {
        let text = "le centre léon bérard, lyon";
        assert!(word_prefix(text, "bérard").is_some());
        assert!(word_prefix(text, "érard").is_none());
        assert!(word_prefix(text, "ly").is_some());
        assert!(word_prefix("北京协和医院", "协和").is_some());
        assert!(word_prefix("a a a", "a a").is_some());
    }

    #[test]
    fn bounded_needs_both_boundaries() {
        assert_eq!(bounded("the cure is here", "cure"), Some(4..8));
        assert_eq!(bounded("curettage cure", "cure"), Some(10..14));
        assert_eq!(bounded("curettage", "cure"), None);
        assert_eq!(bounded("(cure)", "cure"), Some(1..5));
    }

    #[test]
    fn anchors_ignore_surrounding_whitespace() {
        assert_eq!(prefix("  foo bar", "foo"), Some(2..5));
        assert_eq!(prefix("  foo bar", " foo"), None);
        assert_eq!(suffix("bar foo  ", "foo"), Some(4..7));
        assert_eq!(equal(" foo ", "foo"), Some(1..4));
        assert_eq!(equal("foox", "foo"), None);
    }

    proptest::proptest! {
        /// A pattern found at a word start is never ruled out by the text's word starts.
        #[test]
        fn word_starts_never_rule_out_a_word_prefix(
            text in "[a-cé 北京,.'-]{0,40}",
            pattern in "[a-cé 北京,.'-]{1,4}",
        ) {
            if word_prefix(&text, &pattern).is_some() {
                proptest::prop_assert!(WordStarts::of(&text).may_start(&pattern));
            }
        }
    }

    #[test]
    fn word_starts_rule_out_pairs_no_word_begins_with() {
        let starts = WordStarts::of("immunotherapy trials in lyon");
        assert!(starts.may_start("imm"));
        assert!(starts.may_start("ly"));
        assert!(starts.may_start("l"));
        let absent = ["mm", "yo", "on", "ra", "he"];
        // Hash collisions may keep a pair in; most absent pairs are ruled out.
        assert!(absent.iter().filter(|pair| !starts.may_start(pair)).count() >= 3);
    }

    #[test]
    fn digits_ignore_separators() {
        assert_eq!(digits("01 42 11 50 59", "0142"), Some((0..5, true)));
        assert_eq!(digits("01 42 11 50 59", "4211"), Some((3..8, false)));
        assert_eq!(digits("01 42 11 50 59", "0143"), None);
        assert_eq!(digits("01 42", "01a"), None);
        let mut indices = Vec::new();
        push_digit_indices("01 42", 0..5, &mut indices);
        assert_eq!(indices, vec![0, 1, 3, 4]);
    }

    #[test]
    fn char_indices_of_byte_ranges() {
        let mut indices = Vec::new();
        push_char_indices("é ab", 3..5, &mut indices);
        assert_eq!(indices, vec![2, 3]);
    }
}
