//! Reading pack files: strict decoding, validation with positions, `extends`
//! resolution and merging.
//!
//! Merging follows [`super::merge`]; `[pack]` and `tests` are never
//! inherited (each pack's own tests run against the merged result).

use super::error::PackError;
use super::schema::*;
use crate::text::validate_pattern;
use std::collections::HashSet;

/// Longest `extends` chain accepted.
pub const MAX_EXTENDS_DEPTH: usize = 8;
/// Largest pack file accepted, in bytes.
pub const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;
/// Compiled size limit for one pack regex.
pub const REGEX_SIZE_LIMIT: usize = 256 * 1024;

/// Finds the source of a pack named in `extends`.
pub trait Resolver {
    /// Returns the display name and text of the pack `name`, included from `from`.
    fn resolve(&self, name: &str, from: &str) -> Result<(String, String), String>;
}

/// Resolves only built-in pack ids.
pub struct BuiltinResolver;

impl Resolver for BuiltinResolver {
    fn resolve(&self, name: &str, _from: &str) -> Result<(String, String), String> {
        match super::builtin::source(name) {
            Some(src) => Ok((name.to_string(), src.to_string())),
            None => Err(format!(
                "extends names an unknown pack {name:?}; built-in packs are {}",
                super::builtin::IDS.join(", ")
            )),
        }
    }
}

/// A path inside a pack file, for locating errors.
#[derive(Clone, Debug)]
pub enum Seg {
    Key(String),
    Index(usize),
}

fn key(k: &str) -> Seg {
    Seg::Key(k.to_string())
}

/// Byte offset of the value at `path` in a pack's source, or of the deepest
/// part of the path that exists.
pub fn locate(src: &str, path: &[Seg]) -> Option<usize> {
    let doc = toml::de::DeTable::parse(src).ok()?;
    let mut best = None;
    let mut cur: Option<&toml::Spanned<toml::de::DeValue<'_>>> = None;
    let root = doc.get_ref();
    for (depth, seg) in path.iter().enumerate() {
        let next = match (seg, depth, cur.map(|c| c.get_ref())) {
            (Seg::Key(k), 0, _) => root.get(k.as_str()),
            (Seg::Key(k), _, Some(toml::de::DeValue::Table(t))) => t.get(k.as_str()),
            (Seg::Index(i), _, Some(toml::de::DeValue::Array(a))) => a.get(*i),
            _ => None,
        };
        match next {
            Some(v) => {
                best = Some(v.span().start);
                cur = Some(v);
            }
            None => break,
        }
    }
    best
}

fn path_text(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
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

    fn lang_code(&mut self, path: &[Seg], code: &str) {
        if !matches!(code, "ru" | "uk" | "en") {
            self.err(path, format!("must be one of \"ru\", \"uk\", \"en\", got {code:?}"));
        }
    }
}

/// Parses one pack file strictly: syntax, unknown keys, types.
pub fn parse_file(file: &str, src: &str) -> Result<PackSource, PackError> {
    if src.len() > MAX_PACK_BYTES {
        return Err(PackError::whole(
            file,
            format!("the pack is {} KB; packs are limited to {} KB", src.len() / 1024, MAX_PACK_BYTES / 1024),
        ));
    }
    toml::from_str::<PackSource>(src).map_err(|e| {
        let msg = e.message().trim().replace('\n', " ");
        PackError::at(file, src, e.span().map(|s| s.start), msg)
    })
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
            && !crate::tz::is_known(tz)
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
        for name in crate::template::placeholders(&t.text) {
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

/// "09:30" → minutes after midnight.
pub fn parse_hhmm(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= 24 * 60 && s.len() == 5).then_some(h * 60 + m)
}

/// "+02:00" → minutes east of UTC.
pub fn parse_offset(s: &str) -> Option<i32> {
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let m = parse_hhmm(&s[1..])? as i32;
    (m <= 14 * 60).then_some(sign * m)
}

/// Loads a pack and everything it extends, merged, with every file validated.
pub fn load(file: &str, src: &str, resolver: &dyn Resolver) -> Result<(PackSource, Vec<(String, String)>), PackError> {
    let mut stack = Vec::new();
    let mut files = Vec::new();
    let merged = load_rec(file, src, resolver, &mut stack, &mut files)?;
    Ok((merged, files))
}

fn load_rec(
    file: &str,
    src: &str,
    resolver: &dyn Resolver,
    stack: &mut Vec<String>,
    files: &mut Vec<(String, String)>,
) -> Result<PackSource, PackError> {
    let own = parse_file(file, src)?;
    validate_file(file, src, &own)?;
    stack.push(file.to_string());
    let mut merged = PackSource::default();
    let parents = own.pack.extends.to_vec();
    for (i, parent) in parents.iter().enumerate() {
        let at = || {
            let mut p = vec![key("pack"), key("extends")];
            if matches!(own.pack.extends, OneOrMany::Many(_)) {
                p.push(Seg::Index(i));
            }
            locate(src, &p)
        };
        if stack.len() >= MAX_EXTENDS_DEPTH {
            return Err(PackError::at(
                file,
                src,
                at(),
                format!(
                    "extends {parent:?} goes deeper than {MAX_EXTENDS_DEPTH} packs ({}); flatten the chain",
                    stack.join(" → ")
                ),
            ));
        }
        let (pname, psrc) = resolver.resolve(parent, file).map_err(|e| PackError::at(file, src, at(), e))?;
        if stack.contains(&pname) {
            return Err(PackError::at(
                file,
                src,
                at(),
                format!("extends {parent:?} makes a cycle: {} → {pname}", stack.join(" → ")),
            ));
        }
        let mut p = load_rec(&pname, &psrc, resolver, stack, files)?;
        p.tests.clear();
        super::merge::merge_pack(&mut merged, p)
            .map_err(|(msg, path)| PackError::at(file, src, locate(src, &path), msg))?;
    }
    super::merge::merge_pack(&mut merged, own)
        .map_err(|(msg, path)| PackError::at(file, src, locate(src, &path), format!("{} {msg}", path_text(&path))))?;
    stack.pop();
    files.push((file.to_string(), src.to_string()));
    Ok(merged)
}

/// Every pack file that took part in a load, with its text, for locating errors later.
pub type SourceFiles = Vec<(String, String)>;

/// Finds the most derived file that defines `path`, for errors found after merging.
pub fn locate_in(files: &SourceFiles, path: &[Seg]) -> Option<(String, String, usize)> {
    for (name, src) in files.iter().rev() {
        let Some(Seg::Key(first)) = path.first() else {
            continue;
        };
        let defines = toml::de::DeTable::parse(src).is_ok_and(|d| d.get_ref().contains_key(first.as_str()));
        if defines && let Some(off) = locate(src, path) {
            return Some((name.clone(), src.clone(), off));
        }
    }
    None
}
