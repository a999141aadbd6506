//! Rule packs: every loading error with its exact message and position,
//! `extends` merging, template rendering with deadlines across weekends and
//! time zones, and the shipped packs passing their own tests.

use replylint::pack::load::Resolver;
use replylint::pack::{Pack, PackError, builtin};
use replylint::template::render;
use replylint::{Exchange, Message};
use std::collections::{BTreeMap, HashMap};

/// Packs in memory by name, built-in ids as a fallback.
struct Files(HashMap<&'static str, String>);

impl Resolver for Files {
    fn resolve(&self, name: &str, _from: &str) -> Result<(String, String), String> {
        if let Some(s) = self.0.get(name) {
            return Ok((name.to_string(), s.clone()));
        }
        builtin::source(name)
            .map(|s| (name.to_string(), s.to_string()))
            .ok_or_else(|| format!("extends an unknown pack {name:?}"))
    }
}

fn load(src: &str) -> Result<Pack, PackError> {
    Pack::from_source("agency.toml", src, &Files(HashMap::new()))
}

const HEAD: &str = "[pack]\nid = \"agency\"\nname = \"Agency\"\nextends = \"base\"\n";

/// Loads HEAD + body and returns the error as "line:col: message".
fn err(body: &str) -> String {
    let e = load(&format!("{HEAD}{body}")).expect_err("the pack must be refused");
    assert_eq!(e.file, "agency.toml");
    format!("{}:{}: {}", e.line, e.column, e.message)
}

#[test]
fn syntax_error_points_at_the_line() {
    assert_eq!(err("\n[checks.tone\nenabled = true\n"), "6:13: unclosed table, expected `]`");
}

#[test]
fn unknown_key_says_what_is_allowed() {
    assert_eq!(
        err("\n[checks.tone]\nbnad = { min = -0.2, max = 0.5 }\n"),
        "7:1: unknown field `bnad`, expected one of `enabled`, `severity`, `band`"
    );
    assert!(err("\n[checkz]\n").starts_with("6:2: unknown field `checkz`, expected one of `pack`, `checks`, `lang`"));
}

#[test]
fn a_mistyped_key_in_a_200_line_pack_is_one_line_with_its_position() {
    let mut body = String::from("\n[lang.ru.tone]\nformal = [\n");
    for i in 0..190 {
        body.push_str(&format!("  \"канцелярский оборот {i}\",\n"));
    }
    body.push_str("]\nfamilar = [\"норм\"]\n");
    let e = load(&format!("{HEAD}{body}")).unwrap_err();
    assert_eq!((e.line, e.column), (199, 1));
    assert!(e.message.starts_with("unknown field `familar`, expected one of `formal`, `familiar`"), "{}", e.message);
    assert_eq!(e.to_string().lines().count(), 1);
}

#[test]
fn wrong_types_are_reported() {
    assert_eq!(
        err("\n[checks.summary]\nmin_words = \"eighty\"\n"),
        "7:13: invalid type: string \"eighty\", expected u32"
    );
    assert_eq!(err("\n[[templates]]\nid = 5\n"), "7:6: invalid type: integer `5`, expected a string");
}

#[test]
fn value_ranges_name_the_key_and_the_allowed_range() {
    assert_eq!(
        err("\n[checks.tone]\nband = { min = -0.2, max = 3 }\n"),
        "7:28: checks.tone.band.max must be between -1 and 1, got 3"
    );
    assert_eq!(
        err("\n[checks.tone]\nband = { min = 0.5, max = 0.1 }\n"),
        "7:8: checks.tone.band min must be below max, got min = 0.5 and max = 0.1"
    );
    assert_eq!(
        err("\n[checks.unanswered_questions]\nmin_coverage = 2\n"),
        "7:16: checks.unanswered_questions.min_coverage must be between 0.05 and 1, got 2"
    );
    assert_eq!(
        err("\n[checks.summary]\nmin_words = 0\n"),
        "7:13: checks.summary.min_words must be between 1 and 5000, got 0"
    );
    assert_eq!(
        err("\n[checks.question_list]\nmin_questions = 1\n"),
        "7:17: checks.question_list.min_questions must be between 2 and 20, got 1"
    );
}

#[test]
fn pack_id_and_languages_are_checked() {
    let e = load("[pack]\nid = \"My Pack\"\nname = \"x\"\n").unwrap_err();
    assert_eq!(
        (e.line, e.column, e.message.as_str()),
        (2, 6, "pack.id must be lower-case letters, digits and dashes, got \"My Pack\"")
    );
    let e = load("[pack]\nid = \"x\"\nlanguages = [\"ru\", \"de\"]\n").unwrap_err();
    assert_eq!(e.message, "pack.languages[1] must be one of \"ru\", \"uk\", \"en\", got \"de\"");
    assert_eq!((e.line, e.column), (3, 20));
}

#[test]
fn phrases_without_words_and_bad_marker_weights() {
    assert_eq!(
        err("\n[lang.ru.tone]\nformal = [\"!!!\"]\n"),
        "7:11: lang.ru.tone.formal[0] the phrase \"!!!\" has no words to match"
    );
    assert_eq!(
        err("\n[lang.en.tone]\nfamiliar = [{ phrase = \"yo\", weight = 1.5 }]\n"),
        "7:39: lang.en.tone.familiar[0].weight must be between 0 and 1, got 1.5"
    );
    assert_eq!(
        err("\n[[lang.en.answers.kinds]]\nid = \"whenever\"\n"),
        "7:6: lang.en.answers.kinds[0].id must be one of when, amount, count, confirm, yes_no, send, review, reason, choice, got \"whenever\""
    );
}

#[test]
fn rules_are_checked_one_by_one() {
    assert_eq!(
        err("\n[[rules]]\nid = \"r\"\nmessage = \"m\"\nregex = [\"(unclosed\"]\n"),
        "9:10: rules[0].regex[0] is not a valid regular expression: found open group without closing ')'"
    );
    assert_eq!(
        err("\n[[rules]]\nid = \"r\"\nmessage = \"m\"\nregex = [\"ASAP\"]\n"),
        "9:10: rules[0].regex[0] has 'A' at character 1; write patterns in lower case (with е for ё): they are matched against the lower-cased draft"
    );
    assert_eq!(
        err("\n[[rules]]\nid = \"r\"\nmessage = \"m\"\nregex = [\"(a|b|c|d|e|f|g){1000}{1000}\"]\n"),
        "9:10: rules[0].regex[0] is too large once compiled (limit 256 KB); split it or use phrases"
    );
    assert_eq!(
        err(
            "\n[[rules]]\nid = \"r\"\nmessage = \"m\"\nphrases = [\"x\"]\n\n[[rules]]\nid = \"r\"\nmessage = \"m\"\nphrases = [\"y\"]\n"
        ),
        "12:6: rules[1].id \"r\" is used by two rules; rule ids must be unique"
    );
    assert_eq!(
        err("\n[[rules]]\nid = \"r\"\nmessage = \"m\"\ntype = \"substitution\"\n"),
        "6:1: rules[0] is a substitution rule and needs `swap = { \"phrase\" = \"replacement\" }`"
    );
    assert_eq!(
        err("\n[[rules]]\nid = \"r\"\nmessage = \"m\"\n"),
        "6:1: rules[0] needs `phrases` or `regex` to look for"
    );
    assert_eq!(
        err("\n[[rules]]\nid = \"r\"\nphrases = [\"x\"]\n"),
        "6:1: rules[0] needs a message that tells the user what to change"
    );
    assert_eq!(
        err("\n[[rules]]\nid = \"bad id!\"\nmessage = \"m\"\nphrases = [\"x\"]\n"),
        "7:6: rules[0].id must be letters, digits, '-' and '_', got \"bad id!\""
    );
}

#[test]
fn response_time_is_checked() {
    assert_eq!(
        err("\n[response_time]\nhours = 0\n"),
        "7:9: response_time.hours must be more than 0 and at most 1000, got 0"
    );
    assert_eq!(
        err("\n[response_time]\nworking_hours_start = \"9am\"\n"),
        "7:23: response_time.working_hours_start must be a time like \"09:00\", got \"9am\""
    );
    assert_eq!(
        err("\n[response_time]\nworking_hours_start = \"18:00\"\nworking_hours_end = \"09:00\"\n"),
        "8:21: response_time.working_hours_end must be later than working_hours_start"
    );
    assert_eq!(
        err("\n[response_time]\nworking_days = [\"mon\", \"funday\"]\n"),
        "7:24: response_time.working_days[1] must be one of mon, tue, wed, thu, fri, sat, sun, got \"funday\""
    );
    assert_eq!(
        err("\n[response_time]\ntime_zone = \"Mars/Olympus\"\n"),
        "7:13: response_time.time_zone must be \"local\", an offset like \"+02:00\" or a time zone like \"Europe/Kyiv\", got \"Mars/Olympus\""
    );
}

#[test]
fn templates_are_checked() {
    let t = |body: &str| err(&format!("\n[[templates]]\nid = \"t\"\ntitle = \"T\"\nlanguage = \"ru\"\n{body}"));
    assert_eq!(
        t("text = \"Привет, {clent_name}!\"\n"),
        "10:8: templates[0].text uses {clent_name}, which is neither a known placeholder (client_name, manager_name, deadline, document, date, subject, company, next_step, topic) nor listed in `fill`"
    );
    assert_eq!(
        t("text = \"Готово.\"\nfill = [\"link\"]\n"),
        "11:9: templates[0].fill[0] names {link}, which the text does not use"
    );
    assert_eq!(t("text = \"\"\n"), "6:1: templates[0] needs a text");
    assert_eq!(
        err(
            "\n[[templates]]\nid = \"t\"\nlanguage = \"ru\"\ntext = \"a\"\n\n[[templates]]\nid = \"t\"\nlanguage = \"de\"\ntext = \"b\"\n"
        ),
        "12:6: templates[1].id \"t\" is used by two templates; template ids must be unique"
    );
}

#[test]
fn a_pack_whose_own_test_fails_is_refused_with_the_example() {
    let e = err(
        "\n[[rules]]\nid = \"no-asap\"\nmessage = \"Name a time.\"\nphrases = [\"asap\"]\n\n[[tests]]\nrule = \"rule:no-asap\"\nbad = \"We will send it soon.\"\n",
    );
    assert_eq!(
        e,
        "13:7: tests[0] bad must trigger rule:no-asap: «We will send it soon.» — the pack's own test fails, so it is refused"
    );
    assert_eq!(err("\n[[tests]]\nrule = \"tone\"\n"), "6:1: tests[0] needs a `bad` or a `good` draft");
}

#[test]
fn extends_errors_unknown_cycle_depth_and_removals() {
    let unknown = load("[pack]\nid = \"a\"\nextends = \"agency-99\"\n").unwrap_err();
    assert_eq!((unknown.line, unknown.column), (3, 11));
    assert_eq!(unknown.message, "extends an unknown pack \"agency-99\"");

    let files = Files(HashMap::from([
        ("a.toml", "[pack]\nid = \"a\"\nextends = \"b.toml\"\n".to_string()),
        ("b.toml", "[pack]\nid = \"b\"\nextends = [\"base\", \"a.toml\"]\n".to_string()),
    ]));
    let cycle = Pack::from_source("a.toml", &files.0["a.toml"], &files).unwrap_err();
    assert_eq!(cycle.file, "b.toml");
    assert_eq!((cycle.line, cycle.column), (3, 20));
    assert_eq!(cycle.message, "extends \"a.toml\" makes a cycle: a.toml → b.toml → a.toml");

    let mut chain = HashMap::new();
    for i in 0..10 {
        let next = if i == 9 { "base".to_string() } else { format!("p{}.toml", i + 1) };
        chain.insert(
            Box::leak(format!("p{i}.toml").into_boxed_str()) as &'static str,
            format!("[pack]\nid = \"p{i}\"\nextends = \"{next}\"\n"),
        );
    }
    let files = Files(chain);
    let deep = Pack::from_source("p0.toml", &files.0["p0.toml"], &files).unwrap_err();
    assert!(deep.message.starts_with("extends \"p8.toml\" goes deeper than 8 packs"), "{}", deep.message);

    assert_eq!(
        err("\n[lang.ru.tone]\nremove = { familiar = [\"нормас\"] }\n"),
        "7:24: lang.ru.tone.remove.familiar[0] names \"нормас\", which is not in the inherited `familiar`"
    );
    assert_eq!(
        err("\n[lang.ru.tone]\nremove = { band = [\"x\"] }\n"),
        "7:19: lang.ru.tone.remove.band removes from `band`, which is not a list here; lists are: formal, familiar, informal_you, informal_you_endings, polite_you, not_informal, verbal_noun_endings, warm"
    );
    assert_eq!(
        err("\n[remove]\nrules = [\"no-such-rule\"]\n"),
        "7:10: remove.rules[0] names \"no-such-rule\", which is not in the inherited `rules`"
    );
}

#[test]
fn huge_pack_files_are_refused_before_parsing() {
    let big = format!("{HEAD}# {}\n", "x".repeat(3 * 1024 * 1024));
    let e = load(&big).unwrap_err();
    assert_eq!(e.message, "the pack is 3072 KB; packs are limited to 2048 KB");
}

#[test]
fn a_large_pack_under_the_limit_loads_and_its_phrases_work() {
    // 20,000 phrases, about 600 KB: an agency that pasted a whole style guide
    let phrases: Vec<String> = (0..20_000).map(|i| format!("\"запретное слово номер {i}\"")).collect();
    let src = format!(
        "{HEAD}\n[[rules]]\nid = \"banned\"\nmessage = \"Уберите запретное слово.\"\nphrases = [{}]\n",
        phrases.join(", ")
    );
    assert!(src.len() > 500_000);
    let pack = load(&src).unwrap();
    let mut ex = Exchange::default();
    ex.draft.body = "Добрый день! Тут запретное слово номер 19999, увы.".into();
    let r = replylint::analyze(&ex, &pack);
    assert!(r.findings.iter().any(|f| f.rule == "rule:banned"), "{:?}", r.findings);
}

#[test]
fn regexes_that_backtrack_elsewhere_run_in_linear_time_here() {
    let src =
        format!("{HEAD}\n[[rules]]\nid = \"evil\"\nmessage = \"m\"\nregex = [\"(a+)+$\", \"(x|x)*y\", \"(a|aa)*c\"]\n");
    let pack = load(&src).unwrap();
    let mut ex = Exchange::default();
    // 100 KB of input that takes exponential time in a backtracking engine
    ex.draft.body = format!("{}!", "a".repeat(50_000)) + &"x".repeat(50_000);
    let r = replylint::analyze(&ex, &pack);
    assert!(!r.findings.iter().any(|f| f.rule == "rule:evil"), "nothing matches: {:?}", r.findings);
}

#[test]
fn extends_merges_lists_scalars_removals_and_ids_deterministically() {
    let src = format!(
        "{HEAD}
[checks.tone]
band = {{ min = -0.1 }}

[lang.ru.tone]
familiar = [{{ phrase = \"шеф\", weight = 0.8 }}]
remove = {{ familiar = [\"норм\"] }}

[remove]
templates = [\"delay-ru\"]

[[templates]]
id = \"received-ru\"
title = \"Наш вариант\"
language = \"ru\"
text = \"Получили {{document}}, ответ {{deadline}}.\"
fill = [\"document\"]
"
    );
    let p = load(&src).unwrap();
    assert_eq!(p.tone_band(), (-0.1, 0.45), "min overridden, max inherited");
    let ru = &p.source.lang.ru.as_ref().unwrap().tone.familiar;
    assert!(ru.iter().any(|m| m.phrase() == "шеф"), "list extended");
    assert!(!ru.iter().any(|m| m.phrase() == "норм"), "entry removed");
    assert!(ru.iter().any(|m| m.phrase() == "чувак"), "other inherited entries kept");
    let ids: Vec<&str> = p.templates().iter().map(|t| t.id.as_str()).collect();
    assert!(!ids.contains(&"delay-ru"));
    assert_eq!(ids.iter().filter(|i| **i == "received-ru").count(), 1, "same id replaces");
    assert_eq!(p.templates().iter().find(|t| t.id == "received-ru").unwrap().title, "Наш вариант");
    assert_eq!(p.id(), "agency", "[pack] is the pack's own");
    assert!(p.source.tests.is_empty(), "tests are not inherited");
    let again = load(&src).unwrap();
    assert_eq!(format!("{:?}", p.source), format!("{:?}", again.source), "merging is deterministic");
}

#[test]
fn shipped_packs_load_and_pass_their_own_tests() {
    for id in builtin::IDS {
        let p = Pack::builtin(id).unwrap_or_else(|e| panic!("{id}: {e}"));
        let results = replylint::selftest::run(&p);
        assert!(
            results.iter().all(|r| r.passed),
            "{id}: {:?}",
            results.iter().filter(|r| !r.passed).collect::<Vec<_>>()
        );
    }
    // each example pack brings its own templates: received, more time, delay, meeting summary, done
    for (id, prefix) in [("agency-24h", "agency-"), ("studio-2h", "studio-"), ("corporate-strict", "corp-")] {
        let p = Pack::builtin(id).unwrap();
        assert!(p.source.tests.len() >= 4, "{id} has its own tests");
        let own: Vec<&str> = p.templates().iter().filter(|t| t.id.starts_with(prefix)).map(|t| t.id.as_str()).collect();
        assert!(own.len() >= 5, "{id}: {own:?}");
        for kind in ["received", "delay"] {
            assert!(own.iter().any(|t| t.contains(kind)), "{id} lacks a {kind} template");
        }
    }
}

fn exchange(now: &str) -> Exchange {
    Exchange {
        incoming: Message {
            from: "Олена Коваленко <o.kovalenko@zelena.example>".into(),
            subject: "Прес-тур".into(),
            body: "Добрий день!\n\nНадсилаємо бриф. Коли буде концепція?\n\nЗ повагою,\nОлена Коваленко\nМенеджерка з комунікацій".into(),
            ..Message::default()
        },
        draft: Message { body: "Олено, добрий день!\n\n\n\nЗ повагою,\nІрина Шевчук\nПромінь PR".into(), ..Message::default() },
        now: Some(now.into()),
    }
}

#[test]
fn templates_fill_names_deadline_and_report_what_is_left() {
    let p = Pack::builtin("agency-24h").unwrap();
    // Friday 17:00 in Kyiv + 24 working hours → Monday 17:00
    let r = render(&p, "agency-received-uk", Some(&exchange("2025-03-07T15:00:00Z")), &BTreeMap::new()).unwrap();
    assert_eq!(
        r.text,
        "Дякуємо, {document} отримали і вже передали команді. Детальну відповідь надішлемо до понеділка, 17:00."
    );
    assert_eq!(r.unfilled.len(), 1);
    let (name, span) = &r.unfilled[0];
    assert_eq!((name.as_str(), span.slice(&r.text)), ("document", "{document}"));

    let corp = Pack::builtin("corporate-strict").unwrap();
    let r = render(
        &corp,
        "corp-received-ru",
        Some(&exchange("2025-03-07T15:00:00Z")),
        &BTreeMap::from([("document".to_string(), "бриф".to_string())]),
    )
    .unwrap();
    assert!(r.text.starts_with("Благодарим за обращение. бриф получен"), "{}", r.text);
    assert!(r.text.ends_with("С уважением,\nІрина"), "manager name from the draft's sign-off: {}", r.text);
    assert!(r.unfilled.is_empty());
}

#[test]
fn deadlines_cross_weekends_and_follow_the_packs_time_zone_and_daylight_saving() {
    let p = Pack::builtin("agency-24h").unwrap();
    let deadline = |now: &str| render(&p, "agency-received-uk", Some(&exchange(now)), &BTreeMap::new()).unwrap().text;
    // Saturday evening → the clock starts Monday 09:00, due Tuesday 09:00
    assert!(deadline("2025-03-08T18:00:00Z").ends_with("до вівторка, 09:00."), "{}", deadline("2025-03-08T18:00:00Z"));
    // the same UTC moment is 17:00 in Kyiv in winter (UTC+2) and 18:00 in summer (UTC+3, after working hours)
    assert!(deadline("2025-03-06T15:00:00Z").ends_with("завтра до 17:00."), "{}", deadline("2025-03-06T15:00:00Z"));
    assert!(deadline("2025-07-03T15:00:00Z").ends_with("до понеділка, 09:00."), "{}", deadline("2025-07-03T15:00:00Z"));

    let studio = Pack::builtin("studio-2h").unwrap();
    let r = render(
        &studio,
        "studio-received-en",
        None,
        &BTreeMap::from([("now".to_string(), "2025-03-07T17:30:00+01:00".to_string())]),
    )
    .unwrap();
    assert_eq!(r.text, "Thanks, we've got {document}! We'll send a detailed estimate by Monday 10:30 am.");
}

#[test]
fn values_are_inserted_as_text_never_expanded_again() {
    let p = Pack::builtin("base").unwrap();
    let values = BTreeMap::from([("document".to_string(), "{deadline} <script>alert(1)</script>".to_string())]);
    let r = render(&p, "received-en", None, &values).unwrap();
    assert_eq!(
        r.text,
        "Thanks, we've got {deadline} <script>alert(1)</script>. We'll send a detailed answer {deadline}."
    );
    assert_eq!(r.unfilled.len(), 1, "only the template's own {{deadline}} is a placeholder: {:?}", r.unfilled);
    assert!(
        render(&p, "nope", None, &BTreeMap::new())
            .unwrap_err()
            .starts_with("the pack \"base\" has no template \"nope\"")
    );
}

#[test]
fn ukrainian_templates_address_the_client_in_the_vocative() {
    let p = Pack::builtin("base").unwrap();
    let mut ex = exchange("2025-03-05T10:00:00Z");
    ex.incoming.body = "Добрий день!\n\nКоли буде концепція?\n\nДякую,\nОлена".into();
    let vals = replylint::template::values_from(&p, &ex, replylint::text::Lang::Uk);
    assert_eq!(vals.get("client_name").map(String::as_str), Some("Олено"));
}

/// No phrase list escapes validation: for every list of words in a
/// language's data (read from the schema types, so a new list is covered the
/// day it is added), a pack putting "!!!" in it is refused with the list's
/// key and position.
#[test]
fn every_phrase_list_of_the_language_data_is_validated() {
    let sections = serde_json::to_value(replylint::pack::LangData::default()).unwrap();
    let mut checked = 0;
    for (section, fields) in sections.as_object().unwrap() {
        let Some(fields) = fields.as_object() else { continue };
        for (name, value) in fields {
            // `answers.kinds` is a list of tables with lists inside, checked above
            if !value.is_array() || name == "kinds" {
                continue;
            }
            let src = format!("{HEAD}\n[lang.ru.{section}]\n{name} = [\"!!!\"]\n");
            let message = load(&src).err().map(|e| e.message).unwrap_or_default();
            assert!(
                message.starts_with(&format!("lang.ru.{section}.{name}[0] ")) && message.contains("\"!!!\""),
                "lang.ru.{section}.{name} = [\"!!!\"] was not refused with its key: {message:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} phrase lists found in the schema");
}
