//! # tone
//!
//! **What it flags.** A draft whose register is out of the agency's band:
//! too formal (bureaucratese, ritual apologies, chains of verbal nouns) or
//! too familiar ("ты"/"ти" to a client, slang, "!!!", emoji strings). One
//! finding per offending phrase, with a plainer replacement where the pack
//! has one, and one finding with the score and the band (the panel's meter).
//!
//! **Why an agency cares.** Clients read stiffness as indifference and
//! familiarity as carelessness; agencies aim for the polite, plain middle.
//!
//! **How.** Every feature is tied to a span and has a signed weight (pack
//! markers carry their own). Pushes on each side are combined with
//! `tanh`, so one strong marker ("Доводим до Вашего сведения", a "ты" to the
//! client) can move a plain draft out of the band while many weak ones
//! (long sentences) cannot. Quoted text, signatures and disclaimers are not
//! scored.
//!
//! **Example.** "Доводим до Вашего сведения, что данный отчёт направлен" →
//! too formal; suggestions: "Сообщаем" → plain statement, "данный" → "этот".
//! "Слушай, скинь файлы" → too familiar: "скинь" → "пришлите".

use super::{Check, Context, signals};
use crate::pack::{LangSets, MarkerInfo, Severity};
use crate::report::{Action, Finding, Report, Suggestion, Target, ToneClass, ToneFeature, ToneResult};
use crate::text::{Document, Lang, PhraseSet, Sentence, Span, TokenKind, Words, is_capitalized};

pub struct Tone;

/// One feature found in the draft.
#[derive(Clone, Debug)]
struct Feature {
    span: Span,
    feature: &'static str,
    weight: f64,
    marker: Option<MarkerInfo>,
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

impl Check for Tone {
    fn id(&self) -> &'static str {
        "tone"
    }

