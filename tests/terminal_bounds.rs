//! Issue #16, the explorer's and the output's half: hostile input at the terminal (a huge
//! paste, a title made to break out of a shell's bracketed paste, a map of 8,000 partners),
//! job control (Ctrl-Z, SIGTSTP, SIGCONT, SIGQUIT), `TERM=dumb`, the opener's process, and
//! output that cannot be written. Every hostile case is generated here, at test time.

mod support;

use std::path::Path;
use std::time::Instant;

use support::pty::{Explorer, Key, Options, Screen, run_plain};

fn data_dir() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/data").to_owned()
}

fn first_frame_drawn(screen: &Screen) -> bool {
    ["┌Timeline ", "┌Institutions ", "┌Details"]
        .iter()
        .all(|title| screen.contains(title))
        && screen.status_line().contains("quit")
}

fn explorer_with(args: &[&str], options: Options) -> Explorer {
    let mut t = Explorer::spawn_with(args, options);
    t.wait_for(first_frame_drawn);
    t
}

/// The number in a pane's title: `┌Timeline 5─` → 5 (not the `┌Timeline chart`).
fn pane_count(screen: &Screen, pane: &str) -> Option<usize> {
    let corner = format!("┌{pane} ");
    screen.rows().iter().find_map(|row| {
        row.split(corner.as_str()).skip(1).find_map(|after| {
            after
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .ok()
        })
    })
}

/// The state letter of a process in /proc (`R`, `S`, `T` for stopped, `Z` for a zombie).
fn process_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: the state follows the last `)`.
    stat.rsplit_once(')')?.1.trim_start().chars().next()
}

