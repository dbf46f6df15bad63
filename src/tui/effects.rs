//! Carrying out what the app asks of the world outside it: writing an exported file and
//! opening a link with the system's opener. Each returns what the status line should say.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::sanitize::sanitize;

use super::app::Effect;

pub(crate) fn carry_out(effect: Effect) -> String {
    match effect {
        Effect::Export {
            stem,
            extension,
            contents,
            what,
        } => match export(Path::new("."), &stem, extension, &contents) {
            Ok(path) => {
                let shown = std::fs::canonicalize(&path).unwrap_or(path);
                format!(
                    "{what} written to {}",
                    sanitize(&shown.display().to_string())
                )
            }
            Err(error) => format!("could not write the {what}: {error}"),
        },
        Effect::Open { url } => open(&url),
    }
}

/// Writes `contents` to `STEM.EXT` in `directory`, or `STEM-2.EXT` and so on: never over an
/// existing file.
pub(crate) fn export(
    directory: &Path,
    stem: &str,
    extension: &str,
    contents: &str,
) -> std::io::Result<PathBuf> {
    export_with(directory, stem, extension, |file| {
        file.write_all(contents.as_bytes())?;
        file.sync_all()
    })
}

/// [`export`], with `write` filling the new file.
fn export_with(
    directory: &Path,
    stem: &str,
    extension: &str,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> std::io::Result<PathBuf> {
    for attempt in 1..1000 {
        let name = if attempt == 1 {
            format!("{stem}.{extension}")
        } else {
            format!("{stem}-{attempt}.{extension}")
        };
        let path = directory.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            // A file half written (a full disk) is removed: left there, it would look like
            // an export and push the next one to `STEM-2`.
            Ok(mut file) => {
                return match write(&mut file) {
                    Ok(()) => Ok(path),
                    Err(error) => {
                        drop(file);
                        let _ = std::fs::remove_file(&path);
                        Err(error)
                    }
                };
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(std::io::Error::other(
        "999 files of that name already exist",
    ))
}

/// Opens a web link in the background; the caller has checked it is `http` or `https`.
/// The `open` crate knows each platform's openers (`xdg-open` then `gio`, `gnome-open`,
/// `kde-open` on Linux and the BSDs, `open` on macOS, PowerShell's `Start-Process` then
/// `explorer.exe` on Windows); each gets the link as one argument (PowerShell as an
/// environment variable), never spliced into a shell command line. The first that starts is used.
fn open(url: &str) -> String {
    let shown = sanitize(url);
    let mut missing = Vec::new();
    for mut command in open::commands(url) {
        let opener = command.get_program().to_string_lossy().into_owned();
        match command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        {
            Ok(mut child) => {
                // Waited for on a thread of its own, so that it leaves no zombie behind.
                let _ = std::thread::Builder::new()
                    .name("opener".to_owned())
                    .spawn(move || child.wait());
                return format!("opening {shown}");
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => missing.push(opener),
            Err(error) => return format!("could not open {shown}: {error}"),
        }
    }
    format!(
        "no program to open links here ({} not found); the link is {shown}",
        missing.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_never_overwrite_a_file() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let first = export(directory.path(), "claire-parisel", "vcf", "one").expect("written");
        let second = export(directory.path(), "claire-parisel", "vcf", "two").expect("written");
        assert_eq!(first.file_name().unwrap(), "claire-parisel.vcf");
        assert_eq!(second.file_name().unwrap(), "claire-parisel-2.vcf");
        assert_eq!(std::fs::read_to_string(first).unwrap(), "one");
        assert_eq!(std::fs::read_to_string(second).unwrap(), "two");
    }

    #[test]
    fn a_failed_export_leaves_no_file_and_the_next_takes_the_name() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let failed = export_with(directory.path(), "claire-parisel", "vcf", |file| {
            file.write_all(b"BEGIN:VCARD\r\n")?;
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        });
        assert_eq!(
            failed.expect_err("the write failed").kind(),
            std::io::ErrorKind::StorageFull
        );
        assert_eq!(
            std::fs::read_dir(directory.path()).expect("listed").count(),
            0,
            "the half-written file is removed"
        );
        let next = export(directory.path(), "claire-parisel", "vcf", "one").expect("written");
        assert_eq!(next.file_name().unwrap(), "claire-parisel.vcf");
    }
}
