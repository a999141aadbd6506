//! The draft's tone: every feature tied to its span with a signed weight
//! (pack markers carry their own), pushes on each side combined with `tanh`
//! into a score in [-1, 1], and the class against the pack's band.

use super::{Context, signals};
use crate::pack::{LangSets, MarkerInfo};
use crate::report::{ToneClass, ToneFeature, ToneResult};
use crate::text::{Document, Lang, PhraseSet, Sentence, Span, TokenKind, Words, is_capitalized};

/// The tone of the draft: the report's view plus the features with their pack markers.
#[derive(Clone, Debug)]
pub struct ToneAnalysis {
    pub result: ToneResult,
    pub features: Vec<Feature>,
}

/// One feature found in the draft.
#[derive(Clone, Debug)]
pub struct Feature {
    pub span: Span,
    pub feature: &'static str,
    pub weight: f64,
    pub marker: Option<MarkerInfo>,
}

fn markers(
    doc: &Document,
    words: &Words<'_>,
    set: &PhraseSet,
    info: &[MarkerInfo],
    sign: f64,
    feature: &'static str,
    out: &mut Vec<Feature>,
) {
    for m in set.find_longest(&words.words) {
        let mi = &info[m.id as usize];
        out.push(Feature {
            span: doc.match_span(words, m.start, m.end),
            feature,
            weight: sign * mi.weight,
            marker: Some(mi.clone()),
        });
    }
}

fn ends_with_any(w: &str, endings: &[String], min_len: usize) -> bool {
    w.chars().count() >= min_len && endings.iter().any(|e| w.ends_with(e.as_str()))
}

/// Features of one sentence of the draft.
fn sentence_features(doc: &Document, s: &Sentence, sets: &LangSets, out: &mut Vec<Feature>) {
    let quoted = signals::quoted_runs(doc, s, 1);
    let in_quote = |i: usize| quoted.iter().any(|r| r.contains(&i));
    let all = doc.words(s.body.clone());
    let words = Words {
        words: all.words.iter().enumerate().filter(|(k, _)| !in_quote(all.tokens[*k])).map(|(_, w)| *w).collect(),
        tokens: all.tokens.iter().copied().filter(|&t| !in_quote(t)).collect(),
    };
    let start = out.len();
    markers(doc, &words, &sets.formal, &sets.formal_info, 1.0, "bureaucratese", out);
    markers(doc, &words, &sets.familiar, &sets.familiar_info, -1.0, "slang", out);
    markers(doc, &words, &sets.informal_you, &sets.informal_you_info, -1.0, "informal_you", out);
    let covered = |span: Span, out: &Vec<Feature>| out[start..].iter().any(|f| f.span.overlaps(span));

    // 2nd-person singular verbs not in the list: "видишь", "можеш"
    let not_informal: Vec<bool> = {
        let mut v = vec![false; words.len()];
        for m in sets.not_informal.find_all(&words.words) {
            v[m.start..m.end].iter_mut().for_each(|x| *x = true);
        }
        v
    };
    for (k, w) in words.words.iter().enumerate() {
        let span = doc.tokens()[words.tokens[k]].span;
        if !not_informal[k] && ends_with_any(w, &sets.informal_you_endings, 5) && !covered(span, out) {
            out.push(Feature { span, feature: "informal_you", weight: -0.6, marker: None });
        }
    }

    // chains of verbal nouns: "осуществление перевода данного объёма", "здійснення нотаріально засвідченого перекладу"
    let vn: Vec<usize> =
        (0..words.len()).filter(|&k| ends_with_any(words.words[k], &sets.verbal_noun_endings, 6)).collect();
    let mut k = 0;
    while k < vn.len() {
        let mut j = k;
        while j + 1 < vn.len() && vn[j + 1] - vn[j] <= 3 {
            j += 1;
        }
        if j > k {
            let span = doc.match_span(&words, vn[k], vn[j] + 1);
            out.push(Feature { span, feature: "verbal_nouns", weight: 0.15 * (j - k) as f64, marker: None });
        }
        k = j + 1;
    }

    // capitalised "Вы/Вам/Ваш" mid-sentence: the letter-writing register
    for (k, w) in words.words.iter().enumerate() {
        let tok = words.tokens[k];
        let text = doc.token_text(tok);
        if k > 0 && is_capitalized(text) && sets.polite_you.starts(&[*w]).is_some() && s.lang != Lang::En {
            out.push(Feature { span: doc.tokens()[tok].span, feature: "capital_you", weight: 0.06, marker: None });
        }
    }

    // long sentences read as stiff
    let n = words.len();
    if n > 30 {
        out.push(Feature {
            span: s.span,
            feature: "long_sentence",
            weight: 0.04 * ((n - 30) as f64 / 10.0 + 1.0).min(4.0),
            marker: None,
        });
    }

    // English contractions lean informal, a little
    if s.lang == Lang::En {
        for (k, w) in words.words.iter().enumerate() {
            if w.contains('\'') && ["n't", "'ll", "'re", "'ve", "'m", "'d"].iter().any(|c| w.ends_with(c)) {
                out.push(Feature {
                    span: doc.tokens()[words.tokens[k]].span,
                    feature: "contraction",
                    weight: -0.03,
                    marker: None,
                });
            }
        }
    }

    // punctuation and emoji
    let toks = doc.tokens();
    let mut i = s.tokens.start;
    while i < s.tokens.end {
        let t = toks[i];
        let text = doc.token_text(i);
        if t.kind == TokenKind::Punct {
            let bangs = text.matches('!').count();
            let qs = text.matches('?').count();
            if bangs >= 2 || qs >= 2 || (bangs >= 1 && qs >= 1) {
                out.push(Feature { span: t.span, feature: "exclamations", weight: -0.3, marker: None });
            }
            // "спасибо))" — a bracket smiley
            if text == ")"
                && i > s.tokens.start
                && !toks[i].space_before
                && i + 1 < s.tokens.end
                && doc.token_text(i + 1) == ")"
            {
                let mut j = i;
                while j < s.tokens.end && doc.token_text(j) == ")" {
                    j += 1;
                }
                out.push(Feature {
                    span: Span::new(t.span.start, toks[j - 1].span.end),
                    feature: "emoticon",
                    weight: -0.25,
                    marker: None,
                });
                i = j;
                continue;
            }
        }
        if t.kind == TokenKind::Emoji {
            let mut j = i;
            while j + 1 < s.tokens.end && toks[j + 1].kind == TokenKind::Emoji {
                j += 1;
            }
            let count = j - i + 1;
            let weight = if count >= 2 { -0.45 } else { -0.15 };
            out.push(Feature {
                span: Span::new(t.span.start, toks[j].span.end),
                feature: "emoji",
                weight,
                marker: None,
            });
            i = j + 1;
            continue;
        }
        i += 1;
    }
}