/// Waits, within the harness's deadline, until `condition` holds.
#[track_caller]
fn eventually(what: &str, mut condition: impl FnMut() -> bool) {
    let started = Instant::now();
    while !condition() {
        assert!(
            started.elapsed() < support::pty::DEADLINE,
            "waited {:?} for {what}",
            started.elapsed()
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Standard base64 (RFC 4648, with padding), as OSC 52 carries the clipboard's text.
fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bytes = Vec::new();
    let mut buffer = 0u32;
    let mut bits = 0;
    for symbol in text.bytes().filter(|&symbol| symbol != b'=') {
        let value = ALPHABET
            .iter()
            .position(|&letter| letter == symbol)
            .unwrap_or_else(|| panic!("{symbol:?} is not base64")) as u32;
        buffer = (buffer << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    bytes
}

#[test]
fn base64_decoding_of_the_test_itself_is_right() {
    assert_eq!(base64_decode("UFdORUQ="), b"PWNED");
    assert_eq!(base64_decode("TMOpb24="), "Léon".as_bytes());
}

// A paste of 10,000 characters goes into the filter whole, as one event, its line break
// as a space; one Esc then clears the filter.
#[test]
fn a_paste_of_ten_thousand_characters_is_filtered_whole_and_one_esc_clears_it() {
    let mut t = explorer_with(&["--data", &data_dir()], Options::default());
    let all = pane_count(&t.screen(), "Timeline").expect("a count");
    t.send("/");
    t.wait_for(|screen| screen.status_line().starts_with("/"));
    // `gustave` alone keeps the five releases; with `bergonie` after the line break, only
    // the Bergonié one is left. Were the line break taken as Enter, or the end of the paste
    // left unread, the Timeline would not come down to 1.
    let filler = 10_000 - "gustave".len() - "\n".len() - "bergonie".len();
    let pasted = format!("gustave{}\nbergonie", " ".repeat(filler));
    assert_eq!(pasted.chars().count(), 10_000);
    let started = Instant::now();
    t.paste(&pasted);
    // Still typing the filter (`/` first, the hints of the filter line): the pasted line
    // break did not accept it.
    t.wait_for_described(
        "the Timeline to come down to the Bergonié release",
        |screen| {
            pane_count(screen, "Timeline") == Some(1)
                && screen.contains("Bergoni")
                && screen.status_line().starts_with("/gustave ")
        },
    );
    let took = started.elapsed();
    eprintln!("10,000 pasted characters filtered in {took:?}");
    t.send_key(Key::Esc);
    let screen = t.wait_for_described("one Esc to clear the filter", |screen| {
        !screen.status_line().starts_with("/") && pane_count(screen, "Timeline") == Some(all)
    });
    assert!(!screen.status_line().contains("gustave"), "{screen}");
    t.send("q");
    t.finish().assert_exited_cleanly();
}

// The same 10,000 characters typed in one burst, as a terminal without bracketed paste
// sends a paste: all of it is read before the next frame, none waits for another key.
#[test]
fn ten_thousand_characters_typed_in_one_burst_are_all_read_and_one_esc_clears_them() {
    let mut t = explorer_with(&["--data", &data_dir()], Options::default());
    let all = pane_count(&t.screen(), "Timeline").expect("a count");
    t.send("/");
    t.wait_for(|screen| screen.status_line().starts_with("/"));
    let typed = format!("gustave{}bergonie", " ".repeat(10_000 - 15));
    t.send(&typed);
    t.wait_for_described("the whole burst to be filtered", |screen| {
        pane_count(screen, "Timeline") == Some(1)
            && screen.contains("Bergoni")
            && screen.status_line().starts_with("/gustave ")
    });
    t.send_key(Key::Esc);
    t.wait_for_described("one Esc to clear the filter", |screen| {
        !screen.status_line().starts_with("/") && pane_count(screen, "Timeline") == Some(all)
    });
    t.send("q");
    t.finish().assert_exited_cleanly();
}

// A title made to end a shell's bracketed paste and run a command reaches the clipboard
// without its control characters.
#[test]
fn a_copied_title_reaches_the_clipboard_without_its_escape_sequence() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let hostile = std::fs::read_to_string(support::fixture("hostile/escapes.yaml"))
        .expect("the hostile fixture");
    let title = r#"title: "Alpha \e[201~\necho PWNED\r\e]52;c;UFdORUQ=\a\u202E\tdone""#;
    let dataset = hostile.replacen(
        r#"title: "Alpha \e]0;PWNED\a and Beta join forces""#,
        title,
        1,
    );
    assert!(dataset.contains(title), "the fixture's title was replaced");
    let path = directory.path().join("breakout.yaml");
    std::fs::write(&path, dataset).expect("written");

    let mut t = explorer_with(
        &["--data", path.to_str().expect("UTF-8")],
        Options::default(),
    );
    t.send("y");
    t.wait_for_text(&["title"]);
    t.send("1");
    t.wait_for(|screen| {
        screen
            .status_line()
            .contains("sent to terminal clipboard: title")
    });
    t.send("q");
    let finished = t.finish();
    finished.assert_exited_cleanly();
    let writes = &finished.screen.requests.clipboard_writes;
    assert_eq!(writes.len(), 1, "one copy: {writes:?}");
    let copied = String::from_utf8(base64_decode(&writes[0])).expect("UTF-8");
    // What a reader expects from the title: its words, its line break and tab kept, and no
    // ESC, CR, BEL or bidi override left to act on.
    assert_eq!(copied, "Alpha [201~\necho PWNED]52;c;UFdORUQ=\tdone");
}

// Ctrl-Z gives the terminal back and stops; SIGCONT (the shell's `fg`) takes it back and
// redraws everything.
#[test]
fn ctrl_z_suspends_and_sigcont_resumes_with_a_full_redraw() {
    let mut t = explorer_with(&["--data", &data_dir()], Options::default());
    t.send("/berard");
    t.wait_for(|screen| pane_count(screen, "Timeline") == Some(1));
    t.send_key(Key::Ctrl('z'));
    let screen = t.wait_for_described("the main screen, as the shell had it", |screen| {
        !screen.alternate_screen && !screen.cursor_hidden
    });
    assert_eq!(screen.mouse_mode, vt100::MouseProtocolMode::None);
    let pid = t.pid();
    eventually("the explorer to stop", || process_state(pid) == Some('T'));

    t.signal("CONT");
    let screen = t.wait_for_described("the explorer to take the terminal back", |screen| {
        screen.alternate_screen
            && screen.contains("┌Details")
            && pane_count(screen, "Timeline") == Some(1)
            && screen.status_line().contains("Enter keep")
    });
    assert_ne!(screen.mouse_mode, vt100::MouseProtocolMode::None);
    assert!(
        screen.status_line().starts_with("/berard"),
        "the filter being typed is kept:\n{screen}"
    );
    // Keys work again.
    t.send_key(Key::Enter);
    t.wait_for(|screen| screen.status_line().starts_with("filter: berard"));
    t.send("q");
    t.finish().assert_exited_cleanly();
}

#[test]
fn sigtstp_suspends_like_ctrl_z() {
    let mut t = explorer_with(&["--data", &data_dir()], Options::default());
    t.signal("TSTP");
    t.wait_for(|screen| !screen.alternate_screen && !screen.cursor_hidden);
    let pid = t.pid();
    eventually("the explorer to stop", || process_state(pid) == Some('T'));
    t.signal("CONT");
    t.wait_for(|screen| screen.alternate_screen && first_frame_drawn(screen));
    t.send("q");
    t.finish().assert_exited_cleanly();
}

#[test]
fn sigquit_ends_the_explorer_with_the_terminal_restored() {
    use portable_pty::ExitStatus;
    let mut t = explorer_with(&["--data", &data_dir()], Options::default());
    t.signal("QUIT");
    let finished = t.finish();
    let status: &ExitStatus = &finished.status;
    assert_eq!(status.exit_code(), 128 + 3, "{status}");
    finished.assert_terminal_restored();
}

#[test]
fn a_dumb_terminal_is_refused_with_a_pointer_to_the_command_line() {
    let mut t = Explorer::spawn_with(
        &["--data", &data_dir()],
        Options {
            env: vec![("TERM".to_owned(), "dumb".to_owned())],
            ..Options::default()
        },
    );
    let screen = t.wait_for_text(&["TERM is `dumb`"]);
    assert!(screen.contains("use the command line"), "{screen}");
    let finished = t.finish();
    assert_eq!(finished.status.exit_code(), 2);
    assert!(
        !finished.raw_contains(b"\x1b[?1049h"),
        "nothing is drawn: {}",
        finished.raw_escaped()
    );
}

// `o` leaves no zombie: the opener is waited for.
#[test]
fn the_opener_is_waited_for_and_leaves_no_zombie() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let opened = directory.path().join("opened");
    let opener = directory.path().join("xdg-open");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
    )
    .expect("written");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755))
            .expect("made executable");
    }
    let path = format!(
        "{}:{}",
        directory.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut t = explorer_with(
        &["--data", &data_dir(), "--select", "leon-berard-2020"],
        Options {
            env: vec![("PATH".to_owned(), path)],
            ..Options::default()
        },
    );
    t.send("o");
    t.wait_for(|screen| screen.status_line().contains("opening https://"));
    eventually("the opener to run", || {
        std::fs::read_to_string(&opened).is_ok_and(|url| url.starts_with("https://"))
    });
    let pid = t.pid();
    eventually("no zombie child of the explorer", || {
        zombie_children(pid).is_empty()
    });
    t.send("q");
    t.finish().assert_exited_cleanly();
}

