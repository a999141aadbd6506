//! Rule packs: the format ([`schema`]), loading and merging ([`load`]), the
//! built-in packs ([`builtin`]) and the compiled [`Pack`] the checks read.
//! Phrase lists are compiled into [`PhraseSet`]s and regexes are built once
//! here, at load; analysis never compiles anything.

pub mod builtin;
mod deadline;
mod error;
pub mod load;
pub mod merge;
mod placeholders;
pub mod schema;
pub mod validate;

pub use error::PackError;
pub use placeholders::placeholders;
pub use schema::*;

use crate::text::{Abbreviations, Lang, LangDetector, PhraseSet, Stemmers, TextConfig, normalize};
use std::collections::{BTreeMap, HashSet};

/// A tone marker ready for matching.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkerInfo {
    pub phrase: String,
    pub weight: f64,
    pub suggestion: Option<String>,
    pub note: Option<String>,
}

/// Phrase sets for mail structure, from all languages of the pack together:
/// a Russian client may still sign "Best regards".
#[derive(Clone, Debug, Default)]
pub struct MailSets {
    pub greetings: PhraseSet,
    pub signoffs: PhraseSet,
    pub signature_lines: PhraseSet,
    pub disclaimers: PhraseSet,
    pub quote_wrote: PhraseSet,
    pub quote_from: PhraseSet,
    pub quote_fields: PhraseSet,
    pub quote_separators: PhraseSet,
    pub subject_prefixes: HashSet<String>,
}

/// A compiled answer kind.
#[derive(Clone, Debug)]
pub struct AnswerKindSets {
    pub id: String,
    pub question: PhraseSet,
    pub answer: PhraseSet,
    pub needs_topic: bool,
}

/// Everything compiled for one language.
#[derive(Clone, Debug, Default)]
pub struct LangSets {
    pub lang: Option<Lang>,
    pub stopwords: rustc_hash::FxHashSet<String>,
    pub date_words: PhraseSet,
    pub time_words: PhraseSet,
    pub amount_words: PhraseSet,
    pub number_words: PhraseSet,
    pub small_talk: PhraseSet,
    pub requests: PhraseSet,
    pub politeness: PhraseSet,
    pub imperative_endings: Vec<String>,
    pub ask_verbs: PhraseSet,
    pub infinitive_endings: Vec<String>,
    pub embedded: PhraseSet,
    pub embedded_links: PhraseSet,
    pub not_requests: PhraseSet,
    pub interrogatives: PhraseSet,
    pub ordinals: PhraseSet,
    pub answer_kinds: Vec<AnswerKindSets>,
    pub decline: PhraseSet,
    pub evasion: PhraseSet,
    pub promise: PhraseSet,
    pub yes_no: PhraseSet,
    pub formal: PhraseSet,
    pub formal_info: Vec<MarkerInfo>,
    pub familiar: PhraseSet,
    pub familiar_info: Vec<MarkerInfo>,
    pub informal_you: PhraseSet,
    pub informal_you_info: Vec<MarkerInfo>,
    pub informal_you_endings: Vec<String>,
    pub polite_you: PhraseSet,
    pub not_informal: PhraseSet,
    pub verbal_noun_endings: Vec<String>,
    pub warm: PhraseSet,
    pub summary_markers: PhraseSet,
    pub client_requests: PhraseSet,
    pub next_steps: PhraseSet,
    pub deadlines: PhraseSet,
    pub ritual: PhraseSet,
    pub skeleton: String,
    pub internal_details: PhraseSet,
    pub vague_promises: PhraseSet,
    pub acknowledgements: PhraseSet,
    pub client_questions: PhraseSet,
    pub messages: BTreeMap<String, String>,
}

impl LangSets {
    /// The finding message `key` in this language with `{placeholders}` filled.
    pub fn message(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut m = self.messages.get(key).cloned().unwrap_or_else(|| key.to_string());
        for (k, v) in args {
            m = m.replace(&format!("{{{k}}}"), v);
        }
        m
    }
}

