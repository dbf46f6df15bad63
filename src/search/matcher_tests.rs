use super::*;
use crate::fold::fold;
use crate::search::query::{parse, parse_plain};
use proptest::prelude::*;

fn named(short: &[&str]) -> Document {
    Document {
        short: short.iter().map(|text| fold(text)).collect(),
        ..Document::default()
    }
}

fn finds(query: &str, text: &str) -> bool {
    Matcher::new()
        .score(&parse(query), &named(&[text]))
        .is_some()
}

fn sample() -> Document {
    Document {
        short: vec![fold("Centre Léon Bérard"), fold("Amgen")],
        long: vec![fold(
            "Le Centre Léon Bérard, à Lyon, étudiera l'immunothérapie.",
        )],
        facets: vec![
            (Facet::Country, fold("fr")),
            (Facet::Year, fold("2023")),
            (Facet::Partner, fold("Amgen")),
            (Facet::Partner, fold("Dana-Farber Cancer Institute")),
        ],
    }
}

#[test]
fn folding_finds_accented_names() {
    assert!(finds("leon", "Centre Léon Bérard"));
    assert!(finds("FRANÇOIS", "François-Xavier Mahon"));
    assert!(finds("francois", "François-Xavier Mahon"));
    assert!(finds("bergonie", "Institut Bergonié"));
    assert!(finds("bergonié", "Institut Bergonie"));
    assert!(finds("oeuvre", "œuvre"));
    assert!(finds("strasse", "Straße"));
    assert!(finds("아산", "서울아산병원"));
    assert!(!finds("병원아산", "서울아산병원"));
    assert!(!finds("lyon", "Centre Léon Bérard"));
}

#[test]
fn highlights_land_on_original_chars() {
    let matcher = Matcher::new();
    let field = fold("Centre Léon Bérard");
    assert_eq!(
        matcher.highlights(&parse("leon"), &field),
        vec![7, 8, 9, 10]
    );
    assert_eq!(
        matcher.highlights(&parse("'bérard"), &field),
        vec![12, 13, 14, 15, 16, 17]
    );
    let ligature = fold("Main d’œuvre");
    assert_eq!(matcher.highlights(&parse("'oeu"), &ligature), vec![7, 8]);
    let decomposed = fold("Le\u{301}on");
    assert_eq!(
        matcher.highlights(&parse("^leo"), &decomposed),
        vec![0, 1, 3]
    );
    assert!(matcher.highlights(&parse("!leon"), &field).is_empty());
    assert!(matcher.highlights(&parse("country:fr"), &field).is_empty());
}

#[test]
fn markers_on_short_fields() {
    assert!(finds("'léon b", "Centre Léon Bérard"));
    assert!(!finds("'lnb", "Centre Léon Bérard"));
    assert!(finds("^centre", "Centre Léon Bérard"));
    assert!(!finds("^leon", "Centre Léon Bérard"));
    assert!(finds("berard$", "Centre Léon Bérard"));
    assert!(!finds("leon$", "Centre Léon Bérard"));
    assert!(finds("^centre léon bérard$", "Centre Léon Bérard"));
    assert!(finds("'leon'", "Centre Léon Bérard"));
    assert!(!finds("'leo'", "Centre Léon Bérard"));
    assert!(!finds("!leon", "Centre Léon Bérard"));
    assert!(finds("!lyon", "Centre Léon Bérard"));
    assert!(finds("lyon | leon", "Centre Léon Bérard"));
    assert!(!finds("lyon | paris", "Centre Léon Bérard"));
}

#[test]
fn or_binds_tighter_than_and() {
    // `x a | b` is x AND (a OR b), as in fzf.
    assert!(finds("centre amgen | leon", "Centre Léon Bérard"));
    assert!(!finds("lyon amgen | leon", "Centre Léon Bérard"));
    assert!(!finds("centre amgen | pfizer", "Centre Léon Bérard"));
}

