//! The one normal form used for matching words against pack phrases:
//! lower case, "ё" as "е", one apostrophe, no combining marks.

/// Appends the normal form of `word` to `out`.
pub fn normalize_into(word: &str, out: &mut String) {
    let mut prev: Option<char> = None;
    for c in word.chars() {
        let pushed = match c {
            '\u{0306}' if prev == Some('и') => {
                out.pop();
                'й'
            }
            '\u{0308}' if prev == Some('і') => {
                out.pop();
                'ї'
            }
            '\u{0300}'..='\u{036F}' | '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
            '’' | 'ʼ' | '`' | '‘' | '′' => '\'',
            '‑' | '‐' => '-',
            'ё' | 'Ё' => 'е',
            c if c.is_ascii() => c.to_ascii_lowercase(),
            // Cyrillic without the Unicode tables (a tenth of the analysis time went there)
            'а'..='я' | 'ѐ'..='џ' => c,
            'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
            c => {
                let start = out.len();
                out.extend(c.to_lowercase());
                prev = out[start..].chars().last();
                continue;
            }
        };
        out.push(pushed);
        prev = Some(pushed);
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

    #[test]
    fn the_cyrillic_fast_path_lowercases_like_unicode() {
        for c in ('\u{0400}'..='\u{04FF}').chain('\u{0100}'..='\u{024F}') {
            let expected: String = if c == 'ё' || c == 'Ё' { "е".into() } else { c.to_lowercase().collect() };
            assert_eq!(normalize(&c.to_string()), expected, "{c:?} U+{:04X}", c as u32);
        }
    }
}