/// A phrase rule of the agency, compiled.
#[derive(Clone, Debug)]
pub struct CompiledRule {
    pub id: String,
    pub kind: RuleKind,
    pub message: String,
    pub severity: Severity,
    pub languages: Vec<Lang>,
    pub phrases: PhraseSet,
    pub regex: Vec<regex_lite::Regex>,
    /// For substitution rules: replacement per phrase id.
    pub replacements: Vec<String>,
}

/// A loaded, merged and compiled pack.
#[derive(Debug)]
pub struct Pack {
    pub source: PackSource,
    /// Every file that took part (name, text), most basic first.
    pub files: load::SourceFiles,
    pub text: TextConfig,
    pub stemmers: Stemmers,
    pub mail: MailSets,
    /// Stopwords of all languages together.
    pub stopwords: rustc_hash::FxHashSet<String>,
    langs: [LangSets; 3],
    pub rules: Vec<CompiledRule>,
}

fn set(list: &[String]) -> PhraseSet {
    let mut s = PhraseSet::new();
    for (i, p) in list.iter().enumerate() {
        // Every list is validated at load (tests/packs.rs proves it for each
        // list of the schema), so this cannot fail for a loaded pack.
        let added = s.add(p, i as u32);
        debug_assert!(added.is_ok(), "phrase {p:?} reached compile unvalidated");
    }
    s
}

fn marker_set(list: &[Marker]) -> (PhraseSet, Vec<MarkerInfo>) {
    let mut s = PhraseSet::new();
    let mut info = Vec::with_capacity(list.len());
    for (i, m) in list.iter().enumerate() {
        let added = s.add(m.phrase(), i as u32);
        debug_assert!(added.is_ok(), "marker {:?} reached compile unvalidated", m.phrase());
        info.push(match m {
            Marker::Phrase(p) => MarkerInfo { phrase: p.clone(), weight: 0.5, suggestion: None, note: None },
            Marker::Weighted(w) => MarkerInfo {
                phrase: w.phrase.clone(),
                weight: w.weight.unwrap_or(0.5),
                suggestion: w.suggestion.clone(),
                note: w.note.clone(),
            },
        });
    }
    (s, info)
}

fn endings(list: &[String]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| normalize(s)).collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    v
}

impl LangSets {
    fn compile(lang: Lang, d: &LangData) -> LangSets {
        let (formal, formal_info) = marker_set(&d.tone.formal);
        let (familiar, familiar_info) = marker_set(&d.tone.familiar);
        let (informal_you, informal_you_info) = marker_set(&d.tone.informal_you);
        LangSets {
            lang: Some(lang),
            stopwords: d.text.stopwords.iter().map(|w| normalize(w)).collect(),
            date_words: set(&d.text.date_words),
            time_words: set(&d.text.time_words),
            amount_words: set(&d.text.amount_words),
            number_words: set(&d.text.number_words),
            small_talk: set(&d.questions.small_talk),
            requests: set(&d.questions.requests),
            politeness: set(&d.questions.politeness),
            imperative_endings: endings(&d.questions.imperative_endings),
            ask_verbs: set(&d.questions.ask_verbs),
            infinitive_endings: endings(&d.questions.infinitive_endings),
            embedded: set(&d.questions.embedded),
            embedded_links: set(&d.questions.embedded_links),
            not_requests: set(&d.questions.not_requests),
            interrogatives: set(&d.questions.interrogatives),
            ordinals: set(&d.questions.ordinals),
            answer_kinds: d
                .answers
                .kinds
                .iter()
                .map(|k| AnswerKindSets {
                    id: k.id.clone(),
                    question: set(&k.question),
                    answer: set(&k.answer),
                    needs_topic: k.needs_topic.unwrap_or(true),
                })
                .collect(),
            decline: set(&d.answers.decline),
            evasion: set(&d.answers.evasion),
            promise: set(&d.answers.promise),
            yes_no: set(&d.answers.yes_no),
            formal,
            formal_info,
            familiar,
            familiar_info,
            informal_you,
            informal_you_info,
            informal_you_endings: endings(&d.tone.informal_you_endings),
            polite_you: set(&d.tone.polite_you),
            not_informal: set(&d.tone.not_informal),
            verbal_noun_endings: endings(&d.tone.verbal_noun_endings),
            warm: set(&d.tone.warm),
            summary_markers: set(&d.summary.markers),
            client_requests: set(&d.summary.client_requests),
            next_steps: set(&d.summary.next_steps),
            deadlines: set(&d.summary.deadlines),
            ritual: set(&d.summary.ritual),
            skeleton: d.summary.skeleton.clone(),
            internal_details: set(&d.rules.internal_details),
            vague_promises: set(&d.rules.vague_promises),
            acknowledgements: set(&d.rules.acknowledgements),
            client_questions: set(&d.rules.client_questions),
            messages: d.messages.clone(),
        }
    }
}

