//! The report's view of the answer model: one [`QuestionResult`] per ask of
//! the client, in the order asked.

use super::{Context, asks, decision};
use crate::report::QuestionResult;

pub(crate) fn answers(cx: &Context<'_>) -> Vec<QuestionResult> {
    let questions = asks::extract(cx);
    let matches = decision::match_all(cx, &questions);
    questions
        .iter()
        .zip(matches)
        .map(|(q, (a, coverage))| QuestionResult {
            span: q.span,
            answered: a.is_some(),
            answer: a.map(|(s, _)| s),
            number: q.number,
            topic: q.terms.iter().filter(|t| t.weight >= 0.3).take(6).map(|t| t.word.clone()).collect(),
            form: q.form,
            asks_for: q.kinds.first().map(|&k| cx.pack.lang(q.lang).answer_kinds[k].id.clone()),
            matched_by: a.map(|(_, by)| by),
            coverage: (coverage * 100.0).round() / 100.0,
            finding: None,
        })
        .collect()
}
