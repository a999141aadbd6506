//! Small detectors several checks share: dates and times, amounts, quoted
//! restatements. Language data comes from the pack (`text.date_words`,
//! `text.time_words`, `text.amount_words`); the number shapes are universal.

use crate::pack::LangSets;
use crate::text::{Document, Sentence, TokenKind, Words};
use std::ops::Range;

const CURRENCY: &[&str] = &["₽", "£", "$", "€", "₴", "%", "¥", "₸"];

/// A time or date: "10:00", "3.03.2025", "11.03", "17 марта", "завтра", "by Friday", "10am", "end of day".
pub fn has_time(doc: &Document, words: &Words<'_>, sets: &LangSets) -> bool {
    time_spans(doc, words, sets).next().is_some()
}

/// Word ranges of time expressions.
pub fn time_spans<'a>(
    doc: &'a Document,
    words: &'a Words<'_>,
    sets: &'a LangSets,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let shapes = (0..words.len()).filter_map(move |i| {
        let w = words.words[i];
        let tok = doc.tokens()[words.tokens[i]];
        let number_shape = tok.kind == TokenKind::Number && (w.contains(':') || is_date_number(w));
        let am_pm = tok.kind == TokenKind::Word
            && (w.ends_with("am") || w.ends_with("pm"))
            && w[..w.len() - 2].chars().all(|c| c.is_ascii_digit() || c == ':')
            && w.len() > 2;
        (number_shape || am_pm).then_some(i..i + 1)
    });
    let dated = sets.date_words.find_longest(&words.words).into_iter().map(|m| m.start..m.end);
    let relative = sets.time_words.find_longest(&words.words).into_iter().map(|m| m.start..m.end);
    shapes.chain(dated).chain(relative)
}

fn is_date_number(w: &str) -> bool {
    let parts: Vec<&str> = w.split(['.', '/']).collect();
    if parts.len() < 2 || !parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) {
        return false;
    }
    let day: u32 = parts[0].parse().unwrap_or(0);
    let month: u32 = parts[1].parse().unwrap_or(0);
    (1..=31).contains(&day) && (1..=12).contains(&month) && parts[1].len() == 2
}

/// An amount: a number next to a currency sign or an amount word ("18 000 ₽", "45 000 грн", "£3,800", "20%", "3 weeks").
pub fn has_amount(doc: &Document, s: &Sentence, words: &Words<'_>, sets: &LangSets) -> bool {
    let toks = doc.tokens();
    for i in s.tokens.clone() {
        if toks[i].kind != TokenKind::Number {
            continue;
        }
        let near = |j: usize| j < toks.len() && CURRENCY.contains(&doc.token_text(j));
        if near(i + 1)
            || (i > 0 && near(i - 1))
            || (i + 2 < s.tokens.end && near(i + 2) && toks[i + 1].kind == TokenKind::Number)
        {
            return true;
        }
    }
    sets.amount_words.any(&words.words)
}

/// Whether the sentence has any number at all (counts, sizes, dates).
pub fn has_number(doc: &Document, s: &Sentence) -> bool {
    s.tokens.clone().any(|i| doc.tokens()[i].kind == TokenKind::Number)
}

const OPEN_QUOTES: &[&str] = &["«", "“", "„", "\""];
const CLOSE_QUOTES: &[&str] = &["»", "”", "“", "\""];

/// Token ranges inside quotation marks with at least `min_words` words:
/// a draft that quotes the client's question restates it; it does not answer it.
pub fn quoted_runs(doc: &Document, s: &Sentence, min_words: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for i in s.tokens.clone() {
        let t = doc.token_text(i);
        match open {
            None if OPEN_QUOTES.contains(&t) => open = Some((i, t)),
            Some((start, o)) if CLOSE_QUOTES.contains(&t) && (o != "\"" || t == "\"") => {
                let words = (start + 1..i).filter(|&k| doc.tokens()[k].is_word()).count();
                if words >= min_words {
                    out.push(start..i + 1);
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}
