//! Splits text into words, numbers, URLs, e-mail addresses, emoji and
//! punctuation. Whitespace is not a token; each token remembers how many line
//! breaks and whether any space came before it, which is all the sentence
//! splitter needs of the layout.

use super::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, maybe with digits, inner hyphens and apostrophes: "п'ятниці", "контент-менеджер", "10am".
    Word,
    /// Digits with inner `.,:/`: "3.03.2025", "10:00", "1.5".
    Number,
    Url,
    Email,
    /// One emoji cluster (with skin tone, ZWJ sequence, variation selector).
    Emoji,
    /// A run of sentence-final marks ("?!", "...", "!!!") or one other mark.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Line breaks in the whitespace before this token (saturating).
    pub newlines_before: u8,
    /// Whether any whitespace separates this token from the previous one.
    pub space_before: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
}

/// Characters that are neither text nor layout: zero-width and bidi controls,
/// soft hyphen, BOM. They are skipped like whitespace but do not count as space.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}' | '\u{2060}' | '\u{FEFF}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

pub fn is_word_char(c: char) -> bool {
    // fast paths for the scripts of our mail; the Unicode tables for the rest
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '_' => true,
        '\u{0400}'..='\u{045F}' | 'Ґ' | 'ґ' => true,
        c if c.is_ascii() => false,
        c => c.is_alphanumeric() || is_combining(c),
    }
}

/// Pictographs that count as emoji. Not the full Unicode property (which
/// would cost a table in the wasm), but every emoji block in use.
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF
        | 0x2190..=0x21FF | 0x2300..=0x23FF | 0x25A0..=0x25FF | 0x3030 | 0x303D | 0x3297 | 0x3299)
        && !matches!(
            c,
            '→' | '←'
                | '↑'
                | '↓'
                | '■'
                | '□'
                | '▪'
                | '▫'
                | '►'
                | '◄'
                | '●'
                | '○'
                | '★'
                | '☆'
                | '✓'
                | '✔'
                | '✗'
                | '✘'
        )
}

fn is_emoji_modifier(c: char) -> bool {
    matches!(c as u32, 0x1F3FB..=0x1F3FF | 0xFE0F | 0xFE0E | 0x20E3 | 0xE0020..=0xE007F)
}

/// Marks that can end a sentence. Runs of them form one token.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁉' | '？' | '！')
}

const WORD_JOINERS: [char; 6] = ['-', '\'', '’', 'ʼ', '‑', '`'];
const NUMBER_JOINERS: [char; 4] = ['.', ',', ':', '/'];

/// Chars that may end a URL but are taken as the sentence's punctuation.
const URL_TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '}', '»', '"', '\'', '’', '”', '>'];

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // most mail has no address in it: then no word needs the e-mail scan
    let has_at = text.contains('@');
    let end_byte = |k: usize| {
        if k < chars.len() { chars[k].0 } else { text.len() }
    };
    let mut k = 0;
    let mut newlines: u8 = 0;
    let mut space = false;
    while k < chars.len() {
        let (b, c) = chars[k];
        if c.is_whitespace() {
            if c == '\n' {
                newlines = newlines.saturating_add(1);
            }
            space = true;
            k += 1;
            continue;
        }
        if is_invisible(c) {
            k += 1;
            continue;
        }
        let start = k;
        let kind;
        if let Some(n) = url_len(text, b, &chars, k) {
            k += n;
            kind = TokenKind::Url;
        } else if let Some(n) = has_at.then(|| email_len(&chars, k)).flatten() {
            k += n;
            kind = TokenKind::Email;
        } else if is_word_char(c) {
            let mut letters = false;
            loop {
                while k < chars.len() && (is_word_char(chars[k].1) || is_invisible_inside(&chars, k)) {
                    let c = chars[k].1;
                    letters |= !c.is_ascii_digit()
                        && c != '_'
                        && (c.is_ascii() || ('\u{0400}'..='\u{045F}').contains(&c) || c.is_alphabetic());
                    k += 1;
                }
                if k + 1 < chars.len() && is_word_char(chars[k + 1].1) {
                    let j = chars[k].1;
                    let prev_digit = chars[k - 1].1.is_ascii_digit();
                    let next_digit = chars[k + 1].1.is_ascii_digit();
                    if WORD_JOINERS.contains(&j) && !(prev_digit && next_digit && j == '-') {
                        k += 1;
                        continue;
                    }
                    if NUMBER_JOINERS.contains(&j) && prev_digit && next_digit {
                        k += 1;
                        continue;
                    }
                }
                break;
            }
            kind = if letters { TokenKind::Word } else { TokenKind::Number };
        } else if is_emoji(c) {
            k += 1;
            while k < chars.len() {
                let d = chars[k].1;
                if is_emoji_modifier(d) {
                    k += 1;
                } else if d == '\u{200D}' && k + 1 < chars.len() && is_emoji(chars[k + 1].1) {
                    k += 2;
                } else if (0x1F1E6..=0x1F1FF).contains(&(c as u32))
                    && (0x1F1E6..=0x1F1FF).contains(&(d as u32))
                    && k == start + 1
                {
                    k += 1; // flag: a pair of regional indicators
                } else {
                    break;
                }
            }
            kind = TokenKind::Emoji;
        } else if is_terminal(c) {
            while k < chars.len() && is_terminal(chars[k].1) {
                k += 1;
            }
            kind = TokenKind::Punct;
        } else {
            k += 1;
            // a combining mark or modifier attached to punctuation stays with it
            while k < chars.len() && (is_combining(chars[k].1) || is_emoji_modifier(chars[k].1)) {
                k += 1;
            }
            kind = TokenKind::Punct;
        }
        tokens.push(Token {
            span: Span::new(b, end_byte(k)),
            kind,
            newlines_before: newlines,
            space_before: space || start == 0,
        });
        newlines = 0;
        space = false;
    }
    tokens
}

