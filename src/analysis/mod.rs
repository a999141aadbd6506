//! Analyses: facts about an exchange that several checks share, computed
//! once and lazily on the [`Context`]: the client's asks and their answers
//! in the draft ([`Context::answers`]), the closing ([`Context::closing`]),
//! the tone ([`Context::tone`]). Checks read these facts and turn them into
//! findings; no check depends on another check having run.
//!
//! The answer model is split by step: [`asks`] finds the client's questions,
//! [`units`] prepares the draft's sentences, [`matching`] measures topic
//! coverage, [`decision`] decides which sentence answers which question,
//! [`order`] uses the order of the answers, [`answers`] builds the report's
//! view. docs/answers.md describes the model.

use crate::mail::{Exchange, Parts, split_parts};
use crate::pack::{LangSets, Pack};
use crate::report::{QuestionResult, SummaryResult};
use crate::text::{Document, Evidence, Lang, Sentence, Span};
use std::cell::OnceCell;

pub mod answers;
pub mod asks;
pub mod closing;
pub mod decision;
pub mod matching;
pub mod order;
pub mod signals;
pub mod tone;
pub mod units;

fn lang_of(doc: &Document, span: Span, fallback: Lang) -> (Lang, Lang) {
    let mut ev = Evidence::default();
    for s in doc.sentences_in(span) {
        ev.add(&s.evidence);
    }
    (ev.primary(fallback), ev.lang(fallback))
}

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
    answers: OnceCell<Vec<QuestionResult>>,
    closing: OnceCell<SummaryResult>,
    tone: OnceCell<tone::ToneAnalysis>,
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
            answers: OnceCell::new(),
            closing: OnceCell::new(),
            tone: OnceCell::new(),
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

    /// The client's questions and requests, each with whether and where the
    /// draft answers it. Computed once, on first use.
    pub fn answers(&self) -> &[QuestionResult] {
        self.answers.get_or_init(|| answers::answers(self))
    }

    /// Whether the draft closes with a summary, and whether it needs one.
    pub fn closing(&self) -> &SummaryResult {
        self.closing.get_or_init(|| closing::closing(self))
    }

    /// The draft's tone: its score, class and the features that moved it.
    pub fn tone(&self) -> &tone::ToneAnalysis {
        self.tone.get_or_init(|| tone::analyze(self))
    }
}
