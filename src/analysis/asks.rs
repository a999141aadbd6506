//! The client's asks: which sentences of the latest message are questions or
//! requests (the one ask detector every check uses), with their topic terms,
//! the kinds of answer they ask for, and their list numbers.

use super::Context;
use crate::pack::LangSets;
use crate::text::{Document, Sentence, Span, TokenKind, Words, stems_match};

/// More questions than this in one message are not matched (a pathological message).
pub const MAX_QUESTIONS: usize = 200;

#[derive(Clone, Debug)]
pub(crate) struct Term {
    pub(crate) stem: String,
    /// The head of a hyphenated word ("онлайн-трансляции" → "трансляц"), also matched.
    pub(crate) alt: Option<String>,
    pub(crate) word: String,
    pub(crate) weight: f64,
}

/// A question of the client, found in the incoming message.
#[derive(Clone, Debug)]
pub struct Question {
    pub span: Span,
    pub form: &'static str,
    pub number: Option<u32>,
    /// Its own topic terms first, then (for short questions) terms borrowed from the sentences before.
    pub(crate) terms: Vec<Term>,
    pub(crate) own_terms: usize,
    /// Indices into the language's answer kinds.
    pub(crate) kinds: Vec<usize>,
    /// Kinds asked for by an interrogative or a phrase, not only by a noun.
    pub(crate) strong_kinds: Vec<usize>,
    pub(crate) lang: crate::text::Lang,
}

impl Question {
    pub(crate) fn own_weight(&self) -> f64 {
        self.terms[..self.own_terms].iter().map(|t| t.weight).sum()
    }
}

pub(crate) fn last_meaningful(doc: &Document, s: &Sentence) -> Option<usize> {
    s.tokens.clone().rev().find(|&i| {
        let t = doc.tokens()[i];
        let text = doc.token_text(i);
        // closing quotes and brackets, emoji, and trailing noise: "ready? �(", "макет? --"
        let noise = t.kind == TokenKind::Punct && text.chars().all(|c| "\u{fffd}([{<>-–—*_~/|\\#".contains(c));
        !(t.kind == TokenKind::Emoji || noise || matches!(text, "»" | "\"" | "”" | ")" | "]" | "'" | "’"))
    })
}

/// Whether the sentence is a question or request, and of which form.
pub(crate) fn classify(doc: &Document, s: &Sentence, sets: &LangSets, opening: bool) -> Option<&'static str> {
    let words = doc.words(s.body.clone());
    if words.is_empty() {
        return None;
    }
    let last = last_meaningful(doc, s)?;
    let last_text = doc.token_text(last);
    let w = &words.words;
    if doc.tokens()[last].kind == TokenKind::Punct && last_text.contains(['?', '？']) {
        let small_talk = sets.small_talk.starts(w).is_some_and(|m| m.end + 6 >= w.len());
        if small_talk && (opening || w.len() <= 4) {
            return None;
        }
        return Some("direct");
    }
    if last_text == ":" || sets.not_requests.any(w) {
        return None;
    }
    // "И можно ли, чтобы …." — a question that lost its mark
    if sets.interrogatives.find_all(w).iter().any(|m| m.start <= 2) {
        return Some("direct");
    }
    if sets.requests.any(w) {
        return Some("request");
    }
    // a polite imperative: "Отдельно пришлите, пожалуйста, …", "Повідомте, будь ласка, …"
    if sets.politeness.any(w)
        && w.iter()
            .take(5)
            .any(|x| x.chars().count() >= 5 && sets.imperative_endings.iter().any(|e| x.ends_with(e.as_str())))
    {
        return Some("request");
    }
    // "Прошу прислать…", "Просим также сообщить…", "Генеральный просит добавить…"
    for m in sets.ask_verbs.find_all(w) {
        let after = &w[m.end..w.len().min(m.end + 3)];
        if after
            .iter()
            .any(|x| x.chars().count() >= 4 && sets.infinitive_endings.iter().any(|e| x.ends_with(e.as_str())))
        {
            return Some("request");
        }
    }
    for m in sets.embedded.find_all(w) {
        let after = &w[m.end..w.len().min(m.end + 8)];
        if sets.embedded_links.any(after) {
            return Some("embedded");
        }
    }
    None
}