/// A zero-width joiner or similar control between two word characters
/// does not split the word.
fn is_invisible_inside(chars: &[(usize, char)], k: usize) -> bool {
    is_invisible(chars[k].1)
        && k + 1 < chars.len()
        && is_word_char(chars[k + 1].1)
        && k > 0
        && is_word_char(chars[k - 1].1)
}

fn url_len(text: &str, b: usize, chars: &[(usize, char)], k: usize) -> Option<usize> {
    let rest = &text.as_bytes()[b..];
    let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    let prefix = starts(b"https://") || starts(b"http://") || starts(b"www.");
    if !prefix || (k > 0 && is_word_char(chars[k - 1].1)) {
        return None;
    }
    let mut n = 0;
    let mut depth: i32 = 0;
    while k + n < chars.len() {
        let c = chars[k + n].1;
        if c.is_whitespace() || matches!(c, '<' | '>' | '"' | '«' | '»' | '“' | '”') || is_invisible(c) {
            break;
        }
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => break,
            ')' => depth -= 1,
            _ => {}
        }
        n += 1;
    }
    while n > 0 && URL_TRAILING.contains(&chars[k + n - 1].1) {
        n -= 1;
    }
    (n > 4).then_some(n)
}

fn email_len(chars: &[(usize, char)], k: usize) -> Option<usize> {
    let local = |c: char| is_word_char(c) || matches!(c, '.' | '+' | '-');
    if !is_word_char(chars[k].1) {
        return None;
    }
    let mut n = 0;
    while k + n < chars.len() && local(chars[k + n].1) {
        n += 1;
    }
    if k + n >= chars.len() || chars[k + n].1 != '@' {
        return None;
    }
    n += 1;
    let domain_start = n;
    let mut dots = 0;
    while k + n < chars.len() {
        let c = chars[k + n].1;
        if is_word_char(c) || c == '-' {
            n += 1;
        } else if c == '.' && k + n + 1 < chars.len() && is_word_char(chars[k + n + 1].1) {
            dots += 1;
            n += 1;
        } else {
            break;
        }
    }
    (dots > 0 && n > domain_start + 2).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).into_iter().map(|t| (t.span.slice(text), t.kind)).collect()
    }

    #[test]
    fn url_keeps_its_question_mark_and_drops_the_sentence_dot() {
        let t = kinds("Файл здесь: https://drive.example.com/open?id=1x9&usp=sharing. Сможете?");
        assert!(t.contains(&("https://drive.example.com/open?id=1x9&usp=sharing", TokenKind::Url)));
        assert!(t.contains(&(".", TokenKind::Punct)));
    }

    #[test]
    fn url_in_parentheses_ends_before_the_bracket() {
        let t = kinds("on our Drive (https://drive.example.com/file/d/7Hq2?usp=sharing). Can you");
        assert!(t.contains(&("https://drive.example.com/file/d/7Hq2?usp=sharing", TokenKind::Url)));
        assert!(t.contains(&(")", TokenKind::Punct)));
    }

    #[test]
    fn email_is_one_token() {
        let t = kinds("Пишите на a.petrova@kirpichdvor.example.");
        assert!(t.contains(&("a.petrova@kirpichdvor.example", TokenKind::Email)));
    }

    #[test]
    fn dates_times_and_decimals_are_numbers() {
        let t = kinds("до 3.03.2025 в 10:00, рост 1.5 и 11,4%");
        assert!(t.contains(&("3.03.2025", TokenKind::Number)));
        assert!(t.contains(&("10:00", TokenKind::Number)));
        assert!(t.contains(&("1.5", TokenKind::Number)));
        assert!(t.contains(&("11,4", TokenKind::Number)));
    }

    #[test]
    fn apostrophes_and_hyphens_stay_inside_words() {
        let t = kinds("до п'ятниці, кав’ярні, контент-менеджер, don't, 24-25");
        assert!(t.contains(&("п'ятниці", TokenKind::Word)));
        assert!(t.contains(&("кав’ярні", TokenKind::Word)));
        assert!(t.contains(&("контент-менеджер", TokenKind::Word)));
        assert!(t.contains(&("don't", TokenKind::Word)));
        assert!(t.contains(&("24", TokenKind::Number)));
    }

    #[test]
    fn terminal_runs_and_emoji_clusters() {
        let t = kinds("Серьёзно?! Ура!!! 👍🏽👍 🧑‍💻 🇺🇦");
        assert!(t.contains(&("?!", TokenKind::Punct)));
        assert!(t.contains(&("!!!", TokenKind::Punct)));
        assert!(t.contains(&("👍🏽", TokenKind::Emoji)));
        assert!(t.contains(&("👍", TokenKind::Emoji)));
        assert!(t.contains(&("🧑‍💻", TokenKind::Emoji)));
        assert!(t.contains(&("🇺🇦", TokenKind::Emoji)));
    }

    #[test]
    fn combining_marks_stay_in_the_word() {
        let t = kinds("cafe\u{301} ok");
        assert_eq!(t[0], ("cafe\u{301}", TokenKind::Word));
    }

    #[test]
    fn line_breaks_are_counted() {
        let toks = tokenize("a\n\nb\nc");
        assert_eq!(toks[1].newlines_before, 2);
        assert_eq!(toks[2].newlines_before, 1);
    }
}
