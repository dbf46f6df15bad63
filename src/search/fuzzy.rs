//! Scoring a fuzzy (subsequence) hit in linear time without allocating,
//! for the per-keystroke path over every record. It finds the tightest
//! window holding the pattern's characters in order (fzf's "v1" scheme)
//! and rewards word starts and runs, with skim's constants. It owns
//! nothing else: the optimal alignment shown as highlights comes from
//! fuzzy-matcher's SkimMatcherV2 in [`super::matcher`].

const MATCH: i64 = 16;
const GAP_START: i64 = -3;
const GAP_EXTENSION: i64 = -1;
const HEAD_BONUS: i64 = 8;
const BREAK_BONUS: i64 = 7;
const CONSECUTIVE_BONUS: i64 = 4;
const FIRST_CHAR_MULTIPLIER: i64 = 2;

/// The most one matched char can add to a score: a match plus the largest bonus a run
/// can carry (a first char at a word start). A hit of `n` chars scores at most `n` times
/// this, which lets a caller stop looking for a better field once one reaches it.
#[cfg(test)]
pub(crate) const MAX_CHAR_SCORE: i64 = MATCH + HEAD_BONUS * FIRST_CHAR_MULTIPLIER;

/// The score of `pattern` as a subsequence of `text` (both folded), or
/// None when it is not one. Higher is better; hits are exactly the
/// subsequence hits, whatever the score.
pub(crate) fn score(text: &str, pattern: &str) -> Option<i64> {
    // Most patterns are ASCII, and an ASCII byte never occurs inside a multi-byte char,
    // so they are found with plain byte loops in any text: no check that the whole text
    // is ASCII first, no char decoding, no memchr set-up per char.
    if pattern.is_ascii() {
        let (bytes, wanted) = (text.as_bytes(), pattern.as_bytes());
        if let [only] = wanted {
            // The window of one char is its first occurrence: the score is its bonus.
            let start = bytes.iter().position(|byte| byte == only)?;
            let previous = text[..start].chars().next_back();
            return Some(one_char_score(previous, char::from(*only)));
        }
        let end = first_ascii_match_end(bytes, wanted)?;
        let start = latest_ascii_start(&bytes[..end], wanted);
        let previous = text[..start].chars().next_back();
        let pattern = wanted.iter().map(|&byte| char::from(byte));
        let window = &text[start..end];
        return Some(if window.is_ascii() {
            let window = window.bytes().map(char::from);
            window_score(previous, window, pattern)
        } else {
            window_score(previous, window.chars(), pattern)
        });
    }
    let end = first_match_end(text, pattern)?;
    let start = latest_start(&text[..end], pattern);
    let previous = text[..start].chars().next_back();
    Some(window_score(
        previous,
        text[start..end].chars(),
        pattern.chars(),
    ))
}

/// The score of a one-char pattern whose first occurrence follows `previous`: a window
/// of one char, the whole score is the first char's.
pub(crate) fn one_char_score(previous: Option<char>, character: char) -> i64 {
    MATCH + boundary_bonus(previous, character) * FIRST_CHAR_MULTIPLIER
}

/// Scores the tightest window, which starts with the pattern's first char
/// and ends with its last; `previous` is the char before the window.
fn window_score(
    mut previous: Option<char>,
    window: impl Iterator<Item = char>,
    pattern: impl Iterator<Item = char>,
) -> i64 {
    let mut wanted = pattern.peekable();
    let (mut total, mut run_bonus) = (0, 0);
    let (mut is_first, mut in_run, mut in_gap) = (true, false, false);
    for character in window {
        if wanted.peek() == Some(&character) {
            wanted.next();
            let mut bonus = boundary_bonus(previous, character);
            if is_first {
                bonus *= FIRST_CHAR_MULTIPLIER;
            }
            // A run keeps the bonus of the word start it began at.
            run_bonus = if in_run {
                run_bonus.max(bonus).max(CONSECUTIVE_BONUS)
            } else {
                bonus
            };
            total += MATCH + run_bonus;
            (is_first, in_run, in_gap) = (false, true, false);
        } else {
            total += if in_gap { GAP_EXTENSION } else { GAP_START };
            (in_run, in_gap) = (false, true);
        }
        previous = Some(character);
    }
    total
}

