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

pack_type! {
    pub struct LangTable {
        pub ru: Option<LangData>,
        pub uk: Option<LangData>,
        pub en: Option<LangData>,
    }
}

pack_type! {
    /// Everything the checks know about one language. Phrases use the pattern
    /// syntax of docs/packs.md: `word*` is a prefix, a lone `*` skips up to three words.
    pub struct LangData {
        pub text: TextData,
        pub mail: MailData,
        pub questions: QuestionData,
        pub answers: AnswerData,
        pub tone: ToneData,
        pub summary: SummaryData,
        pub rules: RuleData,
        /// Finding messages in this language; `{placeholders}` are filled by the checks.
        pub messages: BTreeMap<String, String>,
    }
}

pack_type! {
    pub struct TextData {
        /// Frequent words that tell this language from the other two.
        pub detect_words: Vec<String>,
        /// Abbreviations that never end a sentence, with their dots: "т.е.", "mr.".
        pub abbreviations: Vec<String>,
        /// Abbreviations that end a sentence when a capital follows: "etc.", "руб.".
        pub end_abbreviations: Vec<String>,
        /// Words that carry no topic (pronouns, prepositions, fillers).
        pub stopwords: Vec<String>,
        /// Suffixes stripped by the light stemmer (used where no Snowball stemmer exists).
        pub stem_suffixes: Vec<String>,
        /// Month names and other date words (prefix patterns allowed).
        pub date_words: Vec<String>,
        /// Relative time: today, tomorrow, weekdays, "end of day".
        pub time_words: Vec<String>,
        /// Words after a number that make it an amount: currencies, "%", "часов".
        pub amount_words: Vec<String>,
        /// Numbers written as words: "два", "three", "пару".
        pub number_words: Vec<String>,
        pub remove: BTreeMap<String, Vec<String>>,
    }
}

pack_type! {
    pub struct MailData {
        /// Greeting phrases that open a message: "добрый день", "hi".
        pub greetings: Vec<String>,
        /// Sign-off lines: "с уважением", "best regards", "дякую".
        pub signoffs: Vec<String>,
        /// Lines that start a signature by themselves: "sent from my iphone".
        pub signature_lines: Vec<String>,
        /// Openings of legal disclaimers.
        pub disclaimers: Vec<String>,
        /// Words before the colon of an "... wrote:" quote header.
        pub quote_wrote: Vec<String>,
        /// Header labels that open a quoted message: "from", "от", "від".
        pub quote_from: Vec<String>,
        /// Other header labels: "sent", "to", "subject", "кому", "тема".
        pub quote_fields: Vec<String>,
        /// Words of separator lines: "original message", "исходное сообщение".
        pub quote_separators: Vec<String>,
        /// Subject prefixes of replies and forwards: "re", "fwd", "отв", "відп".
        pub subject_prefixes: Vec<String>,
        pub remove: BTreeMap<String, Vec<String>>,
    }
}

pack_type! {
    pub struct QuestionData {
        /// Small talk that is not a question to answer: "как дела", "how are you".
        pub small_talk: Vec<String>,
        /// Phrases that make a sentence a request: "подскажите", "could you", "please send".
        pub requests: Vec<String>,
        /// Polite request words; with an imperative ending they make a request: "пожалуйста".
        pub politeness: Vec<String>,
        /// Endings of polite imperatives: "ите", "йте" (with `politeness` nearby).
        pub imperative_endings: Vec<String>,
        /// Verbs of asking followed by an infinitive: "прошу", "просим", "просят".
        pub ask_verbs: Vec<String>,
        /// Endings of infinitives: "ть", "ти".
        pub infinitive_endings: Vec<String>,
        /// Openers of embedded questions: "интересно", "хотим понять", "не уверен".
        pub embedded: Vec<String>,
        /// Words that make the embedded clause a question: "ли", "чи", "whether", "когда".
        pub embedded_links: Vec<String>,
        /// Openers that make a question even without "?" ("можно ли", "чи можна", "is it possible").
        pub interrogatives: Vec<String>,
        /// Phrases that look like requests but are not: "please find attached".
        pub not_requests: Vec<String>,
        /// Phrases that refer to a question by number: "по первому вопросу" (with the number as a word).
        pub ordinals: Vec<String>,
        pub remove: BTreeMap<String, Vec<String>>,
    }
}

