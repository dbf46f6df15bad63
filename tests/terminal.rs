//! The explorer in a real terminal: the built binary runs in a pseudo-terminal, is driven with
//! keys as a person would, and is read back through a terminal emulator (`vt100`). Each test
//! also checks that the terminal is given back as it was found: main screen, cursor shown,
//! mouse reporting off.
//!
//! No test sleeps to synchronise: every check waits, with a generous deadline, for the screen
//! to show what is expected.

mod support;

use accords::tui::keymap::{Context, Keymap};

use support::fixture;
use support::pty::{Explorer, Key, Screen, run_plain};

fn data_dir() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/data").to_owned()
}

fn hostile_dataset() -> String {
    fixture("hostile/escapes.yaml")
        .to_str()
        .expect("a UTF-8 path")
        .to_owned()
}

/// The real dataset, in a 120×40 terminal, with its first frame drawn.
fn explorer() -> Explorer {
    let mut t = Explorer::spawn(&["--data", &data_dir()]);
    t.wait_for(first_frame_drawn);
    t
}

/// The three panes and the status line's last hint are drawn.
fn first_frame_drawn(screen: &Screen) -> bool {
    ["┌Timeline ", "┌Institutions ", "┌Details"]
        .iter()
        .all(|title| screen.contains(title))
        && screen.status_line().contains("quit")
}

/// The inside of the pane whose top border starts with `┌TITLE`: one string per row, between
/// its side borders. Empty when the pane is not on the screen.
fn pane(screen: &Screen, title: &str) -> Vec<String> {
    let corner = format!("┌{title}");
    let Some(top) = screen.find_row(&corner) else {
        return Vec::new();
    };
    let cells: Vec<char> = screen.row(top).chars().collect();
    let Some(left) = screen
        .row(top)
        .split(corner.as_str())
        .next()
        .map(|before| before.chars().count())
    else {
        return Vec::new();
    };
    let right = (left + 1..cells.len())
        .find(|&column| cells[column] == '┐')
        .unwrap_or(cells.len());
    screen.rows()[top + 1..]
        .iter()
        .map(|row| row.chars().collect::<Vec<char>>())
        .take_while(|row| row.get(left) == Some(&'│'))
        .map(|row| row[left + 1..right.min(row.len())].iter().collect())
        .collect()
}

/// The Details pane's title: `Details`, or `Details (N links)`.
fn details_title(screen: &Screen) -> String {
    screen
        .rows()
        .iter()
        .find_map(|row| row.split("┌").find(|piece| piece.starts_with("Details")))
        .map(|title| title.trim_end_matches(['─', '┐', '│', ' ']).to_owned())
        .unwrap_or_default()
}

#[test]
fn first_frame_shows_the_three_panes_and_the_key_hints() {
    let mut t = explorer();
    let screen = t.wait_for(|screen| {
        Keymap::default()
            .hints(Context::Main)
            .all(|(command, label)| {
                screen
                    .status_line()
                    .contains(&format!("{label} {}", command.hint.unwrap_or("")))
            })
    });
    assert!(
        screen.alternate_screen,
        "the explorer draws on the alternate screen"
    );
    assert!(screen.cursor_hidden, "the cursor is hidden while exploring");
    assert_ne!(
        screen.mouse_mode,
        vt100::MouseProtocolMode::None,
        "mouse reporting is on while exploring"
    );
    assert!(
        first_frame_drawn(&screen),
        "Timeline, Institutions and Details are drawn:\n{screen}"
    );
    // The first announcement in date order, Bergonié's of 12 February 2019, is selected.
    assert!(
        pane(&screen, "Timeline 5")
            .iter()
            .any(|row| row.starts_with("▶  2019-02-12 Gustave Roussy")),
        "the first announcement is selected from the start:\n{screen}"
    );
    t.send("q");
    t.finish().assert_exited_cleanly();
}

