//! The draft, prepared for matching: one unit per sentence of its new text,
//! with its stems and the answer signals it carries (a time, an amount, a
//! yes/no, a decline, a promise, filler).

use super::asks::{list_number, word_stems};
use super::{Context, signals};
use crate::text::{Span, TokenKind, Words, is_capitalized};

/// One sentence of the draft's new text, prepared for matching.
pub(crate) struct Unit {
    pub(crate) span: Span,
    pub(crate) paragraph: usize,
    pub(crate) stems: Vec<String>,
    pub(crate) number: Option<u32>,
    pub(crate) time: bool,
    pub(crate) amount: bool,
    /// A number that is not a time or date ("18 изданий", "12–15 journalists").
    pub(crate) count: bool,
    pub(crate) yes_no: bool,
    pub(crate) decline: bool,
    pub(crate) evasion: bool,
    pub(crate) promise: bool,
    /// Acknowledgements, evasions and ritual lines carry no answer by themselves.
    pub(crate) filler: bool,
    /// A proper name mid-sentence or a «quoted» title: answers "which one?".
    pub(crate) names: bool,
    /// "Да, …", "Yes, …", "По гео — да, можно": a yes/no word among the first four.
    pub(crate) yes_no_early: bool,
    /// Per answer kind of the draft language: whether this sentence gives it.
    pub(crate) kinds: Vec<bool>,
}

pub(crate) fn prepare_draft(ctx: &Context<'_>) -> Vec<Unit> {
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
pub(crate) fn ordinal_value(words: &[&str]) -> Option<u32> {
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
