//! Press contacts as vCard 4.0 (RFC 6350), for address books: `accords contacts --format
//! vcard`, and the explorer's export of one contact.
//!
//! Every line ends with CRLF and is folded at 75 octets (§3.2): a longer line is cut on a
//! UTF-8 character boundary and continued on the next line after one space. Text values
//! are escaped (§3.4): backslash, comma and semicolon get a backslash, a line break becomes
//! `\n`.
//!
//! A card is a data format, so dataset text is written as it is, not through `sanitize`'s
//! visible placeholders. Control characters cannot break the card's structure or reach a
//! terminal that prints it: a line break (LF, CRLF or a lone CR) is escaped as `\n`, tab is
//! kept (the value grammar allows it), and every other control character — the rest of C0,
//! DEL and C1 — is dropped, since RFC 6350's grammar allows no C0 control but tab in a value
//! and none of them means anything in a name, a phone or an address.

use std::fmt::Write as _;

use crate::dataset::Dataset;

/// The longest line, in octets, without its CRLF (RFC 6350 §3.2).
pub(crate) const MAX_LINE_OCTETS: usize = 75;

/// Particles that belong to the family name when they stand before its last word
/// ("Jean de La Fontaine" → family "de La Fontaine").
const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "la", "le", "les", "van", "von", "der", "den", "ter", "ten", "di",
    "da", "del", "della", "dos", "das", "do", "bin", "ibn", "al", "el", "y",
];

/// One contact's card: `BEGIN:VCARD` to `END:VCARD`, each line ending with CRLF.
pub fn contact_card(dataset: &Dataset, contact: usize) -> String {
    let record = &dataset.contacts[contact];
    let mut card = Card::default();
    card.line("BEGIN", "VCARD");
    card.line("VERSION", "4.0");
    card.line("FN", &escape(&record.name));
    let (family, given) = split_name(&record.name);
    // family;given;additional;prefixes;suffixes
    card.line("N", &format!("{};{};;;", escape(family), escape(given)));
    card.line("ORG", &escape(&record.organization));
    // TITLE would go here: a press contact carries no job title in this dataset's schema,
    // so none is written rather than an empty one.
    for phone in dataset.phones_of(contact) {
        // The number as the release writes it ("06 17 66 00 26"), which is text, not a
        // `tel:` URI: RFC 6350 §6.4.1 allows that with VALUE=text.
        card.line("TEL;TYPE=voice;VALUE=text", &escape(phone));
    }
    for email in dataset.emails_of(contact) {
        card.line("EMAIL", &escape(email));
    }
    card.line("NOTE", &escape(&note(dataset, contact)));
    // A text UID (allowed by §6.7.6 with VALUE=text), stable across runs and datasets.
    card.line(
        "UID;VALUE=text",
        &escape(&format!("accords-contact-{}", record.id)),
    );
    card.line("END", "VCARD");
    card.out
}

/// The cards of these contacts, in the order given (`contacts` passes its ranking).
pub fn cards(dataset: &Dataset, contacts: &[usize]) -> String {
    contacts
        .iter()
        .map(|&contact| contact_card(dataset, contact))
        .collect()
}

/// Who the contact speaks for, and the releases (date and title as written) that list them.
fn note(dataset: &Dataset, contact: usize) -> String {
    let record = &dataset.contacts[contact];
    let mut note = format!(
        "Press contact for {}, listed in:",
        dataset.institution_name(&record.represents)
    );
    for announcement in dataset.contact_announcements(contact) {
        let announcement = &dataset.announcements[announcement];
        let _ = write!(note, "\n{} {}", announcement.date, announcement.title);
        if let Some(english) = &announcement.title_en {
            let _ = write!(note, " ({english})");
        }
    }
    note
}

/// (family, given): the last word, with any particles before it, is the family name; the
/// words before are the given names. A hyphenated name is one word ("Charlotte
/// Scordia-Warembourg" → "Scordia-Warembourg", "Charlotte"); a single word is a family
/// name alone.
pub(crate) fn split_name(name: &str) -> (&str, &str) {
    let name = name.trim();
    let words: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|word| (word.as_ptr() as usize - name.as_ptr() as usize, word))
        .collect();
    let Some(mut first_family) = words.len().checked_sub(1) else {
        return ("", "");
    };
    // Particles join the family name, but the first word always stays a given name.
    while first_family > 1 && is_particle(words[first_family - 1].1) {
        first_family -= 1;
    }
    let start = words[first_family].0;
    (&name[start..], name[..start].trim_end())
}

fn is_particle(word: &str) -> bool {
    PARTICLES
        .iter()
        .any(|particle| word.eq_ignore_ascii_case(particle))
}

/// A text value escaped as RFC 6350 §3.4 asks, with control characters handled as the
/// module's documentation says.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if characters.peek() == Some(&'\n') {
                    characters.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            character if character.is_control() => {}
            character => out.push(character),
        }
    }
    out
}

#[derive(Default)]
struct Card {
    out: String,
}

impl Card {
    /// `NAME[;params]:value` (value already escaped), folded, with its CRLF.
    fn line(&mut self, name: &str, value: &str) {
        let line = format!("{name}:{value}");
        self.out.push_str(&fold(&line));
    }
}

/// The line folded into lines of at most [`MAX_LINE_OCTETS`] octets, the leading space of a
/// continuation counted, each ending with CRLF. Cuts fall between characters, never inside
/// one's UTF-8 bytes.
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut used = 0;
    for character in line.chars() {
        let octets = character.len_utf8();
        if used + octets > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(character);
        used += octets;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_names_with_the_last_word_as_family() {
        assert_eq!(
            split_name("Charlotte Scordia-Warembourg"),
            ("Scordia-Warembourg", "Charlotte")
        );
        assert_eq!(split_name("Claire Parisel"), ("Parisel", "Claire"));
        assert_eq!(split_name("Jean-Charles  Soria"), ("Soria", "Jean-Charles"));
        assert_eq!(
            split_name("Jean de La Fontaine"),
            ("de La Fontaine", "Jean")
        );
        assert_eq!(
            split_name("Ludwig van Beethoven"),
            ("van Beethoven", "Ludwig")
        );
        assert_eq!(split_name("Madonna"), ("Madonna", ""));
        assert_eq!(split_name("  "), ("", ""));
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape("one\r\ntwo\rthree"), "one\\ntwo\\nthree");
        assert_eq!(
            escape("bell\u{7}esc\u{1b}[2Jcsi\u{9b}del\u{7f}\ttab"),
            "bellesc[2Jcsidel\ttab"
        );
    }

    #[test]
    fn folds_at_75_octets_between_characters() {
        let line = format!("NOTE:{}", "é".repeat(100));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        let lines: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines.len() > 1);
        for (number, part) in lines.iter().enumerate() {
            assert!(part.len() <= MAX_LINE_OCTETS, "{part:?}");
            assert_eq!(number > 0, part.starts_with(' '), "{part:?}");
        }
        let unfolded: String = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(fold("A:b"), "A:b\r\n");
        assert_eq!(fold(&"x".repeat(75)), format!("{}\r\n", "x".repeat(75)));
        assert_eq!(
            fold(&"x".repeat(76)),
            format!("{}\r\n x\r\n", "x".repeat(75))
        );
    }
}