/// Word indices covered by function phrases (request verbs, question words...).
pub(crate) fn function_words(words: &Words<'_>, sets: &LangSets) -> Vec<bool> {
    let mut f = vec![false; words.len()];
    let mut mark = |set: &crate::text::PhraseSet| {
        for m in set.find_all(&words.words) {
            f[m.start..m.end].iter_mut().for_each(|x| *x = true);
        }
    };
    mark(&sets.requests);
    mark(&sets.politeness);
    mark(&sets.embedded);
    mark(&sets.embedded_links);
    mark(&sets.ask_verbs);
    mark(&sets.small_talk);
    // "сколько стоит", "how long" and the verbs of requests ("send", "посмотрите") carry
    // no topic; a one-word noun trigger ("бюджет", "сроки") does
    for k in &sets.answer_kinds {
        let verbs = matches!(k.id.as_str(), "send" | "review" | "confirm");
        for m in k.question.find_all(&words.words) {
            if verbs || m.end - m.start >= 2 {
                f[m.start..m.end].iter_mut().for_each(|x| *x = true);
            }
        }
    }
    f
}

/// The stem a word contributes to a topic, if any: "15-го" counts as "15";
/// stopwords, one-letter words and bare thousands ("000") count as nothing.
pub(crate) fn topic_stem(ctx: &Context<'_>, lang: crate::text::Lang, w: &str, kind: TokenKind) -> Option<String> {
    if ctx.is_stopword(w) || w.chars().count() < 2 {
        return None;
    }
    let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        let rest = &w[digits.len()..];
        if kind == TokenKind::Number || rest.starts_with('-') || rest.is_empty() {
            return (digits.len() >= 2 && digits != "000" && digits != "00").then_some(digits);
        }
    }
    Some(ctx.stem(lang, w))
}

/// Stems of a word, and of the parts of a hyphenated one ("hotel-wise" → hotel).
pub(crate) fn word_stems(ctx: &Context<'_>, lang: crate::text::Lang, w: &str, kind: TokenKind) -> Vec<String> {
    let mut out: Vec<String> = topic_stem(ctx, lang, w, kind).into_iter().collect();
    if w.contains('-') && kind == TokenKind::Word {
        for part in w.split('-').filter(|p| p.chars().count() >= 3) {
            if let Some(s) = topic_stem(ctx, lang, part, kind)
                && !out.contains(&s)
            {
                out.push(s);
            }
        }
    }
    out
}

pub(crate) fn terms_of(ctx: &Context<'_>, doc: &Document, s: &Sentence, sets: &LangSets, weight: f64) -> Vec<Term> {
    let words = doc.words(s.body.clone());
    let func = function_words(&words, sets);
    let mut out: Vec<Term> = Vec::new();
    for (k, w) in words.words.iter().enumerate() {
        if func[k] {
            continue;
        }
        let Some(stem) = topic_stem(ctx, s.lang, w, doc.tokens()[words.tokens[k]].kind) else {
            continue;
        };
        // a date in the question ("до 14 марта") is its deadline, not its topic
        let dated = sets.date_words.starts(&[*w]).is_some()
            || sets.time_words.starts(&[*w]).is_some()
            || stem.chars().all(|c| c.is_ascii_digit());
        let alt = w
            .rsplit_once('-')
            .filter(|(a, b)| a.chars().count() >= 3 && b.chars().count() >= 3)
            .and_then(|(_, head)| topic_stem(ctx, s.lang, head, TokenKind::Word));
        if !out.iter().any(|t| stems_match(&t.stem, &stem)) {
            out.push(Term { stem, alt, word: w.to_string(), weight: if dated { weight * 0.3 } else { weight } });
        }
    }
    out
}

