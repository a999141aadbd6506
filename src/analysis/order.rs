//! Answers in the order asked: a question left over is answered by the
//! one paragraph between its neighbours' answers when that paragraph gives
//! the kind of answer it asks for.

use super::Context;
use super::asks::Question;
use super::decision::{Ctx, Match};
use super::matching::Coverage;
use super::units::Unit;

/// Replies answer in the order asked. A question still unanswered whose slot
/// in that order — exactly one paragraph between the answers to the questions
/// before and after it — holds the kind of answer it asks for (a number for
/// "how many", an amount for "how much", a name for "which") is answered
/// there: "Three episodes is the sweet spot" answers "How many episodes…?"
/// without repeating the word. Dates and yes/no words are too common in
/// replies to count as evidence on position alone.
pub(crate) fn in_order(
    questions: &[Question],
    covs: &[Coverage],
    c: &Ctx<'_>,
    ctx: &Context<'_>,
    found: &mut [Option<Match>],
) {
    let units = c.units;
    let used: Vec<usize> = found.iter().flatten().map(|m| m.unit).collect();
    let _ = covs;
    for qi in 0..questions.len() {
        if found[qi].is_some() {
            continue;
        }
        let q = &questions[qi];
        let sets = ctx.pack.lang(q.lang);
        let before = found[..qi].iter().flatten().map(|m| m.unit).max();
        let after = found[qi + 1..].iter().flatten().map(|m| m.unit).min();
        // the slot must be bounded: by answers on both sides, or by the start or end of the reply
        let bounded = match (before, after) {
            (Some(_), Some(_)) => true,
            (None, Some(_)) => qi == 0,
            (Some(_), None) => qi + 1 == questions.len(),
            (None, None) => false,
        };
        if !bounded {
            continue;
        }
        let lo = before.map_or(0, |u| u + 1);
        let hi = after.unwrap_or(units.len());
        if lo >= hi {
            continue;
        }
        // the slot: the one paragraph between the neighbours' answers; for the first
        // question the paragraph before the next answer, for the last the one after the previous
        let prev_para = before.map(|u| units[u].paragraph);
        let next_para = after.map(|u| units[u].paragraph);
        let between: Vec<usize> = (lo..hi)
            .filter(|&u| Some(units[u].paragraph) != prev_para && Some(units[u].paragraph) != next_para)
            .collect();
        let paras: Vec<usize> = {
            let mut p: Vec<usize> = between.iter().map(|&u| units[u].paragraph).collect();
            p.dedup();
            p
        };
        let para = match (before, after) {
            (Some(_), Some(_)) if paras.len() == 1 => paras[0],
            (None, Some(_)) if !paras.is_empty() => paras[paras.len() - 1],
            (Some(_), None) if !paras.is_empty() => paras[0],
            _ => continue,
        };
        let slot: Vec<usize> = between.into_iter().filter(|&u| units[u].paragraph == para).collect();
        if slot.iter().any(|u| used.contains(u)) {
            continue;
        }
        // dates are everywhere in replies: position counts for "when" only when the question names little else
        let short = q.own_weight() <= 2.0;
        let positional = |u: &Unit| {
            q.kinds.iter().any(|&k| match sets.answer_kinds[k].id.as_str() {
                "count" => u.count || u.amount,
                "amount" => u.amount,
                "choice" => u.names,
                "when" => short && u.time,
                _ => false,
            })
        };
        if let Some(&u) = slot.iter().find(|&&u| !units[u].filler && positional(&units[u])) {
            found[qi] = Some(Match { unit: u, by: "order" });
        }
    }
}
