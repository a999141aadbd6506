//! # question_list
//!
//! **What it flags.** The draft asks the client two or more questions in
//! running text (not as a list).
//!
//! **Why an agency cares.** Questions buried in paragraphs get half-answered;
//! a numbered list lets the client answer point by point.
//!
//! **Example.** "Какой формат удобен? И кто будет согласовывать? Подскажите
//! также бюджет." → suggest a numbered list.

use super::{Check, Context};
use crate::pack::Severity;
use crate::report::{Action, Finding, Target};
use crate::text::TokenKind;

pub struct QuestionList;

impl Check for QuestionList {
    fn id(&self) -> &'static str {
        "question_list"
    }

    fn default_severity(&self) -> Severity {
        Severity::Hint
    }

    fn run(&self, ctx: &Context<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        let doc = &ctx.draft;
        let mut spans = Vec::new();
        for s in ctx.draft_body() {
            if s.is_list_item() {
                continue;
            }
            let sets = ctx.sets_for(s);
            let words = doc.words(s.body.clone());
            let direct = s
                .tokens
                .clone()
                .rev()
                .find(|&i| doc.tokens()[i].kind == TokenKind::Punct)
                .is_some_and(|i| doc.token_text(i).contains('?'));
            let asks = direct || sets.client_questions.any(&words.words);
            if asks && !sets.small_talk.any(&words.words) {
                spans.push(s.span);
            }
        }
        if spans.len() < ctx.pack.question_list_min() {
            return out;
        }
        let span = spans[0].join(*spans.last().unwrap_or(&spans[0]));
        let sets = ctx.sets();
        out.push(
            Finding::new(
                self.id(),
                self.severity(ctx),
                sets.message("question_list", &[("count", &spans.len().to_string())]),
                Target::Draft,
                span,
            )
            .suggest(Action::Advice, sets.message("question_list_hint", &[])),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{fired, run};

    #[test]
    fn several_questions_to_the_client_in_running_text_suggest_a_list() {
        for d in [
            "Анна, добрый день!\n\nКакой формат вам удобен? И кто будет согласовывать тексты? Подскажите также бюджет.\n\nОльга",
            "Олено, добрий день!\n\nЯкий формат вам зручний? Хто погоджуватиме тексти?\n\nІрина",
            "Hi Tom,\n\nWhich format works for you? Could you also tell me who signs off the copy?\n\nSophie",
        ] {
            assert!(fired(&run("", d)).contains(&"question_list"), "{d}");
        }
    }

    #[test]
    fn one_question_or_a_numbered_list_is_fine() {
        assert!(!fired(&run("", "Hi Tom,\n\nWhich format works for you?\n\nSophie")).contains(&"question_list"));
        let listed =
            "Анна, добрый день!\n\nНесколько вопросов:\n1. Какой формат вам удобен?\n2. Кто согласует тексты?\n\nОльга";
        assert!(!fired(&run("", listed)).contains(&"question_list"));
    }
}