// `o` with no opener installed names the openers it tried and shows the link.
#[test]
fn without_an_opener_the_status_names_those_tried_and_the_link() {
    let empty = tempfile::tempdir().expect("a temporary directory");
    let mut t = explorer_with(
        &["--data", &data_dir(), "--select", "leon-berard-2020"],
        Options {
            env: vec![("PATH".to_owned(), empty.path().display().to_string())],
            ..Options::default()
        },
    );
    t.send("o");
    let screen = t.wait_for(|screen| {
        screen
            .status_line()
            .contains("no program to open links here")
    });
    let status = screen.status_line();
    assert!(
        status.contains("(xdg-open, "),
        "the first opener tried is named: {status}"
    );
    assert!(
        status.contains("the link is https://"),
        "the link is shown: {status}"
    );
    t.send("q");
    t.finish().assert_exited_cleanly();
}

/// Children of `pid` that have exited and were not waited for.
fn zombie_children(pid: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&child| {
            std::fs::read_to_string(format!("/proc/{child}/stat")).is_ok_and(|stat| {
                let fields: Vec<&str> = stat
                    .rsplit_once(')')
                    .map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
                fields.first() == Some(&"Z") && fields.get(1) == Some(&pid.to_string().as_str())
            })
        })
        .collect()
}

