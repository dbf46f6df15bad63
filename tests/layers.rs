//! The library's layers point one way, as the README's Design section draws them:
//! leaves → `dataset` → `search` → descriptions and output → settings → commands and the
//! explorer. This reads every file of `src/`, collects the paths it names through `crate::`
//! and `super::`, and fails on an import cycle between two files or on an arrow against
//! that flow. A small scanner is enough: the code names modules by path, and comments and
//! strings are skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module's place in the flow: a module may name modules of its own rank or
/// lower, never higher. Equal ranks are allowed, since only a cycle between them is wrong.
const RANKS: &[(&str, u8)] = &[
    // Leaves: text made safe for a terminal, accent folding, threads.
    ("sanitize", 0),
    ("fold", 0),
    ("threads", 0),
    ("dataset", 1),
    ("search", 2),
    ("describe", 3),
    ("output", 3),
    ("background", 3),
    ("config", 4),
    ("cli", 5),
    ("commands", 6),
    ("tui", 7),
];

/// Inside the explorer, the state never reaches up into what draws it.
const DRAWING: &[&str] = &["tui::view", "tui::panes"];
const STATE: &str = "tui::app";

#[test]
fn no_import_cycle_between_files_and_no_arrow_against_the_flow() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&root);
    let modules: BTreeMap<Vec<String>, PathBuf> = files
        .iter()
        .filter_map(|file| Some((module_of(&root, file)?, file.clone())))
        .collect();

    let texts: BTreeMap<&Vec<String>, String> = modules
        .iter()
        .map(|(m, f)| (m, std::fs::read_to_string(f).expect("a source file reads")))
        .collect();
    let children = |module: &Vec<String>| -> Vec<String> {
        modules
            .keys()
            .filter(|m| m.len() == module.len() + 1 && m.starts_with(module))
            .map(|m| m[module.len()].clone())
            .collect()
    };
    // A name a module re-exports (`pub use model::Record;`) stands for the file that
    // defines it, and the re-export itself is the module's face, not a use.
    let mut aliases: BTreeMap<Vec<String>, Vec<String>> = BTreeMap::new();
    for (module, text) in &texts {
        let (exports, _) = split_reexports(text);
        for target in referenced_modules(module, &children(module), &exports) {
            if let Some(name) = target.last() {
                let mut alias = module.to_vec();
                alias.push(name.clone());
                aliases.insert(alias, target);
            }
        }
    }

    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (module, text) in &texts {
        let from = module.join("::");
        let (_, code) = split_reexports(text);
        for target in referenced_modules(module, &children(module), &code) {
            let target = aliases.get(&target).cloned().unwrap_or(target);
            let Some(to) = resolve(&modules, &target) else {
                continue;
            };
            let to_name = to.join("::");
            if to_name == from || to_name.is_empty() || from.is_empty() {
                continue;
            }
            edges
                .entry(from.clone())
                .or_default()
                .insert(to_name.clone());
        }
    }

    for (from, tos) in &edges {
        for to in tos {
            let (Some(a), Some(b)) = (rank(from), rank(to)) else {
                problems.push(format!("{from} → {to}: a module missing from RANKS"));
                continue;
            };
            if b > a {
                problems.push(format!(
                    "{from} → {to}: against the flow (rank {a} names rank {b})"
                ));
            }
            if from.starts_with(STATE) && DRAWING.iter().any(|d| to.starts_with(d)) {
                problems.push(format!("{from} → {to}: the state names what draws it"));
            }
        }
    }
    for cycle in cycles(&edges) {
        let arrows: Vec<String> = cycle
            .iter()
            .flat_map(|from| {
                edges[from]
                    .iter()
                    .filter(|to| cycle.contains(to))
                    .map(move |to| format!("{from} → {to}"))
            })
            .collect();
        problems.push(format!(
            "import cycle between {} files: {}",
            cycle.len(),
            arrows.join(", ")
        ));
    }
    assert!(
        problems.is_empty(),
        "{} problem(s) with the layers:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The scanner reads grouped imports, `super`, inline test modules and skips comments.
#[test]
fn the_scanner_reads_grouped_paths_super_and_inline_modules() {
    let text = "//! crate::ignored in a comment\n\
        use crate::{dataset::{Dataset, model::Record}, search};\n\
        use super::sibling::Thing;\n\
        let s = \"crate::in_a_string\";\n\
        fn f() { crate::output::emit(); child::run(); }\n\
        #[cfg(test)]\nmod tests {\n    use super::*;\n    use super::super::up::X;\n}\n";
    let found = referenced_modules(&["tui".into(), "app".into()], &["child".into()], text);
    let found: BTreeSet<String> = found.iter().map(|p| p.join("::")).collect();
    let expected: BTreeSet<String> = [
        "dataset::Dataset",
        "dataset::model::Record",
        "search",
        "tui::sibling::Thing",
        "output::emit",
        "tui::app",
        "tui::up::X",
        "tui::app::child::run",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn a_cycle_of_three_files_is_found() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        edges.entry(a.into()).or_default().insert(b.into());
    }
    let found = cycles(&edges);
    assert_eq!(found.len(), 1);
    let members: BTreeSet<&str> = found[0].iter().map(String::as_str).collect();
    assert!(members.contains("a") && members.contains("b") && members.contains("c"));
    assert!(!members.contains("d"));
}

/// Splits a file's `pub use` statements from the rest: (the re-exports, the code with
/// them blanked). Both keep the file's byte offsets.
fn split_reexports(text: &str) -> (String, String) {
    let code = strip_comments_and_strings(text);
    let mut exports = vec![b' '; code.len()];
    let mut rest = code.clone().into_bytes();
    let mut at = 0;
    while let Some(found) = code[at..].find("pub use ") {
        let start = at + found;
        let end = code[start..]
            .find(';')
            .map_or(code.len(), |n| start + n + 1);
        exports[start + "pub use ".len()..end]
            .copy_from_slice(&code.as_bytes()[start + "pub use ".len()..end]);
        for b in &mut rest[start..end] {
            *b = b' ';
        }
        at = end;
    }
    (
        String::from_utf8(exports).unwrap_or_default(),
        String::from_utf8(rest).unwrap_or_default(),
    )
}

fn rank(module: &str) -> Option<u8> {
    let top = module.split("::").next()?;
    RANKS.iter().find(|(name, _)| *name == top).map(|(_, r)| *r)
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ reads")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// `src/a/b.rs` is `a::b`, `src/a/mod.rs` is `a`, `src/lib.rs` is the crate; the binary's
/// `main.rs` stands outside the library and is not part of its layers.
fn module_of(root: &Path, file: &Path) -> Option<Vec<String>> {
    let relative = file.strip_prefix(root).ok()?;
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop()?;
    let stem = last.strip_suffix(".rs")?;
    match (parts.is_empty(), stem) {
        (true, "main") => None,
        (true, "lib") => Some(Vec::new()),
        (_, "mod") => Some(parts),
        _ => {
            parts.push(stem.to_string());
            Some(parts)
        }
    }
}

/// The longest prefix of `path` that is a module with a file of its own.
fn resolve(modules: &BTreeMap<Vec<String>, PathBuf>, path: &[String]) -> Option<Vec<String>> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| modules.contains_key(prefix))
}

