//! Merging a pack onto the packs it extends, on the typed structs.
//!
//! Rules (docs/packs.md): tables merge field by field; lists extend, and an
//! entry with the same key (a phrase, or a table's `id`/`phrase`) replaces the
//! inherited one; scalars override when set; `remove = { list = [entries] }`
//! drops inherited entries of a sibling list (naming one that is not there is
//! an error, so typos do not pass silently).
//!
//! Typed rather than on `toml::Value`: one deserializer for packs keeps the
//! wasm small, and the compiler checks that every field is merged.

use super::load::Seg;
use super::schema::*;
use crate::text::normalize;
use std::collections::BTreeMap;

/// A merge problem: a sentence and the path of the offending entry.
pub type MergeError = (String, Vec<Seg>);

pub trait Merge {
    fn merge_from(&mut self, over: Self, path: &mut Vec<Seg>) -> Result<(), MergeError>;
}

macro_rules! replace_scalar {
    ($($t:ty),*) => {$(
        impl Merge for $t {
            fn merge_from(&mut self, over: Self, _: &mut Vec<Seg>) -> Result<(), MergeError> {
                *self = over;
                Ok(())
            }
        }
    )*};
}
replace_scalar!(f64, bool, u32, Severity, RuleKind, OneOrMany);

impl Merge for String {
    fn merge_from(&mut self, over: Self, _: &mut Vec<Seg>) -> Result<(), MergeError> {
        if !over.is_empty() {
            *self = over;
        }
        Ok(())
    }
}