impl Pack {
    /// Compiles a merged pack source.
    pub fn compile(source: PackSource, files: load::SourceFiles) -> Result<Pack, PackError> {
        let langs_data = [source.lang.ru.clone(), source.lang.uk.clone(), source.lang.en.clone()];
        let mut abbreviations = Abbreviations::default();
        let mut detect: Vec<(Lang, String)> = Vec::new();
        let mut mail = MailData::default();
        let mut uk_suffixes = Vec::new();
        for (lang, d) in Lang::CONCRETE.iter().zip(&langs_data) {
            let Some(d) = d else { continue };
            abbreviations.inner.extend(d.text.abbreviations.iter().map(|a| normalize(a)));
            abbreviations.terminal.extend(d.text.end_abbreviations.iter().map(|a| normalize(a)));
            detect.extend(d.text.detect_words.iter().map(|w| (*lang, w.clone())));
            if *lang == Lang::Uk {
                uk_suffixes = d.text.stem_suffixes.iter().map(|s| normalize(s)).collect();
            }
            let m = &d.mail;
            mail.greetings.extend(m.greetings.iter().cloned());
            mail.signoffs.extend(m.signoffs.iter().cloned());
            mail.signature_lines.extend(m.signature_lines.iter().cloned());
            mail.disclaimers.extend(m.disclaimers.iter().cloned());
            mail.quote_wrote.extend(m.quote_wrote.iter().cloned());
            mail.quote_from.extend(m.quote_from.iter().cloned());
            mail.quote_fields.extend(m.quote_fields.iter().cloned());
            mail.quote_separators.extend(m.quote_separators.iter().cloned());
            mail.subject_prefixes.extend(m.subject_prefixes.iter().cloned());
        }
        let text =
            TextConfig { abbreviations, detector: LangDetector::new(detect.iter().map(|(l, w)| (*l, w.as_str()))) };
        let mail_sets = MailSets {
            greetings: set(&mail.greetings),
            signoffs: set(&mail.signoffs),
            signature_lines: set(&mail.signature_lines),
            disclaimers: set(&mail.disclaimers),
            quote_wrote: set(&mail.quote_wrote),
            quote_from: set(&mail.quote_from),
            quote_fields: set(&mail.quote_fields),
            quote_separators: set(&mail.quote_separators),
            subject_prefixes: mail.subject_prefixes.iter().map(|p| normalize(p)).collect(),
        };
        let langs = [0, 1, 2].map(|i| match &langs_data[i] {
            Some(d) => LangSets::compile(Lang::CONCRETE[i], d),
            None => LangSets::default(),
        });
        let mut rules = Vec::new();
        for (i, r) in source.rules.iter().enumerate() {
            let mut regexes = Vec::new();
            for (j, re) in r.regex.iter().enumerate() {
                let compiled = validate::compile_regex(re).map_err(|e| {
                    let path = [
                        load::Seg::Key("rules".into()),
                        load::Seg::Index(i),
                        load::Seg::Key("regex".into()),
                        load::Seg::Index(j),
                    ];
                    match load::locate_in(&files, &path) {
                        Some((f, src, off)) => PackError::at(&f, &src, Some(off), e),
                        None => PackError::whole("pack", e),
                    }
                })?;
                regexes.push(compiled);
            }
            let (phrases, replacements) = if r.kind == RuleKind::Substitution {
                let mut s = PhraseSet::new();
                let mut reps = Vec::new();
                for (k, (from, to)) in r.swap.iter().enumerate() {
                    let _ = s.add(from, k as u32);
                    reps.push(to.clone());
                }
                (s, reps)
            } else {
                (set(&r.phrases), Vec::new())
            };
            rules.push(CompiledRule {
                id: r.id.clone(),
                kind: r.kind,
                message: r.message.clone(),
                severity: r.severity.unwrap_or_default(),
                languages: r.languages.iter().filter_map(|l| Lang::from_code(l)).collect(),
                phrases,
                regex: regexes,
                replacements,
            });
        }
        let stopwords = langs.iter().flat_map(|l| l.stopwords.iter().cloned()).collect();
        Ok(Pack { stemmers: Stemmers::new(uk_suffixes), source, files, text, mail: mail_sets, stopwords, langs, rules })
    }

