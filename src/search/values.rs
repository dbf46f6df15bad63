//! The distinct texts of a search index's fields, each folded and stored once. Names,
//! places, ids and the titles a contact's releases repeat recur across thousands of
//! records, so there are far fewer distinct texts than fields (BENCHMARKS.md counts them).
//! Storing each once, side by side, lets a query score each distinct text once (see
//! `super::index`) and keeps the index small and contiguous.

use std::collections::HashMap;

use super::fields::FieldClass;
use super::query::Facet;
use crate::fold::{CharSet, fold_into};

/// A value's position in its [`Values`]. Four bytes, as an index holds millions.
pub(crate) type ValueId = u32;

/// Folded texts stored end to end, with each one's [`CharSet`].
#[derive(Debug, Default)]
pub(crate) struct Values {
    text: String,
    ends: Vec<usize>,
    sets: Vec<CharSet>,
    /// What each value is to the records holding it: equal texts of two classes are two
    /// values, as they match differently.
    classes: Vec<FieldClass>,
}

impl Values {
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The folded text of value `id`.
    pub(crate) fn text(&self, id: ValueId) -> &str {
        let id = id as usize;
        let start = id.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.text[start..self.ends[id]]
    }

    /// The char set of value `id`: asked for before its text, which it often makes
    /// unnecessary to read.
    pub(crate) fn set(&self, id: ValueId) -> CharSet {
        self.sets[id as usize]
    }

    /// The class of value `id`.
    pub(crate) fn class(&self, id: ValueId) -> FieldClass {
        self.classes[id as usize]
    }

    fn push(&mut self, original: &str, class: FieldClass) -> ValueId {
        // Ids stay below u32::MAX: a dataset within the loader's limits of records and
        // text holds far fewer distinct values, and memory would run out first.
        let id = ValueId::try_from(self.ends.len()).unwrap_or(ValueId::MAX);
        let start = self.text.len();
        fold_into(original, &mut self.text);
        self.sets.push(CharSet::of(&self.text[start..]));
        self.ends.push(self.text.len());
        self.classes.push(class);
        id
    }

    fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.sets.shrink_to_fit();
        self.classes.shrink_to_fit();
    }
}

/// A fixed-seed fast hash: the keys are the dataset's own values, so SipHash's resistance
/// to chosen keys buys nothing here but time.
type QuickMap<K> = HashMap<K, ValueId, foldhash::fast::FixedState>;

/// Gives each distinct original text one id in a [`Values`], folding it the first time
/// it is seen. The originals are borrowed from the dataset while the index is built.
#[derive(Default)]
pub(crate) struct Interner<'a> {
    ids: QuickMap<(FieldClass, &'a str)>,
    values: Values,
}

impl<'a> Interner<'a> {
    pub(crate) fn intern(&mut self, class: FieldClass, original: &'a str) -> ValueId {
        if let Some(&id) = self.ids.get(&(class, original)) {
            return id;
        }
        let id = self.values.push(original, class);
        self.ids.insert((class, original), id);
        id
    }

    /// The values, without the lookup table built to share them.
    pub(crate) fn into_values(self) -> Values {
        let mut values = self.values;
        values.shrink_to_fit();
        values
    }
}

/// Facet values, kept apart per facet: a facet decides how its values are matched.
#[derive(Debug, Default)]
pub(crate) struct FacetValues {
    pub(crate) values: Values,
    pub(crate) facets: Vec<Facet>,
    /// Whether each value is a related record's (a partner's country, an institution's
    /// years of announcements) rather than the record's own: it then counts for less.
    pub(crate) related: Vec<bool>,
}

/// An [`Interner`] for facet values, keyed by facet and text.
#[derive(Default)]
pub(crate) struct FacetInterner<'a> {
    ids: QuickMap<(Facet, bool, &'a str)>,
    values: FacetValues,
}

impl<'a> FacetInterner<'a> {
    pub(crate) fn intern(&mut self, facet: Facet, original: &'a str, related: bool) -> ValueId {
        if let Some(&id) = self.ids.get(&(facet, related, original)) {
            return id;
        }
        // A facet value's class is not read: its facet says how it matches.
        let id = self.values.values.push(original, FieldClass::Enumeration);
        self.values.facets.push(facet);
        self.values.related.push(related);
        self.ids.insert((facet, related, original), id);
        id
    }

    pub(crate) fn into_values(self) -> FacetValues {
        let mut values = self.values;
        values.values.shrink_to_fit();
        values.facets.shrink_to_fit();
        values.related.shrink_to_fit();
        values
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    #[test]
    fn equal_texts_share_one_folded_value() {
        let mut interner = Interner::default();
        let first = interner.intern(FieldClass::Name, "Centre Léon Bérard");
        let other = interner.intern(FieldClass::Name, "Amgen");
        let reference = interner.intern(FieldClass::Reference, "Amgen");
        assert_eq!(
            interner.intern(FieldClass::Name, "Centre Léon Bérard"),
            first
        );
        assert_ne!(first, other);
        assert_ne!(other, reference);
        let values = interner.into_values();
        assert_eq!(values.len(), 3);
        assert_eq!(values.class(reference), FieldClass::Reference);
        let expected = fold("Centre Léon Bérard");
        assert_eq!(values.text(first), expected.as_str());
        assert_eq!(values.set(first), expected.char_set());
        assert_eq!(values.text(other), "amgen");
    }

    #[test]
    fn facet_values_are_told_apart_by_facet() {
        let mut interner = FacetInterner::default();
        let city = interner.intern(Facet::City, "Lyon", false);
        let partner = interner.intern(Facet::Partner, "Lyon", false);
        let related = interner.intern(Facet::City, "Lyon", true);
        assert_ne!(city, partner);
        assert_ne!(city, related);
        assert_eq!(interner.intern(Facet::City, "Lyon", false), city);
        let values = interner.into_values();
        assert_eq!(values.facets[city as usize], Facet::City);
        assert_eq!(values.facets[partner as usize], Facet::Partner);
        assert_eq!(values.values.text(partner), "lyon");
    }
}
