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

use super::{Check, Context};
use crate::pack::Severity;
use crate::report::{Action, Detail, Finding, Suggestion, Target, ToneClass};

pub struct Tone;

impl Check for Tone {
    fn id(&self) -> &'static str {
        "tone"
    }

    fn run(&self, ctx: &Context<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        let tone = ctx.tone();
        let (total, class, band, feats) = (tone.result.score, tone.result.class, tone.result.band, &tone.features);
        let sets = ctx.sets();
        let severity = self.severity(ctx);
        let text = ctx.draft.text();
        // phrases that push out of the band get their own finding
        for f in feats {
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
            out.push(
                Finding::new(
                    self.id(),
                    Severity::Hint.max(severity.min(Severity::Warning)),
                    message,
                    Target::Draft,
                    f.span,
                )
                .with_suggestion(suggestion),
            );
        }
        if class != ToneClass::Balanced {
            let key = if class == ToneClass::TooFormal { "tone_too_formal" } else { "tone_too_familiar" };
            let score = format!("{total:+.2}");
            let band_text = format!("{:+.2}…{:+.2}", band.0, band.1);
            out.push(
                Finding::new(
                    self.id(),
                    severity,
                    sets.message(key, &[("score", &score), ("band", &band_text)]),
                    Target::Draft,
                    ctx.draft_parts.written(),
                )
                .detail(Detail::Tone { score: total, class, band }),
            );
        }
        out
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
