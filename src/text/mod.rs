//! The text model: a [`Document`] over one text, with tokens, sentences,
//! paragraphs and languages, and offsets in bytes, code points and UTF-16.

mod lang;
mod normalize;
mod offsets;
mod phrases;
pub mod sentences;
mod span;
mod stem;
pub mod tokenize;

pub use lang::{Evidence, Lang, LangDetector};
pub use normalize::{is_capitalized, is_lowercase_start, normalize, normalize_into};
pub use offsets::OffsetMap;
pub use phrases::{PhraseMatch, PhraseSet, validate_pattern};
pub use sentences::Abbreviations;
pub use span::Span;
pub use stem::{Stemmers, stems_match};
pub use tokenize::{Token, TokenKind};

use std::ops::Range;

/// What the text model needs from the packs.
#[derive(Clone, Debug, Default)]
pub struct TextConfig {
    pub abbreviations: Abbreviations,
    pub detector: LangDetector,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    pub span: Span,
    /// All tokens of the sentence.
    pub tokens: Range<usize>,
    /// Tokens after a leading list marker ("1.", "—"); equals `tokens` when there is none.
    pub body: Range<usize>,
    /// Concrete language of this sentence (never `Mixed`).
    pub lang: Lang,
    /// Language evidence of this sentence, to sum over parts of a message.
    pub evidence: Evidence,
    pub paragraph: usize,
}

impl Sentence {
    pub fn is_list_item(&self) -> bool {
        self.body.start > self.tokens.start
    }
}

/// A text split into tokens, sentences and paragraphs.
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
    tokens: Vec<Token>,
    norm: String,
    norm_spans: Vec<(u32, u32)>,
    sentences: Vec<Sentence>,
    paragraphs: Vec<Span>,
    lang: Lang,
    primary: Lang,
}

/// Normal forms of the words (and numbers) of a token range, with the index
/// of the token each came from: what phrase sets match against.
#[derive(Clone, Debug, Default)]
pub struct Words<'d> {
    pub words: Vec<&'d str>,
    pub tokens: Vec<usize>,
}

impl Words<'_> {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

impl Document {
    pub fn new(text: impl Into<String>, config: &TextConfig, fallback: Lang) -> Document {
        let text = text.into();
        let tokens = tokenize::tokenize(&text);
        let mut norm = String::with_capacity(text.len());
        let mut norm_spans = Vec::with_capacity(tokens.len());
        for t in &tokens {
            let start = norm.len() as u32;
            if matches!(t.kind, TokenKind::Word | TokenKind::Number | TokenKind::Punct) {
                normalize_into(t.span.slice(&text), &mut norm);
            } else {
                norm.push_str(t.span.slice(&text));
            }
            norm_spans.push((start, norm.len() as u32));
        }
        let mut doc = Document {
            text,
            tokens,
            norm,
            norm_spans,
            sentences: Vec::new(),
            paragraphs: Vec::new(),
            lang: fallback,
            primary: fallback,
        };
        doc.paragraphs = doc.find_paragraphs();
        let raw = sentences::split(&doc.text, &doc.tokens, &config.abbreviations);
        let mut total = Evidence::default();
        let mut evidences = Vec::with_capacity(raw.len());
        for r in &raw {
            let mut ev = Evidence::default();
            for i in r.tokens.clone() {
                if doc.tokens[i].kind == TokenKind::Word {
                    config.detector.word(doc.tokens[i].span.slice(&doc.text), doc.norm(i), &mut ev);
                }
            }
            total.add(&ev);
            evidences.push(ev);
        }
        doc.primary = total.primary(fallback);
        doc.lang = total.lang(fallback);
        let mut para = 0;
        for (r, ev) in raw.into_iter().zip(evidences) {
            let span = sentences::span_of(&doc.tokens, r.tokens.clone());
            while para + 1 < doc.paragraphs.len() && doc.paragraphs[para].end <= span.start {
                para += 1;
            }
            let body = (r.tokens.start + r.marker).min(r.tokens.end)..r.tokens.end;
            doc.sentences.push(Sentence {
                span,
                tokens: r.tokens,
                body,
                lang: ev.primary(doc.primary),
                evidence: ev,
                paragraph: para,
            });
        }
        doc
    }

    fn find_paragraphs(&self) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut last_end = 0;
        for t in &self.tokens {
            if t.newlines_before >= 2
                && let Some(s) = start.take()
            {
                out.push(Span::new(s, last_end));
            }
            start.get_or_insert(t.span.start);
            last_end = t.span.end;
        }
        if let Some(s) = start {
            out.push(Span::new(s, last_end));
        }
        out
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    pub fn paragraphs(&self) -> &[Span] {
        &self.paragraphs
    }

    /// Language of the whole text; `Mixed` when two languages share it.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The main concrete language (never `Mixed`).
    pub fn primary_lang(&self) -> Lang {
        self.primary
    }

    /// Normal form of token `i` (lower case, "ё" → "е", one apostrophe).
    pub fn norm(&self, i: usize) -> &str {
        let (s, e) = self.norm_spans[i];
        &self.norm[s as usize..e as usize]
    }

    pub fn token_text(&self, i: usize) -> &str {
        self.tokens[i].span.slice(&self.text)
    }

    /// Sentences that lie inside `span`.
    pub fn sentences_in(&self, span: Span) -> impl Iterator<Item = &Sentence> {
        let first = self.sentences.partition_point(|s| s.span.start < span.start);
        self.sentences[first..].iter().take_while(move |s| s.span.end <= span.end)
    }

    /// Index range of the tokens inside `span`.
    pub fn token_range(&self, span: Span) -> Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        a..b.max(a)
    }

    /// Words (and numbers) of a token range in normal form.
    pub fn words(&self, range: Range<usize>) -> Words<'_> {
        let mut w = Words::default();
        for i in range {
            if self.tokens[i].is_word() {
                w.words.push(self.norm(i));
                w.tokens.push(i);
            }
        }
        w
    }

    /// Span of a phrase match over `words`.
    pub fn match_span(&self, words: &Words<'_>, start: usize, end: usize) -> Span {
        Span::new(self.tokens[words.tokens[start]].span.start, self.tokens[words.tokens[end - 1]].span.end)
    }

    /// Converts offsets of this text between bytes, code points and UTF-16.
    pub fn offsets(&self) -> OffsetMap<'_> {
        OffsetMap::new(&self.text)
    }
}
