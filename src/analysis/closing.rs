//! The draft's closing: whether it ends with a summary and a call to action,
//! and whether it needs one (long, several topics, or asks the client to act).

use super::{Context, signals};
use crate::pack::LangSets;
use crate::report::{SummaryResult, SummaryStatus};
use crate::text::{Sentence, TokenKind};

pub(crate) fn is_closing(ctx: &Context<'_>, para: &[&Sentence]) -> bool {
    let doc = &ctx.draft;
    let sets_of = |s: &Sentence| -> &LangSets { ctx.sets_for(s) };
    let any_deadline = para.iter().any(|s| {
        let w = doc.words(s.body.clone());
        signals::has_time(doc, &w, sets_of(s)) || sets_of(s).deadlines.any(&w.words)
    });
    for s in para {
        let sets = sets_of(s);
        let w = doc.words(s.body.clone());
        if w.is_empty() || sets.ritual.any(&w.words) {
            continue;
        }
        // "Итого: …", "Короче, итого", "Next steps: …", "So: …"
        let head = &w.words[..w.len().min(4)];
        if sets.summary_markers.find_all(head).iter().any(|m| m.start <= 2) {
            return true;
        }
        let request = client_request(sets, &w.words);
        let next = sets.next_steps.any(&w.words);
        if request && (any_deadline || next) {
            return true;
        }
    }
    false
}

/// The closing paragraph(s) of the body: the last one, plus the one before
/// when the last is a short courtesy ("Хорошего дня!").
pub(crate) fn closing_paragraphs<'c>(ctx: &'c Context<'_>) -> Vec<&'c Sentence> {
    let body: Vec<&Sentence> = ctx.draft_body().collect();
    let Some(last) = body.last() else {
        return Vec::new();
    };
    let last_para = last.paragraph;
    let in_last: Vec<&Sentence> = body.iter().copied().filter(|s| s.paragraph == last_para).collect();
    let words: usize = in_last.iter().map(|s| ctx.draft.words(s.body.clone()).len()).sum();
    if words <= 5 {
        let prev_para = body.iter().rev().map(|s| s.paragraph).find(|&p| p < last_para);
        if let Some(p) = prev_para {
            return body.iter().copied().filter(|s| s.paragraph == p || s.paragraph == last_para).collect();
        }
    }
    in_last
}

/// A request to the client: a listed phrase that is not part of a formula
/// ("Please be advised"), or a polite imperative ("подпишите, пожалуйста").
pub(crate) fn client_request(sets: &LangSets, words: &[&str]) -> bool {
    let not = sets.not_requests.find_all(words);
    let listed = sets
        .client_requests
        .find_all(words)
        .into_iter()
        .any(|m| !not.iter().any(|n| n.start <= m.start && m.end <= n.end));
    let polite = sets.politeness.any(words)
        && words
            .iter()
            .any(|x| x.chars().count() >= 5 && sets.imperative_endings.iter().any(|e| x.ends_with(e.as_str())));
    listed || polite
}

pub(crate) fn asks_client(ctx: &Context<'_>) -> bool {
    ctx.draft_body().any(|s| {
        let w = ctx.draft.words(s.body.clone());
        let sets = ctx.sets_for(s);
        let direct = s
            .tokens
            .clone()
            .rev()
            .find(|&i| ctx.draft.tokens()[i].kind == TokenKind::Punct)
            .is_some_and(|i| ctx.draft.token_text(i).contains('?'));
        client_request(sets, &w.words) || (direct && !sets.small_talk.any(&w.words))
    })
}

/// The closing of the draft and whether a summary is needed.
pub(crate) fn closing(ctx: &Context<'_>) -> SummaryResult {
    let close = closing_paragraphs(ctx);
    let present = !close.is_empty() && is_closing(ctx, &close);
    let mut needed = Vec::new();
    if ctx.draft_word_count() >= ctx.pack.summary_min_words() {
        needed.push("long");
    }
    let paragraphs = {
        let mut p: Vec<usize> = ctx.draft_body().map(|s| s.paragraph).collect();
        p.dedup();
        p.len()
    };
    let words = ctx.draft_word_count();
    // several topics: two answers, three paragraphs, or two paragraphs of substance or for several questions
    let several_questions = ctx.answers().len() >= 2 && paragraphs >= 2;
    if ctx.answers().iter().filter(|q| q.answered).count() >= 2
        || paragraphs >= 3
        || (paragraphs >= 2 && words >= 40)
        || several_questions
    {
        needed.push("topics");
    }
    if asks_client(ctx) {
        needed.push("asks_client");
    }
    let status = if present {
        SummaryStatus::Present
    } else if needed.is_empty() {
        SummaryStatus::NotNeeded
    } else {
        SummaryStatus::Missing
    };
    let closing_span = present.then(|| close.iter().map(|s| s.span).reduce(|a, b| a.join(b))).flatten();
    SummaryResult { status, closing: closing_span, needed_because: needed, finding: None }
}
