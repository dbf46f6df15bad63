//! Driving the built explorer in a real pseudo-terminal, the way a person would: type, wait
//! for the screen to show the result, read it. The bytes the explorer writes go, as they
//! arrive, into a `vt100` parser (the screen a person would see) and into a raw log (to check
//! exactly which control sequences reached the terminal).
//!
//! ```ignore
//! let mut t = Explorer::spawn(&["--data", path]);
//! t.wait_for(|screen| screen.contains("Timeline"));
//! t.send("/berard");
//! t.wait_for(|screen| screen.contains("Timeline 1"));
//! t.send_key(Key::Esc);
//! t.wait_for(|screen| !screen.contains("/berard"));
//! t.send("q");
//! t.finish().assert_exited_cleanly();
//! ```
//!
//! Every wait polls with a generous deadline; nothing here synchronises by sleeping a fixed
//! time. A wait that times out fails the test with the screen it last saw.
//!
//! Like a real terminal, the harness answers the explorer's cursor-position query
//! (`ESC [ 6 n`, which ratatui sends when it clears the screen); without an answer the
//! explorer gives up after two seconds.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long a wait may take before the test fails. Generous: a loaded CI machine is slow,
/// and a passing wait returns as soon as the screen is right.
pub const DEADLINE: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(10);

/// Serialises opening a pty and starting processes in this test binary. Between `openpty`
/// and the close-on-exec flag being set there is a moment when a process started by another
/// test thread would inherit the new pty's slave end and hold it open, so that the reader
/// never sees the end of the output.
static SPAWN: Mutex<()> = Mutex::new(());

fn spawn_lock() -> MutexGuard<'static, ()> {
    SPAWN
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs a plain command (no terminal) to its end, holding the spawn lock while it starts.
pub fn run_plain(command: &mut std::process::Command) -> std::process::Output {
    let child = {
        let _guard = spawn_lock();
        command
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the command starts")
    };
    child
        .wait_with_output()
        .expect("the command's output is collected")
}

/// A key a person presses, as a terminal sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Char(char),
    /// Control and a letter: `Ctrl('c')`.
    Ctrl(char),
}

impl Key {
    fn bytes(self) -> Vec<u8> {
        match self {
            Key::Enter => b"\r".to_vec(),
            Key::Esc => b"\x1b".to_vec(),
            Key::Tab => b"\t".to_vec(),
            Key::BackTab => b"\x1b[Z".to_vec(),
            Key::Backspace => b"\x7f".to_vec(),
            Key::Up => b"\x1b[A".to_vec(),
            Key::Down => b"\x1b[B".to_vec(),
            Key::Right => b"\x1b[C".to_vec(),
            Key::Left => b"\x1b[D".to_vec(),
            Key::Home => b"\x1b[H".to_vec(),
            Key::End => b"\x1b[F".to_vec(),
            Key::PageUp => b"\x1b[5~".to_vec(),
            Key::PageDown => b"\x1b[6~".to_vec(),
            Key::Char(character) => character.to_string().into_bytes(),
            Key::Ctrl(letter) => {
                assert!(letter.is_ascii_alphabetic(), "Ctrl with a letter");
                vec![letter.to_ascii_lowercase() as u8 & 0x1f]
            }
        }
    }
}

/// What the terminal was asked to do besides drawing: window titles set, clipboard writes,
/// bells. A well-behaved explorer asks for none of these unless the person copies.
#[derive(Debug, Default, Clone)]
pub struct Requests {
    pub titles: Vec<String>,
    pub icon_names: Vec<String>,
    pub clipboard_writes: Vec<String>,
    pub bells: usize,
}

impl vt100::Callbacks for Requests {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, icon_name: &[u8]) {
        self.icon_names
            .push(String::from_utf8_lossy(icon_name).into_owned());
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles
            .push(String::from_utf8_lossy(title).into_owned());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard_writes
            .push(String::from_utf8_lossy(data).into_owned());
    }
}

