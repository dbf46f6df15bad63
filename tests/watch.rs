//! `--watch` in a real terminal: the built explorer runs in a pseudo-terminal on a copy of a
//! fixture in a temporary directory, the test edits the files as a curator would, and waits
//! for the screen to show the result. Nothing sleeps to synchronise: every step waits, with
//! a generous deadline, for what it expects on the screen.

mod support;

use std::path::{Path, PathBuf};

use support::fixture;
use support::pty::{Explorer, Screen};

const GOOD: &str = include_str!("fixtures/good/minimal.yaml");

/// A temporary dataset directory holding `minimal.yaml`, and an empty settings file, so a
/// settings file of the person running the tests changes nothing.
struct Workspace {
    directory: tempfile::TempDir,
}

impl Workspace {
    fn new(text: &str) -> Workspace {
        let directory = tempfile::tempdir().expect("a temporary directory");
        std::fs::create_dir(directory.path().join("data")).expect("the data directory");
        std::fs::write(directory.path().join("config.toml"), "").expect("the settings file");
        let workspace = Workspace { directory };
        std::fs::write(workspace.file(), text).expect("the dataset is written");
        workspace
    }

    fn data(&self) -> PathBuf {
        self.directory.path().join("data")
    }

    fn file(&self) -> PathBuf {
        self.data().join("minimal.yaml")
    }

    fn config(&self) -> PathBuf {
        self.directory.path().join("config.toml")
    }

    /// Replaces the file as many editors save: a new file renamed over the old one.
    fn save(&self, text: &str) {
        let partial = self.data().join(".minimal.yaml.partial");
        std::fs::write(&partial, text).expect("the new version is written");
        std::fs::rename(&partial, self.file()).expect("the new version replaces the old");
    }

    /// Rewrites the file in place, as other editors save.
    fn overwrite(&self, text: &str) {
        std::fs::write(self.file(), text).expect("the file is rewritten");
    }

    fn explorer(&self) -> Explorer {
        Explorer::spawn(&[
            "--config",
            path(&self.config()),
            "--data",
            path(&self.data()),
            "--watch",
        ])
    }
}

fn path(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// The dangling reference of `tests/fixtures/bad/dangling-reference.yaml`, made in the copy.
fn broken() -> String {
    let text = GOOD.replacen("institution: beta", "institution: betta", 1);
    assert_ne!(text, GOOD);
    text
}

/// The good file with a third institution that sorts before Béta, so Béta's row moves.
fn with_aardvark() -> String {
    GOOD.replacen(
        "institutions:\n",
        "institutions:\n  - id: aardvark\n    name: Aardvark Hospital\n    kind: hospital\n    city: Lyon\n    country: FR\n",
        1,
    )
}

fn drawn(screen: &Screen) -> bool {
    screen.contains("Institutions") && screen.status_line().contains("quit")
}

/// Béta Centre is the selected row of Institutions (which is focused, so no mark is drawn
/// between the selection symbol and the name).
fn beta_selected(screen: &Screen) -> bool {
    screen.contains("▶  Béta Centre")
}

fn panel_shown(screen: &Screen) -> bool {
    screen.contains("Dataset: 1 problem")
}

/// Where the dangling reference is, and what is wrong there, as `accords check` says it.
const PROBLEM_AT: &str = "minimal.yaml:14:22: announcements[0].partners[1].institution";
const PROBLEM: &str = "no institution has the id `betta`";

#[test]
fn a_broken_file_shows_its_problems_and_a_fix_clears_them_keeping_the_selection() {
    let workspace = Workspace::new(GOOD);
    let mut t = workspace.explorer();
    t.wait_for(|screen| drawn(screen) && screen.contains("Institutions 2"));
    // Select Béta Centre, the second institution.
    t.send("2j");
    t.wait_for(beta_selected);

    workspace.save(&broken());
    // The last valid dataset is still shown, with the selection, under the panel. (Every
    // check is part of the wait: a frame may be read half drawn.)
    t.wait_for_described("the problems panel over the last valid dataset", |screen| {
        panel_shown(screen)
            && screen.contains(PROBLEM_AT)
            && screen.contains(PROBLEM)
            && beta_selected(screen)
            && screen.contains("Institutions 2")
    });

    // The fix adds an institution before Béta: the selection follows Béta by id.
    workspace.overwrite(&with_aardvark());
    t.wait_for_described(
        "the panel to go, the new institution, and Béta still selected",
        |screen| {
            !panel_shown(screen)
                && !screen.contains(PROBLEM)
                && screen.contains("Institutions 3")
                && screen.contains("Aardvark")
                && beta_selected(screen)
                && screen.status_line().contains("dataset fixed and reloaded")
        },
    );

    t.send("q");
    t.finish().assert_exited_cleanly();
    // The explorer only read the file.
    assert_eq!(
        std::fs::read_to_string(workspace.file()).expect("the file is there"),
        with_aardvark()
    );
}

#[test]
fn an_invalid_dataset_at_start_opens_on_its_problems_and_waits_for_a_fix() {
    let workspace = Workspace::new(&broken());
    let mut t = workspace.explorer();
    t.wait_for_described("the problems panel at start", |screen| {
        drawn(screen)
            && panel_shown(screen)
            && screen.contains(PROBLEM)
            && screen.contains("nothing to show until it loads")
            && screen.contains("Institutions 0")
    });

    workspace.save(GOOD);
    t.wait_for_described("the dataset to load", |screen| {
        !panel_shown(screen) && screen.contains("Institutions 2") && screen.contains("Béta Centre")
    });
    t.send("q");
    t.finish().assert_exited_cleanly();
}

#[test]
fn watch_needs_a_dataset_path() {
    let run = support::accords(&["--watch"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("--data"), "{run:?}");
}

#[test]
fn without_watch_an_invalid_dataset_still_exits_with_its_problems() {
    let bad = fixture("bad/dangling-reference.yaml");
    let run = support::accords(&["--data", path(&bad)]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("dangling-reference.yaml:"), "{run:?}");
}