fn first_ascii_match_end(text: &[u8], pattern: &[u8]) -> Option<usize> {
    let mut wanted = pattern.iter();
    let mut next = wanted.next()?;
    for (index, byte) in text.iter().enumerate() {
        if byte == next {
            match wanted.next() {
                Some(following) => next = following,
                None => return Some(index + 1),
            }
        }
    }
    None
}

fn latest_ascii_start(text: &[u8], pattern: &[u8]) -> usize {
    let mut wanted = pattern.iter().rev();
    let mut next = wanted.next();
    for (index, byte) in text.iter().enumerate().rev() {
        if Some(byte) == next {
            next = wanted.next();
            if next.is_none() {
                return index;
            }
        }
    }
    0
}

/// The byte end of the earliest complete in-order match. Each char is
/// found with memchr, which skips ahead much faster than a char loop.
fn first_match_end(text: &str, pattern: &str) -> Option<usize> {
    let mut end = 0;
    for character in pattern.chars() {
        end += text[end..].find(character)? + character.len_utf8();
    }
    Some(end)
}

/// The latest byte start of a match within `text`, which is known to
/// contain one: scanning back gives the tightest window.
fn latest_start(text: &str, pattern: &str) -> usize {
    let mut start = text.len();
    for character in pattern.chars().rev() {
        match text[..start].rfind(character) {
            Some(found) => start = found,
            None => return 0,
        }
    }
    start
}

fn boundary_bonus(previous: Option<char>, character: char) -> i64 {
    match previous {
        _ if !character.is_alphanumeric() => 0,
        None => HEAD_BONUS,
        Some(previous)
            if previous.is_whitespace()
                || matches!(
                    previous,
                    '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}'
                ) =>
        {
            HEAD_BONUS
        }
        Some(previous) if !previous.is_alphanumeric() => BREAK_BONUS,
        Some(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_are_subsequences() {
        assert!(score("centre leon berard", "leon").is_some());
        assert!(score("centre leon berard", "clb").is_some());
        assert!(score("centre leon berard", "noel").is_none());
        assert!(score("서울아산병원", "아산").is_some());
        assert!(score("abc", "abcd").is_none());
    }

    #[test]
    fn prefers_word_starts_and_runs() {
        let tight = score("leon berard", "leon").unwrap();
        let inner = score("cameleon", "leon").unwrap();
        let scattered = score("l e o n", "leon").unwrap();
        assert!(tight > inner, "{tight} vs {inner}");
        assert!(tight > scattered, "{tight} vs {scattered}");
        assert!(score("xx amgen", "amg").unwrap() > score("xamxg", "amg").unwrap());
    }

    #[test]
    fn no_hit_scores_above_the_ceiling() {
        for (text, pattern) in [
            ("leon", "leon"),
            ("a", "a"),
            ("x leon", "leon"),
            ("l-e-o-n", "leon"),
            ("immunotherapy", "im"),
            ("서울", "서울"),
            ("ab ab ab", "ab"),
        ] {
            let score = score(text, pattern).unwrap();
            let ceiling = MAX_CHAR_SCORE * pattern.chars().count() as i64;
            assert!(score <= ceiling, "{text} {pattern}: {score} > {ceiling}");
        }
        assert_eq!(score("leon", "leon"), Some(4 * MAX_CHAR_SCORE));
    }

    #[test]
    fn uses_the_tightest_window() {
        // The first `a` is far from `b`; the window starts at the later one.
        let near = score("a xxxxxxxxxx ab", "ab").unwrap();
        assert_eq!(near, score("ab", "ab").unwrap());
    }
}
