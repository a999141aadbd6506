//! The one output shape: a [`Report`] of [`Finding`]s plus the structured
//! results the extension draws (questions, summary, tone meter).
//!
//! Spans are byte offsets while the core works; [`Report::convert`] turns
//! every span into code points (CLI, corpus) or UTF-16 units (extension) in
//! one pass per document.

use crate::mail::Parts;
use crate::pack::Severity;
use crate::text::{Lang, OffsetMap, Span};
use serde::Serialize;

/// Which text a span points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    Draft,
    Incoming,
    /// The draft's subject line (span is empty).
    Subject,
    /// The draft's recipients (span is empty).
    Recipients,
}

/// What the extension can do with a suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Replace the finding's span with the text.
    Replace,
    /// Insert the text at the finding's span (its end).
    Insert,
    /// Advice only; nothing to insert.
    Advice,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub action: Action,
    pub text: String,
}

/// What a finding is about, beyond its message: the structured fact behind
/// it, so the extension never has to re-derive it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Detail {
    /// A phrase, a rule of the pack, the subject or the recipients: the message says it all.
    #[default]
    Rule,
    /// An ask of the client the draft leaves unanswered: its index in [`Report::questions`].
    Question { question: usize },
    /// The tone verdict of the whole draft: its score against the pack's band.
    Tone { score: f64, class: ToneClass, band: (f64, f64) },
    /// The draft needs a closing summary and has none; why it needs one.
    Closing { needed_because: Vec<&'static str> },
}

/// One thing to tell the user.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Unique in its report, the same for the same exchange: what the report's
    /// views (`questions[].finding`, `tone.finding`, `summary.finding`) point at.
    pub id: String,
    /// Stable id of the check ("unanswered_questions", "tone") or `rule:<id>` for pack rules.
    pub rule: String,
    pub severity: Severity,
    /// One or two sentences in the draft's language.
    pub message: String,
    pub target: Target,
    /// End-exclusive, in the units the report was converted to.
    pub span: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
    pub detail: Detail,
}

impl Finding {
    /// A finding with no suggestion and no detail; the id is given when the report is assembled.
    pub fn new(rule: impl Into<String>, severity: Severity, message: String, target: Target, span: Span) -> Finding {
        Finding {
            id: String::new(),
            rule: rule.into(),
            severity,
            message,
            target,
            span,
            suggestion: None,
            detail: Detail::Rule,
        }
    }

    /// With a suggestion: what to insert or replace, or advice.
    pub fn suggest(mut self, action: Action, text: String) -> Finding {
        self.suggestion = Some(Suggestion { action, text });
        self
    }

    pub fn with_suggestion(mut self, suggestion: Option<Suggestion>) -> Finding {
        self.suggestion = suggestion;
        self
    }

    pub fn detail(mut self, detail: Detail) -> Finding {
        self.detail = detail;
        self
    }
}

/// A question or request of the client, and whether the draft answers it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionResult {
    /// Span in the incoming body.
    pub span: Span,
    pub answered: bool,
    /// Where the draft answers it, if it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<Span>,
    /// The client's number for it ("3." in a list), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Content words that name its topic.
    pub topic: Vec<String>,
    /// "direct" (a question mark), "request", "embedded".
    pub form: &'static str,
    /// What kind of answer it asks for ("when", "amount", ...), if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asks_for: Option<String>,
    /// How the answer was recognised: "topic", "number", "kind", "promise", "decline".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<&'static str>,
    /// Share of the question's topic the best draft passage covers, 0..1.
    pub coverage: f64,
    /// The `unanswered_questions` finding about it, when it is unanswered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SummaryStatus {
    Present,
    Missing,
    #[default]
    NotNeeded,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SummaryResult {
    pub status: SummaryStatus,
    /// The closing that counts as a summary, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closing: Option<Span>,
    /// Why a summary is needed: "long", "topics", "asks_client".
    pub needed_because: Vec<&'static str>,
    /// The `summary` finding, when the summary is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ToneClass {
    #[default]
    Balanced,
    TooFormal,
    TooFamiliar,
}

/// One feature that moved the tone, tied to its span in the draft.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ToneFeature {
    pub span: Span,
    /// "bureaucratese", "verbal_nouns", "long_sentence", "informal_you", "slang", "exclamations", "emoji", ...
    pub feature: &'static str,
    /// Signed push: positive towards formal, negative towards familiar.
    pub weight: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ToneResult {
    /// Formality of the draft's new text in [-1, 1].
    pub score: f64,
    pub class: ToneClass,
    pub band: (f64, f64),
    /// Score per sentence: (span, score).
    pub sentences: Vec<(Span, f64)>,
    pub features: Vec<ToneFeature>,
    /// The `tone` finding with the verdict, when the tone is out of the band.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding: Option<String>,
}

