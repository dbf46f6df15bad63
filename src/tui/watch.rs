//! Watching the dataset on disk, for `--watch`: a background thread compares the
//! modification times and sizes of the dataset's files every [`INTERVAL`] and, when they
//! change, loads the dataset again and sends the result to the run loop. Polling needs no
//! dependency and works the same on every file system, network mounts included, and with
//! editors that save by writing a new file and renaming it over the old. The files are only
//! ever read.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, SystemTime};

use crate::dataset::files::{self, Found};
use crate::dataset::{Dataset, LoadError};

/// How often the files are looked at.
pub(crate) const INTERVAL: Duration = Duration::from_millis(500);

/// What is known of one file: its path, and its modification time and size if it can be
/// read.
type Stamp = (PathBuf, Option<(Option<SystemTime>, u64)>);

/// The state of a dataset's files: when any file is added, removed, or changes time or
/// size, the dataset is loaded again.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fingerprint(Vec<Stamp>);

impl Fingerprint {
    /// The files the loader reads and the directories it lists, as
    /// [`files::dataset_files`] finds them; where the walk stops on a problem, the path it
    /// stopped at too, so that its fix is seen.
    fn of(path: &Path) -> Fingerprint {
        let mut stamps = Vec::new();
        let walked = files::dataset_files(path, &mut |found| match found {
            Found::Directory(path) | Found::File(path) => stamps.push(stamp(path)),
        });
        if let Err(stopped) = walked {
            stamps.push(stamp(stopped.path()));
        }
        stamps.sort();
        Fingerprint(stamps)
    }
}

fn stamp(path: &Path) -> Stamp {
    let known = std::fs::metadata(path)
        .ok()
        .map(|metadata| (metadata.modified().ok(), metadata.len()));
    (path.to_path_buf(), known)
}

/// The watching thread's far end: reloads arrive here.
pub(crate) struct Watcher {
    reloads: Receiver<Result<Dataset, LoadError>>,
}

impl Watcher {
    /// Starts watching `path` as it is now: only changes made from this moment on reload.
    /// The thread ends by itself once the `Watcher` is dropped.
    pub(crate) fn start(path: PathBuf) -> io::Result<Watcher> {
        let (sender, reloads) = mpsc::channel();
        let mut seen = Fingerprint::of(&path);
        std::thread::Builder::new()
            .name("watch".to_owned())
            .spawn(move || {
                loop {
                    std::thread::sleep(INTERVAL);
                    let now = Fingerprint::of(&path);
                    if now == seen {
                        continue;
                    }
                    // Taken before loading: a change made while loading is seen next time.
                    seen = now;
                    if sender.send(Dataset::load(&path)).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Watcher { reloads })
    }

    /// The latest reload since the last call, if any: older ones are superseded.
    pub(crate) fn latest(&self) -> Option<Result<Dataset, LoadError>> {
        let mut latest = None;
        loop {
            match self.reloads.try_recv() {
                Ok(reload) => latest = Some(reload),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return latest,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_changes_with_a_file_and_ignores_other_files() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let data = directory.path().join("data.yaml");
        std::fs::write(&data, "a: 1\n").expect("written");
        let before = Fingerprint::of(directory.path());
        std::fs::write(directory.path().join("notes.txt"), "x").expect("written");
        std::fs::write(directory.path().join(".data.yaml.swp"), "x").expect("written");
        let ignoring = Fingerprint::of(directory.path());
        assert_eq!(before.0.iter().filter(|(path, _)| path == &data).count(), 1);
        assert_eq!(
            ignoring.0.iter().filter(|(path, _)| path.is_file()).count(),
            1,
            "only the YAML file is watched"
        );
        std::fs::write(&data, "a: 12\n").expect("written");
        assert_ne!(Fingerprint::of(directory.path()), before);
    }

    #[cfg(unix)]
    #[test]
    fn the_files_watched_are_the_files_loaded() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let root = directory.path();
        let write = |path: &str| {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().expect("in a directory")).expect("created");
            std::fs::write(path, "people: []\n").expect("written");
        };
        for path in [
            "a.yaml",
            "b.yml",
            "notes.txt",
            ".hidden.yaml",
            ".hidden/inside.yaml",
            "nested/deeper/c.yaml",
            "nested/.d.yaml",
            "nested/e.json",
        ] {
            write(path);
        }
        std::os::unix::fs::symlink(root.join("a.yaml"), root.join("same-as-a.yaml"))
            .expect("linked");
        std::os::unix::fs::symlink(root.join("nowhere"), root.join("broken.yaml")).expect("linked");
        std::os::unix::fs::symlink(root, root.join("nested/loop")).expect("linked");

        let loaded = crate::dataset::load::yaml_files(root).expect("listed");
        let (directories, watched): (Vec<PathBuf>, Vec<PathBuf>) = Fingerprint::of(root)
            .0
            .into_iter()
            .map(|(path, _)| path)
            .partition(|path| path.is_dir());
        assert_eq!(watched, loaded);
        assert_eq!(
            loaded,
            ["a.yaml", "b.yml", "broken.yaml", "nested/deeper/c.yaml"].map(|path| root.join(path))
        );
        // Each real directory once: the link back to the root leads to nothing new.
        assert_eq!(
            directories,
            [
                root.to_path_buf(),
                root.join("nested"),
                root.join("nested/deeper")
            ]
        );
    }
}