#[test]
fn long_fields_match_whole_words_or_word_prefixes() {
    let matcher = Matcher::new();
    let prose = Document {
        long: vec![fold("Le Centre Léon Bérard, à Lyon.")],
        ..Document::default()
    };
    let score = |query: &str| matcher.score(&parse(query), &prose);
    assert!(score("berard").is_some());
    assert!(score("bera").is_some());
    assert!(score("erard").is_none());
    assert!(score("'erard").is_some());
    assert!(score("clb").is_none());
    assert!(finds("erard", "Le Centre Léon Bérard, à Lyon."));
    let field = &prose.long[0];
    assert_eq!(
        matcher.class_highlights(&parse("ber"), FieldClass::Prose, field),
        vec![15, 16, 17]
    );
    assert!(
        matcher
            .class_highlights(&parse("clb"), FieldClass::Prose, field)
            .is_empty()
    );
}

#[test]
fn short_hits_outrank_long_hits() {
    let matcher = Matcher::new();
    let query = parse("lyon");
    let titled = named(&["Lyon Cancer Centre"]);
    let mentioned = Document {
        long: vec![fold("A study in Lyon, France.")],
        ..Document::default()
    };
    let title_score = matcher.score(&query, &titled).unwrap();
    let prose_score = matcher.score(&query, &mentioned).unwrap();
    assert!(title_score > prose_score, "{title_score} vs {prose_score}");
}

#[test]
fn tight_matches_rank_first() {
    let matcher = Matcher::new();
    let query = parse("leon");
    let rank = |text: &str| matcher.score(&query, &named(&[text])).unwrap();
    assert!(
        matcher
            .score(&query, &named(&["Laboratoire en oncologie"]))
            .is_none(),
        "letters scattered across words"
    );
    assert!(rank("Léon") > rank("Napoléon"));
}

#[test]
fn facet_terms_search_only_their_facet() {
    let matcher = Matcher::new();
    let document = sample();
    let finds = |query: &str| matcher.score(&parse(query), &document).is_some();
    assert!(finds("country:fr"));
    assert!(finds("country:f"));
    assert!(!finds("country:r"));
    assert!(!finds("country:us"));
    assert!(!finds("!country:fr"));
    assert!(finds("!country:us"));
    assert!(finds("year:2023"));
    assert!(!finds("year:023"));
    assert!(finds("partner:amg"));
    // Qualifier values match by words, as enumerations do: no acronyms.
    assert!(!finds("partner:dfci"));
    assert!(finds("partner:farb"));
    assert!(finds("partner:^dana"));
    assert!(!finds("partner:^farber"));
    assert!(finds("partner:farber lyon"));
    assert!(!finds("kind:amgen"));
    assert!(!finds("partner:lyon"));
    let value = &document.facets[3].1;
    assert_eq!(
        matcher.facet_highlights(&parse("partner:^dana"), Facet::Partner, value),
        vec![0, 1, 2, 3]
    );
}

#[test]
fn empty_query_matches_everything() {
    let matcher = Matcher::new();
    assert_eq!(matcher.score(&parse(""), &sample()), Some(0));
    assert_eq!(matcher.score(&parse("  "), &Document::default()), Some(0));
    assert_eq!(matcher.line_score(&parse_plain(""), &fold("x")), Some(0));
}

#[test]
fn negation_checks_every_field() {
    let matcher = Matcher::new();
    let document = sample();
    assert!(matcher.score(&parse("!immuno"), &document).is_none());
    assert!(matcher.score(&parse("!amgen"), &document).is_none());
    assert!(matcher.score(&parse("!pfizer"), &document).is_some());
}

#[test]
fn matcher_is_shareable_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Matcher>();
    shareable::<Document>();
}