/// What the terminal shows at one moment, and the terminal modes in force.
#[derive(Debug, Clone)]
pub struct Screen {
    rows: Vec<String>,
    /// Per row, the characters drawn reversed (the selection), others as spaces.
    reversed: Vec<String>,
    pub cols: u16,
    pub alternate_screen: bool,
    pub cursor_hidden: bool,
    pub mouse_mode: vt100::MouseProtocolMode,
    pub requests: Requests,
    /// The last bytes written to the terminal.
    output_tail: Vec<u8>,
}

impl Screen {
    fn capture(terminal: &Terminal) -> Screen {
        let parser = &terminal.parser;
        let screen = parser.screen();
        let (_, cols) = screen.size();
        let (height, _) = screen.size();
        let reversed = (0..height)
            .map(|row| {
                (0..cols)
                    .filter_map(|col| screen.cell(row, col))
                    .map(|cell| {
                        if cell.inverse() && cell.has_contents() {
                            cell.contents().to_owned()
                        } else {
                            " ".to_owned()
                        }
                    })
                    .collect()
            })
            .collect();
        Screen {
            reversed,
            rows: screen.rows(0, cols).collect(),
            cols,
            alternate_screen: screen.alternate_screen(),
            cursor_hidden: screen.hide_cursor(),
            mouse_mode: screen.mouse_protocol_mode(),
            requests: parser.callbacks().clone(),
            output_tail: terminal.raw[terminal.raw.len().saturating_sub(64)..].to_vec(),
        }
    }

    /// Whether the last bytes written to the terminal are these: `\x1b[?25l`, with which
    /// ratatui ends every frame, says that a frame is complete and nothing followed it.
    pub fn output_ends_with(&self, bytes: &[u8]) -> bool {
        self.output_tail.ends_with(bytes)
    }

    /// Somewhere on the screen, within one row.
    pub fn contains(&self, text: &str) -> bool {
        self.rows.iter().any(|row| row.contains(text))
    }

    /// The rows as drawn reversed, for messages.
    pub fn reversed_text(&self) -> String {
        self.reversed.join("\n")
    }

    /// Whether `text` is drawn reversed (selected or highlighted) within one row.
    pub fn reversed_contains(&self, text: &str) -> bool {
        self.reversed.iter().any(|row| row.contains(text))
    }

    pub fn rows(&self) -> &[String] {
        &self.rows
    }

    pub fn row(&self, number: usize) -> &str {
        self.rows.get(number).map_or("", String::as_str)
    }

    /// The index of the first row containing `text`.
    pub fn find_row(&self, text: &str) -> Option<usize> {
        self.rows.iter().position(|row| row.contains(text))
    }

    /// The bottom row: the explorer's status line.
    pub fn status_line(&self) -> &str {
        self.rows.last().map_or("", String::as_str)
    }

    pub fn height(&self) -> usize {
        self.rows.len()
    }

    pub fn text(&self) -> String {
        self.rows.join("\n")
    }
}

impl std::fmt::Display for Screen {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            formatter,
            "┌{}┐ ({} rows × {} columns)",
            "─".repeat(self.cols as usize),
            self.rows.len(),
            self.cols
        )?;
        for row in &self.rows {
            let pad = (self.cols as usize).saturating_sub(row.chars().count());
            writeln!(formatter, "│{row}{}│", " ".repeat(pad))?;
        }
        write!(formatter, "└{}┘", "─".repeat(self.cols as usize))
    }
}

/// What the reader thread shares with the test.
struct Terminal {
    parser: vt100::Parser<Requests>,
    raw: Vec<u8>,
    /// The pty's slave end is closed everywhere: no more output will come.
    closed: bool,
}

