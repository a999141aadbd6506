//! The rule-pack format: what a pack file may contain. Decoded strictly
//! (unknown keys are errors). docs/packs.md explains each part; `replylint
//! pack schema` prints the JSON Schema generated from these types.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

macro_rules! pack_type {
    ($(#[$m:meta])* $v:vis struct $name:ident { $($body:tt)* }) => {
        $(#[$m])*
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
        #[serde(deny_unknown_fields, default)]
        $v struct $name { $($body)* }
    };
}

// The language data (`[lang.xx]`) lives in schema/lang.rs.
mod lang;
pub use lang::*;

pack_type! {
    /// A whole pack file.
    pub struct PackSource {
        pub pack: PackMeta,
        pub checks: ChecksConfig,
        /// Language data, one table per language: `[lang.ru]`, `[lang.uk]`, `[lang.en]`.
        pub lang: LangTable,
        /// Phrase rules of the agency: existence, substitution, required.
        pub rules: Vec<PhraseRule>,
        pub response_time: Option<ResponseTime>,
        pub templates: Vec<Template>,
        /// Bad/good examples that `replylint pack test` runs; a pack whose tests fail is refused.
        pub tests: Vec<PackTest>,
        /// Inherited entries to drop: `remove.rules = ["id"]`, `remove.templates = ["id"]`.
        pub remove: RemoveTop,
    }
}

pack_type! {
    pub struct PackMeta {
        /// Lower-case id: letters, digits and dashes.
        pub id: String,
        pub name: String,
        pub version: String,
        /// Languages the pack is meant for: "ru", "uk", "en".
        pub languages: Vec<String>,
        /// Built-in pack ids or paths of packs this one builds on, applied in order:
        /// `extends = "base"` or `extends = ["base", "../shared.toml"]`.
        pub extends: OneOrMany,
        pub description: String,
    }
}

/// A string or a list of strings.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl Default for OneOrMany {
    fn default() -> Self {
        OneOrMany::Many(Vec::new())
    }
}

impl OneOrMany {
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

pack_type! {
    pub struct RemoveTop {
        pub rules: Vec<String>,
        pub templates: Vec<String>,
        pub tests: Vec<String>,
    }
}

pack_type! {
    /// Per-check settings. Each key is a check id (see `replylint pack schema`).
    pub struct ChecksConfig {
        pub unanswered_questions: Option<QuestionsCheck>,
        pub question_order: Option<BasicCheck>,
        pub tone: Option<ToneCheck>,
        pub summary: Option<SummaryCheck>,
        pub subject_changed: Option<BasicCheck>,
        pub reply_all: Option<BasicCheck>,
        pub question_list: Option<QuestionListCheck>,
        pub internal_details: Option<BasicCheck>,
        pub vague_promise: Option<BasicCheck>,
        pub ack_deadline: Option<BasicCheck>,
        pub phrase_rules: Option<BasicCheck>,
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A suggestion; shown quietly.
    Hint,
    #[default]
    Warning,
    /// Something the client will notice.
    Error,
}

pack_type! {
    pub struct BasicCheck {
        pub enabled: Option<bool>,
        pub severity: Option<Severity>,
    }
}

pack_type! {
    pub struct QuestionsCheck {
        pub enabled: Option<bool>,
        pub severity: Option<Severity>,
        /// Share of a question's topic weight the answer must cover, 0..1 (default 0.5).
        pub min_coverage: Option<f64>,
    }
}

pack_type! {
    pub struct ToneCheck {
        pub enabled: Option<bool>,
        pub severity: Option<Severity>,
        /// The agency's tone band on the formality scale -1 (familiar) .. 1 (formal).
        pub band: Option<Band>,
    }
}

pack_type! {
    pub struct Band {
        pub min: Option<f64>,
        pub max: Option<f64>,
    }
}

pack_type! {
    pub struct SummaryCheck {
        pub enabled: Option<bool>,
        pub severity: Option<Severity>,
        /// A draft with at least this many words needs a closing summary (default 80).
        pub min_words: Option<u32>,
    }
}

pack_type! {
    pub struct QuestionListCheck {
        pub enabled: Option<bool>,
        pub severity: Option<Severity>,
        /// Questions to the client in running text from which a numbered list is suggested (default 2).
        pub min_questions: Option<u32>,
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// Flag each occurrence of the phrases.
    #[default]
    Existence,
    /// Flag and suggest a replacement: `swap = { "from" = "to" }`.
    Substitution,
    /// The draft must contain one of the phrases.
    Required,
}

pack_type! {
    pub struct PhraseRule {
        /// Stable id, used in findings (`rule:<id>`), tests and `remove`.
        pub id: String,
        #[serde(rename = "type")]
        pub kind: RuleKind,
        pub message: String,
        pub severity: Option<Severity>,
        /// Languages the rule applies to; empty = all.
        pub languages: Vec<String>,
        /// Phrases (pattern syntax) for existence and required rules.
        pub phrases: Vec<String>,
        /// Regular expressions, matched on the draft's text (case-insensitive).
        pub regex: Vec<String>,
        /// For substitution rules: phrase → replacement.
        pub swap: BTreeMap<String, String>,
    }
}

pack_type! {
    pub struct ResponseTime {
        /// Working hours within which a reply (or a promised answer) is due.
        pub hours: Option<f64>,
        /// "09:00".
        pub working_hours_start: Option<String>,
        /// "18:00".
        pub working_hours_end: Option<String>,
        /// "mon".."sun".
        pub working_days: Vec<String>,
        /// "Europe/Kyiv" (IANA), a fixed offset "+02:00", or "local" for the user's clock (default).
        pub time_zone: Option<String>,
    }
}

pack_type! {
    pub struct Template {
        pub id: String,
        pub title: String,
        pub language: String,
        /// Text with `{placeholders}`: client_name, manager_name, deadline, document, date...
        pub text: String,
        /// Placeholders the user fills in by hand (the caret goes to the first).
        pub fill: Vec<String>,
        /// Marks the template the keyboard shortcut inserts.
        pub default: Option<bool>,
    }
}

pack_type! {
    pub struct PackTest {
        /// A check id ("tone", "summary", ...) or `rule:<id>`.
        pub rule: String,
        /// The client's message (optional; some checks need it).
        pub incoming: Option<String>,
        /// A draft that must trigger the rule.
        pub bad: Option<String>,
        /// A draft that must not trigger it.
        pub good: Option<String>,
        pub subject: Option<String>,
    }
}

// Hand-written instead of `#[serde(untagged)]`: an untagged enum buffers
// every value and retries each variant, which costs code size in the wasm and
// gives a vague error ("did not match any variant").
mod de_impls {
    use super::{Marker, OneOrMany, WeightedMarker};
    use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    impl<'de> Deserialize<'de> for Marker {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Marker;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a phrase, or a table { phrase, weight, suggestion, note }")
                }
                fn visit_str<E: de::Error>(self, s: &str) -> Result<Marker, E> {
                    Ok(Marker::Phrase(s.to_string()))
                }
                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Marker, A::Error> {
                    WeightedMarker::deserialize(de::value::MapAccessDeserializer::new(map)).map(Marker::Weighted)
                }
            }
            d.deserialize_any(V)
        }
    }

    impl<'de> Deserialize<'de> for OneOrMany {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = OneOrMany;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a pack id or path, or a list of them")
                }
                fn visit_str<E: de::Error>(self, s: &str) -> Result<OneOrMany, E> {
                    Ok(OneOrMany::One(s.to_string()))
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                    let mut v = Vec::new();
                    while let Some(s) = seq.next_element::<String>()? {
                        v.push(s);
                    }
                    Ok(OneOrMany::Many(v))
                }
            }
            d.deserialize_any(V)
        }
    }
}
