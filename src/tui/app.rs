//! The explorer's state and the one function that changes it, [`App::update`]. No terminal
//! here: actions come in, state changes, and `view` draws the result. What rows each pane
//! lists is derived from the dataset, the filter and the narrowing in `rows`.

use std::sync::Arc;
use std::time::Duration;

use crate::background::Worker;
use crate::dataset::{Dataset, LoadError, Record};
use crate::search::index::SearchIndex;
use crate::search::query::{Query, parse};

use super::chart::ChartMarks;
use super::copy::{CopyItem, copy_items};
use super::details;
use super::keymap::{Action, Context};
use super::layout;
pub use super::picker::{ListCursor, Picker};
use super::rows::{
    self, ListOrders, Lists, ListsJob, Related, Sources, TimelineOrder, TimelineRow,
};
use super::source_view::SourceView;
use super::theme::Theme;
use crate::search::suggest::Suggestion;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Timeline,
    Institutions,
    Details,
}

impl Pane {
    const ORDER: [Pane; 3] = [Pane::Timeline, Pane::Institutions, Pane::Details];

    fn next(self, step: isize) -> Pane {
        let position = Pane::ORDER
            .iter()
            .position(|pane| *pane == self)
            .unwrap_or(0) as isize;
        Pane::ORDER[(position + step).rem_euclid(3) as usize]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: usize,
        /// The filter before help opened, put back when it closes: help's own `/` filters
        /// its lines.
        before: String,
    },
    /// Contacts or People: cards that filter their own lists.
    Cards(Cards),
    Copy {
        items: Vec<CopyItem>,
    },
    /// A release's text, at a fact's passage (`s`).
    Source(SourceView),
}

/// The two lists of cards over the panes, which differ only in what a card says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cards {
    Contacts,
    People,
}

impl Cards {
    fn record(self, index: usize) -> Record {
        match self {
            Cards::Contacts => Record::Contact(index),
            Cards::People => Record::Person(index),
        }
    }
}

/// What the keyboard is doing, apart from the overlay it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Keys move in the panes and overlays.
    Browse,
    /// The filter line has the keyboard.
    Filter,
    /// Details' links wear labels (`f`): the letters typed so far.
    Hints(String),
    /// The person asked to leave; the run loop ends.
    Quit,
}

/// Work the run loop carries out for the app, since `update` touches nothing outside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write a file that does not exist yet, named after `stem`, in the current directory.
    Export {
        stem: String,
        extension: &'static str,
        contents: String,
        what: String,
    },
    /// Open a web link with the system's opener.
    Open { url: String },
}

/// What part of the world the map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapZoom {
    World,
    Europe,
}

/// Details: the record shown, the selected link and the scroll position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DetailsCursor {
    pub record: Option<Record>,
    pub link: usize,
    pub scroll: usize,
}

/// Everything that decides what the main screen shows, as `[` and `]` bring it back: the
/// record, the narrowing, the filter, the lists' cursors, Details' link and scroll, and the
/// focus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub details: DetailsCursor,
    pub narrowed: Option<usize>,
    pub filter: String,
    pub timeline_cursor: ListCursor,
    pub institutions_cursor: ListCursor,
    pub focus: Pane,
}