/// How to start the explorer.
#[derive(Debug, Clone)]
pub struct Options {
    pub cols: u16,
    pub rows: u16,
    /// Set NO_COLOR=1 (it is removed otherwise).
    pub no_color: bool,
    /// More environment variables (`TERM`, `PATH`…), set last.
    pub env: Vec<(String, String)>,
    /// The model screen's size (columns, rows), when it is not the terminal's: a model of
    /// a 9000×9000 terminal would take gigabytes; a smaller one shows its top left.
    pub model: Option<(u16, u16)>,
    /// The explorer's address space limit, in KiB.
    pub address_space_kib: Option<u64>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            cols: 120,
            rows: 40,
            no_color: false,
            env: Vec::new(),
            model: None,
            address_space_kib: None,
        }
    }
}

/// The explorer running in a pseudo-terminal.
pub struct Explorer {
    master: Box<dyn MasterPty + Send>,
    /// The keyboard side of the pty; the reader thread also answers the explorer's queries
    /// through it, as a terminal does.
    writer: Arc<Mutex<Option<Box<dyn Write + Send>>>>,
    child: Box<dyn Child + Send + Sync>,
    terminal: Arc<Mutex<Terminal>>,
    reader: Option<JoinHandle<()>>,
    /// While set, the reader thread stops reading: a terminal that is not reading its
    /// output (flow control, a hung emulator), so that the explorer's writes block.
    output_paused: Arc<std::sync::atomic::AtomicBool>,
    /// Esc was sent and the screen has not been waited on since: another key now would
    /// arrive with it as one Alt-key.
    escape_pending: bool,
    exited: Option<ExitStatus>,
}

impl Explorer {
    /// Starts `accords ARGS` in a 120×40 terminal.
    pub fn spawn(args: &[&str]) -> Explorer {
        Explorer::spawn_with(args, Options::default())
    }

