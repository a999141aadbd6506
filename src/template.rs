//! Acknowledgement templates: placeholders, rendering, and the `{deadline}`
//! computed from the pack's response-time standard.
//!
//! Deadline rule (docs/packs.md): a standard of 24 hours or more counts whole
//! working days (time of day kept; non-working days skipped), so a message on
//! Friday at 17:00 with a 24-hour standard is due on Monday at 17:00. A
//! shorter standard counts working hours only, so Friday 17:30 with two hours
//! is due Monday 10:30 with 09:00–18:00 working hours. A start outside
//! working time moves to the next working moment first.

use crate::mail::Exchange;
use crate::pack::{Pack, load::parse_hhmm, load::parse_offset};
use crate::text::{Lang, Span};
use serde::Serialize;
use std::collections::BTreeMap;

/// Names of the `{placeholders}` in a template text, in order, without repeats.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(a) = rest.find('{') {
        let after = &rest[a + 1..];
        let Some(b) = after.find('}') else { break };
        let name = &after[..b];
        if !name.is_empty()
            && name.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
            && !out.iter().any(|n| n == name)
        {
            out.push(name.to_string());
        }
        rest = &after[b + 1..];
    }
    out
}

/// A local date and time (in the pack's offset), minutes precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalTime {
    /// Days since 1970-01-01.
    pub day: i64,
    /// Minutes after midnight.
    pub minute: u32,
}

impl LocalTime {
    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> usize {
        (self.day + 3).rem_euclid(7) as usize
    }