/// Combines signed pushes: each side saturates, so a few strong markers
/// decide and many weak ones cannot run away.
fn combine(features: &[&Feature]) -> f64 {
    let up: f64 = features.iter().filter(|f| f.weight > 0.0).map(|f| f.weight).sum();
    let down: f64 = features.iter().filter(|f| f.weight < 0.0).map(|f| -f.weight).sum();
    (up.tanh() - down.tanh()).clamp(-1.0, 1.0)
}

/// Score of the draft's new text and per-sentence scores.
fn score(ctx: &Context<'_>) -> (f64, Vec<(Span, f64)>, Vec<Feature>) {
    let mut feats: Vec<Feature> = Vec::new();
    let mut per_sentence = Vec::new();
    for s in ctx.draft_written() {
        // the sign-off line and the greeting are scored too: "Привет, дружище!" is the draft's register
        let start = feats.len();
        sentence_features(&ctx.draft, s, ctx.sets_for(s), &mut feats);
        let mine: Vec<&Feature> = feats[start..].iter().collect();
        per_sentence.push((s.span, combine(&mine)));
    }
    let all: Vec<&Feature> = feats.iter().collect();
    (combine(&all), per_sentence, feats)
}

pub(crate) fn analyze(ctx: &Context<'_>) -> ToneAnalysis {
    let (total, sentences, feats) = score(ctx);
    let band = ctx.pack.tone_band();
    let class = if total > band.1 {
        ToneClass::TooFormal
    } else if total < band.0 {
        ToneClass::TooFamiliar
    } else {
        ToneClass::Balanced
    };
    let result = ToneResult {
        score: (total * 1000.0).round() / 1000.0,
        class,
        band,
        sentences,
        features: feats.iter().map(|f| ToneFeature { span: f.span, feature: f.feature, weight: f.weight }).collect(),
        finding: None,
    };
    ToneAnalysis { result, features: feats }
}