    pub fn spawn_with(args: &[&str], options: Options) -> Explorer {
        let mut command = match options.address_space_kib {
            // `ulimit -v` in a shell that then becomes the explorer: a regression that
            // allocates without bound fails instead of exhausting the machine.
            Some(limit) => {
                let mut command = CommandBuilder::new("sh");
                command.arg("-c");
                command.arg(format!("ulimit -v {limit} && exec \"$0\" \"$@\""));
                command.arg(env!("CARGO_BIN_EXE_accords"));
                command
            }
            None => CommandBuilder::new(env!("CARGO_BIN_EXE_accords")),
        };
        command.args(args);
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        command.env("TERM", "xterm-256color");
        command.env_remove("COLUMNS");
        command.env_remove("LINES");
        // No settings file of the person running the tests: the defaults.
        command.env("XDG_CONFIG_HOME", super::NO_SETTINGS);
        if options.no_color {
            command.env("NO_COLOR", "1");
        } else {
            command.env_remove("NO_COLOR");
        }
        for (name, value) in &options.env {
            command.env(name, value);
        }
        let size = PtySize {
            rows: options.rows,
            cols: options.cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let (master, child) = {
            let _guard = spawn_lock();
            let pair = native_pty_system()
                .openpty(size)
                .expect("a pseudo-terminal opens");
            let child = pair
                .slave
                .spawn_command(command)
                .expect("the explorer starts in the pseudo-terminal");
            // Only the child holds the slave end now, so its exit ends the output.
            drop(pair.slave);
            (pair.master, child)
        };
        let terminal = Arc::new(Mutex::new(Terminal {
            parser: vt100::Parser::new_with_callbacks(
                options.model.map_or(options.rows, |(_, rows)| rows),
                options.model.map_or(options.cols, |(cols, _)| cols),
                0,
                Requests::default(),
            ),
            raw: Vec::new(),
            closed: false,
        }));
        let mut output = master.try_clone_reader().expect("the pty can be read");
        let writer = Arc::new(Mutex::new(Some(
            master.take_writer().expect("the pty can be written"),
        )));
        let shared = Arc::clone(&terminal);
        let output_paused = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let paused = Arc::clone(&output_paused);
        let answers = Arc::clone(&writer);
        // Drains the pty all the time, so the explorer never blocks on a full buffer.
        let reader = std::thread::Builder::new()
            .name("pty-reader".to_owned())
            .spawn(move || {
                let mut buffer = [0u8; 16 * 1024];
                loop {
                    while paused.load(std::sync::atomic::Ordering::SeqCst) {
                        std::thread::sleep(POLL);
                    }
                    match output.read(&mut buffer) {
                        Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                        Ok(0) | Err(_) => break,
                        Ok(count) => {
                            let answer = {
                                let mut terminal = lock(&shared);
                                let start =
                                    terminal.raw.len().saturating_sub(CURSOR_QUERY.len() - 1);
                                terminal.raw.extend_from_slice(&buffer[..count]);
                                terminal.parser.process(&buffer[..count]);
                                let queries = terminal.raw[start..]
                                    .windows(CURSOR_QUERY.len())
                                    .filter(|window| *window == CURSOR_QUERY)
                                    .count();
                                let (row, col) = terminal.parser.screen().cursor_position();
                                format!("\x1b[{};{}R", row + 1, col + 1).repeat(queries)
                            };
                            if !answer.is_empty()
                                && let Some(writer) = lock(&answers).as_mut()
                            {
                                let _ = writer.write_all(answer.as_bytes());
                                let _ = writer.flush();
                            }
                        }
                    }
                }
                lock(&shared).closed = true;
            })
            .expect("the reader thread starts");
        Explorer {
            master,
            writer,
            child,
            terminal,
            reader: Some(reader),
            output_paused,
            escape_pending: false,
            exited: None,
        }
    }

    /// Types text, as a person would on the keyboard.
    #[track_caller]
    pub fn send(&mut self, text: &str) {
        self.write(text.as_bytes());
    }

    /// Pastes text, as a terminal does when bracketed paste is on: between `ESC [200~` and
    /// `ESC [201~`, in one write.
    #[track_caller]
    pub fn paste(&mut self, text: &str) {
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(b"\x1b[201~");
        self.write(&bytes);
    }

    /// Stops or starts reading the explorer's output, as a terminal that stopped reading.
    pub fn pause_output(&self, paused: bool) {
        self.output_paused
            .store(paused, std::sync::atomic::Ordering::SeqCst);
    }

    /// Presses one key. After `Key::Esc`, wait for the screen before sending anything else:
    /// Esc followed at once by a key reaches the explorer as Alt and that key.
    #[track_caller]
    pub fn send_key(&mut self, key: Key) {
        self.write(&key.bytes());
        self.escape_pending = key == Key::Esc;
    }

    #[track_caller]
    fn write(&mut self, bytes: &[u8]) {
        assert!(
            !self.escape_pending,
            "wait for the screen to show the effect of Esc before sending more keys"
        );
        let mut writer = lock(&self.writer);
        let writer = writer.as_mut().expect("the pty is open");
        writer.write_all(bytes).expect("the keys reach the pty");
        writer.flush().expect("the keys reach the pty");
    }

    /// The screen now.
    pub fn screen(&self) -> Screen {
        Screen::capture(&lock(&self.terminal))
    }

    /// Waits until the screen satisfies `condition`, and returns that screen. Fails the test
    /// with the last screen seen if it does not within [`DEADLINE`], or if the explorer ends.
    #[track_caller]
    pub fn wait_for(&mut self, condition: impl FnMut(&Screen) -> bool) -> Screen {
        self.wait_for_described("the screen to satisfy the condition", condition)
    }

    /// Waits until every one of `texts` is on the screen.
    #[track_caller]
    pub fn wait_for_text(&mut self, texts: &[&str]) -> Screen {
        let what = format!("the screen to show {texts:?}");
        self.wait_for_described(&what, |screen| {
            texts.iter().all(|text| screen.contains(text))
        })
    }

    #[track_caller]
    pub fn wait_for_described(
        &mut self,
        what: &str,
        condition: impl FnMut(&Screen) -> bool,
    ) -> Screen {
        let started = Instant::now();
        match self.wait_until(condition) {
            Ok(screen) => screen,
            Err(screen) => {
                let ended = match self.child.try_wait() {
                    Ok(Some(status)) => format!("the explorer ended ({status})"),
                    _ => "it did not happen".to_owned(),
                };
                panic!(
                    "waited {:?} for {what}, but {ended}; the screen:\n{screen}",
                    started.elapsed()
                );
            }
        }
    }

    /// Waits until the screen satisfies `condition` and returns it; or, if it does not
    /// within [`DEADLINE`] or the explorer ends first, returns the last screen seen as the
    /// error, for a test to say precisely what is wrong with it.
    pub fn wait_until(
        &mut self,
        mut condition: impl FnMut(&Screen) -> bool,
    ) -> Result<Screen, Box<Screen>> {
        self.escape_pending = false;
        let started = Instant::now();
        loop {
            let (screen, closed) = {
                let terminal = lock(&self.terminal);
                (Screen::capture(&terminal), terminal.closed)
            };
            if condition(&screen) {
                return Ok(screen);
            }
            if closed || started.elapsed() > DEADLINE {
                return Err(Box::new(screen));
            }
            std::thread::sleep(POLL);
        }
    }

    /// Resizes the terminal, as a person dragging the window's corner: the kernel tells the
    /// explorer with SIGWINCH.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The model screen first, so that what the explorer draws for the new size lands on
        // a screen of that size.
        lock(&self.terminal)
            .parser
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("the pty resizes");
    }

