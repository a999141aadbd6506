//! Stems for matching a question's topic with the words of an answer.
//!
//! Russian and English use the Snowball stemmers (rust-stemmers). Ukrainian
//! has no Snowball stemmer there, so it strips the longest suffix from the
//! pack's list (`text.stem_suffixes`), keeping at least three letters.
//! Snowball does not conflate all forms ("получили" → "получ", "получения" →
//! "получен"), so [`stems_match`] also accepts a shared prefix of five letters.

use super::Lang;
use rust_stemmers::{Algorithm, Stemmer};

pub struct Stemmers {
    ru: Stemmer,
    en: Stemmer,
    uk_suffixes: Vec<String>,
}

impl std::fmt::Debug for Stemmers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stemmers").field("uk_suffixes", &self.uk_suffixes.len()).finish()
    }
}

impl Stemmers {
    pub fn new(mut uk_suffixes: Vec<String>) -> Self {
        uk_suffixes.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        uk_suffixes.dedup();
        Stemmers { ru: Stemmer::create(Algorithm::Russian), en: Stemmer::create(Algorithm::English), uk_suffixes }
    }

    /// Stem of a word in normal form. The script decides between Latin
    /// (English) and Cyrillic; `lang` decides between Russian and Ukrainian.
    pub fn stem(&self, lang: Lang, word: &str) -> String {
        let latin = word.chars().any(|c| c.is_ascii_alphabetic());
        let cyrillic = word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        if latin && !cyrillic {
            return self.en.stem(word).into_owned();
        }
        if !cyrillic {
            return word.to_string();
        }
        let uk_letters = word.chars().any(|c| matches!(c, 'і' | 'ї' | 'є' | 'ґ' | '\''));
        let ru_letters = word.chars().any(|c| matches!(c, 'ы' | 'э' | 'ъ'));
        let uk = uk_letters || (lang == Lang::Uk && !ru_letters);
        if uk { self.stem_uk(word) } else { self.ru.stem(word).into_owned() }
    }

    fn stem_uk(&self, word: &str) -> String {
        let n = word.chars().count();
        for suf in &self.uk_suffixes {
            let sn = suf.chars().count();
            if n >= sn + 3 && word.ends_with(suf.as_str()) {
                return word[..word.len() - suf.len()].to_string();
            }
        }
        word.to_string()
    }
}

/// Two stems name the same thing: equal; one a prefix of the other with the
/// shorter at least five letters; or sharing four letters and differing only
/// in a short tail ("заявк" / "заявок": the fleeting vowel of the genitive plural).
pub fn stems_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.chars().count() >= 5 && long.starts_with(short) {
        return true;
    }
    let common = short.chars().zip(long.chars()).take_while(|(x, y)| x == y).count();
    common >= 4
        && short.chars().count() - common <= 1
        && long.chars().count() - common <= 2
        && short.chars().count() >= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_match_and_different_words_do_not() {
        assert!(stems_match("получ", "получен"));
        assert!(stems_match("заявк", "заявок"));
        assert!(!stems_match("заявк", "заявлен"));
        assert!(!stems_match("стар", "старт"));
        assert!(!stems_match("компенсув", "компенсац"));
    }
}
