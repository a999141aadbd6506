//! How well each draft unit covers a question's topic (stem overlap, weighted),
//! and whether it gives the kind of answer asked for.

use super::asks::Question;
use super::units::Unit;
use crate::pack::LangSets;
use crate::text::stems_match;
use std::collections::HashMap;

/// Index from a stem's key (its first four letters, as [`stems_match`] needs) to the units that hold it.
pub(crate) struct StemIndex {
    pub(crate) map: HashMap<String, Vec<(usize, usize)>>,
}

pub(crate) fn stem_key(s: &str) -> String {
    s.chars().take(4).collect()
}

impl StemIndex {
    pub(crate) fn new(units: &[Unit]) -> Self {
        let mut map: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (u, unit) in units.iter().enumerate() {
            for (k, s) in unit.stems.iter().enumerate() {
                map.entry(stem_key(s)).or_default().push((u, k));
            }
        }
        StemIndex { map }
    }

    /// Units whose stems match `stem`.
    pub(crate) fn units_with<'a>(&'a self, units: &'a [Unit], stem: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.map
            .get(&stem_key(stem))
            .into_iter()
            .flatten()
            .filter(move |(u, k)| stems_match(&units[*u].stems[*k], stem))
            .map(|(u, _)| *u)
    }
}

/// How well each draft sentence covers one question's topic.
pub(crate) struct Coverage {
    /// Best unit and its score.
    pub(crate) best: Option<(usize, f64)>,
    /// Per unit: (score, own terms found there or in its paragraph).
    pub(crate) per_unit: HashMap<usize, (f64, usize)>,
    /// Per unit: weight of the question's own terms found in that sentence.
    pub(crate) own_weight: HashMap<usize, f64>,
}

/// A long question is answered by its key words, not all of them: coverage is
/// measured against at most this much topic weight.
pub(crate) const COVERAGE_CAP: f64 = 3.5;

pub(crate) fn coverage(q: &Question, units: &[Unit], index: &StemIndex) -> Coverage {
    let n = q.terms.len().min(64);
    let own_n = q.own_terms.min(n);
    let total: f64 = q.terms[..n].iter().map(|t| t.weight).sum::<f64>().min(COVERAGE_CAP);
    let own_total: f64 = q.terms[..own_n].iter().map(|t| t.weight).sum::<f64>().min(COVERAGE_CAP);
    let own_bits: u64 = if own_n >= 64 { u64::MAX } else { (1u64 << own_n) - 1 };
    let mut masks: HashMap<usize, u64> = HashMap::new();
    for (ti, t) in q.terms.iter().take(n).enumerate() {
        for u in index.units_with(units, &t.stem) {
            *masks.entry(u).or_default() |= 1 << ti;
        }
        if let Some(alt) = &t.alt {
            for u in index.units_with(units, alt) {
                *masks.entry(u).or_default() |= 1 << ti;
            }
        }
    }
    let weight = |mask: u64| -> f64 { (0..n).filter(|i| mask & (1 << i) != 0).map(|i| q.terms[i].weight).sum::<f64>() };
    // the question's own words, or its words with the borrowed context, whichever covers more
    let cov = |mask: u64| -> f64 {
        let all = if total > 0.0 { (weight(mask) / total).min(1.0) } else { 0.0 };
        let own = if own_total > 0.0 { (weight(mask & own_bits) / own_total).min(1.0) } else { 0.0 };
        all.max(own)
    };
    let mut para_masks: HashMap<usize, u64> = HashMap::new();
    for (&u, &m) in &masks {
        *para_masks.entry(units[u].paragraph).or_default() |= m;
    }
    let mut keys: Vec<usize> = masks.keys().copied().collect();
    keys.sort_unstable();
    let mut best: Option<(usize, f64)> = None;
    let mut per_unit = HashMap::new();
    let mut own_weight = HashMap::new();
    for u in keys {
        let pm = para_masks[&units[u].paragraph];
        let s = cov(masks[&u]).max(0.85 * cov(pm));
        per_unit.insert(u, (s, ((masks[&u] | pm) & own_bits).count_ones() as usize));
        own_weight.insert(u, weight(masks[&u] & own_bits));
        if best.is_none_or(|(_, b)| s > b + 1e-9) {
            best = Some((u, s));
        }
    }
    Coverage { best, per_unit, own_weight }
}

/// Whether a unit gives the kind of answer the question asks for.
pub(crate) fn gives_kind(q: &Question, u: &Unit, sets: &LangSets, draft_sets: &LangSets, include_yes_no: bool) -> bool {
    q.kinds.iter().any(|&k| {
        let id = sets.answer_kinds[k].id.as_str();
        if id == "yes_no" && !include_yes_no {
            return false;
        }
        let marker = draft_sets.answer_kinds.iter().position(|d| d.id == id).is_some_and(|d| u.kinds[d]);
        marker
            || match id {
                "when" => u.time,
                "amount" => u.amount,
                "count" => u.count || u.amount,
                "yes_no" => u.yes_no || u.decline,
                "choice" => u.names,
                _ => false,
            }
    })
}

/// Words a unit and the sentences after it in its paragraph add beyond the question's topic.
pub(crate) fn novelty(q: &Question, units: &[Unit], u: usize) -> usize {
    let para = units[u].paragraph;
    units[u..]
        .iter()
        .take_while(|x| x.paragraph == para)
        .take(4)
        .filter(|x| !x.filler)
        .flat_map(|x| x.stems.iter())
        .filter(|s| !q.terms.iter().any(|t| stems_match(&t.stem, s)))
        .count()
}
