//! Checks: one per file, each answering one question about an exchange.
//! [`REGISTRY`] is the one place where checks are registered; its order is
//! the order they run in (later checks may read what earlier ones put in the
//! report, e.g. `question_order` reads the questions).

use crate::mail::{Exchange, Parts, split_parts};
use crate::pack::{LangSets, Pack, Severity};
use crate::report::Report;
use crate::text::{Document, Evidence, Lang, Sentence, Span};

pub mod signals;

pub mod ack_deadline;
pub mod internal_details;
pub mod phrase_rules;
pub mod question_list;
pub mod question_order;
pub mod questions;
pub mod reply_all;
pub mod subject_changed;
pub mod summary;
pub mod tone;
pub mod vague_promise;

/// One check. `run` adds findings (and structured results) to the report.
pub trait Check: Sync {
    /// Stable id, used in findings, pack settings (`[checks.<id>]`) and tests.
    fn id(&self) -> &'static str;
    /// Severity when the pack does not set one.
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn run(&self, ctx: &Context<'_>, report: &mut Report);
}

/// Every check, in the order they run.
pub static REGISTRY: &[&dyn Check] = &[
    &questions::UnansweredQuestions,
    &question_order::QuestionOrder,
    &summary::Summary,
    &tone::Tone,
    &subject_changed::SubjectChanged,
    &reply_all::ReplyAll,
    &question_list::QuestionList,
    &internal_details::InternalDetails,
    &vague_promise::VaguePromise,
    &ack_deadline::AckDeadline,
    &phrase_rules::PhraseRules,
];

/// What every check reads: the exchange, the pack, and both bodies parsed once.
pub struct Context<'a> {
    pub exchange: &'a Exchange,
    pub pack: &'a Pack,
    pub incoming: Document,
    pub draft: Document,
    pub incoming_parts: Parts,
    pub draft_parts: Parts,
    /// Language of the draft's new text (concrete); messages use it.
    pub lang: Lang,
    /// `Mixed` when the draft mixes languages.
    pub lang_detected: Lang,
    pub incoming_lang: Lang,
    /// Stems computed so far in this analysis, Russian/English rules and
    /// Ukrainian rules apart: a word is stemmed once.
    stems: [std::cell::RefCell<rustc_hash::FxHashMap<String, String>>; 2],
}

fn lang_of(doc: &Document, span: Span, fallback: Lang) -> (Lang, Lang) {
    let mut ev = Evidence::default();
    for s in doc.sentences_in(span) {
        ev.add(&s.evidence);
    }
    (ev.primary(fallback), ev.lang(fallback))
}

