//! Sentence boundaries for mail in Russian, Ukrainian and English.
//!
//! A sentence ends at a blank line; at a line break unless the next line
//! continues it in lower case (soft wrap); after `.`, `!`, `?`, `…` and their
//! runs (`?!`, `!!!`) when a capital, digit, quote, bullet or emoji follows;
//! after an emoji run or a "))" smiley followed by a capital. Not after
//! abbreviations (`т.е.`, `г.`, `e.g.`, `Mr.`), initials (`Ф. Титов`), list
//! numbers (`1.`), or inside URLs, e-mail addresses and numbers (the tokenizer
//! keeps those whole).

use super::tokenize::{Token, TokenKind, is_terminal};
use super::{Span, normalize};
use std::collections::HashSet;
use std::ops::Range;

/// Abbreviations from the packs, in normal form with their dots ("т.е.", "mr.").
#[derive(Clone, Debug, Default)]
pub struct Abbreviations {
    /// Never end a sentence ("mr.", "т.е.", "г.").
    pub inner: HashSet<String>,
    /// End a sentence only when a capital follows ("etc.", "руб.").
    pub terminal: HashSet<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawSentence {
    pub tokens: Range<usize>,
    /// Tokens of a leading list marker ("1.", "2)", "—", "•"), if any.
    pub marker: usize,
}

const CLOSERS: &[&str] = &["»", "\"", "”", "’", "'", ")", "]", "“"];
const OPENERS: &[&str] = &["«", "\"", "„", "“", "(", "[", "'", "‘", "—", "–", "-", "•", "*", "·", "▪", "►"];
const BULLETS: &[&str] = &["—", "–", "-", "•", "*", "·", "▪", "►", "‣", "○", "◦"];

/// Tokens of a list marker at the start of a line, or 0.
pub fn list_marker_len(text: &str, tokens: &[Token], i: usize) -> usize {
    let Some(t) = tokens.get(i) else { return 0 };
    let s = t.span.slice(text);
    let next = tokens.get(i + 1);
    if t.kind == TokenKind::Punct
        && BULLETS.contains(&s)
        && next.is_some_and(|n| n.space_before && n.newlines_before == 0)
    {
        return 1;
    }
    let short_label =
        (t.kind == TokenKind::Number && s.len() <= 3) || (t.kind == TokenKind::Word && s.chars().count() == 1);
    if short_label
        && let Some(n) = next
        && !n.space_before
        && matches!(n.span.slice(text), "." | ")")
        && tokens.get(i + 2).is_some_and(|a| a.space_before && a.newlines_before == 0)
    {
        // "a." followed by a word is an initial, not a list label; letters need ")".
        if t.kind == TokenKind::Word && n.span.slice(text) == "." {
            return 0;
        }
        return 2;
    }
    0
}

fn starts_sentence(text: &str, t: &Token) -> bool {
    let s = t.span.slice(text);
    match t.kind {
        TokenKind::Word => s.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()),
        TokenKind::Number | TokenKind::Url | TokenKind::Email | TokenKind::Emoji => true,
        TokenKind::Punct => OPENERS.contains(&s),
    }
}

/// The whitespace-free chunk that ends with token `dot`, in normal form: "т.е.", "mr.", "(e.g.".
fn chunk_before(text: &str, tokens: &[Token], dot: usize) -> String {
    let mut first = dot;
    while first > 0 && !tokens[first].space_before {
        first -= 1;
    }
    let start = tokens[first].span.start;
    let raw = &text[start..tokens[dot].span.end];
    let raw = raw.trim_start_matches(['(', '[', '«', '"', '“', '\'']);
    normalize(raw)
}

