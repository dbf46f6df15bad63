//! An institution's statements about itself, release by release: for each claimed topic
//! (world rank, staff, share of patients in trials…) every value each release gives, in
//! date order, marking where a value differs from the one before. Statements that carry no
//! date of their own (a site banner) are kept and shown, but are not part of the chain of
//! changes, since nothing says when they were true. A statement about one of the
//! institution's other names (`about: Amgen France`) forms its own chains, headed by that
//! name: what Amgen France claims is not what Amgen claims.

use super::Dataset;

/// One statement of one topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// Index of the announcement that makes the statement.
    pub(crate) announcement: usize,
    pub value: String,
    pub(crate) as_written: String,
    /// Where in the release it stands ("About Gustave Roussy", "site banner (undated)").
    pub(crate) context: String,
    /// Whom the release credits for the claim ("Newsweek").
    pub(crate) source: Option<String>,
    pub(crate) undated: bool,
    /// The value differs from the last dated value of an earlier release.
    pub(crate) changed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicHistory {
    pub topic: String,
    /// The other name the statements are about ("Amgen France"), if not the institution.
    pub about: Option<String>,
    pub entries: Vec<HistoryEntry>,
}

impl TopicHistory {
    /// The chain's heading: the topic, after the name it is about when there is one
    /// ("Amgen France — staff").
    pub fn label(&self) -> String {
        match &self.about {
            Some(about) => format!("{about} — {}", self.topic),
            None => self.topic.clone(),
        }
    }

    /// True when the releases do not all say the same.
    pub(crate) fn varies(&self) -> bool {
        self.entries.iter().any(|entry| entry.changed)
    }
}

impl Dataset {
    /// The institution's claims grouped by topic, topics in order of first appearance.
    pub fn claim_history(&self, institution: usize) -> Vec<TopicHistory> {
        let id = self.institutions[institution].id.as_str();
        let mut topics: Vec<TopicHistory> = Vec::new();
        for (index, announcement) in self.announcements.iter().enumerate() {
            for profile in announcement
                .profiles
                .iter()
                .filter(|profile| profile.institution == id)
            {
                let undated = profile.context.contains("undated");
                let about = profile.about.as_ref().map(ToString::to_string);
                for claim in &profile.claims {
                    let entry = HistoryEntry {
                        announcement: index,
                        value: claim.value.to_string(),
                        as_written: claim.as_written.to_string(),
                        context: profile.context.to_string(),
                        source: claim.source.as_ref().map(ToString::to_string),
                        undated,
                        changed: false,
                    };
                    match topics.iter_mut().find(|history| {
                        history.topic == claim.topic.as_str() && history.about == about
                    }) {
                        Some(history) => history.entries.push(entry),
                        None => topics.push(TopicHistory {
                            topic: claim.topic.to_string(),
                            about: about.clone(),
                            entries: vec![entry],
                        }),
                    }
                }
            }
        }
        for history in &mut topics {
            // The value the latest earlier release gave, and the release being read.
            let mut earlier: Option<String> = None;
            let mut current: Option<(usize, String)> = None;
            for entry in history.entries.iter_mut().filter(|entry| !entry.undated) {
                if current
                    .as_ref()
                    .is_some_and(|(announcement, _)| *announcement != entry.announcement)
                {
                    earlier = current.take().map(|(_, value)| value);
                }
                entry.changed = earlier.as_ref().is_some_and(|value| *value != entry.value);
                current = Some((entry.announcement, entry.value.clone()));
            }
        }
        topics
    }
}

/// Marks a value that differs from the release before, in Details and in `show`.
pub(crate) const CHANGED_MARK: &str = "✱";

impl HistoryEntry {
    /// One line of a topic's history: `2022-06-07  6 ✱  “sixth in the world…” (About …)`.
    pub(crate) fn describe(&self, dataset: &Dataset) -> String {
        let date = if self.undated {
            "undated   ".to_owned()
        } else {
            dataset.announcements[self.announcement].date.to_string()
        };
        let mark = if self.changed {
            format!(" {CHANGED_MARK}")
        } else {
            String::new()
        };
        let written = self
            .as_written
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let credit = self
            .source
            .as_ref()
            .map_or(String::new(), |source| format!("; source: {source}"));
        format!(
            "{date}  {}{mark}  “{written}” ({}{credit})",
            self.value, self.context
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::dataset::Dataset;

    #[test]
    fn gustave_roussy_restates_itself_release_by_release() {
        let dataset = Dataset::embedded().expect("embedded dataset");
        let gustave = dataset
            .institution_index("gustave-roussy")
            .expect("Gustave Roussy");
        let history = dataset.claim_history(gustave);
        let topic = |name: &str| {
            history
                .iter()
                .find(|history| history.topic == name)
                .expect(name)
                .clone()
        };
        let dated = |name: &str| -> Vec<(String, String, bool)> {
            topic(name)
                .entries
                .iter()
                .filter(|entry| !entry.undated && !entry.context.starts_with("release body"))
                .map(|entry| {
                    (
                        dataset.announcements[entry.announcement]
                            .date
                            .year_text()
                            .to_owned(),
                        entry.value.clone(),
                        entry.changed,
                    )
                })
                .collect()
        };
        let owned = |rows: &[(&str, &str, bool)]| -> Vec<(String, String, bool)> {
            rows.iter()
                .map(|(year, value, changed)| ((*year).to_owned(), (*value).to_owned(), *changed))
                .collect()
        };
        assert_eq!(
            dated("world-rank"),
            owned(&[
                ("2020", "5", false),
                ("2022", "6", true),
                ("2023", "3", true)
            ])
        );
        assert_eq!(
            dated("staff"),
            owned(&[
                ("2020", "3100", false),
                ("2022", "4100", true),
                ("2023", "4100", false)
            ])
        );
        assert_eq!(
            dated("trial-share"),
            owned(&[
                ("2020", "25%", false),
                ("2022", "25%", false),
                ("2023", "40%", true)
            ])
        );
        // The undated banner's 3,000 is kept as such, outside the chain of changes.
        let banner: Vec<(String, bool)> = topic("staff")
            .entries
            .iter()
            .filter(|entry| entry.undated)
            .map(|entry| (entry.value.clone(), entry.changed))
            .collect();
        assert_eq!(banner, [("3000".to_owned(), false)]);
    }
}