/// A dataset of one announcement whose `partners` are `count` institutions spread over the
/// globe, written into `directory`.
fn many_partners(directory: &Path, count: usize) -> String {
    let mut yaml = String::from(
        "announcements:\n  - id: crowd-2024\n    date: \"2024-01-01\"\n    title: \"A crowd of partners\"\n    short_title: \"Crowd\"\n    language: en\n    dateline: [\"Paris\"]\n    kind: \"network\"\n    summary: \"Many partners.\"\n    partners:\n",
    );
    for index in 0..count {
        yaml.push_str(&format!(
            "      - institution: i{index}\n        role: member\n"
        ));
    }
    yaml.push_str("    source: \"crowd.txt\"\ninstitutions:\n");
    for index in 0..count {
        let lat = -50.0 + (index % 100) as f64;
        let lon = -170.0 + (index / 100 % 340) as f64;
        yaml.push_str(&format!(
            "  - id: i{index}\n    name: \"Institute {index}\"\n    kind: hospital\n    city: \"City\"\n    country: FR\n    coordinates: {{ lat: {lat}, lon: {lon} }}\n"
        ));
    }
    let path = directory.join("crowd.yaml");
    std::fs::write(&path, yaml).expect("written");
    path.to_str().expect("UTF-8").to_owned()
}

// The map of an announcement with 8,000 partners is drawn, and keys answer, within the
// harness's deadline (it took 31 s, then 14–16 s a key, when every pair was joined).
#[test]
fn the_map_of_eight_thousand_partners_draws_and_answers_keys() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let data = many_partners(directory.path(), 8_000);
    let mut t = explorer_with(&["--data", &data], Options::default());
    let started = Instant::now();
    t.send("w");
    // The map says what it left out.
    t.wait_for_text(&[
        "Map — world",
        "2000 of 8000 places, 500 of 7999 links drawn",
    ]);
    let shown = started.elapsed();
    let started = Instant::now();
    t.send("z");
    t.wait_for_text(&["Map — Europe"]);
    let zoomed = started.elapsed();
    eprintln!("map of 8,000 partners: shown in {shown:?}, zoomed in {zoomed:?}");
    t.send("q");
    t.finish().assert_exited_cleanly();
}

// Output that cannot be written is an error; a closed pipe is not.

fn accords_to(stdout: std::process::Stdio, args: &[&str]) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_accords"));
    command
        .args(args)
        .env("XDG_CONFIG_HOME", support::NO_SETTINGS)
        .stdin(std::process::Stdio::null())
        .stdout(stdout)
        .stderr(std::process::Stdio::piped());
    command.output().expect("accords runs")
}

#[test]
fn output_to_a_full_device_exits_2_with_a_message() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full opens");
    let output = accords_to(full.into(), &["list", "announcements"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("accords: could not write the output: ")
            && stderr.contains("No space left on device"),
        "{stderr}"
    );
}

#[test]
fn output_to_a_closed_stdout_exits_2_with_a_message() {
    use std::os::unix::process::CommandExt;
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_accords"));
    command
        .args(["contacts", "--format", "vcard"])
        .env("XDG_CONFIG_HOME", support::NO_SETTINGS)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    // SAFETY: `close` is async-signal-safe, as `pre_exec` requires.
    unsafe {
        command.pre_exec(|| {
            libc::close(libc::STDOUT_FILENO);
            Ok(())
        });
    }
    let output = run_plain(&mut command);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("could not write the output: standard output is closed"),
        "{stderr}"
    );
}

#[test]
fn a_closed_pipe_stays_silent_and_successful() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_accords"))
        .args(["list", "announcements"])
        .env("XDG_CONFIG_HOME", support::NO_SETTINGS)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("accords runs");
    // The reader goes away before anything is read, as `head` does once it has its lines.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("it ends");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