    pub fn pid(&self) -> u32 {
        self.child
            .process_id()
            .expect("the explorer has a process id")
    }

    /// Sends a signal (`"TERM"`, `"HUP"`, …) to the explorer, as `kill -s NAME` would.
    pub fn signal(&mut self, name: &str) {
        let output = run_plain(
            std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("kill -s {name} {}", self.pid())),
        );
        assert!(
            output.status.success(),
            "kill -s {name} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Waits for the explorer to exit and for its last output to be read.
    #[track_caller]
    pub fn finish(mut self) -> Finished {
        let started = Instant::now();
        let status = loop {
            if let Some(status) = self
                .child
                .try_wait()
                .expect("waiting on the explorer works")
            {
                break status;
            }
            if started.elapsed() > DEADLINE {
                let screen = self.screen();
                panic!("the explorer did not exit within {DEADLINE:?}; the screen:\n{screen}");
            }
            std::thread::sleep(POLL);
        };
        self.exited = Some(status.clone());
        // The child has exited, so its end of the pty is closed: the reader reaches the end
        // of the output soon after.
        while !lock(&self.terminal).closed {
            assert!(
                started.elapsed() <= DEADLINE * 2,
                "the explorer exited but its terminal output did not end"
            );
            std::thread::sleep(POLL);
        }
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the reader thread ends cleanly");
        }
        let terminal = lock(&self.terminal);
        Finished {
            status,
            raw: terminal.raw.clone(),
            screen: Screen::capture(&terminal),
        }
    }
}

