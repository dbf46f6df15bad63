#[derive(Debug, Clone)]
pub struct Folded {
    text: String,
}
impl Folded {
    pub fn as_str(&self) -> &str {
        &self.text
    }
}
pub fn fold(s: &str) -> Folded {
    Folded { text: fold_str(s) }
}
pub fn fold_str(s: &str) -> String {
    s.to_lowercase()
}
