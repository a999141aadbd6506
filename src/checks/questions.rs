//! # unanswered_questions
//!
//! **What it flags.** Every question and request in the client's latest
//! message (not the quoted history, not the signature) that the draft leaves
//! unanswered. The client's question is highlighted in their message; the
//! panel shows "3 of 4 answered".
//!
//! **Why an agency cares.** "Сколько вопросов, столько ответов": a forgotten
//! question costs a round trip and the client's trust.
//!
//! **How.** Questions are sentences ending in `?` (small talk excluded),
//! requests ("Пришлите…", "Could you…", "Прошу надати…"), and embedded
//! questions ("Интересно, успеете ли…"). Each gets a topic: its content
//! words, stemmed, weighted down when several questions share them. A draft
//! sentence answers a question when it covers enough of the topic and says
//! something new (or gives the kind of answer asked for: a date for "when",
//! an amount for "how much"), when it answers the client's item by number,
//! or when it declines with a reason or promises the answer with a time.
//! Quoting the question back ("Касательно вопроса «…» сообщаем, что вопрос
//! требует рассмотрения") and evasions do not count.
//!
//! **Example.** Client: "Когда будет готов макет? Пришлите смету." Draft:
//! "Макет пришлём в пятницу." → the estimate is flagged as unanswered.

use super::{Check, Context, signals};
use crate::pack::{LangSets, Severity};
use crate::report::{Action, Finding, QuestionResult, Report, Suggestion, Target};
use crate::text::{Document, Sentence, Span, TokenKind, Words, is_capitalized, stems_match};
use std::collections::HashMap;

pub struct UnansweredQuestions;

/// More questions than this in one message are not matched (a pathological message).
pub const MAX_QUESTIONS: usize = 200;

#[derive(Clone, Debug)]
struct Term {
    stem: String,
    /// The head of a hyphenated word ("онлайн-трансляции" → "трансляц"), also matched.
    alt: Option<String>,
    word: String,
    weight: f64,
}

/// A question of the client, found in the incoming message.
#[derive(Clone, Debug)]
pub struct Question {
    pub span: Span,
    pub form: &'static str,
    pub number: Option<u32>,
    /// Its own topic terms first, then (for short questions) terms borrowed from the sentences before.
    terms: Vec<Term>,
    own_terms: usize,
    /// Indices into the language's answer kinds.
    kinds: Vec<usize>,
    /// Kinds asked for by an interrogative or a phrase, not only by a noun.
    strong_kinds: Vec<usize>,
    lang: crate::text::Lang,
}

impl Question {
    fn own_weight(&self) -> f64 {
        self.terms[..self.own_terms].iter().map(|t| t.weight).sum()
    }
}

fn last_meaningful(doc: &Document, s: &Sentence) -> Option<usize> {
    s.tokens.clone().rev().find(|&i| {
        let t = doc.tokens()[i];
        let text = doc.token_text(i);
        // closing quotes and brackets, emoji, and trailing noise: "ready? �(", "макет? --"
        let noise = t.kind == TokenKind::Punct && text.chars().all(|c| "\u{fffd}([{<>-–—*_~/|\\#".contains(c));
        !(t.kind == TokenKind::Emoji || noise || matches!(text, "»" | "\"" | "”" | ")" | "]" | "'" | "’"))
    })
}

