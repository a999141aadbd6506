//! # subject_changed
//!
//! **What it flags.** A reply whose subject differs from the client's beyond
//! a reply or forward prefix ("Re:", "RE:", "Fwd:", "Отв:", "Відп:").
//!
//! **Why an agency cares.** The client's mail client threads by subject, and
//! clients filter by it: a new subject (or a stray character) hides the reply
//! from the thread. A new topic deserves a new e-mail.
//!
//! **Example.** "Смета на видеоролик" → "Re: Смета на видеоролик." (a stray
//! dot) is flagged; "Re: Смета на видеоролик" is not.

use super::{Check, Context};
use crate::mail::core_subject;
use crate::pack::Severity;
use crate::report::{Action, Finding, Target};
use crate::text::{Span, normalize};

pub struct SubjectChanged;

impl Check for SubjectChanged {
    fn id(&self) -> &'static str {
        "subject_changed"
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn run(&self, ctx: &Context<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        let (inc, dr) = (&ctx.exchange.incoming.subject, &ctx.exchange.draft.subject);
        if inc.trim().is_empty() || dr.trim().is_empty() {
            return out;
        }
        let a = core_subject(inc, &ctx.pack.mail);
        let b = core_subject(dr, &ctx.pack.mail);
        if a == b {
            return out;
        }
        let sets = ctx.sets();
        let small = a.chars().count().abs_diff(b.chars().count()) <= 2
            && normalize(&a).trim_matches(|c: char| !c.is_alphanumeric())
                == normalize(&b).trim_matches(|c: char| !c.is_alphanumeric());
        let key = if small { "subject_stray" } else { "subject_changed" };
        out.push(
            Finding::new(
                self.id(),
                self.severity(ctx),
                sets.message(key, &[("original", &a), ("draft", &b)]),
                Target::Subject,
                Span::default(),
            )
            .suggest(Action::Replace, format!("Re: {a}")),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Pack;

    #[test]
    fn prefixes_in_three_languages_are_stripped() {
        let pack = Pack::base();
        assert_eq!(core_subject("RE: Fwd: Смета", &pack.mail), "Смета");
        assert_eq!(core_subject("Відп: Кошторис  ролика", &pack.mail), "Кошторис ролика");
        assert_eq!(core_subject("Отв: Re[2]: Счёт № 47", &pack.mail), "Счёт № 47");
        assert_eq!(core_subject("Note: agenda", &pack.mail), "Note: agenda");
    }
}

#[cfg(test)]
mod behaviour {
    use crate::checks::testing::{fired, pack};
    use crate::mail::{Exchange, Message};

    fn check(incoming: &str, draft: &str) -> Vec<String> {
        let ex = Exchange {
            incoming: Message {
                subject: incoming.into(), body: "Когда будет макет?".into(), ..Message::default()
            },
            draft: Message {
                subject: draft.into(), body: "Макет будет в пятницу.".into(), ..Message::default()
            },
            now: None,
        };
        let r = crate::analyze(&ex, pack());
        fired(&r).into_iter().filter(|f| *f == "subject_changed").map(String::from).collect()
    }

    #[test]
    fn reply_prefixes_in_three_languages_keep_the_thread() {
        assert!(check("Смета на видеоролик", "Re: Смета на видеоролик").is_empty());
        assert!(check("Кошторис ролика", "Відп: Кошторис ролика").is_empty());
        assert!(check("Menu page update", "RE: Fwd: Menu page update").is_empty());
        assert!(check("Счёт № 47", "Отв: Счёт № 47").is_empty());
    }

    #[test]
    fn a_new_subject_or_a_stray_character_is_flagged() {
        assert_eq!(check("Смета на видеоролик", "Re: Смета на видеоролик."), ["subject_changed"]);
        assert_eq!(
            check("Booking engine integration", "Booking engine integration: plan and costs"),
            ["subject_changed"]
        );
        assert_eq!(check("Друк банерів", "Re: Друк банерів і монтаж"), ["subject_changed"]);
    }

    #[test]
    fn a_stray_character_gets_its_own_message() {
        let ex = Exchange {
            incoming: Message { subject: "Смета".into(), body: "?".into(), ..Message::default() },
            draft: Message { subject: "Re: Смета.".into(), body: "Да.".into(), ..Message::default() },
            now: None,
        };
        let r = crate::analyze(&ex, pack());
        let f = r.findings.iter().find(|f| f.rule == "subject_changed").unwrap();
        assert!(f.message.contains("лишний символ"), "{}", f.message);
        assert_eq!(f.suggestion.as_ref().unwrap().text, "Re: Смета");
    }
}