#[test]
fn filter_berard_narrows_to_leon_berard() {
    let mut t = explorer();
    t.send("/berard");
    let screen = t.wait_for(|screen| {
        screen.contains("┌Timeline 1─")
            && screen.contains("┌Institutions 1─")
            && screen.status_line().starts_with("/berard")
    });
    // Announcement rows: not blank, not an event (└) under an announcement.
    let timeline_rows: Vec<String> = pane(&screen, "Timeline 1")
        .into_iter()
        .filter(|row| !row.trim().is_empty() && !row.contains('└'))
        .collect();
    assert_eq!(
        timeline_rows.len(),
        1,
        "one announcement in {timeline_rows:?}:\n{screen}"
    );
    assert!(
        timeline_rows[0].contains("2020-12-17 Léon Bérard"),
        "the Léon Bérard announcement:\n{screen}"
    );
    let institution_rows: Vec<String> = pane(&screen, "Institutions 1")
        .into_iter()
        .filter(|row| !row.trim().is_empty())
        .collect();
    assert!(
        institution_rows.len() == 1 && institution_rows[0].contains("Centre Léon Bérard"),
        "the one institution is Centre Léon Bérard: {institution_rows:?}:\n{screen}"
    );
    assert!(
        screen.contains("LE CENTRE LÉON BÉRARD ET GUSTAVE ROUSSY"),
        "Details shows the announcement:\n{screen}"
    );

    // Enter keeps the filter; Esc then clears it and every announcement is back.
    t.send_key(Key::Enter);
    t.wait_for(|screen| screen.status_line().starts_with("filter: berard"));
    t.send_key(Key::Esc);
    t.wait_for(|screen| {
        !screen.status_line().contains("berard") && !screen.contains("┌Timeline 1─")
    });
    t.send("q");
    t.finish().assert_exited_cleanly();
}

#[test]
fn a_partner_link_is_followed_and_back_and_forward_retrace_it() {
    let mut t = explorer();
    t.send("/berard");
    t.wait_for(|screen| screen.contains("┌Timeline 1─"));
    t.send_key(Key::Enter);
    t.wait_for(|screen| screen.status_line().starts_with("filter: berard"));

    // Focus Details: its first link is selected; `j` moves to the second partner.
    t.send("3");
    t.wait_for(|screen| screen.contains("▶ Gustave Roussy — partner"));
    t.send("j");
    t.wait_for(|screen| {
        screen.contains("▶ Centre Léon Bérard — partner")
            && screen.contains("→ Gustave Roussy — partner")
    });

    // Enter follows it: Details shows the institution and Timeline is narrowed to it.
    t.send_key(Key::Enter);
    let institution = t.wait_for(|screen| {
        screen.contains("┌Timeline 1 of Centre Léon Bérard")
            && screen.contains("kind       cancer-centre")
            && screen.contains("city       Lyon, FR")
    });
    assert!(
        details_title(&institution).starts_with("Details ("),
        "Details lists the institution's links:\n{institution}"
    );

    // `[` comes back to the announcement.
    t.send("[");
    t.wait_for(|screen| {
        screen.contains("LE CENTRE LÉON BÉRARD ET GUSTAVE ROUSSY")
            && screen.contains("Centre Léon Bérard — partner")
            && !screen.contains("kind       cancer-centre")
    });

    // `]` goes forward to the institution again.
    t.send("]");
    t.wait_for(|screen| {
        screen.contains("kind       cancer-centre")
            && screen.contains("city       Lyon, FR")
            && !screen.contains("LE CENTRE LÉON BÉRARD ET GUSTAVE ROUSSY")
    });

    // There is no later step: the status line says so.
    t.send("]");
    t.wait_for_text(&["no later step"]);
    t.send("q");
    t.finish().assert_exited_cleanly();
}

/// The four press contacts of the releases, and the phones each card shows.
const PRESS_CONTACTS: [(&str, &str); 4] = [
    // Each phone with the years of the releases that list it, latest first.
    (
        "Claire Parisel",
        "01 42 11 50 59 (2023, 2020), 06 17 66 00 26 (2023, 2020)",
    ),
    ("Nathalie Blanc", "06 77 94 38 36 (2020)"),
    ("Valentine Martin", "06 32 29 43 82 (2023)"),
    ("Charlotte Scordia-Warembourg", "06 25 15 17 96 (2023)"),
];

/// The phone line under a contact's name in the Contacts overlay, if the card is drawn.
fn phone_line<'a>(screen: &'a Screen, name: &str) -> Option<&'a str> {
    let row = screen.find_row(name)?;
    Some(screen.row(row + 1)).filter(|line| line.contains("phone"))
}

