//! Sentence splitting on the cases mail is full of: abbreviations, dates,
//! numbers, URLs and addresses, ellipses, "?!", lists, lines without final
//! punctuation, emoji. Each case lists the sentences expected, in order.

use replylint::Pack;
use replylint::text::{Document, Lang};

fn sentences(text: &str) -> Vec<String> {
    let pack = Pack::base();
    let doc = Document::new(text, &pack.text, Lang::Ru);
    doc.sentences().iter().map(|s| s.span.slice(text).to_string()).collect()
}

fn check(text: &str, expected: &[&str]) {
    let got = sentences(text);
    assert_eq!(got, expected, "splitting {text:?}");
}

#[test]
fn russian_abbreviations_do_not_end_sentences() {
    check("Т.е. мы успеем к пятнице. Спасибо!", &["Т.е. мы успеем к пятнице.", "Спасибо!"]);
    check("Сдадим всё, т.к. правок немного. Пришлём завтра.", &["Сдадим всё, т.к. правок немного.", "Пришлём завтра."]);
    check(
        "Офис на ул. Ленина, д. 5, кв. 3. Приезжайте к 10:00.",
        &["Офис на ул. Ленина, д. 5, кв. 3.", "Приезжайте к 10:00."],
    );
    check("Договор от 3 марта 2025 г. уже подписан.", &["Договор от 3 марта 2025 г. уже подписан."]);
    check("Стоимость — 18 000 руб. Итого с НДС больше.", &["Стоимость — 18 000 руб.", "Итого с НДС больше."]);
    check(
        "Нужны логотипы, шрифты и т.д. Пришлите их до среды.",
        &["Нужны логотипы, шрифты и т.д.", "Пришлите их до среды."],
    );
    check("См. вложение. Там всё есть.", &["См. вложение.", "Там всё есть."]);
}

#[test]
fn ukrainian_abbreviations_and_currency() {
    check("Вартість — 6 000 грн. Оплата до п'ятниці.", &["Вартість — 6 000 грн.", "Оплата до п'ятниці."]);
    check(
        "Зустріч 14 березня 2025 р. о 10:00 у нашому офісі.",
        &["Зустріч 14 березня 2025 р. о 10:00 у нашому офісі."],
    );
    check("Офіс на вул. Хрещатик, буд. 22. Чекаємо вас.", &["Офіс на вул. Хрещатик, буд. 22.", "Чекаємо вас."]);
    check("Макети, тексти, фото тощо. Усе в архіві.", &["Макети, тексти, фото тощо.", "Усе в архіві."]);
}

#[test]
fn english_abbreviations_titles_and_initials() {
    check("Mr. Weber asked for a quote. We sent it.", &["Mr. Weber asked for a quote.", "We sent it."]);
    check(
        "Assets (e.g. logos, fonts) are in the folder. Check it.",
        &["Assets (e.g. logos, fonts) are in the folder.", "Check it."],
    );
    check(
        "Dr. Evans and Ms. Shah will join, i.e. two speakers.",
        &["Dr. Evans and Ms. Shah will join, i.e. two speakers."],
    );
    check("Banners, videos, etc. Everything is ready.", &["Banners, videos, etc.", "Everything is ready."]);
    check("Ф. Титов подписал акт. Спасибо.", &["Ф. Титов подписал акт.", "Спасибо."]);
    check("J. Smith approved it. Great.", &["J. Smith approved it.", "Great."]);
}

#[test]
fn numbers_dates_and_times_stay_whole() {
    check("Срок — 3.03.2025. Успеете?", &["Срок — 3.03.2025.", "Успеете?"]);
    check("CTR вырос на 1.5 пункта. Это хорошо.", &["CTR вырос на 1.5 пункта.", "Это хорошо."]);
    check("Созвон в 10:30. Ссылку пришлю.", &["Созвон в 10:30.", "Ссылку пришлю."]);
    check("Version 2.0 is live. Version 2.1 ships on 14.03.", &["Version 2.0 is live.", "Version 2.1 ships on 14.03."]);
    check("Рост 11,4% за месяц. Отлично.", &["Рост 11,4% за месяц.", "Отлично."]);
}

#[test]
fn urls_and_addresses_do_not_split_sentences() {
    check(
        "Файл здесь: https://drive.example.com/open?id=1x9&usp=sharing. Сможете посмотреть?",
        &["Файл здесь: https://drive.example.com/open?id=1x9&usp=sharing.", "Сможете посмотреть?"],
    );
    check(
        "The PDF is on our Drive (https://drive.example.com/file/d/7Hq2?usp=sharing). Can you swap it in?",
        &["The PDF is on our Drive (https://drive.example.com/file/d/7Hq2?usp=sharing).", "Can you swap it in?"],
    );
    check(
        "Пишите на a.petrova@kirpichdvor.example. Отвечу сразу.",
        &["Пишите на a.petrova@kirpichdvor.example.", "Отвечу сразу."],
    );
    check(
        "Проверьте www.example.com?page=2 и robots.txt на сайте.",
        &["Проверьте www.example.com?page=2 и robots.txt на сайте."],
    );
    check(
        "Проверяли на странице\nhttps://avtoprokat.example/booking?car=kia-rio\n\nКогда почините?",
        &["Проверяли на странице\nhttps://avtoprokat.example/booking?car=kia-rio", "Когда почините?"],
    );
}

