//! Accent and case folding: the single place that decides which characters
//! count as equal when searching, and how each folded character maps back to
//! the original text so highlights land on the characters a person sees. It
//! also keeps a cheap summary of which characters a folded text contains
//! ([`CharSet`]) so matching can reject most fields without scanning them.
//! It knows nothing about queries, scoring or records, so that the dataset (which sorts
//! names by their folded form) and the search (which folds query text with [`fold_str`]
//! and compares folded with folded) both build on it.

use std::sync::Arc;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Text folded for matching, with the way back to the original characters.
/// Cloning one is cheap: the folded text and the map back are shared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded {
    text: Arc<str>,
    char_set: CharSet,
    /// The original char index of each folded char. `None` stands for the identity map,
    /// which is what ASCII folds to, so most fields pay nothing.
    to_original: Option<Arc<MapBack>>,
}

/// The way back from a folded text that is not char for char its original.
#[derive(Debug, PartialEq, Eq)]
struct MapBack {
    original_chars: usize,
    to_original: Box<[u32]>,
}

impl Default for Folded {
    fn default() -> Self {
        Folded {
            text: Arc::from(""),
            to_original: None,
            char_set: CharSet::default(),
        }
    }
}

impl Folded {
    /// The folded text: lowercase, without accents.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// How many chars the original string had.
    pub(crate) fn original_char_count(&self) -> usize {
        match &self.to_original {
            Some(map) => map.original_chars,
            None if self.text.is_ascii() => self.text.len(),
            None => self.text.chars().count(),
        }
    }

    /// Which characters the folded text contains, for cheap rejection.
    pub(crate) fn char_set(&self) -> CharSet {
        self.char_set
    }

    /// The original char index that produced the folded char at
    /// `folded_char_index`. An index past the end maps to the original char
    /// count, so a folded end position becomes an original end position.
    pub(crate) fn original_char_index(&self, folded_char_index: usize) -> usize {
        let original_chars = self.original_char_count();
        match &self.to_original {
            None => folded_char_index.min(original_chars),
            Some(map) => map
                .to_original
                .get(folded_char_index)
                .map_or(original_chars, |&index| index as usize),
        }
    }

    /// Original char indices for the given folded char indices: sorted,
    /// without duplicates, and with out-of-range indices left out, so the
    /// result can be used to style the original string directly.
    pub(crate) fn original_indices(&self, folded_char_indices: &[usize]) -> Vec<usize> {
        let original_chars = self.original_char_count();
        let mut indices: Vec<usize> = folded_char_indices
            .iter()
            .map(|&index| self.original_char_index(index))
            .filter(|&index| index < original_chars)
            .collect();
        indices.sort_unstable();
        indices.dedup();
        indices
    }
}

impl From<&str> for Folded {
    fn from(original: &str) -> Self {
        fold(original)
    }
}

/// Folds `original` for matching and remembers where each folded char came from.
pub fn fold(original: &str) -> Folded {
    if original.is_ascii() {
        let text = original.to_ascii_lowercase();
        return Folded {
            char_set: CharSet::of(&text),
            text: Arc::from(text),
            to_original: None,
        };
    }
    let mut text = String::with_capacity(original.len());
    let mut to_original = Vec::with_capacity(original.len());
    let mut original_chars = 0;
    for (index, character) in original.chars().enumerate() {
        original_chars = index + 1;
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        fold_char(character, &mut |folded| {
            text.push(folded);
            to_original.push(index);
        });
    }
    let is_identity = to_original.len() == original_chars
        && to_original
            .iter()
            .enumerate()
            .all(|(folded, &index)| folded == index as usize);
    Folded {
        char_set: CharSet::of(&text),
        text: Arc::from(text),
        to_original: (!is_identity).then(|| {
            Arc::new(MapBack {
                original_chars,
                to_original: to_original.into_boxed_slice(),
            })
        }),
    }
}

/// Folds a string without keeping the map back, as queries need.
pub fn fold_str(original: &str) -> String {
    if original.is_ascii() {
        return original.to_ascii_lowercase();
    }
    let mut text = String::with_capacity(original.len());
    fold_into(original, &mut text);
    text
}

/// Appends `original` folded to `out`, as [`fold_str`] folds it: for folding
/// many lines into one reused buffer.
pub fn fold_into(original: &str, out: &mut String) {
    if original.is_ascii() {
        out.extend(
            original
                .bytes()
                .map(|byte| char::from(byte.to_ascii_lowercase())),
        );
        return;
    }
    for character in original.chars() {
        fold_char(character, &mut |folded| out.push(folded));
    }
}

fn fold_char(character: char, emit: &mut impl FnMut(char)) {
    if character.is_ascii() {
        emit(character.to_ascii_lowercase());
        return;
    }
    // Hangul syllables decompose canonically into jamo; Korean readers and
    // typists expect whole syllables, so they are kept as written.
    if ('\u{AC00}'..='\u{D7A3}').contains(&character) {
        emit(character);
        return;
    }
    for lower in character.to_lowercase() {
        if is_accent(lower) {
            continue;
        }
        let (mut has_accent, mut has_other_mark) = (false, false);
        decompose_canonical(lower, |part| {
            if is_accent(part) {
                has_accent = true;
            } else if is_combining_mark(part) {
                has_other_mark = true;
            }
        });
        // Only a decomposition that is "letter plus accents" is taken apart,
        // so marks that carry meaning (kana voicing, Indic vowels) survive.
        if has_accent && !has_other_mark {
            decompose_canonical(lower, |part| {
                if !is_accent(part) {
                    emit_replaced(part, emit);
                }
            });
        } else {
            emit_replaced(lower, emit);
        }
    }
}

