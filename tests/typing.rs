//! Typing into the filter of a dataset large enough that searches take longer than a
//! key press: the explorer searches in the background, and what it settles on must be
//! what the whole query finds, whatever was typed while a search ran.

use accords_synth as generator;
mod support;

use support::pty::{Explorer, Key, Screen};

/// A synthetic dataset of 10,000 announcements, written into `directory`.
fn synthetic(directory: &std::path::Path) -> String {
    generator::generate(10_000, 7)
        .write_directory(directory)
        .expect("the temporary directory is writable");
    directory.to_str().expect("a UTF-8 path").to_owned()
}

/// The number in the status line's `N matches`, once the search has settled.
fn matches(screen: &Screen) -> Option<usize> {
    let status = screen.status_line();
    let before = status.split(" matches").next()?;
    before.split_whitespace().last()?.parse().ok()
}

fn loaded(screen: &Screen) -> bool {
    screen.contains("┌Timeline ") && screen.status_line().contains("quit")
}

#[test]
fn a_burst_of_keys_settles_on_what_the_whole_query_finds() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let data = synthetic(directory.path());
    let query = "immunotherapy";

    // The count the explorer gives when it starts on the query, searched in one go.
    let mut started = Explorer::spawn(&["--data", &data, "--query", query]);
    let screen = started.wait_for(|screen| {
        screen
            .status_line()
            .starts_with(&format!("filter: {query}"))
            && matches(screen).is_some()
    });
    let expected = matches(&screen).expect("a count");
    assert!(expected > 0, "the query finds something:\n{screen}");
    started.send("q");
    started.finish().assert_exited_cleanly();

    // The same query typed: the first keys in one burst, the rest one at a time, each
    // arriving while the search of the one before may still run; then Backspace and the
    // last letter again.
    let mut typed = Explorer::spawn(&["--data", &data]);
    typed.wait_for(loaded);
    typed.send("/imm");
    for character in query.chars().skip(3) {
        typed.send(&character.to_string());
    }
    typed.send_key(Key::Backspace);
    typed.send("y");
    let screen = typed.wait_for(|screen| {
        screen.status_line().starts_with(&format!("/{query}█")) && matches(screen).is_some()
    });
    assert_eq!(
        matches(&screen),
        Some(expected),
        "typing settles on the whole query's hits:\n{screen}"
    );
    // A key other than the filter's, sent straight after an edit, acts on the lists
    // of the whole query: Enter keeps the filter and the count stays.
    typed.send_key(Key::Backspace);
    typed.send("y");
    typed.send_key(Key::Enter);
    let screen = typed.wait_for(|screen| {
        screen
            .status_line()
            .starts_with(&format!("filter: {query}"))
            && matches(screen).is_some()
    });
    assert_eq!(matches(&screen), Some(expected), "{screen}");
    typed.send("q");
    typed.finish().assert_exited_cleanly();
}
