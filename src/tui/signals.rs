//! Signals while the explorer has the terminal. SIGTERM, SIGHUP, SIGINT and SIGQUIT restore
//! the terminal and end the explorer; SIGTSTP (and Ctrl-Z, which raw mode delivers as a key)
//! restores it and stops, and on SIGCONT the explorer takes the terminal back and redraws.
//!
//! The main thread may be blocked anywhere (reading input, or writing a frame to a terminal
//! that stopped reading), so a thread of its own acts on each signal. It restores the
//! terminal while holding stdout's lock, so that the main thread cannot draw on the shell's
//! screen meanwhile; but it waits for that lock only so long, since the main thread holds
//! it for as long as a write is blocked.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{Command, execute};

/// Set when the explorer was stopped and has been continued: the run loop redraws it all.
static RESUMED: AtomicBool = AtomicBool::new(false);
/// Whether the explorer captures the mouse, for taking the terminal back as it was.
static MOUSE_CAPTURED: AtomicBool = AtomicBool::new(true);

/// How long a signal waits for stdout's lock before restoring without it.
const LOCK_WAIT: Duration = Duration::from_millis(300);

/// True once after the explorer was continued from a stop.
pub(crate) fn take_resumed() -> bool {
    RESUMED.swap(false, Ordering::SeqCst)
}

/// The run loop tells whether the mouse is captured, so a resume restores that.
pub(crate) fn set_mouse_captured(captured: bool) {
    MOUSE_CAPTURED.store(captured, Ordering::SeqCst);
}

/// Sets the terminal up for the explorer: raw mode, alternate screen, bracketed paste (a
/// paste arrives as one event, its line breaks as text), and mouse capture if asked.
pub(crate) fn enter(out: &mut impl Write, mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(out, EnterAlternateScreen, EnableBracketedPaste, Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// What leaving the explorer writes: no mouse reporting, no bracketed paste, the main
/// screen, the cursor shown.
fn leave_sequence() -> String {
    let mut sequence = String::new();
    let _ = DisableMouseCapture.write_ansi(&mut sequence);
    let _ = DisableBracketedPaste.write_ansi(&mut sequence);
    let _ = LeaveAlternateScreen.write_ansi(&mut sequence);
    let _ = Show.write_ansi(&mut sequence);
    sequence
}

/// Puts the terminal back as it was. Safe to call more than once.
pub(crate) fn leave(out: &mut impl Write) {
    let _ = disable_raw_mode();
    let _ = out.write_all(leave_sequence().as_bytes());
    let _ = out.flush();
}

/// Ctrl-Z: stop as SIGTSTP would, through the same thread, so that a key and a signal
/// suspend the same way.
#[cfg(unix)]
pub(crate) fn suspend() {
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
}

#[cfg(not(unix))]
pub(crate) fn suspend() {}

#[cfg(unix)]
pub(crate) fn install() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP])?;
    std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            for signal in signals.forever() {
                if signal == SIGTSTP {
                    stop_and_continue();
                } else {
                    // The lock stays held until the process ends: the main thread draws
                    // nothing on the restored screen.
                    let _held = leave_holding_stdout();
                    exit_now(128 + signal);
                }
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn install() -> io::Result<()> {
    Ok(())
}

/// What a thread holding stdout's lock is told once the terminal was left.
enum Then {
    /// Take the terminal back, then let go of the lock.
    Resume,
}

/// Leaves the terminal from a thread that takes stdout's lock and keeps it until told what
/// next (or the process ends). If the lock is not had within [`LOCK_WAIT`] (the main
/// thread is blocked writing to a terminal that does not read), leaves without it.
fn leave_holding_stdout() -> Option<mpsc::Sender<Then>> {
    let _ = disable_raw_mode();
    let (left, has_left) = mpsc::channel();
    let (then, next) = mpsc::channel::<Then>();
    let holder = std::thread::Builder::new()
        .name("terminal-holder".to_owned())
        .spawn(move || {
            let mut stdout = io::stdout().lock();
            leave(&mut stdout);
            let _ = left.send(());
            if let Ok(Then::Resume) = next.recv() {
                let _ = enter(&mut stdout, MOUSE_CAPTURED.load(Ordering::SeqCst));
                let _ = execute!(stdout, Clear(ClearType::All));
            }
        });
    if holder.is_ok() && has_left.recv_timeout(LOCK_WAIT).is_ok() {
        return Some(then);
    }
    leave_without_waiting();
    None
}

/// SIGTSTP: leave the terminal, stop; once continued, take the terminal back and have the
/// run loop redraw (woken by a SIGWINCH, which its input reader listens for).
#[cfg(unix)]
fn stop_and_continue() {
    let held = leave_holding_stdout();
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    match held {
        // The holder takes the terminal back before letting go of stdout: whatever the
        // main thread writes next lands on the explorer's screen.
        Some(then) => {
            let _ = then.send(Then::Resume);
        }
        None => {
            let mut stdout = io::stdout();
            let _ = enter(&mut stdout, MOUSE_CAPTURED.load(Ordering::SeqCst));
        }
    }
    RESUMED.store(true, Ordering::SeqCst);
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
}

/// Writes the leave sequence straight to the terminal without stdout's lock, and without
/// blocking: what fits in the terminal's buffer now is written, the rest dropped.
#[cfg(unix)]
fn leave_without_waiting() {
    use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
    let sequence = leave_sequence();
    // The descriptor itself: `io::stdout()`'s writer would wait for its lock.
    let terminal = rustix::stdio::stdout();
    let flags = fcntl_getfl(terminal).ok();
    if let Some(flags) = flags {
        let _ = fcntl_setfl(terminal, flags | OFlags::NONBLOCK);
    }
    let _ = rustix::io::write(terminal, sequence.as_bytes());
    // Put back, since the shell shares the descriptor's flags.
    if let Some(flags) = flags {
        let _ = fcntl_setfl(terminal, flags);
    }
}

#[cfg(not(unix))]
fn leave_without_waiting() {}

/// Ends the process at once: no flushing of stdout, whose lock another thread may hold.
#[cfg(unix)]
fn exit_now(code: i32) -> ! {
    signal_hook::low_level::exit(code)
}
