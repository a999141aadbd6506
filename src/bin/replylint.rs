//! The `replylint` command line. Every user error is one line naming the
//! file and position, and exit code 2. `check` exits 1 when the draft has an
//! error-level finding (with `--strict`: any warning or error), as Vale and
//! ruff do, so a pre-send hook or a script can stop a draft.

use replylint::pack::Severity;
use replylint::pack::load::Resolver;
use replylint::report::{Target, Unit};
use replylint::text::{OffsetMap, Span};
use replylint::{Exchange, Pack, PackError, analyze};
use serde::Deserialize;
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage:
  replylint check [--pack FILE] [--format text|json] [--now RFC3339] [--strict] INPUT   (INPUT: draft .eml or exchange .json)
      exit 0: nothing to fix · 1: an error finding (--strict: any warning or error) · 2: the input or pack is wrong
  replylint case [--pack FILE] FILE.jsonl                                      (corpus format; one JSON line per case)
  replylint pack check FILE
  replylint pack test FILE
  replylint pack schema
  replylint pack list
  replylint template render --pack FILE --id ID --exchange FILE [--now RFC3339] [--set name=value]...
  replylint template list [--pack FILE]
  replylint sentences [--pack FILE] FILE.jsonl                                 (one JSON string per line → its sentences)

--pack takes a file path or a built-in pack id (base, base-ru, base-uk, base-en, agency-24h, studio-2h, corporate-strict).";

/// A user error: printed as one line, exit code 2.
struct Fail(String);

