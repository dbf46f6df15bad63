//! The explorer: terminal set-up and restore, and the loop that turns terminal events into
//! actions on the [`app::App`] and draws it. The terminal is restored on every way out:
//! a normal quit, an error, or a panic.

pub mod app;
pub mod chart;
pub mod copy;
pub mod details;
pub mod effects;
pub mod errors_panel;
pub mod help;
pub mod hints;
pub mod keymap;
pub mod map;
pub mod reload;
pub mod rows;
pub mod source_view;
pub mod theme;
pub mod view;
pub mod watch;

use std::io::{self, Write};
use std::time::Duration;

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{Terminal, backend::CrosstermBackend};

use crate::background::Worker;
use crate::config::Settings;
use crate::dataset::{Dataset, LoadError};

use app::App;
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
/// capture. Safe to call more than once.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    let _ = io::stdout().flush();
}

/// Runs the explorer until the person quits. `loaded` is an error only with --watch
/// (`options.watch`): the explorer then opens on the dataset's problems and waits for a fix.
pub fn run(loaded: Result<Dataset, LoadError>, options: &Options) -> io::Result<()> {
    // Monochrome is drawn with modifiers only; forcing colour output keeps crossterm from
    // turning each colour request into a full attribute reset under NO_COLOR.
    ratatui::crossterm::style::force_color_output(true);
    let theme = options.settings.theme.theme();
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let (dataset, problems) = match loaded {
        Ok(dataset) => (dataset, None),
        Err(error) => (Dataset::empty(), Some(error)),
    };
    let mut app = App::new(dataset, theme, width, height);
    app.keymap = options.settings.keymap.clone();
    app.dataset_error = problems;
    app.under_tmux = std::env::var_os("TMUX").is_some();
    if let Some(query) = &options.query {
        app.set_filter(query);
    }
    // Waiting for a valid dataset, `--select` applies once there is one.
    let mut select = options.select.clone();
    if app.dataset_error.is_none() {
        select_start(&mut app, &mut select);
    }
    let watcher = match &options.watch {
        Some(path) => Some(watch::Watcher::start(path.clone())?),
        None => None,
    };

    restore_on_signals()?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous_hook(info);
    }));
    enable_raw_mode()?;
    let result = execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
        .and_then(|()| event_loop(&mut app, watcher.as_ref(), &mut select));
    restore_terminal();
    result
}

/// SIGTERM, SIGHUP and SIGINT end the explorer with the terminal restored. The main
/// thread blocks reading input, so a watcher thread restores and exits on its behalf, with
/// the shell's convention of 128 + the signal's number.
#[cfg(unix)]
fn restore_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Holding stdout's lock until the process ends keeps the main thread
                // from drawing the rest of a frame onto the restored screen.
                let _stdout = io::stdout().lock();
                restore_terminal();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
fn restore_on_signals() -> io::Result<()> {
    Ok(())
}

/// `--select ID`: start on that record, or say there is none.
fn select_start(app: &mut App, select: &mut Option<String>) {
    if let Some(id) = select.take()
        && !app.select_id(&id)
    {
        app.status = Some(format!("no record has the id `{id}`"));
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
            app.reloaded(reload);
            if app.dataset_error.is_none() {
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
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let worker = Worker::start()?;
    // No `terminal.clear()`: the alternate screen starts empty, and clearing asks the
    // terminal for the cursor position, which a terminal that never answers turns into a
    // two-second wait and an error.
    let mut mouse_captured = true;
    let mut redraw = true;
    loop {
        if redraw {
            // Effects first, so the frame drawn next already says how they went.
            if let Some(text) = app.clipboard.take() {
                execute!(
                    io::stdout(),
                    ratatui::crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
                )?;
            }
            if let Some(effect) = app.effect.take() {
                app.status = Some(effects::carry_out(effect));
            }
            terminal.draw(|frame| view::draw(app, frame))?;
            if app.mouse_captured != mouse_captured {
                mouse_captured = app.mouse_captured;
                if mouse_captured {
                    execute!(io::stdout(), EnableMouseCapture)?;
                } else {
                    execute!(io::stdout(), DisableMouseCapture)?;
                }
            }
            if app.quit {
                return Ok(());
            }
        }
        let event = match next_event(app, watcher, &worker, select)? {
            Wake::Event(event) => event,
            Wake::Reloaded => {
                app.search_typed(&worker);
                redraw = true;
                continue;
            }
            Wake::Searched => {
                app.take_lists(&worker);
                redraw = true;
                continue;
            }
        };
        redraw = handle(app, &worker, &mut terminal, event)?;
        // Keys typed faster than a frame is drawn wait in the terminal's queue. Taking all
        // of them now, then searching and drawing once, keeps typing from queueing work: a
        // burst of characters costs one search and one frame. An action whose effect the
        // loop carries out (a copy, an export, the mouse capture, quitting) ends the
        // burst, so that the next one cannot overwrite it.
        while !app.quit
            && app.clipboard.is_none()
            && app.effect.is_none()
            && app.mouse_captured == mouse_captured
            && event::poll(Duration::ZERO)?
        {
            redraw |= handle(app, &worker, &mut terminal, event::read()?)?;
        }
        app.search_typed(&worker);
    }
}

/// Applies one terminal event to the app; false when it changed nothing worth a frame.
/// Filter edits are left for [`App::search_typed`], which the loop calls once per burst.
fn handle(
    app: &mut App,
    worker: &Worker<ListsJob>,
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    event: Event,
) -> io::Result<bool> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            if let Some(action) = app.keymap.action_for(app.context(), &key) {
                // An action other than a filter edit acts on the lists of the filter as
                // typed: the worker is making them, and making them here would repeat it.
                if !action.edits_filter() && app.searching() {
                    worker.wait(Duration::MAX);
                    app.take_lists(worker);
                }
                app.update_deferred(action);
            }
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(_) => app.click(mouse.column, mouse.row),
            MouseEventKind::ScrollDown => app.scroll_at(mouse.column, mouse.row, 3),
            MouseEventKind::ScrollUp => app.scroll_at(mouse.column, mouse.row, -3),
            _ => return Ok(false),
        },
        Event::Resize(width, height) => {
            app.resize(width, height);
            terminal.autoresize()?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}
