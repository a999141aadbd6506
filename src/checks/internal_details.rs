//! # internal_details
//!
//! **What it flags.** Our internal kitchen in a reply to a client: sick
//! leave, holidays, power cuts, "директор не хочет", "я решила не давать
//! скидку", "we're swamped".
//!
//! **Why an agency cares.** The client needs the result and the date, not
//! our reasons; and decisions are the team's ("мы решили"), not one
//! person's.
//!
//! **Example.** "Дизайнер на больничном, поэтому макет задержится" → say
//! what happens and when: "Макет пришлём в четверг до 12:00".

use super::{Check, Context};
use crate::pack::Severity;
use crate::report::{Action, Finding, Target};

pub struct InternalDetails;

impl Check for InternalDetails {
    fn id(&self) -> &'static str {
        "internal_details"
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn run(&self, ctx: &Context<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        let doc = &ctx.draft;
        for s in ctx.draft_body() {
            let sets = ctx.sets_for(s);
            let words = doc.words(s.body.clone());
            for m in sets.internal_details.find_longest(&words.words) {
                let span = doc.match_span(&words, m.start, m.end);
                let msgs = ctx.sets();
                out.push(
                    Finding::new(
                        self.id(),
                        self.severity(ctx),
                        msgs.message("internal_details", &[("phrase", span.slice(doc.text()))]),
                        Target::Draft,
                        span,
                    )
                    .suggest(Action::Advice, msgs.message("internal_details_hint", &[])),
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{fired, run};

    #[test]
    fn our_kitchen_is_flagged_in_three_languages() {
        for (d, phrase) in [
            ("Анна, добрый день!\n\nДизайнер на больничном, поэтому макет задержится.\n\nОльга", "на больничном"),
            ("Анна, добрый день!\n\nЯ решила не давать скидку на этот заказ.\n\nОльга", "Я решила"),
            ("Олено, добрий день!\n\nУ нас вимкнули світло, тому звіт буде пізніше.\n\nІрина", "вимкнули світло"),
            ("Hi Tom,\n\nOur designer is off sick, so the mock-up will be late.\n\nSophie", "off sick"),
        ] {
            let r = run("", d);
            let f = r.findings.iter().find(|f| f.rule == "internal_details").unwrap_or_else(|| panic!("{d}"));
            assert_eq!(f.span.slice(d), phrase);
        }
    }

    #[test]
    fn a_team_decision_and_a_date_are_fine() {
        let d = "Анна, добрый день!\n\nМы решили перенести запуск: макет пришлём в четверг до 12:00.\n\nОльга";
        assert!(!fired(&run("", d)).contains(&"internal_details"));
    }
}
