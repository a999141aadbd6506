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
use crate::report::{Action, Finding, Target};
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

    fn run(&self, ctx: &Context<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        let inc = &ctx.exchange.incoming;
        let dr = &ctx.exchange.draft;
        let draft_to: Vec<String> = dr.to.iter().chain(&dr.cc).map(|a| address(a)).filter(|a| !a.is_empty()).collect();
        if draft_to.is_empty() {
            return out; // recipients unknown (the editor did not show them)
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
            return out;
        }
        let list = dropped.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
        out.push(
            Finding::new(
                self.id(),
                self.severity(ctx),
                ctx.sets().message("reply_all", &[("missing", &list)]),
                Target::Recipients,
                Span::default(),
            )
            .suggest(Action::Advice, list),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{fired, pack};
    use crate::mail::{Exchange, Message};

    fn ex(inc_to: &[&str], inc_cc: &[&str], dr_to: &[&str], dr_cc: &[&str]) -> Exchange {
        let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect();
        Exchange {
            incoming: Message {
                from: "Anna <anna@client.example>".into(),
                to: v(inc_to),
                cc: v(inc_cc),
                body: "Hi?".into(),
                ..Message::default()
            },
            draft: Message { to: v(dr_to), cc: v(dr_cc), body: "Hello.".into(), ..Message::default() },
            now: None,
        }
    }

    #[test]
    fn dropping_the_clients_colleague_from_cc_is_flagged() {
        let r = crate::analyze(
            &ex(&["olga@agency.example"], &["boss@client.example"], &["anna@client.example"], &[]),
            pack(),
        );
        let f = r.findings.iter().find(|f| f.rule == "reply_all").expect("reply_all fires");
        assert!(f.message.contains("boss@client.example"));
    }

    #[test]
    fn replying_to_all_or_to_a_lone_sender_is_fine() {
        let all = ex(
            &["olga@agency.example"],
            &["boss@client.example"],
            &["anna@client.example"],
            &["Boss <boss@client.example>"],
        );
        assert!(!fired(&crate::analyze(&all, pack())).contains(&"reply_all"));
        let lone = ex(&["olga@agency.example"], &[], &["anna@client.example"], &[]);
        assert!(!fired(&crate::analyze(&lone, pack())).contains(&"reply_all"));
        let our_colleague = ex(&["olga@agency.example"], &["pm@agency.example"], &["anna@client.example"], &[]);
        assert!(
            !fired(&crate::analyze(&our_colleague, pack())).contains(&"reply_all"),
            "our own team is not the client's loop"
        );
    }
}