/// Hits recorded from `fzf -i --filter QUERY` (fzf 0.38) on these lines.
#[test]
fn line_mode_agrees_with_fzf() {
    let lines = [
        "Centre Léon Bérard",
        "  leading space",
        "trailing space  ",
        "foo|bar",
        "Dana-Farber Cancer Institute",
        "country:us partner",
        "price $5",
        "Institut Bergonié",
    ];
    let cases: [(&str, &[usize]); 14] = [
        ("leon", &[0]),
        ("'ce", &[0, 1, 2, 4, 6]),
        ("^lead", &[1]),
        ("space$", &[1, 2]),
        ("^trailing space$", &[2]),
        ("!an", &[0, 1, 2, 3, 5, 6, 7]),
        ("!'an", &[0, 3, 6, 7]),
        ("bar | lead", &[0, 1, 3, 4]),
        ("in ber | dana", &[4, 7]),
        ("| bar", &[3]),
        ("$", &[6]),
        ("country:us", &[5]),
        ("cc 'ins !^dana", &[]),
        (r"can\ i", &[4]),
    ];
    let matcher = Matcher::new();
    let folded: Vec<Folded> = lines.iter().map(|line| fold(line)).collect();
    for (query, expected) in cases {
        let parsed = parse_plain(query);
        let hits: Vec<usize> = (0..lines.len())
            .filter(|&index| matcher.line_score(&parsed, &folded[index]).is_some())
            .collect();
        assert_eq!(hits, expected, "query {query:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn highlights_are_valid_original_indices(
        text in "[a-zA-Z éÉçœßøİ\u{301}서울아산'’-]{0,20}",
        query in "[a-zéœß !^$'|서아]{0,8}",
    ) {
        let matcher = Matcher::new();
        let field = fold(&text);
        let count = text.chars().count();
        let parsed = parse(&query);
        for indices in [
            matcher.highlights(&parsed, &field),
            matcher.class_highlights(&parsed, FieldClass::Prose, &field),
            matcher.line_highlights(&parsed, &field),
            matcher.facet_highlights(&parsed, Facet::Partner, &field),
        ] {
            prop_assert!(indices.iter().all(|&index| index < count));
            prop_assert!(indices.windows(2).all(|pair| pair[0] < pair[1]));
        }
    }
}

proptest! {
    /// A one-letter term scores the same from a document's letter scores as from its
    /// fields, alone or beside other terms.
    #[test]
    fn letter_scores_agree_with_the_fields(
        short in proptest::collection::vec("[a-cé0-1 (/.-]{0,12}", 0..4),
        long in proptest::collection::vec("[a-cé0-1 (/.-]{0,60}", 0..3),
    ) {
        let document = Document {
            short: short.iter().map(|text| fold(text)).collect(),
            long: long.iter().map(|text| fold(text)).collect(),
            ..Document::default()
        };
        let lettered = Lettered(&document, LetterScores::of(&document));
        for text in ["a", "b", "c", "e", "0", "1", "é", "a|b", "ab c", "!b a", "-", "z"] {
            let query = parse(text);
            let prepared = Prepared::new(&query);
            prop_assert_eq!(
                score_fields(&prepared, &lettered),
                score_fields(&prepared, &document),
                "{}", text
            );
        }
    }
}

proptest! {
    /// The one-letter lookup gives what scoring the field gives, for every class.
    #[test]
    fn letter_scores_agree_with_every_class(text in "[a-c0-1 (/.@-]{0,24}") {
        let folded = fold(&text);
        for class in FieldClass::ALL {
            let scores = LetterScores::of_value(folded.as_str(), class);
            for letter in ["a", "b", "c", "0", "1"] {
                let query = parse(letter);
                let term = &query.groups[0].terms[0];
                let index = plain_letter(term).expect("a letter");
                let expected = text_score(term, folded.as_str(), FieldKind::Class(class), None);
                prop_assert_eq!(scores.score(index), expected, "{:?} {}", class, letter);
            }
        }
    }
}

/// A document scored through its letter scores, as an index entry is.
struct Lettered<'a>(&'a Document, LetterScores);