fn emit_replaced(character: char, emit: &mut impl FnMut(char)) {
    match replacement(character) {
        Some(replaced) => replaced.chars().for_each(&mut *emit),
        None => emit(character),
    }
}

/// Letters that have no canonical decomposition but that people type
/// without their stroke or ligature, and typographic punctuation that
/// people type as its ASCII look-alike.
fn replacement(character: char) -> Option<&'static str> {
    Some(match character {
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        'ø' => "o",
        'đ' => "d",
        'ł' => "l",
        'ı' => "i",
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => "'",
        '\u{201C}' | '\u{201D}' | '«' | '»' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' => "-",
        _ => return None,
    })
}

/// Combining marks used as accents on Latin, Greek and Cyrillic letters.
fn is_accent(character: char) -> bool {
    matches!(character,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// A 64-bit summary of the characters in a text: if a pattern has a
/// character whose bit the field lacks, no match is possible, and checking
/// that costs one AND instead of a scan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct CharSet(u64);

impl CharSet {
    /// A set that may hold every char: what a text whose chars were not summed up is
    /// taken to hold.
    pub(crate) const ANY: CharSet = CharSet(u64::MAX);

    pub(crate) fn of(text: &str) -> Self {
        let bits = if text.is_ascii() {
            text.bytes()
                .fold(0, |bits, byte| bits | ASCII_BITS[usize::from(byte)])
        } else {
            text.chars()
                .fold(0, |bits, character| bits | bit(character))
        };
        CharSet(bits)
    }

    /// The set as bits, to be stored apart and rebuilt with [`CharSet::from_bits`].
    pub(crate) fn bits(self) -> u64 {
        self.0
    }

    pub(crate) fn from_bits(bits: u64) -> Self {
        CharSet(bits)
    }

    /// The set in 32 bits: each letter keeps its own bit; digits, other ASCII chars and
    /// the non-ASCII buckets share a few. It rejects less than the whole set, in half the
    /// room. [`CharSet::coarse_contains_all`] compares two of them.
    pub(crate) fn coarse(self) -> u32 {
        let letters = self.0 & ((1 << 26) - 1);
        let any = |from: u32, to: u32| u64::from(self.0 & (((1 << (to - from)) - 1) << from) != 0);
        let digits = any(26, 36);
        let ascii = any(36, 44);
        let wide = [(44, 49), (49, 54), (54, 59), (59, 64)]
            .iter()
            .enumerate()
            .fold(0, |bits, (index, &(from, to))| {
                bits | any(from, to) << index
            });
        u32::try_from(letters | digits << 26 | ascii << 27 | wide << 28).unwrap_or(u32::MAX)
    }

    /// Whether every char of the set `other` was made from may occur in the set `set`
    /// was made from, both [`CharSet::coarse`]: never false when
    /// [`CharSet::contains_all`] of the whole sets is true.
    pub(crate) fn coarse_contains_all(set: u32, other: u32) -> bool {
        other & !set == 0
    }

    /// The chars of both.
    pub(crate) fn union(self, other: CharSet) -> CharSet {
        CharSet(self.0 | other.0)
    }

    /// Whether every character of `other` may occur in `self`.
    pub(crate) fn contains_all(self, other: CharSet) -> bool {
        other.0 & !self.0 == 0
    }
}

/// Every record's text goes through [`CharSet::of`] at load time, and
/// most of it is ASCII, so its bits are looked up rather than computed.
const ASCII_BITS: [u64; 128] = {
    let mut bits = [0; 128];
    let mut byte = 0;
    while byte < 128 {
        bits[byte] = bit(byte as u8 as char);
        byte += 1;
    }
    bits
};

const fn bit(character: char) -> u64 {
    let code = character as u32;
    let bucket = match character {
        'a'..='z' => code - 'a' as u32,
        '0'..='9' => 26 + (code - '0' as u32),
        _ if code < 128 => 36 + code % 8,
        _ => 44 + code % 20,
    };
    1 << bucket
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn indices(original: &str) -> Vec<usize> {
        let folded = fold(original);
        let count = folded.as_str().chars().count();
        (0..count).map(|i| folded.original_char_index(i)).collect()
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Centre Léon Bérard").as_str(), "centre leon berard");
        assert_eq!(fold_str("FRANÇOIS-Xavier"), "francois-xavier");
        assert_eq!(fold_str("Institut Bergonié"), "institut bergonie");
        assert_eq!(fold_str("Señor Ñandú"), "senor nandu");
        assert_eq!(fold_str("ÉCOLE"), "ecole");
    }

    #[test]
    fn expands_ligatures_and_strokes() {
        assert_eq!(fold_str("Œuvre"), "oeuvre");
        assert_eq!(fold_str("Ærø"), "aero");
        assert_eq!(fold_str("Straße"), "strasse");
        assert_eq!(fold_str("Łódź Đakovo ıi"), "lodz dakovo ii");
    }

    #[test]
    fn normalises_typographic_punctuation() {
        assert_eq!(fold_str("l’Institut ‘x’ dʼa"), "l'institut 'x' d'a");
        assert_eq!(fold_str("“a” «b»"), "\"a\" \"b\"");
        assert_eq!(fold_str("2019–2021 — x"), "2019-2021 - x");
        assert_eq!(fold_str("a…b ¿c?"), "a…b ¿c?");
    }

    #[test]
    fn keeps_non_latin_scripts() {
        assert_eq!(fold_str("서울아산병원"), "서울아산병원");
        assert_eq!(fold_str("北京协和医院"), "北京协和医院");
        assert_eq!(fold_str("МОСКВА"), "москва");
        assert_eq!(fold_str("がん"), "がん");
        assert!(fold("서울아산병원").to_original.is_none());
    }

    #[test]
    fn decomposed_input_loses_its_marks() {
        let folded = fold("Le\u{301}on");
        assert_eq!(folded.as_str(), "leon");
        assert_eq!(indices("Le\u{301}on"), vec![0, 1, 3, 4]);
        assert_eq!(fold_str("\u{301}a"), "a");
    }

    #[test]
    fn a_fold_is_32_bytes() {
        assert_eq!(std::mem::size_of::<Folded>(), 32);
    }

    #[test]
    fn maps_back_to_original_chars() {
        assert_eq!(indices("Léon"), vec![0, 1, 2, 3]);
        assert_eq!(indices("œuf"), vec![0, 0, 1, 2]);
        assert_eq!(indices("İx"), vec![0, 1]);
        let folded = fold("Straße");
        assert_eq!(folded.original_indices(&[5, 4, 4, 99]), vec![4]);
        assert_eq!(folded.original_char_index(99), 6);
    }

    #[test]
    fn ascii_uses_identity_map() {
        let folded = fold("Hello World");
        assert!(folded.to_original.is_none());
        assert_eq!(folded.original_char_index(4), 4);
        assert_eq!(folded.original_indices(&[3, 1, 3, 11]), vec![1, 3]);
    }

    #[test]
    fn char_set_rejects_missing_characters() {
        let field = fold("Centre Léon Bérard").char_set();
        assert!(field.contains_all(CharSet::of("leon")));
        assert!(!field.contains_all(CharSet::of("lyon")));
        assert!(CharSet::of("서울").contains_all(CharSet::of("서")));
    }

    #[test]
    fn every_basic_plane_char_folds_stably() {
        for character in ('\0'..='\u{FFFF}').filter(|c| !c.is_ascii()) {
            let original = format!("a{character}b");
            let once = fold(&original);
            assert_eq!(fold_str(once.as_str()), once.as_str(), "{character:?}");
            assert!(once.as_str().chars().count() <= 9, "{character:?}");
        }
    }

    fn interesting_text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[a-zA-Z éÉçñœŒæßẞøđłıİ‘’ʼ“”«»–—\u{300}-\u{36f}\u{3099}가-힣ЀЁ-ӿ😀'^$!|]{0,24}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The coarse set never rejects what the whole set accepts.
        #[test]
        fn coarse_sets_reject_no_more_than_whole_ones(
            text in "[a-z0-9 éßœ北京서울'$-]{0,30}",
            pattern in "[a-z0-9 éßœ北京서울'$-]{0,6}",
        ) {
            let (text, pattern) = (CharSet::of(&fold_str(&text)), CharSet::of(&fold_str(&pattern)));
            if text.contains_all(pattern) {
                prop_assert!(CharSet::coarse_contains_all(text.coarse(), pattern.coarse()));
            }
            // Letters keep their own bits: a missing letter is still seen.
            prop_assert_eq!(text.coarse() & 0x3FF_FFFF, u32::try_from(text.bits() & 0x3FF_FFFF).unwrap());
        }

        #[test]
        fn fold_is_idempotent(text in interesting_text()) {
            let once = fold(&text);
            let twice = fold(once.as_str());
            prop_assert_eq!(twice.as_str(), once.as_str());
            prop_assert_eq!(fold_str(&text), once.as_str());
            let mut into = String::from("x");
            fold_into(&text, &mut into);
            prop_assert_eq!(&into[1..], once.as_str());
        }

        #[test]
        fn map_is_bounded_and_monotonic(text in interesting_text()) {
            let folded = fold(&text);
            let original_count = text.chars().count();
            let folded_count = folded.as_str().chars().count();
            prop_assert_eq!(folded.original_char_count(), original_count);
            prop_assert!(folded_count <= 3 * original_count);
            let map: Vec<usize> = (0..folded_count).map(|i| folded.original_char_index(i)).collect();
            prop_assert!(map.iter().all(|&index| index < original_count));
            prop_assert!(map.windows(2).all(|pair| pair[0] <= pair[1]));
        }
    }
}
