//! Live reload (`--watch`): putting a newly loaded dataset in place of the shown one while
//! keeping what the person was looking at, and holding on to the last valid dataset while
//! the files on disk are wrong. Records are matched across datasets by id, since indexes
//! change when a record is added or removed.

use crate::dataset::{Dataset, LoadError, Record};
use crate::search::index::SearchIndex;

use super::{App, Cards, ListCursor, Overlay, Pane};
use crate::tui::chart::{ChartAxis, ChartMarks};
use crate::tui::layout;

impl App {
    /// What a reload gave: a valid dataset replaces the shown one (and clears any problems
    /// shown); an error is shown in the problems panel over the last valid dataset.
    pub(super) fn reloaded(&mut self, loaded: Result<Dataset, LoadError>) {
        match loaded {
            Ok(dataset) => {
                let had_problems = self.dataset_error.take().is_some();
                self.replace_dataset(dataset);
                self.status = Some(if had_problems {
                    "dataset fixed and reloaded".to_owned()
                } else {
                    "dataset reloaded".to_owned()
                });
            }
            Err(error) => {
                // The problems panel now says what is wrong: a message that the dataset
                // was reloaded or fixed is no longer true.
                if self.status.as_deref().is_some_and(|status| {
                    status.starts_with("dataset ") && status.ends_with("reloaded")
                }) {
                    self.status = None;
                }
                self.dataset_error = Some(error);
            }
        }
    }

    /// Puts `dataset` in place of the shown one. The selection in each list, the record in
    /// Details, the narrowing, the history of followed links and the filter are kept
    /// wherever their records still exist (by id); a selected record that is gone leaves
    /// the selection at the same row, or the last. Filter edits must be applied first
    /// ([`App::handle`] does), since they name rows of the old dataset's lists.
    pub(super) fn replace_dataset(&mut self, dataset: Dataset) {
        let old = &self.dataset;
        let id = |record: Record| old.record_id(record).to_owned();
        let timeline_kept = self.timeline.selected().map(|row| id(row.record()));
        let institution_kept = self
            .institutions
            .selected()
            .map(|institution| id(Record::Institution(institution)));
        let contact_kept = self
            .contacts
            .selected()
            .map(|contact| id(Record::Contact(contact)));
        let narrowed_kept = self
            .narrowed
            .map(|institution| id(Record::Institution(institution)));
        let details_kept = self.details.record.map(id);
        let trail_kept: Vec<(Option<String>, Option<String>)> = self
            .trail
            .iter()
            .map(|place| {
                (
                    place.details.record.map(id),
                    place
                        .narrowed
                        .map(|institution| id(Record::Institution(institution))),
                )
            })
            .collect();
        let (timeline_before, institutions_before, contacts_before) = (
            self.timeline.cursor(),
            self.institutions.cursor(),
            self.contacts.cursor(),
        );

        self.dataset = std::sync::Arc::new(dataset);
        self.outline.forget();
        self.index = std::sync::Arc::new(SearchIndex::build(&self.dataset));
        self.chart = ChartAxis::of(&self.dataset);
        self.chart_marks = ChartMarks::default();
        let dataset = &self.dataset;
        self.narrowed = narrowed_kept.and_then(|id| dataset.institution_index(&id));
        // Nothing of the old rows may be kept by index: they name the old dataset's records.
        self.set_timeline(Vec::new());
        self.institutions.set_rows(Vec::new());
        self.contacts.set_rows(Vec::new());
        self.refresh_rows();

        let dataset = &self.dataset;
        let find = |id: &Option<String>| id.as_deref().and_then(|id| dataset.record(id));
        let timeline_record = find(&timeline_kept);
        let found = self
            .timeline
            .rows()
            .iter()
            .position(|row| Some(row.record()) == timeline_record);
        self.timeline
            .set_cursor(keep(timeline_before, found, self.timeline.len()));
        let institution_record = find(&institution_kept);
        let found = self
            .institutions
            .rows()
            .iter()
            .position(|&row| Some(Record::Institution(row)) == institution_record);
        self.institutions
            .set_cursor(keep(institutions_before, found, self.institutions.len()));
        if self.overlays.contains(&Overlay::Cards(Cards::Contacts)) {
            let contact_record = find(&contact_kept);
            let found = self
                .contacts
                .rows()
                .iter()
                .position(|&row| Some(Record::Contact(row)) == contact_record);
            self.contacts
                .set_cursor(keep(contacts_before, found, self.contacts.len()));
        }
        let layout = layout::layout(self.width, self.height);
        self.timeline
            .keep_visible(layout.timeline.height.saturating_sub(2) as usize);
        self.institutions
            .keep_visible(layout.institutions.height.saturating_sub(2) as usize);

        // The history of followed links, less the records that are gone; a narrowing to an
        // institution that is gone is dropped.
        let position = self.trail_position;
        let mut history = Vec::new();
        let mut new_position = 0;
        for (index, (place, (record_id, narrowed_id))) in
            self.trail.iter().zip(&trail_kept).enumerate()
        {
            if let Some(record) = find(record_id) {
                if index <= position {
                    new_position = history.len();
                }
                let mut place = place.clone();
                place.details.record = Some(record);
                place.narrowed = narrowed_id
                    .as_deref()
                    .and_then(|id| dataset.institution_index(id));
                history.push(place);
            }
        }
        self.trail = history;
        self.trail_position = new_position;

        // A copy menu offers the old dataset's text, and a release view its passages: close them.
        self.overlays
            .retain(|overlay| !matches!(overlay, Overlay::Copy { .. } | Overlay::Source(_)));

        match find(&details_kept) {
            Some(record) => {
                // The same record: keep the selected link and the scroll, which the next
                // move clamps to the new content.
                self.details.record = Some(record);
            }
            None => {
                // Details showed a record that is gone: follow the list's selection again.
                self.details.record = None;
                if self.focus == Pane::Details {
                    self.focus = Pane::Timeline;
                }
                self.show_selection();
            }
        }
    }
}

