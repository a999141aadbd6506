//! Hostile and unusual mail: huge drafts, walls of question marks, invisible
//! and bidi characters, combining marks, emoji, RTL text, one endless line,
//! markup in a client's message, mixed line ends, broken .eml bytes. Each must
//! analyse without a panic, with every span inside its text, and where the
//! text still carries meaning, with the same meaning as its clean twin.

use replylint::{Exchange, Pack, Report, analyze};
use std::sync::OnceLock;

fn pack() -> &'static Pack {
    static P: OnceLock<Pack> = OnceLock::new();
    P.get_or_init(Pack::base)
}

fn exchange(incoming: &str, draft: &str) -> Exchange {
    let mut ex = Exchange::default();
    ex.incoming.subject = "Макет баннера".into();
    ex.incoming.from = "anna@client.example".into();
    ex.incoming.body = incoming.into();
    ex.draft.subject = "Re: Макет баннера".into();
    ex.draft.to = vec!["anna@client.example".into()];
    ex.draft.body = draft.into();
    ex
}

/// Analyses and checks every span; returns the report.
fn sound(ex: &Exchange) -> Report {
    let r = analyze(ex, pack());
    let problems = r.span_problems(&ex.incoming.body, &ex.draft.body);
    assert!(problems.is_empty(), "spans outside their text: {problems:?}");
    r
}

fn questions(r: &Report, ex: &Exchange) -> Vec<(String, bool)> {
    r.questions.iter().map(|q| (q.span.slice(&ex.incoming.body).to_string(), q.answered)).collect()
}

const INCOMING: &str =
    "Добрый день!\n\nКогда будет готов макет баннера? И сколько стоит адаптация под соцсети?\n\nАнна";
const DRAFT: &str = "Анна, добрый день!\n\nМакет баннера пришлём в пятницу до 12:00.\n\nОльга";

#[test]
fn a_one_megabyte_draft_is_analysed_whole() {
    let para = "Макет баннера пришлём в пятницу, адаптацию под соцсети посчитаем отдельно. ";
    let draft = format!("Анна, добрый день!\n\n{}\n\nОльга", para.repeat(1_000_000 / para.len() + 1));
    assert!(draft.len() >= 1_000_000);
    let ex = exchange(INCOMING, &draft);
    let r = sound(&ex);
    assert_eq!(questions(&r, &ex).len(), 2);
    assert!(r.questions[0].answered, "the first question is answered in the first paragraph");
}

#[test]
fn a_ten_megabyte_draft_finishes_without_a_panic() {
    let line = "Спасибо, всё получили, посмотрим и вернёмся с ответом.\n";
    let draft = line.repeat(10_000_000 / line.len() + 1);
    let ex = exchange(INCOMING, &draft);
    let r = sound(&ex);
    assert_eq!(r.questions.len(), 2);
}

#[test]
fn five_thousand_question_marks_ask_nothing() {
    let ex = exchange(&"?".repeat(5000), DRAFT);
    let r = sound(&ex);
    assert!(r.questions.is_empty(), "{:?}", questions(&r, &ex));
    let ex = exchange(&format!("Когда будет макет{}", "?".repeat(5000)), DRAFT);
    let r = sound(&ex);
    assert_eq!(r.questions.len(), 1);
}

#[test]
fn five_thousand_short_questions_stay_linear() {
    let incoming = "Когда? ".repeat(5000);
    let ex = exchange(&incoming, DRAFT);
    sound(&ex);
}

#[test]
fn zero_width_and_bidi_characters_inside_words_change_nothing() {
    let noisy = INCOMING
        .replace("макет", "ма\u{200b}кет")
        .replace("стоит", "сто\u{200d}ит")
        .replace("Когда", "\u{202e}Когда\u{202c}")
        .replace("адаптация", "\u{2066}адаптация\u{2069}\u{feff}");
    let clean = exchange(INCOMING, DRAFT);
    let dirty = exchange(&noisy, &DRAFT.replace("Макет", "Ма\u{2060}кет"));
    let (a, b) = (sound(&clean), sound(&dirty));
    assert_eq!(a.questions.len(), b.questions.len());
    let answered = |r: &Report| r.questions.iter().map(|q| q.answered).collect::<Vec<_>>();
    assert_eq!(answered(&a), answered(&b));
}

#[test]
fn combining_marks_are_read_like_precomposed_letters() {
    // "й" and "ї" typed as base letter + combining mark (macOS, some phone keyboards)
    let decomposed = "Добрий день! Які терміни? Підкажіть, будь ласка, чи можна змінити колір?";
    let decomposed = decomposed.replace('й', "и\u{0306}").replace('ї', "і\u{0308}");
    let ex = exchange(&decomposed, "Добрий день! Терміни — до п'ятниці, колір змінити можна.");
    let r = sound(&ex);
    assert_eq!(r.questions.len(), 2, "{:?}", questions(&r, &ex));
    assert!(r.questions.iter().all(|q| q.answered), "{:?}", questions(&r, &ex));
}

