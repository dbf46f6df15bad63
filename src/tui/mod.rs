//! The explorer: terminal set-up and restore, and the loop that turns terminal events into
//! actions on the [`app::App`] and draws it. The terminal is restored on every way out:
//! a normal quit, an error, a panic, or a signal (see [`signals`], which also suspends and
//! resumes).

pub mod app;
pub mod capped;
pub(crate) mod card_text;
pub(crate) mod chart;
pub mod copy;
pub mod details;
pub(crate) mod effects;
pub(crate) mod errors_panel;
pub mod help;
pub mod hints;
pub mod keymap;
pub mod layout;
pub(crate) mod map;
pub(crate) mod panes;
pub(crate) mod picker;
pub mod rows;
pub(crate) mod signals;
pub mod source_view;
pub mod theme;
pub mod view;
pub(crate) mod watch;

use std::io;
use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::{Terminal, backend::CrosstermBackend};

use crate::background::Worker;
use crate::config::Settings;
use crate::dataset::{Dataset, LoadError};

use app::{App, Input};
use rows::ListsJob;

/// How the explorer starts.
#[derive(Debug, Default, Clone)]
pub struct Options {
    pub query: Option<String>,
    pub select: Option<String>,
    /// The theme and keys in force (see `crate::config`).
    pub settings: Settings,
    /// With --watch: the dataset's path, reloaded when its files change.
    pub watch: Option<std::path::PathBuf>,
}

/// Puts the terminal back as it was: main screen, cooked mode, cursor shown, no mouse
/// capture, no bracketed paste. Safe to call more than once.
pub(crate) fn restore_terminal() {
    signals::leave(&mut io::stdout());
}

/// The terminal the explorer draws on: stdout, at most [`capped::MAX_WIDTH`] ×
/// [`capped::MAX_HEIGHT`] cells of it.
type Screen = Terminal<capped::Capped<CrosstermBackend<io::Stdout>>>;

/// Runs the explorer until the person quits. `loaded` is an error only with --watch
/// (`options.watch`): the explorer then opens on the dataset's problems and waits for a fix.
pub fn run(loaded: Result<Dataset, LoadError>, options: &Options) -> io::Result<()> {
    // Monochrome is drawn with modifiers only; forcing colour output keeps crossterm from
    // turning each colour request into a full attribute reset under NO_COLOR.
    ratatui::crossterm::style::force_color_output(true);
    let theme = options.settings.theme.theme();
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let (width, height) = capped::cap(width, height);
    let (dataset, problems) = match loaded {
        Ok(dataset) => (dataset, None),
        Err(error) => (Dataset::empty(), Some(error)),
    };
    let mut app = App::new(dataset, theme, width, height);
    app.set_keymap(options.settings.keymap.clone());
    app.set_under_tmux(std::env::var_os("TMUX").is_some());
    if let Some(error) = problems {
        app.handle(Input::Reloaded(Box::new(Err(error))));
    }
    if let Some(query) = &options.query {
        app.handle(Input::Filter(query));
    }
    // Waiting for a valid dataset, `--select` applies once there is one.
    let mut select = options.select.clone();
    if app.dataset_error().is_none() {
        select_start(&mut app, &mut select);
    }
    let watcher = match &options.watch {
        Some(path) => Some(watch::Watcher::start(path.clone())?),
        None => None,
    };

    // Not `ratatui::init`/`restore`: init sizes a plain backend's buffers to the whole screen
    // (what `capped` bounds), and restore leaves the mouse and paste modes on and needs stdout's
    // lock, which a signal cannot wait for; so the same steps are taken here and in `signals`.
    signals::install()?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous_hook(info);
    }));
    signals::set_mouse_captured(true);
    let result = signals::enter(&mut io::stdout(), true)
        .and_then(|()| event_loop(&mut app, watcher.as_ref(), &mut select));
    restore_terminal();
    result
}

/// `--select ID`: start on that record, or say there is none.
fn select_start(app: &mut App, select: &mut Option<String>) {
    if let Some(id) = select.take() {
        app.handle(Input::Select(&id));
    }
}

/// How long the loop waits for input before looking for a reload, with --watch.
const RELOAD_CHECK: Duration = Duration::from_millis(100);
/// How long the loop waits for input before looking whether the worker finished.
const SEARCH_CHECK: Duration = Duration::from_millis(4);

/// What woke the loop up.
enum Wake {
    Event(Event),
    /// A reload came (and was applied).
    Reloaded,
    /// The worker finished the lists of the filter as typed.
    Searched,
}

/// The next thing to act on. Without a watcher or a search under way, blocks until
/// something happens: no work, and no CPU, while idle.
fn next_event(
    app: &mut App,
    watcher: Option<&watch::Watcher>,
    worker: &Worker<ListsJob>,
    select: &mut Option<String>,
) -> io::Result<Wake> {
    loop {
        let searching = app.searching();
        if searching && !worker.busy() {
            return Ok(Wake::Searched);
        }
        if let Some(reload) = watcher.and_then(watch::Watcher::latest) {
            app.handle(Input::Reloaded(Box::new(reload)));
            if app.dataset_error().is_none() {
                select_start(app, select);
            }
            return Ok(Wake::Reloaded);
        }
        let wait = match (searching, watcher) {
            (true, _) => SEARCH_CHECK,
            (false, Some(_)) => RELOAD_CHECK,
            (false, None) => return event::read().map(Wake::Event),
        };
        if event::poll(wait)? {
            return event::read().map(Wake::Event);
        }
    }
}