    fn run(&self, ctx: &Context<'_>, report: &mut Report) {
        let (total, sentences, feats) = score(ctx);
        let band = ctx.pack.tone_band();
        let class = if total > band.1 {
            ToneClass::TooFormal
        } else if total < band.0 {
            ToneClass::TooFamiliar
        } else {
            ToneClass::Balanced
        };
        let sets = ctx.sets();
        let severity = ctx.severity(self);
        let text = ctx.draft.text();
        // phrases that push out of the band get their own finding
        for f in &feats {
            let pushes_out = match class {
                ToneClass::TooFormal => f.weight >= 0.3,
                ToneClass::TooFamiliar => f.weight <= -0.25,
                ToneClass::Balanced => f.weight.abs() >= 0.6,
            };
            if !pushes_out {
                continue;
            }
            let phrase = f.span.slice(text);
            let key = match f.feature {
                "informal_you" => "tone_informal_you",
                "slang" => "tone_familiar",
                "exclamations" => "tone_exclamations",
                "emoji" | "emoticon" => "tone_emoji",
                "verbal_nouns" => "tone_verbal_nouns",
                _ => "tone_formal",
            };
            let suggestion = f
                .marker
                .as_ref()
                .and_then(|m| m.suggestion.clone())
                .map(|s| Suggestion { action: Action::Replace, text: s });
            let mut message = sets.message(key, &[("phrase", phrase)]);
            if let Some(note) = f.marker.as_ref().and_then(|m| m.note.as_ref()) {
                message = format!("{message} {note}");
            }
            report.push(Finding {
                rule: self.id().into(),
                severity: Severity::Hint.max(severity.min(Severity::Warning)),
                message,
                target: Target::Draft,
                span: f.span,
                suggestion,
            });
        }
        if class != ToneClass::Balanced {
            let key = if class == ToneClass::TooFormal { "tone_too_formal" } else { "tone_too_familiar" };
            let score = format!("{total:+.2}");
            let band_text = format!("{:+.2}…{:+.2}", band.0, band.1);
            report.push(Finding {
                rule: self.id().into(),
                severity,
                message: sets.message(key, &[("score", &score), ("band", &band_text)]),
                target: Target::Draft,
                span: ctx.draft_parts.written(),
                suggestion: None,
            });
        }
        report.tone = ToneResult {
            score: (total * 1000.0).round() / 1000.0,
            class,
            band,
            sentences,
            features: feats
                .iter()
                .map(|f| ToneFeature { span: f.span, feature: f.feature, weight: f.weight })
                .collect(),
        };
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{exchange, pack, run};
    use crate::report::{Report, ToneClass};

    fn tone(draft: &str) -> Report {
        run("", draft)
    }

    /// (phrase, suggestion) of the tone findings on single phrases.
    fn phrases(r: &Report, draft: &str) -> Vec<(String, Option<String>)> {
        r.findings
            .iter()
            .filter(|f| f.rule == "tone" && f.span.len() < draft.len() / 2)
            .map(|f| (f.span.slice(draft).to_string(), f.suggestion.as_ref().map(|s| s.text.clone())))
            .collect()
    }

    #[test]
    fn plain_polite_drafts_are_balanced_in_three_languages() {
        for d in [
            "Анна, добрый день!\n\nСпасибо, документ получили. Подробный расчёт пришлём в течение дня.\n\nОльга",
            "Ганно, добрий день!\n\nДякуємо, документ отримали. Детальний розрахунок надішлемо протягом дня.\n\nОльга",
            "Hi Tom,\n\nThanks, we got the document. The detailed estimate will follow within a day.\n\nBest,\nSophie",
        ] {
            let r = tone(d);
            assert_eq!(r.tone.class, ToneClass::Balanced, "{d}: {:?}", r.tone);
            assert!(r.tone.score.abs() < 0.2);
        }
    }

    #[test]
    fn russian_bureaucratese_is_too_formal_with_plain_replacements() {
        let d = "Уважаемый Виктор!\n\nДоводим до Вашего сведения, что данный файл будет направлен в самые кратчайшие сроки.\n\nИрина";
        let r = tone(d);
        assert_eq!(r.tone.class, ToneClass::TooFormal);
        let p = phrases(&r, d);
        assert!(p.contains(&("Доводим до Вашего сведения".into(), Some("сообщаем".into()))), "{p:?}");
        assert!(p.contains(&("данный".into(), Some("этот".into()))), "{p:?}");
        assert!(p.contains(&("в самые кратчайшие сроки".into(), Some("до завтра, 12:00".into()))), "{p:?}");
    }

    #[test]
    fn one_bureaucratic_sentence_is_enough() {
        let d = "Олег, добрый день!\n\nКомментарий посмотрели, правки внесли. Приносим глубочайшие извинения за доставленные неудобства.\n\nТатьяна";
        assert_eq!(tone(d).tone.class, ToneClass::TooFormal);
    }

    #[test]
    fn a_single_ty_to_the_client_is_too_familiar_with_the_polite_form_suggested() {
        let d = "Марина, добрый день!\n\nСписок реквизита готов, скинь, пожалуйста, адрес студии.\n\nСаша";
        let r = tone(d);
        assert_eq!(r.tone.class, ToneClass::TooFamiliar);
        assert!(phrases(&r, d).contains(&("скинь".into(), Some("пришлите".into()))));
        let uk = "Тарасе, добрий день!\n\nМатеріали надішлемо тобі завтра.\n\nДенис";
        assert_eq!(tone(uk).tone.class, ToneClass::TooFamiliar);
    }

    #[test]
    fn ukrainian_calques_and_officialese_are_too_formal() {
        let d = "Шановний пане Віталію!\n\nДоводимо до Вашого відома, що здійснення перекладу даних документів буде забезпечено.\n\nХристина";
        let r = tone(d);
        assert_eq!(r.tone.class, ToneClass::TooFormal);
        assert!(
            phrases(&r, d)
                .iter()
                .any(|(p, s)| p == "Доводимо до Вашого відома" && s.as_deref() == Some("повідомляємо"))
        );
    }

    #[test]
    fn english_officialese_and_slang() {
        let formal = "Dear Mr Weber,\n\nWe hereby acknowledge receipt of your correspondence. Please be advised that the aforementioned quotation stands.\n\nHelen";
        let r = tone(formal);
        assert_eq!(r.tone.class, ToneClass::TooFormal);
        assert!(phrases(&r, formal).contains(&("aforementioned".into(), Some("this".into()))));
        let familiar = "Hey Greg!\n\nNo worries mate, we're gonna fix it tonight 👍👍\n\nMia";
        let r = tone(familiar);
        assert_eq!(r.tone.class, ToneClass::TooFamiliar);
        assert!(phrases(&r, familiar).contains(&("gonna".into(), Some("going to".into()))));
    }

    #[test]
    fn exclamation_runs_and_emoji_strings_push_towards_familiar() {
        let calm = tone("Hi Zoe,\n\nThe flights are booked.\n\nMax");
        let loud = tone("Hi Zoe,\n\nThe flights are booked!!! 🎉🎉🎉\n\nMax");
        assert!(loud.tone.score < calm.tone.score - 0.4, "{} vs {}", loud.tone.score, calm.tone.score);
        assert!(loud.tone.features.iter().any(|f| f.feature == "exclamations"));
        assert!(loud.tone.features.iter().any(|f| f.feature == "emoji"));
    }

    #[test]
    fn quoted_history_and_signature_are_not_scored() {
        let d = "Hi Anna,\n\nThe report is attached.\n\nBest,\nOlga\nDirector of Everything, hereby at your disposal\n\nOn Mon, 3 Mar 2025 at 10:15, Anna <a@b.example> wrote:\n> yo dude gonna need it asap lol!!!\n";
        assert_eq!(tone(d).tone.class, ToneClass::Balanced, "{:?}", tone(d).tone);
    }

    #[test]
    fn the_pack_band_decides_the_class() {
        let d = "Уважаемый Дмитрий!\n\nСообщаем, что отчёт направлен в Ваш адрес.\n\nИгорь";
        let base = crate::analyze(&exchange("", d), pack());
        assert_eq!(base.tone.class, ToneClass::TooFormal);
        let strict_src = "[pack]\nid = \"bank\"\nname = \"Bank\"\nextends = \"base\"\n\n[checks.tone]\nband = { min = -0.1, max = 0.9 }\n";
        let bank =
            crate::pack::Pack::from_source("bank.toml", strict_src, &crate::pack::load::BuiltinResolver).unwrap();
        let r = crate::analyze(&exchange("", d), &bank);
        assert_eq!(r.tone.class, ToneClass::Balanced);
        assert_eq!(r.tone.band, (-0.1, 0.9));
    }
}