#[test]
fn contacts_lists_the_four_press_contacts_with_their_phones() {
    let mut t = explorer();
    t.send("c");
    let cards_drawn = |screen: &Screen| {
        screen.contains("Contacts 4")
            && PRESS_CONTACTS.iter().all(|(name, phone)| {
                phone_line(screen, name).is_some_and(|line| line.contains(phone))
            })
    };
    if let Err(screen) = t.wait_until(cards_drawn) {
        let wrong: Vec<String> = PRESS_CONTACTS
            .iter()
            .filter(|(name, phone)| {
                !phone_line(&screen, name).is_some_and(|line| line.contains(phone))
            })
            .map(|(name, phone)| format!("{name} with phone {phone}"))
            .collect();
        panic!("the Contacts overlay lacks {wrong:?}:\n{screen}");
    }
    // q closes the overlay first; a second q quits.
    t.send("q");
    t.wait_for(|screen| !screen.contains("Contacts 4") && first_frame_drawn(screen));
    t.send("q");
    t.finish().assert_exited_cleanly();
}

#[test]
fn help_lists_every_key_of_the_command_table() {
    let mut t = explorer();
    // A tall window, so the whole help fits without scrolling.
    t.resize(120, 60);
    t.wait_for(|screen| screen.height() == 60 && first_frame_drawn(screen));
    t.send("?");
    let lines: Vec<String> = Keymap::default()
        .commands()
        .map(|(command, label)| format!("{label:<10}{}", command.description))
        .collect();
    let all_listed = |screen: &Screen| {
        screen.contains("Help (/ filters, Esc or q closes)")
            && lines.iter().all(|line| screen.contains(line))
    };
    if let Err(screen) = t.wait_until(all_listed) {
        let missing: Vec<&String> = lines.iter().filter(|line| !screen.contains(line)).collect();
        panic!("help lists every command of the table; missing {missing:?}:\n{screen}");
    }
    // Moving down scrolls the help: its first line, the heading, goes.
    let heading_row = t.screen().find_row("Keys").expect("the help's heading");
    t.send("j");
    t.wait_for(|screen| screen.find_row("Keys") != Some(heading_row));
    t.send_key(Key::Esc);
    t.wait_for(|screen| {
        !screen.contains("Help (/ filters, Esc or q closes)") && first_frame_drawn(screen)
    });
    t.send("q");
    t.finish().assert_exited_cleanly();
}

#[test]
fn resizing_keeps_the_filter_and_a_tiny_terminal_is_told_so() {
    let mut t = explorer();
    t.send("/berard");
    t.wait_for(|screen| {
        screen.contains("┌Timeline 1─") && screen.status_line().starts_with("/berard█")
    });

    // The panes are laid out again for each size; the filter line keeps its text.
    for (cols, rows) in [(80, 24), (60, 20)] {
        t.resize(cols, rows);
        t.wait_for_described(
            &format!("the explorer redrawn at {cols}×{rows} with the filter kept"),
            |screen| {
                screen.height() == rows as usize
                    && screen.cols == cols
                    && screen.contains("┌Timeline 1─")
                    && screen.contains("┌Institutions 1─")
                    && screen.contains("┌Details")
                    && screen.status_line().starts_with("/berard█")
            },
        );
    }

    t.resize(30, 8);
    t.wait_for_text(&["terminal too small"]);

    // Back to full size: the filter line still has the keyboard and its text.
    t.resize(120, 40);
    let screen = t.wait_for(|screen| {
        screen.contains("┌Timeline 1─")
            && screen.contains("┌Details")
            && screen.status_line().starts_with("/berard█")
    });
    assert!(!screen.contains("terminal too small"), "{screen}");
    t.send("x");
    t.wait_for(|screen| screen.status_line().starts_with("/berardx█"));
    t.send_key(Key::Backspace);
    t.wait_for(|screen| {
        screen.status_line().starts_with("/berard█") && screen.contains("┌Timeline 1─")
    });
    t.send_key(Key::Enter);
    t.wait_for(|screen| screen.status_line().starts_with("filter: berard"));
    t.send("q");
    t.finish().assert_exited_cleanly();
}

#[test]
fn a_tiny_terminal_from_the_start_is_told_so() {
    let mut t = Explorer::spawn_with(
        &["--data", &data_dir()],
        support::pty::Options {
            cols: 30,
            rows: 8,
            ..Default::default()
        },
    );
    t.wait_for_text(&["terminal too small"]);
    t.send("q");
    t.finish().assert_exited_cleanly();
}

