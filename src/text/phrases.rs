//! Phrase lists from packs, compiled once into a trie over words.
//!
//! Pattern syntax (documented in docs/packs.md):
//! - words are matched case-insensitively in normal form ("ё" = "е");
//! - punctuation in a pattern is ignored, and so is punctuation in the text;
//! - `word*` matches any word starting with `word` ("данн*" → данный, данного);
//! - a lone `*` skips zero to three words ("приносим * извинения");
//! - `#num` matches any number ("до #num").

use super::tokenize::{TokenKind, tokenize};
use rustc_hash::FxHashMap;

const MAX_GAP: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    /// The pattern's id as given to [`PhraseSet::add`].
    pub id: u32,
    /// Word indices, end-exclusive.
    pub start: usize,
    pub end: usize,
}

/// Prefix edges that share their first two letters: (prefix, child node).
type PrefixGroup = Vec<(Box<str>, u32)>;

/// The first two letters of a word ('\0' for a one-letter prefix): the key of its prefix group.
fn group_key(w: &str) -> (char, char) {
    let mut c = w.chars();
    (c.next().unwrap_or('\0'), c.next().unwrap_or('\0'))
}

#[derive(Clone, Debug, Default)]
struct Node {
    exact: FxHashMap<Box<str>, u32>,
    /// Prefix edges grouped by their first two letters, so a word only tries the few
    /// prefixes that can match (one hash lookup instead of a scan of every prefix).
    prefix: FxHashMap<(char, char), PrefixGroup>,
    number: Option<u32>,
    gap: Option<u32>,
    ends: Vec<u32>,
}

#[derive(Clone, Debug)]
pub struct PhraseSet {
    nodes: Vec<Node>,
    len: usize,
}

impl Default for PhraseSet {
    fn default() -> Self {
        PhraseSet { nodes: vec![Node::default()], len: 0 }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Exact(String),
    Prefix(String),
    Number,
    Gap,
}

/// Splits a pattern into steps. Errors are sentences for the pack author.
fn parse(pattern: &str) -> Result<Vec<Step>, String> {
    let toks = tokenize(pattern);
    let mut steps = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let text = t.span.slice(pattern);
        let star_follows = toks.get(i + 1).is_some_and(|n| !n.space_before && n.span.slice(pattern) == "*");
        match t.kind {
            TokenKind::Word | TokenKind::Number | TokenKind::Email | TokenKind::Url => {
                let w = super::normalize(text);
                if star_follows {
                    steps.push(Step::Prefix(w));
                    i += 1;
                } else {
                    steps.push(Step::Exact(w));
                }
            }
            TokenKind::Punct if text == "*" => steps.push(Step::Gap),
            TokenKind::Punct if text == "#" && toks.get(i + 1).is_some_and(|n| n.span.slice(pattern) == "num") => {
                steps.push(Step::Number);
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    while steps.last() == Some(&Step::Gap) {
        steps.pop();
    }
    while steps.first() == Some(&Step::Gap) {
        steps.remove(0);
    }
    if steps.is_empty() {
        return Err(format!("the phrase {pattern:?} has no words to match"));
    }
    Ok(steps)
}

impl PhraseSet {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds a pattern with an id of the caller's choosing.
    pub fn add(&mut self, pattern: &str, id: u32) -> Result<(), String> {
        let steps = parse(pattern)?;
        let mut node = 0usize;
        for step in steps {
            let next = self.nodes.len() as u32;
            let n = &mut self.nodes[node];
            let child = match step {
                Step::Exact(w) => *n.exact.entry(w.into()).or_insert(next),
                Step::Prefix(w) => {
                    let group = n.prefix.entry(group_key(&w)).or_default();
                    match group.iter().find(|(p, _)| **p == *w) {
                        Some((_, c)) => *c,
                        None => {
                            group.push((w.into(), next));
                            next
                        }
                    }
                }
                Step::Number => *n.number.get_or_insert(next),
                Step::Gap => *n.gap.get_or_insert(next),
            };
            if child == next {
                self.nodes.push(Node::default());
            }
            node = child as usize;
        }
        self.nodes[node].ends.push(id);
        self.len += 1;
        Ok(())
    }

    /// All matches starting at word `i`, appended to `out`.
    pub fn matches_at(&self, words: &[&str], i: usize, out: &mut Vec<PhraseMatch>) {
        let from = out.len();
        self.walk(0, words, i, i, out, from);
    }

    /// `from`: where this start's matches begin in `out` (a gap can reach the
    /// same end twice; duplicates are only possible among them).
    fn walk(&self, node: usize, words: &[&str], start: usize, at: usize, out: &mut Vec<PhraseMatch>, from: usize) {
        let n = &self.nodes[node];
        if node != 0 {
            for &id in &n.ends {
                if !out[from..].iter().any(|m| m.id == id && m.end == at) {
                    out.push(PhraseMatch { id, start, end: at });
                }
            }
        }
        if let Some(g) = n.gap {
            for skip in 0..=MAX_GAP.min(words.len() - at) {
                self.walk_edges(g as usize, words, start, at + skip, out, from);
            }
        }
        self.walk_edges(node, words, start, at, out, from);
    }

    fn walk_edges(
        &self,
        node: usize,
        words: &[&str],
        start: usize,
        at: usize,
        out: &mut Vec<PhraseMatch>,
        from: usize,
    ) {
        let Some(w) = words.get(at) else { return };
        let n = &self.nodes[node];
        if let Some(&c) = n.exact.get(*w) {
            self.walk(c as usize, words, start, at + 1, out, from);
        }
        if !n.prefix.is_empty() {
            let (first, second) = group_key(w);
            let groups =
                [n.prefix.get(&(first, second)), if second == '\0' { None } else { n.prefix.get(&(first, '\0')) }];
            for group in groups.into_iter().flatten() {
                for (p, c) in group {
                    if w.starts_with(&**p) {
                        self.walk(*c as usize, words, start, at + 1, out, from);
                    }
                }
            }
        }
        if let Some(c) = n.number
            && w.starts_with(|ch: char| ch.is_ascii_digit())
        {
            self.walk(c as usize, words, start, at + 1, out, from);
        }
    }

    /// Every match, overlapping ones included, ordered by start then length (longest first).
    pub fn find_all(&self, words: &[&str]) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        for i in 0..words.len() {
            self.matches_at(words, i, &mut out);
        }
        out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.id.cmp(&b.id)));
        out
    }

