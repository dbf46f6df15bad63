//! The explorer: terminal set-up and restore, and the loop that turns terminal events into
//! actions on the [`app::App`] and draws it. The terminal is restored on every way out:
//! a normal quit, an error, or a panic.

pub mod app;
pub mod copy;
pub mod details;
pub mod keymap;
pub mod rows;
pub mod theme;
pub mod view;

use std::io::{self, Write};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{Terminal, backend::CrosstermBackend};

use crate::dataset::Dataset;

use app::App;
use theme::Theme;

/// How the explorer starts.
#[derive(Debug, Default, Clone)]
pub struct Options {
    pub query: Option<String>,
    pub select: Option<String>,
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

/// Runs the explorer until the person quits.
pub fn run(dataset: Dataset, options: &Options) -> io::Result<()> {
    // Monochrome is drawn with modifiers only; forcing colour output keeps crossterm from
    // turning each colour request into a full attribute reset under NO_COLOR.
    ratatui::crossterm::style::force_color_output(true);
    let theme = Theme::from_environment();
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(dataset, theme, width, height);
    if let Some(query) = &options.query {
        app.set_filter(query);
    }
    if let Some(id) = &options.select
        && !app.select_id(id)
    {
        app.status = Some(format!("no record has the id `{id}`"));
    }

    restore_on_signals()?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous_hook(info);
    }));
    enable_raw_mode()?;
    let result = execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
        .and_then(|()| event_loop(&mut app));
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

fn event_loop(app: &mut App) -> io::Result<()> {
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.clear()?;
    let mut mouse_captured = true;
    loop {
        terminal.draw(|frame| view::draw(app, frame))?;
        if let Some(text) = app.clipboard.take() {
            execute!(
                io::stdout(),
                ratatui::crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
            )?;
        }
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
        // Blocks until something happens: no work, and no CPU, while idle.
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                if let Some(action) = keymap::action_for(app.context(), &key) {
                    app.update(action);
                }
            }
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::Down(_) => app.click(mouse.column, mouse.row),
                MouseEventKind::ScrollDown => app.scroll_at(mouse.column, mouse.row, 3),
                MouseEventKind::ScrollUp => app.scroll_at(mouse.column, mouse.row, -3),
                _ => continue,
            },
            Event::Resize(width, height) => {
                app.resize(width, height);
                terminal.autoresize()?;
            }
            _ => continue,
        }
    }
}
