//! # summary
//!
//! **What it flags.** A draft that needs a closing summary and call to
//! action but just stops. A draft needs one when it is long (the pack's
//! `min_words`, 80 by default), answers two or more of the client's
//! questions, or asks the client to do something. The closing is the last
//! paragraph (or two, when the last is a one-line courtesy) before the
//! sign-off; it counts when it opens with a summary marker ("Итого:",
//! "Отже,", "Next step:", "So:") or asks the client for something with a
//! deadline ("подтвердите до пятницы", "please send … by Friday").
//! Ritual closings ("Выражаем надежду на плодотворное сотрудничество", "We
//! remain at your disposal") do not count.
//!
//! **Why an agency cares.** The client should see at the end what was
//! decided and what happens next, who does it, by when.
//!
//! **Example.** A 120-word answer to three questions that ends with the
//! third answer → missing; suggestion: "Итого: … Со своей стороны ждём от
//! вас … до …".

use super::{Check, Context};
use crate::report::{Action, Detail, Finding, SummaryStatus, Target};
use crate::text::Span;

pub struct Summary;

impl Check for Summary {
    fn id(&self) -> &'static str {
        "summary"
    }

    fn run(&self, ctx: &Context<'_>) -> Vec<Finding> {
        let closing = ctx.closing();
        if closing.status != SummaryStatus::Missing {
            return Vec::new();
        }
        let mut out = Vec::new();
        {
            let needed = &closing.needed_because;
            let sets = ctx.sets();
            let body = ctx.draft_parts.body;
            let why =
                needed.iter().map(|n| sets.message(&format!("summary_why_{n}"), &[])).collect::<Vec<_>>().join(", ");
            out.push(
                Finding::new(
                    self.id(),
                    self.severity(ctx),
                    sets.message("summary_missing", &[("why", &why)]),
                    Target::Draft,
                    Span::empty_at(body.end),
                )
                .suggest(Action::Insert, format!("\n\n{}", sets.skeleton))
                .detail(Detail::Closing { needed_because: needed.clone() }),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{fired, run};
    use crate::report::{Action, SummaryStatus};

    const LONG_RU: &str = "Ирина, добрый день!\n\nСайт будет на staging в понедельник, 17 марта. Доступы пришлю отдельным письмом в тот же день.\n\nСтарые адреса карточек изменятся, поэтому мы настроим редиректы для всех 340 карточек. Таблицу соответствия пришлём вместе с доступами.\n\nТехподдержка после запуска стоит 45 000 ₽ в месяц: до 20 часов работ и реакция на критичные ошибки в течение двух часов.";

    #[test]
    fn a_long_reply_that_just_stops_misses_its_summary_and_gets_a_skeleton_in_its_language() {
        let r = run("", &format!("{LONG_RU}\n\nАнтон"));
        assert_eq!(r.summary.status, SummaryStatus::Missing);
        let f = r.findings.iter().find(|f| f.rule == "summary").unwrap();
        let s = f.suggestion.as_ref().unwrap();
        assert_eq!(s.action, Action::Insert);
        assert!(s.text.contains("Итого:"), "{}", s.text);
    }

    #[test]
    fn summary_markers_and_requests_with_a_deadline_count_in_three_languages() {
        let present = [
            format!("{LONG_RU}\n\nИтого: staging 17 марта, запуск 24 марта. Пожалуйста, подтвердите дату запуска до пятницы.\n\nАнтон"),
            format!("{LONG_RU}\n\nСо своей стороны ждём от вас список тестировщиков до среды.\n\nАнтон"),
            "Оксано, добрий день!\n\nМакети отримали, друк займе три дні, монтаж — один день. Доставку організуємо самі.\n\nКольори перевірили, усе гаразд.\n\nВід вас потрібне лише підтвердження адреси до четверга.\n\nТарас".to_string(),
            "Hi Lisa,\n\nWe can print the panels by 12 May and install them the same day. Your designer should send PDFs with bleed.\n\nThe quote is attached.\n\nNext step: please approve the artwork by Friday so we can book the install crew.\n\nOwen".to_string(),
            "Hi Lisa,\n\nWe can print the panels by 12 May and install them the same day. Your designer should send PDFs with bleed.\n\nLet me know by Thursday and we'll book the crew.\n\nOwen".to_string(),
        ];
        for d in &present {
            assert_eq!(run("", d).summary.status, SummaryStatus::Present, "{d}");
        }
    }

    #[test]
    fn ritual_closings_are_not_a_summary() {
        let d = format!("{LONG_RU}\n\nВыражаем надежду на дальнейшее плодотворное сотрудничество.\n\nАнтон");
        assert_eq!(run("", &d).summary.status, SummaryStatus::Missing);
        let en = "Dear Ms Mitchell,\n\nThe decline in rankings is caused by the February update and two new portals. We would not recommend a trial.\n\nThe minimum term is twelve months.\n\nWe remain at your disposal for any further clarification.\n\nGregory";
        assert_eq!(run("", en).summary.status, SummaryStatus::Missing);
    }

    #[test]
    fn a_short_single_point_reply_needs_no_summary() {
        for d in [
            "Сергей, добрый день! Ошибку воспроизвели, форма заработает сегодня до 16:00.\n\nДмитрий",
            "Hi Tom,\n\nYes, the menu will be live by Thursday.\n\nSophie",
        ] {
            let r = run("Когда почините форму?", d);
            assert_eq!(r.summary.status, SummaryStatus::NotNeeded, "{d}");
            assert!(!fired(&r).contains(&"summary"));
        }
    }

    #[test]
    fn asking_the_client_to_act_makes_a_summary_necessary() {
        let d = "Hi Ben,\n\nCould you send the API credentials through our password manager? The provider only issues them to the account owner.\n\nSophie";
        let r = run("", d);
        assert!(r.summary.needed_because.contains(&"asks_client"));
    }
}