    pub fn ymd(&self) -> (i64, u32, u32) {
        civil_from_days(self.day)
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

/// Parses RFC 3339 ("2025-03-07T17:00:00+02:00", "…Z") into UTC minutes since the epoch and the offset in minutes.
pub fn parse_rfc3339(s: &str) -> Option<(i64, i32)> {
    let s = s.trim();
    if s.len() < 16 {
        return None;
    }
    let y: i64 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    let hh: u32 = s.get(11..13)?.parse().ok()?;
    let mm: u32 = s.get(14..16)?.parse().ok()?;
    if !(1..=12).contains(&m)
        || !(1..=31).contains(&d)
        || hh > 23
        || mm > 59
        || !matches!(s.as_bytes().get(10), Some(b'T' | b't' | b' '))
    {
        return None;
    }
    let rest = &s[16..];
    let tz_at = rest.find(['Z', 'z', '+', '-']);
    let offset = match tz_at {
        Some(i) if matches!(&rest[i..i + 1], "Z" | "z") => 0,
        Some(i) => parse_offset(&rest[i..])?,
        None => 0,
    };
    let local = days_from_civil(y, m, d) * 1440 + (hh * 60 + mm) as i64;
    Some((local - offset as i64, offset))
}

/// The response-time standard of a pack, with defaults (24 h, Mon–Fri 09:00–18:00).
#[derive(Clone, Debug, PartialEq)]
pub struct Standard {
    pub hours: f64,
    pub start: u32,
    pub end: u32,
    pub days: [bool; 7],
    pub zone: Zone,
}

/// Where the working day is counted.
#[derive(Clone, Debug, PartialEq)]
pub enum Zone {
    /// The offset of the `now` the caller passes (the user's clock).
    Local,
    /// Minutes east of UTC.
    Fixed(i32),
    /// An IANA time zone: its offset at `now`, daylight saving included.
    Named(String),
}

impl Standard {
    pub fn of(pack: &Pack) -> Standard {
        let rt = pack.source.response_time.clone().unwrap_or_default();
        let mut days = [true, true, true, true, true, false, false];
        if !rt.working_days.is_empty() {
            days = [false; 7];
            for d in &rt.working_days {
                if let Some(i) = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().position(|x| x == d) {
                    days[i] = true;
                }
            }
        }
        Standard {
            hours: rt.hours.unwrap_or(24.0),
            start: rt.working_hours_start.as_deref().and_then(parse_hhmm).unwrap_or(9 * 60),
            end: rt.working_hours_end.as_deref().and_then(parse_hhmm).unwrap_or(18 * 60),
            days,
            zone: match rt.time_zone.as_deref() {
                None | Some("local") => Zone::Local,
                Some(z) => parse_offset(z).map_or_else(|| Zone::Named(z.to_string()), Zone::Fixed),
            },
        }
    }

    fn working_day(&self, day: i64) -> bool {
        self.days[LocalTime { day, minute: 0 }.weekday()]
    }

    /// The first working moment at or after `t`.
    fn next_working(&self, mut t: LocalTime) -> LocalTime {
        for _ in 0..14 {
            if self.working_day(t.day) {
                if t.minute < self.start {
                    return LocalTime { day: t.day, minute: self.start };
                }
                if t.minute < self.end {
                    return t;
                }
            }
            t = LocalTime { day: t.day + 1, minute: self.start };
        }
        t
    }

    /// When a reply received at `t` is due.
    pub fn deadline(&self, t: LocalTime) -> LocalTime {
        let mut t = self.next_working(t);
        if self.hours >= 24.0 {
            let mut days = (self.hours / 24.0).floor() as i64;
            let extra = ((self.hours - days as f64 * 24.0) * 60.0).round() as u32;
            while days > 0 {
                t.day += 1;
                if self.working_day(t.day) {
                    days -= 1;
                }
            }
            t.minute += extra;
            if t.minute >= 1440 {
                t.minute -= 1440;
                t.day += 1;
            }
            if t.minute > self.end || !self.working_day(t.day) {
                t = self.next_working(LocalTime { day: t.day, minute: t.minute.max(self.end) });
            }
            return t;
        }
        let mut left = (self.hours * 60.0).round() as u32;
        loop {
            let avail = self.end.saturating_sub(t.minute);
            if left <= avail {
                return LocalTime { day: t.day, minute: t.minute + left };
            }
            left -= avail;
            t = self.next_working(LocalTime { day: t.day + 1, minute: 0 });
        }
    }
}

/// "2025-03-07T17:00:00+02:00" in the standard's offset.
pub fn local_now(now: &str, std: &Standard) -> Option<LocalTime> {
    let (utc, own_offset) = parse_rfc3339(now)?;
    let offset = match &std.zone {
        Zone::Local => own_offset,
        Zone::Fixed(m) => *m,
        Zone::Named(name) => crate::tz::offset_minutes(name, utc)?,
    };
    let local = utc + offset as i64;
    Some(LocalTime { day: local.div_euclid(1440), minute: local.rem_euclid(1440) as u32 })
}

fn format_time(minute: u32, twelve_hour: bool) -> String {
    let (h, m) = (minute / 60, minute % 60);
    if !twelve_hour {
        return format!("{h:02}:{m:02}");
    }
    let (h12, ampm) = match h {
        0 => (12, "am"),
        1..=11 => (h, "am"),
        12 => (12, "pm"),
        _ => (h - 12, "pm"),
    };
    if m == 0 { format!("{h12} {ampm}") } else { format!("{h12}:{m:02} {ampm}") }
}

/// The deadline as words in `lang`: "до понедельника, 17:00", "by Monday 5 pm".
pub fn format_deadline(pack: &Pack, lang: Lang, now: LocalTime, due: LocalTime) -> String {
    let sets = pack.lang(lang);
    let twelve = sets.messages.get("time_format").is_some_and(|f| f == "12h");
    let time = format_time(due.minute, twelve);
    let key = match due.day - now.day {
        0 => "deadline_today",
        1 => "deadline_tomorrow",
        _ => "deadline_weekday",
    };
    let weekdays = sets.messages.get("weekdays").cloned().unwrap_or_default();
    let names: Vec<&str> = weekdays.split(',').map(str::trim).collect();
    let weekday = names.get(due.weekday()).copied().unwrap_or("");
    let (y, m, d) = due.ymd();
    let date = format!("{d:02}.{m:02}.{y}");
    sets.message(key, &[("weekday", weekday), ("time", &time), ("date", &date)])
}

/// The `{deadline}` text for an exchange received now, if `now` is known.
pub fn deadline_text(pack: &Pack, now: Option<&str>, lang: Lang) -> Option<String> {
    let std = Standard::of(pack);
    let t = local_now(now?, &std)?;
    Some(format_deadline(pack, lang, t, std.deadline(t)))
}

/// A template filled in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rendered {
    pub id: String,
    pub language: String,
    pub text: String,
    /// Placeholders left for the user, with their spans in `text` (bytes; converted by the caller).
    pub unfilled: Vec<(String, Span)>,
}

/// First name of a person from "Anna Petrova <a@b.c>" or a signature line.
fn first_name(s: &str) -> Option<String> {
    let s = s.split('<').next().unwrap_or("").trim().trim_matches('"');
    let s = s.split(['|', ',']).next().unwrap_or("").trim();
    let first = s.split_whitespace().find(|w| w.chars().count() > 2 || !w.ends_with('.'))?;
    (first.chars().next()?.is_uppercase() && first.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''))
        .then(|| first.to_string())
}