fn event_loop(
    app: &mut App,
    watcher: Option<&watch::Watcher>,
    select: &mut Option<String>,
) -> io::Result<()> {
    let mut terminal = Terminal::new(capped::Capped::new(CrosstermBackend::new(io::stdout())))?;
    let worker = Worker::start()?;
    // No `terminal.clear()`: the alternate screen starts empty.
    let mut mouse_captured = true;
    let mut redraw = true;
    let mut size = ratatui::crossterm::terminal::size().unwrap_or((app.width, app.height));
    loop {
        if signals::take_resumed() {
            // Back from a stop: the terminal was left meanwhile, perhaps resized, and its
            // screen was cleared when it was taken back.
            size = ratatui::crossterm::terminal::size().unwrap_or(size);
            let (width, height) = capped::cap(size.0, size.1);
            app.handle(Input::Resize { width, height });
            terminal.autoresize()?;
            terminal.clear()?;
            redraw = true;
        }
        if redraw {
            // Effects first, so the frame drawn next already says how they went.
            if let Some(text) = app.take_clipboard() {
                execute!(
                    io::stdout(),
                    ratatui::crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
                )?;
            }
            if let Some(effect) = app.take_effect() {
                app.handle(Input::Report(effects::carry_out(effect)));
            }
            let drawn = capped::cap(size.0, size.1);
            terminal.draw(|frame| {
                view::draw(app, frame);
                if drawn != size {
                    capped::draw_note(frame, size, app.theme().warning);
                }
            })?;
            if app.mouse_captured() != mouse_captured {
                mouse_captured = app.mouse_captured();
                signals::set_mouse_captured(mouse_captured);
                if mouse_captured {
                    execute!(io::stdout(), EnableMouseCapture)?;
                } else {
                    execute!(io::stdout(), DisableMouseCapture)?;
                }
            }
            if app.quitting() {
                return Ok(());
            }
        }
        let event = match next_event(app, watcher, &worker, select)? {
            Wake::Event(event) => event,
            Wake::Reloaded => {
                app.handle(Input::Search(&worker));
                redraw = true;
                continue;
            }
            Wake::Searched => {
                app.handle(Input::ListsReady(&worker));
                redraw = true;
                continue;
            }
        };
        redraw = handle(app, &worker, &mut terminal, &mut size, event)?;
        // Keys typed faster than a frame is drawn wait in the terminal's queue. Taking all
        // of them now, then searching and drawing once, keeps typing from queueing work: a
        // burst of characters costs one search and one frame. An action whose effect the
        // loop carries out (a copy, an export, the mouse capture, quitting) ends the
        // burst, so that the next one cannot overwrite it.
        while !app.quitting()
            && !app.has_effects()
            && app.mouse_captured() == mouse_captured
            && event::poll(DRAIN)?
        {
            redraw |= handle(app, &worker, &mut terminal, &mut size, event::read()?)?;
        }
        app.handle(Input::Search(&worker));
    }
}

/// How long the loop looks for more input before drawing. Not zero: crossterm's `/dev/tty`
/// reader (the `use-dev-tty` feature, whose reads are level-triggered, so no input is left
/// unread until the next key) returns at once without looking when given no time at all.
const DRAIN: Duration = Duration::from_micros(1);

/// Applies one terminal event to the app; false when it changed nothing worth a frame.
/// Filter edits are left for [`Input::Search`], which the loop calls once per burst.
fn handle(
    app: &mut App,
    worker: &Worker<ListsJob>,
    terminal: &mut Screen,
    size: &mut (u16, u16),
    event: Event,
) -> io::Result<bool> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            if let Some(action) = app.keymap().action_for(app.context(), &key) {
                if action == keymap::Action::Suspend {
                    signals::suspend();
                    return Ok(true);
                }
                // An action other than a filter edit acts on the lists of the filter as
                // typed: the worker is making them, and making them here would repeat it.
                if !action.edits_filter() && app.searching() {
                    worker.wait(Duration::MAX);
                    app.handle(Input::ListsReady(worker));
                }
                app.handle(Input::Action(action));
            }
        }
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            app.handle(match mouse.kind {
                MouseEventKind::Down(_) => Input::Click { column, row },
                MouseEventKind::ScrollDown => Input::Scroll {
                    column,
                    row,
                    delta: 3,
                },
                MouseEventKind::ScrollUp => Input::Scroll {
                    column,
                    row,
                    delta: -3,
                },
                _ => return Ok(false),
            })
        }
        Event::Paste(text) => app.handle(Input::Paste(&text)),
        Event::Resize(width, height) => {
            *size = (width, height);
            let (width, height) = capped::cap(width, height);
            app.handle(Input::Resize { width, height });
            terminal.autoresize()?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}
