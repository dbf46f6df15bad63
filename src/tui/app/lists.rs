//! The lists the panes show: searching the filter (at once or in the background),
//! putting the results in the pickers, and Details following the selection.

use super::*;

impl App {
    /// Asks `worker` for the lists of the filter as edited, if they are to be made,
    /// and shows them if they come within [`SEARCH_GRACE`]. Otherwise the lists stay as
    /// they were, [`App::searching`] says so, and the run loop calls
    /// [`Input::ListsReady`] when the worker is done; keys typed meanwhile stop it and
    /// ask for the next.
    pub(super) fn search_typed(&mut self, worker: &Worker<ListsJob>) {
        if !self.filter_pending {
            return;
        }
        let query = parse(&self.filter);
        if self.index.remembers(&query) {
            // The search is done; the lists cost less than a hand-over.
            self.settle();
            return;
        }
        worker.ask(ListsJob(ListInputs {
            query,
            ..self.list_inputs()
        }));
        if worker.wait(SEARCH_GRACE) {
            self.take_lists(worker);
        }
    }

    /// Shows the lists `worker` made, if they are those of the filter as edited; else
    /// (the state changed meanwhile) makes them here.
    pub(super) fn take_lists(&mut self, worker: &Worker<ListsJob>) {
        if !self.filter_pending {
            return;
        }
        match worker.take() {
            Some((lists, query, narrowed))
                if narrowed == self.narrowed && query == parse(&self.filter) =>
            {
                self.filter_pending = false;
                self.query = query;
                self.show_lists(lists);
            }
            _ => self.settle(),
        }
    }

    /// Brings the query and the lists up to date with filter edits made by
    /// filter edits; nothing to do when there were none.
    pub(super) fn settle(&mut self) {
        if self.filter_pending {
            self.filter_pending = false;
            self.apply_filter();
        }
    }

    /// Details follows the focused list's selection; moving in Institutions narrows the
    /// Timeline to that institution's announcements.
    pub(super) fn show_selection(&mut self) {
        let record = match self.focus {
            Pane::Timeline => self.timeline.selected().map(|row| row.record()),
            Pane::Institutions => {
                let institution = self.institutions.selected();
                if institution.is_some() && institution != self.narrowed {
                    self.set_narrowing(institution);
                }
                institution.map(Record::Institution)
            }
            Pane::Details => return,
        };
        self.set_details(record);
    }

    pub(super) fn set_details(&mut self, record: Option<Record>) {
        if self.details.record != record {
            self.details = DetailsCursor {
                record,
                link: 0,
                scroll: 0,
            };
        }
    }

    pub(super) fn set_narrowing(&mut self, institution: Option<usize>) {
        self.narrowed = institution;
        let timeline = rows::timeline(&self.list_inputs());
        self.set_timeline(timeline);
    }

    pub(super) fn apply_filter(&mut self) {
        self.filter_pending = false;
        self.query = parse(&self.filter);
        let lists = rows::lists(&self.list_inputs());
        self.show_lists(lists);
    }

    /// Shows the filter's lists: in Contacts or People when one is open, which filter
    /// their own lists while the panes behind keep theirs; else in every pane. The
    /// focused list's cursor lands on its best hit, as fzf's does, and Details follows it,
    /// but the Timeline is not narrowed: only a move a person makes narrows it.
    pub(super) fn show_lists(&mut self, lists: Lists) {
        if let Some(Overlay::Help { scroll, .. }) = self.overlays.last_mut() {
            // Help filters its own lines; the lists behind stay as they were.
            *scroll = 0;
            self.suggestion = None;
            return;
        }
        self.suggestion = lists.suggestion.clone();
        let best = lists.best;
        if self
            .overlays
            .iter()
            .any(|overlay| matches!(overlay, Overlay::Cards(_)))
        {
            self.contacts.replace_at(lists.contacts, best.contacts);
            self.people.replace_at(lists.people, best.people);
            return;
        }
        self.replace_rows(lists);
        let page = self.page();
        match self.focus {
            Pane::Timeline if let Some(best) = best.timeline => {
                self.timeline.set_cursor(ListCursor {
                    selected: best,
                    offset: 0,
                });
                self.timeline.keep_visible(page);
            }
            Pane::Institutions if let Some(best) = best.institutions => {
                self.institutions.set_cursor(ListCursor {
                    selected: best,
                    offset: 0,
                });
                self.institutions.keep_visible(page);
            }
            _ => {}
        }
        let record = match self.focus {
            Pane::Timeline => self.timeline.selected().map(|row| row.record()),
            Pane::Institutions => self.institutions.selected().map(Record::Institution),
            Pane::Details => return,
        };
        self.set_details(record);
    }

    pub(super) fn refresh_rows(&mut self) {
        let lists = rows::lists(&self.list_inputs());
        self.replace_rows(lists);
    }

    /// Puts `lists` in the panes, keeping the Timeline's and Institutions' selected rows
    /// where they are still listed.
    pub(super) fn replace_rows(&mut self, lists: Lists) {
        self.set_timeline(lists.timeline);
        self.related = lists.related;
        self.institutions.replace_keeping(lists.institutions);
        self.contacts.replace_at(lists.contacts, None);
        self.people.replace_at(lists.people, None);
    }

    /// Lists `timeline`, keeping its selected row where it is still listed.
    pub(super) fn set_timeline(&mut self, timeline: Vec<TimelineRow>) {
        self.timeline_announcements = timeline
            .iter()
            .filter(|row| matches!(row, TimelineRow::Announcement(_)))
            .count();
        self.timeline.replace_keeping(timeline);
    }

    /// Brings the chart's marks line up to date with the Timeline's rows and the chart's
    /// width, as Details' outline is kept.
    pub(super) fn sync_chart(&mut self) {
        let Some(area) = layout::layout(self.width, self.height).chart else {
            return;
        };
        let filtered = self.timeline_filtered();
        let inner = usize::from(area.width.saturating_sub(2));
        self.chart_marks.update(
            &self.dataset,
            self.chart,
            self.timeline.rows(),
            filtered,
            inner,
        );
    }
}