/// Every path the file names through `crate::` or `super::`, made absolute.
fn referenced_modules(module: &[String], children: &[String], text: &str) -> Vec<Vec<String>> {
    let code = strip_comments_and_strings(text);
    let bytes = code.as_bytes();
    let inline = inline_modules(&code);
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let rest = &code[at..];
        let preceded_by_ident =
            at > 0 && is_ident(bytes[at - 1]) || at > 1 && &code[at - 2..at] == "::";
        let (base, skip): (Vec<String>, usize) =
            if !preceded_by_ident && rest.starts_with("crate::") {
                (Vec::new(), "crate::".len())
            } else if !preceded_by_ident && rest.starts_with("super::") {
                // `super` in an inline module (`mod tests { … }`) is the file's own module.
                let depth = inline
                    .iter()
                    .filter(|(open, close)| *open < at && at < *close)
                    .count();
                let mut base = module.to_vec();
                let mut skip = 0;
                let mut levels = 0usize;
                while code[at + skip..].starts_with("super::") {
                    skip += "super::".len();
                    levels += 1;
                }
                // `a/b.rs` and `a/b/mod.rs` are both module `a::b`, whose `super` is `a`.
                for _ in 0..levels.saturating_sub(depth) {
                    base.pop();
                }
                (base, skip)
            } else if let Some(child) = children
                .iter()
                .find(|c| !preceded_by_ident && rest.starts_with(&format!("{c}::")))
            {
                // A module's own children are named without `crate::` (`load::read`).
                let mut base = module.to_vec();
                base.push(child.clone());
                (base, child.len() + 2)
            } else {
                at += 1;
                continue;
            };
        let (paths, used) = parse_tree(&code[at + skip..]);
        for p in paths {
            let mut full = base.clone();
            full.extend(p);
            out.push(full);
        }
        at += skip + used.max(1);
    }
    out
}