/// Ukrainian addresses people in the vocative: Олена → Олено, Денис → Денисе,
/// Андрій → Андрію, Марія → Маріє. A heuristic for first names only.
pub fn uk_vocative(name: &str) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    let Some(&last) = chars.last() else {
        return String::new();
    };
    let cyr = chars.iter().all(|c| ('\u{0400}'..='\u{04FF}').contains(c) || *c == '\'' || *c == '-');
    if !cyr || chars.len() < 3 {
        return name.to_string();
    }
    match last {
        'а' => {
            chars.pop();
            chars.push('о');
        }
        'я' => {
            chars.pop();
            chars.push(if matches!(chars.last(), Some('і')) { 'є' } else { 'е' });
        }
        'й' => {
            chars.pop();
            chars.push('ю');
        }
        'о' | 'е' | 'є' | 'у' | 'ю' | 'и' | 'і' => {}
        _ => chars.push('е'),
    }
    chars.into_iter().collect()
}

/// Values the exchange provides: the client's and the manager's names, the subject, the deadline.
pub fn values_from(pack: &Pack, exchange: &Exchange, lang: Lang) -> BTreeMap<String, String> {
    let mut v = BTreeMap::new();
    let ctx = crate::checks::Context::new(exchange, pack);
    let name_line = |parts: &crate::mail::Parts, doc: &crate::text::Document| -> Option<String> {
        let from_signoff = parts.signoff.and_then(|s| {
            let line = s.slice(doc.text());
            line.split_once([',', '!']).and_then(|(_, rest)| first_name(rest))
        });
        from_signoff.or_else(|| parts.signature.and_then(|s| s.slice(doc.text()).lines().find_map(first_name)))
    };
    let client = name_line(&ctx.incoming_parts, &ctx.incoming).or_else(|| first_name(&exchange.incoming.from));
    if let Some(c) = client {
        v.insert("client_name".into(), if lang == Lang::Uk { uk_vocative(&c) } else { c });
    }
    if let Some(m) = name_line(&ctx.draft_parts, &ctx.draft) {
        v.insert("manager_name".into(), m);
    }
    let subject = crate::checks::subject_changed::core_subject(&exchange.incoming.subject, &pack.mail);
    if !subject.is_empty() {
        v.insert("subject".into(), subject);
    }
    if let Some(d) = deadline_text(pack, exchange.now.as_deref(), lang) {
        v.insert("deadline".into(), d);
    }
    v
}