impl<'a> Context<'a> {
    pub fn new(exchange: &'a Exchange, pack: &'a Pack) -> Context<'a> {
        let fallback = pack.source.pack.languages.first().and_then(|l| Lang::from_code(l)).unwrap_or(Lang::En);
        let incoming = Document::new(exchange.incoming.body.clone(), &pack.text, fallback);
        let draft = Document::new(exchange.draft.body.clone(), &pack.text, fallback);
        let stop = |w: &str| pack.stopwords.contains(w);
        let incoming_parts = split_parts(&incoming, &pack.mail, &stop);
        let draft_parts = split_parts(&draft, &pack.mail, &stop);
        let (incoming_lang, _) = lang_of(&incoming, incoming_parts.written(), incoming.primary_lang());
        let fallback_draft = if draft_parts.written().is_empty() { incoming_lang } else { draft.primary_lang() };
        let (lang, lang_detected) = lang_of(&draft, draft_parts.written(), fallback_draft);
        Context {
            exchange,
            pack,
            incoming,
            draft,
            incoming_parts,
            draft_parts,
            lang,
            lang_detected,
            incoming_lang,
            stems: Default::default(),
        }
    }

    /// Language data of the draft's language: messages, markers.
    pub fn sets(&self) -> &'a LangSets {
        self.pack.lang(self.lang)
    }

    /// Language data for one sentence.
    pub fn sets_for(&self, s: &Sentence) -> &'a LangSets {
        self.pack.lang(s.lang)
    }

    pub fn severity(&self, check: &dyn Check) -> Severity {
        self.pack.check_settings(check.id()).1.unwrap_or(check.default_severity())
    }

    /// Sentences of the draft's new text, greeting and sign-off line included.
    pub fn draft_written(&self) -> impl Iterator<Item = &Sentence> {
        self.draft.sentences_in(self.draft_parts.written())
    }

    /// Sentences of the draft between greeting and sign-off.
    pub fn draft_body(&self) -> impl Iterator<Item = &Sentence> {
        self.draft.sentences_in(self.draft_parts.body)
    }

    /// Sentences of the client's latest message, greeting included.
    pub fn incoming_written(&self) -> impl Iterator<Item = &Sentence> {
        self.incoming.sentences_in(self.incoming_parts.written())
    }

    /// The stem of a word (normal form), computed once per analysis.
    pub fn stem(&self, lang: Lang, word: &str) -> String {
        let cache = &self.stems[usize::from(lang == Lang::Uk)];
        if let Some(s) = cache.borrow().get(word) {
            return s.clone();
        }
        let s = self.pack.stemmers.stem(lang, word);
        cache.borrow_mut().insert(word.to_string(), s.clone());
        s
    }

    /// Whether a word (normal form) is a stopword in any language.
    pub fn is_stopword(&self, w: &str) -> bool {
        self.pack.stopwords.contains(w)
    }

    /// Words of the draft's body, a rough length.
    pub fn draft_word_count(&self) -> usize {
        self.draft_body().map(|s| self.draft.words(s.body.clone()).len()).sum()
    }
}

/// Runs every enabled check.
pub fn run_all(ctx: &Context<'_>, report: &mut Report) {
    for check in REGISTRY {
        if ctx.pack.check_settings(check.id()).0 {
            check.run(ctx, report);
            report.checks_run.push(check.id());
        }
    }
}

/// Helpers for the checks' own tests: the base pack, loaded once.
#[cfg(test)]
pub(crate) mod testing {
    use crate::mail::{Exchange, Message};
    use crate::pack::Pack;
    use crate::report::Report;
    use std::sync::OnceLock;

    pub fn pack() -> &'static Pack {
        static P: OnceLock<Pack> = OnceLock::new();
        P.get_or_init(Pack::base)
    }

    pub fn exchange(incoming: &str, draft: &str) -> Exchange {
        Exchange {
            incoming: Message { body: incoming.into(), ..Message::default() },
            draft: Message { body: draft.into(), ..Message::default() },
            now: None,
        }
    }

    pub fn run(incoming: &str, draft: &str) -> Report {
        crate::analyze(&exchange(incoming, draft), pack())
    }

    /// Ids of the rules that fired.
    pub fn fired(r: &Report) -> Vec<&str> {
        r.findings.iter().map(|f| f.rule.as_str()).collect()
    }

    /// (question text, answered) pairs.
    pub fn questions(incoming: &str, draft: &str) -> Vec<(String, bool)> {
        let r = run(incoming, draft);
        r.questions.iter().map(|q| (q.span.slice(incoming).to_string(), q.answered)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_ids_are_unique_and_configurable_in_packs() {
        let schema = serde_json::to_value(crate::pack::ChecksConfig::default()).unwrap();
        let keys: Vec<String> = schema.as_object().unwrap().keys().cloned().collect();
        let mut seen = std::collections::BTreeSet::new();
        for c in REGISTRY {
            assert!(seen.insert(c.id()), "duplicate check id {}", c.id());
            assert!(
                keys.contains(&c.id().to_string()),
                "check {} has no [checks.{}] settings in the pack schema",
                c.id(),
                c.id()
            );
        }
        assert_eq!(seen.len(), keys.len(), "pack schema lists checks that are not registered: {keys:?}");
    }
}
