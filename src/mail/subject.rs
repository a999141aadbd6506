//! Subjects: the subject of a thread without its reply and forward prefixes.

use crate::pack::MailSets;
use crate::text::normalize;

/// The subject without reply/forward prefixes, spaces collapsed.
pub fn core_subject(subject: &str, mail: &MailSets) -> String {
    let mut s = subject.trim();
    while let Some(colon) = s.find(':') {
        let head = s[..colon].trim();
        // "RE", "Fwd", "Отв", "AW[2]"
        let word = head.trim_end_matches(|c: char| c == ']' || c.is_ascii_digit() || c == '[').trim();
        if !word.is_empty() && word.len() <= 12 && mail.subject_prefixes.contains(&normalize(word)) {
            s = s[colon + 1..].trim_start();
        } else {
            break;
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