#[test]
fn ctrl_c_quits_from_the_filter_line() {
    let mut t = explorer();
    t.send("/gus");
    t.wait_for(|screen| screen.status_line().starts_with("/gus█"));
    // q types into the filter rather than quitting.
    t.send("q");
    t.wait_for(|screen| screen.status_line().starts_with("/gusq█"));
    t.send_key(Key::Ctrl('c'));
    t.finish().assert_exited_cleanly();
}

#[test]
fn no_color_still_draws_and_restores() {
    let mut t = Explorer::spawn_with(
        &["--data", &data_dir()],
        support::pty::Options {
            no_color: true,
            ..Default::default()
        },
    );
    t.wait_for(first_frame_drawn);
    t.send("q");
    let finished = t.finish();
    finished.assert_exited_cleanly();
    // No colour at all: no SGR foreground or background colour, only attributes.
    let colours = colour_codes(&finished.raw);
    assert!(
        colours.is_empty(),
        "NO_COLOR output sets colours: {colours:?}"
    );
}

/// The SGR sequences (`ESC [ … m`) in `raw` that set a foreground or background colour.
fn colour_codes(raw: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = raw;
    while let Some(start) = rest.windows(2).position(|window| window == b"\x1b[") {
        let body = &rest[start + 2..];
        let length = body
            .iter()
            .position(|byte| !(byte.is_ascii_digit() || *byte == b';' || *byte == b':'))
            .unwrap_or(body.len());
        rest = &body[length..];
        if body.get(length) != Some(&b'm') {
            continue;
        }
        let params = String::from_utf8_lossy(&body[..length]).into_owned();
        let mut codes = params
            .split(';')
            .map(|code| code.parse::<u16>().unwrap_or(0));
        while let Some(code) = codes.next() {
            match code {
                30..=37 | 40..=47 | 90..=97 | 100..=107 => found.push(params.clone()),
                38 | 48 => {
                    found.push(params.clone());
                    // 5;N or 2;R;G;B follow: not codes of their own.
                    let skip = if codes.next() == Some(5) { 1 } else { 3 };
                    codes.by_ref().take(skip).for_each(drop);
                }
                _ => {}
            }
        }
    }
    found
}

// Issue #4 (a): text from a dataset never reaches the terminal as control sequences.

/// Byte sequences of the hostile fixture that must never reach the terminal.
const HOSTILE_BYTES: &[(&str, &[u8])] = &[
    ("set the window title", b"\x1b]0;PWNED"),
    ("set the window title", b"\x1b]2;PWNED"),
    ("write the clipboard", b"\x1b]52;"),
    ("clear the screen", b"\x1b[2JCLEARED"),
    ("turn text red", b"\x1b[31mREDTEXT"),
    ("turn text red", b"\x1b[31mAlpha"),
    ("a C1 CSI (U+009B)", "\u{9b}".as_bytes()),
    ("a right-to-left override (U+202E)", "\u{202e}".as_bytes()),
    ("a BEL", b"\x07"),
    ("an OSC of any kind", b"\x1b]"),
];

