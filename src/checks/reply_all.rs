//! # reply_all
//!
//! **What it flags.** The client wrote to several people (To and Cc) and the
//! draft goes to fewer of them.
//!
//! **Why an agency cares.** The client copied colleagues on purpose: a reply
//! to the sender alone leaves their boss or their IT team out of the loop.
//!
//! **Example.** Incoming: from anna@client, Cc boss@client. Draft: To
//! anna@client only → "boss@client" is missing.

use super::{Check, Context};
use crate::report::{Action, Finding, Report, Suggestion, Target};
use crate::text::Span;

pub struct ReplyAll;

/// The bare address of "Anna <anna@client.example>", lower-cased.
pub fn address(s: &str) -> String {
    let s = s.trim();
    let inner = match (s.rfind('<'), s.rfind('>')) {
        (Some(a), Some(b)) if a < b => &s[a + 1..b],
        _ => s,
    };
    inner.trim().to_lowercase()
}

fn domain(a: &str) -> &str {
    a.rsplit_once('@').map_or("", |(_, d)| d)
}

impl Check for ReplyAll {
    fn id(&self) -> &'static str {
        "reply_all"
    }

    fn run(&self, ctx: &Context<'_>, report: &mut Report) {
        let inc = &ctx.exchange.incoming;
        let dr = &ctx.exchange.draft;
        let draft_to: Vec<String> = dr.to.iter().chain(&dr.cc).map(|a| address(a)).filter(|a| !a.is_empty()).collect();
        if draft_to.is_empty() {
            return; // recipients unknown (the editor did not show them)
        }
        let client = address(&inc.from);
        // our side: the draft's sender, or the incoming To addresses outside the client's domain
        let ours: Vec<String> = if !dr.from.trim().is_empty() {
            vec![address(&dr.from)]
        } else {
            inc.to.iter().map(|a| address(a)).filter(|a| domain(a) != domain(&client)).collect()
        };
        let our_domains: Vec<&str> = ours.iter().map(|a| domain(a)).collect();
        let expected: Vec<String> = std::iter::once(client.clone())
            .chain(inc.to.iter().chain(&inc.cc).map(|a| address(a)))
            .filter(|a| !a.is_empty() && !ours.contains(a) && !our_domains.contains(&domain(a)))
            .fold(Vec::new(), |mut v, a| {
                if !v.contains(&a) {
                    v.push(a);
                }
                v
            });
        let dropped: Vec<&String> = expected.iter().filter(|a| !draft_to.contains(a)).collect();
        if dropped.is_empty() || expected.len() < 2 {
            return;
        }
        let list = dropped.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
        report.push(Finding {
            rule: self.id().into(),
            severity: ctx.severity(self),
            message: ctx.sets().message("reply_all", &[("missing", &list)]),
            target: Target::Recipients,
            span: Span::default(),
            suggestion: Some(Suggestion { action: Action::Advice, text: list }),
        });
    }
}