impl Drop for Explorer {
    fn drop(&mut self) {
        // A test that failed half-way leaves no explorer behind.
        if self.exited.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // Dropping the writer sends EOF; by now nobody reads it.
        lock(&self.writer).take();
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Device Status Report: the explorer asks where the cursor is (ratatui does, to clear the
/// screen), and a terminal answers `ESC [ row ; column R`.
const CURSOR_QUERY: &[u8] = b"\x1b[6n";

/// The explorer after it exited: how, everything it wrote, and the screen it left.
#[derive(Debug)]
pub struct Finished {
    pub status: ExitStatus,
    pub raw: Vec<u8>,
    pub screen: Screen,
}

/// The mouse-reporting modes crossterm's EnableMouseCapture turns on.
const MOUSE_MODES: [u16; 5] = [1000, 1002, 1003, 1015, 1006];

impl Finished {
    /// The raw output, with control characters written out, for failure messages.
    pub fn raw_escaped(&self) -> String {
        String::from_utf8_lossy(&self.raw)
            .escape_debug()
            .to_string()
    }

    pub fn raw_contains(&self, needle: &[u8]) -> bool {
        find_last(&self.raw, needle).is_some()
    }

    /// Exit status 0 and the terminal restored.
    #[track_caller]
    pub fn assert_exited_cleanly(&self) {
        assert!(
            self.status.success(),
            "the explorer exited with {}; its last screen:\n{}",
            self.status,
            self.screen
        );
        self.assert_terminal_restored();
    }

    /// The terminal is as the explorer found it: main screen, cursor shown, no mouse
    /// reporting, checked both on the model screen and in the raw bytes.
    #[track_caller]
    pub fn assert_terminal_restored(&self) {
        self.assert_terminal_restored_echoing("");
    }

    /// Like [`Finished::assert_terminal_restored`], for a test that typed `typed_ahead`
    /// faster than the explorer read it: once raw mode is off, the pseudo-terminal's own
    /// line discipline echoes what was still unread, as a real terminal would echo keys
    /// typed after a program ends. Those characters are not the explorer's output.
    pub fn assert_terminal_restored_echoing(&self, typed_ahead: &str) {
        let raw = &self.raw;
        assert!(
            !self.screen.alternate_screen,
            "still on the alternate screen at exit"
        );
        let entered =
            find_last(raw, b"\x1b[?1049h").expect("the explorer used the alternate screen");
        let left = find_last(raw, b"\x1b[?1049l");
        assert!(
            left.is_some_and(|left| left > entered),
            "no \\x1b[?1049l after the last \\x1b[?1049h"
        );

        assert!(!self.screen.cursor_hidden, "the cursor is hidden at exit");
        let shown = find_last(raw, b"\x1b[?25h").expect("the cursor was shown");
        if let Some(hidden) = find_last(raw, b"\x1b[?25l") {
            assert!(
                shown > hidden,
                "the cursor was hidden after it was last shown"
            );
        }

        assert_eq!(
            self.screen.mouse_mode,
            vt100::MouseProtocolMode::None,
            "mouse reporting is still on at exit"
        );
        for mode in MOUSE_MODES {
            let enable = format!("\x1b[?{mode}h");
            let disable = format!("\x1b[?{mode}l");
            if let Some(enabled) = find_last(raw, enable.as_bytes()) {
                assert!(
                    find_last(raw, disable.as_bytes()).is_some_and(|disabled| disabled > enabled),
                    "mouse mode {mode} was enabled and not disabled afterwards"
                );
            }
        }
        // Nothing is drawn on the main screen once the explorer has left the alternate one.
        let after = &raw[left.unwrap_or(0) + b"\x1b[?1049l".len()..];
        let mut rest = String::from_utf8_lossy(after).into_owned();
        for allowed in ["\x1b[?25h"]
            .into_iter()
            .map(str::to_owned)
            .chain(MOUSE_MODES.iter().map(|mode| format!("\x1b[?{mode}l")))
        {
            rest = rest.replace(&allowed, "");
        }
        rest.retain(|character| !typed_ahead.contains(character));
        assert!(
            rest.is_empty(),
            "output after leaving the alternate screen lands on the main screen: {}",
            rest.escape_debug()
        );
        assert!(
            !self.raw_contains(b"panicked"),
            "the explorer panicked: {}",
            self.raw_escaped()
        );
    }
}

/// Where the last occurrence of `needle` starts in `haystack`.
pub fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&start| &haystack[start..start + needle.len()] == needle)
}
