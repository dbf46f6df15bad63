use super::*;
use proptest::prelude::*;

fn term(kind: TermKind, negated: bool, text: &str) -> Term {
    Term {
        kind,
        negated,
        facet: None,
        text: text.to_owned(),
    }
}

fn single(input: &str) -> Term {
    let query = parse(input);
    assert_eq!(query.groups.len(), 1, "{input:?} gave {query:?}");
    assert_eq!(query.groups[0].terms.len(), 1, "{input:?} gave {query:?}");
    query.groups[0].terms[0].clone()
}

/// Each group's terms as (negated, kind, text), for compact assertions.
fn shape(query: &Query) -> Vec<Vec<String>> {
    query
        .groups
        .iter()
        .map(|group| group.terms.iter().map(|term| term.text.clone()).collect())
        .collect()
}

#[test]
fn markers() {
    use TermKind::*;
    assert_eq!(single("foo"), term(Fuzzy, false, "foo"));
    assert_eq!(single("'foo"), term(Exact, false, "foo"));
    assert_eq!(single("'foo'"), term(ExactBoundary, false, "foo"));
    assert_eq!(single("^foo"), term(Prefix, false, "foo"));
    assert_eq!(single("foo$"), term(Suffix, false, "foo"));
    assert_eq!(single("^foo$"), term(Equal, false, "foo"));
    assert_eq!(single("!foo"), term(Exact, true, "foo"));
    assert_eq!(single("!^foo"), term(Prefix, true, "foo"));
    assert_eq!(single("!foo$"), term(Suffix, true, "foo"));
    assert_eq!(single("!'foo"), term(Fuzzy, true, "foo"));
    assert_eq!(single("!'foo'"), term(ExactBoundary, true, "foo"));
    // fzf reads `$` before `'`, so the quote wins over the anchor.
    assert_eq!(single("'foo$"), term(Exact, false, "foo"));
}

#[test]
fn terms_are_folded() {
    assert_eq!(single("FRANÇOIS").text, "francois");
    assert_eq!(single("^Œuvre").text, "oeuvre");
    // A typographic apostrophe typed as a marker still works as one.
    assert_eq!(single("’Léon").kind, TermKind::Exact);
}

#[test]
fn empty_terms_are_dropped() {
    for input in [
        "", "  ", "'", "^", "$", "!", "!^", "^$", "!'", "|", "| |", "country:",
    ] {
        assert!(parse(input).is_empty(), "{input:?} gave {:?}", parse(input));
    }
    assert_eq!(shape(&parse("a ' ^ b")), vec![vec!["a"], vec!["b"]]);
}

#[test]
fn or_binds_tighter_than_and() {
    assert_eq!(
        shape(&parse("x a | b y")),
        vec![vec!["x"], vec!["a", "b"], vec!["y"]]
    );
    assert_eq!(shape(&parse("a | b | c")), vec![vec!["a", "b", "c"]]);
    assert_eq!(shape(&parse("a |")), vec![vec!["a"]]);
    assert_eq!(shape(&parse("| a")), vec![vec!["a"]]);
    assert_eq!(shape(&parse("a | | b")), vec![vec!["a", "b"]]);
    // A dropped term keeps the pending `|`, as in fzf.
    assert_eq!(shape(&parse("a | ^ b")), vec![vec!["a", "b"]]);
}

#[test]
fn plain_dialect_keeps_fzf_quirks() {
    assert_eq!(shape(&parse_plain("| b")), vec![vec!["|"], vec!["b"]]);
    assert_eq!(
        shape(&parse_plain("a | | b")),
        vec![vec!["a", "|"], vec!["b"]]
    );
    assert_eq!(shape(&parse_plain("$")), vec![vec!["$"]]);
    let qualifier = parse_plain("country:us");
    assert_eq!(qualifier.groups[0].terms[0].facet, None);
    assert_eq!(qualifier.groups[0].terms[0].text, "country:us");
}

#[test]
fn escaped_spaces() {
    assert_eq!(single(r"new\ york").text, "new york");
    assert_eq!(single(r"^new\ york$").kind, TermKind::Equal);
    assert_eq!(shape(&parse(r"a\  b")), vec![vec!["a "], vec!["b"]]);
}

#[test]
fn facet_qualifiers() {
    let country = single("Country:FR");
    assert_eq!(country.facet, Some(Facet::Country));
    assert_eq!(
        (country.kind, country.text.as_str()),
        (TermKind::Fuzzy, "fr")
    );
    let partner = single("partner:^ams");
    assert_eq!(partner.facet, Some(Facet::Partner));
    assert_eq!(partner.kind, TermKind::Prefix);
    let negated = single("!country:fr");
    assert_eq!(
        (negated.negated, negated.facet),
        (true, Some(Facet::Country))
    );
    assert_eq!(single("lang:en").facet, Some(Facet::Language));
    assert_eq!(single("year:2023$").kind, TermKind::Suffix);
    for ordinary in ["http:", "10:30", "xyz:value", "^country:fr"] {
        assert_eq!(single(ordinary).facet, None, "{ordinary:?}");
    }
    assert_eq!(single("10:30").text, "10:30");
}

#[test]
fn growth_is_conservative() {
    let grows = |now: &str, before: &str| parse(now).grows_from(&parse(before));
    assert!(grows("leo", "le"));
    assert!(grows("leon", ""));
    assert!(grows("leon lyon", "leon"));
    assert!(grows("'leon", "'leo"));
    assert!(grows("a | bc", "a | b"));
    assert!(grows("country:fr", "country:f"));
    assert!(!grows("le", "leo"));
    assert!(!grows("a | b", "a"));
    assert!(!grows("!leon", "!leo"));
    assert!(!grows("leon$", "leo$"));
    assert!(!grows("'leon'", "'leo'"));
    assert!(!grows("^leon", "leon"));
    assert!(!grows("lyon", "leon lyon"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parse_never_panics(input in prop_oneof![
        any::<String>(),
        "[a-z '^$!|:\\\\\u{301}\u{300}😀서울아산병원]{0,30}",
        "((country|year|kind|partner|city|role|lang|xyz):)?[!^']{0,2}[a-zé$']{0,6}",
    ]) {
        for query in [parse(&input), parse_plain(&input)] {
            for term in query.groups.iter().flat_map(|group| &group.terms) {
                prop_assert!(!term.text.is_empty());
            }
            prop_assert!(query.groups.iter().all(|group| !group.terms.is_empty()));
            prop_assert!(query.grows_from(&query));
        }
    }
}

#[test]
fn qualifiers_are_named_as_the_filter_help_writes_them() {
    let names = [
        (Facet::Country, "country"),
        (Facet::Year, "year"),
        (Facet::Kind, "kind"),
        (Facet::Partner, "partner"),
        (Facet::City, "city"),
        (Facet::Role, "role"),
        (Facet::Language, "lang"),
    ];
    for (facet, name) in names {
        assert_eq!(<&str>::from(facet), name);
        assert_eq!(Facet::from_name(name), Some(facet));
        assert_eq!(Facet::from_name(&name.to_uppercase()), Some(facet));
    }
    assert_eq!(
        Facet::from_name("language"),
        None,
        "only `lang` names the language"
    );
    assert_eq!(Facet::from_name("place"), None);
}
