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

pub mod checks;
pub mod mail;
pub mod pack;
pub mod report;
pub mod template;
pub mod text;
pub mod tz;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use mail::{Exchange, Message};
pub use pack::{Pack, PackError, Severity};
pub use report::{Finding, Report, Target, Unit};

/// Runs every check the pack enables on one exchange.
pub fn analyze(exchange: &Exchange, pack: &Pack) -> Report {
    let ctx = checks::Context::new(exchange, pack);
    let mut report = Report {
        lang: Some(ctx.lang_detected),
        incoming_lang: Some(ctx.incoming_lang),
        draft_parts: ctx.draft_parts.clone(),
        incoming_parts: ctx.incoming_parts.clone(),
        ..Report::default()
    };
    checks::run_all(&ctx, &mut report);
    report.sort();
    report
}
