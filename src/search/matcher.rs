use super::fold::Folded;
use super::query::{Facet, Query};
#[derive(Debug, Default)]
pub struct Document {
    pub short: Vec<Folded>,
    pub long: Vec<Folded>,
    pub facets: Vec<(Facet, Folded)>,
}
#[derive(Default)]
pub struct Matcher;
impl Matcher {
    pub fn score(&self, q: &Query, d: &Document) -> Option<i64> {
        q.terms
            .iter()
            .all(|t| {
                d.short
                    .iter()
                    .chain(&d.long)
                    .any(|f| f.as_str().contains(t.as_str()))
            })
            .then_some(1)
    }
}
