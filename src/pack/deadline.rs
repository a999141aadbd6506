//! The `{deadline}` of the pack's response-time standard, in words of a
//! language: "до понедельника, 17:00", "by Monday 5 pm".

use super::Pack;
use crate::text::Lang;
use crate::time::{LocalTime, Standard, format_time, local_now};

impl Pack {
    /// The pack's response-time standard, with defaults (24 h, Mon–Fri 09:00–18:00).
    pub fn standard(&self) -> Standard {
        let rt = self.source.response_time.clone().unwrap_or_default();
        Standard::new(
            rt.hours,
            rt.working_hours_start.as_deref(),
            rt.working_hours_end.as_deref(),
            &rt.working_days,
            rt.time_zone.as_deref(),
        )
    }

    /// The deadline as words in `lang`: "до понедельника, 17:00", "by Monday 5 pm".
    pub fn format_deadline(&self, lang: Lang, now: LocalTime, due: LocalTime) -> String {
        let sets = self.lang(lang);
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

    /// The `{deadline}` text for an exchange received `now`, if `now` is known.
    pub fn deadline_text(&self, now: Option<&str>, lang: Lang) -> Option<String> {
        let std = self.standard();
        let t = local_now(now?, &std)?;
        Some(self.format_deadline(lang, t, std.deadline(t)))
    }
}
