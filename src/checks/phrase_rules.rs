//! # phrase_rules
//!
//! **What it flags.** The agency's own phrase rules from its pack:
//! `existence` (flag these phrases), `substitution` (replace X with Y) and
//! `required` (the draft must contain one of these). Each finding's rule id
//! is `rule:<id>`.
//!
//! **Why an agency cares.** Every agency has words it never sends ("ASAP",
//! "как бы") and words it always uses; a pack writes them down once for
//! forty account managers.
//!
//! **Example.** `swap = { "ASAP" = "до 18:00 сегодня" }` turns "пришлём
//! ASAP" into a click that replaces it.

use super::{Check, Context};
use crate::pack::RuleKind;
use crate::report::{Action, Finding, Suggestion, Target};
use crate::text::Span;

pub struct PhraseRules;

impl Check for PhraseRules {
    fn id(&self) -> &'static str {
        "phrase_rules"
    }

    fn run(&self, ctx: &Context<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        let doc = &ctx.draft;
        let written = ctx.draft_parts.written();
        let text = doc.text();
        for rule in &ctx.pack.rules {
            if !rule.languages.is_empty() && !rule.languages.contains(&ctx.lang) {
                continue;
            }
            let mut hits: Vec<(Span, Option<String>)> = Vec::new();
            for s in ctx.draft_written() {
                let words = doc.words(s.body.clone());
                for m in rule.phrases.find_longest(&words.words) {
                    let rep = rule.replacements.get(m.id as usize).cloned();
                    hits.push((doc.match_span(&words, m.start, m.end), rep));
                }
            }
            if !rule.regex.is_empty() {
                let (lower, back) = lowercase_with_map(written.slice(text));
                for re in &rule.regex {
                    for m in re.find_iter(&lower) {
                        if !m.is_empty() {
                            hits.push((
                                Span::new(written.start + back[m.start()], written.start + back[m.end()]),
                                None,
                            ));
                        }
                    }
                }
            }
            let id = format!("rule:{}", rule.id);
            match rule.kind {
                RuleKind::Required => {
                    if hits.is_empty() {
                        out.push(
                            Finding::new(
                                id,
                                rule.severity,
                                rule.message.clone(),
                                Target::Draft,
                                Span::empty_at(ctx.draft_parts.body.end),
                            )
                            .with_suggestion(None),
                        );
                    }
                }
                RuleKind::Existence | RuleKind::Substitution => {
                    for (span, rep) in hits {
                        out.push(
                            Finding::new(
                                id.clone(),
                                rule.severity,
                                rule.message.replace("{phrase}", span.slice(text)),
                                Target::Draft,
                                span,
                            )
                            .with_suggestion(rep.map(|t| Suggestion { action: Action::Replace, text: t })),
                        );
                    }
                }
            }
        }
        out
    }
}

/// The text in lower case ("ё" as "е"), one char for one char, and for every
/// byte offset of the result the byte offset of the original.
fn lowercase_with_map(text: &str) -> (String, Vec<usize>) {
    let mut lower = String::with_capacity(text.len());
    let mut back = Vec::with_capacity(text.len() + 1);
    for (b, c) in text.char_indices() {
        let l = match c {
            'ё' | 'Ё' => 'е',
            c => c.to_lowercase().next().unwrap_or(c),
        };
        for _ in 0..l.len_utf8() {
            back.push(b);
        }
        lower.push(l);
    }
    back.push(text.len());
    (lower, back)
}

#[cfg(test)]
mod tests {
    use super::lowercase_with_map;

    #[test]
    fn lowercase_map_points_back_into_the_original() {
        let (l, back) = lowercase_with_map("Ёлка ASAP");
        assert_eq!(l, "елка asap");
        let at = l.find("asap").unwrap();
        assert_eq!(&"Ёлка ASAP"[back[at]..back[at + 4]], "ASAP");
    }
}