impl Fields for Lettered<'_> {
    fn short_count(&self) -> usize {
        self.0.short_count()
    }
    fn long_count(&self) -> usize {
        self.0.long_count()
    }
    fn facet_count(&self) -> usize {
        self.0.facet_count()
    }
    fn facet_kind(&self, index: usize) -> Facet {
        self.0.facet_kind(index)
    }
    fn score(&self, term: PreparedTerm<'_>, at: FieldAt) -> Option<i64> {
        self.0.score(term, at)
    }
    fn letters(&self) -> Option<&LetterScores> {
        Some(&self.1)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Narrowing by the fields an earlier query matched gives what scoring every field
    /// gives, also for records with more than 64 fields of a kind, whose fields share
    /// the mask's bits.
    #[test]
    fn narrowing_by_matched_fields_loses_nothing(
        short in proptest::collection::vec(
            prop_oneof![9 => "[xyz ]{1,6}", 1 => "[abxy ]{1,6}"], 0..90,
        ),
        long in proptest::collection::vec(
            prop_oneof![19 => "[xyz ]{5,20}", 1 => "((ab|abc|bca|cab|ca|b) ){1,3}"], 0..150,
        ),
        typed in "[abc]{1,4}( [abc]{1,3})?",
    ) {
        let document = Document {
            short: short.iter().map(|text| fold(text)).collect(),
            long: long.iter().map(|text| fold(text)).collect(),
            ..Document::default()
        };
        let mut earlier: Option<(Query, FieldMask)> = None;
        for end in 1..=typed.len() {
            let query = parse(&typed[..end]);
            let prepared = Prepared::new(&query);
            let narrowed = match &earlier {
                Some((last, within)) if query.grows_from(last) => {
                    score_within(&prepared, &document, last.groups.len(), *within)
                }
                _ => score_within(&prepared, &document, 0, FieldMask::ALL),
            };
            prop_assert_eq!(
                narrowed.map(|(score, _)| score),
                score_fields(&prepared, &document),
                "{}", &typed[..end]
            );
            earlier = narrowed.map(|(_, matched)| (query, matched));
        }
    }
}

fn class_score(query: &str, text: &str, class: FieldClass) -> Option<i64> {
    let query = parse(query);
    let term = &query.groups[0].terms[0];
    text_score(term, fold(text).as_str(), FieldKind::Class(class), None)
}

#[test]
fn each_class_of_field_matches_by_its_own_rule() {
    // Emails by the prefix of the address or of its parts.
    for query in ["presse", "gustaveroussy", "fr"] {
        assert!(class_score(query, "presse@gustaveroussy.fr", FieldClass::Email).is_some());
    }
    assert!(class_score("resse", "presse@gustaveroussy.fr", FieldClass::Email).is_none());
    // Phones by their digits, whatever separates them.
    for query in ["0142", "42", "0142115059"] {
        assert!(
            class_score(query, "01 42 11 50 59", FieldClass::Phone).is_some(),
            "{query}"
        );
    }
    assert!(class_score("0143", "01 42 11 50 59", FieldClass::Phone).is_none());
    // Dates by prefix.
    assert!(class_score("2023-10", "2023-10-16", FieldClass::Date).is_some());
    assert!(class_score("10-16", "2023-10-16", FieldClass::Date).is_none());
    // Enumerations and prose by words and word prefixes only.
    assert!(class_score("rank", "world-rank", FieldClass::Enumeration).is_some());
    assert!(class_score("soria", "research-organisation", FieldClass::Enumeration).is_none());
    // Names fuzzily, but never scattered across a long name's words.
    assert!(class_score("hms", "Harvard Medical School", FieldClass::Name).is_some());
    assert!(
        class_score(
            "soria",
            "Memorial Sloan Kettering Cancer Center",
            FieldClass::Name
        )
        .is_none()
    );
}

#[test]
fn a_heavier_class_always_outranks_a_lighter_one() {
    // The weakest hit in a record's own name beats the best in a reference to another.
    let weak_name = class_score("hms", "Harvard Medical School", FieldClass::Name).unwrap();
    let strong_reference = class_score("harvard", "Harvard", FieldClass::Reference).unwrap();
    assert!(
        weak_name > strong_reference,
        "{weak_name} {strong_reference}"
    );
    let mut weights: Vec<i64> = FieldClass::ALL.iter().map(|class| class.weight()).collect();
    let sorted = {
        let mut sorted = weights.clone();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        sorted
    };
    assert_eq!(
        weights, sorted,
        "FieldClass::ALL goes from heaviest to lightest"
    );
    weights.dedup();
    assert!(weights.len() >= 6);
}
