//! Validation of one decoded pack file: ranges, phrase patterns, regexes,
//! ids, templates. Every problem names its key and file:line:col.

use super::error::PackError;
use super::load::{REGEX_SIZE_LIMIT, Seg, locate, path_text};
use super::schema::*;
use crate::text::validate_pattern;
use crate::time::{parse_hhmm, parse_offset};
use std::collections::HashSet;

fn key(k: &str) -> Seg {
    Seg::Key(k.into())
}

/// Collects validation problems of one file.
struct Checker<'a> {
    file: &'a str,
    src: &'a str,
    errors: Vec<PackError>,
}

impl Checker<'_> {
    fn err(&mut self, path: &[Seg], msg: impl Into<String>) {
        let msg = format!("{} {}", path_text(path), msg.into());
        self.errors.push(PackError::at(self.file, self.src, locate(self.src, path), msg));
    }

    fn unit(&mut self, path: &[Seg], v: Option<f64>, lo: f64, hi: f64) {
        if let Some(v) = v
            && !(lo..=hi).contains(&v)
        {
            self.err(path, format!("must be between {lo} and {hi}, got {v}"));
        }
    }

    fn phrases(&mut self, path: &[Seg], list: &[String]) {
        for (i, p) in list.iter().enumerate() {
            if let Err(e) = validate_pattern(p) {
                let mut at = path.to_vec();
                at.push(Seg::Index(i));
                self.err(&at, e);
            }
        }
    }

    /// Plain word lists (stop words, abbreviations, endings): each entry needs
    /// a letter or digit, or it could never match a word.
    fn words(&mut self, path: &[Seg], list: &[String]) {
        for (i, w) in list.iter().enumerate() {
            if !w.chars().any(char::is_alphanumeric) {
                let mut at = path.to_vec();
                at.push(Seg::Index(i));
                self.err(&at, format!("the word {w:?} has no letters, so it can never match"));
            }
        }
    }

    fn lang_code(&mut self, path: &[Seg], code: &str) {
        if !matches!(code, "ru" | "uk" | "en") {
            self.err(path, format!("must be one of \"ru\", \"uk\", \"en\", got {code:?}"));
        }
    }
}

pub const PLACEHOLDERS: &[&str] =
    &["client_name", "manager_name", "deadline", "document", "date", "subject", "company", "next_step", "topic"];
pub const ANSWER_KINDS: &[&str] =
    &["when", "amount", "count", "confirm", "yes_no", "send", "review", "reason", "choice"];
const DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Checks one file's values: ranges, patterns, regexes, ids, templates.
pub fn validate_file(file: &str, src: &str, p: &PackSource) -> Result<(), PackError> {
    let mut c = Checker { file, src, errors: Vec::new() };
    let id = &p.pack.id;
    if id.is_empty() || !id.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-') {
        c.err(&[key("pack"), key("id")], format!("must be lower-case letters, digits and dashes, got {id:?}"));
    }
    for (i, l) in p.pack.languages.iter().enumerate() {
        c.lang_code(&[key("pack"), key("languages"), Seg::Index(i)], l);
    }
    let ck = &p.checks;
    if let Some(t) = &ck.tone
        && let Some(b) = &t.band
    {
        let path = [key("checks"), key("tone"), key("band")];
        c.unit(&[path[0].clone(), path[1].clone(), path[2].clone(), key("min")], b.min, -1.0, 1.0);
        c.unit(&[path[0].clone(), path[1].clone(), path[2].clone(), key("max")], b.max, -1.0, 1.0);
        if let (Some(lo), Some(hi)) = (b.min, b.max)
            && lo >= hi
        {
            c.err(&path, format!("min must be below max, got min = {lo} and max = {hi}"));
        }
    }
    if let Some(q) = &ck.unanswered_questions {
        c.unit(&[key("checks"), key("unanswered_questions"), key("min_coverage")], q.min_coverage, 0.05, 1.0);
    }
    if let Some(s) = &ck.summary
        && let Some(w) = s.min_words
        && !(1..=5000).contains(&w)
    {
        c.err(&[key("checks"), key("summary"), key("min_words")], format!("must be between 1 and 5000, got {w}"));
    }
    if let Some(q) = &ck.question_list
        && let Some(n) = q.min_questions
        && !(2..=20).contains(&n)
    {
        c.err(
            &[key("checks"), key("question_list"), key("min_questions")],
            format!("must be between 2 and 20, got {n}"),
        );
    }
    for (code, data) in [("ru", &p.lang.ru), ("uk", &p.lang.uk), ("en", &p.lang.en)] {
        if let Some(d) = data {
            validate_lang(&mut c, code, d);
        }
    }
    let mut ids = HashSet::new();
    for (i, r) in p.rules.iter().enumerate() {
        let at = |k: &str| vec![key("rules"), Seg::Index(i), key(k)];
        if r.id.is_empty() || !r.id.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_') {
            c.err(&at("id"), format!("must be letters, digits, '-' and '_', got {:?}", r.id));
        } else if !ids.insert(r.id.clone()) {
            c.err(&at("id"), format!("{:?} is used by two rules; rule ids must be unique", r.id));
        }
        if r.message.trim().is_empty() {
            c.err(&[key("rules"), Seg::Index(i)], "needs a message that tells the user what to change");
        }
        for (j, l) in r.languages.iter().enumerate() {
            c.lang_code(&[key("rules"), Seg::Index(i), key("languages"), Seg::Index(j)], l);
        }
        c.phrases(&at("phrases"), &r.phrases);
        for (j, re) in r.regex.iter().enumerate() {
            if let Err(e) = compile_regex(re) {
                c.err(&[key("rules"), Seg::Index(i), key("regex"), Seg::Index(j)], e);
            }
        }
        match r.kind {
            RuleKind::Substitution if r.swap.is_empty() => c.err(
                &[key("rules"), Seg::Index(i)],
                "is a substitution rule and needs `swap = { \"phrase\" = \"replacement\" }`",
            ),
            RuleKind::Existence | RuleKind::Required if r.phrases.is_empty() && r.regex.is_empty() => {
                c.err(&[key("rules"), Seg::Index(i)], "needs `phrases` or `regex` to look for")
            }
            _ => {}
        }
        let swaps: Vec<String> = r.swap.keys().cloned().collect();
        c.phrases(&at("swap"), &swaps);
    }
    if let Some(rt) = &p.response_time {
        let at = |k: &str| vec![key("response_time"), key(k)];
        if let Some(h) = rt.hours
            && !(h > 0.0 && h <= 1000.0)
        {
            c.err(&at("hours"), format!("must be more than 0 and at most 1000, got {h}"));
        }
        let start = rt.working_hours_start.as_deref().map(|s| (s, parse_hhmm(s)));
        let end = rt.working_hours_end.as_deref().map(|s| (s, parse_hhmm(s)));
        for (k, v) in [("working_hours_start", start), ("working_hours_end", end)] {
            if let Some((s, None)) = v {
                c.err(&at(k), format!("must be a time like \"09:00\", got {s:?}"));
            }
        }
        if let (Some((_, Some(a))), Some((_, Some(b)))) = (start, end)
            && a >= b
        {
            c.err(&at("working_hours_end"), "must be later than working_hours_start");
        }
        for (j, d) in rt.working_days.iter().enumerate() {
            if !DAYS.contains(&d.as_str()) {
                c.err(
                    &[key("response_time"), key("working_days"), Seg::Index(j)],
                    format!("must be one of {}, got {d:?}", DAYS.join(", ")),
                );
            }
        }
        if let Some(tz) = &rt.time_zone
            && tz != "local"
            && parse_offset(tz).is_none()
            && !crate::time::tz::is_known(tz)
        {
            c.err(
                &at("time_zone"),
                format!("must be \"local\", an offset like \"+02:00\" or a time zone like \"Europe/Kyiv\", got {tz:?}"),
            );
        }
    }
    let mut tids = HashSet::new();
    for (i, t) in p.templates.iter().enumerate() {
        let at = |k: &str| vec![key("templates"), Seg::Index(i), key(k)];
        if t.id.is_empty() {
            c.err(&[key("templates"), Seg::Index(i)], "needs an id");
        } else if !tids.insert(t.id.clone()) {
            c.err(&at("id"), format!("{:?} is used by two templates; template ids must be unique", t.id));
        }
        c.lang_code(&at("language"), &t.language);
        if t.text.trim().is_empty() {
            c.err(&[key("templates"), Seg::Index(i)], "needs a text");
        }
        for name in super::placeholders(&t.text) {
            if !PLACEHOLDERS.contains(&name.as_str()) && !t.fill.contains(&name) {
                c.err(
                    &at("text"),
                    format!(
                        "uses {{{name}}}, which is neither a known placeholder ({}) nor listed in `fill`",
                        PLACEHOLDERS.join(", ")
                    ),
                );
            }
        }
        for (j, f) in t.fill.iter().enumerate() {
            if !t.text.contains(&format!("{{{f}}}")) {
                c.err(
                    &[key("templates"), Seg::Index(i), key("fill"), Seg::Index(j)],
                    format!("names {{{f}}}, which the text does not use"),
                );
            }
        }
    }
    for (i, t) in p.tests.iter().enumerate() {
        if t.bad.is_none() && t.good.is_none() {
            c.err(&[key("tests"), Seg::Index(i)], "needs a `bad` or a `good` draft");
        }
    }
    match c.errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn validate_lang(c: &mut Checker<'_>, code: &str, d: &LangData) {
    let base = |section: &str, list: &str| vec![key("lang"), key(code), key(section), key(list)];
    let t = &d.text;
    for (name, list) in [
        ("detect_words", &t.detect_words),
        ("abbreviations", &t.abbreviations),
        ("end_abbreviations", &t.end_abbreviations),
        ("stopwords", &t.stopwords),
        ("stem_suffixes", &t.stem_suffixes),
    ] {
        c.words(&base("text", name), list);
    }
    for (name, list) in [
        ("imperative_endings", &d.questions.imperative_endings),
        ("infinitive_endings", &d.questions.infinitive_endings),
    ] {
        c.words(&base("questions", name), list);
    }
    for (name, list) in
        [("informal_you_endings", &d.tone.informal_you_endings), ("verbal_noun_endings", &d.tone.verbal_noun_endings)]
    {
        c.words(&base("tone", name), list);
    }
    for (name, list) in [
        ("date_words", &t.date_words),
        ("time_words", &t.time_words),
        ("amount_words", &t.amount_words),
        ("number_words", &t.number_words),
    ] {
        c.phrases(&base("text", name), list);
    }
    let m = &d.mail;
    for (name, list) in [
        ("greetings", &m.greetings),
        ("signoffs", &m.signoffs),
        ("signature_lines", &m.signature_lines),
        ("disclaimers", &m.disclaimers),
        ("quote_wrote", &m.quote_wrote),
        ("quote_from", &m.quote_from),
        ("quote_fields", &m.quote_fields),
        ("quote_separators", &m.quote_separators),
        ("subject_prefixes", &m.subject_prefixes),
    ] {
        c.phrases(&base("mail", name), list);
    }
    let q = &d.questions;
    for (name, list) in [
        ("small_talk", &q.small_talk),
        ("requests", &q.requests),
        ("politeness", &q.politeness),
        ("ask_verbs", &q.ask_verbs),
        ("embedded", &q.embedded),
        ("embedded_links", &q.embedded_links),
        ("not_requests", &q.not_requests),
        ("interrogatives", &q.interrogatives),
        ("ordinals", &q.ordinals),
    ] {
        c.phrases(&base("questions", name), list);
    }
    let a = &d.answers;
    for (name, list) in
        [("decline", &a.decline), ("evasion", &a.evasion), ("promise", &a.promise), ("yes_no", &a.yes_no)]
    {
        c.phrases(&base("answers", name), list);
    }
    for (i, k) in a.kinds.iter().enumerate() {
        let at = |f: &str| vec![key("lang"), key(code), key("answers"), key("kinds"), Seg::Index(i), key(f)];
        if !ANSWER_KINDS.contains(&k.id.as_str()) {
            c.err(&at("id"), format!("must be one of {}, got {:?}", ANSWER_KINDS.join(", "), k.id));
        }
        c.phrases(&at("question"), &k.question);
        c.phrases(&at("answer"), &k.answer);
    }
    let tone = &d.tone;
    for (name, list) in [("formal", &tone.formal), ("familiar", &tone.familiar), ("informal_you", &tone.informal_you)] {
        for (i, m) in list.iter().enumerate() {
            let mut at = base("tone", name);
            at.push(Seg::Index(i));
            if let Err(e) = validate_pattern(m.phrase()) {
                c.err(&at, e);
            }
            if let Marker::Weighted(w) = m {
                at.push(key("weight"));
                c.unit(&at, w.weight, 0.0, 1.0);
            }
        }
    }
    for (name, list) in [("polite_you", &tone.polite_you), ("not_informal", &tone.not_informal), ("warm", &tone.warm)] {
        c.phrases(&base("tone", name), list);
    }
    let s = &d.summary;
    for (name, list) in [
        ("markers", &s.markers),
        ("client_requests", &s.client_requests),
        ("next_steps", &s.next_steps),
        ("deadlines", &s.deadlines),
        ("ritual", &s.ritual),
    ] {
        c.phrases(&base("summary", name), list);
    }
    let r = &d.rules;
    for (name, list) in [
        ("internal_details", &r.internal_details),
        ("vague_promises", &r.vague_promises),
        ("acknowledgements", &r.acknowledgements),
        ("client_questions", &r.client_questions),
    ] {
        c.phrases(&base("rules", name), list);
    }
    for (k, msg) in &d.messages {
        if msg.trim().is_empty() {
            c.err(&[key("lang"), key(code), key("messages"), key(k)], "must not be empty");
        }
    }
}

