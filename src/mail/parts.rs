//! Splits a message body into greeting, new text, sign-off, signature and
//! quoted history.
//!
//! Quoted history starts at the first of: a `>` line; an "... wrote:" /
//! "... пише:" header; a Gmail header ending in "<address>:" with a date; an
//! Outlook header block ("From:" then "Sent:/To:/Subject:" within four lines,
//! in any pack language); a separator line ("-----Original Message-----",
//! a line of underscores before a header block).
//!
//! The signature starts at the first of: "--"; a mobile or disclaimer line;
//! a sign-off line ("С уважением,", "Thanks!") followed by a name or nothing;
//! a line that looks like a name ("Анна", "Ф. Титов", "Priya Shah | Head of
//! Communications") standing after a blank line.

use crate::pack::MailSets;
use crate::text::{Document, PhraseSet, Span, TokenKind, Words, is_capitalized};
use serde::Serialize;
use std::ops::Range;

/// The parts of a message body, as spans of the body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Parts {
    /// "Анна, добрый день!", "Hi Tom,".
    pub greeting: Option<Span>,
    /// The new text between the greeting and the sign-off.
    pub body: Span,
    /// The sign-off line: "С уважением,", "Best regards,".
    pub signoff: Option<Span>,
    /// Name, title, phones, promos and disclaimers after the new text.
    pub signature: Option<Span>,
    /// Older messages below (quote headers included).
    pub quoted: Option<Span>,
}

impl Parts {
    /// The message as its author wrote it now: greeting, body and sign-off line.
    pub fn written(&self) -> Span {
        let start = self.greeting.map_or(self.body.start, |g| g.start.min(self.body.start));
        let end = self.signoff.map_or(self.body.end, |s| s.end.max(self.body.end));
        Span::new(start, end)
    }
}

struct Line<'d> {
    span: Span,
    text: &'d str,
    tokens: Range<usize>,
    words: Words<'d>,
}

impl Line<'_> {
    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

fn lines(doc: &Document) -> Vec<Line<'_>> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.trim_end_matches(['\n', '\r']).len();
        let span = Span::new(start, end);
        let tokens = doc.token_range(span);
        out.push(Line { span, text: &text[start..end], tokens: tokens.clone(), words: doc.words(tokens) });
        start += piece.len();
    }
    out
}

/// Whether the whole list of words is one phrase of the set.
fn whole(set: &PhraseSet, words: &[&str]) -> bool {
    !words.is_empty() && set.starts(words).is_some_and(|m| m.end == words.len())
}

/// Whether a phrase of the set ends exactly at the last word.
fn ends_with(set: &PhraseSet, words: &[&str]) -> bool {
    let n = words.len();
    (1..=n.min(4)).any(|k| set.starts(&words[n - k..]).is_some_and(|m| m.end == k))
}

fn token_texts<'d>(doc: &'d Document, r: &Range<usize>) -> Vec<&'d str> {
    r.clone().map(|i| doc.token_text(i)).collect()
}

/// "From:", "*От:*", "Від:" — a label word followed by a colon at the line start.
fn starts_with_label(doc: &Document, line: &Line<'_>, set: &PhraseSet) -> bool {
    let toks = token_texts(doc, &line.tokens);
    let skip = toks.iter().take_while(|t| **t == "*").count();
    let rest = &toks[skip..];
    let words: Vec<&str> = line.words.words.to_vec();
    let Some(m) = set.starts(&words) else {
        return false;
    };
    // the label's words must be the first tokens, followed by ':'
    rest.len() > m.end
        && rest[..m.end].iter().all(|t| t.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && rest[m.end].starts_with(':')
}

fn is_wrote_header(doc: &Document, line: &Line<'_>, mail: &MailSets) -> bool {
    let toks = token_texts(doc, &line.tokens);
    if toks.last() != Some(&":") || line.words.len() > 30 {
        return false;
    }
    let mut words: Vec<&str> = line.words.words.clone();
    // "написал(а):" → drop a trailing one-letter word in brackets
    if toks.len() >= 4
        && toks[toks.len() - 2] == ")"
        && words.len() > 1
        && words.last().is_some_and(|w| w.chars().count() == 1)
    {
        words.pop();
    }
    if ends_with(&mail.quote_wrote, &words) {
        return true;
    }
    // Gmail ru/uk: "пн, 3 мар. 2025 г. в 10:15, Анна <a@b.c>:"
    let has_email = line.tokens.clone().any(|i| doc.tokens()[i].kind == TokenKind::Email);
    let has_number = line.tokens.clone().any(|i| doc.tokens()[i].kind == TokenKind::Number);
    has_email && has_number && toks.len() >= 3 && toks[toks.len() - 2] == ">"
}

fn is_separator(doc: &Document, line: &Line<'_>, mail: &MailSets) -> bool {
    let t = line.text.trim();
    let rules = t.chars().filter(|c| matches!(c, '-' | '_' | '=' | '—')).count();
    // "____" is a word to the tokenizer (underscore joins words); here it is a rule
    let words: Vec<&str> = line.words.words.iter().copied().filter(|w| !w.chars().all(|c| c == '_')).collect();
    if words.is_empty() {
        return rules >= 10 && t.chars().all(|c| matches!(c, '-' | '_' | '=' | '—'));
    }
    let _ = doc;
    (rules >= 4 || t.ends_with(':')) && whole(&mail.quote_separators, &words)
}

fn find_quote_start(doc: &Document, lines: &[Line<'_>], mail: &MailSets) -> Option<usize> {
    for i in 0..lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            continue;
        }
        if l.text.trim_start().starts_with('>') {
            return Some(header_above(doc, lines, i, mail).unwrap_or(i));
        }
        if is_wrote_header(doc, l, mail) {
            // a wrapped header: "On Mon, 3 Mar 2025 at 10:15, Anna <" + "a@b.c> wrote:"
            if i > 0 && !lines[i - 1].is_blank() {
                let prev = lines[i - 1].text.trim_end();
                let wrapped = prev.ends_with('<')
                    || prev.ends_with(',')
                    || (!prev.ends_with(['.', '!', '?', ':']) && prev.chars().any(|c| c.is_ascii_digit()));
                if wrapped {
                    return Some(i - 1);
                }
            }
            return Some(i);
        }
        if starts_with_label(doc, l, &mail.quote_from) {
            let fields = lines[i + 1..].iter().filter(|x| !x.is_blank()).take(4);
            if fields.into_iter().any(|x| starts_with_label(doc, x, &mail.quote_fields)) {
                return Some(separator_above(doc, lines, i, mail).unwrap_or(i));
            }
        }
        if is_separator(doc, l, mail) {
            let with_words = !l.words.is_empty();
            let header_follows =
                lines[i + 1..].iter().filter(|x| !x.is_blank()).take(3).any(|x| {
                    starts_with_label(doc, x, &mail.quote_from) || starts_with_label(doc, x, &mail.quote_fields)
                });
            if with_words || header_follows {
                return Some(i);
            }
        }
    }
    None
}