/// A list's cursor after a reload: on the kept record's row when it is still listed, else
/// at the same row, or the last; the scroll position kept where it can be.
fn keep(before: ListCursor, found: Option<usize>, len: usize) -> ListCursor {
    let selected = found.unwrap_or_else(|| before.selected.min(len.saturating_sub(1)));
    ListCursor {
        selected,
        offset: before.offset.min(selected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::app::Input;
    use crate::tui::theme::Theme;

    const MINIMAL: &str = include_str!("../../../tests/fixtures/good/minimal.yaml");

    fn dataset(text: &str) -> Result<Dataset, LoadError> {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let path = directory.path().join("data.yaml");
        std::fs::write(&path, text).expect("the file is written");
        Dataset::load(&path)
    }

    fn with_gamma() -> String {
        MINIMAL.replace(
            "institutions:\n",
            "institutions:\n  - id: gamma\n    name: Gamma Clinic\n    kind: hospital\n    city: Lyon\n    country: FR\n",
        )
    }

    fn app() -> App {
        App::new(
            dataset(&with_gamma()).expect("valid"),
            Theme::monochrome(),
            120,
            40,
        )
    }

    fn selected_institution(app: &App) -> &str {
        &app.dataset.institutions[app.institutions.rows()[app.institutions.cursor().selected]].id
    }

    #[test]
    fn the_selection_is_kept_by_id_when_rows_move() {
        let mut app = app();
        assert!(app.select_id("beta"));
        assert_eq!(selected_institution(&app), "beta");
        // Gamma removed: Béta moves up a row; the selection follows it.
        app.handle(Input::Reloaded(Box::new(dataset(MINIMAL))));
        assert_eq!(selected_institution(&app), "beta");
        assert_eq!(
            app.details.record,
            app.dataset.record("beta"),
            "Details still shows Béta"
        );
        assert_eq!(app.status.as_deref(), Some("dataset reloaded"));
    }

    #[test]
    fn a_problem_is_shown_over_the_last_valid_dataset_and_a_fix_clears_it() {
        let mut app = app();
        assert!(app.select_id("alpha-2024"));
        let broken = with_gamma().replace("institution: beta", "institution: betta");
        app.handle(Input::Reloaded(Box::new(dataset(&broken))));
        assert!(matches!(app.dataset_error, Some(LoadError::Invalid { .. })));
        assert_eq!(
            app.dataset.institutions.len(),
            3,
            "the last valid dataset stays"
        );
        app.handle(Input::Reloaded(Box::new(dataset(&with_gamma()))));
        assert!(app.dataset_error.is_none());
        assert_eq!(app.details.record, app.dataset.record("alpha-2024"));
        assert_eq!(app.status.as_deref(), Some("dataset fixed and reloaded"));
    }

    #[test]
    fn a_removed_record_leaves_details_on_the_selection() {
        let mut app = app();
        assert!(app.select_id("gamma"));
        app.handle(Input::Reloaded(Box::new(dataset(MINIMAL))));
        assert!(app.details.record.is_some());
        assert_eq!(
            app.details.record,
            Some(Record::Institution(
                app.institutions.rows()[app.institutions.cursor().selected]
            ))
        );
        // Nothing points past the new dataset's records.
        assert!(app.institutions.cursor().selected < app.institutions.len());
        assert!(app.timeline.rows().iter().all(|row| match row.record() {
            Record::Announcement(index) | Record::Event(index, _) =>
                index < app.dataset.announcements.len(),
            _ => true,
        }));
    }

    #[test]
    fn an_empty_start_fills_in_when_the_files_load() {
        let mut app = App::new(Dataset::empty(), Theme::monochrome(), 120, 40);
        app.handle(Input::Reloaded(Box::new(dataset("announcements: ["))));
        assert!(app.dataset_error.is_some());
        app.handle(Input::Reloaded(Box::new(dataset(MINIMAL))));
        assert!(app.dataset_error.is_none());
        let announcements = app
            .timeline
            .rows()
            .iter()
            .filter(|row| matches!(row, crate::tui::rows::TimelineRow::Announcement(_)))
            .count();
        assert_eq!(announcements, 1);
        assert!(app.details.record.is_some());
    }
}