/// Reads `a::b::{c, d::{e, f}}` (or `a::b` alone) and returns each path it names.
fn parse_tree(text: &str) -> (Vec<Vec<String>>, usize) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut prefix = Vec::new();
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'{' {
            i += 1;
            let mut out = Vec::new();
            loop {
                while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b',') {
                    i += 1;
                }
                if i >= bytes.len() || bytes[i] == b'}' {
                    i += 1;
                    break;
                }
                let (inner, used) = parse_tree(&text[i..]);
                for p in inner {
                    let mut full = prefix.clone();
                    full.extend(p);
                    out.push(full);
                }
                i += used.max(1);
            }
            if out.is_empty() {
                out.push(prefix);
            }
            return (out, i);
        }
        let start = i;
        while i < bytes.len() && (is_ident(bytes[i]) || bytes[i] == b'*') {
            i += 1;
        }
        let segment = &text[start..i];
        if segment.is_empty() {
            return (vec![prefix], i);
        }
        if segment != "*" && segment != "self" {
            prefix.push(segment.to_string());
        }
        if text[i..].starts_with("::") {
            i += 2;
        } else {
            return (vec![prefix], i);
        }
    }
}

/// The byte ranges of inline modules' bodies: `mod name {` … its matching `}`.
fn inline_modules(code: &str) -> Vec<(usize, usize)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = code[at..].find("mod ") {
        let start = at + found;
        at = start + 4;
        if start > 0 && is_ident(bytes[start - 1]) {
            continue;
        }
        let mut i = at;
        while i < bytes.len() && is_ident(bytes[i]) {
            i += 1;
        }
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] != b'{' {
            continue;
        }
        let mut depth = 0usize;
        let mut j = i;
        while j < bytes.len() {
            match bytes[j] {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        out.push((i, j));
    }
    out
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Blanks comments, string and character literals (keeping byte offsets), so that paths
/// in documentation and messages are not read as imports.
fn strip_comments_and_strings(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    while i < bytes.len() {
        if bytes[i..].starts_with(b"//") {
            let end = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            blank(&mut out, i, end);
            i = end;
        } else if bytes[i..].starts_with(b"/*") {
            let end = text[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |n| i + 2 + n + 2);
            blank(&mut out, i, end);
            i = end;
        } else if bytes[i] == b'r'
            && (bytes[i..].starts_with(b"r\"") || bytes[i..].starts_with(b"r#"))
            && (i == 0 || !is_ident(bytes[i - 1]))
        {
            let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
            if bytes.get(i + 1 + hashes) != Some(&b'"') {
                i += 1;
                continue;
            }
            let close = format!("\"{}", "#".repeat(hashes));
            let body = i + 2 + hashes;
            let end = text[body..]
                .find(&close)
                .map_or(bytes.len(), |n| body + n + close.len());
            blank(&mut out, i, end);
            i = end;
        } else if bytes[i] == b'"' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(bytes.len());
            blank(&mut out, i, end);
            i = end;
        } else if bytes[i] == b'\'' {
            // A character literal ('a', '\n', '\''), not a lifetime ('a without a close).
            let end = if bytes.get(i + 1) == Some(&b'\\') {
                text[i + 2..].find('\'').map(|n| i + 2 + n + 1)
            } else {
                let ch = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                (bytes.get(i + 1 + ch) == Some(&b'\'')).then_some(i + 1 + ch + 1)
            };
            match end {
                Some(end) => {
                    blank(&mut out, i, end);
                    i = end;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The strongly connected groups of more than one file (Tarjan's algorithm).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        if let Some(tos) = s.edges.get(v) {
            for w in tos {
                let w = w.as_str();
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let low = s.low[v].min(s.low[w]);
                    s.low.insert(v, low);
                } else if s.on_stack.contains(w) {
                    let low = s.low[v].min(s.index[w]);
                    s.low.insert(v, low);
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.reverse();
                s.found.push(group);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.found
}
