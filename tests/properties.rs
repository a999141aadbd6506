//! Properties of the text model on generated text: every token, sentence and
//! paragraph span lies on char boundaries inside the text, offsets round-trip
//! between bytes, code points and UTF-16 units, and `analyze` points only
//! inside the texts it was given, the same way every time.

use proptest::prelude::*;
use replylint::text::{Document, Lang, OffsetMap};
use replylint::{Exchange, Pack, analyze};
use std::sync::OnceLock;

fn pack() -> &'static Pack {
    static P: OnceLock<Pack> = OnceLock::new();
    P.get_or_init(Pack::base)
}

/// Mail-like text: words in three scripts, punctuation that ends or does not
/// end sentences, line breaks, quote marks, URLs, emoji, invisible characters.
fn mail_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Когда".to_string()),
        Just("будет".to_string()),
        Just("макет".to_string()),
        Just("Підкажіть".to_string()),
        Just("п'ятниці".to_string()),
        Just("When".to_string()),
        Just("could you send".to_string()),
        Just("т.е.".to_string()),
        Just("3.03.2025".to_string()),
        Just("https://x.example/a?b=1".to_string()),
        Just("anna@client.example".to_string()),
        Just("?".to_string()),
        Just("?!".to_string()),
        Just("...".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("> ".to_string()),
        Just("1. ".to_string()),
        Just("-- \n".to_string()),
        Just("С уважением,\n".to_string()),
        Just("👍🏽".to_string()),
        Just("👩‍💻".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{202e}".to_string()),
        Just("и\u{0306}".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        "\\PC{0,6}",
    ];
    prop::collection::vec((piece, prop::bool::ANY), 0..60).prop_map(|v| {
        let mut s = String::new();
        for (p, space) in v {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

fn on_boundary(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn document_spans_lie_on_char_boundaries(text in mail_text()) {
        let doc = Document::new(text.clone(), &pack().text, Lang::Ru);
        for t in doc.tokens() {
            prop_assert!(on_boundary(&text, t.span.start, t.span.end), "token {:?}", t);
            prop_assert!(t.span.start < t.span.end);
        }
        let mut last_end = 0;
        for s in doc.sentences() {
            prop_assert!(on_boundary(&text, s.span.start, s.span.end), "sentence {:?}", s);
            prop_assert!(s.span.start >= last_end, "sentences overlap or go backwards");
            last_end = s.span.end;
        }
        for p in doc.paragraphs() {
            prop_assert!(on_boundary(&text, p.start, p.end), "paragraph {:?}", p);
        }
    }

    #[test]
    fn offsets_round_trip_between_bytes_chars_and_utf16(text in "\\PC{0,300}") {
        let map = OffsetMap::new(&text);
        prop_assert_eq!(map.len_chars(), text.chars().count());
        prop_assert_eq!(map.len_utf16(), text.encode_utf16().count());
        let (mut chars, mut utf16) = (0, 0);
        for (byte, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            prop_assert_eq!(map.byte_to_char(byte), chars);
            prop_assert_eq!(map.byte_to_utf16(byte), utf16);
            prop_assert_eq!(map.char_to_byte(chars), byte);
            prop_assert_eq!(map.utf16_to_byte(utf16), byte);
            chars += 1;
            utf16 += c.len_utf16();
        }
    }

    #[test]
    fn findings_point_inside_their_texts_and_repeat_exactly(incoming in mail_text(), draft in mail_text()) {
        let mut ex = Exchange::default();
        ex.incoming.body = incoming;
        ex.draft.body = draft;
        let report = analyze(&ex, pack());
        let problems = report.span_problems(&ex.incoming.body, &ex.draft.body);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(&report, &analyze(&ex, pack()));
        let mut utf16 = report.clone();
        utf16.convert(replylint::Unit::Utf16, &ex.incoming.body, &ex.draft.body);
        let lens = (ex.incoming.body.encode_utf16().count(), ex.draft.body.encode_utf16().count());
        for q in &utf16.questions {
            prop_assert!(q.span.end <= lens.0);
        }
        for f in &utf16.findings {
            let len = match f.target {
                replylint::Target::Incoming => lens.0,
                replylint::Target::Draft => lens.1,
                _ => continue,
            };
            prop_assert!(f.span.start <= f.span.end && f.span.end <= len, "{:?}", f);
        }
    }
}