/// A header line just above the first `>` line ("... wrote:" may be missing its keyword).
fn header_above(doc: &Document, lines: &[Line<'_>], i: usize, mail: &MailSets) -> Option<usize> {
    let j = (0..i).rev().find(|&j| !lines[j].is_blank())?;
    let l = &lines[j];
    (l.text.trim_end().ends_with(':')
        && (is_wrote_header(doc, l, mail) || l.tokens.clone().any(|k| doc.tokens()[k].kind == TokenKind::Email)))
    .then_some(j)
}

fn separator_above(doc: &Document, lines: &[Line<'_>], i: usize, mail: &MailSets) -> Option<usize> {
    let j = (0..i).rev().find(|&j| !lines[j].is_blank())?;
    is_separator(doc, &lines[j], mail).then_some(j)
}

/// A line that is a person's name: "Анна", "Ф. Титов", "Priya Shah | Head of Communications".
fn is_name_line(line: &Line<'_>, stop: &dyn Fn(&str) -> bool) -> bool {
    let text = line.text.trim();
    let first = text.split(['|', '•']).next().unwrap_or("").trim();
    if first.is_empty() || first.chars().count() > 40 || first.ends_with([':', '?', ',', ';', '.', '!']) {
        return false;
    }
    let parts: Vec<&str> = first.split_whitespace().collect();
    if parts.len() > 4 {
        return false;
    }
    let mut names = 0;
    for p in parts {
        let initial = p.chars().count() == 2 && p.ends_with('.') && p.chars().next().is_some_and(char::is_uppercase);
        if initial {
            continue;
        }
        let ok = is_capitalized(p)
            && p.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && !stop(&crate::text::normalize(p));
        if !ok {
            return false;
        }
        names += 1;
    }
    names > 0
}

fn find_signature_start(
    doc: &Document,
    lines: &[Line<'_>],
    first: usize,
    end: usize,
    mail: &MailSets,
    stop: &dyn Fn(&str) -> bool,
) -> Option<(usize, bool)> {
    let next_content = |i: usize| (i + 1..end).find(|&j| !lines[j].is_blank());
    for i in first..end {
        let l = &lines[i];
        if l.is_blank() {
            continue;
        }
        let t = l.text.trim();
        if matches!(t, "--" | "-- " | "__" | "—" | "---") {
            return Some((i, false));
        }
        let words: Vec<&str> = l.words.words.clone();
        if !words.is_empty()
            && (mail.signature_lines.starts(&words).is_some() || mail.disclaimers.starts(&words).is_some())
            && i > first
        {
            return Some((i, false));
        }
        // a sign-off, maybe with a name after it: "Спасибо!", "Thanks, Tom", "С уважением,"
        if let Some(m) = mail.signoffs.starts(&words)
            && words.len() <= 7
            && i > first
        {
            let rest_is_name = words.len() == m.end
                || (words.len() - m.end <= 3
                    && l.words.tokens[m.end..].iter().all(|&k| is_capitalized(doc.token_text(k))));
            let then = next_content(i);
            let follows_ok = match then {
                None => true,
                Some(j) => {
                    is_name_line(&lines[j], stop)
                        || matches!(lines[j].text.trim(), "--" | "-- ")
                        || t.ends_with(',')
                        || words.len() > m.end
                }
            };
            if rest_is_name && follows_ok {
                return Some((i, true));
            }
        }
        if i > first && is_name_line(l, stop) {
            let after_blank = i > 0 && lines[i - 1].is_blank();
            let after_sentence = i > 0 && lines[i - 1].text.trim_end().ends_with(['.', '!', '?', ')']);
            let tail_short = lines[i + 1..end].iter().take_while(|x| !x.is_blank()).all(|x| x.words.len() <= 12);
            if (after_blank || after_sentence) && tail_short {
                return Some((i, false));
            }
        }
    }
    company_line(lines, first, end)
}

/// A last paragraph of one or two short lines with no sentence punctuation,
/// digits or colon, after a paragraph that ends a sentence: a company or team
/// name signing the message ("Бюро перекладів «Перекладач»", "SiteCraft Billing").
fn company_line(lines: &[Line<'_>], first: usize, end: usize) -> Option<(usize, bool)> {
    let last = (first..end).rev().find(|&j| !lines[j].is_blank())?;
    let start = (first..=last).rev().take_while(|&j| !lines[j].is_blank()).last()?;
    if last - start > 1 || start <= first {
        return None;
    }
    let prev = (first..start).rev().find(|&j| !lines[j].is_blank())?;
    let ends_sentence = lines[prev].text.trim_end().ends_with(['.', '!', '?', ')', '»']);
    let plain = lines[start..=last].iter().all(|l| {
        let t = l.text.trim();
        l.words.len() <= 6
            && !t.ends_with(['.', '!', '?', ':', ','])
            && !t.contains(':')
            && !t.chars().any(|c| c.is_ascii_digit())
            && t.chars().any(char::is_uppercase)
    });
    (ends_sentence && plain).then_some((start, false))
}

/// "Heyyy" → "hey", "Привееет" → "привет": a drawn-out greeting is still one.
fn squeeze(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = None;
    for c in word.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

fn is_greeting(doc: &Document, span: Span, mail: &MailSets) -> bool {
    let w = doc.words(doc.token_range(span));
    if w.is_empty() || w.len() > 7 {
        return false;
    }
    if mail.greetings.starts(&w.words).is_some() {
        return true;
    }
    let first = squeeze(w.words[0]);
    if first != w.words[0] && mail.greetings.starts(&[first.as_str()]).is_some() {
        return true;
    }
    // "Анна, добрый день!": a name, then the greeting
    w.len() <= 6 && (1..3.min(w.len())).any(|k| mail.greetings.starts(&w.words[k..]).is_some())
}

/// Splits `doc` (a whole message body) into its parts.
pub fn split_parts(doc: &Document, mail: &MailSets, stop: &dyn Fn(&str) -> bool) -> Parts {
    let text = doc.text();
    let ls = lines(doc);
    let quote = find_quote_start(doc, &ls, mail);
    let region_end_line = quote.unwrap_or(ls.len());
    let region_end = if region_end_line < ls.len() { ls[region_end_line].span.start } else { text.len() };
    let quoted = quote.map(|q| Span::new(ls[q].span.start, text.len()).trim(text)).filter(|s| !s.is_empty());

    // greeting: the first sentence, if it greets
    let first_sentence = doc.sentences().iter().find(|s| s.span.end <= region_end);
    let greeting = first_sentence.map(|s| s.span).filter(|&s| is_greeting(doc, s, mail));
    let first_line = ls.iter().position(|l| !l.is_blank()).unwrap_or(0);
    let greeting_line_end = greeting.map(|g| ls.iter().position(|l| l.span.end >= g.end).unwrap_or(0));
    // lines after the greeting line (or the first content line) may start the signature
    let sig_from = match greeting_line_end {
        Some(gl) if ls[gl].span.end <= greeting.map_or(0, |g| g.end) + 1 => gl + 1,
        _ => first_line + 1,
    };
    let sig = find_signature_start(doc, &ls, sig_from.min(region_end_line), region_end_line, mail, stop);
    let sig_start = sig.map_or(region_end, |(i, _)| ls[i].span.start);
    let signoff = sig.filter(|(_, is_signoff)| *is_signoff).map(|(i, _)| ls[i].span.trim(text));
    let signature_start = match sig {
        Some((i, true)) => (i + 1..region_end_line).find(|&j| !ls[j].is_blank()).map(|j| ls[j].span.start),
        Some((i, false)) => Some(ls[i].span.start),
        None => None,
    };
    let signature = signature_start.map(|s| Span::new(s, region_end).trim(text)).filter(|s| !s.is_empty());
    let body_start = greeting.map_or(0, |g| g.end);
    let body = Span::new(body_start, sig_start.max(body_start)).trim(text);
    Parts { greeting, body, signoff, signature, quoted }
}