// Zero-width characters are shown, so two ids that differ by one are told apart.
#[test]
fn zero_width_characters_are_visible_in_a_diagnostic() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let minimal = std::fs::read_to_string(support::fixture("good/minimal.yaml"))
        .expect("the minimal fixture");
    let dataset = minimal
        .replacen(
            "      - institution: beta\n",
            "      - institution: \"al\\u200Dpha\"\n",
            1,
        )
        .replacen("  - id: beta\n", "  - id: \"al\\u200Bpha\"\n", 1);
    let path = directory.path().join("zero-width.yaml");
    std::fs::write(&path, dataset).expect("written");
    let run = support::accords(&["check", path.to_str().expect("UTF-8")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // Both ids are shown with their invisible character, so they no longer look alike
    // (nor like the fixture's own `alpha`, which is also suggested).
    let line = run
        .stderr
        .lines()
        .find(|line| line.contains("announcements[0].partners[1].institution"))
        .unwrap_or_else(|| panic!("a problem for the partner: {}", run.stderr));
    assert!(
        line.contains("no institution has the id `al<U+200D>pha`; did you mean")
            && line.contains("`al<U+200B>pha`"),
        "{line}"
    );
    for invisible in ['\u{200B}', '\u{200D}'] {
        assert!(!run.stdout.contains(invisible) && !run.stderr.contains(invisible));
    }
}

// The status line's confirmation of what just happened wins the room over a long
// narrowed institution name.
#[test]
fn the_confirmation_wins_the_status_line_over_a_long_narrowed_name() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut app = support::keys::explorer(80, 24);
    let longest = (0..app.dataset().institutions.len())
        .max_by_key(|&index| app.dataset().institutions[index].name.chars().count())
        .expect("institutions");
    let name = app.dataset().institutions[longest].name.to_string();
    let id = app.dataset().institutions[longest].id.to_string();
    assert!(app.select_id(&id));
    let confirmation = "vCard written to /home/someone/exports/claire-parisel.vcf";
    app.handle(accords::tui::app::Input::Report(confirmation.to_owned()));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    terminal
        .draw(|frame| accords::tui::view::draw(&app, frame))
        .expect("drawn");
    let buffer = terminal.backend().buffer();
    let status: String = (0..80).map(|x| buffer[(x, 23)].symbol()).collect();
    assert!(
        status.contains(confirmation),
        "the whole confirmation is shown: {status:?}"
    );
    assert!(
        !status.contains(&name),
        "a name of {} characters cannot fit beside it whole: {status:?}",
        name.chars().count()
    );
}

/// The system call the explorer's main thread is blocked in, from /proc: its number first
/// (1 is `write` on x86-64 Linux).
fn main_thread_syscall(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/syscall")).unwrap_or_default()
}

/// Whether the main thread is blocked writing: `write` (1) or `writev` (20) on x86-64.
fn blocked_writing(pid: u32) -> bool {
    let syscall = main_thread_syscall(pid);
    matches!(syscall.split_whitespace().next(), Some("1" | "20"))
}

