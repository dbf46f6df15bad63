//! What the status line tells a person in particular situations: the first copy under tmux.

mod support;

use support::keys::{explorer, type_keys};

fn copy_first_choice(app: &mut accords::tui::app::App) {
    type_keys(app, "y");
    let Some(accords::tui::app::Overlay::Copy { items }) = app.overlays().last() else {
        panic!("no copy menu: {:?}", app.overlays());
    };
    let key = items[0].key;
    type_keys(app, &key.to_string());
}

#[test]
fn under_tmux_the_first_copy_says_tmux_needs_set_clipboard_on() {
    let mut app = explorer(120, 40);
    app.set_under_tmux(true);
    copy_first_choice(&mut app);
    let first = app.status().map(str::to_owned).unwrap_or_default();
    assert!(first.starts_with("sent to terminal clipboard: "), "{first}");
    assert!(first.contains("set-clipboard on"), "{first}");
    copy_first_choice(&mut app);
    let second = app.status().map(str::to_owned).unwrap_or_default();
    assert!(
        second.starts_with("sent to terminal clipboard: "),
        "{second}"
    );
    assert!(!second.contains("tmux"), "said once: {second}");

    // Outside tmux, never.
    let mut app = explorer(120, 40);
    copy_first_choice(&mut app);
    let status = app.status().map(str::to_owned).unwrap_or_default();
    assert!(!status.contains("tmux"), "{status}");
}

/// At 80 columns the tmux note does not fit beside the confirmation: the note gives way,
/// and what was sent stays whole on the status line.
#[test]
fn on_a_narrow_terminal_the_tmux_note_gives_way_to_what_was_copied() {
    let mut app = explorer(80, 24);
    app.set_under_tmux(true);
    // Claire Parisel's card, whose copy menu holds her emails with their years.
    type_keys(&mut app, "/presse<enter>c<enter>");
    type_keys(&mut app, "y");
    let Some(accords::tui::app::Overlay::Copy { items }) = app.overlays().last() else {
        panic!("no copy menu: {:?}", app.overlays());
    };
    // The longest choice: an email with the release it is given in.
    let item = items
        .iter()
        .max_by_key(|item| item.label.len())
        .expect("a choice");
    let (key, label) = (item.key, item.label.clone());
    type_keys(&mut app, &key.to_string());
    let status = app.status().map(str::to_owned).unwrap_or_default();
    assert!(status.contains("set-clipboard on"), "{status}");

    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .expect("a test terminal");
    terminal
        .draw(|frame| accords::tui::view::draw(&app, frame))
        .expect("drawn");
    let buffer = terminal.backend().buffer();
    let last: String = (0..80).map(|x| buffer[(x, 23)].symbol()).collect();
    assert!(last.contains(&label), "{label:?} not whole in {last:?}");
    assert!(last.contains("sent t"), "the confirmation's lead: {last:?}");
}

/// `accords check DIR`: exit code and stderr.
fn check(directory: &std::path::Path) -> (i32, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_accords"))
        .args(["check", directory.to_str().expect("a UTF-8 path")])
        .output()
        .expect("accords runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_file_that_fails_to_parse_is_the_one_problem_reported_not_the_ids_it_defines() {
    let good = include_str!("fixtures/good/minimal.yaml");
    let (announcements, rest) = good.split_at(good.find("institutions:").expect("a section"));
    let directory = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(directory.path().join("a.yaml"), announcements).expect("write");
    // A misspelt field: b.yaml, which defines every id a.yaml refers to, does not parse.
    std::fs::write(
        directory.path().join("b.yaml"),
        rest.replacen("    name: Alpha Institute", "    nmae: Alpha Institute", 1),
    )
    .expect("write");
    let (code, stderr) = check(directory.path());
    assert_ne!(code, 0, "{stderr}");
    assert!(stderr.contains("b.yaml:"), "{stderr}");
    assert!(
        stderr.contains("unknown field `nmae`; did you mean `name`?"),
        "{stderr}"
    );
    assert!(!stderr.contains("has the id"), "{stderr}");
    assert!(!stderr.contains("a.yaml"), "{stderr}");

    // Once it parses, a reference that really is wrong is reported again.
    std::fs::write(
        directory.path().join("b.yaml"),
        rest.replacen("  - id: beta", "  - id: betta", 1),
    )
    .expect("write");
    let (code, stderr) = check(directory.path());
    assert_ne!(code, 0, "{stderr}");
    assert!(
        stderr.contains("no institution has the id `beta`"),
        "{stderr}"
    );
}

#[test]
fn while_the_problems_panel_shows_the_status_line_does_not_say_fixed_and_reloaded() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = directory.path().join("minimal.yaml");
    let good = include_str!("fixtures/good/minimal.yaml");
    let broken = good.replacen("    name: Alpha Institute", "    nmae: Alpha Institute", 1);
    let load = |text: &str| {
        std::fs::write(&file, text).expect("write");
        accords::dataset::Dataset::load(&file)
    };
    let mut app = explorer(120, 40);
    app.handle(accords::tui::app::Input::Reloaded(Box::new(load(&broken))));
    // The panel names the file, the line and the misspelt key.
    let problems = |app: &accords::tui::app::App| match &app.dataset_error() {
        Some(accords::dataset::LoadError::Invalid { problems }) => problems.clone(),
        other => panic!("expected the misspelt key reported, got {other:?}"),
    };
    let problem = problems(&app);
    assert_eq!(problem.len(), 1, "{problem:?}");
    assert!(problem[0].file.ends_with("minimal.yaml"), "{}", problem[0]);
    assert_eq!(
        problem[0].line,
        1 + broken
            .lines()
            .position(|line| line.contains("nmae"))
            .unwrap(),
        "{}",
        problem[0]
    );
    assert!(problem[0].message.contains("nmae"), "{}", problem[0]);
    app.handle(accords::tui::app::Input::Reloaded(Box::new(load(good))));
    assert_eq!(app.status(), Some("dataset fixed and reloaded"));
    assert!(app.dataset_error().is_none());
    // Broken again before any key: the panel shows, and the status line no longer says fixed.
    app.handle(accords::tui::app::Input::Reloaded(Box::new(load(&broken))));
    assert_eq!(problems(&app), problem);
    assert_eq!(app.status(), None);
}
