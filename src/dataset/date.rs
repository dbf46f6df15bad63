//! Dates as the releases write them: full ISO dates for announcements, and for events the
//! precision the text gives (a year, a month, a day, or a span of years).

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::text::Text;

/// A date at the precision a release gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum PartialDate {
    Year(u16),
    Month(u16, u8),
    Day(u16, u8, u8),
    /// `YYYY/YYYY`, as in "from 2023/2024".
    Span(u16, u16),
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY/YYYY`; the error says what was expected.
    pub(crate) fn parse(text: &str) -> Result<PartialDate, String> {
        const EXPECTED: &str = "expected YYYY, YYYY-MM, YYYY-MM-DD or a span YYYY/YYYY";
        if let Some((start, end)) = text.split_once('/') {
            let (start, end) = (parse_year(start), parse_year(end));
            return match (start, end) {
                (Some(start), Some(end)) if start <= end => Ok(PartialDate::Span(start, end)),
                (Some(_), Some(_)) => Err(format!(
                    "date span `{text}` ends before it starts; expected YYYY/YYYY with the earlier year first"
                )),
                _ => Err(format!("`{text}` is not a date; {EXPECTED}")),
            };
        }
        let parts: Vec<&str> = text.split('-').collect();
        let year = parts.first().and_then(|year| parse_year(year));
        let Some(year) = year else {
            return Err(format!("`{text}` is not a date; {EXPECTED}"));
        };
        match parts.len() {
            1 => Ok(PartialDate::Year(year)),
            2 | 3 => {
                let month = parse_two_digits(parts[1])
                    .filter(|month| (1..=12).contains(month))
                    .ok_or_else(|| {
                        format!("`{text}` has no month {}; expected 01 to 12", parts[1])
                    })?;
                if parts.len() == 2 {
                    return Ok(PartialDate::Month(year, month));
                }
                let last = days_in_month(year, month);
                let day = parse_two_digits(parts[2])
                    .filter(|day| (1..=last).contains(day))
                    .ok_or_else(|| {
                        format!(
                            "`{text}` is not a calendar date: day {} of a month of {last} days",
                            parts[2]
                        )
                    })?;
                Ok(PartialDate::Day(year, month, day))
            }
            _ => Err(format!("`{text}` is not a date; {EXPECTED}")),
        }
    }

    /// A key that sorts dates of mixed precision in the order of their time: by the day
    /// they are over, then by when they start. A release's "by 2021" comes after its
    /// 29 June 2021, and "from 2021/2022" after both, as a reader of the release expects.
    pub(crate) fn sort_key(self) -> (u16, u8, u8, u16) {
        match self {
            PartialDate::Year(year) => (year, 12, 31, year),
            PartialDate::Span(start, end) => (end, 12, 31, start),
            PartialDate::Month(year, month) => (year, month, days_in_month(year, month), year),
            PartialDate::Day(year, month, day) => (year, month, day, year),
        }
    }
}

/// A date as a release writes it, with its value, parsed once as the dataset is read.
/// The text is what every view prints (a parsed date displays as its text); the value is
/// what orders, places and groups by year. `None` only for a date validation refuses.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WrittenDate {
    text: Text,
    parsed: Option<PartialDate>,
}

impl WrittenDate {
    pub(crate) fn new(text: Text) -> WrittenDate {
        let parsed = PartialDate::parse(&text).ok();
        WrittenDate { text, parsed }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub(crate) fn parsed(&self) -> Option<PartialDate> {
        self.parsed
    }

    /// The four digits of the first year the date covers, as written, or the whole text
    /// of a date that does not parse: the year facet and the views' year columns show it.
    pub(crate) fn year_text(&self) -> &str {
        match self.parsed {
            Some(_) => &self.text[..4],
            None => &self.text,
        }
    }

    /// [`PartialDate::sort_key`]; a date that does not parse sorts first.
    pub(crate) fn sort_key(&self) -> Option<(u16, u8, u8, u16)> {
        self.parsed.map(PartialDate::sort_key)
    }

    /// Why the date does not parse, as validation reports it.
    pub(crate) fn problem(&self) -> Option<String> {
        // Worded again from the text, only for a date that failed: a valid dataset pays
        // nothing, and the value need not carry a message.
        self.parsed
            .is_none()
            .then(|| PartialDate::parse(&self.text).err())
            .flatten()
    }
}

impl Deref for WrittenDate {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for WrittenDate {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for WrittenDate {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.text)
    }
}

impl fmt::Debug for WrittenDate {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, formatter)
    }
}

impl<'de> Deserialize<'de> for WrittenDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Text::deserialize(deserializer).map(WrittenDate::new)
    }
}

impl Serialize for WrittenDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.text.serialize(serializer)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Year(year) => write!(formatter, "{year:04}"),
            PartialDate::Month(year, month) => write!(formatter, "{year:04}-{month:02}"),
            PartialDate::Day(year, month, day) => {
                write!(formatter, "{year:04}-{month:02}-{day:02}")
            }
            PartialDate::Span(start, end) => write!(formatter, "{start:04}/{end:04}"),
        }
    }
}

fn parse_year(text: &str) -> Option<u16> {
    (text.len() == 4 && text.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn parse_two_digits(text: &str) -> Option<u8> {
    (text.len() == 2 && text.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_precision_the_releases_use() {
        assert_eq!(PartialDate::parse("2024"), Ok(PartialDate::Year(2024)));
        assert_eq!(
            PartialDate::parse("2023-06"),
            Ok(PartialDate::Month(2023, 6))
        );
        assert_eq!(
            PartialDate::parse("2022-05-13"),
            Ok(PartialDate::Day(2022, 5, 13))
        );
        assert_eq!(
            PartialDate::parse("2023/2024"),
            Ok(PartialDate::Span(2023, 2024))
        );
    }

    #[test]
    fn refuses_impossible_calendar_dates() {
        assert!(
            PartialDate::parse("2019-02-30")
                .unwrap_err()
                .contains("day 30")
        );
        assert!(PartialDate::parse("2023-02-29").is_err());
        assert_eq!(
            PartialDate::parse("2024-02-29"),
            Ok(PartialDate::Day(2024, 2, 29))
        );
        assert!(PartialDate::parse("2019-13").is_err());
        assert!(
            PartialDate::parse("2024/2023")
                .unwrap_err()
                .contains("ends before")
        );
        assert!(PartialDate::parse("12nd february 2019").is_err());
        assert!(PartialDate::parse("").is_err());
    }

    #[test]
    fn displays_as_written_precision() {
        for text in ["2024", "2023-06", "2022-05-13", "2023/2024"] {
            assert_eq!(PartialDate::parse(text).unwrap().to_string(), text);
        }
    }

    /// Read from YAML, a date keeps its text for printing and its value for ordering,
    /// and writes back as the same text.
    #[test]
    fn a_written_date_keeps_its_text_and_its_value() {
        let read: Vec<WrittenDate> =
            serde_yaml::from_str("[\"2021-06-29\", \"2023/2024\", \"2019-02-30\"]")
                .expect("three strings");
        let [day, span, impossible] = &read[..] else {
            panic!("{read:?}");
        };
        assert_eq!(day.parsed(), Some(PartialDate::Day(2021, 6, 29)));
        assert_eq!(day.year_text(), "2021");
        assert_eq!(span.parsed(), Some(PartialDate::Span(2023, 2024)));
        assert_eq!(span.year_text(), "2023");
        assert!(day.sort_key() < span.sort_key());
        assert_eq!(day.problem(), None);
        assert_eq!(impossible.parsed(), None);
        assert_eq!(impossible.year_text(), "2019-02-30");
        assert!(impossible.sort_key() < day.sort_key());
        assert!(impossible.problem().expect("refused").contains("day 30"));
        assert_eq!(impossible.to_string(), "2019-02-30");
        assert_eq!(
            serde_json::to_string(&read).expect("written"),
            r#"["2021-06-29","2023/2024","2019-02-30"]"#
        );
    }

    #[test]
    fn sorts_in_the_order_of_time() {
        // The Paris Saclay release's events, as a reader orders them.
        let written = [
            "2030",
            "2025",
            "2023/2024",
            "2021/2022",
            "2021",
            "2021-06-29",
        ];
        let mut dates: Vec<PartialDate> = written
            .iter()
            .map(|text| PartialDate::parse(text).unwrap())
            .collect();
        dates.sort_by_key(|date| date.sort_key());
        let sorted: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            sorted,
            [
                "2021-06-29",
                "2021",
                "2021/2022",
                "2023/2024",
                "2025",
                "2030"
            ]
        );
    }
}
