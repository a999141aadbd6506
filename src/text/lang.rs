//! Language of a text or a sentence: Russian, Ukrainian, English or mixed.
//!
//! Evidence, strongest first: letters only one of the two Cyrillic languages
//! has (і ї є ґ for Ukrainian; ы э ъ ё for Russian), frequent words from the
//! packs (`text.detect_words`), and Latin script for English. Capitalised Latin
//! words in Cyrillic text are mostly brand names ("VK", "Telegram Ads"), so
//! they weigh less than lower-case ones.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ru,
    Uk,
    En,
    Mixed,
}

impl Lang {
    pub const CONCRETE: [Lang; 3] = [Lang::Ru, Lang::Uk, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Uk => "uk",
            Lang::En => "en",
            Lang::Mixed => "mixed",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "ru" => Some(Lang::Ru),
            "uk" => Some(Lang::Uk),
            "en" => Some(Lang::En),
            "mixed" => Some(Lang::Mixed),
            _ => None,
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::Ru => 0,
            Lang::Uk => 1,
            Lang::En => 2,
            Lang::Mixed => unreachable!("mixed is not a concrete language"),
        }
    }
}

/// Accumulated evidence for the three languages.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Evidence {
    scores: [f32; 3],
    /// Cyrillic words with no letter or word that tells Russian from Ukrainian.
    cyrillic_neutral: f32,
}

impl Evidence {
    pub fn add(&mut self, other: &Evidence) {
        for i in 0..3 {
            self.scores[i] += other.scores[i];
        }
        self.cyrillic_neutral += other.cyrillic_neutral;
    }

    fn resolved(&self, fallback: Lang) -> [f32; 3] {
        let mut s = self.scores;
        let (ru, uk) = (s[0], s[1]);
        if ru + uk > 0.0 {
            s[0] += self.cyrillic_neutral * ru / (ru + uk);
            s[1] += self.cyrillic_neutral * uk / (ru + uk);
        } else if self.cyrillic_neutral > 0.0 {
            let to = if fallback == Lang::Uk { 1 } else { 0 };
            s[to] += self.cyrillic_neutral;
        }
        s
    }

    /// The main concrete language, or `fallback` when there is no evidence.
    pub fn primary(&self, fallback: Lang) -> Lang {
        let s = self.resolved(fallback);
        let total: f32 = s.iter().sum();
        if total <= 0.0 {
            return fallback;
        }
        let mut best = 0;
        for i in 1..3 {
            if s[i] > s[best] {
                best = i;
            }
        }
        Lang::CONCRETE[best]
    }

    /// `Mixed` when a second language carries at least a third of the text.
    pub fn lang(&self, fallback: Lang) -> Lang {
        let s = self.resolved(fallback);
        let total: f32 = s.iter().sum();
        let primary = self.primary(fallback);
        if total <= 0.0 {
            return primary;
        }
        let second = (0..3).filter(|&i| i != primary.index()).map(|i| s[i]).fold(0.0f32, f32::max);
        if second >= 3.0 && second >= 0.35 * total { Lang::Mixed } else { primary }
    }
}

/// Frequent words that tell the three languages apart, from the packs.
#[derive(Clone, Debug, Default)]
pub struct LangDetector {
    words: HashMap<String, Lang>,
}

impl LangDetector {
    /// Words listed for more than one language are dropped: they tell nothing.
    pub fn new<'a>(words: impl IntoIterator<Item = (Lang, &'a str)>) -> Self {
        let mut map: HashMap<String, Option<Lang>> = HashMap::new();
        for (lang, w) in words {
            let w = super::normalize(w);
            map.entry(w)
                .and_modify(|l| {
                    if *l != Some(lang) {
                        *l = None
                    }
                })
                .or_insert(Some(lang));
        }
        LangDetector { words: map.into_iter().filter_map(|(w, l)| l.map(|l| (w, l))).collect() }
    }

    /// Evidence from one word: its original form and its normal form.
    pub fn word(&self, original: &str, norm: &str, ev: &mut Evidence) {
        let (mut latin, mut cyr) = (0u32, 0u32);
        let (mut uk, mut ru) = (false, false);
        for c in original.chars() {
            match c {
                'a'..='z' | 'A'..='Z' => latin += 1,
                'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                    uk = true;
                    cyr += 1
                }
                'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => {
                    ru = true;
                    cyr += 1
                }
                '\u{0400}'..='\u{04FF}' => cyr += 1,
                _ => {}
            }
        }
        if latin == 0 && cyr == 0 {
            return;
        }
        if latin > cyr {
            let brand = original.chars().next().is_some_and(|c| c.is_uppercase());
            ev.scores[2] += if brand { 0.3 } else { 1.0 };
            return;
        }
        match (uk, ru, self.words.get(norm)) {
            (true, false, _) => ev.scores[1] += 1.0,
            (false, true, _) => ev.scores[0] += 1.0,
            (_, _, Some(Lang::Ru)) => ev.scores[0] += 1.0,
            (_, _, Some(Lang::Uk)) => ev.scores[1] += 1.0,
            _ => ev.cyrillic_neutral += 1.0,
        }
    }
}
