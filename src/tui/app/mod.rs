//! The explorer's state and the one method that changes it, [`App::handle`]. No terminal
//! here: input comes in, state changes, and `view` draws the result. What rows each pane
//! lists is derived from the dataset, the filter and the narrowing in `rows`.

mod access;
mod actions;
mod links;
mod lists;
mod moves;
mod reload;

use std::sync::Arc;
use std::time::Duration;

use crate::background::Worker;
use crate::dataset::{Dataset, LoadError, Record};
use crate::search::index::SearchIndex;
use crate::search::query::{Query, parse};

use super::chart::{Chart, ChartAxis, ChartMarks};
use super::copy::{CopyItem, copy_items};
use super::details;
use super::keymap::{Action, Context};
use super::layout;
pub(crate) use super::picker::{ListCursor, Picker};
use super::rows::{self, ListInputs, ListOrders, Lists, ListsJob, Related, TimelineRow};
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

/// Work the run loop carries out for the app, since `handle` touches nothing outside it.
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
    pub(crate) filter: String,
    pub(crate) timeline_cursor: ListCursor,
    pub(crate) institutions_cursor: ListCursor,
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
pub(crate) const SEARCH_GRACE: Duration = Duration::from_millis(8);

/// The fields are `pub(super)` for the panes, which read them; only App's methods (in this
/// module's files) write them.
pub struct App {
    /// Shared with the lists' background worker, as is the index.
    pub(super) dataset: Arc<Dataset>,
    pub(super) index: Arc<SearchIndex>,
    /// The timeline chart's years, computed with the index: once per dataset.
    pub(super) chart: ChartAxis,
    /// The chart's marks line, laid out when the rows it marks or its width change.
    pub(super) chart_marks: ChartMarks,
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
        let chart = ChartAxis::of(&dataset);
        let mut app = App {
            dataset: Arc::new(dataset),
            index,
            chart,
            chart_marks: ChartMarks::default(),
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
        app.sync_chart();
        app
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
        // The search just applied may have put another record in Details.
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
        self.sync_chart();
    }

    /// Carries out an action, the lists included: what tests and one keystroke at a time
    /// see.
    pub fn update(&mut self, action: Action) {
        self.handle(Input::Action(action));
        self.settle();
        self.sync_outline();
        self.sync_chart();
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
}