/// Compiles a pack regex. Patterns are matched against the lower-cased draft
/// ("ё" as "е"), so an upper-case letter outside an escape could never match
/// and is refused.
pub fn compile_regex(re: &str) -> Result<regex_lite::Regex, String> {
    let chars: Vec<char> = re.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            // an escape: one char, or a braced one like \x{1F300} or \p{Cyrillic}
            i += 2;
            if chars.get(i) == Some(&'{') && matches!(chars.get(i - 1), Some('x' | 'u' | 'p' | 'P')) {
                while i < chars.len() && chars[i] != '}' {
                    i += 1;
                }
                i += 1;
            }
            continue;
        }
        if c.is_uppercase() || c == 'ё' {
            return Err(format!(
                "has {c:?} at character {}; write patterns in lower case (with е for ё): they are matched against the lower-cased draft",
                i + 1
            ));
        }
        i += 1;
    }
    regex_lite::RegexBuilder::new(re)
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .nest_limit(64)
        .build()
        .map_err(|e| {
            let msg = e.to_string();
            if msg.contains("size limit") || msg.contains("exceeds") {
                format!("is too large once compiled (limit {} KB); split it or use phrases", REGEX_SIZE_LIMIT / 1024)
            } else {
                format!("is not a valid regular expression: {}", msg.lines().last().unwrap_or("").trim())
            }
        })
}
