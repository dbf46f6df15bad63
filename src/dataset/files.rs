// No inner doc comment and no crate paths here: `build.rs` `include!`s this file, so that the
// files embedded at build time are chosen by the same rules as the files loaded and watched.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// How deep a dataset directory may nest (links are followed, each real folder once).
pub(crate) const MAX_DIRECTORY_DEPTH: usize = 16;

/// What the walk of a dataset finds, in path order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found<'a> {
    /// A directory about to be listed (the dataset's path itself included): its
    /// modification time changes when a file is added to it or renamed in it.
    Directory(&'a Path),
    /// A file of the dataset: the dataset's path when it is not a directory, else a
    /// `.yaml`/`.yml` regular file below it, or a link so named that leads nowhere (left to
    /// the reader, which names the problem).
    File(&'a Path),
}

/// Why a dataset directory cannot be walked to its end.
#[derive(Debug)]
pub(crate) enum WalkError {
    /// A directory deeper than [`MAX_DIRECTORY_DEPTH`] below the dataset's.
    TooDeep(PathBuf),
    /// A directory that cannot be listed.
    Unlistable(PathBuf, io::Error),
    /// Something named like YAML that is neither a regular file nor a directory (a FIFO, a
    /// device), refused without being opened.
    NotRegular(PathBuf, fs::FileType),
}

impl WalkError {
    /// Where the walk stopped.
    pub(crate) fn path(&self) -> &Path {
        match self {
            WalkError::TooDeep(path)
            | WalkError::Unlistable(path, _)
            | WalkError::NotRegular(path, _) => path,
        }
    }
}

/// What tells one real file or directory from another: device and inode where there are
/// such, the canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum FileId {
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(PathBuf),
}

/// `path`'s [`FileId`], from its metadata (links followed).
pub(crate) fn identity(path: &Path, metadata: &fs::Metadata) -> FileId {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        FileId::Inode(metadata.dev(), metadata.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        FileId::Path(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
    }
}

/// Whether `path` is named like a YAML file.
pub(crate) fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|extension| extension.to_str()),
        Some("yaml" | "yml")
    )
}

/// The one decision of which files a dataset at `path` is made of, for the loader, the
/// watcher and the build script: `path` itself unless it is a directory, else every
/// `.yaml`/`.yml` file below it, hidden entries left out, in path order. Each real file and
/// directory is visited once, however many links lead to it, so links that fan out or loop
/// cost no more than what they lead to. Everything found up to an error has been given to
/// `found`.
pub(crate) fn dataset_files(
    path: &Path,
    found: &mut dyn FnMut(Found<'_>),
) -> Result<(), WalkError> {
    let Ok(metadata) = fs::metadata(path) else {
        found(Found::File(path));
        return Ok(());
    };
    if !metadata.is_dir() {
        found(Found::File(path));
        return Ok(());
    }
    let mut seen = HashSet::new();
    seen.insert(identity(path, &metadata));
    walk(path, 0, &mut seen, found)
}

fn walk(
    directory: &Path,
    depth: usize,
    seen: &mut HashSet<FileId>,
    found: &mut dyn FnMut(Found<'_>),
) -> Result<(), WalkError> {
    found(Found::Directory(directory));
    if depth > MAX_DIRECTORY_DEPTH {
        return Err(WalkError::TooDeep(directory.to_path_buf()));
    }
    let unlistable = |error| WalkError::Unlistable(directory.to_path_buf(), error);
    let mut children = Vec::new();
    for entry in fs::read_dir(directory).map_err(unlistable)? {
        let entry = entry.map_err(unlistable)?;
        if !entry.file_name().to_string_lossy().starts_with('.') {
            children.push(entry.path());
        }
    }
    // In name order, so the path kept for a file reached by several is always the same.
    children.sort();
    for path in children {
        let yaml = is_yaml(&path);
        let Ok(metadata) = fs::metadata(&path) else {
            if yaml {
                found(Found::File(&path));
            }
            continue;
        };
        if !metadata.is_dir() && !yaml {
            continue;
        }
        if !seen.insert(identity(&path, &metadata)) {
            continue;
        }
        if metadata.is_dir() {
            walk(&path, depth + 1, seen, found)?;
        } else if metadata.is_file() {
            found(Found::File(&path));
        } else {
            return Err(WalkError::NotRegular(path, metadata.file_type()));
        }
    }
    Ok(())
}