pack_type! {
    pub struct AnswerData {
        /// Kinds of questions and what answers them (when → a date, how much → an amount...).
        pub kinds: Vec<AnswerKind>,
        /// A refusal with a reason counts as an answer: "не сможем", "unfortunately".
        pub decline: Vec<String>,
        /// Evasions do not count as answers: "требует рассмотрения", "good question".
        pub evasion: Vec<String>,
        /// A promise of an answer with a time counts: "пришлём", "will send".
        pub promise: Vec<String>,
        /// Yes/no answers: "да", "нет", "yes", "можно".
        pub yes_no: Vec<String>,
        pub remove: BTreeMap<String, Vec<String>>,
    }
}

pack_type! {
    pub struct AnswerKind {
        /// "when", "amount", "count", "confirm", "yes_no", "send", "review", "reason", "choice".
        pub id: String,
        /// Phrases in a question that ask for this kind of answer.
        pub question: Vec<String>,
        /// Phrases in a reply that give it (dates and amounts are also found by the checker).
        pub answer: Vec<String>,
        /// Whether the question's topic words must also appear near the answer (default true).
        pub needs_topic: Option<bool>,
    }
}

pack_type! {
    pub struct ToneData {
        /// Bureaucratese, ritual phrases: push the score up. Strings or `{ phrase, weight, suggestion }`.
        pub formal: Vec<Marker>,
        /// Slang, dismissiveness, over-familiarity: push the score down.
        pub familiar: Vec<Marker>,
        /// Forms addressing the client as "ты"/"ти": pronouns and 2nd-person singular verbs.
        pub informal_you: Vec<Marker>,
        /// Verb endings of 2nd person singular ("ешь", "ишь") for verbs not listed.
        pub informal_you_endings: Vec<String>,
        /// Polite "Вы" forms: evidence of the semi-formal middle.
        pub polite_you: Vec<String>,
        /// Words that look like "ты" forms but are not (e.g. "тысяч").
        pub not_informal: Vec<String>,
        /// Endings of verbal nouns ("ание", "ение", "ация") whose chains make text stiff.
        pub verbal_noun_endings: Vec<String>,
        /// Warm plain phrases ("спасибо", "thanks"): pull towards the middle.
        pub warm: Vec<String>,
        pub remove: BTreeMap<String, Vec<String>>,
    }
}

/// A tone marker: a phrase, or a table with weight, suggestion and note.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(untagged)]
pub enum Marker {
    Phrase(String),
    Weighted(WeightedMarker),
}

pack_type! {
    pub struct WeightedMarker {
        pub phrase: String,
        /// 0..1; how strongly one occurrence pushes the tone (default 0.5).
        pub weight: Option<f64>,
        /// A plainer replacement the user can click.
        pub suggestion: Option<String>,
        /// Why this reads as out of register.
        pub note: Option<String>,
    }
}

impl Marker {
    pub fn phrase(&self) -> &str {
        match self {
            Marker::Phrase(p) => p,
            Marker::Weighted(w) => &w.phrase,
        }
    }
}

pack_type! {
    pub struct SummaryData {
        /// Openers of a closing summary: "итого", "to sum up", "next step".
        pub markers: Vec<String>,
        /// Requests to the client in a closing: "подтвердите", "please confirm", "let me know".
        pub client_requests: Vec<String>,
        /// Our own next step: "начнём", "we'll start", "пришлём".
        pub next_steps: Vec<String>,
        /// Deadline phrases: "до пятницы", "by Friday", "не позднее".
        pub deadlines: Vec<String>,
        /// Closings that are ritual, not a summary: "надеемся на сотрудничество".
        pub ritual: Vec<String>,
        /// The skeleton offered when a summary is missing.
        pub skeleton: String,
        pub remove: BTreeMap<String, Vec<String>>,
    }
}

pack_type! {
    pub struct RuleData {
        /// Internal details the client does not need: "на больничном", "директор не хочет".
        pub internal_details: Vec<String>,
        /// Promises without a time: "в ближайшее время", "as soon as possible".
        pub vague_promises: Vec<String>,
        /// Receipt confirmations: "получили", "got it".
        pub acknowledgements: Vec<String>,
        /// Questions to the client are marked by these in running text too: "подскажите", "could you".
        pub client_questions: Vec<String>,
        pub remove: BTreeMap<String, Vec<String>>,
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
