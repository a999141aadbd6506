//! The language data of a pack: `[lang.ru]`, `[lang.uk]`, `[lang.en]`.

use super::*;

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
