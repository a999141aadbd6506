//! Replays every input the fuzzers ever crashed on (tests/fuzz/<target>/),
//! through the same property checks the fuzz targets run (fuzz/src/lib.rs).

#[path = "../fuzz/src/lib.rs"]
mod targets;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    for entry in entries {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        if std::panic::catch_unwind(|| run(&data)).is_err() {
            panic!("{} fails again", path.display());
        }
    }
}

#[test]
fn analyze_inputs_that_once_crashed() {
    replay("analyze", targets::analyze);
}

#[test]
fn pack_inputs_that_once_crashed() {
    replay("pack_load", targets::pack_load);
}

#[test]
fn template_inputs_that_once_crashed() {
    replay("template_render", targets::template_render);
}

#[test]
fn eml_inputs_that_once_crashed() {
    replay("eml", targets::eml);
}
