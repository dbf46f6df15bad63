use super::fold::fold_str;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Country,
    Year,
    Kind,
    Partner,
    City,
    Role,
    Language,
}
pub struct Query {
    pub terms: Vec<String>,
}
pub fn parse(s: &str) -> Query {
    Query {
        terms: fold_str(s).split_whitespace().map(String::from).collect(),
    }
}