impl<T: Merge> Merge for Option<T> {
    fn merge_from(&mut self, over: Self, path: &mut Vec<Seg>) -> Result<(), MergeError> {
        match (self.as_mut(), over) {
            (Some(b), Some(o)) => b.merge_from(o, path),
            (None, Some(o)) => {
                *self = Some(o);
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// The key that identifies a list entry for replacement and removal.
pub trait Keyed {
    fn key(&self) -> Option<String>;
}

impl Keyed for String {
    fn key(&self) -> Option<String> {
        Some(normalize(self))
    }
}

impl Keyed for Marker {
    fn key(&self) -> Option<String> {
        Some(normalize(self.phrase()))
    }
}

macro_rules! keyed_by_id {
    ($($t:ty),*) => {$(
        impl Keyed for $t {
            fn key(&self) -> Option<String> {
                Some(self.id.clone())
            }
        }
    )*};
}
keyed_by_id!(AnswerKind, PhraseRule, Template);

impl Keyed for PackTest {
    fn key(&self) -> Option<String> {
        None
    }
}

impl<T: Keyed> Merge for Vec<T> {
    fn merge_from(&mut self, over: Self, _: &mut Vec<Seg>) -> Result<(), MergeError> {
        for item in over {
            let k = item.key();
            match k.as_ref().and_then(|k| self.iter().position(|x| x.key().as_ref() == Some(k))) {
                Some(p) => self[p] = item,
                None => self.push(item),
            }
        }
        Ok(())
    }
}

impl Merge for BTreeMap<String, String> {
    fn merge_from(&mut self, over: Self, _: &mut Vec<Seg>) -> Result<(), MergeError> {
        self.extend(over);
        Ok(())
    }
}

/// Drops `entries` from an inherited list; each must be there.
fn remove_keys<T: Keyed>(list: &mut Vec<T>, name: &str, entries: &[String], path: &[Seg]) -> Result<(), MergeError> {
    for (i, e) in entries.iter().enumerate() {
        let want = Some(normalize(e));
        let before = list.len();
        list.retain(|x| x.key().map(|k| normalize(&k)) != want);
        if list.len() == before {
            let mut at = path.to_vec();
            at.extend([Seg::Key("remove".into()), Seg::Key(name.into()), Seg::Index(i)]);
            return Err((format!("names {e:?}, which is not in the inherited `{name}`"), at));
        }
    }
    Ok(())
}

/// `remove = { list = [...] }` naming a field that is not a list of this table.
fn unknown_list(name: &str, lists: &[&str], path: &[Seg]) -> MergeError {
    let mut at = path.to_vec();
    at.extend([Seg::Key("remove".into()), Seg::Key(name.into())]);
    (format!("removes from `{name}`, which is not a list here; lists are: {}", lists.join(", ")), at)
}

/// Implements `Merge` for a struct: `remove` first (if the struct has one),
/// then every field in turn.
macro_rules! merge_struct {
    ($t:ty { $($f:ident),* $(,)? }) => {
        impl Merge for $t {
            fn merge_from(&mut self, over: Self, path: &mut Vec<Seg>) -> Result<(), MergeError> {
                $(
                    path.push(Seg::Key(stringify!($f).into()));
                    self.$f.merge_from(over.$f, path)?;
                    path.pop();
                )*
                Ok(())
            }
        }
    };
    ($t:ty { $($f:ident),* $(,)? } lists { $($l:ident),* $(,)? }) => {
        impl Merge for $t {
            fn merge_from(&mut self, over: Self, path: &mut Vec<Seg>) -> Result<(), MergeError> {
                for (name, entries) in &over.remove {
                    match name.as_str() {
                        $(stringify!($l) => remove_keys(&mut self.$l, name, entries, path)?,)*
                        other => return Err(unknown_list(other, &[$(stringify!($l)),*], path)),
                    }
                }
                $(
                    path.push(Seg::Key(stringify!($l).into()));
                    self.$l.merge_from(over.$l, path)?;
                    path.pop();
                )*
                $(
                    path.push(Seg::Key(stringify!($f).into()));
                    self.$f.merge_from(over.$f, path)?;
                    path.pop();
                )*
                self.remove.clear();
                Ok(())
            }
        }
    };
}

merge_struct!(Band { min, max });
merge_struct!(BasicCheck { enabled, severity });
merge_struct!(QuestionsCheck { enabled, severity, min_coverage });
merge_struct!(ToneCheck { enabled, severity, band });
merge_struct!(SummaryCheck { enabled, severity, min_words });
merge_struct!(QuestionListCheck { enabled, severity, min_questions });
merge_struct!(ChecksConfig {
    unanswered_questions,
    question_order,
    tone,
    summary,
    subject_changed,
    reply_all,
    question_list,
    internal_details,
    vague_promise,
    ack_deadline,
    phrase_rules,
});
merge_struct!(ResponseTime { hours, working_hours_start, working_hours_end, working_days, time_zone });
merge_struct!(LangTable { ru, uk, en });
merge_struct!(LangData { text, mail, questions, answers, tone, summary, rules, messages });
merge_struct!(TextData {} lists {
    detect_words, abbreviations, end_abbreviations, stopwords, stem_suffixes, date_words, time_words, amount_words,
    number_words
});
merge_struct!(MailData {} lists {
    greetings, signoffs, signature_lines, disclaimers, quote_wrote, quote_from, quote_fields, quote_separators,
    subject_prefixes
});
merge_struct!(QuestionData {} lists {
    small_talk, requests, politeness, imperative_endings, ask_verbs, infinitive_endings, embedded, embedded_links,
    interrogatives, not_requests, ordinals
});
merge_struct!(AnswerData {} lists { kinds, decline, evasion, promise, yes_no });
merge_struct!(ToneData {} lists {
    formal, familiar, informal_you, informal_you_endings, polite_you, not_informal, verbal_noun_endings, warm
});
merge_struct!(SummaryData { skeleton } lists { markers, client_requests, next_steps, deadlines, ritual });
merge_struct!(RuleData {} lists { internal_details, vague_promises, acknowledgements, client_questions });

/// Merges a whole pack: `[pack]` and `tests` are the overlay's own, never
/// inherited; top-level `remove` drops inherited rules and templates.
pub fn merge_pack(base: &mut PackSource, over: PackSource) -> Result<(), MergeError> {
    let path = &mut Vec::new();
    let r = &over.remove;
    remove_keys(&mut base.rules, "rules", &r.rules, path)?;
    remove_keys(&mut base.templates, "templates", &r.templates, path)?;
    if !r.tests.is_empty() {
        return Err((
            "removes tests, but tests are never inherited; delete the `remove.tests` line".into(),
            vec![Seg::Key("remove".into()), Seg::Key("tests".into())],
        ));
    }
    path.push(Seg::Key("checks".into()));
    base.checks.merge_from(over.checks, path)?;
    path.pop();
    path.push(Seg::Key("lang".into()));
    base.lang.merge_from(over.lang, path)?;
    path.pop();
    base.rules.merge_from(over.rules, path)?;
    base.response_time.merge_from(over.response_time, path)?;
    base.templates.merge_from(over.templates, path)?;
    base.pack = over.pack;
    base.tests = over.tests;
    base.remove = RemoveTop::default();
    Ok(())
}