#[test]
fn ellipses_and_runs_of_marks() {
    check("Ну что ж... Попробуем ещё раз.", &["Ну что ж...", "Попробуем ещё раз."]);
    check("Подождите… мы уже проверяем.", &["Подождите… мы уже проверяем."]);
    check("Серьёзно?! Это же завтра.", &["Серьёзно?!", "Это же завтра."]);
    check("Ура!!! Всё согласовали.", &["Ура!!!", "Всё согласовали."]);
    check("What?? It went live already?", &["What??", "It went live already?"]);
}

#[test]
fn quotes_brackets_and_mid_sentence_question_marks() {
    check(
        "Мы вышли в топ-10 по запросу «абонемент в фитнес»? В отчёте пусто.",
        &["Мы вышли в топ-10 по запросу «абонемент в фитнес»?", "В отчёте пусто."],
    );
    check(
        "Касательно вопроса «Нужно ли упоминать сроки?» сообщаем, что да.",
        &["Касательно вопроса «Нужно ли упоминать сроки?» сообщаем, что да."],
    );
    check("He asked: \"Is it ready?\" We said yes.", &["He asked: \"Is it ready?\"", "We said yes."]);
}

#[test]
fn list_items_are_sentences_of_their_own() {
    check(
        "Есть вопросы:\n1. Когда будет готово?\n2. Сколько стоит?\n— И кто отвечает за тексты?",
        &["Есть вопросы:", "1. Когда будет готово?", "2. Сколько стоит?", "— И кто отвечает за тексты?"],
    );
    check(
        "Plan:\n- staging on Monday\n- launch on the 24th",
        &["Plan:", "- staging on Monday", "- launch on the 24th"],
    );
    check(
        "Кілька питань:\n1) Чи можна додати Reels?\n2) Хто робитиме фото?",
        &["Кілька питань:", "1) Чи можна додати Reels?", "2) Хто робитиме фото?"],
    );
    check(
        "1. Когда сайт будет на staging, чтобы мы могли его\nпротестировать?\n2. Дальше?",
        &["1. Когда сайт будет на staging, чтобы мы могли его\nпротестировать?", "2. Дальше?"],
    );
}

#[test]
fn lines_without_final_punctuation() {
    check(
        "Hi Tom,\n\nQuick one: can you check it?\n\nThanks,\nSophie",
        &["Hi Tom,", "Quick one: can you check it?", "Thanks,", "Sophie"],
    );
    check("Добрый день\nМакет согласован\nСпасибо", &["Добрый день", "Макет согласован", "Спасибо"]);
    check(
        "Дмитрий Кузнецов\nРуководитель отдела\nТел.: +7 (495) 000-12-34",
        &["Дмитрий Кузнецов", "Руководитель отдела", "Тел.: +7 (495) 000-12-34"],
    );
}

#[test]
fn emoji_and_smileys_end_sentences_before_a_capital() {
    check(
        "Мы на 7-м месте уже неделю 👍👍 Отчёт чуть глюкнул.",
        &["Мы на 7-м месте уже неделю 👍👍", "Отчёт чуть глюкнул."],
    );
    check("Lisbon, wooo 🎉🎉🎉 Flights are booked.", &["Lisbon, wooo 🎉🎉🎉", "Flights are booked."]);
    check("Всё норм, спасибо)) Держитесь там!", &["Всё норм, спасибо))", "Держитесь там!"]);
    check("Готово 👍🏽 и отправлено.", &["Готово 👍🏽 и отправлено."]);
}

#[test]
fn mixed_scripts_and_apostrophes() {
    check(
        "Надішліть, будь ласка, графік до п'ятниці. Дякую!",
        &["Надішліть, будь ласка, графік до п'ятниці.", "Дякую!"],
    );
    check(
        "По CPL в марте: VK — 412 ₽. Telegram Ads — 680 ₽.",
        &["По CPL в марте: VK — 412 ₽.", "Telegram Ads — 680 ₽."],
    );
    check("We don't translate. We adapt.", &["We don't translate.", "We adapt."]);
}

#[test]
fn languages_are_told_apart_per_document_and_per_sentence() {
    let pack = Pack::base();
    let doc = |t: &str| Document::new(t, &pack.text, Lang::En);
    assert_eq!(doc("Добрый день! Когда будет готов макет? Пришлите, пожалуйста, смету.").lang(), Lang::Ru);
    assert_eq!(doc("Добрий день! Коли буде готовий макет? Надішліть, будь ласка, кошторис.").lang(), Lang::Uk);
    assert_eq!(doc("Hi Tom, when will the mock-up be ready? Please send the estimate.").lang(), Lang::En);
    assert_eq!(doc("По CPL в марте: VK — 412 ₽, Telegram Ads — 680 ₽, остальное без изменений.").lang(), Lang::Ru);
    let mixed = doc(
        "Добрый день! Отчёт готов, пришлём сегодня. Hi Tom, the English version of the report is attached to this email.",
    );
    assert_eq!(mixed.lang(), Lang::Mixed);
    let langs: Vec<Lang> = mixed.sentences().iter().map(|s| s.lang).collect();
    assert_eq!(langs, vec![Lang::Ru, Lang::Ru, Lang::En]);
}