pub fn split(text: &str, tokens: &[Token], abbr: &Abbreviations) -> Vec<RawSentence> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut paren_depth = 0i32;
    let n = tokens.len();
    let mut i = 0usize;
    while i < n {
        let t = &tokens[i];
        let s = t.span.slice(text);
        match s {
            "(" => paren_depth += 1,
            ")" => paren_depth -= 1,
            _ => {}
        }
        let mut end = i + 1; // exclusive end of the sentence if we break here
        let mut brk = false;
        if let Some(next) = tokens.get(i + 1) {
            if next.newlines_before >= 2 {
                brk = true;
            } else if next.newlines_before == 1 {
                brk = !soft_wrap(text, tokens, i);
            } else if t.kind == TokenKind::Punct && s.chars().all(is_terminal) {
                // terminal run, maybe followed by closing quotes or brackets
                let mut j = i + 1;
                while j < n && !tokens[j].space_before && CLOSERS.contains(&tokens[j].span.slice(text)) {
                    j += 1;
                }
                if j == n {
                    end = n;
                    i = n - 1;
                } else if tokens[j].space_before && tokens[j].newlines_before == 0 && starts_sentence(text, &tokens[j])
                {
                    brk = !is_abbreviation_dot(text, tokens, i, s, abbr, &tokens[j]);
                    if brk {
                        end = j;
                        i = j - 1;
                    }
                } else if tokens[j].newlines_before > 0 {
                    end = j;
                    i = j - 1;
                    brk = true;
                }
            } else if t.kind == TokenKind::Emoji
                || (s == ")" && paren_depth < 0 && !(i == start + 1 && list_marker_len(text, tokens, start) == 2))
            {
                // "неделю 👍👍 Отчёт", "спасибо)) Держитесь"
                let mut j = i + 1;
                while j < n
                    && !tokens[j].space_before
                    && (tokens[j].kind == TokenKind::Emoji || tokens[j].span.slice(text) == ")")
                {
                    j += 1;
                }
                let after_word = {
                    let mut k = i;
                    while k > start && (tokens[k].kind == TokenKind::Emoji || tokens[k].span.slice(text) == ")") {
                        k -= 1;
                    }
                    tokens[k].kind == TokenKind::Word || tokens[k].kind == TokenKind::Number
                };
                if j < n
                    && after_word
                    && tokens[j].space_before
                    && tokens[j].newlines_before == 0
                    && tokens[j].kind == TokenKind::Word
                    && tokens[j].span.slice(text).chars().next().is_some_and(char::is_uppercase)
                {
                    end = j;
                    i = j - 1;
                    brk = true;
                }
            }
        }
        if brk || i + 1 >= n {
            let end = end.max(i + 1).min(n);
            if end > start {
                out.push(RawSentence { tokens: start..end, marker: list_marker_len(text, tokens, start) });
            }
            start = end;
            paren_depth = 0;
        }
        i += 1;
    }
    out
}

/// A single `.` after an abbreviation, an initial or a list number does not end the sentence.
fn is_abbreviation_dot(text: &str, tokens: &[Token], i: usize, s: &str, abbr: &Abbreviations, next: &Token) -> bool {
    if s != "." || i == 0 || tokens[i].space_before {
        return false;
    }
    let prev = &tokens[i - 1];
    let chunk = chunk_before(text, tokens, i);
    if abbr.inner.contains(&chunk) {
        return true;
    }
    if abbr.terminal.contains(&chunk) {
        return false; // capital follows (checked by the caller), so it ends here
    }
    let prev_text = prev.span.slice(text);
    // an initial: "Ф. Титов", "J. Smith"
    if prev.kind == TokenKind::Word
        && prev_text.chars().count() == 1
        && prev_text.chars().all(char::is_uppercase)
        && prev.space_before
        && next.kind == TokenKind::Word
    {
        return true;
    }
    // a list number at the start of a line: "1. Когда ..."
    let line_start = i == 1 || prev.newlines_before > 0;
    prev.kind == TokenKind::Number && line_start && prev_text.len() <= 3
}

/// A line break inside a sentence: the next line goes on in lower case (or with a URL)
/// and the line before did not end with sentence punctuation.
fn soft_wrap(text: &str, tokens: &[Token], i: usize) -> bool {
    let prev = &tokens[i];
    let next = &tokens[i + 1];
    let ps = prev.span.slice(text);
    if prev.kind == TokenKind::Punct && (ps.chars().all(is_terminal) || matches!(ps, ":" | ";")) {
        return false;
    }
    if prev.kind == TokenKind::Emoji {
        return false;
    }
    if list_marker_len(text, tokens, i + 1) > 0 {
        return false;
    }
    // a line that starts with a list marker is an item; its wrap continues in lower case
    match next.kind {
        TokenKind::Word => next.span.slice(text).chars().next().is_some_and(char::is_lowercase),
        TokenKind::Url | TokenKind::Email => true,
        _ => false,
    }
}

/// Span of a run of tokens.
pub fn span_of(tokens: &[Token], r: Range<usize>) -> Span {
    Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end)
}