/// Renders template `id` with values from the exchange (if any) and `extra` values.
pub fn render(
    pack: &Pack,
    id: &str,
    exchange: Option<&Exchange>,
    extra: &BTreeMap<String, String>,
) -> Result<Rendered, String> {
    let t = pack.templates().iter().find(|t| t.id == id).ok_or_else(|| {
        let ids: Vec<&str> = pack.templates().iter().map(|t| t.id.as_str()).collect();
        format!("the pack {:?} has no template {id:?}; it has: {}", pack.id(), ids.join(", "))
    })?;
    let lang = Lang::from_code(&t.language).unwrap_or(Lang::En);
    let mut values = exchange.map(|e| values_from(pack, e, lang)).unwrap_or_default();
    if exchange.is_none() {
        // without an exchange a deadline can still be computed from the clock the caller passed
        if let Some(now) = extra.get("now")
            && let Some(d) = deadline_text(pack, Some(now), lang)
        {
            values.insert("deadline".into(), d);
        }
    }
    for (k, val) in extra {
        if !val.is_empty() {
            values.insert(k.clone(), val.clone());
        }
    }
    // fill in one pass so a value that contains "{x}" is never expanded again
    let mut text = String::with_capacity(t.text.len() + 64);
    let mut unfilled = Vec::new();
    let mut rest = t.text.as_str();
    while let Some(a) = rest.find('{') {
        text.push_str(&rest[..a]);
        let after = &rest[a + 1..];
        match after.find('}') {
            Some(b) if placeholders(&rest[a..a + b + 2]).len() == 1 => {
                let name = &after[..b];
                match values.get(name).filter(|_| !t.fill.iter().any(|f| f == name) || extra.contains_key(name)) {
                    Some(val) => text.push_str(val),
                    None => {
                        let start = text.len();
                        text.push('{');
                        text.push_str(name);
                        text.push('}');
                        unfilled.push((name.to_string(), Span::new(start, text.len())));
                    }
                }
                rest = &after[b + 1..];
            }
            _ => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    Ok(Rendered { id: t.id.clone(), language: t.language.clone(), text, unfilled })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i64, m: u32, d: u32, h: u32, min: u32) -> LocalTime {
        LocalTime { day: days_from_civil(y, m, d), minute: h * 60 + min }
    }

    fn std(hours: f64) -> Standard {
        Standard {
            hours,
            start: 9 * 60,
            end: 18 * 60,
            days: [true, true, true, true, true, false, false],
            zone: Zone::Local,
        }
    }

    #[test]
    fn friday_five_pm_plus_24_hours_is_monday_five_pm() {
        // 2025-03-07 is a Friday
        assert_eq!(at(2025, 3, 7, 0, 0).weekday(), 4);
        assert_eq!(std(24.0).deadline(at(2025, 3, 7, 17, 0)), at(2025, 3, 10, 17, 0));
    }

    #[test]
    fn two_hour_standard_counts_working_hours_over_the_weekend() {
        assert_eq!(std(2.0).deadline(at(2025, 3, 7, 17, 30)), at(2025, 3, 10, 10, 30));
        assert_eq!(std(2.0).deadline(at(2025, 3, 5, 10, 0)), at(2025, 3, 5, 12, 0));
    }

    #[test]
    fn a_message_on_saturday_night_starts_the_clock_on_monday_morning() {
        assert_eq!(std(24.0).deadline(at(2025, 3, 8, 23, 0)), at(2025, 3, 11, 9, 0));
        assert_eq!(std(2.0).deadline(at(2025, 3, 8, 23, 0)), at(2025, 3, 10, 11, 0));
    }

    #[test]
    fn rfc3339_with_offsets() {
        let (utc, off) = parse_rfc3339("2025-03-07T17:00:00+02:00").unwrap();
        assert_eq!(off, 120);
        assert_eq!(utc, days_from_civil(2025, 3, 7) * 1440 + 15 * 60);
        assert_eq!(parse_rfc3339("2025-03-07T17:00:00Z").unwrap().1, 0);
        assert!(parse_rfc3339("yesterday").is_none());
    }

    #[test]
    fn placeholders_are_listed_once_in_order() {
        assert_eq!(
            placeholders("Hi {client_name}, {document} by {deadline}. {client_name}"),
            vec!["client_name", "document", "deadline"]
        );
        assert!(placeholders("no { braces } here {Bad}").is_empty());
    }

    #[test]
    fn ukrainian_vocative_of_first_names() {
        assert_eq!(uk_vocative("Олена"), "Олено");
        assert_eq!(uk_vocative("Денис"), "Денисе");
        assert_eq!(uk_vocative("Андрій"), "Андрію");
        assert_eq!(uk_vocative("Марія"), "Маріє");
        assert_eq!(uk_vocative("Tom"), "Tom");
    }
}
