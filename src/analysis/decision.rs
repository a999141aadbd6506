//! Which draft unit answers each question: numbered answers, topic claims
//! shared between questions, and the decision per question.

use super::Context;
use super::asks::Question;
use super::matching::{Coverage, StemIndex, coverage, gives_kind, novelty};
use super::order::in_order;
use super::units::{Unit, prepare_draft};
use crate::pack::LangSets;
use crate::text::Span;
use std::collections::HashMap;

pub(crate) struct Ctx<'a> {
    pub(crate) units: &'a [Unit],
    pub(crate) draft_sets: &'a LangSets,
    pub(crate) tau: f64,
    pub(crate) single: bool,
}

/// Kinds whose answer has a visible form (a date, an amount, a count, a
/// name, an attachment, a confirmation). Yes/no, reasons and reviews are often
/// answered implicitly, so they are not required.
pub(crate) const SPECIFIC: &[&str] = &["when", "amount", "count", "send", "confirm", "choice"];

/// Whether the question plainly asks for a specific kind of answer: by an
/// interrogative ("когда", "how much") or a phrase, not just by a noun ("budget").
pub(crate) fn asks_specific(q: &Question, sets: &LangSets) -> bool {
    q.strong_kinds.iter().any(|&k| SPECIFIC.contains(&sets.answer_kinds[k].id.as_str()))
}

/// A sentence already answering another question needs a clearer match to answer this one too.
pub(crate) const SHARED_UNIT_COVERAGE: f64 = 0.67;

