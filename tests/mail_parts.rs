//! Separating the latest message from quoted history and the signature, in
//! the header styles of Gmail, Outlook, Apple Mail and Thunderbird, in
//! Russian, Ukrainian and English; and the greeting and sign-off of a draft.

use replylint::Pack;
use replylint::mail::split_parts;
use replylint::text::{Document, Lang};
use std::sync::OnceLock;

fn pack() -> &'static Pack {
    static P: OnceLock<Pack> = OnceLock::new();
    P.get_or_init(Pack::base)
}

#[derive(Debug, Default, PartialEq)]
struct Seen {
    greeting: Option<String>,
    body: String,
    signoff: Option<String>,
    signature_first_line: Option<String>,
    quoted_first_line: Option<String>,
}

fn parts(text: &str) -> Seen {
    let p = pack();
    let doc = Document::new(text, &p.text, Lang::En);
    let stop = |w: &str| Lang::CONCRETE.iter().any(|&l| p.lang(l).stopwords.contains(w));
    let parts = split_parts(&doc, &p.mail, &stop);
    let first_line = |s: replylint::text::Span| s.slice(text).lines().next().unwrap_or("").to_string();
    Seen {
        greeting: parts.greeting.map(|s| s.slice(text).to_string()),
        body: parts.body.slice(text).to_string(),
        signoff: parts.signoff.map(|s| s.slice(text).to_string()),
        signature_first_line: parts.signature.map(first_line),
        quoted_first_line: parts.quoted.map(first_line),
    }
}

#[test]
fn gmail_english_header_with_quoted_lines() {
    let s = parts(
        "Hi Daniel,\n\nCould you send the media list by Friday?\n\nBest regards,\nPriya\n\nOn Mon, Mar 3, 2025 at 10:15 AM Daniel Reed <daniel.reed@northlightpr.example> wrote:\n> Hi Priya,\n> Any questions? Let me know.\n",
    );
    assert_eq!(s.greeting.as_deref(), Some("Hi Daniel,"));
    assert_eq!(s.body, "Could you send the media list by Friday?");
    assert_eq!(s.signoff.as_deref(), Some("Best regards,"));
    assert_eq!(s.signature_first_line.as_deref(), Some("Priya"));
    assert_eq!(
        s.quoted_first_line.as_deref(),
        Some("On Mon, Mar 3, 2025 at 10:15 AM Daniel Reed <daniel.reed@northlightpr.example> wrote:")
    );
}

#[test]
fn gmail_header_wrapped_over_two_lines() {
    let s = parts(
        "Thanks, that works.\n\nOn Mon, Mar 3, 2025 at 10:15 AM Daniel Reed <\ndaniel.reed@northlightpr.example> wrote:\n> Does Tuesday work for you?\n",
    );
    assert_eq!(s.body, "Thanks, that works.");
    assert_eq!(s.quoted_first_line.as_deref(), Some("On Mon, Mar 3, 2025 at 10:15 AM Daniel Reed <"));
}

#[test]
fn gmail_russian_header_ends_with_address_and_colon() {
    let s = parts(
        "Ольга, добрый день!\n\nКогда планируете рассылку?\n\nСпасибо!\nАнна\n\nпн, 3 мар. 2025 г. в 10:15, Ольга Смирнова <olga.smirnova@brightpr.example>:\n> Анна, добрый день!\n> Сможете посмотреть до среды?\n",
    );
    assert_eq!(s.greeting.as_deref(), Some("Ольга, добрый день!"));
    assert_eq!(s.body, "Когда планируете рассылку?");
    assert_eq!(s.signoff.as_deref(), Some("Спасибо!"));
    assert_eq!(s.signature_first_line.as_deref(), Some("Анна"));
    assert!(s.quoted_first_line.unwrap().starts_with("пн, 3 мар. 2025 г."));
}

#[test]
fn gmail_ukrainian_header_with_pyshe() {
    let s = parts(
        "Добрий день, Ірино!\n\nСкільки журналістів плануєте запросити?\n\nЗ повагою,\nОлена Коваленко\n\nпн, 3 бер. 2025 р. о 16:40 Ірина Шевчук <i.shevchuk@promin-pr.example> пише:\n> Які дати у квітні вам підходять?\n",
    );
    assert_eq!(s.greeting.as_deref(), Some("Добрий день, Ірино!"));
    assert_eq!(s.body, "Скільки журналістів плануєте запросити?");
    assert_eq!(s.signoff.as_deref(), Some("З повагою,"));
    assert_eq!(s.signature_first_line.as_deref(), Some("Олена Коваленко"));
    assert!(s.quoted_first_line.unwrap().ends_with("пише:"));
}