// SIGTERM ends the explorer even while its main thread is blocked writing a frame to a
// terminal that does not read: the signal does not wait for stdout's lock.
#[test]
#[cfg(target_arch = "x86_64")]
fn sigterm_is_acted_on_while_the_terminal_does_not_read() {
    let mut t = explorer_with(&["--data", &data_dir()], Options::default());
    let pid = t.pid();
    t.pause_output(true);
    // Frames until a write blocks: each toggle of the map redraws the Details pane.
    let started = Instant::now();
    while !blocked_writing(pid) {
        assert!(
            started.elapsed() < support::pty::DEADLINE,
            "the explorer's writes never blocked (in {:?})",
            main_thread_syscall(pid)
        );
        t.send("w");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let blocked_in = main_thread_syscall(pid);
    t.signal("TERM");
    eventually("the explorer to end on SIGTERM", || {
        process_state(pid).is_none_or(|state| state == 'Z')
    });
    t.pause_output(false);
    let finished = t.finish();
    assert_eq!(
        finished.status.exit_code(),
        128 + 15,
        "blocked in {blocked_in}: {}",
        finished.status
    );
}

// A terminal larger than the cap is drawn at the cap, with a note saying so.
#[test]
fn a_terminal_larger_than_the_cap_is_drawn_at_the_cap_with_a_note() {
    use accords::tui::capped::{MAX_HEIGHT, MAX_WIDTH};
    let (cols, rows) = (MAX_WIDTH + 200, MAX_HEIGHT + 100);
    let mut t = Explorer::spawn_with(
        &["--data", &data_dir()],
        Options {
            cols,
            rows,
            ..Options::default()
        },
    );
    let note = format!("terminal larger than drawn: {MAX_WIDTH}×{MAX_HEIGHT} of {cols}×{rows}");
    // The status line is the last row drawn, at the cap.
    let screen = t.wait_for(|screen| {
        ["┌Timeline ", "┌Details", &note]
            .iter()
            .all(|text| screen.contains(text))
            && screen.row(MAX_HEIGHT as usize - 1).contains("quit")
    });
    // Nothing is drawn beyond the cap.
    assert!(
        screen.rows()[MAX_HEIGHT as usize..]
            .iter()
            .all(|row| row.trim().is_empty()),
        "rows past the cap stay blank"
    );
    assert!(
        screen
            .rows()
            .iter()
            .all(|row| row.chars().count() <= MAX_WIDTH as usize),
        "columns past the cap stay blank"
    );
    t.send("q");
    t.finish().assert_exited_cleanly();
}

// A 9000×9000 terminal is drawn within a memory ceiling: two uncapped buffers alone would
// take about 6.5 GB, past the 3 GiB of address space the explorer gets here.
#[test]
fn a_9000_by_9000_terminal_is_drawn_under_a_memory_ceiling() {
    use accords::tui::capped::{MAX_HEIGHT, MAX_WIDTH};
    let mut t = Explorer::spawn_with(
        &["--data", &data_dir()],
        Options {
            cols: 9000,
            rows: 9000,
            model: Some((MAX_WIDTH + 100, MAX_HEIGHT + 20)),
            address_space_kib: Some(3 * 1024 * 1024),
            ..Options::default()
        },
    );
    let note = format!("terminal larger than drawn: {MAX_WIDTH}×{MAX_HEIGHT} of 9000×9000");
    t.wait_for(|screen| {
        ["┌Timeline ", "┌Details", &note]
            .iter()
            .all(|text| screen.contains(text))
            && screen.row(MAX_HEIGHT as usize - 1).contains("quit")
    });
    t.send("w");
    t.wait_for_text(&["Map — world", &note]);
    t.send("q");
    t.finish().assert_exited_cleanly();
}

// Where no thread can be created, the command line runs on one thread instead of rayon
// panicking. A process limit binds only an unprivileged user, so the binary runs as
// `nobody` (setpriv) with one process allowed (prlimit): this needs root and util-linux,
// and says so when it cannot run.
#[test]
fn the_command_line_works_where_no_thread_can_be_created() {
    let is_root = std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .any(|line| line.starts_with("Uid:") && line.split_whitespace().nth(1) == Some("0"))
    });
    let tools = ["setpriv", "prlimit"].iter().all(|tool| {
        std::process::Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|output| output.status.success())
    });
    if !is_root || !tools {
        eprintln!("skipped: needs root, setpriv and prlimit");
        return;
    }
    // A copy that `nobody` may run, whatever the permissions of the build directory.
    let directory = tempfile::tempdir().expect("a temporary directory");
    let binary = directory.path().join("accords");
    std::fs::copy(env!("CARGO_BIN_EXE_accords"), &binary).expect("copied");
    {
        use std::os::unix::fs::PermissionsExt;
        for path in [directory.path(), binary.as_path()] {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
                .expect("permissions set");
        }
    }
    let limited = |args: &[&str]| {
        run_plain(
            std::process::Command::new("setpriv")
                .args(["--reuid", "65534", "--regid", "65534", "--clear-groups"])
                .args(["prlimit", "--nproc=1"])
                .arg(&binary)
                .args(args)
                .env("XDG_CONFIG_HOME", support::NO_SETTINGS),
        )
    };
    let output = limited(&["search", "gustave", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("\"id\": \"gustave-roussy\""), "{stdout}");

    let output = limited(&["check"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("valid: 5 announcements"),
        "{output:?}"
    );

    // The explorer cannot run without threads: it says so, without a panic.
    let output = limited(&[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("accords: the explorer could not start its threads"),
        "{stderr}"
    );
}