impl From<PackError> for Fail {
    fn from(e: PackError) -> Self {
        Fail(e.to_string())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Fail(msg)) => {
            eprintln!("replylint: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Options shared by the subcommands.
#[derive(Default)]
struct Opts {
    pack: Option<String>,
    format: Option<String>,
    now: Option<String>,
    id: Option<String>,
    exchange: Option<String>,
    set: Vec<(String, String)>,
    positional: Vec<String>,
    /// `check --strict`: warnings fail too.
    strict: bool,
}

fn parse_opts(args: &[String]) -> Result<Opts, Fail> {
    let mut o = Opts::default();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        let mut value = |name: &str| -> Result<String, Fail> {
            i += 1;
            args.get(i).cloned().ok_or_else(|| Fail(format!("{name} needs a value\n{USAGE}")))
        };
        match a.as_str() {
            "--pack" => o.pack = Some(value("--pack")?),
            "--strict" => o.strict = true,
            "--format" => o.format = Some(value("--format")?),
            "--now" => o.now = Some(value("--now")?),
            "--id" => o.id = Some(value("--id")?),
            "--exchange" => o.exchange = Some(value("--exchange")?),
            "--set" => {
                let v = value("--set")?;
                let (k, val) = v.split_once('=').ok_or_else(|| Fail(format!("--set takes name=value, got {v:?}")))?;
                o.set.push((k.to_string(), val.to_string()));
            }
            "-h" | "--help" => return Err(Fail(USAGE.to_string())),
            s if s.starts_with("--") => return Err(Fail(format!("unknown option {s}\n{USAGE}"))),
            _ => o.positional.push(a.clone()),
        }
        i += 1;
    }
    Ok(o)
}

fn run(args: &[String]) -> Result<ExitCode, Fail> {
    let Some(cmd) = args.first() else {
        return Err(Fail(USAGE.to_string()));
    };
    match cmd.as_str() {
        "check" => cmd_check(&parse_opts(&args[1..])?),
        "case" => cmd_case(&parse_opts(&args[1..])?),
        "pack" => {
            let sub = args.get(1).map(String::as_str).unwrap_or("");
            let o = parse_opts(args.get(2..).unwrap_or(&[]))?;
            match sub {
                "check" => cmd_pack_check(&o),
                "test" => cmd_pack_test(&o),
                "schema" => cmd_pack_schema(),
                "list" => {
                    for id in replylint::pack::builtin::IDS {
                        println!("{id}");
                    }
                    Ok(ExitCode::SUCCESS)
                }
                _ => Err(Fail(format!("unknown pack command {sub:?}\n{USAGE}"))),
            }
        }
        "template" => {
            let sub = args.get(1).map(String::as_str).unwrap_or("");
            let o = parse_opts(args.get(2..).unwrap_or(&[]))?;
            match sub {
                "render" => cmd_template_render(&o),
                "list" => cmd_template_list(&o),
                _ => Err(Fail(format!("unknown template command {sub:?}\n{USAGE}"))),
            }
        }
        "sentences" => cmd_sentences(&parse_opts(&args[1..])?),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Fail(format!("unknown command {other:?}\n{USAGE}"))),
    }
}

/// Splits texts into sentences: one JSON string per input line, one JSON array of
/// `[start, end]` code-point spans per output line (for comparing with other
/// segmenters, scripts/bench.sh); the time spent splitting goes to stderr.
fn cmd_sentences(o: &Opts) -> Result<ExitCode, Fail> {
    let [path] = o.positional.as_slice() else {
        return Err(Fail(format!("sentences needs one FILE.jsonl\n{USAGE}")));
    };
    let pack = load_pack(o.pack.as_deref())?;
    let mut texts = Vec::new();
    for (n, line) in read_text(path)?.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let text: String = serde_json::from_str(line)
            .map_err(|e| Fail(format!("{path}:{}:{}: expected a JSON string per line: {e}", n + 1, e.column())))?;
        texts.push(text);
    }
    let start = std::time::Instant::now();
    let docs: Vec<replylint::text::Document> = texts
        .iter()
        .map(|t| replylint::text::Document::new(t.as_str(), &pack.text, replylint::text::Lang::Ru))
        .collect();
    let elapsed = start.elapsed();
    for (doc, text) in docs.iter().zip(&texts) {
        let map = replylint::text::OffsetMap::new(text);
        let spans: Vec<[usize; 2]> =
            doc.sentences().iter().map(|s| [map.byte_to_char(s.span.start), map.byte_to_char(s.span.end)]).collect();
        println!("{}", serde_json::to_string(&spans).expect("spans serialise"));
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    eprintln!("split {} texts, {bytes} bytes in {:.3} ms", texts.len(), elapsed.as_secs_f64() * 1000.0);
    Ok(ExitCode::SUCCESS)
}

/// Resolves `extends` against built-in ids first, then files next to the including file.
struct FileResolver;

impl Resolver for FileResolver {
    fn resolve(&self, name: &str, from: &str) -> Result<(String, String), String> {
        if let Some(src) = replylint::pack::builtin::source(name) {
            return Ok((name.to_string(), src.to_string()));
        }
        let base = Path::new(from).parent().unwrap_or(Path::new("."));
        let path: PathBuf = base.join(name);
        let display = path.display().to_string();
        let bytes = std::fs::read(&path)
            .map_err(|e| format!("extends {name:?}, but {display} cannot be read: {}", io_reason(&e)))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            format!("extends {name:?}, but {display} is not UTF-8 text (byte {})", e.utf8_error().valid_up_to())
        })?;
        Ok((display, text))
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads a text file; invalid UTF-8 is reported with its line and column.
fn read_text(path: &str) -> Result<String, Fail> {
    let bytes = std::fs::read(path).map_err(|e| Fail(format!("{path}: cannot read the file: {}", io_reason(&e))))?;
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..good]);
        let line = prefix.matches('\n').count() + 1;
        let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Fail(format!("{path}:{line}:{col}: invalid UTF-8 (byte 0x{:02x}); save the file as UTF-8", bytes[good]))
    })
}

fn load_pack(spec: Option<&str>) -> Result<Pack, Fail> {
    let spec = spec.unwrap_or("base");
    if replylint::pack::builtin::source(spec).is_some() {
        return Ok(Pack::builtin(spec)?);
    }
    let text = read_text(spec)?;
    Ok(Pack::from_source(spec, &text, &FileResolver)?)
}

fn json_error(path: &str, line_offset: usize, e: &serde_json::Error) -> Fail {
    let msg = e.to_string();
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    Fail(format!("{path}:{}:{}: invalid JSON: {msg}", e.line() + line_offset, e.column()))
}