/// Decides, for one question, which draft sentence answers it (if any).
pub(crate) fn answer(
    q: &Question,
    cov: &Coverage,
    c: &Ctx<'_>,
    sets: &LangSets,
    claimed_by_other: &dyn Fn(usize) -> bool,
) -> Option<Match> {
    let units = c.units;
    let short = q.own_weight() <= 2.0;
    let specific = asks_specific(q, sets);
    let low = match (short, specific) {
        (true, true) => 0.1,
        (true, false) => 0.15,
        _ => 0.25,
    };
    // one shared word is not enough for a long question to be answered by topic alone
    let need_hits = if q.own_terms >= 4 { 2 } else { 1 };
    let mut cands: Vec<(usize, f64, usize)> = cov.per_unit.iter().map(|(&u, &(s, h))| (u, s, h)).collect();
    cands.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    for &(u, score, hits) in cands.iter().take(8) {
        let unit = &units[u];
        let kind = gives_kind(q, unit, sets, c.draft_sets, false);
        if (unit.evasion && !kind) || (claimed_by_other(u) && score < SHARED_UNIT_COVERAGE) {
            continue;
        }
        let novel = novelty(q, units, u) >= 2;
        // a question asking for a date, an amount or a name needs it, or a near-complete topic match
        let strict = specific && !kind;
        let tau = if strict { c.tau.max(0.75) } else { c.tau };
        // a yes/no question answered "yes"/"да"/"так" about its topic
        let yes_no = q.kinds.iter().any(|&k| sets.answer_kinds[k].id == "yes_no") && (unit.yes_no || unit.decline);
        if score >= tau && hits > 0 && (novel || kind || yes_no) {
            return Some(Match { unit: u, by: "topic" });
        }
        if !strict && score >= c.tau - 0.15 && hits >= need_hits && novel && !unit.filler {
            return Some(Match { unit: u, by: "topic" });
        }
        if score >= low && kind && (hits > 0 || short) {
            return Some(Match { unit: u, by: "kind" });
        }
        // "Да, можно, настроим радиус" — a yes/no answer up front about one of its words
        if score >= low && hits > 0 && unit.yes_no_early && q.kinds.iter().any(|&k| sets.answer_kinds[k].id == "yes_no")
        {
            return Some(Match { unit: u, by: "kind" });
        }
        if score >= low && hits >= need_hits && (unit.decline || (unit.promise && unit.time)) {
            return Some(Match { unit: u, by: if unit.decline { "decline" } else { "promise" } });
        }
    }
    // a question with no topic words of its own ("Что случилось?") is answered by its kind
    if q.own_terms == 0
        && let Some(w) = units.iter().position(|u| gives_kind(q, u, sets, c.draft_sets, false) && !u.filler)
    {
        return Some(Match { unit: w, by: "kind" });
    }
    // kinds answered without naming the topic ("посмотрите" → "посмотрели, внесли правки")
    for &k in &q.kinds {
        let kd = &sets.answer_kinds[k];
        if !kd.needs_topic
            && let Some(d) = c.draft_sets.answer_kinds.iter().position(|d| d.id == kd.id)
            && let Some(w) = units.iter().position(|x| x.kinds[d])
        {
            return Some(Match { unit: w, by: "kind" });
        }
    }
    // the only question of a message, and a short reply that says something
    if c.single {
        if let Some(w) = units.iter().position(|u| gives_kind(q, u, sets, c.draft_sets, true) && !u.filler) {
            return Some(Match { unit: w, by: "kind" });
        }
        if !asks_specific(q, sets)
            && let Some(w) = units.iter().position(|u| !u.filler && u.stems.len() >= 3)
        {
            return Some(Match { unit: w, by: "single" });
        }
    }
    None
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Match {
    pub(crate) unit: usize,
    pub(crate) by: &'static str,
}

/// Matches every question against the draft: the answering span, how it was
/// recognised, and the best topic coverage found.
pub fn match_all(ctx: &Context<'_>, questions: &[Question]) -> Vec<(Option<(Span, &'static str)>, f64)> {
    let units = prepare_draft(ctx);
    let index = StemIndex::new(&units);
    let draft_words: usize = units.iter().map(|u| u.stems.len()).sum();
    let c = Ctx {
        units: &units,
        draft_sets: ctx.sets(),
        tau: ctx.pack.min_coverage(),
        single: questions.len() == 1 && draft_words <= 60,
    };
    let covs: Vec<Coverage> = questions.iter().map(|q| coverage(q, &units, &index)).collect();
    // the client's item N answered as the draft's item N, unless that item plainly answers another question
    let by_number: Vec<Option<usize>> = questions
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            let num = q.number?;
            let u = units.iter().position(|u| u.number == Some(num))?;
            let own = covs[qi].per_unit.get(&u).map_or(0.0, |x| x.0);
            let other = covs.iter().enumerate().any(|(oj, oc)| {
                oj != qi
                    && oc.best.is_some_and(|(bu, bs)| units[bu].number == Some(num) && bs >= c.tau && bs > own + 0.2)
            });
            let sets = ctx.pack.lang(q.lang);
            (!other && (own > 0.0 || gives_kind(q, &units[u], sets, c.draft_sets, true))).then_some(u)
        })
        .collect();
    // which question each sentence plainly answers: the whole item of a numbered
    // answer, or the one place a question is matched well (a question matched
    // equally well in several places claims none of them); of several
    // questions matched to one sentence, the one with more of its own words there claims it
    let mut claims: HashMap<usize, Vec<usize>> = HashMap::new();
    // topic claims: (question, strength) per sentence, strongest kept
    let mut topic_claims: HashMap<usize, Vec<(usize, f64)>> = HashMap::new();
    for (qi, cov) in covs.iter().enumerate() {
        if let Some(u) = by_number[qi] {
            for (v, unit) in units.iter().enumerate() {
                if unit.number == units[u].number && unit.paragraph == units[u].paragraph {
                    claims.entry(v).or_default().push(qi);
                }
            }
        } else if let Some((u, s)) = cov.best
            && s >= c.tau
            && cov.per_unit[&u].1 > 0
        {
            let rival =
                cov.per_unit.iter().any(|(&v, &(sv, _))| units[v].paragraph != units[u].paragraph && sv >= s - 0.05);
            if !rival {
                topic_claims.entry(u).or_default().push((qi, cov.own_weight.get(&u).copied().unwrap_or(0.0)));
            }
        }
    }
    for (u, list) in topic_claims {
        let top = list.iter().map(|&(_, w)| w).fold(0.0f64, f64::max);
        claims.entry(u).or_default().extend(list.into_iter().filter(|&(_, w)| w >= top - 1e-9).map(|(qi, _)| qi));
    }
    let mut found: Vec<Option<Match>> = questions
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            if let Some(u) = by_number[qi] {
                return Some(Match { unit: u, by: "number" });
            }
            let claimed_by_other = |u: usize| claims.get(&u).is_some_and(|qs| qs.iter().any(|&o| o != qi));
            answer(q, &covs[qi], &c, ctx.pack.lang(q.lang), &claimed_by_other)
        })
        .collect();
    in_order(questions, &covs, &c, ctx, &mut found);
    found
        .into_iter()
        .zip(&covs)
        .map(|(m, cov)| (m.map(|m| (units[m.unit].span, m.by)), cov.best.map_or(0.0, |(_, s)| s)))
        .collect()
}
