//! Settings as a person uses them: `accords config --default` as a starting file, a settings
//! file that is wrong, and rebound keys in the real explorer (status line, help, and what
//! the keys do).

mod support;

use std::path::Path;

use accords::config::keymap::BINDINGS;

use support::accords;
use support::pty::{Explorer, Key};

fn path(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

fn write(directory: &Path, text: &str) -> std::path::PathBuf {
    let file = directory.join("config.toml");
    std::fs::write(&file, text).expect("the settings file is written");
    file
}

#[test]
fn the_default_file_lists_every_command_and_reads_back_as_the_defaults() {
    let run = accords(&["config", "--default"]);
    assert_eq!(run.code, 0, "{run:?}");
    for command in BINDINGS {
        let keys: Vec<String> = command
            .keys
            .iter()
            .map(|key| format!("\"{}\"", key.to_config()))
            .collect();
        let line = format!("\n{} = [{}]\n", command.name(), keys.join(", "));
        assert!(
            run.stdout.contains(&line),
            "missing {line:?}:\n{}",
            run.stdout
        );
    }
    let parsed = accords::config::parse("default.toml", &run.stdout).expect("a valid file");
    let settings = accords::config::resolve(None, false, Some(&parsed));
    assert_eq!(settings.keymap, accords::config::keymap::Keymap::default());

    // The binary reads it back too, and writes the same settings.
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = write(directory.path(), &run.stdout);
    let again = accords(&["--config", path(&file), "config"]);
    assert_eq!(again.code, 0, "{again:?}");
    let reparsed = accords::config::parse("again.toml", &again.stdout).expect("a valid file");
    assert_eq!(
        accords::config::resolve(None, false, Some(&reparsed)).keymap,
        settings.keymap
    );
}

#[test]
fn a_wrong_settings_file_exits_2_with_a_line_and_column_per_problem() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = write(
        directory.path(),
        "theme = \"dark\"\n[keys]\nfliter = [\"f\"]\nquit = [\"q\", \"ctrl+\"]\n",
    );
    let shown = path(&file);
    for args in [vec!["--config", shown], vec!["--config", shown, "config"]] {
        let run = accords(&args);
        assert_eq!(run.code, 2, "{run:?}");
        assert!(
            run.stderr
                .contains(&format!("{shown}:3:1: unknown command `fliter`")),
            "{run:?}"
        );
        assert!(
            run.stderr.contains(&format!(
                "{shown}:4:14: `ctrl+` is not a key for `quit`; expected"
            )),
            "{run:?}"
        );
        assert!(run.stdout.is_empty(), "{run:?}");
    }
}

#[test]
fn a_missing_settings_file_given_with_config_exits_2() {
    let run = accords(&["--config", "/nonexistent/accords.toml"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("/nonexistent/accords.toml: no such file"),
        "{run:?}"
    );
}

/// `accords ARGS` with `NO_COLOR=1`.
fn with_no_color(args: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_accords"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("accords runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn the_command_line_beats_no_color_which_beats_the_file() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = write(directory.path(), "theme = \"dark\"\n");
    let stdout = with_no_color(&["--config", path(&file), "config"]);
    assert!(stdout.contains("\ntheme = \"monochrome\"\n"), "{stdout}");
    assert!(
        stdout.contains("theme from the environment (NO_COLOR)"),
        "{stdout}"
    );
    let stdout = with_no_color(&["--config", path(&file), "--theme", "light", "config"]);
    assert!(stdout.contains("\ntheme = \"light\"\n"), "{stdout}");
    let run = accords(&["--config", path(&file), "--theme", "light", "config"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("\ntheme = \"light\"\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("theme from the command line"),
        "{}",
        run.stdout
    );
    let run = accords(&["--config", path(&file), "config"]);
    assert!(
        run.stdout.contains("\ntheme = \"dark\"\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("theme from the settings file"),
        "{}",
        run.stdout
    );
}

#[test]
fn rebound_keys_work_and_show_in_the_hints_and_the_help() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = write(
        directory.path(),
        "theme = \"light\"\n[keys]\nfilter = [\"f\"]\nquit = [\"ctrl-q\"]\nhelp = [\"h\", \"?\"]\n",
    );
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut t = Explorer::spawn(&["--config", path(&file), "--data", data]);
    // A tall window, so the whole help fits without scrolling.
    t.resize(120, 60);
    t.wait_for(|screen| {
        screen.height() == 60
            && screen.status_line().contains("f filter")
            && screen.status_line().contains("Ctrl-q quit")
            && screen.status_line().contains("h/? help")
    });
    // `/` no longer filters; `f` does.
    t.send("/");
    t.send("f");
    t.wait_for(|screen| screen.status_line().starts_with("/█"));
    t.send("berard");
    t.wait_for(|screen| screen.status_line().starts_with("/berard█"));
    t.send_key(Key::Esc);
    t.wait_for(|screen| !screen.status_line().starts_with("/"));
    // The help lists the keys in force.
    t.send("h");
    t.wait_for_text(&[
        "Help (f filters, Esc or Ctrl-q closes)",
        "  f         filter (fzf syntax)",
        "  Ctrl-q    close the overlay; quit",
        "  h/?       help",
    ]);
    t.send_key(Key::Esc);
    t.wait_for(|screen| !screen.contains("Help ("));
    // `q` does nothing now; Ctrl-q quits.
    t.send("q");
    t.send_key(Key::Ctrl('q'));
    t.finish().assert_exited_cleanly();
}