#[test]
fn outlook_english_header_block_after_an_underscore_line() {
    let s = parts(
        "Hello,\n\nIs the problem on our hosting or in the code?\n\nKind regards,\nPeter Novak\nOperations Director\n\n________________________________\nFrom: Oakbridge Support <support@oakbridge.example>\nSent: Monday, March 3, 2025 9:05 AM\nTo: Peter Novak <p.novak@brightway.example>\nSubject: Scheduled maintenance\n\nAny questions? Just reply to this email.\n",
    );
    assert_eq!(s.body, "Is the problem on our hosting or in the code?");
    assert_eq!(s.signature_first_line.as_deref(), Some("Peter Novak"));
    assert_eq!(s.quoted_first_line.as_deref(), Some("________________________________"));
}

#[test]
fn outlook_russian_header_block() {
    let s = parts(
        "Добрый день, Игорь.\n\nПочему упал трафик?\n\nДмитрий Кузнецов\nРуководитель интернет-магазина\nТел.: +7 (495) 000-12-34\n\nОт: Игорь Лебедев <i.lebedev@toppoz.example>\nОтправлено: 3 марта 2025 г. 18:05\nКому: Дмитрий Кузнецов <d.kuznetsov@mebel-dom.example>\nТема: Отчёт по SEO\n\nУдобно ли вам созвониться в четверг?\n",
    );
    assert_eq!(s.body, "Почему упал трафик?");
    assert_eq!(s.signature_first_line.as_deref(), Some("Дмитрий Кузнецов"));
    assert_eq!(s.quoted_first_line.as_deref(), Some("От: Игорь Лебедев <i.lebedev@toppoz.example>"));
}

#[test]
fn outlook_ukrainian_header_block() {
    let s = parts(
        "Добрий день, Юрію!\n\nЩо сталося з трафіком?\n\nОльга Климчук\nМаркетологиня\n\nВід: Юрій Поліщук <y.polishchuk@vysota-seo.example>\nНадіслано: 25 лютого 2025 р. 10:12\nКому: Ольга Климчук <o.klymchuk@mebli-ua.example>\nТема: Звіт за лютий\n\nЧи зручно вам буде зідзвонитися?\n",
    );
    assert_eq!(s.body, "Що сталося з трафіком?");
    assert_eq!(s.quoted_first_line.as_deref(), Some("Від: Юрій Поліщук <y.polishchuk@vysota-seo.example>"));
}

#[test]
fn original_message_separator() {
    let s = parts(
        "Добрый день, Вера!\n\nС чем связан рост стоимости заявки?\n\nНиколай\n\n-----Original Message-----\nОт: Вера Александрова <v.aleksandrova@clickmedia.example>\nОтправлено: понедельник, 3 марта 2025 г. 12:14\nКому: Николай Смирнов <n.smirnov@okna-master.example>\nТема: Контекстная реклама\n\nУдобно будет обсудить его в среду?\n",
    );
    assert_eq!(s.body, "С чем связан рост стоимости заявки?");
    assert_eq!(s.signature_first_line.as_deref(), Some("Николай"));
    assert_eq!(s.quoted_first_line.as_deref(), Some("-----Original Message-----"));
}

#[test]
fn apple_mail_english_and_russian_headers() {
    let en = parts(
        "Sounds good.\n\nOn 3 Mar 2025, at 10:15, Anna Petrova <a.petrova@kirpichdvor.example> wrote:\n\n> Shall we meet on Tuesday?\n",
    );
    assert_eq!(en.body, "Sounds good.");
    assert!(en.quoted_first_line.unwrap().starts_with("On 3 Mar 2025, at 10:15"));
    let ru = parts(
        "Договорились.\n\n3 марта 2025 г., в 10:15, Анна Петрова <a.petrova@kirpichdvor.example> написал(а):\n\n> Встречаемся во вторник?\n",
    );
    assert_eq!(ru.body, "Договорились.");
    assert!(ru.quoted_first_line.unwrap().ends_with("написал(а):"));
}

#[test]
fn thunderbird_headers_and_forward_separator() {
    let en = parts("Agreed, go ahead.\n\nOn 03.03.2025 10:15, Anna Petrova wrote:\n> Can we start on Monday?\n");
    assert_eq!(en.body, "Agreed, go ahead.");
    assert_eq!(en.quoted_first_line.as_deref(), Some("On 03.03.2025 10:15, Anna Petrova wrote:"));
    let ru = parts("Согласны.\n\n03.03.2025 10:15, Анна Петрова пишет:\n> Начинаем в понедельник?\n");
    assert_eq!(ru.quoted_first_line.as_deref(), Some("03.03.2025 10:15, Анна Петрова пишет:"));
    let fwd = parts(
        "Пересылаю письмо клиента, посмотрите.\n\n-------- Пересылаемое сообщение --------\nТема: Макет\nДата: 03.03.2025 10:15\nОт: Анна <a@b.example>\n\nКогда будет макет?\n",
    );
    assert_eq!(fwd.quoted_first_line.as_deref(), Some("-------- Пересылаемое сообщение --------"));
}