#[test]
fn hostile_text_is_shown_as_placeholders_in_the_explorer() {
    let mut t = Explorer::spawn(&["--data", &hostile_dataset()]);
    let shown = [
        "Timeline 1",
        "Institutions 2",
        "Details",
        "2024-03-01 Alpha␛[2JCLEARED",
        "␛[31mAlpha",
        "<U+202E>Beta",
        "Alpha ␛]0;PWNED␇ and Beta join forces",
        "␛]52;c;UFdORUQ=␇",
        "<U+009B>31mCSITEXT",
        "Kick-off ␛[31mREDTEXT meeting",
        "We are <U+202E>dalg.",
        "Ada <U+009B>Lovelace",
        "Bob ␛]2;PWNED␇Press",
    ];
    // Every placeholder is there and the clear-screen sequence in the short title did not
    // wipe the panes drawn before it.
    if let Err(screen) = t.wait_until(|screen| {
        first_frame_drawn(screen) && shown.iter().all(|text| screen.contains(text))
    }) {
        let missing: Vec<&&str> = shown.iter().filter(|text| !screen.contains(text)).collect();
        panic!(
            "the hostile text is not all shown as placeholders, or the panes are gone; missing {missing:?}:\n{screen}"
        );
    }

    t.send("c");
    t.wait_for_text(&[
        "Contacts 1",
        "Bob ␛]2;PWNED␇Press · Alpha Institute · for ␛[31mAlpha",
    ]);
    t.send_key(Key::Esc);
    t.wait_for(|screen| !screen.contains("Contacts 1") && first_frame_drawn(screen));

    t.send("q");

    let finished = t.finish();
    finished.assert_exited_cleanly();
    let requests = &finished.screen.requests;
    assert!(
        requests.titles.iter().all(|title| !title.contains("PWNED"))
            && requests
                .icon_names
                .iter()
                .all(|name| !name.contains("PWNED")),
        "the window title was set: {requests:?}"
    );
    assert!(
        requests.clipboard_writes.is_empty(),
        "the clipboard was written: {requests:?}"
    );
    assert_eq!(requests.bells, 0, "the terminal bell rang");
    for (what, bytes) in HOSTILE_BYTES {
        assert!(
            !finished.raw_contains(bytes),
            "the output has {bytes:?}, which would {what}: {}",
            finished.raw_escaped()
        );
    }
}

