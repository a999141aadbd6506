//! Reading a draft saved as an .eml file (RFC 5322, MIME, any charset):
//! the draft is the message; the client's message is the quoted original
//! inside it ("On … wrote:" with `>` lines, or an Outlook header block).

use super::{Exchange, Message, split_parts};
use crate::pack::Pack;
use crate::text::{Document, Lang};
use mail_parser::{Address, MessageParser};

fn addresses(a: Option<&Address<'_>>) -> Vec<String> {
    let Some(a) = a else { return Vec::new() };
    a.iter()
        .filter_map(|x| {
            let email = x.address()?;
            Some(match x.name() {
                Some(n) if !n.is_empty() => format!("{n} <{email}>"),
                _ => email.to_string(),
            })
        })
        .collect()
}

fn emails_in(line: &str) -> Vec<String> {
    line.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | ',' | ';' | '"' | '(' | ')' | '[' | ']'))
        .filter(|w| w.contains('@') && w.contains('.') && !w.starts_with('@'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .collect()
}

/// Strips one level of `>` quoting.
fn dequote(text: &str) -> String {
    text.lines()
        .map(|l| {
            let t = l.trim_start();
            match t.strip_prefix('>') {
                Some(rest) => rest.strip_prefix(' ').unwrap_or(rest),
                None => l,
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Builds an exchange from a draft .eml. Errors are sentences for the user.
pub fn exchange_from_eml(bytes: &[u8], pack: &Pack) -> Result<Exchange, String> {
    let msg = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| "is not an e-mail message (no headers could be read)".to_string())?;
    let body = msg.body_text(0).map(|b| b.into_owned()).unwrap_or_default();
    let body = body.replace("\r\n", "\n");
    if body.trim().is_empty() {
        return Err("has no text body to check".to_string());
    }
    let draft = Message {
        subject: msg.subject().unwrap_or("").to_string(),
        from: addresses(msg.from()).into_iter().next().unwrap_or_default(),
        to: addresses(msg.to()),
        cc: addresses(msg.cc()),
        body: body.clone(),
    };
    let doc = Document::new(body.clone(), &pack.text, Lang::En);
    let stop = |w: &str| Lang::CONCRETE.iter().any(|&l| pack.lang(l).stopwords.contains(w));
    let parts = split_parts(&doc, &pack.mail, &stop);
    let mut incoming = Message::default();
    if let Some(q) = parts.quoted {
        let quoted = q.slice(&body);
        let mut lines = quoted.lines();
        let mut header_lines = Vec::new();
        // the header: the "wrote:" line, or the block of "Label: value" lines
        for line in lines.by_ref() {
            if line.trim().is_empty() {
                if header_lines.is_empty() {
                    continue;
                }
                break;
            }
            if line.trim_start().starts_with('>') {
                break;
            }
            header_lines.push(line);
            if line.trim_end().ends_with(':') && header_lines.len() <= 2 && !line.contains(": ") {
                break; // "On … wrote:"
            }
        }
        let mut emails: Vec<String> = Vec::new();
        for l in &header_lines {
            for e in emails_in(l) {
                if !emails.contains(&e) {
                    emails.push(e);
                }
            }
        }
        incoming.from = emails.first().cloned().unwrap_or_default();
        incoming.to = emails.iter().skip(1).cloned().collect();
        if let Some(subj) = header_lines.iter().find_map(|l| {
            let (label, value) = l.split_once(':')?;
            let label = crate::text::normalize(label.trim().trim_matches('*'));
            matches!(label.as_str(), "subject" | "тема").then(|| value.trim().to_string())
        }) {
            incoming.subject = subj;
        }
        let rest: Vec<&str> = quoted.lines().skip(header_lines.len()).collect();
        incoming.body = dequote(rest.join("\n").trim_matches('\n'));
    }
    if incoming.subject.is_empty() {
        incoming.subject = super::core_subject(&draft.subject, &pack.mail);
    }
    if incoming.body.trim().is_empty() {
        return Err(
            "holds no quoted original to compare the draft with (reply with the client's message quoted below)"
                .to_string(),
        );
    }
    let now = msg.date().map(|d| d.to_rfc3339());
    Ok(Exchange { incoming, draft, now })
}