#[test]
fn quoted_lines_without_a_header() {
    let s = parts("Yes, Thursday is fine.\n\n> Can we move the call to Thursday?\n> Thanks\n");
    assert_eq!(s.body, "Yes, Thursday is fine.");
    assert_eq!(s.quoted_first_line.as_deref(), Some("> Can we move the call to Thursday?"));
}

#[test]
fn dash_dash_signature_with_a_promo_question() {
    let s = parts(
        "Добрый день!\n\nОплату провели сегодня, платёжку прилагаю.\n\nГарного дня!\nБогдан Савчук\n\n--\nЧи знаєте ви, що ми тепер працюємо і в Молдові? Деталі на agroline.example\n",
    );
    assert_eq!(s.body, "Оплату провели сегодня, платёжку прилагаю.");
    assert_eq!(s.signoff.as_deref(), Some("Гарного дня!"));
    let sig = parts(
        "Подскажите формат сырых материалов.\n\n--\nМарина Волкова\nБренд-менеджер FitLife\nНужна франшиза? Пишите на franchise@fitlife.example\n",
    );
    assert_eq!(sig.body, "Подскажите формат сырых материалов.");
    assert_eq!(sig.signature_first_line.as_deref(), Some("--"));
}

#[test]
fn mobile_signature_and_legal_disclaimer() {
    let s = parts("Can we push the shoot to Friday?\n\nSent from my iPhone\n");
    assert_eq!(s.body, "Can we push the shoot to Friday?");
    assert_eq!(s.signature_first_line.as_deref(), Some("Sent from my iPhone"));
    let d = parts(
        "Hi Aisha,\n\nCould you add a breakdown by practice area?\n\nBest regards,\nDavid Moore\nPractice Manager\n\nThis email and any attachments are confidential. If you are not the intended recipient, please notify the sender.\n",
    );
    assert_eq!(d.body, "Could you add a breakdown by practice area?");
    assert_eq!(d.signoff.as_deref(), Some("Best regards,"));
}

#[test]
fn name_only_signatures_initials_and_pipes() {
    let s = parts(
        "Добрый день.\n\nПочему сумма больше согласованной? Прошу прислать детализацию.\n\nФ. Титов\nIT-директор, медцентр «Здоровье»\n",
    );
    assert_eq!(s.body, "Почему сумма больше согласованной? Прошу прислать детализацию.");
    assert_eq!(s.signature_first_line.as_deref(), Some("Ф. Титов"));
    let p = parts(
        "Hi Daniel,\n\nWhen do you need the quotes?\n\nThanks,\nPriya\n\nPriya Shah | Head of Communications | HealthBridge\n",
    );
    assert_eq!(p.body, "When do you need the quotes?");
    assert_eq!(p.signoff.as_deref(), Some("Thanks,"));
}

#[test]
fn outlook_bold_labels_from_html() {
    let s = parts(
        "Понял, спасибо.\n\n*From:* Anna Petrova <a.petrova@kirpichdvor.example>\n*Sent:* Monday, March 3, 2025 10:15\n*To:* Olga <olga@brightpr.example>\n*Subject:* Смета\n\nКогда смета?\n",
    );
    assert_eq!(s.body, "Понял, спасибо.");
    assert_eq!(s.quoted_first_line.as_deref(), Some("*From:* Anna Petrova <a.petrova@kirpichdvor.example>"));
}

#[test]
fn draft_with_greeting_on_the_same_line_and_quoted_original() {
    let s = parts(
        "Сергей, добрый день! Ошибку воспроизвели, форма заработает сегодня до 16:00.\n\nДмитрий\n\nпн, 3 мар. 2025 г. в 10:15, Сергей Орлов <s.orlov@avtoprokat.example>:\n> Когда сможете починить?\n",
    );
    assert_eq!(s.greeting.as_deref(), Some("Сергей, добрый день!"));
    assert_eq!(s.body, "Ошибку воспроизвели, форма заработает сегодня до 16:00.");
    assert_eq!(s.signature_first_line.as_deref(), Some("Дмитрий"));
    assert!(s.quoted_first_line.is_some());
}

#[test]
fn a_line_starting_with_from_in_the_text_is_not_a_header() {
    let s = parts("From: our side everything is ready.\nWe can start on Monday.\n\nBest,\nSophie\n");
    assert_eq!(s.quoted_first_line, None);
    assert_eq!(s.body, "From: our side everything is ready.\nWe can start on Monday.");
}

#[test]
fn a_thanks_line_inside_the_text_does_not_start_the_signature() {
    let s = parts("Hi Tom,\n\nThanks for the files.\nCould you also send the logo in SVG?\n\nBest,\nSophie\n");
    assert_eq!(s.body, "Thanks for the files.\nCould you also send the logo in SVG?");
    assert_eq!(s.signoff.as_deref(), Some("Best,"));
}