    pub fn id(&self) -> &str {
        &self.source.pack.id
    }

    /// Compiled data for a language; `Mixed` is not a language here.
    pub fn lang(&self, lang: Lang) -> &LangSets {
        match lang {
            Lang::Ru => &self.langs[0],
            Lang::Uk => &self.langs[1],
            Lang::En | Lang::Mixed => &self.langs[2],
        }
    }

    pub fn check_settings(&self, id: &str) -> (bool, Option<Severity>) {
        let c = &self.source.checks;
        let basic =
            |b: &Option<BasicCheck>| b.as_ref().map_or((true, None), |b| (b.enabled.unwrap_or(true), b.severity));
        match id {
            "unanswered_questions" => {
                c.unanswered_questions.as_ref().map_or((true, None), |b| (b.enabled.unwrap_or(true), b.severity))
            }
            "tone" => c.tone.as_ref().map_or((true, None), |b| (b.enabled.unwrap_or(true), b.severity)),
            "summary" => c.summary.as_ref().map_or((true, None), |b| (b.enabled.unwrap_or(true), b.severity)),
            "question_list" => {
                c.question_list.as_ref().map_or((true, None), |b| (b.enabled.unwrap_or(true), b.severity))
            }
            "question_order" => basic(&c.question_order),
            "subject_changed" => basic(&c.subject_changed),
            "reply_all" => basic(&c.reply_all),
            "internal_details" => basic(&c.internal_details),
            "vague_promise" => basic(&c.vague_promise),
            "ack_deadline" => basic(&c.ack_deadline),
            "phrase_rules" => basic(&c.phrase_rules),
            _ => (true, None),
        }
    }

    /// The tone band (min, max) on the formality scale.
    pub fn tone_band(&self) -> (f64, f64) {
        let b = self.source.checks.tone.as_ref().and_then(|t| t.band.clone()).unwrap_or_default();
        (b.min.unwrap_or(-0.3), b.max.unwrap_or(0.35))
    }

    pub fn summary_min_words(&self) -> usize {
        self.source.checks.summary.as_ref().and_then(|s| s.min_words).unwrap_or(80) as usize
    }

    pub fn min_coverage(&self) -> f64 {
        self.source.checks.unanswered_questions.as_ref().and_then(|s| s.min_coverage).unwrap_or(0.5)
    }

    pub fn question_list_min(&self) -> usize {
        self.source.checks.question_list.as_ref().and_then(|s| s.min_questions).unwrap_or(2) as usize
    }

    pub fn templates(&self) -> &[Template] {
        &self.source.templates
    }
}
