//! Acknowledgement templates: placeholders, rendering, and the `{deadline}`
//! computed from the pack's response-time standard.
//!
//! Deadline rule (docs/packs.md): a standard of 24 hours or more counts whole
//! working days (time of day kept; non-working days skipped), so a message on
//! Friday at 17:00 with a 24-hour standard is due on Monday at 17:00. A
//! shorter standard counts working hours only, so Friday 17:30 with two hours
//! is due Monday 10:30 with 09:00–18:00 working hours. A start outside
//! working time moves to the next working moment first.

use crate::mail::Exchange;
use crate::pack::{Pack, placeholders};
use crate::text::{Lang, Span};
use serde::Serialize;
use std::collections::BTreeMap;

/// A template filled in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rendered {
    pub id: String,
    pub language: String,
    pub text: String,
    /// Placeholders left for the user, with their spans in `text` (bytes; converted by the caller).
    pub unfilled: Vec<(String, Span)>,
}

/// First name of a person from "Anna Petrova <a@b.c>" or a signature line.
fn first_name(s: &str) -> Option<String> {
    let s = s.split('<').next().unwrap_or("").trim().trim_matches('"');
    let s = s.split(['|', ',']).next().unwrap_or("").trim();
    let first = s.split_whitespace().find(|w| w.chars().count() > 2 || !w.ends_with('.'))?;
    (first.chars().next()?.is_uppercase() && first.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''))
        .then(|| first.to_string())
}

/// Ukrainian addresses people in the vocative: Олена → Олено, Денис → Денисе,
/// Андрій → Андрію, Марія → Маріє. A heuristic for first names only.
pub fn uk_vocative(name: &str) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    let Some(&last) = chars.last() else {
        return String::new();
    };
    let cyr = chars.iter().all(|c| ('\u{0400}'..='\u{04FF}').contains(c) || *c == '\'' || *c == '-');
    if !cyr || chars.len() < 3 {
        return name.to_string();
    }
    match last {
        'а' => {
            chars.pop();
            chars.push('о');
        }
        'я' => {
            chars.pop();
            chars.push(if matches!(chars.last(), Some('і')) { 'є' } else { 'е' });
        }
        'й' => {
            chars.pop();
            chars.push('ю');
        }
        'о' | 'е' | 'є' | 'у' | 'ю' | 'и' | 'і' => {}
        _ => chars.push('е'),
    }
    chars.into_iter().collect()
}

/// Values the exchange provides: the client's and the manager's names, the subject, the deadline.
pub fn values_from(pack: &Pack, exchange: &Exchange, lang: Lang) -> BTreeMap<String, String> {
    let mut v = BTreeMap::new();
    let ctx = crate::analysis::Context::new(exchange, pack);
    let name_line = |parts: &crate::mail::Parts, doc: &crate::text::Document| -> Option<String> {
        let from_signoff = parts.signoff.and_then(|s| {
            let line = s.slice(doc.text());
            line.split_once([',', '!']).and_then(|(_, rest)| first_name(rest))
        });
        from_signoff.or_else(|| parts.signature.and_then(|s| s.slice(doc.text()).lines().find_map(first_name)))
    };
    let client = name_line(&ctx.incoming_parts, &ctx.incoming).or_else(|| first_name(&exchange.incoming.from));
    if let Some(c) = client {
        v.insert("client_name".into(), if lang == Lang::Uk { uk_vocative(&c) } else { c });
    }
    if let Some(m) = name_line(&ctx.draft_parts, &ctx.draft) {
        v.insert("manager_name".into(), m);
    }
    let subject = crate::mail::core_subject(&exchange.incoming.subject, &pack.mail);
    if !subject.is_empty() {
        v.insert("subject".into(), subject);
    }
    if let Some(d) = pack.deadline_text(exchange.now.as_deref(), lang) {
        v.insert("deadline".into(), d);
    }
    v
}

/// Renders template `id` with values from the exchange (if any) and `extra` values.
pub fn render(
    pack: &Pack,
    id: &str,
    exchange: Option<&Exchange>,
    extra: &BTreeMap<String, String>,
) -> Result<Rendered, String> {
    let t = pack.templates().iter().find(|t| t.id == id).ok_or_else(|| {
        let ids: Vec<&str> = pack.templates().iter().map(|t| t.id.as_str()).collect();
        format!("the pack {:?} has no template {id:?}; it has: {}", pack.id(), ids.join(", "))
    })?;
    let lang = Lang::from_code(&t.language).unwrap_or(Lang::En);
    let mut values = exchange.map(|e| values_from(pack, e, lang)).unwrap_or_default();
    if exchange.is_none() {
        // without an exchange a deadline can still be computed from the clock the caller passed
        if let Some(now) = extra.get("now")
            && let Some(d) = pack.deadline_text(Some(now), lang)
        {
            values.insert("deadline".into(), d);
        }
    }
    for (k, val) in extra {
        if !val.is_empty() {
            values.insert(k.clone(), val.clone());
        }
    }
    // fill in one pass so a value that contains "{x}" is never expanded again
    let mut text = String::with_capacity(t.text.len() + 64);
    let mut unfilled = Vec::new();
    let mut rest = t.text.as_str();
    while let Some(a) = rest.find('{') {
        text.push_str(&rest[..a]);
        let after = &rest[a + 1..];
        match after.find('}') {
            Some(b) if placeholders(&rest[a..a + b + 2]).len() == 1 => {
                let name = &after[..b];
                match values.get(name).filter(|_| !t.fill.iter().any(|f| f == name) || extra.contains_key(name)) {
                    Some(val) => text.push_str(val),
                    None => {
                        let start = text.len();
                        text.push('{');
                        text.push_str(name);
                        text.push('}');
                        unfilled.push((name.to_string(), Span::new(start, text.len())));
                    }
                }
                rest = &after[b + 1..];
            }
            _ => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    Ok(Rendered { id: t.id.clone(), language: t.language.clone(), text, unfilled })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ukrainian_vocative_of_first_names() {
        assert_eq!(uk_vocative("Олена"), "Олено");
        assert_eq!(uk_vocative("Денис"), "Денисе");
        assert_eq!(uk_vocative("Андрій"), "Андрію");
        assert_eq!(uk_vocative("Марія"), "Маріє");
        assert_eq!(uk_vocative("Tom"), "Tom");
    }
}
