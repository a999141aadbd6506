//! The one normal form used for matching words against pack phrases:
//! lower case, "ё" as "е", one apostrophe, no combining marks.

/// Appends the normal form of `word` to `out`.
pub fn normalize_into(word: &str, out: &mut String) {
    let mut prev: Option<char> = None;
    for c in word.chars() {
        match c {
            '\u{0306}' if prev == Some('и') => {
                out.pop();
                out.push('й');
            }
            '\u{0308}' if prev == Some('і') => {
                out.pop();
                out.push('ї');
            }
            '\u{0300}'..='\u{036F}' | '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
            '’' | 'ʼ' | '`' | '‘' | '′' => out.push('\''),
            '‑' | '‐' => out.push('-'),
            'ё' | 'Ё' => out.push('е'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
        prev = out.chars().last();
    }
}

pub fn normalize(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    normalize_into(word, &mut s);
    s
}

/// Whether a word starts with an upper-case letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

pub fn is_lowercase_start(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_form_folds_case_yo_and_apostrophes() {
        assert_eq!(normalize("Всё"), "все");
        assert_eq!(normalize("П’ятниці"), "п'ятниці");
        assert_eq!(normalize("HeLLo"), "hello");
        assert_eq!(normalize("и\u{306}од"), "йод");
        assert_eq!(normalize("cafe\u{301}"), "cafe");
    }
}
