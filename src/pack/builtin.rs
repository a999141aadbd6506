//! Packs compiled into the binary and the wasm.

/// Ids of the built-in packs, for messages and listings.
pub const IDS: &[&str] = &["base", "base-ru", "base-uk", "base-en", "agency-24h", "studio-2h", "corporate-strict"];

/// The text of a built-in pack.
pub fn source(id: &str) -> Option<&'static str> {
    Some(match id {
        "base" => include_str!("../../packs/base.toml"),
        "base-ru" => include_str!("../../packs/base-ru.toml"),
        "base-uk" => include_str!("../../packs/base-uk.toml"),
        "base-en" => include_str!("../../packs/base-en.toml"),
        "agency-24h" => include_str!("../../packs/examples/agency-24h.toml"),
        "studio-2h" => include_str!("../../packs/examples/studio-2h.toml"),
        "corporate-strict" => include_str!("../../packs/examples/corporate-strict.toml"),
        _ => return None,
    })
}