/// What changes the app from outside, as the run loop receives it. Every input goes
/// through [`App::handle`].
pub enum Input<'a> {
    /// A command from the keymap. A filter edit only changes the filter line: the run loop
    /// applies a burst of typed characters with one search ([`Input::Search`]) instead of
    /// one search per character.
    Action(Action),
    /// Bracketed paste: typed into the filter, its control characters as spaces.
    Paste(&'a str),
    Click {
        column: u16,
        row: u16,
    },
    /// The mouse wheel over a cell.
    Scroll {
        column: u16,
        row: u16,
        delta: isize,
    },
    Resize {
        width: u16,
        height: u16,
    },
    /// The end of a burst of filter edits: search what was typed, in `worker`.
    Search(&'a Worker<ListsJob>),
    /// `worker` finished lists of the filter as typed.
    ListsReady(&'a Worker<ListsJob>),
    /// With --watch: the dataset loaded anew, or why it does not load. Boxed: a dataset
    /// is large beside the other inputs.
    Reloaded(Box<Result<Dataset, LoadError>>),
    /// `--select`: show this record; the status line says when no record has the id.
    Select(&'a str),
    /// `--query`: the filter to start with.
    Filter(&'a str),
    /// How an effect the run loop carried out went, for the status line.
    Report(String),
}

/// How long the search of [`Input::Search`] waits for the lists of what was just typed: lists that
/// come sooner are drawn in the same frame, without a frame of stale lists first.
pub const SEARCH_GRACE: Duration = Duration::from_millis(8);

/// The fields are `pub(super)` for the panes, which read them, and for `reload`, which is
/// App's own code in a file of its own; only App's methods write them.
pub struct App {
    /// Shared with the lists' background worker, as are the index and the timeline order.
    pub(super) dataset: Arc<Dataset>,
    pub(super) index: Arc<SearchIndex>,
    /// The timeline chart's marks, computed with the index: once per dataset.
    pub(super) chart: ChartMarks,
    /// Each announcement's events in date order and its title length, for the Timeline.
    pub(super) timeline_order: Arc<TimelineOrder>,
    pub(super) theme: Theme,
    pub(super) focus: Pane,
    pub(super) mode: Mode,
    pub(super) filter: String,
    pub(super) query: Query,
    /// The filter was edited and `query` and the lists not yet brought up to date; see
    /// `settle`.
    filter_pending: bool,
    pub(super) timeline: Picker<TimelineRow>,
    /// How many of `timeline`'s rows are announcements, counted when it changes rather
    /// than on every frame.
    timeline_announcements: usize,
    pub(super) institutions: Picker<usize>,
    pub(super) contacts: Picker<usize>,
    pub(super) people: Picker<usize>,
    /// The map drawn in place of Details, when shown.
    pub(super) map: Option<MapZoom>,
    pub(super) details: DetailsCursor,
    /// Details' links and line count, for `details`' record at Details' width.
    pub(super) outline: details::Outline,
    /// Timeline shows only this institution's announcements.
    pub(super) narrowed: Option<usize>,
    /// The rows listed because they concern a match (dimmed), and what brought each in.
    pub(super) related: Related,
    /// The order of the Timeline and of Institutions, as `S` cycles it.
    pub(super) orders: ListOrders,
    /// When the filter matches nothing: a term of it that matches nothing, and the
    /// dataset's closest word, which Tab takes.
    pub(super) suggestion: Option<Suggestion>,
    /// The places followed links led to, for `[` and `]`; the current one is refreshed
    /// before leaving it, so coming back finds it as it was left.
    pub(super) trail: Vec<Place>,
    pub(super) trail_position: usize,
    pub(super) overlays: Vec<Overlay>,
    /// The main screen's filter while Contacts or People, which filter their own lists, are open.
    filter_before_overlay: Option<String>,
    mouse_captured: bool,
    pub(super) status: Option<String>,
    /// Text to send to the terminal clipboard; the run loop sends it and clears it.
    clipboard: Option<String>,
    /// Running inside tmux (`$TMUX` is set), which passes OSC 52 on only with
    /// `set-clipboard on`: the first copy says so.
    under_tmux: bool,
    /// Whether a copy was sent already in this session.
    copied_before: bool,
    /// Work with effects outside the app (files, other programs), carried out by the run
    /// loop, which then reports in the status line.
    effect: Option<Effect>,
    /// The terminal's size, for paging and mouse hits.
    pub(super) width: u16,
    pub(super) height: u16,
    /// The keys in force: what the run loop, the hints and the help all read.
    pub(super) keymap: super::keymap::Keymap,
    /// With --watch: why the dataset on disk does not load now (the last valid one stays
    /// shown); drawn by `errors_panel`, cleared by `replace_dataset` (see `reload`).
    pub(super) dataset_error: Option<LoadError>,
}

impl App {
    pub fn new(dataset: Dataset, theme: Theme, width: u16, height: u16) -> App {
        let index = Arc::new(SearchIndex::build(&dataset));
        let chart = ChartMarks::of(&dataset);
        let timeline_order = Arc::new(TimelineOrder::of(&dataset));
        let mut app = App {
            dataset: Arc::new(dataset),
            index,
            chart,
            timeline_order,
            theme,
            focus: Pane::Timeline,
            mode: Mode::Browse,
            filter: String::new(),
            query: parse(""),
            filter_pending: false,
            timeline: Picker::default(),
            timeline_announcements: 0,
            institutions: Picker::default(),
            contacts: Picker::default(),
            people: Picker::default(),
            map: None,
            details: DetailsCursor::default(),
            outline: details::Outline::default(),
            narrowed: None,
            orders: ListOrders::default(),
            related: Related::default(),
            suggestion: None,
            trail: Vec::new(),
            trail_position: 0,
            overlays: Vec::new(),
            filter_before_overlay: None,
            mouse_captured: true,
            status: None,
            clipboard: None,
            under_tmux: false,
            copied_before: false,
            effect: None,
            width,
            height,
            keymap: super::keymap::Keymap::default(),
            dataset_error: None,
        };
        app.refresh_rows();
        app.show_selection();
        app.sync_outline();
        app
    }

    /// The keys in force, from the settings.
    pub fn set_keymap(&mut self, keymap: super::keymap::Keymap) {
        self.keymap = keymap;
    }

    /// Running inside tmux: the first copy says how tmux passes it on.
    pub fn set_under_tmux(&mut self, under_tmux: bool) {
        self.under_tmux = under_tmux;
    }

    /// Text for the terminal clipboard, which the run loop sends.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// Work for the run loop to carry out, which then reports with [`Input::Report`].
    pub fn take_effect(&mut self) -> Option<Effect> {
        self.effect.take()
    }

    /// Whether a clipboard text or an effect waits for the run loop.
    pub fn has_effects(&self) -> bool {
        self.clipboard.is_some() || self.effect.is_some()
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    pub fn chart(&self) -> &ChartMarks {
        &self.chart
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// Link hints' letters typed so far, while Details' links wear labels.
    pub fn hinting(&self) -> Option<&str> {
        match &self.mode {
            Mode::Hints(typed) => Some(typed),
            _ => None,
        }
    }

    /// The filter as typed.
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// The filter as the lists show it: behind the filter while a search runs.
    pub fn query(&self) -> &Query {
        &self.query
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

    /// What Details shows at the app's state.
    fn shown(&self) -> details::Shown<'_> {
        details::Shown {
            dataset: &self.dataset,
            theme: &self.theme,
            record: self.details.record,
            via: self
                .details
                .record
                .and_then(|record| self.related_row(record)),
            selected_link: (self.focus == Pane::Details).then_some(self.details.link),
            filter: (!self.query.is_empty()).then(|| (self.index.matcher(), &self.query)),
        }
    }

    /// Details' content for the record shown, wrapped to `width` cells.
    pub fn details_content(&self, width: u16) -> details::Content {
        details::content(&self.shown(), width)
    }

    /// Brings Details' outline up to date with the record shown and Details' width.
    fn sync_outline(&mut self) {
        let width = layout::layout(self.width, self.height)
            .details
            .width
            .saturating_sub(2);
        let mut outline = std::mem::take(&mut self.outline);
        outline.update(&self.shown(), width);
        self.outline = outline;
    }

    fn outline(&mut self) -> &details::Outline {
        self.sync_outline();
        &self.outline
    }

    /// The links in view in Details with their labels, for link hints.
    pub fn hint_targets(&self) -> Vec<super::hints::Hint> {
        let height = layout::layout(self.width, self.height)
            .details
            .height
            .saturating_sub(2) as usize;
        super::hints::targets(
            &self.outline.links,
            self.details.record,
            self.details.scroll,
            height,
        )
    }

    /// Whether the person asked to leave.
    pub fn quitting(&self) -> bool {
        self.mode == Mode::Quit
    }

    /// Whether the explorer takes the mouse (`m` toggles it).
    pub fn mouse_captured(&self) -> bool {
        self.mouse_captured
    }

    pub fn keymap(&self) -> &super::keymap::Keymap {
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

    /// Applies any input. Filter edits wait for [`Input::Search`]; every other input first
    /// brings the lists up to date with the filter as typed, so it acts on what is shown.
    pub fn handle(&mut self, input: Input) {
        let deferred = match &input {
            Input::Action(action) => action.edits_filter(),
            Input::Paste(_) | Input::Search(_) | Input::ListsReady(_) => true,
            _ => false,
        };
        if !deferred {
            self.settle();
        }
        self.sync_outline();
        match input {
            Input::Action(action) => self.apply(action),
            Input::Paste(text) => self.paste(text),
            Input::Click { column, row } => self.click(column, row),
            Input::Scroll { column, row, delta } => self.scroll_at(column, row, delta),
            Input::Resize { width, height } => self.resize(width, height),
            Input::Search(worker) => self.search_typed(worker),
            Input::ListsReady(worker) => self.take_lists(worker),
            Input::Reloaded(loaded) => self.reloaded(*loaded),
            Input::Select(id) => {
                if !self.select(id) {
                    self.status = Some(format!("no record has the id `{id}`"));
                }
            }
            Input::Filter(filter) => {
                self.filter = filter.to_owned();
                self.apply_filter();
            }
            Input::Report(message) => self.status = Some(message),
        }
        self.sync_outline();
    }

    /// Carries out an action, the lists included: what tests and one keystroke at a time
    /// see.
    pub fn update(&mut self, action: Action) {
        self.handle(Input::Action(action));
        self.settle();
    }

    /// Starts with a filter, as `--query` asks.
    pub fn set_filter(&mut self, filter: &str) {
        self.handle(Input::Filter(filter));
    }

    /// Starts on a record, as `--select` asks; false when no record has that id.
    pub fn select_id(&mut self, id: &str) -> bool {
        let found = self.dataset.record(id).is_some();
        self.handle(Input::Select(id));
        found
    }

    fn select(&mut self, id: &str) -> bool {
        match self.dataset.record(id) {
            Some(record) => {
                self.show(record);
                self.focus = match record {
                    Record::Institution(_) => Pane::Institutions,
                    Record::Announcement(_) | Record::Event(..) => Pane::Timeline,
                    Record::Person(_) | Record::Contact(_) => Pane::Details,
                };
                true
            }
            None => false,
        }
    }

    /// A paste goes into the filter as typed text, its line breaks and other control
    /// characters as spaces: a pasted line break does not accept the filter, and a pasted
    /// Esc does not clear it.
    fn paste(&mut self, text: &str) {
        if self.context() != Context::Filter {
            self.status = Some(format!(
                "a paste goes into the filter: press {} first",
                self.keymap.label_of(Action::StartFilter)
            ));
            return;
        }
        for character in text.chars() {
            let character = if character.is_control() {
                ' '
            } else {
                character
            };
            self.apply(Action::FilterInput(character));
        }
    }

    fn apply(&mut self, action: Action) {
        if !matches!(action, Action::FilterInput(_) | Action::FilterBackspace) {
            self.status = None;
        }
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::HalfPageUp => self.move_by(-(self.page() as isize / 2).max(1)),
            Action::HalfPageDown => self.move_by((self.page() as isize / 2).max(1)),
            Action::NextPane => self.focus_pane(self.focus.next(1)),
            Action::PreviousPane => self.focus_pane(self.focus.next(-1)),
            Action::FocusTimeline => self.focus_pane(Pane::Timeline),
            Action::FocusInstitutions => self.focus_pane(Pane::Institutions),
            Action::FocusDetails => self.focus_pane(Pane::Details),
            Action::Open => self.open(),
            Action::Back => self.travel(-1),
            Action::Forward => self.travel(1),
            Action::StartFilter => self.mode = Mode::Filter,
            Action::FilterInput(character) => {
                self.filter.push(character);
                self.filter_pending = true;
            }
            Action::FilterBackspace => {
                self.filter.pop();
                self.filter_pending = true;
            }
            Action::FilterClearWord => {
                let kept = self
                    .filter
                    .trim_end()
                    .rfind(' ')
                    .map_or(0, |space| space + 1);
                self.filter.truncate(kept);
                self.filter_pending = true;
            }
            Action::FilterAccept => self.stop_filtering(),
            Action::FilterDown => self.move_by(1),
            Action::FilterUp => self.move_by(-1),
            Action::TakeSuggestion => {
                if let Some(suggestion) = self.suggestion.take() {
                    self.filter = suggestion.apply(&self.filter);
                    self.apply_filter();
                }
            }
            Action::CycleOrder => self.cycle_order(),
            Action::Contacts => self.open_cards(Cards::Contacts),
            Action::CopyMenu => self.open_copy_menu(),
            Action::Copy(key) => self.copy(key),
            Action::ToggleMouse => {
                self.mouse_captured = !self.mouse_captured;
                self.status = Some(if self.mouse_captured {
                    "mouse capture on: click and scroll in panes".to_owned()
                } else {
                    "mouse capture off: the terminal's own text selection works".to_owned()
                });
            }
            Action::Help => {
                let before = std::mem::take(&mut self.filter);
                self.query = parse("");
                self.suggestion = None;
                self.overlays.push(Overlay::Help { scroll: 0, before });
            }
            Action::Escape => self.escape(),
            Action::Quit => {
                if !self.close_overlay() {
                    self.mode = Mode::Quit;
                }
            }
            Action::ForceQuit => self.mode = Mode::Quit,
            // Carried out by the run loop, which owns the terminal.
            Action::Suspend => {}
            Action::ClearNarrowing => self.set_narrowing(None),
            Action::ToggleMap => {
                self.map = match self.map {
                    Some(_) => None,
                    None => Some(MapZoom::World),
                };
            }
            Action::ExportContact => self.export_contact(),
            Action::OpenLink => self.open_link(),
            Action::ToggleZoom => match self.map {
                Some(MapZoom::World) => self.map = Some(MapZoom::Europe),
                Some(MapZoom::Europe) => self.map = Some(MapZoom::World),
                None => {
                    self.status = Some(format!(
                        "{} zooms the map: press {} to show it",
                        self.keymap.label_of(Action::ToggleZoom),
                        self.keymap.label_of(Action::ToggleMap)
                    ))
                }
            },
            Action::People => self.open_cards(Cards::People),
            Action::ShowSource => self.open_source(),
            Action::NextPassage => self.step_passage(1),
            Action::PreviousPassage => self.step_passage(-1),
            Action::ScrollDown => self.move_by(1),
            Action::ScrollUp => self.move_by(-1),
            Action::LinkHints => self.start_hints(),
            Action::HintInput(character) => self.hint_typed(character),
        }
    }

    /// `s`: the release of the selected fact, scrolled to its passage; with no fact
    /// selected, the release of the record shown, at its top. The passages of the record
    /// shown in that release are highlighted, for `n` and `N`.
    fn open_source(&mut self) {
        let layout = layout::layout(self.width, self.height);
        let outline = self.outline().clone();
        let selected = if self.focus == Pane::Details {
            outline
                .links
                .get(self.details.link)
                .and_then(|link| link.passage)
        } else {
            None
        };
        let own = match self.details.record {
            Some(Record::Announcement(index) | Record::Event(index, _)) => Some(index),
            _ => None,
        };
        let first = outline.links.iter().find_map(|link| link.passage);
        let Some(announcement) = selected
            .map(|spot| spot.announcement)
            .or(own)
            .or(first.map(|spot| spot.announcement))
        else {
            self.status = Some("no release to show for this record".to_owned());
            return;
        };
        let passages = self.dataset.provenance().passages(announcement);
        let range = |spot: details::PassageSpot| {
            passages
                .get(spot.index)
                .map(|passage| (passage.start, passage.end))
        };
        let mut ranges: Vec<(usize, usize)> = outline
            .links
            .iter()
            .filter_map(|link| link.passage)
            .filter(|spot| spot.announcement == announcement)
            .filter_map(range)
            .collect();
        ranges.sort_unstable();
        ranges.dedup();
        let current = selected
            .and_then(range)
            .and_then(|wanted| ranges.iter().position(|found| *found == wanted));
        let mut view = SourceView {
            announcement,
            passages: ranges,
            current,
            scroll: 0,
        };
        if let Some(text) = self.dataset.provenance().text(announcement) {
            view.scroll_to_current(text, layout.overlay);
        }
        self.overlays.push(Overlay::Source(view));
    }

    /// `n` / `N` in the release.
    fn step_passage(&mut self, step: isize) {
        let area = layout::layout(self.width, self.height).overlay;
        let dataset = Arc::clone(&self.dataset);
        if let Some(Overlay::Source(source)) = self.overlays.last_mut() {
            source.step(step);
            if let Some(text) = dataset.provenance().text(source.announcement) {
                source.scroll_to_current(text, area);
            }
        }
    }

    /// Whether the lists wait for the search of filter edits (see `settle`).
    pub fn searching(&self) -> bool {
        self.filter_pending
    }

    /// The lists' sources in the state as it is.
    pub fn sources(&self) -> Sources {
        Sources {
            dataset: Arc::clone(&self.dataset),
            index: Arc::clone(&self.index),
            timeline_order: Arc::clone(&self.timeline_order),
            query: self.query.clone(),
            narrowed: self.narrowed,
            orders: self.orders,
        }
    }

    /// Asks `worker` for the lists of the filter as edited, if they are to be made,
    /// and shows them if they come within [`SEARCH_GRACE`]. Otherwise the lists stay as
    /// they were, [`App::searching`] says so, and the run loop calls
    /// [`Input::ListsReady`] when the worker is done; keys typed meanwhile stop it and
    /// ask for the next.
    fn search_typed(&mut self, worker: &Worker<ListsJob>) {
        if !self.filter_pending {
            return;
        }
        let query = parse(&self.filter);
        if self.index.remembers(&query) {
            // The search is done; the lists cost less than a hand-over.
            self.settle();
            return;
        }
        worker.ask(ListsJob(Sources {
            query,
            ..self.sources()
        }));
        if worker.wait(SEARCH_GRACE) {
            self.take_lists(worker);
        }
    }

    /// Shows the lists `worker` made, if they are those of the filter as edited; else
    /// (the state changed meanwhile) makes them here.
    fn take_lists(&mut self, worker: &Worker<ListsJob>) {
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
    fn settle(&mut self) {
        if self.filter_pending {
            self.filter_pending = false;
            self.apply_filter();
        }
    }

    /// Closes the topmost overlay; false when there was none. Leaving Contacts puts back
    /// the filter the main screen had, so Esc returns to where you were.
    fn close_overlay(&mut self) -> bool {
        let Some(overlay) = self.overlays.pop() else {
            return false;
        };
        if let Overlay::Help { before, .. } = overlay {
            self.stop_filtering();
            self.filter = before;
            self.apply_filter();
            return true;
        }
        if matches!(overlay, Overlay::Cards(_))
            && let Some(filter) = self.filter_before_overlay.take()
            && filter != self.filter
        {
            self.filter = filter;
            self.apply_filter();
        }
        true
    }

    /// Contacts or People, their cursor on the first card.
    fn open_cards(&mut self, cards: Cards) {
        self.overlays.push(Overlay::Cards(cards));
        self.filter_before_overlay = Some(self.filter.clone());
        self.cards_mut(cards).set_cursor(ListCursor::default());
    }

    pub(super) fn cards(&self, cards: Cards) -> &Picker<usize> {
        match cards {
            Cards::Contacts => &self.contacts,
            Cards::People => &self.people,
        }
    }

    fn cards_mut(&mut self, cards: Cards) -> &mut Picker<usize> {
        match cards {
            Cards::Contacts => &mut self.contacts,
            Cards::People => &mut self.people,
        }
    }

    /// Lines each card of `cards` takes: for Contacts, the most any listed contact's
    /// fields wrap to at the app's size, so cards keep one height for paging.
    pub(super) fn card_lines(&self, cards: Cards) -> usize {
        match cards {
            Cards::Contacts => {
                let inner_width = layout::layout(self.width, self.height)
                    .overlay
                    .width
                    .saturating_sub(2) as usize;
                super::card_text::contact_lines(
                    &self.dataset,
                    &self.theme,
                    self.contacts.rows(),
                    inner_width,
                )
            }
            Cards::People => layout::PERSON_LINES,
        }
    }

    fn stop_filtering(&mut self) {
        if self.mode == Mode::Filter {
            self.mode = Mode::Browse;
        }
    }

    /// Ends link hints; false when they were not shown.
    fn stop_hints(&mut self) -> bool {
        let hinting = matches!(self.mode, Mode::Hints(_));
        if hinting {
            self.mode = Mode::Browse;
        }
        hinting
    }

    fn escape(&mut self) {
        if self.stop_hints() {
        } else if self.mode == Mode::Filter {
            self.mode = Mode::Browse;
            self.filter.clear();
            self.apply_filter();
        } else if self.close_overlay() {
        } else if !self.filter.is_empty() {
            self.filter.clear();
            self.apply_filter();
        } else if self.narrowed.is_some() {
            self.set_narrowing(None);
        }
    }

    /// Rows a page moves: the focused pane's inner height.
    fn page(&self) -> usize {
        let layout = layout::layout(self.width, self.height);
        let area = match (self.overlays.last(), self.focus) {
            _ if self.hinting().is_some() => layout.details,
            (Some(Overlay::Cards(_)), _) => layout.overlay,
            (Some(Overlay::Help { .. } | Overlay::Source(_)), _) => layout.overlay,
            (_, Pane::Timeline) => layout.timeline,
            (_, Pane::Institutions) => layout.institutions,
            (_, Pane::Details) => layout.details,
        };
        area.height.saturating_sub(2).max(1) as usize
    }

    fn move_by(&mut self, delta: isize) {
        if self.hinting().is_some() {
            // While links wear labels, paging scrolls Details to bring others into view.
            self.scroll_details(delta);
            return;
        }
        match self.overlays.last_mut() {
            Some(Overlay::Help { .. }) => {
                let last =
                    super::help::last_scroll(&self.keymap, &self.theme, &self.filter, self.page());
                if let Some(Overlay::Help { scroll, .. }) = self.overlays.last_mut() {
                    *scroll = (*scroll as isize + delta).clamp(0, last as isize) as usize;
                }
                return;
            }
            Some(&mut Overlay::Cards(cards)) => {
                let per_page = self.page() / self.card_lines(cards);
                let picker = self.cards_mut(cards);
                picker.move_by(delta);
                picker.keep_visible(per_page);
                return;
            }
            Some(Overlay::Copy { .. }) => return,
            Some(Overlay::Source(_)) => {
                let area = layout::layout(self.width, self.height).overlay;
                let dataset = Arc::clone(&self.dataset);
                if let Some(Overlay::Source(source)) = self.overlays.last_mut()
                    && let Some(text) = dataset.provenance().text(source.announcement)
                {
                    source.scroll_by(delta, text, area);
                }
                return;
            }
            None => {}
        }
        match self.focus {
            Pane::Timeline => {
                let page = self.page();
                self.timeline.move_by(delta);
                self.timeline.keep_visible(page);
                self.show_selection();
            }
            Pane::Institutions => {
                let page = self.page();
                self.institutions.move_by(delta);
                self.institutions.keep_visible(page);
                self.show_selection();
            }
            Pane::Details => self.move_in_details(delta),
        }
    }

    fn scroll_details(&mut self, delta: isize) {
        let layout = layout::layout(self.width, self.height);
        let outline = self.outline().clone();
        let height = layout.details.height.saturating_sub(2).max(1) as usize;
        let last = outline.lines.saturating_sub(height);
        self.details.scroll =
            (self.details.scroll as isize + delta).clamp(0, last as isize) as usize;
    }

    fn move_in_details(&mut self, delta: isize) {
        let layout = layout::layout(self.width, self.height);
        let outline = self.outline().clone();
        let height = layout.details.height.saturating_sub(2).max(1) as usize;
        if outline.links.is_empty() || delta.unsigned_abs() > 1 {
            let last = outline.lines.saturating_sub(height);
            self.details.scroll =
                (self.details.scroll as isize + delta).clamp(0, last as isize) as usize;
            return;
        }
        let last = outline.links.len() - 1;
        self.details.link = (self.details.link as isize + delta).clamp(0, last as isize) as usize;
        let line = outline.links[self.details.link].line;
        if line < self.details.scroll {
            self.details.scroll = line;
        } else if line >= self.details.scroll + height {
            self.details.scroll = line + 1 - height;
        }
    }

    /// Moving the focus changes neither Details nor the narrowing: only moving a list's
    /// cursor (or Enter on it) does, so passing through a pane never replaces what you read.
    fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
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

    fn set_details(&mut self, record: Option<Record>) {
        if self.details.record != record {
            self.details = DetailsCursor {
                record,
                link: 0,
                scroll: 0,
            };
        }
    }

    fn set_narrowing(&mut self, institution: Option<usize>) {
        self.narrowed = institution;
        let timeline = rows::timeline(&self.sources());
        self.set_timeline(timeline);
    }

    fn apply_filter(&mut self) {
        self.filter_pending = false;
        self.query = parse(&self.filter);
        let lists = rows::lists(&self.sources());
        self.show_lists(lists);
    }

    /// Shows the filter's lists: in Contacts or People when one is open, which filter
    /// their own lists while the panes behind keep theirs; else in every pane. The
    /// focused list's cursor lands on its best hit, as fzf's does, and Details follows it,
    /// but the Timeline is not narrowed: only a move a person makes narrows it.
    fn show_lists(&mut self, lists: Lists) {
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

    /// `S`: the focused list's next order, keeping its selected row.
    fn cycle_order(&mut self) {
        match self.focus {
            Pane::Timeline => self.orders.timeline = self.orders.timeline.next(),
            Pane::Institutions => self.orders.institutions = self.orders.institutions.next(),
            Pane::Details => {
                self.status = Some("S orders the Timeline or Institutions: focus one".to_owned());
                return;
            }
        }
        self.refresh_rows();
    }

    pub(super) fn refresh_rows(&mut self) {
        let lists = rows::lists(&self.sources());
        self.replace_rows(lists);
    }

    /// Puts `lists` in the panes, keeping the Timeline's and Institutions' selected rows
    /// where they are still listed.
    fn replace_rows(&mut self, lists: Lists) {
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

    /// How many announcements the Timeline lists.
    pub fn timeline_announcements(&self) -> usize {
        self.timeline_announcements
    }

    /// Enter: in Details, follow the selected link; in a list, open the row in Details;
    /// in Contacts, show the contact.
    fn open(&mut self) {
        if let Some(&Overlay::Cards(cards)) = self.overlays.last() {
            if let Some(index) = self.cards(cards).selected() {
                self.close_overlay();
                self.follow(cards.record(index));
            }
            return;
        }
        match self.focus {
            Pane::Details => {
                let outline = self.outline().clone();
                if let Some(link) = outline.links.get(self.details.link) {
                    self.activate(*link);
                }
            }
            _ => {
                self.show_selection();
                if self.details.record.is_some() {
                    self.focus = Pane::Details;
                }
            }
        }
    }

    /// Enter or a click on a line of Details: follow its link; a fact that leads nowhere
    /// but the record shown opens its passage instead.
    fn activate(&mut self, link: details::LinkSpot) {
        if link.url.is_some() {
            self.open_link();
        } else if link.passage.is_some() && Some(link.target) == self.details.record {
            self.open_source();
        } else {
            self.follow(link.target);
        }
    }

    /// Goes to a record and records the step, so `[` can come back. The focus goes to
    /// Details, where the linked record is read, as a browser keeps you on the page.
    fn follow(&mut self, record: Record) {
        if self.details.record.is_some() {
            let here = self.place();
            if self.trail.is_empty() {
                self.trail.push(here);
                self.trail_position = 0;
            } else {
                self.trail[self.trail_position] = here;
            }
            self.trail.truncate(self.trail_position + 1);
        }
        self.show(record);
        self.focus = Pane::Details;
        self.trail.push(self.place());
        self.trail_position = self.trail.len() - 1;
    }

    fn travel(&mut self, step: isize) {
        let target = self.trail_position as isize + step;
        if target < 0 || target as usize >= self.trail.len() {
            self.status = Some(
                if step < 0 {
                    "no earlier step"
                } else {
                    "no later step"
                }
                .to_owned(),
            );
            return;
        }
        self.trail[self.trail_position] = self.place();
        self.trail_position = target as usize;
        self.restore(self.trail[self.trail_position].clone());
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

    /// Puts the main screen back as `place` had it.
    fn restore(&mut self, place: Place) {
        if place.filter != self.filter {
            self.filter = place.filter;
            self.apply_filter();
        }
        if place.narrowed != self.narrowed {
            self.narrowed = place.narrowed;
            let timeline = rows::timeline(&self.sources());
            self.set_timeline(timeline);
        }
        self.timeline.set_cursor_within(place.timeline_cursor);
        self.institutions
            .set_cursor_within(place.institutions_cursor);
        self.details = place.details;
        self.focus = place.focus;
    }

    /// The places followed up to the one shown: the trail Details' title draws.
    pub fn trail(&self) -> &[Place] {
        if self.trail.is_empty() {
            &[]
        } else {
            &self.trail[..=self.trail_position]
        }
    }

    /// `f`: label the links Details shows, so typing a label follows it.
    fn start_hints(&mut self) {
        if self.map.is_some() {
            self.status = Some(format!(
                "{} labels the links of Details: hide the map ({}) first",
                self.keymap.label_of(Action::LinkHints),
                self.keymap.label_of(Action::ToggleMap)
            ));
            return;
        }
        // With no link in view, the status line says how to scroll one into view.
        self.mode = Mode::Hints(String::new());
    }

    /// A letter typed while links wear labels: a whole label follows its link; a letter
    /// no label goes on with ends the hints and says so.
    fn hint_typed(&mut self, character: char) {
        let Mode::Hints(typed) = &self.mode else {
            return;
        };
        let mut typed = typed.clone();
        self.mode = Mode::Browse;
        typed.push(character);
        let targets = self.hint_targets();
        if let Some(link) = targets
            .iter()
            .find(|hint| hint.label == typed)
            .map(|hint| hint.link)
        {
            let outline = self.outline().clone();
            if let Some(spot) = outline.links.get(link).copied() {
                self.details.link = link;
                self.activate(spot);
            }
        } else if targets.iter().any(|hint| hint.label.starts_with(&typed)) {
            self.mode = Mode::Hints(typed);
        } else {
            self.status = Some(format!("no link labelled `{typed}`"));
        }
    }

    /// Shows a record in Details and selects it where it is listed (an institution also
    /// narrows the Timeline), leaving the focus where it is. A filter that hides it is
    /// cleared, and the status line says so.
    fn show(&mut self, record: Record) {
        let listed = match record {
            Record::Institution(institution) => self.institutions.position(institution).is_some(),
            Record::Announcement(_) | Record::Event(..) => {
                rows::timeline_without_narrowing(&self.sources())
                    .iter()
                    .any(|row| row.record() == record)
            }
            Record::Person(_) | Record::Contact(_) => true,
        };
        if !listed && !self.filter.is_empty() {
            self.filter.clear();
            self.query = parse("");
            self.refresh_rows();
            self.status = Some("filter cleared to show the link's target".to_owned());
        }
        match record {
            Record::Institution(institution) => {
                if self.institutions.select(institution) {
                    let page = self.page();
                    self.institutions.keep_visible(page);
                }
                self.set_narrowing(Some(institution));
            }
            Record::Announcement(_) | Record::Event(..) => {
                if !self
                    .timeline
                    .rows()
                    .iter()
                    .any(|row| row.record() == record)
                    && self.narrowed.is_some()
                {
                    self.set_narrowing(None);
                }
                if let Some(row) = self
                    .timeline
                    .rows()
                    .iter()
                    .position(|row| row.record() == record)
                {
                    let page = self.page();
                    self.timeline.select_index(row);
                    self.timeline.keep_visible(page);
                }
            }
            Record::Person(_) | Record::Contact(_) => {}
        }
        self.set_details(Some(record));
    }

    /// The link or fact selected in Details, when Details has the focus and no overlay.
    fn selected_link(&self) -> Option<details::LinkSpot> {
        if self.focus != Pane::Details || !self.overlays.is_empty() {
            return None;
        }
        self.outline.links.get(self.details.link).copied()
    }

    /// The web address selected in Details, if the selected line is one.
    fn selected_url(&self) -> Option<String> {
        let link = self.selected_link()?;
        let (_, url) = details::urls_of(&self.dataset, link.target)
            .get(link.url?)
            .copied()?;
        Some(url.to_owned())
    }

    fn copy_target(&self) -> Option<Record> {
        // A press contact selected in a release's or institution's Details is what `y`
        // and `e` act on, as a row selected in a list is.
        if let Some(link) = self.selected_link()
            && matches!(link.target, Record::Contact(_))
        {
            return Some(link.target);
        }
        match self.overlays.last() {
            Some(&Overlay::Cards(cards)) => self
                .cards(cards)
                .selected()
                .map(|index| cards.record(index)),
            _ => self.details.record,
        }
    }

    /// `e`: the selected contact's vCard, to a file.
    fn export_contact(&mut self) {
        let Some(Record::Contact(contact)) = self.copy_target() else {
            self.status = Some(format!(
                "select a press contact to export ({} opens Contacts)",
                self.keymap.label_of(Action::Contacts)
            ));
            return;
        };
        self.effect = Some(Effect::Export {
            stem: self.dataset.contacts[contact].id.to_string(),
            extension: "vcf",
            contents: crate::output::vcard::contact_card(&self.dataset, contact),
            what: format!("vCard of {}", self.dataset.contacts[contact].name),
        });
    }

    /// `o`: the selected record's first web link. Only `http` and `https` links are opened.
    fn open_link(&mut self) {
        let selected: Option<Vec<String>> = self.selected_url().map(|url| vec![url]);
        let links: Vec<String> = match self.copy_target() {
            _ if selected.is_some() => selected.unwrap_or_default(),
            Some(Record::Announcement(index)) => self.dataset.announcements[index]
                .links
                .iter()
                .map(|link| link.url.to_string())
                .collect(),
            Some(Record::Institution(index)) => self.dataset.institutions[index]
                .website
                .iter()
                .map(|url| url.to_string())
                .collect(),
            _ => Vec::new(),
        };
        match links.iter().find(|url| super::copy::is_web_link(url)) {
            Some(url) => self.effect = Some(Effect::Open { url: url.clone() }),
            None if links.is_empty() => self.status = Some("no link to open here".to_owned()),
            None => {
                self.status =
                    Some("only http and https links are opened; this one is not".to_owned())
            }
        }
    }

    fn open_copy_menu(&mut self) {
        let Some(record) = self.copy_target() else {
            self.status = Some("nothing selected to copy".to_owned());
            return;
        };
        let items = match self.selected_url() {
            Some(url) => super::copy::with_link_first(&self.dataset, record, &url),
            None => copy_items(&self.dataset, record),
        };
        if items.is_empty() {
            self.status = Some("nothing to copy here".to_owned());
            return;
        }
        self.overlays.push(Overlay::Copy { items });
    }

    fn copy(&mut self, key: char) {
        let Some(Overlay::Copy { items }) = self.overlays.last() else {
            return;
        };
        let Some(item) = items.iter().find(|item| item.key == key) else {
            self.status = Some(format!("no copy choice `{key}`"));
            return;
        };
        let mut message = format!("sent to terminal clipboard: {}", item.label);
        if self.under_tmux && !self.copied_before {
            message.push_str(" (tmux passes it on only with `set -g set-clipboard on`)");
        }
        self.copied_before = true;
        self.status = Some(message);
        self.clipboard = Some(item.text.clone());
        self.close_overlay();
    }

    /// A mouse click at a cell: focus the pane, select the row, follow a link in Details.
    fn click(&mut self, column: u16, row: u16) {
        // A click chooses for itself: link labels are no longer wanted.
        self.stop_hints();
        if !self.overlays.is_empty() {
            return;
        }
        let layout = layout::layout(self.width, self.height);
        let inside = |area: ratatui::layout::Rect| {
            column >= area.x
                && column < area.x + area.width
                && row > area.y
                && row + 1 < area.y + area.height
        };
        if inside(layout.timeline) {
            self.focus = Pane::Timeline;
            let index = self.timeline.cursor().offset + (row - layout.timeline.y - 1) as usize;
            self.timeline.select_index(index);
            self.show_selection();
        } else if inside(layout.institutions) {
            self.focus = Pane::Institutions;
            let index =
                self.institutions.cursor().offset + (row - layout.institutions.y - 1) as usize;
            self.institutions.select_index(index);
            self.show_selection();
        } else if inside(layout.details) {
            self.focus = Pane::Details;
            let line = self.details.scroll + (row - layout.details.y - 1) as usize;
            let outline = self.outline().clone();
            if let Some(position) = outline.links.iter().position(|link| link.line == line) {
                self.details.link = position;
                self.activate(outline.links[position]);
            }
        }
    }

    /// The mouse wheel over a pane scrolls that pane.
    fn scroll_at(&mut self, column: u16, row: u16, delta: isize) {
        let layout = layout::layout(self.width, self.height);
        let inside = |area: ratatui::layout::Rect| {
            column >= area.x
                && column < area.x + area.width
                && row >= area.y
                && row < area.y + area.height
        };
        if !self.overlays.is_empty() {
            self.move_by(delta);
            return;
        }
        let pane = if inside(layout.timeline) {
            Pane::Timeline
        } else if inside(layout.institutions) {
            Pane::Institutions
        } else if inside(layout.details) {
            Pane::Details
        } else {
            return;
        };
        let focus = self.focus;
        self.focus = pane;
        if pane == Pane::Details {
            let outline = self.outline().clone();
            let height = layout.details.height.saturating_sub(2) as usize;
            let last = outline.lines.saturating_sub(height);
            self.details.scroll =
                (self.details.scroll as isize + delta).clamp(0, last as isize) as usize;
        } else {
            self.move_by(delta);
        }
        self.focus = if pane == Pane::Details { focus } else { pane };
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
        let layout = layout::layout(width, height);
        self.timeline
            .keep_visible(layout.timeline.height.saturating_sub(2) as usize);
        self.institutions
            .keep_visible(layout.institutions.height.saturating_sub(2) as usize);
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
