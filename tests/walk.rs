//! The walk Gustave Roussy → Dana-Farber Cancer Institute → the 2023 Amgen Partners of
//! Choice release → Asan Medical Center, in a real terminal, by link hints (`f` and a
//! label), and back with `[`: what each step shows.

mod support;

use support::pty::{Explorer, Screen};

/// The rows inside the Details pane (the right-hand one at 120 columns), between its borders.
fn details_rows(screen: &Screen) -> Vec<String> {
    let Some(top) = screen.find_row("┌Details") else {
        return Vec::new();
    };
    let left = screen
        .row(top)
        .split("┌Details")
        .next()
        .unwrap_or("")
        .chars()
        .count();
    screen.rows()[top + 1..]
        .iter()
        .map(|row| row.chars().skip(left + 1).collect::<String>())
        .take_while(|row| !row.starts_with('─') && !row.is_empty())
        .collect()
}

/// The label drawn over the start of the Details row that shows `text`.
fn label_before(screen: &Screen, text: &str) -> Option<String> {
    details_rows(screen).iter().find_map(|row| {
        let before = row.split(text).next().filter(|_| row.contains(text))?;
        let label = before.trim();
        (!label.is_empty() && label.chars().all(|c| c.is_ascii_lowercase()))
            .then(|| label.to_owned())
    })
}

/// Presses `f`, reads the label of the link showing `text`, and types it: the keys sent.
fn hop(t: &mut Explorer, text: &str) -> usize {
    t.send("f");
    let screen = t.wait_for(|screen| {
        screen
            .status_line()
            .starts_with("follow: type a link's label")
            && label_before(screen, text).is_some()
    });
    let label = label_before(&screen, text).expect("a label");
    t.send(&label);
    1 + label.chars().count()
}

#[test]
fn the_walk_by_link_hints_and_back() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut t = Explorer::spawn(&["--data", data, "--select", "gustave-roussy"]);
    t.wait_for_text(&["city       Villejuif, FR", "┌Timeline 5 of Gustave Roussy"]);
    let mut keys = 0;

    keys += hop(&mut t, "Dana-Farber Cancer Institute — 2 times");
    t.wait_for_text(&[
        "city       Boston, US",
        "┌Timeline 2 of Dana-Farber",
        // The trail on Details' bottom border (names shortened to fit its width).
        "└ Gustave",
        " › Dana-Fa",
    ]);

    keys += hop(&mut t, "2023-10-16 Amgen Partners of Choice");
    t.wait_for_text(&[
        "date       2023-10-16",
        "Partners (9)",
        // Still narrowed to Dana-Farber, a partner of the release.
        "┌Timeline 2 of Dana-Farber",
        " › Dana-Fa",
        " › Amgen",
    ]);

    keys += hop(&mut t, "Asan Medical Center — member");
    t.wait_for_text(&[
        "city       Seoul, KR",
        "┌Timeline 1 of Asan Medical Center",
        " › Amgen",
        " › Asan",
    ]);
    assert!(keys <= 9, "the walk took {keys} keys");
    println!("walk: {keys} keys");

    // Back, step by step: the record and its narrowing come back together.
    t.send("[");
    t.wait_for(|screen| {
        screen.contains("date       2023-10-16")
            && screen.contains("┌Timeline 2 of Dana-Farber")
            && !screen.contains("city       Seoul, KR")
    });
    t.send("[");
    t.wait_for(|screen| {
        screen.contains("city       Boston, US") && screen.contains("┌Timeline 2 of Dana-Farber")
    });
    t.send("[");
    t.wait_for(|screen| {
        screen.contains("city       Villejuif, FR")
            && screen.contains("┌Timeline 5 of Gustave Roussy")
            && !screen.contains(" › ")
            && !screen.contains("Gustave…")
    });
    t.send("[");
    t.wait_for_text(&["no earlier step"]);
    t.send("q");
    t.finish().assert_exited_cleanly();
}