#[test]
fn emoji_with_skin_tones_and_flags_keep_spans_whole() {
    let ex = exchange(
        "Hi! 👋🏽 When can we see the banner? 🇺🇦🙏🏾\n\nAnna",
        "Hi Anna! 👍🏻👍🏻👍🏻 The banner will be ready on Friday by noon 👩🏽‍💻\n\nOlga",
    );
    let r = sound(&ex);
    assert_eq!(r.questions.len(), 1);
    assert!(r.questions[0].answered);
}

#[test]
fn right_to_left_text_is_analysed_without_inventing_questions() {
    let ex = exchange(
        "مرحبا، متى سيكون التصميم جاهزا؟\n\nשלום, מתי זה יהיה מוכן?\n\nAnna",
        "Hello Anna, the design will be ready on Friday.\n\nOlga",
    );
    let r = sound(&ex);
    // we read no Arabic or Hebrew: whatever is found must at least point at real text
    for q in &r.questions {
        assert!(!q.span.slice(&ex.incoming.body).trim().is_empty());
    }
}

#[test]
fn a_single_100_kb_line_is_analysed() {
    // a pasted log or a message from a client who never presses Enter
    let line = "Ещё один пункт про макет, и снова без перевода строки. ".repeat(100_000 / 90);
    assert!(line.len() >= 100_000);
    let ex = exchange(&format!("Когда будет макет? {line}"), &format!("Макет будет в пятницу {line}"));
    let r = sound(&ex);
    assert!(!r.questions.is_empty());
}

#[test]
fn markup_in_a_clients_message_stays_text() {
    let incoming = "Добрый день!\n\nВставили на сайт код <script src=\"https://cdn.example/w.js\"></script>, но виджет не появляется. Почему? \
                    И пришлите, пожалуйста, инструкцию <img src=x onerror=alert(1)> для админа.\n\nАнна";
    let ex = exchange(incoming, DRAFT);
    let r = sound(&ex);
    let texts = questions(&r, &ex);
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[1].0.contains("<img src=x onerror=alert(1)>"), "{texts:?}");
    // topics are words, not markup
    for q in &r.questions {
        assert!(!q.topic.iter().any(|w| w.contains('<') || w.contains('>')), "{:?}", q.topic);
    }
}

#[test]
fn crlf_lf_and_lone_cr_line_ends_give_the_same_questions() {
    let lf = exchange(INCOMING, DRAFT);
    let crlf = exchange(&INCOMING.replace('\n', "\r\n"), &DRAFT.replace('\n', "\r\n"));
    let mixed = exchange(&INCOMING.replacen('\n', "\r\n", 2), &DRAFT.replacen('\n', "\r", 1));
    let a = sound(&lf);
    for other in [&crlf, &mixed] {
        let b = sound(other);
        let strip = |v: Vec<(String, bool)>| v.into_iter().map(|(t, a)| (t.replace('\r', ""), a)).collect::<Vec<_>>();
        assert_eq!(strip(questions(&a, &lf)), strip(questions(&b, other)));
        assert_eq!(a.summary.status, b.summary.status);
        assert_eq!(a.tone.class, b.tone.class);
    }
}

#[test]
fn invalid_utf8_in_an_eml_is_read_with_replacement_characters() {
    let mut eml = b"From: Olga <olga@agency.example>\r\nTo: Anna <anna@client.example>\r\nSubject: Re: Banner\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi Anna, the banner will be ready on Friday \xff\xfe by noon.\r\n\r\nOn Mon, Mar 3, 2025 at 10:15 AM Anna <anna@client.example> wrote:\r\n> Hi! When will the banner be ready? \xc3\x28\r\n".to_vec();
    let ex = replylint::mail::eml::exchange_from_eml(&eml, pack())
        .expect("broken bytes are not a reason to refuse the mail");
    let r = sound(&ex);
    assert_eq!(r.questions.len(), 1);
    assert!(r.questions[0].answered);
    // and bytes that are no mail at all give a sentence, not a panic
    eml.truncate(3);
    if let Err(msg) = replylint::mail::eml::exchange_from_eml(&eml, pack()) {
        assert!(msg.len() > 20, "{msg}");
    }
}

#[test]
fn the_same_exchange_gives_the_same_report_a_hundred_times() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    for file in ["ru.jsonl", "uk.jsonl", "en.jsonl"] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let ex: Exchange =
                serde_json::from_value(serde_json::json!({"incoming": v["incoming"], "draft": v["draft"]})).unwrap();
            let first = serde_json::to_string(&sound(&ex)).unwrap();
            for _ in 0..99 {
                assert_eq!(serde_json::to_string(&analyze(&ex, pack())).unwrap(), first, "{}", v["id"]);
            }
        }
    }
}
