//! Embeds every YAML file under `data/` in the binary, and the release texts of
//! `data/sources/`, so `accords` works from any directory.

use std::fs;
use std::path::{Path, PathBuf};

// The loader's rules for which files make a dataset, so that the embedded dataset is the
// one `accords --data data` reads; the loader's other items are not needed here.
#[allow(dead_code)]
mod files {
    include!("src/dataset/files.rs");
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut yaml = Vec::new();
    // Without a `data/` there is nothing to embed, rather than `data` itself as a file.
    if data.is_dir() {
        let walked = files::dataset_files(&data, &mut |found| match found {
            files::Found::Directory(directory) => {
                println!("cargo:rerun-if-changed={}", directory.display());
            }
            files::Found::File(file) => yaml.push(file.to_path_buf()),
        });
        if let Err(error) = walked {
            panic!("data/ cannot be embedded: {error:?}");
        }
    }
    yaml.sort();
    let mut table = String::from("&[\n");
    for file in &yaml {
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
