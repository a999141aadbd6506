//! The wasm-bindgen boundary: one `Analyzer` class the extension's service
//! worker owns. Inputs and outputs are plain JS objects (serde); spans are
//! UTF-16 units, converted once per document. Failures are thrown as JS
//! `Error`s with a `kind` (and `file`, `line`, `column` for pack errors),
//! never an empty result.

use crate::pack::{Pack, PackError, load::BuiltinResolver};
use crate::report::Unit;
use crate::{Exchange, analyze};
use serde::Serialize;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::json_compatible()
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serializer()).map_err(|e| error("internal", &format!("could not return the result: {e}")))
}

/// A JS `Error` with a `kind` property.
fn error(kind: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&e, &"kind".into(), &kind.into());
    e.into()
}

fn pack_error(e: &PackError) -> JsValue {
    let err = error("pack", &e.to_string());
    for (k, v) in [
        ("file", JsValue::from(e.file.as_str())),
        ("line", (e.line as u32).into()),
        ("column", (e.column as u32).into()),
    ] {
        let _ = js_sys::Reflect::set(&err, &k.into(), &v);
    }
    let _ = js_sys::Reflect::set(&err, &"detail".into(), &e.message.as_str().into());
    err
}

fn from_js<T: serde::de::DeserializeOwned>(v: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(v).map_err(|e| error("input", &format!("{what} is not valid: {e}")))
}

/// Resolves `extends` against the other packs the extension holds, then built-in ids.
struct MapResolver(BTreeMap<String, String>);

impl crate::pack::load::Resolver for MapResolver {
    fn resolve(&self, name: &str, from: &str) -> Result<(String, String), String> {
        match self.0.get(name) {
            Some(src) => Ok((name.to_string(), src.clone())),
            None => BuiltinResolver.resolve(name, from),
        }
    }
}

fn load(name: &str, toml: Option<String>, others: BTreeMap<String, String>) -> Result<Pack, PackError> {
    match toml {
        None => Pack::builtin(name),
        Some(src) => Pack::from_source(name, &src, &MapResolver(others)),
    }
}

#[derive(Serialize)]
struct PackInfo<'a> {
    id: &'a str,
    name: &'a str,
    version: &'a str,
    languages: &'a [String],
    templates: usize,
    rules: usize,
    tests: usize,
    checks: Vec<CheckInfo>,
}

#[derive(Serialize)]
struct CheckInfo {
    id: &'static str,
    enabled: bool,
}

/// Analyses exchanges with one pack.
#[wasm_bindgen]
pub struct Analyzer {
    pack: Pack,
}

#[wasm_bindgen]
impl Analyzer {
    /// A built-in pack by id ("base", "agency-24h", ...), or a pack's TOML text,
    /// which may extend built-in packs or the `others` (an object: name → TOML).
    /// Throws a pack error with file, line and column.
    #[wasm_bindgen(constructor)]
    pub fn new(name: &str, toml: Option<String>, others: JsValue) -> Result<Analyzer, JsValue> {
        let others: BTreeMap<String, String> = if others.is_null() || others.is_undefined() {
            BTreeMap::new()
        } else {
            from_js(others, "the other packs")?
        };
        load(name, toml, others).map(|pack| Analyzer { pack }).map_err(|e| pack_error(&e))
    }

    /// Analyses `{incoming, draft, now?}` and returns the report with UTF-16 spans.
    pub fn analyze(&self, exchange: JsValue) -> Result<JsValue, JsValue> {
        let ex: Exchange = from_js(exchange, "the exchange")?;
        let mut report = analyze(&ex, &self.pack);
        report.convert(Unit::Utf16, &ex.incoming.body, &ex.draft.body);
        to_js(&report)
    }

    /// The pack's templates: id, title, language, text, fill.
    pub fn templates(&self) -> Result<JsValue, JsValue> {
        to_js(&self.pack.templates())
    }

    /// Renders a template; `values` may override placeholders, `exchange` fills names and the deadline.
    #[wasm_bindgen(js_name = renderTemplate)]
    pub fn render_template(&self, id: &str, exchange: JsValue, values: JsValue) -> Result<JsValue, JsValue> {
        let ex: Option<Exchange> =
            if exchange.is_null() || exchange.is_undefined() { None } else { Some(from_js(exchange, "the exchange")?) };
        let extra: BTreeMap<String, String> = if values.is_null() || values.is_undefined() {
            BTreeMap::new()
        } else {
            from_js(values, "the template values")?
        };
        let mut r = crate::template::render(&self.pack, id, ex.as_ref(), &extra).map_err(|m| error("template", &m))?;
        let map = crate::text::OffsetMap::new(&r.text);
        for (_, s) in &mut r.unfilled {
            *s = crate::text::Span::new(map.byte_to_utf16(s.start), map.byte_to_utf16(s.end));
        }
        to_js(&r)
    }

    /// The pack's id, name, version, languages and check switches.
    #[wasm_bindgen(js_name = packInfo)]
    pub fn pack_info(&self) -> Result<JsValue, JsValue> {
        let m = &self.pack.source.pack;
        let info = PackInfo {
            id: &m.id,
            name: &m.name,
            version: &m.version,
            languages: &m.languages,
            templates: self.pack.templates().len(),
            rules: self.pack.rules.len(),
            tests: self.pack.source.tests.len(),
            checks: crate::checks::REGISTRY
                .iter()
                .map(|c| CheckInfo { id: c.id(), enabled: self.pack.check_settings(c.id()).0 })
                .collect(),
        };
        to_js(&info)
    }
}

/// Validates a pack without keeping it: returns its info or throws the pack error.
#[wasm_bindgen(js_name = validatePack)]
pub fn validate_pack(name: &str, toml: String, others: JsValue) -> Result<JsValue, JsValue> {
    let a = Analyzer::new(name, Some(toml), others)?;
    a.pack_info()
}

/// Test builds only: a panic inside the wasm, to check the extension survives it.
#[cfg(feature = "test-crash")]
#[wasm_bindgen(js_name = forceCrash)]
pub fn force_crash() {
    panic!("forced crash for the extension's tests");
}

/// Ids of the built-in packs.
#[wasm_bindgen(js_name = builtinPacks)]
pub fn builtin_packs() -> Result<JsValue, JsValue> {
    to_js(&crate::pack::builtin::IDS)
}
