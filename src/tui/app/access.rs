//! Reading the app's state: what the panes, the run loop and the tests see. Setters here
//! are for start-up (`set_keymap`) and tests placing a cursor (`set_details_link`).

use super::*;

impl App {
    /// The keys in force, from the settings.
    pub fn set_keymap(&mut self, keymap: crate::tui::keymap::Keymap) {
        self.keymap = keymap;
    }

    /// Running inside tmux: the first copy says how tmux passes it on.
    pub fn set_under_tmux(&mut self, under_tmux: bool) {
        self.under_tmux = under_tmux;
    }

    /// Text for the terminal clipboard, which the run loop sends.
    pub(crate) fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// Work for the run loop to carry out, which then reports with [`Input::Report`].
    pub fn take_effect(&mut self) -> Option<Effect> {
        self.effect.take()
    }

    /// Whether a clipboard text or an effect waits for the run loop.
    pub(crate) fn has_effects(&self) -> bool {
        self.clipboard.is_some() || self.effect.is_some()
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// Whether the filter or the narrowing leaves rows out of the Timeline.
    pub(super) fn timeline_filtered(&self) -> bool {
        !self.query.is_empty() || self.narrowed.is_some()
    }

    /// What the timeline chart shows in the state as it is.
    pub(crate) fn chart_view(&self) -> Chart<'_> {
        Chart {
            dataset: &self.dataset,
            axis: self.chart,
            marks: &self.chart_marks,
            timeline: self.timeline.rows(),
            filtered: self.timeline_filtered(),
            selected: self.timeline.selected(),
            theme: &self.theme,
        }
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// Link hints' letters typed so far, while Details' links wear labels.
    pub(crate) fn hinting(&self) -> Option<&str> {
        match &self.mode {
            Mode::Hints(typed) => Some(typed),
            _ => None,
        }
    }

    /// The filter as typed.
    pub fn filter(&self) -> &str {
        &self.filter
    }

    pub fn timeline(&self) -> &Picker<TimelineRow> {
        &self.timeline
    }

    pub fn institutions(&self) -> &Picker<usize> {
        &self.institutions
    }

    /// The contacts the filter lists, whose cards Contacts shows.
    pub fn contacts(&self) -> &Picker<usize> {
        &self.contacts
    }

    /// The people the filter lists, whose cards People shows.
    pub fn people(&self) -> &Picker<usize> {
        &self.people
    }

    pub fn map(&self) -> Option<MapZoom> {
        self.map
    }

    pub fn details(&self) -> DetailsCursor {
        self.details
    }

    pub fn narrowed(&self) -> Option<usize> {
        self.narrowed
    }

    pub fn related(&self) -> &Related {
        &self.related
    }

    pub fn orders(&self) -> ListOrders {
        self.orders
    }

    pub fn suggestion(&self) -> Option<&Suggestion> {
        self.suggestion.as_ref()
    }

    /// The overlays open, the topmost last.
    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }

    /// What the status line says happened last.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Text for the terminal clipboard, not yet sent.
    pub fn clipboard(&self) -> Option<&str> {
        self.clipboard.as_deref()
    }

    /// Work for the run loop, not yet taken.
    pub fn effect(&self) -> Option<&Effect> {
        self.effect.as_ref()
    }

    pub fn width(&self) -> u16 {
        self.width
    }

    pub fn height(&self) -> u16 {
        self.height
    }

    /// Selects Details' link number `link`, without scrolling to it: a place to start from
    /// that keys would take many presses to reach.
    pub fn set_details_link(&mut self, link: usize) {
        self.details.link = link;
    }

    /// Scrolls Details to `line`, the selected link staying as it is.
    pub fn set_details_scroll(&mut self, line: usize) {
        self.details.scroll = line;
    }

    /// Whether the person asked to leave.
    pub fn quitting(&self) -> bool {
        self.mode == Mode::Quit
    }

    /// Whether the explorer takes the mouse (`m` toggles it).
    pub(crate) fn mouse_captured(&self) -> bool {
        self.mouse_captured
    }

    pub fn keymap(&self) -> &crate::tui::keymap::Keymap {
        &self.keymap
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// With --watch: why the dataset on disk does not load now.
    pub fn dataset_error(&self) -> Option<&LoadError> {
        self.dataset_error.as_ref()
    }

    /// Where the keyboard is now.
    pub fn context(&self) -> Context {
        match self.overlays.last() {
            _ if self.mode == Mode::Filter => Context::Filter,
            None if self.hinting().is_some() => Context::Hints,
            Some(Overlay::Help { .. }) => Context::Help,
            Some(Overlay::Copy { .. }) => Context::CopyMenu,
            Some(Overlay::Cards(Cards::Contacts)) => Context::Contacts,
            Some(Overlay::Cards(Cards::People)) => Context::People,
            Some(Overlay::Source(_)) => Context::Source,
            None => Context::Main,
        }
    }

    /// Whether the lists wait for the search of filter edits (see `settle`).
    pub fn searching(&self) -> bool {
        self.filter_pending
    }

    /// The lists' inputs in the state as it is.
    pub(crate) fn list_inputs(&self) -> ListInputs {
        ListInputs {
            dataset: Arc::clone(&self.dataset),
            index: Arc::clone(&self.index),
            query: self.query.clone(),
            narrowed: self.narrowed,
            orders: self.orders,
        }
    }

    /// How many announcements the Timeline lists.
    pub fn timeline_announcements(&self) -> usize {
        self.timeline_announcements
    }

    /// The main screen as it is now, for the history.
    pub fn place(&self) -> Place {
        Place {
            details: self.details,
            narrowed: self.narrowed,
            filter: self.filter.clone(),
            timeline_cursor: self.timeline.cursor(),
            institutions_cursor: self.institutions.cursor(),
            focus: self.focus,
        }
    }

    /// The places followed up to the one shown: the trail Details' title draws.
    pub(crate) fn trail(&self) -> &[Place] {
        if self.trail.is_empty() {
            &[]
        } else {
            &self.trail[..=self.trail_position]
        }
    }

    /// How many records the filter leaves, for the status line.
    pub fn match_count(&self) -> usize {
        match self.overlays.last() {
            Some(&Overlay::Cards(cards)) => self.cards(cards).len(),
            // Rows that only concern a match are not matches.
            _ => (self.timeline_announcements + self.institutions.len())
                .saturating_sub(self.related.announcements.len() + self.related.institutions.len()),
        }
    }

    /// For a row listed because it concerns a match, the record that brought it in.
    pub fn related_row(&self, record: Record) -> Option<Record> {
        match record {
            Record::Announcement(announcement) => self
                .related
                .announcements
                .binary_search_by_key(&announcement, |&(index, _)| index)
                .ok()
                .map(|found| Record::Institution(self.related.announcements[found].1)),
            Record::Institution(institution) => self
                .related
                .institutions
                .binary_search_by_key(&institution, |&(index, _)| index)
                .ok()
                .map(|found| Record::Person(self.related.institutions[found].1)),
            _ => None,
        }
    }
}