fn plain(args: &[&str]) -> (i32, Vec<u8>, String) {
    let output = run_plain(
        std::process::Command::new(env!("CARGO_BIN_EXE_accords"))
            .args(args)
            .env("COLUMNS", "120")
            .env_remove("NO_COLOR"),
    );
    (
        output.status.code().expect("exited, not killed"),
        output.stdout,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn hostile_dataset_is_valid_so_the_explorer_really_loads_it() {
    let data = hostile_dataset();
    let (code, stdout, stderr) = plain(&["check", &data]);
    assert_eq!(code, 0, "{}{stderr}", String::from_utf8_lossy(&stdout));
}

#[test]
fn hostile_text_never_reaches_stdout_raw_from_list_and_show() {
    let data = hostile_dataset();
    for args in [
        vec!["list", "announcements", "--data", &data],
        vec!["list", "institutions", "--data", &data],
        vec!["list", "contacts", "--data", &data],
        vec!["list", "events", "--data", &data],
        vec!["show", "alpha-2024", "--data", &data],
        vec!["show", "alpha", "--data", &data],
        vec!["show", "bob-press", "--data", &data],
        vec!["show", "ada-lovelace", "--data", &data],
    ] {
        let (code, stdout, stderr) = plain(&args);
        assert_eq!(code, 0, "accords {args:?}: {stderr}");
        let text = String::from_utf8(stdout).expect("UTF-8 output");
        for (what, bytes) in HOSTILE_BYTES {
            assert!(
                !text
                    .as_bytes()
                    .windows(bytes.len())
                    .any(|window| window == *bytes),
                "accords {args:?} printed {bytes:?}, which would {what}:\n{text}"
            );
        }
        assert!(
            !text.contains('\x1b'),
            "accords {args:?} printed an ESC:\n{text}"
        );
        assert!(
            text.contains('␛'),
            "accords {args:?} shows ESC as ␛:\n{text}"
        );
    }
    let (_, stdout, _) = plain(&["show", "alpha-2024", "--data", &data]);
    let text = String::from_utf8(stdout).expect("UTF-8 output");
    for shown in [
        "Alpha ␛]0;PWNED␇ and Beta join forces",
        "<U+009B>31mCSITEXT",
        "<U+202E>Beta",
    ] {
        assert!(text.contains(shown), "show prints {shown:?}:\n{text}");
    }
}

#[test]
fn json_output_escapes_the_escape_character() {
    let data = hostile_dataset();
    for args in [
        vec!["list", "announcements", "--format", "json", "--data", &data],
        vec!["show", "alpha-2024", "--format", "json", "--data", &data],
    ] {
        let (code, stdout, stderr) = plain(&args);
        assert_eq!(code, 0, "accords {args:?}: {stderr}");
        let text = String::from_utf8(stdout).expect("UTF-8 output");
        assert!(!text.contains('\x1b'), "accords {args:?} printed an ESC");
        assert!(!text.contains('\x07'), "accords {args:?} printed a BEL");
        assert!(
            text.contains(r"Alpha \u001b]0;PWNED\u0007 and Beta join forces"),
            "accords {args:?} escapes ESC as \\u001b:\n{text}"
        );
        // Escaped, the text is still exactly the dataset's.
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let announcement = if value.is_array() { &value[0] } else { &value };
        assert_eq!(
            announcement["title"],
            "Alpha \u{1b}]0;PWNED\u{7} and Beta join forces"
        );
    }
}

// Issue #4 (b): a signal ends the explorer with the terminal restored.

/// ratatui ends every frame by hiding the cursor: output ending so means the explorer has
/// finished drawing and waits for input.
fn idle(screen: &Screen) -> bool {
    screen.output_ends_with(b"\x1b[?25l")
}

fn ends_on_signal(signal: &str, number: u32) {
    let mut t = explorer();
    // In the middle of something: the filter line open.
    t.send("/gus");
    t.wait_for(|screen| screen.status_line().starts_with("/gus█") && idle(screen));
    t.signal(signal);
    let finished = t.finish();
    assert_eq!(
        (finished.status.exit_code(), finished.status.signal()),
        (128 + number, None),
        "SIG{signal} ends the explorer with 128 + {number}, as a shell reports it ({})",
        finished.status
    );
    finished.assert_terminal_restored();
}

#[test]
fn sigterm_ends_the_explorer_with_the_terminal_restored() {
    ends_on_signal("TERM", 15);
}

#[test]
fn sighup_ends_the_explorer_with_the_terminal_restored() {
    ends_on_signal("HUP", 1);
}

#[test]
fn sigint_ends_the_explorer_with_the_terminal_restored() {
    ends_on_signal("INT", 2);
}

/// A signal that comes while the explorer is drawing: the watcher thread restores the
/// terminal while holding stdout, so the rest of the frame never lands on the main screen.
#[test]
fn a_signal_during_a_redraw_draws_nothing_on_the_main_screen() {
    for _ in 0..40 {
        let mut t = explorer();
        // Keys enough to keep the explorer redrawing when the signal comes.
        t.send(&"jk".repeat(1000));
        t.signal("TERM");
        let finished = t.finish();
        assert_eq!(finished.status.exit_code(), 128 + 15, "{}", finished.status);
        finished.assert_terminal_restored_echoing("jk");
    }
}

/// `s` on a quote opens its release scrolled to it, the quote drawn highlighted; `n` moves
/// to another passage of the record; Esc returns to Details as it was.
#[test]
fn s_on_a_quote_opens_its_release_with_the_quote_highlighted() {
    // Wider than the Details pane can show on one line: only the release view draws it.
    const QUOTE: &str = "Notre rapprochement stratégique permettra de faire rayonner la France";
    let frame_done = |screen: &Screen| screen.output_ends_with(b"\x1b[?25l");
    let mut t = Explorer::spawn(&["--data", &data_dir(), "--select", "leon-berard-2020"]);
    t.wait_for(first_frame_drawn);
    // Details: two partners, one mention, 18 figures, then the directors' quote.
    t.send("3");
    t.send(&"j".repeat(21));
    t.wait_for(|screen| screen.reversed_contains("▶ “Notre rapprochement stratégique"));
    t.send("s");
    let shown = t.wait_for_described("the release, the quote highlighted", |screen| {
        frame_done(screen)
            && screen.contains("2020-12-17 · 002_07829199df6ee778.txt — passage 8 of")
            && screen.reversed_contains(QUOTE)
    });
    assert!(
        shown.contains(&format!("« {QUOTE}")),
        "the quote stands in its release as written:\n{shown}"
    );
    t.send("n");
    let moved = t.wait_for_described("the next passage", |screen| {
        frame_done(screen) && screen.contains("— passage 9 of")
    });
    assert!(
        !moved.reversed_contains(QUOTE),
        "the quote is no longer the current passage:\n{}",
        moved.reversed_text()
    );
    t.send_key(Key::Esc);
    t.wait_for_described("Details again, the quote selected", |screen| {
        frame_done(screen)
            && !screen.contains("002_07829199df6ee778.txt —")
            && screen.reversed_contains("▶ “Notre rapprochement stratégique")
    });
    t.send("q");
    t.finish().assert_exited_cleanly();
}
