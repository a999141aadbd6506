//! Reading pack files: strict decoding, validation with positions, `extends`
//! resolution and merging.
//!
//! Merging follows [`super::merge`]; `[pack]` and `tests` are never
//! inherited (each pack's own tests run against the merged result).

use super::error::PackError;
use super::schema::*;
use super::validate::validate_file;

/// Longest `extends` chain accepted.
pub const MAX_EXTENDS_DEPTH: usize = 8;
/// Largest pack file accepted, in bytes.
pub const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;
/// Compiled size limit for one pack regex.
pub const REGEX_SIZE_LIMIT: usize = 256 * 1024;

/// Finds the source of a pack named in `extends`.
pub trait Resolver {
    /// Returns the display name and text of the pack `name`, included from `from`.
    fn resolve(&self, name: &str, from: &str) -> Result<(String, String), String>;
}

/// Resolves only built-in pack ids.
pub struct BuiltinResolver;

impl Resolver for BuiltinResolver {
    fn resolve(&self, name: &str, _from: &str) -> Result<(String, String), String> {
        match super::builtin::source(name) {
            Some(src) => Ok((name.to_string(), src.to_string())),
            None => Err(format!(
                "extends names an unknown pack {name:?}; built-in packs are {}",
                super::builtin::IDS.join(", ")
            )),
        }
    }
}

/// A path inside a pack file, for locating errors.
#[derive(Clone, Debug)]
pub enum Seg {
    Key(String),
    Index(usize),
}

fn key(k: &str) -> Seg {
    Seg::Key(k.to_string())
}

/// Byte offset of the value at `path` in a pack's source, or of the deepest
/// part of the path that exists.
pub fn locate(src: &str, path: &[Seg]) -> Option<usize> {
    let doc = toml::de::DeTable::parse(src).ok()?;
    let mut best = None;
    let mut cur: Option<&toml::Spanned<toml::de::DeValue<'_>>> = None;
    let root = doc.get_ref();
    for (depth, seg) in path.iter().enumerate() {
        let next = match (seg, depth, cur.map(|c| c.get_ref())) {
            (Seg::Key(k), 0, _) => root.get(k.as_str()),
            (Seg::Key(k), _, Some(toml::de::DeValue::Table(t))) => t.get(k.as_str()),
            (Seg::Index(i), _, Some(toml::de::DeValue::Array(a))) => a.get(*i),
            _ => None,
        };
        match next {
            Some(v) => {
                best = Some(v.span().start);
                cur = Some(v);
            }
            None => break,
        }
    }
    best
}

pub(super) fn path_text(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// Parses one pack file strictly: syntax, unknown keys, types.
pub fn parse_file(file: &str, src: &str) -> Result<PackSource, PackError> {
    if src.len() > MAX_PACK_BYTES {
        return Err(PackError::whole(
            file,
            format!("the pack is {} KB; packs are limited to {} KB", src.len() / 1024, MAX_PACK_BYTES / 1024),
        ));
    }
    toml::from_str::<PackSource>(src).map_err(|e| {
        let msg = e.message().trim().replace('\n', " ");
        PackError::at(file, src, e.span().map(|s| s.start), msg)
    })
}

/// Loads a pack and everything it extends, merged, with every file validated.
pub fn load(file: &str, src: &str, resolver: &dyn Resolver) -> Result<(PackSource, Vec<(String, String)>), PackError> {
    let mut stack = Vec::new();
    let mut files = Vec::new();
    let merged = load_rec(file, src, resolver, &mut stack, &mut files)?;
    Ok((merged, files))
}

fn load_rec(
    file: &str,
    src: &str,
    resolver: &dyn Resolver,
    stack: &mut Vec<String>,
    files: &mut Vec<(String, String)>,
) -> Result<PackSource, PackError> {
    let own = parse_file(file, src)?;
    validate_file(file, src, &own)?;
    stack.push(file.to_string());
    let mut merged = PackSource::default();
    let parents = own.pack.extends.to_vec();
    for (i, parent) in parents.iter().enumerate() {
        let at = || {
            let mut p = vec![key("pack"), key("extends")];
            if matches!(own.pack.extends, OneOrMany::Many(_)) {
                p.push(Seg::Index(i));
            }
            locate(src, &p)
        };
        if stack.len() >= MAX_EXTENDS_DEPTH {
            return Err(PackError::at(
                file,
                src,
                at(),
                format!(
                    "extends {parent:?} goes deeper than {MAX_EXTENDS_DEPTH} packs ({}); flatten the chain",
                    stack.join(" → ")
                ),
            ));
        }
        let (pname, psrc) = resolver.resolve(parent, file).map_err(|e| PackError::at(file, src, at(), e))?;
        if stack.contains(&pname) {
            return Err(PackError::at(
                file,
                src,
                at(),
                format!("extends {parent:?} makes a cycle: {} → {pname}", stack.join(" → ")),
            ));
        }
        let mut p = load_rec(&pname, &psrc, resolver, stack, files)?;
        p.tests.clear();
        super::merge::merge_pack(&mut merged, p)
            .map_err(|(msg, path)| PackError::at(file, src, locate(src, &path), msg))?;
    }
    super::merge::merge_pack(&mut merged, own)
        .map_err(|(msg, path)| PackError::at(file, src, locate(src, &path), format!("{} {msg}", path_text(&path))))?;
    stack.pop();
    files.push((file.to_string(), src.to_string()));
    Ok(merged)
}

/// Every pack file that took part in a load, with its text, for locating errors later.
pub type SourceFiles = Vec<(String, String)>;

/// Finds the most derived file that defines `path`, for errors found after merging.
pub fn locate_in(files: &SourceFiles, path: &[Seg]) -> Option<(String, String, usize)> {
    for (name, src) in files.iter().rev() {
        let Some(Seg::Key(first)) = path.first() else {
            continue;
        };
        let defines = toml::de::DeTable::parse(src).is_ok_and(|d| d.get_ref().contains_key(first.as_str()));
        if defines && let Some(off) = locate(src, path) {
            return Some((name.clone(), src.clone(), off));
        }
    }
    None
}
