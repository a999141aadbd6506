//! `{placeholders}` in template texts and messages: listed once, in order.

/// Names of the `{placeholders}` in a template text, in order, without repeats.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(a) = rest.find('{') {
        let after = &rest[a + 1..];
        let Some(b) = after.find('}') else { break };
        let name = &after[..b];
        if !name.is_empty()
            && name.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
            && !out.iter().any(|n| n == name)
        {
            out.push(name.to_string());
        }
        rest = &after[b + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_listed_once_in_order() {
        assert_eq!(
            placeholders("Hi {client_name}, {document} by {deadline}. {client_name}"),
            vec!["client_name", "document", "deadline"]
        );
        assert!(placeholders("no { braces } here {Bad}").is_empty());
    }
}