/// Whether the sentence is a question or request, and of which form.
fn classify(doc: &Document, s: &Sentence, sets: &LangSets, opening: bool) -> Option<&'static str> {
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
fn function_words(words: &Words<'_>, sets: &LangSets) -> Vec<bool> {
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
fn topic_stem(ctx: &Context<'_>, lang: crate::text::Lang, w: &str, kind: TokenKind) -> Option<String> {
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
fn word_stems(ctx: &Context<'_>, lang: crate::text::Lang, w: &str, kind: TokenKind) -> Vec<String> {
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

fn terms_of(ctx: &Context<'_>, doc: &Document, s: &Sentence, sets: &LangSets, weight: f64) -> Vec<Term> {
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

fn list_number(doc: &Document, s: &Sentence) -> Option<u32> {
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

/// One sentence of the draft's new text, prepared for matching.
struct Unit {
    span: Span,
    paragraph: usize,
    stems: Vec<String>,
    number: Option<u32>,
    time: bool,
    amount: bool,
    /// A number that is not a time or date ("18 изданий", "12–15 journalists").
    count: bool,
    yes_no: bool,
    decline: bool,
    evasion: bool,
    promise: bool,
    /// Acknowledgements, evasions and ritual lines carry no answer by themselves.
    filler: bool,
    /// A proper name mid-sentence or a «quoted» title: answers "which one?".
    names: bool,
    /// "Да, …", "Yes, …", "По гео — да, можно": a yes/no word among the first four.
    yes_no_early: bool,
    /// Per answer kind of the draft language: whether this sentence gives it.
    kinds: Vec<bool>,
}

fn prepare_draft(ctx: &Context<'_>) -> Vec<Unit> {
    let doc = &ctx.draft;
    let mut units: Vec<Unit> = Vec::new();
    let mut item: Option<(usize, u32)> = None;
    for s in ctx.draft_body() {
        let sets = ctx.pack.lang(s.lang);
        let quoted = signals::quoted_runs(doc, s, 4);
        let in_quote = |i: usize| quoted.iter().any(|r| r.contains(&i));
        let words = doc.words(s.body.clone());
        let mut stems = Vec::new();
        for (k, w) in words.words.iter().enumerate() {
            let tok = words.tokens[k];
            if in_quote(tok) {
                continue;
            }
            stems.extend(word_stems(ctx, s.lang, w, doc.tokens()[tok].kind));
        }
        // words outside quotes decide the answer signals
        let outside = Words {
            words: words
                .words
                .iter()
                .enumerate()
                .filter(|(k, _)| !in_quote(words.tokens[*k]))
                .map(|(_, w)| *w)
                .collect(),
            tokens: words.tokens.iter().copied().filter(|&t| !in_quote(t)).collect(),
        };
        let number = list_number(doc, s).or_else(|| {
            sets.ordinals.find_all(&outside.words).first().and_then(|m| ordinal_value(&outside.words[m.start..m.end]))
        });
        if let Some(n) = number {
            item = Some((s.paragraph, n));
        } else if item.is_some_and(|(p, _)| p != s.paragraph) {
            item = None;
        }
        let time_words: Vec<std::ops::Range<usize>> = signals::time_spans(doc, &outside, sets).collect();
        let number_words: Vec<usize> =
            sets.number_words.find_all(&outside.words).into_iter().map(|m| m.start).collect();
        let count = outside.tokens.iter().enumerate().any(|(k, &t)| {
            let tok = doc.tokens()[t];
            let starts_digit = outside.words[k].starts_with(|c: char| c.is_ascii_digit());
            (starts_digit || number_words.contains(&k))
                && matches!(tok.kind, TokenKind::Number | TokenKind::Word)
                && !time_words.iter().any(|r| r.contains(&k))
        });
        // indexed like the draft language's kinds (the sentence's own language may differ)
        let kinds = ctx
            .sets()
            .answer_kinds
            .iter()
            .map(|d| sets.answer_kinds.iter().find(|k| k.id == d.id).is_some_and(|k| k.answer.any(&outside.words)))
            .collect();
        let names = outside.tokens.iter().enumerate().any(|(k, &t)| {
            k > 0
                && doc.tokens()[t].kind == TokenKind::Word
                && is_capitalized(doc.token_text(t))
                && sets.polite_you.starts(&[outside.words[k]]).is_none()
                && outside.words[k] != "i"
        }) || !signals::quoted_runs(doc, s, 1).is_empty();
        let evasion = sets.evasion.any(&outside.words);
        units.push(Unit {
            span: s.span,
            paragraph: s.paragraph,
            stems,
            number: number.or(item.map(|(_, n)| n)),
            time: !time_words.is_empty(),
            amount: signals::has_amount(doc, s, &outside, sets),
            count,
            yes_no: sets.yes_no.any(&outside.words),
            yes_no_early: sets
                .yes_no
                .find_all(&outside.words)
                .iter()
                .chain(sets.decline.find_all(&outside.words).iter())
                .any(|m| m.start <= 3),
            decline: sets.decline.any(&outside.words),
            evasion,
            promise: sets.promise.any(&outside.words),
            names,
            // no answer by itself: an evasion, a bare "received", a promise without a time, a courtesy
            filler: evasion
                || sets.acknowledgements.starts(&outside.words).is_some_and(|m| m.end + 2 >= outside.len())
                || (sets.vague_promises.any(&outside.words) && time_words.is_empty())
                || sets.ritual.any(&outside.words),
            kinds,
        });
    }
    units
}

/// "по первому вопросу" → 1, "on your 2nd question" → 2.
fn ordinal_value(words: &[&str]) -> Option<u32> {
    const ORD: &[(&[&str], u32)] = &[
        (&["перв", "first", "1st", "перш", "один", "one"], 1),
        (&["втор", "second", "2nd", "друг", "два", "two"], 2),
        (&["трет", "third", "3rd", "три", "three"], 3),
        (&["четверт", "fourth", "4th", "чотир"], 4),
        (&["пят", "fifth", "5th", "п'ят"], 5),
        (&["шест", "sixth", "6th", "шост"], 6),
    ];
    for w in words {
        if let Ok(n) = w.trim_end_matches(|c: char| !c.is_ascii_digit()).parse::<u32>() {
            return Some(n);
        }
        for (stems, n) in ORD {
            if stems.iter().any(|s| w.starts_with(s)) {
                return Some(*n);
            }
        }
    }
    None
}

/// Index from a stem's key (its first four letters, as [`stems_match`] needs) to the units that hold it.
struct StemIndex {
    map: HashMap<String, Vec<(usize, usize)>>,
}

fn stem_key(s: &str) -> String {
    s.chars().take(4).collect()
}

impl StemIndex {
    fn new(units: &[Unit]) -> Self {
        let mut map: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (u, unit) in units.iter().enumerate() {
            for (k, s) in unit.stems.iter().enumerate() {
                map.entry(stem_key(s)).or_default().push((u, k));
            }
        }
        StemIndex { map }
    }

    /// Units whose stems match `stem`.
    fn units_with<'a>(&'a self, units: &'a [Unit], stem: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.map
            .get(&stem_key(stem))
            .into_iter()
            .flatten()
            .filter(move |(u, k)| stems_match(&units[*u].stems[*k], stem))
            .map(|(u, _)| *u)
    }
}

/// How well each draft sentence covers one question's topic.
struct Coverage {
    /// Best unit and its score.
    best: Option<(usize, f64)>,
    /// Per unit: (score, own terms found there or in its paragraph).
    per_unit: HashMap<usize, (f64, usize)>,
    /// Per unit: weight of the question's own terms found in that sentence.
    own_weight: HashMap<usize, f64>,
}

/// A long question is answered by its key words, not all of them: coverage is
/// measured against at most this much topic weight.
const COVERAGE_CAP: f64 = 3.5;

fn coverage(q: &Question, units: &[Unit], index: &StemIndex) -> Coverage {
    let n = q.terms.len().min(64);
    let own_n = q.own_terms.min(n);
    let total: f64 = q.terms[..n].iter().map(|t| t.weight).sum::<f64>().min(COVERAGE_CAP);
    let own_total: f64 = q.terms[..own_n].iter().map(|t| t.weight).sum::<f64>().min(COVERAGE_CAP);
    let own_bits: u64 = if own_n >= 64 { u64::MAX } else { (1u64 << own_n) - 1 };
    let mut masks: HashMap<usize, u64> = HashMap::new();
    for (ti, t) in q.terms.iter().take(n).enumerate() {
        for u in index.units_with(units, &t.stem) {
            *masks.entry(u).or_default() |= 1 << ti;
        }
        if let Some(alt) = &t.alt {
            for u in index.units_with(units, alt) {
                *masks.entry(u).or_default() |= 1 << ti;
            }
        }
    }
    let weight = |mask: u64| -> f64 { (0..n).filter(|i| mask & (1 << i) != 0).map(|i| q.terms[i].weight).sum::<f64>() };
    // the question's own words, or its words with the borrowed context, whichever covers more
    let cov = |mask: u64| -> f64 {
        let all = if total > 0.0 { (weight(mask) / total).min(1.0) } else { 0.0 };
        let own = if own_total > 0.0 { (weight(mask & own_bits) / own_total).min(1.0) } else { 0.0 };
        all.max(own)
    };
    let mut para_masks: HashMap<usize, u64> = HashMap::new();
    for (&u, &m) in &masks {
        *para_masks.entry(units[u].paragraph).or_default() |= m;
    }
    let mut keys: Vec<usize> = masks.keys().copied().collect();
    keys.sort_unstable();
    let mut best: Option<(usize, f64)> = None;
    let mut per_unit = HashMap::new();
    let mut own_weight = HashMap::new();
    for u in keys {
        let pm = para_masks[&units[u].paragraph];
        let s = cov(masks[&u]).max(0.85 * cov(pm));
        per_unit.insert(u, (s, ((masks[&u] | pm) & own_bits).count_ones() as usize));
        own_weight.insert(u, weight(masks[&u] & own_bits));
        if best.is_none_or(|(_, b)| s > b + 1e-9) {
            best = Some((u, s));
        }
    }
    Coverage { best, per_unit, own_weight }
}

/// Whether a unit gives the kind of answer the question asks for.
fn gives_kind(q: &Question, u: &Unit, sets: &LangSets, draft_sets: &LangSets, include_yes_no: bool) -> bool {
    q.kinds.iter().any(|&k| {
        let id = sets.answer_kinds[k].id.as_str();
        if id == "yes_no" && !include_yes_no {
            return false;
        }
        let marker = draft_sets.answer_kinds.iter().position(|d| d.id == id).is_some_and(|d| u.kinds[d]);
        marker
            || match id {
                "when" => u.time,
                "amount" => u.amount,
                "count" => u.count || u.amount,
                "yes_no" => u.yes_no || u.decline,
                "choice" => u.names,
                _ => false,
            }
    })
}

/// Words a unit and the sentences after it in its paragraph add beyond the question's topic.
fn novelty(q: &Question, units: &[Unit], u: usize) -> usize {
    let para = units[u].paragraph;
    units[u..]
        .iter()
        .take_while(|x| x.paragraph == para)
        .take(4)
        .filter(|x| !x.filler)
        .flat_map(|x| x.stems.iter())
        .filter(|s| !q.terms.iter().any(|t| stems_match(&t.stem, s)))
        .count()
}

struct Ctx<'a> {
    units: &'a [Unit],
    draft_sets: &'a LangSets,
    tau: f64,
    single: bool,
}

/// Kinds whose answer has a visible form (a date, an amount, a count, a
/// name, an attachment, a confirmation). Yes/no, reasons and reviews are often
/// answered implicitly, so they are not required.
const SPECIFIC: &[&str] = &["when", "amount", "count", "send", "confirm", "choice"];

/// Whether the question plainly asks for a specific kind of answer: by an
/// interrogative ("когда", "how much") or a phrase, not just by a noun ("budget").
fn asks_specific(q: &Question, sets: &LangSets) -> bool {
    q.strong_kinds.iter().any(|&k| SPECIFIC.contains(&sets.answer_kinds[k].id.as_str()))
}

/// A sentence already answering another question needs a clearer match to answer this one too.
const SHARED_UNIT_COVERAGE: f64 = 0.67;

/// Decides, for one question, which draft sentence answers it (if any).
fn answer(
    q: &Question,
    cov: &Coverage,
    c: &Ctx<'_>,
    sets: &LangSets,
    claimed_by_other: &dyn Fn(usize) -> bool,
) -> Option<Match> {
    let units = c.units;
    let short = q.own_weight() <= 2.0;
    let specific = asks_specific(q, sets);
    let low = match (short, specific) {
        (true, true) => 0.1,
        (true, false) => 0.15,
        _ => 0.25,
    };
    // one shared word is not enough for a long question to be answered by topic alone
    let need_hits = if q.own_terms >= 4 { 2 } else { 1 };
    let mut cands: Vec<(usize, f64, usize)> = cov.per_unit.iter().map(|(&u, &(s, h))| (u, s, h)).collect();
    cands.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    for &(u, score, hits) in cands.iter().take(8) {
        let unit = &units[u];
        let kind = gives_kind(q, unit, sets, c.draft_sets, false);
        if (unit.evasion && !kind) || (claimed_by_other(u) && score < SHARED_UNIT_COVERAGE) {
            continue;
        }
        let novel = novelty(q, units, u) >= 2;
        // a question asking for a date, an amount or a name needs it, or a near-complete topic match
        let strict = specific && !kind;
        let tau = if strict { c.tau.max(0.75) } else { c.tau };
        // a yes/no question answered "yes"/"да"/"так" about its topic
        let yes_no = q.kinds.iter().any(|&k| sets.answer_kinds[k].id == "yes_no") && (unit.yes_no || unit.decline);
        if score >= tau && hits > 0 && (novel || kind || yes_no) {
            return Some(Match { unit: u, by: "topic" });
        }
        if !strict && score >= c.tau - 0.15 && hits >= need_hits && novel && !unit.filler {
            return Some(Match { unit: u, by: "topic" });
        }
        if score >= low && kind && (hits > 0 || short) {
            return Some(Match { unit: u, by: "kind" });
        }
        // "Да, можно, настроим радиус" — a yes/no answer up front about one of its words
        if score >= low && hits > 0 && unit.yes_no_early && q.kinds.iter().any(|&k| sets.answer_kinds[k].id == "yes_no")
        {
            return Some(Match { unit: u, by: "kind" });
        }
        if score >= low && hits >= need_hits && (unit.decline || (unit.promise && unit.time)) {
            return Some(Match { unit: u, by: if unit.decline { "decline" } else { "promise" } });
        }
    }
    // a question with no topic words of its own ("Что случилось?") is answered by its kind
    if q.own_terms == 0
        && let Some(w) = units.iter().position(|u| gives_kind(q, u, sets, c.draft_sets, false) && !u.filler)
    {
        return Some(Match { unit: w, by: "kind" });
    }
    // kinds answered without naming the topic ("посмотрите" → "посмотрели, внесли правки")
    for &k in &q.kinds {
        let kd = &sets.answer_kinds[k];
        if !kd.needs_topic
            && let Some(d) = c.draft_sets.answer_kinds.iter().position(|d| d.id == kd.id)
            && let Some(w) = units.iter().position(|x| x.kinds[d])
        {
            return Some(Match { unit: w, by: "kind" });
        }
    }
    // the only question of a message, and a short reply that says something
    if c.single {
        if let Some(w) = units.iter().position(|u| gives_kind(q, u, sets, c.draft_sets, true) && !u.filler) {
            return Some(Match { unit: w, by: "kind" });
        }
        if !asks_specific(q, sets)
            && let Some(w) = units.iter().position(|u| !u.filler && u.stems.len() >= 3)
        {
            return Some(Match { unit: w, by: "single" });
        }
    }
    None
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Match {
    unit: usize,
    by: &'static str,
}

/// Matches every question against the draft: the answering span, how it was
/// recognised, and the best topic coverage found.
pub fn match_all(ctx: &Context<'_>, questions: &[Question]) -> Vec<(Option<(Span, &'static str)>, f64)> {
    let units = prepare_draft(ctx);
    let index = StemIndex::new(&units);
    let draft_words: usize = units.iter().map(|u| u.stems.len()).sum();
    let c = Ctx {
        units: &units,
        draft_sets: ctx.sets(),
        tau: ctx.pack.min_coverage(),
        single: questions.len() == 1 && draft_words <= 60,
    };
    let covs: Vec<Coverage> = questions.iter().map(|q| coverage(q, &units, &index)).collect();
    // the client's item N answered as the draft's item N, unless that item plainly answers another question
    let by_number: Vec<Option<usize>> = questions
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            let num = q.number?;
            let u = units.iter().position(|u| u.number == Some(num))?;
            let own = covs[qi].per_unit.get(&u).map_or(0.0, |x| x.0);
            let other = covs.iter().enumerate().any(|(oj, oc)| {
                oj != qi
                    && oc.best.is_some_and(|(bu, bs)| units[bu].number == Some(num) && bs >= c.tau && bs > own + 0.2)
            });
            let sets = ctx.pack.lang(q.lang);
            (!other && (own > 0.0 || gives_kind(q, &units[u], sets, c.draft_sets, true))).then_some(u)
        })
        .collect();
    // which question each sentence plainly answers: the whole item of a numbered
    // answer, or the one place a question is matched well (a question matched
    // equally well in several places claims none of them); of several
    // questions matched to one sentence, the one with more of its own words there claims it
    let mut claims: HashMap<usize, Vec<usize>> = HashMap::new();
    // topic claims: (question, strength) per sentence, strongest kept
    let mut topic_claims: HashMap<usize, Vec<(usize, f64)>> = HashMap::new();
    for (qi, cov) in covs.iter().enumerate() {
        if let Some(u) = by_number[qi] {
            for (v, unit) in units.iter().enumerate() {
                if unit.number == units[u].number && unit.paragraph == units[u].paragraph {
                    claims.entry(v).or_default().push(qi);
                }
            }
        } else if let Some((u, s)) = cov.best
            && s >= c.tau
            && cov.per_unit[&u].1 > 0
        {
            let rival =
                cov.per_unit.iter().any(|(&v, &(sv, _))| units[v].paragraph != units[u].paragraph && sv >= s - 0.05);
            if !rival {
                topic_claims.entry(u).or_default().push((qi, cov.own_weight.get(&u).copied().unwrap_or(0.0)));
            }
        }
    }
    for (u, list) in topic_claims {
        let top = list.iter().map(|&(_, w)| w).fold(0.0f64, f64::max);
        claims.entry(u).or_default().extend(list.into_iter().filter(|&(_, w)| w >= top - 1e-9).map(|(qi, _)| qi));
    }
    let mut found: Vec<Option<Match>> = questions
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            if let Some(u) = by_number[qi] {
                return Some(Match { unit: u, by: "number" });
            }
            let claimed_by_other = |u: usize| claims.get(&u).is_some_and(|qs| qs.iter().any(|&o| o != qi));
            answer(q, &covs[qi], &c, ctx.pack.lang(q.lang), &claimed_by_other)
        })
        .collect();
    in_order(questions, &covs, &c, ctx, &mut found);
    found
        .into_iter()
        .zip(&covs)
        .map(|(m, cov)| (m.map(|m| (units[m.unit].span, m.by)), cov.best.map_or(0.0, |(_, s)| s)))
        .collect()
}

