//! CSV as RFC 4180 writes it: a header row, then one row per record, CRLF after every row,
//! and a field quoted (its quotes doubled) when it holds a comma, a quote or a line break.
//! Cells are never cut; the columns are the tables' (see `commands`), lists joined with
//! [`LIST_SEPARATOR`].
//!
//! CSV is a data format for files, so dataset text is written as it is, not through
//! `sanitize`'s visible placeholders. Control characters are still kept from breaking the
//! structure or reaching a terminal that `cat`s the file: see [`clean`].

/// What joins a list (phones, emails) inside one cell.
pub(crate) const LIST_SEPARATOR: &str = "; ";

/// The document: the header row, then the rows. Always ends with CRLF.
pub(crate) fn document<I>(headers: &[&str], rows: I) -> String
where
    I: IntoIterator<Item = Vec<String>>,
{
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail, and every row is UTF-8 text, so neither `expect` can
    // fire; a row of another length than the header is a bug in the caller.
    writer
        .write_record(headers.iter().map(|header| clean(header)))
        .expect("writing to memory works");
    for row in rows {
        debug_assert_eq!(
            row.len(),
            headers.len(),
            "a CSV row has one cell per header"
        );
        writer
            .write_record(row.iter().map(|cell| clean(cell)))
            .expect("writing to memory works");
    }
    let bytes = writer.into_inner().expect("flushing to memory works");
    String::from_utf8(bytes).expect("CSV of UTF-8 cells is UTF-8")
}

/// A cell as written to CSV. Line breaks are kept (the field is then quoted) but
/// normalised to LF, so a lone CR cannot move a terminal's cursor back over a line. Tab is
/// kept. Every other control character (C0, DEL, C1: ESC, BEL, NUL, U+009B…) is dropped:
/// none has a meaning in a cell, and each could drive a terminal the file is printed to.
/// Nothing else is changed — no placeholder, no formula escaping — so values round-trip.
pub(crate) fn clean(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut characters = cell.chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            '\r' => {
                if characters.peek() == Some(&'\n') {
                    characters.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(character),
            character if character.is_control() => {}
            character => out.push(character),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it_and_doubles_quotes() {
        let text = document(
            &["a", "b", "c"],
            [vec![
                "plain".to_owned(),
                "with, comma".to_owned(),
                "say \"hi\"".to_owned(),
            ]],
        );
        assert_eq!(
            text,
            "a,b,c\r\nplain,\"with, comma\",\"say \"\"hi\"\"\"\r\n"
        );
    }

    #[test]
    fn line_breaks_are_quoted_and_controls_dropped() {
        let text = document(
            &["x"],
            [vec!["one\r\ntwo\rthree\u{1b}[2J\u{9b}\tend".to_owned()]],
        );
        assert_eq!(text, "x\r\n\"one\ntwo\nthree[2J\tend\"\r\n");
    }

    #[test]
    fn an_empty_list_still_has_its_header() {
        assert_eq!(document(&["id", "name"], []), "id,name\r\n");
    }
}