fn read_exchange(path: &str, pack: &Pack) -> Result<Exchange, Fail> {
    let lower = path.to_lowercase();
    if lower.ends_with(".eml") {
        let bytes =
            std::fs::read(path).map_err(|e| Fail(format!("{path}: cannot read the file: {}", io_reason(&e))))?;
        return replylint::mail::eml::exchange_from_eml(&bytes, pack)
            .map_err(|m| Fail(format!("{path}: the message {m}")));
    }
    let text = read_text(path)?;
    let ex: Exchange = serde_json::from_str(&text).map_err(|e| json_error(path, 0, &e))?;
    if ex.incoming.body.trim().is_empty() && ex.draft.body.trim().is_empty() {
        return Err(Fail(format!("{path}: the exchange has neither incoming.body nor draft.body")));
    }
    Ok(ex)
}

fn cmd_check(o: &Opts) -> Result<ExitCode, Fail> {
    let [input] = o.positional.as_slice() else {
        return Err(Fail(format!("check takes one INPUT file\n{USAGE}")));
    };
    let pack = load_pack(o.pack.as_deref())?;
    let mut ex = read_exchange(input, &pack)?;
    if o.now.is_some() {
        ex.now = o.now.clone();
    }
    let mut report = analyze(&ex, &pack);
    match o.format.as_deref().unwrap_or("text") {
        "json" => {
            report.convert(Unit::Chars, &ex.incoming.body, &ex.draft.body);
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
        }
        "text" => print_text(&ex, &report),
        f => return Err(Fail(format!("--format must be text or json, got {f:?}"))),
    }
    let fails_at = if o.strict { Severity::Warning } else { Severity::Error };
    Ok(if report.findings.iter().any(|f| f.severity >= fails_at) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Prints a finding as a person reads it in a terminal: message, line, caret.
fn print_text(ex: &Exchange, report: &replylint::Report) {
    let mut out = std::io::stdout().lock();
    let answered = report.questions.iter().filter(|q| q.answered).count();
    let _ = writeln!(
        out,
        "{} of {} questions answered · summary: {} · tone: {} ({:+.2}, band {:+.2}…{:+.2})\n",
        answered,
        report.questions.len(),
        serde_json::to_value(report.summary.status).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
        serde_json::to_value(report.tone.class).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
        report.tone.score,
        report.tone.band.0,
        report.tone.band.1
    );
    for f in &report.findings {
        let sev = serde_json::to_value(f.severity).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        let _ = writeln!(out, "{sev}[{}]: {}", f.rule, f.message);
        let (name, text) = match f.target {
            Target::Incoming => ("incoming", ex.incoming.body.as_str()),
            Target::Draft => ("draft", ex.draft.body.as_str()),
            Target::Subject => {
                let _ = writeln!(out, "  --> subject: {}", ex.draft.subject);
                print_suggestion(&mut out, f);
                continue;
            }
            Target::Recipients => {
                let _ = writeln!(
                    out,
                    "  --> recipients: {}",
                    ex.draft.to.iter().chain(&ex.draft.cc).cloned().collect::<Vec<_>>().join(", ")
                );
                print_suggestion(&mut out, f);
                continue;
            }
        };
        print_caret(&mut out, name, text, f.span);
        print_suggestion(&mut out, f);
    }
    if report.findings.is_empty() {
        let _ = writeln!(out, "no findings");
    }
}

fn print_caret(out: &mut impl Write, name: &str, text: &str, span: Span) {
    let start = span.start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line_no = text[..start].matches('\n').count() + 1;
    let map = OffsetMap::new(text);
    let col = map.byte_to_char(start) - map.byte_to_char(line_start) + 1;
    let line = &text[line_start..line_end];
    let end = span.end.min(line_end).max(start);
    let width = text[start..end].chars().count().max(1);
    let _ = writeln!(out, "  --> {name}:{line_no}:{col}");
    let gutter = line_no.to_string().len();
    let _ = writeln!(out, "{:>gutter$} |", "");
    let _ = writeln!(out, "{line_no} | {line}");
    let _ = writeln!(out, "{:>gutter$} | {}{}", "", " ".repeat(col - 1), "^".repeat(width));
}

fn print_suggestion(out: &mut impl Write, f: &replylint::Finding) {
    if let Some(s) = &f.suggestion
        && !s.text.trim().is_empty()
    {
        let _ = writeln!(out, "  = suggestion: {}", s.text.trim());
    }
    let _ = writeln!(out);
}

#[derive(Deserialize)]
struct Case {
    id: serde_json::Value,
    #[serde(default)]
    incoming: replylint::Message,
    #[serde(default)]
    draft: replylint::Message,
    #[serde(default)]
    now: Option<String>,
}

fn cmd_case(o: &Opts) -> Result<ExitCode, Fail> {
    let [input] = o.positional.as_slice() else {
        return Err(Fail(format!("case takes one FILE.jsonl\n{USAGE}")));
    };
    let pack = load_pack(o.pack.as_deref())?;
    let text = read_text(input)?;
    let mut out = std::io::stdout().lock();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: Case = serde_json::from_str(line).map_err(|e| json_error(input, n, &e))?;
        let ex = Exchange { incoming: case.incoming, draft: case.draft, now: case.now };
        let mut report = analyze(&ex, &pack);
        report.convert(Unit::Chars, &ex.incoming.body, &ex.draft.body);
        let questions: Vec<_> = report
            .questions
            .iter()
            .map(|q| json!({"start": q.span.start, "end": q.span.end, "answered": q.answered}))
            .collect();
        let row = json!({
            "id": case.id,
            "questions": questions,
            "summary": report.summary.status,
            "tone": report.tone.class,
            "formality": report.tone.score,
        });
        let _ = writeln!(out, "{row}");
    }
    Ok(ExitCode::SUCCESS)
}

fn cmd_pack_check(o: &Opts) -> Result<ExitCode, Fail> {
    let [file] = o.positional.as_slice() else {
        return Err(Fail(format!("pack check takes one FILE\n{USAGE}")));
    };
    let pack = load_pack(Some(file))?;
    println!(
        "{file}: ok — pack {:?} {} ({} languages, {} rules, {} templates, {} tests)",
        pack.id(),
        pack.source.pack.version,
        pack.source.pack.languages.len(),
        pack.rules.len(),
        pack.templates().len(),
        pack.source.tests.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn cmd_pack_test(o: &Opts) -> Result<ExitCode, Fail> {
    let [file] = o.positional.as_slice() else {
        return Err(Fail(format!("pack test takes one FILE\n{USAGE}")));
    };
    let pack = load_pack(Some(file))?;
    let results = replylint::selftest::run(&pack);
    let failed: Vec<_> = results.iter().filter(|r| !r.passed).collect();
    for r in &results {
        println!("{} {}", if r.passed { "ok  " } else { "FAIL" }, r.describe());
    }
    println!("{} tests, {} failed", results.len(), failed.len());
    Ok(if failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn cmd_pack_schema() -> Result<ExitCode, Fail> {
    let schema = schemars::schema_for!(replylint::pack::PackSource);
    println!("{}", serde_json::to_string_pretty(&schema).unwrap_or_default());
    Ok(ExitCode::SUCCESS)
}

fn cmd_template_list(o: &Opts) -> Result<ExitCode, Fail> {
    let pack = load_pack(o.pack.as_deref())?;
    for t in pack.templates() {
        println!("{:<24} {:<3} {}", t.id, t.language, t.title);
    }
    Ok(ExitCode::SUCCESS)
}

fn cmd_template_render(o: &Opts) -> Result<ExitCode, Fail> {
    let pack = load_pack(o.pack.as_deref())?;
    let id = o.id.as_deref().ok_or_else(|| Fail(format!("template render needs --id ID\n{USAGE}")))?;
    let mut ex = match &o.exchange {
        Some(p) => Some(read_exchange(p, &pack)?),
        None => None,
    };
    if let (Some(e), Some(now)) = (ex.as_mut(), &o.now) {
        e.now = Some(now.clone());
    }
    let mut extra: BTreeMap<String, String> = o.set.iter().cloned().collect();
    if let Some(now) = &o.now {
        extra.entry("now".into()).or_insert(now.clone());
    }
    let r = replylint::template::render(&pack, id, ex.as_ref(), &extra).map_err(Fail)?;
    let map = OffsetMap::new(&r.text);
    let unfilled: Vec<_> = r
        .unfilled
        .iter()
        .map(|(n, s)| json!({"name": n, "start": map.byte_to_char(s.start), "end": map.byte_to_char(s.end)}))
        .collect();
    println!("{}", r.text);
    if !unfilled.is_empty() {
        eprintln!("unfilled: {}", serde_json::to_string(&unfilled).unwrap_or_default());
    }
    Ok(ExitCode::SUCCESS)
}