pub(crate) fn list_number(doc: &Document, s: &Sentence) -> Option<u32> {
    if !s.is_list_item() {
        return None;
    }
    let first = s.tokens.start;
    let t = doc.token_text(first);
    match doc.tokens()[first].kind {
        TokenKind::Number => t.parse().ok(),
        TokenKind::Word if t.chars().count() == 1 => {
            let c = t.chars().next()?.to_lowercase().next()?;
            let idx = "abcdefghijабвгдежзиклмн".chars().position(|x| x == c)? as u32;
            Some(idx % 10 + 1)
        }
        _ => None,
    }
}

/// Finds the client's questions in the latest message.
pub fn extract(ctx: &Context<'_>) -> Vec<Question> {
    let doc = &ctx.incoming;
    let body = ctx.incoming_parts.body;
    let sentences: Vec<(usize, &Sentence)> =
        doc.sentences().iter().enumerate().filter(|(_, s)| body.contains(s.span)).collect();
    let first_paras: Vec<usize> = {
        let mut p: Vec<usize> = sentences.iter().map(|(_, s)| s.paragraph).collect();
        p.dedup();
        p.into_iter().take(2).collect()
    };
    let mut out = Vec::new();
    for (n, &(_, s)) in sentences.iter().enumerate() {
        let sets = ctx.pack.lang(s.lang);
        let opening = n < 3 || first_paras.contains(&s.paragraph);
        let Some(form) = classify(doc, s, sets, opening) else {
            continue;
        };
        let words = doc.words(s.body.clone());
        let mut kinds = Vec::new();
        let mut strong_kinds = Vec::new();
        for (i, k) in sets.answer_kinds.iter().enumerate() {
            let found = k.question.find_all(&words.words);
            if !found.is_empty() {
                kinds.push(i);
            }
            if found.iter().any(|m| m.end - m.start >= 2 || ctx.is_stopword(words.words[m.start])) {
                strong_kinds.push(i);
            }
        }
        let terms = terms_of(ctx, doc, s, sets, 1.0);
        let own_terms = terms.len();
        // the question starts at its first word: no bullet, dash or emoji before it
        let first = s
            .body
            .clone()
            .find(|&i| doc.tokens()[i].is_word() || doc.tokens()[i].kind == TokenKind::Url)
            .unwrap_or(s.body.start);
        let span = Span::new(doc.tokens()[first].span.start, s.span.end);
        let mut q =
            Question { span, form, number: list_number(doc, s), terms, own_terms, kinds, strong_kinds, lang: s.lang };
        // short questions ("Что случилось?", "Could you take a look today?") borrow their
        // topic from up to two sentences before, at half weight
        if q.own_weight() < 2.5 {
            for &(_, prev) in sentences[n.saturating_sub(2)..n].iter().rev() {
                for t in terms_of(ctx, doc, prev, ctx.pack.lang(prev.lang), 0.5) {
                    if !q.terms.iter().any(|u| stems_match(&u.stem, &t.stem)) {
                        q.terms.push(t);
                    }
                }
            }
        }
        out.push(q);
        if out.len() >= MAX_QUESTIONS {
            break;
        }
    }
    // a word many sentences of the message use is the message's subject, not one question's topic
    let stems: Vec<Vec<String>> = sentences
        .iter()
        .map(|(_, s)| {
            doc.words(s.body.clone()).words.iter().filter_map(|w| topic_stem(ctx, s.lang, w, TokenKind::Word)).collect()
        })
        .collect();
    for q in out.iter_mut() {
        for t in q.terms.iter_mut() {
            let df = stems.iter().filter(|ss| ss.iter().any(|x| stems_match(x, &t.stem))).count();
            t.weight /= 1.0 + 0.6 * df.saturating_sub(1) as f64;
        }
    }
    out
}
