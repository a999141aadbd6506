//! The command line as a user meets it: outputs, and bad input answered with
//! one line naming the file and position and exit code 2, never a panic.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_replylint"))
}

fn fixture(rel: &str) -> String {
    format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

/// A file in a fresh temporary directory.
fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("replylint-cli-{}-{}", std::process::id(), name.replace('/', "_")));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_user_error(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {}", stderr(o));
    let err = stderr(o);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(needle), "stderr {err:?} should contain {needle:?}");
}

#[test]
fn missing_input_file_is_one_line_with_exit_code_2() {
    let o = run(&["check", "/nonexistent/draft.json"]);
    assert_user_error(&o, "/nonexistent/draft.json: cannot read the file: no such file");
}

#[test]
fn invalid_json_names_the_line_and_column() {
    let p =
        temp_file("broken.json", b"{\n  \"incoming\": {\"body\": \"Hi\"},\n  \"draft\": {\"body\": \"Hello\",}\n}\n");
    let o = run(&["check", p.to_str().unwrap()]);
    assert_user_error(&o, &format!("{}:3:", p.display()));
    assert!(stderr(&o).contains("invalid JSON"));
}

#[test]
fn invalid_utf8_names_the_line_and_column() {
    let p = temp_file("latin1.json", b"{\"incoming\": {\"body\": \"ok\"},\n \"draft\": {\"body\": \"caf\xe9\"}}\n");
    let o = run(&["check", p.to_str().unwrap()]);
    assert_user_error(&o, &format!("{}:2:24: invalid UTF-8", p.display()));
}

#[test]
fn invalid_json_line_in_a_case_file_names_that_line() {
    let p = temp_file(
        "cases.jsonl",
        b"{\"id\": \"a\", \"incoming\": {\"body\": \"Hi?\"}, \"draft\": {\"body\": \"Yes.\"}}\n{\"id\": \"b\", oops}\n",
    );
    let o = run(&["case", p.to_str().unwrap()]);
    assert_user_error(&o, &format!("{}:2:", p.display()));
}

#[test]
fn unknown_pack_key_names_file_line_column_and_what_is_allowed() {
    let p = temp_file(
        "agency.toml",
        b"[pack]\nid = \"agency\"\nname = \"Agency\"\nextends = \"base\"\n\n[checks.tone]\nenabled = true\ntone_bnd = { min = -0.2, max = 0.5 }\n",
    );
    let o = run(&["check", "--pack", p.to_str().unwrap(), &fixture("exchanges/ru-smeta.json")]);
    assert_user_error(
        &o,
        &format!("{}:8:1: unknown field `tone_bnd`, expected one of `enabled`, `severity`, `band`", p.display()),
    );
}

#[test]
fn unknown_option_and_command_are_user_errors() {
    assert_eq!(run(&["check", "--colour", "x.json"]).status.code(), Some(2));
    assert_eq!(run(&["lint"]).status.code(), Some(2));
    assert_eq!(run(&[]).status.code(), Some(2));
}

#[test]
fn eml_without_a_quoted_original_is_explained() {
    let p = temp_file("alone.eml", b"From: a@b.example\r\nTo: c@d.example\r\nSubject: Hi\r\n\r\nJust a note.\r\n");
    let o = run(&["check", p.to_str().unwrap()]);
    assert_user_error(&o, "holds no quoted original");
}

