//! Embeds every YAML file under `data/` in the binary, and the release texts of
//! `data/sources/`, so `accords` works from any directory.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("data"), &mut files);
    files.sort();
    println!("cargo:rerun-if-changed=data");
    let mut table = String::from("&[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file.strip_prefix(root).expect("under the crate root");
        let name = name.to_string_lossy().replace('\\', "/");
        table.push_str(&format!(
            "    ({name:?}, include_str!({path:?})),\n",
            path = file.display().to_string()
        ));
    }
    table.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("embedded_dataset.rs"), table).expect("OUT_DIR is writable");

    // The release texts, by file name: what each announcement's `source` names.
    let mut texts: Vec<PathBuf> = fs::read_dir(root.join("data/sources"))
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.path())
                .filter(|path| path.is_file())
                .collect()
        })
        .unwrap_or_default();
    texts.sort();
    let mut table = String::from("&[\n");
    for file in &texts {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file
            .file_name()
            .expect("a file has a name")
            .to_string_lossy()
            .into_owned();
        table.push_str(&format!(
            "    ({name:?}, include_str!({path:?})),\n",
            path = file.display().to_string()
        ));
    }
    table.push(']');
    fs::write(out.join("embedded_sources.rs"), table).expect("OUT_DIR is writable");
}

fn collect(directory: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(directory) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, files);
        } else if matches!(
            path.extension().and_then(|extension| extension.to_str()),
            Some("yaml" | "yml")
        ) {
            files.push(path);
        }
    }
}