/// Replies answer in the order asked. A question still unanswered whose slot
/// in that order — exactly one paragraph between the answers to the questions
/// before and after it — holds the kind of answer it asks for (a number for
/// "how many", an amount for "how much", a name for "which") is answered
/// there: "Three episodes is the sweet spot" answers "How many episodes…?"
/// without repeating the word. Dates and yes/no words are too common in
/// replies to count as evidence on position alone.
fn in_order(questions: &[Question], covs: &[Coverage], c: &Ctx<'_>, ctx: &Context<'_>, found: &mut [Option<Match>]) {
    let units = c.units;
    let used: Vec<usize> = found.iter().flatten().map(|m| m.unit).collect();
    let _ = covs;
    for qi in 0..questions.len() {
        if found[qi].is_some() {
            continue;
        }
        let q = &questions[qi];
        let sets = ctx.pack.lang(q.lang);
        let before = found[..qi].iter().flatten().map(|m| m.unit).max();
        let after = found[qi + 1..].iter().flatten().map(|m| m.unit).min();
        // the slot must be bounded: by answers on both sides, or by the start or end of the reply
        let bounded = match (before, after) {
            (Some(_), Some(_)) => true,
            (None, Some(_)) => qi == 0,
            (Some(_), None) => qi + 1 == questions.len(),
            (None, None) => false,
        };
        if !bounded {
            continue;
        }
        let lo = before.map_or(0, |u| u + 1);
        let hi = after.unwrap_or(units.len());
        if lo >= hi {
            continue;
        }
        // the slot: the one paragraph between the neighbours' answers; for the first
        // question the paragraph before the next answer, for the last the one after the previous
        let prev_para = before.map(|u| units[u].paragraph);
        let next_para = after.map(|u| units[u].paragraph);
        let between: Vec<usize> = (lo..hi)
            .filter(|&u| Some(units[u].paragraph) != prev_para && Some(units[u].paragraph) != next_para)
            .collect();
        let paras: Vec<usize> = {
            let mut p: Vec<usize> = between.iter().map(|&u| units[u].paragraph).collect();
            p.dedup();
            p
        };
        let para = match (before, after) {
            (Some(_), Some(_)) if paras.len() == 1 => paras[0],
            (None, Some(_)) if !paras.is_empty() => paras[paras.len() - 1],
            (Some(_), None) if !paras.is_empty() => paras[0],
            _ => continue,
        };
        let slot: Vec<usize> = between.into_iter().filter(|&u| units[u].paragraph == para).collect();
        if slot.iter().any(|u| used.contains(u)) {
            continue;
        }
        // dates are everywhere in replies: position counts for "when" only when the question names little else
        let short = q.own_weight() <= 2.0;
        let positional = |u: &Unit| {
            q.kinds.iter().any(|&k| match sets.answer_kinds[k].id.as_str() {
                "count" => u.count || u.amount,
                "amount" => u.amount,
                "choice" => u.names,
                "when" => short && u.time,
                _ => false,
            })
        };
        if let Some(&u) = slot.iter().find(|&&u| !units[u].filler && positional(&units[u])) {
            found[qi] = Some(Match { unit: u, by: "order" });
        }
    }
}

