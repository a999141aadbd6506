//! The crate's modules form layers, and a module may use only the layers
//! below it. This test reads the source and fails when an import climbs up
//! (which is how the old import loop of 20 files came about: `pack` and `tz`
//! importing each other, `template` reaching into `checks`, `report` into
//! `pack`...). docs/architecture.md draws the same picture.
//!
//! Test modules (`#[cfg(test)]` to the end of a file) are not counted: a
//! check's tests may run the whole `analyze`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Lowest first. A module may import from its own layer and any earlier one.
const LAYERS: &[&[&str]] = &[
    &["text"],
    &["time"],
    &["pack"],
    &["mail"],
    &["report"],
    &["analysis"],
    &["checks"],
    &["template"],
    &["selftest", "wasm", "lib"],
];

/// Items defined in lib.rs itself (`crate::analyze`, `crate::Exchange`...)
/// belong to the top layer unless re-exported from below; these names are
/// re-exports of lower modules and may be used anywhere above them.
const LIB_REEXPORTS: &[(&str, &str)] =
    &[("Exchange", "mail"), ("Pack", "pack"), ("Report", "report"), ("Lang", "text")];

fn layer_of(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|l| l.contains(&module))
        .unwrap_or_else(|| panic!("module `{module}` is in no layer: add it to LAYERS in tests/layers.rs"))
}

/// The module a `crate::` path points into: `crate::pack::Pack` is `pack`;
/// `crate::analyze` (an item of lib.rs) is `lib`.
fn target_module(first: &str) -> &str {
    if let Some((_, m)) = LIB_REEXPORTS.iter().find(|(n, _)| *n == first) {
        return m;
    }
    if LAYERS.iter().any(|l| l.contains(&first)) { first } else { "lib" }
}

/// Every first segment after `crate::` in `code`, grouped imports included
/// (`use crate::{pack::Pack, text::Span}`).
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let first = item.trim().split("::").next().unwrap_or("").trim();
                if !first.is_empty() {
                    out.push(first.to_string());
                }
            }
        } else {
            let first: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !first.is_empty() {
                out.push(first);
            }
        }
    }
    out
}

fn without_tests(code: &str) -> &str {
    code.find("#[cfg(test)]").map_or(code, |i| &code[..i])
}

fn module_of(rel: &Path) -> String {
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().to_string();
    first.trim_end_matches(".rs").to_string()
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut climbs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap();
        if rel.starts_with("bin") {
            continue; // the CLI is a user of the library, above everything
        }
        let from = module_of(rel);
        let code = fs::read_to_string(f).unwrap();
        for first in crate_paths(without_tests(&code)) {
            let to = target_module(&first);
            if to != from && layer_of(to) > layer_of(&from) {
                climbs.entry(rel.display().to_string()).or_default().push(format!("crate::{first} ({to})"));
            }
        }
    }
    assert!(climbs.is_empty(), "imports that climb to a higher layer (order: {:?}):\n{:#?}", LAYERS, climbs);
}

#[test]
fn the_layer_check_sees_grouped_and_plain_imports() {
    let code = "use crate::{pack::Pack, text::Span};\nfn f() { crate::analyze(); }";
    assert_eq!(crate_paths(code), ["pack", "text", "analyze"]);
    assert_eq!(target_module("analyze"), "lib");
    assert_eq!(target_module("Pack"), "pack");
    assert!(layer_of("template") > layer_of("checks"));
}

/// One file should be readable in one sitting; past this the file has more
/// than one job and is split (as `analysis/` was split out of a
/// 1,000-line questions.rs).
const MAX_LINES: usize = 500;

#[test]
fn no_source_file_is_longer_than_the_limit() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = fs::read_to_string(f).unwrap().lines().count();
            (n > MAX_LINES).then(|| format!("{} ({n} lines)", f.strip_prefix(&src).unwrap().display()))
        })
        .collect();
    assert!(long.is_empty(), "split these files (limit {MAX_LINES} lines): {long:?}");
}