    /// Leftmost-longest matches that do not overlap.
    pub fn find_longest(&self, words: &[&str]) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let mut last_end = 0;
        for m in self.find_all(words) {
            if m.start >= last_end {
                last_end = m.end;
                out.push(m);
            }
        }
        out
    }

    /// Whether any pattern matches anywhere.
    pub fn any(&self, words: &[&str]) -> bool {
        let mut out = Vec::new();
        (0..words.len()).any(|i| {
            self.matches_at(words, i, &mut out);
            !out.is_empty()
        })
    }

    /// Whether a pattern matches at the very first word.
    pub fn starts(&self, words: &[&str]) -> Option<PhraseMatch> {
        let mut out = Vec::new();
        self.matches_at(words, 0, &mut out);
        out.into_iter().max_by_key(|m| m.end)
    }
}

/// Checks a pattern without compiling it into a set (for pack validation).
pub fn validate_pattern(pattern: &str) -> Result<(), String> {
    parse(pattern).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(patterns: &[&str]) -> PhraseSet {
        let mut s = PhraseSet::new();
        for (i, p) in patterns.iter().enumerate() {
            s.add(p, i as u32).unwrap();
        }
        s
    }

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .map(|t| super::super::normalize(t.span.slice(text)))
            .collect()
    }

    fn find(s: &PhraseSet, text: &str) -> Vec<(u32, usize, usize)> {
        let w = words(text);
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        s.find_longest(&w).into_iter().map(|m| (m.id, m.start, m.end)).collect()
    }

    #[test]
    fn exact_phrase_ignores_case_and_punctuation() {
        let s = set(&["доводим до вашего сведения"]);
        assert_eq!(find(&s, "Доводим до Вашего сведения, что"), vec![(0, 0, 4)]);
    }

    #[test]
    fn prefix_word_matches_inflections() {
        let s = set(&["данн*"]);
        assert_eq!(find(&s, "Данного объёма и данные"), vec![(0, 0, 1), (0, 3, 4)]);
    }

    #[test]
    fn gap_skips_up_to_three_words() {
        let s = set(&["приносим * извинения"]);
        assert_eq!(find(&s, "Приносим Вам глубочайшие извинения"), vec![(0, 0, 4)]);
        assert_eq!(find(&s, "Приносим извинения"), vec![(0, 0, 2)]);
        assert!(find(&s, "Приносим раз два три четыре извинения").is_empty());
    }

    #[test]
    fn number_placeholder_matches_any_number() {
        let s = set(&["до #num"]);
        assert_eq!(find(&s, "до 14 марта"), vec![(0, 0, 2)]);
    }

    #[test]
    fn longest_match_wins() {
        let s = set(&["в связи", "в связи с вышеизложенным"]);
        assert_eq!(find(&s, "В связи с вышеизложенным просим"), vec![(1, 0, 4)]);
    }

    #[test]
    fn empty_pattern_is_an_error() {
        assert!(PhraseSet::new().add("!!!", 0).is_err());
    }
}
