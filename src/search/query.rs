//! The query language: fzf's extended-search syntax, plus `name:value`
//! qualifiers on the dataset's facets. This module owns turning what a
//! person typed into a [`Query`] (terms folded with [`fold_str`]) and
//! reasoning about queries alone ([`Query::grows_from`]). What a term
//! matches in a record, and how well, is left to [`super::matcher`].

use crate::fold::fold_str;

/// A facet of a record that a `name:value` qualifier can restrict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Facet {
    Country,
    Year,
    Kind,
    Partner,
    City,
    Role,
    #[strum(serialize = "lang")]
    Language,
}

impl Facet {
    /// The facet a qualifier names, in any case.
    pub(crate) fn from_name(name: &str) -> Option<Facet> {
        name.parse().ok()
    }
}

/// How a term's text must occur, as fzf's markers say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TermKind {
    /// No marker: characters in order (`foo`).
    Fuzzy,
    /// `'foo`, or any `!foo`: a substring.
    Exact,
    /// `'foo'`: a substring with a word boundary on both sides.
    ExactBoundary,
    /// `^foo`: the start of the field.
    Prefix,
    /// `foo$`: the end of the field.
    Suffix,
    /// `^foo$`: the whole field.
    Equal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub(crate) kind: TermKind,
    /// `!`: the record matches only where the term does not.
    pub(crate) negated: bool,
    /// `name:`: the term applies to that facet's values only.
    pub(crate) facet: Option<Facet>,
    /// Folded, markers removed, never empty.
    pub(crate) text: String,
}

/// Terms joined by `|`: any of them may match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Group {
    pub(crate) terms: Vec<Term>,
}

/// Groups separated by spaces: all of them must match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub(crate) groups: Vec<Group>,
}

impl Query {
    /// An empty query matches every record.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Whether every record matching `self` is sure to match `previous`,
    /// so a caller may search only `previous`'s results (as when a person
    /// types one more character). False whenever that is not certain.
    pub(crate) fn grows_from(&self, previous: &Query) -> bool {
        self.groups.len() >= previous.groups.len()
            && self
                .groups
                .iter()
                .zip(&previous.groups)
                .all(|(group, earlier)| group.narrows(earlier))
    }
}

impl Group {
    fn narrows(&self, earlier: &Group) -> bool {
        self.terms.iter().all(|term| {
            earlier
                .terms
                .iter()
                .any(|earlier_term| term.narrows(earlier_term))
        })
    }
}

impl Term {
    /// Whether every field this term matches is matched by `earlier`.
    fn narrows(&self, earlier: &Term) -> bool {
        if self.kind != earlier.kind
            || self.negated != earlier.negated
            || self.facet != earlier.facet
        {
            return false;
        }
        if self.negated {
            return self.text == earlier.text;
        }
        // Fuzzy terms may be word-prefix or prefix matches depending on the
        // field, and only a longer prefix is safe for all of them.
        match self.kind {
            TermKind::Fuzzy | TermKind::Prefix => self.text.starts_with(&earlier.text),
            TermKind::Exact => self.text.contains(&earlier.text),
            TermKind::Suffix => self.text.ends_with(&earlier.text),
            TermKind::Equal | TermKind::ExactBoundary => self.text == earlier.text,
        }
    }
}

/// Parses the explorer's query language: fzf's extended syntax with
/// facet qualifiers. Never fails; text that is not a known marker or
/// qualifier is searched literally.
pub fn parse(input: &str) -> Query {
    parse_with(input, Dialect::Explorer)
}

/// Parses exactly as `fzf --extended -i` does, without facet qualifiers,
/// for matching plain lines (`country:us` is an ordinary fuzzy term).
pub fn parse_plain(input: &str) -> Query {
    parse_with(input, Dialect::Fzf)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dialect {
    /// Facets, and forgiving about stray `|` and a lone `$`.
    Explorer,
    /// fzf's own quirks, so that line filtering gives fzf's hits.
    Fzf,
}

fn parse_with(input: &str, dialect: Dialect) -> Query {
    let mut groups = Vec::new();
    let mut current: Vec<Term> = Vec::new();
    // The same state machine as fzf's parseTerms: a term starts a new group
    // unless a `|` came since the previous kept term.
    let mut starts_group = false;
    let mut after_bar = false;
    for token in tokens(input, dialect) {
        let token = fold_str(&token);
        if token == "|" {
            if !current.is_empty() && !after_bar {
                starts_group = false;
                after_bar = true;
                continue;
            }
            if dialect == Dialect::Explorer {
                continue;
            }
        }
        after_bar = false;
        if let Some(term) = parse_term(&token, dialect) {
            if starts_group {
                groups.push(Group {
                    terms: std::mem::take(&mut current),
                });
            }
            current.push(term);
            starts_group = true;
        }
    }
    if !current.is_empty() {
        groups.push(Group { terms: current });
    }
    Query { groups }
}

/// Splits on unescaped separators; `\ ` is a literal space.
fn tokens(input: &str, dialect: Dialect) -> Vec<String> {
    let is_separator = |character: char| match dialect {
        Dialect::Explorer => character.is_whitespace(),
        Dialect::Fzf => character == ' ',
    };
    let mut tokens = Vec::new();
    let mut token = String::new();
    let mut characters = input.chars().peekable();
    while let Some(character) = characters.next() {
        if character == '\\' && characters.peek() == Some(&' ') {
            characters.next();
            token.push(' ');
        } else if is_separator(character) {
            if !token.is_empty() {
                tokens.push(std::mem::take(&mut token));
            }
        } else if character == '\t' {
            // fzf parks escaped spaces as tabs, so a typed tab becomes a space.
            token.push(' ');
        } else {
            token.push(character);
        }
    }
    if !token.is_empty() {
        tokens.push(token);
    }
    tokens
}

/// Reads one folded token's markers in fzf's order; None when nothing is
/// left to search for.
fn parse_term(token: &str, dialect: Dialect) -> Option<Term> {
    let mut text = token;
    let mut kind = TermKind::Fuzzy;
    let mut negated = false;
    let mut facet = None;
    if let Some(rest) = text.strip_prefix('!') {
        negated = true;
        kind = TermKind::Exact;
        text = rest;
    }
    if dialect == Dialect::Explorer {
        if let Some((name, value)) = text.split_once(':') {
            if let Some(named) = Facet::from_name(name) {
                facet = Some(named);
                text = value;
            }
        }
        if text == "$" {
            return None;
        }
    }
    if text != "$" {
        if let Some(rest) = text.strip_suffix('$') {
            kind = TermKind::Suffix;
            text = rest;
        }
    }
    if text.len() > 2 && text.starts_with('\'') && text.ends_with('\'') {
        kind = TermKind::ExactBoundary;
        text = &text[1..text.len() - 1];
    } else if let Some(rest) = text.strip_prefix('\'') {
        // fzf flips exactness: `'` makes a term exact, or fuzzy after `!`.
        kind = if negated {
            TermKind::Fuzzy
        } else {
            TermKind::Exact
        };
        text = rest;
    } else if let Some(rest) = text.strip_prefix('^') {
        kind = if kind == TermKind::Suffix {
            TermKind::Equal
        } else {
            TermKind::Prefix
        };
        text = rest;
    }
    if text.is_empty() {
        return None;
    }
    Some(Term {
        kind,
        negated,
        facet,
        text: text.to_owned(),
    })
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