#[test]
fn case_prints_the_scoring_contract_with_code_point_offsets() {
    let body = "Добрый день! 👋 Когда будет готов макет?\n\nАнна";
    let line = serde_json::json!({
        "id": "t-1", "lang": "ru",
        "incoming": {"subject": "Макет", "from": "anna@client.example", "to": [], "cc": [], "body": body},
        "draft": {"subject": "Re: Макет", "to": [], "cc": [], "body": "Анна, добрый день! Макет пришлём в пятницу до 12:00.\n\nОльга"},
        "expect": {"questions": [], "summary": "present", "tone": "balanced"}
    });
    let p = temp_file("one.jsonl", format!("{line}\n").as_bytes());
    let o = run(&["case", p.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let row: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(row["id"], "t-1");
    let q = &row["questions"][0];
    let start = q["start"].as_u64().unwrap() as usize;
    let end = q["end"].as_u64().unwrap() as usize;
    let chars: Vec<char> = body.chars().collect();
    assert_eq!(chars[start..end].iter().collect::<String>(), "Когда будет готов макет?");
    assert_eq!(q["answered"], true);
    assert_eq!(row["summary"], "not_needed");
    assert_eq!(row["tone"], "balanced");
    assert!(row["formality"].is_number());
}

#[test]
fn check_text_output_points_a_caret_at_the_span() {
    let o = run(&["check", &fixture("exchanges/ru-smeta.json")]);
    // three questions left unanswered are errors: the run fails, as a linter's does
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("1 of 4 questions answered"), "{out}");
    assert!(out.contains("warning[tone]: Канцелярит: «Доводим до Вашего сведения». Скажите проще."), "{out}");
    assert!(out.contains("  --> draft:3:1\n"), "{out}");
    assert!(out.contains("3 | Доводим до Вашего сведения, что смета будет направлена в самые кратчайшие сроки.\n  | ^^^^^^^^^^^^^^^^^^^^^^^^^^\n"), "{out}");
}

#[test]
fn check_reads_a_draft_eml_with_the_quoted_original() {
    let o = run(&["check", "--format", "json", &fixture("eml/en-menu-ack.eml")]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["questions"].as_array().unwrap().len(), 2);
    let rules: Vec<&str> = report["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"ack_deadline"), "{rules:?}");
}

#[test]
fn pack_schema_is_json_and_lists_the_checks() {
    let o = run(&["pack", "schema"]);
    assert!(o.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = schema.to_string();
    assert!(text.contains("unanswered_questions") && text.contains("ChecksConfig"));
}

#[test]
fn published_json_schema_matches_the_rust_types() {
    let o = run(&["pack", "schema"]);
    let published = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/pack.schema.json")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        published,
        "docs/pack.schema.json is stale: run `replylint pack schema > docs/pack.schema.json`"
    );
}

/// Exit codes as Vale and ruff use them: 0 nothing to fix, 1 an error-level
/// finding (with --strict: any warning too), 2 a wrong input.
#[test]
fn check_exit_code_says_whether_the_draft_can_go() {
    let exchange = |draft: &str| {
        let ex = serde_json::json!({
            "incoming": {"subject": "Макет", "from": "anna@client.example", "to": [], "cc": [],
                         "body": "Добрый день! Когда будет готов макет?\n\nАнна"},
            "draft": {"subject": "Re: Макет", "to": [], "cc": [], "body": draft}
        });
        temp_file("exit.json", ex.to_string().as_bytes())
    };
    let answered = exchange("Анна, добрый день! Макет пришлём в пятницу до 12:00.\n\nОльга");
    assert_eq!(run(&["check", answered.to_str().unwrap()]).status.code(), Some(0));
    let unanswered = exchange("Анна, добрый день! Спасибо за письмо.\n\nОльга");
    assert_eq!(run(&["check", unanswered.to_str().unwrap()]).status.code(), Some(1));
    let casual = exchange("Анна, привет!!! Макет пришлём в пятницу до 12:00, не парься 😉\n\nОльга");
    let lenient = run(&["check", casual.to_str().unwrap()]);
    let strict = run(&["check", "--strict", casual.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&lenient.stdout).contains("warning["),
        "{}",
        String::from_utf8_lossy(&lenient.stdout)
    );
    assert_eq!(lenient.status.code(), Some(0), "warnings alone do not fail without --strict");
    assert_eq!(strict.status.code(), Some(1), "--strict fails on a warning");
}