/// Everything `analyze` found.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Language of the draft's new text ("mixed" when two share it).
    pub lang: Option<Lang>,
    pub incoming_lang: Option<Lang>,
    pub findings: Vec<Finding>,
    pub questions: Vec<QuestionResult>,
    pub summary: SummaryResult,
    pub tone: ToneResult,
    pub draft_parts: Parts,
    pub incoming_parts: Parts,
    /// Ids of the checks that ran.
    pub checks_run: Vec<&'static str>,
}

/// Units for [`Report::convert`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Chars,
    Utf16,
}

impl Report {
    /// Gives every finding its id and points the views at their findings.
    pub fn link(&mut self) {
        let mut seen = std::collections::HashSet::new();
        for f in &mut self.findings {
            let target = serde_json::to_value(f.target).ok().and_then(|v| v.as_str().map(String::from));
            let base = format!("{}@{}:{}-{}", f.rule, target.unwrap_or_default(), f.span.start, f.span.end);
            let mut id = base.clone();
            let mut n = 2;
            while !seen.insert(id.clone()) {
                id = format!("{base}#{n}");
                n += 1;
            }
            f.id = id;
            match &f.detail {
                Detail::Question { question } => {
                    if let Some(q) = self.questions.get_mut(*question) {
                        q.finding = Some(f.id.clone());
                    }
                }
                Detail::Tone { .. } => self.tone.finding = Some(f.id.clone()),
                Detail::Closing { .. } => self.summary.finding = Some(f.id.clone()),
                Detail::Rule => {}
            }
        }
    }

    /// Sorts findings in a stable, meaningful order: incoming first (the
    /// client's questions in order), then the draft by position, then rule id.
    pub fn sort(&mut self) {
        self.findings.sort_by(|a, b| {
            let order = |t: Target| match t {
                Target::Incoming => 0,
                Target::Subject => 1,
                Target::Recipients => 2,
                Target::Draft => 3,
            };
            let (ta, tb) = (order(a.target), order(b.target));
            (ta, a.span.start, a.span.end, &a.rule, &a.message).cmp(&(
                tb,
                b.span.start,
                b.span.end,
                &b.rule,
                &b.message,
            ))
        });
    }

    /// Converts every byte span to `unit`, given the two texts the spans point into.
    pub fn convert(&mut self, unit: Unit, incoming: &str, draft: &str) {
        let inc = OffsetMap::new(incoming);
        let dr = OffsetMap::new(draft);
        self.for_each_span(&mut |doc, s| {
            let m = if doc == Target::Incoming { &inc } else { &dr };
            *s = match unit {
                Unit::Chars => Span::new(m.byte_to_char(s.start), m.byte_to_char(s.end)),
                Unit::Utf16 => Span::new(m.byte_to_utf16(s.start), m.byte_to_utf16(s.end)),
            };
        });
    }

    /// Spans (still in bytes) that do not lie inside their text on char
    /// boundaries, described one per line; empty when all are sound. Used by
    /// the fuzz targets and the property tests.
    pub fn span_problems(&self, incoming: &str, draft: &str) -> Vec<String> {
        let mut problems = Vec::new();
        self.clone().for_each_span(&mut |doc, s| {
            let text = if doc == Target::Incoming { incoming } else { draft };
            if s.start > s.end || s.end > text.len() || !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end)
            {
                problems.push(format!("{doc:?} span {}..{} in a text of {} bytes", s.start, s.end, text.len()));
            }
        });
        problems
    }

    /// Visits every span with the text it points into (Incoming or Draft).
    fn for_each_span(&mut self, f: &mut dyn FnMut(Target, &mut Span)) {
        for x in &mut self.findings {
            if matches!(x.target, Target::Incoming | Target::Draft) {
                f(x.target, &mut x.span);
            }
        }
        for q in &mut self.questions {
            f(Target::Incoming, &mut q.span);
            if let Some(a) = &mut q.answer {
                f(Target::Draft, a);
            }
        }
        if let Some(s) = &mut self.summary.closing {
            f(Target::Draft, s);
        }
        for (s, _) in &mut self.tone.sentences {
            f(Target::Draft, s);
        }
        for x in &mut self.tone.features {
            f(Target::Draft, &mut x.span);
        }
        for (doc, p) in [(Target::Draft, &mut self.draft_parts), (Target::Incoming, &mut self.incoming_parts)] {
            for s in [&mut p.greeting, &mut p.signoff, &mut p.signature, &mut p.quoted].into_iter().flatten() {
                f(doc, s);
            }
            f(doc, &mut p.body);
        }
    }
}
