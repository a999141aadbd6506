//! replylint checks a reply to a client before it is sent: questions left
//! unanswered, a missing closing summary, a tone out of the agency's band,
//! and the agency's own rules. Russian, Ukrainian and English.
//!
//! ```
//! use replylint::{analyze, Exchange, Pack};
//! let pack = Pack::base();
//! let mut ex = Exchange::default();
//! ex.incoming.body = "Добрый день! Когда будет готов макет?\n\nАнна".into();
//! ex.draft.body = "Анна, добрый день! Макет пришлём в пятницу до 12:00.\n\nОльга".into();
//! let report = analyze(&ex, &pack);
//! assert!(report.questions[0].answered);
//! ```

pub mod analysis;
pub mod checks;
pub mod mail;
pub mod pack;
pub mod report;
pub mod selftest;
pub mod template;
pub mod text;
pub mod time;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use mail::{Exchange, Message};
pub use pack::{Pack, PackError, Severity};
pub use report::{Finding, Report, Target, Unit};

/// Runs every check the pack enables on one exchange.
/// The report's views (questions, summary, tone) are the shared analyses of
/// the checks that ran; findings point into them by index and the views point
/// back at findings by id ([`Report::link`]).
pub fn analyze(exchange: &Exchange, pack: &Pack) -> Report {
    let cx = analysis::Context::new(exchange, pack);
    let (checks_run, findings) = checks::run_all(&cx);
    let ran = |id: &str| checks_run.contains(&id);
    let mut report = Report {
        lang: Some(cx.lang_detected),
        incoming_lang: Some(cx.incoming_lang),
        draft_parts: cx.draft_parts.clone(),
        incoming_parts: cx.incoming_parts.clone(),
        questions: if ran("unanswered_questions") { cx.answers().to_vec() } else { Vec::new() },
        summary: if ran("summary") { cx.closing().clone() } else { Default::default() },
        tone: if ran("tone") { cx.tone().result.clone() } else { Default::default() },
        findings,
        checks_run,
    };
    report.sort();
    report.link();
    report
}