impl Check for UnansweredQuestions {
    fn id(&self) -> &'static str {
        "unanswered_questions"
    }

    fn default_severity(&self) -> Severity {
        Severity::Error
    }

    fn run(&self, ctx: &Context<'_>, report: &mut Report) {
        let questions = extract(ctx);
        let answers = match_all(ctx, &questions);
        let sets = ctx.sets();
        let severity = ctx.severity(self);
        for (q, (a, coverage)) in questions.iter().zip(answers) {
            let text = q.span.slice(ctx.incoming.text());
            let asks_for = q.kinds.first().map(|&k| ctx.pack.lang(q.lang).answer_kinds[k].id.clone());
            report.questions.push(QuestionResult {
                span: q.span,
                answered: a.is_some(),
                answer: a.map(|(s, _)| s),
                number: q.number,
                topic: q.terms.iter().filter(|t| t.weight >= 0.3).take(6).map(|t| t.word.clone()).collect(),
                form: q.form,
                asks_for,
                matched_by: a.map(|(_, by)| by),
                coverage: (coverage * 100.0).round() / 100.0,
            });
            if a.is_none() {
                let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let short: String = flat.chars().take(120).collect();
                let ellipsis = if flat.chars().count() > 120 { "…" } else { "" };
                report.push(Finding {
                    rule: self.id().into(),
                    severity,
                    message: sets.message("unanswered", &[("question", &format!("{short}{ellipsis}"))]),
                    target: Target::Incoming,
                    span: q.span,
                    suggestion: Some(Suggestion { action: Action::Advice, text: sets.message("unanswered_hint", &[]) }),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{fired, questions, run};

    fn q(text: &str, answered: bool) -> (String, bool) {
        (text.to_string(), answered)
    }

    #[test]
    fn direct_indirect_and_embedded_questions_are_found_in_russian() {
        let inc = "Добрый день!\n\nКогда будет готов макет? Подскажите, пожалуйста, сроки по тексту. Интересно, успеете ли вы к пятнице. Не уверен, входит ли НДС в цену.\n\nАнна";
        let got = questions(inc, "Анна, добрый день!\n\nОльга");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Когда будет готов макет?",
                "Подскажите, пожалуйста, сроки по тексту.",
                "Интересно, успеете ли вы к пятнице.",
                "Не уверен, входит ли НДС в цену."
            ]
        );
    }

    #[test]
    fn requests_without_a_question_mark_in_ukrainian_and_english() {
        let uk = questions(
            "Добрий день!\n\nНадішліть, будь ласка, кошторис. Повідомте дату зйомки. Чи могли б ви додати субтитри?\n\nОлена",
            "",
        );
        assert_eq!(uk.len(), 3, "{uk:?}");
        let en = questions(
            "Hi Sophie,\n\nPlease let me know the price. I was wondering whether you work on weekends. Could you send the brief?\n\nTom",
            "",
        );
        assert_eq!(en.len(), 3, "{en:?}");
    }

    #[test]
    fn small_talk_quoted_history_urls_and_signatures_are_not_questions() {
        let inc = "Hi Owen,\n\nHow are you? Hope the shoot went well.\n\nThe brief is here: https://drive.example.com/open?id=1x9&usp=sharing. Can you confirm the date?\n\nThanks,\nLaura\nNeed a plumber fast? Call 0113 000 0000\n\nOn Mon, 3 Mar 2025 at 10:15, Owen <owen@reel.example> wrote:\n> Any questions? Just reply.\n";
        let got = questions(inc, "");
        assert_eq!(got, [q("Can you confirm the date?", false)]);
    }

    #[test]
    fn numbered_items_are_separate_questions_and_one_sentence_with_two_asks_is_one() {
        let inc = "Вопросы:\n1. Когда будет staging?\n2. Кто переносит отзывы — вы или мы?\n\nКогда будет третья версия и сколько будут стоить правки?\n\nИрина";
        let got = questions(inc, "");
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0, "Когда будет staging?");
    }

    #[test]
    fn answer_by_date_only_counts() {
        let got = questions(
            "Добрый день!\n\nКогда будет готов отчёт за март?\n\nАнна",
            "Анна, добрый день!\n\nОтчёт за март пришлём во вторник, 11 марта, до 12:00.\n\nОльга",
        );
        assert_eq!(got, [q("Когда будет готов отчёт за март?", true)]);
    }

    #[test]
    fn repeating_the_question_without_answering_does_not_count() {
        let inc = "Добрый день!\n\nСколько стоит квест на 60 человек? Сообщите, пожалуйста, до какого числа держится бронь усадьбы.\n\nСветлана";
        let draft = "Светлана, добрый день!\n\nКвест на 60 человек стоит 540 000 ₽, всё включено.\n\nНасчёт «до какого числа держится бронь усадьбы» — хороший вопрос, уточним.\n\nЕвгений";
        let got = questions(inc, draft);
        assert!(got[0].1, "{got:?}");
        assert!(!got[1].1, "quoting the question back is not an answer: {got:?}");
    }

    #[test]
    fn an_evasion_about_the_topic_is_not_an_answer() {
        let inc = "Dear team,\n\nWould a TV channel need a new licence for the film?\n\nJames";
        let draft = "Dear James,\n\nRegarding your question about a new licence for a TV channel, we note your concern and shall take it into consideration.\n\nElla";
        assert_eq!(questions(inc, draft), [q("Would a TV channel need a new licence for the film?", false)]);
    }

    #[test]
    fn a_decline_with_a_reason_and_a_promise_with_a_time_count() {
        let inc = "Hi Emma,\n\nCan we move the newsletter from 10am to 7am? And please send the April stats.\n\nLucy";
        let draft = "Hi Lucy,\n\nWe can't send at 7am because the deliverability checks finish at 7:30, but we can send at 8am.\n\nThe April stats will follow tomorrow by noon.\n\nEmma";
        let got = questions(inc, draft);
        assert_eq!(
            got,
            [q("Can we move the newsletter from 10am to 7am?", true), q("And please send the April stats.", true)]
        );
    }

    #[test]
    fn an_acknowledgement_or_a_vague_promise_is_not_an_answer() {
        let inc = "Добрий день!\n\nЧи можете перекласти договір до четверга?\n\nЮрвідділ";
        let draft =
            "Добрий день!\n\nДякуємо за лист, отримали. Повернемося з відповіддю найближчим часом.\n\nБюро перекладів";
        assert_eq!(questions(inc, draft), [q("Чи можете перекласти договір до четверга?", false)]);
    }

    #[test]
    fn answers_by_the_clients_numbers_even_when_renumbered_answers_are_checked() {
        let inc = "Hi,\n\n1. How long will the integration take?\n2. Who will handle the migration — you or us?\n3. When do you need the API keys?\n\nBen";
        let draft =
            "Hi Ben,\n\n1. The integration takes three weeks.\n2. We need the API keys by Friday 14 March.\n\nSophie";
        let got = questions(inc, draft);
        assert_eq!(got.iter().map(|x| x.1).collect::<Vec<_>>(), [true, false, true], "{got:?}");
    }

    #[test]
    fn answering_out_of_the_clients_order_gives_a_soft_hint() {
        let inc = "Добрый день!\n\n1. Сколько стоит печать каталога?\n2. Когда будет готов макет каталога?\n\nМарина";
        let draft = "Марина, добрый день!\n\nМакет каталога будет готов в среду, 12 марта.\n\nПечать каталога стоит 84 500 ₽.\n\nДарья";
        let r = run(inc, draft);
        assert!(r.questions.iter().all(|q| q.answered));
        assert!(fired(&r).contains(&"question_order"), "{:?}", fired(&r));
    }

    #[test]
    fn unanswered_question_finding_points_into_the_incoming_message() {
        let inc = "Hi Tom,\n\nWhen can you shoot the cushions? Please also send the price list.\n\nMia";
        let r = run(inc, "Hi Mia,\n\nWe can shoot them on Thursday morning.\n\nTom");
        let f: Vec<_> = r.findings.iter().filter(|f| f.rule == "unanswered_questions").collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].target, crate::report::Target::Incoming);
        assert_eq!(f[0].span.slice(inc), "Please also send the price list.");
        assert!(f[0].message.contains("Please also send the price list."));
    }
}
